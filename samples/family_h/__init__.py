"""Family h: an eighth, independently written family of scanned dealer and property-office forms."""
