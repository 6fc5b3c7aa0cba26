"""One exception class per failure kind, each with its exit code and a message a clerk understands.

Every message is bilingual, Simplified Chinese first, then English; its text is the catalogue's
(dossier/messages.yaml) entry named by the class's `msg`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from dossier.messages import text


class ExitCode(IntEnum):
    """Every exit status of `dossier`, the only list of them (README, "Exit codes", shows it)."""

    OK = 0
    FAILED = 1  # processing failed, or what was asked for is not there (`show` of an unknown key)
    INPUT = 2  # the input: a file that cannot be read, a path that does not exist, a usage error (argparse's)
    OCR = 3
    OCR_TIMEOUT = 4
    MISSING_DEPENDENCY = 5
    STORAGE = 6  # the archive or the queue cannot be written or reached: nothing lost, retry later
    CONFIG = 7
    BELOW_FLOOR = 8
    DATABASE_CORRUPT = 9


class DossierError(Exception):
    exit_code: int = ExitCode.FAILED
    msg = "error.failed"  # the catalogue's id of this failure's text
    # A subclass elsewhere may still spell its text out here (until it moves into the catalogue).
    zh: str | None = None
    en: str | None = None

    def __init__(self, detail: str = "", *, zh: str | None = None, en: str | None = None,
                 msg: str | None = None, **params: Any) -> None:
        """`msg` (a catalogue id, filled from `params`) or `zh` and `en` replace the class's text."""
        self.detail = detail
        own = None if msg else type(self)
        self.zh = zh or (own and own.zh) or text(msg or self.msg, "zh", **params)
        self.en = en or (own and own.en) or text(msg or self.msg, "en", **params)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.zh} / {self.en}"
        return f"{text}: {self.detail}" if self.detail else text


class InputFileError(DossierError):
    """The file itself is bad: it is quarantined and processing goes on."""

    exit_code = ExitCode.INPUT


class EmptyFile(InputFileError):
    msg = "error.empty_file"


class UnsupportedFormat(InputFileError):
    msg = "error.unsupported_format"


class CorruptFile(InputFileError):
    msg = "error.corrupt_file"


class EncryptedPdf(InputFileError):
    msg = "error.encrypted_pdf"


class ImageTooLarge(InputFileError):
    msg = "error.image_too_large"


class PageTooSmall(InputFileError):
    """A page a few pixels across (a PDF's 1-point MediaBox): nothing on it can be read or judged."""

    msg = "error.page_too_small"


class UnsafePath(InputFileError):
    msg = "error.unsafe_path"


class PathNotFound(DossierError):
    """A path given on the command line does not exist: nothing to quarantine, nothing was done."""

    exit_code = ExitCode.INPUT
    msg = "error.path_not_found"


class OcrError(DossierError):
    """The OCR engine failed on a page: that document goes to review, the rest continue."""

    exit_code = ExitCode.OCR
    msg = "error.ocr_error"


class OcrTimeout(OcrError):
    exit_code = ExitCode.OCR_TIMEOUT
    msg = "error.ocr_timeout"


class MissingDependency(DossierError):
    exit_code = ExitCode.MISSING_DEPENDENCY
    msg = "error.missing_dependency"


class ScaledClientMissing(MissingDependency):
    """A scaled-mode variable is set, but the embedded install lacks that server's client library."""

    msg = "error.scaled_client_missing"

    def __init__(self, variable: str) -> None:
        super().__init__(variable=variable)


class StorageError(DossierError):
    """The archive or database cannot be written (disk full, read-only): nothing is lost, retry later."""

    exit_code = ExitCode.STORAGE
    msg = "error.storage_error"


class QueueUnavailable(StorageError):
    """The scaled mode's work queue (Redis) cannot be reached: like a full disk, nothing is the scan's fault."""

    msg = "error.queue_unavailable"


class ServiceUnavailable(StorageError):
    """PostgreSQL or OpenSearch cannot be reached: nothing is the scans' fault, they stay where they are."""

    def __init__(self, service: str, where: str) -> None:
        super().__init__(msg="error.service_unavailable", service=service, where=where)


class ConfigError(DossierError):
    exit_code = ExitCode.CONFIG
    msg = "error.config_error"


class UnsafeFolder(ConfigError):
    """A folder the watcher writes into (processed/, quarantine/, .dossier/) is a link or not a folder."""

    msg = "error.unsafe_folder"


class EvalBelowFloor(DossierError):
    """`dossier eval --floors`: a measured accuracy fell below its committed floor."""

    exit_code = ExitCode.BELOW_FLOOR
    msg = "error.eval_below_floor"


class DatabaseCorrupt(DossierError):
    """The SQLite database is damaged: nothing reads from it or writes into it."""

    exit_code = ExitCode.DATABASE_CORRUPT
    msg = "error.database_corrupt"


class DuplicateSource(DossierError):
    """The source's bytes are already recorded as processed (filed first by this or another process).
    Raised by the record store for either database; the pipeline reports the file as `duplicate`."""

    msg = "error.duplicate_source"


class ReviewRefused(DossierError):
    """A review action that cannot be done as asked (dossier/review.py): the message says why."""

    exit_code = ExitCode.FAILED
    msg = "review.refused"
