"""`dossier eval DIR`: run the real pipeline on a ground-truth set and measure what it gets right.

Every file in DIR with a `STEM.truth.json` beside it (samples/truth.py) is filed by the configured
engine into a throw-away DOSSIER_HOME, then the stored result is compared with the truth:

- a truth document is judged on the pipeline document that shares most of its pages;
- classification: the type is right (a truth non-document is right when it waits in review untyped);
  wrong-but-confident: the type given is wrong (filed, or in review with a type) — a page merged into
  the document before it counts here too, since it is filed under a type it is not;
- segmentation: a pipeline document has exactly the truth document's pages;
- fields: each field the truth holds and the extractor produces, compared exactly (spaces ignored);
- checklists: items of `dossier show` (present/missing; `unsigned` is present) against the items the
  same checklist code builds from the truth documents; an item either side lacks is wrong, so a
  spurious dossier or visit (a misread VIN, a visit split in two) costs its items. A shown visit is
  paired with the truth's visit whose documents it holds (what a clerk checks), not by its label: a
  misread work-order number is a `visit` mistake, not the whole visit's items (`checklist_by_label`
  is the figure with visits paired by label); a car's file the archive keeps under its plate (no paper
  printed its VIN) is that car's when exactly one truth car's documents print that plate (truth_keys);
- signatures: the positive class is a *blank* required signature, what a clerk must be told about;
  `uncertain` (and a field not judged at all) is a not-blank prediction;
- seals: per truth document, whether it bears a seal (precision/recall of "sealed", and the accuracy:
  documents whose seal presence was judged right, a document the pipeline lost counting as unsealed);
  a seal a black-and-white scan washed out, less than SEAL_VISIBLE of its ink left, is no seal to see;
- OCR character error rate: edit distance over non-space characters (NFKC), summed over pages.
"""

from __future__ import annotations

import json
import math
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel
from rapidfuzz.distance import Levenshtein

from dossier.archive import page_dir, sha256_file
from dossier.checklist import dossier_checklists
from dossier.config import Settings
from dossier.errors import ConfigError
from dossier.messages import text
from dossier.models import Box, Checklist, DocumentResult, PageText, SignatureField, StoredDocument
from dossier.policy import Policy, default_policy
from dossier.progress import Progress
from dossier.records import RecordStore
from dossier.samples.truth import DocumentTruth, FileTruth, SignatureTruth, load_truth
from dossier.service import calendar, show, today
from dossier.store import open_sqlite

# What the extractor produces (classify/fields.py); other truth fields (dealer, cert_no) are not judged.
FIELDS = ("vin", "plate", "id_number", "credit_code", "org_code", "unit", "invoice_code", "invoice_number",
          "order_number", "date", "amount", "mobile", "landline", "job_type", "subject", "name", "company",
          "contact", "address", "mileage")  # fmt: skip
NONE = "none"  # the confusion matrix's name for "no type"
LOWER_IS_BETTER = {"wrong_confident", "cer", "unread_pages"}


class Ratio(BaseModel):
    count: int = 0
    total: int = 0
    value: float | None = None  # count / total; None when nothing was measured


def ratio(count: int, total: int) -> Ratio:
    return Ratio(count=count, total=total, value=count / total if total else None)


class PrecisionRecall(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float | None = None
    recall: float | None = None


class SignatureScore(PrecisionRecall):
    uncertain: int = 0  # truth fields the pipeline called uncertain
    unjudged: int = 0  # truth fields with no judgement of that role (document untyped or mistyped)
    signed_missed: Ratio = Ratio()  # signed fields not called `signed` (blank, uncertain or unjudged)
    # truth fields answered by a field found and shown but not required by the document's type (policy
    # or no type yet): judged, in the review, not in the blank-signature report until a clerk types it
    not_required: int = 0


class OcrScore(BaseModel):
    engine: str
    pages: int = 0
    chars: int = 0  # non-space characters of the truth text
    errors: int = 0  # edits
    cer: float | None = None
    text_layer_pages: int = 0  # read from a PDF's text layer: not OCR, not counted


class Mistake(BaseModel):
    file: str
    pages: list[int]
    what: str  # classification | segmentation | dossier | field:<name> | signature:<role> | seal | checklist | visit
    expected: str
    got: str


class ThresholdRow(BaseModel):
    """What the classification threshold (DOSSIER_CLASSIFY_THRESHOLD) would give on this set."""

    threshold: float
    right: float  # share of documents typed right (or left untyped when they are no document)
    wrong_confident: float  # typed, and wrongly
    review: float  # left for review untyped


SWEEP = (0.5, 0.6, 0.65, 0.7, 0.72, 0.75, 0.8, 0.85, 0.9, 0.95)


class ReliabilityRow(BaseModel):
    """Documents whose stated confidence (in their best guess) falls in [low, high), and how many of
    those guesses were right: a calibrated classifier is right about as often as it says."""

    low: float
    high: float
    documents: int
    right: int
    accuracy: float | None


BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability(judged: list[tuple[str | None, str | None, float]]) -> list[ReliabilityRow]:
    """(truth type, best guess, confidence) per document -> one row per confidence bucket."""
    rows = []
    for low, high in zip(BUCKETS, BUCKETS[1:], strict=False):
        inside = [(t, g) for t, g, c in judged if low <= c < high]
        right = sum(g == t for t, g in inside)
        rows.append(ReliabilityRow(low=low, high=min(high, 1.0), documents=len(inside), right=right,
                                   accuracy=right / len(inside) if inside else None))
    return rows


class LearningPoint(BaseModel):
    """Teaching `taught` documents of every form (type and printed title), then classifying the next ones."""

    taught: int
    forms: int  # forms with more documents than were taught
    before: Ratio  # those next documents classified right with nothing taught
    after: Ratio  # ... and with `taught` documents of each form taught


class EvalReport(BaseModel):
    directory: str
    engine: str
    files: int
    documents: int
    pages: int
    seconds: float
    pages_per_minute: float
    classification: Ratio
    confusion: dict[str, dict[str, int]]  # truth type -> predicted type -> documents
    wrong_confident: Ratio  # documents given a type, and the wrong one
    segmentation: Ratio
    fields: dict[str, Ratio]
    dossier: Ratio
    checklist: Ratio
    checklist_by_label: Ratio | None = None  # the same items with visits paired by their label only
    spurious_checklists: int  # checklists the pipeline shows that the truth has not
    signatures: SignatureScore
    seals: PrecisionRecall
    seal_accuracy: Ratio  # truth documents whose seal presence (sealed or not) was judged right
    ocr: OcrScore
    # Pages the run kept no reading of (an engine crash, a time-out, a fault of ours): a broken build
    # shows here by name instead of as a quietly lower score everywhere.
    unread_pages: int = 0
    metrics: dict[str, float | None]  # flat names, what --floors is checked against
    thresholds: list[ThresholdRow] = []  # the same documents judged at other thresholds
    reliability: list[ReliabilityRow] = []  # stated confidence against observed accuracy
    threshold: float | None = None  # DOSSIER_CLASSIFY_THRESHOLD in force
    learning: list[LearningPoint] = []  # what teaching 1 and 3 documents per form gives
    below_floor: list[str] = []
    mistakes: list[Mistake] = []


# --- the measures, on plain inputs -----------------------------------------------------------------------

def confusion(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, dict[str, int]]:
    """(truth type, predicted type) pairs -> counts by truth type, then predicted type."""
    out: dict[str, dict[str, int]] = {}
    for truth, got in pairs:
        row = out.setdefault(truth or NONE, {})
        row[got or NONE] = row.get(got or NONE, 0) + 1
    return dict(sorted(out.items()))


def threshold_sweep(judged: list[tuple[str | None, str | None, float]]) -> list[ThresholdRow]:
    """(truth type, best guess, confidence) per document -> right / wrong-but-confident / review shares
    at each threshold of SWEEP: the pipeline keeps its ranked guesses, so no re-run is needed."""
    rows = []
    n = len(judged) or 1
    for t in SWEEP:
        given = [(truth, guess if guess and conf >= t else None) for truth, guess, conf in judged]
        rows.append(ThresholdRow(
            threshold=t,
            right=round(sum(g == truth for truth, g in given) / n, 4),
            wrong_confident=round(sum(g is not None and g != truth for truth, g in given) / n, 4),
            review=round(sum(g is None for _, g in given) / n, 4),
        ))
    return rows


# A black-and-white scanner's threshold can wash a pale seal out: below a tenth of its own ink left
# dark it is a few dots no reader sees (samples 20261211: 0.03 and 0.06 were blank paper, 0.14 a faint
# dotted ring one can still make out).
SEAL_VISIBLE = 0.1


def visibly_sealed(t: DocumentTruth) -> bool:
    """Whether the truth document bears a seal one can see (truth without `seals` listed: its flag)."""
    return any(s.visible >= SEAL_VISIBLE for s in t.seals) if t.seals else t.seal


def precision_recall(pairs: Iterable[tuple[bool, bool]]) -> PrecisionRecall:
    """(truth positive, predicted positive) pairs."""
    tp = fp = fn = 0
    for truth, got in pairs:
        tp += truth and got
        fp += got and not truth
        fn += truth and not got
    return PrecisionRecall(
        tp=tp, fp=fp, fn=fn, precision=tp / (tp + fp) if tp + fp else None, recall=tp / (tp + fn) if tp + fn else None
    )


def signature_score(pairs: Iterable[tuple[str, str | None]]) -> SignatureScore:
    """(truth status signed|blank, predicted signed|blank|uncertain|None) per required signature field."""
    pairs = list(pairs)
    pr = precision_recall((t == "blank", g == "blank") for t, g in pairs)
    signed = [g for t, g in pairs if t == "signed"]
    return SignatureScore(
        **pr.model_dump(), uncertain=sum(g == "uncertain" for _, g in pairs), unjudged=sum(g is None for _, g in pairs),
        signed_missed=ratio(sum(g != "signed" for g in signed), len(signed)),
    )


def _chars(text: str) -> str:
    # Full- and half-width forms (：/:, Ａ/A) are one character to a reader; spaces are layout, not text.
    return "".join(unicodedata.normalize("NFKC", text).split())


def char_errors(truth: str, read: str) -> tuple[int, int]:
    """(edits, truth length) over non-space characters: the parts of a character error rate."""
    t, r = _chars(truth), _chars(read)
    return Levenshtein.distance(t, r), len(t)


def best_match(pages: list[int], docs: list[DocumentResult]) -> DocumentResult | None:
    """The document sharing most of these pages (on a tie, the one holding the first page)."""
    def key(d: DocumentResult) -> tuple[int, bool]:
        return len(set(d.pages) & set(pages)), bool(pages) and pages[0] in d.pages

    best = max(docs, key=key, default=None)
    return best if best is not None and key(best)[0] > 0 else None


def pair_signatures(
    t: DocumentTruth,
    found: list[SignatureField],
    truth_sizes: Mapping[int, tuple[int, int]],
    sizes: Mapping[int, tuple[int, int]],
) -> list[tuple[SignatureTruth, SignatureField | None]]:
    """Each truth field with the found field of its role that answers it, one to one: the fields the
    type requires first, then the others found and shown on the document (a form may ask two staff to
    sign where the policy fines one); nearest first by page and by the field's centre as a share of its
    page (the generator's and the reader's pixels differ in scale). Two staff fields on one form are two
    judgements, never one counted twice; a truth field left without a found field of its role is
    unjudged."""

    def where(page: int | None, box: Box | None, size: tuple[int, int] | None) -> tuple[float, float, float]:
        if page is None or box is None or not size:
            return (float(page or 0), 0.5, 0.5)
        return (float(page), (box[0] + box[2]) / 2 / size[0], (box[1] + box[3]) / 2 / size[1])

    candidates = []
    for i, s in enumerate(t.signatures):
        a = where(s.page, s.box, truth_sizes.get(s.page))
        for j, g in enumerate(found):
            if g.role == s.role:
                b = where(g.page, g.box, sizes.get(g.page or 0))
                far = abs(a[0] - b[0]) * 10 + math.hypot(a[1] - b[1], a[2] - b[2])
                candidates.append((not g.required, far, i, j))
    given: dict[int, SignatureField] = {}
    used: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in given and j not in used:
            given[i] = found[j]
            used.add(j)
    return [(s, given.get(i)) for i, s in enumerate(t.signatures)]


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and "".join(a.split()) == "".join(b.split())


ItemKey = tuple[str, str, str | None, str]  # dossier kind, dossier key, visit, document type


def checklist_items(kind: str, key: str, lists: list[Checklist]) -> dict[ItemKey, str]:
    """Items of a dossier's checklists -> present | missing (an unsigned document is there)."""
    return {
        (kind, key, cl.visit, it.doc_type): "missing" if it.status == "missing" else "present"
        for cl in lists
        for it in cl.items
    }


VisitKey = tuple[str, str, str]  # dossier kind, dossier key, visit label


def visit_documents(kind: str, key: str, lists: list[Checklist]) -> dict[VisitKey, set[int]]:
    """The documents each visit's checklist lists, by visit."""
    out: dict[VisitKey, set[int]] = {}
    for cl in lists:
        if cl.visit is not None:
            out.setdefault((kind, key, cl.visit), set()).update(i for it in cl.items for i in it.documents)
    return out


def pair_visits(truth: dict[VisitKey, set[int]], got: dict[VisitKey, set[int]]) -> dict[VisitKey, str]:
    """Each shown visit -> the label of the truth visit of the same dossier holding most of its documents
    (truth documents given as the ids of the shown documents they became), one to one, most shared first.
    A shown visit sharing no document with any truth visit keeps its own label."""
    pairs = sorted(
        ((len(g & t), gk, tk) for gk, g in got.items() for tk, t in truth.items() if gk[:2] == tk[:2] and g & t),
        key=lambda x: (-x[0], x[1][2] != x[2][2], x[1], x[2]),  # on a tie, the same label first
    )
    out: dict[VisitKey, str] = {}
    used: set[VisitKey] = set()
    for _, gk, tk in pairs:
        if gk not in out and tk not in used:
            out[gk] = tk[2]
            used.add(tk)
    return out


def relabel(items: dict[ItemKey, str], labels: dict[VisitKey, str]) -> dict[ItemKey, str]:
    """Items with each paired visit under its truth label."""
    out: dict[ItemKey, str] = {}
    for (kind, key, visit, doc_type), status in items.items():
        v = labels.get((kind, key, visit), visit) if visit is not None else None
        out[(kind, key, v, doc_type)] = status
    return out


def checklist_agreement(truth: dict[ItemKey, str], got: dict[ItemKey, str]) -> tuple[Ratio, list[ItemKey]]:
    """Items on either side that agree, over all items on either side; and the keys that disagree."""
    keys = sorted(set(truth) | set(got), key=str)
    wrong = [k for k in keys if truth.get(k) != got.get(k)]
    return ratio(len(keys) - len(wrong), len(keys)), wrong


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    """A JSON object: metric -> minimum, or -> {"min": x} / {"max": x} (lower-is-better metrics)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ConfigError(f"{path}: {e}") from e
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: {text('eval.floors_not_object')}")
    out = {}
    for name, v in raw.items():
        if isinstance(v, int | float):
            v = {"max": v} if name in LOWER_IS_BETTER else {"min": v}
        if not isinstance(v, dict) or not set(v) <= {"min", "max"} or not v:
            raise ConfigError(f"{path}: {name}: {text('eval.floor_shape')}")
        out[name] = {k: float(x) for k, x in v.items()}
    return out


def check_floors(metrics: Mapping[str, float | None], floors: Mapping[str, Mapping[str, float]]) -> list[str]:
    """One line per floor not met; a metric that was not measured does not meet its floor."""
    out = []
    for name, bounds in floors.items():
        value = metrics.get(name)
        if name not in metrics:
            out.append(f"{name}: {text('eval.unknown_metric')}")
        elif value is None:
            out.append(f"{name}: {text('eval.not_measured')}")
        else:
            if "min" in bounds and value < bounds["min"]:
                out.append(f"{name} {value:.4f} < {bounds['min']:.4f}")
            if "max" in bounds and value > bounds["max"]:
                out.append(f"{name} {value:.4f} > {bounds['max']:.4f}")
    return out


# --- the run ---------------------------------------------------------------------------------------------

def truth_set(directory: Path) -> list[tuple[Path, FileTruth]]:
    found = []
    for t in sorted(directory.rglob("*.truth.json")):
        truth = load_truth(t)
        path = t.parent / truth.file
        if not path.is_file():
            raise ConfigError(f"{t}: {text('eval.file_missing')}: {truth.file}")
        found.append((path, truth))
    if not found:
        raise ConfigError(f"{directory}: {text('eval.no_truth')}")
    return found


EACH = "each"  # `dossier eval --family`: every family, one report each


def families_in(directory: Path) -> set[str]:
    return {t.family for _, t in truth_set(directory)}


def evaluate(
    directory: Path,
    settings: Settings,
    policy: Policy | None = None,
    floors: dict[str, dict[str, float]] | None = None,
    family: str | None = None,
    show_progress: bool = False,
) -> EvalReport:
    """File the set (or its files of one sample family) with the real pipeline in a temporary data home
    and score the result."""
    from dossier.worker.local import PagePool  # the pool and OCR engines only load here
    from dossier.worker.pipeline import Pipeline

    policy = policy or default_policy()
    files = [(p, t) for p, t in truth_set(directory) if family is None or t.family == family]
    if not files:
        raise ConfigError(f"{directory}: {text('eval.no_family', family=family)}")
    with tempfile.TemporaryDirectory(prefix="dossier-eval-") as tmp:
        # Always the embedded stack in a throw-away home: an evaluation never touches a real archive.
        run_settings = settings.model_copy(
            update={"home": Path(tmp), "database_url": None, "redis_url": None, "opensearch_url": None}
        )
        store = open_sqlite(run_settings.db_path)
        try:
            started = time.perf_counter()
            progress = Progress(len(files), text("progress.files")) if show_progress else None
            with PagePool.of(run_settings) as pool:
                for r in Pipeline(run_settings, store, policy).run([str(p) for p, _ in files], pool):
                    if progress:
                        progress.advance_once(r.source)
            if progress:
                progress.close()
            seconds = time.perf_counter() - started
            report = score(directory, files, store, run_settings, policy, seconds)
        finally:
            store.close()
    if floors:
        report.below_floor = check_floors(report.metrics, floors)
    return report


def truth_keys(files: list[tuple[Path, FileTruth]], policy: Policy,
               archive: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, str]]:
    """Archive dossiers kept under a secondary key (a car's file under its plate, its VIN not yet printed
    on any paper filed) -> the truth dossier whose documents print that plate, when exactly one does and
    the archive holds no dossier under that truth key. Fair: the clerk sees that car's checklist under its
    plate, which is all its papers name it by; a plate file beside the car's own file is not paired (it
    stays a dossier of its own, its items wrong), nor one whose plate two truth cars print."""
    by_value: dict[tuple[str, str], set[str]] = {}
    for _, truth in files:
        for t in truth.documents:
            if t.dossier and t.dossier.kind in policy.kinds:
                for f in policy.kinds[t.dossier.kind].secondary_key_fields:
                    if t.fields.get(f):
                        by_value.setdefault((t.dossier.kind, t.fields[f]), set()).add(t.dossier.key)
    out = {}
    for (kind, value), keys in by_value.items():
        if (kind, value) in archive and len(keys) == 1 and (kind, key := next(iter(keys))) not in archive:
            out[(kind, value)] = (kind, key)
    return out


def score(
    directory: Path,
    files: list[tuple[Path, FileTruth]],
    store: RecordStore,
    settings: Settings,
    policy: Policy,
    seconds: float,
) -> EvalReport:
    """Compare what the store holds after the run with the truth of each file."""
    mistakes: list[Mistake] = []
    type_pairs: list[tuple[str | None, str | None]] = []
    judged: list[tuple[str | None, str | None, float]] = []
    right_type = right_pages = right_dossier = 0
    field_counts: dict[str, list[int]] = {}
    sig_pairs: list[tuple[str, str | None]] = []
    not_required = 0
    seal_pairs: list[tuple[bool, bool]] = []
    wrong_conf = 0
    ocr = OcrScore(engine=settings.ocr_engine)
    truth_docs: dict[tuple[str, str], list[StoredDocument]] = {}
    forms: dict[tuple[str, str], list[list[PageText]]] = {}
    n_docs = n_pages = unread = 0

    def miss(name: str, t: DocumentTruth, what: str, expected: object, got: object) -> None:
        mistakes.append(Mistake(file=name, pages=t.pages, what=what, expected=str(expected), got=str(got)))

    as_truth = truth_keys(files, policy, {(r.kind, r.key) for r in store.dossiers()})
    for path, truth in files:
        sha = sha256_file(path)
        # What the reader kept of each page (by 1-based page): its text for the error rate and the
        # learning curve, its upright size for placing the signature fields found.
        readings: dict[int, PageText] = {}
        for p in truth.pages:
            stored = page_dir(settings.home, sha) / f"p{p.index:04d}.json"
            if stored.is_file():
                readings[p.index] = PageText.model_validate_json(stored.read_bytes())
        truth_sizes = {p.index: (p.width, p.height) for p in truth.pages}
        read_sizes = {i: (r.width, r.height) for i, r in readings.items()}
        docs: list[DocumentResult] = list(store.documents_of_source(sha))
        name = str(path.relative_to(directory))
        n_pages += len(truth.pages)
        for t in truth.documents:
            n_docs += 1
            d = best_match(t.pages, docs)
            got_type = d.doc_type if d else None
            type_pairs.append((t.doc_type, got_type))
            guess = got_type or (d.guesses[0][0] if d and d.guesses else None)
            judged.append((t.doc_type, guess, d.confidence if d else 0.0))
            if d and d.doc_type == t.doc_type and (t.doc_type or d.status == "needs_review"):
                right_type += 1
            else:
                wrong_conf += bool(d and d.doc_type)
                miss(name, t, "classification", t.doc_type or NONE, f"{got_type or NONE} ({d.status if d else 'lost'})")
            if any(x.pages == t.pages for x in docs):
                right_pages += 1
            else:
                miss(name, t, "segmentation", t.pages, [x.pages for x in docs if set(x.pages) & set(t.pages)])
            want = (t.dossier.kind, t.dossier.key) if t.dossier else None
            got = as_truth.get((d.dossier.kind, d.dossier.key), (d.dossier.kind, d.dossier.key)) if d and d.dossier else None
            if d and want == got:
                right_dossier += 1
            else:
                miss(name, t, "dossier", want, got)
            for f in FIELDS:
                if f in t.fields:
                    c = field_counts.setdefault(f, [0, 0])
                    c[1] += 1
                    value = d.fields.get(f) if d else None
                    if _same(t.fields[f], value):
                        c[0] += 1
                    else:
                        miss(name, t, f"field:{f}", t.fields[f], value)
            for s, g in pair_signatures(t, d.signatures if d else [], truth_sizes, read_sizes):
                sig_pairs.append((s.status, g.status if g else None))
                not_required += g is not None and not g.required
                if (s.status == "blank") != (g is not None and g.status == "blank"):
                    miss(name, t, f"signature:{s.role}", f"{s.status} {s.label}", f"{g.status} {g.label}" if g else None)
            sealed = visibly_sealed(t)
            seal_pairs.append((sealed, bool(d and d.seal)))
            if sealed != bool(d and d.seal):
                miss(name, t, "seal", sealed, d.seal if d else None)
            if t.doc_type and t.dossier:
                # Its id is that of the shown document it became, to pair visits by their documents.
                truth_docs.setdefault((t.dossier.kind, t.dossier.key), []).append(
                    StoredDocument(id=d.id if d and d.id is not None else -n_docs, source=name, pages=t.pages,
                                   doc_type=t.doc_type, status="filed", visit=t.visit,
                                   fields={"job_type": t.job_type} if t.job_type else {})
                )
        for p in truth.pages:
            text = readings.get(p.index)
            if text is None:
                unread += 1
                why = next((x.reason for x in docs if p.index in x.pages), None)
                mistakes.append(Mistake(file=name, pages=[p.index], what="unread", expected="read",
                                        got=why or NONE))
            if text is not None and text.source == "text_layer":
                ocr.text_layer_pages += 1
                continue
            errors, chars = char_errors(p.text, text.text if text else "")
            ocr.pages, ocr.errors, ocr.chars = ocr.pages + 1, ocr.errors + errors, ocr.chars + chars
        for t in truth.documents:
            if t.doc_type and t.title and all(i in readings for i in t.pages):
                forms.setdefault((t.doc_type, t.title), []).append([readings[i] for i in t.pages])
    ocr.cer = ocr.errors / ocr.chars if ocr.chars else None

    # Checklists: the truth's documents through the same checklist code, against `dossier show`.
    cal, now = calendar(settings), today(settings)
    want_items: dict[ItemKey, str] = {}
    want_visits: dict[VisitKey, set[int]] = {}
    for (kind, key), tdocs in truth_docs.items():
        lists = dossier_checklists(kind, tdocs, policy, cal, now)
        want_items |= checklist_items(kind, key, lists)
        want_visits |= visit_documents(kind, key, lists)
    got_items: dict[ItemKey, str] = {}
    got_visits: dict[VisitKey, set[int]] = {}
    for ref in store.dossiers():
        view = show(store, ref, policy, settings)
        kind, key = as_truth.get((ref.kind, ref.key), (ref.kind, ref.key))
        got_items |= checklist_items(kind, key, view.checklists)
        got_visits |= visit_documents(kind, key, view.checklists)
    by_label, _ = checklist_agreement(want_items, got_items)
    labels = pair_visits(want_visits, got_visits)
    for (kind, key, visit), label in sorted(labels.items()):
        if visit != label:
            mistakes.append(Mistake(file=f"{kind}:{key}", pages=[], what="visit", expected=label, got=visit))
    got_items = relabel(got_items, labels)
    checklist, wrong_items = checklist_agreement(want_items, got_items)
    for k in wrong_items:
        mistakes.append(Mistake(file=f"{k[0]}:{k[1]}", pages=[], what="checklist",
                                expected=f"{k[2] or '-'} {k[3]} {want_items.get(k, 'absent')}",
                                got=f"{k[2] or '-'} {k[3]} {got_items.get(k, 'absent')}"))
    spurious = len({k[:3] for k in got_items} - {k[:3] for k in want_items})

    fields = {f: ratio(*field_counts[f]) for f in FIELDS if f in field_counts}
    signatures = signature_score(sig_pairs).model_copy(update={"not_required": not_required})
    seals = precision_recall(seal_pairs)
    seal_accuracy = ratio(sum(t == g for t, g in seal_pairs), len(seal_pairs))
    report = EvalReport(
        directory=str(directory), engine=settings.ocr_engine, files=len(files), documents=n_docs, pages=n_pages,
        seconds=round(seconds, 2), pages_per_minute=round(n_pages / seconds * 60, 2) if seconds else 0.0,
        classification=ratio(right_type, n_docs), confusion=confusion(type_pairs),
        wrong_confident=ratio(wrong_conf, n_docs), segmentation=ratio(right_pages, n_docs), fields=fields,
        dossier=ratio(right_dossier, n_docs), checklist=checklist, checklist_by_label=by_label,
        spurious_checklists=spurious,
        signatures=signatures, seals=seals, seal_accuracy=seal_accuracy, ocr=ocr, unread_pages=unread, metrics={},
        mistakes=mistakes,
        thresholds=threshold_sweep(judged), reliability=reliability(judged), threshold=settings.classify_threshold,
        learning=learning_curve(forms, policy, settings),
    )
    report.metrics = flat_metrics(report)
    return report


LEARNING_STEPS = (1, 3)


def learning_curve(forms: dict[tuple[str, str], list[list[PageText]]], policy: Policy, settings: Settings,
                   steps: Iterable[int] = LEARNING_STEPS) -> list[LearningPoint]:
    """Per step k: every form's first k documents taught as a clerk's corrections (their readings), then
    the form's later documents classified — before teaching and after. `forms`: (type, printed title) to
    the readings of each of its documents, in the set's order."""
    from dossier.classify.doctype import classify
    from dossier.classify.textmodel import Taught, configured_model

    model = configured_model(settings.doctype_model)

    def typed(pages: list[PageText], code: str, taught: list[Taught]) -> bool:
        return classify(pages, policy, settings.classify_threshold, taught=taught, model=model).doc_type == code

    # With nothing taught a document's verdict is the same at every step: judged once.
    steps = sorted(steps)
    untaught = {(form, i): typed(pages, form[0], []) for form, docs in forms.items()
                for i, pages in enumerate(docs) if steps and i >= steps[0]}
    out = []
    for k in steps:
        taught = [Taught.of(code, "\n".join(p.text for p in pages))
                  for (code, _), docs in forms.items() for pages in docs[:k]]
        later = [(form, i, pages) for form, docs in forms.items() for i, pages in enumerate(docs) if i >= k]
        before = sum(untaught[form, i] for form, i, _ in later)
        after = sum(typed(pages, form[0], taught) for form, _, pages in later)
        out.append(LearningPoint(taught=k, forms=sum(len(d) > k for d in forms.values()),
                                 before=ratio(before, len(later)), after=ratio(after, len(later))))
    return out


def flat_metrics(r: EvalReport) -> dict[str, float | None]:
    out: dict[str, float | None] = {
        "classification": r.classification.value,
        "wrong_confident": r.wrong_confident.value,
        "segmentation": r.segmentation.value,
        "dossier": r.dossier.value,
        "checklist": r.checklist.value,
        "checklist_by_label": r.checklist_by_label.value if r.checklist_by_label else None,
        "signature_blank_precision": r.signatures.precision,
        "signature_blank_recall": r.signatures.recall,
        "signature_signed_missed": r.signatures.signed_missed.value,
        "seal_precision": r.seals.precision,
        "seal_recall": r.seals.recall,
        "seal_accuracy": r.seal_accuracy.value,
        "cer": r.ocr.cer,
        "unread_pages": float(r.unread_pages),
        "pages_per_minute": r.pages_per_minute,
    }
    out |= {f"field.{f}": v.value for f, v in r.fields.items()}
    return out


# --- tuning sweeps -----------------------------------------------------------------------------------------

def sweep_items(spec: str) -> list[str]:
    """`--sweep fields.name_max_chars=3,4,5` -> one DOSSIER_TUNE item per value, in the order given."""
    name, sep, values = spec.partition("=")
    stage, dot, key = name.strip().partition(".")
    items = [f"{name.strip()}={v.strip()}" for v in values.split(",") if v.strip()]
    if not (sep and dot and stage and key and items):
        raise ConfigError(text("eval.bad_sweep", spec=repr(spec)))
    return items


def with_tune(current: str, extra: str) -> str:
    """DOSSIER_TUNE with `extra` laid over it (a later item wins: dossier.tuning)."""
    return ",".join(filter(None, (current.strip(), extra.strip())))


def sweep_line(item: str, r: EvalReport, lang: str | None = None) -> str:
    """One line of the main figures of a run with DOSSIER_TUNE item `item`."""
    fields = ratio(sum(v.count for v in r.fields.values()), sum(v.total for v in r.fields.values()))
    return text("eval.sweep_line", lang, item=item, classification=_r(r.classification),
                wrong=_r(r.wrong_confident), fields=_r(fields), checklist=_r(r.checklist),
                sig_p=_pct(r.signatures.precision), sig_r=_pct(r.signatures.recall),
                seal_p=_pct(r.seals.precision), seal_r=_pct(r.seals.recall))


# --- for people ------------------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "  —  " if x is None else f"{x * 100:5.1f}%"


def _r(x: Ratio) -> str:
    return f"{_pct(x.value)}  {x.count}/{x.total}"


def human_report(r: EvalReport, lang: str | None = None) -> str:
    """The report for people: both languages side by side, or `lang` alone."""
    s, o = r.signatures, r.ocr

    def say(msg_id: str, **params: object) -> str:
        return text(msg_id, lang, **params)

    lines = [
        say("eval.title", directory=r.directory),
        say("eval.counts", files=r.files, documents=r.documents, pages=r.pages, engine=r.engine, seconds=r.seconds,
            rate=r.pages_per_minute),
        say("eval.classification", value=_r(r.classification)),
        say("eval.wrong_confident", value=_r(r.wrong_confident)),
        say("eval.segmentation", value=_r(r.segmentation)),
        say("eval.dossier", value=_r(r.dossier)),
        say("eval.checklist", value=_r(r.checklist), spurious=r.spurious_checklists,
            by_label=_r(r.checklist_by_label) if r.checklist_by_label else "-"),
        say("eval.signatures", precision=_pct(s.precision), tp=s.tp, judged=s.tp + s.fp, recall=_pct(s.recall),
            truth=s.tp + s.fn, uncertain=s.uncertain, unjudged=s.unjudged,
            not_required=s.not_required),
        say("eval.signed_missed", value=_r(s.signed_missed)),
        say("eval.seals", precision=_pct(r.seals.precision), tp=r.seals.tp, judged=r.seals.tp + r.seals.fp,
            recall=_pct(r.seals.recall), truth=r.seals.tp + r.seals.fn, accuracy=_r(r.seal_accuracy)),
        say("eval.cer", engine=o.engine, cer=_pct(o.cer), errors=o.errors, chars=o.chars, pages=o.pages)
        + (say("eval.text_layer", pages=o.text_layer_pages) if o.text_layer_pages else ""),
    ]
    if r.unread_pages:
        lines.append(say("eval.unread", pages=r.unread_pages, total=r.pages))
    lines.append(say("eval.fields"))
    lines += [f"  {f:<15} {_r(v)}" for f, v in r.fields.items()]
    lines.append(say("eval.by_true_type"))
    for truth, row in r.confusion.items():
        n = sum(row.values())
        off = ", ".join(f"{g}×{c}" for g, c in sorted(row.items(), key=lambda x: -x[1]) if g != truth)
        lines.append(f"  {truth:<23} {row.get(truth, 0)}/{n}" + (f"  → {off}" if off else ""))
    if r.reliability:
        lines.append(say("eval.reliability"))
        lines += [f"  {row.low:.1f}–{row.high:.1f}  {row.documents:4d}  {_pct(row.accuracy)}" for row in r.reliability]
    if r.thresholds:
        lines.append(say("eval.thresholds")
                     + (say("eval.threshold_in_force", threshold=r.threshold) if r.threshold is not None else ""))
        lines += [f"  {row.threshold:.2f}  {_pct(row.right)}  {_pct(row.wrong_confident)}  {_pct(row.review)}"
                  for row in r.thresholds]
    if r.learning:
        lines.append(say("eval.learning"))
        lines += [f"  {pt.taught}  {pt.forms:4d}  {_r(pt.before)} → {_r(pt.after)}" for pt in r.learning]
    if r.mistakes:
        lines.append(say("eval.mistakes", n=len(r.mistakes)))
        for m in r.mistakes:
            pages = f" p{','.join(map(str, m.pages))}" if m.pages else ""
            lines.append(f"  {m.file}{pages} [{m.what}] " + say("eval.mistake", expected=m.expected, got=m.got))
    if r.below_floor:
        lines.append(say("eval.below_floor"))
        lines += [f"  {b}" for b in r.below_floor]
    return "\n".join(lines)
