"""Pen and stamp: sign a field (or leave it blank, sometimes with a stray mark) and press red seals."""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from dossier.models import Box
from dossier.samples.handwriting import (
    blank_mark,
    chinese_signature,
    multiply,
    pen_colour,
    real_signature,
    synthetic_signature,
)
from dossier.samples.seals import REDS, rotated, seal_alpha

from .page import Page, Spot


@dataclass
class Signed:
    spot: Spot
    page: int  # index in the document
    status: str
    source: str | None
    ink: str | None
    mark: str | None


def sign(p: Page, spot: Spot, rng: random.Random, blank_p: float, writer: int | None) -> tuple[str, str | None, str | None, str | None]:
    """Fill one field; returns (status, source, ink, mark)."""
    x0, y0, x1, y1 = spot.box
    w, h = x1 - x0, y1 - y0
    if rng.random() < blank_p:
        if rng.random() < 0.3:
            kind = rng.choice(("specks", "smudge", "stray_line"))
            multiply(p.img, blank_mark(rng, (w, h), kind), (60, 60, 70), (x0, y0))
            return "blank", None, None, kind
        return "blank", None, None, None
    colour, ink = pen_colour(rng)
    r = rng.random()
    height = int(h * rng.uniform(0.6, 0.95))
    alpha: np.ndarray | None
    if r < 0.75:
        alpha, source = chinese_signature(rng, writer, height), "real"
    elif r < 0.87:
        alpha, source = real_signature(rng, height), "real"
    else:
        alpha, source = None, "synthetic"
    if alpha is None:
        alpha, source = synthetic_signature(rng, height), "synthetic"
    if alpha.shape[1] > w:  # a long name squeezed into a short field
        import cv2
        f = w / alpha.shape[1]
        alpha = cv2.resize(alpha, (max(1, w), max(1, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
    ah, aw = alpha.shape
    ax = x0 + rng.randint(0, max(0, w - aw))
    ay = y0 + max(0, (h - ah) // 2) + rng.randint(-h // 10, h // 10)
    multiply(p.img, alpha, colour, (ax, ay))
    return "signed", source, ink, None


@dataclass
class Pressed:
    page: int
    box: Box
    shape: str
    text: str
    own: np.ndarray  # the seal's ink, page-sized mask where it fell on bare paper


def seal(p: Page, rng: random.Random, cx: int, cy: int, shape: str, text: str, middle: str) -> Pressed:
    alpha = rotated(seal_alpha(rng, shape, text, middle, p.dpi, p.hant), rng.uniform(-25, 25))
    h, w = alpha.shape
    x, y = cx - w // 2, cy - h // 2
    x = max(0, min(p.width - w, x))
    y = max(0, min(p.height - h, y))
    before = np.asarray(p.img.convert("L"), dtype=np.uint8)
    multiply(p.img, alpha, rng.choice(REDS), (x, y), opacity=rng.uniform(0.75, 0.95))
    own = np.zeros((p.height, p.width), bool)
    own[y:y + h, x:x + w] = (alpha > 0.5) & (before[y:y + h, x:x + w] > 200)
    ys, xs = np.nonzero(alpha > 0.15)
    box = (x + int(xs.min()), y + int(ys.min()), x + int(xs.max()) + 1, y + int(ys.max()) + 1) if len(xs) else (x, y, x + w, y + h)
    return Pressed(-1, box, shape, text, own)
