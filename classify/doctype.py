"""Document-type classification against the checklists' title words and keywords (policy data).

A document's type comes from its title — a short, prominent line near the top of its first page —
confirmed by body keywords. Every result carries a confidence; below the threshold the document
goes to review with its best guesses instead of being forced into a type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dossier import messages
from dossier.classify.fuzzy import normalize, reading_variants, window_match
from dossier.classify.hanzi import is_hanzi
from dossier.classify.signature_labels import lexicon
from dossier.classify.textmodel import NONE, Taught, TextModel, default_model, grams, nearest_taught
from dossier.models import Classification, PageText, Word, group_lines
from dossier.policy import Policy
from dossier.tuning import Thresholds, tuning

TITLE_ZONE = 0.35  # titles sit in the top third of a form
TITLE_WEIGHT = 0.8
KEYWORD_WEIGHT = 0.2
KEYWORDS_FOR_FULL = 3  # this many body keywords give the full keyword component
HEADING_TITLE = 4  # a known title this long ending a heading line names the page whatever precedes it
LARGER = 1.15  # a title line's print size over the title zone's median line (box height or pitch)
ONE_CHARACTER_TITLE = 0.85  # weaker evidence than a whole title: with no keywords it stays under review


@dataclass
class Line:
    text: str  # normalized
    box: tuple[int, int, int, int]


def line_of(words: list[Word]) -> Line:
    """One visual line's words as a line: their text normalized, their union box."""
    box = (min(w.box[0] for w in words), min(w.box[1] for w in words),
           max(w.box[2] for w in words), max(w.box[3] for w in words))
    return Line(normalize("".join(w.text for w in words)), box)


def pitch(words: list[Word]) -> float:
    """Print size as the width of one Chinese character (a Latin letter or digit is half of one): the
    engine pads a line's box in height as it likes, a table row's as much as a title's, but a larger font
    always spaces its characters wider. 0 for a line with no characters to measure."""
    units = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for w in words for ch in w.text.strip())
    return sum(w.box[2] - w.box[0] for w in words) / units if units >= 2 else 0.0


def page_lines(page: PageText) -> list[Line]:
    """Words grouped into visual lines, top to bottom, each with its union box."""
    return [ln for ln in map(line_of, group_lines(page.words)) if ln.text]


def _title_variants(titles: list[str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """A type's titles as they may be read, each with its characters."""
    return tuple((v, frozenset(v)) for v in {v for title in titles for v in reading_variants(title, shortest=1)})


@dataclass(frozen=True)
class TitleIndex:
    """What title_scores reads of a policy's titles, worked out once per policy: each type's titles as they
    may be read, and the head nouns only one type's titles end in."""

    variants: tuple[tuple[str, tuple[tuple[str, frozenset[str]], ...]], ...]
    sole_heads: dict[str, str]
    ends: frozenset[str]  # the titles' last characters: a Chinese title ends in its head noun (单, 表, 书, 合同…)


_INDEXES: dict[int, tuple[Policy, TitleIndex]] = {}  # by the policy's identity; the policy kept so its id stays its own


def title_index(policy: Policy) -> TitleIndex:
    """The policy's TitleIndex. A policy is not changed once loaded (a site's overlay makes a new one), so the
    index is kept per policy object: keying a cache by the titles themselves rebuilt them at every page."""
    hit = _INDEXES.get(id(policy))
    if hit is not None and hit[0] is policy:
        return hit[1]
    types = policy.doc_types
    index = TitleIndex(variants=tuple((code, _title_variants(dt.titles)) for code, dt in types.items()),
                       sole_heads=_sole_heads({code: dt.titles for code, dt in types.items()}),
                       ends=frozenset(t[-1] for dt in types.values() for t in map(normalize, dt.titles) if t))
    if len(_INDEXES) >= 8:  # tests build many policies; a running service has one or two
        _INDEXES.clear()
    _INDEXES[id(policy)] = (policy, index)
    return index


def title_zone(page: PageText) -> list[tuple[list[Word], Line, bool, bool]]:
    """The title zone's lines: each line's words, the line, whether its box is taller than the zone's other
    lines', and whether its characters are set wider apart (OCR pads boxes in table rows as much as a
    title's, but a larger font always spaces its characters wider)."""
    grouped = [(g, ln) for g in group_lines(page.words)
               if (ln := line_of(g)).text and ln.box[1] <= page.height * TITLE_ZONE]
    if not grouped:
        return []
    heights = sorted(ln.box[3] - ln.box[1] for _, ln in grouped)
    median_h = heights[len(heights) // 2] or 1
    pitches = sorted(x for g, _ in grouped if (x := pitch(g)))
    median_p = pitches[len(pitches) // 2] if pitches else 0.0
    return [(g, ln, ln.box[3] - ln.box[1] >= LARGER * median_h, median_p > 0 and pitch(g) >= LARGER * median_p)
            for g, ln in grouped]


def _sole_heads(titles: dict[str, list[str]]) -> dict[str, str]:
    """Head nouns (a title's last character) that end every title of one type and no other type's title:
    函 (工作联系函, 往来函, 通知函) is a letter's, whatever words a site puts before it."""
    ends = {code: {normalize(t)[-1] for t in ts if normalize(t)} for code, ts in titles.items()}
    return {next(iter(e)): code for code, e in ends.items()
            if len(e) == 1 and not any(e & other for c, other in ends.items() if c != code)}


def title_scores(page: PageText, policy: Policy, headings: bool = False) -> dict[str, float]:
    """Per document type, how well the page's title zone names it (0..1); with `headings`, only its headings:
    its first line and the lines printed larger than the zone's (taller or wider set), not a table's rows."""
    zone = [z for n, z in enumerate(title_zone(page)) if not headings or n == 0 or z[2] or z[3]]
    lines = [ln for _, ln, _, _ in zone]
    line_chars = [frozenset(ln.text) for ln in lines]
    scores: dict[str, float] = {}
    index = title_index(policy)
    for code, variants in index.variants:
        best = 0.0
        for t, t_chars in variants:
            # window_match's own pre-filter, with each line's characters collected once: most titles
            # share too few characters with most lines to be worth a window search.
            enough = max(1, len(t) * 0.6 - 1)
            for (_, ln, tall, wide), chars in zip(zone, line_chars, strict=True):
                if len(t) == 1:
                    # A two-character title read without the one the engine cannot emit (綠卡 as 卡)
                    # names the page only as a line of its own, printed large.
                    if ln.text == t and tall:
                        best = max(best, ONE_CHARACTER_TITLE)
                    continue
                if len(t_chars & chars) < enough and t not in ln.text:
                    continue
                sim, start, end = window_match(t, ln.text, min_score=0.6)
                # A title misread a little is still a title, but a label that reads a little like one is
                # followed by its value (联系电话 17254948955 ~ 联系函): a title is followed by no figure but
                # its own number, and such a title is read whole.
                if sim < 0.6 or (sim < 1.0 and _figures(ln.text[end:])):
                    continue
                # A heading read without its title's head noun names another paper (维修工车记录, its 试 lost,
                # is no 维修工单): too weak to hold a model's reading back, though it may still name a type.
                if headings and sim < 1.0 and t[-1] not in ln.text[start:end]:
                    continue
                # A title is most of its line; a mention inside a sentence is not a title. A Chinese title
                # ends in its head noun (…委托书, …工单): a known title ending a line printed large is the
                # title, the words before it the issuer's name (某某汽车销售服务维修工单). Not a short one
                # (申请单): the words before it may make it another type's (装修施工许可申请单). An issuer's name
                # holds no figure; a table row of fields does (车辆识别代号 LFV… 进厂里程 2618 服务类型 首次保养),
                # and its last value is no title.
                cjk = sum(1 for ch in ln.text if is_hanzi(ch)) or len(ln.text)
                heads = ((tall or wide) and end == len(ln.text) and len(t) >= HEADING_TITLE
                         and not _figures(ln.text[:start]))
                coverage = 1.0 if heads else min(1.0, 2.0 * len(t) / max(cjk, 1))
                # Titles are printed larger than body text; a same-size line gets a small discount.
                size = 1.0 if tall else 0.92
                best = max(best, sim * coverage * size)
        if best > 0:
            scores[code] = best
    # A heading of a site's own words ending in a head noun only one type's titles end in (关于停车场收费调整
    # 的函, 回函) names that type as weakly as a title that counts at all.
    for words, ln, tall, wide in zone:
        if (head := index.sole_heads.get(ln.text[-1])) and (tall or wide) and _titlelike(words, ln):
            scores[head] = max(scores.get(head, 0.0), FORM_TITLE)
    return scores


_NUMBER = re.compile(r"\d{2}")


def _figures(text: str) -> bool:
    """The text holds a number of two digits or more: a value (a date, a mileage, a VIN, a telephone number),
    which no issuer's name holds (a dealer's 4S店 is no number)."""
    return bool(_NUMBER.search(text))


def _titlelike(words: list[Word], ln: Line) -> bool:
    """A few words, mostly Chinese beside any English rendering, no colon: a title, not a label or a sentence."""
    raw = "".join(w.text for w in words)
    cjk = sum(1 for ch in ln.text if is_hanzi(ch))
    latin = sum(1 for ch in ln.text if ch.isascii() and ch.isalpha())
    return (2 <= len(ln.text) - latin <= 24 and cjk >= 0.6 * (len(ln.text) - latin)
            and ":" not in raw and "：" not in raw)


def keyword_hits(text: str, keywords: list[str]) -> int:
    norm = normalize(text)
    return sum(1 for k in keywords if any(v in norm for v in reading_variants(k)))


def identified_by_keywords(text: str, policy: Policy) -> str | None:
    """The type of a title-less document whose own fixed labels name it (an ID card's front)."""
    for code, dt in policy.doc_types.items():
        if dt.identify_by_keywords and keyword_hits(text, dt.identify_keywords) >= dt.identify_by_keywords:
            return code
    return None


def has_signing_field(text: str) -> bool:
    """A line holds a signing word (signing.yaml): the text is a form's, with a place to sign. A photo's
    caption or tag names the car and the visit, never who signs; a short form no title rule knows (a
    title, a VIN line, 客户签字：) reads like a caption to the text model all the same."""
    strong = lexicon().strong
    return any(w in line for line in map(normalize, text.splitlines()) for w in strong)


FORM_TITLE = 0.6  # a title line this like a form's title (title_scores' least match): the page is that form's


def names_a_form(titles: dict[str, float], policy: Policy) -> bool:
    """The title zone reads like the title of a type that is no photo (`titles`: title_scores): a form, whose
    body the scan lost or which prints little (a title over four lines), not a picture's caption."""
    return any(v >= FORM_TITLE for c, v in titles.items() if not policy.doc_types[c].photo)


STRONG_TITLE = 0.85  # a title line this close to a known title decides, unless the body plainly says otherwise
VETO = 0.95  # the model this sure of another type, and the title's type below VETO_BELOW: the title is no proof
VETO_BELOW = 0.01
RULE_SHARE = 0.5  # a weak title match confirming the model's type counts half
PAGE_OTHER = 0.6  # a page the model reads this surely as another form (and as the document's type not at all)
PAGE_NOT = 0.05
# A later page whose headings (title_scores' `headings`) name no type this well has no heading of its own: a title
# mentioned in a clause scores under it (its line is many times its length), one sharing its line with the issuer's
# name over it.
HEADED = 0.3
HEAD_LINES = 3  # a heading is among its page's first lines (a signature written large under the terms is none)


class DoctypeTuning(Thresholds):
    """dossier/policies/tuning/doctype.yaml."""

    margin: float  # best guess less than this above the second: review
    title_names: float  # a title line this like one type's title, and the best guess another: review
    agreed_threshold: float  # title line and text model name the same type first: filed from this confidence
    agreed_share: float  # ... the model's best type holding this share of what it gives all types


def _top(scores: dict[str, float]) -> str | None:
    """The highest-scoring type, if any scores and no other scores as high (a title line matching four
    types alike names none of them)."""
    real = {c: v for c, v in scores.items() if c != NONE and v > 0}
    if not real:
        return None
    best = max(real.values())
    tied = [c for c, v in real.items() if v == best]
    return tied[0] if len(tied) == 1 else None


def classify(
    pages: list[PageText], policy: Policy, threshold: float, titles: dict[str, float] | None = None,
    taught: list[Taught] | None = None, model: TextModel | None | bool = True, kind: str | None = None,
) -> Classification:
    """`titles`: the first page's title_scores, if known (segmentation computed them); `taught`: this
    archive's taught examples; `model`: the text model (True: the shipped one; None/False: rules only);
    `kind`: the one dossier kind whose keys the document carries (keys_kind), if known.

    The title rule when a title line matches strongly; else the learned text model (calibrated), a weak
    title of the same type adding to it; a taught example of this archive as similar as a form's second
    copy wins over both. Below `threshold`, or when the text looks like no document type, review."""
    cls = _classify(pages, policy, threshold, titles, taught, model)
    # The document's keys say whose dossier it is (a unit number, no VIN or plate). Where its best reading is
    # already a type of that kind and waits, a likeness to a type of the other kind held it back (入住交接单 reads a
    # little like 接车单; a close second or a title that seems to disagree): judged again without such types. A
    # best reading of the other kind still waits (kind_checked), its likeness no proof the keys were misread.
    if (kind is not None and cls.doc_type is None and cls.guesses
            and policy.doc_types[cls.guesses[0][0]].kind == kind
            and any(policy.doc_types[c].kind != kind for c, _ in cls.guesses)):
        return _classify(pages, policy, threshold, titles, taught, model, kind)
    return cls


def _classify(
    pages: list[PageText], policy: Policy, threshold: float, titles: dict[str, float] | None = None,
    taught: list[Taught] | None = None, model: TextModel | None | bool = True, kind: str | None = None,
) -> Classification:
    """classify; with `kind`, types of another dossier kind are no candidates."""
    if not pages or not any(p.words for p in pages):
        return Classification(doc_type=None, confidence=0.0, reason=messages.text("classify.no_text"))
    titles = title_scores(pages[0], policy) if titles is None else titles
    text = "\n".join(p.text for p in pages)
    tm = default_model() if model is True else model or None
    probs = tm.probabilities(text) if tm else {}
    # A page with a place to sign, or headed by a form's title, is a form, whatever the model makes of its
    # few lines: photos are short texts, so to the model any short text leans to a photo (a caption's
    # dealer name 某某汽车销售服务有限公司 shares 汽车销售 with 汽车销售合同; issue 18). Photos are typed by
    # their batch (classify/photo.py), which asks the same of a page.
    signs = has_signing_field(text) or names_a_form(titles, policy)
    if kind is not None:
        titles = {c: v for c, v in titles.items() if policy.doc_types[c].kind == kind}
        probs = {c: v for c, v in probs.items() if c == NONE or (c in policy.doc_types and policy.doc_types[c].kind == kind)}
    rule, rule_conf = rule_scores(text, titles, policy)
    photos = {c for c, dt in policy.doc_types.items() if dt.photo}
    # The model read such a page as a photo: it has no reading of this form worth weighing, so below only a
    # strong title types it.
    misread = signs and _top(probs) in photos
    if signs:
        # Dropped before the veto below, so a photo the model is sure of cannot silence a form's own title
        # (a 交车检查表 of five lines).
        probs = {c: v for c, v in probs.items() if c not in photos}
    # A known title read whole and printed as the page's heading names the paper, over a body the model reads
    # as another type for its price table alone (a work order's or an add-on sheet's priced rows, learnt under
    # settlements' titles): the heading decides. A body that reads as another type by its other lines (a
    # customer card's title over a PDI sheet's checks) still makes a disagreement for a clerk.
    printed = printed_title(pages[0], policy)
    if printed and kind is not None and policy.doc_types[printed].kind != kind:
        printed = None
    read = _top(probs)
    if printed and tm and read not in (None, printed) and not rests_on_prices(text, read, probs, tm):
        printed = None
    conf: dict[str, float] = {}
    for code in set(rule) | {c for c, p in probs.items() if p >= 0.01 and c != NONE}:
        p = probs.get(code, 0.0)
        rc = rule_conf.get(code, 0.0)
        vetoed = bool(probs) and p < VETO_BELOW and max(probs.values()) >= VETO and code != printed
        if vetoed:
            conf[code] = p
        else:
            # The rule's own confidence stands (it is what the threshold was tuned on); the model adds to it,
            # a weak title's less than a strong one's.
            share = 1.0 if titles.get(code, 0.0) >= STRONG_TITLE else RULE_SHARE
            conf[code] = max(rc, 1 - (1 - p) * (1 - share * rc))
    if signs:  # a title rule may still name a photo type
        conf = {c: v for c, v in conf.items() if c not in photos}
    taught_by = None
    if taught and (near := nearest_taught(grams(text), taught)) and near[1] > conf.get(near[0], 0.0):
        conf[near[0]] = near[1]
        taught_by = near[0]
    lead = printed if taught_by in (None, printed) else None  # a clerk's example of this form still wins
    ranked = [(c, round(v, 3)) for c, v in sorted(conf.items(), key=lambda kv: (kv[0] != lead, -kv[1], kv[0]))[:3]
              if v > 0]
    if not ranked:
        return Classification(doc_type=None, confidence=0.0, reason=messages.text("classify.no_title"))
    best_code, best = ranked[0]
    tune = tuning("doctype", DoctypeTuning)
    # Title and model read different evidence (the title line; every line's n-grams): both naming the type
    # first is surer than the combined score says. A clerk's example is judged by its own similarity scale.
    named = _top(titles)
    # The model must name it alone, its doubt only its unfamiliarity with the wording (the discount, textmodel
    # familiarity): a reading spread over several types (授权委托书's body: a work order 0.41, a contract 0.15)
    # agrees with a weak title by chance. A page headed as a form under a title no policy knows, naming no other
    # type, agrees with it too (装修施工审批表 over a fit-out application the model reads alone, unfamiliar wording).
    alone = (taught_by is None and _top(probs) == best_code
             and probs[best_code] >= tune.agreed_share * sum(v for c, v in probs.items() if c != NONE))
    agreed = alone and (named == best_code or (
        not any(v >= FORM_TITLE for c, v in titles.items() if c != best_code) and has_heading(pages[0], policy)))
    bar = min(threshold, tune.agreed_threshold) if agreed else threshold
    # The margin weighs the title and the model; a taught example has its own test of a close second
    # (nearest_taught), so one of another form does not hold back a type they agree on.
    second = next((v for c, v in ranked[1:] if c != taught_by), 0.0)
    # A strong title line decides against a second guess with none (the model alone can be sure of anything).
    titled = titles.get(best_code, 0.0) >= STRONG_TITLE > titles.get(ranked[1][0] if len(ranked) > 1 else "", 0.0)
    close = taught_by != best_code and not titled and best - second < tune.margin
    # The title line names one type and the model files another the title does not name as well: two
    # readings that disagree (an estimate under its own title, whose body has a settlement's wording).
    # Only a title of the same dossier kind counts: a car's 进厂接待登记表 reads a little like a unit's 入住登记表,
    # and such a likeness of a type the document cannot be says nothing against the model.
    # The title must be printed as one: a checklist row in the title zone (使用说明书 车辆合格证) names a
    # document the form lists, not the form.
    disagree = (named is not None and named != best_code and taught_by != best_code
                and policy.doc_types[named].kind == policy.doc_types[best_code].kind
                and titles[named] >= tune.title_names and titles[named] - titles.get(best_code, 0.0) >= tune.margin
                and title_scores(pages[0], policy, headings=True).get(named, 0.0) >= tune.title_names)
    unread = misread and taught_by != best_code and titles.get(best_code, 0.0) < STRONG_TITLE
    # A title no policy knows still names its paper: the model's reading of the heading alone, weighed with
    # its reading of the whole text, may name another type (增加维修项目确认书 over a priced list the body reads
    # as a settlement: the price table is common to settlements, estimates, add-on sheets and quotations,
    # and only the heading tells them apart).
    headed = (heading_reads_as(pages[0], best_code, probs, tm, policy)
              if tm and taught_by != best_code and titles.get(best_code, 0.0) < FORM_TITLE else None)
    if headed is not None and headed not in dict(ranked):  # the reviewer sees the type the heading names
        ranked = [*ranked[:2], (headed, round(conf.get(headed, 0.0), 3))]
    if (best < bar or close or disagree or unread or headed is not None
            or (probs.get(NONE, 0.0) > best and taught_by != best_code)):
        guesses = ", ".join(f"{policy.name(c)}({c}) {s:.2f}" for c, s in ranked)
        none = probs.get(NONE, 0.0)
        why = messages.text("classify.like_no_type", score=none) + "; " if none > best else ""
        return Classification(
            doc_type=None,
            confidence=best,
            guesses=ranked,
            reason=why + messages.text("classify.uncertain", guesses=guesses),
        )
    if len(pages) > 1 and tm and taught_by != best_code and (other := page_of_another(pages, best_code, tm, policy)):
        return Classification(doc_type=None, confidence=best, guesses=ranked,
                              reason=messages.text("classify.pages_differ", page=other[0] + 1, other=policy.name(other[1])))
    return Classification(doc_type=best_code, confidence=best, guesses=ranked)


WHOLE_TITLE = 0.999  # title_scores of a title read whole, covering its line, printed larger than the zone's lines


def printed_title(page: PageText, policy: Policy) -> str | None:
    """The one type a heading of the page (title_scores' `headings`) names with a whole title of the policy,
    printed large and standing as its line: a site's heading says what its paper is. On the development
    families (a to i) such a heading named the document's type every time (535 of 535); the body may read as another
    type that shares its table (a work order's or an add-on sheet's priced rows read as a settlement's)."""
    return _top({c: v for c, v in title_scores(page, policy, headings=True).items() if v >= WHOLE_TITLE})


# A priced row: an amount with its cents (220.00, 1,244.00), the row of a price table.
_AMOUNT = re.compile(r"\d\.\d{2}(?!\d)")
PRICED_ROWS = 2  # a price table has rows; one amount is a total or a deposit
PRICED_SHARE = 0.7  # the model's reading of the type without the priced rows, as a share of its reading with them


def rests_on_prices(text: str, code: str, probs: dict[str, float], tm: TextModel) -> bool:
    """The model reads the text as `code` mostly for its priced rows: read again without them, it gives `code`
    under PRICED_SHARE of what it gave. A price table is common to settlements, estimates, add-on sheets, loss
    assessments, quotations and receipts, and the model learnt it under a few of their titles only; under a
    heading that names none of `code`'s titles (车辆损失确认书, 追加项目通知单, 报价单) it says nothing of which
    paper this is. A type the body names by its other lines (a fit-out form's deposit beside its contractor,
    a settlement's header of labour and parts) keeps most of its reading."""
    lines = text.splitlines()
    if sum(1 for ln in lines if _AMOUNT.search(ln)) < PRICED_ROWS or not probs.get(code):
        return False
    rest = tm.probabilities("\n".join(ln for ln in lines if not _AMOUNT.search(ln)))
    return rest.get(code, 0.0) < PRICED_SHARE * probs[code]


HEADING_ODDS = 2.0  # the heading's and the text's readings together favour another type this many times over
# The text's reading of a type is taken as at least this: a body of prices the model learnt only under settlements'
# titles makes it sure of a settlement (0.99 and more) under any heading, but it never saw an add-on sheet's or a
# quotation's body, so its doubt about them is no evidence against what their heading says.
BODY_FLOOR = 0.01
HEADING_ROWS = 5  # logo, issuer, address or hotline, English rendering, title


def heading_line(page: PageText, policy: Policy) -> Line | None:
    """The page's heading: the first title-like line among its first rows ending in a head noun some title of
    the policy ends in (单, 表, 书, 卡, 函…), not the issuer's name, a logo or an English rendering."""
    ends = title_index(policy).ends
    return next((ln for words, ln, _, _ in title_zone(page)[:HEADING_ROWS]
                 if ln.text[-1] in ends and _titlelike(words, ln) and not _figures(ln.text)), None)


def heading_reads_as(page: PageText, code: str, probs: dict[str, float], tm: TextModel, policy: Policy) -> str | None:
    """The type of `code`'s dossier kind that the page's heading — the first title-like line among its first
    rows ending in a head noun some title of the policy ends in (单, 表, 书, 卡, 函…: not the issuer's name,
    a logo or an English rendering, which OCR often reads larger than the title) — and the whole text
    (`probs`) name together, where that is not `code`: the model's reading of
    the heading alone times its reading of the text, HEADING_ODDS times `code`'s. None when they agree or the
    page has no heading. Two readings of different evidence: the text's n-grams are mostly the body's, and a
    body of prices, an inspection grid or a letter is shared by several types that only their titles tell apart."""
    heading = heading_line(page, policy)
    if heading is None:
        return None
    read = tm.probabilities(heading.text)
    kind = policy.doc_types[code].kind
    both = {c: max(probs.get(c, 0.0), BODY_FLOOR) * p for c, p in read.items()
            if c != NONE and c in policy.doc_types and policy.doc_types[c].kind == kind and not policy.doc_types[c].photo}
    other = max((c for c in both if c != code), key=lambda c: both[c], default=None)
    return other if other is not None and both[other] > HEADING_ODDS * both.get(code, 0.0) else None


def has_heading(page: PageText, policy: Policy) -> bool:
    """The page is headed as a form of its own: a title-like line among its first, printed larger than its
    title zone's other lines (a title no policy knows: 预检单 VEHICLE CHECK-IN), or a heading naming a known
    type at all (HEADED: a title sharing its first line with the dealer's name, printed no larger). Not a line
    of its body that mentions a document (随车文件：合格证 on a contract's annex of what is handed over)."""
    return (any((tall or wide) and _titlelike(words, ln) for words, ln, tall, wide in title_zone(page)[:HEAD_LINES])
            or max(title_scores(page, policy, headings=True).values(), default=0.0) >= HEADED)


def page_of_another(pages: list[PageText], code: str, tm: TextModel, policy: Policy) -> tuple[int, str] | None:
    """The first page of a document that the model reads alone as another form, surely, and not at all as
    `code`: forms whose titles share their line with the dealer's name read as weak titles, and such a batch
    was joined into one document (a reception sheet, work order, settlement and first-service card typed
    as one); filing it under one type silently loses the others. A continuation page of the same form reads
    as that form or as nothing much, or has no heading of its own (a work order's printed terms, however
    much its clauses read like a contract's)."""
    photos = {c for c, dt in policy.doc_types.items() if dt.photo}
    for i, p in enumerate(pages):
        if i and not has_heading(p, policy):
            continue
        probs = tm.probabilities(p.text)
        top = _top({c: v for c, v in probs.items() if c not in photos})
        if top and top != code and probs[top] >= PAGE_OTHER and probs.get(code, 0.0) < PAGE_NOT:
            return i, top
    return None


def rule_scores(text: str, titles: dict[str, float], policy: Policy) -> tuple[dict[str, float], dict[str, float]]:
    """The title rule's score per type (title 0.8, keywords 0.2) and its confidence, which is lowered
    where two types score almost alike (then we do not know which)."""
    scored: dict[str, float] = {}
    identity = identified_by_keywords(text, policy) if max(titles.values(), default=0) < 0.6 else None
    for code, dt in policy.doc_types.items():
        hits = keyword_hits(text, dt.keywords)
        k = min(1.0, hits / KEYWORDS_FOR_FULL)
        t = titles.get(code, 0.0)
        score = TITLE_WEIGHT * t + KEYWORD_WEIGHT * k if t else 0.0
        if identity == code:
            # Some documents (an ID card's front) carry no title; enough of their fixed labels identify them.
            score = max(score, 0.9)
        if score > 0:
            scored[code] = round(score, 3)
    ranked = sorted(scored.values(), reverse=True)
    conf = {}
    for code, score in scored.items():
        runner_up = next((s for s in ranked if s < score), 0.0) if score == ranked[0] and ranked.count(score) == 1 else score
        margin = score - runner_up if score == ranked[0] else 0.0
        conf[code] = round(score * min(1.0, 0.5 + 5 * margin), 3)
    return scored, conf


def _kind_keys(kind: str, policy: Policy) -> list[str]:
    """The fields that name a dossier of `kind`: its key, its other keys and its unproved key reading."""
    kp = policy.kinds[kind]
    return [kp.key_field, *kp.secondary_key_fields, *([kp.key_reading_field] if kp.key_reading_field else [])]


def keys_kind(fields: dict[str, str], policy: Policy) -> str | None:
    """The one dossier kind whose keys the document carries; None when it carries none, or keys of more than
    one kind (a unit's parking application names a plate beside its unit number)."""
    kinds = [k for k in policy.kinds if any(fields.get(f) for f in _kind_keys(k, policy))]
    return kinds[0] if len(kinds) == 1 else None


def kind_disagrees(code: str, fields: dict[str, str], policy: Policy) -> str | None:
    """The other dossier kind whose key the document carries when it carries none of its type's kind: a
    VIN and no unit number on a form typed as a property unit's application (a car's extended-warranty
    application read 申请单) says the type is wrong. A unit's parking application carries a plate beside
    its unit number and stands; a document with no key at all says nothing."""
    kind = policy.doc_types[code].kind
    if any(fields.get(f) for f in _kind_keys(kind, policy)):
        return None
    return next((k for k in policy.kinds if k != kind and any(fields.get(f) for f in _kind_keys(k, policy))), None)


def kind_checked(cls: Classification, fields: dict[str, str], policy: Policy) -> Classification:
    """`cls` unless its type's dossier kind disagrees with the keys the document carries: then review,
    with the type as its best guess."""
    other = kind_disagrees(cls.doc_type, fields, policy) if cls.doc_type else None
    if other is None or cls.doc_type is None:
        return cls
    reason = messages.text("classify.kind_keys", type=policy.name(cls.doc_type),
                           kind=policy.kinds[policy.doc_types[cls.doc_type].kind].name.zh,
                           other=policy.kinds[other].name.zh)
    return cls.model_copy(update={"doc_type": None, "reason": reason,
                                  "guesses": cls.guesses or [(cls.doc_type, round(cls.confidence, 3))]})
