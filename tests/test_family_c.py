"""Family c (samples/family_c): deterministic, valid truth, the domain's codes, boxes on their pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.samples.family_c import ids
from dossier.samples.family_c.hant import to_hant
from dossier.samples.family_c.make import generate
from dossier.samples.truth import FileTruth, load_truth

# The document codes of docs/domain.md (new-car file, after-sales file, property unit), copied by hand.
DOMAIN_CODES = {
    "customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
    "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist", "other_proof",
    "reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test", "loss_assessment",
    "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo", "fault_report",
    "move_in", "renovation", "correspondence", "application",
}
AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
               "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
               "fault_report"}
UNIT = {"move_in", "renovation", "correspondence", "application"}
JOBS = {"minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    a = generate(20261301, 6, tmp_path_factory.mktemp("a"))
    b = generate(20261301, 6, tmp_path_factory.mktemp("b"))
    return a, b


def _truths(files: list[Path]) -> list[FileTruth]:
    return [load_truth(f) for f in files]


def test_same_seed_same_bytes_and_truth(corpus: tuple[list[Path], list[Path]]) -> None:
    a, b = corpus
    assert [p.name for p in a] == [p.name for p in b]
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
        assert load_truth(x) == load_truth(y)


def test_count_and_family(corpus: tuple[list[Path], list[Path]]) -> None:
    truths = _truths(corpus[0])
    assert sum(len(t.documents) for t in truths) == 6
    assert all(t.family == "c" for t in truths)


def test_documents_cover_the_pages_and_belong_where_the_domain_says(corpus: tuple[list[Path], list[Path]]) -> None:
    for f, t in zip(corpus[0], _truths(corpus[0]), strict=True):
        assert f.exists() and t.file == f.name
        covered = [p for d in t.documents for p in d.pages]
        assert covered == list(range(1, len(t.pages) + 1)), f.name
        for d in t.documents:
            assert d.doc_type is None or d.doc_type in DOMAIN_CODES
            if d.doc_type in AFTER_SALES:
                assert d.visit and d.job_type in JOBS and d.dossier and d.dossier.kind == "car"
            else:
                assert d.visit is None and d.job_type is None
            if d.doc_type in UNIT:
                assert d.dossier and d.dossier.kind == "unit" and d.fields.get("unit", d.dossier.key) == d.dossier.key
            if "vin" in d.fields:
                assert d.dossier and d.dossier.key == d.fields["vin"]
            if "order_number" in d.fields:
                assert d.fields["order_number"] == d.visit
            if d.doc_type == "application":
                assert d.fields["subject"] in {"房门锁", "电话", "车位", "水牌", "客户加班"}


def test_boxes_lie_inside_their_pages(corpus: tuple[list[Path], list[Path]]) -> None:
    for t in _truths(corpus[0]):
        for d in t.documents:
            for box, page in [(s.box, s.page) for s in d.signatures] + [(s.box, s.page) for s in d.seals]:
                assert page in d.pages
                pg = t.pages[page - 1]
                x0, y0, x1, y1 = box
                assert 0 <= x0 < x1 <= pg.width and 0 <= y0 < y1 <= pg.height, (t.file, box, pg.width, pg.height)


def test_identifiers_carry_valid_check_digits(corpus: tuple[list[Path], list[Path]]) -> None:
    seen = 0
    for t in _truths(corpus[0]):
        for d in t.documents:
            f = d.fields
            if "vin" in f:
                assert len(f["vin"]) == 17 and not set(f["vin"]) & set("IOQ")
                assert ids.vin_check(f["vin"][:8] + "0" + f["vin"][9:]) == f["vin"][8]
                seen += 1
            if "id_number" in f:
                assert ids.id_check(f["id_number"][:17]) == f["id_number"][17]
            if "credit_code" in f:
                assert ids.credit_check(f["credit_code"][:17]) == f["credit_code"][17]
            if "mobile" in f:
                assert f["mobile"].isdigit() and len(f["mobile"]) == 11
    assert seen


def test_check_digits_match_published_examples() -> None:
    assert ids.vin_check("1M8GDM9A0KP042788") == "X"  # the textbook VIN 1M8GDM9AXKP042788
    assert ids.id_check("11010519491231002") == "X"  # GB 11643's example 11010519491231002X
    assert ids.credit_check("91350100M000100Y4") == "3"  # GB 32100's example 91350100M000100Y43


def test_traditional_mapping_changes_the_words_forms_print() -> None:
    assert to_hant("客户签字确认") == "客戶簽字確認"
    assert to_hant("关于维修结算单的联系函") == "關於維修結算單的聯繫函"


def test_cli_writes_family_c(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))
    assert main(["samples", "--family", "c", "--seed", "3", "--count", "2", str(tmp_path / "out")]) == 0
    truths = sorted((tmp_path / "out").glob("*.truth.json"))
    assert truths and all(load_truth(p).family == "c" for p in truths)
