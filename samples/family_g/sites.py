"""The sites that print family g's forms: each dealer and property office words, dates and numbers its own way."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from . import ids

CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"


@dataclass
class Site:
    key: str
    kind: str  # "dealer" | "property"
    name: str  # the company's full name
    short: str  # what its letterhead says in large
    city: ids.City
    brand: str | None
    trad: bool  # prints its forms in Traditional script
    english: bool  # English-first titles
    date_style: int
    money_style: int
    page_style: int
    head_style: int
    sig_styles: list[str]
    title_face: str
    prefix: str  # work-order / form number prefix
    phone: str
    staff: dict[str, str] = field(default_factory=dict)  # role word -> a person's name
    form_ink: tuple[int, int, int] = (28, 28, 32)
    handfill: float = 0.3  # share of values filled in by hand


SITES = [
    Site("tongda", "dealer", "杭州通达汽车销售服务有限公司", "通达上汽大众", ids.CITIES[0], "上汽大众", False, False, 0, 0, 0, 0,
         ["rule", "grid", "cells"], "bold", "TD", "0571-88213366"),
    Site("jinlun", "dealer", "成都金轮丰田汽车销售服务有限公司", "金轮一汽丰田", ids.CITIES[3], "一汽丰田", False, True, 1, 1, 1, 1,
         ["under", "cells", "stack"], "serifb", "JL", "028-85557700"),
    Site("huachen", "dealer", "佛山华辰宝马汽车服务有限公司", "BMW 华辰", ids.CITIES[5], "华晨宝马", True, True, 2, 2, 2, 2,
         ["box", "under", "dated"], "sans", "HC", "0757-82326688", form_ink=(20, 20, 24)),
    Site("jiangnan", "dealer", "苏州江南比亚迪汽车销售有限公司", "江南比亚迪", ids.CITIES[2], "比亚迪", False, False, 3, 3, 3, 3,
         ["inline", "grid", "vertical"], "zenhei", "JN", "0512-65218899", form_ink=(40, 70, 150), handfill=0.6),
    Site("ruifeng", "dealer", "武汉瑞丰日产汽车销售服务有限公司", "瑞丰东风日产", ids.CITIES[4], "东风日产", False, False, 4, 0, 4, 0,
         ["cells", "dated", "rule"], "bold", "RF", "027-87654123"),
    Site("tianjiao", "property", "宁波天骄物业服务有限公司", "天骄国际大厦管理处", ids.CITIES[1], None, False, False, 1, 1, 0, 1,
         ["rule", "stack", "box"], "serifb", "TJ", "0574-87301122", handfill=0.5),
    Site("haiyue", "property", "青岛海悦物业管理有限公司", "海悦中心客务部", ids.CITIES[6], None, True, True, 2, 3, 2, 2,
         ["under", "cells", "dated"], "ming", "HY", "0532-83889900"),
    Site("jinyu", "property", "合肥金域物业服务有限公司", "金域广场物业服务中心", ids.CITIES[7], None, False, False, 3, 0, 3, 3,
         ["inline", "vertical", "grid"], "bold", "JY", "0551-62887711", form_ink=(40, 70, 150), handfill=0.7),
]


def staff_for(site: Site, rng: random.Random) -> dict[str, str]:
    if not site.staff:
        r = random.Random(site.key)
        for role in ("sales", "advisor", "inspector", "tech", "cashier", "manager", "clerk", "engineer"):
            site.staff[role] = r.choice(ids.SURNAMES) + r.choice(ids.GIVEN)
    return site.staff


def fmt_date(site: Site, d: date, style: int | None = None) -> str:
    s = site.date_style if style is None else style
    if s == 0:
        return d.isoformat()
    if s == 1:
        return f"{d.year}年{d.month}月{d.day}日"
    if s == 2:
        return f"{d.year}/{d.month:02d}/{d.day:02d}"
    if s == 3:
        return f"{d.year}.{d.month}.{d.day}"
    return f"{d:%Y%m%d}"


def cn_number(d: date) -> str:
    n = "〇一二三四五六七八九"
    month = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][d.month]
    day = d.day
    ds = ("" if day < 10 else ("十" if day < 20 else n[day // 10] + "十")) + ("" if day % 10 == 0 and day >= 10 else n[day % 10])
    return "".join(n[int(c)] for c in str(d.year)) + "年" + month + "月" + ds + "日"


def capital(amount: float) -> str:
    """Amount in the capital numerals of invoices: 壹拾伍万玖仟捌佰元整."""
    fen = int(round(amount * 100))
    yuan, jiao, cents = fen // 100, fen // 10 % 10, fen % 10
    units = ["", "拾", "佰", "仟"]
    out = ""
    for group, gname in ((yuan // 10000, "万"), (yuan % 10000, "")):
        if not group:
            continue
        s, zero = "", False
        for k in range(3, -1, -1):
            digit = group // 10**k % 10
            if digit:
                if zero and s:
                    s += "零"
                s += CN_DIGITS[digit] + units[k]
                zero = False
            else:
                zero = True
        out += s + gname
    out = (out or "零") + "元"
    if jiao or cents:
        out += (CN_DIGITS[jiao] + "角" if jiao else "零") + (CN_DIGITS[cents] + "分" if cents else "")
    else:
        out += "整"
    return out


def fmt_money(site: Site, amount: float, style: int | None = None) -> str:
    s = site.money_style if style is None else style
    if s == 0:
        return f"¥{amount:,.2f}"
    if s == 1:
        return f"{amount:.2f}元"
    if s == 2:
        return f"RMB {amount:,.2f}"
    return f"{amount:,.2f}"


def fmt_mobile(m: str, style: int) -> str:
    return [m, f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}"][style % 3]


def fmt_landline(land: str, style: int) -> str:
    area, num = land.split("-")
    return [land, f"({area}){num}", f"{area} {num[:4]} {num[4:]}"][style % 3]


def page_mark(site: Site, k: int, n: int) -> str:
    return [f"第{k}页 共{n}页", f"- {k} -", f"Page {k} of {n}", f"{k}/{n}", f"第 {k} 页／共 {n} 页"][site.page_style % 5]
