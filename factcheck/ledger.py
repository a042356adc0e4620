"""The claims ledger: hand-edited TOML files of sourced claims, verified against the sources.

Each `[[claim]]` table has a stable `id`, the `source` id, the verbatim `quote`, and either
`value` (the figure or date as the article writes it, parsed by the extraction engine, or
true/false) or `category` (a label such as "non-exclusive"). Optional: `subject`,
`predicate`, `object`, `about` (the time the claim is about), `stance`, `attributed_to`,
`normalized` (an explicit normalised value), `accepted` (why an editor accepts a known
disagreement), `note` and `rating` (an editor's published verdict, a table: see
`RATING_FIELDS`). Loading checks every claim and reports every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz

from factcheck._toml import field_line, folder_entries, is_folder, read_toml, table_lines
from factcheck.corpus import Corpus
from factcheck.errors import LedgerError, ModelError, ParseError, Problem
from factcheck.extract import parse_value
from factcheck.model import (Approx, Categorical, Claim, DateRange, Kind, Modality,
                             PartialDate, Provenance, Quantity, Rating, Scope, Stance, Value)

REQUIRED = ("id", "source", "quote", "subject", "predicate")
OPTIONAL = ("value", "category", "object", "about", "since", "scope", "modality", "measure",
            "stance", "attributed_to", "normalized", "accepted", "note", "rating")
QUANTITY_FIELDS = ("value", "low", "high", "unit", "approx")
# The keys of a claim's `rating` table; `verdict` and `date` are required.
RATING_FIELDS = ("verdict", "date", "value", "best", "worst", "claim_reviewed", "url")


@attrs.frozen
class Ledger(Mapping[str, Claim]):
    """Verified claims by id, in file order; `skipped` names the files of the folder that are
    not claim files (anything but .toml), so a reader sees them."""

    claims: dict[str, Claim]
    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()
    places: dict[str, tuple[Path, int | None]] = attrs.field(factory=dict)  # file, id line

    def __getitem__(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)


def parse_date_value(text: str) -> PartialDate | DateRange:
    """`2025-01`, `2023-late` or a range `2019/2023`."""
    if "/" in text:
        first, _, last = text.partition("/")
        try:
            return DateRange(start=PartialDate.parse(first), end=PartialDate.parse(last))
        except ModelError as exc:
            raise ParseError(str(exc), text=text) from exc
    return PartialDate.parse(text)


def claim_files(root: Path) -> tuple[list[Path], list[str], list[Problem]]:
    """The .toml files under `root` (subfolders too, any case of the extension), sorted;
    the other files, as names relative to `root`; the problems met listing folders."""
    files: list[Path] = []
    others: list[str] = []
    problems: list[Problem] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        entries, found = folder_entries(folder)
        problems.extend(found)
        for path in entries:
            if path.name.startswith("."):
                continue
            if path.is_dir():
                pending.append(path)
            elif path.suffix.lower() == ".toml":
                files.append(path)
            else:
                others.append(str(path.relative_to(root)))
    return sorted(files), sorted(others), problems


def load_ledger(folder: str | Path, corpus: Corpus) -> Ledger:
    """Read and verify every claim file (.toml, subfolders included) of `folder`; raise
    LedgerError listing every problem."""
    root = Path(folder)
    exists, problems = is_folder(root)
    if not exists:
        raise LedgerError(problems or [Problem(file=str(root), message="no such claims folder")])
    files, skipped, problems = claim_files(root)
    if problems:
        raise LedgerError(problems)
    if not files:
        raise LedgerError([Problem(file=str(root), message="no .toml claim files in folder"
                                   + (f" (found only: {', '.join(skipped)})" if skipped else ""))])
    claims: dict[str, Claim] = {}
    places: dict[str, tuple[Path, int | None]] = {}
    for path in files:
        raw, text, read_problems = read_toml(path, inside=root)
        problems.extend(read_problems)
        if raw is None:
            continue
        tables = raw.get("claim", [])
        extra = sorted(set(raw) - {"claim"})
        if extra:
            problems.append(Problem(file=str(path), message=f"unknown top-level key(s) "
                                    f"{', '.join(extra)}; claims go in [[claim]] tables"))
        if not isinstance(tables, list):
            problems.append(Problem(file=str(path), message="`claim` must be [[claim]] tables"))
            continue
        if not tables and not extra:
            problems.append(Problem(file=str(path), message="holds no [[claim]] table (an "
                                    "empty or fully commented file: remove it or add claims)"))
        starts = table_lines(text, "claim")
        for index, table in enumerate(tables, start=1):
            line = starts[index - 1] if index <= len(starts) else None
            if not isinstance(table, dict):
                problems.append(Problem(file=str(path), line=line, message=f"claim #{index} "
                                        "is not a [[claim]] table"))
                continue
            claim = _claim(table, index, line, path, text, corpus, problems)
            if claim is None:
                continue
            id_line = field_line(text, line, "id")
            if claim.id in claims:
                first, first_line = places[claim.id]
                problems.append(Problem(file=str(path), line=id_line, claim=claim.id, field="id",
                                        message=f"duplicate id: already used in "
                                        f"{first}:{first_line}"))
                continue
            claims[claim.id] = claim
            places[claim.id] = (path, id_line)
    if problems:
        raise LedgerError(problems)
    return Ledger(claims, tuple(files), tuple(skipped), places)


def _claim(table: dict[str, Any], index: int, line: int | None, path: Path, text: str,
           corpus: Corpus, problems: list[Problem]) -> Claim | None:
    """The claim of the [[claim]] table at `line`, or None after reporting its problems."""
    claim_id = table.get("id")
    id_line = field_line(text, line, "id")
    label = claim_id if isinstance(claim_id, str) and claim_id else f"#{index} in file"
    before = len(problems)

    def problem(field: str | None, message: str) -> None:
        line = field_line(text, id_line, field) if field else id_line
        problems.append(Problem(file=str(path), line=line, claim=label, field=field,
                                message=message))

    for name in REQUIRED:
        if not isinstance(table.get(name), str) or not table[name].strip():
            problem(name, f"`{name}` is required and must be non-empty text")
    for name in sorted(set(table) - set(REQUIRED) - set(OPTIONAL)):
        problem(name, f"unknown field `{name}` (known: {', '.join(REQUIRED + OPTIONAL)})")
    if ("value" in table) == ("category" in table):
        problem("value", "give exactly one of `value` (a figure, a date or true/false) "
                "and `category` (a label)")
    if len(problems) > before:
        return None

    source = corpus.get(table["source"])
    if source is None:
        problem("source", f"unknown source {table['source']!r} (known: "
                f"{', '.join(sorted(corpus)) or 'none'})")
        return None

    quote = table["quote"]
    start = source.text.find(quote)
    if start < 0:
        best = fuzz.partial_ratio_alignment(quote, source.text)
        if best is None or best.score == 0:
            problem("quote", f"quote not found in source {source.id!r}, nor anything like it")
        else:
            closest = source.text[best.dest_start:best.dest_end]
            problem("quote", f"quote not found in source {source.id!r}; closest passage "
                    f"({best.score:.0f}% alike) at offset {best.dest_start}: {closest!r}")
        return None

    value = _value(table, source, quote, problem)
    about = None
    if "about" in table:
        try:
            about = parse_date_value(str(table["about"]))
        except ParseError as exc:
            problem("about", str(exc))
    stance = Stance.ASSERTED
    if "stance" in table:
        try:
            stance = Stance(table["stance"])
        except ValueError:
            problem("stance", f"stance {table['stance']!r} is not one of "
                    f"{', '.join(s.value for s in Stance)}")
    for name in ("object", "attributed_to", "accepted", "note", "measure"):
        if name in table and (not isinstance(table[name], str) or not table[name].strip()):
            problem(name, f"`{name}` must be non-empty text")
    qualifiers: dict[str, Any] = {}
    for name, kind in (("scope", Scope), ("modality", Modality)):
        if name in table:
            try:
                qualifiers[name] = kind(table[name])
            except ValueError:
                problem(name, f"{name} {table[name]!r} is not one of "
                        f"{', '.join(k.value for k in kind)}")
    since = table.get("since", False)
    if not isinstance(since, bool):
        problem("since", "`since` must be true or false")
    elif since and about is None and "about" not in table:
        problem("since", "`since = true` needs `about`: the date the value holds from")

    def rating_problem(key: str | None, message: str) -> None:
        problems.append(Problem(file=str(path), line=_rating_line(text, id_line, key),
                                claim=label, field=f"rating.{key}" if key else "rating",
                                message=message))

    rating = _rating(table["rating"], rating_problem) if "rating" in table else None
    if value is None or len(problems) > before:
        return None
    value_start = value_end = None
    if isinstance(table.get("value"), str) and table["value"] in quote:
        value_start = start + quote.index(table["value"])
        value_end = value_start + len(table["value"])
    return Claim(id=claim_id, subject=table["subject"], predicate=table["predicate"],
                 object=table.get("object"), value=value, about=about, since=since,
                 measure=table.get("measure"), accepted=table.get("accepted"),
                 note=table.get("note"), rating=rating, **qualifiers,
                 provenance=Provenance(source=source.id, start=start, end=start + len(quote),
                                       quote=quote, stance=stance,
                                       attributed_to=table.get("attributed_to"),
                                       value_start=value_start, value_end=value_end))


def _value(table: dict[str, Any], source: Any, quote: str, problem: Any) -> Value | None:
    if "category" in table:
        if not isinstance(table["category"], str) or not table["category"].strip():
            problem("category", "`category` must be non-empty text")
            return None
        return Categorical(table["category"])
    written = table["value"]
    if isinstance(written, bool):
        return Categorical(written)
    if not isinstance(written, str):
        problem("value", f"`value` must be the figure or date as the article writes it "
                f"(text) or true/false, got {written!r}")
        return None
    if written not in quote:
        problem("value", f"value {written!r} does not occur in the quote")
        return None
    try:
        mention = parse_value(written, source.language, source.published)
    except ParseError as exc:
        problem("value", f"unparseable value: {exc}")
        return None
    parsed = mention.value
    if "normalized" not in table:
        if parsed is None:
            problem("value", f"the date {written!r} depends on "
                    + ("an earlier date of the article" if mention.anchored
                       else "a publication date the source does not give")
                    + "; give its resolved value as `normalized` (e.g. \"2023\")")
        return parsed
    return _normalized(table["normalized"], parsed, mention.kind, problem)


def _normalized(raw: Any, parsed: Quantity | PartialDate | DateRange | None, kind: Kind,
                problem: Any) -> Value | None:
    """An editor's explicit value: a table of quantity fields, or a date text."""
    if kind is Kind.DATE:
        if not isinstance(raw, str):
            problem("normalized", "a date's `normalized` is text such as \"2025-01\"")
            return None
        try:
            return parse_date_value(raw)
        except ParseError as exc:
            problem("normalized", str(exc))
            return None
    if not isinstance(raw, dict):
        problem("normalized", "a figure's `normalized` is a table such as "
                "{ value = \"13000000000\", unit = \"USD\" }")
        return None
    assert isinstance(parsed, Quantity)
    unknown = sorted(set(raw) - set(QUANTITY_FIELDS))
    if unknown:
        problem("normalized", f"unknown key(s) {', '.join(unknown)} "
                f"(known: {', '.join(QUANTITY_FIELDS)})")
        return None
    fields: dict[str, Any] = attrs.asdict(parsed, recurse=False)
    for key, given in raw.items():
        if key in ("value", "low", "high"):
            if isinstance(given, float) or isinstance(given, bool):
                problem("normalized", f"{key} must be an integer or a decimal in quotes, "
                        f"got {given!r}")
                return None
            try:
                fields[key] = Decimal(str(given))
            except ArithmeticError:
                problem("normalized", f"{key} is not a number: {given!r}")
                return None
        elif key == "unit":
            if given is not None and not isinstance(given, str) or given == "":
                problem("normalized", f"unit must be text such as \"USD\", \"%\" or "
                        f"\"employees\", got {given!r}")
                return None
            fields[key] = given
        elif key == "approx":
            try:
                fields[key] = Approx(given)
            except ValueError:
                problem("normalized", f"approx {given!r} is not one of "
                        f"{', '.join(a.value for a in Approx)}")
                return None
        else:
            fields[key] = given
    try:
        return Quantity(**fields)
    except ModelError as exc:
        problem("normalized", str(exc))
        return None


def _rating(raw: Any, problem: Any) -> Rating | None:
    """An editor's verdict from a claim's `rating` table, or None after reporting why not."""
    if not isinstance(raw, dict):
        problem(None, "`rating` is a table: a [claim.rating] section or "
                "rating = { verdict = \"Faux\", date = \"2025-03-12\" }")
        return None
    reported = False

    def refuse(key: str | None, message: str) -> None:
        nonlocal reported
        reported = True
        problem(key, message)

    for key in sorted(set(raw) - set(RATING_FIELDS)):
        refuse(key, f"unknown rating field `{key}` (known: {', '.join(RATING_FIELDS)})")
    for key in ("verdict", "date"):
        if key not in raw:
            refuse(key, f"`rating.{key}` is required")
    for key in ("verdict", "claim_reviewed", "url"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            refuse(key, f"`rating.{key}` must be non-empty text, got {raw[key]!r}")
    if isinstance(raw.get("url"), str) and not raw["url"].startswith(("https://", "http://")):
        refuse("url", f"`rating.url` is the fact-check's web address (https://...), "
               f"got {raw['url']!r}")
    fields: dict[str, Any] = {k: v for k, v in raw.items() if k in RATING_FIELDS}
    if "date" in raw:
        fields["date"] = _rating_day(raw["date"], refuse)
    for key in ("value", "best", "worst"):
        if key in raw:
            fields[key] = _rating_number(key, raw[key], refuse)
    if reported:
        return None
    try:
        return Rating(**fields)
    except ModelError as exc:
        problem(None, str(exc))
        return None


def _rating_day(raw: Any, refuse: Any) -> PartialDate | None:
    """A rating's day from TOML: a bare date (2025-03-12) or ISO text ("2025-03-12")."""
    message = f"`rating.date` is the day the fact-check was published, such as 2025-03-12, " \
              f"got {raw!r}"
    if isinstance(raw, dt.datetime) or not isinstance(raw, (str, dt.date)):
        refuse("date", message)
        return None
    if isinstance(raw, dt.date):
        return PartialDate.from_date(raw)
    try:
        day = PartialDate.parse(raw)
    except ParseError as exc:
        refuse("date", f"{message}: {exc}")
        return None
    if day.day is None:
        refuse("date", message)
        return None
    return day


def _rating_number(key: str, raw: Any, refuse: Any) -> Decimal | None:
    """A rating's scale number: an integer or a decimal in quotes, never a float."""
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        refuse(key, f"`rating.{key}` must be an integer or a decimal in quotes (never a "
               f"float), got {raw!r}")
        return None
    try:
        number = Decimal(str(raw).strip())
    except ArithmeticError:
        refuse(key, f"`rating.{key}` is not a number: {raw!r}")
        return None
    if not number.is_finite():
        refuse(key, f"`rating.{key}` is not a finite number: {raw!r}")
        return None
    return number


_RATING_TABLE = re.compile(r"^\s*\[\s*claim\s*\.\s*rating\s*\]")
_RATING_INLINE = re.compile(r"^\s*rating\s*=")


def _rating_line(text: str, id_line: int | None, key: str | None) -> int | None:
    """The line of `key` in the claim's rating: in its [claim.rating] section, else the
    `rating = {...}` line (an inline table keeps its keys on that line)."""
    if id_line is None:
        return None
    lines = text.splitlines()
    start = id_line - 1
    while start > 0 and not lines[start].strip().startswith("[["):
        start -= 1
    for number in range(start + 1, len(lines)):
        if lines[number].strip().startswith("[["):
            break
        if _RATING_INLINE.match(lines[number]):
            return number + 1
        if _RATING_TABLE.match(lines[number]):
            return _key_in_section(lines, number, key)
    return id_line


def _key_in_section(lines: list[str], header: int, key: str | None) -> int:
    """The line of `key = ...` in the TOML section headed at index `header` (the header's
    own line when the key is absent or None)."""
    if key is not None:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(header + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            if pattern.match(lines[number]):
                return number + 1
    return header + 1
