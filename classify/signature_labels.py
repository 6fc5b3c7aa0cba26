"""Where the signature labels are on a page's lines: OCR words laid out as characters with boxes,
and labels found by their shape rather than from a list.

A signature field on a form no one has seen yet is a short label ending in a signing word
(签字, 签名, 盖章, 签收, 确认 … policies/signing.yaml), perhaps with a party before it (买受人（签名）：,
乙方（盖章）, 車主簽章) and a colon or "(签字)" after it; it ends its OCR word or is followed by a
blank, and the text before it on the line is short (running text that merely holds 确认 is no
field). The party word tells the side: customer, staff, or unknown (甲方 outside a document type
that says whose it is). Labels are matched as the engine reads them: Traditional folded, the
characters RapidOCR lacks dropped (車主章： for 車主簽章), a misread 签 (策字, 答字) before 字 and a colon.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dossier.classify.fuzzy import normalize, reading_variants
from dossier.classify.hanzi import is_hanzi, to_hant
from dossier.classify.signature_tuning import signature_tuning
from dossier.models import Box, Role, Word, group_lines
from dossier.policy import SigningPolicy, default_signing

# Characters after a label that still belong to it: 客户签字（签名）：
_LABEL_TAIL = set("：:（）()签字名章盖")
# Printed words that commonly follow a blank field on the same line: they do not make a label
# occurrence running text ("经客户签字确认" is text, "客户签字日期：" is a label with its date).
_NEXT_FIELD = ("日期", "时间", "時間", "年", "电话", "電話", "签", "簽", "盖章", "蓋章")

@dataclass
class _Char:
    ch: str
    box: Box
    word: int  # index of the source word
    pos: int  # index in the word's text
    conf: float = 1.0  # the word's OCR confidence


@dataclass
class _Line:
    chars: list[_Char]  # with a " " (pos -1) between consecutive words
    box: Box


def _width(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55


def _char_boxes(word: Word) -> list[Box]:
    """Each character's box, by its position in the word: CJK full width, Latin about half.

    White space marks a gap of unknown size, so the text before the first gap is laid out from
    the left edge, the text after the last gap from the right edge, and middle runs in between.
    """
    text = word.text
    x0, y0, x1, y1 = word.box
    h = max(1, y1 - y0)
    runs: list[tuple[int, int]] = []  # [start, end) of non-space runs
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        j = i
        while j < len(text) and not text[j].isspace():
            j += 1
        runs.append((i, j))
        i = j
    if not runs:
        return [word.box] * len(text)
    weights = [_width(c) for c in text]
    total = sum(weights[a] for s, e in runs for a in range(s, e))
    cw = (x1 - x0) / max(total, 0.5)
    if len(runs) > 1:
        cw = min(cw, 0.92 * h)
    starts: list[float] = []
    run_w = [sum(weights[s:e]) * cw for s, e in runs]
    free = (x1 - x0) - sum(run_w)
    gap = free / (len(runs) - 1) if len(runs) > 1 else 0.0
    pos = float(x0)
    for k in range(len(runs)):
        starts.append(pos)
        pos += run_w[k] + gap
    boxes: list[Box] = [word.box] * len(text)
    for (s, e), left in zip(runs, starts, strict=True):
        x = left
        for a in range(s, e):
            nx = x + weights[a] * cw
            boxes[a] = (int(round(x)), y0, int(round(nx)), y1)
            x = nx
    # white space spans between its neighbours
    for a, c in enumerate(text):
        if c.isspace():
            left_x = boxes[a - 1][2] if a > 0 and not text[a - 1].isspace() else x0
            boxes[a] = (left_x, y0, left_x, y1)
    return boxes


def _lines(words: list[Word]) -> list[_Line]:
    """Words grouped into visual lines (vertical overlap), left to right, as characters with boxes."""
    index = {id(w): i for i, w in enumerate(words)}
    groups = [[index[id(w)] for w in line] for line in group_lines(words)]
    lines = []
    for g in groups:
        chars: list[_Char] = []
        for i in g:
            if chars:
                b = words[i].box
                chars.append(_Char(" ", (b[0], b[1], b[0], b[3]), i, -1))
            for k, (ch, box) in enumerate(zip(words[i].text, _char_boxes(words[i]), strict=True)):
                chars.append(_Char(ch, box, i, k, words[i].conf))
        xs0 = min(words[i].box[0] for i in g)
        ys0 = min(words[i].box[1] for i in g)
        xs1 = max(words[i].box[2] for i in g)
        ys1 = max(words[i].box[3] for i in g)
        lines.append(_Line(chars, (xs0, ys0, xs1, ys1)))
    return lines


def _normalized(line: _Line) -> tuple[str, list[int]]:
    """The line's text normalised as classify.fuzzy does, with each kept character's index."""
    text, index = [], []
    for k, c in enumerate(line.chars):
        n = normalize(c.ch)
        for ch in n:
            text.append(ch)
            index.append(k)
    return "".join(text), index


def _extend_tail(line: _Line, end: int) -> int:
    """Move past a colon and a "(签字)" after the label, also when OCR gave them as separate
    (touching) words, as Tesseract does character by character, put a space before them inside
    its word ("服務顧问 :"), or misread the 签."""
    k, taken = end, 0
    while k < len(line.chars) and taken < 5:
        c = line.chars[k]
        if c.pos >= 0 and c.ch.isspace():
            nxt = next((x for x in line.chars[k + 1 :] if x.word != c.word or not x.ch.isspace()), None)
            if nxt is None or nxt.word != c.word or nxt.ch not in _LABEL_TAIL:
                break
            k += 1
            continue
        if c.pos == -1:  # the gap between two words: cross it only if they touch
            prev = line.chars[k - 1]
            nxt = line.chars[k + 1] if k + 1 < len(line.chars) else None
            if (
                nxt is None
                or nxt.ch not in _LABEL_TAIL
                or nxt.box[0] - prev.box[2] > 0.5 * (prev.box[3] - prev.box[1])
            ):
                break
            k += 1
            continue
        if c.ch not in _LABEL_TAIL:
            # 签 misread (策字, 答字) right after the label: the 字 or 名 and a colon that follow say so.
            after = "".join(x.ch for x in line.chars[k + 1 : k + 5] if x.word == c.word and not x.ch.isspace())
            if not (taken == 0 and after[:1] in ("字", "名") and after[1:2] in ("：", ":")):
                break
        k, taken = k + 1, taken + 1
    return k


def _label_like(line: _Line, end: int) -> bool:
    """A label ends its word, is followed by white space or a colon, or by the next field's name."""
    if end >= len(line.chars):
        return True
    prev, nxt = line.chars[end - 1], line.chars[end]
    # A slash joins two fields' names over one blank (签字/日期, 签名/盖章): the label ends there; so it does at
    # the bracket that opens its blank (收件人签字【 ____ 】).
    if nxt.word != prev.word or nxt.ch.isspace() or prev.ch in "：:）)" or nxt.ch in "/／【[":
        return True
    rest = "".join(c.ch for c in line.chars[end : end + 3])
    return rest.startswith(_NEXT_FIELD)


# What OCR reads of a seal pressed over a blank, run into the label's word (买方签章0, 签章发票专用章): its
# ring as a round letter, or its own text, which names a seal.
_RING_READS = set("0OoQ〇°")
_SEAL_WORDS = tuple(normalize(w) for w in ("专用章", "公章", "印章", "有限公司"))


def _seal_read_on(line: _Line, end: int) -> bool:
    """Whether the rest of the label's OCR word after a signing word is a seal read with it: the label
    ends at the signing word (split there), the seal over its blank."""
    if end <= 0 or end >= len(line.chars) or line.chars[end].word != line.chars[end - 1].word:
        return False
    word = line.chars[end - 1].word
    rest = "".join(c.ch for c in line.chars[end:] if c.word == word and c.pos >= 0).strip()
    if rest and len(rest) <= 2 and set(rest) <= _RING_READS:
        return True
    return any(w in normalize(rest) for w in _SEAL_WORDS)


# --- labels found by their shape -----------------------------------------------------------------

# How many characters may stand before the signing word: tuning/signature.yaml (max_prefix ...).
# The text before a label ends at one of these (or at white space, or a gap between OCR words).
_BREAKS = set("：:，,。；;、!！?？|｜_＿—–－…")
# A misread character of a signing word is tolerated only with the other one of these (签 misread
# before 字 or 名: 顧客策名 for 顧客簽名; 字 misread after 签); never where the pair is an ordinary word (客户姓名
# is a name field).
_MISREAD_SECOND = set("字名章收认署")  # 署: 签署, as 送修人策署 reads 送修人簽署
_MISREAD_FIRST = set("签盖确")  # 确: 确认 with its 认 misread as another character (车主确讯), as 签 before its 字


def _adjacent(line: _Line, a: int, b: int) -> bool:
    return b == a + 1 and line.chars[a].word == line.chars[b].word


# What is left of a signing word when RapidOCR drops its 簽 or 認 (客戶簽字 read 客戶字): taken only
# where no ordinary word reads so (客户名 could be the start of 客户名称).
_CLIPPED = set("字章确")
_NOT_SIGNING = {normalize(w) for w in ("数字", "文字", "汉字", "名字", "打字", "印章", "规章", "文章", "验收",
                                       "回收", "接收", "税收", "征收", "否认", "承认", "公认", "默认", "辨认",
                                       "签订", "签发", "签约", "签证", "签到", "盖住", "签署",
                                       "确保", "确实", "确诊", "确切", "确信", "确立", "确凿", "确有", "确需",
                                       "姓名", "全名", "实名", "报名", "品名", "排名", "命名", "地名", "书名")}
_DATE_WORDS = tuple(normalize(w) for w in ("日期", "时间", "時間"))


# Printed field labels one character away from a signature label (客户姓名 / 客户签名): a fuzzy
# match that reads exactly one of these is that field, not a misread signature label.
FIELD_LABELS = {normalize(x) for x in ("客户姓名", "顾客姓名", "客户名称", "业主姓名", "租户名称", "申请人姓名",
                                       "联系人姓名", "车主姓名", "客户地址", "客户电话", "客户类型")}
# ... and as the engine reads them in Traditional script without the characters it lacks (客戶名稱 read
# 客戶名, as 客戶簽名 is read): a label read so is a signature field only without a printed value after it.
_FIELD_READINGS = {v for x in FIELD_LABELS for v in reading_variants(to_hant(x))} - FIELD_LABELS


@dataclass
class FoundLabel:
    label: str  # as read: party and signing word, no colon (买受人（签名）)
    line: _Line
    start: int  # first character in line.chars
    end: int  # the character after the label and its tail (colon, "(签字)")
    role: Role
    party: str | None  # the party word named, as the policy spells it
    # Found only by its English gloss, its Chinese misread (Approved/毒批人): where it is and what it asks is
    # less sure, so no ink seen there is not yet a blank.
    unsure: bool = False


@dataclass(frozen=True)
class Lexicon:
    strong: tuple[str, ...]  # signing words as they may be read, normalised
    weak: tuple[str, ...]
    parties: tuple[tuple[str, Role, str], ...]  # (reading, side, party as written), longest first
    suffixes: tuple[tuple[str, Role], ...]  # (ending as read, side)
    sides: dict[str, dict[str, Role]]  # per document type: normalised party -> side
    clipped: frozenset[str]  # what is left of a signing word whose other characters the engine cannot emit
    actions: tuple[tuple[str, Role], ...]  # (action as read, side of its doer)
    agents: tuple[str, ...]  # a doer's endings as read, longest first
    abbreviations: Role  # the side of a post named by Latin capitals
    glosses: dict[str, Role]  # an English gloss, lower case -> its side
    opinions: tuple[str, ...]  # what a post writes in the box it heads (意见), as read
    approvals: tuple[str, ...]  # approval words (审批, 批准), as read


def _readings(words: list[str]) -> tuple[str, ...]:
    out = {v for w in words for v in reading_variants(w)}
    return tuple(sorted(out, key=len, reverse=True))


_LEXICONS: dict[int, tuple[SigningPolicy, Lexicon]] = {}


def lexicon(signing: SigningPolicy | None = None) -> Lexicon:
    """The signing policy's words ready for matching (built once per policy object)."""
    signing = signing or default_signing()
    hit = _LEXICONS.get(id(signing))
    if hit is not None and hit[0] is signing:
        return hit[1]
    first: dict[str, tuple[Role, str]] = {}  # each reading once, as first listed (Simplified before Traditional)
    for role, words in signing.parties.items():
        for p in words:
            for v in reading_variants(p):
                first.setdefault(v, (role, p))
    parties = {(v, role, p) for v, (role, p) in first.items()}
    lex = Lexicon(
        strong=_readings(signing.signing_words),
        weak=_readings(signing.weak_signing_words),
        parties=tuple(sorted(parties, key=lambda t: (-len(t[0]), t[0]))),
        suffixes=tuple((normalize(x), role) for role, xs in signing.party_suffixes.items() for x in xs),
        sides={t: {normalize(p): r for p, r in m.items()} for t, m in signing.doc_type_parties.items()},
        clipped=frozenset(v for w in signing.signing_words + signing.weak_signing_words
                          for v in reading_variants(w, shortest=1) if len(v) == 1),
        actions=tuple((normalize(a), role) for role, xs in signing.actions.items() for a in xs)
        + tuple((normalize(a), "staff") for a in signing.approvals),
        agents=tuple(sorted({normalize(x) for x in signing.agent_endings}, key=len, reverse=True)),
        abbreviations=signing.abbreviations,
        glosses={g.lower(): role for role, gs in signing.glosses.items() for g in gs},
        opinions=tuple(sorted({normalize(w) for w in signing.opinion_words}, key=len, reverse=True)),
        approvals=tuple(sorted({normalize(w) for w in signing.approvals}, key=len, reverse=True)),
    )
    _LEXICONS[id(signing)] = (signing, lex)
    return lex


def role_of(text: str, doc_type: str | None = None, signing: SigningPolicy | None = None) -> tuple[Role, str | None]:
    """The side a label's party word names, and that word: a side the document type gives the word
    first, then the longest party word with a side of its own (服务顾问 over 顾问); else unknown."""
    lex = lexicon(signing)
    t = normalize(text)
    sides = lex.sides.get(doc_type or "", {})
    # (has a side, the type's own word, where it ends, its length): a compound's head is its last word (客户经理
    # is a 经理, the firm's), so of the words with a side the one ending last decides, then the longest.
    found: list[tuple[bool, tuple[bool, int, int], Role, str]] = []
    for reading, side in sides.items():
        if reading in t:
            found.append((side != "unknown", (True, 0, len(reading)), side, reading))  # the type's own word first
    for reading, side, party in lex.parties:
        if reading in t:
            found.append((side != "unknown", (False, t.rfind(reading) + len(reading), len(reading)), side, party))
    # Where no word has a side of its own, one a document type places (甲方 of 甲方（授权代表）) says whose the
    # label is: the representative signs for it.
    typed = {r for m in lex.sides.values() for r in m}
    known = [f for f in found if f[0]] or [f for f in found if normalize(f[3]) in typed] or found
    best = max(known, key=lambda f: f[1]) if known else None
    # A short word ending as a job title (检测员, 技术主管, 客服专员) is that side's, when no listed word
    # gives it a side or the listed one is only part of it (客服 of 客服专员).
    word = t.rstrip("：:（）() ")
    if 2 <= len(word) <= 6 and word.isalpha():
        for ending, side in lex.suffixes:
            if word.endswith(ending) and (
                best is None or best[2] == "unknown"
                or (best[2] == side and normalize(best[3]) in word and len(word) > len(normalize(best[3])))
                or not word.endswith(normalize(best[3]))  # the ending is the head, the listed word its modifier (客户服务部)
            ):
                return side, word
    if best is None or best[2] == "unknown":
        doer = _doer_side(word, lex)
        if doer is not None:
            return doer, word
    if best is None:
        misread = _misread_post(word, lex)
        if misread is not None:
            return misread
        head = _heading_post(word, lex)
        return (head[1], head[0]) if head is not None else ("unknown", None)
    return best[2], best[3]


def _post_qualified(prefix: str, party: str, lex: Lexicon, signing: SigningPolicy | None) -> bool:
    """Whether the text before a label's party word names where the post sits, not a sentence: another
    party (物业经办人, 物业管家) or a post named by its ending (服务站经办人). Running text before a weak signing
    word (以上内容本人确认) has words of its own there."""
    head = normalize(party)
    if not prefix.endswith(head) or len(prefix) == len(head):
        return False
    rest = prefix[: -len(head)]
    if not (2 <= len(rest) <= 4 and rest.isalpha()):
        return False
    side, named = role_of(rest, signing=signing)
    if named is not None and normalize(named) == rest and side != "unknown":
        return True
    return any(rest.endswith(e) and len(rest) > len(e) for e, s in lex.suffixes if s != "unknown")


def _glossed_side(line: _Line, start: int, end: int, lex: Lexicon) -> Role:
    """The side a bilingual label's English gloss names (Resident/负责人签名, 签名 Customer) where its Chinese names
    none: the gloss before the label, in its word after it, or the next OCR word when that is a gloss alone."""
    text = "".join(c.ch for c in line.chars[start:end] if c.pos >= 0)
    nxt = [c for c in line.chars[end:] if c.pos >= 0]
    if nxt:
        word = "".join(c.ch for c in nxt if c.word == nxt[0].word)
        if _gloss(word.strip("：:（）() ")):
            text += " " + word
    for w in re.findall(r"[A-Za-z]+", text):
        side = lex.glosses.get(w.lower())
        if side is not None:
            return side
    return "unknown"


def _word_gloss(line: _Line, k0: int, k1: int, lex: Lexicon) -> Role:
    """The side the English gloss in a post's OCR word names (Approved/審批人, Advisor接待员): a word glossed
    so is a post even where its Chinese is misread (Approved/毒批人, Advisor接待计)."""
    word = line.chars[k0].word
    a = k0
    while a > 0 and line.chars[a - 1].word == word and line.chars[a - 1].pos >= 0:
        a -= 1
    return _glossed_side(line, a, k1, lex)


_CAPITALS = re.compile(r"[A-Z]{2,4}")
# Capitals that are a check's result, printed in every inspection table's cells (OK/NG), never a post.
_MARKS = {"OK", "NG", "NA", "NO", "YES", "PASS"}
# A job title's last character, read wrong by the engine (接待员 read 接待具, 物业接待员 read 物业接待大): the post is
# told by the rest. Not where the character makes the word a document (申请书, 申请表 are papers, not who signs).
_POST_ENDS = set("员員人师師")
_NOT_POST_ENDS = set("书書表单單证證")


def _misread_post(word: str, lex: Lexicon) -> tuple[Role, str] | None:
    """(side, party) of a word that is a listed post of three characters or more, its job ending misread
    (接待具 for 接待员, 收銀具 for 收银员), perhaps after its firm's short name (物业接待大); else None."""
    if not 3 <= len(word) <= 7 or not word.isalpha() or not is_hanzi(word[-1]) or word[-1] in _NOT_POST_ENDS:
        return None
    for reading, side, party in lex.parties:
        if (
            len(reading) >= 3 and side != "unknown" and reading[-1] in _POST_ENDS and word[-1] != reading[-1]
            and word[:-1].endswith(reading[:-1]) and len(word) - len(reading) <= 2
        ):
            return side, party
    return None


def _heading_post(word: str, lex: Lexicon) -> tuple[str, Role] | None:
    """A post named by its ending at the head of a field's name, with what it does or writes after it in
    two characters at most (工程部审核, 工程部意见 before /签字): the post signs, as 管理处 does in 管理处审批.
    (post, side), else None."""
    if not 3 <= len(word) <= 8 or not word.isalpha():
        return None
    for cut in range(len(word) - 1, len(word) - 3, -1):
        stem = word[:cut]
        side = next((s for e, s in lex.suffixes if stem.endswith(e) and len(stem) > len(e)), None)
        if side is not None and side != "unknown":
            return stem, side
    return None


def _doer_side(word: str, lex: Lexicon) -> Role | None:
    """The side of a party none of the lists places, told by how it is named: a post in Latin capitals
    (SA), or the doer of an action (受理人, 付款方, 承修单位, 陪同试车人: the first action before the doer's
    ending says whose). None where the name says neither."""
    if _CAPITALS.fullmatch(word) and word not in _MARKS:
        return lex.abbreviations if lex.abbreviations != "unknown" else None
    if not 2 <= len(word) <= 7 or not word.isalpha():
        return None
    ending = next((e for e in lex.agents if word.endswith(e) and len(word) > len(e)), None)
    if ending is None:
        return None
    stem = word[: len(word) - len(ending)]
    hits = [(stem.find(a), side) for a, side in lex.actions if a in stem]
    return min(hits)[1] if hits else None


def _spans(hay: str, lex: Lexicon, clipped: frozenset[str] = frozenset()) -> list[tuple[int, int, bool, bool]]:
    """Signing words in a normalised line: (start, end, weak, misread), left to right, longest at each
    place, none overlapping."""
    out: list[tuple[int, int, bool, bool]] = []
    i = 0
    while i < len(hay):
        hit = next((w for w in lex.strong if hay.startswith(w, i)), None)
        weak = False
        if hit is None:
            hit = next((w for w in lex.weak if hay.startswith(w, i)), None)
            weak = hit is not None
        if hit is not None:
            out.append((i, i + len(hit), weak, False))
            i += len(hit)
            continue
        pair = hay[i : i + 2]
        if (
            len(pair) == 2
            and pair not in _NOT_SIGNING
            and (pair[1] in _MISREAD_SECOND or pair[0] in _MISREAD_FIRST and (pair[0] != "确" or is_hanzi(pair[1])))
            # not the end of a party word and what is left of a clipped signing word (車主章), nor the ending
            # that names a post (客服專員(字): 簽 dropped after 員)
            and not any(hay.endswith(p, 0, i + 1) for p, _side, _word in lex.parties)
            and not any(hay.endswith(e, 0, i + 1) for e, _side in lex.suffixes)
        ):
            out.append((i, i + 2, False, True))
            i += 2
            continue
        if hay[i] in _CLIPPED or hay[i] in clipped:  # like a misread: only right after its party
            out.append((i, i + 1, False, True))
        i += 1
    return out


def _bracketed_sign(line: _Line, hay: str, index: list[int]) -> list[tuple[int, int, bool, bool]]:
    """签 in a short bracket after a party (检查技师（签）, 送件人(签)：, 交车专员（简签）, 车主（签名按指印）) is a signing
    word, as （签字） is: a bracket of a few characters holding 签 tells how to sign (alone, briefly, with a
    fingerprint), and in brackets 签 can be no part of a running word (签订, 签发). The span runs from 签 to the
    closing bracket, where the label ends."""
    out = []
    for i, ch in enumerate(hay):
        k = index[i]
        if ch not in _SIGN or not 0 < k < len(line.chars) - 1:
            continue
        w = line.chars[k].word
        opening = next((j for j in range(k - 1, max(-1, k - _CAPTION - 1), -1)
                        if line.chars[j].word != w or line.chars[j].ch in "（()）"), None)
        closing = next((j for j in range(k + 1, min(len(line.chars), k + _CAPTION + 1))
                        if line.chars[j].word != w or line.chars[j].ch in "（()）"), None)
        after = line.chars[closing + 1] if closing is not None and closing + 1 < len(line.chars) else None
        if (
            opening is not None and closing is not None and closing - opening - 1 <= _CAPTION
            # the bracket closes the label: running text goes on after it (本合同（签名按指印）后生效)
            and (after is None or after.word != w or after.ch in "：: /／")
            and line.chars[opening].word == w and line.chars[opening].ch in "（("
            and line.chars[closing].word == w and line.chars[closing].ch in "）)"
            and all(is_hanzi(c.ch) for c in line.chars[opening + 1 : closing])
            and not any(x in _text(line, opening + 1, closing) for x in _NOT_SIGNING)  # （签订） is a word
        ):
            # the bracket's words from 签 are the signing word, up to its closing bracket (业户（签意）: 签章 misread;
            # （签名按指印）); a party before it in the bracket (（客户签字）) is the label's party
            inside = [n for n, kk in enumerate(index) if k <= kk < closing]
            span = (inside[0], inside[-1] + 1, False, False)
            if span not in out:
                out.append(span)
    return out


_CAPTION = 6  # characters in brackets that say how to sign: 签名并按手印


_SIGN = {normalize(c) for c in "签簽籤"}


def _segment_start(line: _Line, k: int, floor: int) -> int:
    """Where the text that ends at character k starts: after white space, punctuation, a gap wider
    than half a character between OCR words, or `floor` (the end of the label before it)."""
    j = k
    while j > floor:
        c = line.chars[j - 1]
        if c.pos == -1:
            prev, nxt = line.chars[j - 2], line.chars[j]
            if nxt.box[0] - prev.box[2] > 0.5 * (prev.box[3] - prev.box[1]):
                break
            # A name written large before the label, its OCR word touching the label's (楊紫涵|服務顧問字/章),
            # is not the label's text: print beside print is about the same height.
            hp, hn = prev.box[3] - prev.box[1], nxt.box[3] - nxt.box[1]
            if max(hp, hn) > 1.6 * max(1, min(hp, hn)):
                break
        elif c.ch.isspace() or c.ch in _BREAKS:
            break
        j -= 1
    while j < k and line.chars[j].pos == -1:
        j += 1
    return j


def find_labels(
    lines: list[_Line], signing: SigningPolicy | None = None, traditional: bool = False
) -> list[FoundLabel]:
    """Every signature label on the lines found by its shape, top to bottom, left to right.

    `traditional`: the page is printed in Traditional script, whose 簽 and 認 RapidOCR cannot emit: a
    party word followed by what is left of a signing word (託修方收：, 接待員章, 維修技師名) is a label
    where it ends its text (a colon, a bracket, a slash or the next OCR word follows)."""
    lex = lexicon(signing)
    t = signature_tuning()
    out: list[FoundLabel] = []
    clipped = lex.clipped if traditional else frozenset()
    blank_dates = [ln.box for ln in lines if _blank_date(_normalized(ln)[0])]
    per_line: list[tuple[_Line, str, list[int], list[FoundLabel]]] = []
    for line in lines:
        hay, index = _normalized(line)
        if not hay:
            continue
        floor = 0
        found: list[FoundLabel] = []
        # A misread 确认 is two characters side by side in one OCR word: 确 then a colon dropped by normalising
        # and a name written after it (客戶確：| 朱佳怡) is what is left of 確認, the name no part of it.
        spans = [(s, s + 1, w, m) if m and e - s == 2 and hay[s] == "确" and not _adjacent(line, index[s], index[s + 1])
                 else (s, e, w, m) for s, e, w, m in _spans(hay, lex, clipped)]
        # 签 alone in brackets is a signing word whatever follows the bracket: a misread pair it would start
        # (物业管家（签）：赵雪 read on as 签赵, the name written after the colon) is none.
        lone = _bracketed_sign(line, hay, index)
        # So is a longer caption holding a signing word ((签名按指印): sign and press a fingerprint), whose label
        # ends at its closing bracket, not after 签名.
        spans = [sp for sp in spans if not any(b[0] < sp[1] and sp[0] < b[1] and (sp[3] or b[1] - b[0] > sp[1] - sp[0])
                                               for b in lone)]
        spans = sorted(spans + [b for b in lone if all(b[0] >= e or b[1] <= s for s, e, *_ in spans)])
        for s, e, weak, misread in spans:
            k0, k1 = index[s], index[e - 1] + 1
            if k0 < floor:
                continue  # inside the label before it: 盖章 of 业主确认（签字/盖章）, one blank for both
            end = _gloss_tail(line, _extend_tail(line, k1))
            # The party may follow the signing word in brackets: 签名（车主）：, 签字/盖章（服务顾问）：
            named = _bracketed_party(line, end, signing)
            if named is not None:
                end = _extend_tail(line, named)
            if not _label_like(line, end) and (weak or not _seal_read_on(line, end)):
                continue
            after = normalize("".join(c.ch for c in line.chars[end : end + 3] if c.word == line.chars[k1 - 1].word))
            colon = any(c.ch in "：:" for c in line.chars[k1:end])
            slash = end < len(line.chars) and line.chars[end].ch in "/／"
            if after.startswith(_DATE_WORDS) and not colon and not slash:
                continue  # 签字日期：a date field (签字/日期：one blank for both is a signature field)
            if slash:
                end = _slash_tail(line, end, lex)
            start = _segment_start(line, k0, floor)
            start += _gloss_cut("".join(c.ch for c in line.chars[start:k0]))[0]  # Customer/车主签收
            if named is not None:  # the party is the bracket's; what stands before is another word's
                start = k0
            elif role_of(_text(line, start, k0), signing=signing)[1] is None:
                start = _party_before(line, start, floor, signing)  # 送修人 签章, 质检员 (签字确认)：
            # A signing word in brackets after its party (物业经办人(确认):, 質員(蓋章):) ends the label as
            # plainly as a colon does: the bracket is not part of the party's text.
            prefix = normalize("".join(c.ch for c in line.chars[start:k0]))
            prefix_raw = "".join(c.ch for c in line.chars[start:k0])
            bracketed = colon and prefix_raw.rstrip().endswith(("(", "（"))
            if len(prefix) > t.max_prefix:
                continue
            role, party = role_of(prefix, signing=signing) if prefix else ("unknown", None)
            if named is not None:
                role, party = role_of(_text(line, k1, end), signing=signing)
            if party is None and (len(prefix) > t.bare_prefix or weak and not colon):
                continue
            extra = t.max_extra_weak if weak and not bracketed else t.max_extra
            if party is not None and len(prefix) - len(normalize(party)) > extra and not _post_qualified(
                prefix, party, lex, signing
            ):
                continue
            # A misread signing word only right after its party (or before its party in brackets: 名（技術主管）：)
            # and before a colon or the line's end.
            # Or, what is left of a clipped signing word before its colon after a short word no lexicon
            # places (經辨人確：, 辦 misread and 認 dropped), beside a label found before it on the line: a
            # signing row's next field, its side unknown.
            # A weak signing word's first character may stand between (買方確策字: 確認 with 認 dropped, 簽 misread),
            # and a slash to the next field's name (結算員策字/日期) ends the label as a colon does.
            # Closed in brackets after its party (业户（签意）), or ending its OCR word with no printed value after
            # it but the next field's post (顧客策名 | 服務顧問), a misread signing word stands where a label's does.
            stem = prefix[:-1] if prefix[-1:] and any(w.startswith(prefix[-1]) for w in lex.weak) else prefix
            # the party right before it: the one that decides the side, or another (授权代表 of 甲方（授权代表策字）)
            ends = (*reading_variants(party), *(r for r, _s, _p in lex.parties)) if party else ()
            closed = k1 < len(line.chars) and line.chars[k1].ch in "）)" and prefix_raw.rstrip().endswith(("（", "("))
            if misread and not (
                party and (named is not None or prefix.endswith(ends) or stem.endswith(ends))
                and (colon or slash or end >= len(line.chars) or (hay[s] in clipped and _ends_text(line, end))
                     or closed or (_ends_text(line, end) and not _printed_after(line, end, lex, signing))
                     or (line.chars[end].pos == -1 and _text(line, end, end + 4).startswith(_DATE_WORDS)))
            ) and not (
                party is None and found and colon and hay[s] in clipped and 2 <= len(prefix) <= t.bare_prefix
                and prefix.isalpha()
            ):
                continue
            # What is left of a signing word may be what is left of another word (客戶名 of 客戶名稱): a
            # printed value after it says it is a name field.
            if misread and not colon and _text(line, start, end) in _FIELD_READINGS and value_follows(line, end, lex):
                continue
            text = "".join(c.ch for c in line.chars[start:end] if c.pos >= 0).strip().rstrip("：:").strip()
            if role == "unknown":
                role = _glossed_side(line, _segment_start(line, k0, floor), end, lex)
            found.append(FoundLabel(text, line, start, end, role, party))
            floor = end
        per_line.append((line, hay, index, found))
    # A bare party (车主：) is a field in a signing block: beside a label found by its signing word or a
    # date left blank, on the line itself or the line over or under it.
    signing_lines = [line.box for line, _h, _i, found in per_line if found] + blank_dates
    foot = _foot_line(per_line)
    first = {id(line): bool(found) for line, _h, _i, found in per_line}
    was_near: dict[int, bool] = {}
    for line, hay, index, found in per_line:
        near = was_near[id(line)] = any(_beside(line.box, b) for b in signing_lines) or any(
            _date_after(line.box, b) for b in blank_dates)
        _posts(line, hay, index, lex, found, signing, near, line is foot)
    # A row found by its posts alone (工程部审核：____ 客服部经办：____) is a signing block too: a post before its colon
    # just over or under it (物业经理审批：朱佳怡) is its next row. Not a word alone heading a box there (客服中心意见 over
    # 申请人：接待人：, family a): that is the office's comment, its signature asked for elsewhere.
    rows = [line.box for line, _h, _i, found in per_line if found and not first[id(line)]]
    for line, _hay, _index, found in per_line:
        if not found and not was_near[id(line)] and any(_beside(line.box, b) for b in rows):
            found += _named_posts(line, lex, found, signing, True)
    _signing_grid(per_line, lex, signing)
    for _line, _h, _i, found in per_line:
        out += sorted(found, key=lambda f: f.start)
    return _declared_sides(out, [hay for _l, hay, _i, _f in per_line], signing)


def _signing_grid(
    per_line: list[tuple[_Line, str, list[int], list[FoundLabel]]], lex: Lexicon, signing: SigningPolicy | None
) -> None:
    """A signing grid: a row headed by a signing word alone (签字 | ____ | ____) under a row of posts (申请人（业主）|
    施工负责人 | 工程部审核), a table's first column naming what each row holds. Each post over the row is a field,
    its blank the cell under it; the row's heading is no field of its own. The header row's first cell may
    name the table (签署栏). Two posts at least: a row of values under one column's name is no grid."""
    for n, (line, _hay, _index, found) in enumerate(per_line):
        spans = _word_spans(line)
        heads = [f for f in found if f.party is None and spans and f.start <= spans[0][0] < f.end
                 and _text(line, f.start, f.end).strip(normalize(_WORD_EDGES)) in lex.strong]
        if not heads:
            continue
        h = max(1, line.box[3] - line.box[1])
        over = [m for m in range(n) if 0 <= line.box[1] - per_line[m][0].box[3] <= 2.5 * h
                and per_line[m][0].box[0] <= line.box[0] + h]
        if not over:
            continue
        up, _uh, _ui, up_found = per_line[over[-1]]
        taken = [(f.start, f.end) for f in up_found]
        posts = []
        for k0, e, k1 in _word_spans(up):
            if any(a < k1 and k0 < b for a, b in taken) or up.chars[k0].box[0] < line.chars[heads[0].end - 1].box[2]:
                continue  # the table's name over the row's heading
            raw = _text(up, k0, e)
            name = re.split(r"[（(]", raw)[0]  # 申请人（业主）: the post, its party in brackets
            if 2 <= len(name) <= 6 and name.isalpha() and _names_post(name, lex, signing):
                role, party = role_of(raw, signing=signing)
                text = "".join(c.ch for c in up.chars[k0:k1] if c.pos >= 0).strip()
                posts.append(FoundLabel(text, up, k0, k1, role, party or name))
        if len(posts) >= 2:
            up_found += posts
            for f in heads:
                found.remove(f)


def _posts(
    line: _Line, hay: str, index: list[int], lex: Lexicon, found: list[FoundLabel], signing: SigningPolicy | None,
    near: bool, foot: bool,
) -> None:
    """Add to `found` the line's fields named by a party or post without a signing word (_bare_parties,
    _party_words, _named_posts)."""
    bare = _bare_parties(line, hay, index, lex, found, signing, near)
    if not bare and foot:  # ... closing the page: its last printed words
        bare = [f for f in _bare_parties(line, hay, index, lex, found, signing, True) if not _print_after(line, f.end)]
    found += bare
    found += _party_words(line, lex, found, signing, near, foot)
    # A date left blank on the post's own line makes it a signing row as one over or under it does (操作员：
    # 董欣怡 日期：__年__月__日); so does the page's (or a tear-off slip's) last line: a form closes with who
    # signs it (取车人：____ 放行：____).
    found += _named_posts(line, lex, found, signing, near or _blank_date(hay), foot)


def _foot_line(per_line: list[tuple[_Line, str, list[int], list[FoundLabel]]]) -> _Line | None:
    """The page's last line of words (not a page number, 第1页 / 1/2): a form may close with the party who
    signs it (检测技师：____ under a printout) where nothing printed follows on the line."""
    worded = [line for line, hay, _i, _f in per_line if sum(ch.isalpha() and ch not in "第页共" for ch in hay) >= 2]
    return max(worded, key=lambda ln: ln.box[3], default=None)


def _print_after(line: _Line, end: int) -> bool:
    """Whether a word after `end` on the line is print (_as_print beside the label's last character)."""
    h = _print_size(line, end - 1)
    return any(c.pos == 0 and _as_print(c, h) for c in line.chars[end:])


def _print_size(line: _Line, k: int) -> int:
    """The height of the print of the OCR word holding character k: the short side of its box, as a word set
    vertically (客户签字 down a table's cell) is as wide as its print is high."""
    return _thickness([c for c in line.chars if c.word == line.chars[k].word and c.pos >= 0])


def _as_print(c: _Char, h: int) -> bool:
    """Whether the word starting at c reads as print beside print of height h: confident and of about
    that height (a name written by hand is rarely both)."""
    return c.conf >= 0.9 and 0.6 * h <= c.box[3] - c.box[1] <= 1.4 * h


def _declared_sides(found: list[FoundLabel], hays: list[str], signing: SigningPolicy | None) -> list[FoundLabel]:
    """Labels of a party with no side of its own (乙方代表, 甲方（盖章）) given the side the page declares
    for it or its counterpart (甲方（买方）, signing.yaml `counterparts`). Their party word is dropped, so
    that the document type's default side for it (doc_type_parties) does not override the page."""
    pairs = (signing or default_signing()).counterparts
    if not pairs:
        return found
    declared: dict[str, Role] = {}
    for a, b in pairs:
        for word, other in ((a, b), (b, a)):
            w = normalize(word)
            for hay in hays:
                k = hay.find(w)
                while k >= 0 and word not in declared:
                    side, party = role_of(hay[k + len(w) : k + len(w) + 6], signing=signing)
                    if side != "unknown" and party is not None and hay.startswith(
                        reading_variants(party), k + len(w)
                    ):
                        declared[word] = side
                        declared.setdefault(other, "staff" if side == "customer" else "customer")
                    k = hay.find(w, k + 1)
    if not declared:
        return found
    for f in found:
        if f.role != "unknown":
            continue
        t = normalize(f.label)
        for word, side in declared.items():
            if normalize(word) in t:
                f.role, f.party = side, None
                break
    return found


def _slash_tail(line: _Line, end: int, lex: Lexicon) -> int:
    """After 签字/ the other field sharing the blank (日期, 盖章) and its colon are the label's: the blank
    starts after them, not at the slash."""
    word = line.chars[end].word
    k = end + 1
    while k < len(line.chars) and k - end <= 4 and line.chars[k].word == word and line.chars[k].ch not in "：: ":
        k += 1
    other = _text(line, end + 1, k)
    if other.startswith(_DATE_WORDS) or any(other.startswith(w) for w in lex.strong + lex.weak):
        return _extend_tail(line, k)
    return end


def _ends_text(line: _Line, end: int) -> bool:
    """Whether the label's text stops at `end`: the line's end, the next OCR word, white space, a
    bracket or a slash (签字/盖章) follows."""
    if end >= len(line.chars):
        return True
    c = line.chars[end]
    return c.pos == -1 or c.ch.isspace() or c.ch in "/／（(【["


def value_follows(line: _Line, end: int, lex: Lexicon) -> bool:
    """Whether the next OCR word after `end` on the line is a printed value, not a signature nor the
    next field's label: confident, of about the height of the word before it (a name written by hand is
    rarely both), with no colon at its end and no signing word (客戶名 | 武漢宏達物流有限公司 is a table's
    name field, 客戶名 — 客戶簽名 with 簽 dropped — | 楊紫涵 a signed field)."""
    if end <= 0 or end > len(line.chars):
        return False
    word = line.chars[end - 1].word
    nxt = [c for c in line.chars[end:] if c.pos >= 0 and c.word != word]
    if not nxt:
        return False
    text = "".join(c.ch for c in nxt if c.word == nxt[0].word).strip()
    if not text.strip("_＿-—–－….·") or text.endswith(("：", ":")):
        return False
    if any(w in normalize(text) for w in lex.strong + lex.weak):
        return False
    return _as_print(nxt[0], _print_size(line, end - 1))


def _blank_date(hay: str) -> bool:
    """A date to be filled in by hand (日期：____ 年 月 日): a signing block's foot, never a filled-in field."""
    return ("年月" in hay or "月日" in hay or any(w in hay for w in _DATE_WORDS)) and not any(ch.isdigit() for ch in hay)


def _beside(a: Box, b: Box) -> bool:
    """Whether box b is a line above or below line a, under or over it, at most a signing space away
    (four of a's heights: a signature is written between the two)."""
    h = max(1, a[3] - a[1])
    if b == a or min(a[2], b[2]) <= max(a[0], b[0]):
        return False
    gap = b[1] - a[3] if b[1] >= a[1] else a[1] - b[3]
    return -0.5 * h < gap <= 4 * h


def _date_after(a: Box, b: Box) -> bool:
    """Whether a date left blank (box b) closes line a's row: right of it, its top no more than a line's height
    under a's foot (签收人：____ 日期：__年__月__日, the date set a little lower or read as a line of its own)."""
    h = max(1, a[3] - a[1])
    return b[0] >= a[2] and -0.5 * h < b[1] - a[3] <= h


def _text(line: _Line, a: int, b: int) -> str:
    return normalize("".join(c.ch for c in line.chars[a:b] if c.pos >= 0))


def _bracketed_party(line: _Line, end: int, signing: SigningPolicy | None) -> int | None:
    """After a signing word whose tail stopped inside an opening bracket: the character after the
    closing bracket when the bracket holds a party word and little else (签收（送修人）), else None."""
    if end <= 0 or end >= len(line.chars) or line.chars[end - 1].ch not in "（(":
        return None
    for k in range(end, min(len(line.chars), end + 10)):
        if line.chars[k].ch in "）)":
            inner = _text(line, end, k)
            party = role_of(inner, signing=signing)[1]
            if party is None or len(inner) - len(normalize(party)) > signature_tuning().max_extra:
                return None
            return k + 1
        if line.chars[k].ch in "：:" or (line.chars[k].pos == -1 and k > end):
            return None
    return None


def _party_before(line: _Line, start: int, floor: int, signing: SigningPolicy | None) -> int:
    """Where a label starts whose party stands one blank before its signing word (送修人 签章, 质检员
    (签字确认)：, as OCR reads a space there): the start of the short segment before `start` when it ends
    in a party word; else `start`. Only white space may lie between: punctuation ends a label."""
    j = start
    while j > floor and (line.chars[j - 1].ch.isspace() or line.chars[j - 1].pos == -1):
        j -= 1
    if j == start or j <= floor:
        return start
    if line.chars[j - 1].pos >= 0 and line.chars[j - 1].ch in _BREAKS:
        return start
    k = _segment_start(line, j, floor)
    before = _text(line, k, j)
    party = role_of(before, signing=signing)[1]
    if party is None or not before.endswith(normalize(party)) or len(before) - len(normalize(party)) > signature_tuning().max_extra:
        return start
    return k


def _bare_parties(
    line: _Line, hay: str, index: list[int], lex: Lexicon, found: list[FoundLabel], signing: SigningPolicy | None,
    near_date: bool = False,
) -> list[FoundLabel]:
    """A party alone before a colon and a blank ("车主：______ 日期：____") on a line that is a signing
    zone: one holding a signature label found by its signing word or a date field, or just over or under
    such a line or a date left blank to write in (`near_date`), or holding two such parties (a name field
    such as 车主：张三 has text after its colon, not a blank)."""
    zone = bool(found) or near_date or any(w in hay for w in _DATE_WORDS)
    taken = [(f.start, f.end) for f in found]
    out: list[FoundLabel] = []
    written = False
    for reading, _side, _party in lex.parties:
        s = hay.find(reading)
        while s >= 0:
            # A party named by two party words (乙方代表, 客户代表人) is one party: it runs on to the second.
            e = s + len(reading)
            more = next((len(r) for r, _s, _p in lex.parties if hay.startswith(r, e)), 0)
            head = reading
            if more and index[e + more - 1] - index[s] == e + more - 1 - s:  # written on, no colon between
                # The last word names who signs (客户经理 is staff, 乙方代表 乙方's): its side, where it has one.
                if role_of(hay[e : e + more], signing=signing)[0] != "unknown":
                    head = hay[e : e + more]
                e += more
            k0, k1 = index[s], index[e - 1] + 1
            s = hay.find(reading, s + 1)
            seg = _segment_start(line, k0, 0)
            if seg != k0:
                # A post named by the party word's ending (检查技师, 收银员 of 员) is one party from its start.
                whole = _text(line, seg, k1)
                named_as = role_of(whole, signing=signing)
                if named_as[0] == "unknown" or normalize(named_as[1] or "") != whole:
                    continue
                k0, head = seg, whole
            if any(a < k1 and k0 < b for a, b in taken):
                continue
            # Empty brackets after the party (車主 ()) held a signing word the engine could not read (籤認,
            # 簽字): they end the label as a colon does.
            emptied = _empty_brackets(line, k1)
            if emptied:
                k1 = _extend_tail(line, emptied) - 1
            nxt = line.chars[k1] if k1 < len(line.chars) else None
            # A party that is its OCR word by itself, a name written by hand next to it (送修人 徐俊杰): the
            # name fills the field, with no colon printed between.
            alone = (
                nxt is not None and nxt.pos == -1 and line.chars[k0].pos == 0 and zone
                and _written_after(line, k1, lex)
            )
            if alone:
                k1 -= 1  # the label ends at the party: no colon to take
            if nxt is None or (nxt.ch not in "：:" and not emptied and not alone):
                continue
            rest = "".join(c.ch for c in line.chars[k1 + 1 : k1 + 12] if c.word == nxt.word and c.pos >= 0)
            blank = rest.split()[0] if rest.split() else ""
            if blank.strip("_＿-—–－…·. \u3000") and not alone:
                continue  # text after the colon: a name field, not a blank to sign
            role, party = role_of(head, signing=signing)
            text = "".join(c.ch for c in line.chars[k0:k1 + 1]).rstrip("：: ")
            out.append(FoundLabel(text, line, k0, k1 + 1, role, party))
            taken.append((k0, k1 + 1))
            written = written or bool(emptied) or _written_after(line, k1 + 1, lex)
    # Two parties side by side, each before a colon and a blank (车主：____ 服务顾问：____), make a signing
    # row by themselves: a row of name fields has its names printed after the colons. So does a party
    # followed by a name written by hand (质检员：赵雪, the name large and read unsure).
    return out if zone or written or len(out) >= 2 else []


def _names_post(name: str, lex: Lexicon, signing: SigningPolicy | None) -> bool:
    """Whether a short word names who signs: a party the policy places by itself (SA), or by its grammar:
    it ends in a party word (承修方代表, 管理处经办人), a job title's ending (客服专员, 客务部) or a doer's (接车人,
    受理人, 付款方), or is a party's act (管理处审批: the office approves); 客户姓名 names a value."""
    side, party = role_of(name, signing=signing)
    if party is not None and normalize(party) == name and side != "unknown":
        return True
    if name.endswith(tuple(r for r, _s, _p in lex.parties) + tuple(e for e, _s in lex.suffixes) + lex.agents):
        return True
    if _misread_post(name, lex) is not None:
        return True
    # The firm's post heading the box where it writes its opinion (管理处意见, 工程部意见) signs it: an approval.
    # Not the customer's (客户意见 is a comment box).
    opinion = next((o for o in lex.opinions if name.endswith(o) and len(name) > len(o)), None)
    if opinion is not None and role_of(name[: -len(opinion)], signing=signing)[0] == "staff":
        return True
    act = next((a for a, _s in lex.actions if name.endswith(a) and len(name) > len(a)), None)
    if act is not None and role_of(name[: -len(act)], signing=signing)[0] != "unknown":
        return True
    return _misread_approval(name, lex, signing)


def _misread_approval(name: str, lex: Lexicon, signing: SigningPolicy | None) -> bool:
    """A post followed by an approval word read with its first character wrong or dropped (工程部蜜核, 工程部核,
    物業經理窖批 for 審核, 審批): the approval's last character after a post the business holds, a job title's
    ending or a listed staff post (物业经理, 工程部), with at most one character between."""
    for word in lex.approvals:
        last = word[-1]
        for cut in (len(name) - 1, len(name) - 2):
            stem = name[:cut]
            if not name.endswith(last) or len(stem) < 2 or (cut == len(name) - 2 and not is_hanzi(name[-2])):
                continue
            side, party = role_of(stem, signing=signing)
            ending = any(stem.endswith(e) for e, s in lex.suffixes if s == "staff")
            if side == "staff" and (ending or (party is not None and stem.endswith(normalize(party)))):
                return True
    return False


def _thickness(chars: list[_Char]) -> int:
    """The short side of the box round these characters: the height of a line of print, set either way."""
    xs = [c.box[0] for c in chars] + [c.box[2] for c in chars]
    ys = [c.box[1] for c in chars] + [c.box[3] for c in chars]
    return min(max(xs) - min(xs), max(ys) - min(ys))


_COLON_POST_CONF = 0.75


def _named_posts(
    line: _Line, lex: Lexicon, found: list[FoundLabel], signing: SigningPolicy | None, near: bool, foot: bool = False
) -> list[FoundLabel]:
    """Posts that no party list need hold, heading a field by their place: a whole OCR word that names
    who signs (_names_post) before a colon and no printed value in a signing zone (客务部：____ under a
    customer's field, over a date left blank), before a name written by hand (受理人 王涛), or standing
    alone as a table's label cell in a row with a label already found (车主签名 | 接车人 | ____) or with
    another such cell (质检员 | 复核人): a row of signatures holds signatures, a row of name fields prints
    the names. The side is its words' (role_of), else unknown: the document type's required side left
    without a field takes it (signature_match)."""
    taken = [(f.start, f.end) for f in found]
    # The print's size across its lines of text: a word's height, or its width where it is set vertically.
    heights = [_thickness(line.chars[f.start : f.end]) for f in found]
    posts: list[tuple[FoundLabel, bool]] = []  # (label, a bare cell)
    spans = _word_spans(line)
    cands: list[tuple[int, int, int, str, bool, Role, bool]] = []
    for k0, e, k1 in spans:
        if any(a < k1 and k0 < b for a, b in taken):
            continue
        colon = any(c.ch in "：:" for c in line.chars[e:k1])
        name = _text(line, k0, e)
        if not (2 <= len(name) <= 6 and name.isalpha() and not any(ch.isascii() for ch in name)):
            continue
        glossed = _word_gloss(line, k0, k1, lex)
        named = _names_post(name, lex, signing)
        if name in FIELD_LABELS or name in _FIELD_READINGS or not (named or glossed != "unknown"):
            continue
        # A name written by hand may read as a post, rarely with a colon printed after it: a post before its
        # colon may be read less sure (物業經理密批：, its 審 misread).
        if line.chars[k0].conf < (_COLON_POST_CONF if colon else 0.9) or _printed_after(line, k1, lex, signing):
            continue
        cands.append((k0, e, k1, name, colon, glossed, named))
    # Posts side by side, each before its colon and nothing printed (工程部审核：____ 客服部经办：____), make a signing
    # row by themselves, as two parties so do (_bare_parties): a row of name fields prints the names.
    row = sum(colon for *_x, colon, _g, _n in cands) >= 2
    for k0, e, k1, name, colon, glossed, named in cands:
        h = _thickness(line.chars[k0:e])
        sized = not heights or 0.7 * min(heights) <= h <= 1.4 * max(heights)
        written = _written_after(line, k1, lex)
        # Closing the page, a post named as a person or a job (取车人, 管理处主任: its head noun's ending) before its
        # colon and nothing printed is who signs the form; a party's bare name there (客户：____ 电话：____) may be
        # a name to fill in.
        closing = foot and colon and name.endswith(lex.agents + tuple(e for e, s in lex.suffixes if s == "staff"))
        if not (colon and (found or near or row or closing) or written and (found or near) or not colon and sized):
            continue
        role, party = role_of(name, signing=signing)
        if role == "unknown":
            role = glossed
        text = "".join(c.ch for c in line.chars[k0:e] if c.pos >= 0).strip()
        label = FoundLabel(text, line, k0, k1, role, party if party is not None and role != "unknown" else None,
                           unsure=not named)
        posts.append((label, not colon and not written))
    cells = [p for p, bare in posts if bare]
    if not found and (len(cells) < 2 or len(cells) < len(spans)):  # a row of posts alone, not a table's header
        posts = [(p, bare) for p, bare in posts if not bare]
    out = [p for p, _bare in posts]
    if any(p.party is not None and p.role != "unknown" for p in out) and (near or foot):
        out += _row_mates(line, lex, found + out, signing)
    return out


def _row_mates(line: _Line, lex: Lexicon, found: list[FoundLabel], signing: SigningPolicy | None) -> list[FoundLabel]:
    """In a signing row where a post was found before its colon and its blank (取车人：____), the other short
    words before a colon and nothing printed (放行：____, 审核：____): the row's other fields, whatever they are
    called. A row of name fields prints the names; a date's field is a date. Side unknown, the party its word:
    the row's other side, or the side a document type still lacks, takes it (signature_match)."""
    taken = [(f.start, f.end) for f in found]
    out = []
    for k0, e, k1 in _word_spans(line):
        if any(a < k1 and k0 < b for a, b in taken) or not any(c.ch in "：:" for c in line.chars[e:k1]):
            continue
        name = _text(line, k0, e)
        if not (2 <= len(name) <= 4 and all(is_hanzi(ch) for ch in name)) or name.startswith(_DATE_WORDS):
            continue
        if name in FIELD_LABELS or name in _FIELD_READINGS or min(c.conf for c in line.chars[k0:e]) < 0.9:
            continue
        if _printed_after(line, k1, lex, signing):
            continue
        text = "".join(c.ch for c in line.chars[k0:e] if c.pos >= 0).strip()
        out.append(FoundLabel(text, line, k0, k1, "unknown", text))
    return out


def _empty_brackets(line: _Line, k: int) -> int:
    """The character after "()" or "（）" (white space before or inside allowed) in the word at k, else 0."""
    chars = line.chars
    j = k
    while j < len(chars) and chars[j].pos >= 0 and chars[j].ch.isspace():
        j += 1
    if j >= len(chars) or chars[j].ch not in "(（" or chars[j].pos < 0:
        return 0
    j += 1
    while j < len(chars) and chars[j].pos >= 0 and chars[j].ch.isspace():
        j += 1
    return j + 1 if j < len(chars) and chars[j].ch in ")）" and chars[j].pos >= 0 else 0


def _written_after(line: _Line, end: int, lex: Lexicon) -> bool:
    """Whether the next OCR word after `end` is a name written by hand: taller than the word before it
    by half again, CJK, and neither a printed value nor a label."""
    word = line.chars[end - 1].word
    nxt = [c for c in line.chars[end:] if c.pos >= 0 and c.word != word]
    if not nxt or value_follows(line, end, lex):
        return False
    text = "".join(c.ch for c in nxt if c.word == nxt[0].word).strip()
    h = _print_size(line, end - 1)
    return 1 <= len(text) <= 4 and text.isalpha() and not text.isascii() and nxt[0].box[3] - nxt[0].box[1] > 1.5 * h


_PRINT_CONF = 0.8  # OCR confidence from which a word is print (signature._printed)
_WORD_EDGES = "（）()：:【】[] \u3000"


def _party_words(
    line: _Line, lex: Lexicon, found: list[FoundLabel], signing: SigningPolicy | None, near: bool, foot: bool
) -> list[FoundLabel]:
    """A party that is an OCR word by itself, brackets and colon allowed (质检员, （服务顾问）, 管理处经办人),
    in a signing row: beside a label found by its signing word on the line (客户签字 服务顾问 质检员, each over
    its own space), first on a line over or under a signing line or a date left blank (接车人 ____年__月__日
    under 客户确认 ____年__月__日), or in a line of such parties alone (申请人 受理人: a line printing only who
    signs is a signing row; a table's head names its other columns too), or alone closing the page
    (（PDI技师）under a checklist). Nothing printed may follow it on the line but a date to fill in: a name
    field has its value there (经办人 秦俊杰)."""
    taken = [(f.start, f.end) for f in found]
    spans = _word_spans(line)
    parties: list[tuple[int, int, int, str] | None] = []
    named: dict[int, bool] = {}  # by a word's start: it names a post (worked out once, for the label's `unsure`)
    for k0, e, k1 in spans:
        word = _text(line, k0, e)
        # Read as print (as signature._printed has it): a name written by hand may read as a post (ALY).
        ok = (2 <= len(word) <= 6 and word.isalpha() and not any(a < k1 and k0 < b for a, b in taken)
              and min(c.conf for c in line.chars[k0:e]) >= _PRINT_CONF)
        named[k0] = ok and _names_post(word, lex, signing)
        ok = ok and (named[k0] or _word_gloss(line, k0, k1, lex) != "unknown") and not _printed_after(line, k1, lex, signing)
        parties.append((k0, e, k1, word) if ok else None)
    row_of_parties = sum(p is not None for p in parties) >= 2 and all(
        p is not None or not _printed_word(line, k0, e, parties) for p, (k0, e, _k1) in zip(parties, spans, strict=True)
    )
    out: list[FoundLabel] = []
    for n, p in enumerate(parties):
        if p is None:
            continue
        k0, e, k1, word = p
        # A stacked row's party opens its line; the page's closing one stands alone on it.
        # A person named in brackets alone on its line ((声明人) under a declaration, (经办人) under a letter's
        # sender) captions the space one signs in: a post's name on a line of its own in brackets is no heading.
        caption = len(spans) == 1 and _in_brackets(line, k0, e) and word.endswith(lex.agents)
        if not (found or row_of_parties or near and n == 0 or foot and n == 0 and not _print_after(line, k1) or caption):
            continue
        role, party = role_of(word, signing=signing)
        if role == "unknown":
            role = _word_gloss(line, k0, k1, lex)
        text = "".join(c.ch for c in line.chars[k0:e] if c.pos >= 0).strip()
        out.append(FoundLabel(text, line, k0, k1, role, party or word, unsure=not named[k0]))
    return out


def _in_brackets(line: _Line, k0: int, e: int) -> bool:
    """Whether the text k0..e is closed in brackets of its own: （ just before it and ） just after."""
    return k0 > 0 and e < len(line.chars) and line.chars[k0 - 1].ch in "（(" and line.chars[e].ch in "）)"


def _word_spans(line: _Line) -> list[tuple[int, int, int]]:
    """The line's OCR words as (first character, end of its text, end with its brackets and colon); two
    words touching are one (the engine's 质检|员 for 质检员)."""
    words: dict[int, list[int]] = {}
    for k, c in enumerate(line.chars):
        if c.pos < 0:
            continue
        last = next(reversed(words.values()), None)
        if last is not None and c.pos == 0 and _touching(line.chars[last[-1]], c):
            last.append(k)
        else:
            words.setdefault(c.word, []).append(k)
    out = []
    for ks in words.values():
        k0, k1 = ks[0], ks[-1] + 1
        while k0 < k1 and line.chars[k0].ch in _WORD_EDGES:
            k0 += 1
        e = k1
        while e > k0 and line.chars[e - 1].ch in _WORD_EDGES:
            e -= 1
        a, b = _gloss_cut("".join(c.ch for c in line.chars[k0:e]))
        k0, e = k0 + a, k0 + b
        while e > k0 and line.chars[e - 1].ch in _WORD_EDGES:
            e -= 1
        out.append((k0, e, k1))
    return out


# --- bilingual labels ------------------------------------------------------------------------------
# Bilingual forms print the post or the label in English too, run into the Chinese by the engine (送修人签名Customer,
# 收银员Cashier：, Advisor/接待员). The English is a gloss: the Chinese says who signs, and the label ends after it.


def _gloss(text: str) -> bool:
    """Whether the text is an English word or two (Customer, Sales Advisor): Latin letters with a lower-case
    one. Capitals alone are an abbreviation that names the post itself (SA签名, PDI检查员)."""
    text = text.strip()
    return len(text) >= 3 and all(ch.isascii() and (ch.isalpha() or ch == " ") for ch in text) and any(
        ch.islower() for ch in text
    )


def _gloss_cut(text: str) -> tuple[int, int]:
    """Where the Chinese of a word glossed in English starts and ends: after a gloss and its slash (Advisor/接待员),
    or the gloss alone where the engine lost the slash (Advisor接待员), and before a gloss closing it (收银员Cashier).
    (0, len(text)) where it has none."""
    a, b = 0, len(text)
    slash = next((j for j, ch in enumerate(text) if ch in "/／"), None)
    lead = slash if slash is not None else next((j for j, ch in enumerate(text) if not (ch.isascii() and ch.isalpha())), b)
    if 0 < lead < b and _gloss(text[:lead]):
        a = lead + (slash is not None)
        while a < b and text[a].isspace():
            a += 1
    j = b
    while j > a and text[j - 1].isascii() and (text[j - 1].isalpha() or text[j - 1] == " "):
        j -= 1
    if a < j < b and _gloss(text[j:b]):
        b = j
    return (a, b) if a < b else (0, len(text))


def _gloss_tail(line: _Line, end: int) -> int:
    """After a signing word, the English gloss that closes its OCR word (送修人签名Customer, 申请人签字Resident）)
    and a colon or bracket after it: the label's, as the colon is; else `end`."""
    if end <= 0 or end >= len(line.chars) or line.chars[end].word != line.chars[end - 1].word:
        return end
    word = line.chars[end - 1].word
    k = end
    while k < len(line.chars) and line.chars[k].word == word and line.chars[k].ch.isascii() and (
        line.chars[k].ch.isalpha() or line.chars[k].ch == " "
    ):
        k += 1
    if not _gloss("".join(c.ch for c in line.chars[end:k])):
        return end
    while k < len(line.chars) and line.chars[k].word == word and line.chars[k].ch in "：:）)【】[] ":
        k += 1
    return k if k >= len(line.chars) or line.chars[k].word != word else end


def _caption_closes(nxt: list[_Char], lex: Lexicon) -> bool:
    """Whether a word after the next one is a signing word alone in brackets (质检员 陈静 (签字)): the line is the
    post's signing line, its caption at the end, so the word between is the name signed there, however
    print-like the engine read it, not a printed value."""
    words: dict[int, str] = {}
    for c in nxt:
        words[c.word] = words.get(c.word, "") + c.ch
    later = list(words.values())[1:]
    return any(
        t.strip()[:1] in "(（" and t.strip()[-1:] in ")）" and normalize(t) in lex.strong for t in later
    )


def _printed_word(line: _Line, k0: int, e: int, parties: list[tuple[int, int, int, str] | None]) -> bool:
    """Whether a word on a line of parties is print, not a name written by hand or the line one signs on
    (_as_print beside the first party)."""
    text = "".join(c.ch for c in line.chars[k0:e] if c.pos >= 0).strip("_＿-—–－….·　 ")
    if not text or k0 >= e:
        return False
    ref = next(p for p in parties if p is not None)
    return _as_print(line.chars[k0], _print_size(line, ref[0]))


def _touching(a: _Char, b: _Char) -> bool:
    return b.box[0] - a.box[2] < 0.3 * (a.box[3] - a.box[1])


def _printed_after(line: _Line, end: int, lex: Lexicon, signing: SigningPolicy | None) -> bool:
    """Whether printed text follows on the line: a value (value_follows) that is neither a date left blank
    (年 月 日 with no digits: the signing row's own date), a caption in brackets under the next signing line
    ((服務顧問) beside (顧客簽名)) nor the next party's label (结算员 质检员, 质检员 | 复核人)."""
    if not value_follows(line, end, lex):
        return False
    word = line.chars[end - 1].word
    nxt = [c for c in line.chars[end:] if c.pos >= 0 and c.word != word]
    if _caption_closes(nxt, lex):
        return False
    text = normalize("".join(c.ch for c in nxt))  # a date to fill in may be read in pieces (年|月|日)
    label = 1  # the next word, with one it touches (质检|员)
    while label < len(nxt) and (nxt[label].word == nxt[label - 1].word or _touching(nxt[label - 1], nxt[label])):
        label += 1
    raw = "".join(c.ch for c in nxt[:label]).strip()
    if raw[:1] in "(（" and raw[-1:] in ")）" and len(raw) > 2:
        return False
    a, b = _gloss_cut(raw)
    bare = normalize(raw[a:b]).strip(normalize(_WORD_EDGES))
    to_fill = _blank_date(text) and text.lstrip("_-—–…·. ").startswith(("年", "月", "日", *_DATE_WORDS))
    return not to_fill and not (bare.isalpha() and 2 <= len(bare) <= 6 and _names_post(bare, lex, signing))
