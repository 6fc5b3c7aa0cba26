"""The workbench's queues and their exports, the page images and viewer, and the upload (issue 19, points 3
and 5), over a real SQLite archive filed by the real pipeline: born-digital PDFs (their text layers, no OCR
wait) and, for the upload, one real scan read by OCR."""

from __future__ import annotations

import csv
import io
import os
import random
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from fastapi.testclient import TestClient  # noqa: E402
from httpx import Response  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from PIL import Image  # noqa: E402

from dossier.classify.keys import make_vin  # noqa: E402
from dossier.config import Settings  # noqa: E402
from dossier.policy import default_policy  # noqa: E402
from dossier.store import open_sqlite  # noqa: E402
from dossier.web import images, queues, upload, users  # noqa: E402
from dossier.web.app import create_app  # noqa: E402
from tests.test_cli_intake import text_pdf  # noqa: E402
from tests.test_web import PASSWORD, csrf_of, log_in, token  # noqa: E402

_r = random.Random(5)
VIN1, VIN2 = make_vin(_r), make_vin(_r)
UNIT = "6-1-2802"
TODAY = "2026-04-30"
FORMULA_NAME = "=HYPERLINK(1).pdf"  # a file name a spreadsheet would run
HOSTILE_TEXT = "<script>alert('xss')</script>"


def ingest(home: Path, cwd: Path, *paths: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    env.update({"DOSSIER_HOME": str(home), "DOSSIER_TODAY": TODAY, "DOSSIER_WORKERS": "1"})
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", *paths], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two cars (one overdue, one not yet due), a unit, each naming its staff member; blank signature fields;
    a document of no known type (the review queue) whose file name starts with '='."""
    work = tmp_path_factory.mktemp("views")
    scans = work / "scans"
    scans.mkdir()
    text_pdf(scans / "handover.pdf", [["交车检查表", f"车架号：{VIN1}", "车牌号：沪A12345", "交车日期：2026年3月6日",
                                       "外观 内饰 随车工具", "销售顾问：王五", "", "销售顾问签字：", ""]])
    text_pdf(scans / "contract.pdf", [["汽车销售合同", f"车辆识别代号：{VIN2}", "出卖人 买受人 车辆价款 违约责任",
                                       "签订日期：2026年4月20日", "销售顾问：李四", "", "买受人签字：", "", "销售顾问签字：", ""]])
    text_pdf(scans / "renovation.pdf", [["装修申请表", f"单元号：{UNIT}", "申请日期：2026年4月1日", "装修内容 施工单位 押金",
                                         "经办人：张三", "", "经办人签字：", ""]])
    text_pdf(scans / FORMULA_NAME, [["随便", "一些没有意义的文字", HOSTILE_TEXT]])
    home = work / "home"
    ingest(home, scans, "handover.pdf", "contract.pdf", "renovation.pdf", FORMULA_NAME)
    store = open_sqlite(home / "dossier.sqlite3")
    for name, role in (("clerk", "clerk"), ("auditor", "auditor")):
        users.add_user(store.engine, name, role, PASSWORD)
    store.close()
    return home


@pytest.fixture(scope="module")
def client(home: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(home=home, today=TODAY, workers=1)), follow_redirects=False) as c:
        yield c


@pytest.fixture
def clerk(client: TestClient) -> TestClient:
    c = log_in(client, "clerk")
    c.get("/", params={"lang": "zh"})
    return c


# --- queues and exports -------------------------------------------------------------------------------------
def rows_of(html: str) -> list[str]:
    return html.split('<tr class="row')[1:]


def test_each_queue_is_one_click_from_home_chinese_first_with_english(clerk: TestClient) -> None:
    home = clerk.get("/").text
    for path, title in (("/queues/missing", "缺件与逾期"), ("/queues/review", "待复核"), ("/queues/signatures", "空白签字")):
        assert f'href="{path}"' in home
        page = clerk.get(path)
        assert page.status_code == 200 and title in page.text
    # Each blank signature with the field as judged, cut from its page.
    crops = re.findall(r'<img class="crop" src="([^"]+)"', clerk.get("/queues/signatures").text)
    assert len(crops) == 4 and all(png(clerk.get(src)).size[0] > 20 for src in crops)
    english = clerk.get("/queues/missing", params={"lang": "en"}).text
    assert "Missing and overdue" in english and "Due date" in english and "overdue" in english
    clerk.get("/", params={"lang": "zh"})


def tds(row: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_the_missing_queue_marks_overdue_and_sorts_by_due_date_kind_and_staff(clerk: TestClient) -> None:
    # Columns: kind, dossier, staff, checklist, item, status, due.
    by_due = [tds(r) for r in rows_of(clerk.get("/queues/missing").text)]
    overdue = [r for r in by_due if "已逾期" in r[6]]
    assert overdue and by_due[:len(overdue)] == overdue  # overdue first
    assert {r[1] for r in overdue} == {VIN1}  # handed over 6 March; the contract of 20 April is not due yet
    rest = [r[6] for r in by_due[len(overdue):]]
    assert rest and rest == sorted(rest) and any(r[1] == VIN2 for r in by_due[len(overdue):])

    by_staff = [r[2] for r in (tds(x) for x in rows_of(clerk.get("/queues/missing", params={"sort": "staff"}).text))]
    assert by_staff == sorted(by_staff) and {"王五", "李四", "张三"} <= set(by_staff)
    desc = clerk.get("/queues/missing", params={"sort": "staff", "desc": "true"}).text
    assert [tds(x)[2] for x in rows_of(desc)] == sorted(by_staff, reverse=True)
    by_kind = [tds(x)[0] for x in rows_of(clerk.get("/queues/missing", params={"sort": "kind"}).text)]
    assert by_kind == ["一车一档"] * by_kind.count("一车一档") + ["一户一档"] * by_kind.count("一户一档") and "一户一档" in by_kind
    assert clerk.get("/queues/missing", params={"sort": "nonsense"}).status_code == 422


def test_the_api_reports_are_the_clis_json(client: TestClient, home: Path) -> None:
    auth = token(client, "auditor")  # reading: an auditor may
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    env.update({"DOSSIER_HOME": str(home), "DOSSIER_TODAY": TODAY})
    import json

    for which in ("missing", "review", "signatures"):
        cli = subprocess.run([sys.executable, "-m", "dossier.cli", "report", which, "--json", "--lang", "zh"],
                             env=env, capture_output=True, text=True, timeout=300)
        api = client.get(f"/api/v1/reports/{which}", headers=auth)
        assert api.status_code == 200
        assert api.json() == json.loads(cli.stdout) and api.json(), which
    assert client.get("/api/v1/reports/missing").status_code == 401
    assert client.get("/api/v1/reports/signatures", params={"month": "2026-04"}, headers=auth).json()
    assert client.get("/api/v1/reports/signatures", params={"month": "1999-01"}, headers=auth).json() == []
    assert client.get("/api/v1/reports/signatures", params={"month": "../x"}, headers=auth).status_code == 422


def parse_csv(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())  # Excel shows the Chinese only with the BOM
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def parse_xlsx(body: bytes) -> list[list[object]]:
    ws = load_workbook(io.BytesIO(body)).active
    assert ws is not None
    return [["" if v is None else v for v in row] for row in ws.iter_rows(values_only=True)]


@pytest.mark.parametrize("which", ["missing", "review", "signatures"])
def test_exports_open_and_hold_the_reports_rows(client: TestClient, which: str) -> None:
    report = client.get(f"/api/v1/reports/{which}", headers=token(client, "clerk")).json()
    c = log_in(client, "clerk")
    for fmt, parse in (("csv", parse_csv), ("xlsx", parse_xlsx)):
        for r in (c.get(f"/queues/{which}", params={"format": fmt}),
                  client.get(f"/api/v1/reports/{which}", params={"format": fmt}, headers=token(client, "clerk"))):
            assert r.status_code == 200 and f'filename="{which}.{fmt}"' in r.headers["content-disposition"]
            cells = parse(r.content)
            header, body = cells[0], cells[1:]
            assert len(body) == len(report)
            key = "document" if which == "review" else "dossier_key"
            assert [row[header.index(key)] for row in body] == [(str(x[key]) if fmt == "csv" else x[key]) for x in report]
            if which == "missing":
                assert "staff" in header and "王五" in [row[header.index("staff")] for row in body]
                assert "车辆合格证复印件" in [row[header.index("item_name")] for row in body]


def test_exported_cells_never_run_as_formulas(client: TestClient) -> None:
    auth = token(client, "clerk")
    for fmt, parse in (("csv", parse_csv), ("xlsx", parse_xlsx)):
        cells = parse(client.get("/api/v1/reports/review", params={"format": fmt}, headers=auth).content)
        sources = [row[cells[0].index("source")] for row in cells[1:]]
        assert f"'{FORMULA_NAME}" in sources  # quoted: shown as text, never evaluated
        assert not any(str(v).startswith(("=", "+", "-", "@")) for row in cells for v in row)
    ws = load_workbook(io.BytesIO(client.get("/api/v1/reports/review", params={"format": "xlsx"},
                                             headers=auth).content)).active
    assert ws is not None and all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


# --- page images and the viewer -----------------------------------------------------------------------------
def doc_of(client: TestClient, source: str) -> dict:
    hits = client.get("/api/v1/reports/signatures", headers=token(client, "clerk")).json()
    row = next(h for h in hits if h["source"] == source)
    return client.get(f"/api/v1/documents/{row['document']}", headers=token(client, "clerk")).json()


def png(r: object) -> Image.Image:
    assert r.status_code == 200 and r.headers["content-type"] == "image/png", r.text  # type: ignore[attr-defined]
    im = Image.open(io.BytesIO(r.content))  # type: ignore[attr-defined]
    assert im.format == "PNG"
    return im.convert("RGB")


def test_a_page_its_thumbnail_and_its_signature_crops_come_from_the_archive(clerk: TestClient, home: Path) -> None:
    doc = doc_of(clerk, "contract.pdf")
    kept = Image.open(home / doc["signatures"][0]["crop"].replace("-sig1.jpg", ".jpg"))
    page = png(clerk.get(f"/api/v1/documents/{doc['id']}/pages/1"))  # the session's login serves the page's images
    assert page.size == kept.size
    thumb = png(clerk.get(f"/api/v1/documents/{doc['id']}/pages/1", params={"size": "thumb"}))
    assert max(thumb.size) <= images.THUMB and thumb.size[0] / thumb.size[1] == pytest.approx(kept.size[0] / kept.size[1], rel=0.02)
    # The blank fields framed in red where the stored boxes say, and only when asked.
    blank = next(s for s in doc["signatures"] if s["status"] == "blank" and s["box"])
    x0, y0, x1, y1 = blank["box"]
    marked = png(clerk.get(f"/api/v1/documents/{doc['id']}/pages/1", params={"marks": "true"}))
    assert marked.getpixel((x0 + 1, (y0 + y1) // 2)) == images.MARK["blank"]
    assert page.getpixel((x0 + 1, (y0 + y1) // 2)) != images.MARK["blank"]
    k = doc["signatures"].index(blank) + 1
    crop = png(clerk.get(f"/api/v1/documents/{doc['id']}/signatures/{k}"))
    m = images.CROP_MARGIN
    assert crop.size == (x1 - x0 + 2 * m, y1 - y0 + 2 * m)
    # The API's token works as well as the page's session.
    c = clerk
    c.cookies.clear()
    png(c.get(f"/api/v1/documents/{doc['id']}/pages/1", headers=token(c, "auditor")))
    assert c.get(f"/api/v1/documents/{doc['id']}/pages/1").status_code == 401


def test_only_the_archives_own_pages_are_served_by_id(clerk: TestClient, home: Path,
                                                       tmp_path_factory: pytest.TempPathFactory) -> None:
    doc = doc_of(clerk, "contract.pdf")
    base = f"/api/v1/documents/{doc['id']}"
    for path in ("/api/v1/documents/999999/pages/1", f"{base}/pages/2", f"{base}/signatures/99", f"{base}/seals/1",
                 "/api/v1/documents/999999/signatures/1"):
        assert clerk.get(path).status_code == 404, path
    for path in (f"{base}/pages/0", f"{base}/pages/..%2F..%2Fdossier.sqlite3", "/api/v1/documents/..%2Fdossier.sqlite3/pages/1",
                 f"{base}/pages/1?size=..%2F..%2Fweb-secret", f"{base}/pages/%2Fetc%2Fpasswd"):
        assert clerk.get(path).status_code in (404, 422), path
    # Another archive's document is no key to this one's files: only ids, and this archive's ids, are looked up.
    other = tmp_path_factory.mktemp("other")
    text_pdf(other / "secret.pdf", [["工作联系函", "单元号：9-9-9999", "机密"], ["第二页"], ["第三页"]])
    ingest(other / "home", other, "secret.pdf")
    theirs = open_sqlite(other / "home" / "dossier.sqlite3")
    try:
        three = next(d for d in theirs.all_documents() if len(d.pages) == 3)
    finally:
        theirs.close()
    sha = three.sha256 or ""
    assert (other / "home" / "pages" / sha[:2] / sha / "p0003.jpg").is_file()
    # Their document's id here is this archive's document (one page): its third page is not there.
    assert clerk.get(f"/api/v1/documents/{three.id}/pages/3").status_code == 404
    # A record naming a file outside the document's page folder is not served.
    store = open_sqlite(home / "dossier.sqlite3")
    try:
        from sqlalchemy import update

        from dossier.schema import documents

        with store.engine.begin() as c:
            c.execute(update(documents).where(documents.c.id == doc["id"]).values(seal_crops=["../../web-secret"]))
        assert clerk.get(f"{base}/seals/1").status_code == 404
    finally:
        with store.engine.begin() as c:
            c.execute(update(documents).where(documents.c.id == doc["id"]).values(seal_crops=doc["seal_crops"]))
        store.close()
    # Without its kept image the page is rendered again from the archived original; without that, it is gone.
    kept = home / doc["signatures"][0]["crop"].replace("-sig1.jpg", ".jpg")
    original = next((home / "originals").rglob(f"{doc['sha256']}.*"))
    kept.rename(kept.with_suffix(".away"))
    try:
        assert png(clerk.get(f"{base}/pages/1")).size == Image.open(kept.with_suffix(".away")).size
        original.rename(original.with_suffix(".away"))
        try:
            assert clerk.get(f"{base}/pages/1").status_code == 404
        finally:
            original.with_suffix(".away").rename(original)
    finally:
        kept.with_suffix(".away").rename(kept)


def test_the_page_viewer_shows_the_page_its_text_and_zoom_without_script(clerk: TestClient) -> None:
    doc = doc_of(clerk, "contract.pdf")
    page = clerk.get(f"/documents/{doc['id']}/pages/1", params={"zoom": 150})
    assert page.status_code == 200 and "第 1 / 1 页" in page.text
    assert f'src="/api/v1/documents/{doc["id"]}/pages/1?marks=true"' in page.text and 'class="zoom-150"' in page.text
    assert "车辆识别代号" in page.text.split('<pre class="ocr">')[1]  # the page's own words, beside it
    assert f"/api/v1/documents/{doc['id']}/signatures/" in page.text and "<script" not in page.text
    assert 'class="zoom-100"' in clerk.get(f"/documents/{doc['id']}/pages/1", params={"zoom": 7}).text
    assert clerk.get(f"/documents/{doc['id']}/pages/2").status_code == 404
    assert clerk.get("/documents/999999/pages/1").status_code == 404
    review = clerk.get("/api/v1/reports/review", headers=token(clerk, "clerk")).json()[0]["document"]
    hostile = clerk.get(f"/documents/{review}/pages/1").text
    assert "<script>alert" not in hostile and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in hostile
    # The dossier page: each document's first page as a thumbnail, linking to the viewer.
    dossier = clerk.get(f"/dossiers/{VIN2}").text
    assert f'<a href="/documents/{doc["id"]}/pages/1"><img class="thumb" src="/api/v1/documents/{doc["id"]}/pages/1?size=thumb"' in dossier


def test_nothing_of_these_views_answers_without_a_login(client: TestClient) -> None:
    from fastapi.routing import APIRoute

    client.cookies.clear()
    routes = [r for router in (queues.pages, queues.api, images.pages, images.api, upload.pages, upload.api)
              for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 14
    for route in routes:
        path = route.path.replace("{doc_id}", "1").replace("{n}", "1").replace("{k}", "1").replace("{batch_id}", "0" * 32)
        for method in route.methods or ():
            r = client.request(method, path)
            if path.startswith("/api/"):
                assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer", path
            else:
                assert r.status_code == 303 and r.headers["location"] == "/login", path


# --- upload ----------------------------------------------------------------------------------------------------
SCAN = Path(__file__).parent.parent / "samples" / "scans" / "unit_application.png"  # a real scan: OCR, unit 6-1-2802
HOSTILE_FILE = "<img src=x onerror=alert(1)>.pdf"


def upload_form(c: TestClient, files: list[tuple[str, bytes]]) -> Response:
    page = c.get("/upload")
    assert page.status_code == 200, page.text
    return c.post("/upload", data={"csrf": csrf_of(page.text)},
                  files=[("files", (name, body, "application/octet-stream")) for name, body in files])


def finished(c: TestClient, location: str) -> str:
    """The status page once every file is done (it reloads itself until then)."""
    for _ in range(600):
        page = c.get(location)
        assert page.status_code == 200
        if '<meta http-equiv="refresh"' not in page.text:
            return page.text
        time.sleep(0.5)
    raise AssertionError("the upload did not finish")


def test_an_upload_files_a_real_scan_once_and_a_second_is_a_duplicate(clerk: TestClient, home: Path) -> None:
    r = upload_form(clerk, [(SCAN.name, SCAN.read_bytes())])
    assert r.status_code == 303 and re.fullmatch(r"/uploads/[0-9a-f]{32}", r.headers["location"])
    status = finished(clerk, r.headers["location"])
    assert "全部处理完毕" in status and SCAN.name in status and f'href="/dossiers/{UNIT}"' in status
    batch = clerk.get("/api/v1/uploads/" + r.headers["location"].rsplit("/", 1)[1], headers=token(clerk, "clerk")).json()
    (f,) = batch["files"]
    assert f["outcome"] in ("filed", "needs_review") and f["pages_total"] == f["pages_read"] == 1
    (first,) = f["results"]
    assert first["source"] == SCAN.name and first["dossier"] == {"kind": "unit", "key": UNIT}
    assert first["doc_type"] == "application"
    assert not any((home / "uploads" / "spool").iterdir())  # out of the spool once its record is committed
    # The same bytes again, through the API: a duplicate of the first, nothing new filed.
    again = clerk.post("/api/v1/documents", headers=token(clerk, "clerk"),
                       files=[("files", ("again.png", SCAN.read_bytes(), "image/png"))])
    assert again.status_code == 200, again.text
    (dup,) = again.json()
    assert dup["status"] == "duplicate" and dup["duplicate_of"] == first["id"] and dup["source"] == "again.png"
    assert set(dup) == set(first)  # the objects `dossier ingest --json` prints
    view = clerk.get(f"/api/v1/dossiers/{UNIT}", headers=token(clerk, "clerk")).json()
    assert [d["id"] for d in view["documents"]].count(first["id"]) == 1


def test_a_corrupt_pdf_is_quarantined_with_its_reason_shown(clerk: TestClient, home: Path) -> None:
    r = upload_form(clerk, [("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")])
    status = finished(clerk, r.headers["location"])
    row = status.split('<tr class="file')[1]
    assert "broken.pdf" in row and "已隔离" in row
    reason = re.search(r'<span class="reason">(.*?)</span>', row, re.S)
    assert reason and len(reason.group(1)) > 5
    kept = list((home / "uploads" / "quarantine").glob("*.reason.txt"))
    assert any("broken.pdf" in p.read_text(encoding="utf-8") for p in kept)
    assert "broken.pdf" in clerk.get("/").text  # among the last errors on the home page


def test_file_names_are_data_never_paths_and_never_markup(clerk: TestClient, home: Path) -> None:
    r = upload_form(clerk, [("../../../escaped.pdf", b"not a pdf at all"), (HOSTILE_FILE, b"nor this")])
    status = finished(clerk, r.headers["location"])
    assert "<img src=x" not in status and "&lt;img src=x onerror=alert(1)&gt;.pdf" in status
    assert not list(home.parent.rglob("escaped.pdf")) and not list(home.rglob("escaped.pdf"))
    assert all(re.fullmatch(r"[0-9a-f]{32}\.upload(\.reason\.txt)?", p.name)
               for p in (home / "uploads" / "quarantine").iterdir())
    batch = clerk.get("/api/v1/uploads/" + r.headers["location"].rsplit("/", 1)[1], headers=token(clerk, "clerk")).json()
    assert [f["name"] for f in batch["files"]] == ["escaped.pdf", HOSTILE_FILE]
    assert clerk.get("/uploads/..%2F..%2Fweb-secret").status_code in (404, 422)
    assert clerk.get("/api/v1/uploads/" + "0" * 32, headers=token(clerk, "clerk")).status_code == 404


def test_an_auditor_cannot_upload(client: TestClient, home: Path) -> None:
    c = log_in(client, "auditor")
    assert c.get("/upload").status_code == 403
    assert 'href="/upload"' not in c.get("/").text
    r = c.post("/upload", data={"csrf": csrf_of(c.get("/").text)}, files=[("files", ("a.png", SCAN.read_bytes(), "image/png"))])
    assert r.status_code == 403
    r = c.post("/api/v1/documents", headers=token(c, "auditor"), files=[("files", ("a.png", SCAN.read_bytes(), "image/png"))])
    assert r.status_code == 403
    spool = home / "uploads" / "spool"
    assert not spool.exists() or not any(spool.iterdir())
    # A clerk's form without its CSRF token is refused too.
    clerk = log_in(client, "clerk")
    assert clerk.post("/upload", files=[("files", ("a.png", b"x", "image/png"))]).status_code == 403


def test_an_upload_over_the_limit_is_refused_with_a_clear_message(clerk: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clerk.app.state.settings, "upload_max_mb", 1)  # type: ignore[attr-defined]
    big = (Path(__file__).parent.parent / "samples" / "scans" / "newcar_handover.pdf").read_bytes()
    assert len(big) > 2**20
    r = upload_form(clerk, [("newcar_handover.pdf", big)])
    assert r.status_code == 413 and "每次合计最多 1 MB" in r.text
    r = clerk.post("/api/v1/documents", headers=token(clerk, "clerk"), files=[("files", ("x.pdf", big, "application/pdf"))])
    assert r.status_code == 413 and "at most 1 MB" in r.json()["detail"]


def test_the_api_answers_at_once_when_asked_and_the_batch_shows_its_progress(clerk: TestClient, tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "letter.pdf", [["工作联系函", f"单元号：{UNIT}", "关于空调检修的通知"], ["第二页"], ["第三页"]])
    auth = token(clerk, "clerk")
    r = clerk.post("/api/v1/documents", params={"wait": "false"}, headers=auth,
                   files=[("files", ("letter.pdf", pdf.read_bytes(), "application/pdf"))])
    assert r.status_code == 202 and r.headers["location"] == f"/api/v1/uploads/{r.json()['id']}"
    assert r.json()["files"][0]["state"] in ("waiting", "reading")
    seen = []
    for _ in range(600):
        batch = clerk.get(r.headers["location"], headers=auth).json()
        seen.append(batch["files"][0]["pages_read"])
        if batch["done"]:
            break
        time.sleep(0.05)
    (f,) = batch["files"]
    assert f["state"] == "done" and f["pages_total"] == f["pages_read"] == 3 and seen == sorted(seen)
    assert [d["pages"] for d in f["results"]] == [[1, 2, 3]] and f["results"][0]["dossier"]["key"] == UNIT


def test_an_upload_a_stop_interrupted_is_filed_at_the_next_start(home: Path, tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "notice.pdf", [["通知函", f"单元号：{UNIT}", "停水通知 二〇二六年四月"]])
    settings = Settings(home=home, today=TODAY, workers=1)
    before = upload.Intake(settings, default_policy())
    with pdf.open("rb") as f:
        spooled = before.spool("notice.pdf", f)
    batch = upload.Batch(id="f" * 32, user="clerk", created_at="2026-04-30T09:00:00+00:00", files=[spooled])
    before._save(batch)  # the batch recorded and its file spooled; the server stopped before filing it
    with TestClient(create_app(settings)) as again:
        assert again.app.state.intake.wait(batch.id, 300)  # type: ignore[attr-defined]
        done = again.app.state.intake.load(batch.id)  # type: ignore[attr-defined]
    assert done.done and done.files[0].outcome in ("filed", "needs_review")
    assert not (home / "uploads" / "spool" / spooled.spool).exists()
    # Started again, nothing is left to file: the same bytes are in the archive once.
    with TestClient(create_app(settings)):
        pass
    store = open_sqlite(home / "dossier.sqlite3")
    try:
        assert len(store.documents_of_source(spooled.sha256)) == 1
    finally:
        store.close()


def test_an_upload_the_archive_cannot_take_waits_in_the_spool_and_is_filed_when_it_can(
        client: TestClient, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.errors import StorageError
    from dossier.models import DocumentResult
    from dossier.worker.pipeline import Pipeline, SourceJob

    # A full or read-only disk cannot be caused here (the tests may run as root): the commit fails once.
    real, failures = Pipeline.finish, list[str]()

    def full_once(self: Pipeline, job: SourceJob) -> list[DocumentResult]:
        if not failures:
            failures.append(job.given)
            raise StorageError("磁盘已满 / disk full")
        return real(self, job)

    monkeypatch.setattr(Pipeline, "finish", full_once)
    monkeypatch.setattr(upload, "RETRY_AFTER", 1.5)
    pdf = text_pdf(tmp_path / "later.pdf", [["工作联系函", f"单元号：{UNIT}", "电梯年检安排"]])
    c = log_in(client, "clerk")
    r = upload_form(c, [("later.pdf", pdf.read_bytes())])
    api = "/api/v1/uploads/" + r.headers["location"].rsplit("/", 1)[1]
    for _ in range(600):  # until the commit has failed: the file waits, and the page says why
        if c.get(api, headers=token(c, "clerk")).json()["files"][0]["state"] == "error":
            break
        time.sleep(0.05)
    waiting = c.get(r.headers["location"]).text
    assert '<meta http-equiv="refresh"' in waiting and "磁盘已满" in waiting and "稍后自动重试" in waiting
    finished(c, r.headers["location"])
    assert failures == ["later.pdf"]
    batch = c.get("/api/v1/uploads/" + r.headers["location"].rsplit("/", 1)[1], headers=token(c, "clerk")).json()
    (f,) = batch["files"]
    assert f["state"] == "done" and f["outcome"] in ("filed", "needs_review") and len(f["results"]) == 1
    assert not (home / "uploads" / "spool" / f["spool"]).exists()


def test_an_upload_of_too_many_files_or_none_says_so(clerk: TestClient) -> None:
    r = upload_form(clerk, [(f"{i}.png", b"x") for i in range(upload.MAX_FILES + 1)])
    assert r.status_code == 400 and f"一次超过 {upload.MAX_FILES} 个文件" in r.text
    r = upload_form(clerk, [])
    assert r.status_code == 400 and "没有选择文件" in r.text
    r = clerk.post("/api/v1/documents", headers=token(clerk, "clerk"),
                   files=[("files", (f"{i}.png", b"x", "image/png")) for i in range(upload.MAX_FILES + 1)])
    assert r.status_code == 400 and f"more than {upload.MAX_FILES} files" in r.json()["detail"]


def test_a_seal_is_served_as_kept_and_marked_where_it_was_found(clerk: TestClient, home: Path) -> None:
    scan = SCAN.with_name("unit_letter_traditional.jpg")  # a real scan with a seal: OCR
    r = clerk.post("/api/v1/documents", headers=token(clerk, "clerk"),
                   files=[("files", (scan.name, scan.read_bytes(), "image/jpeg"))])
    assert r.status_code == 200, r.text
    doc = next(d for d in r.json() if d["seal"])
    assert doc["seal_crops"]
    kept = Image.open(home / doc["seal_crops"][0]).convert("RGB")
    assert png(clerk.get(f"/api/v1/documents/{doc['id']}/seals/1")).size == kept.size
    page = png(clerk.get(f"/api/v1/documents/{doc['id']}/pages/1"))
    (box, *_) = images.seal_boxes(page, [home / doc["seal_crops"][0]])
    cut = np.asarray(page.crop(box), dtype=float)
    assert np.abs(cut - np.asarray(kept, dtype=float)).mean() < 12  # found where it was cut
    # The record keeps where it was cut (the viewer marks that, searching nothing): the same place.
    stored = clerk.get(f"/api/v1/documents/{doc['id']}", headers=token(clerk, "clerk")).json()["seal_boxes"]
    x0, y0, x1, y1 = stored[doc["seal_crops"][0]]
    assert max(abs(a - b) for a, b in zip(box, (x0, y0, x1, y1), strict=True)) <= 2
    marked = png(clerk.get(f"/api/v1/documents/{doc['id']}/pages/1", params={"marks": "true"}))
    assert marked.getpixel(((x0 + x1) // 2, y0 + 1)) == images.SEAL_MARK
    viewer = clerk.get(f"/documents/{doc['id']}/pages/1").text
    assert f'src="/api/v1/documents/{doc["id"]}/seals/1"' in viewer


def test_an_upload_that_cannot_be_spooled_is_refused_and_leaves_nothing(clerk: TestClient, home: Path) -> None:
    spool = home / "uploads" / "spool"
    spool.mkdir(parents=True, exist_ok=True)
    spool.rename(spool.with_name("spool.away"))
    spool.write_text("a file where the spool folder should be")  # the spool cannot be written
    try:
        r = upload_form(clerk, [("a.png", SCAN.read_bytes())])
        assert r.status_code == 503 and "暂时无法保存上传的文件" in r.text
        r = clerk.post("/api/v1/documents", headers=token(clerk, "clerk"), files=[("files", ("a.png", b"x", "image/png"))])
        assert r.status_code == 503 and str(spool) in r.json()["detail"]
    finally:
        spool.unlink()
        spool.with_name("spool.away").rename(spool)
    assert not any(spool.iterdir())
