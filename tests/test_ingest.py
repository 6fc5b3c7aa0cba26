"""Intake: formats from content, pages one at a time, text layers, and bad files refused with a
message a clerk can act on. Real poppler and Pillow throughout; good files are made per run, bad
ones come from tests/corpus/bad/ (see tests/corpus/make_bad.py)."""

from __future__ import annotations

import importlib.util
import io
import re
import time
import warnings
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.errors import (
    CorruptFile,
    DossierError,
    EmptyFile,
    EncryptedPdf,
    ImageTooLarge,
    MissingDependency,
    UnsupportedFormat,
)
from dossier.ingest.detect import detect_format
from dossier.ingest.images import image_page_count, load_image_page
from dossier.ingest.pages import fit_dpi, has_real_text, open_source
from dossier.ingest.pdf import pdf_info, render_page, text_layer
from dossier.models import Word

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev dependency) makes the born-digital test PDFs")

BAD = Path(__file__).parent / "corpus" / "bad"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def assert_bilingual(err: DossierError) -> None:
    msg = str(err)
    chinese = re.search(r"[\u4e00-\u9fff]", msg)
    assert chinese and " / " in msg and re.search(r"[A-Za-z]{4,}", msg), msg
    assert chinese.start() < msg.index(" / ")  # Chinese first, then English


# --- good files, made per run -------------------------------------------------------------------


def text_pdf(path: Path, pages: int, lines: list[str] | None = None, font: str | None = CJK_FONT) -> Path:
    pdf = fpdf.FPDF(format="A4")
    if font:
        pdf.add_font("cjk", fname=font)
        pdf.set_font("cjk", size=16)
    else:
        pdf.set_font("helvetica", size=16)
    for i in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 12, f"销售合同 第{i}页" if font else f"Page {i}", new_x="LMARGIN", new_y="NEXT")
        for line in (
            lines
            if lines is not None
            else ["买方：张三  车架号：LSVAB4180K2012345", "交车日期：2024年5月6日"]
        ):
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def scan(size: tuple[int, int] = (600, 840), mode: str = "RGB") -> Image.Image:
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    for y in range(60, size[1] - 60, 30):
        d.line((50, y, size[0] - 50, y), fill=(20, 20, 20), width=4)
    return im.convert(mode)


def hand_pdf(path: Path, page: bytes, content: bytes) -> Path:
    """A one-page PDF written by hand, for page dictionaries fpdf2 cannot make (/Rotate, odd sizes)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R "
        + page
        + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("good")
    f: dict[str, Path] = {}
    f["text"] = text_pdf(d / "contract.pdf", 3)
    f["long"] = text_pdf(d / "long.pdf", 200, lines=["买方：张三"])
    f["short_layer"] = text_pdf(d / "short.pdf", 1, lines=[])  # only "销售合同 第1页": too little to trust
    # Latin-1 mojibake, as from a Chinese font without a Unicode mapping: must not replace OCR.
    f["junk_layer"] = text_pdf(d / "junk.pdf", 1, lines=["ÃÂ¦Ã¨Â½Â¦Ã¦Â¶Ã©Â¡Â¹Ã¥Â°ÂÃ¤Â»Â¶"] * 3, font=None)
    f["markup"] = text_pdf(d / "markup.pdf", 1, lines=['备注：A&B <word> "引号" </page> &amp; 完'])
    owner = fpdf.FPDF(format="A4")
    owner.add_font("cjk", fname=CJK_FONT)
    owner.set_font("cjk", size=16)
    owner.add_page()
    owner.cell(0, 12, "保险单 仅限制编辑 车架号 LSVAB4180K2012345")
    owner.set_encryption(owner_password="owner-only")
    owner.output(str(d / "owner.pdf"))
    f["owner_only"] = d / "owner.pdf"
    scans = [scan(), scan((620, 877), "L")]
    scans[0].save(d / "scanned.pdf", "PDF", save_all=True, append_images=scans[1:], resolution=75)
    f["image_pdf"] = d / "scanned.pdf"
    f["rotated"] = hand_pdf(
        d / "rotated.pdf",
        b"/MediaBox [0 0 612 792] /Rotate 90",
        b"BT /F1 24 Tf 72 700 Td (Delivery checklist VIN LSVAB4180K2012345) Tj ET",
    )
    # A multi-page TIFF in the modes scanners produce: colour, bilevel (Group 4), 16-bit grey, CMYK.
    grey16 = Image.fromarray(np.full((400, 300), 0x8000, dtype=np.uint16))
    pages = [scan(), scan((500, 700), "1"), grey16, scan((300, 420), "CMYK")]
    pages[0].save(d / "batch.tif", "TIFF", save_all=True, append_images=pages[1:], compression="tiff_deflate")
    f["tiff"] = d / "batch.tif"
    # EXIF orientation 6: stored sideways, displayed rotated 90 degrees clockwise.
    sideways = scan((200, 120))
    ImageDraw.Draw(sideways).rectangle((0, 0, 40, 120), fill=(255, 0, 0))  # red band on the stored left
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways.save(d / "phone.jpg", "JPEG", exif=exif.tobytes(), quality=95)
    f["exif"] = d / "phone.jpg"
    scan().convert("CMYK").save(d / "cmyk.jpg", "JPEG")
    f["cmyk"] = d / "cmyk.jpg"
    pal = scan().convert("P")
    pal.info["transparency"] = pal.getpixel((0, 0))  # the white background becomes transparent
    pal.save(d / "palette.png", "PNG", transparency=pal.getpixel((0, 0)))
    f["palette"] = d / "palette.png"
    la = Image.new("LA", (300, 300), (0, 0))  # fully transparent black
    la.save(d / "alpha.png")
    f["la"] = d / "alpha.png"
    scan().save(d / "plain.png")
    f["png"] = d / "plain.png"
    return f


# --- formats from content -----------------------------------------------------------------------

BAD_CASES: dict[str, tuple[type[DossierError], str]] = {
    "empty.pdf": (EmptyFile, ""),
    "truncated.pdf": (CorruptFile, "PDF"),
    "lost_pages.pdf": (CorruptFile, "page 3 of 3"),
    "garbage_after_header.pdf": (CorruptFile, "PDF"),
    "encrypted.pdf": (EncryptedPdf, ""),
    "truncated.tif": (CorruptFile, ""),
    "truncated_data.tif": (CorruptFile, "truncated"),
    "truncated.jpg": (CorruptFile, "truncated"),
    "truncated.png": (CorruptFile, "truncated"),
    "corrupt_data.png": (CorruptFile, "decoded"),
    "tiny.png": (CorruptFile, "too small"),
    "bomb.png": (ImageTooLarge, ""),
    "bomb.jpg": (ImageTooLarge, ""),
    "bomb_page2.tif": (ImageTooLarge, "page 2"),
    "random_bytes.pdf": (UnsupportedFormat, "unrecognised"),
    "contract.docx": (UnsupportedFormat, "Word document"),
    "docx_named.pdf": (UnsupportedFormat, "Word document"),
    "sheet.xlsx.tif": (UnsupportedFormat, "Excel"),
    "invoice.ofd": (UnsupportedFormat, "OFD"),
    "program.pdf": (UnsupportedFormat, "Linux program"),
    "setup.exe.jpg": (UnsupportedFormat, "Windows program"),
    "photo.gif": (UnsupportedFormat, "GIF"),
    "scan.bmp": (UnsupportedFormat, "BMP"),
    "photo.webp": (UnsupportedFormat, "WebP"),
    "IMG_0001.heic": (UnsupportedFormat, "HEIC"),
    "notes.pdf": (UnsupportedFormat, "plain text"),
    "page.html.pdf": (UnsupportedFormat, "HTML"),
}


def test_corpus_is_complete_and_small() -> None:
    on_disk = {p.name for p in BAD.iterdir()}
    assert set(BAD_CASES) | {"png_named.pdf"} == on_disk
    assert all(p.stat().st_size < 200_000 for p in BAD.iterdir())


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_file_is_refused_at_open_with_a_bilingual_reason(name: str) -> None:
    cls, detail = BAD_CASES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow's DecompressionBombWarning must not escape either
        with pytest.raises(cls) as exc:
            open_source(BAD / name)
    assert type(exc.value) is cls
    assert detail in str(exc.value)
    assert_bilingual(exc.value)


def test_png_named_pdf_is_read_as_png() -> None:
    assert detect_format(BAD / "png_named.pdf") == "png"
    src = open_source(BAD / "png_named.pdf")
    assert (src.fmt, src.page_count) == ("png", 1)
    assert src.load(1, 200).image.shape == (560, 400, 3)


def test_detect_reads_content_not_names(files: dict[str, Path], tmp_path: Path) -> None:
    expected = {
        "text": "pdf",
        "image_pdf": "pdf",
        "tiff": "tiff",
        "exif": "jpeg",
        "cmyk": "jpeg",
        "palette": "png",
    }
    for key, fmt in expected.items():
        renamed = tmp_path / f"{key}.dat"
        renamed.write_bytes(files[key].read_bytes())
        assert detect_format(renamed) == fmt
    # Some scanners write a few bytes before the header; PDF readers accept that and so do we.
    junk = tmp_path / "junk_first.pdf"
    junk.write_bytes(b"\r\n\x00garbage\r\n" + files["text"].read_bytes())
    assert detect_format(junk) == "pdf"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("客户档案\r\n".encode("utf-16"))
    with pytest.raises(UnsupportedFormat, match="plain text"):
        detect_format(utf16)


# --- PDFs ---------------------------------------------------------------------------------------


def test_born_digital_pdf_uses_its_text_layer_with_boxes_on_the_ink(files: dict[str, Path]) -> None:
    src = open_source(files["text"])
    assert (src.fmt, src.page_count) == ("pdf", 3)
    for dpi in (100, 150):
        page = src.load(2, dpi)
        assert page.image.dtype == np.uint8 and page.image.shape == (page.height, page.width, 3)
        assert abs(page.width - round(595.28 * dpi / 72)) <= 1
        assert page.text_words is not None
        text = "".join(w.text for w in page.text_words)
        assert "第2页" in text and "LSVAB4180K2012345" in text and "交车日期" in text
        for w in page.text_words:
            x0, y0, x1, y1 = w.box
            assert 0 <= x0 < x1 <= page.width and 0 <= y0 < y1 <= page.height
            assert w.conf == 1.0
            # The box, scaled from points to pixels, sits on the rendered glyphs.
            assert page.image[y0:y1, x0:x1].min() < 100, w


def test_text_layer_markup_in_content_is_plain_text(files: dict[str, Path]) -> None:
    words = text_layer(files["markup"], 1, 72)
    text = " ".join(w.text for w in words)
    assert "A&B" in text and "<word>" in text and "</page>" in text and "&amp;" in text and '"引号"' in text


def test_scanned_or_junk_layers_fall_back_to_ocr(files: dict[str, Path]) -> None:
    for key in ("image_pdf", "short_layer", "junk_layer"):
        src = open_source(files[key])
        page = src.load(1, 72)
        assert page.text_words is None, key
        assert page.image.mean() < 255  # the page itself still comes back for OCR
    assert text_layer(files["junk_layer"], 1, 72)  # there is a layer; it is judged junk


def test_has_real_text() -> None:
    def words(*texts: str) -> list[Word]:
        return [Word(text=t, box=(0, 0, 10, 10), conf=1.0) for t in texts]

    assert has_real_text(words("机动车销售统一发票", "发票代码"))
    assert has_real_text(words("VIN:", "LSVAB4180K2012345"))
    assert has_real_text(words("金额：￥12,000.00（壹万贰仟元整）", "“交车”—检查"))
    assert not has_real_text([])
    assert not has_real_text(words("第1页", "共3页"))
    assert not has_real_text(words("\ufffd" * 30))
    assert not has_real_text(words("\ue001\ue002\ue003" * 10))
    assert not has_real_text(words("ÃÂ¦Ã¨Â½Â¦Ã¦Â¶Ã©Â¡Â¹Ã¥Â°ÂÃ¤Â»Â¶"))


def test_two_hundred_page_pdf_loads_one_page_at_a_time(files: dict[str, Path]) -> None:
    started = time.perf_counter()
    src = open_source(files["long"])
    assert src.page_count == 200
    page = src.load(137, 72)
    assert page.text_words is not None
    assert "第137页" in "".join(w.text for w in page.text_words)
    assert abs(page.width - 595) <= 1 and abs(page.height - 842) <= 1  # one A4 page at 72 dpi
    assert time.perf_counter() - started < 10
    with pytest.raises(ValueError):
        src.load(201, 72)


def test_rotated_page_is_upright_size_and_words_stay_on_the_image(files: dict[str, Path]) -> None:
    info = pdf_info(files["rotated"])
    assert info.page_sizes == [(792.0, 612.0)]
    page = open_source(files["rotated"]).load(1, 100)
    assert (page.width, page.height) == (1100, 850)
    assert page.text_words is not None
    for w in page.text_words:
        x0, y0, x1, y1 = w.box
        assert x1 <= page.width and y1 <= page.height
        assert page.image[y0:y1, x0:x1].min() < 100


def test_owner_password_pdf_opens_without_a_password(files: dict[str, Path]) -> None:
    info = pdf_info(files["owner_only"])
    assert info.encrypted and info.pages == 1
    page = open_source(files["owner_only"]).load(1, 72)
    assert page.text_words is not None and "保险单" in "".join(w.text for w in page.text_words)


def test_oversized_pages_render_smaller_or_are_refused(files: dict[str, Path]) -> None:
    src = open_source(files["text"], max_pixels=2_000_000)
    page = src.load(1, 200)  # A4 at 200 dpi is 3.9 Mpx: rendered at a lower resolution instead
    assert page.width * page.height <= 2_000_000
    assert page.text_words is not None
    assert max(w.box[2] for w in page.text_words) <= page.width
    assert fit_dpi(595, 842, 200, 120_000_000) == 200
    with pytest.raises(ImageTooLarge) as exc:
        open_source(files["text"], max_pixels=400_000)  # too large even at 72 dpi
    assert_bilingual(exc.value)
    big = hand_pdf(Path(files["text"]).parent / "poster.pdf", b"/MediaBox [0 0 14400 14400]", b"")
    with pytest.raises(ImageTooLarge):
        open_source(big)


def test_missing_poppler_is_reported(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    for call in (lambda: pdf_info(files["text"]), lambda: render_page(files["text"], 1, 72)):
        with pytest.raises(MissingDependency) as exc:
            call()
        assert "poppler" in str(exc.value)
        assert_bilingual(exc.value)


# --- images -------------------------------------------------------------------------------------


def test_multipage_tiff_in_every_scanner_mode_comes_back_rgb(files: dict[str, Path]) -> None:
    src = open_source(files["tiff"])
    assert (src.fmt, src.page_count) == ("tiff", 4)
    shapes = []
    for i in range(1, 5):
        page = src.load(i, 200)
        assert page.image.dtype == np.uint8 and page.image.ndim == 3 and page.image.shape[2] == 3
        shapes.append(page.image.shape[:2])
    assert shapes == [(840, 600), (700, 500), (400, 300), (420, 300)]
    grey = src.load(3, 200).image
    assert 120 <= grey.mean() <= 136  # 16-bit mid-grey stays mid-grey, not clipped to white
    assert src.load(2, 200).image.min() == 0  # bilevel lines stay black


def test_exif_orientation_is_applied(files: dict[str, Path]) -> None:
    img = open_source(files["exif"]).load(1, 200).image
    assert img.shape == (200, 120, 3)  # stored 200 wide, shown 120 wide
    top = img[:30].reshape(-1, 3).mean(axis=0)
    assert top[0] > 200 and top[1] < 80  # the red band, stored on the left, is now at the top


def test_a_jpeg_file_is_its_own_page_image_only_when_shown_as_decoded(files: dict[str, Path], tmp_path: Path) -> None:
    # Kept as the page image when the page needs no turning: only bytes that decode to the very pixels
    # read, and that a viewer shows unturned.
    plain = tmp_path / "plain.jpg"
    scan().save(plain, "JPEG", quality=90)
    page = open_source(plain).load(1, 200)
    assert page.jpeg == plain.read_bytes()
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(page.jpeg)).convert("RGB")), page.image)
    assert open_source(files["exif"]).load(1, 200).jpeg is None  # a viewer would turn it
    assert open_source(files["cmyk"]).load(1, 200).jpeg is None  # decoded to RGB by conversion
    assert open_source(files["tiff"]).load(1, 200).jpeg is None


def test_an_unreadable_exif_block_costs_neither_the_page_nor_its_orientation_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pillow reads most broken EXIF blocks with a warning; one that makes it raise must not lose the page,
    # and the file is then not kept as the page image (an orientation may hide in it).
    plain = tmp_path / "plain.jpg"
    scan().save(plain, "JPEG", quality=90)

    def unreadable(_self: Image.Image) -> Image.Exif:
        raise SyntaxError("broken EXIF")

    monkeypatch.setattr(Image.Image, "getexif", unreadable)
    page = open_source(plain).load(1, 200)
    assert page.image.shape == (840, 600, 3) and page.jpeg is None


def test_cmyk_palette_and_alpha_images_become_rgb_on_white(files: dict[str, Path]) -> None:
    assert open_source(files["cmyk"]).load(1, 200).image.shape == (840, 600, 3)
    pal = open_source(files["palette"]).load(1, 200).image
    assert tuple(pal[5, 5]) == (255, 255, 255) and pal.min() < 50
    la = open_source(files["la"]).load(1, 200).image
    assert la.min() == 255  # fully transparent is blank paper, not a black page


def test_image_limit_is_ours_not_pillows(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_bad", BAD.parent / "make_bad.py")
    assert spec and spec.loader
    make_bad = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_bad)
    big = tmp_path / "big.png"
    big.write_bytes(make_bad.bomb_png(10000, 9500))  # 95 Mpx: above Pillow's default warning, under our limit
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert image_page_count(big, 120_000_000, "png") == 1
        with pytest.raises(ImageTooLarge):
            image_page_count(big, 50_000_000, "png")
        with pytest.raises(ImageTooLarge):
            load_image_page(big, 1, 50_000_000)


def test_page_index_out_of_range_is_a_caller_error(files: dict[str, Path]) -> None:
    for key in ("png", "tiff"):
        src = open_source(files[key])
        with pytest.raises(ValueError):
            src.load(src.page_count + 1, 200)
        with pytest.raises(ValueError):
            src.load(0, 200)


def test_a_page_rendered_ahead_is_the_page_asked_for(files: dict[str, Path]) -> None:
    """One worker renders page n+1 while the engine reads page n; what it gets must be that page."""
    from dossier.ingest.pages import open_source

    direct = [open_source(files["text"]).load(i, 100).image for i in (1, 2, 3)]
    src = open_source(files["text"])
    src.prefetch(2, 100)
    assert np.array_equal(src.load(2, 100).image, direct[1])
    src.prefetch(3, 100)
    # The pool handed this worker another page: the one rendered ahead is dropped, not served.
    assert np.array_equal(src.load(1, 100).image, direct[0])
    assert np.array_equal(src.load(3, 100).image, direct[2])
    src.prefetch(99, 100)  # beyond the last page: nothing to do
