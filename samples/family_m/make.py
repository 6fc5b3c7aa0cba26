"""Plans the scan jobs, builds the papers, signs and stamps them, marks the paper (punch holes, folds, fanfold
strips, highlighter, pencilled crosses), turns sheets over for duplex scans, degrades, saves, writes the truth."""

from __future__ import annotations

import datetime
import io
import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageOps

from dossier.samples import degrade, handwriting, seals
from dossier.samples.family_m import sites
from dossier.samples.family_m.canvas import Page
from dossier.samples.family_m.forms import Ctx, Doc
from dossier.samples.family_m.ids import order_no
from dossier.samples.family_m.papers import BUILDERS, id_back
from dossier.samples.family_m.photos import damage_photo, delivery_photo, snapshot
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

SHARES = {"after": 0.45, "unit": 0.28, "new": 0.22, "snap": 0.05}
REQUIRED = {"minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
            "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
            "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
            "major_repair": ["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"],
            "warranty_claim": ["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                               "fault_report", "tool_readings", "free_inspection_12"]}
MINOR_EXTRA = ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"]
NEW_CAR = ["customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
           "other_proof"]
# How often a handover's scan holds each paper (the card, the contract and the checklists nearly always come).
NEW_CAR_SHARE = {"customer_card": 0.7, "sales_contract": 0.7, "delivery_checklist": 0.6, "pdi_checklist": 0.5,
                 "other_proof": 0.15, "delivery_photo": 0.3}
UNIT = ["move_in", "renovation", "correspondence", "application", "application"]
MARKS: tuple[Literal["specks", "smudge", "stray_line"], ...] = ("specks", "smudge", "stray_line")
PDF_DATE = datetime.datetime(2026, 11, 30, 9, 0, 0).timetuple()  # fixed: same seed, same bytes


@dataclass
class Built:
    doc: Doc
    truth: DocumentTruth


class Tally:
    """Keeps blanks near 30 % of the signature fields at any count."""

    def __init__(self) -> None:
        self.fields = 0
        self.blank = 0

    def blank_next(self, rng: random.Random) -> bool:
        want = 0.3 * (self.fields + 1) - self.blank
        b = rng.random() < min(0.9, max(0.05, 0.3 + 0.4 * want))
        self.fields += 1
        self.blank += b
        return b


def generate(seed: int, count: int, out: Path) -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    made = {k: 0 for k in SHARES}
    files: list[Path] = []
    tally = Tally()
    n_docs = 0
    job = 0
    while n_docs < count:
        kind = min(SHARES, key=lambda k: (made[k] + 0.5) / SHARES[k] - rng.random() * 0.01)
        plan = _plan(rng, kind)[: count - n_docs]
        made[kind] += len(plan)
        n_docs += len(plan)
        for chunk in _chunks(rng, plan):
            job += 1
            files.append(_scan_file(rng, seed, job, chunk, tally, out))
    return files


def _plan(rng: random.Random, kind: str) -> list[tuple[str, Ctx]]:
    """The papers of one scan job (one visit, one handover, one unit's business, a stray snapshot)."""
    car_sites = [s for s in sites.SITES if s.kind == "car"]
    unit_sites = [s for s in sites.SITES if s.kind == "unit"]
    if kind == "unit":
        site = rng.choice(unit_sites)
        c = Ctx(rng, site, 200, sites.customer(rng, site, 0.5), sites.day(rng), unit=sites.unit_number(rng, site))
        return [(rng.choice(UNIT), c) for _ in range(rng.choice((1, 1, 2, 3)))]
    site = rng.choice(car_sites)
    if kind == "snap":
        return [("snapshot", Ctx(rng, site, 200, sites.customer(rng, site), sites.day(rng)))]
    advisor = rng.choice(sites.STAFF)
    if kind == "new":
        c = Ctx(rng, site, 200, sites.customer(rng, site), sites.day(rng), car=sites.car(rng, site, True), advisor=advisor)
        docs = [d for d in NEW_CAR if rng.random() < NEW_CAR_SHARE.get(d, 0.4)]
        return [(d, c) for d in (docs or ["customer_card", "sales_contract"])]
    job = rng.choice(("minor_repair", "maintenance", "maintenance", "first_service", "major_repair", "warranty_claim"))
    day = sites.day(rng)
    c = Ctx(rng, site, 200, sites.customer(rng, site), day, car=sites.car(rng, site, False),
            visit=order_no(rng, site.order_prefix, day), job=job, advisor=advisor)
    docs = list(REQUIRED[job])
    if job == "minor_repair":
        docs += rng.sample(MINOR_EXTRA, rng.randint(0, 2))
    if len(docs) > 3 and rng.random() < 0.12:  # a paper missing from the stack
        docs.pop(rng.randrange(len(docs)))
    if rng.random() < 0.25:
        rng.shuffle(docs)
    return [(d, c) for d in docs]


def _chunks(rng: random.Random, plan: list[tuple[str, Ctx]]) -> list[list[tuple[str, Ctx]]]:
    r = rng.random()
    if r < 0.4:
        return [plan]
    if r < 0.8:
        out, k = [], 0
        while k < len(plan):
            n = rng.choice((2, 2, 3))
            out.append(plan[k:k + n])
            k += n
        return out
    return [[p] for p in plan]


def _build(code: str, c: Ctx) -> Doc:
    if code == "delivery_photo":
        return delivery_photo(c)
    if code == "damage_photo":
        return damage_photo(c)
    if code == "snapshot":
        return snapshot(c)
    return BUILDERS[code](c)


def _scan_file(rng: random.Random, seed: int, job: int, chunk: list[tuple[str, Ctx]], tally: Tally, out: Path) -> Path:
    dpi = rng.choice((150, 200, 200, 200, 240))
    docs = [_build(code, replace(c, dpi=dpi)) for code, c in chunk]
    photo_only = all(d.doc_type in (None, "delivery_photo", "damage_photo") for d in docs)
    pages_n = sum(len(d.pages) for d in docs)
    if photo_only:
        fmt = "jpeg"
    elif pages_n > 1:
        fmt = rng.choice(("pdf", "pdf", "tiff"))
    else:
        fmt = rng.choice(("pdf", "tiff", "jpeg", "png", "jpeg"))
    r = rng.random()
    mode = "colour" if r < 0.4 else "grey" if r < 0.68 else "bilevel" if r < 0.83 else "clean"
    if photo_only or fmt == "jpeg" and mode == "bilevel":
        mode = "colour"
    duplex = fmt in ("pdf", "tiff") and not photo_only and rng.random() < 0.25
    punched = rng.random() < 0.3
    base = degrade.Look(grey=mode == "grey", bilevel=mode == "bilevel")
    noisy = mode != "clean"
    out_pages: list[Image.Image] = []
    page_truths: list[PageTruth] = []
    doc_truths: list[DocumentTruth] = []
    for doc in docs:
        dt = DocumentTruth(pages=[], doc_type=doc.doc_type, title=doc.title, dossier=doc.dossier, visit=doc.visit,
                           job_type=doc.job_type, fields=doc.fields)
        sheets: list[Page] = []
        for p in doc.pages:
            sheets.append(p)
            if duplex and doc.doc_type not in ("delivery_photo", "damage_photo", None):
                sheets.append(_back(p, doc, chunk[0][1], rng))
        for k, p in enumerate(sheets):
            index = len(page_truths) + 1
            dt.pages.append(index)
            extras = list(p.extras)
            if punched and not p.back and p.w_mm < 230 and doc.doc_type not in ("delivery_photo", "damage_photo", None):
                _punch(p)
                extras.append("punch holes")
            if "folded" in p.extras:
                extras.remove("folded")
                extras.append("fold creases")
            if "fanfold" in p.extras:
                _fanfold(p)
                extras.remove("fanfold")
                extras.append("fanfold strips")
            if not p.back and p.words and rng.random() < 0.15:
                _highlight(p, doc, rng)
                extras.append("highlighter")
            sig_truths = _sign(p, rng, tally, index)
            seal_list = _stamp(p, rng, index)
            for s in sig_truths:
                s.under_seal = _covered(s.box, seal_list)
            if "fold creases" in extras:
                _creases(p, rng)
            photo = doc.doc_type in ("delivery_photo", "damage_photo", None)
            lk = degrade.page_look(rng, base, noisy and not photo)
            if photo:
                lk.skew = 0.0
                lk.grey = lk.bilevel = False
            img, H = degrade.apply(p.img, lk, rng)
            for s in sig_truths:
                s.box = _clip(degrade.map_box(H, s.box), img.size)
            for st in seal_list:
                st.box = _clip(degrade.map_box(H, st.box), img.size)
                if lk.grey:
                    st.colour = "grey"
                if lk.bilevel:
                    st.colour = "black"
                    st.visible = _visible(st, H, img)
                st._own = None
            rotation = 0
            if p.img.width > p.img.height and fmt in ("tiff", "pdf") and rng.random() < 0.35:
                rotation = rng.choice((90, 270))  # a landscape sheet fed the long way round
            names = lk.names() + extras + ([f"low resolution ({dpi} dpi)"] if dpi < 200 else [])
            if p.back:
                names.append("reverse side")
            page_truths.append(PageTruth(index=index, width=img.width, height=img.height, dpi=dpi, rotation=rotation,
                                         degradations=names, doc_type=doc.doc_type,
                                         continuation=k > 0, text=p.page_text()))
            dt.signatures += sig_truths
            dt.seals += seal_list
            out_pages.append(degrade.turn(img, rotation))
        dt.seal = bool(dt.seals)
        doc_truths.append(dt)
    name = f"m{seed % 100000:05d}-{job:03d}.{ {'jpeg': 'jpg', 'tiff': 'tif'}.get(fmt, fmt)}"
    path = out / name
    _save(out_pages, path, fmt, dpi, rng)
    write_truth(path, FileTruth(file=name, format=fmt, seed=seed, pages=page_truths, documents=doc_truths, family="m"))
    return path


# -- the sheet's back -----------------------------------------------------------------------------------------

def _back(front: Page, doc: Doc, c: Ctx, rng: random.Random) -> Page:
    """The reverse of a sheet in a duplex scan: blank but for the front showing through (mirrored, faint), or the
    back of the ID card on an ID copy."""
    b = Page(front.w_mm, front.h_mm, front.dpi, front.paper)
    b.back = True
    b.continuation = True
    if doc.doc_type == "id_copy" and doc.fields.get("id_number"):
        id_back(b, replace(c, rng=rng))
        return b
    ghost = np.asarray(ImageOps.mirror(front.img).convert("L"), dtype=np.float32)
    strength = rng.uniform(0.04, 0.1)  # the toner seen through 80 g paper: a few grey levels, no more
    paper = np.asarray(b.img, dtype=np.float32)
    shade = 1 - strength * (1 - ghost / 255.0)
    b.img = Image.fromarray(np.clip(paper * shade[:, :, None], 0, 255).astype(np.uint8))
    b.draw = ImageDraw.Draw(b.img)
    b.extras.append("bleed-through")
    return b


# -- marks on the paper itself ------------------------------------------------------------------------------

def _punch(p: Page) -> None:
    """Two binder holes at the left edge: the archive's own punch, seen as dark discs on the scanner's lid."""
    d = p.draw
    for y in (p.h_mm / 2 - 40, p.h_mm / 2 + 40):
        d.ellipse((p.px(5), p.px(y - 3), p.px(11), p.px(y + 3)), fill=(58, 58, 62))


def _fanfold(p: Page) -> None:
    """Continuous-form paper: sprocket holes every half inch in strips down both edges, perforated off."""
    d = p.draw
    for x in (6.35, p.w_mm - 6.35):
        y = 6.0
        while y < p.h_mm - 3:
            d.ellipse((p.px(x - 2), p.px(y - 2), p.px(x + 2), p.px(y + 2)), fill=(150, 150, 150))
            y += 12.7
    for x in (12.7, p.w_mm - 12.7):
        y = 0.0
        while y < p.h_mm:
            d.line((p.px(x), p.px(y), p.px(x), p.px(y + 1.2)), fill=(170, 170, 170), width=1)
            y += 2.4


def _creases(p: Page, rng: random.Random) -> None:
    """A letter folded in three for its envelope: two soft shadows across the sheet."""
    arr = np.asarray(p.img, dtype=np.float32)
    h = arr.shape[0]
    yy = np.arange(h, dtype=np.float32)[:, None]
    shade = np.ones((h, 1), np.float32)
    for frac in (1 / 3, 2 / 3):
        y0 = h * frac + rng.uniform(-0.01, 0.01) * h
        sigma = p.px(rng.uniform(0.8, 2.0))
        shade -= 0.12 * np.exp(-((yy - y0) / sigma) ** 2)
    p.img = Image.fromarray(np.clip(arr * shade[:, :, None], 0, 255).astype(np.uint8))
    p.draw = ImageDraw.Draw(p.img)


def _highlight(p: Page, doc: Doc, rng: random.Random) -> None:
    """A clerk's yellow highlighter over the key the file is shelved by (VIN, unit, name)."""
    keys = [v for k, v in doc.fields.items() if k in ("vin", "unit", "name", "company", "plate")]
    target = next((w for w in p.words if any(v in w.text for v in keys)), None)
    if target is None:
        return
    x0, y0, x1, y1 = target.box
    pad = max(2, (y1 - y0) // 4)
    alpha = np.zeros((y1 - y0 + 2 * pad, x1 - x0 + 2 * pad), np.float32)
    alpha[:, :] = rng.uniform(0.35, 0.55)
    handwriting.multiply(p.img, alpha, (255, 228, 40), (x0 - pad, y0 - pad))


# -- signatures and seals -------------------------------------------------------------------------------------

def _sign(p: Page, rng: random.Random, tally: Tally, index: int) -> list[SignatureTruth]:
    out = []
    for s in p.slots:
        x0, y0, x1, y1 = s.box
        bw, bh = x1 - x0, y1 - y0
        if rng.random() < 0.15:  # a sign-here cross pencilled beside the field by the advisor
            _pencil_cross(p, x0, y0, bh)
        if not s.signed and tally.blank_next(rng):
            t = SignatureTruth(role=s.role, label=s.label, status="blank", page=index, box=s.box)
            if rng.random() < 0.33:
                kind = rng.choice(MARKS)
                handwriting.multiply(p.img, handwriting.blank_mark(rng, (bw, bh), kind), (60, 60, 70), (x0, y0))
                t.mark = kind
            out.append(t)
            continue
        colour, ink = handwriting.pen_colour(rng)
        r = rng.random()
        height = int(bh * rng.uniform(0.55, 0.85))
        alpha = None
        source = "real"
        if r < 0.72:
            alpha = handwriting.chinese_signature(rng, rng.randint(1, 20), height)
        elif r < 0.82:
            alpha = handwriting.real_signature(rng, height)
        if alpha is None:
            alpha = handwriting.synthetic_signature(rng, height)
            source = "synthetic"
        if alpha.shape[1] > bw * 0.92 or alpha.shape[0] > bh * 0.92:
            f = min(bw * 0.92 / alpha.shape[1], bh * 0.92 / alpha.shape[0])
            alpha = cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))),
                               interpolation=cv2.INTER_AREA)
        ax = x0 + rng.randint(0, max(0, bw - alpha.shape[1]))
        ay = y0 + max(0, (bh - alpha.shape[0]) // 2 + rng.randint(-bh // 8, bh // 8))
        ay = min(ay, y1 - alpha.shape[0])
        handwriting.multiply(p.img, alpha, colour, (ax, max(y0, ay)))
        out.append(SignatureTruth(role=s.role, label=s.label, status="signed", page=index, box=s.box,
                                  source=source, ink=ink))
    return out


def _pencil_cross(p: Page, x0: int, y0: int, bh: int) -> None:
    s = max(6, bh // 3)
    cx, cy = x0 - s, y0 + bh // 2
    if cx - s < 0:
        return
    d = p.draw
    d.line((cx - s // 2, cy - s // 2, cx + s // 2, cy + s // 2), fill=(135, 135, 140), width=max(1, s // 8))
    d.line((cx - s // 2, cy + s // 2, cx + s // 2, cy - s // 2), fill=(135, 135, 140), width=max(1, s // 8))


def _stamp(p: Page, rng: random.Random, index: int) -> list[SealTruth]:
    out = []
    for q in p.seals:
        alpha = seals.rotated(seals.seal_alpha(rng, q.shape, q.text, q.middle, p.dpi), rng.uniform(-25, 25))
        if rng.random() < 0.12:
            alpha = alpha * 0.5  # a faint impression
        h, w = alpha.shape
        x, y = q.centre[0] - w // 2, q.centre[1] - h // 2
        for _ in range(16):  # a seal lies clearly over a field or clear of it, never just grazing its edge
            if all(cv < 0.0005 or cv > 0.12 for cv in (_cover(slot.box, alpha, x, y) for slot in p.slots)):
                break
            x = q.centre[0] - w // 2 + rng.randint(-w // 2, w // 2)
            y = q.centre[1] - h // 2 + rng.randint(-h // 2, h // 2)
        else:
            continue  # no clean place: this paper goes unstamped
        grey = np.asarray(p.img.convert("L"), dtype=np.float32)
        handwriting.multiply(p.img, alpha, rng.choice(seals.REDS), (x, y), rng.uniform(0.85, 1.0))
        ys, xs = np.nonzero(alpha > 0.08)
        box = (max(0, x + int(xs.min())), max(0, y + int(ys.min())), min(p.img.width, x + int(xs.max()) + 1),
               min(p.img.height, y + int(ys.max()) + 1))
        own = np.zeros(grey.shape, np.uint8)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(p.img.width, x + w), min(p.img.height, y + h)
        sub = alpha[y0 - y:y1 - y, x0 - x:x1 - x] > 0.3
        own[y0:y1, x0:x1] = sub & (grey[y0:y1, x0:x1] > 200)  # its ink where it fell on bare paper
        st = SealTruth(page=index, box=box, shape=q.shape, text=q.text, colour="red")
        st._own = (own, alpha, x, y)
        out.append(st)
    return out


def _cover(box: tuple[int, int, int, int], alpha: np.ndarray, x: int, y: int) -> float:
    """Share of a field's box under a seal's ink placed with its top-left at (x, y)."""
    x0, y0, x1, y1 = box
    h, w = alpha.shape
    a0, b0, a1, b1 = max(x0, x), max(y0, y), min(x1, x + w), min(y1, y + h)
    if a1 <= a0 or b1 <= b0:
        return 0.0
    return float((alpha[b0 - y:b1 - y, a0 - x:a1 - x] > 0.05).sum() / max(1, (x1 - x0) * (y1 - y0)))


def _covered(box: tuple[int, int, int, int], seal_list: list[SealTruth]) -> bool:
    return any(_cover(box, st._own[1], st._own[2], st._own[3]) > 0.12 for st in seal_list)


def _visible(st: SealTruth, H: np.ndarray, img: Image.Image) -> float:
    own = st._own[0]
    warped = cv2.warpPerspective(own, H, img.size, flags=cv2.INTER_NEAREST) > 0
    if not warped.any():
        return 0.0
    dark = np.asarray(img.convert("L")) < 128
    return round(float(dark[warped].mean()), 3)


def _clip(box: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[int, int, int, int]:
    w, h = size
    x0, y0, x1, y1 = box
    x0, y0 = max(0, min(x0, w - 2)), max(0, min(y0, h - 2))
    return (x0, y0, max(x0 + 1, min(x1, w)), max(y0 + 1, min(y1, h)))


# -- files --------------------------------------------------------------------------------------------------

def _save(pages: list[Image.Image], path: Path, fmt: str, dpi: int, rng: random.Random) -> None:
    if fmt == "pdf":
        rgbs = [im if im.mode in ("RGB", "L", "1") else im.convert("RGB") for im in pages]
        rgbs[0].save(path, "PDF", save_all=True, append_images=rgbs[1:], resolution=float(dpi),
                     creationDate=PDF_DATE, modDate=PDF_DATE)
    elif fmt == "tiff":
        if all(im.mode == "1" for im in pages):
            pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=(dpi, dpi))
        else:
            conv = [im.convert("RGB") for im in pages]
            conv[0].save(path, "TIFF", save_all=True, append_images=conv[1:], compression="jpeg", quality=85,
                         dpi=(dpi, dpi))
    elif fmt == "jpeg":
        buf = io.BytesIO()
        pages[0].convert("RGB").save(buf, "JPEG", quality=rng.randint(72, 92), dpi=(dpi, dpi))
        path.write_bytes(buf.getvalue())
    else:
        pages[0].save(path, "PNG", dpi=(dpi, dpi))
