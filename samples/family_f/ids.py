"""Identifiers with valid check digits (VIN, ID number, unified credit code), plates, phones, people, places."""

from __future__ import annotations

import random
from datetime import date, timedelta

# -- VIN (ISO 3779, position 9 the North-American check digit, used in China too) -----------------
_VIN_VALUE = {**{str(d): d for d in range(10)}, **{c: "ABCDEFGH".index(c) + 1 for c in "ABCDEFGH"},
              **{c: "JKLMN".index(c) + 1 for c in "JKLMN"}, "P": 7, "R": 9, **{c: "STUVWXYZ".index(c) + 2 for c in "STUVWXYZ"}}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
# Manufacturer prefixes of cars built in China (WMI), with the brand a dealer would print.
MAKES = [("LSV", "上汽大众"), ("LFV", "一汽-大众"), ("LGB", "东风日产"), ("LVG", "广汽丰田"), ("LHG", "广汽本田"),
         ("LGX", "比亚迪"), ("LSG", "上汽通用别克"), ("LBV", "华晨宝马"), ("LE4", "北京奔驰"), ("LVS", "长安福特")]
_YEAR = "RSTLP"  # model-year letters 2024, 2025, 2026 (and neighbours)


def vin_check(v: str) -> str:
    s = sum(_VIN_VALUE[c] * w for c, w in zip(v, _VIN_WEIGHT, strict=False))
    return "X" if s % 11 == 10 else str(s % 11)


def vin(rng: random.Random, wmi: str) -> str:
    vds = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
    tail = rng.choice(_YEAR) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ123456789") + "".join(rng.choice("0123456789") for _ in range(6))
    body = wmi + vds + "0" + tail
    return body[:8] + vin_check(body) + body[9:]


# -- resident ID number (GB 11643, ISO 7064 MOD 11-2) -------------------------------------------------
_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_AREAS = ("310101", "310115", "110105", "440106", "440305", "330106", "320102", "510104", "420106", "370202")


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=False)) % 11]


def id_number(rng: random.Random) -> str:
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 42))
    s = rng.choice(_AREAS) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return s + id_check(s)


# -- unified social credit code (GB 32100, with the GB 11714 organisation code inside) ----------------
_CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHT = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _org_value(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - 55


def credit_check(first17: str) -> str:
    r = 31 - sum(_CC.index(c) * w for c, w in zip(first17, _CC_WEIGHT, strict=False)) % 31
    return _CC[0 if r == 31 else r]


def credit_code(rng: random.Random) -> str:
    org = "".join(rng.choice(_ORG_CHARS) for _ in range(8))
    c9 = 11 - sum(_org_value(c) * w for c, w in zip(org, _ORG_WEIGHT, strict=False)) % 11
    org += "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
    s = "91" + rng.choice(_AREAS) + org
    return s + credit_check(s)


# -- plates, phones ------------------------------------------------------------------------------------
_PROVINCES = [("沪", "ABCDEFGHJKLMN"), ("京", "ABCEFGHJKLMNPQ"), ("粤", "ABCDEFGHJ"), ("浙", "ABCDEFGHJKL"),
              ("苏", "ABCDEFGHJKLMN"), ("川", "ABCDEFH"), ("鄂", "ABCDEFG"), ("鲁", "ABCDEFGHJK")]
_PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def plate(rng: random.Random) -> str:
    prov, letters = rng.choice(_PROVINCES)
    head = prov + rng.choice(letters)
    if rng.random() < 0.25:  # new-energy: six characters after the letter, D (electric) or F (hybrid) first
        return head + rng.choice("DF") + "".join(rng.choice("0123456789") for _ in range(5))
    tail = [rng.choice("0123456789") for _ in range(5)]
    for i in rng.sample(range(5), rng.randint(0, 2)):
        tail[i] = rng.choice(_PLATE_CHARS[:24])
    return head + "".join(tail)


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("35789") + "".join(rng.choice("0123456789") for _ in range(9))


_AREA_CODES = ("021", "010", "020", "0755", "0571", "025", "028", "027", "0532")


def landline(rng: random.Random) -> str:
    return rng.choice(_AREA_CODES) + "-" + rng.choice("2345678") + "".join(rng.choice("0123456789") for _ in range(7))


# -- people, companies, places ----------------------------------------------------------------------
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞斌宇浩凯健俊帆琳晨欣怡子涵梓轩思雨佳瑶晓东海峰志国建新文博立春燕雪梅慧婷晶颖"


def person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


_CITIES = ("上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "青岛")
_TRADE_NAMES = ("恒信", "瑞丰", "宏达", "锦程", "嘉禾", "通利", "华远", "盛世", "鼎诚", "泰和", "新纪元", "万象", "启航", "中环")
_TRADES = ("贸易", "科技", "物流", "建筑工程", "餐饮管理", "信息技术", "商务咨询", "医疗器械", "文化传媒")


def company(rng: random.Random) -> str:
    return rng.choice(_CITIES) + rng.choice(_TRADE_NAMES) + rng.choice(_TRADES) + "有限公司"


_DISTRICTS = {"上海": ("浦东新区", "徐汇区", "闵行区", "静安区"), "北京": ("朝阳区", "海淀区", "丰台区"),
              "广州": ("天河区", "越秀区", "番禺区"), "深圳": ("南山区", "福田区", "宝安区"), "杭州": ("西湖区", "滨江区"),
              "南京": ("鼓楼区", "建邺区"), "成都": ("武侯区", "锦江区"), "武汉": ("江汉区", "洪山区"), "青岛": ("市南区", "崂山区")}
_ROADS = ("中山路", "人民路", "建设路", "解放路", "长江路", "和平路", "光明路", "新华路", "迎宾大道", "科技园路", "滨河路")


def address(rng: random.Random) -> str:
    city = rng.choice(_CITIES)
    s = f"{city}市{rng.choice(_DISTRICTS[city])}{rng.choice(_ROADS)}{rng.randint(1, 2999)}号"
    if rng.random() < 0.6:
        s += f"{rng.randint(1, 30)}幢{rng.randint(1, 3)}{rng.randint(1, 30):02d}室"
    return s


def unit_number(rng: random.Random, style: str) -> str:
    """The three shapes the domain names: 'A座1203', '3-2-501', '12F-03'."""
    floor = rng.randint(2, 28)
    if style == "tower":
        return f"{rng.choice('ABCD')}座{floor}{rng.randint(1, 12):02d}"
    if style == "block":
        return f"{rng.randint(1, 12)}-{rng.randint(1, 4)}-{floor}{rng.randint(1, 4):02d}"
    return f"{floor}F-{rng.randint(1, 20):02d}"


def day(rng: random.Random) -> date:
    return date(2023, 1, 1) + timedelta(days=rng.randrange(1000))  # to 2025-09: visits after it stay in the past
