"""What happens to this family's papers between the printer and the scanner, beyond samples/degrade.py:
a thermal receipt fading, a laser printer low on toner, a fax line's header and its coarse rows, the crease
of an A3 form folded to A4, and the staple and sticky note a clerk leaves on a page."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw

from .paper import Page


def thermal_fade(p: Page, rng: random.Random) -> None:
    """Thermal print pales unevenly: weaker towards one end, in soft bands where the head ran cool."""
    a = np.asarray(p.img, dtype=np.float32)
    h = a.shape[0]
    along = np.linspace(rng.uniform(0.75, 0.95), rng.uniform(0.45, 0.65), h)[:, None, None]
    band = 1 - 0.15 * (np.sin(np.linspace(0, rng.uniform(6, 14), h)) > 0.7)[:, None, None]
    paper = np.array(p.paper, np.float32)
    out = paper - (paper - a) * along * band
    p.img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    p.draw = ImageDraw.Draw(p.img)
    p.notes.append("thermal fade")


def toner_streaks(p: Page, rng: random.Random) -> None:
    """A laser cartridge running dry leaves pale vertical lanes through the print."""
    a = np.asarray(p.img, dtype=np.float32)
    w = a.shape[1]
    gain = np.ones(w, np.float32)
    for _ in range(rng.randint(1, 3)):
        x0 = rng.randrange(w)
        width = rng.randint(max(3, w // 80), max(6, w // 25))
        gain[x0:x0 + width] = rng.uniform(0.3, 0.6)
    out = 255 - (255 - a) * gain[None, :, None]
    p.img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    p.draw = ImageDraw.Draw(p.img)
    p.notes.append("toner streaks")


def fax_header(p: Page, stamp: str) -> None:
    p.img.paste((255, 255, 255), (0, 0, p.img.width, p.px(7)))
    p.words = [w for w in p.words if w.box[1] >= p.px(7)]
    p.text(4, 1.5, stamp, 7.5, "mono")
    p.notes.append("fax")


def fax_rows(img: Image.Image) -> Image.Image:
    """Standard-mode fax: half the vertical resolution, stretched back."""
    w, h = img.size
    return img.resize((w, max(1, h // 2)), Image.Resampling.BOX).resize((w, h), Image.Resampling.NEAREST)


def crease(p: Page, rng: random.Random) -> None:
    """An A3 form folded once to fit the A4 scanner: a dark crease line and one half a shade greyer."""
    a = np.asarray(p.img, dtype=np.float32).copy()
    w = a.shape[1]
    x = w // 2 + rng.randint(-w // 60, w // 60)
    a[:, x:] *= rng.uniform(0.9, 0.97)
    for k, f in ((-2, 0.85), (-1, 0.7), (0, 0.55), (1, 0.75), (2, 0.9)):
        a[:, x + k] *= f
    p.img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    p.draw = ImageDraw.Draw(p.img)
    p.notes.append("fold crease")


def _free(p: Page, box: tuple[int, int, int, int]) -> bool:
    def hit(b: tuple[int, int, int, int]) -> bool:
        return not (b[2] < box[0] or b[0] > box[2] or b[3] < box[1] or b[1] > box[3])
    return not any(hit(w.box) for w in p.words) and not any(hit(s.box) for s in p.slots)


def staple(p: Page, rng: random.Random) -> None:
    x, y = p.px(rng.uniform(5, 12)), p.px(rng.uniform(4, 9))
    length = p.px(12)
    d = p.draw
    for k in range(3):
        d.line((x, y + k, x + length, y + k - p.px(2.5)), fill=(120 + 30 * k, 120 + 30 * k, 125 + 30 * k))
    p.notes.append("staple")


def sticky_note(p: Page, rng: random.Random, note: str) -> None:
    """A yellow note stuck in an empty corner, with a clerk's reminder on it (hand-written, so in the text)."""
    size = 38.0
    for _ in range(8):
        x, y = rng.uniform(p.width_mm * 0.45, p.width_mm - size - 3), rng.uniform(p.height_mm * 0.3, p.height_mm - size - 12)
        box = (p.px(x), p.px(y), p.px(x + size), p.px(y + size))
        if _free(p, box):
            p.draw.rectangle(box, fill=(255, 236, 130))
            p.draw.rectangle((box[0], box[1], box[2], box[1] + p.px(6)), fill=(250, 226, 110))
            p.hand(rng, x + 3, y + 10, note[:5], 13, (25, 25, 30))
            if len(note) > 5:
                p.hand(rng, x + 3, y + 20, note[5:10], 13, (25, 25, 30))
            p.notes.append("sticky note")
            return
