"""Dossier kinds, document types and checklists, loaded from dossier/policies/*.kind.yaml.

A new dossier kind is a new YAML file (or a file named in DOSSIER_POLICIES), never new code.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from dossier.messages import text

POLICY_DIR = Path(__file__).parent / "policies"


class Names(BaseModel):
    zh: str
    en: str

    def get(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class SignatureRule(BaseModel):
    role: Literal["customer", "staff"]
    # Labels this type is known to print: aliases found as they are, beside the fields found by their
    # shape (signing.yaml), and where a label with no signing word (服务顾问：) is the field.
    labels: list[str] = []


SigningRole = Literal["customer", "staff", "unknown"]


class SigningPolicy(BaseModel):
    """What makes a printed label a signature field, and whose (policies/signing.yaml)."""

    signing_words: list[str]
    weak_signing_words: list[str] = []
    parties: dict[SigningRole, list[str]] = {}
    # Endings that name a side in a party word the lists lack (检测员, 技术主管): job titles end so.
    party_suffixes: dict[SigningRole, list[str]] = {}
    doc_type_parties: dict[str, dict[str, SigningRole]] = {}
    aliases: dict[Literal["customer", "staff"], list[str]] = {}
    # A party named as the doer of an action (受理人, 付款方, 承修单位): the action's side, by its verb.
    actions: dict[SigningRole, list[str]] = {}
    agent_endings: list[str] = []
    # The side of a post named by Latin capitals (SA, PDI).
    abbreviations: SigningRole = "unknown"
    # English glosses of bilingual labels (Resident, Advisor): the side of a label whose Chinese names none.
    glosses: dict[SigningRole, list[str]] = {}
    # Two parties on opposite sides: a page that says whose one is (甲方（买方）) says whose the other is.
    counterparts: list[tuple[str, str]] = []
    # What a post writes in its box (意见): the firm's post heading that box signs it off.
    opinion_words: list[str] = []
    # Approval words (审批, 批准): after a post they make a signing field; their doer is the business's.
    approvals: list[str] = []

    @model_validator(mode="after")
    def _check(self) -> SigningPolicy:
        if not self.signing_words:
            raise ValueError("signing.yaml: signing_words may not be empty")
        return self

    def merged(self, other: SigningPolicy) -> SigningPolicy:
        """This policy with a site's additions (lists extended, per-type sides overridden)."""
        parties = {r: self.parties.get(r, []) + other.parties.get(r, []) for r in {*self.parties, *other.parties}}
        aliases = {r: self.aliases.get(r, []) + other.aliases.get(r, []) for r in {*self.aliases, *other.aliases}}
        suffixes = {r: self.party_suffixes.get(r, []) + other.party_suffixes.get(r, [])
                    for r in {*self.party_suffixes, *other.party_suffixes}}
        types = {t: {**self.doc_type_parties.get(t, {}), **other.doc_type_parties.get(t, {})}
                 for t in {*self.doc_type_parties, *other.doc_type_parties}}
        actions = {r: self.actions.get(r, []) + other.actions.get(r, []) for r in {*self.actions, *other.actions}}
        glosses = {r: self.glosses.get(r, []) + other.glosses.get(r, []) for r in {*self.glosses, *other.glosses}}
        return SigningPolicy(
            signing_words=self.signing_words + other.signing_words,
            weak_signing_words=self.weak_signing_words + other.weak_signing_words,
            parties=parties, party_suffixes=suffixes, doc_type_parties=types, aliases=aliases,
            counterparts=self.counterparts + other.counterparts,
            actions=actions, agent_endings=self.agent_endings + other.agent_endings,
            abbreviations=other.abbreviations if other.abbreviations != "unknown" else self.abbreviations,
            glosses=glosses, opinion_words=self.opinion_words + other.opinion_words,
            approvals=self.approvals + other.approvals,
        )


class DocType(BaseModel):
    code: str = ""
    kind: str = ""
    name: Names
    titles: list[str]
    keywords: list[str] = []
    signatures: list[SignatureRule] = []
    seal: bool = False
    # A photograph (of the car at handover, of a damaged part): a page of little text, typed by the
    # other documents of its batch (classify/photo.py).
    photo: bool = False
    # Documents without a title (an ID card's front) are identified by this many of these labels,
    # printed on the document itself and nowhere else.
    identify_keywords: list[str] = []
    identify_by_keywords: int | None = None


class JobType(BaseModel):
    zh: str
    en: str
    words: list[str]


class Deadline(BaseModel):
    working_days: int
    anchor_doc_type: str
    anchor_field: str = "date"
    zh: str = ""
    en: str = ""


class ChecklistRule(BaseModel):
    code: str = ""
    title: Names
    scope: Literal["dossier", "visit"]
    required: list[str]
    optional: list[str] = []
    deadline: Deadline | None = None


class KindPolicy(BaseModel):
    kind: str
    name: Names
    key_field: str
    secondary_key_fields: list[str] = []
    # Fields naming the customer (an ID number): a document with no key of its own joins the dossier
    # whose documents carry the same value, when exactly one does (one person, two cars: review).
    owner_fields: list[str] = []
    # A reading of the key that its check did not prove: the dossier whose key it is one or two
    # characters from, if exactly one is, is the document's (its VIN one character short or misread).
    key_reading_field: str | None = None
    job_types: dict[str, JobType] = {}
    doc_types: dict[str, DocType]
    checklists: dict[str, ChecklistRule]
    default_job_type: str | None = None

    @model_validator(mode="after")
    def _check(self) -> KindPolicy:
        for code, dt in self.doc_types.items():
            dt.code, dt.kind = code, self.kind
        for code, cl in self.checklists.items():
            cl.code = code
            unknown = [d for d in cl.required + cl.optional if d not in self.doc_types]
            if unknown:
                raise ValueError(f"checklist {code} names unknown document types {unknown}")
            if cl.deadline and cl.deadline.anchor_doc_type not in self.doc_types:
                raise ValueError(f"checklist {code}: unknown anchor {cl.deadline.anchor_doc_type}")
        visit_lists = [c for c, cl in self.checklists.items() if cl.scope == "visit"]
        if visit_lists and set(visit_lists) != set(self.job_types):
            raise ValueError(f"{self.kind}: every job type needs one visit checklist and vice versa")
        if self.default_job_type and self.default_job_type not in self.job_types:
            raise ValueError(f"{self.kind}: unknown default_job_type {self.default_job_type}")
        return self


class Policy(BaseModel):
    kinds: dict[str, KindPolicy]

    @model_validator(mode="after")
    def _unique_codes(self) -> Policy:
        seen: dict[str, str] = {}
        for kp in self.kinds.values():
            for code in kp.doc_types:
                if code in seen:
                    raise ValueError(f"document type {code} defined in both {seen[code]} and {kp.kind}")
                seen[code] = kp.kind
        return self

    @property
    def doc_types(self) -> dict[str, DocType]:
        return {c: d for kp in self.kinds.values() for c, d in kp.doc_types.items()}

    def kind_of(self, doc_type: str) -> KindPolicy:
        return self.kinds[self.doc_types[doc_type].kind]

    def name(self, doc_type: str, lang: str = "zh") -> str:
        # Asked for every checklist item and listed document: look in each kind, not through doc_types'
        # merged dict, which is built anew at every call.
        for kp in self.kinds.values():
            if doc_type in kp.doc_types:
                return kp.doc_types[doc_type].name.get(lang)
        raise KeyError(doc_type)


class TypeOverlay(BaseModel):
    """A site's additions to a document type: titles and keywords its own forms print."""

    titles: list[str] = []
    keywords: list[str] = []


class SiteOverlay(BaseModel):
    """One `$DOSSIER_HOME/policy.d/*.yaml`: policy data a site adds without touching code, e.g.

        doc_types:
          sales_contract:
            titles: [机动车买卖合同, 汽车买卖协议]
    """

    doc_types: dict[str, TypeOverlay] = {}


def overlay_dir(home: Path | None = None) -> Path:
    if home is None:
        home = Path(os.environ.get("DOSSIER_HOME") or Path.home() / ".local" / "share" / "dossier")
    return home / "policy.d"


def apply_overlays(policy: Policy, folder: Path) -> Policy:
    """Add each overlay's titles and keywords (in file-name order) to the document types they name."""
    from dossier.errors import ConfigError

    types = policy.doc_types
    for f in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            ov = SiteOverlay.model_validate(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
        except (OSError, ValueError, yaml.YAMLError) as e:
            raise ConfigError(f"{f}: {e}") from e
        for code, add in ov.doc_types.items():
            if code not in types:
                raise ConfigError(f"{f}: {text('policy.unknown_doc_type')}: {code}")
            dt = types[code]
            dt.titles += [t for t in add.titles if t not in dt.titles]
            dt.keywords += [k for k in add.keywords if k not in dt.keywords]
    return policy


def load_policy(paths: list[Path] | None = None, home: Path | None = None, site: bool = True) -> Policy:
    """The kinds' policies (the package's, and DOSSIER_POLICIES), with the site's policy.d overlays of `home`
    (default: DOSSIER_HOME) applied."""
    if paths is None:
        paths = sorted(POLICY_DIR.glob("*.kind.yaml"))
        extra = os.environ.get("DOSSIER_POLICIES")
        if extra:
            paths += [Path(p) for p in extra.split(os.pathsep) if p]
    kinds = {}
    for p in paths:
        kp = KindPolicy.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
        kinds[kp.kind] = kp
    policy = Policy(kinds=kinds)
    return apply_overlays(policy, overlay_dir(home)) if site else policy


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    return load_policy()


@lru_cache(maxsize=1)
def base_policy() -> Policy:
    """Without any site's overlay: what the generator prints and the shipped model learns from."""
    return load_policy(site=False)


def load_signing(paths: list[Path] | None = None) -> SigningPolicy:
    """policies/signing.yaml, with the site's files (DOSSIER_SIGNING, path-separated) merged in."""
    if paths is None:
        paths = [POLICY_DIR / "signing.yaml"]
        extra = os.environ.get("DOSSIER_SIGNING")
        if extra:
            paths += [Path(p) for p in extra.split(os.pathsep) if p]
    out: SigningPolicy | None = None
    for p in paths:
        sp = SigningPolicy.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
        out = sp if out is None else out.merged(sp)
    if out is None:
        raise ValueError("no signing policy given")
    return out


@lru_cache(maxsize=1)
def default_signing() -> SigningPolicy:
    return load_signing()


class FieldVocabulary(BaseModel):
    """The words field extraction reads by (policies/fields.yaml): labels per field group and the lists that
    end a name or mark a tick box. Loaded once per process, at import of classify/fields.py."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    traditional: str  # one for one with `simplified`
    simplified: str
    punctuation: dict[str, str]
    staff_roles: list[str]
    staff_label_suffixes: list[str]
    other_signers: list[str]
    signature_suffixes: list[str]
    labels: dict[str, list[str]]
    date_groups: list[str]
    stopwords: list[str]
    not_names: list[str]
    document_nouns: list[str]
    checked: str
    unchecked: str
    subjects: dict[str, str]

    @model_validator(mode="after")
    def _check(self) -> FieldVocabulary:
        if len(self.traditional) != len(self.simplified):
            raise ValueError("fields.yaml: traditional and simplified must pair character for character")
        unknown = [g for g in self.date_groups if g not in self.labels]
        if unknown or "staff" not in self.labels or "ignore" not in self.labels:
            raise ValueError(f"fields.yaml: date_groups name unknown label groups {unknown}, or staff/ignore missing")
        return self


@lru_cache(maxsize=1)
def field_vocabulary() -> FieldVocabulary:
    return FieldVocabulary.model_validate(yaml.safe_load((POLICY_DIR / "fields.yaml").read_text(encoding="utf-8")))
