"""The signature check's tuned thresholds (dossier/policies/tuning/signature.yaml), read at use time so that
`DOSSIER_TUNING` and `DOSSIER_TUNE` (dossier/tuning.py) apply without a restart of the code that imports this.
Lengths are in label heights (the height of the label's printed glyphs), unless said otherwise."""

from __future__ import annotations

from dossier.tuning import Thresholds, tuning


class SignatureTuning(Thresholds):
    # Where the field is.
    max_width: float  # width of a field under its label
    reach: float  # how far right of its label a field may reach when nothing bounds it first
    band: float  # the field reaches this far above and below the label's line
    up: float  # ... and up to this far above it, unless print or a ruling line comes first
    under: float  # the space under a label looked at too, this deep at most ...
    under_min: float  # ... and only when at least this deep clear of print
    near_side: float  # a ruling this close after a label is the near side of a box round the blank
    label_conf: float  # OCR confidence from which a word ending in a colon is print (a next field's label)
    print_pitch: float  # wider characters than this are handwriting OCR read, not print
    name_pitch: float  # ... and for a name of two or three characters, characters wider than this ...
    name_height: float  # ... in a word taller than this
    around: float  # with nothing signed where the label points, ink this far left and right of it ...
    around_up: float  # ... and this far above and below it ...
    around_gap: float  # ... within this gap of the label and half as far from it as from any other label, signs it
    # Which words are a label (characters of the line before the signing word).
    max_prefix: int  # more is running text
    bare_prefix: int  # ... when they name no party
    max_extra: int  # besides the party word
    max_extra_weak: int  # ... before a weak signing word (确认)
    # The verdict, from the strokes left in the field.
    signed_length: float  # stroke length (outline pixels / 2) that makes a field signed
    signed_span: float  # ... with the strokes spread at least this far
    blank_length: float  # less stroke length than this is blank
    blank_span: float  # ... and so is ink spread less than this
    straightness: float  # spread across a stroke's axis over its length below which it is one straight line


def signature_tuning() -> SignatureTuning:
    return tuning("signature", SignatureTuning)
