"""The subjects documents are about: a car and its owner, a workshop visit, a property unit and its tenant."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids
from .sites import Site

MODELS = {"上汽大众": ("帕萨特 330TSI", "途观L 380TSI", "朗逸 1.5L"), "一汽-大众": ("迈腾 330TSI", "探岳 280TSI", "速腾 300TSI"),
          "东风日产": ("天籁 2.0L", "轩逸 1.6L", "奇骏 2.0T"), "广汽丰田": ("凯美瑞 2.5HEV", "汉兰达 2.5L", "雷凌 1.8L"),
          "广汽本田": ("雅阁 260TURBO", "冠道 240TURBO", "飞度 1.5L"), "比亚迪": ("汉 EV", "宋PLUS DM-i", "秦PLUS"),
          "上汽通用别克": ("君越 652T", "昂科威 PLUS", "GL8 ES"), "华晨宝马": ("530Li", "X3 xDrive30i", "325Li"),
          "北京奔驰": ("E 300 L", "C 260 L", "GLC 300 L"), "长安福特": ("蒙迪欧 EcoBoost245", "锐际 2.0T", "探险者")}
COLOURS = ("珍珠白", "曜石黑", "星光银", "极光蓝", "宝石红", "钛金灰")


@dataclass
class Owner:
    name: str  # the person, or the company's name for a company customer
    is_company: bool
    contact: str
    mobile: str
    landline: str
    address: str
    id_number: str
    credit_code: str
    writer: int  # whose handwriting signs for this customer (samples/real/chinese-signatures, writers 1-20)


def owner(rng: random.Random, company_p: float = 0.2) -> Owner:
    is_co = rng.random() < company_p
    contact = ids.person(rng)
    return Owner(name=ids.company(rng) if is_co else contact, is_company=is_co, contact=contact if is_co else ids.person(rng),
                 mobile=ids.mobile(rng), landline=ids.landline(rng), address=ids.address(rng),
                 id_number=ids.id_number(rng), credit_code=ids.credit_code(rng), writer=rng.randint(1, 20))


@dataclass
class Car:
    vin: str
    plate: str
    model: str
    colour: str
    owner: Owner
    delivered: date
    price: int
    engine_no: str


def car(rng: random.Random, site: Site) -> Car:
    return Car(vin=ids.vin(rng, site.wmi), plate=ids.plate(rng), model=rng.choice(MODELS[site.brand]),
               colour=rng.choice(COLOURS), owner=owner(rng), delivered=ids.day(rng),
               price=rng.randrange(9, 60) * 10000 + rng.randrange(0, 100) * 100,
               engine_no="".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(3)) + f"{rng.randrange(10**6):06d}")


@dataclass
class Visit:
    order: str
    job: str
    day: date
    mileage: int
    advisor: str
    tech: str
    labour: list[tuple[str, float, int]] = field(default_factory=list)  # item, hours, price
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # part, qty, unit price

    @property
    def amount(self) -> int:
        return sum(p for _, _, p in self.labour) + sum(q * u for _, q, u in self.parts)


def visit(rng: random.Random, job: str, after: date) -> Visit:
    from .wording import LABOUR, PARTS
    d = after + timedelta(days=rng.randrange(30, 420))
    v = Visit(order=f"{rng.choice(('WO', 'RO', 'W', ''))}{d.strftime('%Y%m%d')}{rng.randrange(1, 999):03d}", job=job, day=d,
              mileage=rng.randrange(3000, 120000) if job != "first_service" else rng.randrange(3000, 7500),
              advisor=ids.person(rng), tech=ids.person(rng))
    for item in rng.sample(LABOUR, rng.randint(1, 4 if job != "major_repair" else 6)):
        h = rng.choice((0.5, 1.0, 1.5, 2.0, 3.0))
        v.labour.append((item, h, 0 if job in ("first_service", "warranty_claim") else int(h * rng.choice((180, 220, 260)))))
    for part in rng.sample(PARTS, rng.randint(1, 4)):
        v.parts.append((part, rng.randint(1, 4), 0 if job == "warranty_claim" else rng.randrange(30, 1800)))
    return v


@dataclass
class Unit:
    number: str
    tenant: Owner
    building: str
    day: date


def unit(rng: random.Random, site: Site) -> Unit:
    return Unit(number=ids.unit_number(rng, site.unit_style), tenant=owner(rng, company_p=0.6),
                building=rng.choice(("国际金融中心", "环球贸易广场", "中心大厦", "科技园一期", "锦绣公寓", "滨江花园")),
                day=ids.day(rng))
