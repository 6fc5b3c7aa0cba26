"""Who the documents are about: customers, companies, staff, cars, visits and units (all invented)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import ids
from .sites import Site

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓冯韩曹曾彭萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
         "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "文博", "子涵", "雨桐", "浩然", "思远", "建国", "国平", "玉兰",
         "欣怡", "宇航", "嘉怡", "俊杰", "春梅", "立新", "红梅", "卫东", "永强", "丽萍", "晨曦", "一鸣", "梓萱", "宏伟")
COMPANY_HEADS = ("华信", "恒泰", "瑞丰", "长青", "鼎盛", "宏达", "金桥", "同创", "启明", "正元", "联众", "海纳", "汇智", "百川")
COMPANY_TAILS = ("贸易有限公司", "科技有限公司", "物流有限公司", "建筑工程有限公司", "餐饮管理有限公司", "咨询服务有限公司",
                 "文化传媒有限公司", "医疗器械有限公司")
STREETS = ("人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "新华路", "青年路", "滨江大道", "锦华路", "天府大道",
           "体育西路", "淮海中路", "文三路", "深南大道")
DISTRICTS = {"上海": ("徐汇区", "浦东新区", "静安区", "闵行区"), "广州": ("天河区", "越秀区", "海珠区"),
             "厦门": ("思明区", "湖里区", "集美区"), "成都": ("武侯区", "锦江区", "高新区"), "杭州": ("西湖区", "拱墅区"),
             "深圳": ("福田区", "南山区", "罗湖区")}
COLOURS = ("珍珠白", "星空灰", "曜石黑", "冰川蓝", "极地银", "宝石红", "琥珀棕")


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def company(rng: random.Random, city: str) -> str:
    return city + rng.choice(COMPANY_HEADS) + rng.choice(COMPANY_TAILS)


def address(rng: random.Random, city: str) -> str:
    return (f"{city}市{rng.choice(DISTRICTS.get(city, ('城区',)))}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
            + (f"{rng.randint(1, 30)}栋{rng.randint(101, 2808)}室" if rng.random() < 0.6 else ""))


@dataclass
class Owner:
    name: str  # a person, or the company
    is_company: bool
    contact: str
    mobile: str
    landline: str
    address: str
    id_number: str  # a person's ID, or the company's credit code
    born: date | None = None
    male: bool = True


def owner(rng: random.Random, site: Site, company_p: float = 0.2) -> Owner:
    if rng.random() < company_p:
        n = company(rng, site.city)
        return Owner(n, True, person(rng), ids.mobile(rng), ids.landline(rng, site.area), address(rng, site.city),
                     ids.credit_code(rng, site.region))
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 42))
    nm = person(rng)
    return Owner(nm, False, nm, ids.mobile(rng), ids.landline(rng, site.area), address(rng, site.city),
                 ids.id_number(rng, site.region, born), born, rng.random() < 0.6)


@dataclass
class Car:
    vin: str
    plate: str
    model: str
    colour: str
    engine: str
    delivered: date
    price: int  # cents
    new_energy: bool


def car(rng: random.Random, site: Site, delivered: date) -> Car:
    ne = rng.random() < site.new_energy
    price = rng.randrange(9_800_000, 36_000_000, 10_000) if rng.random() < 0.9 else rng.randrange(36_000_000, 60_000_000, 100_000)
    return Car(ids.vin(rng, rng.choice(site.wmi)), ids.plate(rng, site.province, site.plate_city, ne),
               rng.choice(site.models), rng.choice(COLOURS),
               "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.choice((8, 9, 10)))),
               delivered, price, ne)


LAST_DAY = date(2026, 11, 27)  # no paper is dated after the family was written
JOBS = ("minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim")
JOB_WORDS = {"minor_repair": ("小修", "一般维修", "机修"), "first_service": ("首保", "首次保养", "首次免费保养"),
             "maintenance": ("保养", "定期保养", "常规保养"), "major_repair": ("大修", "发动机大修", "总成大修"),
             "warranty_claim": ("索赔", "质量担保", "保修索赔")}
LABOUR = {
    "maintenance": [("更换机油及机油滤清器", 18000), ("更换空气滤清器", 6000), ("四轮定位检查", 12000), ("更换空调滤芯", 5000)],
    "first_service": [("首次保养 机油机滤更换", 0), ("底盘紧固检查", 0), ("电瓶检测", 0)],
    "minor_repair": [("更换前刹车片", 24000), ("更换雨刮片", 3000), ("检修左后门玻璃升降器", 36000), ("更换远光灯泡", 4000)],
    "major_repair": [("发动机总成解体大修", 480000), ("更换正时链条套件", 160000), ("变速箱阀体维修", 220000)],
    "warranty_claim": [("更换前减震器（索赔）", 0), ("更换水泵总成（索赔）", 0), ("更换中控显示屏（索赔）", 0)],
}
PARTS = {
    "maintenance": [("机油 5W-30 4L", 42000), ("机油滤清器", 6800), ("空气滤清器", 9500), ("空调滤芯", 12000)],
    "first_service": [("机油 0W-20 4L", 0), ("机油滤清器", 0), ("放油螺栓垫片", 0)],
    "minor_repair": [("前刹车片（套）", 68000), ("雨刮片（对）", 16000), ("门窗升降器总成", 98000), ("H7 灯泡", 5500)],
    "major_repair": [("活塞环组件", 186000), ("缸垫", 42000), ("正时链条套件", 356000), ("变速箱阀体", 520000)],
    "warranty_claim": [("前减震器总成", 0), ("水泵总成", 0), ("中控显示屏总成", 0)],
}


@dataclass
class Visit:
    order: str
    job: str
    day: date
    mileage: int
    advisor: str
    technician: str
    labour: list[tuple[str, int]] = field(default_factory=list)
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # name, qty, unit price

    @property
    def total(self) -> int:
        return sum(c for _, c in self.labour) + sum(q * p for _, q, p in self.parts)


def visit(rng: random.Random, site: Site, c: Car, job: str | None = None) -> Visit:
    job = job or rng.choices(JOBS, (3, 1, 5, 1, 2))[0]
    room = max(45, (LAST_DAY - c.delivered).days)
    day = c.delivered + timedelta(days=rng.randint(40, min(900, room)))
    if job == "first_service":
        day = c.delivered + timedelta(days=rng.randint(30, min(120, room)))
    lab = rng.sample(LABOUR[job], rng.randint(1, min(3, len(LABOUR[job]))))
    parts = [(n, rng.choice((1, 1, 2)), p) for n, p in rng.sample(PARTS[job], rng.randint(1, min(3, len(PARTS[job]))))]
    if job in ("first_service", "warranty_claim") and rng.random() < 0.5:
        parts.append(("清洗剂", 1, 3800))
    return Visit(ids.work_order(rng, site.order_style, day), job, day,
                 rng.randint(1500, 8000) if job == "first_service" else rng.randint(5000, 160000),
                 person(rng), person(rng), lab, parts)


@dataclass
class Unit:
    number: str
    tenant: Owner
    building: str
    since: date


def unit_number_for(rng: random.Random, site: Site) -> str:
    return ids.unit_number(rng, site.unit_style)
