"""What scanners, copiers and phones do to a clean page: skew, turns, grey copies, noise, blur, JPEG, perspective.

`apply` returns the degraded page and the 3x3 matrix that carries upright-page pixel coordinates to
the degraded (still upright) image, so the truth can give signature and seal boxes where they ended up.
The quarter turn comes last and is undone by the reader, so truth boxes stay in the upright frame.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image

from dossier.models import Box


@dataclass
class Look:
    grey: bool = False  # photocopy: seals turn grey
    bilevel: bool = False  # black-and-white scanner mode
    skew: float = 0.0  # degrees, counter-clockwise
    rotation: int = 0  # degrees clockwise that make the stored page upright
    noise: float = 0.0  # sigma of gaussian noise, in grey levels
    specks: int = 0  # dust and toner specks
    blur: float = 0.0  # gaussian sigma in pixels
    jpeg: int | None = None  # quality of an extra lossy round trip (artefacts)
    photo: bool = False  # phone photo with mild perspective
    steps: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        out = [n for n, on in (("grey", self.grey), ("bilevel", self.bilevel), ("photo", self.photo)) if on]
        if abs(self.skew) >= 0.05:
            out.append(f"skew {self.skew:+.1f}")
        if self.rotation:
            out.append(f"rotated {self.rotation}")
        if self.noise:
            out.append(f"noise {self.noise:.0f}")
        if self.specks:
            out.append("specks")
        if self.blur:
            out.append(f"blur {self.blur:.1f}")
        if self.jpeg:
            out.append(f"jpeg q{self.jpeg}")
        return out


def file_look(rng: random.Random, noisy: bool) -> Look:
    """Settings shared by every page of one scan job (mode of the scanner or copier)."""
    r = rng.random()
    if noisy:
        return Look(grey=r < 0.3, bilevel=0.3 <= r < 0.42)
    return Look(grey=r < 0.2)


def page_look(rng: random.Random, base: Look, noisy: bool, *, turn_p: float = 0.0, photo: bool = False) -> Look:
    """Per-page damage on top of the job's mode; stronger when noisy."""
    lk = Look(grey=base.grey, bilevel=base.bilevel, photo=photo)
    if noisy:
        lk.skew = rng.uniform(-3, 3) if rng.random() < 0.8 else 0.0
        lk.noise = rng.uniform(2, 12) if rng.random() < 0.6 else 0.0
        lk.specks = rng.randint(20, 200) if rng.random() < 0.4 else 0
        lk.blur = rng.uniform(0.4, 1.2) if rng.random() < 0.35 else 0.0
        lk.jpeg = rng.randint(25, 55) if rng.random() < 0.3 and not lk.bilevel else None
        if rng.random() < turn_p:
            lk.rotation = rng.choice((90, 180, 270, 90))
    else:
        lk.skew = rng.uniform(-1.0, 1.0) if rng.random() < 0.6 else 0.0
        lk.noise = rng.uniform(1, 2.5) if rng.random() < 0.2 else 0.0
        lk.blur = 0.5 if rng.random() < 0.15 else 0.0
    if photo:
        lk.grey = lk.bilevel = False
        lk.skew = 0.0
    return lk


def apply(img: Image.Image, lk: Look, rng: random.Random) -> tuple[Image.Image, np.ndarray]:
    """Degrade an RGB page. Returns the upright result (quarter turn not yet applied) and its matrix."""
    g = np.random.default_rng(rng.randrange(2**32))
    arr: np.ndarray = np.asarray(img, dtype=np.float32)
    h, w = arr.shape[:2]
    H = np.eye(3)
    if lk.grey:
        arr = arr @ np.array([0.299, 0.587, 0.114], np.float32)
        arr = np.clip((arr - 25) * 1.12 + rng.uniform(-8, 0), 0, 255)  # copiers burn in the darks
        if rng.random() < 0.4:  # the dark band of a copy's edge
            band = int(w * rng.uniform(0.005, 0.02))
            arr[:, :band] *= 0.35
    if lk.skew:
        m = cv2.getRotationMatrix2D((w / 2, h / 2), lk.skew, 1.0)
        border = 255.0 if not lk.grey else 235.0
        arr = cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                             borderValue=(border, border, border) if arr.ndim == 3 else border)
        H = np.vstack([m, [0, 0, 1]]) @ H
    if lk.photo:
        arr, P = _photo(arr, rng, g)
        H = P @ H
    if lk.blur:
        arr = cv2.GaussianBlur(arr, (0, 0), lk.blur)
    if lk.noise:
        arr = arr + g.normal(0, lk.noise, arr.shape).astype(np.float32)
    if lk.specks:
        ys, xs = g.integers(0, arr.shape[0], lk.specks), g.integers(0, arr.shape[1], lk.specks)
        arr[ys, xs] = g.uniform(0, 90, lk.specks)[:, None] if arr.ndim == 3 else g.uniform(0, 90, lk.specks)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if lk.jpeg:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=lk.jpeg)
        out = Image.open(io.BytesIO(buf.getvalue()))
        out.load()
    if lk.bilevel:
        grey = np.asarray(out.convert("L"), dtype=np.float32)
        out = Image.fromarray(((grey + g.normal(0, 8, grey.shape)) > rng.uniform(135, 175)).astype(np.uint8) * 255).convert("1")
    return out, H


def _photo(arr: np.ndarray, rng: random.Random, g: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The page lying on a desk, shot from slightly off-axis, lit unevenly."""
    h, w = arr.shape[:2]
    pad = int(0.06 * max(h, w))
    W, Hh = w + 2 * pad, h + 2 * pad
    d = 0.045
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    dst = np.array([[pad + rng.uniform(-d, d) * w, pad + rng.uniform(-d, d) * h],
                      [pad + w + rng.uniform(-d, d) * w, pad + rng.uniform(-d, d) * h],
                      [pad + w + rng.uniform(-d, d) * w, pad + h + rng.uniform(-d, d) * h],
                      [pad + rng.uniform(-d, d) * w, pad + h + rng.uniform(-d, d) * h]], dtype=np.float32)
    P = cv2.getPerspectiveTransform(src, dst)
    desk = np.array([rng.randint(60, 140), rng.randint(50, 120), rng.randint(40, 100)], np.float32)
    out = cv2.warpPerspective(arr, P, (W, Hh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=tuple(float(v) for v in desk))
    yy, xx = np.mgrid[0:Hh, 0:W].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    light = 0.92 + 0.14 * ((np.cos(a) * xx / W + np.sin(a) * yy / Hh) - 0.5)
    light -= 0.12 * (((xx / W - 0.5) ** 2 + (yy / Hh - 0.5) ** 2) * 2)  # vignetting
    tint = np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.85, 0.95)], np.float32)  # warm indoor light
    out = out * light[:, :, None] * tint
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.3))
    return out, P


def turn(img: Image.Image, rotation: int) -> Image.Image:
    """Store the page turned so that `rotation` degrees clockwise make it upright again."""
    if not rotation:
        return img
    return img.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                          270: Image.Transpose.ROTATE_270}[rotation])


def map_box(H: np.ndarray, box: Box) -> Box:
    x0, y0, x1, y1 = box
    pts = np.array([[x0, y0, 1], [x1, y0, 1], [x1, y1, 1], [x0, y1, 1]], float) @ H.T
    pts = pts[:, :2] / pts[:, 2:]
    return (int(pts[:, 0].min()), int(pts[:, 1].min()), int(math.ceil(pts[:, 0].max())), int(math.ceil(pts[:, 1].max())))
