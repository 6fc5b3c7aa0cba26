"""A site: one dealership or property office, with its own printed wording, fonts and form layout.

A site's choices are drawn once, so all of its forms of one type look alike, and two sites differ.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids
from .signing import SHAPES
from .titles import APPLICATIONS, TITLES

DEALER_WORDS = ("远航", "恒信", "嘉禾", "瑞丰", "天成", "骏达", "宏图", "和信", "安驰", "众鑫", "锦程", "鸿运")
ESTATES = ("金融广场", "世纪大厦", "滨江中心", "国际商务中心", "星河湾花园", "万景苑", "云锦大厦", "东方明珠公寓")
DATE_STYLES = ("{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}", "{y}/{m:02d}/{d:02d}", "{y}.{m:02d}.{d:02d}", "{y}年{m:02d}月{d:02d}日")


@dataclass
class Site:
    kind: str  # "car" or "unit"
    company: str
    short: str
    city: str
    province: str
    area: str
    brand: str
    body: str  # font kind
    title_face: str
    header: int  # blocks.header style
    grid: bool  # ruled label/value tables, else underlined lines
    shapes: tuple[str, ...]  # the signature field shapes this site's forms use
    arrangement: str  # "row" or "stack" or "cells"
    colon: str
    date_style: str
    order_prefix: str
    form_prefix: str
    dpi: int
    carbon: bool  # multi-part carbonless forms: the parts' colours printed at the foot
    half_sheets: bool = False  # workshop forms on A5 across
    sign_at_foot: bool = True  # the signature area at the page's foot, else right under the content
    titles: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # signature labels, one wording per form and party

    def title(self, code: str, rng: random.Random, subject: str | None = None) -> str:
        key = f"application:{subject}" if subject else code
        if key not in self.titles:
            options = APPLICATIONS[subject] if subject else TITLES[code]
            self.titles[key] = rng.choice(options)
        return self.titles[key].format(brand=self.brand, short=self.short)

    def date(self, d) -> str:  # noqa: ANN001 - a datetime.date
        return self.date_style.format(y=d.year, m=d.month, d=d.day)


def _style(rng: random.Random, dealer: bool) -> dict:
    shapes = tuple(rng.sample(SHAPES, rng.choice((1, 2, 2, 3))))
    # Some workshops still print their sheets on a dot-matrix printer: a monospaced face.
    faces = ("sans", "serif", "zenhei", "microhei", "ming", "sans") + (("mono", "zenhei_mono") if dealer else ())
    return {
        "body": rng.choice(faces),
        "carbon": rng.random() < 0.35,
        "sign_at_foot": rng.random() < 0.7,
        "title_face": rng.choice(("bold", "serifb", "bold", "zenhei")),
        "header": rng.randrange(3),
        "grid": rng.random() < 0.6,
        "shapes": shapes,
        "arrangement": "cells" if "cell" in shapes and rng.random() < 0.6 else rng.choice(("row", "stack")),
        "colon": rng.choice(("：", "：", ":", "")),
        "date_style": rng.choice(DATE_STYLES),
        "dpi": rng.choice((150, 150, 200)),
    }


def dealer(rng: random.Random) -> Site:
    province = rng.choice(list(ids.CITIES))
    _, city, area = ids.CITIES[province]
    word = rng.choice(DEALER_WORDS)
    brand = rng.choice(("大众", "别克", "丰田", "本田", "比亚迪", "吉利", "奥迪", "宝马", "日产"))
    company = f"{city}{word}{brand}汽车销售服务有限公司" if rng.random() < 0.6 else f"{city}{word}汽车服务有限公司"
    return Site(kind="car", company=company, half_sheets=rng.random() < 0.3, short=word + ("4S店" if rng.random() < 0.5 else "汽车"), city=city,
                province=province, area=area, brand=brand, order_prefix=rng.choice(("WO", "RO", "GD", "W", "")),
                form_prefix=rng.choice(("QR", "FW", "SH", "YD")), **_style(rng, True))


def property_office(rng: random.Random) -> Site:
    province = rng.choice(list(ids.CITIES))
    _, city, area = ids.CITIES[province]
    estate = rng.choice(ESTATES)
    word = rng.choice(("嘉联", "恒泰", "锦华", "瑞庭", "安和", "德邻"))
    company = f"{city}{word}{rng.choice(('物业管理有限公司', '物业服务有限公司', '商业管理有限公司'))}"
    return Site(kind="unit", company=company, short=estate, city=city, province=province, area=area, brand=estate,
                order_prefix="", form_prefix=rng.choice(("WY", "KF", "PM")), **_style(rng, False))
