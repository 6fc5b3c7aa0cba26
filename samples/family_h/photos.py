"""Photographs in the stacks: a handover at the showroom, a damaged part, and snapshots that are no document."""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .canvas import Page, Style


def _gradient(w: int, h: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    t = np.linspace(0, 1, h)[:, None, None]
    arr = np.array(top, np.float32)[None, None] * (1 - t) + np.array(bottom, np.float32)[None, None] * t
    return Image.fromarray(np.repeat(arr, w, axis=1).astype(np.uint8))


def _car(d: ImageDraw.ImageDraw, x: int, y: int, w: int, colour: tuple[int, int, int]) -> None:
    h = int(w * 0.32)
    body = [(x, y + h * 0.55), (x + w * 0.05, y + h * 0.35), (x + w * 0.28, y + h * 0.3), (x + w * 0.38, y),
            (x + w * 0.7, y), (x + w * 0.82, y + h * 0.3), (x + w * 0.97, y + h * 0.38), (x + w, y + h * 0.75),
            (x + w * 0.98, y + h * 0.9), (x + w * 0.02, y + h * 0.9)]
    d.polygon(body, fill=colour, outline=(30, 30, 30))
    d.polygon([(x + w * 0.33, y + h * 0.3), (x + w * 0.41, y + h * 0.06), (x + w * 0.53, y + h * 0.06), (x + w * 0.53, y + h * 0.3)],
              fill=(60, 80, 100))
    d.polygon([(x + w * 0.56, y + h * 0.3), (x + w * 0.56, y + h * 0.06), (x + w * 0.68, y + h * 0.06), (x + w * 0.78, y + h * 0.3)],
              fill=(60, 80, 100))
    for cx in (x + w * 0.2, x + w * 0.8):
        r = h * 0.22
        d.ellipse((cx - r, y + h * 0.9 - r, cx + r, y + h * 0.9 + r), fill=(25, 25, 25))
        d.ellipse((cx - r * 0.55, y + h * 0.9 - r * 0.55, cx + r * 0.55, y + h * 0.9 + r * 0.55), fill=(170, 170, 175))


def _stamp(p: Page, rng: random.Random, text: str) -> None:
    """A camera's date stamp in the corner, orange digits."""
    x = p.w_mm - 8
    y = p.h_mm - 12
    p.text(x, y, text, 5.0, kind="mono", anchor="ra", colour=(255, 150, 40))


def delivery_photo(rng: random.Random, dpi: int, hant: bool, names: tuple[str, str], day: str) -> Page:
    p = Page(203, 152, dpi, Style(hant=hant))
    W, H = p.img.size
    p.img.paste(_gradient(W, H, (235, 232, 225), (150, 145, 140)))
    d = ImageDraw.Draw(p.img)
    d.rectangle((0, int(H * 0.62), W, H), fill=(190, 185, 180))
    for k in range(6):
        d.line((0, int(H * 0.62) + k * H // 14, W, int(H * 0.62) + k * H // 14), fill=(175, 170, 165), width=2)
    _car(d, int(W * 0.12), int(H * 0.38), int(W * 0.72), rng.choice(((240, 240, 242), (30, 30, 35), (160, 20, 30), (60, 90, 150))))
    d.ellipse((int(W * 0.44), int(H * 0.4), int(W * 0.52), int(H * 0.48)), fill=(210, 20, 40))  # the red bow
    for k in range(rng.randint(1, 3)):
        cx = int(W * (0.2 + 0.25 * k + rng.uniform(-0.04, 0.04)))
        d.ellipse((cx - 30, int(H * 0.42), cx + 30, int(H * 0.42) + 60), fill=(60, 45, 40))
        d.rectangle((cx - 45, int(H * 0.42) + 60, cx + 45, int(H * 0.9)), fill=rng.choice(((40, 40, 60), (200, 60, 60), (230, 230, 230))))
    if rng.random() < 0.7:
        d.rectangle((int(W * 0.15), int(H * 0.06), int(W * 0.85), int(H * 0.2)), fill=(190, 20, 30))
        banner = f"恭喜{names[0]}喜提爱车" if not hant else f"恭喜{names[0]}喜提愛車"
        p.text(p.w_mm / 2, p.h_mm * 0.085, banner, 9.0, kind="bold", anchor="ma", colour=(255, 230, 120))
        p.text(p.w_mm / 2, p.h_mm * 0.16, names[1], 4.0, kind="sans", anchor="ma", colour=(255, 255, 255))
    if rng.random() < 0.6:
        _stamp(p, rng, day)
    p.img = p.img.filter(ImageFilter.GaussianBlur(0.8))
    p.d = ImageDraw.Draw(p.img)
    return p


def damage_photo(rng: random.Random, dpi: int, day: str) -> Page:
    p = Page(203, 152, dpi, Style())
    W, H = p.img.size
    base = rng.choice(((200, 200, 205), (40, 40, 45), (170, 25, 35), (70, 95, 150), (235, 235, 235)))
    img = _gradient(W, H, tuple(min(255, v + 40) for v in base), tuple(max(0, v - 40) for v in base))  # type: ignore[arg-type]
    d = ImageDraw.Draw(img)
    kind = rng.choice(("scratch", "dent", "part"))
    if kind == "scratch":
        for _ in range(rng.randint(5, 14)):
            x0, y0 = rng.randint(W // 5, W // 2), rng.randint(H // 4, 3 * H // 4)
            a = math.radians(rng.uniform(-20, 20))
            ln = rng.randint(W // 6, W // 2)
            d.line((x0, y0, x0 + ln * math.cos(a), y0 + ln * math.sin(a)), fill=(235, 235, 230), width=rng.randint(2, 6))
    elif kind == "dent":
        cx, cy = rng.randint(W // 3, 2 * W // 3), rng.randint(H // 3, 2 * H // 3)
        for k in range(8, 0, -1):
            r = k * W // 40
            sh = int(18 * (1 - k / 8))
            d.ellipse((cx - r * 1.4, cy - r, cx + r * 1.4, cy + r), fill=tuple(max(0, v - sh) for v in base))
    else:
        d.rectangle((W // 4, H // 4, 3 * W // 4, 3 * H // 4), fill=(90, 90, 95), outline=(30, 30, 30), width=5)
        d.line((W // 4, H // 4, 3 * W // 4, 3 * H // 4), fill=(20, 20, 20), width=4)
        d.ellipse((W // 2 - 60, H // 2 - 60, W // 2 + 60, H // 2 + 60), fill=(130, 110, 90))
    p.img = img.filter(ImageFilter.GaussianBlur(1.0))
    p.d = ImageDraw.Draw(p.img)
    if rng.random() < 0.8:
        _stamp(p, rng, day)
    return p


def snapshot(rng: random.Random, dpi: int) -> Page:
    """A photo with no document on it: the desk, the car park, the workshop wall."""
    p = Page(203, 152, dpi, Style())
    W, H = p.img.size
    kind = rng.choice(("desk", "park", "wall"))
    if kind == "desk":
        img = _gradient(W, H, (150, 110, 80), (110, 75, 50))
        d = ImageDraw.Draw(img)
        d.ellipse((W // 3, H // 3, W // 3 + 260, H // 3 + 260), fill=(245, 245, 245))
        d.ellipse((W // 3 + 40, H // 3 + 40, W // 3 + 220, H // 3 + 220), fill=(90, 55, 30))
        d.rectangle((int(W * 0.65), int(H * 0.2), int(W * 0.9), int(H * 0.7)), fill=(30, 30, 35))
    elif kind == "park":
        img = _gradient(W, H, (150, 190, 230), (120, 120, 120))
        d = ImageDraw.Draw(img)
        d.rectangle((0, H // 2, W, H), fill=(95, 95, 100))
        for k in range(4):
            _car(d, int(W * (0.02 + 0.25 * k)), int(H * 0.5), int(W * 0.22),
                 rng.choice(((240, 240, 242), (30, 30, 35), (160, 20, 30), (60, 90, 150))))
    else:
        img = _gradient(W, H, (215, 215, 205), (190, 190, 180))
        d = ImageDraw.Draw(img)
        for k in range(6):
            d.rectangle((W // 10 + k * W // 7, H // 4, W // 10 + k * W // 7 + W // 12, 3 * H // 4), fill=(120, 60 + 20 * k, 40))
    p.img = img.filter(ImageFilter.GaussianBlur(1.2))
    p.d = ImageDraw.Draw(p.img)
    return p


def as_array(img: Image.Image) -> np.ndarray:
    return np.asarray(img)
