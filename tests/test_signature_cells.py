"""Where a signature field's blank lies on forms that box or rule it (issue 18): a box right under its label,
the cells of a table whose labels head them, a label set down a column, a name written beside another
field's label. Pages are drawn with PIL at ~200 dpi with real handwritten Chinese names and given their OCR
words, as in test_signature_shapes.py; OCR's boxes are padded as a photo's are (taller than the glyphs).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from dossier.classify.signature import find_signature_fields
from dossier.models import Word
from tests.test_signature_shapes import LH, font, sign


def _print(d: ImageDraw.ImageDraw, text: str, at: tuple[int, int], pad: int = 4, conf: float = 0.99) -> Word:
    """Print `text` at `at` and give OCR's word for it, its box `pad` pixels over and under the glyphs."""
    d.text(at, text, font=font(LH), fill="black")
    x0, y0, x1, y1 = d.textbbox(at, text, font=font(LH))
    return Word(text=text, box=(x0, y0 - pad, x1, y1 + pad), conf=conf)


def _statuses(page: Image.Image, words: list[Word]) -> dict[str, str]:
    return {f.role: f.status for f in find_signature_fields(np.asarray(page), words, [])}


def _labelled_boxes(width: int, depth: int) -> tuple[Image.Image, list[Word]]:
    """申请人签字 and 物业接待人 each over a box of their own, the box's left side under the label's first
    character and its top just under the label (h 052, 025)."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    words = []
    for text, x in (("申请人签字", 110), ("物业接待人", 110 + width + 40)):
        words.append(_print(d, text, (x + 2, 150)))
        d.rectangle((x, 150 + LH + 12, x + width, 150 + LH + 12 + depth), outline="black", width=2)
    return page, words


def test_a_box_under_its_label_is_where_one_signs() -> None:
    """A box deeper than a signing line's gap (7 label heights) or wider than one (24): the name is written
    low in the box, not beside the label; an empty box is blank whatever the box beside it holds."""
    for width, depth in ((560, 7 * LH), (24 * LH, 3 * LH)):
        page, words = _labelled_boxes(width, depth)
        assert _statuses(page, words) == {"customer": "blank", "staff": "blank"}
        sign(page, 1, (110 + width + 40 + 80, 150 + LH + depth - int(2.2 * LH)), height=int(2 * LH))
        assert _statuses(page, words) == {"customer": "blank", "staff": "signed"}
        sign(page, 2, (110 + 60, 150 + LH + depth - int(2.2 * LH)), height=int(2 * LH))
        assert _statuses(page, words) == {"customer": "signed", "staff": "signed"}


def _header_cells(labels: tuple[str, ...], pad: int) -> tuple[Image.Image, list[Word], list[int]]:
    """A one-row table, each cell headed at its top left by a label and blank under it (h 047, 041): the
    columns' left edges."""
    page = Image.new("RGB", (1654, 600), "white")
    d = ImageDraw.Draw(page)
    left, width = 110, 460
    xs = [left + k * width for k in range(len(labels) + 1)]
    d.rectangle((xs[0], 150, xs[-1], 400), outline="black", width=2)
    for x in xs[1:-1]:
        d.line((x, 150, x, 400), fill="black", width=2)
    words = [_print(d, text, (x + 12, 162), pad) for text, x in zip(labels, xs, strict=False)]
    return page, words, xs


def test_a_label_heading_the_last_cell_of_a_table_is_signed_in_it_not_past_the_table() -> None:
    """客户签字 | 技师签字: the last cell's field ends at the table's outer side (the crop a reviewer sees),
    and the name written low in it signs it."""
    page, words, xs = _header_cells(("客户签字", "技师签字"), 4)
    fields = find_signature_fields(np.asarray(page), words, [])
    staff = next(f for f in fields if f.role == "staff")
    assert staff.status == "blank" and staff.box is not None and staff.box[2] <= xs[-1]
    sign(page, 1, (xs[1] + 60, 290), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "blank", "staff": "signed"}


def test_a_next_cell_headed_by_its_own_print_is_not_the_labels_blank() -> None:
    """陪同试车客户签名 | 路试员 | 质检 on a photo (OCR's boxes 1.6 times the glyphs' height): the name in 路试员's
    cell is not the customer's, whose own cell is blank."""
    page, words, xs = _header_cells(("陪同试车客户签名", "路试员", "质检"), 14)
    sign(page, 1, (xs[1] + 30, 250), height=int(2 * LH))
    assert _statuses(page, words)["customer"] == "blank"
    sign(page, 2, (xs[0] + 60, 290), height=int(2 * LH))
    assert _statuses(page, words)["customer"] == "signed"


def test_a_name_written_before_the_next_label_is_the_first_labels() -> None:
    """送修人签名：  赵雪  服务顾问签字： (h 040): the customer's name, written nearer the staff label than its
    own, is not the staff's; OCR's box of the customer label stands taller than the staff label's glyphs
    and its date line's 日期 : is read with a space before the colon, unsure."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = [_print(d, "送修人签名：", (110, 200), 9), _print(d, "服务顾问签字：", (760, 200), 2)]
    words += [_print(d, "日期 :", (110, 270), 4, 0.74), _print(d, "日期 :", (760, 270), 4, 0.74)]
    sign(page, 1, (520, 170), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "signed", "staff": "blank"}


def test_a_label_down_a_column_taller_than_three_characters_is_vertical() -> None:
    """服务顾问签字 down a box's first column, OCR's box of it four times as tall as wide (h 040): the name
    is written right of it, the label's height judged as a character's, not the column's."""
    page = Image.new("RGB", (1654, 700), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((120, 80, 900, 480), outline="black", width=2)
    d.line((200, 80, 200, 480), fill="black", width=2)
    for k, ch in enumerate("服务顾问签字"):
        d.text((140, 90 + k * (LH + 2)), ch, font=font(LH), fill="black")
    words = [Word(text="服务顾问签字", box=(124, 86, 190, 94 + 6 * (LH + 2)), conf=0.99)]
    assert _statuses(page, words) == {"staff": "blank"}
    sign(page, 1, (400, 240), height=int(2 * LH))
    assert _statuses(page, words) == {"staff": "signed"}


def test_a_stray_line_a_scan_broke_into_dashes_leaves_a_field_blank() -> None:
    """客户确认签字： over a long signing line, a thin stray line across the blank that the scan broke into seven
    dashes (h 031): one straight line, not a signature; a name there is still one."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    words = [_print(d, "客户确认签字：", (110, 200))]
    d.line((380, 200 + LH + 6, 1500, 200 + LH + 6), fill="black", width=2)
    for k in range(7):  # 1-px dashes 26 px long, 4 px apart, rising 1 px in 8
        x = 900 + 30 * k
        d.line((x, 190 - (x - 900) // 8, x + 26, 190 - (x + 26 - 900) // 8), fill=(90, 90, 90), width=1)
    assert _statuses(page, words) == {"customer": "blank"}
    sign(page, 1, (500, 200 - LH // 2), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "signed"}


def test_a_caption_in_brackets_under_its_signing_line_is_signed_above_the_line() -> None:
    """（接待員） centred under a line to sign on, read （接待） (h 056: the engine lacks 員), the label placed
    after the bracket: the bracket left of it is no table's side under a border, and the name on the line
    signs it."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    d.line((300, 220, 700, 220), fill="black", width=2)
    word = _print(d, "（接待員）", (410, 228))
    words = [word.model_copy(update={"text": "（接待）"})]
    assert _statuses(page, words) == {"staff": "blank"}
    sign(page, 1, (380, 220 - int(2.2 * LH)), height=int(2 * LH))
    assert _statuses(page, words) == {"staff": "signed"}


def test_a_label_cells_foot_broken_under_it_is_no_rule_to_sign_on() -> None:
    """客户签字 | blank on a bilevel scan that broke the row's foot three label heights under the label (g 068d):
    the piece of foot from the cell's side is the cell's border, and the name in the next cell signs it."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    top, foot = 150, 150 + 3 * LH
    d.line((110, top, 1000, top), fill="black", width=2)
    d.line((110, foot, 380, foot), fill="black", width=2)
    d.line((386, foot, 1000, foot), fill="black", width=2)
    for x in (110, 280, 1000):
        d.line((x, top, x, foot), fill="black", width=2)
    words = [_print(d, "客户签字", (122, 162))]
    assert _statuses(page, words) == {"customer": "blank"}
    sign(page, 1, (500, 165), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "signed"}


def test_a_name_over_a_captions_signing_line_read_by_ocr_does_not_close_the_space() -> None:
    """(服务顾问签字) under a line to sign on, the name written on it in blue and read in part as 子 (g 059b):
    that word is the name, not print bounding the space over the line."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    d.line((300, 240, 1000, 240), fill="black", width=2)
    words = [_print(d, "(服务顾问签字)", (500, 248))]
    sign(page, 1, (560, 240 - int(2 * LH)), height=int(2 * LH))
    words.append(Word(text="子", box=(560, 240 - int(2 * LH), 560 + LH, 240 - LH // 2 - 2), conf=0.91))
    assert _statuses(page, words) == {"staff": "signed"}


def test_a_name_after_a_colon_label_of_another_wording_is_not_the_next_labels() -> None:
    """客户确认：  杨紫函  理赔专员： (g 022): the customer's name, written nearer the staff label, belongs to the
    label before it, which ends in a colon though no alias names it; the staff field is blank."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    words = [_print(d, "客户确认：", (110, 200), 4), _print(d, "理赔专员：", (700, 200), 4)]
    sign(page, 1, (420, 170), height=int(2 * LH))
    words.append(_print(d, "日期：年月日", (900, 270)))
    assert _statuses(page, words)["staff"] == "blank"


def test_a_label_whose_row_goes_on_into_a_blank_cell_is_signed_there_not_in_the_cell_below() -> None:
    """客户签字 | blank over 日期 | blank: the cell under the label is the next row's, and the name in the cell
    beside the label signs it."""
    page = Image.new("RGB", (1654, 500), "white")
    d = ImageDraw.Draw(page)
    for y in (150, 150 + 3 * LH, 150 + 6 * LH):
        d.line((110, y, 1000, y), fill="black", width=2)
    for x in (110, 330, 1000):
        d.line((x, 150, x, 150 + 6 * LH), fill="black", width=2)
    words = [_print(d, "客户签字", (122, 162 + LH // 2)), _print(d, "日期", (122, 162 + 3 * LH + LH // 2))]
    assert _statuses(page, words) == {"customer": "blank"}
    sign(page, 1, (500, 165), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "signed"}


def test_a_caption_under_a_signing_line_with_a_faint_broken_lower_edge_is_signed_along_the_whole_line() -> None:
    """Applicant 申请人 flush left under its line (i 0052): the scan left the line's lower edge a lighter row broken
    in places; its dark core runs on. The name written on the line well right of the caption signs it."""
    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    d.rectangle((110, 215, 700, 216), fill="black")
    for x0, x1 in ((110, 400), (410, 520), (530, 700)):  # the lighter lower edge, broken past the caption
        d.rectangle((x0, 217, x1, 219), fill=(175, 175, 175))
    words = [_print(d, "申请人", (240, 228))]
    assert _statuses(page, words) == {"customer": "blank"}
    sign(page, 1, (540, 215 - int(2.2 * LH)), height=int(2 * LH))
    assert _statuses(page, words) == {"customer": "signed"}
