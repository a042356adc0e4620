"""Scoring extraction against hand annotations: precision, recall and F1 per kind.

Annotations are TOML: `[[document]]` tables with inline `text` (or documents taken from a
corpus folder by id) and `[[mention]]` tables naming the document, the mention's exact
`text` (and `occurrence` when it repeats), its `kind` and its expected value fields, as in
the `factcheck extract` JSON records. Any extractor that writes those records can be scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from factcheck._toml import read_toml
from factcheck.corpus import load_corpus
from factcheck.errors import Problem, ProblemsError

Record = Mapping[str, Any]
QUANTITY_FIELDS = ("value", "low", "high", "unit", "approx")
DATE_FIELDS = ("date_start", "date_end")
RELATIVE_TOLERANCE = Decimal("0.005")  # value-only scoring: within 0.5 %


@attrs.frozen
class Document:
    id: str
    text: str
    language: str
    published: str | None
    group: str | None = None  # the class of wording a document tests (`class` in the file)


@attrs.frozen
class Annotations:
    documents: dict[str, Document]
    gold: dict[str, list[dict[str, Any]]]  # document id -> expected records with start/end


@attrs.define
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_annotations(path: str | Path, corpus_folder: str | Path | None = None) -> Annotations:
    """Read an annotation file; documents not given inline come from `corpus_folder`."""
    path = Path(path)
    raw, _, problems = read_toml(path)
    if raw is None:
        raise ProblemsError(problems)
    documents = {d["id"]: Document(d["id"], d["text"], d.get("language", "en"),
                                   d.get("published"), d.get("class"))
                 for d in raw.get("document", [])}
    if corpus_folder is not None:
        for source in load_corpus(corpus_folder).values():
            published = source.published.isoformat() if source.published else None
            documents.setdefault(source.id, Document(source.id, source.text, source.language,
                                                     published))
    gold: dict[str, list[dict[str, Any]]] = {doc: [] for doc in documents}
    for index, entry in enumerate(raw.get("mention", []), start=1):
        missing = [key for key in ("document", "text", "kind") if key not in entry]
        if missing:
            problems.append(Problem(file=str(path), field=missing[0],
                                    message=f"mention #{index} has no `{missing[0]}`"))
            continue
        document = documents.get(entry["document"])
        if document is None:
            problems.append(Problem(file=str(path), message=f"mention #{index}: unknown "
                                    f"document {entry.get('document')!r}"))
            continue
        start = -1
        for _ in range(int(entry.get("occurrence", 1))):
            start = document.text.find(entry["text"], start + 1)
        if start < 0:
            problems.append(Problem(file=str(path), message=f"mention #{index}: "
                                    f"{entry['text']!r} not found in {document.id}"))
            continue
        record = {k: v for k, v in entry.items() if k not in ("document", "occurrence")}
        record.update(start=start, end=start + len(entry["text"]))
        gold[document.id].append(record)
    if problems:
        raise ProblemsError(problems)
    return Annotations(documents, gold)


def _number(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def strict_match(gold: Record, found: Record) -> bool:
    """Same kind and the same value, interval, unit, approximation and direction of change
    (or date bounds)."""
    if gold["kind"] != found["kind"]:
        return False
    if gold["kind"] == "date":
        return all(gold.get(f) == found.get(f) for f in DATE_FIELDS)
    return (all(_number(gold.get(f)) == _number(found.get(f)) for f in ("value", "low", "high"))
            and gold.get("unit") == found.get("unit") and gold.get("approx") == found.get("approx")
            and gold.get("change") == found.get("change"))


def value_match(gold: Record, found: Record) -> bool:
    """Same kind and a value within 0.5 % (dates: within the annotated period): a lenient
    score for extractors that give no interval, unit or approximation."""
    if gold["kind"] != found["kind"]:
        return False
    if gold["kind"] == "date":
        if not found.get("date_start") or not found.get("date_end"):
            return False
        low, high = dt.date.fromisoformat(gold["date_start"]), dt.date.fromisoformat(gold["date_end"])
        return (low <= dt.date.fromisoformat(found["date_start"])
                and dt.date.fromisoformat(found["date_end"]) <= high)
    expected = _number(gold.get("value"))
    if expected is None:
        expected = _number(gold.get("low"))
    got = _number(found.get("value"))
    if got is None:
        got = _number(found.get("low"))
    if expected is None or got is None:
        return expected == got
    return abs(got - expected) <= abs(expected) * RELATIVE_TOLERANCE


def score(annotations: Annotations, predictions: Mapping[str, Iterable[Record]],
          match: Callable[[Record, Record], bool] = strict_match) -> dict[str, Counts]:
    """Counts per kind: a prediction is right when it overlaps an annotated mention that
    `match` accepts; every other prediction is a false positive, every unmatched
    annotation a false negative."""
    counts: dict[str, Counts] = {}
    for document, gold in annotations.gold.items():
        found = list(predictions.get(document, []))
        used: set[int] = set()
        for expected in gold:
            hit = next((i for i, f in enumerate(found) if i not in used
                        and f["start"] < expected["end"] and expected["start"] < f["end"]
                        and match(expected, f)), None)
            kind_counts = counts.setdefault(expected["kind"], Counts())
            if hit is None:
                kind_counts.fn += 1
            else:
                used.add(hit)
                kind_counts.tp += 1
        for index, record in enumerate(found):
            if index not in used:
                counts.setdefault(record["kind"], Counts()).fp += 1
    return counts


def by_group(annotations: Annotations) -> dict[str, Annotations]:
    """The annotations of each class of wording (documents without one are left out)."""
    groups: dict[str, list[str]] = {}
    for document in annotations.documents.values():
        if document.group is not None:
            groups.setdefault(document.group, []).append(document.id)
    return {group: Annotations({d: annotations.documents[d] for d in ids},
                               {d: annotations.gold[d] for d in ids})
            for group, ids in sorted(groups.items())}


def pooled(counts: Mapping[str, Counts], kinds: Iterable[str]) -> Counts:
    """The sum of the counts of `kinds`."""
    total = Counts()
    for kind in kinds:
        part = counts.get(kind, Counts())
        total.tp, total.fp, total.fn = total.tp + part.tp, total.fp + part.fp, total.fn + part.fn
    return total
