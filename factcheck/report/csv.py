"""A review as CSV for spreadsheets: one row per claim of a finding, then unclassified figures.

RFC 4180 as the csv module writes it (UTF-8 text, `,`, `\\r\\n`, a header row) with a fixed
column order, so an empty review still has its header. Quotes are untrusted text: a text cell
that a spreadsheet would run as a formula gets a leading `'` (CWE-1236); numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from factcheck.model import Review
from factcheck.review import ROW_COLUMNS, finding_rows

# The columns: the finding's, then the claim's (`factcheck.review.ROW_COLUMNS`, the same flat
# rows as DataFrames get), in a fixed order documented in docs/reports.md.
COLUMNS = ROW_COLUMNS
# Columns holding numbers, written as numbers. `value` is a number for a figure and text for
# a date or a category: the model's type decides, never the look of the text.
NUMERIC_COLUMNS = frozenset({"finding", "independent_sources", "start", "end", "value", "low",
                             "high"})
# What spreadsheets read as the start of a formula (OWASP CSV injection, CWE-1236).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(result: Review) -> str:
    """The review as CSV text: the header, a row per claim of each finding, then a row per
    unclassified figure (kind "unclassified"), so that no extracted figure is lost."""
    sources = {s.id: s for s in result.sources}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in finding_rows(result.findings, sources, result.unclassified):
        writer.writerow([_cell(name, row.get(name)) for name in COLUMNS])
    return out.getvalue()


def _cell(column: str, value: Any) -> str:
    """One cell: numbers as numbers in numeric columns, booleans as true/false, and any
    text guarded against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)) and column in NUMERIC_COLUMNS:
        return str(value)
    return guard(str(value))


def guard(text: str) -> str:
    """Text a spreadsheet shows as text: a leading `'` when it would start a formula.

    >>> guard("=HYPERLINK(\\"http://x\\")"), guard("-2+3"), guard("2 milliards")
    ('\\'=HYPERLINK("http://x")', "'-2+3", '2 milliards')
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


__all__ = ["COLUMNS", "render_csv"]
