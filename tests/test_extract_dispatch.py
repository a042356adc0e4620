"""The master pattern cut down by the word it starts at finds what the whole pattern finds.

`grammar.master_for` tries at a word only the constructs that `prefixes.can_start_with`
says can start with it. That reading of a pattern must never say no where the pattern can
match: these tests check it at every token of the seed articles, of the round-two held-out
sentences and of hostile text, construct by construct, and check that the cut-down patterns
give the same match as the whole master pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.extract.evaluate import load_annotations
from factcheck.extract.grammar import (constructs, master_for, master_pattern,
                                       trigger_after_gap, trigger_pattern)
from factcheck.extract.prefixes import can_start_with

ROOT = Path(__file__).resolve().parent.parent
# the tokens the extractor tries the master pattern at (see scan._TOKEN)
TOKEN = re.compile(r"(?<!\w)(?:[A-Z]{1,3}\$|\w+|[^\w\s])")
HOSTILE = ("1 1 1 $$$ cent-cent-cent 1,1,1 1.1.1 12 345 678 %%% - - - milliards milliards "
           "trois trois 1er 1er 2019 2020 11111111 US$5 T1 2025 l'an dernier d'ici 2030")


def _texts(language: str) -> list[str]:
    texts = [HOSTILE]
    if language == "fr":
        texts += [path.read_text(encoding="utf-8") for path in sorted(ROOT.glob("seeds/*.txt"))]
    else:
        texts.append((ROOT / "benchmarks" / "texts" / "english-article.txt").read_text(
            encoding="utf-8"))
    held_out = load_annotations(ROOT / "benchmarks" / "annotations" / "round2-heldout.toml")
    texts += [d.text for d in held_out.documents.values() if d.language == language]
    return texts


def _key(word: str) -> tuple[str, bool]:
    """What scan._patterns_at asks master_for about a token."""
    whole = word[-1].isalnum() or word[-1] == "_"
    if word[0] in "0123456789" and len(word) > 1:
        return word[0], False
    return word, whole


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_construct_that_matches_at_a_token_is_ruled_out(language):
    parts = [re.compile(part) for part in constructs(language)]
    for text in _texts(language):
        for token in TOKEN.finditer(text):
            head, whole = _key(token.group())
            for part, compiled in zip(constructs(language), parts):
                if compiled.match(text, token.start()) is not None:
                    assert can_start_with(part, head, whole_word=whole), (part[:30], head)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_cut_down_patterns_find_what_the_master_pattern_finds(language):
    master = master_pattern(language)
    for text in _texts(language):
        for token in TOKEN.finditer(text):
            whole_match = master.match(text, token.start())
            found = None
            for pattern in master_for(language, *_key(token.group())):
                found = pattern.match(text, token.start())
                if found is not None:
                    break
            if whole_match is None:
                assert found is None
            else:
                assert found is not None and found.span() == whole_match.span()
                assert found.lastgroup == whole_match.lastgroup


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_trigger_found_after_a_gap_is_the_trigger_the_pattern_finds(language):
    from factcheck.extract.scan import _next_trigger
    trigger, gap = trigger_pattern(language), trigger_after_gap(language)
    for text in [*_texts(language), "2019 fut", "12 % en 2019", "x", ""]:
        # from the start, from the end of each trigger and from inside it, as a scan goes
        starts = {0, len(text)}
        for found in trigger.finditer(text):
            starts.update({found.start() + 1, found.end()})
        for position in sorted(starts):
            for end in (len(text), min(len(text), position + 7)):
                expected = trigger.search(text, position, end)
                assert _next_trigger(trigger, gap, text, position, end) == (
                    None if expected is None else expected.span()), (position, end)


@pytest.mark.parametrize("pattern, prefix, whole_word, can", [
    (r"(?i:en|in)\s+[0-9]{4}", "In", True, True),
    (r"(?i:en|in)\s+[0-9]{4}", "the", True, False),
    (r"(?i:forty|four)\s+years", "for", True, False),
    (r"(?i:forty|four)\s+years", "for", False, True),   # "forty" may follow
    (r"[0-9]+(?:,[0-9]+)?\s*%", "1", False, True),
    (r"(?<!\w)l['’]an", "l", True, True),                  # "l'an": an apostrophe follows
    (r"a(?=b)c", "a", False, True),                         # look-arounds are assumed to hold
    (r"(a)?(?(1)b|c)", "c", False, True),                   # both sides of a condition
    (r"(x*)*y", "y", True, True),                           # nested empty repeats end
    (r"(a)\1", "a", False, True),                           # a back reference: maybe
])
def test_can_start_with_never_rules_out_what_may_match(pattern, prefix, whole_word, can):
    assert can_start_with(pattern, prefix, whole_word=whole_word) is can
