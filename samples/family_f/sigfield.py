"""Signature fields in the shapes offices print them; each records the blank region a signature goes in."""

from __future__ import annotations

from dossier.models import Role

from .page import Page, Spot

ROLES: dict[str, Role] = {"customer": "customer", "staff": "staff"}


def draw_field(p: Page, x: int, y: int, w: int, label: str, who: str, shape: str, colon: str,
               company_side: bool = False, size: float = 10.5) -> int:
    """Draw one field at (x, y) within width w; return the height it took. `label` in Simplified."""
    role = ROLES[who]
    lab = p.t(label)
    c = colon
    lh = p.line_h(size)
    sig_h = p.mm(12)
    pad = p.mm(1.5)
    if shape in ("colon_rule", "bare_rule", "slash_date", "bracket"):
        if shape == "slash_date":
            lab = p.t(label + "/日期")
        shown = lab + (c if shape != "bare_rule" else "")
        top = y + sig_h - lh
        lb = p.text(x, top, shown, size)
        x0 = lb[2] + pad
        x1 = x + w
        base = top + lh
        if shape == "bracket":
            p.text(x0, top, "【", size)
            p.text(x1 - p.width_of("】", size), top, "】", size)
            box = (x0 + p.width_of("【", size), y + p.mm(1), x1 - p.width_of("】", size), base + pad)
        else:
            p.hline(x0, x1, base + pad // 2)
            box = (x0, y, x1, base + pad)
        p.spots.append(Spot(role, lab, box, company_side))
        return sig_h + pad * 3
    if shape == "pair":  # "客户签字：______  日期：______" on one line; only the first blank takes the signature
        top = y + sig_h - lh
        lb = p.text(x, top, lab + (c or "："), size)
        x0 = lb[2] + pad
        date_w = p.width_of(p.t("日期") + (c or "：") + "　" * 6, size)
        x1 = max(x0 + p.mm(25), x + w - date_w - p.mm(4))
        base = top + lh
        p.hline(x0, x1, base + pad // 2)
        db = p.text(x1 + p.mm(3), top, p.t("日期") + (c or "："), size)
        p.hline(db[2] + pad, x + w, base + pad // 2)
        p.spots.append(Spot(role, lab, (x0, y, x1, base + pad), company_side))
        return sig_h + pad * 3
    if shape == "after":  # the blank first, the label after it: "______（客户签字）"
        top = y + sig_h - lh
        shown = lab if lab.endswith(("）", ")")) else f"（{lab}）"
        lw = p.width_of(shown, size)
        x1 = x + max(p.mm(30), w - lw - pad)
        p.hline(x, x1, top + lh + pad // 2)
        p.text(x1 + pad, top, shown, size)
        p.spots.append(Spot(role, shown, (x, y, x1, top + lh + pad), company_side))
        return sig_h + pad * 3
    if shape == "below":  # a rule to sign on, the label printed under it
        rule_y = y + sig_h
        x1 = x + min(w, p.mm(70))
        p.hline(x, x1, rule_y)
        p.text((x + x1) // 2, rule_y + pad, lab, size - 1, anchor="c")
        p.spots.append(Spot(role, lab, (x, y, x1, rule_y + pad // 2), company_side))
        return sig_h + lh + pad * 3
    if shape == "cell":  # label in a cell, the blank in the next cell
        lw = p.width_of(lab, size) + 2 * pad
        h = sig_h + 2 * pad
        p.rect((x, y, x + lw, y + h))
        p.rect((x + lw, y, x + w, y + h))
        p.text(x + pad, y + (h - lh) // 2, lab, size)
        p.spots.append(Spot(role, lab, (x + lw + pad, y + pad, x + w - pad, y + h - pad), company_side))
        return h + pad
    if shape == "framed":  # a box with the label at its top-left, signed inside
        h = sig_h + lh + 2 * pad
        p.rect((x, y, x + w, y + h))
        p.text(x + pad, y + pad, lab + c, size - 1)
        p.spots.append(Spot(role, lab, (x + pad, y + lh + pad, x + w - pad, y + h - pad), company_side))
        return h + pad
    # "above": the label alone on a line, the signature in the open space under it
    p.text(x, y, lab + c, size)
    p.spots.append(Spot(role, lab, (x, y + lh + pad, x + w, y + lh + sig_h), company_side))
    return lh + sig_h + pad * 2
