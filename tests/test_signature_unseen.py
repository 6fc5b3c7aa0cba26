"""Signature fields on forms no one here wrote (issue 18): labels read without the characters the engine
cannot emit, bare parties in a signing row, names written large and read by OCR, faint table rulings,
and the policy's own labels neither read in another side's label nor in a printed name field.

Lines are given as the engine returns them (one Word per printed run); pages are drawn with PIL at
~200 dpi with real handwritten Chinese names (samples/real/chinese-signatures), as in
test_signature_shapes.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.seal import SealHit
from dossier.classify.signature import check_signatures, find_signature_fields
from dossier.classify.signature_labels import _lines, find_labels
from dossier.classify.signature_match import required_signatures
from dossier.models import SignatureField, Word
from dossier.policy import SignatureRule, default_policy
from tests.test_signature_shapes import LH, font, name_alpha, sign


def row(*texts: str, y: int = 100, h: int = 40) -> list[Word]:
    """One printed line: each text a word of its own, 60 px apart. A text in braces is a name written
    by hand that OCR read: twice the print's height, less sure."""
    words, x = [], 150
    for t in texts:
        if t.startswith("{"):
            t = t.strip("{}")
            words.append(Word(text=t, box=(x, y - h // 2, x + 2 * h * len(t), y + 3 * h // 2), conf=0.85))
            x += 2 * h * len(t) + 60
            continue
        words.append(Word(text=t, box=(x, y, x + h * len(t), y + h), conf=0.95))
        x += h * len(t) + 60
    return words


def found(words: list[Word], traditional: bool = False) -> list[tuple[str, str]]:
    return [(f.label, f.role) for f in find_labels(_lines(words), traditional=traditional)]


# --- labels read as the engine reads them ---------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "label", "role"),
    [
        (("託修方收：",), "託修方收", "customer"),  # 簽 dropped from 簽收
        (("接待員章", "{趙雪}"), "接待員章", "staff"),  # ... from 簽章, the name written after it
        (("維修技師名", "{楊紫涵}"), "維修技師名", "staff"),  # ... from 簽名
        (("名（技術主管）：",), "名（技術主管）", "staff"),  # the party in brackets after it
        (("質員策收",), "質員策收", "staff"),  # 檢 dropped from 質檢員, 簽 misread
    ],
)
def test_a_traditional_label_missing_what_the_engine_cannot_read_is_found(
    texts: tuple[str, ...], label: str, role: str
) -> None:
    assert found(row(*texts), traditional=True) == [(label, role)]


def test_a_clipped_signing_word_counts_only_on_a_traditional_page() -> None:
    # On a Simplified page the engine reads 签 and 认: what is left is another word (客户名 of 客户名称).
    assert found(row("客户名", "张伟")) == []
    assert found(row("客户名称：", "张伟"), traditional=True) == []
    # ... and on a Traditional page a printed value after it says it is a table's name field.
    assert found(row("客戶名", "武漢宏達物流有限公司"), traditional=True) == []


@pytest.mark.parametrize(
    ("text", "label", "role"),
    [("物业经办人(确认):", "物业经办人(确认)", "staff"), ("質員(蓋章):", "質員(蓋章)", "staff")],
)
def test_a_signing_word_in_brackets_after_its_party_ends_the_label(text: str, label: str, role: str) -> None:
    assert found(row(text)) == [(label, role)]


def test_a_name_written_before_a_label_is_not_part_of_it() -> None:
    """OCR's word for a name written large touches the next label's word: the label starts at its party."""
    name = Word(text="楊紫涵", box=(600, 40, 1255, 260), conf=0.83)
    label = Word(text="服務顧問簽字", box=(1251, 120, 1491, 160), conf=0.95)
    assert found([name, label]) == [("服務顧問簽字", "staff")]


# --- bare parties in a signing row ----------------------------------------------------------------


def test_two_bare_parties_side_by_side_make_a_signing_row() -> None:
    assert found(row("车主：", "服务顾问：")) == [("车主", "customer"), ("服务顾问", "staff")]
    assert found(row("客户：", "电话：")) == []  # one party: a row of fields to fill in


def test_a_bare_party_over_a_blank_date_is_a_field_but_not_over_a_filled_one() -> None:
    party = row("购车人：", y=100)
    assert found(party + row("日期：", "年", "月", "日", y=190)) == [("购车人", "customer")]
    assert found(party + row("日期：2024年3月5日", y=190)) == []
    # Under a signature label with the signing space between them.
    assert found(row("客户代表(签收)：", y=100) + row("服务专员：", y=300)) == [
        ("客户代表(签收)", "customer"), ("服务专员", "staff")]


def test_a_party_alone_in_a_row_beside_a_signing_label_is_a_field() -> None:
    """A signing row whose other fields print only who signs: 客户签字 服务顾问 质检员, or each in brackets
    under its line. A post placed by its ending (结算员, 客务部) counts; the engine's two words for one
    label (质检|员) are one; a written name between is no printed value."""
    assert found(row("客户签字", "服务顾问", "质检员")) == [
        ("客户签字", "customer"), ("服务顾问", "staff"), ("质检员", "staff")]
    assert found(row("（客户签字）", "（服务顾问）", "（质检员）")) == [
        ("（客户签字）", "customer"), ("服务顾问", "staff"), ("质检员", "staff")]
    assert found(row("车主签名", "结算员", "{王磊}", "客务部")) == [
        ("车主签名", "customer"), ("结算员", "staff"), ("客务部", "staff")]
    touching = row("客户签字", "服务顾问") + [Word(text="质检", box=(900, 100, 980, 140), conf=0.95),
                                              Word(text="员", box=(985, 100, 1025, 140), conf=0.95)]
    assert [label for label, _ in found(touching)] == ["客户签字", "服务顾问", "质检员"]


def test_a_party_opening_the_row_under_a_signing_row_is_a_field_but_not_before_a_value() -> None:
    """租户代表签字 ____年__月__日 over 管理处经办人 ____年__月__日: the second row's party, made of two party words,
    is the next field. A party with a printed value after it (经办人 秦俊杰) is a name field, and parties
    heading a table beside its other columns are no fields."""
    signing = row("租户代表签字", "年月日", y=100)
    assert found(signing + row("管理处经办人", "年月日", y=200)) == [
        ("租户代表签字", "customer"), ("管理处经办人", "staff")]
    assert found(signing + row("经办人", "秦俊杰", y=200)) == [("租户代表签字", "customer")]
    assert found(row("客户", "服务顾问", "金额")) == []
    # The firm's post heading its opinion box signs it off (g 009, h 014: 管理处意见, 工程部意见 over a signature);
    # a customer's comment box is no field.
    assert found(signing + row("管理处意见", "年月日", y=200)) == [("租户代表签字", "customer"), ("管理处意见", "staff")]
    assert found(signing + row("客户意见", "年月日", y=200)) == [("租户代表签字", "customer")]


def test_a_line_of_parties_alone_is_a_signing_row_and_a_doer_no_list_places_is_a_field() -> None:
    """申请人 受理人 with nothing printed between (a name written by hand may be): a line that prints only who
    signs. 见证人 beside 车主签名 names a doer no list places: a field whose side the document tells. A
    stacked row's date to fill in read in pieces (年|月) is no printed value."""
    assert found(row("申请人", "{李浩然}", "受理人")) == [("申请人", "customer"), ("受理人", "staff")]
    assert found(row("申请人", "受理人", "日期", "2025.3.18")) == []
    assert found(row("车主签名", "见证人")) == [("车主签名", "customer"), ("见证人", "unknown")]
    assert found(row("客户签字", "年", "月", "日", y=100) + row("服务顾问", "年", "月", y=200)) == [
        ("客户签字", "customer"), ("服务顾问", "staff")]


def test_a_party_before_its_colon_closing_the_page_is_a_field() -> None:
    """A printout closing with 检测技师：____ (nothing printed under it but the page number): the form's
    last line names who signs it. Higher up, a lone 检测技师： among the readings is a field to fill in."""
    readings = row("冷却液温度", "326.3", y=100) + row("故障码：U0121", y=160)
    assert found(readings + row("检测技师：", y=220) + row("1/1", y=400)) == [("检测技师", "staff")]
    assert found(row("检测技师：", y=100) + readings[:2] + row("故障码：U0121", y=400)) == []


def test_a_doer_no_list_places_takes_the_other_side_of_its_signing_row() -> None:
    """车主签名 | 接车人 on a form whose type requires the customer only: the doer beside the customer is the
    business's, reported where the form prints its signature. A bare （签字） names no one and stays unknown."""
    dt = next(d for d in default_policy().doc_types.values() if [r.role for r in d.signatures] == ["customer"])
    fields = [_field("车主签名", "customer", "signed", "车主", 200), _field("接车人", "unknown", "blank", "接车人", 900),
              _field("（签字）", "unknown", "blank", None, 900, y=1500)]
    out = {(f.label, f.role, f.required) for f in required_signatures(dt, fields)}
    assert ("接车人", "staff", True) in out
    assert ("（签字）", "unknown", False) in out


def test_a_party_read_unsure_or_inside_a_seal_is_no_field_of_the_row() -> None:
    """A name written by hand that OCR read as capitals (ALY, unsure) beside 检验员(确认) is no post; a seal's
    department name (工程部) under a signing row is the seal's text, not a party of the row."""
    unsure = row("用户（签认）", "ALY", "检验员(确认)")
    unsure[1] = unsure[1].model_copy(update={"conf": 0.67})
    assert [label for label, _ in found(unsure)] == ["用户（签认）", "检验员(确认)"]
    page = np.full((600, 1654, 3), 255, np.uint8)
    words = row("客服主管签字：", y=100) + row("工程部", y=190)
    assert [f.label for f in find_signature_fields(page, words, [])] == ["客服主管签字", "工程部"]
    seal = SealHit(box=(100, 120, 500, 420), shape="round", score=0.9)
    assert [f.label for f in find_signature_fields(page, words, [], seals=[seal])] == ["客服主管签字"]
    # j 056: a post printed beside a round seal, in its box's corner but outside its ring, is the row's field
    row_words = row("工程部审核：", "客服部经办：", y=400)  # 客服部经办 spans x 510-750, centre (630, 420)
    beside = SealHit(box=(600, 160, 1000, 460), shape="round", score=0.9)  # its ring reaches y 440 at x 630 no more
    assert [f.label for f in find_signature_fields(np.full((600, 1654, 3), 255, np.uint8), row_words, [],
                                                   seals=[beside])] == ["工程部审核", "客服部经办"]


# --- the policy's labels --------------------------------------------------------------------------


def test_a_policy_label_with_a_name_printed_after_it_is_no_signature_field() -> None:
    page = np.full((400, 1654, 3), 255, np.uint8)
    staff = SignatureRule(role="staff", labels=["销售顾问", "客戶簽名"])
    # A name field, a table row, and 客戶名稱 read without its 稱 (as 客戶簽名 is read without its 簽).
    for words in (row("销售顾问:韦亚军"), row("销售顾问", "谢静"), row("客戶名", "武漢宏達物流有限公司")):
        (only,) = check_signatures(page, words, [staff])
        assert only.status == "uncertain" and only.box is None


def test_a_policy_label_read_inside_the_other_sides_label_is_that_sides_field() -> None:
    page = np.full((400, 1654, 3), 255, np.uint8)
    customer = SignatureRule(role="customer", labels=["顾客确认"])  # 顾问确认 is one character from it
    fields = find_signature_fields(page, row("服务顾问确认："), [customer])
    assert [(f.label, f.role) for f in fields] == [("服务顾问确认", "staff")]


# --- where the ink is -----------------------------------------------------------------------------


def test_a_name_written_large_and_read_by_ocr_signs_the_space_under_its_label() -> None:
    """委托人确认：at the top of a signing space, the rule far below it; OCR read the name (陈静 at 0.92)."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 150), "委托人确认：", font=font(LH), fill="black")
    x0, y0, x1, y1 = d.textbbox((120, 150), "委托人确认：", font=font(LH))
    label = Word(text="委托人确认：", box=(x0, y0 - 4, x1, y1 + 4), conf=0.99)
    d.text((120, y1 + 5 * LH), "年   月   日", font=font(LH), fill="black")
    date = d.textbbox((120, y1 + 5 * LH), "年   月   日", font=font(LH))
    d.line((x0, y1 + 4 * LH, x0 + 600, y1 + 4 * LH), fill=(60, 60, 60), width=2)
    words = [label, Word(text="年 月 日", box=(date[0], date[1] - 4, date[2], date[3] + 4), conf=0.99)]
    (blank,) = find_signature_fields(np.asarray(page), words, [])
    assert blank.status == "blank"
    # Written in black (blue ink would tell it from print by colour alone), about three label heights high.
    at = (int(x0) + 10, int(y1 + 1.2 * LH))
    alpha = name_alpha(2, int(3.2 * LH))
    h, w = alpha.shape
    region = np.asarray(page.crop((at[0], at[1], at[0] + w, at[1] + h)), np.float32)
    page.paste(Image.fromarray((region * (1 - 0.85 * alpha[..., None])).astype(np.uint8)), at)
    name = Word(text="陈静", box=(at[0], at[1], at[0] + w, at[1] + h), conf=0.92)
    (signed,) = find_signature_fields(np.asarray(page), words + [name], [])
    assert signed.status == "signed"


@pytest.mark.parametrize("grey", [0, 170])
def test_a_label_cell_bounded_by_faint_rulings_is_signed_in_its_next_cell(grey: int) -> None:
    """顾客（签字）：| blank cell | 经办人：, the table drawn in black or in a light scan's pale grey."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    ink = (grey, grey, grey)
    d.line((100, 150, 1500, 150), fill=ink, width=2)
    for x in (100, 480, 900, 1500):
        d.line((x, 150, x, 290), fill=ink, width=2)
    # The foot of the row, broken at the cells' junctions as a scan breaks a hairline: the label cell's own
    # foot is no rule to sign on.
    for a, b in ((100, 476), (484, 896), (904, 1500)):
        d.line((a, 290, b, 290), fill=ink, width=2)
    words = []
    for text, x in (("顾客（签字）：", 120), ("经办人：", 920)):
        d.text((x, 200), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((x, 200), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.97))
    rule = SignatureRule(role="customer", labels=["客户签字"])  # read fuzzily inside 顾客（签字）
    fields = find_signature_fields(np.asarray(page), words, [rule])
    assert [(f.role, f.status) for f in fields if f.role == "customer"] == [("customer", "blank")]
    sign(page, 1, (560, 170), height=int(2.4 * LH))
    fields = find_signature_fields(np.asarray(page), words, [rule])
    assert [(f.role, f.status) for f in fields if f.role == "customer"] == [("customer", "signed")]


def test_a_page_that_says_whose_jia_is_gives_yi_the_other_side() -> None:
    # Forms differ on who is 甲方: the page's own 甲方（买方） decides, not the document type's default.
    assert found(row("甲方（买方）签字确认：", "乙方（盖章）：")) == [
        ("甲方（买方）签字确认", "customer"), ("乙方（盖章）", "staff")]
    assert found(row("乙方代表签字：", y=100) + row("乙方（承修方）：", "张伟", y=300)) == [("乙方代表签字", "staff")]
    assert found(row("甲方（盖章）：", "乙方（签字）：")) == [("甲方（盖章）", "unknown"), ("乙方（签字）", "unknown")]


def test_a_bare_party_followed_by_a_name_written_by_hand_is_a_field() -> None:
    assert found(row("质检员：", "{赵雪}")) == [("质检员", "staff")]
    assert found(row("质检员：", "赵雪")) == []  # printed: a name field


def test_a_post_named_by_its_grammar_in_a_signing_row_is_a_field() -> None:
    """A label cell with no signing word and no colon beside a signature label (车主签名 | 接车人 | ____) is
    the row's next field: its side from its words (a job title's ending, a party word), else unknown for
    the type's missing side to take by elimination. A value printed after it, a name field or a row with
    no signature label makes none."""
    # 接车人 receives the car: the firm's (signing.yaml actions)
    assert found(row("车主签名", "接车人")) == [("车主签名", "customer"), ("接车人", "staff")]
    assert found(row("客户签字", "承修方代表")) == [("客户签字", "customer"), ("承修方代表", "staff")]
    assert found(row("质检员", "客户确认")) == [("质检员", "staff"), ("客户确认", "customer")]
    assert found(row("车主签名", "接车人", "白志强")) == [("车主签名", "customer")]  # a printed name: a name field
    assert found(row("车主签名", "客户姓名")) == [("车主签名", "customer")]
    # Two posts alone in a row are a signing row; among other columns, a table's header.
    assert found(row("质检员", "复核人")) == [("质检员", "staff"), ("复核人", "staff")]
    assert found(row("车主", "接车人", "车型")) == []
    # A party's act names its signature (管理处审批： the office approves).
    assert found(row("申请单位（盖章）：", "管理处审批：")) == [("申请单位（盖章）", "customer"), ("管理处审批", "staff")]
    # A caption in brackets under the next signing line is no value printed in the field.
    assert found(row("(顧客簽名)", "(服務顧問)")) == [("(顧客簽名)", "customer"), ("服務顧問", "staff")]
    # Before a colon and a blank under a signature label: a desk no list names (客务部：).
    assert found(row("申请单位（盖章）：", y=100) + row("客务部：", y=300)) == [
        ("申请单位（盖章）", "customer"), ("客务部", "staff")]
    reception = default_policy().doc_types["reception_sheet"]
    customer, staff = required_signatures(reception, [_field("车主签名", "customer", "signed", "车主", 300),
                                                      _field("接车人", "unknown", "signed", None, 1000)])
    assert (staff.label, staff.role, staff.status) == ("接车人", "staff", "signed")


def test_a_table_border_under_the_label_cell_is_no_line_to_sign_on() -> None:
    """委托人：| blank cell, the row's foot drawn unbroken under both cells (b07 002_visit_1): the line under
    the label runs on past its cell's ruling, a table's border, and the signature in the next cell counts."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((100, 150, 900, 290), outline="black", width=2)
    d.line((480, 150, 480, 290), fill="black", width=2)
    d.text((120, 210), "委托人：", font=font(LH), fill="black")
    bx0, by0, bx1, by1 = d.textbbox((120, 210), "委托人：", font=font(LH))
    words = [Word(text="委托人：", box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.98)]
    rule = SignatureRule(role="customer", labels=["委托人"])
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["blank"]
    sign(page, 2, (540, 165), height=int(2.4 * LH))
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["signed"]


def test_a_party_named_by_two_party_words_is_one_bare_party() -> None:
    """乙方代表：beside a blank date (b07 016_newcar_2): 乙方 and 代表 are both party words, the label is
    the two; with 甲方（买方） on the page it is the other side's. A printed name after it is a name field."""
    assert found(row("签订日期：", "年 月 日", "乙方代表：")) == [("乙方代表", "unknown")]
    assert found(row("甲方（买方）签字确认：", "乙方（盖章）：", y=100) + row("签订日期：", "乙方代表：", "{张}", y=200)) == [
        ("甲方（买方）签字确认", "customer"), ("乙方（盖章）", "staff"), ("乙方代表", "staff")]
    assert found(row("乙方代表：", "张伟")) == []


def test_a_tall_first_stroke_standing_on_the_signing_line_is_no_ruling() -> None:
    """申请单位(盖章): ____ with 杨紫涵 written on the line (b07 001_unit_1): the 木 of 杨 fills the label's band
    and rests on the underline, but rises from blank paper; it does not end the field at the name's start."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 210), "申请单位(盖章):", font=font(LH), fill="black")
    bx0, by0, bx1, by1 = d.textbbox((120, 210), "申请单位(盖章):", font=font(LH))
    words = [Word(text="申请单位(盖章):", box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.98)]
    d.line((bx1 + 10, by1 + 45, bx1 + 420, by1 + 45), fill="black", width=2)  # the signing line
    rule = SignatureRule(role="customer", labels=["申请单位"])
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["blank"]
    d.line((bx1 + 150, by0 - 45, bx1 + 150, by1 + 45), fill=(20, 20, 20), width=4)  # the stroke, down to the line
    sign(page, 2, (int(bx1) + 170, int(by0) - 30), height=int(2.2 * LH))
    (f,) = check_signatures(np.asarray(page), words, [rule])
    assert f.status == "signed" and f.box is not None and f.box[2] > bx1 + 300
    # The last word names who signs: a 客户经理 is the staff's, a 业主代表 the owner's.
    assert found(row("签订日期：", "年 月 日", "客户经理：")) == [("客户经理", "staff")]
    assert found(row("签订日期：", "年 月 日", "业主代表：")) == [("业主代表", "customer")]


def _write(page: Image.Image, alpha: np.ndarray, at: tuple[int, int]) -> None:
    """A name written in black ballpoint: blue would tell it from print by its colour alone."""
    h, w = alpha.shape
    region = np.asarray(page.crop((at[0], at[1], at[0] + w, at[1] + h)), np.float32)
    page.paste(Image.fromarray((region * (1 - 0.85 * alpha[..., None])).astype(np.uint8)), at)


def test_a_name_written_under_the_label_line_and_read_by_ocr_is_no_print() -> None:
    """业主签章：| blank | 客服主管(确认): with 赵雪 written under the blank (d 024): OCR read it at 0.98, its
    characters 1.7 label heights wide and its word 2.3 high. Print that size beside a signing label is
    not; a name printed there at the label's size stays print, and the field blank, as does a date to
    fill in (年 月 日) whose spaced characters OCR boxes as wide as the name's (b06 005_visit_1)."""

    def page_with(name: str) -> tuple[np.ndarray, list[Word], int]:
        page = Image.new("RGB", (1654, 500), "white")
        d = ImageDraw.Draw(page)
        words = []
        for text, x in (("业主签章：", 120), ("客服主管(确认):", 850)):
            d.text((x, 150), text, font=font(LH), fill="black")
            bx0, by0, bx1, by1 = d.textbbox((x, 150), text, font=font(LH))
            words.append(Word(text=text, box=(bx0, by0 - 7, bx1, by1 + 7), conf=0.99))
        lh = words[0].box[3] - words[0].box[1] - 14
        at = (560, words[0].box[3] + 2)
        if name == "printed":
            d.text(at, "赵雪", font=font(LH), fill="black")
            px0, py0, px1, py1 = d.textbbox(at, "赵雪", font=font(LH))
            words.append(Word(text="赵雪", box=(px0, py0 - 7, px1, py1 + 7), conf=0.99))
        elif name == "date":  # a date to fill in, its spaced characters one wide word to OCR
            d.text(at, "年    月    日", font=font(LH), fill="black")
            px0, py0, px1, py1 = d.textbbox(at, "年    月    日", font=font(LH))
            words.append(Word(text="年月日", box=(px0, py0 - 16, px1, py1 + 16), conf=0.99))
        elif name == "written":
            alpha = name_alpha(3, int(2.1 * lh))
            _write(page, alpha, at)
            h, w = alpha.shape
            words.append(Word(text="赵雪", box=(at[0] - 5, at[1] - 5, at[0] + max(w, int(3.4 * lh)) + 5, at[1] + h + 5),
                              conf=0.98))
        return np.asarray(page), words, lh

    rule = SignatureRule(role="customer", labels=["业主签字"])
    for name, status in (("none", "blank"), ("printed", "blank"), ("date", "blank"), ("written", "signed")):
        image, words, lh = page_with(name)
        if name in ("date", "written"):  # between the print's size and the size a name was told by before (2.2)
            box = words[-1].box
            w = (box[2] - box[0]) / len(words[-1].text)
            assert 1.45 * lh < w < 2.2 * lh and 1.5 * lh < box[3] - box[1] < 2.5 * lh, name
        assert [f.status for f in check_signatures(image, words, [rule])] == [status], name


def test_a_label_set_low_in_its_cell_is_signed_in_the_next_cell() -> None:
    """委托人(签章) | blank cell, the label a few pixels over the row's foot (d 033): its cell's sides end at
    the foot, within reach of the band looked at for them. The foot is the cell's border, not a rule to
    sign on under the label, and the signature in the next cell counts."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((160, 95, 790, 196), outline="black", width=2)
    d.line((400, 95, 400, 196), fill="black", width=2)
    d.text((176, 121), "委托人(签章)", font=font(LH), fill="black")
    bx0, by0, bx1, by1 = d.textbbox((176, 121), "委托人(签章)", font=font(LH))
    assert 0.5 * (by1 - by0) < 196 - by1 < 0.8 * (by1 - by0)  # the glyphs end 0.5-0.8 label heights over the foot
    words = [Word(text="委托人(签章)", box=(bx0, by0 - 4, bx1, by1 + 2), conf=0.99)]
    rule = SignatureRule(role="customer", labels=["委托人"])
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["blank"]
    sign(page, 2, (450, 104), height=int(1.8 * LH))
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["signed"]


def test_a_name_written_on_the_label_line_and_read_into_its_word_is_the_field() -> None:
    """检验员(签字) with 赵雪 written right after it, read as one word 检验员(签字)赵雪 (d 017): the name's
    characters are wider than the label's and its word taller than print, so it is the field's content,
    not print ending the field. Printed there at the label's size, it ends the field, which stays blank."""

    def page_with(written: bool) -> tuple[np.ndarray, list[Word]]:
        page = Image.new("RGB", (1654, 500), "white")
        d = ImageDraw.Draw(page)
        d.text((120, 200), "检验员(签字)", font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((120, 200), "检验员(签字)", font=font(LH))
        d.text((bx1 + 400, 200), "日期", font=font(LH), fill="black")
        date = d.textbbox((bx1 + 400, 200), "日期", font=font(LH))
        if written:
            alpha = name_alpha(3, int(2.0 * (by1 - by0)))
            h, w = alpha.shape
            at = (int(bx1) + 8, int((by0 + by1) / 2 - h / 2))
            _write(page, alpha, at)
            box = (bx0, min(by0 - 4, at[1]), max(at[0] + w, int(bx1 + 4.4 * (by1 - by0))), max(by1 + 4, at[1] + h))
        else:
            d.text((bx1 + 8, 200), "赵雪", font=font(LH), fill="black")
            box = (bx0, by0 - 4, d.textbbox((bx1 + 8, 200), "赵雪", font=font(LH))[2], by1 + 4)
        words = [Word(text="检验员(签字)赵雪", box=box, conf=0.94),
                 Word(text="日期", box=(date[0], date[1] - 4, date[2], date[3] + 4), conf=0.99)]
        return np.asarray(page), words

    rule = SignatureRule(role="staff", labels=["检验员签字"])
    for written, status in ((False, "blank"), (True, "signed")):
        image, words = page_with(written)
        assert [f.status for f in check_signatures(image, words, [rule])] == [status], written


def test_a_signing_word_before_a_slash_and_a_date_is_a_signature_label() -> None:
    """车间主管签字/日期：one blank for both (d 052 p2, 030 p9): the label runs to the date's colon, the blank
    after it; 签字日期 with no slash is the date's field, and running text through 签字/盖章 is no label."""
    assert found(row("车间主管签字/日期：")) == [("车间主管签字/日期", "staff")]
    assert found(row("接待员签名/日期:")) == [("接待员签名/日期", "staff")]
    assert found(row("客户签字日期：")) == []
    assert found(row("经客户签字/盖章后生效")) == []


def _field(label: str, role: str, status: str, party: str | None, x: int, y: int = 1900) -> SignatureField:
    return SignatureField.model_validate(
        {"role": role, "label": label, "status": status, "party": party, "page": 1, "box": (x, y, x + 400, y + 120)}
    )


def test_a_side_the_type_does_not_require_is_required_where_the_form_prints_its_signature() -> None:
    """A customer card requires the customer's signature; the form also prints 经办人签字 (d 029, 066): left
    blank, it is reported as a required signature. A 销售顾问 name field at the form's head is not one."""
    card = default_policy().doc_types["customer_card"]
    fields = [
        _field("销售顾问", "staff", "blank", None, 900, y=650),  # an alias read at the head: a name field
        _field("车主（签认）", "customer", "signed", "车主", 300),
        _field("经办人签字", "staff", "blank", None, 1000),
    ]
    out = required_signatures(card, fields)
    assert [(f.label, f.status) for f in out if f.required] == [("车主（签认）", "signed"), ("经办人签字", "blank")]
    # A label with no signing word counts in the signing row (经办人 beside 客户签字), not at the head alone.
    row_only = [_field("客户签字", "customer", "signed", None, 300), _field("经办人", "staff", "blank", None, 1000)]
    assert [f.label for f in required_signatures(card, row_only) if f.required] == ["客户签字", "经办人"]
    head_only = [_field("客户签字", "customer", "signed", None, 300), _field("销售顾问", "staff", "blank", None, 900, y=650)]
    assert [f.label for f in required_signatures(card, head_only) if f.required] == ["客户签字"]


def test_a_receipt_signed_by_its_recipient_is_the_customers() -> None:
    """签收人签收 on a notice (d 003, 060): the one who signs for a letter is its addressee, the customer."""
    assert found(row("签收人签收：")) == [("签收人签收", "customer")]
    notice = default_policy().doc_types["correspondence"]
    (f,) = required_signatures(notice, [_field("签收人签收", "customer", "blank", "签收人", 700, y=770)])
    assert (f.role, f.status, f.required) == ("customer", "blank", True)


def test_a_clipped_label_whose_party_is_misread_is_a_field_of_the_signing_row() -> None:
    """經辦人確認 read 經辨人確： (b07 012, 018: 辦 misread, 認 dropped) after the customer's label on the line:
    the next field of a signing row, its side unknown (a type that lacks one side takes it by elimination).
    Alone on its line, or on a Simplified page, it is no label."""
    assert found(row("委人字確：", "{董欣怡}", "經辨人確："), traditional=True) == [
        ("委人字確", "customer"), ("經辨人確", "unknown")]
    assert found(row("經辨人確："), traditional=True) == []
    assert found(row("委人字確：", "{董欣怡}", "經辨人確：")) == [("委人字確", "customer")]
    reception = default_policy().doc_types["reception_sheet"]
    customer, staff = required_signatures(reception, [_field("委人字確", "customer", "signed", "委託人", 300),
                                                      _field("經辨人確", "unknown", "blank", None, 1000)])
    assert (staff.label, staff.role, staff.status) == ("經辨人確", "staff", "blank")


def test_a_party_before_emptied_brackets_is_a_field() -> None:
    """車主（籤認）read 車主 () (d 039, 048: the engine emits neither character): the brackets held the
    signing word, so the party is a field; a party with text in its brackets is not made one so."""
    assert found(row("車主 ()", "經瓣人(字)", "{李活然}"), traditional=True) == [("車主 ()", "customer")]
    assert found(row("车主（张三）")) == []


def test_a_name_signed_under_a_seal_on_a_grey_copy_is_signed() -> None:
    """A name signed and then stamped over on a grey copy (family d's 收银员确认签章, 结算员签字 under the
    company seal): its strokes are darker than the seal's own grey, so the field is signed, not left
    uncertain; a blank field under a copied seal stays blank (test_signature_marks)."""
    from dossier.classify.seal import find_seals
    from tests.test_signature_marks import STAFF, copied_seal_page

    statuses = []
    for seed in range(10):
        image, word = copied_seal_page(seed, "grey", signed=True)
        (field,) = check_signatures(image, [word], [STAFF], seals=find_seals(image))
        statuses.append(field.status)
    assert "blank" not in statuses and statuses.count("signed") >= 8, statuses


def test_a_department_or_a_reception_post_signs_for_the_business() -> None:
    """工程部签章 and 业务接待(签字) (d 000, 033, 053, 059): a department of the firm or its receptionist signs
    for the business, never the customer; a customer's unit (申请单位) stays the customer's."""
    assert found(row("业主签字：", "工程部签章：", "客服主管确认：")) == [
        ("业主签字", "customer"), ("工程部签章", "staff"), ("客服主管确认", "staff")]
    assert found(row("委托人(签章)", "业务接待(签字)")) == [("委托人(签章)", "customer"), ("业务接待(签字)", "staff")]
    assert found(row("申请单位确认签字：")) == [("申请单位确认签字", "customer")]


def test_a_post_named_by_its_ending_or_a_party_beside_a_written_name_is_a_field_of_the_row() -> None:
    """检查技师：张磊 after 签字（委托人）(d 030, 031: the post no list holds, 技师 its ending) and 送修人 徐俊杰
    业务接待确认 张磊 (d 020: a party its own OCR word, a name written beside it, no colon printed). A
    party followed by a printed value (送修人 徐俊杰 in print) is a name field."""
    assert found(row("签字（委托人）：", "{陈静}", "检查技师：", "{张磊}")) == [
        ("签字（委托人）", "customer"), ("检查技师", "staff")]
    assert found(row("送修人", "{徐俊杰}", "业务接待确认", "{张磊}")) == [
        ("送修人", "customer"), ("业务接待确认", "staff")]
    assert found(row("送修人", "徐俊杰", "联系电话", "13800000000")) == []


def test_a_misread_signing_word_after_a_clipped_confirmation_or_before_a_slash_is_a_label() -> None:
    """買方確認簽字 read 買方確策字 (認 dropped, 簽 misread) before the date's own word, and 結算員簽字/日期 read
    結算員策字/日期 (d 051): the party, a weak word's first character, then the misread word; the slash or
    the date's word ends the label as a colon does."""
    assert found(row("買方確策字", "日期", "2025.01.09"), traditional=True) == [("買方確策字", "customer")]
    assert found(row("結算員策字/日期", "期2025.01.09"), traditional=True) == [("結算員策字/日期", "staff")]


def test_the_signing_row_answers_a_required_side_before_an_alias_at_the_head() -> None:
    """A reception sheet's 服务顾问 at the head (a name field its policy lists as an alias) and 前台接待确认签字
    in the signing row at the foot (d 031, 033, 059); a contract's 买方签字 read in a header table and
    乙方确认签字 signed at the foot (d 023, 052): the field at the foot that reads as a signature answers."""
    reception = default_policy().doc_types["reception_sheet"]
    fields = [
        _field("服务顾问", "staff", "signed", None, 600, y=370),
        _field("车主签章", "customer", "blank", "车主", 300),
        _field("前台接待确认签字", "staff", "blank", "前台", 1000),
    ]
    out = [(f.label, f.status) for f in required_signatures(reception, fields) if f.required]
    assert out == [("车主签章", "blank"), ("前台接待确认签字", "blank")]
    contract = default_policy().doc_types["sales_contract"]
    fields = [
        _field("买方签字", "customer", "blank", None, 600, y=400),
        _field("销售顾问签字", "staff", "signed", None, 300),
        _field("乙方确认签字", "unknown", "signed", "乙方", 1000),
    ]
    out = [(f.label, f.status) for f in required_signatures(contract, fields) if f.required]
    assert out == [("乙方确认签字", "signed"), ("销售顾问签字", "signed")]

    # A bare alias in the signing row (销售顾问 beside 买方签字) is the row's field, below a 甲方（盖章） seal line.
    fields = [
        _field("甲方（盖章）", "staff", "blank", "甲方", 300, y=1750),
        _field("销售顾问", "staff", "signed", None, 300),
        _field("买方签字", "customer", "signed", None, 1000),
    ]
    out = [(f.label, f.status) for f in required_signatures(contract, fields) if f.required]
    assert out == [("买方签字", "signed"), ("销售顾问", "signed")]

def test_a_label_read_into_one_word_with_a_seal_is_split_at_its_signing_word() -> None:
    """买方签章0 (d 045: the seal's ring read as a 0) and 买方签章发票专用章 (a seal's own text read on): the label
    ends at its signing word, the seal stands on its blank. Running text after a signing word stays text."""
    assert found(row("买方签章0", "业务接待(签字)")) == [("买方签章", "customer"), ("业务接待(签字)", "staff")]
    assert found(row("工程部签章发票专用章")) == [("工程部签章", "staff")]
    assert found(row("客户签字后生效")) == []


def _header_table(labels: tuple[str, ...]) -> tuple[Image.Image, list[Word], list[int]]:
    """A table whose header row names who signs, centred in each column, over a row of blank cells to sign
    in (申请人签字 | 客服专员签章): the columns' left edges."""
    page = Image.new("RGB", (1654, 520), "white")
    d = ImageDraw.Draw(page)
    left, width = 110, 700
    xs = [left + k * width for k in range(len(labels) + 1)]
    for y in (150, 205, 340):
        d.line((xs[0], y, xs[-1], y), fill="black", width=2)
    for x in xs:
        d.line((x, 150, x, 340), fill="black", width=2)
    words = []
    for text, x in zip(labels, xs, strict=False):
        w = d.textlength(text, font=font(LH))
        at = (int(x + (width - w) / 2), 160)
        d.text(at, text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox(at, text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.99))
    return page, words, xs


def test_a_label_heading_a_table_column_is_signed_in_its_own_cell_below() -> None:
    """申请人签字 | 客服专员签章 over their blank cells (e 0054, 0076, 0092): the space under the header is its
    cell, between the column's rulings; the other column's signature, however near the border, is not its."""
    page, words, xs = _header_table(("申请人签字", "客服专员签章"))
    sign(page, 1, (xs[1] + 20, 230), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank", "staff": "signed"}
    sign(page, 2, (xs[0] + 40, 230), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "signed", "staff": "signed"}


def test_a_label_printed_under_its_signing_line_is_signed_above_it() -> None:
    """车主确认签字 and 服务顾问确认 each centred under a line to sign on, one over the other (e 0070, 0111): one
    signs above the line; the lower one's signature, rising toward the label over it, is not the upper's."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, y in (("车主确认签字", 250), ("服务顾问确认", 470)):
        d.line((150, y, 600, y), fill="black", width=2)
        w = d.textlength(text, font=font(LH))
        at = (int(375 - w / 2), y + 8)
        d.text(at, text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox(at, text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.99))
    sign(page, 1, (220, 470 - int(2.2 * LH)), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank", "staff": "signed"}
    sign(page, 2, (220, 250 - int(2.2 * LH)), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "signed", "staff": "signed"}


def test_a_blank_field_the_type_does_not_require_is_in_the_report_marked_so() -> None:
    """A form's own countersignature the policy does not ask for (a staff 经办人 on a customer card): the
    signature report lists it blank, marked not required; the fined count (web) stays the required ones."""
    from dossier.models import StoredDocument
    from dossier.service import blank_signature_rows

    policy = default_policy()
    code = next(iter(policy.doc_types))
    doc = StoredDocument(id=7, source="x.pdf", doc_type=code, status="filed", created_at="2026-12-01", signatures=[
        SignatureField(role="customer", label="客户签字", status="blank", required=True),
        SignatureField(role="staff", label="经办人签字", status="blank", required=False),
        SignatureField(role="unknown", label="见证人签字", status="signed", required=False),
    ])
    rows = blank_signature_rows([doc], policy, not_required=True)
    assert [(r.label, r.required) for r in rows] == [("客户签字", True), ("经办人签字", False)]
    assert [r.label for r in blank_signature_rows([doc], policy)] == ["客户签字"]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("检查技师（签）",), [("检查技师（签）", "staff")]),  # e 0023, 0107: 签 alone in brackets after the party
        (("送件人(签)：",), [("送件人(签)", "staff")]),
        (("本协议（签订）后生效",), []),  # in brackets, but a word: no field
    ],
)
def test_a_lone_signing_character_in_brackets_after_a_party_is_a_label(
    texts: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == expected


def test_a_signature_rising_beside_the_label_below_is_not_the_space_under_the_label_above() -> None:
    """租戶確認： over 客服專員（簽字）：, each with its blank beside it (e 0044): the lower one's signature,
    written beside it and rising toward the upper row, does not sign the upper label's space under it."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, y in (("租户确认：", 200), ("客服专员（签字）：", 330)):
        d.text((825, y), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((825, y), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.99))
    sign(page, 1, (words[1].box[2] + 10, words[1].box[1] - int(1.7 * LH)), height=int(1.8 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank", "staff": "signed"}


def _label(d: ImageDraw.ImageDraw, text: str, at: tuple[int, int], size: int = LH) -> Word:
    d.text(at, text, font=font(size), fill="black")
    x0, y0, x1, y1 = d.textbbox(at, text, font=font(size))
    return Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.97)


@pytest.mark.parametrize(
    "layout", ["rule over the label", "caption in a box's corner", "caption, the name read by OCR", "header over a cell"]
)
def test_a_name_written_where_the_form_puts_it_round_the_label_signs_it(layout: str) -> None:
    """Forms of others put the blank round the label, not beside it (e 0001, 0017, 0024, 0103): the label
    printed under the rule the name is written over, a small caption in the lower right corner of a box
    the name fills, a header cell over the cell the name goes in. Nothing beside or under the label
    then: ink close round it, nearer it than any other label, signs it; the same page unsigned is blank."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    rule = SignatureRule(role="customer", labels=["客户签字"])
    if layout == "rule over the label":
        d.line((150, 300, 700, 300), fill="black", width=2)
        words = [_label(d, "客户签字", (330, 312))]
        name_at = (260, 300 - int(1.9 * LH))
    elif layout.startswith("caption"):
        d.rectangle((150, 200, 700, 360), outline="black", width=2)
        words = [_label(d, "（客户签字）", (500, 320), size=24)]
        name_at = (390, 275)  # down to the caption's line
    else:
        d.rectangle((150, 200, 1100, 400), outline="black", width=2)
        d.line((150, 260, 1100, 260), fill="black", width=2)
        words = [_label(d, "客户签字", (560, 212))]
        name_at = (330, 290)  # left of the centred header, under it
    image = np.asarray(page)
    assert [f.status for f in check_signatures(image, words, [rule])] == ["blank"], layout
    sign(page, 2, name_at, height=int(1.8 * LH))
    if layout.endswith("OCR"):  # on the caption's line, left of it: no print whose blank it would be
        words.append(Word(text="赵雪", box=(name_at[0], name_at[1], 500, name_at[1] + 70), conf=0.9))
    assert [f.status for f in check_signatures(np.asarray(page), words, [rule])] == ["signed"], layout


@pytest.mark.parametrize("rule", ["over the label", "under the label"])
def test_a_name_on_the_upper_of_two_stacked_fields_is_not_the_lower_ones(rule: str) -> None:
    """Two fields stacked, each label under the rule its name goes over (e 0001) or over the rule its name
    goes on (b06 016_visit_1, the lower label two label heights under the upper name): the upper signed,
    the lower blank. The upper name is near the lower label, but nearer its own."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    if rule == "over the label":
        d.line((150, 200, 700, 200), fill="black", width=2)
        d.line((150, 360, 700, 360), fill="black", width=2)
        words = [_label(d, "客户签字", (330, 212)), _label(d, "服务顾问签字", (300, 372))]
        sign(page, 2, (260, 200 - int(1.9 * LH)), height=int(1.8 * LH))
    else:
        # The lower label over four label heights under the upper one: outside the space looked at round it.
        words = [_label(d, "客户签字确认：", (150, 100)), _label(d, "服务顾问签字确认：", (150, 290))]
        d.line((150, 240, 700, 240), fill="black", width=2)
        d.line((150, 420, 700, 420), fill="black", width=2)
        sign(page, 2, (260, 165), height=int(2.0 * LH))
    rules = [SignatureRule(role=r, labels=[w.text.rstrip("：")]) for r, w in zip(("customer", "staff"), words, strict=True)]
    assert [f.status for f in check_signatures(np.asarray(page), words, rules)] == ["signed", "blank"]


def test_a_name_under_the_blank_between_two_labels_is_the_first_ones() -> None:
    """客户签字：| blank | 服务顾问签字：| blank, a name written under the first blank, close below the second
    label's start (d 054): it is the first field's blank, whatever the second label is nearest."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    words = [_label(d, "客户签字：", (150, 200)), _label(d, "服务顾问签字：", (760, 200))]
    sign(page, 2, (620, 262), height=int(1.8 * LH))
    rules = [SignatureRule(role="customer", labels=["客户签字"]), SignatureRule(role="staff", labels=["服务顾问签字"])]
    assert [f.status for f in check_signatures(np.asarray(page), words, rules)][1] == "blank"


def test_a_name_in_the_cell_under_the_second_of_two_signing_headers_signs_it() -> None:
    """客户签字 | 服务顾问签字 as a table's header row, each name in the cell under its header (e 0021): the
    ruling between the headers, not the second label's left edge, bounds where its name may stand."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((150, 200, 1250, 400), outline="black", width=2)
    d.line((150, 260, 1250, 260), fill="black", width=2)
    d.line((700, 200, 700, 400), fill="black", width=2)
    words = [_label(d, "客户签字", (360, 212)), _label(d, "服务顾问签字", (880, 212))]
    rules = [SignatureRule(role="customer", labels=["客户签字"]), SignatureRule(role="staff", labels=["服务顾问签字"])]
    assert [f.status for f in check_signatures(np.asarray(page), words, rules)] == ["blank", "blank"]
    sign(page, 2, (740, 290), height=int(1.8 * LH))
    assert [f.status for f in check_signatures(np.asarray(page), words, rules)][1] == "signed"


def test_a_name_on_the_line_of_the_label_below_is_not_the_upper_ones() -> None:
    """客户代表确认：over 经办人确认：___, a name written on the lower one's underline, its top close under
    the upper label (b06 002_visit_1): beside the lower label, on its line, it is that label's field."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    words = [_label(d, "客户代表确认：", (150, 200)), _label(d, "经办人确认：", (150, 290))]
    d.line((390, 334, 800, 334), fill="black", width=2)
    sign(page, 2, (400, 286), height=int(1.3 * LH))
    rules = [SignatureRule(role="customer", labels=["客户代表确认"]), SignatureRule(role="staff", labels=["经办人确认"])]
    assert [f.status for f in check_signatures(np.asarray(page), words, rules)] == ["blank", "signed"]


def test_a_label_in_brackets_after_its_signing_line_is_signed_on_that_line() -> None:
    """______ （客户确认签字） ______ （服务站盖章）: each caption follows its blank on one row, with no colon; one
    signs on the line before it, and the next line's signature, right of the first caption, is not the first's.
    A table's ruling running on under a header label is no such line."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, x in (("（客户确认签字）", 560), ("（服务站盖章）", 1330)):
        d.line((x - 460, 300, x - 12, 300), fill="black", width=2)
        d.text((x, 300 - LH), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((x, 300 - LH), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.99))
    sign(page, 1, (940, 300 - int(2.2 * LH)), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank", "staff": "signed"}
    sign(page, 2, (200, 300 - int(2.2 * LH)), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "signed", "staff": "signed"}


def test_a_header_label_over_a_ruled_row_is_not_a_caption_after_a_line() -> None:
    """送修人（签字确认） | 技师（签字确认） heading a table: the header row's foot runs under both labels; each is
    signed in its cell below, not on the ruling left of it."""
    page, words, xs = _header_table(("送修人（签字确认）", "技师（签字确认）"))
    sign(page, 1, (xs[1] + 200, 230), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank", "staff": "signed"}


def test_a_line_after_a_label_with_its_colon_is_that_labels_blank() -> None:
    """客户签字：______ （服务顾问确认）: the line is the colon's blank, the bracketed label after it no caption of it."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, x in (("客户签字：", 100), ("（服务顾问确认）", 900)):
        d.text((x, 300 - LH), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((x, 300 - LH), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 4, bx1, by1 + 4), conf=0.99))
    d.line((words[0].box[2] + 10, 300, 890, 300), fill="black", width=2)
    sign(page, 1, (400, 300 - int(2.2 * LH)), height=int(2.2 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "signed", "staff": "blank"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("受理人签认：", "staff"),  # the doer of an action: the action's side
        ("付款人签章：", "customer"),
        ("承修单位盖章：", "staff"),
        ("收函单位签收：", "customer"),
        ("陪同试车人（签字）", "customer"),  # the first action: one who accompanies the test drive
        ("证件持有人（签字确认）", "customer"),
        ("SA签字：", "staff"),  # a post in Latin capitals
        ("服务站（签字）", "staff"),  # a site of the firm
        ("客户经理签字：", "staff"),  # a compound's head is its last word: a 经理
        ("客户服务部签章：", "staff"),
        ("业主代表签字：", "customer"),  # 代表 names no side: its modifier does
    ],
)
def test_a_party_no_list_holds_takes_its_side_from_how_it_is_named(text: str, role: str) -> None:
    assert [r for _label, r in found(row(text))] == [role]


@pytest.mark.parametrize(("text", "role"), [("買受人代表(籤認)：", "customer"), ("客戶籤認：", "customer")])
def test_a_label_signed_with_the_other_traditional_form_of_qian_is_found(text: str, role: str) -> None:
    assert [r for _label, r in found(row(text))] == [role]


def test_a_label_set_vertically_is_signed_right_of_it_over_its_height() -> None:
    """委托人签字 down the first column of a box, a character to a line, read by OCR as one tall word: the name
    is written in the box right of it, beside the label's whole height; an empty box is blank."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((120, 100, 700, 420), outline="black", width=2)
    d.line((180, 100, 180, 420), fill="black", width=2)
    for k, ch in enumerate("委托人签字"):
        d.text((132, 110 + k * (LH + 22)), ch, font=font(LH), fill="black")
    words = [Word(text="委托人签字", box=(128, 106, 176, 110 + 5 * (LH + 22)), conf=0.99)]
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "blank"}
    sign(page, 1, (260, 220), height=int(2.5 * LH))
    fields = {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}
    assert fields == {"customer": "signed"}


def test_a_side_asked_to_sign_is_answered_by_its_signing_label_not_its_seal_place() -> None:
    """A contract's seller row prints 甲方（盖章） for the firm's seal and, under it, 经办人签字 for its clerk
    (found by another type's alias): the staff signature is the clerk's. Where no label of the side asks to
    sign, a seal's place (申请单位（盖章）) still answers, the last on the form."""
    contract = default_policy().doc_types["sales_contract"]
    fields = [
        _field("经办人签字", "staff", "signed", None, 300, y=1400),
        _field("甲方（盖章）", "staff", "blank", None, 300, y=1270),
        _field("买方签字", "customer", "signed", None, 1000, y=1400),
    ]
    customer, staff = required_signatures(contract, fields)[:2]
    assert (staff.label, staff.status) == ("经办人签字", "signed")
    application = default_policy().doc_types["application"]
    fields = [_field("送修人", "customer", "signed", None, 200, y=280),
              _field("申请单位（盖章）", "customer", "blank", "申请单位", 200, y=500)]
    assert required_signatures(application, fields)[0].label == "申请单位（盖章）"


def test_a_lone_sign_in_brackets_before_a_name_written_after_the_colon_is_a_label() -> None:
    """物业管家（签）：赵雪 (e 024): the name written after the colon is read on with the label's 签, which is
    no misread signing word 签赵; the 签 in brackets is the label's."""
    assert found(row("物业管家（签）：", "{赵雪}")) == [("物业管家（签）", "staff")]


def test_an_alias_of_another_type_whose_side_depends_on_the_document_answers_no_side() -> None:
    """甲方（签认） found by another type's alias as staff's: on a contract whose 甲方 may be the buyer, the
    seller's 销售顾问签字 answers the staff signature, not it (d 055, 063)."""
    contract = default_policy().doc_types["sales_contract"]
    fields = [_field("销售顾问签字", "staff", "signed", None, 300, y=1300),
              _field("甲方（签认）", "staff", "blank", None, 300, y=1400)]
    assert required_signatures(contract, fields)[1].label == "销售顾问签字"
