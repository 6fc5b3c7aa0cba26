"""A day of scans: dossiers made into documents, documents into pages, pages into files with their truth."""

from __future__ import annotations

import io
import random
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

from dossier.models import DossierRef

from ..degrade import apply, file_look, map_box, page_look, turn
from ..truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth
from . import cases, docs, layout, special
from .canvas import Sheet
from .docs import SCRIPT_FIELDS, Spec
from .hant import hant
from .ink import Pressed, Signed, press, seal_visible, sign
from .texts import PHOTO_CAPTIONS

BLANK_P = 0.33
LAST_DAY = date(2025, 11, 28)  # no visit after the day the scans were made


@dataclass
class Doc:
    sheets: list[Sheet]
    truth: DocumentTruth
    signed: list[tuple[int, Signed]] = field(default_factory=list)  # (sheet index, field)
    seals: list[tuple[int, Pressed]] = field(default_factory=list)
    photo: bool = False


def _script_fields(f: dict[str, str], trad: bool) -> dict[str, str]:
    return {k: hant(v) if trad and k in SCRIPT_FIELDS else v for k, v in f.items()}


def build(rng: random.Random, spec: Spec, dpi: int, trad: bool, ref: DossierRef | None, visit: cases.Visit | None) -> Doc:
    """Print the spec, sign its fields (or leave them blank) and press its seal."""
    if spec.kind == "invoice":
        sheets = [special.invoice(spec, rng, dpi, trad)]
    elif spec.kind == "vat":
        sheets = [special.vat(spec, rng, dpi, trad)]
    elif spec.kind == "idcard":
        sheets = [special.idcard(spec, rng, dpi, trad)]
    elif spec.kind == "licence":
        sheets = [special.business_licence(spec, rng, dpi, trad)]
    elif spec.kind == "vlicence":
        sheets = [special.vehicle_licence(spec, rng, dpi, trad)]
    else:
        sheets = layout.render(spec, rng, dpi, trad)
    title = sheets[0].t(spec.title) if spec.title else None
    truth = DocumentTruth(pages=[], doc_type=spec.doc_type, title=title, script="hant" if trad else "hans", dossier=ref,
                          visit=visit.order_no if visit else None, job_type=visit.job_type if visit else None,
                          fields=_script_fields(spec.fields, trad))
    doc = Doc(sheets, truth)
    people = {p.role: p.person for p in spec.parties}
    for i, s in enumerate(sheets):
        for fld in s.fields:
            doc.signed.append((i, sign(s, fld, rng, people.get(fld.role, "无名"), rng.random() < BLANK_P)))
    if spec.seal and rng.random() < 0.8:
        i = max((k for k, s in enumerate(sheets) if s.seal_spots), default=len(sheets) - 1)
        s = sheets[i]
        spot = s.seal_spots[0] if s.seal_spots else (s.W // 2, s.H - s.mm(80), s.W - s.mm(20), s.H - s.mm(30))
        centre = (rng.uniform(spot[0], spot[2]), rng.uniform(spot[1], spot[3]))
        kind = spec.seal
        pressed = press(s, rng, centre, spec.seal_company, kind, real_p=0.5 if kind != "invoice" else 0.35)
        doc.seals.append((i, pressed))
        for k, sg in doc.signed:
            if k == i and sg.status == "signed" and _overlap(sg.field.box, pressed.box) > 0.2:
                sg.under_seal = True
    return doc


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, (a[2] - a[0]) * (a[3] - a[1]))


def photo_doc(rng: random.Random, kind: str, dpi: int, ref: DossierRef | None, doc_type: str | None,
              caption: list[str], fields: dict[str, str], visit: cases.Visit | None = None) -> Doc:
    s = special.photo(rng, dpi, False, caption, kind)
    truth = DocumentTruth(pages=[], doc_type=doc_type, dossier=ref, fields=fields,
                          visit=visit.order_no if visit else None, job_type=visit.job_type if visit else None)
    return Doc([s], truth, photo=True)


# -- dossiers ----------------------------------------------------------------------------------------------

def new_car_file(rng: random.Random, c: cases.Car, dpi: int) -> list[Doc]:
    ref = DossierRef(kind="car", key=c.vin)
    types = list(cases.NEW_CAR_DOCS) + (["other_proof"] if rng.random() < 0.25 else [])
    if rng.random() < 0.55:  # an incomplete handover
        for t in rng.sample(types, rng.choice((1, 1, 2, 3))):
            types.remove(t)
    out = []
    note = rng.choice(("仅供办理购车手续使用", "此复印件仅用于购车，他用无效", "", "与原件一致"))
    for t in types:
        trad = rng.random() < 0.15
        if t == "delivery_photo":
            cap = rng.choice(PHOTO_CAPTIONS).format(name=c.owner.person.name, dealer=c.dealer[:6])
            out.append(photo_doc(rng, "delivery", dpi, ref, t, [cap, c.dealer[:8]] if rng.random() < 0.6 else [cap], {}))
            continue
        spec = {
            "customer_card": docs.customer_card, "purchase_invoice": docs.invoice, "sales_contract": docs.sales_contract,
            "delivery_checklist": docs.delivery_checklist, "vehicle_license": docs.licence, "insurance_policy": docs.insurance,
            "value_added_services": docs.value_added, "conformity_certificate": docs.conformity, "pdi_checklist": docs.pdi,
            "other_proof": docs.other_proof,
        }[t](rng, c) if t != "id_copy" else docs.id_copy(rng, c.owner, note)
        out.append(build(rng, spec, dpi, trad, ref, None))
    return out


def visit_file(rng: random.Random, c: cases.Car, v: cases.Visit, dpi: int) -> list[Doc]:
    ref = DossierRef(kind="car", key=c.vin)
    types = list(v.docs)
    if rng.random() < 0.4:
        types.remove(rng.choice(types))
    out = []
    for t in types:
        trad = rng.random() < 0.15
        if t == "damage_photo":
            part = rng.choice(docs.PARTS)[0]
            cap = ["索赔旧件标签", f"工单号：{v.order_no}", f"VIN：{c.vin}", f"零件：{part}"]
            f = {"vin": c.vin, "order_number": v.order_no} if rng.random() < 0.7 else {}
            out.append(photo_doc(rng, "damage", dpi, ref, t, cap if f else [], f, v))
            continue
        spec = docs.parts_invoice(rng, c, v) if t == "parts_invoice" else docs.after_sales(rng, t, c, v)
        out.append(build(rng, spec, dpi, trad, ref, v))
    return out


def unit_file(rng: random.Random, u: cases.Unit, dpi: int) -> list[Doc]:
    ref = DossierRef(kind="unit", key=u.key)
    plan = rng.sample(["move_in", "renovation", "correspondence", "application", "application"], rng.randint(2, 4))
    out = []
    when = u.moved_in
    for t in plan:
        trad = rng.random() < 0.15
        subject = rng.choice(("房门锁", "电话", "车位", "水牌", "客户加班")) if t == "application" else None
        spec = docs.unit_doc(rng, t, u, when, subject)
        out.append(build(rng, spec, dpi, trad, ref, None))
        when += timedelta(days=rng.randint(3, 60))
    return out


def stray(rng: random.Random, dpi: int) -> Doc:
    if rng.random() < 0.5:
        s = special.chat(rng, rng.random() < 0.15)
        return Doc([s], DocumentTruth(pages=[], doc_type=None))
    cap = rng.choice(([], ["停车场入口", "限高2.2米"], ["会议室 A"], ["请勿吸烟"]))
    return photo_doc(rng, "other", dpi, None, None, list(cap), {})


# -- files -------------------------------------------------------------------------------------------------

@dataclass
class FileJob:
    stem: str
    fmt: str  # pdf | tiff | jpeg | png
    docs: list[Doc]
    phone: bool = False
    screenshot: bool = False


def group(rng: random.Random, stem: str, ds: list[Doc]) -> list[FileJob]:
    """How a clerk scans a handover: all in one batch, or in several goes; photos come from a phone."""
    jobs: list[FileJob] = []
    rest = []
    for d in ds:
        if d.photo and rng.random() < 0.6:
            jobs.append(FileJob(f"{stem}_photo{len(jobs) + 1}", "jpeg", [d], phone=True))
        else:
            rest.append(d)
    batch = rng.random() < 0.5
    while rest:
        n = len(rest) if batch else min(len(rest), rng.choice((1, 2, 3, 3, 4, 5, 6)))
        part, rest = rest[:n], rest[n:]
        pages = sum(len(d.sheets) for d in part)
        r = rng.random()
        fmt = "pdf" if r < 0.55 or pages > 1 and r < 0.6 else "tiff" if r < 0.85 or pages > 1 else rng.choice(("jpeg", "png"))
        phone = fmt == "jpeg" and rng.random() < 0.6
        jobs.append(FileJob(f"{stem}_{len(jobs) + 1}", fmt, part, phone=phone))
    return jobs


def day(seed: int, count: int) -> list[FileJob]:
    """Dossiers until `count` documents are made, as file jobs in the order they were scanned."""
    rng = random.Random(seed)
    jobs: list[FileJob] = []
    made = 0
    cars: list[cases.Car] = []
    n = 0
    while made < count:
        n += 1
        dpi = rng.choice((200, 200, 200, 150, 300))
        r = rng.random()
        if r < 0.2:
            c = cases.car(rng)
            cars.append(c)
            ds = new_car_file(rng, c, dpi)
            stem = f"{n:03d}_newcar"
        elif r < 0.68:
            c = rng.choice(cars) if cars and rng.random() < 0.35 else cases.car(rng)
            job = rng.choice(("minor_repair", "minor_repair", "first_service", "maintenance", "maintenance",
                              "major_repair", "warranty_claim"))
            came = c.delivered + timedelta(days=rng.randint(40, 900) if job != "first_service" else rng.randint(40, 170))
            came = min(came, LAST_DAY - timedelta(days=rng.randint(0, 60)))
            v = cases.visit(rng, c, job, came)
            ds = visit_file(rng, c, v, dpi)
            stem = f"{n:03d}_visit"
        elif r < 0.92:
            ds = unit_file(rng, cases.unit(rng), dpi)
            stem = f"{n:03d}_unit"
        else:
            d = stray(rng, dpi)
            made += 1
            screenshot = d.truth.doc_type is None and not d.photo
            jobs.append(FileJob(f"{n:03d}_misc", "png" if screenshot else "jpeg", [d], phone=d.photo, screenshot=screenshot))
            continue
        made += len(ds)
        jobs += group(rng, stem, ds)
    return jobs


def render_file(job: FileJob, outdir: Path, seed: int, rng: random.Random) -> Path:
    """Degrade every page as the scanner, copier or phone would, save the file and its truth."""
    noisy = rng.random() < 0.55
    base = file_look(rng, noisy)
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    documents: list[DocumentTruth] = []
    for d in job.docs:
        nums = []
        page_H = []
        for k, s in enumerate(d.sheets):
            idx = len(images) + 1
            nums.append(idx)
            if job.screenshot:
                out, H = s.img.copy(), np.eye(3)
                lk_names: list[str] = []
                rotation = 0
            else:
                lk = page_look(rng, base, noisy, turn_p=0.12 if not job.phone else 0.2, photo=job.phone)
                out, H = apply(s.img, lk, rng)
                lk_names, rotation = lk.names(), lk.rotation
            page_H.append((H, out))
            pages.append(PageTruth(index=idx, width=out.width, height=out.height, dpi=s.dpi, rotation=rotation,
                                   degradations=lk_names, doc_type=d.truth.doc_type, continuation=k > 0,
                                   text=s.text_lines()))
            images.append(turn(out, rotation))
        t = d.truth.model_copy(deep=True)
        t.pages = nums
        t.rotation = pages[nums[0] - 1].rotation
        t.signatures = [SignatureTruth(role=sg.field.role, label=sg.field.label, status=sg.status, page=nums[i],
                                       box=map_box(page_H[i][0], sg.field.box), source=sg.source, ink=sg.ink,
                                       mark=sg.mark, under_seal=sg.under_seal) for i, sg in d.signed]
        seals = []
        for i, p in d.seals:
            H, out = page_H[i]
            mode = out.mode
            colour = "black" if mode == "1" else "grey" if mode == "L" else "red"
            visible = seal_visible(p.own, H, out) if mode == "1" else 1.0
            seals.append(SealTruth(page=nums[i], box=map_box(H, p.box), shape=p.shape, text=p.text,
                                   colour=colour, visible=visible))
        t.seals = seals
        t.seal = bool(seals)
        documents.append(t)
    ext = {"pdf": "pdf", "tiff": "tif", "jpeg": "jpg", "png": "png"}[job.fmt]
    path = outdir / f"{job.stem}.{ext}"
    save(images, path, job.fmt, job.docs[0].sheets[0].dpi, rng)
    write_truth(path, FileTruth(file=path.name, format=job.fmt, seed=seed, pages=pages, documents=documents,
                                family="b"))
    return path


FIXED = time.gmtime(1704067200)  # 2024-01-01: the same bytes for the same seed


def save(images: list[Image.Image], path: Path, fmt: str, dpi: int, rng: random.Random) -> None:
    if fmt == "pdf":
        conv = [im.convert("RGB") if im.mode not in ("1", "L", "RGB") else im for im in images]
        # Pillow writes bilevel pages as CCITT, which takes no JPEG quality: a batch of only bilevel pages
        # keeps them so; a mixed batch gets grey ones.
        bilevel = all(im.mode == "1" for im in conv)
        if not bilevel:
            conv = [im.convert("L") if im.mode == "1" else im for im in conv]
        lossy: dict[str, int] = {} if bilevel else {"quality": 85}
        buf = io.BytesIO()
        conv[0].save(buf, "PDF", save_all=True, append_images=conv[1:], resolution=float(dpi), **lossy,
                     creationDate=FIXED, modDate=FIXED, producer="scanner", creator="scanner")
        path.write_bytes(buf.getvalue())
    elif fmt == "tiff":
        bilevel = all(im.mode == "1" for im in images)
        conv = images if bilevel else [im.convert("L") if im.mode == "1" else im for im in images]
        conv[0].save(path, "TIFF", save_all=True, append_images=conv[1:], dpi=(dpi, dpi),
                     compression="group4" if bilevel else "tiff_lzw")
    elif fmt == "jpeg":
        images[0].convert("RGB").save(path, "JPEG", quality=rng.randint(72, 92), dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


def generate(seed: int, count: int, outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    jobs = day(seed, count)
    rng = random.Random(seed * 7919 + 1)
    return [render_file(j, outdir, seed, rng) for j in jobs]
