"""python -m samples.family_m --seed S --count N OUT"""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier.samples.family_m.make import generate

ap = argparse.ArgumentParser(prog="family_m")
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--count", type=int, default=40)
ap.add_argument("out", type=Path)
a = ap.parse_args()
for f in generate(a.seed, a.count, a.out):
    print(f)
