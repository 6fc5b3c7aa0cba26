"""The OCR layer on rendered Chinese form pages: real RapidOCR and real Tesseract, no stand-ins."""

from __future__ import annotations

import os
import time

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz.distance import Levenshtein

from dossier.classify.ocr.base import join_pieces, reading_order
from dossier.classify.ocr.orient import deskew, read_upright, skew_angle
from dossier.classify.ocr.rapid import RapidOcrEngine
from dossier.classify.ocr.registry import get_engine
from dossier.classify.ocr.tess import TesseractEngine
from dossier.errors import ConfigError, MissingDependency, OcrError, OcrTimeout
from dossier.models import PageText, Word

NOTO = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
NOTO_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
SC, TC = 2, 3  # faces in the Noto CJK collections
DPI = 200
A4 = (round(8.27 * DPI), round(11.69 * DPI))  # 1654 x 2338
TITLE = "交车检查表"
VIN = "LSVAM4187C2184527"
BODY = [
    "客户姓名：张伟",
    f"车架号：{VIN}",
    "日期：2026年3月5日",
    "联系电话：13812345678",
    "外观检查：无划痕，漆面完好",
    "随车工具：千斤顶、三角警示牌、备胎",
    "客户签字：",
    "销售顾问签字：",
]


def _pt(points: float) -> int:
    return round(points * DPI / 72)


def render(title: str = TITLE, body: list[str] = BODY, face: int = SC) -> tuple[np.ndarray, tuple[int, ...]]:
    """An A4 form at 200 dpi; returns the RGB image and where the title was drawn."""
    img = Image.new("RGB", A4, "white")
    d = ImageDraw.Draw(img)
    title_font = ImageFont.truetype(NOTO_BOLD, _pt(22), index=face)
    body_font = ImageFont.truetype(NOTO, _pt(11), index=face)
    x = (A4[0] - d.textlength(title, font=title_font)) / 2
    d.text((x, _pt(60)), title, font=title_font, fill="black")
    title_box = tuple(int(v) for v in d.textbbox((x, _pt(60)), title, font=title_font))
    y = _pt(130)
    for line in body:
        d.text((_pt(60), y), line, font=body_font, fill="black")
        y += _pt(24)
    return np.asarray(img), title_box


class Counting:
    """Counts an engine's calls, to check that orientation stays cheap."""

    def __init__(self, engine) -> None:
        self.engine, self.name, self.calls = engine, engine.name, 0

    def read(self, image: np.ndarray) -> list[Word]:
        self.calls += 1
        return self.engine.read(image)


def overlap(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Intersection over union of two boxes."""
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def compact(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def form() -> tuple[np.ndarray, tuple[int, ...]]:
    return render()


_upright: dict[str, tuple[PageText, int]] = {}


def upright_reading(name: str, form) -> tuple[PageText, int]:
    """read_upright on the upright form, once per engine for the module: (page, engine calls)."""
    if name not in _upright:
        engine = Counting(get_engine(name))
        page, _ = read_upright(engine, form[0])
        _upright[name] = (page, engine.calls)
    return _upright[name]


ENGINES = ["rapidocr", "tesseract"]


@pytest.mark.parametrize("name", ENGINES)
def test_engine_reads_title_and_vin(name, form):
    page, _ = upright_reading(name, form)
    text = page.text
    assert TITLE in text  # CJK read without spaces between characters
    assert VIN in compact(text)
    assert page.engine == name and page.seconds > 0
    assert (page.width, page.height) == A4


@pytest.mark.parametrize("name", ENGINES)
def test_upright_page_costs_one_engine_call(name, form):
    page, calls = upright_reading(name, form)
    assert page.rotation == 0
    assert calls == 1


@pytest.mark.parametrize("name", ENGINES)
def test_title_box_lands_on_the_title(name, form):
    page, _ = upright_reading(name, form)
    title = next(w for w in page.words if TITLE in w.text)
    assert overlap(title.box, form[1]) > 0.5
    assert 0 < title.conf <= 1


@pytest.mark.parametrize("name", ENGINES)
def test_words_come_in_reading_order(name, form):
    page, _ = upright_reading(name, form)
    text = compact(page.text)
    positions = [
        text.find(compact(line))
        for line in ["交车检查表", "客户姓名", "车架号", "日期", "联系电话", "客户签字"]
    ]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("name", ["rapidocr", pytest.param("tesseract", marks=pytest.mark.slow)])
@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_is_turned_upright(name, rotation, form):
    image, title_box = form
    scanned = np.ascontiguousarray(np.rot90(image, k=rotation // 90))  # turned counter-clockwise
    engine = Counting(get_engine(name))
    page, upright = read_upright(engine, scanned)
    assert page.rotation == rotation
    assert TITLE in page.text
    assert upright.shape == image.shape
    title = next(w for w in page.words if TITLE in w.text)
    assert overlap(title.box, title_box) > 0.5  # boxes are in the upright page's pixels
    assert engine.calls <= 3


def test_skewed_page_is_straightened_and_read(form):
    image, _ = form
    skewed = np.asarray(Image.fromarray(image).rotate(2.0, fillcolor="white"))  # 2 degrees anticlockwise
    page, upright = read_upright(get_engine("rapidocr"), skewed)
    assert page.rotation == 0
    assert TITLE in page.text and VIN in compact(page.text)
    assert abs(skew_angle_of(upright)) < 0.3


def skew_angle_of(image: np.ndarray) -> float:
    from dossier.classify.ocr.orient import _ink

    ink = _ink(image)
    assert ink is not None
    return skew_angle(ink)


def test_skew_is_measured_without_ocr(form):
    image, _ = form
    for degrees in (-3.0, -1.0, 1.5, 4.0):
        turned = np.asarray(Image.fromarray(image).rotate(degrees, fillcolor="white"))
        assert skew_angle_of(turned) == pytest.approx(degrees, abs=0.2)
    assert deskew(image) is image  # a straight page is not resampled


def test_traditional_text_read_by_rapidocr():
    """RapidOCR reads Traditional script, except the characters missing from its 6623-character
    dictionary (檢 簽 認 險 輛 駛 ... : 23 of the policies' characters): those are dropped or read as their
    Simplified form, so the title comes back at most two characters off and matching must be fuzzy.
    Variants the recogniser knows in both forms (戶/户) come back either way, depending on the crop."""
    image, _ = render("交車檢查表", ["客戶姓名：陳大文", f"車架號：{VIN}"], face=TC)
    words = get_engine("rapidocr").read(image[: A4[1] // 4])
    lines = PageText(width=1, height=1, words=words).text.split("\n")
    assert Levenshtein.distance(lines[0], "交車檢查表") <= 2
    assert "客戶姓名：陳大文" in lines or "客户姓名：陳大文" in lines
    assert f"車架號：{VIN}" in lines


def test_traditional_title_read_by_tesseract_chi_tra():
    image, _ = render("交車檢查表", ["客戶姓名：陳大文"], face=TC)
    words = TesseractEngine(langs="chi_sim+chi_tra+eng").read(image[: A4[1] // 4])
    text = PageText(width=1, height=1, words=words).text
    assert "交車檢查表" in text and "客戶姓名" in text


@pytest.mark.parametrize("name", ENGINES)
def test_blank_page_gives_no_words(name):
    blank = np.full((A4[1], A4[0], 3), 255, np.uint8)
    engine = Counting(get_engine(name))
    page, upright = read_upright(engine, blank)
    assert page.words == [] and page.text == ""
    assert page.rotation == 0 and engine.calls == 1
    assert upright.shape == blank.shape


def test_tesseract_joins_cjk_without_spaces_and_keeps_latin_spaces(form):
    words = get_engine("tesseract").read(form[0])
    texts = [w.text for w in words]
    assert any("日期" in t and "2026年3月5日" in t for t in texts)
    assert join_pieces(["交车", "检查表"]) == "交车检查表"
    assert join_pieces(["Toyota", "Camry", "2.5L", "：", "张", "伟"]) == "Toyota Camry 2.5L：张伟"
    assert join_pieces(["VIN", "LSVAM4187C2184527", "号"]) == "VIN LSVAM4187C2184527号"


def test_reading_order_puts_lines_top_down_then_left_right():
    right = Word(text="联系电话：1381234", box=(900, 102, 1300, 140), conf=0.9)
    left = Word(text="客户姓名：张伟", box=(100, 100, 400, 138), conf=0.9)
    below = Word(text="日期", box=(100, 200, 200, 238), conf=0.9)
    assert reading_order([below, right, left]) == [left, right, below]


def test_rapidocr_uses_one_thread(form):
    """One OCR process per core: with threads=1 the engine must not use more than one core."""
    engine = get_engine("rapidocr", threads=1)
    strip = form[0][: A4[1] // 3]
    engine.read(strip)  # warm
    cpu0, wall0 = time.process_time(), time.perf_counter()
    engine.read(strip)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    assert cpu / wall < 1.3


def test_tesseract_subprocess_limited_to_one_thread(form):
    get_engine("tesseract").read(form[0][:300])
    assert os.environ["OMP_THREAD_LIMIT"] == "1"


def test_bad_input_raises_ocr_error():
    with pytest.raises(OcrError):
        get_engine("rapidocr").read(np.zeros((10, 10), np.float32))
    with pytest.raises(OcrError):
        get_engine("tesseract").read(np.zeros((10, 10, 4), np.uint8))


def test_unknown_engine_is_a_config_error():
    with pytest.raises(ConfigError) as err:
        get_engine("easyocr")
    assert "easyocr" in str(err.value)


def test_missing_tesseract_is_reported(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(MissingDependency):
        TesseractEngine()


def test_missing_language_data_is_reported():
    with pytest.raises(MissingDependency) as err:
        TesseractEngine(langs="chi_sim+kor")
    assert "kor" in str(err.value)


def test_tesseract_timeout_is_an_ocr_timeout(form):
    with pytest.raises(OcrTimeout):
        TesseractEngine(timeout=0.01).read(form[0])


def test_ocr_cache_reuses_a_reading_of_the_same_image(form, tmp_path, monkeypatch):
    from dossier.classify.ocr.cache import CachedEngine

    image, _ = form
    engine = get_engine("rapidocr")
    first = CachedEngine(engine, tmp_path).read(image)

    def must_not_read(image: np.ndarray) -> list[Word]:
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(engine, "read", must_not_read)
    again = CachedEngine(engine, tmp_path).read(image.copy())
    assert again == first and any("交车" in w.text for w in again)
    # A different image (here: one pixel changed) is read afresh.
    changed = image.copy()
    changed[0, 0] = 255 - changed[0, 0]
    with pytest.raises(AssertionError, match="cache"):
        CachedEngine(engine, tmp_path).read(changed)
    # So is the same image under other engine settings (a stale reading is never served).
    assert isinstance(engine, RapidOcrEngine)
    monkeypatch.setattr(engine, "det_max_side", engine.det_max_side + 1)
    with pytest.raises(AssertionError, match="cache"):
        CachedEngine(engine, tmp_path).read(image)


def test_rapidocr_reads_a_300_dpi_page_from_a_shrunk_detection(form):
    """Lines are found on the page shrunk to DET_MAX_SIDE (memory) but read at full resolution: a 300 dpi
    scan gives the same text, with boxes in the scan's own pixels."""
    from dossier.classify.ocr.rapid import DET_MAX_SIDE, det_input

    image, title_box = form
    big = cv2.resize(image, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC)
    x = det_input(np.ascontiguousarray(big[:, :, ::-1]), DET_MAX_SIDE)
    assert x.dtype == np.float32 and max(x.shape) <= DET_MAX_SIDE + 16
    assert x.shape[2] % 32 == 0 and x.shape[3] % 32 == 0
    page = PageText(width=big.shape[1], height=big.shape[0], words=get_engine("rapidocr").read(big))
    assert TITLE in page.text and VIN in compact(page.text) and "客户姓名：张伟" in page.text
    title = next(w for w in page.words if TITLE in w.text)
    assert overlap(title.box, tuple(round(v * 1.5) for v in title_box)) > 0.5


def test_rapidocr_recognises_long_lines_in_small_batches():
    from dossier.classify.ocr.rapid import REC_BATCH_WIDTH, rec_batches

    ratios = [35.0, 8.0, 36.0, 7.5, 40.0, 9.0, 120.0, 6.0, 8.5, 7.0, 37.0]
    batches = rec_batches(ratios)
    assert sorted(i for b in batches for i in b) == list(range(len(ratios)))  # every line, once
    for b in batches:
        assert len(b) <= 6
        assert len(b) == 1 or len(b) * max(ratios[i] for i in b) * 48 <= REC_BATCH_WIDTH
    assert [6] in batches  # a line wider than the budget goes alone
    assert max(len(b) for b in batches) == 6  # form-length lines still go six at a time


def test_rapidocr_returns_its_working_memory_after_a_page(form):
    """Two OCR processes must not each sit at their worst page's high-water mark (bench/memory.py)."""
    engine = get_engine("rapidocr")
    engine.read(form[0])  # models loaded, first-run allocations made

    def rss_mib() -> float:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

    before = rss_mib()
    engine.read(form[0])
    assert rss_mib() - before < 60  # detection alone peaks ~150 MiB above this on an A4 page


class _SidewaysAfterAll:
    """A page whose ink profile says 'upside down' while it lies on its side (seen on grey copies):
    read as scanned it is weak, turned 180 its lines stand on end, turned 90 it reads well."""

    name = "rapidocr"

    def __init__(self) -> None:
        self.calls: list[tuple[int, int]] = []

    def read(self, image: np.ndarray) -> list[Word]:
        h, w = image.shape[:2]
        self.calls.append((h, w))
        if h > w:  # turned a quarter: upright
            return [Word(text="接车问诊单", box=(100, 100, 400, 150), conf=0.99)]
        if len(self.calls) == 1:  # as scanned
            return [Word(text="口口", box=(10, 10, 60, 30), conf=0.4)]
        return [Word(text="客户姓名", box=(100, 100, 140, 300), conf=0.99)]  # lines standing on end


def test_a_page_read_on_end_after_the_180_try_is_turned_a_quarter():
    page = np.full((800, 1200, 3), 255, np.uint8)
    for y in range(100, 700, 40):  # level ruled lines: the ink profile says "not sideways"
        page[y : y + 3, 100:1100] = 0
    engine = _SidewaysAfterAll()
    text, image = read_upright(engine, page)
    assert text.rotation in (90, 270) and "接车问诊单" in text.text
    assert image.shape[0] > image.shape[1]
    assert len(engine.calls) == 3  # as scanned, 180, then a quarter turn


def test_stacked_lines_of_a_tilted_photo_keep_their_order():
    """On a phone photo taken at an angle two long lines have overlapping boxes; they are still two lines."""
    from dossier.models import line_texts

    first = Word(text="兹证明谭华秀现居住于杭州市滨江区天目山", box=(283, 472, 1462, 603), conf=0.99)
    second = Word(text="路627号，居住时间已满一年。", box=(215, 531, 1143, 640), conf=0.99)
    assert line_texts([second, first]) == [first.text, second.text]
    # Pieces of one line side by side still make one line.
    left, right = Word(text="车架号", box=(100, 500, 200, 540), conf=0.9), Word(text="LBV", box=(210, 505, 400, 545), conf=0.9)
    assert line_texts([right, left]) == ["车架号LBV"]


class _TwoWordsSideways:
    """A sideways ID copy: read as scanned, two one-character words come back at full confidence
    (民族 满, 性别 女); turned a quarter, the card reads in full."""

    name = "rapidocr"

    def __init__(self) -> None:
        self.calls = 0

    def read(self, image: np.ndarray) -> list[Word]:
        self.calls += 1
        h, w = image.shape[:2]
        if w > h:  # turned a quarter: upright
            return [Word(text="身份证复印件", box=(100, 100, 500, 150), conf=0.99),
                    Word(text="姓名彭海婷性别女民族满", box=(100, 200, 800, 250), conf=0.99)]
        return [Word(text="满", box=(300, 300, 330, 330), conf=1.0), Word(text="女", box=(300, 400, 330, 430), conf=1.0)]


def test_a_few_confident_characters_do_not_make_an_inked_page_upright():
    page = np.full((1200, 800, 3), 255, np.uint8)
    for x in range(100, 700, 40):  # text lines running down the page
        page[100:1100, x : x + 3] = 0
    engine = _TwoWordsSideways()
    text, image = read_upright(engine, page)
    assert text.rotation in (90, 270) and "身份证复印件" in text.text
    assert image.shape[1] > image.shape[0]


def test_a_short_upright_note_is_kept_upright():
    """Few characters on a page with little else on it: every way is read, and the upright one wins."""
    page = np.full((800, 1200, 3), 255, np.uint8)
    page[380:420, 500:700] = 0  # one short word of ink

    class Note:
        name = "rapidocr"

        def read(self, image: np.ndarray) -> list[Word]:
            if image.shape[:2] == (800, 1200) and image[390, 550].max() == 0:  # as scanned
                return [Word(text="已阅", box=(500, 380, 700, 420), conf=0.99)]
            return [Word(text="阅", box=(10, 10, 40, 40), conf=0.6)]

    text, _ = read_upright(Note(), page)
    assert text.rotation == 0 and text.text == "已阅"


def _lines_down_page() -> np.ndarray:
    page = np.full((1200, 800, 3), 255, np.uint8)
    for x in range(100, 700, 40):  # the ink's lines run down the page
        page[100:1100, x : x + 3] = 0
    return page


class _UpsideDownGrey:
    """An upside-down grey copy whose ink profile says 'on its side' (its table's columns): as scanned and
    turned 90 it reads as scraps; turned 270 its lines stand on end and read confidently (RapidOCR turns
    a tall crop back counter-clockwise), which is the page a quarter turn clockwise from upright."""

    name = "rapidocr"

    def __init__(self, page: np.ndarray) -> None:
        self.page, self.calls = page, []  # type: ignore[var-annotated]

    def read(self, image: np.ndarray) -> list[Word]:
        turned = next(r for r in (0, 90, 180, 270) if np.array_equal(image, np.rot90(self.page, k=-(r // 90))))
        self.calls.append(turned)
        if turned == 180:
            return [Word(text="12项免费检查表", box=(100, 100, 500, 150), conf=0.99)]
        if turned == 270:
            return [Word(text="客户确认签字检查建议", box=(100, 100, 140, 500), conf=0.99)]
        return [Word(text="犯味口", box=(10, 10, 90, 40), conf=0.6)]


def test_side_lines_read_confidently_point_to_the_upright_page():
    page = _lines_down_page()
    engine = _UpsideDownGrey(page)
    text, _ = read_upright(engine, page)
    assert text.rotation == 180 and "12项免费检查表" in text.text
    assert engine.calls == [0, 90, 270, 180]  # 180 straight after the sideways reading, not left out


def test_nine_confident_characters_do_not_make_a_page_with_lines_running_down_upright():
    """A noisy grey copy on its side, read as scanned: nine characters (5日335日日Y日) at 0.90 and above."""
    page = _lines_down_page()

    class Noisy:
        name = "rapidocr"

        def read(self, image: np.ndarray) -> list[Word]:
            if image.shape[1] > image.shape[0]:  # turned a quarter: upright
                return [Word(text="入住资料", box=(100, 100, 400, 150), conf=0.99),
                        Word(text="业主姓名张伟房号5-2-2402入住日期2026年5月3日", box=(100, 200, 900, 250), conf=0.98)]
            return [Word(text="5日335日日Y日", box=(300, 300, 600, 330), conf=0.95)]

    text, _ = read_upright(Noisy(), page)
    assert text.rotation in (90, 270) and "入住资料" in text.text
