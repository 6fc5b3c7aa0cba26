"""A page drawn in millimetres that remembers every string it prints (the truth's text), the signature fields
it leaves blank and where its seals go. Printing styles of this family: laser, dot-matrix (filled data on a
pre-printed multipart form, never quite in its cells), thermal and handwriting in Kai."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossier.models import Box, Word, line_texts
from dossier.samples.render import font

from .hant import hant as to_trad

INK = (24, 24, 30)


@dataclass
class Slot:
    role: str
    label: str
    box: Box  # px, the blank where the name goes
    who: str | None = None  # a name to sign with (None: anyone's hand)


@dataclass
class SealSpot:
    shape: str
    text: str
    middle: str
    centre: tuple[int, int]  # px
    over: int | None = None  # index of the slot it is pressed over


@dataclass
class Page:
    width_mm: float
    height_mm: float
    dpi: int
    paper: tuple[int, int, int] = (255, 255, 255)
    img: Image.Image = field(init=False)
    words: list[Word] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # degradations of the print itself
    continuation: bool = False
    hant: bool = False  # printed in Traditional script: every string is converted as it is printed

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.px(self.width_mm), self.px(self.height_mm)), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    # -- text ---------------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, pt: float = 10.5, kind: str = "sans", colour: tuple[int, int, int] = INK,
             anchor: str = "la", record: bool = True, hant: bool = False) -> Box:
        """Print `s` with its top-left (anchor la), centre-top (ma) or right-top (ra) at x, y mm."""
        if not s:
            return (self.px(x), self.px(y), self.px(x), self.px(y))
        if self.hant:
            s = to_trad(s)
        f = font(kind, max(6, int(pt * self.dpi / 72)), hant or self.hant)
        x0, y0, x1, y1 = self.draw.textbbox((self.px(x), self.px(y)), s, font=f, anchor=anchor)
        self.draw.text((self.px(x), self.px(y)), s, font=f, fill=colour, anchor=anchor)
        box = (int(x0), int(y0), int(x1), int(y1))
        if record:
            self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    def width(self, s: str, pt: float = 10.5, kind: str = "sans") -> float:
        f = font(kind, max(6, int(pt * self.dpi / 72)))
        return float(f.getlength(s)) * 25.4 / self.dpi

    def vtext(self, x: float, y: float, s: str, pt: float = 10.5, kind: str = "sans") -> Box:
        """Characters stacked top to bottom (a label printed down a narrow column); recorded as one string."""
        step = pt * 25.4 / 72 * 1.15
        s = to_trad(s) if self.hant else s
        boxes = [self.text(x, y + k * step, ch, pt, kind, anchor="ma", record=False) for k, ch in enumerate(s)]
        box = (min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3])
        self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    def hand(self, rng: random.Random, x: float, y: float, s: str, pt: float = 12,
             colour: tuple[int, int, int] = (30, 45, 140)) -> Box:
        """A value filled in by hand: Kai, a pen colour, a little tilt and a drift along the line."""
        s = to_trad(s) if self.hant else s
        f = font("kai", max(6, int(pt * self.dpi / 72)), self.hant)
        w = int(f.getlength(s)) + 12
        h = int(pt * self.dpi / 72 * 1.6)
        tile = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(tile)
        cx = 4.0
        for ch in s:
            d.text((cx, h * 0.15 + rng.uniform(-1.5, 1.5)), ch, font=f, fill=255)
            cx += f.getlength(ch) * rng.uniform(0.95, 1.08)
        tile = tile.rotate(rng.uniform(-2.5, 2.5), resample=Image.Resampling.BICUBIC, expand=True)
        alpha = np.asarray(tile, dtype=np.float32) / 255.0
        ys, xs = np.nonzero(alpha > 0.1)
        X, Y = self.px(x), self.px(y)
        mask = Image.fromarray((alpha * 255).astype(np.uint8))
        self.img.paste(colour, (X, Y), mask)
        box = (X + int(xs.min()), Y + int(ys.min()), X + int(xs.max()) + 1, Y + int(ys.max()) + 1) if len(xs) else (X, Y, X + 1, Y + 1)
        self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    def dots(self, x: float, y: float, s: str, pt: float = 10, anchor: str = "la") -> Box:
        """Dot-matrix print: the glyphs sampled on a 9-pin head's grid, each dot a little round blot."""
        f = font("mono", max(6, int(pt * self.dpi / 72)))
        X, Y = self.px(x), self.px(y)
        x0, y0, x1, y1 = (int(v) for v in self.draw.textbbox((X, Y), s, font=f, anchor=anchor))
        w, h = x1 - x0 + 4, y1 - y0 + 4
        tile = Image.new("L", (w, h), 0)
        ImageDraw.Draw(tile).text((X - x0 + 2, Y - y0 + 2), s, font=f, fill=255, anchor=anchor)
        pitch = max(2, self.px(0.3))
        small = np.asarray(tile.resize((max(1, w // pitch), max(1, h // pitch)), Image.Resampling.BOX), np.float32)
        on = small > 70
        mask = np.zeros((h, w), np.uint8)
        r = max(1, pitch // 2)
        for j, i in zip(*np.nonzero(on), strict=True):
            cv2.circle(mask, (int(i * pitch + r), int(j * pitch + r)), r, 200, -1)
        self.img.paste((40, 40, 48), (x0 - 2, y0 - 2), Image.fromarray(mask))
        box = (x0, y0, x1, y1)
        self.words.append(Word(text=s, box=box, conf=1.0))
        return box

    # -- rules and boxes --------------------------------------------------------------------------------
    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
             dash: float = 0.0) -> None:
        lw = max(1, self.px(w))
        if not dash:
            self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=colour, width=lw)
            return
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / (2 * dash)))
        for k in range(n):
            a, b = k / n, (k + 0.5) / n
            self.draw.line((self.px(x0 + (x1 - x0) * a), self.px(y0 + (y1 - y0) * a),
                            self.px(x0 + (x1 - x0) * b), self.px(y0 + (y1 - y0) * b)), fill=colour, width=lw)

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
             fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=colour,
                            width=max(1, self.px(w)), fill=fill)

    def slot(self, role: str, label: str, x0: float, y0: float, x1: float, y1: float, who: str | None = None) -> int:
        self.slots.append(Slot(role, to_trad(label) if self.hant else label, (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), who))
        return len(self.slots) - 1

    def seal(self, shape: str, text: str, middle: str, x: int, y: int, over: int | None = None) -> None:
        """A seal to press with its centre at x, y (pixels)."""
        if self.hant:
            text, middle = to_trad(text), to_trad(middle)
        self.seals.append(SealSpot(shape, text, middle, (int(x), int(y)), over))

    def qr(self, x: float, y: float, size: float, rng: random.Random, colour: tuple[int, int, int] = INK) -> None:
        """A QR-like block (finder squares and random modules): printed, not text."""
        n = 25
        cell = size / n
        for i in range(n):
            for j in range(n):
                finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
                if finder:
                    a, b = i % (n - 7) if i >= n - 7 else i, j % (n - 7) if j >= n - 7 else j
                    on = a in (0, 6) or b in (0, 6) or (2 <= a <= 4 and 2 <= b <= 4)
                else:
                    on = rng.random() < 0.48
                if on:
                    self.draw.rectangle((self.px(x + j * cell), self.px(y + i * cell),
                                         self.px(x + (j + 1) * cell) - 1, self.px(y + (i + 1) * cell) - 1), fill=colour)

    def text_lines(self) -> str:
        return "\n".join(line_texts(self.words))
