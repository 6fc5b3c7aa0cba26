"""The review actions that write (issue 19, point 4): each one, from the API and the pages, changes what a clerk
sees at once -- the dossier page, its checklists, `report missing`, `report review`, `report signatures` --
the audit trail says who did what to what, before and after, and undo puts it back, once. Over a real SQLite
archive filed by the real pipeline (born-digital PDFs: their text layers, no OCR wait); each test leaves the
archive as it found it, through undo."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from fastapi.testclient import TestClient  # noqa: E402

from dossier.classify.keys import make_vin  # noqa: E402
from dossier.cli import main  # noqa: E402
from dossier.config import Settings  # noqa: E402
from dossier.errors import ExitCode  # noqa: E402
from dossier.store import open_sqlite  # noqa: E402
from dossier.web import users  # noqa: E402
from dossier.web.app import create_app  # noqa: E402
from tests.test_cli_intake import text_pdf  # noqa: E402
from tests.test_pipeline import dossier, lines  # noqa: E402

VIN = make_vin(random.Random(7))
TODAY = "2026-04-30"
PASSWORD = "correct horse 1"


@pytest.fixture(scope="module")
def filed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A car's handover sheet and its two-page sales contract in one scan, and a form no vocabulary knows.
    Born-digital, so both signature fields of each filed document are judged blank."""
    work = tmp_path_factory.mktemp("review")
    scans = work / "scans"
    scans.mkdir()
    text_pdf(scans / "batch.pdf", [
        ["交车检查表", f"车架号：{VIN}", "车牌号：沪B54321", "交车日期：2026年3月6日", "外观 内饰 随车工具",
         "客户签字：", "销售顾问签字："],
        ["汽车销售合同", f"车辆识别代号：{VIN}", "出卖人 买受人 车辆价款 违约责任", "签订日期：2026年3月1日",
         "买受人（签字）：", "出卖人（签字）："],
        ["第二条 付款方式", "第三条 违约责任"],
    ])
    text_pdf(scans / "odd.pdf", [["旧车置换补贴确认函", "置换车主：张伟", "补贴金额：人民币3000元", "车主确认："]])
    home = work / "home"
    docs = {d["doc_type"] or "untyped": d["id"] for d in lines(dossier(home, "ingest", "--json", str(scans)))}
    assert set(docs) == {"delivery_checklist", "sales_contract", "untyped"}
    store = open_sqlite(home / "dossier.sqlite3")
    for name, role in (("clerk", "clerk"), ("auditor", "auditor"), ("lin", "archivist")):
        users.add_user(store.engine, name, role, PASSWORD)
    store.close()
    return home, docs


@pytest.fixture(scope="module")
def client(filed: tuple[Path, dict[str, int]]) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(home=filed[0], today=TODAY)), follow_redirects=False) as c:
        yield c


@pytest.fixture
def home(filed: tuple[Path, dict[str, int]]) -> Path:
    return filed[0]


@pytest.fixture
def ids(filed: tuple[Path, dict[str, int]]) -> dict[str, int]:
    return filed[1]


@pytest.fixture
def cli(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """`dossier ARGS` on the archive, in-process, as a clerk at a terminal would run it: (status, output)."""
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DOSSIER_HOME", str(home))
    monkeypatch.setenv("DOSSIER_TODAY", TODAY)

    def run(*args: str, on: Path = home) -> tuple[int, str]:
        capsys.readouterr()
        status = main(["--home", str(on), *args])
        return status, capsys.readouterr().out

    return run


def report(cli: Any, which: str, *more: str) -> list[dict[str, Any]]:
    status, out = cli("report", which, "--json", *more)
    assert status == 0
    return json.loads(out)


def token(c: TestClient, name: str) -> dict[str, str]:
    r = c.post("/api/v1/auth/token", data={"username": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def log_in(c: TestClient, name: str) -> str:
    """Logged in as `name`; returns the session's CSRF token."""
    c.cookies.clear()
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text)
    assert csrf
    r = c.post("/login", data={"username": name, "password": PASSWORD, "csrf": csrf.group(1)})
    assert r.status_code == 303
    found = re.search(r'name="csrf" value="([^"]+)"', c.get("/").text)
    assert found
    return found.group(1)


def undo(c: TestClient, audit_id: int, who: str = "clerk") -> dict[str, Any]:
    r = c.post(f"/api/v1/audit/{audit_id}/undo", headers=token(c, who))
    assert r.status_code == 201, r.text
    return r.json()


def items(cli: Any) -> dict[str, str]:
    """`report missing --waived`: the car's items and their status."""
    return {r["item"]: r["status"] for r in report(cli, "missing", "--waived") if r["dossier_key"] == VIN}


def test_moving_a_document_out_shows_at_once_everywhere_and_undo_puts_it_back(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    sheet = ids["delivery_checklist"]
    log_in(client, "clerk")
    assert f'href="/documents/{sheet}"' in client.get(f"/dossiers/{VIN}").text
    assert items(cli)["delivery_checklist"] == "unsigned"  # its signatures read blank
    assert sheet not in [r["document"] for r in report(cli, "review")]

    r = client.patch(f"/api/v1/documents/{sheet}", json={"dossier": None}, headers=token(client, "clerk"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["document"]["dossier"] is None and body["document"]["status"] == "needs_review"
    assert f'href="/documents/{sheet}"' not in client.get(f"/dossiers/{VIN}").text
    assert items(cli)["delivery_checklist"] == "missing"
    assert sheet in [r["document"] for r in report(cli, "review")]
    hits = client.get("/api/v1/search", params={"q": "随车工具", "dossier": VIN}, headers=token(client, "clerk"))
    assert sheet not in [h["id"] for h in hits.json()]  # the index followed

    [entry] = client.get("/api/v1/audit", params={"target": f"document:{sheet}"}, headers=token(client, "auditor")).json()
    assert (entry["by"], entry["action"], entry["undone_by"]) == ("clerk", "unassign", None)
    assert entry["before"]["documents"][0]["dossier"] == {"kind": "car", "key": VIN}
    assert entry["after"]["documents"][0]["dossier"] is None
    assert entry["at"].endswith("+00:00")

    back = undo(client, entry["id"])
    assert back["undoes"] == entry["id"] and back["by"] == "clerk"
    assert f'href="/documents/{sheet}"' in client.get(f"/dossiers/{VIN}").text
    assert items(cli)["delivery_checklist"] == "unsigned"
    assert sheet not in [r["document"] for r in report(cli, "review")]
    hits = client.get("/api/v1/search", params={"q": "随车工具", "dossier": VIN}, headers=token(client, "clerk"))
    assert sheet in [h["id"] for h in hits.json()]
    again = client.post(f"/api/v1/audit/{entry['id']}/undo", headers=token(client, "clerk"))
    assert again.status_code == 409 and "cannot be undone twice" in again.json()["detail"]


def test_a_persons_signature_verdict_replaces_the_automatic_one_in_the_reports(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    sheet, contract = ids["delivery_checklist"], ids["sales_contract"]
    assert {(r["document"], r["role"]) for r in report(cli, "signatures")} >= {
        (sheet, "customer"), (sheet, "staff"), (contract, "customer")}
    both = [{"role": "customer", "status": "signed"}, {"role": "staff", "status": "signed"}]
    r = client.patch(f"/api/v1/documents/{sheet}", json={"signatures": both}, headers=token(client, "lin"))
    assert r.status_code == 200, r.text
    required = [s for s in r.json()["document"]["signatures"] if s["required"]]
    assert [(s["status"], s["auto_status"], s["checked_by"]) for s in required] == [("signed", "blank", "lin")] * 2
    assert sheet not in [row["document"] for row in report(cli, "signatures") if row["required"]]
    assert items(cli).get("delivery_checklist") is None  # present now: off the missing report
    log_in(client, "clerk")
    assert re.search(rf'class="item-present">[^<]*<a href="/documents/{sheet}"', client.get(f"/dossiers/{VIN}").text)
    page = client.get(f"/documents/{sheet}").text
    assert "lin" in page and "人工核对" in page

    # A person confirms a blank: the report says who and when.
    r = client.patch(f"/api/v1/documents/{contract}", json={"signatures": [{"role": "customer", "status": "blank"}]},
                     headers=token(client, "lin"))
    assert r.status_code == 200
    [row] = [x for x in report(cli, "signatures") if x["document"] == contract and x["role"] == "customer"]
    assert row["checked_by"] == "lin" and row["checked_at"] and row["auto_status"] == "blank"
    status, said = cli("report", "signatures", "--lang", "en")
    assert status == 0 and re.search(rf"#{contract} .*checked by lin at {re.escape(row['checked_at'])}", said)

    for e in client.get("/api/v1/audit", headers=token(client, "lin")).json()[:2]:
        undo(client, e["id"], "lin")
    assert {(r["document"], r["role"]) for r in report(cli, "signatures")} >= {(sheet, "customer"), (sheet, "staff")}
    assert items(cli)["delivery_checklist"] == "unsigned"


def test_a_waived_item_is_satisfied_and_says_so_until_undone(client: TestClient, cli: Any) -> None:
    assert items(cli)["id_copy"] == "missing"

    def queued() -> bool:  # the workbench's missing queue, kept per dossier (web/counts.py): it must see waivers
        rows = client.get("/api/v1/reports/missing", headers=token(client, "auditor")).json()
        return any(x["dossier_key"] == VIN and x["item"] == "id_copy" for x in rows)

    assert queued()
    body = {"checklist": "new_car", "item": "id_copy", "reason": "单位购车，无个人身份证"}
    r = client.post(f"/api/v1/dossiers/{VIN}/waivers", json=body, headers=token(client, "clerk"))
    assert r.status_code == 201, r.text
    entry = r.json()
    assert entry["target"] == f"dossier:car:{VIN}" and entry["after"]["waivers"][0]["reason"] == body["reason"]
    # Not missing any more, wherever asked; with --waived / waived=true, shown last with who and why.
    assert not [x for x in report(cli, "missing") if x["dossier_key"] == VIN and x["item"] == "id_copy"]
    [row] = [x for x in report(cli, "missing", "--waived") if x["dossier_key"] == VIN and x["item"] == "id_copy"]
    assert row["status"] == "waived" and not row["overdue"] and row["waiver"]["waived_by"] == "clerk"
    api = client.get("/api/v1/reports/missing", params={"waived": "true"}, headers=token(client, "auditor")).json()
    assert api[-1] == row
    status, text = cli("report", "missing", "--waived")
    assert status == 0 and re.search(r"身份证.*已豁免.*clerk.*单位购车", text)
    view = client.get(f"/api/v1/dossiers/{VIN}", headers=token(client, "clerk")).json()
    [item] = [i for cl in view["checklists"] for i in cl["items"] if i["doc_type"] == "id_copy"]
    assert item["status"] == "waived" and item["waiver"]["reason"] == body["reason"]
    log_in(client, "clerk")
    assert "单位购车，无个人身份证" in client.get(f"/dossiers/{VIN}").text
    assert not queued()
    assert "单位购车" not in client.get("/queues/missing").text
    assert "单位购车" in client.get("/queues/missing", params={"waived": "true", "sort": "staff"}).text

    undo(client, entry["id"])
    assert items(cli)["id_copy"] == "missing" and queued()
    # An item the dossier's checklists do not require is refused, saying why.
    r = client.post(f"/api/v1/dossiers/{VIN}/waivers", json={**body, "item": "move_in"}, headers=token(client, "clerk"))
    assert r.status_code == 409 and "no such required item" in r.json()["detail"]


def test_split_makes_a_second_document_and_merge_joins_them_each_undone(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    sheet, contract = ids["delivery_checklist"], ids["sales_contract"]
    auth = token(client, "clerk")
    r = client.patch(f"/api/v1/documents/{contract}", json={"split_at": 3}, headers=auth)
    assert r.status_code == 200, r.text
    [split] = r.json()["audit"]
    first, second = split["after"]["documents"]
    assert (first["pages"], second["pages"], second["doc_type"]) == ([2], [3], None)
    # Each half reads as its own pages: the search finds page 3's clause in the new half only.
    assert "汽车销售合同" in first["text"] and "付款方式" not in first["text"]
    assert "付款方式" in second["text"] and "汽车销售合同" not in second["text"]
    found = client.get("/api/v1/search", params={"q": "付款方式"}, headers=auth).json()
    assert [h["id"] for h in found] == [second["id"]]
    waiting = {row["document"]: row["reason"] for row in report(cli, "review")}
    assert second["id"] in waiting and f"#{contract}" in waiting[second["id"]]
    log_in(client, "clerk")
    assert f'href="/documents/{second["id"]}"' in client.get(f"/dossiers/{VIN}").text
    undo(client, split["id"])
    assert client.get(f"/api/v1/documents/{second['id']}", headers=auth).status_code == 404
    whole = client.get(f"/api/v1/documents/{contract}", headers=auth).json()
    assert whole["pages"] == [2, 3] and "汽车销售合同" in whole["text"] and "付款方式" in whole["text"]
    # The removed half's number is never given again: the trail's entries about it stay about it alone.
    again = client.patch(f"/api/v1/documents/{contract}", json={"split_at": 3}, headers=auth).json()["audit"][0]
    assert again["after"]["documents"][1]["id"] > second["id"]
    undo(client, again["id"])

    r = client.patch(f"/api/v1/documents/{sheet}", json={"merge_next": True}, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["document"]["pages"] == [1, 2, 3]
    assert client.get(f"/api/v1/documents/{contract}", headers=auth).status_code == 404
    assert items(cli)["sales_contract"] == "missing"
    undo(client, r.json()["audit"][0]["id"])
    assert client.get(f"/api/v1/documents/{contract}", headers=auth).json()["pages"] == [2, 3]
    assert items(cli)["sales_contract"] == "unsigned"


def test_the_page_forms_send_back_to_review_and_the_history_page_undoes(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    sheet = ids["delivery_checklist"]
    csrf = log_in(client, "clerk")
    page = client.get(f"/documents/{sheet}").text
    assert f'action="/documents/{sheet}/reopen"' in page and f'action="/documents/{sheet}/sign"' in page
    r = client.post(f"/documents/{sheet}/reopen", data={"csrf": csrf, "reason": "印章不清"})
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{sheet}"  # POST-redirect-GET
    [row] = [x for x in report(cli, "review") if x["document"] == sheet]
    assert "印章不清" in row["reason"] and "clerk" in row["reason"]
    assert items(cli)["delivery_checklist"] == "missing"

    history = client.get("/history").text
    entry = re.search(r'action="/history/(\d+)/undo"', history)
    assert entry and "退回审核" in history
    assert client.post(f"/history/{entry.group(1)}/undo", data={"csrf": csrf}).status_code == 303
    assert sheet not in [x["document"] for x in report(cli, "review")]
    assert items(cli)["delivery_checklist"] == "unsigned"
    assert "已由 #" in client.get("/history").text
    # Undone already: the page says so.
    r = client.post(f"/history/{entry.group(1)}/undo", data={"csrf": csrf})
    assert r.status_code == 409 and "该操作已撤销" in r.text

    # The dossier page waives a missing item from its own form.
    r = client.post(f"/dossiers/{VIN}/waivers", data={"csrf": csrf, "checklist": "new_car", "visit": "",
                                                      "item": "pdi_checklist", "reason": "新车PDI由厂家完成"})
    assert r.status_code == 303
    assert items(cli)["pdi_checklist"] == "waived"
    [e] = client.get("/api/v1/audit", params={"limit": 1}, headers=token(client, "clerk")).json()
    undo(client, e["id"])
    assert items(cli)["pdi_checklist"] == "missing"
    # The same pages in English.
    page = client.get(f"/documents/{sheet}", params={"lang": "en"}).text
    assert "Send back to review" in page and "mark signed" in page
    assert "undone by #" in client.get("/history").text and "Waive" in client.get(f"/dossiers/{VIN}").text
    client.get("/", params={"lang": "zh"})


def test_an_auditor_reads_the_trail_but_writes_nothing_and_forms_need_their_csrf_token(
        client: TestClient, ids: dict[str, int]) -> None:
    sheet = ids["delivery_checklist"]
    auth = token(client, "auditor")
    assert client.patch(f"/api/v1/documents/{sheet}", json={"review": True}, headers=auth).status_code == 403
    assert client.post(f"/api/v1/dossiers/{VIN}/waivers", json={"checklist": "new_car", "item": "id_copy",
                                                                "reason": "x"}, headers=auth).status_code == 403
    assert client.get("/api/v1/audit", headers=auth).status_code == 200
    first = client.get("/api/v1/audit", headers=auth).json()[-1]["id"]
    assert client.post(f"/api/v1/audit/{first}/undo", headers=auth).status_code == 403
    csrf = log_in(client, "auditor")
    page = client.get(f"/documents/{sheet}").text
    assert "/reopen" not in page and "/sign" not in page  # no forms for a reader
    assert client.post(f"/documents/{sheet}/reopen", data={"csrf": csrf}).status_code == 403
    csrf = log_in(client, "clerk")
    assert client.post(f"/documents/{sheet}/reopen", data={"reason": "x"}).status_code == 403
    assert client.post(f"/documents/{sheet}/reopen", data={"csrf": "forged", "reason": "x"}).status_code == 403
    assert client.post(f"/history/{first}/undo", data={}).status_code == 403
    doc = client.get(f"/api/v1/documents/{sheet}", headers=token(client, "clerk")).json()
    assert doc["status"] == "filed"  # nothing of it was written


def test_a_document_moved_to_a_new_vin_makes_its_dossier_which_undo_removes(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    other = make_vin(random.Random(99))
    auth = token(client, "clerk")
    assert client.get(f"/api/v1/dossiers/{other}", headers=auth).status_code == 404
    r = client.patch(f"/api/v1/documents/{ids['sales_contract']}", json={"dossier": other.lower()}, headers=auth)
    assert r.status_code == 200, r.text
    view = client.get(f"/api/v1/dossiers/{other}", headers=auth).json()
    assert [d["id"] for d in view["documents"]] == [ids["sales_contract"]]
    assert {r["item"] for r in report(cli, "missing") if r["dossier_key"] == other} >= {"id_copy", "delivery_checklist"}
    assert items(cli)["sales_contract"] == "missing"
    undo(client, r.json()["audit"][0]["id"])
    assert client.get(f"/api/v1/dossiers/{other}", headers=auth).status_code == 404
    assert not [r for r in report(cli, "missing") if r["dossier_key"] == other]


def test_refusals_say_why_with_the_status_a_client_expects(client: TestClient, ids: dict[str, int]) -> None:
    auth = token(client, "clerk")
    sheet = ids["delivery_checklist"]
    assert client.patch("/api/v1/documents/99999", json={"review": True}, headers=auth).status_code == 404
    r = client.patch(f"/api/v1/documents/{sheet}", json={"doc_type": "no_such_type"}, headers=auth)
    assert r.status_code == 400 and r.json()["detail"]
    r = client.patch(f"/api/v1/documents/{sheet}", json={"split_at": 1}, headers=auth)
    assert r.status_code == 409 and "other than its first" in r.json()["detail"]
    misread = VIN[:-1] + ("1" if VIN[-1] != "1" else "2")  # its check digit no longer holds
    r = client.patch(f"/api/v1/documents/{sheet}", json={"dossier": misread}, headers=auth)
    assert r.status_code == 409 and "not a dossier key" in r.json()["detail"]
    assert client.patch(f"/api/v1/documents/{sheet}", json={}, headers=auth).status_code == 400
    # All of a body or none of it: the type is set, the move is refused, so the type is put back.
    before = client.get(f"/api/v1/documents/{ids['untyped']}", headers=auth).json()
    r = client.patch(f"/api/v1/documents/{ids['untyped']}", json={"doc_type": "other_proof", "dossier": misread},
                     headers=auth)
    assert r.status_code == 409 and "not a dossier key" in r.json()["detail"]
    after = client.get(f"/api/v1/documents/{ids['untyped']}", headers=auth).json()
    assert (after["doc_type"], after["status"]) == (before["doc_type"], before["status"]) == (None, "needs_review")
    trail = client.get("/api/v1/audit", params={"target": f"document:{ids['untyped']}"}, headers=auth).json()
    assert [e["action"] for e in trail[:2]] == ["undo", "set_type"] and trail[0]["undoes"] == trail[1]["id"]
    assert client.patch(f"/api/v1/documents/{sheet}", json={"colour": "red"}, headers=auth).status_code == 422
    schema = client.get("/openapi.json", headers=auth).json()
    assert {"DocumentPatch", "Patched", "AuditEntry", "WaiverRequest"} <= set(schema["components"]["schemas"])
    assert "patch" in schema["paths"]["/api/v1/documents/{doc_id}"]


def test_a_document_moved_to_a_plate_no_dossier_knows_opens_the_cars_file_under_it(
        client: TestClient, cli: Any, ids: dict[str, int]) -> None:
    # README: `review move DOC 沪A12345` files into a dossier by plate, "made if new" -- the car's file kept
    # under the plate until a paper prints its VIN (as filing opens one, resolve.py). It was refused.
    odd, auth = ids["untyped"], token(client, "clerk")
    assert client.get("/api/v1/dossiers/沪C11111", headers=auth).status_code == 404
    status, out = cli("review", "move", str(odd), "沪c·11111", "--by", "clerk", "--json")
    assert status == 0, out
    moved = json.loads(out)
    view = client.get("/api/v1/dossiers/沪C11111", headers=auth).json()
    assert [d["id"] for d in view["documents"]] == [odd]
    assert view["provisional"] == "plate"  # shown as "VIN not yet known", the clerk's plate on the paper
    undo(client, moved["id"])
    assert client.get("/api/v1/dossiers/沪C11111", headers=auth).status_code == 404
    doc = client.get(f"/api/v1/documents/{odd}", headers=auth).json()
    assert doc["dossier"] is None and "plate" not in doc["fields"]


def test_typing_from_the_web_equals_dossier_teach_and_is_undone_with_its_example(
        client: TestClient, cli: Any, home: Path, ids: dict[str, int], tmp_path: Path) -> None:
    odd = ids["untyped"]
    # The same archive, copied before: there `dossier teach` does what the web does here.
    other = tmp_path / "home"
    other.mkdir()
    with sqlite3.connect(home / "dossier.sqlite3") as src, sqlite3.connect(other / "dossier.sqlite3") as dst:
        src.backup(dst)

    r = client.patch(f"/api/v1/documents/{odd}", json={"doc_type": "other_proof", "dossier": VIN},
                     headers=token(client, "clerk"))
    assert r.status_code == 200, r.text
    web = r.json()["document"]
    assert (web["doc_type"], web["status"], web["dossier"]["key"]) == ("other_proof", "filed", VIN)
    assert odd not in [x["document"] for x in report(cli, "review")]
    status, out = cli("teach", "--list", "--json")
    [taught] = json.loads(out)
    assert (taught["doc_type"], taught["document_id"], taught["taught_by"]) == ("other_proof", odd, "clerk")

    status, out = cli("teach", str(odd), "other_proof", "--by", "clerk", "--json", on=other)
    assert status == 0
    status, out = cli("review", "move", str(odd), VIN, "--by", "clerk", "--json", on=other)
    assert status == 0
    there = json.loads(out)["after"]["documents"][0]
    keep = ("doc_type", "status", "reason", "dossier", "fields", "signatures", "pages")
    assert {k: there[k] for k in keep} == {k: web[k] for k in keep}
    status, out = cli("teach", "--list", "--json", on=other)
    [taught_there] = json.loads(out)
    assert {k: taught_there[k] for k in ("doc_type", "text", "taught_by", "document_id")} == {
        k: taught[k] for k in ("doc_type", "text", "taught_by", "document_id")}

    # Undone (the move, then the type): the document waits untyped again and the example is gone.
    for e in r.json()["audit"][::-1]:
        undo(client, e["id"])
    assert odd in [x["document"] for x in report(cli, "review")]
    assert json.loads(cli("teach", "--list", "--json")[1]) == []
    status, out = cli("review", "history", "--target", f"document:{odd}", "--json")
    assert [e["action"] for e in json.loads(out)][:4] == ["undo", "undo", "move", "set_type"]


def test_the_terminal_refuses_with_its_exit_codes_and_says_why(
        cli: Any, home: Path, ids: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    cli("status")  # the environment of a terminal on this archive (the fixture's)

    def refused(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        status = main(["--home", str(home), "review", *args])
        return status, capsys.readouterr().err

    assert refused("undo", "99999") == (ExitCode.FAILED, "未找到该审计记录 / no such audit entry: #99999\n")
    status, err = refused("split", str(ids["delivery_checklist"]), "1")
    assert status == ExitCode.FAILED and "other than its first" in err
    status, err = refused("waive", VIN, "new_car", "id_copy", "--reason", "")
    assert status == ExitCode.INPUT and "reason" in err
    with pytest.raises(SystemExit) as usage:  # argparse's usage error
        refused("sign", str(ids["delivery_checklist"]), "customer", "maybe")
    assert usage.value.code == ExitCode.INPUT
    assert report(cli, "missing") and items(cli)["id_copy"] == "missing"  # nothing was written
