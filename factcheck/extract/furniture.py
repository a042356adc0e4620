"""Page furniture: link teasers, photo credits and box titles that are not the article.

A block marker line ("À découvrir", "Lire aussi") starts furniture that runs until the next
line of prose (or a line too long to be a link). A line marker ("©", "Crédit :") makes
furniture of the sentence that holds it, from that sentence's start to its end or the end
of the line, and only when that part is shorter than a line of prose (PROSE_LENGTH): a
credit is a few words. The sentence before a credit on the same line ("OpenAI a levé 10
milliards de dollars en 2024. Photo © AFP.") and a long run of text after a marker (a whole
article on one line) are the article, never furniture. A line pattern ("L'info en 3
points") makes its whole line furniture.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from factcheck.extract.grammar import words
from factcheck.extract.lexicon import load_lexicon

PROSE_LENGTH = 100  # a furniture block ends at a line this long that ends like a sentence;
#                     a credit is shorter than this
TEASER_LENGTH = 1000  # ...and at any line this long: a link to another article is short
_SENTENCE_END = re.compile(r"[.!…»”\"]\s*$")
_LINE = re.compile(r"[^\n]*\n?")
# where a sentence stops: its closing punctuation and the space after it, or a line break
_SENTENCE_BREAK = re.compile(r"[.!?…][\"»”)]*\s+|\n")
# where the sentence holding a credit ends: closing punctuation before white space or the
# end of the text, or the end of the line (its line break included, as for a whole line)
_CREDIT_END = re.compile(r"[.!?…][\"»”)]*(?=\s|\Z)|\n")


@functools.cache
def _line_pattern(language: str) -> re.Pattern[str] | None:
    """One pattern for the lines that are furniture by their whole text, from the start of a
    line: group `block` for block markers, the rest for line patterns."""
    table = load_lexicon(language).furniture
    alternatives = []
    if table.get("block_markers"):
        alternatives.append(r"(?P<block>[ \t]*" + words(table["block_markers"])
                            + r"[ \t:]*$)")
    alternatives.extend("(?:" + p + ")" for p in table.get("line_patterns", []))
    if not alternatives:
        return None
    return re.compile(r"^(?:" + "|".join(alternatives) + ")", re.MULTILINE)


@functools.cache
def _after_newline(language: str) -> re.Pattern[str]:
    """The line pattern after the line break that ends the line before: a search for it
    skips from line break to line break in the regex engine, never trying mid-line."""
    return re.compile("\n" + _line_pattern(language).pattern, re.MULTILINE)


def _furniture_lines(text: str, language: str) -> Iterator[tuple[int, re.Match[str]]]:
    """(start, match) of each line the line pattern matches, in order, as a scan of the
    whole text finds them (a match starts only where a line starts)."""
    pattern = _line_pattern(language)
    if pattern is None:
        return
    found = pattern.match(text)
    position = 0
    if found is not None:
        yield 0, found
        position = found.end()
    following = _after_newline(language)
    while (found := following.search(text, max(position - 1, 0))) is not None:
        yield found.start() + 1, found
        position = max(found.end(), found.start() + 2)


@functools.cache
def _marker_pattern(language: str) -> re.Pattern[str] | None:
    """The credit markers ("©", "Crédit :") of `language`, found anywhere in a line."""
    markers = load_lexicon(language).furniture.get("line_markers", [])
    if not markers:
        return None
    return re.compile("|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True)))


def _line_spans(text: str, language: str, teaser: bool) -> list[tuple[int, int, bool]]:
    """Spans of block-marker lines with the teaser lines after them (True), and of pattern
    lines (False); `teaser`: the text starts among the teaser lines of a block."""
    spans: list[tuple[int, int, bool]] = []
    position = _teaser_end(text, 0) if teaser else 0
    if position:
        spans.append((0, position, True))
    for start, found in _furniture_lines(text, language):
        if start < position:
            continue  # inside a block already skipped
        line_end = text.find("\n", found.end())
        end = len(text) if line_end < 0 else line_end + 1
        block = found.group("block") is not None
        if block:
            end = _teaser_end(text, end)
        spans.append((start, end, block))
        position = end
    return spans


def among_teasers(text: str, language: str, index: int, *, teaser: bool = False) -> bool:
    """Whether the line that starts at `index` is among the teaser lines of a block (whose
    marker comes before it); `teaser` as for `furniture_spans`."""
    return any(block and start < index < end
               for start, end, block in _line_spans(text, language, teaser))


def _teaser_end(text: str, start: int) -> int:
    """Where the teaser lines from `start` end: at the next line of prose (PROSE_LENGTH
    characters or more that end like a sentence), or TEASER_LENGTH characters or more (a
    link is a short line), or at the end of the text."""
    end = start
    for line in _LINE.finditer(text, start):
        stripped = line.group().strip()
        if not line.group() or len(line.group()) >= TEASER_LENGTH or (
                len(stripped) >= PROSE_LENGTH and _SENTENCE_END.search(stripped)):
            break
        end = line.end()
    return end


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


def furniture_spans(text: str, language: str, *, teaser: bool = False) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture, in order, never overlapping.

    `teaser`: `text` starts at a line among the teaser lines of a block (a part of a longer
    text, read after the part that holds the block's marker)."""
    spans: list[tuple[int, int]] = []
    lines = [(start, end) for start, end, _ in _line_spans(text, language, teaser)]
    for start, end in sorted(lines + credit_spans(text, language)):
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))  # a credit inside a block
        else:
            spans.append((start, end))
    return spans
