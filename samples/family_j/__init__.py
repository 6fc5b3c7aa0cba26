"""Family j: a tenth sample family, written apart from the reading code (see README.md)."""
