"""Drop folders: per-folder settings, the files waiting in them, and the watcher's small state record.

A folder per scanner or department can preset what its scans cannot say themselves: the dossier
kind, the after-sales job type, the staff member. A preset only fills a field the document lacks;
what was read on the page always wins. Settings come from `.dossier-folder.yaml` inside the folder
or from a settings file given to `dossier watch --config` (folder -> the same keys); the folder's
own file wins for the presets. Both are read again on every pass, so a clerk's edit needs no restart.

    # /scans/workshop/.dossier-folder.yaml
    kind: car              # 档案类型: car | unit (a policy kind)
    job_type: 小修          # a job-type code or its Chinese/English name
    staff: 王五             # 经办人
    stable_seconds: 5      # this folder's scanner writes slowly (0 to 3600)

Anyone who can drop a scan can write that file, so it holds only these harmless presets. What moves or
deletes files -- `after: move | delete`, `processed:` and `quarantine:` folders -- comes only from the
operator's --config file; in the folder's own file it is ignored, with a warning. Nothing the watcher
writes inside a drop folder (processed/, quarantine/, .dossier/claims/) may be a link: such a folder is
refused (UnsafeFolder) and its files wait, and files are created there without following links.

The state record (DOSSIER_HOME/watch.json) lists the watched folders, the last errors and recent
timings; `dossier status` reads it. Writing it is best effort: a full disk must not stop filing.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import os
import stat
import unicodedata
import urllib.parse
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dossier.errors import ConfigError, UnsafeFolder
from dossier.ingest.stability import is_temporary
from dossier.messages import text
from dossier.policy import Policy
from dossier.presets import Presets
from dossier.text import _BIDI, printable, safe_text  # noqa: F401  (printable, safe_text: re-exported)

FOLDER_FILE = ".dossier-folder.yaml"
# Settings that move or delete files: the operator's (--config) only, never the drop folder's own file.
OPERATOR_ONLY = ("after", "processed", "quarantine")
WORK_DIR = ".dossier"  # the watcher's own files in a drop folder (claims/)
log = logging.getLogger("dossier.folders")
_warned: set[tuple[Path, tuple[str, ...]]] = set()
STATE_FILE = "watch.json"
KEEP_ERRORS = 20
KEEP_TIMINGS = 50


# --- settings -------------------------------------------------------------------------------------------
class FolderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str | None = None
    job_type: str | None = None
    staff: str | None = None
    after: Literal["move", "delete"] = "move"
    processed: Path | None = None  # default: DIR/processed
    quarantine: Path | None = None  # default: DIR/quarantine
    stable_seconds: float | None = Field(default=None, ge=0, le=3600)

    def presets(self) -> Presets:
        fields = {k: v for k, v in (("job_type", self.job_type), ("staff", self.staff)) if v}
        return Presets(kind=self.kind, fields=fields)

    def checked(self, policy: Policy, where: Path | str = "") -> FolderSettings:
        """Validated against the policy, the job type as its code (小修 -> minor_repair)."""
        if self.kind and self.kind not in policy.kinds:
            raise ConfigError(f"{where}: " + text("folder.unknown_kind", kind=repr(self.kind), known=", ".join(policy.kinds)))
        if not self.job_type:
            return self
        kinds = [policy.kinds[self.kind]] if self.kind else list(policy.kinds.values())
        codes = {
            name: code
            for kp in kinds
            for code, jt in kp.job_types.items()
            for name in (code, jt.zh, jt.en, jt.en.lower())
        }
        if self.job_type not in codes:
            known = ", ".join(sorted(set(codes.values())))
            raise ConfigError(f"{where}: " + text("folder.unknown_job_type", job_type=repr(self.job_type), known=known))
        return self.model_copy(update={"job_type": codes[self.job_type]})


class DropFolder(BaseModel):
    path: Path
    settings: FolderSettings = FolderSettings()

    @property
    def processed_dir(self) -> Path:
        return _under(self.path, self.settings.processed, "processed")

    @property
    def quarantine_dir(self) -> Path:
        return _under(self.path, self.settings.quarantine, "quarantine")

    @property
    def presets(self) -> Presets:
        return self.settings.presets()

    def refuse_links(self) -> None:
        """Raise UnsafeFolder when a folder the watcher writes into, inside the drop folder, is a link
        (or not a folder): a scanner user must not redirect its moves, reason files or lock files."""
        for d in (self.processed_dir, self.quarantine_dir, self.path / WORK_DIR / "claims"):
            checked_dir(self.path, d)


def checked_dir(folder: Path, d: Path) -> Path:
    """`d`, when no part of it inside `folder` is a link or something other than a folder (parts that do
    not exist yet are fine); else UnsafeFolder. A `d` outside `folder` is the operator's choice."""
    try:
        rel = d.relative_to(folder)
    except ValueError:
        return d
    cur = folder
    for part in rel.parts:
        cur = cur / part
        try:
            mode = os.lstat(cur).st_mode
        except FileNotFoundError:
            break
        if stat.S_ISLNK(mode) or not stat.S_ISDIR(mode):
            raise UnsafeFolder(printable(str(cur)))
    return d


@contextlib.contextmanager
def opened_dir(folder: Path, d: Path) -> Iterator[int]:
    """A descriptor of folder `d` (made with make_dir) to create and rename files in, relative to it: each
    part of it inside the drop folder opened without following a link (O_NOFOLLOW), so that a folder
    swapped for a link after it was checked is refused (UnsafeFolder) rather than written through."""
    try:
        rel = d.relative_to(folder)
    except ValueError:  # the operator's own folder, outside the drop folder
        start, rel = d, Path()
    else:
        start = folder
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
    fd = os.open(start, flags)
    try:
        for part in rel.parts:
            try:
                nxt = os.open(part, flags | os.O_NOFOLLOW, dir_fd=fd)
            except OSError as e:
                if e.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise UnsafeFolder(printable(str(d))) from e
                raise
            os.close(fd)
            fd = nxt
        yield fd
    finally:
        os.close(fd)


def make_dir(folder: Path, d: Path) -> Path:
    """Make `d` (a folder the watcher writes into) and check it, before and after, with checked_dir."""
    checked_dir(folder, d)
    d.mkdir(parents=True, exist_ok=True)
    return checked_dir(folder, d)


def _under(folder: Path, configured: Path | None, default: str) -> Path:
    if configured is None:
        return folder / default
    return configured if configured.is_absolute() else folder / configured


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"{path}: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: {text('folder.expected_mapping')}")
    return data


def load_config(path: Path) -> dict[Path, dict[str, Any]]:
    """A settings file for several folders: `folders: {/scans/workshop: {kind: car, ...}, ...}`."""
    data = _read_yaml(path)
    folders = data.get("folders", data)
    if not isinstance(folders, dict) or not all(isinstance(v, dict | None) for v in folders.values()):
        raise ConfigError(f"{path}: {text('folder.expected_folders')}")
    base = path.parent
    return {_resolve(base / Path(str(k)).expanduser()): (v or {}) for k, v in folders.items()}


def _resolve(p: Path) -> Path:
    return Path(os.path.realpath(p))


def load_folder(path: Path, policy: Policy, configured: dict[Path, dict[str, Any]] | None = None) -> DropFolder:
    """The folder with its settings (the settings file's entry, then its own `.dossier-folder.yaml`)."""
    raw: dict[str, Any] = dict((configured or {}).get(_resolve(path), {}))
    own = path / FOLDER_FILE
    if own.is_file() and not own.is_symlink():
        mine = _read_yaml(own)
        ignored = tuple(k for k in OPERATOR_ONLY if k in mine)
        if ignored and (path, ignored) not in _warned:  # said once per folder, not on every pass
            _warned.add((path, ignored))
            keys = ", ".join(ignored)
            log.warning(f"{printable(str(own))}: " + text("folder.operator_only", keys=keys))
        raw.update({k: v for k, v in mine.items() if k not in OPERATOR_ONLY})
    try:
        settings = FolderSettings.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(f"{own}: {e.errors()[0]['loc']}: {e.errors()[0]['msg']}") from e
    settings = settings.checked(policy, own)
    folder = DropFolder(path=path, settings=settings)
    for d in (folder.processed_dir, folder.quarantine_dir):
        if _resolve(d) == _resolve(path):
            raise ConfigError(f"{own}: {text('folder.target_is_drop_folder')}")
    folder.refuse_links()
    return folder


# --- names and the files waiting -------------------------------------------------------------------------
def name_problem(name: str) -> str | None:
    """Why a file name cannot go into the record as it is, or None. Such a file is quarantined: its
    name would be unreadable or misleading wherever the record shows it."""
    if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in name):
        return text("name.not_utf8")
    if any(unicodedata.category(ch) == "Cc" or ch in _BIDI for ch in name):
        return text("name.control_characters")
    unquoted = urllib.parse.unquote(name)
    parts = unquoted.replace("\\", "/").split("/")
    if ".." in parts or (len(unquoted) > 2 and unquoted[1] == ":" and unquoted[2] in "\\/") or unquoted.startswith("/"):
        return text("name.looks_like_path")
    return None


def candidates(folder: Path) -> list[Path]:
    """Files in the drop folder that may be taken: not hidden, not temporary; links too (they are
    quarantined, never followed). Subfolders (processed/, quarantine/, .dossier/) are not looked into.
    Raises OSError when the folder cannot be read (a share that went away)."""
    entries = sorted(os.scandir(folder), key=lambda e: e.name)
    out = []
    for e in entries:
        if is_temporary(e.name):
            continue
        with contextlib.suppress(OSError):
            if e.is_symlink() or e.is_file(follow_symlinks=False):
                out.append(Path(e.path))
    return out


# --- the state record -----------------------------------------------------------------------------------
def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class WatchState(BaseModel):
    folders: list[str] = []
    # folder -> [its processed/, its quarantine/] as the watcher last used them (the operator's --config may
    # put them elsewhere): `dossier status` counts what lies in each quarantine, and knows them for its own.
    work_dirs: dict[str, list[str]] = {}
    errors: list[dict[str, str]] = []  # {"at", "file", "reason"}, newest last
    timings: list[tuple[int, float]] = []  # (pages, seconds) of recent batches
    updated: str = ""


def read_state(home: Path) -> WatchState:
    try:
        return WatchState.model_validate_json((home / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return WatchState()


def update_state(
    home: Path, *, folders: list[Path] | None = None, error: tuple[str, str] | None = None,
    timing: tuple[int, float] | None = None, work_dirs: dict[str, list[str]] | None = None,
) -> None:
    """Merge into the state record under a lock (two watchers may share a home). Never raises."""
    path = home / STATE_FILE
    try:
        with open(home / (STATE_FILE + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = read_state(home)
            if folders:
                state.folders = sorted(set(state.folders) | {str(f) for f in folders})
            if work_dirs:
                state.work_dirs = {**state.work_dirs, **work_dirs}
            if error:
                state.errors = [*state.errors, {"at": _now(), "file": error[0], "reason": error[1]}][-KEEP_ERRORS:]
            if timing:
                state.timings = [*state.timings, timing][-KEEP_TIMINGS:]
            state.updated = _now()
            tmp = path.with_name(f".{STATE_FILE}.{os.getpid()}")
            try:
                tmp.write_text(state.model_dump_json(indent=1), encoding="utf-8")
                os.replace(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
    except OSError:
        pass


class StatusRecords(Protocol):
    """What `dossier status` asks of the records (either database: dossier/records.RecordStore)."""

    def counts(self) -> dict[str, int]: ...

    def quarantined_sources(self, limit: int | None = None) -> list[tuple[str, str, str | None]]: ...


def status_report(home: Path, records: StatusRecords, folders: list[Path] | None = None) -> dict[str, Any]:
    """Filed, waiting, in review, quarantined, the last errors and pages per minute. The drop folders and
    the watcher's state record (timings, errors) are this machine's; the counts come from the records."""
    state = read_state(home)
    by_status = records.counts()
    quarantined = records.quarantined_sources()
    watched = folders if folders is not None else [Path(f) for f in state.folders]
    waiting = {str(f): _count(f) for f in watched}
    # What really lies in each folder's quarantine (links, names refused, several files of the same bytes
    # have no record each), plus what `dossier ingest` recorded as bad elsewhere (it moves nothing).
    dirs = {str(f): _work_dirs(f, state) for f in watched}
    in_quarantine = {f: _count_quarantine(Path(d[1])) for f, d in dirs.items()}
    inside = {os.path.realpath(f) for f in watched}
    elsewhere = sum(
        1 for _, path, _ in quarantined
        if os.path.realpath(os.path.dirname(path)) not in inside
    )
    ignored = {f: _ignored(Path(f), d) for f, d in dirs.items()}
    errors = [{"at": e["at"], "file": e["file"], "reason": e["reason"]} for e in state.errors]
    errors += [{"at": at, "file": printable(Path(path).name), "reason": reason or ""}
               for at, path, reason in quarantined[:KEEP_ERRORS]]
    errors.sort(key=lambda e: e["at"], reverse=True)
    unique: dict[tuple[str, str], dict[str, str]] = {}
    for e in errors:
        unique.setdefault((e["file"], e["reason"]), e)
    pages = sum(p for p, _ in state.timings)
    seconds = sum(s for _, s in state.timings)
    return {
        "filed": by_status.get("filed", 0),
        "needs_review": by_status.get("needs_review", 0),
        "quarantined": elsewhere + sum(n or 0 for n in in_quarantine.values()),
        "quarantined_by_folder": in_quarantine,
        "waiting": sum(n or 0 for n in waiting.values()),
        "waiting_by_folder": waiting,
        "ignored_by_folder": {f: names for f, names in ignored.items() if names},
        "pages_per_minute": round(60 * pages / seconds, 1) if seconds > 0 else None,
        "last_errors": list(unique.values())[:10],
        "last_activity": state.updated or None,
        "home": str(home),
    }


def _count(folder: Path) -> int | None:
    try:
        return len(candidates(folder))
    except OSError:
        return None  # cannot be read right now


def _work_dirs(folder: Path, state: WatchState) -> list[str]:
    """[processed/, quarantine/] of a watched folder: as the watcher recorded them, else the defaults."""
    return state.work_dirs.get(str(folder)) or [str(folder / "processed"), str(folder / "quarantine")]


def _count_quarantine(quarantine: Path) -> int | None:
    """Files (and links) lying in a quarantine folder, without their reason files; None: unreadable."""
    try:
        entries = list(os.scandir(quarantine))
    except FileNotFoundError:
        return 0
    except OSError:
        return None
    n = 0
    for e in entries:
        with contextlib.suppress(OSError):
            if not e.name.endswith(".reason.txt") and not e.name.startswith(".tmp-") and (
                    e.is_symlink() or e.is_file(follow_symlinks=False)):
                n += 1
    return n


def _ignored(folder: Path, work_dirs: list[str]) -> dict[str, str]:
    """Entries of a drop folder the watcher never takes and never will (FIFOs, devices, sockets, folders
    other than its own): name -> what it is, each once, for a person to clear away."""
    own = {os.path.realpath(d) for d in work_dirs} | {os.path.realpath(folder / WORK_DIR)}
    out: dict[str, str] = {}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return out
    for e in entries:
        if is_temporary(e.name):
            continue
        try:
            mode = e.stat(follow_symlinks=False).st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
            continue
        if stat.S_ISDIR(mode):
            if os.path.realpath(e.path) in own:
                continue
            kind = "folder"
        else:
            kind = "FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
        out[printable(e.name)] = kind
    return out


def format_status(data: dict[str, Any], lang: str = "zh") -> str:
    lang = "en" if lang == "en" else "zh"
    heading = "en" if lang == "en" else None  # headings show both languages unless English was asked for
    lines = [text("status.counts", lang, filed=data["filed"], waiting=data["waiting"], review=data["needs_review"],
                  quarantined=data["quarantined"])]
    ppm = data["pages_per_minute"]
    lines.append(text("status.pages_per_minute", lang, ppm=f"{ppm:g}" if ppm is not None else "—"))
    for folder, n in data["waiting_by_folder"].items():
        if n is None:
            lines.append(f"  {printable(folder)}: " + text("status.unreadable", lang))
            continue
        q = data.get("quarantined_by_folder", {}).get(folder)
        line = f"  {printable(folder)}: " + text("status.waiting", lang, n=n)
        if q:
            line += text("status.in_quarantine", lang, n=q)
        lines.append(line)
        ignored = data.get("ignored_by_folder", {}).get(folder)
        if ignored:
            names = ", ".join(f"{name} ({text(f'status.kind.{kind.lower()}', lang)})" for name, kind in ignored.items())
            lines.append("    " + text("status.ignored", heading) + names)
    if data["last_errors"]:
        lines.append(text("status.last_errors", heading))
        for e in data["last_errors"]:
            lines.append(f"  {e['at']} {printable(e['file'])}: {safe_text(e['reason'])}")
    lines.append(text("status.home", heading) + printable(data["home"]))
    return "\n".join(lines)
