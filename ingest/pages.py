"""The one entry point the pipeline uses to read a file's pages, whatever its format.

`open_source` detects the format from the content, picks the opener registered for it and
validates the whole file up front (page count, password, oversized pages), so a bad file fails
before any OCR is spent on it. `Source.load` then yields one page at a time.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from dossier.errors import ImageTooLarge, PageTooSmall
from dossier.ingest.detect import detect_format
from dossier.ingest.images import DEFAULT_MAX_PIXELS, image_page_count, load_image_page
from dossier.ingest.pdf import pdf_info, render_page, text_layer
from dossier.messages import text
from dossier.models import Word

if TYPE_CHECKING:
    import numpy as np

    from dossier.ingest.pdf_scan import ScannedPdf

MIN_TEXT_CHARS = 10  # letters, digits or Chinese characters a text layer needs to be trusted over OCR
MIN_PLAUSIBLE = 0.9  # share of its characters that must be ones a Chinese business form uses


@dataclass(frozen=True)
class LoadedPage:
    image: np.ndarray  # RGB uint8, (height, width, 3), upright as far as the file says
    text_words: list[Word] | None  # the PDF's own text when it has a real one; None -> OCR the image
    width: int
    height: int
    # The scan's own JPEG when `image` is exactly its decoding and an image viewer shows it so (no EXIF
    # orientation): the page image to keep, as long as the page needs no turning (no re-encoding).
    jpeg: bytes | None = None


class Source(Protocol):
    fmt: str
    page_count: int

    def load(self, index: int, dpi: int) -> LoadedPage:
        """Page `index` (1-based)."""
        ...

    def prefetch(self, index: int, dpi: int) -> None:
        """Start preparing page `index` in the background, for a `load` soon after (a hint only)."""
        ...


Opener = Callable[[Path, int], Source]
_OPENERS: dict[str, Opener] = {}


def register(*formats: str) -> Callable[[Opener], Opener]:
    def deco(opener: Opener) -> Opener:
        for fmt in formats:
            _OPENERS[fmt] = opener
        return opener

    return deco


def open_source(path: str | Path, max_pixels: int | None = None) -> Source:
    """Open and validate a scan. Raises the InputFileError subclasses for a bad file."""
    path = Path(path)
    fmt = detect_format(path)
    return _OPENERS[fmt](path, max_pixels or DEFAULT_MAX_PIXELS)


# Below this many pixels a side there is nothing to read, and the page steps (deskew, seal rings, ink
# thresholds) would divide an empty image; the page is refused with a reason instead.
MIN_PAGE_SIDE = 16


def _page(image: np.ndarray, words: list[Word] | None, jpeg: bytes | None = None) -> LoadedPage:
    if min(image.shape[:2]) < MIN_PAGE_SIDE:
        raise PageTooSmall(f"{image.shape[1]}×{image.shape[0]} px")
    return LoadedPage(image=image, text_words=words, width=int(image.shape[1]), height=int(image.shape[0]), jpeg=jpeg)


def _check_range(index: int, count: int) -> None:
    if not 1 <= index <= count:
        raise ValueError(f"page {index} out of range 1..{count}")


class PdfSource:
    fmt = "pdf"

    def __init__(self, path: Path, max_pixels: int) -> None:
        info = pdf_info(path)
        for n, (w, h) in enumerate(info.page_sizes, 1):
            # Points are pixels at 72 dpi, the least we render at: a page too big even then is refused.
            if w * h > max_pixels:
                raise ImageTooLarge(
                    text("pdf.page_too_large", page=n, w=w, h=h)
                )
        self.path = path
        self.max_pixels = max_pixels
        self.page_sizes = info.page_sizes
        self.page_count = info.pages
        self._ahead: dict[tuple[int, int], Future[tuple[np.ndarray, bool, bytes | None]]] = {}
        self._renderer: ThreadPoolExecutor | None = None
        self._scans: ScannedPdf | None = None  # opened on first load: validation does not need it

    def _dpi(self, index: int, dpi: int) -> int:
        w, h = self.page_sizes[index - 1]
        return fit_dpi(w, h, dpi, self.max_pixels)

    def _image(self, index: int, dpi: int) -> tuple[np.ndarray, bool, bytes | None]:
        """The page's pixels; whether they are a bare scan (one JPEG, no text layer to look for); and that
        JPEG when the pixels are exactly its decoding (pdf_scan.ScannedPdf.page)."""
        if self._scans is None:
            from dossier.ingest.pdf_scan import ScannedPdf  # pypdf and OpenCV: in the workers only

            self._scans = ScannedPdf(self.path)
        w, h = self.page_sizes[index - 1]
        # The size pdftoppm gives the page (a scan a little under it is kept as scanned: pdf_scan.KEEP_BELOW).
        width, height = math.ceil(w * dpi / 72 - 1e-6), math.ceil(h * dpi / 72 - 1e-6)
        scan = self._scans.page(index, width, height, self.max_pixels)
        if scan is not None:
            return scan[0], True, scan[1]
        return render_page(self.path, index, dpi), False, None

    def prefetch(self, index: int, dpi: int) -> None:
        # Preparing the next page while the OCR engine reads this one uses a core the engine leaves
        # idle (pdftoppm is a process of its own). At most one page ahead is kept.
        if not 1 <= index <= self.page_count or self._ahead:
            return
        if self._renderer is None:
            self._renderer = ThreadPoolExecutor(1, thread_name_prefix="render-ahead")
        dpi = self._dpi(index, dpi)
        self._ahead[(index, dpi)] = self._renderer.submit(self._image, index, dpi)

    def load(self, index: int, dpi: int) -> LoadedPage:
        _check_range(index, self.page_count)
        dpi = self._dpi(index, dpi)
        ahead = self._ahead.pop((index, dpi), None)
        self._ahead.clear()  # a page rendered ahead for another turn of the pool is dropped
        image, bare, jpeg = ahead.result() if ahead else self._image(index, dpi)
        if bare:
            return _page(image, None, jpeg)
        words = text_layer(self.path, index, dpi)
        if not has_real_text(words):
            return _page(image, None)
        # Boxes are computed from points and may overshoot the rendered image by a pixel: clamp them.
        ih, iw = image.shape[:2]
        inside = [wd for wd in words if wd.box[0] < iw and wd.box[1] < ih]
        for wd in inside:
            wd.box = (wd.box[0], wd.box[1], min(wd.box[2], iw), min(wd.box[3], ih))
        return _page(image, inside)


def fit_dpi(width_pt: float, height_pt: float, dpi: int, max_pixels: int) -> int:
    """`dpi`, lowered if needed so that the rendered page stays within max_pixels (a poster-size
    page is rendered smaller rather than refused, down to 72 dpi)."""
    if width_pt * height_pt * (dpi / 72) ** 2 <= max_pixels:
        return dpi
    return max(72, math.floor(72 * math.sqrt(max_pixels / (width_pt * height_pt))))


def has_real_text(words: list[Word]) -> bool:
    """Whether a text layer is worth trusting: enough real characters, and not mojibake.

    Scanned PDFs often carry an empty layer, a few stray characters, or garbage from fonts without
    a Unicode mapping (private-use, replacement or Latin-1 accented characters).
    """
    chars = [c for w in words for c in w.text if not c.isspace()]
    meaningful = sum(1 for c in chars if c.isalnum() and (c.isascii() or _is_cjk(c)))
    if meaningful < MIN_TEXT_CHARS:
        return False
    plausible = sum(1 for c in chars if _plausible(c))
    return plausible >= MIN_PLAUSIBLE * len(chars)


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def _plausible(c: str) -> bool:
    if c.isascii():
        return c.isprintable()
    o = ord(c)
    if _is_cjk(c) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:  # CJK punctuation, full-width forms
        return o != 0xFFFD
    # Typographic punctuation and symbols (“”—·×￥№...) occur in real forms; letters like é, Ã do not.
    return unicodedata.category(c)[0] in "PS"


class ImageSource:
    def __init__(self, path: Path, max_pixels: int, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.max_pixels = max_pixels
        self.page_count = image_page_count(path, max_pixels, fmt)

    def prefetch(self, index: int, dpi: int) -> None:
        return None  # decoding an image page is quick; nothing to gain

    def load(self, index: int, dpi: int) -> LoadedPage:
        # Images are returned at their own resolution: the file's pixels are the scan; dpi is for PDFs.
        _check_range(index, self.page_count)
        image, jpeg = load_image_page(self.path, index, self.max_pixels, self.fmt)
        return _page(image, None, jpeg)


register("pdf")(PdfSource)
for _fmt in ("tiff", "jpeg", "png"):
    register(_fmt)(partial(ImageSource, fmt=_fmt))
