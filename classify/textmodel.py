"""A document-type model learned from text, beside the title rules (classify/doctype.py).

Character n-grams (1–3) of each line, so no word segmenter is needed and a character OCR misread
spoils only the n-grams it is in. A softmax regression over which n-grams a document holds
(binary: a word repeated in a table says no more than once), its scores temperature-scaled so that the
probabilities it states are the share it gets right on held-out generated documents.

The model file (dossier/policies/doctype_model.json) is built by `dossier train-classifier`
(dossier/training.py); it is a small JSON: the n-gram vocabulary and int8 weights, base64.
"""

from __future__ import annotations

import base64
import math
import re
from array import array
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from dossier.classify.fuzzy import normalize
from dossier.policy import POLICY_DIR

MODEL_PATH = POLICY_DIR / "doctype_model.json"
NONE = "_none"  # the class of pages that are no document type (photos, screenshots)
MAX_N = 3
FAMILIAR = 0.4  # share of known 2–3-grams from which the model speaks with its full confidence
# Below it, the discount (share / FAMILIAR) ** FAMILIAR_POWER. Squared, it understated the model on a family it
# never learnt from: e's documents stated 0-0.5 were 82 % right; linear, each confidence bucket from 0.65 up was
# right >= 95 % on the left-out families (docs/tuning.md).
FAMILIAR_POWER = 1
_DIGITS = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Z]{2,}")


class ModelFile(BaseModel):
    """The shipped model's format."""

    format: int = 1
    classes: list[str]  # document-type codes, and NONE
    vocabulary: list[str]  # n-grams, in the weights' row order
    scale: float  # weights = int8 * scale
    weights: str  # base64 of int8 [len(vocabulary), len(classes)], row-major
    bias: list[float]  # per class
    temperature: float  # logits / temperature -> calibrated probabilities
    trained_on: str = ""  # how it was built, for people
    # training.policy_digest of the policy it was trained with: its titles, keywords, labels and job words are
    # both training examples and what family a prints, so a policy edit means the file must be built again
    policy: str = ""


def line_grams(line: str) -> set[str]:
    """The 1–3-grams of one normalized line; digits and Latin runs collapsed (values, not words)."""
    s = _LATIN.sub("A", _DIGITS.sub("0", line))
    return {s[i : i + n] for n in range(1, MAX_N + 1) for i in range(len(s) - n + 1)}


def grams(text: str) -> set[str]:
    """The n-grams of a document's text, line by line (an n-gram never spans two lines)."""
    out: set[str] = set()
    for line in text.splitlines():
        out |= line_grams(normalize(line))
    return out


class TextModel:
    """The model as the pipeline uses it: plain Python over the int8 weights, so that the main process,
    which classifies, never loads numpy (bench/memory.py; worker/page_job.py says why)."""

    def __init__(self, f: ModelFile) -> None:
        self.file = f
        self.classes = f.classes
        self.index = {g: i for i, g in enumerate(f.vocabulary)}
        self.weights = array("b", base64.b64decode(f.weights))  # row-major [n-gram][class]
        if len(self.weights) != len(f.vocabulary) * len(f.classes):
            raise ValueError("model file: weights do not match its vocabulary and classes")

    def logits(self, features: Iterable[str]) -> list[float]:
        n, scale = len(self.classes), self.file.scale
        out = list(self.file.bias)
        for row in sorted({self.index[g] for g in features if g in self.index}):
            for c, w in enumerate(self.weights[row * n:(row + 1) * n]):
                out[c] += w * scale
        return out

    def probabilities(self, text: str) -> dict[str, float]:
        """Calibrated P(class | text), over the document types and NONE, each type's discounted by how
        familiar the text is (`familiarity`): a form unlike any it learned from is no evidence."""
        features = grams(text)
        z = [v / self.file.temperature for v in self.logits(features)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        known = self.familiarity(features)
        return {c: x / total * (1.0 if c == NONE else known) for c, x in zip(self.classes, e, strict=True)}

    def familiarity(self, features: set[str]) -> float:
        """1 for text whose 2–3-grams the vocabulary knows as well as a generated form's, less below.

        A softmax is sure of something on any text; the share of known n-grams says whether the text is
        of the kind it learned from. Generated forms, their titles removed and noise added: 0.37 at least,
        5 % below 0.42 (seed 301); a dealer's own trade-in form 0.25, a chat screenshot 0.09 (discounted to
        0.62 and 0.22: below the threshold, whatever the softmax says)."""
        longer = [g for g in features if len(g) >= 2]
        share = sum(g in self.index for g in longer) / len(longer) if longer else 0.0
        return min(1.0, share / FAMILIAR) ** FAMILIAR_POWER


def load_model(path: Path) -> TextModel:
    return TextModel(ModelFile.model_validate_json(path.read_text(encoding="utf-8")))


def configured_model(path: Path | None) -> TextModel | bool:
    """The model a setting names (DOSSIER_DOCTYPE_MODEL), else True: classify's word for the shipped one."""
    return load_model(path) if path else True


@lru_cache(maxsize=1)
def default_model() -> TextModel | None:
    """The shipped model; None if the package was built without it (the title rules then work alone)."""
    return load_model(MODEL_PATH) if MODEL_PATH.is_file() else None


# --- similarity to a site's taught examples ------------------------------------------------------------

def cosine(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Cosine of two binary n-gram vectors."""
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


class Taught(BaseModel):
    """A clerk's correction as the classifier uses it: the type, and the n-grams of the document's text."""

    code: str
    grams: frozenset[str]

    @classmethod
    def of(cls, code: str, text: str) -> Taught:
        """A correction of a document whose text (all its pages) is `text`."""
        return cls(code=code, grams=frozenset(grams(text)))


# Cosine of n-gram sets, measured on generated text with OCR-like noise (seeds 201, 202): the closest
# document of another type reaches 0.47 at most, a document of the same form 0.55–0.65 and more.
SIMILAR_FROM, SIMILAR_FULL = 0.45, 0.65


def taught_confidence(sim: float) -> float:
    """How sure a taught example this similar makes us: under review below ~0.55, 0.99 at SIMILAR_FULL."""
    if sim < SIMILAR_FROM:
        return 0.0
    return round(min(0.99, 0.5 + 0.49 * (sim - SIMILAR_FROM) / (SIMILAR_FULL - SIMILAR_FROM)), 3)


def nearest_taught(features: set[str], taught: list[Taught]) -> tuple[str, float] | None:
    """The taught type most like the document, and the confidence that gives; a close second example of
    another type halves what the first adds above an even chance."""
    best: dict[str, float] = {}
    for t in taught:
        best[t.code] = max(best.get(t.code, 0.0), cosine(features, t.grams))
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    code, sim = ranked[0]
    conf = taught_confidence(sim)
    if len(ranked) > 1 and sim - ranked[1][1] < 0.05:
        conf = round(0.5 + (conf - 0.5) / 2, 3) if conf > 0.5 else conf
    return code, conf
