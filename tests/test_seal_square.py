"""Square name seals (私章, 法人章): two to four large characters in a thin square frame, 15-25 mm. Pressed
lightly, the frame is paler than the characters and falls apart in the red mask; it is found by its four
sides in all reddish ink, at any turn. Red print that is square but no seal (a solid logo, a red-ruled
table's cells, a boxed title) is not claimed.
"""

from __future__ import annotations

import random
import warnings

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw

from dossier.classify.seal import find_seals
from tests.test_seal_signature import font, photocopy, text_page

FRAME = (242, 196, 196)  # a light press: the frame barely coloured
CHARS = (214, 80, 80)


def name_seal(side: int, angle: float, chars: str = "杭州城建", bold: bool = True) -> Image.Image:
    """A square seal on white: a thin pale frame round a 2 x 2 block of large characters, turned."""
    pad = side // 2
    im = Image.new("RGB", (side + 2 * pad, side + 2 * pad), "white")
    d = ImageDraw.Draw(im)
    d.rectangle((pad, pad, pad + side, pad + side), outline=FRAME, width=max(3, side // 40))
    size = int(side * 0.42)
    for k, c in enumerate(chars):
        x = pad + side * (0.73 if k < 2 else 0.27)  # read right to left, top to bottom
        y = pad + side * (0.27 if k % 2 == 0 else 0.73)
        d.text((x, y), c, font=font(size, bold=bold), fill=CHARS, anchor="mm")
    return im.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white")


def pressed(page: Image.Image, stamp: Image.Image, at: tuple[int, int]) -> Image.Image:
    """The stamp's ink over the page's (a multiply: print shows through)."""
    layer = Image.new("RGB", page.size, "white")
    layer.paste(stamp, (at[0] - stamp.width // 2, at[1] - stamp.height // 2))
    return ImageChops.multiply(page, layer)


def overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(("seed", "side", "angle"), [(0, 160, 0.0), (1, 150, 12.0), (2, 190, -20.0), (3, 140, 33.0)])
def test_a_lightly_pressed_square_name_seal_on_print_is_found(seed: int, side: int, angle: float) -> None:
    page = text_page(random.Random(seed))
    at = (1100, 1900)
    image = np.asarray(pressed(page, name_seal(side, angle), at))
    hits = find_seals(image)
    assert len(hits) == 1
    r = side // 2
    assert overlaps(hits[0].box, (at[0] - r, at[1] - r, at[0] + r, at[1] + r))


def red_print_page(seed: int) -> Image.Image:
    """Print in red that is square but no seal: a solid square logo with white characters, a table of
    seal-sized cells ruled in red with black text, a boxed red title and red check boxes."""
    rng = random.Random(seed)
    page = text_page(rng, height=900).crop((0, 0, 1654, 880))
    out = Image.new("RGB", (1654, 2339), "white")
    out.paste(page, (0, 0))
    d = ImageDraw.Draw(out)
    red = (205, 40, 40)
    d.rectangle((150, 950, 310, 1110), fill=red)
    d.text((230, 1030), "华", font=font(110, bold=True), fill="white", anchor="mm")
    for i in range(5):
        for j in range(4):
            x, y = 150 + i * 170, 1250 + j * 170
            d.rectangle((x, y, x + 170, y + 170), outline=red, width=3)
            d.text((x + 85, y + 85), rng.choice(["车架号", "金额", "日期", "签字"]), font=font(40), fill="black", anchor="mm")
    d.rectangle((1050, 950, 1550, 1090), outline=red, width=4)
    d.text((1300, 1020), "重要提示", font=font(64, bold=True), fill=red, anchor="mm")
    for k in range(6):
        d.rectangle((1100 + k * 70, 1300, 1140 + k * 70, 1340), outline=red, width=3)
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_square_red_print_is_no_seal(seed: int) -> None:
    assert find_seals(np.asarray(red_print_page(seed))) == []


def grey_copy(page: Image.Image, seed: int) -> np.ndarray:
    """A grey photocopy of the page: red ink turns a mid grey, black print stays black."""
    return np.asarray(photocopy(page, random.Random(seed)))


def solid_name_seal(side: int, angle: float, bold: bool = True) -> Image.Image:
    """A square seal pressed firmly in red: frame and characters one ink."""
    im = name_seal(side, angle, bold=bold)
    a = np.asarray(im).copy()
    a[(a < 250).any(axis=2)] = (215, 60, 60)
    return Image.fromarray(a)


def signing_page(seed: int) -> Image.Image:
    """Body text, then a signing block: labels and signing lines, where a name seal is pressed."""
    out = Image.new("RGB", (1654, 2339), "white")
    out.paste(text_page(random.Random(seed), height=1500).crop((0, 0, 1654, 1480)), (0, 0))
    d = ImageDraw.Draw(out)
    for y, label in ((1700, "甲方（签章）："), (1950, "乙方（签章）："), (2150, "日期：")):
        d.text((140, y), label, font=font(40), fill="black", anchor="lm")
        d.line((420, y + 25, 900, y + 25), fill="black", width=2)
    return out


@pytest.mark.parametrize(("seed", "side", "angle"), [(0, 160, 0.0), (1, 170, 0.0), (2, 190, 0.0), (3, 150, 3.0)])
def test_a_square_name_seal_on_a_grey_copy_is_found(seed: int, side: int, angle: float) -> None:
    """No ring on the page: the copied seal's square frame, lighter than the print, is the seal. (Pressed
    upright or nearly: one turned 5 degrees or more is still missed on a grey copy, not on a red page.)"""
    at = (700, 1820)
    image = grey_copy(pressed(signing_page(seed), solid_name_seal(side, angle), at), seed)
    hits = find_seals(image)
    r = side // 2
    assert [h.shape for h in hits] == ["square"]
    assert overlaps(hits[0].box, (at[0] - r, at[1] - r, at[0] + r, at[1] + r))


def black_boxes_page(seed: int) -> Image.Image:
    """Black print that is square but no seal, as a grey copy shows it: a logo's bold frame round two
    characters, a form's grid of seal-sized label cells, a boxed title."""
    rng = random.Random(seed)
    out = Image.new("RGB", (1654, 2339), "white")
    out.paste(text_page(rng, height=900).crop((0, 0, 1654, 880)), (0, 0))
    d = ImageDraw.Draw(out)
    d.rectangle((150, 950, 300, 1100), outline="black", width=8)
    d.text((225, 1025), "天骄", font=font(50, bold=True), fill="black", anchor="mm")
    for i in range(5):
        for j in range(4):
            x, y = 150 + i * 170, 1250 + j * 170
            d.rectangle((x, y, x + 170, y + 170), outline="black", width=3)
            d.text((x + 85, y + 60), rng.choice(["车架号", "金额", "日期", "签字"]), font=font(38), fill="black", anchor="mm")
            d.text((x + 85, y + 115), rng.choice(["号码", "里程", "电话"]), font=font(38), fill="black", anchor="mm")
    d.rectangle((1050, 950, 1550, 1090), outline="black", width=4)
    d.text((1300, 1020), "重要提示", font=font(64, bold=True), fill="black", anchor="mm")
    return out


@pytest.mark.parametrize("seed", [0, 1])
def test_square_black_print_on_a_grey_copy_is_no_seal(seed: int) -> None:
    assert find_seals(grey_copy(black_boxes_page(seed), seed)) == []


def test_a_name_signed_over_a_copied_square_seal_is_signed() -> None:
    """A grey copy: a name signed in a field where a square name seal was pressed over it. The copied
    seal's frame gives no grey of its own to tell the pen's from, so the signature is judged as it is."""
    from dossier.classify.seal import SealHit
    from dossier.classify.signature import check_signatures
    from dossier.models import Word
    from tests.test_seal_signature import CUSTOMER, PAGE_W, real_signature

    rng = random.Random(3)
    page = Image.new("RGB", (PAGE_W, 600), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 250), "客户签字：", font=font(36), fill="black")
    sig = real_signature(rng, 60, 140)
    page.paste(sig, (365, 240), sig)
    at = (430, 270)
    image = grey_copy(pressed(page, solid_name_seal(160, 0.0), at), 3)
    seal = SealHit(box=(at[0] - 80, at[1] - 80, at[0] + 80, at[1] + 80), shape="square", score=1.0)
    word = Word(text="客户签字：", box=(120, 250, 300, 290), conf=0.95)
    (customer,) = check_signatures(image, [word], [CUSTOMER], seals=[seal])
    assert customer.status == "signed"


@pytest.mark.parametrize("size", [(16, 16), (16, 48), (40, 24)])
def test_a_page_too_small_for_the_seal_sizes_is_searched_without_warnings(size: tuple[int, int]) -> None:
    """The smallest page the reader accepts (16 px a side): the ring and square filters' smallest shapes
    leave a kernel band empty; that shape answers nowhere instead of dividing by zero (NaN responses)."""
    rng = np.random.default_rng(1)
    blank = np.full((*size, 3), 255, np.uint8)
    noise = rng.integers(0, 256, (*size, 3), dtype=np.uint8)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        assert find_seals(blank) == []
        assert find_seals(noise) == []


def crossed_page(seed: int) -> Image.Image:
    """A contract's last sheet: a few articles, then a signing block whose seller's line of print runs on
    through where the seal is pressed (卖方（盖章）： and the firm's name), and a seal-high table row below."""
    out = Image.new("RGB", (1654, 2339), "white")
    out.paste(text_page(random.Random(seed), height=400).crop((0, 0, 1654, 380)), (0, 0))
    d = ImageDraw.Draw(out)
    d.text((140, 1700), "卖方（盖章）：南京天润比亚迪汽车销售服务有限公司", font=font(44, bold=True), fill="black", anchor="lm")
    d.text((140, 1850), "经办人（确认）：", font=font(40), fill="black", anchor="lm")
    d.line((460, 1875, 900, 1875), fill="black", width=2)
    for y in (2000, 2160):  # a row as high as a seal: its cells are no seal
        d.line((100, y, 1550, y), fill="black", width=3)
    for x in (100, 500, 1550):
        d.line((x, 2000, x, 2160), fill="black", width=3)
    d.text((300, 2080), "管理处经理", font=font(40), fill="black", anchor="mm")
    return out


@pytest.mark.parametrize(("seed", "at"), [(1, (640, 1700)), (0, (660, 1700)), (4, (720, 1700)), (5, (600, 1700))])
def test_a_copied_square_seal_crossed_by_print_is_found(seed: int, at: tuple[int, int]) -> None:
    """A grey copy: a line of bold print runs through a name seal. The frame's own line is lighter than the
    print: the seal is found. (Drawn so, the box's ink stays lighter than print too; the copied seals of
    sets f, g, h that only the frame's line tells were crossed by more of the print, or by a signature.)"""
    image = grey_copy(pressed(crossed_page(seed), solid_name_seal(160, 0.0, bold=False), at), seed)
    hits = find_seals(image)
    assert [h.shape for h in hits] == ["square"]
    assert overlaps(hits[0].box, (at[0] - 80, at[1] - 80, at[0] + 80, at[1] + 80))


@pytest.mark.parametrize("seed", [0, 1])
def test_the_crossed_and_ruled_page_alone_has_no_seal(seed: int) -> None:
    """The same page without the seal: the row's cells, the print: no frame lighter than print."""
    assert find_seals(grey_copy(crossed_page(seed), seed)) == []
