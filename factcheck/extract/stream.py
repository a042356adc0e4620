"""Extraction from a text read in pieces (the lines or blocks of a file), in bounded memory.

`extract_stream` reads a text block by block, each of at most `block` characters (BLOCK by
default) and cut after a line break, or, in a line longer than a block, after a space that
does not fall inside a number. Each block is read with at least `margin` characters
(MARGIN) of the text on either side, from the start of a line where one is near, so that a
mention that runs past a cut, and the words around a figure that its reading looks at, are
read as if the text were in one piece. What a mention takes from further back is carried
from block to block: where the scan stopped, the last date the text stated ("le 27" is a
day of the month stated last in its paragraph), the last amount of money ("dont 11,9
milliards" takes its unit from "22,4 milliards de dollars") and whether a block of link
teasers ("Lire aussi") runs on.

The blocks depend on the text alone, never on how it was cut into pieces, and `extract`
reads a text in memory through the same blocks (a text of at most BLOCK characters is one
block): both give the same mentions, with the same offsets, for any text and any pieces.
Where a text is cut into blocks, a mention is read as in one piece unless its reading
reaches further than the margin past its block (a single figure or a run of spaces inside
a mention longer than that).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from factcheck._toml import os_problem, regular_file
from factcheck.errors import ParseError, Problem, ProblemsError
from factcheck.extract.dates import ANCHOR_REACH
from factcheck.extract.furniture import TEASER_LENGTH, among_teasers
from factcheck.extract.grammar import LOOKAHEAD
from factcheck.extract.language import SAMPLE, detect_language
from factcheck.extract.lexicon import LANGUAGES, load_lexicon
from factcheck.extract.quantities import CONTEXT, INHERIT_REACH, UnitContext, carry_units
from factcheck.extract.scan import allowed_segments, cuts_a_figure, scan
from factcheck.model import Kind, Mention, PartialDate

__all__ = ["extract_stream", "file_pieces", "coerce_published", "BLOCK", "MARGIN"]

# The most characters a block holds, and the context read on either side of it. A block
# holds at least half as many, unless the text ends; a run of text with no line break and
# no space outside a number (a number a million digits long) is held whole, however long.
BLOCK = 1_000_000
MARGIN = 10_000
# No mention looks further back or ahead than half this (anchored dates, inherited units,
# the words around a figure), and no line this long is a teaser of page furniture: a
# smaller margin would let a cut change what is read.
MIN_MARGIN = max(2 * max(ANCHOR_REACH, INHERIT_REACH, CONTEXT + LOOKAHEAD), TEASER_LENGTH)


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


def extract_stream(pieces: Iterable[str], language: str | None = None,
                   published: PartialDate | dt.date | str | None = None, *,
                   skip_furniture: bool = True, block: int = BLOCK,
                   margin: int = MARGIN) -> Iterator[Mention]:
    """Every mention of the text that `pieces` make end to end, in order, with its offsets
    in that whole text: what `extract` gives for the joined text, read a block at a time.

    `language` is detected from the first characters when None (as `extract` does);
    `published` and `skip_furniture` are as for `extract`. `block` and `margin` set the
    size of a block and of the context read on either side of it (MIN_MARGIN at least);
    `extract` reads with the defaults, which give exactly its mentions for any pieces.
    Bad arguments raise at once; the pieces are read as the mentions are asked for.

    >>> lines = ["OpenAI a signé un accord de 11,9 milliards de dollars\\n",
    ...          "en janvier dernier.\\n"]
    >>> [(m.start, m.text) for m in extract_stream(lines, "fr", "2025-03-11")]
    [(28, '11,9 milliards de dollars'), (57, 'janvier dernier')]
    """
    if not (isinstance(block, int) and isinstance(margin, int)) or block < 2 \
            or margin < MIN_MARGIN:
        raise ParseError(f"block must be 2 or more and margin {MIN_MARGIN} or more, got "
                         f"{block!r} and {margin!r}")
    if isinstance(pieces, bytes) or not isinstance(pieces, Iterable):
        raise ParseError(f"extract_stream needs an iterable of text pieces, got "
                         f"{type(pieces).__name__}")
    text = _Held(iter(pieces))
    if not language:
        text.read_to(SAMPLE)
        language = detect_language(text.part(0, min(SAMPLE, text.end)))
    if language not in LANGUAGES:
        raise ParseError(f"unsupported language {language!r}; expected one of {LANGUAGES}")
    reference = coerce_published(published)
    return _mentions(text, language, reference, skip_furniture, block, margin)


@attrs.define
class _Held:
    """The part of a text read from its pieces and not yet let go: the characters from
    `start` to `end` of the whole text."""

    pieces: Iterator[str]
    held: str = ""
    start: int = 0
    ended: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.held)

    def read_to(self, index: int) -> None:
        """Read pieces until the text up to `index` is held, or the text ends."""
        if self.ended or self.end >= index:
            return
        more, size = [], self.end
        for piece in self.pieces:
            if not isinstance(piece, str):
                raise ParseError(f"extract_stream needs pieces of text, got "
                                 f"{type(piece).__name__}")
            more.append(piece)
            size += len(piece)
            if size >= index:
                break
        else:
            self.ended = True
        self.held += "".join(more)

    def part(self, start: int, end: int) -> str:
        """The text from `start` to `end`, both held."""
        return self.held[start - self.start:end - self.start]

    def let_go(self, index: int) -> None:
        """Forget the text before `index`."""
        self.held = self.held[index - self.start:]
        self.start = index


def _mentions(text: _Held, language: str, reference: PartialDate | None,
              skip_furniture: bool, block: int, margin: int) -> Iterator[Mention]:
    lexicon = load_lexicon(language)
    cut = position = 0  # where this block starts, and where the scan of the text stopped
    dated: Mention | None = None  # the last date stated, with its value
    broken = False  # a paragraph break between `dated` and the text held
    units = UnitContext()
    low = 0  # where the window of this block starts
    teaser = False  # whether it starts among the teaser lines of a block of furniture
    while True:
        text.read_to(cut + block + 1)
        following = (text.end if text.ended and text.end - cut <= block
                     else _next_cut(text, cut, block))
        text.read_to(following + margin)
        high = min(text.end, following + margin)
        window = text.part(low, high)  # the whole text, not a copy, when it is one block
        segments = allowed_segments(window, language, skip_furniture, teaser=teaser)
        found, stopped = scan(window, language, reference, segments,
                              position=max(position - low, 0), stop=following - low,
                              anchors=_date_anchor(dated, broken, low))
        position = stopped + low
        written, after = carry_units(found, window, lexicon, _moved_context(units, -low))
        units = _moved_context(after, low)
        last_date = next((m for m in reversed(found)
                          if m.kind is Kind.DATE and m.value is not None), None)
        if last_date is not None:
            dated, broken = _moved(last_date, low), False
        yield from (_moved(m, low) for m in written) if low else written
        if text.ended and following >= text.end:
            return
        next_low = _window_start(text, following - margin, margin, low)
        if next_low > low:  # the next window starts further on: among teasers there?
            teaser = (skip_furniture and window[next_low - low - 1] == "\n"
                      and among_teasers(window, language, next_low - low, teaser=teaser))
        if dated is not None and dated.end < next_low:
            # whether a paragraph break ("\n\n") falls between that date and the next
            # window, a line break on either side of its start included
            broken = broken or "\n\n" in text.part(max(dated.end, low), next_low + 1)
        text.let_go(next_low)
        cut, low = following, next_low


def _window_start(text: _Held, index: int, margin: int, floor: int) -> int:
    """Where the window of a block starts: at `index` or before, at `floor` (where the
    window before starts) or after, and at the start of a line if one starts less than
    `margin` characters before `index`, so that the window holds whole lines and its page
    furniture reads as in the whole text; else at `index`, inside a line too long to be
    furniture."""
    if index <= floor:
        return floor
    lowest = max(index - margin, floor)
    found = text.held.rfind("\n", lowest - text.start, index - text.start)
    if found >= 0:
        return text.start + found + 1
    return floor if lowest == floor else index


def _next_cut(text: _Held, cut: int, block: int) -> int:
    """Where the block from `cut` ends: after the last line break of its second half; in a
    line longer than a block, after the last space there that does not fall inside a number
    ("1 000"); in a run with neither, after the first such place past it, or at the end."""
    low, high = cut + block // 2, cut + block
    held, start = text.held, text.start
    found = held.rfind("\n", low - start, high - start)
    if found >= 0:
        return start + found + 1
    found = held.rfind(" ", low - start, high - start)
    while found >= 0:
        if not cuts_a_figure(held, found + 1):
            return start + found + 1
        found = held.rfind(" ", low - start, found)
    position = high  # a run with no place to cut: read on to its end
    while (found := _CUT.search(text.held, position - text.start)) is None:
        if text.ended:
            return text.end
        position = max(position, text.end - 1)
        text.read_to(text.end + max(block, len(text.held)))  # twice as much: linear
    return text.start + found.end()


# a line break, or a space that a digit does not follow (what `cuts_a_figure` allows after a
# space), once the character after it is read
_CUT = re.compile(r"\n| (?=[^0-9])")


def _moved(mention: Mention, offset: int) -> Mention:
    return attrs.evolve(mention, start=mention.start + offset, end=mention.end + offset)


def _marker(mention: Mention, at: int) -> Mention:
    """An empty mention at `at` with the kind and value of `mention`: what a later mention
    needs of an earlier one (its value, where it ends) without its text."""
    return Mention(kind=mention.kind, start=at, end=at, text="", value=mention.value)


def _date_anchor(dated: Mention | None, broken: bool, low: int) -> tuple[Mention, ...]:
    """The last date stated before a window from `low`, as its dates may count from it: at
    its end, or at the window's start when it ends before (further back than any anchor
    reaches, so that only "le 27", which counts from it however far back in its
    paragraph, uses it)."""
    if dated is None or (broken and dated.end < low):
        return ()
    return (_marker(dated, max(dated.end - low, 0)),)


def _moved_context(context: UnitContext, offset: int) -> UnitContext:
    """`context` in the offsets of a window `offset` characters on (negative: back); a
    mention that falls before the window is too far back to matter and is dropped, and
    only the end and value of the others are kept."""
    def moved(mention: Mention | None) -> Mention | None:
        if mention is None or mention.end + offset < 0:
            return None
        return _marker(mention, mention.end + offset)

    return UnitContext(money=moved(context.money), last=moved(context.last))


# bytes read from a file at a time
READ_BYTES = 1 << 20


def file_pieces(path: Path) -> tuple[Iterator[str] | None, list[Problem]]:
    """The text of the file at `path` as pieces to read in turn, or None and the problem
    that prevents reading it.

    The file passes the checks `_toml.read_text` makes (a regular file: a named pipe would
    block, a device never ends; UTF-8 text, reported in the same words) but its size is not
    limited: it is never held whole. It is read once through to check that it is UTF-8
    before any piece is given; a problem met while the pieces are read (the file changed)
    raises ProblemsError."""
    path = Path(path)
    resolved, _, problems = regular_file(path)
    if resolved is None:
        return None, problems
    try:
        for _ in _decoded(resolved, path):
            pass
    except ProblemsError as exc:
        return None, list(exc.problems)
    return _decoded(resolved, path), []


def _decoded(resolved: Path, path: Path) -> Iterator[str]:
    """The text of `resolved`, decoded a block of bytes at a time; ProblemsError, naming
    `path`, when it cannot be read or is not UTF-8 (at the byte a whole read would name)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    read = 0
    try:
        with open(resolved, "rb") as stream:
            while data := stream.read(READ_BYTES):
                pending = len(decoder.getstate()[0])  # bytes of a character begun before
                yield decoder.decode(data)
                read += len(data)
            pending = len(decoder.getstate()[0])
            yield decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ProblemsError([Problem(file=str(path), message=(
            f"not UTF-8 text: {exc.reason} at byte {read - pending + exc.start}"))]) from exc
    except OSError as exc:
        raise ProblemsError([os_problem(path, exc)]) from exc
