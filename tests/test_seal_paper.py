"""Pale red seals on tinted paper: a seal pressed lightly on cream or pale blue stock keeps little red
(pink on cream reads as the hue of brown print), so the page's paper is made white before the seal's
colour is judged, and a seal pale all over is searched for even where no pixel of it is strongly red.
Plain print on the same papers, black or brown-red, still bears no seal."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.seal import find_seals
from tests.test_seal_signature import font, jpeg, seal_image, text_page

PAPERS = {"cream": (255, 250, 221), "blue": (231, 244, 252)}


def tinted(page: Image.Image, paper: tuple[int, int, int]) -> Image.Image:
    """The page printed on coloured stock: ink stays, white becomes the paper's colour."""
    a = np.asarray(page.convert("RGB")).astype(np.float32) / 255
    return Image.fromarray((a * np.array(paper, np.float32)).astype(np.uint8))


def pale(seal: Image.Image, strength: float) -> Image.Image:
    """A lightly pressed seal: its ink a share as opaque."""
    r, g, b, a = seal.split()
    return Image.merge("RGBA", (r, g, b, a.point(lambda v: int(v * strength))))


def pale_page(seed: int, shape: str, paper: str) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    rng = random.Random(seed)
    page = tinted(text_page(rng), PAPERS[paper])
    seal = pale(seal_image(shape, 330, rng, colour=(225, 60, 70)), 0.3)
    at = (1100, 1700)
    page.paste(seal, at, seal)
    return np.asarray(jpeg(page, 60)), (at[0], at[1], at[0] + seal.width, at[1] + seal.height)


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("shape", ["round", "oval"])
def test_pale_seal_on_tinted_paper_is_found(shape: str, paper: str) -> None:
    found = []
    for seed in range(3):
        image, box = pale_page(seed, shape, paper)
        hits = find_seals(image)
        found.append(any(h.box[0] < box[2] and box[0] < h.box[2] and h.box[1] < box[3] and box[1] < h.box[3] for h in hits))
    assert all(found), found


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_print_on_tinted_paper_bears_no_seal(paper: str) -> None:
    """Black body text with brown-red headings and rulings (an invoice's print) on coloured stock."""
    rng = random.Random(7)
    page = text_page(rng)
    d = ImageDraw.Draw(page)
    brown = (160, 70, 50)
    d.text((140, 1600), "價稅合計（大寫）（小寫）銷售方名稱", font=font(40), fill=brown)
    d.rectangle((140, 1700, 1500, 2100), outline=brown, width=3)
    for y in (1800, 1900, 2000):
        d.line((140, y, 1500, y), fill=brown, width=2)
    d.ellipse((1150, 1720, 1350, 1880), outline=brown, width=2)
    assert find_seals(np.asarray(jpeg(tinted(page, PAPERS[paper]), 60))) == []
