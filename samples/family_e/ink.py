"""Signing, stamping and scanning a rendered document, keeping each box where it ends up."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from dossier.models import Box
from dossier.samples import degrade, handwriting, seals
from dossier.samples.truth import SealTruth, SignatureTruth

from .page import Slot
from .sheet import Doc

MARKS = ("specks", "smudge", "stray_line")


@dataclass
class Inked:
    """A document's pages with ink on them, and the truth in the clean page's pixels."""

    images: list[Image.Image]
    signatures: list[tuple[SignatureTruth, Slot]] = field(default_factory=list)
    seals: list[tuple[SealTruth, int, np.ndarray, np.ndarray]] = field(default_factory=list)  # truth, page, own ys, xs


def _overlap(a: Box, b: Box) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return ix * iy / area


def _sign(rng: random.Random, img: Image.Image, slot: Slot, must: bool) -> SignatureTruth:
    x0, y0, x1, y1 = slot.box
    bw, bh = x1 - x0, y1 - y0
    if not must and rng.random() < 0.3:
        mark = rng.choice(MARKS) if rng.random() < 0.35 else None
        if mark:
            colour, _ = handwriting.pen_colour(rng)
            handwriting.multiply(img, handwriting.blank_mark(rng, (bw, bh), mark), colour, (x0, y0))
        return SignatureTruth(role=slot.role, label=slot.label, status="blank", page=0, box=slot.box, mark=mark)
    h = int(bh * rng.uniform(0.6, 1.05))
    r = rng.random()
    alpha = None
    source = "real"
    if r < 0.75:
        alpha = handwriting.chinese_signature(rng, rng.randint(1, 20) if rng.random() < 0.8 else None, h)
    elif r < 0.87:
        alpha = handwriting.real_signature(rng, h)
    if alpha is None:
        alpha, source = handwriting.synthetic_signature(rng, h), "synthetic"
    if alpha.shape[1] > bw * 0.95:  # a long name: written smaller to fit the field
        f = bw * 0.9 / alpha.shape[1]
        alpha = cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
    colour, ink = handwriting.pen_colour(rng)
    ax = x0 + rng.randint(0, max(0, bw - alpha.shape[1]) // 2 + 1)
    ay = y1 - alpha.shape[0] - rng.randint(-bh // 8, max(1, bh // 5))  # resting on the line, or above it
    ay = max(y0 - bh // 6, ay)
    handwriting.multiply(img, alpha, colour, (ax, ay))
    return SignatureTruth(role=slot.role, label=slot.label, status="signed", page=0, box=slot.box, source=source,
                          ink=ink)


def ink(rng: random.Random, doc: Doc) -> Inked:
    pages = [pg.img.copy() for pg in doc.pages]
    out = Inked(pages)
    sealed = {id(s.slot) for s in doc.seals if s.slot is not None}
    for slot in doc.slots:
        st = _sign(rng, pages[slot.page], slot, id(slot) in sealed)
        out.signatures.append((st, slot))
    for spot in doc.seals:
        img = pages[spot.page]
        alpha = seals.seal_alpha(rng, spot.shape, spot.text, spot.middle, doc.pages[spot.page].dpi, doc.pages[spot.page].traditional)
        alpha = seals.rotated(alpha, rng.uniform(-25, 25)) if spot.shape != "square" else alpha
        h, w = alpha.shape
        x = min(max(0, spot.cx - w // 2), img.width - w)
        y = min(max(0, spot.cy - h // 2), img.height - h)
        ys, xs = np.nonzero(alpha > 0.05)
        box = (int(x + xs.min()), int(y + ys.min()), int(x + xs.max() + 1), int(y + ys.max() + 1))
        paper = np.asarray(img.convert("L").crop((x, y, x + w, y + h)), dtype=np.float32)
        own_y, own_x = np.nonzero((alpha > 0.4) & (paper > 215))  # its own ink where it fell on bare paper
        handwriting.multiply(img, alpha, rng.choice(seals.REDS), (x, y), opacity=rng.uniform(0.75, 0.95))
        # a square name chop reads the name and 印 (seals.seal_alpha cuts it that way)
        text = ((spot.text + "印")[:4] if len(spot.text) < 4 else spot.text[:4]) if spot.shape == "square" else spot.text
        truth = SealTruth(page=spot.page, box=box, shape=spot.shape, text=text, colour="red")
        out.seals.append((truth, spot.page, own_y + y, own_x + x))
        for st, slot in out.signatures:
            if slot.page == spot.page and _overlap(st.box, box) > 0.15:
                st.under_seal = True
    return out


def scan(rng: random.Random, img: Image.Image, look: degrade.Look) -> tuple[Image.Image, np.ndarray]:
    return degrade.apply(img, look, rng)


def seen(img: Image.Image, H: np.ndarray, ys: np.ndarray, xs: np.ndarray) -> float:
    """Share of a seal's own ink still dark after a black-and-white scan."""
    if img.mode != "1" or not len(xs):
        return 1.0
    step = max(1, len(xs) // 3000)
    pts = np.stack([xs[::step], ys[::step], np.ones_like(xs[::step])], axis=1).astype(float) @ H.T
    px, py = (pts[:, 0] / pts[:, 2]).astype(int), (pts[:, 1] / pts[:, 2]).astype(int)
    ok = (px >= 0) & (py >= 0) & (px < img.width) & (py < img.height)
    if not ok.any():
        return 0.0
    arr = np.asarray(img.convert("L"))
    return round(float((arr[py[ok], px[ok]] < 128).mean()), 3)
