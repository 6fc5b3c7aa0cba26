"""The people, cars, units and sites family c's forms are about: each site its own name, look and words."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from dossier.samples.family_c import ids

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万覃武戴孔汤庞"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
         "平", "刚", "桂英", "建华", "志强", "海燕", "晓东", "红梅", "国庆", "文博", "子涵", "思远", "雨桐", "浩然", "佳怡",
         "振宇", "立新", "春生", "玉兰", "德明", "一鸣", "嘉怡", "俊杰", "慧敏", "永红", "鹏飞", "宏亮", "晓燕", "凯", "婷")
STREETS = ("漕溪北路", "虹桥路", "中山北路", "建国门外大街", "天河路", "深南大道", "中山路", "文三路", "人民南路", "解放大道",
           "香港中路", "延安西路", "长宁路", "体育西路", "科技园南路", "新街口", "黄龙路", "天府大道")
COMPANY_WORDS = ("华信", "恒达", "鼎盛", "远航", "金桥", "瑞丰", "宏图", "新锐", "启明", "博源", "联创", "东方", "安泰", "正阳")
COMPANY_TRADES = ("科技", "贸易", "咨询", "物流", "信息技术", "建筑工程", "文化传播", "医疗器械", "电子", "投资管理")
MODELS = {"上汽大众": ("帕萨特 2.0T", "途观L 330TSI", "朗逸 1.5L"), "一汽-大众": ("迈腾 330TSI", "探岳 380TSI", "速腾 280TSI"),
          "华晨宝马": ("BMW 325Li", "BMW X3 xDrive30i", "BMW 530Li"), "广汽本田": ("雅阁 260TURBO", "皓影 240TURBO"),
          "广汽丰田": ("凯美瑞 2.5G", "汉兰达 2.0T"), "北京奔驰": ("奔驰 C260L", "奔驰 E300L", "奔驰 GLC300L"),
          "特斯拉": ("Model 3", "Model Y"), "比亚迪": ("汉 EV", "秦PLUS DM-i", "宋PLUS DM-i"),
          "东风日产": ("轩逸 1.6L", "天籁 2.0T", "奇骏 VC-Turbo"), "长安福特": ("蒙迪欧 EcoBoost 245", "锐际 2.0T")}
ELECTRIC = {"特斯拉", "比亚迪"}
COLOURS = ("白色", "黑色", "银灰色", "珍珠白", "深蓝色", "红色", "曜石黑")


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


@dataclass
class Person:
    name: str
    writer: int  # which real hand (1-20) signs for this person, the same on every form
    mobile: str
    male: bool


def person(rng: random.Random) -> Person:
    return Person(person_name(rng), rng.randint(1, 20), ids.mobile(rng), rng.random() < 0.6)


@dataclass
class Customer:
    """A person or a company (then `contact` is the person who deals with the dealer or the office)."""

    contact: Person
    company: str | None
    id_number: str | None
    credit_code: str | None
    address: str
    landline: str
    city: str

    @property
    def display(self) -> str:
        return self.company or self.contact.name


def customer(rng: random.Random, company_p: float) -> Customer:
    area, place = rng.choice(ids.AREAS)
    city = place[:2]
    p = person(rng)
    address = f"{place}{rng.choice(STREETS)}{rng.randint(1, 999)}号"
    if rng.random() < 0.5:
        address += f"{rng.randint(1, 30)}幢{rng.randint(1, 30)}0{rng.randint(1, 4)}室"
    if rng.random() < company_p:
        name = f"{city}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}有限公司"
        return Customer(p, name, None, ids.credit_code(rng, area), address, ids.landline(rng, city), city)
    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
    return Customer(p, None, ids.id_number(rng, area, birth.strftime("%Y%m%d"), p.male), None, address,
                    ids.landline(rng, city), city)


@dataclass
class Car:
    vin: str
    plate: str | None  # none before registration
    brand: str
    model: str
    colour: str
    engine: str
    electric: bool
    price: float  # the agreed price, the same on the contract and the invoice


def car(rng: random.Random, brand_wmi: tuple[str, str], province: tuple[str, str]) -> Car:
    wmi, brand = brand_wmi
    electric = brand in ELECTRIC
    return Car(ids.vin(rng, wmi), ids.plate(rng, province[0], province[1], electric), brand, rng.choice(MODELS[brand]),
               rng.choice(COLOURS), ("TZ" if electric else "") + ids.digits(rng, 8), electric,
               round(rng.uniform(90, 480) * 10) * 100.0)


@dataclass
class Site:
    """One dealership or property office: its name, its printing habits and its staff."""

    kind: str  # "dealer" or "estate"
    name: str  # the company's full name, as on its seal
    short: str  # what its forms print in front of a title
    brand: str  # a dealer's franchise brand; an estate's building name
    city: str
    province: tuple[str, str]
    area: str
    credit_code: str
    address: str
    phone: str
    staff: list[Person]
    look: dict[str, object] = field(default_factory=dict)  # fonts, rules, date format: see forms.look
    hant: bool = False  # a site in Hong Kong style prints some forms in Traditional

    def staffer(self, rng: random.Random) -> Person:
        return rng.choice(self.staff)


DEALER_WORDS = ("中升", "永达", "宝信", "恒信", "广汇", "利星行", "冠盛", "捷顺", "锦华", "星瑞", "申湾", "东昌")
ESTATES = (("金茂大厦", "金茂物业服务有限公司"), ("环球中心", "环球物业管理有限公司"), ("锦绣华庭", "锦绣物业服务有限公司"),
           ("世纪商务广场", "世纪商务物业管理有限公司"), ("滨江花园", "滨江物业服务有限公司"), ("国贸中心", "国贸物业酒店管理有限公司"))
_PROVINCE_OF_CITY = {"上海": 0, "北京": 1, "广州": 2, "深圳": 2, "南京": 3, "杭州": 4, "成都": 5, "武汉": 6, "青岛": 7}


def site(rng: random.Random, kind: str) -> Site:
    area, place = rng.choice(ids.AREAS)
    city = place[:2]
    province = ids.PROVINCES[_PROVINCE_OF_CITY[city]]
    staff = [person(rng) for _ in range(rng.randint(3, 6))]
    address = f"{place}{rng.choice(STREETS)}{rng.randint(1, 2000)}号"
    if kind == "dealer":
        wmi = rng.choice(ids.WMI)
        group = rng.choice(DEALER_WORDS)
        name = f"{city}{group}{wmi[1].replace('-', '')}汽车销售服务有限公司"
        short = rng.choice((f"{group}{wmi[1]}", f"{city}{group}", f"{wmi[1]}授权经销商 {group}"))
        return Site("dealer", name, short, "|".join(wmi), city, province, area, ids.credit_code(rng, area), address,
                    ids.landline(rng, city), staff)
    building, company = rng.choice(ESTATES)
    name = f"{city}{company}"
    return Site("estate", name, rng.choice((building, f"{building}管理处", f"{company[:-6]}{building}客服中心")),
                building, city, province, area, ids.credit_code(rng, area), address, ids.landline(rng, city), staff)


def unit_number(rng: random.Random, style: str) -> str:
    if style == "tower":
        return f"{rng.choice('ABCD')}座{rng.randint(5, 38)}{rng.randint(1, 12):02d}"
    if style == "estate":
        return f"{rng.randint(1, 24)}-{rng.randint(1, 4)}-{rng.randint(1, 32)}0{rng.randint(1, 4)}"
    return f"{rng.randint(3, 45)}F-{rng.randint(1, 16):02d}"


def day(rng: random.Random) -> date:
    """A working-looking day in 2024-2025 (the forms are filled on the day of business)."""
    d = date(2024, 1, 8) + timedelta(days=rng.randrange(0, 700))
    while d.weekday() >= 6:
        d += timedelta(days=1)
    return d
