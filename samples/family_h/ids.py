"""Identifiers with their check digits: VIN (ISO 3779), resident ID (GB 11643), unified credit code
(GB 32100), plates (incl. new-energy), unit numbers, phones and the sites' work-order numbers."""

from __future__ import annotations

import random
from datetime import date, timedelta

_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


def vin_check(v: str) -> str:
    r = sum(_VIN_VALUE[c] * w for c, w in zip(v, _VIN_WEIGHTS, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    vds = "".join(rng.choice(VIN_CHARS[10:]) if k < 2 else rng.choice(VIN_CHARS) for k in range(5))
    year = rng.choice("RSTN")  # model years 2024-2026 (and 2022)
    plant = rng.choice("ABCDHKLMNPRSTUVWXYZ0123456789")
    serial = "".join(rng.choice("0123456789") for _ in range(6))
    draft = wmi + vds + "0" + year + plant + serial
    return draft[:8] + vin_check(draft) + draft[9:]


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def id_number(rng: random.Random, region: str, born: date | None = None) -> str:
    b = born or date(1962, 1, 1) + timedelta(days=rng.randrange(0, 365 * 40))
    body = f"{region}{b:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + id_check(body)


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    s = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARS[(31 - s % 31) % 31]


def credit_code(rng: random.Random, region: str) -> str:
    org = "".join(rng.choice(CREDIT_CHARS) for _ in range(9))
    body = "91" + region + org
    return body + credit_check(body)


PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate(rng: random.Random, province: str, city: str, new_energy: bool) -> str:
    if new_energy:
        return province + city + rng.choice("DF") + ("".join(rng.choice("0123456789") for _ in range(5))
                                                      if rng.random() < 0.6 else rng.choice(PLATE_LETTERS)
                                                      + "".join(rng.choice("0123456789") for _ in range(4)))
    tail = [rng.choice("0123456789") for _ in range(5)]
    for k in rng.sample(range(5), rng.choice((0, 1, 1, 2))):
        tail[k] = rng.choice(PLATE_LETTERS)
    return province + city + "".join(tail)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + "".join(
        rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    n = 8 if len(area) == 3 else 7
    return area + "-" + str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def unit_number(rng: random.Random, style: str) -> str:
    floor = rng.randint(2, 28)
    if style == "tower":  # A座1203
        return f"{rng.choice('ABCD')}座{floor}{rng.randint(1, 12):02d}"
    if style == "dash":  # 3-2-501
        return f"{rng.randint(1, 18)}-{rng.randint(1, 4)}-{min(floor, 18)}0{rng.randint(1, 4)}"
    return f"{floor}F-{rng.randint(1, 16):02d}"  # 12F-03


def work_order(rng: random.Random, style: str, d: date) -> str:
    n = rng.randint(1, 399)
    if style == "ro":
        return f"RO{d:%y%m%d}{n:04d}"
    if style == "wx":
        return f"WX-{d:%Y%m%d}-{n:03d}"
    if style == "num":
        return f"{d:%Y%m}{rng.randint(10000, 99999)}"
    return f"SC{d:%Y}{rng.randint(100000, 999999)}"
