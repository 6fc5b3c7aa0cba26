"""Red seals pressed onto the clean page (a company's round seal, an invoice's oval, a square name seal)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from dossier.models import Box
from dossier.samples import handwriting as hw
from dossier.samples import seals
from dossier.samples.family_c.page import Page, SealSpot

REDS = ((200, 32, 42), (214, 50, 56), (186, 28, 48), (222, 66, 70), (170, 30, 40))


@dataclass
class Pressed:
    spot: SealSpot
    box: Box
    origin: tuple[int, int]  # where the alpha's top-left was placed
    alpha: np.ndarray  # the seal's ink as pressed, placed with its top-left at box[:2]
    bare: np.ndarray  # where that ink fell on bare paper (no print, no signature under it)


def press(rng: random.Random, page: Page, spot: SealSpot) -> Pressed:
    # The seal cutter sets the same script as the page (seal_alpha draws the text as given).
    alpha = seals.seal_alpha(rng, spot.shape, page.script(spot.text), page.script(spot.middle), page.dpi, page.hant)
    alpha = seals.rotated(alpha, rng.uniform(-25, 25) if spot.shape != "oval" else rng.uniform(-8, 8))
    h, w = alpha.shape
    x = int(spot.centre[0] - w / 2 + rng.uniform(-0.08, 0.08) * w)
    y = int(spot.centre[1] - h / 2 + rng.uniform(-0.08, 0.08) * h)
    x = min(max(0, x), page.width - w)
    y = min(max(0, y), page.height - h)
    under = np.asarray(page.img.crop((x, y, x + w, y + h)).convert("L"), dtype=np.float32)
    bare = (alpha > 0.35) & (under > 225)
    hw.multiply(page.img, alpha, rng.choice(REDS), (x, y), opacity=rng.uniform(0.75, 0.95))
    ys, xs = np.nonzero(alpha > 0.1)
    box = (x + int(xs.min()), y + int(ys.min()), x + int(xs.max()) + 1, y + int(ys.max()) + 1) if len(xs) else (x, y, x + w, y + h)
    return Pressed(spot, box, (x, y), alpha, bare)
