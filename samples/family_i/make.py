"""Plan the scan jobs, build the papers, sign, stamp and seal them, scan (degrade), save and write the truth."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from dossier.models import Box, DossierRef
from dossier.samples import degrade, handwriting
from dossier.samples.family_i import ink
from dossier.samples.family_i.forms import BUILDERS, Built, Ctx
from dossier.samples.family_i.page import Page, Slot
from dossier.samples.family_i.people import JOBS, car, customer, unit, visit
from dossier.samples.family_i.photos import damage_photo, delivery_photo, snapshot
from dossier.samples.family_i.sites import SITES, Site
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

FAMILY = "i"
NEW_CAR = ("customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
           "other_proof")
VISIT_DOCS = {
    "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
    "minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "major_repair": ["reception_sheet", "work_order", "estimate", "road_test", "settlement", "free_inspection_12"],
    "warranty_claim": ["reception_sheet", "work_order", "fault_report", "tool_readings", "damage_photo", "road_test",
                       "parts_invoice", "settlement", "free_inspection_12"],
}
MINOR_EXTRAS = ("addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate")
JOB_WEIGHT = {"minor_repair": 0.3, "maintenance": 0.25, "first_service": 0.15, "major_repair": 0.15, "warranty_claim": 0.15}
UNIT_DOCS = ("move_in", "renovation", "correspondence", "application")
SHARES = {"after": 0.45, "unit": 0.28, "new": 0.22, "snap": 0.05}
EPOCH = time.gmtime(1796083200)  # 2026-12-01, the PDFs' fixed creation date


@dataclass
class Job:
    kind: str
    fmt: str
    docs: list[tuple[str, Ctx]]
    photo: bool = False


@dataclass
class Tally:
    fields: int = 0
    blanks: int = 0
    made: dict[str, int] = field(default_factory=dict)


def _category(doc_type: str | None) -> str:
    if doc_type is None:
        return "snap"
    if doc_type in NEW_CAR:
        return "new"
    if doc_type in UNIT_DOCS:
        return "unit"
    return "after"


def _dpi(rng: random.Random) -> int:
    return 100 if rng.random() < 0.1 else rng.choice((150, 150, 200))


def _least(rng: random.Random, pool: tuple[str, ...], made: dict[str, int] | dict[str, float], k: int) -> list[str]:
    """k distinct types of the pool, the least made first (ties broken at random)."""
    order = sorted(pool, key=lambda d: (made.get(d, 0), rng.random()))
    return order[:k]


def _plan(rng: random.Random, count: int) -> list[Job]:
    jobs: list[Job] = []
    have = {k: 0 for k in SHARES}
    made: dict[str, int] = {}
    total = 0
    n_wo = rng.randint(100, 900)
    car_sites = [s for s in SITES if s.kind == "car"]
    unit_sites = [s for s in SITES if s.kind == "unit"]
    while total < count:
        cat = max(SHARES, key=lambda k: SHARES[k] * (total + 1) - have[k] + rng.uniform(0, 0.6))
        dpi = _dpi(rng)
        docs: list[tuple[str, Ctx]] = []
        if cat == "snap":
            site = rng.choice(SITES)
            docs.append(("snapshot", Ctx(site, rng, 150, customer(rng, site))))
            kind, fmt = "snapshot", rng.choice(("jpeg", "jpeg", "png"))
        elif cat == "unit":
            site = rng.choice(unit_sites)
            u = unit(rng, site)
            kinds = _least(rng, UNIT_DOCS, made, rng.choice((1, 1, 2, 3)))
            for d in kinds:
                docs.append((d, Ctx(site, rng, dpi, u.tenant, unit=u)))
            kind = "unit"
            fmt = rng.choice(("pdf", "tiff")) if len(docs) > 1 else rng.choice(("pdf", "jpeg", "png", "tiff"))
        elif cat == "new":
            site = rng.choice(car_sites)
            cu = customer(rng, site)
            cr = car(rng, site)
            stack = rng.random() < 0.45
            kinds = _least(rng, NEW_CAR, made, rng.randint(4, 8) if stack else rng.randint(1, 2))
            kinds = [k for k in NEW_CAR if k in kinds]
            if stack and rng.random() < 0.25:
                rng.shuffle(kinds)
            for d in kinds:
                docs.append((d, Ctx(site, rng, dpi, cu, car=cr)))
            kind = "new_stack" if stack else "new_single"
            fmt = rng.choice(("pdf", "tiff")) if stack else rng.choice(("pdf", "jpeg", "png", "tiff"))
        else:
            site = rng.choice(car_sites)
            cu = customer(rng, site)
            cr = car(rng, site)
            def need(j: str) -> float:  # a job whose papers include a type not made yet comes first
                docs_j = VISIT_DOCS[j] + (list(MINOR_EXTRAS) if j == "minor_repair" else [])
                unmade = any(made.get(d, 0) == 0 for d in docs_j)
                return (made.get("job:" + j, 0) + 1) / JOB_WEIGHT[j] + rng.uniform(0, 3) - (6 if unmade else 0)

            job = min(JOBS, key=need)
            made["job:" + job] = made.get("job:" + job, 0) + 1
            n_wo += rng.randint(1, 40)
            v = visit(rng, site, job, cr.delivered, n_wo)
            kinds = list(VISIT_DOCS[job])
            if job == "minor_repair":
                own = {d: made.get(d, 0) - (0.5 if d in ("addon_sheet", "loss_assessment") else 0) for d in MINOR_EXTRAS}
                extras = _least(rng, MINOR_EXTRAS, own, rng.choice((1, 1, 2, 2, 3)))
                kinds[3:3] = extras
            stack = rng.random() < 0.55
            if not stack:  # a few of the visit's papers, the rarest first
                few = set(_least(rng, tuple(kinds), made, min(len(kinds), rng.randint(1, 3))))
                kinds = [d for d in kinds if d in few]
            elif rng.random() < 0.12:
                kinds.pop(rng.randrange(len(kinds)))
            if stack and rng.random() < 0.25:
                rng.shuffle(kinds)
            for d in kinds:
                docs.append((d, Ctx(site, rng, dpi, cu, car=cr, visit=v)))
            if site.slips and stack and rng.random() < 0.6:  # a carbon set: the same slip twice
                for i, (d, cx) in enumerate(list(docs)):
                    if d in ("reception_sheet", "work_order"):
                        cx.copy = "存根联"
                        docs.insert(i + 1, (d, Ctx(site, rng, dpi, cu, car=cr, visit=v, copy="客户联")))
                        break
            kind = "visit_stack" if stack else "visit_single"
            fmt = rng.choice(("pdf", "tiff")) if stack else rng.choice(("pdf", "jpeg", "png", "tiff"))
        for d, _ in docs:
            made[d] = made.get(d, 0) + 1
            have[_category(None if d == "snapshot" else d)] += 1
        total += len(docs)
        if kind.endswith("single") or kind == "unit" and len(docs) > 1 and rng.random() < 0.5:
            for one in docs:  # scanned one by one
                jobs.append(Job(kind, rng.choice(("pdf", "jpeg", "png", "tiff")), [one],
                                photo=rng.random() < 0.1))
        else:
            jobs.append(Job(kind, fmt, docs, photo=kind != "snapshot" and fmt == "jpeg" and rng.random() < 0.5))
    return jobs


def _build(name: str, c: Ctx) -> Built:
    if name == "snapshot":
        return snapshot(c)
    if name == "delivery_photo":
        return delivery_photo(c)
    if name == "damage_photo":
        return damage_photo(c)
    return BUILDERS[name](c)


def _mark_ink(rng: random.Random, pg: Page, slot: Slot, tally: Tally, writer: int) -> SignatureTruth:
    tally.fields += 1
    p_blank = min(0.9, max(0.05, 0.3 + (0.3 * tally.fields - tally.blanks) * 0.12))
    box = slot.box
    if rng.random() < p_blank:
        tally.blanks += 1
        mark = None
        if rng.random() < 0.33:
            mark = rng.choice(("specks", "smudge", "stray_line"))
            bw, bh = box[2] - box[0], box[3] - box[1]
            alpha = handwriting.blank_mark(rng, (bw, bh), mark)
            handwriting.multiply(pg.img, alpha, handwriting.pen_colour(rng)[0], (box[0], box[1]))
        return SignatureTruth(role=slot.role, label=slot.label, status="blank", page=1, box=box, mark=mark)
    colour, ink_name = handwriting.pen_colour(rng)
    alpha, source, xy = ink.signature(rng, box, slot.small, writer)
    handwriting.multiply(pg.img, alpha, colour, xy, rng.uniform(0.9, 1.0))
    if slot.thumb:
        t = ink.thumbprint(rng, pg.dpi)
        handwriting.multiply(pg.img, t, rng.choice(ink.THUMB_RED), (slot.thumb[0] - t.shape[1] // 2, slot.thumb[1] - t.shape[0] // 2))
    return SignatureTruth(role=slot.role, label=slot.label, status="signed", page=1, box=box, source=source,
                          ink=ink_name)


@dataclass
class _Seal:
    truth: SealTruth
    own: tuple[int, int, np.ndarray]  # x, y, mask of its own ink on bare paper


def _ink_page(rng: random.Random, pg: Page, c: Ctx, tally: Tally) -> tuple[list[tuple[Slot, SignatureTruth]], list[_Seal]]:
    sigs = []
    for slot in pg.slots:
        who = c.cust.name if slot.role == "customer" else slot.label
        sigs.append((slot, _mark_ink(rng, pg, slot, tally, ink.writer_of(who))))
    for st in pg.stamps:
        a = ink.stamp_alpha(rng, st.text, pg.dpi)
        handwriting.multiply(pg.img, a, st.colour, (st.centre[0] - a.shape[1] // 2, st.centre[1] - a.shape[0] // 2),
                             rng.uniform(0.75, 0.95))
    out = []
    for sr in pg.seals:
        a = ink.seal(rng, sr.shape, sr.text, sr.middle, pg.dpi, pg.hant)
        x, y = sr.centre[0] - a.shape[1] // 2, sr.centre[1] - a.shape[0] // 2
        box = ink.trim_box(a, (x, y), pg.img.size)
        if box is None:
            continue
        before = np.asarray(pg.img.convert("L"), dtype=np.uint8)
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(pg.img.width, x + a.shape[1]), min(pg.img.height, y + a.shape[0])
        sub = a[y0 - y:y1 - y, x0 - x:x1 - x]
        own = (sub > 0.3) & (before[y0:y1, x0:x1] > 200)
        faint = rng.random() < 0.12
        handwriting.multiply(pg.img, a, rng.choice(seals_reds()), (x, y), rng.uniform(0.45, 0.6) if faint else rng.uniform(0.8, 1.0))
        text = sr.text
        if sr.shape == "square":
            text = ((sr.text + "印")[:4] if len(sr.text) < 4 else sr.text[:4]).strip()
        out.append(_Seal(SealTruth(page=1, box=box, shape=sr.shape, text=text, colour="red"), (x0, y0, own)))
        for slot, s in sigs:
            if ink.ellipse_share(box, slot.box) > 0.12:
                s.under_seal = True
    return sigs, out


def seals_reds() -> list[tuple[int, int, int]]:
    from dossier.samples.seals import REDS
    return REDS


def _clip(box: Box, w: int, h: int) -> Box:
    x0, y0, x1, y1 = box
    x0, y0 = max(0, min(x0, w - 2)), max(0, min(y0, h - 2))
    return (x0, y0, max(x0 + 1, min(x1, w)), max(y0 + 1, min(y1, h)))


def _visible(own: tuple[int, int, np.ndarray], H: np.ndarray, out: Image.Image, size: tuple[int, int]) -> float:
    x, y, mask = own
    full = np.zeros((size[1], size[0]), np.uint8)
    full[y:y + mask.shape[0], x:x + mask.shape[1]] = mask.astype(np.uint8) * 255
    warped = cv2.warpPerspective(full, H, out.size, flags=cv2.INTER_NEAREST) > 0
    if not warped.any():
        return 0.0
    dark = np.asarray(out.convert("L")) < 128
    return round(float((dark & warped).sum() / warped.sum()), 3)


def _save(pages: list[Image.Image], path: Path, fmt: str, dpi: int) -> None:
    if fmt == "pdf":
        stamp = EPOCH
        pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi),
                      creationDate=stamp, modDate=stamp, producer="scanner", title=path.stem)
    elif fmt == "tiff":
        comp = "group4" if all(p.mode == "1" for p in pages) else "tiff_deflate"
        pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression=comp, dpi=(dpi, dpi))
    elif fmt == "jpeg":
        pages[0].convert("RGB" if pages[0].mode != "L" else "L").save(path, "JPEG", quality=82, dpi=(dpi, dpi))
    else:
        pages[0].save(path, "PNG", dpi=(dpi, dpi))


def _dossier(c: Ctx, doc_type: str | None) -> DossierRef | None:
    if doc_type is None:
        return None
    if c.unit is not None:
        return DossierRef(kind="unit", key=c.unit.number if not c.site.hant else c.unit.number)
    assert c.car
    return DossierRef(kind="car", key=c.car.vin)


def _run_job(seed: int, k: int, job: Job, out: Path, tally: Tally) -> Path:
    rng = random.Random(f"{seed}/i/{k}")
    built: list[tuple[Built, Ctx]] = []
    for name, c in job.docs:
        c.rng = random.Random(f"{seed}/i/{k}/{len(built)}")
        built.append((_build(name, c), c))
    noisy = rng.random() < 0.7
    base = degrade.file_look(rng, noisy)
    photo_job = job.photo or any(b.doc_type in ("delivery_photo", "damage_photo", None) and not b.title for b, _ in built)
    if photo_job:
        base = degrade.Look()
    images: list[Image.Image] = []
    page_truths: list[PageTruth] = []
    doc_truths: list[DocumentTruth] = []
    page_no = 0
    dpi_file = 0
    for b, c in built:
        first = page_no + 1
        dt_sigs: list[SignatureTruth] = []
        dt_seals: list[SealTruth] = []
        rot_doc = 0
        for pg in b.pages:
            page_no += 1
            sigs, seal_list = _ink_page(rng, pg, c, tally)
            scene = any(n in ("photo of a scene", "screenshot") for n in pg.notes)
            land = pg.img.width > pg.img.height
            lk = degrade.page_look(rng, base, noisy and not scene, turn_p=(0.45 if land else 0.05),
                                   photo=job.photo and not scene)
            if scene:
                lk = degrade.Look(jpeg=rng.randint(60, 85) if rng.random() < 0.5 else None)
            img, H = degrade.apply(pg.img, lk, rng)
            W, Hh = img.size
            for slot, s in sigs:
                s.page = page_no
                s.box = _clip(degrade.map_box(H, slot.box), W, Hh)
                dt_sigs.append(s)
            for sl in seal_list:
                st = sl.truth
                st.page = page_no
                st.box = _clip(degrade.map_box(H, st.box), W, Hh)
                if lk.grey:
                    st.colour = "grey"
                if lk.bilevel:
                    st.colour = "black"
                    st.visible = _visible(sl.own, H, img, pg.img.size)
                dt_seals.append(st)
            names = lk.names() + list(pg.notes)
            if pg.dpi <= 100:
                names.append("low resolution")
            page_truths.append(PageTruth(index=page_no, width=W, height=Hh, dpi=pg.dpi, rotation=lk.rotation,
                                         degradations=names, doc_type=b.doc_type, continuation=pg.continuation,
                                         text=pg.text_lines))
            rot_doc = rot_doc or lk.rotation
            stored = degrade.turn(img, lk.rotation)
            if job.fmt in ("jpeg", "png") and stored.mode == "1":
                stored = stored.convert("L")
            images.append(stored)
            dpi_file = dpi_file or pg.dpi
        doc_truths.append(DocumentTruth(
            pages=list(range(first, page_no + 1)), doc_type=b.doc_type, title=b.title, script=b.script,
            dossier=_dossier(c, b.doc_type), visit=c.visit.wo if c.visit and b.doc_type else None,
            job_type=c.visit.job if c.visit and b.doc_type else None, fields=b.fields if b.doc_type else {},
            signatures=dt_sigs, seal=bool(dt_seals), seals=dt_seals, rotation=rot_doc))
    fmt = job.fmt
    if len(images) > 1 and fmt in ("jpeg", "png"):
        fmt = "pdf"
    modes = {im.mode for im in images}
    if len(modes) > 1:
        images = [im.convert("RGB") for im in images]
    prefix = {"pdf": "SCAN", "tiff": "scan", "jpeg": "IMG_" if photo_job or job.photo else "doc", "png": "Screenshot_" if
              any(b.doc_type is None for b, _ in built) else "page"}[fmt]
    ext = {"pdf": "pdf", "tiff": "tif", "jpeg": "jpg", "png": "png"}[fmt]
    path = out / f"{prefix}{seed % 10000:04d}_{k:04d}.{ext}"
    _save(images, path, fmt, dpi_file)
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=page_truths, documents=doc_truths,
                                family=FAMILY))
    return path


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """About `count` documents of family i as scans with truth in `out`; the same seed writes the same bytes."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"family-i/{seed}")
    jobs = _plan(rng, max(1, count))
    tally = Tally()
    return [_run_job(seed, k, job, out, tally) for k, job in enumerate(jobs, 1)]


def sites() -> tuple[Site, ...]:
    return SITES
