"""Reading numbers written in digits or in words, with the precision the writing implies."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.errors import ParseError
from factcheck.extract.lexicon import Lexicon, normalize_word

_GROUP_SPACES = re.compile(r"[ \u00a0\u202f]")
ONE = Decimal(1)
_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(text: str, language: str) -> tuple[Decimal, Decimal]:
    """The value of a number in digits and the unit of its last written digit.

    >>> parse_digits("11,9", "fr")
    (Decimal('11.9'), Decimal('0.1'))
    >>> parse_digits("250 000", "fr")
    (Decimal('250000'), Decimal('1'))
    >>> parse_digits("1,000,000", "en")
    (Decimal('1000000'), Decimal('1'))
    >>> parse_digits("1.500", "fr")
    (Decimal('1500'), Decimal('1'))
    """
    if text.isascii() and text.isdigit():  # the common case: "32", "2019"
        return Decimal(text), ONE
    compact = _GROUP_SPACES.sub("", text)
    if language == "fr":
        if "," in compact:  # decimal comma; dots, if any, group thousands
            whole, _, fraction = compact.partition(",")
            whole = whole.replace(".", "")
        elif compact.count(".") >= 1 and all(len(g) == 3 for g in compact.split(".")[1:]):
            whole, fraction = compact.replace(".", ""), ""
        else:
            whole, _, fraction = compact.partition(".")
    else:
        whole, _, fraction = compact.replace(",", "").partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        raise ParseError(f"not a number: {text!r}", text=text)
    value = Decimal(f"{whole}.{fraction}") if fraction else Decimal(whole)
    step = Decimal(1).scaleb(-len(fraction))
    return value, step


def parse_words(text: str, lexicon: Lexicon) -> Decimal:
    """The value of a number in words.

    >>> from factcheck.extract.lexicon import load_lexicon
    >>> parse_words("deux cent cinquante mille", load_lexicon("fr"))
    Decimal('250000')
    >>> parse_words("quatre-vingt-dix", load_lexicon("fr"))
    Decimal('90')
    >>> parse_words("twenty-one", load_lexicon("en"))
    Decimal('21')
    """
    total = 0
    current = 0
    previous = ""
    for token in _WORD_SPLIT.split(normalize_word(text)):
        if token in ("et", "and", ""):
            continue
        if token not in lexicon.numbers:
            raise ParseError(f"not a number word: {token!r} in {text!r}", text=text)
        value = lexicon.numbers[token]
        if value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 20 and previous == "quatre":  # quatre-vingt(s) = 80
            current += 80 - 4
        else:
            current += value
        previous = token
    return Decimal(total + current)
