"""Segmentation where the reading, not a title, shows the new document: a page of another sheet (a
landscape invoice, a photo) after an A4 form, a title beside its issuer's name or under a letterhead,
and a signing page whose handwriting or signing label is no title.

The cases read from tests/corpus/readings are RapidOCR's real readings of family b and e pages (the pages
as `dossier samples --family b|e` drew and the engine read them), with the generator's truth of which
pages make each document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.classify.segment import START_SCORE, STRONG_TITLE, page_title, printed_titles, segment
from dossier.models import PageText, Word
from dossier.policy import Policy
from tests.conftest import page

READINGS = Path(__file__).parent / "corpus" / "readings"


def _reading(name: str) -> tuple[list[PageText], list[list[int]]]:
    data = json.loads((READINGS / f"{name}.json").read_text(encoding="utf-8"))
    return [PageText.model_validate(p) for p in data["pages"]], data["documents"]


def test_a_landscape_invoice_and_a_photo_after_a4_forms_are_documents_of_their_own(policy: Policy) -> None:
    """The invoice's title shares its line with the invoice code (no title by layout), the photo has one
    word: before, each was filed as a second page of the form before it."""
    pages, truth = _reading("warranty_visit_photo_invoice")
    assert (pages[3].width > pages[3].height) and (pages[5].width > pages[5].height)
    assert segment(pages, policy) == truth


def test_a_signing_page_with_a_large_handwritten_name_stays_with_its_contract(policy: Policy) -> None:
    """The buyer's name is written larger than the print, among the page's first lines, beside 甲方: no
    title, since it stands away from the margin where the page's lines start."""
    pages, truth = _reading("newcar_signing_page")
    assert segment(pages, policy) == truth


def test_forms_titled_beside_their_issuers_name_are_documents_of_their_own(policy: Policy) -> None:
    """Each form's title is the first phrase of its first row and the dealer's name, printed smaller, ends
    that row at the right: the row is no title as a whole (cells far apart), so before, the five forms,
    their titles unknown to the policy, were filed as one document."""
    pages, truth = _reading("service_forms_titled_beside_issuer")
    assert [printed_titles(p)[:1] for p in pages] == [
        ["宏图汽车车辆进厂登记表"], ["车辆维修委托单"], ["宏图汽车出厂结算单"], ["宏图汽车首次保养卡"], ["宏图汽车免费检测项目表12项"]]
    assert segment(pages, policy) == truth


def test_a_table_header_row_and_a_key_value_row_are_no_title(policy: Policy) -> None:
    """Cells far apart of one size are a table's header, a label and its value a field: neither heads a
    document, even at the top of a page that continues a form."""
    form = page(("车辆维修结算单", 70), "工单号：WO2025001", "合计：1280元")
    words = [Word(text=t, box=(150 + 500 * k, 80, 150 + 500 * k + 40 * len(t), 120), conf=0.9)
             for k, t in enumerate(("维修项目", "工时费", "材料费"))]
    rest = page("三、质量保证", "维修后质保三个月", "客户签字：")
    header = PageText(width=1654, height=2339, words=words + [w.model_copy(update={"box": (w.box[0], w.box[1] + 60,
                                                                                           w.box[2], w.box[3] + 60)})
                                                               for w in rest.words])
    assert printed_titles(header) == []
    assert segment([form, header], policy) == [[0, 1]]


def test_a_photo_on_which_nothing_was_read_and_a_title_under_a_letterhead_start_documents(policy: Policy) -> None:
    """The photo is within the sheet tolerance of the invoice's size and carries no word; the contract's
    title is the fourth line of its page under a letterhead whose logo sits beside the issuer's name (one
    row): before, invoice, photo and contract were one document."""
    pages, truth = _reading("invoice_photo_contract")
    assert not pages[1].words and "整车购销协议" in printed_titles(pages[2])
    assert segment(pages, policy) == truth


def test_a_signing_page_numbered_as_a_later_one_stays_with_its_form(policy: Policy) -> None:
    """Its 第2页共2页 says it continues; its "（申请单位签字确认）" reads a little like an application's
    title (below a strong match), which before started a document of its own."""
    pages, truth = _reading("renovation_signing_page_numbered")
    assert segment(pages, policy) == truth


def _photo(*texts: str, width: int = 1260, height: int = 945) -> PageText:
    words = [Word(text=t, box=(400, 300 + 60 * k, 400 + 40 * len(t), 340 + 60 * k), conf=0.8) for k, t in enumerate(texts)]
    return PageText(width=width, height=height, words=words)


@pytest.mark.parametrize("shape", [(1260, 945), (945, 1260), (2339, 1654)])
def test_a_page_of_another_size_without_a_title_starts_a_document(policy: Policy, shape: tuple[int, int]) -> None:
    form = page(("车辆维修结算单", 70), "工单号：WO2025001", "车架号：LSVAM4187C2184527", "合计：1280元")
    continued = page("三、质量保证", "维修后质保三个月")
    assert segment([form, continued, _photo("沪A12345", width=shape[0], height=shape[1])], policy) == [[0, 1], [2]]


def test_pages_of_one_size_or_marked_as_later_pages_stay_together(policy: Policy) -> None:
    """A4 after Letter is one sheet within the tolerance; a landscape page numbered as the second page
    of its form continues it; two photos of one size in a row are one document."""
    form = page(("车辆维修结算单", 70), "工单号：WO2025001", "合计：1280元")
    letter = page("三、质量保证", "维修后质保三个月", width=1700, height=2200)
    assert segment([form, letter], policy) == [[0, 1]]
    later = page("签字确认", "第 2 页  共 2 页", width=2339, height=1654)
    assert segment([form, later], policy) == [[0, 1]]
    assert segment([form, _photo("沪A12345"), _photo("左前门")], policy) == [[0], [1, 2]]


def test_a_page_that_could_not_be_read_stays_with_its_document(policy: Policy) -> None:
    """A page the engine crashed or timed out on comes back with no size: it is no other sheet, and the
    document it belongs to goes to review whole."""
    form = page(("车辆维修结算单", 70), "工单号：WO2025001", "合计：1280元")
    unread = PageText(width=0, height=0)
    assert segment([form, unread, page("三、质量保证", "维修后质保三个月")], policy) == [[0, 1, 2]]


def _form(title: str, rows: list[str], pitch: int = 35) -> PageText:
    """A form as the engine boxes it: a small letterhead, a title at the margin printed in a larger font
    (its characters `pitch` pixels apart) whose box is padded little taller than a table row's, then
    two-cell rows of body print (22 pixels a character) in boxes nearly as tall as the title's."""
    words = [Word(text="华信物业服务有限公司", box=(120, 110, 340, 137), conf=0.95),
             Word(text=title, box=(120, 180, 120 + pitch * len(title), 221), conf=0.95)]
    for k, row in enumerate(rows):
        y = 260 + 50 * k
        label, value = row.split(" ")
        words += [Word(text=label, box=(130, y, 130 + 22 * len(label), y + 36), conf=0.95),
                  Word(text=value, box=(640, y, 640 + 22 * len(value), y + 36), conf=0.95)]
    return PageText(width=1240, height=1754, words=words)


def test_a_title_printed_in_a_larger_font_starts_a_document_though_its_box_is_little_taller(
        policy: Policy) -> None:
    """Two forms of a site the policy does not know, one after the other: each title's box is only 1.15
    times a table row's (the engine pads rows as much), but its characters are spaced 1.6 times wider
    than the body's. Before, the second form was filed as the first's second page."""
    rows = ["业主姓名 秦琳晨", "联系人 郑思", "联系电话 17250376485", "楼宇 滨江花园", "费用承担 申请方"]
    first, second = _form("钥匙领用登记表", rows), _form("车位租用申请表", rows)
    assert all(page_title(p, policy)[1] < START_SCORE for p in (first, second))
    assert printed_titles(first) == ["钥匙领用登记表"] and printed_titles(second) == ["车位租用申请表"]
    assert segment([first, second], policy) == [[0], [1]]
    # A line printed at the body's pitch is no title, however its box is padded.
    assert printed_titles(_form("钥匙领用登记表", rows, pitch=22)) == []


@pytest.mark.parametrize("footer", ["Page 1 of 1", "第 2 页  共 2 页", "共2頁 第2頁"])
def test_a_page_after_its_documents_last_numbered_page_starts_a_document(policy: Policy, footer: str) -> None:
    """A form whose title is missed (one row of body print, like its page before) still starts its own
    document when the page before is numbered as the last of its document; numbered as one page of two,
    the next page stays with it."""
    first = page("华信物业服务有限公司", "检查记录", "业主姓名：秦琳晨", footer)
    nxt = page("华信物业服务有限公司", "检查记录", "联系电话：17250376485")
    assert segment([first, nxt], policy) == [[0], [1]]
    not_last = page("华信物业服务有限公司", "检查记录", "业主姓名：秦琳晨", "Page 1 of 2")
    assert segment([not_last, nxt], policy) == [[0, 1]]


# --- page numbers: "Page k of n" as the engine reads it, k/n, and a page promised by the one before ----------

def _numbered_form(title: str, foot: str, width: int = 1654, height: int = 2339) -> PageText:
    return page((title, 70), "工单号：WX20250425140", "车牌号码：粤A12345", "客户签名：", foot, width=width, height=height)


@pytest.mark.parametrize("foot", ["Page1of1", "PagelofI", "Pge lol 1", "PAGE T OF 1", "1/1"])
def test_a_form_numbered_as_its_last_page_ends_its_document_however_the_number_is_read(
        policy: Policy, foot: str) -> None:
    """A title-less next form (its heading misread) after a page numbered 1 of 1, however loosely the engine
    read the small print: before, a misread "Pagelof1" or a bare "1/1" ended nothing and the next form was
    filed as the page's second."""
    untitled = page("工单号：WX20250425140", "车牌号码：粤A12345", "本次联系人及联系电话已与客户核实确认", "送修人签名：")
    assert segment([_numbered_form("维修工单", foot), untitled], policy) == [[0], [1]]


@pytest.mark.parametrize("foot", ["Page 1 of 2", "PtgeIol 2", "第1页 共2页", "1/2"])
def test_the_page_after_one_numbered_with_more_to_follow_continues_it(policy: Policy, foot: str) -> None:
    """The warranty terms printed behind a settlement carry a heading of their own and were scanned turned
    (landscape after portrait): the settlement says a second page follows, so they are that page."""
    terms = page(("维修质量保证说明", 70), "1、本次维修项目自出厂之日起享受质量保证", "2、因客户使用不当造成的损坏不在保证范围之内",
                 "客户确认签字：", width=2339, height=1654)
    assert segment([_numbered_form("结算单", foot), terms], policy) == [[0, 1]]


def test_a_page_numbering_itself_first_is_no_promised_page(policy: Policy) -> None:
    """Page 1 of 2 of one form, then Page 1 of 1 of the next: the second form's own number says it starts."""
    assert segment([_numbered_form("结算单", "Page 1 of 2"), _numbered_form("维修工单", "Page 1 of 1")],
                   policy) == [[0], [1]]


def test_a_bilingual_title_starts_a_document(policy: Policy) -> None:
    """A title printed with its English rendering on its line (PARKING PERMIT 车位申请表, read as one line) is a
    Chinese title: before, its Latin letters made it "mostly English" and the form was filed as the page
    before's second. A misread scrap of a line (IT酸) is still too short to be one."""
    rows = ["业主姓名 秦琳晨", "联系人 郑思", "联系电话 17250376485", "楼宇 滨江花园", "费用承担 申请方"]
    first, second = _form("钥匙领用登记表", rows), _form("PARKINGPERMIT车位申请表", rows)
    assert printed_titles(second) == ["PARKINGPERMIT车位申请表"]
    assert segment([first, second], policy) == [[0], [1]]
    assert printed_titles(_form("IT酸", rows)) == []


def test_terms_printed_on_a_forms_back_under_their_own_heading_stay_with_the_form(policy: Policy) -> None:
    """The warranty terms behind a settlement: a heading the policy does not know, numbered clauses of prose
    and no number, phone or VIN of their own. Before, the heading started a document of its own. A form the
    policy does not know, headed with its own reference, still starts one."""
    settlement = page(("结算单", 70), "维修单号：20250369004", "移动电话：19709661211", "应收金额：1720.00元")
    terms = page(("维修质量保证说明", 70), "1、本次维修项目自出厂之日起享受质量保证，小修及保养为二千公里或十日",
                 "2、质量保证期内因维修质量原因造成的故障，凭本结算单及发票免费返修", "3、因客户使用不当造成的损坏不在保证范围之内",
                 "客户确认签字：")
    assert segment([settlement, terms], policy) == [[0, 1]]
    addon = page(("维修增项确认单", 70), "维修单号：20250369005", "1、四轮定位 200.00元", "2、更换雨刮片 80.00元", "车主确认：")
    assert segment([settlement, addon], policy) == [[0], [1]]


def test_an_undertaking_in_sentences_on_a_forms_second_sheet_stays_with_the_form(policy: Policy) -> None:
    """入住承诺书 heads the second sheet, a title no policy knows, over sentences with no number, phone or date
    of its own: the form's own undertaking, as its printed terms are. Before, it was a document of its own."""
    pages, truth = _reading("move_in_undertaking_page")
    assert segment(pages, policy) == truth


def test_a_letter_in_sentences_after_a_form_is_a_document_of_its_own(policy: Policy) -> None:
    """A letter is written in sentences too, but its heading holds a title of the policy (工作联系函)."""
    pages, truth = _reading("application_then_letter")
    assert segment(pages, policy) == truth


def test_a_copy_under_a_centred_heading_on_an_almost_empty_page_starts_a_document(policy: Policy) -> None:
    """The ID card's picture gave the engine nothing but a stray word: the page has two lines, too few to
    measure a body against, but its first is a heading centred at the top. Before, it was filed as the
    contract's third page."""
    pages, truth = _reading("contract_then_id_copy_heading")
    assert segment(pages, policy) == truth


def test_a_signing_row_alone_on_a_forms_last_sheet_is_no_heading(policy: Policy) -> None:
    """One line across the sheet, 车主签名 服务顾问 … 质检员: places to sign, spaced as cells, not a title."""
    pages, truth = _reading("settlement_signing_row_page")
    assert segment(pages, policy) == truth


def test_a_heading_under_its_copys_mark_and_terms_read_like_a_title(policy: Policy) -> None:
    """A multi-part form names its copy over its heading row (第一联存根 printed small at the top right): the
    row under it still heads the page, so the road-test sheet is a document of its own, not the settlement's
    second page. The work order's terms are headed 维修委托条款, which reads like 维修委托书 (0.8, its head noun
    another), over numbered clauses and no number of their own: the work order's back, not a new form."""
    pages, truth = _reading("work_order_terms_then_road_test_copy")
    assert printed_titles(pages[3]) == ["吉利银河试车单"]
    assert START_SCORE <= page_title(pages[1], policy)[1] < STRONG_TITLE
    assert segment(pages, policy) == truth


def test_a_dated_notice_in_sentences_after_a_form_is_a_document_of_its_own(policy: Policy) -> None:
    """A notice to the tenant is written in sentences under a heading no policy knows, with no number of its
    own, as the form's undertaking is; but it is dated as a paper of its own. The undertaking, its date left
    blank for the signer, stays with the form."""
    form = page("翠湖花园管理处", ("入住登记表", 70), "单元号：11-1-502", "联系电话：196-9954-2196", "领取钥匙：5把")
    notice = page(("关于电梯更新改造的通知", 70), "11-1-502刘荣伦：",
                  "为保障大厦设施正常运行，本中心定于近期进行设施维护，届时部分区域将暂停使用，请提前做好安排。",
                  "特此函告。", "翠湖花园管理处", "2026年3月31日")
    undertaking = page(("业主承诺书", 70), "本人已详细阅读《临时管理规约》，承诺遵守物业管理各项规定，如有违反愿承担相应责任。",
                       "具结人：", "日期：年月日")
    assert segment([form, undertaking], policy) == [[0, 1]]
    assert segment([form, notice], policy) == [[0], [1]]


def _numbered(title: str, serial: str) -> PageText:
    """A form laid out as family k prints its service forms (RapidOCR's boxes of k61290_0001's pages 5 and
    6): the issuer's name, then the title at the margin with the form's serial number printed smaller far to
    its right, ending well short of the body's widest rows; then key-value rows in body print."""
    words = [Word(text="湖北荆楚新能源汽车销售服务有限公司", box=(94, 100, 554, 132), conf=0.95),
             Word(text=title, box=(95, 185, 95 + 33 * len(title), 221), conf=0.95),
             Word(text=serial, box=(880, 185, 1045, 208), conf=0.95)]
    rows = [("工单号", "FW20260810464"), ("客户姓名", "杨刚欣"), ("车架号(VIN)", "LC0A6CHT8N7982545"),
            ("车型", "元PLUS"), ("行驶里程", "7125km"), ("1.灯光及信号", "正常 异常"), ("2.雨刮及喷水", "正常 异常"),
            ("3.轮胎气压及磨损", "正常 异常"), ("4.制动液液位", "正常 异常 备注")]
    for k, (label, value) in enumerate(rows):
        y = 266 + 45 * k
        words += [Word(text=label, box=(98, y, 98 + 22 * len(label), y + 31), conf=0.95),
                  Word(text=value, box=(620, y, 620 + 28 * len(value) + 240 * (k == len(rows) - 1), y + 31),
                       conf=0.95)]
    return PageText(width=1240, height=1754, words=words)


@pytest.mark.parametrize("serial", ["No0045499", "编号：荆26146201", "Ne0126441"])
def test_a_title_with_its_forms_serial_number_beside_it_starts_a_document(policy: Policy, serial: str) -> None:
    """Each form heads its page with its title and, far to the right in smaller print, its serial number,
    which ends short of the page's widest rows (no issuer's name ending the row at the text's right edge).
    Before, the row was no title at all, and k's reception sheet and twelve-point check were filed as one
    document (four such joins on k)."""
    first, second = _numbered("比亚迪车辆进厂环车检查单", serial), _numbered("比亚迪十二项免费检测单", serial)
    assert printed_titles(first) == ["比亚迪车辆进厂环车检查单"]
    assert segment([first, second], policy) == [[0], [1]]
    # The same form's two pages under one title stay one document; a row whose right cell is a word is no title.
    assert segment([first, _numbered("比亚迪车辆进厂环车检查单", serial)], policy) == [[0, 1]]
    assert printed_titles(_numbered("比亚迪车辆进厂环车检查单", "客户确认")) == []
