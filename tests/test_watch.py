"""Drop folders as a clerk sees them: per-folder presets, bad input quarantined with a reason and the
watcher carrying on, a scan taken only once written, two watchers on one folder, `dossier status`.

The real command in a subprocess, real OCR and SQLite; the scans are small generated pages, so each
run costs seconds. Crashes and storage faults are in test_faults.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier.classify.keys import make_vin
from dossier.ingest.claims import claim
from dossier.ingest.folders import FolderSettings, name_problem, printable
from dossier.policy import default_policy
from dossier.presets import Presets
from tests.conftest import ROOT

BAD = ROOT / "tests" / "corpus" / "bad"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"


# --- helpers shared with test_faults.py ------------------------------------------------------------------
def env_for(home: Path, **extra: str) -> dict[str, str]:
    # The embedded default: the scaled services' settings (exported in CI) are left out.
    drop = {"DOSSIER_FAULT", "REDIS_URL", "DATABASE_URL", "OPENSEARCH_URL"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update({"DOSSIER_HOME": str(home), "DOSSIER_TODAY": "2026-11-28", "DOSSIER_WORKERS": "2", **extra})
    if "DOSSIER_FAULT" in extra:
        env.update(fault_env(extra["DOSSIER_FAULT"]))
    return env


FAULTS = Path(__file__).resolve().parent / "faults"


def fault_env(spec: str) -> dict[str, str]:
    """The environment that makes every process of a `dossier` command load tests/faults (see there)."""
    path = os.pathsep.join(p for p in (str(FAULTS), os.environ.get("PYTHONPATH", "")) if p)
    return {"DOSSIER_FAULT": spec, "PYTHONPATH": path}


def dossier(home: Path, *args: str, check: bool = True, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "dossier.cli", *args], capture_output=True, text=True, env=env_for(home, **env),
        timeout=timeout, cwd=ROOT,
    )
    if check:
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


class Running:
    """`dossier watch` running in the background; its output lines are collected as they come."""

    def __init__(self, home: Path, *args: str, **env: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dossier.cli", "watch", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env_for(home, **env), cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.stderr: list[str] = []
        assert self.proc.stdout and self.proc.stderr
        threading.Thread(target=self._pump, args=(self.proc.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.proc.stderr,), daemon=True).start()

    @staticmethod
    def _pump(stream, q: queue.Queue[str]) -> None:
        for line in stream:
            q.put(line.rstrip("\n"))

    def _drain(self, stream) -> None:
        for line in stream:
            self.stderr.append(line)

    def wait_for(self, *parts: str, timeout: float = 60) -> str:
        """The next output line that contains every one of `parts`."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, f"watcher exited {self.proc.returncode}: {''.join(self.stderr)}"
                continue
            self.seen.append(line)
            if all(p in line for p in parts):
                return line
        raise AssertionError(f"no line with {parts} in {timeout} s; got {self.seen}; stderr {''.join(self.stderr)}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=60)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


def scan(path: Path, lines: list[str], size: tuple[int, int] = (1000, 520)) -> Path:
    """A small clean page: big title, then lines of text — quick to read."""
    im = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(im)
    y = 40
    for i, text in enumerate(lines):
        d.text((60, y), text, fill="black", font=ImageFont.truetype(FONT, 44 if i == 0 else 30))
        y += 70
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


def delivery(path: Path, seed: int) -> Path:
    vin = make_vin(random.Random(seed))
    return scan(path, ["交车检查表", f"车架号：{vin}", f"交车日期：2026年3月{seed % 27 + 1}日", "客户签字：", "销售顾问签字："])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def records(home: Path) -> tuple[dict[str, str], dict[str, int]]:
    """(source sha -> status, source sha -> number of documents) straight from the database."""
    con = sqlite3.connect(home / "dossier.sqlite3")
    try:
        sources = dict(con.execute("SELECT sha256, status FROM sources").fetchall())
        docs = dict(con.execute("SELECT sha256, COUNT(*) FROM documents GROUP BY sha256").fetchall())
    finally:
        con.close()
    return sources, docs


def outcomes(proc: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(x) for x in proc.stdout.splitlines() if x.startswith("{")]


def left_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.is_dir() or p.is_symlink())


# --- presets ------------------------------------------------------------------------------------------------
def test_presets_fill_only_what_a_document_lacks() -> None:
    policy = default_policy()
    p = FolderSettings(kind="car", job_type="小修", staff="王五").checked(policy).presets()
    assert p == Presets(kind="car", fields={"job_type": "minor_repair", "staff": "王五"})
    assert p.fill({"vin": "X"}, "car", policy) == {"vin": "X", "job_type": "minor_repair", "staff": "王五"}
    read = {"job_type": "maintenance", "staff": "李四"}
    assert p.fill(read, "car", policy) == read  # what was read wins
    assert p.fill({"unit": "A座1203"}, "unit", policy) == {"unit": "A座1203"}  # another kind's document
    assert p.fill({}, None, policy)["staff"] == "王五"


def test_folder_settings_preset_the_dossier_kind_job_type_and_staff(tmp_path: Path) -> None:
    drop, home = tmp_path / "workshop", tmp_path / "home"
    vin_a, vin_b = make_vin(random.Random(21)), make_vin(random.Random(22))
    scan(drop / "a.png", ["任务委托书", f"车架号：{vin_a}", "维修类型：保养", "工单号：WO20260301001"])
    scan(drop / "b.png", ["任务委托书", f"车架号：{vin_b}", "工单号：WO20260301002"])
    (drop / ".dossier-folder.yaml").write_text("kind: car\njob_type: 小修\nstaff: 王五\n", encoding="utf-8")
    # A settings file for several folders; the folder's own file wins where both say something.
    config = tmp_path / "folders.yaml"
    config.write_text("folders:\n  workshop: {staff: 赵六, after: delete}\n", encoding="utf-8")
    proc = dossier(home, "watch", "--once", "--json", "--stable", "0.2", "--config", str(config), str(drop))
    out = {o["file"]: o for o in outcomes(proc)}
    a, b = out["a.png"]["documents"][0], out["b.png"]["documents"][0]
    assert a["fields"]["job_type"] == "maintenance"  # read on the page: the preset does not override it
    assert b["fields"]["job_type"] == "minor_repair"  # the folder's preset fills the gap
    assert a["fields"]["staff"] == b["fields"]["staff"] == "王五"
    assert a["status"] == b["status"] == "filed" and a["dossier"]["kind"] == "car"
    # after: delete — filed, then removed from the drop folder (the original is in the archive).
    assert left_in(drop) == [".dossier-folder.yaml"] and not (drop / "processed").exists()
    assert sorted(records(home)[1].values()) == [1, 1]
    # A mistake in the settings is reported before anything is taken.
    bad = tmp_path / "bad"
    delivery(bad / "x.png", 1)
    (bad / ".dossier-folder.yaml").write_text("kind: boat\n", encoding="utf-8")
    proc = dossier(home, "watch", "--once", str(bad), check=False)
    assert proc.returncode == 7 and "boat" in proc.stderr and "未知档案类型" in proc.stderr
    assert (bad / "x.png").exists()


# --- bad input ----------------------------------------------------------------------------------------------
def unsafe_text(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x202A <= ord(c) <= 0x202E or 0xD800 <= ord(c) <= 0xDFFF]


def test_every_bad_file_is_quarantined_with_a_reason_and_the_watcher_carries_on(tmp_path: Path) -> None:
    drop, home = tmp_path / "drop", tmp_path / "home"
    drop.mkdir()
    for p in BAD.iterdir():
        shutil.copy(p, drop / p.name)
    weird = {
        "合同" * 41 + ".pdf": (BAD / "truncated.pdf").read_bytes(),  # 250 bytes: no room for .reason.txt
        "scan..\\..\\Windows\\system.ini.pdf": b"%PDF-1.4\n",
        "%2e%2e%2fetc%2fpasswd.pdf": b"%PDF-1.4\n",
        "报告\n第二行.pdf": (BAD / "empty.pdf").read_bytes(),
        "invoice\u202efdp.exe": (BAD / "program.pdf").read_bytes(),
    }
    for name, data in weird.items():
        (drop / name).write_bytes(data)
    raw_name = os.fsencode(drop) + b"/\xd5\xc5\xc8\xfd-gbk.pdf"  # "张三" in GBK, from a misconfigured share
    with open(raw_name, "wb") as f:
        f.write(b"%PDF-1.4 gbk\n")
    outside = delivery(tmp_path / "elsewhere" / "secret.png", 3)  # a good scan: following the link would file it
    (drop / "link.png").symlink_to(outside)
    expected = {sha(p) for p in drop.iterdir() if not p.is_symlink()}
    for name in ("scan.pdf.part", "~$合同.docx", ".hidden.pdf"):  # still being written / not scans
        (drop / name).write_bytes(b"%PDF-1.4 partial")

    proc = dossier(home, "watch", "--once", "--json", "--stable", "0.2", str(drop))
    out = outcomes(proc)
    assert unsafe_text(proc.stdout) == []
    by_outcome: dict[str, int] = {}
    for o in out:
        by_outcome[o["outcome"]] = by_outcome.get(o["outcome"], 0) + 1
    n_bad = len(list(BAD.iterdir())) - 1 + len(weird) + 2  # png_named.pdf is a real PNG; + GBK name + link
    assert by_outcome == {"quarantined": n_bad, "needs_review": 1}, by_outcome
    assert left_in(drop) == sorted(["scan.pdf.part", "~$合同.docx", ".hidden.pdf"])

    q = drop / "quarantine"
    kept = [p for p in q.iterdir() if not p.name.endswith(".reason.txt")]
    assert len(kept) == n_bad
    for p in kept:
        reason = p.with_name(p.name + ".reason.txt").read_text(encoding="utf-8")
        assert "原因" in reason and "reason:" in reason and unsafe_text(reason) == [], p.name
        assert any("\u4e00" <= c <= "\u9fff" for c in reason.split("reason:")[1]), reason  # Chinese first …
        assert " / " in reason  # … then English
        assert len(os.fsencode(p.name + ".reason.txt")) <= 255
    # Every byte kept: what went in is exactly what is in quarantine/ and processed/.
    moved = {sha(p) for p in [*kept, *(drop / "processed").iterdir()] if not p.is_symlink()}
    assert moved == expected
    link = q / "link.png"
    assert link.is_symlink() and os.readlink(link) == str(outside) and outside.exists()
    assert "链接" in (q / "link.png.reason.txt").read_text(encoding="utf-8")
    sources, _ = records(home)
    assert sha(outside) not in sources  # never followed out of the folder
    reasons = {o["file"]: o["reason"] for o in out}
    assert "UTF-8" in reasons["\\xd5\\xc5\\xc8\\xfd-gbk.pdf"]
    assert "路径" in reasons["scan..\\..\\Windows\\system.ini.pdf"]
    assert "路径" in reasons["%2e%2e%2fetc%2fpasswd.pdf"]
    assert "控制字符" in reasons["报告\\n第二行.pdf"] and "控制字符" in reasons["invoice\\u202efdp.exe"]
    assert "损坏" in reasons["合同" * 41 + ".pdf"]
    assert "加密" in reasons["encrypted.pdf"] or "密码" in reasons["encrypted.pdf"]
    assert "过大" in reasons["bomb.png"]

    # `dossier status` sees it all; waiting counts files not yet taken in the folders asked about.
    other = tmp_path / "other"
    delivery(other / "w1.png", 5)
    delivery(other / "w2.png", 6)
    status = json.loads(dossier(home, "status", "--json", "--folders", str(drop), str(other)).stdout)
    # What lies in quarantine/, each file once: links and files of the same bytes too (one record or none).
    assert status["quarantined"] == len(kept) == status["quarantined_by_folder"][str(drop)] and status["needs_review"] == 1
    assert status["waiting"] == 2 and status["waiting_by_folder"][str(other)] == 2
    assert status["last_errors"] and all(unsafe_text(e["file"] + e["reason"]) == [] for e in status["last_errors"])
    text = dossier(home, "status").stdout
    assert "已隔离" in text and "最近的错误" in text and unsafe_text(text) == []


def test_unsafe_names_are_recognised_and_printed_safely() -> None:
    for name in ["scan.pdf", "交车检查表 2026-03-06.pdf", "IMG_0001.TIF", "a..b.pdf", "100%.pdf"]:
        assert name_problem(name) is None, name
    for name in ["..\\x.pdf", "C:\\x.pdf", "%2e%2e%2fx", "a\x1b[31m.pdf", "x\u202efdp.exe", "bad\udcff.pdf"]:
        assert name_problem(name), name
    assert printable("bad\udcff\n\x1b.pdf") == "bad\\xff\\n\\x1b.pdf"
    assert len(printable("长" * 300, 80)) == 80


# --- taking files -------------------------------------------------------------------------------------------
def test_a_claimed_file_is_not_claimed_again_and_a_claim_dies_with_its_holder(tmp_path: Path) -> None:
    f = tmp_path / "a.pdf"
    f.write_bytes(b"x")
    first = claim(f)
    assert first is not None and claim(f) is None
    first.release()
    again = claim(f)
    assert again is not None
    again.release()
    # A holder killed with SIGKILL leaves no claim behind.
    code = f"from ingest.claims import claim; from pathlib import Path; import os, time; c = claim(Path({str(f)!r})); print(c is not None, flush=True); time.sleep(60)"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout and proc.stdout.readline().strip() == "True"
    assert claim(f) is None
    proc.kill()
    proc.wait()
    held = claim(f)
    assert held is not None
    held.release()
    f.unlink()
    assert claim(f) is None  # gone: nothing to claim


def test_two_watchers_on_one_folder_file_each_scan_once(tmp_path: Path) -> None:
    drop, home = tmp_path / "drop", tmp_path / "home"
    names = [delivery(drop / f"scan{i}.png", 40 + i).name for i in range(4)]
    dossier(home, "status")  # create the database first, as a running installation has it
    cmd = [sys.executable, "-m", "dossier.cli", "watch", "--once", "--json", "--stable", "0.3", str(drop)]
    env = env_for(home, DOSSIER_WORKERS="1")
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    taken = [json.loads(x) for out, _ in results for x in out.splitlines() if x.startswith("{")]
    assert sorted(o["file"] for o in taken) == sorted(names)  # each file reported once, by one watcher
    assert {o["outcome"] for o in taken} == {"filed"}
    assert sorted(p.name for p in (drop / "processed").iterdir()) == sorted(names)
    sources, docs = records(home)
    assert len(sources) == 4 and set(docs.values()) == {1}


def started(home: Path, folder: Path | None = None) -> None:
    """Wait until a watcher has recorded its folders (it is about to make its first pass), and a bit."""
    end = time.monotonic() + 60
    while time.monotonic() < end:
        state = home / "watch.json"
        if state.exists() and (folder is None or str(folder.resolve()) in state.read_text(encoding="utf-8")):
            break
        time.sleep(0.1)
    time.sleep(1.0)


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[tuple[Path, Path, list[Running]]]:
    drop, home = tmp_path / "drop", tmp_path / "home"
    drop.mkdir()
    running: list[Running] = []
    yield drop, home, running
    for r in running:
        r.stop()


def test_events_wake_the_watcher_and_polling_rescans_shares_without_events(
    watcher: tuple[Path, Path, list[Running]], tmp_path: Path,
) -> None:
    drop, home, running = watcher
    # Events: the rescan interval is an hour, so only an event can bring the file in quickly.
    events = Running(home, "--interval", "3600", "--stable", "0.5", str(drop))
    running.append(events)
    started(home)
    delivery(drop / "evented.png", 8)
    events.wait_for("filed", "evented.png", timeout=60)
    events.stop()
    # Polling (SMB/NFS send no events): the rescan finds it.
    share = tmp_path / "share"
    polled = Running(home, "--poll", "--interval", "1", "--stable", "0.5", str(share))
    running.append(polled)
    started(home, share)
    delivery(share / "polled.png", 9)
    polled.wait_for("filed", "polled.png", timeout=60)
    assert (share / "processed" / "polled.png").exists()


def slow_writer(path: Path, data: bytes, seconds: float, done: threading.Event) -> None:
    """A scanner writing over the network: a chunk, a pause, a chunk … for `seconds` in all."""
    chunks = max(2, int(seconds / 1.0))
    step = -(-len(data) // chunks)
    with open(path, "wb") as f:
        for i in range(0, len(data), step):
            f.write(data[i : i + step])
            f.flush()
            time.sleep(seconds / chunks)
    done.set()


@pytest.mark.slow
def test_a_scan_written_over_a_minute_is_not_taken_until_complete(
    watcher: tuple[Path, Path, list[Running]], tmp_path: Path,
) -> None:
    drop, home, running = watcher
    full = delivery(tmp_path / "full.png", 10).read_bytes()
    w = Running(home, "--interval", "1", "--stable", "2.5", str(drop))
    running.append(w)
    started(home)
    seconds = 60.0
    done = threading.Event()
    threading.Thread(target=slow_writer, args=(drop / "slow.png", full, seconds, done), daemon=True).start()
    while not done.is_set():
        assert not (drop / "processed").exists() and not (drop / "quarantine").exists()
        assert w.lines.empty(), w.lines.get()
        time.sleep(0.5)
    w.wait_for("filed", "slow.png", timeout=60)
    assert (drop / "processed" / "slow.png").read_bytes() == full
    sources, _ = records(home)
    assert list(sources) == [hashlib.sha256(full).hexdigest()]
