"""Signature labels on forms no one here wrote, found by their structure (issue 18): bilingual labels
whose English gloss the engine runs into the Chinese. Lines are given as the engine returns them (one
Word per printed run), as in test_signature_unseen.py."""

from __future__ import annotations

import pytest

from dossier.classify.signature_labels import _lines, find_labels
from dossier.models import Word
from tests.test_signature_unseen import found, row


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # the gloss run into the signing word's OCR word, a post beside it glossed before a slash
        (("送修人签名Customer", "Advisor/接待员"), [("送修人签名Customer", "customer"), ("接待员", "staff")]),
        # ... and with a colon after the gloss, the post glossed after its Chinese
        (("客户确认签字Customer：", "收银员Cashier："), [("客户确认签字Customer", "customer"), ("收银员", "staff")]),
        (("客户签名确认Customer", "Technician/检查技师"), [("客户签名确认Customer", "customer"), ("检查技师", "staff")]),
    ],
)
def test_a_bilingual_signing_row_is_read_by_its_chinese(texts: tuple[str, ...], want: list[tuple[str, str]]) -> None:
    assert found(row(*texts)) == want


def test_a_gloss_in_capitals_is_an_abbreviated_post_not_a_gloss() -> None:
    # SA signs as the firm's post: the capitals are the party, not a translation to drop.
    assert found(row("SA签名：")) == [("SA签名", "staff")]


def test_a_glossed_name_field_with_a_printed_value_is_no_signature_field() -> None:
    # Name/客户姓名 覃俊杰: an English gloss does not make a name field a post.
    assert found(row("Name/客户姓名", "覃俊杰", "Mobile/移动电话", "184-1675-8664")) == []


def test_running_text_ending_in_an_english_word_is_no_label() -> None:
    assert found(row("本次联系人已与客户核实签字Confirmed by the customer today")) == []


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # a department's act beside the applicant's signature: the department signs
        (("申请人签字", "工程部审核"), [("申请人签字", "customer"), ("工程部审核", "staff")]),
        # what the department writes and its signature share one blank
        (("申请人签字", "工程部意见/签字"), [("申请人签字", "customer"), ("工程部意见/签字", "staff")]),
    ],
)
def test_a_post_named_by_its_ending_before_its_act_signs_as_the_firm(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_misread_sign_before_ming_after_its_party_is_a_signature_label() -> None:
    # RapidOCR reads the Traditional 簽 as 策: 送修人簽名： comes back 送修人策名：
    assert found(row("送修人策名：", "接待員：")) == [("送修人策名", "customer"), ("接待員", "staff")]


def test_a_name_field_is_not_a_misread_signature_label() -> None:
    assert found(row("客户姓名：", "张三")) == []


def test_the_owner_occupant_of_a_property_signs_as_the_customer() -> None:
    assert found(row("业户（签章）", "工程部审核")) == [("业户（签章）", "customer"), ("工程部审核", "staff")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # 签章 misread 签意, closed in brackets after its party
        (("业户（签意）", "客务部经办人"), [("业户（签意）", "customer"), ("客务部经办人", "staff")]),
        # 簽名 misread 策名, ending its word, the next field's post after it
        (("顧客策名", "服務顧問"), [("顧客策名", "customer"), ("服務顧問", "staff")]),
    ],
)
def test_a_misread_signing_word_after_its_party_where_a_label_ends_is_a_label(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_misread_pair_before_a_printed_value_is_no_label() -> None:
    assert found(row("顧客策名", "武漢宏達物流有限公司")) == []


def test_a_post_on_a_line_with_a_date_left_blank_heads_a_signature_field() -> None:
    # 操作员： a name written by hand, then the date to fill in: the line is a signing row
    assert found(row("操作员：", "{董欣怡}", "日期：", "年", "月", "日")) == [("操作员", "staff")]


def test_a_post_named_by_its_department_beside_a_signing_label_is_a_field() -> None:
    want = [("陪同试车客户签名", "customer"), ("路试员", "staff"), ("质检", "staff")]
    assert found(row("陪同试车客户签名", "路试员", "质检")) == want


def test_a_gloss_before_the_bracket_that_opens_the_blank_ends_the_label() -> None:
    assert found(row("车主签字Signature【")) == [("车主签字Signature【", "customer")]


def test_a_representative_signs_for_the_party_the_document_places() -> None:
    # 甲方（授權代表簽字）： 授权代表 has no side; 甲方 takes the document type's (signature_match)
    words = row("甲方（授權代表策字）：", "日期：二〇二六年三月三十日") + row("乙方（代表策字）：", y=180)
    labels = find_labels(_lines(words), traditional=True)
    assert [(f.label, f.party) for f in labels] == [("甲方（授權代表策字）", "甲方"), ("乙方（代表策字）", "乙方")]


def test_a_gloss_run_into_the_post_without_its_slash_is_skipped() -> None:
    assert found(row("委托人签字Customer", "Advisor接待员")) == [("委托人签字Customer", "customer"), ("接待员", "staff")]


def test_a_post_followed_by_a_glossed_post_is_not_followed_by_a_value() -> None:
    want = [("送修人签名", "customer"), ("接待员", "staff"), ("检查技师", "staff")]
    assert found(row("送修人签名", "接待员", "Technician/检查技师")) == want


def test_posts_set_vertically_before_a_name_written_across_are_fields() -> None:
    # 客户签字 and 交车专员 printed down their cells, a name written large beside the second
    words = [
        Word(text="客户签字", box=(124, 950, 162, 1091), conf=1.0),
        Word(text="交车专员", box=(840, 950, 879, 1087), conf=1.0),
        Word(text="博孔", box=(973, 940, 1303, 1045), conf=0.9),
    ]
    assert found(words) == [("客户签字", "customer"), ("交车专员", "staff")]


@pytest.mark.parametrize(("texts", "want"), [
    (("客戶確認簽字", "終檢簽字"), [("客戶確認簽字", "customer"), ("終檢簽字", "staff")]),
    (("客户确认签字：", "接车人："), [("客户确认签字", "customer"), ("接车人", "staff")]),
])
def test_the_inspection_and_the_car_s_receiver_sign_for_the_firm(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_label_before_the_bracket_that_opens_its_blank_is_found() -> None:
    assert found(row("收件人签字【", "{赵雪}")) == [("收件人签字", "customer")]


def test_a_post_named_by_its_ending_before_a_clipped_signing_word_is_a_label() -> None:
    # 客服專員（簽字） read 客服專員(字): the 員 is the post's, not a misread 簽
    assert found(row("客服專員(字)"), traditional=True) == [("客服專員(字)", "staff")]


@pytest.mark.parametrize(("texts", "want"), [
    # a director signs for the firm, as its managers do (营销总监, domain.md §4)
    (("技术总监（签名）",), [("技术总监（签名）", "staff")]),
    # who test-drives the car is the workshop's; who rides along is the customer
    (("试车人签字", "陪同试车人签字"), [("试车人签字", "staff"), ("陪同试车人签字", "customer")]),
    # who receives what is handed over, and who makes a declaration, is the customer
    (("接收人签名", "经办人签名"), [("接收人签名", "customer"), ("经办人签名", "staff")]),
    (("声明人（签字）：",), [("声明人（签字）", "customer")]),
])
def test_a_party_no_list_holds_takes_its_side_from_its_job_or_its_act(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


@pytest.mark.parametrize(("texts", "want"), [
    (("物業經辦人確認：",), [("物業經辦人確認", "staff")]),  # the post's firm before it
    (("服务站经办人确认",), [("服务站经办人确认", "staff")]),  # the post's site before it
])
def test_a_post_with_its_firm_before_a_weak_signing_word_is_a_label(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_sentence_before_a_weak_signing_word_is_still_no_label() -> None:
    assert found(row("以上内容本人确认：")) == []
    assert found(row("经双方协商本人确认")) == []


@pytest.mark.parametrize(("texts", "want"), [
    (("負責人簽名 Resident",), [("負責人簽名 Resident", "customer")]),
    (("Approved/负责人签字",), [("负责人签字", "staff")]),
    (("负责人签字",), [("负责人签字", "unknown")]),  # no gloss: nothing says whose
])
def test_an_english_gloss_gives_the_side_a_bilingual_label_s_chinese_does_not(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_side_given_by_a_gloss_answers_the_type_s_required_signature() -> None:
    """A move-in form names both signers 負責人 (whose, neither the word nor the type says), each glossed:
    the glossed sides answer the owner's and the office's required signatures, not two unknown fields."""
    from dossier.classify.signature_match import required_signatures
    from dossier.models import SignatureField
    from dossier.policy import default_policy

    def field(label: str, role: str, x: int) -> SignatureField:
        return SignatureField.model_validate(
            {"role": role, "label": label, "status": "blank", "party": "负责人", "page": 1, "box": (x, 900, x + 400, 1000)})

    dt = default_policy().doc_types["move_in"]
    got = required_signatures(dt, [field("負責人簽名 Resident", "customer", 200), field("负责人签字 Approved", "staff", 900)])
    assert [(f.role, f.label, f.required) for f in got] == [
        ("customer", "負責人簽名 Resident", True), ("staff", "负责人签字 Approved", True)]


def test_confirm_with_its_second_character_misread_after_its_party_is_a_label() -> None:
    # h 070: Customer/车主确认 read Cusomer车主确讯, beside Advisor接待员 (the slash lost)
    assert found(row("Cusomer车主确讯", "Advisor接待员")) == [("车主确讯", "customer"), ("接待员", "staff")]
    # ... but not where 确 starts another word (确保), nor across a dropped colon to a name written after it
    assert found(row("客户确保安全")) == []
    words = row("客戶確：") + [Word(text="朱佳怡", box=(400, 80, 600, 140), conf=0.98)]
    assert found(words, traditional=True) == [("客戶確", "customer")]


def test_a_post_glossed_in_english_is_found_though_its_chinese_is_misread() -> None:
    # h 005: （申請人簽字Resident） read （申人策字Resident）, （Approved/審批人） read （Approved/毒批人）
    labels = find_labels(_lines(row("（申人策字Resident）", "（Approved/毒批人）")))
    assert [(f.label, f.role, f.unsure) for f in labels] == [("申人策字", "customer", True), ("毒批人", "staff", False)]


def test_a_field_found_only_by_its_gloss_is_not_called_blank() -> None:
    """No ink where a misread label points is not yet a blank: the label may say another thing, or the field
    lie elsewhere (h 005, 055: signed fields called blank). It is reported uncertain, with that reason."""
    import numpy as np

    from dossier.classify.signature import find_signature_fields

    page = np.full((600, 1654, 3), 255, np.uint8)
    fields = find_signature_fields(page, row("申人策字Resident：", "Approved/审批人：", y=300), [])
    assert [(f.label, f.role, f.status) for f in fields] == [("申人策字", "customer", "uncertain"),
                                                             ("审批人", "staff", "blank")]
    assert "unsure" in (fields[0].reason or "")


def test_a_label_set_down_its_cell_and_read_a_character_at_a_time_is_one_label() -> None:
    """h 034 p4 (a Traditional reception sheet, its signing row as read): 接待員 printed down a table's
    column came back as three words, one per character; joined top to bottom it is the staff's label beside
    the customer's. A column of single characters a table's rows apart (是 | 是 | 否) is no label."""
    from dossier.classify.signature import stacked_columns

    words = [Word(text=t, box=b, conf=c) for t, b, c in (
        ("送修人名", (67, 535, 100, 685), 0.99), ("接", (630, 547, 659, 581), 1.0), ("雪", (307, 564, 382, 672), 1.0),
        ("朱佳怡", (830, 579, 1027, 677), 0.99), ("待", (631, 596, 658, 625), 0.97), ("員", (632, 644, 657, 673), 0.62))]
    joined = stacked_columns(words)
    assert ("接待員", (630, 547, 659, 673)) in [(w.text, w.box) for w in joined]
    assert found(joined, traditional=True) == [("送修人名", "customer"), ("接待員", "staff")]
    assert found(words, traditional=True) == [("送修人名", "customer")]  # unjoined, the staff's label is lost
    rows = [Word(text=t, box=(630, y, 659, y + 30), conf=1.0) for t, y in (("是", 500), ("是", 575), ("否", 650))]
    assert stacked_columns(rows) == rows


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # i 0067: how to sign in brackets after the post (简签: initials), beside a customer's label
        (("提车人签字", "{郎鑫}", "交车专员（简签）"), [("提车人签字", "customer"), ("交车专员（简签）", "staff")]),
        # ... two such posts alone in a row under an inspection table
        (("质检员（简签）", "{k-kgian}", "车间主管（简签)"), [("质检员（简签）", "staff"), ("车间主管（简签)", "staff")]),
    ],
)
def test_a_short_bracket_holding_a_sign_after_a_post_is_a_label(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts)) == want


def test_a_misread_sign_before_shu_after_its_party_is_a_label() -> None:
    # i 0025: 送修人簽署 read 送修人策署, a caption in brackets after it ((簽名按指印) read (策名按指印))
    assert found(row("送修人策署", "（策名按指印)", "接待人")) == [("送修人策署", "customer"), ("接待人", "staff")]


def test_check_results_in_capitals_are_no_posts() -> None:
    # i 0067, 0078: OK / NG in an inspection table's cells are results, not an abbreviated post (SA, QC)
    assert found(row("OK", "/NG")) == []


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # h 0023: 接待員 with its last character read 具, beside the customer's label and a name written by hand
        (("送修人名", "{董欣怡}", "接待具", "{趙雪}"), [("送修人名", "customer"), ("接待具", "staff")]),
        # the firm's name before the post, its last character read 大 (物业接待员)
        (("客户签字", "物业接待大"), [("客户签字", "customer"), ("物业接待大", "staff")]),
        # ... but a paper named after the party (申请书) is no post
        (("客户签字", "申请书"), [("客户签字", "customer")]),
    ],
)
def test_a_post_with_its_last_character_misread_is_still_a_post(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts), traditional=True) == want


def test_the_head_of_a_unit_signs_for_the_firm() -> None:
    # i 0089: a row of two posts alone (检测技师 | 站长): the station's head signs as the firm, as a 科长 does
    assert found(row("检测技师", "站长")) == [("检测技师", "staff"), ("站长", "staff")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # how to sign, in brackets after the party: sign and press a fingerprint
        (("车主（签名按指印）", "收银员"), [("车主（签名按指印）", "customer"), ("收银员", "staff")]),
        (("车主（签名并按手印）：",), [("车主（签名并按手印）", "customer")]),
        # ... but running text holding such a bracket is no label
        (("本合同（签名按指印）后生效",), []),
    ],
)
def test_a_signing_caption_in_brackets_ends_the_label(texts: tuple[str, ...], want: list[tuple[str, str]]) -> None:
    assert found(row(*texts)) == want


def test_a_misread_confirmation_before_the_bracket_that_opens_its_blank_is_a_label() -> None:
    # h 0009: 車主確認【 】接待員【 】 read 車主確韶【 | 】接待員【 (認 misread): the bracket ends the label as a colon does
    assert found(row("車主確韶【", "】接待員【"), traditional=True) == [("車主確韶", "customer"), ("接待員", "staff")]


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # g 036: a table's head, the firm's office over its opinion and signature beside the applicant's
        (("申请人签字", "管理处意见"), [("申请人签字", "customer"), ("管理处意见", "staff")]),
        # g 009: the office's opinion signed by hand before a bare (签字)
        (("管理处意见", "{符俊杰}", "（签字）"), [("管理处意见", "staff"), ("（签字）", "unknown")]),
        # the customer's comment box is no signature field
        (("客户签字", "客户意见"), [("客户签字", "customer")]),
    ],
)
def test_the_firm_s_opinion_box_is_signed_by_its_post(texts: tuple[str, ...], want: list[tuple[str, str]]) -> None:
    assert found(row(*texts)) == want


def test_a_post_whose_line_closes_with_a_bare_signing_caption_is_a_field() -> None:
    # g 006d: 质检员 陈静 (签字) — the name signed between the post and its caption, read as confidently as print
    words = [Word(text="质检员", box=(122, 1118, 220, 1164), conf=1.0), Word(text="陈静", box=(249, 1107, 353, 1168), conf=0.999),
             Word(text="(签字)", box=(583, 1118, 663, 1160), conf=0.969)]
    assert [(f.label, f.role) for f in find_labels(_lines(words))] == [("质检员", "staff"), ("(签字)", "unknown")]
    # ... a post before a printed value and no caption is a name field
    assert found(row("质检员", "陈静")) == []


# --- approval chains and posts in a row (session 23) -----------------------------------------------


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        # j 056: an approval chain alone on its line, each post before its colon and a blank
        (("工程部审核：", "客服部经办：", "物业经理审批："),
         [("工程部审核", "staff"), ("客服部经办", "staff"), ("物业经理审批", "staff")]),
        # j 012, j 053: the approval word read with its 審 dropped or misread (工程部核, 物業經理窖批)
        (("工程部核：", "物業經理窖批："), [("工程部核", "staff"), ("物業經理窖批", "staff")]),
        # the seed's 总经理批准 and 核准: approvals of the seed policies' wording
        (("销售经理批准：", "财务部核准："), [("销售经理批准", "staff"), ("财务部核准", "staff")]),
    ],
)
def test_a_row_of_posts_with_their_approvals_before_blanks_is_a_signing_row(
    texts: tuple[str, ...], want: list[tuple[str, str]]
) -> None:
    assert found(row(*texts), traditional=any(ord(c) > 0x7F and c in "經審" for t in texts for c in t)) == want


def test_a_row_of_name_fields_with_printed_values_is_no_signing_row() -> None:
    # 销售顾问：张三 服务顾问：李四 heads a form: the names are printed after the colons.
    assert found(row("销售顾问：张三", "服务顾问：李四")) == []
    # ... and one post alone before its colon, no signing line near nor closing the page, a field left empty
    assert found(row("工程部审核：", y=100) + row("本表一式两份，双方各执一份。", y=600)) == []


def test_a_post_over_a_row_found_by_its_posts_is_that_block_s_next_row() -> None:
    # j 019: 物业经理审批：over 工程部审核：____ 客服部经办：____, its name written after the colon
    words = row("物业经理审批：", "{朱佳怡}", y=100) + row("工程部审核：", "客服部经办：", y=220)
    assert sorted(found(words)) == [("客服部经办", "staff"), ("工程部审核", "staff"), ("物业经理审批", "staff")]


def test_a_signing_word_after_a_slash_inside_a_label_is_no_label_of_its_own() -> None:
    # j 056: 业主确认（签字/盖章） is one label over one blank, not that and a second 盖章）
    assert found(row("业主确认（签字/盖章）：", "物业交接人（签字）：")) == [
        ("业主确认（签字/盖章）", "customer"), ("物业交接人（签字）", "staff")]


def test_a_comment_box_heading_over_a_row_found_by_its_posts_is_no_field() -> None:
    # family a: 客服中心意见 heads the office's comment box over 申请人：____ 接待人：____; the office signs as 接待人
    words = row("客服中心意见", y=100) + row("申请人：", "接待人：", y=250)
    assert sorted(found(words)) == [("接待人", "staff"), ("申请人", "customer")]
