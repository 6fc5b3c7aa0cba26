"""The building blocks of a form: header, label/value grids, underlined lines, item tables, tick lists, text.

Each block prints at the sheet's cursor and moves it down. Values are (label, value) pairs in Simplified;
the sheet converts them when the page is Traditional.
"""

from __future__ import annotations

from .sheet import Sheet

Pair = tuple[str, str]


def header(sh: Sheet, company: str, title: str, *, style: int, form_no: str | None, doc_no: str | None) -> str:
    """Company line, title, and the small print around it; returns the title as printed."""
    t = sh.s(title)
    if style == 0:  # company small above a big centred title
        sh.text(sh.w / 2, sh.y, sh.s(company), 11, anchor="ma")
        sh.y += sh.px(17)
        sh.text(sh.w / 2, sh.y, t, sh.rng.choice((17, 18, 20)), sh.title_face, anchor="ma")
        sh.y += sh.px(26)
    elif style == 1:  # logo box at the left, company and title beside it
        s = sh.mm(14)
        sh.rect((sh.left, sh.y, sh.left + s, sh.y + s), 2)
        sh.text(sh.left + s / 2, sh.y + s / 2, sh.s(company[2:4]), 12, "bold", anchor="mm")
        sh.text(sh.left + s + sh.mm(4), sh.y, sh.s(company), 10)
        sh.text(sh.left + s + sh.mm(4), sh.y + sh.px(15), t, 17, sh.title_face)
        sh.y += s + sh.mm(5)
    else:  # title first, a thick rule, the company under the rule at the right
        sh.text(sh.w / 2, sh.y, t, 19, sh.title_face, anchor="ma")
        sh.y += sh.px(27)
        sh.rule(sh.left, sh.right, sh.y, 3)
        sh.y += sh.mm(2)
        sh.text(sh.right, sh.y, sh.s(company), 9, anchor="ra")
        sh.y += sh.px(14)
    if form_no or doc_no:
        if form_no:
            sh.text(sh.left, sh.y, sh.s(form_no), 8.5)
        if doc_no:
            sh.text(sh.right, sh.y, sh.s(doc_no), 9, anchor="ra")
        sh.y += sh.px(15)
    return t


def grid(sh: Sheet, pairs: list[Pair], cols: int = 2, hand: bool = False, pt: float = 10.0) -> None:
    """A ruled table: label cell, value cell, `cols` pairs a row."""
    row_h = sh.px(pt * 2.1)
    cw = (sh.right - sh.left) / cols
    lw = max(sh.width(sh.s(k), pt) for k, _ in pairs) + sh.mm(3)
    for i in range(0, len(pairs), cols):
        y0 = sh.y
        for j, (k, v) in enumerate(pairs[i:i + cols]):
            x0 = sh.left + j * cw
            span = cw if i + cols <= len(pairs) or j < len(pairs[i:i + cols]) - 1 else sh.right - x0
            sh.rect((x0, y0, x0 + span, y0 + row_h))
            sh.d.line((x0 + lw, y0, x0 + lw, y0 + row_h), fill=(24, 24, 30))
            sh.text(x0 + sh.mm(1.5), y0 + row_h / 2, sh.s(k), pt, anchor="lm")
            if v:
                if hand:
                    sh.hand(x0 + lw + sh.mm(2), y0 + row_h / 2, sh.s(v), pt + 1, anchor="lm")
                else:
                    sh.text(x0 + lw + sh.mm(2), y0 + row_h / 2, sh.s(v), pt, anchor="lm")
        sh.y += row_h
    sh.y += sh.mm(3)


def lined(sh: Sheet, pairs: list[Pair], cols: int = 2, hand: bool = True, colon: str = "：", pt: float = 10.5) -> None:
    """`label：value` over an underline, as on printed forms filled in by hand."""
    cw = (sh.right - sh.left) / cols
    step = sh.px(pt * 2.3)
    for i in range(0, len(pairs), cols):
        for j, (k, v) in enumerate(pairs[i:i + cols]):
            x = sh.left + j * cw
            b = sh.text(x, sh.y, sh.s(k) + colon, pt)
            base = b[3] + sh.mm(1)
            sh.rule(b[2] + sh.mm(1), x + cw - sh.mm(4), base)
            if v:
                (sh.hand if hand else sh.text)(b[2] + sh.mm(3), base - sh.mm(0.6), sh.s(v), pt + (1 if hand else 0),
                                               anchor="ld")
        sh.y += step
    sh.y += sh.mm(2)


def table(sh: Sheet, heads: list[str], rows: list[list[str]], widths: list[float], pt: float = 9.5) -> None:
    """An item table with a header row; widths are shares of the line."""
    row_h = sh.px(pt * 2.0)
    total = sum(widths)
    xs: list[float] = [sh.left]
    for w in widths:
        xs.append(xs[-1] + (sh.right - sh.left) * w / total)
    for r, cells in enumerate([heads, *rows]):
        y0 = sh.y
        for c, cell in enumerate(cells):
            sh.rect((xs[c], y0, xs[c + 1], y0 + row_h))
            if cell:
                sh.text((xs[c] + xs[c + 1]) / 2, y0 + row_h / 2, sh.s(cell), pt, "bold" if r == 0 and sh.rng.random() < 0.5 else None,
                        anchor="mm")
        sh.y += row_h
    sh.y += sh.mm(3)


def ticks(sh: Sheet, items: list[str], cols: int, marks: list[str], pt: float = 9.5) -> None:
    """A checklist: item and its result mark (√, ×, 正常 ...) in a ruled grid."""
    row_h = sh.px(pt * 2.0)
    cw = (sh.right - sh.left) / cols
    mw = sh.mm(14)
    for i in range(0, len(items), cols):
        y0 = sh.y
        for j, item in enumerate(items[i:i + cols]):
            x0 = sh.left + j * cw
            sh.rect((x0, y0, x0 + cw, y0 + row_h))
            sh.d.line((x0 + cw - mw, y0, x0 + cw - mw, y0 + row_h), fill=(24, 24, 30))
            sh.text(x0 + sh.mm(1.5), y0 + row_h / 2, f"{i + j + 1}. " + sh.s(item), pt, anchor="lm")
            mark = marks[(i + j) % len(marks)]
            sh.hand(x0 + cw - mw / 2, y0 + row_h / 2, sh.s(mark), pt + 1, anchor="mm")
        sh.y += row_h
    sh.y += sh.mm(3)


def para(sh: Sheet, text: str, pt: float = 10.0, indent: bool = True) -> None:
    """Running text wrapped to the margins, character by character as Chinese wraps."""
    t = sh.s(text)
    line = "　　" if indent else ""
    width = sh.right - sh.left
    for ch in t:
        if sh.width(line + ch, pt) > width:
            sh.text(sh.left, sh.y, line, pt)
            sh.y += sh.px(pt * 1.7)
            line = ""
        line += ch
    if line.strip():
        sh.text(sh.left, sh.y, line, pt)
        sh.y += sh.px(pt * 1.7)
    sh.y += sh.mm(1.5)


def heading(sh: Sheet, text: str, pt: float = 11.0) -> None:
    sh.text(sh.left, sh.y, sh.s(text), pt, "bold")
    sh.y += sh.px(pt * 1.9)


def tick_table(sh: Sheet, items: list[str], columns: list[str], pt: float = 9.5) -> None:
    """A checklist with one column per result (正常 / 需关注 / 已处理 ...), ticked by hand in one of them."""
    row_h = sh.px(pt * 1.9)
    widths = [0.8, 5.0] + [1.3] * len(columns)
    total = sum(widths)
    xs: list[float] = [sh.left]
    for w in widths:
        xs.append(xs[-1] + (sh.right - sh.left) * w / total)
    for r, cells in enumerate([["序号", "检查项目", *columns], *[[str(i + 1), it] for i, it in enumerate(items)]]):
        y0 = sh.y
        for c in range(len(widths)):
            sh.rect((xs[c], y0, xs[c + 1], y0 + row_h))
            if c < len(cells):
                sh.text((xs[c] + xs[c + 1]) / 2 if c != 1 or r == 0 else xs[c] + sh.mm(2), y0 + row_h / 2, sh.s(cells[c]), pt,
                        anchor="mm" if c != 1 or r == 0 else "lm")
        if r:
            c = 2 if sh.rng.random() < 0.8 else sh.rng.randrange(2, len(widths))
            sh.hand((xs[c] + xs[c + 1]) / 2, y0 + row_h / 2, "√", pt + 1, anchor="mm")
        sh.y += row_h
    sh.y += sh.mm(3)
