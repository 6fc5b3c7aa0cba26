"""A page drawn in millimetres that remembers every string it prints (the truth's text), the signature fields
it leaves blank and the seals it wants, and a `Flow` that runs a document down its pages."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Word, line_texts
from dossier.samples.render import font

INK = (30, 30, 34)
HAND_BLUE = (28, 48, 140)
RULE = (60, 60, 66)


@dataclass
class Slot:
    role: str
    label: str
    box: Box  # the blank where the name goes, page pixels
    page: int = 0  # index in the document
    signed: bool = False  # always signed: a letter's writer signs where the hand-written 说明人 leaves room


@dataclass
class SealSpot:
    centre: tuple[int, int]
    shape: str
    text: str
    middle: str
    page: int = 0


@dataclass
class Page:
    w_mm: float
    h_mm: float
    dpi: int
    paper: tuple[int, int, int] = (255, 255, 255)
    img: Image.Image = field(init=False)
    words: list[Word] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    pencil: list[Box] = field(default_factory=list)  # where a clerk pencilled a sign-here cross
    extras: list[str] = field(default_factory=list)  # degradations drawn on the paper itself
    continuation: bool = False
    back: bool = False  # the near-blank reverse of a sheet

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def font(self, kind: str, size: float) -> ImageFont.FreeTypeFont:
        return font(kind, max(6, self.px(size)))

    def width(self, s: str, size: float, kind: str = "sans") -> float:
        return self.font(kind, size).getlength(s) * 25.4 / self.dpi

    def text(self, x: float, y: float, s: str, size: float = 3.2, kind: str = "sans",
             colour: tuple[int, int, int] = INK, record: bool = True, anchor: str = "la") -> Box:
        """Print `s` with its top-left (or `anchor`) at (x, y) mm; returns its pixel box."""
        f = self.font(kind, size)
        xy = (self.px(x), self.px(y))
        self.draw.text(xy, s, font=f, fill=colour, anchor=anchor)
        b = self.draw.textbbox(xy, s, font=f, anchor=anchor)
        box = (int(b[0]), int(b[1]), int(b[2]) + 1, int(b[3]) + 1)
        if record and s.strip():
            self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    def record(self, s: str, box: Box) -> None:
        self.words.append(Word(text=s, box=box, conf=1.0))

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             colour: tuple[int, int, int] = RULE) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=colour, width=max(1, self.px(w)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             colour: tuple[int, int, int] = RULE, fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=colour,
                            width=max(1, self.px(w)), fill=fill)

    def box_mm(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        return (self.px(x0), self.px(y0), self.px(x1), self.px(y1))

    def comb(self, x: float, y: float, value: str, cell: float, hand: bool, rng: random.Random) -> float:
        """The value one character per printed box (a VIN in 17 cells, an ID number in 18); returns the right end.
        The truth records it as one string, as it reads."""
        n = len(value)
        for k in range(n + 1):
            self.line(x + k * cell, y, x + k * cell, y + cell * 1.25, 0.2)
        self.line(x, y, x + n * cell, y, 0.2)
        self.line(x, y + cell * 1.25, x + n * cell, y + cell * 1.25, 0.2)
        boxes = []
        for k, ch in enumerate(value):
            cx = x + (k + 0.5) * cell + (rng.uniform(-0.6, 0.6) if hand else 0)
            cy = y + cell * 0.62 + (rng.uniform(-0.5, 0.5) if hand else 0)
            boxes.append(self.text(cx, cy, ch, cell * (0.78 if hand else 0.68), "kai" if hand else "mono",
                                   HAND_BLUE if hand else INK, record=False, anchor="mm"))
        self.record(value, (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                            max(b[3] for b in boxes)))
        return x + n * cell

    def page_text(self) -> str:
        return "\n".join(line_texts(self.words))


class Flow:
    """A document written top to bottom over as many pages as it needs (later pages have no title)."""

    def __init__(self, w_mm: float, h_mm: float, dpi: int, margin: float = 16.0,
                 paper: tuple[int, int, int] = (255, 255, 255), footer: str | None = None) -> None:
        self.w, self.h, self.dpi, self.m, self.paper = w_mm, h_mm, dpi, margin, paper
        self.footer = footer
        self.pages: list[Page] = []
        self.new_page()

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> Page:
        p = Page(self.w, self.h, self.dpi, self.paper)
        p.continuation = bool(self.pages)
        self.pages.append(p)
        self.y = self.m
        return p

    def need(self, mm: float) -> None:
        if self.y + mm > self.h - self.m - 6:
            self.new_page()

    def finish(self) -> list[Page]:
        if self.footer is not None:
            n = len(self.pages)
            for k, p in enumerate(self.pages):
                s = self.footer.format(k=k + 1, n=n)
                p.text(self.w / 2, self.h - self.m / 2, s, 2.6, anchor="mm")
        for k, p in enumerate(self.pages):
            for slot in p.slots:
                slot.page = k
            for q in p.seals:
                q.page = k
        return self.pages
