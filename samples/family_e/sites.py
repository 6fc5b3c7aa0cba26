"""A site: one dealership or property office with its own printing habits, kept for all its forms."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids, people
from .signs import SHAPES
from .titles import SUBJECT_TITLES, TITLES

BRANDS = ["一汽-大众", "上汽大众", "广汽丰田", "东风日产", "长安福特", "吉利汽车", "比亚迪", "长城哈弗", "上汽通用别克",
          "北京现代", "奇瑞", "广汽传祺", "东风本田", "领克"]
DEALER_FORMS = ["{city}{trade}{brand}汽车销售服务有限公司", "{city}{trade}汽车贸易有限公司", "{trade}{brand}4S店",
                "{city}{trade}汽车服务有限公司"]
PROPERTY_FORMS = ["{city}{trade}物业管理有限公司", "{trade}物业服务有限公司{estate}服务中心", "{estate}客户服务中心",
                  "{city}{trade}物业{estate}管理处"]
TOWERS = ["国际中心", "金融大厦", "科技广场", "商务中心", "时代大厦", "财富广场"]


@dataclass
class Site:
    kind: str  # car or unit
    region: str
    company: str
    short: str  # printed in front of titles by some sites
    brand: str
    seal_name: str
    title_face: str
    body: str
    pt: float  # body size
    header: int  # 0 centred, 1 left block with number at right, 2 framed title, 3 title under a rule
    grid: str  # boxed, open, plain
    handfill: float  # share of values filled in by hand
    colon: str
    shapes: list[str]
    arrange: list[str]
    prefix: float
    date_style: int
    money_style: int
    order_style: int
    titles: dict[str, list[str]] = field(default_factory=dict)
    tower: str = ""
    english: bool = False  # joint-venture habit: "客户签字 Customer Signature"
    hant: float = 0.04  # share of its forms printed in Traditional
    parts: bool = False  # multi-part carbonless forms: "第二联 客户联" down the margin, tinted paper
    footer: str = ""  # address and phone line at the foot of its forms


def make_site(rng: random.Random, kind: str) -> Site:
    region = rng.choice(list(ids.REGIONS))
    city, trade = people.CITY_WORDS[region], rng.choice(people.TRADE)
    brand = rng.choice(BRANDS)
    estate = rng.choice(people.ESTATES) if rng.random() < 0.5 else rng.choice(TOWERS)
    form = rng.choice(DEALER_FORMS if kind == "car" else PROPERTY_FORMS)
    company = form.format(city=city, trade=trade, brand=brand.replace("-", ""), estate=estate)
    short = (trade + brand) if kind == "car" and rng.random() < 0.5 else (estate if kind == "unit" else trade + "汽车")
    titles = {code: rng.sample(opts, k=min(len(opts), rng.choice((1, 2, 2, 3)))) for code, opts in TITLES.items() if opts}
    titles.update({s: rng.sample(opts, k=min(len(opts), 2)) for s, opts in SUBJECT_TITLES.items()})
    return Site(kind=kind, region=region, company=company, short=short, brand=brand,
                seal_name=company,
                title_face=rng.choice(["bold", "serifb", "zenhei", "bold", "serifb"]),
                body=rng.choice(["sans", "serif", "zenhei", "microhei", "ming"]),
                pt=rng.uniform(9.5, 11.5), header=rng.randrange(4), grid=rng.choice(["boxed", "boxed", "open", "plain"]),
                handfill=rng.choice([0.0, 0.0, 0.5, 1.0]), colon=rng.choice(["：", "：", ":", ""]),
                shapes=rng.sample(list(SHAPES), k=rng.randint(2, 4)),
                arrange=rng.sample(["row", "stack_right", "stack", "grid_right", "grid_below"], k=2),
                prefix=rng.choice([0.0, 0.3, 0.8]), date_style=rng.randrange(5), money_style=rng.randrange(5),
                order_style=rng.randrange(5), titles=titles, tower=estate,
                english=rng.random() < 0.2, hant=0.4 if rng.random() < 0.2 else 0.04, parts=rng.random() < 0.3,
                footer=(f"地址：{people.address(rng, region)}　电话：{ids.landline(rng, region)}" if rng.random() < 0.5 else ""))
