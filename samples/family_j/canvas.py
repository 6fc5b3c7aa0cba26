"""A page drawn in millimetres that remembers what it printed: every string with its box (the truth's text),
the signature fields it leaves blank for a hand, and where seals are to be pressed."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Word, line_texts
from dossier.samples.family_j.sites import hant
from dossier.samples.render import font

INK = (30, 30, 34)
RED = (200, 36, 44)


@dataclass
class Slot:
    """A signature field: the blank where the name goes (pixels), its printed label and whose it is."""

    role: str
    label: str
    box: Box
    hint: str = ""  # "surname", "esign", "seal" (a company seal is pressed over it when signed)


@dataclass
class SealSpot:
    shape: str  # round / oval / square
    text: str
    middle: str
    centre: tuple[int, int]
    over: int | None = None  # index of the Slot it is pressed over


@dataclass
class Page:
    dpi: int
    w_mm: float = 210.0
    h_mm: float = 297.0
    hant: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)
    face: str = "sans"
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    words: list[Word] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    continuation: bool = False

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def t(self, s: str) -> str:
        return hant(s) if self.hant else s

    def font(self, size_mm: float, face: str | None = None) -> ImageFont.FreeTypeFont:
        return font(face or self.face, max(6, self.px(size_mm)), self.hant)

    def width(self, s: str, size_mm: float, face: str | None = None) -> float:
        """Printed width in mm."""
        return self.font(size_mm, face).getlength(self.t(s)) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, size: float = 3.4, face: str | None = None, colour: tuple[int, int, int] = INK,
             anchor: str = "la", record: bool = True, convert: bool = True) -> tuple[float, float, float, float]:
        """Print `s` with its top-left (or anchor) at (x, y) mm; returns its box in mm."""
        s = self.t(s) if convert else s
        if not s:
            return (x, y, x, y)
        f = self.font(size, face)
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=colour, anchor=anchor)
        b = self.draw.textbbox((self.px(x), self.px(y)), s, font=f, anchor=anchor)
        if record and s.strip():
            self.words.append(Word(text=s, box=(int(b[0]), int(b[1]), int(b[2]), int(b[3])), conf=1.0))
        k = 25.4 / self.dpi
        return (b[0] * k, b[1] * k, b[2] * k, b[3] * k)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
             dash: float = 0.0) -> None:
        lw = max(1, self.px(w))
        if not dash:
            self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=colour, width=lw)
            return
        n = int(max(abs(x1 - x0), abs(y1 - y0)) / dash)
        for i in range(0, n, 2):
            a, b = i / n, min(1.0, (i + 1) / n)
            self.draw.line((self.px(x0 + (x1 - x0) * a), self.px(y0 + (y1 - y0) * a),
                            self.px(x0 + (x1 - x0) * b), self.px(y0 + (y1 - y0) * b)), fill=colour, width=lw)

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
             fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=colour,
                            width=max(1, self.px(w)), fill=fill)

    def slot(self, role: str, label: str, x0: float, y0: float, x1: float, y1: float, hint: str = "") -> int:
        """Leave a signature blank (mm); the label is given as printed."""
        self.slots.append(Slot(role, self.t(label), (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), hint))
        return len(self.slots) - 1

    def seal(self, shape: str, text: str, middle: str, x: float, y: float, over: int | None = None) -> None:
        self.seals.append(SealSpot(shape, text, middle, (self.px(x), self.px(y)), over))

    def text_lines(self) -> str:
        return "\n".join(line_texts(self.words))
