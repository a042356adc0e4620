"""Extraction: every amount, percentage, count, duration and date a text states.

`extract` is a pure function of one document (text, language, publication date), so it
maps over a cluster unchanged. It never raises on the text itself: empty, garbled or huge
input gives a (possibly empty) list of mentions whose spans are all valid. `extract_stream`
gives the same mentions for a text read in pieces (a file too large to hold), in bounded
memory.
"""

from __future__ import annotations

import datetime as dt

import attrs

from factcheck.errors import ParseError
from factcheck.extract.language import detect_language
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.stream import coerce_published, extract_stream
from factcheck.model import Mention, PartialDate

__all__ = ["extract", "extract_stream", "detect_language", "parse_value", "coerce_published"]


def extract(text: str, language: str | None = None,
            published: PartialDate | dt.date | str | None = None, *,
            skip_furniture: bool = True) -> list[Mention]:
    """Every money, percent, count, duration and date mention in `text`, in order.

    `language` is "fr" or "en" (detected when None); `published` resolves relative dates
    ("février dernier") at the precision it is known. Page furniture (link teasers,
    photo credits) is skipped unless `skip_furniture` is False. A text of more than a
    million characters is read in the blocks `extract_stream` reads it in.

    >>> [m.text for m in extract("OpenAI a signé un accord de 11,9 milliards de dollars "
    ...                          "en janvier dernier.", "fr", "2025-03-11")]
    ['11,9 milliards de dollars', 'janvier dernier']
    """
    text = _as_text(text, "extract")
    # one block for a text of up to stream.BLOCK characters; a longer one in the blocks
    # extract_stream reads it in, so that both give the same mentions for any text
    return list(extract_stream((text,), language, published, skip_furniture=skip_furniture))


def parse_value(text: str, language: str,
                published: PartialDate | dt.date | str | None = None) -> Mention:
    """The one mention that `text` is, as written in an article ("11,9 milliards de dollars").

    The mention's value is None for a relative date that `published` cannot resolve or an
    anchored one ("quatre ans plus tard"), whose anchor lies outside `text`. Raises
    ParseError when `text` holds no figure or date, or more than one.
    """
    text = _as_text(text, "parse_value")
    language = language or detect_language(text)
    found = extract(text, language, published, skip_furniture=False)
    if not found:
        # A bare "2019" or "janvier" is a date when it is the whole value: read it as the
        # grammar reads "en 2019", then move the span back onto the value.
        cue = load_lexicon(language).date_words("year_cues")[0] + " "
        found = [attrs.evolve(m, start=m.start - len(cue), end=m.end - len(cue))
                 for m in extract(cue + text, language, published, skip_furniture=False)
                 if m.start >= len(cue)]
    if not found:
        raise ParseError(f"no figure or date found in {text!r}", text=text)
    if len(found) > 1:
        listed = ", ".join(repr(m.text) for m in found)
        raise ParseError(f"more than one figure or date in {text!r}: {listed}", text=text)
    return found[0]


def _as_text(text: object, caller: str) -> str:
    """`text` as str: bytes are decoded as UTF-8 (a bad byte becomes U+FFFD, never an
    error); anything else is refused with a ParseError that names `caller`."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise ParseError(f"{caller} needs text, got {type(text).__name__}")
    return text
