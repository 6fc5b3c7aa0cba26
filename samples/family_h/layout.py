"""Family h's building blocks on a `Flow`: headers in five styles, key-value grids, ruled tables,
contract paragraphs, tick lists, and signature fields in eight shapes."""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass, field

from .canvas import Flow, Page
from .sites import Site, hant

GREY_FILL = (232, 232, 232)


def pick(site: Site, key: str, options: list[str] | tuple[str, ...]) -> str:
    """The site's own choice among `options` (fixed per site and key, as a printed form is)."""
    return options[zlib.crc32((site.key + "|" + key).encode()) % len(options)]


@dataclass
class Ctx:
    rng: random.Random
    site: Site
    fields: dict[str, str] = field(default_factory=dict)
    paper: tuple[int, int, int] | None = None  # a carbon copy's tint, overriding the form's own paper
    copy: str = ""  # 存根联 / 客户联 printed in the corner of a duplicate

    def t(self, s: str) -> str:
        return hant(s) if self.site.hant else s

    def L(self, key: str, options: tuple[str, ...], en: str = "") -> str:
        """A label in the site's wording; bilingual sites add the English."""
        s = self.t(pick(self.site, key, options))
        if self.site.bilingual and en:
            return f"{s} {en}" if zlib.crc32(key.encode()) % 2 else f"{en}/{s}"
        return s


def fit(p: Page, s: str, size: float, width: float, kind: str | None = None) -> float:
    while size > 2.0 and p.width(s, size, kind) > width:
        size -= 0.2
    return size


def header(f: Flow, c: Ctx, title: str, english: str, meta: list[str]) -> str:
    """The top of a first page in the site's style; returns the title line as printed."""
    p, s, rng = f.page, c.site, c.rng
    L, R = f.left, f.right
    mid = (L + R) / 2
    shown = title
    if s.bilingual and english:
        shown = f"{english} {title}" if rng.random() < 0.5 else f"{title} {english}"
    size = fit(p, shown, 6.2 if f.w_mm > 160 else 5.2, R - L - 10, s.heading)
    style = s.title_style
    if style == "logo":
        p.rect(L, f.y, L + 14, f.y + 14, 0.6, fill=(30, 70, 140), outline=(30, 70, 140))
        p.text(L + 7, f.y + 2.2, c.t(s.short[:1]), 8, kind=s.heading, anchor="ma", colour=(255, 255, 255), record=False)
        p.text(L + 17, f.y + 1, c.t(s.company), 4.2, kind=s.heading)
        p.text(L + 17, f.y + 8, c.t(f"地址：{s.city}  服务热线：{s.area}-{zlib.crc32(s.key.encode()) % 9000000 + 1000000}"),
               2.7)
        f.y += 19
        p.text(mid, f.y, shown, size, kind=s.heading, anchor="ma")
        f.y += size + 4
    elif style == "banner":
        p.rect(L, f.y, R, f.y + size + 5, 0.3, fill=(40, 40, 48), outline=(40, 40, 48))
        p.text(mid, f.y + 2.2, shown, size, kind=s.heading, anchor="ma", colour=(250, 250, 250))
        f.y += size + 7
        p.text(R, f.y, c.t(s.company), 3.0, anchor="ra")
        f.y += 5
    elif style == "boxed":
        p.text(L, f.y, c.t(s.company), 3.4)
        f.y += 6
        w = p.width(shown, size, s.heading) + 16
        p.rect(mid - w / 2, f.y, mid + w / 2, f.y + size + 6, 0.6)
        p.rect(mid - w / 2 + 1.2, f.y + 1.2, mid + w / 2 - 1.2, f.y + size + 4.8, 0.25)
        p.text(mid, f.y + 2.6, shown, size, kind=s.heading, anchor="ma")
        f.y += size + 10
    elif style == "underline":
        if s.brand:
            p.text(L, f.y, c.t(s.brand), 4.0, kind=s.heading, colour=(170, 20, 30))
        p.text(R, f.y + 0.8, c.t(s.short), 3.0, anchor="ra")
        f.y += 7
        p.text(mid, f.y, shown, size, kind=s.heading, anchor="ma")
        w = p.width(shown, size, s.heading) + 6
        p.line(mid - w / 2, f.y + size + 2.2, mid + w / 2, f.y + size + 2.2, 0.5)
        p.line(mid - w / 2, f.y + size + 3.2, mid + w / 2, f.y + size + 3.2, 0.25)
        f.y += size + 7
    else:
        p.text(mid, f.y, shown, size, kind=s.heading, anchor="ma")
        f.y += size + 4
    if meta:
        x = L
        gap = (R - L) / max(1, len(meta))
        for k, m in enumerate(meta):
            if k == len(meta) - 1 and len(meta) > 1:
                p.text(R, f.y, m, 3.0, anchor="ra")
            else:
                p.text(x, f.y, m, 3.0)
            x += gap
        f.y += 6
    return shown


@dataclass
class KV:
    label: str
    value: str
    hand: bool = False
    span: bool = False  # a whole row


def two_panels(f: Flow, c: Ctx, left: tuple[str, list[KV]], right: tuple[str, list[KV]], row_h: float = 8.5) -> None:
    """A two-column form: two headed panels side by side (客户资料 | 车辆资料), one pair per row."""
    rows = max(len(left[1]), len(right[1]))
    f.need(rows * row_h + 12)
    y0 = f.y
    mid = (f.left + f.right) / 2
    ends = []
    for (head, items), (x0, x1) in ((left, (f.left, mid - 2)), (right, (mid + 2, f.right))):
        f.y = y0
        f.page.rect(x0, f.y, x1, f.y + 7, 0.3, fill=(40, 40, 48))
        f.page.text((x0 + x1) / 2, f.y + 1.4, head, 3.4, anchor="ma", colour=(255, 255, 255))
        f.y += 7
        kv_grid(f, c, items, cols=1, row_h=row_h, span_x=(x0, x1))
        ends.append(f.y)
    f.y = max(ends)


def kv_grid(f: Flow, c: Ctx, items: list[KV], cols: int = 2, row_h: float = 8.5, shade: bool = False,
            ruled: bool = True, span_x: tuple[float, float] | None = None) -> None:
    """Label/value pairs in a ruled grid (or, unruled, in aligned columns with dotted leaders)."""
    L, R = span_x or (f.left, f.right)
    rows: list[list[KV]] = []
    cur: list[KV] = []
    for it in items:
        if it.span:
            if cur:
                rows.append(cur)
                cur = []
            rows.append([it])
        else:
            cur.append(it)
            if len(cur) == cols:
                rows.append(cur)
                cur = []
    if cur:
        rows.append(cur)
    p = f.page
    lab_w = max(p.width(it.label, 3.1) for it in items) + 4
    lab_w = min(lab_w, (R - L) / cols * 0.5)
    for row in rows:
        p = f.need(row_h)
        y = f.y
        n = len(row) if not row[0].span else 1
        cw = (R - L) / (cols if not row[0].span else 1)
        if row[0].span:
            cw = R - L
        for k, it in enumerate(row[:n]):
            x = L + k * cw
            if ruled:
                if shade:
                    p.rect(x, y, x + lab_w, y + row_h, 0.25, fill=GREY_FILL)
                p.rect(x, y, x + cw, y + row_h, 0.25)
                p.line(x + lab_w, y, x + lab_w, y + row_h, 0.25)
            ls = fit(p, it.label, 3.1, lab_w - 2)
            p.text(x + 1.2, y + (row_h - ls) / 2 - 0.4, it.label, ls)
            vw = cw - lab_w - 2.5
            if it.hand:
                vs = fit(p, it.value, 3.8, vw, p.style.hand)
                p.hand(x + lab_w + 1.5, y + (row_h - vs) / 2 - 0.8, it.value, vs, c.rng)
            else:
                vs = fit(p, it.value, 3.2, vw)
                p.text(x + lab_w + 1.5, y + (row_h - vs) / 2 - 0.4, it.value, vs)
            if not ruled:
                p.line(x + lab_w, y + row_h - 1.2, x + cw - 3, y + row_h - 1.2, 0.15, colour=(120, 120, 120))
        f.y += row_h
    f.y += 3


def table(f: Flow, c: Ctx, headers: list[str], rows: list[list[str]], widths: list[float], row_h: float = 7.5,
          hand_cols: tuple[int, ...] = ()) -> None:
    L, R = f.left, f.right
    total = sum(widths)
    xs = [L]
    for w in widths:
        xs.append(xs[-1] + (R - L) * w / total)

    def head() -> None:
        p = f.need(row_h * 2)
        p.rect(L, f.y, R, f.y + row_h, 0.3, fill=GREY_FILL)
        for k, h in enumerate(headers):
            hs = fit(p, h, 3.0, xs[k + 1] - xs[k] - 2)
            p.text((xs[k] + xs[k + 1]) / 2, f.y + (row_h - hs) / 2 - 0.4, h, hs, anchor="ma")
            p.line(xs[k], f.y, xs[k], f.y + row_h, 0.25)
        p.line(R, f.y, R, f.y + row_h, 0.25)
        f.y += row_h

    head()
    for r in rows:
        before = len(f.pages)
        p = f.need(row_h)
        if len(f.pages) != before:
            head()
            p = f.page
        p.rect(L, f.y, R, f.y + row_h, 0.25)
        for k, v in enumerate(r):
            p.line(xs[k], f.y, xs[k], f.y + row_h, 0.25)
            if not v:
                continue
            if k in hand_cols:
                vs = fit(p, v, 3.6, xs[k + 1] - xs[k] - 2, p.style.hand)
                p.hand(xs[k] + 1.2, f.y + (row_h - vs) / 2 - 0.8, v, vs, c.rng)
            else:
                vs = fit(p, v, 3.0, xs[k + 1] - xs[k] - 2)
                right = k > 0 and v[:1] in "¥R0123456789" and any(ch.isdigit() for ch in v) and len(r) > 2
                if right:
                    p.text(xs[k + 1] - 1.2, f.y + (row_h - vs) / 2 - 0.4, v, vs, anchor="ra")
                else:
                    p.text(xs[k] + 1.2, f.y + (row_h - vs) / 2 - 0.4, v, vs)
        f.y += row_h
    f.y += 3


def paragraph(f: Flow, text: str, size: float = 3.2, indent: bool = True, lead: float = 1.55) -> None:
    """Wrap Chinese text character by character inside the margins."""
    p = f.page
    width = f.right - f.left
    line = "　　" if indent else ""
    lines = []
    for tok in re.findall(r"[A-Za-z0-9.:/\-]+|.", text):  # a VIN or a number is never broken
        if p.width(line + tok, size) > width:
            lines.append(line)
            line = ""
        line += tok
    if line:
        lines.append(line)
    for ln in lines:
        p = f.need(size * lead)
        p.text(f.left, f.y, ln, size)
        f.y += size * lead
    f.y += size * 0.4


def ticks(f: Flow, c: Ctx, items: list[str], states: list[bool], style: str) -> None:
    """Check lists: `two` = 正常/异常 columns, `marks` = hand √/× after the item, `grid` = boxes in three columns."""
    L, R = f.left, f.right
    rng = c.rng
    if style == "two":
        ok, bad = c.t(pick(c.site, "ok", ("正常", "合格", "良好", "OK"))), c.t(pick(c.site, "bad", ("异常", "不合格", "需维修", "NG")))
        table(f, c, [c.t("序号"), c.t("检查项目"), ok, bad, c.t("备注")], [[str(k + 1), it, "", "", ""] for k, it in enumerate(items)],
              [1, 7, 1.6, 1.6, 3])
        # tick the right column in each row, by hand
        p = f.page
        row_h = 7.5
        y0 = f.y - 3 - row_h * len(items)
        if y0 < f.margin:  # the table broke across pages: tick nothing rather than guess
            return
        total = 1 + 7 + 1.6 + 1.6 + 3
        x_ok = L + (R - L) * (8 + 0.8) / total
        x_bad = L + (R - L) * (9.6 + 0.8) / total
        for k, st in enumerate(states):
            x = x_ok if st else x_bad
            y = y0 + k * row_h + 1.8
            p.d.line([(p.px(x - 1.6), p.px(y + 2)), (p.px(x - 0.4), p.px(y + 3.6)), (p.px(x + 2.0), p.px(y))],
                     fill=(28, 48, 150), width=max(2, p.px(0.4)))
        return
    if style == "marks":
        for k, (it, st) in enumerate(zip(items, states, strict=True)):
            p = f.need(7)
            p.text(L + 2, f.y, f"{k + 1}. {it}", 3.2)
            p.line(L + 2 + p.width(f"{k + 1}. {it}", 3.2) + 2, f.y + 3.4, R - 14, f.y + 3.4, 0.15, colour=(130, 130, 130))
            p.hand(R - 10, f.y - 0.8, "√" if st else "×", 4.4, rng)
            f.y += 7
        f.y += 2
        return
    cols = 3
    cw = (R - L) / cols
    for k in range(0, len(items), cols):
        p = f.need(7.5)
        for j, (it, st) in enumerate(zip(items[k:k + cols], states[k:k + cols], strict=True)):
            x = L + j * cw
            p.tickbox(x + 1, f.y + 0.6, 3.4, st, rng, hand=rng.random() < 0.7)
            s = fit(p, it, 3.1, cw - 8)
            p.text(x + 6, f.y + 0.4, it, s)
        f.y += 7.5
    f.y += 2


SHAPES = ("cells", "boxes", "colon", "rule_below", "vertical", "party", "bracket", "dated")


def signatures(f: Flow, c: Ctx, fields: list[tuple[str, str]], shape: str, day_text: str = "",
               party_names: list[str] | None = None) -> list[tuple[int, int]]:
    """Draw the signature fields; returns (page index in the flow, slot index) for each."""
    L, R = f.left, f.right
    out: list[tuple[int, int]] = []
    n = len(fields)
    if shape == "cells":
        h = 22.0
        p = f.need(h + 2)
        cw = (R - L) / n
        for k, (role, label) in enumerate(fields):
            x = L + k * cw
            p.rect(x, f.y, x + cw, f.y + h, 0.3)
            p.text(x + 1.5, f.y + 1.2, label, fit(p, label, 3.0, cw - 3))
            out.append((len(f.pages) - 1, p.slot(role, label, x + 2, f.y + 6.5, x + cw - 2, f.y + h - 1.5)))
        f.y += h + 3
    elif shape == "boxes":
        h = 18.0
        p = f.need(h + 8)
        cw = min(70.0, (R - L) / n)
        gap = ((R - L) - cw * n) / max(1, n - 1) if n > 1 else 0
        for k, (role, label) in enumerate(fields):
            x = L + k * (cw + gap) if n > 1 else R - cw
            p.text(x, f.y, label, fit(p, label, 3.0, cw))
            p.rect(x, f.y + 4.8, x + cw - 2, f.y + 4.8 + h, 0.35)
            out.append((len(f.pages) - 1, p.slot(role, label, x + 1, f.y + 5.8, x + cw - 3, f.y + 3.8 + h)))
        f.y += h + 9
    elif shape in ("colon", "dated", "bracket"):
        side = n == 2 and shape != "dated"
        half = (R - L) / 2
        for k, (role, label) in enumerate(fields):
            p = f.need(14) if not side or k == 0 else f.page
            y = f.y + 7
            x = L + (k * half if side else 0)
            lab = label + ("【" if shape == "bracket" else "：")
            end = (x + half - 4) if side else R - (52 if shape == "dated" else 60)
            size = fit(p, lab, 3.3, (end - x) - 28)
            p.text(x, y, lab, size)
            x1 = x + p.width(lab, size) + 1
            if shape == "bracket":
                p.text(end, y, "】", size)
            else:
                p.line(x1, y + 4.8, end, y + 4.8, 0.25)
            out.append((len(f.pages) - 1, p.slot(role, label, x1 + 0.5, y - 6.5, end - 0.5, y + 4.2)))
            if shape == "dated":
                p.text(end + 3, y, c.t("日期：") + (day_text or "    年    月    日"), 3.3)
            if not side:
                f.y += 13
        if side:
            f.y += 13
        f.y += 3
    elif shape == "rule_below":
        h = 13.0
        p = f.need(h + 10)
        cw = (R - L) / n
        for k, (role, label) in enumerate(fields):
            x = L + k * cw + 4
            x1 = x + min(60.0, cw - 8)
            p.line(x, f.y + h, x1, f.y + h, 0.3)
            p.text((x + x1) / 2, f.y + h + 1.5, f"（{label}）", 3.0, anchor="ma")
            out.append((len(f.pages) - 1, p.slot(role, label, x + 0.5, f.y + 0.5, x1 - 0.5, f.y + h - 0.8)))
        f.y += h + 9
    elif shape == "vertical":
        h = 26.0
        p = f.need(h + 3)
        cw = (R - L) / n
        for k, (role, label) in enumerate(fields):
            x = L + k * cw
            p.rect(x, f.y, x + cw, f.y + h, 0.3)
            p.line(x + 8, f.y, x + 8, f.y + h, 0.3)
            chars = [ch for ch in label if ch.strip() and not ch.isascii() and ch not in "/（）()"][:6]
            label = "".join(chars)
            step = (h - 2) / max(1, len(chars))
            size = min(3.4, step * 0.85)
            for j, ch in enumerate(chars):
                p.text(x + 4, f.y + 1 + j * step + (step - size) / 2, ch, size, anchor="ma")
            out.append((len(f.pages) - 1, p.slot(role, label, x + 9.5, f.y + 1.5, x + cw - 1.5, f.y + h - 1.5)))
        f.y += h + 3
    else:  # party: a contract's foot, each party's name, then a signing line and a date
        p = f.need(40)
        cw = (R - L) / n
        names = party_names or [""] * n
        for k, (role, label) in enumerate(fields):
            x = L + k * cw
            y = f.y
            head = names[k]
            if head:
                p.text(x, y, head, fit(p, head, 3.2, cw - 4))
                y += 8
            p.text(x, y + 7, label + "：", 3.2)
            x1 = x + p.width(label + "：", 3.2) + 1
            p.line(x1, y + 12, x + cw - 6, y + 12, 0.2)
            out.append((len(f.pages) - 1, p.slot(role, label, x1 + 0.5, y + 0.5, x + cw - 6.5, y + 11.4)))
            p.text(x, y + 15, c.t("日期：") + (day_text or "      年    月    日"), 3.1)
        f.y += 40
    return out
