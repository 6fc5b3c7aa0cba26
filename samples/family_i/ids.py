"""Identifiers with their check digits: VIN (ISO 3779), resident ID (GB 11643), unified social credit code
(GB 32100), plates, unit numbers in the three styles the domain names, phones and work-order numbers."""

from __future__ import annotations

import random
import string

_VIN_VAL = {**{str(d): d for d in range(10)},
            **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
            "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_W = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
YEAR_CODE = {2019: "K", 2020: "L", 2021: "M", 2022: "N", 2023: "P", 2024: "R", 2025: "S", 2026: "T"}


def vin_check(v: str) -> str:
    r = sum(_VIN_VAL[c] * w for c, w in zip(v, _VIN_W, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str, year: int = 2026) -> str:
    vds = "".join(rng.choice(VIN_CHARS[:23] if k in (0, 1) else VIN_CHARS) for k in range(5))
    tail = YEAR_CODE.get(year, "T") + rng.choice("0123456789ABCDEFGH") + "".join(rng.choice(string.digits) for _ in range(6))
    draft = wmi + vds + "0" + tail
    return draft[:8] + vin_check(draft) + draft[9:]


_ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_W, strict=True)) % 11]


def id_number(rng: random.Random, area: str) -> str:
    y = rng.randint(1960, 2002)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    body = f"{area}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return body + id_check(body)


_CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    r = 31 - sum(_CREDIT.index(c) * w for c, w in zip(first17, _CREDIT_W, strict=True)) % 31
    return _CREDIT[0 if r == 31 else r]


def credit_code(rng: random.Random, area: str) -> str:
    body = "91" + area + "".join(rng.choice(_CREDIT[:10] + "MAKX") for _ in range(9))
    return body + credit_check(body)


def plate(rng: random.Random, province: str, letter: str, electric: bool) -> str:
    if electric:
        return province + letter + rng.choice("DF") + "".join(rng.choice(string.digits) for _ in range(5))
    pool = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
    body = [rng.choice(pool) for _ in range(5)]
    if sum(c.isalpha() for c in body) > 2:
        body = body[:2] + [rng.choice(string.digits) for _ in range(3)]
    return province + letter + "".join(body)


def unit_number(rng: random.Random, style: str) -> str:
    if style == "block":
        return f"{rng.choice('ABCD')}座{rng.randint(3, 28)}{rng.randint(1, 12):02d}"
    if style == "dash":
        return f"{rng.randint(1, 18)}-{rng.randint(1, 4)}-{rng.randint(1, 18)}{rng.randint(1, 4):02d}"
    return f"{rng.randint(2, 45)}F-{rng.randint(1, 16):02d}"


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + str(rng.randint(0, 9)) + "".join(
        rng.choice(string.digits) for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    n = 8 if len(area) == 3 else 7
    return f"{area}-{rng.randint(2, 8)}" + "".join(rng.choice(string.digits) for _ in range(n - 1))
