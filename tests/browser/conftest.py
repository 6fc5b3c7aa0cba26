"""Fixtures for the workbench in a real browser (issue 19, point 7): Debian's Chromium driven by Playwright,
against `dossier serve` running as its own process over an archive the real pipeline filed.

A new test needs only a page: `clerk_page`, `archivist_page`, `manager_page`, `auditor_page` or
`admin_page` (already logged in, Chinese), `anon_page` (not logged in), or `page_as("clerk", lang="en")`.
Every page refuses to pass a test in which it opened a dialog (alert, confirm…), threw an uncaught error or
broke the Content-Security-Policy: the three signs of script that should not have run.

The archive and the server are shared by the whole session: a test that writes (a review correction, an
upload) should act on its own document (REVIEW_SOURCE is the one in the review queue; an upload brings its
own) and not change what the reading tests count on (the three filed documents and their two cars).
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dossier.classify.keys import make_vin
from tests.test_cli_intake import text_pdf
from tests.test_pipeline import dossier, lines

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium")
# As the machine's probe found: without the background-networking flags Chromium keeps dialling Google's
# hosts, which this closed network refuses; root needs --no-sandbox.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PASSWORD = "correct horse 1"
ROLES = ("clerk", "archivist", "manager", "auditor", "admin")
TODAY = "2026-04-30"  # weeks after the handovers: their checklists are overdue
VIN = make_vin(random.Random(5))  # the born-digital handover's car (a check digit that holds)
PLATE = "沪A12345"
SCAN = "second_car_delivery_copy.jpg"  # a photographed delivery sheet from samples/scans, read by OCR
SCAN_VIN = "LRWUBVBS5RL840632"  # its car, as its truth file says
HOSTILE_NAME = "<img src=x onerror=alert(1)>.pdf"
HOSTILE_TEXT = "<script>alert('xss')</script>"
REVIEW_SOURCE = "memo.pdf"  # a page with no known title: the one document waiting in the review queue


def _missing(reason: str) -> None:
    # A developer without Chromium skips; CI must not pass by skipping the browser.
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"CI: {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class Server:
    url: str
    home: Path
    proc: subprocess.Popen[str]
    log: Path


@dataclass
class Watch:
    """What a page did that no page of ours should: dialogs, uncaught errors, CSP violations."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Page:
        def on_dialog(d: Dialog) -> None:
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        def on_console(m: ConsoleMessage) -> None:
            if m.type == "error" and "Content Security Policy" in m.text:
                self.errors.append(m.text)

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("console", on_console)
        return page


def user_add(home: Path, name: str, role: str, password: str = PASSWORD) -> None:
    """`dossier user add`, the password on stdin, as an operator scripts it."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    env["DOSSIER_HOME"] = str(home)
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "user", "add", name, "--role", role],
                          input=password + "\n", capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home filed by the real pipeline: one scan (OCR), two born-digital PDFs (one hostile) filed, and a
    memo waiting for review."""
    work = tmp_path_factory.mktemp("browser")
    scans = work / "scans"
    scans.mkdir()
    shutil.copy(ROOT / "samples" / "scans" / SCAN, scans / SCAN)
    text_pdf(scans / "handover.pdf", [
        ["交车检查表", f"车架号：{VIN}", f"车牌号：{PLATE}", "交车日期：2026年3月6日", "外观 内饰 随车工具"],
    ])
    text_pdf(scans / HOSTILE_NAME, [
        ["汽车销售合同", f"车辆识别代号：{VIN}", HOSTILE_TEXT, "出卖人 买受人 车辆价款 违约责任", "签订日期：2026年3月9日"],
    ])
    text_pdf(scans / REVIEW_SOURCE, [["备忘", "下周三上午九点开会，讨论展厅布置。"]])  # no known title: to review
    home = work / "home"
    filed = {Path(d["source"]).name: d for d in lines(dossier(home, "ingest", "--json", str(scans)))}
    assert [d["status"] for d in filed.values()].count("filed") == 3, filed
    assert filed[REVIEW_SOURCE]["status"] == "needs_review", filed[REVIEW_SOURCE]
    for role in ROLES:
        user_add(home, role, role)
    return home


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`dossier serve` as its own process on a free loopback port; stopped (and its log shown) at the end."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    env.update({"DOSSIER_HOME": str(archive), "DOSSIER_TODAY": TODAY})
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "dossier.cli", "serve", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, text=True, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"dossier serve exited with {proc.returncode}:\n{log.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"dossier serve did not answer in 60 s:\n{log.read_text()}", pytrace=False)
        time.sleep(0.2)
    try:
        yield Server(url=url, home=archive, proc=proc, log=log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; or set DOSSIER_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed (the [dev] extra)")
    with sync_playwright() as p:
        # Debian's Chromium, never Playwright's own download (this machine has no way to fetch it).
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def watch() -> Iterator[Watch]:
    w = Watch()
    yield w
    assert not w.dialogs, f"a page opened a dialog: {w.dialogs}"
    assert not w.errors, f"script errors or CSP violations: {w.errors}"


@pytest.fixture
def new_page(browser: Browser, server: Server, watch: Watch) -> Iterator[Callable[[], Page]]:
    """Fresh browser contexts (own cookies) for this test, all watched, all closed at its end."""
    contexts = []

    def make() -> Page:
        ctx = browser.new_context(base_url=server.url, locale="zh-CN")
        ctx.set_default_timeout(10_000)
        contexts.append(ctx)
        return watch.attach(ctx.new_page())

    yield make
    for ctx in contexts:
        ctx.close()


def log_in(page: Page, name: str, password: str = PASSWORD) -> Page:
    """Through the login form, as a person does it."""
    page.goto("/login")
    page.locator("input[name=username]").fill(name)
    page.locator("input[name=password]").fill(password)
    page.locator("form.login button[type=submit]").click()
    return page


@pytest.fixture
def page_as(new_page: Callable[[], Page]) -> Callable[..., Page]:
    """A page logged in as that user (`page_as("admin")`: each role has a user of its name), in Chinese or,
    lang="en", English."""

    def make(name: str, lang: str = "zh") -> Page:
        page = log_in(new_page(), name)
        page.wait_for_url("**/")
        if lang != "zh":
            page.goto(f"/?lang={lang}")
        return page

    return make


@pytest.fixture
def anon_page(new_page: Callable[[], Page]) -> Page:
    return new_page()


@pytest.fixture
def clerk_page(page_as: Callable[..., Page]) -> Page:
    return page_as("clerk")


@pytest.fixture
def archivist_page(page_as: Callable[..., Page]) -> Page:
    return page_as("archivist")


@pytest.fixture
def manager_page(page_as: Callable[..., Page]) -> Page:
    return page_as("manager")


@pytest.fixture
def auditor_page(page_as: Callable[..., Page]) -> Page:
    return page_as("auditor")


@pytest.fixture
def admin_page(page_as: Callable[..., Page]) -> Page:
    return page_as("admin")
