"""Seals looked for in the density of dots (a black-and-white scan's pale seal): a ring proposed there
must run round in the page's ink itself, and a whole ring standing clear needs little text inside.

The images are the seal search's working copies (long side ≤ work_side, so searched as stored) of
generated pages as `dossier samples` drew them: family e's plain work order (a table column of print
blurred into an oval), family d's plain registration card (its centred heading blurred into a ring), and
family e's black-and-white invoice scan whose pale oval seal kept its ring but hardly a dot of its text.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from dossier.classify.seal import find_seals, seal_tuning

SEALS = Path(__file__).parent / "corpus" / "seals"


def _page(name: str) -> np.ndarray:
    gray = cv2.imread(str(SEALS / f"{name}.png"), cv2.IMREAD_GRAYSCALE)
    assert gray is not None and max(gray.shape) <= seal_tuning().work_side
    return np.stack([gray] * 3, axis=-1)


@pytest.mark.parametrize("name", ["plain_print_table", "d_plain_print"])
def test_print_blurred_into_a_ring_is_no_seal(name: str) -> None:
    """Before, each was reported sealed: the ring was only in the blur, its ink traced 0.58 of it."""
    assert find_seals(_page(name)) == []


def test_a_pale_oval_on_a_black_and_white_scan_is_found() -> None:
    """Its ring is whole (0.99) and clear, its text dotted away (0.05 of the inside): before, no seal."""
    hits = find_seals(_page("bilevel_pale_oval"))
    assert len(hits) == 1
    x0, y0, x1, y1 = hits[0].box
    # The truth's box, at the working copy's half scale: (305, 307)-(426, 405).
    assert x0 < 340 < 400 < x1 and y0 < 330 < 390 < y1
