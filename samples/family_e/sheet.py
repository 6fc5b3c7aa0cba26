"""Lays one document out, top to bottom, in a site's style; a new page (no title) when the room runs out."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from dossier.models import Role

from . import signs
from .page import INK, PEN, Page, SealSpot, Slot
from .sites import Site

EN = {"customer": ["Customer Signature", "Signature", "/ Customer Sign"], "staff": ["Staff Signature", "Signature", "Checked by"],
      "unknown": ["Signature"]}
PARTS = {"reception_sheet", "work_order", "settlement", "addon_sheet", "estimate", "delivery_checklist", "application"}
TEXT_FIELDS = {"name", "company", "contact", "address"}  # printed in the page's script; truth as printed


@dataclass
class Doc:
    code: str | None
    title: str | None
    pages: list[Page]
    slots: list[Slot] = field(default_factory=list)
    seals: list[SealSpot] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    photo: bool = False  # a photograph: shot with a phone, not scanned


class Sheet:
    def __init__(self, site: Site, rng: random.Random, dpi: int, traditional: bool, code: str | None, title: str | None):
        self.site, self.rng, self.dpi, self.hant = site, rng, dpi, traditional
        self.doc = Doc(code, None, [])
        self.pt = site.pt
        self.title = title
        # which part of a carbonless set this sheet is: the white top sheet, or a pink or yellow copy
        self.part = rng.choice([("第一联 存根联", (255, 255, 255)), ("第二联 客户联", (252, 228, 232)), ("第三联 财务联", (252, 248, 210))]) \
            if site.parts and code in PARTS else None
        self.paper = self.part[1] if self.part else (255, 255, 255)
        self.new_page()
        self.mx = self.p.px(rng.uniform(14, 22))
        self.x0, self.x1 = self.mx, self.p.w - self.mx
        self.y = self.p.px(rng.uniform(12, 20))

    @property
    def p(self) -> Page:
        return self.doc.pages[-1]

    def new_page(self) -> None:
        more = bool(self.doc.pages)
        paper = self.doc.pages[0].paper if more else self.paper
        self.doc.pages.append(Page(self.dpi, self.hant, body=self.site.body, index=len(self.doc.pages), continuation=more, paper=paper))
        if more:
            self.y = self.p.px(18)

    def need(self, h: int) -> None:
        if self.y + h > self.p.h - self.p.px(18):
            self.new_page()

    # -- the head of the form ---------------------------------------------------------------------------
    def header(self, number: tuple[str, str] | None = None, sub: str | None = None) -> None:
        p, s, rng = self.p, self.site, self.rng
        title = self.title or ""
        self.doc.title = p.t(title)
        tpt = rng.uniform(16, 21)
        mid = (self.x0 + self.x1) // 2
        if s.header == 0:
            p.text(mid, self.y, s.company, self.pt + 1, anchor="mt")
            self.y += p.line_h(self.pt + 1) + p.px(2)
            b = p.text(mid, self.y, title, tpt, face=s.title_face, anchor="mt")
            if rng.random() < 0.5:
                p.rule(b[0], b[2], b[3] + p.px(1.2), width=2)
            self.y = b[3] + p.px(4)
        elif s.header == 1:
            logo = (self.x0, self.y, self.x0 + p.px(14), self.y + p.px(14))
            p.rect(logo, width=2)
            p.text((logo[0] + logo[2]) // 2, (logo[1] + logo[3]) // 2, s.brand[:2], self.pt + 2, face="bold", anchor="mm")
            p.text(logo[2] + p.px(3), self.y + p.px(1), s.company, self.pt + 1)
            p.text(logo[2] + p.px(3), self.y + p.px(8), rng.choice(["服务热线：400-", "客服电话：400-", "24小时救援：400-"])
                   + f"{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}", self.pt - 1.5)
            self.y += p.px(18)
            b = p.text(mid, self.y, title, tpt, face=s.title_face, anchor="mt")
            self.y = b[3] + p.px(4)
        elif s.header == 2:
            b = p.text(mid, self.y + p.px(3), title, tpt, face=s.title_face, anchor="mt")
            p.rect((b[0] - p.px(6), self.y, b[2] + p.px(6), b[3] + p.px(3)), width=2)
            self.y = b[3] + p.px(6)
            p.text(mid, self.y, s.company, self.pt, anchor="mt")
            self.y += p.line_h(self.pt) + p.px(3)
        else:
            b = p.text(self.x0, self.y, title, tpt, face=s.title_face)
            p.text(self.x1, b[3], s.company, self.pt - 0.5, anchor="rs")
            self.y = b[3] + p.px(2)
            p.rule(self.x0, self.x1, self.y, width=3)
            p.rule(self.x0, self.x1, self.y + p.px(0.8), width=1)
            self.y += p.px(4)
        if sub:
            p.text(mid, self.y, sub, self.pt - 1, anchor="mt")
            self.y += p.line_h(self.pt - 1) + p.px(2)
        if number:
            label, value = number
            p.text(self.x1, self.y, f"{label}{value}", self.pt - 0.5, face="mono" if rng.random() < 0.4 else None, anchor="ra")
            self.y += p.line_h(self.pt) + p.px(2)

    # -- content ----------------------------------------------------------------------------------------
    def record(self, key: str | None, value: str | None) -> None:
        if key and value is not None:
            self.doc.fields[key] = self.p.t(value) if key in TEXT_FIELDS else value

    def value(self, x: int, y: int, text: str, anchor: str = "ls", hand: bool | None = None) -> None:
        hand = self.rng.random() < self.site.handfill if hand is None else hand
        if hand:
            self.p.text(x, y, text, self.pt + 1.5, face="kai", fill=PEN, anchor=anchor)
        else:
            self.p.text(x, y, text, self.pt, anchor=anchor)

    def kv(self, items: list[tuple[str, str, str | None, str | None]], cols: int = 2) -> None:
        """Label/value pairs in rows: (label, printed value, field name, truth value)."""
        p, grid = self.p, self.site.grid
        rh = p.px(9 if grid == "boxed" else 8)
        cw = (self.x1 - self.x0) // cols
        lw = max(p.width(lab, self.pt) for lab, *_ in items) + p.px(4)
        row: list[tuple[str, str, str | None, str | None]] = []
        rows: list[list[tuple[str, str, str | None, str | None]]] = []
        for it in items:
            wide = p.width(it[1], self.pt) > cw - lw - p.px(4)
            if wide and row:
                rows.append(row)
                row = []
            row.append(it)
            if wide or len(row) == cols:
                rows.append(row)
                row = []
        if row:
            rows.append(row)
        for r in rows:
            self.need(rh)
            p = self.p
            span = (self.x1 - self.x0) // len(r) if len(r) < cols else cw
            for i, (lab, val, key, truth) in enumerate(r):
                cx = self.x0 + i * span
                cx1 = self.x1 if i == len(r) - 1 else cx + span
                base = self.y + rh - p.px(2.2)
                if grid == "boxed":
                    p.rect((cx, self.y, cx + lw, self.y + rh))
                    p.rect((cx + lw, self.y, cx1, self.y + rh))
                    p.text(cx + p.px(1.5), base, lab, self.pt, anchor="ls")
                    self.value(cx + lw + p.px(2), base, val)
                else:
                    lb = p.text(cx, base, lab + self.site.colon, self.pt, anchor="ls")
                    vx = lb[2] + p.px(1.5) if grid == "plain" else cx + lw + p.px(1)
                    if grid == "open":
                        p.rule(vx, cx1 - p.px(4), base + p.px(1))
                    self.value(vx + p.px(1), base, val)
                self.record(key, truth)
            self.y += rh
        self.y += p.px(3)

    def table(self, head: list[str], rows: list[list[str]], widths: list[float] | None = None, hand_cols: set[int] | None = None) -> None:
        p = self.p
        widths = widths or [1.0] * len(head)
        tot = sum(widths)
        xs = [self.x0]
        for w in widths:
            xs.append(xs[-1] + int((self.x1 - self.x0) * w / tot))
        rh = p.px(self.rng.choice((7, 7.5, 8)))
        pt = self.pt - 0.5

        def draw_row(cells: list[str], bold: bool) -> None:
            self.need(rh)
            p = self.p
            for i, c in enumerate(cells):
                p.rect((xs[i], self.y, xs[i + 1], self.y + rh))
                if c:
                    if hand_cols and i in hand_cols and not bold:
                        p.text(xs[i] + p.px(1.5), self.y + rh // 2, c, pt + 1, face="kai", fill=PEN, anchor="lm")
                    else:
                        p.text(xs[i] + p.px(1.5), self.y + rh // 2, c, pt, face="bold" if bold and p.body in ("sans",) else None, anchor="lm")
            self.y += rh

        draw_row(head, True)
        for r in rows:
            draw_row(r, False)
        self.y += p.px(3)

    def checks(self, items: list[str], states: list[str], cols: int = 2) -> None:
        """A checklist: each item with tick boxes for the states, the first state ticked mostly."""
        p = self.p
        cw = (self.x1 - self.x0) // cols
        rh = p.px(7)
        for k in range(0, len(items), cols):
            self.need(rh)
            p = self.p
            for j, item in enumerate(items[k:k + cols]):
                cx = self.x0 + j * cw
                base = self.y + rh - p.px(2)
                lb = p.text(cx, base, f"{k + j + 1}. {item}", self.pt - 0.5, anchor="ls")
                bx = max(lb[2] + p.px(2), cx + int(cw * 0.55))
                pick = 0 if self.rng.random() < 0.85 else self.rng.randrange(len(states))
                for si, st in enumerate(states):
                    sq = p.px(2.8)
                    p.rect((bx, base - sq, bx + sq, base))
                    if si == pick:
                        p.draw.line((bx + 1, base - sq // 2, bx + sq // 2, base - 1, bx + sq + p.px(1), base - sq - p.px(1)),
                                    fill=PEN if self.rng.random() < 0.7 else INK, width=max(2, p.dpi // 80))
                    sb = p.text(bx + sq + p.px(1), base, st, self.pt - 1, anchor="ls")
                    bx = sb[2] + p.px(3)
            self.y += rh
        self.y += p.px(3)

    def para(self, text: str, pt: float | None = None, indent: bool = True) -> None:
        pt = pt or self.pt
        width = self.x1 - self.x0
        line = "　　" if indent else ""
        for ch in re.findall(r"[A-Za-z0-9.:/-]+|.", text):  # a VIN or number never breaks across lines
            if self.p.width(line + ch, pt) > width:
                self._line(line, pt)
                line = ""
            line += ch
        if line:
            self._line(line, pt)
        self.y += self.p.px(1.5)

    def _line(self, s: str, pt: float) -> None:
        lh = self.p.line_h(pt) + self.p.px(1.5)
        self.need(lh)
        self.p.text(self.x0, self.y, s, pt)
        self.y += lh

    def gap(self, mm: float) -> None:
        self.y += self.p.px(mm)

    def sign(self, fields: list[tuple[str, Role]], arrange: str | None = None, foot: bool = False) -> list[Slot]:
        """A block of signature fields here, or at the foot of the page (stacked fields at a page's end)."""
        rng = self.rng
        arrange = arrange or rng.choice(self.site.arrange)
        if self.site.english:
            fields = [(lab + " " + rng.choice(EN[role]), role) for lab, role in fields]
        if arrange == "row" and len(fields) > 3:
            arrange = "stack"
        est = self.p.px(30) * (1 if arrange in ("row", "grid_below") else (len(fields) + 1) // (2 if arrange == "grid_right" else 1))
        self.need(est)
        if foot:
            self.y = max(self.y, self.p.h - self.p.px(22) - est)
        slots, self.y = signs.block(self.p, rng, arrange, self.site.shapes, self.x0, self.y, self.x1 - self.x0, fields,
                                    self.pt, self.site.colon or "：" if rng.random() < 0.7 else self.site.colon)
        self.doc.slots += slots
        return slots

    def seal(self, slot: Slot | None, shape: str, text: str, middle: str = "") -> None:
        """A stamp over a signing slot (the party's seal) or near the foot of the text."""
        p = self.p
        if slot is not None:
            cx = (slot.box[0] + slot.box[2]) // 2 + self.rng.randint(-p.px(8), p.px(8))
            cy = (slot.box[1] + slot.box[3]) // 2 + self.rng.randint(-p.px(4), p.px(4))
            self.doc.seals.append(SealSpot(slot.page, cx, cy, shape, p.t(text), p.t(middle), slot))
            return
        cx = self.rng.randint((self.x0 + self.x1) // 2, self.x1 - p.px(25))
        cy = min(self.y + p.px(5), p.h - p.px(30))
        self.doc.seals.append(SealSpot(p.index, cx, cy, shape, p.t(text), p.t(middle)))

    def done(self) -> Doc:
        n = len(self.doc.pages)
        for pg in self.doc.pages:
            if self.site.footer:
                pg.rule(self.x0, self.x1, pg.h - pg.px(16))
                pg.text(self.x0, pg.h - pg.px(15), self.site.footer, self.pt - 2.5)
            if self.part:  # down the right margin, one character under another
                lh = pg.line_h(self.pt - 1)
                x = pg.w - pg.px(8)
                y0 = pg.h // 2 - lh * len(self.part[0]) // 2
                for i, ch in enumerate(pg.t(self.part[0])):
                    pg.text(x, y0 + i * lh, ch, self.pt - 1, anchor="mt", record=False)
                pg.strings.append(((x - lh // 2, y0, x + lh // 2, y0 + lh * len(self.part[0])), pg.t(self.part[0])))
        if n > 1:
            for pg in self.doc.pages:
                pg.text(pg.w // 2, pg.h - pg.px(10), f"第 {pg.index + 1} 页 共 {n} 页", self.pt - 1.5, anchor="mt")
        return self.doc
