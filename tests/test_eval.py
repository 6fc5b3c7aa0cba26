"""`dossier eval`: the measures on hand-made inputs, and the command on real scans with real OCR."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dossier.checklist import dossier_checklists
from dossier.evaluate import (
    best_match,
    char_errors,
    check_floors,
    checklist_agreement,
    checklist_items,
    confusion,
    load_floors,
    pair_signatures,
    pair_visits,
    precision_recall,
    relabel,
    signature_score,
    threshold_sweep,
    visibly_sealed,
    visit_documents,
)
from dossier.models import DocumentResult, SignatureField, StoredDocument
from dossier.policy import Policy
from dossier.samples.truth import DocumentTruth, SealTruth, SignatureTruth
from dossier.workdays import WorkCalendar
from tests.conftest import ROOT
from tests.test_watch import fault_env

DATA = ROOT / "tests" / "data"


def run_eval(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossier.cli", "eval", *args], capture_output=True, text=True, timeout=1800,
        env={**os.environ, "DOSSIER_TODAY": "2026-11-28", **env}, cwd=ROOT,
    )


# --- the measures ------------------------------------------------------------------------------------------

def test_confusion_matrix_counts_by_true_then_predicted_type() -> None:
    m = confusion([("settlement", "settlement"), ("settlement", "work_order"), ("settlement", "settlement"),
                   (None, None), ("move_in", None)])
    assert m == {"move_in": {"none": 1}, "none": {"none": 1}, "settlement": {"settlement": 2, "work_order": 1}}


def test_precision_and_recall() -> None:
    pr = precision_recall([(True, True), (True, False), (False, True), (False, False), (True, True)])
    assert (pr.tp, pr.fp, pr.fn) == (2, 1, 1)
    assert pr.precision == pytest.approx(2 / 3) and pr.recall == pytest.approx(2 / 3)
    nothing = precision_recall([(False, False)])
    assert nothing.precision is None and nothing.recall is None  # not measured, not 0 or 100 %


def test_blank_signature_is_the_positive_class_and_uncertain_is_not_blank() -> None:
    s = signature_score([
        ("blank", "blank"),  # found
        ("blank", "uncertain"),  # a miss for recall, reported as uncertain
        ("blank", None),  # never judged (document mistyped): a miss too
        ("signed", "blank"),  # a false alarm
        ("signed", "uncertain"),  # not a false alarm
        ("signed", "signed"),
    ])
    assert (s.tp, s.fp, s.fn) == (1, 1, 2)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(1 / 3)
    assert s.uncertain == 2 and s.unjudged == 1
    # issue 18: of the real signatures, the share not called signed (a blank or an uncertain verdict alike)
    assert (s.signed_missed.count, s.signed_missed.total) == (2, 3)


def test_two_fields_of_one_role_are_two_judgements_paired_by_place() -> None:
    # A form asks the service adviser and the inspector (both staff) to sign; the generator drew it at
    # 300 dpi, the reader's page is 200 dpi. Each truth field takes the found field at its place, once.
    t = DocumentTruth(pages=[1], doc_type="work_order", signatures=[
        SignatureTruth(role="staff", label="服务顾问签字", status="signed", page=1, box=(300, 2400, 900, 2550)),
        SignatureTruth(role="staff", label="检验员签字", status="blank", page=1, box=(1500, 2400, 2100, 2550)),
        SignatureTruth(role="customer", label="客户签字", status="blank", page=1, box=(300, 3000, 900, 3150)),
    ])
    inspector = SignatureField(role="staff", label="检验员签字", status="blank", page=1, box=(1000, 1600, 1400, 1700))
    adviser = SignatureField(role="staff", label="服务顾问签字", status="signed", page=1, box=(200, 1600, 600, 1700),
                             required=False)
    pairs = pair_signatures(t, [inspector, adviser], {1: (2480, 3508)}, {1: (1654, 2339)})
    assert [(s.label, g.label if g else None) for s, g in pairs] == [
        ("服务顾问签字", "服务顾问签字"), ("检验员签字", "检验员签字"), ("客户签字", None)]
    # With only the required field found, the adviser's field is unjudged, not counted as the inspector's.
    pairs = pair_signatures(t, [inspector], {1: (2480, 3508)}, {1: (1654, 2339)})
    assert [g.label if g else None for _, g in pairs] == [None, "检验员签字", None]


def test_threshold_sweep_trades_wrong_answers_for_review() -> None:
    judged: list[tuple[str | None, str | None, float]] = [("settlement", "settlement", 0.95), ("invoice", "settlement", 0.68), ("invoice", "invoice", 0.7),
              (None, "id_copy", 0.55)]
    rows = {r.threshold: r for r in threshold_sweep(judged)}
    assert (rows[0.5].right, rows[0.5].wrong_confident, rows[0.5].review) == (0.5, 0.5, 0.0)
    # At 0.7 the two unsure wrong guesses wait for review (a non-document untyped is right), the sure right ones stay.
    assert (rows[0.7].right, rows[0.7].wrong_confident, rows[0.7].review) == (0.75, 0.0, 0.5)
    assert (rows[0.9].right, rows[0.9].wrong_confident, rows[0.9].review) == (0.5, 0.0, 0.75)


def test_character_errors_ignore_spaces_and_character_width() -> None:
    assert char_errors("客户签名：张三\n日期 2024-07-23", "客户签名:张 三 日期2024-07-23") == (0, 19)
    assert char_errors("车架号LBVKHJSZ9RB591950", "车架号LBVKHJSZ9R8591950") == (1, 20)  # B read as 8
    assert char_errors("交车检查表", "") == (5, 5)  # a page that could not be read: every character missed
    assert char_errors("合格", "合格证") == (1, 2)  # an extra character read is an error too


def test_a_truth_document_is_judged_on_the_document_sharing_most_of_its_pages() -> None:
    a = DocumentResult(source="f", pages=[1], status="filed")
    b = DocumentResult(source="f", pages=[2, 3, 4], status="filed")
    assert best_match([2, 3], [a, b]) is b
    assert best_match([1, 2], [a, b]) is a  # one page each: the one holding the first page
    assert best_match([5], [a, b]) is None


def doc(doc_type: str, visit: str | None = None, job: str | None = None) -> StoredDocument:
    return StoredDocument(source="x", doc_type=doc_type, status="filed", visit=visit,
                          fields={"job_type": job} if job else {})


def test_checklist_items_agree_item_by_item_and_a_spurious_visit_costs_its_items(policy: Policy) -> None:
    cal, today = WorkCalendar.load(None), date(2026, 11, 28)
    truth_docs = [doc("customer_card"), doc("sales_contract"),
                  doc("reception_sheet", "RO1", "maintenance"), doc("settlement", "RO1", "maintenance")]
    want = checklist_items("car", "VIN1", dossier_checklists("car", truth_docs, policy, cal, today))
    assert want[("car", "VIN1", None, "customer_card")] == "present"
    assert want[("car", "VIN1", None, "purchase_invoice")] == "missing"
    assert want[("car", "VIN1", "RO1", "work_order")] == "missing"

    same = checklist_items("car", "VIN1", dossier_checklists("car", truth_docs, policy, cal, today))
    right, wrong = checklist_agreement(want, same)
    assert right.value == 1.0 and not wrong

    # The settlement's order number misread: it makes a visit of its own, and RO1 lacks it.
    got_docs = truth_docs[:3] + [doc("settlement", "2026-01-05", "maintenance")]
    got = checklist_items("car", "VIN1", dossier_checklists("car", got_docs, policy, cal, today))
    right, wrong = checklist_agreement(want, got)
    n_visit = len(policy.kinds["car"].checklists["maintenance"].required)
    assert ("car", "VIN1", "RO1", "settlement") in wrong  # present in truth, missing as shown
    assert sum(k[2] == "2026-01-05" for k in wrong) == n_visit  # the spurious visit: every item wrong
    assert right.total == len(want) + n_visit and right.count == right.total - n_visit - 1


def test_a_visit_filed_whole_under_a_misread_number_is_judged_on_its_documents(policy: Policy) -> None:
    cal, today = WorkCalendar.load(None), date(2026, 11, 28)

    def visit(ids: list[int], number: str, docs: tuple[str, ...]) -> list[StoredDocument]:
        return [doc(t, number, "maintenance").model_copy(update={"id": i}) for i, t in zip(ids, docs, strict=True)]

    # Two visits of one car; the shown one read RO-1's number as R0-1, and split RO-2's settlement off
    # under the date it prints.
    truth_docs = visit([1, 2], "RO-1", ("reception_sheet", "settlement")) + visit([3, 4], "RO-2",
                                                                                   ("work_order", "settlement"))
    shown_docs = visit([1, 2], "R0-1", ("reception_sheet", "settlement")) + visit([3], "RO-2", ("work_order",)) \
        + visit([4], "2026-01-05", ("settlement",))
    want_lists = dossier_checklists("car", truth_docs, policy, cal, today)
    got_lists = dossier_checklists("car", shown_docs, policy, cal, today)
    want = checklist_items("car", "VIN1", want_lists)
    got = checklist_items("car", "VIN1", got_lists)

    labels = pair_visits(visit_documents("car", "VIN1", want_lists), visit_documents("car", "VIN1", got_lists))
    assert labels[("car", "VIN1", "R0-1")] == "RO-1"  # the same papers: the same visit to a clerk
    assert labels[("car", "VIN1", "RO-2")] == "RO-2"
    assert ("car", "VIN1", "2026-01-05") not in labels  # RO-2 is taken by the part holding its work order
    by_label, _ = checklist_agreement(want, got)
    right, wrong = checklist_agreement(want, relabel(got, labels))
    assert right.count > by_label.count
    assert not [k for k in wrong if k[2] == "RO-1"]  # RO-1's items all right
    assert ("car", "VIN1", "RO-2", "settlement") in wrong  # the split still costs its items
    assert any(k[2] == "2026-01-05" for k in wrong)


def test_floors_minimum_by_default_maximum_for_error_rates(tmp_path: Path) -> None:
    f = tmp_path / "floors.json"
    f.write_text(json.dumps({"classification": 0.9, "cer": 0.03, "seal_recall": {"min": 0.5}, "field.vin": 0.95}))
    floors = load_floors(f)
    assert floors["classification"] == {"min": 0.9} and floors["cer"] == {"max": 0.03}
    ok = {"classification": 0.95, "cer": 0.02, "seal_recall": 0.5, "field.vin": 1.0}
    assert check_floors(ok, floors) == []
    bad = check_floors({**ok, "classification": 0.85, "cer": 0.05, "field.vin": None}, floors)
    assert len(bad) == 3 and bad[0].startswith("classification 0.8500 < 0.9000")
    assert any(b.startswith("cer") for b in bad) and any("field.vin" in b and "not measured" in b for b in bad)
    assert check_floors({}, {"clasification": {"min": 0.9}}) == ["clasification: 未知指标 / unknown metric"]


def test_eval_of_a_folder_without_ground_truth_says_so(tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(b"not really")
    proc = run_eval(str(tmp_path))
    assert proc.returncode == 7
    assert "truth" in proc.stderr and "没有标注文件" in proc.stderr


# --- the command, on real scans ------------------------------------------------------------------------------

def test_eval_runs_the_pipeline_and_a_floor_not_met_exits_8(tmp_path: Path) -> None:
    """Two committed files (a unit's move-in form and a screenshot): real OCR, real store, every figure."""
    for stem in ("unit_1_move_in", "not_a_document"):
        for f in DATA.glob(stem + ".*"):
            shutil.copy(f, tmp_path / f.name)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"classification": 1.01, "segmentation": 0.5}))
    proc = run_eval(str(tmp_path), "--json", "--workers", "1", "--floors", str(floors))
    assert proc.returncode == 8, proc.stderr
    assert "classification" in proc.stderr and "segmentation" not in proc.stderr
    report = json.loads(proc.stdout)
    assert (report["files"], report["documents"], report["pages"]) == (2, 2, 2)
    assert report["classification"]["total"] == 2 and report["ocr"]["pages"] == 2
    assert report["ocr"]["cer"] is not None and report["pages_per_minute"] > 0
    assert report["below_floor"] and report["below_floor"][0].startswith("classification")
    assert set(report["confusion"]) == {"move_in", "none"}
    assert report["checklist"]["total"] >= 1  # the unit's checklist: move_in and what else it holds


def test_a_page_the_run_could_not_read_is_counted_named_and_fails_the_floor(tmp_path: Path) -> None:
    """A fault of ours on one page (tests/faults raises while page 1 loads) is caught per page so the run
    goes on; the evaluation must say so by name, not show only lower figures everywhere."""
    for f in DATA.glob("unit_1_move_in.*"):
        shutil.copy(f, tmp_path / f.name)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"unread_pages": 0}))
    proc = run_eval(str(tmp_path), "--json", "--workers", "1", "--floors", str(floors),
                    **fault_env("raise_page:1"))
    assert proc.returncode == 8, proc.stderr
    report = json.loads(proc.stdout)
    assert report["unread_pages"] == 1 and report["metrics"]["unread_pages"] == 1
    [unread] = [m for m in report["mistakes"] if m["what"] == "unread"]
    assert unread["pages"] == [1] and "injected fault on page 1" in unread["got"] and "内部错误" in unread["got"]
    assert report["below_floor"] == ["unread_pages 1.0000 > 0.0000"]
    text = run_eval(str(tmp_path), "--workers", "1", **fault_env("raise_page:1")).stdout
    assert "未读出的页 / pages not read  1/1" in text


@pytest.mark.slow
def test_committed_set_meets_the_committed_floors() -> None:
    proc = run_eval("tests/data", "--floors", "eval/floors.json", "--json")
    report = json.loads(proc.stdout)
    assert proc.returncode == 0, proc.stderr
    floors = json.loads((ROOT / "eval" / "floors.json").read_text())
    assert set(floors) <= set(report["metrics"])
    for name in ("classification", "wrong_confident", "segmentation", "dossier", "checklist", "cer",
                 "signature_blank_precision", "signature_blank_recall", "seal_precision", "seal_recall",
                 "pages_per_minute", "field.vin", "field.id_number"):
        assert report["metrics"][name] is not None, name
    assert report["documents"] >= 30 and not report["below_floor"]


def test_a_seal_a_black_and_white_scan_washed_out_is_not_expected() -> None:
    """Below a tenth of its ink left dark, a seal is a few dots no reader sees: a document bearing only
    such a seal is judged unsealed; a faint but visible one still counts."""
    def sealed(*visible: float) -> bool:
        seals = [SealTruth(page=1, box=(0, 0, 9, 9), shape="round", text="", colour="black", visible=v)
                 for v in visible]
        return visibly_sealed(DocumentTruth(pages=[1], doc_type="sales_contract", seal=bool(seals), seals=seals))

    assert not sealed(0.03)
    assert sealed(0.14) and sealed(0.03, 0.5) and sealed(1.0)
    assert not sealed()


@pytest.mark.slow
def test_eval_reports_each_sample_family_apart(tmp_path: Path) -> None:
    """A set mixing the own family (a) and the independently written one (b): one report each, every
    file counted once in its own family's report, and a floor judged on family a only."""
    from dossier.samples.family_b.make import generate as generate_b

    for f in DATA.glob("unit_1_move_in.*"):
        shutil.copy(f, tmp_path / f.name)
    generate_b(5, 2, tmp_path / "b")
    b_files = len(list((tmp_path / "b").glob("*.truth.json")))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"classification": 0.0}))
    proc = run_eval(str(tmp_path), "--json", "--workers", "1", "--family", "--floors", str(floors))
    assert proc.returncode == 0, proc.stderr
    reports = json.loads(proc.stdout)
    assert set(reports) == {"a", "b"}
    assert reports["a"]["files"] == 1 and reports["b"]["files"] == b_files
    only_b = json.loads(run_eval(str(tmp_path), "--json", "--workers", "1", "--family", "b").stdout)
    assert set(only_b) == {"b"} and only_b["b"]["documents"] == reports["b"]["documents"]


def test_the_learning_curve_counts_a_form_learned_after_one_taught_document(policy: Policy) -> None:
    """Three copies of a form no vocabulary knows: nothing taught, the two after the first go to review;
    with the first taught, both are typed right. A form with one document has no 'next' to count."""
    import random

    from dossier.config import Settings
    from dossier.evaluate import learning_curve
    from dossier.training import noisy
    from tests.test_teaching import as_page, trade_in_form

    copies = [as_page(noisy("\n".join(trade_in_form(n, p, a, acct)), random.Random(i)).splitlines())
              for i, (n, p, a, acct) in enumerate([("张伟", "沪A12345", "3000", "6214830212345678"),
                                                   ("李娜", "苏E6K789", "5000", "6222021001122334"),
                                                   ("王芳", "浙B88C21", "8000", "6228480402564890")])]
    forms = {("other_proof", "旧车置换补贴确认函"): [[c] for c in copies],
             ("sales_contract", "某某合同"): [[as_page(["车辆买卖合同", "甲方（出卖人）", "乙方（买受人）"])]]}
    one, three = learning_curve(forms, policy, Settings(), steps=(1, 3))
    assert (one.forms, one.before.total, one.before.count, one.after.count) == (1, 2, 0, 2)
    assert three.forms == 0 and three.after.total == 0


def test_a_cars_file_kept_under_its_plate_is_judged_as_the_car_its_papers_print_the_plate_of() -> None:
    """No paper printed the VIN: the clerk sees the car's checklist under its plate, so the evaluator pairs
    that file with the truth car whose documents print the plate -- only when one truth car does and the
    archive keeps no file under that car's VIN (a plate file beside the car's own file stays spurious)."""
    from pathlib import Path

    from dossier.evaluate import truth_keys
    from dossier.models import DossierRef
    from dossier.policy import default_policy
    from dossier.samples.truth import FileTruth

    def car(vin: str, **fields: str) -> DocumentTruth:
        return DocumentTruth(pages=[1], doc_type="settlement", dossier=DossierRef(kind="car", key=vin), fields=fields)

    files = [(Path("a.png"), FileTruth(file="a.png", format="png", seed=1, pages=[], documents=[
        car("LBVYB8TY4MB000829", plate="京P2820X"), car("LSGBEZTH7SL037536", plate="浙A9U616"),
        car("LHGADH4W1R1571757", plate="浙A99H13"), car("LSVD8W1V9RH256818", plate="浙A99H13")]))]
    archive = {("car", "京P2820X"), ("car", "浙A9U616"), ("car", "LSGBEZTH7SL037536"), ("car", "浙A99H13")}
    assert truth_keys(files, default_policy(), archive) == {("car", "京P2820X"): ("car", "LBVYB8TY4MB000829")}
