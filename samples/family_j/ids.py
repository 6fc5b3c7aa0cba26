"""Identifiers with their real check digits: VIN (ISO 3779), resident ID (GB 11643), unified social credit
code (GB 32100), plates (new-energy: six characters after the letter), phones, unit numbers."""

from __future__ import annotations

import random

_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(vin: str) -> str:
    r = sum(_VIN_VALUE[c] * w for c, w in zip(vin.upper(), _VIN_WEIGHT, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    year = rng.choice("NPRST")  # 2022-2026 model years
    plant = rng.choice("ABCDEFGHJKLMN0123456789")
    serial = "".join(rng.choice("0123456789") for _ in range(6))
    raw = wmi + vds + "0" + year + plant + serial
    return raw[:8] + vin_check(raw) + raw[9:]


_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, area: str) -> str:
    y, m, d = rng.randint(1958, 2003), rng.randint(1, 12), rng.randint(1, 28)
    body = f"{area}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return body + id_check(body)


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    s = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHT, strict=True))
    return CREDIT_CHARS[(31 - s % 31) % 31]


def credit_code(rng: random.Random, area: str) -> str:
    org = "".join(rng.choice(CREDIT_CHARS[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    body = "91" + area + org
    return body + credit_check(body)


def plate(rng: random.Random, province: str, letter: str, new_energy: bool) -> str:
    if new_energy:  # small cars: D/F then five digits; the large-car order puts the letter last
        tail = rng.choice("DF") + f"{rng.randint(0, 99999):05d}" if rng.random() < 0.8 else \
            f"{rng.randint(0, 99999):05d}" + rng.choice("DF")
        return province + letter + tail
    chars = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    tail = "".join(rng.choice("0123456789" + chars) if i < 2 else rng.choice("0123456789") for i in range(5))
    return province + letter + tail


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + rng.choice("0123456789") + "".join(
        rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    n = 8 if len(area) == 3 else 7
    return area + "-" + str(rng.randint(2, 8)) + "".join(rng.choice("0123456789") for _ in range(n - 1))


def unit_number(rng: random.Random, style: str) -> str:
    floor = rng.randint(2, 31)
    if style == "tower":
        return f"{rng.choice('ABCD')}座{floor}{rng.randint(1, 12):02d}"
    if style == "dash":
        return f"{rng.randint(1, 18)}-{rng.randint(1, 4)}-{floor % 18 + 1}{rng.randint(1, 4):02d}"
    return f"{floor}F-{rng.randint(1, 16):02d}"
