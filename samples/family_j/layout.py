"""Blocks a form is made of, laid top to bottom over pages by a `Flow`: headers in the sites' styles, key-value
grids, ruled tables, tick lists, paragraphs, non-seal red stamps and signature fields in six shapes."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.samples.family_j.canvas import INK, RED, Page
from dossier.samples.family_j.sites import Site

GREY_RULE = (165, 165, 170)


@dataclass
class Flow:
    """Runs one document over pages (or over one half of a sheet), starting a titleless page when full."""

    site: Site
    rng: random.Random
    new_page: Callable[[], Page]
    x0: float = 16.0
    x1: float = 194.0
    top: float = 14.0
    bottom: float = 276.0
    scale: float = 1.0
    pages: list[Page] = field(default_factory=list)
    y: float = 0.0
    on_break: Callable[[Flow], None] | None = None  # repeats a table head

    def __post_init__(self) -> None:
        if not self.pages:
            self.pages.append(self.new_page())
        self.y = self.top

    @property
    def p(self) -> Page:
        return self.pages[-1]

    @property
    def w(self) -> float:
        return self.x1 - self.x0

    def need(self, h: float) -> None:
        if self.y + h > self.bottom:
            pg = self.new_page()
            pg.continuation = True
            self.pages.append(pg)
            self.y = self.top
            if self.on_break:
                self.on_break(self)

    def s(self, mm: float) -> float:
        return mm * self.scale


def page_numbers(f: Flow, style: str) -> None:
    n = len(f.pages)
    for i, pg in enumerate(f.pages, 1):
        text = {"di_gong": f"第 {i} 页  共 {n} 页", "page_of": f"Page {i} of {n}", "slash": f"{i}/{n}",
                "dash": f"- {i} -"}[style]
        y = f.bottom + 8
        x = (f.x0 + f.x1) / 2 if style in ("dash", "di_gong") else f.x1
        pg.text(x, y, text, 2.8, anchor="ma" if x != f.x1 else "ra")


ENGLISH = {
    "customer_card": "Customer Information Card", "purchase_invoice": "", "sales_contract": "Vehicle Sales Contract",
    "id_copy": "", "delivery_checklist": "Vehicle Handover Checklist", "vehicle_license": "",
    "insurance_policy": "", "value_added_services": "Value-added Services", "conformity_certificate": "",
    "pdi_checklist": "Pre-delivery Inspection", "other_proof": "Letter of Authorisation",
    "reception_sheet": "Vehicle Check-in", "work_order": "Repair Order", "settlement": "Repair Settlement",
    "free_inspection_12": "12-point Safety Check", "addon_sheet": "Additional Work Approval", "road_test": "Road Test Record",
    "loss_assessment": "", "tool_readings": "Diagnostic Readings", "estimate": "Repair Estimate",
    "first_service_card": "First Service Voucher", "parts_invoice": "", "fault_report": "Technical Fault Report",
    "move_in": "Handover Record", "renovation": "Fitting-out Application", "correspondence": "",
    "application": "Application Form",
}


def qr_box(pg: Page, x: float, y: float, size: float, colour: tuple[int, int, int], rng: random.Random) -> None:
    """A QR-like box (a print, not a seal): finder squares and random modules."""
    n = 21
    cell = size / n
    for i in range(n):
        for j in range(n):
            finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
            if finder:
                ii, jj = i % (n - 7) if i >= 7 else i, j % (n - 7) if j >= 7 else j
                on = ii in (0, 6) or jj in (0, 6) or (2 <= ii <= 4 and 2 <= jj <= 4)
            else:
                on = rng.random() < 0.48
            if on:
                pg.rect(x + j * cell, y + i * cell, x + (j + 1) * cell, y + (i + 1) * cell, 0.01, colour, fill=colour)


def header(f: Flow, title: str, docno: str, doc_type: str, *, bilingual: bool | None = None) -> str:
    """Prints the site's header; returns the title as printed (with its English part on bilingual sites)."""
    site, pg, s = f.site, f.p, f.s
    bil = site.bilingual if bilingual is None else bilingual
    english = ENGLISH.get(doc_type, "") if bil else ""
    if site.kind == "dealer" and f.rng.random() < 0.25:  # the brand's or the dealer's name in front of the title
        title = f.rng.choice((site.brand, site.short)) + f.rng.choice(("", " ")) + title
    shown = pg.t(title)
    y = f.y
    if site.header == "logo":
        pg.rect(f.x0, y, f.x0 + s(14), y + s(14), 0.3, (20, 60, 130), fill=(20, 60, 130))
        pg.text(f.x0 + s(7), y + s(7), site.brand[:2], s(4.2), "bold", (255, 255, 255), anchor="mm")
        pg.text(f.x0 + s(17), y + s(1), site.company, s(4.2), "bold")
        pg.text(f.x0 + s(17), y + s(7.5), f"地址：{site.address}  服务热线：{site.hotline}", s(2.6))
        if site.red_qr:
            qr_box(pg, f.x1 - s(15), y, s(15), RED, f.rng)
            pg.text(f.x1 - s(17), y + s(1), f"No. {docno}", s(3.0), anchor="ra", colour=RED)
        else:
            pg.text(f.x1, y + s(1), f"No. {docno}", s(3.0), anchor="ra")
        y += s(18)
        b = pg.text((f.x0 + f.x1) / 2, y, title, s(6.0), site.title_face, anchor="ma")
        y = b[3] + s(3)
    elif site.header == "redhead":
        b = pg.text((f.x0 + f.x1) / 2, y, site.company, s(6.4), "serifb", RED, anchor="ma")
        y = b[3] + s(2)
        pg.line(f.x0, y, f.x1, y, s(0.8), RED)
        pg.line(f.x0, y + s(1.3), f.x1, y + s(1.3), s(0.25), RED)
        y += s(5)
        b = pg.text((f.x0 + f.x1) / 2, y, title, s(5.2), site.title_face, anchor="ma")
        pg.text(f.x1, b[3] + s(1), f"编号：{docno}", s(3.0), anchor="ra")
        y = b[3] + s(6)
    elif site.header == "rule":
        b = pg.text(f.x0, y, title, s(6.4), site.title_face)
        pg.text(f.x1, y + s(1), site.company, s(3.0), anchor="ra")
        pg.text(f.x1, y + s(5), site.brand + "授权经销商", s(2.6), anchor="ra")
        y = b[3] + s(2.5)
        pg.line(f.x0, y, f.x1, y, s(1.0))
        pg.line(f.x0, y + s(1.4), f.x1, y + s(1.4), s(0.2))
        pg.text(f.x1, y + s(2.5), f"单号 {docno}", s(3.0), anchor="ra")
        y += s(8)
    else:  # bilingual letterhead
        pg.text(f.x0, y, site.company, s(3.8), "bold")
        pg.text(f.x1, y, f"No.: {docno}", s(3.0), anchor="ra")
        y += s(6)
        pg.line(f.x0, y, f.x1, y, s(0.4), (60, 60, 60))
        y += s(3)
        b = pg.text((f.x0 + f.x1) / 2, y, title, s(5.6), site.title_face, anchor="ma")
        y = b[3] + s(1.5)
        if english:
            b = pg.text((f.x0 + f.x1) / 2, y, english, s(3.4), "sans", anchor="ma")
            y = b[3] + s(1)
        y += s(3)
    f.y = y
    return shown + (" " + english if english else "")


def kv(f: Flow, items: list[tuple[str, str]], cols: int = 2, ruled: bool = True, hand: set[str] | None = None) -> None:
    """Label-value pairs, `cols` to a row; values whose label is in `hand` are filled in by hand (Kai, blue)."""
    s, row = f.s, f.s(8.0)
    cw = f.w / cols
    for i in range(0, len(items), cols):
        f.need(row)
        pg, y = f.p, f.y
        for k, (label, value) in enumerate(items[i:i + cols]):
            x = f.x0 + k * cw
            lw = pg.width(label, s(3.2)) + s(3)
            if ruled:
                pg.rect(x, y, x + cw, y + row, s(0.25))
                pg.rect(x, y, x + lw, y + row, s(0.25), fill=(236, 236, 236))
                pg.text(x + s(1.5), y + row / 2, label, s(3.2), anchor="lm")
            else:
                pg.text(x, y + row / 2, label + "：", s(3.2), anchor="lm")
                lw = pg.width(label + "：", s(3.2)) + s(1)
                pg.line(x + lw, y + row - s(1.2), x + cw - s(4), y + row - s(1.2), s(0.2))
            if hand and label in hand:
                pg.text(x + lw + s(1.5), y + row / 2, value, s(3.8), "kai", (25, 45, 140), anchor="lm")
            else:
                pg.text(x + lw + s(1.5), y + row / 2, value, s(3.2), anchor="lm")
        f.y += row
    f.y += s(2.5)


def table(f: Flow, head: list[str], rows: list[list[str]], widths: list[float], right: set[int] | None = None) -> None:
    """A ruled table; its head is printed again at the top of a continuation page."""
    s, rh = f.s, f.s(6.5)
    total = sum(widths)
    xs = [f.x0]
    for w in widths:
        xs.append(xs[-1] + f.w * w / total)

    def draw_row(cells: list[str], bold: bool) -> None:
        f.need(rh)
        pg, y = f.p, f.y
        for k, c in enumerate(cells):
            pg.rect(xs[k], y, xs[k + 1], y + rh, s(0.2), fill=(225, 232, 240) if bold else None)
            if right and k in right and not bold:
                pg.text(xs[k + 1] - s(1.2), y + rh / 2, c, s(3.0), anchor="rm")
            else:
                pg.text(xs[k] + s(1.2), y + rh / 2, c, s(3.0), "bold" if bold else None, anchor="lm")
        f.y += rh

    f.on_break = lambda fl: draw_row(head, True)
    draw_row(head, True)
    for r in rows:
        draw_row(r, False)
    f.on_break = None
    f.y += s(3)


def tick(pg: Page, x: float, y: float, size: float, rng: random.Random, cross: bool = False) -> None:
    """A hand tick or cross (ink strokes, not text)."""
    c = (25, 45, 140)
    w = max(0.3, size * 0.12)
    if cross:
        pg.line(x - size / 2, y - size / 2, x + size / 2, y + size / 2, w, c)
        pg.line(x - size / 2, y + size / 2, x + size / 2, y - size / 2, w, c)
    else:
        j = rng.uniform(-0.3, 0.3)
        pg.line(x - size / 2, y + j, x - size / 8, y + size / 2, w, c)
        pg.line(x - size / 8, y + size / 2, x + size / 2 + j, y - size / 2, w, c)


def ticks(f: Flow, items: list[str], heads: tuple[str, str] = ("正常", "异常"), faults: int = 0) -> None:
    s, rh = f.s, f.s(6.8)
    xs = [f.x0, f.x0 + f.w * 0.09, f.x0 + f.w * 0.58, f.x0 + f.w * 0.7, f.x0 + f.w * 0.82, f.x1]
    head = ["序号", "检查项目", heads[0], heads[1], "备注"]
    bad = set(f.rng.sample(range(len(items)), min(faults, len(items))))

    def draw_head(fl: Flow) -> None:
        for k, c in enumerate(head):
            fl.p.rect(xs[k], fl.y, xs[k + 1], fl.y + rh, s(0.2), fill=(232, 232, 232))
            fl.p.text((xs[k] + xs[k + 1]) / 2, fl.y + rh / 2, c, s(3.0), "bold", anchor="mm")
        fl.y += rh

    f.need(rh * 2)
    draw_head(f)
    f.on_break = draw_head
    for i, it in enumerate(items):
        f.need(rh)
        pg, y = f.p, f.y
        for k in range(5):
            pg.rect(xs[k], y, xs[k + 1], y + rh, s(0.2))
        pg.text((xs[0] + xs[1]) / 2, y + rh / 2, str(i + 1), s(3.0), anchor="mm")
        pg.text(xs[1] + s(1.5), y + rh / 2, it, s(3.0), anchor="lm")
        col = 3 if i in bad else 2
        tick(pg, (xs[col] + xs[col + 1]) / 2, y + rh / 2, s(3.2), f.rng)
        if i in bad:
            pg.text(xs[4] + s(1.2), y + rh / 2, f.rng.choice(("建议更换", "已告知客户", "下次处理")), s(3.2), "kai",
                    (25, 45, 140), anchor="lm")
        f.y += rh
    f.on_break = None
    f.y += s(3)


def para(f: Flow, text: str, size: float = 3.2, indent: bool = True, lead: float = 1.55) -> None:
    """A paragraph wrapped to the flow's width."""
    s = f.s
    sz = s(size)
    words = f.p.t(("\u3000\u3000" if indent else "") + text)
    line = ""
    for ch in words:
        if f.p.width(line + ch, sz) > f.w and line:
            f.need(sz * lead)
            f.p.text(f.x0, f.y, line, sz, convert=False)
            f.y += sz * lead
            line = ""
        line += ch
    if line:
        f.need(sz * lead)
        f.p.text(f.x0, f.y, line, sz, convert=False)
        f.y += sz * lead
    f.y += s(1.5)


def rubber_stamp(f: Flow, word: str, date: str) -> None:
    """A red rubber date stamp (已收款, 已审核 ...): red ink that is no seal. Takes its own strip of the page."""
    s = f.s
    f.need(s(16))
    pg = f.p
    x = f.x1 - s(48) - f.rng.uniform(0, s(30))
    y = f.y + s(1.5)
    col = (196, 40, 52)
    pg.rect(x, y, x + s(36), y + s(13), s(0.7), col)
    pg.rect(x + s(1), y + s(1), x + s(35), y + s(12), s(0.25), col)
    pg.text(x + s(18), y + s(4.5), word, s(4.2), "bold", col, anchor="mm", record=False)
    pg.text(x + s(18), y + s(9.5), date, s(2.8), "sans", col, anchor="mm", record=False, convert=False)
    f.y += s(16)


# -- signature fields ------------------------------------------------------------------------------

Party = tuple[str, str]  # (role, the party's printed word: 车主, 服务顾问, 甲方（买受人） ...)


def sign_table(f: Flow, parties: list[Party], date_text: str = "年　　月　　日") -> None:
    """The 签署栏: one column per party, rows 签字 and 日期."""
    s = f.s
    h_head, h_sign, h_date = s(7.5), s(17), s(7.5)
    f.need(h_head + h_sign + h_date + s(8))
    pg, y = f.p, f.y
    pg.text(f.x0, y, "签署栏", s(3.4), "bold")
    y += s(5.5)
    lab_w = s(16)
    cw = (f.w - lab_w) / len(parties)
    pg.rect(f.x0, y, f.x1, y + h_head + h_sign + h_date, s(0.35))
    pg.line(f.x0, y + h_head, f.x1, y + h_head, s(0.25))
    pg.line(f.x0, y + h_head + h_sign, f.x1, y + h_head + h_sign, s(0.25))
    pg.line(f.x0 + lab_w, y, f.x0 + lab_w, y + h_head + h_sign + h_date, s(0.25))
    pg.text(f.x0 + lab_w / 2, y + h_head + h_sign / 2, "签字", s(3.4), anchor="mm")
    pg.text(f.x0 + lab_w / 2, y + h_head + h_sign + h_date / 2, "日期", s(3.4), anchor="mm")
    for k, (role, word) in enumerate(parties):
        cx0 = f.x0 + lab_w + k * cw
        if k:
            pg.line(cx0, y, cx0, y + h_head + h_sign + h_date, s(0.25))
        pg.text(cx0 + cw / 2, y + h_head / 2, word, s(3.3), "bold", anchor="mm")
        pg.text(cx0 + cw / 2, y + h_head + h_sign + h_date / 2, date_text, s(3.0), anchor="mm")
        pg.slot(role, word + "签字", cx0 + s(1.5), y + h_head + s(1.5), cx0 + cw - s(1.5), y + h_head + h_sign - s(1.5))
    f.y = y + h_head + h_sign + h_date + s(4)


def declaration(f: Flow, parties: list[Party], text: str) -> None:
    """A long declaration in a box with 签名 inside it under the text; other parties sign after a colon."""
    s = f.s
    cust = [p for p in parties if p[0] == "customer"] or parties[:1]
    rest = [p for p in parties if p not in cust]
    lines_needed = max(2, int(f.p.width(text, s(3.0)) / (f.w - s(6))) + 1)
    box_h = lines_needed * s(4.8) + s(22)
    f.need(box_h + s(14) * max(1, len(rest)))
    y0 = f.y
    f.p.rect(f.x0, y0, f.x1, y0 + box_h, s(0.4))
    f.x0 += s(3)
    f.x1 -= s(3)
    f.y = y0 + s(3)
    para(f, text, 3.0, indent=True)
    f.x0 -= s(3)
    f.x1 += s(3)
    pg = f.p
    yb = y0 + box_h - s(15)
    role, word = cust[0]
    label = word + "签名："
    lx = f.x0 + f.w * 0.42
    b = pg.text(lx, yb + s(6), label, s(3.4), anchor="lm")
    pg.slot(role, label.rstrip("："), b[2] + s(1), yb, f.x1 - s(30), yb + s(12))
    pg.text(f.x1 - s(28), yb + s(6), "日期：", s(3.0), anchor="lm")
    f.y = y0 + box_h + s(4)
    for role, word in rest:
        colon(f, [(role, word)])


def colon(f: Flow, parties: list[Party], suffix: str = "签字", under: bool = True) -> None:
    """Label, colon, blank above a rule: up to three on one line."""
    s = f.s
    row = s(14)
    f.need(row)
    cw = f.w / len(parties)
    pg, y = f.p, f.y
    for k, (role, word) in enumerate(parties):
        x = f.x0 + k * cw
        label = f"{word}{suffix}："
        b = pg.text(x, y + row - s(4), label, s(3.3), anchor="ls")
        x1 = x + cw - s(5)
        if under:
            pg.line(b[2] + s(0.5), y + row - s(3.2), x1, y + row - s(3.2), s(0.2))
        pg.slot(role, label.rstrip("："), b[2] + s(1), y + s(1), x1, y + row - s(4.6))
    f.y += row + s(2)


def chain(f: Flow, parties: list[Party]) -> None:
    """The approval chain at the foot (经办人/复核人/审批人) and the customer's line above it."""
    cust = [p for p in parties if p[0] == "customer"]
    staff = [p for p in parties if p[0] != "customer"]
    if cust:
        colon(f, cust, suffix="（签字）")
    words = [w for _, w in staff] or ["经办人"]
    while len(words) < 3:
        words.append(("复核人", "审批人", "负责人")[len(words) - 1])
    colon(f, [("staff", w) for w in words[:3]], suffix="")


def confirm(f: Flow, parties: list[Party], company: bool) -> None:
    """客户确认（签字/盖章）：— for a company customer both a name and its seal go there."""
    s = f.s
    row = s(20)
    f.need(row + s(4))
    pg, y = f.p, f.y
    cw = f.w / len(parties)
    for k, (role, word) in enumerate(parties):
        x = f.x0 + k * cw
        label = f"{word}确认（签字/盖章）：" if role == "customer" else f"{word}（签字）："
        b = pg.text(x, y + s(5), label, s(3.2), anchor="lm")
        pg.slot(role, label.rstrip("："), x + s(2), y + s(8), x + cw - s(6), y + row, "seal" if role == "customer" and company else "")
        del b
    f.y += row + s(4)


def esign(f: Flow, parties: list[Party]) -> None:
    """Pasted electronic signatures: a name image above a thin grey rule, the label beneath."""
    s = f.s
    row = s(19)
    f.need(row + s(2))
    pg, y = f.p, f.y
    cw = f.w / len(parties)
    for k, (role, word) in enumerate(parties):
        x = f.x0 + k * cw + s(4)
        x1 = x + cw - s(14)
        pg.line(x, y + s(13), x1, y + s(13), s(0.2), GREY_RULE)
        pg.text((x + x1) / 2, y + s(15), f"{word}签名", s(3.0), anchor="ma")
        pg.slot(role, f"{word}签名", x, y, x1, y + s(12.2), "esign")
    f.y += row + s(2)


def under(f: Flow, parties: list[Party]) -> None:
    """A rule with the label printed beneath it in brackets."""
    s = f.s
    row = s(20)
    f.need(row)
    pg, y = f.p, f.y
    cw = f.w / len(parties)
    for k, (role, word) in enumerate(parties):
        x = f.x0 + k * cw + s(6)
        x1 = x + cw - s(16)
        pg.line(x, y + s(13), x1, y + s(13), s(0.25))
        pg.text((x + x1) / 2, y + s(14.5), f"（{word}签字）", s(3.0), anchor="ma")
        pg.slot(role, f"{word}签字", x, y + s(1), x1, y + s(12))
    f.y += row + s(2)


def signatures(f: Flow, shape: str, parties: list[Party], company: bool, declaration_text: str) -> None:
    if shape == "sign_table":
        sign_table(f, parties)
    elif shape == "declaration":
        declaration(f, parties, declaration_text)
    elif shape == "chain":
        chain(f, parties)
    elif shape == "confirm":
        confirm(f, parties, company)
    elif shape == "esign":
        esign(f, parties)
    elif shape == "under":
        under(f, parties)
    else:
        colon(f, parties)


SHAPES = ("sign_table", "declaration", "chain", "confirm", "esign", "under", "colon")
INK_USED = INK
