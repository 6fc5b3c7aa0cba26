"""Photographs: a car handed over, a damaged part, and pictures that are no document at all.

Drawn, not shot: a floor, a wall, a car's silhouette, people, a part on a bench, with light and blur,
so that a reader sees a photo (few straight text lines) rather than a form."""

from __future__ import annotations

import random

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossier.samples.family_c.kit import Ctx, Doc, pick_title
from dossier.samples.family_c.newcar import start


def _scene(rng: random.Random, w: int, h: int, subject: str) -> Image.Image:
    g = np.random.default_rng(rng.randrange(2**32))
    wall = np.array([rng.randint(150, 235) for _ in range(3)], np.float32)
    floor = np.array([rng.randint(80, 170) for _ in range(3)], np.float32)
    yy = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    horizon = rng.uniform(0.45, 0.65)
    arr = np.where(yy < horizon, wall * (0.9 + 0.2 * yy), floor * (0.8 + 0.3 * yy)) * np.ones((1, w, 1), np.float32)
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    if subject == "car":
        body = tuple(rng.randint(10, 240) for _ in range(3))
        x0, x1 = w * rng.uniform(0.1, 0.25), w * rng.uniform(0.75, 0.9)
        base = h * rng.uniform(0.72, 0.85)
        d.rounded_rectangle((x0, base - h * 0.22, x1, base), radius=int(h * 0.05), fill=body)
        d.polygon([(x0 + (x1 - x0) * 0.22, base - h * 0.22), (x0 + (x1 - x0) * 0.35, base - h * 0.36),
                   (x0 + (x1 - x0) * 0.7, base - h * 0.36), (x0 + (x1 - x0) * 0.82, base - h * 0.22)], fill=body)
        d.polygon([(x0 + (x1 - x0) * 0.3, base - h * 0.23), (x0 + (x1 - x0) * 0.38, base - h * 0.33),
                   (x0 + (x1 - x0) * 0.66, base - h * 0.33), (x0 + (x1 - x0) * 0.75, base - h * 0.23)], fill=(60, 70, 80))
        for cx in (x0 + (x1 - x0) * 0.2, x0 + (x1 - x0) * 0.8):
            r = h * 0.07
            d.ellipse((cx - r, base - r, cx + r, base + r), fill=(20, 20, 20))
            d.ellipse((cx - r / 2, base - r / 2, cx + r / 2, base + r / 2), fill=(170, 170, 175))
        for _ in range(rng.randint(1, 3)):  # the family and the consultant beside the car
            px = rng.uniform(0.05, 0.95) * w
            top = base - h * rng.uniform(0.35, 0.45)
            d.ellipse((px - h * 0.03, top, px + h * 0.03, top + h * 0.07), fill=(rng.randint(170, 220), rng.randint(130, 170), 120))
            d.rectangle((px - h * 0.045, top + h * 0.07, px + h * 0.045, base + h * 0.05), fill=tuple(rng.randint(0, 200) for _ in range(3)))
    elif subject == "part":
        cx, cy, r = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.45, 0.6), h * rng.uniform(0.15, 0.25)
        metal = rng.randint(90, 160)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(metal, metal, metal + 8))
        d.ellipse((cx - r * 0.4, cy - r * 0.4, cx + r * 0.4, cy + r * 0.4), fill=(40, 40, 45))
        d.rectangle((cx + r * 0.6, cy - r * 0.15, cx + r * 2, cy + r * 0.15), fill=(metal - 30, metal - 30, metal - 20))
        for _ in range(rng.randint(3, 8)):  # rust and cracks
            x, y = cx + rng.uniform(-r, r), cy + rng.uniform(-r, r)
            d.ellipse((x - 6, y - 6, x + 6, y + 6), fill=(140, 70, 30))
    else:
        for _ in range(rng.randint(4, 10)):  # a shelf, a plant, a window: anything
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            s = rng.uniform(0.05, 0.3) * w
            col = tuple(rng.randint(0, 255) for _ in range(3))
            if rng.random() < 0.5:
                d.rectangle((x, y, x + s, y + s * rng.uniform(0.3, 1.5)), fill=col)
            else:
                d.ellipse((x, y, x + s, y + s), fill=col)
    arr = np.asarray(im, np.float32)
    arr = cv2.GaussianBlur(arr, (0, 0), rng.uniform(1.0, 2.5)) + g.normal(0, 4, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def photo_sheet(ctx: Ctx, code: str) -> Doc:
    """Photos pasted on a printed sheet with a caption (the dealer's way of filing them)."""
    d = start(ctx, code, "a4")
    rng, car = ctx.rng, ctx.car
    assert car
    titles = {"delivery_photo": ("交车照片", "交车留影", "新车交付纪念照"), "damage_photo": ("损坏零件及车辆照片", "索赔旧件照片", "故障件照片记录")}
    d.head(pick_title(ctx.site, code, titles[code]))
    f = d.flow
    pairs = [("车架号", d.shown("vin", car.vin))] + d.who()[:1]
    pairs.append(("日期", d.date()))
    f.grid(pairs, cols=2, ruled=False)
    n = 1 if code == "delivery_photo" else rng.randint(2, 3)
    w = f.x1 - f.x0
    h = int(w * 0.6)
    for k in range(n):
        f.need(h + 2 * f.u)
        pic = _scene(rng, int(w * (0.9 if n == 1 else 0.7)), h if n == 1 else int(h * 0.7),
                     "car" if code == "delivery_photo" or k == 0 else "part")
        f.page.img.paste(pic, (int(f.x0 + (w - pic.width) / 2), f.y))
        f.y += pic.height + f.u
    return d


def bare_photo(ctx: Ctx, code: str | None) -> tuple[Image.Image, Doc]:
    """A phone picture on its own: a delivery photo, a damaged part, or no document at all (doc_type null)."""
    rng = ctx.rng
    w, h = (1600, 1200) if rng.random() < 0.7 else (1200, 1600)
    subject = {"delivery_photo": "car", "damage_photo": "part"}.get(code or "", "room")
    d = start(ctx, code)
    return _scene(rng, w, h, subject), d
