"""Signature fields in the shapes real forms use, and the ink (or the blank, or a stray mark) inside them.

A field's truth box is the region a signature goes in: above the rule, inside the box or the table
cell, in the open space after the colon. The label is the text as printed next to it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from dossier.models import Role
from dossier.samples import handwriting as hw

from .sheet import Sheet

# Party words: the customer's side and the dealer's or the property office's side.
CUSTOMER_CAR = ("客户", "车主", "买受人", "买方", "委托人", "送修人", "顾客", "用户")
CUSTOMER_UNIT = ("业主", "住户", "承租人", "申请人", "租户", "申请单位")
STAFF_SALES = ("销售顾问", "交车专员", "经办人", "销售经理")
STAFF_SERVICE = ("服务顾问", "接待员", "维修技师", "主修技师", "检验员", "质检员", "车间主管", "索赔员")
STAFF_ADVISOR = ("服务顾问", "接待员", "业务接待", "服务专员", "前台接待")  # who receives the car and the customer
STAFF_UNIT = ("物业管家", "客服专员", "经办人", "工程部", "客服主管", "受理人")
WORDS = ("签字", "签名", "签章", "确认", "签收", "签认", "盖章")
SHAPES = ("rule", "open", "under", "boxed", "cell", "above")


def label(rng: random.Random, party: str, word: str | None = None, staff: bool = False) -> str:
    """A label that names the party and a signing word, in one of the orders forms print."""
    # Staff sign or confirm; only the customer side receives (签收) or seals for a company.
    word = word or rng.choice(("签字", "签名", "确认", "签字", "签章") if staff else WORDS[:6])
    r = rng.random()
    if r < 0.06 and word in ("签字", "签名"):  # one blank for the name and the date
        return f"{party}{word}/日期"
    if r < 0.1:  # the bare party, as many foot lines print it: "客户：______"
        return party
    if r < 0.5:
        return party + word
    if r < 0.7:
        return f"{party}（{word}）"
    if r < 0.8:
        return f"{party}({word})"
    if r < 0.9:
        return f"{party}确认{'签字' if word in ('确认', '签认', '签收') else word}"
    return f"{word}（{party}）" if word in ("签字", "签名") else party + word


@dataclass
class Party:
    role: Role
    label: str  # Simplified; printed converted
    writer: int | None = None  # the customer's own hand (chinese_signature writer)


def _fh(sh: Sheet, pt: float) -> int:
    return sh.px(pt)


def one(sh: Sheet, p: Party, x: float, y: float, width: float, shape: str, colon: str,
        pt: float = 10.5) -> tuple[int, int]:
    """One field with its label at (x, y); returns the bottom and the right end of what was drawn."""
    fh = _fh(sh, pt)
    lab = sh.s(p.label)
    if shape == "under":  # the rule first, the label centred under it
        ry = y + int(fh * 2.4)
        sh.rule(x, x + width, ry)
        b = sh.text(x + width / 2, ry + sh.mm(1), lab, pt - 0.5, anchor="ma")
        sh.sign_slot(p.role, lab, (int(x), int(y), int(x + width), int(ry)), p.writer)
        return b[3], int(x + width)
    if shape == "above":  # label, then the space below it (often "意见及签字")
        b = sh.text(x, y, lab + colon, pt)
        bottom = b[3] + int(fh * 2.8)
        sh.sign_slot(p.role, lab, (int(x), b[3] + 2, int(x + width), bottom), p.writer)
        return bottom, int(x + width)
    if shape == "cell":
        h = int(fh * 2.6)
        lw = sh.width(lab, pt) + sh.mm(4)
        sh.rect((x, y, x + lw, y + h))
        sh.rect((x + lw, y, x + width, y + h))
        sh.text(x + sh.mm(2), y + h / 2, lab, pt, anchor="lm")
        sh.sign_slot(p.role, lab, (int(x + lw + 2), int(y + 2), int(x + width - 2), int(y + h - 2)), p.writer)
        return int(y + h), int(x + width)
    b = sh.text(x, y + fh, lab + colon, pt)
    x1 = b[2] + sh.mm(1.5)
    x2 = max(x1 + sh.mm(18), x + width)
    if shape == "rule":
        base = b[3] + sh.mm(1)
        sh.rule(x1, x2, base)
        sh.sign_slot(p.role, lab, (int(x1), int(base - fh * 2.2), int(x2), int(base + 2)), p.writer)
        return base + 2, int(x2)
    if shape == "boxed":
        top, bot = b[1] - int(fh * 0.9), b[3] + int(fh * 0.6)
        sh.rect((x1, top, x2, bot))
        sh.sign_slot(p.role, lab, (int(x1 + 2), int(top + 2), int(x2 - 2), int(bot - 2)), p.writer)
        return bot, int(x2)
    # open: nothing printed after the colon, the signature just goes there
    sh.sign_slot(p.role, lab, (int(x1), int(b[1] - fh * 0.9), int(x2), int(b[3] + fh * 0.5)), p.writer)
    return b[3] + int(fh * 0.5), int(x2)


def date_blank(sh: Sheet, x: float, y: float, pt: float, when: str | None, colon: str) -> None:
    """The 日期 blank beside a field: empty, or the date written in by hand (printed text, not a signature)."""
    fh = _fh(sh, pt)
    b = sh.text(x, y + fh, sh.s("日期") + colon, pt)
    sh.rule(b[2] + sh.mm(1), b[2] + sh.mm(30), b[3] + sh.mm(1))
    if when:
        sh.hand(b[2] + sh.mm(3), b[3] - sh.mm(0.3), when, pt, anchor="ld")


def _label_room(sh: Sheet, p: Party, shape: str, colon: str, pt: float) -> int:
    """Width a field needs: its label and a blank wide enough to sign in."""
    lab = sh.width(sh.s(p.label) + ("" if shape == "cell" else colon), pt)
    return lab + (sh.mm(6) if shape in ("under", "above") else sh.mm(26))


def _per_row(sh: Sheet, parties: list[Party], shape: str, colon: str, pt: float) -> int:
    per_row = 3 if len(parties) >= 3 and shape != "cell" else 2
    span = sh.right - sh.left
    while per_row > 1 and any(_label_room(sh, p, shape, colon, pt) > span / per_row - sh.mm(5) for p in parties):
        per_row -= 1
    return per_row


def height(sh: Sheet, parties: list[Party], arrangement: str, shape: str, colon: str, dated: bool,
           pt: float = 10.5) -> int:
    """How tall the signature area will be."""
    fh = _fh(sh, pt)
    tall = shape in ("under", "above")
    if arrangement == "stack":
        return len(parties) * int(fh * (4.2 if tall else 3.4)) + sh.mm(4)
    per_row = _per_row(sh, parties, shape, colon, pt)
    rows = 1 + (len(parties) - 1) // per_row
    return (int(fh * (4.8 if tall else 3.8)) + (int(fh * 2.2) if dated else 0)) * rows + sh.mm(4)


def foot(sh: Sheet, parties: list[Party], arrangement: str, shape: str, colon: str, dated: bool,
         when: str | None, pt: float = 10.5, at_bottom: bool = True) -> None:
    """The signature area: side by side, stacked at the right, or a row of table cells."""
    fh = _fh(sh, pt)
    span = sh.right - sh.left
    need = height(sh, parties, arrangement, shape, colon, dated, pt)
    if at_bottom:
        sh.y = max(sh.y, sh.h - sh.mm(16) - need)
    if arrangement == "stack":
        widest = max(_label_room(sh, p, shape, colon, pt) for p in parties) + sh.mm(8)
        x = max(sh.left, min(sh.left + span * sh.rng.uniform(0.42, 0.55), sh.right - widest - (sh.mm(42) if dated else 0)))
        for p in parties:
            width = max(widest - sh.mm(8), sh.right - x - (sh.mm(42) if dated else 0))
            bottom, end = one(sh, p, x, sh.y, width, shape, colon, pt)
            if dated and shape not in ("cell", "under", "above") and end + sh.mm(42) <= sh.right + sh.mm(6):
                date_blank(sh, end + sh.mm(4), sh.y, pt - 1, when if sh.rng.random() < 0.5 else None, colon)
            sh.y = bottom + int(fh * 0.9)
        return
    per_row = _per_row(sh, parties, shape, colon, pt)
    cw = span / per_row
    for i in range(0, len(parties), per_row):
        bottom = sh.y
        for j, p in enumerate(parties[i:i + per_row]):
            x = sh.left + j * cw
            bottom = max(bottom, one(sh, p, x + (0 if shape == "cell" else sh.mm(1)), sh.y, cw - sh.mm(5), shape, colon, pt)[0])
        sh.y = bottom + int(fh * 0.6)
        if dated and shape != "cell":
            for j in range(len(parties[i:i + per_row])):
                date_blank(sh, sh.left + j * cw + sh.mm(1), sh.y - fh, pt - 1, when if sh.rng.random() < 0.5 else None, colon)
            sh.y += int(fh * 2.2)


def ink(rng: random.Random, img: Image.Image, box: tuple[int, int, int, int], writer: int | None,
        role: Role) -> tuple[str, str]:
    """Sign inside the box; returns (source, ink colour name)."""
    x0, y0, x1, y1 = box
    h = max(8, int((y1 - y0) * rng.uniform(0.6, 0.95)))
    r = rng.random()
    alpha: np.ndarray | None
    if r < 0.72:
        alpha, source = hw.chinese_signature(rng, writer if role == "customer" else None, h), "real"
    elif r < 0.85:
        alpha, source = hw.real_signature(rng, h), "real"
        if alpha is None:
            alpha, source = hw.synthetic_signature(rng, h), "synthetic"
    else:
        alpha, source = hw.synthetic_signature(rng, h), "synthetic"
    maxw = max(8, x1 - x0 - 4)
    if alpha.shape[1] > maxw:  # a narrow field: people write smaller
        f = maxw / alpha.shape[1]
        alpha = cv2.resize(alpha, (maxw, max(4, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
    colour, name = hw.pen_colour(rng)
    ax = x0 + rng.randint(2, max(2, x1 - x0 - alpha.shape[1] - 2))
    ay = y0 + max(0, (y1 - y0 - alpha.shape[0]) // 2 + rng.randint(-3, 3))
    hw.multiply(img, alpha, colour, (ax, ay), opacity=rng.uniform(0.85, 1.0))
    return source, name


def mark(rng: random.Random, img: Image.Image, box: tuple[int, int, int, int]) -> str:
    """A hard negative: specks, a smudge or a pen slip in an unsigned field."""
    kind = rng.choice(("specks", "smudge", "stray_line"))
    x0, y0, x1, y1 = box
    alpha = hw.blank_mark(rng, (max(4, x1 - x0), max(4, y1 - y0)), kind)
    hw.multiply(img, alpha, (60, 60, 70) if kind != "stray_line" else hw.pen_colour(rng)[0], (x0, y0))
    return kind
