"""Identifiers with their real check digits: VIN (ISO 3779), resident ID (GB 11643), unified social credit
code (GB 32100), plates (incl. new-energy), unit numbers, phones and each site's own order numbers."""

from __future__ import annotations

import random
import string

_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_YEARS = "MNPRST"  # model years 2021-2026


def vin_check(vin: str) -> str:
    r = sum(_VIN_VALUE[c] * w for c, w in zip(vin, _VIN_WEIGHT, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    vds = "".join(rng.choice(_VIN_CHARS) for _ in range(5))
    tail = rng.choice(_YEARS) + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + "".join(rng.choice(string.digits) for _ in range(6))
    raw = wmi + vds + "0" + tail
    return raw[:8] + vin_check(raw) + raw[9:]


_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, area: str) -> str:
    y, m, d = rng.randint(1958, 2002), rng.randint(1, 12), rng.randint(1, 28)
    body = f"{area}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return body + id_check(body)


_CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    s = sum(_CREDIT.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHT, strict=True))
    return _CREDIT[(31 - s % 31) % 31]


def credit_code(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(_CREDIT) for _ in range(9))
    return body + credit_check(body)


def plate(rng: random.Random, province: str, letter: str, new_energy: bool) -> str:
    if new_energy:  # small new-energy cars: D (battery) or F (hybrid) then five characters
        return province + letter + rng.choice("DF") + rng.choice("ABCDEFGHJK" + string.digits) + \
            "".join(rng.choice(string.digits) for _ in range(4))
    pool = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    body = [rng.choice(string.digits) for _ in range(5)]
    for k in rng.sample(range(5), rng.choice((0, 1, 1, 2))):
        body[k] = rng.choice(pool)
    return province + letter + "".join(body)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + str(rng.randint(0, 9)) + "".join(
        rng.choice(string.digits) for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(2, 8)}{rng.randint(0, 9_999_999):07d}"


def unit_number(rng: random.Random, style: str) -> str:
    floor = rng.randint(2, 32)
    if style == "tower":  # 湘江中心 T2-1806
        return f"T{rng.randint(1, 3)}-{floor:02d}{rng.randint(1, 12):02d}"
    if style == "zuo":
        return f"{rng.choice('ABCD')}座{floor}{rng.randint(1, 8):02d}"
    if style == "dash":
        return f"{rng.randint(1, 16)}-{rng.randint(1, 4)}-{min(floor, 18)}0{rng.randint(1, 4)}"
    return f"{floor}F-{rng.randint(1, 12):02d}"


def order_number(rng: random.Random, style: str, day: str) -> str:
    """The work-order number a site stamps on every paper of one workshop visit (`day` is YYYYMMDD)."""
    n = rng.randint(1, 999)
    if style == "xj":
        return f"XJ{day[2:]}{n:03d}"
    if style == "rw":
        return f"RW-{day[:4]}-{rng.randint(1000, 9999)}"
    return f"{day[2:6]}S{n:04d}"
