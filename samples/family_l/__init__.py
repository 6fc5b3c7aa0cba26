"""Family l: scanned dealer and property papers written apart from the reading code (see README.md)."""
