"""No seal on plain black print; a real stamp pressed on print is one, in colour and photocopied.

The grey passes of classify/seal.py look for rings in all dark ink (a photocopied seal is grey): on
a page of large print the frame of a round character (回, 圆, 國) is such a ring unless a ring must
be much larger than the page's text. Pages are drawn with PIL in several of the Debian CJK fonts;
the stamps are real photographs (samples/real/stamps).
"""

from __future__ import annotations

import random
from functools import lru_cache

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.seal import find_seals
from dossier.samples.handwriting import REAL_SAMPLES

FONTS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]
# Body text heavy in boxed and round characters.
TEXT = "本合同由甲乙双方在平等自愿的基础上协商一致签订回国圆图团因园固围四口日目田品器圈喜哥同周司局向问间阁闻"


@lru_cache(maxsize=8)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def printed(path: str, size: int, width: int, height: int, seed: int = 0) -> Image.Image:
    """A page filled with lines of black print in one font."""
    rng = random.Random(seed)
    page = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(page)
    y = size // 2
    while y < height - size:
        d.text((size // 2, y), "".join(rng.choice(TEXT) for _ in range(width // size)), font=font(path, size),
               fill=(20, 20, 20))
        y += int(size * rng.uniform(1.3, 1.7))
    return page


@pytest.mark.parametrize("path", FONTS)
@pytest.mark.parametrize(("size", "width", "height"), [(40, 1654, 2339), (96, 600, 420), (64, 827, 600)])
def test_plain_black_print_bears_no_seal(path: str, size: int, width: int, height: int) -> None:
    # (96, 600, 420): a phone shot of a few lines of large print, where each character is a fifth of
    # the picture's height — the size of a company seal on an A4 page.
    assert find_seals(np.asarray(printed(path, size, width, height))) == []


def stamp(k: int, side: int, grey: bool) -> tuple[np.ndarray, np.ndarray]:
    """A real stamp photo as (colour, alpha) `side` pixels wide: its red ink only, or on a copy grey."""
    img = Image.open(REAL_SAMPLES / "stamps" / f"{k}.jpg").convert("RGB")
    img = img.resize((side, int(img.height * side / img.width)))
    rgb = np.asarray(img, np.float32)
    redness = np.clip((rgb[..., 0] - rgb[..., 1:].max(axis=2) - 30) / 80, 0, 1)
    colour = np.array((120, 120, 120) if grey else (205, 35, 45), np.float32)
    return colour, redness


def press(page: Image.Image, k: int, at: tuple[int, int], side: int, grey: bool) -> np.ndarray:
    colour, alpha = stamp(k, side, grey)
    x, y = at
    h, w = alpha.shape
    out = np.asarray(page, np.float32).copy()
    region = out[y : y + h, x : x + w]
    out[y : y + h, x : x + w] = region * (1 - alpha[..., None] * (1 - colour / 255))
    return out.astype(np.uint8)


def signing_block(path: str) -> Image.Image:
    """A contract's last page: paragraphs of print, then the seller's seal line and a date."""
    rng = random.Random(5)
    page = Image.new("RGB", (1654, 2339), "white")
    d = ImageDraw.Draw(page)
    for y in range(100, 1300, 60):
        d.text((80, y), "".join(rng.choice(TEXT) for _ in range(36)), font=font(path, 40), fill=(20, 20, 20))
    d.text((900, 1650), "甲方（盖章）：", font=font(path, 40), fill=(20, 20, 20))
    d.text((900, 1800), "日期：2024年3月5日", font=font(path, 40), fill=(20, 20, 20))
    return page


@pytest.mark.parametrize("path", FONTS[:2])
def test_a_real_stamp_pressed_on_print_is_a_seal(path: str) -> None:
    side = 330  # the photo's width: its stamp about 35 mm at 200 dpi
    image = press(printed(path, 40, 1654, 2339, seed=3), 2, (1100, 1500), side, grey=False)
    hits = find_seals(image)
    assert len(hits) == 1
    x0, y0, x1, y1 = hits[0].box
    assert 1100 < (x0 + x1) / 2 < 1430 and 1500 < (y0 + y1) / 2 < 1750


@pytest.mark.parametrize(("path", "k"), [(FONTS[0], 4), (FONTS[0], 8), (FONTS[0], 11), (FONTS[1], 8)])
def test_a_photocopied_real_stamp_over_a_signing_line_is_a_seal(path: str, k: int) -> None:
    # Grey, the copy's seal is found by the same ring passes as a large character was: the rule
    # against print must leave it.
    image = press(signing_block(path), k, (1000, 1500), 450, grey=True)
    hits = find_seals(image)
    assert len(hits) == 1
    x0, y0, x1, y1 = hits[0].box
    assert 1000 < (x0 + x1) / 2 < 1450 and 1500 < (y0 + y1) / 2 < 1900
