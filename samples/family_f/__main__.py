"""`python -m samples.family_f --seed S --count N OUT`: write family f's scans and truth into OUT."""

from __future__ import annotations

from dossier.samples.family_main import run

from .make import generate


def main(argv: list[str] | None = None) -> int:
    return run("python -m samples.family_f", __doc__, generate, argv)


if __name__ == "__main__":
    raise SystemExit(main())
