"""Tokens for full-text search, shared by every backend so that all of them match the same documents.

Text is normalised (NFKC, lower case: full-width ＡＢＣ１２３ becomes abc123) and cut into pieces: a
*CJK run* (Han, kana, Hangul; whitespace inside a run is ignored because OCR puts spaces between
characters and lines break mid-phrase) or a *word* (a run of other letters and digits). Punctuation
only separates pieces. Traditional characters are folded to Simplified (search/script.py, OpenCC's table,
one character for one): 車輛 and 车辆 are the same tokens, so either script finds the other.

Each document is indexed as two token streams:
  bigram stream:  each CJK run as its overlapping bigrams (a one-character run as itself), words as is
  unigram stream: each CJK character, words as is

Query semantics (the contract every backend follows):
  * terms are separated by whitespace and all must match (AND); "a quoted phrase" is one term;
  * a term matches where its pieces occur consecutively (punctuation and whitespace ignored): a CJK run
    as a substring of a document's run, words as whole words; 交车 does not match 交…车;
  * an unquoted term's last word of 3+ characters also matches as a prefix (沪A123 finds 沪A12345);
  * a term also matches documents with a key equal to it after normalize_key, a key being the dossier
    key or an extracted field value that looks like an identifier (key_like: VIN, plate, ID, invoice
    number...); such exact matches rank first, field values above dossier keys;
  * characters with no letters or digits match nothing: a query of only operators finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from dossier.search.script import fold

_CJK = (
    "\u1100-\u11ff\u3005\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3131-\u318e"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f\U00030000-\U000323af"
)
# A CJK run (whitespace between its characters ignored) or a word of other letters and digits.
_PIECE = re.compile(rf"(?P<cjk>[{_CJK}](?:\s*[{_CJK}])*)|(?P<word>[^\W_{_CJK}]+)")
_SPACE = re.compile(r"\s+")
# Dropped so they cannot split a word or a run: zero-width characters, variation selectors and middle
# dots (沪A·12345 is the plate 沪A12345; 卡尔·马克思 is one name).
_INVISIBLE = re.compile(
    "[\u00ad\u00b7\u200b-\u200f\u2022\u2027\u2060-\u2064\u30fb\ufeff\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)
_QUOTES = "\"“”「」『』"
_KEY_SHAPE = re.compile(rf"[0-9A-Z{_CJK}][0-9A-Z{_CJK}/-]*")

MAX_TERMS = 16  # a pasted paragraph is cut, not turned into a thousand-term query
MAX_TOKENS = 64


@dataclass(frozen=True)
class Piece:
    text: str  # normalised; a CJK run without its inner whitespace
    cjk: bool
    start: int = 0  # offsets in the string that was tokenised
    end: int = 0


def normalize(text: str) -> str:
    # Folding after NFKC (which unifies compatibility ideographs) and one for one, so offsets survive.
    return fold(_INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower())


def pieces(text: str) -> list[Piece]:
    """Pieces of already-normalised text, with offsets into it."""
    out = []
    for m in _PIECE.finditer(text):
        cjk = m.lastgroup == "cjk"
        out.append(Piece(_SPACE.sub("", m.group()) if cjk else m.group(), cjk, m.start(), m.end()))
    return out


def bigram_tokens(ps: list[Piece]) -> list[str]:
    out: list[str] = []
    for p in ps:
        if p.cjk and len(p.text) > 1:
            out.extend(p.text[i : i + 2] for i in range(len(p.text) - 1))
        else:
            out.append(p.text)
    return out


def unigram_tokens(ps: list[Piece]) -> list[str]:
    out: list[str] = []
    for p in ps:
        if p.cjk:
            out.extend(p.text)
        else:
            out.append(p.text)
    return out


def index_tokens(text: str) -> tuple[str, str]:
    """(bigram stream, unigram stream) of a document, tokens separated by single spaces."""
    ps = pieces(normalize(text))
    return " ".join(bigram_tokens(ps)), " ".join(unigram_tokens(ps))


# -- exact keys ----------------------------------------------------------------------------------


def normalize_key(value: str) -> str:
    """Key form of a VIN, plate, ID or invoice number: half-width, upper case, no spaces or middle dots."""
    return _SPACE.sub("", _INVISIBLE.sub("", unicodedata.normalize("NFKC", value))).upper()


def key_like(key: str) -> bool:
    """Could this normalised value be an identifier? VIN, plate (沪A12345), ID number, invoice number or
    code, unit number (A座1203, 3-2-501, 12F-03), order number, phone: 4-40 characters, at least one digit."""
    return 4 <= len(key) <= 40 and any(c.isdigit() for c in key) and _KEY_SHAPE.fullmatch(key) is not None


# -- queries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One query term, compiled once and matched by every backend the same way."""

    text: str  # as the user typed it
    pieces: tuple[Piece, ...]
    column: Literal["bigram", "unigram"]  # the stream in which `tokens` must occur consecutively
    tokens: tuple[str, ...]
    prefix: bool  # the last token may be a prefix of a word
    key: str  # the term as an exact key (normalize_key)


def _term(text: str, quoted: bool) -> Term | None:
    ps = pieces(normalize(text))
    if not ps:
        return None
    uni, bi = unigram_tokens(ps), bigram_tokens(ps)
    # Bigrams are exact for a run inside the term, a run at its start (a suffix of the text's run) and
    # at its end (a prefix), except a one-character run at an edge: 沪 of 沪A12345 has no bigram of its
    # own in a text reading 京沪A12345. Such terms, and single characters, use the unigram stream.
    lone_edge = len(ps) > 1 and any(p.cjk and len(p.text) == 1 for p in (ps[0], ps[-1]))
    column: Literal["bigram", "unigram"] = "unigram" if len(uni) == 1 or lone_edge else "bigram"
    tokens = tuple((uni if column == "unigram" else bi)[:MAX_TOKENS])
    prefix = not quoted and not ps[-1].cjk and len(ps[-1].text) >= 3 and tokens[-1] == ps[-1].text
    return Term(text, tuple(ps), column, tokens, prefix, normalize_key(text))


def parse_query(query: str) -> list[Term]:
    """Split a query into terms: whitespace separates, quotes (" “” 「」) group; an unclosed quote runs
    to the end. Terms with no letters or digits are dropped."""
    raw: list[tuple[str, bool]] = []
    buf, quoted = "", False
    for ch in query:
        if ch in _QUOTES:
            raw.append((buf, quoted))
            buf, quoted = "", not quoted
        elif ch.isspace() and not quoted:
            raw.append((buf, False))
            buf = ""
        else:
            buf += ch
    raw.append((buf, quoted))
    terms = [t for s, q in raw if s.strip() and (t := _term(s, q)) is not None]
    return terms[:MAX_TERMS]


# -- snippets ------------------------------------------------------------------------------------

SNIPPET_CHARS = 40


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """normalize(), remembering for each output character where in `text` it came from."""
    norm = normalize(text)
    if len(norm) == len(text):  # the usual case: full-width forms and case map one to one
        return norm, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        n = ch.lower() if ch.isascii() else normalize(ch)
        out.append(n)
        where.extend([i] * len(n))
    where.append(len(text))
    return "".join(out), where


# ASCII only: a class with \W or the CJK ranges costs milliseconds to compile, once per query.
_WORD_CHAR = "[0-9a-z]"


def _pattern(term: Term) -> str:
    """A regex over normalised text for where the term matches (for marking it, not for matching)."""
    parts = []
    for k, p in enumerate(term.pieces):
        if p.cjk:
            parts.append(r"\s*".join(map(re.escape, p.text)))
        else:
            tail = f"{_WORD_CHAR}*" if term.prefix and k == len(term.pieces) - 1 else ""
            parts.append(f"(?<!{_WORD_CHAR}){re.escape(p.text)}{tail}(?!{_WORD_CHAR})")
    return r"[\W_]*".join(parts)


def _clean(s: str) -> str:
    # 【】 are the hit markers: literal ones in the text become [] so the markers stay unambiguous.
    return _SPACE.sub(" ", s).replace("【", "[").replace("】", "]")


def make_snippet(text: str, terms: list[Term], width: int = SNIPPET_CHARS) -> str:
    """About `width` characters of the raw text around the first hit, hits wrapped in 【】 (plain text)."""
    norm, where = _normalised_with_offsets(text)
    pattern = "|".join(f"(?:{_pattern(t)})" for t in sorted(terms, key=lambda t: -len(t.text)))
    spans = [(where[m.start()], where[m.end() - 1] + 1) for m in re.finditer(pattern, norm)] if pattern else []
    if not spans:
        return _clean(text[:width]) + ("…" if len(text) > width else "")
    first_s, first_e = spans[0]
    pad = max(0, width - (first_e - first_s)) // 2
    lo = max(0, first_s - pad)
    hi = min(len(text), max(first_e + pad, lo + width))
    lo = max(0, min(lo, hi - width))
    out, pos = "…" if lo > 0 else "", lo
    for s, e in spans:
        if s >= pos and e <= hi:
            out += _clean(text[pos:s]) + "【" + _clean(text[s:e]) + "】"
            pos = e
    return out + _clean(text[pos:hi]) + ("…" if hi < len(text) else "")
