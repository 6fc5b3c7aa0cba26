"""Build the document-type model (classify/textmodel.py) from policy data and generated documents.

    .venv/bin/dossier train-classifier --family a,b,d,e --out dossier/policies/doctype_model.json
    (the same as: .venv/bin/python -m dossier.training --out dossier/policies/doctype_model.json, whose
    families are a,b,d,e by default: the shipped model)

Training text is the generator's truth text (samples/generate.py renders each form at a low resolution
and keeps what it printed; no scan, no OCR), of seeds that are never evaluation seeds (101–105), plus
each type's titles and keywords from the policy. Every document is learned three times, OCR-like noise
added: as printed; with its title line removed, so that a form under a title the vocabulary lacks is still
recognised by its body; and as its title with the few lines under it (`head`), so that a short text is not
a photo's caption by its shortness. The temperature is fitted on another seed (106). Seeds fixed, everything sorted:
the same bytes on every run.

`--family a,b,d,e` also learns the development families b, d and e (samples/family_X: scans written to a
temporary folder, truth text read back; `--family-count` documents a seed, 20 by default, since they write
and degrade real scans: several minutes in all). Families c and f (and any later family) are held out and can never
be named: they are the measure of forms never seen. Leave one family out to measure a family the model did
not learn (`--family a,b,d` for e, `--family a,b,e` for d), docs/tuning.md.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from dossier import messages
from dossier.classify.fuzzy import normalize
from dossier.classify.textmodel import MODEL_PATH, NONE, ModelFile, TextModel, grams
from dossier.errors import ExitCode
from dossier.policy import Policy, base_policy

TRAIN_SEEDS = (101, 102, 103, 104, 105)
CALIBRATION_SEED = 106
COUNT = 150  # documents per seed
# Documents per seed of families b, d and e: their generators write and degrade real scans (1.5-2.5 s a
# document on a shared machine), so 150 a seed would take most of an hour; 20 keep the build near 10 min.
FAMILY_COUNT = 20
VOCABULARY = 5000  # n-grams kept, the most class-typical
MIN_DF = 3  # an n-gram seen in fewer training documents is a value (a name), not the form's wording
EPOCHS, RATE, MOMENTUM, L2 = 300, 2.0, 0.9, 1e-4  # the regression's fit (full batch)
HEAD_LINES = 3  # lines under the title in a form's short example (head)
DROP, SWAP = 0.04, 0.03  # OCR-like noise: characters lost, characters read as another

Example = tuple[str, str]  # (class, text)


def generated_documents(seed: int, count: int, policy: Policy) -> list[tuple[str, str, str]]:
    """(class, title, text) of the documents `dossier samples --seed seed --count count` would plan,
    each rendered at a low resolution for its printed text only."""
    from dossier.samples import other
    from dossier.samples.generate import plan, render_document

    out = []
    for i, spec in enumerate(plan(random.Random(seed), count, True, policy)):
        rng = random.Random(f"{seed}:{i}")
        for d in spec.docs:
            if d.code is None:
                _, text = other.screenshot(rng) if d.other == "screenshot" else other.scene(rng)
                out.append((NONE, "", text))
            else:
                sheet, ctx = render_document(d, rng, 72, policy)
                out.append((d.code, ctx.title, "\n".join(sheet.page_text(j) for j in range(len(sheet.pages)))))
    return out


def sample_family_documents(family: str, seed: int, count: int) -> list[tuple[str, str, str]]:
    """(class, title, text) of the documents of an independently written family (samples/family_X, whose
    `make.generate(seed, count, out)` writes scans beside their truth): the scans are written to a
    temporary folder and their truth text read back (no OCR)."""
    import tempfile

    from dossier.samples.families import generator
    from dossier.samples.truth import load_truth

    generate = generator(family)
    out = []
    with tempfile.TemporaryDirectory(prefix=f"dossier-train-{family}-") as tmp:
        for path in generate(seed, count, Path(tmp)):
            truth = load_truth(path)
            for d in truth.documents:
                text = "\n".join(truth.pages[i - 1].text for i in d.pages)
                out.append((d.doc_type or NONE, d.title or "", text))
    return out


def without_title(text: str, title: str) -> str:
    t = normalize(title)
    return "\n".join(ln for ln in text.splitlines() if not t or t not in normalize(ln))


def head(text: str, title: str) -> str:
    """The title line and the few lines under it alone: a form's page as a faint scan or a short form shows it.
    Without it every short text the model learns from is a photo's caption or a screenshot, so shortness
    itself read as a photo: a page holding 汽车销售合同 over four lines was a handover photo at 0.99 once
    families b and d were learnt (their captions name the dealer, 某某汽车销售服务有限公司)."""
    lines = text.splitlines()
    t = normalize(title)
    at = next((i for i, ln in enumerate(lines) if t and t in normalize(ln)), 0)
    return "\n".join(lines[: at + 1 + HEAD_LINES])


def noisy(text: str, rng: random.Random) -> str:
    """The text as a reader might return it: a few characters lost, a few read as others of the page."""
    pool = [ch for ch in text if not ch.isspace()] or ["口"]
    out = []
    for ch in text:
        r = rng.random()
        if ch == "\n" or r >= DROP + SWAP:
            out.append(ch)
        elif r >= DROP:
            out.append(rng.choice(pool))
    return "".join(out)


def policy_examples(policy: Policy) -> list[Example]:
    """Each type's vocabulary as a tiny document: a title over its keywords, and the keywords alone."""
    out: list[Example] = []
    for code, dt in sorted(policy.doc_types.items()):
        for title in dt.titles:
            out.append((code, "\n".join([title, *dt.keywords])))
        if dt.keywords:
            out.append((code, "\n".join(dt.keywords)))
    return out


# The families training may learn from: a (our generator) and the development families b, d and e. Families c
# and f (and any later one) are held out, the measure of forms never seen: no model may learn from them.
FAMILIES = ("a", "b", "d", "e")
SHIPPED = "a,b,d,e"  # the families the shipped model learns from (the command's default)


def family_documents(family: str, seed: int, count: int, policy: Policy) -> list[tuple[str, str, str]]:
    return generated_documents(seed, count, policy) if family == "a" else sample_family_documents(family, seed, count)


def examples(seeds: Iterable[int], count: int, policy: Policy, families: str = "a",
             family_count: int = FAMILY_COUNT) -> list[Example]:
    """Training text of the families named ("a", "b", "a,b,d" ...): each seed of each, with OCR-like noise;
    `count` documents a seed of family a, `family_count` of the others."""
    out = policy_examples(policy)
    for family in families.split(","):
        if family not in FAMILIES:
            raise ValueError(messages.text("train.unknown_family", family=repr(family)))
        for seed in seeds:
            rng = random.Random(f"noise:{seed}" if family == "a" else f"noise:{family}:{seed}")
            n = count if family == "a" else family_count
            for code, title, text in family_documents(family, seed, n, policy):
                out.append((code, noisy(text, rng)))
                if title:
                    out.append((code, noisy(without_title(text, title), rng)))
                    out.append((code, noisy(head(text, title), rng)))
    return out


def fit(train: list[Example], classes: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary, weights and biases of a softmax regression over binary n-grams.

    A regression rather than naive Bayes: naive Bayes favours the classes of short documents (a photo's
    date stamp) on any short text, and counts a title's n-grams and a body's as independent evidence."""
    feats = [grams(text) for _, text in train]
    df: Counter[str] = Counter()
    per_class: dict[str, Counter[str]] = {c: Counter() for c in classes}
    n_class: Counter[str] = Counter()
    for (code, _), fs in zip(train, feats, strict=True):
        df.update(fs)
        per_class[code].update(fs)
        n_class[code] += 1
    # Most typical of one class against the others: the share of its documents holding the n-gram,
    # less the mean share among the other classes.
    scored = []
    for g in sorted(g for g, n in df.items() if n >= MIN_DF):
        shares = [per_class[c][g] / max(1, n_class[c]) for c in classes]
        best = max(shares)
        rest = (sum(shares) - best) / max(1, len(shares) - 1)
        scored.append((-(best - rest), g))
    vocab = [g for _, g in sorted(scored)[:VOCABULARY]]
    index = {g: i for i, g in enumerate(vocab)}
    x = np.zeros((len(train), len(vocab)), dtype=np.float32)
    for r, fs in enumerate(feats):
        x[r, sorted(index[g] for g in fs if g in index)] = 1.0
    y = np.zeros((len(train), len(classes)), dtype=np.float32)
    col = {c: j for j, c in enumerate(classes)}
    for r, (code, _) in enumerate(train):
        y[r, col[code]] = 1.0
    # Each class weighs alike whatever its count in the generator (a site's mix is its own).
    sample = (1.0 / np.array([n_class[c] for c, _ in train], dtype=np.float32))[:, None]
    sample *= len(train) / sample.sum()
    w: np.ndarray = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    b: np.ndarray = np.zeros(len(classes), dtype=np.float32)
    vw: np.ndarray = np.zeros_like(w)
    vb: np.ndarray = np.zeros_like(b)
    for _ in range(EPOCHS):  # full-batch gradient descent with momentum: no randomness at all
        z = x @ (w + MOMENTUM * vw) + (b + MOMENTUM * vb)
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = (p - y) * sample / len(train)
        gw = x.T @ grad + L2 * (w + MOMENTUM * vw)
        gb = grad.sum(axis=0)
        vw = MOMENTUM * vw - RATE * gw
        vb = MOMENTUM * vb - RATE * gb
        w, b = w + vw, b + vb
    return vocab, w.astype(np.float64), b.astype(np.float64)


def calibrate(model: TextModel, held_out: list[Example]) -> float:
    """The temperature that minimises the negative log-likelihood of the held-out classes."""
    z = np.array([model.logits(grams(text)) for _, text in held_out])
    y = np.array([model.classes.index(c) for c, _ in held_out])
    best = (float("inf"), 1.0)
    for t in [round(0.25 + 0.05 * k, 2) for k in range(200)]:
        s = z / t
        s = s - s.max(axis=1, keepdims=True)
        nll = float(-(s[np.arange(len(y)), y] - np.log(np.exp(s).sum(axis=1))).mean())
        best = min(best, (round(nll, 9), t))
    return best[1]


def policy_digest(policy: Policy) -> str:
    """A short digest of the policy's content (kinds, types, titles, keywords, labels, job words, checklists)."""
    text = json.dumps(policy.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build(seeds: Iterable[int] = TRAIN_SEEDS, count: int = COUNT, calibration_seed: int = CALIBRATION_SEED,
          policy: Policy | None = None, families: str = "a", family_count: int = FAMILY_COUNT) -> ModelFile:
    policy = policy or base_policy()
    seeds = list(seeds)
    train = examples(seeds, count, policy, families, family_count)
    classes = [*sorted(policy.doc_types), NONE]
    vocab, w, b = fit(train, classes)
    scale = float(np.abs(w).max()) / 127 or 1.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    counts = f"{count} documents of family a" + (f", {family_count} of each other" if families != "a" else "")
    f = ModelFile(
        classes=classes, vocabulary=vocab, scale=round(scale, 9), weights=base64.b64encode(q.tobytes()).decode(),
        bias=[round(float(v), 4) for v in b], temperature=1.0, policy=policy_digest(policy),
        trained_on=(f"policy titles and keywords; generated seeds {seeds} x {count} documents of family a, "
                    if families == "a" else
                    f"policy titles and keywords; generated seeds {seeds} of families {families} ({counts}), ")
                   + f"as printed, without title and as title and {HEAD_LINES} lines, noise {DROP}/{SWAP}; temperature from seed {calibration_seed}",
    )
    f.temperature = calibrate(TextModel(f), examples([calibration_seed], count, policy, families, family_count))
    return f


def reliability(model: TextModel, held_out: list[Example]) -> list[tuple[str, int, float]]:
    """(confidence bucket, documents, share right) of the model's best guess on held-out text."""
    rows: dict[int, list[bool]] = {}
    for c, text in held_out:
        p = model.probabilities(text)
        best = max(p, key=lambda k: p[k])
        rows.setdefault(min(9, int(p[best] * 10)), []).append(best == c)
    return [(f"{b / 10:.1f}-{(b + 1) / 10:.1f}", len(v), sum(v) / len(v)) for b, v in sorted(rows.items())]


def write(f: ModelFile, out: Path) -> None:
    out.write_text(json.dumps(f.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="dossier train-classifier", description=messages.text("train.description"))
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--seeds", default=",".join(map(str, TRAIN_SEEDS)), help="generator seeds to learn from")
    ap.add_argument("--count", type=int, default=COUNT, help="documents per seed of family a")
    ap.add_argument("--family-count", type=int, default=FAMILY_COUNT, help="documents per seed of families b, d and e")
    ap.add_argument("--calibration-seed", type=int, default=CALIBRATION_SEED)
    ap.add_argument("--report", action="store_true", help="print the reliability on the calibration seed")
    ap.add_argument("--family", default=SHIPPED, metavar="a,b,d,e",
                    help="the sample families to learn from, by commas: a (the own generator), b, d, e (samples/family_X)")
    args = ap.parse_args(argv)
    f = build([int(s) for s in args.seeds.split(",")], args.count, args.calibration_seed, families=args.family,
              family_count=args.family_count)
    write(f, Path(args.out))
    print(messages.text("train.written", out=args.out, size=Path(args.out).stat().st_size, ngrams=len(f.vocabulary),
               temperature=f.temperature), file=sys.stderr)
    if args.report:
        held_out = examples([args.calibration_seed], args.count, base_policy(), args.family, args.family_count)
        for bucket, n, acc in reliability(TextModel(f), held_out):
            print(f"  {bucket}  {n:5d}  {acc * 100:5.1f}%")
    return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
