"""Comparison tables out of query results: CSV (UTF-8 with BOM, so spreadsheet
programs show Chinese correctly), XLSX, and plain text for the terminal."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from graph.store import QueryResult


def _cell(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def to_csv_bytes(result: QueryResult) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(result.columns)
    for row in result.rows:
        w.writerow(["" if v is None else _cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def to_xlsx_bytes(result: QueryResult, sheet: str = "plangraph") -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(result.columns)
    for row in result.rows:
        ws.append([_cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_text(result: QueryResult, width: int = 40) -> str:
    def fmt(v: Any) -> str:
        s = "" if v is None else str(_cell(v))
        s = s.replace("\n", " ")
        return s if len(s) <= width else s[: width - 1] + "…"

    cells = [[fmt(c) for c in result.columns]] + [[fmt(v) for v in r] for r in result.rows]
    widths = [max(_display_width(row[i]) for row in cells) for i in range(len(result.columns))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(c + " " * (widths[i] - _display_width(c)) for i, c in enumerate(row)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    if result.truncated:
        lines.append("… (truncated)")
    return "\n".join(lines)


def _display_width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def write_table(result: QueryResult, fmt: str, out: Path) -> None:
    if fmt == "csv":
        out.write_bytes(to_csv_bytes(result))
    elif fmt == "xlsx":
        out.write_bytes(to_xlsx_bytes(result))
    else:
        raise ValueError(f"unknown table format {fmt!r}: csv or xlsx")
