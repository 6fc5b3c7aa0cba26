"""One A4 page being printed: text, rules and table cells, remembering every printed string and field.

Everything drawn goes through here so the page's truth text and signature boxes come from the drawing
itself, not from a second description that could drift from it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from opencc import OpenCC
from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Role
from dossier.samples.render import font

INK = (24, 24, 30)
HAND_BLUE = (28, 48, 150)
_S2T = OpenCC("s2t")


def hant(s: str) -> str:
    return _S2T.convert(s)


@dataclass
class Slot:
    """A signature field as printed: who signs, the label, the blank region."""

    role: Role
    label: str
    box: Box
    writer: int | None = None  # whose handwriting, for a customer


@dataclass
class Sheet:
    dpi: int
    hant: bool
    body: str  # font kinds (samples/render.py FONTS) of this site's print
    title_face: str
    rng: random.Random
    paper: tuple[float, float] = (210, 297)  # mm: A4 upright, or A5 across for the workshop's printouts
    img: Image.Image = field(init=False)
    d: ImageDraw.ImageDraw = field(init=False)
    printed: list[tuple[int, int, int, int, str]] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    y: int = 0  # the cursor: top of the next block

    def __post_init__(self) -> None:
        self.w, self.h = round(self.paper[0] / 25.4 * self.dpi), round(self.paper[1] / 25.4 * self.dpi)
        tone = self.rng.randint(246, 255)
        self.img = Image.new("RGB", (self.w, self.h), (tone, tone, tone - self.rng.randint(0, 4)))
        self.d = ImageDraw.Draw(self.img)
        self.left = self.mm(self.rng.uniform(14, 22))
        self.right = self.w - self.mm(self.rng.uniform(14, 22))
        self.y = self.mm(self.rng.uniform(12, 20) if self.paper[1] > 200 else self.rng.uniform(8, 11))

    def mm(self, v: float) -> int:
        return round(v / 25.4 * self.dpi)

    def px(self, pt: float) -> int:
        return max(8, round(pt * self.dpi / 72))

    def s(self, text: str) -> str:
        """The string as this page prints it (Traditional on a Traditional page)."""
        return hant(text) if self.hant else text

    def face(self, kind: str, pt: float) -> ImageFont.FreeTypeFont:
        return font(kind, self.px(pt), self.hant)

    def text(self, x: float, y: float, text: str, pt: float = 10.5, kind: str | None = None,
             fill: tuple[int, int, int] = INK, anchor: str = "la", record: bool = True) -> Box:
        """Print `text` (already in the page's script); returns its box."""
        if not text:
            return (int(x), int(y), int(x), int(y))
        f = self.face(kind or self.body, pt)
        self.d.text((x, y), text, font=f, fill=fill, anchor=anchor)
        x0, y0, x1, y1 = (int(v) for v in self.d.textbbox((x, y), text, font=f, anchor=anchor))
        if record and text.strip("　 "):
            self.printed.append((x0, y0, x1, y1, text.strip("　 ")))  # indents are not text
        return (x0, y0, x1, y1)

    def width(self, text: str, pt: float = 10.5, kind: str | None = None) -> int:
        return int(self.face(kind or self.body, pt).getlength(text))

    def hand(self, x: float, y: float, text: str, pt: float = 11.0, anchor: str = "la") -> Box:
        """A value filled in by pen: Kai face, blue or black ink."""
        ink = HAND_BLUE if self.rng.random() < 0.7 else (35, 35, 45)
        return self.text(x, y, text, pt, "kai", ink, anchor)

    def rule(self, x0: float, x1: float, y: float, w: int = 1) -> None:
        self.d.line((x0, y, x1, y), fill=INK, width=max(1, w))

    def rect(self, box: tuple[float, float, float, float], w: int = 1) -> None:
        self.d.rectangle(box, outline=INK, width=max(1, w))

    def sign_slot(self, role: Role, label: str, box: Box, writer: int | None = None) -> None:
        self.slots.append(Slot(role, label, box, writer))

    def lines(self) -> list[str]:
        """The printed strings grouped into visual lines, top to bottom, left to right."""
        rows: list[list[tuple[int, int, int, int, str]]] = []
        for item in sorted(self.printed, key=lambda p: (p[1] + p[3]) / 2):
            cy = (item[1] + item[3]) / 2
            for row in rows:
                r = row[0]
                if r[1] <= cy <= r[3]:
                    row.append(item)
                    break
            else:
                rows.append([item])
        return [" ".join(p[4] for p in sorted(row, key=lambda p: p[0])) for row in rows]
