"""Page furniture: link teasers, photo credits and box titles that are not the article.

A block marker line ("À découvrir", "Lire aussi") starts furniture that runs until the next
line of prose; a line marker ("©", "Crédit :") makes its own line furniture.
"""

from __future__ import annotations

import functools
import re

from factcheck.extract.grammar import words
from factcheck.extract.lexicon import load_lexicon

PROSE_LENGTH = 100  # a furniture block ends at a line this long that ends like a sentence
_SENTENCE_END = re.compile(r"[.!…»”\"]\s*$")
_LINE = re.compile(r"[^\n]*\n?")


@functools.cache
def _marker_pattern(language: str) -> re.Pattern[str] | None:
    """One pattern for every furniture line: group `block` for block markers."""
    table = load_lexicon(language).furniture
    alternatives = []
    if table.get("block_markers"):
        alternatives.append(r"(?P<block>^[ \t]*" + words(table["block_markers"])
                            + r"[ \t:]*$)")
    if table.get("line_markers"):
        alternatives.append(r"^[^\n]*(?:" + "|".join(map(re.escape, table["line_markers"]))
                            + r")[^\n]*$")
    alternatives.extend("(?:" + p + ")" for p in table.get("line_patterns", []))
    if not alternatives:
        return None
    return re.compile("|".join(alternatives), re.MULTILINE)


def furniture_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture, in order."""
    pattern = _marker_pattern(language)
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
