"""One printed page: text, rules and boxes drawn in mm, every string recorded for the truth's `text`."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Role
from dossier.samples.render import font

from .script import say

INK = (25, 25, 30)
PEN = (28, 48, 150)  # a clerk's ballpoint for filled-in values


@dataclass
class Slot:
    """A signature field: the region where the signature goes."""

    page: int  # 0-based within the document
    box: Box
    role: Role
    label: str  # as printed


@dataclass
class SealSpot:
    page: int
    cx: int
    cy: int
    shape: str  # round, oval, square
    text: str
    middle: str = ""
    slot: Slot | None = None  # the signing field it is pressed on, which then counts as signed


@dataclass
class Page:
    dpi: int
    traditional: bool
    body: str = "sans"  # the site's body face
    index: int = 0  # 0-based within the document
    continuation: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)  # carbonless sets print their later parts on tinted paper
    strings: list[tuple[Box, str]] = field(default_factory=list)
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)

    def __post_init__(self) -> None:
        self.w, self.h = self.px(210), self.px(297)
        self.img = Image.new("RGB", (self.w, self.h), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def t(self, s: str) -> str:
        return say(s, self.traditional)

    def font(self, pt: float, face: str | None = None) -> ImageFont.FreeTypeFont:
        return font(face or self.body, max(6, int(pt * self.dpi / 72)), self.traditional)

    def text(self, x: int, y: int, s: str, pt: float = 10.5, face: str | None = None, fill: tuple[int, int, int] = INK,
             anchor: str = "la", record: bool = True) -> Box:
        """Print `s` (converted to the page's script) with its top-left (or `anchor`) at x, y; returns its box."""
        s = self.t(s)
        f = self.font(pt, face)
        self.draw.text((x, y), s, font=f, fill=fill, anchor=anchor)
        b = self.draw.textbbox((x, y), s, font=f, anchor=anchor)
        box = (int(b[0]), int(b[1]), int(b[2]), int(b[3]))
        if record and s.strip():
            self.strings.append((box, s))
        return box

    def width(self, s: str, pt: float = 10.5, face: str | None = None) -> int:
        return int(self.font(pt, face).getlength(self.t(s)))

    def line_h(self, pt: float) -> int:
        return int(pt * self.dpi / 72 * 1.15)

    def rule(self, x0: int, x1: int, y: int, width: int = 1, dashed: bool = False) -> None:
        if not dashed:
            self.draw.line((x0, y, x1, y), fill=INK, width=width)
            return
        step = self.px(1.5)
        for x in range(x0, x1, 2 * step):
            self.draw.line((x, y, min(x1, x + step), y), fill=INK, width=width)

    def rect(self, box: Box, width: int = 1) -> None:
        self.draw.rectangle(box, outline=INK, width=width)

    def lines(self) -> str:
        """The printed strings as lines of text, top to bottom, left to right within a line."""
        items = sorted(self.strings, key=lambda it: (it[0][1] + it[0][3]) / 2)
        rows: list[list[tuple[Box, str]]] = []
        for box, s in items:
            cy, hh = (box[1] + box[3]) / 2, box[3] - box[1]
            if rows:
                last = rows[-1]
                lcy = sum((b[1] + b[3]) / 2 for b, _ in last) / len(last)
                lh = min(b[3] - b[1] for b, _ in last)
                if abs(cy - lcy) < 0.5 * max(4, min(hh, lh)):
                    last.append((box, s))
                    continue
            rows.append([(box, s)])
        return "\n".join(" ".join(s for _, s in sorted(r, key=lambda it: it[0][0])) for r in rows)
