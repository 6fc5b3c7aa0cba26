"""Family m: a thirteenth sample family, written apart from the reading code (see README.md)."""
