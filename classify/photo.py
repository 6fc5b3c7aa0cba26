"""A photograph in a batch of forms typed by its company: which photo type its dossier's checklists hold.

A photo of the car at handover or of a damaged part carries no title and little text (a caption, a tag),
so neither the title rules nor the text model can type it. Its batch can: a photo scanned among a
new-car file's documents is the handover photo, one among a warranty visit's the damaged part's. Which
document types are photos is policy data (`photo: true`); which documents keep it company is the
checklists' (every type a checklist listing the photo type lists).
"""

from __future__ import annotations

from dossier.classify.doctype import has_signing_field, heading_line, names_a_form, title_scores
from dossier.classify.fuzzy import normalize
from dossier.models import PageText
from dossier.policy import Policy

MAX_LINES = 5  # a photo's caption or tag; the shortest letter on families a and b had 9 lines
MAX_CHARS = 60  # ... and 120 characters or so; a form has hundreds
def looks_like_photo(pages: list[PageText], policy: Policy | None = None) -> bool:
    """One page of little text, no place to sign and (with `policy`) no form's title: a picture, its
    caption or a tag at most. A faint 交车服务检查单 of five lines names a form: no photo."""
    if len(pages) != 1:
        return False
    page = pages[0]
    if has_signing_field(page.text) or (policy is not None and (names_a_form(title_scores(page, policy), policy)
                                                                 or headed_as_form(page, policy))):
        return False
    chars = sum(1 for ch in page.text if not ch.isspace())
    return len(page.text.splitlines()) <= MAX_LINES and chars <= MAX_CHARS


def headed_as_form(page: PageText, policy: Policy) -> bool:
    """The page is headed as a paper: its heading (doctype.heading_line) ends as a form's title ends, in its
    last two characters (复印件 as 身份证复印件, 证明), words no photo's title holds. A picture's caption says whose
    car it is (恭喜…喜提爱车), carries a tag, or names what it shows in a photo title's words (损坏零件 as
    损坏零件照片 has it: a caption, though 件 ends 复印件); a copy pasted under its heading is a document, even if
    its picture could not be read."""
    heading = heading_line(page, policy)
    if heading is None:
        return False
    end = heading.text[-2:]
    photo_words = [normalize(t) for dt in policy.doc_types.values() if dt.photo for t in dt.titles]
    return (len(end) == 2 and not any(end in w for w in photo_words)
            and any(normalize(t).endswith(end) for dt in policy.doc_types.values() if not dt.photo for t in dt.titles))


def companions(code: str, policy: Policy) -> set[str]:
    """The document types that share a checklist with photo type `code`."""
    kp = policy.kinds[policy.doc_types[code].kind]
    return {t for cl in kp.checklists.values() if code in cl.required + cl.optional
            for t in cl.required + cl.optional if t != code}


def batch_photo_type(types: list[str | None], policy: Policy) -> str | None:
    """The one photo type whose checklists hold most of the batch's typed documents; None if none does
    or two tie (a batch of both a handover and a visit says nothing of its photo)."""
    typed = [t for t in types if t]
    votes = {code: sum(t in companions(code, policy) for t in typed)
             for code, dt in policy.doc_types.items() if dt.photo}
    ranked = sorted(votes.values(), reverse=True)
    if not ranked or ranked[0] == 0 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return next(code for code, v in votes.items() if v == ranked[0])


VISIT_NUMBER = "order_number"  # the field that names an after-sales visit (dossier/checklist.py, visit_key)


def captioned_photo_type(fields: dict[str, str], policy: Policy) -> str | None:
    """A photo with no form beside it whose caption or tag holds a dossier's key and a visit's number: the
    one photo type of that kind that only visit checklists list (a damaged part's tag, not a handover)."""
    if VISIT_NUMBER not in fields:
        return None
    found = [code for code, dt in policy.doc_types.items()
             if dt.photo and policy.kinds[dt.kind].key_field in fields
             and {cl.scope for cl in policy.kinds[dt.kind].checklists.values() if code in cl.required + cl.optional}
             == {"visit"}]
    return found[0] if len(found) == 1 else None


def photo_types(docs: list[tuple[list[PageText], str | None, dict[str, str]]], policy: Policy) -> list[str | None]:
    """For each (pages, type, fields) of a batch, in order: the photo type of an untyped photo page, else None."""
    code = batch_photo_type([t for _, t, _ in docs], policy)
    return [(code or captioned_photo_type(fields, policy)) if t is None and looks_like_photo(pages, policy) else None
            for pages, t, fields in docs]
