"""Family f (samples/family_f): deterministic, valid truth, the domain's codes, boxes on their pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.samples.family_f import ids
from dossier.samples.family_f.make import generate
from dossier.samples.truth import load_truth, truth_path

# The document codes of the domain (../shared/docs/domain.md, §1a and §1b), copied here as the reference.
CAR_CODES = {"customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
             "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
             "other_proof", "reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
             "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo", "fault_report"}
UNIT_CODES = {"move_in", "renovation", "correspondence", "application"}
AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test", "loss_assessment",
               "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo", "fault_report"}
JOBS = {"minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim"}
SUBJECTS = {"房门锁", "电话", "车位", "水牌", "客户加班"}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(7, 4, tmp_path_factory.mktemp("f"))


def test_same_seed_same_bytes_and_truth(run: list[Path], tmp_path: Path) -> None:
    again = generate(7, 4, tmp_path)
    assert [p.name for p in again] == [p.name for p in run]
    for a, b in zip(run, again, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert truth_path(a).read_text(encoding="utf-8") == truth_path(b).read_text(encoding="utf-8")
    assert generate(8, 1, tmp_path / "other")[0].read_bytes() != run[0].read_bytes()


def test_truth_is_valid_and_uses_the_domains_codes(run: list[Path]) -> None:
    docs = 0
    for f in run:
        t = load_truth(f)
        assert t.family == "f" and t.file == f.name
        assert sorted(p for d in t.documents for p in d.pages) == [p.index for p in t.pages]
        for d in t.documents:
            docs += 1
            if d.doc_type is None:
                assert d.dossier is None
                continue
            assert d.doc_type in CAR_CODES | UNIT_CODES
            assert d.dossier is not None
            assert d.dossier.kind == ("unit" if d.doc_type in UNIT_CODES else "car")
            if d.doc_type in AFTER_SALES:
                assert d.visit and d.job_type in JOBS
            else:
                assert d.visit is None and d.job_type is None
            if d.doc_type == "application":
                assert d.fields["subject"] in SUBJECTS
    assert docs >= 4


def test_identifiers_carry_valid_check_digits(run: list[Path]) -> None:
    seen = 0
    for f in run:
        for d in load_truth(f).documents:
            if d.dossier and d.dossier.kind == "car":
                assert ids.vin_check(d.dossier.key) == d.dossier.key[8]
                assert not set("IOQ") & set(d.dossier.key)
            fl = d.fields
            if "vin" in fl:
                assert fl["vin"] == d.dossier.key if d.dossier else True
            if "id_number" in fl:
                assert ids.id_check(fl["id_number"][:17]) == fl["id_number"][17]
            if "credit_code" in fl:
                assert ids.credit_check(fl["credit_code"][:17]) == fl["credit_code"][17]
            if "mobile" in fl:
                assert re.fullmatch(r"1[3-9]\d{9}", fl["mobile"])
            if "date" in fl:
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", fl["date"])
            seen += len(fl)
    assert seen


def test_printed_values_are_on_their_pages(run: list[Path]) -> None:
    """A field is only in the truth when its document prints it (normalised ones compared loosely)."""
    checked = 0
    for f in run:
        t = load_truth(f)
        for d in t.documents:
            text = "\n".join(t.pages[p - 1].text for p in d.pages)
            flat = re.sub(r"[\s\-()（）/]", "", text)
            for name, value in d.fields.items():
                if name in ("date", "amount", "job_type", "subject", "plate"):
                    continue
                target = re.sub(r"[\s\-]", "", value) if name in ("mobile", "landline") else value
                assert target in (flat if name in ("mobile", "landline") else text), (f.name, name, value)
                checked += 1
    assert checked


def test_boxes_lie_on_their_pages(run: list[Path]) -> None:
    sigs = 0
    for f in run:
        t = load_truth(f)
        size = {p.index: (p.width, p.height) for p in t.pages}
        for d in t.documents:
            for page, box in [(s.page, s.box) for s in d.signatures] + [(s.page, s.box) for s in d.seals]:
                assert page in d.pages
                w, h = size[page]
                x0, y0, x1, y1 = box
                assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h
            sigs += len(d.signatures)
            for s in d.signatures:
                assert (s.status == "signed") == (s.source is not None)
    assert sigs


def test_many_identifiers_check(tmp_path: Path) -> None:
    import random
    rng = random.Random(1)
    for _ in range(200):
        v = ids.vin(rng, "LSV")
        assert len(v) == 17 and ids.vin_check(v) == v[8]
    assert ids.vin_check("1M8GDM9AXKP042788") == "X"  # the textbook example
    assert ids.id_check("11010519491231002") == "X"  # GB 11643's example
    assert ids.credit_check("91350100M000100Y4") == "3"  # a published code, 91350100M000100Y43


def test_cli_writes_family_f(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    assert main(["samples", "--family", "f", "--seed", "2", "--count", "1", str(tmp_path)]) == 0
    truths = list(tmp_path.glob("*.truth.json"))
    assert truths and all(load_truth(t).family == "f" for t in truths)
