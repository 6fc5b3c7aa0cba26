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

from dossier.classify.seal import _filtered_rings, find_seals, seal_tuning

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


def _dotted_ring(print_round: bool) -> tuple[np.ndarray, np.ndarray]:
    """A black-and-white scan's pale seal as the dotted pass sees it: the density of its dots (a ring
    whole but for a lightly pressed arc, text inside) and the page's ink, where the threshold kept the
    ring's dots in short runs a pixel apart. `print_round`: lines of print just outside the ring."""
    density = np.zeros((700, 500), np.uint8)
    ink = np.zeros_like(density)
    centre, radius = (250, 400), 55
    cv2.ellipse(density, centre, (radius, radius), 0, 30, 360, 1, 5)  # the arc from 0 to 30 degrees is lost
    cv2.circle(density, centre, 30, 1, 9)  # the seal's text
    for a in range(30, 360, 4):  # dots two degrees long, two apart: 0.40 of the ring's angles
        cv2.ellipse(ink, centre, (radius, radius), 0, a, a + 2, 1, 1)
    if print_round:  # lines of print either side of the ring, up to it
        for y in range(330, 480, 12):
            for x in (150, 315):
                cv2.line(density, (x, y), (x + 35, y), 1, 5)
                cv2.line(ink, (x, y), (x + 35, y), 1, 2)
    return density, ink


def test_a_dotted_ring_standing_alone_is_found_though_its_ink_is_broken() -> None:
    """The ring's ink runs round 0.40 of it (under dotted_traced), its dots a pixel apart: standing alone
    in the dots, joined, it runs round; before, h's and f's pale black-and-white seals were missed so."""
    density, ink = _dotted_ring(print_round=False)
    hits = _filtered_rings(density, traced=ink)
    assert len(hits) == 1
    x0, y0, x1, y1 = hits[0][0]
    assert x0 < 200 < 300 < x1 and y0 < 350 < 450 < y1


def test_the_same_broken_ring_with_print_round_it_is_no_seal() -> None:
    """Print just outside a ring: blurred print can make such a ring; its ink must run round it unjoined."""
    density, ink = _dotted_ring(print_round=True)
    assert _filtered_rings(density, traced=ink) == []
