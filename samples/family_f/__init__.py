"""Family f: an independent generator of scanned car-dealer and property-office forms with ground truth."""
