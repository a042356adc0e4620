"""A corpus: a folder of UTF-8 .txt articles with an optional sources.toml of metadata.

Each `[[source]]` table gives `id`, `file`, `language` ("fr"/"en"), `published` (YYYY,
YYYY-MM or YYYY-MM-DD: the precision it is known at) and optionally `publisher`, `url`,
`title`, `published_note`. A .txt file with no entry gets its stem as id, a detected
language and no publication date.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs

from factcheck._toml import (MAX_BYTES, field_line, folder_entries, is_folder, read_text,
                             read_toml, table_lines)
from factcheck.errors import CorpusError, ParseError, Problem
from factcheck.extract.language import detect_language
from factcheck.model import PartialDate, Source

METADATA_FILE = "sources.toml"
_KNOWN_FIELDS = {"id", "file", "language", "published", "publisher", "url", "title",
                 "published_note"}


@attrs.frozen
class Corpus(Mapping[str, Source]):
    """The sources of a corpus folder, by id, in file order; `skipped` names the entries of
    the folder that are not articles (other files, subfolders), so a reader sees them."""

    folder: Path
    sources: dict[str, Source]
    skipped: tuple[str, ...] = ()

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


def load_corpus(folder: str | Path, *, max_bytes: int = MAX_BYTES) -> Corpus:
    """Read every article of `folder` and its sources.toml; raise CorpusError listing every
    problem (unreadable file, bad date, unknown language, duplicate id, missing file, a file
    outside the folder or over `max_bytes`, a folder with no article)."""
    root = Path(folder)
    exists, problems = is_folder(root)
    if not exists:
        raise CorpusError(problems or [Problem(file=str(root), message="no such corpus folder")])
    entries, problems = folder_entries(root)
    if problems:
        raise CorpusError(problems)
    metadata_path = root / METADATA_FILE
    tables: list[object] = []
    metadata_text = ""
    if metadata_path in entries:
        raw, metadata_text, toml_problems = read_toml(metadata_path, inside=root)
        if raw is None:
            raise CorpusError(toml_problems)
        tables = raw.get("source", [])
        if not isinstance(tables, list):
            problems.append(Problem(file=str(metadata_path),
                                    message="`source` must be an array of tables: [[source]]"))
            tables = []
        unknown = sorted(set(raw) - {"source"})
        if unknown:
            problems.append(Problem(file=str(metadata_path), message="unknown top-level "
                                    f"key(s) {', '.join(unknown)}; sources are [[source]] tables"))
    starts = table_lines(metadata_text, "source")
    reader = _EntryReader(root, metadata_path, metadata_text, max_bytes, problems)
    sources: dict[str, Source] = {}
    described: set[str] = set()
    for index, entry in enumerate(tables):
        line = starts[index] if index < len(starts) else None
        if not isinstance(entry, dict):
            problems.append(Problem(file=str(metadata_path), line=line,
                                    message=f"source #{index + 1} is not a [[source]] table"))
            continue
        if isinstance(entry.get("file"), str):
            described.add(str(entry["file"]))
        source = reader.source(entry, line)
        if source is None:
            continue
        if source.id in sources:
            first = next(i for i, t in enumerate(tables)
                         if isinstance(t, dict) and t.get("id") == source.id)
            problems.append(Problem(file=str(metadata_path), field="id",
                                    line=field_line(metadata_text, line, "id"),
                                    message=f"duplicate source id {source.id!r} (first at line "
                                    f"{starts[first] if first < len(starts) else '?'})"))
            continue
        sources[source.id] = source

    skipped = []
    for path in entries:
        if path.name in described or path == metadata_path or path.name.startswith("."):
            continue
        if path.suffix.lower() != ".txt":
            skipped.append(path.name + ("/" if path.is_dir() else ""))
            continue
        text, found = read_text(path, inside=root, max_bytes=max_bytes)
        problems.extend(found)
        if text is None:
            continue
        if path.stem in sources:
            problems.append(Problem(file=str(path), message=f"file stem {path.stem!r} is "
                                    "already the id of another source"))
            continue
        sources[path.stem] = Source(id=path.stem, text=text, language=detect_language(text),
                                    file=path.name)
    if not sources and not problems:
        problems.append(Problem(file=str(root), message="holds no article: no .txt file and "
                                f"no [[source]] in {METADATA_FILE}"))
    if problems:
        raise CorpusError(problems)
    return Corpus(root, sources, tuple(skipped))


class _EntryReader:
    """Reads the [[source]] tables of one sources.toml, adding problems with their lines."""

    def __init__(self, root: Path, metadata_path: Path, metadata_text: str, max_bytes: int,
                 problems: list[Problem]):
        self.root, self.path, self.text = root, metadata_path, metadata_text
        self.max_bytes, self.problems = max_bytes, problems

    def source(self, entry: dict[str, object], line: int | None) -> Source | None:
        source_id = entry.get("id")

        def problem(field: str | None, message: str) -> None:
            where = field_line(self.text, line, field) if field else line
            who = f"source {source_id!r}: " if isinstance(source_id, str) and source_id else ""
            self.problems.append(Problem(file=str(self.path), line=where, field=field,
                                         message=who + message))

        if not isinstance(source_id, str) or not source_id:
            problem(None, "a [[source]] table has no `id`")
            return None
        unknown = sorted(set(entry) - _KNOWN_FIELDS)
        if unknown:
            problem(unknown[0], f"unknown field(s) {', '.join(unknown)}; known: "
                    f"{', '.join(sorted(_KNOWN_FIELDS))}")
        file_name = entry.get("file")
        if not isinstance(file_name, str) or not file_name:
            problem(None if "file" not in entry else "file", "has no `file` (the article's "
                    "file name in the corpus folder)")
            return None
        text, found = read_text(self.root / file_name, inside=self.root,
                                max_bytes=self.max_bytes)
        if text is None:
            self.problems.extend(attrs.evolve(p, line=field_line(self.text, line, "file"),
                                              field="file", file=str(self.path),
                                              message=f"source {source_id!r}: {p.file}: "
                                              f"{p.message}") for p in found)
            return None
        language = entry.get("language", detect_language(text))
        if language not in ("fr", "en"):
            problem("language", f"language {language!r} is not 'fr' or 'en' (leave it out to "
                    "detect it)")
            return None
        published = None
        if "published" in entry:
            try:
                published = PartialDate.parse(str(entry["published"]))
            except ParseError as exc:
                problem("published", str(exc))
                return None
        optional = {}
        for name in ("publisher", "url", "title", "published_note"):
            if name in entry:
                if not isinstance(entry[name], str):
                    problem(name, f"`{name}` must be text")
                    return None
                optional[name] = entry[name]
        return Source(id=source_id, text=text, language=str(language), published=published,
                      file=file_name, **optional)
