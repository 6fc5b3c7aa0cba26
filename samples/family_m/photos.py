"""Photographs: the handover photo, a damaged part on the workshop bench, and snapshots that are no document."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from dossier.samples.family_m.canvas import Page
from dossier.samples.family_m.forms import Ctx, Doc, car_ref


def _photo_page(c: Ctx, w: float = 200, h: float = 150) -> Page:
    p = Page(w, h, c.dpi)
    rng = c.rng
    top = tuple(rng.randint(150, 215) for _ in range(3))
    bottom = tuple(rng.randint(60, 130) for _ in range(3))
    arr = np.linspace(0, 1, p.img.height)[:, None, None] * (np.array(bottom) - np.array(top)) + np.array(top)
    p.img = Image.fromarray(np.broadcast_to(arr, (p.img.height, p.img.width, 3)).astype(np.uint8).copy())
    p.draw = ImageDraw.Draw(p.img)
    return p


def _car(p: Page, c: Ctx, x: float, y: float, scale: float, plate: str | None) -> None:
    colour = c.rng.choice(((235, 235, 238), (30, 30, 36), (120, 124, 130), (40, 70, 140), (190, 192, 196)))
    d = p.draw
    X = lambda v: p.px(x + v * scale)  # noqa: E731
    Y = lambda v: p.px(y + v * scale)  # noqa: E731
    d.rounded_rectangle((X(0), Y(18), X(100), Y(42)), radius=p.px(4 * scale), fill=colour)
    d.polygon([(X(20), Y(18)), (X(32), Y(4)), (X(72), Y(4)), (X(84), Y(18))], fill=colour)
    d.polygon([(X(24), Y(17)), (X(34), Y(7)), (X(50), Y(7)), (X(50), Y(17))], fill=(70, 90, 110))
    d.polygon([(X(53), Y(17)), (X(53), Y(7)), (X(70), Y(7)), (X(80), Y(17))], fill=(70, 90, 110))
    for cx in (22, 78):
        d.ellipse((X(cx - 9), Y(33), X(cx + 9), Y(51)), fill=(25, 25, 25))
        d.ellipse((X(cx - 5), Y(37), X(cx + 5), Y(47)), fill=(150, 150, 155))
    if plate:
        green = len(plate) == 8
        d.rectangle((X(38), Y(30), X(62), Y(37)), fill=(90, 190, 120) if green else (20, 60, 170))
        p.text(x + 50 * scale, y + 33.5 * scale, plate, 5.0 * scale, "bold", (20, 20, 20) if green else (245, 245, 245),
               anchor="mm")


def delivery_photo(c: Ctx) -> Doc:
    p = _photo_page(c)
    assert c.car
    fields: dict[str, str] = {}
    plate = c.car.plate if c.rng.random() < 0.6 else None
    _car(p, c, 40, 55, 1.2, plate)
    if plate:
        fields["plate"] = plate
    for k in range(c.rng.randint(1, 3)):  # the customer and the consultant beside the car
        x = 20 + k * 25 + c.rng.uniform(-4, 4)
        p.draw.ellipse((p.px(x), p.px(48), p.px(x + 9), p.px(58)), fill=(200, 160, 130))
        p.draw.rectangle((p.px(x - 2), p.px(58), p.px(x + 11), p.px(98)), fill=tuple(c.rng.randint(20, 200) for _ in range(3)))
    if c.rng.random() < 0.5:
        p.draw.rectangle((p.px(8), p.px(8), p.px(70), p.px(22)), fill=(200, 30, 40))
        p.text(39, 15, "交车仪式", 6, "bold", (255, 240, 200), anchor="mm")
    p.img = p.img.filter(ImageFilter.GaussianBlur(0.8))
    p.draw = ImageDraw.Draw(p.img)
    return Doc("delivery_photo", None, [p], fields, car_ref(c))


def damage_photo(c: Ctx) -> Doc:
    p = _photo_page(c, 180, 135)
    rng = c.rng
    d = p.draw
    # a worn part on the bench: a grey disc or a bracket, with a steel ruler beside it
    cx, cy, r = rng.uniform(60, 110), rng.uniform(55, 80), rng.uniform(22, 34)
    d.ellipse((p.px(cx - r), p.px(cy - r), p.px(cx + r), p.px(cy + r)), fill=(110, 105, 100))
    d.ellipse((p.px(cx - r / 3), p.px(cy - r / 3), p.px(cx + r / 3), p.px(cy + r / 3)), fill=(60, 55, 50))
    for _ in range(20):  # rust and scoring
        a, b = rng.uniform(cx - r, cx + r), rng.uniform(cy - r, cy + r)
        d.ellipse((p.px(a), p.px(b), p.px(a + 2), p.px(b + 2)), fill=(150, 80, 40))
    d.rectangle((p.px(20), p.px(112), p.px(160), p.px(118)), fill=(210, 210, 205))
    for k in range(0, 140, 2):
        d.line((p.px(20 + k), p.px(112), p.px(20 + k), p.px(114 if k % 10 else 116)), fill=(40, 40, 40))
    stamp = f"{c.day.replace('-', '/')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}"
    p.text(175, 128, stamp, 4.0, "mono", (255, 150, 40), anchor="rs")  # the camera's date stamp
    return Doc("damage_photo", None, [p], {}, car_ref(c), c.visit, c.job)


def snapshot(c: Ctx) -> Doc:
    """A photo taken by mistake in the same batch: the showroom floor or a desk, no paper on it."""
    p = _photo_page(c)
    rng = c.rng
    for _ in range(rng.randint(4, 9)):
        x, y = rng.uniform(0, 180), rng.uniform(20, 130)
        p.draw.rectangle((p.px(x), p.px(y), p.px(x + rng.uniform(10, 50)), p.px(y + rng.uniform(8, 40))),
                         fill=tuple(rng.randint(30, 230) for _ in range(3)))
    p.img = p.img.filter(ImageFilter.GaussianBlur(1.5))
    p.draw = ImageDraw.Draw(p.img)
    return Doc(None, None, [p])
