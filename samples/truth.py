"""Ground truth written beside every generated file as `STEM.truth.json`.

Conventions, so a pipeline's output can be compared field by field:
- pages are 1-based in the file; boxes are pixels of the *upright* page (after undoing `rotation`,
  the degrees clockwise that make the stored page upright, as `PageText.rotation`), skew included;
- fields hold what the page states, under the extractor's names (classify/fields.py) and normalised
  the way it should: `date` ISO (YYYY-MM-DD), `amount` plain decimal ("159800.00"), `mobile` digits only,
  `landline` "area-number", `job_type` the policy code ("maintenance"), `subject` the Simplified category
  (房门锁/电话/车位/水牌/客户加班), `plate` with a Simplified province character; a company customer is
  `company`, a person `name`, the 联系人 `contact`; text fields (name, company, contact, address ...)
  exactly as printed, so in Traditional script on a Traditional page;
- `text` is every printed string on the page, line by line, without seals and signatures (hand-filled
  values are included): the reference for a character error rate.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, PrivateAttr

from dossier.models import Box, DossierRef, Role


class SignatureTruth(BaseModel):
    role: Role
    label: str
    status: Literal["signed", "blank"]
    page: int
    box: Box  # the field's blank region to the right of the label
    source: Literal["synthetic", "real"] | None = None  # how a signed field was signed
    ink: Literal["blue", "black"] | None = None
    mark: Literal["specks", "smudge", "stray_line"] | None = None  # a hard negative in a blank field
    under_seal: bool = False


class SealTruth(BaseModel):
    page: int
    box: Box
    shape: Literal["round", "oval", "square"]
    text: str
    colour: Literal["red", "grey", "black"]
    # Share of the seal's own ink (where it fell on bare paper) still dark on a black-and-white scan: the
    # scanner's threshold can wash a pale seal out to nothing. 1.0 on colour and grey scans.
    visible: float = 1.0
    _own: Any = PrivateAttr(default=None)  # (x, y, mask) of its own ink on the page, while generating


class DocumentTruth(BaseModel):
    pages: list[int]
    doc_type: str | None  # None: a photo or screenshot that is no document type
    title: str | None = None
    script: Literal["hans", "hant"] = "hans"
    dossier: DossierRef | None = None
    visit: str | None = None  # the work-order number of an after-sales visit
    job_type: str | None = None  # that visit's job type (policy code), printed or not
    fields: dict[str, str] = {}
    signatures: list[SignatureTruth] = []
    seal: bool = False
    seals: list[SealTruth] = []
    rotation: int = 0


class PageTruth(BaseModel):
    index: int
    width: int  # of the upright page
    height: int
    dpi: int
    rotation: int = 0
    degradations: list[str] = []
    doc_type: str | None = None
    continuation: bool = False  # a later page of a document: no title
    text: str = ""


class FileTruth(BaseModel):
    file: str
    format: Literal["pdf", "tiff", "jpeg", "png"]
    seed: int
    pages: list[PageTruth]
    documents: list[DocumentTruth]
    family: str = "a"  # which generator wrote it: "a" the own forms, "b" samples/family_b, "d" samples/family_d, "e" samples/family_e, "f" samples/family_f, "g" samples/family_g


def truth_path(path: Path) -> Path:
    return path.with_name(path.stem + ".truth.json")


def write_truth(path: Path, truth: FileTruth) -> Path:
    out = truth_path(path)
    out.write_text(json.dumps(truth.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def load_truth(path: Path) -> FileTruth:
    """Truth of a generated file, given the file or its .truth.json."""
    p = path if path.name.endswith(".truth.json") else truth_path(path)
    return FileTruth.model_validate_json(p.read_text(encoding="utf-8"))
