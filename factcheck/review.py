"""The review: claims from every source (and an editor's ledger), grouped by fact and judged.

`review(corpus, ledger=None, entities=None)` reads each source into claims with the same
pure per-document function a cluster would map (`claims_from_source`), lets curated claims
win over automatic ones for the same words, and judges every fact (`compare.judge`).
`review_record` gives the stable JSON shape that `factcheck review --format json` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck.claims import canonical_count, claims_from_source
from factcheck.compare import judge
from factcheck.corpus import Corpus, load_corpus
from factcheck.entities import EntityRegistry, load_entities
from factcheck.errors import FactcheckError
from factcheck.extract.records import value_fields as extract_value_fields
from factcheck.ledger import Ledger, load_ledger
from factcheck.model import Categorical, Claim, Finding, Review, Source
from factcheck.text import fold

CorpusLike = Corpus | Mapping[str, Source] | Iterable[Source] | str | Path
SCHEMA_VERSION = 1


def source_map(corpus: CorpusLike) -> dict[str, Source]:
    """The sources of a corpus given as a folder, a mapping or Source objects, by id."""
    if isinstance(corpus, (str, Path)):
        return dict(load_corpus(corpus))
    if isinstance(corpus, Mapping):
        return dict(corpus)
    sources: dict[str, Source] = {}
    for source in corpus:
        if not isinstance(source, Source):
            raise FactcheckError(f"a corpus holds Source objects, got {type(source).__name__}")
        if source.id in sources:
            raise FactcheckError(f"duplicate source id {source.id!r}")
        sources[source.id] = source
    return sources


def review(corpus: CorpusLike, ledger: Ledger | Iterable[Claim] | str | Path | None = None,
           entities: EntityRegistry | str | Path | None = None, *,
           automatic: bool = True,
           progress: Callable[[int, int], None] | None = None) -> Review:
    """Find where the sources of `corpus` disagree and where they corroborate each other.

    `ledger` (a Ledger, claims, or a claims folder checked against `corpus`) adds curated
    claims, which win over automatic ones stating the same words. `entities` (a registry or
    a TOML file) is merged over the bundled registry. `automatic=False` compares the
    ledger's claims alone. `progress(done, total)` is called after each source is read.
    """
    sources = source_map(corpus)
    registry = load_entities(entities)
    curated: list[Claim] = []
    if ledger is not None:
        if isinstance(ledger, (str, Path)):
            ledger = load_ledger(ledger, Corpus(Path("."), sources))
        claims = ledger.values() if isinstance(ledger, Ledger) else ledger
        curated = [canonical_count(_canonical(claim, registry),
                                   sources[claim.provenance.source].language)
                   if claim.provenance.source in sources else _canonical(claim, registry)
                   for claim in claims]
    found: list[Claim] = []
    unclassified: list[Claim] = []
    if automatic:
        for done, source in enumerate(sources.values(), 1):
            read = claims_from_source(source, registry)
            found.extend(read.claims)
            unclassified.extend(read.unclassified)
            if progress is not None:
                progress(done, len(sources))
    claims = [*curated, *uncovered(curated, found)]
    unclassified = uncovered(curated, unclassified)
    findings = judge(claims, sources, lambda name: registry[name].kind if name in registry
                     else None)
    return Review(findings=findings, claims=claims, unclassified=unclassified,
                  sources=tuple(sources.values()))


def _canonical(claim: Claim, registry: EntityRegistry) -> Claim:
    """A ledger claim with its subject and object named as the registry names them."""
    def name(text: str | None) -> str | None:
        if text is None:
            return None
        entity_id = registry.by_alias.get(" ".join(fold(text).split()))
        return entity_id if entity_id is not None else text

    return attrs.evolve(claim, subject=name(claim.subject), object=name(claim.object))


def uncovered(curated: list[Claim], automatic: list[Claim]) -> list[Claim]:
    """The automatic claims whose words no curated claim covers: curated claims win.

    A curated figure or date covers the automatic claims whose value overlaps its value's
    words; a curated categorical claim covers the categorical ones inside its quote.
    """
    covered: dict[tuple[str, str, bool], list[tuple[int, int]]] = {}
    for claim in curated:
        p = claim.provenance
        span = (p.value_start, p.value_end) if p.value_start is not None else (p.start, p.end)
        key = (p.source, p.location, isinstance(claim.value, Categorical))
        covered.setdefault(key, []).append(span)  # type: ignore[arg-type]
    kept = []
    for claim in automatic:
        p = claim.provenance
        start = p.value_start if p.value_start is not None else p.start
        end = p.value_end if p.value_end is not None else p.end
        spans = covered.get((p.source, p.location, isinstance(claim.value, Categorical)), [])
        if not any(s < end and start < e for s, e in spans):
            kept.append(claim)
    return kept


# -- the stable JSON shape ---------------------------------------------------------------

def claim_record(claim: Claim, sources: Mapping[str, Source]) -> dict[str, Any]:
    """One claim of a finding, flat: where it comes from, how it is held, and its value."""
    p = claim.provenance
    source = sources.get(p.source)
    record: dict[str, Any] = {
        "id": claim.id, "source": p.source,
        "publisher": source.publisher if source else None,
        "published": str(source.published) if source and source.published else None,
        "url": source.url if source else None,
        "location": p.location, "quote": p.quote, "start": p.start, "end": p.end,
        "wording": p.wording, "stance": p.stance.value, "attributed_to": p.attributed_to,
        "origin": claim.origin.value, "subject": claim.subject, "predicate": claim.predicate,
        "object": claim.object,
        "about": claim.about.isoformat() if claim.about is not None else None,
        "since": claim.since, "scope": claim.scope.value if claim.scope else None,
        "modality": claim.modality.value, "measure": claim.measure,
        "accepted": claim.accepted,
        "rating": claim.rating.verdict if claim.rating is not None else None,
        "note": claim.note, "derivation": claim.derivation,
    }
    record.update(value_fields(claim.value))
    return record


def value_fields(value: Any) -> dict[str, Any]:
    """The value part of a claim record: a figure's or a date's fields as `factcheck
    extract` writes them, or a category's `value`."""
    if isinstance(value, Categorical):
        return {"value": value.value}
    return extract_value_fields(value) or {"value": None}


def finding_record(finding: Finding, sources: Mapping[str, Source]) -> dict[str, Any]:
    return {
        "kind": finding.kind.value, "check": finding.check.value,
        "subject": finding.subject, "predicate": finding.predicate, "object": finding.object,
        "qualifiers": list(finding.qualifiers), "explanation": finding.explanation,
        "disputed": list(finding.disputed), "independent_sources": finding.independent_sources,
        "hedged": finding.hedged, "accepted": finding.accepted,
        "claims": [claim_record(c, sources) for c in finding.claims],
    }


def review_record(result: Review) -> dict[str, Any]:
    """The stable JSON document of a review (documented in docs/review.md)."""
    sources = {s.id: s for s in result.sources}
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.kind.value] = counts.get(finding.kind.value, 0) + 1
    return {
        "version": SCHEMA_VERSION,
        "summary": {"sources": len(sources), "claims": len(result.claims),
                    "unclassified": len(result.unclassified), "findings": counts,
                    "disagreements": len(result.disagreements)},
        "findings": [finding_record(f, sources) for f in result.findings],
        "unclassified": [claim_record(c, sources) for c in result.unclassified],
    }


# -- flat rows: one per claim of a finding (CSV, to_records, DataFrames) -----------------

# The fact and its verdict; `disputed` says whether the row's claim is one the verdict turns
# on. Unclassified figures have kind "unclassified" and no finding number.
FINDING_COLUMNS = ("finding", "kind", "check", "subject", "predicate", "object", "qualifiers",
                   "explanation", "accepted", "independent_sources", "hedged", "disputed")
# claim_record's fields, in its order; those whose name a finding column already uses (and
# the claim's id) are prefixed with `claim_`.
CLAIM_COLUMNS = ("claim_id", "source", "publisher", "published", "url", "location", "quote",
                 "start", "end", "wording", "stance", "attributed_to", "origin",
                 "claim_subject", "claim_predicate", "claim_object", "about", "since", "scope",
                 "modality", "measure", "claim_accepted", "rating", "note", "derivation",
                 "value", "low", "high", "unit", "approx",
                 "date_start", "date_end", "granularity")
ROW_COLUMNS = FINDING_COLUMNS + CLAIM_COLUMNS
_RENAMED = {"id": "claim_id", "subject": "claim_subject", "predicate": "claim_predicate",
            "object": "claim_object", "accepted": "claim_accepted"}


def finding_rows(findings: Iterable[Finding], sources: Mapping[str, Source],
                 unclassified: Iterable[Claim] = ()) -> list[dict[str, Any]]:
    """One flat dict per claim of each finding (every key of ROW_COLUMNS, plain values),
    then one per unclassified figure, so that no extracted figure is lost."""
    rows = []
    for number, finding in enumerate(findings, start=1):
        fact = {"finding": number, "kind": finding.kind.value, "check": finding.check.value,
                "subject": finding.subject, "predicate": finding.predicate,
                "object": finding.object, "qualifiers": "; ".join(finding.qualifiers),
                "explanation": finding.explanation, "accepted": finding.accepted,
                "independent_sources": finding.independent_sources,
                "hedged": finding.hedged}
        for claim in finding.claims:
            rows.append(_row({**fact, "disputed": claim.id in finding.disputed,
                              **_claim_columns(claim_record(claim, sources))}))
    for claim in unclassified:
        record = claim_record(claim, sources)
        rows.append(_row({"kind": "unclassified", "subject": record["subject"],
                          "predicate": record["predicate"], "object": record["object"],
                          **_claim_columns(record)}))
    return rows


def _claim_columns(record: Mapping[str, Any]) -> dict[str, Any]:
    return {_RENAMED.get(key, key): value for key, value in record.items()}


def _row(cells: Mapping[str, Any]) -> dict[str, Any]:
    return {name: cells.get(name) for name in ROW_COLUMNS}
