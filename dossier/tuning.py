"""Tuned thresholds kept as data: `dossier/policies/tuning/NAME.yaml`, one file per reading stage.

Each stage declares a pydantic model of its thresholds (field names = the YAML keys, `extra="forbid"`, so a
misspelt key is an error, not a silent default) and reads it with `tuning(NAME, Model)` at use time. A site
or `dossier eval --tune` changes them without code: `DOSSIER_TUNING` names YAML files (path-separated) of
`{NAME: {key: value}}` sections, and `DOSSIER_TUNE` holds `NAME.key=value` pairs (comma-separated), both
laid over the shipped file in that order. Worker processes inherit both from the environment.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict

from dossier.errors import ConfigError
from dossier.messages import text
from dossier.policy import POLICY_DIR

TUNING_DIR = POLICY_DIR / "tuning"
T = TypeVar("T", bound=BaseModel)


class Thresholds(BaseModel):
    """Base of a stage's tuning model: unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ConfigError(f"{text('tuning.unreadable')}: {path}: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{text('tuning.not_a_mapping')}: {path}")
    return data


def _pairs(spec: str) -> dict[str, dict[str, Any]]:
    """`signature.reach=20,seal.text_ratio=2.4` → {"signature": {"reach": 20}, "seal": {"text_ratio": 2.4}}."""
    out: dict[str, dict[str, Any]] = {}
    for item in filter(None, (s.strip() for s in spec.split(","))):
        name, sep, value = item.partition("=")
        stage, dot, key = name.strip().partition(".")
        if not (sep and dot and stage and key):
            raise ConfigError(text("tuning.bad_item", item=repr(item)))
        out.setdefault(stage, {})[key.strip()] = yaml.safe_load(value)
    return out


def check_stages(spec: str) -> None:
    """`NAME.key=value` pairs well formed, each NAME a stage with a shipped tuning file (the keys and values
    are checked by the stage's model when it reads them)."""
    unknown = sorted(name for name in _pairs(spec) if not (TUNING_DIR / f"{name}.yaml").is_file())
    if unknown:
        known = ", ".join(sorted(p.stem for p in TUNING_DIR.glob("*.yaml")))
        raise ConfigError(text("tuning.unknown_stage", stages=", ".join(unknown), known=known))


def tuning(name: str, model: type[T]) -> T:
    """The thresholds of stage NAME: the shipped file with the environment's layers over it."""
    return _tuning(name, model, os.environ.get("DOSSIER_TUNING", ""), os.environ.get("DOSSIER_TUNE", ""))


@lru_cache(maxsize=64)
def _tuning(name: str, model: type[T], files: str, pairs: str) -> T:
    data = _yaml(TUNING_DIR / f"{name}.yaml")
    for f in filter(None, files.split(os.pathsep)):
        data |= _yaml(Path(f)).get(name) or {}
    data |= _pairs(pairs).get(name, {})
    try:
        return model.model_validate(data)
    except ValueError as e:
        raise ConfigError(f"{text('tuning.invalid', name=name)}: {e}") from e
