"""The review on Dask: the same steps as `review.review`, spread over a cluster.

1. **Map**: each task reads one part of the corpus (a chunk of an archive: a byte range of
   a JSON Lines file, a Parquet row group) and turns each article into claims with the
   same pure function the in-process review uses (`claims_from_source`). Curated claims win
   over automatic ones there; shares give their derived wholes and parts are checked
   against their total there too, since both stay within one article. The article's text
   is dropped as soon as its claims are made: a claim carries its quote, not the article.
2. **Shuffle**: claims move to the bucket of their fact's family (subject, predicate,
   object: tranches meet their total across fact keys), by a stable hash, so that every
   claim of a fact meets the others in one task, whatever part it came from.
3. **Judge**: each bucket is judged with the same code (`compare.judge_facts`).
4. **Near-duplicates**: a corroboration counts republished stories once. Which pairs of
   sources to compare follows from the corroborations alone, so those pairs are compared
   last, rereading only the parts that hold their articles.

Ids seen twice in an archive are found first, by a shuffle of ids alone; later rows are
rejected as in one process. Claims are ordered as the in-process review orders them
(ledger first, then corpus order, then derived), so the findings are the same, claim for
claim and word for word. Memory per task is bounded by the part it reads and the bucket it
judges, never by the archive.
"""

from __future__ import annotations

import base64
import contextlib
import pickle
import tomllib
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck.archive import (CHUNK_BYTES, Chunk, duplicate, in_file_order, is_archive,
                               plan_chunks, read_chunk)
from factcheck.claims import claims_from_source
from factcheck.compare import (Context, check_parts, corroboration, derive_shares, family,
                               judge_facts, sort_findings)
from factcheck.entities import EntityRegistry, load_entities
from factcheck.errors import FactcheckError, MissingExtraError, Problem
from factcheck.ledger import Ledger
from factcheck.model import Claim, Finding, FindingKind, Review, Source, Totals
from factcheck.neardup import NearDuplicates, candidate_pairs, same_story, story_words
from factcheck.review import (LedgerLike, claim_record, corpus_paths, curated_claims,
                              entity_kinds, read_sources, uncovered)

SCHEDULERS = ("synchronous", "threads", "processes")
# claims are shuffled into this many buckets per part (and at least MIN_BUCKETS)
BUCKETS_PER_PART, MIN_BUCKETS = 4, 16
Order = tuple[Any, ...]
Pair = tuple[str, str]
NO_DUPLICATES: frozenset[Pair] = frozenset()
SIDE = -1  # the bucket of the rows that carry a map task's counts, not a claim


@attrs.frozen
class Part:
    """What one map task reads: a chunk of the corpus's `file`-th archive, or sources held
    in memory (a corpus folder), the first of them at index `first` of that folder."""

    file: int
    chunk: Chunk | None = None
    sources: tuple[Source, ...] = ()
    first: int = 0

    def rows(self, max_bytes: int | None) -> tuple[list[tuple[Order, Source]], list[Problem]]:
        """The articles of the part with their place in the corpus, and rejected rows."""
        if self.chunk is None:
            return [((self.file, self.first + n), s) for n, s in enumerate(self.sources)], []
        rows = read_chunk(self.chunk, max_bytes)
        return [((self.file, _line(s)), s) for s in rows.sources], list(rows.rejected)


def _line(source: Source) -> int:
    """An archive article's line (or row) number, from its `file` ("path:line")."""
    return int((source.file or "").rpartition(":")[2] or 0)


@attrs.frozen
class Keyed:
    """A claim on its way to its bucket: where it sorts among all claims, and its source's
    metadata (without the text)."""

    bucket: int
    order: Order
    claim: Claim
    source: Source


@attrs.frozen
class PartResult:
    """What a map task counts and finds besides the claims it sends on."""

    parts_findings: tuple[tuple[Finding, tuple[Source, ...]], ...]
    rejected: tuple[Problem, ...]
    sources: int
    automatic: int
    unclassified: int


# -- the entry point -----------------------------------------------------------------------

def review_on_dask(corpus: Any, ledger: LedgerLike | None = None,
                   entities: EntityRegistry | str | Path | None = None, *,
                   automatic: bool = True, client: Any = None, scheduler: str | None = None,
                   partitions: int | None = None, max_bytes: int | None = None,
                   claims_out: str | Path | None = None) -> Review:
    """The review of `corpus` (archive files, corpus folders or sources) on Dask."""
    _require_dask()
    import dask
    import dask.dataframe as dd

    registry = load_entities(entities)
    kinds = entity_kinds(registry)
    parts = plan_parts(corpus, partitions, max_bytes)
    with _runner(client, scheduler) as run:
        # a disk-backed shuffle: peer-to-peer on a cluster, partd files on one machine
        shuffle = "p2p" if client is not None or "://" in (scheduler or "") else "disk"
        duplicates = _duplicate_rows(parts, max_bytes, shuffle, run)
        cited = _cited_sources(_cited_ids(ledger), parts, max_bytes, run) if ledger else {}
        curated = curated_claims(ledger, cited, registry)
        by_source: dict[str, list[tuple[Order, Claim]]] = defaultdict(list)
        for index, claim in enumerate(curated):
            by_source[claim.provenance.source].append(((0, index), claim))
        if claims_out is not None:
            Path(claims_out).mkdir(parents=True, exist_ok=True)
        buckets = max(MIN_BUCKETS, BUCKETS_PER_PART * len(parts))
        shared = [run.share(registry), *(dask.delayed(value, pure=True)
                                         for value in (dict(by_source), frozenset(duplicates)))]
        mapped = [dask.delayed(_map_part, pure=True)(
            (index, part), *shared, automatic, max_bytes, buckets,
            None if claims_out is None else str(claims_out)) for index, part in enumerate(parts)]
        claims = dd.from_delayed([dask.delayed(_frame)(result) for result in mapped],
                                 meta=_frame(([], None)), verify_meta=False)
        shuffled = claims.shuffle("bucket", npartitions=max(1, len(parts)),
                                  shuffle_method=shuffle)
        judged = shuffled.map_partitions(_judge_frame, shared[0], meta=_frame(([], None)))
        sides: list[PartResult] = []
        judged_items: list[list[tuple[Finding, tuple[Source, ...]]]] = []
        for partition in run.partitions(judged):
            for bucket, payload in zip(partition["bucket"], partition["payload"], strict=True):
                (sides if bucket == SIDE else judged_items).append(_loads(payload))
        sources: dict[str, Source] = {}
        facts: list[Finding] = []
        for finding, light in [*(item for items in judged_items for item in items),
                               *(f for side in sides for f in side.parts_findings)]:
            facts.append(finding)
            sources.update((s.id, s) for s in light)
        facts = _count_near_duplicates(facts, sources, kinds, parts, max_bytes, shuffle, run)
    findings = sort_findings(facts)
    totals = Totals(sources=sum(s.sources for s in sides),
                    claims=len(curated) + sum(s.automatic for s in sides),
                    unclassified=sum(s.unclassified for s in sides))
    claims = {c.id: c for f in findings for c in f.claims}
    return Review(findings=findings, claims=tuple(claims.values()), unclassified=(),
                  sources=tuple(sources[s] for s in sorted(sources)),
                  rejected=in_file_order([*duplicates.values(),
                                          *(p for s in sides for p in s.rejected)]),
                  totals=totals)


def plan_parts(corpus: Any, partitions: int | None = None, max_bytes: int | None = None
               ) -> list[Part]:
    """The parts map tasks read: chunks of each archive file (about `partitions` in all),
    and corpus folders or sources given in memory cut into as many parts."""
    paths = corpus_paths(corpus)
    if paths is None:
        sources, _ = read_sources(corpus)
        return _memory_parts(0, list(sources.values()), partitions)
    archives = [p for p in paths if is_archive(p)]
    size = sum(_size(p) for p in archives)
    chunk_bytes = max(1 << 16, size // partitions) if partitions else CHUNK_BYTES
    parts: list[Part] = []
    for index, path in enumerate(paths):
        if is_archive(path):
            parts.extend(Part(index, chunk) for chunk in plan_chunks([path], chunk_bytes))
        else:
            folder, _ = read_sources([path], max_bytes)
            parts.extend(_memory_parts(index, list(folder.values()), partitions))
    return parts


def _memory_parts(file: int, sources: list[Source], partitions: int | None) -> list[Part]:
    count = max(1, min(len(sources), partitions or 1))
    size = -(-len(sources) // count) if sources else 1
    return [Part(file, None, tuple(sources[start:start + size]), start)
            for start in range(0, len(sources), size)]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# -- scheduling ------------------------------------------------------------------------------

def _require_dask() -> None:
    try:
        import dask.dataframe  # noqa: F401
        import pandas  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("engine='dask' needs Dask: pip install "
                                "'factcheck-ledger[dask]'") from exc


class _Runner:
    """Computes Dask collections on the chosen scheduler. `partitions` hands a DataFrame's
    partitions over one by one as they are done, and on a cluster frees each on its worker
    once fetched: workers never hold the whole result."""

    def __init__(self, scheduler: Any, client: Any = None):
        self.scheduler, self.client = scheduler, client

    def __call__(self, *collections: Any) -> tuple[Any, ...]:
        import dask

        return dask.compute(*collections, scheduler=self.scheduler)

    def share(self, value: Any) -> Any:
        """`value` for tasks to take as an argument: sent once to every worker of a
        cluster (the registry is large, and the same for every task), else put in the
        graph."""
        import dask

        if self.client is None:
            return dask.delayed(value, pure=True)
        return dask.delayed(self.client.scatter(value, broadcast=True, hash=False))

    def partitions(self, frame: Any) -> Iterator[Any]:
        if self.client is None:
            (whole,) = self(frame)
            yield whole
            return
        from distributed import as_completed

        for future in as_completed(self.client.compute(frame.to_delayed())):
            yield future.result()
            future.release()


@contextlib.contextmanager
def _runner(client: Any, scheduler: str | None) -> Iterator[_Runner]:
    """A runner on the chosen scheduler: a client, a scheduler address, or a local one."""
    if client is not None:
        yield _Runner(client, client)
        return
    if scheduler is not None and "://" in scheduler:
        try:
            from distributed import Client
        except ImportError as exc:
            raise MissingExtraError("a scheduler address needs distributed: pip install "
                                    "'factcheck-ledger[dask]'") from exc
        try:
            connected = Client(scheduler, timeout="10s")
        except OSError as exc:
            raise FactcheckError(f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                                 ) from exc
        with connected:
            yield _Runner(connected, connected)
        return
    chosen = scheduler or "processes"
    if chosen not in SCHEDULERS:
        raise FactcheckError(f"unknown scheduler {chosen!r}: expected one of "
                             f"{', '.join(SCHEDULERS)} or an address such as tcp://host:8786")
    yield _Runner(chosen)


# -- ids seen twice, and the ledger's sources -----------------------------------------------

def _duplicate_rows(parts: list[Part], max_bytes: int | None, shuffle: str,
                    run: _Runner) -> dict[str, Problem]:
    """The rows whose id an earlier row has, by "file:line": rejected, as in one process.
    Ids alone are shuffled (disk-backed), so no process holds every id."""
    if all(part.chunk is None for part in parts):
        return {}  # sources given in memory have unique ids already
    import dask
    import dask.dataframe as dd

    ids = dd.from_delayed([dask.delayed(_id_rows, pure=True)(part, max_bytes)
                           for part in parts], meta=_id_rows(Part(0), None), verify_meta=False)
    later = ids.shuffle("id", npartitions=len(parts), shuffle_method=shuffle) \
        .map_partitions(_later_rows, meta=_later_rows(_id_rows(Part(0), None)))
    (frame,) = run(later)
    rejected: dict[str, Problem] = {}
    for source_id, place, first in zip(frame["id"], frame["place"], frame["first"],
                                       strict=True):
        rejected[place] = duplicate(source_id, place, first)
    return rejected


def _id_rows(part: Part, max_bytes: int | None) -> Any:
    """The ids of a part's rows, with their place in the corpus."""
    import pandas

    rows = [] if part.chunk is None and not part.sources else part.rows(max_bytes)[0]
    return pandas.DataFrame({
        "id": pandas.Series([s.id for _, s in rows], dtype="str"),
        "file": pandas.Series([order[0] for order, _ in rows], dtype="int64"),
        "line": pandas.Series([order[1] for order, _ in rows], dtype="int64"),
        "place": pandas.Series([s.file or "" for _, s in rows], dtype="str")})


def _later_rows(frame: Any) -> Any:
    """The rows of ids seen more than once, but the first, with the first's place."""
    import pandas

    later: list[tuple[str, str, str]] = []
    for source_id, group in frame.groupby("id", sort=True):
        if len(group) > 1:
            ordered = group.sort_values(["file", "line"])
            first = ordered["place"].iloc[0]
            later += [(source_id, place, first) for place in ordered["place"].iloc[1:]]
    return pandas.DataFrame({"id": pandas.Series([r[0] for r in later], dtype="str"),
                             "place": pandas.Series([r[1] for r in later], dtype="str"),
                             "first": pandas.Series([r[2] for r in later], dtype="str")})


def _cited_ids(ledger: LedgerLike) -> set[str]:
    """The ids of the articles a ledger quotes (a ledger folder's are read from its files;
    `load_ledger` reports any problem there, with its line)."""
    if not isinstance(ledger, (str, Path)):
        claims = ledger.values() if isinstance(ledger, Ledger) else ledger
        return {claim.provenance.source for claim in claims}
    cited: set[str] = set()
    for path in sorted(Path(ledger).rglob("*")):
        if path.suffix.lower() == ".toml" and path.is_file():
            try:
                tables = tomllib.loads(path.read_text(encoding="utf-8")).get("claim", [])
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(tables, list):
                cited.update(t["source"] for t in tables
                             if isinstance(t, dict) and isinstance(t.get("source"), str))
    return cited


def _cited_sources(ids: set[str], parts: list[Part], max_bytes: int | None,
                   run: _Runner) -> dict[str, Source]:
    """The articles a ledger quotes, read from the corpus (its claims are checked against
    their text, and counted in their language): those alone, never the whole archive."""
    import dask.bag

    found = dask.bag.from_sequence(parts, npartitions=max(1, len(parts))).map(
        _select, frozenset(ids), max_bytes).flatten()
    (sources,) = run(found)
    chosen: dict[str, Source] = {}
    for source in sources:
        chosen.setdefault(source.id, source)
    return chosen


def _select(part: Part, ids: frozenset[str], max_bytes: int | None) -> list[Source]:
    rows, _ = part.rows(max_bytes)
    return [s for _, s in rows if s.id in ids]


# -- map: articles to claims ----------------------------------------------------------------

def _map_part(item: tuple[int, Part], registry: EntityRegistry,
              curated: Mapping[str, list[tuple[Order, Claim]]],
              duplicates: frozenset[str], automatic: bool, max_bytes: int | None,
              buckets: int, claims_out: str | None) -> tuple[list[Keyed], PartResult]:
    """One part's claims, keyed for the shuffle, and what it counts and finds."""
    index, part = item
    kinds = entity_kinds(registry)
    rows, rejected = part.rows(max_bytes)
    keyed: list[Keyed] = []
    parts_findings: list[tuple[Finding, tuple[Source, ...]]] = []
    records: list[dict[str, Any]] = []
    read = automatic_count = unclassified_count = 0
    for position, source in rows:
        if source.file in duplicates and part.chunk is not None:
            continue
        read += 1
        light = attrs.evolve(source, text="")
        mine = curated.get(source.id, [])
        ledger_claims = [c for _, c in mine]
        found = claims_from_source(source, registry) if automatic else None
        autos = uncovered(ledger_claims, list(found.claims)) if found else []
        unclassified = uncovered(ledger_claims, list(found.unclassified)) if found else []
        automatic_count += len(autos)
        unclassified_count += len(unclassified)
        doc = [*mine, *(((1, *position, n), c) for n, c in enumerate(autos))]
        doc.extend(_derived(doc))
        context = Context({light.id: light}, kinds, NearDuplicates({}, NO_DUPLICATES))
        parts_findings.extend((f, (light,)) for f in check_parts([c for _, c in doc], context))
        for order, claim in doc:
            fact = family(claim, light.published)
            if fact is not None:
                keyed.append(Keyed(_bucket(fact, buckets), order, claim, light))
        if claims_out is not None:
            records.extend(claim_record(c, {light.id: light}) for c in autos)
            records.extend({**claim_record(c, {light.id: light}), "origin": "unclassified"}
                           for c in unclassified)
    if claims_out is not None:
        _write_claims(Path(claims_out) / f"part-{index:05d}.parquet", records)
    return keyed, PartResult(tuple(parts_findings), tuple(rejected), read, automatic_count,
                             unclassified_count)


def _derived(doc: list[tuple[Order, Claim]]) -> list[tuple[Order, Claim]]:
    """The wholes a share implies, sorted after every stated claim and in the order of
    their shares, as the in-process review sorts them."""
    made = derive_shares([c for _, c in doc])
    orders = {c.id: order for order, c in doc}
    keyed = []
    for claim in made:
        share = max((i for i in orders if claim.id.startswith(i + "+")), key=len)
        keyed.append(((2, *orders[share]), claim))
    return keyed


def _bucket(fact: tuple[Any, ...], buckets: int) -> int:
    """A fact family's bucket: the same in every process (Python's own string hash is not)."""
    return zlib.crc32(repr(fact).encode("utf-8")) % buckets


def _write_claims(path: Path, records: list[dict[str, Any]]) -> None:
    try:
        import pyarrow
        import pyarrow.parquet as parquet
    except ImportError as exc:
        raise MissingExtraError("claims_out needs pyarrow: pip install "
                                "'factcheck-ledger[dask]'") from exc
    columns = {name: [r.get(name) for r in records] for name in CLAIMS_OUT_COLUMNS}
    columns["value"] = [None if v is None else str(v) for v in columns["value"]]
    for name in ("low", "high"):
        columns[name] = [None if v is None else float(v) for v in columns[name]]
    parquet.write_table(pyarrow.table(columns, schema=CLAIMS_OUT_SCHEMA()), path)


CLAIMS_OUT_COLUMNS = ("id", "source", "publisher", "published", "origin", "subject",
                      "predicate", "object", "quote", "wording", "stance", "about", "scope",
                      "modality", "value", "low", "high", "unit", "date_start", "date_end",
                      "note")


def CLAIMS_OUT_SCHEMA() -> Any:  # noqa: N802 - a constant built on first use (pyarrow)
    """The Parquet schema of `claims_out`: text columns, and low/high as doubles."""
    import pyarrow

    numbers = {"low", "high"}
    return pyarrow.schema([(name, pyarrow.float64() if name in numbers else pyarrow.string())
                           for name in CLAIMS_OUT_COLUMNS])


# -- shuffle: claims as rows of a DataFrame ---------------------------------------------------

def _frame(result: tuple[list[Keyed], PartResult | None]) -> Any:
    """A map task's claims as rows (bucket, its claims pickled) for a disk-backed shuffle,
    and a row (bucket SIDE) for what the task counted and found, which the judges pass on."""
    import pandas

    items, side = result
    by_bucket: dict[int, list[Keyed]] = defaultdict(list)
    for item in items:
        by_bucket[item.bucket].append(item)
    # one row per bucket: fewer, larger rows, and an article's metadata pickled once
    rows = [(bucket, _dumps(members)) for bucket, members in sorted(by_bucket.items())]
    if side is not None:
        rows.append((SIDE, _dumps(side)))
    return pandas.DataFrame({"bucket": pandas.Series([r[0] for r in rows], dtype="int64"),
                             "payload": pandas.Series([r[1] for r in rows], dtype="str")})


def _dumps(value: Any) -> str:
    """A value as text for a DataFrame cell (DataFrames may turn object cells into strings,
    which bytes would not survive)."""
    return base64.b64encode(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).decode()


def _loads(payload: str) -> Any:
    return pickle.loads(base64.b64decode(payload))


def _judge_frame(frame: Any, registry: EntityRegistry) -> Any:
    """The findings of every bucket in a shuffled partition, pickled, one row per bucket."""
    import pandas

    kinds = entity_kinds(registry)
    buckets: dict[int, list[Keyed]] = defaultdict(list)
    rows = []
    for bucket, payload in zip(frame["bucket"], frame["payload"], strict=True):
        if bucket == SIDE:
            rows.append((SIDE, payload))
        else:
            buckets[int(bucket)].extend(_loads(payload))
    rows += [(bucket, _dumps(_judge_bucket((bucket, items), kinds)))
             for bucket, items in sorted(buckets.items())]
    return pandas.DataFrame({"bucket": pandas.Series([r[0] for r in rows], dtype="int64"),
                             "payload": pandas.Series([r[1] for r in rows], dtype="str")})


# -- judge: one bucket of facts ---------------------------------------------------------------

def _judge_bucket(group: tuple[int, list[Keyed]], kinds: Callable[[str], str | None]
                  ) -> list[tuple[Finding, tuple[Source, ...]]]:
    """The findings on a bucket's facts, each with the metadata of its sources; claims in
    the order the in-process review gives them."""
    _, items = group
    items = sorted(items, key=lambda item: item.order)
    sources = {item.source.id: item.source for item in items}
    context = Context(sources, kinds, NearDuplicates(sources, NO_DUPLICATES))
    return [(finding, tuple(sources[s] for s in sorted({c.provenance.source
                                                        for c in finding.claims})))
            for finding in judge_facts([item.claim for item in items], context)]


# -- near-duplicates among corroborating sources -------------------------------------------

def _count_near_duplicates(findings: list[Finding], sources: Mapping[str, Source],
                           kinds: Callable[[str], str | None], parts: list[Part],
                           max_bytes: int | None, shuffle: str,
                           run: _Runner) -> list[Finding]:
    """Corroborations whose sources include one story republished, counted again with those
    sources as one: the pairs compared are those the in-process review compares."""
    asked: dict[int, list[Pair]] = {}
    for index, finding in enumerate(findings):
        if finding.kind is FindingKind.CORROBORATION:
            ids = sorted({c.provenance.source for c in finding.claims})
            asked[index] = list(candidate_pairs(ids, finding.claims))
    pairs = {pair for listed in asked.values() for pair in listed}
    if not pairs:
        return findings
    same = _same_story_pairs(pairs, sources, parts, max_bytes, shuffle, run)
    if not same:
        return findings
    context = Context(sources, kinds, NearDuplicates(sources, frozenset(same)))
    updated = list(findings)
    for index, listed in asked.items():
        if any(pair in same for pair in listed):
            finding = findings[index]
            key = (finding.subject, finding.predicate, finding.object, *finding.qualifiers)
            updated[index] = corroboration(key, list(finding.claims), finding.check, context)
    return updated


def _same_story_pairs(pairs: set[Pair], sources: Mapping[str, Source], parts: list[Part],
                      max_bytes: int | None, shuffle: str,
                      run: _Runner) -> set[Pair]:
    """Which of `pairs` are one story. Each part sends the words of its articles that are in
    a pair, tagged with the pair, through a disk-backed shuffle; each pair is compared where
    its two texts meet."""
    import dask
    import dask.dataframe as dd

    ordered = sorted(pairs)
    where = _part_finder(parts)
    wanted: dict[int, dict[str, tuple[str | None, list[int]]]] = defaultdict(dict)
    for index, pair in enumerate(ordered):
        for source_id in pair:
            found = where(sources[source_id]) if source_id in sources else None
            if found is not None:
                place, listed = wanted[found].setdefault(
                    source_id, (sources[source_id].file, []))
                listed.append(index)
    if not wanted:
        return set()
    rows = dd.from_delayed([dask.delayed(_pair_rows, pure=True)(parts[index], chosen, max_bytes)
                            for index, chosen in sorted(wanted.items())],
                           meta=_pair_rows(Part(0), {}, None), verify_meta=False)
    compared = rows.shuffle("pair", npartitions=max(1, len(wanted)), shuffle_method=shuffle) \
        .map_partitions(_same_rows, meta=_same_rows(_pair_rows(Part(0), {}, None)))
    (frame,) = run(compared)
    return {ordered[int(index)] for index in frame["pair"]}


def _pair_rows(part: Part, wanted: Mapping[str, tuple[str | None, list[int]]],
               max_bytes: int | None) -> Any:
    """A row per (pair, article) for the wanted articles of a part: the words compared
    (by id, and by "file:line" in an archive, where a later row may repeat an id)."""
    import pandas

    rows: list[tuple[int, str]] = []
    if wanted:
        for _, source in part.rows(max_bytes)[0]:
            if source.id in wanted and (part.chunk is None
                                        or source.file == wanted[source.id][0]):
                words = _WORD_SEPARATOR.join(story_words(source.text))
                rows += [(pair, words) for pair in wanted[source.id][1]]
    return pandas.DataFrame({"pair": pandas.Series([r[0] for r in rows], dtype="int64"),
                             "words": pandas.Series([r[1] for r in rows], dtype="str")})


def _same_rows(frame: Any) -> Any:
    """The pairs whose two articles are one story."""
    import pandas

    same = [int(pair) for pair, group in frame.groupby("pair", sort=True)
            if len(group) == 2 and same_story(*(w.split()
                                                for w in group["words"]))]
    return pandas.DataFrame({"pair": pandas.Series(same, dtype="int64")})


_WORD_SEPARATOR = " "


def _part_finder(parts: list[Part]) -> Callable[[Source], int | None]:
    """Which part holds a source: by file and line for an archive, by id in memory."""
    by_id = {s.id: index for index, part in enumerate(parts) for s in part.sources}
    starts: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, part in enumerate(parts):
        if part.chunk is not None:
            starts[part.chunk.path].append((part.chunk.first_line, index))

    def find(source: Source) -> int | None:
        if source.id in by_id:
            return by_id[source.id]
        path, _, line = (source.file or "").rpartition(":")
        holding = [index for first, index in starts.get(path, []) if first <= int(line or 0)]
        return holding[-1] if holding else None

    return find
