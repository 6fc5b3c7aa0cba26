"""Find red (and, where the evidence is strong, grey) seals on a page image: compact closed rings or
square frames with text inside, judged by their geometry, never by colour alone. How each case is found
(red rings, arcs cut by print, grey copies, a matched filter, dotted black-and-white seals, square name
seals by their frame: classify/seal_square.py) and why:
docs/tuning.md, "How seals are found". Thresholds: dossier/policies/tuning/seal.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Literal

import cv2
import numpy as np
from pydantic import BaseModel

from dossier.classify.pixels import components, percentile
from dossier.classify.seal_square import Frame, band_kernel, square_frames, square_seals
from dossier.classify.seal_tuning import seal_tuning
from dossier.models import Box

# OpenCV's rotated ellipse: centre, full axis lengths, rotation in degrees.
Ellipse = tuple[tuple[float, float], tuple[float, float], float]


class SealHit(BaseModel):
    box: Box  # x0, y0, x1, y1 in pixels of the given image
    shape: Literal["round", "oval", "square"]
    score: float


def red_mask(image: np.ndarray) -> np.ndarray:
    """Pixels of red or pink ink (seal colour), as a bool array of the image's size.

    Red-brown form ink (hue ~15 on OpenCV's 0-180 scale) is left out; red wraps round hue 0.
    """
    return _red(cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2HSV))


def _paper_white(rgb: np.ndarray) -> np.ndarray:
    """The image with its paper made white: tinted paper (cream, pale blue) shifts a pale seal's hue out
    of red (pink on cream reads hue 10-12, the hue of brown print). The paper is the brightest tenth of
    each channel; a page too dark or too colourful for that to be paper is left as it is."""
    paper = np.percentile(rgb[::4, ::4].reshape(-1, 3), 90, axis=0)
    if paper.min() < 180 or paper.max() - paper.min() < 6:
        return rgb
    out: np.ndarray = cv2.transform(rgb, np.diag(255 / paper))  # saturates at 255
    return out


def _colour_ink(hsv: np.ndarray) -> bool:
    """Whether the page holds ink of a clear colour, any hue: more than two in ten thousand pixels."""
    return cv2.countNonZero(cv2.inRange(hsv, (0, 60, 60), (255, 255, 255))) >= 0.0002 * hsv.shape[0] * hsv.shape[1]


def _red_hues(hsv: np.ndarray, min_s: int, min_v: int) -> np.ndarray:
    """255 where the hue is red (0-10 or 160-179: it wraps round 0) at least this saturated and bright.
    cv2.inRange, not numpy comparisons on the channels' strided views: the same mask at a fifth of the cost."""
    low: np.ndarray = cv2.inRange(hsv, (0, min_s, min_v), (10, 255, 255))
    return low | cv2.inRange(hsv, (160, min_s, min_v), (255, 255, 255))


def _red(hsv: np.ndarray) -> np.ndarray:
    return _red_hues(hsv, 55, 60) > 0


def _reddish(hsv: np.ndarray) -> np.ndarray:
    """Red of any strength (a pale seal's washed-out ink), as a uint8 mask."""
    return _red_hues(hsv, 25, 60) // 255


def _pale(hsv: np.ndarray) -> np.ndarray:
    """Faintly pink ink, as a uint8 mask: a lightly pressed seal photographed under a lamp keeps a red
    hue where its saturation falls below `_reddish`'s (the pale side of its ring, 15-25 of 255)."""
    return _red_hues(hsv, seal_tuning().pale_saturation, 60) // 255


def _on_paper(hits: list[_Hit], hsv: np.ndarray, ink: Callable[[], np.ndarray] | None = None) -> list[_Hit]:
    """The red hits pressed on paper: the band round the seal is paper or print, not colour. In a
    photo a red mark on a magenta or pink ground is no seal (two false seals on the tuning sets:
    0.74 and 1.0 of the band strongly coloured; round every seal found there, at most 0.34).
    Nor is a round or oval hit whose inside is solid colour (a coloured patch), or thumbprint-sized and
    much coloured inside (a thumbprint: colour_fill),
    nor a hit in a rubber stamp's oblong frame (`_in_stamp_frame`; `ink`: the page's red, made on demand)."""
    if ink is not None and hits:
        hits = [hit for hit in hits if not _in_stamp_frame(ink(), hit[0])]
    if not hits:
        return hits
    colourful = ((hsv[..., 1] >= 50) & (hsv[..., 2] >= 60)).astype(np.uint8)
    t = seal_tuning()
    small = t.thumb_size * min(hsv.shape[:2])
    kept = []
    for hit in hits:
        x0, y0, x1, y1 = hit[0]
        ell: Ellipse = (((x0 + x1) / 2, (y0 + y1) / 2), (float(x1 - x0), float(y1 - y0)), 0.0)
        _ring, outside, inside, _visible = ring_features(ell, colourful)
        # A ring's inside is paper with characters on it; a coloured patch in a photo is solid, and a
        # thumbprint, smaller than any ring seal, is an oval of ridges that blur into colour at the working
        # scale. A square name seal may be cut in relief, its characters white on red: not judged so.
        fill = t.colour_solid if max(x1 - x0, y1 - y0) >= small else t.colour_fill
        if outside <= 0.5 and (hit[1] == "square" or inside < fill):
            kept.append(hit)
    return kept


def _in_stamp_frame(ink: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the hit lies in an oblong rectangular frame: a rubber stamp (已结清, 收讫, PAID, a date),
    a few large characters or a date in a rectangle, often doubled, is no seal. A seal's ring is round or
    oval and a name seal's frame square; a stamp's frame is a rectangle longer than it is high and no
    larger than a stamp (a table's frame, its rulings removed from `ink` beforehand, is larger still).

    The larger marks of `ink` (long rulings removed) in a window round the hit as large as a long stamp
    (the hit may be one of the stamp's characters, or one end of it) are each fitted by their smallest turned rectangle; one is a frame when ink
    runs along all four sides of it (an oval touches its bounding rectangle only near four points: ~0.35
    of the sides' middles; a frame all along them, rounded corners or not) and it holds the hit's centre."""
    x0, y0, x1, y1 = box
    H, W = ink.shape
    short = min(H, W)
    m = max(x1 - x0, y1 - y0, int(0.2 * short))
    wx0, wy0, wx1, wy1 = max(0, x0 - m), max(0, y0 - m), min(W, x1 + m), min(H, y1 + m)
    window = np.ascontiguousarray(ink[wy0:wy1, wx0:wx1])
    n, labels, stats, _c = cv2.connectedComponentsWithStats(window, connectivity=8)
    centre = ((x0 + x1) / 2 - wx0, (y0 + y1) / 2 - wy0)
    sx_, sy_, sw_, sh_ = (stats[:, k] for k in range(4))
    # Marks large enough, no larger than a stamp, whose bounds hold the hit's centre (as their rectangle must).
    big = np.flatnonzero(
        (np.maximum(sw_, sh_) >= 0.6 * max(x1 - x0, y1 - y0)) & (np.minimum(sw_, sh_) <= 0.5 * short)
        & (sx_ <= centre[0]) & (sy_ <= centre[1]) & (sx_ + sw_ >= centre[0]) & (sy_ + sh_ >= centre[1])
    )
    for k in big[big > 0].tolist():
        bx, by, bw, bh = (int(v) for v in stats[k, :4])
        mark = np.zeros((bh + 2, bw + 2), np.uint8)  # the mark alone, a pixel of paper round it
        mark[1:-1, 1:-1] = labels[by : by + bh, bx : bx + bw] == k
        ys, xs = np.nonzero(mark)
        rect = cv2.minAreaRect(np.stack([xs, ys], axis=1).astype(np.float32))
        (cx, cy), (w, h), angle = rect
        if min(w, h) < 4 or max(w, h) < 1.35 * min(w, h) or min(w, h) > 0.2 * short or max(w, h) > 0.5 * short:
            continue  # square (a name seal's frame, judged as such), or larger than a stamp
        if cv2.pointPolygonTest(cv2.boxPoints(rect), (centre[0] - bx + 1, centre[1] - by + 1), False) < 0:
            continue
        # The rectangle's sides, their middle 70 % (a stamp's corners may be rounded), sampled a pixel and a
        # half inside its outer edge, against the ink grown a pixel.
        t = np.deg2rad(angle)
        u = np.linspace(-0.35, 0.35, 60)
        a, b = w / 2 - 1.5, h / 2 - 1.5
        px = np.concatenate([u * 2 * a, np.full(60, a), -u * 2 * a, np.full(60, -a)])
        py = np.concatenate([np.full(60, -b), u * 2 * b, np.full(60, b), -u * 2 * b])
        sx = np.rint(cx + px * np.cos(t) - py * np.sin(t)).astype(np.intp)
        sy = np.rint(cy + px * np.sin(t) + py * np.cos(t)).astype(np.intp)
        grown = cv2.dilate(mark, np.ones((3, 3), np.uint8))
        ok = (sx >= 0) & (sy >= 0) & (sx < grown.shape[1]) & (sy < grown.shape[0])
        on = np.zeros(len(sx), bool)
        on[ok] = grown[sy[ok], sx[ok]] > 0
        sides = on.reshape(4, 60).mean(axis=1)
        if sides.min() >= 0.5 and sides.mean() >= 0.8:  # a side may be half broken where print crosses it
            return True
    return False


def find_seals(image: np.ndarray, *, grey: bool = True) -> list[SealHit]:
    """Seals on the page, best first. `grey=False` skips the photocopy (grey ring) check."""
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    height, width = image.shape[:2]
    # An integer factor takes OpenCV's fast path for area averaging (3 ms instead of 18 on A4).
    t = seal_tuning()
    factor = -(-max(height, width) // t.work_side)
    small = np.ascontiguousarray(image[..., :3])
    if factor > 1:
        small = cv2.resize(small, None, fx=1 / factor, fy=1 / factor, interpolation=cv2.INTER_AREA)
    scale = small.shape[1] / width
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    hsv = cv2.cvtColor(_paper_white(small), cv2.COLOR_RGB2HSV)
    red: np.ndarray = _red(hsv).astype(np.uint8)
    # Black strokes crossing a ring cut it in the red mask: dark grey pixels in such a narrow gap
    # between red ink join it (not brown ones: that is the colour of invoice print; and not the
    # rest of a black character that merely touches the seal).
    gap = cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    red |= gap & (gray < 110).astype(np.uint8) & (hsv[..., 1] < 90).astype(np.uint8)
    red = cv2.morphologyEx(red, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))
    hits: list[_Hit] = []

    @cache
    def least() -> float:  # the smallest seal to claim: the page's text height a few times (one pass, once)
        return t.text_ratio * text_height(_faint_ink(gray))

    reddish = _reddish(hsv)

    @cache
    def frames() -> np.ndarray:  # all red ink, print's gaps in it joined, long rulings removed (once)
        return _without_lines(red | reddish)
    if red.any() or reddish.any():
        lined = _without_lines(red)
        hits = _on_paper(_scan(red, colour=True) + _scan(lined, colour=True), hsv, frames)
        if not hits:  # a ring cut into arcs by print crossing it: the arcs still trace it
            hits = _on_paper(_rings(lined, colour=True), hsv, frames)
        # A pale ring, left in bits too small to trace (JPEG and noise wash its colour out), on a page
        # with red ink enough not to be searched as grey: looked for in all reddish ink, long lines
        # removed (its text too is pale: on the tuning sets 0.01-0.03 of the inside in the red mask,
        # 0.11-0.26 reddish, the band outside 0.0-0.11). A seal pale all over may leave no pixel red at all.
        reddish_lined = None  # all reddish ink, long lines removed: made once, for both searches below
        if not hits and max(red.mean(), reddish.mean()) >= 0.001:
            reddish_lined = _without_lines(reddish)
            hits = _on_paper(_filtered_rings(reddish_lined, reddish, colour=True), hsv, frames)
            if not hits:  # ... or traced by its arcs, at any seal size (the filter's are A4's)
                hits = _on_paper(_rings(reddish_lined, colour=True, pale=_without_lines(_pale(hsv))), hsv, frames)
            if not hits:  # ... or paler still: looked for whole, where its ring is only faintly pink
                hits = _on_paper(_filtered_rings(_without_lines(_pale(hsv)), colour=True), hsv, frames)
        # A square name seal's frame, pale and thin, breaks in the red mask: looked for in all reddish ink.
        if not hits:
            if reddish_lined is None:
                reddish_lined = _without_lines(reddish)
            squares = square_seals(reddish_lined, least())
            hits = _on_paper([(box, "square", score) for box, score in squares], hsv, frames)
    # A page with red ink on it is a colour scan: its seals are red, so no grey ring is looked for.
    if grey and not hits and red.mean() < 0.001:
        hits = _scan(_dark_rings(gray), colour=False)
        # A ring merged with the text it was pressed over, or faint; looked for also where another seal
        # stands clear: a seal touching a label's print is one such, beside the clear seal of another field.
        faint = _without_lines(_faint_ink(gray))
        hits += _rings(faint, colour=False)
        if not hits:  # ... so merged that no arc of it stands out: looked for whole
            hits = _filtered_rings(faint)
        # A black-and-white scan leaves a pale seal as scattered dots: traced by their density. A page with
        # colour ink on it (a blue pen) is no black-and-white scan: the grey and black-and-white pages of
        # the tuning sets hold none, not a pixel (seed 20261215: 109 pages).
        if not hits and not _colour_ink(hsv):
            dotted = _without_lines(_dotted_ink(gray))
            # Whole rings only: tracing arcs too found none more, at twice the cost. Density blurs print
            # into rings too (a table column, a centred heading): the dots must run round in the ink.
            hits = _filtered_rings(dotted, traced=faint)
            # Density blurs print into blobs, so only a company seal's size is claimed here (the sizes
            # the filter looks for): four reception sheets' smaller ovals of table text were false.
            hits = [h for h in hits if max(h[0][2] - h[0][0], h[0][3] - h[0][1]) >= t.filter_round[0] * min(gray.shape)]
        # A copy turns a red seal into a grey lighter than the print: pale, its ring washes out of the
        # working copy's ink, or merges with the print over it. Looked for in the ink lighter than print
        # alone, on a page with no colour ink (a pen's blue is as grey as a copied seal).
        if not hits and not _colour_ink(hsv):
            hits = _light_rings(image, factor, gray.shape)
        if hits:
            # Black print is what the grey passes see: a ring no larger than the text is a character.
            hits = [h for h in hits if max(h[0][2] - h[0][0], h[0][3] - h[0][1]) >= least()]
            # ... and a copied rubber stamp keeps its oblong frame (print crossing it is joined to it).
            hits = [h for h in hits if not _in_stamp_frame(faint, h[0])]
        # A copied name seal by its square frame, at last: not a table's cell (its sides run on) and not
        # print (a logo's frame is as dark as the text).
        if not hits:
            found = square_frames(faint, least(), cells=True)
            hits = [
                (f.box, "square", f.score) for f in found
                if not _in_stamp_frame(faint, f.box) and (
                    _lighter_than_print(image, _full_box(f.box, scale, width, height)) or _frame_lighter(image, f, scale)
                )
            ]
    return [
        SealHit(box=_full_box(box, scale, width, height), shape=shape, score=round(score, 3))
        for box, shape, score in _suppress(hits)
    ]


def _light_ink(image: np.ndarray, factor: int, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray] | None:
    """The working copy's masks (long rulings removed) of ink lighter than the page's print, and of all
    ink, from the page at full resolution, each working pixel the darkest of the page's pixels it covers:
    a thin pale line keeps its grey (area averaging fades it into the paper), and print's edges keep the
    print's. Print is its darkest tenth of ink; lighter is light_margin above that, and light_paper below
    the paper; a pixel next to print is print's edge. None on a page with too little ink to tell."""
    t = seal_tuning()
    gray = cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)
    sample = gray[::2, ::2]
    paper = float(percentile(sample, 90))
    ink = sample[sample < paper - 45]
    if ink.size < 100:
        return None
    level = float(np.percentile(ink, 10)) + t.light_margin
    darkest = cv2.erode(gray, np.ones((factor, factor), np.uint8))[::factor, ::factor] if factor > 1 else gray
    pooled = np.full(shape[:2], 255, np.uint8)  # the working copy's size (its rounding may differ by a pixel)
    h, w = min(shape[0], darkest.shape[0]), min(shape[1], darkest.shape[1])
    pooled[:h, :w] = darkest[:h, :w]
    dark = (pooled <= level).astype(np.uint8)
    light = ((pooled > level) & (pooled < paper - t.light_paper)).astype(np.uint8)
    light &= 1 - cv2.dilate(dark, np.ones((3, 3), np.uint8)).astype(np.uint8)
    return _without_lines(light), _without_lines(light | dark)


def _light_rings(image: np.ndarray, factor: int, shape: tuple[int, ...]) -> list[_Hit]:
    """Copied seals' rings in the ink lighter than the print (`_light_ink`), proposed by the matched
    filter and by their arcs at the grey rings' sizes. Kept when the ring runs round in all ink (print
    crossing it cuts it in the light ink) and mostly in the light ink, little light ink lies just outside,
    it is a line (`ring_width`), its inside is not solid, and it holds the seal's text in light ink; or,
    whole and standing clear, holds none (a copy loses a pale seal's thin text before its ring)."""
    masks = _light_ink(image, factor, shape)
    if masks is None:
        return []
    light, ink = masks
    t = seal_tuning()
    short = min(light.shape)
    if cv2.countNonZero(light) < t.min_pixels:
        return []
    candidates = [_fit_ring(e, light) for e in ring_filter(light)]
    candidates += ring_candidates(light, t.grey_min * short, t.grey_max * short)
    hits: list[_Hit] = []
    for ell in candidates:
        ring, outside, text, visible = ring_features(ell, light)
        whole, _outside, inside, _visible = ring_features(ell, ink)
        empty = whole >= 0.95 and ring >= 0.9 and outside <= 0.05
        if (
            ring >= t.light_ring and whole >= 0.9 and outside <= 0.2 and visible >= 0.7 and inside <= 0.6
            and (text >= 0.03 or empty) and ring_width(ell, light) <= t.ring_width
        ):
            hits.append(_ring_hit(ell, ring, outside))
    return hits


def _full_box(box: tuple[int, int, int, int], scale: float, width: int, height: int) -> Box:
    """A working copy's box in the page's own pixels."""
    x0, y0, x1, y1 = box
    return int(x0 / scale), int(y0 / scale), min(width, int(np.ceil(x1 / scale))), min(height, int(np.ceil(y1 / scale)))


def _lighter_than_print(image: np.ndarray, box: tuple[int, int, int, int]) -> bool:
    """Whether the ink in the box (full-resolution pixels) is clearly lighter than the page's print: a red
    seal copies to grey, a printed logo or boxed heading stays as dark as the text. Judged at full
    resolution, where a thin stroke's core keeps its own grey, by the darker quarter of the ink (a
    signature crossing the seal darkens less than that)."""
    t = seal_tuning()
    gray = cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)
    sample = gray[::2, ::2]
    level = float(percentile(sample, 90)) - 45
    x0, y0, x1, y1 = box
    mark, page = gray[y0:y1, x0:x1], sample[sample < level]
    mark = mark[mark < level]
    if mark.size == 0 or page.size == 0:
        return False
    return float(np.percentile(mark, 25)) >= float(np.percentile(page, 25)) + t.square_lighter


def _frame_lighter(image: np.ndarray, frame: Frame, scale: float) -> bool:
    """Whether a square frame found on a grey copy is drawn in ink clearly lighter than the page's print,
    judged on the frame's own line (`_side_greys`), not on all the ink in its box: print crossing a copied
    seal, or a signature over it, is as dark as print (sets f, g, h: copied name seals under a printed line
    or a signature, their boxes' ink as dark as the print's, their frames +40 grey levels and more lighter
    than the print's strokes). The median of the sides inked, against the print's darkest tenth, by more
    than a thin ruling's core blurs lighter than a text stroke's (square_line_lighter)."""
    cx, cy, side, turn = frame.square
    found = _side_greys(image, (cx / scale, cy / scale, side / scale, turn))
    if found is None:
        return False
    greys, print_grey = found
    inked = [g for g in greys if g is not None]
    return len(inked) >= 3 and float(np.median(inked)) >= print_grey + seal_tuning().square_line_lighter


def _side_greys(image: np.ndarray, square: tuple[float, float, float, float]) -> tuple[list[float | None], float] | None:
    """The grey of a square frame's ink on each side (bottom, top, right, left), at full resolution, and
    the page's print's: per position along a side, the darkest pixel across the frame's band (the line's
    core), their median over the positions inked (print crossing the side darkens a few of them only);
    None for a side inked along less than half its length. The print's is the darkest tenth of the
    page's ink (its strokes' cores: thin print's edges are as grey as a copied seal). None on a page
    with no ink to tell."""
    gray = cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)
    sample = gray[::2, ::2]
    level = float(percentile(sample, 90)) - 45
    page = sample[sample < level]
    if page.size == 0:
        return None
    cx, cy, side, turn = square
    t = np.deg2rad(turn)
    along = np.linspace(-0.85, 0.85, 32)
    depth = np.linspace(0.84, 1.14, 13)[:, None]
    H, W = gray.shape
    out: list[float | None] = []
    for u, v in ((along, depth), (along, -depth), (depth, along), (-depth, along)):
        uu, vv = np.broadcast_arrays(u, v)
        xs = np.clip(np.rint(cx + side / 2 * (uu * np.cos(t) - vv * np.sin(t))).astype(np.intp), 0, W - 1)
        ys = np.clip(np.rint(cy + side / 2 * (uu * np.sin(t) + vv * np.cos(t))).astype(np.intp), 0, H - 1)
        core = gray[ys, xs].min(axis=0)
        inked = core < level
        out.append(float(np.median(core[inked])) if inked.mean() >= 0.5 else None)
    return out, float(np.percentile(page, 10))


def text_height(ink: np.ndarray) -> float:
    """The height of the page's characters, in the mask's pixels: a high percentile of the heights of
    character-sized marks (not specks, not rules; a character's strokes are several marks, its frame
    or a long stroke as tall as it). 0 on a page with too little print to tell."""
    _n, _labels, stats = components(ink)
    w, h = stats[1:, 2], stats[1:, 3]
    marks = h[(h >= 3) & (w >= 2) & (w <= 4 * h) & (h <= 8 * w)]
    return float(np.percentile(marks, 80)) if len(marks) >= 20 else 0.0


def has_seal(image: np.ndarray) -> bool:
    return bool(find_seals(image))


_Hit = tuple[tuple[int, int, int, int], Literal["round", "oval", "square"], float]


def _without_lines(mask: np.ndarray) -> np.ndarray:
    """The mask minus long horizontal and vertical runs (table rulings, underlines).

    Where a removed line crossed a seal's ring the gap is closed again across the line.
    """
    length = max(15, int(seal_tuning().line_length * min(mask.shape)))
    across = np.ones((3, 3), np.uint8)
    horiz: np.ndarray = cv2.dilate(
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, length), np.uint8)), across
    )
    vert: np.ndarray = cv2.dilate(
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((length, 1), np.uint8)), across
    )
    out: np.ndarray = mask & (1 - horiz) & (1 - vert)
    out |= cv2.morphologyEx(out, cv2.MORPH_CLOSE, np.ones((9, 1), np.uint8)) & horiz
    out |= cv2.morphologyEx(out, cv2.MORPH_CLOSE, np.ones((1, 9), np.uint8)) & vert
    return out


def _dark_rings(gray: np.ndarray) -> np.ndarray:
    """Ink mask of a grey page, for finding a photocopied seal's ring."""
    ink = (gray < min(160, int(percentile(gray, 50)) - 40)).astype(np.uint8)
    return cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((3, 3), np.uint8))


def _faint_ink(gray: np.ndarray) -> np.ndarray:
    """Every mark clearly darker than the paper: a copied seal turns light grey (90-180)."""
    return (gray < min(205, float(percentile(gray, 90)) - 45)).astype(np.uint8)


def _dotted_ink(gray: np.ndarray) -> np.ndarray:
    """Where marks lie thick enough to darken the paper around them a little: a black-and-white
    scanner turns a pale seal's ring into dots, a few in every patch, that no ink threshold joins.
    (Bilevel pages of the tuning sets: seals found 22 of 47 without this, 29 with; no false ones.)"""
    soft = cv2.blur(gray, (5, 5))
    return (soft < float(percentile(soft, 90)) - 10).astype(np.uint8)


def _rings(mask: np.ndarray, *, colour: bool, pale: np.ndarray | None = None) -> list[_Hit]:
    """Seal rings traced by arcs: a ring cut by print crossing it, or merged with the text under it.

    Kept when ink runs round (nearly) the whole ring while the band just outside it is mostly
    empty, and the inside holds some ink (the seal's text) but is not solid. `pale`: the palest red
    ink, where a coloured ring whole and standing clear may show its text (its thin strokes wash out
    before the ring does).
    """
    short = min(mask.shape)
    t = seal_tuning()
    lo, hi = (max(t.min_pixels, t.min_size * short), 0.45 * short) if colour else (t.ring_min * short, t.ring_max * short)
    hits: list[_Hit] = []
    for ell in ring_candidates(mask, lo, hi):
        ring, outside, density, visible = ring_features(ell, mask)
        # A red mask holds little but seals (a pale one loses bits of ring); grey ink is everywhere,
        # so there the ring must be near whole and the seal's text inside it — a little text will do
        # inside a whole ring standing clear (an invoice seal over a table, its rulings removed).
        # A pale seal keeps its ring longer than its thin text: a coloured ring whole and standing quite
        # clear needs only a trace of text inside (invoice ovals of the tuning sets: 0.01-0.02).
        if colour:
            text = 0.01 if ring >= 0.9 and outside <= 0.05 else 0.03
        else:
            text = 0.06 if ring >= 0.95 and outside <= 0.2 else 0.1
        if colour and pale is not None and density < text and ring >= 0.9 and outside <= 0.05:
            density = ring_features(ell, pale)[2]
            text = 0.03
        if ring >= (0.8 if colour else 0.85) and outside <= (0.35 if colour else 0.45) and visible >= 0.7 and (
            text <= density <= 0.6
        ) and (colour or ring_width(ell, mask) <= t.ring_width):
            hits.append(_ring_hit(ell, ring, outside))
    return hits


def _ring_hit(ell: Ellipse, ring: float, outside: float) -> _Hit:
    """A ring judged a seal: its box (the circle round it), shape and score."""
    (cx, cy), (d1, d2), _angle = ell
    r = max(d1, d2) / 2
    box = (max(0, int(cx - r)), max(0, int(cy - r)), int(cx + r) + 1, int(cy + r) + 1)
    axes = sorted((d1, d2))
    shape: Literal["round", "oval", "square"] = "round" if axes[0] >= 0.88 * axes[1] else "oval"
    return box, shape, 0.6 * ring + 0.4 * (1 - outside)


def _filtered_rings(
    mask: np.ndarray, ink: np.ndarray | None = None, traced: np.ndarray | None = None, *, colour: bool = False
) -> list[_Hit]:
    """Seal rings the matched filter proposes on `mask`, fitted to the ink (`ink`, by default the
    mask) and judged as `_rings` judges traced ones, but more strictly: the filter proposes rings
    anywhere, the tracing only along arcs. `traced`: the page's ink where `mask` is a density of dots;
    a ring not whole and clear there must run round in it too (dotted_traced), and a whole ring standing
    clear needs only dotted_text of text inside (a black-and-white scan dots a pale seal's thin text away first).
    Not `colour` (grey ink), the ring must be a line (`ring_width`)."""
    t = seal_tuning()
    ink = mask if ink is None else ink
    hits: list[_Hit] = []
    for rough in ring_filter(mask):
        ell = _fit_ring(rough, ink)
        ring, outside, density, visible = ring_features(ell, ink)
        clear = ring >= 0.95 and outside <= 0.2  # whole and standing clear: the dots alone suffice
        text = t.dotted_text if traced is not None and clear else 0.1
        if ring >= 0.9 and outside <= 0.3 and visible >= 0.7 and text <= density <= 0.6 and (
            traced is None or clear or _runs_in_ink(ell, traced, outside)
        ) and (colour or ring_width(ell, ink) <= t.ring_width):
            hits.append(_ring_hit(ell, ring, outside))
    return hits


def _runs_in_ink(ell: Ellipse, traced: np.ndarray, outside: float) -> bool:
    """Whether a ring found in the density of dots runs round in the page's ink: along dotted_traced of
    its angles; or, standing alone in the dots (dotted_alone: no print round it), along dotted_joined of
    them once the ink is grown a pixel: a black-and-white scan breaks a pale seal's ring into dots a pixel
    or two apart, which its ink threshold keeps only in part (h, f: 0.65-0.74 of the ring; joined, 0.89).
    Print blurred into a ring has print round it (the development sets' such rings: 0.10 and more)."""
    t = seal_tuning()
    if ring_features(ell, traced)[0] >= t.dotted_traced:
        return True
    if outside > t.dotted_alone:
        return False
    joined = cv2.dilate(traced, np.ones((2, 2), np.uint8))
    return ring_features(ell, joined)[0] >= t.dotted_joined


def ring_filter(mask: np.ndarray) -> list[Ellipse]:
    """Seal-sized ellipses where ink runs round the ring and little just outside it, best first.

    A matched filter proposes them (mean ink on the ring band minus mean ink on a band just outside),
    run on the mask shrunk by `filter_shrink` (tuning/seal.yaml) by FFT: the page's spectrum once, then one product and
    inverse transform per ring shape. The filter's peaks are then judged as rings: it favours dense
    text (a round seal's ring and the ring of text inside it answer an oval best), so at each peak
    every shape answering nearly as well is judged, and kept if it is roughly a ring standing clear.
    """
    h, w = mask.shape
    t = seal_tuning()
    f = t.filter_shrink
    sh, sw = h // f, w // f
    # Cropped to whole blocks, a uint8 mask takes OpenCV's fast path for area averaging.
    shrunk = cv2.resize(mask[: sh * f, : sw * f] * np.uint8(255), (sw, sh), interpolation=cv2.INTER_AREA)
    small = shrunk.astype(np.float32) * np.float32(1 / 255)
    shapes = _filter_shapes(min(sh, sw))
    margin = int(0.7 * max(max(a) for a in shapes)) + 1  # no wrapping round the page's edges
    H, W = cv2.getOptimalDFTSize(sh + margin), cv2.getOptimalDFTSize(sw + margin)
    padded = np.zeros((H, W), np.float32)
    padded[:sh, :sw] = small
    spectrum = cv2.dft(padded)  # packed (CCS): a third of the complex transform's cost
    responses = [
        cv2.idft(cv2.mulSpectrums(spectrum, kernel, 0), flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT)[:sh, :sw]
        for kernel in _ring_kernels(H, W, tuple(shapes))
    ]
    best = responses[0].copy()
    for response in responses[1:]:
        np.maximum(best, response, out=best)
    # Local maxima that answer well: on the tuning sets every seal's answered at 0.21 or more, and
    # was among the two best on its page; text and tables answer 0.15-0.22.
    peak = (best >= cv2.dilate(best, np.ones((9, 9), np.uint8))) & (best >= 0.16)
    py, px = np.nonzero(peak)
    out: list[tuple[float, Ellipse]] = []
    for j in np.argsort(-best[py, px])[: t.filter_peaks]:
        y, x = int(py[j]), int(px[j])
        y0, x0 = max(0, y - 2), max(0, x - 2)
        centres: list[tuple[int, int]] = []
        sizes: list[tuple[int, int, float]] = []
        ells: list[Ellipse] = []
        for (d1, d2, angle), response in zip(shapes, responses, strict=True):
            around = response[y0 : y + 3, x0 : x + 3]
            if around.max() < 0.8 * best[y, x]:
                continue
            dy, dx = np.unravel_index(int(np.argmax(around)), around.shape)
            centre = ((x0 + int(dx)) * f + f // 2, (y0 + int(dy)) * f + f // 2)
            centres.append(centre)
            sizes.append((round(d1 * f), round(d2 * f), angle))
            ells.append(((float(centre[0]), float(centre[1])), (d1 * f, d2 * f), angle))
        rings, outsides = _rings_and_outsides(mask, centres, sizes)
        k = int(np.argmax(rings - outsides))  # the first best, as max() over them would pick
        ring, outside, ell = float(rings[k]), float(outsides[k]), ells[k]
        # On the tuning sets every ring finally kept had ring ink at 0.84 of the angles and ink outside
        # at 0.24 at worst, as proposed; 1 % of the proposals get that far.
        if ring >= 0.8 and outside <= 0.35:
            out.append((ring - outside, ell))
    return [e for _score, e in sorted(out, key=lambda o: -o[0])]


def _rings_and_outsides(
    mask: np.ndarray, centres: list[tuple[int, int]], shapes: list[tuple[int, int, float]]
) -> tuple[np.ndarray, np.ndarray]:
    """`ring_features`' first two, for ellipses of whole-pixel centres and sizes, all in one pass (the
    sampling offsets are computed once per shape; every shape samples as many points). Angles off the
    image count as not inked."""
    offsets = [_ring_offsets(*shape) for shape in shapes]
    cx = np.array([c[0] for c in centres], np.intp)[:, None, None]
    cy = np.array([c[1] for c in centres], np.intp)[:, None, None]
    mh, mw = mask.shape

    def inked(dx: np.ndarray, dy: np.ndarray) -> np.ndarray:
        xs, ys = dx + cx, dy + cy  # ellipses x radii x angles
        ok = (xs >= 0) & (ys >= 0) & (xs < mw) & (ys < mh)
        hit = np.zeros(xs.shape, bool)
        hit[ok] = mask[ys[ok], xs[ok]] > 0
        return np.mean(np.any(hit, axis=1), axis=1)

    return (
        inked(np.stack([o[0] for o in offsets]), np.stack([o[1] for o in offsets])),
        inked(np.stack([o[2] for o in offsets]), np.stack([o[3] for o in offsets])),
    )


@lru_cache(maxsize=512)
def _ring_offsets(d1: int, d2: int, angle: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Whole-pixel offsets of `ring_features`' ring and outside samples round a centre."""
    phi = np.linspace(0, 2 * np.pi, 96, endpoint=False)
    ell: Ellipse = ((0.0, 0.0), (float(d1), float(d2)), angle)
    rx, ry = _ellipse_points(ell, np.linspace(0.9, 1.08, 7), phi)
    ox, oy = _ellipse_points(ell, np.linspace(1.16, 1.32, 5), phi)
    return tuple(np.rint(a).astype(np.intp) for a in (rx, ry, ox, oy))


def _fit_ring(ell: Ellipse, mask: np.ndarray) -> Ellipse:
    """The ellipse moved, resized and turned a step at a time while its ring gains ink round it or
    loses ink just outside (refitting on the ink near it, as `_refine` does, drifts to the text)."""
    (x, y), (a, b), angle = ell
    best = (round(x), round(y), round(a), round(b), angle)

    def scores(es: list[tuple[int, int, int, int, float]]) -> list[float]:
        rings, outsides = _rings_and_outsides(mask, [(e[0], e[1]) for e in es], [(e[2], e[3], e[4]) for e in es])
        return [float(v) for v in rings - outsides]

    value = scores([best])[0]
    for step in (2, 1):
        improved = True
        while improved:
            improved = False
            cx, cy, d1, d2, t = best
            steps = [
                (cx + step, cy, d1, d2, t),
                (cx - step, cy, d1, d2, t),
                (cx, cy + step, d1, d2, t),
                (cx, cy - step, d1, d2, t),
                (cx, cy, d1 + 2 * step, d2, t),
                (cx, cy, d1 - 2 * step, d2, t),
                (cx, cy, d1, d2 + 2 * step, t),
                (cx, cy, d1, d2 - 2 * step, t),
                (cx, cy, d1, d2, t + 3.0 * step),
                (cx, cy, d1, d2, t - 3.0 * step),
            ]
            for e, v in zip(steps, scores(steps), strict=True):  # the best step of the ten, the first on ties
                if v > value + 1e-9:
                    best, value, improved = e, v, True
    cx, cy, d1, d2, t = best
    return (float(cx), float(cy)), (float(d1), float(d2)), t


def _filter_shapes(short: int) -> list[tuple[float, float, float]]:
    """(long axis, short axis, angle) of every ring the filter looks for, in pixels of the shrunk mask."""
    t = seal_tuning()
    out = [(d * short, d * short, 0.0) for d in t.filter_round]
    out += [(d * short, 0.75 * d * short, a) for d in t.filter_oval for a in t.filter_angles]
    return out


@lru_cache(maxsize=4)
def _ring_kernels(H: int, W: int, shapes: tuple[tuple[float, float, float], ...]) -> list[np.ndarray]:
    """Spectra of the filter's kernels for an H x W transform (pages of one size share them)."""
    out = []
    for d1, d2, angle in shapes:
        r = int(np.ceil(0.68 * d1)) + 1
        ys, xs = np.mgrid[-r : r + 1, -r : r + 1].astype(np.float32)
        rho = elliptic_radius(((0.0, 0.0), (d1, d2), angle), np.stack([xs.ravel(), ys.ravel()], axis=1))
        rho = rho.reshape(xs.shape)
        ring = ((rho >= 0.9) & (rho <= 1.08)).astype(np.float32)
        outside = ((rho >= 1.16) & (rho <= 1.32)).astype(np.float32)
        kernel = band_kernel(ring, outside)
        # Centred on pixel (0, 0), wrapped round: the product of spectra is then a correlation
        # (the kernel is point-symmetric, so correlation and convolution agree).
        full = np.zeros((H, W), np.float32)
        full[: 2 * r + 1, : 2 * r + 1] = kernel
        full = np.roll(full, (-r, -r), axis=(0, 1))
        out.append(cv2.dft(full))
    return out


def ring_candidates(mask: np.ndarray, lo: float, hi: float) -> list[Ellipse]:
    """Ellipses with a long axis of lo..hi pixels that arcs of the mask follow, refined on its ink.

    Rough ellipses are fitted to stretches of the outlines of the larger components (a ring cut
    into arcs, or merged with text), the best supported first, then refitted on the ink along them.
    """
    n, labels, stats = components(mask)
    fits: list[tuple[float, Ellipse]] = []
    # An arc worth tracing spans a quarter of the smallest ring at least; a solid blob is no arc.
    side = np.maximum(stats[:, 2], stats[:, 3])
    big = np.flatnonzero((side >= 0.35 * lo) & (stats[:, 4] < 0.5 * stats[:, 2] * stats[:, 3]))
    for i in big[big > 0]:
        x, y, w, h = (int(v) for v in stats[i, :4])
        comp = (labels[y : y + h, x : x + w] == i).astype(np.uint8)
        contours, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        pts = (max(contours, key=len).reshape(-1, 2) + (x, y)).astype(np.float32)
        fits += _stretch_ellipses(pts, lo, hi)
    rough: list[Ellipse] = []
    for _share, e in sorted(fits, key=lambda f: -f[0]):  # best supported first; near-copies once
        if not any(_same_ellipse(e, f, 0.05) for f in rough):
            rough.append(e)
    if not rough:
        return []
    ys, xs = np.nonzero(mask)
    ink = np.stack([xs, ys], axis=1).astype(np.float32)
    out: list[Ellipse] = []
    for e in rough[:40]:
        ell = _refine(e, ink, lo, hi)
        if ell is not None and not any(_same_ellipse(ell, k, 0.05) for k in out):
            out.append(ell)
    return out


def _stretch_ellipses(pts: np.ndarray, lo: float, hi: float) -> list[tuple[float, Ellipse]]:
    """Rough ellipses (long axis 0.8 lo .. 1.3 hi) fitted to stretches of one outline — a sixth and
    a third of the smallest ring's circumference long, and a quarter of the outline — with the
    share of their circumference the outline follows."""
    m = len(pts)
    short_span = int(np.pi * lo / 6)
    if m < max(30, short_span):
        return []
    out: list[tuple[float, Ellipse]] = []
    step = max(short_span, m // 100)  # at most ~100 starts on the outline of a large merged blob
    spans = sorted({short_span, 2 * short_span, min(m // 4, 6 * short_span)})
    # ... and the whole outline once: a ring's arc on its own, both its edges, follows the ring.
    samples = [np.arange(0, m, max(1, m // 48))] + [
        (start + np.arange(12) * min(span, m - 1) // 11) % m for start in range(0, m, step) for span in spans
    ]
    for idx in samples:
        try:
            (cx, cy), (d1, d2), angle = cv2.fitEllipse(pts[idx])
        except cv2.error:
            continue
        if not (
            np.isfinite([cx, cy, d1, d2]).all()
            and 0.8 * lo <= max(d1, d2) <= 1.3 * hi
            and max(d1, d2) <= 1.6 * min(d1, d2)
        ):
            continue
        e: Ellipse = ((float(cx), float(cy)), (float(d1), float(d2)), float(angle))
        share = float(np.sum(np.abs(elliptic_radius(e, pts) - 1) < 0.06)) / (np.pi * (d1 + d2) / 2)
        if share >= 0.1:
            out.append((share, e))
    return out


def _same_ellipse(a: Ellipse, b: Ellipse, tol: float = 0.15) -> bool:
    size = max(max(a[1]), max(b[1]))
    return bool(
        np.hypot(a[0][0] - b[0][0], a[0][1] - b[0][1]) < tol * size
        and abs(max(a[1]) - max(b[1])) < tol * size
        and abs(min(a[1]) - min(b[1])) < tol * size
    )


def _refine(ell: Ellipse, ink: np.ndarray, lo: float, hi: float) -> Ellipse | None:
    """Refit the ellipse on the ink pixels lying along it: its ring's centre line."""
    (cx, cy), (d1, d2), _angle = ell
    r = 0.65 * max(d1, d2)
    near = ink[(np.abs(ink[:, 0] - cx) < r) & (np.abs(ink[:, 1] - cy) < r)]
    for width in (0.2, 0.12, 0.08, 0.06):
        on = near[np.abs(elliptic_radius(ell, near) - 1) < width]
        if len(on) < 20:
            return None
        (cx, cy), (d1, d2), angle = cv2.fitEllipse(on)
        if not (np.isfinite([cx, cy, d1, d2]).all() and lo <= max(d1, d2) <= hi and max(d1, d2) <= 1.6 * min(d1, d2)):
            return None
        ell = ((float(cx), float(cy)), (float(d1), float(d2)), float(angle))
    return ell


def ring_features(ell: Ellipse, mask: np.ndarray) -> tuple[float, float, float, float]:
    """(share of the angles with ink on the ring, of those with ink just outside it, ink density
    inside, share of the ring inside the image), over the visible angles."""
    mh, mw = mask.shape
    phi = np.linspace(0, 2 * np.pi, 96, endpoint=False)

    def hits(radii: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        xs, ys = _ellipse_points(ell, radii, phi)
        xi, yi = np.rint(xs).astype(int), np.rint(ys).astype(int)
        ok = (xi >= 0) & (yi >= 0) & (xi < mw) & (yi < mh)
        hit = np.zeros_like(ok)
        hit[ok] = mask[yi[ok], xi[ok]] > 0
        return hit, ok

    ring, ok = hits(np.linspace(0.9, 1.08, 7))
    visible = ok[3]
    if not visible.any():
        return 0.0, 1.0, 0.0, 0.0
    out, _ = hits(np.linspace(1.16, 1.32, 5))
    inner, ok_in = hits(np.linspace(0.1, 0.7, 12))
    n = max(1, int(visible.sum()))
    return (
        float((ring.any(axis=0) & visible).sum() / n),
        float((out.any(axis=0) & visible).sum() / n),
        float(inner[ok_in].mean()) if ok_in.any() else 0.0,
        float(visible.mean()),
    )


def _scan(mask: np.ndarray, *, colour: bool) -> list[_Hit]:
    short = min(mask.shape)
    t = seal_tuning()
    lo = max(t.min_pixels, t.min_size * short)
    if not colour:
        lo = max(lo, t.grey_min * short)
    hi = t.grey_max * short if not colour else 10 * short
    _n, labels, stats = components(mask)
    hits: list[_Hit] = []
    st = stats.astype(np.int64)
    side, short_side, box_area = np.maximum(st[:, 2], st[:, 3]), np.minimum(st[:, 2], st[:, 3]), st[:, 2] * st[:, 3]
    # Seal-sized and not a few stray pixels spread thin; picked out at once (a page holds thousands of print).
    # The area test multiplies as (0.02 * w) * h, not 0.02 * box_area: the rounding the loop had before.
    fit = (side >= lo) & (side <= hi) & (side <= 2.2 * short_side + 4) & (st[:, 4] >= 0.02 * st[:, 2] * st[:, 3])
    fit[0] = False  # the background
    picked = np.flatnonzero(fit)
    # Largest first, so the text inside an accepted ring is skipped without being judged.
    for i in picked[np.argsort(-box_area[picked], kind="stable")].tolist():
        x, y, w, h = (int(v) for v in stats[i, :4])
        if any(b[0] <= x and b[1] <= y and x + w <= b[2] and y + h <= b[3] for b, _, _ in hits):
            continue
        hit = _judge(labels[y : y + h, x : x + w] == i, mask, (x, y, w, h), colour=colour)
        if hit:
            hits.append(hit)
    return hits


def _judge(
    comp: np.ndarray, mask: np.ndarray, rect: tuple[int, int, int, int], *, colour: bool
) -> _Hit | None:
    """Is this component the ring or frame of a seal? Returns its box, shape and a score."""
    x, y, w, h = rect
    contours, _ = cv2.findContours(comp.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    pts = max(contours, key=len).reshape(-1, 2) + (x, y)
    mh, mw = mask.shape
    # A stamp photographed close up is cut by the image edge: fit only the outline inside it.
    inner = (pts[:, 0] > 1) & (pts[:, 1] > 1) & (pts[:, 0] < mw - 2) & (pts[:, 1] < mh - 2)
    if inner.mean() < 0.5 or inner.sum() < 20:
        return None
    pts = pts[inner].astype(np.float32)
    ell = fit_ellipse(pts)
    if ell is not None:
        fit, cover, visible, density = ellipse_features(ell, pts, mask)
        axes = sorted(ell[1])
        need = 0.85 if colour else 0.92
        if (
            fit >= 0.8
            and cover >= need
            and visible >= 0.6
            and (0.03 if colour else 0.05) <= density <= 0.6
            and axes[1] <= 2.0 * axes[0]
            and not _crossed_by_line(mask, rect)
            and (colour or ring_width(ell, mask) <= seal_tuning().ring_width)
        ):
            shape: Literal["round", "oval", "square"] = "round" if axes[0] >= 0.88 * axes[1] else "oval"
            score = 0.5 * cover + 0.3 * fit + 0.2 * min(1.0, density / 0.08)
            return (x, y, x + w, y + h), shape, score
    if not colour or max(w, h) > 1.35 * min(w, h):
        return None
    cover, density = _rect_features(pts, mask)
    if cover >= 0.9 and 0.12 <= density <= 0.7 and not _crossed_by_line(mask, rect):
        return (x, y, x + w, y + h), "square", 0.5 * cover + 0.5 * min(1.0, density / 0.2)
    return None


def fit_ellipse(pts: np.ndarray) -> Ellipse | None:
    """Least-squares ellipse, refitted without the outline points far off it (text stuck to the ring)."""
    if len(pts) < 6:
        return None
    ell = _ellipse(pts)
    for _ in range(2):
        if min(ell[1]) < 4 or not np.isfinite(ell[1]).all():
            return None
        rho = elliptic_radius(ell, pts)
        keep = (rho > 0.85) & (rho < 1.15)
        if keep.sum() < 6 or keep.all():
            break
        ell = _ellipse(pts[keep])
    if min(ell[1]) < 4 or not np.isfinite(ell[1]).all():
        return None
    return ell


def _ellipse(pts: np.ndarray) -> Ellipse:
    (cx, cy), (d1, d2), angle = cv2.fitEllipse(pts)
    return (float(cx), float(cy)), (float(d1), float(d2)), float(angle)


def elliptic_radius(ell: Ellipse, pts: np.ndarray) -> np.ndarray:
    """Normalised elliptic radius of each point: 1 on the ellipse, < 1 inside."""
    (cx, cy), (d1, d2), angle = ell
    t = np.deg2rad(angle)
    dx, dy = pts[:, 0] - cx, pts[:, 1] - cy
    u = dx * np.cos(t) + dy * np.sin(t)
    v = -dx * np.sin(t) + dy * np.cos(t)
    return np.sqrt((u / (d1 / 2)) ** 2 + (v / (d2 / 2)) ** 2)


def _ellipse_points(ell: Ellipse, r: np.ndarray, phi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    (cx, cy), (d1, d2), angle = ell
    t = np.deg2rad(angle)
    u = np.outer(r, np.cos(phi)) * d1 / 2
    v = np.outer(r, np.sin(phi)) * d2 / 2
    return cx + u * np.cos(t) - v * np.sin(t), cy + u * np.sin(t) + v * np.cos(t)


def ellipse_features(ell: Ellipse, pts: np.ndarray, mask: np.ndarray) -> tuple[float, float, float, float]:
    """(outline fit, ring coverage of the visible angles, visible share, ink density inside)."""
    mh, mw = mask.shape
    rho = elliptic_radius(ell, pts)
    fit = float(np.mean((rho > 0.88) & (rho < 1.12)))
    phi = np.linspace(0, 2 * np.pi, 96, endpoint=False)
    xs, ys = _ellipse_points(ell, np.linspace(0.8, 1.1, 10), phi)
    xi, yi = np.rint(xs).astype(int), np.rint(ys).astype(int)
    inside = (xi >= 0) & (yi >= 0) & (xi < mw) & (yi < mh)
    visible = inside[6]  # the ring line itself (r = 1.0) is inside the image
    hit = np.zeros_like(inside)
    hit[inside] = mask[yi[inside], xi[inside]] > 0
    covered = hit.any(axis=0) & visible
    cover = float(covered.sum() / max(1, visible.sum()))
    xs, ys = _ellipse_points(ell, np.linspace(0.1, 0.7, 12), phi)
    xi, yi = np.rint(xs).astype(int), np.rint(ys).astype(int)
    inside = (xi >= 0) & (yi >= 0) & (xi < mw) & (yi < mh)
    density = float(np.mean(mask[yi[inside], xi[inside]] > 0)) if inside.any() else 0.0
    return fit, cover, float(visible.mean()), density


def _rect_features(pts: np.ndarray, mask: np.ndarray) -> tuple[float, float]:
    """(frame coverage along the four sides, ink density inside) of the outline's rectangle."""
    (cx, cy), (rw, rh), angle = cv2.minAreaRect(pts)
    t = np.deg2rad(angle)
    ax, ay = np.cos(t), np.sin(t)
    mh, mw = mask.shape

    def sample(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        xs = np.rint(cx + u * rw / 2 * ax - v * rh / 2 * ay).astype(int)
        ys = np.rint(cy + u * rw / 2 * ay + v * rh / 2 * ax).astype(int)
        ok = (xs >= 0) & (ys >= 0) & (xs < mw) & (ys < mh)
        out = np.zeros(xs.shape, bool)
        out[ok] = mask[ys[ok], xs[ok]] > 0
        return out

    s = np.linspace(-0.9, 0.9, 24)
    depth = np.linspace(0.84, 1.04, 6)[:, None]
    sides = [
        sample(np.broadcast_to(s, (6, 24)), depth * np.ones(24)),
        sample(np.broadcast_to(s, (6, 24)), -depth * np.ones(24)),
        sample(depth * np.ones(24), np.broadcast_to(s, (6, 24))),
        sample(-depth * np.ones(24), np.broadcast_to(s, (6, 24))),
    ]
    cover = float(np.mean([side.any(axis=0).mean() for side in sides]))
    gu, gv = np.meshgrid(np.linspace(-0.7, 0.7, 12), np.linspace(-0.7, 0.7, 12))
    density = float(sample(gu.ravel(), gv.ravel()).mean())
    return cover, density


def ring_width(ell: Ellipse, mask: np.ndarray) -> float:
    """How deep the ring's ink runs in from its outer edge, as a share of the radius: the median, over
    the angles with ink on the ring, of the unbroken run of ink inwards from the outermost inked sample
    near the ring (elliptic radius 1.15 down to 0.85), sampled down to 0.35 of the radius."""
    mh, mw = mask.shape
    phi = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    radii = np.arange(1.15, 0.34, -0.025)
    xs, ys = _ellipse_points(ell, radii, phi)
    xi, yi = np.rint(xs).astype(np.intp), np.rint(ys).astype(np.intp)
    ok = (xi >= 0) & (yi >= 0) & (xi < mw) & (yi < mh)
    inked = np.zeros(xi.shape, bool)
    inked[ok] = mask[yi[ok], xi[ok]] > 0
    near = radii >= 0.85
    widths = []
    for a in range(len(phi)):
        col = inked[:, a]
        hits = np.flatnonzero(col & near)
        if not len(hits):
            continue
        start = int(hits[0])
        gaps = np.flatnonzero(~col[start:])
        run = int(gaps[0]) if len(gaps) else len(col) - start
        widths.append(run * 0.025)
    return float(np.median(widths)) if widths else 0.0


def _crossed_by_line(mask: np.ndarray, rect: tuple[int, int, int, int]) -> bool:
    """A straight run across the middle of the box from side to side: a table, not a seal (an
    invoice seal's tax number runs across most of it, but not all)."""
    x, y, w, h = rect
    crop = mask[y : y + h, x : x + w]
    rows = crop[int(h * 0.2) : int(h * 0.8) + 1]
    cols = crop[:, int(w * 0.2) : int(w * 0.8) + 1]
    return _longest_run(rows) >= 0.92 * w or _longest_run(cols.T) >= 0.92 * h


def _longest_run(rows: np.ndarray) -> int:
    if rows.size == 0:
        return 0
    padded = np.pad(rows > 0, ((0, 0), (1, 1))).astype(np.int8)
    d = np.diff(padded, axis=1)
    starts, ends = np.nonzero(d == 1), np.nonzero(d == -1)
    if not len(starts[1]):
        return 0
    return int((ends[1] - starts[1]).max())


def grey_rings(gray: np.ndarray, box: Box, lh: int) -> list[Ellipse]:
    """The rings of grey (photocopied) seals reaching into the box, in page coordinates; `lh` is
    the scale: a text height, the ring being 4-16 of them across.

    The ring is a large dark arc: a component reaching into the box whose outline follows an
    ellipse 4-16 label heights across, with ring ink round most of the angles that can be seen.
    """
    H, W = gray.shape
    # Half the largest ring's width round the box: half of any ring reaching into it lies in the window,
    # enough to trace (the ring is judged on the angles seen). 10 label heights before: a window 1.3
    # times as large, and the same signature verdicts and boxes on the 75 pages compared and seed 20261215.
    m = int(8 * lh)
    wx0, wy0, wx1, wy1 = max(0, box[0] - m), max(0, box[1] - m), min(W, box[2] + m), min(H, box[3] + m)
    rings: list[Ellipse] = []
    g = gray[wy0:wy1, wx0:wx1]
    dark = (g < min(float(percentile(g, 90)) - 60, 200)).astype(np.uint8)
    _n, labels, stats = components(dark)
    fx0, fy0, fx1, fy1 = max(0, box[0] - wx0), max(0, box[1] - wy0), box[2] - wx0, box[3] - wy0
    sx, sy, sw, sh = (stats[:, k] for k in range(4))
    # Ring-sized components whose bounds meet the box, picked out at once: a window holds ~700 of print.
    big = (np.maximum(sw, sh) >= 3 * lh) & (sx <= fx1) & (sy <= fy1) & (sx + sw >= fx0) & (sy + sh >= fy0)
    big[0] = False  # the background
    for i in np.flatnonzero(big).tolist():
        x, y, w, h = (int(v) for v in stats[i, :4])
        if not (labels[fy0:fy1, fx0:fx1] == i).any():
            continue
        comp = (labels[y : y + h, x : x + w] == i).astype(np.uint8)
        contours, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        pts = max(contours, key=len).reshape(-1, 2) + (x, y)
        # The window's edge cuts components; those straight cuts are not outline.
        inner = (
            (pts[:, 0] > 0)
            & (pts[:, 1] > 0)
            & (pts[:, 0] < dark.shape[1] - 1)
            & (pts[:, 1] < dark.shape[0] - 1)
        )
        for ell in _arc_ellipses(pts[inner].astype(np.float32), lh):
            _fit, cover, visible, _density = ellipse_features(ell, pts.astype(np.float32), dark)
            (cx, cy), axes, angle = ell
            page_ell = (cx + wx0, cy + wy0), axes, angle
            same = any(np.hypot(cx + wx0 - r[0][0], cy + wy0 - r[0][1]) < 0.25 * max(axes) for r in rings)
            if cover >= 0.75 and visible >= 0.3 and not same and inside_ellipse(page_ell, box).any():
                rings.append(page_ell)
    return rings


def _arc_ellipses(pts: np.ndarray, lh: int) -> list[Ellipse]:
    """Seal-sized ellipses that long stretches of the outline follow closely, best first.

    Fitted from stretches of the outline rather than all of it: where two seals overlap, or a
    ring touches text or a signature, one component holds several curves and a global fit
    matches none of them.
    """
    n = len(pts)
    if n < 40:
        return []
    found: list[tuple[float, Ellipse]] = []
    for k in range(48):
        start, span = (k * n) // 48, n // (8 if k % 2 else 14)
        idx = (start + np.arange(16) * span // 15) % n
        try:
            (cx, cy), (d1, d2), angle = cv2.fitEllipse(pts[idx])
        except cv2.error:
            continue
        if not (4 * lh <= max(d1, d2) <= 16 * lh) or max(d1, d2) > 1.8 * min(d1, d2):
            continue
        e: Ellipse = ((float(cx), float(cy)), (float(d1), float(d2)), float(angle))
        # Share of the ellipse's outline that the component's outline follows.
        share = float(np.sum(np.abs(elliptic_radius(e, pts) - 1) < 0.08)) / (np.pi * (d1 + d2) / 2)
        if share >= 0.3:
            found.append((share, e))
    found.sort(key=lambda f: -f[0])
    distinct: list[Ellipse] = []
    for _share, e in found:
        if not any(np.hypot(e[0][0] - d[0][0], e[0][1] - d[0][1]) < 0.2 * max(e[1]) for d in distinct):
            distinct.append(e)
    out = []
    for e in distinct[:6]:
        refit = fit_ellipse(pts[np.abs(elliptic_radius(e, pts) - 1) < 0.08])
        ok = refit is not None and 4 * lh <= max(refit[1]) <= 16 * lh and max(refit[1]) <= 1.8 * min(refit[1])
        out.append(refit if ok and refit is not None else e)
    return out


def inside_ellipse(ell: Ellipse, box: Box) -> np.ndarray:
    """Mask (box-sized, uint8) of the pixels inside the ellipse, with a margin for the ring's width."""
    ys, xs = np.mgrid[box[1] : box[3], box[0] : box[2]]
    pts = np.stack([xs.ravel(), ys.ravel()], axis=1).astype(np.float32)
    return (elliptic_radius(ell, pts) <= 1.15).reshape(box[3] - box[1], box[2] - box[0]).astype(np.uint8)


def _suppress(hits: list[_Hit]) -> list[_Hit]:
    """Best first; drop a hit that mostly overlaps a better one (inner rings, the two passes)."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: -h[2]):
        (a0, b0, a1, b1) = hit[0]
        area = (a1 - a0) * (b1 - b0)
        for other in kept:
            (c0, d0, c1, d1) = other[0]
            inter = max(0, min(a1, c1) - max(a0, c0)) * max(0, min(b1, d1) - max(b0, d0))
            if inter > 0.5 * min(area, (c1 - c0) * (d1 - d0)):
                break
        else:
            kept.append(hit)
    return kept

# --- seals in a signature field (classify/signature.py) ---------------------------------------------
# A seal pressed over a signature field, on a copy where it cannot be told from pen ink by its colour:
# the ellipses its ink lies in, its star, its grey and the gap between its star and its ring of text.

def seal_ellipses(hit: SealHit) -> list[Ellipse]:
    """The ellipses a found seal's ink lies in: the box's own, or round a square seal's corners.

    A round seal is a circle as wide as the box's longer side. On a copy the search may fit its ring
    short of one side, and the arc left out would read as a pen stroke: when the box is not square,
    the circle is placed against either end of its shorter side too (the field is judged outside
    all three; the one the ring follows best places the seal's star and text).
    """
    x0, y0, x1, y1 = hit.box
    grow = 1.42 if hit.shape == "square" else 1.05
    w, h = (x1 - x0) * grow, (y1 - y0) * grow
    centre = ((x0 + x1) / 2, (y0 + y1) / 2)
    if hit.shape != "round":
        return [(centre, (w, h), 0.0)]
    d = max(w, h)
    shift = (d - min(w, h)) / 2
    out: list[Ellipse] = [(centre, (d, d), 0.0)]
    if shift > 0.05 * d:
        dx, dy = (0.0, shift) if w > h else (shift, 0.0)
        out += [((centre[0] - dx, centre[1] - dy), (d, d), 0.0), ((centre[0] + dx, centre[1] + dy), (d, d), 0.0)]
    return out



def _seal_grey(gray: np.ndarray, rings: list[Ellipse]) -> float | None:
    """The grey of the seals' own ink: round each seal's ring (the fit its ink follows best), the darkest
    pixel across the band of its border and text in each of 180 directions from its centre, and the
    lower third of those. A thin line's edges blur towards the paper, its darkest pixel keeps the ink's
    grey (the text's thicker core is a little darker than the border: hence not their median); what
    crosses the ring (a pen's stroke, a ruling, a line of print) darkens a few directions only. A low
    percentile of the band's pixels was that crossing ink's own grey wherever a name or a table's
    ruling ran over the seal (i 0055, j 001: a black name under a grey seal left uncertain)."""
    H, W = gray.shape
    phi = np.linspace(0, 2 * np.pi, 180, endpoint=False)
    r = np.linspace(0.8, 1.1, 31)
    values = []
    for ring in _best_fits(gray, rings):
        (cx, cy), (d1, d2), _angle = ring
        x0, y0 = max(0, int(cx - d1 / 2)), max(0, int(cy - d2 / 2))
        box = gray[y0 : int(cy + d2 / 2) + 1, x0 : int(cx + d1 / 2) + 1]
        if not box.size:
            continue
        paper = float(np.percentile(box, 90))
        xs, ys = _ellipse_points(ring, r, phi)
        xs, ys = np.rint(xs).astype(int), np.rint(ys).astype(int)
        seen = ((xs >= 0) & (xs < W) & (ys >= 0) & (ys < H)).all(axis=0)  # directions wholly on the page
        if not seen.any():
            continue
        darkest = gray[ys[:, seen], xs[:, seen]].min(axis=0)
        values.append(darkest[darkest < paper - 60])
    darkest = np.concatenate(values) if values else np.zeros(0, np.uint8)
    return float(np.percentile(darkest, 35)) if len(darkest) >= 30 else None


def _best_fits(gray: np.ndarray, rings: list[Ellipse]) -> list[Ellipse]:
    """One ring per seal: of the fits whose centres lie within a quarter of their size of each
    other, the one along which the most ink runs."""
    support = [_ring_support(gray, ring) for ring in rings]
    order = sorted(range(len(rings)), key=lambda i: -support[i])
    kept: list[Ellipse] = []
    for i in order:
        r = rings[i]
        if all(np.hypot(r[0][0] - q[0][0], r[0][1] - q[0][1]) > 0.25 * max(r[1]) for q in kept):
            kept.append(r)
    return kept


def _ring_support(gray: np.ndarray, ring: Ellipse) -> float:
    """How well the ellipse follows a seal's ring: the share of directions from its centre with ink
    on it (a found seal's box, grown a little, puts the ring at 0.9-0.95 of the radius; a fitted
    outline at 1), less the share with ink just outside it, where a fit to the seal's text or to
    part of its ring still finds the ring."""
    H, W = gray.shape
    phi = np.linspace(0, 2 * np.pi, 90, endpoint=False)
    (cx, cy), (d1, d2), angle = ring
    t = np.deg2rad(angle)
    r = np.array([0.88, 0.92, 0.96, 1.0, 1.08, 1.14])[:, None]
    u, v = r * np.cos(phi) * d1 / 2, r * np.sin(phi) * d2 / 2
    xs = np.rint(cx + u * np.cos(t) - v * np.sin(t)).astype(int)
    ys = np.rint(cy + u * np.sin(t) + v * np.cos(t)).astype(int)
    seen = (xs >= 0) & (xs < W) & (ys >= 0) & (ys < H)
    values = np.full(xs.shape, 255, np.int16)
    values[seen] = gray[ys[seen], xs[seen]]
    x0, y0 = max(0, int(cx - d1 / 2)), max(0, int(cy - d2 / 2))
    paper = float(np.percentile(gray[y0 : int(cy + d2 / 2) + 1, x0 : int(cx + d1 / 2) + 1], 90))
    ink = values < paper - 60
    return float(ink[:4].any(axis=0).mean() - ink[4:].any(axis=0).mean())


def _seal_gap(ring: Ellipse, box: Box) -> np.ndarray:
    """Box-sized mask of where a round company seal has no ink: between its star (a third of its
    radius) and its ring of text (from two thirds), except the lower sector, turned by up to 25
    degrees, where a line of text may stand under the star."""
    (cx, cy), _axes, _angle = ring
    ys, xs = np.mgrid[box[1] : box[3], box[0] : box[2]]
    pts = np.stack([xs.ravel(), ys.ravel()], axis=1).astype(np.float32)
    rho = elliptic_radius(ring, pts).reshape(xs.shape)
    below = np.degrees(np.arctan2(ys - cy, xs - cx))  # 90: straight down (image rows grow downwards)
    return ((rho >= 0.38) & (rho <= 0.62) & (np.abs(below - 90) > 70)).astype(np.uint8)


def add_rings(rings: list[Ellipse], found: list[Ellipse]) -> None:
    """Add the rings not already there: one the same size as a known one, its centre within a tenth
    of that size. Another fit of a known seal is kept too: the page-wide search may have fitted
    its ring short of one side (a seal's bottom arc left out reads as a pen stroke), the field's own
    search to a few arcs; the seal lies within either."""
    for r in found:
        if all(
            np.hypot(r[0][0] - q[0][0], r[0][1] - q[0][1]) > 0.1 * max(r[1])
            or abs(max(r[1]) - max(q[1])) > 0.1 * max(r[1])
            or abs(min(r[1]) - min(q[1])) > 0.1 * min(r[1])
            for q in rings
        ):
            rings.append(r)



def star_seals(image: np.ndarray, gray: np.ndarray, box: Box, lh: int) -> list[Ellipse]:
    """Company seals placed by their star in the box: a solid five-pointed star (what an opening by
    a disc a quarter label high leaves of the ink: pen strokes and print go) whose points lie 0.17 of
    the seal's width from its centre (a 40 mm seal's 14 mm star). A copied seal's star is grey: a knot
    of coloured pen strokes (a signature in blue on a page with no red) is no star."""
    x0, y0, x1, y1 = box
    g = gray[y0:y1, x0:x1]
    if g.size == 0:
        return []
    dark = (g < min(float(np.percentile(g, 90)) - 60, 200)).astype(np.uint8)
    k = max(5, (lh // 4) | 1)
    core = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    n, labels, stats, centres = cv2.connectedComponentsWithStats(core, connectivity=8)
    out: list[Ellipse] = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not (1.2 * lh <= max(w, h) <= 5 * lh and 0.7 * h <= w <= 1.4 * h):
            continue
        comp = (labels[y : y + h, x : x + w] == i).astype(np.uint8)
        patch = np.ascontiguousarray(image[y0 + y : y0 + y + h, x0 + x : x0 + x + w, :3])
        if float(np.median(cv2.cvtColor(patch, cv2.COLOR_RGB2HSV)[..., 1][comp > 0])) > seal_tuning().pen_saturation:
            continue
        contours, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        outline = max(contours, key=len).reshape(-1, 2).astype(np.float32)
        hull = float(cv2.contourArea(cv2.convexHull(outline)))
        if not 0.35 * hull <= area <= 0.75 * hull:  # a star fills about half its hull; a blot nearly all
            continue
        cx, cy = centres[i][0] - x, centres[i][1] - y
        dist = np.hypot(outline[:, 0] - cx, outline[:, 1] - cy)
        bins = (np.degrees(np.arctan2(outline[:, 1] - cy, outline[:, 0] - cx)) // 10).astype(int) + 18
        reach = np.zeros(36)
        np.maximum.at(reach, bins % 36, dist)
        tips = reach > 0.8 * dist.max()
        points = int(np.count_nonzero(tips & ~np.roll(tips, 1)))  # runs of directions reaching far
        if points != 5 or not _even_points(tips):
            continue
        radius = float(dist.max()) + 1.12 * k  # the opening blunted the points by about this much
        d = 1.05 * radius / 0.17
        out.append(((x0 + x + float(cx), y0 + y + float(cy)), (d, d), 0.0))
    return out

def _even_points(tips: np.ndarray) -> bool:
    """Are the five runs of far-reaching directions (36 bins of 10 degrees) a star's points: each narrow,
    72 degrees apart give or take 20? The thick strokes of a handwritten 雪 also reach out five ways, but
    in broad, uneven fans."""
    start = int(np.argmin(tips))  # a direction between two points: no run wraps round
    t = np.roll(tips, -start).astype(np.int8)
    edges = np.diff(np.r_[0, t, 0])
    a, b = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    centres = (a + b - 1) / 2
    gaps = np.diff(np.r_[centres, centres[0] + 36])
    return bool((b - a).max() <= 3 and np.all(np.abs(gaps - 7.2) <= 2))


def darker_than_seal(gray: np.ndarray, inside: np.ndarray, rings: list[Ellipse], box: Box) -> np.ndarray | None:
    """On a grey copy, the ink under the seals in the box (`inside`, a box-sized mask) clearly darker
    than the grey of the seals' own ring: a pen's, not the seal's. None where the seal's grey is
    unknown or too dark to tell a pen's ink from it (a black-and-white copy)."""
    t = seal_tuning()
    level = _seal_grey(gray, rings)
    if level is None or level < t.seal_light:
        return None
    x0, y0, x1, y1 = box
    out: np.ndarray = inside & (gray[y0:y1, x0:x1] < level - t.seal_margin).astype(np.uint8)
    return out


def seal_gaps(gray: np.ndarray, rings: list[Ellipse], box: Box) -> np.ndarray:
    """Box-sized mask of where the seals (one fit each: the one the most ink runs along) have no ink of
    their own: between a company seal's star and its ring of text, where only a pen can show on a
    black-and-white copy."""
    free = np.zeros((box[3] - box[1], box[2] - box[0]), np.uint8)
    for ring in _best_fits(gray, rings):
        free |= _seal_gap(ring, box)
    return free
