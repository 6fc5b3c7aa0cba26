"""The people, companies, cars and units the forms are about: one `Customer` signs all of his papers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import ids

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红志建国文斌辉鹏宇浩晨欣怡子涵梓轩雨婷佳琪俊海峰雪梅立新德"
FIRMS = ("恒润", "博远", "嘉泽", "中祺", "瑞和", "鼎信", "启航", "汇川", "盛达", "凯捷", "华岳", "星野", "正弘", "东岚")
TRADES = ("贸易", "科技", "信息技术", "餐饮管理", "物流", "建筑装饰", "文化传媒", "医疗器械", "咨询", "电子")
ROADS = ("淮海中路", "漕溪北路", "建国路", "深南大道", "人民路", "解放大道", "延安西路", "天府大道", "滨江路", "长江路")
DISTRICTS = {"上海": ("黄浦区", "徐汇区", "浦东新区"), "北京": ("朝阳区", "海淀区"), "深圳": ("福田区", "南山区"),
             "苏州": ("姑苏区", "工业园区"), "杭州": ("西湖区", "上城区"), "成都": ("锦江区", "武侯区"),
             "武汉": ("江岸区", "武昌区"), "青岛": ("市南区", "崂山区"), "厦门": ("思明区", "湖里区"), "天津": ("和平区", "南开区")}
MODELS = (("大众", "帕萨特 330TSI"), ("大众", "途观L 380TSI"), ("别克", "君越 652T"), ("丰田", "凯美瑞 2.5HG"),
          ("本田", "雅阁 260TURBO"), ("比亚迪", "汉EV 610km"), ("吉利", "星越L 2.0TD"), ("日产", "轩逸 1.6XL"),
          ("奥迪", "A6L 45TFSI"), ("宝马", "530Li 领先型"), ("长安", "CS75 PLUS"), ("理想", "L7 Pro"))
COLOURS = ("极地白", "曜石黑", "星空灰", "宝石蓝", "炫影红", "香槟金")


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def company_name(rng: random.Random, city: str) -> str:
    return f"{city}{rng.choice(FIRMS)}{rng.choice(TRADES)}有限公司"


def address(rng: random.Random, city: str) -> str:
    return (f"{city}市{rng.choice(DISTRICTS[city])}{rng.choice(ROADS)}{rng.randint(1, 999)}号"
            + (f"{rng.randint(1, 30)}{rng.randint(1, 4):02d}室" if rng.random() < 0.6 else ""))


@dataclass
class Customer:
    name: str  # the person who signs
    company: str | None  # a company buyer / tenant
    mobile: str
    landline: str
    address: str
    id_number: str
    credit_code: str | None
    writer: int  # whose real handwriting signs for him (1-20)
    contact: str | None = None  # 联系人, when a company


@dataclass
class Car:
    vin: str
    plate: str | None
    brand: str
    model: str
    colour: str
    engine: str
    price: float
    km: int = 0
    extra: dict[str, str] = field(default_factory=dict)


def customer(rng: random.Random, city: str, area: str, company_p: float = 0.2) -> Customer:
    company = company_name(rng, city) if rng.random() < company_p else None
    name = person_name(rng)
    return Customer(name=name, company=company, mobile=ids.mobile(rng), landline=ids.landline(rng, area),
                    address=address(rng, city), id_number=ids.id_number(rng),
                    credit_code=ids.credit_code(rng) if company else None, writer=rng.randint(1, 20),
                    contact=name if company else None)


def car(rng: random.Random, province: str, registered: bool, brand: str | None = None) -> Car:
    own = [m for m in MODELS if m[0] == brand]
    brand, model = rng.choice(own if own and rng.random() < 0.85 else MODELS)
    electric = brand in ("比亚迪", "理想") or rng.random() < 0.1
    return Car(vin=ids.vin(rng), plate=ids.plate(rng, province, electric) if registered else None, brand=brand,
               model=model, colour=rng.choice(COLOURS),
               engine="".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(8)),
               price=round(rng.randint(90, 420) * 1000 + rng.choice((0, 800, 1900, 5500)), 2),
               km=rng.randint(1200, 98000) if registered else rng.randint(3, 40))


def unit_number(rng: random.Random) -> str:
    style = rng.random()
    if style < 0.4:
        return f"{rng.choice('ABCD')}座{rng.randint(3, 32)}{rng.randint(1, 12):02d}"
    if style < 0.75:
        return f"{rng.randint(1, 12)}-{rng.randint(1, 4)}-{rng.randint(1, 28)}{rng.randint(1, 4):02d}"
    return f"{rng.randint(2, 40)}F-{rng.randint(1, 16):02d}"
