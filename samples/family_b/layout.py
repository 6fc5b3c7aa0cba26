"""How a `Spec` is printed: ruled grids, labelled lines, contract clauses, letters and A5 cards.

Each layout returns its sheets with the signature fields placed and where a seal would go.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .canvas import BODY_FONTS, Field, Sheet
from .docs import Party, Spec
from .texts import SIGN_WORDS, label

CN_NUM = "一二三四五六七八九十"


@dataclass
class Flow:
    """Sheets in order and the pen's position on the last one."""

    sheets: list[Sheet]
    y: float
    margin: float
    bottom: float

    @property
    def s(self) -> Sheet:
        return self.sheets[-1]

    def need(self, h: float) -> None:
        if self.y + h > self.bottom:
            old = self.s
            new = Sheet(old.width_mm, old.height_mm, old.dpi, old.face, old.trad, old.rng, old.pt)
            self.sheets.append(new)
            self.y = self.margin


def new_sheet(rng: random.Random, spec: Spec, dpi: int, trad: bool) -> Sheet:
    w, h = (210, 148) if spec.small else (210, 297)
    pt = rng.choice((9.0, 10.0, 10.5, 11.0, 12.0)) if not spec.small else rng.choice((8.5, 9.0, 10.0))
    return Sheet(w, h, dpi, rng.choice(BODY_FONTS), trad, rng, pt)


def sign_label(rng: random.Random, p: Party) -> str:
    if any(w in p.party for w in SIGN_WORDS):
        return p.party + rng.choice(("：", "", ":"))
    return label(rng, p.party)


def head(f: Flow, spec: Spec, rng: random.Random) -> None:
    s = f.s
    if spec.header and rng.random() < 0.85:
        centred = rng.random() < 0.7
        s.text(s.W / 2 if centred else f.margin, f.y, spec.header, s.pt * 1.05, anchor="ma" if centred else "la")
        f.y += s.line_h() * 1.5
    if spec.title:
        tpt = s.pt * rng.uniform(1.6, 2.3)
        s.text(s.W / 2, f.y, spec.title, tpt, bold=True, anchor="ma")
        f.y += s.line_h(tpt) * 1.4
    if spec.number:
        s.text(s.W - f.margin, f.y, spec.number, anchor="ra")
        f.y += s.line_h() * 1.5


def kv_grid(f: Flow, spec: Spec, cols: int) -> None:
    s = f.s
    inner = s.W - 2 * f.margin
    pairs = list(spec.kv)
    row_h = s.line_h() * 1.7
    lw = inner / cols
    widths = [lw * 0.38, lw * 0.62] * cols
    rows = []
    while pairs:
        row: list[str] = []
        for _ in range(cols):
            if pairs:
                k, v = pairs.pop(0)
                if s.width(v) > lw * 0.6 - s.mm(3) and cols > 1 and not row:
                    row += [k, v] + [""] * (2 * cols - 2)  # a long value takes the whole row
                    break
                if s.width(v) > lw * 0.6 - s.mm(3) and row:
                    pairs.insert(0, (k, v))
                    break
                row += [k, v]
        rows.append(row)
    for row in rows:
        f.need(row_h)
        filled = [c for c in row if c]
        if len(filled) == 2 and cols > 1:
            f.s.grid(f.margin, f.y, [widths[0], inner - widths[0]], [row[:2]], row_h)
        else:
            f.s.grid(f.margin, f.y, widths, [row + [""] * (2 * cols - len(row))], row_h)
        f.y += row_h
    f.y += s.line_h() * 0.6


def kv_lines(f: Flow, spec: Spec, rng: random.Random) -> None:
    s = f.s
    inner = s.W - 2 * f.margin
    colon = rng.choice(("：", "：", ":"))
    under = rng.random() < 0.6
    half = inner / 2
    x_col = 0
    for k, v in spec.kv:
        text = f"{k}{colon}{v}" if not under else f"{k}{colon}"
        long = s.width(f"{k}{colon}{v}") > half - s.mm(4)
        if long and x_col:
            f.y += s.line_h() * 1.8
            x_col = 0
        f.need(s.line_h() * 1.8)
        x = f.margin + x_col * half
        b = f.s.text(x, f.y, text)
        if under:
            vb = f.s.text(b[2] + s.mm(2), f.y, v)
            end = x + (inner if long else half) - s.mm(4)
            f.s.rule(b[2] + s.mm(1), vb[3] + s.mm(1), end, vb[3] + s.mm(1), 1)
        if long or x_col:
            f.y += s.line_h() * 1.8
            x_col = 0
        else:
            x_col = 1
    if x_col:
        f.y += s.line_h() * 1.8
    f.y += s.line_h() * 0.4


def table(f: Flow, spec: Spec, rng: random.Random) -> None:
    if not spec.table:
        return
    cols, rows = spec.table
    s = f.s
    inner = s.W - 2 * f.margin
    weights = [max(2.0, max(len(c), *(len(r[i]) if i < len(r) else 0 for r in rows)) * 1.0) for i, c in enumerate(cols)]
    total = sum(weights)
    widths = [inner * w / total for w in weights]
    row_h = s.line_h() * rng.uniform(1.5, 1.9)
    f.need(row_h * 2)
    f.s.grid(f.margin, f.y, widths, [cols], row_h, head=True)
    f.y += row_h
    for r in rows:
        f.need(row_h)
        f.s.grid(f.margin, f.y, widths, [r], row_h)
        f.y += row_h
    f.y += s.line_h() * 0.8


def paragraphs(f: Flow, spec: Spec, rng: random.Random, numbered: bool) -> None:
    s = f.s
    inner = s.W - 2 * f.margin
    style = rng.randrange(3)
    for i, c in enumerate(spec.clauses, 1):
        if numbered:
            lead = (f"第{CN_NUM[i - 1] if i <= 10 else '十' + CN_NUM[i - 11]}条 ", f"{i}. ", f"{CN_NUM[(i - 1) % 10]}、")[style]
        else:
            lead = "    "
        text = lead + c
        lines = max(1, int(s.width(text) // inner) + 1)
        f.need(min(lines, 3) * s.px(s.pt) * 1.7)
        f.y = f.s.wrap(f.margin, f.y, inner, text, lead=1.7)
        f.y += s.px(s.pt) * 0.3


def notes(f: Flow, spec: Spec) -> None:
    s = f.s
    for n in spec.notes:
        f.need(s.line_h() * 2)
        f.y = f.s.wrap(f.margin, f.y, s.W - 2 * f.margin, n, s.pt * 0.95) + s.px(s.pt) * 0.3


def field_at(s: Sheet, rng: random.Random, x: float, y: float, lab: str, role: str, style: str,
             width: float) -> tuple[Field, float]:
    """Print a label and mark its blank region: after the label, on a rule, in a box, or above a rule."""
    b = s.text(x, y, lab)
    fh = s.mm(rng.uniform(11, 15))
    if style == "above":
        box = (int(x), b[3] + s.mm(1), int(x + width), b[3] + s.mm(1) + fh)
        s.rule(box[0], box[3], box[2], box[3], 2)
        return Field(role, s.t(lab), box), box[3] + s.mm(3)  # type: ignore[arg-type]
    x0 = b[2] + s.mm(2)
    cy = (b[1] + b[3]) / 2
    box = (int(x0), int(cy - fh * 0.6), int(max(x0 + s.mm(30), x + width)), int(cy + fh * 0.4))
    if style == "box":
        s.rect(box, 2)
    elif style == "rule":
        s.rule(box[0], b[3] + s.mm(1), box[2], b[3] + s.mm(1), 2)
    return Field(role, s.t(lab), box), box[3] + s.mm(2)  # type: ignore[arg-type]


def sign_area(f: Flow, spec: Spec, rng: random.Random, style: str | None = None) -> None:
    """The signature block: one field bottom right, two columns, or a row of ruled cells."""
    s = f.s
    parties = spec.parties
    need = s.mm(34) if parties else s.mm(10)
    f.need(need)
    s = f.s
    inner = s.W - 2 * f.margin
    date_line = rng.random() < 0.5
    if not parties:
        if spec.seal:
            s.seal_spots.append((int(s.W - f.margin - s.mm(45)), int(f.y), int(s.W - f.margin), int(f.y + s.mm(30))))
        return
    style = style or rng.choice(("colon", "colon", "rule", "box", "above", "cells"))
    f.y += s.mm(rng.uniform(3, 12))
    if style == "cells":
        row_h = s.mm(rng.uniform(14, 18))
        n = len(parties)
        lab_w, blank_w = inner / n * 0.42, inner / n * 0.58
        row: list[str] = []
        for p in parties:
            row += [sign_label(rng, p), ""]
        cells = s.grid(f.margin, f.y, [lab_w, blank_w] * n, [row], row_h)[0]
        for i, p in enumerate(parties):
            c = cells[2 * i + 1]
            s.fields.append(Field(p.role, s.t(row[2 * i]), (c[0] + 3, c[1] + 3, c[2] - 3, c[3] - 3)))  # type: ignore[arg-type]
        if spec.seal:
            c = cells[-1]
            s.seal_spots.append(c)
        f.y += row_h + s.mm(4)
        return
    if len(parties) == 1 or rng.random() < 0.25:
        x = s.W - f.margin - s.mm(rng.uniform(75, 95)) if len(parties) == 1 else f.margin
        for p in parties:
            fld, y2 = field_at(s, rng, x, f.y, sign_label(rng, p), p.role, style, s.mm(60))
            s.fields.append(fld)
            if date_line:
                s.text(x, y2 + s.mm(1), "日期：      年    月    日")
                y2 += s.line_h() * 1.6
            f.y = y2 + s.mm(3)
        if spec.seal:
            s.seal_spots.append((int(x), int(f.y - s.mm(30)), int(x + s.mm(60)), int(f.y)))
        return
    half = inner / 2
    y_end = f.y
    for i, p in enumerate(parties[:2]):
        x = f.margin + i * half
        fld, y2 = field_at(s, rng, x, f.y, sign_label(rng, p), p.role, style, half - s.mm(10))
        s.fields.append(fld)
        if date_line:
            s.text(x, y2 + s.mm(1), rng.choice(("日期：", "时间：", "")) + "    年   月   日")
            y2 += s.line_h() * 1.6
        if spec.seal and p.role == "staff":
            s.seal_spots.append((int(x), int(f.y - s.mm(8)), int(x + half - s.mm(10)), int(y2)))
        y_end = max(y_end, y2)
    f.y = y_end + s.mm(3)


def contract_sign(f: Flow, spec: Spec, rng: random.Random) -> None:
    """Two stacked blocks per party at the foot of a contract: the party, its representative, the date."""
    f.need(f.s.mm(55))
    s = f.s
    f.y += s.mm(8)
    half = (s.W - 2 * f.margin) / 2
    y_end = f.y
    cust = next((p for p in spec.parties if p.role == "customer"), None)
    staff = next((p for p in spec.parties if p.role == "staff"), None)
    cols = [cust, staff] if rng.random() < 0.5 else [staff, cust]
    for i, p in enumerate(cols):
        if p is None:
            continue
        x = f.margin + i * half
        y = f.y
        if p.role == "staff":
            b = s.text(x, y, rng.choice(("卖方（盖章）：", "出卖人（公章）：", "卖方：")) if "方" not in p.party else p.party.split("代表")[0] + "（盖章）：")
            s.seal_spots.append((b[0], b[1] - s.mm(5), b[0] + s.mm(70), b[3] + s.mm(25)))
            y = b[3] + s.mm(6)
        fld, y2 = field_at(s, rng, x, y, sign_label(rng, p), p.role, rng.choice(("colon", "rule", "above")), half - s.mm(10))
        s.fields.append(fld)
        s.text(x, y2 + s.mm(2), "签订日期：     年    月    日")
        y_end = max(y_end, y2 + s.mm(12))
    f.y = y_end


def render(spec: Spec, rng: random.Random, dpi: int, trad: bool) -> list[Sheet]:
    """The printed sheets of a form-like document (not invoices, ID cards or photos)."""
    s = new_sheet(rng, spec, dpi, trad)
    margin = s.mm(rng.uniform(12, 20) if not spec.small else rng.uniform(8, 12))
    f = Flow([s], margin + s.mm(rng.uniform(0, 8)), margin, s.H - margin)
    head(f, spec, rng)
    if spec.kind == "contract":
        kv_lines(f, spec, rng)
        paragraphs(f, spec, rng, numbered=True)
        notes(f, spec)
        if spec.parties:
            contract_sign(f, spec, rng)
        return f.sheets
    if spec.kind == "letter":
        kv_lines(f, spec, rng) if spec.kv else None
        paragraphs(f, spec, rng, numbered=False)
        notes(f, spec)
        sign_area(f, spec, rng)
        f.need(f.s.mm(25))
        x = f.s.W - margin - f.s.mm(70)
        if spec.extra.get("from"):
            b = f.s.text(x, f.y + f.s.mm(6), spec.extra["from"])
            f.s.seal_spots.append((b[0], b[1] - f.s.mm(15), b[2], b[3] + f.s.mm(15)))
            f.y = b[3]
        if spec.extra.get("date"):
            f.s.text(x, f.y + f.s.mm(4), spec.extra["date"])
        return f.sheets
    layout = rng.choice(("grid", "grid", "lines")) if not spec.small else "grid"
    if layout == "grid":
        kv_grid(f, spec, 1 if spec.small and rng.random() < 0.3 else rng.choice((1, 2, 2)))
    else:
        kv_lines(f, spec, rng)
    table(f, spec, rng)
    paragraphs(f, spec, rng, numbered=True) if spec.clauses else None
    notes(f, spec)
    sign_area(f, spec, rng, "cells" if layout == "grid" and rng.random() < 0.4 else None)
    return f.sheets
