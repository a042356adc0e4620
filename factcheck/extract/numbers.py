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
    """The value of a number in words; ParseError when the words make no number.

    Within each part below "cent" or "mille", a word adds to the words before it only when
    it is smaller than a tens word before it ("vingt et un", "soixante-dix-sept"): "trois
    trois", "deux un" or "cent cent" are runs of number words, not one number.

    >>> from factcheck.extract.lexicon import load_lexicon
    >>> parse_words("deux cent cinquante mille", load_lexicon("fr"))
    Decimal('250000')
    >>> parse_words("quatre-vingt-dix", load_lexicon("fr"))
    Decimal('90')
    >>> parse_words("twenty-one", load_lexicon("en"))
    Decimal('21')
    >>> parse_words("trois trois", load_lexicon("fr"))
    Traceback (most recent call last):
    ...
    factcheck.errors.ParseError: not a number: 'trois' cannot follow 3 in 'trois trois'
    """
    total = 0
    current = 0
    previous = ""
    added: int | None = None  # the last word added since "cent" or "mille", if any
    for token in _WORD_SPLIT.split(normalize_word(text)):
        if token in ("et", "and", ""):
            continue
        if token not in lexicon.numbers:
            raise ParseError(f"not a number word: {token!r} in {text!r}", text=text)
        value = lexicon.numbers[token]
        if value == 100:
            if current >= 100:
                raise ParseError(f"not a number: {token!r} twice in {text!r}", text=text)
            current = (current or 1) * 100
            added = None
        elif value == 1000:
            if total:
                raise ParseError(f"not a number: {token!r} twice in {text!r}", text=text)
            total += (current or 1) * 1000
            current = 0
            added = None
        elif value == 20 and previous == "quatre":  # quatre-vingt(s) = 80
            current += 80 - 4
            added = 80
        else:
            if added is not None and not (added % 10 == 0 and value < added):
                raise ParseError(f"not a number: {token!r} cannot follow {added} in {text!r}",
                                 text=text)
            current += value
            added = value
        previous = token
    return Decimal(total + current)
