"""The shipped tuning files (dossier/policies/tuning/*.yaml): each validates against its stage's model, each
model's file is shipped, and a value set in the environment reaches the check at use time."""

from __future__ import annotations

import random

import numpy as np
import pytest
import yaml
from PIL import Image, ImageDraw

from dossier import tuning as tuning_mod
from dossier.classify.seal_tuning import SealTuning
from dossier.classify.signature import check_signatures
from dossier.classify.signature_tuning import SignatureTuning
from dossier.models import Word
from dossier.tuning import TUNING_DIR, Thresholds, tuning
from tests.test_seal_signature import CUSTOMER, PAGE_W, font, multiply, scribble

MODELS: dict[str, type[Thresholds]] = {"signature": SignatureTuning, "seal": SealTuning}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOSSIER_TUNING", raising=False)
    monkeypatch.delenv("DOSSIER_TUNE", raising=False)
    tuning_mod._tuning.cache_clear()


def test_every_shipped_file_has_a_model_and_validates() -> None:
    shipped = {p.stem for p in TUNING_DIR.glob("*.yaml")}
    assert set(MODELS) <= shipped, "a stage's tuning file is not shipped"
    for name in shipped & set(MODELS):
        data = yaml.safe_load((TUNING_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        # Every field set in the file itself, not left to a default the file does not show.
        assert set(data) == set(MODELS[name].model_fields), name
        MODELS[name].model_validate(data)
        assert tuning(name, MODELS[name]) == MODELS[name].model_validate(data)


def test_a_tuned_value_in_the_environment_reaches_the_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short scrawl reads signed as shipped; asked for more ink than it has (DOSSIER_TUNE, set after the
    modules were imported), the same field is no longer called signed."""
    page = Image.new("RGB", (PAGE_W, 300), "white")
    ImageDraw.Draw(page).text((120, 100), "客户签字：", font=font(36), fill="black")
    multiply(page, scribble(random.Random(3), 180, 60, (20, 30, 160)), (330, 85))
    words = [Word(text="客户签字：", box=(120, 100, 300, 145), conf=0.95)]
    (field,) = check_signatures(np.asarray(page), words, [CUSTOMER])
    assert field.status == "signed"
    monkeypatch.setenv("DOSSIER_TUNE", "signature.signed_length=60")
    (field,) = check_signatures(np.asarray(page), words, [CUSTOMER])
    assert field.status != "signed"
