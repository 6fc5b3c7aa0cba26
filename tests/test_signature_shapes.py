"""Signature fields on forms worded by other companies: found by their shape (a short label ending in
a signing word, policies/signing.yaml), not from the policy's label lists; the party named gives the
side; a type's required signatures are matched to them by side.

Pages are drawn with PIL at ~200 dpi and given their OCR words directly (as the engine returns a
line: one Word per printed run), so each case is exact and fast. Signatures are real handwritten
Chinese names (samples/real/chinese-signatures).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.signature import check_signatures, find_signature_fields
from dossier.classify.signature_labels import _lines, find_labels, role_of
from dossier.classify.signature_match import required_signatures
from dossier.models import SignatureField, Word
from dossier.policy import Policy, SignatureRule, SigningPolicy, load_signing
from dossier.samples.handwriting import REAL_SAMPLES

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
LH = 36  # label font size, pixels
NAMES = sorted((REAL_SAMPLES / "chinese-signatures").glob("*.png"))


@lru_cache(maxsize=2)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size)


def line_word(text: str, x: int = 150, y: int = 100, h: int = 40) -> Word:
    return Word(text=text, box=(x, y, x + h * len(text), y + h), conf=0.95)


def labels_of(text: str) -> list[tuple[str, str]]:
    return [(f.label, f.role) for f in find_labels(_lines([line_word(text)]))]


# --- labels by shape ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "role"),
    [
        ("买受人（签名）：", "买受人（签名）", "customer"),
        ("送修人签认", "送修人签认", "customer"),
        ("車主簽章", "車主簽章", "customer"),
        ("委託人簽字：", "委託人簽字", "customer"),
        ("承修方（签章）：", "承修方（签章）", "staff"),
        ("质检员确认：", "质检员确认", "staff"),
        ("乙方（盖章）", "乙方（盖章）", "unknown"),
        ("签约人签字：", "签约人签字", "unknown"),
        ("签字：", "签字", "unknown"),
        ("客户签宇：", "客户签宇", "customer"),  # 字 misread
        ("客户策字：", "客户策字", "customer"),  # 签 misread
        ("車主章：", "車主章", "customer"),  # RapidOCR lacks 簽 and drops it
        ("客戶字：", "客戶字", "customer"),
        # The party after the signing word, in brackets; or before it across a blank OCR kept.
        ("签名（车主）：", "签名（车主）", "customer"),
        ("签字/盖章（服务顾问）：", "签字/盖章（服务顾问）", "staff"),
        ("送修人 签章", "送修人 签章", "customer"),
        ("质检员 (签字确认)：", "质检员 (签字确认)", "staff"),
        # A job title no list holds takes its side from its ending (policies/signing.yaml).
        ("客服专员确认：", "客服专员确认", "staff"),
        ("技术主管（签章）：", "技术主管（签章）", "staff"),
    ],
)
def test_a_label_ending_in_a_signing_word_is_a_field_with_its_party_side(text: str, label: str, role: str) -> None:
    assert labels_of(text) == [(label, role)]


def test_two_labels_on_one_line_are_two_fields() -> None:
    assert labels_of("承修方（签章）：         送修人（签字）：") == [
        ("承修方（签章）", "staff"), ("送修人（签字）", "customer")]


@pytest.mark.parametrize(
    "text",
    [
        "本人已确认车辆外观、内饰及随车工具完好，随车资料齐全。",
        "以上维修项目及费用经本人确认",
        "经客户签字确认后生效",
        "本合同自双方签字盖章之日起生效。",
        "新车交车确认单",
        "用户档案签收簿",
        "客户姓名：张三",  # one character from 客户签名: a name field
        "签字日期：",
        "客户名：张三",
        "文字：",
        "本人字迹清楚",
        "车主：张三    日期：2024年3月5日",  # a name after the colon: no blank to sign
    ],
)
def test_running_text_and_other_fields_are_no_signature_fields(text: str) -> None:
    assert labels_of(text) == []


def test_a_bare_party_before_a_blank_on_a_signing_line_is_a_field() -> None:
    assert labels_of("车主：______    日期：____") == [("车主", "customer")]


def test_the_side_of_jia_and_yi_depends_on_the_document_type() -> None:
    assert role_of("甲方") == ("unknown", "甲方")
    assert role_of("甲方", "sales_contract")[0] == "staff"
    assert role_of("乙方", "sales_contract")[0] == "customer"
    assert role_of("甲方", "work_order")[0] == "customer"
    assert role_of("乙方（承修方）", "work_order")[0] == "staff"


def test_a_site_adds_parties_and_aliases_as_data(tmp_path) -> None:
    from dossier.policy import POLICY_DIR

    site = tmp_path / "site.yaml"
    site.write_text("signing_words: [画押]\nparties: {customer: [房东]}\naliases: {staff: [验车人]}\n", encoding="utf-8")
    signing = load_signing([POLICY_DIR / "signing.yaml", site])
    assert isinstance(signing, SigningPolicy) and signing.aliases["staff"] == ["验车人"]
    found = find_labels(_lines([line_word("房东画押：")]), signing)
    assert [(f.label, f.role) for f in found] == [("房东画押", "customer")]


# --- fields judged --------------------------------------------------------------------------------


def name_alpha(k: int, height: int) -> np.ndarray:
    """A real handwritten Chinese name as an alpha mask `height` pixels high."""
    img = Image.open(NAMES[k])
    grey = np.asarray(img.convert("L"), np.float32)
    alpha = np.clip((235 - grey) / 160, 0, 1)
    if img.mode == "RGBA":
        alpha *= np.asarray(img.getchannel("A"), np.float32) / 255
    ys, xs = np.nonzero(alpha > 0.1)
    alpha = alpha[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]
    w = int(alpha.shape[1] * height / alpha.shape[0])
    return np.asarray(Image.fromarray((alpha * 255).astype(np.uint8)).resize((w, height)), np.float32) / 255


def sign(page: Image.Image, k: int, at: tuple[int, int], height: int = 2 * LH) -> None:
    """Blue ballpoint: darken the page under the name's strokes."""
    alpha = name_alpha(k, height)
    x, y = at
    h, w = alpha.shape
    region = np.asarray(page.crop((x, y, x + w, y + h)), np.float32)
    ink = np.array((25, 40, 150), np.float32) / 255
    out = region * (1 - alpha[..., None] * (1 - ink))
    page.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), (x, y))


def form(labels: list[tuple[str, int, int]], rule: str = "right") -> tuple[Image.Image, list[Word]]:
    """A strip of form with the labels (text, x, y) printed and their OCR words; the blank for each
    is a rule to its right ("right"), a rule under it ("below") or a box under it ("box")."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, x, y in labels:
        d.text((x, y), text, font=font(LH), fill="black")
        x0, y0, x1, y1 = d.textbbox((x, y), text, font=font(LH))
        words.append(Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.97))
        if rule == "right":
            d.line((x1 + 10, y1 + 6, x1 + 500, y1 + 6), fill=(60, 60, 60), width=2)
        elif rule == "below":
            d.line((x0, y1 + 3 * LH, x0 + 520, y1 + 3 * LH), fill=(60, 60, 60), width=2)
        else:
            d.rectangle((x0, y1 + 12, x0 + 520, y1 + 12 + 3 * LH), outline=(90, 90, 90), width=2)
    return page, words


@pytest.mark.parametrize("layout", ["right", "below", "box"])
def test_unlisted_labels_are_judged_blank_and_signed(layout: str) -> None:
    labels = [("买受人（签名）：", 120, 150), ("乙方（盖章）", 900, 150)]
    page, words = form(labels, layout)
    blank = find_signature_fields(np.asarray(page), words, [])
    assert [(f.label, f.role, f.status) for f in blank] == [
        ("买受人（签名）", "customer", "blank"), ("乙方（盖章）", "unknown", "blank")]
    # The name where one signs: right of the label on its rule, or on the rule / in the box under it.
    first = words[0].box
    at = (first[2] + 40, first[1] - 20) if layout == "right" else (first[0] + 30, first[3] + 20)
    sign(page, 3, at, height=int(1.6 * LH) if layout != "right" else 2 * LH)
    signed = find_signature_fields(np.asarray(page), words, [])
    assert [(f.label, f.status) for f in signed] == [("买受人（签名）", "signed"), ("乙方（盖章）", "blank")]


def test_a_policy_label_still_names_its_field_and_is_not_found_twice() -> None:
    page, words = form([("客户签字：", 120, 150)])
    rule = SignatureRule(role="customer", labels=["客户签字"])
    fields = find_signature_fields(np.asarray(page), words, [rule])
    assert [(f.label, f.role, f.status, f.party) for f in fields] == [("客户签字", "customer", "blank", None)]
    # check_signatures keeps its contract: one field per rule, and nothing found by shape.
    (only,) = check_signatures(np.asarray(page), words, [SignatureRule(role="staff", labels=["服务顾问签字"])])
    assert only.status == "uncertain" and only.box is None


# --- required signatures of a type ---------------------------------------------------------------


def field(label: str, role: str, status: str, party: str | None, x: int) -> SignatureField:
    return SignatureField.model_validate(
        {"role": role, "label": label, "status": status, "party": party, "page": 1, "box": (x, 100, x + 300, 160)}
    )


def test_required_signatures_are_matched_by_side_and_the_rest_reported(policy: Policy) -> None:
    contract = policy.doc_types["sales_contract"]
    found = [
        field("甲方（盖章）", "unknown", "signed", "甲方", 100),
        field("乙方（签字）", "unknown", "blank", "乙方", 900),
        field("见证人签字", "unknown", "blank", None, 500),
    ]
    out = required_signatures(contract, found)
    assert [(f.role, f.label, f.status, f.required) for f in out] == [
        ("customer", "乙方（签字）", "blank", True),
        ("staff", "甲方（盖章）", "signed", True),
        ("unknown", "见证人签字", "blank", False),
    ]


def test_a_required_side_with_no_field_is_uncertain_and_says_so(policy: Policy) -> None:
    work_order = policy.doc_types["work_order"]
    out = required_signatures(work_order, [field("送修人签认", "customer", "signed", "送修人", 100)])
    customer, staff = out
    assert customer.status == "signed" and customer.required
    assert staff.status == "uncertain" and staff.reason and "未找到员工签字栏" in staff.reason
    assert "no staff signature field found" in staff.reason



def test_a_field_no_lexicon_places_takes_the_one_side_left_by_elimination(policy: Policy) -> None:
    work_order = policy.doc_types["work_order"]
    found = [field("送修人签认", "customer", "signed", "送修人", 100), field("质检签名", "unknown", "blank", "质检", 900)]
    customer, staff = required_signatures(work_order, found)
    assert (customer.label, customer.status) == ("送修人签认", "signed")
    assert (staff.label, staff.role, staff.status, staff.required) == ("质检签名", "staff", "blank", True)
    # Both sides without a field: nothing tells which unknown field is whose, so both stay uncertain.
    both = required_signatures(work_order, [field("甲签名", "unknown", "blank", "甲", 100),
                                            field("乙签名", "unknown", "blank", "乙", 900)])
    assert [f.status for f in both if f.required] == ["uncertain", "uncertain"]
    assert all("2" in (f.reason or "") for f in both if f.required)  # the reason counts the fields left unplaced

# --- where the blank is --------------------------------------------------------------------------


def cells_form() -> tuple[Image.Image, list[Word], tuple[int, int]]:
    """A table row: a label cell wide enough that the label leaves it half empty, then the blank cell."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((100, 150, 1500, 290), outline="black", width=2)
    for x in (620, 900):
        d.line((x, 150, x, 290), fill="black", width=2)
    d.text((120, 200), "送修人签字：", font=font(LH), fill="black")
    d.text((920, 200), "日期：", font=font(LH), fill="black")
    words = []
    for text, x in (("送修人签字：", 120), ("日期：", 920)):
        x0, y0, x1, y1 = d.textbbox((x, 200), text, font=font(LH))
        words.append(Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.97))
    return page, words, (650, 175)


def test_a_label_cell_with_the_blank_in_the_next_cell() -> None:
    page, words, at = cells_form()
    (blank,) = find_signature_fields(np.asarray(page), words, [])
    assert (blank.label, blank.status) == ("送修人签字", "blank")
    sign(page, 1, at, height=int(2.2 * LH))
    (signed,) = find_signature_fields(np.asarray(page), words, [])
    assert signed.status == "signed" and signed.box is not None and signed.box[2] > 700


def test_a_label_heading_its_signing_area_with_the_rule_far_below() -> None:
    """The label over a signing area 4 label heights deep, its rule at the foot; a date line under it."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, x, y in (("维修技师签字确认：", 120, 150), ("日期：    年   月   日", 120, 150 + 6 * LH)):
        d.text((x, y), text, font=font(LH), fill="black")
        x0, y0, x1, y1 = d.textbbox((x, y), text, font=font(LH))
        words.append(Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.97))
    label = words[0].box
    d.line((label[0], label[3] + 4 * LH, label[0] + 600, label[3] + 4 * LH), fill=(60, 60, 60), width=2)
    (blank,) = find_signature_fields(np.asarray(page), words, [])
    assert blank.status == "blank"
    sign(page, 2, (label[0] + 150, label[3] + int(1.2 * LH)), height=int(2.2 * LH))
    (signed,) = find_signature_fields(np.asarray(page), words, [])
    assert signed.status == "signed"
