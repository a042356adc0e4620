"""Grouping claims by the fact they state, and the verdict on each group.

Claims fall into groups by a hashable fact key (subject, predicate, object, scope,
modality, measure, dimension, and for tranches their year) in one pass over a dict, never
by comparing all pairs. Each group with two or more sources gets a verdict: numbers by the
intervals their digits and wording allow, dates by the periods they cover, categorical
states by value and validity. Derived checks add parts against their total and a share
against the amounts it relates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Any

import attrs

from factcheck.model import (DURATION_UNITS, Approx, Categorical, Check, Claim, DateRange,
                             Finding, FindingKind, Origin, PartialDate, Quantity, Scope, Source,
                             Stance, unit_kind)
from factcheck.neardup import NearDuplicates
from factcheck.vocabulary import Predicate, load_predicates, predicate as predicate_spec
from factcheck.wording import date_phrase, describe_source, value_phrase

DURATION_DAYS = {"year": Decimal("365.25"), "decade": Decimal("3652.5"),
                 "month": Decimal("30.4375"), "week": Decimal(7), "day": Decimal(1),
                 "hour": Decimal(1) / 24, "minute": Decimal(1) / 1440,
                 "second": Decimal(1) / 86400}
assert set(DURATION_DAYS) == DURATION_UNITS
SEVERITY = {FindingKind.CONFLICT: 0, FindingKind.TENSION: 1, FindingKind.GAP: 2,
            FindingKind.UPDATE: 3, FindingKind.CORROBORATION: 4, FindingKind.CONSISTENT: 5}
# An undated level (debt, headcount, a running total) is taken to be as of some time in the
# year before its article's publication.
IMPLICIT_DAYS = 365
# Two dates this close (days) whose wording is fuzzy ("fin 2023", "début 2024") are in
# tension rather than conflict.
FUZZY_DATE_DAYS = 31
HEDGED = {Stance.CONDITIONAL: "in the conditional", Stance.RUMOURED: "as a rumour",
          Stance.ATTRIBUTED: "attributing it to someone else"}

FactKey = tuple[Any, ...]
# Parts of a fact key too plain to name in a finding's qualifiers.
PLAIN = frozenset({None, "", "actual", "money", "date", "category"})


def dimension(claim: Claim, spec: Predicate | None = None) -> str:
    """What kind of value a claim states, for grouping: money, percent, points, duration,
    ratio, price, a counted noun, date or category; and a change's direction."""
    value = claim.value
    if isinstance(value, Quantity):
        kind = unit_kind(value.unit)
        if kind is None:  # "80 milliards": money where the predicate is about money
            spec = spec or predicate_spec(claim.predicate)
            kind = "money" if "money" in spec.kinds or not spec.kinds else "amount"
        elif kind == "noun":
            kind = f"count:{value.unit}"
        # a change ("en baisse de 3 %") is never the same fact as a level ("3 %")
        return f"{kind}:{value.change}" if value.change else kind
    if isinstance(value, (PartialDate, DateRange)):
        return "date"
    return "category"


def fact_key(claim: Claim, spec: Predicate | None = None,
             published: PartialDate | None = None) -> FactKey | None:
    """The key of the fact a claim states, or None when the claim cannot be compared (a
    named part, or a tranche whose year neither the claim nor its article gives).

    A tranche's key holds its year: the year of `about`, else of `published` (the date of
    the article that reports it) for predicates whose undated figures are the latest round.
    """
    spec = spec or predicate_spec(claim.predicate)
    period = None
    scope = scope_of(claim, spec)
    if scope is Scope.PART:
        return None
    if scope is Scope.TRANCHE and spec.nature == "flow":
        about = claim.about
        if about is None and spec.undated == "tranche":
            about = published
        if about is None:
            return None
        period = about.start.year if isinstance(about, DateRange) else about.year
    subject, obj = claim.subject, claim.object
    if spec.symmetric and obj is not None and obj < subject:
        subject, obj = obj, subject
    return (subject, claim.predicate, obj, scope.value if scope else None,
            claim.modality.value, claim.measure, dimension(claim, spec), period)


def scope_of(claim: Claim, spec: Predicate) -> Scope | None:
    """The claim's scope, or for a running total (a flow) the one its time implies: a
    figure for a stated year is a tranche, an undated one the total to date."""
    if claim.scope is not None or spec.nature != "flow":
        return claim.scope
    return Scope.TRANCHE if claim.about is not None else Scope(spec.undated)


def group_claims(claims: Iterable[Claim],
                 published: Callable[[Claim], PartialDate | None] | None = None
                 ) -> dict[FactKey, list[Claim]]:
    """Claims by fact key, in one pass; claims that cannot be compared are left out.
    `published` gives a claim's publication date, which dates an undated round."""
    groups: dict[FactKey, list[Claim]] = defaultdict(list)
    specs: dict[str, Predicate] = {}
    for claim in claims:
        spec = specs.get(claim.predicate)
        if spec is None:
            spec = specs[claim.predicate] = predicate_spec(claim.predicate)
        key = fact_key(claim, spec, published(claim) if published and spec.undated == "tranche"
                       and claim.about is None else None)
        if key is not None:
            groups[key].append(claim)
    return groups


@attrs.frozen
class Context:
    """What verdicts need besides the claims: sources (publisher, date, text) and what kind
    of entity each name is."""

    sources: Mapping[str, Source]
    entity_kind: Callable[[str], str | None]
    near_duplicates: NearDuplicates

    def published(self, claim: Claim) -> PartialDate | None:
        source = self.sources.get(claim.provenance.source)
        return source.published if source is not None else None

    def who(self, claim: Claim) -> str:
        return describe_source(self.sources.get(claim.provenance.source),
                               claim.provenance.source)


def judge(claims: Sequence[Claim], sources: Mapping[str, Source] | None = None,
          entity_kind: Callable[[str], str | None] | None = None) -> list[Finding]:
    """Every finding about `claims`: verdicts on each fact, then derived checks."""
    sources = sources or {}
    context = Context(sources, entity_kind or (lambda name: None), NearDuplicates(sources))
    derived = derive_shares(claims)
    everything = [*claims, *derived]
    return sort_findings([*judge_facts(everything, context), *check_parts(everything, context)])


def family(claim: Claim, published: PartialDate | None = None) -> tuple[Any, ...] | None:
    """What a claim's fact key begins with (subject, predicate, object), or None when it
    states no comparable fact: the claims that `judge_facts` must see together, since
    tranches meet their total across fact keys. `published` is its article's date."""
    spec = predicate_spec(claim.predicate)
    dated = published if spec.undated == "tranche" and claim.about is None else None
    key = fact_key(claim, spec, dated)
    return None if key is None else key[:3]


def judge_facts(claims: Sequence[Claim], context: Context) -> list[Finding]:
    """The verdicts on each fact the claims state, and tranches against their totals.
    Claims of different families (see `family`) may be judged apart: a cluster does so."""
    groups = group_claims(claims, context.published)
    findings: list[Finding] = []
    for key, members in groups.items():
        if len({c.provenance.source for c in members}) < 2:
            continue
        findings.extend(judge_group(key, members, context))
    findings.extend(check_tranches(groups, context))
    return findings


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in report order: by severity, then fact, then claims (a total order, so
    that any engine gives the same list)."""
    return sorted(findings, key=lambda f: (SEVERITY[f.kind], f.subject, f.predicate,
                                           f.object or "", f.qualifiers,
                                           [c.id for c in f.claims]))


# -- one group --------------------------------------------------------------------------

def judge_group(key: FactKey, claims: list[Claim], context: Context) -> list[Finding]:
    """The findings about one fact: one verdict per time slot, and an update across them."""
    spec = predicate_spec(claims[0].predicate)
    first = claims[0].value
    if isinstance(first, Categorical):
        return _judge_categorical(key, claims, spec, context)
    slots = _time_slots(claims, spec, context)
    findings: list[Finding] = []
    for slot in slots:
        if len({c.provenance.source for c in slot}) < 2:
            continue
        if isinstance(first, Quantity):
            findings.extend(_judge_numbers(key, slot, context))
        else:
            finding = _judge_dates(key, slot, context)
            if finding is not None:
                findings.append(finding)
    if len(slots) > 1:
        update = _update(key, slots, context)
        if update is not None:
            findings.append(update)
    return findings


def _span(value: PartialDate | DateRange) -> tuple[dt.date, dt.date]:
    if isinstance(value, DateRange):
        return value.start.start, value.end.end
    return value.start, value.end


def _claim_time(claim: Claim, context: Context, implicit: bool
                ) -> tuple[dt.date, dt.date] | None:
    if claim.about is not None:
        return _span(claim.about)
    if implicit:
        # an undated level is as of some time in the year up to its article's publication
        published = context.published(claim)
        if published is None:
            return None
        end = _span(published)[1]
        return end - dt.timedelta(days=IMPLICIT_DAYS), end
    return None


def _time_slots(claims: list[Claim], spec: Predicate, context: Context) -> list[list[Claim]]:
    """Claims about the same time, together; a fact that changes over time splits by time.

    Events and tranches (whose year is in their key) never split. For a level (debt,
    valuation, a running total) a claim that states no time is about some time in the year
    up to its publication, once some claim of the group states a time; a period's figure
    (revenue) that states none is compared only with other undated claims.
    """
    if spec.nature == "event" or isinstance(claims[0].value, (PartialDate, DateRange)) or \
            scope_of(claims[0], spec) is Scope.TRANCHE:  # a tranche's year is in its key
        return [claims]
    dated = [c for c in claims if c.about is not None]
    if not dated:
        return [claims]
    implicit = spec.nature in ("stock", "flow", "state")
    timed: list[tuple[tuple[dt.date, dt.date], Claim]] = []
    undated: list[Claim] = []
    for claim in claims:
        span = _claim_time(claim, context, implicit)
        if span is None:
            undated.append(claim)
        else:
            timed.append((span, claim))
    timed.sort(key=lambda item: (item[0][0], item[0][1], item[1].id))
    slots: list[list[Claim]] = []
    current: list[Claim] = []
    low = high = None
    for (start, end), claim in timed:
        if current and low is not None and high is not None and start <= high and end >= low:
            low, high = max(low, start), min(high, end)
            current.append(claim)
        else:
            if current:
                slots.append(current)
            current, low, high = [claim], start, end
    if current:
        slots.append(current)
    if undated:
        slots.append(undated)
    return slots


def _hedge_note(claims: Iterable[Claim], context: Context) -> tuple[bool, str]:
    notes = []
    for claim in claims:
        stance = claim.provenance.stance
        if stance in (Stance.CONDITIONAL, Stance.RUMOURED):
            notes.append(f"{context.who(claim)} reports it {HEDGED[stance]}")
    if not notes:
        return False, ""
    return True, " Hedged: " + "; ".join(notes) + "."


def key_qualifiers(key: FactKey) -> tuple[str, ...]:
    """The parts of a fact key a finding names as its qualifiers: scope, modality, measure,
    tranche year, never the plain defaults."""
    return tuple(str(q) for q in key[3:] if q not in PLAIN)


def _finding(kind: FindingKind, check: Check, key: FactKey, claims: Sequence[Claim],
             explanation: str, *, disputed: Sequence[Claim] = (), independent: int = 0,
             hedged: bool = False) -> Finding:
    accepted = next((c.accepted for c in disputed if c.accepted), None)
    subject, predicate, obj = key[0], key[1], key[2]
    qualifiers = key_qualifiers(key)
    return Finding(kind=kind, check=check, subject=subject, predicate=predicate, object=obj,
                   claims=sorted(claims, key=lambda c: (c.provenance.source, c.provenance.start,
                                                        c.id)),
                   explanation=explanation, qualifiers=qualifiers,
                   disputed=[c.id for c in disputed], independent_sources=independent,
                   hedged=hedged, accepted=accepted)


# -- numbers ------------------------------------------------------------------------------

def comparable_bounds(quantity: Quantity) -> tuple[Decimal | None, Decimal | None,
                                         Decimal | None, Decimal | None]:
    """Wording low and high, then rounding low and high, in comparable units (durations in
    days)."""
    round_low, round_high = quantity.rounding
    factor = DURATION_DAYS.get(quantity.unit) if quantity.unit else None
    if factor is None:
        return quantity.low, quantity.high, round_low, round_high
    return tuple(None if n is None else n * factor  # type: ignore[return-value]
                 for n in (quantity.low, quantity.high, round_low, round_high))


def _by_unit(claims: list[Claim]) -> list[list[Claim]]:
    """Claims split by currency (never compared across); an amount with no currency joins
    the one currency of its group, if there is just one."""
    units: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        assert isinstance(claim.value, Quantity)
        unit = claim.value.unit
        units[None if unit_kind(unit) == "duration" else unit].append(claim)
    stated = [u for u in units if u is not None]
    if len(stated) == 1 and None in units:
        units[stated[0]].extend(units.pop(None))
    return [members for members in units.values()]


def _judge_numbers(key: FactKey, claims: list[Claim], context: Context) -> list[Finding]:
    findings = []
    for members in _by_unit(claims):
        if len({c.provenance.source for c in members}) < 2:
            continue
        findings.append(_judge_number_slot(key, members, context))
    return findings


def _judge_number_slot(key: FactKey, claims: list[Claim], context: Context) -> Finding:
    """Conflict when no value satisfies every wording; tension when the wordings allow a
    common value but the digits' rounding does not; otherwise the sources agree."""
    high_low = low_high = top = bottom = None  # (bound, claim) of the extremes, one pass
    for claim in claims:
        quantity = claim.value
        assert isinstance(quantity, Quantity)
        low, high, round_low, round_high = comparable_bounds(quantity)
        if low is not None and (high_low is None or (low, quantity.low_open, claim.id) >
                                (high_low[0], high_low[1].value.low_open, high_low[1].id)):
            high_low = (low, claim)
        if high is not None and (low_high is None or (high, not quantity.high_open, claim.id) <
                                 (low_high[0], not low_high[1].value.high_open, low_high[1].id)):
            low_high = (high, claim)
        if round_low is not None and (top is None or (round_low, claim.id) > (top[0], top[1].id)):
            top = (round_low, claim, round_high)
        if round_high is not None and (bottom is None or
                                       (round_high, claim.id) < (bottom[0], bottom[1].id)):
            bottom = (round_high, claim, round_low)
    if high_low is not None and low_high is not None and high_low[1] is not low_high[1]:
        (low, first), (high, second) = high_low, low_high
        if low > high or (low == high and (first.value.low_open or second.value.high_open)):
            pair = [first, second]
            hedged, note = _hedge_note(pair, context)
            return _finding(FindingKind.CONFLICT, Check.NUMBER, key, claims,
                            f"No figure fits both: {_says(first, context)}, but "
                            f"{_says(second, context)}.{note}", disputed=pair, hedged=hedged)
    if top is not None and bottom is not None and top[1] is not bottom[1]:
        (top_low, first, top_high), (bottom_high, second, bottom_low) = top, bottom
        touching_points = top_low == bottom_high and top_low != top_high and \
            bottom_low != bottom_high
        if top_low > bottom_high or touching_points:
            pair = [first, second]
            hedged, note = _hedge_note(pair, context)
            return _finding(FindingKind.TENSION, Check.NUMBER, key, claims,
                            f"The figures differ beyond their rounding, though the wording "
                            f"could allow both: {_says(first, context)}; "
                            f"{_says(second, context)}. An editor should look.{note}",
                            disputed=pair, hedged=hedged)
    return corroboration(key, claims, Check.NUMBER, context)


def _says(claim: Claim, context: Context) -> str:
    """"ChannelNews (2025-03-11) says «environ 14 milliards de dollars» (12.6–15.4 billion USD)"."""
    wording = claim.provenance.wording or claim.provenance.quote
    meaning = value_phrase(claim.value)
    derived = f", derived as {claim.derivation}" if claim.derivation else ""
    return f"{context.who(claim)} says «{wording}» ({meaning}{derived})"


def corroboration(key: FactKey, claims: list[Claim], check: Check, context: Context
                  ) -> Finding:
    """Independent sources agree: the finding, near-duplicate sources counting once."""
    sources = sorted({c.provenance.source for c in claims})
    clusters = context.near_duplicates.clusters(sources, claims)
    independent = len(clusters)
    names = ", ".join(context.who(c) for c in _one_per_source(claims))
    repeated = [cluster for cluster in clusters if len(cluster) > 1]
    note = ""
    if repeated:
        note = " " + "; ".join(
            " and ".join(describe_source(context.sources.get(s), s) for s in cluster)
            + " are near-duplicates (one story republished) and count once"
            for cluster in repeated) + "."
    return _finding(FindingKind.CORROBORATION, check, key, claims,
                    f"{len(sources)} sources agree ({names}); {independent} independent."
                    + note, independent=independent)


def _one_per_source(claims: Iterable[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.provenance.source, claim)
    return [seen[s] for s in sorted(seen)]


def _update(key: FactKey, slots: list[list[Claim]], context: Context) -> Finding | None:
    """A timeline when the value differs from one time to the next."""
    timeline = [slot for slot in slots if any(c.about is not None for c in slot)
                or context.published(slot[0]) is not None]
    values = {c.value for slot in timeline for c in slot}
    if len(timeline) < 2 or len(values) < 2:
        return None
    every = [c for slot in timeline for c in slot]
    if len({c.provenance.source for c in every}) < 2:
        return None
    steps = []
    for slot in timeline:
        claim = slot[0]
        when = claim.about if claim.about is not None else context.published(claim)
        steps.append(f"{date_phrase(when) if when else 'undated'}: {_says(claim, context)}")
    return _finding(FindingKind.UPDATE, _check_of(every[0]), key, every,
                    "A value that changes over time, not a contradiction: "
                    + "; then ".join(steps) + ".")


def _check_of(claim: Claim) -> Check:
    if isinstance(claim.value, Quantity):
        return Check.NUMBER
    if isinstance(claim.value, Categorical):
        return Check.CATEGORY
    return Check.DATE


# -- dates --------------------------------------------------------------------------------

def date_candidates(value: PartialDate | DateRange) -> list[tuple[dt.date, dt.date]]:
    """The periods a date may be: one, or each resolution a coarse publication date leaves
    open ("janvier dernier" in 2025: January 2024 or January 2025)."""
    if isinstance(value, DateRange) and value.alternatives:
        first, last = value.start, value.end
        shape = attrs.asdict(first, recurse=False)
        if {k: v for k, v in shape.items() if k != "year"} == \
                {k: v for k, v in attrs.asdict(last, recurse=False).items() if k != "year"}:
            return [_span(PartialDate(**{**shape, "year": year}))
                    for year in range(first.year, last.year + 1)
                    if _valid_year(shape, year)]
    return [_span(value)]


def _valid_year(shape: dict[str, Any], year: int) -> bool:
    try:
        PartialDate(**{**shape, "year": year})
    except ValueError:
        return False
    return True


def _judge_dates(key: FactKey, claims: list[Claim], context: Context) -> Finding | None:
    options: list[tuple[dt.date, dt.date]] | None = None
    for claim in claims:
        assert isinstance(claim.value, (PartialDate, DateRange))
        mine = date_candidates(claim.value)
        options = mine if options is None else [
            (max(a[0], b[0]), min(a[1], b[1])) for a in options for b in mine
            if max(a[0], b[0]) <= min(a[1], b[1])]
        if not options:
            break
    if options:
        return corroboration(key, claims, Check.DATE, context)
    first, second = _disjoint_pair(claims)
    pair = [first, second]
    hedged, note = _hedge_note(pair, context)
    gap = _gap_days(first, second)
    fuzzy = any(_fuzzy(c.value) for c in pair) and gap <= FUZZY_DATE_DAYS  # type: ignore[arg-type]
    repeatable = _repeatable(key, context)
    if fuzzy or repeatable:
        why = ("the wording is approximate and the periods nearly touch" if fuzzy else
               "the same parties may have done this more than once")
        return _finding(FindingKind.TENSION, Check.DATE, key, claims,
                        f"The dates differ: {_says(first, context)}; {_says(second, context)}. "
                        f"Not a sure conflict: {why}.{note}", disputed=pair, hedged=hedged)
    return _finding(FindingKind.CONFLICT, Check.DATE, key, claims,
                    f"The dates cannot both be right: {_says(first, context)}, but "
                    f"{_says(second, context)}.{note}", disputed=pair, hedged=hedged)


def _disjoint_pair(claims: list[Claim]) -> tuple[Claim, Claim]:
    """Two claims whose dates share no day: the latest start against the earliest end."""
    def bounds(claim: Claim) -> tuple[dt.date, dt.date]:
        spans = date_candidates(claim.value)  # type: ignore[arg-type]
        return min(s for s, _ in spans), max(e for _, e in spans)

    late = max(claims, key=lambda c: (bounds(c)[0], c.id))
    early = min(claims, key=lambda c: (bounds(c)[1], c.id))
    if late is not early and bounds(late)[0] > bounds(early)[1]:
        return early, late
    for index, first in enumerate(claims):  # alternatives: find a pair that cannot meet
        for second in claims[index + 1:]:
            if not any(max(a[0], b[0]) <= min(a[1], b[1])
                       for a in date_candidates(first.value)  # type: ignore[arg-type]
                       for b in date_candidates(second.value)):  # type: ignore[arg-type]
                return first, second
    return early, late


def _gap_days(first: Claim, second: Claim) -> int:
    a, b = _span(first.value), _span(second.value)  # type: ignore[arg-type]
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


def _fuzzy(value: PartialDate | DateRange) -> bool:
    return isinstance(value, PartialDate) and (value.part is not None or value.season is not None)


def _repeatable(key: FactKey, context: Context) -> bool:
    """An event between two parties (a lawsuit, a deal between companies) can happen more
    than once; one about a named project or product happens once."""
    obj = key[2]
    return obj is not None and context.entity_kind(obj) in ("company", "person", "organisation")


# -- categorical states ---------------------------------------------------------------------

def _judge_categorical(key: FactKey, claims: list[Claim], spec: Predicate, context: Context
                       ) -> list[Finding]:
    if spec.nature != "state":
        values = {c.value for c in claims}
        if len(values) == 1:
            return [corroboration(key, claims, Check.CATEGORY, context)]
        first = claims[0]
        second = next(c for c in claims if c.value != first.value)
        pair = [first, second]
        hedged, note = _hedge_note(pair, context)
        return [_finding(FindingKind.CONFLICT, Check.CATEGORY, key, claims,
                         f"The sources disagree: {_says(first, context)}, but "
                         f"{_says(second, context)}.{note}", disputed=pair, hedged=hedged)]
    return [_judge_state(key, claims, context)]


def _state_time(claim: Claim, context: Context) -> tuple[dt.date, dt.date] | None:
    when = claim.about if claim.about is not None else context.published(claim)
    return _span(when) if when is not None else None


def _judge_state(key: FactKey, claims: list[Claim], context: Context) -> Finding:
    """A state (exclusivity, who is CEO) by value and validity: a change ("n'est plus ...
    depuis janvier") holds from its date on; a plain statement holds at its time."""
    changes = sorted((c for c in claims if c.since and c.about is not None),
                     key=lambda c: (_span(c.about)[0], c.id))  # type: ignore[arg-type]
    points = [c for c in claims if not c.since]
    for point in points:
        when = _state_time(point, context)
        if when is None:
            continue
        in_force = [c for c in changes if _span(c.about)[0] <= when[0]]  # type: ignore[arg-type]
        if in_force and in_force[-1].value != point.value:
            change = in_force[-1]
            pair = [change, point]
            hedged, note = _hedge_note(pair, context)
            return _finding(FindingKind.CONFLICT, Check.CATEGORY, key, claims,
                            f"{_says(change, context)}: a change from "
                            f"{date_phrase(change.about)} on; yet {_says(point, context)}, "  # type: ignore[arg-type]
                            f"as of {_when(point, context)}.{note}", disputed=pair,
                            hedged=hedged)
    timed = sorted(((when, c) for c in points if (when := _state_time(c, context)) is not None),
                   key=lambda item: (item[0][0], item[1].id))
    for index, (when, first) in enumerate(timed):
        for other_when, second in timed[index + 1:]:
            if second.value == first.value:
                continue
            pair = [first, second]
            hedged, note = _hedge_note(pair, context)
            if other_when[0] <= when[1]:
                return _finding(FindingKind.CONFLICT, Check.CATEGORY, key, claims,
                                f"At the same time, {_says(first, context)}, but "
                                f"{_says(second, context)}.{note}", disputed=pair,
                                hedged=hedged)
            explained = any(when[0] <= _span(c.about)[0] <= other_when[1]  # type: ignore[arg-type]
                            and c.value == second.value for c in changes)
            if explained:
                continue
            return _finding(FindingKind.TENSION, Check.CATEGORY, key, claims,
                            f"{_says(first, context)} as of {_when(first, context)}, but "
                            f"{_says(second, context)} as of {_when(second, context)}, and no "
                            f"source reports a change in between.{note}", disputed=pair,
                            hedged=hedged)
    if len({str(c.value) for c in claims}) > 1:
        update = _update(key, [[c] for c in sorted(
            claims, key=lambda c: (_state_time(c, context) or (dt.date.min,))[0])], context)
        if update is not None:
            return update
    return corroboration(key, claims, Check.CATEGORY, context)


def _when(claim: Claim, context: Context) -> str:
    when = claim.about if claim.about is not None else context.published(claim)
    return date_phrase(when) if when is not None else "an unknown date"


# -- derived checks -------------------------------------------------------------------------

def derive_shares(claims: Sequence[Claim]) -> list[Claim]:
    """Whole figures implied by a share and the amount it equals: "62 % de son chiffre
    d'affaires, soit 1,9 milliard" implies a revenue of 1.9 / 0.62, about 3.06 billion."""
    sharing = {name for name, spec in load_predicates().items() if spec.share_of}
    shares = [c for c in claims if c.predicate in sharing and isinstance(c.value, Quantity)
              and c.value.unit == "%"]
    if not shares:
        return []
    wholes = {predicate_spec(c.predicate).share_of for c in shares}
    sources = {c.provenance.source for c in shares}
    amounts: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.predicate in wholes and claim.provenance.source in sources and \
                isinstance(claim.value, Quantity) and claim.value.unit != "%":
            amounts[(claim.provenance.source, claim.predicate, claim.subject, claim.object,
                     str(claim.about))].append(claim)
    derived = []
    for share in shares:
        whole = predicate_spec(share.predicate).share_of
        assert whole is not None
        matches = amounts.get((share.provenance.source, whole, share.subject, share.object,
                               str(share.about)), [])
        near = [a for a in matches if _close(share, a)]
        if near:
            made = _whole_from_share(share, near[0], whole)
            if made is not None:
                derived.append(made)
    return derived


def _close(share: Claim, amount: Claim) -> bool:
    a, b = share.provenance, amount.provenance
    if a.value_end is None or b.value_start is None:
        return a.start < b.end and b.start < a.end
    return 0 <= b.value_start - a.value_end <= 160


def _whole_from_share(share: Claim, amount: Claim, whole: str) -> Claim | None:
    percent, money = share.value, amount.value
    assert isinstance(percent, Quantity) and isinstance(money, Quantity)
    p_low, p_high = percent.rounding
    a_low, a_high = money.rounding
    if None in (p_low, p_high, a_low, a_high) or not p_low or percent.value is None \
            or money.value is None:
        return None
    hundred = Decimal(100)
    value = (money.value * hundred / percent.value)
    low = a_low * hundred / p_high  # type: ignore[operator]
    high = a_high * hundred / p_low  # type: ignore[operator]
    quantity = Quantity(value=_round3(value), low=_round3(low, ROUND_FLOOR),
                        high=_round3(high, ROUND_CEILING), unit=money.unit, approx=Approx.ABOUT)
    provenance = share.provenance if _covers(share, amount) else amount.provenance
    return Claim(id=f"{share.id}+{amount.id}:{whole}", subject=share.subject, predicate=whole,
                 object=None, value=quantity, about=share.about, provenance=provenance,
                 modality=share.modality, origin=Origin.DERIVED,
                 derivation=f"«{amount.provenance.wording or money.value}» ÷ "
                            f"«{share.provenance.wording or percent.value}»")


def _covers(share: Claim, amount: Claim) -> bool:
    p = share.provenance
    return amount.provenance.value_end is not None and p.start <= (
        amount.provenance.value_start or 0) and (amount.provenance.value_end or 0) <= p.end


def _round3(number: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """Three significant digits: a derived figure claims no more precision than that.

    >>> _round3(Decimal("3064516129.03"))
    Decimal('3060000000')
    """
    if not number:
        return number
    exponent = number.adjusted() - 2
    rounded = number.quantize(Decimal(1).scaleb(exponent), rounding=rounding)
    return rounded.quantize(Decimal(1)) if exponent >= 0 else rounded


def _consensus(claims: list[Claim]) -> tuple[Decimal, Decimal] | None:
    """The interval every claim of an agreeing group allows, or None if they disagree."""
    bounds = [comparable_bounds(c.value) for c in claims]  # type: ignore[arg-type]
    lows = [b[0] for b in bounds if b[0] is not None]
    highs = [b[1] for b in bounds if b[1] is not None]
    if not lows or not highs:
        return None
    low, high = max(lows), min(highs)
    return (low, high) if low <= high else None


def check_tranches(groups: Mapping[FactKey, list[Claim]], context: Context) -> list[Finding]:
    """Tranches of a running total (by year) against the stated total: less is a gap (other
    tranches may go unreported), more a tension (the total may cover less)."""
    families: dict[tuple[Any, ...], dict[str, list[tuple[FactKey, list[Claim]]]]] = \
        defaultdict(lambda: {"total": [], "tranche": []})
    for key, members in groups.items():
        scope = key[3]
        if scope in ("total", "tranche") and isinstance(members[0].value, Quantity):
            families[(key[0], key[1], key[2], key[4], key[5], key[6])][scope].append(
                (key, members))
    findings = []
    for family, kinds in families.items():
        tranches, totals = kinds["tranche"], kinds["total"]
        if len(tranches) < 2 or not totals:
            continue
        sums = [_consensus(members) for _, members in tranches]
        if any(s is None for s in sums):
            continue
        low = sum(s[0] for s in sums if s)
        high = sum(s[1] for s in sums if s)
        parts = [c for _, members in tranches for c in members]
        for key, members in totals:
            total = _consensus(members)
            if total is None:
                continue
            every = parts + members
            listing = "; ".join(_says(c, context) for c in _one_per_tranche(tranches))
            stated = "; ".join(_says(c, context) for c in _one_per_source(members))
            if low > total[1]:
                # not a sure conflict: a "total since October" or a total of equity alone
                # may leave out tranches the other sources count
                findings.append(_finding(
                    FindingKind.TENSION, Check.PARTS, key, every,
                    f"The tranches add up to more than the stated total: {listing}; "
                    f"against {stated}. An editor should look: the total may cover a "
                    f"shorter period or one kind of funding only.",
                    disputed=[parts[0], members[0]]))
            elif high < total[0]:
                findings.append(_finding(
                    FindingKind.GAP, Check.PARTS, key, every,
                    f"The tranches reported add up to less than the stated total (other "
                    f"tranches may be unreported): {listing}; against {stated}."))
            else:
                findings.append(_finding(
                    FindingKind.CONSISTENT, Check.PARTS, key, every,
                    f"The tranches account for the stated total: {listing}; against {stated}."))
    return findings


def _one_per_tranche(tranches: list[tuple[FactKey, list[Claim]]]) -> list[Claim]:
    return [members[0] for _, members in sorted(tranches, key=lambda item: str(item[0][7]))]


def check_parts(claims: Sequence[Claim], context: Context) -> list[Finding]:
    """Parts named in one sentence ("22,4 milliards, dont 11,9, 4 et 6,5 milliards") against
    the total before them."""
    def sentence(claim: Claim) -> tuple[str, str, int]:
        p = claim.provenance
        return p.source, p.location, p.start

    with_parts = {sentence(c) for c in claims if c.scope is Scope.PART}
    if not with_parts:
        return []
    by_sentence: dict[tuple[str, str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, Quantity) and claim.provenance.value_start is not None \
                and sentence(claim) in with_parts:
            by_sentence[sentence(claim)].append(claim)
    findings = []
    for members in by_sentence.values():
        parts = [c for c in members if c.scope is Scope.PART]
        if len(parts) < 2:
            continue
        first_part = min(p.provenance.value_start or 0 for p in parts)
        totals = [c for c in members if c.scope is not Scope.PART
                  and (c.provenance.value_end or 0) <= first_part
                  and c.predicate == parts[0].predicate and c.subject == parts[0].subject]
        if not totals:
            continue
        total = totals[-1]
        sums = [_consensus([p]) for p in parts]
        stated = _consensus([total])
        if stated is None or any(s is None for s in sums):
            continue
        low = sum(s[0] for s in sums if s)
        high = sum(s[1] for s in sums if s)
        key = fact_key(total) or (total.subject, total.predicate, total.object)
        listing = " + ".join(f"«{p.provenance.wording}»" for p in parts)
        every = [total, *parts]
        base = f"{context.who(total)}: {listing} against «{total.provenance.wording}»"
        if low > stated[1]:
            findings.append(_finding(FindingKind.CONFLICT, Check.PARTS, key, every,
                                     f"The parts add up to more than their total. {base}.",
                                     disputed=[total, parts[0]]))
        elif high < stated[0]:
            continue  # "dont" names some parts, rarely all: less than the total says nothing
        else:
            findings.append(_finding(FindingKind.CONSISTENT, Check.PARTS, key, every,
                                     f"The parts add up to their total. {base}."))
    return findings


__all__ = ["Context", "FactKey", "check_parts", "check_tranches", "derive_shares",
           "dimension", "fact_key", "group_claims", "judge", "judge_group", "scope_of"]
