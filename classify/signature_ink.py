"""A signature field's ink, judged: the pixels darker than the paper beside them (or pen-blue), with the
printed lines, rules, slanted strokes and faint box borders taken away, then the strokes left measured and
the field called signed, blank or uncertain. Where the field is and what its label says is
classify/signature_labels.py; the checks over a page are classify/signature.py."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from dossier.classify.pixels import components, percentile
from dossier.classify.seal import red_mask
from dossier.classify.signature_tuning import signature_tuning
from dossier.messages import text
from dossier.models import Box, SignatureStatus

Judgement = tuple[SignatureStatus, float, Box, str | None]  # status, confidence, field box, reason
# A part this thick (area over half its outline) for its smaller side is solid: a solid disc or square
# gives 0.5, a ragged blot a little less, handwriting a pen's width (0.2-0.3 on the tuning pages).
SOLID = 0.35


def ink_masks(
    image: np.ndarray, gray: np.ndarray, box: Box, seal_mask: np.ndarray | None, lh: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ink pixels in the box (darker than the paper by a clear margin, or pen-blue), the same with
    faint grey included, and the seal ink among them (red, with its fringe), as uint8 masks."""
    x0, y0, x1, y1 = box
    g = gray[y0:y1, x0:x1]
    paper = float(percentile(g, 90))
    # Judged on a lightly blurred copy: scan noise on a faint smudge no longer crosses the threshold
    # pixel by pixel, while a pen line, even one pixel wide, stays well below it.
    blurred = cv2.GaussianBlur(g, (3, 3), 0)
    rgb = image[y0:y1, x0:x1, :3].astype(np.int16)
    red = seal_mask[y0:y1, x0:x1] if seal_mask is not None else red_mask(image[y0:y1, x0:x1])
    seal: np.ndarray = cv2.dilate(red.astype(np.uint8), np.ones((3, 3), np.uint8))
    # The seal's pink fringe goes too, but not pen strokes crossing it (red x blue is near black).
    seal |= ((rgb[..., 0] - np.maximum(rgb[..., 1], rgb[..., 2]) > 25) & (rgb[..., 0] > 100)).astype(np.uint8)
    # Seal ink is translucent red, bright in its red channel; a pen stroke across a seal is a thin
    # line dark in that channel too (a smudge over the seal darkens it broadly, and stays seal).
    r = cv2.GaussianBlur(np.ascontiguousarray(image[y0:y1, x0:x1, 0]), (3, 3), 0)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (max(7, (lh // 2) | 1),) * 2)
    pen = (r < 140) & (cv2.morphologyEx(r, cv2.MORPH_CLOSE, k).astype(np.int16) - r > 60)
    seal &= (~pen).astype(np.uint8)
    # Seal ink is left out before strokes are told from smudges, or it holds a smudge's core to it.
    ink = _contrasted(blurred, (blurred < min(paper - 60, 200)) & (seal == 0), lh)
    # Channel by channel: numpy's reduction across the last axis of a crop costs ten times as much.
    r_, g_, b_ = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    chroma = np.maximum(np.maximum(r_, g_), b_) - np.minimum(np.minimum(r_, g_), b_)
    ink |= (rgb[..., 2] - rgb[..., 0] > 40) & (chroma > 60) & (g < paper - 30)
    soft = (blurred < paper - 25) | ink  # the faint grey of a light ruling line too
    return ink.astype(np.uint8), soft.astype(np.uint8), seal


def _contrasted(gray: np.ndarray, dark: np.ndarray, lh: int) -> np.ndarray:
    """The dark pixels that are pen strokes: a stroke is darker than the paper right beside it, the
    dark core of a broad smudge or shadow is not (all round it, up to a quarter label height away,
    is nearly as dark). A connected part mostly made of such pixels is kept whole, so the inside of
    a solid blot of ink stays."""
    k = max(7, (lh // 2) | 1)
    local = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    sharp = (local.astype(np.int16) - gray > 30) & dark
    n, labels = cv2.connectedComponents(dark.astype(np.uint8), connectivity=8)
    share = np.bincount(labels.ravel(), weights=sharp.ravel(), minlength=n) / np.maximum(
        np.bincount(labels.ravel(), minlength=n), 1
    )
    keep = share >= 0.25
    keep[0] = False
    # A stroke across a smudge joins its core: the stroke stays, the core goes.
    return np.asarray(keep[labels] | sharp)


def erase(ink: np.ndarray, box: Box, ox: int, oy: int, pad: int) -> None:
    x0, y0 = max(0, box[0] - ox - pad), max(0, box[1] - oy - pad)
    x1, y1 = box[2] - ox + pad, box[3] - oy + pad
    if x1 > 0 and y1 > 0:
        ink[y0:y1, x0:x1] = 0


def drop_lines(ink: np.ndarray, lh: int) -> np.ndarray:
    """Remove ruling lines and underlines: straight runs longer than twice the label height."""
    n = max(10, 2 * lh)
    lines: np.ndarray = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, n), np.uint8))
    lines |= cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((n, 1), np.uint8))
    if lines.any():
        ink = ink & (1 - cv2.dilate(lines, np.ones((3, 3), np.uint8)))
    return ink


def drop_slanted(ink: np.ndarray, lh: int) -> np.ndarray:
    """Remove up to two thin lines slanted by up to 6 degrees that run across much of the field.

    Found by projecting the ink along each slant: a line piles into two or three rows with little
    ink just beside them (a row of text or a signature spreads over many), also when a faint copy
    broke it into pieces too short for a morphological opening.
    """
    h, w = ink.shape
    if w < 4 * lh or int(ink.sum()) < 4 * lh:
        return ink
    found = _projected_lines(ink, 2.5 * lh, max(4 * lh, 0.4 * w), 2)
    return _without_lines(ink, [(t, row, 2.5) for t, row in found]) if found else ink


def drop_faint_rules(ink: np.ndarray, soft: np.ndarray, lh: int) -> np.ndarray:
    """Remove the ruling lines of a box drawn round the field, found in `soft` (the faint ink too).

    A light grey border breaks into dashes at the ink threshold, too short for the straight-run
    pass, and left at the field's edges they read as strokes spread across it. At a lower threshold
    the border is whole again: a nearly continuous line across most of the field's width, or
    (the box's sides) most of its height. Only the line's own rows go, and not where a stroke
    crosses it: a signer's own underline is found too, and the letters sitting on it must stay.
    """
    h, w = ink.shape
    if not ink.any():
        return ink
    n = max(5, lh // 3)  # only runs along the line's direction can belong to one (and it is faster)
    if w >= 4 * lh:
        extent = max(4 * lh, 0.7 * w)
        along = cv2.morphologyEx(soft, cv2.MORPH_OPEN, np.ones((1, n), np.uint8))
        found = _projected_lines(along, 0.8 * extent, extent, 3, half=3, cover=0.8)
        ink = _without_lines(ink, _thickness(found, along), crossings=True)
    if h >= 2 * lh:
        extent = max(2 * lh, 0.6 * h)
        along = cv2.morphologyEx(soft, cv2.MORPH_OPEN, np.ones((n, 1), np.uint8))
        found = _projected_lines(along.T, 0.8 * extent, extent, 3, half=3, cover=0.8)
        ink = _without_lines(ink.T, _thickness(found, along.T), crossings=True).T
    return ink


def _thickness(lines: list[tuple[float, float]], mask: np.ndarray) -> list[tuple[float, float, float]]:
    """Each line (slope, row at x=0) with the reach of its own rows in the mask: the offsets from
    its centre row that hold at least half as many pixels as the fullest one, plus one."""
    ys, xs = np.nonzero(mask)
    out = []
    for t, row in lines:
        d = np.rint(ys - t * xs - row).astype(int)
        counts = np.bincount(d[np.abs(d) <= 5] + 5, minlength=11)
        full = np.flatnonzero(counts >= 0.5 * counts.max()) - 5
        out.append((t, row, float(np.abs(full).max()) + 1.0))
    return out


def _projected_lines(
    mask: np.ndarray, min_on: float, min_extent: float, tries: int, half: int = 1, cover: float = 0.0
) -> list[tuple[float, float]]:
    """Up to `tries` lines within 6 degrees of the horizontal in the mask, as (slope, row at x=0):
    each holds at least `min_on` pixels piled in 2 x `half` + 1 rows with at most half as many in
    the five rows just beside them on either side, and spans `min_extent` columns."""
    h, w = mask.shape
    # A line's pixels all lie in one band of rows as wide as the line plus its slant across the mask.
    band = 2 * half + 1 + int(np.ceil(_SLOPES[-1] * w))
    per_row = np.convolve(np.count_nonzero(mask, axis=1), np.ones(band, int))
    if not len(per_row) or per_row.max() < min_on:
        return []
    ys, xs = np.nonzero(mask)
    keep = np.ones(len(xs), bool)
    length = h + 2 * w + 17
    out: list[tuple[float, float]] = []
    # What lies beside a line counts all the pixels: the rows just freed by a line taken away must
    # not make what was beside it look like a line of its own.
    counts = _slope_counts(ys, xs, w + 8, length)
    beside = _window_sums(counts, -half - 5, -half - 1) + _window_sums(counts, half + 1, half + 5)
    for k in range(tries):
        if keep.sum() < min_on:
            break
        on = _window_sums(counts, -half, half)
        score = on - beside
        r_of = np.argmax(score, axis=1)  # per slope its best row; then the first slope scoring most
        i = int(np.argmax(score[np.arange(len(_SLOPES)), r_of]))
        r = int(r_of[i])
        best = (float(score[i, r]), float(_SLOPES[i]), r - w - 8, int(on[i, r]), int(beside[i, r]))
        if best[3] < min_on or best[4] > 0.5 * best[3]:
            break
        _score, t, row, _on, _beside = best
        on_line = keep & (np.abs(ys - t * xs - row) <= half + 1.5)
        # A line, or what the straight-run pass left of one, spans much of the field.
        if np.ptp(xs[on_line]) < min_extent or len(np.unique(xs[on_line])) < cover * min_extent:
            break
        out.append((t, float(row)))
        keep &= ~on_line
        if k + 1 < tries:  # what is left projects as all did, less the line taken away (whole counts)
            counts -= _slope_counts(ys[on_line], xs[on_line], w + 8, length)
    return out


_SLOPES = np.tan(np.deg2rad(np.arange(-6.0, 6.1, 0.25)))


def _slope_counts(ys: np.ndarray, xs: np.ndarray, shift: int, length: int) -> np.ndarray:
    """Per slope of _SLOPES (rows) the pixels projected onto each row at x=0 (+ shift): all slopes
    at once, a few at a time so that a field dense with ink stays small in memory."""
    out = np.empty((len(_SLOPES), length), np.int64)
    step = max(1, 400_000 // max(1, len(ys)))
    for i in range(0, len(_SLOPES), step):
        t = _SLOPES[i : i + step, None]
        rows = np.rint(ys[None, :] - t * xs[None, :]).astype(np.int64) + shift
        rows += np.arange(len(t))[:, None] * length
        out[i : i + len(t)] = np.bincount(rows.ravel(), minlength=len(t) * length).reshape(len(t), length)
    return out


def _window_sums(counts: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """For each row r of each slope, the sum of counts[r + lo .. r + hi] (within the array)."""
    n = counts.shape[1]
    cum = np.zeros((counts.shape[0], n + 1), np.int64)
    np.cumsum(counts, axis=1, out=cum[:, 1:])
    r = np.arange(n)
    return cum[:, np.clip(r + hi + 1, 0, n)] - cum[:, np.clip(r + lo, 0, n)]


def _without_lines(ink: np.ndarray, lines: list[tuple[float, float, float]], crossings: bool = False) -> np.ndarray:
    """The ink less the pixels within reach of each line (slope, row at x=0, reach in px).
    `crossings`: keep them where ink continues just beyond that band, a pen stroke crossing it."""
    if not lines:
        return ink
    ys, xs = np.nonzero(ink)
    keep = np.ones(len(xs), bool)
    for t, row, reach in lines:
        d = np.abs(ys - t * xs - row)
        band = d <= reach
        if crossings:
            cross = np.zeros(ink.shape[1] + 2, bool)
            cross[xs[(d > reach) & (d <= reach + 3)] + 1] = True
            cross = cross[:-2] | cross[1:-1] | cross[2:]  # a slanted stroke leaves the band a column on
            band &= ~cross[xs]
        keep &= ~band
    out = np.zeros_like(ink)
    out[ys[keep], xs[keep]] = 1
    return out


def owned(ink: np.ndarray, origin: tuple[int, int], own: Box, others: list[Box], lh: int, reach: float) -> np.ndarray:
    """The ink (a mask whose top-left pixel is at `origin` on the page) within `reach` label heights of
    the label `own` and at most half as far from it as from any of the `others`, part by part (a word's
    strokes joined first, half a label height apart): where forms put the name above a rule over the
    label, beside a caption in a box's corner or in the cell under a header, the name is written close
    to its own label, not between two."""
    if not ink.any():
        return ink
    k = max(3, (lh // 2) | 1)
    n, labels, stats = components(cv2.dilate(ink, np.ones((k, k), np.uint8)))
    ox, oy = origin
    keep = np.zeros(n, bool)
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if min(w, h) <= k + 0.2 * lh and max(w, h) >= 1.5 * lh:
            continue  # a bar a pen's width thick: a piece of a broken ruling (b06 013_visit_1), no name
        part = (x + ox, y + oy, x + w + ox, y + h + oy)
        d = _gap(part, own)
        keep[i] = d <= reach * lh and all(2 * d < _gap(part, o) and not _beside(part, o, own, lh) for o in others)
    return ink & keep[labels].astype(np.uint8)


def _beside(part: Box, other: Box, own: Box, lh: int) -> bool:
    """Is the part on another label's line, right of it, and not on the own label's: that label's field,
    where every label points (b06 002_visit_1: a name on the underline of the label below)."""
    def rows(a: Box, b: Box) -> bool:
        return min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * min(a[3] - a[1], b[3] - b[1])
    return rows(part, other) and part[0] >= other[2] - lh and not rows(part, own)


def _gap(a: Box, b: Box) -> float:
    """Distance from a part `a` to a label `b` (0 where they overlap), the horizontal part at half where the
    part lies wholly above or below the label: a name over a rule or in the cell under a header is written
    anywhere along it (e 0017: three label heights left of a centred header), beside a label close to it.
    Above the label the vertical part counts twice: a name over a rule printed above its label sits on the
    rule, just over it; what stands higher is the line above's (e 0077: a title over a table's row)."""
    dx = max(0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0, max(a[1], b[1]) - min(a[3], b[3]))
    if a[3] <= b[1]:
        dy *= 2
    return float(np.hypot(dx / 2 if dy else dx, dy))


@dataclass
class Strokes:
    """What is left in a field after print, lines and seal ink are removed."""

    length: float = 0.0  # total stroke length (outline pixels / 2), in label heights
    span: float = 0.0  # joint extent of the strokes, in label heights
    count: int = 0  # pen strokes (connected components bigger than a speck)
    straight: bool = False  # a single straight stroke
    smudges: int = 0  # filled blobs ignored as smudges


def stroke_evidence(ink: np.ndarray, lh: int) -> Strokes:
    """Measure the pen strokes in an ink mask; specks and filled blobs do not count."""
    n, labels, stats = components(ink)
    # Each part's outline: a blob is solid (as thick as half its width), a dense character written in
    # a bold pen (鑫, 郭) fills half its box too but is strokes a pen's width thick with paper between.
    edge = ink & (1 - cv2.erode(ink, np.ones((3, 3), np.uint8)))
    outlines = np.bincount(labels[edge > 0], minlength=n)
    keep = np.zeros(n, bool)
    out = Strokes()
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if max(w, h) < 0.3 * lh:
            continue  # a speck, a dot: too small to tell anything
        if area > 0.5 * w * h and min(w, h) > 0.2 * lh and 2 * area >= SOLID * min(w, h) * max(1, int(outlines[i])):
            out.smudges += 1  # a filled blob: a smudge or a blot, not a pen stroke
            continue
        keep[i] = True
    kept = np.nonzero(keep)[0]
    out.count = len(kept)
    if not out.count:
        return out
    strokes = keep[labels].astype(np.uint8)
    outline = strokes & (1 - cv2.erode(strokes, np.ones((3, 3), np.uint8)))
    out.length = float(outline.sum()) / (2 * lh)
    ys, xs = np.nonzero(strokes)
    out.span = float(max(xs.max() - xs.min() + 1, ys.max() - ys.min() + 1)) / lh
    # One straight stroke, also when an erased underline cut it in pieces: straight pieces, all on one line.
    # The pen's width (area over half the outline) is no bend: a short thick line is still straight.
    width = 2 * float(strokes.sum()) / max(1.0, float(outline.sum()))
    line = strokes & (1 - _specks(strokes, width, lh))
    if line.sum() < 0.6 * strokes.sum():  # thick strokes, not a line with specks on it
        line = strokes
    ly, lx = np.nonzero(line)
    limit = signature_tuning().straightness
    # A few pieces, or many flat dashes: a thin stray line a scan broke up (h 031: seven dashes of one line).
    flat = all(min(int(stats[k, 2]), int(stats[k, 3])) <= max(3, lh // 4) for k in kept.tolist())
    out.straight = (out.count <= 4 or flat) and _straightness(lx, ly, width) < limit
    for k in kept.tolist() if out.straight else []:
        x, y, w, h = (int(v) for v in stats[k, :4])
        if max(w, h) < lh:  # a short piece only has to lie on the line
            continue
        py, px = np.nonzero((labels[y : y + h, x : x + w] == k) & (line[y : y + h, x : x + w] > 0))
        out.straight = out.straight and _straightness(px, py, width) < limit
    return out


def _specks(strokes: np.ndarray, width: float, lh: int) -> np.ndarray:
    """Specks stuck to the strokes: small round blobs thicker than the pen (what an opening by a
    disc wider than the pen keeps, and no bigger than a speck), with two pixels round them."""
    d = int(round(width)) + 2
    blobs = cv2.morphologyEx(strokes, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (d, d)))
    if not blobs.any():
        return blobs
    n, labels, stats = components(blobs)
    small = np.r_[False, np.maximum(stats[1:, 2], stats[1:, 3]) < 0.3 * lh]
    out: np.ndarray = cv2.dilate(small[labels].astype(np.uint8), np.ones((5, 5), np.uint8))
    return out


def verdict(ink: np.ndarray, lh: int, box: Box) -> Judgement:
    """signed / blank / uncertain from the strokes left in the field.

    Evidence is stroke length (outline pixels / 2), so thin and thick pens count alike, and
    spread (the strokes' joint extent), both in label heights.
    """
    t = signature_tuning()
    s = stroke_evidence(ink, lh)
    if not s.count:
        return "blank", 0.85 if s.smudges else 0.95, box, None
    if s.straight or s.length < t.blank_length or s.span < t.blank_span:
        return "blank", 0.8 if s.straight or s.length < 0.5 * t.blank_length else 0.6, box, None
    if s.length >= t.signed_length and s.span >= t.signed_span:
        conf = min(0.98, 0.6 + 0.25 * min(1.0, s.length / 10) + 0.13 * min(1.0, s.span / 3))
        return "signed", round(conf, 3), box, None
    return "uncertain", 0.5, box, text("signature.too_little_ink")


def _straightness(xs: np.ndarray, ys: np.ndarray, width: float = 0.0) -> float:
    """Spread of the pixels across their main axis over their length, less what a straight bar of
    the given width spreads (width^2 / 12): ~0 for a straight line."""
    if len(xs) < 5:
        return 0.0
    cov = np.cov(np.stack([xs, ys]).astype(float))
    ev = np.sort(np.linalg.eigvalsh(cov))
    return float(np.sqrt(max(ev[0] - width * width / 12, 0.0) / max(ev[1], 1e-9)))
