"""The review on Dask: the same steps as `review.review`, spread over a cluster.

1. **Map**: each task reads one part of the corpus (a chunk of an archive: a byte range of
   a JSON Lines file, a Parquet row group) and turns each article into claims with the
   same pure function the in-process review uses (`claims_from_source`). Curated claims win
   over automatic ones there; shares give their derived wholes and parts are checked
   against their total there too, since both stay within one article. The article's text
   is dropped as soon as its claims are made: a claim carries its quote and the words its
   article is compared on for near-duplicates (`neardup.story_words`), not the article.
   Each task also sends on the id and place of every archive row.
2. **Shuffle**: claims move to the bucket of their fact's family (subject, predicate,
   object: tranches meet their total across fact keys), by a stable hash, so that every
   claim of a fact meets the others in one task, whatever part it came from. Ids move to
   the bucket of the id, where the rows whose id an earlier row has are found: rejected,
   as in one process (a part skips its own repeats as it reads them).
3. **Judge**: each bucket is judged with the same code (`compare.judge_facts`), the claims
   of rejected rows left out. A corroboration counts republished stories once: the pairs
   of sources it compares are those of one process, on the words their claims carry.
   On a cluster, a partition is judged in the task that unpacks it from the peer-to-peer
   shuffle, on the worker that holds it: no unpacked output waits for its judge.

The archive is read once (with a ledger, once more before: its quotes are checked against
the articles it cites). Claims are ordered as the in-process review orders them (ledger
first, then corpus order, then derived), so the findings are the same, claim for claim and
word for word. Memory per task is bounded by the part it reads and the bucket it judges,
never by the archive.
"""

from __future__ import annotations

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
from factcheck.compare import (Context, check_parts, derive_shares, family, judge_facts,
                               sort_findings)
from factcheck.entities import EntityRegistry, load_entities
from factcheck.errors import FactcheckError, MissingExtraError, Problem
from factcheck.ledger import Ledger
from factcheck.model import Claim, Finding, Review, Source, Totals
from factcheck.neardup import NearDuplicates, story_words
from factcheck.review import (LedgerLike, claim_record, corpus_paths, curated_claims,
                              entity_kinds, read_sources, uncovered)

SCHEDULERS = ("synchronous", "threads", "processes")
# claims are shuffled into this many buckets per part (and at least MIN_BUCKETS)
BUCKETS_PER_PART, MIN_BUCKETS = 4, 16
Order = tuple[Any, ...]
PACK_LEVEL = 1  # zlib: claims 3.6 times smaller (4.6 at level 6) in a third of the time
SIDE = -1  # the bucket of the rows that carry a map task's counts, not a claim
REPEATS = -2  # the bucket of the row that carries the repeated rows to the client


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
    """A claim on its way to its bucket: where it sorts among all claims, its source's
    metadata (without the text) and the words its source is compared on for
    near-duplicates (`story_words`, joined by spaces: one string shared by the article's
    claims, pickled once per bucket it goes to)."""

    bucket: int
    order: Order
    claim: Claim
    source: Source
    words: str = ""


@attrs.frozen
class PartResult:
    """What a map task counts and finds besides the claims it sends on."""

    parts_findings: tuple[tuple[Finding, tuple[Source, ...]], ...]
    rejected: tuple[Problem, ...]
    sources: int
    automatic: int
    unclassified: int


@attrs.frozen
class Repeat:
    """A row whose id an earlier row has: rejected, as in one process. If its map task `read`
    it (the first of its id in its part), its claims and counts are taken back out."""

    source_id: str
    place: str
    first: str
    part: int
    read: bool
    automatic: int
    unclassified: int

    def problem(self) -> Problem:
        return duplicate(self.source_id, self.place, self.first)


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
    parts = plan_parts(corpus, partitions, max_bytes)
    with _runner(client, scheduler) as run:
        # a disk-backed shuffle: peer-to-peer on a cluster, partd files on one machine
        shuffle = "p2p" if client is not None or "://" in (scheduler or "") else "disk"
        cited = _cited_sources(_cited_ids(ledger), parts, max_bytes, run) if ledger else {}
        curated = curated_claims(ledger, cited, registry)
        by_source: dict[str, list[tuple[Order, Claim]]] = defaultdict(list)
        for index, claim in enumerate(curated):
            by_source[claim.provenance.source].append(((0, index), claim))
        if claims_out is not None:
            Path(claims_out).mkdir(parents=True, exist_ok=True)
        buckets = max(MIN_BUCKETS, BUCKETS_PER_PART * len(parts))
        shared = [run.share(registry), dask.delayed(dict(by_source), pure=True)]
        mapped = [dask.delayed(_map_frames, pure=True, nout=2)(
            (index, part), *shared, automatic, max_bytes, buckets,
            None if claims_out is None else str(claims_out)) for index, part in enumerate(parts)]
        repeated = _repeated_rows([ids for _, ids in mapped], shuffle) \
            if any(part.chunk is not None for part in parts) else dask.delayed((), pure=True)
        claims = dd.from_delayed([rows for rows, _ in mapped], meta=_frame([], None),
                                 verify_meta=False)
        shuffled = claims.shuffle("bucket", npartitions=max(1, len(parts)),
                                  shuffle_method=shuffle)
        judged = shuffled.map_partitions(_judge_frame, shared[0], repeated,
                                         meta=_frame([], None))
        sides: list[PartResult] = []
        judged_items: list[list[tuple[Finding, tuple[Source, ...]]]] = []
        repeats: tuple[Repeat, ...] = ()
        for partition in run.partitions(judged):
            for bucket, payload in zip(partition["bucket"], partition["payload"], strict=True):
                if bucket == REPEATS:
                    repeats = _loads(payload)
                else:
                    (sides if bucket == SIDE else judged_items).append(_loads(payload))
        read_again = [repeat for repeat in repeats if repeat.read]
        if claims_out is not None and read_again:
            _drop_claims_of(read_again, Path(claims_out), run)
    dropped = {repeat.place for repeat in read_again}
    sources: dict[str, Source] = {}
    facts: list[Finding] = []
    for finding, light in [*(item for items in judged_items for item in items),
                           *(f for side in sides for f in side.parts_findings
                             if f[1][0].file not in dropped)]:
        facts.append(finding)
        sources.update((s.id, s) for s in light)
    findings = sort_findings(facts)
    claims = {c.id: c for f in findings for c in f.claims}
    return Review(findings=findings, claims=tuple(claims.values()), unclassified=(),
                  sources=tuple(sources[s] for s in sorted(sources)),
                  rejected=in_file_order([*(repeat.problem() for repeat in repeats),
                                          *(p for s in sides for p in s.rejected)]),
                  totals=_totals(len(curated), sides, read_again))


def _totals(curated: int, sides: list[PartResult], read_again: list[Repeat]) -> Totals:
    """What the map tasks counted, less the rows they read that repeat an earlier id."""
    return Totals(sources=sum(s.sources for s in sides) - len(read_again),
                  claims=curated + sum(s.automatic for s in sides)
                  - sum(r.automatic for r in read_again),
                  unclassified=sum(s.unclassified for s in sides)
                  - sum(r.unclassified for r in read_again))


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

        for future in as_completed(self.client.compute(_fused_with_unpack(frame))):
            yield future.result()
            future.release()


def _fused_with_unpack(frame: Any) -> list[Any]:
    """`frame`'s partitions as delayed objects, each computed in the task that unpacks the
    peer-to-peer shuffle output it reads, on the worker that holds that output: no unpacked
    output waits for the task that reads it, which the scheduler may send late or to the
    other worker (the pile grew with the archive). Partitions that read no such output, or
    a Dask that lays the shuffle out otherwise, are left as they are."""
    from dask.delayed import Delayed

    try:
        from dask._task_spec import Task
        from distributed.shuffle._shuffle import shuffle_unpack
    except ImportError:  # a Dask before its task spec: plain tasks
        return frame.to_delayed()
    frame = frame.optimize()
    keys = frame.__dask_keys__()
    graph = dict(frame.__dask_graph__())
    readers: dict[Any, int] = defaultdict(int)
    for task in graph.values():
        for dependency in getattr(task, "dependencies", ()):
            readers[dependency] += 1
    for key in keys:
        unpacks = [dependency for dependency in getattr(graph[key], "dependencies", ())
                   if getattr(graph.get(dependency), "func", None) is shuffle_unpack
                   and readers[dependency] == 1]
        if len(unpacks) == 1:
            graph[key] = Task.fuse(graph.pop(unpacks[0]), graph[key])
    return [Delayed(key, graph) for key in keys]


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

def _repeated_rows(ids: list[Any], shuffle: str) -> Any:
    """The rows whose id an earlier row has (Repeats, delayed), from the id rows the map
    tasks send on. Ids alone are shuffled (disk-backed), so no process holds every id."""
    import dask
    import dask.dataframe as dd

    frame = dd.from_delayed(ids, meta=_id_frame([]), verify_meta=False)
    later = frame.shuffle("id", npartitions=len(ids), shuffle_method=shuffle) \
        .map_partitions(_later_rows, meta=_later_rows(_id_frame([])))
    return dask.delayed(_repeats)(later.to_delayed())


IdRow = tuple[str, int, int, str, int, bool, int, int]
ID_COLUMNS = {"id": "str", "file": "int64", "line": "int64", "place": "str", "part": "int64",
              "read": "bool", "automatic": "int64", "unclassified": "int64"}


def _id_frame(rows: list[IdRow]) -> Any:
    """A map task's id rows: id, place in the corpus, and what the task counted of the row."""
    import pandas

    return pandas.DataFrame({name: pandas.Series([row[n] for row in rows], dtype=dtype)
                             for n, (name, dtype) in enumerate(ID_COLUMNS.items())})


def _later_rows(frame: Any) -> Any:
    """The rows of ids seen more than once, but the first, with the first's place."""
    ordered = frame.sort_values(["id", "file", "line"]).reset_index(drop=True)
    first = ordered.groupby("id", sort=False)["place"].transform("first").astype("str")
    later = ordered["id"].duplicated(keep="first")
    return ordered[later].assign(first=first[later]).drop(columns=["file", "line"])


def _repeats(frames: list[Any]) -> tuple[Repeat, ...]:
    """The later rows of every id bucket, as Repeats: the rows the review rejects."""
    return tuple(Repeat(row.id, row.place, row.first, int(row.part), bool(row.read),
                        int(row.automatic), int(row.unclassified))
                 for frame in frames for row in frame.itertuples(index=False))


def _drop_claims_of(repeats: list[Repeat], folder: Path, run: _Runner) -> None:
    """Take the claims of rows found repeated after their part was read out of `claims_out`
    (a part reads an id once, so its claims there are those of the source id)."""
    import dask

    by_part: dict[int, set[str]] = defaultdict(set)
    for repeat in repeats:
        by_part[repeat.part].add(repeat.source_id)
    run(*(dask.delayed(_drop_claims)(folder / f"part-{part:05d}.parquet", frozenset(ids))
          for part, ids in sorted(by_part.items())))


def _drop_claims(path: Path, ids: frozenset[str]) -> None:
    """Rewrite one part's claims file without the claims of the sources `ids`."""
    import pyarrow.compute
    import pyarrow.parquet as parquet

    table = parquet.read_table(path, schema=CLAIMS_OUT_SCHEMA())
    keep = pyarrow.compute.invert(pyarrow.compute.is_in(table["source"],
                                                        value_set=pyarrow.array(sorted(ids))))
    parquet.write_table(table.filter(keep), path)


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

def _map_frames(item: tuple[int, Part], registry: EntityRegistry,
                curated: Mapping[str, list[tuple[Order, Claim]]], automatic: bool,
                max_bytes: int | None, buckets: int, claims_out: str | None
                ) -> tuple[Any, Any]:
    """A part's claims and id rows as the frames the two shuffles take: the claims pickled
    as soon as they are made, so that a worker holding a few parts' output holds little."""
    keyed, side, ids = _map_part(item, registry, curated, automatic, max_bytes, buckets,
                                 claims_out)
    return _frame(keyed, side), _id_frame(ids)


def _map_part(item: tuple[int, Part], registry: EntityRegistry,
              curated: Mapping[str, list[tuple[Order, Claim]]], automatic: bool,
              max_bytes: int | None, buckets: int, claims_out: str | None
              ) -> tuple[list[Keyed], PartResult, list[IdRow]]:
    """One part's claims, keyed for the shuffle, what it counts and finds, and an id row for
    each archive row (a row whose id an earlier row of the part has is not read at all)."""
    index, part = item
    kinds = entity_kinds(registry)
    rows, rejected = part.rows(max_bytes)
    keyed: list[Keyed] = []
    parts_findings: list[tuple[Finding, tuple[Source, ...]]] = []
    records: list[dict[str, Any]] = []
    ids: list[IdRow] = []
    seen: set[str] = set()
    read = automatic_count = unclassified_count = 0
    for position, source in rows:
        if source.id in seen:
            ids.append((source.id, *position, source.file or "", index, False, 0, 0))
            continue
        seen.add(source.id)
        read += 1
        light = attrs.evolve(source, text="")
        mine = curated.get(source.id, [])
        ledger_claims = [c for _, c in mine]
        found = claims_from_source(source, registry) if automatic else None
        autos = uncovered(ledger_claims, list(found.claims)) if found else []
        unclassified = uncovered(ledger_claims, list(found.unclassified)) if found else []
        automatic_count += len(autos)
        unclassified_count += len(unclassified)
        if part.chunk is not None:
            ids.append((source.id, *position, source.file or "", index, True, len(autos),
                        len(unclassified)))
        doc = [*mine, *(((1, *position, n), c) for n, c in enumerate(autos))]
        doc.extend(_derived(doc))
        context = Context({light.id: light}, kinds, NearDuplicates({}))
        parts_findings.extend((f, (light,)) for f in check_parts([c for _, c in doc], context))
        words: str | None = None  # made once, for the first claim that states a fact
        for order, claim in doc:
            fact = family(claim, light.published)
            if fact is not None:
                words = " ".join(story_words(source.text)) if words is None else words
                keyed.append(Keyed(_bucket(fact, buckets), order, claim, light, words))
        if claims_out is not None:
            records.extend(claim_record(c, {light.id: light}) for c in autos)
            records.extend({**claim_record(c, {light.id: light}), "origin": "unclassified"}
                           for c in unclassified)
    if claims_out is not None:
        _write_claims(Path(claims_out) / f"part-{index:05d}.parquet", records)
    return keyed, PartResult(tuple(parts_findings), tuple(rejected), read, automatic_count,
                             unclassified_count), ids


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

def _frame(items: list[Keyed], side: PartResult | None) -> Any:
    """A map task's claims as rows (bucket, its claims pickled) for a disk-backed shuffle,
    and a row (bucket SIDE) for what the task counted and found, which the judges pass on."""
    by_bucket: dict[int, list[Keyed]] = defaultdict(list)
    for item in items:
        by_bucket[item.bucket].append(item)
    # one row per bucket: fewer, larger rows, an article's metadata and words pickled once
    rows = [(bucket, _dumps(members)) for bucket, members in sorted(by_bucket.items())]
    if side is not None:
        rows.append((SIDE, _dumps(side)))
    return _payloads(rows)


def _dumps(value: Any) -> bytes:
    """A value for a DataFrame cell: pickled and compressed (claims shrink about 3.6 times,
    for 1 % of the map's time: the shuffle moves, and a worker holds, that much less)."""
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def _loads(payload: bytes) -> Any:
    return pickle.loads(zlib.decompress(payload))


def _payloads(rows: list[tuple[int, bytes]]) -> Any:
    """Rows (bucket, payload) as a DataFrame; the payloads a binary Arrow column, which no
    step turns into text (object cells may become strings, which bytes would not survive)."""
    import pandas
    import pyarrow

    return pandas.DataFrame({
        "bucket": pandas.Series([r[0] for r in rows], dtype="int64"),
        "payload": pandas.Series([r[1] for r in rows], dtype=pandas.ArrowDtype(pyarrow.binary()))})


def _judge_frame(frame: Any, registry: EntityRegistry, repeats: tuple[Repeat, ...],
                 partition_info: Mapping[str, Any] | None = None) -> Any:
    """The findings of every bucket in a shuffled partition, pickled, one row per bucket;
    the claims of rows found repeated after their part read them are left out (the first
    partition passes those rows on to the client)."""
    kinds = entity_kinds(registry)
    dropped = {repeat.place for repeat in repeats if repeat.read}
    buckets: dict[int, list[Keyed]] = defaultdict(list)
    first = partition_info is None or partition_info["number"] == 0
    rows = [(REPEATS, _dumps(repeats))] if first and repeats else []
    for bucket, payload in zip(frame["bucket"], frame["payload"], strict=True):
        if bucket == SIDE:
            rows.append((SIDE, payload))
        else:
            buckets[int(bucket)].extend(item for item in _loads(payload)
                                        if item.source.file not in dropped)
    rows += [(bucket, _dumps(_judge_bucket((bucket, items), kinds)))
             for bucket, items in sorted(buckets.items())]
    return _payloads(rows)


# -- judge: one bucket of facts ---------------------------------------------------------------

def _judge_bucket(group: tuple[int, list[Keyed]], kinds: Callable[[str], str | None]
                  ) -> list[tuple[Finding, tuple[Source, ...]]]:
    """The findings on a bucket's facts, each with the metadata of its sources; claims in
    the order the in-process review gives them, near-duplicates compared on their words."""
    _, items = group
    items = sorted(items, key=lambda item: item.order)
    sources = {item.source.id: item.source for item in items}
    words = {item.source.id: item.words for item in items}
    context = Context(sources, kinds, NearDuplicates(sources, words))
    return [(finding, tuple(sources[s] for s in sorted({c.provenance.source
                                                        for c in finding.claims})))
            for finding in judge_facts([item.claim for item in items], context)]
