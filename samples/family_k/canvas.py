"""A page drawn in millimetres that remembers every string it printed (with its pixel box), the signature
fields it leaves, the seals it wants and the red marks that are *not* seals."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from dossier.models import Box, Word, line_texts
from dossier.samples.render import font

INK = (30, 30, 36)
RED_PRINT = (200, 35, 45)
HAND_BLUE = (32, 52, 150)


@dataclass
class Slot:
    """A signature field: the blank where a name goes, and who should sign it."""

    label: str
    role: str  # customer / staff
    box: Box
    want: str = "auto"  # auto / sign / blank
    style: str = "pen"  # pen / esign / surname
    company_seal: bool = False  # 客户确认（签字/盖章）: a company customer also stamps here


@dataclass
class SealWant:
    shape: str  # round / oval / square
    text: str
    middle: str
    centre: tuple[int, int]
    over: int | None = None  # the slot index it is meant to cover


@dataclass
class Sheet:
    w_mm: float
    h_mm: float
    dpi: int
    paper: tuple[int, int, int] = (255, 255, 255)
    hant: bool = False
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    words: list[Word] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealWant] = field(default_factory=list)
    keep_out: list[Box] = field(default_factory=list)  # red stamps: no seal or blank field goes here
    continuation: bool = False
    extra: list[str] = field(default_factory=list)  # degradation notes of the printing (dot matrix, tint)

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def text(self, x: float, y: float, s: str, size: float = 3.2, kind: str = "sans", anchor: str = "la",
             fill: tuple[int, int, int] = INK, record: bool = True) -> float:
        """Print `s` at (x, y) mm (`anchor` as PIL's); returns the right edge in mm."""
        if not s:
            return x
        f = font(kind, max(6, self.px(size)), self.hant)
        xy = (self.px(x), self.px(y))
        self.draw.text(xy, s, font=f, fill=fill, anchor=anchor)
        box = self.draw.textbbox(xy, s, font=f, anchor=anchor)
        if record and s.strip():
            self.words.append(Word(text=s, box=(int(box[0]), int(box[1]), int(box[2]), int(box[3])), conf=1.0))
        return float(box[2]) * 25.4 / self.dpi

    def width(self, s: str, size: float = 3.2, kind: str = "sans") -> float:
        f = font(kind, max(6, self.px(size)), self.hant)
        return float(f.getlength(s)) * 25.4 / self.dpi

    def hand(self, x: float, y: float, s: str, size: float = 4.0, rng: random.Random | None = None) -> float:
        """A value filled in by hand (Kai, ballpoint blue, a little off the line): printed for the truth."""
        jitter = rng.uniform(-0.6, 0.4) if rng else 0.0
        return self.text(x, y + jitter, s, size, "kai", fill=HAND_BLUE)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25,
             fill: tuple[int, int, int] = INK) -> None:
        self.draw.line((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill, width=max(1, self.px(w)))

    def dashed(self, x0: float, y: float, x1: float, dash: float = 2.0, w: float = 0.2) -> None:
        x = x0
        while x < x1:
            self.line(x, y, min(x1, x + dash), y, w)
            x += 2 * dash

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, fill: tuple[int, int, int] | None = None,
             outline: tuple[int, int, int] = INK) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), fill=fill, outline=outline,
                            width=max(1, self.px(w)))

    def slot(self, label: str, role: str, x0: float, y0: float, x1: float, y1: float, **kw: object) -> Slot:
        """Record the blank (mm) where a name goes; the caller has printed the label and the rules."""
        s = Slot(label, role, (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), **kw)  # type: ignore[arg-type]
        self.slots.append(s)
        return s

    def qr(self, x: float, y: float, size: float, rng: random.Random, colour: tuple[int, int, int] = INK) -> None:
        """A QR-like code: three finder squares and random modules (never read, never a seal)."""
        n = 25
        cell = size / n
        g = np.array([[rng.random() < 0.5 for _ in range(n)] for _ in range(n)])
        for cx, cy in ((0, 0), (n - 7, 0), (0, n - 7)):
            g[cy:cy + 7, cx:cx + 7] = False
            g[cy, cx:cx + 7] = g[cy + 6, cx:cx + 7] = True
            g[cy:cy + 7, cx] = g[cy:cy + 7, cx + 6] = True
            g[cy + 2:cy + 5, cx + 2:cx + 5] = True
        for r in range(n):
            for c in range(n):
                if g[r, c]:
                    self.draw.rectangle((self.px(x + c * cell), self.px(y + r * cell), self.px(x + (c + 1) * cell) - 1,
                                         self.px(y + (r + 1) * cell) - 1), fill=colour)
        self.keep_out.append((self.px(x), self.px(y), self.px(x + size), self.px(y + size)))

    def rubber_stamp(self, x: float, y: float, s: str, rng: random.Random, size: float = 6.0) -> None:
        """A red rubber word stamp (已收款, 作废, 已审核 …), often with a date: not a seal, and not printed
        text either (so outside the truth's text)."""
        f = font("bold", self.px(size), self.hant)
        w = f.getlength(s) + self.px(4)
        h = self.px(size * 1.7)
        tile = Image.new("L", (int(w) + 8, int(h) + 8), 0)
        d = ImageDraw.Draw(tile)
        d.rectangle((4, 4, tile.width - 5, tile.height - 5), outline=255, width=max(2, self.px(0.6)))
        d.text((tile.width / 2, tile.height / 2), s, font=f, fill=255, anchor="mm")
        tile = tile.rotate(rng.uniform(-12, 12), expand=True, fillcolor=0)
        alpha = np.asarray(tile, np.float32) / 255 * rng.uniform(0.65, 0.95)
        from dossier.samples.handwriting import multiply
        X, Y = self.px(x), self.px(y)
        multiply(self.img, alpha, (210, 40, 50), (X, Y))
        self.keep_out.append((X, Y, X + tile.width, Y + tile.height))

    def text_lines(self) -> str:
        return "\n".join(line_texts(self.words))
