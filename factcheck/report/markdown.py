"""A review as Markdown: a summary, then each disputed fact with what every source says."""

from __future__ import annotations

import html
from collections.abc import Mapping

from factcheck.model import Claim, Finding, FindingKind, Review, Source
from factcheck.vocabulary import predicate
from factcheck.wording import describe_source

_TITLES = {FindingKind.CONFLICT: "Conflicts", FindingKind.TENSION: "Tensions",
           FindingKind.GAP: "Gaps", FindingKind.UPDATE: "Updates over time",
           FindingKind.CORROBORATION: "Corroborated", FindingKind.CONSISTENT: "Consistent"}


def plain(text: object) -> str:
    """Article or ledger text that Markdown shows as written: markup characters become HTML
    entities and link brackets are escaped, so a quote holding `<script>` or
    `[x](javascript:...)` stays text in any renderer.

    >>> print(plain("<b>Evil</b> & [co](javascript:x)"))
    &lt;b&gt;Evil&lt;/b&gt; &amp; \\[co\\](javascript:x)
    """
    escaped = html.escape(str(text if text is not None else ""), quote=False)
    return escaped.replace("[", "\\[").replace("]", "\\]")


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return plain(text).replace("|", "\\|").replace("\n", " ")


def fact_title(finding: Finding) -> str:
    """"Microsoft · investment · OpenAI (total)"."""
    parts = [finding.subject, predicate(finding.predicate).label]
    if finding.object:
        parts.append(finding.object)
    qualifiers = [q for q in finding.qualifiers if q not in ("money", "date", "category")]
    return " · ".join(parts) + (f" ({', '.join(qualifiers)})" if qualifiers else "")


CLAIMS_HEADER = "| source | wording | stance | quote |\n|---|---|---|---|"


def claim_row(claim: Claim, sources: Mapping[str, Source]) -> str:
    """What one source says, as a row under CLAIMS_HEADER."""
    p = claim.provenance
    who = describe_source(sources.get(p.source), p.source)
    wording = p.wording or ""
    return (f"| {_cell(who)} | {_cell(wording)} | {_cell(p.stance.value)} | "
            f"{_cell(p.quote)} |")


def finding_markdown(finding: Finding, sources: Mapping[str, Source]) -> str:
    """One fact: its title, the explanation, and what each source says, as a table."""
    accepted = f" — accepted: {plain(finding.accepted)}" if finding.accepted else ""
    lines = [f"### {plain(fact_title(finding))}{accepted}", "", plain(finding.explanation), "",
             CLAIMS_HEADER]
    lines += [claim_row(c, sources) for c in finding.claims]
    return "\n".join(lines)


def render_markdown(result: Review) -> str:
    """The review for a pull request or a chat."""
    sources = {s.id: s for s in result.sources}
    counts = {kind: sum(1 for f in result.findings if f.kind is kind) for kind in FindingKind}
    lines = ["# Review", "",
             f"{result.counts['sources']} sources, {result.counts['claims']} claims compared, "
             f"{result.counts['unclassified']} figures unclassified. "
             + ", ".join(f"{n} {kind.value}" + ("s" if n != 1 else "")
                         for kind, n in counts.items() if n) + ".", ""]
    if result.disagreements:
        lines.append(f"**{len(result.disagreements)} disagreement(s) no editor has accepted.**")
        lines.append("")
    for kind in FindingKind:
        findings = [f for f in result.findings if f.kind is kind]
        if not findings:
            continue
        lines += [f"## {_TITLES[kind]}", ""]
        for finding in findings:
            lines += [finding_markdown(finding, sources), ""]
    if result.unclassified:
        lines += ["## Unclassified figures", "",
                  "| source | wording | why | quote |", "|---|---|---|---|"]
        for claim in result.unclassified:
            p = claim.provenance
            lines.append(f"| {_cell(describe_source(sources.get(p.source), p.source))} | "
                         f"{_cell(p.wording)} | {_cell(claim.note)} | {_cell(p.quote)} |")
        lines.append("")
    return "\n".join(lines)
