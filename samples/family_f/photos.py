"""Stand-in phone photographs: a car being handed over, a damaged part, or a scene that is no document."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def _backdrop(rng: random.Random, w: int, h: int) -> Image.Image:
    top = np.array([rng.randint(150, 230) for _ in range(3)], np.float32)
    bottom = np.array([rng.randint(40, 140) for _ in range(3)], np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = top * (1 - t) + bottom * t + np.random.default_rng(rng.randrange(2**32)).normal(0, 4, (h, w, 3))
    return Image.fromarray(np.clip(np.broadcast_to(arr, (h, w, 3)), 0, 255).astype(np.uint8))


def photo(rng: random.Random, kind: str, size: tuple[int, int]) -> Image.Image:
    """kind: "car" (delivery), "part" (damage), or "scene" (no document type)."""
    w, h = size
    img = _backdrop(rng, w, h)
    d = ImageDraw.Draw(img)
    body = tuple(rng.randint(20, 230) for _ in range(3))
    if kind == "car":
        y = int(h * rng.uniform(0.45, 0.6))
        x0, x1 = int(w * 0.15), int(w * 0.85)
        d.rounded_rectangle((x0, y, x1, y + h // 5), radius=h // 20, fill=body)
        d.rounded_rectangle((x0 + w // 7, y - h // 7, x1 - w // 6, y + 10), radius=h // 14, fill=body)
        d.rectangle((x0 + w // 6, y - h // 9, x1 - w // 5, y - 8), fill=(150, 180, 200))
        for cx in (x0 + w // 8, x1 - w // 8):
            d.ellipse((cx - h // 12, y + h // 7, cx + h // 12, y + h // 7 + h // 6), fill=(25, 25, 25))
        for _ in range(rng.randint(1, 3)):  # people standing beside the car
            px = int(w * rng.uniform(0.05, 0.95))
            d.ellipse((px - 25, y - h // 4, px + 25, y - h // 4 + 50), fill=(230, 190, 160))
            d.rectangle((px - 35, y - h // 4 + 50, px + 35, y + h // 6), fill=tuple(rng.randint(20, 200) for _ in range(3)))
    elif kind == "part":
        cx, cy, r = w // 2, h // 2, int(min(w, h) * rng.uniform(0.2, 0.32))
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(120, 120, 125), outline=(60, 60, 60), width=8)
        d.ellipse((cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3), fill=(70, 70, 75))
        for _ in range(rng.randint(2, 5)):  # cracks and scoring
            a = rng.uniform(0, 6.28)
            d.line((cx, cy, cx + int(r * np.cos(a)), cy + int(r * np.sin(a))), fill=(30, 20, 20), width=4)
    else:
        for _ in range(rng.randint(4, 9)):
            x, y = rng.randrange(w), rng.randrange(h)
            d.rectangle((x, y, x + rng.randint(60, w // 3), y + rng.randint(40, h // 3)), fill=tuple(rng.randint(30, 240) for _ in range(3)))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 2.0)))
