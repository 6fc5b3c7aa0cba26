"""Faults, injected for real: `kill -9` of the watcher at each point of filing, an OCR engine that
crashes or hangs on one page, a read-only archive and a full disk. Whatever happens, every scan ends
up filed exactly once (or waits in the drop folder until it can be).

The kills and page faults come from tests/faults (loaded by every process of the command through
PYTHONPATH, with DOSSIER_FAULT naming the point; the product has no test branch); the storage faults are real file-system states (an immutable folder, a small
tmpfs filled up), skipped where this machine cannot create them.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.test_watch import Running, delivery, dossier, outcomes, records, scan, sha

KILLED = -signal.SIGKILL


def drop_three(drop: Path) -> list[Path]:
    return [delivery(drop / f"scan{i}.png", 60 + i) for i in range(3)]


def assert_filed_exactly_once(home: Path, drop: Path, originals: dict[str, str]) -> None:
    """Every file out of the drop folder, one source record and one document each, and a second
    `dossier ingest` of each reports `duplicate` and adds nothing."""
    assert sorted(p.name for p in drop.iterdir() if p.is_file()) == []
    processed = drop / "processed"
    assert sorted(p.name for p in processed.iterdir()) == sorted(originals)
    assert {sha(p) for p in processed.iterdir()} == set(originals.values())
    sources, docs = records(home)
    assert sources == {h: "processed" for h in originals.values()}
    assert docs == {h: 1 for h in originals.values()}
    again = [json.loads(x) for x in dossier(home, "ingest", "--json", str(processed)).stdout.splitlines()]
    assert sorted(r["status"] for r in again) == ["duplicate"] * len(originals)
    assert records(home) == (sources, docs)


@pytest.mark.parametrize("point", ["during_ocr", "after_archive", "after_commit"])
def test_kill_9_at_any_point_then_a_restart_files_every_scan_exactly_once(tmp_path: Path, point: str) -> None:
    drop, home = tmp_path / "drop", tmp_path / "home"
    originals = {p.name: sha(p) for p in drop_three(drop)}
    crashed = dossier(home, "watch", "--once", "--stable", "0.2", str(drop), check=False, DOSSIER_FAULT=point)
    assert crashed.returncode == KILLED, crashed.stdout + crashed.stderr
    assert sorted(p.name for p in drop.iterdir() if p.is_file()) == sorted(originals)  # nothing left the folder
    if point == "after_commit":
        assert len(records(home)[0]) == 1  # committed, not yet moved: the dangerous window
    restarted = dossier(home, "watch", "--once", "--json", "--stable", "0.2", str(drop))
    assert sorted(o["file"] for o in outcomes(restarted)) == sorted(originals)
    assert_filed_exactly_once(home, drop, originals)


# --- an OCR engine that crashes or hangs on one page ------------------------------------------------------------
def five_page_tiff(path: Path) -> Path:
    pages = [scan(path.with_suffix(f".p{n}.png"), lines) for n, lines in enumerate([
        ["交车检查表", "车架号：LSVAM4187C2184527", "交车日期：2026年3月6日"],
        ["外观检查 内饰检查", "随车工具 备胎"], ["第三页 灯光 轮胎"], ["第四页 发动机舱"], ["第五页 客户签字："],
    ], 1)]
    images = [Image.open(p).convert("L") for p in pages]
    images[0].save(path, save_all=True, append_images=images[1:], compression="tiff_lzw")
    for p in pages:
        p.unlink()
    return path


@pytest.mark.parametrize(
    "fault, timeout, words",
    [
        pytest.param("crash_page:4", "120", ("崩溃", "crashed"), id="crash"),
        pytest.param("hang_page:4", "4", ("超时", "timed out"), id="hang"),
        # Stuck where the page's own alarm cannot reach (C code): only the pool's backstop ends it.
        pytest.param("stuck_page:4", "5", ("超时", "timed out"), id="stuck", marks=pytest.mark.slow),
    ],
)
def test_a_page_that_crashes_or_hangs_the_engine_sends_its_document_to_review(
    tmp_path: Path, fault: str, timeout: str, words: tuple[str, str],
) -> None:
    drop, home = tmp_path / "drop", tmp_path / "home"
    five_page_tiff(drop / "five.tif")
    delivery(drop / "other.png", 65)
    proc = dossier(home, "watch", "--once", "--json", "--stable", "0.2", str(drop),
                   DOSSIER_FAULT=fault, DOSSIER_PAGE_TIMEOUT=timeout)
    out = {o["file"]: o for o in outcomes(proc)}
    assert len(out) == len(outcomes(proc)) == 2  # one line per file: no errors, no retries
    five = out["five.tif"]
    assert five["outcome"] == "needs_review"
    hit = [d for d in five["documents"] if 4 in d["pages"]]
    assert len(hit) == 1 and hit[0]["status"] == "needs_review"
    assert all(w in hit[0]["reason"] for w in words), hit[0]["reason"]
    assert out["other.png"]["outcome"] == "filed"  # the rest continue
    assert (drop / "processed" / "five.tif").exists()


# --- storage faults -------------------------------------------------------------------------------------------
@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` refuse new entries for real. Root ignores permissions, so as root the folder is
    made immutable (chattr +i); skipped where neither works."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    else:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not supported here (root ignores permissions)")
        undo = ["chattr", "-i", str(folder)]
    try:
        probe = folder / "probe"
        with contextlib.suppress(OSError):
            probe.mkdir()
            probe.rmdir()
            pytest.skip(f"{folder} still accepts writes")
        yield
    finally:
        subprocess.run(undo, check=False)


def test_a_read_only_archive_keeps_the_scan_waiting_and_filing_resumes_by_itself(tmp_path: Path) -> None:
    drop, home = tmp_path / "drop", tmp_path / "home"
    drop.mkdir()
    dossier(home, "status")  # the database exists; the originals folder is what breaks
    w = Running(home, "--interval", "0.5", "--stable", "0.2", str(drop))
    try:
        with read_only(home / "originals"):
            a = delivery(drop / "a.png", 70)
            line = w.wait_for("error", "a.png")
            assert "档案存储不可写" in line and "cannot be written" in line
            assert a.exists() and records(home) == ({}, {})  # nothing lost, nothing half-filed
            w.wait_for("error", "a.png")  # tried again later, still refused
            status = json.loads(dossier(home, "status", "--json").stdout)
            assert status["waiting"] == 1 and "档案存储不可写" in status["last_errors"][0]["reason"]
        w.wait_for("filed", "a.png", timeout=90)  # the fault is gone: it carries on alone
    finally:
        assert w.stop() == 0
    assert (drop / "processed" / "a.png").exists() and len(records(home)[0]) == 1


@contextlib.contextmanager
def small_disk(where: Path, size: str = "24m") -> Iterator[Path]:
    """A real, small file system (tmpfs); skipped where this machine does not allow mounting."""
    where.mkdir(parents=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (not root, or no CAP_SYS_ADMIN)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    filler = disk / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * (1 << 20))
                f.flush()
        except OSError as e:
            assert e.errno == errno.ENOSPC
    with contextlib.suppress(OSError), open(disk / "filler2", "wb") as f:  # the last pages too
        while True:
            f.write(b"\0" * 4096)
            f.flush()
    return filler


def test_a_full_disk_keeps_the_scan_waiting_and_filing_resumes_once_space_is_freed(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    with small_disk(tmp_path / "disk") as home:
        w = Running(home, "--interval", "0.5", "--stable", "0.2", str(drop))
        try:
            delivery(drop / "first.png", 71)
            w.wait_for("filed", "first.png")
            filler = fill(home)
            b = delivery(drop / "b.png", 72)
            line = w.wait_for("error", "b.png")
            assert ("磁盘已满" in line or "No space" in line or "full" in line), line
            assert b.exists() and len(records(home)[0]) == 1
            w.wait_for("error", "b.png")  # tried again later, still no space
            filler.unlink()
            (home / "filler2").unlink(missing_ok=True)
            w.wait_for("filed", "b.png", timeout=90)
        finally:
            assert w.stop() == 0
        sources, docs = records(home)
        assert len(sources) == 2 and set(docs.values()) == {1}
    assert sorted(p.name for p in (drop / "processed").iterdir()) == ["b.png", "first.png"]
