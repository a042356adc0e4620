"""Per-language word tables for the extraction engine, read once from lexicon/*.toml."""

from __future__ import annotations

import functools
import tomllib
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

LANGUAGES = ("fr", "en")


@attrs.frozen(kw_only=True)
class Lexicon:
    """The words of one language that the grammar is built from."""

    language: str
    numbers: dict[str, int]
    approximate_numbers: dict[str, int]
    scale_words: dict[str, Decimal]
    scale_abbreviations: dict[str, Decimal]
    currency_words: dict[str, str]
    words: dict[str, frozenset[str]]
    hedges: dict[str, str]
    post_hedges: dict[str, str]
    range: dict[str, list[str]]
    durations: dict[str, str]
    months: dict[str, int]
    month_numbers: dict[str, int]
    ordinals: dict[str, int]
    dates: dict[str, list[str]]
    parts: dict[str, str]
    seasons: dict[str, str]
    relative: dict[str, tuple[str, int]]
    anchored: dict[str, tuple[str, int]]
    furniture: dict[str, list[str]]
    months_case_sensitive: bool = False
    # "250 millions d'utilisateurs": after a scale word, a counted noun needs "de" (French);
    # "260 millions apportés" counts nothing
    scaled_noun_needs_joiner: bool = False
    stopwords: frozenset[str] = frozenset()
    # quantities, second round: minor units ("cents" -> USD, 0.01), words that make a figure
    # the size of a change ("en baisse de" -> down) and ratios of change ("a doublé" -> up, 2)
    minor_units: dict[str, tuple[str, Decimal]] = attrs.Factory(dict)
    changes: dict[str, str] = attrs.Factory(dict)
    ratios: dict[str, tuple[str, int]] = attrs.Factory(dict)

    def word_list(self, key: str) -> frozenset[str]:
        """The words of list `key` (lower case, straight apostrophes): cheap to test."""
        return self.words.get(key, frozenset())

    def date_words(self, key: str) -> list[str]:
        return self.dates.get(key, [])


def _lower_keys(table: dict[str, Any]) -> dict[str, Any]:
    return {normalize_word(k): v for k, v in table.items()}


# matched words normalize_word remembers: the same few hundred words recur in a text
NORMALIZED_WORDS = 4096


@functools.lru_cache(maxsize=NORMALIZED_WORDS)
def normalize_word(word: str) -> str:
    """Lookup form of a matched word: lower case, one space, straight apostrophe."""
    return " ".join(word.replace("’", "'").lower().split())


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """The lexicon of `language` ("fr" or "en"), read from the package data once."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    raw = tomllib.loads(resources.files("factcheck.extract").joinpath(
        "lexicon", f"{language}.toml").read_text(encoding="utf-8"))
    return Lexicon(
        language=language,
        numbers=_lower_keys(raw["numbers"]),
        approximate_numbers=_lower_keys(raw.get("approximate_numbers", {})),
        scale_words={normalize_word(k): Decimal(v) for k, v in raw["scale_words"].items()},
        # abbreviations are case-sensitive: "M" is a million, "m" may be a metre
        scale_abbreviations={k: Decimal(v) for k, v in raw["scale_abbreviations"].items()},
        currency_words=_lower_keys(raw["currency_words"]),
        words={key: frozenset(normalize_word(w) for w in items)
               for key, items in raw["words"].items()},
        hedges=_lower_keys(raw["hedges"]),
        post_hedges=_lower_keys(raw.get("post_hedges", {})),
        range=raw["range"],
        durations=_lower_keys(raw["durations"]),
        months=dict(raw["months"]),
        month_numbers=_lower_keys(raw["months"]),
        ordinals=_lower_keys(raw["ordinals"]),
        dates=raw["dates"],
        parts=_lower_keys(raw["parts"]),
        seasons=_lower_keys(raw["seasons"]),
        relative={normalize_word(k): (v[0], int(v[1])) for k, v in raw["relative"].items()},
        anchored={normalize_word(k): (v[0], int(v[1])) for k, v in raw["anchored"].items()},
        furniture=raw.get("furniture", {}),
        months_case_sensitive=raw.get("months_case_sensitive", False),
        scaled_noun_needs_joiner=raw.get("scaled_noun_needs_joiner", False),
        stopwords=frozenset(raw.get("detect", {}).get("stopwords", [])),
        minor_units={normalize_word(k): (v[0], Decimal(v[1]))
                     for k, v in raw.get("minor_units", {}).items()},
        changes=_lower_keys(raw.get("changes", {})),
        ratios={normalize_word(k): (v[0], int(v[1])) for k, v in raw.get("ratios", {}).items()},
    )


@functools.cache
def currency_signs() -> tuple[dict[str, str], tuple[str, ...]]:
    """Currency symbols (-> ISO code) and the codes read in text, from data/currency_signs.toml."""
    raw = tomllib.loads(resources.files("factcheck").joinpath(
        "data", "currency_signs.toml").read_text(encoding="utf-8"))
    return dict(raw["symbols"]), tuple(raw["codes"]["read"])
