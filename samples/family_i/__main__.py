"""`python -m samples.family_i --seed S --count N OUT`."""

from __future__ import annotations

import sys

from dossier.samples.family_i.make import generate
from dossier.samples.family_main import run

if __name__ == "__main__":
    sys.exit(run("python -m samples.family_i", "family i: independently written scans with truth", generate))
