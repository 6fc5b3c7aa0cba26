"""A queue as a file a clerk opens in Excel or WPS: CSV with a UTF-8 BOM (without it Excel shows the Chinese as
mojibake) and XLSX. Every cell goes through dossier.text.csv_cell: no control characters, and text a spreadsheet
would run as a formula (= + - @ first) starts with a quote."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from openpyxl import Workbook
from pydantic import BaseModel
from starlette.responses import Response

from dossier.text import csv_cell

Format = Literal["csv", "xlsx"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BOM = "\ufeff"
SHEET_TITLE_MAX = 31  # Excel's limit


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        value = ",".join(map(str, value))
    elif isinstance(value, dict):
        value = "; ".join(f"{k}={v}" for k, v in value.items())
    elif isinstance(value, date):
        value = value.isoformat()
    return csv_cell(value)


def table(rows: Sequence[BaseModel], columns: Sequence[str]) -> list[list[Any]]:
    """The header row (the model's field names, as `dossier report --csv` writes them) and one row each."""
    out: list[list[Any]] = [list(columns)]
    for r in rows:
        data = r.model_dump(mode="json")
        out.append([_cell(data.get(c)) for c in columns])
    return out


def csv_bytes(cells: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    buf.write(BOM)
    csv.writer(buf).writerows(cells)
    return buf.getvalue().encode("utf-8")


def xlsx_bytes(cells: list[list[Any]], sheet: str) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet[:SHEET_TITLE_MAX])
    for row in cells:
        # Text cells stay text: openpyxl would store a leading '=' as a formula, csv_cell has quoted those.
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def export(rows: Sequence[BaseModel], columns: Sequence[str], fmt: Format, name: str) -> Response:
    """The download: `name`.csv or `name`.xlsx (an ASCII name: no header injection, no encoding trouble)."""
    cells = table(rows, columns)
    body = csv_bytes(cells) if fmt == "csv" else xlsx_bytes(cells, name)
    return Response(body, media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'})
