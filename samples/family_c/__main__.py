"""python -m samples.family_c --seed S --count N OUT"""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier.errors import ExitCode
from dossier.samples.family_c.make import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samples.family_c", description="family c: generated scans with ground truth")
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=30)
    args = ap.parse_args(argv)
    files = generate(args.seed, args.count, args.out)
    print(f"生成 {len(files)} 个文件 / wrote {len(files)} files to {args.out}")
    return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
