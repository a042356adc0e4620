"""Whether a regular expression can match text that starts with a given prefix.

The master pattern is an alternation of some thirty constructs, and trying each of them at
a word costs about as much as all the rest of the work on a mention. Most constructs cannot
start with a given word ("the", "de", a digit): `can_start_with` says so from the pattern
alone, so the extractor tries at each word only the constructs that can start there (see
`grammar.master_for`).

The answer is conservative: True whenever the pattern might match, False only when no
string that starts with the prefix can be matched. Look-arounds, anchors and back
references are assumed to hold, and a character is tested with the `re` engine itself
(case folding included). The pattern is read with the `re` module's own parser
(`re._parser`, the parser that `re.compile` uses and that hypothesis's `from_regex` reads
too); where it is missing or reads differently, every construct is kept.
"""

from __future__ import annotations

import functools
import re
from typing import Any

try:  # CPython 3.11 and later
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - another implementation: keep every construct
    _sre = _sre_parse = None  # type: ignore[assignment]

# Steps of the reading after which it gives up and answers True: a bound on the work for a
# pattern whose repetitions could match the prefix in very many ways.
MAX_STEPS = 20_000

_CATEGORIES = {"CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W", "CATEGORY_DIGIT": r"\d",
               "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S"}


class _GiveUp(Exception):
    """The reading met something it does not follow: the answer is True."""


def can_start_with(pattern: str, prefix: str, *, whole_word: bool = False) -> bool:
    """Whether `pattern` may match, at the start of some text, a string that begins with
    `prefix` (or a string that `prefix` begins with). Never False when it can.

    With `whole_word`, `prefix` is a whole word: the text goes on with a character that is
    not a letter, digit or underscore, or ends.

    >>> can_start_with(r"(?i:en|in)\\s+[0-9]{4}", "In")
    True
    >>> can_start_with(r"(?i:en|in)\\s+[0-9]{4}", "the")
    False
    >>> can_start_with(r"[0-9]+(?:,[0-9]+)?\\s*%", "12,5")
    True
    >>> can_start_with(r"(?i:forty|four)\\s+years", "for", whole_word=True)
    False
    """
    tree = _parsed(pattern)
    if tree is None or not prefix:
        return True
    characters = (*prefix, _NOT_WORD) if whole_word else tuple(prefix)
    try:
        return _matches(_push(tree, tree.state.flags, None), characters, [MAX_STEPS])
    except (_GiveUp, RecursionError):
        return True


@functools.lru_cache(maxsize=256)
def _parsed(pattern: str) -> Any:
    if _sre_parse is None:
        return None
    try:
        return _sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - a parser that reads differently: keep the construct
        return None


# Stands, after a whole word, for the character that follows it: any character that is not
# a letter, digit or underscore (or the end of the text).
_NOT_WORD = object()
# a range of characters this long or shorter is searched for one that is not a word character
_SMALL_RANGE = 4096

# The work left is a linked list of (item, flags, rest): the items still to match, in order.
Work = tuple[Any, int, "Work"] | None
_PROGRESS = "progress"  # marker: the optional repetition ahead must consume something


def _push(items: Any, flags: int, rest: Work) -> Work:
    for item in reversed(list(items)):
        rest = (item, flags, rest)
    return rest


def _matches(work: Work, prefix: tuple[Any, ...], budget: list[int]) -> bool:
    """Whether the items of `work` can match a string that begins with `prefix`."""
    while True:
        budget[0] -= 1
        if budget[0] < 0:
            raise _GiveUp
        if not prefix or work is None:
            return True  # the prefix is read, or the pattern ends inside it
        (op, av), flags, rest = work
        name = str(op)
        if name == _PROGRESS:
            if len(prefix) >= av:
                return False  # a repetition that read nothing: its other paths cover it
            work = rest
        elif name in ("LITERAL", "NOT_LITERAL", "IN", "ANY"):
            if not _char_matches(name, av, prefix[0], flags):
                return False
            work, prefix = rest, prefix[1:]
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            work = rest  # assumed to hold
        elif name == "SUBPATTERN":
            _, add_flags, del_flags, items = av
            work = _push(items, (flags | add_flags) & ~del_flags, rest)
        elif name == "ATOMIC_GROUP":
            work = _push(av, flags, rest)
        elif name == "BRANCH":
            return any(_matches(_push(branch, flags, rest), prefix, budget)
                       for branch in av[1])
        elif name == "GROUPREF_EXISTS":
            _, yes, no = av
            return (_matches(_push(yes, flags, rest), prefix, budget)
                    or _matches(_push(no or (), flags, rest), prefix, budget))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, items = av
            unbounded = high == _sre.MAXREPEAT
            if low > 0:
                again = ((op, (low - 1, high if unbounded else high - 1, items)), flags, rest)
                work = _push(items, flags, again)
            elif high == 0:
                work = rest
            else:
                again = ((op, (0, high if unbounded else high - 1, items)), flags, rest)
                once = _push(items, flags, ((_PROGRESS, len(prefix)), flags, again))
                return (_matches(rest, prefix, budget)
                        or _matches(once, prefix, budget))
        else:
            raise _GiveUp  # a back reference or an item this reading does not follow


def _char_matches(name: str, av: Any, char: Any, flags: int) -> bool:
    """Whether one character item of the tree matches `char`, by the `re` engine itself."""
    ignore_case = bool(flags & re.IGNORECASE)
    if name == "ANY":
        return True
    if char is _NOT_WORD:
        return _matches_a_non_word(name, av)
    if name in ("LITERAL", "NOT_LITERAL"):
        found = _class(re.escape(chr(av)), ignore_case).fullmatch(char) is not None
        return found if name == "LITERAL" else not found
    parts, negated = [], False
    for op, value in av:
        kind = str(op)
        if kind == "NEGATE":
            negated = True
        elif kind == "LITERAL":
            parts.append(re.escape(chr(value)))
        elif kind == "RANGE":
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind == "CATEGORY" and str(value) in _CATEGORIES:
            parts.append(_CATEGORIES[str(value)])
        else:
            raise _GiveUp
    body = ("^" if negated else "") + "".join(parts)
    return _class("[" + body + "]", ignore_case).fullmatch(char) is not None


@functools.lru_cache(maxsize=4096)
def _class(source: str, ignore_case: bool) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE if ignore_case else 0)


def _matches_a_non_word(name: str, av: Any) -> bool:
    """Whether one character item of the tree matches some character that is not a letter,
    digit or underscore (True when unsure)."""
    if name == "LITERAL":
        return _NON_WORD.fullmatch(chr(av)) is not None
    if name != "IN":
        return True  # NOT_LITERAL: all characters but one
    for op, value in av:
        kind = str(op)
        if kind == "LITERAL" and _NON_WORD.fullmatch(chr(value)) is None:
            continue
        if kind == "RANGE" and value[1] - value[0] <= _SMALL_RANGE and not any(
                _NON_WORD.fullmatch(chr(code)) for code in range(value[0], value[1] + 1)):
            continue
        if kind == "CATEGORY" and str(value) in ("CATEGORY_WORD", "CATEGORY_DIGIT"):
            continue
        return True  # a negated set, a non-word character, a wide range: maybe
    return False


_NON_WORD = re.compile(r"\W")
