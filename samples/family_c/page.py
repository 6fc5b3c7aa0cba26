"""A page of a form being printed: every string drawn is kept as a Word (the truth's text), every
signature field and seal spot is kept for the ink that comes later. `Flow` lays one document out top to
bottom in a site's look and starts a later page, without a title, when the first one is full."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont

from dossier.models import Box, Word, line_texts
from dossier.samples.family_c.hant import to_hant
from dossier.samples.render import font

INK = (24, 24, 30)
HAND = (28, 48, 150)
PAPERS = {"a4": (210, 297), "a5": (210, 148), "dot": (241, 140), "b5": (182, 257)}


@dataclass
class SigSpot:
    role: str  # "customer" or "staff"
    label: str  # as printed (Traditional on a Traditional page)
    page: int  # 0-based within the document
    box: Box  # where the signature goes
    writer: int | None  # the real hand that signs (None: a synthetic or Latin signature will do)
    date_at: tuple[int, int, int] | None = None  # where a signer writes the date: x, baseline, width


@dataclass
class SealSpot:
    page: int
    centre: tuple[int, int]
    shape: str  # round, oval, square
    text: str  # ring text (the company) or a name seal's name
    middle: str = ""  # the line under the star, or an invoice seal's tax number


@dataclass
class Page:
    width: int
    height: int
    dpi: int
    hant: bool
    img: Image.Image = field(init=False)
    words: list[Word] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.img = Image.new("RGB", (self.width, self.height), (255, 255, 255))
        self.draw = ImageDraw.Draw(self.img)

    def mm(self, v: float) -> int:
        return int(round(v * self.dpi / 25.4))

    def face(self, kind: str, pt: float) -> ImageFont.FreeTypeFont:
        return font(kind, max(8, int(pt * self.dpi / 72)), self.hant)

    def script(self, s: str) -> str:
        return to_hant(s) if self.hant else s

    def measure(self, s: str, kind: str, pt: float) -> int:
        f = self.face(kind, pt)
        return int(f.getlength(self.script(s)))

    def text(self, x: float, y: float, s: str, kind: str, pt: float, anchor: str = "ls",
             fill: tuple[int, int, int] = INK, max_w: float | None = None) -> Box:
        """Draw and record a string; `y` is the baseline for the default anchor. Shrinks to fit max_w."""
        s = self.script(s)
        if not s.strip():
            return (int(x), int(y), int(x), int(y))
        f = self.face(kind, pt)
        while max_w and f.getlength(s) > max_w and pt > 5:
            pt *= 0.9
            f = self.face(kind, pt)
        self.draw.text((x, y), s, font=f, fill=fill, anchor=anchor)
        x0, y0, x1, y1 = self.draw.textbbox((x, y), s, font=f, anchor=anchor)
        box = (int(x0), int(y0), int(x1), int(y1))
        self.words.append(Word(text=s.strip(), box=box, conf=1.0))
        return box

    def line(self, x0: float, y0: float, x1: float, y1: float, w: int = 1) -> None:
        self.draw.line((x0, y0, x1, y1), fill=INK, width=w)

    def rect(self, x0: float, y0: float, x1: float, y1: float, w: int = 1, fill: tuple[int, int, int] | None = None) -> None:
        self.draw.rectangle((x0, y0, x1, y1), outline=INK, width=w, fill=fill)

    def truth_text(self) -> str:
        return "\n".join(line_texts(self.words))


@dataclass
class Look:
    """How one site prints: faces, sizes, rules and habits. Drawn once per site, kept for all its forms."""

    title_face: str
    body_face: str
    label_face: str
    title_pt: float
    body_pt: float
    colon: str
    ruled: bool
    border: int
    title_left: bool
    header: bool  # the company's name printed above the title
    logo: bool
    date_style: int
    number_word: str
    paper: str
    hand_p: float  # share of values written by hand rather than printed
    sig_styles: tuple[str, ...]
    page_numbers: bool


def look(rng: random.Random, dealer: bool) -> Look:
    bodies = ("sans", "serif", "zenhei", "microhei", "ming", "sans")
    return Look(
        title_face=rng.choice(("bold", "serifb", "bold", "zenhei", "microhei")),
        body_face=rng.choice(bodies), label_face=rng.choice(("bold", "sans", "serif", "zenhei")),
        title_pt=rng.uniform(15, 21), body_pt=rng.uniform(9, 11.5),
        colon=rng.choice(("：", "：", ":", "")), ruled=rng.random() < 0.65, border=rng.choice((1, 1, 2, 2, 3)),
        title_left=rng.random() < 0.2, header=rng.random() < 0.6, logo=rng.random() < 0.45,
        date_style=rng.randrange(4), number_word=rng.choice(("No.", "编号", "单号", "NO", "№")),
        paper=rng.choice(("a4", "a4", "a4", "a5", "b5")) if dealer else rng.choice(("a4", "a4", "b5")),
        hand_p=rng.choice((0.0, 0.3, 0.7)),
        sig_styles=tuple(rng.sample(("inline", "below", "cell", "box", "stack", "paren"), k=rng.randint(2, 4))),
        page_numbers=rng.random() < 0.4)


def fmt_date(d: object, style: int) -> str:
    from datetime import date
    assert isinstance(d, date)
    return (f"{d.year}年{d.month}月{d.day}日", d.isoformat(), f"{d.year}.{d.month:02d}.{d.day:02d}", f"{d.year}/{d.month}/{d.day}")[style]


class Flow:
    """One document laid out top to bottom on pages of the site's paper."""

    def __init__(self, rng: random.Random, lk: Look, dpi: int, hant: bool, paper: str | None = None) -> None:
        self.rng, self.lk, self.dpi, self.hant = rng, lk, dpi, hant
        w_mm, h_mm = PAPERS[paper or lk.paper]
        self.size = (int(w_mm * dpi / 25.4), int(h_mm * dpi / 25.4))
        self.pages: list[Page] = []
        self.sigs: list[SigSpot] = []
        self.seals: list[SealSpot] = []
        self.margin = int(rng.uniform(12, 20) * dpi / 25.4)
        self.new_page()

    # -- geometry ---------------------------------------------------------------------------------
    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def x0(self) -> int:
        return self.margin

    @property
    def x1(self) -> int:
        return self.size[0] - self.margin

    def px(self, pt: float) -> int:
        return int(pt * self.dpi / 72)

    @property
    def u(self) -> int:
        """The body text's height in pixels: the unit rows are measured in."""
        return self.px(self.lk.body_pt)

    def new_page(self) -> None:
        self.pages.append(Page(self.size[0], self.size[1], self.dpi, self.hant))
        self.y = self.margin

    def need(self, h: float) -> None:
        if self.y + h > self.size[1] - self.margin - (2 * self.u if self.lk.page_numbers else 0):
            self.new_page()

    def space(self, k: float = 1.0) -> None:
        self.y += int(k * self.u)

    # -- pieces ------------------------------------------------------------------------------------
    def label(self, s: str) -> str:
        return s + self.lk.colon

    def head(self, title: str, company: str, number: str | None = None, right: str | None = None) -> None:
        p, lk, u = self.page, self.lk, self.u
        if lk.logo and company:
            r = int(1.4 * u)
            p.draw.ellipse((self.x0, self.y, self.x0 + 2 * r, self.y + 2 * r), outline=INK, width=max(2, u // 8))
            p.draw.polygon([(self.x0 + r, self.y + r // 3), (self.x0 + r // 3, self.y + 5 * r // 3),
                            (self.x0 + 5 * r // 3, self.y + 5 * r // 3)], fill=INK)
        if lk.header and company:
            p.text((self.x0 + 3.2 * u) if lk.logo else self.x0, self.y + 1.3 * u, company, lk.body_face, lk.body_pt * 1.1)
            self.y += int(2.4 * u)
        elif lk.logo and company:
            self.y += int(1.2 * u)
        tp = lk.title_pt
        ty = self.y + self.px(tp) + u // 2
        if lk.title_left:
            p.text(self.x0 + (3.2 * u if lk.logo and not lk.header else 0), ty, title, lk.title_face, tp)
        else:
            p.text(self.size[0] / 2, ty, title, lk.title_face, tp, anchor="ms", max_w=self.x1 - self.x0)
        self.y = ty + u
        if number or right:
            if number:
                p.text(self.x1, self.y + u, number, "mono" if self.rng.random() < 0.5 else lk.body_face, lk.body_pt,
                       anchor="rs")
            if right:
                p.text(self.x0, self.y + u, right, lk.body_face, lk.body_pt)
            self.y += int(1.8 * u)
        self.y += u // 2

    def value(self, x: float, y: float, s: str, max_w: float, hand: bool | None = None) -> None:
        """A filled-in value: printed by the office's system, or written by hand in the blank."""
        if hand is None:
            hand = self.rng.random() < self.lk.hand_p
        if hand:
            self.page.text(x + self.rng.uniform(0, 0.6) * self.u, y + self.rng.uniform(-0.15, 0.1) * self.u, s, "kai",
                           self.lk.body_pt * self.rng.uniform(1.05, 1.25), fill=HAND, max_w=max_w)
        else:
            self.page.text(x, y, s, self.lk.body_face, self.lk.body_pt, max_w=max_w)

    def grid(self, pairs: list[tuple[str, str]], cols: int = 2, ruled: bool | None = None) -> None:
        """Label/value pairs, `cols` to a row: ruled cells, or labels with an underline to write on."""
        ruled = self.lk.ruled if ruled is None else ruled
        p, u, lk = self.page, self.u, self.lk
        h = int(2.1 * u) if ruled else int(2.3 * u)
        cw = (self.x1 - self.x0) / cols
        rows = [pairs[i:i + cols] for i in range(0, len(pairs), cols)]
        for row in rows:
            self.need(h)
            p = self.page
            y0 = self.y
            for k, (lab, val) in enumerate(row):
                cx = self.x0 + k * cw
                span = cw * (cols - k) if k == len(row) - 1 else cw  # the last pair takes the rest of the row
                text = self.label(lab)
                lw = min(p.measure(text, lk.label_face, lk.body_pt), int(span * 0.45))
                base = y0 + h * 0.68
                if ruled:
                    p.rect(cx, y0, cx + span, y0 + h, w=lk.border)
                    p.line(cx + lw + 0.8 * u, y0, cx + lw + 0.8 * u, y0 + h, w=1)
                    p.text(cx + 0.4 * u, base, text, lk.label_face, lk.body_pt, max_w=lw)
                    if val:
                        self.value(cx + lw + 1.2 * u, base, val, span - lw - 1.6 * u)
                else:
                    p.text(cx, base, text, lk.label_face, lk.body_pt, max_w=lw)
                    p.line(cx + lw + 0.3 * u, y0 + h * 0.82, cx + span - 0.8 * u, y0 + h * 0.82)
                    if val:
                        self.value(cx + lw + 0.6 * u, base, val, span - lw - 1.6 * u)
            self.y = y0 + h
        self.y += u // 2

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float], hand_cols: tuple[int, ...] = ()) -> None:
        p, u, lk = self.page, self.u, self.lk
        h = int(1.9 * u)
        total = sum(widths)
        xs = [self.x0 + (self.x1 - self.x0) * sum(widths[:k]) / total for k in range(len(widths) + 1)]

        def row(cells: list[str], head: bool) -> None:
            nonlocal p
            self.need(h)
            p = self.page
            y0 = self.y
            p.rect(xs[0], y0, xs[-1], y0 + h, w=lk.border if head else 1)
            for k, c in enumerate(cells):
                if k:
                    p.line(xs[k], y0, xs[k], y0 + h)
                if not c:
                    continue
                if not head and k in hand_cols:
                    self.value(xs[k] + 0.3 * u, y0 + h * 0.7, c, xs[k + 1] - xs[k] - 0.6 * u, hand=True)
                else:
                    p.text((xs[k] + xs[k + 1]) / 2, y0 + h * 0.7, c, lk.label_face if head else lk.body_face,
                           lk.body_pt * (0.95 if head else 0.9), anchor="ms", max_w=xs[k + 1] - xs[k] - 0.4 * u)
            self.y = y0 + h

        row(headers, True)
        for r in rows:
            row(r, False)
        self.y += u // 2

    def para(self, text: str, indent: bool = True, pt: float | None = None) -> None:
        """Running text, wrapped at the margins, one character at a time (Chinese has no spaces)."""
        pt = pt or self.lk.body_pt
        lh = int(self.px(pt) * 1.7)
        width = self.x1 - self.x0
        line = "　　" if indent else ""
        lines = []
        for ch in text:
            if self.page.measure(line + ch, self.lk.body_face, pt) > width:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
        for ln in lines:
            self.need(lh)
            self.page.text(self.x0, self.y + self.px(pt), ln, self.lk.body_face, pt)
            self.y += lh
        self.y += self.u // 3

    def heading(self, text: str) -> None:
        self.need(3 * self.u)
        self.page.text(self.x0, self.y + 1.3 * self.u, text, self.lk.label_face, self.lk.body_pt * 1.1)
        self.y += int(2 * self.u)

    def finish(self) -> None:
        if self.lk.page_numbers and len(self.pages) > 1:
            for k, p in enumerate(self.pages):
                p.text(self.size[0] / 2, self.size[1] - self.margin * 0.6, f"第 {k + 1} 页 共 {len(self.pages)} 页",
                       self.lk.body_face, self.lk.body_pt * 0.85, anchor="ms")
