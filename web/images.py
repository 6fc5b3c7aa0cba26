"""Page images, thumbnails, signature-field crops and seal crops, and the page viewer.

Only the archive's own files are served, found from a document's id: its pages are the upright page images
the page job kept under DOSSIER_HOME/pages/SHA[:2]/SHA/ (else rendered again from the archived original,
DOSSIER_HOME/originals/, named by its SHA-256). Nothing in a request is ever part of a path; a made-up id, a
page the document does not have, or a file the archive does not hold is a 404.

Signature fields are marked from the boxes stored with each judged field. Seals are stored as their crops
only, without boxes: each crop is a copy of the upright page's pixels, so it is found again on its page
(template matching) to be marked there, and shown beside the page as well.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal

import numpy as np
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from PIL import Image, ImageDraw
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from dossier.archive import crop_page, original_path, page_dir
from dossier.config import Settings
from dossier.messages import text
from dossier.models import PageText, SignatureField, StoredDocument
from dossier.web.auth import AnyUser, PageUser
from dossier.web.pages import render

api = APIRouter(prefix="/api/v1/documents")
pages = APIRouter(include_in_schema=False)
Size = Literal["full", "thumb"]
THUMB = 240  # pixels, the longer side
CROP_MARGIN = 8  # pixels around a signature field, so the reviewer sees its edges
ZOOMS = (50, 75, 100, 150, 200)  # percent of the viewer's column
# A signature field's frame on the page, by verdict: red is what a clerk must chase.
MARK = {"blank": (211, 47, 47), "signed": (46, 125, 50), "uncertain": (239, 108, 0)}
SEAL_MARK = (21, 101, 192)
SEAL_MATCH = 0.9  # normalised correlation of a kept crop with the page where it was cut (JPEG aside: ~1)
PNG = "image/png"
# Page images never change (content-addressed): a browser may keep them for the session's length.
CACHE = {"cache-control": "private, max-age=3600"}


class PageRef(BaseModel):
    """One page of a stored document, as the archive holds it."""

    document: int
    number: int  # 1-based within the document
    source_page: int  # 1-based within the source file
    folder: Path  # the source's page folder in the archive
    image: Path | None  # the kept upright page image, when there is one
    original: Path | None  # the archived original, to render the page again from
    signatures: list[SignatureField]
    seal_crops: list[Path]
    seal_boxes: list[tuple[int, int, int, int]]  # as filed (0009); empty: found again by their crops' pixels


def _not_found() -> HTTPException:
    return HTTPException(404, text("web.no_page"))


def _inside(home: Path, rel: str | None, folder: Path) -> Path | None:
    """A path the record holds (relative to DOSSIER_HOME), only if it is a file inside `folder`."""
    if not rel:
        return None
    p = (home / rel).resolve()
    return p if p.is_relative_to(folder.resolve()) and p.is_file() else None


def page_ref(request: Request, doc_id: int, n: int) -> tuple[StoredDocument, PageRef]:
    """The document and its page `n`, or 404. Runs on the event loop, where the store lives (web/auth.py)."""
    st = request.app.state
    doc: StoredDocument | None = st.store.document(doc_id)
    if doc is None or not doc.sha256 or not 1 <= n <= len(doc.pages):
        raise _not_found()
    home: Path = st.settings.home
    folder = page_dir(home, doc.sha256)
    src = doc.pages[n - 1]
    image = folder / f"p{src:04d}.jpg"
    row = st.store.source(doc.sha256)
    original = original_path(home, doc.sha256, row["fmt"]) if row is not None and row["fmt"] else None
    on_page = [rel for rel in doc.seal_crops if crop_page(rel) == src]
    crops = [c for c in (_inside(home, rel, folder) for rel in on_page) if c]
    boxes = [doc.seal_boxes[rel] for rel in on_page if rel in doc.seal_boxes]
    return doc, PageRef(
        document=doc_id, number=n, source_page=src, folder=folder,
        image=image if image.is_file() else None,
        original=original if original is not None and original.is_file() else None,
        signatures=[s for s in doc.signatures if s.page == src], seal_crops=crops,
        seal_boxes=boxes if len(boxes) == len(on_page) else [],
    )


def _page_image(ref: PageRef, settings: Settings) -> Image.Image:
    if ref.image is not None:
        with Image.open(ref.image) as im:
            return im.convert("RGB")
    if ref.original is None:
        raise _not_found()
    from dossier.errors import DossierError
    from dossier.ingest.pages import open_source

    try:
        pixels = open_source(ref.original, settings.max_pixels).load(ref.source_page, settings.dpi).image
    except DossierError:
        raise _not_found() from None
    turned = page_text(ref)
    if turned and turned.rotation % 90 == 0:  # as the page job turned it, so that the boxes fit
        pixels = np.rot90(pixels, -(turned.rotation // 90) % 4)
    return Image.fromarray(np.ascontiguousarray(pixels))


def page_text(ref: PageRef) -> PageText | None:
    """What was read on the page (kept beside its image), or None."""
    path = ref.folder / f"p{ref.source_page:04d}.json"
    return PageText.model_validate_json(path.read_bytes()) if path.is_file() else None


def _png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=False)
    return buf.getvalue()


def seal_boxes(page: Image.Image, crops: list[Path]) -> list[tuple[int, int, int, int]]:
    """Where on the page each kept seal crop was cut: the best match of its pixels, if it matches at all."""
    import cv2

    grey = np.asarray(page.convert("L"))
    boxes = []
    for path in crops:
        with Image.open(path) as c:
            crop = np.asarray(c.convert("L"))
        h, w = crop.shape
        if not (0 < h <= grey.shape[0] and 0 < w <= grey.shape[1]):
            continue
        scores = cv2.matchTemplate(grey, crop, cv2.TM_CCOEFF_NORMED)
        _, best, _, (x, y) = cv2.minMaxLoc(scores)
        if best >= SEAL_MATCH:
            boxes.append((int(x), int(y), int(x) + w, int(y) + h))
    return boxes


def page_png(ref: PageRef, settings: Settings, size: Size, marks: bool) -> bytes:
    im = _page_image(ref, settings)
    if marks and ref.image is not None:  # the boxes are the kept upright image's pixels
        seals = ref.seal_boxes or seal_boxes(im, ref.seal_crops)
        draw = ImageDraw.Draw(im)
        width = max(3, im.width // 300)
        for s in ref.signatures:
            if s.box:
                draw.rectangle(s.box, outline=MARK.get(s.status, MARK["uncertain"]), width=width)
        for box in seals:
            draw.ellipse(box, outline=SEAL_MARK, width=width)
    if size == "thumb":
        im.thumbnail((THUMB, THUMB))
    return _png(im)


def crop_png(ref: PageRef, settings: Settings, box: tuple[int, int, int, int]) -> bytes:
    im = _page_image(ref, settings)
    x0, y0, x1, y1 = box
    m = CROP_MARGIN
    return _png(im.crop((max(0, x0 - m), max(0, y0 - m), min(im.width, x1 + m), min(im.height, y1 + m))))


def _image(body: bytes) -> Response:
    return Response(body, media_type=PNG, headers=CACHE)


# --- API ----------------------------------------------------------------------------------------------------
@api.get("/{doc_id}/pages/{n}", response_class=Response, responses={200: {"content": {PNG: {}}}})
async def page_image(request: Request, user: AnyUser, doc_id: int, n: int = PathParam(ge=1),
                     size: Size = "full", marks: bool = False) -> Response:
    """Page `n` (1-based, of the document) as PNG; `size=thumb` a thumbnail; `marks` frames its signature fields."""
    _, ref = page_ref(request, doc_id, n)
    return _image(await run_in_threadpool(page_png, ref, request.app.state.settings, size, marks))


@api.get("/{doc_id}/signatures/{k}", response_class=Response, responses={200: {"content": {PNG: {}}}})
async def signature_crop(request: Request, user: AnyUser, doc_id: int, k: int = PathParam(ge=1)) -> Response:
    """The document's `k`-th signature field (1-based, as listed in the document) as judged, cut from its page."""
    doc = request.app.state.store.document(doc_id)
    if doc is None or k > len(doc.signatures):
        raise _not_found()
    field = doc.signatures[k - 1]
    if field.page is None or field.box is None or field.page not in doc.pages:
        raise _not_found()
    _, ref = page_ref(request, doc_id, doc.pages.index(field.page) + 1)
    return _image(await run_in_threadpool(crop_png, ref, request.app.state.settings, field.box))


@api.get("/{doc_id}/seals/{k}", response_class=Response, responses={200: {"content": {PNG: {}}}})
async def seal_crop(request: Request, user: AnyUser, doc_id: int, k: int = PathParam(ge=1)) -> Response:
    """The document's `k`-th seal found (1-based), as the crop kept when it was found."""
    doc = request.app.state.store.document(doc_id)
    if doc is None or not doc.sha256 or k > len(doc.seal_crops):
        raise _not_found()
    home = request.app.state.settings.home
    path = _inside(home, doc.seal_crops[k - 1], page_dir(home, doc.sha256))
    if path is None:
        raise _not_found()

    def convert() -> bytes:
        with Image.open(path) as im:
            return _png(im.convert("RGB"))

    return _image(await run_in_threadpool(convert))


# --- the page viewer ----------------------------------------------------------------------------------------
@pages.get("/documents/{doc_id}/pages/{n}")
async def viewer(request: Request, user: PageUser, doc_id: int, n: int = PathParam(ge=1),
                 zoom: int = Query(100), marks: bool = True) -> Response:
    try:
        doc, ref = page_ref(request, doc_id, n)
    except HTTPException:
        return render(request, "error.html", status=404, user=user, message="no_page", detail=f"#{doc_id} p{n}")
    read = page_text(ref)
    ctx: dict[str, Any] = {
        "doc": doc, "ref": ref, "count": len(doc.pages), "zoom": zoom if zoom in ZOOMS else 100, "zooms": ZOOMS,
        "marks": marks, "lines": read.text.splitlines() if read else None,
        "seals": [i for i, c in enumerate(doc.seal_crops, 1) if crop_page(c) == ref.source_page],
        "fields": [(i, s) for i, s in enumerate(doc.signatures, 1) if s.page == ref.source_page and s.box],
    }
    return render(request, "page.html", user=user, **ctx)
