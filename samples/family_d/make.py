"""Family d: scan batches of forms worded and laid out for this family only, with their ground truth.

`generate(seed, count, out)` writes about `count` documents into PDF, TIFF, JPEG and PNG files, each
with `STEM.truth.json`; the same seed gives the same bytes.
"""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import numpy as np
from PIL import Image

from dossier.samples import degrade
from dossier.samples.truth import DocumentTruth, FileTruth, PageTruth, SealTruth, SignatureTruth, write_truth

from . import plan, press, sites
from .doc import Doc

KINDS = (("visit", 38), ("new_car", 20), ("unit", 37), ("stray", 5))  # batches; a visit or a handover holds several documents


def _clip(box: tuple[int, int, int, int], w: int, h: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    x0, y0 = min(max(0, x0), w - 1), min(max(0, y0), h - 1)
    return (x0, y0, min(max(x0 + 1, x1), w), min(max(y0 + 1, y1), h))


def _visible(seal: SealTruth, H: np.ndarray, out: Image.Image) -> float:
    """Share of the seal's own ink still dark after a black-and-white scan."""
    x, y, own = seal._own
    ys, xs = np.nonzero(own)
    if not len(xs):
        return 1.0
    pts = np.stack([xs + x, ys + y, np.ones_like(xs)], axis=1).astype(float) @ H.T
    px = np.clip((pts[:, 0] / pts[:, 2]).astype(int), 0, out.width - 1)
    py = np.clip((pts[:, 1] / pts[:, 2]).astype(int), 0, out.height - 1)
    grey = np.asarray(out.convert("L"))
    return round(float((grey[py, px] < 128).mean()), 3)


def _pages_of(d: Doc) -> list[tuple[Image.Image, list[str], int]]:
    """(clean page, its text lines, dpi) for each page of the document."""
    if d.photos:
        return [(img, list(d.photo_text), 150) for img in d.photos]
    return [(sh.img, sh.lines(), sh.dpi) for sh in d.pages]


def _write(path: Path, fmt: str, images: list[Image.Image], dpi: int, rng: random.Random, scanned: date) -> None:
    if fmt == "pdf":
        imgs = [im if im.mode in ("RGB", "L", "1") else im.convert("RGB") for im in images]
        # The scan's own date, not the clock: the same seed must give the same bytes.
        stamp = time.strptime(f"{scanned:%Y%m%d}093000", "%Y%m%d%H%M%S")
        imgs[0].save(path, "PDF", save_all=True, append_images=imgs[1:], resolution=float(dpi), creationDate=stamp,
                     modDate=stamp)
    elif fmt == "tiff":
        images[0].save(path, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(dpi, dpi))
    elif fmt == "jpeg":
        im = images[0].convert("L") if images[0].mode == "1" else images[0]
        im.save(path, "JPEG", quality=rng.randint(72, 92), dpi=(dpi, dpi))
    else:
        images[0].save(path, "PNG", dpi=(dpi, dpi))


def write_batch(docs: list[Doc], path_stem: Path, seed: int, rng: random.Random) -> Path:
    """Finish, degrade and store one batch as one file beside its truth."""
    n_pages = sum(len(d.photos) or len(d.pages) for d in docs)
    if n_pages == 1:
        fmt = rng.choices(("pdf", "jpeg", "png", "tiff"), (30, 38, 17, 15))[0]
    else:
        fmt = rng.choices(("pdf", "tiff"), (62, 38))[0]
    phone = fmt == "jpeg" and docs[0].photos == [] and rng.random() < 0.45
    noisy = rng.random() < 0.6
    base = degrade.file_look(rng, noisy)
    blank_p = rng.uniform(0.15, 0.45)
    images: list[Image.Image] = []
    pages: list[PageTruth] = []
    documents: list[DocumentTruth] = []
    dpi = 150
    for d in docs:
        sigs, stamps = press.finish(d, rng, blank_p) if d.pages else ([], [])
        first = len(pages)
        rotations = []
        for k, (clean, lines, dpi) in enumerate(_pages_of(d)):
            if d.photos:  # a picture is a picture: no scanner mode, a little compression
                lk = degrade.Look(jpeg=rng.randint(60, 85) if rng.random() < 0.5 else None)
            else:
                lk = degrade.page_look(rng, base, noisy, turn_p=0.12 if not phone else 0.2, photo=phone)
            out, H = degrade.apply(clean, lk, rng)
            w, h = out.size
            for s in sigs:
                if s.page == k:
                    s.box = _clip(degrade.map_box(H, s.box), w, h)
            for st in stamps:
                if st.page == k:
                    st.box = _clip(degrade.map_box(H, st.box), w, h)
                    st.colour = "black" if lk.bilevel else "grey" if lk.grey else "red"
                    st.visible = _visible(st, H, out) if lk.bilevel else 1.0
            rotations.append(lk.rotation)
            images.append(degrade.turn(out, lk.rotation))
            pages.append(PageTruth(index=len(pages) + 1, width=w, height=h, dpi=dpi, rotation=lk.rotation,
                                   degradations=lk.names(), doc_type=d.code, continuation=k > 0, text="\n".join(lines)))
        for s in sigs:
            s.page += first + 1
        for st in stamps:
            st.page += first + 1
        documents.append(DocumentTruth(
            pages=list(range(first + 1, len(pages) + 1)), doc_type=d.code, title=d.title,
            script="hant" if d.hant else "hans", dossier=d.dossier, visit=d.visit,
            job_type=d.job, fields=dict(d.fields), signatures=[SignatureTruth.model_validate(s.model_dump()) for s in sigs],
            seal=bool(stamps), seals=[SealTruth.model_validate(s.model_dump()) for s in stamps], rotation=rotations[0]))
    ext = {"pdf": ".pdf", "tiff": ".tif", "jpeg": ".jpg", "png": ".png"}[fmt]
    path = path_stem.with_suffix(ext)
    _write(path, fmt, images, dpi, rng, max(d.when for d in docs))
    write_truth(path, FileTruth(file=path.name, format=fmt, seed=seed, pages=pages, documents=documents,
                                family="d"))
    return path


def generate(seed: int, count: int, out: Path) -> list[Path]:
    rng = random.Random(f"family-d:{seed}")
    out.mkdir(parents=True, exist_ok=True)
    dealers = [sites.dealer(rng) for _ in range(rng.randint(4, 6))]
    offices = [sites.property_office(rng) for _ in range(rng.randint(2, 3))]
    files: list[Path] = []
    made = 0
    while made < count:
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        trad = rng.random() < 0.12
        if kind == "visit":
            docs = plan.visit(rng, rng.choice(dealers), trad)
        elif kind == "new_car":
            docs = plan.new_car(rng, rng.choice(dealers), trad)
        elif kind == "unit":
            docs = plan.unit_batch(rng, rng.choice(offices), trad)
        else:
            docs = plan.stray(rng, rng.choice(dealers))
        docs = docs[: max(1, count - made)]
        chunks = [docs]
        if len(docs) > 1 and rng.random() < 0.35:  # scanned one or two documents at a time
            chunks = []
            while docs:
                k = rng.randint(1, 2)
                chunks.append(docs[:k])
                docs = docs[k:]
        for chunk in chunks:
            files.append(write_batch(chunk, out / f"d{seed}_{len(files):03d}", seed, rng))
            made += len(chunk)
    return files
