"""Plan scan jobs, build the papers, sign and stamp them, scan (degrade) them, save files and truth."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from dossier.models import Box
from dossier.samples import degrade
from dossier.samples.family_k import forms, photos
from dossier.samples.family_k.canvas import SealWant, Sheet, Slot
from dossier.samples.family_k.layout import Doc
from dossier.samples.family_k.sites import (
    SITES,
    Site,
    car,
    customer,
    person_name,
    some_day,
    unit_no,
    visit_no,
)
from dossier.samples.handwriting import (
    blank_mark,
    chinese_signature,
    multiply,
    pen_colour,
    real_signature,
    synthetic_signature,
)
from dossier.samples.seals import REDS, rotated, seal_alpha
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

# What each job type's visit hands over (domain.md §1a), the optional papers after the "|".
VISIT_PAPERS = {
    "minor_repair": (["reception_sheet", "work_order", "settlement", "free_inspection_12"],
                     ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"]),
    "first_service": (["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"], []),
    "maintenance": (["reception_sheet", "work_order", "settlement", "free_inspection_12"], []),
    "major_repair": (["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"], []),
    "warranty_claim": (["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                        "fault_report", "tool_readings", "free_inspection_12"], []),
}
NEW_CAR = ["customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
           "other_proof"]
UNIT = ["move_in", "renovation", "correspondence", "application", "application"]
FIXED_DATE = time.struct_time((2026, 12, 1, 8, 0, 0, 1, 335, 0))
TINTS = {"pink": (250, 222, 226), "yellow": (250, 244, 200), "blue": (222, 236, 250)}


@dataclass
class Built:
    doc: Doc
    truth: DocumentTruth
    images: list[Image.Image]
    sheets: list[Sheet]


class Tally:
    """Running counts that keep the blank-field share and the signing sources near their targets."""

    def __init__(self) -> None:
        self.fields = 0
        self.blank = 0

    def blank_now(self, rng: random.Random) -> bool:
        self.fields += 1
        want = 0.3 * self.fields
        b = self.blank < want - 1 or (abs(self.blank - want) <= 1 and rng.random() < 0.3)
        self.blank += b
        return b


def _sign(rng: random.Random, sh: Sheet, slot: Slot, tally: Tally, hant: bool) -> SignatureTruth:
    blank = slot.want == "blank" or (slot.want == "auto" and tally.blank_now(rng))
    x0, y0, x1, y1 = slot.box
    w, h = x1 - x0, y1 - y0
    role = "customer" if slot.role == "customer" else "staff"
    if blank:
        mark = None
        if rng.random() < 0.33:
            mark = rng.choice(("specks", "smudge", "stray_line"))
            colour, _ = pen_colour(rng)
            multiply(sh.img, blank_mark(rng, (w, h), mark), colour, (x0, y0))
        return SignatureTruth(role=role, label=slot.label, status="blank", page=1, box=slot.box, mark=mark)
    style = slot.style if slot.style != "pen" else rng.choice(("pen",) * 8 + ("surname", "esign"))
    hh = int(h * rng.uniform(0.55, 0.8))
    r = rng.random()
    if r < 0.72 or style == "surname":
        alpha, source = chinese_signature(rng, None, hh), "real"
        if style == "surname":  # a hurried clerk's surname only
            alpha = alpha[:, : max(4, int(alpha.shape[1] * rng.uniform(0.3, 0.42)))]
    elif r < 0.82:
        maybe = real_signature(rng, hh)
        alpha, source = (maybe, "real") if maybe is not None else (synthetic_signature(rng, hh), "synthetic")
    else:
        alpha, source = synthetic_signature(rng, hh), "synthetic"
    # A signature is written to be seen: a short one (a surname, a small hand) is written larger, up to
    # the field's height, so it never shrinks to a speck in a long field.
    grow = min(0.4 * w / max(1, alpha.shape[1]), 0.92 * h / max(1, alpha.shape[0]))
    if grow > 1:
        alpha = np.asarray(Image.fromarray((alpha * 255).astype(np.uint8)).resize(
            (max(1, int(alpha.shape[1] * grow)), max(1, int(alpha.shape[0] * grow)))), np.float32) / 255
    if alpha.shape[1] > w - 4:
        f = (w - 4) / alpha.shape[1]
        alpha = np.asarray(Image.fromarray((alpha * 255).astype(np.uint8)).resize(
            (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f)))), np.float32) / 255
    ah, aw = alpha.shape
    ax = x0 + 2 + rng.randint(0, max(0, w - aw - 4))
    ay = y0 + max(0, (h - ah) // 2 + rng.randint(-h // 8, h // 8))
    ay = min(ay, y1 - ah)
    if style == "esign":  # a tablet signature pasted in: dark blue strokes over a thin grey rule
        rule = np.zeros((ah, aw), np.float32)
        rule[int(ah * 0.86):int(ah * 0.86) + 1, :] = 0.35
        multiply(sh.img, rule, (150, 150, 150), (ax, ay))
        colour, ink = (18, 32, 112), "blue"
    else:
        colour, ink = pen_colour(rng)
    multiply(sh.img, alpha, colour, (ax, ay))
    return SignatureTruth(role=role, label=slot.label, status="signed", page=1, box=slot.box,
                          source=source, ink=ink)


def _share(a: Box, b: Box) -> float:
    """Share of box b covered by box a."""
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    return ix * iy / max(1, (b[2] - b[0]) * (b[3] - b[1]))


def _disc_share(centre: tuple[int, int], r: float, b: Box) -> float:
    """Share of box b inside the seal's disc (sampled)."""
    xs = np.linspace(b[0], b[2], 24)
    ys = np.linspace(b[1], b[3], 12)
    xx, yy = np.meshgrid(xs, ys)
    return float((((xx - centre[0]) ** 2 + (yy - centre[1]) ** 2) <= r * r).mean())


def _stamp_seals(rng: random.Random, sh: Sheet, sigs: list[SignatureTruth], hant: bool) -> list[SealTruth]:
    out = []
    for want in sh.seals:
        alpha = rotated(seal_alpha(rng, want.shape, want.text, want.middle, sh.dpi, hant), rng.uniform(-25, 25))
        ah, aw = alpha.shape
        r = 0.5 * max(ah, aw)
        cx, cy = want.centre
        for dy in (0, -1, 1, -2, 2, -3, 3):  # shift off any field it would only graze
            c = (cx, cy + int(dy * r * 0.5))
            shares = [_disc_share(c, r * 0.95, s.box) for s in sigs]
            if all(x == 0 or x > 0.12 for x in shares) and all(
                    _share((c[0] - int(r), c[1] - int(r), c[0] + int(r), c[1] + int(r)), k) == 0 for k in sh.keep_out):
                break
        else:
            continue
        box = (max(0, c[0] - aw // 2), max(0, c[1] - ah // 2), min(sh.img.width, c[0] + aw - aw // 2),
               min(sh.img.height, c[1] + ah - ah // 2))
        if box[2] - box[0] < aw // 2 or box[3] - box[1] < ah // 2:
            continue
        colour = rng.choice(REDS)
        multiply(sh.img, alpha * rng.uniform(0.75, 1.0), colour, (c[0] - aw // 2, c[1] - ah // 2))
        for s, x in zip(sigs, shares, strict=True):
            if x > 0.12:
                s.under_seal = True
        text = want.text if want.shape != "square" else ((want.text + "印")[:4] if len(want.text) < 4 else want.text[:4])
        out.append(SealTruth(page=1, box=box, shape=want.shape, text=text, colour="red"))
    return out


def _fax_line(rng: random.Random, sh: Sheet, site: Site, k: int, n: int) -> None:
    sh.text(6, 4, f"{time.strftime('%Y-%m-%d', FIXED_DATE)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}  FROM:"
            f"{site.area}-8{rng.randint(1000000, 9999999)}  TO:{site.area}-8{rng.randint(1000000, 9999999)}  P.{k:02d}/{n:02d}",
            2.4, "mono")
    sh.line(6, 8, sh.w_mm - 6, 8, 0.15)


def _carbon(sh: Sheet, which: str) -> None:
    """The customer's copy of a triplicate set: the copy named down the right edge."""
    x = sh.w_mm - 7
    for k, ch in enumerate(which):
        sh.text(x, 60 + k * 5, ch, 3.2, "sans", anchor="ma")


def build(rng: random.Random, code: str | None, ctx: forms.Ctx, tally: Tally, *, carbon: bool = False,
          fax: bool = False) -> Built:
    if code in ("delivery_photo", "damage_photo") or code is None:
        doc = photos.photo(code, ctx)
    else:
        if carbon:
            ctx_paper = rng.choice(list(TINTS))
            doc = forms.BUILDERS[code](ctx)
            for sh in doc.sheets:  # the customer's copy: carbon-blue print on tinted paper
                dark = 1 - np.asarray(sh.img.convert("L"), np.float32)[..., None] / 255
                tint, carbon_ink = np.array(TINTS[ctx_paper], np.float32), np.array((55, 50, 120), np.float32)
                sh.img = Image.fromarray((tint * (1 - dark) + carbon_ink * dark).clip(0, 255).astype(np.uint8))
                sh.draw = ImageDraw.Draw(sh.img)
                sh.extra.append(f"paper {TINTS[ctx_paper]}")
                _carbon(sh, doc.t("第二联客户联"))
        else:
            doc = forms.BUILDERS[code](ctx)
    doc.number_pages()
    if fax:
        for k, sh in enumerate(doc.sheets, 1):
            _fax_line(rng, sh, ctx.site, k, len(doc.sheets))
    sigs: list[SignatureTruth] = []
    seals: list[SealTruth] = []
    for p, sh in enumerate(doc.sheets, 1):
        page_sigs = [_sign(rng, sh, s, tally, doc.hant) for s in sh.slots]
        # 客户确认（签字/盖章）: a company customer stamps its own seal beside the name
        for s in sh.slots:
            stamps_too = s.company_seal or (s.role == "customer" and "章" in s.label)  # 签章 / 盖章 fields
            if stamps_too and ctx.cust.company and rng.random() < 0.8:
                x0, y0, x1, y1 = s.box
                d = sh.dpi / 25.4
                doc.sheets[p - 1].seals.append(SealWant("round", ctx.cust.company, "",
                                                              (int(x1 - 12 * d), (y0 + y1) // 2)))
        page_seals = _stamp_seals(rng, sh, page_sigs, doc.hant)
        for sg in page_sigs:
            sg.page = p
        for se in page_seals:
            se.page = p
        sigs += page_sigs
        seals += page_seals
    truth = DocumentTruth(pages=list(range(1, len(doc.sheets) + 1)), doc_type=doc.doc_type, title=doc.title,
                          script="hant" if doc.hant else "hans", dossier=doc.dossier,
                          visit=doc.visit if doc.doc_type in AFTER else None,
                          job_type=doc.job_type if doc.doc_type in AFTER else None, fields=dict(doc.fields),
                          signatures=sigs, seal=bool(seals), seals=seals)
    return Built(doc, truth, [sh.img for sh in doc.sheets], doc.sheets)


AFTER = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
         "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
         "fault_report"}


def _shadow(img: Image.Image, rng: random.Random) -> Image.Image:
    """A hand's or a phone's soft shadow across one corner of a photographed page."""
    w, h = img.size
    mask = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    cx, cy = rng.choice((0, w)), rng.choice((0, h))
    rr = int(min(w, h) * rng.uniform(0.3, 0.5))
    d.ellipse((cx - rr, cy - rr * 2, cx + rr, cy + rr * 2), fill=int(255 * rng.uniform(0.2, 0.32)))
    mask = mask.filter(ImageFilter.GaussianBlur(rr / 4))
    dark = Image.new(img.mode, img.size, 0 if img.mode == "L" else (0, 0, 0))
    return Image.composite(dark, img, mask)


def _scan(rng: random.Random, built: list[Built], fmt: str, noisy: bool, photo: bool) -> tuple[list[Image.Image],
                                                                                              list[PageTruth]]:
    base = degrade.file_look(rng, noisy)
    images, pages = [], []
    k = 0
    for b in built:
        moved: dict[int, np.ndarray] = {}
        for i, (img, sh) in enumerate(zip(b.images, b.sheets, strict=True)):
            k += 1
            land = sh.w_mm > sh.h_mm
            lk = degrade.page_look(rng, base, noisy, turn_p=0.08 if not land else 0.0, photo=photo)
            if land and rng.random() < 0.5:  # a landscape form fed in portrait-wise
                lk.rotation = rng.choice((90, 270))
            if fmt == "jpeg" and lk.bilevel:
                lk.bilevel = False
            out, H = degrade.apply(img, lk, rng)
            notes = lk.names() + sh.extra
            if photo and rng.random() < 0.4:
                out = _shadow(out.convert("RGB"), rng)
                notes.append("shadow")
            if b.doc.dpi <= 100:
                notes.append("low resolution")
            moved[i + 1] = H
            uw, uh = out.size
            page = PageTruth(index=k, width=uw, height=uh, dpi=b.doc.dpi, rotation=lk.rotation, degradations=notes,
                             doc_type=b.truth.doc_type, continuation=sh.continuation, text=sh.text_lines())
            pages.append(page)
            images.append(degrade.turn(out, lk.rotation))
        offset = k - len(b.images)
        colour = "black" if base.bilevel else "grey" if base.grey else "red"
        for s in b.truth.signatures:
            s.box = _clamp(degrade.map_box(moved[s.page], s.box), pages[offset + s.page - 1])
            s.page += offset
        for st in b.truth.seals:
            seal_box = st.box
            st.box = _clamp(degrade.map_box(moved[st.page], st.box), pages[offset + st.page - 1])
            pg = pages[offset + st.page - 1]
            st.colour = colour if "photo" not in pg.degradations else "red"  # type: ignore[assignment]
            if st.colour == "black":
                st.visible = _visible(b.sheets[st.page - 1], seal_box)
            st.page += offset
        b.truth.pages = [p + offset for p in b.truth.pages]
        b.truth.rotation = pages[offset].rotation
    return images, pages


def _visible(sh: Sheet, box: Box) -> float:
    """Share of the seal's ink darker than a bilevel scanner's threshold would keep (about 150)."""
    rgb = np.asarray(sh.img.crop(box), np.float32)
    red = rgb[..., 0] - (rgb[..., 1] + rgb[..., 2]) / 2 > 40
    if not red.any():
        return 0.0
    lum = rgb @ np.array([0.299, 0.587, 0.114], np.float32)
    return round(float((lum[red] < 150).mean()), 2)


def _clamp(b: Box, p: PageTruth) -> Box:
    x0, y0, x1, y1 = b
    x0, y0 = max(0, min(x0, p.width - 2)), max(0, min(y0, p.height - 2))
    return (x0, y0, max(x0 + 1, min(x1, p.width)), max(y0 + 1, min(y1, p.height)))


def _save(path: Path, images: list[Image.Image], fmt: str, dpi: int) -> None:
    if fmt == "pdf":
        ims = [im.convert("RGB") if im.mode not in ("RGB", "L", "1") else im for im in images]
        ims[0].save(path, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpi),
                    creationDate=FIXED_DATE, modDate=FIXED_DATE)
    elif fmt == "tiff":
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                       dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].convert("RGB").save(path, "JPEG", quality=86, dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


EXT = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def _ctx(rng: random.Random, site: Site, dpi: int, *, new: bool = False) -> forms.Ctx:
    cust = customer(rng, site, 0.25 if site.kind == "car" else 0.45)
    day = some_day(rng)
    return forms.Ctx(site, rng, dpi, cust, car(rng, site, new) if site.kind == "car" else None,
                     unit_no(rng, site) if site.kind == "unit" else None, day, advisor=person_name(rng),
                     hant=site.hant)


def _dpi(rng: random.Random) -> int:
    r = rng.random()
    return 100 if r < 0.1 else 200 if r < 0.22 else 150


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """About `count` documents in scan files under `out`, each with STEM.truth.json beside it."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    files: list[Path] = []
    made = 0
    n = 0
    cars = [s for s in SITES if s.kind == "car"]
    units = [s for s in SITES if s.kind == "unit"]
    share = {"after": 0.45, "new": 0.22, "unit": 0.28, "none": 0.05}  # of an archive's documents
    have = dict.fromkeys(share, 0)
    while made < count:
        n += 1
        # Each next job serves the kind furthest behind its share (a visit brings five papers, a unit one or two).
        behind = {k: share[k] * (made + 1) - have[k] + rng.uniform(0, 1.5) for k in share}
        kind = max(behind, key=lambda k: behind[k])
        r = {"after": 0.1, "new": 0.5, "unit": 0.8, "none": 0.99}[kind]
        dpi = _dpi(rng)
        jobs: list[tuple[list[tuple[str | None, forms.Ctx, bool, bool]], str]] = []  # (docs, format)
        if r < 0.46:  # a workshop visit
            site = rng.choice(cars)
            c = _ctx(rng, site, dpi)
            c.job = rng.choice(list(VISIT_PAPERS))
            c.visit = visit_no(rng, site, c.day)
            need, extra = VISIT_PAPERS[c.job]
            papers = list(need) + rng.sample(extra, rng.randint(0, min(2, len(extra))))
            if rng.random() < 0.12:
                papers.pop(rng.randrange(len(papers)))
            if rng.random() < 0.25:
                rng.shuffle(papers)
            carbon = site.key == "xc" and rng.random() < 0.75
            docs: list[tuple[str | None, forms.Ctx, bool, bool]] = [
                (p, c, carbon and p in ("reception_sheet", "work_order"), False) for p in papers]
            if rng.random() < 0.55:
                jobs.append((docs, rng.choice(("pdf", "pdf", "tiff"))))
            else:
                k = 0
                while k < len(docs):
                    step = rng.choice((1, 1, 2, 3))
                    fmt = rng.choice(("jpeg", "png", "pdf", "tiff")) if step == 1 else rng.choice(("pdf", "tiff"))
                    jobs.append((docs[k:k + step], fmt))
                    k += step
        elif r < 0.63:  # a new-car handover
            site = rng.choice(cars)
            c = _ctx(rng, site, dpi, new=True)
            papers = [p for p in NEW_CAR if rng.random() < (0.95 if p in ("customer_card", "sales_contract",
                                                                         "delivery_checklist", "id_copy") else 0.45)]
            if "vehicle_license" in papers and c.car and not c.car.plate:
                from dossier.samples.family_k import ids
                c.car.plate = ids.plate(rng, "鄂", site.plate_letter, rng.random() < site.ne_share)
            docs = [(p, c, False, False) for p in papers]
            if rng.random() < 0.5:
                jobs.append((docs, rng.choice(("pdf", "tiff"))))
            else:
                for dd in docs:
                    jobs.append(([dd], rng.choice(("jpeg", "png", "pdf", "pdf", "tiff"))))
        elif r < 0.94:  # a unit's papers
            site = rng.choice(units)
            c = _ctx(rng, site, dpi)
            papers = rng.sample(UNIT, rng.randint(1, 3))
            fax = site.key == "hjw" and rng.random() < 0.25
            docs = [(p, c, False, fax) for p in papers]
            if len(docs) > 1 and rng.random() < 0.6:
                jobs.append((docs, rng.choice(("pdf", "tiff"))))
            else:
                for dd in docs:
                    jobs.append(([dd], rng.choice(("jpeg", "png", "pdf", "tiff"))))
        else:  # a snapshot that is no document
            c = _ctx(rng, rng.choice(cars), dpi)
            jobs.append(([(None, c, False, False)], rng.choice(("jpeg", "png"))))
        for docs, fmt in jobs:
            photo = fmt in ("jpeg", "png") and rng.random() < 0.35
            noisy = rng.random() < 0.6
            built = []
            for code, c, carbon, fax in docs:
                c.rng = rng
                built.append(build(rng, code, c, tally, carbon=carbon, fax=fax))
            if fmt in ("jpeg", "png") and sum(len(b.images) for b in built) > 1:
                fmt = "pdf"
            images, pages = _scan(rng, built, fmt, noisy, photo)
            stem = f"k{seed % 100000:05d}_{len(files) + 1:04d}"
            path = out / (stem + EXT[fmt])
            _save(path, images, fmt, built[0].doc.dpi)
            truth = FileTruth(file=path.name, format=fmt, seed=seed, pages=pages,
                              documents=[b.truth for b in built], family="k")
            write_truth(path, truth)
            files.append(path)
            made += len(built)
            have[kind] += len(built)
    return files

