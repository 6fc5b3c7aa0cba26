"""Family g (samples/family_g): deterministic, valid truth, the domain's codes, boxes on their pages, and ink
(or no ink) where the truth says a field is signed (or blank) and a seal is pressed."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader

from dossier.cli import main
from dossier.samples.family_g import ids
from dossier.samples.family_g.canvas import hant
from dossier.samples.family_g.make import generate
from dossier.samples.truth import FileTruth, load_truth, truth_path

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
    return generate(3, 6, tmp_path_factory.mktemp("g"))


def test_same_seed_same_bytes_and_truth(run: list[Path], tmp_path: Path) -> None:
    again = generate(3, 6, tmp_path)
    assert [p.name for p in again] == [p.name for p in run]
    for a, b in zip(run, again, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert truth_path(a).read_text(encoding="utf-8") == truth_path(b).read_text(encoding="utf-8")
    assert generate(4, 1, tmp_path / "other")[0].read_bytes() != run[0].read_bytes()


def test_truth_is_valid_and_uses_the_domains_codes(run: list[Path]) -> None:
    docs = 0
    for f in run:
        t = load_truth(f)
        assert t.family == "g" and t.file == f.name
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
            if "job_type" in d.fields:
                assert d.fields["job_type"] == d.job_type
            for s in d.signatures:
                assert s.role in ("customer", "staff") and s.label
    assert docs >= 6


def test_identifiers_carry_valid_check_digits(run: list[Path]) -> None:
    seen = 0
    for f in run:
        for d in load_truth(f).documents:
            if d.dossier and d.dossier.kind == "car":
                assert ids.vin_check(d.dossier.key) == d.dossier.key[8]
                assert not set("IOQ") & set(d.dossier.key)
            fl = d.fields
            if "vin" in fl:
                assert d.dossier is not None and fl["vin"] == d.dossier.key
            if "id_number" in fl:
                assert ids.id_check(fl["id_number"][:17]) == fl["id_number"][17]
            if "mobile" in fl:
                assert re.fullmatch(r"1[3-9]\d{9}", fl["mobile"])
            if "landline" in fl:
                assert re.fullmatch(r"0\d{2,3}-\d{7,8}", fl["landline"])
            if "date" in fl:
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", fl["date"])
            if "amount" in fl:
                assert re.fullmatch(r"\d+\.\d\d", fl["amount"])
            if "plate" in fl:
                assert re.fullmatch(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}", fl["plate"])
            seen += len(fl)
    assert seen


def test_many_identifiers_check() -> None:
    import random
    rng = random.Random(1)
    for _ in range(200):
        v = ids.vin(rng, "LSV")
        assert len(v) == 17 and ids.vin_check(v) == v[8] and not set("IOQ") & set(v)
        p = ids.plate(rng, ids.CITIES[0], electric=True)
        assert len(p) == 8
    assert ids.vin_check("1M8GDM9AXKP042788") == "X"  # the textbook example
    assert ids.id_check("11010519491231002") == "X"  # GB 11643's example
    assert ids.credit_check("91350100M000100Y4") == "3"  # a published code, 91350100M000100Y43


def test_printed_values_are_on_their_pages(run: list[Path]) -> None:
    """A field is only in the truth when its document prints it (wrapped lines and separators ignored)."""
    checked = 0
    for f in run:
        t = load_truth(f)
        for d in t.documents:
            flat = re.sub(r"[\s\-()（）/]", "", "".join(t.pages[p - 1].text for p in d.pages))
            for name, value in d.fields.items():
                if name in ("date", "amount", "job_type", "subject"):
                    continue
                target = re.sub(r"[\s\-]", "", value)
                # a plate's province is Simplified in the truth, printed in the page's script
                assert target in flat or (name == "plate" and hant(target) in flat), (f.name, name, value)
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


def _upright_pages(path: Path, t: FileTruth) -> list[Image.Image]:
    if t.format == "pdf":
        stored = [page.images[0].image for page in PdfReader(path).pages]
    else:
        im = Image.open(path)
        stored = []
        for k in range(getattr(im, "n_frames", 1)):
            im.seek(k)
            stored.append(im.copy())
    out = []
    for img, p in zip(stored, t.pages, strict=True):
        assert img is not None
        up = img.rotate(-p.rotation, expand=True) if p.rotation else img
        assert up.size == (p.width, p.height)
        out.append(up.convert("RGB"))
    return out


def _inner(arr: np.ndarray, box: tuple[int, int, int, int], shrink: float = 0.15) -> np.ndarray:
    x0, y0, x1, y1 = box
    dy = int((y1 - y0) * shrink)
    dx = min(int((x1 - x0) * shrink), 2 * dy)  # a wide field may hold its signature near one end
    return arr[y0 + dy:y1 - dy, x0 + dx:x1 - dx]


def test_ink_is_where_the_truth_says(run: list[Path]) -> None:
    """Signed fields hold ink, plain blank ones none; seals show red (or dark on copies) inside their boxes."""
    signed = blank = stamped = 0
    for f in run:
        t = load_truth(f)
        pages = _upright_pages(f, t)
        for d in t.documents:
            for s in d.signatures:
                p = t.pages[s.page - 1]
                skew = max([abs(float(x.split()[1])) for x in p.degradations if x.startswith("skew")] + [0.0])
                if skew > 1.2 or "photo" in p.degradations or s.under_seal or s.mark:
                    continue
                grey = np.asarray(pages[s.page - 1].convert("L"), dtype=np.float32)
                ink = float((_inner(grey, s.box) < 150).mean())
                if s.status == "signed":
                    assert ink > 0.004, (f.name, s)
                    signed += 1
                else:
                    assert ink < 0.004, (f.name, s)
                    blank += 1
            for seal in d.seals:
                p = t.pages[seal.page - 1]
                rgb = np.asarray(pages[seal.page - 1], dtype=np.float32)
                region = _inner(rgb, seal.box, 0.1)
                if seal.colour == "red":
                    share = float(((region[..., 0] - region[..., 2] > 25) & (region[..., 0] > 110)).mean())
                elif seal.visible < 0.3:
                    continue
                else:
                    share = float((region.mean(axis=2) < 200).mean())
                assert share > 0.01, (f.name, seal)
                stamped += 1
    assert signed and blank and stamped


def test_cli_writes_family_g(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    assert main(["samples", "--family", "g", "--seed", "2", "--count", "1", str(tmp_path)]) == 0
    truths = list(tmp_path.glob("*.truth.json"))
    assert truths and all(load_truth(t).family == "g" for t in truths)
