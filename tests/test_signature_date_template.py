"""A printed date to fill in after a signing line (客户签名 ________  ______年___月___日) bounds the field:
OCR reads its underscores with its words ("年_", as RapidOCR read g 033's), and those words are print, not
handwriting read as letters. Left in the field, its 年 read as ink and a blank field came back `uncertain`.

Pages are drawn with PIL at ~200 dpi and given their OCR words directly (tests/test_signature_marks.py).
"""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from dossier.classify.signature import check_signatures
from dossier.models import Word
from tests.test_signature_marks import CUSTOMER, LH, Y, font, jpeg, multiply, scanned, short_signature, specks

DATE = "______年___月___日"


def date_page() -> tuple[Image.Image, list[Word], int]:
    """客户签名 and a signing line, then the date template on the same line; the OCR words as RapidOCR
    gives them (the date's first word with an underscore after 年, read less sure than print)."""
    page = Image.new("RGB", (1654, 420), "white")
    d = ImageDraw.Draw(page)
    d.text((120, Y), "客户签名", font=font(LH), fill="black")
    lx0, ly0, lx1, ly1 = d.textbbox((120, Y), "客户签名", font=font(LH))
    x = int(lx1) + 30
    d.line((x, Y + LH + 4, x + 520, Y + LH + 4), fill=(30, 30, 30), width=2)
    dx = x + 600
    d.text((dx, Y), DATE, font=font(LH), fill="black")
    words = [Word(text="客户签名", box=(lx0, ly0 - 4, lx1, ly1 + 4), conf=0.99)]

    def box(first: int, last: int) -> tuple[int, int, int, int]:
        a = d.textbbox((dx, Y), DATE[:first], font=font(LH))[2] if first else dx
        b = d.textbbox((dx, Y), DATE[:last], font=font(LH))[2]
        return (int(a), int(ly0 - 4), int(b), int(ly1 + 4))

    k = DATE.index("年")
    words.append(Word(text="年_", box=box(k - 1, k + 2), conf=0.83))
    words.append(Word(text="月", box=box(DATE.index("月"), DATE.index("月") + 1), conf=0.99))
    words.append(Word(text="日", box=box(len(DATE) - 1, len(DATE)), conf=0.99))
    return page, words, x


def judge(page: Image.Image, words: list[Word]) -> str:
    (field,) = check_signatures(jpeg(page, 60), words, [CUSTOMER])
    return field.status


def test_a_blank_field_before_a_printed_date_is_blank() -> None:
    for seed in range(3):
        page, words, x = date_page()
        specks(page, random.Random(seed), x, 3)
        assert judge(scanned(page, seed), words) == "blank", seed


def test_a_name_on_the_line_before_a_printed_date_is_signed() -> None:
    for seed in range(3):
        rng = random.Random(seed)
        page, words, x = date_page()
        multiply(page, short_signature(rng, int(2.4 * LH), int(1.1 * LH)), (25, 45, 150), (x + 60 + 70 * seed, Y - 8))
        assert judge(scanned(page, seed), words) == "signed", seed
