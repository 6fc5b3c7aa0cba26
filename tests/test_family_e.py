"""Family e (samples/family_e): same seed same bytes, truth that validates against the domain, boxes on pages."""

from __future__ import annotations

import random
import re
from pathlib import Path

import numpy as np
import pytest

from dossier.samples.family_e.make import generate
from dossier.samples.truth import load_truth

CAR_NEW = {"customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
           "other_proof"}
CAR_VISIT = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
             "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
             "fault_report"}
UNIT = {"move_in", "renovation", "correspondence", "application"}
JOB_TYPES = {"minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim"}
SUBJECTS = {"房门锁", "电话", "车位", "水牌", "客户加班"}


def vin_valid(v: str) -> bool:
    value = {c: i for i, c in enumerate("0123456789")}
    value.update(zip("ABCDEFGH", range(1, 9), strict=True))
    value.update(zip("JKLMN", range(1, 6), strict=True))
    value.update({"P": 7, "R": 9})
    value.update(zip("STUVWXYZ", range(2, 10), strict=True))
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    if len(v) != 17 or any(c not in value for c in v):
        return False
    r = sum(value[c] * w for c, w in zip(v, weights, strict=True)) % 11
    return v[8] == "0123456789X"[r]


def id_valid(n: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", n):
        return False
    s = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(n[:17]))
    return n[17] == "10X98765432"[s % 11]


def credit_valid(c: str) -> bool:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    if len(c) != 18 or any(ch not in alphabet for ch in c):
        return False
    s = sum(alphabet.index(ch) * (3 ** i % 31) for i, ch in enumerate(c[:17]))
    return alphabet.index(c[17]) == (31 - s % 31) % 31


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(11, 12, tmp_path_factory.mktemp("e"))


def test_a_seed_writes_the_same_bytes_and_truth(tmp_path: Path) -> None:
    a = generate(2, 3, tmp_path / "a")
    b = generate(2, 3, tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes(), x.name
        assert load_truth(x) == load_truth(y)
    other = generate(3, 3, tmp_path / "c")
    assert [load_truth(p).documents for p in other] != [load_truth(p).documents for p in a]


def test_truth_follows_the_domain(corpus: list[Path]) -> None:
    docs = 0
    for path in corpus:
        t = load_truth(path)
        assert t.family == "e" and t.file == path.name and path.exists()
        assert [p.index for p in t.pages] == list(range(1, len(t.pages) + 1))
        assert sorted(i for d in t.documents for i in d.pages) == [p.index for p in t.pages]
        for d in t.documents:
            docs += 1
            assert d.seal == bool(d.seals)
            if d.doc_type is None:  # a photograph that is no document
                assert d.dossier is None and not d.signatures and not d.fields
                continue
            assert d.doc_type in CAR_NEW | CAR_VISIT | UNIT
            assert d.dossier is not None
            if d.doc_type in UNIT:
                assert d.dossier.kind == "unit"
                assert d.fields.get("unit", d.dossier.key) == d.dossier.key
                assert (d.doc_type == "application") == ("subject" in d.fields)
                assert d.fields.get("subject", "房门锁") in SUBJECTS
            else:
                assert d.dossier.kind == "car" and vin_valid(d.dossier.key)
                assert d.fields.get("vin", d.dossier.key) == d.dossier.key
            if d.doc_type in CAR_VISIT:
                assert d.visit and d.job_type in JOB_TYPES
                assert d.fields.get("order_number", d.visit) == d.visit
                assert d.fields.get("job_type", d.job_type) == d.job_type
            else:
                assert d.visit is None and d.job_type is None
            f = d.fields
            assert id_valid(f.get("id_number", "11010519491231002X"))
            assert credit_valid(f.get("credit_code", "91350100M000100Y43"))
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", f.get("date", "2024-01-01"))
            assert re.fullmatch(r"1[3-9]\d{9}", f.get("mobile", "13800000000"))
            assert re.fullmatch(r"0\d{2,3}-[2-9]\d{6,7}", f.get("landline", "021-62345678"))
            assert re.fullmatch(r"\d+\.\d\d", f.get("amount", "1.00"))
            assert re.fullmatch(r"[京沪粤苏浙川鄂鲁闽陕][A-Z][A-Z0-9]{5,6}", f.get("plate", "沪A12345"))
    assert docs >= 12


def test_the_helpers_accept_known_good_numbers() -> None:
    """The checks above reject what they should: published examples pass, a changed digit fails."""
    assert vin_valid("1M8GDM9AXKP042788") and not vin_valid("1M8GDM9A1KP042788")
    assert id_valid("11010519491231002X") and not id_valid("110105194912310021")
    assert credit_valid("91350100M000100Y43") and not credit_valid("91350100M000100Y44")


def test_boxes_lie_on_their_pages_and_signatures_are_varied(corpus: list[Path]) -> None:
    statuses, labels = set(), set()
    for path in corpus:
        t = load_truth(path)
        size = {p.index: (p.width, p.height) for p in t.pages}
        for d in t.documents:
            for s in d.signatures:
                assert s.page in d.pages and s.role in ("customer", "staff") and s.label
                assert (s.status == "signed") == (s.source is not None) == (s.ink is not None)
                assert s.mark is None or s.status == "blank"
                statuses.add(s.status)
                labels.add(s.label)
            for page, (x0, y0, x1, y1) in [(s.page, s.box) for s in d.signatures] + [(s.page, s.box) for s in d.seals]:
                w, h = size[page]
                assert 0 <= x0 < x1 <= w and 0 <= y0 < y1 <= h, (path.name, (x0, y0, x1, y1))
    assert statuses == {"signed", "blank"} and len(labels) >= 10


def test_a_signed_field_has_ink_in_its_box_and_a_clean_blank_none() -> None:
    from dossier.samples.family_e import aftersales, ink, sites, subjects

    rng = random.Random(5)
    seen = {"signed": 0, "blank": 0}
    for k in range(10):
        site = sites.make_site(rng, "car")
        car = subjects.car(rng, site.region)
        v = subjects.visit(rng, car, site.order_style)
        doc = aftersales.build(["reception_sheet", "work_order", "free_inspection_12", "road_test", "estimate"][k % 5], site, rng,
                               150, False, car, v)
        doc.seals.clear()  # a stamp is ink of another kind
        before = [np.asarray(p.img, dtype=np.int16) for p in doc.pages]
        inked = ink.ink(rng, doc)
        for st, slot in inked.signatures:
            x0, y0, x1, y1 = slot.box
            after = np.asarray(inked.images[slot.page], dtype=np.int16)
            changed = int((np.abs(after - before[slot.page]).max(axis=2)[y0:y1, x0:x1] > 40).sum())
            if st.status == "signed":
                assert changed > 30, st.label
            elif st.mark is None:
                assert changed == 0, st.label
            seen[st.status] += 1 if st.mark is None or st.status == "signed" else 0
    assert seen["signed"] and seen["blank"]


def test_traditional_pages_are_traditional_throughout(corpus: list[Path]) -> None:
    from dossier.samples.family_e.script import hant

    for path in corpus:
        t = load_truth(path)
        for d in t.documents:
            if d.script != "hant":
                continue
            for i in d.pages:
                text = t.pages[i - 1].text
                assert text == hant(text)
            assert all(s.label == hant(s.label) for s in d.signatures)


def test_dossier_samples_family_e(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    assert main(["samples", str(tmp_path), "--family", "e", "--seed", "9", "--count", "2"]) == 0
    written = sorted(p for p in tmp_path.iterdir() if not p.name.endswith(".json"))
    assert written and all(load_truth(p).family == "e" for p in written)
