"""Family i: a ninth sample family written without reading Dossier's reading code (see README.md)."""
