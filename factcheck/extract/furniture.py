"""Page furniture: link teasers, photo credits and box titles that are not the article.

A block marker line ("À découvrir", "Lire aussi") starts furniture that runs until the next
line of prose; a line marker ("©", "Crédit :") makes its own line furniture.
"""

from __future__ import annotations

import functools
import re

from factcheck.extract.lexicon import load_lexicon, normalize_word

PROSE_LENGTH = 100  # a furniture block ends at a line this long that ends like a sentence
_SENTENCE_END = re.compile(r"[.!…»”\"]\s*$")


@functools.cache
def _markers(language: str) -> tuple[frozenset[str], tuple[str, ...], re.Pattern[str] | None]:
    table = load_lexicon(language).furniture
    blocks = frozenset(normalize_word(m) for m in table.get("block_markers", []))
    lines = tuple(table.get("line_markers", []))
    patterns = table.get("line_patterns", [])
    return blocks, lines, re.compile("|".join(patterns)) if patterns else None


def furniture_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are page furniture, in order."""
    blocks, line_markers, line_pattern = _markers(language)
    spans: list[tuple[int, int]] = []
    in_block = False
    position = 0
    for line in text.splitlines(keepends=True):
        start, position = position, position + len(line)
        stripped = line.strip()
        if in_block:
            if len(stripped) >= PROSE_LENGTH and _SENTENCE_END.search(stripped):
                in_block = False
            else:
                spans.append((start, position))
                continue
        if normalize_word(stripped.rstrip(" :")) in blocks:
            in_block = True
            spans.append((start, position))
        elif any(marker in stripped for marker in line_markers) or (
                line_pattern is not None and line_pattern.search(stripped)):
            spans.append((start, position))
    return spans
