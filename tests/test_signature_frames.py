"""Where a signature field's blank lies by the shape of the form round its label (issue 18): a caption at the
foot of the frame one signs in, a table drawn in faint hairlines on a photo, a written name read by OCR as one
character. Pages are drawn with PIL and real handwritten Chinese names, as in test_signature_cells.py (the
shapes of e 082, e 054 and h 053).
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from dossier.classify.signature import find_signature_fields
from dossier.models import Word
from tests.test_signature_cells import _print
from tests.test_signature_shapes import LH, font, sign


def _statuses(page: Image.Image, words: list[Word]) -> dict[str, str]:
    return {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}


def _captioned_frame() -> tuple[Image.Image, list[Word]]:
    """甲方（签字） printed in the lower right corner of an empty frame, and under the frame a row of a table:
    签订日期 | a date written in blue (e 082's contract page)."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((110, 100, 700, 100 + 5 * LH), outline="black", width=2)
    words = [_print(d, "甲方（签字）", (700 - 6 * LH - 12, 100 + 5 * LH - LH - 14))]
    top = 100 + 5 * LH + 40
    d.rectangle((110, top, 1500, top + 2 * LH), outline="black", width=2)
    d.line((300, top, 300, top + 2 * LH), fill="black", width=2)
    words.append(_print(d, "签订日期", (130, top + LH // 2)))
    sign(page, 3, (340, top + 4), height=int(1.7 * LH))
    return page, words


def test_a_caption_at_the_foot_of_a_frame_is_signed_in_the_frame_not_in_the_row_under_it() -> None:
    """The blue ink in the table row under the frame is not the party's signature: the empty frame is
    blank, and a name written in it signs it."""
    page, words = _captioned_frame()
    assert _statuses(page, words) == {"unknown": "blank"}
    sign(page, 1, (160, 130), height=int(2 * LH))
    assert _statuses(page, words) == {"unknown": "signed"}


def _photo_table(sign_customer: bool) -> tuple[Image.Image, list[Word]]:
    """申请人签字 | 客服专员签章 heading a two-cell table drawn in grey hairlines on a photo's dim paper and
    blurred (e 054): the staff's name written in its cell."""
    paper = (222, 220, 214)
    page = Image.new("RGB", (1400, 600), paper)
    d = ImageDraw.Draw(page)
    # Blurred, the rows come out ~50 grey under the paper (the usual level wants 60), the sides darker.
    top, mid, foot, xs = 150, 150 + int(1.6 * LH), 150 + int(4.2 * LH), (100, 620, 1140)
    for y in (top, mid, foot):
        d.line((xs[0], y, xs[-1], y), fill=(95, 95, 93), width=1)
    for x in xs:
        d.line((x, top, x, foot), fill=(120, 120, 118), width=2)
    words = [_print(d, text, (x + 200, top + 8)) for text, x in zip(("申请人签字", "客服专员签章"), xs, strict=False)]
    sign(page, 1, (xs[1] + 60, mid + 6), height=int(2.2 * LH))
    if sign_customer:
        sign(page, 2, (xs[0] + 60, mid + 6), height=int(2.2 * LH))
    return page.filter(ImageFilter.GaussianBlur(1.0)), words


def test_a_table_of_faint_blurred_hairlines_still_bounds_the_cell_under_its_header() -> None:
    """The customer's cell is blank though the staff's name stands in the next one; signed once a name is
    written in it."""
    assert _statuses(*_photo_table(False)) == {"customer": "blank", "staff": "signed"}
    assert _statuses(*_photo_table(True)) == {"customer": "signed", "staff": "signed"}


def test_one_character_of_a_written_name_read_by_ocr_is_not_print() -> None:
    """客户签名确认 over its box on a black-and-white copy, a name written in the box whose last character OCR
    read alone as 鑫, three label heights wide and two high (h 053): the name signs the field, it is not
    erased as the form's print."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    words = [_print(d, "客户签名确认", (112, 150))]
    top = 150 + LH + 12
    d.rectangle((110, top, 700, top + 4 * LH), outline="black", width=2)
    assert _statuses(page, words) == {"customer": "blank"}
    sign(page, 4, (300, top + LH // 2), height=int(2 * LH))
    page = page.convert("L").convert("RGB")  # a black-and-white copy: no pen blue to tell the name by
    ink = np.asarray(page.crop((300, top + 4, 690, top + 4 * LH - 4)).convert("L")) < 128
    ys, xs = np.nonzero(ink)
    words.append(Word(text="鑫", box=(300 + int(xs.min()), top + 4 + int(ys.min()), 300 + int(xs.max()), top + 4 + int(ys.max())), conf=0.87))
    assert _statuses(page, words) == {"customer": "signed"}


def _tear_off(signed: bool) -> tuple[Image.Image, list[Word]]:
    """经办人签字： with nothing after it, a divider right across the page under it and the slip's heading
    ------ 回执 ------ under the divider, read unsure by OCR (i 010)."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = [_print(d, "经办人签字：", (90, 120))]
    y = words[0].box[3] + LH // 2
    d.line((90, y, 1560, y), fill="black", width=2)
    words.append(_print(d, "------ 回执 ------", (600, y + LH // 2), conf=0.65))
    if signed:
        sign(page, 2, (words[0].box[2] + 40, 120 - LH // 2), height=int(1.6 * LH))
    return page, words


def test_what_lies_past_a_divider_under_a_label_is_not_its_field() -> None:
    """The print of the slip past the divider is not a signature for the label over it; a name beside the
    label still signs it."""
    assert _statuses(*_tear_off(False)) == {"staff": "blank"}
    assert _statuses(*_tear_off(True)) == {"staff": "signed"}


def _grey_rule_captions(
    paper: tuple[int, int, int], rule: tuple[int, int, int], signed: bool, first: str = "购车人签名"
) -> tuple[Image.Image, list[Word]]:
    """购车人签名 and 销售顾问签名 each centred under its own signing line drawn as a thin light-grey hairline,
    lighter than any ruling (j 027, 011, 028: an e-form's rules, 55 grey under white paper or 40 under a
    photo's dim paper); the buyer's name written on his line, well above the caption."""
    page = Image.new("RGB", (1654, 500), paper)
    d = ImageDraw.Draw(page)
    line_y, words = 260, []
    for text, x0 in ((first, 150), ("销售顾问签名", 860)):
        d.line((x0, line_y, x0 + 590, line_y), fill=rule, width=2)
        width = int(d.textbbox((0, 0), text, font=font(LH))[2])
        words.append(_print(d, text, (x0 + 295 - width // 2, line_y + 24)))
    if signed:
        sign(page, 2, (300, line_y - int(2.8 * LH)), height=int(2.2 * LH))
    return page, words


@pytest.mark.parametrize(
    ("paper", "rule", "blur", "first"),
    [
        ((255, 255, 255), (200, 200, 200), 0.0, "购车人签名"),
        ((190, 188, 184), (150, 149, 146), 1.0, "购车人签名"),
        # A caption of flat strokes (客, 户 and 签 topped by rows of ink across it, j 052): no line of its own.
        ((255, 255, 255), (200, 200, 200), 0.0, "客户签名"),
    ],
)
def test_a_caption_under_a_light_grey_hairline_is_signed_on_the_line(paper, rule, blur, first) -> None:
    """The name on the buyer's hairline signs the buyer's field; the seller's line, with nothing on it, is blank
    (not what lies beside its caption)."""
    for signed, want in ((False, "blank"), (True, "signed")):
        page, words = _grey_rule_captions(paper, rule, signed, first)
        if blur:
            page = page.filter(ImageFilter.GaussianBlur(blur))
        fields = {f.label: f.status for f in find_signature_fields(np.asarray(page), words, [])}
        assert fields == {first: want, "销售顾问签名": "blank"}
