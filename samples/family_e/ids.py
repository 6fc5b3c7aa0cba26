"""Identifiers with valid check digits: VIN, resident ID, unified social credit code; plates, phones, numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

_VIN_VALUE = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9], strict=True))
_VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
# World manufacturer codes of makers that build in China (first three VIN characters).
WMI = ["LFV", "LSV", "LVS", "LGB", "LHG", "LSG", "LVH", "LFM", "LDC", "LBV", "LGW", "LRW", "LNB", "LB3", "LC0"]
YEARS = "KLMNPRS"  # model years 2019-2025


def vin(rng: random.Random) -> str:
    body = rng.choice(WMI) + "".join(rng.choice(_VIN_CHARS) for _ in range(5)) + "0" + rng.choice(YEARS) \
        + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + "".join(rng.choice("0123456789") for _ in range(6))
    r = sum((_VIN_VALUE[c] if c.isalpha() else int(c)) * w for c, w in zip(body, _VIN_WEIGHT, strict=True)) % 11
    return body[:8] + ("X" if r == 10 else str(r)) + body[9:]


REGIONS = {"110105": "北京市朝阳区", "310115": "上海市浦东新区", "440305": "深圳市南山区", "320102": "南京市玄武区",
           "330106": "杭州市西湖区", "510107": "成都市武侯区", "420106": "武汉市武昌区", "370202": "青岛市市南区",
           "350203": "厦门市思明区", "610113": "西安市雁塔区"}


def id_number(rng: random.Random, region: str | None = None) -> str:
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 42))
    body = (region or rng.choice(list(REGIONS))) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * k for c, k in zip(body, w, strict=True)) % 11]


_CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(rng: random.Random, region: str | None = None) -> str:
    """GB 32100: register office, type, region, the 9-character organisation code (own check), check."""
    org = "".join(rng.choice("0123456789" if rng.random() < 0.85 else "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    oc = 11 - sum((int(c) if c.isdigit() else ord(c) - 55) * k for c, k in zip(org, ow, strict=True)) % 11
    org += "0" if oc == 11 else "X" if oc == 10 else str(oc)
    body = "91" + (region or rng.choice(list(REGIONS))) + org
    cw = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    r = 31 - sum(_CC.index(c) * k for c, k in zip(body, cw, strict=True)) % 31
    return body + _CC[0 if r == 31 else r]


PROVINCES = {"110105": ("京", "ABCEFGHJNPQ"), "310115": ("沪", "ABCDEFGHJKLMN"), "440305": ("粤", "B"),
             "320102": ("苏", "A"), "330106": ("浙", "A"), "510107": ("川", "A"), "420106": ("鄂", "A"),
             "370202": ("鲁", "B"), "350203": ("闽", "D"), "610113": ("陕", "A")}


def plate(rng: random.Random, region: str) -> str:
    prov, letters = PROVINCES[region]
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    if rng.random() < 0.3:  # new energy: D (electric) or F (hybrid), then five more
        return prov + rng.choice(letters) + rng.choice("DF") + "".join(rng.choice("0123456789ABCDEFGHJK") for _ in range(5))
    tail = "".join(rng.choice("0123456789") if rng.random() < 0.7 else rng.choice(alnum) for _ in range(5))
    return prov + rng.choice(letters) + tail


AREA = {"110105": "010", "310115": "021", "440305": "0755", "320102": "025", "330106": "0571", "510107": "028",
        "420106": "027", "370202": "0532", "350203": "0592", "610113": "029"}


def mobile(rng: random.Random) -> str:
    return rng.choice(["13", "15", "17", "18", "19"]) + str(rng.randrange(10)) + f"{rng.randrange(10**8):08d}"


def landline(rng: random.Random, region: str) -> str:
    area = AREA[region]
    n = 8 if len(area) == 3 else rng.choice((7, 8))
    return f"{area}-{rng.randrange(2, 9)}{rng.randrange(10 ** (n - 1)):0{n - 1}d}"


def order_number(rng: random.Random, day: date, style: int) -> str:
    n = rng.randrange(1, 999)
    return [f"WO{day:%y%m%d}{n:04d}", f"RO-{day:%Y%m%d}-{n:03d}", f"WX{day:%y%m%d}{n:03d}",
            f"{day:%Y%m}{rng.randrange(10000, 99999)}", f"JC{day:%y}{rng.randrange(100000, 999999)}"][style % 5]


def invoice_code(rng: random.Random, region: str) -> str:
    return "1" + region[:4] + f"{rng.randrange(19, 26)}" + "1" + f"{rng.randrange(100, 999)}"


def invoice_number(rng: random.Random) -> str:
    return f"{rng.randrange(10**7, 10**8):08d}"


def day(rng: random.Random) -> date:
    return date(2023, 1, 1) + timedelta(days=rng.randrange(365 * 2 + 180))


LAST_DAY = date(2026, 11, 30)  # no paper is dated after the scans were made


DATE_STYLES = ("{:%Y-%m-%d}", "{y}年{m}月{d}日", "{:%Y/%m/%d}", "{:%Y.%m.%d}", "{y}年{m:02d}月{d:02d}日")


def show_date(d: date, style: int) -> str:
    f = DATE_STYLES[style % len(DATE_STYLES)]
    return f.format(d, y=d.year, m=d.month, d=d.day) if "{y}" in f else f.format(d)


def show_amount(v: float, style: int) -> str:
    return [f"¥{v:,.2f}", f"{v:.2f}元", f"￥{v:.2f}", f"{v:,.2f}", f"人民币{v:,.2f}元"][style % 5]


def amount(v: float) -> str:
    return f"{v:.2f}"
