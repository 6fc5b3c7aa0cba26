"""A page drawn in millimetres at the scan's resolution. It records every printed string with its box (the
truth's text), the signature fields it leaves blank for the pen, the seals and the stamps it wants."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Word, line_texts
from dossier.samples.family_i.hant import hant
from dossier.samples.render import font

INK = (24, 24, 30)
PENS = {"blue": (28, 48, 150), "black": (30, 30, 36)}


@dataclass
class Slot:
    role: str
    label: str
    page: int  # 0-based page within the document
    box: Box  # pixels: the blank where the name goes
    small: bool = False  # initials only
    thumb: tuple[int, int] | None = None  # where a red thumbprint goes beside a signed name (pixels, centre)


@dataclass
class SealReq:
    page: int
    shape: str  # round | oval | square
    text: str
    middle: str
    centre: tuple[int, int]
    over: Slot | None = None


@dataclass
class StampReq:
    page: int
    text: str
    centre: tuple[int, int]
    colour: tuple[int, int, int]


@dataclass
class Page:
    w_mm: float
    h_mm: float
    dpi: int
    hant: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)
    index: int = 0  # 0-based page within the document
    words: list[Word] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealReq] = field(default_factory=list)
    stamps: list[StampReq] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # page degradations of the paper itself
    continuation: bool = False

    def __post_init__(self) -> None:
        self.k = self.dpi / 25.4
        self.img = Image.new("RGB", (round(self.w_mm * self.k), round(self.h_mm * self.k)), self.paper)
        self.draw = ImageDraw.Draw(self.img)
        if self.paper != (255, 255, 255):
            self.notes.append(f"paper {self.paper}")

    # -- units -----------------------------------------------------------------------------------
    def px(self, mm: float) -> int:
        return int(round(mm * self.k))

    def t(self, s: str) -> str:
        return hant(s) if self.hant else s

    def font(self, pt: float, face: str) -> ImageFont.FreeTypeFont:
        return font(face, max(6, int(round(pt / 72 * self.dpi))), self.hant)

    def width(self, s: str, pt: float, face: str = "sans") -> float:
        return self.font(pt, face).getlength(self.t(s)) / self.k

    # -- drawing -----------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, pt: float = 10, face: str = "sans", anchor: str = "ls",
             colour: tuple[int, int, int] = INK, record: bool = True, convert: bool = True) -> tuple[float, float, float, float]:
        """Print `s` with its anchor at (x, y) mm (default: left end of the baseline); returns its box in mm."""
        if not s:
            return (x, y, x, y)
        s = self.t(s) if convert else s
        f = self.font(pt, face)
        xy = (x * self.k, y * self.k)
        self.draw.text(xy, s, font=f, fill=colour, anchor=anchor)
        b = self.draw.textbbox(xy, s, font=f, anchor=anchor)
        if record and s.strip():
            self.words.append(Word(text=s, box=(int(b[0]), int(b[1]), int(math.ceil(b[2])), int(math.ceil(b[3]))),
                                   conf=1.0))
        return (b[0] / self.k, b[1] / self.k, b[2] / self.k, b[3] / self.k)

    def hand(self, x: float, y: float, s: str, rng: random.Random, pt: float = 11, anchor: str = "ls",
             pen: str = "blue") -> tuple[float, float, float, float]:
        """A value written in by hand (Kai, in a pen colour, a little off the line)."""
        return self.text(x + rng.uniform(-0.5, 1.5), y + rng.uniform(-0.8, 0.3), s, pt * rng.uniform(0.95, 1.1),
                         "kai", anchor, PENS[pen])

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             colour: tuple[int, int, int] = INK) -> None:
        self.draw.line((x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k), fill=colour, width=max(1, self.px(w)))

    def dotted(self, x0: float, y: float, x1: float, step: float = 1.2) -> None:
        x = x0
        r = max(1, self.px(0.15))
        while x < x1:
            cx, cy = x * self.k, y * self.k
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=INK)
            x += step

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             fill: tuple[int, int, int] | None = None, colour: tuple[int, int, int] = INK) -> None:
        self.draw.rectangle((x0 * self.k, y0 * self.k, x1 * self.k, y1 * self.k), outline=colour, fill=fill,
                            width=max(1, self.px(w)))

    def wobbly(self, x0: float, y0: float, x1: float, y1: float, rng: random.Random,
               colour: tuple[int, int, int] = (40, 50, 110)) -> None:
        """A line ruled by hand along a ruler: slightly bowed, slightly uneven."""
        n = 12
        bow = rng.uniform(-0.5, 0.5)
        pts = []
        for i in range(n + 1):
            t = i / n
            off = bow * math.sin(math.pi * t) + rng.uniform(-0.08, 0.08)
            if abs(x1 - x0) > abs(y1 - y0):
                pts.append(((x0 + (x1 - x0) * t) * self.k, (y0 + (y1 - y0) * t + off) * self.k))
            else:
                pts.append(((x0 + (x1 - x0) * t + off) * self.k, (y0 + (y1 - y0) * t) * self.k))
        self.draw.line(pts, fill=colour, width=max(1, self.px(0.3)))

    # -- what the pen and the seal will do -------------------------------------------------------------
    def slot(self, role: str, label: str, box_mm: tuple[float, float, float, float], small: bool = False,
             thumb: tuple[float, float] | None = None) -> Slot:
        x0, y0, x1, y1 = box_mm
        s = Slot(role, self.t(label), self.index, (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), small,
                 (self.px(thumb[0]), self.px(thumb[1])) if thumb else None)
        self.slots.append(s)
        return s

    def seal(self, shape: str, text: str, middle: str, centre_mm: tuple[float, float], over: Slot | None = None) -> None:
        self.seals.append(SealReq(self.index, shape, self.t(text), self.t(middle),
                                  (self.px(centre_mm[0]), self.px(centre_mm[1])), over))

    def stamp(self, text: str, centre_mm: tuple[float, float], colour: tuple[int, int, int]) -> None:
        self.stamps.append(StampReq(self.index, self.t(text), (self.px(centre_mm[0]), self.px(centre_mm[1])), colour))

    @property
    def text_lines(self) -> str:
        return "\n".join(line_texts(self.words))
