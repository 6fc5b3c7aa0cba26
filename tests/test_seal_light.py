"""Seals on grey copies told by their grey and their line (classify/seal.py `_light_rings`, `ring_width`).
A copy turns a seal's red into a grey lighter than the print: a pale seal's thin ring then fades into the
paper at the working scale, and print crossing it cuts it; its ring is still there, whole, in the ink
lighter than the print. A copy may keep a pale oval's ring and lose its text. And a thick dark ring in a
photo (a car's wheel) is no seal: a seal's ring is a line. Fixtures are drawn here, after the development
sets' misses (b: empty grey ovals; g, i: pale round seals under print; j: wheels in delivery photos).
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.seal import find_seals
from tests.test_seal_signature import font, multiply, photocopy, star, text_page


def pale_seal(size: int, grey: int, rng: random.Random, ring: int = 5, text: bool = True) -> Image.Image:
    """A copied seal as it comes off a grey copy (RGBA, grey ink): a thin ring, the company's name along
    it in thin characters, a star; `text=False`: the ring alone, its text lost."""
    im = Image.new("RGBA", (size, size), (grey, grey, grey, 0))
    d = ImageDraw.Draw(im)
    ink = (grey, grey, grey, 255)
    d.ellipse((2, 2, size - 3, size - 3), outline=ink, width=ring)
    if text:
        f = font(int(size * 0.12))
        name = rng.choice(["中国人民财产保险股份有限公司", "合肥金域物业服务有限公司", "杭州百川建筑工程有限公司"])
        a0, a1 = math.radians(210), math.radians(-30)
        r = size / 2 - ring - size * 0.1
        for k, ch in enumerate(name):
            a = a0 + (a1 - a0) * k / (len(name) - 1)
            glyph = Image.new("RGBA", (int(f.size * 1.4),) * 2, (grey, grey, grey, 0))
            ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=f, fill=ink, anchor="mm")
            glyph = glyph.rotate(math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
            cx, cy = size / 2 + r * math.cos(a), size / 2 - r * math.sin(a)
            im.alpha_composite(glyph, (int(cx - glyph.width / 2), int(cy - glyph.height / 2)))
        star(d, size / 2, size / 2, size * 0.16, ink)
    return im


def _overlaps(a: tuple[int, int, int, int], at: tuple[int, int], r: int) -> bool:
    return a[0] < at[0] + r and at[0] - r < a[2] and a[1] < at[1] + r and at[1] - r < a[3]


def _form(rng: random.Random) -> Image.Image:
    """An A4 page of black print down to two thirds of its height, the signing space under it blank."""
    out = Image.new("RGB", (1654, 2339), "white")
    out.paste(text_page(rng, height=1300).crop((0, 0, 1654, 1300)), (0, 0))
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_pale_copied_round_seal_pressed_over_print_is_found(seed: int) -> None:
    """A thin ring (3 px at 200 dpi) and text at grey 210 (i's missed seal: its ink's median 202), print
    crossing it: averaged into the working copy, the ring fades into the paper."""
    rng = random.Random(seed)
    page = _form(rng)
    at = (1150, 1480)
    ImageDraw.Draw(page).text((820, 1380), "保险人（签章）  经办：", font=font(40), fill="black")
    seal = pale_seal(320, 210, rng, ring=3)
    multiply(page, seal, (at[0] - seal.width // 2, at[1] - seal.height // 2))
    hits = find_seals(np.asarray(page))
    assert len(hits) == 1
    assert _overlaps(hits[0].box, at, 160)


def test_a_copied_ring_that_lost_its_text_is_found_but_a_black_printed_ring_is_not() -> None:
    """An oval ring lighter than the print, whole and standing clear, is a copied seal (b's missed
    ovals: grey, their text gone); the same ring printed black (a form's drawn circle) is print."""
    for grey, sealed in ((170, True), (0, False)):
        page = _form(random.Random(5))
        multiply(page, pale_seal(300, grey, random.Random(5), ring=3, text=False).resize((300, 220)), (700, 1600))
        assert bool(find_seals(np.asarray(page))) is sealed, grey


def _delivery_photo(rng: random.Random) -> Image.Image:
    """A grey photo of a car handed over: body and glass as grey blocks, wheels as thick black rings,
    people as grey figures, a dark banner with white characters."""
    im = Image.new("RGB", (1181, 886), (205, 205, 205))
    d = ImageDraw.Draw(im)
    d.rectangle((110, 40, 1070, 150), fill=(60, 60, 60))
    d.text((590, 95), "恭喜刘先生喜提爱车", font=font(48, bold=True), fill="white", anchor="mm")
    d.polygon([(150, 640), (260, 470), (440, 460), (520, 350), (820, 350), (900, 460), (1030, 520), (1030, 640)], fill=(165, 165, 165))
    d.polygon([(470, 470), (540, 380), (800, 380), (870, 470)], fill=(70, 70, 70))
    for cx in (320, 860):
        r = int(rng.uniform(75, 85))
        d.ellipse((cx - r, 640 - r, cx + r, 640 + r), fill=(10, 10, 10))
        d.ellipse((cx - r // 2, 640 - r // 2, cx + r // 2, 640 + r // 2), fill=(160, 160, 160))
    for x in (145, 865):
        d.ellipse((x + 20, 230, x + 90, 300), fill=(190, 190, 190))
        d.rectangle((x, 305, x + 105, 590), fill=(40, 40, 40))
    noise = np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 5, (886, 1181, 1))
    return Image.fromarray(np.clip(np.asarray(im, np.float32) + noise, 0, 255).astype(np.uint8))


@pytest.mark.parametrize("seed", [0, 1])
def test_wheels_in_a_grey_delivery_photo_are_no_seals(seed: int) -> None:
    rng = random.Random(seed)
    assert find_seals(np.asarray(_delivery_photo(rng))) == []
    assert find_seals(np.asarray(photocopy(_delivery_photo(rng), rng))) == []
