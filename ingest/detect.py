"""Tell a file's format from its first bytes, never from its name.

Scanner drop folders collect whatever people put there: a Word file renamed `.pdf`, an iPhone photo,
an OFD e-invoice. Only PDF, TIFF, JPEG and PNG are accepted; for anything else the error names what
the file looks like, so the clerk knows what to do instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from dossier.errors import EmptyFile, UnsupportedFormat
from dossier.messages import text

Format = Literal["pdf", "tiff", "jpeg", "png"]
FORMATS: tuple[Format, ...] = ("pdf", "tiff", "jpeg", "png")

HEAD_BYTES = 8192  # enough to see the first few entries of an Office/OFD zip

_PNG = b"\x89PNG\r\n\x1a\n"
_TIFF = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")  # classic and BigTIFF, both byte orders


def detect_format(path: str | Path) -> Format:
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if not head:
        raise EmptyFile()
    if head.startswith(_PNG):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in _TIFF:
        return "tiff"
    # Readers accept the header anywhere in the first 1024 bytes; some scanners write junk before it.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    raise UnsupportedFormat(describe(head))


def describe(head: bytes) -> str:
    """A bilingual phrase naming what these leading bytes look like, for the error's detail."""
    kind = _lookalike(head)  # the catalogue's id of what it looks like
    zh = text(kind, "zh")
    zh = f" {zh}" if zh[0].isascii() else zh  # 文件实际是 Windows 程序, 文件实际是压缩包
    return f"{text('input.content_is', 'zh', what=zh)} / {text('input.content_is', 'en', what=text(kind, 'en'))}"


def _lookalike(head: bytes) -> str:
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(head)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "format.old_office"
    if head.startswith(b"MZ"):
        return "format.windows_program"
    if head.startswith(b"\x7fELF"):
        return "format.linux_program"
    if head[:4] in (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe"):
        return "format.macos_program"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "format.gif"
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "format.bmp"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "format.webp"
    if head[4:8] == b"ftyp":
        return _ftyp_kind(head[8:12])
    if head.startswith((b"\x00\x00\x00\x0cjP  \r\n\x87\n", b"\xff\x4f\xff\x51")):
        return "format.jpeg2000"
    if head.startswith((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")):
        return "format.compressed"
    if head.startswith(b"{\\rtf"):
        return "format.rtf"
    text = _as_text(head)
    if text is not None:
        start = text.lstrip("\ufeff \t\r\n").lower()
        if start.startswith(("<!doctype html", "<html")) or "<html" in start[:512]:
            return "format.html"
        if start.startswith("<?xml") or start.startswith("<svg"):
            return "format.xml"
        return "format.plain_text"
    return "format.unrecognised"


def _zip_kind(head: bytes) -> str:
    # Only the first local headers are visible, but Office and OFD put their telltale entries first.
    if b"word/" in head:
        return "format.docx"
    if b"xl/" in head:
        return "format.xlsx"
    if b"ppt/" in head:
        return "format.pptx"
    if b"OFD.xml" in head or b"Doc_0/" in head:
        return "format.ofd"
    if b"application/vnd.oasis.opendocument" in head:
        return "format.opendocument"
    if b"[Content_Types].xml" in head:
        return "format.office"
    return "format.zip"


def _ftyp_kind(brand: bytes) -> str:
    if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"hevx", b"mif1", b"msf1"):
        return "format.heic"
    if brand in (b"avif", b"avis"):
        return "format.avif"
    return "format.video"


def _as_text(head: bytes) -> str | None:
    """The head decoded as text if it plausibly is text (no NUL bytes, mostly printable)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if b"\x00" in head:
        return None
    for enc in ("utf-8", "gb18030"):
        # The head may end inside a multi-byte character: allow a few bytes to be cut off.
        for cut in range(4):
            try:
                text = head[: len(head) - cut].decode(enc)
            except UnicodeDecodeError:
                continue
            if not text:
                continue
            printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n\f")
            return text if printable >= 0.95 * len(text) else None
    return None
