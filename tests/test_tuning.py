"""Thresholds as data: the shipped file, a site's file and `NAME.key=value` pairs, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier import tuning as tuning_mod
from dossier.errors import ConfigError
from dossier.tuning import Thresholds, tuning


class Demo(Thresholds):
    reach: float
    band: float = 0.9


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tuning_mod, "TUNING_DIR", tmp_path)
    monkeypatch.delenv("DOSSIER_TUNING", raising=False)
    monkeypatch.delenv("DOSSIER_TUNE", raising=False)
    (tmp_path / "demo.yaml").write_text("reach: 24\n", encoding="utf-8")
    tuning_mod._tuning.cache_clear()
    return tmp_path


def test_shipped_values_and_defaults(shipped: Path) -> None:
    t = tuning("demo", Demo)
    assert (t.reach, t.band) == (24.0, 0.9)


def test_site_file_then_pairs_override(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = shipped / "site.yaml"
    site.write_text("demo: {reach: 20, band: 1.2}\nother: {x: 1}\n", encoding="utf-8")
    monkeypatch.setenv("DOSSIER_TUNING", str(site))
    assert (tuning("demo", Demo).reach, tuning("demo", Demo).band) == (20.0, 1.2)
    monkeypatch.setenv("DOSSIER_TUNE", "demo.reach=18.5")
    assert (tuning("demo", Demo).reach, tuning("demo", Demo).band) == (18.5, 1.2)


@pytest.mark.parametrize("pairs, words", [("demo.reech=3", "reech"), ("demo.reach=far", "reach"), ("reach=3", "STAGE.key")])
def test_a_wrong_key_or_value_is_a_configuration_error(shipped: Path, monkeypatch: pytest.MonkeyPatch,
                                                       pairs: str, words: str) -> None:
    monkeypatch.setenv("DOSSIER_TUNE", pairs)
    with pytest.raises(ConfigError, match=words):
        tuning("demo", Demo)

