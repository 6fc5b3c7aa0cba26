"""Drop-folder watcher: events from watchdog plus a periodic rescan (network shares send no events).

A file is taken once stable, filed through the pipeline, and only then moved to `processed/`;
a file that cannot be read goes to `quarantine/` with NAME.reason.txt beside it.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from dossier.config import Settings
from dossier.models import DocumentResult
from dossier.policy import default_policy
from dossier.store import Store
from ingest.stability import StabilityTracker, is_temporary
from worker.local import PagePool
from worker.pipeline import SKIP_DIRS, Pipeline


class _Wake(FileSystemEventHandler):
    def __init__(self, event: threading.Event) -> None:
        self.event = event

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.event.set()


def candidates(folder: Path) -> list[Path]:
    out = []
    for p in sorted(folder.iterdir()):
        if p.name in SKIP_DIRS or is_temporary(p.name) or p.name.endswith(".reason.txt"):
            continue
        if p.is_file() or p.is_symlink():
            out.append(p)
    return out


def _unique(dest: Path) -> Path:
    n = 1
    while dest.exists():
        dest = dest.with_name(f"{dest.stem}.{n}{dest.suffix}")
        n += 1
    return dest


def settle(path: Path, results: list[DocumentResult]) -> Path:
    """Move the source out of the drop folder — after its record is committed."""
    folder = path.parent
    if any(r.status == "quarantined" for r in results):
        dest = _unique(folder / "quarantine" / path.name)
        dest.parent.mkdir(exist_ok=True)
        reason = "\n".join(r.reason or "" for r in results if r.reason)
        shutil.move(str(path), dest)
        dest.with_name(dest.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    else:
        dest = _unique(folder / "processed" / path.name)
        dest.parent.mkdir(exist_ok=True)
        shutil.move(str(path), dest)
    return dest


def watch(
    dirs: list[str], settings: Settings, *, interval: float, stable_seconds: float, once: bool, as_json: bool
) -> int:
    folders = [Path(d) for d in dirs]
    for f in folders:
        f.mkdir(parents=True, exist_ok=True)
    settings.ensure_dirs()
    store = Store(settings.db_path)
    wake = threading.Event()
    observer = Observer()
    for f in folders:
        observer.schedule(_Wake(wake), str(f), recursive=False)
    observer.start()
    tracker = StabilityTracker(0 if once else stable_seconds)
    try:
        with PagePool(settings.workers, settings.page_timeout) as pool:
            pipeline = Pipeline(settings, store, default_policy(), pool)
            while True:
                for folder in folders:
                    for path in candidates(folder):
                        if not tracker.observe(path) and not once:
                            continue
                        results = list(pipeline.run([str(path)]))
                        dest = settle(path, results)
                        tracker.forget(path)
                        for r in results:
                            if as_json:
                                print(r.model_dump_json(), flush=True)
                            else:
                                print(f"{r.status}\t{path.name}\t{r.doc_type or '-'}\t{dest}", flush=True)
                if once:
                    return 0
                wake.wait(timeout=min(interval, max(stable_seconds / 2, 0.5)))
                wake.clear()
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join()
        store.close()
