"""Family k: car-dealer and property-office papers written apart from the reading code (see README.md)."""
