"""The file-stability tracker on its own: a file is taken only once it stops changing."""

from __future__ import annotations

from pathlib import Path

from dossier.ingest.stability import StabilityTracker, is_temporary


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_growing_file_is_not_taken_until_it_stops_changing(tmp_path: Path) -> None:
    clock = Clock()
    tracker = StabilityTracker(3.0, clock)
    f = tmp_path / "scan.pdf"
    f.write_bytes(b"%PDF-1.4\n")
    assert not tracker.observe(f)
    for _ in range(5):  # the scanner keeps appending every 2 s
        clock.now += 2
        with open(f, "ab") as out:
            out.write(b"x" * 100)
        assert not tracker.observe(f)
    clock.now += 2
    assert not tracker.observe(f)  # unchanged for 2 s only
    clock.now += 1.5
    assert tracker.observe(f)


def test_a_rewrite_with_the_same_size_resets_the_clock(tmp_path: Path) -> None:
    import os

    clock = Clock()
    tracker = StabilityTracker(3.0, clock)
    f = tmp_path / "a.jpg"
    f.write_bytes(b"1" * 10)
    tracker.observe(f)
    clock.now += 2
    f.write_bytes(b"2" * 10)
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert not tracker.observe(f)
    clock.now += 2
    assert not tracker.observe(f)
    clock.now += 1.1
    assert tracker.observe(f)


def test_a_vanished_file_is_forgotten(tmp_path: Path) -> None:
    tracker = StabilityTracker(0.0, Clock())
    f = tmp_path / "x.png"
    f.write_bytes(b"1")
    tracker.observe(f)
    f.unlink()
    assert not tracker.observe(f)
    assert tracker.tracked() == []


def test_temporary_names_are_never_taken() -> None:
    for name in ["scan.pdf.part", "x.tmp", "~$contract.docx", ".hidden.pdf", "a.crdownload"]:
        assert is_temporary(name), name
    for name in ["scan.pdf", "交车检查表.jpg", "IMG_0001.TIF"]:
        assert not is_temporary(name), name
