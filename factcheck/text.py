"""Text helpers shared by entity matching and claim building: folding and sentences.

`fold` keeps one character for every character of its input, so an offset found in the
folded text is the same offset in the original: no mapping table is ever needed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

_APOSTROPHES = "’‘`´ʼ"
_DASHES = "‐‑‒–—"


@functools.cache
def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in "\u00a0\u202f\u2009":
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", char)
                   if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else char.lower()[:1] or char


class _FoldTable(dict[int, str]):
    """str.translate table that folds each character the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes and hyphens, plain spaces; same length.

    >>> fold("Le Géant de Redmond’s")
    "le geant de redmond's"
    """
    return text.translate(_TABLE)


@attrs.frozen
class Span:
    """A stretch of text by offsets: a sentence of an article."""

    start: int
    end: int


# A sentence ends at . ! ? … (and a closing quote or bracket after it) followed by white
# space and an upper-case letter, a digit, a quote or a bullet; or at a line break.
_SENTENCE_END = re.compile(
    r"""[.!?…]+["»”')\]]*(?=\s+[«"“(\[\-–•👉]*\s*[A-ZÀ-ÖØ-Þ0-9])   # end of a sentence
      | \n""", re.VERBOSE)
# Words whose final dot is not a sentence end: titles and abbreviations.
_ABBREVIATION = re.compile(
    r"(?:\b(?:M|Mme|Mlle|MM|Dr|Pr|St|Ste|Mr|Mrs|Ms|Prof|Inc|Corp|Ltd|Co|Jr|Sr|vs|etc|env|"
    r"av|apr|J\.-C|U\.S|U\.K|P\.-D\.G|P\.-DG|No|n°|p|cf|ex|ibid|Gen|Sen|Rep|Gov|Mt)"
    r"|\b[A-Z])\.$")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of text[start:end] as spans without their surrounding white space.

    >>> [("Microsoft a investi 13 milliards. Le 21 janvier, M. Altman a parlé."[s.start:s.end])
    ...  for s in sentences("Microsoft a investi 13 milliards. Le 21 janvier, M. Altman a parlé.")]
    ['Microsoft a investi 13 milliards.', 'Le 21 janvier, M. Altman a parlé.']
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    position = start
    for found in _SENTENCE_END.finditer(text, start, end):
        if found.group() != "\n" and _ABBREVIATION.search(text, max(start, found.start() - 12),
                                                          found.start() + 1):
            continue
        _append(spans, text, position, found.end())
        position = found.end()
    _append(spans, text, position, end)
    return spans


def _append(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
