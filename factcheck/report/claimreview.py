"""schema.org ClaimReview JSON-LD for the claims an editor has rated in the ledger.

A review finds disagreement, which is not a verdict: only a ledger claim's `rating` (an
editor's) becomes a ClaimReview; no finding ever does. Ledger claims that carry the very
same rating (same verdict, date and `claim_reviewed` text) are one fact-check of a claim
several articles repeat: one ClaimReview whose `appearance` lists every article.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.entities import EntityRegistry, load_entities
from factcheck.errors import FactcheckError
from factcheck.extract.records import json_number
from factcheck.model import Claim, Granularity, PartialDate, Rating, Review, Source
from factcheck.text import fold

CONTEXT = "https://schema.org"
# Granularities whose isoformat() is an ISO 8601 date (2025, 2025-03, 2025-03-12); the
# others (2025-Q1, 2023-late, ...) are our own notation and are left out of the markup.
_ISO_GRANULARITIES = frozenset({Granularity.YEAR, Granularity.MONTH, Granularity.DAY})
# Characters that could end or confuse a <script> element, as JSON escapes.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


def claim_reviews(result: Review, author_name: str | None = None,
                  author_url: str | None = None, *,
                  entities: EntityRegistry | None = None) -> list[dict[str, Any]]:
    """One ClaimReview object per rated claim (or group of claims sharing one rating).

    `author_name`/`author_url` name the organisation publishing the fact-checks (`author`
    is left out when no name is given); `entities` (default: the bundled registry) tells
    whether a claim's `attributed_to` is a person or an organisation.
    """
    if author_url is not None and author_name is None:
        raise FactcheckError("a ClaimReview author needs a name as well as a url")
    registry = entities if entities is not None else load_entities()
    sources = {s.id: s for s in result.sources}
    author = _organisation(author_name, author_url) if author_name is not None else None
    return [_claim_review(claims, sources, author, registry)
            for claims in _rated(_all_claims(result))]


def render_claimreview(result: Review, author_name: str | None = None,
                       author_url: str | None = None, *,
                       entities: EntityRegistry | None = None) -> str:
    """The ClaimReview objects as a JSON array (`[]` when no claim is rated)."""
    return json.dumps(claim_reviews(result, author_name, author_url, entities=entities),
                      ensure_ascii=False, indent=2) + "\n"


def jsonld_script(document: Any) -> str:
    """A `<script type="application/ld+json">` element holding `document`, safe in HTML.

    `<`, `>`, `&`, U+2028 and U+2029 are written as JSON escapes, so a quote holding
    `</script>` cannot end the element and `JSON.parse` still reads the original text.

    >>> jsonld_script({"q": "</script>"})
    '<script type="application/ld+json">\\n{\\n  "q": "\\\\u003c/script\\\\u003e"\\n}\\n</script>'
    """
    text = json.dumps(document, ensure_ascii=False, indent=2)
    escaped = "".join(_SCRIPT_ESCAPES.get(char, char) for char in text)
    return f'<script type="application/ld+json">\n{escaped}\n</script>'


def _all_claims(result: Review) -> list[Claim]:
    """Every claim of the review once, in order: compared claims, then those in findings."""
    seen: dict[str, Claim] = {}
    for claim in [*result.claims, *(c for f in result.findings for c in f.claims)]:
        seen.setdefault(claim.id, claim)
    return list(seen.values())


def _rated(claims: Iterable[Claim]) -> list[list[Claim]]:
    """Rated claims grouped by their rating, in order. Claims without `claim_reviewed` are
    each their own fact-check: their quotes differ, so nothing says they are one claim."""
    groups: dict[Rating | tuple[Rating, str], list[Claim]] = {}
    for claim in claims:
        if claim.rating is None:
            continue
        key = claim.rating if claim.rating.claim_reviewed is not None \
            else (claim.rating, claim.id)
        groups.setdefault(key, []).append(claim)
    return list(groups.values())


def _claim_review(claims: list[Claim], sources: Mapping[str, Source],
                  author: dict[str, Any] | None,
                  registry: EntityRegistry) -> dict[str, Any]:
    """The ClaimReview of claims sharing one rating; the earliest article comes first."""
    rating = claims[0].rating
    assert rating is not None
    ordered = sorted(claims, key=lambda c: _published_order(sources.get(c.provenance.source)))
    first = ordered[0]
    source = sources.get(first.provenance.source)
    appearances = [_appearance(c.provenance.source, sources.get(c.provenance.source))
                   for c in ordered]
    item: dict[str, Any] = {"@type": "Claim"}
    claimant = _claimant(first, source, registry)
    if claimant is not None:
        item["author"] = claimant
    published = _iso(source.published) if source is not None else None
    if published is not None:
        item["datePublished"] = published
    item["appearance"] = appearances
    item["firstAppearance"] = appearances[0]
    document: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    if rating.url is not None:
        document["url"] = rating.url
    document["claimReviewed"] = rating.claim_reviewed or first.provenance.quote
    document["datePublished"] = rating.date.isoformat()
    if author is not None:
        document["author"] = author
    document["reviewRating"] = _review_rating(rating)
    document["itemReviewed"] = item
    if source is not None:
        document["inLanguage"] = source.language
    return document


def _review_rating(rating: Rating) -> dict[str, Any]:
    """schema.org Rating: the verdict as `alternateName`, the scale when the editor gave one."""
    out: dict[str, Any] = {"@type": "Rating", "alternateName": rating.verdict}
    for key, number in (("ratingValue", rating.value), ("bestRating", rating.best),
                        ("worstRating", rating.worst)):
        if number is not None:
            out[key] = json_number(number)
    return out


def _claimant(claim: Claim, source: Source | None,
              registry: EntityRegistry) -> dict[str, Any] | None:
    """Who made the claim: whom the source attributes it to, else the source's publisher."""
    named = claim.provenance.attributed_to
    if named:
        entity_id = registry.by_alias.get(" ".join(fold(named).split()))
        if entity_id is None and named in registry:
            entity_id = named
        if entity_id is not None:
            kind = "Person" if registry[entity_id].kind == "person" else "Organization"
            return {"@type": kind, "name": entity_id}
        return {"@type": "Organization", "name": named}
    if source is not None and source.publisher:
        return _organisation(source.publisher, None)
    return None


def _appearance(source_id: str, source: Source | None) -> dict[str, Any]:
    """The article a claim appears in, as a schema.org CreativeWork."""
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if source is None:
        work["name"] = source_id
        return work
    if source.url:
        work["url"] = source.url
    if source.title:
        work["headline"] = source.title
    if source.publisher:
        work["publisher"] = _organisation(source.publisher, None)
    published = _iso(source.published)
    if published is not None:
        work["datePublished"] = published
    work["inLanguage"] = source.language
    return work


def _organisation(name: str, url: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Organization", "name": name}
    if url is not None:
        out["url"] = url
    return out


def _iso(date: PartialDate | None) -> str | None:
    """An ISO 8601 date (2025, 2025-03, 2025-03-12), or None for other precisions."""
    if date is None or date.granularity not in _ISO_GRANULARITIES:
        return None
    return date.isoformat()


def _published_order(source: Source | None) -> tuple[int, str]:
    """Sort key putting the earliest-published article first, undated ones last."""
    if source is None or source.published is None:
        return (1, "")
    return (0, source.published.start.isoformat())


__all__ = ["claim_reviews", "jsonld_script", "render_claimreview"]
