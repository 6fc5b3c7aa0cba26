"""Turn a scanned page upright while reading it, at the cost of one engine call when it already is.

How (measured on rendered forms with bench/ocr_engines.py --rotate):
    - The page is first deskewed (a few degrees, from the ink's projection profile: ~60 ms on an A4
      page at 200 dpi) and read as scanned. Lines in wide boxes read with high confidence: upright,
      done in one engine call.
    - Lines in tall boxes: the page lies on its side. Both engines read a page turned 90 degrees clockwise
      (text running top to bottom) well even so (RapidOCR turns tall crops counter-clockwise, Tesseract
      takes it for vertical CJK), and the other way badly: that says which way to try first.
    - Read badly, or not at all although there is ink: the ink's profile says whether the text lines run
      across (so the page is upside down: try 180) or down the page (try 90, then 270). RapidOCR drops
      most upside-down lines below its text score, so a sideways page may show no tall boxes at all.
Boxes come from the reading of the returned upright image, never from a reading of a rotated one.
A phone photo of a sheet on a desk is flattened first (classify.ocr.flatten): its lines converge, and
read as shot they come out of order. A Traditional page's reading is given back in Traditional script
(classify.ocr.script).
"""

from __future__ import annotations

import time
from functools import cache
from typing import Literal

import cv2
import numpy as np

from dossier.classify.ocr.base import OcrEngine, check_image
from dossier.classify.ocr.flatten import flatten
from dossier.classify.ocr.script import in_page_script
from dossier.models import PageText, Word

# Mean (length-weighted) confidence above which an engine's reading of a page is trusted as upright.
# RapidOCR reads upright forms at ~0.99 and upside-down lines at 0.5-0.8; Tesseract (chi_sim+eng) reads
# upright forms at ~0.78 and upside-down or sideways ones at 0.2-0.35.
TRUST = {"rapidocr": 0.90, "tesseract": 0.60}
DEFAULT_TRUST = 0.60
MIN_SKEW = 0.3  # degrees; below this the page is not resampled
FEW_CHARS = 8  # an upright reading with fewer characters than this, on a page with ink, is checked
FEW_CHARS_DOWN = 30  # ... where the ink's lines run down the page (on its side, or so it seems)
MAX_SKEW = 5.0


def read_upright(engine: OcrEngine, image: np.ndarray) -> tuple[PageText, np.ndarray]:
    """Read `image` (RGB uint8) and return what was read on the upright page, and that upright image.

    PageText.rotation is 0/90/180/270 degrees clockwise; the returned image is also deskewed, and
    flattened when it was a photo of a sheet in perspective (its size is then the sheet's).
    """
    image = flatten(check_image(image))
    trust = TRUST.get(engine.name, DEFAULT_TRUST)
    seconds = 0.0
    images: dict[int, np.ndarray] = {}
    readings: dict[int, list[Word]] = {}

    def read(rotation: int) -> list[Word]:
        nonlocal seconds
        turned = _turn(image, rotation)
        images[rotation] = deskew(turned, ink if rotation == 0 else _ink(turned))
        t0 = time.perf_counter()
        readings[rotation] = engine.read(images[rotation])
        seconds += time.perf_counter() - t0
        return readings[rotation]

    ink = _ink(image)

    first = read(0)
    down = ink is not None and _lines_run_down(ink)
    # A handful of characters read confidently is no proof on a page with text on it: a sideways ID
    # copy read as scanned gave two one-character words at 1.0 (满, 女), a noisy grey copy on its side
    # nine (5日335日日Y日) at 0.90. Then the other ways are tried too, and the best reading wins.
    few_chars = FEW_CHARS_DOWN if down else FEW_CHARS
    if (_upright(first, trust) and (_chars(first) >= few_chars or ink is None)) or (not first and ink is None):
        best = 0  # upright, or blank
    else:
        if _tall_share(first) > 0.5:
            order = [270, 90] if _mean_conf(first) >= trust else [90, 270]
        elif down:
            order = [90, 270]
        else:
            order = [180]
        for rotation in order:
            if _upright(read(rotation), trust):
                break
        else:
            # No try was upright, but one read lines standing on their side (a grey page whose ink
            # profile misled the first guess), or the first read only a few words: try the other sides.
            # Side lines read confidently are the page a quarter turn clockwise from upright (RapidOCR
            # turns a tall crop back counter-clockwise): that side first.
            quarter_back = [
                (r - 90) % 360 for r, w in readings.items() if _tall_share(w) > 0.5 and _mean_conf(w) >= trust
            ]
            few = _upright(first, trust)
            if few or any(_tall_share(w) > 0.5 for w in readings.values()):
                for rotation in dict.fromkeys(quarter_back + ([90, 270, 180] if few else [90, 270])):
                    if rotation not in readings and _upright(read(rotation), trust):
                        break
        best = max(readings, key=lambda r: _score(readings[r]))
    upright = images[best]
    page = PageText(
        width=upright.shape[1],
        height=upright.shape[0],
        words=in_page_script(readings[best]),
        rotation=best,
        source="ocr",
        engine=engine.name,
        seconds=round(seconds, 3),
    )
    return page, upright


def deskew(image: np.ndarray, ink: np.ndarray | None | Literal[False] = False) -> np.ndarray:
    """The image turned back by its skew, when that is between MIN_SKEW and MAX_SKEW degrees.

    Measured on forms skewed up to 2 degrees: a 2-degree skew lifts a form's right column by half a line
    and breaks reading order; on 10 such forms deskewing took RapidOCR's character error rate from 1.5 % to
    0.0 % and Tesseract's from 18.5 % to 7.9 % (bench/ocr_engines.py 10 --rotate).
    """
    if ink is False:  # not measured yet
        ink = _ink(image)
    angle = 0.0 if ink is None else skew_angle(ink)
    if abs(angle) < MIN_SKEW:
        return image
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    if image.ndim == 3 and image.shape[2] == 3:
        # OpenCV warps four channels by a faster path than three: the same pixels, at about 0.7 the cost
        # even with the two conversions (A4 at 200 dpi: ~20 ms against ~29).
        four = cv2.warpAffine(cv2.cvtColor(image, cv2.COLOR_RGB2RGBA), m, (w, h), flags=cv2.INTER_LINEAR,
                              borderValue=(255, 255, 255, 255))
        return cv2.cvtColor(four, cv2.COLOR_RGBA2RGB)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def skew_angle(ink: np.ndarray) -> float:
    """Degrees counter-clockwise the text lines of an ink mask are tilted: the angle at which the ink,
    projected onto the vertical axis, is most peaked (text and ruled lines line up); coarse then fine."""
    # The ink pixels' (x, y), row by row as np.nonzero gives them, at a third of its cost.
    found = cv2.findNonZero(ink.view(np.uint8) if ink.dtype == np.bool_ else ink)
    points = np.zeros((0, 2), np.int32) if found is None else found.reshape(-1, 2)
    ys = points[:, 1].astype(np.float32)
    xs = points[:, 0].astype(np.float32) - ink.shape[1] / 2
    offset = ink.shape[1] / 2 * np.sin(np.deg2rad(MAX_SKEW)) + 1
    bins = int(ink.shape[0] + 2 * offset) + 1

    def peakedness(degrees: float, ys: np.ndarray, xs: np.ndarray) -> float:
        t = np.deg2rad(degrees)
        rows = (ys * np.cos(t) + xs * np.sin(t) + offset).astype(np.int32)
        hist = np.bincount(rows.clip(0, bins - 1), minlength=bins).astype(np.float64)
        return float(np.dot(hist, hist))

    # The coarse search needs only the lines' shape: every k-th ink pixel, ~40,000 of them (the same
    # angles as all of them on noisy scans, at half the cost of a page dense with ink).
    step = max(1, len(ys) // 40_000)
    sparse_ys, sparse_xs = ys[::step], xs[::step]
    coarse = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-6, 0.5), key=lambda d: peakedness(d, sparse_ys, sparse_xs))
    # The fine search on every ink pixel, in 0.1-degree steps round the coarse angle: every other step
    # first, then the two beside the best of those (7 projections of 11; the same angle as all 11 on
    # 292 of 293 pages of the bench's and two tuning sets' scans, and no deskew changed).
    grid = np.arange(coarse - 0.5, coarse + 0.5 + 1e-6, 0.1)

    @cache  # the best of the first pass is looked at again in the second
    def at(i: int) -> float:
        return peakedness(grid[i], ys, xs)

    mid = max(range(1, len(grid), 2), key=at)
    best = max((i for i in (mid - 1, mid, mid + 1) if 0 <= i < len(grid)), key=at)
    return float(np.clip(grid[best], -MAX_SKEW, MAX_SKEW))


def _ink(image: np.ndarray) -> np.ndarray | None:
    """Dark pixels of the page at 1600 px on its long side (skew to within 0.1 degree, ~6 ms on A4),
    or None for a blank page: fewer than 0.05 % dark pixels (a single title line has ~0.1 %)."""
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    # Area averaging is fast only by a whole factor (OpenCV's fast path); the rest of the way, less
    # than halving, bilinear keeps every stroke and costs a tenth (A4 at 200 dpi: 1 ms against 9).
    k = max(gray.shape) // 1600
    if k >= 2:
        gray = cv2.resize(gray, None, fx=1 / k, fy=1 / k, interpolation=cv2.INTER_AREA)
    scale = min(1.0, 1600 / max(gray.shape))
    size = (max(1, round(gray.shape[1] * scale)), max(1, round(gray.shape[0] * scale)))
    small = cv2.resize(gray, size, interpolation=cv2.INTER_LINEAR) if scale < 1 else gray
    mean, std = cv2.meanStdDev(small)  # on the bytes: numpy would want a float copy of the page first
    ink = small < min(160.0, float(mean[0, 0] - std[0, 0]))
    return ink if cv2.countNonZero(ink.view(np.uint8)) >= max(50, 0.0005 * ink.size) else None


def _lines_run_down(ink: np.ndarray) -> bool:
    """Whether ink is more peaked across columns than across rows: text lines stand vertically.
    (Rendered forms: row/column peakedness 1.6-3.3 upright, 0.3-0.6 on their side.)"""
    mask = ink.view(np.uint8)
    rows = cv2.reduce(mask, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
    cols = cv2.reduce(mask, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
    n = float(rows.sum())
    return float(rows @ rows) * len(rows) / n**2 < float(cols @ cols) * len(cols) / n**2


def _turn(image: np.ndarray, rotation: int) -> np.ndarray:
    """The image turned `rotation` degrees clockwise (np.rot90 turns counter-clockwise)."""
    if rotation % 360 == 0:
        return image
    return np.ascontiguousarray(np.rot90(image, k=-(rotation // 90)))


def _tall(w: Word) -> bool:
    # A box of two or more characters that is taller than wide is a line standing on its side.
    return len(w.text) >= 2 and (w.box[3] - w.box[1]) > 1.2 * (w.box[2] - w.box[0])


def _chars(words: list[Word]) -> int:
    return sum(len(w.text) for w in words)


def _tall_share(words: list[Word]) -> float:
    return sum(len(w.text) for w in words if _tall(w)) / max(1, _chars(words))


def _mean_conf(words: list[Word]) -> float:
    return sum(w.conf * len(w.text) for w in words) / max(1, _chars(words))


def _upright(words: list[Word], trust: float) -> bool:
    return bool(words) and _tall_share(words) < 0.5 and _mean_conf(words) >= trust


def _score(words: list[Word]) -> float:
    """Confident characters in level lines: what an upright reading has most of."""
    return sum(w.conf * len(w.text) for w in words if not _tall(w))
