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

from factcheck._toml import line_of, read_text, read_toml
from factcheck.errors import CorpusError, ParseError, Problem
from factcheck.extract.language import detect_language
from factcheck.model import PartialDate, Source

METADATA_FILE = "sources.toml"
_KNOWN_FIELDS = {"id", "file", "language", "published", "publisher", "url", "title",
                 "published_note"}


@attrs.frozen
class Corpus(Mapping[str, Source]):
    """The sources of a corpus folder, by id, in file order."""

    folder: Path
    sources: dict[str, Source]

    def __getitem__(self, source_id: str) -> Source:
        return self.sources[source_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.sources)

    def __len__(self) -> int:
        return len(self.sources)


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    text, found = read_text(path)
    problems.extend(found)
    return text


def load_corpus(folder: str | Path) -> Corpus:
    """Read every article of `folder` and its sources.toml; raise CorpusError listing every
    problem (unreadable file, bad date, unknown language, duplicate id, missing file)."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError([Problem(file=str(root), message="no such corpus folder")])
    problems: list[Problem] = []
    metadata_path = root / METADATA_FILE
    entries: list[dict[str, object]] = []
    metadata_text = ""
    if metadata_path.exists():
        raw, metadata_text, toml_problems = read_toml(metadata_path)
        if raw is None:
            raise CorpusError(toml_problems)
        tables = raw.get("source", [])
        if not isinstance(tables, list):
            problems.append(Problem(file=str(metadata_path),
                                    message="`source` must be an array of tables: [[source]]"))
            tables = []
        entries = tables

    sources: dict[str, Source] = {}
    described: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(file=str(metadata_path),
                                    message=f"source #{index} is not a [[source]] table"))
            continue
        source = _source_from_entry(entry, root, metadata_path, metadata_text, problems)
        if source is None:
            continue
        described.add(str(entry.get("file")))
        if source.id in sources:
            problems.append(Problem(file=str(metadata_path), field="id",
                                    line=line_of(metadata_text, "id", source.id),
                                    message=f"duplicate source id {source.id!r}"))
            continue
        sources[source.id] = source

    for path in sorted(root.glob("*.txt")):
        if path.name in described:
            continue
        text = _read_text(path, problems)
        if text is None:
            continue
        if path.stem in sources:
            problems.append(Problem(file=str(path), message=f"file stem {path.stem!r} is "
                                    "already the id of another source"))
            continue
        sources[path.stem] = Source(id=path.stem, text=text, language=detect_language(text),
                                    file=path.name)
    if problems:
        raise CorpusError(problems)
    return Corpus(root, sources)


def _source_from_entry(entry: dict[str, object], root: Path, metadata_path: Path,
                       metadata_text: str, problems: list[Problem]) -> Source | None:
    def problem(field: str | None, message: str, value: object = None) -> None:
        line = line_of(metadata_text, field or "id", str(value)) if value else None
        problems.append(Problem(file=str(metadata_path), line=line, field=field,
                                claim=None, message=f"source {source_id!r}: {message}"))

    source_id = entry.get("id")
    if not isinstance(source_id, str) or not source_id:
        problems.append(Problem(file=str(metadata_path), field="id",
                                message="a [[source]] table has no `id`"))
        return None
    unknown = sorted(set(entry) - _KNOWN_FIELDS)
    if unknown:
        problem(unknown[0], f"unknown field(s) {', '.join(unknown)}")
    file_name = entry.get("file")
    if not isinstance(file_name, str):
        problem("file", "has no `file`", source_id)
        return None
    path = root / file_name
    if not path.is_file():
        problem("file", f"file {file_name!r} does not exist", file_name)
        return None
    text = _read_text(path, problems)
    if text is None:
        return None
    language = entry.get("language") or detect_language(text)
    if language not in ("fr", "en"):
        problem("language", f"language {language!r} is not 'fr' or 'en'", language)
        return None
    published = None
    if "published" in entry:
        try:
            published = PartialDate.parse(str(entry["published"]))
        except ParseError as exc:
            problem("published", str(exc), entry["published"])
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
