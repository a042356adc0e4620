"""Extraction: every amount, percentage, count, duration and date a text states.

`extract` is a pure function of one document (text, language, publication date), so it
maps over a cluster unchanged. It never raises on the text itself: empty, garbled or huge
input gives a (possibly empty) list of mentions whose spans are all valid.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from factcheck.errors import ParseError
from factcheck.extract.dates import date_mention
from factcheck.extract.furniture import furniture_spans
from factcheck.extract.grammar import (LOOKAHEAD, LOOKBACK, SIGN_CHARS, article_followers,
                                       initial_words, master_pattern, trigger_pattern)
from factcheck.extract.language import detect_language
from factcheck.extract.lexicon import LANGUAGES, Lexicon, load_lexicon
from factcheck.extract.quantities import (approximate_count_mention, inherit_units,
                                          quantity_mention, ratio_mention, vague_mention)
from factcheck.model import Mention, PartialDate

__all__ = ["extract", "detect_language", "parse_value", "coerce_published"]

_QUANTITY_HANDLERS = {"qty": quantity_mention, "vague": vague_mention,
                      "approxn": approximate_count_mention, "ratio": ratio_mention}


def coerce_published(published: PartialDate | dt.date | str | None) -> PartialDate | None:
    """A publication date from a PartialDate, a date, or ISO text ("2025", "2025-03")."""
    if published is None or isinstance(published, PartialDate):
        return published
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, dt.date):
        return PartialDate.from_date(published)
    if isinstance(published, str):
        return PartialDate.parse(published)
    raise ParseError(f"published must be a date or ISO text, got {published!r}")


def _allowed_segments(text: str, language: str, skip_furniture: bool) -> list[tuple[int, int]]:
    if not skip_furniture:
        return [(0, len(text))]
    segments, position = [], 0
    for start, end in furniture_spans(text, language):
        if start > position:
            segments.append((position, start))
        position = end
    if position < len(text):
        segments.append((position, len(text)))
    return segments


def extract(text: str, language: str | None = None,
            published: PartialDate | dt.date | str | None = None, *,
            skip_furniture: bool = True) -> list[Mention]:
    """Every money, percent, count, duration and date mention in `text`, in order.

    `language` is "fr" or "en" (detected when None); `published` resolves relative dates
    ("février dernier") at the precision it is known. Page furniture (link teasers,
    photo credits) is skipped unless `skip_furniture` is False.

    >>> [m.text for m in extract("OpenAI a signé un accord de 11,9 milliards de dollars "
    ...                          "en janvier dernier.", "fr", "2025-03-11")]
    ['11,9 milliards de dollars', 'janvier dernier']
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise ParseError(f"extract needs text, got {type(text).__name__}")
    language = language or detect_language(text)
    if language not in LANGUAGES:
        raise ParseError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    reference = coerce_published(published)
    lexicon = load_lexicon(language)
    pattern, trigger = master_pattern(language), trigger_pattern(language)
    starts = _starts(language)
    mentions: list[Mention] = []
    runs = _DigitRuns(text)
    for seg_start, seg_end in _allowed_segments(text, language, skip_furniture):
        position = seg_start
        while position < seg_end:
            # The full grammar runs only in a window around each trigger word: one cheap
            # pass finds the triggers, so cost grows with mentions, not with text length.
            near = trigger.search(text, position, seg_end)
            if near is None:
                break
            match = _first_match(pattern, starts, text, max(position, near.start() - LOOKBACK),
                                 near.start(), _window_end(near, runs, seg_end))
            if match is None:
                position = near.end()
                continue
            mention, resume = _mention(match, text, lexicon, reference, mentions)
            if mention is not None:
                mentions.append(mention)
            position = max(resume, match.start() + 1)
    return inherit_units(mentions, text, lexicon)  # "dont 11,9 milliards": the unit stated before


_TOKEN = re.compile(r"(?<!\w)(?:[A-Z]{1,3}\$|\w+|[" + SIGN_CHARS + r"~+(−-])")  # US$, $, -5
_NEXT_WORD = re.compile(r"\s+(\w+)")
_START_CHARACTERS = "0123456789" + SIGN_CHARS + "~+(−-"
_LETTER_AND_DIGIT = re.compile(r"[TQSH][1-4]")


@attrs.frozen
class _Starts:
    """What a token must be for the master pattern to be worth trying there."""

    initials: frozenset[str]
    articles: frozenset[str]
    after_article: frozenset[str]


@functools.cache
def _starts(language: str) -> _Starts:
    lexicon = load_lexicon(language)
    return _Starts(initial_words(lexicon), lexicon.word_list("articles"),
                   article_followers(lexicon))


def _first_match(pattern: re.Pattern[str], starts: _Starts, text: str, low: int,
                 high: int, endpos: int) -> re.Match[str] | None:
    """The master pattern's match at the first token in low..high that can start one."""
    for token in _TOKEN.finditer(text, low, endpos):
        if token.start() > high:
            break
        word = token.group()
        lower = word.lower()
        if lower in starts.articles:
            # "un accord", "an $11.9 billion": an article starts a mention only before a
            # scale, duration or number word ("un milliard", "a year ago", "a dozen")
            following = _NEXT_WORD.match(text, token.end())
            if following is None or following.group(1).lower() not in starts.after_article:
                continue
        elif not (word[0] in _START_CHARACTERS or word[-1] == "$" or lower in starts.initials
                  or _LETTER_AND_DIGIT.fullmatch(word)):
            continue
        match = pattern.match(text, token.start(), endpos)
        if match is not None:
            return match
    return None


# the digits and separators of a number in digits, however long
_FIGURE_RUN = re.compile(r"[0-9 \u00a0\u202f.,]*")
_FIGURE_CHARACTERS = frozenset("0123456789 \u00a0\u202f.,")
_DIGITS = frozenset("0123456789")


@attrs.define
class _DigitRuns:
    """Where the runs of digits and separators of one text end, each run measured once."""

    text: str
    start: int = 0
    end: int = 0

    def end_of(self, index: int) -> int:
        """The end of the run of digits and separators from `index`."""
        if not self.start <= index < self.end:
            self.start, self.end = index, _FIGURE_RUN.match(self.text, index).end()
        return self.end


def _cuts_a_figure(text: str, index: int) -> bool:
    """Whether `index` falls inside a number in digits ("1 000 | 000", "99|99")."""
    before, after = text[index - 1], text[index]
    return (before in _FIGURE_CHARACTERS and after in _FIGURE_CHARACTERS
            and (before in _DIGITS or after in _DIGITS))


def _window_end(near: re.Match[str], runs: _DigitRuns, seg_end: int) -> int:
    """How far the master pattern may read around trigger `near`: LOOKAHEAD characters past
    the trigger, or past the number in digits it starts, and never to the middle of a
    number. A figure longer than LOOKAHEAD ("9" * 400 + " milliards de dollars") is read
    whole with its unit, never as its head or its tail."""
    text = runs.text
    start, end = near.span()
    reach = start + LOOKAHEAD // 2
    # a number in digits can outgrow the window only if it runs this far (and then one of
    # any two characters in a row is a digit): cheap to rule out
    if text[start] in _DIGITS and reach + 1 < len(text) and (
            text[reach] in _DIGITS or text[reach + 1] in _DIGITS):
        end = runs.end_of(start)
    end += LOOKAHEAD
    if end >= seg_end:
        return seg_end
    if _cuts_a_figure(text, end):
        end = min(seg_end, runs.end_of(end) + LOOKAHEAD)
    return end


def _mention(match: re.Match[str], text: str, lexicon: Lexicon, reference: PartialDate | None,
             previous: list[Mention]) -> tuple[Mention | None, int]:
    name = match.lastgroup
    try:
        if name == "skip":
            return None, match.end()
        handler = _QUANTITY_HANDLERS.get(name or "")
        if handler is not None:
            return handler(match, text, lexicon)
        return date_mention(match, text, lexicon, reference, previous), match.end()
    except (ValueError, ArithmeticError, KeyError):
        # a match the grammar allows but no value fits (31/02/2025, a month 13): not a date
        return None, match.start() + 1


def parse_value(text: str, language: str,
                published: PartialDate | dt.date | str | None = None) -> Mention:
    """The one mention that `text` is, as written in an article ("11,9 milliards de dollars").

    The mention's value is None for a relative date that `published` cannot resolve or an
    anchored one ("quatre ans plus tard"), whose anchor lies outside `text`. Raises
    ParseError when `text` holds no figure or date, or more than one.
    """
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
