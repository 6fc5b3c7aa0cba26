"""A document's text is its pages' texts joined by a newline; `page_ends` says where each page's ends, so a
split gives each half its own pages' text and a merge keeps the boundaries (dossier/review.py)."""

from __future__ import annotations

SEP = "\n"


def join_pages(texts: list[str]) -> tuple[str, list[int]]:
    """The document's text and where each page's text ends in it."""
    ends, at = [], 0
    for t in texts:
        at += len(t)
        ends.append(at)
        at += len(SEP)
    return SEP.join(texts), ends


def split_at(text: str, ends: list[int], cut: int) -> tuple[tuple[str, list[int]], tuple[str, list[int]]] | None:
    """(text, ends) of the first `cut` pages and of the rest; None when `ends` does not describe `text`
    (a document filed before page ends were kept)."""
    if not 0 < cut < len(ends) or not ends or ends[-1] != len(text):
        return None
    head, start = ends[cut - 1], ends[cut - 1] + len(SEP)
    return (text[:head], ends[:cut]), (text[start:], [e - start for e in ends[cut:]])


def join_documents(a: tuple[str, list[int]], b: tuple[str, list[int]]) -> tuple[str, list[int]]:
    """Two documents' (text, ends) as one; the ends stay empty unless both had theirs."""
    text = a[0] + SEP + b[0]
    if not (a[1] and b[1] and a[1][-1] == len(a[0]) and b[1][-1] == len(b[0])):
        return text, []
    start = len(a[0]) + len(SEP)
    return text, a[1] + [e + start for e in b[1]]
