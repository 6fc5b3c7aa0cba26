"""Ink laid on a printed sheet: handwritten signatures (mostly real), blank-field marks and seals."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image

from dossier.models import Box

from ..handwriting import (
    REAL_SAMPLES,
    blank_mark,
    chinese_signature,
    multiply,
    pen_colour,
    real_signature,
    synthetic_signature,
)
from ..seals import REDS, rotated, seal_alpha
from .canvas import Field, Sheet

STAMPS = REAL_SAMPLES / "stamps"
STAMP_TEXT = "支付宝(中国)网络技术有限公司"


@dataclass
class Signed:
    field: Field
    status: str  # signed | blank
    source: str | None = None
    ink: str | None = None
    mark: str | None = None
    under_seal: bool = False


def writer(name: str, customer: bool) -> int:
    """The writer whose hand signs for this person: writers 1-10 sign for customers, 11-20 for staff."""
    return zlib.crc32(name.encode()) % 10 + (1 if customer else 11)


def sign(sheet: Sheet, fld: Field, rng: random.Random, person: str, blank: bool) -> Signed:
    """Sign the field in `person`'s hand, or leave it blank (now and then with a stray mark)."""
    x0, y0, x1, y1 = fld.box
    if blank:
        mark = None
        if rng.random() < 0.35:
            mark = rng.choice(("specks", "smudge", "stray_line"))
            colour = pen_colour(rng)[0] if mark == "stray_line" else (60, 60, 60)
            multiply(sheet.img, blank_mark(rng, (x1 - x0, y1 - y0), mark), colour, (x0, y0))
        return Signed(fld, "blank", mark=mark)
    h = int((y1 - y0) * rng.uniform(0.75, 1.15))
    r = rng.random()
    found: np.ndarray | None = None
    source = "real"
    if r < 0.6:
        found = chinese_signature(rng, writer(person, fld.role == "customer"), h)
    elif r < 0.8:
        found = real_signature(rng, h)
    if found is None:
        found, source = synthetic_signature(rng, h), "synthetic"
    alpha = found
    max_w = int((x1 - x0) * 1.1)
    if alpha.shape[1] > max_w:
        f = max_w / alpha.shape[1]
        alpha = cv2.resize(alpha, (max_w, max(1, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
    colour, ink = pen_colour(rng)
    room = max(0, (x1 - x0) - alpha.shape[1])
    x = x0 + int(rng.uniform(0.0, 0.6) * room)
    y = y0 + (y1 - y0 - alpha.shape[0]) // 2 + int(rng.gauss(0, 0.08) * (y1 - y0))
    multiply(sheet.img, alpha, colour, (x, y), opacity=rng.uniform(0.85, 1.0))
    return Signed(fld, "signed", source=source, ink=ink)


# -- seals --------------------------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _stamp_alpha(path: str) -> tuple[np.ndarray, tuple[int, int, int]]:
    """The red ink of a stamp photograph as a mask, the photo's paper and printed text left out."""
    rgb = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    redness = r - np.maximum(g, b)
    alpha = np.clip((redness - 25) / 110, 0, 1)
    mask = (alpha > 0.15).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(mask, np.ones((9, 9), np.uint8)), connectivity=8)
    if n > 1:
        big = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        alpha = alpha * (labels == big)
    ys, xs = np.nonzero(alpha > 0.1)
    alpha = alpha[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    sel = rgb[ys, xs]
    colour = tuple(int(v) for v in np.median(sel[alpha[ys - ys.min(), xs - xs.min()] > 0.5], axis=0))
    return alpha.astype(np.float32), (colour[0], colour[1], colour[2])


@dataclass
class Pressed:
    box: Box
    shape: str
    text: str
    own: tuple[int, int, np.ndarray]  # x, y and mask of the seal's own ink on bare paper


def press(sheet: Sheet, rng: random.Random, centre: tuple[float, float], company: str, kind: str,
          real_p: float = 0.55) -> Pressed:
    """Press a seal centred near `centre`: a real stamp photograph, else a drawn company seal."""
    if rng.random() < real_p:
        files = sorted(STAMPS.glob("*.jpg"))
        alpha, colour = _stamp_alpha(str(rng.choice(files)))
        w = sheet.mm(rng.uniform(38, 46))
        alpha = cv2.resize(alpha, (w, int(alpha.shape[0] * w / alpha.shape[1])), interpolation=cv2.INTER_AREA)
        shape, text = "oval", STAMP_TEXT
        alpha = _pad_rotate(alpha, rng.uniform(-25, 25))
    else:
        shape = "oval" if kind == "invoice" else "round"
        middle = {"invoice": "", "contract": "合同专用章", "finance": "财务专用章", "service": "业务专用章"}.get(kind, "")
        tax = "".join(rng.choice("0123456789ABCDEFGH") for _ in range(18))
        alpha = seal_alpha(rng, shape, sheet.t(company), tax if shape == "oval" else sheet.t(middle), sheet.dpi,
                           sheet.trad)
        alpha = _pad_rotate(alpha, rng.uniform(-20, 20))
        colour = rng.choice(REDS)
        text = sheet.t(company)
    h, w = alpha.shape
    x, y = int(centre[0] - w / 2), int(centre[1] - h / 2)
    x, y = max(0, min(sheet.W - w, x)), max(0, min(sheet.H - h, y))
    before = np.asarray(sheet.img.crop((x, y, x + w, y + h)).convert("L"), dtype=np.float32)
    multiply(sheet.img, alpha, colour, (x, y), opacity=rng.uniform(0.8, 0.97))
    own = ((alpha > 0.35) & (before > 200)).astype(np.uint8)
    ys, xs = np.nonzero(alpha > 0.1)
    box = (x + int(xs.min()), y + int(ys.min()), x + int(xs.max()) + 1, y + int(ys.max()) + 1)
    return Pressed(box, shape, text, (x, y, own))


def _pad_rotate(alpha: np.ndarray, degrees: float) -> np.ndarray:
    h, w = alpha.shape
    p = int(0.2 * max(h, w))
    big = np.zeros((h + 2 * p, w + 2 * p), np.float32)
    big[p:p + h, p:p + w] = alpha
    out = rotated(big, degrees)
    ys, xs = np.nonzero(out > 0.05)
    return out[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def seal_visible(own: tuple[int, int, np.ndarray], H: np.ndarray, out: Image.Image) -> float:
    """Share of the seal's own ink still dark on a black-and-white page after the degradation H."""
    x, y, mask = own
    if not mask.any():
        return 1.0
    T = H @ np.array([[1, 0, x], [0, 1, y], [0, 0, 1]], float)
    full = cv2.warpPerspective(mask * 255, T, (out.width, out.height), flags=cv2.INTER_NEAREST)
    on = full > 127
    if not on.any():
        return 0.0
    dark = np.asarray(out.convert("L"))[on] < 128
    return round(float(dark.mean()), 3)

