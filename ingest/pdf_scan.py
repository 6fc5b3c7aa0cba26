"""A PDF page that is one scanned JPEG and nothing else, taken from the file instead of rendered.

What a scanner writes is a page whose content is "draw this JPEG over the whole page". Decoding that
JPEG and scaling it to the wanted resolution gives the pixels pdftoppm would, at a quarter of the cost
(no process, no PPM through a pipe, and no text-layer process either: such a page has no text). A scan
a little under the wanted resolution (down to KEEP_BELOW of it) is kept as scanned, as an image file
is: enlarging it adds no detail, only pixels for every later step to process.
Anything else on the page — text, vector strokes (an e-signature), a second image, a mask, a clip,
a colour space other than plain RGB or grey, an odd placement — and the page is rendered as before:
`ScannedPdf.page` returns None and never raises for a PDF it does not understand.

The file is parsed with pypdf, pure Python: a hostile file can make it fail, never corrupt memory.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream, IndirectObject, StreamObject

from dossier.ingest.images import MIN_SIDE, stored_upright

MAX_CONTENT = 512  # bytes: "q 595 0 0 842 0 0 cm /Im0 Do Q" is ~40; anything long is more than one image
_SLACK = 1.0  # points the image may miss the page edge by (rounding in the writer)
# A scan at 180 dpi asked for at 200 is kept at 180; far below (a 72 dpi thumbnail) it is enlarged, as
# pdftoppm would, so that text keeps the size the readers and the signature checks expect.
KEEP_BELOW = 0.7
# Operators that paint nothing: save/restore, transform, the one Do, and line-style settings that
# writers emit out of habit (fpdf2 starts every page with "2 J 0.57 w").
_OPS = {b"q", b"Q", b"cm", b"Do", b"w", b"J", b"j", b"M", b"d", b"ri", b"i"}
_COLOURS = {"/DeviceRGB", "/DeviceGray"}


class ScannedPdf:
    """Opened once per source; `page` answers per page. Any failure to parse means 'render instead'."""

    def __init__(self, path: Path) -> None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._reader: PdfReader | None = PdfReader(path, strict=False)
        except Exception:
            self._reader = None
        self._lock = threading.Lock()  # the reader seeks one file: a page read ahead must wait its turn

    def page(self, index: int, width: int, height: int, max_pixels: int) -> tuple[np.ndarray, bytes | None] | None:
        """Page `index` (1-based) as RGB uint8 of (height, width) -- or its own size when that is a little
        smaller (KEEP_BELOW) -- or None: render it. With the pixels, the JPEG itself when they are exactly
        its decoding and it carries no EXIF orientation (an image viewer shows it as decoded here)."""
        if self._reader is None:
            return None
        try:
            with self._lock, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                data = _page_jpeg(self._reader, index)
            return _decode(data, width, height, max_pixels) if data else None
        except Exception:  # pypdf and Pillow raise many kinds on malformed input: rendering copes
            return None


def _page_jpeg(reader: PdfReader, index: int) -> bytes | None:
    """The JPEG bytes of the page's single full-page image, when that image is all the page holds."""
    page = reader.pages[index - 1]
    if int(page.get("/Rotate", 0) or 0) % 360:
        return None
    media = [float(v) for v in page.mediabox]
    if "/CropBox" in page and [float(v) for v in page.cropbox] != media:
        return None
    contents = page.get_contents()
    if contents is None:
        return None
    raw = contents.get_data()
    if len(raw) > MAX_CONTENT:
        return None
    ops = ContentStream(contents, reader).operations
    if any(op not in _OPS for _, op in ops) or sum(op == b"Do" for _, op in ops) != 1:
        return None
    matrix = _placement(ops)
    if matrix is None or not _covers(matrix, media):
        return None
    name = next(args[0] for args, op in ops if op == b"Do")
    resources = page.get("/Resources")
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None or name not in xobjects:
        return None
    image = xobjects[name]
    image = image.get_object() if isinstance(image, IndirectObject) else image
    if not isinstance(image, StreamObject) or not _plain_jpeg(image):
        return None
    data = image.get_data()  # pypdf leaves DCTDecode data as stored: a JPEG file
    return bytes(data) if data[:2] == b"\xff\xd8" else None


def _placement(ops: list[tuple[list[object], bytes]]) -> list[float] | None:
    """The transform in force when the image is drawn (q/Q nesting followed), or None if odd."""
    stack: list[list[float]] = []
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    for args, op in ops:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            if not stack:
                return None
            ctm = stack.pop()
        elif op == b"cm":
            if len(args) != 6:
                return None
            a, b, c, d, e, f = (float(v) for v in args)  # type: ignore[arg-type]
            A, B, C, D, E, F = ctm
            ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
        elif op == b"Do":
            return ctm
    return None


def _covers(m: list[float], media: list[float]) -> bool:
    """An upright, unflipped image exactly over the page box."""
    a, b, c, d, e, f = m
    if b or c or a <= 0 or d <= 0 or not all(math.isfinite(v) for v in m):
        return False
    x0, y0, x1, y1 = media
    return all(abs(p - q) <= _SLACK for p, q in ((e, x0), (f, y0), (e + a, x1), (f + d, y1)))


def _plain_jpeg(image: StreamObject) -> bool:
    """An 8-bit RGB or grey JPEG with no mask, no decode array and no other filter."""
    get = image.get
    if get("/Subtype") != "/Image":
        return False
    filters = get("/Filter")
    if isinstance(filters, list):
        filters = filters[0] if len(filters) == 1 else None
    parms = get("/DecodeParms")
    # Of a JPEG's parameters only ColorTransform changes decoding (some writers add PNG predictors, unused).
    if filters != "/DCTDecode" or (parms is not None and "/ColorTransform" in parms):
        return False
    if get("/ColorSpace") not in _COLOURS or int(get("/BitsPerComponent", 0)) != 8:
        return False
    return not any(get(k) is not None for k in ("/SMask", "/Mask", "/Decode", "/ImageMask"))


def _decode(data: bytes, width: int, height: int, max_pixels: int) -> tuple[np.ndarray, bytes | None] | None:
    # The header first (Pillow reads it without decoding): a bomb or an odd JPEG is left to rendering.
    with Image.open(io.BytesIO(data), formats=["JPEG"]) as im:
        w, h = im.size
        if w * h > max_pixels or min(w, h) < MIN_SIDE or im.mode not in ("RGB", "L"):
            return None
        upright = stored_upright(im)
    # OpenCV decodes straight into an array (Pillow's export to numpy copies the image twice more), and
    # a scan far above the wanted resolution is decoded at a half or a quarter by the decoder itself.
    # Straight to RGB (no channel swap after), and with any EXIF orientation ignored, as PDF viewers and
    # pdftoppm ignore it: the page is the image as drawn.
    flag = cv2.IMREAD_COLOR_RGB | cv2.IMREAD_IGNORE_ORIENTATION
    for factor, reduced in ((4, cv2.IMREAD_REDUCED_COLOR_4), (2, cv2.IMREAD_REDUCED_COLOR_2)):
        if w // factor >= width and h // factor >= height:
            flag |= reduced & ~cv2.IMREAD_COLOR  # the scale bits alone: COLOR and COLOR_RGB exclude each other
            break
    rgb = cv2.imdecode(np.frombuffer(data, np.uint8), flag)
    if rgb is None:
        return None
    if rgb.shape[1] < width and rgb.shape[1] >= KEEP_BELOW * width:
        pass  # a little under the wanted resolution: enlarging adds no detail, only pixels to process
    elif rgb.shape[:2] != (height, width):
        shrink = rgb.shape[1] > width
        rgb = cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
    return rgb, data if upright and rgb.shape[:2] == (h, w) else None
