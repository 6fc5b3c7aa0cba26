"""Which dossier a document joins, decided without a store: the resolution functions over an archive held in
a few dicts (the DossierLookup protocol), as a clerk would see the outcome."""

from __future__ import annotations

import random

import pytest

from dossier.classify.keys import make_vin
from dossier.models import DossierRef, StoredDocument
from dossier.policy import Policy, default_policy
from dossier.worker.resolve import resolve_dossiers


class Archive:
    """An archive's dossiers, aliases (plate -> VIN) and owners, as the protocol reads them."""

    def __init__(self, dossiers: tuple[tuple[str, str], ...] = (), aliases: dict[tuple[str, str], str] | None = None,
                 owners: dict[tuple[str, str, str], list[str]] | None = None) -> None:
        self.refs = [DossierRef(kind=k, key=v) for k, v in dossiers]
        self.aliases, self.owners = aliases or {}, owners or {}

    def has_dossier(self, kind: str, key: str) -> bool:
        return DossierRef(kind=kind, key=key) in self.refs

    def resolve_alias(self, kind: str, alias: str) -> str | None:
        return self.aliases.get((kind, alias))

    def dossiers_with(self, kind: str, field: str, value: str) -> list[str]:
        return self.owners.get((kind, field, value), [])

    def dossiers(self) -> list[DossierRef]:
        return list(self.refs)


@pytest.fixture(scope="module")
def policy() -> Policy:
    return default_policy()


def doc(doc_type: str | None, **fields: str) -> StoredDocument:
    return StoredDocument(source="s.pdf", pages=[1], doc_type=doc_type, confidence=0.9, fields=fields, status="filed", text="")


VIN, OTHER = make_vin(random.Random(1)), make_vin(random.Random(2))


def test_a_car_document_joins_its_vin_and_a_plate_alone_finds_the_car(policy: Policy) -> None:
    contract, job_card = doc("sales_contract", vin=VIN), doc("work_order", plate="粤B12345")
    resolve_dossiers([contract], policy, Archive())
    assert contract.dossier == DossierRef(kind="car", key=VIN)
    resolve_dossiers([job_card], policy, Archive((("car", VIN),), aliases={("car", "粤B12345"): VIN}))
    assert job_card.dossier == DossierRef(kind="car", key=VIN) and job_card.status == "filed"


def test_a_batch_is_one_subject_and_a_plate_in_the_batch_finds_its_vin(policy: Policy) -> None:
    contract, id_copy, card = doc("sales_contract", vin=VIN, plate="沪A00001"), doc("id_copy"), doc("work_order", plate="沪A00001")
    resolve_dossiers([contract, id_copy, card], policy, Archive())
    assert {d.dossier.key for d in (contract, id_copy, card) if d.dossier} == {VIN}
    assert id_copy.dossier is not None and card.dossier is not None


def test_an_owner_finds_a_dossier_only_where_one_dossier_has_them(policy: Policy) -> None:
    licence = doc("id_copy", id_number="110101199003074514")
    one = Archive((("car", VIN),), owners={("car", "id_number", "110101199003074514"): [VIN]})
    resolve_dossiers([licence], policy, one)
    assert licence.dossier == DossierRef(kind="car", key=VIN)
    two = doc("id_copy", id_number="110101199003074514")
    resolve_dossiers([two], policy, Archive(owners={("car", "id_number", "110101199003074514"): [VIN, OTHER]}))
    assert two.dossier is None and two.status == "needs_review"  # two buyers' dossiers: a clerk decides


def test_a_unit_number_read_without_its_separators_finds_the_unit(policy: Policy) -> None:
    notice = doc("move_in", unit_unverified="21403")
    resolve_dossiers([notice], policy, Archive((("unit", "2-14-03"),)))
    assert notice.dossier == DossierRef(kind="unit", key="2-14-03") and "unit_unverified" not in notice.fields


def test_no_key_anywhere_waits_for_review_with_the_reason(policy: Policy) -> None:
    stray = doc("settlement", amount="100.00")
    resolve_dossiers([stray], policy, Archive((("car", VIN),)))
    assert stray.dossier is None and stray.status == "needs_review"
    assert stray.reason is not None and "待分配" in stray.reason and "unassigned queue" in stray.reason


def test_an_untyped_document_tries_the_drop_folders_kind_first(policy: Policy) -> None:
    unknown = doc(None, unit="3-3-303")
    resolve_dossiers([unknown], policy, Archive(), preset_kind="unit")
    assert unknown.dossier == DossierRef(kind="unit", key="3-3-303")


def test_a_paper_with_no_key_joins_by_the_customers_mobile_and_says_so(policy: Policy) -> None:
    settlement = doc("settlement", mobile="13912345678", amount="580.00")
    resolve_dossiers([settlement], policy, Archive(owners={("car", "mobile", "13912345678"): [VIN]}))
    assert settlement.dossier == DossierRef(kind="car", key=VIN) and settlement.status == "filed"
    assert settlement.reason is not None and "mobile=13912345678" in settlement.reason
    # The same number on two cars' papers (the customer has two, or a salesman's number): neither.
    two = doc("settlement", mobile="13912345678")
    resolve_dossiers([two], policy, Archive(owners={("car", "mobile", "13912345678"): [VIN, OTHER]}))
    assert two.dossier is None and two.status == "needs_review"


def test_a_document_that_names_its_own_car_keeps_a_clean_record(policy: Policy) -> None:
    # Its VIN decides, whatever owner fields it shares; no join reason is written.
    card = doc("customer_card", vin=VIN, mobile="13912345678")
    resolve_dossiers([card], policy, Archive(owners={("car", "mobile", "13912345678"): [OTHER]}))
    assert card.dossier == DossierRef(kind="car", key=VIN) and card.reason is None


def test_a_plate_no_dossier_knows_opens_the_cars_file_under_the_plate(policy: Policy) -> None:
    # domain.md §1a: the plate is a secondary key. The settlement waits no more: its car's file is kept under
    # the plate (VIN not yet known), and the ID copy scanned with it joins that file.
    settlement, id_copy = doc("settlement", plate="京P2820X", amount="580.00"), doc("id_copy")
    resolve_dossiers([settlement, id_copy], policy, Archive((("car", VIN),)))
    assert settlement.dossier == id_copy.dossier == DossierRef(kind="car", key="京P2820X")
    assert settlement.status == "filed" and settlement.reason is not None and "车架号" in settlement.reason
    # The next paper of that car finds its file by the plate.
    later = doc("work_order", plate="京P2820X")
    resolve_dossiers([later], policy, Archive((("car", VIN), ("car", "京P2820X"))))
    assert later.dossier == DossierRef(kind="car", key="京P2820X")


def test_a_plate_paper_scanned_with_its_cars_vin_paper_joins_the_car_not_a_plate_file(policy: Policy) -> None:
    contract, card = doc("sales_contract", vin=VIN), doc("work_order", plate="沪A00002")
    resolve_dossiers([contract, card], policy, Archive())
    assert card.dossier == DossierRef(kind="car", key=VIN)  # the batch is one subject, as before


def test_a_plate_two_cars_papers_print_names_neither_car(policy: Policy) -> None:
    # A plate passed on to the next car: its alias points at one of them, but a paper printing the plate
    # alone could be either's. It goes to the file under the plate, for a clerk; never into a car at a guess.
    archive = Archive((("car", VIN), ("car", OTHER)), aliases={("car", "沪A00003"): OTHER},
                      owners={("car", "plate", "沪A00003"): [VIN, OTHER]})
    card = doc("work_order", plate="沪A00003")
    resolve_dossiers([card], policy, archive)
    assert card.dossier == DossierRef(kind="car", key="沪A00003")
    one = Archive((("car", OTHER),), aliases={("car", "沪A00003"): OTHER}, owners={("car", "plate", "沪A00003"): [OTHER]})
    again = doc("work_order", plate="沪A00003")
    resolve_dossiers([again], policy, one)
    assert again.dossier == DossierRef(kind="car", key=OTHER)


def test_a_unit_paper_with_a_plate_and_no_unit_number_opens_no_file(policy: Policy) -> None:
    # Only a kind with a secondary key keeps files under it: a unit has none (unit.kind.yaml).
    notice = doc("move_in", plate="沪A00004")
    resolve_dossiers([notice], policy, Archive())
    assert notice.dossier is None and notice.status == "needs_review"


def unread(pages: list[int]) -> StoredDocument:
    """A page of a stack OCR read nothing of (a photo, a faint sheet): no type, no fields, waiting."""
    return StoredDocument(source="s.pdf", pages=pages, doc_type=None, confidence=0.0, fields={}, status="needs_review",
                          text="", reason="no readable text")


def test_a_page_of_no_known_type_in_one_cars_stack_is_shown_in_that_car(policy: Policy) -> None:
    # Family h: a reception sheet OCR could not read, inside one car's visit stack. It still waits for its
    # type, but in the car's dossier, not in the unassigned queue.
    order, blank, settlement = doc("work_order", vin=VIN), unread([2]), doc("settlement")
    resolve_dossiers([order, blank, settlement], policy, Archive())
    assert blank.dossier == DossierRef(kind="car", key=VIN) and blank.status == "needs_review"
    assert blank.reason == "no readable text"  # the clerk still sees why it waits


def test_a_keyless_paper_between_two_cars_joins_the_one_lacking_its_type(policy: Policy) -> None:
    # Stacks scanned car after car (family h): a second reception sheet beside car A's is car B's.
    a_reception, keyless, b_settlement = doc("reception_sheet", vin=VIN), doc("reception_sheet"), doc("settlement", vin=OTHER)
    resolve_dossiers([a_reception, keyless, b_settlement], policy, Archive())
    assert keyless.dossier == DossierRef(kind="car", key=OTHER) and keyless.status == "filed"
    assert keyless.reason is not None and "相邻" in keyless.reason
    # A work order after car A's reception sheet, before car B's own work order, is car A's.
    a_reception, keyless, b_order = doc("reception_sheet", vin=VIN), doc("work_order"), doc("work_order", vin=OTHER)
    resolve_dossiers([a_reception, keyless, b_order], policy, Archive())
    assert keyless.dossier == DossierRef(kind="car", key=VIN)


def test_a_keyless_paper_both_or_neither_neighbour_could_take_waits(policy: Policy) -> None:
    both = [doc("reception_sheet", vin=VIN), doc("work_order"), doc("settlement", vin=OTHER)]
    resolve_dossiers(both, policy, Archive())
    assert both[1].dossier is None and both[1].status == "needs_review"
    neither = [doc("work_order", vin=VIN), doc("work_order"), doc("work_order", vin=OTHER)]
    resolve_dossiers(neither, policy, Archive())
    assert neither[1].dossier is None and neither[1].status == "needs_review"


def test_a_paper_printing_its_own_plate_is_never_a_neighbours(policy: Policy) -> None:
    stack = [doc("reception_sheet", vin=VIN), doc("work_order", plate="沪A00005"), doc("work_order", vin=OTHER)]
    resolve_dossiers(stack, policy, Archive())
    assert stack[1].dossier == DossierRef(kind="car", key="沪A00005")  # the file under its plate, as before
