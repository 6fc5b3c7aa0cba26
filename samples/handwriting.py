"""Ink for signature fields: synthetic Chinese-looking signatures, crops of real ones, and blank-field marks.

Everything here returns an *alpha mask* (float32, 0..1, the ink coverage) that `multiply` lays onto a
page in a pen colour, the way ink darkens paper rather than covering it.
"""

from __future__ import annotations

import math
import os
import random
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

BLUE_INKS = [(22, 42, 140), (30, 60, 165), (15, 30, 105)]
BLACK_INKS = [(22, 22, 28), (40, 40, 48)]
# Real scans made by others, kept in the repository with their sources and licences (real/SOURCES.md).
REAL_SAMPLES = Path(__file__).resolve().parent / "real"
# The Tobacco800 signature crops (Apache-2.0).
REAL_DIR = Path(os.environ.get("DOSSIER_SIGNATURE_SAMPLES", REAL_SAMPLES / "signatures"))


def multiply(page: Image.Image, alpha: np.ndarray, colour: tuple[int, int, int], xy: tuple[int, int],
             opacity: float = 1.0) -> None:
    """Darken `page` in place under `alpha` (placed with its top-left at xy) by the ink colour."""
    x, y = xy
    h, w = alpha.shape
    x0, y0, x1, y1 = max(0, x), max(0, y), min(page.width, x + w), min(page.height, y + h)
    if x1 <= x0 or y1 <= y0:
        return
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x, None] * opacity
    region = np.asarray(page.crop((x0, y0, x1, y1)), dtype=np.float32)
    ink = np.array(colour, dtype=np.float32) / 255.0
    if region.ndim == 2:
        region = region[:, :, None]
        ink = ink.mean(keepdims=True)
    out = region * (1 - a * (1 - ink))
    page.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8).squeeze()), (x0, y0))


def pen_colour(rng: random.Random) -> tuple[tuple[int, int, int], str]:
    if rng.random() < 0.6:
        return rng.choice(BLUE_INKS), "blue"
    return rng.choice(BLACK_INKS), "black"


# -- synthetic signatures ------------------------------------------------------------------------

def _smooth(points: np.ndarray, n: int = 12) -> np.ndarray:
    """Catmull-Rom through the control points: the smooth path a moving pen draws."""
    if len(points) < 3:
        return points
    p = np.vstack([points[0], points, points[-1]])
    out = []
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        for t in np.linspace(0, 1, n, endpoint=False):
            t2, t3 = t * t, t * t * t
            out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                              + (-p0 + 3 * p1 - 3 * p2 + p3) * t3))
    out.append(p[-2])
    return np.array(out)


def _stroke(rng: random.Random, cx: float, cy: float, s: float) -> np.ndarray:
    """One stroke of a glyph: a bar, a drop, a sweep, a hook or a loop, as control points."""
    kind = rng.choice(("h", "h", "v", "v", "pie", "na", "hook", "loop", "dot", "zig"))
    j = lambda k=0.08: rng.gauss(0, k * s)  # noqa: E731
    x, y = cx + rng.uniform(-0.35, 0.35) * s, cy + rng.uniform(-0.35, 0.35) * s
    if kind == "h":
        pts = [(x - 0.4 * s, y + j()), (x, y + j() - 0.03 * s), (x + 0.4 * s, y + j())]
    elif kind == "v":
        pts = [(x + j(), y - 0.45 * s), (x + j(), y), (x + j(), y + 0.45 * s)]
    elif kind == "pie":  # 撇, a falling sweep to the left
        pts = [(x + 0.2 * s, y - 0.4 * s), (x, y), (x - 0.35 * s, y + 0.4 * s)]
    elif kind == "na":  # 捺, to the right
        pts = [(x - 0.3 * s, y - 0.35 * s), (x, y + 0.05 * s), (x + 0.4 * s, y + 0.35 * s)]
    elif kind == "hook":
        pts = [(x - 0.3 * s, y - 0.3 * s), (x + 0.3 * s, y - 0.3 * s + j()), (x + 0.25 * s, y + 0.35 * s),
               (x + 0.05 * s, y + 0.25 * s)]
    elif kind == "loop":
        r = rng.uniform(0.15, 0.3) * s
        a0 = rng.uniform(0, 2 * math.pi)
        pts = [(x + r * math.cos(a0 + t) + j(0.03), y + 0.8 * r * math.sin(a0 + t) + j(0.03))
               for t in np.linspace(0, rng.uniform(1.6, 2.2) * math.pi, 7)]
    elif kind == "dot":
        pts = [(x, y), (x + 0.08 * s, y + 0.1 * s)]
    else:  # a quick zigzag, the cursive shorthand of several strokes
        pts = [(x - 0.4 * s + 0.8 * s * k / 4, y + (0.25 if k % 2 else -0.25) * s + j()) for k in range(5)]
    return np.array(pts, dtype=float)


def synthetic_signature(rng: random.Random, height: int) -> np.ndarray:
    """A signature of 2-3 glyph-like clusters, cursive-connected, slanted, with pen-pressure width."""
    scale = 3  # drawn large and shrunk, which anti-aliases the strokes
    s = height * scale * rng.uniform(0.55, 0.75)
    n = rng.choice((2, 3, 3))
    gap = s * rng.uniform(0.75, 1.05)
    width = int(gap * n + s * 1.6)
    canvas = np.zeros((int(height * scale * 1.5), width), np.float32)
    base_y = canvas.shape[0] * 0.5
    base_w = max(1.5, height * scale * rng.uniform(0.028, 0.045))
    strokes: list[np.ndarray] = []
    for k in range(n):
        cx = s * 0.8 + k * gap + rng.gauss(0, 0.08 * s)
        cy = base_y + rng.gauss(0, 0.1 * s)
        glyph = [_stroke(rng, cx, cy, s * rng.uniform(0.8, 1.0)) for _ in range(rng.randint(3, 5))]
        for i in range(len(glyph) - 1, 0, -1):  # cursive: some strokes run on into the next
            if rng.random() < 0.35:
                glyph[i - 1 : i + 1] = [np.vstack(glyph[i - 1 : i + 1])]
        strokes += glyph
    if rng.random() < 0.7:  # the closing flourish
        x, y = strokes[-1][-1]
        strokes.append(np.array([(x, y), (x + 0.3 * s, y + 0.25 * s * rng.choice((-1, 1))),
                                 (x + 0.6 * s * rng.uniform(0.5, 1.2), y + rng.gauss(0, 0.1 * s))]))
    shear = rng.uniform(-0.35, 0.05)
    angle = math.radians(rng.uniform(-8, 4))
    ca, sa = math.cos(angle), math.sin(angle)
    for pts in strokes:
        path = _smooth(pts + np.array([[rng.gauss(0, s * 0.02), rng.gauss(0, s * 0.02)] for _ in pts]))
        path[:, 0] += shear * (path[:, 1] - base_y)
        cx0, cy0 = width / 2, base_y
        xr, yr = path[:, 0] - cx0, path[:, 1] - cy0
        path = np.stack([cx0 + ca * xr - sa * yr, cy0 + sa * xr + ca * yr], axis=1)
        m = len(path)
        phase = rng.uniform(0, math.pi)
        for i in range(m - 1):
            t = i / max(1, m - 2)
            pressure = (0.35 + 0.65 * math.sin(math.pi * min(1.0, t * 1.15)) ** 0.6) * (1 + 0.25 * math.sin(6 * t + phase))
            thick = max(1, int(round(base_w * pressure)))
            p0 = (int(path[i, 0] * 4), int(path[i, 1] * 4))
            p1 = (int(path[i + 1, 0] * 4), int(path[i + 1, 1] * 4))
            cv2.line(canvas, p0, p1, 1.0, thick, cv2.LINE_AA, shift=2)
    return _trim(cv2.resize(canvas, (canvas.shape[1] // scale, canvas.shape[0] // scale), interpolation=cv2.INTER_AREA))


def _trim(alpha: np.ndarray, pad: int = 2) -> np.ndarray:
    ys, xs = np.nonzero(alpha > 0.05)
    if not len(xs):
        return alpha
    return alpha[max(0, ys.min() - pad):ys.max() + pad + 1, max(0, xs.min() - pad):xs.max() + pad + 1]


# -- real signatures -------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def real_signatures() -> tuple[tuple[str, tuple[float, float, float, float]], ...]:
    """(image path, normalised YOLO box) for every labelled signature; empty if the folder is absent."""
    out = []
    if REAL_DIR.is_dir():
        for txt in sorted(REAL_DIR.glob("*.txt")):
            img = txt.with_suffix(".jpg")
            for line in txt.read_text().splitlines():
                parts = line.split()
                if len(parts) == 5 and img.exists():
                    cx, cy, w, h = (float(v) for v in parts[1:])
                    out.append((str(img), (cx, cy, w, h)))
    return tuple(out)


@lru_cache(maxsize=64)
def _real_alpha(path: str, box: tuple[float, float, float, float]) -> np.ndarray:
    grey = np.asarray(Image.open(path).convert("L"), dtype=np.float32)
    H, W = grey.shape
    cx, cy, w, h = box
    x0, x1 = int((cx - w / 2) * W), int((cx + w / 2) * W)
    y0, y1 = int((cy - h / 2) * H), int((cy + h / 2) * H)
    crop = grey[max(0, y0):y1, max(0, x0):x1]
    paper, ink = float(np.percentile(crop, 92)), float(np.percentile(crop, 2))
    alpha = np.clip((paper - crop) / max(20.0, paper - ink), 0, 1)
    alpha[alpha < 0.2] = 0  # drop the paper's grain so only the strokes are pasted
    # The boxes are loose and catch typed text ("Sincerely,", the typed name): keep only the large
    # connected strokes, which are the handwriting.
    n, labels, stats, _ = cv2.connectedComponentsWithStats((alpha > 0.35).astype(np.uint8), connectivity=8)
    h, w = alpha.shape
    keep = np.zeros(n, bool)
    for i in range(1, n):
        bw, bh = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        keep[i] = bh >= 0.35 * h or bw >= 0.25 * w
    if keep.any():
        mask = cv2.dilate(keep[labels].astype(np.uint8), np.ones((3, 3), np.uint8))
        alpha = alpha * mask
    return _trim(alpha)


def real_signature(rng: random.Random, height: int) -> np.ndarray | None:
    sigs = real_signatures()
    if not sigs:
        return None
    path, box = rng.choice(sigs)
    alpha = _real_alpha(path, box)
    f = height / max(1, alpha.shape[0])
    return cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))),
                      interpolation=cv2.INTER_CUBIC).clip(0, 1)


# -- real Chinese names (Cross-media-Signatures, MIT: 20 writers, 10 crops each) -------------------------

CHINESE = REAL_SAMPLES / "chinese-signatures"


@lru_cache(maxsize=256)
def _chinese_alpha(path: str) -> np.ndarray:
    rgba = Image.open(path).convert("RGBA")
    flat = Image.alpha_composite(Image.new("RGBA", rgba.size, (255, 255, 255, 255)), rgba)
    grey = np.asarray(flat.convert("L"), dtype=np.float32)
    paper, ink = float(np.percentile(grey, 90)), float(np.percentile(grey, 1))
    alpha = np.clip((paper - grey) / max(30.0, paper - ink), 0, 1)
    alpha[alpha < 0.18] = 0
    ys, xs = np.nonzero(alpha > 0.1)
    if len(xs):
        alpha = alpha[max(0, ys.min() - 2):ys.max() + 3, max(0, xs.min() - 2):xs.max() + 3]
    return alpha


def chinese_signature(rng: random.Random, who: int | None, height: int) -> np.ndarray:
    """A real Chinese name handwritten by writer `who` (1-20; None: any writer), `height` pixels high."""
    files = sorted(CHINESE.glob(f"w{who}_*.png" if who else "w*_*.png"))
    alpha = _chinese_alpha(str(rng.choice(files)))
    f = height / max(1, alpha.shape[0])
    return cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))),
                      interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC).clip(0, 1)


# -- marks in blank fields (hard negatives) --------------------------------------------------------

def blank_mark(rng: random.Random, size: tuple[int, int], kind: str) -> np.ndarray:
    """Specks, a smudge or a stray short line: ink in a blank field that is not a signature."""
    w, h = size
    alpha = np.zeros((h, w), np.float32)
    if kind == "specks":
        for _ in range(rng.randint(3, 12)):
            r = rng.uniform(0.6, 2.0) * h / 60
            cv2.circle(alpha, (rng.randrange(w), rng.randrange(h)), max(1, int(r)), rng.uniform(0.5, 1.0), -1, cv2.LINE_AA)
    elif kind == "smudge":
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.3, 0.7) * h
        yy, xx = np.mgrid[0:h, 0:w]
        sx, sy = rng.uniform(0.08, 0.2) * w, rng.uniform(0.15, 0.35) * h
        alpha = (np.exp(-(((xx - cx) / sx) ** 2 + ((yy - cy) / sy) ** 2)) * rng.uniform(0.12, 0.3)).astype(np.float32)
    else:  # a pen slip: short, nearly straight, thin
        x0, y0 = rng.uniform(0.1, 0.7) * w, rng.uniform(0.4, 0.9) * h
        length = rng.uniform(0.06, 0.18) * w
        a = math.radians(rng.uniform(-25, 25))
        cv2.line(alpha, (int(x0), int(y0)), (int(x0 + length * math.cos(a)), int(y0 + length * math.sin(a))), 0.9,
                 max(1, h // 45), cv2.LINE_AA)
    return alpha
