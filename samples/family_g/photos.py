"""Phone photos filed with the papers: the car at delivery, a damaged part, and snapshots that are no document."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from dossier.samples.render import font

from .canvas import Sheet
from .forms import Case, Doc


def _scene(w: int, h: int, rng: random.Random) -> Image.Image:
    top = np.array([rng.randint(150, 220), rng.randint(160, 220), rng.randint(170, 235)], np.float32)
    bottom = np.array([rng.randint(80, 140), rng.randint(80, 130), rng.randint(70, 120)], np.float32)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    arr = top * (1 - t) + bottom * t
    arr = np.broadcast_to(arr, (h, w, 3)).copy()
    g = np.random.default_rng(rng.randrange(2**32))
    arr += g.normal(0, 4, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _car(d: ImageDraw.ImageDraw, x: int, y: int, w: int, colour: tuple[int, int, int], plate: str | None,
         texts: list[tuple[float, float, float, str]] | None = None) -> None:
    h = int(w * 0.42)
    d.rounded_rectangle((x, y + h * 0.35, x + w, y + h), radius=int(h * 0.18), fill=colour)
    d.polygon([(x + w * 0.2, y + h * 0.38), (x + w * 0.32, y), (x + w * 0.7, y), (x + w * 0.82, y + h * 0.38)], fill=colour)
    d.polygon([(x + w * 0.26, y + h * 0.36), (x + w * 0.35, y + h * 0.07), (x + w * 0.67, y + h * 0.07), (x + w * 0.76, y + h * 0.36)],
              fill=(70, 90, 110))
    for cx in (x + w * 0.14, x + w * 0.86):
        d.ellipse((cx - h * 0.12, y + h * 0.55, cx + h * 0.12, y + h * 0.8), fill=(245, 230, 160))
    d.rectangle((x + w * 0.05, y + h * 0.9, x + w * 0.95, y + h * 1.05), fill=(25, 25, 25))
    if plate:
        pw, ph = int(w * 0.26), int(w * 0.075)
        px, py = int(x + w / 2 - pw / 2), int(y + h * 0.68)
        green = len(plate) == 8
        d.rectangle((px, py, px + pw, py + ph), fill=(120, 200, 130) if green else (30, 60, 170), outline=(230, 230, 230),
                    width=2)
        f = font("bold", int(ph * 0.72))
        d.text((px + pw / 2, py + ph / 2), plate[:2] + "·" + plate[2:], font=f, fill=(20, 20, 20) if green else (245, 245, 245),
               anchor="mm")
        if texts is not None:
            texts.append((py, py + ph, px, plate[:2] + "·" + plate[2:]))


def delivery_photo(case: Case, rng: random.Random) -> Doc:
    w, h = rng.choice([(1600, 1200), (1440, 1080), (1280, 960)])
    img = _scene(w, h, rng)
    d = ImageDraw.Draw(img)
    car = case.car
    assert car is not None
    colour = {"珍珠白": (235, 235, 232), "极地白": (240, 240, 240), "曜石黑": (25, 25, 28), "星空灰": (110, 112, 118),
              "宝石蓝": (30, 60, 130), "琥珀金": (190, 160, 100), "熔岩红": (160, 30, 30)}[car.colour]
    texts: list[tuple[float, float, float, str]] = []
    if rng.random() < 0.7:  # the red banner of the handover ceremony
        d.rectangle((0, int(h * 0.05), w, int(h * 0.18)), fill=(180, 30, 40))
        banner = f"恭喜{case.owner.name[0]}先生/女士喜提爱车"
        d.text((w / 2, int(h * 0.115)), banner, font=font("bold", int(h * 0.06)), fill=(250, 220, 120), anchor="mm")
        texts.append((h * 0.08, h * 0.15, w * 0.2, banner))
    # a new car at its handover carries no plate yet, or the temporary one the dealer put on
    _car(d, int(w * 0.15), int(h * 0.35), int(w * 0.7), colour, car.plate if rng.random() < 0.4 else None, texts)
    return _photo_doc("delivery_photo", img, rng, texts)


def damage_photo(case: Case, rng: random.Random) -> Doc:
    w, h = rng.choice([(1600, 1200), (1200, 1600), (1280, 960)])
    img = _scene(w, h, rng)
    d = ImageDraw.Draw(img)
    base = (rng.randint(40, 200), rng.randint(40, 200), rng.randint(40, 200))
    texts: list[tuple[float, float, float, str]] = []
    d.rectangle((int(w * 0.1), int(h * 0.2), int(w * 0.9), int(h * 0.8)), fill=base)  # a panel or part
    for _ in range(rng.randint(2, 6)):  # scratches, a dent
        x0, y0 = rng.randint(int(w * 0.2), int(w * 0.7)), rng.randint(int(h * 0.3), int(h * 0.7))
        d.line((x0, y0, x0 + rng.randint(40, 300), y0 + rng.randint(-60, 60)), fill=(220, 220, 220), width=rng.randint(2, 6))
    cx, cy, r = w * 0.5, h * 0.5, min(w, h) * 0.12
    d.ellipse((cx - r, cy - r * 0.7, cx + r, cy + r * 0.7), fill=(max(0, base[0] - 50), max(0, base[1] - 50), max(0, base[2] - 50)))
    if rng.random() < 0.5:  # a ruler or a work-order slip laid beside it
        d.rectangle((int(w * 0.62), int(h * 0.82), int(w * 0.95), int(h * 0.95)), fill=(245, 245, 240))
        d.text((int(w * 0.64), int(h * 0.85)), str(case.visit), font=font("mono", int(h * 0.035)), fill=(30, 30, 30))
        texts.append((h * 0.85, h * 0.89, w * 0.64, str(case.visit)))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 1.5)))
    return _photo_doc("damage_photo", img, rng, texts)


def snapshot(case: Case, rng: random.Random) -> Doc:
    """A photo that is no document: the workshop floor, a whiteboard, a parking lot."""
    w, h = rng.choice([(1600, 1200), (1200, 1600)])
    img = _scene(w, h, rng)
    d = ImageDraw.Draw(img)
    kind = rng.randrange(3)
    if kind == 0:  # whiteboard with a few scribbles
        d.rectangle((int(w * 0.1), int(h * 0.15), int(w * 0.9), int(h * 0.7)), fill=(240, 240, 236), outline=(120, 120, 120), width=6)
        for k in range(rng.randint(2, 5)):
            y = int(h * (0.22 + 0.08 * k))
            d.line((int(w * 0.15), y, int(w * rng.uniform(0.4, 0.8)), y + rng.randint(-10, 10)), fill=(30, 60, 160), width=5)
    elif kind == 1:  # parked cars
        for k in range(3):
            _car(d, int(w * (0.03 + 0.33 * k)), int(h * 0.5), int(w * 0.3),
                 (rng.randint(20, 230), rng.randint(20, 230), rng.randint(20, 230)), None)
    else:  # shelves of archive boxes
        for r in range(4):
            for c in range(6):
                x, y = int(w * (0.05 + 0.15 * c)), int(h * (0.1 + 0.2 * r))
                d.rectangle((x, y, x + int(w * 0.13), y + int(h * 0.17)), fill=(200, 180, 140), outline=(90, 80, 60), width=3)
    return _photo_doc(None, img, rng)


def _photo_doc(code: str | None, img: Image.Image, rng: random.Random,
               texts: list[tuple[float, float, float, str]] | None = None) -> Doc:
    sh = Sheet(img.width * 25.4 / 150, img.height * 25.4 / 150, 150)
    sh.img = img
    sh.draw = ImageDraw.Draw(img)
    sh.strings = list(texts or [])
    return Doc(code, None, [sh], {}, False, photo=True)
