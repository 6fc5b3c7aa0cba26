"""Family f: write scanned documents (single files and scanned stacks) with `STEM.truth.json` beside each."""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from dossier.models import DossierRef
from dossier.samples import degrade
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

from . import batches, subjects
from .bodies import BODIES, Ctx
from .doc import Doc
from .hant import hant as to_hant
from .ink import Pressed, seal, sign
from .page import Page
from .photos import photo
from .sites import Site, make_site


@dataclass
class Made:
    pages: list[Page]
    truth: DocumentTruth
    seals: list[Pressed] = field(default_factory=list)
    photo: bool = False


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w > 0 and h > 0 and w * h > 0.15 * (a[2] - a[0]) * (a[3] - a[1])


def build(site: Site, rng: random.Random, dpi: int, hant: bool, code: str | None, ctx: Ctx,
          ref: DossierRef | None, visit: str | None, job: str | None) -> Made:
    """One document: its clean pages (signed and stamped) and its truth, pages numbered from 1 within it."""
    if code is None or code in batches.PHOTOS:
        p = Page(dpi, hant, site.fonts)
        p.img = photo(rng, batches.PHOTOS.get(code or "", "scene"), (p.width, int(p.width * 0.75)))
        p.width, p.height = p.img.size
        return Made([p], DocumentTruth(pages=[1], doc_type=code, script="hant" if hant else "hans", dossier=ref,
                                       visit=visit, job_type=job), photo=True)
    body = code
    title = site.title(code, rng, ctx.subject)
    if code == "id_copy" and ctx.car and ctx.car.owner.is_company or code == "id_copy" and ctx.unit and ctx.unit.tenant.is_company:
        title = site.titles["id_copy_company"]
    d = Doc(site, rng, dpi, hant, title, code)
    d.header()
    parties = BODIES[body](d, ctx)
    if parties:
        if rng.random() < 0.25 and len(d.pages) == 1 and code in ("work_order", "settlement", "move_in", "renovation", "sales_contract"):
            d.new_page()  # the signatures fall on a page of their own
            d.para("（以下为签字页，无正文）" if rng.random() < 0.5 else "以下无正文。")
        d.signatures(parties)
    d.finish()
    truth = DocumentTruth(pages=list(range(1, len(d.pages) + 1)), doc_type=code, title=to_hant(d.title) if hant and d.title else d.title,
                          script="hant" if hant else "hans", dossier=ref, visit=visit, job_type=job, fields=d.fields)
    made = Made(d.pages, truth)
    # the same hand signs every paper of one customer, and each member of a site's staff signs alike
    owner = ctx.car.owner if ctx.car else ctx.unit.tenant if ctx.unit else None
    for i, p in enumerate(d.pages):
        for spot in p.spots:
            writer = (owner.writer if owner and spot.role == "customer"
                      else 1 + zlib.crc32((site.name + spot.label).encode()) % 20)
            status, source, ink, mark = sign(p, spot, rng, 0.3, writer)
            truth.signatures.append(SignatureTruth(role=spot.role, label=spot.label, status=status, page=i + 1, box=spot.box,
                                                   source=source, ink=ink, mark=mark))
    short = site.name.replace("有限公司", "").replace("股份", "")
    for pi, cx, cy in d.seal_spots:
        if rng.random() < 0.85:
            made.seals.append(_press(d.pages[pi], pi, rng, cx + rng.randint(-40, 40), cy + rng.randint(-30, 30), site.seal_shape, short, "合同专用章" if code == "sales_contract" else ""))
    stamp = batches.STAMPED.get(code)
    if stamp and rng.random() < stamp[0] and not made.seals:
        pi, sx, sy = d.stamp_at or (len(d.pages) - 1, int(d.pages[-1].width * rng.uniform(0.6, 0.8)),
                                    int(d.pages[-1].height * rng.uniform(0.35, 0.8)))
        shape = stamp[1] or site.seal_shape
        text = d.seal_text or (site.brand + "汽车有限公司" if code == "conformity_certificate" else short)
        made.seals.append(_press(d.pages[pi], pi, rng, sx + rng.randint(-30, 30), sy + rng.randint(-20, 20), shape, text, stamp[2]))
    for s in made.seals:
        for sig in truth.signatures:
            if sig.page == s.page + 1 and _overlap(sig.box, s.box):
                sig.under_seal = True
    truth.seal = bool(made.seals)
    return made


def _press(p: Page, index: int, rng: random.Random, cx: int, cy: int, shape: str, text: str, middle: str) -> Pressed:
    if shape == "square":
        text = text[:4]
    pr = seal(p, rng, cx, cy, shape, text, middle)
    pr.page = index
    pr.text = to_hant(text) if p.hant else text
    return pr


def _visit_docs(rng: random.Random, job: str) -> list[str]:
    need, extra = batches.VISIT_DOCS[job]
    docs = list(need) + [c for c, p in extra.items() if rng.random() < p]
    order = {c: i for i, c in enumerate(("reception_sheet", "estimate", "work_order", "addon_sheet", "tool_readings", "fault_report",
                                         "damage_photo", "road_test", "loss_assessment", "free_inspection_12", "first_service_card",
                                         "parts_invoice", "settlement"))}
    docs.sort(key=order.__getitem__)
    if rng.random() < 0.45:  # a partial handover: one or two sheets only
        docs = rng.sample(docs, min(len(docs), rng.choice((1, 1, 2))))
    return docs


Plan = list[tuple[Site, str | None, Ctx, DossierRef | None, str | None, str | None]]


def scenario(rng: random.Random, sites: list[Site], at: Site | None = None) -> Plan:
    """One handover; `at`: another handover at the same site (dealer: a visit or a new car; office: a unit)."""
    kind = _pick(rng, batches.SCENARIOS)
    if at:
        kind = "unit" if at.kind == "property" else rng.choice(("visit", "visit", "newcar"))
        sites = [at]
    dealers = [s for s in sites if s.kind == "dealer"]
    offices = [s for s in sites if s.kind == "property"]
    if kind == "visit":
        site = rng.choice(dealers)
        car = subjects.car(rng, site)
        job = _pick(rng, batches.JOBS)
        v = subjects.visit(rng, job, car.delivered)
        ctx = Ctx(rng, car=car, visit=v)
        ref = DossierRef(kind="car", key=car.vin)
        plan: Plan = [(site, c, ctx, ref, v.order, job) for c in _visit_docs(rng, job)]
        if len(plan) > 1 and rng.random() < 0.08:  # a snapshot of the dashboard slipped into the stack: no document type
            plan.insert(rng.randrange(1, len(plan)), (site, None, Ctx(rng), None, None, None))
        return plan
    if kind == "newcar":
        site = rng.choice(dealers)
        car = subjects.car(rng, site)
        ctx = Ctx(rng, car=car)
        ref = DossierRef(kind="car", key=car.vin)
        docs = [c for c, p in batches.NEWCAR_DOCS.items() if rng.random() < p]
        if rng.random() < 0.7:  # most handovers reach the archive a few papers at a time
            docs = rng.sample(docs, min(len(docs), rng.randint(1, 3)))
        return [(site, c, ctx, ref, None, None) for c in docs]
    if kind == "unit":
        site = rng.choice(offices)
        u = subjects.unit(rng, site)
        ref = DossierRef(kind="unit", key=u.number)
        out: Plan = []
        seen: set[str] = set()
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            code = _pick(rng, batches.UNIT_DOCS)
            if code in seen and code != "application":  # one move-in, one fit-out per unit; applications recur
                continue
            seen.add(code)
            ctx = Ctx(rng, unit=u, subject=_pick(rng, batches.SUBJECTS) if code == "application" else None)
            out.append((site, code, ctx, ref, None, None))
        return out
    return [(rng.choice(sites), None, Ctx(rng), None, None, None)]


def _seal_colour(lk: degrade.Look) -> str:
    return "black" if lk.bilevel else "grey" if lk.grey else "red"


def _write(path: Path, fmt: str, images: list[Image.Image], dpi: int, rng: random.Random) -> None:
    if fmt == "pdf":
        imgs = [im if im.mode in ("1", "L", "RGB") else im.convert("RGB") for im in images]
        # fixed dates and title: Pillow would stamp the clock into the file, and a seed must give the same bytes
        when = time.gmtime(1767225600)  # 2026-01-01
        imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), title=path.stem,
                     creationDate=when, modDate=when)
    elif fmt == "tiff":
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(dpi, dpi))
    elif fmt == "jpeg":
        im = images[0].convert("L" if images[0].mode == "1" else images[0].mode)
        im.save(path, "JPEG", quality=rng.randint(78, 93), dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


def emit(out: Path, stem: str, made: list[Made], seed: int, rng: random.Random, fmt: str, dpi: int) -> Path:
    """Degrade every page of one file with one scanner's habits, write it, and write its truth."""
    noisy = rng.random() < 0.55
    base = degrade.file_look(rng, noisy)
    phone = fmt in ("jpeg", "png") and len(made) == 1 and not made[0].photo and rng.random() < 0.3
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    docs: list[DocumentTruth] = []
    for m in made:
        t = m.truth.model_copy(deep=True)
        first = len(pages) + 1
        t.pages = [first + i for i in range(len(m.pages))]
        for sig in t.signatures:
            sig.page += first - 1
        mats = []
        for i, p in enumerate(m.pages):
            if m.photo:
                lk = degrade.Look(jpeg=rng.randint(60, 85) if rng.random() < 0.5 else None)
            else:
                lk = degrade.page_look(rng, base, noisy, turn_p=0.1 if noisy else 0.03, photo=phone)
            img, H = degrade.apply(p.img, lk, rng)
            mats.append((H, lk, img))
            stored = degrade.turn(img, lk.rotation)
            images.append(stored)
            pages.append(PageTruth(index=first + i, width=img.width, height=img.height, dpi=dpi, rotation=lk.rotation,
                                   degradations=lk.names(), doc_type=m.truth.doc_type, continuation=p.continuation,
                                   text="" if m.photo else p.lines()))
        for sig in t.signatures:
            H, _, img = mats[sig.page - first]
            sig.box = _clip(degrade.map_box(H, sig.box), img.size)
        for s in m.seals:
            H, lk, img = mats[s.page]
            box = _clip(degrade.map_box(H, s.box), img.size)
            t.seals.append(SealTruth(page=first + s.page, box=box, shape=s.shape, text=s.text, colour=_seal_colour(lk),
                                     visible=_visible(s.own, H, img, lk)))
        t.rotation = mats[0][1].rotation
        docs.append(t)
    ext = {"pdf": "pdf", "tiff": "tif", "jpeg": "jpg", "png": "png"}[fmt]
    path = out / f"{stem}.{ext}"
    _write(path, fmt, images, dpi, rng)
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=pages, documents=docs, family="f"))
    return path


def _clip(box: tuple[int, int, int, int], size: tuple[int, int]) -> tuple[int, int, int, int]:
    w, h = size
    return (max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3]))


def _visible(own: np.ndarray, H: np.ndarray, img: Image.Image, lk: degrade.Look) -> float:
    """Share of the seal's own ink still dark on a black-and-white scan (1.0 otherwise)."""
    if not lk.bilevel:
        return 1.0
    warped = cv2.warpPerspective(own.astype(np.uint8), H, img.size, flags=cv2.INTER_NEAREST) > 0
    n = int(warped.sum())
    if not n:
        return 0.0
    dark = np.asarray(img.convert("L")) < 128
    return round(float((dark & warped).sum()) / n, 3)


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """About `count` documents in files under `out`, each file with its truth; the same bytes for a seed."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    sites = [make_site(rng, "dealer") for _ in range(5)] + [make_site(rng, "property") for _ in range(3)]
    files: list[Path] = []
    n_docs = batch = 0
    while n_docs < count:
        batch += 1
        plan = scenario(rng, sites)
        while rng.random() < 0.15 and plan[0][1] is not None:  # a day's handovers at one site, scanned as one stack
            plan += scenario(rng, sites, at=plan[0][0])
        plan = plan[: max(1, count - n_docs)]
        dpi = rng.choice((150, 150, 200))
        made = []
        for site, code, ctx, ref, visit, job in plan:
            hant = rng.random() < site.hant_p
            made.append(build(site, rng, dpi, hant, code, ctx, ref, visit, job))
        n_docs += len(made)
        stem = f"f{seed}_{batch:04d}"
        if len(made) > 1 and (rng.random() < 0.6 or len({id(m.truth.dossier) for m in made}) > 1):  # one scanned stack
            files.append(emit(out, stem, made, seed, rng, rng.choice(("pdf", "pdf", "tiff")), dpi))
            continue
        for k, m in enumerate(made):  # each document a file of its own
            single = len(m.pages) == 1
            fmt = ("jpeg" if m.photo else rng.choice(("pdf", "tiff", "jpeg", "png", "pdf")) if single else rng.choice(("pdf", "tiff")))
            files.append(emit(out, f"{stem}" + (f"_{k + 1}" if len(made) > 1 else ""), [m], seed, rng, fmt, dpi))
    return files
