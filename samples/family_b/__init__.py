"""Family B: a second, independently worded and laid-out family of sample scans (see README.md)."""
