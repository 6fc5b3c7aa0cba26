"""Identifiers with their real check digits: VINs, ID numbers, unified credit codes, plates, phones.

Written from the public standards (ISO 3779 / GB 16735, GB 11643, GB 32100), not from the project's
extractor, so a wrong check digit here would be a wrong sample, not a matched bug.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_TRANSLIT = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
# Manufacturer prefixes of cars built in China (WMI), as they appear on real Chinese VINs.
WMIS = ("LSV", "LFV", "LGB", "LVS", "LHG", "LBV", "LDC", "LGX", "LRW", "LVG", "LFP", "LSG", "LZW", "LNB")
YEAR_CODES = "JKLMNPRS"  # 2018..2025


def vin_check(vin: str) -> str:
    total = sum((_TRANSLIT[c] if c.isalpha() else int(c)) * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    r = total % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random) -> str:
    body = (rng.choice(WMIS) + "".join(rng.choice(VIN_CHARS) for _ in range(5)) + "0"
            + rng.choice(YEAR_CODES) + rng.choice(VIN_CHARS) + "".join(rng.choice("0123456789") for _ in range(6)))
    return body[:8] + vin_check(body) + body[9:]


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# County codes (GB/T 2260) of the cities the sites are in.
REGIONS = ("310101", "310104", "310115", "110105", "110108", "440305", "440106", "320505", "330106",
           "510107", "420106", "370202", "350203", "120101")


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_number(rng: random.Random, born: date | None = None) -> str:
    born = born or date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 42))
    body = rng.choice(REGIONS) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + id_check(body)


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code(rng: random.Random) -> str:
    """The 9-character organisation code inside a credit code, with its own check character (GB 11714)."""
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    values = [_CREDIT_CHARS.index(c) if c.isdigit() else ord(c) - 55 for c in body]
    c = 11 - sum(v * w for v, w in zip(values, _ORG_WEIGHTS, strict=True)) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def credit_check(first17: str) -> str:
    c = 31 - sum(_CREDIT_CHARS.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True)) % 31
    return _CREDIT_CHARS[0 if c == 31 else c]


def credit_code(rng: random.Random) -> str:
    body = "91" + rng.choice(REGIONS) + _org_code(rng)
    return body + credit_check(body)


PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CITIES = {  # province character, plate letter, city, telephone area code
    "沪": ("A", "上海", "021"), "京": ("B", "北京", "010"), "粤": ("B", "深圳", "0755"),
    "苏": ("E", "苏州", "0512"), "浙": ("A", "杭州", "0571"), "川": ("A", "成都", "028"),
    "鄂": ("A", "武汉", "027"), "鲁": ("B", "青岛", "0532"), "闽": ("D", "厦门", "0592"), "津": ("A", "天津", "022"),
}


def plate(rng: random.Random, province: str, electric: bool = False) -> str:
    letter = CITIES[province][0]
    if electric:  # small new-energy plates: D (battery) or F (hybrid), then 5 more
        tail = rng.choice("DF") + rng.choice(PLATE_LETTERS + "0123456789") + "".join(rng.choice("0123456789") for _ in range(4))
    else:  # five places, at most two of them letters
        letters = set(rng.sample(range(5), rng.choice((0, 0, 1, 1, 2))))
        tail = "".join(rng.choice(PLATE_LETTERS if k in letters else "0123456789") for k in range(5))
    return province + letter + tail


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + "".join(rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(2, 8)}{rng.randrange(10**7):07d}"


def work_order(rng: random.Random, when: date, prefix: str) -> str:
    return f"{prefix}{when:%Y%m%d}{rng.randrange(1000):03d}"


def invoice_code(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") for _ in range(12))


def invoice_number(rng: random.Random) -> str:
    return f"{rng.randrange(10**8):08d}"
