"""The sites that print this family's forms (three dealers and three property offices in Anhui), their habits,
and the people, cars and units their papers are about."""

from __future__ import annotations

import random
from dataclasses import dataclass

from dossier.samples.family_m import ids

PROVINCE = "皖"


@dataclass(frozen=True)
class Site:
    key: str
    company: str
    short: str
    kind: str  # "car" or "unit"
    city: str
    area: str  # resident-ID area code
    tel_area: str
    plate_letter: str
    brand: str
    wmi: tuple[str, ...]
    address: str
    # habits
    comb: float  # share of papers that print the VIN / ID number one character per box
    hand_fill: float  # share of papers whose values are written in by hand rather than printed
    drift: float  # share of computer-filled papers printed off register over the template
    date_style: int
    hint: bool  # faint "sign in block letters" hint printed inside signature boxes
    barcode: bool
    order_prefix: str


SITES = (
    Site("huijun", "合肥徽骏汽车销售服务有限公司", "徽骏", "car", "合肥", "340104", "0551", "A", "奇瑞",
         ("LVV", "LNN"), "合肥市蜀山区长江西路1688号", 0.6, 0.5, 0.4, 0, True, True, "HJ"),
    Site("jiangcheng", "芜湖江城汽车贸易有限公司", "江城吉利", "car", "芜湖", "340202", "0553", "B", "吉利",
         ("L6T", "LB3"), "芜湖市鸠江区北京东路277号", 0.3, 0.2, 0.0, 1, False, True, "WO"),
    Site("changfeng", "安庆长风汽车服务有限公司", "长风一汽-大众", "car", "安庆", "340803", "0556", "H", "一汽-大众",
         ("LFV",), "安庆市迎江区人民路95号", 0.8, 0.35, 0.6, 2, True, False, "CF"),
    Site("binhu", "合肥滨湖世纪物业服务有限公司", "滨湖世纪广场", "unit", "合肥", "340111", "0551", "A", "",
         (), "合肥市包河区徽州大道5001号滨湖世纪广场", 0.0, 0.6, 0.0, 0, True, False, "BH"),
    Site("huaishang", "蚌埠淮上物业管理有限公司", "淮上花园", "unit", "蚌埠", "340302", "0552", "C", "",
         (), "蚌埠市龙子湖区东海大道3号淮上花园", 0.0, 0.8, 0.0, 2, False, False, "HS"),
    Site("jiuzi", "芜湖鸠兹大厦物业服务中心", "鸠兹大厦", "unit", "芜湖", "340202", "0553", "B", "",
         (), "芜湖市镜湖区中山北路88号鸠兹大厦", 0.0, 0.4, 0.0, 1, True, False, "JZ"),
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢汪方"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国文辉鹏飞俊峰晨雪梅志宏春燕海波子涵雨欣浩然思远"
STAFF = ("朱晓峰", "汪静", "程立新", "方敏", "鲍海燕", "戴文涛", "查明", "储兵", "胡玉", "葛蕾")
FIRMS = ("安徽恒远建材有限公司", "合肥智联信息技术有限公司", "芜湖新港物流有限公司", "安徽徽商律师事务所",
         "蚌埠华信会计师事务所", "合肥启明教育咨询有限公司", "安徽九华文化传媒有限公司", "芜湖瑞丰贸易有限公司")
STREETS = ("长江中路", "金寨路", "芜湖路", "黄山路", "银湖路", "中山路", "淮河路", "胜利路", "菱湖南路", "延安路")


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def address(rng: random.Random, site: Site) -> str:
    return f"{site.city}市{rng.choice(STREETS)}{rng.randint(1, 399)}号{rng.randint(1, 30)}栋{rng.randint(1, 6)}0{rng.randint(1, 4)}室"


def date_text(iso: str, style: int) -> str:
    y, m, d = iso.split("-")
    if style == 0:
        return f"{y}年{int(m)}月{int(d)}日"
    if style == 1:
        return f"{y}-{m}-{d}"
    return f"{y}.{m}.{d}"


def amount_text(value: float, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return f"¥{value:,.2f}"
    if r < 0.7:
        return f"{value:.2f}元"
    return f"{value:,.2f}"


CN_DIGITS = "零壹贰叁肆伍陆柒捌玖"


def capital(value: float) -> str:
    """大写金额 of whole yuan (the papers here round to the yuan when they write it out)."""
    n = int(round(value))
    units = ["", "拾", "佰", "仟"]
    out = ""
    for big, name in ((n // 10000, "万"), (n % 10000, "")):
        if not big:
            continue
        s = ""
        digits = f"{big:04d}"
        zero = False
        for k, ch in enumerate(digits):
            v = int(ch)
            if v == 0:
                zero = zero or bool(s) or bool(out)  # 壹拾万零伍元: a gap after the 万 is read out
                continue
            if zero:
                s += "零"
                zero = False
            s += CN_DIGITS[v] + units[3 - k]
        out += s + name
    return (out or "零") + "元整"


@dataclass
class Customer:
    name: str | None
    company: str | None
    contact: str | None
    mobile: str
    landline: str | None
    address: str
    id_number: str | None
    credit_code: str | None


def customer(rng: random.Random, site: Site, company_share: float = 0.2) -> Customer:
    if rng.random() < company_share:
        return Customer(None, rng.choice(FIRMS), person(rng), ids.mobile(rng),
                        ids.landline(rng, site.tel_area), address(rng, site), None, ids.credit_code(rng, site.area))
    return Customer(person(rng), None, None, ids.mobile(rng),
                    ids.landline(rng, site.tel_area) if rng.random() < 0.4 else None, address(rng, site),
                    ids.id_number(rng, site.area), None)


MODELS = {"奇瑞": ("瑞虎8 PRO", "艾瑞泽8", "瑞虎7 PLUS", "风云A8"), "吉利": ("星越L", "博越L", "银河E8", "帝豪"),
          "一汽-大众": ("迈腾", "速腾", "探岳", "ID.4 CROZZ")}


@dataclass
class Car:
    vin: str
    plate: str | None
    model: str
    colour: str
    engine: str
    mileage: int


def car(rng: random.Random, site: Site, new: bool) -> Car:
    model = rng.choice(MODELS[site.brand])
    ev = model.startswith(("银河", "ID.", "风云"))
    p = None if new and rng.random() < 0.7 else ids.plate(rng, PROVINCE, site.plate_letter, ev)
    return Car(ids.vin(rng, rng.choice(site.wmi)), p, model, rng.choice(("白色", "黑色", "灰色", "蓝色", "银色")),
               "".join(rng.choice("0123456789ABCDEFGH") for _ in range(8)), 0 if new else rng.randint(1500, 98000))


def unit_number(rng: random.Random, site: Site) -> str:
    if site.key == "binhu":
        return f"{rng.choice('ABCD')}座{rng.randint(3, 32)}{rng.randint(1, 20):02d}"
    if site.key == "huaishang":
        return f"{rng.randint(1, 18)}-{rng.randint(1, 3)}-{rng.randint(1, 18)}0{rng.randint(1, 4)}"
    return f"{rng.randint(2, 28)}F-{rng.randint(1, 12):02d}"


def day(rng: random.Random) -> str:
    m = rng.randint(1, 11)
    return f"2026-{m:02d}-{rng.randint(1, 28):02d}"
