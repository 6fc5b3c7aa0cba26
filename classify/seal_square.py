"""Square seals (a name seal 私章, a legal representative's 法人章: 15-25 mm, two to four large
characters in a thin square frame), found by their frame in any ink mask: red, pale red, or the grey
and black-and-white copy's ink, pressed at any turn.

A matched filter (ink on the frame's band minus ink just outside it, by FFT, as classify/seal.py's ring
filter) proposes square frames at seal sizes and turns; each proposal is fitted to the ink and kept when
every one of its four sides runs nearly whole, the band round it is mostly paper, and it holds large
characters (ink, but not solid). A table's cell is no frame: the mask has its long rulings removed, and
whatever is left of a cell lacks sides. Thresholds: dossier/policies/tuning/seal.yaml (square_*).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import cv2
import numpy as np

from dossier.classify.seal_tuning import seal_tuning

# Centre x, centre y, side, turn in degrees (a square repeats every 90).
Square = tuple[float, float, float, float]

_ALONG = np.linspace(-0.85, 0.85, 24)  # positions along a side, as shares of half the side
_ON = np.linspace(0.88, 1.1, 6)  # the frame's band, as shares of half the side from the centre
_OFF = np.linspace(1.18, 1.34, 4)  # the band just outside it
_GRID = np.linspace(-0.6, 0.6, 10)  # the inside, where the characters are


def _bands() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Square-frame coordinates (u, v: shares of half the side) of the samples: the frame's band and the
    band outside it, per side (bottom, top, right, left) x depth x position; the inside's grid."""
    out = []
    for band, along in ((_ON, _ALONG), (_OFF, np.linspace(-1.2, 1.2, 24))):
        depth, pos = np.meshgrid(band, along, indexing="ij")
        us = np.stack([pos, pos, depth, -depth])
        vs = np.stack([depth, -depth, pos, pos])
        out += [us, vs]
    gu, gv = np.meshgrid(_GRID, _GRID)
    return out[0], out[1], out[2], out[3], gu.ravel(), gv.ravel()


_BANDS = _bands()


def _inked(mask: np.ndarray, sqs: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Whether the mask is inked at square-frame coordinates (u, v) of each square (rows of `sqs`: centre
    x, centre y, side, turn); the result has a leading axis per square."""
    shape = (len(sqs),) + (1,) * u.ndim
    cx, cy, h, t = (sqs[:, k].reshape(shape) for k in range(4))
    h, t = h / 2, np.deg2rad(t)
    xs = np.rint(cx + h * (u * np.cos(t) - v * np.sin(t))).astype(np.intp)
    ys = np.rint(cy + h * (u * np.sin(t) + v * np.cos(t))).astype(np.intp)
    mh, mw = mask.shape
    ok = (xs >= 0) & (ys >= 0) & (xs < mw) & (ys < mh)
    out = np.zeros(xs.shape, bool)
    out[ok] = mask[ys[ok], xs[ok]] > 0
    return out


def _features(sqs: list[Square], mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per square: (share of each side's positions with ink on the frame's band (n x 4), share of the
    positions round the frame with ink just outside it, ink density inside)."""
    arr = np.array(sqs, np.float64)
    on_u, on_v, off_u, off_v, in_u, in_v = _BANDS
    sides = _inked(mask, arr, on_u, on_v).any(axis=2).mean(axis=2)
    outside = _inked(mask, arr, off_u, off_v).any(axis=2).mean(axis=(1, 2))
    inside = _inked(mask, arr, in_u, in_v).mean(axis=1)
    return sides, outside, inside


def _continued(sq: Square, runs: np.ndarray) -> int:
    """How many of the frame's eight side-ends run on past its corners in `runs` (the mask's straight
    runs longer than a character): a table cell's sides are the table's rulings and go on into the next
    cells; a seal's frame stops at its corners (print beside it is characters, no long runs)."""
    beyond = np.linspace(1.2, 1.6, 8)
    depth, pos = np.meshgrid(_ON, beyond, indexing="ij")
    us = np.stack([pos, -pos, pos, -pos, depth, depth, -depth, -depth])
    vs = np.stack([depth, depth, -depth, -depth, pos, -pos, pos, -pos])
    ends = _inked(runs, np.array([sq], np.float64), us, vs)[0].any(axis=1).mean(axis=1)
    return int(np.count_nonzero(ends >= 0.6))


def square_features(sq: Square, mask: np.ndarray) -> tuple[np.ndarray, float, float]:
    """(share of each side's positions with ink on the frame's band, share of the positions round the
    frame with ink just outside it, ink density inside)."""
    sides, outside, inside = _features([sq], mask)
    return sides[0], float(outside[0]), float(inside[0])


def _scores(sqs: list[Square], mask: np.ndarray) -> np.ndarray:
    sides, outside, _inside = _features(sqs, mask)
    return np.asarray(sides.mean(axis=1) - outside)


def _fit(sq: Square, mask: np.ndarray) -> Square:
    """The square moved, resized and turned a step at a time while its frame gains ink or the band
    outside loses it."""
    best, value = sq, float(_scores([sq], mask)[0])
    for step in (2.0, 1.0):
        improved = True
        while improved:
            improved = False
            cx, cy, s, a = best
            cands: list[Square] = [
                (cx + step, cy, s, a), (cx - step, cy, s, a), (cx, cy + step, s, a), (cx, cy - step, s, a),
                (cx, cy, s + 2 * step, a), (cx, cy, s - 2 * step, a), (cx, cy, s, a + 2 * step), (cx, cy, s, a - 2 * step),
            ]
            scores = _scores(cands, mask)
            k = int(np.argmax(scores))  # the best step, the first on ties
            if scores[k] > value + 1e-9:
                best, value, improved = cands[k], float(scores[k]), True
    return best


def _shapes(short: int) -> list[tuple[float, float]]:
    t = seal_tuning()
    return [(s * short, a) for s in t.square_sides for a in t.square_angles]


def band_kernel(on: np.ndarray, off: np.ndarray) -> np.ndarray:
    """A matched filter's kernel: mean ink on the band `on` minus mean ink on the band `off` (float32
    masks). On an image too small for a shape (a few pixels across) a band may hold no pixel: the kernel
    is then zero and that shape answers nowhere, instead of NaN spreading through the page's responses."""
    if not (on.any() and off.any()):
        return np.zeros_like(on)
    out: np.ndarray = on / on.sum() - off / off.sum()
    return out


@lru_cache(maxsize=4)
def _kernels(H: int, W: int, shapes: tuple[tuple[float, float], ...]) -> list[np.ndarray]:
    """Spectra of the filter's square-frame kernels for an H x W transform."""
    out = []
    for side, angle in shapes:
        r = int(np.ceil(0.7 * 1.42 * side)) + 1
        ys, xs = np.mgrid[-r : r + 1, -r : r + 1].astype(np.float32)
        t = np.deg2rad(angle)
        u = xs * np.cos(t) + ys * np.sin(t)
        v = -xs * np.sin(t) + ys * np.cos(t)
        rho = np.maximum(np.abs(u), np.abs(v)) / (side / 2)  # 1 on the frame
        on = ((rho >= 0.88) & (rho <= 1.1)).astype(np.float32)
        off = ((rho >= 1.18) & (rho <= 1.34)).astype(np.float32)
        kernel = band_kernel(on, off)
        full = np.zeros((H, W), np.float32)
        full[: 2 * r + 1, : 2 * r + 1] = kernel
        out.append(cv2.dft(np.roll(full, (-r, -r), axis=(0, 1))))
    return out


def square_seals(mask: np.ndarray, least: float, *, cells: bool = False) -> list[tuple[tuple[int, int, int, int], float]]:
    """Square seals in the mask (long rulings already removed), as (box, score), best first; `least`:
    the smallest side to claim, in the mask's pixels (the page's text a few times over: the frame of a
    large boxed character, 回 or 田, is one text height). `cells`: refuse a frame whose sides run on past
    its corners (a table's cell; where print is black, a grey copy's table keeps all its short rulings)."""
    return [(f.box, f.score) for f in square_frames(mask, least, cells=cells)]


class Frame(NamedTuple):
    box: tuple[int, int, int, int]  # in the mask's pixels
    score: float
    square: Square


def square_frames(mask: np.ndarray, least: float, *, cells: bool = False) -> list[Frame]:
    """`square_seals`' frames, best first, with their squares (for the caller to judge the frame's ink)."""
    t = seal_tuning()
    f = t.square_shrink
    h, w = mask.shape
    sh, sw = h // f, w // f
    small = cv2.resize(mask[: sh * f, : sw * f] * np.uint8(255), (sw, sh), interpolation=cv2.INTER_AREA)
    small = small.astype(np.float32) * np.float32(1 / 255)
    shapes = _shapes(min(sh, sw))
    margin = int(1.42 * 0.7 * max(s for s, _a in shapes)) + 2
    H, W = cv2.getOptimalDFTSize(sh + margin), cv2.getOptimalDFTSize(sw + margin)
    padded = np.zeros((H, W), np.float32)
    padded[:sh, :sw] = small
    spectrum = cv2.dft(padded)
    responses = [
        cv2.idft(cv2.mulSpectrums(spectrum, k, 0), flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT)[:sh, :sw]
        for k in _kernels(H, W, tuple(shapes))
    ]
    stack = np.stack(responses)
    best = stack.max(axis=0)
    which = stack.argmax(axis=0)
    peak = (best >= cv2.dilate(best, np.ones((7, 7), np.uint8))) & (best >= t.square_response)
    py, px = np.nonzero(peak)
    out: list[Frame] = []
    n = max(3, int(least))
    runs = cv2.max(
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((1, n), np.uint8)),
        cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((n, 1), np.uint8)),
    ) if cells else mask
    for j in np.argsort(-best[py, px])[: t.square_peaks]:
        y, x = int(py[j]), int(px[j])
        _side, angle = shapes[int(which[y, x])]
        # Fitted from every size: dense characters answer the filter's smallest best, while the frame lies
        # round them. A start no frame runs round at all is not fitted (a line of text: sides half there).
        starts = [(x * f + f / 2, y * f + f / 2, side * f, angle) for side in sorted({s for s, _a in shapes})]
        fits = [_fit(q, mask) for q, m in zip(starts, _features(starts, mask)[0].mean(axis=1), strict=True) if m >= t.square_start]
        if not fits:
            continue
        sq = fits[int(np.argmax(_scores(fits, mask)))]
        sides, outside, inside = square_features(sq, mask)
        if (
            sq[2] >= least
            and sides.min() >= t.square_side_min
            and sides.mean() >= t.square_side_mean
            and outside <= t.square_outside
            and t.square_text[0] <= inside <= t.square_text[1]
            and not (cells and _continued(sq, runs) > 1)
        ):
            r = 0.5 * sq[2] * (abs(np.cos(np.deg2rad(sq[3]))) + abs(np.sin(np.deg2rad(sq[3]))))
            box = (max(0, int(sq[0] - r)), max(0, int(sq[1] - r)), min(w, int(sq[0] + r) + 1), min(h, int(sq[1] + r) + 1))
            out.append(Frame(box, float(0.6 * sides.mean() + 0.4 * (1 - outside)), sq))
    return sorted(out, key=lambda o: -o.score)
