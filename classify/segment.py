"""Split a multi-page scan into documents.

A page whose title names a document type starts a new document; a page without one continues the
document before it. A titled page that says it continues (续, 第2页) joins the one before when it
names the same type, so a two-page contract with its title repeated stays one document.

Every site prints its own titles, so a title need not be one the policy knows: a page also starts a
document when it shows a printed title by layout alone — a short line among the page's first, printed
clearly larger than its text or centred, with no colon — that the page before did not show (a letterhead or a title repeated on
every page of one document is not a new start), unless it says it continues.

A page of another size than the page before — a landscape invoice after a portrait form, a photo of
a car or of an ID card after an A4 page — is another sheet, so another document, whether or not it
has a title (a photo has none), unless it says it continues: the pages of one form are printed on one
paper size.
"""

from __future__ import annotations

import re
import statistics

from rapidfuzz.distance import Levenshtein

from dossier.classify.doctype import (
    TITLE_ZONE,
    Line,
    identified_by_keywords,
    line_of,
    page_lines,
    title_scores,
)
from dossier.classify.fuzzy import normalize
from dossier.models import PageText, Word, group_lines
from dossier.policy import Policy

START_SCORE = 0.75  # a title this good on a page starts a document
TITLE_SIZE = 1.3  # a printed title's height over the page's median line height
TITLE_CHARS = (3, 24)  # a title is a few words: shorter is a label or a mark, longer is a sentence
TITLE_CJK = 0.4  # mostly Chinese (PDI检查表 is 3 of 6)
TITLE_GAP = 1.5  # in line heights: wider spaces make a table row, not a title
CENTRED, CENTRED_SIZE = 0.08, 1.0  # a line centred within 8 % of the width, at least body-sized
AT_MARGIN = 0.05  # a title not centred starts where the page's lines start, within 5 % of the width
SAME_LINE = 0.75  # normalised similarity at which two title lines are the same line read twice
TITLE_AMONG_FIRST = 3  # a title heads its page: letterhead, title, perhaps a subtitle
SHEET_SIZE = 0.15  # a width or height further apart than this (relative): another paper size or a photo
_TITLE_CONTINUED = re.compile(r"[续續](页|頁|表|$)")  # 销售合同续 / 续页 (brackets are normalised away)
_LATER_PAGE = re.compile(r"第[2-9二三四五六七八九]\d*[页頁]|PAGE[2-9]")
_CONTINUED = re.compile(r"[（(]?[续續][)）]?|" + _LATER_PAGE.pattern)


def page_title(page: PageText, policy: Policy, scores: dict[str, float] | None = None) -> tuple[str | None, float]:
    """The type the page's title names best, and how well; `scores`: its title_scores, if known."""
    scores = title_scores(page, policy) if scores is None else scores
    if not scores:
        return None, 0.0
    code, score = max(scores.items(), key=lambda kv: kv[1])
    return code, score


def is_continuation(page: PageText) -> bool:
    top = "".join(ln.text for ln in page_lines(page) if ln.box[1] <= page.height * TITLE_ZONE)
    return bool(_CONTINUED.search(top))


def _cjk_share(text: str) -> float:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") / max(1, len(text))


def printed_titles(page: PageText) -> list[str]:
    """Lines near the top printed as titles are, whatever they say: among the page's first lines,
    clearly larger than its median line, a few words long, mostly Chinese, and no label (a title has
    no colon: "甲方（盖章）：" over a signature is a field, however large the ink makes its line).
    A large line that is not centred must start at the page's left margin: a handwritten name or a
    stamp beside a label on a signing page is large too, but stands out in the page."""
    lines = [(g, ln) for g in group_lines(page.words) if (ln := line_of(g)).text]
    if len(lines) < 3:  # a photo or a stamp: no layout to judge
        return []
    body = statistics.median_low(ln.box[3] - ln.box[1] for _, ln in lines) or 1  # few lines: lean to the body
    margin = min(ln.box[0] for _, ln in lines)
    return [ln.text for words, ln in lines[:TITLE_AMONG_FIRST]
            if _widest_gap(words) <= TITLE_GAP * (ln.box[3] - ln.box[1])
            and _is_title_line("".join(w.text for w in words), ln, body, page, margin)]


def _widest_gap(words: list[Word]) -> int:
    """The widest space between two words of a line: a table's header row is cells far apart, a title one
    phrase."""
    return max((b.box[0] - a.box[2] for a, b in zip(words, words[1:], strict=False)), default=0)


def _is_title_line(raw: str, ln: Line, body: float, page: PageText, margin: int) -> bool:
    """Centred and not small, or large at the margin: OCR boxes of a title's larger print are often only a
    little taller than the body's, but a title stands in the middle of the page where body lines start at
    its margin."""
    h = ln.box[3] - ln.box[1]
    centred = abs((ln.box[0] + ln.box[2]) / 2 - page.width / 2) <= CENTRED * page.width
    at_margin = ln.box[0] - margin <= AT_MARGIN * page.width
    return (ln.box[1] <= page.height * TITLE_ZONE
            and ((h >= TITLE_SIZE * body and at_margin) or (centred and h >= CENTRED_SIZE * body))
            and TITLE_CHARS[0] <= len(ln.text) <= TITLE_CHARS[1] and _cjk_share(ln.text) >= TITLE_CJK
            and ":" not in raw and "：" not in raw)


def _continued_anywhere(page: PageText) -> bool:
    """A page numbered as a later one (第 2 页 共 2 页, usually at its foot) continues a document."""
    return bool(_LATER_PAGE.search(normalize(page.text)))


def _other_sheet(page: PageText, before: PageText | None) -> bool:
    """A page whose width or height differs from the page before's: the pages of one file are rendered
    or scanned at one resolution, so this is another paper size, orientation or a photo. A4 and Letter
    (within 6 %) or a scan cropped a little differently are one sheet within the tolerance."""
    if before is None or not (page.width and page.height and before.width and before.height):
        return False  # a page that could not be read has no size to compare (it stays with its document)
    return any(abs(a - b) > SHEET_SIZE * max(1, min(a, b))
               for a, b in ((page.width, before.width), (page.height, before.height)))


def _new_title(titles: list[str], before: list[str]) -> bool:
    """A title line the page before did not show (compared as read, so a misread letterhead still matches)."""
    return any(all(Levenshtein.normalized_similarity(t, b) < SAME_LINE for b in before) for t in titles)


def segment(pages: list[PageText], policy: Policy, titles: list[dict[str, float]] | None = None) -> list[list[int]]:
    """Group 0-based page positions into documents, in order. `titles`: each page's title_scores, if known."""
    docs: list[list[int]] = []
    prev_type: str | None = None
    before: list[str] = []
    for i, page in enumerate(pages):
        sheet = _other_sheet(page, pages[i - 1] if i else None)
        code, score = page_title(page, policy, titles[i] if titles is not None else None)
        if score < START_SCORE and (identity := identified_by_keywords(page.text, policy)):
            # A title-less page that names itself (an ID-card copy in a handover batch) starts a document.
            code, score = identity, 1.0
        printed = printed_titles(page)
        said_continued = _continued_anywhere(page) or any(_TITLE_CONTINUED.search(t) for t in printed)
        if score >= START_SCORE:
            starts = not (code == prev_type and is_continuation(page)) or (sheet and not said_continued)
        else:
            # A title the policy does not know: its layout, its sheet and the page before decide.
            starts = (_new_title(printed, before) or sheet) and not said_continued
        before = printed
        if not docs or starts:
            docs.append([i])
            prev_type = code if starts else None
        else:
            docs[-1].append(i)
    return docs
