"""Family e: scans of forms worded and laid out for this family only, with their ground truth.

`generate(seed, count, out)` writes about `count` documents into files (PDF, TIFF, JPEG, PNG; single
documents and handover batches) with a `STEM.truth.json` beside each; the same seed writes the same bytes.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from dossier.models import DossierRef
from dossier.samples import degrade
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, write_truth

from . import aftersales, newcar, papers, photos, unit
from .ink import ink, seen
from .page import Page
from .sheet import Doc
from .sites import Site, make_site
from .subjects import Car, Unit, Visit, car, visit
from .subjects import unit as make_unit

# The after-sales documents a visit of each job type needs (domain §1a), and the ones some visits add.
NEEDS = {"minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
         "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
         "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
         "major_repair": ["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"],
         "warranty_claim": ["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                            "fault_report", "tool_readings", "free_inspection_12"]}
EXTRAS = {"minor_repair": ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"],
          "major_repair": ["addon_sheet", "tool_readings"], "maintenance": ["addon_sheet"], "first_service": [],
          "warranty_claim": []}
NEW_CAR = {"customer_card": 10, "purchase_invoice": 8, "sales_contract": 8, "id_copy": 8, "delivery_checklist": 9,
           "vehicle_license": 6, "insurance_policy": 6, "value_added_services": 4, "conformity_certificate": 5,
           "delivery_photo": 4, "pdi_checklist": 6, "other_proof": 1}
UNIT = {"move_in": 4, "renovation": 3, "correspondence": 3, "application": 5}
PAPERS = {"purchase_invoice", "parts_invoice", "id_copy", "vehicle_license", "insurance_policy", "conformity_certificate"}


@dataclass
class Planned:
    doc: Doc
    truth: DocumentTruth


def _traditional(rng: random.Random, site: Site, code: str | None) -> bool:
    return code not in PAPERS and rng.random() < site.hant


def _photo_doc(rng: random.Random, kind: str, code: str | None, dpi: int) -> Doc:
    size = rng.choice([(1600, 1200), (1200, 1600), (1440, 1080)])
    pg = Page(dpi, False)
    pg.img = photos.photo(rng, kind, size)
    pg.w, pg.h = size
    return Doc(code, None, [pg], photo=True)


def _after(rng: random.Random, site: Site, c: Car, v: Visit, code: str, dpi: int) -> Planned:
    ref = DossierRef(kind="car", key=c.vin)
    if code == "damage_photo":
        doc = _photo_doc(rng, "damage", code, dpi)
    elif code == "parts_invoice":
        doc = papers.build(code, site, rng, dpi, False, c, v)
    else:
        doc = aftersales.build(code, site, rng, dpi, _traditional(rng, site, code), c, v)
    t = DocumentTruth(pages=[], doc_type=code, title=doc.title, script="hant" if doc.pages[0].traditional else "hans",
                      dossier=ref, visit=v.order, job_type=v.job, fields=dict(doc.fields))
    return Planned(doc, t)


def _new(rng: random.Random, site: Site, c: Car, code: str, dpi: int) -> Planned:
    if code == "delivery_photo":
        doc = _photo_doc(rng, "delivery", code, dpi)
    elif code in PAPERS:
        doc = papers.build(code, site, rng, dpi, False, c, None)
    else:
        doc = newcar.build(code, site, rng, dpi, _traditional(rng, site, code), c)
    t = DocumentTruth(pages=[], doc_type=code, title=doc.title, script="hant" if doc.pages[0].traditional else "hans",
                      dossier=DossierRef(kind="car", key=c.vin), fields=dict(doc.fields))
    return Planned(doc, t)


def _unit(rng: random.Random, site: Site, u: Unit, code: str, dpi: int) -> Planned:
    doc, subject = unit.build(code, site, rng, dpi, _traditional(rng, site, code), u)
    fields = dict(doc.fields)
    if subject:
        fields["subject"] = subject
    t = DocumentTruth(pages=[], doc_type=code, title=doc.title, script="hant" if doc.pages[0].traditional else "hans",
                      dossier=DossierRef(kind="unit", key=u.unit), fields=fields)
    return Planned(doc, t)


def _pick(rng: random.Random, weights: dict[str, int], k: int) -> list[str]:
    pool = dict(weights)
    out = []
    for _ in range(min(k, len(pool))):
        c = rng.choices(list(pool), weights=list(pool.values()))[0]
        out.append(c)
        del pool[c]
    return out


def _job(rng: random.Random, cars: list[Site], units: list[Site], dpi: int) -> list[Planned]:
    """One scan job: a visit's handover, a new-car file, a unit's papers, a single sheet or a photo."""
    r = rng.random()
    if r < 0.42:
        site = rng.choice(cars)
        c = car(rng, site.region, site.brand)
        v = visit(rng, c, site.order_style)
        codes = list(NEEDS[v.job]) + [x for x in EXTRAS[v.job] if rng.random() < 0.25]
        if rng.random() < 0.45:  # a single sheet of the visit, scanned alone (late signature, a re-scan)
            codes = [rng.choice(codes)]
        elif rng.random() < 0.5:  # a partial handover: some papers come later
            codes = [x for x in codes if rng.random() < 0.7] or codes[:1]
        return [_after(rng, site, c, v, code, dpi) for code in codes]
    if r < 0.6:
        site = rng.choice(cars)
        c = car(rng, site.region, site.brand)
        codes = _pick(rng, NEW_CAR, 1 if rng.random() < 0.45 else rng.randint(3, 7))
        return [_new(rng, site, c, code, dpi) for code in codes]
    if r < 0.96:
        site = rng.choice(units)
        u = make_unit(rng, site.region)
        codes = _pick(rng, UNIT, 1 if rng.random() < 0.4 else rng.randint(2, 4))
        return [_unit(rng, site, u, code, dpi) for code in codes]
    doc = _photo_doc(rng, "other", None, dpi)
    return [Planned(doc, DocumentTruth(pages=[], doc_type=None))]


def _format(rng: random.Random, plans: list[Planned]) -> str:
    pages = sum(len(p.doc.pages) for p in plans)
    if pages == 1:
        if plans[0].doc.photo:
            return rng.choice(["jpeg", "jpeg", "png", "pdf"])
        return rng.choice(["pdf", "jpeg", "png", "tiff"])
    return rng.choice(["pdf", "pdf", "tiff"])


def _write(rng: random.Random, plans: list[Planned], path: Path, fmt: str, seed: int) -> FileTruth:
    noisy = rng.random() < 0.65
    base = degrade.file_look(rng, noisy)
    phone = fmt in ("jpeg", "png") and rng.random() < 0.35
    images: list[Image.Image] = []
    page_truths: list[PageTruth] = []
    docs: list[DocumentTruth] = []
    for plan in plans:
        inked = ink(rng, plan.doc)
        first = len(images)
        rotations = []
        mats = []
        for i, (pg, img) in enumerate(zip(plan.doc.pages, inked.images, strict=True)):
            look = degrade.page_look(rng, base, noisy, turn_p=0.12, photo=plan.doc.photo or phone)
            out, H = degrade.apply(img, look, rng)
            page_truths.append(PageTruth(index=first + i + 1, width=out.width, height=out.height, dpi=pg.dpi,
                                         rotation=look.rotation, degradations=look.names(), doc_type=plan.truth.doc_type,
                                         continuation=pg.continuation, text=pg.lines()))
            images.append(degrade.turn(out, look.rotation))
            rotations.append(look.rotation)
            mats.append((H, out, look))
        t = plan.truth
        t.pages = list(range(first + 1, first + len(plan.doc.pages) + 1))
        t.rotation = rotations[0]
        for st, slot in inked.signatures:
            st.page = first + slot.page + 1
            st.box = degrade.map_box(mats[slot.page][0], st.box)
            t.signatures.append(st)
        for sealt, pg_i, ys, xs in inked.seals:
            H, out, look = mats[pg_i]
            sealt.page = first + pg_i + 1
            sealt.box = degrade.map_box(H, sealt.box)
            sealt.colour = "black" if look.bilevel else "grey" if look.grey else "red"
            sealt.visible = seen(out, H, ys, xs)
            t.seals.append(sealt)
        t.seal = bool(t.seals)
        docs.append(t)
    _save(images, path, fmt, plans[0].doc.pages[0].dpi)
    return FileTruth(file=path.name, format=fmt, seed=seed, pages=page_truths, documents=docs, family="e")


def _save(images: list[Image.Image], path: Path, fmt: str, dpi: int) -> None:
    if fmt == "jpeg":
        images[0].convert("RGB" if images[0].mode == "RGB" else "L").save(path, "JPEG", quality=82, dpi=(dpi, dpi))
    elif fmt == "png":
        images[0].save(path, "PNG", dpi=(dpi, dpi))
    elif fmt == "tiff":
        all_bilevel = all(im.mode == "1" for im in images)
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], dpi=(dpi, dpi),
                       compression="group4" if all_bilevel else "tiff_lzw")
    else:
        flat = [im if im.mode in ("1", "L", "RGB") else im.convert("RGB") for im in images]
        stamp = time.gmtime(1735689600)  # a fixed creation date, so a seed writes the same bytes
        flat[0].save(path, "PDF", save_all=True, append_images=flat[1:], resolution=float(dpi), creationDate=stamp, modDate=stamp)


EXT = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def generate(seed: int, count: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"family-e/{seed}")
    cars = [make_site(rng, "car") for _ in range(6)]
    units = [make_site(rng, "unit") for _ in range(4)]
    files: list[Path] = []
    made = 0
    k = 0
    while made < count:
        jr = random.Random(rng.randrange(2**63))
        dpi = jr.choice((150, 200, 200))
        plans = _job(jr, cars, units, dpi)
        if made + len(plans) > count + 2:
            plans = plans[: max(1, count - made)]
        # a handover batch goes through the feeder as one file, or sheet by sheet as several
        groups = [plans] if len(plans) == 1 or jr.random() < 0.7 else [[p] for p in plans]
        for g in groups:
            fmt = _format(jr, g)
            path = out / f"e{seed:04d}_{k:04d}{EXT[fmt]}"
            k += 1
            write_truth(path, _write(jr, g, path, fmt, seed))
            files.append(path)
        made += len(plans)
    return files
