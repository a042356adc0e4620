"""The claims ledger: hand-edited TOML files of sourced claims, verified against the sources.

Each `[[claim]]` table has a stable `id`, the `source` id, the verbatim `quote`, and either
`value` (the figure or date as the article writes it, parsed by the extraction engine, or
true/false) or `category` (a label such as "non-exclusive"). Optional: `subject`,
`predicate`, `object`, `about` (the time the claim is about), `stance`, `attributed_to`,
`normalized` (an explicit normalised value), `accepted` (why an editor accepts a known
disagreement) and `note`. Loading checks every claim and reports every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz

from factcheck._toml import field_line, line_of, read_toml
from factcheck.corpus import Corpus
from factcheck.errors import LedgerError, ModelError, ParseError, Problem
from factcheck.extract import parse_value
from factcheck.model import (Approx, Categorical, Claim, DateRange, Kind, Modality,
                             PartialDate, Provenance, Quantity, Scope, Stance, Value)

REQUIRED = ("id", "source", "quote", "subject", "predicate")
OPTIONAL = ("value", "category", "object", "about", "since", "scope", "modality", "measure",
            "stance", "attributed_to", "normalized", "accepted", "note")
QUANTITY_FIELDS = ("value", "low", "high", "unit", "approx")


@attrs.frozen
class Ledger(Mapping[str, Claim]):
    """Verified claims by id, in file order."""

    claims: dict[str, Claim]
    files: tuple[Path, ...]

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


def load_ledger(folder: str | Path, corpus: Corpus) -> Ledger:
    """Read and verify every claims/*.toml file; raise LedgerError listing every problem."""
    root = Path(folder)
    if not root.is_dir():
        raise LedgerError([Problem(file=str(root), message="no such claims folder")])
    files = tuple(sorted(root.glob("*.toml")))
    if not files:
        raise LedgerError([Problem(file=str(root), message="no .toml claim files in folder")])
    problems: list[Problem] = []
    claims: dict[str, Claim] = {}
    where: dict[str, str] = {}
    for path in files:
        raw, text, read_problems = read_toml(path)
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
        for index, table in enumerate(tables, start=1):
            if not isinstance(table, dict):
                problems.append(Problem(file=str(path), message=f"claim #{index} is not a "
                                        "[[claim]] table"))
                continue
            claim = _claim(table, index, path, text, corpus, problems)
            if claim is None:
                continue
            if claim.id in claims:
                problems.append(Problem(file=str(path), line=line_of(text, "id", claim.id),
                                        claim=claim.id, field="id",
                                        message=f"duplicate id: already used in {where[claim.id]}"))
                continue
            claims[claim.id] = claim
            where[claim.id] = f"{path}:{line_of(text, 'id', claim.id)}"
    if problems:
        raise LedgerError(problems)
    return Ledger(claims, files)


def _claim(table: dict[str, Any], index: int, path: Path, text: str, corpus: Corpus,
           problems: list[Problem]) -> Claim | None:
    claim_id = table.get("id")
    id_line = line_of(text, "id", claim_id) if isinstance(claim_id, str) else None
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
    if value is None or len(problems) > before:
        return None
    value_start = value_end = None
    if isinstance(table.get("value"), str) and table["value"] in quote:
        value_start = start + quote.index(table["value"])
        value_end = value_start + len(table["value"])
    return Claim(id=claim_id, subject=table["subject"], predicate=table["predicate"],
                 object=table.get("object"), value=value, about=about, since=since,
                 measure=table.get("measure"), accepted=table.get("accepted"),
                 note=table.get("note"), **qualifiers,
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
