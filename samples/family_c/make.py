"""Family c: episodes of business (a workshop visit, a new car's handover, a unit's paperwork, a stray
photo) rendered as forms, signed or not, stamped or not, scanned badly, and filed as PDF, TIFF, JPEG
or PNG with a `STEM.truth.json` beside each file."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from dossier.models import Box, DossierRef
from dossier.samples import degrade
from dossier.samples.family_c import newcar, papers, photos, service, unit, world
from dossier.samples.family_c.kit import Ctx, Doc, Visit, site_number
from dossier.samples.family_c.page import Page, look
from dossier.samples.family_c.sign import Inked, fill
from dossier.samples.family_c.stamp import Pressed, press
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

Builder = Callable[[Ctx], Doc]
BUILDERS: dict[str, Builder] = {
    "customer_card": newcar.customer_card, "purchase_invoice": papers.purchase_invoice, "sales_contract": newcar.sales_contract,
    "id_copy": papers.id_copy, "delivery_checklist": newcar.delivery_checklist, "vehicle_license": papers.vehicle_license,
    "insurance_policy": papers.insurance_policy, "value_added_services": newcar.value_added_services,
    "conformity_certificate": papers.conformity_certificate, "pdi_checklist": newcar.pdi_checklist, "other_proof": newcar.other_proof,
    "reception_sheet": service.reception_sheet, "work_order": service.work_order, "settlement": service.settlement,
    "free_inspection_12": service.free_inspection_12, "addon_sheet": service.addon_sheet, "road_test": service.road_test,
    "loss_assessment": service.loss_assessment, "tool_readings": service.tool_readings, "estimate": service.estimate,
    "first_service_card": papers.first_service_card, "parts_invoice": papers.parts_invoice, "fault_report": service.fault_report,
    "move_in": unit.move_in, "renovation": unit.renovation, "application": unit.application, "correspondence": unit.correspondence,
    "delivery_photo": lambda ctx: photos.photo_sheet(ctx, "delivery_photo"),
    "damage_photo": lambda ctx: photos.photo_sheet(ctx, "damage_photo"),
}
# A new car's file: each paper is there with this chance (a clerk's handover is often short of one).
NEW_CAR = (("customer_card", 0.9), ("sales_contract", 0.85), ("purchase_invoice", 0.85), ("id_copy", 0.8),
           ("delivery_checklist", 0.9), ("pdi_checklist", 0.55), ("vehicle_license", 0.45), ("insurance_policy", 0.55),
           ("value_added_services", 0.35), ("conformity_certificate", 0.45), ("delivery_photo", 0.3), ("other_proof", 0.08))
BASE = ("reception_sheet", "work_order", "settlement", "free_inspection_12")
EXTRAS = {"minor_repair": (("addon_sheet", 0.25), ("road_test", 0.15), ("loss_assessment", 0.15), ("tool_readings", 0.1), ("estimate", 0.2)),
          "first_service": (("first_service_card", 0.9),),
          "maintenance": (("addon_sheet", 0.15),),
          "major_repair": (("road_test", 0.7), ("estimate", 0.8), ("addon_sheet", 0.2)),
          "warranty_claim": (("parts_invoice", 0.6), ("road_test", 0.5), ("damage_photo", 0.6), ("fault_report", 0.7), ("tool_readings", 0.5))}
JOBS = (("maintenance", 0.35), ("minor_repair", 0.3), ("first_service", 0.1), ("major_repair", 0.1), ("warranty_claim", 0.15))
UNIT_DOCS = (("application", 0.45), ("correspondence", 0.25), ("renovation", 0.15), ("move_in", 0.15))


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([k for k, _ in pairs], [w for _, w in pairs])[0]


@dataclass
class Made:
    """One document rendered on clean pages, signed and stamped, before the scanner."""

    doc: Doc
    pages: list[Page]
    inked: list[Inked]
    pressed: list[Pressed]
    dossier: DossierRef | None
    visit: str | None
    job: str | None
    bare: bool = False  # a phone picture on its own, no printed sheet


class World:
    def __init__(self, rng: random.Random) -> None:
        self.dealers = [world.site(rng, "dealer") for _ in range(4)]
        self.estates = [world.site(rng, "estate") for _ in range(3)]
        for s in self.dealers + self.estates:
            s.look = {"look": look(rng, s.kind == "dealer")}


def _ctx(rng: random.Random, site: world.Site, cust: world.Customer, day: object, dpi: int, **kw: object) -> Ctx:
    lk = site.look["look"]
    return Ctx(rng, site, lk, cust, day, dpi, rng.random() < 0.1, **kw)  # type: ignore[arg-type]


def episode(rng: random.Random, w: World, dpi: int) -> list[Made]:
    kind = _weighted(rng, (("visit", 0.45), ("newcar", 0.17), ("unit", 0.32), ("stray", 0.06)))
    if kind == "unit":
        site = rng.choice(w.estates)
        cust = world.customer(rng, 0.6)
        style = "tower" if "大厦" in site.brand or "中心" in site.brand or "广场" in site.brand else rng.choice(("estate", "floor"))
        number = world.unit_number(rng, style)
        out = []
        for _ in range(rng.choice((1, 2, 2, 3))):
            code = _weighted(rng, UNIT_DOCS)
            ctx = _ctx(rng, site, cust, world.day(rng), dpi, unit=number)
            out.append(_render(rng, BUILDERS[code](ctx), DossierRef(kind="unit", key=number), None, None))
        return out
    site = rng.choice(w.dealers)
    cust = world.customer(rng, 0.15)
    wmi = tuple(site.brand.split("|"))
    car = world.car(rng, (wmi[0], wmi[1]), site.province)
    ref = DossierRef(kind="car", key=car.vin)
    if kind == "stray":
        ctx = _ctx(rng, site, cust, world.day(rng), dpi)
        img, doc = photos.bare_photo(ctx, None)
        return [_bare(rng, img, doc, None)]
    if kind == "newcar":
        delivered = world.day(rng)
        out = []
        for code, p in NEW_CAR:
            if rng.random() >= p:
                continue
            shift = {"sales_contract": -rng.randint(3, 25), "pdi_checklist": -rng.randint(1, 4), "purchase_invoice": -rng.randint(0, 3),
                     "conformity_certificate": -rng.randint(20, 90), "insurance_policy": -rng.randint(0, 2)}.get(code, 0)
            ctx = _ctx(rng, site, cust, delivered + timedelta(days=shift), dpi, car=car)
            if code == "delivery_photo" and rng.random() < 0.5:
                img, doc = photos.bare_photo(ctx, code)
                out.append(_bare(rng, img, doc, ref))
            else:
                out.append(_render(rng, BUILDERS[code](ctx), ref, None, None))
        return out
    job = _weighted(rng, JOBS)
    day = world.day(rng)
    visit = Visit(site_number(site, ("WO", "RO", "GD", "WX", "R"), rng, day), job, site.staffer(rng), site.staffer(rng), day,
                  rng.randint(3000, 7000) if job == "first_service" else rng.randint(8000, 160000))
    codes = [c for c in BASE if rng.random() < 0.93] + [c for c, p in EXTRAS[job] if rng.random() < p]
    out = []
    for code in codes:
        later = rng.randint(1, 4) if code == "settlement" and job in ("major_repair", "warranty_claim") else 0
        ctx = _ctx(rng, site, cust, day + timedelta(days=later), dpi, car=car, visit=visit)
        if code == "damage_photo" and rng.random() < 0.4:
            img, doc = photos.bare_photo(ctx, code)
            out.append(_bare(rng, img, doc, ref, visit.number, job))
        else:
            out.append(_render(rng, BUILDERS[code](ctx), ref, visit.number, job))
    return out


def _render(rng: random.Random, doc: Doc, ref: DossierRef | None, visit: str | None, job: str | None) -> Made:
    doc.flow.finish()
    inked = fill(rng, doc.flow.pages, doc.flow.sigs, doc.ctx.day, doc.ctx.look.date_style)
    pressed = [press(rng, doc.flow.pages[s.page], s) for s in doc.flow.seals if rng.random() < 0.88]
    return Made(doc, doc.flow.pages, inked, pressed, ref, visit, job)


def _bare(rng: random.Random, img: Image.Image, doc: Doc, ref: DossierRef | None, visit: str | None = None,
          job: str | None = None) -> Made:
    page = Page(img.width, img.height, 150, doc.ctx.hant)
    page.img = img.convert("RGB")
    return Made(doc, [page], [], [], ref, visit, job, bare=True)


def _overlap(a: Box, b: Box) -> float:
    w = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    return w * h / max(1, (a[2] - a[0]) * (a[3] - a[1]))


def _visible(p: Pressed, H: np.ndarray, degraded: Image.Image, size: tuple[int, int]) -> float:
    """Share of the seal's ink on bare paper still dark after a black-and-white scan."""
    mask = np.zeros((size[1], size[0]), np.uint8)
    x, y = p.origin
    h, w = p.bare.shape
    mask[y:y + h, x:x + w] = p.bare[: size[1] - y, : size[0] - x].astype(np.uint8)
    warped = cv2.warpPerspective(mask, H, degraded.size, flags=cv2.INTER_NEAREST)
    dark = np.asarray(degraded.convert("L")) < 128
    n = int(warped.sum())
    return round(float((dark & (warped > 0)).sum()) / n, 3) if n else 0.0


def package(rng: random.Random, made: list[Made], stem: Path, fmt: str, seed: int) -> Path:
    path = stem.with_suffix({"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}[fmt])
    base = degrade.file_look(rng, noisy=rng.random() < 0.8)
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    docs: list[DocumentTruth] = []
    for m in made:
        first = len(images) + 1
        sigs: list[SignatureTruth] = []
        seals: list[SealTruth] = []
        rotation0 = 0
        for k, page in enumerate(m.pages):
            phone = fmt == "jpeg" and not m.bare and rng.random() < 0.5
            lk = degrade.page_look(rng, base, not m.bare and rng.random() < 0.85, turn_p=0.08, photo=phone)
            if m.bare:
                lk.grey = lk.bilevel = False
            img, H = degrade.apply(page.img, lk, rng)
            index = len(images) + 1
            if k == 0:
                rotation0 = lk.rotation
            for it in m.inked:
                if it.spot.page == k:
                    box = degrade.map_box(H, it.spot.box)
                    under = any(pr.spot.page == k and _overlap(it.spot.box, pr.box) > 0.15 for pr in m.pressed)
                    sigs.append(SignatureTruth(role=it.spot.role, label=it.spot.label, status=it.status, page=index, box=box,
                                               source=it.source, ink=it.ink, mark=it.mark, under_seal=under))
            for pr in m.pressed:
                if pr.spot.page == k:
                    colour = "black" if lk.bilevel else "grey" if lk.grey else "red"
                    vis = _visible(pr, H, img, page.img.size) if lk.bilevel else 1.0
                    seals.append(SealTruth(page=index, box=degrade.map_box(H, pr.box), shape=pr.spot.shape,
                                           text=page.script(pr.spot.text), colour=colour, visible=vis))
            pages.append(PageTruth(index=index, width=img.width, height=img.height, dpi=page.dpi, rotation=lk.rotation,
                                   degradations=lk.names(), doc_type=m.doc.code, continuation=k > 0, text=page.truth_text()))
            images.append(degrade.turn(img, lk.rotation))
        docs.append(DocumentTruth(pages=list(range(first, len(images) + 1)), doc_type=m.doc.code, title=m.doc.title,
                                  script="hant" if m.doc.ctx.hant else "hans", dossier=m.dossier, visit=m.visit, job_type=m.job,
                                  fields=dict(m.doc.fields), signatures=sigs, seal=bool(seals), seals=seals, rotation=rotation0))
    _save(images, path, fmt, made[0].pages[0].dpi, rng)
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=pages, documents=docs, family="c"))
    return path


def _save(images: list[Image.Image], path: Path, fmt: str, dpi: int, rng: random.Random) -> None:
    if fmt == "pdf":
        imgs = [im.convert("L") if im.mode == "1" else im for im in images]
        # A fixed scan time: Pillow stamps "now" otherwise, and the same seed must give the same bytes.
        when = datetime(2025, 1, 2, 9, rng.randrange(60)).timetuple()
        imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), creationDate=when, modDate=when)
    elif fmt == "tiff":
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].convert("RGB").save(path, "JPEG", quality=rng.randint(72, 92), dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """About `count` documents of family c in files under `out`, each with its truth; the same seed, the same bytes."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    w = World(rng)
    files: list[Path] = []
    done = 0
    while done < count:
        dpi = rng.choice((150, 150, 200, 200, 200, 300))
        made = episode(rng, w, dpi)[: count - done]
        if not made:
            continue
        done += len(made)
        # The whole handover scanned as one batch, or each paper on its own.
        groups = [made] if len(made) > 1 and rng.random() < 0.55 else [[m] for m in made]
        for g in groups:
            single = len(g) == 1 and len(g[0].pages) == 1
            fmt = rng.choice(("jpeg", "jpeg", "png", "pdf", "tiff")) if single else rng.choice(("pdf", "pdf", "tiff"))
            if g[0].bare:
                fmt = "jpeg" if rng.random() < 0.8 else "png"
            name = rng.choice(("scan", "SCAN", "IMG", "doc", "扫描件"))
            files.append(package(rng, g, out / f"c{seed}_{len(files) + 1:03d}_{name}", fmt, seed))
    return files
