"""Pictures that arrive in the scans: the delivery photo, the damaged part, and photos of nothing filed.

Drawn, not photographed: a rough scene of shapes with the few printed words a real picture would show
(the banner at a handover, the tag tied to a part), which are the page's truth text.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from dossier.samples.render import font

from .sheet import hant


def _backdrop(rng: random.Random, w: int, h: int, top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = np.array(top, np.float32) * (1 - t) + np.array(bottom, np.float32) * t
    arr = np.repeat(arr, w, axis=1)
    g = np.random.default_rng(rng.randrange(2**32))
    arr += g.normal(0, 4, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def delivery(rng: random.Random, name: str, company: str, trad: bool) -> tuple[Image.Image, list[str]]:
    w, h = 1600, 1200
    img = _backdrop(rng, w, h, (235, 232, 226), (150, 140, 128))
    d = ImageDraw.Draw(img)
    body = tuple(rng.randint(20, 230) for _ in range(3))
    x0, y0 = rng.randint(200, 320), rng.randint(560, 640)
    d.rounded_rectangle((x0, y0, x0 + 1050, y0 + 260), radius=90, fill=body)
    d.polygon([(x0 + 230, y0), (x0 + 360, y0 - 170), (x0 + 760, y0 - 170), (x0 + 900, y0)], fill=body)
    d.polygon([(x0 + 270, y0 - 10), (x0 + 380, y0 - 150), (x0 + 740, y0 - 150), (x0 + 850, y0 - 10)], fill=(70, 90, 110))
    for cx in (x0 + 230, x0 + 830):
        d.ellipse((cx - 105, y0 + 160, cx + 105, y0 + 370), fill=(25, 25, 25))
        d.ellipse((cx - 50, y0 + 215, cx + 50, y0 + 315), fill=(170, 170, 175))
    for px in (x0 - 120, x0 + 1120):  # the customer and the consultant either side
        d.ellipse((px, 420, px + 90, 510), fill=(225, 190, 160))
        d.rectangle((px - 10, 510, px + 100, 820), fill=tuple(rng.randint(20, 120) for _ in range(3)))
    text = [f"恭喜{name}{rng.choice(('先生', '女士'))}喜提爱车", company]
    if trad:
        text = [hant(t) for t in text]
    d.rectangle((150, 80, w - 150, 300), fill=(200, 20, 30))
    d.text((w / 2, 150), text[0], font=font("bold", 80, trad), fill=(255, 220, 90), anchor="mm")
    d.text((w / 2, 250), text[1], font=font("sans", 40, trad), fill=(255, 240, 200), anchor="mm")
    return img.filter(ImageFilter.GaussianBlur(0.8)), text


def damage(rng: random.Random, order: str | None) -> tuple[Image.Image, list[str]]:
    w, h = 1400, 1050
    img = _backdrop(rng, w, h, (120, 110, 100), (80, 72, 66))  # a workbench
    d = ImageDraw.Draw(img)
    cx, cy, r = rng.randint(550, 800), rng.randint(450, 600), rng.randint(220, 320)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(150, 152, 155), outline=(60, 60, 60), width=6)
    for k in range(6):
        a = k * np.pi / 3
        bx, by = cx + 0.75 * r * np.cos(a), cy + 0.75 * r * np.sin(a)
        d.ellipse((bx - 22, by - 22, bx + 22, by + 22), fill=(70, 70, 72))
    d.ellipse((cx - 60, cy - 60, cx + 60, cy + 60), fill=(90, 80, 70))
    for _ in range(rng.randint(3, 8)):  # the leak: rust and coolant stains
        sx, sy = cx + rng.randint(-r, r), cy + rng.randint(-r, r)
        d.ellipse((sx - 30, sy - 18, sx + 30, sy + 18), fill=(150, 90, 50))
    text: list[str] = []
    if order:
        d.rectangle((60, 760, 560, 980), fill=(245, 243, 235), outline=(100, 100, 100))
        d.text((90, 790), "旧件标签", font=font("bold", 40), fill=(30, 30, 30))
        d.text((90, 870), order, font=font("kai", 52), fill=(30, 45, 140))
        text = ["旧件标签", order]
    return img.filter(ImageFilter.GaussianBlur(1.0)), text


def unrelated(rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A picture filed by mistake: a street or a desk top; no document type."""
    if rng.random() < 0.5:
        return _desk(rng)
    w, h = rng.choice(((1600, 1200), (1200, 1600)))
    img = _backdrop(rng, w, h, (150, 190, 235), (200, 205, 210))
    d = ImageDraw.Draw(img)
    x = 0
    while x < w:
        bw, bh = rng.randint(120, 300), rng.randint(300, h - 200)
        grey = rng.randint(90, 200)
        d.rectangle((x, h - bh, x + bw, h), fill=(grey, grey, grey + 10))
        for wy in range(h - bh + 30, h - 40, 60):
            for wx in range(x + 20, x + bw - 30, 50):
                d.rectangle((wx, wy, wx + 25, wy + 30), fill=(60, 80, 110))
        x += bw + rng.randint(5, 40)
    return img.filter(ImageFilter.GaussianBlur(1.2)), []


def _desk(rng: random.Random) -> tuple[Image.Image, list[str]]:
    """A desk shot from above: a cup, a phone, a key, a pen; nothing to file."""
    w, h = 1600, 1200
    wood = (rng.randint(140, 190), rng.randint(100, 130), rng.randint(60, 90))
    img = _backdrop(rng, w, h, wood, tuple(int(c * 0.8) for c in wood))  # type: ignore[arg-type]
    d = ImageDraw.Draw(img)
    for _ in range(40):  # the grain
        y = rng.randrange(h)
        d.line((0, y, w, y + rng.randint(-30, 30)), fill=tuple(int(c * 0.9) for c in wood), width=rng.randint(1, 4))
    cx, cy = rng.randint(250, 600), rng.randint(250, 900)
    d.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), fill=(240, 240, 236), outline=(200, 200, 200), width=8)
    d.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), fill=(92, 58, 32))
    px, py = rng.randint(800, 1100), rng.randint(150, 500)
    d.rounded_rectangle((px, py, px + 300, py + 600), radius=40, fill=(20, 20, 24))
    d.rounded_rectangle((px + 15, py + 40, px + 285, py + 560), radius=20, fill=(40, 60, 90))
    kx, ky = rng.randint(700, 1300), rng.randint(850, 1050)
    d.ellipse((kx, ky, kx + 90, ky + 90), outline=(190, 190, 195), width=12)
    d.rectangle((kx + 85, ky + 35, kx + 260, ky + 55), fill=(190, 190, 195))
    d.line((rng.randint(100, 400), 1100, rng.randint(500, 700), rng.randint(950, 1050)), fill=(20, 40, 140), width=18)
    return img.filter(ImageFilter.GaussianBlur(1.0)), []
