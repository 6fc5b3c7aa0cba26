"""Family g: a seventh, independently written family of scanned dealer and property-office forms."""
