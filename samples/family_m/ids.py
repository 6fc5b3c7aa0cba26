"""Identifiers with their check digits: VIN (ISO 3779), resident ID (GB 11643), unified social credit code
(GB 32100), plates, unit numbers, phones and this family's work-order numbers."""

from __future__ import annotations

import random

_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_YEAR = "PRSTV"  # model years 2023-2027


def vin_check(vin: str) -> str:
    r = sum(_VIN_VALUE[c] * w for c, w in zip(vin[:17], _VIN_WEIGHT, strict=True)) % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    tail = rng.choice(_YEAR) + rng.choice("ABCDEFGHJKLMN0123456789") + "".join(rng.choice("0123456789") for _ in range(6))
    body = wmi + vds + "0" + tail
    return body[:8] + vin_check(body) + body[9:]


_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, area: str) -> str:
    y = rng.randint(1958, 2003)
    body = f"{area}{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return body + id_check(body)


_CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    c = 31 - sum(_CREDIT.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHT, strict=True)) % 31
    return _CREDIT[0 if c == 31 else c]


def credit_code(rng: random.Random, area: str) -> str:
    org = "".join(rng.choice(_CREDIT[:10] + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    check9 = rng.choice("0123456789X")  # the organisation code's own check, not verified here
    body = "91" + area + org + (check9 if check9 != "X" else "0")
    return body + credit_check(body)


def plate(rng: random.Random, province: str, letter: str, new_energy: bool) -> str:
    if new_energy:  # 6 characters after the letter: D (pure electric) or F (hybrid) first, then digits
        return province + letter + rng.choice("DF") + rng.choice("ABCDEFGHJK0123456789") + f"{rng.randint(0, 9999):04d}"
    tail = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") if k < 2 else rng.choice("0123456789")
                   for k in range(5))
    return province + letter + tail


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99999999):08d}"


def landline(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}"


def order_no(rng: random.Random, prefix: str, day: str) -> str:
    return f"{prefix}{day.replace('-', '')[2:]}{rng.randint(1, 999):03d}"
