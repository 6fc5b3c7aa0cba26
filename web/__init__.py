"""The clerk's workbench (issue 19): the web app and REST API that `dossier serve` runs."""
