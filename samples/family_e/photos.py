"""Photographs in a file: the handover at delivery, a damaged part, and pages that are no document at all."""

from __future__ import annotations

import random

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def _backdrop(rng: random.Random, size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    w, h = size
    t = np.linspace(0, 1, h)[:, None, None]
    arr = (np.array(top)[None, None, :] * (1 - t) + np.array(bottom)[None, None, :] * t) * np.ones((1, w, 1))
    g = np.random.default_rng(rng.randrange(2**32))
    arr += g.normal(0, 4, arr.shape)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _car(d: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int, w: int) -> None:
    colour = rng.choice([(235, 235, 238), (30, 30, 35), (150, 20, 30), (40, 70, 140), (160, 160, 165)])
    h = int(w * 0.28)
    d.rounded_rectangle((x, y + h // 2, x + w, y + h + h // 3), radius=h // 4, fill=colour)
    d.polygon([(x + w * 0.2, y + h // 2), (x + w * 0.32, y), (x + w * 0.7, y), (x + w * 0.85, y + h // 2)], fill=colour)
    d.polygon([(x + w * 0.27, y + h // 2 - 4), (x + w * 0.35, y + 6), (x + w * 0.52, y + 6), (x + w * 0.52, y + h // 2 - 4)], fill=(70, 90, 110))
    d.polygon([(x + w * 0.55, y + h // 2 - 4), (x + w * 0.55, y + 6), (x + w * 0.68, y + 6), (x + w * 0.79, y + h // 2 - 4)], fill=(70, 90, 110))
    for cx in (x + w * 0.22, x + w * 0.78):
        r = h * 0.3
        d.ellipse((cx - r, y + h + h // 3 - r, cx + r, y + h + h // 3 + r), fill=(20, 20, 20))
        d.ellipse((cx - r * 0.5, y + h + h // 3 - r * 0.5, cx + r * 0.5, y + h + h // 3 + r * 0.5), fill=(170, 170, 175))


def photo(rng: random.Random, kind: str, size: tuple[int, int]) -> Image.Image:
    """kind: delivery (a car and people in a showroom), damage (a part on a bench), other (a room or street)."""
    w, h = size
    if kind == "delivery":
        im = _backdrop(rng, size, (225, 228, 232), (150, 150, 155))
        d = ImageDraw.Draw(im)
        d.rectangle((0, int(h * 0.62), w, h), fill=(185, 180, 170))
        _car(d, rng, int(w * rng.uniform(0.05, 0.2)), int(h * 0.35), int(w * rng.uniform(0.6, 0.75)))
        for k in range(rng.randint(2, 3)):  # the customer and the consultant beside the car
            px = int(w * (0.15 + 0.3 * k + rng.uniform(-0.05, 0.05)))
            col = rng.choice([(40, 40, 60), (120, 30, 30), (30, 60, 110), (200, 200, 200)])
            d.ellipse((px - w * 0.03, h * 0.3, px + w * 0.03, h * 0.38), fill=(225, 190, 160))
            d.rounded_rectangle((px - w * 0.05, h * 0.38, px + w * 0.05, h * 0.75), radius=int(w * 0.02), fill=col)
        if rng.random() < 0.6:  # a ribbon bow on the bonnet
            cx, cy = int(w * 0.45), int(h * 0.42)
            d.polygon([(cx, cy), (cx - w * 0.08, cy - h * 0.05), (cx - w * 0.08, cy + h * 0.05)], fill=(210, 30, 40))
            d.polygon([(cx, cy), (cx + w * 0.08, cy - h * 0.05), (cx + w * 0.08, cy + h * 0.05)], fill=(210, 30, 40))
    elif kind == "damage":
        im = _backdrop(rng, size, (120, 110, 100), (80, 75, 70))
        d = ImageDraw.Draw(im)
        metal = rng.choice([(140, 140, 145), (60, 60, 65), (170, 160, 150)])
        cx, cy, r = w // 2, h // 2, int(min(w, h) * rng.uniform(0.25, 0.35))
        if rng.random() < 0.5:
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=metal, outline=(30, 30, 30), width=4)
            d.ellipse((cx - r // 3, cy - r // 3, cx + r // 3, cy + r // 3), fill=(40, 40, 40))
        else:
            d.rounded_rectangle((cx - r * 1.4, cy - r * 0.7, cx + r * 1.4, cy + r * 0.7), radius=r // 5, fill=metal, outline=(30, 30, 30), width=4)
        pts = [(cx + rng.randint(-r, r) // 2, cy + rng.randint(-r, r) // 2)]
        for _ in range(6):  # a crack
            pts.append((pts[-1][0] + rng.randint(-r // 4, r // 4), pts[-1][1] + rng.randint(-r // 6, r // 3)))
        d.line(pts, fill=(15, 10, 10), width=max(2, w // 300))
        if rng.random() < 0.5:  # rust or leaked oil
            d.ellipse((cx, cy, cx + r // 2, cy + r // 3), fill=(110, 60, 30))
    else:
        im = _backdrop(rng, size, rng.choice([(200, 215, 235), (235, 230, 220)]), rng.choice([(110, 120, 100), (170, 160, 150)]))
        d = ImageDraw.Draw(im)
        for _ in range(rng.randint(4, 9)):
            x0, y0 = rng.randrange(w), rng.randrange(int(h * 0.3), h)
            col = (rng.randrange(40, 220), rng.randrange(40, 220), rng.randrange(40, 220))
            d.rectangle((x0, y0, x0 + rng.randrange(w // 10, w // 3), y0 + rng.randrange(h // 10, h // 3)), fill=col)
        if rng.random() < 0.5:
            _car(d, rng, rng.randrange(w // 2), int(h * 0.55), int(w * 0.4))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.8, 1.8)))
    arr = np.asarray(im, dtype=np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    vign = 1 - 0.25 * (((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) * 2)
    return Image.fromarray(np.clip(cv2.multiply(arr, np.dstack([vign] * 3)), 0, 255).astype(np.uint8))
