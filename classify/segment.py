"""Split a multi-page scan into documents.

A page whose title names a document type starts a new document; a page without one continues the
document before it. A titled page that says it continues (续, 第2页) joins the one before when it
names the same type, so a two-page contract with its title repeated stays one document.
"""

from __future__ import annotations

import re

from dossier.classify.doctype import TITLE_ZONE, identified_by_keywords, page_lines, title_scores
from dossier.models import PageText
from dossier.policy import Policy

START_SCORE = 0.75  # a title this good on a page starts a document
_CONTINUED = re.compile(r"[（(]?[续續][)）]?|第[2-9二三四五六七八九]\d*页|第[2-9二三四五六七八九]\d*頁|PAGE[2-9]")


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


def segment(pages: list[PageText], policy: Policy, titles: list[dict[str, float]] | None = None) -> list[list[int]]:
    """Group 0-based page positions into documents, in order. `titles`: each page's title_scores, if known."""
    docs: list[list[int]] = []
    prev_type: str | None = None
    for i, page in enumerate(pages):
        code, score = page_title(page, policy, titles[i] if titles is not None else None)
        if score < START_SCORE and (identity := identified_by_keywords(page.text, policy)):
            # A title-less page that names itself (an ID-card copy in a handover batch) starts a document.
            code, score = identity, 1.0
        starts = score >= START_SCORE and not (code == prev_type and is_continuation(page))
        if not docs or starts:
            docs.append([i])
            prev_type = code if starts else None
        else:
            docs[-1].append(i)
    return docs
