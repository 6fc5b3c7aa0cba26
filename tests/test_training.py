"""What the document-type model learns from: families a, b, d and e, never the held-out family c (nor a later one)."""

from __future__ import annotations

import pytest

from dossier.classify.textmodel import NONE
from dossier.policy import Policy
from dossier.training import FAMILIES, examples, sample_family_documents


def test_family_d_is_read_back_as_typed_text(policy: Policy) -> None:
    docs = sample_family_documents("d", 101, 3)
    assert docs
    assert {code for code, _, _ in docs} <= {*policy.doc_types, NONE}
    typed = [(code, title, text) for code, title, text in docs if code != NONE]
    assert typed and all(text.strip() for _, _, text in typed)
    # The title is the form's own line, so training can also learn the form without it.
    assert any(title and title in text for _, title, text in typed)


@pytest.mark.parametrize("family", ["c", "f"])
def test_the_held_out_families_are_never_learnt_from(policy: Policy, family: str) -> None:
    assert family not in FAMILIES
    with pytest.raises(ValueError, match=family):
        examples([101], 1, policy, f"a,{family}")
