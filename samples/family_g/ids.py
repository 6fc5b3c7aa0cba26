"""Identifiers with their real check digits, and the people, cars, companies and units they belong to."""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import date, timedelta

VIN_CHARS = [c for c in string.digits + string.ascii_uppercase if c not in "IOQ"]
_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
_YEAR = "ABCDEFGHJKLMNPRSTVWXY123456789"  # model-year letters from 1980 (cycle of 30)


def vin_check(vin: str) -> str:
    r = sum(_VIN_VALUE[c] * w for c, w in zip(vin, _VIN_WEIGHT, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str, year: int = 2025) -> str:
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    ys = _YEAR[(year - 1980) % 30]
    plant = rng.choice("0123456789ABCDEFGH")
    serial = "".join(rng.choice(string.digits) for _ in range(6))
    raw = wmi + vds + "0" + ys + plant + serial
    return raw[:8] + vin_check(raw) + raw[9:]


_ID_WEIGHT = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, region: str, born: date, male: bool) -> str:
    seq = f"{rng.randint(0, 99):02d}{rng.choice('13579' if male else '02468')}"
    first = region + born.strftime("%Y%m%d") + seq
    return first + id_check(first)


@dataclass
class Person:
    name: str
    male: bool
    born: date
    region: str  # the ID number's six-digit area code
    id_number: str
    mobile: str
    landline: str  # "area-number"
    address: str
    writer: int  # which real handwriting (1-20) signs for this person


@dataclass
class Company:
    name: str
    contact: Person
    credit_code: str


@dataclass
class Car:
    vin: str
    plate: str
    brand: str
    model: str
    colour: str
    engine: str
    km: int
    price: int


@dataclass
class City:
    name: str
    province: str  # the plate's province character
    letters: str
    area: str  # landline area code
    region: str  # ID number area code
    streets: list[str] = field(default_factory=list)


CITIES = [
    City("杭州市", "浙", "A", "0571", "330106", ["文三路", "莫干山路", "庆春东路", "滨盛路", "古墩路"]),
    City("宁波市", "浙", "B", "0574", "330203", ["中山东路", "江南路", "天童南路"]),
    City("苏州市", "苏", "E", "0512", "320508", ["干将西路", "星湖街", "金鸡湖大道"]),
    City("成都市", "川", "A", "028", "510104", ["春熙路", "人民南路", "天府大道北段", "蜀汉路"]),
    City("武汉市", "鄂", "A", "027", "420106", ["中北路", "珞喻路", "解放大道"]),
    City("佛山市", "粤", "E", "0757", "440604", ["季华五路", "汾江中路", "岭南大道"]),
    City("青岛市", "鲁", "B", "0532", "370202", ["香港中路", "山东路", "辽阳西路"]),
    City("合肥市", "皖", "A", "0551", "340104", ["长江西路", "金寨路", "望江西路"]),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰",
         "霞", "平", "刚", "桂英", "志强", "建华", "晓东", "雨欣", "子涵", "浩然", "思远", "嘉怡", "文博", "一鸣", "海燕", "立新",
         "春梅", "国庆", "宏伟", "梓轩", "佳琪", "振华", "晨曦", "俊杰", "美玲", "德胜")

COMPANY_WORDS = ["恒通", "瑞丰", "华信", "新纪元", "东升", "博远", "金诚", "天合", "中科", "远航", "汇智", "盛世", "卓越", "鼎力"]
COMPANY_TRADES = ["贸易有限公司", "科技有限公司", "建筑工程有限公司", "物流有限公司", "餐饮管理有限公司", "文化传媒有限公司",
                  "医疗器械有限公司", "投资咨询有限公司"]

BRANDS = [  # brand, WMI, models, engine prefix, price range
    ("上汽大众", "LSV", ["朗逸 1.5L", "帕萨特 330TSI", "途观L 380TSI", "ID.4 X"], "DLF", (110000, 260000)),
    ("一汽丰田", "LFM", ["卡罗拉 1.8L 双擎", "亚洲龙 2.5L", "RAV4荣放"], "M20A", (120000, 240000)),
    ("东风日产", "LGB", ["轩逸 1.6L", "天籁 2.0T", "奇骏 VC-Turbo"], "HR16", (100000, 220000)),
    ("广汽本田", "LVH", ["雅阁 260TURBO", "冠道 370TURBO", "型格"], "L15B", (130000, 250000)),
    ("比亚迪", "LGX", ["汉 EV", "宋PLUS DM-i", "海豹 06"], "BYD472", (120000, 280000)),
    ("华晨宝马", "LBV", ["325Li M运动套装", "X3 xDrive30i", "iX3"], "B48B20", (300000, 480000)),
]
COLOURS = ["珍珠白", "极地白", "曜石黑", "星空灰", "宝石蓝", "琥珀金", "熔岩红"]


def person(rng: random.Random, city: City) -> Person:
    male = rng.random() < 0.55
    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 365 * 42))
    mobile = rng.choice(["13", "15", "17", "18", "19"]) + str(rng.randint(0, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
    land = city.area + "-" + str(rng.randint(2, 8)) + "".join(rng.choice(string.digits) for _ in range(7 if len(city.area) == 4 else 7))
    address = f"{city.name}{rng.choice(city.streets)}{rng.randint(1, 899)}号{rng.randint(1, 30)}幢{rng.randint(1, 3)}单元{rng.randint(1, 28)}{rng.randint(1, 4):02d}室"
    return Person(name, male, born, city.region, id_number(rng, city.region, born, male), mobile, land, address,
                  rng.randint(1, 20))


def credit_check(first17: str) -> str:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    r = 31 - sum(chars.index(c) * k for c, k in zip(first17, w, strict=True)) % 31
    return chars[0 if r == 31 else r]


def company(rng: random.Random, city: City) -> Company:
    name = city.name.removesuffix("市") + rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_TRADES)
    body = "91" + city.region + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return Company(name, person(rng, city), body + credit_check(body))


def plate(rng: random.Random, city: City, electric: bool) -> str:
    letters = [c for c in string.ascii_uppercase if c not in "IO"]
    if electric:  # new-energy: D/F and five more, six characters after the city letter
        tail = rng.choice("DF") + rng.choice(letters + list(string.digits)) + "".join(rng.choice(string.digits) for _ in range(4))
    else:
        tail = "".join(rng.choice(string.digits if k or rng.random() < 0.3 else letters) for k in range(5))
        if rng.random() < 0.5:
            tail = rng.choice(letters) + tail[1:]
    return city.province + city.letters + tail


def car(rng: random.Random, city: City, year: int, new: bool, make: str | None = None) -> Car:
    brand, wmi, models, eng, (lo, hi) = next((b for b in BRANDS if b[0] == make), None) or rng.choice(BRANDS)
    model = rng.choice(models)
    electric = "EV" in model or "iX" in model or "ID." in model or "DM" in model
    engine = eng + "".join(rng.choice(string.digits) for _ in range(6)) if not model.endswith("EV") else "TZ" + "".join(rng.choice(string.digits) for _ in range(8))
    price = rng.randrange(lo, hi, 100)
    return Car(vin(rng, wmi, year), plate(rng, city, electric), brand, model, rng.choice(COLOURS), engine,
               0 if new else rng.randint(3000, 160000), price)


def unit_number(rng: random.Random, style: int) -> str:
    floor = rng.randint(2, 32)
    if style == 0:
        return f"{rng.choice('ABCD')}座{floor}{rng.randint(1, 12):02d}"
    if style == 1:
        return f"{rng.randint(1, 18)}-{rng.randint(1, 4)}-{floor}{rng.randint(1, 4):02d}"
    return f"{floor}F-{rng.randint(1, 20):02d}"


def work_order(rng: random.Random, prefix: str, day: date) -> str:
    return f"{prefix}{day:%y%m%d}{rng.randint(1, 999):03d}"
