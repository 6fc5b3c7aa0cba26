"""One printed sheet: drawing in millimetres, the printed strings remembered for the truth's `text`, and the
places where a signature may go or a seal will be pressed."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box
from dossier.samples.render import font

INK = (28, 28, 32)
FORM_BLUE = (40, 70, 150)  # pre-printed form ink on carbonless copies
HAND_BLUE = (25, 50, 150)


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def hant(s: str) -> str:
    return str(_s2t().convert(s))


@dataclass
class Slot:
    """A signature field: who signs it, its printed label, and its blank region in page pixels."""
    role: str
    label: str
    box: Box
    who: int | None = None  # handwriting writer, for a person who signs several papers alike
    dates: list[tuple[float, float, str]] = field(default_factory=list)  # (x, y mm, part) the signer dates by hand


@dataclass
class SealSpot:
    centre: tuple[int, int]
    shape: str
    text: str
    middle: str = ""
    faint: bool = False
    angle: float = 0.0


@dataclass
class Sheet:
    w_mm: float
    h_mm: float
    dpi: int
    trad: bool = False
    paper: tuple[int, int, int] = (255, 255, 255)
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    strings: list[tuple[float, float, float, str]] = field(default_factory=list)  # (y0, y1, x0, text)
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    continuation: bool = False

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.px(self.w_mm), self.px(self.h_mm)), self.paper)
        self.draw = ImageDraw.Draw(self.img)

    # -- units -----------------------------------------------------------------------------------
    def px(self, mm: float) -> int:
        return int(round(mm * self.dpi / 25.4))

    def fnt(self, face: str, pt: float) -> ImageFont.FreeTypeFont:
        return font(face, max(6, int(round(pt * self.dpi / 72))), self.trad)

    def t(self, s: str) -> str:
        return hant(s) if self.trad else s

    def width(self, s: str, pt: float = 10, face: str = "sans") -> float:
        """Width in mm of a (converted) string."""
        return self.fnt(face, pt).getlength(self.t(s)) * 25.4 / self.dpi

    # -- drawing ---------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, pt: float = 10, face: str = "sans", anchor: str = "l",
             colour: tuple[int, int, int] = INK, record: bool = True, convert: bool = True) -> Box:
        """One string with its top-left (anchor l), top-centre (m) or top-right (r) at (x, y) mm."""
        s = self.t(s) if convert else s
        if not s:
            return (self.px(x), self.px(y), self.px(x), self.px(y))
        f = self.fnt(face, pt)
        X, Y = self.px(x), self.px(y)
        w = f.getlength(s)
        if anchor == "m":
            X -= int(w / 2)
        elif anchor == "r":
            X -= int(w)
        self.draw.text((X, Y), s, font=f, fill=colour)
        b = self.draw.textbbox((X, Y), s, font=f)
        if record and s.strip():
            asc, desc = f.getmetrics()
            self.strings.append((Y, Y + asc + desc, X, s))
        return (int(b[0]), int(b[1]), int(b[2]), int(b[3]))

    def hand(self, x: float, y: float, s: str, pt: float = 11, rng: random.Random | None = None) -> Box:
        """A hand-filled value: a brush-like face in blue, a little off the line."""
        dx = dy = 0.0
        if rng is not None:
            dx, dy = rng.uniform(-0.8, 1.5), rng.uniform(-1.0, 0.6)
        return self.text(x + dx, y + dy, s, pt, "kai", colour=HAND_BLUE)

    def vertical(self, x: float, y: float, s: str, pt: float = 10, face: str = "sans") -> None:
        """Characters stacked top to bottom (a label in a narrow column)."""
        step = pt * 25.4 / 72 * 1.25
        for k, ch in enumerate(s):
            self.text(x, y + k * step, ch, pt, face, anchor="m")

    def hline(self, x0: float, x1: float, y: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
              dashed: bool = False) -> None:
        lw = max(1, self.px(w))
        if not dashed:
            self.draw.line((self.px(x0), self.px(y), self.px(x1), self.px(y)), fill=colour, width=lw)
            return
        x = x0
        while x < x1:
            self.draw.line((self.px(x), self.px(y), self.px(min(x1, x + 1.2)), self.px(y)), fill=colour, width=lw)
            x += 2.0

    def vline(self, x: float, y0: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK) -> None:
        self.draw.line((self.px(x), self.px(y0), self.px(x), self.px(y1)), fill=colour, width=max(1, self.px(w)))

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.25, colour: tuple[int, int, int] = INK,
             fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle((self.px(x0), self.px(y0), self.px(x1), self.px(y1)), outline=colour,
                            width=max(1, self.px(w)), fill=fill)

    def tickbox(self, x: float, y: float, size: float = 3.0, ticked: bool = False, rng: random.Random | None = None,
                colour: tuple[int, int, int] = INK) -> None:
        self.rect(x, y, x + size, y + size, 0.2, colour)
        if ticked:
            j = rng.uniform(-0.4, 0.4) if rng else 0.0
            pts = [(x + 0.5 + j, y + size * 0.5), (x + size * 0.42, y + size * 0.95), (x + size * 1.25, y - size * 0.35 + j)]
            self.draw.line([(self.px(a), self.px(b)) for a, b in pts], fill=HAND_BLUE, width=max(2, self.px(0.45)))

    def wrap(self, x: float, y: float, width: float, s: str, pt: float = 10, face: str = "sans",
             lead: float = 1.55, indent: int = 0) -> float:
        """A paragraph wrapped to `width` mm; returns the y below it."""
        s = self.t(s)
        f = self.fnt(face, pt)
        limit = width * self.dpi / 25.4
        line = "　" * indent
        step = pt * 25.4 / 72 * lead
        for ch in s:
            if f.getlength(line + ch) > limit and line:
                self.text(x, y, line, pt, face, convert=False)
                y += step
                line = ""
            line += ch
        if line:
            self.text(x, y, line, pt, face, convert=False)
            y += step
        return y

    def slot(self, role: str, label: str, x0: float, y0: float, x1: float, y1: float, who: int | None = None,
             dates: list[tuple[float, float, str]] | None = None) -> None:
        """A signature field; `dates` where its signer writes the date ("y", "m", "d" or "ymd")."""
        self.slots.append(Slot(role, self.t(label), (self.px(x0), self.px(y0), self.px(x1), self.px(y1)), who,
                               dates or []))

    def seal(self, x: float, y: float, shape: str, text: str, middle: str = "", faint: bool = False,
             angle: float = 0.0) -> None:
        self.seals.append(SealSpot((self.px(x), self.px(y)), shape, text, middle, faint, angle))

    # -- truth -----------------------------------------------------------------------------------
    def lines(self) -> str:
        """The printed strings grouped into lines by their vertical overlap, left to right."""
        items = sorted(self.strings, key=lambda s: ((s[0] + s[1]) / 2, s[2]))
        rows: list[list[tuple[float, float, float, str]]] = []
        for it in items:
            mid = (it[0] + it[1]) / 2
            if rows:
                last = rows[-1]
                lo = sum(r[0] for r in last) / len(last)
                hi = sum(r[1] for r in last) / len(last)
                if lo <= mid <= hi and abs(mid - (lo + hi) / 2) < (hi - lo) * 0.35:
                    last.append(it)
                    continue
            rows.append([it])
        return "\n".join(" ".join(s[3] for s in sorted(r, key=lambda s: s[2])) for r in rows)
