"""Write the corpus of bad input files into tests/corpus/bad/ (run again to regenerate).

    .venv/bin/python tests/corpus/make_bad.py

Each file imitates something that really lands in a scanner drop folder: an interrupted scan, a
file renamed to .pdf, a password-protected PDF, a decompression bomb. Names deliberately carry
misleading extensions: formats are detected from content. Every file stays well under 200 KB.
Needs fpdf2 (a dev dependency) for the PDFs.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

OUT = Path(__file__).parent / "bad"
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FIXED_DATE = datetime(2024, 5, 6, 9, 30, tzinfo=UTC)  # so regenerating changes no bytes needlessly


def text_pdf(pages: int = 3) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("cjk", fname=CJK_FONT)
    pdf.set_font("cjk", size=14)
    for i in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"销售合同 第{i}页", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 8, "买方：张三  车架号：LSVAB4180K2012345\n" * 20)
    return bytes(pdf.output())


def image_pdf(pages: int = 3) -> bytes:
    ims = []
    for i in range(pages):
        im = Image.new("L", (620, 877), 255)
        ImageDraw.Draw(im).rectangle((60, 60 + 40 * i, 560, 800), outline=0, width=4)
        ims.append(im)
    buf = io.BytesIO()
    ims[0].save(
        buf,
        "PDF",
        save_all=True,
        append_images=ims[1:],
        resolution=75,
        creationDate=FIXED_DATE.timetuple(),
        modDate=FIXED_DATE.timetuple(),
    )
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("cjk", fname=CJK_FONT)
    pdf.set_font("cjk", size=14)
    pdf.add_page()
    pdf.cell(0, 10, "保险单（加密）")
    pdf.set_encryption(owner_password="owner-secret", user_password="1234")
    return bytes(pdf.output())


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def scan_like(size: tuple[int, int] = (400, 560)) -> Image.Image:
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    rnd = random.Random(7)
    for y in range(40, size[1] - 40, 18):
        d.line((40, y, rnd.randint(size[0] // 3, size[0] - 40), y), fill=(30, 30, 30), width=3)
    return im


def encoded(im: Image.Image, fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt, **kw)
    return buf.getvalue()


def bomb_png(width: int = 30000, height: int = 30000) -> bytes:
    """A 1-bit all-white PNG, written row by row so the generator never holds the pixels either."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((width + 7) // 8)  # filter byte + white pixels
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def bomb_jpeg() -> bytes:
    """A real small JPEG whose frame header is patched to claim 60000 x 60000 pixels."""
    data = bytearray(encoded(scan_like((64, 64)), "JPEG"))
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 60000, 60000)
    return bytes(data)


def bomb_tiff() -> bytes:
    """Two pages: an ordinary first page and a 12000 x 12000 second page (144 Mpx, Group 4, tiny)."""
    buf = io.BytesIO()
    big = Image.new("1", (12000, 12000), 1)
    scan_like().convert("1").save(buf, "TIFF", save_all=True, append_images=[big], compression="group4")
    return buf.getvalue()


class _FixedDateZip(zipfile.ZipFile):
    def writestr(self, name, data, *args, **kwargs):  # type: ignore[override]
        info = zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(info, data, *args, **kwargs)


def office_zip(kind: str) -> bytes:
    buf = io.BytesIO()
    with _FixedDateZip(buf, "w", zipfile.ZIP_DEFLATED) as z:
        if kind == "ofd":
            z.writestr(
                "OFD.xml",
                '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>',
            )
            z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
        else:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            z.writestr("_rels/.rels", "<Relationships/>")
            part = "word/document.xml" if kind == "docx" else "xl/workbook.xml"
            z.writestr(part, "<document>交车检查表</document>")
    return buf.getvalue()


def elf_header() -> bytes:
    # The 64-byte ELF64 header of an x86-64 executable, followed by nothing useful.
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + struct.pack("<HHI", 2, 0x3E, 1) + b"\x00" * 40


def exe_header() -> bytes:
    stub = bytearray(b"MZ" + b"\x90\x00" + b"\x00" * 56 + struct.pack("<I", 64))
    return bytes(stub) + b"PE\x00\x00" + b"\x00" * 20 + b"This program cannot be run in DOS mode.\r\n"


def heic_header() -> bytes:
    return struct.pack(">I", 24) + b"ftypheic" + struct.pack(">I", 0) + b"mif1heic" + b"\x00" * 40


def lost_middle(data: bytes) -> bytes:
    """A transfer that lost a chunk: the start and the tail (xref, trailer) survive, pages do not."""
    return data[: len(data) // 2] + data[-3000:]


def corrupt_png() -> bytes:
    """A PNG with its compressed pixel data overwritten by noise."""
    data = bytearray(png(scan_like()))
    idat = data.find(b"IDAT")
    rnd = random.Random(3)
    for i in range(idat + 40, min(len(data) - 20, idat + 2000)):
        data[i] = rnd.randrange(256)
    return bytes(data)


def files() -> dict[str, bytes]:
    tiff = encoded(scan_like(), "TIFF", save_all=True, append_images=[scan_like()], compression="tiff_lzw")
    jpeg = encoded(scan_like(), "JPEG", quality=80)
    good_png = png(scan_like())
    rnd = random.Random(11)
    return {
        "empty.pdf": b"",
        "truncated.pdf": (p := text_pdf())[: len(p) * 6 // 10],
        "lost_pages.pdf": lost_middle(image_pdf()),
        "garbage_after_header.pdf": b"%PDF-1.7\n" + rnd.randbytes(4000),
        "encrypted.pdf": encrypted_pdf(),
        "truncated.tif": tiff[: len(tiff) // 3],
        "truncated_data.tif": (t := encoded(scan_like((300, 160)).convert("L"), "TIFF"))[: len(t) // 2],
        "truncated.jpg": jpeg[: len(jpeg) // 2],
        "truncated.png": good_png[: len(good_png) // 2],
        "corrupt_data.png": corrupt_png(),
        "random_bytes.pdf": rnd.randbytes(5000),
        "png_named.pdf": good_png,
        "tiny.png": png(Image.new("RGB", (16, 16), "white")),
        "bomb.png": bomb_png(),
        "bomb.jpg": bomb_jpeg(),
        "bomb_page2.tif": bomb_tiff(),
        "contract.docx": office_zip("docx"),
        "docx_named.pdf": office_zip("docx"),
        "sheet.xlsx.tif": office_zip("xlsx"),
        "invoice.ofd": office_zip("ofd"),
        "program.pdf": elf_header(),
        "setup.exe.jpg": exe_header(),
        "photo.gif": encoded(scan_like((120, 90)), "GIF"),
        "scan.bmp": encoded(scan_like((120, 90)), "BMP"),
        "photo.webp": encoded(scan_like((120, 90)), "WEBP"),
        "IMG_0001.heic": heic_header(),
        "notes.pdf": "客户：张三\n车架号：LSVAB4180K2012345\n请于三个工作日内交档。\n".encode(),
        "page.html.pdf": b'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>scan</title></head>'
        + "<body>扫描件下载</body></html>\n".encode(),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files().items():
        assert len(data) < 200_000, (name, len(data))
        (OUT / name).write_bytes(data)
        print(f"{len(data):>8}  {name}")


if __name__ == "__main__":
    main()
