"""A review as one self-contained HTML page for editors: no script, no network, phone-sized.

A summary first, then each disputed fact with a side-by-side table of what every source
says (the figure highlighted in its quote), the verdict, and a chart of the intervals; then
updates, corroborated facts, and the unclassified figures folded away. Every piece of
article and ledger text goes through `html.escape`. The fragments (`finding_html`,
`claims_table`) also serve the notebook display of findings and reviews.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote as percent

from factcheck.model import Check, Claim, Finding, FindingKind, Review, Source
from factcheck.report.chart import interval_chart
from factcheck.report.markdown import fact_title
from factcheck.wording import value_phrase

# the order of the sections, and their titles
SECTIONS = ((FindingKind.CONFLICT, "Conflicts", "No value satisfies every source."),
            (FindingKind.TENSION, "Tensions", "The figures differ beyond their rounding; "
             "the wording could allow both. An editor should look."),
            (FindingKind.GAP, "Gaps", "Parts that add up to less than their stated total."),
            (FindingKind.UPDATE, "Updates over time", "A value that changed: a timeline, "
             "not a contradiction."),
            (FindingKind.CORROBORATION, "Corroborated", "Independent sources agree."),
            (FindingKind.CONSISTENT, "Consistent", "Derived checks that hold."))
# the counts the summary shows, in order: (key, singular label, plural label)
SUMMARY = (("sources", "source", "sources"), ("claims", "claim compared", "claims compared"),
           ("conflict", "conflict", "conflicts"), ("tension", "tension", "tensions"),
           ("corroboration", "corroboration", "corroborations"), ("gap", "gap", "gaps"),
           ("update", "update", "updates"),
           ("unclassified", "figure unclassified", "figures unclassified"))

_STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --conflict: #b3261e;
  --tension: #a15c00; --ok: #1e6b3a; --paper: #fff; --tint: #f6f7f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem; color: var(--ink);
  background: var(--paper); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: .2rem 0 .6rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
a { color: #1a56a8; }
.fc-summary { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.fc-summary li { background: var(--tint); border: 1px solid var(--line); border-radius: 6px;
  padding: .3rem .7rem; }
.fc-summary strong { font-size: 1.2rem; margin-right: .25rem; }
.fc-summary .conflict strong { color: var(--conflict); }
.fc-summary .tension strong { color: var(--tension); }
.fc-summary .corroboration strong { color: var(--ok); }
.fc-alert { border-left: 4px solid var(--conflict); padding: .4rem .8rem; background: #fdf3f2; }
.fc-fact { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem;
  margin: 1rem 0; break-inside: avoid; }
.fc-fact.conflict { border-left: 6px solid var(--conflict); }
.fc-fact.tension { border-left: 6px solid var(--tension); }
.fc-fact.corroboration, .fc-fact.consistent { border-left: 6px solid var(--ok); }
.fc-verdict { display: inline-block; font-size: .8rem; font-weight: 600; text-transform: uppercase;
  letter-spacing: .04em; padding: 0 .4rem; border-radius: 4px; color: #fff;
  background: var(--muted); }
.fc-verdict.conflict { background: var(--conflict); }
.fc-verdict.tension { background: var(--tension); }
.fc-verdict.corroboration, .fc-verdict.consistent { background: var(--ok); }
.fc-accepted { background: var(--tint); padding: .3rem .6rem; border-radius: 4px; }
.fc-explanation { margin: .4rem 0; }
.fc-chart { width: 100%; height: auto; max-width: 40rem; display: block; margin: .5rem 0; }
.fc-legend { font-size: .8rem; color: var(--muted); margin: 0 0 .6rem; }
table.fc-claims { border-collapse: collapse; width: 100%; font-size: .92rem; }
.fc-claims th, .fc-claims td { border-top: 1px solid var(--line); padding: .35rem .5rem;
  text-align: left; vertical-align: top; }
.fc-claims .fc-nowrap { white-space: nowrap; }
.fc-claims td.fc-value { min-width: 8rem; }
.fc-claims th { font-size: .8rem; color: var(--muted); font-weight: 600; }
.fc-claims tr.disputed td { background: #fdf3f2; }
.fc-claims blockquote { margin: 0; }
mark { background: #ffe27a; padding: 0 .1em; }
.fc-rating { font-weight: 600; color: var(--conflict); font-size: .85rem; }
.fc-muted { color: var(--muted); font-size: .85rem; }
details { margin: 1rem 0; }
summary { cursor: pointer; font-weight: 600; }
@media (max-width: 40rem) {
  body { padding: .6rem; }
  table.fc-claims, .fc-claims tbody, .fc-claims tr, .fc-claims td { display: block; width: 100%; }
  .fc-claims thead { display: none; }
  .fc-claims tr { border-top: 2px solid var(--line); padding: .3rem 0; }
  .fc-claims td { border: 0; padding: .15rem 0; }
  .fc-claims td::before { content: attr(data-label) ": "; color: var(--muted);
    font-size: .8rem; font-weight: 600; }
}
@media print {
  body { max-width: none; font-size: 11pt; }
  details { display: block; }
  details > *:not(summary) { display: block; }
  .fc-fact { page-break-inside: avoid; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); }
}
"""


def render_html(result: Review, title: str = "factcheck review") -> str:
    """The review as a complete, self-contained HTML page."""
    sources = {s.id: s for s in result.sources}
    body = [f"<h1>{escape(title)}</h1>", summary_html(result)]
    if result.disagreements:
        body.append(f'<p class="fc-alert"><strong>{len(result.disagreements)}</strong> '
                    "disagreement(s) no editor has accepted.</p>")
    for kind, heading, intro in SECTIONS:
        findings = _ordered([f for f in result.findings if f.kind is kind])
        if findings:
            body.append(f'<section class="fc-kind" id="{kind.value}"><h2>{escape(heading)}</h2>'
                        f'<p class="fc-muted">{escape(intro)}</p>')
            body += [finding_html(f, sources) for f in findings]
            body.append("</section>")
    if result.unclassified:
        body.append(_unclassified(result.unclassified, sources))
    return ("<!DOCTYPE html>\n"
            '<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="color-scheme" content="light">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n"
            "<body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def summary_counts(result: Review) -> dict[str, int]:
    """The numbers at the top of the report, by key of `SUMMARY`."""
    counts = dict(result.counts)
    for kind in FindingKind:
        counts[kind.value] = sum(1 for f in result.findings if f.kind is kind)
    return counts


def summary_html(result: Review) -> str:
    counts = summary_counts(result)
    items = "".join(f'<li class="{key}" data-count="{key}"><strong>{counts[key]}</strong>'
                    f"{escape(one if counts[key] == 1 else many)}</li>"
                    for key, one, many in SUMMARY)
    return f'<ul class="fc-summary">{items}</ul>'


def _ordered(findings: list[Finding]) -> list[Finding]:
    """Open disagreements before the ones an editor accepted."""
    return sorted(findings, key=lambda f: f.accepted is not None)


def finding_html(finding: Finding, sources: Mapping[str, Source]) -> str:
    """One fact: its title, the verdict and explanation, a chart, and what each source says."""
    kind = finding.kind.value
    parts = [f'<article class="fc-fact {kind}" data-kind="{kind}">',
             f'<h3>{escape(fact_title(finding))}</h3>',
             f'<span class="fc-verdict {kind}">{escape(kind)}</span>']
    if finding.hedged:
        parts.append(' <span class="fc-muted">(some sources hedge)</span>')
    parts.append(f'<p class="fc-explanation">{escape(finding.explanation)}</p>')
    if finding.accepted:
        parts.append(f'<p class="fc-accepted"><strong>Accepted by an editor:</strong> '
                     f"{escape(finding.accepted)}</p>")
    if finding.check in (Check.NUMBER, Check.DATE):
        chart = interval_chart(finding.claims, sources, finding.disputed)
        if chart:
            parts.append(chart)
            parts.append('<p class="fc-legend">' + escape(
                "Solid: what the digits allow (their rounding) or the period a date covers; "
                "light: what the wording allows; dot: the figure as written. Red: the "
                "claims the verdict turns on.") + "</p>")
    parts.append(claims_table(finding.claims, sources, finding.disputed))
    parts.append("</article>")
    return "".join(parts)


def claims_table(claims: Sequence[Claim], sources: Mapping[str, Source],
                 disputed: Sequence[str] = ()) -> str:
    """What each source says, side by side: source, date, value, stance and quote."""
    head = "".join(f"<th>{h}</th>" for h in ("Source", "Published", "Value", "Stance",
                                             "Quote"))
    rows = [f'<table class="fc-claims"><thead><tr>{head}</tr></thead><tbody>']
    for claim in claims:
        p = claim.provenance
        source = sources.get(p.source)
        css = ' class="disputed"' if claim.id in disputed else ""
        wording = p.wording
        value = (f"«{escape(wording)}»<br><span class=\"fc-muted\">"
                 f"{escape(value_phrase(claim.value))}</span>" if wording else
                 escape(value_phrase(claim.value)))
        if claim.derivation:
            value += f'<br><span class="fc-muted">derived: {escape(claim.derivation)}</span>'
        if claim.rating is not None:
            value += (f'<br><span class="fc-rating">rated by an editor: '
                      f"{escape(claim.rating.verdict)}</span>")
        stance = escape(p.stance.value) + (f" ({escape(p.attributed_to)})"
                                           if p.attributed_to else "")
        published = escape(str(source.published)) if source and source.published else "—"
        rows.append(f"<tr{css} data-claim=\"{escape(claim.id)}\">"
                    f'<td data-label="Source">{_source_cell(source, p.source, p.quote)}</td>'
                    f'<td data-label="Published" class="fc-nowrap">{published}</td>'
                    f'<td data-label="Value" class="fc-value">{value}</td>'
                    f'<td data-label="Stance" class="fc-nowrap">{stance}</td>'
                    f'<td data-label="Quote">{quote_html(claim, source)}</td></tr>')
    rows.append("</tbody></table>")
    return "".join(rows)


def quote_html(claim: Claim, source: Source | None = None) -> str:
    """The claim's quote as a blockquote, the words stating its value in `<mark>`."""
    p = claim.provenance
    lang = f' lang="{escape(source.language)}"' if source else ""
    cite = f' cite="{escape(source.url)}"' if source and source.url else ""
    text = p.quote
    if p.value_start is not None and p.value_end is not None:
        start, end = p.value_start - p.start, p.value_end - p.start
        inner = (escape(text[:start]) + "<mark>" + escape(text[start:end]) + "</mark>"
                 + escape(text[end:]))
    else:
        inner = escape(text)
    where = " <span class=\"fc-muted\">(title)</span>" if p.location == "title" else ""
    return f"<blockquote{cite}{lang}>{inner}</blockquote>{where}"


def _source_cell(source: Source | None, source_id: str, quote: str) -> str:
    if source is None:
        return escape(source_id)
    name = escape(source.publisher or source.title or source.id)
    if source.url and source.url.startswith(("http://", "https://")):
        name = f'<a href="{escape(text_fragment_url(source.url, quote))}">{name}</a>'
    title = (f'<br><span class="fc-muted">{escape(source.title)}</span>'
             if source.title and source.publisher else "")
    return name + title


def text_fragment_url(url: str, quote: str) -> str:
    """`url` with a text fragment that scrolls to and highlights `quote` in browsers that
    support it (`#:~:text=start,end`); others ignore it.

    >>> text_fragment_url("https://example.org/a", "Microsoft a investi 13 milliards.")
    'https://example.org/a#:~:text=Microsoft%20a%20investi%2013%20milliards.'
    """
    words = quote.split()
    if len(words) > 10:
        directive = f"{_fragment_text(' '.join(words[:5]))},{_fragment_text(' '.join(words[-5:]))}"
    else:
        directive = _fragment_text(" ".join(words))
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={directive}"


def _fragment_text(text: str) -> str:
    """Percent-encoding for a text directive: '-', ',' and '&' are syntax there."""
    return percent(text, safe="").replace("-", "%2D")


def _unclassified(claims: Sequence[Claim], sources: Mapping[str, Source]) -> str:
    rows = []
    for claim in claims:
        p = claim.provenance
        source = sources.get(p.source)
        rows.append(f"<tr><td data-label=\"Source\">{_source_cell(source, p.source, p.quote)}</td>"
                    f'<td data-label="Value">{escape(p.wording or "")}</td>'
                    f'<td data-label="Why">{escape(claim.note or "")}</td>'
                    f'<td data-label="Quote">{quote_html(claim, source)}</td></tr>')
    return (f'<details class="fc-unclassified" id="unclassified"><summary>{len(claims)} '
            "figure(s) no predicate or subject fits</summary>"
            '<table class="fc-claims"><thead><tr><th>Source</th><th>Value</th><th>Why</th>'
            f"<th>Quote</th></tr></thead><tbody>{''.join(rows)}</tbody></table></details>")
