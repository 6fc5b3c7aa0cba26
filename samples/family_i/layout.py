"""A document laid out over pages: each site's header, key-value blocks, tables, paragraphs, tick lists and
its signature fields, in the shapes this family prints them."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence

from dossier.samples.family_i.page import INK, Page
from dossier.samples.family_i.sites import Site

A4 = (210.0, 297.0)
A4L = (297.0, 210.0)
A5L = (210.0, 148.0)
GREY = (225, 225, 225)


class Doc:
    """One document's pages, written top to bottom; a new page (no title) when the room runs out."""

    def __init__(self, site: Site | None, rng: random.Random, dpi: int, size: tuple[float, float] = A4,
                 hant: bool = False, paper: tuple[int, int, int] = (255, 255, 255), face: str | None = None,
                 margin: float = 16.0) -> None:
        self.site, self.rng, self.dpi, self.size, self.hant, self.paper = site, rng, dpi, size, hant, paper
        self.face = face or (rng.choice(site.faces) if site else "sans")
        self.bold = "mono" if self.face in ("mono", "zenhei_mono") else ("serifb" if self.face in ("serif", "ming") else "bold")
        self.m = margin
        self.pages: list[Page] = []
        self.title: str | None = None
        self.pt = 9.5 if size[1] < 200 else 10.5
        self.new_page()

    # -- pages -------------------------------------------------------------------------------------
    def new_page(self) -> Page:
        pg = Page(self.size[0], self.size[1], self.dpi, self.hant, self.paper, index=len(self.pages))
        pg.continuation = bool(self.pages)
        self.pages.append(pg)
        self.y = self.m + 2
        return pg

    @property
    def pg(self) -> Page:
        return self.pages[-1]

    @property
    def w(self) -> float:
        return self.size[0] - 2 * self.m

    @property
    def bottom(self) -> float:
        return self.size[1] - self.m

    def ensure(self, h: float) -> None:
        if self.y + h > self.bottom - 6:
            self.new_page()

    def space(self, mm: float) -> None:
        self.y += mm

    def t(self, s: str) -> str:
        return self.pg.t(s)

    def number_pages(self, style: str) -> None:
        n = len(self.pages)
        if n < 2:
            return
        for k, pg in enumerate(self.pages, 1):
            s = {"cn": f"第{k}页 共{n}页", "en": f"Page {k}/{n}", "dash": f"— {k} —", "slash": f"{k}/{n}"}[style]
            pg.text(self.size[0] / 2, self.size[1] - 7, s, 8, self.face, "ms")

    # -- headers -----------------------------------------------------------------------------------
    def header(self, title: str, style: str | None = None, sub: str | None = None) -> str:
        """The site's header and the title; returns the title as printed."""
        s = self.site
        style = style or (s.header if s else "plain")
        pg, x0, x1 = self.pg, self.m, self.size[0] - self.m
        acc = s.accent if s else INK
        printed = pg.t(title)
        if style == "bar":
            pg.rect(x0, self.y, x1, self.y + 9, 0.1, fill=acc, colour=acc)
            pg.text(x0 + 3, self.y + 6.6, s.brand if s else "", 11, "bold", colour=(255, 255, 255))
            pg.text(x1 - 3, self.y + 6.2, s.company if s else "", 8, self.face, "rs", colour=(255, 255, 255))
            self.y += 17
            pg.text(self.size[0] / 2, self.y, title, 15, "bold", "ms")
            self.y += 4
        elif style == "dms":
            pg.text(x0, self.y + 3, s.company if s else "", 9, self.face)
            pg.text(x1, self.y + 3, f"DMS {self.rng.choice(('R3.2', 'V5', '6.1'))}", 8, self.face, "rs")
            self.y += 11
            pg.text(self.size[0] / 2, self.y, title, 13, self.face, "ms")
            self.y += 3
            pg.line(x0, self.y, x1, self.y, 0.2)
            pg.line(x0, self.y + 0.9, x1, self.y + 0.9, 0.2)
            self.y += 3
        elif style == "double":
            pg.text(x0, self.y + 3, s.brand if s else "", 8.5, "bold", colour=acc)
            pg.text(self.size[0] / 2, self.y + 9, s.company if s else "", 11, self.face, "ms")
            self.y += 14
            b = pg.text(self.size[0] / 2, self.y + 8, title, 15, self.bold, "ms")
            pg.rect(b[0] - 5, b[1] - 3, b[2] + 5, b[3] + 3, 0.35)
            pg.rect(b[0] - 6.2, b[1] - 4.2, b[2] + 6.2, b[3] + 4.2, 0.2)
            self.y += 16
        elif style == "english":
            brand = (s.brand if s else "").split(" ")
            latin = " ".join(w for w in brand if w.isascii())
            pg.text(x0, self.y + 7, latin, 17, "bold", colour=acc)
            pg.text(x1, self.y + 3.5, s.company if s else "", 8, self.face, "rs")
            pg.text(x1, self.y + 8, "".join(w for w in brand if not w.isascii()) + "特约销售服务店", 8, self.face, "rs")
            self.y += 11
            pg.line(x0, self.y, x1, self.y, 0.6, acc)
            self.y += 10
            pg.text(x0, self.y, title, 14, "bold")
            self.y += 4
        elif style == "bilingual":
            pg.text(x0, self.y + 6, s.brand if s else "", 14, "bold", colour=acc)
            pg.text(x1, self.y + 3, "物业管理处", 8, self.face, "rs")
            pg.text(x1, self.y + 7, "Property Management Office", 8, self.face, "rs")
            self.y += 10
            pg.line(x0, self.y, x1, self.y, 0.4, acc)
            self.y += 10
            pg.text(self.size[0] / 2, self.y, title, 14, "bold", "ms")
            self.y += 4
        elif style == "letterhead":
            pg.text(self.size[0] / 2, self.y + 9, s.company if s else "", 17, "serifb", "ms", colour=acc)
            self.y += 12
            pg.line(x0, self.y, x1, self.y, 0.8, acc)
            pg.line(x0, self.y + 1.3, x1, self.y + 1.3, 0.25, acc)
            self.y += 12
            pg.text(self.size[0] / 2, self.y, title, 14, self.bold, "ms")
            self.y += 4
        elif style == "ledger":
            pg.text(x0, self.y + 3, f"{s.brand if s else ''}", 8, self.face)
            self.y += 13
            b = pg.hand(self.size[0] / 2, self.y, title, self.rng, 16, "ms", "black")
            pg.wobbly(b[0] - 2, b[3] + 1.5, b[2] + 2, b[3] + 1.5, self.rng)
            self.y += 6
        else:  # plain: a bare title, government and insurer papers
            pg.text(self.size[0] / 2, self.y + 6, title, 15, self.bold, "ms")
            self.y += 9
        if sub:
            self.y += 5
            pg.text(self.size[0] / 2, self.y, sub, 8.5, self.face, "ms")
        self.y += 5
        self.title = printed
        return printed

    # -- blocks ------------------------------------------------------------------------------------
    def kv(self, items: Sequence[tuple[str, str]], cols: int = 2, style: str = "cells", hand: Collection[str] = (),
           label_w: float | None = None, pt: float | None = None) -> None:
        """Label-value pairs, `cols` to a row; values whose label is in `hand` are written in by hand."""
        pt = pt or self.pt
        pg = self.pg
        row_h = pt * 0.55 + 3.2
        cw = self.w / cols
        lw = label_w or max(pg.width(lab + "：", pt, self.face) for lab, _ in items) + 1.5
        if style == "mono":
            lw = max(pg.width(lab.ljust(5, "　") + ": ", pt, self.face) for lab, _ in items)
        lw = min(lw, cw * 0.55)
        rows: list[list[tuple[str, str]]] = []
        cur: list[tuple[str, str]] = []
        for it in items:  # a value too long for its cell takes a whole row
            if cols > 1 and lw + pg.width(it[1], pt + 1, self.face) + 4 > cw:
                if cur:
                    rows.append(cur)
                    cur = []
                rows.append([it])
                continue
            cur.append(it)
            if len(cur) == cols:
                rows.append(cur)
                cur = []
        if cur:
            rows.append(cur)
        for row in rows:
            self.ensure(row_h)
            pg = self.pg
            base = self.y + row_h - 2.0
            rw = self.w if len(row) == 1 and cols > 1 and lw + pg.width(row[0][1], pt + 1, self.face) + 4 > cw else cw
            for c, (lab, val) in enumerate(row):
                x = self.m + c * cw
                if style == "cells":
                    pg.rect(x, self.y, x + lw, self.y + row_h, 0.2, fill=GREY)
                    pg.rect(x + lw, self.y, x + rw, self.y + row_h, 0.2)
                    pg.text(x + 1.5, base, lab, pt, self.face)
                elif style == "mono":
                    pg.text(x, base, lab.ljust(5, "　") + ":", pt, self.face)
                else:
                    pg.text(x, base, lab + "：", pt, self.face)
                if style == "under":
                    pg.line(x + lw, base + 0.8, x + rw - 4, base + 0.8, 0.2)
                if not val:
                    continue
                vx = x + lw + (1.5 if style == "cells" else 0.5)
                if lab in hand:
                    pg.hand(vx, base, val, self.rng, pt + 1)
                else:
                    pg.text(vx, base, val, pt, self.face)
            self.y += row_h + (0 if style == "cells" else 1.2)
        self.y += 3

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], style: str = "ruled",
              pt: float | None = None, right: Sequence[int] = ()) -> None:
        """A table; `widths` are shares of the line; its head is printed again on a new page."""
        pt = pt or self.pt - 0.5
        row_h = pt * 0.5 + 3.4
        total = sum(widths)
        xs = [self.m]
        for wd in widths:
            xs.append(xs[-1] + self.w * wd / total)

        def draw_row(cells: Sequence[str], is_head: bool) -> None:
            self.ensure(row_h)
            pg = self.pg
            base = self.y + row_h - 1.8
            if style == "ruled":
                if is_head:
                    pg.rect(xs[0], self.y, xs[-1], self.y + row_h, 0.2, fill=GREY)
                for a, b in zip(xs, xs[1:], strict=False):
                    pg.rect(a, self.y, b, self.y + row_h, 0.2)
            for c, cell in enumerate(cells):
                if not cell:
                    continue
                if c in right and not is_head:
                    pg.text(xs[c + 1] - 1.2, base, cell, pt, self.face, "rs")
                else:
                    pg.text(xs[c] + 1.2, base, cell, pt, self.bold if is_head and style == "ruled" else self.face)
            self.y += row_h
            if style == "mono" and is_head:
                pg.line(xs[0], self.y - 0.6, xs[-1], self.y - 0.6, 0.15)

        if style == "mono":
            self.pg.line(xs[0], self.y, xs[-1], self.y, 0.15)
        draw_row(head, True)
        first = self.pg
        for r in rows:
            draw_row(r, False)
            if self.pg is not first and self.y - row_h <= self.m + 2 + 0.01:
                first = self.pg
                self.y -= row_h
                draw_row(head, True)
                draw_row(r, False)
        if style == "mono":
            self.pg.line(xs[0], self.y + 0.4, xs[-1], self.y + 0.4, 0.15)
        self.y += 4

    def para(self, text: str, pt: float | None = None, indent: float = 0.0, face: str | None = None) -> None:
        pt = pt or self.pt - 1
        face = face or self.face
        lh = pt * 0.45 + 1.6
        line = ""
        for ch in self.t(text):
            if self.pg.width(line + ch, pt, face) > self.w - indent and line:
                self._para_line(line, pt, indent, face, lh)
                line = ""
            line += ch
        if line:
            self._para_line(line, pt, indent, face, lh)
        self.y += 1.5

    def _para_line(self, line: str, pt: float, indent: float, face: str, lh: float) -> None:
        self.ensure(lh)
        self.pg.text(self.m + indent, self.y + lh - 1, line, pt, face, convert=False)
        self.y += lh

    def ticks(self, items: Sequence[str], bad: set[int], style: str = "cols", pen: str = "blue") -> None:
        """A check list marked by hand: 正常/异常 columns, boxes or OK/NG."""
        pt = self.pt - 0.5
        row_h = pt * 0.5 + 3.6
        if style == "cols":
            ww = (0.1, 0.6, 0.15, 0.15)
            xs = [self.m]
            for v in ww:
                xs.append(xs[-1] + self.w * v)
            self.ensure(row_h * 2)
            for k, cells in enumerate([("序号", "检查项目", "正常", "异常")] + [(str(i + 1), it, "", "") for i, it in
                                                                          enumerate(items)]):
                self.ensure(row_h)
                pg = self.pg
                for c in range(4):
                    pg.rect(xs[c], self.y, xs[c + 1], self.y + row_h, 0.2, fill=GREY if k == 0 else None)
                    if cells[c]:
                        pg.text(xs[c] + 1.2, self.y + row_h - 1.8, cells[c], pt, self.face)
                if k:
                    col = 3 if (k - 1) in bad else 2
                    self._tick(pg, (xs[col] + xs[col + 1]) / 2, self.y + row_h / 2, row_h * 0.35, pen)
                self.y += row_h
        else:
            half = self.w / 2
            for i, it in enumerate(items):
                if i % 2 == 0:
                    self.ensure(row_h)
                pg = self.pg
                x = self.m + (i % 2) * half
                if style == "boxes":
                    pg.rect(x, self.y + 0.8, x + 3.4, self.y + 4.2, 0.2)
                    pg.text(x + 5, self.y + row_h - 1.8, it, pt, self.face)
                    if i not in bad:
                        self._tick(pg, x + 1.7, self.y + 2.5, 1.9, pen)
                else:
                    pg.text(x, self.y + row_h - 1.8, it, pt, self.face)
                    pg.dotted(x + pg.width(it, pt, self.face) + 1.5, self.y + row_h - 2, x + half - 22)
                    pg.text(x + half - 19, self.y + row_h - 1.8, "OK  /  NG", pt - 1, "sans")
                    ox = x + half - 17.6 if i not in bad else x + half - 9.6
                    pg.draw.ellipse((pg.px(ox - 3), pg.px(self.y + 0.6), pg.px(ox + 3.6), pg.px(self.y + row_h - 0.6)),
                                    outline=(28, 48, 150), width=max(1, pg.px(0.25)))
                if i % 2 == 1 or i == len(items) - 1:
                    self.y += row_h
        self.y += 4

    def _tick(self, pg: Page, cx: float, cy: float, r: float, pen: str) -> None:
        col = (28, 48, 150) if pen == "blue" else (30, 30, 36)
        j = self.rng.uniform
        pts = [(cx - r * 0.8 + j(-0.2, 0.2), cy), (cx - r * 0.15, cy + r * 0.7), (cx + r + j(-0.2, 0.3), cy - r * 0.9)]
        pg.draw.line([(pg.px(a), pg.px(b)) for a, b in pts], fill=col, width=max(1, pg.px(0.35)))

    # -- signature fields ----------------------------------------------------------------------------
    def sigs(self, fields: Sequence[tuple[str, str]], style: str, thumb: bool = False) -> list[int]:
        """Signature fields (role, label) in one of the family's shapes; returns the slots' indices on the page."""
        pt = self.pt
        out: list[int] = []
        if style == "grid":
            n = len(fields)
            h = 24.0
            self.ensure(h + 2)
            pg = self.pg
            cw = self.w / n
            for i, (role, label) in enumerate(fields):
                x = self.m + i * cw
                pg.rect(x, self.y, x + cw, self.y + 7, 0.25, fill=GREY)
                pg.rect(x, self.y + 7, x + cw, self.y + h, 0.25)
                pg.text(x + cw / 2, self.y + 5.2, label, pt - 0.5, self.face, "ms")
                out.append(len(pg.slots))
                pg.slot(role, label, (x + 0.8, self.y + 7.8, x + cw - 0.8, self.y + h - 0.8))
            self.y += h + 4
            return out
        if style == "box":
            per = 2
            cw = (self.w - 6) / per
            h = 22.0
            for i, (role, label) in enumerate(fields):
                if i % per == 0:
                    self.ensure(h + 3)
                pg = self.pg
                x = self.m + (i % per) * (cw + 6)
                pg.rect(x, self.y, x + cw, self.y + h, 0.3)
                b = pg.text(x + 1.5, self.y + 4.6, label, pt - 1.5, self.face)
                tx = None
                if thumb and role == "customer":
                    pg.text(x + cw - 1.5, self.y + 4.6, "（簽名並按指印）" if self.hant else "（签名并按指印）", pt - 2.5,
                            self.face, "rs")
                    tx = (x + cw - 9.0, self.y + h / 2 + 3.5)
                out.append(len(pg.slots))
                pg.slot(role, label, (x + 0.8, b[3] + 0.8, x + cw - (19 if tx else 0.8), self.y + h - 0.8),
                        thumb=tx)
                if i % per == per - 1 or i == len(fields) - 1:
                    self.y += h + 4
            return out
        if style == "initials":
            h = 10.0
            self.ensure(h + 2)
            pg = self.pg
            x = self.m
            for role, label in fields:  # staff initial a small box; the customer still signs in full
                small = role == "staff"
                label = label + "(简签)" if small and "(" not in label else label
                b = pg.text(x, self.y + 7, label, pt - 0.5, self.face)
                bw = 17.0 if small else 46.0
                pg.rect(b[2] + 1.5, self.y, b[2] + 1.5 + bw, self.y + h, 0.25)
                out.append(len(pg.slots))
                pg.slot(role, label, (b[2] + 2.1, self.y + 0.6, b[2] + 0.9 + bw, self.y + h - 0.6), small=small)
                x = b[2] + bw + 10
            self.y += h + 4
            return out
        if style == "bracket":
            h = 11.0
            self.ensure(h + 2)
            pg = self.pg
            x = self.m
            for role, label in fields:
                b = pg.text(x, self.y + 8, label + "【", pt, self.face)
                e = pg.text(b[2] + 40, self.y + 8, "】", pt, self.face)
                out.append(len(pg.slots))
                pg.slot(role, label, (b[2] + 0.3, self.y - 1, e[0] - 0.3, self.y + 10.5))
                x = e[2] + 8
            self.y += h + 4
            return out
        if style == "en":  # a rule with its label beneath, bilingual
            h = 20.0
            per = 2 if len(fields) > 1 else 1
            cw = (self.w - 14) / 2
            for i, (role, label) in enumerate(fields):
                if i % per == 0:
                    self.ensure(h + 2)
                pg = self.pg
                x = self.m + (i % per) * (cw + 14)
                ry = self.y + 13
                pg.line(x, ry, x + cw, ry, 0.3)
                pg.text(x, ry + 4.5, label, pt - 1, self.face)
                out.append(len(pg.slots))
                pg.slot(role, label, (x, self.y, x + cw, ry - 0.6))
                if i % per == per - 1 or i == len(fields) - 1:
                    self.y += h + 2
            return out
        if style == "juje":  # a sworn statement above the customer's line: 具结
            self.para("以上所填内容经本人核对无误，车辆及物品状况已当面确认；如有不实，愿负全部责任。此具结。", pt - 1)
            fields = [("customer", "具结人") if role == "customer" else (role, label) for role, label in fields]
        # line, dated, thumb, juje: label + colon + a rule, one or two to a line
        per = 1 if style in ("dated", "juje") or len(fields) == 1 else 2
        longest = max(self.pg.width(label + "：", pt, self.face) for _, label in fields)
        if per == 2 and longest + 35 > self.w / 2 - 8:  # long bilingual labels: one field to a line
            per = 1
        cw = self.w / per
        h = 12.0
        for i, (role, label) in enumerate(fields):
            if i % per == 0:
                self.ensure(h + 2)
            pg = self.pg
            x = self.m + (i % per) * cw
            base = self.y + 9
            b = pg.text(x, base, label + "：", pt, self.face)
            end = max(x + min(cw - 8, 62 if style != "dated" else 55), b[2] + 40)
            tx = None
            if style == "thumb" and role == "customer":
                end = min(end, x + cw - 24)
                tx = (end + 9, base - 3.5)
            if style == "dated":
                pg.text(end + 6, base, "日期：", pt, self.face)
                dx = end + 6 + pg.width("日期：", pt, self.face)
                pg.text(dx + 12, base, "年", pt, self.face)
                pg.text(dx + 21, base, "月", pt, self.face)
                pg.text(dx + 30, base, "日", pt, self.face)
            pg.line(b[2] + 0.5, base + 0.9, end, base + 0.9, 0.25)
            out.append(len(pg.slots))
            pg.slot(role, label, (b[2] + 0.6, self.y - 1.0, end, base + 0.3), thumb=tx)
            if i % per == per - 1 or i == len(fields) - 1:
                self.y += h + 3
        return out
