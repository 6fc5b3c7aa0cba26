"""Text from outside (file names, what a page or a library said) made safe to show: one helper per concern.

`printable` for a terminal, a log or a reason file: control characters (ESC sequences, a newline that would
forge an output line) and direction overrides become visible escapes. `csv_cell` for a spreadsheet: a cell
that a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import unicodedata
from typing import Any

_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}


def printable(name: str, limit: int | None = None) -> str:
    """A file name safe to write into a log, a reason file or JSON: bytes that are not UTF-8 as \\xNN,
    control and direction-override characters as escapes, and, with `limit`, shortened in the middle."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) == "Cc" or ch in _BIDI or 0xD800 <= code <= 0xDFFF:
            out.append(ch.encode("unicode_escape").decode("ascii") if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    text = "".join(out)
    if limit and len(text) > limit:
        keep = limit - 1
        text = text[: keep - keep // 3] + "…" + text[len(text) - keep // 3 :]
    return text


def safe_text(text: str) -> str:
    """A message (a reason, an error from a library) with its lines kept and nothing else unprintable."""
    return "\n".join(printable(line) for line in text.splitlines())


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value for a CSV (or spreadsheet) cell: text made printable, and text a spreadsheet would take for
    a formula (=, +, -, @, tab, CR first) prefixed with a single quote. Numbers stay numbers."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = printable(value)
    return "'" + text if value.startswith(FORMULA_START) or text.startswith(FORMULA_START) else text
