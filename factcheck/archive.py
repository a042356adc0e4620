"""Archives of articles: JSON Lines (one article per line, gzip accepted) or Parquet files
with the columns `id`, `text`, `language`, `published` and optionally `publisher`, `url`,
`title`.

An archive is read in chunks (byte ranges of a JSON Lines file, row groups of a Parquet
file) so that a cluster can read it in parallel and no process holds it whole. Each row is
validated: a row with no text, a bad date, an unknown language, a malformed line or an id
seen before is rejected with its file and line (or row) number and the reason, and the
rest goes on; `read_chunk` returns both, so nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from factcheck.errors import CorpusError, FactcheckError, MissingExtraError, Problem
from factcheck.extract import coerce_published
from factcheck.extract.language import detect_language
from factcheck.model import Source

# the file names an archive may have; anything else given as an archive is refused
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
FIELDS = ("id", "text", "language", "published", "publisher", "url", "title")
OPTIONAL_TEXT = ("publisher", "url", "title")
# a chunk of a JSON Lines file is about this many bytes (gzip files are one chunk each)
CHUNK_BYTES = 8_000_000
_READ = 1 << 20


def is_archive(path: str | os.PathLike[str]) -> bool:
    """Whether `path` names an archive file (by its extension), not a corpus folder."""
    name = str(path).lower()
    return name.endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)


@attrs.frozen
class Chunk:
    """A part of one archive file that one task reads: a byte range of a JSON Lines file
    (starting at line `first_line`), a row group of a Parquet file, or a whole gzip file."""

    path: str
    start: int = 0  # bytes for JSON Lines; the row group for Parquet
    stop: int | None = None  # None: to the end of the file
    first_line: int = 1  # the line (or row) number of the chunk's first record


@attrs.frozen
class Rows:
    """What a chunk holds: its valid articles, and the rows rejected with the reason."""

    sources: tuple[Source, ...]
    rejected: tuple[Problem, ...]


def plan_chunks(paths: Sequence[str | os.PathLike[str]], chunk_bytes: int = CHUNK_BYTES
                ) -> list[Chunk]:
    """The chunks of each archive, in file order. A JSON Lines file is cut at line ends
    about every `chunk_bytes` bytes (one streaming pass that counts lines, so that each
    chunk knows its first line number); a gzip file is one chunk; a Parquet file gives one
    chunk per row group."""
    chunks: list[Chunk] = []
    for raw in paths:
        path = Path(raw)
        _check_file(path)
        name = path.name.lower()
        if name.endswith(PARQUET_SUFFIXES):
            chunks.extend(_parquet_chunks(path))
        elif name.endswith(".gz"):
            chunks.append(Chunk(str(path)))
        else:
            chunks.extend(_jsonl_chunks(path, chunk_bytes))
    return chunks


def _check_file(path: Path) -> None:
    if not is_archive(path):
        raise CorpusError([Problem(file=str(path), message="not an archive: expected "
                                   f"{', '.join(JSONL_SUFFIXES + PARQUET_SUFFIXES)}")])
    try:
        if not path.is_file():
            raise CorpusError([Problem(file=str(path), message="no such archive file")])
    except OSError as exc:
        raise CorpusError([Problem(file=str(path), message=f"cannot read: {exc.strerror}")]
                          ) from exc


def _jsonl_chunks(path: Path, chunk_bytes: int) -> list[Chunk]:
    chunks = []
    start, line, position = 0, 1, 0
    lines_in_chunk = 0
    try:
        with open(path, "rb") as stream:
            while block := stream.read(_READ):
                offset = 0
                while True:
                    newline = block.find(b"\n", offset)
                    if newline < 0:
                        break
                    lines_in_chunk += 1
                    end = position + newline + 1
                    if end - start >= chunk_bytes:
                        chunks.append(Chunk(str(path), start, end, line))
                        start, line, lines_in_chunk = end, line + lines_in_chunk, 0
                    offset = newline + 1
                position += len(block)
    except OSError as exc:
        raise CorpusError([Problem(file=str(path), message=f"cannot read: {exc.strerror}")]
                          ) from exc
    if position > start:
        chunks.append(Chunk(str(path), start, None, line))
    return chunks


def _parquet_chunks(path: Path) -> list[Chunk]:
    parquet = _pyarrow_parquet()
    try:
        metadata = parquet.ParquetFile(path).metadata
    except Exception as exc:  # pyarrow raises its own types for a damaged file
        raise CorpusError([Problem(file=str(path), message=f"not a Parquet file: {exc}")]
                          ) from exc
    chunks, row = [], 1
    for group in range(metadata.num_row_groups):
        chunks.append(Chunk(str(path), group, group + 1, row))
        row += metadata.row_group(group).num_rows
    return chunks


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as parquet
    except ImportError as exc:
        raise MissingExtraError("reading Parquet archives needs pyarrow: pip install "
                                "'factcheck-ledger[dask]' (or pyarrow)") from exc
    return parquet


def read_chunk(chunk: Chunk, max_bytes: int | None = None) -> Rows:
    """The articles of one chunk, validated; `max_bytes` refuses longer texts."""
    sources: list[Source] = []
    rejected: list[Problem] = []
    for number, row in _records(chunk):
        if isinstance(row, Problem):
            rejected.append(row)
            continue
        made = article(row, chunk.path, number, max_bytes)
        (rejected if isinstance(made, Problem) else sources).append(made)
    return Rows(tuple(sources), tuple(rejected))


def _records(chunk: Chunk) -> Iterator[tuple[int, dict[str, Any] | Problem]]:
    """(line or row number, row as a dict, or the problem of a line that is no JSON object)."""
    if chunk.path.lower().endswith(PARQUET_SUFFIXES):
        table = _pyarrow_parquet().ParquetFile(chunk.path).read_row_group(chunk.start)
        for index, row in enumerate(table.to_pylist()):
            yield chunk.first_line + index, row
        return
    for number, line in enumerate(_lines(chunk), start=chunk.first_line):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            yield number, Problem(file=chunk.path, line=number,
                                  message=f"rejected: not a JSON object ({exc})")
            continue
        if not isinstance(row, dict):
            yield number, Problem(file=chunk.path, line=number,
                                  message="rejected: not a JSON object")
            continue
        yield number, row


def _lines(chunk: Chunk) -> Iterator[bytes]:
    if chunk.path.lower().endswith(".gz"):
        with gzip.open(chunk.path, "rb") as stream:
            yield from stream
        return
    with open(chunk.path, "rb") as stream:
        stream.seek(chunk.start)
        remaining = None if chunk.stop is None else chunk.stop - chunk.start
        reader = io.BufferedReader(stream) if remaining is None else io.BytesIO(
            stream.read(remaining))
        yield from reader


def article(row: dict[str, Any], file: str, line: int, max_bytes: int | None = None
            ) -> Source | Problem:
    """The Source a row describes, or the reason it is rejected."""
    def reject(reason: str, field: str | None = None) -> Problem:
        label = f"article {row.get('id')!r}: " if isinstance(row.get("id"), str) else ""
        return Problem(file=file, line=line, field=field, message=f"rejected: {label}{reason}")

    source_id = row.get("id")
    if isinstance(source_id, int) and not isinstance(source_id, bool):
        source_id = str(source_id)
    if not isinstance(source_id, str) or not source_id.strip():
        return reject("no `id`", "id")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return reject("no `text`", "text")
    if max_bytes is not None and len(text.encode("utf-8")) > max_bytes:
        return reject(f"text over the limit of {max_bytes:,} bytes", "text")
    language = row.get("language")
    if language is None:
        language = detect_language(text)
    if language not in ("fr", "en"):
        return reject(f"language {language!r} is not 'fr' or 'en'", "language")
    try:
        published = coerce_published(_day(row.get("published")))
    except FactcheckError as exc:
        return reject(f"published: {exc}", "published")
    optional = {}
    for name in OPTIONAL_TEXT:
        value = row.get(name)
        if value is not None and not isinstance(value, str):
            return reject(f"`{name}` must be text", name)
        optional[name] = value or None
    return Source(id=source_id, text=text, language=language, published=published,
                  file=f"{file}:{line}", **optional)


def _day(value: Any) -> Any:
    """An ISO date-time's day ("2025-03-11T09:30:00Z" -> "2025-03-11"); others as given."""
    if isinstance(value, str) and len(value) > 10 and value[10] in "T ":
        return value[:10]
    return value


def in_file_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Rejected rows by file, then line: the same order whatever read them."""
    return tuple(sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.message)))


def first_seen(chunks_rows: Iterable[tuple[Chunk, Rows]]) -> tuple[list[Source], list[Problem]]:
    """Sources in archive order with later rows of an id already seen rejected."""
    seen: dict[str, str] = {}
    sources: list[Source] = []
    rejected: list[Problem] = []
    for _, rows in chunks_rows:
        rejected.extend(rows.rejected)
        for source in rows.sources:
            if source.id in seen:
                rejected.append(duplicate(source.id, source.file or "", seen[source.id]))
                continue
            seen[source.id] = source.file or ""
            sources.append(source)
    return sources, rejected


def duplicate(source_id: str, place: str, first: str) -> Problem:
    """The rejection of the row at `place` ("file:line") whose id an earlier row (at
    `first`) has."""
    file, _, line = place.rpartition(":")
    return Problem(file=file, line=int(line) if line.isdigit() else None, field="id",
                   message=f"rejected: article {source_id!r}: duplicate id (first at {first})")


def load_archive(paths: Sequence[str | os.PathLike[str]], max_bytes: int | None = None
                 ) -> tuple[list[Source], list[Problem]]:
    """Every valid article of the archives, in order, and the rows rejected (in one
    process: for archives larger than memory, review them with engine="dask")."""
    return first_seen((chunk, read_chunk(chunk, max_bytes)) for chunk in plan_chunks(paths))
