"""Family c: a third, independently written generator of scanned forms with ground truth (README.md)."""
