"""Phone pictures: the handover photo at the showroom, damaged parts with a camera date stamp, and snapshots that
are no document at all."""

from __future__ import annotations

import datetime as dt
import random

from dossier.samples.family_j.canvas import Page
from dossier.samples.family_j.forms import Built, Ctx


def _car(pg: Page, rng: random.Random, x: float, y: float, w: float, plate: str | None) -> None:
    body = tuple(rng.randint(30, 230) for _ in range(3))
    h = w * 0.32
    pg.draw.polygon([(pg.px(x), pg.px(y + h)), (pg.px(x + w * 0.08), pg.px(y + h * 0.45)),
                     (pg.px(x + w * 0.3), pg.px(y + h * 0.4)), (pg.px(x + w * 0.42), pg.px(y)),
                     (pg.px(x + w * 0.75), pg.px(y)), (pg.px(x + w * 0.9), pg.px(y + h * 0.42)),
                     (pg.px(x + w), pg.px(y + h * 0.55)), (pg.px(x + w), pg.px(y + h))], fill=body)
    pg.draw.polygon([(pg.px(x + w * 0.45), pg.px(y + h * 0.08)), (pg.px(x + w * 0.72), pg.px(y + h * 0.08)),
                     (pg.px(x + w * 0.84), pg.px(y + h * 0.4)), (pg.px(x + w * 0.36), pg.px(y + h * 0.4))], fill=(70, 90, 110))
    for cx in (x + w * 0.2, x + w * 0.8):
        r = w * 0.09
        pg.draw.ellipse((pg.px(cx - r), pg.px(y + h - r), pg.px(cx + r), pg.px(y + h + r)), fill=(25, 25, 25))
        pg.draw.ellipse((pg.px(cx - r / 2), pg.px(y + h - r / 2), pg.px(cx + r / 2), pg.px(y + h + r / 2)), fill=(170, 170, 175))
    if plate:
        px0, py0 = x + w * 0.96 - 26, y + h * 0.72
        pg.rect(px0, py0, px0 + 24, py0 + 7, 0.3, (240, 240, 240), fill=(20, 70, 180) if len(plate) == 7 else (120, 200, 120))
        pg.text(px0 + 12, py0 + 3.5, plate, 3.6, "bold", (250, 250, 250) if len(plate) == 7 else (20, 20, 20), anchor="mm")


def _stamp(pg: Page, d: dt.date, rng: random.Random) -> None:
    pg.text(pg.w_mm - 6, pg.h_mm - 6, f"{d:%Y/%m/%d} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}", 4.0, "mono",
            (255, 150, 40), anchor="rs")


def _backdrop(pg: Page, rng: random.Random, top: tuple[int, int, int], floor: tuple[int, int, int]) -> None:
    h = pg.px(pg.h_mm)
    for y in range(h):
        t = y / h
        c = tuple(int(a + (b - a) * t) for a, b in zip(top, floor, strict=True))
        pg.draw.line((0, y, pg.px(pg.w_mm), y), fill=c)


def delivery_photo(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.car
    pg = Page(ctx.dpi, 200.0, 150.0, ctx.hant, face=ctx.site.face)
    _backdrop(pg, rng, (235, 235, 240), (190, 180, 170))
    pg.rect(20, 8, 180, 26, 0.1, (200, 30, 40), fill=(200, 30, 40))
    pg.text(100, 17, f"恭喜{ctx.cust.name}喜提爱车", 6.0, "bold", (255, 240, 200), anchor="mm")
    _car(pg, rng, 25, 60, 150, ctx.car.plate if rng.random() < 0.6 else None)
    for k in range(2):  # the customer and the consultant beside the car
        cx = 35 + k * 120 + rng.uniform(-5, 5)
        pg.draw.ellipse((pg.px(cx - 6), pg.px(40), pg.px(cx + 6), pg.px(52)), fill=(225, 190, 160))
        pg.rect(cx - 9, 52, cx + 9, 100, 0.1, (40, 40, 60), fill=(40, 40, 60) if k else (150, 60, 60))
    if rng.random() < 0.5:
        _stamp(pg, ctx.car.delivered, rng)
    return Built([pg], None, {})


def damage_photo(ctx: Ctx) -> Built:
    rng = ctx.rng
    assert ctx.visit
    pg = Page(ctx.dpi, 200.0, 150.0, ctx.hant, face=ctx.site.face)
    base = (rng.randint(40, 200), rng.randint(40, 200), rng.randint(40, 200))
    _backdrop(pg, rng, base, tuple(max(0, c - 60) for c in base))  # type: ignore[arg-type]
    for _ in range(rng.randint(3, 7)):  # scratches and a dent
        x, y = rng.uniform(30, 170), rng.uniform(30, 120)
        pg.line(x, y, x + rng.uniform(-40, 40), y + rng.uniform(-20, 20), rng.uniform(0.3, 1.5), (235, 235, 230))
    pg.draw.ellipse((pg.px(80), pg.px(50), pg.px(130), pg.px(95)), outline=(20, 20, 20), width=pg.px(0.8))
    if rng.random() < 0.6:  # the technician's tag beside the part
        pg.rect(140, 110, 192, 140, 0.3, (120, 120, 120), fill=(250, 250, 240))
        pg.text(143, 114, ctx.visit.number, 3.0, "mono")
        pg.text(143, 122, "旧件待回收", 3.4, "kai", (25, 45, 140))
    _stamp(pg, ctx.visit.date, rng)
    return Built([pg], None, {})


def snapshot(ctx: Ctx) -> Built:
    """A picture that ended up in the scan folder and is no document (a parking lot, a screen, a desk)."""
    rng = ctx.rng
    pg = Page(ctx.dpi, 200.0, 150.0, ctx.hant, face=ctx.site.face)
    kind = rng.choice(("lot", "screen", "desk"))
    if kind == "lot":
        _backdrop(pg, rng, (150, 190, 230), (90, 90, 95))
        for k in range(3):
            _car(pg, rng, 10 + k * 63, 80 + rng.uniform(-5, 5), 55, None)
    elif kind == "screen":
        _backdrop(pg, rng, (30, 30, 35), (20, 20, 25))
        pg.rect(15, 12, 185, 138, 0.5, (80, 80, 90), fill=(240, 242, 246))
        for k in range(6):
            y = 22 + k * 18
            pg.rect(25 + (k % 2) * 60, y, 115 + (k % 2) * 60, y + 11, 0.1, (200, 200, 200),
                    fill=(150, 230, 120) if k % 2 else (255, 255, 255))
    else:
        _backdrop(pg, rng, (160, 120, 80), (120, 85, 55))
        pg.rect(40, 30, 120, 110, 0.2, (200, 200, 200), fill=(245, 245, 240))
        pg.draw.ellipse((pg.px(135), pg.px(40), pg.px(170), pg.px(75)), fill=(240, 240, 240), outline=(90, 60, 40))
    return Built([pg], None, {})
