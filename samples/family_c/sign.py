"""Signature fields in the shapes real forms print them, and the ink (or the nothing) that fills them.

Shapes: a label and a rule to its right (with or without a colon, the verb in brackets after the party),
a rule with the label below it, a table cell with the blank in the next cell, a box with the label in its
corner, and stacked label/date lines at the foot of the page. The truth box is always the blank region.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import cv2
import numpy as np

from dossier.samples import handwriting as hw
from dossier.samples.family_c.page import HAND, Flow, Page, SigSpot, fmt_date

# Verbs a party signs with, by side; the company side also stamps.
VERBS = {"customer": ("签字", "签名", "签字", "签名", "确认签字", "签字确认", "签认", "签收"),
         "staff": ("签字", "签名", "签字", "签章", "确认")}
COMPANY_VERBS = ("盖章", "签章", "签字盖章", "签字/盖章")


@dataclass
class Party:
    role: str  # customer or staff
    word: str  # 客户, 车主, 服务顾问, 乙方 ...
    writer: int | None = None
    verb: str | None = None  # forced (签收 on a receipt); else drawn from VERBS
    company: bool = False  # signs for an organisation: 盖章 words


def _label(rng: random.Random, party: Party, shape: str) -> str:
    if party.verb == "":  # the word already says it: 客户签收
        return party.word
    verb = party.verb or rng.choice(COMPANY_VERBS if party.company else VERBS[party.role])
    if not party.word:
        return verb
    if "（" not in party.word and (shape == "paren" or (shape in ("below", "box") and rng.random() < 0.5)):
        return f"{party.word}（{verb}）" if rng.random() < 0.7 else f"{party.word}({verb})"
    return party.word + verb


def row(flow: Flow, parties: list[Party], shape: str | None = None, dated: bool | None = None) -> None:
    """One row of signature fields, side by side; a `stack` puts each on its own line at the right."""
    rng, lk = flow.rng, flow.lk
    shape = shape or rng.choice(lk.sig_styles)
    dated = rng.random() < 0.4 if dated is None else dated
    u = flow.u
    if shape == "stack":
        for party in parties:
            _stack(flow, party, dated)
        flow.y += u // 2
        return
    heights = {"inline": 3.4, "paren": 3.4, "below": 4.6, "cell": 3.2, "box": 5.6}
    h = int(heights[shape] * u)
    flow.need(h + u)
    seg = (flow.x1 - flow.x0) / len(parties)
    for k, party in enumerate(parties):
        sx = flow.x0 + k * seg
        label = _label(rng, party, shape)
        if shape in ("inline", "paren"):
            _inline(flow, party, label, sx, seg, h, dated and len(parties) <= 2)
        elif shape == "below":
            _below(flow, party, label, sx, seg, h)
        elif shape == "cell":
            _cell(flow, party, label, sx, seg, h)
        else:
            _box(flow, party, label, sx, seg, h)
    flow.y += h + u // 2


def _spot(flow: Flow, party: Party, label: str, box: tuple[float, float, float, float],
          date_at: tuple[float, float, float] | None = None) -> None:
    b = tuple(int(v) for v in box)
    d = tuple(int(v) for v in date_at) if date_at else None
    flow.sigs.append(SigSpot(party.role, flow.page.script(label), len(flow.pages) - 1, (b[0], b[1], b[2], b[3]), party.writer,
                             (d[0], d[1], d[2]) if d else None))


def _inline(flow: Flow, party: Party, label: str, sx: float, seg: float, h: int, dated: bool) -> None:
    p, u, lk = flow.page, flow.u, flow.lk
    text = label + lk.colon
    base = flow.y + 0.78 * h
    x0, _, x1, _ = p.text(sx, base, text, lk.label_face, lk.body_pt)
    end = sx + seg - u
    date_at = None
    if dated:
        dw = p.measure("日期" + lk.colon, lk.label_face, lk.body_pt)
        dx = end - 7 * u - dw
        p.text(dx, base, "日期" + lk.colon, lk.label_face, lk.body_pt)
        p.line(dx + dw + 0.2 * u, base + 0.25 * u, end, base + 0.25 * u)
        date_at = (dx + dw + 0.4 * u, base, end - dx - dw - 0.4 * u)
        end = dx - u
    rule_y = base + 0.25 * u
    p.line(x1 + 0.3 * u, rule_y, end, rule_y)
    _spot(flow, party, label, (x1 + 0.3 * u, flow.y + 0.1 * h, end, rule_y + 2), date_at)


def _below(flow: Flow, party: Party, label: str, sx: float, seg: float, h: int) -> None:
    p, u, lk = flow.page, flow.u, flow.lk
    w = min(seg - 2 * u, 16 * u)
    rx0 = sx + (seg - w) / 2
    rule_y = flow.y + h - 1.6 * u
    p.line(rx0, rule_y, rx0 + w, rule_y)
    p.text(rx0 + w / 2, rule_y + 1.3 * u, label, lk.label_face, lk.body_pt * 0.95, anchor="ms")
    _spot(flow, party, label, (rx0, flow.y, rx0 + w, rule_y + 2))


def _cell(flow: Flow, party: Party, label: str, sx: float, seg: float, h: int) -> None:
    p, u, lk = flow.page, flow.u, flow.lk
    lw = p.measure(label, lk.label_face, lk.body_pt) + 1.2 * u
    y0, y1 = flow.y, flow.y + h
    p.rect(sx, y0, sx + seg, y1, w=lk.border)
    p.line(sx + lw, y0, sx + lw, y1)
    p.text(sx + 0.6 * u, y0 + 0.62 * h, label, lk.label_face, lk.body_pt)
    _spot(flow, party, label, (sx + lw + 3, y0 + 3, sx + seg - 3, y1 - 3))


def _box(flow: Flow, party: Party, label: str, sx: float, seg: float, h: int) -> None:
    p, u, lk = flow.page, flow.u, flow.lk
    x0, x1 = sx + 0.3 * u, sx + seg - 0.3 * u
    y0, y1 = flow.y, flow.y + h
    p.rect(x0, y0, x1, y1, w=lk.border)
    p.text(x0 + 0.5 * u, y0 + 1.4 * u, label + lk.colon, lk.label_face, lk.body_pt)
    _spot(flow, party, label, (x0 + 4, y0 + 1.9 * u, x1 - 4, y1 - 4))


def _stack(flow: Flow, party: Party, dated: bool) -> None:
    p, u, lk = flow.page, flow.u, flow.lk
    h = 3.2 * u
    flow.need(h)
    p = flow.page
    label = _label(flow.rng, party, "inline")
    sx = flow.x0 + (flow.x1 - flow.x0) * 0.45
    base = flow.y + 0.78 * h
    _, _, lx1, _ = p.text(sx, base, label + lk.colon, lk.label_face, lk.body_pt)
    end = flow.x1 - (11 * u if dated else 0)
    p.line(lx1 + 0.3 * u, base + 0.25 * u, end - u, base + 0.25 * u)
    date_at = None
    if dated:
        _, _, dx1, _ = p.text(end, base, "日期" + lk.colon, lk.label_face, lk.body_pt)
        p.line(dx1 + 0.2 * u, base + 0.25 * u, flow.x1, base + 0.25 * u)
        date_at = (dx1 + 0.4 * u, base, flow.x1 - dx1 - 0.4 * u)
    _spot(flow, party, label, (lx1 + 0.3 * u, flow.y + 0.1 * h, end - u, base + 0.25 * u + 2), date_at)
    flow.y += int(h)


# -- ink --------------------------------------------------------------------------------------------

@dataclass
class Inked:
    spot: SigSpot
    status: str
    source: str | None = None
    ink: str | None = None
    mark: str | None = None


def fill(rng: random.Random, pages: list[Page], spots: list[SigSpot], when: date, date_style: int,
         blank_p: float = 0.3) -> list[Inked]:
    """Sign most fields (real Chinese hands mostly, blue or black), leave some blank, mark some blanks."""
    out = []
    for spot in spots:
        page = pages[spot.page]
        x0, y0, x1, y1 = spot.box
        bw, bh = x1 - x0, y1 - y0
        if bw < 10 or bh < 8:
            out.append(Inked(spot, "blank"))
            continue
        if rng.random() < blank_p:
            item = Inked(spot, "blank")
            if rng.random() < 0.3:
                item.mark = rng.choice(("specks", "smudge", "stray_line"))
                alpha = hw.blank_mark(rng, (bw, bh), item.mark)
                hw.multiply(page.img, alpha, hw.pen_colour(rng)[0], (x0, y0))
            out.append(item)
            continue
        colour, ink = hw.pen_colour(rng)
        height = int(min(bh * rng.uniform(0.65, 1.0), page.dpi * rng.uniform(0.22, 0.36)))
        r = rng.random()
        found: np.ndarray | None = None
        source = "real"
        if r < 0.72:  # a real Chinese name, in this person's own hand
            found = hw.chinese_signature(rng, spot.writer, height)
        elif r < 0.86:  # a real Latin signature (some customers sign that way)
            found = hw.real_signature(rng, height)
        if found is None:
            found, source = hw.synthetic_signature(rng, height), "synthetic"
        alpha = found
        if alpha.shape[1] > bw * 0.95:  # a long name is written smaller to stay in the blank
            f = bw * 0.95 / alpha.shape[1]
            alpha = cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f)))).clip(0, 1)
        ah, aw = alpha.shape
        x = x0 + int(rng.uniform(0.02, 0.98) * max(0, bw - aw))
        y = y1 - ah - int(rng.uniform(-0.15, 0.25) * ah)  # resting on the rule, sometimes through it
        y = max(y0 - ah // 5, y)
        hw.multiply(page.img, alpha, colour, (x, y), opacity=rng.uniform(0.85, 1.0))
        if spot.date_at and rng.random() < 0.7:
            dx, dy, dw = spot.date_at
            page.text(dx, dy - 2, fmt_date(when, date_style), "kai", rng.uniform(10, 12),
                      fill=HAND if ink == "blue" else (30, 30, 36), max_w=dw)
        out.append(Inked(spot, "signed", source, ink))
    return out
