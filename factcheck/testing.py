"""Test helpers: assertions about claims, and the facts of a ledger as checkable units.

`assert_consistent` and `assert_corroborated` judge claims with the review's own comparison
(`compare.judge`) and fail with a message naming each source, the value as it wrote it and
its quote. `ledger_facts` splits a review into the facts it compares (one per fact key, as
`compare.group_claims` groups them, with the findings about each): the pytest plugin
(`factcheck.pytest_plugin`) makes one test of each.

The pytest plugin registers this module for assertion rewriting; do not import it from
`factcheck/__init__.py`, which would import it before the registration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from factcheck.compare import FactKey, derive_shares, group_claims, judge, key_qualifiers
from factcheck.errors import FactcheckError
from factcheck.model import DISAGREEMENTS, Claim, Finding, FindingKind, Review, Source
from factcheck.report.markdown import fact_title
from factcheck.wording import describe_source, value_phrase

ClaimsLike = Review | Mapping[str, Claim] | Iterable[Claim]
SourcesLike = Review | Mapping[str, Source] | Iterable[Source] | str | Path


class DisagreementError(FactcheckError):
    """The sources of a fact disagree: a conflict or a tension, with the evidence as text."""

    def __init__(self, message: str, findings: Sequence[Finding]):
        super().__init__(message)
        self.findings = tuple(findings)


@attrs.frozen(kw_only=True)
class Fact:
    """One fact a ledger states: its claims (ledger order) and the findings about it.

    `stale` holds the claims whose `accepted` note no disagreement turns on any more: the
    sources have come to agree, and the note should go.
    """

    subject: str
    predicate: str
    object: str | None
    qualifiers: tuple[str, ...] = attrs.field(converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(converter=tuple)
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=tuple)
    stale: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)

    @property
    def title(self) -> str:
        """"Microsoft · investment · OpenAI (total)", as reports title a fact."""
        return fact_title(self)  # type: ignore[arg-type]  # it reads only the names

    @property
    def disagreements(self) -> tuple[Finding, ...]:
        """Conflicts and tensions about this fact, accepted by an editor or not."""
        return tuple(f for f in self.findings if f.kind in DISAGREEMENTS)

    @property
    def verdict(self) -> str:
        """"disagreement", "accepted", "stale" (an accepted note the sources no longer
        justify) or "ok"."""
        if any(f.is_disagreement for f in self.findings):
            return "disagreement"
        if self.disagreements:
            return "accepted"
        return "stale" if self.stale else "ok"

    @property
    def expected_failure(self) -> str | None:
        """Why this fact is expected to fail (an editor accepted its disagreement), or None.

        A stale note still expects a failure: the check then passes unexpectedly, which a
        strict xfail turns into a failure telling the editor to remove the note.
        """
        verdict = self.verdict
        if verdict == "accepted":
            reasons = dict.fromkeys(f.accepted for f in self.disagreements if f.accepted)
            return "accepted by an editor: " + "; ".join(reasons)
        if verdict == "stale":
            notes = "; ".join(f"claim {c.id!r} says accepted = {c.accepted!r}"
                              for c in self.stale)
            return (f"{notes}, but its sources no longer disagree: remove the stale "
                    "`accepted` note")
        return None


def ledger_facts(result: Review) -> list[Fact]:
    """Every fact the claims of `result` state, in the order of their first claim, each with
    the findings about it: one per fact key, as the review grouped them.

    A derived claim (a whole implied by a share) joins the fact it is about; a fact that
    only derived claims state appears when a finding is about it, under the claims it is
    derived from.
    """
    sources = {s.id: s for s in result.sources}

    def published(claim: Claim):
        source = sources.get(claim.provenance.source)
        return source.published if source is not None else None

    order = {c.id: index for index, c in enumerate(result.claims)}
    by_provenance = {c.provenance: c for c in result.claims}
    groups = group_claims([*result.claims, *derive_shares(result.claims)], published)
    key_of = {c.id: key for key, members in groups.items() for c in members}
    owned: dict[FactKey, list[Finding]] = {key: [] for key in groups}
    for finding in result.findings:
        key = _owner(finding, key_of)
        if key is not None:
            owned[key].append(finding)
    turned_on = {claim_id for f in result.findings if f.kind in DISAGREEMENTS
                 for claim_id in f.disputed}
    facts = []
    for key, members in groups.items():
        stated = [c for c in members if c.id in order]
        if not stated and owned[key]:
            stated = list({id(c): c for m in members
                           if (c := by_provenance.get(m.provenance)) is not None}.values())
        if not stated:
            continue
        stated.sort(key=lambda c: order[c.id])
        facts.append(Fact(subject=key[0], predicate=key[1], object=key[2],
                          qualifiers=key_qualifiers(key), claims=stated, findings=owned[key],
                          stale=[c for c in members if c.id in order and c.accepted
                                 and c.id not in turned_on]))
    return sorted(facts, key=lambda fact: order[fact.claims[0].id])


def _owner(finding: Finding, key_of: Mapping[str, FactKey]) -> FactKey | None:
    """The fact a finding is about: the group of its claims that bears its names, else the
    group of the first claim it turns on, else of its first grouped claim."""
    keys = [key_of[c.id] for c in finding.claims if c.id in key_of]
    named = (finding.subject, finding.predicate, finding.object, finding.qualifiers)
    for key in keys:
        if (key[0], key[1], key[2], key_qualifiers(key)) == named:
            return key
    disputed = [key_of[i] for i in finding.disputed if i in key_of]
    return (disputed or keys or [None])[0]


# -- how a finding reads in a failure -------------------------------------------------------

def as_written(claim: Claim) -> str:
    """The value as the source wrote it («environ 14 milliards»), or what it means when the
    ledger gave it as true/false or a label."""
    if claim.derivation:
        return f"derived as {claim.derivation}"
    wording = claim.provenance.wording
    return f"«{wording}»" if wording else value_phrase(claim.value)


def describe_claim(claim: Claim, sources: Mapping[str, Source],
                   where: Mapping[str, str] | None = None) -> str:
    """One line: who says it, the value as written, the quote, and the claim's id and place."""
    p = claim.provenance
    who = describe_source(sources.get(p.source), p.source)
    place = f", {where[claim.id]}" if where and claim.id in where else ""
    return f"{who}: {as_written(claim)} in \"{p.quote}\" ({claim.id}{place})"


def describe_finding(finding: Finding, sources: Mapping[str, Source],
                     where: Mapping[str, str] | None = None) -> str:
    """The verdict and its explanation, then one line per source, then any editor's note."""
    lines = [f"{finding.kind.value}: {finding.explanation}"]
    lines += ["  " + describe_claim(c, sources, where) for c in finding.claims]
    if finding.accepted:
        lines.append(f"  accepted by an editor: {finding.accepted}")
    return "\n".join(lines)


def disagreement_error(fact: Fact, sources: Mapping[str, Source],
                       where: Mapping[str, str] | None = None) -> DisagreementError | None:
    """The error a fact's disagreements make (accepted or not), or None when there are none."""
    found = fact.disagreements
    if not found:
        return None
    lines = [f"{fact.title}: the sources disagree"]
    for finding in found:
        lines.append(describe_finding(finding, sources, where))
        if finding.is_disagreement and finding.disputed:
            lines.append("  once an editor has judged it, set accepted = \"reason\" on "
                         + " or ".join(finding.disputed))
    return DisagreementError("\n".join(lines), found)


# -- assertion helpers ----------------------------------------------------------------------

def assert_consistent(claims: ClaimsLike, sources: SourcesLike | None = None, *,
                      allow_accepted: bool = True) -> list[Finding]:
    """Fail unless no conflict or tension is found among `claims`; return every finding.

    `claims` are Claim objects, a Ledger or a Review (whose sources are then used);
    `sources` (a corpus, its folder, or Source objects) name publishers and dates and tell
    near-duplicates apart. A disagreement an editor accepted passes unless
    `allow_accepted=False`.
    """
    __tracebackhide__ = True
    found, source_map = _judged(claims, sources)
    bad = [f for f in found if f.kind in DISAGREEMENTS and not (allow_accepted and f.accepted)]
    if bad:
        raise AssertionError(
            f"{len(bad)} disagreement(s) among these claims:\n"
            + "\n".join(f"{fact_title(f)}: {describe_finding(f, source_map)}" for f in bad))
    return found


def assert_corroborated(claims: ClaimsLike, sources: SourcesLike | None = None, *,
                        independent: int = 2) -> Finding:
    """Fail unless `claims` state one fact and at least `independent` independent sources
    agree on it (near-duplicates count once); return the corroboration.

    On failure the message says which facts the claims state, or which source differs and
    why, or how many independent sources there are.
    """
    __tracebackhide__ = True
    listed, source_map = _claims_and_sources(claims, sources)
    if not listed:
        raise AssertionError("no claims to corroborate")
    facts = _facts_of(listed, source_map)
    if len(facts) != 1 or sum(len(m) for m in facts.values()) != len(listed):
        raise AssertionError(_not_one_fact(listed, facts, source_map))
    entity_kind = _entity_kind()
    found = judge(listed, source_map, entity_kind)
    disagreements = [f for f in found if f.kind in DISAGREEMENTS]
    if disagreements:
        raise AssertionError("\n".join(_differs(f, listed, source_map, entity_kind)
                                        for f in disagreements))
    updates = [f for f in found if f.kind is FindingKind.UPDATE]
    if updates:
        raise AssertionError("not corroborated: the value changes over time\n"
                             + describe_finding(updates[0], source_map))
    agreeing = [f for f in found if f.kind is FindingKind.CORROBORATION]
    covered = {c.id for f in agreeing for c in f.claims}
    alone = [c for c in listed if c.id not in covered]
    if not agreeing or alone:
        count = len({c.provenance.source for c in listed})
        why = ("only one source states it" if count == 1 else
               "no other source states it for the same time")
        raise AssertionError("not corroborated: " + why + "".join(
            "\n  " + describe_claim(c, source_map) for c in (alone or listed)))
    weakest = min(agreeing, key=lambda f: f.independent_sources)
    if weakest.independent_sources < independent:
        raise AssertionError(
            f"not corroborated: {weakest.independent_sources} independent source(s), "
            f"{independent} wanted\n" + describe_finding(weakest, source_map))
    return weakest


def _claims_and_sources(claims: ClaimsLike, sources: SourcesLike | None
                        ) -> tuple[list[Claim], dict[str, Source]]:
    from factcheck.review import source_map as read_sources  # the review's reading of a corpus

    if isinstance(claims, Review):
        sources = claims if sources is None else sources
        listed = list(claims.claims)
    elif isinstance(claims, Mapping):
        listed = list(claims.values())
    else:
        listed = list(claims)
    for claim in listed:
        if not isinstance(claim, Claim):
            raise FactcheckError(f"expected Claim objects, got {type(claim).__name__}")
    if isinstance(sources, Review):
        sources = sources.sources
    return listed, read_sources(sources) if sources is not None else {}


def _entity_kind() -> Callable[[str], str | None]:
    """What kind of entity a name is, from the bundled registry: as the review judges."""
    from factcheck.entities import load_entities

    registry = load_entities()
    return lambda name: registry[name].kind if name in registry else None


def _judged(claims: ClaimsLike, sources: SourcesLike | None
            ) -> tuple[list[Finding], dict[str, Source]]:
    listed, source_map = _claims_and_sources(claims, sources)
    return judge(listed, source_map, _entity_kind()), source_map


def _facts_of(claims: list[Claim], sources: Mapping[str, Source]
              ) -> dict[FactKey, list[Claim]]:
    def published(claim: Claim):
        source = sources.get(claim.provenance.source)
        return source.published if source is not None else None

    return group_claims(claims, published)


def _not_one_fact(claims: list[Claim], facts: Mapping[FactKey, list[Claim]],
                  sources: Mapping[str, Source]) -> str:
    grouped = {c.id for members in facts.values() for c in members}
    lines = [f"not corroborated: these claims state {len(facts)} facts, not one"]
    for key, members in facts.items():
        name = Fact(subject=key[0], predicate=key[1], object=key[2],
                    qualifiers=key_qualifiers(key), claims=members).title
        lines.append(f"  {name}: " + ", ".join(c.id for c in members))
    for claim in claims:
        if claim.id not in grouped:
            lines.append(f"  not comparable (a named part, or a tranche with no year): "
                         f"{describe_claim(claim, sources)}")
    return "\n".join(lines)


def _differs(finding: Finding, claims: list[Claim], sources: Mapping[str, Source],
             entity_kind: Callable[[str], str | None]) -> str:
    """Which source differs from the others and why: the disputed claim without which the
    rest agree, when there is exactly one; else the pair the verdict turns on."""
    disputed = [c for c in claims if c.id in finding.disputed]
    odd = [c for c in disputed
           if not any(f.kind in DISAGREEMENTS
                      for f in judge([o for o in claims if o is not c], sources, entity_kind))]
    if len(odd) == 1 and len(claims) > 2:
        claim = odd[0]
        who = describe_source(sources.get(claim.provenance.source), claim.provenance.source)
        head = f"not corroborated: {who} differs from the others with {as_written(claim)}"
    else:
        head = "not corroborated: " + " and ".join(
            f"{describe_source(sources.get(c.provenance.source), c.provenance.source)} "
            f"({as_written(c)})" for c in disputed) + " disagree"
    return head + "\n" + describe_finding(finding, sources)


__all__ = ["DisagreementError", "Fact", "as_written", "assert_consistent",
           "assert_corroborated", "describe_claim", "describe_finding", "disagreement_error",
           "ledger_facts"]
