"""A sheet of paper to print on: text that remembers where it went, rules, ruled grids, signature fields."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Role

from .hant import hant

NOTO = "/usr/share/fonts/opentype/noto/"
# (file, index for Simplified, index for Traditional)
FONTS = {
    "sans": (NOTO + "NotoSansCJK-Regular.ttc", 2, 3),
    "sansb": (NOTO + "NotoSansCJK-Bold.ttc", 2, 3),
    "serif": (NOTO + "NotoSerifCJK-Regular.ttc", 2, 3),
    "serifb": (NOTO + "NotoSerifCJK-Bold.ttc", 2, 3),
    "zenhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, 0),
    "microhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, 0),
    "uming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, 2),
    "ukai": ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, 2),
}
BODY_FONTS = ("sans", "serif", "zenhei", "microhei", "uming", "uming", "sans", "serif", "ukai")
TITLE_FONTS = {"sans": "sansb", "serif": "serifb", "zenhei": "zenhei", "microhei": "sansb", "uming": "serifb",
               "ukai": "ukai"}


@lru_cache(maxsize=256)
def font(key: str, px: int, trad: bool) -> ImageFont.FreeTypeFont:
    path, i_s, i_t = FONTS[key]
    return ImageFont.truetype(path, max(6, px), index=i_t if trad else i_s)


@dataclass
class Field:
    """A signature field as printed: who signs, its label and the blank region that takes the ink."""

    role: Role
    label: str
    box: Box


@dataclass
class Sheet:
    width_mm: float
    height_mm: float
    dpi: int
    face: str
    trad: bool
    rng: random.Random
    pt: float = 10.5  # body size in points
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    runs: list[tuple[Box, str]] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    seal_spots: list[Box] = field(default_factory=list)  # where a seal would be pressed

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.mm(self.width_mm), self.mm(self.height_mm)), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.img)

    # -- units -------------------------------------------------------------------------------------
    def mm(self, v: float) -> int:
        return int(round(v * self.dpi / 25.4))

    def px(self, pt: float) -> int:
        return int(round(pt * self.dpi / 72))

    @property
    def W(self) -> int:
        return self.img.width

    @property
    def H(self) -> int:
        return self.img.height

    def t(self, s: str) -> str:
        return hant(s) if self.trad else s

    def font(self, pt: float | None = None, bold: bool = False, face: str | None = None) -> ImageFont.FreeTypeFont:
        key = face or self.face
        if bold:
            key = TITLE_FONTS.get(key, key)
        return font(key, self.px(pt or self.pt), self.trad)

    # -- printing ----------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, pt: float | None = None, bold: bool = False, anchor: str = "la",
             face: str | None = None, record: bool = True, fill: tuple[int, int, int] = (20, 20, 20)) -> Box:
        """Print `s` (converted to the sheet's script) at pixel (x, y); returns its box."""
        s = self.t(s)
        f = self.font(pt, bold, face)
        self.draw.text((x, y), s, font=f, fill=fill, anchor=anchor)
        x0, y0, x1, y1 = self.draw.textbbox((x, y), s, font=f, anchor=anchor)
        box = (int(x0), int(y0), int(x1), int(y1))
        if record and s.strip():
            self.runs.append((box, s))
        return box

    def width(self, s: str, pt: float | None = None, bold: bool = False) -> int:
        return int(self.draw.textlength(self.t(s), font=self.font(pt, bold)))

    def line_h(self, pt: float | None = None) -> int:
        return int(self.px(pt or self.pt) * 1.25)

    def wrap(self, x: float, y: float, width: float, s: str, pt: float | None = None, lead: float = 1.6,
             indent: str = "") -> float:
        """Print a paragraph wrapped to `width`; returns the y below it."""
        f = self.font(pt)
        line = ""
        step = self.px(pt or self.pt) * lead
        for ch in self.t(s):
            if self.draw.textlength(line + ch, font=f) > width and line:
                self.text(x, y, line, pt, record=True)
                y += step
                line = indent
            line += ch
        if line.strip():
            self.text(x, y, line, pt)
            y += step
        return y

    def rule(self, x0: float, y0: float, x1: float, y1: float, w: int = 2) -> None:
        self.draw.line((x0, y0, x1, y1), fill=(30, 30, 30), width=w)

    def rect(self, box: tuple[float, float, float, float], w: int = 2) -> None:
        self.draw.rectangle(box, outline=(30, 30, 30), width=w)

    def grid(self, x: float, y: float, widths: list[float], rows: list[list[str]], row_h: float,
             pt: float | None = None, head: bool = False, align: str = "left") -> list[list[Box]]:
        """A ruled table; widths in pixels. Returns each cell's box (for fields placed inside)."""
        cells: list[list[Box]] = []
        lw = max(1, self.dpi // 110)
        total = sum(widths)
        for r, row in enumerate(rows):
            y0, y1 = y + r * row_h, y + (r + 1) * row_h
            xs = x
            boxes = []
            for c, wdt in enumerate(widths):
                box = (int(xs), int(y0), int(xs + wdt), int(y1))
                boxes.append(box)
                s = row[c] if c < len(row) else ""
                if s:
                    if align == "center" or (head and r == 0):
                        self.text(xs + wdt / 2, (y0 + y1) / 2, s, pt, bold=head and r == 0, anchor="mm")
                    else:
                        self.text(xs + self.mm(1.5), (y0 + y1) / 2, s, pt, anchor="lm")
                xs += wdt
            cells.append(boxes)
            self.rule(x, y0, x + total, y0, lw)
        self.rule(x, y + len(rows) * row_h, x + total, y + len(rows) * row_h, lw)
        xs = x
        for wdt in [0.0, *widths]:
            xs += wdt
            self.rule(xs, y, xs, y + len(rows) * row_h, lw)
        return cells

    def text_lines(self) -> str:
        """Every printed run grouped into visual lines, top to bottom, left to right within a line."""
        lines: list[list[tuple[Box, str]]] = []
        for run in sorted(self.runs, key=lambda r: (r[0][1] + r[0][3]) / 2):
            cy = (run[0][1] + run[0][3]) / 2
            for line in lines:
                ref = line[0][0]
                if ref[1] <= cy <= ref[3]:
                    line.append(run)
                    break
            else:
                lines.append([run])
        return "\n".join(" ".join(s for _, s in sorted(line, key=lambda r: r[0][0])) for line in lines)
