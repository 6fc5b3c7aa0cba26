"""The sample-scan generator: deterministic, covers every document type, and its truth matches its files."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dossier.classify.hanzi import script_of
from dossier.classify.keys import is_valid_id_number, is_valid_plate, is_valid_vin
from dossier.ingest.pdf import pdf_info
from dossier.policy import Policy
from dossier.samples.content import id_is_valid, vin_is_valid
from dossier.samples.generate import generate, main
from dossier.samples.render import Sheet
from dossier.samples.truth import FileTruth, load_truth, truth_path

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = [ROOT / "tests" / "data", ROOT / "samples" / "scans"]


def page_count(path: Path) -> int:
    if path.suffix == ".pdf":
        return pdf_info(path).pages
    with Image.open(path) as im:
        return getattr(im, "n_frames", 1)


def page_sizes(path: Path) -> list[tuple[int, int]]:
    if path.suffix == ".pdf":
        return []  # PDF pages are checked by count; their images are what Pillow wrote
    sizes = []
    with Image.open(path) as im:
        for i in range(getattr(im, "n_frames", 1)):
            im.seek(i)
            sizes.append(im.size)
    return sizes


def truths(folder: Path) -> list[tuple[Path, FileTruth]]:
    out = []
    for t in sorted(folder.glob("*.truth.json")):
        truth = load_truth(t)
        out.append((t.parent / truth.file, truth))
    return out


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, FileTruth]]:
    """A noisy run of 40 documents: enough that every document type appears."""
    out = tmp_path_factory.mktemp("samples")
    files = generate(out, seed=2024, count=40, noisy=True)
    assert files and all(f.exists() and truth_path(f).exists() for f in files)
    return truths(out)


def test_same_seed_gives_the_same_bytes_and_another_seed_does_not(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", seed=11, count=5)
    b = generate(tmp_path / "b", seed=11, count=5)
    c = generate(tmp_path / "c", seed=12, count=5)
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_count_is_the_number_of_documents(batch: list[tuple[Path, FileTruth]]) -> None:
    assert sum(len(t.documents) for _, t in batch) == 40


def test_every_document_type_appears(batch: list[tuple[Path, FileTruth]], policy: Policy) -> None:
    seen = {d.doc_type for _, t in batch for d in t.documents}
    assert set(policy.doc_types) <= seen


def test_truth_pages_match_the_files(batch: list[tuple[Path, FileTruth]]) -> None:
    for path, t in batch + [x for folder in COMMITTED for x in truths(folder)]:
        n = page_count(path)
        assert [p.index for p in t.pages] == list(range(1, n + 1)), path.name
        covered = [i for d in t.documents for i in d.pages]
        assert covered == list(range(1, n + 1)), path.name  # documents tile the file in order
        for size, p in zip(page_sizes(path), t.pages, strict=False):
            upright = size if p.rotation in (0, 180) else size[::-1]
            assert upright == (p.width, p.height), (path.name, p.index)
        for d in t.documents:
            first = t.pages[d.pages[0] - 1]
            assert not first.continuation and all(t.pages[i - 1].continuation for i in d.pages[1:])
            assert all(t.pages[i - 1].doc_type == d.doc_type for i in d.pages)
            marks: list[tuple[int, tuple[int, int, int, int]]] = [(s.page, s.box) for s in d.signatures]
            for page, box in marks + [(s.page, s.box) for s in d.seals]:
                assert page in d.pages
                pg = t.pages[page - 1]
                x0, y0, x1, y1 = box
                assert -5 <= x0 < x1 <= pg.width + 5 and -5 <= y0 < y1 <= pg.height + 5, (path.name, box)
            if d.doc_type:
                assert d.title and d.title in t.pages[d.pages[0] - 1].text, (path.name, d.title)


def test_keys_in_truth_validate(batch: list[tuple[Path, FileTruth]]) -> None:
    counts: Counter[str] = Counter()
    for _, t in batch:
        for d in t.documents:
            f = d.fields
            if "vin" in f:
                assert vin_is_valid(f["vin"]) and is_valid_vin(f["vin"]), f["vin"]
                assert d.dossier and d.dossier.kind == "car" and d.dossier.key == f["vin"]
                counts["vin"] += 1
            if "id_number" in f:
                assert id_is_valid(f["id_number"]) and is_valid_id_number(f["id_number"]), f["id_number"]
                counts["id"] += 1
            if "plate" in f:
                assert is_valid_plate(f["plate"]), f["plate"]
                counts["plate"] += 1
            if "unit" in f:
                assert d.dossier and d.dossier.kind == "unit" and d.dossier.key == f["unit"]
            if d.visit:
                assert f.get("order_number", d.visit) == d.visit  # one work-order number per visit
    assert counts["vin"] and counts["id"] and counts["plate"]


def test_printed_values_are_on_the_page(batch: list[tuple[Path, FileTruth]]) -> None:
    """Keys in the truth are printed where the truth says, not invented."""
    for _, t in batch:
        for d in t.documents:
            text = "".join(t.pages[i - 1].text for i in d.pages).replace(" ", "")
            for key in ("vin", "invoice_number", "order_number", "unit"):
                if key in d.fields:
                    assert d.fields[key] in text, (d.doc_type, key)


def test_signature_fields_are_signed_and_blank_and_seals_appear(batch: list[tuple[Path, FileTruth]]) -> None:
    sigs = [s for _, t in batch for d in t.documents for s in d.signatures]
    statuses = Counter(s.status for s in sigs)
    assert statuses["signed"] and statuses["blank"]
    assert {s.source for s in sigs if s.status == "signed"} >= {"synthetic"}
    assert any(s.mark for s in sigs if s.status == "blank")  # hard negatives in blank fields
    sealed = Counter(d.doc_type for _, t in batch for d in t.documents if d.seal)
    assert sealed["purchase_invoice"] or sealed["sales_contract"]


def test_traditional_pages_are_traditional(batch: list[tuple[Path, FileTruth]]) -> None:
    pages = [(t.pages[i - 1].text, d) for folder in COMMITTED for _, t in truths(folder)
             for d in t.documents if d.script == "hant" for i in d.pages]
    assert pages, "the committed sets hold Traditional pages"
    for text, d in pages:
        assert script_of(text) in ("hant", "neutral"), (d.doc_type, [c for c in text if script_of(c) == "hans"])


def test_committed_test_data_covers_every_type(policy: Policy) -> None:
    data = truths(ROOT / "tests" / "data")
    assert 10 <= len(data) <= 14
    assert set(policy.doc_types) <= {d.doc_type for _, t in data for d in t.documents}
    assert None in {d.doc_type for _, t in data for d in t.documents}  # one image is no document at all
    for folder in COMMITTED:
        files = [p for p in folder.iterdir() if p.is_file()]
        assert sum(p.stat().st_size for p in files) < 3_000_000, folder
        assert all(truth_path(p).exists() for p in files if not p.name.endswith(".truth.json"))


def test_cli_writes_and_cleans_only_its_own_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keep = tmp_path / "notes.txt"
    keep.write_text("not generated")
    assert main(["--seed", "3", "--count", "2", str(tmp_path)]) == 0
    first = set(capsys.readouterr().out.split())
    assert first and all(Path(f).exists() for f in first)
    assert main(["--seed", "4", "--count", "1", "--clean", str(tmp_path)]) == 0
    second = set(capsys.readouterr().out.split())
    left = {p.name for p in tmp_path.iterdir()}
    assert keep.exists()
    assert left == {"notes.txt"} | {Path(f).name for f in second} | {truth_path(Path(f)).name for f in second}


@pytest.mark.parametrize("hand", [False, True])
def test_a_long_value_is_set_smaller_rather_than_over_the_next_label(hand: bool) -> None:
    """A long company name once ran under the next cell's label (…有限公 + 联系电话 over 司): no reader
    could see its last character. It is set smaller to fit its cell instead, as form software does."""
    sheet = Sheet(random.Random(3), 200)
    company = "东润丰商务服务（杭州）有限公司"
    sheet.fields([[("客户姓名", company), ("联系电话", "19984645413")]], hand=hand)
    value = next(w for w in sheet.words[0] if w.text == company)
    label = next(w for w in sheet.words[0] if w.text == "联系电话")
    assert value.box[2] < label.box[0]
    short = Sheet(random.Random(3), 200)
    short.fields([[("客户姓名", "张三"), ("联系电话", "19984645413")]], hand=hand)
    name = next(w for w in short.words[0] if w.text == "张三")
    assert name.box[3] - name.box[1] > value.box[3] - value.box[1]  # only the long one was made smaller


def test_a_black_and_white_scan_records_how_much_of_each_seal_it_kept() -> None:
    """A scanner threshold above the seal's red keeps it; one below it washes the seal out, print
    under the seal not counting as the seal's ink."""
    from dossier.policy import default_policy
    from dossier.samples.content import make_car_file
    from dossier.samples.generate import DocSpec, _visible, ink, render_document

    for seed in range(10):
        rng = random.Random(seed)
        doc = DocSpec("sales_contract", car=make_car_file(rng))
        sheet, ctx = render_document(doc, rng, 200, default_policy())
        _signatures, seals = ink(sheet, ctx, doc, rng)
        if seals:
            break
    seal = seals[0]
    page = sheet.pages[seal.page]
    grey = page.convert("L")
    kept = grey.point(lambda v: 0 if v < 230 else 255)
    washed = grey.point(lambda v: 0 if v < 40 else 255)
    assert _visible(seal, kept, np.eye(3), page.size) > 0.9
    assert _visible(seal, washed, np.eye(3), page.size) < 0.1
