"""Lays one document out over as many pages as it needs: header, key-value grids, tables, ticks, clauses,
signature blocks; a later page has no title. Records the fields the page states (truth `fields`)."""

from __future__ import annotations

import datetime as dt
import random

from dossier.samples.handwriting import pen_colour

from .page import INK, Page
from .sigfield import draw_field
from .sites import Site
from .wording import ENGLISH, OFFICIAL


class Doc:
    def __init__(self, site: Site, rng: random.Random, dpi: int, hant: bool, title: str | None, code: str = ""):
        self.site, self.rng, self.dpi, self.hant, self.title, self.code = site, rng, dpi, hant, title, code
        self.pages: list[Page] = []
        self.fields: dict[str, str] = {}
        self.seal_spots: list[tuple[int, int, int]] = []  # page index, centre x, y
        self.stamp_at: tuple[int, int, int] | None = None  # where the office stamps a letter, if not on a field
        self.size = rng.choice((9.5, 10.5, 10.5, 11.0))
        self.hand_ink = pen_colour(rng)[0]
        # one shape for most fields of this document, from the site's habits
        self.shape = rng.choices(site.shapes, site.shape_weights)[0]
        self.second = rng.random() < 0.25  # this form uses the site's other signing word
        self.hand = site.hand_fill and title not in OFFICIAL  # state forms come out of a printer
        self.seal_text: str | None = None  # whose stamp, when not the site's own
        self.new_page()

    # -- pages ---------------------------------------------------------------------------------------
    @property
    def p(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        p = Page(self.dpi, self.hant, self.site.fonts)
        p.continuation = bool(self.pages)
        self.pages.append(p)
        self.left, self.right = p.mm(self.rng.uniform(16, 24)), p.width - p.mm(self.rng.uniform(16, 24))
        self.y = p.mm(self.rng.uniform(14, 22))
        self.bottom = p.height - p.mm(22)
        if self.site.frame:
            m = p.mm(10)
            p.rect((m, m, p.width - m, p.height - m), w=max(2, self.dpi // 70))

    def need(self, h: int) -> None:
        if self.y + h > self.bottom:
            self.new_page()

    def gap(self, mm: float = 3) -> None:
        self.y += self.p.mm(mm)

    # -- values --------------------------------------------------------------------------------------
    def date(self, d: dt.date) -> str:
        s = self.site.date_style
        return (f"{d.year}年{d.month}月{d.day}日" if s == "cn" else d.isoformat() if s == "iso"
                else f"{d.year}/{d.month}/{d.day}")

    def money(self, v: float) -> str:
        return self.rng.choice((f"¥{v:,.2f}", f"{v:.2f}元", f"￥{v:.2f}"))

    def val(self, name: str | None, printed: str, truth: str | None = None) -> str:
        """A value as the page prints it (page script); remember its normalised truth under `name`."""
        shown = self.p.t(printed)
        if name:
            t = truth if truth is not None else printed
            self.fields[name] = self.p.t(t) if name in ("name", "company", "contact", "address", "unit") else t
        return shown

    # -- blocks --------------------------------------------------------------------------------------
    def header(self) -> None:
        p, s = self.p, self.site
        if self.title in OFFICIAL:  # a copy of a state form: its own title only, no dealer letterhead
            self.y += p.mm(8)
            p.text((self.left + self.right) // 2, self.y, p.t(self.title), s.title_size, role="title", anchor="c")
            self.y += p.line_h(s.title_size, "title") + p.mm(6)
            return
        if s.form_no:
            p.text(self.right, self.y, p.t(f"表单编号：{s.form_no}"), 8.5, anchor="r")
        company = s.name if s.kind == "property" or self.rng.random() < 0.6 else f"{s.brand}授权经销商 {s.name}"
        if s.logo:  # the brand (or the office's short name) set in a box, like a printed logo
            mark = s.brand if s.kind == "dealer" else s.name[2:4] + "物业"
            b = p.text(self.left + p.mm(2), self.y + p.mm(2), p.t(mark), 12, role="title")
            p.rect((self.left, self.y, b[2] + p.mm(2), b[3] + p.mm(2)), w=max(2, self.dpi // 70))
            self.y = b[3] + p.mm(2)
        if s.header == "box":
            self.y += p.mm(4)
            h = p.line_h(10) + p.mm(3)
            p.rect((self.left, self.y, self.right, self.y + h))
            p.text((self.left + self.right) // 2, self.y + p.mm(1.5), p.t(company), 10, anchor="c")
            self.y += h + p.mm(3)
        elif s.header != "none":
            self.y += p.mm(4)
            p.text(self.left, self.y, p.t(company), 9.5)
            self.y += p.line_h(9.5) + p.mm(1)
            p.hline(self.left, self.right, self.y, w=max(2, self.dpi // 60))
            if s.header == "double":
                p.hline(self.left, self.right, self.y + p.mm(1))
            self.y += p.mm(4)
        else:
            self.y += p.mm(6)
        if self.title:
            own = self.title not in OFFICIAL  # a state form (invoice, licence ...) never carries the dealer's name
            title = (s.brand if s.kind == "dealer" else s.name[:-6]) + self.title if own and s.prefix and len(self.title) < 10 else self.title
            self.title = title
            x = (self.left + self.right) // 2 if s.title_align == "c" else self.left
            p.text(x, self.y, p.t(title), s.title_size, role="title", anchor=s.title_align)
            self.y += p.line_h(s.title_size, "title") + p.mm(1 if s.english else 5)
            if s.english and self.code in ENGLISH:
                x = (self.left + self.right) // 2 if s.title_align == "c" else self.left
                p.text(x, self.y, ENGLISH[self.code].upper() if self.rng.random() < 0.5 else ENGLISH[self.code], 9, anchor=s.title_align)
                self.y += p.line_h(9) + p.mm(4)

    def line(self, text: str, size: float | None = None, indent: int = 0) -> None:
        size = size or self.size
        self.need(self.p.line_h(size))
        self.p.text(self.left + indent, self.y, self.p.t(text), size)
        self.y += self.p.line_h(size) + self.p.mm(1.8)

    def para(self, text: str, size: float | None = None) -> None:
        """Wrap a paragraph to the text width (characters are the wrapping unit, as in Chinese print)."""
        size = size or self.size
        s = self.p.t(text)
        width = self.right - self.left
        line = ""
        for ch in s:
            if self.p.width_of(line + ch, size) > width:
                self._raw(line, size)
                line = ""
            line += ch
        if line:
            self._raw(line, size)
        self.y += self.p.mm(1)

    def _raw(self, s: str, size: float) -> None:
        self.need(self.p.line_h(size))
        self.p.text(self.left, self.y, s, size)
        self.y += self.p.line_h(size) + self.p.mm(1.5)

    def kv(self, pairs: list[tuple[str, str]], cols: int = 2) -> None:
        """Label/value pairs, `cols` to a row, ruled as a grid or as underlined blanks; values already shown."""
        p, s = self.p, self.site
        colon = s.colon or "："
        row_h = p.line_h(self.size) + p.mm(4)
        cw = (self.right - self.left) // cols
        for i in range(0, len(pairs), cols):
            self.need(row_h)
            p = self.p
            for j, (label, value) in enumerate(pairs[i:i + cols]):
                x = self.left + j * cw
                lab = p.t(label)
                if s.ruled:
                    lw = p.width_of(lab, self.size) + p.mm(4)
                    if s.shade:
                        p.draw.rectangle((x, self.y, x + lw, self.y + row_h), fill=(228, 228, 228))
                    p.rect((x, self.y, x + lw, self.y + row_h))
                    p.rect((x + lw, self.y, x + cw, self.y + row_h))
                    p.text(x + p.mm(2), self.y + p.mm(2), lab, self.size)
                    vx = x + lw + p.mm(2)
                else:
                    lb = p.text(x, self.y + p.mm(2), lab + colon, self.size)
                    vx = lb[2] + p.mm(1.5)
                    p.hline(vx, x + cw - p.mm(4), self.y + row_h - p.mm(1), dashed=self.rng.random() < 0.3)
                self._value(vx, self.y + p.mm(2), value, x + cw - p.mm(2) - vx)
            self.y += row_h
        self.y += p.mm(3)

    def _value(self, x: int, y: int, value: str, room: int) -> None:
        if not value:
            return
        hand = self.hand
        size = self.size + (1 if hand else 0)
        while size > 7 and self.p.width_of(value, size, "hand" if hand else "body") > room:
            size -= 0.5  # a long value is set smaller rather than over the next cell
        if hand:
            self.p.text(x, y - self.p.mm(0.5), value, size, role="hand", colour=self.hand_ink)
        else:
            self.p.text(x, y, value, size)

    def table(self, head: list[str], rows: list[list[str]], widths: list[float]) -> None:
        p = self.p
        size = self.size - 0.5
        row_h = p.line_h(size) + p.mm(3)
        total = sum(widths)
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + int((self.right - self.left) * w / total))
        for r, row in enumerate([head] + rows):
            if self.y + row_h > self.bottom:
                self.new_page()
                p = self.p
            for c, cell in enumerate(row):
                if self.site.ruled or r == 0:
                    p.rect((xs[c], self.y, xs[c + 1], self.y + row_h))
                if cell:
                    p.text(xs[c] + p.mm(1.5), self.y + p.mm(1.5), p.t(cell), size)
            self.y += row_h
        self.y += p.mm(4)

    def checks(self, items: tuple[str, ...] | list[str], cols: int = 2, marks: str = "✓") -> None:
        """Tick boxes with their items; most ticked, some crossed, the rare one left open."""
        p = self.p
        row_h = p.line_h(self.size) + p.mm(2.5)
        cw = (self.right - self.left) // cols
        for i in range(0, len(items), cols):
            self.need(row_h)
            p = self.p
            for j, item in enumerate(items[i:i + cols]):
                x = self.left + j * cw
                b = p.mm(3.2)
                p.rect((x, self.y + p.mm(0.8), x + b, self.y + p.mm(0.8) + b))
                p.text(x + b + p.mm(2), self.y, p.t(f"{i + j + 1}. {item}" if self.rng.random() < 0.5 else item), self.size)
                r = self.rng.random()
                if r < 0.92:
                    colour = self.hand_ink
                    cx, cy = x + b // 2, self.y + p.mm(0.8) + b // 2
                    k = b // 2
                    if r < 0.85:
                        p.draw.line([(cx - k, cy), (cx - k // 4, cy + k), (cx + k + k // 2, cy - k - k // 3)], fill=colour, width=max(2, self.dpi // 70))
                    else:
                        p.draw.line([(cx - k, cy - k), (cx + k, cy + k)], fill=colour, width=max(2, self.dpi // 70))
                        p.draw.line([(cx - k, cy + k), (cx + k, cy - k)], fill=colour, width=max(2, self.dpi // 70))
            self.y += row_h
        self.y += p.mm(3)

    def signatures(self, parties: list[tuple[str, str, bool]], *, at_foot: bool | None = None) -> None:
        """The document's signature fields: stacked, side by side, or pushed to the foot of the page."""
        if self.shape == "grid" and len(parties) >= 2:
            self._grid(parties)
            return
        p = self.p
        n = len(parties)
        side = n >= 2 and self.rng.random() < 0.5 and self.shape not in ("cell",)
        w_all = self.right - self.left
        est = p.mm(26) * ((n + 1) // 2 if side else n) + p.mm(10)
        self.need(est)
        p = self.p
        if at_foot if at_foot is not None else self.rng.random() < 0.35:
            self.y = max(self.y, self.bottom - est)
        self.gap(2)
        if side:
            cw = w_all // 2
            heights: list[int] = []
            for i, (party, role, co) in enumerate(parties):
                x = self.left + (i % 2) * cw
                if i % 2 == 0 and i:
                    self.y += max(heights)
                    heights = []
                    self.need(p.mm(26))
                    p = self.p
                shape = self._shape()
                heights.append(draw_field(p, x, self.y, cw - p.mm(8), self.site.label(party, co, second=self.second), role, shape, self.site.colon, co, self.size))
                if co:
                    self.seal_spots.append((len(self.pages) - 1, x + cw // 2, self.y + p.mm(8)))
            self.y += max(heights)
        else:
            for party, role, co in parties:
                self.need(p.mm(26))
                p = self.p
                shape = self._shape()
                w = min(w_all, p.mm(self.rng.uniform(75, 110)))
                x = self.right - w if self.rng.random() < 0.5 else self.left
                self.y += draw_field(p, x, self.y, w, self.site.label(party, co, second=self.second), role, shape, self.site.colon, co, self.size)
                if co:
                    self.seal_spots.append((len(self.pages) - 1, x + w // 2, self.y - p.mm(10)))
        if self.rng.random() < 0.5:
            day = getattr(self, "_sign_day", None)
            if day and self.hand:  # the date written in by hand after the printed word
                self.need(self.p.line_h(self.size))
                b = self.p.text(self.left, self.y, self.p.t("日期："), self.size)
                self.p.text(b[2] + self.p.mm(2), self.y - self.p.mm(0.5), self.date(day), self.size + 1, role="hand", colour=self.hand_ink)
                self.y += self.p.line_h(self.size) + self.p.mm(1.8)
            else:
                self.line(f"日期：{self.date(day)}" if day else "日期：      年    月    日")
        self.gap(3)

    def contract_foot(self, sides: list[tuple[str, str, str, str]]) -> None:
        """Two columns, one per party: 'party（盖章）：name', then '<representative>（签字）：____', then the date.

        `sides`: (party word, printed name, representative word, "customer"/"staff")."""
        from .page import Spot
        from .sigfield import ROLES
        p = self.p
        lh = p.line_h(self.size)
        need = lh * 3 + p.mm(30)
        self.need(need)
        p = self.p
        if self.rng.random() < 0.5:
            self.y = max(self.y, self.bottom - need)
        cw = (self.right - self.left) // 2
        for i, (party, name, rep, who) in enumerate(sides):
            x, y = self.left + i * cw, self.y
            colon = self.site.colon or "："
            lb = p.text(x, y, p.t(f"{party}（盖章）{colon}"), self.size)
            p.text(lb[2], y, p.t(name), self.size)
            if who == "staff":
                self.seal_spots.append((len(self.pages) - 1, x + cw // 3, y + lh))
            y += lh + p.mm(8)
            lab = p.t(self.site.label(rep, second=self.second))
            lb = p.text(x, y + p.mm(6), lab + colon, self.size)
            x1 = x + cw - p.mm(8)
            p.hline(lb[2] + p.mm(1), x1, y + p.mm(6) + lh)
            p.spots.append(Spot(ROLES[who], lab, (lb[2] + p.mm(1), y - p.mm(4), x1, y + p.mm(6) + lh + p.mm(1))))
            y += lh + p.mm(10)
            p.text(x, y, p.t("日期" + colon + "　　　年　　月　　日"), self.size)
        self.y += need

    def _shape(self) -> str:
        shape = self.shape if self.rng.random() < 0.85 else self.rng.choice(self.site.shapes)
        return "cell" if shape == "grid" else shape

    def _grid(self, parties: list[tuple[str, str, bool]]) -> None:
        """Labels across one table row, each party's blank in the cell under its label."""
        from .page import Spot
        from .sigfield import ROLES
        p = self.p
        lh = p.line_h(self.size)
        head, body = lh + p.mm(3), p.mm(17)
        self.need(head + body + p.mm(8))
        p = self.p
        if self.rng.random() < 0.35:
            self.y = max(self.y, self.bottom - head - body - p.mm(6))
        cw = (self.right - self.left) // len(parties)
        for i, (party, who, co) in enumerate(parties):
            x = self.left + i * cw
            lab = p.t(self.site.label(party, co, second=self.second))
            p.rect((x, self.y, x + cw, self.y + head))
            p.rect((x, self.y + head, x + cw, self.y + head + body))
            p.text(x + cw // 2, self.y + p.mm(1.5), lab, self.size - 0.5, anchor="c")
            box = (x + p.mm(1.5), self.y + head + p.mm(1), x + cw - p.mm(1.5), self.y + head + body - p.mm(1))
            p.spots.append(Spot(ROLES[who], lab, box, co))
            if co:
                self.seal_spots.append((len(self.pages) - 1, x + cw // 2, self.y + head + body // 2))
        self.y += head + body + p.mm(6)

    def sign_day(self, d: dt.date) -> None:
        self._sign_day = d

    def finish(self) -> None:
        """Page numbers, in the site's style, once the page count is known."""
        fmt = self.site.page_numbers
        if not fmt or (len(self.pages) == 1 and self.rng.random() < 0.5):
            return
        for i, p in enumerate(self.pages, 1):
            p.text(p.width // 2, p.height - p.mm(14), p.t(fmt.format(i=i, n=len(self.pages))), 8.5, anchor="c", colour=INK)
