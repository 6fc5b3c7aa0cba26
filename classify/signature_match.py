"""Which field found on a document answers each signature its type requires (the type's policy), and the
other fields found there, shown but never fined. Used when a document is filed (worker/pipeline.py) and
when a clerk gives it another type (dossier/teaching.py)."""

from __future__ import annotations

from collections.abc import Callable

from dossier.classify.fuzzy import normalize
from dossier.classify.signature_labels import lexicon, role_of
from dossier.messages import part, text
from dossier.models import SignatureField
from dossier.policy import DocType, SigningPolicy, default_signing


def required_signatures(
    dt: DocType, found: list[SignatureField], signing: SigningPolicy | None = None
) -> list[SignatureField]:
    """Each required signature of the type, judged from the fields found on the document's pages, then
    the other fields found there (`required` false: shown, never fined).

    A required side takes the last field on the document (signature blocks close a form) that one of
    the type's labels names, else the last found by shape on that side, else the last of that side.
    """
    signing = signing or default_signing()
    fields = []
    for f in found:
        # A field found by shape takes its side from its party, which may depend on the type (甲方); a party
        # that names no side keeps the one its label gave (an English gloss: 負責人簽名 Resident).
        if f.party is not None:
            placed = role_of(f.party, dt.code, signing)[0]
            f = f.model_copy(update={"role": placed if placed != "unknown" else f.role})
        fields.append(f)
    used: list[int] = []
    chosen: list[int | None] = []
    reads = _signing_label(signing)
    for rule in dt.signatures:
        labels = {normalize(lbl) for lbl in rule.labels + signing.aliases.get(rule.role, [])}
        side = [i for i, f in enumerate(fields) if i not in used and f.role == rule.role]
        by_label = [i for i in side if normalize(fields[i].label) in labels]
        # A label with a signing word found by another type's alias (经办人签字 on a contract) is as plainly a
        # field as one found by its shape, where its own party word gives it this side: the other type's role
        # for a party whose side depends on the document (甲方) is no evidence here.
        by_shape = [i for i in side if fields[i].party is not None or (
            fields[i].box is not None and reads(fields[i]) and role_of(fields[i].label, signing=signing)[0] == rule.role)]
        # A field that reads as a signature (a signing word, a party named, or standing in a row with such
        # a field: 销售顾问 beside 买方签字) answers before a bare alias alone (服务顾问：, 定损员： at a form's
        # head are name fields), and the last of them on the document: a signing block closes a form, where
        # a header may print 买方（签字） in a table.
        signed = [
            i for i in side if (i in by_label or i in by_shape)
            and (reads(fields[i]) or any(reads(g) and _same_row(fields[i], g) for g in fields if g is not fields[i]))
        ]
        # A label that asks for a seal alone (甲方（盖章）) answers a signature only where none asks to sign (经办人签字).
        sign = any(_asks_sign(fields[i]) for i in signed)
        signed.sort(key=lambda i: (not (sign and _seal_only(fields[i])), _place(fields[i])))
        match = signed or by_label or by_shape or side
        chosen.append(match[-1] if match else None)
        used += match[-1:]
    # By elimination: when one required side alone has no field, a field whose party no lexicon places is
    # that side's (the last such, as above). With two sides missing nothing tells which is which.
    unknown = [i for i, f in enumerate(fields) if i not in used and f.role == "unknown"]
    if chosen.count(None) == 1 and unknown:
        k = chosen.index(None)
        chosen[k] = unknown[-1]
        used.append(unknown[-1])
        fields[unknown[-1]] = fields[unknown[-1]].model_copy(update={"role": dt.signatures[k].role})
        unknown.pop()
    unknown = _across_the_row(fields, unknown)
    asked = _asked_beyond(dt, fields, used, signing)
    used += asked
    out = []
    for rule, i in zip(dt.signatures, chosen, strict=True):
        if i is not None:
            out.append(fields[i].model_copy(update={"required": True}))
            continue
        more = part("signature.unknown_beside", unknown=len(unknown)) if unknown else ""
        out.append(
            SignatureField(
                role=rule.role, label=rule.labels[0] if rule.labels else "", status="uncertain",
                reason=text("signature.missing", role=part(f"role.{rule.role}"), more=more),
            )
        )
    out += [fields[i].model_copy(update={"required": True}) for i in asked]
    # The rest, once each: the same field found by two rules' labels has (nearly) the same box.
    for i, f in enumerate(fields):
        if i in used or any(_same_field(f, fields[j]) for j in used):
            continue
        used.append(i)
        out.append(f.model_copy(update={"required": False}))
    return out


def _asked_beyond(dt: DocType, fields: list[SignatureField], used: list[int], signing: SigningPolicy) -> list[int]:
    """Fields of a side the type's policy does not require that the form itself prints a signature for: a
    form asks that side to sign (a staff countersignature on a customer card, a notice's receipt), so its
    blank is reported like a required one. The last field of that side that reads as a signature: found
    by its shape (a party named), a signing word in its label, or in a row with such a field; a label
    alone at a form's head (销售顾问：, a name field read as an alias) is not."""
    signing_label = _signing_label(signing)

    def in_row(f: SignatureField) -> bool:
        return any(g is not f and signing_label(g) and _same_row(f, g) for g in fields)

    asked = {rule.role for rule in dt.signatures}
    out = []
    for role in ("customer", "staff"):
        if role in asked:
            continue
        side = [i for i, f in enumerate(fields) if i not in used and f.role == role and f.box is not None]
        match = [i for i in side if signing_label(fields[i]) or in_row(fields[i])]
        out += match[-1:]
    return out


def _across_the_row(fields: list[SignatureField], unknown: list[int]) -> list[int]:
    """Fields naming a party no lexicon places that stand in a signing row with fields of one side only
    (车主签名 | 接车人) are the other side's: a row of signatures puts the customer beside the business.
    Those fields are given that side; the unknown ones left are returned. A field naming no party (a
    bare （签字）) may be the tail of a label beside it, and is left unknown."""
    left = []
    for i in unknown:
        if fields[i].party is None:
            left.append(i)
            continue
        mates = {g.role for g in fields if g is not fields[i] and _same_row(fields[i], g)}
        if len(mates) == 1 and mates <= {"customer", "staff"}:
            other = "staff" if "customer" in mates else "customer"
            fields[i] = fields[i].model_copy(update={"role": other})
        else:
            left.append(i)
    return left


def _signing_label(signing: SigningPolicy) -> Callable[[SignatureField], bool]:
    """Whether a field's label reads as a signature: a party named by its shape or a signing word in it."""
    lex = lexicon(signing)
    words = lex.strong + lex.weak
    return lambda f: f.party is not None or any(w in normalize(f.label) for w in words)


def _asks_sign(f: SignatureField) -> bool:
    return any(c in f.label for c in "签簽籤")


def _seal_only(f: SignatureField) -> bool:
    """Whether a label asks for a seal and not a signature: 章 in it (盖章, 公章) and no 签 (签章, (签))."""
    return "章" in f.label and not _asks_sign(f)


def _place(f: SignatureField) -> tuple[int, int, int]:
    """A field's place on the document, top to bottom: page, foot of its box, left edge."""
    return (f.page or 0, f.box[3] if f.box else 0, f.box[0] if f.box else 0)


def _same_row(a: SignatureField, b: SignatureField) -> bool:
    """Whether two fields stand side by side on one page (their boxes overlap by half the lower one)."""
    if a.page != b.page or a.box is None or b.box is None:
        return False
    overlap = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    return overlap > 0.5 * min(a.box[3] - a.box[1], b.box[3] - b.box[1])


def _same_field(a: SignatureField, b: SignatureField) -> bool:
    if a.page != b.page or a.box is None or b.box is None:
        return False
    ax0, ay0, ax1, ay1 = a.box
    bx0, by0, bx1, by1 = b.box
    inter = max(0, min(ax1, bx1) - max(ax0, bx0)) * max(0, min(ay1, by1) - max(ay0, by0))
    return inter > 0.5 * min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))
