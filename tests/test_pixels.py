"""classify.pixels must give exactly what numpy and OpenCV give: the seal and signature thresholds
were chosen on those figures, and a last-bit difference can move a pixel across one."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from dossier.classify.pixels import components, percentile


def _grey_windows(rng: np.random.Generator) -> list[np.ndarray]:
    page = np.full((600, 500), 238, np.uint8)
    cv2.putText(page, "Dossier 2026", (20, 200), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 20, 3)
    cv2.circle(page, (300, 400), 90, 120, 4)
    page = np.asarray(cv2.add(page, rng.integers(0, 12, page.shape, dtype=np.uint8)), np.uint8)
    out = [page, page[100:300, 50:450]]  # a window is a view with the page's row stride
    out += [rng.integers(0, 256, (int(rng.integers(1, 40)), int(rng.integers(1, 40))), dtype=np.uint8) for _ in range(200)]
    out += [np.full((3, 5), 7, np.uint8), np.array([[0, 255]], np.uint8)]
    return out


def test_percentile_is_numpys_to_the_last_bit() -> None:
    rng = np.random.default_rng(7)
    for g in _grey_windows(rng):
        for q in (10, 25, 50, 90, 95, 99, 37.5):
            assert percentile(g, q) == float(np.percentile(g, q))
    floats = rng.random((20, 20))  # anything but a 2-D uint8 array is numpy's own
    assert percentile(floats, 90) == float(np.percentile(floats, 90))


@pytest.mark.parametrize("density", [0.02, 0.3, 0.6])
def test_components_label_as_opencvs_default(density: float) -> None:
    rng = np.random.default_rng(11)
    for _ in range(20):
        mask = (rng.random((int(rng.integers(5, 300)), int(rng.integers(5, 300)))) < density).astype(np.uint8)
        n, labels, stats = components(mask)
        ref_n, ref_labels, ref_stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        assert n == ref_n
        assert np.array_equal(labels, ref_labels) and np.array_equal(stats, ref_stats)
