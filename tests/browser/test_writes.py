"""The workbench's two writing paths in Chromium (issue 19, point 7): a clerk corrects a document from the
review queue and undoes it from the history, and uploads a scan that is filed into its dossier.

The archive is shared by the session (tests/browser/conftest.py): the correction acts on the memo waiting
for review and is undone at the end; the upload brings its own car and adds a filed document, so this file
is named to run after test_workbench.py, whose first test counts the filed ones.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra")
from playwright.sync_api import Page, expect  # noqa: E402

from dossier.classify.keys import make_vin  # noqa: E402
from tests.browser.conftest import REVIEW_SOURCE  # noqa: E402
from tests.test_cli_intake import text_pdf  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.browser]

NEW_CAR = make_vin(random.Random(1919))  # a car no document names yet: the move creates its dossier
UPLOADED_CAR = make_vin(random.Random(2020))


def review_queue(page: Page) -> None:
    page.get_by_role("link", name="待办队列").click()
    page.locator("nav.queues a[href='/queues/review']").click()
    expect(page).to_have_url(re.compile(r"/queues/review$"))


def test_a_clerk_types_and_files_the_memo_from_the_review_queue_then_undoes_both(clerk_page: Page) -> None:
    page = clerk_page
    review_queue(page)
    row = page.locator("table.queue.review tr.row", has_text=REVIEW_SOURCE)
    expect(row).to_have_count(1)
    row.locator("a[href^='/documents/']").click()
    doc_url = page.url

    page.locator("form[action$='/set-type'] select[name=doc_type]").select_option("other_proof")
    page.get_by_role("button", name="设定类型").click()
    expect(page).to_have_url(doc_url)  # POST, then back to the document
    page.locator("form[action$='/move'] input[name=dossier]").fill(NEW_CAR)
    page.get_by_role("button", name="移入档案").click()
    expect(page.locator("table.facts a[href^='/dossiers/']")).to_have_text(NEW_CAR)

    review_queue(page)  # the queue has changed at once
    expect(page.locator("table.queue.review tr.row", has_text=REVIEW_SOURCE)).to_have_count(0)
    page.goto(f"/dossiers/{NEW_CAR}")
    expect(page.locator("table.documents")).to_contain_text(REVIEW_SOURCE)

    page.goto(doc_url)
    page.get_by_role("link", name="操作记录").last.click()
    history = page.locator("table.audit tr[class^='audit-']")
    expect(history).to_have_count(2)  # the move and the typing, newest first, each by the clerk
    expect(history.nth(0)).to_contain_text("clerk")
    for _ in range(2):  # undo the newest that is not undone yet: the move, then the typing
        page.locator("table.audit form[action$='/undo'] button").first.click()
    expect(page.locator("table.audit")).to_contain_text("已由 #")

    review_queue(page)  # back where it was: waiting for review, unassigned
    expect(page.locator("table.queue.review tr.row", has_text=REVIEW_SOURCE)).to_have_count(1)


def test_an_auditor_sees_no_correction_form_and_no_upload(auditor_page: Page) -> None:
    page = auditor_page
    review_queue(page)
    page.locator("table.queue.review tr.row", has_text=REVIEW_SOURCE).locator("a[href^='/documents/']").click()
    expect(page.locator("form[action$='/set-type']")).to_have_count(0)
    expect(page.locator("header nav a[href='/upload']")).to_have_count(0)


def test_an_uploaded_scan_is_filed_into_its_dossier_and_a_second_upload_is_a_duplicate(
        clerk_page: Page, tmp_path: Path) -> None:
    page = clerk_page
    pdf = text_pdf(tmp_path / "上传的交车检查表.pdf", [[
        "交车检查表", f"车架号：{UPLOADED_CAR}", "交车日期：2026年4月2日", "外观 内饰 随车工具"]])
    for attempt in ("filed", "duplicate"):
        page.locator("header nav a[href='/upload']").click()
        page.locator("form.upload input[type=file]").set_input_files(str(pdf))
        page.get_by_role("button", name="上传并归档").click()
        # The status page refreshes itself until every file is read.
        expect(page.locator("p.batch-state")).to_have_text("全部处理完毕", timeout=120_000)
        row = page.locator("table.upload tr.file", has_text=pdf.name)
        expect(row).to_have_count(1)
        if attempt == "filed":
            expect(row.locator("a[href^='/dossiers/']")).to_have_text(UPLOADED_CAR)
        else:
            expect(row.locator("td.outcome")).to_contain_text(re.compile("重复"))
    page.goto(f"/dossiers/{UPLOADED_CAR}")
    expect(page.locator("table.documents tr:has(td)")).to_have_count(1)
