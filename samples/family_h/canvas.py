"""A page you draw on in millimetres that remembers every string it printed (the truth's text), the
signature fields it left and the seals it wants; a `Flow` runs a document down pages and numbers them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Word, line_texts
from dossier.samples.render import font

INK = (24, 24, 30)
HAND_BLUE = (28, 48, 150)


@dataclass
class Style:
    body: str = "sans"  # font kinds of samples/render.py
    heading: str = "bold"
    mono: str = "mono"
    hand: str = "kai"
    hant: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)
    ink: tuple[int, int, int] = INK
    dot: bool = False  # dot-matrix printer for the body text


@dataclass
class Slot:
    role: str
    label: str
    box: Box  # pixels of the clean page: the blank where the signature goes


@dataclass
class SealSpot:
    cx: int
    cy: int
    shape: str
    text: str
    middle: str
    over: int | None = None  # index of the slot it partly covers


class Page:
    def __init__(self, w_mm: float, h_mm: float, dpi: int, style: Style) -> None:
        self.dpi, self.style = dpi, style
        self.k = dpi / 25.4
        self.w_mm, self.h_mm = w_mm, h_mm
        self.img = Image.new("RGB", (self.px(w_mm), self.px(h_mm)), style.paper)
        self.d = ImageDraw.Draw(self.img)
        self.words: list[Word] = []
        self.slots: list[Slot] = []
        self.seals: list[SealSpot] = []
        self.continuation = False

    def px(self, mm: float) -> int:
        return int(round(mm * self.k))

    def font(self, kind: str, size_mm: float) -> ImageFont.FreeTypeFont:
        return font(kind, max(6, self.px(size_mm)), self.style.hant)

    def width(self, s: str, size_mm: float, kind: str | None = None) -> float:
        f = self.font(kind or self.style.body, size_mm)
        return float(f.getlength(s)) / self.k

    def text(self, x: float, y: float, s: str, size: float = 3.4, kind: str | None = None, anchor: str = "la",
             colour: tuple[int, int, int] | None = None, record: bool = True, dot: bool | None = None) -> Box:
        """Print `s` with its top-left (anchor "la"), top-centre ("ma") or top-right ("ra") at (x, y) mm."""
        if not s:
            return (0, 0, 0, 0)
        kind = kind or self.style.body
        f = self.font(kind, size)
        X, Y = self.px(x), self.px(y)
        x0, y0, x1, y1 = (int(v) for v in self.d.textbbox((X, Y), s, font=f, anchor=anchor))
        ink = colour or self.style.ink
        if (self.style.dot if dot is None else dot) and kind not in (self.style.heading, self.style.hand):
            self._dots(s, f, (x0, y0, x1, y1), (X, Y), anchor, ink)
        else:
            self.d.text((X, Y), s, font=f, fill=ink, anchor=anchor)
        box = (max(0, x0), max(0, y0), min(self.img.width, x1), min(self.img.height, y1))
        if record and s.strip():
            self.words.append(Word(text=s.strip(), box=box, conf=1.0))
        return box

    def _dots(self, s: str, f: ImageFont.FreeTypeFont, box: Box, at: tuple[int, int], anchor: str,
              ink: tuple[int, int, int]) -> None:
        """A 24-pin printer: the glyphs sampled on a grid of about 16 dots per line height and struck as
        round dots (drawn three times finer and shrunk, so the dots stay round at 100-200 dpi)."""
        x0, y0, x1, y1 = box
        S = 3
        big = font(self.style.body, f.size * S, self.style.hant)
        w, h = (x1 - x0 + 4) * S, (y1 - y0 + 4) * S
        m = Image.new("L", (w, h), 0)
        ImageDraw.Draw(m).text(((at[0] - x0 + 2) * S, (at[1] - y0 + 2) * S), s, font=big, fill=255, anchor=anchor)
        pitch = max(3, int(round(f.size * S / 16)))
        cells = np.asarray(m.resize((max(1, w // pitch), max(1, h // pitch)), Image.Resampling.BOX)) > 60
        r = pitch * 0.5
        yy, xx = np.mgrid[0:pitch, 0:pitch]
        dot = (((xx - (pitch - 1) / 2) ** 2 + (yy - (pitch - 1) / 2) ** 2) <= r * r).astype(np.uint8) * 255
        mask = Image.fromarray(np.kron(cells.astype(np.uint8), dot).astype(np.uint8))
        mask = mask.resize((max(1, mask.width // S), max(1, mask.height // S)), Image.Resampling.BOX)
        self.img.paste(ink, (x0 - 2, y0 - 2, x0 - 2 + mask.width, y0 - 2 + mask.height), mask)

    def hand(self, x: float, y: float, s: str, size: float, rng: random.Random,
             colour: tuple[int, int, int] = HAND_BLUE) -> Box:
        """A hand-filled value: the Kai face, each character a little off the line and the size."""
        f0 = self.font(self.style.hand, size)
        X, Y = self.px(x), self.px(y)
        boxes = []
        cx = X
        for ch in s:
            f = self.font(self.style.hand, size * rng.uniform(0.92, 1.1))
            dy = int(rng.gauss(0, 0.05) * f0.size)
            b = self.d.textbbox((cx, Y + dy), ch, font=f)
            self.d.text((cx, Y + dy), ch, font=f, fill=colour)
            boxes.append(b)
            cx += int(f.getlength(ch) * rng.uniform(0.95, 1.12))
        box = (int(min(b[0] for b in boxes)), int(min(b[1] for b in boxes)),
               int(max(b[2] for b in boxes)), int(max(b[3] for b in boxes)))
        self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             colour: tuple[int, int, int] | None = None) -> None:
        self.d.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=colour or self.style.ink,
                    width=max(1, self.px(w)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, fill: tuple[int, int, int] | None = None,
             outline: tuple[int, int, int] | None = None) -> None:
        self.d.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill,
                         outline=outline or self.style.ink, width=max(1, self.px(w)))

    def tickbox(self, x: float, y: float, size: float, ticked: bool, rng: random.Random, hand: bool = True) -> None:
        self.rect(x, y, x + size, y + size, 0.25)
        if ticked:
            if hand:
                pts = [(x + 0.15 * size + rng.uniform(-0.3, 0.3), y + 0.5 * size), (x + 0.42 * size, y + 0.85 * size),
                       (x + 1.1 * size + rng.uniform(-0.3, 0.3), y - 0.1 * size)]
                self.d.line([(self.px(a), self.px(b)) for a, b in pts], fill=HAND_BLUE, width=max(2, self.px(0.45)))
            else:
                self.text(x + size / 2, y - 0.1 * size, "✓" if not self.style.dot else "X", size, anchor="ma",
                          record=False, kind="sans")

    def slot(self, role: str, label: str, x0: float, y0: float, x1: float, y1: float) -> int:
        self.slots.append(Slot(role, label, (self.px(x0), self.px(y0), self.px(x1), self.px(y1))))
        return len(self.slots) - 1

    def seal(self, cx: float, cy: float, shape: str, text: str, middle: str = "", over: int | None = None) -> None:
        self.seals.append(SealSpot(self.px(cx), self.px(cy), shape, text, middle, over))

    def text_truth(self) -> str:
        return "\n".join(line_texts(self.words))


@dataclass
class Flow:
    """One document run down as many pages as it needs; `y` is the cursor in mm."""

    w_mm: float
    h_mm: float
    dpi: int
    style: Style
    margin: float = 16.0
    foot: float = 20.0
    numbering: str | None = None  # "第{n}页 共{t}页", "- {n} -", "{n}/{t}", "Page {n} of {t}", …
    pages: list[Page] = field(default_factory=list)
    y: float = 0.0

    def __post_init__(self) -> None:
        self.new_page(first=True)

    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.w_mm - self.margin

    def new_page(self, first: bool = False) -> Page:
        p = Page(self.w_mm, self.h_mm, self.dpi, self.style)
        p.continuation = not first
        self.pages.append(p)
        self.y = self.margin
        return p

    def need(self, mm: float) -> Page:
        if self.y + mm > self.h_mm - self.foot:
            self.new_page()
            if self.numbering is None:
                self.numbering = "（续）第{n}页"
        return self.page

    def finish(self) -> list[Page]:
        t = len(self.pages)
        if self.numbering and (t > 1 or "{t}" in self.numbering):
            for n, p in enumerate(self.pages, 1):
                p.text(self.w_mm / 2, self.h_mm - self.foot / 2 - 2, self.numbering.format(n=n, t=t), 2.8,
                       anchor="ma")
        return self.pages
