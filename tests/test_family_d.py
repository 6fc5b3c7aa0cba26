"""Family d (samples/family_d): deterministic, valid truth, the domain's codes, boxes on their pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dossier.samples.family_d.make import generate
from dossier.samples.truth import load_truth

# The document codes of docs/domain.md (§1a new-car and after-sales, §1b unit).
DOMAIN_CODES = {
    "customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
    "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
    "other_proof", "reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
    "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
    "fault_report", "move_in", "renovation", "correspondence", "application",
}
AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
               "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
               "fault_report"}
UNIT = {"move_in", "renovation", "correspondence", "application"}
JOBS = {"minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim"}


def _vin_ok(v: str) -> bool:
    letters = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9], strict=True))
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    if not re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", v):
        return False
    r = sum((letters[c] if c.isalpha() else int(c)) * w for c, w in zip(v, weights, strict=True)) % 11
    return v[8] == ("X" if r == 10 else str(r))


def _id_ok(n: str) -> bool:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return bool(re.fullmatch(r"\d{17}[\dX]", n)) and n[17] == "10X98765432"[sum(int(c) * w for c, w in zip(n, weights, strict=False)) % 11]


def _credit_ok(c: str) -> bool:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    if len(c) != 18 or any(ch not in chars for ch in c):
        return False
    r = 31 - sum(chars.index(ch) * w for ch, w in zip(c, weights, strict=False)) % 31
    return c[17] == chars[0 if r == 31 else r]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(5, 10, tmp_path_factory.mktemp("d"))


def test_same_seed_same_bytes_and_truth(tmp_path: Path) -> None:
    a = generate(3, 4, tmp_path / "a")
    b = generate(3, 4, tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
        assert load_truth(x) == load_truth(y)
    c = generate(4, 4, tmp_path / "c")
    assert [load_truth(p).documents for p in c] != [load_truth(p).documents for p in a]


def test_truth_is_valid_and_uses_the_domain(corpus: list[Path]) -> None:
    n_docs = 0
    for path in corpus:
        t = load_truth(path)
        assert t.family == "d" and t.file == path.name
        assert [p.index for p in t.pages] == list(range(1, len(t.pages) + 1))
        covered = sorted(p for d in t.documents for p in d.pages)
        assert covered == [p.index for p in t.pages]  # every page belongs to exactly one document
        for d in t.documents:
            n_docs += 1
            assert d.doc_type is None or d.doc_type in DOMAIN_CODES
            if d.doc_type is None:
                assert d.dossier is None and not d.signatures
                continue
            assert d.dossier is not None
            if d.doc_type in UNIT:
                assert d.dossier.kind == "unit" and d.fields.get("unit", d.dossier.key) is not None
            else:
                assert d.dossier.kind == "car" and _vin_ok(d.dossier.key)
            if d.doc_type in AFTER_SALES:
                assert d.visit and d.job_type in JOBS
            else:
                assert d.visit is None and d.job_type is None
            if "vin" in d.fields:
                assert d.fields["vin"] == d.dossier.key
            if "id_number" in d.fields:
                assert _id_ok(d.fields["id_number"])
            if "credit_code" in d.fields:
                assert _credit_ok(d.fields["credit_code"])
            if "date" in d.fields:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.fields["date"])
            if "mobile" in d.fields:
                assert re.fullmatch(r"1\d{10}", d.fields["mobile"])
            if "plate" in d.fields:  # Simplified province, city letter, 5 places (6 on new-energy plates)
                assert re.fullmatch(r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}",
                                    d.fields["plate"])
            if "landline" in d.fields:
                assert re.fullmatch(r"0\d{2,3}-\d{7,8}", d.fields["landline"])
            if "amount" in d.fields:
                assert re.fullmatch(r"\d+\.\d{2}", d.fields["amount"])
            assert d.seal == bool(d.seals)
    assert n_docs >= 10


def test_boxes_lie_inside_their_pages(corpus: list[Path]) -> None:
    seen = 0
    for path in corpus:
        t = load_truth(path)
        size = {p.index: (p.width, p.height) for p in t.pages}
        for d in t.documents:
            for page, box in [(s.page, s.box) for s in d.signatures] + [(s.page, s.box) for s in d.seals]:
                assert page in d.pages
                w, h = size[page]
                x0, y0, x1, y1 = box
                assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, (path.name, box)
                seen += 1
            for s in d.signatures:
                assert s.label and (s.status == "signed") == (s.source is not None)
    assert seen > 0


def test_signature_fields_do_not_overlap(corpus: list[Path]) -> None:
    """Each field is its own place to sign: two fields of a page never share their blank."""
    for path in corpus:
        for d in load_truth(path).documents:
            for i, a in enumerate(d.signatures):
                for b in d.signatures[i + 1:]:
                    if a.page != b.page:
                        continue
                    w = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
                    h = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
                    smaller = min((a.box[2] - a.box[0]) * (a.box[3] - a.box[1]), (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]))
                    assert max(0, w) * max(0, h) <= 0.1 * smaller, (path.name, a.label, b.label)


def test_signed_fields_carry_ink_in_their_box_and_blank_ones_none() -> None:
    """The truth box is where the pen went: ink inside it when signed, nothing there when blank."""
    import random

    import numpy as np

    from dossier.samples.family_d import plan, press, sites

    rng = random.Random(17)
    checked = {"signed": 0, "blank": 0}
    for k in range(6):
        site = sites.dealer(rng) if k % 2 == 0 else sites.property_office(rng)
        docs = plan.visit(rng, site, False) if site.kind == "car" else plan.unit_batch(rng, site, False)
        for d in docs:
            if not d.pages:
                continue
            d.seals.clear()  # a seal over a field would be ink of another kind
            before = [np.asarray(sh.img, dtype=np.int16) for sh in d.pages]
            sigs, _ = press.finish(d, rng, 0.4)
            for page, sh in enumerate(d.pages):
                changed = np.abs(np.asarray(sh.img, dtype=np.int16) - before[page]).max(axis=2) > 40
                covered = np.zeros_like(changed)
                for s in (s for s in sigs if s.page == page):
                    x0, y0, x1, y1 = s.box
                    inside = int(changed[y0:y1, x0:x1].sum())
                    if s.status == "signed":
                        assert inside > 20, (d.code, s.label)
                        checked["signed"] += 1
                    elif s.mark is None:
                        assert inside == 0, (d.code, s.label)
                        checked["blank"] += 1
                    covered[y0:y1, x0:x1] = True
                assert changed[~covered].sum() <= 0.02 * max(1, changed.sum()), d.code  # no ink outside the fields
    assert checked["signed"] and checked["blank"]


def test_traditional_pages_print_traditional() -> None:
    import random

    from dossier.samples.family_d import plan, sites
    from dossier.samples.family_d.sheet import hant

    rng = random.Random(4)
    docs = plan.visit(rng, sites.dealer(rng), True)
    for d in docs:
        if d.title:
            assert d.title == hant(d.title)
        if "name" in d.fields:
            assert d.fields["name"] == hant(d.fields["name"])
        for sh in d.pages:
            text = "\n".join(sh.lines())
            assert text == hant(text)
            assert "车" not in text  # the Simplified form of a character every workshop form prints


def test_cli_writes_family_d(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DOSSIER_HOME", str(tmp_path / "home"))
    out = tmp_path / "out"
    assert main(["samples", "--family", "d", "--seed", "2", "--count", "2", str(out)]) == 0
    truths = sorted(out.glob("*.truth.json"))
    assert truths and all(load_truth(p).family == "d" for p in truths)
