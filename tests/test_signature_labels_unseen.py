"""Signature labels on forms no one here wrote, found by their structure (issue 18): bilingual labels
whose English gloss the engine runs into the Chinese. Lines are given as the engine returns them (one
Word per printed run), as in test_signature_unseen.py."""

from __future__ import annotations

import pytest

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
