"""A small page-layout engine for printed forms: titles, ruled grids, tables, tick boxes, paragraphs.

A `Sheet` lays one document out top to bottom and starts a continuation page (no title) when it runs
out of room. Every string it prints is recorded as a `Word` with its box, so the ground truth text of a
page is exactly what was drawn. Signature slots and seal spots are recorded for the generator to fill.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossier.classify.hanzi import to_hant
from dossier.errors import MissingDependency
from dossier.models import Box, Word, line_texts

FONTS = {  # (file, index for Simplified, index for Traditional)
    "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, 3),
    "bold": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, 3),
    "serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, 3),
    "serifb": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2, 3),
    "mono": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 7, 8),
    "kai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, 2),
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, 2),
    # WenQuanYi: one face covers both scripts.
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, 0),
    "zenhei_mono": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 1, 1),
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, 0),
}
# A kind of text -> the CJK fonts Debian ships that can set it; each document draws one per kind, so a
# template is printed in every font an office might have (bold kinds exist in Noto only, Kai is the hand).
FACES = {
    "sans": ("sans", "zenhei", "microhei"),
    "serif": ("serif", "ming"),
    "mono": ("mono", "zenhei_mono"),
}
INK = (28, 28, 32)
BLUE_PEN = (30, 50, 150)


@lru_cache(maxsize=256)
def font(kind: str, px: int, hant: bool = False) -> ImageFont.FreeTypeFont:
    path, i_hans, i_hant = FONTS[kind]
    if not Path(path).exists():
        raise MissingDependency(path, zh=f"缺少中文字体 {Path(path).name}", en=f"missing CJK font {Path(path).name}")
    return ImageFont.truetype(path, px, index=i_hant if hant else i_hans)


@dataclass
class SigSlot:
    role: str
    label: str
    page: int  # 0-based page within the document
    box: Box  # the blank region where the signature goes


@dataclass
class SealSpot:
    page: int
    center: tuple[int, int]
    shape: str  # round | oval | square
    text: str  # ring text (company name)
    middle: str = ""  # 合同专用章, 发票专用章, a tax number ...


@dataclass
class Sheet:
    rng: random.Random
    dpi: int
    hant: bool = False
    size_mm: tuple[float, float] = (210, 297)
    margin_mm: float = 16
    line_colour: tuple[int, int, int] = INK
    paper: tuple[int, int, int] = (255, 255, 255)
    pages: list[Image.Image] = field(default_factory=list)
    words: list[list[Word]] = field(default_factory=list)
    slots: list[SigSlot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    y: int = 0
    pen: tuple[int, int, int] | None = None  # one pen fills in one form
    faces: dict[str, str] = field(default_factory=dict)  # kind of text -> font, drawn per document

    def __post_init__(self) -> None:
        self.faces = {kind: self.rng.choice(fonts) for kind, fonts in FACES.items()}
        self.w, self.h = self.px(self.size_mm[0]), self.px(self.size_mm[1])
        self.x0, self.x1 = self.px(self.margin_mm), self.w - self.px(self.margin_mm)
        self.bottom = self.h - self.px(self.margin_mm + 6)
        self.new_page()

    # -- basics ------------------------------------------------------------------------------
    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, points: float) -> int:
        return max(8, round(points * self.dpi / 72))

    @property
    def page(self) -> int:
        return len(self.pages) - 1

    @property
    def draw(self) -> ImageDraw.ImageDraw:
        return ImageDraw.Draw(self.pages[-1])

    def new_page(self) -> None:
        self.pages.append(Image.new("RGB", (self.w, self.h), self.paper))
        self.words.append([])
        self.y = self.px(self.margin_mm)

    def need(self, height: int) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def font(self, kind: str, points: float) -> ImageFont.FreeTypeFont:
        return font(self.faces.get(kind, kind), self.pt(points), self.hant)

    def t(self, s: str) -> str:
        return to_hant(s) if self.hant else s

    def text(self, x: int, y: int, s: str, kind: str = "sans", points: float = 10.5,
             fill: tuple[int, int, int] = INK, anchor: str = "la", page: int | None = None,
             convert: bool = True) -> Box:
        """Draw one string; y is the top of the line box. Returns the ink box."""
        s = self.t(s) if convert else s
        if not s:
            return (x, y, x, y)
        p = self.page if page is None else page
        f = self.font(kind, points)
        if anchor[0] == "m":
            x -= round(f.getlength(s) / 2)
        elif anchor[0] == "r":
            x -= round(f.getlength(s))
        d = ImageDraw.Draw(self.pages[p])
        d.text((x, y), s, font=f, fill=fill)
        x0, y0, x1, y1 = d.textbbox((x, y), s, font=f)
        box = (int(x0), int(y0), int(x1), int(y1))
        if s.strip():
            self.words[p].append(Word(text=s, box=box, conf=1.0))
        return box

    def width(self, s: str, kind: str = "sans", points: float = 10.5) -> float:
        return self.font(kind, points).getlength(self.t(s))

    def hand(self, x: int, y: int, s: str, points: float = 12, colour: tuple[int, int, int] | None = None) -> Box:
        """A filled-in value written by hand: Kai font, pen colour, a little wobble per character."""
        if self.pen is None:
            self.pen = BLUE_PEN if self.rng.random() < 0.7 else INK
        colour = colour or self.pen
        f = self.font("kai", points)
        box = None
        cx = x
        for ch in self.t(s):
            dy = self.rng.randint(-2, 2) * self.dpi // 150
            self.draw.text((cx, y + dy), ch, font=f, fill=colour)
            bx0, by0, bx1, by1 = self.draw.textbbox((cx, y + dy), ch, font=f)
            b = (int(bx0), int(by0), int(bx1), int(by1))
            box = b if box is None else (min(box[0], b[0]), min(box[1], b[1]), max(box[2], b[2]), max(box[3], b[3]))
            cx += round(f.getlength(ch) * self.rng.uniform(0.95, 1.12))
        if box and s.strip():
            self.words[-1].append(Word(text=self.t(s), box=box, conf=1.0))
        return box or (x, y, x, y)

    def value(self, x: int, y: int, s: str, hand: bool, points: float = 10.5, room: int | None = None) -> Box:
        """A filled-in value; given `room` (px), a long one is set smaller to fit it, as form software
        and a writer do (never over the next field's label: that hides a character from any reader)."""
        if hand:
            points += 1.5
        if room is not None and s:
            # Handwriting spaces its characters by up to 1.12 (hand()).
            wide = self.font("kai", points).getlength(self.t(s)) * 1.12 if hand else self.width(s, points=points)
            if wide > room:
                points = max(points * 0.55, points * room / wide)
        return self.hand(x, y - self.pt(1), s, points) if hand else self.text(x, y, s, points=points)

    def rule(self, x0: int, y0: int, x1: int, y1: int, width: int = 1) -> None:
        self.draw.line((x0, y0, x1, y1), fill=self.line_colour, width=max(1, width * self.dpi // 150))

    def rect(self, box: Box, width: int = 1) -> None:
        self.draw.rectangle(box, outline=self.line_colour, width=max(1, width * self.dpi // 150))

    def gap(self, mm: float) -> None:
        self.y += self.px(mm)

    # -- blocks ------------------------------------------------------------------------------
    def title(self, s: str, points: float = 20, kind: str = "bold", underline: bool = False) -> None:
        b = self.text(self.w // 2, self.y, s, kind=kind, points=points, anchor="mt")
        if underline:
            self.rule(b[0] - self.px(2), b[3] + self.px(1.5), b[2] + self.px(2), b[3] + self.px(1.5), 2)
            self.rule(b[0] - self.px(2), b[3] + self.px(2.5), b[2] + self.px(2), b[3] + self.px(2.5), 1)
        self.y = b[3] + self.px(6)

    def line(self, left: str = "", right: str = "", points: float = 10, centre: str = "") -> None:
        h = self.pt(points) * 3 // 2
        self.need(h)
        self.text(self.x0, self.y, left, points=points)
        if centre:
            self.text(self.w // 2, self.y, centre, points=points, anchor="mt")
        self.text(self.x1, self.y, right, points=points, anchor="rt")
        self.y += h

    def fields(self, rows: list[list[tuple[str, str]]], ruled: bool = True, hand: bool = False,
               points: float = 10.5, label_frac: float = 0.38, row_mm: float = 9.5) -> None:
        """Label/value pairs, several per row; ruled as a grid or printed as 'label：value' lines."""
        rh = self.px(row_mm)
        width = self.x1 - self.x0
        for row in rows:
            self.need(rh)
            top = self.y
            cw = width / len(row)
            for i, (label, val) in enumerate(row):
                cx = round(self.x0 + i * cw)
                ty = top + (rh - self.pt(points)) // 2 - self.pt(points) // 6
                if ruled:
                    lw = round(cw * label_frac) if len(row) > 1 else round(width * 0.2)
                    lw = max(lw, round(self.width(label, points=points)) + self.px(4))
                    self.rect((cx, top, round(cx + cw), top + rh))
                    self.rule(cx + lw, top, cx + lw, top + rh)
                    self.text(cx + self.px(1.5), ty, label, points=points)
                    room = round(cx + cw) - (cx + lw + self.px(2)) - self.px(1.5)
                    self.value(cx + lw + self.px(2), ty, val, hand, points, room)
                else:
                    b = self.text(cx, ty, label + "：", points=points)
                    room = round(cx + cw) - (b[2] + self.px(1)) - self.px(4)
                    self.value(b[2] + self.px(1), ty, val, hand, points, room)
                    if hand:
                        self.rule(b[2], top + rh - self.px(2), round(cx + cw) - self.px(4), top + rh - self.px(2))
            self.y = top + rh
        self.y += self.px(2)

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float], points: float = 10,
              blank_rows: int = 0, row_mm: float = 8.0, align: str | None = None) -> None:
        """A ruled table; repeats its header on a continuation page. align: one of l/c/r per column."""
        rh = self.px(row_mm)
        total = sum(widths)
        xs = [self.x0]
        for w in widths:
            xs.append(round(xs[-1] + (self.x1 - self.x0) * w / total))
        align = align or "l" * len(widths)

        def row(cells: list[str], font_kind: str = "sans") -> None:
            top = self.y
            for i, cell in enumerate(cells):
                self.rect((xs[i], top, xs[i + 1], top + rh))
                ty = top + (rh - self.pt(points)) // 2 - self.pt(points) // 6
                a = "c" if font_kind == "bold" else align[i]
                if a == "c":
                    self.text((xs[i] + xs[i + 1]) // 2, ty, cell, kind=font_kind, points=points, anchor="mt")
                elif a == "r":
                    self.text(xs[i + 1] - self.px(1.5), ty, cell, kind=font_kind, points=points, anchor="rt")
                else:
                    self.text(xs[i] + self.px(1.5), ty, cell, kind=font_kind, points=points)
            self.y = top + rh

        self.need(rh * 2)
        row(headers, "bold")
        for cells in rows + [[""] * len(headers)] * blank_rows:
            if self.y + rh > self.bottom:
                self.new_page()
                row(headers, "bold")
            row(cells)
        self.y += self.px(3)

    def checks(self, items: list[str], options: list[str], marks: list[int], cols: int = 2,
               points: float = 10, row_mm: float = 8.5, number: bool = True) -> None:
        """Inspection rows: item name, then a tick box per option with a hand tick in the chosen one."""
        rh = self.px(row_mm)
        cw = (self.x1 - self.x0) / cols
        box_px = self.pt(points) * 9 // 10
        if self.pen is None:
            self.pen = BLUE_PEN if self.rng.random() < 0.6 else INK
        pen = self.pen
        for r in range(0, len(items), cols):
            self.need(rh)
            top = self.y
            for c in range(cols):
                k = r + c
                if k >= len(items):
                    break
                cx = round(self.x0 + c * cw)
                self.rect((cx, top, round(cx + cw), top + rh))
                ty = top + (rh - self.pt(points)) // 2 - self.pt(points) // 6
                self.text(cx + self.px(1.5), ty, f"{k + 1}. {items[k]}" if number else items[k], points=points)
                ox = round(cx + cw * 0.55)
                for j, opt in enumerate(options):
                    bx = ox + j * round(cw * 0.45 / max(1, len(options)))
                    by = top + (rh - box_px) // 2
                    self.rect((bx, by, bx + box_px, by + box_px))
                    self.text(bx + box_px + self.px(1), ty, opt, points=points - 1)
                    if marks[k] == j:
                        tick(self.draw, (bx, by, bx + box_px, by + box_px), self.rng, pen, self.dpi)
            self.y = top + rh
        self.y += self.px(3)

    def para(self, s: str, points: float = 10.5, indent: int = 2, kind: str = "serif", spacing: float = 1.6) -> None:
        """A wrapped paragraph, first line indented by `indent` characters."""
        s = self.t(s)
        f = self.font(kind, points)
        lh = round(self.pt(points) * spacing)
        em = f.getlength("中")
        line, x_start = "", self.x0 + round(em * indent)
        avail = self.x1 - x_start
        for ch in s:
            # Closing punctuation never starts a line (禁则): it hangs past the margin instead.
            if f.getlength(line + ch) > avail and line and ch not in "，。、；：？！）》」』”":
                self.need(lh)
                self.text(x_start, self.y, line, kind=kind, points=points, convert=False)
                self.y += lh
                line, x_start, avail = "", self.x0, self.x1 - self.x0
            line += ch
        if line:
            self.need(lh)
            self.text(x_start, self.y, line, kind=kind, points=points, convert=False)
            self.y += lh
        self.y += self.px(1)

    def signatures(self, slots: list[tuple[str, str]], date_line: bool = True, points: float = 10.5,
                   style: str | None = None) -> None:
        """'label：' then a blank region to its right, two slots per row."""
        style = style or self.rng.choice(("line", "line", "box", "none"))
        rh = self.px(17)
        per_row = 2 if len(slots) > 1 else 1
        cw = (self.x1 - self.x0) / per_row
        for r in range(0, len(slots), per_row):
            self.need(rh + self.px(8))
            top = self.y
            for c, (role, label) in enumerate(slots[r:r + per_row]):
                cx = round(self.x0 + c * cw)
                ty = top + rh - self.pt(points) - self.px(3)
                b = self.text(cx, ty, label + "：", points=points)
                region = (b[2] + self.px(1), top + self.px(1), round(cx + cw) - self.px(6), top + rh)
                if style == "line":
                    self.rule(region[0], region[3] - self.px(1.5), region[2], region[3] - self.px(1.5))
                elif style == "box":
                    self.rect(region)
                self.slots.append(SigSlot(role, self.t(label), self.page, region))
            self.y = top + rh + self.px(2)
            if date_line:
                for c in range(len(slots[r:r + per_row])):
                    cx = round(self.x0 + c * cw)
                    self.text(cx, self.y, "日期：      年    月    日", points=points - 0.5)
                self.y += self.px(7)
        self.y += self.px(2)

    def seal(self, page_centre: tuple[int, int], shape: str, text: str, middle: str = "") -> None:
        self.seals.append(SealSpot(self.page, page_centre, shape, text, middle))

    def photo(self, kind: str, height_mm: float, width_frac: float = 1.0, x_frac: float = 0.0) -> Box:
        width = round((self.x1 - self.x0) * width_frac)
        h = self.px(height_mm)
        self.need(h)
        x = self.x0 + round((self.x1 - self.x0) * x_frac)
        box = (x, self.y, x + width, self.y + h)
        self.pages[-1].paste(fake_photo(self.rng, kind, (width, h)), box[:2])
        self.rect(box)
        self.y += h + self.px(2)
        return box

    def page_numbers(self, points: float = 9) -> None:
        if len(self.pages) < 2:
            return
        n = len(self.pages)
        for i in range(n):
            self.text(self.w // 2, self.h - self.px(self.margin_mm), f"第 {i + 1} 页  共 {n} 页", points=points,
                      anchor="mt", page=i)

    def page_text(self, i: int) -> str:
        return "\n".join(line_texts(self.words[i]))


def tick(draw: ImageDraw.ImageDraw, box: Box, rng: random.Random, colour: tuple[int, int, int], dpi: int) -> None:
    """A hand-drawn tick (or cross) overflowing its box a little, as pens do."""
    x0, y0, x1, y1 = box
    s = x1 - x0
    j = lambda: rng.uniform(-0.12, 0.12) * s  # noqa: E731
    if rng.random() < 0.85:
        pts = [(x0 + 0.1 * s + j(), y0 + 0.5 * s + j()), (x0 + 0.42 * s + j(), y1 - 0.05 * s + j()),
               (x1 + 0.25 * s + j(), y0 - 0.3 * s + j())]
    else:
        pts = [(x0 + j(), y0 + j()), (x1 + j(), y1 + j())]
        draw.line([(x1 + j(), y0 + j()), (x0 + j(), y1 + j())], fill=colour, width=max(2, dpi // 70))
    draw.line(pts, fill=colour, width=max(2, dpi // 70), joint="curve")


def fake_photo(rng: random.Random, kind: str, size: tuple[int, int]) -> Image.Image:
    """A stand-in photograph: a car in a showroom, a damaged part on a bench, or a plain scene."""
    w, h = size
    np_rng = np.random.default_rng(rng.randrange(2**32))
    top = np.array([rng.randint(150, 230) for _ in range(3)], float)
    bottom = np.array([rng.randint(60, 150) for _ in range(3)], float)
    ramp = np.linspace(0, 1, h)[:, None, None]
    arr = top * (1 - ramp) + bottom * ramp + np_rng.normal(0, 6, (h, 1, 3))
    arr = np.repeat(arr, w, axis=1) + np_rng.normal(0, 4, (h, w, 3))
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    if kind == "car":
        body = tuple(rng.randint(20, 230) for _ in range(3))
        cx, base = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.72, 0.82)
        L = w * rng.uniform(0.5, 0.7)
        d.rounded_rectangle((cx - L / 2, base - h * 0.22, cx + L / 2, base), radius=h * 0.06, fill=body)
        d.polygon([(cx - L * 0.3, base - h * 0.22), (cx - L * 0.16, base - h * 0.38), (cx + L * 0.2, base - h * 0.38),
                   (cx + L * 0.34, base - h * 0.22)], fill=body)
        d.polygon([(cx - L * 0.26, base - h * 0.23), (cx - L * 0.14, base - h * 0.35), (cx + L * 0.18, base - h * 0.35),
                   (cx + L * 0.29, base - h * 0.23)], fill=(70, 90, 110))
        for wx in (cx - L * 0.3, cx + L * 0.3):
            r = h * 0.08
            d.ellipse((wx - r, base - r, wx + r, base + r), fill=(25, 25, 25))
            d.ellipse((wx - r / 2, base - r / 2, wx + r / 2, base + r / 2), fill=(150, 150, 150))
        if rng.random() < 0.7:  # people standing beside the car at delivery
            for px_ in (cx + L * 0.45, cx + L * 0.55):
                d.ellipse((px_ - h * 0.04, base - h * 0.55, px_ + h * 0.04, base - h * 0.47), fill=(200, 160, 130))
                d.rounded_rectangle((px_ - h * 0.06, base - h * 0.47, px_ + h * 0.06, base - h * 0.1), radius=8,
                                    fill=tuple(rng.randint(20, 200) for _ in range(3)))
    elif kind == "part":
        cx, cy, r = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.4, 0.6), min(w, h) * rng.uniform(0.2, 0.32)
        metal = rng.randint(90, 170)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(metal, metal, metal + 5))
        d.ellipse((cx - r / 3, cy - r / 3, cx + r / 3, cy + r / 3), fill=(40, 40, 45))
        for _ in range(rng.randint(2, 5)):  # cracks and rust
            x, y = cx + rng.uniform(-r, r) * 0.7, cy + rng.uniform(-r, r) * 0.7
            d.line([(x, y), (x + rng.uniform(-r, r) / 2, y + rng.uniform(-r, r) / 2)], fill=(120, 60, 20), width=4)
    else:
        for _ in range(rng.randint(3, 7)):
            x, y, s = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.1, 0.4) * min(w, h)
            d.ellipse((x - s, y - s, x + s, y + s), fill=tuple(rng.randint(40, 240) for _ in range(3)))
    return im.filter(ImageFilter.GaussianBlur(max(1.0, w / 600)))
