"""Is a signature field signed? Find its label among the OCR words, take the space the label points
at, strip what is printed there (text, seal ink, rulings) and judge the ink that is left as strokes.
How the field and its ink are found, and why: docs/tuning.md, "How signature fields are judged".
Thresholds: dossier/policies/tuning/signature.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cv2
import numpy as np

from dossier.classify.fuzzy import normalize, reading_variants, shared_needed, window_match
from dossier.classify.hanzi import RAPIDOCR_MISSING, is_hanzi
from dossier.classify.ocr.script import traditional
from dossier.classify.pixels import percentile
from dossier.classify.seal import (
    Ellipse,
    SealHit,
    add_rings,
    darker_than_seal,
    elliptic_radius,
    grey_rings,
    inside_ellipse,
    red_mask,
    seal_ellipses,
    seal_gaps,
    star_seals,
)
from dossier.classify.signature_ink import (
    Judgement,
    drop_faint_rules,
    drop_lines,
    drop_slanted,
    erase,
    ink_masks,
    owned,
    stroke_evidence,
    verdict,
)
from dossier.classify.signature_labels import (
    FIELD_LABELS,
    FoundLabel,
    _char_boxes,
    _extend_tail,
    _label_like,
    _Line,
    _lines,
    _normalized,
    _width,
    find_labels,
    lexicon,
    value_follows,
)
from dossier.classify.signature_layout import (
    border_over_label,
    captioned_box,
    cell_below,
    over_ruling,
    rule_level,
    ruled_past,
    short_of_row_below,
    signing_line_above,
    underline_before,
)
from dossier.classify.signature_tuning import signature_tuning
from dossier.messages import text
from dossier.models import Box, SignatureField, Word
from dossier.policy import SignatureRule, SigningPolicy, default_signing

NOT_FOUND = text("signature.label_not_found")
TOO_LITTLE = text("signature.too_little_ink")
SEAL_COVERS = text("signature.seal_covers")
LABEL_UNSURE = text("signature.label_unsure")
# OCR reads the line one signs on as these; they are not printed text bounding the field.
_BLANK_MARKS = " \u3000_＿-—–－…·.。"
_UNDERSCORES = "_＿"
RULING_RUN = 5  # label heights a vertical line runs to be a ruling by its length alone


def check_signatures(
    image: np.ndarray,
    words: list[Word],
    rules: list[SignatureRule],
    *,
    seal_mask: np.ndarray | None = None,
    seals: list[SealHit] | None = None,
) -> list[SignatureField]:
    """One SignatureField per rule, in rule order, found by the rule's labels. Unfound labels come
    back `uncertain` with no box.

    `seals`: the page's seals as classify.seal.find_seals found them. On a grey copy a seal can only be
    told from pen ink by its ring; the page-wide search sees the whole ring, where the field's own
    search may fit an ellipse to a few broken arcs of it.
    """
    return _check(image, words, rules, seal_mask, seals, None)[0]


def find_signature_fields(
    image: np.ndarray,
    words: list[Word],
    rules: list[SignatureRule],
    *,
    seals: list[SealHit] | None = None,
    signing: SigningPolicy | None = None,
) -> list[SignatureField]:
    """Every signature field on the page, judged: those the rules' labels (aliases) name, then those
    found by their shape (a short label ending in a signing word, signature_labels.find_labels) that
    no alias found, with the side their party names (`unknown` where it names none)."""
    by_rule, by_shape = _check(image, words, rules, None, seals, signing or default_signing())
    out: list[SignatureField] = []
    for f in by_rule + by_shape:
        if f.box is not None and not any(o.box == f.box and o.role == f.role and o.label == f.label for o in out):
            out.append(f)
    return out


def _check(
    image: np.ndarray,
    words: list[Word],
    rules: list[SignatureRule],
    seal_mask: np.ndarray | None,
    seals: list[SealHit] | None,
    signing: SigningPolicy | None,
) -> tuple[list[SignatureField], list[SignatureField]]:
    """The fields of the rules' labels (one per rule), and with a signing policy those found by shape."""
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    words = stacked_columns(words)
    lines = _lines(words)
    texts = [(hay, index, set(hay)) for hay, index in map(_normalized, lines)]
    known = {normalize(label) for rule in rules for label in rule.labels}
    judged: dict[tuple[int, int, int], Judgement] = {}  # rules sharing a label share its field
    matches: dict[tuple[str, str, float], tuple[float, int, int]] = {}  # rules share labels: match each once
    founds = [_find_label(lines, texts, rule.labels, known, matches) for rule in rules]
    # Labels found by shape where no alias was found on the same characters. Where one was, the label is
    # as wide as its shape says (an alias read fuzzily may stop inside it: 客户签字 in 顾客（签字）：), and an
    # alias of the other side is a misreading (顾客确认 in 服务顾问确认).
    shaped: list[FoundLabel] = []
    for fl in find_labels(lines, signing, traditional(words)) if signing is not None else []:
        hits = [k for k, f in enumerate(founds) if f is not None and f[1] is fl.line and f[2] < fl.end and fl.start < f[3]]
        for k in hits:
            f = founds[k]
            assert f is not None
            if fl.role not in ("unknown", rules[k].role):
                founds[k] = None
            else:
                founds[k] = (f[0], f[1], min(f[2], fl.start), max(f[3], fl.end), f[4])
        if not hits or all(founds[k] is None for k in hits):
            shaped.append(fl)
    if seals and signing is not None:
        shaped = [fl for fl in shaped if not _seal_text(fl, seals, signing)]
    known |= {normalize(fl.label) for fl in shaped if len(normalize(fl.label)) >= 2}
    # A label is print as read where it stands, also one an alias found fuzzily (交车专员签字 taken for
    # 檢查員簽字): under its own line next to another field's caption, its characters are no one's ink.
    read = ("".join(c.ch for c in f[1].chars[f[2] : f[3]] if c.pos >= 0) for f in founds if f is not None)
    known |= {t for t in map(normalize, read) if len(t) >= 3}
    # Where each label found starts, by line: the next label on a line ends the field before it,
    # also when OCR read it too unsure to count as print.
    starts: dict[int, list[int]] = {}
    for f in founds:
        if f is not None:
            starts.setdefault(id(f[1]), []).append(f[1].chars[f[2]].box[0])
    for fl in shaped:
        starts.setdefault(id(fl.line), []).append(fl.line.chars[fl.start].box[0])
    # The page's pixels are looked at only round the labels found (most pages of a handover have none).
    gray: np.ndarray = np.empty((0, 0), np.uint8)
    grey, page_rings = False, []
    if starts:
        gray = cv2.cvtColor(np.ascontiguousarray(image[..., :3]), cv2.COLOR_RGB2GRAY)
        # No red ink on the page: any seal on it is grey (a copy) and can be found only by its ring.
        grey = float(red_mask(image[::4, ::4]).mean()) < 0.0005
        # A copied square name seal is left out: a name is signed over it, and its frame gives no grey of
        # the seal's own to tell the pen's from (f: two signatures over one called blank with it).
        page_rings = [ring for hit in seals or [] if hit.shape != "square" for ring in seal_ellipses(hit)] if grey else []

    def judge(line: _Line, start: int, end: int, dropped: int) -> Judgement:
        key = (id(line), start, end)
        if key not in judged:
            judged[key] = _judge_field(
                image, gray, words, line, start, end, dropped, seal_mask, grey, known, starts[id(line)], page_rings
            )
        return judged[key]

    out = []
    for rule, found in zip(rules, founds, strict=True):
        if found is None:
            out.append(
                SignatureField(role=rule.role, label=rule.labels[0] if rule.labels else "", status="uncertain",
                               reason=NOT_FOUND)
            )
            continue
        label, line, start, end, dropped = found
        status, conf, box, reason = judge(line, start, end, dropped)
        out.append(
            SignatureField(
                role=rule.role, label=label, status=status, confidence=conf, box=box, reason=reason
            )
        )
    extra = []
    for fl in shaped:
        status, conf, box, reason = judge(fl.line, fl.start, fl.end, 0)
        if fl.unsure and status == "blank":
            status, reason = "uncertain", LABEL_UNSURE
        extra.append(
            SignatureField(
                role=fl.role, label=fl.label, status=status, confidence=conf, box=box, reason=reason, party=fl.party
            )
        )
    return out, extra


def _seal_text(fl: FoundLabel, seals: list[SealHit], signing: SigningPolicy) -> bool:
    """Whether a party named alone, with no signing word (工程部, 客户服务中心), lies inside a seal found on
    the page (inside a round seal's ring, not only its box): a seal prints the firm's and its department's
    names, which read as parties."""
    lex = lexicon(signing)
    if any(w in normalize(fl.label) for w in lex.strong + lex.weak):
        return False
    chars = [c for c in fl.line.chars[fl.start : fl.end] if c.pos >= 0]
    x = (min(c.box[0] for c in chars) + max(c.box[2] for c in chars)) / 2
    y = (min(c.box[1] for c in chars) + max(c.box[3] for c in chars)) / 2
    # A round seal's text runs inside its ring: a label beside the ring, within its box's corner, is print.
    def inside(h: SealHit) -> bool:
        x0, y0, x1, y1 = h.box
        ring: Ellipse = (((x0 + x1) / 2, (y0 + y1) / 2), (float(x1 - x0), float(y1 - y0)), 0.0)
        return h.shape == "square" or float(elliptic_radius(ring, np.array([[x, y]], np.float32))[0]) <= 1.0

    return any(h.box[0] <= x <= h.box[2] and h.box[1] <= y <= h.box[3] and inside(h) for h in seals)


def crop_field(image: np.ndarray, box: Box) -> np.ndarray:
    """A copy of the image inside `box` (clipped to the image)."""
    h, w = image.shape[:2]
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    return image[y0:y1, x0:x1].copy()


# --- labels -------------------------------------------------------------------------------------




def _rule_below(gray: np.ndarray, lx0: int, lx1: int, ly1: int, lh: int) -> Box | None:
    """The field over a rule drawn under the label (or inside a box drawn there): a horizontal line
    starting under the label's first characters, wider than the label, within 3 label heights below
    it and no wider than a signing line (a table's full-width border is not one). A second such line
    1.5-6 label heights under the first closes a box: the field is the box."""
    H, W = gray.shape[:2]
    x0, x1 = max(0, lx0 - 2 * lh), min(W, lx0 + 20 * lh)
    y0, y1 = min(H, ly1 + lh // 5), min(H, ly1 + 9 * lh)
    if y1 - y0 < lh or x1 - x0 < 4 * lh:
        return None
    band = gray[y0:y1, x0:x1]
    dark = (band < min(float(percentile(band, 90)) - 60, 200)).astype(np.uint8)
    runs = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, 3 * lh), np.uint8))
    rules: list[tuple[int, int, int]] = []  # (row, first column, last column), page coordinates
    for r in np.flatnonzero(runs.any(axis=1)):
        cols = np.flatnonzero(runs[r])
        # The run that starts leftmost; a drawn line is one run (a row of text is none after the opening).
        breaks = np.flatnonzero(np.diff(cols) > 2)
        a, b = int(cols[0]), int(cols[breaks[0]] if len(breaks) else cols[-1])
        if not rules or r + y0 > rules[-1][0] + 3:
            rules.append((int(r) + y0, a + x0, b + x0))
    fits = [
        (y, a, b) for y, a, b in rules
        if a <= lx0 + lh and a >= lx0 - 1.5 * lh and b >= lx1 + lh and b < x1 - 1
    ]
    if not fits or fits[0][0] > ly1 + 3 * lh:
        return None
    y, a, b = fits[0]
    closing = [f for f in fits[1:] if 1.5 * lh <= f[0] - y <= 6 * lh and abs(f[1] - a) < lh and abs(f[2] - b) < 2 * lh]
    if closing:
        return (a, y + 2, b, closing[0][0] - 1)
    return (a, ly1 + int(0.1 * lh), b, min(H, y + int(0.5 * lh)))


def _underline_end(gray: np.ndarray, x: int, baseline: int, lh: int) -> int:
    """Where a signature underline that starts just right of the label ends (0 when there is none).

    Columns are taken over a band around the baseline, so a line left slightly slanted by the scan
    still reads as one run; small breaks (JPEG, a faint copy) are bridged.
    """
    H, W = gray.shape[:2]
    y0, y1 = max(0, baseline - lh // 3), min(H, baseline + int(0.7 * lh))
    x0 = min(W, x + int(0.1 * lh))
    if y1 <= y0 or x0 >= W:
        return 0
    band = gray[y0:y1, x0:]
    cols = (band < min(float(percentile(band, 90)) - 60, 200)).any(axis=0)  # thin lines scan grey
    dark = np.flatnonzero(cols)
    if not len(dark) or dark[0] > 2 * lh:
        return 0
    breaks = np.flatnonzero(np.diff(dark) > max(3, lh // 6))
    end = dark[breaks[0]] if len(breaks) else dark[-1]
    return x0 + int(end) if end - dark[0] >= 3 * lh else 0


def _find_label(
    lines: list[_Line],
    texts: list[tuple[str, list[int], set[str]]],
    labels: list[str],
    known: set[str],
    matches: dict[tuple[str, str, float], tuple[float, int, int]],
) -> tuple[str, _Line, int, int, int] | None:
    """The best occurrence of any of the labels: (label, line, first char, char after the label,
    characters of the printed label that the engine dropped, as it drops those it cannot emit).

    One misread character is tolerated in labels of four or more, unless what was read is
    another known label (租户签字 is not a misread 客户签字).
    """
    best: tuple[tuple[bool, float, int, float], tuple[str, _Line, int, int, int]] | None = None
    needles, headless = _needles(tuple(labels))
    for line, (hay, index, present) in zip(lines, texts, strict=True):
        if not hay:
            continue
        for label, needle, need, floor, chars, shared in needles:
            # window_match's own first test (fuzzy.shares_enough), before the call: most lines share too
            # few of a label's characters to score at all.
            if len(chars & present) < shared:
                continue
            found = matches.get((needle, hay, floor))
            if found is None:
                found = matches[(needle, hay, floor)] = window_match(needle, hay, floor)
            score, s, e = found
            if score < need and not (len(needle) == 3 and _misread_short(line, index, hay, needle, s, e)):
                continue
            if e <= s or (score < 1.0 and (hay[s:e] in known or hay[s:e] in FIELD_LABELS)):
                continue
            start, end = index[s], index[e - 1] + 1
            label_end = end
            end = _extend_tail(line, end)
            if not _label_like(line, end):
                continue
            # A label with its colon is a field to sign; the same words bare are often a table's
            # column or a name field ("服务顾问 | 白嘉") — preferred even over a misread with a colon,
            # as OCR drops characters it lacks (服務問：). Then later (lower) on the page wins.
            colon = any(c.ch in "：:" for c in line.chars[label_end:end])
            if _name_field(line, end, hay[s:e], colon):
                continue
            key = (colon, score, len(needle), line.box[1])
            if best is None or key > best[0]:
                best = (key, (label, line, start, end, max(0, len(normalize(label)) - len(needle))))
        # RapidOCR lacks 檢 and may drop the next character with it: 檢驗員 comes back "員：". Only its
        # last character and the colon are left, as a word of its own in a box wide enough for more.
        for label in headless:
            last = normalize(label[-1])
            for j in (j for j, ch in enumerate(hay) if ch == last):
                k = index[j]
                end = _extend_tail(line, k + 1)
                if not _head_dropped(line, k) or not _label_like(line, end):
                    continue
                key = (True, 0.5, len(label), line.box[1])
                if best is None or key > best[0]:
                    best = (key, (label, line, k, end, 0))  # placed by the whole word's box (_label_box)
    return best[1] if best else None


def _name_field(line: _Line, end: int, read: str, colon: bool) -> bool:
    """A label read with no signing word (销售顾问：, 经办人：, or 客戶名 — 客戶名稱 or 客戶簽名 with the
    character the engine lacks dropped) with print after it is a name field filled in when the form was
    printed, not a blank to sign: after its colon in the same OCR word (销售顾问:韦亚军), or, with no colon,
    as the next word, confident and of the label's height and itself no label (a table's 销售顾问 | 谢静,
    客戶名 | 武漢宏達物流有限公司; a name written by hand is rarely both)."""
    lex = lexicon()
    if any(w in read for w in lex.strong + lex.weak):
        return False
    word = line.chars[end - 1].word
    rest = "".join(c.ch for c in line.chars[end:] if c.word == word and c.pos >= 0)
    if colon:
        return bool(rest.strip(_BLANK_MARKS))
    return value_follows(line, end, lex)


@lru_cache(maxsize=256)
def _needles(
    labels: tuple[str, ...],
) -> tuple[list[tuple[str, str, float, float, frozenset[str], float]], list[str]]:
    """What _find_label looks for, per set of labels (a page asks for each rule's): every reading of each
    label as (label, reading, score it needs, score window_match must reach, the reading's characters
    and how many of them a line must hold to reach that score); and the labels that may be read with
    their head dropped."""
    needles = []
    # As the engine may read it too: RapidOCR drops characters its dictionary lacks (顧客確認 -> 顧客確).
    for lbl in labels:
        for v in reading_variants(lbl):
            if v:
                need = 1.0 if len(v) <= 3 else 0.74
                floor = need if len(v) > 3 else 0.6
                needles.append((lbl, v, need, floor, frozenset(v), shared_needed(v, floor)))
    # 檢驗員 read as "員：" (below): only labels with a character RapidOCR lacks before their last.
    headless = [lbl for lbl in labels if len(lbl) >= 3 and any(ch in RAPIDOCR_MISSING for ch in lbl[:-1])]
    return needles, headless


def _head_dropped(line: _Line, k: int) -> bool:
    """Is character k, with a colon, a whole OCR word whose box holds over half a character more
    than that: a label read with its first characters dropped?"""
    chars = [c for c in line.chars if c.word == line.chars[k].word and c.pos >= 0]
    text = "".join(c.ch for c in chars).strip()
    if len(text) != 2 or text[0] != line.chars[k].ch or text[1] not in "：:":
        return False
    x0, y0 = min(c.box[0] for c in chars), min(c.box[1] for c in chars)
    x1, y1 = max(c.box[2] for c in chars), max(c.box[3] for c in chars)
    return x1 - x0 >= 2.5 * 0.9 * (y1 - y0)


def _misread_short(line: _Line, index: list[int], hay: str, needle: str, s: int, e: int) -> bool:
    """A three-character label read with its first or middle character wrong ("經辨人：" for 經辦人)
    or dropped (RapidOCR drops characters its dictionary lacks: "經人：") counts only as an OCR word
    of its own that is exactly what was read and a colon: running text, or a field such as 申请日
    (the role character differs), stays apart."""
    window = hay[s:e]
    if not window or window[-1] != needle[2]:
        return False
    if len(window) == 3:
        if sum(a != b for a, b in zip(window, needle, strict=True)) != 1:
            return False
    elif window not in (needle[0] + needle[2], needle[1:]):
        return False
    word = line.chars[index[s]].word
    text = "".join(c.ch for c in line.chars if c.word == word and c.pos >= 0).strip()
    return len(text) == len(window) + 1 and text[-1] in "：:" and normalize(text[:-1]) == window


# --- the field ----------------------------------------------------------------------------------


def _judge_field(
    image: np.ndarray,
    gray: np.ndarray,
    words: list[Word],
    line: _Line,
    start: int,
    end: int,
    dropped: int,
    seal_mask: np.ndarray | None,
    grey: bool,
    known: set[str],
    stops: list[int],
    page_rings: list[Ellipse],
) -> Judgement:
    H, W = image.shape[:2]
    label_chars = line.chars[start:end]
    own = {c.word for c in label_chars}
    if len(own) == 1 and _vertical(words[label_chars[0].word]):
        return _judge_vertical(image, gray, words, label_chars[0].word, known, seal_mask, grey, page_rings)
    (lx0, ly0, lx1, ly1), next_x = _label_box(image, gray, words, line, start, end, dropped)
    lh = max(8, ly1 - ly0)
    t = signature_tuning()
    UP, BAND, REACH = t.up, t.band, t.reach
    label_box = (lx0, ly0, lx1, ly1)
    if _bracketed_caption(line, start, end):
        before = underline_before(gray, label_box, _print_over(image, gray, words, label_box, known), known)
        if before is not None:  # ______（客户确认签字）: one signs on the line before its caption
            return _judge_before(image, gray, words, own, before, label_box, known, seal_mask, grey, page_rings)

    # Only words that can touch the field (right of or under the label) are examined.
    near = (lx0, int(ly0 - UP * lh), W, ly1 + int(max(3.0, t.under) * lh))
    printed = [
        i
        for i, w in enumerate(words)
        if i not in own
        and _overlap(w.box[0], w.box[2], near[0], near[2]) > 0
        and _overlap(w.box[1], w.box[3], near[1], near[3]) > 0
        and (_printed(w, (ly0, ly1), image, gray) or _names_label(w, known))
    ]
    # On a grey copy a seal's text reads as print; it must neither bound nor be erased as such. Searched
    # up to the highest top a field can have (_ceiling): the field found below then lies in what was
    # searched, but where it runs on under an underline or lies under its label.
    reach = (
        lx1,
        max(0, int(ly0 - UP * lh)),
        min(W, lx1 + int(REACH * lh)),
        min(H, int(ly1 + BAND * lh)),
    )
    # Seals the page-wide search found near the field first: it saw the whole ring, the field's own
    # search may fit an ellipse to a few arcs of it.
    rings = [
        r for r in page_rings
        if r[0][0] + r[1][0] / 2 >= near[0] and r[0][0] - r[1][0] / 2 <= near[2]
        and r[0][1] + r[1][1] / 2 >= near[1] and r[0][1] - r[1][1] / 2 <= near[3]
    ]
    if grey and reach[2] > reach[0]:
        add_rings(rings, grey_rings(gray, reach, lh))
    if rings and printed:
        centres = np.array(
            [
                [(words[i].box[0] + words[i].box[2]) / 2, (words[i].box[1] + words[i].box[3]) / 2]
                for i in printed
            ],
            np.float32,
        )
        outside = np.all([elliptic_radius(ring, centres) > 1.0 for ring in rings], axis=0)
        # A form word or a label stays print over a seal (g 022: 日期：年月日 printed across a pale seal's ring).
        printed = [i for i, out in zip(printed, outside, strict=True) if out or _names_label(words[i], known)]
    # Right of the label: up to the next printed text on the line, a ruling line or `reach` label heights —
    # or to the end of the underline drawn for the signature, which may run far wider.
    limit = W if next_x is None else min(W, next_x)
    limit = min([limit] + [x for x in stops if x > lx1])
    for i in printed:
        b = words[i].box
        across = _overlap(b[1], b[3], ly0, ly1)
        # The next field's label ends this one even where a photo's slant lowers it off the line.
        if b[0] >= lx1 - 2 and (across > 0.5 * min(lh, b[3] - b[1]) or across > 0 and _names_label(words[i], known)):
            limit = min(limit, b[0])
    right = min(limit, max(lx1 + int(REACH * lh), _underline_end(gray, lx1, ly1, lh)))
    x0 = lx1 + int(0.15 * lh)
    column = right  # the label's column on its line: up to the next label or print
    rows = _cell_rows(gray, image, (lx0, ly0, lx1, ly1), lh)
    side = _cell_side(gray, image, lx0, rows, lh)
    if side is not None:
        # A label in a table cell: the cells bound the field, however wide (a landscape sheet's), and
        # its blank may be the next cell; with no ruling after the label, `reach` as anywhere else.
        x0, right, cell_end = _ruling_bound(image, gray, x0, limit, rows, lh, next_cell=True)
        if cell_end is None:
            right = min(right, column)
        elif right >= limit and not ruled_past(gray, cell_end, label_box):
            right = cell_end  # the label's cell is the table's last: no next cell past its outer side
        elif right > cell_end and _heads_cell(words, own, cell_end, right, words[label_chars[0].word].box):
            right = cell_end  # the next cell is headed by print of its own (a next column's label): not a blank
    else:
        x0, right, cell_end = _ruling_bound(image, gray, x0, right, rows, lh)
    y0, y1 = _ceiling(gray, words, printed, x0, right, ly0, lh), min(H, int(ly1 + BAND * lh))
    border = border_over_label(gray, label_box, UP)
    if border is not None:  # the top of the label's frame or cell: what is written over it is the row above's
        y0 = max(y0, min(border + max(3, lh // 6), int(ly0 - BAND * lh)))
    below = _rule_below(gray, lx0, lx1, ly1, lh)
    if below is not None and cell_end is not None and below[2] > cell_end - 1.5 * lh:
        below = None  # the foot of the label's table cell, ending at its ruling or running on past it: a border
    elif below is not None and side is not None and below[0] <= side + max(4, lh // 4):
        below = None  # ... or starting from its side (g 068d: 客户签字 | blank, the row's foot broken at a ruling)
    # A box (a cell) right under the label, its top under all of it, holding no print: one signs in it — but
    # for a label whose row goes on past a ruling into a next cell (label | blank), whose blank is that cell.
    next_cell = cell_end is not None and (x0 > lx1 + lh // 2 or right > cell_end + lh)
    boxed = cell_below(gray, label_box) if not next_cell else None
    if boxed is not None and not any(_centre_in(words[i].box, boxed) for i in printed):
        below = boxed
    # A label at the foot of an empty frame captions it: one signs in the frame over it, never in the row
    # under the frame (e 082: 甲方（签字） in the corner of its box, the 签订日期 row under it).
    framed = captioned_box(gray, label_box) if not next_cell else None
    if framed is not None and not any(
        i not in own and _centre_in(w.box, framed) and _printed(w, (ly0, ly1), image, gray) for i, w in enumerate(words)
    ):
        below = framed
    caption = signing_line_above(gray, label_box, _print_over(image, gray, words, label_box, known)) if below is None else None
    if caption is not None:  # a label printed under its signing line: one signs above it (signature_layout)
        return _judge_box(image, gray, words, printed, caption, label_box, seal_mask, grey, rings, reach)
    if below is not None:  # a rule (or a box) drawn under the label is where one signs
        box = below
    elif right - x0 >= 2 * lh:
        box = (x0, y0, right, y1)
    else:  # no room on the right: the field is under the label
        box = _under_label(words, printed, label_box, min(W, lx0 + int(t.max_width * lh)), 3.0, H)
    if box[2] - box[0] < lh or box[3] - box[1] < 0.8 * lh:
        return "uncertain", 0.3, box, text("signature.no_room")
    judged = _judge_box(image, gray, words, printed, box, label_box, seal_mask, grey, rings, reach)
    thin = judged[0] == "uncertain" and judged[3] == TOO_LITTLE  # the top of a name written under the label
    if not (judged[0] == "blank" or thin):
        return judged  # signed, or unsure beside the label (a seal on a copy there): not overridden

    def _around(judged: Judgement) -> Judgement:
        """With nothing signed where the label points, the name may stand elsewhere round it: above a
        rule drawn over the label, beside a caption in the corner of a box, in the cell under a header.
        Ink round the label nearer it than any other label signs it (_near_label)."""
        found = _near_label(image, gray, words, own, label_box, known, seal_mask, grey, rings, reach)
        return found if found is not None and found[0] == "signed" else judged

    if below is not None or box[1] > ly1:
        return _around(judged)
    # The label may head the space one signs in rather than stand beside it (a label over a signing
    # area, the rule at its foot far below): with the space beside it blank (or holding only the top of a
    # name written below, too little to tell), the space under it, up to
    # the next print and as wide as the label's column (to the next label on its line), is looked at
    # too. Ink there signs the field.
    # A header over its column's cell signs in that cell; elsewhere no wider than the field beside it, nor
    # than a signature label under it (signature_layout).
    cell = boxed  # the cell under the label, found above (here it held print, or there was none)
    area = _under_label(words, printed, label_box, min(column, right), t.under, H)
    under = cell or short_of_row_below(words, printed, over_ruling(gray, area), known, lx1)
    if under[3] - under[1] < t.under_min * lh or under[2] - under[0] < 2 * lh:
        return _around(judged)
    found = _judge_box(image, gray, words, printed, under, label_box, seal_mask, grey, rings, reach, cut_below=cell is None)
    if found[0] == "signed":
        return found
    # A label heading its table cell signs under it in the cell: strokes under a seal there that cannot be told
    # from it (a grey copy) leave the field uncertain, not blank beside the label (g 026). Under a label in
    # running text the blank beside it is the field, seal or no seal.
    around = _around(judged)
    held = found[3] == SEAL_COVERS and side is not None
    return found if held and around[0] != "signed" else around


_OPEN, _CLOSE = set("（(【[〔"), set("）)】]〕")


def _bracketed_caption(line: _Line, start: int, end: int) -> bool:
    """Is the label a caption in brackets, no colon after it (（客户确认签字）, (财务确认签字)): it names
    who signs on the line before it, not a blank to come."""
    chars = line.chars
    opening = any(chars[k].ch in _OPEN for k in range(max(0, start - 1), min(end, start + 1)))
    k = end
    while k < len(chars) and chars[k].pos >= 0 and chars[k].ch.isspace():
        k += 1
    closing = chars[end - 1].ch in _CLOSE or (k < len(chars) and chars[k].ch in _CLOSE)
    if k < len(chars) and chars[k].ch in _CLOSE:
        k += 1
    return opening and closing and not (k < len(chars) and chars[k].ch in "：:")


def stacked_columns(words: list[Word]) -> list[Word]:
    """Characters set one under another that OCR read one word each (接|待|員 down a table's first column)
    joined into one word, top to bottom: a label set vertically, as it is where OCR reads the column whole.
    Only single CJK characters of about one size and column, each under the last by less than its height;
    a table's rows of single characters stand farther apart."""
    singles = sorted(
        (i for i, w in enumerate(words) if len(w.text.strip()) == 1 and is_hanzi(w.text.strip())),
        key=lambda i: (words[i].box[1], words[i].box[0]),
    )
    chains: list[list[int]] = []
    for i in singles:
        x0, y0, x1, y1 = words[i].box
        for chain in chains:
            a0, b0, a1, b1 = words[chain[-1]].box
            h = max(1, b1 - b0)
            if (-0.35 * h <= y0 - b1 < 1.1 * h and abs((x0 + x1) - (a0 + a1)) < 0.5 * (a1 - a0)
                    and 0.6 < (x1 - x0) / max(1, a1 - a0) < 1.6 and 0.6 < (y1 - y0) / h < 1.6):
                chain.append(i)
                break
        else:
            chains.append([i])
    joined = [c for c in chains if 2 <= len(c) <= 6]
    if not joined:
        return words
    gone = {i for c in joined for i in c}
    out = [w for i, w in enumerate(words) if i not in gone]
    for c in joined:
        boxes = [words[i].box for i in c]
        out.append(Word(text="".join(words[i].text.strip() for i in c),
                        box=(min(b[0] for b in boxes), boxes[0][1], max(b[2] for b in boxes), boxes[-1][3]),
                        conf=min(words[i].conf for i in c)))
    return out


def _vertical(word: Word) -> bool:
    """Is the OCR word a label set vertically, a character to a line (委托人签字 down a table's first column):
    a box of three characters or more, over twice as tall as it is wide (no line of print is taller than
    wide; OCR pads a column's box sideways, so six characters stand under four times its width: h 040)."""
    x0, y0, x1, y1 = word.box
    return len(word.text.strip()) >= 3 and y1 - y0 > 2 * (x1 - x0)


def _judge_vertical(
    image: np.ndarray,
    gray: np.ndarray,
    words: list[Word],
    k: int,
    known: set[str],
    seal_mask: np.ndarray | None,
    grey: bool,
    page_rings: list[Ellipse],
) -> Judgement:
    """A label set vertically is signed right of it over its whole height: up to the next signature label
    beside it, a ruling (its table cell's side) or `reach` characters. Its characters are as wide as its box."""
    H, W = image.shape[:2]
    x0, y0, x1, y1 = words[k].box
    cw = max(8, x1 - x0)
    right = min(W, x1 + int(signature_tuning().reach * cw))
    for i, w in enumerate(words):
        b = w.box
        if i != k and b[0] >= x1 and _overlap(b[1], b[3], y0, y1) > 0.5 * (b[3] - b[1]) and _names_label(w, known):
            right = min(right, b[0])
    left, right, _cell = _ruling_bound(image, gray, x1 + max(2, cw // 5), right, (y0, y1), cw)
    if right - left < 2 * cw:
        return "uncertain", 0.3, (left, y0, right, y1), text("signature.no_room")
    return _judge_before(image, gray, words, {k}, (left, y0, right, y1), (x0, y0, x1, y0 + cw), known, seal_mask,
                         grey, page_rings)


def _judge_before(
    image: np.ndarray,
    gray: np.ndarray,
    words: list[Word],
    own: set[int],
    box: Box,
    label: Box,
    known: set[str],
    seal_mask: np.ndarray | None,
    grey: bool,
    page_rings: list[Ellipse],
) -> Judgement:
    """The field over the signing line before a label that captions it (signature_layout.underline_before),
    print in it and seals over it taken away as beside any label."""
    lh = max(8, label[3] - label[1])
    printed = [
        i for i, w in enumerate(words)
        if i not in own and _overlap(w.box[0], w.box[2], box[0], box[2]) > 0 and _overlap(w.box[1], w.box[3], box[1], box[3]) > 0
        and (_printed(w, (label[1], label[3]), image, gray) or _names_label(w, known))
    ]
    rings = [r for r in page_rings if inside_ellipse(r, box).any()]
    if grey:
        add_rings(rings, grey_rings(gray, box, lh))
    return _judge_box(image, gray, words, printed, box, label, seal_mask, grey, rings, box)


def _near_label(
    image: np.ndarray,
    gray: np.ndarray,
    words: list[Word],
    own: set[int],
    label: Box,
    known: set[str],
    seal_mask: np.ndarray | None,
    grey: bool,
    rings: list[Ellipse],
    reach: Box,
) -> Judgement | None:
    """The ink round a label (`around` label heights left and right of it, `around_up` above and below),
    less print, lines and seal ink, and less what lies nearer another signature label than this one or
    left of the print before the label on its line (that print's own blank): a name written there signs
    the field. None where there is no room."""
    H, W = image.shape[:2]
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    t = signature_tuning()
    x0, x1 = max(0, int(lx0 - t.around * lh)), min(W, int(lx1 + t.around * lh))
    y0, y1 = max(0, int(ly0 - t.around_up * lh)), min(H, int(ly1 + t.around_up * lh))
    for w in words:  # the print before the label on its line: what lies left of it is that print's
        b = w.box
        # Another field's label with its colon is print even where OCR boxed it taller than this label's glyphs
        # (1.5 label heights: h 040's 送修人签名：, whose name then counted for 服务顾问签字 after it); one with
        # no colon may caption a box whose name is written under the gap (e 0041's 检验员（签）): left alone.
        colon = w.text.rstrip().endswith(("：", ":"))
        if b[2] <= lx0 and _overlap(b[1], b[3], ly0, ly1) > 0.5 * lh and (
            _printed(w, (ly0, ly1), image, gray) or (colon and _names_label(w, known))
        ):
            x0 = max(x0, b[2])  # (a name written there and read by OCR is no print: e 0024)
            # Another field's label (or any print ending in a colon, a blank to fill after it: g 022's 客户确认：
            # read for an alias of another wording): the blank up to this label is that field's,
            if _names_label(w, known) or colon:
                # under it too (d 054: 张磊 under the gap between two labels), but for a table's ruling between
                # them (a header row of two signing columns, each name in the cell under its header: e 0021)
                x0 = max(x0, _ruling_between(image, gray, b[2], lx0, (ly0, ly1), lh) or lx0)
    # A table's ruling beside the label bounds it: the next cell is another field's (b06 044_visit_2).
    x0 = max(x0, _ruling_between(image, gray, x0, lx0, (ly0, ly1), lh) or x0)
    if x1 - x0 < 2 * lh or y1 - y0 < 2 * lh:
        return None
    region = (x0, y0, x1, y1)
    printed, others = [], []
    m = int(t.around_gap * lh)  # a label just outside the region is as near the ink at its edge
    for i, w in enumerate(words):
        b = w.box
        inside = _overlap(b[0], b[2], x0, x1) > 0 and _overlap(b[1], b[3], y0, y1) > 0
        near = _overlap(b[0], b[2], x0 - m, x1 + m) > 0 and _overlap(b[1], b[3], y0 - m, y1 + m) > 0
        if i not in own and near and _names_label(w, known):
            others.append(b)
        if inside and (i in own or _names_label(w, known) or _printed(w, (ly0, ly1), image, gray)):
            printed.append(i)  # the label's own word all of it: its box may stop short of its print
    return _judge_box(image, gray, words, printed, region, label, seal_mask, grey, rings, reach,
                      owner=(label, others))


def _ruling_between(image: np.ndarray, gray: np.ndarray, x0: int, x1: int, rows: tuple[int, int], lh: int) -> int | None:
    """The column of the last vertical ruling between x0 and x1 over the label's rows, if any."""
    y0, y1 = rows
    if x1 - x0 < 2 or gray[y0:y1, x0:x1].size == 0:
        return None
    level = rule_level(gray[y0:y1, x0:x1])
    band = _ruling_ink(gray[y0:y1, x0:x1], image[y0:y1, x0:x1], level) & ~red_mask(image[y0:y1, x0:x1])
    for c in np.flatnonzero(band.mean(axis=0) >= 0.97)[::-1]:
        if _is_ruling(gray, image, x0 + int(c), y0, y1, lh, level):
            return x0 + int(c)
    return None


def _under_label(words: list[Word], printed: list[int], label: Box, x1: int, depth: float, H: int) -> Box:
    """The space under a label: from its left edge to x1, down `depth` label heights or to the first
    printed word below it."""
    lx0, ly0, _lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    y0, y1 = ly1 + int(0.1 * lh), min(H, ly1 + int(depth * lh))
    for i in printed:
        b = words[i].box
        if b[1] >= y0 and _overlap(b[0], b[2], lx0, x1) > 0:
            y1 = min(y1, b[1])
    return (lx0, y0, x1, y1)


def _judge_box(
    image: np.ndarray,
    gray: np.ndarray,
    words: list[Word],
    printed: list[int],
    box: Box,
    label: Box,
    seal_mask: np.ndarray | None,
    grey: bool,
    found_rings: list[Ellipse],
    reach: Box,
    cut_below: bool = False,
    owner: tuple[Box, list[Box]] | None = None,
) -> Judgement:
    """The ink in the field's box judged, print, lines and seal ink taken away. `cut_below`: strokes that
    run on past the box's foot are left out (they belong to the field of the line below: its signature
    rises above its label). `owner`: a label's box and the other labels' boxes: only ink nearer the label counts."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    BAND = signature_tuning().band
    rings = list(found_rings)
    if grey and (box[2] > reach[2] or box[3] > reach[3]):
        # The field reaches past what was searched above (on under an underline, or under the label):
        # rings there too. Its top never does (`reach` starts where _ceiling's highest top is).
        add_rings(rings, grey_rings(gray, box, lh))

    ink, soft, seal = ink_masks(image, gray, box, seal_mask, lh)
    # Lines first, while print and seal ink still hold an underline together.
    ink = drop_lines(ink, lh)
    pad = max(2, lh // 10)
    for mask in (ink, soft):
        for i in printed:
            erase(mask, words[i].box, box[0], box[1], pad)
        erase(mask, (lx0, ly0, lx1, ly1), box[0], box[1], pad)
        mask &= 1 - seal
    # Slanted and faint lines last: projected, they need no continuity, and a seal's text rows must not count.
    ink = drop_faint_rules(drop_slanted(ink, lh), soft, lh)
    if cut_below and ink.any():
        _n, parts = cv2.connectedComponents(ink, connectivity=8)
        ink[np.isin(parts, np.unique(parts[-2:][ink[-2:] > 0]))] = 0
    if owner is not None:  # only the ink nearer this label than any other
        ink = owned(ink, (box[0], box[1]), owner[0], owner[1], lh, signature_tuning().around_gap)
    by_star = False
    if not rings:
        judged = verdict(ink, lh, box)
        if not grey or judged[0] == "blank":
            return judged
        # A black-and-white copy can break a seal's ring past finding; its solid star still places
        # it, though not well enough to tell what lies between its star and its ring (never blank then).
        rings, by_star = star_seals(image, gray, box, lh), True
        if not rings:
            return judged
    # A seal on a grey copy cannot be told from ink by colour: judge only the field outside it.
    covered = np.zeros_like(ink)
    for ring in rings:
        covered |= inside_ellipse(ring, box)
    if not covered.any():
        return verdict(ink, lh, box)
    # How much of the label's own band (where a signature goes first) the seal hides.
    band = covered[max(0, int(ly0 - BAND * lh) - box[1]) : max(0, int(ly1 + BAND * lh) - box[1])]
    share = float(band.mean()) if band.size else 1.0
    status, conf, box, reason = verdict(ink & (1 - covered), lh, box)
    if status == "signed":
        return status, round(conf * 0.9, 3), box, reason
    # A seal placed by its star is placed too roughly to call the ink under it the seal's: a pen's
    # dense scribble can pass for a star, and the signature would be erased with it.
    if status == "blank" and not by_star:
        if share < 0.2:
            return status, round(conf * 0.9, 3), box, reason
        if _seal_alone(gray, ink & covered, rings, box, lh):
            return "blank", 0.7, box, None
    # On a grey copy a pen's ink is darker than the seal's own grey: strokes under the seal that darker
    # and of a signature's length and spread are a name signed under it, not the seal's text.
    dark = darker_than_seal(gray, ink & covered, rings, box) if not by_star else None
    if dark is not None and verdict(dark, lh, box)[0] == "signed":
        return "signed", 0.6, box, None
    return "uncertain", 0.4, box, SEAL_COVERS


def _seal_alone(gray: np.ndarray, inside: np.ndarray, rings: list[Ellipse], box: Box, lh: int) -> bool:
    """Is the ink under the seals in the field (`inside`, a box-sized mask) the seals' own?

    On a grey copy the seal's ink is lighter than a pen's: nothing under it may be clearly darker than
    the grey of the seal's own ring. On a black-and-white copy both are black, and only where a
    company seal has no ink of its own can a pen show: between its star and its ring of text (but
    not below the star, where some seals carry a line of text such as 合同专用章).
    """
    if not inside.any():
        return True
    dark = darker_than_seal(gray, inside, rings, box)
    if dark is not None:
        return verdict(dark, lh, box)[0] == "blank"  # a speck of the seal's darkest ink is no pen
    free = seal_gaps(gray, rings, box)
    # The gap must be in the field, both sides of the star, for a pen stroke across the seal to cross it.
    cols = np.flatnonzero(free.any(axis=0))
    if not len(cols) or np.ptp(cols) < 2 * lh:
        return False
    # A blob counts here too: a pen's strokes run together on a black-and-white copy.
    left = stroke_evidence(inside & free, lh)
    return not (left.count or left.smudges)


def _label_box(
    image: np.ndarray, gray: np.ndarray, words: list[Word], line: _Line, start: int, end: int, dropped: int = 0
) -> tuple[Box, int | None]:
    """The label's box, and where the printed text after it in the same word starts (if any).

    A label inside one OCR word (a whole line) is placed by character count: the text before it
    from the word's left edge, the text after it from the right edge (OCR drops the blank gap, or
    keeps some spaces of no particular width). The character width comes from the height of the
    label's first glyphs, because a signature touching the label can stretch the word's box.
    """
    chars = line.chars[start:end]
    if len({c.word for c in chars}) > 1:
        box = (
            min(c.box[0] for c in chars),
            min(c.box[1] for c in chars),
            max(c.box[2] for c in chars),
            max(c.box[3] for c in chars),
        )
        return box, None
    word = words[chars[0].word]
    text = word.text
    i, j = chars[0].pos, chars[-1].pos + 1
    x0, y0, x1, y1 = word.box
    if _head_dropped(line, start):  # the characters OCR dropped are printed left of what it read
        by0, by1, _ = _glyph_band(gray, word.box)
        return (x0, by0, x1, by1), None
    weight = sum(_width(c) for c in text if not c.isspace())

    def place(cw: float) -> int:
        if any(c.isspace() for c in text[:i]):
            return _char_boxes(word)[i][0]
        return x0 + int(sum(_width(c) for c in text[:i]) * cw)

    # CJK advance ~ 0.95 x OCR box height, ~ 1.14 x glyph ink height.
    cw = min((x1 - x0) / max(0.5, weight), 0.95 * (y1 - y0))
    lx0 = place(cw)
    by0, by1, from_ink = _glyph_band(gray, (lx0, y0, min(x1, lx0 + int(2 * cw)), y1))
    if from_ink:
        cw = min(cw, 1.14 * (by1 - by0))
        lx0 = place(cw)
        pad = int(0.1 * (by1 - by0))  # report the height OCR gives a printed line
        by0, by1 = by0 - pad, by1 + pad
    # The characters the engine dropped (客戶確認簽字 read 客戶確字) are printed too: the label ends past them.
    lx1 = min(x1, lx0 + int((sum(_width(c) for c in text[i:j] if not c.isspace()) + dropped) * cw))
    end = min(x1, lx0 + int(1.5 * (lx1 - lx0)))
    if not text[j:].strip() and end > lx1 and _looks_printed(image, gray, (lx1, by0, end, by1)):
        # The label ends its word: the word's box ends where its last glyph does, whatever the font's
        # spacing (a wide-set face runs past the estimate, and its last characters would read as ink);
        # not where a stroke touching the label stretched the box (ink that is no print), nor much further.
        lx1 = end
    k = j
    while k < len(text) and text[k] in _BLANK_MARKS:
        k += 1
    rest = text[k:].rstrip(_BLANK_MARKS)
    next_x = None
    if rest:
        if any(c.isspace() for c in rest):
            next_x = max(lx1, _char_boxes(word)[k][0])
        else:
            next_x = max(lx1, x1 - int(sum(_width(c) for c in rest) * cw))
        if (
            _scrawl(rest, stuck=True)
            or _written_name(rest, x1 - lx1, y1 - y0, by1 - by0)
            or not _looks_printed(image, gray, (next_x, by0, x1, by1))
        ):
            next_x = None  # OCR read a signature as characters: it is the field's content, not print
    return (lx0, by0, lx1, by1), next_x


def _written_name(text: str, width: int, height: int, lh: int) -> bool:
    """Is OCR text of this width (its characters') and height (its word's) a name written by hand: two
    or three Chinese characters set wider and taller than print beside a label (`name_pitch`,
    `name_height`), and not the words of a date to fill in? Or one character of a scrawled name read alone
    (鑫 of 郭鑫, 3 label heights wide and 2 high), wider than any one printed character (`print_pitch`)."""
    t = signature_tuning()
    name = text.strip()
    pitch = t.name_pitch if 2 <= len(name) <= 3 else t.print_pitch if len(name) == 1 else None
    return (
        bool(_NAME.fullmatch(name))
        and pitch is not None
        and not _BLANK_DATE.fullmatch(name)
        and width / len(name) > pitch * lh
        and height > t.name_height * lh
    )


def _scrawl(text: str, *, stuck: bool = False) -> bool:
    """Does OCR text read like a signature taken for letters ("个W√", "<阝", "VVV")? Printed form
    text after a label is Chinese, digits and form punctuation ("日期：", "年 月 日"). `stuck`:
    the text was read as part of the label's own line, where a lone character is a stroke."""
    solid = [c for c in text if not c.isspace() and c not in "：:"]
    if stuck and len(solid) == 1 and solid[0] not in "章印":
        return True  # one character stuck to a label: a stroke read as 八, 乙, V
    # The underscores of a printed blank read with its words ("年_", "____年__月__日": a date to fill in, the
    # line a form prints to write on) are form punctuation; alone they may be a flat stroke read as a line.
    if any(_width(c) == 1.0 or c.isdigit() for c in solid):
        solid = [c for c in solid if c not in _UNDERSCORES] or solid
    odd = sum(1 for c in solid if not (_width(c) == 1.0 or c.isdigit() or c in "/()-.,"))
    return odd > 0.3 * len(solid)


def _looks_printed(image: np.ndarray, gray: np.ndarray, box: Box) -> bool:
    """Is the ink in the box print: dark (not pen blue), and confined to the text band of the
    box's rows rather than reaching well above or below it like a signature?"""
    x0, y0, x1, y1 = box
    h = y1 - y0
    top, bottom = max(0, y0 - h), min(gray.shape[0], y1 + h)
    g = gray[top:bottom, x0:x1]
    if g.size == 0:
        return True
    ink = g < min(float(percentile(g, 90)) - 60, 200)
    total = int(ink.sum())
    if total == 0:
        return True
    if _pen_colour(image[top:bottom, x0:x1][ink]):
        return False
    inner = int(ink[max(0, y0 - top - h // 8) : y1 - top + h // 8].sum())
    return inner >= 0.85 * total


def _pen_colour(pixels: np.ndarray) -> bool:
    """Are these ink pixels (N x 3 RGB) mostly blue: ballpoint, not print?"""
    if len(pixels) < 10:
        return False
    px = pixels[:, :3].astype(np.int16)
    chroma = px.max(axis=1) - px.min(axis=1)
    return float(((px[:, 2] - px[:, 0] > 30) & (chroma > 40)).mean()) >= 0.3


def _glyph_band(gray: np.ndarray, box: Box) -> tuple[int, int, bool]:
    """Rows of the printed glyphs inside (part of) a word box: (top, bottom, True), or the box's
    own rows and False when no glyphs are seen. OCR pads its boxes by varying amounts and a
    signature touching the text stretches them; the glyphs' own height is the steadier unit."""
    x0, y0, x1, y1 = box
    g = gray[y0:y1, x0:x1]
    if g.size == 0:
        return y0, y1, False
    ink = g < min(float(percentile(g, 95)) - 60, 200)
    rows = ink.mean(axis=1)
    if rows.max() <= 0:
        return y0, y1, False
    # The run of inked rows around the densest one, bridging gaps of a couple of rows.
    on = rows >= 0.12 * rows.max()
    peak = int(np.argmax(rows))
    top = bottom = peak
    while top > 0 and (on[top - 1] or (top > 2 and on[top - 3 : top - 1].any())):
        top -= 1
    while bottom < len(on) - 1 and (on[bottom + 1] or on[bottom + 2 : bottom + 4].any()):
        bottom += 1
    if bottom + 1 - top < 6:
        return y0, y1, False
    return y0 + top, y0 + bottom + 1, True


def _print_over(image: np.ndarray, gray: np.ndarray, words: list[Word], label: Box, known: set[str]) -> list[Word]:
    """The print over a caption's signing line, that bounds the space to sign in from above: the OCR words
    over the label's line, within a signing line's reach of it, that look printed (_printed) or name a label
    — not a name written there and read (g 059b: 王涛 read 子), nor a seal's text."""
    lx0, ly0, lx1, ly1 = label
    lh = max(8, ly1 - ly0)
    return [
        w for w in words
        if w.box[1] < ly1 and w.box[3] > ly0 - 5 * lh and w.box[2] > lx0 - 20 * lh and w.box[0] < lx1 + 20 * lh
        and (_printed(w, (ly0, ly1), image, gray) or _names_label(w, known))
    ]


def _heads_cell(words: list[Word], own: set[int], x0: int, x1: int, label: Box) -> bool:
    """Does print like the label's open the cell from x0 (a ruling) to x1 on the label's line: an OCR word
    starting within two of the label's heights after x0, as tall as the label's own word and level with it,
    read confidently and not a scrawl? Its height is measured against the label's OCR box, not its glyphs:
    OCR pads both alike (a photo's boxes stand 1.6 glyph heights tall)."""
    h = label[3] - label[1]
    mid = (label[1] + label[3]) / 2
    for i, w in enumerate(words):
        b = w.box
        if (
            i not in own and x0 <= b[0] <= min(x1, x0 + 2 * h) and w.conf >= 0.9
            and 0.75 * h <= b[3] - b[1] <= 1.33 * h and abs((b[1] + b[3]) / 2 - mid) <= 0.3 * h
            and not _scrawl(w.text) and len(normalize(w.text)) >= 2
        ):
            return True
    return False


def _centre_in(box: Box, area: Box) -> bool:
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return area[0] <= x <= area[2] and area[1] <= y <= area[3]


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


# Form words that are print wherever they stand (a photo's slant can put them on the label's line).
_FORM_WORDS = tuple(normalize(w) for w in ("日期", "时间", "時間", "电话", "電話", "盖章", "蓋章"))


def _names_label(word: Word, known: set[str]) -> bool:
    """Does the OCR word hold a signature label or a form word (confidently read): print, whatever
    else it looks like."""
    if word.conf < 0.8:
        return False
    text = normalize(word.text)
    return any(k in text for k in known) or any(k in text for k in _FORM_WORDS)


_COLON_LABEL = re.compile(r"[\u4e00-\u9fff]{2,}\s*[:：]")  # OCR may set a space before the colon
_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}")  # a name as OCR reads one written by hand
_BLANK_DATE = re.compile(r"[年月日号]+")  # the printed words of a date to fill in


def _printed(word: Word, band: tuple[int, int], image: np.ndarray, gray: np.ndarray) -> bool:
    """OCR text that looks printed: confident, about the label's size, on the label's line if it
    reaches into it, not in coloured (pen or seal) ink.

    Handwriting that OCR happened to read (a scrawl read as "WM", a neatly written name) must stay
    in the field: it is rarely confident, label-sized and sitting on the label's line all at once.
    """
    x0, y0, x1, y1 = word.box
    h = y1 - y0
    lh = band[1] - band[0]
    # A form's label ends in a colon, handwriting does not: such a word is print even read unsure
    # (the next field's 服务顾问: on a rough black-and-white copy, read 服务领间: at 0.70).
    colon = bool(_COLON_LABEL.fullmatch(word.text))
    floor = signature_tuning().label_conf if colon else 0.8
    if word.conf < floor or not (0.55 * lh <= h <= 3 * lh):
        return False
    # A name written large and read confidently (陈静 at 0.92 under 委托人确认) is not the form's print: a
    # form's characters near a signature label are not far larger than the label's, neither wide nor tall.
    # A Chinese name (two or three characters) is told at a smaller size: 赵雪 at 0.98 under 业主签章, 1.7
    # label heights a character and 2.3 high, where OCR boxes print beside a label at 0.9-1.2 and 1.0-1.5.
    name = word.text.strip()
    t = signature_tuning()
    if _NAME.fullmatch(name):
        wide, tall = (x1 - x0) / len(name), h
        if wide > t.print_pitch * lh and tall > t.print_pitch * lh:
            return False
        # ... but not a date left blank (年 月 日): OCR boxes its spaced characters as one wide word.
        if _written_name(name, x1 - x0, h, lh):
            return False
    if _overlap(y0, y1, band[0], band[1]) > 0:  # on the label's line: must look like its text
        offset = abs((y0 + y1) / 2 - (band[0] + band[1]) / 2)
        # OCR boxes a label with its colon as tall as the label's own word, up to 1.6 glyph heights on a small
        # scan (i 0045's 收銀員： after 車主簽名：); a name written there ends in no colon.
        tallest = 1.7 if colon else 1.5
        if _scrawl(word.text) or offset > 0.3 * lh or not (0.7 * lh <= h <= tallest * lh):
            return False
    crop = image[y0:y1, x0:x1, :3]
    if crop.size == 0:
        return False
    g = gray[y0:y1, x0:x1]
    dark = g < min(float(percentile(g, 90)) - 60, 200)  # a dim photo's paper is no darker than 160
    if dark.sum() < 10:
        return True
    px = crop[dark].astype(np.int16)
    chroma = px.max(axis=1) - px.min(axis=1)
    red = (px[:, 0] - px[:, 2] > 50) & (chroma > 60)  # a seal's text, read by OCR
    return not _pen_colour(px) and float(red.mean()) < 0.5




def _cell_side(gray: np.ndarray, image: np.ndarray, lx0: int, rows: tuple[int, int], lh: int) -> int | None:
    """The column of a vertical ruling just left of the label (within 3 label heights) over `rows` (_cell_rows):
    the side of the table cell the label is in; None where it is in none."""
    x0, x1 = max(0, lx0 - 3 * lh), max(0, lx0 - 1)
    y0, y1 = rows
    if gray[y0:y1, x0:x1].size == 0:
        return None
    band = _ruling_ink(gray[y0:y1, x0:x1], image[y0:y1, x0:x1], rule_level(gray[y0:y1, x0:x1]))
    band &= ~red_mask(image[y0:y1, x0:x1])
    cols = np.flatnonzero(band.mean(axis=0) >= 0.97)
    return x0 + int(cols[-1]) if len(cols) else None


def _ruling_ink(gray: np.ndarray, rgb: np.ndarray, level: float) -> np.ndarray:
    """Pixels that may belong to a ruling: dark, or up to `level` if grey — a ballpoint's blue is as
    light as a faint border and its 阝 as straight, but not neutral."""
    dark = gray < 150
    if level > 150:
        px = rgb[..., :3].astype(np.int16)
        dark |= (gray < level) & (px.max(axis=-1) - px.min(axis=-1) < 40)
    return dark


def _ruling_bound(
    image: np.ndarray, gray: np.ndarray, x0: int, x1: int, rows: tuple[int, int], lh: int, next_cell: bool = False
) -> tuple[int, int, int | None]:
    """The field's span right of the label: from x0 to the first vertical ruling line (a table border)
    before x1, else x1. A ruling right after the label is the near side of a box drawn round the blank:
    the field is inside it, up to the next ruling. Third: where the label's own cell ends (its ruling), if it does."""
    if x1 <= x0:
        return x0, x1, None
    # A table border crosses the whole band (`rows`, _cell_rows) straight; a pen stroke rarely stays in
    # one column that long, and _is_ruling tells the few that do.
    y0, y1 = rows
    if gray[y0:y1, x0:x1].size == 0:
        return x0, x1, None
    level = rule_level(gray[y0:y1, x0:x1])
    band = _ruling_ink(gray[y0:y1, x0:x1], image[y0:y1, x0:x1], level)
    band &= ~red_mask(image[y0:y1, x0:x1])  # a seal's ring is not a table border
    full = band.mean(axis=0) >= 0.97
    # A tall pen stroke (the 阝 of 陈) can fill the band's column too; it ends in blank paper.
    for c in np.nonzero(full)[0]:
        full[c] = _is_ruling(gray, image, x0 + int(c), y0, y1, lh, level)
    cols = np.nonzero(full)[0]
    base = 0  # where the field starts, in the band's columns
    if len(cols) and cols[0] < signature_tuning().near_side * lh:
        base = _ruling_end(full, int(cols[0]))
        cols = cols[cols > base]
    if not len(cols):
        return x0 + base, x1, None
    if not next_cell:  # a box round the blank ends at its far side
        return x0 + base, x0 + int(cols[0]), x0 + int(cols[0])
    # A ruling further on ends the label's own cell; the blank to sign may be the next cell (label |
    # blank in a table row): the field runs on to the next ruling, the label's cell included (the
    # line's next print or label bounds x1 and comes first anyway).
    rest = cols[cols > _ruling_end(full, int(cols[0]))]
    return x0 + base, x0 + int(rest[0]) if len(rest) else x1, x0 + int(cols[0])


def _cell_rows(gray: np.ndarray, image: np.ndarray, label: Box, lh: int) -> tuple[int, int]:
    """The rows in which a vertical ruling beside the label is looked for: 0.8 label heights above and
    below its line, but not past a horizontal ruling across the label's own columns — its table cell's
    top or foot. A label set low in its cell (委托人(签章) a few pixels above the foot) would otherwise be
    looked at past the foot, where the cell's sides end: no cell found, and its foot taken for a rule to
    sign on under the label."""
    lx0, ly0, lx1, ly1 = label
    y0, y1 = max(0, ly0 - int(0.8 * lh)), min(gray.shape[0], ly1 + int(0.8 * lh))
    g = gray[y0:y1, lx0:lx1]
    if g.size == 0:
        return y0, y1
    ruled = _ruling_ink(g, image[y0:y1, lx0:lx1], rule_level(g)).mean(axis=1) >= 0.9
    mid = (ly0 + ly1) // 2 - y0
    below, above = np.flatnonzero(ruled[mid:]), np.flatnonzero(ruled[:mid])
    return (y0 + int(above[-1]) if len(above) else y0), (y0 + mid + int(below[0]) + 1 if len(below) else y1)


def _is_ruling(
    gray: np.ndarray, image: np.ndarray, x: int, y0: int, y1: int, lh: int, level: float = 150
) -> bool:
    """Is the dark column at x over rows y0..y1 a ruling? A table border or the side of a box drawn round
    the blank runs on well past the label's band or meets a horizontal line at both its ends (a row's
    borders, the box's top and foot); a pen stroke, however tall and straight, ends in blank paper at one
    end at least (the 木 of 杨 stands on the signing line but rises from blank paper)."""
    H, W = gray.shape[:2]
    ends = []
    for step, y in ((-1, y0), (1, y1 - 1)):
        cx = x
        while 0 <= y + step < H and abs(y + step - (y0 if step < 0 else y1)) < RULING_RUN * lh:
            a = max(0, cx - 1)
            row = _ruling_ink(gray[y + step, a : min(W, cx + 2)], image[y + step, a : min(W, cx + 2)], level)
            if not row.any():
                break
            cx = a + int(np.argmax(row))  # follow a skewed line a pixel at a time
            y += step
        ends.append((y, cx))
    if ends[1][0] - ends[0][0] >= RULING_RUN * lh:
        return True
    return all(_meets_horizontal(gray, image, cx, y, lh, level) for y, cx in ends)


def _meets_horizontal(gray: np.ndarray, image: np.ndarray, x: int, y: int, lh: int, level: float = 150) -> bool:
    """Does a horizontal line at least two label heights long pass within a few rows of (x, y)?"""
    H, W = gray.shape[:2]
    a, b = max(0, x - 3 * lh), min(W, x + 3 * lh)
    ys = slice(max(0, y - 3), min(H, y + 4))
    rows = _ruling_ink(gray[ys, a:b], image[ys, a:b], level)
    for row in rows:
        edges = np.diff(np.r_[0, row.astype(np.int8), 0])
        starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        if len(starts) and int((stops - starts).max()) >= 2 * lh:
            return True
    return False


def _ruling_end(full: np.ndarray, first: int) -> int:
    """The column just past the ruling that starts at `first` (its own width, a few columns at least)."""
    run = first
    while run + 1 < len(full) and (full[run + 1] or run + 1 - first < 3):
        run += 1
    return run + 1


def _ceiling(gray: np.ndarray, words: list[Word], printed: list[int], x0: int, x1: int, ly0: int, lh: int) -> int:
    """The top of a field right of its label: `up` label heights above the label at most, below any
    printed text above it and below a horizontal ruling line (a table row's border)."""
    t = signature_tuning()
    top = max(0, int(ly0 - t.up * lh))
    for i in printed:
        b = words[i].box
        if b[3] <= ly0 + 0.25 * lh and b[3] > top and _overlap(b[0], b[2], x0, x1) > 0:
            top = b[3]
    floor = int(ly0 - t.band * lh)  # the usual band above the label is always the field's
    edge = max(3, lh // 6)  # a line's blurred edge
    start = max(0, top - edge)  # a line just above the top still bleeds into it
    if x1 - x0 >= lh and floor > start:
        g = gray[start:floor, x0:x1]
        rows = (g < min(float(percentile(g, 90)) - 60, 200)).mean(axis=1) >= 0.6  # thin lines scan grey
        lines = np.flatnonzero(rows)
        if len(lines):
            top = max(top, start + int(lines[-1]) + edge)
    return min(top, max(0, floor))

