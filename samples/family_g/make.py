"""Family g's generator: plan who comes in (workshop visits, handovers, units), print their papers, sign and
stamp them, put them through a scanner, copier or phone, and write each file with its truth."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import cv2
import numpy as np
from PIL import Image

from dossier.models import DossierRef
from dossier.samples import degrade, handwriting, seals
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

from . import aftersales, copies, forms, ids, photos, property
from .canvas import Sheet, hant
from .forms import Case, Doc
from .sites import SITES, Site

AFTER_SALES = set(aftersales.SPEC) | {"parts_invoice", "damage_photo"}
REQUIRED = {
    "minor_repair": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "first_service": ["reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"],
    "maintenance": ["reception_sheet", "work_order", "settlement", "free_inspection_12"],
    "major_repair": ["reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"],
    "warranty_claim": ["reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                       "fault_report", "tool_readings", "free_inspection_12"],
}
OPTIONAL = {"minor_repair": ["addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate"],
            "major_repair": ["addon_sheet", "tool_readings", "loss_assessment"], "maintenance": ["addon_sheet"],
            "first_service": [], "warranty_claim": []}
NEW_CAR = ["customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
           "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist"]
UNIT_CODES = ["move_in", "renovation", "correspondence", "application"]

Maker = Callable[[Case, random.Random], Doc]


def _maker(code: str) -> Maker:
    table: dict[str, Maker] = {
        "customer_card": forms.customer_card, "sales_contract": forms.sales_contract,
        "delivery_checklist": forms.delivery_checklist, "pdi_checklist": forms.pdi_checklist,
        "value_added_services": forms.value_added, "other_proof": forms.other_proof,
        "purchase_invoice": copies.purchase_invoice, "vehicle_license": copies.vehicle_license,
        "conformity_certificate": copies.conformity_certificate, "insurance_policy": copies.insurance_policy,
        "parts_invoice": copies.parts_invoice, "delivery_photo": photos.delivery_photo, "damage_photo": photos.damage_photo,
        "move_in": property.move_in, "renovation": property.renovation, "correspondence": property.correspondence,
        "application": property.application,
    }
    if code == "id_copy":
        return lambda case, rng: copies.business_licence(case, rng) if case.firm else copies.id_copy(case, rng)
    if code in aftersales.SPEC:
        return lambda case, rng: aftersales.visit_paper(case, code, rng)
    return table[code]


# -- who comes in -----------------------------------------------------------------------------------------------------

def _day(rng: random.Random) -> date:
    d = date(2024, 3, 1) + timedelta(days=rng.randrange(0, 640))
    while d.weekday() == 6 and rng.random() < 0.7:
        d += timedelta(days=1)
    return d


def _site(rng: random.Random, kind: str) -> Site:
    return rng.choice([s for s in SITES if s.kind == kind])


def _dpi(rng: random.Random) -> int:
    return rng.choices([200, 150, 300, 110], [0.55, 0.25, 0.08, 0.12])[0]


def car_case(rng: random.Random, new: bool) -> Case:
    site = _site(rng, "dealer")
    day = _day(rng)
    owner = ids.person(rng, site.city)
    firm = ids.company(rng, site.city) if rng.random() < 0.2 else None
    # mostly the site's own make; a workshop also sees other makes
    car = ids.car(rng, site.city, day.year if new else rng.randint(2016, day.year), new,
                  site.brand if new or rng.random() < 0.8 else None)
    case = Case(site, "car", day, owner, firm, car, dpi=_dpi(rng))
    if not new:
        case.job = rng.choices(list(REQUIRED), [0.25, 0.12, 0.35, 0.1, 0.18])[0]
        if case.job == "first_service":
            car.km = rng.randint(2000, 7500)
        case.visit = ids.work_order(rng, site.prefix + rng.choice(["", "W", "RO"]), day)
    return case


def unit_case(rng: random.Random) -> Case:
    site = _site(rng, "property")
    owner = ids.person(rng, site.city)
    firm = ids.company(rng, site.city) if rng.random() < 0.7 else None
    style = SITES.index(site) % 3
    return Case(site, "unit", _day(rng), owner, firm, unit=ids.unit_number(rng, style), dpi=_dpi(rng))


def visit_docs(case: Case, rng: random.Random, whole: bool) -> list[Doc]:
    assert case.job is not None
    codes = list(REQUIRED[case.job]) + [c for c in OPTIONAL[case.job] if rng.random() < 0.3]
    if not whole:
        codes = rng.sample(codes, min(len(codes), rng.randint(1, 3)))
    docs = [_maker(c)(case, rng) for c in codes]
    if rng.random() < 0.1:  # a snapshot from the advisor's phone (dashboard, workshop), filed with the visit
        docs.append(photos.snapshot(case, rng))
    return docs


def handover_docs(case: Case, rng: random.Random, whole: bool) -> list[Doc]:
    codes = [c for c in NEW_CAR if rng.random() < 0.8] + (["other_proof"] if rng.random() < 0.15 else [])
    if not whole:
        codes = rng.sample(codes, min(len(codes), rng.randint(1, 2)))
    rng.shuffle(codes) if rng.random() < 0.3 else None
    return [_maker(c)(case, rng) for c in codes or ["sales_contract"]]


def unit_docs(case: Case, rng: random.Random) -> list[Doc]:
    n = rng.choices([1, 2, 3], [0.45, 0.3, 0.25])[0]
    codes = rng.choices(UNIT_CODES, [0.25, 0.2, 0.2, 0.35], k=n)
    return [_maker(c)(case, rng) for c in codes]


# -- ink and seals ------------------------------------------------------------------------------------------------------

def _sign(sh: Sheet, page: int, rng: random.Random, day: date | None) -> list[SignatureTruth]:
    out = []
    for slot in sh.slots:
        x0, y0, x1, y1 = slot.box
        bw, bh = x1 - x0, y1 - y0
        blank = rng.random() < (0.3 if slot.role == "customer" else 0.25)
        if blank:
            mark = rng.choice(["specks", "smudge", "stray_line"]) if rng.random() < 0.35 else None
            if mark:
                alpha = handwriting.blank_mark(rng, (bw, bh), mark)
                handwriting.multiply(sh.img, alpha, rng.choice(handwriting.BLUE_INKS + handwriting.BLACK_INKS), (x0, y0))
            out.append(SignatureTruth(role=slot.role, label=slot.label, status="blank", page=page, box=slot.box,
                                      mark=mark))
            continue
        height = max(8, int(bh * rng.uniform(0.55, 0.9)))
        r = rng.random()
        src = "real"
        who = slot.who
        if r < 0.8:
            writer = (who - 100 if who and who > 100 else who) or rng.randint(1, 20)
            sig = handwriting.chinese_signature(rng, writer, height)
        elif r < 0.9:
            real = handwriting.real_signature(rng, height)
            sig = real if real is not None else handwriting.synthetic_signature(rng, height)
            src = "real" if real is not None else "synthetic"
        else:
            sig = handwriting.synthetic_signature(rng, height)
            src = "synthetic"
        if sig.shape[1] > bw - 4 or sig.shape[0] > bh - 2:
            f = min((bw - 4) / sig.shape[1], (bh - 2) / sig.shape[0])
            sig = cv2.resize(sig, (max(1, int(sig.shape[1] * f)), max(1, int(sig.shape[0] * f))),
                             interpolation=cv2.INTER_AREA).clip(0, 1)
        colour, ink = handwriting.pen_colour(rng)
        sx = x0 + rng.randint(1, max(1, bw - sig.shape[1] - 1))
        sy = y0 + rng.randint(0, max(0, bh - sig.shape[0] - 1))
        handwriting.multiply(sh.img, sig, colour, (sx, sy))
        if slot.dates and day is not None and rng.random() < 0.7:  # the signer dates it by hand
            for x, y, part in slot.dates:
                sh.hand(x, y - 0.8, {"y": str(day.year), "m": str(day.month), "d": str(day.day),
                                     "ymd": f"{day.year}.{day.month}.{day.day}"}[part], 10.5, rng)
        out.append(SignatureTruth(role=slot.role, label=slot.label, status="signed", page=page, box=slot.box,
                                  source=src, ink=ink))
    return out


def _stamp(sh: Sheet, page: int, rng: random.Random) -> list[tuple[SealTruth, np.ndarray]]:
    out = []
    W, H = sh.img.size
    for spot in sh.seals:
        text = hant(spot.text) if sh.trad else spot.text
        alpha = seals.seal_alpha(rng, spot.shape, text, hant(spot.middle) if sh.trad else spot.middle, sh.dpi, hant=sh.trad)
        if spot.angle:
            alpha = seals.rotated(alpha, spot.angle)
        opacity = rng.uniform(0.3, 0.55) if spot.faint else rng.uniform(0.8, 1.0)
        h, w = alpha.shape
        x, y = spot.centre[0] - w // 2, spot.centre[1] - h // 2
        x, y = min(max(0, x), W - w), min(max(0, y), H - h)
        grey = np.asarray(sh.img.convert("L").crop((x, y, x + w, y + h)), dtype=np.float32)
        own = np.zeros((H, W), np.uint8)
        own[y:y + h, x:x + w] = ((alpha * opacity > 0.25) & (grey > 200)).astype(np.uint8)
        handwriting.multiply(sh.img, alpha, rng.choice(seals.REDS), (x, y), opacity)
        ys, xs = np.nonzero(alpha > 0.08)
        box = (int(x + xs.min()), int(y + ys.min()), int(x + xs.max() + 1), int(y + ys.max() + 1))
        out.append((SealTruth(page=page, box=box, shape=spot.shape, text=text, colour="red"), own))
    return out


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# -- my own wear before the scanner ----------------------------------------------------------------------------------

def _wear(img: Image.Image, rng: random.Random, names: list[str]) -> None:
    W, H = img.size
    from PIL import ImageDraw
    d = ImageDraw.Draw(img)
    if rng.random() < 0.15:  # two binder punch holes down the left margin: the copy shows them black
        r = int(W * 0.018)
        for fy in (0.38, 0.62):
            cx, cy = int(W * 0.035), int(H * fy)
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(30, 30, 30))
        names.append("punch holes")
    if rng.random() < 0.12:  # a staple in the top-left corner
        x, y = int(W * rng.uniform(0.02, 0.05)), int(H * rng.uniform(0.015, 0.03))
        d.line((x, y, x + int(W * 0.03), y + int(W * 0.012)), fill=(90, 90, 95), width=max(2, W // 500))
        names.append("staple")
    if rng.random() < 0.12:  # a fold across the middle: a soft grey band
        arr = np.asarray(img, dtype=np.float32)
        yy = np.arange(H, dtype=np.float32)[:, None, None]
        mid = H * rng.uniform(0.45, 0.55)
        arr *= 1 - 0.12 * np.exp(-(((yy - mid) / (H * 0.006)) ** 2))
        img.paste(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)))
        names.append("fold")


def _phone_shadow(img: Image.Image, rng: random.Random) -> Image.Image:
    """The shadow of the hand holding the phone, across one corner."""
    arr = np.asarray(img, dtype=np.float32)
    H, W = arr.shape[:2]
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    cx, cy = rng.choice([(0, H), (W, H), (W, 0)])
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(W, H)
    shade = 1 - 0.35 * np.clip(1 - dist / rng.uniform(0.35, 0.6), 0, 1)
    arr = arr * (shade[:, :, None] if arr.ndim == 3 else shade)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


# -- one file -----------------------------------------------------------------------------------------------------------

def write_file(path: Path, docs: list[Doc], rng: random.Random, seed: int) -> tuple[Path, FileTruth]:
    noisy = rng.random() < 0.45
    photo_file = all(d.photo for d in docs)
    phoned = not photo_file and len(docs) == 1 and len(docs[0].sheets) == 1 and rng.random() < 0.12
    base = degrade.file_look(rng, noisy)
    pages: list[PageTruth] = []
    dtruths: list[DocumentTruth] = []
    images: list[Image.Image] = []
    for doc in docs:
        first = len(pages) + 1
        sigs: list[SignatureTruth] = []
        stamps: list[SealTruth] = []
        rot0 = None
        for sh in doc.sheets:
            n = len(pages) + 1
            page_sigs = _sign(sh, n, rng, doc.day)
            page_seals = _stamp(sh, n, rng)
            for st, _ in page_seals:
                for s in page_sigs:
                    if _overlaps(s.box, st.box):
                        s.under_seal = True
            names: list[str] = []
            if not doc.photo:
                _wear(sh.img, rng, names)
            lk = degrade.page_look(rng, base, noisy, turn_p=0.12, photo=doc.photo or phoned)
            if doc.fax:
                lk.bilevel, lk.grey, lk.jpeg, lk.photo = True, False, None, False
                names.append("fax")
            if doc.photo:
                lk.photo = False  # already a photo: no desk around it
                lk.rotation = rng.choice([0, 0, 0, 90])
            img, Hm = degrade.apply(sh.img, lk, rng)
            if phoned:
                img = _phone_shadow(img, rng)
                names.append("phone shadow")
            if rng.random() < 0.08 and not doc.photo and not lk.bilevel:
                names.append("low resolution")
                small = img.resize((img.width // 2, img.height // 2), Image.Resampling.BILINEAR)
                img = small.resize(img.size, Image.Resampling.BILINEAR)
            W, H = img.size
            colour: Literal["red", "grey", "black"] = "black" if lk.bilevel else ("grey" if lk.grey else "red")
            grey_out = np.asarray(img.convert("L"))
            for s in page_sigs:
                s.box = _clip(degrade.map_box(Hm, s.box), W, H)
            for st, own in page_seals:
                st.box = _clip(degrade.map_box(Hm, st.box), W, H)
                st.colour = colour
                if lk.bilevel:
                    warped = cv2.warpPerspective(own, Hm, (W, H), flags=cv2.INTER_NEAREST) > 0
                    st.visible = round(float((grey_out[warped] < 128).mean()) if warped.any() else 0.0, 3)
            sigs += page_sigs
            stamps += [st for st, _ in page_seals]
            if rot0 is None:
                rot0 = lk.rotation
            pages.append(PageTruth(index=n, width=W, height=H, dpi=sh.dpi, rotation=lk.rotation,
                                   degradations=names + lk.names() + (["photo"] if doc.photo and "photo" not in lk.names() else []),
                                   doc_type=doc.code, continuation=sh.continuation, text=sh.lines()))
            images.append(degrade.turn(img, lk.rotation))
        dtruths.append(DocumentTruth(pages=list(range(first, len(pages) + 1)), doc_type=doc.code, title=doc.title,
                                     script="hant" if doc.trad else "hans", dossier=doc.dossier,
                                     visit=doc.visit, job_type=doc.job, fields=doc.fields, signatures=sigs,
                                     seal=bool(stamps), seals=stamps, rotation=rot0 or 0))
    fmt = _format(rng, len(images), photo_file)
    path = path.with_suffix({"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}[fmt])
    _save(path, images, fmt, [p.dpi for p in pages])
    truth = FileTruth(file=path.name, format=fmt, seed=seed, pages=pages, documents=dtruths, family="g")
    return path, truth


def _clip(b: tuple[int, int, int, int], W: int, H: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = max(0, b[0]), max(0, b[1]), min(W, b[2]), min(H, b[3])
    return (x0, y0, max(x0 + 1, x1), max(y0 + 1, y1))


def _format(rng: random.Random, n: int, photo: bool) -> str:
    if photo:
        return "jpeg" if rng.random() < 0.85 else "png"
    if n > 1:
        return "pdf" if rng.random() < 0.6 else "tiff"
    return rng.choices(["pdf", "jpeg", "png", "tiff"], [0.35, 0.25, 0.2, 0.2])[0]


def _save(path: Path, images: list[Image.Image], fmt: str, dpis: list[int]) -> None:
    if fmt == "pdf":
        ims = [im if im.mode in ("1", "L", "RGB") else im.convert("RGB") for im in images]
        ims[0].save(path, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpis[0]),
                    creationDate=None, modDate=None, title=None)
    elif fmt == "tiff":
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate",
                       dpi=(dpis[0], dpis[0]))
    elif fmt == "jpeg":
        im = images[0].convert("L") if images[0].mode == "1" else images[0]
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=85, dpi=(dpis[0], dpis[0]))
        path.write_bytes(buf.getvalue())
    else:
        images[0].save(path, "PNG", dpi=(dpis[0], dpis[0]))


# -- the run ------------------------------------------------------------------------------------------------------------

def _tag(docs: list[Doc], case: Case) -> None:
    for d in docs:
        if d.code is None:
            continue
        key = case.car.vin if case.kind == "car" and case.car else (case.unit or "")
        d.dossier = DossierRef(kind=case.kind, key=key)
        d.visit = case.visit if d.code in AFTER_SALES else None
        d.job = case.job if d.code in AFTER_SALES else None


def generate(seed: int, count: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"family-g/{seed}")
    written: list[Path] = []
    docs_made = 0
    k = 0
    while docs_made < count:
        k += 1
        r = rng.random()
        batches: list[list[Doc]] = []
        if r < 0.42:
            case = car_case(rng, new=False)
            docs = visit_docs(case, rng, whole=rng.random() < 0.3)
            _tag(docs, case)
            tag = "visit"
        elif r < 0.78:
            case = unit_case(rng)
            docs = unit_docs(case, rng)
            _tag(docs, case)
            tag = "unit"
        elif r < 0.9:
            case = car_case(rng, new=True)
            docs = handover_docs(case, rng, whole=rng.random() < 0.2)
            _tag(docs, case)
            tag = "newcar"
        elif r < 0.95:
            docs = []
            for _ in range(2):
                c2 = car_case(rng, new=False) if rng.random() < 0.6 else unit_case(rng)
                part = visit_docs(c2, rng, whole=False) if c2.kind == "car" else unit_docs(c2, rng)
                _tag(part, c2)
                docs += part
            tag = "mixed"
        else:
            case = car_case(rng, new=False)
            docs = [photos.snapshot(case, rng)]
            tag = "photo"
        photo_docs = [d for d in docs if d.photo]
        paper = [d for d in docs if not d.photo]
        if paper and len(paper) > 1 and rng.random() < 0.65:
            batches.append(paper)  # one scanned stack
        else:
            batches += [[d] for d in paper]
        batches += [[d] for d in photo_docs]
        for b, batch in enumerate(batches):
            stem = f"g{seed:03d}_{k:03d}{chr(97 + b) if len(batches) > 1 else ''}_{tag}"
            path, truth = write_file(out / stem, batch, rng, seed)
            write_truth(path, truth)
            written.append(path)
            docs_made += len(batch)
    return written
