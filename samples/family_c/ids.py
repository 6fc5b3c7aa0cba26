"""Identifiers with their real check digits: VIN (ISO 3779), resident ID (GB 11643), unified social
credit code (GB 32100 with the GB 11714 organisation code inside), plates, phones, invoice numbers."""

from __future__ import annotations

import random

# VIN makers' codes of cars built in China, with the brand a dealer would print.
WMI = (("LSV", "上汽大众"), ("LFV", "一汽-大众"), ("LBV", "华晨宝马"), ("LHG", "广汽本田"), ("LVG", "广汽丰田"),
       ("LE4", "北京奔驰"), ("LRW", "特斯拉"), ("LGX", "比亚迪"), ("LGB", "东风日产"), ("LVS", "长安福特"))
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_YEAR = "NPRSTV"  # model years 2022-2027


def vin_check(vin: str) -> str:
    total = sum(_VIN_VALUE[c] * w for c, w in zip(vin, _VIN_WEIGHT, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    body = wmi + "".join(rng.choice(_VIN_CHARS) for _ in range(5)) + "0" + rng.choice(_YEAR) \
        + rng.choice(_VIN_CHARS) + "".join(rng.choice("0123456789") for _ in range(6))
    return body[:8] + vin_check(body) + body[9:]


# A few real county-level area codes, with the city a form would print.
AREAS = (("310104", "上海市徐汇区"), ("310115", "上海市浦东新区"), ("110105", "北京市朝阳区"), ("440106", "广州市天河区"),
         ("440305", "深圳市南山区"), ("320106", "南京市鼓楼区"), ("330106", "杭州市西湖区"), ("510107", "成都市武侯区"),
         ("420106", "武汉市武昌区"), ("370202", "青岛市市南区"))
_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, area: str, birth: str, male: bool) -> str:
    """birth as YYYYMMDD; the sequence's last digit is odd for men."""
    seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
    first = f"{area}{birth}{seq:03d}"
    return first + id_check(first)


_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHT = (3, 7, 9, 10, 5, 8, 4, 2)


def org_check(first8: str) -> str:
    c = 11 - sum(int(ch, 36) * w for ch, w in zip(first8, _ORG_WEIGHT, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def credit_check(first17: str) -> str:
    return _USCC[(31 - sum(_USCC.index(c) * w for c, w in zip(first17, _USCC_WEIGHT, strict=True)) % 31) % 31]


def credit_code(rng: random.Random, area: str) -> str:
    org8 = "".join(rng.choice("0123456789") for _ in range(8))
    if rng.random() < 0.5:  # codes issued since 2015 often carry letters in the organisation part
        org8 = "MA" + rng.choice("0123456789ABCDEFGH") + org8[3:]
    first = "91" + area + org8 + org_check(org8)
    return first + credit_check(first)


PROVINCES = (("沪", "ABCDEFGHJK"), ("京", "ABCEFGHJKLMNP"), ("粤", "ABCDEFGHJKLMNPQRSTUVWXY"), ("苏", "ABCDEFGHJKLMN"),
             ("浙", "ABCDEFGHJKL"), ("川", "ABCDEFHJKLMQRSTUVWXYZ"), ("鄂", "ABCDEFGHJKLMNPQRS"), ("鲁", "ABCDEFGHJKLMNPQRSUV"))
_PLATE = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def plate(rng: random.Random, province: str, letters: str, electric: bool) -> str:
    city = rng.choice(letters)
    if electric:  # green plates: D or F, then five digits (six characters after the city letter)
        return province + city + rng.choice("DF") + "".join(rng.choice("0123456789") for _ in range(5))
    tail = [rng.choice("0123456789") for _ in range(5)]
    for k in rng.sample(range(5), rng.choice((0, 1, 1, 2))):
        tail[k] = rng.choice(_PLATE[:24])
    return province + city + "".join(tail)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + str(rng.randrange(0, 10)) + "".join(rng.choice("0123456789") for _ in range(8))


AREA_PHONE = {"上海": "021", "北京": "010", "广州": "020", "深圳": "0755", "南京": "025", "杭州": "0571",
              "成都": "028", "武汉": "027", "青岛": "0532"}


def landline(rng: random.Random, city: str) -> str:
    return AREA_PHONE.get(city, "021") + "-" + str(rng.randrange(2, 9)) + "".join(rng.choice("0123456789") for _ in range(7))


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
