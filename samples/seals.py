"""Red company seals (公章): round with a star and ring text, oval invoice seals, square name seals.

A seal is drawn as an alpha mask at the page's resolution, with uneven ink (pressed harder on one
side, gaps where the pad was dry), and laid on with `handwriting.multiply` in a red ink.
"""

from __future__ import annotations

import math
import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossier.classify.hanzi import to_hant
from dossier.samples.render import font

REDS = [(205, 30, 40), (220, 45, 50), (190, 25, 45), (225, 60, 60)]


def _star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.382
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=255)


def _arc_text(im: Image.Image, text: str, cx: float, cy: float, rx: float, ry: float, px: int, span: float,
              hant: bool) -> None:
    """Characters along the upper arc, clockwise, each standing with its top towards the rim."""
    f = font("serifb", px, hant)
    n = len(text)
    start = -math.pi / 2 - span / 2
    for i, ch in enumerate(text):
        a = start + span * (i + 0.5) / n
        tile = Image.new("L", (px * 2, px * 2), 0)
        ImageDraw.Draw(tile).text((px, px), ch, font=f, fill=255, anchor="mm")
        # Squeeze the glyph a little, as seal cutters do to fit long names.
        tile = tile.resize((int(px * 2 * 0.85), px * 2))
        tile = tile.rotate(-math.degrees(a) - 90, resample=Image.Resampling.BICUBIC, expand=True)
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        im.paste(255, (int(x - tile.width / 2), int(y - tile.height / 2)), tile)


def seal_alpha(rng: random.Random, shape: str, text: str, middle: str, dpi: int, hant: bool = False) -> np.ndarray:
    """The ink mask of one seal; size follows the usual 40-42 mm company seal, 40x30 mm invoice seal."""
    mm = dpi / 25.4
    if shape == "oval":
        w, h = 40 * mm, 30 * mm
    elif shape == "square":
        w = h = 18 * mm
    else:
        w = h = rng.uniform(38, 42) * mm
    W, H = int(w) + 8, int(h) + 8
    im = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(im)
    cx, cy = W / 2, H / 2
    rim = max(2, int(rng.uniform(0.9, 1.3) * mm))
    if shape == "square":
        d.rectangle((4, 4, W - 4, H - 4), outline=255, width=rim)
        chars = (text + "印")[:4] if len(text) < 4 else text[:4]
        px = int((w - 3 * rim) / 2 * 0.9)
        f = font("serifb", px, hant)
        # Read right column first, top to bottom, as Chinese name seals are.
        for k, ch in enumerate(chars.ljust(4)):
            col, row = 1 - k // 2, k % 2
            d.text((cx + (col - 0.5) * w / 2.2, cy + (row - 0.5) * h / 2.2), ch, font=f, fill=255, anchor="mm")
    else:
        d.ellipse((4, 4, W - 4, H - 4), outline=255, width=rim)
        rx, ry = w / 2 - rim - 0.23 * w * (0.5 if shape == "oval" else 0.55), h / 2 - rim - 0.12 * h
        n = max(1, len(text))
        px = int(min(0.16 * h, 2 * math.pi * rx * 0.66 / n)) if shape == "round" else int(min(0.13 * h, 0.2 * w * 6 / n))
        _arc_text(im, text, cx, cy + (0 if shape == "round" else 0.02 * h), rx + 0.08 * w * (shape == "round"),
                  ry + 0.08 * h * (shape == "round"), px, math.radians(230 if shape == "round" else 200), hant)
        if shape == "round":
            _star(d, cx, cy, 0.17 * w)
            if middle:
                f = font("serifb", int(0.1 * h), hant)
                d.text((cx, cy + 0.27 * h), middle, font=f, fill=255, anchor="mm")
        else:
            f = font("sans", int(0.085 * h), hant)
            d.text((cx, cy + 0.02 * h), middle, font=f, fill=255, anchor="mm")
            f = font("serifb", int(0.12 * h), hant)
            d.text((cx, cy + 0.26 * h), to_hant("发票专用章") if hant else "发票专用章", font=f, fill=255, anchor="mm")
    alpha = np.asarray(im, dtype=np.float32) / 255.0
    return _uneven(rng, alpha)


def _uneven(rng: random.Random, alpha: np.ndarray) -> np.ndarray:
    """Real impressions are uneven: a pressure gradient across the seal and speckled dry patches."""
    h, w = alpha.shape
    g = np.random.default_rng(rng.randrange(2**32))
    yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
    a = rng.uniform(0, 2 * math.pi)
    pressure = 0.9 + 0.3 * (np.cos(a) * xx + np.sin(a) * yy)
    small = g.random((max(2, h // 6), max(2, w // 6))).astype(np.float32)
    blotch = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    dry = (blotch > rng.uniform(0.78, 0.92)).astype(np.float32)
    grain = g.random((h, w)).astype(np.float32)
    out = alpha * np.clip(pressure, 0.55, 1.0) * (1 - 0.7 * dry) * (0.8 + 0.2 * grain)
    return cv2.GaussianBlur(out, (0, 0), max(0.6, h / 400)).clip(0, 1)


def rotated(alpha: np.ndarray, degrees: float) -> np.ndarray:
    h, w = alpha.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(alpha, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0.0)
