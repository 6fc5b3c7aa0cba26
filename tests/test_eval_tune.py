"""`dossier eval --tune` and `--sweep`: a tuned value reaches the stage that reads it, in every process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.errors import ConfigError
from dossier.evaluate import sweep_items, with_tune
from dossier.tuning import check_stages

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


def test_a_sweep_is_one_tune_item_per_value_laid_over_the_base() -> None:
    assert sweep_items("fields.name_max_chars=2, 4,6") == [
        "fields.name_max_chars=2", "fields.name_max_chars=4", "fields.name_max_chars=6"]
    assert with_tune("fields.name_max_chars=3", "fields.name_max_chars=2") == "fields.name_max_chars=3,fields.name_max_chars=2"
    assert with_tune("", " ") == ""
    for bad in ("fields.name_max_chars", "name_max_chars=2,3", "fields.name_max_chars="):
        with pytest.raises(ConfigError, match="STAGE.key"):
            sweep_items(bad)


def test_a_misspelt_stage_is_refused_before_anything_runs() -> None:
    check_stages("fields.name_max_chars=3")
    with pytest.raises(ConfigError, match="feilds"):
        check_stages("feilds.name_max_chars=3")


def test_a_swept_field_threshold_changes_what_eval_reads(tmp_path: Path) -> None:
    """A move-in form (real OCR, read once into the cache): its contact 韩丽家 is read with names of up to 4
    characters and not with names of at most 2; the sweep prints one line per value, in worker processes too."""
    data = tmp_path / "set"
    data.mkdir()
    for f in DATA.glob("unit_1_move_in.*"):
        shutil.copy(f, data / f.name)
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "OPENSEARCH_URL", "REDIS_URL", "DOSSIER_TUNE")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "dossier.cli", "eval", str(data), "--workers", "1",
                               "--ocr-cache", str(tmp_path / "cache"), *args],
                              capture_output=True, text=True, timeout=900, env=env, cwd=ROOT)

    swept = run("--json", "--sweep", "fields.name_max_chars=2,4")
    assert swept.returncode == 0, swept.stderr
    runs = [json.loads(line) for line in swept.stdout.splitlines()]
    assert [r["tune"] for r in runs] == ["fields.name_max_chars=2", "fields.name_max_chars=4"]
    contact = [r["report"]["fields"]["contact"] for r in runs]
    assert (contact[0]["count"], contact[1]["count"]) == (0, 1)

    lines = run("--lang", "en", "--tune", "fields.name_max_chars=2", "--sweep", "fields.company_min_chars=4,99")
    assert lines.returncode == 0, lines.stderr
    out = lines.stdout.splitlines()
    assert [ln.split()[0] for ln in out] == ["fields.name_max_chars=2,fields.company_min_chars=4",
                                             "fields.name_max_chars=2,fields.company_min_chars=99"]
    figures = [ln.split("fields ")[1].split()[1] for ln in out]  # right/total of every field
    assert int(figures[0].split("/")[0]) == int(figures[1].split("/")[0]) + 1  # the company, no longer read

    wrong = run("--tune", "fields.name_max_chars=many")
    assert wrong.returncode == 7 and "name_max_chars" in wrong.stderr
