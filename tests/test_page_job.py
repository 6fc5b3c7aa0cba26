"""The main process hands pages to the workers without loading the OCR stack itself: with two workers
the process tree holds that stack twice, not three times (bench/memory.py sums the tree)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

HEAVY = ("numpy", "cv2", "onnxruntime", "rapidocr_onnxruntime", "pypdf")


def test_ingesting_keeps_the_ocr_stack_out_of_the_main_process(tmp_path: Path) -> None:
    # A real ingest of a two-page PDF and an image, in a fresh interpreter: pages are counted, hashed,
    # archived, read by the worker and filed, and the main process never imported the heavy modules.
    code = (
        "import json, sys\n"
        "from dossier.cli import main\n"
        f"rc = main(['ingest', '--json', {str(ROOT / 'samples' / 'scans' / 'unit_application.png')!r},"
        f" {str(ROOT / 'tests' / 'data' / 'unit_1_letters.pdf')!r}])\n"
        f"print(json.dumps({{'rc': rc, 'loaded': [m for m in {HEAVY!r} if m in sys.modules]}}))\n"
    )
    env = {"DOSSIER_HOME": str(tmp_path / "home"), "DOSSIER_WORKERS": "1", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600, check=True).stdout
    last = json.loads(out.strip().splitlines()[-1])
    filed = [json.loads(line) for line in out.strip().splitlines()[:-1] if line.startswith("{")]
    assert last["rc"] == 0 and filed and all(d["status"] in ("filed", "needs_review") for d in filed)
    assert last["loaded"] == []


def test_the_pools_workers_do_not_import_the_commands_main_module(tmp_path: Path) -> None:
    # A spawned process imports its parent's main module before anything else: for the `dossier` command,
    # ~0.4 s of imports in every worker before its first page. The pool's functions need none of it.
    marker = tmp_path / "imported-by"
    script = tmp_path / "command.py"
    script.write_text(
        "if __name__ != '__main__':\n"
        f"    open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
        "else:\n"
        "    from worker.local import PagePool\n"
        "    with PagePool(2, 60.0) as pool:\n"
        "        pass\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, timeout=120, check=True)
    assert not marker.exists(), marker.read_text()
