"""Families h to m (samples/family_h … samples/family_m), each written apart to one truth contract:
deterministic, valid truth, the domain's codes, boxes on their pages, and ink, blanks and seals where the truth
puts them."""

from __future__ import annotations

import importlib
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import numpy as np
import pytest
from PIL import Image

from dossier.cli import main
from dossier.samples.truth import FileTruth, load_truth, truth_path

# The document codes of the domain (../shared/docs/domain.md, §1a and §1b), copied here as the reference.
CAR_CODES = {"customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
             "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
             "other_proof", "reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
             "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
             "fault_report"}
UNIT_CODES = {"move_in", "renovation", "correspondence", "application"}
AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
               "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
               "fault_report"}
JOBS = {"minor_repair", "first_service", "maintenance", "major_repair", "warranty_claim"}
SUBJECTS = {"房门锁", "电话", "车位", "水牌", "客户加班"}


# The families checked here, each with a province its new-energy plates are drawn for. All were written to
# this one test of the truth contract (families i to m by helpers who took family h's test as their pattern).
PROVINCE = {"h": "川", "i": "浙", "j": "闽", "k": "鄂", "l": "湘", "m": "皖"}


def _ids(family: str) -> Any:
    return importlib.import_module(f"dossier.samples.family_{family}.ids")


def _generate(family: str) -> Callable[[int, int, Path], list[Path]]:
    return cast(Callable[[int, int, Path], list[Path]],
                importlib.import_module(f"dossier.samples.family_{family}.make").generate)


@pytest.fixture(scope="module", params=sorted(PROVINCE))
def family(request: pytest.FixtureRequest) -> str:
    return cast(str, request.param)


@pytest.fixture(scope="module")
def run(family: str, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _generate(family)(7, 4, tmp_path_factory.mktemp(family))


def test_same_seed_same_bytes_and_truth(family: str, run: list[Path], tmp_path: Path) -> None:
    generate = _generate(family)
    again = generate(7, 4, tmp_path)
    assert [p.name for p in again] == [p.name for p in run]
    for a, b in zip(run, again, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert truth_path(a).read_text(encoding="utf-8") == truth_path(b).read_text(encoding="utf-8")
    other = generate(8, 1, tmp_path / "other")
    assert other[0].read_bytes() != run[0].read_bytes()


def test_truth_is_valid_and_uses_the_domains_codes(family: str, run: list[Path]) -> None:
    docs = 0
    for f in run:
        t = load_truth(f)
        assert t.family == family and t.file == f.name
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
            for s in d.signatures:
                assert s.role in ("customer", "staff") and s.label
                assert (s.status == "signed") == (s.source is not None) == (s.ink is not None)
                assert s.status == "blank" or s.mark is None
    assert docs >= 4


def test_identifiers_carry_valid_check_digits(family: str, run: list[Path]) -> None:
    ids = _ids(family)
    seen = 0
    for f in run:
        for d in load_truth(f).documents:
            if d.dossier and d.dossier.kind == "car":
                assert ids.vin_check(d.dossier.key) == d.dossier.key[8]
                assert not set("IOQ") & set(d.dossier.key)
            fl = d.fields
            if "vin" in fl:
                assert d.dossier and fl["vin"] == d.dossier.key
            if "unit" in fl:
                assert d.dossier and fl["unit"] == d.dossier.key
            if "id_number" in fl:
                assert ids.id_check(fl["id_number"][:17]) == fl["id_number"][17]
            if "credit_code" in fl:
                assert ids.credit_check(fl["credit_code"][:17]) == fl["credit_code"][17]
            if "mobile" in fl:
                assert re.fullmatch(r"1[3-9]\d{9}", fl["mobile"])
            if "landline" in fl:
                assert re.fullmatch(r"0\d{1,3}-\d{7,8}", fl["landline"])
            if "date" in fl:
                assert re.fullmatch(r"\d{4}-\d\d-\d\d", fl["date"]) and fl["date"] <= "2026-12-31"
            if "amount" in fl:
                assert re.fullmatch(r"\d+\.\d\d", fl["amount"])
            if "plate" in fl:
                assert re.fullmatch(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}", fl["plate"])
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
            if "amount" in d.fields:
                yuan = d.fields["amount"].split(".")[0]
                assert yuan in text.replace(",", ""), (f.name, d.fields["amount"])
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
    assert sigs


def _upright_pages(f: Path, t: FileTruth, tmp: Path) -> list[Image.Image]:
    if f.suffix == ".pdf":
        subprocess.run(["pdftoppm", "-r", str(t.pages[0].dpi), "-png", str(f), str(tmp / f.stem)], check=True)
        raw: list[Image.Image] = [Image.open(p) for p in sorted(tmp.glob(f.stem + "-*.png"))]
    else:
        src = Image.open(f)
        raw = []
        for k in range(getattr(src, "n_frames", 1)):
            src.seek(k)
            raw.append(src.copy())
    out = []
    for pt, im in zip(t.pages, raw, strict=True):
        up = im.convert("RGB").rotate(-pt.rotation, expand=True)
        if up.size != (pt.width, pt.height):  # the PDF rasteriser may round the page by a pixel
            assert abs(up.width - pt.width) <= 2 and abs(up.height - pt.height) <= 2
            up = up.resize((pt.width, pt.height))
        out.append(up)
    return out


def test_ink_blanks_and_seals_are_where_the_truth_says(run: list[Path], tmp_path: Path) -> None:
    signed = blank = stamped = 0
    for f in run:
        if f.suffix == ".pdf" and not shutil.which("pdftoppm"):
            continue
        t = load_truth(f)
        pages = _upright_pages(f, t, tmp_path)
        for d in t.documents:
            for s in d.signatures:
                pt = t.pages[s.page - 1]
                if s.under_seal or any(n.startswith(("photo", "skew")) and abs(float(n.split()[1] if n.startswith("skew")
                                                                                     else 9)) > 1.0 for n in pt.degradations):
                    continue
                m = max(2, int(pt.dpi / 25.4 * 1.2))  # keep clear of the field's own rules
                x0, y0, x1, y1 = s.box
                crop = np.asarray(pages[s.page - 1].convert("L").crop((x0 + m, y0 + m, x1 - m, y1 - m)), dtype=np.float32)
                dark = float((crop < 150).mean())
                if s.status == "signed":
                    assert dark > 0.004, (f.name, s.label, dark)
                    signed += 1
                elif s.mark is None:
                    assert dark < 0.004, (f.name, s.label, dark)
                    blank += 1
            for st in d.seals:
                rgb = np.asarray(pages[st.page - 1].crop(st.box), dtype=np.float32)
                if st.colour == "red":  # even a faint impression is red
                    inked = rgb[..., 0] - (rgb[..., 1] + rgb[..., 2]) / 2 > 25
                else:  # grey on a copy, black on a bilevel scan, unless washed out
                    inked = rgb.mean(axis=2) < 200
                if st.visible >= 0.3:
                    assert float(inked.mean()) > 0.01, (f.name, st.text)
                    stamped += 1
    assert signed + blank


def test_many_identifiers_check(family: str) -> None:
    import random
    ids = _ids(family)
    rng = random.Random(1)
    for _ in range(200):
        v = ids.vin(rng, "LSV")
        assert len(v) == 17 and ids.vin_check(v) == v[8]
        n = ids.id_number(rng, "310104")
        assert ids.id_check(n[:17]) == n[17]
        p = ids.plate(rng, PROVINCE[family], "A", True)
        assert len(p) == 8
    assert ids.vin_check("1M8GDM9AXKP042788") == "X"  # the textbook example
    assert ids.id_check("11010519491231002") == "X"  # GB 11643's example
    assert ids.credit_check("91350100M000100Y4") == "3"  # a published code, 91350100M000100Y43


def test_cli_writes_the_family(family: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    assert main(["samples", "--family", family, "--seed", "2", "--count", "1", str(tmp_path)]) == 0
    truths = list(tmp_path.glob("*.truth.json"))
    assert truths and all(load_truth(t).family == family for t in truths)
