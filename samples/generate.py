"""Generate sample scans of dealership and property documents, with ground truth beside each file.

    python -m dossier.samples.generate --seed 7 --count 40 [--mild] [--clean] OUT
    python -m dossier.samples.generate --preset demo samples/scans      # the committed sets
    python -m dossier.samples.generate --preset tests tests/data

Documents come in dossiers (one VIN across a new-car file and its after-sales visits; one unit number
across a unit file), some complete and some missing items, scanned as batches (PDF, TIFF) or singles
(JPEG, PNG, phone photos). Output is a function of the seed only: same seed, same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from dossier.classify.hanzi import to_hant
from dossier.errors import ExitCode
from dossier.models import DossierRef
from dossier.policy import Policy, base_policy
from dossier.samples import degrade, newcar, other, service, units
from dossier.samples.content import CarFile, UnitFile, Visit, make_car_file, make_unit_file, make_visit
from dossier.samples.ctx import Ctx
from dossier.samples.degrade import Look
from dossier.samples.handwriting import (
    BLACK_INKS,
    blank_mark,
    chinese_signature,
    multiply,
    pen_colour,
    real_signature,
    synthetic_signature,
)
from dossier.samples.render import SealSpot, Sheet
from dossier.samples.seals import REDS, rotated, seal_alpha
from dossier.samples.truth import (
    DocumentTruth,
    FileTruth,
    PageTruth,
    SealTruth,
    SignatureTruth,
    truth_path,
    write_truth,
)

FORMS: dict[str, Callable[[Sheet, Ctx], None]] = {**newcar.FORMS, **service.FORMS, **units.FORMS}
HAND_P = {"customer_card": 0.6, "reception_sheet": 0.5, "delivery_checklist": 0.4, "free_inspection_12": 0.4,
          "road_test": 0.5, "pdi_checklist": 0.4, "move_in": 0.5, "renovation": 0.4, "application": 0.6,
          "first_service_card": 0.5}
SMALL_FORMS = {"application", "first_service_card"}  # often printed on A5 landscape
GREEN_CARD = (222, 240, 222)


@dataclass
class DocSpec:
    code: str | None  # None: a screenshot or photo that is no document
    car: CarFile | None = None
    visit: Visit | None = None
    unit: UnitFile | None = None
    hant: bool = False
    other: str = "screenshot"


@dataclass
class FileSpec:
    fmt: str  # pdf | tiff | jpeg | png
    docs: list[DocSpec]
    photo: bool = False
    rotation: int | None = None  # force this quarter turn on every page
    dpi: int | None = None
    look: Look | None = None  # force the scanner mode (grey, bilevel)
    quality: int | None = None  # JPEG quality of the stored pages
    stem: str = ""


# -- planning ---------------------------------------------------------------------------------------

def _drop_some(rng: random.Random, codes: list[str], seen: set[str], k: int) -> list[str]:
    """An incomplete handover: leave out up to k documents, only types already shown elsewhere."""
    codes = list(codes)
    for _ in range(k):
        droppable = [c for c in codes[1:] if c in seen]
        if droppable:
            codes.remove(rng.choice(droppable))
    return codes


def _visit_docs(rng: random.Random, policy: Policy, job: str, seen: set[str]) -> list[str]:
    rule = policy.kinds["car"].checklists[job]
    docs = list(rule.required)
    for opt in rule.optional:
        if opt not in seen or rng.random() < 0.25:
            docs.insert(rng.randint(3, len(docs)), opt)
    return _drop_some(rng, docs, seen, 1) if rng.random() < 0.35 else docs


def _pack(rng: random.Random, docs: list[DocSpec], noisy: bool, batch_p: float) -> list[FileSpec]:
    """A handover scanned as one batch, as a batch plus a few singles, or as singles."""
    r = rng.random()
    if len(docs) > 1 and r < batch_p:
        return [FileSpec(rng.choice(("pdf", "pdf", "tiff")), docs)]
    if len(docs) > 3 and r < batch_p + 0.25:
        k = rng.randint(1, 2)
        return [FileSpec(rng.choice(("pdf", "tiff")), docs[:-k])] + [_single(rng, d, noisy) for d in docs[-k:]]
    return [_single(rng, d, noisy) for d in docs]


def _single(rng: random.Random, d: DocSpec, noisy: bool) -> FileSpec:
    if rng.random() < (0.18 if noisy else 0.05):
        return FileSpec("jpeg", [d], photo=True)
    return FileSpec(rng.choice(("jpeg", "jpeg", "png")), [d])


def plan(rng: random.Random, count: int, noisy: bool, policy: Policy) -> list[FileSpec]:
    """Dossiers until `count` documents: cars with new-car files and visits, units, a few stray images.

    The first dossiers favour document types not yet shown, so a modest count covers every type.
    """
    car, unit = policy.kinds["car"], policy.kinds["unit"]
    after_sales = [c for j in car.job_types for c in car.checklists[j].required + car.checklists[j].optional]
    files: list[FileSpec] = []
    seen: set[str] = set()
    n = 0
    while n < count:
        r = rng.random()
        unit_gap = [c for c in unit.doc_types if c not in seen]
        new: list[FileSpec] = []
        if not files or (not unit_gap and r < 0.6):
            cf = make_car_file(rng)
            hant = rng.random() < 0.12
            codes = list(car.checklists["new_car"].required)
            if rng.random() < 0.5:
                codes = _drop_some(rng, codes, seen, rng.randint(1, 2))
            if "other_proof" not in seen or rng.random() < 0.2:
                codes.append("other_proof")
            seen.update(codes)
            new += _pack(rng, [DocSpec(c, car=cf, hant=hant and rng.random() < 0.9) for c in codes], noisy, 0.6)
            after = cf.delivered
            visits = rng.choice((0, 1, 1, 2))
            while visits or (any(c not in seen for c in after_sales) and len(cf.visits) < 3):
                visits = max(0, visits - 1)
                gain = {j: len({c for c in car.checklists[j].required + car.checklists[j].optional if c not in seen})
                        for j in car.job_types}
                best = max(gain.values())
                job = rng.choice([j for j, g in gain.items() if g == best]) if best else rng.choice(list(car.job_types))
                v = make_visit(rng, cf, job, after)
                cf.visits.append(v)
                after = v.date_out
                codes = _visit_docs(rng, policy, job, seen)
                seen.update(codes)
                new += _pack(rng, [DocSpec(c, car=cf, visit=v, hant=hant) for c in codes], noisy, 0.65)
        elif unit_gap or r < 0.9:
            uf = make_unit_file(rng)
            hant = rng.random() < 0.15
            codes = ["move_in"] if "move_in" not in seen or rng.random() < 0.85 else []
            for c, p in (("renovation", 0.5), ("correspondence", 0.5), ("application", 0.8)):
                if c not in seen or rng.random() < p:
                    codes += [c] * (rng.choice((1, 1, 2)) if c == "application" else 1)
            seen.update(codes)
            new += _pack(rng, [DocSpec(c, unit=uf, hant=hant) for c in codes], noisy, 0.3)
        else:
            kind = rng.choice(("screenshot", "scene"))
            new.append(FileSpec("png" if kind == "screenshot" else "jpeg", [DocSpec(None, other=kind)]))
        for f in new:
            f.docs = f.docs[:count - n]
            if f.docs:
                files.append(f)
                n += len(f.docs)
    return files


# -- rendering one document -----------------------------------------------------------------------------

def render_document(d: DocSpec, rng: random.Random, dpi: int, policy: Policy) -> tuple[Sheet, Ctx]:
    assert d.code
    spec = policy.doc_types[d.code]
    ctx = Ctx(rng, spec, d.hant, car=d.car, visit=d.visit, unit=d.unit, job_types=policy.kinds["car"].job_types,
              hand=rng.random() < HAND_P.get(d.code, 0.0))
    size = (210.0, 297.0)
    if d.code in SMALL_FORMS and rng.random() < 0.4:
        size = (210.0, 148.0)
    paper = GREEN_CARD if ctx.title in ("绿卡", "綠卡") or (d.code == "customer_card" and rng.random() < 0.2) else (255, 255, 255)
    sheet = Sheet(rng, dpi, d.hant, size_mm=size, margin_mm=rng.uniform(13, 19), paper=paper)
    FORMS[d.code](sheet, ctx)
    if d.hant:  # text fields are truth as printed; keys (VIN, plate, numbers, subject) stay normalised
        for k in ("name", "address", "company", "dealer", "contact"):
            if k in ctx.fields:
                ctx.fields[k] = to_hant(ctx.fields[k])
    return sheet, ctx


def _org(d: DocSpec) -> str:
    return d.car.dealer.name if d.car else d.unit.manager if d.unit else ""


def ink(sheet: Sheet, ctx: Ctx, d: DocSpec, rng: random.Random) -> tuple[list[SignatureTruth], list[SealTruth]]:
    """Sign or leave blank every signature field, then press the seals; truth in page-local terms."""
    sigs: list[SignatureTruth] = []
    for slot in sheet.slots:
        page = sheet.pages[slot.page]
        x0, y0, x1, y1 = slot.box
        w, h = x1 - x0, y1 - y0
        if rng.random() < 0.68:
            colour, ink_name = pen_colour(rng)
            alpha, source = None, "synthetic"
            if rng.random() < 0.4:
                # Real hands: Tobacco800's Latin signatures and real Chinese names, half and half.
                height = int(h * rng.uniform(0.7, 1.0))
                alpha = chinese_signature(rng, None, height) if rng.random() < 0.5 else real_signature(rng, height)
                source = "real"
                if rng.random() < 0.6:
                    colour, ink_name = rng.choice(BLACK_INKS), "black"
            if alpha is None:
                alpha, source = synthetic_signature(rng, int(h * rng.uniform(0.55, 0.85))), "synthetic"
            if alpha.shape[1] > w:
                f = w / alpha.shape[1]
                alpha = cv2.resize(alpha, (w, max(1, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
            x = x0 + rng.randint(0, max(0, w - alpha.shape[1]) // 2)
            y = y0 + (h - alpha.shape[0]) // 2 + rng.randint(-h // 8, h // 8)
            multiply(page, alpha, colour, (x, y), rng.uniform(0.85, 1.0))
            sigs.append(SignatureTruth(role=slot.role, label=slot.label, status="signed", page=slot.page, box=slot.box,
                                       source=source, ink=ink_name))
        else:
            mark = rng.choice((None, None, "specks", "smudge", "stray_line"))
            if mark:
                multiply(page, blank_mark(rng, (w, h), mark), rng.choice(BLACK_INKS), (x0, y0))
            sigs.append(SignatureTruth(role=slot.role, label=slot.label, status="blank", page=slot.page, box=slot.box,
                                       mark=mark))
    spots = [s for s in sheet.seals if rng.random() < (0.92 if ctx.spec.seal else 0.8)]
    staff = [s for s in sheet.slots if s.role == "staff"]
    if staff and rng.random() < 0.1:  # a company seal pressed over the staff signature
        s = staff[0]
        spots.append(SealSpot(s.page, ((s.box[0] + s.box[2]) // 2, (s.box[1] + s.box[3]) // 2), "round", _org(d), ""))
    if d.code == "sales_contract" and staff and rng.random() < 0.25:  # the legal representative's name seal
        s = staff[0]
        spots.append(SealSpot(s.page, (s.box[2] - sheet.px(12), s.box[1] + sheet.px(8)), "square",
                              d.car.owner.name if d.car and d.car.company else rng.choice("王李张刘陈") + "建国", ""))
    seals: list[SealTruth] = []
    for spot in spots:
        text = to_hant(spot.text) if d.hant else spot.text
        alpha = rotated(seal_alpha(rng, spot.shape, text, spot.middle, sheet.dpi, d.hant), rng.uniform(-25, 25))
        cx = spot.center[0] + rng.randint(-sheet.px(3), sheet.px(3))
        cy = spot.center[1] + rng.randint(-sheet.px(3), sheet.px(3))
        x, y = cx - alpha.shape[1] // 2, cy - alpha.shape[0] // 2
        paper = _paper(sheet.pages[spot.page], (x, y), alpha.shape)
        multiply(sheet.pages[spot.page], alpha, rng.choice(REDS), (x, y), rng.uniform(0.75, 0.95))
        box = (x, y, x + alpha.shape[1], y + alpha.shape[0])
        seal = SealTruth(page=spot.page, box=box, shape=spot.shape, text=text, colour="red")
        seal._own = (x, y, (alpha > 0.5) & paper)
        seals.append(seal)
        for sg in sigs:
            if sg.page == spot.page and _overlap(sg.box, box):
                sg.under_seal = True
    return sigs, seals


def _paper(page: Image.Image, xy: tuple[int, int], shape: tuple[int, ...]) -> np.ndarray:
    """Where a mark of `shape` placed at `xy` falls on bare paper (no print under it), as a bool mask."""
    x, y = xy
    grey = np.full(shape[:2], 0, np.uint8)
    x0, y0, x1, y1 = max(0, x), max(0, y), min(page.width, x + shape[1]), min(page.height, y + shape[0])
    if x1 > x0 and y1 > y0:
        grey[y0 - y : y1 - y, x0 - x : x1 - x] = np.asarray(page.crop((x0, y0, x1, y1)).convert("L"))
    return grey > 200


def _visible(seal: SealTruth, scanned: Image.Image, matrix: np.ndarray, size: tuple[int, int]) -> float:
    """Share of the seal's own ink that is dark on the scanned page (`matrix` maps the page onto it)."""
    x, y, own = seal._own
    canvas = np.zeros((size[1], size[0]), np.uint8)
    x0, y0, x1, y1 = max(0, x), max(0, y), min(size[0], x + own.shape[1]), min(size[1], y + own.shape[0])
    if x1 <= x0 or y1 <= y0:
        return 0.0
    canvas[y0:y1, x0:x1] = own[y0 - y : y1 - y, x0 - x : x1 - x]
    mask = cv2.warpPerspective(canvas, matrix, scanned.size, flags=cv2.INTER_NEAREST) > 0
    dark = np.asarray(scanned.convert("L")) < 128
    return round(float(dark[mask].mean()), 3) if mask.any() else 0.0


def _clip(box: tuple[int, int, int, int], page: PageTruth) -> tuple[int, int, int, int]:
    """The visible part of a box: a seal pressed at the paper's edge is cut off there."""
    return (max(0, box[0]), max(0, box[1]), min(page.width, box[2]), min(page.height, box[3]))


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# -- one file ---------------------------------------------------------------------------------------------

def make_file(spec: FileSpec, path: Path, *, seed: int, index: int, noisy: bool, policy: Policy) -> Path:
    rng = random.Random(f"{seed}:{index}")
    dpi = spec.dpi or rng.choice((150, 150, 180, 200, 200))
    base = spec.look or (Look() if spec.photo else degrade.file_look(rng, noisy))
    single = len(spec.docs) == 1
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    documents: list[DocumentTruth] = []
    for d in spec.docs:
        if d.code is None:
            img, text = other.screenshot(rng) if d.other == "screenshot" else other.scene(rng)
            images.append(img)
            pages.append(PageTruth(index=len(images), width=img.width, height=img.height, dpi=72, text=text))
            documents.append(DocumentTruth(pages=[len(images)], doc_type=None))
            continue
        sheet, ctx = render_document(d, rng, dpi, policy)
        sigs, seals = ink(sheet, ctx, d, rng)
        first = len(images) + 1
        matrices = []
        for i, page in enumerate(sheet.pages):
            lk = degrade.page_look(rng, base, noisy, turn_p=0.15 if single else 0.04, photo=spec.photo)
            if spec.rotation is not None:
                lk.rotation = spec.rotation
            if spec.fmt == "png":  # PNG is lossless: sensor noise would make it tens of megabytes
                lk.noise = 0.0
            out, H = degrade.apply(page, lk, rng)
            matrices.append(H)
            if lk.bilevel:
                for sl in seals:
                    if sl.page == i:
                        sl.visible = _visible(sl, out, H, page.size)
            images.append(degrade.turn(out, lk.rotation))
            pages.append(PageTruth(index=len(images), width=out.width, height=out.height, dpi=dpi, rotation=lk.rotation,
                                   degradations=lk.names(), doc_type=d.code, continuation=i > 0,
                                   text=sheet.page_text(i)))
        colour = "black" if base.bilevel else "grey" if base.grey else "red"
        for sg in sigs:
            sg.box = _clip(degrade.map_box(matrices[sg.page], sg.box), pages[first - 1 + sg.page])
            sg.page += first
        for sl in seals:
            sl.box, sl.colour = _clip(degrade.map_box(matrices[sl.page], sl.box), pages[first - 1 + sl.page]), colour  # type: ignore[assignment]
            sl.page += first
        dossier = (DossierRef(kind="car", key=d.car.car.vin) if d.car else
                   DossierRef(kind="unit", key=d.unit.unit) if d.unit else None)
        documents.append(DocumentTruth(
            pages=list(range(first, len(images) + 1)), doc_type=d.code, title=ctx.title,
            script="hant" if d.hant else "hans", dossier=dossier, visit=d.visit.order_number if d.visit else None,
            job_type=d.visit.job_type if d.visit else None,
            fields=dict(sorted(ctx.fields.items())), signatures=sigs, seal=bool(seals), seals=seals,
            rotation=pages[first - 1].rotation))
    fmt = spec.fmt
    if len(images) > 1 and fmt in ("jpeg", "png"):
        fmt = "pdf"  # a multi-page document scanned alone still needs a multi-page format
        path = path.with_suffix(".pdf")
    save(images, path, fmt, dpi, quality=spec.quality or rng.randint(62, 80), when=_when(spec))
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=pages, documents=documents))
    return path


def _when(spec: FileSpec) -> datetime:
    """A fixed document date for file metadata (PDF CreationDate), so output never depends on the clock."""
    for d in spec.docs:
        day = (d.visit.date_out if d.visit else d.car.delivered if d.car else d.unit.moved_in if d.unit else None)
        if day:
            return datetime(day.year, day.month, day.day, 17, 30) + timedelta(days=1)
    return datetime(2025, 1, 1, 9, 0)


def save(images: list[Image.Image], path: Path, fmt: str, dpi: int, *, quality: int, when: datetime) -> None:
    """Write pages with fixed metadata: no timestamps but the given one, no software tags."""
    mode = "1" if all(im.mode == "1" for im in images) else "L" if all(im.mode in ("L", "1") for im in images) else "RGB"
    ims = [im if im.mode == mode else im.convert(mode) for im in images]
    first, rest = ims[0], ims[1:]
    lossy = {"quality": quality} if mode != "1" else {}  # bilevel pages go CCITT G4, which has no quality
    if fmt == "jpeg":
        first.convert("L" if mode != "RGB" else "RGB").save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "png":
        first.save(path, "PNG", dpi=(dpi, dpi))
    elif fmt == "pdf":
        first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi), **lossy,
                   title=path.stem, producer="dossier samples", creator="dossier samples",
                   creationDate=when.timetuple(), modDate=when.timetuple())
    elif fmt == "tiff":
        first.save(path, "TIFF", save_all=True, append_images=rest, dpi=(dpi, dpi),
                   compression="group4" if mode == "1" else "jpeg", **lossy)
    else:
        raise ValueError(fmt)


# -- the API -------------------------------------------------------------------------------------------------

EXT = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}


def _name(spec: FileSpec, i: int) -> str:
    if spec.stem:
        return spec.stem + EXT[spec.fmt]
    if spec.docs[0].code is None:
        return (f"Screenshot_{i:04d}" if spec.docs[0].other == "screenshot" else f"IMG_{i:04d}") + EXT[spec.fmt]
    return (f"IMG_{i:04d}" if spec.photo else f"scan_{i:04d}") + EXT[spec.fmt]


def write_files(specs: list[FileSpec], out_dir: Path, *, seed: int, noisy: bool) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    policy = base_policy()
    return [make_file(s, out_dir / _name(s, i + 1), seed=seed, index=i, noisy=noisy, policy=policy)
            for i, s in enumerate(specs)]


def generate(out_dir: Path, *, seed: int, count: int, noisy: bool = True) -> list[Path]:
    """Write `count` documents as scan files with `.truth.json` beside each; return the files written."""
    specs = plan(random.Random(seed), count, noisy, base_policy())
    return write_files(specs, Path(out_dir), seed=seed, noisy=noisy)


def clean(out_dir: Path) -> None:
    """Remove files an earlier run generated here (each is named by its truth file), nothing else."""
    for t in sorted(Path(out_dir).glob("*.truth.json")):
        name = t.name[: -len(".truth.json")]
        for f in t.parent.glob(name + ".*"):
            if f.suffix.lower() in (".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png") and truth_path(f) == t:
                f.unlink()
        t.unlink()


# -- the committed sets ---------------------------------------------------------------------------------------

def demo_set(rng: random.Random) -> list[FileSpec]:
    """samples/scans: the README demo. One car's complete new-car file and a visit, a second car's lone
    delivery sheet (incomplete), one unit, one stray screenshot."""
    policy = base_policy()
    car = make_car_file(rng, company=False)
    newc = [DocSpec(c, car=car) for c in policy.kinds["car"].checklists["new_car"].required if c != "vehicle_license"]
    visit = make_visit(rng, car, "maintenance", car.delivered)
    vdocs = [DocSpec(c, car=car, visit=visit) for c in policy.kinds["car"].checklists["maintenance"].required]
    unit = make_unit_file(rng)
    other_car = make_car_file(rng)  # its file has only just begun: an incomplete dossier
    scanner = Look()
    return [
        FileSpec("pdf", newc, dpi=150, look=scanner, stem="newcar_handover"),
        FileSpec("tiff", vdocs, dpi=150, look=Look(grey=True), stem="service_visit"),
        FileSpec("png", [DocSpec("application", unit=unit)], dpi=150, look=Look(grey=True), stem="unit_application"),
        FileSpec("jpeg", [DocSpec("move_in", unit=unit)], dpi=150, rotation=90, stem="unit_move_in_rotated"),
        FileSpec("jpeg", [DocSpec("vehicle_license", car=car)], dpi=150, photo=True, stem="licence_photo"),
        FileSpec("jpeg", [DocSpec("correspondence", unit=unit, hant=True)], dpi=150, stem="unit_letter_traditional"),
        FileSpec("jpeg", [DocSpec("delivery_checklist", car=other_car)], dpi=150, look=Look(grey=True),
                 stem="second_car_delivery_copy"),
        FileSpec("png", [DocSpec(None, other="screenshot")], stem="chat_screenshot"),
    ]


def test_set(rng: random.Random) -> list[FileSpec]:
    """tests/data: every document type at least once, mildly degraded, across a few dossiers."""
    policy = base_policy()
    car = policy.kinds["car"]
    a, b = make_car_file(rng, company=False), make_car_file(rng, company=True)
    warranty = make_visit(rng, a, "warranty_claim", a.delivered)
    minor = make_visit(rng, b, "minor_repair", b.delivered)
    first = make_visit(rng, b, "first_service", b.delivered)
    u1, u2 = make_unit_file(rng), make_unit_file(rng)
    optional = ["addon_sheet", "loss_assessment", "estimate"]
    minor_docs = car.checklists["minor_repair"].required[:3] + optional  # the 12-point sheet is missing
    return [
        FileSpec("pdf", [DocSpec(c, car=a) for c in car.checklists["new_car"].required], dpi=150, quality=40,
                 stem="car_a_newcar"),
        FileSpec("tiff", [DocSpec(c, car=a, visit=warranty) for c in car.checklists["warranty_claim"].required],
                 dpi=150, look=Look(bilevel=True), stem="car_a_warranty"),
        FileSpec("pdf", [DocSpec(c, car=b, visit=minor) for c in minor_docs], dpi=150, look=Look(bilevel=True),
                 stem="car_b_minor_repair"),
        FileSpec("jpeg", [DocSpec("first_service_card", car=b, visit=first)], dpi=150, photo=True, stem="car_b_first_service"),
        FileSpec("tiff", [DocSpec("sales_contract", car=b, hant=True), DocSpec("id_copy", car=b)], dpi=150,
                 look=Look(grey=True), quality=45, stem="car_b_contract_licence"),
        FileSpec("png", [DocSpec("other_proof", car=b)], dpi=150, look=Look(grey=True), stem="car_b_proof"),
        FileSpec("jpeg", [DocSpec("customer_card", car=b)], dpi=150, rotation=90, stem="car_b_card_rotated"),
        FileSpec("png", [DocSpec("move_in", unit=u1)], dpi=150, look=Look(grey=True), stem="unit_1_move_in"),
        FileSpec("jpeg", [DocSpec("renovation", unit=u1)], dpi=150, rotation=180, stem="unit_1_renovation"),
        FileSpec("pdf", [DocSpec("correspondence", unit=u1), DocSpec("application", unit=u1)], dpi=150,
                 stem="unit_1_letters"),
        FileSpec("jpeg", [DocSpec("application", unit=u2, hant=True)], dpi=150, stem="unit_2_application"),
        FileSpec("png", [DocSpec(None, other="screenshot")], stem="not_a_document"),
    ]


PRESETS = {"demo": (demo_set, 20240601), "tests": (test_set, 20240602)}


def build_preset(name: str, out_dir: Path) -> list[Path]:
    make, seed = PRESETS[name]
    return write_files(make(random.Random(seed)), Path(out_dir), seed=seed, noisy=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dossier.samples.generate",
                                 description="生成带标注的样例扫描件 / generate sample scans with ground truth")
    ap.add_argument("out", type=Path, help="output folder")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=20, help="number of documents")
    ap.add_argument("--mild", action="store_true", help="light degradation only")
    ap.add_argument("--clean", action="store_true", help="first remove files an earlier run generated in OUT")
    ap.add_argument("--preset", choices=sorted(PRESETS), help="write a committed set instead (seed and count fixed)")
    args = ap.parse_args(argv)
    if args.clean:
        clean(args.out)
    if args.preset:
        files = build_preset(args.preset, args.out)
    else:
        files = generate(args.out, seed=args.seed, count=args.count, noisy=not args.mild)
    for f in files:
        print(f)
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
