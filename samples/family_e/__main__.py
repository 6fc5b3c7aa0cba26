"""`python -m samples.family_e --seed S --count N OUT`: write family d's scans and truth into OUT."""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier import messages
from dossier.errors import ExitCode

from .make import generate


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m samples.family_e", description=__doc__)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=20, help="about this many documents")
    p.add_argument("out", type=Path)
    args = p.parse_args(argv)
    files = generate(args.seed, args.count, args.out)
    print(messages.text("cli.samples_written", n=len(files), out=args.out))  # the CLI's own message
    return ExitCode.OK


if __name__ == "__main__":
    raise SystemExit(main())
