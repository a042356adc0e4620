"""How claims, findings and reviews show themselves: a short repr, an escaped HTML fragment
and Markdown for notebooks, plain records, and a pandas DataFrame when pandas is installed.

The model's methods (`Claim._repr_html_`, `Review.to_pandas`, ...) call these, so that the
model stays free of rendering code and pandas is imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from factcheck.errors import MissingExtraError
from factcheck.model import Claim, Finding, FindingKind, Review, Source

if TYPE_CHECKING:
    import pandas

# a review in a notebook shows this many facts, then says how to see the rest
HTML_FINDINGS = 20
# integer columns that may be empty: pandas' nullable integers keep them integers
INTEGER_COLUMNS = ("finding", "independent_sources", "start", "end")


def claim_repr(claim: Claim) -> str:
    """"<Claim 'id': Microsoft investment OpenAI = 'environ 14 milliards…' in 001_…>"."""
    from factcheck.wording import value_phrase

    fact = " ".join(part for part in (claim.subject, claim.predicate, claim.object) if part)
    said = claim.provenance.wording or value_phrase(claim.value)
    return f"<Claim {claim.id!r}: {fact} = {said!r} in {claim.provenance.source}>"


def finding_repr(finding: Finding) -> str:
    from factcheck.report.markdown import fact_title

    accepted = ", accepted" if finding.accepted else ""
    return (f"<Finding {finding.kind.value}: {fact_title(finding)}, "
            f"{len(finding.claims)} claims{accepted}>")


def review_repr(result: Review) -> str:
    kinds = ", ".join(f"{n} {kind.value}" for kind in FindingKind
                      if (n := sum(1 for f in result.findings if f.kind is kind)))
    counts = result.counts
    return (f"<Review: {counts['sources']} sources, {counts['claims']} claims, "
            f"{len(result.findings)} findings ({kinds or 'none'}), "
            f"{len(result.disagreements)} open disagreements>")


def _sources(sources: tuple[Source, ...]) -> dict[str, Source]:
    return {s.id: s for s in sources}


def claim_html(claim: Claim, sources: Mapping[str, Source] | None = None) -> str:
    from factcheck.report.html import claims_table

    return claims_table([claim], sources or {})


def finding_html(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    from factcheck.report.html import finding_html as section

    return section(finding, sources or {})


def review_html(result: Review) -> str:
    """The summary, then the facts (disagreements first), at most HTML_FINDINGS of them."""
    from factcheck.report.html import finding_html as section, summary_html

    sources = _sources(result.sources)
    ordered = sorted(result.findings, key=lambda f: (not f.is_disagreement,
                                                     list(FindingKind).index(f.kind)))
    parts = [summary_html(result)]
    parts += [section(f, sources) for f in ordered[:HTML_FINDINGS]]
    if len(ordered) > HTML_FINDINGS:
        parts.append(f"<p>… {len(ordered) - HTML_FINDINGS} more facts: use "
                     "<code>.to_pandas()</code> or <code>render(result, \"html\")</code>.</p>")
    return "".join(parts)


def claim_markdown(claim: Claim, sources: Mapping[str, Source] | None = None) -> str:
    from factcheck.report.markdown import CLAIMS_HEADER, claim_row

    return f"{CLAIMS_HEADER}\n{claim_row(claim, sources or {})}\n"


def finding_markdown(finding: Finding, sources: Mapping[str, Source] | None = None) -> str:
    from factcheck.report.markdown import finding_markdown as section

    return section(finding, sources or {}) + "\n"


def review_markdown(result: Review) -> str:
    from factcheck.report.markdown import render_markdown

    return render_markdown(result)


# -- records and DataFrames ---------------------------------------------------------------

def review_records(result: Review) -> list[dict[str, Any]]:
    """One plain dict per claim of each finding, then one per unclassified figure."""
    from factcheck.review import finding_rows

    return finding_rows(result.findings, _sources(result.sources), result.unclassified)


def finding_records(finding: Finding, sources: Mapping[str, Source] | None = None
                    ) -> list[dict[str, Any]]:
    from factcheck.review import finding_rows

    return finding_rows([finding], sources or {})


def claim_records(claim: Claim, sources: Mapping[str, Source] | None = None
                  ) -> list[dict[str, Any]]:
    from factcheck.review import claim_record

    return [claim_record(claim, sources or {})]


def to_pandas(records: list[dict[str, Any]], caller: str,
              columns: tuple[str, ...] | None = None) -> pandas.DataFrame:
    """`records` as a DataFrame, `columns` in order (so that no record still has them)."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingExtraError(
            f"{caller}.to_pandas() needs pandas: pip install 'factcheck-ledger[pandas]' "
            "(or use .to_records(), which gives plain dicts)") from exc
    if columns is None and not records:
        from factcheck.review import ROW_COLUMNS
        columns = ROW_COLUMNS
    frame = pd.DataFrame.from_records(records, columns=list(columns) if columns else None)
    counts = [c for c in INTEGER_COLUMNS if c in frame.columns]
    return frame.astype(dict.fromkeys(counts, "Int64")) if counts else frame
