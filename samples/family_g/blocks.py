"""Layout blocks shared by family g's forms: letterheads, key-value grids, item tables, tick lists, clauses,
and signature feet in many shapes (each records its blank region as a signature slot)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from .canvas import INK, Sheet
from .sites import Site

Pair = tuple[str, str, bool]  # label, value, filled in by hand


def header(sh: Sheet, site: Site, title: str, en: str | None, number: str | None, rng: random.Random,
           style: int | None = None) -> float:
    """The letterhead and the title; returns the y (mm) below it."""
    s = site.head_style if style is None else style
    W = sh.w_mm
    m = 14.0
    ink = site.form_ink
    y = 10.0
    if s == 0:  # company line left, phone right, a rule, title centred
        sh.text(m, y, site.name, 9.5, "bold", colour=ink)
        sh.text(W - m, y + 0.5, "服务热线 " + site.phone, 8, colour=ink, anchor="r")
        sh.hline(m, W - m, y + 5.5, 0.5, ink)
        y += 9
    elif s == 1:  # a boxed logo with the short name, the company under it
        sh.rect(m, y, m + 11, y + 11, 0.6, ink)
        sh.text(m + 5.5, y + 2.3, site.short[:2], 11, "bold", colour=ink, anchor="m")
        sh.text(m + 14, y + 0.5, site.short, 12, "bold", colour=ink)
        sh.text(m + 14, y + 6.5, site.name, 7.5, colour=ink)
        y += 15
    elif s == 2:  # right-aligned letterhead with an English line
        sh.text(W - m, y, site.short, 13, "bold", colour=ink, anchor="r")
        sh.text(W - m, y + 6.5, site.name, 7.5, colour=ink, anchor="r")
        sh.hline(m, W - m, y + 11.5, 1.0, ink)
        sh.hline(m, W - m, y + 12.6, 0.2, ink)
        y += 16
    else:  # no letterhead at all: the company is in the title
        y += 2
    if en and site.english:
        sh.text(W / 2, y, en.upper(), 12, "bold", colour=ink, anchor="m", convert=False)
        y += 6.5
        sh.text(W / 2, y, title, 13, site.title_face, colour=ink, anchor="m", convert=False)
        y += 8
    else:
        sh.text(W / 2, y, title, 16 if s != 3 else 15, site.title_face, colour=ink, anchor="m", convert=False)
        y += 9
        if en:
            sh.text(W / 2, y - 1.5, en, 8, colour=ink, anchor="m", convert=False)
            y += 4
    if sh.paper != (255, 255, 255):  # a carbonless set: which part of it this sheet is
        sh.text(m, y, rng.choice(["②客户联", "第二联：客户留存", "第三联 财务联", "白联存根 红联客户"]), 8.5, colour=ink)
        if not number:
            y += 5.5
    if number:
        sh.text(W - m, y, number, 9, "mono", colour=ink, anchor="r")
        y += 5.5
    return y


def kv_grid(sh: Sheet, y: float, pairs: Sequence[Pair], cols: int, style: int, rng: random.Random,
            ink: tuple[int, int, int] = INK, x0: float = 14.0, x1: float | None = None, pt: float = 9.5) -> float:
    """Label/value pairs, `cols` to a row: 0 ruled cells, 1 label then underlined value, 2 shaded labels."""
    x1 = sh.w_mm - 14.0 if x1 is None else x1
    cw = (x1 - x0) / cols
    rh = 8.5 if style != 1 else 8.0
    rows = [pairs[i:i + cols] for i in range(0, len(pairs), cols)]
    for r, row in enumerate(rows):
        top = y + r * rh
        for c, (label, value, by_hand) in enumerate(row):
            left = x0 + c * cw
            lw = min(cw * 0.5, max(16.0, sh.width(label, pt) + 3))
            if style == 1:
                sh.text(left + 1, top + 2, label + "：", pt, colour=ink)
                sh.hline(left + lw + 2, left + cw - 3, top + 7, 0.2, ink)
                vx = left + lw + 3
            else:
                if style == 2:
                    sh.rect(left, top, left + lw, top + rh, 0.25, ink, fill=(232, 232, 232))
                sh.rect(left, top, left + cw, top + rh, 0.25, ink)
                sh.vline(left + lw, top, top + rh, 0.25, ink)
                sh.text(left + 1.5, top + 2.2, label, pt, colour=ink)
                vx = left + lw + 1.5
            if value:
                if by_hand:
                    sh.hand(vx, top + 1.2, value, pt + 1.5, rng)
                else:
                    sh.text(vx, top + 2.2, value, pt)
        if len(row) < cols and style != 1:
            sh.rect(x0 + len(row) * cw, top, x1, top + rh, 0.25, ink)
    return y + len(rows) * rh + 3


def table(sh: Sheet, y: float, heads: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          ink: tuple[int, int, int] = INK, pt: float = 9, x0: float = 14.0, ruled: bool = True) -> float:
    total = sum(widths)
    scale = (sh.w_mm - 2 * x0) / total
    ws = [w * scale for w in widths]
    rh = 7.0
    xs = [x0]
    for w in ws:
        xs.append(xs[-1] + w)
    sh.rect(x0, y, xs[-1], y + rh, 0.3, ink, fill=(238, 238, 238) if ruled else None)
    for k, h in enumerate(heads):
        sh.text((xs[k] + xs[k + 1]) / 2, y + 1.7, h, pt, "bold", colour=ink, anchor="m")
    y += rh
    for row in rows:
        for k, v in enumerate(row):
            anchor = "r" if k and _numeric(v) else "l"
            sh.text(xs[k + 1] - 1.5 if anchor == "r" else xs[k] + 1.5, y + 1.7, v, pt, anchor=anchor)
        if ruled:
            sh.hline(x0, xs[-1], y + rh, 0.2, ink)
        y += rh
    if ruled:
        for x in xs:
            sh.vline(x, y - rh * (len(rows) + 1), y, 0.25, ink)
    else:
        sh.hline(x0, xs[-1], y + 0.5, 0.4, ink)
    return y + 3


def _numeric(v: str) -> bool:
    return bool(v) and all(c in "0123456789.,¥-% " for c in v)


def ticks(sh: Sheet, y: float, items: Sequence[str], style: int, rng: random.Random, ink: tuple[int, int, int] = INK,
          cols: int = 2, pt: float = 9) -> float:
    """A check list: 0 '□正常 □异常' boxes, 1 a result column with √/×, 2 numbered items with OK/NG circled, 3 a tick box before each item."""
    x0, x1 = 14.0, sh.w_mm - 14.0
    cw = (x1 - x0) / cols
    rh = 6.8
    for i, item in enumerate(items):
        r, c = divmod(i, cols)
        left, top = x0 + c * cw, y + r * rh
        good = rng.random() < 0.9
        if style == 0:
            sh.text(left + 1, top + 1.5, f"{i + 1}. {item}", pt, colour=ink)
            bx = left + cw - 34
            sh.tickbox(bx, top + 1.6, 3, good, rng, ink)
            sh.text(bx + 4, top + 1.5, "正常", pt - 1, colour=ink)
            sh.tickbox(bx + 15, top + 1.6, 3, not good, rng, ink)
            sh.text(bx + 19, top + 1.5, "异常", pt - 1, colour=ink)
        elif style == 1:
            sh.rect(left, top, left + cw, top + rh, 0.2, ink)
            sh.vline(left + cw - 14, top, top + rh, 0.2, ink)
            sh.text(left + 1.5, top + 1.5, item, pt, colour=ink)
            sh.hand(left + cw - 9, top + 1.2, "√" if good else "×", pt + 1, rng)
        elif style == 3:  # a plain tick box before the item, ticked where it applies
            sh.tickbox(left + 1, top + 1.6, 3, good, rng, ink)
            sh.text(left + 6, top + 1.5, item, pt, colour=ink)
        else:
            sh.text(left + 1, top + 1.5, f"({i + 1}) {item}", pt, colour=ink)
            ox = left + cw - 22
            sh.text(ox, top + 1.5, "OK", pt - 1, colour=ink, convert=False)
            sh.text(ox + 10, top + 1.5, "NG", pt - 1, colour=ink, convert=False)
            cx = ox + (2.3 if good else 12.3)
            r_ = sh.px(2.8)
            X, Y = sh.px(cx), sh.px(top + 3.3)
            sh.draw.ellipse((X - r_, Y - r_, X + r_, Y + r_), outline=(25, 50, 150), width=max(2, sh.px(0.35)))
    n = (len(items) + cols - 1) // cols
    return y + n * rh + 3


def clauses(sh: Sheet, y: float, texts: Sequence[str], pt: float = 9.5, numbering: int = 0, bottom: float | None = None
            ) -> tuple[float, list[str]]:
    """Numbered clauses; stops before `bottom` and returns the clauses that did not fit."""
    x0, w = 16.0, sh.w_mm - 32.0
    for k, t in enumerate(texts):
        if bottom is not None and y + 12 > bottom:
            return y, list(texts[k:])
        num = [f"第{_cn(k + 1)}条　", f"{k + 1}、", f"{k + 1}. ", f"（{_cn(k + 1)}）"][numbering % 4]
        y = sh.wrap(x0, y, w, num + t, pt) + 1.0
    return y, []


def _cn(n: int) -> str:
    d = "零一二三四五六七八九"
    if n <= 10:
        return "十" if n == 10 else d[n]
    return ("" if n < 20 else d[n // 10]) + "十" + ("" if n % 10 == 0 else d[n % 10])


# -- signature feet ------------------------------------------------------------------------------------------------

Party = tuple[str, str, int | None]  # role, printed label, writer


def sig_foot(sh: Sheet, y: float, parties: Sequence[Party], style: str, rng: random.Random, site: Site,
             date_text: str | None = None, ink: tuple[int, int, int] = INK) -> float:
    """Signature fields for `parties` in one of several shapes; each blank region becomes a slot."""
    x0, x1 = 14.0, sh.w_mm - 14.0
    n = len(parties)
    if style == "rule":  # label：______ side by side
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw
            lb = sh.text(left, y + 6, label + "：", 10, colour=ink)
            lx = lb[2] * 25.4 / sh.dpi + 1
            sh.hline(lx, left + cw - 4, y + 12, 0.25, ink)
            sh.slot(role, label, lx, y, left + cw - 4, y + 12, who)
        y += 15
        if date_text is not None:
            sh.text(x1, y, "日期：" + date_text, 9.5, colour=ink, anchor="r")
            y += 6
        return y
    if style == "under":  # a rule with the label centred below it
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw + 4
            right = left + cw - 12
            sh.hline(left, right, y + 13, 0.3, ink)
            sh.text((left + right) / 2, y + 14.5, f"（{label}）", 9, colour=ink, anchor="m")
            sh.slot(role, label, left, y, right, y + 13, who)
        return y + 22
    if style == "grid":  # a row of boxes, the label printed in each box's top-left corner
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw
            sh.rect(left, y, left + cw, y + 22, 0.35, ink)
            sh.text(left + 1.5, y + 1.2, label, 8.5, colour=ink)
            sh.slot(role, label, left + 1, y + 6, left + cw - 1, y + 21, who)
        y += 25
        if date_text is not None:
            sh.text(x0, y, date_text, 9, colour=ink)
            y += 6
        return y
    if style == "cells":  # one table row: | label | blank | label | blank |
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw
            lw = min(cw * 0.45, sh.width(label, 9) + 4)
            sh.rect(left, y, left + cw, y + 14, 0.3, ink)
            sh.vline(left + lw, y, y + 14, 0.3, ink)
            sh.wrap(left + 1.5, y + 2, lw - 2.5, label, 9)
            sh.slot(role, label, left + lw + 0.8, y + 0.8, left + cw - 0.8, y + 13.2, who)
        return y + 17
    if style == "stack":  # label and date line, one party under the other, at the right
        for role, label, who in parties:
            sh.text(x1 - 78, y + 5, label + "：", 10, colour=ink)
            sh.slot(role, label, x1 - 48, y, x1 - 4, y + 10, who)
            sh.hline(x1 - 48, x1 - 4, y + 10, 0.2, ink, dashed=True)
            y += 13
        if date_text is not None:
            sh.text(x1 - 4, y, date_text, 9.5, colour=ink, anchor="r")
            y += 6
        return y + 2
    if style == "box":  # a framed area per party, the label above the frame, "signature & date" beneath
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw + 2
            sh.text(left, y, label, 9, "bold", colour=ink)
            sh.rect(left, y + 5.5, left + cw - 8, y + 20, 0.3, ink)
            lead = "Signature / 日期 "
            sh.slot(role, label, left + 0.8, y + 6.3, left + cw - 8.8, y + 19.2, who,
                    [(left + sh.width(lead, 7.5) + 1, y + 21, "ymd")])
            sh.text(left, y + 21, lead + "____________", 7.5, colour=ink)
        return y + 28
    if style == "dated":  # label, a blank and 年 月 日 on each line
        for role, label, who in parties:
            lb = sh.text(x0 + 2, y + 5, label, 10, colour=ink)
            lx = lb[2] * 25.4 / sh.dpi + 3
            dx = lx + 54
            sh.slot(role, label, lx, y, lx + 48, y + 11, who,
                    [(dx + 1, y + 5, "y"), (dx + sh.width("______年", 9.5) + 1, y + 5, "m"),
                     (dx + sh.width("______年____月", 9.5) + 1, y + 5, "d")])
            sh.hline(lx, lx + 48, y + 11, 0.2, ink)
            sh.text(dx, y + 5, "______年____月____日", 9.5, colour=ink)
            y += 14
        return y + 2
    if style == "vertical":  # a narrow column with the label stacked, a large cell beside it
        cw = (x1 - x0) / n
        for k, (role, label, who) in enumerate(parties):
            left = x0 + k * cw
            lab = label.replace("：", "")
            hgt = max(24.0, len(lab) * 4.4 + 4)
            sh.rect(left, y, left + cw, y + hgt, 0.3, ink)
            sh.vline(left + 8, y, y + hgt, 0.3, ink)
            sh.vertical(left + 4, y + 2, lab, 9)
            sh.slot(role, label, left + 8.8, y + 0.8, left + cw - 0.8, y + hgt - 0.8, who)
        return y + max(24.0, max(len(p[1]) for p in parties) * 4.4 + 4) + 3
    # "inline": a sentence of confirmation, the blank after it and 签字 in brackets
    for role, label, who in parties:
        lb = sh.text(x0 + 2, y + 5, label, 10, colour=ink)
        lx = lb[2] * 25.4 / sh.dpi + 2
        sh.hline(lx, lx + 42, y + 11, 0.2, ink)
        sh.slot(role, label, lx, y, lx + 42, y + 11, who)
        sh.text(lx + 44, y + 5, "（签字）", 9, colour=ink)
        y += 14
    return y + 2
