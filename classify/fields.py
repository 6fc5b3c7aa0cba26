"""Fields of one document from its OCR text: keys (VIN, ID number, plate), people, phones, dates, amounts.

The words it reads by are data (policies/fields.yaml), its tuned numbers too (policies/tuning/fields.yaml);
the keys it returns and how a label's value is found: docs/tuning.md, "Field extraction".
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dossier.classify.fuzzy import reading_variants
from dossier.classify.hanzi import RAPIDOCR_MISSING, RAPIDOCR_PAIRS, T2S, to_hant
from dossier.classify.keys import (
    PROVINCES,
    TRADITIONAL_PROVINCES,
    is_valid_credit_code,
    is_valid_id_number,
    is_valid_plate,
    is_valid_vin,
    normalize_org_code,
    normalize_plate,
    repair_credit_code,
    repair_id_number,
    repair_vin,
    token_joins,
    vin_shape,
    with_forced_digits,
)
from dossier.policy import FieldVocabulary, Policy, default_policy, field_vocabulary
from dossier.tuning import Thresholds, tuning


class FieldTuning(Thresholds):
    """policies/tuning/fields.yaml: reaches, lengths and counts (see there)."""

    weak_amount_reach: int
    words_amount_reach: int
    name_min_chars: int
    name_max_chars: int
    company_min_chars: int
    address_min_chars: int
    address_wrap_max_chars: int
    id_stray_spaces: int
    id_min_digits: int
    vin_stray_spaces: int
    credit_code_stray_spaces: int
    order_min_digits: int
    unit_min_digits: int


def _tuned() -> FieldTuning:
    return tuning("fields", FieldTuning)


# --- normalisation -------------------------------------------------------------------------------------

_VOCABULARY = field_vocabulary()  # dossier/policies/fields.yaml
# Traditional -> Simplified, one character for one so offsets stay put: the shared table plus the
# characters of labels and amounts it lacks.
_T2S = str.maketrans(
    {
        **T2S,
        **dict(zip(_VOCABULARY.traditional + "".join(TRADITIONAL_PROVINCES),
                   _VOCABULARY.simplified + "".join(TRADITIONAL_PROVINCES.values()), strict=True)),
    }
)
_PUNCT = _VOCABULARY.punctuation


def _width(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    n = n if len(n) == 1 else ch  # ㎞ -> km would shift every offset after it
    return _PUNCT.get(n, n)


def _key_char(ch: str) -> str:
    u = ch.translate(_T2S).upper()
    return u if len(u) == 1 else ch


def t2s(text: str) -> str:
    return text.translate(_T2S)


# --- labels --------------------------------------------------------------------------------------------

_STAFF_ROLES = tuple(_VOCABULARY.staff_roles)
_SIGNERS = (*_VOCABULARY.other_signers, *_STAFF_ROLES)


def _labels(v: FieldVocabulary) -> dict[str, tuple[str, ...]]:
    """Group -> labels, best first (policies/fields.yaml), with the staff labels and the signature fields made
    from the roles: every staff role names a staff member, every signer's 签字 is a field, not a value."""
    made = {"staff": tuple(r + s for r in _STAFF_ROLES for s in v.staff_label_suffixes), "ignore": ()}
    signed = tuple(p + s for p in _SIGNERS for s in v.signature_suffixes)
    return {g: (*labs, *made.get(g, ())) + (signed if g == "ignore" else ()) for g, labs in v.labels.items()}


LABELS = _labels(_VOCABULARY)
_GROUP_OF = {lab: g for g, labs in LABELS.items() for lab in labs}
_RANK = {lab: i for labs in LABELS.values() for i, lab in enumerate(labs)}


def _engine_forms(hant: str) -> list[str]:
    """A Traditional label, and as the engine reads its pairs of a character it cannot emit (聊電話)."""
    return [hant] + [hant.replace(p, r) for p, reads in RAPIDOCR_PAIRS.items() if p in hant for r in reads]


# A label as the engine reads it on a Traditional form, -> the label as listed. RapidOCR cannot emit
# some Traditional characters: it drops them (聯繫電話 read 聯電話, 檢查日期 查日期) or puts a look-alike
# in their place (聯繁電話, 聯聊人). A label not found lets the value run on into it (a name read
# 夏云文聯), so such a character may be missing, or, inside a label (not at its ends, where any word
# would do: 预约日期 is no 签约日期), be any one character.
# Forms that are listed labels already keep their own meaning (单元号).
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_AS_READ = {lab: lab for lab in _GROUP_OF} | {
    v: lab
    for lab in sorted(_GROUP_OF, key=len)
    for form in _engine_forms(to_hant(lab))
    for v in reading_variants(form)
    if len(v) >= 2 and v not in _GROUP_OF
}
_MISREAD = {
    lab[:i] + "\0" + lab[i + 1 :]: lab
    for lab in sorted(_GROUP_OF, key=len)
    for i, ch in enumerate(to_hant(lab))
    if ch in RAPIDOCR_MISSING and 0 < i < len(lab) - 1
}


def _pattern(form: str) -> str:
    """A label form as a pattern: white space allowed between its characters, \\0 any one CJK character."""
    return "[ \t]*".join(re.escape(c) if c != "\0" else f"[{_CJK}]" for c in form)


_LABEL_RE = re.compile("|".join(_pattern(f) for f in sorted([*_AS_READ, *_MISREAD], key=len, reverse=True)))


def _as_listed(found: str) -> str:
    """The listed label that `found` (matched by _LABEL_RE, white space removed) was read from."""
    if found in _AS_READ:
        return _AS_READ[found]
    # Compiled here, not at import: a hundred CJK-class patterns cost every process ~0.2 s to compile.
    return next(lab for v, lab in _MISREAD.items() if re.fullmatch(_pattern(v), found))


# The document's main date, by preference: the settlement (the car is returned) before the reception.
_DATE_GROUPS = tuple(_VOCABULARY.date_groups)
_SEP = " \t:=_.,、\"'“”‘’"
_COLON = re.compile(r"[ \t]*:")
_COLON_OR_SPACE = re.compile(r"[ \t]*:|[ \t]+")
_PAREN = re.compile(r"[ \t]*[(][^()\n]{0,8}[)]")


@dataclass
class Label:
    start: int
    end: int
    text: str  # the label as listed (no spaces)
    group: str


# A unit label word right after an entrance number (10栋2单元202, 20幢2 / 单元603 wrapped at the line end) is
# the 单元 of an address's building-entrance-room, not a label: directly after a digit, or after a building
# word and its number (栋, 幢, 座, 号楼) with only white space between.
_ADDRESS_ENTRANCE = re.compile(r"(?:\d|[栋幢座楼][ \t]*\d{1,3}\s*)\Z")


@dataclass
class _Doc:
    orig: str  # as given (line ends unified): names and companies are returned from it
    raw: str  # width-normalised, script as written
    key: str  # also simplified and upper-cased: for matching
    num: str = ""  # key with lookalikes between digits fixed and used spans blanked out
    labels: list[Label] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    _regions: dict[tuple[int, bool, bool, bool], list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def read(cls, text: str) -> _Doc:
        orig = text.replace("\r\n", "\n").replace("\r", "\n")
        raw = "".join(_width(c) for c in orig)
        key = "".join(_key_char(c) for c in raw)
        # O for 0 and I for 1 among digits and date separators: 2O26-O3-05.
        num = re.sub(r"(?<=\d)[OQD]{1,2}(?=\d)", lambda m: "0" * len(m.group()), key)
        num = re.sub(r"(?<=\d)O(?=[-/.年月日])|(?<=[-/.年月])O(?=\d)", "0", num)
        num = re.sub(r"(?<=\d)[IL|](?=\d)", "1", num)
        doc = cls(orig, raw, key, num)
        for m in _LABEL_RE.finditer(key):
            lab = _as_listed(re.sub(r"\s+", "", m.group()))
            if lab.isascii() and not _ascii_bounded(key, m.start(), m.end()):
                continue
            group = _GROUP_OF[lab]
            if group == "name_weak" and not _COLON_OR_SPACE.match(key, m.end()):
                continue
            if group == "addressee" and not (key[m.start() - 1 : m.start()] in ("", "\n") and _COLON.match(key, m.end())):
                continue  # 导致, 一致, 致力于 in running text
            if group == "unit" and _ADDRESS_ENTRANCE.search(key[max(0, m.start() - 12) : m.start()]):
                continue  # 10栋2单元202 is an address, also wrapped after its entrance number (10栋2 / 单元202)
            doc.labels.append(Label(m.start(), m.end(), lab, group))
        doc.starts = [lab.start for lab in doc.labels]
        return doc

    def mask(self, s: int, e: int) -> None:
        self.num = self.num[:s] + "#" * (e - s) + self.num[e:]

    def regions(
        self, lab: Label, next_line: bool = True, whole_line: bool = False, above: bool = True
    ) -> list[tuple[int, int]]:
        """Where the label's value may be, best first: after it on its line up to the next label;
        if nothing is there, the next line. A line of labels only (客户姓名性别: OCR put the
        handwritten values, written a little high, on a line of their own) looks at the line
        above first (unless not `above`: a printed total is never above its label), then below.

        `whole_line` reads on past other labels: a tick-box list (□房门锁 □电话 ☑车位) names words
        that are labels elsewhere.
        """
        k = (lab.start, next_line, whole_line, above)
        if k in self._regions:
            return self._regions[k]
        s, e = self._span_from(lab.end, whole_line)
        spans = [(s, e)] if s < e else []
        ls, le = self._line(lab.start)
        if not spans:  # e.g. 客户姓名 at the end of its line, or a row of labels
            label_row = self._labels_only(ls, le)
            if label_row and above and ls > 0:  # the line above, up to its first label
                ps, pe = self._line(ls - 1)
                spans.append((ps, next((x.start for x in self._labels_in(ps, pe)), pe)))
            if next_line and le < len(self.key) and (label_row or e == le):
                spans.append(self._span_from(le + 1, whole_line))
        self._regions[k] = [(a, b) for a, b in spans if a < b]
        return self._regions[k]

    def region(self, lab: Label, next_line: bool = True, whole_line: bool = False) -> tuple[int, int]:
        """The first of `regions`, or an empty span."""
        return next(iter(self.regions(lab, next_line, whole_line)), (lab.end, lab.end))

    def _line(self, pos: int) -> tuple[int, int]:
        ls = self.key.rfind("\n", 0, pos) + 1
        le = self.key.find("\n", pos)
        return ls, len(self.key) if le < 0 else le

    def _labels_in(self, s: int, e: int) -> list[Label]:
        return self.labels[bisect.bisect_left(self.starts, s) : bisect.bisect_left(self.starts, e)]

    def _labels_only(self, s: int, e: int) -> bool:
        covered: set[int] = set()
        for lab in self._labels_in(s, e):
            covered.update(range(lab.start, lab.end))
        return all(i in covered or self.key[i] in _SEP for i in range(s, e))

    def _span_from(self, pos: int, whole_line: bool = False) -> tuple[int, int]:
        m = _PAREN.match(self.key, pos)  # 金额(元), 里程(km), 合计(大写)
        if m and not re.search(r"\d", m.group()):
            pos = m.end()
        while pos < len(self.key) and self.key[pos] in _SEP:
            pos += 1
        eol = self.key.find("\n", pos)
        eol = len(self.key) if eol < 0 else eol
        i = bisect.bisect_left(self.starts, pos)
        nxt = self.starts[i] if i < len(self.starts) and not whole_line else len(self.key)
        return pos, min(eol, nxt)

    def of(self, *groups: str) -> list[Label]:
        """Labels of these groups, best first (by group order, then label rank, then position)."""
        found = [lab for lab in self.labels if lab.group in groups]
        return sorted(found, key=lambda lab: (groups.index(lab.group), _RANK[lab.text], lab.start))

    def in_region(self, pos: int, groups: tuple[str, ...]) -> bool:
        return any(s <= pos < e for lab in self.of(*groups) for s, e in self.regions(lab))


def _ascii_bounded(s: str, a: int, b: int) -> bool:
    return not (a > 0 and s[a - 1].isascii() and s[a - 1].isalnum()) and not (
        b < len(s) and s[b].isascii() and s[b].isalpha()
    )


# --- the extractor ---------------------------------------------------------------------------------------


def extract_fields(text: str, policy: Policy | None = None) -> dict[str, str]:
    """All fields found in one document's OCR text, as normalised strings (see the module docs)."""
    doc = _Doc.read(text)
    out: dict[str, str] = {}
    _id_number(doc, out)
    _vin(doc, out)
    _credit_code(doc, out)
    _org_code(doc, out)
    _plate(doc, out)
    _invoice(doc, out)
    _order_number(doc, out)
    _dates(doc, out)
    _phones(doc, out)
    _amount(doc, out)
    _mileage(doc, out)
    _unit(doc, out)
    _people(doc, out)
    _address(doc, out)
    _job_type(doc, out, policy or default_policy())
    _subject(doc, out)
    # The keys that file a document are never reported unless they validate.
    checks = (
        ("vin", is_valid_vin),
        ("id_number", is_valid_id_number),
        ("plate", is_valid_plate),
        ("credit_code", is_valid_credit_code),
    )
    for k, ok in checks:
        if k in out and not ok(out[k]):
            del out[k]
    return out


_ALNUM_RUN = re.compile(r"[A-Z0-9|](?:[A-Z0-9|]|[ \t](?=[A-Z0-9|]))*")
# A speck on a black-and-white scan is read as a full stop inside a code (LE4ATLMXORT9.46349).
_ALNUM_RUN_SPECKS = re.compile(r"[A-Z0-9|](?:[A-Z0-9|]|[ \t.](?=[A-Z0-9|]))*")


def _candidates(doc: _Doc, length: int, spaces: int, specks: bool = False) -> list[tuple[int, int, str]]:
    """Runs of `length` letters/digits with at most `spaces` stray spaces, not part of a longer run.
    `specks`: a full stop between them counts as a stray space (only for a key its check proves)."""
    out = []
    for m in (_ALNUM_RUN_SPECKS if specks else _ALNUM_RUN).finditer(doc.key):
        run = m.group().replace(".", " ")
        for s, e, joined in token_joins(run, (length,)):
            if run[s:e].count(" ") + run[s:e].count("\t") <= spaces:
                out.append((m.start() + s, m.start() + e, joined))
    return out


def _pick(
    doc: _Doc, found: list[tuple[int, int, str]], groups: tuple[str, ...]
) -> tuple[int, int, str] | None:
    """The labelled candidate if any, else the first one."""
    labelled = [f for f in found if doc.in_region(f[0], groups)]
    return next(iter(labelled or found), None)


def _id_number(doc: _Doc, out: dict[str, str]) -> None:
    found = []
    t = _tuned()
    for s, e, cand in _candidates(doc, 18, spaces=t.id_stray_spaces):  # printed 6-8-4 or in groups of four
        if sum(c.isdigit() for c in cand) >= t.id_min_digits and (fixed := repair_id_number(cand)):
            found.append((s, e, fixed))
    if best := _pick(doc, found, ("id_number",)):
        out["id_number"] = best[2]
    for s, e, _ in found:
        doc.mask(s, e)


def _vin(doc: _Doc, out: dict[str, str]) -> None:
    valid, unverified = [], []
    for s, e, cand in _candidates(doc, 17, spaces=_tuned().vin_stray_spaces, specks=True):
        if "#" in doc.num[s:e] or not vin_shape(cand):
            continue
        if fixed := repair_vin(cand):
            valid.append((s, e, fixed))
        elif "." in doc.key[s:e]:
            continue  # a full stop is no speck where the check does not prove the reading
        else:
            # For a clerk to check: a labelled VIN, or an unlabelled one that looks Chinese (WMI L.., a letter).
            labelled = doc.in_region(s, ("vin",))
            if labelled or (
                cand[0] == "L" and any(c.isalpha() for c in cand[1:3]) and " " not in doc.key[s:e]
            ):
                unverified.append((not labelled, s, with_forced_digits(cand)))
    if not valid and not unverified:
        # One character dropped or one stray stuck on: no check can prove such a reading, but beside
        # its label it is still the VIN a clerk (and the dossier match) can go on.
        for length in (16, 18):
            for s, _e, cand in _candidates(doc, length, spaces=_tuned().vin_stray_spaces):
                if doc.in_region(s, ("vin",)) and _near_vin_shape(cand):
                    unverified.append((False, s, with_forced_digits(cand)))
    if best := _pick(doc, valid, ("vin",)):
        out["vin"] = best[2]
    elif unverified:
        out["vin_unverified"] = min(unverified)[2]
    for s, e, _ in valid:
        doc.mask(s, e)


def _near_vin_shape(cand: str) -> bool:
    """A VIN read one character short or long: letters and digits, ending in the serial's digits."""
    return (
        cand.isascii()
        and cand.isalnum()
        and any(c.isalpha() for c in cand)
        and sum(c.isdigit() for c in cand) >= 5
        and sum(c.isdigit() for c in cand[-4:]) >= 3
    )


_ORG_CODE = re.compile(r"[0-9A-Z]{4}[ \t]?[0-9A-Z]{4}[ \t]*-?[ \t]*[0-9X](?![0-9A-Z])")


def _org_code(doc: _Doc, out: dict[str, str]) -> None:
    for s, e in (r for lab in doc.of("org_code") for r in doc.regions(lab)):
        if (m := _ORG_CODE.match(doc.key, s, e)) and (code := normalize_org_code(m.group())):
            out["org_code"] = code
            return


def _credit_code(doc: _Doc, out: dict[str, str]) -> None:
    found = []
    for s, e, cand in _candidates(doc, 18, spaces=_tuned().credit_code_stray_spaces):
        if "#" in doc.num[s:e] or not (fixed := repair_credit_code(cand)):
            continue
        # Unlabelled, only the common shape: registered by industry and commerce (9..), a letter in it.
        if doc.in_region(s, ("credit_code",)) or (fixed[0] == "9" and not fixed.isdigit()):
            found.append((s, e, fixed))
    if best := _pick(doc, found, ("credit_code",)):
        out["credit_code"] = best[2]
    for s, e, _ in found:
        doc.mask(s, e)


_PLATE_RE = re.compile(
    # 川 is three strokes; the engine often reads one of them again as a separate I (川IA03894).
    rf"[{PROVINCES}](?:(?<=川)[Il1|丨](?=[ \t]*[A-HJ-NP-Z]))?[ \t]*[A-Z]"
    rf"(?:[ \t]*[·.\-][ \t]*|[ \t]?)([A-Z0-9](?:[A-Z0-9]|[ \t](?=[A-Z0-9]))*)"
)


def _plate(doc: _Doc, out: dict[str, str]) -> None:
    found = []
    for m in _PLATE_RE.finditer(doc.key):
        head = re.sub(r"[\s·.\-]", "", doc.key[m.start() : m.start(1)])
        if len(head) == 3:  # 川, the stroke read again, the letter
            head = head[0] + head[2]
        run = m.group(1)
        readings = [
            (e, p)
            for _, e, tail in token_joins(run, (5, 6), anchored=True)
            if (p := normalize_plate(head + tail))
        ]
        # '粤B D1234 5' is one new-energy plate with a stray space, not a plate and a digit.
        if readings:
            e, plate = max(readings, key=lambda r: r[0] == len(run))
            found.append((m.start(), m.start(1) + e, plate))
    if best := _pick(doc, found, ("plate",)):
        out["plate"] = best[2]


def _digits_at(doc: _Doc, s: int, e: int, lengths: tuple[int, ...]) -> tuple[int, int, str] | None:
    m = re.match(r"(?:NO[ \t.:]*)?(\d(?:\d|[ \t](?=\d))*)", doc.num[s:e])
    if not m:
        return None
    run = m.group(1)
    readings = list(token_joins(run, lengths, anchored=True))
    # The whole run if it fits (a 20-digit number with a stray space), else its first fitting part.
    best = next((r for r in readings if r[1] == len(run)), readings[0] if readings else None)
    return (s + m.start(1) + best[0], s + m.start(1) + best[1], best[2]) if best else None


def _invoice(doc: _Doc, out: dict[str, str]) -> None:
    for name, groups, lengths in (
        ("invoice_code", ("invoice_code",), (10, 12)),
        ("invoice_number", ("invoice_number", "invoice_no"), (20, 8)),
    ):
        hit = next(
            (h for lab in doc.of(*groups) for r in doc.regions(lab) if (h := _digits_at(doc, *r, lengths))),
            None,
        )
        if hit:
            out[name] = hit[2]
            doc.mask(hit[0], hit[1])


def _order_number(doc: _Doc, out: dict[str, str]) -> None:
    rx = re.compile(r"(?:NO[.:]?[ \t]*)?([A-Z0-9][A-Z0-9\-_/]{3,29})")
    for s, e in (r for lab in doc.of("order_number") for r in doc.regions(lab)):
        m = rx.match(doc.key, s, e)
        if m and sum(c.isdigit() for c in m.group(1)) >= _tuned().order_min_digits:
            out["order_number"] = _order_norm(m.group(1))
            doc.mask(m.start(1), m.end(1))
            return
    # No label a site's words name: a number of a work order's grammar -- a letter prefix, the date it
    # was opened, a serial (RF250217442, RO-20250403-975) -- is one, under a bare number mark (No., RO:)
    # or none, if the document prints one such number only. After a Chinese label it is what that label
    # names (报案号: an insurer's claim number).
    dated: dict[str, re.Match[str]] = {}
    for m in _DATED_NUMBER.finditer(doc.key):
        before = doc.key[doc.key.rfind("\n", 0, m.start(1)) + 1 : m.start(1)].rstrip(" \t:：.#")
        if before and not before[-1].isascii():
            continue
        number = _order_norm(m.group(1))
        body = re.fullmatch(r"[A-Z]{1,4}[-_/]?([0-9][0-9\-_/]+)", number)
        if body and _opens_with_date(body.group(1).replace("-", "")):
            dated.setdefault(number, m)
    if len(dated) == 1:
        number, m = next(iter(dated.items()))
        out["order_number"] = number
        doc.mask(m.start(1), m.end(1))


_DATED_NUMBER = re.compile(r"(?<![A-Z0-9\-_/])([A-Z]{1,4}[\-_/]?[0-9OIL][0-9OIL\-_/]{7,18})(?![A-Z0-9\-_/])")


def _order_norm(number: str) -> str:
    """One spelling for one work order, so that its documents meet in one visit: a letter prefix
    then digits, with O/I misread among the digits and 0 misread in a one-letter prefix (W0 -> WO,
    R0-20250403-975 -> RO-20250403-975: a lone 0 between a letter and the separator is no number)."""
    m = re.fullmatch(r"([A-Z]{1,4}?)(0?)([-_/][0-9][0-9OIL\-_/]{4,})", number)
    if m:
        prefix, zero, rest = m.groups()
        return prefix + ("O" if zero and len(prefix) == 1 else zero) + rest.translate(str.maketrans("OIL", "011"))
    m = re.fullmatch(r"([A-Z]{1,4})([0-9][0-9OIL]{5,})", number)
    if not m:
        return number
    prefix, digits = m.groups()
    digits = digits.translate(str.maketrans("OIL", "011"))
    # W0241022597 is WO241022597 (not W000123); and past a longer prefix, a 0 before the order's date
    # is the prefix's O (HCR0240703019 is HCRO + 240703 + 019): numbers carry their date, not a 0 before it.
    if (len(prefix) == 1 and re.match(r"0[1-9]", digits)) or (
        digits[0] == "0" and not prefix.endswith("O") and _opens_with_date(digits[1:]) and not _opens_with_date(digits)
    ):
        prefix, digits = prefix + "O", digits[1:]
    return prefix + digits


def _opens_with_date(digits: str) -> bool:
    """The digits begin with a date, yymmdd or yyyymmdd, with a serial after it."""
    m = re.match(r"(?:19|20)?(\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d", digits)
    return m is not None


# --- dates -----------------------------------------------------------------------------------------------

_Y = r"(?<!\d)(?<!\d[ \t])((?:19|20)[ \t]?\d[ \t]?\d)"
_DATE_RES = (
    re.compile(_Y + r"[ \t]*年[ \t]*(\d[ \t]?\d?)[ \t]*月[ \t]*(\d[ \t]?\d?)(?![ \t]?\d)[ \t]*[日号]?"),
    # ... or a two-digit day with the time glued on, its space lost (2025/05/1409:29).
    re.compile(_Y + r"[ \t]*([-/.])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{1,2})(?:(?!\d)|(?<=\d\d)(?=\d\d?[:：]\d\d))"),
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "0": 0}
_CN_DATE_RE = re.compile(
    r"([〇零一二三四五六七八九O0]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]"
)
_COMPACT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")


def _cn_small(s: str) -> int:
    """一 .. 三十一 -> 1 .. 31."""
    if "十" not in s:
        return _CN_DIGIT[s] if len(s) == 1 else -1
    tens, _, ones = s.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2099 else None
    except ValueError:
        return None


def _find_dates(doc: _Doc) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []

    def digits(s: str) -> int:
        return int(re.sub(r"\s", "", s))

    for rx in _DATE_RES:
        for m in rx.finditer(doc.num):
            n = len(m.groups())  # (year, month, day) or (year, separator, month, day)
            y, mo, d = m.group(1), m.group(n - 1), m.group(n)
            if (iso := _iso(digits(y), digits(mo), digits(d))) and not any(
                a <= m.start() < b for a, b, _ in found
            ):
                found.append((m.start(), m.end(), iso))
    for m in _CN_DATE_RE.finditer(doc.key):
        y = int("".join(str(_CN_DIGIT[c]) for c in m.group(1)))
        if iso := _iso(y, _cn_small(m.group(2)), _cn_small(m.group(3))):
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def _dates(doc: _Doc, out: dict[str, str]) -> None:
    found = _find_dates(doc)
    labelled: dict[str, str] = {}
    for lab in doc.of(*_DATE_GROUPS):
        for s, e in doc.regions(lab):
            hit = next((d for d in found if s <= d[0] < e), None)
            m = None if hit else _COMPACT_DATE_RE.match(doc.num, s, e)  # 开票日期：20190508
            if m and (iso := _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))):
                hit = (m.start(), m.end(), iso)
                found.append(hit)
            if hit:
                labelled.setdefault(lab.group, hit[2])
                break
    for g in ("delivery_date", "settlement_date", "reception_date"):
        if g in labelled:
            out[g] = labelled[g]
    main = next((labelled[g] for g in _DATE_GROUPS if g in labelled), None)
    if main is None:  # else the first date that is not a birth date, expiry or forecast
        main = next((d[2] for d in sorted(found) if not doc.in_region(d[0], ("not_date",))), None)
    if main:
        out["date"] = main
    if found:
        out["dates"] = ",".join(dict.fromkeys(d[2] for d in sorted(found)))
    for s, e, _ in found:
        doc.mask(s, e)


# --- phones ----------------------------------------------------------------------------------------------

# Not straight after a group of four digits ('6222 1381 2345 6789' is a card number), nor inside
# an invoice's cipher block ('<8-13408/*6514*09936897765>').
_NOT_BEFORE = r"(?<![\d*/<>+])(?<!\d{4}[ \t\-])"
_NOT_AFTER = r"(?![\d*/<>+])"
_MOBILE_RE = re.compile(_NOT_BEFORE + r"1[3-9]\d(?:[ \t\-]?\d){8}" + _NOT_AFTER)
_LANDLINE_RE = re.compile(  # area code, then 7 or 8 digits split anyhow: 0755-6959 606
    _NOT_BEFORE + r"(\()?(010|02\d|0[3-9]\d\d)(\)|[ \t\-])?[ \t\-]?(\d{3,4})[ \t\-]?(\d{3,4})" + _NOT_AFTER
)


def _phones(doc: _Doc, out: dict[str, str]) -> None:
    for name, rx in (("mobile", _MOBILE_RE), ("landline", _LANDLINE_RE)):
        hits = []
        for lab in doc.of("phone"):
            hits += next((ms for s, e in doc.regions(lab) if (ms := list(rx.finditer(doc.num, s, e)))), [])
        # Unlabelled numbers count too, except an emergency contact's; an unlabelled landline
        # needs its area code set apart (0755-..., (021)...): 12 bare digits may be any code.
        hits += [
            m
            for m in rx.finditer(doc.num)
            if not doc.in_region(m.start(), ("emergency",)) and (name == "mobile" or m.group(1) or m.group(3))
        ]
        if name == "landline":
            hits = [m for m in hits if len(m.group(4) + m.group(5)) in (7, 8)]
        if hits:
            m = hits[0]
            if name == "mobile":
                out[name] = re.sub(r"\D", "", m.group())
            else:
                out[name] = f"{m.group(2)}-{m.group(4)}{m.group(5)}"
            for h in hits:
                doc.mask(h.start(), h.end())


# --- amounts ---------------------------------------------------------------------------------------------

# Thousands are set apart by commas; OCR reads a comma as a full stop now and then (327.900.00), which
# the cents after it give away.
_AMOUNT_RE = re.compile(
    r"(?<![\d.])(¥[ \t]*)?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?=\.\d\d(?!\d))|\d+)(\.\d{1,2})?(?![\d%.])"
    r"[ \t]*(万)?[ \t]*([元圆])?"
)
# 参 is 叁's other written form, and how RapidOCR reads it.
_CN_NUM = dict(zip("零壹贰叁肆伍陆柒捌玖", range(10), strict=True)) | {"两": 2, "参": 3}
_CN_AMOUNT_RE = re.compile(r"[零壹贰叁参肆伍陆柒捌玖拾佰仟万亿圆元角分整正]{2,}")


def chinese_amount(s: str) -> Decimal | None:
    """壹拾贰万叁仟元整 -> 123000; 伍拾贰圆柒角 -> 52.7. None if it is not a whole amount."""
    total, section, digit = Decimal(0), Decimal(0), None
    yuan: Decimal | None = None
    frac = Decimal(0)
    small = {"拾": 10, "佰": 100, "仟": 1000}
    prev = ""
    for ch in t2s(s):
        if ch in _CN_NUM:
            digit = _CN_NUM[ch]
        elif ch in small:
            # Only 拾 goes without its digit (拾万, 壹佰拾...); 仟 or 佰 bare, or 拾 straight after
            # another unit, is a digit lost or misread (陵仟柒佰 for 陸仟柒佰): no amount, not a wrong one.
            if digit is None and (ch != "拾" or (prev and prev in "佰仟万亿")):
                return None
            section += (1 if digit is None else digit) * small[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10_000
            section, digit = Decimal(0), None
        elif ch == "亿":
            total = (total + section + (digit or 0)) * 100_000_000
            section, digit = Decimal(0), None
        elif ch in "圆元":
            yuan = total + section + (digit or 0)
            total, section, digit = Decimal(0), Decimal(0), None
        elif ch in "角分" and digit is not None:
            frac += Decimal(digit) / (10 if ch == "角" else 100)
            digit = None
        prev = ch
    if yuan is None and frac == 0:
        return None
    return (yuan or Decimal(0)) + frac


def _money(m: re.Match[str]) -> Decimal:
    v = Decimal(m.group(2).replace(",", "").replace(".", "") + (m.group(3) or ""))
    return v * 10_000 if m.group(4) else v


def _amount_in(doc: _Doc, s: int, e: int) -> Decimal | None:
    """The total in key[s:e]: the figure that agrees with the amount in words, else the figure
    after 小写, else the amount in words, else the first figure."""
    hits = [m for m in _AMOUNT_RE.finditer(doc.num, s, e) if _money(m) > 0]
    # A currency mark, 元 or decimals make a number an amount; '3 项' before '¥500.00' is not.
    figures = [m for m in hits if m.group(1) or m.group(5) or m.group(3)] or hits
    words = _in_words(doc, s, e)
    if words is not None and any(_money(m) == words for m in figures):
        return words
    small = re.compile(r"小[ \t]*写").search(doc.key, s, e)
    after = [m for m in figures if small and m.start() >= small.end()]
    if after:
        return _money(after[0])
    if words is not None:
        return words
    return _money(figures[0]) if figures else None


def _in_words(doc: _Doc, s: int, e: int) -> Decimal | None:
    return next((v for m in _CN_AMOUNT_RE.finditer(doc.key, s, e) if (v := chinese_amount(m.group()))), None)


def _labelled_amount(doc: _Doc) -> Decimal | None:
    for group, weak in (("amount", False), ("amount_weak", True)):
        for lab in doc.of(group):
            for s, e in doc.regions(lab, next_line=not weak, above=False):
                # 金额 and 合计 also head table columns: then what follows far along the line is no total.
                if (value := _amount_in(doc, s, min(e, s + _tuned().weak_amount_reach) if weak else e)) is not None:
                    return value
    return None


def _amount(doc: _Doc, out: dict[str, str]) -> None:
    value = _labelled_amount(doc)
    if value is None:  # unlabelled: the largest sum with a currency mark is the total
        value = max((_money(m) for m in _AMOUNT_RE.finditer(doc.num) if m.group(1)), default=None)
    if value is None:  # or an amount in words after 大写
        for m in re.finditer(r"大[ \t]*写", doc.key):
            if value := _in_words(doc, m.end(), m.end() + _tuned().words_amount_reach):
                break
    if value is not None:
        out["amount"] = f"{value:.2f}"


def _mileage(doc: _Doc, out: dict[str, str]) -> None:
    for s, e in (r for lab in doc.of("mileage") for r in doc.regions(lab)):
        m = re.match(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[ \t]*(?:KM|公里|千米)?", doc.num[s:e])
        if m:
            v = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
            out["mileage"] = str(int(v)) if v == int(v) else str(v)
            return


# --- unit ------------------------------------------------------------------------------------------------

_UNIT_VALUE = re.compile(
    r"(?:[A-Z]|\d{1,3})[ \t]*[座栋幢][ \t]*\d{1,4}(?:[ \t]*-[ \t]*\d{1,4})?"
    r"|\d{1,3}[ \t]*-[ \t]*\d{1,3}[ \t]*-[ \t]*\d{2,4}"
    r"|\d{1,3}[ \t]*F[ \t]*-?[ \t]*\d{1,4}"
    r"|[A-Z]?\d{1,3}[ \t]*-[ \t]*\d{2,4}"
    r"|[A-Z]?\d{3,4}(?!\d)"
)
# Without a label only the unmistakable shapes count (dates and phones are masked out by now).
_UNIT_BARE = re.compile(
    r"(?<![A-Z0-9\-])(?:[A-Z]座\d{3,4}|\d{1,3}F-\d{2,3}|[1-9]\d{0,2}-\d{1,2}-\d{3,4})(?![0-9\-])"
)


# Building-entrance-room with one hyphen read as a dot (14-4.603): a form prints one separator throughout,
# so a mix is a misreading; dots throughout may be the site's own spelling, left alone.
_UNIT_MIXED = re.compile(r"\d{1,3}(?:-\d{1,3}\.|\.\d{1,3}-)\d{2,4}(?![\d.\-])")
_UNIT_UNREAD = re.compile(r"[A-Z0-9][A-Z0-9\-座栋幢]{2,11}(?![A-Z0-9])")
_FLOOR_UNIT = re.compile(r"(\d{1,3})F(\d{1,4})")
# Floor-room with the F read as a look-alike (15P-08, 8E-05): after a floor number and before the hyphen and
# room only F fits the grammar (12F-03), the one letter a unit number holds there.
_FLOOR_MISREAD = re.compile(r"(\d{1,3})[PER][ \t]*-[ \t]*(\d{2,4})(?![\dA-Z\-])")
# A word of two letters or more before the value: no unit number begins so (A座1203, B12-203, 12F-03).
_GLOSS = re.compile(r"(?:[A-Z]{2,}[ \t.:/]*)+(?=[A-Z]?\d|[A-Z]座)")
# What OCR makes of a cell's vertical rule, and a block letter before its 座/栋/幢: a digit before that
# letter fits no unit grammar (building-entrance-room, A座1203), so it can only be the rule.
_RULE_GLYPHS = ("1", "|", "I", "L", "]", "[")
_LETTER_BLOCK = re.compile(r"[A-Z][ \t]*[座栋幢][ \t]*\d")


def _unit(doc: _Doc, out: dict[str, str]) -> None:
    unread = None
    for s, e in (r for lab in doc.of("unit") for r in doc.regions(lab)):
        if g := _GLOSS.match(doc.key, s, e):
            s = g.end()  # a bilingual form's English gloss after the label (單元 Unit 15F-08)
        if doc.key[s : s + 1] in _RULE_GLYPHS and _LETTER_BLOCK.match(doc.key, s + 1, e):
            s += 1  # a table's rule between label and value read as 1 (所在单元|D座1403 read 1D座1403)
        if m := _UNIT_VALUE.match(doc.key, s, e):
            # 8F05 and 8F-05 are one unit (OCR drops the hyphen): one dossier key, the hyphenated one.
            out["unit"] = _FLOOR_UNIT.sub(r"\1F-\2", re.sub(r"\s", "", m.group()))
            return
        if m := _UNIT_MIXED.match(doc.key, s, e):
            out["unit"] = m.group().replace(".", "-")
            return
        if m := _FLOOR_MISREAD.match(doc.key, s, e):
            out["unit"] = f"{m.group(1)}F-{m.group(2)}"
            return
        m = _UNIT_UNREAD.match(doc.key, s, e) if unread is None else None
        if m and sum(c.isdigit() for c in m.group()) >= _tuned().unit_min_digits:
            unread = m.group()
    if m := _UNIT_BARE.search(doc.num):
        out["unit"] = m.group()
    elif unread:  # beside its label, yet in no unit's shape (2-1-403 read 21403): matched to the known units
        out["unit_unverified"] = unread


# --- people and address ------------------------------------------------------------------------------

# Words that end a name when OCR glued the next label on (张三性别男, 李四联系电话), or show that a
# label word stood in running text (被保险人义务).
_STOPWORDS = tuple(_VOCABULARY.stopwords)
_NOT_NAMES = set(_VOCABULARY.not_names)
_DOC_NOUNS = tuple(_VOCABULARY.document_nouns)
_BLANK = r"[^\S\n]"
_GENDER_NEXT = re.compile(r"[ \t:]*性[ \t]*别")  # white space within a line, ideographic space included


def _person(doc: _Doc, lab: Label, s: int, e: int) -> str | None:
    """A person's name (2-4 CJK characters, as printed) at the start of orig[s:e]."""
    m = re.compile(rf"[{_CJK}](?:[{_CJK}]|{_BLANK}+(?=[{_CJK}]))*").match(doc.orig, s, e)
    if not m:
        return None
    pieces = m.group().split()
    name = pieces[0]
    if len(name) == 1 and len(pieces) > 1:  # letter-spaced: 张 三, 王 小明, 欧 阳 娜 娜 性 别
        singles = list(itertools.takewhile(lambda p: len(p) == 1, pieces))
        name = "".join(singles[:8]) if len(singles) > 1 else name + pieces[1] if len(pieces[1]) <= 2 else name
    simple = t2s(name)
    cut = min((i for w in _STOPWORDS if (i := simple.find(w)) >= 0), default=len(name))
    if cut == len(name) and name == "".join(pieces) and _COLON.match(doc.raw, m.end()):
        return None  # '陳大文人：' – a misread label is glued on, and where the name ends is unknown
    name = name[:cut]
    if name[-1:] in ("男", "女") and _GENDER_NEXT.match(doc.key, lab.end):
        name = name[:-1]  # values '蘇文艷女' above labels '客户姓名性别'
    if t2s(name) in _NOT_NAMES or t2s(name).endswith(_DOC_NOUNS):  # 接车单 is a title above a row
        return None
    t = _tuned()
    return name if t.name_min_chars <= len(name) <= t.name_max_chars else None


def _company(doc: _Doc, s: int, e: int) -> str | None:
    """A company name ending in 公司 at the start of orig[s:e], brackets as printed: 某某（广州）有限公司."""
    m = re.compile(rf"[{_CJK}A-Za-z0-9()（）\uff10-\uff5a]+(?:{_BLANK}[{_CJK}()（）]+)*").match(
        doc.orig, s, e
    )
    end = t2s(m.group()).rfind("公司") if m else -1
    name = re.sub(r"\s", "", m.group()[: end + 2]) if m and end >= 0 else ""
    return name if len(name) >= _tuned().company_min_chars else None


def _people(doc: _Doc, out: dict[str, str]) -> None:
    for lab in doc.of("name", "name_weak"):
        for s, e in doc.regions(lab):
            if "company" not in out and (c := _company(doc, s, e)):
                out["company"] = c
                break
            if "name" not in out and (p := _person(doc, lab, s, e)):
                out["name"] = p
                break
    # A bare 名称 only where no customer label named a company: an invoice has one for each party.
    if "company" not in out and (c := _first(doc, "company", lambda lab, s, e: _company(doc, s, e))):
        out["company"] = c
    # A letter to a tenant names it only as its addressee (a letter to a person names no company).
    if "company" not in out and (c := _first(doc, "addressee", lambda lab, s, e: _company(doc, s, e))):
        out["company"] = c
    for group in ("contact", "staff"):
        if p := _first(doc, group, lambda lab, s, e: _person(doc, lab, s, e)):
            out[group] = p


def _first(doc: _Doc, group: str, read: Callable[[Label, int, int], str | None]) -> str | None:
    """The first value `read` finds in the regions of the group's labels, best label first."""
    return next((v for lab in doc.of(group) for s, e in doc.regions(lab) if (v := read(lab, s, e))), None)


_ADDRESS_END = re.compile(r"[号室弄栋幢楼层座]|单元|\d$")


def _address(doc: _Doc, out: dict[str, str]) -> None:
    """The customer's address, as printed: the first after the customer's name label (a contract
    gives the seller's first), and a wrapped second line ('10栋2单元202') joined on."""
    t = _tuned()
    first_name = min((lab.start for lab in doc.of("name", "name_weak")), default=0)
    for lab in sorted(doc.of("address"), key=lambda lab: lab.start < first_name):
        s, e = doc.region(lab)
        if s < lab.start:  # a value line above belongs to a row of labels: no wrapped line to join
            text = doc.orig[s:e].strip()
            if len(text) >= t.address_min_chars:
                out["address"] = re.sub(r"\s+", "", text)
                return
            continue
        text = doc.orig[s:e].strip()
        if text and doc.key.startswith("\n", e):  # the value ran to the end of its line
            nl = doc.orig.find("\n", e + 1)
            nl = len(doc.orig) if nl < 0 else nl
            line = doc.orig[e + 1 : nl].strip()
            i = bisect.bisect_left(doc.starts, e + 1)
            labelled = (i < len(doc.starts) and doc.starts[i] < nl) or ":" in doc.raw[e + 1 : nl]
            if line and len(line) <= t.address_wrap_max_chars and not labelled and _ADDRESS_END.search(line):
                text += line
        if len(text) >= t.address_min_chars and re.search(rf"[{_CJK}]", text):
            out["address"] = re.sub(r"\s+", "", text)
            return


# --- job type and application subject ---------------------------------------------------------------------

_CHECKED = set(_VOCABULARY.checked)
_UNCHECKED = set(_VOCABULARY.unchecked)


INFIX = 2  # characters a site may set inside a compound job word: 首次免费保养 is 首次保养, free


def _word_pattern(word: str, infix: bool) -> str:
    """A word as a pattern; with `infix`, a compound of two two-character words (首次保养, 保修索赔, 一般维修) also
    with a short modifier between its halves (首次免费保养, 保修期内索赔): Chinese qualifies a compound's head
    inside it. Not a two-character word: 大修 with two characters between would be 大众维修."""
    if infix and len(word) >= 4:
        return f"{re.escape(word[:2])}[{_CJK}]{{0,{INFIX}}}{re.escape(word[2:])}"
    return re.escape(word)


def _pick_checked(doc: _Doc, s: int, e: int, words: dict[str, str], ticked_only: bool = False,
                  infix: bool = False) -> str | None:
    """The one code whose word is ticked in key[s:e] (or the only one named, without tick boxes); `infix`:
    compound words also with a modifier inside (_word_pattern)."""
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)  # the longest word wins, not 保养 inside 首次保养
    rx = re.compile("|".join(f"({_word_pattern(w, infix)})" for w in ordered))
    occ: list[tuple[str, str]] = []  # (code, mark before it)
    for m in rx.finditer(doc.key, s, e):
        j = m.start() - 1
        while j >= s and doc.key[j] in " \t[]()":
            j -= 1
        occ.append((words[ordered[(m.lastindex or 1) - 1]], doc.key[j] if j >= s else ""))
    ticked = {c for c, mark in occ if mark in _CHECKED}
    if len(ticked) == 1:
        return ticked.pop()
    if ticked_only:
        return None
    boxed = any(mark in _CHECKED | _UNCHECKED for _, mark in occ)
    rest = {c for c, mark in occ if not (boxed and mark in _UNCHECKED)}
    return rest.pop() if len(rest) == 1 and not ticked else None


def _job_type(doc: _Doc, out: dict[str, str], policy: Policy) -> None:
    words = {
        t2s(w): code
        for kp in policy.kinds.values()
        for code, jt in kp.job_types.items()
        for w in (jt.zh, *jt.words)
    }
    for lab in doc.of("job_type"):
        if code := _pick_checked(doc, *doc.region(lab, whole_line=True), words, infix=True):
            out["job_type"] = code
            return
    # A label whose first character the scan spoilt (潍修性质, 雅修性质 for 维修性质): its last three characters
    # after one Chinese character still name the field, the value after them on its line.
    for m in _JOB_LABEL_TAIL.finditer(doc.key):
        end = doc.key.find("\n", m.end())
        if code := _pick_checked(doc, m.end(), len(doc.key) if end < 0 else end, words, infix=True):
            out["job_type"] = code
            return
    # Unlabelled only if ticked: '建议下次保养时更换' on an inspection sheet names no job type.
    if code := _pick_checked(doc, 0, len(doc.key), words, ticked_only=True, infix=True):
        out["job_type"] = code


_JOB_LABEL_TAIL = re.compile(
    f"[{_CJK}]({'|'.join(sorted({re.escape(t2s(lab)[-3:]) for lab in _VOCABULARY.labels['job_type'] if len(lab) >= 4}))})")


_SUBJECTS = _VOCABULARY.subjects
_SUBJECT_TITLE = re.compile(
    "("
    + "|".join(sorted(_SUBJECTS, key=len, reverse=True))
    + r")[ \t]*(?:使用)?[ \t]*申[ \t]*请[ \t]*[单表书]"
)


def _subject(doc: _Doc, out: dict[str, str]) -> None:
    for lab in doc.of("subject"):
        if subject := _pick_checked(doc, *doc.region(lab, whole_line=True), _SUBJECTS):
            out["subject"] = subject
            return
    if m := _SUBJECT_TITLE.search(doc.key):
        out["subject"] = _SUBJECTS[m.group(1)]
