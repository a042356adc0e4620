"""The review: claims from every source (and an editor's ledger), grouped by fact and judged.

`review(corpus, ledger=None, entities=None)` reads each source into claims with the same
pure per-document function a cluster would map (`claims_from_source`), lets curated claims
win over automatic ones for the same words, and judges every fact (`compare.judge`).
`review_record` gives the stable JSON shape that `factcheck review --format json` writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from factcheck.claims import canonical_count, claims_from_source
from factcheck.compare import judge
from factcheck.corpus import Corpus, load_corpus
from factcheck.entities import EntityRegistry, load_entities
from factcheck.archive import duplicate, in_file_order, is_archive, load_archive
from factcheck.errors import FactcheckError, Problem, ProblemsError
from factcheck.extract.records import value_fields as extract_value_fields
from factcheck.ledger import Ledger, load_ledger
from factcheck.model import Categorical, Claim, Finding, Review, Source
from factcheck.text import fold

CorpusLike = (Corpus | Mapping[str, Source] | Iterable[Source] | str | Path
              | Sequence[str | Path])
LedgerLike = Ledger | Iterable[Claim] | str | Path
SCHEMA_VERSION = 1
ENGINES = ("local", "dask")


def source_map(corpus: CorpusLike) -> dict[str, Source]:
    """The sources of a corpus given as a folder, archive files, a mapping or Source
    objects, by id. An archive row that cannot be read is an error here (ProblemsError,
    naming its file and line): this reading has no place to report it and go on."""
    sources, rejected = read_sources(corpus)
    if rejected:
        raise ProblemsError(rejected)
    return sources


def corpus_paths(corpus: object) -> list[Path] | None:
    """The folders or archive files a corpus argument names, or None when it holds sources."""
    if isinstance(corpus, (str, Path)):
        return [Path(corpus)]
    if isinstance(corpus, (list, tuple)) and corpus and all(
            isinstance(item, (str, Path)) for item in corpus):
        return [Path(item) for item in corpus]
    return None


def read_sources(corpus: CorpusLike, max_bytes: int | None = None
                 ) -> tuple[dict[str, Source], tuple[Problem, ...]]:
    """The sources of a corpus (folders or archive files, a mapping, or Source objects) by
    id, in order, and the archive rows rejected (an archive's bad rows are reported and the
    rest goes on; a corpus folder's problems stop everything, as `load_corpus` says)."""
    paths = corpus_paths(corpus)
    if paths is None:
        if isinstance(corpus, Mapping):
            return dict(corpus), ()
        return _from_sources(corpus), ()  # type: ignore[arg-type]
    sources: dict[str, Source] = {}
    rejected: list[Problem] = []
    for path in paths:
        if is_archive(path):
            found, bad = load_archive([path], max_bytes)
            rejected.extend(bad)
        else:
            found = list(load_corpus(path, **({"max_bytes": max_bytes} if max_bytes else {}))
                         .values())
        for source in found:
            if source.id in sources:
                if is_archive(path):
                    rejected.append(duplicate(source.id, source.file or "",
                                              sources[source.id].file or "?"))
                    continue
                raise FactcheckError(f"{path}: source id {source.id!r} is also in another "
                                     "corpus")
            sources[source.id] = source
    return sources, in_file_order(rejected)


def _from_sources(corpus: Iterable[Source]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for source in corpus:
        if not isinstance(source, Source):
            raise FactcheckError(f"a corpus holds Source objects, got {type(source).__name__}")
        if source.id in sources:
            raise FactcheckError(f"duplicate source id {source.id!r}")
        sources[source.id] = source
    return sources


def curated_claims(ledger: LedgerLike | None, sources: Mapping[str, Source],
                   registry: EntityRegistry) -> list[Claim]:
    """The ledger's claims (a Ledger, claims, or a claims folder checked against `sources`),
    named as the registry names entities, counts as the vocabulary counts them."""
    if ledger is None:
        return []
    if isinstance(ledger, (str, Path)):
        ledger = load_ledger(ledger, Corpus(Path("."), dict(sources)))
    claims = ledger.values() if isinstance(ledger, Ledger) else ledger
    return [canonical_count(_canonical(claim, registry),
                            sources[claim.provenance.source].language)
            if claim.provenance.source in sources else _canonical(claim, registry)
            for claim in claims]


def entity_kinds(registry: EntityRegistry) -> Callable[[str], str | None]:
    """What kind of entity a name is (company, person, ...), for the verdicts."""
    return lambda name: registry[name].kind if name in registry else None


def review(corpus: CorpusLike, ledger: LedgerLike | None = None,
           entities: EntityRegistry | str | Path | None = None, *,
           automatic: bool = True,
           progress: Callable[[int, int], None] | None = None,
           engine: str = "local", client: Any = None, scheduler: str | None = None,
           partitions: int | None = None, max_bytes: int | None = None,
           claims_out: str | Path | None = None) -> Review:
    """Find where the sources of `corpus` disagree and where they corroborate each other.

    `corpus` is a corpus folder, archive files (JSON Lines or Parquet, see docs/corpus.md),
    a mapping of sources or Source objects. `ledger` (a Ledger, claims, or a claims folder
    checked against `corpus`) adds curated claims, which win over automatic ones stating the
    same words. `entities` (a registry or a TOML file) is merged over the bundled registry.
    `automatic=False` compares the ledger's claims alone. `progress(done, total)` is called
    after each source is read.

    `engine="dask"` runs the same steps on Dask (the `dask` extra): `client` (a
    `distributed.Client`) or `scheduler` ("synchronous", "threads", "processes" or a
    scheduler address), `partitions` (how many parts the archive is read in) and
    `claims_out` (a folder for the claims as Parquet) apply there; see docs/scale.md.
    """
    if engine not in ENGINES:
        raise FactcheckError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if engine == "dask":
        from factcheck.dask_review import review_on_dask
        return review_on_dask(corpus, ledger, entities, automatic=automatic, client=client,
                              scheduler=scheduler, partitions=partitions, max_bytes=max_bytes,
                              claims_out=claims_out)
    if claims_out is not None:
        raise FactcheckError("claims_out needs engine='dask'")
    sources, rejected = read_sources(corpus, max_bytes)
    registry = load_entities(entities)
    curated = curated_claims(ledger, sources, registry)
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
    findings = judge(claims, sources, entity_kinds(registry))
    return Review(findings=findings, claims=claims, unclassified=unclassified,
                  sources=tuple(sources.values()), rejected=rejected)


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
        "summary": {**result.counts, "findings": counts,
                    "disagreements": len(result.disagreements)},
        "findings": [finding_record(f, sources) for f in result.findings],
        "unclassified": [claim_record(c, sources) for c in result.unclassified],
        "rejected": [{"file": p.file, "line": p.line, "field": p.field, "message": p.message}
                     for p in result.rejected],
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
                 "value", "low", "high", "unit", "approx", "change",
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
