"""Pictures among the papers: the handover photo at the showroom, photos of a damaged part (raw, with a
camera date stamp, or pasted on a captioned sheet), and snapshots that are no document at all."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from dossier.samples.family_i.forms import Built, Ctx
from dossier.samples.family_i.layout import A4, Doc
from dossier.samples.family_i.page import Page

CAR_RGB = ((236, 236, 232), (30, 30, 34), (170, 172, 178), (60, 110, 170), (70, 140, 110), (90, 92, 98), (180, 30, 36))


def _photo_page(rng: random.Random, dpi: int = 150, landscape: bool = True) -> Page:
    w, h = (203.2, 152.4) if landscape else (152.4, 203.2)
    pg = Page(w, h, dpi)
    return pg


def _noise(img: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    g = np.random.default_rng(rng.randrange(2**32))
    arr = np.asarray(img, dtype=np.float32) + g.normal(0, sigma, (img.height, img.width, 3)).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _car(d: ImageDraw.ImageDraw, x: float, y: float, w: float, rgb: tuple[int, int, int]) -> None:
    h = w * 0.32
    d.rounded_rectangle((x, y + h * 0.35, x + w, y + h), radius=int(h * 0.2), fill=rgb)
    d.polygon([(x + w * 0.22, y + h * 0.38), (x + w * 0.34, y), (x + w * 0.7, y), (x + w * 0.82, y + h * 0.38)], fill=rgb)
    d.polygon([(x + w * 0.27, y + h * 0.36), (x + w * 0.36, y + h * 0.07), (x + w * 0.51, y + h * 0.07),
               (x + w * 0.51, y + h * 0.36)], fill=(70, 90, 110))
    d.polygon([(x + w * 0.53, y + h * 0.36), (x + w * 0.53, y + h * 0.07), (x + w * 0.68, y + h * 0.07),
               (x + w * 0.77, y + h * 0.36)], fill=(70, 90, 110))
    for cx in (x + w * 0.2, x + w * 0.8):
        r = h * 0.27
        d.ellipse((cx - r, y + h - r, cx + r, y + h + r), fill=(25, 25, 25))
        d.ellipse((cx - r * 0.5, y + h - r * 0.5, cx + r * 0.5, y + h + r * 0.5), fill=(160, 160, 165))


def delivery_photo(c: Ctx) -> Built:
    rng = c.rng
    pg = _photo_page(rng, c.dpi)
    W, H = pg.img.size
    d = pg.draw
    top = (rng.randint(200, 240), rng.randint(200, 235), rng.randint(190, 230))
    for y in range(H):
        k = y / H
        d.line((0, y, W, y), fill=tuple(int(v * (1 - 0.35 * k)) for v in top))
    d.rectangle((0, int(H * 0.68), W, H), fill=(150, 146, 140))
    banner = rng.random() < 0.7
    if banner:
        d.rectangle((int(W * 0.12), int(H * 0.06), int(W * 0.88), int(H * 0.2)), fill=(185, 25, 35))
        pg.text(pg.w_mm / 2, pg.h_mm * 0.155, f"{c.site.brand} · 交车仪式", 16, "bold", "ms", (250, 220, 120))
    _car(d, W * 0.18, H * 0.42, W * 0.64, rng.choice(CAR_RGB))
    d.polygon([(W * 0.45, H * 0.5), (W * 0.55, H * 0.5), (W * 0.5, H * 0.56)], fill=(210, 20, 30))  # the ribbon
    for px in rng.sample((0.08, 0.14, 0.86, 0.92), 2):
        cx = W * px
        u = W / 1200
        d.ellipse((cx - 22 * u, H * 0.4, cx + 22 * u, H * 0.4 + 46 * u), fill=(70, 50, 40))
        d.rectangle((cx - 35 * u, H * 0.4 + 46 * u, cx + 35 * u, H * 0.85), fill=rng.choice(((40, 40, 60), (200, 60, 60), (220, 220, 225))))
    pg.img = _noise(pg.img.filter(ImageFilter.GaussianBlur(1.2)), rng, 4)
    pg.draw = ImageDraw.Draw(pg.img)
    pg.notes.append("photo of a scene")
    return Built("delivery_photo", None, [pg], {})


def _part(pg: Page, rng: random.Random) -> None:
    W, H = pg.img.size
    d = pg.draw
    u = W / 1200
    base = (rng.randint(90, 140),) * 3
    d.rectangle((0, 0, W, H), fill=base)
    cx, cy, r = W * rng.uniform(0.4, 0.6), H * rng.uniform(0.4, 0.6), min(W, H) * rng.uniform(0.25, 0.38)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(150, 150, 155), outline=(60, 60, 60), width=max(1, int(6 * u)))
    d.ellipse((cx - r * 0.35, cy - r * 0.35, cx + r * 0.35, cy + r * 0.35), fill=(80, 80, 85))
    for k in range(6):
        a = k * 1.047 + rng.uniform(0, 0.3)
        d.ellipse((cx + r * 0.6 * np.cos(a) - 9 * u, cy + r * 0.6 * np.sin(a) - 9 * u, cx + r * 0.6 * np.cos(a) + 9 * u,
                   cy + r * 0.6 * np.sin(a) + 9 * u), fill=(50, 50, 50))
    x, y = cx + r * 0.2, cy - r * 0.9
    pts = [(x, y)]
    for _ in range(8):
        x += rng.uniform(-12, 12) * u
        y += r * 0.18
        pts.append((x, y))
    d.line(pts, fill=(20, 15, 10), width=max(1, int(4 * u)))  # the crack
    d.ellipse((cx - r * 1.1, cy + r * 0.6, cx - r * 0.4, cy + r * 1.1), fill=(120, 70, 40))  # rust / leak


def damage_photo(c: Ctx) -> Built:
    rng = c.rng
    v, car = c.visit, c.car
    assert v and car
    if rng.random() < 0.5:
        pg = _photo_page(rng, c.dpi)
        _part(pg, rng)
        pg.img = _noise(pg.img.filter(ImageFilter.GaussianBlur(1.0)), rng, 5)
        pg.draw = ImageDraw.Draw(pg.img)
        when = dt.datetime(v.date.year, v.date.month, v.date.day, rng.randint(8, 17), rng.randint(0, 59))
        pg.text(pg.w_mm - 6, pg.h_mm - 6, when.strftime("%Y/%m/%d %H:%M"), 11, "mono", "rs", (255, 150, 30))
        pg.notes.append("photo of a scene")
        return Built("damage_photo", None, [pg], {})
    doc = Doc(c.site, rng, c.dpi, A4, hant=c.site.hant)
    doc.header(rng.choice(("索赔旧件照片", "损坏零件及车辆照片", "故障件照片记录")), "plain")
    fl = {"vin": car.vin}
    doc.kv([("工单号", v.wo), ("车架号", car.vin), ("车牌号", car.plate)], 3, "colon", pt=9)
    fl["plate"] = car.plate
    pg = doc.pg
    for k in range(2):
        ph = _photo_page(rng)
        if k == 0:
            _part(ph, rng)
        else:
            ph.draw.rectangle((0, 0, *ph.img.size), fill=(200, 205, 210))
            _car(ph.draw, ph.img.width * 0.1, ph.img.height * 0.3, ph.img.width * 0.8, rng.choice(CAR_RGB))
        w_mm = 120.0
        im = ph.img.resize((pg.px(w_mm), pg.px(w_mm * 0.75)))
        y = doc.y + 2
        pg.img.paste(im, (pg.px(45), pg.px(y)))
        pg.text(105, y + w_mm * 0.75 + 5, ("图1 损坏零件" if k == 0 else "图2 车辆全景"), 9, doc.face, "ms")
        doc.y = y + w_mm * 0.75 + 10
    return Built("damage_photo", doc.title, doc.pages, fl, "hant" if doc.hant else "hans")


CHAT = ("您好，您的车已经保养好了，可以来提车了", "好的，我下午三点过去", "发票需要开公司抬头吗？", "需要，我把开票信息发您",
        "明天上午十点前到店即可", "收到，谢谢", "车位申请表我已经放在前台了", "请带上身份证原件")


def snapshot(c: Ctx) -> Built:
    rng = c.rng
    if rng.random() < 0.55:  # a phone screenshot of a chat
        pg = Page(75.0, 162.0, 200)
        W, H = pg.img.size
        pg.draw.rectangle((0, 0, W, H), fill=(237, 237, 237))
        pg.draw.rectangle((0, 0, W, pg.px(14)), fill=(245, 245, 245))
        pg.text(pg.w_mm / 2, 10, rng.choice(("服务顾问 " + rng.choice(c.site.staff.get("advisor", ("小王",))), "物业前台", "销售小陈")),
                8.5, "sans", "ms")
        y = 22.0
        for line in rng.sample(CHAT, rng.randint(3, 6)):
            right = rng.random() < 0.5
            wd = min(52.0, pg.width(line, 7.5) + 5)
            x0 = pg.w_mm - 12 - wd if right else 12.0
            pg.draw.rounded_rectangle((pg.px(x0), pg.px(y), pg.px(x0 + wd), pg.px(y + 8)), radius=pg.px(1.5),
                                      fill=(149, 236, 105) if right else (255, 255, 255))
            if wd >= 52.0:
                line = line[:13]
            pg.text(x0 + 2.5, y + 5.6, line, 7.5, "sans")
            y += 14
        pg.notes.append("screenshot")
        return Built(None, None, [pg], {})
    pg = _photo_page(rng)
    d = pg.draw
    W, H = pg.img.size
    d.rectangle((0, 0, W, H), fill=(rng.randint(100, 160), rng.randint(90, 140), rng.randint(70, 110)))
    for _ in range(rng.randint(2, 5)):
        x, y = rng.uniform(0, W * 0.8), rng.uniform(0, H * 0.8)
        d.rectangle((x, y, x + rng.uniform(60, 300), y + rng.uniform(40, 200)),
                    fill=(rng.randint(40, 230), rng.randint(40, 230), rng.randint(40, 230)))
    pg.img = _noise(pg.img.filter(ImageFilter.GaussianBlur(3)), rng, 6)
    pg.draw = ImageDraw.Draw(pg.img)
    pg.notes.append("photo of a scene")
    return Built(None, None, [pg], {})
