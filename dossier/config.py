"""Settings, read from the environment (DOSSIER_*), validated once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

DEFAULT_HOME = Path.home() / ".local" / "share" / "dossier"
DEFAULT_OPENSEARCH_INDEX = "dossier-documents"


class Settings(BaseModel):
    home: Path = Field(default=DEFAULT_HOME, description="DOSSIER_HOME: database, archive, page images")
    ocr_engine: Literal["rapidocr", "tesseract"] = "rapidocr"
    workers: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1)
    dpi: int = Field(default=200, ge=72, le=600)
    page_timeout: float = Field(default=120.0, gt=0, description="seconds one page may take in OCR")
    classify_threshold: float = Field(default=0.65, ge=0, le=1)  # docs/tuning.md: the left-out families' reliability
    max_pixels: int = Field(default=120_000_000, description="larger images are refused as bombs")
    database_url: str | None = None
    redis_url: str | None = None
    opensearch_url: str | None = None
    # One cluster may serve several archives (or a test run beside a developer's data): one alias each.
    opensearch_index: str = Field(default=DEFAULT_OPENSEARCH_INDEX, pattern=r"^[a-z0-9][a-z0-9_.-]*$",
                                  description="DOSSIER_OPENSEARCH_INDEX: the index alias in OpenSearch")
    today: str | None = Field(default=None, description="DOSSIER_TODAY: fixed 'today' for reports (YYYY-MM-DD)")
    holidays_file: Path | None = None
    ocr_cache: Path | None = Field(default=None, description="`dossier eval --ocr-cache`: readings reused")
    log_format: Literal["text", "json"] = Field(default="text", description="DOSSIER_LOG=json: one JSON line "
                                                "per file and per queued job on standard error, for operators")
    upload_max_mb: int = Field(default=50, ge=1, le=4096, description="DOSSIER_UPLOAD_MAX_MB: the most one web "
                               "upload (all its files) may hold")
    doctype_model: Path | None = Field(default=None, description="DOSSIER_DOCTYPE_MODEL: a document-type model "
                                       "built by `dossier train-classifier`, in place of the shipped one")

    @field_validator("home")
    @classmethod
    def _home_is_a_folder(cls, home: Path) -> Path:
        if home.exists() and not home.is_dir():
            from dossier.messages import text

            raise ValueError(f"{text('config.not_a_folder')}: {home}")
        return home

    @property
    def db_path(self) -> Path:
        return self.home / "dossier.sqlite3"

    @property
    def originals_dir(self) -> Path:
        return self.home / "originals"

    @property
    def pages_dir(self) -> Path:
        return self.home / "pages"

    @property
    def quarantine_dir(self) -> Path:
        return self.home / "quarantine"

    def ensure_dirs(self) -> None:
        from dossier.errors import StorageError

        for d in (self.home, self.originals_dir, self.pages_dir, self.quarantine_dir):
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StorageError(f"{d}: {e.strerror or e}") from e


_ENV = {
    "home": "DOSSIER_HOME",
    "ocr_engine": "DOSSIER_OCR_ENGINE",
    "workers": "DOSSIER_WORKERS",
    "dpi": "DOSSIER_DPI",
    "page_timeout": "DOSSIER_PAGE_TIMEOUT",
    "classify_threshold": "DOSSIER_CLASSIFY_THRESHOLD",
    "max_pixels": "DOSSIER_MAX_PIXELS",
    "database_url": "DATABASE_URL",
    "redis_url": "REDIS_URL",
    "opensearch_url": "OPENSEARCH_URL",
    "opensearch_index": "DOSSIER_OPENSEARCH_INDEX",
    "today": "DOSSIER_TODAY",
    "holidays_file": "DOSSIER_HOLIDAYS",
    "doctype_model": "DOSSIER_DOCTYPE_MODEL",
    "upload_max_mb": "DOSSIER_UPLOAD_MAX_MB",
    "log_format": "DOSSIER_LOG",
}


def load_settings(**overrides: object) -> Settings:
    """The settings; a value that is not valid is a ConfigError naming its variable, not a traceback."""
    from dossier.errors import ConfigError

    values: dict[str, object] = {k: os.environ[v] for k, v in _ENV.items() if os.environ.get(v)}
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            name = str(err["loc"][0]) if err["loc"] else "?"
            given = overrides.get(name)
            where = f"--{name}" if given is not None else _ENV.get(name, name)
            problems.append(f"{where}={values.get(name)!r}: {err['msg']}")
        raise ConfigError("; ".join(problems)) from e
