"""Renderers for a review: HTML and Markdown for people, JSON and CSV for tools, and
schema.org ClaimReview for the claims an editor has rated.

`render(result, fmt)` gives the report as text; `format_for(path)` names the format a file
name asks for ("report.html" -> "html").
"""

from __future__ import annotations

import json
from pathlib import PurePath

from factcheck.errors import FactcheckError
from factcheck.model import Review

FORMATS = ("html", "md", "json", "csv", "claimreview")
# what a report file's extension asks for
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md",
              ".json": "json", ".csv": "csv", ".jsonld": "claimreview"}


def format_for(path: str | PurePath) -> str | None:
    """The format a file's extension names, or None.

    >>> format_for("out/report.HTML")
    'html'
    """
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def render(result: Review, fmt: str, *, title: str = "factcheck review",
           reviewer: str | None = None, reviewer_url: str | None = None) -> str:
    """The review as text in format `fmt` (one of FORMATS). `title` heads the HTML page;
    `reviewer` and `reviewer_url` name the organisation that rated claims (ClaimReview)."""
    if fmt == "json":
        from factcheck.review import review_record
        return json.dumps(review_record(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from factcheck.report.markdown import render_markdown
        return render_markdown(result)
    if fmt == "html":
        from factcheck.report.html import render_html
        return render_html(result, title=title)
    if fmt == "csv":
        from factcheck.report.csv import render_csv
        return render_csv(result)
    if fmt == "claimreview":
        from factcheck.report.claimreview import render_claimreview
        return render_claimreview(result, author_name=reviewer, author_url=reviewer_url)
    raise FactcheckError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["EXTENSIONS", "FORMATS", "format_for", "render"]
