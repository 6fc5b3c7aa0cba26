"""Flatten a phone photo of a page: find the sheet against the desk behind it and warp it to a rectangle.

Why: the text lines of a page shot at an angle converge, so a table's right column sits higher or lower
than its left one by more than a line. RapidOCR reads each line well, but the lines then come out of
order, and so does the page text (measured on final200b: the 13 photo pages had a character error
rate of 17 % against 2.4 % for the rest, nearly all of it lines out of order).

How: the page's brightness, shrunk to WORK_SIDE pixels on its long side, is split into paper and
background (Otsu); the largest bright region must be a convex quadrilateral with background on the
frame around it, else the image is returned untouched (a flat scan has no background: the sheet is
the whole image). The quadrilateral's corners are scaled back and the full-resolution image warped.
"""

from __future__ import annotations

import cv2
import numpy as np

WORK_SIDE = 480  # pixels; corners to within ~1/480 of the page (~5 px at 200 dpi), plenty for line order
MIN_AREA = 0.25  # of the image: a smaller bright region is not the sheet (a label, a receipt on a form)
MAX_AREA = 0.97  # of the image: above this the sheet fills the frame; nothing to flatten
MIN_FILL = 0.95  # the region's area over its quadrilateral's: a sheet, not a blob that has four corners
MIN_BORDER_BACKGROUND = 0.5  # share of the image's outer frame that must be background
MIN_TILT = 0.004  # corners this close (fraction of the long side) to an upright rectangle: already flat


def find_sheet(image: np.ndarray) -> np.ndarray | None:
    """The sheet's corners (4 x 2 float32, clockwise from the top left, in `image`'s pixels) when `image`
    shows a sheet in perspective on a darker background; None when there is nothing to flatten."""
    h, w = image.shape[:2]
    # Every step-th pixel, then blurred: the sheet's outline needs no more, and this costs ~1 ms where
    # converting and shrinking the whole page cost ~15.
    step = max(1, max(h, w) // WORK_SIDE)
    sampled = np.ascontiguousarray(image[::step, ::step])
    small = cv2.cvtColor(sampled, cv2.COLOR_RGB2GRAY) if sampled.ndim == 3 else sampled
    small = cv2.GaussianBlur(small, (5, 5), 0)
    _t, paper = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # Background must frame the sheet: a flat scan is paper up to its edges (a copier's dark edge band
    # covers one side at most).
    frame = np.concatenate([paper[0], paper[-1], paper[:, 0], paper[:, -1]])
    if float((frame == 0).mean()) < MIN_BORDER_BACKGROUND:
        return None
    # Close the sheet over its own print (text and ruled lines are dark too, but inside the sheet).
    paper = cv2.morphologyEx(paper, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    contours, _h = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    sheet = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(sheet)
    if not MIN_AREA <= area / paper.size <= MAX_AREA:
        return None
    hull = cv2.convexHull(sheet)
    quad = _quad(hull)
    if quad is None or area / max(1.0, cv2.contourArea(quad)) < MIN_FILL:
        return None
    corners = _clockwise(quad.reshape(4, 2).astype(np.float32)) * step
    if _tilt(corners) < MIN_TILT * max(h, w):
        return None
    return corners


def flatten(image: np.ndarray) -> np.ndarray:
    """`image` with the sheet warped to an upright rectangle (its size from the sheet's edges); the
    image itself when there is no sheet in perspective in it. The warp costs ~30 ms on a 200 dpi A4 photo."""
    corners = find_sheet(image)
    if corners is None:
        return image
    tl, tr, br, bl = corners
    width = round(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = round(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    m = cv2.getPerspectiveTransform(corners, target)
    flat = cv2.warpPerspective(image, m, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return flat


def _quad(hull: np.ndarray) -> np.ndarray | None:
    """The hull simplified to four corners (tolerance raised until it has four), or None."""
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.04, 0.05):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4 and cv2.isContourConvex(approx):
            return approx
        if len(approx) < 4:
            return None
    return None


def _clockwise(pts: np.ndarray) -> np.ndarray:
    """Corners ordered top-left, top-right, bottom-right, bottom-left."""
    s, d = pts.sum(axis=1), pts[:, 1] - pts[:, 0]
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]], np.float32)


def _tilt(c: np.ndarray) -> float:
    """How far (pixels) the corners are from an upright rectangle: the largest mismatch of the opposite
    sides' x (left, right) or y (top, bottom) coordinates."""
    tl, tr, br, bl = c
    return float(max(abs(tl[0] - bl[0]), abs(tr[0] - br[0]), abs(tl[1] - tr[1]), abs(bl[1] - br[1])))
