"""The scan of one text for mentions: triggers, the master pattern around them, handlers.

A cheap pass finds the triggers (a number that a unit follows, a number, scale, month or
duration word, a cue before a year); the master pattern runs only in a window around each
(LOOKBACK characters before it, LOOKAHEAD after), at the words that can start one of its
constructs; quantities.py and dates.py turn a match into a Mention. `scan` reads a whole
text, or a block of a longer one from where the scan of the block before stopped (see
stream.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from factcheck.extract.dates import date_mention
from factcheck.extract.furniture import furniture_spans
from factcheck.extract.grammar import (CURRENCY_CODES, LOOKAHEAD, LOOKBACK, SIGN_CHARS,
                                       article_followers, initial_words, master_for,
                                       trigger_after_gap, trigger_pattern)
from factcheck.extract.lexicon import Lexicon, load_lexicon
from factcheck.extract.quantities import (approximate_count_mention, quantity_mention,
                                          ratio_mention, vague_mention)
from factcheck.model import Kind, Mention, PartialDate

_QUANTITY_HANDLERS = {"qty": quantity_mention, "vague": vague_mention,
                      "approxn": approximate_count_mention, "ratio": ratio_mention}


def allowed_segments(text: str, language: str, skip_furniture: bool, *,
                     teaser: bool = False) -> list[tuple[int, int]]:
    """The spans of `text` to read, in order: all of it, or all but its page furniture
    (`teaser`: the text starts among the teaser lines of a block, see `furniture_spans`)."""
    if not skip_furniture:
        return [(0, len(text))]
    segments, position = [], 0
    for start, end in furniture_spans(text, language, teaser=teaser):
        if start > position:
            segments.append((position, start))
        position = end
    if position < len(text):
        segments.append((position, len(text)))
    return segments


def scan(text: str, language: str, reference: PartialDate | None,
         segments: Iterable[tuple[int, int]], *, position: int = 0, stop: int | None = None,
         anchors: Sequence[Mention] = ()) -> tuple[list[Mention], int]:
    """The mentions of `text` in its allowed `segments`, in order, and where the scan stopped.

    The scan starts at `position` and takes the triggers that start before `stop` (the end
    of the text when None); a mention may run past `stop`. `anchors` are mentions before
    `position` that a date may count from ("le 27", "l'année suivante"). The units of a
    list are not inherited here (`quantities.carry_units`)."""
    lexicon = load_lexicon(language)
    trigger, gap = trigger_pattern(language), trigger_after_gap(language)
    starts = _starts(language)
    stop = len(text) if stop is None else stop
    previous = list(anchors)
    found: list[Mention] = []
    runs = _DigitRuns(text)
    for seg_start, seg_end in segments:
        if seg_end <= position:
            continue
        if seg_start >= stop:
            break
        position = max(position, seg_start)
        while position < seg_end:
            # The full grammar runs only in a window around each trigger word: one cheap
            # pass finds the triggers, so cost grows with mentions, not with text length.
            near = _next_trigger(trigger, gap, text, position, seg_end)
            if near is None:
                break
            at, after = near
            if at >= stop:
                return found, position
            match = _first_match(language, starts, text, max(position, at - LOOKBACK), at,
                                 _window_end(at, after, runs, seg_end))
            if match is None:
                position = after
                continue
            mention, resume = _mention(match, text, lexicon, reference, previous)
            if mention is not None:
                found.append(mention)
                if mention.kind is Kind.DATE and mention.value is not None:
                    previous.append(mention)  # what a later date may count from, alone:
                    # the walk back to it never crosses figures or unresolved dates
            position = max(resume, match.start() + 1)
    return found, position


_TOKEN = re.compile(r"(?<!\w)(?:[A-Z]{1,3}\$|\w+|[" + SIGN_CHARS + r"~+(−-])")  # US$, $, -5
_NEXT_WORD = re.compile(r"\s+(\w+)")
_START_CHARACTERS = "0123456789" + SIGN_CHARS + "~+(−-"
_LETTER_AND_DIGIT = re.compile(r"[TQSH][1-4]")
_CODE_BEFORE_DIGIT = re.compile("(" + "|".join(CURRENCY_CODES) + ")[0-9]")


@attrs.frozen
class _Starts:
    """What a token must be for the master pattern to be worth trying there."""

    initials: frozenset[str]
    articles: frozenset[str]
    after_article: frozenset[str]
    # the patterns to try at a token, by token (`_patterns_at`), as tokens come: the words
    # of a text recur; emptied when it holds TOKENS of them
    known: dict[str, tuple[re.Pattern[str], ...] | None] = attrs.field(factory=dict, eq=False)

    def remember(self, language: str, word: str) -> tuple[re.Pattern[str], ...] | None:
        """`_patterns_at(language, word)`, now known."""
        if len(self.known) >= TOKENS:
            self.known.clear()
        found = self.known[word] = _patterns_at(language, word)
        return found


_UNKNOWN = object()


@functools.cache
def _starts(language: str) -> _Starts:
    lexicon = load_lexicon(language)
    return _Starts(initial_words(lexicon), lexicon.word_list("articles"),
                   article_followers(lexicon))


def _first_match(language: str, starts: _Starts, text: str, low: int,
                 high: int, endpos: int) -> re.Match[str] | None:
    """The master pattern's match at the first token in low..high that can start one."""
    known = starts.known
    for token in _TOKEN.finditer(text, low, endpos):
        if token.start() > high:
            break
        word = token.group()
        patterns = known.get(word, _UNKNOWN)
        if patterns is _UNKNOWN:
            patterns = starts.remember(language, word)
        if patterns is None:
            # "un accord", "an $11.9 billion": an article starts a mention only before a
            # scale, duration or number word ("un milliard", "a year ago", "a dozen")
            following = _NEXT_WORD.match(text, token.end())
            if following is None or following.group(1).lower() not in starts.after_article:
                continue
            patterns = master_for(language, word, True)
        for pattern in patterns:
            match = pattern.match(text, token.start(), endpos)
            if match is not None:
                return match
    return None


# the distinct tokens `_Starts.known` remembers the patterns of: the words of a text recur
TOKENS = 8192


def _patterns_at(language: str, word: str) -> tuple[re.Pattern[str], ...] | None:
    """The patterns to try where token `word` starts: none when no mention starts with such
    a token, the constructs that can start with it (`grammar.master_for`) otherwise; None
    for an article, which starts a mention only before certain words."""
    starts = _starts(language)
    lower = word.lower()
    if lower in starts.articles:
        return None
    if not (word[0] in _START_CHARACTERS or word[-1] == "$" or lower in starts.initials
            or _LETTER_AND_DIGIT.fullmatch(word)):
        glued = _CODE_BEFORE_DIGIT.match(word)  # "CHF1.12bn", "USD4.5": a code, then digits
        return master_for(language, glued.group(1), True) if glued else ()
    # the constructs that can start with this word, or with this number's first digit
    whole = word[-1].isalnum() or word[-1] == "_"  # not "US$" or "€": a whole word
    if word[0] in _DIGITS and len(word) > 1:
        word, whole = word[0], False
    return master_for(language, word, whole)


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


def cuts_a_figure(text: str, index: int) -> bool:
    """Whether `index` falls inside a number in digits ("1 000 | 000", "99|99")."""
    before, after = text[index - 1], text[index]
    return (before in _FIGURE_CHARACTERS and after in _FIGURE_CHARACTERS
            and (before in _DIGITS or after in _DIGITS))


def _next_trigger(trigger: re.Pattern[str], gap: re.Pattern[str], text: str, position: int,
                  end: int) -> tuple[int, int] | None:
    """The span of the first trigger at `position` or after (before `end`), found with the
    pattern that starts with the character before a trigger (see
    `grammar.trigger_after_gap`); at the start of the text, where no character comes first,
    with the trigger pattern itself."""
    if position == 0:
        near = trigger.match(text, 0, end)
        if near is not None:
            return near.span()
        position = 1
    near = gap.search(text, position - 1, end)
    return None if near is None else (near.start() + 1, near.end())


def _window_end(start: int, end: int, runs: _DigitRuns, seg_end: int) -> int:
    """How far the master pattern may read around the trigger text[start:end]: LOOKAHEAD
    characters past the trigger, or past the number in digits it starts, and never to the
    middle of a number. A figure longer than LOOKAHEAD ("9" * 400 + " milliards de
    dollars") is read whole with its unit, never as its head or its tail."""
    text = runs.text
    reach = start + LOOKAHEAD // 2
    # a number in digits can outgrow the window only if it runs this far (and then one of
    # any two characters in a row is a digit): cheap to rule out
    if text[start] in _DIGITS and reach + 1 < len(text) and (
            text[reach] in _DIGITS or text[reach + 1] in _DIGITS):
        end = runs.end_of(start)
    end += LOOKAHEAD
    if end >= seg_end:
        return seg_end
    if cuts_a_figure(text, end):
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
