"""TIFF (often multi-page), JPEG and PNG scans through Pillow, one page at a time, as RGB arrays.

Sizes are checked from the headers before any pixel is decoded, so a small file that claims to be
30000 x 30000 pixels (a decompression bomb) is refused without allocating it.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageOps

from dossier.config import Settings
from dossier.errors import CorruptFile, DossierError, ImageTooLarge
from dossier.messages import text

if TYPE_CHECKING:
    import numpy as np

DEFAULT_MAX_PIXELS: int = Settings.model_fields["max_pixels"].default
MIN_SIDE = 32  # pixels; anything smaller is an icon or a fragment, not a scanned page
ORIENTATION = 0x0112  # the EXIF tag

# detect_format's names -> Pillow's: each file only ever reaches the decoder of its detected format.
_PILLOW_FORMATS = {"tiff": "TIFF", "jpeg": "JPEG", "png": "PNG"}


@contextmanager
def _opened(path: str | Path, max_pixels: int, fmt: str | None = None) -> Iterator[Image.Image]:
    """Open with Pillow, turning every decoder failure into one of our errors."""
    try:
        with warnings.catch_warnings():
            # Our own limit (max_pixels) is the one that counts; Pillow's warning must not leak out.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            formats = [_PILLOW_FORMATS[fmt]] if fmt in _PILLOW_FORMATS else None
            with Image.open(path, formats=formats) as im:
                _check_size(im, max_pixels, 1)
                yield im
    except DossierError:
        raise
    except Image.DecompressionBombError as e:
        raise ImageTooLarge(text("image.over_pixels", limit=max_pixels)) from e
    except MemoryError:
        raise
    except Exception as e:  # Pillow raises many kinds (OSError, SyntaxError, ValueError, struct.error...)
        raise CorruptFile(_what(e)) from e


def _what(e: Exception) -> str:
    msg = str(e) or type(e).__name__
    if "truncated" in msg:
        return f"{text('image.truncated')}: {msg}"
    return f"{text('image.undecodable')}: {msg}"


def _check_size(im: Image.Image, max_pixels: int, page: int) -> None:
    w, h = im.size
    if w * h > max_pixels:
        raise ImageTooLarge(
            text("image.page_too_large", page=page, w=w, h=h, limit=max_pixels)
        )
    if min(w, h) < MIN_SIDE:
        raise CorruptFile(
            text("image.page_too_small", page=page, w=w, h=h)
        )


def _frames(im: Image.Image) -> int:
    # Only TIFF pages are pages; extra frames of a PNG (APNG) or JPEG (MPO previews) are not.
    return int(getattr(im, "n_frames", 1)) if im.format == "TIFF" else 1


def image_page_count(path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS, fmt: str | None = None) -> int:
    """Number of pages, after validating the whole file so that a bad one fails before any OCR.

    Every page's size is checked from its header first. A single JPEG or PNG is then decoded once
    (cheap, and the only sure way to find a truncated or garbled one); a TIFF, which may hold
    hundreds of pages, has each page's data checked to lie within the file instead.
    """
    size = os.path.getsize(path)
    with _opened(path, max_pixels, fmt) as im:
        n = _frames(im)
        for i in range(n):
            if i:
                im.seek(i)
                _check_size(im, max_pixels, i + 1)
            if im.format == "TIFF" and not _tiff_data_within(im, size):
                raise CorruptFile(
                    text("image.past_end", page=i + 1)
                )
        if im.format != "TIFF":
            im.load()
        return n


def _tiff_data_within(im: Image.Image, file_size: int) -> bool:
    tags = getattr(im, "tag_v2", {})
    offsets, counts = tags.get(273) or tags.get(324), tags.get(279) or tags.get(325)  # strips or tiles
    if not offsets or not counts:
        return True  # nothing to check here; decoding will tell
    offsets = offsets if isinstance(offsets, tuple) else (offsets,)
    counts = counts if isinstance(counts, tuple) else (counts,)
    return max(int(o) + int(c) for o, c in zip(offsets, counts, strict=False)) <= file_size


def load_image_page(
    path: str | Path, index: int, max_pixels: int = DEFAULT_MAX_PIXELS, fmt: str | None = None
) -> tuple[np.ndarray, bytes | None]:
    """Page `index` (1-based) upright per its EXIF/TIFF orientation, as RGB uint8 (height, width, 3); and
    the file's own bytes when it is a JPEG whose plain decoding these pixels are and that an image viewer
    shows so (RGB or grey, no EXIF orientation), else None."""
    with _opened(path, max_pixels, fmt) as im:
        n = _frames(im)
        if 1 <= index <= n:
            if index > 1:
                im.seek(index - 1)
                _check_size(im, max_pixels, index)
            im.load()  # decode here, inside _opened, so a truncated file becomes CorruptFile
            as_stored = im.format == "JPEG" and im.mode in ("RGB", "L") and stored_upright(im)  # before turning
            image = to_rgb(_upright(im))
    if not 1 <= index <= n:
        raise ValueError(f"page {index} out of range 1..{n}")  # outside _opened: a caller's bug, not a bad file
    return image, Path(path).read_bytes() if as_stored else None


def stored_upright(im: Image.Image) -> bool:
    """Whether an image viewer shows the image as stored: no EXIF orientation to apply. An EXIF block
    that cannot be read may hold one: not upright, then."""
    try:
        return bool(im.getexif().get(ORIENTATION, 1) == 1)
    except Exception:  # Pillow raises many kinds on malformed EXIF
        return False


def _upright(im: Image.Image) -> Image.Image:
    # In place: otherwise a page with no orientation to correct is copied whole for nothing. A broken
    # EXIF block should not cost the page: it is kept as stored.
    with contextlib.suppress(Exception):
        ImageOps.exif_transpose(im, in_place=True)
    return im


def to_rgb(im: Image.Image) -> np.ndarray:
    """Any Pillow mode as 8-bit RGB; transparency is flattened onto white paper, not black."""
    # Imported here: the main process counts pages with Pillow alone (worker/page_job.py says why).
    import cv2
    import numpy as np

    mode = im.mode
    if mode.startswith("I;16") or mode in ("I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        top = float(arr.max()) if arr.size else 0.0
        if mode == "F" and top <= 1.0:
            arr = arr * 255.0
        elif top > 255:
            # 16-bit scans use the full 0..65535 range; rarer 32-bit data is stretched to fit.
            arr = arr / (257.0 if top <= 65535 else top / 255.0)
        gray = np.clip(arr, 0, 255).astype(np.uint8)
        return np.ascontiguousarray(np.stack([gray] * 3, axis=-1))
    if mode == "P" and "transparency" in im.info:
        im = im.convert("RGBA")
        mode = "RGBA"
    if mode in ("LA", "La", "PA", "RGBA", "RGBa"):
        rgba = im.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.array(Image.alpha_composite(paper, rgba).convert("RGB"))
    if mode == "1":
        im = im.convert("L")
        mode = "L"
    # The common scanner modes skip Pillow's convert, a whole extra copy of the page.
    if mode == "RGB":
        return np.array(im)
    if mode == "L":
        return cv2.cvtColor(np.asarray(im), cv2.COLOR_GRAY2RGB)
    return np.array(im.convert("RGB"))
