"""Signature fields holding ink that is no signature — a stray pen line, specks, a smudge, the light
border of a box drawn round the field, a smudge over a seal — must come back blank, not uncertain;
a short real signature in the same places must stay signed. And label readings RapidOCR gives
("服務顧问 :", a next label read unsure) must still bound the right field.

Pages are drawn with PIL at ~200 dpi and given their OCR words directly, so each case is exact.
"""

from __future__ import annotations

import io
import json
import math
import random
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossier.classify.seal import find_seals
from dossier.classify.signature import check_signatures
from dossier.models import Word
from dossier.policy import SignatureRule

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CUSTOMER = SignatureRule(role="customer", labels=["客户签字", "客户签名", "客戶簽字"])
STAFF = SignatureRule(role="staff", labels=["服务顾问签字", "服务顾问签名", "服务顾问", "服務顧問"])
LH = 36  # label font size, pixels
Y = 250  # label top


@lru_cache(maxsize=4)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT, size)


def multiply(page: Image.Image, alpha: np.ndarray, colour: tuple[int, int, int], at: tuple[int, int]) -> None:
    """Darken the page under `alpha` (0..1) by the ink colour, as ink does."""
    x, y = at
    h, w = alpha.shape
    region = np.asarray(page.crop((x, y, x + w, y + h)), dtype=np.float32)
    ink = np.array(colour, np.float32) / 255
    out = region * (1 - alpha[..., None] * (1 - ink))
    page.paste(Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), (x, y))


def jpeg(page: Image.Image, quality: int) -> np.ndarray:
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=quality)
    return np.asarray(Image.open(buf).convert("RGB"))


def short_signature(rng: random.Random, width: int, height: int) -> np.ndarray:
    """A quick two-stroke signature, as an alpha mask: curved, about two label heights wide."""
    scale = 3
    canvas = Image.new("L", (width * scale, height * scale), 0)
    d = ImageDraw.Draw(canvas)
    for k in range(2):
        x0 = (0.05 + 0.45 * k) * width
        pts = []
        for t in np.linspace(0, 1, 40):
            x = x0 + t * 0.45 * width
            y = height * (0.5 + 0.32 * math.sin(2 * math.pi * (1.3 * t + 0.3 * k)) + rng.uniform(-0.02, 0.02))
            pts.append((x * scale, y * scale))
        d.line(pts, fill=255, width=int(2.6 * scale), joint="curve")
    small = canvas.resize((width, height), Image.Resampling.LANCZOS)
    return np.asarray(small, np.float32) / 255


def label_page(text: str = "客户签字：") -> tuple[Image.Image, Word, int]:
    """A strip of form with one label; returns the page, the label's OCR word and where the blank starts."""
    page = Image.new("RGB", (1654, 420), "white")
    d = ImageDraw.Draw(page)
    d.text((120, Y), text, font=font(LH), fill="black")
    x0, y0, x1, y1 = d.textbbox((120, Y), text, font=font(LH))
    return page, Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.96), int(x1) + 12


def box_round_field(page: Image.Image, x: int, grey: int) -> None:
    """A thin grey box drawn round the blank, as many forms print it."""
    ImageDraw.Draw(page).rectangle((x, Y - 75, x + 700, Y + LH + 14), outline=(grey, grey, grey), width=2)


def stray_line(page: Image.Image, x: int, y: int, length: float, angle: float) -> None:
    a = math.radians(angle)
    ImageDraw.Draw(page).line(
        (x, y, x + length * math.cos(a), y + length * math.sin(a)), fill=(35, 35, 40), width=3
    )


def specks(page: Image.Image, rng: random.Random, x: int, n: int, clear: tuple[int, int, int, int] | None = None) -> None:
    """Dust and toner specks in the field, none inside `clear` (x0, y0, x1, y1)."""
    d = ImageDraw.Draw(page)
    while n:
        px, py, r = x + rng.randint(20, 650), Y + rng.randint(-60, 40), rng.uniform(0.8, 3.0)
        if clear and clear[0] - 6 <= px <= clear[2] + 6 and clear[1] - 6 <= py <= clear[3] + 6:
            continue
        d.ellipse((px - r, py - r, px + r, py + r), fill=(30, 30, 30))
        n -= 1


def smudge(page: Image.Image, cx: int, cy: int, strength: float) -> None:
    """A broad grey smudge whose core is darker than the ink threshold (paper less 60)."""
    h, w = 120, 320
    yy, xx = np.mgrid[0:h, 0:w]
    alpha = strength * np.exp(-(((xx - w / 2) / (0.28 * w)) ** 2 + ((yy - h / 2) / (0.3 * h)) ** 2))
    multiply(page, alpha.astype(np.float32), (25, 25, 30), (cx - w // 2, cy - h // 2))


def red_seal(page: Image.Image, cx: int, cy: int, r: int) -> None:
    """A red ring with a star: enough seal for the red mask to take it away."""
    scale = 3
    canvas = Image.new("L", (2 * r * scale, 2 * r * scale), 0)
    d = ImageDraw.Draw(canvas)
    d.ellipse((4 * scale, 4 * scale, (2 * r - 4) * scale, (2 * r - 4) * scale), outline=230, width=5 * scale)
    star = []
    for k in range(10):
        rr = (0.35 if k % 2 == 0 else 0.14) * r * scale
        a = -math.pi / 2 + k * math.pi / 5
        star.append((r * scale + rr * math.cos(a), r * scale + rr * math.sin(a)))
    d.polygon(star, fill=230)
    alpha = np.asarray(canvas.resize((2 * r, 2 * r), Image.Resampling.LANCZOS), np.float32) / 255
    multiply(page, alpha, (215, 30, 40), (cx - r, cy - r))


def scanned(page: Image.Image, seed: int) -> Image.Image:
    """A 150 dpi scan brought to 200 dpi: softened, with sensor noise."""
    soft = np.asarray(page.filter(ImageFilter.GaussianBlur(1.1)), np.float32)
    noisy = soft + np.random.default_rng(seed).normal(0, 9, (page.height, page.width, 1))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def judge(page: Image.Image, word: Word, quality: int = 60) -> str:
    (field,) = check_signatures(jpeg(page, quality), [word], [CUSTOMER])
    return field.status


@pytest.mark.parametrize("grey", [140, 175])
def test_boxed_field_with_a_stray_line_and_specks_is_blank(grey: int) -> None:
    """The soft grey border of a box round the field breaks into dashes at the ink threshold; a short
    stray pen line with a blot where the pen came down, and specks: the field is plainly blank."""
    for seed in range(4):
        rng = random.Random(seed)
        page, word, x = label_page()
        box_round_field(page, x, grey)
        stray_line(page, x + 260, Y + 5, 1.4 * LH, -12)
        specks(page, rng, x, 10, clear=(x + 260, Y - 6, x + 310, Y + 5))
        ImageDraw.Draw(page).ellipse((x + 256, Y + 1, x + 264, Y + 9), fill=(30, 30, 30))  # where the pen came down
        assert judge(scanned(page, seed), word) == "blank", seed


@pytest.mark.parametrize("grey", [140, 175])
def test_short_signature_in_a_box_is_signed(grey: int) -> None:
    for seed in range(4):
        rng = random.Random(seed)
        page, word, x = label_page()
        box_round_field(page, x, grey)
        specks(page, rng, x, 6)
        ink = (25, 45, 150) if seed % 2 else (30, 30, 35)
        multiply(page, short_signature(rng, int(2.2 * LH), int(1.1 * LH)), ink, (x + 40 + 90 * seed, Y - 12))
        assert judge(scanned(page, seed), word) == "signed", seed


@pytest.mark.parametrize("signed", [True, False])
def test_a_box_drawn_close_after_the_label_holds_the_field(signed: bool) -> None:
    """A dark box begun right after the label and as tall as the label's band (a grey copy of a
    move-in form): its near side is no far end of the field; the field is inside it."""
    for seed in range(3):
        rng = random.Random(seed)
        page, word, x = label_page()
        ImageDraw.Draw(page).rectangle((x, Y - 90, x + 620, Y + LH + 40), outline=(40, 40, 40), width=3)
        specks(page, rng, x, 6)
        if signed:
            multiply(page, short_signature(rng, int(3 * LH), int(1.2 * LH)), (30, 30, 35), (x + 60 + 80 * seed, Y - 30))
        assert judge(scanned(page, seed), word) == ("signed" if signed else "blank"), seed


@pytest.mark.parametrize("where", ["alone", "across_the_underline"])
def test_a_short_thick_stray_line_is_blank(where: str) -> None:
    """A slip of a broad pen, about a label height long, alone or cut in two by the underline it
    crosses: its width is no bend, it is one straight line, not a short signature."""
    for seed in range(4):
        page, word, x = label_page()
        if where == "alone":
            angle, at, width = -8 + 5 * seed, (x + 240 + 20 * seed, Y + 10), 5
        else:
            ImageDraw.Draw(page).line((x, Y + LH + 6, x + 600, Y + LH + 6), fill=(60, 60, 60), width=2)
            angle, at, width = 32, (x + 240 + 20 * seed, Y + LH - 14), 3
        a = math.radians(angle)
        end = (at[0] + 1.2 * LH * math.cos(a), at[1] + 1.2 * LH * math.sin(a))
        ImageDraw.Draw(page).line((*at, *end), fill=(35, 35, 40), width=width)
        assert judge(scanned(page, seed), word) == "blank", seed


def test_smudge_with_a_dark_core_is_blank() -> None:
    page, word, x = label_page()
    smudge(page, x + 300, Y + 5, 0.42)
    assert judge(page, word) == "blank"


def test_signature_over_a_smudge_is_signed() -> None:
    rng = random.Random(3)
    page, word, x = label_page()
    smudge(page, x + 300, Y + 5, 0.42)
    multiply(page, short_signature(rng, int(2.2 * LH), int(1.1 * LH)), (20, 20, 25), (x + 240, Y - 10))
    assert judge(page, word) == "signed"


@pytest.mark.parametrize("strength", [0.35, 0.6])
def test_smudge_over_a_seal_is_blank(strength: float) -> None:
    """A smudge darkens the seal's edge below the red threshold: what it leaves must not count, and
    a dark one does not make the seal's ring and star look like pen strokes across it."""
    page, word, x = label_page()
    red_seal(page, x + 300, Y + 10, 110)
    smudge(page, x + 320, Y - 10, strength)
    assert judge(page, word, quality=75) == "blank"


def test_short_signature_across_a_red_seal_is_signed() -> None:
    """A pen stroke across seal ink is dark in every channel, the seal's own ink bright red: the
    stroke must not be taken away with the seal, or a signed field under a seal reads blank."""
    for seed in range(6):
        rng = random.Random(seed)
        page, word, x = label_page()
        red_seal(page, x + 260, Y + 10, 110)
        ink = (25, 45, 150) if seed % 2 else (30, 30, 35)
        multiply(page, short_signature(rng, int(2.2 * LH), int(1.1 * LH)), ink, (x + 200 + 10 * seed, Y - 12))
        assert judge(page, word, quality=75) == "signed", seed


def test_label_read_with_a_space_before_its_colon_and_an_unsure_next_label() -> None:
    """RapidOCR reads "服務顧问 :" (space before the colon, 73% sure): the staff field is right of it,
    and the customer field on the same line ends where that label starts, however unsure its OCR."""
    rng = random.Random(5)
    page, customer_word, _ = label_page()
    d = ImageDraw.Draw(page)
    d.text((900, Y), "服務顧問：", font=font(LH), fill="black")
    x0, y0, x1, y1 = (int(v) for v in d.textbbox((900, Y), "服務顧問：", font=font(LH)))
    multiply(page, short_signature(rng, int(2.4 * LH), int(1.1 * LH)), (25, 45, 150), (x1 + 40, Y - 12))
    image = jpeg(page, 80)
    for text in ("服務顧问 :", "服務顧问策名 :"):
        staff_word = Word(text=text, box=(x0, y0 - 4, x1, y1 + 4), conf=0.73)
        customer, staff = check_signatures(image, [customer_word, staff_word], [CUSTOMER, STAFF])
        assert staff.box is not None and staff.box[0] >= x1 - 8, text
        assert staff.status == "signed", text
        assert customer.box is not None and customer.box[2] <= x0, text
        assert customer.status == "blank", text


def test_a_label_read_with_its_first_characters_dropped() -> None:
    """RapidOCR lacks 檢 and may drop 驗 with it: "檢驗員：" comes back "員：" in a box holding more than
    two characters. That is the inspector's field; a plain two-character "員：" is not."""
    rule = SignatureRule(role="staff", labels=["检查员", "检验员", "檢查員", "檢驗員"])
    page, _, _ = label_page("檢驗員：")
    x0, y0, x1, y1 = (int(v) for v in ImageDraw.Draw(page).textbbox((120, Y), "檢驗員：", font=font(LH)))
    multiply(page, short_signature(random.Random(2), int(2.4 * LH), int(1.1 * LH)), (25, 45, 150), (x1 + 60, Y - 12))
    image = jpeg(page, 80)
    (staff,) = check_signatures(image, [Word(text="員：", box=(x0 + 20, y0 - 4, x1, y1 + 4), conf=0.99)], [rule])
    assert staff.status == "signed" and staff.box is not None and staff.box[0] >= x1 - 5
    narrow = Word(text="員：", box=(x1 - int(2 * 0.95 * LH), y0 - 4, x1, y1 + 4), conf=0.99)
    (staff,) = check_signatures(image, [narrow], [rule])
    assert staff.status == "uncertain" and staff.box is None


def test_blank_field_under_a_grey_seal_is_never_called_signed() -> None:
    """On a photocopy the seal is as grey as ink; its star and text must not read as a signature.
    The page-wide seal search (which sees the whole ring) tells the field where the seal lies."""
    strip, label, x = label_page()
    page = Image.new("RGB", (1654, 2339), "white")  # a whole A4 page: seals are sized against it
    page.paste(strip, (0, 1500))
    word = label.model_copy(update={"box": (label.box[0], label.box[1] + 1500, label.box[2], label.box[3] + 1500)})
    red_seal(page, x + 260, 1500 + Y + 30, 130)
    image = jpeg(scanned(page.convert("L").convert("RGB"), 5), 70)
    seals = find_seals(image)
    assert seals  # the seal is found on the page
    (field,) = check_signatures(image, [word], [CUSTOMER], seals=seals)
    assert field.status != "signed", field


def test_a_grey_seal_the_field_search_misfits_is_placed_by_the_page_search() -> None:
    """The foot of a generated photocopied inspection form (seed 20261201): a grey seal over the blank
    技师签字 field, its ring half outside the field's band. The field's own ring search fits an ellipse
    to a few arcs and leaves the seal's text and ring as strokes; the page-wide search places it, and
    nothing under it is darker than the seal's own grey: blank."""
    here = Path(__file__).parent / "corpus" / "signatures"
    image = np.asarray(Image.open(here / "grey_copy_seal_over_blank_field.jpg").convert("RGB"))
    words = [Word.model_validate(w) for w in json.loads((here / "grey_copy_seal_over_blank_field.words.json").read_text())]
    rule = SignatureRule(role="staff", labels=["技师签字", "技師簽字"])
    seals = find_seals(image)
    assert seals
    (field,) = check_signatures(image, words, [rule], seals=seals)
    assert field.status == "blank", field


def copied_seal_page(seed: int, copy: str, signed: bool) -> tuple[np.ndarray, Word]:
    """The foot of a form on an A4 page with a company seal pressed over the staff field, as the
    sample generator presses it (centred on the field, turned up to 25 degrees, uneven ink, with or
    without a line of text under the star), and a signature in the field's left part or none;
    copied grey (a copier's burnt-in darks, noise, JPEG) or black-and-white."""
    from dossier.samples.handwriting import BLACK_INKS, BLUE_INKS, synthetic_signature
    from dossier.samples.handwriting import multiply as press
    from dossier.samples.seals import REDS, rotated, seal_alpha

    rng = random.Random(seed)
    lh = rng.choice([30, 34, 38])
    page = Image.new("RGB", (1654, 2339), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 1800), "以上项目已经本人确认，维修中如需增加项目，贵公司应先征得本人同意。", font=font(lh), fill="black")
    d.text((120, 2000), "服务顾问签字：", font=font(lh), fill="black")
    x0, y0, x1, y1 = (int(v) for v in d.textbbox((120, 2000), "服务顾问签字：", font=font(lh)))
    if rng.random() < 0.5:
        d.line((x1 + 10, y1 + 6, x1 + 470, y1 + 6), fill="black", width=2)
    w, h = rng.randint(350, 900), rng.randint(100, 150)
    fx, fy = x1 + 5, y1 + 10 - h  # the field: right of the label, its foot at the label's
    sig = synthetic_signature(rng, int(h * rng.uniform(0.55, 0.85)))
    if signed:
        at = (fx + rng.randint(0, max(0, w - sig.shape[1]) // 2), fy + (h - sig.shape[0]) // 2 + rng.randint(-h // 8, h // 8))
        press(page, sig, rng.choice(BLUE_INKS + BLACK_INKS), at, rng.uniform(0.85, 1.0))
    seal = rotated(seal_alpha(rng, "round", "上海永信汽车销售服务有限公司", rng.choice(["", "合同专用章"]), 200),
                   rng.uniform(-25, 25))
    cx, cy = fx + w // 2 + rng.randint(-24, 24), fy + h // 2 + rng.randint(-24, 24)
    press(page, seal, rng.choice(REDS), (cx - seal.shape[1] // 2, cy - seal.shape[0] // 2), rng.uniform(0.75, 0.95))
    grey = np.asarray(page.convert("L"), np.float32)
    grey = np.clip((grey - 25) * 1.12 - 4 + np.random.default_rng(seed).normal(0, 6, grey.shape), 0, 255)
    if copy == "bw":
        grey = np.where(grey > rng.uniform(135, 175), 255.0, 0.0)
    image = np.stack([grey.astype(np.uint8)] * 3, axis=-1)
    if copy == "grey":
        image = jpeg(Image.fromarray(image), 75)
    return image, Word(text="服务顾问签字：", box=(x0, y0 - 4, x1, y1 + 4), conf=0.97)


@pytest.mark.parametrize("copy", ["grey", "bw"])
def test_blank_field_under_a_copied_seal_is_blank(copy: str) -> None:
    """A seal pressed over a blank field on a copy, found on the page: the field is blank, not
    uncertain. On a grey copy nothing under the seal is darker than the seal's own grey; on a
    black-and-white one nothing lies between the seal's star and its ring of text."""
    statuses = []
    for seed in range(12):
        image, word = copied_seal_page(seed, copy, signed=False)
        seals = find_seals(image)
        # Finding the seal whole is the seal search's part (tests/test_seal_signature.py): a seal
        # 38-42 mm across is 300-330 pixels at 200 dpi.
        whole = [s for s in seals if min(s.box[2] - s.box[0], s.box[3] - s.box[1]) >= 280]
        if whole:
            (field,) = check_signatures(image, [word], [STAFF], seals=seals)
            statuses.append(field.status)
    assert len(statuses) >= 6, statuses
    assert "signed" not in statuses and statuses.count("blank") >= 0.8 * len(statuses), statuses


@pytest.mark.parametrize("copy", ["grey", "bw"])
def test_signature_under_a_copied_seal_is_never_blank(copy: str) -> None:
    """A signature under a seal on a copy, partly or wholly inside the ring: never blank (a false
    alarm sends a clerk after a signature that is there). On a grey copy pen ink is darker than the
    seal's; on a black-and-white one a pen stroke across the seal crosses the gap round its star."""
    for seed in range(16):
        image, word = copied_seal_page(seed, copy, signed=True)
        (field,) = check_signatures(image, [word], [STAFF], seals=find_seals(image))
        assert field.status != "blank", (seed, field)


def test_a_round_seal_found_short_of_one_side_still_covers_its_ring() -> None:
    """The page-wide search can fit a copied round seal's ring short of one side (a box 240 x 300 for
    a seal 315 across): the arc it leaves out must not read as a signature in a blank field."""
    for seed in (3, 8):
        image, word = copied_seal_page(seed, "bw", signed=False)
        (hit,) = find_seals(image)
        x0, y0, x1, y1 = hit.box
        for cut in ((x0 + 60, y0, x1, y1), (x0, y0, x1 - 60, y1)):
            (field,) = check_signatures(image, [word], [STAFF], seals=[hit.model_copy(update={"box": cut})])
            assert field.status != "signed", (seed, cut, field)


def test_a_seal_the_page_search_missed_is_placed_by_its_star() -> None:
    """A black-and-white copy can break a seal's ring past finding (no seal found on the page): its
    solid five-pointed star still places it, so its text and ring are not read as a signature in a
    blank field. Placed that roughly, the seal is never taken to leave the field blank either."""
    image, word = copied_seal_page(1, "bw", signed=False)
    (field,) = check_signatures(image, [word], [STAFF], seals=[])
    assert field.status == "uncertain", field
    for seed in range(8):
        image, word = copied_seal_page(seed, "bw", signed=True)
        (field,) = check_signatures(image, [word], [STAFF], seals=[])
        assert field.status != "blank", (seed, field)



def test_a_knot_of_blue_pen_on_a_page_without_red_is_no_seal_star() -> None:
    """The foot of a generated customer card (seed 777004, skewed, noisy, specks): a quick signature in
    blue, scribbled over itself into a knot. The page has no red, so it might be a grey copy, where a
    seal the ring search missed is placed by its solid star: the knot, opened, looked like one and the
    signature was erased with its "seal" — judged blank. A copied star is grey; blue ink is a pen's."""
    here = Path(__file__).parent / "corpus" / "signatures"
    image = np.asarray(Image.open(here / "blue_scribble_on_page_without_red.jpg").convert("RGB"))
    word = Word(text="客户签名：", box=(45, 128, 184, 172), conf=1.0)  # as RapidOCR read it
    (field,) = check_signatures(image, [word], [CUSTOMER])
    assert field.status == "signed", field


@pytest.mark.parametrize("signed", [False, True])
def test_a_label_read_without_the_characters_the_engine_cannot_emit_ends_where_printed(signed: bool) -> None:
    """RapidOCR reads 客戶確認簽字： as 客戶確字：, its box over the whole printed label. The field starts
    after the last printed character, not four characters in: there 簽字： lay in the field as ink
    (seed 20261212: two blank Traditional customer fields came back uncertain), and a reviewer's
    crop began inside the label."""
    rule = SignatureRule(role="customer", labels=["客户确认签字", "客戶確認簽字"])
    page = Image.new("RGB", (1654, 420), "white")
    d = ImageDraw.Draw(page)
    d.text((80, Y), "客戶確認簽字：", font=font(22), fill="black")
    x0, y0, x1, y1 = (int(v) for v in d.textbbox((80, Y), "客戶確認簽字：", font=font(22)))
    d.line((x1 + 12, y1 + 4, x1 + 800, y1 + 4), fill="black", width=2)
    if signed:
        multiply(page, short_signature(random.Random(4), 200, 60), (20, 40, 140), (x1 + 80, y0 - 30))
    read = Word(text="客戶確字：", box=(x0, y0 - 6, x1, y1 + 6), conf=0.95)  # the glyphs are shorter than the box
    (field,) = check_signatures(jpeg(scanned(page, 3), 60), [read], [rule])
    assert field.status == ("signed" if signed else "blank")
    assert field.box is not None and field.box[0] >= x1
