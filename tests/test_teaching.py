"""Teaching by example: a clerk's correction sets the type, is kept in the archive, and the next
document of that site's form is classified without review; list, export, import, remove."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from dossier import teaching
from dossier.classify.doctype import classify
from dossier.classify.keys import make_vin
from dossier.cli import main
from dossier.models import DossierRef, PageText, StoredDocument
from dossier.policy import Policy
from dossier.store import SqlStore, open_sqlite
from dossier.training import noisy
from tests.conftest import page

THRESHOLD = 0.72


def trade_in_form(owner: str, plate: str, amount: str, account: str) -> list[str]:
    """A form of one dealer group's own that no vocabulary knows: a trade-in subsidy confirmation."""
    return [
        "旧车置换补贴确认函",
        "置换车主：" + owner,
        "原车号牌：" + plate + " 原车品牌：别克",
        "新车车架号：LSVAM4187C2184527",
        "补贴金额：人民币" + amount + "元",
        "补贴发放方式：银行转账 开户行：招商银行 账号：" + account,
        "经销商意见：同意置换补贴",
        "区域经理审核：",
        "车主确认：",
    ]


def as_page(lines: list[str]) -> PageText:
    return page((lines[0], 70), *lines[1:])


def file_one(store: SqlStore, lines: list[str], sha: str) -> int:
    doc = StoredDocument(source=f"{sha}.jpg", sha256=sha, pages=[1], doc_type=None, confidence=0.3,
                         fields={"vin": "LSVAM4187C2184527"}, status="needs_review", reason="文件类型不确定",
                         dossier=DossierRef(kind="car", key="LSVAM4187C2184527"), text="\n".join(lines))
    return store.commit_source(sha, doc.source, doc.source, "jpeg", 1, [doc])[0]


def test_after_teaching_one_document_the_next_of_that_form_needs_no_review(tmp_path: Path, policy: Policy) -> None:
    store = open_sqlite(tmp_path / "dossier.sqlite3")
    first = trade_in_form("张伟", "沪A12345", "3000", "6214830212345678")
    assert classify([as_page(first)], policy, THRESHOLD).doc_type is None  # an unseen form: review
    doc_id = file_one(store, first, "a" * 64)

    example = teaching.teach(store, policy, doc_id, "other_proof", by="王磊")
    taught_doc = store.document(doc_id)
    assert taught_doc and taught_doc.doc_type == "other_proof" and taught_doc.status == "filed"
    assert example.taught_by == "王磊" and example.document_id == doc_id

    second = noisy("\n".join(trade_in_form("李娜", "苏E6K789", "5000", "6222021001122334")), random.Random(3))
    taught = teaching.TaughtCache().load(store, policy)
    result = classify([as_page(second.splitlines())], policy, THRESHOLD, taught=taught)
    assert result.doc_type == "other_proof", result.reason
    assert result.confidence >= THRESHOLD
    # A known form of another type is not pulled to the taught one.
    contract = page(("汽车销售合同", 70), "甲方（出卖人）", "乙方（买受人）", "车辆价款", "违约责任")
    assert classify([contract], policy, THRESHOLD, taught=taught).doc_type == "sales_contract"
    store.close()


def test_teach_list_export_import_remove_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    site_a, site_b = tmp_path / "a", tmp_path / "b"
    store = open_sqlite(site_a / "dossier.sqlite3")
    doc_id = file_one(store, trade_in_form("张伟", "沪A12345", "3000", "6214830212345678"), "b" * 64)
    store.close()
    for variable in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):  # CI exports the services': SQLite here
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("DOSSIER_HOME", str(site_a))

    assert main(["teach", str(doc_id), "other_proof", "--by", "王磊", "--json"]) == 0
    taught = json.loads(capsys.readouterr().out)
    assert taught["action"] == "taught" and taught["example"]["doc_type"] == "other_proof"
    assert main(["teach", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["doc_type"], e["taught_by"], e["document_id"]) for e in listed] == [("other_proof", "王磊", doc_id)]

    export = tmp_path / "examples.jsonl"
    assert main(["teach", "--export", str(export)]) == 0
    lines = export.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"].startswith("旧车置换补贴确认函")

    monkeypatch.setenv("DOSSIER_HOME", str(site_b))
    assert main(["teach", "--import", str(export), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["count"] == 1
    assert main(["teach", "--import", str(export), "--json"]) == 0  # importing twice adds nothing
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["count"] == 0
    assert main(["teach", "--list", "--json"]) == 0
    imported = json.loads(capsys.readouterr().out)
    assert len(imported) == 1 and imported[0]["document_id"] is None and imported[0]["origin"] == str(site_a)

    assert main(["teach", "--remove", str(imported[0]["id"])]) == 0
    capsys.readouterr()
    assert main(["teach", "--list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["teach", "--remove", "999"]) == 1  # no such example: a clear message, exit 1
    assert main(["teach", "12345", "no_such_type"]) == 7


def test_teaching_a_document_that_is_not_there_is_a_clear_error(tmp_path: Path, policy: Policy) -> None:
    store = open_sqlite(tmp_path / "dossier.sqlite3")
    with pytest.raises(teaching.NotFound):
        teaching.teach(store, policy, 42, "settlement")
    store.close()


def test_a_document_typed_by_a_clerk_is_checked_for_the_signatures_its_type_requires(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unseen form waits untyped, its signature fields judged and shown (required by nothing yet); once
    a clerk gives it its type, those fields answer the type's required signatures and a blank one is
    reported, as it would be had the form been typed when filed."""
    from tests.test_cli_intake import text_pdf
    from tests.test_pipeline import dossier, lines

    monkeypatch.setenv("DOSSIER_CLASSIFY_THRESHOLD", "1")  # whatever the classifier guesses, it waits untyped
    monkeypatch.setenv("DOSSIER_TUNE", "doctype.agreed_threshold=1")  # even where title and model agree
    scans = tmp_path / "scans"
    scans.mkdir()
    vin = make_vin(random.Random(18))
    text_pdf(scans / "odd.pdf", [["补充确认单", f"车架号：{vin}", "客户签字：", "销售顾问签字："]])
    home = tmp_path / "home"
    [doc] = lines(dossier(home, "ingest", "--json", str(scans)))
    assert doc["doc_type"] is None and doc["status"] == "needs_review"
    waiting = {(s["role"], s["status"], s["required"]) for s in doc["signatures"]}
    assert waiting == {("customer", "blank", False), ("staff", "blank", False)}
    assert json.loads(dossier(home, "report", "signatures", "--json").stdout) == []

    dossier(home, "teach", str(doc["id"]), "delivery_checklist", "--by", "王磊")
    shown = json.loads(dossier(home, "show", vin, "--json").stdout)
    [typed] = [d for d in shown["documents"] if d["id"] == doc["id"]]
    assert {(s["role"], s["status"], s["required"]) for s in typed["signatures"]} == {
        ("customer", "blank", True), ("staff", "blank", True)}
    blank = json.loads(dossier(home, "report", "signatures", "--json").stdout)
    assert {(r["document"], r["role"]) for r in blank} == {(doc["id"], "customer"), (doc["id"], "staff")}


def test_a_paper_taught_its_type_files_by_its_plate_as_filing_would(tmp_path: Path, policy: Policy) -> None:
    """An untyped paper printing only a plate waited for review; once typed, it goes where filing sends a
    typed paper with that plate: the car whose papers print the plate, else the car's file under the plate."""
    store = open_sqlite(tmp_path / "dossier.sqlite3")
    vin = make_vin(random.Random(24))
    known = StoredDocument(source="k.jpg", sha256="k" * 64, pages=[1], doc_type="sales_contract", confidence=0.9,
                           fields={"vin": vin, "plate": "沪A12345"}, status="filed", text="",
                           dossier=DossierRef(kind="car", key=vin))
    store.commit_source("k" * 64, "k.jpg", "k.jpg", "jpeg", 1, [known])
    store.add_alias("car", "沪A12345", vin)

    def waiting(sha: str, plate: str) -> int:
        doc = StoredDocument(source=f"{sha}.jpg", sha256=sha * 64, pages=[1], doc_type=None, confidence=0.3,
                             fields={"plate": plate}, status="needs_review", reason="文件类型不确定", text="旧车置换")
        return store.commit_source(sha * 64, doc.source, doc.source, "jpeg", 1, [doc])[0]

    teaching.teach(store, policy, (mine := waiting("a", "沪A12345")), "other_proof", by="王磊")
    doc = store.document(mine)
    assert doc and doc.dossier == DossierRef(kind="car", key=vin) and doc.status == "filed"
    teaching.teach(store, policy, (new := waiting("b", "沪B54321")), "other_proof", by="王磊")
    doc = store.document(new)
    assert doc and doc.dossier == DossierRef(kind="car", key="沪B54321") and doc.status == "filed"
    assert doc.reason and "沪B54321" in doc.reason  # the file is kept under the plate until its VIN is known
    store.close()
