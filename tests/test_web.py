"""The clerk's workbench (issue 19), first slice: login, sessions, CSRF, roles, the pages and the API, over a
real SQLite archive filed by the real pipeline (born-digital PDFs: their text layers, no OCR wait)."""

from __future__ import annotations

import io
import json
import random
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from fastapi.routing import APIRoute  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from dossier.classify.keys import make_vin  # noqa: E402
from dossier.config import Settings  # noqa: E402
from dossier.store import open_sqlite  # noqa: E402
from dossier.web import api, pages, throttle, users  # noqa: E402
from dossier.web.app import PUBLIC, create_app  # noqa: E402
from tests.test_cli_intake import text_pdf  # noqa: E402
from tests.test_pipeline import dossier, lines  # noqa: E402

VIN = make_vin(random.Random(5))  # a VIN whose check digit holds
TODAY = "2026-04-30"  # weeks after the handover: its checklist is overdue
PASSWORD = "correct horse 1"
HOSTILE_NAME = "<img src=x onerror=alert(1)>.pdf"
HOSTILE_TEXT = "<script>alert('xss')</script>"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("web")
    scans = work / "scans"
    scans.mkdir()
    text_pdf(scans / "handover.pdf", [
        ["交车检查表", f"车架号：{VIN}", "车牌号：沪A12345", "交车日期：2026年3月6日", "外观 内饰 随车工具"],
    ])
    text_pdf(scans / HOSTILE_NAME, [
        ["汽车销售合同", f"车辆识别代号：{VIN}", HOSTILE_TEXT, "出卖人 买受人 车辆价款 违约责任", "签订日期：2026年3月9日"],
    ])
    home = work / "home"
    filed = lines(dossier(home, "ingest", "--json", str(scans)))
    assert len(filed) == 2
    store = open_sqlite(home / "dossier.sqlite3")
    for name, role in (("admin", "admin"), ("clerk", "clerk"), ("auditor", "auditor"), ("unlucky", "clerk")):
        users.add_user(store.engine, name, role, PASSWORD)
    store.close()
    return home


@pytest.fixture(scope="module")
def client(home: Path) -> Iterator[TestClient]:
    # One client: the app's store lives on its event loop's thread (web/auth.py).
    with TestClient(create_app(Settings(home=home, today=TODAY)), follow_redirects=False) as c:
        yield c


@pytest.fixture
def anon(client: TestClient) -> TestClient:
    client.cookies.clear()
    return client


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, html
    return m.group(1)


def log_in(c: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    c.cookies.clear()
    r = c.post("/login", data={"username": name, "password": password, "csrf": csrf_of(c.get("/login").text)})
    assert r.status_code == 303, r.text
    return c


def token(c: TestClient, name: str) -> dict[str, str]:
    r = c.post("/api/v1/auth/token", data={"username": name, "password": PASSWORD})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "bearer"
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_nothing_answers_without_a_login_but_the_login_page_the_token_route_and_healthz(anon: TestClient) -> None:
    # Every route the app has: its own and its two routers' (the API's paths carry their prefix).
    routes = [r for r in [*anon.app.routes, *pages.router.routes, *api.router.routes]  # type: ignore[attr-defined]
              if isinstance(r, APIRoute)]
    assert {"/", "/search", "/dossiers/{key}", "/documents/{doc_id}", "/users", "/logout", "/openapi.json",
            "/api/v1/search", "/api/v1/dossiers/{key}", "/api/v1/documents/{doc_id}", "/api/v1/status",
            "/api/v1/users"} <= {r.path for r in routes}
    checked = 0
    for route in routes:
        if route.path in PUBLIC:
            continue
        path = route.path.replace("{key}", VIN).replace("{doc_id}", "1")
        for method in route.methods or ():
            r = anon.request(method, path, params={"q": VIN})
            if path.startswith("/api/") or path == "/openapi.json":
                assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer", (method, path)
            else:  # a page: to the login page, nothing of the archive in the answer
                assert r.status_code == 303 and r.headers["location"] == "/login", (method, path)
            assert VIN not in r.text
            checked += 1
    assert checked >= 12
    assert anon.get("/healthz").json() == {"status": "ok"}
    assert anon.get("/login").status_code == 200
    # A forged or foreign token is no login either.
    assert anon.get("/api/v1/status", headers={"Authorization": "Bearer forged.token.value"}).status_code == 401


def test_every_answer_carries_the_security_headers(anon: TestClient) -> None:
    for r in (anon.get("/login"), anon.get("/"), anon.get("/api/v1/status"), anon.get("/healthz")):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
    assert "<script" not in anon.get("/login").text  # no inline script to allow


def test_login_sets_a_protected_cookie_and_logout_ends_the_session(anon: TestClient) -> None:
    page = anon.get("/login")
    assert "登录" in page.text
    r = anon.post("/login", data={"username": "clerk", "password": "wrong password", "csrf": csrf_of(page.text)})
    assert r.status_code == 401 and "用户名或密码错误" in r.text
    r = anon.post("/login", data={"username": "clerk", "password": PASSWORD, "csrf": csrf_of(r.text)})
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    home = anon.get("/")
    assert home.status_code == 200 and "今日概况" in home.text and "clerk" in home.text
    shown = {k: int(n) for k, n in re.findall(r'count-(\w+)"><th>[^<]+</th><td>(\d+)<', home.text)}
    assert shown["filed"] == 2 and shown["overdue"] >= 1
    stolen = dict(anon.cookies)
    r = anon.post("/logout", data={"csrf": csrf_of(home.text)})
    assert r.status_code == 303 and r.headers["location"] == "/login"
    anon.cookies.clear()
    anon.cookies.update(stolen)  # the cookie from before the logout, replayed: no longer a session
    assert anon.get("/").status_code == 303


def test_five_failures_lock_the_name_for_fifteen_minutes(anon: TestClient, home: Path) -> None:
    for _ in range(users.MAX_FAILURES):
        r = anon.post("/login", data={"username": "unlucky", "password": "guess",
                                      "csrf": csrf_of(anon.get("/login").text)})
    assert r.status_code == 429 and "锁定 15 分钟" in r.text
    # Locked: even the right password is refused, in the pages and the API alike.
    r = anon.post("/login", data={"username": "unlucky", "password": PASSWORD, "csrf": csrf_of(anon.get("/login").text)})
    assert r.status_code == 429
    assert anon.post("/api/v1/auth/token", data={"username": "unlucky", "password": PASSWORD}).status_code == 429
    store = open_sqlite(home / "dossier.sqlite3")
    try:
        later = users._now() + users.LOCK_FOR + timedelta(seconds=1)
        assert users.login(store.engine, "unlucky", PASSWORD, now=later).user is not None  # the lock expires
    finally:
        store.close()


def test_one_address_trying_many_names_is_slowed_down(home: Path) -> None:
    # Names that do not exist are never locked; the address that tries them is, for a minute.
    with TestClient(create_app(Settings(home=home, today=TODAY)), follow_redirects=False) as c:
        for n in range(throttle.MAX_FAILURES):
            r = c.post("/api/v1/auth/token", data={"username": f"guess{n}", "password": "guess"})
            assert r.status_code == 401
        r = c.post("/api/v1/auth/token", data={"username": "admin", "password": PASSWORD})
        assert r.status_code == 429 and 0 < int(r.headers["Retry-After"]) <= throttle.WINDOW + 1
        r = c.post("/login", data={"username": "admin", "password": PASSWORD, "csrf": csrf_of(c.get("/login").text)})
        assert r.status_code == 429 and "此地址登录失败次数过多" in r.text and r.headers["Retry-After"]
    # A minute later the address may try again (the window, on a clock the test moves).
    now = [0.0]
    t = throttle.LoginThrottle(window=60, limit=2, clock=lambda: now[0])
    t.failed("10.0.0.7")
    t.failed("10.0.0.7")
    assert t.wait("10.0.0.7") == 61 and t.wait("10.0.0.8") == 0
    now[0] = 30.0
    assert t.wait("10.0.0.7") == 31
    now[0] = 60.0
    assert t.wait("10.0.0.7") == 0


def test_a_form_without_its_csrf_token_is_refused(anon: TestClient) -> None:
    assert anon.post("/login", data={"username": "admin", "password": PASSWORD}).status_code == 403
    c = log_in(anon, "admin")
    r = c.post("/users", data={"name": "sneaky", "role": "admin", "password": PASSWORD})
    assert r.status_code == 403
    r = c.post("/users", data={"name": "sneaky", "role": "admin", "password": PASSWORD, "csrf": "another-sites"})
    assert r.status_code == 403
    assert "sneaky" not in c.get("/users").text
    assert c.post("/logout", data={}).status_code == 403


def test_untrusted_text_and_file_names_are_shown_not_run(anon: TestClient) -> None:
    c = log_in(anon, "clerk")
    hits = c.get("/api/v1/search", params={"q": "违约责任"}, headers=token(c, "clerk")).json()
    doc_id = next(h["id"] for h in hits if h["source"].endswith(HOSTILE_NAME))
    for page in (c.get(f"/documents/{doc_id}").text, c.get("/search", params={"q": "alert"}).text,
                 c.get(f"/dossiers/{VIN}").text):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in page
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in c.get(f"/documents/{doc_id}").text


def test_an_auditor_reads_but_cannot_add_users(anon: TestClient) -> None:
    c = log_in(anon, "auditor")
    assert c.get(f"/dossiers/{VIN}").status_code == 200
    assert c.get("/users").status_code == 403
    r = c.post("/users", data={"name": "mallory", "role": "admin", "password": PASSWORD,
                               "csrf": csrf_of(c.get("/").text)})
    assert r.status_code == 403
    new = {"name": "mallory", "role": "admin", "password": PASSWORD}
    assert c.post("/api/v1/users", json=new, headers=token(c, "auditor")).status_code == 403
    assert c.post("/api/v1/users", json=new, headers=token(c, "clerk")).status_code == 403
    # The admin may, and the new user logs in.
    r = c.post("/api/v1/users", json={**new, "name": "lin", "role": "archivist"}, headers=token(c, "admin"))
    assert r.status_code == 201 and r.json()["role"] == "archivist"
    assert c.post("/api/v1/auth/token", data={"username": "lin", "password": PASSWORD}).status_code == 200
    admin = log_in(c, "admin")
    r = admin.post("/users", data={"name": "wang", "role": "auditor", "password": PASSWORD,
                                   "csrf": csrf_of(admin.get("/users").text)})
    assert r.status_code == 303 and "wang" in admin.get("/users").text


def test_the_api_answers_with_the_clis_json(anon: TestClient, home: Path) -> None:
    auth = token(anon, "clerk")
    hits = anon.get("/api/v1/search", params={"q": VIN}, headers=auth).json()
    assert hits and all(h["dossier"] == {"kind": "car", "key": VIN} for h in hits)
    cli = [json.loads(line) for line in dossier(home, "search", "--json", VIN).stdout.splitlines()][0]
    assert [h["id"] for h in hits] == [h["id"] for h in cli]
    view = anon.get("/api/v1/dossiers/沪A12345", headers=auth).json()  # the plate finds the car
    assert view == json.loads(dossier(home, "show", "--json", VIN).stdout) | {"checklists": view["checklists"]}
    assert view["key"] == VIN and view["checklists"]
    doc = anon.get(f"/api/v1/documents/{hits[0]['id']}", headers=auth).json()
    assert doc["id"] == hits[0]["id"] and VIN in doc["text"]
    assert anon.get("/api/v1/documents/999999", headers=auth).status_code == 404
    assert anon.get("/api/v1/dossiers/NOSUCHKEY", headers=auth).status_code == 404
    status = anon.get("/api/v1/status", headers=auth).json()
    assert status["filed"] + status["needs_review"] == 2
    schema = anon.get("/openapi.json", headers=auth).json()
    assert {"/api/v1/search", "/api/v1/dossiers/{key}", "/api/v1/documents/{doc_id}", "/api/v1/status",
            "/api/v1/auth/token"} <= set(schema["paths"])
    assert "/login" not in schema["paths"]


def test_search_finds_a_vin_and_the_dossier_page_lists_its_checklist(anon: TestClient) -> None:
    c = log_in(anon, "clerk")
    hits = c.get("/search", params={"q": VIN}).text.split('<ol class="hits">')[1]
    assert f'href="/dossiers/{VIN}"' in hits and "交车检查表" in hits and f"<mark>{VIN}</mark>" in hits
    page = c.get(f"/dossiers/{VIN}").text
    assert "清单" in page and "截止 2026-03-11" in page and "已逾期" in page
    documents = page.split("文件（最新在前）")[1]
    assert documents.index("&lt;img src=x") < documents.index("handover.pdf")  # newest first: 9 March, then 6 March
    english = c.get(f"/dossiers/{VIN}", params={"lang": "en"}).text
    assert "Checklists" in english and "overdue" in english and "due 2026-03-11" in english
    assert "Checklists" in c.get(f"/dossiers/{VIN}").text  # the choice is kept in the session
    c.get("/", params={"lang": "zh"})
    assert c.get("/dossiers/NOSUCHKEY").status_code == 404


def _hit_sources(html: str) -> list[str]:
    return re.findall(r'<span class="source">([^<]*)</span>', html.split('<ol class="hits">')[1])


def test_search_page_filters_by_dossier_kind_and_date(anon: TestClient) -> None:
    c = log_in(anon, "clerk")
    page = c.get("/search", params={"q": VIN}).text
    assert len(_hit_sources(page)) == 2
    assert '<option value="car">一车一档</option>' in page and page.count('type="date"') == 2
    assert "起始日期" in page and "截止日期" in page
    # The handover is dated 6 March, the contract 9 March: a one-day range keeps one, its edges included.
    day = c.get("/search", params={"q": VIN, "since": "2026-03-06", "until": "2026-03-06"}).text
    assert [s.endswith("handover.pdf") for s in _hit_sources(day)] == [True]
    later = c.get("/search", params={"q": VIN, "kind": "car", "since": "2026-03-07", "until": ""}).text
    assert [s.endswith(".pdf") and "handover" not in s for s in _hit_sources(later)] == [True]
    assert 'value="2026-03-07"' in later and '<option value="car" selected>' in later  # the form keeps them
    units = c.get("/search", params={"q": VIN, "kind": "unit"}).text
    assert _hit_sources(units) == [] and "没有找到结果" in units
    bad = c.get("/search", params={"q": VIN, "since": "2026-13-01"})
    assert bad.status_code == 422 and "日期无法识别" in bad.text and '<ol class="hits">' not in bad.text
    english = c.get("/search", params={"q": VIN, "until": "06/03/2026", "lang": "en"}).text
    assert "not a date" in english and "dossier kind" in english
    c.get("/", params={"lang": "zh"})


def test_search_api_and_cli_filter_by_dossier_kind_and_date(
    anon: TestClient, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.cli import main

    auth = token(anon, "clerk")

    def api_ids(**params: str) -> list[int]:
        r = anon.get("/api/v1/search", params={"q": VIN, **params}, headers=auth)
        assert r.status_code == 200, r.text
        return [h["id"] for h in r.json()]

    both = api_ids()
    assert len(both) == 2
    (handover,) = api_ids(until="2026-03-06")
    (contract,) = api_ids(since="2026-03-07", kind="car")
    assert {handover, contract} == set(both)
    assert api_ids(since="2026-03-06", until="2026-03-09") == both  # both edges inclusive
    assert api_ids(kind="unit") == [] and api_ids(since="2026-03-10") == []
    assert anon.get("/api/v1/search", params={"q": VIN, "since": "yesterday"}, headers=auth).status_code == 422
    params = anon.get("/openapi.json", headers=auth).json()["paths"]["/api/v1/search"]["get"]["parameters"]
    assert {"kind", "since", "until"} <= {p["name"] for p in params}

    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    capsys.readouterr()
    assert main(["search", VIN, "--json", "--home", str(home), "--since", "2026-03-07", "--kind", "car"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [contract]
    assert main(["search", VIN, "--json", "--home", str(home), "--until", "2026-03-06"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [handover]
    assert main(["search", VIN, "--home", str(home), "--kind", "unit"]) == 0
    assert "没有找到结果" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        main(["search", VIN, "--home", str(home), "--since", "2026-02-30"])
    assert usage.value.code == 2 and "日期无法识别" in capsys.readouterr().err


def test_dossier_user_add_takes_the_password_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dossier.cli import main

    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "zhang", "--role", "manager", "--home", str(tmp_path)]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["user", "add", "zhang", "--role", "manager", "--home", str(tmp_path)]) != 0  # taken
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["user", "add", "li", "--role", "clerk", "--home", str(tmp_path)]) != 0
    store = open_sqlite(tmp_path / "dossier.sqlite3")
    try:
        assert [u.name for u in users.list_users(store.engine)] == ["zhang"]
        assert users.login(store.engine, "zhang", PASSWORD).user == users.User(name="zhang", role="manager")
        assert users.login(store.engine, "zhang", "wrong password").user is None
    finally:
        store.close()
