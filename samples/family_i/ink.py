"""What the pen, the seal and the rubber stamp put on a printed page: names (real handwritten crops, Tobacco800
crops, synthetic), marks in blank fields, red thumbprints beside a name, company seals, PAID-type stamps."""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossier.models import Box
from dossier.samples import handwriting, seals
from dossier.samples.render import font

THUMB_RED = ((180, 30, 42), (200, 40, 50), (165, 25, 40))


def writer_of(name: str) -> int:
    """The same person writes with the same hand: one of the 20 writers of the real crops."""
    return sum(ord(c) for c in name) % 20 + 1


def signature(rng: random.Random, box: Box, small: bool, writer: int) -> tuple[np.ndarray, str, tuple[int, int]]:
    """The ink of a name for the field `box`: (alpha, source, top-left)."""
    x0, y0, x1, y1 = box
    bw, bh = x1 - x0, y1 - y0
    r = rng.random()
    if small:
        alpha = handwriting.synthetic_signature(rng, max(8, int(bh * 0.55)))
        source = "synthetic"
    elif r < 0.74:
        alpha = handwriting.chinese_signature(rng, writer, max(10, int(bh * rng.uniform(0.55, 0.85))))
        source = "real"
    elif r < 0.85:
        real = handwriting.real_signature(rng, max(10, int(bh * rng.uniform(0.6, 0.9))))
        if real is None:
            alpha, source = handwriting.synthetic_signature(rng, max(10, int(bh * 0.5))), "synthetic"
        else:
            alpha, source = real, "real"
    else:
        alpha = handwriting.synthetic_signature(rng, max(10, int(bh * rng.uniform(0.45, 0.65))))
        source = "synthetic"
    h, w = alpha.shape
    if not small and w < bw * 0.3 and h < bh * 0.9:  # a name fills a good part of a wide field
        f = min(bw * 0.3 / w, bh * 0.9 / h)
        alpha = cv2.resize(alpha, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_CUBIC).clip(0, 1)
        h, w = alpha.shape
    if w > bw * 0.92:
        f = bw * 0.92 / w
        alpha = cv2.resize(alpha, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
        h, w = alpha.shape
    x = x0 + int(rng.uniform(0.03, max(0.04, 1 - w / bw - 0.03)) * bw)
    y = y0 + int(bh * rng.uniform(0.45, 0.58) - h / 2)
    y = max(y0 + 2, min(y, y1 - h - 2)) if h < bh - 4 else y0 + (bh - h) // 2
    return alpha, source, (x, y)


def thumbprint(rng: random.Random, dpi: int) -> np.ndarray:
    """A red fingerprint: an oval of ridges, pressed unevenly."""
    mm = dpi / 25.4
    w, h = int(rng.uniform(10, 12.5) * mm), int(rng.uniform(13, 16) * mm)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    cx, cy = w / 2, h * rng.uniform(0.45, 0.55)
    nx, ny = (xx - cx) / (w / 2), (yy - cy) / (h / 2)
    rad = np.sqrt(nx**2 + ny**2)
    g = np.random.default_rng(rng.randrange(2**32))
    wob = cv2.resize(g.random((6, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    period = 0.45 * mm
    ridges = 0.5 + 0.5 * np.sin(2 * math.pi * (np.sqrt((xx - cx) ** 2 + (1.25 * (yy - cy)) ** 2) + 4 * wob * mm) / period)
    edge = np.clip((1.0 - rad) * 6, 0, 1)
    press = np.clip(0.6 + 0.5 * wob, 0, 1)
    return (ridges * edge * press * rng.uniform(0.7, 0.95)).astype(np.float32)


def stamp_alpha(rng: random.Random, text: str, dpi: int) -> np.ndarray:
    """A rubber stamp that is no seal: a word in a double frame (已结清, PAID, 收讫 ...), a little crooked."""
    mm = dpi / 25.4
    px = int((7 if text.isascii() else 6) * mm)
    f = font("bold", px)
    tw = int(f.getlength(text)) + int(6 * mm)
    th = px + int(5 * mm)
    im = Image.new("L", (tw + 8, th + 8), 0)
    d = ImageDraw.Draw(im)
    d.rectangle((4, 4, tw + 3, th + 3), outline=255, width=max(2, int(0.8 * mm)))
    d.rectangle((4 + int(mm), 4 + int(mm), tw + 3 - int(mm), th + 3 - int(mm)), outline=255, width=max(1, int(0.3 * mm)))
    d.text(((tw + 8) / 2, (th + 8) / 2), text, font=f, fill=255, anchor="mm")
    alpha = np.asarray(im, dtype=np.float32) / 255.0
    g = np.random.default_rng(rng.randrange(2**32))
    blotch = cv2.resize(g.random((max(2, alpha.shape[0] // 8), max(2, alpha.shape[1] // 8))).astype(np.float32),
                        (alpha.shape[1], alpha.shape[0]), interpolation=cv2.INTER_CUBIC)
    alpha = alpha * np.clip(0.55 + 0.6 * blotch, 0, 1)
    big = np.zeros((int(alpha.shape[0] * 1.6), int(alpha.shape[1] * 1.2)), np.float32)
    oy, ox = (big.shape[0] - alpha.shape[0]) // 2, (big.shape[1] - alpha.shape[1]) // 2
    big[oy:oy + alpha.shape[0], ox:ox + alpha.shape[1]] = alpha
    return seals.rotated(big, rng.uniform(-14, 14))


def seal(rng: random.Random, shape: str, text: str, middle: str, dpi: int, hant: bool) -> np.ndarray:
    alpha = seals.seal_alpha(rng, shape, text, middle, dpi, hant)
    if shape != "square":
        alpha = seals.rotated(alpha, rng.uniform(-25, 25))
    return alpha


def trim_box(alpha: np.ndarray, xy: tuple[int, int], size: tuple[int, int]) -> Box | None:
    ys, xs = np.nonzero(alpha > 0.08)
    if not len(xs):
        return None
    x, y = xy
    W, H = size
    x0, y0, x1, y1 = max(0, x + int(xs.min())), max(0, y + int(ys.min())), min(W, x + int(xs.max()) + 1), min(H, y + int(ys.max()) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1, y1)


def ellipse_share(seal_box: Box, field: Box) -> float:
    """Share of the field inside the seal's outline (the ellipse in its box)."""
    sx0, sy0, sx1, sy1 = seal_box
    fx0, fy0, fx1, fy1 = field
    if sx1 <= fx0 or fx1 <= sx0 or sy1 <= fy0 or fy1 <= sy0:
        return 0.0
    step = max(1, (fx1 - fx0) // 60)
    xs = np.arange(fx0, fx1, step, dtype=np.float32)
    ys = np.arange(fy0, fy1, step, dtype=np.float32)
    gx, gy = np.meshgrid(xs, ys)
    cx, cy, rx, ry = (sx0 + sx1) / 2, (sy0 + sy1) / 2, (sx1 - sx0) / 2, (sy1 - sy0) / 2
    inside = ((gx - cx) / rx) ** 2 + ((gy - cy) / ry) ** 2 <= 1
    return float(inside.mean())
