"""Scanned PDF pages are taken from the file's own JPEG, with the same pixels and size pdftoppm
gives, and only when the JPEG is all the page holds: anything drawn over it keeps the page rendered."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

import dossier.ingest.pages
from dossier.ingest.pages import open_source
from dossier.ingest.pdf import render_page
from dossier.ingest.pdf_scan import _decode

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev dependency) makes the test PDFs")


def scan_image(size: tuple[int, int] = (1240, 1754), mode: str = "RGB") -> Image.Image:
    """An A4 page at 150 dpi with text-like bars and a blue 'signature' curve."""
    im = Image.new("RGB", size, (246, 244, 238))
    d = ImageDraw.Draw(im)
    for y in range(120, size[1] - 120, 60):
        d.rectangle((100, y, size[0] - 300, y + 22), fill=(25, 25, 25))
    d.arc((700, 1400, 1000, 1550), 0, 300, fill=(20, 40, 170), width=4)
    return im.convert(mode)


def no_rendering(*_args: object, **_kw: object) -> np.ndarray:
    raise AssertionError("pdftoppm was run for a page that is a bare scan")


@pytest.fixture()
def scanned_pdf(tmp_path: Path) -> Path:
    pages = [scan_image(), scan_image(mode="L")]
    path = tmp_path / "scanner.pdf"
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=150, quality=90)
    return path


def test_scanner_pages_come_from_the_jpeg_with_poppler_geometry(
    scanned_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Asked for at 200 dpi, the 150 dpi scans are kept as scanned (enlarging adds no detail): the
    # pixels pdftoppm gives at 150 dpi.
    rendered = [render_page(scanned_pdf, i, 150) for i in (1, 2)]
    far_below = render_page(scanned_pdf, 1, 300)
    monkeypatch.setattr(dossier.ingest.pages, "render_page", no_rendering)
    src = open_source(scanned_pdf)
    for i, ref in zip((1, 2), rendered, strict=True):
        page = src.load(i, 200)
        assert page.image.shape == ref.shape == (1754, 1240, 3)
        assert page.text_words is None
        diff = np.abs(page.image.astype(int) - ref.astype(int))
        assert diff.mean() < 3  # the same scan
    # Far under the wanted resolution (half of 300 dpi): enlarged to the size pdftoppm gives the page.
    big = src.load(1, 300).image
    assert big.shape == far_below.shape == (3508, 2480, 3)
    assert np.abs(big.astype(int) - far_below.astype(int)).mean() < 3
    # Lower than the scan's own resolution: shrunk, not cropped.
    small = src.load(1, 100).image
    assert small.shape == (1170, 827, 3)
    assert small[:, :, 2].min() < 200  # the bars survive the shrink


def test_anything_drawn_over_the_scan_keeps_the_page_rendered(tmp_path: Path) -> None:
    jpeg = tmp_path / "page.jpg"
    scan_image().save(jpeg, quality=90)
    pdf = fpdf.FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(jpeg), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.set_draw_color(200, 0, 0)
    pdf.set_line_width(2)
    pdf.line(20, 280, 190, 280)  # an e-signature's vector stroke near the foot of the page
    path = tmp_path / "esigned.pdf"
    pdf.output(str(path))
    image = open_source(path).load(1, 100).image
    row = image[int(280 / 297 * image.shape[0])]
    red = (row[:, 0] > 150) & (row[:, 1] < 80) & (row[:, 2] < 80)
    assert red.mean() > 0.5  # the stroke is on the page the pipeline reads


def test_a_scan_not_covering_the_page_is_rendered_with_its_margins(tmp_path: Path) -> None:
    jpeg = tmp_path / "page.jpg"
    scan_image().save(jpeg, quality=90)
    pdf = fpdf.FPDF(format="A4")
    pdf.add_page()
    pdf.image(str(jpeg), x=50, y=50, w=100)  # placed small, in the middle of a white page
    path = tmp_path / "placed.pdf"
    pdf.output(str(path))
    image = open_source(path).load(1, 72).image
    assert image.shape[:2] == (842, 596)
    assert image[:100].min() > 240 and image[-100:].min() > 240  # white above and below the photo
    assert image[200:300, 150:400].min() < 60  # and the photo's bars where it was placed


def test_a_scan_with_a_text_layer_still_gives_its_words(tmp_path: Path) -> None:
    jpeg = tmp_path / "page.jpg"
    scan_image().save(jpeg, quality=90)
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("cjk", fname="/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    pdf.set_font("cjk", size=14)
    pdf.add_page()
    pdf.image(str(jpeg), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.cell(0, 10, "交车检查表 车架号 LSVAB4180K2012345")  # an OCR'd scan: image plus its text
    path = tmp_path / "ocred.pdf"
    pdf.output(str(path))
    page = open_source(path).load(1, 200)
    assert page.text_words and "LSVAB4180K2012345" in " ".join(w.text for w in page.text_words)


def test_a_scan_page_turned_by_rotate_is_rendered_turned(tmp_path: Path) -> None:
    path = tmp_path / "scanner.pdf"
    scan_image().save(path, "PDF", resolution=150)
    data = path.read_bytes()
    assert b"/Type /Page\n" in data
    path.write_bytes(data.replace(b"/Type /Page\n", b"/Type /Page /Rotate 90\n", 1))
    image = open_source(path).load(1, 100).image
    assert image.shape[:2] == (827, 1170)  # landscape, as the page is displayed
    # the bars run down the page now, not squeezed across it
    assert np.abs(image.astype(int) - render_page(path, 1, 100).astype(int)).mean() < 3


def test_a_damaged_scan_falls_back_to_rendering(tmp_path: Path) -> None:
    path = tmp_path / "scanner.pdf"
    scan_image().save(path, "PDF", resolution=150, quality=90)
    data = path.read_bytes()
    start = data.index(b"\xff\xd8")
    # The JPEG's body is garbled (a broken transfer): whatever poppler makes of it is what is read.
    broken = data[: start + 600] + bytes(200) + data[start + 800 :]
    path.write_bytes(broken)
    src = open_source(path)
    page = src.load(1, 100)
    assert page.image.shape[:2] == (1170, 827)


def test_a_page_kept_as_scanned_carries_its_own_jpeg_and_a_resized_one_does_not(scanned_pdf: Path) -> None:
    # The worker keeps these bytes as the page image when the page needs no turning: they must decode
    # to exactly the pixels the checks and the engine were given, colour and grey alike.
    src = open_source(scanned_pdf)
    for i in (1, 2):
        page = src.load(i, 200)
        assert page.jpeg is not None
        shown = cv2.imdecode(np.frombuffer(page.jpeg, np.uint8), cv2.IMREAD_COLOR_RGB)
        assert shown is not None and np.array_equal(shown, page.image)
    assert src.load(1, 300).jpeg is None  # enlarged: the pixels are no longer the JPEG's
    assert src.load(1, 100).jpeg is None  # shrunk


def test_a_jpeg_with_an_exif_orientation_is_not_kept_as_the_page_image() -> None:
    # A PDF viewer and the checks ignore it; an image viewer would turn the page and misplace every box.
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6
    scan_image().save(buf, "JPEG", quality=90, exif=exif.tobytes())
    plain = io.BytesIO()
    scan_image().save(plain, "JPEG", quality=90)
    turned, kept = _decode(buf.getvalue(), 1240, 1754, 10**8), _decode(plain.getvalue(), 1240, 1754, 10**8)
    assert turned is not None and kept is not None
    assert turned[0].shape == (1754, 1240, 3)  # decoded as drawn, not turned
    assert turned[1] is None
    assert kept[1] == plain.getvalue()
