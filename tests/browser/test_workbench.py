"""The workbench as a clerk sees it, in Chromium: log in, search, a dossier and its overdue checklist, a
document, log out, untrusted text shown and not run, the English switch, the roles' menus."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from playwright.sync_api import Page, expect  # noqa: E402

from tests.browser.conftest import (  # noqa: E402
    HOSTILE_NAME,
    HOSTILE_TEXT,
    PASSWORD,
    PLATE,
    SCAN_VIN,
    VIN,
    Watch,
    log_in,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def search(page: Page, query: str) -> None:
    """The search page from the menu, its box, then Enter."""
    page.locator("nav a[href='/search']").click()
    box = page.locator("form.search input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))


def test_a_wrong_password_is_told_then_the_right_one_logs_in(anon_page: Page) -> None:
    page = anon_page
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))  # no page without a login
    log_in(page, "archivist", "not the password")
    expect(page.get_by_role("alert")).to_have_text("用户名或密码错误")
    expect(page.locator("input[name=username]")).to_have_value("archivist")  # kept, the password not
    expect(page.locator("input[name=password]")).to_have_value("")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.login button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.locator("h1")).to_have_text("今日概况")
    expect(page.locator(".who")).to_contain_text("archivist")
    expect(page.locator("tr.count-filed td")).to_have_text("3")
    expect(page.locator("tr.count-needs_review td")).to_have_text("1")


def test_a_vin_and_a_two_character_query_find_their_documents(clerk_page: Page) -> None:
    page = clerk_page
    search(page, SCAN_VIN)  # the scan's VIN, as OCR read it off the photographed sheet
    hits = page.locator("ol.hits > li")
    expect(hits).to_have_count(1)
    expect(hits.locator("mark")).to_have_text(SCAN_VIN)
    hits.first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/documents/\d+$"))
    expect(page.locator("h1")).to_contain_text("交车检查表")
    expect(page.locator("table.facts")).to_contain_text(SCAN_VIN)

    search(page, "违约")  # two characters of Chinese, in the contract only
    expect(hits).to_have_count(1)
    expect(hits.locator("mark").first).to_have_text("违约")
    hits.first.locator("a").first.click()
    expect(page.locator("h1")).to_contain_text("销售合同")
    expect(page.locator("pre.ocr")).to_contain_text("违约责任")

    search(page, "没有这种字")
    expect(page.get_by_text("没有找到结果")).to_be_visible()


def test_a_dossier_shows_its_overdue_checklist_and_opens_a_document_then_logout_ends_it(clerk_page: Page) -> None:
    page = clerk_page
    search(page, PLATE)  # the plate finds the car
    page.locator("ol.hits a.key", has_text=VIN).first.click()
    expect(page).to_have_url(re.compile(rf"/dossiers/{VIN}$"))
    expect(page.locator("h1")).to_contain_text(VIN)
    handover = page.locator("section.checklist.overdue").first
    expect(handover.locator(".flag")).to_have_text("已逾期")
    expect(handover.locator(".due")).to_have_text("截止 2026-03-11")
    expect(page.locator("section.checklist li.item-missing").first).to_be_visible()
    rows = page.locator("table.documents tr:has(td)")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(HOSTILE_NAME)  # newest first: 9 March, then 6 March
    expect(rows.nth(1)).to_contain_text("handover.pdf")
    rows.nth(1).locator("a", has_text="#").first.click()
    expect(page).to_have_url(re.compile(r"/documents/\d+$"))
    expect(page.locator("table.fields")).to_contain_text(PLATE)

    page.get_by_role("button", name="退出登录").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    page.goto(f"/dossiers/{VIN}")  # the session is gone: back to the login page
    expect(page).to_have_url(re.compile(r"/login$"))


def test_text_and_names_with_markup_are_shown_and_never_run(clerk_page: Page, watch: Watch) -> None:
    page = clerk_page
    search(page, "违约")
    expect(page.locator("ol.hits .source")).to_have_text(re.compile(re.escape("/" + HOSTILE_NAME) + "$"))
    page.locator("ol.hits > li a").first.click()
    expect(page.locator("pre.ocr")).to_contain_text(HOSTILE_TEXT)  # the characters, as written
    expect(page.locator("table.facts")).to_contain_text(HOSTILE_NAME)
    page.goto(f"/dossiers/{VIN}")
    expect(page.locator("table.documents")).to_contain_text(HOSTILE_NAME)
    search(page, "alert")
    expect(page.locator("ol.hits > li")).to_have_count(1)
    assert page.locator("img[src=x], main script").count() == 0  # no element made of the text
    assert watch.dialogs == []  # and the fixture fails the test on any dialog that fires later


def test_the_english_switch_is_kept_and_switches_back(clerk_page: Page) -> None:
    page = clerk_page
    page.goto(f"/dossiers/{SCAN_VIN}")
    expect(page.locator("h2").first).to_have_text("清单")
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h2").first).to_have_text("Checklists")
    expect(page.locator("section.checklist.overdue .flag").first).to_have_text("overdue")
    page.get_by_role("link", name="Search", exact=True).click()  # the choice stays with the session
    expect(page.locator("h1")).to_have_text("Search")
    page.get_by_role("link", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-CN")
    expect(page.locator("h1")).to_have_text("搜索")


def test_only_the_admin_manages_users(page_as: Callable[..., Page]) -> None:
    auditor = page_as("auditor")
    expect(auditor.locator("header nav")).not_to_contain_text("用户")
    auditor.goto("/users")
    expect(auditor.locator("main")).not_to_contain_text("clerk")  # refused, no list of users

    admin = page_as("admin")
    admin.locator("nav a[href='/users']").click()
    admin.locator("form[action='/users'] input[name=name]").fill("zhao")
    admin.locator("form[action='/users'] select[name=role]").select_option("auditor")
    admin.locator("form[action='/users'] input[name=password]").fill(PASSWORD)
    admin.locator("form[action='/users'] button[type=submit]").click()
    expect(admin.locator("main table").first).to_contain_text("zhao")

    newcomer = page_as("zhao")  # who can now log in, and reads
    expect(newcomer.locator(".who")).to_contain_text("zhao")
