"""Family B sample scans: deterministic, valid truth, boxes on the page, valid numbers, varied titles."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from samples.family_b import cases, docs, ids
from samples.family_b.make import generate
from samples.truth import FileTruth, load_truth


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("famb")
    generate(5, 8, out)
    return out


def test_same_seed_same_bytes(small: Path, tmp_path: Path) -> None:
    generate(5, 8, tmp_path)
    a = sorted(p.name for p in small.iterdir())
    assert a == sorted(p.name for p in tmp_path.iterdir())
    for name in a:
        assert (small / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_truth_validates_and_boxes_lie_on_pages(small: Path) -> None:
    truths = [load_truth(p) for p in small.glob("*.truth.json")]
    assert truths
    for t in truths:
        FileTruth.model_validate(t.model_dump())
        assert t.family == "b"
        assert (small / t.file).is_file()
        sizes = {p.index: (p.width, p.height) for p in t.pages}
        covered = sorted(i for d in t.documents for i in d.pages)
        assert covered == list(range(1, len(t.pages) + 1))
        for d in t.documents:
            placed = [(s.page, s.box) for s in d.signatures] + [(s.page, s.box) for s in d.seals]
            for page, b in placed:
                w, h = sizes[page]
                assert 0 <= b[0] < b[2] <= w + 2 and 0 <= b[1] < b[3] <= h + 2, (t.file, b, w, h)


def test_check_digits() -> None:
    rng = random.Random(3)
    for _ in range(200):
        assert ids.vin_valid(ids.make_vin(rng))
        c = cases.person(rng, "沪")
        assert ids.id_valid(c.id_number)
    assert ids.vin_valid("1M8GDM9AXKP042788")
    assert ids.id_valid("11010519491231002X")


def test_truth_numbers_are_valid(small: Path) -> None:
    for p in small.glob("*.truth.json"):
        for d in load_truth(p).documents:
            if "vin" in d.fields:
                assert ids.vin_valid(d.fields["vin"])
            if "id_number" in d.fields:
                assert ids.id_valid(d.fields["id_number"])
            if d.dossier and d.dossier.kind == "car":
                assert ids.vin_valid(d.dossier.key)


def test_many_titles_per_type() -> None:
    rng = random.Random(11)
    seen: dict[str, set[str]] = defaultdict(set)
    for _ in range(60):
        c = cases.car(rng)
        for f in (docs.customer_card, docs.sales_contract, docs.delivery_checklist, docs.value_added, docs.pdi,
                  docs.insurance):
            s = f(rng, c)
            seen[s.doc_type or ""].add(s.title or "")
        v = cases.visit(rng, c, "minor_repair", c.delivered)
        for t in ("reception_sheet", "work_order", "settlement", "free_inspection_12", "estimate", "road_test"):
            seen[t].add(docs.after_sales(rng, t, c, v).title or "")
        u = cases.unit(rng)
        for t in ("move_in", "renovation", "correspondence"):
            seen[t].add(docs.unit_doc(rng, t, u, u.moved_in).title or "")
    for t, titles in seen.items():
        assert len(titles) >= 4, (t, titles)
