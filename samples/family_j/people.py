"""Who and what the papers are about: customers (people and companies), cars, workshop visits, units."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from dossier.samples.family_j import ids
from dossier.samples.family_j.sites import FIRMS, STREETS, Site, person, when

MODELS = {"别克": ["君越", "英朗", "昂科威Plus", "GL8陆尊"], "东风日产": ["轩逸", "天籁", "奇骏", "逍客"],
          "长安": ["CS75 PLUS", "UNI-V", "逸动", "深蓝SL03"], "吉利银河": ["银河L7", "银河E8", "银河L6", "星愿"]}
COLOURS = ["珍珠白", "曜石黑", "星空灰", "极光蓝", "宝石红", "香槟金"]


@dataclass
class Customer:
    name: str
    company: str | None
    mobile: str
    landline: str
    address: str
    id_number: str
    credit_code: str | None

    @property
    def who(self) -> str:
        return self.company or self.name


@dataclass
class Car:
    vin: str
    plate: str
    model: str
    colour: str
    engine: str
    price: float
    delivered: dt.date
    new_energy: bool


@dataclass
class Visit:
    number: str
    job: str
    date: dt.date
    mileage: int
    advisor: str
    items: list[tuple[str, float]] = field(default_factory=list)  # labour
    parts: list[tuple[str, int, float]] = field(default_factory=list)


@dataclass
class Unit:
    number: str
    owner: Customer
    tenant: bool


def customer(rng: random.Random, site: Site, company_p: float = 0.25) -> Customer:
    name = person(rng)
    company = (site.city + rng.choice(FIRMS)) if rng.random() < company_p else None
    return Customer(name, company, ids.mobile(rng), ids.landline(rng, site.area),
                    f"{site.city}市{rng.choice(STREETS)}{rng.randint(1, 399)}号{rng.randint(1, 30)}{rng.randint(1, 4):02d}室",
                    ids.id_number(rng, site.id_area), ids.credit_code(rng, site.id_area) if company else None)


def car(rng: random.Random, site: Site) -> Car:
    ne = rng.random() < site.ne_share
    return Car(ids.vin(rng, site.wmi), ids.plate(rng, site.province, site.plate_letter, ne), rng.choice(MODELS[site.brand]),
               rng.choice(COLOURS), ("TZ" if ne else "") + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(9)),
               float(rng.randint(95, 329) * 1000 - rng.choice((0, 100, 200, 900))), when(rng), ne)


LABOUR = {
    "maintenance": [("更换机油机滤", 180.0), ("更换空气滤芯", 60.0), ("四轮定位检测", 120.0), ("空调滤芯更换", 50.0)],
    "first_service": [("首次保养工时", 0.0), ("全车免费检测", 0.0)],
    "minor_repair": [("更换前刹车片", 160.0), ("更换雨刮片", 30.0), ("蓄电池检测更换", 80.0), ("轮胎补胎动平衡", 90.0)],
    "major_repair": [("发动机吊装解体", 1800.0), ("变速箱总成维修", 2400.0), ("缸盖检修", 950.0), ("悬挂系统大修", 1300.0)],
    "warranty_claim": [("三包索赔：更换水泵", 0.0), ("索赔诊断工时", 0.0), ("质保更换电机控制器", 0.0)],
}
PARTS = {
    "maintenance": [("机油 5W-30 4L", 1, 398.0), ("机油滤清器", 1, 68.0), ("空气滤清器", 1, 95.0)],
    "first_service": [("机油 0W-20 4L", 1, 0.0), ("机滤", 1, 0.0)],
    "minor_repair": [("前刹车片（套）", 1, 560.0), ("雨刮片", 2, 88.0), ("蓄电池 60Ah", 1, 720.0)],
    "major_repair": [("活塞环组件", 4, 310.0), ("缸垫", 1, 260.0), ("正时链条套件", 1, 1480.0), ("离合器片", 1, 980.0)],
    "warranty_claim": [("水泵总成", 1, 0.0), ("电机控制器", 1, 0.0)],
}
JOB_WORDS = {  # each site's own wording of the job types
    "jinmen": {"maintenance": "常规保养", "first_service": "首次保养", "minor_repair": "一般维修", "major_repair": "大修",
               "warranty_claim": "保修索赔"},
    "ludao": {"maintenance": "定期保养", "first_service": "首保", "minor_repair": "快修", "major_repair": "总成大修",
              "warranty_claim": "三包索赔"},
    "shancheng": {"maintenance": "保养", "first_service": "免费首保", "minor_repair": "小修", "major_repair": "发动机大修",
                  "warranty_claim": "质保索赔"},
    "rongcheng": {"maintenance": "周期维护", "first_service": "首次免费维护", "minor_repair": "机电小修",
                  "major_repair": "动力总成大修", "warranty_claim": "质量担保"},
}


def visit_number(rng: random.Random, site: Site, d: dt.date, job: str) -> str:
    n = rng.randint(1, 999)
    if site.key == "jinmen":
        return f"RO{d:%y%m%d}-{n:03d}"
    if site.key == "ludao":
        return f"LD/WX/{d:%y%m}/{n:04d}"
    if site.key == "shancheng":
        letter = {"maintenance": "B", "first_service": "S", "minor_repair": "X", "major_repair": "D", "warranty_claim": "P"}[job]
        return f"SC{letter}-{d:%y}-{d.month:02d}{n:03d}"
    return f"WT{d:%Y%m%d}{n:05d}"


def visit(rng: random.Random, site: Site, job: str, c: Car) -> Visit:
    d = when(rng)
    lab = rng.sample(LABOUR[job], rng.randint(1, min(3, len(LABOUR[job]))))
    parts = rng.sample(PARTS[job], rng.randint(1, len(PARTS[job])))
    return Visit(visit_number(rng, site, d, job), job, d, rng.randint(800, 98000) if job != "first_service" else
                 rng.randint(3000, 7500), person(rng), lab, parts)


def unit(rng: random.Random, site: Site) -> Unit:
    style = site.unit_style if rng.random() < 0.75 else rng.choice(("tower", "dash", "floor"))
    return Unit(ids.unit_number(rng, style), customer(rng, site, 0.5), rng.random() < 0.4)
