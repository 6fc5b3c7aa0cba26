"""Identifiers with their published check digits: VIN (ISO 3779), resident ID (GB 11643), unified social
credit code (GB 32100), plates (new-energy ones with six characters after the city letter), phones."""

from __future__ import annotations

import random

_VIN_VALUE = {**{str(d): d for d in range(10)},
              **dict(zip("ABCDEFGH", range(1, 9), strict=True)), **dict(zip("JKLMN", range(1, 6), strict=True)),
              "P": 7, "R": 9, **dict(zip("STUVWXYZ", range(2, 10), strict=True))}
_VIN_WEIGHT = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def vin_check(v: str) -> str:
    s = sum(_VIN_VALUE[c] * w for c, w in zip(v.upper(), _VIN_WEIGHT, strict=True))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin(rng: random.Random, wmi: str) -> str:
    # Model-year letters of the 2020s (L=2020 ... T=2026) at position 10.
    body = wmi + "".join(rng.choice(_VIN_CHARS[:-10] + "0123456789") for _ in range(5))
    tail = rng.choice("LMNPRST") + rng.choice("ABCDEFGH0123456789") + "".join(rng.choice("0123456789") for _ in range(6))
    draft = body + "0" + tail
    return body + vin_check(draft) + tail


_ID_WEIGHT = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHT, strict=True)) % 11]


def id_number(rng: random.Random, region: str) -> str:
    y = rng.randint(1960, 2003)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    first = f"{region}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
    return first + id_check(first)


_CREDIT = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHT = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_check(first17: str) -> str:
    s = sum(_CREDIT.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHT, strict=True))
    return _CREDIT[(31 - s % 31) % 31]


def credit_code(rng: random.Random, region: str) -> str:
    first = "91" + region + "".join(rng.choice(_CREDIT) for _ in range(9))
    return first + credit_check(first)


def plate(rng: random.Random, province: str, letter: str, new_energy: bool) -> str:
    digits = "0123456789"
    if new_energy:  # small cars: D (pure electric) or F (hybrid) first, then five digits
        return province + letter + rng.choice("DF") + rng.choice("ABCDEFGHJK" + digits) + "".join(
            rng.choice(digits) for _ in range(4))
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    body = [rng.choice(digits) for _ in range(5)]
    for k in rng.sample(range(5), rng.choice((0, 1, 1, 2))):
        body[k] = rng.choice(letters)
    return province + letter + "".join(body)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19", "16")) + str(rng.randint(0, 9)) + "".join(
        rng.choice("0123456789") for _ in range(8))


def landline(rng: random.Random, area: str) -> str:
    return f"{area}-{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}"
