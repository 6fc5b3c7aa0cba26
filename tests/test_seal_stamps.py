"""Red marks a site prints or presses that are no seals: a rubber stamp (已结清, 收讫, 作废, PAID, a date:
a few large characters or a date in a rectangular frame, often doubled), a red thumbprint beside a name,
a red letterhead with a round logo and red table rules. A seal is a ring (or a name seal's square frame)
with text round or inside it; a stamp's frame is an oblong rectangle. Every mark here is drawn with PIL
from the parameters below (our own drawings, not taken from a sample family); the page is
tests/test_seal_signature.py's plain text page, and a grey copy its photocopy().
"""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from dossier.classify.seal import find_seals
from tests.test_seal_signature import font, multiply, photocopy, seal_image, text_page

RED = (200, 38, 48)


def rubber_stamp(words: str, height: int, angle: float, *, double: bool = True, date: str | None = None,
                 latin: bool = False, colour: tuple[int, int, int] = RED, rounded: bool = False) -> Image.Image:
    """A rectangular rubber stamp on white: a frame (doubled: thick outside, thin inside) round one line
    of large characters, a date line under them if given, turned by `angle`."""
    size = int(height * (0.42 if date else 0.6))
    f = font(size, bold=True)
    text_w = int(f.getlength(words)) if latin else size * len(words) + size // 3 * (len(words) - 1)
    width = max(text_w + height // 2, int(height * 1.25))
    pad = height
    im = Image.new("RGB", (width + 2 * pad, height + 2 * pad), "white")
    d = ImageDraw.Draw(im)
    box = (pad, pad, pad + width, pad + height)
    thick = max(4, height // 14)
    if rounded:
        d.rounded_rectangle(box, radius=height // 4, outline=colour, width=thick)
    else:
        d.rectangle(box, outline=colour, width=thick)
    if double:
        g = thick + max(3, height // 20)
        d.rectangle((box[0] + g, box[1] + g, box[2] - g, box[3] - g), outline=colour, width=max(2, thick // 3))
    cy = pad + height * (0.36 if date else 0.5)
    if latin:
        d.text((pad + width / 2, cy), words, font=f, fill=colour, anchor="mm")
    else:
        step = (width - height // 2) / len(words)
        for k, c in enumerate(words):
            d.text((pad + height // 4 + step * (k + 0.5), cy), c, font=f, fill=colour, anchor="mm")
    if date:
        d.text((pad + width / 2, pad + height * 0.75), date, font=font(int(height * 0.24), bold=True), fill=colour, anchor="mm")
    return im.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor="white", expand=True)


def thumbprint(width: int, seed: int, colour: tuple[int, int, int] = (178, 30, 45), *, ridges: tuple[float, float] = (16, 20),
               sharp: bool = False) -> Image.Image:
    """A red fingerprint (印泥 on a fingertip): an oval filled with curved ridges whorled round a core,
    `ridges` across its width, ridge ink uneven, the edge fading (or, `sharp`, pressed evenly to a clean edge)."""
    rng = np.random.default_rng(seed)
    h = int(width * 1.35)
    pad = width // 2
    W, H = width + 2 * pad, h + 2 * pad
    ys, xs = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = W / 2 + rng.uniform(-0.05, 0.05) * width, H / 2 + rng.uniform(0, 0.1) * h
    u, v = (xs - W / 2) / (width / 2), (ys - H / 2) / (h / 2)
    r_oval = np.hypot(u, v)
    # Ridges: level lines of a distance to the core, bent (a whorl / loop), about 9 px apart at 200 dpi.
    period = width / rng.uniform(*ridges)
    bend = rng.uniform(0.2, 0.5)
    field = np.hypot(xs - cx, (ys - cy) * (1 + bend * np.sin((xs - cx) / width * math.pi)))
    field += rng.uniform(2, 5) * np.sin(xs / width * 7 + rng.uniform(0, 6)) * np.cos(ys / h * 5)
    ridge = 0.5 + 0.5 * np.cos(2 * math.pi * field / period)
    press = (1.0 if sharp else np.clip(1.3 - r_oval ** 3, 0, 1)) * (0.75 + 0.25 * rng.random((H, W)).astype(np.float32))
    alpha = np.clip((ridge - 0.35) * 2.2, 0, 1) * press * (r_oval <= 1.0)
    c = np.array(colour, np.float32)
    rgb = 255 - alpha[..., None] * (255 - c)
    im = Image.fromarray(rgb.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    return im.rotate(float(rng.uniform(-25, 25)), resample=Image.Resampling.BICUBIC, fillcolor="white")


def pressed(page: Image.Image, mark: Image.Image, at: tuple[int, int]) -> Image.Image:
    """The mark's ink over the page's (a multiply: print shows through), centred at `at`."""
    layer = Image.new("RGB", page.size, "white")
    layer.paste(mark, (at[0] - mark.width // 2, at[1] - mark.height // 2))
    return ImageChops.multiply(page, layer)


def letterhead(page: Image.Image, seed: int) -> Image.Image:
    """A red company letterhead: a round logo (a disc with a letter, a ring round it), a red name line
    and a double red rule under it, and a table ruled in red lower down."""
    rng = random.Random(seed)
    out = page.copy()
    d = ImageDraw.Draw(out)
    d.rectangle((0, 0, out.width, 260), fill="white")
    cx, cy, r = 190, 130, 80
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=RED, width=10)
    d.ellipse((cx - r + 22, cy - r + 22, cx + r - 22, cy + r - 22), fill=RED)
    d.text((cx, cy), rng.choice("ABHMW"), font=font(80, bold=True), fill="white", anchor="mm")
    d.text((320, 95), "鑫达汽车销售服务有限公司", font=font(72, bold=True), fill=RED, anchor="lm")
    d.text((320, 185), "XINDA AUTO SALES & SERVICE CO., LTD.", font=font(34), fill=RED, anchor="lm")
    d.line((60, 240, out.width - 60, 240), fill=RED, width=8)
    d.line((60, 254, out.width - 60, 254), fill=RED, width=3)
    for k in range(9):
        y = 1500 + k * 70
        d.line((100, y, out.width - 100, y), fill=RED, width=3)
    for x in (100, 500, 900, 1250, out.width - 100):
        d.line((x, 1500, x, 2060), fill=RED, width=3)
    return out


STAMPS = [  # words, frame height (px at 200 dpi), turn, doubled frame, a date line, latin, rounded corners
    ("已结清", 110, -8.0, True, None, False, False),
    ("收讫", 110, -8.0, True, None, False, False),
    ("作废", 90, 4.0, True, None, False, True),
    ("PAID", 130, -20.0, False, None, True, True),
    ("现金收讫", 110, -8.0, True, "2026.03.18", False, False),
    ("已付款", 130, -20.0, False, "2026-03-18", False, True),
    ("财务", 150, 12.0, False, None, False, False),
    ("已审核", 150, 12.0, False, None, False, False),
    ("2026.03.18", 110, -8.0, True, None, True, False),
    ("复印件", 130, -20.0, False, None, False, True),
    ("2026.03.18", 130, -20.0, False, None, True, True),  # a rounded corner round a digit: a ring
]


@pytest.mark.parametrize(("words", "height", "angle", "double", "date", "latin", "rounded"), STAMPS)
def test_a_red_rubber_stamp_on_print_is_no_seal(
    words: str, height: int, angle: float, double: bool, date: str | None, latin: bool, rounded: bool
) -> None:
    mark = rubber_stamp(words, height, angle, double=double, date=date, latin=latin, rounded=rounded)
    page = pressed(text_page(random.Random(len(words) + height)), mark, (1100, 1700))
    assert find_seals(np.asarray(page)) == []


@pytest.mark.parametrize(("words", "height", "angle"), [("已结清", 90, 4.0), ("收讫", 110, -8.0), ("作废", 130, -20.0)])
def test_a_photocopied_rubber_stamp_is_no_seal(words: str, height: int, angle: float) -> None:
    mark = rubber_stamp(words, height, angle, rounded=height == 90)
    page = pressed(text_page(random.Random(height)), mark, (1100, 1700))
    assert find_seals(np.asarray(photocopy(page, random.Random(height)))) == []


@pytest.mark.parametrize("shape", ["round", "oval", "square"])
def test_a_seal_beside_a_rubber_stamp_is_still_found(shape: str) -> None:
    # The stamp's frame must not take the seal with it: a paid invoice bears both.
    rng = random.Random(11)
    page = pressed(text_page(rng), rubber_stamp("已结清", 120, -10.0), (600, 1700))
    size = {"round": 330, "oval": 340, "square": 190}[shape]
    multiply(page, seal_image(shape, size, rng), (1050, 1600))
    hits = find_seals(np.asarray(page))
    assert len(hits) == 1, hits
    x0, y0, x1, y1 = hits[0].box
    assert 1000 < (x0 + x1) / 2 < 1050 + size and 1600 < (y0 + y1) / 2 < 1600 + size


@pytest.mark.parametrize(("width", "seed"), [(90, 0), (120, 1), (160, 2)])
@pytest.mark.parametrize("copy", [False, True])
def test_a_thumbprint_beside_a_name_is_no_seal(width: int, seed: int, copy: bool) -> None:
    page = pressed(text_page(random.Random(seed)), thumbprint(width, seed), (1200, 1900))
    if copy:
        page = photocopy(page, random.Random(seed))
    assert find_seals(np.asarray(page)) == []


@pytest.mark.parametrize(("width", "seed"), [(110, 1), (150, 0), (150, 1)])
@pytest.mark.parametrize("dpi", [200, 100])
@pytest.mark.parametrize("colour", [(178, 30, 45), (205, 90, 110)])
def test_a_coarse_thumbprint_pressed_evenly_is_no_seal(width: int, seed: int, dpi: int, colour: tuple[int, int, int]) -> None:
    # Pressed evenly to a clean oval edge, ridges a tenth of its width apart: at the working scale the
    # ridges blur into a coloured oval whose outline is a closed ellipse. Each of these was a seal before
    # a round or oval hit had to be mostly paper inside; one such (100 dpi) was on the development set i.
    page = pressed(text_page(random.Random(seed)), thumbprint(width, seed, colour, ridges=(10, 14), sharp=True), (1200, 1900))
    if dpi != 200:
        page = page.resize((page.width * dpi // 200, page.height * dpi // 200), Image.Resampling.LANCZOS)
    assert find_seals(np.asarray(page)) == []


def test_a_coloured_patch_in_a_grey_photo_is_no_seal() -> None:
    # A rust-brown oval stain on a grey part photographed for a claim: its speckled hue half enters the
    # red mask, and the arcs of that speckle trace a ring round a "text" of speckle (development set i).
    rng = np.random.default_rng(3)
    photo = np.full((1200, 1600, 3), 118, np.float32) + rng.normal(0, 4, (1200, 1600, 1))
    im = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    d.ellipse((500, 380, 1200, 820), fill=(162, 162, 168), outline=(60, 60, 60), width=6)  # the part
    d.ellipse((380, 700, 620, 880), fill=(128, 70, 36))  # the stain
    noisy = np.asarray(im, np.float32) + rng.normal(0, 6, (1200, 1600, 3))
    assert find_seals(np.clip(noisy, 0, 255).astype(np.uint8)) == []


@pytest.mark.parametrize("copy", [False, True])
def test_a_red_letterhead_logo_and_table_rules_are_no_seal(copy: bool) -> None:
    page = letterhead(text_page(random.Random(4)), 4)
    if copy:
        page = photocopy(page, random.Random(4))
    assert find_seals(np.asarray(page)) == []
