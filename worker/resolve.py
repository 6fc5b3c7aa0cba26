"""Which dossier each document of a source joins -- the domain's core decision, as plain functions over a
narrow read protocol (`DossierLookup`), so that it is tested without a store. Writes after the commit
(aliases learnt, waiting documents refiled) stay with the pipeline."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import Protocol

from dossier.checklist import cars_with
from dossier.classify.keys import key_but_separators, nearest_key
from dossier.messages import part, text
from dossier.models import DossierRef, StoredDocument
from dossier.policy import Policy


class DossierLookup(Protocol):
    """What resolution reads of the records (RecordStore has it all)."""

    def has_dossier(self, kind: str, key: str) -> bool: ...

    def resolve_alias(self, kind: str, alias: str) -> str | None: ...

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]: ...

    def dossiers(self) -> list[DossierRef]: ...


class KnownKeys:
    """The archive's dossier keys per kind, read in one pass the first time a batch needs them."""

    def __init__(self, lookup: DossierLookup, kinds: Iterable[str]) -> None:
        self.lookup, self.kinds = lookup, list(kinds)
        self._keys: dict[str, set[str]] = {}

    def of(self, kind: str) -> set[str]:
        if not self._keys:
            self._keys.update({k: set() for k in self.kinds})
            for r in self.lookup.dossiers():
                self._keys.setdefault(r.kind, set()).add(r.key)
        return self._keys[kind]


def resolve_dossiers(docs: list[StoredDocument], policy: Policy, lookup: DossierLookup,
                     preset_kind: str | None = None) -> None:
    """Car documents go to their VIN (a plate finds the VIN), unit documents to their unit number; a
    document no dossier takes waits for review. `preset_kind`: the drop folder's, for untyped documents."""
    plates = {d.fields["plate"]: d.fields["vin"] for d in docs if d.fields.get("plate") and d.fields.get("vin")}
    known = KnownKeys(lookup, policy.kinds)
    for d in docs:
        kind = policy.doc_types[d.doc_type].kind if d.doc_type else None
        kinds = [kind] if kind else [preset_kind] if preset_kind else list(policy.kinds)
        for k in kinds:
            match_key_reading(k, d, docs, policy, lookup, known)
            named = dossier_key(k, d.fields, plates, policy, lookup)
            if named:
                key, owner = named
                d.dossier = DossierRef(kind=k, key=key)
                if owner and d.status == "filed":  # no key of its own: the record says what joined it
                    d.reason = joined_by(owner, d.fields[owner])
                break
    # A handover batch is one subject: a document with no key of its own (an ID-card copy, a photo)
    # joins the one dossier the batch's other documents agree on.
    _join_batch(docs, policy)
    # A paper that names its car only by a plate no dossier knows opens the car's file under the plate
    # (domain.md §1a: the plate is a secondary key), as a site does: "VIN not yet known", in the
    # completeness queue; the VIN paper that later prints that plate takes the file in (pipeline.py).
    # A batch's keyless papers then join the one plate file it opened.
    if _open_provisional(docs, policy, lookup):
        _join_batch(docs, policy)
    for d in docs:
        if d.dossier is None and d.status == "filed":
            d.status = "needs_review"
            d.reason = text("filing.unassigned")


def _join_batch(docs: list[StoredDocument], policy: Policy) -> None:
    found = {(d.dossier.kind, d.dossier.key) for d in docs if d.dossier}
    if len(found) == 1:
        kind, key = next(iter(found))
        for d in docs:
            # A page of no known type (a photo, a sheet OCR could not read) is of the batch's subject too: it
            # waits for a clerk's type all the same, shown in the dossier it came with.
            if d.dossier is None and (d.doc_type is None or policy.doc_types[d.doc_type].kind == kind):
                d.dossier = DossierRef(kind=kind, key=key)
    elif len(found) > 1:
        _join_neighbours(docs, policy)


def _join_neighbours(docs: list[StoredDocument], policy: Policy) -> None:
    """A stack of several subjects' papers is scanned one subject after the other: a typed paper with no key
    of its own between two subjects' papers joins the neighbour (the nearest keyed paper before or after it)
    whose papers in the stack lack its type, when exactly one does -- a second reception sheet is another
    car's. Where both or neither lack it, position proves nothing and it waits for a clerk."""
    joins: list[tuple[StoredDocument, DossierRef]] = []
    for i, d in enumerate(docs):
        if d.dossier is not None or d.doc_type is None:
            continue
        kind = policy.doc_types[d.doc_type].kind
        kp = policy.kinds[kind]
        if any(d.fields.get(f) for f in (*kp.secondary_key_fields, kp.key_reading_field) if f):
            continue  # it names a car of its own (a plate no dossier knows yet): never a neighbour's
        lacking: set[tuple[str, str]] = set()
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(docs) and docs[j].dossier is None:
                j += step
            ref = docs[j].dossier if 0 <= j < len(docs) else None
            if ref is None or ref.kind != kind:
                continue
            if not any(x.dossier == ref and x.doc_type == d.doc_type for x in docs):
                lacking.add((ref.kind, ref.key))
        if len(lacking) == 1:
            k, key = next(iter(lacking))
            joins.append((d, DossierRef(kind=k, key=key)))
    for d, ref in joins:
        d.dossier = ref
        if d.status == "filed":
            d.reason = text("filing.joined_neighbour")


def _open_provisional(docs: list[StoredDocument], policy: Policy, lookup: DossierLookup) -> bool:
    """Typed, filed documents still without a dossier that print a secondary key (a plate, checked by its
    grammar when read) go to the file kept under it; whether any did."""
    opened = False
    for d in docs:
        if d.dossier is not None or d.doc_type is None or d.status != "filed":
            continue
        kind = policy.doc_types[d.doc_type].kind
        kp = policy.kinds[kind]
        named = next(((f, d.fields[f]) for f in kp.secondary_key_fields if d.fields.get(f)), None)
        if named:
            d.dossier = DossierRef(kind=kind, key=named[1])
            d.reason = provisional_reason(named[0], named[1], kp.key_field)
            opened = True
    return opened


def provisional_reason(field: str, value: str, key_field: str) -> str:
    return text("filing.provisional", field=part(f"key.{field}"), value=value, key=part(f"key.{key_field}"))


def match_key_reading(kind: str, d: StoredDocument, docs: list[StoredDocument], policy: Policy,
                      lookup: DossierLookup, known: KnownKeys) -> None:
    """An unproved key reading becomes the key of the one dossier (or batch document) it is a
    character or two from; a key read in a valid shape but known nowhere, of the one it is but for
    separators (4-4-601 read 44-601, which is a unit number's shape too)."""
    kp = policy.kinds[kind]
    field = kp.key_reading_field
    if not field:
        return
    batch = {x.fields[kp.key_field] for x in docs if x is not d and x.fields.get(kp.key_field)}
    if read := d.fields.get(kp.key_field):
        # Most keys read are known, which one lookup tells: only a new one is compared with every key.
        if read in batch or lookup.has_dossier(kind, read):
            return
        if key := key_but_separators(read, chain(known.of(kind), batch)):
            d.fields[kp.key_field] = key
        return
    reading = d.fields.get(field)
    if reading and (key := nearest_key(reading, known.of(kind) | batch)):
        d.fields[kp.key_field] = key
        del d.fields[field]


def dossier_key(kind: str, fields: dict[str, str], plates: dict[str, str], policy: Policy,
                lookup: DossierLookup) -> tuple[str, str | None] | None:
    """The key of the dossier of `kind` these fields name, and the owner field that named it if any: their
    own key, a secondary key (a plate) the batch or an alias maps to a key, or an owner field (an ID number, a
    work-order number, a mobile) whose only dossier it is."""
    kp = policy.kinds[kind]
    if fields.get(kp.key_field):
        return fields[kp.key_field], None
    for f in kp.secondary_key_fields:
        value = fields.get(f)
        if value:
            found = plates.get(value) or lookup.resolve_alias(kind, value)
            # A plate two cars' papers print (a plate passed on to the next car) names neither: it goes
            # to the file under the plate, for a clerk, never into one of two cars at a guess.
            if found and (value in plates or len(cars_with(lookup, kind, f, value)) <= 1):
                return found, None
    for f in kp.owner_fields:
        if (value := fields.get(f)) and len(keys := lookup.dossiers_with(kind, f, value)) == 1:
            return keys[0], f
    return None


def joined_by(field: str, value: str) -> str:
    return text("filing.joined_by", field=field, value=value)
