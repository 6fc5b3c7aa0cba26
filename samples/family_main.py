"""`python -m samples.family_X --seed S --count N OUT` for the families that share it (d, e): write the
family's scans and truth into OUT and say so with the CLI's own message."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from dossier import messages
from dossier.errors import ExitCode


def run(prog: str, description: str | None, generate: Callable[[int, int, Path], list[Path]],
        argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog=prog, description=description)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--count", type=int, default=20, help="about this many documents")
    p.add_argument("out", type=Path)
    args = p.parse_args(argv)
    files = generate(args.seed, args.count, args.out)
    print(messages.text("cli.samples_written", n=len(files), out=args.out))
    return ExitCode.OK
