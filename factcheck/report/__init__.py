"""Renderers for a review: the stable JSON document and Markdown for people."""

from __future__ import annotations

import json

from factcheck.model import Review
from factcheck.report.markdown import render_markdown
from factcheck.review import review_record

FORMATS = ("json", "md")


def render(result: Review, fmt: str) -> str:
    """The review as text in format `fmt` ("json" or "md")."""
    if fmt == "json":
        return json.dumps(review_record(result), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return render_markdown(result)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "render", "render_markdown"]
