"""Family h's generator: plan the scan jobs, build each document, sign, stamp, scan, save, write the truth.

`generate(seed, count, out)` writes about `count` documents (PDF, TIFF, JPEG, PNG) with `STEM.truth.json`
beside each file (samples/truth.py, family "h"). The same seed gives the same bytes and truth.
"""

from __future__ import annotations

import dataclasses
import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageFilter

from dossier.models import Box
from dossier.samples import degrade, handwriting, seals
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

from . import forms, people, photos
from .canvas import Page
from .layout import Ctx
from .sites import CAR_SITES, UNIT_SITES, Site, fmt_date, hant

NEW_CAR = ("customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist", "other_proof")
VISIT_DOCS = {
    "minor_repair": ("reception_sheet", "work_order", "settlement", "free_inspection_12"),
    "first_service": ("reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"),
    "maintenance": ("reception_sheet", "work_order", "settlement", "free_inspection_12"),
    "major_repair": ("reception_sheet", "work_order", "estimate", "settlement", "road_test", "free_inspection_12"),
    "warranty_claim": ("reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                       "fault_report", "tool_readings", "free_inspection_12"),
}
MINOR_EXTRAS = ("addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate")
UNIT_DOCS = ("move_in", "renovation", "correspondence", "application")
CAR_BUILDERS: dict[str, Callable[..., forms.Doc]] = {
    "customer_card": forms.customer_card, "purchase_invoice": forms.purchase_invoice, "sales_contract": forms.sales_contract,
    "id_copy": forms.id_copy, "delivery_checklist": forms.delivery_checklist, "vehicle_license": forms.vehicle_license,
    "insurance_policy": forms.insurance_policy, "value_added_services": forms.value_added_services,
    "conformity_certificate": forms.conformity_certificate, "pdi_checklist": forms.pdi_checklist, "other_proof": forms.other_proof}
VISIT_BUILDERS: dict[str, Callable[..., forms.Doc]] = {
    "reception_sheet": forms.reception_sheet, "work_order": forms.work_order, "settlement": forms.settlement,
    "free_inspection_12": forms.free_inspection_12, "addon_sheet": forms.addon_sheet, "road_test": forms.road_test,
    "loss_assessment": forms.loss_assessment, "tool_readings": forms.tool_readings, "estimate": forms.estimate,
    "first_service_card": forms.first_service_card, "parts_invoice": forms.parts_invoice, "fault_report": forms.fault_report}
UNIT_BUILDERS: dict[str, Callable[..., forms.Doc]] = {
    "move_in": forms.move_in, "renovation": forms.renovation, "correspondence": forms.correspondence,
    "application": forms.application}
BLANK_SHARE = 0.31


@dataclass
class Job:
    """One scan job: the documents that end up in one file."""

    docs: list[forms.Doc]
    fmt: str
    name: str


@dataclass
class Subjects:
    cars: list[tuple[Site, forms.CarFile]] = field(default_factory=list)
    units: list[tuple[Site, forms.UnitFile]] = field(default_factory=list)


def _dpi(rng: random.Random) -> int:
    return rng.choices((150, 200, 100), (5, 4, 1))[0]


def _car_file(rng: random.Random, site: Site) -> forms.CarFile:
    delivered = date(2024, 3, 1) + timedelta(days=rng.randrange(0, 800))
    return forms.CarFile(people.owner(rng, site), people.car(rng, site, delivered), people.person(rng), people.person(rng))


def _unit_file(rng: random.Random, site: Site) -> forms.UnitFile:
    building = site.brand.split()[-1] if site.brand else site.short
    return forms.UnitFile(people.Unit(people.unit_number_for(rng, site), people.owner(rng, site, 0.6), building,
                                      date(2023, 3, 1) + timedelta(days=rng.randrange(0, 900))))


def _photo_doc(kind: str, page: Page, site: Site | None, ref: forms.DossierRef | None, visit: people.Visit | None,
               hant_: bool) -> forms.Doc:
    fields: dict[str, str] = {}
    return forms.Doc(kind if kind != "none" else None, None, [page], fields, "hant" if hant_ else "hans", ref,
                     visit.order if visit else None, visit.job if visit else None, photo=True)


def _new_car_doc(rng: random.Random, site: Site, cf: forms.CarFile, doc_type: str, dpi: int) -> forms.Doc:
    if doc_type == "delivery_photo":
        nm = cf.owner.contact + ("先生" if cf.owner.male else "女士")
        pg = photos.delivery_photo(rng, dpi, site.hant, (hant(nm) if site.hant else nm, hant(site.company) if site.hant else site.company),
                                   f"{cf.car.delivered:%Y/%m/%d} {rng.randint(9, 18):02d}:{rng.randint(0, 59):02d}")
        return _photo_doc("delivery_photo", pg, site, forms.DossierRef(kind="car", key=cf.car.vin), None, site.hant)
    c = Ctx(random.Random(rng.randrange(2**31)), _issuer(site, doc_type))
    return CAR_BUILDERS[doc_type](c, dpi, cf)


# Papers the dealer only copies: the state's, the tax office's and the insurer's forms, printed in Simplified
# and Chinese only, whatever the dealer's own forms look like.
ISSUED_ELSEWHERE = ("purchase_invoice", "id_copy", "vehicle_license", "conformity_certificate", "insurance_policy",
                    "parts_invoice", "loss_assessment")


def _issuer(site: Site, doc_type: str) -> Site:
    return dataclasses.replace(site, hant=False, bilingual=False) if doc_type in ISSUED_ELSEWHERE else site


def _visit_docs(rng: random.Random, site: Site, cf: forms.CarFile, dpi: int, job: str | None = None) -> list[forms.Doc]:
    v = people.visit(rng, site, cf.car, job)
    types = list(VISIT_DOCS[v.job])
    if v.job == "minor_repair":
        types[3:3] = rng.sample(MINOR_EXTRAS, rng.choice((0, 1, 1, 2)))
    elif v.job == "maintenance" and rng.random() < 0.3:
        types.insert(2, "addon_sheet")
    if rng.random() < 0.12 and len(types) > 3:  # a paper missing from the handover
        types.pop(rng.randrange(1, len(types)))
    if rng.random() < 0.25:
        rng.shuffle(types)
    out: list[forms.Doc] = []
    for t in types:
        if t == "damage_photo":
            for _ in range(rng.choice((1, 1, 2))):
                pg = photos.damage_photo(rng, dpi, f"{v.day:%Y-%m-%d} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")
                out.append(_photo_doc("damage_photo", pg, site, forms.DossierRef(kind="car", key=cf.car.vin), v, False))
            continue
        seed = rng.randrange(2**31)
        out.append(VISIT_BUILDERS[t](Ctx(random.Random(seed), _issuer(site, t)), dpi, cf, v))
        if site.ncr and t in ("work_order", "reception_sheet") and rng.random() < 0.35:
            # the carbon set: the white top sheet kept (存根联) and the tinted copy handed to the customer (客户联)
            out[-1] = VISIT_BUILDERS[t](Ctx(random.Random(seed), site, copy="第一联 存根联"), dpi, cf, v)
            tint = rng.choice((forms.PINK, forms.YELLOW, forms.BLUE))
            out.append(VISIT_BUILDERS[t](Ctx(random.Random(seed), site, paper=tint, copy="第二联 客户联"), dpi, cf, v))
    return out


def _unit_docs(rng: random.Random, site: Site, uf: forms.UnitFile, dpi: int, n: int) -> list[forms.Doc]:
    kinds = rng.choices(UNIT_DOCS, (2, 2, 2, 3), k=n)
    return [UNIT_BUILDERS[k](Ctx(random.Random(rng.randrange(2**31)), site), dpi, uf) for k in kinds]


SHARES = {"after_sales": 0.45, "unit": 0.28, "new_car": 0.22, "photo": 0.05}  # of documents, as archives hold them


def _kind(d: forms.Doc) -> str:
    if d.dossier is None:
        return "photo"
    if d.dossier.kind == "unit":
        return "unit"
    return "after_sales" if d.visit else "new_car"


def plan(rng: random.Random, count: int) -> list[Job]:
    """Scan jobs until about `count` documents; each next job serves the kind furthest behind its share."""
    jobs: list[Job] = []
    have = dict.fromkeys(SHARES, 0)
    subj = Subjects()
    while sum(have.values()) < count:
        n = sum(have.values()) + 1
        want = max(SHARES, key=lambda k: SHARES[k] * n - have[k] + rng.uniform(0, 1.2))
        r = rng.random()
        dpi = _dpi(rng)
        docs: list[forms.Doc]
        made: list[Job] = []
        if want == "after_sales" and r < 0.5:  # one visit's papers in one stack
            site = rng.choice(CAR_SITES)
            cf = _car_file(rng, site) if not subj.cars or rng.random() < 0.7 else rng.choice(subj.cars)[1]
            subj.cars.append((site, cf))
            made.append(Job(_visit_docs(rng, site, cf, dpi), rng.choice(("pdf", "pdf", "tiff")), ""))
        elif want == "after_sales" and r < 0.85:  # a visit's papers scanned one by one
            site = rng.choice(CAR_SITES)
            cf = _car_file(rng, site)
            subj.cars.append((site, cf))
            vd = _visit_docs(rng, site, cf, dpi)
            for d in rng.sample(vd, min(len(vd), rng.randint(1, 3))):
                made.append(Job([d], "jpeg" if d.photo else rng.choice(("jpeg", "png", "pdf", "tiff", "jpeg")), ""))
        elif want == "after_sales":  # several dossiers' papers in one stack
            docs = []
            for _ in range(rng.randint(2, 3)):
                if rng.random() < 0.75:
                    site = rng.choice(CAR_SITES)
                    cf = _car_file(rng, site)
                    vd = _visit_docs(rng, site, cf, dpi)
                    docs += vd[: rng.randint(1, min(3, len(vd)))]
                else:
                    site = rng.choice(UNIT_SITES)
                    docs += _unit_docs(rng, site, _unit_file(rng, site), dpi, 1)
            made.append(Job(docs, rng.choice(("pdf", "tiff")), ""))
        elif want == "unit":
            site = rng.choice(UNIT_SITES)
            uf = _unit_file(rng, site)
            subj.units.append((site, uf))
            k = rng.choice((1, 1, 2, 3))
            docs = _unit_docs(rng, site, uf, dpi, k)
            fmt = rng.choice(("pdf", "tiff")) if k > 1 else rng.choice(("pdf", "jpeg", "png", "tiff"))
            made.append(Job(docs, fmt, ""))
        elif want == "new_car" and r < 0.4:  # a new-car handover in one stack
            site = rng.choice(CAR_SITES)
            cf = _car_file(rng, site)
            subj.cars.append((site, cf))
            types = [t for t in NEW_CAR if rng.random() < (0.75 if t != "other_proof" else 0.15)]
            made.append(Job([_new_car_doc(rng, site, cf, t, dpi) for t in types[:8]], rng.choice(("pdf", "tiff")), ""))
        elif want == "new_car":  # one new-car paper on its own
            site = rng.choice(CAR_SITES)
            cf = _car_file(rng, site)
            subj.cars.append((site, cf))
            d = _new_car_doc(rng, site, cf, rng.choice(NEW_CAR), dpi)
            made.append(Job([d], "jpeg" if d.photo else rng.choice(("pdf", "jpeg", "png", "tiff")), ""))
        else:  # a snapshot that is no document
            made.append(Job([_photo_doc("none", photos.snapshot(rng, dpi), None, None, None, False)],
                            rng.choice(("jpeg", "png")), ""))
        for j in made:
            jobs.append(j)
            for d in j.docs:
                have[_kind(d)] += 1
    for j in jobs:  # a phone picture or a PNG export holds one page; longer papers go to PDF or TIFF
        if j.fmt in ("jpeg", "png") and sum(len(d.pages) for d in j.docs) > 1:
            j.fmt = "pdf" if j.fmt == "png" else "tiff"
    return jobs


# ---------------------------------------------------------------- ink: signatures and seals ---------------

@dataclass
class SigInk:
    role: str
    label: str
    status: str
    box: Box
    source: str | None = None
    ink: str | None = None
    mark: str | None = None
    under_seal: bool = False


@dataclass
class SealInk:
    box: Box
    shape: str
    text: str
    own: np.ndarray  # its own ink on bare paper, as a page-sized boolean mask (cropped to box)


@dataclass
class Tally:
    """Fields left blank so far in this run: the share is held near BLANK_SHARE however few fields there are."""

    fields: int = 0
    blank: int = 0

    def leave_blank(self, rng: random.Random) -> bool:
        p = min(0.9, max(0.05, BLANK_SHARE + 0.08 * (BLANK_SHARE * self.fields - self.blank)))
        self.fields += 1
        if rng.random() < p:
            self.blank += 1
            return True
        return False


def _sign(rng: random.Random, page: Page, tally: Tally) -> list[SigInk]:
    out = []
    for s in page.slots:
        x0, y0, x1, y1 = s.box
        w, h = x1 - x0, y1 - y0
        if tally.leave_blank(rng):
            mark = None
            if rng.random() < 0.35:
                mark = rng.choice(("specks", "smudge", "stray_line"))
                marks = handwriting.blank_mark(rng, (w, h), mark)
                handwriting.multiply(page.img, marks, handwriting.pen_colour(rng)[0] if mark == "stray_line" else (60, 60, 60),
                                     (x0, y0))
            out.append(SigInk(s.role, s.label, "blank", s.box, mark=mark))
            continue
        colour, ink = handwriting.pen_colour(rng)
        r = rng.random()
        hgt = int(h * rng.uniform(0.55, 0.9))
        alpha: np.ndarray | None
        source: str
        if r < 0.72:
            alpha, source = handwriting.chinese_signature(rng, None, hgt), "real"
        elif r < 0.82:
            alpha, source = handwriting.real_signature(rng, hgt), "real"
        else:
            alpha, source = None, "synthetic"
        if alpha is None:
            alpha, source = handwriting.synthetic_signature(rng, hgt), "synthetic"
        if alpha.shape[1] > w - 4 or alpha.shape[0] > h - 2:
            f = min((w - 4) / alpha.shape[1], (h - 2) / alpha.shape[0])
            alpha = cv2.resize(alpha, (max(1, int(alpha.shape[1] * f)), max(1, int(alpha.shape[0] * f))),
                               interpolation=cv2.INTER_AREA)
        ax = x0 + rng.randint(2, max(2, w - alpha.shape[1] - 2))
        ay = y0 + rng.randint(1, max(1, h - alpha.shape[0] - 1))
        handwriting.multiply(page.img, alpha, colour, (ax, ay))
        out.append(SigInk(s.role, s.label, "signed", s.box, source, ink))
    return out


def _stamp(rng: random.Random, page: Page, sigs: list[SigInk], hant_: bool) -> list[SealInk]:
    out = []
    for sp in page.seals:
        alpha = seals.seal_alpha(rng, sp.shape, sp.text, sp.middle, page.dpi, hant_)
        if sp.shape != "square":
            alpha = seals.rotated(alpha, rng.uniform(-25, 25))
        h, w = alpha.shape
        x = min(max(0, sp.cx - w // 2), page.img.width - w)
        y = min(max(0, sp.cy - h // 2), page.img.height - h)
        under = np.asarray(page.img.convert("L").crop((x, y, x + w, y + h)), dtype=np.float32)
        paper = np.median(np.asarray(page.img.convert("L"), dtype=np.float32)[::8, ::8])
        faint = rng.random() < 0.2
        handwriting.multiply(page.img, alpha, rng.choice(seals.REDS), (x, y), rng.uniform(0.35, 0.55) if faint else rng.uniform(0.8, 0.97))
        ys, xs = np.nonzero(alpha > 0.08)
        box = (int(x + xs.min()), int(y + ys.min()), int(x + xs.max() + 1), int(y + ys.max() + 1))
        own = (alpha > 0.3) & (under > paper - 25)
        full = np.zeros((page.img.height, page.img.width), bool)
        full[y:y + h, x:x + w] = own
        out.append(SealInk(box, sp.shape, sp.text, full))
        for s in sigs:
            if _overlap(s.box, box) > 0.12:
                s.under_seal = True
    return out


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, (a[2] - a[0]) * (a[3] - a[1]))


# ---------------------------------------------------------------- scanning -----------------------------------

def _file_mode(rng: random.Random, photo_only: bool) -> str:
    if photo_only:
        return rng.choice(("photo", "photo", "clean"))
    return rng.choices(("colour", "grey", "bilevel", "photo", "clean", "crooked"), (34, 22, 13, 11, 10, 10))[0]


def _shadow(img: Image.Image, rng: random.Random) -> Image.Image:
    """A phone's or a hand's shadow falling across one side of the sheet."""
    arr = np.asarray(img, dtype=np.float32)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0, 2 * np.pi)
    d = (np.cos(a) * (xx / w - 0.5) + np.sin(a) * (yy / h - 0.5))
    edge = rng.uniform(0.1, 0.35)
    shade = 1 - rng.uniform(0.25, 0.4) / (1 + np.exp(-(d - edge) * 40))
    out = arr * (shade[:, :, None] if arr.ndim == 3 else shade)
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))


def _scan(rng: random.Random, page: Page, mode: str, landscape_turn: bool) -> tuple[Image.Image, np.ndarray, degrade.Look, list[str]]:
    noisy = mode in ("grey", "bilevel", "photo", "crooked") or rng.random() < 0.3
    base = degrade.Look(grey=mode == "grey", bilevel=mode == "bilevel")
    if mode == "clean":
        lk = degrade.Look()
    else:
        lk = degrade.page_look(rng, base, noisy, turn_p=0.08 if mode != "photo" else 0.0, photo=mode == "photo")
    if mode == "crooked":
        lk.skew = rng.choice((-1, 1)) * rng.uniform(3.0, 6.5)
    if landscape_turn and not lk.rotation and mode != "photo":
        lk.rotation = rng.choice((90, 270))
    img, H = degrade.apply(page.img, lk, rng)
    extra = []
    if mode == "photo" and rng.random() < 0.5:
        img = _shadow(img.convert("RGB"), rng)
        extra.append("shadow")
    if mode == "grey" and img.mode != "L":
        img = img.convert("L")
    return img, H, lk, extra


def _save(images: list[Image.Image], fmt: str, path: Path, rng: random.Random) -> None:
    if fmt == "jpeg":
        images[0].convert("RGB" if images[0].mode != "L" else "L").save(path, "JPEG", quality=rng.randint(60, 90))
    elif fmt == "png":
        images[0].save(path, "PNG")
    elif fmt == "tiff":
        bilevel = all(im.mode == "1" for im in images)
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:],
                       compression="group4" if bilevel else "tiff_lzw")
    else:
        conv = [im if im.mode in ("1", "L") else im.convert("RGB") for im in images]
        buf = io.BytesIO()
        fixed = time.strptime("2026-01-01", "%Y-%m-%d")
        conv[0].save(buf, "PDF", save_all=True, append_images=conv[1:], resolution=float(images[0].info.get("dpi", (150, 150))[0]),
                     creationDate=fixed, modDate=fixed, producer="family h", title="scan")
        path.write_bytes(buf.getvalue())


def _map(H: np.ndarray, box: Box, size: tuple[int, int]) -> Box:
    x0, y0, x1, y1 = degrade.map_box(H, box)
    w, h = size
    x0, y0 = max(0, min(x0, w - 2)), max(0, min(y0, h - 2))
    return (x0, y0, max(x0 + 1, min(x1, w)), max(y0 + 1, min(y1, h)))


def _visible(H: np.ndarray, own: np.ndarray, img: Image.Image) -> float:
    warped = cv2.warpPerspective(own.astype(np.uint8) * 255, H, img.size, flags=cv2.INTER_NEAREST) > 0
    if not warped.any():
        return 0.0
    dark = np.asarray(img.convert("L")) < 128
    return round(float(dark[warped].mean()), 3)


def render_job(rng: random.Random, job: Job, seed: int, path: Path, tally: Tally) -> FileTruth:
    photo_only = all(d.photo for d in job.docs)
    mode = _file_mode(rng, photo_only)
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    docs: list[DocumentTruth] = []
    for d in job.docs:
        hant_ = d.script == "hant"
        sig_truth: list[SignatureTruth] = []
        seal_truth: list[SealTruth] = []
        first = len(images) + 1
        for page in d.pages:
            sigs = _sign(rng, page, tally)
            carbon = page.style.ink == forms.CARBON
            if carbon:  # everything on a carbon copy came through the sheet above: soft and spread
                page.img = page.img.filter(ImageFilter.GaussianBlur(rng.uniform(0.7, 1.2)))
            stamps = _stamp(rng, page, sigs, hant_)
            text = page.text_truth()
            pmode = mode if not (d.photo and mode in ("grey", "bilevel")) else "colour"
            landscape_turn = page.img.width > page.img.height and not d.photo and rng.random() < 0.3
            img, H, lk, extra = _scan(rng, page, pmode, landscape_turn)
            idx = len(images) + 1
            for s in sigs:
                sig_truth.append(SignatureTruth(role=s.role, label=s.label, status=s.status, page=idx,
                                                box=_map(H, s.box, img.size), source=s.source, ink=s.ink, mark=s.mark,
                                                under_seal=s.under_seal))
            for st in stamps:
                colour = "black" if lk.bilevel else "grey" if lk.grey else "red"
                seal_truth.append(SealTruth(page=idx, box=_map(H, st.box, img.size), shape=st.shape, text=st.text,
                                            colour=colour, visible=_visible(H, st.own, img) if lk.bilevel else 1.0))
            names = lk.names() + extra + (["low resolution"] if page.dpi <= 100 else []) + (
                [f"paper {page.style.paper}"] if page.style.paper != (255, 255, 255) else []) + (
                ["dot matrix"] if page.style.dot else []) + (["carbon copy"] if carbon else [])
            pages.append(PageTruth(index=idx, width=img.width, height=img.height, dpi=page.dpi, rotation=lk.rotation,
                                   degradations=names, doc_type=d.doc_type, continuation=page.continuation, text=text))
            stored = degrade.turn(img, lk.rotation)
            stored.info["dpi"] = (page.dpi, page.dpi)
            images.append(stored)
        rot = pages[first - 1].rotation
        docs.append(DocumentTruth(pages=list(range(first, len(images) + 1)), doc_type=d.doc_type, title=d.title,
                                  script=d.script, dossier=d.dossier, visit=d.visit, job_type=d.job_type,
                                  fields=d.fields, signatures=sig_truth, seal=bool(seal_truth), seals=seal_truth,
                                  rotation=rot))
    _save(images, job.fmt, path, rng)
    return FileTruth(file=path.name, format=job.fmt, seed=seed, pages=pages, documents=docs, family="h")


EXT = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def generate(seed: int, count: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"family-h/{seed}")
    jobs = plan(rng, count)
    paths = []
    tally = Tally()
    for k, job in enumerate(jobs, 1):
        kinds = {d.doc_type or "photo" for d in job.docs}
        tag = next(iter(kinds)) if len(kinds) == 1 else "stack"
        path = out / f"h{seed:03d}_{k:03d}_{tag}{EXT[job.fmt]}"
        truth = render_job(random.Random(rng.randrange(2**31)), job, seed, path, tally)
        write_truth(path, truth)
        paths.append(path)
    return paths


__all__ = ["generate", "fmt_date"]
