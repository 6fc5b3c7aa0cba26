"""Blank signature fields in layouts where the blank is not right of its label: the signing line printed
before a bracketed caption (______（客户确认签字）). Constructed pages; the names are real handwriting."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.signature import find_signature_fields
from dossier.classify.signature_labels import _lines, find_labels
from dossier.models import Word
from dossier.policy import SignatureRule
from tests.test_signature_shapes import LH, font, sign


def captions_row(signed: set[int], colon: bool = False) -> tuple[np.ndarray, list[Word]]:
    """______（客户确认签字）  ______（服务顾问确认签字）on one line, each caption after its signing line;
    the lines numbered 0 and 1 in `signed` have a name written over them."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    words = []
    y = 200
    for k, (x, text) in enumerate(((120, "（客户确认签字）"), (860, "（服务顾问确认签字）"))):
        text += "：" if colon else ""
        d.line((x, y + LH, x + 9 * LH, y + LH), fill="black", width=2)
        tx = x + 9 * LH + 10
        d.text((tx, y), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((tx, y), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 5, bx1, by1 + 5), conf=0.97))
        if k in signed:
            sign(page, k, (x + 2 * LH, y - int(0.6 * LH)), height=int(1.6 * LH))
    return np.asarray(page), words


@pytest.mark.parametrize("signed", [set(), {0}, {1}, {0, 1}])
def test_a_bracketed_caption_is_signed_on_the_line_before_it(signed: set[int]) -> None:
    """The name over a caption's own line signs it; the next caption's line (right of the first caption)
    is that caption's, and a name there never signs the first."""
    image, words = captions_row(signed)
    fields = {f.label: f.status for f in find_signature_fields(image, words, [])}
    assert fields == {
        "（客户确认签字）": "signed" if 0 in signed else "blank",
        "（服务顾问确认签字）": "signed" if 1 in signed else "blank",
    }


def test_a_bracketed_label_before_a_colon_points_right_not_back() -> None:
    """（客户确认签字）：______: the colon says the blank follows; the name on the line after the first label is
    its signature, the line before it another field's."""
    image, words = captions_row({1}, colon=True)
    fields = {f.label: f.status for f in find_signature_fields(image, words, [])}
    assert fields["（客户确认签字）"] == "signed"


@pytest.mark.parametrize("text", ["财务（确认）：", "財務(蓋章)", "出纳签字：", "收银员（签字）："])
def test_the_firms_money_desk_signs_for_the_business(text: str) -> None:
    """A settlement's finance, cashier or accountant field is the business's: a customer never signs as it,
    so its blank is the staff side's, not a field of no side."""
    assert [f.role for f in find_labels(_lines([Word(text=text, box=(150, 100, 150 + 40 * len(text), 140), conf=0.95)]))] == ["staff"]


def framed_rows(signed: set[int]) -> tuple[np.ndarray, list[Word]]:
    """Two framed boxes one over the other, each label in its top-left corner (申请单位签收： over 审批人签收：);
    in those numbered in `signed` a name is written low in the box, just over its foot."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    words = []
    for k, (top, text) in enumerate(((100, "申请单位签收："), (280, "审批人签收："))):
        d.rectangle((110, top, 800, top + 160), outline="black", width=2)
        d.text((125, top + 10), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((125, top + 10), text, font=font(LH))
        words.append(Word(text=text, box=(bx0, by0 - 5, bx1, by1 + 5), conf=0.97))
        if k in signed:
            sign(page, k, (450, top + 95), height=int(1.6 * LH))
    return np.asarray(page), words


def test_a_name_low_in_the_frame_above_does_not_sign_the_label_under_that_frame() -> None:
    """The top of a label's frame bounds its field: a name hanging low in the box above, just over the
    ruling, is that box's; the label under it stays blank until a name is written in its own box."""
    image, words = framed_rows({0})
    assert {f.label: f.status for f in find_signature_fields(image, words, [])}["审批人签收"] == "blank"
    image, words = framed_rows({0, 1})
    assert {f.label: f.status for f in find_signature_fields(image, words, [])}["审批人签收"] == "signed"


def _two_labels_on_a_line(pad: int) -> tuple[np.ndarray, list[Word]]:
    """車主簽名：______  收銀員：______ on one line, OCR's boxes `pad` pixels over and under the glyphs each way
    (i 0045: a small scan's boxes stand 1.6 glyph heights tall), nothing written."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    words = []
    # The second label as OCR read it there, 員 misread 具: print, but no label it knows.
    for x, text, read in ((120, "車主簽名：", "車主簽名："), (820, "收銀員：", "收銀具：")):
        d.text((x, 200), text, font=font(LH), fill="black")
        bx0, by0, bx1, by1 = d.textbbox((x, 200), text, font=font(LH))
        d.line((bx1 + 4, by1 + 4, bx1 + 12 * LH, by1 + 4), fill="black", width=2)
        words.append(Word(text=read, box=(bx0, by0 - pad, bx1, by1 + pad), conf=0.95))
    return np.asarray(page), words


@pytest.mark.parametrize("pad", [4, 11])
def test_the_next_label_on_the_line_ends_the_blank_however_tall_ocr_boxes_it(pad: int) -> None:
    """The next field's label, its colon after it, is print that ends the first field's blank, also where
    OCR's box for it is 1.6 times the glyphs' height: its characters are no ink in the first field."""
    image, words = _two_labels_on_a_line(pad)
    fields = {f.label: (f.status, f.box[2] if f.box else None) for f in find_signature_fields(image, words, [])}
    assert fields["車主簽名"][0] == "blank"
    assert fields["車主簽名"][1] is not None and fields["車主簽名"][1] <= words[1].box[0]


def _caption_beside_a_label() -> tuple[np.ndarray, list[Word]]:
    """买方（签名）： with its blank on its right, and a little lower, in that blank's reach, the caption
    交车专员签字 under its own line (e 0071); nothing written anywhere."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, at in (("买方（签名）：", (104, 200)), ("交车专员签字", (728, 200 + int(0.8 * LH)))):
        d.text(at, text, font=font(LH), fill="black")
        x0, y0, x1, y1 = d.textbbox(at, text, font=font(LH))
        words.append(Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.98))
    d.line((640, words[1].box[1] - 10, 960, words[1].box[1] - 10), fill="black", width=2)
    return np.asarray(page), words


def test_a_label_found_by_an_alias_read_otherwise_is_print_in_the_field_beside_it() -> None:
    """The site's alias 交车专员签名 finds the printed 交车专员签字 (one character off): the caption is print as
    it was read, and its characters do not sign the buyer's blank they stand in."""
    image, words = _caption_beside_a_label()
    rules = [SignatureRule(role="staff", labels=["交车专员签名"])]
    fields = {f.label: f.status for f in find_signature_fields(image, words, rules)}
    assert fields == {"买方（签名）": "blank", "交车专员签名": "blank"}
