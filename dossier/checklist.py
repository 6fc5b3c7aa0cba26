"""Checklists of a dossier: which required documents are present, missing or unsigned, and when due.

A car dossier gets the new-car checklist plus one checklist per after-sales visit (by job type);
a unit dossier gets the unit checklist. All of it is driven by the policy data.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Protocol

from dossier.messages import text
from dossier.models import Checklist, ChecklistItem, ItemStatus, StoredDocument
from dossier.policy import ChecklistRule, KindPolicy, Policy
from dossier.workdays import WorkCalendar


def visit_doc_types(kp: KindPolicy) -> set[str]:
    """Document types that belong to a visit rather than to the dossier as a whole."""
    per_dossier = {d for cl in kp.checklists.values() if cl.scope == "dossier" for d in cl.required + cl.optional}
    per_visit = {d for cl in kp.checklists.values() if cl.scope == "visit" for d in cl.required + cl.optional}
    return per_visit - per_dossier


def visit_key(doc_type: str | None, fields: dict[str, str], kp: KindPolicy) -> str | None:
    """The after-sales visit a document belongs to: its work-order number, else its date."""
    if doc_type is None or doc_type not in visit_doc_types(kp):
        return None
    return fields.get("order_number") or fields.get("date")


def provisional_field(kp: KindPolicy, key: str, docs: list[StoredDocument]) -> str | None:
    """The secondary key field (plate) a dossier is kept under while its key (VIN) is not known: none of
    its documents prints the key, and one prints `key` in that field (resolve.py opens such a file)."""
    if any(d.fields.get(kp.key_field) == key for d in docs):
        return None
    return next((f for f in kp.secondary_key_fields if any(d.fields.get(f) == key for d in docs)), None)


class Holders(Protocol):
    """What `cars_with` reads of the records (RecordStore has it; resolve.DossierLookup includes it)."""

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]: ...


def cars_with(lookup: Holders, kind: str, field: str, value: str) -> list[str]:
    """The keyed dossiers (not the file kept under `value` itself) whose documents print `value` in `field`:
    more than one, and a plate file names no car (a plate passed on to the next car)."""
    return [k for k in lookup.dossiers_with(kind, field, value) if k != value]


def _item_status(docs: list[StoredDocument]) -> ItemStatus:
    if not docs:
        return "missing"
    # One properly signed copy satisfies the item; otherwise a blank required signature shows.
    for d in docs:
        if not any(s.status == "blank" and s.required for s in d.signatures):
            return "present"
    return "unsigned"


def _anchor_date(rule: ChecklistRule, docs: list[StoredDocument]) -> date | None:
    if not rule.deadline:
        return None
    fields = (rule.deadline.anchor_field, "date")
    for d in docs:
        if d.doc_type != rule.deadline.anchor_doc_type:
            continue
        for f in fields:
            value = d.fields.get(f)
            if value:
                try:
                    return date.fromisoformat(value)
                except ValueError:
                    continue
    return None


def build_checklist(
    rule: ChecklistRule,
    docs: list[StoredDocument],
    policy: Policy,
    calendar: WorkCalendar,
    today: date,
    visit: str | None = None,
    lang: str = "zh",
) -> Checklist:
    by_type: dict[str, list[StoredDocument]] = {}
    for d in docs:
        if d.doc_type and d.status == "filed":
            by_type.setdefault(d.doc_type, []).append(d)
    items = []
    for code in rule.required + rule.optional:
        present = by_type.get(code, [])
        if code in rule.optional and not present:
            continue
        items.append(
            ChecklistItem(
                doc_type=code,
                name=policy.name(code, lang),
                required=code in rule.required,
                status=_item_status(present),
                documents=[d.id or 0 for d in present],
            )
        )
    complete = all(i.status == "present" for i in items if i.required)
    cl = Checklist(name=rule.code, title=rule.title.get(lang), visit=visit, items=items, complete=complete)
    anchor = _anchor_date(rule, docs)
    if anchor and rule.deadline:
        deadline = calendar.add_working_days(anchor, rule.deadline.working_days)
        cl.anchor_date, cl.due, cl.calendar_warning = anchor, deadline.due, deadline.warning
        cl.overdue = not complete and today > deadline.due
    return cl


def dossier_checklists(
    kind: str, docs: list[StoredDocument], policy: Policy, calendar: WorkCalendar, today: date, lang: str = "zh"
) -> list[Checklist]:
    kp = policy.kinds[kind]
    out = [
        build_checklist(rule, docs, policy, calendar, today, lang=lang)
        for rule in kp.checklists.values()
        if rule.scope == "dossier"
    ]
    for visit, vdocs in sorted(_visits(docs, visit_doc_types(kp)).items()):
        job = next((d.fields["job_type"] for d in vdocs if d.fields.get("job_type") in kp.job_types), None)
        rule = kp.checklists[job or _likely_job(kp, vdocs)]
        cl = build_checklist(rule, vdocs, policy, calendar, today, visit=visit, lang=lang)
        if job is None:
            cl.title += text("checklist.job_type_unread")
        out.append(cl)
    return out


def _visits(docs: list[StoredDocument], visit_types: set[str] | None = None) -> dict[str, list[StoredDocument]]:
    """After-sales documents by visit. A document that prints no work-order number (its visit key is
    its date) joins the numbered visit of the same days, if there is one; one of `visit_types` on which
    neither was read joins the one visit its scan holds."""
    visits: dict[str, list[StoredDocument]] = {}
    for d in docs:
        if d.visit:
            visits.setdefault(d.visit, []).append(d)
    # A work-order number misread is the visit whose number it is, if its papers are of the same days and
    # it fits one visit only: read a character or two short, its end lost (under a seal, past the
    # field), or its letter prefix read as digits (WO -> 10, W -> 11). OCR drops characters far more often
    # than it adds or swaps them. A number with one character swapped for one OCR takes it for (3 for 8,
    # past a prefix read as digits too), or cut to as little as half of it (RO24022 for RO240221076), is the visit only when
    # it is the odd one out: fewer papers, none of a type that visit already has (a dealer's next order
    # has its own work order), so the next order stays apart.
    for v in sorted(v for v in visits if _as_date(v) is None):
        whole = [n for n in visits if n != v and _as_date(n) is None and _misread_of(v, n)]
        if not whole:
            alike = [n for n in visits if n != v and _as_date(n) is None
                     and (_alike(v, n) or (_one_inside(v, n) and _same_day(visits[v], visits[n])))]
            # Papers scanned in one file with numbers this alike are one visit's too, however many each
            # reading has (a stack whose every page is degraded reads one number two ways, 0 for 9).
            if len(alike) == 1 and (_odd_one_out(visits[v], visits[alike[0]]) or _one_scan(visits[v], visits[alike[0]])):
                whole = alike
        if len(whole) == 1 and _same_days(_dates(visits[v]), _dates(visits[whole[0]])):
            visits[whole[0]].extend(visits.pop(v))
    numbered = {v: _dates(ds) for v, ds in visits.items() if _as_date(v) is None}
    for v in [v for v in visits if _as_date(v) is not None and numbered]:
        if (same := _same_scan(visits[v], {n: visits[n] for n in numbered})) is not None:
            visits[same].extend(visits.pop(v))
            continue
        day = _as_date(v)
        assert day is not None
        near = [(min(abs((day - x).days) for x in ds), n) for n, ds in numbered.items() if ds]
        if near and min(near)[0] <= VISIT_DAYS:
            visits[min(near)[1]].extend(visits.pop(v))
    # A visit's paper on which neither its number nor its date could be read (a work order whose 工单号 label
    # the scan spoilt) is in no visit, so its visit showed it missing; scanned with one visit's papers, it is
    # that visit's (_same_scan).
    for d in docs:
        if not d.visit and d.doc_type in (visit_types or set()) and (same := _same_scan([d], visits)) is not None:
            visits[same].append(d)
    return visits


def _one_scan(a: list[StoredDocument], b: list[StoredDocument]) -> bool:
    """Some of both sets of papers were scanned in one file."""
    return bool({d.sha256 for d in a if d.sha256} & {d.sha256 for d in b if d.sha256})


def _same_scan(undated: list[StoredDocument], numbered: dict[str, list[StoredDocument]]) -> str | None:
    """The one numbered visit whose papers were scanned in the same file as these, which print no number:
    a visit's stack is scanned together, and a first-service card is dated the day of the car's sale, not
    of the visit (weeks apart), so the dates alone would leave it a visit of its own."""
    scans = {d.sha256 for d in undated if d.sha256}
    same = [n for n, ds in numbered.items() if any(d.sha256 in scans for d in ds)]
    return same[0] if len(same) == 1 else None


VISIT_DAYS = 7  # a workshop visit's papers are dated within a week of each other


def _misread_of(reading: str, number: str) -> bool:
    """Could `reading` be work-order `number` misread, in the ways OCR misreads one (above)?"""
    lost = len(number) - len(reading)
    if 0 < lost <= 2:
        rest = iter(number)
        return all(c in rest for c in reading)  # `number` with some characters left out
    if lost > 2:
        return number.startswith(reading) and len(reading) >= max(6, 2 * len(number) / 3)
    body = _past_prefix(reading, number)
    return body is not None and body[0] == body[1]


def _past_prefix(reading: str, number: str) -> tuple[str, str] | None:
    """`number`'s letter prefix read as digits, one a letter or one more (WO -> 10; W, two strokes, -> 11):
    the reading's rest and the number's rest, to compare; None if `number` has no letter prefix or the
    reading no digits in its place."""
    prefix = len(number) - len(number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for k in (prefix, prefix + 1):
        if prefix and len(reading) - k == len(number) - prefix and reading[:k].isdigit():
            return reading[k:], number[prefix:]
    return None


# Characters the engine reads one for the other on printed numbers. Neighbouring digits are left out on
# purpose: a dealer's next order differs from this one in its last digit by one.
_CONFUSED = {frozenset(p) for p in ("38", "08", "68", "17", "06", "09", "35", "O0", "D0", "I1", "S5", "B8", "Z2")}


def _swapped(reading: str, number: str) -> bool:
    """`reading` is `number` with one character read as one it is often taken for."""
    if len(reading) != len(number):
        return False
    diff = [frozenset((a, b)) for a, b in zip(reading, number, strict=True) if a != b]
    return len(diff) == 1 and diff[0] in _CONFUSED


def _alike(reading: str, number: str) -> bool:
    """One character swapped (also past a prefix read as digits), the end cut off, or the letter prefix
    misread around the same digits: a misreading only when the reading's papers are the odd ones out."""
    body = _past_prefix(reading, number)
    return (_swapped(reading, number) or _cut_short(reading, number) or (body is not None and _swapped(*body))
            or _same_digits(reading, number))


def _same_digits(reading: str, number: str) -> bool:
    """Both a letter prefix and the same digits after it (JM241111322 for JNW241111322: NW read as M): the
    digits carry the order's date and serial, the prefix only the site's series."""
    a, b = (re.fullmatch(r"[A-Z]{1,4}([-_/]?\d{6,})", x) for x in (reading, number))
    return a is not None and b is not None and a.group(1) == b.group(1)


def _one_inside(reading: str, number: str) -> bool:
    """One character read as any other, not the last: a dealer's next order differs in its last digit, so
    that one stays apart (RO-20250208-815 for RO-20250708-815, 7 read as 2)."""
    if len(reading) != len(number) or reading[-1] != number[-1]:
        return False
    return sum(a != b for a, b in zip(reading, number, strict=True)) == 1


def _same_day(a: list[StoredDocument], b: list[StoredDocument]) -> bool:
    """Papers printed the very same day: what lets a number with any one character misread be the visit's."""
    return bool(set(_dates(a)) & set(_dates(b)))


def _cut_short(reading: str, number: str) -> bool:
    """`reading` is the start of `number`, at least half of it: its end lost, more than _misread_of allows."""
    return len(reading) < len(number) and number.startswith(reading) and len(reading) >= max(6, len(number) / 2)


def _odd_one_out(reading: list[StoredDocument], visit: list[StoredDocument]) -> bool:
    types = {d.doc_type for d in visit}
    return len(reading) < len(visit) and not any(d.doc_type in types for d in reading)


def _same_days(a: list[date], b: list[date]) -> bool:
    """Papers of one visit, as far as their dates tell (undated papers do not tell)."""
    return not a or not b or min(abs((x - y).days) for x in a for y in b) <= VISIT_DAYS


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _dates(docs: list[StoredDocument]) -> list[date]:
    return [x for d in docs for x in [_as_date(d.fields.get("date"))] if x]


def _likely_job(kp: KindPolicy, docs: list[StoredDocument]) -> str:
    """A visit whose job type cannot be read: the job type whose checklist covers the most of the
    documents it has (a first-service card means a first service), else the policy's default."""
    present = {d.doc_type for d in docs if d.doc_type}
    default = kp.default_job_type or next(iter(kp.job_types))

    def cover(code: str) -> tuple[int, bool]:
        rule = kp.checklists[code]
        return len(present & set(rule.required + rule.optional)), code == default

    return max(kp.job_types, key=cover)
