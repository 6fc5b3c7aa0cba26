"""A page printed in Traditional script reads back in Traditional script; a Simplified page is left alone."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.ocr.orient import read_upright
from dossier.classify.ocr.registry import get_engine
from dossier.classify.ocr.script import in_page_script, traditional
from dossier.models import Word

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
TC = 3  # Traditional Chinese face of the Noto CJK collection


def words(*lines: str) -> list[Word]:
    return [Word(text=t, box=(100, 100 + 60 * i, 100 + 40 * len(t), 140 + 60 * i), conf=0.97) for i, t in enumerate(lines)]


def test_a_traditional_page_read_half_simplified_is_given_back_in_traditional():
    # As RapidOCR reads a Traditional insurance policy: 號, 戶 and 稅 come back Simplified.
    read = words("保險單号：PEAA20259023286048578", "被保險人身份證號碼310112198612212195", "客户名稱：段曉", "保險費合計（含税）3,143.00")
    out = in_page_script(read)
    assert [w.text for w in out] == [
        "保險單號：PEAA20259023286048578",
        "被保險人身份證號碼310112198612212195",
        "客戶名稱：段曉",
        "保險費合計（含稅）3,143.00",
    ]
    assert [w.box for w in out] == [w.box for w in read]  # character for character: boxes stay true


def test_a_simplified_page_with_a_few_traditional_characters_is_left_alone():
    # A Simplified form naming a Hong Kong company: its Traditional characters decide nothing.
    read = words("机动车销售统一发票", "购买方名称：香港車行有限公司", "车辆类型：轿车", "价税合计：159800.00", "销售单位盖章")
    assert not traditional(read)
    assert in_page_script(read) is read


def test_a_page_without_script_specific_characters_is_left_alone():
    read = words("LSVAM4187C2184527", "2026-03-05", "13812345678")
    assert in_page_script(read) is read


def test_a_rendered_traditional_form_reads_in_traditional():
    img = Image.new("RGB", (1654, 900), "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(NOTO, 34, index=TC)
    lines = ["保險單號：PEAA20259023286048578", "被保險人身份證號碼：310112198612212195", "客戶地址：南京市鼓樓區中山北路354號",
             "保險費合計（含稅）：3,143.00"]
    for i, line in enumerate(lines):
        d.text((120, 120 + 110 * i), line, font=font, fill="black")
    page, _ = read_upright(get_engine("rapidocr"), np.asarray(img))
    text = "".join(page.text.split())
    assert "号" not in text and "户" not in text and "税" not in text, text
    assert "號" in text and "戶" in text, text
