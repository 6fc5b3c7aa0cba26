"""Finish a printed document by hand: sign or leave each field blank, press the seals. Boxes are clean-page pixels."""

from __future__ import annotations

import random

import numpy as np

from dossier.samples import handwriting as hw
from dossier.samples import seals as sl
from dossier.samples.truth import SealTruth, SignatureTruth

from . import signing
from .doc import Doc


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return max(0, w) * max(0, h) / area


def finish(d: Doc, rng: random.Random, blank_p: float) -> tuple[list[SignatureTruth], list[SealTruth]]:
    """Ink on every page of `d` (in place); the truths, page numbers 0-based within the document."""
    sigs: list[SignatureTruth] = []
    stamps: list[SealTruth] = []
    for i, sh in enumerate(d.pages):
        for slot in sh.slots:
            if rng.random() < blank_p:
                mark = signing.mark(rng, sh.img, slot.box) if rng.random() < 0.35 else None
                sigs.append(SignatureTruth(role=slot.role, label=slot.label, status="blank", page=i, box=slot.box,
                                           mark=mark))
            else:
                source, ink = signing.ink(rng, sh.img, slot.box, slot.writer, slot.role)
                sigs.append(SignatureTruth(role=slot.role, label=slot.label, status="signed", page=i, box=slot.box,
                                           source=source, ink=ink))
    for spot in d.seals:
        if spot.page >= len(d.pages):
            continue
        sh = d.pages[spot.page]
        alpha = sl.seal_alpha(rng, spot.shape, sh.s(spot.text), sh.s(spot.middle), sh.dpi, d.hant)
        if spot.shape != "square":
            alpha = sl.rotated(alpha, rng.uniform(-25, 25))
        h, w = alpha.shape
        x, y = spot.centre[0] - w // 2, spot.centre[1] - h // 2
        x = min(max(0, x), sh.w - w)
        y = min(max(0, y), sh.h - h)
        before = np.asarray(sh.img.crop((x, y, x + w, y + h)).convert("L"), dtype=np.float32)
        hw.multiply(sh.img, alpha, rng.choice(sl.REDS), (x, y), opacity=rng.uniform(0.75, 0.95))
        ys, xs = np.nonzero(alpha > 0.1)
        box = (int(x + xs.min()), int(y + ys.min()), int(x + xs.max() + 1), int(y + ys.max() + 1))
        truth = SealTruth(page=spot.page, box=box, shape=spot.shape, text=sh.s(spot.text), colour="red")
        truth._own = (x, y, (alpha > 0.5) & (before > 200))  # its ink on bare paper, for the bilevel check
        stamps.append(truth)
        for s in sigs:
            if s.page == spot.page and _overlap(s.box, box) > 0.15:
                s.under_seal = True
    return sigs, stamps
