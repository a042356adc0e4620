"""The claim vocabulary: predicates (data/predicates.toml) and the cue words of each language
(data/cues/fr.toml, en.toml), read once and compiled into phrase matchers."""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

import attrs

from factcheck.extract.grammar import trie
from factcheck.text import fold

NATURES = ("event", "flow", "stock", "period", "state")


@attrs.frozen(kw_only=True)
class Predicate:
    """What a claim can say of its subject, and how that fact behaves over time."""

    name: str
    label: str
    nature: str = attrs.field(validator=attrs.validators.in_(NATURES))
    kinds: frozenset[str]
    object: str = attrs.field(validator=attrs.validators.in_(("required", "optional", "none")))
    subject_kinds: tuple[str, ...] = ()
    object_kinds: tuple[str, ...] = ()
    share_of: str | None = None
    subject_after: bool = False  # the subject follows the cue ("Musk fonde OpenAI")
    symmetric: bool = False  # "A signs with B" states the same fact as "B signs with A"
    unit: str | None = None  # the counted noun of its counts ("employees")
    undated: str = "total"  # for a flow: what an undated figure is, "total" or "tranche"
    family: str | None = None  # "deal": one transaction, which a demonstrative can rename


# A predicate a ledger names but the vocabulary does not know: compared as a one-off fact.
def unknown_predicate(name: str) -> Predicate:
    return Predicate(name=name, label=name.replace("_", " "), nature="event",
                     kinds=frozenset(), object="optional")


@attrs.frozen
class PhraseMatch:
    """A cue found in folded text and the labels it carries."""

    start: int
    end: int
    labels: frozenset[str]


@attrs.frozen(eq=False)
class Phrases:
    """A set of labelled phrases compiled into one pattern on folded text.

    A phrase ending in * matches any word ending; labels say what the phrase signals.
    """

    pattern: re.Pattern[str]
    exact: dict[str, frozenset[str]]
    stems: dict[str, frozenset[str]]

    def labels(self, matched: str) -> frozenset[str]:
        """The labels of a matched phrase (exact phrase, else every stem it starts with)."""
        key = " ".join(matched.split())
        found = set(self.exact.get(key, ()))
        for cut in range(1, len(key) + 1):
            found.update(self.stems.get(key[:cut], ()))
        return frozenset(found)

    def finditer(self, folded: str, start: int = 0, end: int | None = None
                 ) -> Iterator[PhraseMatch]:
        end = len(folded) if end is None else end
        for match in self.pattern.finditer(folded, start, end):
            yield PhraseMatch(match.start(), match.end(), self.labels(match.group()))

    def search(self, folded: str, start: int = 0, end: int | None = None) -> PhraseMatch | None:
        end = len(folded) if end is None else end
        match = self.pattern.search(folded, start, end)
        return None if match is None else PhraseMatch(match.start(), match.end(),
                                                      self.labels(match.group()))

    def last(self, folded: str, start: int, end: int) -> PhraseMatch | None:
        """The last match ending by `end`."""
        found = None
        for found in self.pattern.finditer(folded, start, end):
            pass
        return None if found is None else PhraseMatch(found.start(), found.end(),
                                                      self.labels(found.group()))


def phrases(table: Mapping[str, list[str]]) -> Phrases:
    """Phrases from {label: [phrase, ...]}."""
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for label, items in table.items():
        for item in items:
            key = " ".join(fold(item).split())
            if key.endswith("*"):
                stems.setdefault(key[:-1], set()).add(label)
            elif key:
                exact.setdefault(key, set()).add(label)
    parts = []
    if exact:
        parts.append(trie(exact))
    if stems:
        parts.append(trie(stems) + r"[\w'-]*")
    body = "|".join(parts) or r"(?!x)x"
    pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?:(?<=['-])|(?![\w]))")
    return Phrases(pattern, {k: frozenset(v) for k, v in exact.items()},
                   {k: frozenset(v) for k, v in stems.items()})


def word_list(items: list[str], label: str = "yes") -> Phrases:
    return phrases({label: items})


@attrs.frozen(kw_only=True)
class CategoricalPattern:
    """A regular expression that states a categorical predicate; `reversed_roles` when the
    client comes before the provider ("OpenAI must use Azure exclusively")."""

    predicate: str
    pattern: re.Pattern[str]
    reversed_roles: bool = False


@attrs.frozen(kw_only=True, eq=False)
class Cues:
    """The cue words of one language, compiled."""

    language: str
    predicates: Phrases
    counted: Phrases
    nouns: dict[str, str]
    scope: Phrases
    since: Phrases
    planned: Phrases
    measure: Phrases
    restate: Phrases
    compare: Phrases
    fillers: frozenset[str]  # words that may stand between a link word and its figure
    list_separators: frozenset[str]
    rumour: Phrases
    informants: Phrases
    attribution: Phrases
    conditional: re.Pattern[str]
    company_anaphora: Phrases
    pair_anaphora: Phrases
    latter: Phrases
    subject_clause_openers: Phrases
    pronouns: Phrases
    demonstratives: Phrases
    prepositions: Phrases
    possessives: Phrases
    relatives: Phrases
    clause_breaks: re.Pattern[str]
    copulas: Phrases
    coparties: Phrases
    agents: Phrases  # "led by X", "apportés par X": X acts for another, never the subject
    # "sept nouvelles lignes", "2,000 additional staff": a count of what was added, not a level
    additions: frozenset[str]
    possession: Phrases
    stake_nouns: Phrases
    categorical: tuple[CategoricalPattern, ...]
    negations: Phrases
    change: Phrases
    now: Phrases
    ceo: re.Pattern[str]
    former: Phrases
    founder: re.Pattern[str]
    fronted_date_max: int


def _data(*parts: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("factcheck").joinpath("data", *parts)
                         .read_text(encoding="utf-8"))


@functools.cache
def load_predicates() -> dict[str, Predicate]:
    """The predicate vocabulary by name."""
    return {name: Predicate(name=name, label=spec.get("label", name), nature=spec["nature"],
                            kinds=frozenset(spec["kinds"]), object=spec["object"],
                            subject_kinds=tuple(spec.get("subject_kinds", ())),
                            object_kinds=tuple(spec.get("object_kinds", ())),
                            share_of=spec.get("share_of"),
                            subject_after=spec.get("subject") == "after",
                            symmetric=spec.get("symmetric", False), unit=spec.get("unit"),
                            undated=spec.get("undated", "total"), family=spec.get("family"))
            for name, spec in _data("predicates.toml").items()}


def predicate(name: str) -> Predicate:
    """The named predicate, or an `unknown_predicate` for a ledger's own names."""
    return load_predicates().get(name) or unknown_predicate(name)


def _conditional(endings: list[str], exceptions: list[str], words: list[str]) -> re.Pattern[str]:
    parts = []
    if endings:
        skip = "|".join(re.escape(fold(w)) for w in sorted(set(exceptions), key=len, reverse=True))
        parts.append(r"(?<![\w-])(?!(?:" + (skip or "(?!x)x") + r")(?![\w]))\w+(?:"
                     + "|".join(endings) + r")(?![\w])")
    if words:
        parts.append(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")
    return re.compile("|".join(parts) or r"(?!x)x")


@functools.cache
def load_cues(language: str) -> Cues:
    """The compiled cues of `language` ("fr" or "en")."""
    raw = _data("cues", f"{language}.toml")
    stance, anaphora, cat = raw["stance"], raw["anaphora"], raw["categorical"]
    scope = dict(raw["scope"])
    since = scope.pop("since", [])
    nouns = {" ".join(fold(form).split()): canonical
             for canonical, forms in raw.get("nouns", {}).items() for form in forms}
    categorical = []
    for name in ("exclusive_provider", "exclusive_partner"):
        for expression in cat.get(name, []):
            reversed_roles = expression.startswith("< ")
            body = expression[2:] if reversed_roles else expression
            categorical.append(CategoricalPattern(
                predicate=name, reversed_roles=reversed_roles,
                pattern=re.compile(r"(?<![\w-])" + body + r"(?![\w])")))
    return Cues(
        language=language,
        predicates=phrases(raw["predicates"]),
        counted=phrases(raw.get("counted", {})),
        nouns=nouns,
        scope=phrases(scope),
        since=word_list(since),
        planned=word_list(raw["modality"]["planned"]),
        measure=phrases(raw["measure"]),
        restate=word_list(raw["links"]["restate"]),
        compare=word_list(raw["links"]["compare"]),
        fillers=frozenset(fold(w) for w in raw["links"]["fillers"]),
        list_separators=frozenset(fold(w) for w in raw["links"]["list_separators"]),
        rumour=word_list(stance["rumour"]),
        informants=word_list(stance["informants"]),
        attribution=word_list(stance["attribution"]),
        conditional=_conditional(stance.get("conditional_endings", []),
                                 stance.get("not_conditional", []),
                                 stance.get("conditional_words", [])),
        company_anaphora=word_list(anaphora["company"]),
        pair_anaphora=word_list(anaphora["pair"]),
        latter=word_list(anaphora["latter"]),
        subject_clause_openers=word_list(anaphora["subject_clause_openers"]),
        pronouns=word_list(anaphora["pronouns"]),
        demonstratives=word_list(anaphora["demonstratives"]),
        prepositions=word_list(raw["roles"]["prepositions"]),
        possessives=word_list(raw["roles"]["possessives"]),
        relatives=word_list(raw["roles"]["relatives"]),
        copulas=word_list(raw["roles"]["copulas"]),
        coparties=word_list(raw["roles"]["coparties"]),
        agents=word_list(raw["roles"]["agents"]),
        additions=frozenset(fold(w) for w in raw["roles"]["additions"]),
        possession=word_list(raw["roles"]["possession"]),
        stake_nouns=word_list(raw["roles"]["stake_nouns"]),
        clause_breaks=re.compile(r"[;–—]|\s-\s|,\s+(?:" + trie(
            fold(w) for w in raw["roles"]["clause_conjunctions"]) + r")(?![\w])"),
        categorical=tuple(categorical),
        negations=word_list(cat["negations"]),
        change=word_list(cat["change"]),
        now=word_list(cat["now"]),
        ceo=re.compile(r"(?<![\w-])(?:" + "|".join(cat["ceo"]) + r")(?![\w])"),
        former=word_list(cat["former"]),
        founder=re.compile(r"(?<![\w-])(?:" + "|".join(cat["founder"]) + r")(?![\w])"),
        fronted_date_max=int(cat.get("fronted_date_max", 30)),
    )
