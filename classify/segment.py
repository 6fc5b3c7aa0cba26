"""Split a multi-page scan into documents.

A page whose title names a document type starts a new document; a page without one continues the
document before it. A titled page that says it continues (续, 第2页) joins the one before when it
names the same type, so a two-page contract with its title repeated stays one document.

Every site prints its own titles, so a title need not be one the policy knows: a page also starts a
document when it shows a printed title by layout alone — a short line among the page's first, printed
clearly larger than its text (its box taller or its characters wider apart) or centred, with no colon —
that the page before did not show (a letterhead or a title repeated on every page of one document is not
a new start), unless it says it continues. A title may head its page's
first row with the issuer's name printed smaller at the row's right end; a logo beside the issuer's name
is one row of a letterhead with it, so a title under a three-line letterhead is still among the first rows.
A page numbered as a later one (第 2 页) continues the document before unless its title is a strong match.
A page after one numbered as its document's last (第 1 页 共 1 页, Page 2 of 2, 1/1) starts a document: that
document has ended, whatever this page's title (an unknown form's title is easily missed). A page after
one numbered with more to follow (Page 1 of 2, 1/2) continues it, whatever its sheet or heading, unless it
numbers itself a first page or strongly names another type. The small print of a page number is read
loosely (PagelofI). A form's terms printed on its back (numbered clauses, no number, phone or VIN of
their own) continue it under their own heading.

A page of another size than the page before — a landscape invoice after a portrait form, a photo of
a car or of an ID card after an A4 page — is another sheet, so another document, whether or not it
has a title (a photo has none), unless it says it continues: the pages of one form are printed on one
paper size. A page on which nothing was read after a page of text is a photo scanned at the form's
size: another document too.
"""

from __future__ import annotations

import re
import statistics
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from dossier.classify.doctype import (
    FORM_TITLE,
    STRONG_TITLE,
    TITLE_ZONE,
    Line,
    has_signing_field,
    identified_by_keywords,
    line_of,
    page_lines,
    pitch,
    title_scores,
)
from dossier.classify.fuzzy import normalize, reading_variants
from dossier.classify.hanzi import is_hanzi
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
TITLE_AMONG_FIRST = 3  # a title heads its page: letterhead, title, perhaps a subtitle (rows, not lines)
PHRASE_LARGER = 1.15  # a title heading the page beside its issuer's name is printed this much larger than it
PHRASE_SIZE = CENTRED_SIZE  # ... and at least body-sized (key-value rows' OCR boxes are as tall as a title's)
CLAUSE_CHARS = 15  # a numbered line this long is a clause of prose, not an item of a checklist (1轮胎及胎压)
SHEET_SIZE = 0.15  # a width or height further apart than this (relative): another paper size or a photo
_TITLE_CONTINUED = re.compile(r"[续續](页|頁|表|$)")  # 销售合同续 / 续页 (brackets are normalised away)
_LATER_PAGE = re.compile(r"第[2-9二三四五六七八九]\d*[页頁]|PAGE[2-9]")
_CONTINUED = re.compile(r"[（(]?[续續][)）]?|" + _LATER_PAGE.pattern)
# Page k of n in a line as normalised (第1页共2页, 共2页第1页, PAGE1OF2): (k, n) from the named groups. The
# engine reads a small "Page 1 of 1" loosely (PagelofI, Pge lol 1, PtgeIol 2): a 1 as I, L, T or |, OF as
# OL or CF, a letter of PAGE lost or misread; k/n printed as a fraction stands alone on its line (1/2).
_ONE = str.maketrans("ILT|", "1111")
_PAGE_OF = re.compile(r"第(?P<k>\d{1,2})页共(?P<n>\d{1,2})页|共(?P<n2>\d{1,2})页第(?P<k2>\d{1,2})页|"
                      r"P[A-Z]?GE(?P<k3>[\dILT]{1,2})[OC][FL](?P<n3>[\dILT]{1,2})")
_FRACTION = re.compile(r"(?P<k>\d{1,2})/(?P<n>\d{1,2})")


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


_REFERENCE = re.compile(r"\d{7,}|[A-HJ-NPR-Z\d]{11}\d{6}")  # a number, a phone, a VIN
_CLAUSE = re.compile(r"([1-9])\D")
_LATIN_RUN = re.compile(r"[A-Z]{2,}")
# A contract's article or chapter heading (第二条 付款方式, 第三章): printed large and centred on a later sheet,
# it heads a part of the paper, never a paper of its own.
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇两\d]{1,4}[条章款节]")


def _cjk_share(text: str) -> float:
    """The share of Chinese in a normalised line, an English word counting as one character: a bilingual
    title (REPAIRORDER维修工单, VEHICLECHECKIN预检单) is Chinese with its English rendering beside it,
    not an English line."""
    return sum(1 for ch in text if is_hanzi(ch)) / max(1, len(_LATIN_RUN.sub("A", text)))


def printed_titles(page: PageText) -> list[str]:
    """Lines near the top printed as titles are, whatever they say: among the page's first rows,
    clearly larger than its median line, a few words long, mostly Chinese, and no label (a title has
    no colon: "甲方（盖章）：" over a signature is a field, however large the ink makes its line).
    A large line that is not centred must start at the page's left margin: a handwritten name or a
    stamp beside a label on a signing page is large too, but stands out in the page.
    A title may share its row with the issuer's name far to its right, printed smaller: the phrase
    printed larger than the rest of its row is judged as a line of its own (a table's header row is
    cells of one size, so it has none)."""
    lines = [(g, ln) for g in group_lines(page.words) if (ln := line_of(g)).text]
    if len(lines) < 3:
        # No body to measure its size against: a photo, a stamp, or a copy pasted under its heading (身份证
        # 正反面复印件 over an ID card the engine cannot read). Only a heading centred at the top counts, one
        # phrase and no place to sign (车主签名 服务顾问 质检员 across a form's last sheet is no heading).
        return [ln.text for words, ln in lines[:1]
                if len(_phrases(words, ln.box[3] - ln.box[1])) == 1 and not has_signing_field(ln.text)
                and _is_title_line(words, ln, (ln.box[3] - ln.box[1] or 1, pitch(words) or 1.0), page, -page.width,
                                   large=float("inf"))]
    body = statistics.median_low(ln.box[3] - ln.box[1] for _, ln in lines) or 1  # few lines: lean to the body
    spacing = statistics.median_low([x for words, _ in lines if (x := pitch(words))] or [1.0])
    margin, right = min(ln.box[0] for _, ln in lines), max(ln.box[2] for _, ln in lines)
    titles = []
    first = _first_rows(lines)
    for n, (words, ln) in enumerate(first):
        phrases = _phrases(words, ln.box[3] - ln.box[1])
        if len(phrases) == 1:
            if _is_title_line(words, ln, (body, spacing), page, margin):
                titles.append(ln.text)
        elif ((_under_marks(first[:n], phrases[0]) and _heading_row(phrases, right - AT_MARGIN * page.width)
               or _under_marks(first[:n], phrases[0], larger=1.0) and _numbered_title(phrases))
              and _is_title_line(phrases[0], lead := line_of(phrases[0]), (body, spacing), page, margin,
                                 large=PHRASE_SIZE)):
            titles.append(lead.text)
    return titles


def _under_marks(above: list[tuple[list[Word], Line]], lead: list[Word], larger: float = PHRASE_LARGER) -> bool:
    """A heading row is the page's first, or has above it only marks printed smaller than its title: a
    part of a multi-part form names its copy over the heading (第一联 存根, 客户联), a form its number.
    `larger`: how much larger than each row above its title is printed (a title beside its serial number
    may stand under the issuer's letterhead printed almost as large)."""
    height = statistics.median(w.box[3] - w.box[1] for w in lead)
    return all(larger * (ln.box[3] - ln.box[1]) <= height for _, ln in above)


def _raw(words: list[Word]) -> str:
    return "".join(w.text for w in words)


def _first_rows(lines: list[tuple[list[Word], Line]]) -> list[tuple[list[Word], Line]]:
    """The lines of the page's first TITLE_AMONG_FIRST rows: a logo or a slogan printed beside the
    issuer's name overlaps it in height and is one row of a letterhead with it, not a row of its own; a
    row with no Chinese (a title's English rendering, MOVE-IN HANDOVER, over or under it) is none either."""
    rows, bottom = 0, -1
    for n, (_, ln) in enumerate(lines):
        if ln.box[1] >= bottom - (ln.box[3] - ln.box[1]) // 4:  # clear of the row above (a skewed scan's boxes touch)
            rows += _cjk_share(ln.text) > 0
            if rows > TITLE_AMONG_FIRST:
                return lines[:n]
            bottom = ln.box[3]
        bottom = max(bottom, ln.box[3])
    return lines


def _phrases(words: list[Word], height: int) -> list[list[Word]]:
    """A line's words split where the space between them is wider than TITLE_GAP line heights."""
    out = [[words[0]]]
    for a, b in zip(words, words[1:], strict=False):
        if b.box[0] - a.box[2] > TITLE_GAP * height:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _heading_row(phrases: list[list[Word]], right: float) -> bool:
    """A page's first row laid out as title and issuer: its first phrase printed clearly larger than
    each other phrase, the last ending at the right edge of the page's text (a handwritten name beside
    甲方 on a signing page is larger too, but the label it stands beside is no right-aligned issuer)."""
    heights = [statistics.median(w.box[3] - w.box[1] for w in p) for p in phrases]
    return (all(heights[0] >= PHRASE_LARGER * h for h in heights[1:])
            and phrases[-1][-1].box[2] >= right)


# A serial number as read: its mark (No, its o misread e or 0, 编号, 单号), a letter or a place's character, digits.
# The mark is required: a bare number beside a label is a field's value (联系电话 13077796627).
_SERIAL = re.compile(r"^(?:NO|N[EO0]|编号|单号|№)\D{0,2}\d{5,}$")


def _numbered_title(phrases: list[list[Word]]) -> bool:
    """A form's first row as its title and, far to its right, the form's serial number printed smaller
    (比亚迪车辆进厂环车检查单 … No0045499, 客户资料登记表 … 编号：荆26187450): a printed form numbers its
    copies beside its title wherever the right margin falls, so the number need not end at the page's
    text edge as an issuer's name does. The number carries its mark (No, 编号); a table's header cells
    are words, a label's value no numbered mark."""
    heights = [statistics.median(w.box[3] - w.box[1] for w in p) for p in phrases]
    return (len(phrases) == 2 and heights[0] >= PHRASE_LARGER * heights[1]
            and bool(_SERIAL.match(normalize(_raw(phrases[1])))))


def _is_title_line(words: list[Word], ln: Line, body: tuple[float, float], page: PageText, margin: int,
                   large: float = TITLE_SIZE) -> bool:
    """Centred and not small, or large at the margin: OCR boxes of a title's larger print are often only a
    little taller than the body's, but a title stands in the middle of the page where body lines start at
    its margin. `body`: the page's median line height and character pitch; `large`: how much larger than
    the body a line at the margin must be."""
    raw = _raw(words)
    size = max((ln.box[3] - ln.box[1]) / body[0], pitch(words) / body[1])
    centred = abs((ln.box[0] + ln.box[2]) / 2 - page.width / 2) <= CENTRED * page.width
    at_margin = ln.box[0] - margin <= AT_MARGIN * page.width
    return (ln.box[1] <= page.height * TITLE_ZONE
            and ((size >= large and at_margin) or (centred and size >= CENTRED_SIZE))
            and TITLE_CHARS[0] <= len(_LATIN_RUN.sub("A", ln.text)) and len(ln.text) <= TITLE_CHARS[1]
            and _cjk_share(ln.text) >= TITLE_CJK
            and ":" not in raw and "：" not in raw and not _ARTICLE.match(ln.text))


class Numbering(NamedTuple):
    """How a page is numbered within its document, wherever on the page it is printed."""

    later: bool  # numbered as a later page (第 2 页, Page 2 of 3, 2/2): it continues a document
    of: tuple[tuple[int, int], ...]  # each "page k of n" read on it

    @property
    def last(self) -> bool:
        """Numbered as its document's last page (第 2 页 共 2 页, Page 1 of 1): the next page starts another."""
        return any(k == n for k, n in self.of)

    @property
    def more(self) -> bool:
        """Numbered as a page with more to follow (Page 1 of 2) and as no last one: the next page continues."""
        return not self.last and any(0 < k < n for k, n in self.of)


def numbering(page: PageText) -> Numbering:
    """The page's numbering, read once per page from its lines (a match never runs across two lines)."""
    raws = ["".join(w.text for w in g).replace(" ", "") for g in group_lines(page.words)]
    lines = [normalize(r) for r in raws]
    of = [_k_of_n(m) for ln in lines for m in _PAGE_OF.finditer(ln)]
    of += [(int(m["k"]), int(m["n"])) for r in raws if (m := _FRACTION.fullmatch(r)) and 0 < int(m["k"]) <= int(m["n"])]
    later = any(_LATER_PAGE.search(ln) for ln in lines) or any(k > 1 for k, _ in of)
    return Numbering(later, tuple(of))


def _promised(before: Numbering, page: Numbering) -> bool:
    """The page before is numbered as one with more to follow (Page 1 of 2) and this page does not number
    itself as another document's first: it is that next page. Its terms printed on the back (保证说明,
    委托条款) carry a heading of their own and may be scanned turned or cropped to another size."""
    return before.more and not any(k == 1 for k, _ in page.of)


def _k_of_n(m: re.Match[str]) -> tuple[int, int]:
    g = m.groupdict()
    k, n = g["k"] or g["k2"] or g["k3"], g["n"] or g["n2"] or g["n3"]
    return int(k.translate(_ONE)), int(n.translate(_ONE))


def _other_sheet(page: PageText, before: PageText | None) -> bool:
    """A page whose width or height differs from the page before's: the pages of one file are rendered
    or scanned at one resolution, so this is another paper size, orientation or a photo. A4 and Letter
    (within 6 %) or a scan cropped a little differently are one sheet within the tolerance."""
    if before is None or not (page.width and page.height and before.width and before.height):
        return False  # a page that could not be read has no size to compare (it stays with its document)
    return any(abs(a - b) > SHEET_SIZE * max(1, min(a, b))
               for a, b in ((page.width, before.width), (page.height, before.height)))




def _clauses(page: PageText) -> bool:
    """The page's body is numbered clauses of prose (1、本次维修项目自出厂之日起… 2、…), not numbered items
    of a checklist (1轮胎及胎压): a page of terms."""
    starts = {m[1] for ln in page_lines(page) if len(ln.text) >= CLAUSE_CHARS and (m := _CLAUSE.match(ln.text))}
    return len(starts) >= 2


def _terms(i: int, pages: list[PageText], refs: list[bool]) -> bool:
    """Page `i` is a form's terms printed on its back: numbered clauses of prose and no number, phone or VIN of
    its own after a page that has one (a new form heads its page with the number it is about)."""
    return i > 0 and refs[i - 1] and not refs[i] and _clauses(pages[i])


def _names_a_type(printed: list[str], policy: Policy) -> bool:
    """A printed title holds a whole title of the policy (工作联系函 beside the issuer's name): a paper of its
    own, whatever its body."""
    return any(v in t for t in printed for dt in policy.doc_types.values() for title in dt.titles
               for v in reading_variants(title, shortest=3))


_SENTENCE = re.compile(r"[，。；,;]")


def _prose(page: PageText) -> bool:
    """The page's body is running sentences (本人已详细阅读…，承诺遵守…。特此具结。), not a form's fields: an
    undertaking or terms printed on a form's second sheet."""
    return any(len(normalize(raw)) >= CLAUSE_CHARS and _SENTENCE.search(raw)
               for raw in ("".join(w.text for w in g) for g in group_lines(page.words)))


_DATE = re.compile(r"(?:19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}")


def _dated(page: PageText) -> bool:
    """A date is written on the page (2026年3月31日, 2026.03.31): a letter, a notice or a proof is dated as a
    paper of its own; an undertaking on a form's second sheet signs under the form's date (日期：年 月 日 blank)."""
    return any(_DATE.search("".join(w.text for w in g)) for g in group_lines(page.words))


def _picture_after_text(page: PageText, before: PageText) -> bool:
    """A page of a known size on which nothing was read, after a page of text: a photo of the car or of
    a part scanned at the form's size is no page of that form (the form's own pages carry text)."""
    return bool(page.width and page.height and not page.words and before.words)


def _new_title(titles: list[str], before: list[str]) -> bool:
    """A title line the page before did not show (compared as read, so a misread letterhead still matches)."""
    return any(all(Levenshtein.normalized_similarity(t, b) < SAME_LINE for b in before) for t in titles)


def segment(pages: list[PageText], policy: Policy, titles: list[dict[str, float]] | None = None) -> list[list[int]]:
    """Group 0-based page positions into documents, in order. `titles`: each page's title_scores, if known."""
    docs: list[list[int]] = []
    prev_type: str | None = None
    before: list[str] = []
    numbers = [numbering(p) for p in pages]
    refs = [bool(_REFERENCE.search(normalize(p.text))) for p in pages]  # a number, phone or VIN printed on it
    for i, page in enumerate(pages):
        sheet = _other_sheet(page, pages[i - 1] if i else None) or (i > 0 and _picture_after_text(page, pages[i - 1]))
        ended = i > 0 and numbers[i - 1].last
        code, score = page_title(page, policy, titles[i] if titles is not None else None)
        if score < START_SCORE and (identity := identified_by_keywords(page.text, policy)):
            # A title-less page that names itself (an ID-card copy in a handover batch) starts a document.
            code, score = identity, 1.0
        printed = printed_titles(page)
        said_continued = numbers[i].later or any(_TITLE_CONTINUED.search(t) for t in printed)
        if score >= START_SCORE:
            # A page numbered as a later one continues unless its title is a strong match: on a signing
            # page "（申请单位签字确认）" reads a little like an application's title.
            # Nor does a page of terms (numbered clauses, no number, phone or VIN of its own) whose heading only
            # reads like a title (维修委托条款 like 维修委托书, its head noun another): the back of the form before.
            continues = ((code == prev_type and is_continuation(page))
                         or (score < STRONG_TITLE and (numbers[i].later or _terms(i, pages, refs))))
            starts = not continues or ((sheet or ended) and not said_continued)
        else:
            # A title the policy does not know: its layout, its sheet and the page before decide.
            # A form's terms printed on its back carry a heading of their own, but no reference: a new form
            # heads its page with the number, phone or VIN it is about, as the page before did.
            heads = _new_title(printed, before) and not (_terms(i, pages, refs) or (
                refs[i - 1] and not refs[i] and _prose(page) and not _dated(page) and score < FORM_TITLE
                and not _names_a_type(printed, policy)))
            starts = (heads or sheet or ended) and not said_continued
        if starts and i > 0 and _promised(numbers[i - 1], numbers[i]) and (score < STRONG_TITLE or code == prev_type):
            starts = False  # the page before said more pages follow: this one, whatever its sheet or heading
        before = printed
        if not docs or starts:
            docs.append([i])
            prev_type = code if starts else None
        else:
            docs[-1].append(i)
    return docs
