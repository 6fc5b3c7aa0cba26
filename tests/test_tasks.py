"""The page job: with a core idle, the seal search runs beside the engine and finds what it finds inline —
also on a page that lay upside down, whose first reading was not of the upright page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from dossier.worker.tasks import PageTask, process_page
from tests.conftest import ROOT

SEALED = ROOT / "tests" / "data" / "unit_1_move_in.png"


def task(path: Path, home: Path, ahead: bool) -> PageTask:
    return PageTask(sha256="0" * 64, path=str(path), index=1, home=str(home), engine="rapidocr", dpi=200,
                    max_pixels=120_000_000, timeout=120, render_ahead=ahead)


@pytest.mark.parametrize("turned", [False, True], ids=["upright", "upside-down"])
def test_seals_found_beside_the_engine_are_those_found_after_it(tmp_path: Path, turned: bool) -> None:
    scan = SEALED
    if turned:
        scan = tmp_path / "turned.png"
        Image.open(SEALED).rotate(180).save(scan)
    inline = process_page(task(scan, tmp_path / "a", ahead=False)).page
    beside = process_page(task(scan, tmp_path / "b", ahead=True)).page
    assert inline.error is None and beside.error is None
    assert beside.text.rotation == (180 if turned else 0)
    assert inline.seal and beside.seal  # the move-in form carries the management office's seal
    assert len(beside.seal_crops) == len(inline.seal_crops)
    a = [(tmp_path / "a" / c).read_bytes() for c in inline.seal_crops]
    b = [(tmp_path / "b" / c).read_bytes() for c in beside.seal_crops]
    assert a == b  # the same seals, cut from the same upright page
