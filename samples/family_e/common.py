"""Small helpers every form uses: its title, a signature label, the customer's identity rows."""

from __future__ import annotations

import random
from datetime import date

from dossier.models import Role

from . import ids, titles
from .people import Customer
from .sites import Site

Item = tuple[str, str, str | None, str | None]  # label, printed value, field name, truth value


def title(site: Site, rng: random.Random, code: str, subject: str | None = None) -> str:
    t = rng.choice(site.titles[subject or code])
    if code in titles.PREFIXABLE and rng.random() < site.prefix:
        t = site.short + rng.choice(("", " ", "·")) + t
    return t


def label(rng: random.Random, parties: list[str], role: Role) -> tuple[str, Role]:
    forms = titles.SIGN_FORMS if role == "customer" else titles.STAFF_FORMS
    return rng.choice(forms).format(p=rng.choice(parties)), role


def who(rng: random.Random, c: Customer, person_words: list[str], phones: bool = True, ident: bool = False) -> list[Item]:
    out: list[Item] = []
    if c.company:
        out.append((rng.choice(["单位名称", "客户名称", "公司名称"]), c.company, "company", c.company))
        out.append((rng.choice(["联系人", "经办人姓名", "联系人姓名"]), c.contact, "contact", c.contact))
        if ident and c.credit:
            out.append((rng.choice(["统一社会信用代码", "信用代码"]), c.credit, "credit_code", c.credit))
    else:
        out.append((rng.choice(person_words), c.name, "name", c.name))
        if c.contact != c.name:
            out.append(("联系人", c.contact, "contact", c.contact))
        if ident:
            out.append((rng.choice(["身份证号码", "证件号码", "身份证号"]), c.id_number, "id_number", c.id_number))
    if phones:
        out.append((rng.choice(["手机", "手机号码", "移动电话", "联系电话"]), _mobile(rng, c.mobile), "mobile", c.mobile))
        if rng.random() < 0.5:
            out.append((rng.choice(["固定电话", "座机", "办公电话"]), _landline(rng, c.landline), "landline", c.landline))
    return out


def _mobile(rng: random.Random, m: str) -> str:
    return [m, f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}"][rng.randrange(3)]


def _landline(rng: random.Random, n: str) -> str:
    area, num = n.split("-")
    return [n, f"({area}){num}", f"{area} {num}"][rng.randrange(3)]


def when(site: Site, d: date, label_text: str) -> Item:
    return (label_text, ids.show_date(d, site.date_style), "date", d.isoformat())


def money(site: Site, v: float, label_text: str) -> Item:
    return (label_text, ids.show_amount(v, site.money_style), "amount", ids.amount(v))
