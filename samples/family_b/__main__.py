"""`python -m samples.family_b --seed N --count K OUTDIR`: write family-B scans with their truth."""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier.errors import ExitCode

from .make import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.family_b", description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200, help="documents to make (about)")
    ap.add_argument("outdir", type=Path)
    a = ap.parse_args(argv)
    paths = generate(a.seed, a.count, a.outdir)
    print(f"{len(paths)} files written to {a.outdir}")
    return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
