"""Validators, OCR repair and generators for the keys that file a document: VIN (ISO 3779),
resident ID number (GB 11643), plate (GA 36), and a company's credit code (GB 32100) and
organisation code (GB 11714).

A check character lets a misread sometimes be *proved* and fixed: a character that cannot stand
where it is (O in a VIN, S among an ID number's digits) gets its lookalike readings, and the repair
is accepted only if exactly one combination passes the check. Two passing readings mean the check
proves nothing, and the value stays unrepaired. A plate has no check character, so it is only
normalised, never guessed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from itertools import product

from rapidfuzz.distance import Levenshtein

# --- VIN (ISO 3779, check digit as in North America and GB 16735) -------------------------------------

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # I, O and Q never occur
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_DIGITS = "0123456789"
# What OCR reads in place of a digit. Two readings where the shapes allow both (B: 8 or 3).
_DIGIT_LOOKALIKES = {
    "O": "0", "Q": "0", "D": "0", "U": "0", "I": "1", "L": "1", "|": "1", "Z": "2",
    "S": "5", "G": "6", "T": "7", "B": "83",
}  # fmt: skip
_VIN_FORCED = {"O": "0", "I": "1", "Q": "0"}  # letters a VIN never holds


_VIN_FORCED_TABLE = str.maketrans(_VIN_FORCED)


def with_forced_digits(cand: str) -> str:
    """`cand` with the letters a VIN never holds read as the digits they stand for (O/Q -> 0, I -> 1)."""
    return cand.translate(_VIN_FORCED_TABLE)


def vin_check_digit(vin: str) -> str:
    """The check digit (position 9) that the other 16 characters of a 17-character VIN call for."""
    vin = vin.upper()
    if len(vin) != 17 or any(c not in _VIN_VALUES for c in vin):
        raise ValueError(f"not a 17-character VIN: {vin!r}")
    r = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True)) % 11
    return "X" if r == 10 else str(r)


def is_valid_vin(vin: str) -> bool:
    """17 characters of the VIN alphabet (no I, O, Q) whose position-9 check digit is right."""
    return len(vin) == 17 and all(c in VIN_CHARS for c in vin) and vin[8] == vin_check_digit(vin)


def _vin_readings(cand: str) -> list[str]:
    """The readings each character of `cand` can have where it stands (0-based positions).

    Only characters that *cannot* stand where they are get other readings: I/O/Q anywhere, a letter
    other than X as the check digit, a letter in the serial number (the last 3 characters always,
    the last 4 in a Chinese VIN, GB 16735) and 0 as the model year. A legal character is never
    swapped for a lookalike: a mod-11 check digit cannot tell an S/5 misread from any other single
    misread (3/8, H/N...), so such a "repair" would be a guess (measured: about a third wrong).
    """
    serial = 13 if cand[0] == "L" else 14
    out = []
    for i, c in enumerate(cand):
        if i == 8 or i >= serial:
            ok = c in _DIGITS or (i == 8 and c == "X")
            out.append(c if ok else _DIGIT_LOOKALIKES.get(c, ""))
        elif i == 9 and c == "0":  # model-year codes exclude 0; D is its lookalike
            out.append("D")
        else:
            out.append(c if c in VIN_CHARS else _VIN_FORCED.get(c, ""))
    return out


def _unique(readings: list[str], valid: Callable[[str], bool]) -> str | None:
    """The one valid string among all combinations of per-position readings, else None."""
    if not all(readings) or sum(len(r) > 1 for r in readings) > 4:
        return None
    found = {s for p in product(*readings) if valid(s := "".join(p))}
    return found.pop() if len(found) == 1 else None


def repair_vin(candidate: str) -> str | None:
    """The VIN `candidate` (17 characters as OCR read them) stands for, or None if not proved.

    A valid candidate is returned as is. Otherwise characters that cannot stand where they are get
    their lookalike readings (O/Q->0, I->1 anywhere; S->5, B->8 or 3, Z->2, G->6 ... where a digit
    must be), and the result is accepted only if exactly one combination passes the check digit.
    """
    cand = re.sub(r"\s+", "", candidate).upper()
    if len(cand) != 17:
        return None
    if is_valid_vin(cand):
        return cand
    return _unique(_vin_readings(cand), is_valid_vin)


def nearest_key(reading: str, known: Iterable[str], most: int = 2) -> str | None:
    """The one known key that is an unproved `reading` but for separators, or else the one within
    `most` edits of it (a character dropped, added or misread) while every other known key is at least
    two edits further: fleet cars' VINs differ in the last digits and the check digit, so a reading
    between two of them proves neither."""
    reading = reading.upper()
    if same := key_but_separators(reading, known):
        return same
    scored = sorted((Levenshtein.distance(reading, k, score_cutoff=most + 2), k) for k in set(known))
    if not scored or scored[0][0] > most:
        return None
    if len(scored) > 1 and scored[1][0] < scored[0][0] + 2:
        return None
    return scored[0][1]


def key_but_separators(reading: str, known: Iterable[str]) -> str | None:
    """The one known key that `reading` is but for separators: what OCR loses most easily in a unit
    number (2-1-403 read 21403, 4-4-601 read 44-601)."""
    same = {k for k in known if _bare(k) == _bare(reading)}
    return same.pop() if len(same) == 1 else None


def _bare(key: str) -> str:
    return "".join(c for c in key.upper() if c.isalnum())


def vin_shape(candidate: str) -> bool:
    """Could these 17 characters be a VIN at all (before any check)? Filters out numbers and words."""
    c = candidate.upper()
    if len(c) != 17 or not c.isascii() or not c.isalnum():
        return False
    digitlike = set(_DIGITS) | set(_DIGIT_LOOKALIKES)
    return (
        any(ch.isalpha() for ch in c)
        and sum(ch.isdigit() for ch in c) >= 5
        and sum(ch in _VIN_FORCED for ch in c) <= 2
        and all(ch in digitlike for ch in c[14:])
        and (c[8] in digitlike or c[8] == "X")
    )


# WMIs of makers building in China (make_vin's default).
_CHINA_WMIS = ("LSV", "LFV", "LSG", "LVS", "LHG", "LVG", "LBV", "LE4", "LGB", "LC0", "LRW", "LFM")
_YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"  # position 10: no I, O, Q, U, Z or 0


def make_vin(rng: random.Random, wmi: str | None = None) -> str:
    """A random VIN that validates: a Chinese WMI (or `wmi`), model year code, 6-digit serial."""
    wmi = (wmi or rng.choice(_CHINA_WMIS)).upper()
    if len(wmi) != 3 or any(c not in VIN_CHARS for c in wmi):
        raise ValueError(f"bad WMI {wmi!r}")
    vds = "".join(rng.choice(VIN_CHARS) for _ in range(5))
    vis = rng.choice(_YEAR_CODES) + rng.choice(VIN_CHARS) + "".join(rng.choice(_DIGITS) for _ in range(6))
    vin = wmi + vds + "0" + vis
    return vin[:8] + vin_check_digit(vin) + vin[9:]


# --- Resident ID number (GB 11643) ---------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# First two digits: provinces, plus 71/81/82/83 (Taiwan, Hong Kong, Macao residence permits).
_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
              50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}  # fmt: skip


def id_check_char(id17: str) -> str:
    """The check character (position 18) for the first 17 digits of an ID number."""
    body = id17[:17]
    if len(body) != 17 or not body.isdigit():
        raise ValueError(f"need 17 digits: {id17!r}")
    return _ID_CHECK[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS, strict=True)) % 11]


def id_birth_date(id_number: str) -> date | None:
    try:
        return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return None


def is_valid_id_number(id_number: str, today: date | None = None) -> bool:
    """18 characters, a known province, a plausible birth date and the right check character."""
    s = id_number.upper()
    if len(s) != 18 or not s[:17].isdigit() or int(s[:2]) not in _PROVINCES:
        return False
    born = id_birth_date(s)
    if born is None or born.year < 1900 or born > (today or date.today()):
        return False
    return s[17] == id_check_char(s)


def repair_id_number(candidate: str) -> str | None:
    """The ID number `candidate` stands for: letters read for digits are replaced only if the
    check character then proves exactly one reading. None if not provable."""
    cand = re.sub(r"\s+", "", candidate).upper().replace("×", "X")
    if len(cand) != 18:
        return None
    if is_valid_id_number(cand):
        return cand
    readings = [
        c if c in _DIGITS or (i == 17 and c == "X") else _DIGIT_LOOKALIKES.get(c, "")
        for i, c in enumerate(cand)
    ]
    return _unique(readings, is_valid_id_number)


# Real county codes (Beijing, Shanghai, Guangzhou, Shenzhen, Nanjing, Hangzhou, Chengdu, Wuhan, ...).
_COUNTIES = ("110101", "110105", "310101", "310115", "440106", "440305", "320102", "330106", "510104",
             "420106", "120101", "500103", "370202", "350203")  # fmt: skip


def make_id_number(rng: random.Random, birth: date | None = None) -> str:
    """A random ID number that validates; born `birth` or some day in 1950-2005."""
    if birth is None:
        birth = date(1950, 1, 1) + timedelta(days=rng.randrange((date(2005, 12, 31) - date(1950, 1, 1)).days))
    body = rng.choice(_COUNTIES) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + id_check_char(body)


# --- Unified social credit code of a company (GB 32100) ------------------------------------------------

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_FORCED = {"I": "1", "O": "0", "S": "5", "Z": "2"}  # letters the code never holds


def credit_code_check_char(code17: str) -> str:
    """The check character (position 18) of a unified social credit code."""
    body = code17[:17].upper()
    if len(body) != 17 or any(c not in _USCC_CHARS for c in body):
        raise ValueError(f"need 17 code characters: {code17!r}")
    r = 31 - sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True)) % 31
    return _USCC_CHARS[0 if r == 31 else r]


def is_valid_credit_code(code: str) -> bool:
    """18 characters of the code alphabet (no I, O, S, V, Z) with the right check character."""
    c = code.upper()
    return len(c) == 18 and all(ch in _USCC_CHARS for ch in c) and c[17] == credit_code_check_char(c)


def repair_credit_code(candidate: str) -> str | None:
    """Like repair_vin: I/O/S/Z never occur, so they become 1/0/5/2 if the check then proves it."""
    cand = re.sub(r"\s+", "", candidate).upper()
    if len(cand) != 18:
        return None
    if is_valid_credit_code(cand):
        return cand
    readings = [c if c in _USCC_CHARS else _USCC_FORCED.get(c, "") for c in cand]
    return _unique(readings, is_valid_credit_code)


# --- Organisation code (GB 11714), the older company number, also digits 9-17 of the credit code ------

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def org_code_check_char(body8: str) -> str:
    """The check character (the 9th, after the dash) of an organisation code."""
    body = body8[:8].upper()
    if len(body) != 8 or not body.isascii() or not body.isalnum():
        raise ValueError(f"need 8 code characters: {body8!r}")
    r = 11 - sum(int(c, 36) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True)) % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def normalize_org_code(text: str) -> str | None:
    """`53877274-X`, `53877274x`, `5387 7274-X` -> `53877274-X`; None unless the check is right."""
    s = re.sub(r"[\s\-]", "", text).upper()
    if len(s) != 9 or not s.isascii() or not s.isalnum() or s[8] != org_code_check_char(s):
        return None
    return f"{s[:8]}-{s[8]}"


# --- Plates (GA 36-2018) -------------------------------------------------------------------------------

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
TRADITIONAL_PROVINCES = {"滬": "沪", "遼": "辽", "贛": "赣", "蘇": "苏", "魯": "鲁", "雲": "云", "閩": "闽",
                         "貴": "贵", "寧": "宁", "瓊": "琼", "陝": "陕", "晉": "晋", "粵": "粤"}  # fmt: skip
_PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # no I or O on a plate
_PLATE_RE = re.compile(
    rf"[{PROVINCES}][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{{5}}|[DF][A-HJ-NP-Z0-9]\d{{4}}|\d{{5}}[DF])"
)


def normalize_plate(text: str) -> str | None:
    """`沪A·12345`, `滬a 12345`, `粤B D12345` -> `沪A12345`, `粤BD12345`; None if not a plate."""
    s = "".join(TRADITIONAL_PROVINCES.get(c, c) for c in text)
    s = re.sub(r"[\s·•・.\-]", "", s).upper()
    if len(s) in (7, 8):
        s = s[:2] + s[2:].replace("O", "0").replace("I", "1")  # O and I never occur after the letter
    if len(s) == 8 and not is_valid_plate(s):
        # A new-energy plate's D read as its look-alike 0, where only D or F can stand (京K079258).
        for fixed in (s[:2] + "D" + s[3:] if s[2] == "0" else "", s[:7] + "D" if s[7] == "0" else ""):
            if fixed and is_valid_plate(fixed):
                return fixed
    return s if is_valid_plate(s) else None


def is_valid_plate(plate: str) -> bool:
    """A normalised plate: province, letter, then 5 characters, or 6 for a new-energy plate
    (D/F third for small cars, D/F last for large vehicles)."""
    return _PLATE_RE.fullmatch(plate) is not None


def make_plate(rng: random.Random, new_energy: bool = False, province: str | None = None) -> str:
    """A random valid plate, e.g. `沪A3K7Q2` or, new energy, `粤BD12345`."""
    head = (province or rng.choice(PROVINCES)) + rng.choice(_PLATE_CHARS[:24])
    if new_energy:
        return (
            head
            + rng.choice("DF")
            + rng.choice(_PLATE_CHARS)
            + "".join(rng.choice(_DIGITS) for _ in range(4))
        )
    tail = "".join(rng.choice(_DIGITS) for _ in range(5))
    if rng.random() < 0.5:  # many plates carry a letter or two among the digits
        i = rng.randrange(5)
        tail = tail[:i] + rng.choice(_PLATE_CHARS[:24]) + tail[i + 1 :]
    return head + tail


def token_joins(run: str, lengths: tuple[int, ...], anchored: bool = False) -> Iterator[tuple[int, int, str]]:
    """Spans of `run` made of whole space-separated tokens whose joined length is one of `lengths`.

    OCR puts stray spaces inside long numbers ('LSVAU2180N2 183546'), and a label's letters may
    stand before a value ('VIN LSVAU...'): both are handled by trying contiguous token ranges.
    Yields (start, end, joined) with offsets into `run`; `anchored` keeps only ranges from the start.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    for a in range(len(tokens) if not anchored else min(1, len(tokens))):
        total = 0
        for b in range(a, len(tokens)):
            total += tokens[b][1] - tokens[b][0]
            if total in lengths:
                s, e = tokens[a][0], tokens[b][1]
                yield s, e, re.sub(r"\s+", "", run[s:e])
            if total >= max(lengths):
                break
