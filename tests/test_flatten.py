"""Phone photos of a sheet are flattened before reading; flat scans are left exactly as they are."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.ocr.flatten import find_sheet, flatten
from dossier.classify.ocr.orient import read_upright
from dossier.classify.ocr.registry import get_engine

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))  # 1654 x 2338
# A form's rows: a label on the left, its value far to the right, as in a table. Tilted, the right
# column of one row lands beside the left column of another unless the page is flattened.
ROWS = [
    ("车牌号", "苏A7B351"),
    ("车架号", "LSVFRBMX7PE613682"),
    ("客户姓名", "万嘉"),
    ("联系电话", "18554116677"),
    ("维修类型", "保养"),
    ("服务顾问", "张志波"),
    ("进厂里程", "71559 km"),
    ("结算日期", "2024/02/19"),
]


def _pt(points: float) -> int:
    return round(points * DPI / 72)


@pytest.fixture(scope="module")
def form() -> np.ndarray:
    img = Image.new("RGB", A4, "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(NOTO, _pt(12), index=2)
    d.text((_pt(200), _pt(60)), "维修结算单", font=ImageFont.truetype(NOTO, _pt(22), index=2), fill="black")
    y = _pt(120)
    for label, value in ROWS:
        d.text((_pt(60), y), label, font=font, fill="black")
        d.text((_pt(380), y), value, font=font, fill="black")
        d.line((_pt(50), y + _pt(20), A4[0] - _pt(50), y + _pt(20)), fill="black", width=2)
        y += _pt(26)
    return np.asarray(img)


# Where the sheet's corners land in the photo (top-left, top-right, bottom-right, bottom-left): shot
# from the lower right, the right edge is raised by about three rows and the top is narrower.
CORNERS = np.array([[190, 260], [1720, 70], [1800, 2560], [110, 2420]], np.float32)


def photo(page: np.ndarray, corners: np.ndarray = CORNERS) -> np.ndarray:
    """The page lying on a brown desk, shot at an angle, lit unevenly and slightly out of focus."""
    h, w = page.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    m = cv2.getPerspectiveTransform(src, corners)
    size = (round(w * 1.15), round(h * 1.12))
    shot = cv2.warpPerspective(page, m, size, borderMode=cv2.BORDER_CONSTANT, borderValue=(110, 85, 60))
    light = np.linspace(0.95, 0.8, size[0], dtype=np.float32)[None, :, None]
    return cv2.GaussianBlur((shot * light).astype(np.uint8), (0, 0), 0.8)


def order(text: str) -> list[int]:
    compact = "".join(text.split())
    return [compact.find(label + "".join(value.split())) for label, value in ROWS]


def test_the_sheet_is_found_in_a_photo(form):
    corners = find_sheet(photo(form))
    assert corners is not None
    assert np.abs(corners - CORNERS).max() < 0.01 * max(form.shape)


@pytest.mark.parametrize("kind", ["scan", "skewed", "copy_edge", "blank", "bilevel"])
def test_a_flat_scan_is_returned_untouched(form, kind):
    page = form.copy()
    if kind == "skewed":  # a scanner's skew leaves white corners, not a desk
        h, w = page.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), 2.5, 1.0)
        page = cv2.warpAffine(page, m, (w, h), borderValue=(255, 255, 255))
    elif kind == "copy_edge":  # a photocopy's dark band along one edge
        page = (page * 0.9).astype(np.uint8)
        page[:, :30] //= 3
    elif kind == "blank":
        page = np.full_like(page, 250)
    elif kind == "bilevel":  # black-and-white scan with dust
        page = np.where(page < 128, 0, 255).astype(np.uint8)
        rng = np.random.default_rng(1)
        page[rng.integers(0, page.shape[0], 300), rng.integers(0, page.shape[1], 300)] = 0
    assert find_sheet(page) is None
    assert flatten(page) is page


def test_a_photo_squarely_from_above_is_left_alone(form):
    # The sheet on the desk but not in perspective: lines are level already, nothing to gain from a warp.
    h, w = form.shape[:2]
    square = np.array([[120, 140], [120 + w, 140], [120 + w, 140 + h], [120, 140 + h]], np.float32)
    shot = photo(form, square)
    assert flatten(shot) is shot


def test_a_photo_in_perspective_reads_its_rows_in_order(form):
    shot = photo(form)
    engine = get_engine("rapidocr")
    page, image = read_upright(engine, shot)
    found = order(page.text)
    assert -1 not in found and found == sorted(found), page.text
    # The returned page is the sheet, at the sheet's proportions: the checks that run on it
    # (signature fields, seals) see the page and not the desk.
    assert abs(image.shape[1] / image.shape[0] - A4[0] / A4[1]) < 0.03
    assert (page.width, page.height) == (image.shape[1], image.shape[0])


def test_a_sideways_photo_is_flattened_then_turned(form):
    shot = np.ascontiguousarray(np.rot90(photo(form)))  # stored a quarter turn counter-clockwise
    page, image = read_upright(get_engine("rapidocr"), shot)
    assert page.rotation == 90
    assert image.shape[0] > image.shape[1]
    found = order(page.text)
    assert -1 not in found and found == sorted(found), page.text
