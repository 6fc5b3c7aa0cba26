"""`python -m samples.family_h --seed S --count N OUT`."""

from __future__ import annotations

import sys

from dossier.samples.family_main import run

from .make import generate

if __name__ == "__main__":
    sys.exit(run("python -m samples.family_h", "Family h: independently written dealer and property-office scans.", generate))
