"""Thin wrappers around poppler's programs: page count and sizes, the text layer, one rendered page.

Every call is a subprocess with an argument list (no shell) and a timeout, so a hostile or broken
PDF costs at most a killed child process; the file is always given as an absolute path (`_file`), so
that no file name (`-l`, `--help`) is ever taken for an option. Pages are rendered one at a time: a 200-page scan is
never held in memory at once.
"""

from __future__ import annotations

import math
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from dossier.errors import CorruptFile, EncryptedPdf, MissingDependency
from dossier.messages import text
from dossier.models import Word

if TYPE_CHECKING:
    import numpy as np

INFO_TIMEOUT = 30.0
TEXT_TIMEOUT = 60.0
RENDER_TIMEOUT = 180

_POPPLER = "poppler-utils (pdfinfo, pdftotext, pdftoppm)"


class PdfInfo(BaseModel):
    pages: int
    encrypted: bool  # True also for owner-password PDFs, which open without a password
    page_sizes: list[tuple[float, float]]  # points, as displayed (the page's /Rotate applied)


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            args, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError as e:
        raise MissingDependency(args[0] + text("pdf.install", package=_POPPLER)) from e
    except subprocess.TimeoutExpired as e:
        raise CorruptFile(
            text("pdf.timeout", seconds=timeout)
        ) from e


def _file(path: str | Path) -> str:
    """`path` as an argument for an external program: absolute, so it starts with / and is never an option."""
    return str(Path(path).absolute())


def _stderr(proc: subprocess.CompletedProcess[bytes]) -> str:
    lines = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1] if lines else f"exit code {proc.returncode}"


_PAGE_LINE = re.compile(r"^Page\s+(\d+)\s+(size|rot):\s+(.*)$")
_SIZE = re.compile(r"([\d.]+) x ([\d.]+) pts")


def pdf_info(path: str | Path) -> PdfInfo:
    """Page count, encryption and every page's size. Raises EncryptedPdf or CorruptFile."""
    proc = _run(["pdfinfo", "-enc", "UTF-8", "-f", "1", "-l", "1000000000", _file(path)], INFO_TIMEOUT)
    err = proc.stderr.decode("utf-8", errors="replace")
    if proc.returncode != 0:
        if "Incorrect password" in err:
            raise EncryptedPdf()
        raise CorruptFile(f"{text('pdf.structure')} ({_stderr(proc)})")
    # Metadata (title, author...) is printed first and may contain anything, even newlines that
    # imitate the lines below; the real lines come after it, so the last occurrence wins.
    fields: dict[str, str] = {}
    sizes: dict[int, tuple[float, float]] = {}
    rots: dict[int, int] = {}
    for line in proc.stdout.decode("utf-8", errors="replace").splitlines():
        m = _PAGE_LINE.match(line)
        if m:
            n, what, value = int(m[1]), m[2], m[3]
            if what == "size":
                s = _SIZE.match(value)
                sizes[n] = (float(s[1]), float(s[2])) if s else (0.0, 0.0)
            else:
                rots[n] = int(value) if value.strip().lstrip("-").isdigit() else 0
        elif ":" in line:
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    try:
        pages = int(fields.get("Pages", ""))
    except ValueError:
        pages = 0
    if pages < 1:
        raise CorruptFile(text("pdf.no_pages"))
    page_sizes: list[tuple[float, float]] = []
    missing: list[int] = []
    for n in range(1, pages + 1):
        w, h = sizes.get(n, (0.0, 0.0))
        if w < 1 or h < 1:  # poppler reports a page it could not find as 0 x 0
            missing.append(n)
        if rots.get(n, 0) % 180 == 90:
            w, h = h, w
        page_sizes.append((w, h))
    if missing:
        raise CorruptFile(
            text("pdf.pages_unreadable", missing=_ranges(missing), pages=pages)
        )
    return PdfInfo(
        pages=pages, encrypted=fields.get("Encrypted", "no").startswith("yes"), page_sizes=page_sizes
    )


def _ranges(nums: list[int]) -> str:
    out: list[str] = []
    start = prev = nums[0]
    for n in [*nums[1:], -1]:
        if n != prev + 1:
            out.append(str(start) if start == prev else f"{start}-{prev}")
            start = n
        prev = n
    return ", ".join(out)


def text_layer(path: str | Path, page: int, dpi: int) -> list[Word]:
    """The page's embedded text as words with boxes in pixels at `dpi` (conf 1.0).

    Empty when the page has no text layer or poppler cannot extract it: the caller then OCRs the
    rendered page, so a failure here is never fatal.
    """
    proc = _run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", "-f", str(page), "-l", str(page), _file(path), "-"],
        TEXT_TIMEOUT,
    )
    if proc.returncode != 0:
        return []
    parser = _BboxParser(dpi / 72.0)
    parser.feed(proc.stdout.decode("utf-8", errors="replace"))
    parser.close()
    return parser.words


class _BboxParser(HTMLParser):
    """Reads pdftotext's XHTML with the forgiving stdlib HTML parser: the text is untrusted, and this
    parser neither fetches DTDs nor expands declared entities, and survives malformed markup."""

    def __init__(self, scale: float) -> None:
        super().__init__(convert_charrefs=True)
        self.scale = scale
        self.words: list[Word] = []
        self._box: tuple[float, float, float, float] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "word":
            a = dict(attrs)  # attribute names arrive lower-cased: xmin, ymin, ...
            self._box = _box(a.get("xmin"), a.get("ymin"), a.get("xmax"), a.get("ymax"))
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._box is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "word" or self._box is None:
            return
        text = "".join(self._text).strip()
        box, self._box = self._box, None
        s = self.scale
        x0, y0 = max(0, math.floor(box[0] * s)), max(0, math.floor(box[1] * s))
        x1, y1 = math.ceil(box[2] * s), math.ceil(box[3] * s)
        if text and x1 > x0 and y1 > y0:
            self.words.append(Word(text=text, box=(x0, y0, x1, y1), conf=1.0))


def _box(*values: str | None) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in values if v is not None)
    except ValueError:  # a missing attribute (too few values) or one that is not a number
        return None
    ok = all(math.isfinite(v) and abs(v) < 1e7 for v in (x0, y0, x1, y1))
    return (x0, y0, x1, y1) if ok else None


def render_page(path: str | Path, page: int, dpi: int, timeout: int = RENDER_TIMEOUT) -> np.ndarray:
    """One page as an RGB uint8 array of shape (height, width, 3).

    pdftoppm is called directly and its PPM read straight into the array: a third faster per page
    than going through pdf2image, which runs pdfinfo again and converts the image through Pillow."""
    proc = _run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", _file(path)], timeout)
    if proc.returncode != 0:
        if "Incorrect password" in proc.stderr.decode("utf-8", errors="replace"):
            raise EncryptedPdf()
        raise CorruptFile(f"{text('pdf.render', page=page)} ({_stderr(proc)})")
    image = _ppm(proc.stdout)
    if image is None or min(image.shape[:2]) < 2:  # poppler emits a 1x1 image for a page it cannot find
        raise CorruptFile(text("pdf.render", page=page))
    return image


_PPM_HEADER = re.compile(rb"P6\s+(\d+)\s+(\d+)\s+255\s")


def _ppm(data: bytes) -> np.ndarray | None:
    """An 8-bit binary PPM (what pdftoppm writes) as an RGB array; None if it is not one."""
    import numpy as np  # here: the main process reads no pixels (worker/page_job.py)

    m = _PPM_HEADER.match(data)
    if not m:
        return None
    w, h = int(m[1]), int(m[2])
    body = memoryview(data)[m.end() : m.end() + w * h * 3]
    if len(body) != w * h * 3:
        return None
    return np.frombuffer(body, np.uint8).reshape(h, w, 3).copy()  # writable, and frees the PPM bytes
