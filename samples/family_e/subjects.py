"""What the documents are about: a car and its visits, or a unit and its tenant."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from . import ids, people
from .people import Customer

MODELS = ["朗逸 1.5L 自动舒适版", "凯美瑞 2.0E 精英版", "轩逸 1.6XL CVT", "锐界 EcoBoost 245", "星越L 2.0T 旗舰型",
          "汉 EV 冠军版", "哈弗H6 1.5T 两驱", "昂科威 Plus 28T", "途胜L 1.5T 智能版", "瑞虎8 PRO", "影豹 270T",
          "CR-V 240TURBO", "领克06 Remix", "秦PLUS DM-i 55KM"]
BRAND_MODELS = {"一汽-大众": ["迈腾 330TSI 豪华型", "速腾 280TSI 舒适型", "探岳 330TSI"], "上汽大众": ["朗逸 1.5L 自动舒适版", "帕萨特 330TSI", "途观L 380TSI"],
                "广汽丰田": ["凯美瑞 2.0E 精英版", "汉兰达 2.5L 双擎", "雷凌 185T"], "东风日产": ["轩逸 1.6XL CVT", "奇骏 VC-Turbo 300"],
                "长安福特": ["锐界 EcoBoost 245", "蒙迪欧 EcoBoost 245"], "吉利汽车": ["星越L 2.0T 旗舰型", "博越L 1.5T"],
                "比亚迪": ["汉 EV 冠军版", "秦PLUS DM-i 55KM", "宋PLUS DM-i"], "长城哈弗": ["哈弗H6 1.5T 两驱", "哈弗大狗 1.5T"],
                "上汽通用别克": ["昂科威 Plus 28T", "君越 652T"], "北京现代": ["途胜L 1.5T 智能版", "伊兰特 1.5L"],
                "奇瑞": ["瑞虎8 PRO", "艾瑞泽8 1.6T"], "广汽传祺": ["影豹 270T", "GS8 2.0TGDI"], "东风本田": ["CR-V 240TURBO", "思域 240TURBO"],
                "领克": ["领克06 Remix", "领克03 2.0T"]}
COLOURS = ["珍珠白", "曜石黑", "星空灰", "极光蓝", "宝石红", "钛银"]
JOBS = {"maintenance": ["定期保养", "常规保养", "保养"], "minor_repair": ["小修", "一般维修", "机电小修"],
        "first_service": ["首保", "首次保养", "免费首保"], "major_repair": ["大修", "发动机大修", "总成大修"],
        "warranty_claim": ["索赔", "质量担保", "保修索赔"]}
JOB_WEIGHTS = {"maintenance": 35, "minor_repair": 30, "first_service": 10, "major_repair": 10, "warranty_claim": 15}


@dataclass
class Car:
    vin: str
    plate: str | None
    model: str
    colour: str
    owner: Customer
    delivered: date
    sales: str  # the sales consultant


@dataclass
class Visit:
    order: str
    day: date
    job: str
    mileage: int
    advisor: str
    tech: str


@dataclass
class Unit:
    unit: str
    tenant: Customer
    since: date


def car(rng: random.Random, region: str, brand: str | None = None) -> Car:
    owner = people.customer(rng, region)
    return Car(vin=ids.vin(rng), plate=ids.plate(rng, region), model=rng.choice(BRAND_MODELS.get(brand or "", MODELS)), colour=rng.choice(COLOURS),
               owner=owner, delivered=ids.day(rng), sales=people.name(rng))


def visit(rng: random.Random, c: Car, order_style: int) -> Visit:
    job = rng.choices(list(JOB_WEIGHTS), weights=list(JOB_WEIGHTS.values()))[0]
    d = c.delivered + timedelta(days=rng.randrange(40, 900)) if job != "first_service" else c.delivered + timedelta(days=rng.randrange(30, 200))
    d = min(d, ids.LAST_DAY)
    return Visit(order=ids.order_number(rng, d, order_style), day=d, job=job,
                 mileage=rng.randrange(3000, 8000) if job == "first_service" else rng.randrange(8000, 120000),
                 advisor=people.name(rng), tech=people.name(rng))


def unit(rng: random.Random, region: str) -> Unit:
    style = rng.randrange(3)
    if style == 0:
        u = f"{rng.choice('ABCD')}座{rng.randrange(2, 32)}{rng.randrange(1, 20):02d}"
    elif style == 1:
        u = f"{rng.randrange(1, 20)}-{rng.randrange(1, 5)}-{rng.randrange(1, 30)}0{rng.randrange(1, 5)}"
    else:
        u = f"{rng.randrange(2, 40)}F-{rng.randrange(1, 16):02d}"
    t = people.customer(rng, region)
    if style != 1 and t.company is None and rng.random() < 0.6:  # office towers: mostly companies
        t.company = people.company(rng, region)
        t.credit = ids.credit_code(rng, region)
    return Unit(unit=u, tenant=t, since=ids.day(rng))
