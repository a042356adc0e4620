"""Hypothesis strategies that build arbitrary, valid model objects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from factcheck.model import (Approx, Categorical, Check, Claim, DateRange, Finding,
                             FindingKind, Mention, Modality, Origin, PartialDate, Provenance,
                             Quantity, Rating, Review, Scope, Source, Stance)

decimals = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"),
                       allow_nan=False, allow_infinity=False, places=3)
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@st.composite
def quantities(draw: st.DrawFn) -> Quantity:
    points = sorted(draw(st.lists(decimals, min_size=3, max_size=3)))
    low = draw(st.sampled_from([points[0], None]))
    high = draw(st.sampled_from([points[2], None]))
    value = draw(st.sampled_from([points[1], None]))
    unit = draw(st.sampled_from(["USD", "EUR", "%", "pp", "year", "GPU", None]))
    step = draw(st.one_of(st.none(), st.decimals(min_value=Decimal("0.001"),
                                                 max_value=Decimal("1e9"), places=3)))
    return Quantity(value=value, low=low, high=high, unit=unit, step=step,
                    approx=draw(st.sampled_from(list(Approx))))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    shape = draw(st.sampled_from(["year", "month", "day", "quarter", "half", "week",
                                  "season", "part"]))
    fields: dict[str, object] = {"year": day.year}
    if shape == "month":
        fields["month"] = day.month
    elif shape == "day":
        fields.update(month=day.month, day=day.day)
    elif shape == "quarter":
        fields["quarter"] = (day.month - 1) // 3 + 1
    elif shape == "half":
        fields["half"] = 1 if day.month <= 6 else 2
    elif shape == "week":
        iso = day.isocalendar()
        fields.update(year=iso.year, week=iso.week)
    elif shape == "season":
        fields["season"] = draw(st.sampled_from(["spring", "summer", "autumn", "winter"]))
    elif shape == "part":
        fields["part"] = draw(st.sampled_from(["early", "mid", "late"]))
    return PartialDate(**fields)  # type: ignore[arg-type]


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    first, second = draw(partial_dates()), draw(partial_dates())
    if first.start > second.end:
        first, second = second, first
    if first.start > second.end:  # overlapping shapes such as winter vs year: keep one
        second = first
    return DateRange(start=first, end=second, alternatives=draw(st.booleans()))


categoricals = st.builds(Categorical, st.one_of(st.booleans(), words))
values = st.one_of(quantities(), partial_dates(), date_ranges(), categoricals)


@st.composite
def provenances(draw: st.DrawFn) -> Provenance:
    quote = draw(words)
    start = draw(st.integers(min_value=0, max_value=10_000))
    value_start = value_end = None
    if draw(st.booleans()):
        value_start = start + draw(st.integers(min_value=0, max_value=len(quote)))
        value_end = draw(st.integers(min_value=value_start, max_value=start + len(quote)))
    return Provenance(source=draw(words), start=start, end=start + len(quote), quote=quote,
                      stance=draw(st.sampled_from(list(Stance))),
                      attributed_to=draw(st.one_of(st.none(), words)),
                      location=draw(st.sampled_from(["text", "title"])),
                      value_start=value_start, value_end=value_end)


@st.composite
def ratings(draw: st.DrawFn) -> Rating:
    worst, value, best = sorted(draw(st.lists(decimals, min_size=3, max_size=3, unique=True)))
    scale = draw(st.sampled_from(["none", "value", "scale"]))
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
    return Rating(verdict=draw(words.filter(str.strip)), date=PartialDate.from_date(day),
                  value=None if scale == "none" else value,
                  best=best if scale == "scale" else None,
                  worst=worst if scale == "scale" else None,
                  claim_reviewed=draw(st.one_of(st.none(), words.filter(str.strip))),
                  url=draw(st.one_of(st.none(), st.just("https://factcheck.example/a"))))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    about = draw(st.one_of(st.none(), partial_dates(), date_ranges()))
    origin = draw(st.sampled_from(list(Origin)))
    return Claim(
        id=draw(words.filter(bool)), subject=draw(words), predicate=draw(words),
        value=draw(values), provenance=draw(provenances()),
        object=draw(st.one_of(st.none(), words)), about=about,
        accepted=draw(st.one_of(st.none(), words)), note=draw(st.one_of(st.none(), words)),
        scope=draw(st.one_of(st.none(), st.sampled_from(list(Scope)))),
        modality=draw(st.sampled_from(list(Modality))),
        measure=draw(st.one_of(st.none(), words)),
        since=about is not None and draw(st.booleans()),
        origin=origin, derivation=draw(st.one_of(st.none(), words)),
        rating=draw(st.one_of(st.none(), ratings())) if origin is Origin.LEDGER else None)

sources = st.builds(
    Source, id=words.filter(bool), text=words, language=st.sampled_from(["fr", "en"]),
    published=st.one_of(st.none(), partial_dates()), publisher=st.one_of(st.none(), words),
    url=st.one_of(st.none(), words), title=st.one_of(st.none(), words))


@st.composite
def mentions(draw: st.DrawFn) -> Mention:
    text = draw(words)
    start = draw(st.integers(min_value=0, max_value=1000))
    kind = draw(st.sampled_from(["money", "percent", "count", "duration", "date"]))
    value = draw(st.one_of(partial_dates(), date_ranges(), st.none()) if kind == "date"
                 else quantities())
    return Mention(kind=kind, start=start, end=start + len(text), text=text, value=value,
                   relative=draw(st.booleans()), anchored=draw(st.booleans()))


findings = st.builds(
    Finding, kind=st.sampled_from(list(FindingKind)), check=st.sampled_from(list(Check)),
    subject=words, predicate=words, object=st.one_of(st.none(), words),
    claims=st.lists(claims(), max_size=3), explanation=words,
    qualifiers=st.lists(words, max_size=2), disputed=st.lists(words, max_size=2),
    independent_sources=st.integers(min_value=0, max_value=50), hedged=st.booleans(),
    accepted=st.one_of(st.none(), words))

reviews = st.builds(Review, findings=st.lists(findings, max_size=2),
                    claims=st.lists(claims(), max_size=2),
                    unclassified=st.lists(claims(), max_size=2),
                    sources=st.lists(sources, max_size=2))

model_objects = st.one_of(values, provenances(), claims(), sources, mentions(), findings,
                          reviews, ratings())
