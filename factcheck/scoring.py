"""Scoring a review against an annotation of the findings it must, and must not, report.

An annotation (TOML) lists `[[finding]]` tables (a kind and the claims the finding rests
on, each a source id and the exact words of the article) and `[[not_flagged]]` pairs that a
review must not call a conflict or a tension. A produced finding matches an expected one
when it is of the same class (a disagreement is a conflict or a tension) and holds, for
each expected claim, a claim of the same source whose words overlap it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from factcheck._toml import read_toml
from factcheck.errors import Problem, ProblemsError
from factcheck.model import Claim, Finding, Review, Source

CLASSES = {"conflict": "disagreement", "tension": "disagreement",
           "corroboration": "corroboration", "update": "update", "gap": "parts",
           "consistent": "parts"}


@attrs.frozen
class ExpectedClaim:
    source: str
    start: int
    end: int
    words: str


@attrs.frozen
class Expected:
    id: str
    kind: str
    claims: tuple[ExpectedClaim, ...]
    curated_only: bool = False
    independent_sources: int | None = None

    @property
    def cls(self) -> str:
        return CLASSES[self.kind]


@attrs.frozen
class ReviewAnnotation:
    findings: tuple[Expected, ...]
    not_flagged: tuple[Expected, ...]


def load_review_annotation(path: str | Path, sources: Mapping[str, Source]) -> ReviewAnnotation:
    """Read an annotation and locate every claim's words in its article."""
    path = Path(path)
    raw, _, problems = read_toml(path)
    if raw is None:
        raise ProblemsError(problems)
    findings, not_flagged = [], []
    for table_name, into in (("finding", findings), ("not_flagged", not_flagged)):
        tables = raw.get(table_name, [])
        for index, table in enumerate(tables if isinstance(tables, list) else [tables], 1):
            if not isinstance(table, dict) or not isinstance(table.get("claims", []), list):
                problems.append(Problem(file=str(path), message=f"{table_name} #{index} is not "
                                        "a table with a list of claims"))
                continue
            label = f"{table_name} {table.get('id')!r}"
            kind = table.get("kind", "conflict")
            if kind not in CLASSES:
                problems.append(Problem(file=str(path), message=f"{label}: unknown kind {kind!r}"))
                continue
            claims = []
            for item in table.get("claims", []):
                located = _locate(item, sources)
                if isinstance(located, str):
                    problems.append(Problem(file=str(path), message=f"{label}: {located}"))
                else:
                    claims.append(located)
            into.append(Expected(id=str(table.get("id")), kind=kind, claims=tuple(claims),
                                 curated_only=bool(table.get("curated_only", False)),
                                 independent_sources=table.get("independent_sources")))
    if problems:
        raise ProblemsError(problems)
    return ReviewAnnotation(tuple(findings), tuple(not_flagged))


def _locate(item: Any, sources: Mapping[str, Source]) -> ExpectedClaim | str:
    if not isinstance(item, dict) or not isinstance(item.get("value"), str) \
            or not item["value"] or not isinstance(item.get("occurrence", 1), int):
        return f"a claim must be {{ source = \"...\", value = \"...\" }}, got {item!r}"
    source = sources.get(item.get("source", ""))
    words = item["value"]
    if source is None:
        return f"unknown source {item.get('source')!r}"
    occurrence = item.get("occurrence", 1)
    start = -1
    for _ in range(occurrence):
        start = source.text.find(words, start + 1)
        if start < 0:
            return f"{words!r} is not in {source.id} (occurrence {occurrence})"
    return ExpectedClaim(source.id, start, start + len(words), words)


def _covers(claim: Claim, expected: ExpectedClaim) -> bool:
    p = claim.provenance
    if p.source != expected.source or p.location != "text":
        return False
    start = p.value_start if p.value_start is not None else p.start
    end = p.value_end if p.value_end is not None else p.end
    return start < expected.end and expected.start < end


def _turned_on(finding: Finding) -> list[Claim]:
    """The claims a disagreement turns on (all its claims when it names none)."""
    disputed = [c for c in finding.claims if c.id in finding.disputed]
    return disputed or list(finding.claims)


def matches(finding: Finding, expected: Expected) -> bool:
    """Whether `finding` is the expected finding: same class, and every expected claim
    among its claims."""
    if CLASSES[finding.kind.value] != expected.cls:
        return False
    return all(any(_covers(c, e) for c in finding.claims) for e in expected.claims)


@attrs.frozen
class ClassScore:
    expected: int
    found: int  # expected findings that a produced finding matches
    produced: int
    correct: int  # produced findings that match an expected finding
    exact_kind: int  # found with exactly the expected kind (conflict vs tension)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.produced if self.produced else 1.0


@attrs.frozen
class ReviewScore:
    classes: dict[str, ClassScore]
    false_alarms: tuple[str, ...]  # not_flagged pairs a disagreement turns on
    missed: tuple[str, ...]  # expected findings not found
    unexpected: tuple[str, ...]  # explanations of produced findings matching nothing
    independence_right: int  # corroborations with the expected count of independent sources
    independence_checked: int


def score_review(result: Review, annotation: ReviewAnnotation, *, curated: bool
                 ) -> ReviewScore:
    """Precision and recall per class of finding, false alarms on the traps."""
    expected = [e for e in annotation.findings if curated or not e.curated_only]
    classes: dict[str, ClassScore] = {}
    missed: list[str] = []
    unexpected: list[str] = []
    right = checked = 0
    for cls in sorted(set(CLASSES.values())):
        wanted = [e for e in expected if e.cls == cls]
        produced = [f for f in result.findings if CLASSES[f.kind.value] == cls]
        found = exact = 0
        for item in wanted:
            hits = [f for f in produced if matches(f, item)]
            if hits:
                found += 1
                exact += any(f.kind.value == item.kind for f in hits)
                if item.independent_sources is not None:
                    checked += 1
                    right += any(f.independent_sources == item.independent_sources
                                 for f in hits)
            else:
                missed.append(item.id)
        correct = 0
        for finding in produced:
            if any(matches(finding, item) for item in wanted):
                correct += 1
            else:
                unexpected.append(f"{finding.kind.value}: {finding.subject} "
                                  f"{finding.predicate} {finding.object or ''}".strip())
        classes[cls] = ClassScore(len(wanted), found, len(produced), correct, exact)
    alarms = [trap.id for trap in annotation.not_flagged
              if any(f.kind.value in ("conflict", "tension")
                     and all(any(_covers(c, e) for c in _turned_on(f)) for e in trap.claims)
                     for f in result.findings)]
    return ReviewScore(classes, tuple(alarms), tuple(missed), tuple(unexpected), right, checked)


def pooled(scores: Iterable[ClassScore]) -> ClassScore:
    items = list(scores)
    return ClassScore(sum(s.expected for s in items), sum(s.found for s in items),
                      sum(s.produced for s in items), sum(s.correct for s in items),
                      sum(s.exact_kind for s in items))
