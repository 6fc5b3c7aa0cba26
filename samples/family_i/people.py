"""Who and what the papers are about: customers (people and companies), cars, workshop visits, units."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from dossier.samples.family_i import ids
from dossier.samples.family_i.sites import Site

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程苏魏吕丁沈"
GIVEN = ("伟", "丽", "军", "强", "杰", "涛", "明", "华", "荣", "兴", "凤", "玲", "静", "敏", "辉", "刚", "鹏", "飞",
         "云", "霞", "娟", "芳", "婷", "颖", "宁", "晓东", "海", "浩", "宇", "帆", "亮", "俊", "峰", "琳", "慧", "洁",
         "晨", "阳", "欣", "怡", "振国", "国庆", "建华", "志强", "永红", "春燕", "秀英", "嘉", "铭", "锋", "泽", "伦",
         "子涵", "雨桐", "思远", "家豪", "文博", "佳琪")
TRADES = ("贸易", "科技", "建材", "餐饮管理", "物流", "电子", "文化传媒", "医疗器械", "投资咨询", "食品", "服饰",
          "网络技术", "工程设计", "商务服务")
WORDS = ("鼎盛", "恒达", "华信", "东方", "瑞丰", "金桥", "长青", "新源", "宏远", "天成", "嘉业", "永利", "博雅", "明德")


def person_name(rng: random.Random) -> str:
    g = rng.choice(GIVEN)
    if len(g) == 1 and rng.random() < 0.55:
        g += rng.choice([x for x in GIVEN if len(x) == 1])
    return rng.choice(SURNAMES) + g


@dataclass
class Customer:
    name: str  # the person, or the company's contact person
    company: str | None
    mobile: str
    landline: str
    address: str
    id_number: str
    credit_code: str | None
    male: bool

    @property
    def party(self) -> str:
        return self.company or self.name


def customer(rng: random.Random, site: Site, company_p: float = 0.2) -> Customer:
    company = None
    credit = None
    if rng.random() < company_p:
        company = f"{site.city}{rng.choice(WORDS)}{rng.choice(TRADES)}有限公司"
        credit = ids.credit_code(rng, site.id_area)
    addr = (f"{site.city}市{rng.choice(site.district)}{rng.choice(site.streets)}{rng.randint(1, 999)}号"
            + (f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 33)}{rng.randint(1, 4):02d}室"
               if rng.random() < 0.6 else ""))
    return Customer(person_name(rng), company, ids.mobile(rng), ids.landline(rng, site.phone_area), addr,
                    ids.id_number(rng, site.id_area), credit, rng.random() < 0.6)


COLOURS = ("珍珠白", "曜石黑", "星河银", "天青蓝", "极光绿", "深空灰", "炽焰红")


@dataclass
class Car:
    vin: str
    plate: str
    model: str
    colour: str
    engine: str
    electric: bool
    delivered: dt.date
    price: Decimal


def car(rng: random.Random, site: Site) -> Car:
    electric = rng.random() < site.electric
    delivered = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 320))
    eng = ("TZ" if electric else rng.choice(("JLH", "JL4G", "DAM", "CA4GB", "L15B", "LFB"))) + \
        "".join(rng.choice("0123456789") for _ in range(7))
    price = Decimal(rng.randrange(98000, 339000, 100)).quantize(Decimal("0.01"))
    return Car(ids.vin(rng, site.wmi, rng.choice((2025, 2026, 2026))), ids.plate(rng, site.province, site.plate_letter,
               electric), rng.choice(site.models), rng.choice(COLOURS), eng, electric, delivered, price)


JOBS = ("minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim")
JOB_CN = {"minor_repair": "小修", "first_service": "首保", "maintenance": "保养", "major_repair": "大修",
          "warranty_claim": "索赔"}

LABOUR = {
    "maintenance": [("更换机油机滤", "0.5"), ("更换空气滤清器", "0.3"), ("四轮换位", "0.4"), ("检查刹车系统", "0.3")],
    "first_service": [("首次保养 更换机油机滤", "0.5"), ("全车检查", "0.5")],
    "minor_repair": [("更换雨刮片", "0.2"), ("更换前刹车片", "0.8"), ("补胎", "0.3"), ("更换蓄电池", "0.3"),
                     ("大灯调整", "0.2")],
    "major_repair": [("发动机拆检", "6.0"), ("更换正时链条", "3.5"), ("变速箱维修", "5.0"), ("前保险杠钣金喷漆", "4.0"),
                     ("更换减震器总成", "1.8")],
    "warranty_claim": [("更换水泵总成(索赔)", "1.5"), ("更换车窗升降器(索赔)", "1.0"), ("更换空调压缩机(索赔)", "2.5"),
                       ("更换节气门总成(索赔)", "1.2")],
}
PARTS = {
    "maintenance": [("机油 5W-30 4L", "1", "368.00"), ("机油滤清器", "1", "58.00"), ("空气滤清器", "1", "96.00")],
    "first_service": [("机油 0W-20 4L", "1", "0.00"), ("机油滤清器", "1", "0.00")],
    "minor_repair": [("雨刮片(对)", "1", "168.00"), ("前刹车片", "1", "420.00"), ("蓄电池 60Ah", "1", "780.00")],
    "major_repair": [("正时链条套件", "1", "2380.00"), ("减震器总成", "2", "1260.00"), ("前保险杠", "1", "1650.00"),
                     ("缸垫", "1", "320.00")],
    "warranty_claim": [("水泵总成", "1", "0.00"), ("车窗升降器", "1", "0.00"), ("空调压缩机", "1", "0.00")],
}


@dataclass
class Visit:
    wo: str
    job: str
    date: dt.date
    mileage: int
    advisor: str
    tech: str
    labour: list[tuple[str, str, Decimal]] = field(default_factory=list)  # item, hours, fee
    parts: list[tuple[str, str, Decimal]] = field(default_factory=list)  # part, qty, price
    complaint: str = ""

    @property
    def total(self) -> Decimal:
        return sum((x[2] for x in self.labour), Decimal("0")) + sum(
            (Decimal(q) * p for _, q, p in self.parts), Decimal("0"))


COMPLAINTS = {
    "maintenance": "按里程做常规保养", "first_service": "新车首保", "minor_repair": "刹车有异响，雨刮刮不干净",
    "major_repair": "发动机抖动，故障灯亮", "warranty_claim": "冷却液温度高，车窗升降无力",
}


def visit(rng: random.Random, site: Site, job: str, after: dt.date, n: int) -> Visit:
    d = min(dt.date(2026, 12, 20), after + dt.timedelta(days=rng.randint(20, 200)))
    wo = site.wo.format(yy=d.strftime("%y"), mm=d.strftime("%m"), dd=d.strftime("%d"), n=n)
    rate = Decimal(rng.choice((180, 200, 220, 260)))
    lab = rng.sample(LABOUR[job], min(len(LABOUR[job]), rng.randint(1, 3)))
    labour = [(x, h, Decimal("0.00") if job in ("first_service", "warranty_claim") else (Decimal(h) * rate).quantize(
        Decimal("0.01"))) for x, h in lab]
    parts = [(p, q, Decimal(pr)) for p, q, pr in rng.sample(PARTS[job], min(len(PARTS[job]), rng.randint(1, 3)))]
    mileage = rng.randint(3000, 5200) if job == "first_service" else rng.randint(6000, 98000)
    return Visit(wo, job, d, mileage, rng.choice(site.staff["advisor"]), rng.choice(site.staff["tech"]), labour, parts,
                 COMPLAINTS[job])


@dataclass
class Unit:
    number: str
    tenant: Customer
    building: str
    area: Decimal
    since: dt.date


BUILDINGS = {"cuihu": "翠湖花园", "citic": "中信广场", "huating": "华庭国际大厦"}


def unit(rng: random.Random, site: Site) -> Unit:
    c = customer(rng, site, company_p=0.75 if site.key != "cuihu" else 0.15)
    since = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
    return Unit(ids.unit_number(rng, site.unit_style), c, BUILDINGS[site.key],
                Decimal(rng.randrange(6000, 42000)) / 100, min(since, dt.date(2026, 11, 30)))
