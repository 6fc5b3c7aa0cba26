"""Seal detection and signature-field checks on generated pages and on the real samples.

Pages are drawn with PIL at ~200 dpi (Noto Sans CJK), read by the real RapidOCR, and judged.
Seals are drawn as real ones look: a ring with text along it and a star (round), the invoice
seal's oval with a tax number, a square frame with four characters; printed over text in
translucent red ink (multiplied, so black print stays visible through it).
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossier.classify.seal import find_seals, has_seal, red_mask
from dossier.classify.signature import NOT_FOUND, check_signatures, crop_field
from dossier.models import Word
from dossier.policy import SignatureRule
from dossier.samples.handwriting import REAL_SAMPLES

SAMPLES = REAL_SAMPLES
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
PAGE_W = 1654  # A4 width at 200 dpi
CUSTOMER = SignatureRule(role="customer", labels=["客户签字", "客户签名", "客戶簽字"])
STAFF = SignatureRule(role="staff", labels=["销售顾问签字", "销售顾问签名", "銷售顧問簽字"])
BODY = [
    "本人已确认车辆外观、内饰及随车工具完好，随车资料齐全。",
    "车辆识别代号：LSVAU2180N2123456    发动机号：DKX123456",
    "交车日期：2024年3月5日    联系电话：138 0013 8000",
]


@lru_cache(maxsize=8)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(BOLD if bold else FONT, size)


@lru_cache(maxsize=1)
def ocr_engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def ocr_words(image: np.ndarray) -> list[Word]:
    """Real RapidOCR lines as Words (the OCR layer does the same; done here to stay independent)."""
    result, _ = ocr_engine()(np.ascontiguousarray(image[:, :, ::-1]))
    words = []
    for quad, text, score in result or []:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        box = (max(0, int(min(xs))), max(0, int(min(ys))), int(round(max(xs))), int(round(max(ys))))
        words.append(Word(text=str(text), box=box, conf=min(1.0, float(score))))
    return words


# --- drawing ------------------------------------------------------------------------------------


def multiply(page: Image.Image, ink: Image.Image, at: tuple[int, int]) -> None:
    """Lay `ink` (RGBA) on the page like real ink: darkens, never lightens what is below."""
    x, y = at
    region = page.crop((x, y, x + ink.width, y + ink.height))
    base = np.asarray(region, dtype=np.float32) / 255
    rgb = np.asarray(ink.convert("RGB"), dtype=np.float32) / 255
    alpha = np.asarray(ink.getchannel("A"), dtype=np.float32)[..., None] / 255
    out = base * (1 - alpha + alpha * rgb)
    page.paste(Image.fromarray((out * 255).astype(np.uint8)), (x, y))


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: tuple[int, ...]) -> None:
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.4
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    draw.polygon(pts, fill=fill)


def seal_image(
    shape: str, size: int, rng: random.Random, colour: tuple[int, int, int] = (215, 30, 40)
) -> Image.Image:
    """A seal as RGBA: ring (or frame), text along it, star or number inside."""
    w, h = (size, size) if shape != "oval" else (size, int(size * 0.72))
    scale = 4  # draw large, then shrink: smooth edges like a scan
    W, H = w * scale, h * scale
    img = Image.new("RGBA", (W, H), (*colour, 0))
    d = ImageDraw.Draw(img)
    ink = (*colour, 235)
    ring = max(3, int(min(W, H) * 0.035))
    if shape == "square":
        d.rectangle((ring, ring, W - ring, H - ring), outline=ink, width=ring * 2)
        chars = rng.sample("张王李赵刘陈杨黄吴周徐孙马朱胡印章之", 4)
        f = font(int(W * 0.36), bold=True)
        for k, ch in enumerate(chars):
            cx = W * (0.72 if k < 2 else 0.28)
            cy = H * (0.28 if k % 2 == 0 else 0.72)
            d.text((cx, cy), ch, font=f, fill=ink, anchor="mm")
    else:
        d.ellipse((ring, ring, W - ring, H - ring), outline=ink, width=ring * 2)
        name = rng.choice(
            ["上海大众汽车销售服务有限公司", "北京市华通物业管理有限公司", "广州恒达汽车贸易有限公司"]
        )
        f = font(int(min(W, H) * 0.13), bold=True)
        a0, a1 = math.radians(200), math.radians(-20)
        rx, ry = W / 2 - ring * 4.2 - min(W, H) * 0.07, H / 2 - ring * 4.2 - min(W, H) * 0.07
        for k, ch in enumerate(name):
            a = a0 + (a1 - a0) * k / (len(name) - 1)
            cx, cy = W / 2 + rx * math.cos(a), H / 2 - ry * math.sin(a)
            glyph = Image.new("RGBA", (int(f.size * 1.4),) * 2, (*colour, 0))
            ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=f, fill=ink, anchor="mm")
            glyph = glyph.rotate(math.degrees(a) - 90, resample=Image.Resampling.BICUBIC)
            img.alpha_composite(glyph, (int(cx - glyph.width / 2), int(cy - glyph.height / 2)))
        if shape == "round":
            star(d, W / 2, H / 2, min(W, H) * 0.16, ink)
            d.text(
                (W / 2, H * 0.76), "合同专用章", font=font(int(W * 0.08), bold=True), fill=ink, anchor="mm"
            )
        else:
            d.text(
                (W / 2, H * 0.55),
                "91310000" + "".join(rng.choice("0123456789") for _ in range(10)),
                font=font(int(H * 0.09)),
                fill=ink,
                anchor="mm",
            )
            d.text(
                (W / 2, H * 0.76), "发票专用章", font=font(int(H * 0.13), bold=True), fill=ink, anchor="mm"
            )
    img = img.resize((w, h), Image.Resampling.LANCZOS)
    return img.rotate(rng.uniform(-25, 25), resample=Image.Resampling.BICUBIC, expand=True)


def text_page(rng: random.Random, height: int = 2339) -> Image.Image:
    """A plain A4 page of black body text."""
    page = Image.new("RGB", (PAGE_W, height), "white")
    d = ImageDraw.Draw(page)
    d.text((PAGE_W / 2, 150), "汽车销售合同", font=font(64, bold=True), fill="black", anchor="mm")
    y = 260
    while y < height - 150:
        line = "".join(
            rng.choice("甲乙双方经友好协商就车辆买卖事宜达成如下协议价款交付验收违约责任争议解决")
            for _ in range(rng.randint(25, 40))
        )
        d.text((140, y), line, font=font(34), fill="black")
        y += 58
    return page


def invoice_page(rng: random.Random, colour: tuple[int, int, int]) -> Image.Image:
    """A VAT-invoice-like page: ruled table, captions and title in red ink, content in black, no seal."""
    page = Image.new("RGB", (PAGE_W, 1100), "white")
    d = ImageDraw.Draw(page)
    d.text((PAGE_W / 2, 90), "上海增值税专用发票", font=font(60), fill=colour, anchor="mm")
    d.line((560, 135, 1100, 135), fill=colour, width=3)
    d.line((560, 143, 1100, 143), fill=colour, width=3)
    x0, x1, y0, y1 = 100, PAGE_W - 100, 220, 1000
    d.rectangle((x0, y0, x1, y1), outline=colour, width=3)
    rows = [y0, 380, 430, 750, 810, y1]
    for y in rows[1:-1]:
        d.line((x0, y, x1, y), fill=colour, width=2)
    for x in (160, 700, 760):
        d.line((x, y0, x, 380), fill=colour, width=2)
        d.line((x, 810, x, y1), fill=colour, width=2)
    for x in (520, 650, 760, 900, 1100, 1250, 1330):
        d.line((x, 380, x, 750), fill=colour, width=2)
    f = font(28)
    for k, ch in enumerate("购买方"):
        d.text((120, 240 + k * 40), ch, font=f, fill=colour)
    for k, cap in enumerate(["名    称：", "纳税人识别号：", "地 址、电 话：", "开户行及账号："]):
        d.text((180, 235 + k * 36), cap, font=f, fill=colour)
        d.text(
            (420, 235 + k * 36),
            rng.choice(["个人", "91310115MA1H7XXX", "上海市浦东新区", "工商银行 1001"]),
            font=f,
            fill="black",
        )
    for k, cap in enumerate(
        ["货物或应税劳务名称", "规格型号", "单位", "数量", "单价", "金额", "税率", "税额"]
    ):
        d.text((170 + k * 165, 392), cap, font=f, fill=colour)
    d.text((170, 770), "价税合计（大写）", font=f, fill=colour)
    d.text((900, 770), "（小写）¥52.70", font=f, fill=colour)
    d.text((120, 1030), "收款人：    复核：    开票人：    销售方：（章）", font=f, fill=colour)
    for k in range(6):
        d.text((180, 450 + k * 45), "*汽车配件*机油滤清器", font=f, fill="black")
    return page


def scribble(rng: random.Random, width: int, height: int, colour: tuple[int, int, int]) -> Image.Image:
    """Handwriting-like strokes: smooth random curves of varying pen width, 3-5 strokes."""
    scale = 3
    img = Image.new("RGBA", (width * scale, height * scale), (*colour, 0))
    d = ImageDraw.Draw(img)
    x = rng.uniform(0.02, 0.1) * width
    for _ in range(rng.randint(3, 5)):
        n = rng.randint(4, 8)
        seg = rng.uniform(0.25, 0.4) * width
        ctrl = [(x + seg * k / (n - 1), rng.uniform(0.15, 0.85) * height) for k in range(n)]
        x += seg * rng.uniform(0.7, 1.05)
        pts = []
        for k in range(len(ctrl) - 1):  # Catmull-Rom through the control points
            p0, p1, p2, p3 = ctrl[max(k - 1, 0)], ctrl[k], ctrl[k + 1], ctrl[min(k + 2, len(ctrl) - 1)]
            for t in np.linspace(0, 1, 12, endpoint=False):
                t2, t3 = t * t, t * t * t
                pts.append(
                    tuple(
                        0.5
                        * (
                            2 * p1[i]
                            + (-p0[i] + p2[i]) * t
                            + (2 * p0[i] - 5 * p1[i] + 4 * p2[i] - p3[i]) * t2
                            + (-p0[i] + 3 * p1[i] - 3 * p2[i] + p3[i]) * t3
                        )
                        for i in (0, 1)
                    )
                )
        pen = rng.uniform(1.6, 3.6)
        for a, b in zip(pts, pts[1:], strict=False):
            pen = min(4.5, max(1.2, pen + rng.uniform(-0.3, 0.3)))
            d.line(
                [(a[0] * scale, a[1] * scale), (b[0] * scale, b[1] * scale)],
                fill=(*colour, 255),
                width=int(pen * scale),
            )
    return img.resize((width, height), Image.Resampling.LANCZOS)


@lru_cache(maxsize=1)
def real_signatures() -> list[Image.Image]:
    """The handwritten signatures of the Tobacco800 samples, cropped by their YOLO boxes."""
    out = []
    for jpg in sorted((SAMPLES / "signatures").glob("*.jpg")):
        label = jpg.with_suffix(".txt").read_text().split()
        if len(label) < 5:
            continue
        cx, cy, w, h = (float(v) for v in label[1:5])
        im = Image.open(jpg).convert("L")
        W, H = im.size
        out.append(
            im.crop(
                (int((cx - w / 2) * W), int((cy - h / 2) * H), int((cx + w / 2) * W), int((cy + h / 2) * H))
            )
        )
    return out


def real_signature(rng: random.Random, height: int, max_width: int) -> Image.Image:
    crop = rng.choice(real_signatures())
    s = min(height / crop.height, max_width / crop.width)
    crop = crop.resize((max(1, int(crop.width * s)), max(1, int(crop.height * s))), Image.Resampling.LANCZOS)
    alpha = Image.eval(crop, lambda v: 255 - v)  # dark strokes opaque, white paper clear
    ink = Image.new("RGBA", crop.size, (20, 20, 30, 0))
    ink.putalpha(alpha)
    return ink


def photocopy(page: Image.Image, rng: random.Random) -> Image.Image:
    """Grey photocopy: no colour, lower contrast, toner noise, slight blur, JPEG."""
    g = np.asarray(page.convert("L"), dtype=np.float32)
    g = 35 + g * rng.uniform(0.7, 0.82)
    g += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 6, g.shape)
    img = Image.fromarray(np.clip(g, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.7))
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=rng.randint(40, 70))
    return Image.open(buf).convert("RGB")


def jpeg(page: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=quality)
    return Image.open(buf).convert("RGB")


KINDS = (
    "scribble_blue",
    "scribble_black",
    "real",
    "blank",
    "specks",
    "smudge",
    "stray_line",
    "underline_blank",
    "seal_blank",
    "seal_signed",
)
SIGNED = {"scribble_blue", "scribble_black", "real", "seal_signed"}


def fill_field(page: Image.Image, rng: random.Random, kind: str, x: int, y: int, lh: int) -> None:
    """Put `kind` into the field whose free space starts at (x, label top y)."""
    d = ImageDraw.Draw(page)
    if kind in ("scribble_blue", "scribble_black", "seal_signed"):
        colour = (
            (rng.randint(10, 50), rng.randint(30, 70), rng.randint(140, 200))
            if kind != "scribble_black"
            else (25, 25, 30)
        )
        w, h = int(lh * rng.uniform(3.0, 5.0)), int(lh * rng.uniform(1.3, 2.0))
        multiply(
            page,
            scribble(rng, w, h, colour),
            (x + rng.randint(0, lh), y - int(lh * 0.4) + rng.randint(-lh // 4, lh // 4)),
        )
    elif kind == "real":
        ink = real_signature(rng, int(lh * rng.uniform(1.5, 2.2)), int(lh * 5.5))
        multiply(page, ink, (x + rng.randint(0, lh // 2), y - int(lh * 0.3)))
    elif kind == "specks":
        for _ in range(rng.randint(5, 25)):
            px, py = x + rng.randint(0, 5 * lh), y + rng.randint(-lh // 2, lh + lh // 2)
            r = rng.uniform(0.5, 1.8)
            d.ellipse((px - r, py - r, px + r, py + r), fill=(rng.randint(20, 90),) * 3)
    elif kind == "smudge":
        blob = Image.new("L", (lh * 2, lh * 2), 0)
        ImageDraw.Draw(blob).ellipse((lh * 0.5, lh * 0.6, lh * 1.5, lh * 1.3), fill=rng.randint(60, 120))
        blob = blob.filter(ImageFilter.GaussianBlur(lh * 0.15))
        ink = Image.new("RGBA", blob.size, (90, 90, 90, 0))
        ink.putalpha(blob)
        multiply(page, ink, (x + rng.randint(0, 3 * lh), y - lh // 2))
    elif kind == "stray_line":
        px, py = x + rng.randint(0, 3 * lh), y + rng.randint(0, lh)
        a = rng.uniform(-0.4, 0.4)
        ln = rng.uniform(0.5, 1.4) * lh
        d.line(
            (px, py, px + ln * math.cos(a), py + ln * math.sin(a)), fill=(40, 40, 40), width=rng.randint(1, 3)
        )
    elif kind == "underline_blank":
        pass  # every field of this kind is drawn with an underline already
    if kind in ("seal_blank", "seal_signed"):
        seal = seal_image("round", int(lh * rng.uniform(5.5, 7.0)), rng)
        multiply(
            page, seal, (x + rng.randint(-lh, lh), y - seal.height // 2 + rng.randint(-lh // 2, lh // 2))
        )


def form_page(rng: random.Random, kinds: list[tuple[str, str]]) -> tuple[Image.Image, int]:
    """A form strip with one row per (customer kind, staff kind); returns the page and label height."""
    lh = rng.choice([30, 34, 38])
    row_h = int(lh * 4.2)
    height = 260 + row_h * len(kinds) + 80
    page = Image.new("RGB", (PAGE_W, height), "white")
    d = ImageDraw.Draw(page)
    for k, line in enumerate(rng.sample(BODY, 2)):
        d.text((120, 60 + k * (lh + 24)), line, font=font(lh), fill="black")
    y = 260
    for ck, sk in kinds:
        for col, (label, kind) in enumerate((("客户签字：", ck), ("销售顾问签字：", sk))):
            x = 120 + col * 800
            d.text((x, y), label, font=font(lh), fill="black")
            lw = int(d.textlength(label, font=font(lh)))
            if kind == "underline_blank" or rng.random() < 0.3:
                d.line(
                    (x + lw + 5, y + int(lh * 1.25), x + lw + 5 + 5 * lh, y + int(lh * 1.25)),
                    fill="black",
                    width=2,
                )
            fill_field(page, rng, kind, x + lw + lh // 3, y, lh)
        y += row_h
    return page, lh


def run_fields(rng: random.Random, rows: list[tuple[str, str]], grey: bool) -> list[tuple[str, str]]:
    """(expected kind, status) per field of a generated form page."""
    page, _ = form_page(rng, rows)
    page = photocopy(page, rng) if grey else jpeg(page, rng.randint(60, 90))
    image = np.asarray(page)
    words = ocr_words(image)
    out: list[tuple[str, str]] = []
    # One row at a time: the other rows' labels are renamed to plain print, so each rule finds
    # this row's label while every word still counts as printed text.
    row_h = (image.shape[0] - 340) // len(rows)
    for k, (ck, sk) in enumerate(rows):
        top, bottom = 260 + k * row_h - row_h // 3, 260 + (k + 1) * row_h - row_h // 3
        row_words = [
            w if top <= (w.box[1] + w.box[3]) / 2 < bottom else w.model_copy(update={"text": "印刷文字"})
            for w in words
        ]
        fields = check_signatures(image, row_words, [CUSTOMER, STAFF])
        out += [(ck, fields[0].status), (sk, fields[1].status)]
    return out


# --- seal tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["round", "oval", "square"])
def test_generated_seal_on_text_page_is_found(shape: str) -> None:
    rng = random.Random({"round": 1, "oval": 2, "square": 3}[shape])
    page = text_page(rng)
    size = {"round": 330, "oval": 340, "square": 190}[shape]  # ~4.2 cm, 4.3 x 3.1 cm, 2.4 cm at 200 dpi
    seal = seal_image(shape, size, rng)
    multiply(page, seal, (1050, 1700))
    hits = find_seals(np.asarray(jpeg(page, 80)))
    assert len(hits) == 1, hits
    x0, y0, x1, y1 = hits[0].box
    assert 1000 < x0 < 1150 and 1650 < y0 < 1800 and x1 - x0 > 0.7 * size
    assert hits[0].shape == shape


def test_seal_over_a_signature_and_over_red_table_line_is_found() -> None:
    rng = random.Random(7)
    page = invoice_page(rng, (200, 60, 55))
    multiply(page, scribble(rng, 300, 80, (20, 20, 30)), (1200, 850))
    multiply(page, seal_image("oval", 300, rng), (1150, 760))  # across the table's bottom rulings
    hits = find_seals(np.asarray(page))
    assert len(hits) == 1 and hits[0].shape == "oval", hits


@pytest.mark.parametrize("colour", [(160, 75, 60), (190, 60, 50), (205, 45, 45)])
def test_red_invoice_form_without_seal_has_none(colour: tuple[int, int, int]) -> None:
    page = invoice_page(random.Random(3), colour)
    assert find_seals(np.asarray(jpeg(page, 75))) == []


def test_red_underlines_logo_and_text_are_not_seals() -> None:
    page = text_page(random.Random(5))
    d = ImageDraw.Draw(page)
    red = (210, 35, 40)
    d.line((140, 420, 900, 420), fill=red, width=4)  # underline
    d.ellipse((1400, 60, 1470, 130), fill=red)  # small solid logo
    d.ellipse((1300, 60, 1370, 130), outline=red, width=6)  # small ring logo
    d.text((140, 2150), "国家税务总局监制", font=font(60), fill=red)  # big red caption
    d.rectangle((1000, 2100, 1500, 2250), outline=red, width=3)  # red box around text
    d.text((1020, 2140), "备注：请于三日内付款", font=font(40), fill="black")
    multiply(page, scribble(random.Random(1), 320, 90, (200, 30, 40)), (300, 1900))  # red pen scribble
    assert find_seals(np.asarray(page)) == []


def test_grey_photocopied_seal_is_found_or_not_claimed() -> None:
    rng = random.Random(11)
    page = text_page(rng)
    multiply(page, seal_image("round", 330, rng), (1050, 1700))
    hits = find_seals(np.asarray(photocopy(page, rng)))
    assert all(1000 < h.box[0] < 1150 for h in hits)  # nothing claimed elsewhere
    grey_text = photocopy(text_page(random.Random(12)), rng)
    assert find_seals(np.asarray(grey_text)) == []


@pytest.mark.parametrize("seed", [13, 14, 15])
def test_grey_photocopied_seal_pressed_over_text_is_found(seed: int) -> None:
    """On a copy the seal's ring merges with the lines printed under it; it is traced all the same."""
    rng = random.Random(seed)
    page = text_page(rng)
    multiply(page, seal_image("round", 340, rng), (1050, 1650))
    hits = find_seals(np.asarray(photocopy(page, rng)))
    assert len(hits) == 1, hits
    assert 1000 < hits[0].box[0] < 1150 and 1600 < hits[0].box[1] < 1750


def test_red_seals_with_print_across_their_rings_are_found() -> None:
    """The company line and date printed across a seal cut its ring into arcs in the red mask; with
    uneven ink (the generator's seals: pressure gradient, dry patches) the arcs must still add up."""
    from dossier.samples.seals import REDS, rotated, seal_alpha

    missed = []
    for seed in range(6):
        rng = random.Random(seed)
        page = Image.new("RGB", (PAGE_W, 900), "white")
        d = ImageDraw.Draw(page)
        d.text((860, 430), "成都远航科技有限公司", font=font(40), fill="black")
        d.text((980, 500), "2024年06月21日", font=font(40), fill="black")
        alpha = rotated(seal_alpha(rng, "round", "成都远航科技有限公司", "", 200), rng.uniform(-25, 25))
        a = alpha[..., None] * rng.uniform(0.75, 0.95)
        arr = np.asarray(page, np.float32) / 255
        h, w = alpha.shape
        arr[300 : 300 + h, 1000 : 1000 + w] *= 1 - a + a * np.array(rng.choice(REDS), np.float32) / 255
        hits = find_seals(np.asarray(jpeg(Image.fromarray((arr * 255).astype(np.uint8)), 80)))
        if len(hits) != 1:
            missed.append((seed, hits))
    assert missed == []



def real(folder: str) -> list[Path]:
    return sorted(p for p in (SAMPLES / folder).glob("*") if p.suffix.lower() in (".png", ".jpg"))


@pytest.mark.skipif(not SAMPLES.exists(), reason="real samples not present")
def test_real_samples() -> None:
    """Every seal and stamp sample has a seal, every invoice its seals (they all carry one), no
    signature page has one."""

    def found(p: Path) -> bool:
        return has_seal(np.asarray(Image.open(p).convert("RGB")))

    positives = real("seals") + real("stamps") + real("invoices")
    negatives = real("signatures")
    assert [p.name for p in positives if not found(p)] == []
    assert [p.name for p in negatives if found(p)] == []


def test_red_mask_wraps_round_hue_zero() -> None:
    img = np.array([[[230, 40, 60], [230, 60, 40], [150, 90, 30], [40, 40, 200], [250, 250, 250]]], np.uint8)
    assert red_mask(img).tolist() == [[True, True, False, False, False]]


# --- signature tests ----------------------------------------------------------------------------


def test_label_inside_a_whole_line_and_unfound_label() -> None:
    """RapidOCR gives whole lines: the label's span is estimated inside the line box."""
    rng = random.Random(4)
    page = Image.new("RGB", (PAGE_W, 400), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 150), "客户签字：", font=font(36), fill="black")
    d.text((1100, 150), "日期：2024年3月5日", font=font(36), fill="black")
    multiply(page, scribble(rng, 160, 55, (20, 40, 170)), (330, 140))
    image = np.asarray(page)
    # One word for the whole line, as a text-layer PDF or a merging OCR engine would give it.
    line = Word(text="客户签字：            日期：2024年3月5日", box=(120, 150, 1450, 195), conf=0.95)
    customer, staff = check_signatures(image, [line], [CUSTOMER, STAFF])
    assert customer.status == "signed" and customer.label == "客户签字"
    assert customer.box is not None and customer.box[0] < 330 and customer.box[2] <= 1110
    assert staff.status == "uncertain" and staff.reason == NOT_FOUND and staff.box is None
    # The same line blank: the printed date at its end must not count as ink.
    blank = np.asarray(Image.new("RGB", page.size, "white"))
    blank_page = Image.fromarray(blank.copy())
    d = ImageDraw.Draw(blank_page)
    d.text((120, 150), "客户签字：", font=font(36), fill="black")
    d.text((520, 150), "日期：2024年3月5日", font=font(36), fill="black")
    merged = Word(text="客户签字：     日期：2024年3月5日", box=(120, 150, 870, 195), conf=0.95)
    (customer,) = check_signatures(np.asarray(blank_page), [merged], [CUSTOMER])
    assert customer.status == "blank"
    crop = crop_field(np.asarray(blank_page), customer.box or (0, 0, 1, 1))
    assert crop.shape[0] > 30 and crop.shape[1] > 30


def test_label_given_character_by_character() -> None:
    """Tesseract gives Chinese one character per word; the label and its "(签名)：" tail join up."""
    page = Image.new("RGB", (PAGE_W, 300), "white")
    d = ImageDraw.Draw(page)
    x, words = 120, []
    for ch in "客户签字（签名）：":
        w = int(d.textlength(ch, font=font(36)))
        d.text((x, 100), ch, font=font(36), fill="black")
        words.append(Word(text=ch, box=(x, 104, x + w, 142), conf=0.9))
        x += w
    (blank,) = check_signatures(np.asarray(page), words, [CUSTOMER])
    assert blank.status == "blank" and blank.box is not None and blank.box[0] >= x - 5
    multiply(page, scribble(random.Random(3), 180, 60, (20, 30, 160)), (x + 20, 85))
    (signed,) = check_signatures(np.asarray(page), words, [CUSTOMER])
    assert signed.status == "signed"


def test_ocr_misread_label_is_found() -> None:
    page = Image.new("RGB", (PAGE_W, 300), "white")
    ImageDraw.Draw(page).text((120, 100), "销售顾问签字：", font=font(36), fill="black")
    words = [Word(text="销售顾问签宇：", box=(120, 100, 380, 145), conf=0.8)]
    (staff,) = check_signatures(np.asarray(page), words, [STAFF])
    assert staff.status == "blank" and staff.label == "销售顾问签字"


@pytest.mark.parametrize("where", ["far_right", "above"])
def test_signature_clear_of_its_label_is_found(where: str) -> None:
    """People sign anywhere along the blank: well right of the label, or rising above its line. The
    next field's label still ends the field, so its own blank stays blank."""
    rng = random.Random(8)
    page = Image.new("RGB", (PAGE_W, 500), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 300), "客户签字：", font=font(36), fill="black")
    d.text((1150, 300), "销售顾问签字：", font=font(36), fill="black")
    at = (720, 290) if where == "far_right" else (330, 215)
    multiply(page, scribble(rng, 200, 55, (20, 40, 170)), at)
    image = np.asarray(jpeg(page, 80))
    customer, staff = check_signatures(image, ocr_words(image), [CUSTOMER, STAFF])
    assert (customer.status, staff.status) == ("signed", "blank")


def test_slanted_broken_underline_and_specks_are_blank() -> None:
    """A photographed form: the underline runs 3 degrees off level and breaks up; with a few specks
    it is still no signature."""
    rng = random.Random(9)
    page = Image.new("RGB", (PAGE_W, 500), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 300), "客户签字：", font=font(36), fill="black")
    slope = math.tan(math.radians(3))
    for x in range(320, 1000, 24):  # dashes with small gaps, as a faint copy of a thin line
        d.line((x, 350 - slope * (x - 320), x + 20, 350 - slope * (x + 20 - 320)), fill=(60, 60, 60), width=2)
    for _ in range(6):
        px, py = rng.randint(340, 980), rng.randint(290, 345)
        d.ellipse((px - 2, py - 2, px + 2, py + 2), fill=(40, 40, 40))
    image = np.asarray(jpeg(page, 80))
    (customer,) = check_signatures(image, ocr_words(image), [CUSTOMER])
    assert customer.status == "blank"


def test_short_label_with_one_character_misread() -> None:
    """A three-character label read with one character wrong or dropped is still found when OCR gives
    it as a word of its own with its colon; a different field (申请日, the role character differs) is not."""
    rule = SignatureRule(role="staff", labels=["经办人", "經辦人", "申请人"])
    page = Image.new("RGB", (PAGE_W, 300), "white")
    ImageDraw.Draw(page).text((120, 100), "經辦人：", font=font(36), fill="black")
    misread = [Word(text="經辨人：", box=(120, 100, 270, 145), conf=0.9)]
    (staff,) = check_signatures(np.asarray(page), misread, [rule])
    assert staff.status == "blank" and staff.label in ("经办人", "經辦人")
    dropped = [Word(text="經人：", box=(120, 100, 270, 145), conf=0.9)]
    (staff,) = check_signatures(np.asarray(page), dropped, [rule])
    assert staff.status == "blank"
    other = [Word(text="申请日：", box=(120, 100, 270, 145), conf=0.9)]
    (staff,) = check_signatures(np.asarray(page), other, [rule])
    assert staff.status == "uncertain" and staff.reason == NOT_FOUND


def test_a_label_read_without_the_character_rapidocr_lacks() -> None:
    """RapidOCR cannot emit 認: 顧客確認 comes back as 顧客確 — still the customer's field."""
    rule = SignatureRule(role="customer", labels=["顾客确认", "顧客確認"])
    page = Image.new("RGB", (PAGE_W, 300), "white")
    ImageDraw.Draw(page).text((120, 100), "顧客確認：", font=font(36), fill="black")
    (customer,) = check_signatures(np.asarray(page), [Word(text="顧客確：", box=(120, 100, 300, 145), conf=0.9)], [rule])
    assert customer.status == "blank"


def test_running_text_is_not_a_label() -> None:
    page = Image.new("RGB", (PAGE_W, 300), "white")
    words = [Word(text="经客户签字确认后生效，本合同一式两份。", box=(120, 100, 800, 145), conf=0.99)]
    (customer,) = check_signatures(np.asarray(page), words, [CUSTOMER])
    assert customer.status == "uncertain" and customer.reason == NOT_FOUND


CASES = [
    ("scribble_blue", "blank"),
    ("real", "specks"),
    ("scribble_black", "smudge"),
    ("blank", "stray_line"),
    ("seal_blank", "seal_signed"),
    ("underline_blank", "real"),
]


@pytest.mark.parametrize("grey", [False, True], ids=["colour", "photocopy"])
def test_generated_fields(grey: bool) -> None:
    """Each kind of field on an OCR'd form: strokes signed; specks, smudge, stray line, underline
    and a seal over a blank field never signed. On a grey copy a seal cannot be told from ink by
    colour, so a field under a seal may come back uncertain, never signed when blank."""
    results = run_fields(random.Random(21 + grey), CASES, grey)
    assert [kind for kind, status in results if status == "signed" and kind not in SIGNED] == []
    allowed = {"signed", "uncertain"} if grey else {"signed"}
    assert [
        kind
        for kind, status in results
        if kind in SIGNED and status not in (allowed if "seal" in kind else {"signed"})
    ] == []
    blanks = [status for kind, status in results if kind not in SIGNED and "seal" not in kind]
    assert blanks.count("blank") >= len(blanks) - 1  # at most one "uncertain" among the plain blanks


@pytest.mark.slow
def test_random_fields_precision_recall() -> None:
    """100 random fields (half photocopied): precision and recall of `signed`, printed with -s."""
    rng = random.Random(99)
    results: list[tuple[str, str, bool]] = []
    for k in range(10):
        rows = [(rng.choice(KINDS), rng.choice(KINDS)) for _ in range(5)]
        results += [(kind, status, k % 2 == 1) for kind, status in run_fields(rng, rows, grey=k % 2 == 1)]
    for name, part in (
        ("all", results),
        ("colour", [r for r in results if not r[2]]),
        ("photocopy", [r for r in results if r[2]]),
    ):
        tp = sum(1 for kind, s, _ in part if s == "signed" and kind in SIGNED)
        fp = sum(1 for kind, s, _ in part if s == "signed" and kind not in SIGNED)
        fn = sum(1 for kind, s, _ in part if s != "signed" and kind in SIGNED)
        unsure = sum(1 for _, s, _ in part if s == "uncertain")
        print(
            f"{name}: fields={len(part)} precision={tp / max(1, tp + fp):.3f} recall={tp / max(1, tp + fn):.3f} uncertain={unsure}"
        )
    tp = sum(1 for kind, s, _ in results if s == "signed" and kind in SIGNED)
    fp = sum(1 for kind, s, _ in results if s == "signed" and kind not in SIGNED)
    fn = sum(
        1 for kind, s, grey in results if s != "signed" and kind in SIGNED and not (grey and "seal" in kind)
    )
    assert tp / max(1, tp + fp) >= 0.97 and tp / max(1, tp + fn) >= 0.85


def test_a_printed_name_field_is_not_taken_for_the_signature_label() -> None:
    from dossier.classify.signature import check_signatures
    from dossier.models import Word
    from dossier.policy import SignatureRule

    image = np.full((1200, 1654, 3), 255, np.uint8)
    words = [
        Word(text="客户姓名：张伟", box=(150, 200, 500, 245), conf=0.99),
        Word(text="顾客确认：", box=(150, 800, 380, 845), conf=0.99),
    ]
    # 客户姓名 is one character from 客户签名: a blank "signature" must not be judged beside it.
    [field] = check_signatures(image, words, [SignatureRule(role="customer", labels=["客户签名", "客户签字"])])
    assert field.status == "uncertain" and field.box is None


def test_the_next_label_read_unsure_still_ends_the_field_before_it() -> None:
    """On a rough black-and-white copy OCR read the next field's label 服务顾问: as 服务领间: at 0.70,
    too unsure for print: its glyphs were left in the blank customer field and judged a signature."""
    from dossier.classify.signature import check_signatures
    from dossier.models import Word
    from dossier.policy import SignatureRule

    page = Image.new("RGB", (1654, 400), "white")
    d = ImageDraw.Draw(page)
    d.text((120, 150), "客户签名：", font=font(40), fill="black")
    d.text((820, 150), "服务顾问：", font=font(40), fill="black")
    image = np.asarray(jpeg(page, 75))
    rule = SignatureRule(role="customer", labels=["客户签名", "客户签字"])
    words = [Word(text="客户签名：", box=(120, 150, 320, 195), conf=0.97),
             Word(text="服务领间:", box=(820, 150, 1020, 195), conf=0.70)]
    [field] = check_signatures(image, words, [rule])
    assert field.status == "blank" and field.box is not None and field.box[2] <= 820, field
