"""Plan the scan jobs, build the papers, sign and stamp them, put them through the scanner, save and write the
truth. `generate(seed, count, out)` writes about `count` documents; the same seed gives the same bytes."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from dossier.models import Box, DossierRef
from dossier.samples import degrade, handwriting, seals
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

from . import ids, scan
from .forms import Ctx, Doc, generic
from .hant import hant
from .paper import Page
from .papers import (
    chat_screenshot,
    conformity_certificate,
    e_invoice,
    first_service_card,
    id_copy,
    insurance_policy,
    loss_assessment,
    photo,
    purchase_invoice,
    thermal_settlement,
    unit_doc,
    vehicle_license,
)
from .sites import SITES, car, customer, day_list, person

NEWCAR = ("customer_card", "purchase_invoice", "sales_contract", "id_copy", "delivery_checklist", "vehicle_license",
          "insurance_policy", "value_added_services", "conformity_certificate", "delivery_photo", "pdi_checklist",
          "other_proof")
VISIT = {"minor_repair": ("reception_sheet", "work_order", "settlement", "free_inspection_12"),
         "first_service": ("reception_sheet", "work_order", "settlement", "first_service_card", "free_inspection_12"),
         "maintenance": ("reception_sheet", "work_order", "settlement", "free_inspection_12"),
         "major_repair": ("reception_sheet", "work_order", "settlement", "road_test", "estimate", "free_inspection_12"),
         "warranty_claim": ("reception_sheet", "work_order", "settlement", "parts_invoice", "road_test", "damage_photo",
                            "fault_report", "tool_readings", "free_inspection_12")}
MINOR_EXTRA = ("addon_sheet", "road_test", "loss_assessment", "tool_readings", "estimate")
UNIT = ("move_in", "renovation", "correspondence", "application")
SHARES = {"visit": 0.45, "unit": 0.27, "newcar": 0.23, "none": 0.05}
NOTES = ("请补签字", "客户未签", "已电话确认", "待补资料", "原件已还", "请核对车架号")


@dataclass
class Tally:
    fields: int = 0
    blank: int = 0


def _build(c: Ctx, code: str) -> Doc:
    r = c.rng.random()
    special = {"id_copy": id_copy, "purchase_invoice": purchase_invoice, "vehicle_license": vehicle_license,
               "insurance_policy": insurance_policy, "conformity_certificate": conformity_certificate,
               "first_service_card": first_service_card, "parts_invoice": e_invoice, "loss_assessment": loss_assessment}
    if code in special:
        return special[code](c)
    if code in ("delivery_photo", "damage_photo"):
        return photo(c, code.split("_")[0])
    if code == "settlement" and c.site.key == "xingsha" and r < 0.7:
        return thermal_settlement(c)
    if code in UNIT:
        return unit_doc(c, code)
    return generic(c, code)


def _plan(rng: random.Random, kind: str) -> tuple[Ctx, list[str]]:
    """One scan job's customer and the papers it holds, in the order they lie in the stack."""
    if kind == "unit":
        site = rng.choice([s for s in SITES if s.kind == "unit"])
        c = Ctx(rng, site, customer(rng), unit=ids.unit_number(rng, site.unit_style if rng.random() < 0.8 else "zuo"))
        codes = rng.sample(UNIT, rng.choice((1, 1, 2, 3)))
        c.hant = site.key == "tower" and rng.random() < 0.4
    elif kind == "none":
        site = rng.choice([s for s in SITES if s.kind == "car"])
        c = Ctx(rng, site, customer(rng), car(rng, site, False))
        codes = ["none"]
    else:
        site = rng.choice([s for s in SITES if s.kind == "car"])
        if kind == "newcar":
            c = Ctx(rng, site, customer(rng), car(rng, site, True))
            codes = rng.sample(NEWCAR, rng.randint(2, 6))
            if "vehicle_license" in codes and c.car and not c.car.plate:
                c.car.plate = ids.plate(rng, "湘", "A", rng.random() < site.new_energy)
            c.sales = person(rng)
        else:
            c = Ctx(rng, site, customer(rng), car(rng, site, False))
            c.job = rng.choice(("maintenance", "maintenance", "minor_repair", "minor_repair", "first_service", "major_repair",
                                "warranty_claim"))
            codes = list(VISIT[c.job])
            if c.job == "minor_repair":
                codes[3:3] = rng.sample(MINOR_EXTRA, rng.choice((0, 1, 1, 2)))
            if c.job == "first_service" and c.car:
                c.car.km = rng.randint(3000, 7500)
            if rng.random() < 0.12:
                codes.remove(rng.choice(codes[1:]))  # a paper missing from the stack
            if rng.random() < 0.25:
                rng.shuffle(codes)
    c.date = day_list(rng)
    c.advisor = person(rng)
    if c.job:
        c.visit = ids.order_number(rng, site.order_style, c.date.replace("-", ""))
    c.dpi = rng.choice((150, 150, 150, 200)) if rng.random() > 0.1 else 100
    return c, codes


# -- signing and stamping -------------------------------------------------------------------------------------

def _sign(rng: random.Random, p: Page, tally: Tally) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for s in p.slots:
        x0, y0, x1, y1 = s.box
        info: dict[str, object] = {"role": s.role, "label": s.label}
        tally.fields += 1
        blank = tally.blank < 0.3 * tally.fields and rng.random() < 0.6
        if blank:
            tally.blank += 1
            info["status"] = "blank"
            if rng.random() < 0.33:
                kind = rng.choice(("specks", "smudge", "stray_line"))
                handwriting.multiply(p.img, handwriting.blank_mark(rng, (x1 - x0, y1 - y0), kind), (40, 40, 60), (x0, y0))
                info["mark"] = kind
            out.append(info)
            continue
        h = int((y1 - y0) * rng.uniform(0.7, 0.95))
        r = rng.random()
        alpha: np.ndarray | None = None
        if r < 0.65:
            alpha, src = handwriting.chinese_signature(rng, None, h), "real"
        elif r < 0.75:
            alpha, src = handwriting.real_signature(rng, h), "real"
        if alpha is None:
            alpha, src = handwriting.synthetic_signature(rng, h), "synthetic"
        if alpha.shape[1] > x1 - x0:  # a long hand shrinks to the field
            f = (x1 - x0) / alpha.shape[1]
            import cv2
            alpha = cv2.resize(alpha, (max(1, x1 - x0), max(1, int(alpha.shape[0] * f))), interpolation=cv2.INTER_AREA)
        colour, ink = handwriting.pen_colour(rng)
        ax = x0 + rng.randint(0, max(0, (x1 - x0) - alpha.shape[1]))
        ay = y0 + max(0, (y1 - y0 - alpha.shape[0]) // 2 + rng.randint(-3, 3))
        handwriting.multiply(p.img, alpha, colour, (ax, ay))
        info.update(status="signed", source=src, ink=ink)
        out.append(info)
    return out


def _stamp(rng: random.Random, p: Page) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for sp in p.seals:
        alpha = seals.rotated(seals.seal_alpha(rng, sp.shape, sp.text, sp.middle, p.dpi, p.hant), rng.uniform(-25, 25))
        h, w = alpha.shape
        x, y = sp.centre[0] - w // 2 + rng.randint(-8, 8), sp.centre[1] - h // 2 + rng.randint(-8, 8)
        x = min(max(0, x), p.img.width - w)
        y = min(max(0, y), p.img.height - h)
        paper = np.asarray(p.img.convert("L"), dtype=np.float32)[y:y + h, x:x + w]
        opacity = rng.uniform(0.75, 1.0) if rng.random() > 0.1 else rng.uniform(0.4, 0.6)
        colour = rng.choice(seals.REDS)
        handwriting.multiply(p.img, alpha, colour, (x, y), opacity)
        ys, xs = np.nonzero(alpha > 0.15)
        box = (x + int(xs.min()), y + int(ys.min()), x + int(xs.max()) + 1, y + int(ys.max()) + 1)
        own = (alpha > 0.3) & (paper > 230)
        grey = 255 - alpha * opacity * (255 - (0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]))
        visible = float((grey[own] < 150).mean()) if own.any() else 0.0
        out.append({"box": box, "shape": sp.shape, "text": sp.text, "visible": visible})
    return out


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0, w) * max(0, h) / max(1, (a[2] - a[0]) * (a[3] - a[1]))


def _clip(box: Box, w: int, h: int) -> Box:
    x0, y0, x1, y1 = box
    x0, y0 = min(max(0, x0), w - 2), min(max(0, y0), h - 2)
    return (x0, y0, min(max(x0 + 1, x1), w), min(max(y0 + 1, y1), h))


# -- one scan job -----------------------------------------------------------------------------------------------

def _job(rng: random.Random, kind: str, tally: Tally, name: str, out: Path, seed: int) -> tuple[list[Path], int]:
    c, codes = _plan(rng, kind)
    docs = [chat_screenshot(c) if code == "none" else _build(c, code) for code in codes]
    # Stacks go through the feeder as one file; otherwise each paper (or pair) is its own file.
    if len(docs) > 1 and rng.random() < 0.55:
        groups = [docs]
    else:
        groups = []
        k = 0
        while k < len(docs):
            n = 2 if rng.random() < 0.3 and k + 1 < len(docs) else 1
            groups.append(docs[k:k + n])
            k += n
    files = []
    for g, group in enumerate(groups):
        stem = f"{name}{'abcdefghij'[g] if len(groups) > 1 else ''}"
        files.append(_scan(rng, c, group, tally, out, stem, seed))
    return files, len(docs)


def _scan(rng: random.Random, c: Ctx, docs: list[Doc], tally: Tally, out: Path, stem: str, seed: int) -> Path:
    looks = {d.look for d in docs}
    if looks & {"photo"} and len(docs) == 1:
        fmt = "jpeg"
    elif looks & {"screen", "thermal"} and len(docs) == 1:
        fmt = rng.choice(("png", "jpeg", "pdf"))
    elif len(docs) > 1 or sum(len(d.pages) for d in docs) > 1:
        fmt = rng.choice(("pdf", "pdf", "tiff"))
    else:
        fmt = rng.choice(("pdf", "tiff", "jpeg", "png"))
    noisy = rng.random() < 0.6
    base = degrade.file_look(rng, noisy)
    if "fax" in looks:
        base.bilevel, base.grey = True, False
    if any(c.site.key == "lugu" and d.doc_type and d.pages[0].slots for d in docs) and base.bilevel and "fax" not in looks:
        base.bilevel = False  # the pale cells would dirty a bilevel field
    images: list[Image.Image] = []
    pages_t: list[PageTruth] = []
    docs_t: list[DocumentTruth] = []
    for d in docs:
        first = len(pages_t) + 1
        sigs: list[SignatureTruth] = []
        seal_t: list[SealTruth] = []
        rot = 0
        for pi, p in enumerate(d.pages):
            # print defects first, then the pen, the seal and whatever a clerk sticks on
            if d.look == "thermal":
                scan.thermal_fade(p, rng)
            elif d.look not in ("photo", "screen") and rng.random() < 0.08:
                scan.toner_streaks(p, rng)
            if d.look == "fax":
                scan.fax_header(p, f"{c.date} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}  FROM:0731-"
                                   f"{rng.randint(8000000, 8999999)}  P.{pi + 1:02d}")
            if d.look == "fold":
                scan.crease(p, rng)
            signed = _sign(rng, p, tally)
            stamped = _stamp(rng, p)
            if d.look not in ("photo", "screen", "thermal") and rng.random() < 0.12:
                scan.staple(p, rng)
            if d.doc_type and d.look not in ("photo", "screen", "thermal") and rng.random() < 0.1:
                scan.sticky_note(p, rng, rng.choice(NOTES))
            img = p.img
            if d.look == "fax":
                img = scan.fax_rows(img)
            lk = degrade.page_look(rng, base, noisy, turn_p=0.5 if p.width_mm > p.height_mm else 0.06,
                                   photo=d.look == "photo" or (rng.random() < 0.06 and d.look != "thermal"))
            if d.look == "screen":
                lk.skew = 0.0
            dimg, H = degrade.apply(img.convert("RGB"), lk, rng)
            W, Hh = dimg.size
            page_no = len(pages_t) + 1
            for s, slot in zip(signed, p.slots, strict=True):
                box = _clip(degrade.map_box(H, slot.box), W, Hh)
                under = any(_overlap(slot.box, st["box"]) > 0.12 for st in stamped)  # type: ignore[arg-type]
                sigs.append(SignatureTruth(page=page_no, box=box, under_seal=under, **s))
            colour = "black" if lk.bilevel else "grey" if lk.grey else "red"
            for st in stamped:
                seal_t.append(SealTruth(page=page_no, box=_clip(degrade.map_box(H, st["box"]), W, Hh),  # type: ignore[arg-type]
                                        shape=st["shape"], text=st["text"], colour=colour,
                                        visible=float(st["visible"]) if lk.bilevel else 1.0))  # type: ignore[arg-type]
            names = lk.names() + p.notes
            if c.dpi <= 100:
                names.append("low resolution")
            if p.paper != (255, 255, 255) and d.look != "photo":
                names.append(f"paper {p.paper}")
            if pi == 0:
                rot = lk.rotation
            pages_t.append(PageTruth(index=page_no, width=W, height=Hh, dpi=p.dpi, rotation=lk.rotation, degradations=names,
                                     doc_type=d.doc_type, continuation=p.continuation, text=p.text_lines()))
            images.append(degrade.turn(dimg, lk.rotation))
        ref = None
        if d.doc_type:
            ref = (DossierRef(kind="unit", key=c.unit or "") if c.site.kind == "unit"
                   else DossierRef(kind="car", key=c.car.vin if c.car else ""))
        after = d.doc_type in AFTER
        title, fields = d.title, d.fields
        if c.hant:  # text fields, the title and the unit number exactly as the Traditional page prints them
            title = hant(title) if title else None
            fields = {k: hant(v) if k in TEXT_FIELDS else v for k, v in fields.items()}
            if ref:
                ref = DossierRef(kind=ref.kind, key=hant(ref.key))
        docs_t.append(DocumentTruth(pages=list(range(first, len(pages_t) + 1)), doc_type=d.doc_type, title=title,
                                    script="hant" if c.hant else "hans", dossier=ref,
                                    visit=c.visit if after else None, job_type=c.job if after else None,
                                    fields=fields, signatures=sigs, seal=bool(seal_t), seals=seal_t, rotation=rot))
    ext = {"pdf": "pdf", "tiff": "tif", "jpeg": "jpg", "png": "png"}[fmt]
    path = out / f"{stem}.{ext}"
    _save(images, path, fmt, c.dpi)
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=pages_t, documents=docs_t, family="l"))
    return path


TEXT_FIELDS = {"name", "company", "contact", "address", "unit"}
AFTER = {"reception_sheet", "work_order", "settlement", "free_inspection_12", "addon_sheet", "road_test", "loss_assessment",
         "tool_readings", "estimate", "first_service_card", "parts_invoice", "damage_photo", "fault_report"}
_WHEN = time.strptime("2026-12-01 09:00:00", "%Y-%m-%d %H:%M:%S")  # fixed: same seed, same bytes


def _save(images: list[Image.Image], path: Path, fmt: str, dpi: int) -> None:
    if fmt == "pdf":
        ims = [im.convert("RGB") if im.mode not in ("1", "L", "RGB") else im for im in images]
        ims[0].save(path, "PDF", save_all=True, append_images=ims[1:], resolution=float(dpi),
                    creationDate=_WHEN, modDate=_WHEN, producer="DocuScan", title=path.stem)
    elif fmt == "tiff":
        ims = images if all(im.mode == "1" for im in images) else [im.convert("RGB") for im in images]
        ims[0].save(path, "TIFF", save_all=True, append_images=ims[1:], dpi=(dpi, dpi),
                    compression="group4" if ims[0].mode == "1" else "tiff_lzw")
    elif fmt == "jpeg":
        images[0].convert("RGB").save(path, "JPEG", quality=86, dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


def generate(seed: int, count: int, out: Path) -> list[Path]:
    """Write about `count` documents into `out`; returns the files written (truth beside each)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    tally = Tally()
    made = {k: 0 for k in SHARES}
    files: list[Path] = []
    total = 0
    n = 0
    while total < count:
        kind = min(SHARES, key=lambda k: (made[k] / max(1, total)) - SHARES[k])
        n += 1
        got, k = _job(rng, kind, tally, f"l{seed % 100000:05d}_{n:03d}", out, seed)
        made[kind] += k
        total += k
        files += got
    return files



