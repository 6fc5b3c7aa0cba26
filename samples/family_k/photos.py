"""Photographs: the handover at the showroom, the damaged part with the camera's date stamp, and
snapshots that are no document at all (a phone screenshot, a photo of the workshop floor)."""

from __future__ import annotations

from PIL import ImageDraw, ImageFilter

from dossier.samples.family_k import forms
from dossier.samples.family_k.layout import Doc


def _scene(d: Doc, kind: str) -> None:
    sh, rng = d.sheet, d.rng
    w, h = sh.img.size
    dr = ImageDraw.Draw(sh.img)
    top = (rng.randint(150, 220), rng.randint(150, 220), rng.randint(160, 230))
    floor = (rng.randint(90, 150), rng.randint(90, 140), rng.randint(80, 130))
    for yy in range(h):  # wall fading into floor
        t = yy / h
        col = tuple(int(a * (1 - t) + b * t) for a, b in zip(top, floor, strict=True))
        dr.line((0, yy, w, yy), fill=col)
    if kind in ("delivery", "damage", "floor"):
        body = tuple(rng.randint(20, 230) for _ in range(3))
        cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.55, 0.65)
        bw, bh = w * rng.uniform(0.5, 0.8), h * rng.uniform(0.22, 0.3)
        dr.rounded_rectangle((cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2), radius=int(bh / 3), fill=body)
        dr.rounded_rectangle((cx - bw / 3, cy - bh, cx + bw / 4, cy - bh / 2 + 4), radius=int(bh / 4),
                             fill=tuple(max(0, v - 40) for v in body))
        for fx in (-0.32, 0.3):
            r = bh * 0.38
            dr.ellipse((cx + fx * bw - r, cy + bh / 2 - r, cx + fx * bw + r, cy + bh / 2 + r), fill=(25, 25, 25))
        if kind == "damage":  # a crumpled dent
            for _ in range(14):
                x, y = cx + rng.uniform(-bw / 4, bw / 4), cy + rng.uniform(-bh / 3, bh / 3)
                dr.line((x, y, x + rng.uniform(-40, 40), y + rng.uniform(-25, 25)), fill=(40, 40, 40), width=3)
    if kind == "delivery":  # a person beside the car holding a red ribbon
        px = w * rng.uniform(0.1, 0.25)
        dr.ellipse((px - 20, h * 0.3, px + 20, h * 0.3 + 42), fill=(230, 190, 160))
        dr.rectangle((px - 28, h * 0.3 + 44, px + 28, h * 0.75), fill=(40, 50, 90))
        dr.rectangle((px + 20, h * 0.5, w * 0.7, h * 0.5 + 10), fill=(210, 30, 40))
    if kind == "chat":  # a phone screenshot of a chat, bubbles only
        dr.rectangle((0, 0, w, h), fill=(236, 236, 236))
        y = 30
        while y < h - 60:
            left = rng.random() < 0.5
            bw = w * rng.uniform(0.3, 0.65)
            x0 = 20 if left else w - 20 - bw
            dr.rounded_rectangle((x0, y, x0 + bw, y + 40), radius=10, fill=(255, 255, 255) if left else (149, 236, 105))
            y += 60
    sh.img = sh.img.filter(ImageFilter.GaussianBlur(0.8))
    sh.draw = ImageDraw.Draw(sh.img)


def photo(code: str | None, c: forms.Ctx) -> Doc:
    land = c.rng.random() < 0.8
    d = Doc(code, c.site, c.rng, c.dpi, False, font="sans")
    d.new_sheet(size=(160.0, 120.0) if land else (120.0, 160.0))
    if code is not None and c.car is not None:
        from dossier.models import DossierRef
        d.dossier = DossierRef(kind="car", key=c.car.vin)
    if code == "damage_photo":
        d.visit, d.job_type = c.visit, c.job
        _scene(d, "damage")
        # The camera's orange date stamp in the corner is printed on the picture.
        d.sheet.text(d.sheet.w_mm - 6, d.sheet.h_mm - 8, f"{c.day:%Y/%m/%d} {c.rng.randint(8, 17):02d}:{c.rng.randint(0, 59):02d}",
                     3.4, "mono", anchor="ra", fill=(255, 150, 30))
    elif code == "delivery_photo":
        _scene(d, "delivery")
        if c.rng.random() < 0.5:
            d.sheet.text(d.sheet.w_mm / 2, 8, f"{c.site.short}  感恩有您  喜提爱车", 4.4, "bold", anchor="ma",
                         fill=(200, 30, 40))
    else:
        _scene(d, c.rng.choice(("chat", "floor")))
    d.title = None
    return d
