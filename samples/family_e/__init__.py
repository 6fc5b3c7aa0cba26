"""Family e: an independent generator of scanned dealership and property-office forms (see README.md)."""
