"""Where a signature label's blank lies when it is not beside the label: the table cell under a label
that heads a column (申请人签字 | 客服专员签章 over a row of blank cells), and whether the space under a
label belongs to the signature row below it.

Plain geometry on the page's pixels and OCR words; thresholds in label heights.
"""

from __future__ import annotations

import cv2
import numpy as np

from dossier.classify.fuzzy import normalize
from dossier.classify.pixels import percentile
from dossier.models import Box, Word

# How far under the label the header row's foot may lie, and how deep the cell under it may be.
_FOOT_GAP = 1.2
_CELL_DEPTH = 8.0
_SKEW = 3  # rows a ruling may drift over a column's width


def rule_level(band: np.ndarray) -> float:
    """Grey below which a pixel may be a ruling: 150, or nearer the paper for a faint grey table border
    on white paper (a light scan's hairline at 160-180), never as near as a dim photo's paper."""
    return max(150.0, min(float(percentile(band, 90)) - 60, 200.0))


def _dark(gray: np.ndarray) -> np.ndarray:
    # Rulings scan grey on a light copy: a level relative to the paper.
    return gray < (rule_level(gray) if gray.size else 150.0)


def _hairline(gray: np.ndarray) -> np.ndarray:
    """Pixels of thin horizontal lines however light: darker by 20 grey than the rows a few pixels above and
    below them, after smoothing along the row (a light grey rule printed on white, 60 grey under it, or on a
    dim photo's paper, 30 under it: both lighter than a ruling's level; the noise smoothed along a row stays
    under 10)."""
    if gray.shape[0] < 3 or gray.shape[1] < 9:
        return np.zeros(gray.shape, bool)
    along = cv2.blur(gray, (9, 1))
    return np.asarray(cv2.morphologyEx(along, cv2.MORPH_BLACKHAT, np.ones((9, 1), np.uint8)) > 20)


def _rows_across(
    gray: np.ndarray, y0: int, y1: int, x0: int, x1: int, share: float, *, faint: bool = False, hair: bool = False
) -> list[int]:
    """Rows in y0..y1 dark over `share` of the columns x0..x1: horizontal rulings across that span.
    `faint`: a ruling may be as light as a photo's blur leaves a hairline (40 grey under the paper).
    `hair`: a thin line darker than the rows beside it, however light (_hairline)."""
    g = gray[y0:y1, x0:x1]
    if g.size == 0:
        return []
    # A scan's or a photo's slight skew spreads a ruling over a few rows: each row taken with its neighbours.
    if hair:
        dark = _hairline(gray[max(0, y0 - 8) : y1 + 8, x0:x1])[y0 - max(0, y0 - 8) :][: y1 - y0]
    else:
        dark = g < float(percentile(g, 90)) - 40 if faint else _dark(g)
    spread = dark.copy()
    for k in range(1, _SKEW + 1):
        spread[k:] |= dark[:-k]
        spread[:-k] |= dark[k:]
    return [y0 + int(r) for r in np.flatnonzero(spread.mean(axis=1) >= share)]


def _columns_down(gray: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> list[int]:
    """Columns in x0..x1 dark all the way down y0..y1: vertical rulings through that band."""
    g = gray[y0:y1, x0:x1]
    if g.size == 0:
        return []
    return [x0 + int(c) for c in np.flatnonzero(_dark(g).mean(axis=0) >= 0.95)]


def _feet(gray: np.ndarray, label: Box, past: int, *, faint: bool = False) -> list[int]:
    """Rulings right across a label's foot: rows dark over nine tenths of the label's width (from half a
    character in, `past` pixels beyond its end), from its lower half down to _FOOT_GAP label heights under it.
    OCR's box may reach over the rule, and start a little left of the print or a box's top of it."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    H, W = gray.shape[:2]
    return _rows_across(gray, ly0 + int(0.6 * lh), min(H, ly1 + int(_FOOT_GAP * lh)), lx0 + lh // 2,
                        min(W, lx1 + past), 0.9, faint=faint)


def _sides(gray: np.ndarray, y0: int, y1: int, left_of: int, right_of: int) -> tuple[int, int] | None:
    """The nearest vertical rulings through rows y0..y1 left of column `left_of` and right of `right_of`:
    the sides of the cell or frame round a label. None where either is missing."""
    cols = _columns_down(gray, y0, y1, 0, gray.shape[1])
    left = [c for c in cols if c < left_of]
    right = [c for c in cols if c > right_of]
    return (left[-1], right[0]) if left and right else None


def cell_below(gray: np.ndarray, label: Box) -> Box | None:
    """The table cell under a label that heads its column, or the box under a label that captions it: the
    header row's foot (the box's top) runs under the whole label just below it, two vertical rulings bound
    the cell under it on either side of the label (a box's left side may stand under the label's first
    character), and a horizontal ruling across them closes it. Inside the rulings; None where the label
    heads no cell."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    H = gray.shape[0]
    # A photo blurs a hairline to 50-60 grey under the paper, half its pixels over the usual level (e 054);
    # a fainter row right across the label and past it is a ruling all the same (print stops with the label).
    feet = _feet(gray, label, lh) or _feet(gray, label, lh, faint=True)
    if not feet:
        return None
    foot = feet[-1]
    # The cell's sides: rulings over its first label height, the nearest left and right of the label.
    y0, y1 = foot + 3, min(H, foot + 3 + lh)
    sides = _sides(gray, y0, y1, lx0 + lh // 2, lx1)
    if sides is None:
        return None
    a, b = sides
    bottoms = _rows_across(gray, y1, min(H, foot + int(_CELL_DEPTH * lh)), a + 3, b - 2, 0.9)
    if not bottoms:
        # Between two sides already found, a fainter row right across is the cell's foot (a photo's blur).
        bottoms = _rows_across(gray, y1, min(H, foot + int(_CELL_DEPTH * lh)), a + 3, b - 2, 0.9, faint=True)
    if not bottoms:
        return None
    pad = max(3, lh // 8)
    box = (a + pad, foot + pad, b - pad, bottoms[0] - pad)
    return box if box[2] - box[0] >= 2 * lh and box[3] - box[1] >= lh else None


def captioned_box(gray: np.ndarray, label: Box) -> Box | None:
    """The box a label captions from its foot (甲方（签字） printed in the lower corner of an empty frame: one
    signs in the frame over it): a ruling just under the label, the frame's sides left and right of it
    running up past the label's top, and its top ruling at least two label heights over the label: room to
    sign that a column header's row (its top just over the label) has not. The frame's inside; None where
    the label heads or fills its cell. The foot and the sides are found as cell_below finds them."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    feet = _feet(gray, label, 0)
    if not feet:
        return None
    foot = feet[0]
    if foot - 2 * _SKEW <= ly0:
        return None
    # The sides: rulings down the label's own rows, the nearest left and right of it.
    sides = _sides(gray, ly0, min(foot - 2 * _SKEW, ly1), lx0, lx1 - lh // 4)
    if sides is None:
        return None
    a, b = sides
    tops = _rows_across(gray, max(0, ly0 - int(_CELL_DEPTH * lh)), max(0, ly0 - 2 * lh), a + 3, b - 2, 0.9)
    if not tops:
        return None
    top = tops[-1]
    # One frame: both sides run from its top down to the label.
    if not (_columns_down(gray, top + 2 * _SKEW, ly0, a - 1, a + 2) and _columns_down(gray, top + 2 * _SKEW, ly0, b - 1, b + 2)):
        return None
    pad = max(3, lh // 8)
    box = (a + pad, top + pad, b - pad, foot - pad)
    return box if box[2] - box[0] >= 2 * lh else None


def over_ruling(gray: np.ndarray, area: Box) -> Box:
    """The space under a label cut at the first ruling right across it: a table's border or a page's divider
    (a tear-off slip's ------ 回执 ------ under its line) closes the label's space; what lies past it is
    another part of the form. A line only under part of the space (a signing line) does not."""
    x0, y0, x1, y1 = area
    rows = _rows_across(gray, y0 + _SKEW + 1, y1, x0, x1, 0.9)
    if not rows:
        return area
    # Down to the ruling's own far edge: the ruling is taken away as a line with the rest of the box's.
    end = rows[0]
    while end + 1 in rows:
        end += 1
    return (x0, y0, x1, end + 1)


def short_of_row_below(words: list[Word], printed: list[int], area: Box, known: set[str], label_end: int) -> Box:
    """The space under a label, cut short where a signature label ends it from below: the two labels stand
    one over the other (客户签字 over 服务顾问签字), and the lower one's signature, written beside it and
    rising, lies right of both; a name written under the upper label lies within the width of either. (Other
    print under it, 日期：, has no signature of its own rising there.)"""
    x0, y0, x1, y1 = area
    for i in printed:
        b = words[i].box
        if y1 <= b[1] <= y1 + 2 and min(b[2], x1) > max(b[0], x0) and any(k in normalize(words[i].text) for k in known):
            x1 = min(x1, max(b[2], label_end))
    return (x0, y0, x1, y1)


def _run(dark: np.ndarray, x: int, step: int) -> int:
    """How far a dark run along a row goes from x in direction `step`, over gaps of a few pixels."""
    gap, last = 0, x
    while 0 <= x + step < len(dark) and gap <= 4:
        x += step
        if dark[x]:
            gap, last = 0, x
        else:
            gap += 1
    return last


def signing_line_above(gray: np.ndarray, label: Box, words: list[Word]) -> Box | None:
    """The space over a signing line that runs just above a label, wider than it on both sides, the label a
    caption under it (车主确认签字 under its line, one signs on the line): from the line up to the print over
    it or three label heights. None for a table's row border (its rulings rise above it) or no such line."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    H, W = gray.shape[:2]
    span = (max(0, ly0 - int(0.8 * lh)), ly0 + int(0.3 * lh), lx0, lx1)
    rows, hair = _rows_across(gray, *span, 0.9), False
    if not rows:
        # A signing line printed as a light grey hairline (an e-form's thin rule, j's 车主签名 under its line) is
        # lighter than a ruling, but darker than the paper just above and below it all along. Such a caption is
        # set a little lower under its line (0.8 label heights on j's forms): looked for a little higher, and
        # not in the label's own rows, whose horizontal strokes a light line's test finds too (客户签名).
        rows, hair = _rows_across(gray, max(0, ly0 - int(1.2 * lh)), ly0, lx0, lx1, 0.9, hair=True), True
    if not rows:
        return None
    y = rows[-1]
    # The line's rows: the last run of rows found, which the skew allowance spreads _SKEW rows past the line on
    # either side. Its run along the page is looked for over all of them: over the last few alone, a faint
    # lower edge breaks where the line's core runs on (i 0052: a line read a third of its length).
    first = y
    while first - 1 in rows:
        first -= 1
    low = max(0, min(first, y - _SKEW))
    if hair:
        top = max(0, low - 8)
        band = np.asarray(_hairline(gray[top : y + _SKEW + 9, :])[low - top : y + _SKEW + 1 - top].any(axis=0))
    else:
        band = np.asarray(_dark(gray[low : y + _SKEW + 1, :]).any(axis=0))
    a, b = _run(band, lx0, -1), _run(band, lx1 - 1, 1)
    if min(lx0 - a, b - lx1) < lh:
        return None
    # A table's border has the sides of the label's cell under it, beside the label, running on past its foot
    # (a bracket round the label ends with it: h 056's （接待員）); a signing line stands free (above it a
    # signature may stand as straight and tall as a ruling).
    sides = _columns_down(gray, y + 2 * _SKEW, min(H, ly1 + lh // 3), max(0, a - 4), min(W, b + 5))
    if hair:  # a table drawn in grey hairlines has grey sides
        g = gray[y + 2 * _SKEW : min(H, ly1 + lh // 3), max(0, a - 12) : min(W, b + 13)]
        down = _hairline(np.ascontiguousarray(g.T)).T.mean(axis=0) >= 0.95
        sides += [max(0, a - 12) + int(c) for c in np.flatnonzero(down)]
    if any(c < lx0 or c >= lx1 for c in sides):
        return None
    return _space_over_line(words, a, b, y, lh, H)


def underline_before(gray: np.ndarray, label: Box, words: list[Word], known: set[str]) -> Box | None:
    """The space over a signing line that ends just left of a label, the label its caption in brackets
    after it (______（客户确认签字）: one signs on the line, the label names who): a line at the label's
    foot, ending within two label heights of it and at least three long, no wider than a signing line. From
    the line up to the print over it or three label heights. None where no such line ends there."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    H = gray.shape[0]
    y0, y1 = max(0, ly0 + lh // 2), min(H, ly1 + lh // 2)
    x0 = max(0, lx0 - 20 * lh)
    if y1 <= y0 or lx0 - x0 < 3 * lh:
        return None
    dark = _dark(gray[y0:y1, x0:lx0])
    # A drawn line is dark along the row; a row of text breaks every character (a scan's skew: rows joined).
    spread = dark.copy()
    for k in range(1, _SKEW + 1):
        spread[k:] |= dark[:-k]
    best: tuple[int, int, int] | None = None  # (row, first column, last column), page coordinates
    for r in np.flatnonzero(spread.mean(axis=1) >= 0.15):
        cols = np.flatnonzero(spread[r])
        for run in np.split(cols, np.flatnonzero(np.diff(cols) > 4) + 1):
            a, b = int(run[0]), int(run[-1])
            # Drawn, not text (a row through print breaks at every character), and ending at the label.
            drawn = b - a >= 3 * lh and len(run) >= 0.9 * (b - a + 1) and lx0 - x0 - b <= 2 * lh
            if drawn and (best is None or b - a > best[2] - best[1]):
                best = (y0 + int(r), x0 + a, x0 + b)
    if best is None or best[1] <= x0 + 1:
        return None  # no line, or one running on past where a signing line would (a table's border)
    y, a, b = best
    # A signature label with its colon just left of the line: the blank is that label's (客户签字：______
    # （服务顾问确认）), not the caption's after it.
    for w in words:
        wx0, wy0, wx1, wy1 = w.box
        if (
            wx1 <= a + 2 and a - wx1 < 1.5 * lh and wy0 < y and wy1 > y - 2 * lh
            and w.text.rstrip().endswith(("：", ":")) and any(k in normalize(w.text) for k in known)
        ):
            return None
    return _space_over_line(words, a, b, y, lh, H)


def border_over_label(gray: np.ndarray, label: Box, up: float) -> int | None:
    """The row of the top of the label's frame or cell: a ruling within `up` label heights over the label,
    across the whole label and a label height past it, with the frame's side running down from it just
    left of the label. What is written over it is the frame above's (a name hanging low in the box of the
    row above), never this field's. A signing line over a caption has no side: None."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    W = gray.shape[1]
    rows = _rows_across(gray, max(0, ly0 - int(up * lh)), ly0 + lh // 4, lx0, min(W, lx1 + lh), 0.9)
    if not rows or not _columns_down(gray, rows[-1] + 2 * _SKEW, ly1, max(0, lx0 - 2 * lh), lx0):
        return None
    return rows[-1]


def _space_over_line(words: list[Word], a: int, b: int, y: int, lh: int, H: int) -> Box | None:
    """The space over a signing line from column a to b at row y where one signs: up to the print over it or
    three label heights. None where that is lower than a label."""
    top = max(0, y - 3 * lh)
    for w in words:
        wx0, wy0, wx1, wy1 = w.box
        if w.conf >= 0.8 and wy1 - wy0 <= 1.6 * lh and min(wx1, b) > max(wx0, a) and top < wy1 <= y - lh // 2:
            top = wy1
    box = (a, top, b, min(H, y + max(2, lh // 4)))
    return box if box[3] - box[1] >= lh else None


def ruled_past(gray: np.ndarray, x: int, label: Box) -> bool:
    """Does a horizontal ruling run on past column x round the label's row (three label heights over and
    under it): is there table past a vertical ruling at x? A table's outer side has bare paper (or the
    page's edge) beyond it, no next cell to sign in."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    H, W = gray.shape[:2]
    a, b = x + lh, min(W, x + 3 * lh)
    if b - a < lh:
        return False
    return bool(_rows_across(gray, max(0, ly0 - 3 * lh), min(H, ly1 + 3 * lh), a, b, 0.9))
