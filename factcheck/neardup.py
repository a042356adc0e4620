"""Near-duplicate sources: the same wire story republished or lightly rewritten counts as one
independent source. Compared with rapidfuzz on the sequence of their words, pair by pair
within a fact group (each pair once per review), never across the whole corpus."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from factcheck.model import Claim, Source
from factcheck.text import fold

# Word-sequence likeness (0-100) from which two texts are one story. Independent articles on
# the same story score about 10-20 (the seeds: 12-14); a republication with a new intro
# or a light rewrite scores well above 50.
SAME_STORY = 50.0
WORDS_COMPARED = 1500  # the head of an article is enough, and keeps each pair cheap
# Groups with more sources than this compare only sources that share a quote word for word.
SMALL_GROUP = 12


def story_words(text: str) -> list[str]:
    """What two sources are compared on: the head of their text as folded words."""
    return fold(text).split()[:WORDS_COMPARED]


def same_story(first: list[str], second: list[str]) -> bool:
    """Whether two texts' words (`story_words`) are one story republished or rewritten."""
    return bool(first and second) and fuzz.ratio(
        first, second, score_cutoff=SAME_STORY) >= SAME_STORY


class NearDuplicates:
    """Which sources of a review are the same story (each pair computed once). With `words`,
    the words of each source (`story_words`, joined by spaces) are given instead of read
    from its text: a cluster's judges hold claims and their sources' words, not articles."""

    def __init__(self, sources: Mapping[str, Source], words: Mapping[str, str] | None = None):
        self._sources = sources
        self._given = words or {}
        self._words: dict[str, list[str]] = {}
        self._pairs: dict[tuple[str, str], bool] = {}

    def _words_of(self, source_id: str) -> list[str] | None:
        if source_id not in self._words:
            if source_id in self._given:
                self._words[source_id] = self._given[source_id].split()
                return self._words[source_id]
            source = self._sources.get(source_id)
            if source is None or not source.text:
                return None
            self._words[source_id] = story_words(source.text)
        return self._words[source_id]

    def same_story(self, first: str, second: str) -> bool:
        """Whether two sources are one story republished or rewritten."""
        pair = (first, second) if first < second else (second, first)
        if pair not in self._pairs:
            a, b = self._words_of(pair[0]), self._words_of(pair[1])
            self._pairs[pair] = bool(a and b) and same_story(a, b)
        return self._pairs[pair]

    def clusters(self, source_ids: Sequence[str], claims: Iterable[Claim] = ()
                 ) -> list[list[str]]:
        """The sources grouped into independent stories (union of near-duplicate pairs)."""
        parent = {s: s for s in source_ids}

        def root(s: str) -> str:
            while parent[s] != s:
                parent[s] = parent[parent[s]]
                s = parent[s]
            return s

        for first, second in candidate_pairs(source_ids, claims):
            if self.same_story(first, second):
                parent[root(first)] = root(second)
        groups: dict[str, list[str]] = {}
        for s in source_ids:
            groups.setdefault(root(s), []).append(s)
        return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def candidate_pairs(source_ids: Sequence[str], claims: Iterable[Claim]
                    ) -> Iterable[tuple[str, str]]:
    """The pairs of sources a fact group compares: all of them in a small group, else those
    that share a quote word for word. Pairs come ordered (first < second) when the ids are."""
    if len(source_ids) <= SMALL_GROUP:
        for index, first in enumerate(source_ids):
            for second in source_ids[index + 1:]:
                yield first, second
        return
    by_quote: dict[str, set[str]] = {}
    for claim in claims:
        by_quote.setdefault(" ".join(fold(claim.provenance.quote).split()), set()).add(
            claim.provenance.source)
    seen: set[tuple[str, str]] = set()
    for sharing in by_quote.values():
        ordered = sorted(sharing)
        for index, first in enumerate(ordered):
            for second in ordered[index + 1:]:
                if (first, second) not in seen:
                    seen.add((first, second))
                    yield first, second
