"""One printed page: draws text, rules and boxes and records every string it prints (the truth `text`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Role
from dossier.samples.render import font

from .hant import hant as to_hant

INK = (30, 30, 34)


@dataclass
class Spot:
    """A signature field's blank region, waiting to be signed or left blank."""
    role: Role
    label: str
    box: Box
    company_side: bool = False  # a party that also stamps here (甲方（盖章）...)


@dataclass
class Printed:
    x: int
    y: int
    h: int
    text: str


@dataclass
class Page:
    dpi: int
    hant: bool
    fonts: dict[str, str]  # role of text ("body", "title", "hand") -> font kind of samples/render.py
    width: int = 0
    height: int = 0
    img: Image.Image = field(init=False)
    draw: ImageDraw.ImageDraw = field(init=False)
    printed: list[Printed] = field(default_factory=list)
    spots: list[Spot] = field(default_factory=list)
    seal_at: list[tuple[int, int, str]] = field(default_factory=list)  # centre x, y, and whose seal
    continuation: bool = False

    def __post_init__(self) -> None:
        self.width = self.width or round(8.27 * self.dpi)
        self.height = self.height or round(11.69 * self.dpi)
        self.img = Image.new("RGB", (self.width, self.height), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.img)

    def mm(self, v: float) -> int:
        return round(v * self.dpi / 25.4)

    def pt(self, v: float) -> int:
        return max(8, round(v * self.dpi / 72))

    def t(self, s: str) -> str:
        return to_hant(s) if self.hant else s

    def font(self, role: str, size: float) -> ImageFont.FreeTypeFont:
        return font(self.fonts.get(role, "sans"), self.pt(size), self.hant)

    def text(self, x: int, y: int, s: str, size: float = 10.5, role: str = "body", *, anchor: str = "l",
             colour: tuple[int, int, int] = INK, record: bool = True) -> Box:
        """Print `s` (already in the page's script) with its top at y; anchor l/c/r on x. Returns its box."""
        f = self.font(role, size)
        x0, _, x1, _ = self.draw.textbbox((0, 0), s, font=f)
        w = int(x1 - x0)
        left = int(x if anchor == "l" else x - w // 2 if anchor == "c" else x - w)
        asc, desc = f.getmetrics()
        self.draw.text((left, y), s, font=f, fill=colour)
        if record and s.strip():
            self.printed.append(Printed(left, y, int(asc + desc), s))
        return (left, y, left + w, int(y + asc + desc))

    def width_of(self, s: str, size: float = 10.5, role: str = "body") -> int:
        f = self.font(role, size)
        x0, _, x1, _ = self.draw.textbbox((0, 0), s, font=f)
        return int(x1 - x0)

    def line_h(self, size: float = 10.5, role: str = "body") -> int:
        asc, desc = self.font(role, size).getmetrics()
        return int(asc + desc)

    def hline(self, x0: int, x1: int, y: int, w: int = 0, dashed: bool = False) -> None:
        w = w or max(1, self.dpi // 100)
        if not dashed:
            self.draw.line([(x0, y), (x1, y)], fill=INK, width=w)
            return
        step = self.mm(1.6)
        for x in range(x0, x1, step * 2):
            self.draw.line([(x, y), (min(x1, x + step), y)], fill=INK, width=w)

    def vline(self, x: int, y0: int, y1: int, w: int = 0) -> None:
        self.draw.line([(x, y0), (x, y1)], fill=INK, width=w or max(1, self.dpi // 100))

    def rect(self, box: Box, w: int = 0) -> None:
        self.draw.rectangle(box, outline=INK, width=w or max(1, self.dpi // 100))

    def lines(self) -> str:
        """The page's printed strings, grouped into lines top to bottom, left to right."""
        rows: list[list[Printed]] = []
        for p in sorted(self.printed, key=lambda p: (p.y + p.h / 2, p.x)):
            if rows and abs((rows[-1][0].y + rows[-1][0].h / 2) - (p.y + p.h / 2)) < 0.45 * p.h:
                rows[-1].append(p)
            else:
                rows.append([p])
        return "\n".join(" ".join(p.text for p in sorted(r, key=lambda p: p.x)) for r in rows)
