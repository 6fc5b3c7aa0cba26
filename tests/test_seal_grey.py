"""Seals on grey photocopies: found where the sample generator pressed them, and nothing claimed on
copied pages that hold round or boxy marks but no seal.

Pages are the generator's own (samples.generate renders the form and presses its seals; samples.degrade
copies it grey or black-and-white), so the seals are the sizes, inks and placements the evaluation sees:
an invoice's 40 x 30 mm oval pressed over the table's ruled cells and text, a contract's 40 mm round one
over the signature lines.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier.classify.seal import SealHit, find_seals
from dossier.policy import default_policy
from dossier.samples import degrade
from dossier.samples.content import make_car_file
from dossier.samples.degrade import Look
from dossier.samples.generate import DocSpec, ink, render_document
from tests.test_seal_signature import font, photocopy, text_page

GREY_COPY = Look(grey=True, noise=6.0, jpeg=40, skew=1.0)


Box = tuple[int, int, int, int]


def copied_pages(seed: int, code: str, look: Look) -> list[tuple[np.ndarray, list[Box]]]:
    """Each page of a generated document copied with `look`, and the boxes of the round and oval
    seals on it (a square name seal alone is not looked for on a copy: 18 mm, as small as a logo)."""
    rng = random.Random(seed)
    doc = DocSpec(code, car=make_car_file(rng))
    sheet, ctx = render_document(doc, rng, 200, default_policy())
    _signatures, seals = ink(sheet, ctx, doc, rng)
    out = []
    for i, page in enumerate(sheet.pages):
        img, matrix = degrade.apply(page, look, rng)
        boxes = [degrade.map_box(matrix, s.box) for s in seals if s.page == i and s.shape != "square"]
        out.append((np.asarray(img.convert("RGB")), boxes))
    return out


def overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def invoice_seals_missed(look: Look) -> tuple[int, list[tuple[int, list[SealHit]]]]:
    """Generated purchase invoices (seeds 0-9) made up as `look`: how many carry a seal, and those
    whose seal was not found as the page's one seal."""
    missed, sealed = [], 0
    for seed in range(10):
        ((image, boxes),) = copied_pages(seed, "purchase_invoice", look)
        if not boxes:  # the generator leaves a few unsealed
            continue
        sealed += 1
        hits = find_seals(image)
        if len(hits) != 1 or not any(overlaps(hits[0].box, b) for b in boxes):
            missed.append((seed, hits))
    return sealed, missed


def test_grey_copies_of_generated_invoices_are_sealed() -> None:
    """The invoice seal pressed over the table: its ring merges with the rulings and the text, so no
    arc of it stands clear (before the ring filter, 5 of these 9 were missed)."""
    sealed, missed = invoice_seals_missed(GREY_COPY)
    assert sealed >= 8
    assert missed == []


def test_grey_copies_of_generated_contracts_sealed_where_pressed() -> None:
    """A contract's last page bears the company seal (most of the time), its first none."""
    wrong, sealed = [], 0
    for seed in range(5):
        for index, (image, boxes) in enumerate(copied_pages(seed, "sales_contract", GREY_COPY)):
            hits = find_seals(image)
            sealed += bool(boxes)
            if bool(hits) != bool(boxes) or any(not any(overlaps(h.box, b) for b in boxes) for h in hits):
                wrong.append((seed, index, boxes, hits))
    assert sealed >= 3
    assert wrong == []


@pytest.mark.parametrize("look", [GREY_COPY, Look(bilevel=True, blur=0.8)], ids=["grey", "bw"])
@pytest.mark.parametrize("code", ["delivery_photo", "id_copy", "pdi_checklist"])
def test_copied_pages_without_seal_have_none(code: str, look: Look) -> None:
    """A car photo's wheels, an ID copy's portrait, a checklist's grid of boxes: no seal."""
    claimed = []
    for seed in range(3):
        for index, (image, boxes) in enumerate(copied_pages(seed, code, look)):
            if not boxes and find_seals(image):
                claimed.append((seed, index))
    assert claimed == []


def round_marks_page(seed: int) -> Image.Image:
    """A4: a few lines of text, then an empty seal-sized circle, a solid portrait oval, circled
    numbers, a grid of check boxes, a ruled table with text in its cells and a small round logo."""
    rng = random.Random(seed)
    page = Image.new("RGB", (1654, 2339), "white")
    page.paste(text_page(rng, height=700).crop((0, 0, 1654, 680)), (0, 0))
    d = ImageDraw.Draw(page)
    d.ellipse((1100, 720, 1420, 1040), outline="black", width=5)
    d.ellipse((200, 700, 480, 1050), fill=(60, 60, 60))
    for k in range(6):
        x = 200 + k * 120
        d.ellipse((x, 1200, x + 80, 1280), outline="black", width=3)
        d.text((x + 40, 1240), str(k + 1), font=font(48), fill="black", anchor="mm")
    for i in range(8):
        for j in range(5):
            d.rectangle((900 + i * 70, 1150 + j * 70, 940 + i * 70, 1190 + j * 70), outline="black", width=3)
    for i in range(7):
        d.line((150, 1600 + i * 70, 1500, 1600 + i * 70), fill="black", width=3)
    for x in (150, 450, 800, 1150, 1500):
        d.line((x, 1600, x, 2020), fill="black", width=3)
    for i in range(6):
        for x in (170, 470, 820, 1170):
            text = rng.choice(["车架号", "发动机号", "合格证号", "¥12,800.00", "2024-03-05"])
            d.text((x, 1615 + i * 70), text, font=font(32), fill="black")
    d.ellipse((1300, 2100, 1470, 2270), outline="black", width=8)
    d.text((1385, 2185), "华", font=font(90), fill="black", anchor="mm")
    return page


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_grey_copy_with_round_marks_but_no_seal_has_none(seed: int) -> None:
    image = np.asarray(photocopy(round_marks_page(seed), random.Random(seed)))
    assert find_seals(image) == []


def test_black_and_white_scans_keep_most_seals() -> None:
    """A black-and-white scanner leaves a pale seal as scattered dots, which no ink threshold joins
    into a ring; their local density still traces it. Generated contracts and invoices, seeds 0-11,
    scanned black-and-white: 23 pages sealed (22 before the generator signed with real Chinese names too);
    12 seals found before the density pass, 16 with it, 14 once its rings must run round in the ink too
    (seal.yaml dotted_traced: print blurred into rings was five false seals on plain pages of a, d, e)."""
    found = sealed = false = 0
    for code in ("sales_contract", "purchase_invoice"):
        for seed in range(12):
            for image, boxes in copied_pages(seed, code, Look(bilevel=True)):
                hits = find_seals(image)
                sealed += bool(boxes)
                found += any(overlaps(h.box, b) for h in hits for b in boxes)
                false += bool(hits) and not boxes
    assert sealed == 23
    assert found >= 14
    assert false == 0
