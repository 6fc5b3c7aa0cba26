"""Signed fields that were called blank or uncertain: real handwritten names (samples/real) on family b
forms, as `dossier samples --family b` drew them (seed 20261206), cut to the strip of the page holding
the signing line, with RapidOCR's words of that strip (tests/corpus/signatures).

Each failed before for a reason of structure, not of vocabulary: a tall stroke taken for a table's
ruling, bold dense characters taken for smudges, a character's strokes taken for a copied seal's star,
a name written under its label rather than beside it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dossier.classify.seal import find_seals
from dossier.classify.signature import find_signature_fields
from dossier.models import SignatureField, Word
from dossier.worker.tasks import page_signature_rules

HERE = Path(__file__).parent / "corpus" / "signatures"


def _fields(name: str) -> dict[str, SignatureField]:
    image = np.asarray(Image.open(HERE / f"{name}.png").convert("RGB"))
    words = [Word.model_validate(w) for w in json.loads((HERE / f"{name}.words.json").read_text(encoding="utf-8"))]
    fields = find_signature_fields(image, words, page_signature_rules(), seals=find_seals(image))
    return {f.label: f for f in fields}


@pytest.mark.parametrize(
    ("name", "label", "why"),
    [
        # 陈静: the 阝's stroke fills the label's band in one column, but ends in blank paper; a ruling
        # would run on or meet a row's border.
        ("tall_stroke_beside_label", "托修方（签收）", "a stroke is no ruling"),
        # 郭鑫 in a bold pen: each character fills half its box, as a smudge does, yet is a pen's width thick.
        ("bold_dense_name", "接待员签收", "dense strokes are no smudge"),
        # 赵雪 on a grey copy: 雪's thick strokes reach out five ways, in broad uneven fans, not a star's
        # five narrow points 72 degrees apart.
        ("name_like_a_star_grey_copy", "客户签字", "a character is no seal's star"),
        # 郭鑫 written under 申请人(签收): only its top reaches the space beside the label.
        ("name_under_its_label", "申请人签字", "the space under the label is looked at"),
    ],
)
def test_a_real_signature_is_called_signed(name: str, label: str, why: str) -> None:
    field = _fields(name)[label]
    assert field.status == "signed", (why, field)


def test_the_blank_field_beside_a_signed_one_stays_blank() -> None:
    """The staff field next to the name written under its label: looking under a label must not find the
    neighbour's ink."""
    assert _fields("name_under_its_label")["客服专员确认"].status == "blank"
