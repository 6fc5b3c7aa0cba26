"""Signature fields in the shapes offices print them; each returns the blank region where the signature goes.

Shapes: label then a rule; a dashed leader; "(签字)" then open space; the label under the rule; a framed
box with the label inside; a hint printed faintly inside an empty box; brackets; a signature/date pair;
a vertical label beside a box; and, in `table`, label cells with the blank in the next cell or below.
"""

from __future__ import annotations

import random

from dossier.models import Role

from .page import Page, Slot

SHAPES = ("rule", "leader", "open", "under", "framed", "hint", "bracket", "datepair", "vertical", "inline", "under_pair")
LEADS = ["以上内容已确认无误。", "本人已知悉上述条款。", "车辆及物品已当面点清。", "以上情况属实。", "同意按上述内容执行。"]


def field(p: Page, rng: random.Random, shape: str, x: int, y: int, w: int, label: str, role: Role,
          pt: float, colon: str = "：") -> tuple[Slot, int]:
    """Draw one field in the band starting at y, `w` wide; returns the slot and the band's bottom."""
    H = p.px(rng.uniform(11, 15))  # room to sign
    gap = p.px(1.5)
    if shape == "vertical" and len(label) > 7:  # a long label does not stand one character per line
        shape = "framed"
    if shape in ("rule", "leader", "datepair"):
        base = y + H
        lb = p.text(x, base - p.px(1), label + colon, pt, anchor="ls")
        x0 = lb[2] + gap
        x1 = x + w if shape != "datepair" else x0 + max(p.px(25), int((x + w - x0) * 0.55))
        p.rule(x0, x1, base, width=max(1, p.dpi // 150), dashed=shape == "leader")
        if shape == "datepair":
            p.text(x1 + gap, base - p.px(1), rng.choice(["日期：", "时间：", "年　　月　　日"]), pt, anchor="ls")
        return Slot(p.index, (x0, y + p.px(1), x1, base + p.px(1)), role, p.t(label + colon).strip()), base + p.px(2)
    if shape == "open":
        base = y + H
        lb = p.text(x, base - p.px(1), label + colon, pt, anchor="ls")
        return Slot(p.index, (lb[2] + gap, y + p.px(1), x + w, base + p.px(1)), role, p.t(label + colon).strip()), base + p.px(2)
    if shape == "inline":  # a sentence, then the label and its rule on the same line
        base = y + H
        lead = p.text(x, base - p.px(1), rng.choice(LEADS), pt, anchor="ls")
        lb = p.text(lead[2] + p.px(4), base - p.px(1), label + colon, pt, anchor="ls")
        x1 = min(p.w - p.px(8), max(lb[2] + p.px(30), x + w))
        p.rule(lb[2] + gap, x1, base)
        return Slot(p.index, (lb[2] + gap, y + p.px(1), x1, base + p.px(1)), role, p.t(label + colon).strip()), base + p.px(2)
    if shape == "under_pair":  # two rules, the label under the first and 日期 under the second
        base = y + H
        x1 = x + int(min(w, p.px(100)) * 0.6)
        p.rule(x, x1, base)
        p.text((x + x1) // 2, base + p.px(1.2), label, pt, anchor="mt")
        x2 = x1 + p.px(6)
        p.rule(x2, x2 + p.px(28), base)
        p.text(x2 + p.px(14), base + p.px(1.2), "日期", pt, anchor="mt")
        return Slot(p.index, (x, y + p.px(1), x1, base + p.px(1)), role, p.t(label)), base + p.line_h(pt) + p.px(2)
    if shape == "under":
        base = y + H
        x1 = x + min(w, p.px(rng.uniform(45, 65)))
        p.rule(x, x1, base)
        p.text((x + x1) // 2, base + p.px(1.2), label, pt, anchor="mt")
        return Slot(p.index, (x, y + p.px(1), x1, base + p.px(1)), role, p.t(label)), base + p.line_h(pt) + p.px(2)
    if shape == "framed":
        bw = min(w, p.px(rng.uniform(50, 70)))
        top_h = p.line_h(pt - 1)
        p.rect((x, y, x + bw, y + H + top_h))
        p.text(x + p.px(1.2), y + p.px(1), label, pt - 1)
        return Slot(p.index, (x + 2, y + top_h + 2, x + bw - 2, y + H + top_h - 2), role, p.t(label)), y + H + top_h + p.px(2)
    if shape == "hint":  # an empty box with "（客户签字）" printed small in its lower right corner
        bw = min(w, p.px(rng.uniform(50, 70)))
        p.rect((x, y, x + bw, y + H + p.px(4)))
        hint = label if label.endswith("）") else "（" + label + "）"
        p.text(x + bw - p.px(1.5), y + H + p.px(3.3), hint, pt - 2, fill=(110, 110, 110), anchor="rs")
        return Slot(p.index, (x + 2, y + 2, x + bw - 2, y + H + p.px(4) - 2), role, p.t(hint)), y + H + p.px(6)
    if shape == "bracket":
        base = y + H
        lb = p.text(x, base - p.px(1), label, pt, anchor="ls")
        ob = p.text(lb[2] + gap, base - p.px(1), "【", pt, anchor="ls")
        x1 = x + min(w, (lb[2] - x) + p.px(rng.uniform(35, 50)))
        p.text(x1, base - p.px(1), "】", pt, anchor="ls")
        return Slot(p.index, (ob[2], y + p.px(1), x1, base + p.px(1)), role, p.t(label)), base + p.px(2)
    # vertical: the label one character per line in a narrow cell, the signing box beside it
    chars = [c for c in p.t(label) if c not in "（）()"]
    lh = p.line_h(pt)
    tall = max(H, lh * len(chars) + p.px(2))
    cw = p.px(8)
    bw = min(w, p.px(rng.uniform(50, 70)))
    p.rect((x, y, x + bw, y + tall))
    p.draw.line((x + cw, y, x + cw, y + tall), fill=(25, 25, 30), width=1)
    for i, c in enumerate(chars):
        p.text(x + cw // 2, y + p.px(1) + i * lh, c, pt, anchor="mt")
    return Slot(p.index, (x + cw + 2, y + 2, x + bw - 2, y + tall - 2), role, p.t(label)), y + tall + p.px(2)


def table(p: Page, rng: random.Random, x: int, y: int, w: int, fields: list[tuple[str, Role]], pt: float,
          below: bool) -> tuple[list[Slot], int]:
    """A grid of signing cells: labels in a header row with blanks under them, or label | blank pairs."""
    H = p.px(rng.uniform(12, 16))
    slots: list[Slot] = []
    if below:
        n = len(fields)
        cw = w // n
        lh = p.line_h(pt) + p.px(2)
        for i, (label, role) in enumerate(fields):
            cx0 = x + i * cw
            p.rect((cx0, y, cx0 + cw, y + lh))
            p.rect((cx0, y + lh, cx0 + cw, y + lh + H))
            lpt = pt
            while p.width(label, lpt) > cw - p.px(2) and lpt > 6:  # a long label set smaller to fit its cell
                lpt -= 0.5
            p.text(cx0 + cw // 2, y + lh // 2, label, lpt, anchor="mm")
            slots.append(Slot(p.index, (cx0 + 2, y + lh + 2, cx0 + cw - 2, y + lh + H - 2), role, p.t(label)))
        return slots, y + lh + H + p.px(3)
    lw = max(p.width(lab, pt) for lab, _ in fields) + p.px(4)
    per_row = 2 if len(fields) > 1 and rng.random() < 0.6 and lw < w * 0.3 else 1
    cell = w // per_row
    rows = (len(fields) + per_row - 1) // per_row
    for i, (label, role) in enumerate(fields):
        r, c = divmod(i, per_row)
        cx0, cy0 = x + c * cell, y + r * H
        p.rect((cx0, cy0, cx0 + lw, cy0 + H))
        p.rect((cx0 + lw, cy0, cx0 + cell, cy0 + H))
        p.text(cx0 + p.px(2), cy0 + H // 2, label, pt, anchor="lm")
        slots.append(Slot(p.index, (cx0 + lw + 2, cy0 + 2, cx0 + cell - 2, cy0 + H - 2), role, p.t(label)))
    return slots, y + rows * H + p.px(3)


def block(p: Page, rng: random.Random, arrange: str, shapes: list[str], x: int, y: int, w: int,
          fields: list[tuple[str, Role]], pt: float, colon: str) -> tuple[list[Slot], int]:
    """Lay several fields out: side by side, stacked at the right, stacked full width, or as a table."""
    if arrange in ("grid_right", "grid_below"):
        return table(p, rng, x, y, w, fields, pt, below=arrange == "grid_below")
    slots: list[Slot] = []
    if arrange == "row":
        n = len(fields)
        cw = (w - p.px(6) * (n - 1)) // n
        bottom = y
        narrow = [s for s in shapes if s not in ("inline", "under_pair")] or ["rule"]  # these need a whole line
        for i, (label, role) in enumerate(fields):
            s, b = field(p, rng, rng.choice(narrow), x + i * (cw + p.px(6)), y, cw, label, role, pt, colon)
            slots.append(s)
            bottom = max(bottom, b)
        return slots, bottom + p.px(2)
    left = x + (w // 2 if arrange == "stack_right" else 0)
    fw = (x + w - left)
    shape = rng.choice(shapes)
    if arrange == "stack_right" and shape in ("inline", "under_pair"):
        shape = "rule"
    for label, role in fields:
        s, y = field(p, rng, shape, left, y, fw, label, role, pt, colon)
        slots.append(s)
        y += p.px(2)
    return slots, y


