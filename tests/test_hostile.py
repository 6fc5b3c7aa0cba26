"""Hostile conditions and hostile input (issue 21): a storage fault at any write, a damaged database, a
read-only archive, a drop folder anyone can write to, names and text that try to reach the terminal or a
spreadsheet, a bad environment, a queue that is down. Each case failed before its fix.

Faults are injected from here (monkeypatch, an in-process page pool) or made for real (a small tmpfs,
skipped where mounting is impossible); production code has no test branch.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from dossier import archive
from dossier.classify.keys import make_vin
from dossier.config import Settings
from dossier.errors import StorageError
from dossier.policy import default_policy
from dossier.store import open_sqlite
from dossier.worker import tasks
from dossier.worker.executor import InProcess
from dossier.worker.pipeline import Pipeline
from tests.test_cli_intake import text_pdf as pdf_of_pages
from tests.test_faults import small_disk
from tests.test_watch import dossier, records, sha

VIN = make_vin(random.Random(7))  # a valid check digit: filed under its car


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page born-digital PDF: its text layer is read, no OCR engine is needed (fast)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return pdf_of_pages(path, [lines])


def handover(path: Path, vin: str = VIN) -> Path:
    return text_pdf(path, ["交车检查表", f"车架号：{vin}", "交车日期：2026年3月6日", "客户签字：", "销售顾问签字："])


def no_space(dest: Path, data: bytes) -> None:
    """archive.atomic_write_bytes on a full disk: the write itself fails with ENOSPC."""

    def write(_f: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    archive._atomic_write(dest, write)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", workers=1)



def fill(disk: Path) -> list[Path]:
    """Fill `disk` to the last block; returns the filler files (delete them to free the space)."""
    fillers = [disk / "filler", disk / "filler2"]
    for path, chunk in zip(fillers, (1 << 20, 4096), strict=True):
        with contextlib.suppress(OSError), open(path, "wb") as f:
            while True:
                f.write(b"\0" * chunk)
                f.flush()
    return fillers


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


# --- 1. a storage fault at any write leaves the scan unfiled and waiting -------------------------------------
def test_a_page_image_that_cannot_be_written_files_nothing_and_the_scan_is_read_again_later(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = handover(tmp_path / "in" / "handover.pdf")
    store = open_sqlite(settings.db_path)
    monkeypatch.setattr(tasks, "atomic_write_bytes", no_space)
    with pytest.raises(StorageError) as err:
        list(Pipeline(settings, store, default_policy()).run([str(pdf)], InProcess()))
    assert err.value.exit_code == 6 and "No space left" in err.value.message and "档案存储不可写" in err.value.message
    assert store.source(sha(pdf)) is None and store.documents_of_source(sha(pdf)) == []
    monkeypatch.undo()  # space freed
    out = list(Pipeline(settings, store, default_policy()).run([str(pdf)], InProcess()))
    assert [r.status for r in out] == ["filed"] and out[0].doc_type and VIN in store.documents_of_source(sha(pdf))[0].text


def test_a_database_that_cannot_be_written_files_nothing(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.search.fts import FtsIndex

    pdf = handover(tmp_path / "in" / "handover.pdf")
    store = open_sqlite(settings.db_path)

    def full(*_a: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    def full_at_documents(_conn: object, _cursor: object, statement: str, *_a: object) -> None:
        if statement.startswith("INSERT INTO documents"):  # the driver fails inside the commit's transaction
            full()

    event.listen(store.engine, "before_cursor_execute", full_at_documents)
    with pytest.raises(StorageError, match="disk is full"):
        list(Pipeline(settings, store, default_policy()).run([str(pdf)], InProcess()))
    event.remove(store.engine, "before_cursor_execute", full_at_documents)
    assert records(settings.home) == ({}, {})  # the source's row, written first, rolled back with the rest
    monkeypatch.setattr(FtsIndex, "ensure_schema", full)  # creating the schema and its indexes
    with pytest.raises(StorageError, match="disk is full"):
        open_sqlite(settings.db_path)


def test_the_watcher_keeps_a_scan_whose_page_image_cannot_be_written_and_files_it_once_it_can(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.ingest.watch import FileOutcome, Watcher

    drop = tmp_path / "drop"
    pdf = handover(drop / "handover.pdf")
    seen: list[FileOutcome] = []
    w = Watcher([drop], settings, open_sqlite(settings.db_path), InProcess(), stable_seconds=0, emit=seen.append)
    monkeypatch.setattr(tasks, "atomic_write_bytes", no_space)
    for _ in range(3):
        w.scan()
    assert [o.outcome for o in seen] == ["error"] and "No space left" in (seen[0].reason or "")
    assert pdf.exists() and not (drop / "processed").exists() and records(settings.home) == ({}, {})
    monkeypatch.undo()
    w.paused_until = 0.0  # the back-off, elapsed
    w.scan()
    assert [o.outcome for o in seen] == ["error", "filed"]
    assert not pdf.exists() and (drop / "processed" / "handover.pdf").exists()


def test_a_full_disk_for_real_ends_with_the_storage_error_and_the_scan_is_filed_once_space_is_freed(tmp_path: Path) -> None:
    pdf = handover(tmp_path / "in" / "handover.pdf")
    first = handover(tmp_path / "in" / "first.pdf", make_vin(random.Random(8)))
    drop = tmp_path / "drop"
    with small_disk(tmp_path / "disk") as home:
        dossier(home, "ingest", str(first))  # the database exists
        # The original already archived (a crash earlier): it is not the write that fails.
        kept = archive.original_path(home, sha(pdf), "pdf")
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_bytes(pdf.read_bytes())
        fillers = fill(home)
        proc = dossier(home, "ingest", str(pdf), check=False)
        no_traceback(proc)
        # Whichever write fails first (here the database's shared-memory file), the storage error, once.
        assert proc.returncode == 6 and proc.stderr.count("档案存储不可写") == 1, proc.stderr
        drop.mkdir()
        (drop / pdf.name).write_bytes(pdf.read_bytes())
        proc = dossier(home, "watch", "--once", "--stable", "0.2", str(drop), check=False)
        no_traceback(proc)
        assert proc.returncode == 6 and (drop / pdf.name).exists() and not (drop / "processed").exists()
        for f in fillers:
            f.unlink(missing_ok=True)
        assert sha(pdf) not in records(home)[0]  # nothing half-filed
        out = [json.loads(x) for x in dossier(home, "ingest", "--json", str(pdf)).stdout.splitlines()]
        assert [r["status"] for r in out] == ["filed"] and out[0]["doc_type"]
        dossier(home, "watch", "--once", "--stable", "0.2", str(drop))
        assert (drop / "processed" / pdf.name).exists()


# --- 2. a damaged database is detected by every command, and nothing is written into it ----------------------
def filed_home(home: Path, tmp_path: Path, n: int = 3) -> list[Path]:
    """A data home with `n` handovers filed (in this process: no OCR, a second or two)."""
    settings = Settings(home=home, workers=1)
    store = open_sqlite(settings.db_path)
    pdfs = [handover(tmp_path / "in" / f"h{i}.pdf", make_vin(random.Random(100 + i))) for i in range(n)]
    out = list(Pipeline(settings, store, default_policy()).run([str(p) for p in pdfs], InProcess()))
    assert {r.status for r in out} == {"filed"}
    store.close()  # the WAL is folded into the file
    return pdfs


def damage(db: Path, where: str) -> None:
    data = bytearray(db.read_bytes())
    rnd = random.Random(21)
    start = 0 if where == "header" else (len(data) // 2) // 4096 * 4096
    data[start : start + 4096] = bytes(rnd.randrange(256) for _ in range(4096))
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["middle", "header"])
def test_every_command_refuses_a_damaged_database_in_one_sentence_and_never_writes_into_it(tmp_path: Path, where: str) -> None:
    home = tmp_path / "home"
    filed_home(home, tmp_path)
    db = home / "dossier.sqlite3"
    damage(db, where)
    before = sha(db)
    new = handover(tmp_path / "in" / "new.pdf", make_vin(random.Random(9)))
    for args in (["status"], ["report", "missing"], ["report", "review", "--csv"], ["reindex"], ["search", "交车"],
                 ["show", make_vin(random.Random(100))], ["ingest", str(new)], ["search", "--lang", "en", "交车"],
                 ["watch", "--once", "--stable", "0.2", str(new.parent)]):
        proc = dossier(home, *args, check=False)
        no_traceback(proc)
        assert proc.returncode == 9, (args, proc.stdout, proc.stderr)
        assert "数据库文件已损坏" in proc.stderr and "the database file is damaged" in proc.stderr
        assert "originals" in proc.stderr and "re-ingest" in proc.stderr  # the way back
        assert proc.stdout == ""
    wal = home / "dossier.sqlite3-wal"
    assert sha(db) == before and (not wal.exists() or wal.stat().st_size == 0)
    assert not list((home / "originals").glob(f"*/{sha(new)}*"))  # nothing taken in either


def test_the_way_back_from_a_damaged_database_is_re_ingesting_the_originals(tmp_path: Path) -> None:
    home = tmp_path / "home"
    pdfs = filed_home(home, tmp_path)
    damage(home / "dossier.sqlite3", "header")
    (home / "dossier.sqlite3").rename(home / "dossier.sqlite3.damaged")
    out = [json.loads(x) for x in dossier(home, "ingest", "--json", str(home / "originals")).stdout.splitlines()]
    assert sorted(r["status"] for r in out) == ["filed"] * len(pdfs)
    assert set(records(home)[0]) == {sha(p) for p in pdfs}


# --- 3. reading works on a read-only archive ------------------------------------------------------------------
def test_search_show_status_and_report_work_on_a_read_only_archive(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as home:
        filed_home(home, tmp_path)
        if subprocess.run(["mount", "-o", "remount,ro", str(home)], capture_output=True).returncode:
            pytest.skip("cannot remount the tmpfs read-only")
        vin = make_vin(random.Random(100))
        for args in (["search", "交车"], ["search", vin, "--json"], ["show", vin], ["status"], ["status", "--json"],
                     ["report", "missing"], ["report", "review", "--csv"], ["report", "signatures"]):
            proc = dossier(home, *args, check=False)
            no_traceback(proc)
            assert proc.returncode == 0, (args, proc.stderr)
        assert vin in dossier(home, "search", vin).stdout
        assert json.loads(dossier(home, "status", "--json").stdout)["filed"] == 3
        # Writing still says why it cannot.
        proc = dossier(home, "ingest", str(handover(tmp_path / "in" / "new.pdf", make_vin(random.Random(9)))), check=False)
        no_traceback(proc)
        assert proc.returncode == 6 and "档案存储不可写" in proc.stderr


# --- 4. links inside a drop folder never redirect what the watcher writes ----------------------------------
@pytest.mark.parametrize("link", ["quarantine", "processed", ".dossier", ".dossier/claims"])
def test_a_linked_folder_inside_the_drop_folder_is_refused_and_nothing_is_written_through_it(
    tmp_path: Path, link: str,
) -> None:
    drop, home, outside = tmp_path / "drop", tmp_path / "home", tmp_path / "outside"
    outside.mkdir()
    drop.mkdir()
    (drop / "empty.pdf").write_bytes(b"")  # bad: would go to quarantine/ with a reason file
    handover(drop / "good.pdf")  # good: would go to processed/
    (drop / link).parent.mkdir(parents=True, exist_ok=True)
    (drop / link).symlink_to(outside, target_is_directory=True)
    proc = dossier(home, "watch", "--once", "--stable", "0.2", str(drop), check=False)
    no_traceback(proc)
    assert proc.returncode == 7, proc.stdout + proc.stderr
    assert "链接" in proc.stderr and "a link" in proc.stderr and link.split("/")[-1] in proc.stderr
    assert list(outside.iterdir()) == []  # nothing moved, no reason file, no lock file out there
    assert sorted(p.name for p in drop.iterdir() if p.is_file() and not p.is_symlink()) == ["empty.pdf", "good.pdf"]


def test_a_folder_linked_while_the_watcher_runs_stops_that_folder_only(tmp_path: Path, settings: Settings) -> None:
    from dossier.ingest.watch import FileOutcome, Watcher

    drop, outside = tmp_path / "drop", tmp_path / "outside"
    outside.mkdir()
    (drop / "empty.pdf").parent.mkdir(parents=True)
    (drop / "empty.pdf").write_bytes(b"")
    seen: list[FileOutcome] = []
    w = Watcher([drop], settings, open_sqlite(settings.db_path), InProcess(), stable_seconds=0, emit=seen.append)
    (drop / "quarantine").symlink_to(outside)
    for _ in range(3):
        w.scan()
    assert seen == [] and list(outside.iterdir()) == [] and (drop / "empty.pdf").exists()
    (drop / "quarantine").unlink()
    for _ in range(3):
        w.scan()
    assert [o.outcome for o in seen] == ["quarantined"] and (drop / "quarantine" / "empty.pdf").exists()


def test_a_folder_swapped_for_a_link_after_it_was_checked_is_not_written_through(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dossier.ingest import watch
    from dossier.ingest.watch import FileOutcome, Watcher

    drop, outside = tmp_path / "drop", tmp_path / "outside"
    outside.mkdir()
    (drop / "empty.pdf").parent.mkdir(parents=True)
    (drop / "empty.pdf").write_bytes(b"")
    checked = watch.make_dir

    def then_swapped(folder: Path, d: Path) -> Path:  # the race: checked, then replaced by a link
        out = checked(folder, d)
        d.rename(tmp_path / f"away-{d.name}")
        d.symlink_to(outside)
        return out

    monkeypatch.setattr(watch, "make_dir", then_swapped)
    seen: list[FileOutcome] = []
    w = Watcher([drop], settings, open_sqlite(settings.db_path), InProcess(), stable_seconds=0, emit=seen.append)
    for _ in range(2):
        w.scan()
    assert list(outside.iterdir()) == [] and (drop / "empty.pdf").exists()


def test_claim_and_reason_files_are_never_created_through_a_link(tmp_path: Path) -> None:
    from dossier.ingest.claims import claim, lock_path
    from dossier.ingest.watch import write_reason

    drop, target = tmp_path / "drop", tmp_path / "target"
    (drop / ".dossier" / "claims").mkdir(parents=True)
    scan_ = drop / "a.pdf"
    scan_.write_bytes(b"%PDF")
    lock_path(scan_).symlink_to(target)  # a planted link where the lock file goes
    with pytest.raises(OSError):
        claim(scan_)
    (drop / "q").mkdir()
    (drop / "q" / f".tmp-{os.getpid()}.reason.txt").symlink_to(target)
    write_reason(drop / "q" / "a.pdf", "a.pdf", "bad")  # the planted link is replaced, never followed
    assert not target.exists()


# --- 5. the drop folder's own settings file cannot move or delete files ------------------------------------
def test_the_folder_file_keeps_its_presets_but_cannot_move_or_delete_files(tmp_path: Path) -> None:
    drop, home, elsewhere = tmp_path / "drop", tmp_path / "home", tmp_path / "elsewhere"
    pdf = handover(drop / "good.pdf")
    good = pdf.read_bytes()
    (drop / "empty.pdf").write_bytes(b"")
    (drop / ".dossier-folder.yaml").write_text(
        f"kind: car\nstaff: 王五\nafter: delete\nprocessed: {elsewhere}/p\nquarantine: {elsewhere}/q\nstable_seconds: 0.2\n",
        encoding="utf-8")
    proc = dossier(home, "watch", "--once", "--json", "--stable", "0.2", str(drop))
    assert "after" in proc.stderr and "processed" in proc.stderr and "quarantine" in proc.stderr  # said, and ignored
    assert "忽略" in proc.stderr and "ignored" in proc.stderr
    assert not elsewhere.exists()
    assert (drop / "processed" / "good.pdf").read_bytes() == good  # moved, not deleted, and to processed/
    assert (drop / "quarantine" / "empty.pdf").exists()
    out = {json.loads(x)["file"]: json.loads(x) for x in proc.stdout.splitlines()}
    assert out["good.pdf"]["documents"][0]["fields"]["staff"] == "王五"  # the harmless preset holds
    # stable_seconds out of bounds is a settings mistake, reported before anything is taken
    (drop / ".dossier-folder.yaml").write_text("stable_seconds: 1000000\n", encoding="utf-8")
    proc = dossier(home, "watch", "--once", str(drop), check=False)
    assert proc.returncode == 7 and "stable_seconds" in proc.stderr


def test_the_operators_config_may_still_move_elsewhere_and_delete(tmp_path: Path) -> None:
    from dossier.ingest.folders import load_config, load_folder

    drop, elsewhere = tmp_path / "drop", tmp_path / "elsewhere"
    drop.mkdir()
    config = tmp_path / "folders.yaml"
    config.write_text(f"folders:\n  {drop}: {{after: delete, processed: {elsewhere}}}\n", encoding="utf-8")
    folder = load_folder(drop, default_policy(), load_config(config))
    assert folder.settings.after == "delete" and folder.processed_dir == elsewhere


# --- 6. file names never become options of the programs run on them -------------------------------------
@pytest.mark.parametrize("name", ["-l", "--help", "-v"])
def test_a_file_named_like_an_option_is_read_as_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    from dossier.ingest.pdf import pdf_info, render_page, text_layer

    handover(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    assert pdf_info(name).pages == 1
    assert any(VIN in w.text for w in text_layer(name, 1, 72))
    assert render_page(name, 1, 36).shape[2] == 3
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", "--", name],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300,
                          env={**env, "DOSSIER_HOME": str(tmp_path / "home"), "DOSSIER_WORKERS": "1",
                               "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert [json.loads(x)["status"] for x in proc.stdout.splitlines()] == ["filed"], proc.stderr


# --- 7. control characters never reach the terminal ------------------------------------------------------
ESC_NAME = "a\x1b[31mred\x1b[0m\nforged line.pdf"
ESC_TEXT = f"交车检查表 车架号：{VIN} \x1b[2J\x1b]0;owned\x07 客户签字\r\n[已归档] fake"


def stored_with_escapes(home: Path) -> None:
    """A filed document whose source name and text carry ESC sequences, CR and newlines."""
    from dossier.models import DossierRef, StoredDocument

    store = open_sqlite(home / "dossier.sqlite3")
    doc = StoredDocument(
        source=ESC_NAME, sha256="e" * 64, pages=[1], doc_type="delivery_checklist", confidence=0.9, guesses=[],
        fields={"vin": VIN, "staff": "王\x1b[5m五"}, status="needs_review", reason="why\x1b[1m\nforged: yes",
        text=ESC_TEXT, dossier=DossierRef(kind="car", key=VIN),
    )
    store.commit_source("e" * 64, ESC_NAME, "x", "pdf", 1, [doc])
    store.close()


def test_nothing_printed_by_any_command_carries_a_control_character(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stored_with_escapes(home)
    for args in (["search", "交车"], ["search", "交车", "--lang", "en"], ["show", VIN], ["report", "review"],
                 ["report", "review", "--csv"], ["report", "missing"], ["report", "missing", "--csv"],
                 ["report", "signatures"], ["status"]):
        proc = dossier(home, *args)
        text = proc.stdout + proc.stderr
        bad = [c for c in text if (ord(c) < 32 and c != "\n") or ord(c) == 0x7F]
        assert bad == [], (args, text)
        assert not any(line.startswith(("forged", "[已归档] fake")) for line in text.splitlines()), (args, text)
    out = dossier(home, "search", "交车").stdout
    assert "\\x1b[2J" in out or "\\x1b" in out  # shown, escaped: a clerk sees that something odd is there
    # JSON stays JSON: the escapes are json.dumps's
    hit = json.loads(dossier(home, "search", "交车", "--json").stdout)[0]
    assert hit["source"] == ESC_NAME


def test_ingest_prints_a_hostile_file_name_on_one_escaped_line(tmp_path: Path) -> None:
    name = tmp_path / "in" / ESC_NAME
    handover(name)
    proc = dossier(tmp_path / "home", "ingest", str(name))
    assert "\x1b" not in proc.stdout and "\\x1b[31m" in proc.stdout
    assert not any(line.startswith("forged") for line in proc.stdout.splitlines())


# --- 8. no CSV cell is a live spreadsheet formula ------------------------------------------------------------
@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-1+1", "'-1+1"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\\tx"), ("\rx", "'\\rx"), ("plain", "plain"), ("沪A12345", "沪A12345"),
    (5, 5), (-1.5, -1.5), (None, ""),
])
def test_csv_cells_are_neutralised(value: object, cell: object) -> None:
    from dossier.text import csv_cell

    assert csv_cell(value) == cell


def test_a_formula_in_a_file_name_is_not_live_in_the_review_csv(tmp_path: Path) -> None:
    import csv
    import io

    (tmp_path / "=HYPERLINK(1).pdf").write_bytes(text_pdf(tmp_path / "x.pdf", ["随便一页", "没有标题"]).read_bytes())
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL")}
    env.update(DOSSIER_HOME=str(tmp_path / "home"), DOSSIER_WORKERS="1", PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    run = [sys.executable, "-m", "dossier.cli"]
    subprocess.run([*run, "ingest", "=HYPERLINK(1).pdf"], cwd=tmp_path, env=env, check=True, capture_output=True)
    out = subprocess.run([*run, "report", "review", "--csv"], cwd=tmp_path, env=env, check=True,
                         capture_output=True, text=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["source"] for r in rows] == ["'=HYPERLINK(1).pdf"]
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


# --- 9. a bad environment or argument is one clear message ------------------------------------------------
@pytest.mark.parametrize("var, value", [("DOSSIER_HOME", "file"), ("DOSSIER_WORKERS", "0"), ("DOSSIER_DPI", "abc"),
                                        ("DOSSIER_PAGE_TIMEOUT", "-1")])
def test_a_bad_environment_is_a_configuration_error(tmp_path: Path, var: str, value: str) -> None:
    (tmp_path / "file").write_text("x")
    home = tmp_path / "home"
    env = {var: str(tmp_path / "file") if value == "file" else value}
    for args in (["status"], ["search", "x"]):
        proc = dossier(home, *args, check=False, **env)  # type: ignore[arg-type]
        no_traceback(proc)
        assert proc.returncode == 7 and "配置错误" in proc.stderr and var in proc.stderr, proc.stderr


@pytest.mark.parametrize("limit", ["99999999999999999999", "-1", "0", "x"])
def test_search_limit_out_of_range_is_a_usage_error(tmp_path: Path, limit: str) -> None:
    proc = dossier(tmp_path / "home", "search", "交车", "--limit", limit, check=False)
    no_traceback(proc)
    assert proc.returncode == 2 and "--limit" in proc.stderr and "1" in proc.stderr and "1000" in proc.stderr


def test_ingest_of_a_path_that_does_not_exist_says_so_and_quarantines_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = dossier(home, "ingest", "--json", str(tmp_path / "nope.pdf"), check=False)
    no_traceback(proc)
    assert proc.returncode == 2 and "路径不存在" in proc.stderr and "does not exist" in proc.stderr
    assert "nope.pdf" in proc.stderr and "quarantined" not in proc.stdout
    assert not (home / "dossier.sqlite3").exists() or records(home) == ({}, {})


# --- 10. the scaled mode: JSON job payloads, a queue that is down -------------------------------------------
def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_jobs_are_serialised_as_json_not_pickle() -> None:
    pytest.importorskip("rq")
    from rq.serializers import JSONSerializer

    from dossier.worker.queue import queue

    settings = Settings(redis_url=f"redis://127.0.0.1:{closed_port()}/0")
    assert queue(settings).serializer is JSONSerializer


@pytest.mark.parametrize("args", [["ingest"], ["ingest", "--no-wait"], ["status"], ["worker", "--burst"]])
def test_a_queue_that_is_down_is_one_clear_line_and_the_scan_is_kept(tmp_path: Path, args: list[str]) -> None:
    pytest.importorskip("rq")
    pdf = handover(tmp_path / "in" / "a.pdf")
    full = [*args, str(pdf)] if args[0] == "ingest" else args
    proc = dossier(tmp_path / "home", *full, check=False, REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0")
    no_traceback(proc)
    assert proc.returncode == 6 and "Redis" in proc.stderr and "无法连接工作队列" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and pdf.exists()


# --- 11. status counts what lies in each quarantine, and shows ignored entries -------------------------------
def test_status_counts_every_file_in_the_quarantines_and_lists_ignored_entries_once(tmp_path: Path) -> None:
    drop, home, outside = tmp_path / "drop", tmp_path / "home", tmp_path / "outside.pdf"
    drop.mkdir()
    outside.write_bytes(b"%PDF-1.4\n")
    (drop / "empty.pdf").write_bytes(b"")
    (drop / "empty copy.pdf").write_bytes(b"")  # the same bytes: one record, two files
    (drop / "link.pdf").symlink_to(outside)  # quarantined, never read: no record
    os.mkfifo(drop / "pipe")
    (drop / "old scans").mkdir()
    dossier(home, "watch", "--once", "--stable", "0.2", str(drop), check=False)
    lying = [p for p in (drop / "quarantine").iterdir() if not p.name.endswith(".reason.txt")]
    assert len(lying) == 3
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 nothing\n")
    dossier(home, "ingest", str(tmp_path / "bad.pdf"))  # quarantined by ingest: a record, no file moved
    status = json.loads(dossier(home, "status", "--json").stdout)
    assert status["quarantined"] == 4, status
    assert status["quarantined_by_folder"] == {str(drop.resolve()): 3}
    assert sorted(status["ignored_by_folder"][str(drop.resolve())]) == ["old scans", "pipe"]
    text = dossier(home, "status").stdout
    assert text.count("pipe") == 1 and text.count("old scans") == 1 and "已隔离 4" in text


# --- 9. a page with nothing on it, or a fault of ours on one page, costs that page only -----------------------
TINY_PDF = b"""%PDF-1.4
1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj
2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj
3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>> endobj
trailer <</Size 4/Root 1 0 R>>
%%EOF
"""


def test_a_pdf_page_one_point_wide_waits_for_review_with_the_reason_and_the_next_file_is_filed(tmp_path: Path) -> None:
    # Found by the API fuzz's upload: OpenCV asserted on the empty seal image and `ingest` died with a traceback.
    drop = tmp_path / "in"
    drop.mkdir()
    (drop / "a_tiny.pdf").write_bytes(TINY_PDF)
    handover(drop / "b_handover.pdf")
    env = {**os.environ, "DOSSIER_HOME": str(tmp_path / "home")}
    for var in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL"):
        env.pop(var, None)
    proc = subprocess.run([sys.executable, "-m", "dossier.cli", "ingest", "--json", str(drop)],
                          capture_output=True, text=True, env=env, timeout=300)
    no_traceback(proc)
    results = {Path(r["source"]).name: r for r in map(json.loads, proc.stdout.splitlines())}
    assert results["b_handover.pdf"]["status"] == "filed"
    tiny = results["a_tiny.pdf"]
    assert tiny["status"] == "needs_review" and "页面尺寸过小" in tiny["reason"] and "too small" in tiny["reason"]


def test_an_unexpected_fault_on_one_page_is_that_pages_reason_and_the_run_goes_on(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = handover(tmp_path / "in" / "first.pdf")
    second = handover(tmp_path / "in" / "second.pdf", make_vin(random.Random(8)))
    calls = iter([ZeroDivisionError("a bug of ours"), None])

    def seals_or_bug(image: object) -> list[object]:
        fault = next(calls)
        if fault:
            raise fault
        return []

    monkeypatch.setattr(tasks, "find_seals", seals_or_bug)
    store = open_sqlite(settings.db_path)
    out = list(Pipeline(settings, store, default_policy()).run([str(first), str(second)], InProcess()))
    assert [r.status for r in out] == ["needs_review", "filed"]
    assert "内部错误" in (out[0].reason or "") and "ZeroDivisionError: a bug of ours" in (out[0].reason or "")
