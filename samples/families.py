"""The sample families written independently of the reading code (samples/family_X), each with its own
`make.generate(seed, count, out)`: looked up by letter, for `dossier samples --family` and for training."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

INDEPENDENT = ("b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")

Generate = Callable[[int, int, Path], list[Path]]


def generator(family: str) -> Generate:
    """The family's `make.generate` (imported only now: each family renders with its own fonts and data)."""
    if family not in INDEPENDENT:
        raise ValueError(f"no independent sample family {family!r}")
    return cast(Generate, importlib.import_module(f"dossier.samples.family_{family}.make").generate)
