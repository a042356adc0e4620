"""Page furniture: link teasers, photo credits and box titles that are not the article.

A block marker line ("À découvrir", "Lire aussi") starts furniture that runs until the next
line of prose. A line marker ("©", "Crédit :") makes furniture of the sentence that holds
it, from that sentence's start to its end or the end of the line, and only when that part
is shorter than a line of prose (PROSE_LENGTH): a credit is a few words. The sentence
before a credit on the same line ("OpenAI a levé 10 milliards de dollars en 2024. Photo ©
AFP.") and a long run of text after a marker (a whole article on one line) are the
article, never furniture. A line pattern ("L'info en 3 points") makes its whole line
furniture.
"""

from __future__ import annotations

import functools
import re

from factcheck.extract.grammar import words
from factcheck.extract.lexicon import load_lexicon

PROSE_LENGTH = 100  # a furniture block ends at a line this long that ends like a sentence;
#                     a credit is shorter than this
_SENTENCE_END = re.compile(r"[.!…»”\"]\s*$")
_LINE = re.compile(r"[^\n]*\n?")
# where a sentence stops: its closing punctuation and the space after it, or a line break
_SENTENCE_BREAK = re.compile(r"[.!?…][\"»”)]*\s+|\n")
# where the sentence holding a credit ends: closing punctuation before white space or the
# end of the text, or the end of the line (its line break included, as for a whole line)
_CREDIT_END = re.compile(r"[.!?…][\"»”)]*(?=\s|\Z)|\n")


@functools.cache
def _line_pattern(language: str) -> re.Pattern[str] | None:
    """One pattern for the lines that are furniture by their whole text: group `block` for
    block markers, the rest for line patterns."""
    table = load_lexicon(language).furniture
    alternatives = []
    if table.get("block_markers"):
        alternatives.append(r"(?P<block>^[ \t]*" + words(table["block_markers"])
                            + r"[ \t:]*$)")
    alternatives.extend("(?:" + p + ")" for p in table.get("line_patterns", []))
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.MULTILINE)


@functools.cache
def _marker_pattern(language: str) -> re.Pattern[str] | None:
    """The credit markers ("©", "Crédit :") of `language`, found anywhere in a line."""
    markers = load_lexicon(language).furniture.get("line_markers", [])
    if not markers:
        return None
    return re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))


def _line_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of block-marker lines with the teaser lines after them, and of pattern lines."""
    pattern = _line_pattern(language)
    if pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() < position:
            continue  # inside a block already skipped
        line_end = text.find("\n", found.end())
        end = len(text) if line_end < 0 else line_end + 1
        if found.group("block") is not None:
            for line in _LINE.finditer(text, end):
                stripped = line.group().strip()
                if not line.group() or (len(stripped) >= PROSE_LENGTH
                                        and _SENTENCE_END.search(stripped)):
                    break
                end = line.end()
        spans.append((found.start(), end))
        position = end
    return spans


def _sentence_start(text: str, marker: int, floor: int) -> int | None:
    """Where the sentence holding `marker` starts, at or after `floor` (the end of the last
    sentence already read); None when it starts PROSE_LENGTH or more characters before the
    marker. Looks back at most that far, so that a long line dense with markers costs a
    bounded search per sentence."""
    low = max(floor, marker - PROSE_LENGTH)
    start = low
    for found in _SENTENCE_BREAK.finditer(text, low, marker):
        start = found.end()
    if start == low and low > floor:
        return None
    return start


def credit_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of the short sentences that hold a credit marker, in order.

    >>> text = "OpenAI a levé 10 milliards de dollars en 2024. Photo © AFP."
    >>> [text[s:e] for s, e in credit_spans(text, "fr")]
    ['Photo © AFP.']
    """
    pattern = _marker_pattern(language)
    if pattern is None:
        return []
    spans: list[tuple[int, int]] = []
    read = 0  # end of the last sentence judged: markers before it are settled
    for found in pattern.finditer(text):
        if found.start() < read:
            continue
        start = _sentence_start(text, found.start(), read)
        stop = _CREDIT_END.search(text, found.end())
        end = len(text) if stop is None else stop.end()
        if start is not None and end - start < PROSE_LENGTH:
            spans.append((start, end))
        read = end
    return spans


def furniture_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture, in order, never overlapping."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted(_line_spans(text, language) + credit_spans(text, language)):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))  # a credit inside a block
        else:
            spans.append((start, end))
    return spans
