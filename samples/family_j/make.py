"""Plans scan jobs, builds the papers, signs and stamps them, scans (degrades) them, saves the files and writes
their truth (samples/truth.py, family "j")."""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from dossier.models import Box, DossierRef
from dossier.samples import degrade, handwriting, seals
from dossier.samples.family_j import forms, people, photos
from dossier.samples.family_j.canvas import Page
from dossier.samples.family_j.forms import Built, Ctx
from dossier.samples.family_j.sites import DEALERS, OFFICES, Site, hant
from dossier.samples.render import font
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

PDF_DATE = dt.datetime(2026, 11, 30, 9, 0, 0).timetuple()  # PDFs carry a fixed date: same seed, same bytes
AFTER_SALES = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test",
               "loss_assessment", "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo",
               "fault_report"}
UNIT_TYPES = ("move_in", "renovation", "correspondence", "application")
VISIT_DOCS = {  # domain.md §1a: the papers each job type files
    "minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
    "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "major_repair": ["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"],
    "warranty_claim": ["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                       "fault_report", "tool_readings", "free_inspection_12"],
}
MINOR_EXTRA = ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"]
NEW_CAR = [("customer_card", 1.0), ("purchase_invoice", 0.9), ("sales_contract", 1.0), ("id_copy", 0.9),
           ("delivery_checklist", 1.0), ("vehicle_license", 0.5), ("insurance_policy", 0.6), ("value_added_services", 0.5),
           ("conformity_certificate", 0.5), ("delivery_photo", 0.4), ("pdi_checklist", 0.7), ("other_proof", 0.2)]
TINTS = [(250, 226, 232), (252, 245, 205), (222, 236, 250)]
CARBON = {"reception_sheet", "work_order", "settlement"}


@dataclass
class Doc:
    built: Built
    doc_type: str | None
    dossier: DossierRef | None
    visit: str | None
    job: str | None
    hant: bool
    sigs: list[SignatureTruth]
    seals: list[SealTruth]
    pages: list[Page]


class Tally:
    """Keeps the share of blank signature fields near its target at any count."""

    def __init__(self, blank: float) -> None:
        self.blank, self.n, self.b = blank, 0, 0

    def next_blank(self, rng: random.Random) -> bool:
        self.n += 1
        want = self.b < self.blank * self.n - rng.uniform(0, 1.0)
        self.b += want
        return want


def _fit(alpha: np.ndarray, w: int, h: int, rng: random.Random) -> np.ndarray:
    f = min(1.0, w * 0.92 / max(1, alpha.shape[1]), h * 0.95 / max(1, alpha.shape[0]))
    if f < 1.0:
        alpha = cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))),
                           interpolation=cv2.INTER_AREA)
    return alpha


def _surname(rng: random.Random, name: str, px: int) -> np.ndarray:
    """Only the surname, written quickly: one Kai character, slanted."""
    f = font("kai", px)
    im = Image.new("L", (px * 2, px * 2), 0)
    ImageDraw.Draw(im).text((px // 2, px // 3), name[0], font=f, fill=255)
    im = im.rotate(rng.uniform(-12, 6), resample=Image.Resampling.BICUBIC)
    a = np.asarray(im, dtype=np.float32) / 255.0
    ys, xs = np.nonzero(a > 0.1)
    return a[ys.min():ys.max() + 1, xs.min():xs.max() + 1] if len(xs) else a


def sign(pg: Page, page_no: int, rng: random.Random, tally: Tally, names: dict[str, str],
         company: str | None) -> list[SignatureTruth]:
    out = []
    for slot in pg.slots:
        x0, y0, x1, y1 = slot.box
        w, h = x1 - x0, y1 - y0
        if tally.next_blank(rng):
            mark = None
            if rng.random() < 0.33:
                mark = rng.choice(("specks", "smudge", "stray_line"))
                alpha = handwriting.blank_mark(rng, (w, h), mark)
                handwriting.multiply(pg.img, alpha, (40, 40, 60), (x0, y0))
            out.append(SignatureTruth(role=slot.role, label=slot.label, status="blank", page=page_no, box=slot.box,
                                      mark=mark))
            continue
        name = names.get(slot.role, "王")
        colour, ink = handwriting.pen_colour(rng)
        r = rng.random()
        height = int(h * rng.uniform(0.55, 0.85))
        if slot.hint == "esign":
            alpha, source, colour, ink = handwriting.chinese_signature(rng, None, height), "real", (15, 30, 105), "blue"
        elif r < 0.1:
            alpha, source = _surname(rng, name, height), "synthetic"
        elif r < 0.72:
            alpha, source = handwriting.chinese_signature(rng, None, height), "real"
        elif r < 0.82:
            real = handwriting.real_signature(rng, height)
            alpha, source = (real, "real") if real is not None else (handwriting.synthetic_signature(rng, height), "synthetic")
        else:
            alpha, source = handwriting.synthetic_signature(rng, height), "synthetic"
        alpha = _fit(alpha, w, h, rng)
        for _ in range(4):  # a faint or tiny name in a wide cell reads as empty: write it larger
            if (alpha > 0.6).sum() >= 0.025 * w * h or height >= h * 0.95:
                break
            height = min(int(h * 0.95), int(height * 1.25))
            alpha = _fit(handwriting.chinese_signature(rng, None, height) if source == "real" else
                         handwriting.synthetic_signature(rng, height), w, h, rng)
        if (alpha > 0.6).sum() < 0.025 * w * h:  # still thin: a broader pen
            alpha = cv2.dilate(alpha, np.ones((3, 3), np.uint8))
        ax = x0 + int(rng.uniform(0.02, 0.98) * max(0, w - alpha.shape[1]))
        ay = y0 + int(rng.uniform(0.05, 0.95) * max(0, h - alpha.shape[0]))
        handwriting.multiply(pg.img, alpha, colour, (ax, ay), rng.uniform(0.9, 1.0))
        if slot.hint == "seal" and company:
            pg.seal("round", company, "", (x0 + w * rng.uniform(0.3, 0.7)) * 25.4 / pg.dpi, (y0 + y1) / 2 * 25.4 / pg.dpi,
                    over=pg.slots.index(slot))
        out.append(SignatureTruth(role=slot.role, label=slot.label, status="signed", page=page_no, box=slot.box,
                                  source=source, ink=ink))
    return out


def _coverage(shape: str, cx: float, cy: float, rx: float, ry: float, box: Box) -> float:
    x0, y0, x1, y1 = box
    xs = np.linspace(x0, x1, 24)
    ys = np.linspace(y0, y1, 12)
    gx, gy = np.meshgrid(xs, ys)
    if shape == "square":
        inside = (abs(gx - cx) <= rx) & (abs(gy - cy) <= ry)
    else:
        inside = ((gx - cx) / rx) ** 2 + ((gy - cy) / ry) ** 2 <= 1
    return float(inside.mean())


def stamp(pg: Page, page_no: int, rng: random.Random, sigs: list[SignatureTruth]) -> list[tuple[SealTruth, np.ndarray, int, int]]:
    """Presses the page's seals; returns each seal's truth with its own ink mask and where it lies."""
    out = []
    W, H = pg.img.size
    page_sigs = [s for s in sigs if s.page == page_no]
    for spot in pg.seals:
        alpha = seals.seal_alpha(rng, spot.shape, spot.text, spot.middle, pg.dpi, False)
        alpha = seals.rotated(alpha, rng.uniform(-25, 25) if spot.shape != "oval" else rng.uniform(-6, 6))
        h, w = alpha.shape
        cx, cy = spot.centre
        rx, ry = w / 2 - 4, h / 2 - 4
        if spot.over is None:  # a free seal keeps off every signature field
            for _ in range(12):
                if not any(_coverage(spot.shape, cx, cy, rx, ry, s.box) > 0 for s in page_sigs):
                    break
                cy -= int(pg.dpi / 25.4 * 12)
        x, y = int(cx - w / 2), int(cy - h / 2)
        paper = np.asarray(pg.img.convert("L"), dtype=np.float32)
        colour = rng.choice(seals.REDS)
        faint = rng.random() < 0.15
        handwriting.multiply(pg.img, alpha, colour, (x, y), rng.uniform(0.45, 0.6) if faint else rng.uniform(0.8, 1.0))
        ys, xs = np.nonzero(alpha > 0.1)
        box = (max(0, x + int(xs.min())), max(0, y + int(ys.min())), min(W, x + int(xs.max()) + 1), min(H, y + int(ys.max()) + 1))
        for s in page_sigs:
            if _coverage(spot.shape, cx, cy, rx, ry, s.box) > (0.12 if spot.over is None else 0.0):
                s.under_seal = True
        own = np.zeros((H, W), np.float32)
        x0c, y0c = max(0, x), max(0, y)
        x1c, y1c = min(W, x + w), min(H, y + h)
        own[y0c:y1c, x0c:x1c] = alpha[y0c - y:y1c - y, x0c - x:x1c - x]
        own *= (paper > 200)  # only where it fell on bare paper
        st = SealTruth(page=page_no, box=box, shape=spot.shape, text=spot.text, colour="red")
        out.append((st, own, x, y))
    return out


def shadow(img: Image.Image, rng: random.Random) -> Image.Image:
    """The phone's or the hand's shadow across one side of the photo."""
    arr = np.asarray(img, dtype=np.float32)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    d = (np.cos(a) * (xx / w - 0.5) + np.sin(a) * (yy / h - 0.5))
    edge = rng.uniform(0.1, 0.35)
    dark = 1 - rng.uniform(0.3, 0.5) / (1 + np.exp(-(d - edge) * 40))
    out = arr * (dark[..., None] if arr.ndim == 3 else dark)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def new_ctx(rng: random.Random, site: Site, dpi: int, hant_: bool) -> Ctx:
    c = people.customer(rng, site)
    return Ctx(site, rng, dpi, hant_, c)


def build_doc(ctx: Ctx, doc_type: str | None, visit: people.Visit | None) -> Built:
    if doc_type is None:
        return photos.snapshot(ctx)
    if doc_type == "delivery_photo":
        return photos.delivery_photo(ctx)
    if doc_type == "damage_photo":
        return photos.damage_photo(ctx)
    return forms.BUILDERS[doc_type](ctx)


SHARE = {"visit": 0.45, "unit": 0.28, "newcar": 0.22, "snap": 0.05}  # the archive's shares of documents


def job_docs(kind: str, rng: random.Random) -> tuple[Site, list[str | None], str | None]:
    if kind == "snap":
        return rng.choice(DEALERS + OFFICES), [None], None
    if kind == "unit":
        k = rng.choice((1, 1, 2, 2, 3))
        return rng.choice(OFFICES), list(rng.sample(UNIT_TYPES, k)), None
    site = rng.choice(DEALERS)
    if kind == "newcar":
        docs: list[str | None] = [d for d, p in NEW_CAR if rng.random() < p]
        return site, docs, None
    job = rng.choice(("maintenance", "maintenance", "minor_repair", "minor_repair", "first_service", "major_repair",
                      "warranty_claim"))
    docs = list(VISIT_DOCS[job])
    if job == "minor_repair":
        docs += rng.sample(MINOR_EXTRA, rng.choice((0, 1, 1, 2)))
    if rng.random() < 0.12:  # a paper missing from the stack
        docs.pop(rng.randrange(len(docs)))
    if rng.random() < 0.25:
        rng.shuffle(docs)
    return site, docs, job


def run_job(kind: str, seed: int, stem: str, out: Path, file_seed: int) -> tuple[list[Path], int]:
    rng = random.Random(seed)
    site, types, job = job_docs(kind, rng)
    dpi = 100 if rng.random() < 0.1 else rng.choice((150, 200, 200))
    hant_ = rng.random() < site.hant_share
    ctx = new_ctx(rng, site, dpi, hant_)
    car = people.car(rng, site) if site.kind == "dealer" else None
    ctx.car = car
    visit = people.visit(rng, site, job, car) if job and car else None
    ctx.visit = visit
    unit = people.unit(rng, site) if site.kind == "property" else None
    if unit:
        ctx.unit, ctx.cust = unit, unit.owner
        if rng.random() < 0.4:
            ctx.car = people.car(rng, DEALERS[0])  # a resident's car for a parking application
    tally = Tally(0.3)
    docs: list[Doc] = []
    for t in types:
        ctx.paper, ctx.copy_mark = (255, 255, 255), ""
        if t in CARBON and site.key in ("ludao", "shancheng") and rng.random() < 0.35:
            ctx.paper = rng.choice(TINTS)  # a carbon set: only the customer's copy is filed
            ctx.copy_mark = "第二联：客户联"
        if t == "customer_card" and rng.random() < 0.4:
            ctx.paper = (226, 243, 226)  # the "green card" printed on green stock
        if t == "application":
            ctx.subject = rng.choice(["车位", "房门锁", "水牌", "客户加班", "电话"] if ctx.car else ["房门锁", "水牌", "客户加班", "电话"])
        built = build_doc(ctx, t, visit)
        if t is None:
            ref = None
        elif t in UNIT_TYPES:
            assert unit
            ref = DossierRef(kind="unit", key=unit.number)
        else:
            assert car
            ref = DossierRef(kind="car", key=car.vin)
        names = {"customer": ctx.cust.name, "staff": visit.advisor if visit else "李"}
        sigs: list[SignatureTruth] = []
        for i, pg in enumerate(built.pages):
            sigs += sign(pg, i + 1, rng, tally, names, ctx.cust.company)
        docs.append(Doc(built, t, ref, visit.number if visit and t in AFTER_SALES else None,
                        job if t in AFTER_SALES else None, hant_, sigs, [], built.pages))
    # Package: one stack, or the papers one by one (single-page ones as pictures).
    groups: list[list[Doc]]
    if len(docs) > 1 and rng.random() < 0.55:
        groups = [docs]
    elif len(docs) > 3 and rng.random() < 0.5:
        cut = rng.randint(1, len(docs) - 1)
        groups = [docs[:cut], docs[cut:]]
    else:
        groups = [[d] for d in docs]
    paths = []
    for gi, g in enumerate(groups):
        frng = random.Random(file_seed * 1000 + gi)
        paths.append(save(g, f"{stem}-{gi + 1}" if len(groups) > 1 else stem, out, frng, file_seed))
    return paths, len(docs)


def save(docs: list[Doc], stem: str, out: Path, rng: random.Random, seed: int) -> Path:
    pages = [pg for d in docs for pg in d.pages]
    photo_like = all(d.doc_type in (None, "delivery_photo", "damage_photo") for d in docs)
    if len(pages) == 1:
        fmt = rng.choice(("jpeg", "png", "pdf", "tiff")) if not photo_like else rng.choice(("jpeg", "jpeg", "png"))
    else:
        fmt = rng.choice(("pdf", "pdf", "tiff"))
    phone = photo_like or (fmt in ("jpeg", "png") and rng.random() < 0.3)
    noisy = rng.random() < 0.6
    base = degrade.file_look(rng, noisy)
    images: list[Image.Image] = []
    ptruth: list[PageTruth] = []
    dtruth: list[DocumentTruth] = []
    index = 0
    for d in docs:
        first = index + 1
        doc_seals: list[SealTruth] = []
        local = [s.page for s in d.sigs]  # pages within the document, before they are numbered in the file
        for k, pg in enumerate(d.pages):
            index += 1
            mine = [s for s, p in zip(d.sigs, local, strict=True) if p == k + 1]
            stamped = stamp(pg, k + 1, rng, mine)
            lk = degrade.page_look(rng, base, noisy, turn_p=0.06, photo=phone)
            img, H = degrade.apply(pg.img, lk, rng)
            names = lk.names()
            if phone and rng.random() < 0.35:
                img = shadow(img.convert("RGB"), rng)
                names.append("shadow")
            if pg.paper != (255, 255, 255):
                names.append(f"paper {pg.paper}")
            if pg.dpi == 100:
                names.append("low resolution")
            for s in mine:
                s.page = index
                s.box = _clip(degrade.map_box(H, s.box), img.size)
            for st, own, _x, _y in stamped:
                st.page = index
                st.box = _clip(degrade.map_box(H, st.box), img.size)
                if lk.grey:
                    st.colour = "grey"
                if lk.bilevel:
                    st.colour = "black"
                    warped = cv2.warpPerspective(own, H, img.size, flags=cv2.INTER_LINEAR)
                    ink = warped > 0.5
                    dark = np.asarray(img.convert("L")) < 128
                    st.visible = round(float((ink & dark).sum() / max(1, ink.sum())), 3)
                doc_seals.append(st)
            ptruth.append(PageTruth(index=index, width=img.width, height=img.height, dpi=pg.dpi, rotation=lk.rotation,
                                    degradations=names, doc_type=d.doc_type, continuation=pg.continuation,
                                    text=pg.text_lines()))
            images.append(degrade.turn(img, lk.rotation))
        dtruth.append(DocumentTruth(pages=list(range(first, index + 1)), doc_type=d.doc_type, title=d.built.title,
                                    script="hant" if d.hant and not d.built.simplified else "hans", dossier=d.dossier, visit=d.visit, job_type=d.job,
                                    fields=d.built.fields, signatures=d.sigs, seal=bool(doc_seals), seals=doc_seals,
                                    rotation=ptruth[first - 1].rotation))
    ext = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}[fmt]
    path = out / (stem + ext)
    dpi = docs[0].pages[0].dpi
    if fmt == "pdf":
        imgs = [im if im.mode in ("1", "L") else im.convert("RGB") for im in images]
        imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), creationDate=PDF_DATE,
                     modDate=PDF_DATE, producer="family_j", creator="family_j")
    elif fmt == "tiff":
        imgs = [im if im.mode == "1" else im.convert("RGB") for im in images]
        comp = "group4" if all(im.mode == "1" for im in imgs) else "tiff_deflate"
        imgs = imgs if comp == "group4" else [im.convert("RGB") for im in imgs]
        imgs[0].save(path, "TIFF", save_all=True, append_images=imgs[1:], compression=comp, dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].convert("RGB").save(path, "JPEG", quality=rng.randint(70, 90), dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=ptruth, documents=dtruth, family="j"))
    return path


def _clip(box: Box, size: tuple[int, int]) -> Box:
    w, h = size
    x0, y0, x1, y1 = box
    x0, y0 = min(max(0, x0), w - 2), min(max(0, y0), h - 2)
    return (x0, y0, max(x0 + 1, min(w, x1)), max(y0 + 1, min(h, y1)))


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """About `count` documents of family j in `out`, each file with its STEM.truth.json; same seed, same bytes."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 7919 + 10)
    paths: list[Path] = []
    done = dict.fromkeys(SHARE, 0)
    total, n = 0, 0
    while total < count:  # each next scan job serves the kind of paper furthest behind its share
        kind = max(SHARE, key=lambda k: SHARE[k] * (total + 1) - done[k] + rng.uniform(0, 0.5))
        job_seed = rng.randrange(2**31)
        n += 1
        got, docs = run_job(kind, job_seed, f"fj{seed}-{n:03d}-{kind}", out, job_seed % 100000 + n)
        paths += got
        done[kind] += docs
        total += docs
    return paths


__all__ = ["generate", "hant"]
