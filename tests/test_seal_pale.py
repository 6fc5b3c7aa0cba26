"""Red seals on colour scans: JPEG and noise wash a seal's red out until its ring is left in bits too
small to trace; found all the same. A form's empty seal-sized circle is still no seal, nor a ring of
red traced in a photo's paintwork (a seal is pressed on paper)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.seal import find_seals
from dossier.samples.degrade import Look
from tests.test_seal_grey import copied_pages, invoice_seals_missed
from tests.test_seal_signature import font, invoice_page, jpeg, multiply, seal_image, text_page

WASHED_OUT = Look(noise=10.0, jpeg=26, skew=1.5, blur=0.9)  # a poor colour scan, saved as a small JPEG


def test_washed_out_red_invoice_seals_are_found() -> None:
    """Before the ring filter ran on red pages, seeds 2 and 6 were missed."""
    sealed, missed = invoice_seals_missed(WASHED_OUT)
    assert sealed >= 8
    assert missed == []


def test_empty_red_seal_placeholder_is_not_a_seal() -> None:
    """A form's 盖章处 circle, seal-sized and printed in red, with red captions on the page: a ring
    standing clear, but nothing inside it."""
    page = text_page(random.Random(4), height=1400)
    full = Image.new("RGB", (1654, 2339), "white")
    full.paste(page, (0, 0))
    d = ImageDraw.Draw(full)
    red = (205, 45, 50)
    d.line((140, 1500, 1500, 1500), fill=red, width=4)
    d.line((140, 1508, 1500, 1508), fill=red, width=2)
    d.ellipse((1100, 1650, 1430, 1980), outline=red, width=4)
    d.text((140, 1700), "（盖章处）", font=font(40), fill=red)
    image = np.asarray(jpeg(full, 30))
    assert find_seals(image) == []


def test_generated_car_photos_have_no_seal() -> None:
    """A delivery photo's pink and magenta paintwork and sky enter the red mask; a ring traced in it is
    on no paper (seed 46's was claimed before the band round a red seal had to be paper or print)."""
    claimed = []
    for seed in range(40, 52):
        for image, _boxes in copied_pages(seed, "delivery_photo", Look(noise=2.0, skew=2.5)):
            if find_seals(image):
                claimed.append(seed)
    assert claimed == []


def lightly_pressed(seed: int, strength: float | None) -> np.ndarray:
    """A text page on cream paper, a company seal pressed at `strength` of its ink (None: no seal), a
    little noise and JPEG: a pale seal as a phone photo of the sheet shows it."""
    rng = random.Random(seed)
    page = text_page(rng, height=1600)
    page = Image.fromarray((np.asarray(page, np.float32) * np.array([0.97, 0.95, 0.86], np.float32)).astype(np.uint8))
    if strength is not None:
        seal = seal_image("round", 330, rng)
        seal.putalpha(seal.getchannel("A").point(lambda a: int(a * strength)))
        multiply(page, seal, (1100, 1150))
    noisy = np.asarray(page, np.float32) + np.random.default_rng(seed).normal(0, 4, (page.height, page.width, 3))
    return np.asarray(jpeg(Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)), 60))


def test_a_seal_pressed_so_lightly_that_its_ring_is_barely_pink_is_found() -> None:
    """An eighth of a seal's ink on cream paper: its ring's saturation 15-25, under the reddish mask's
    floor (all six were missed before the pale pass); the same pages unsealed have none."""
    assert [bool(find_seals(lightly_pressed(seed, 0.12))) for seed in range(6)] == [True] * 6
    assert [find_seals(lightly_pressed(seed, None)) for seed in range(3)] == [[]] * 3


def washed_invoice_seal(size: int, rng: random.Random, ring: float, text: float) -> Image.Image:
    """An invoice seal (40 x 30 mm oval, company name along it, tax number and 发票专用章 inside) whose ink
    washed out unevenly: its ring at `ring` of full ink (pink: in the reddish mask, not the red one), its thin
    text at `text` (palest pink)."""
    colour = (215, 30, 40)
    w, h = size, int(size * 0.75)
    big = 4  # drawn large, then shrunk: smooth edges like a scan
    W, H = w * big, h * big
    img = Image.new("RGBA", (W, H), (*colour, 0))
    d = ImageDraw.Draw(img)
    width = max(3, int(H * 0.035))
    d.ellipse((width, width, W - width, H - width), outline=(*colour, int(255 * ring)), width=width * 2)
    ink = (*colour, int(255 * text))
    f = font(int(H * 0.12), bold=True)
    name = "杭州通达汽车销售服务有限公司"
    a0, a1 = math.radians(200), math.radians(-20)
    rx, ry = W / 2 - width * 4 - H * 0.07, H / 2 - width * 4 - H * 0.07
    for k, ch in enumerate(name):
        a = a0 + (a1 - a0) * k / (len(name) - 1)
        glyph = Image.new("RGBA", (int(f.size * 1.4),) * 2, (*colour, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=f, fill=ink, anchor="mm")
        glyph = glyph.rotate(math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
        cx, cy = W / 2 + rx * math.cos(a), H / 2 - ry * math.sin(a)
        img.alpha_composite(glyph, (int(cx - glyph.width / 2), int(cy - glyph.height / 2)))
    d.text((W / 2, H * 0.55), "91330106MA2B3E9AC", font=font(int(H * 0.09)), fill=ink, anchor="mm")
    d.text((W / 2, H * 0.76), "发票专用章", font=font(int(H * 0.13), bold=True), fill=ink, anchor="mm")
    img = img.resize((w, h), Image.Resampling.LANCZOS)
    return img.rotate(rng.uniform(-10, 10), resample=Image.Resampling.BICUBIC, expand=True)


@pytest.mark.parametrize("seed", range(4))
def test_an_invoice_seal_whose_text_washed_out_before_its_ring_is_found(seed: int) -> None:
    """On an invoice printed in red-brown (all its print in the red mask), an oval seal whose ring is pink
    and whole, its text the palest pink: in the reddish mask the ring stands clear round almost nothing
    (seeds 0-2 were missed, 3 found as a ring of the wrong size, before the text was looked for in the
    palest red; development set g had one such)."""
    rng = random.Random(seed)
    page = invoice_page(rng, (185, 70, 60))
    seal = washed_invoice_seal(320, rng, 0.22, 0.10)
    multiply(page, seal, (1150, 700))
    hits = find_seals(np.asarray(page))
    assert [h.shape for h in hits] == ["oval"], hits
    x0, y0, x1, y1 = hits[0].box
    assert abs((x0 + x1) / 2 - (1150 + seal.width / 2)) < 20 and abs((y0 + y1) / 2 - (700 + seal.height / 2)) < 20
