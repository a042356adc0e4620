"""From a matched amount to a Mention: value, unit and the interval the wording allows."""

from __future__ import annotations

import decimal
import functools
import math
import re
from decimal import Decimal

from factcheck.errors import ParseError
from factcheck.extract.grammar import CURRENCY_SYMBOLS, words
from factcheck.extract.lexicon import Lexicon, load_lexicon, normalize_word
from factcheck.extract.numbers import parse_digits, parse_words
from factcheck.model import Approx, Kind, Mention, Quantity

ABOUT = Decimal("0.1")  # "environ 14" allows 10 % either way (or the digits' precision if wider)
ONE = Decimal(1)

_PRODUCT_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][\w-]*[A-Za-z]\s$")

# A figure written with more digits than this is out of range: no real figure comes near
# (a world GDP in cents has 17 digits), and every value read stays within a float's range
# for the tools that chart or serialise it. Such a figure is reported with no value, not
# dropped and not rounded.
MAX_FIGURE_DIGITS = 100
# Arithmetic on figures runs in this context, whatever the caller's: the default one keeps
# 28 digits and would round a 29-digit amount ("12 345 678 901 234 567 890 milliards") to a
# wrong value. Every operation here (scaling, half steps, 10 % either way) needs at most a
# few more digits than the figure has; rounding anyway raises rather than return a wrong
# value.
EXACT = decimal.Context(prec=2 * MAX_FIGURE_DIGITS + 20, Emax=decimal.MAX_EMAX,
                        Emin=decimal.MIN_EMIN,
                        traps=[decimal.Inexact, decimal.InvalidOperation,
                               decimal.DivisionByZero, decimal.Overflow])
_NOT_DIGIT = re.compile(r"[^0-9]")


def too_long(written: str | None) -> bool:
    """Whether a figure in digits has more than MAX_FIGURE_DIGITS digits: out of range.

    >>> too_long("1" + " 000" * 33), too_long("1" + " 000" * 34)
    (False, True)
    """
    return (written is not None and len(written) > MAX_FIGURE_DIGITS
            and len(_NOT_DIGIT.sub("", written)) > MAX_FIGURE_DIGITS)


def tidy(number: Decimal) -> Decimal:
    """A Decimal without exponent noise: 1.19E+10 becomes 11900000000."""
    if number == number.to_integral_value():
        return number.quantize(ONE)
    return number.normalize()


def figure(match: re.Match[str], name: str, lexicon: Lexicon) -> tuple[Decimal, Decimal, bool]:
    """Value, last-digit step and whether it was written in words, of figure `name`."""
    written = match.group(name + "_d")
    if written is not None:
        value, step = parse_digits(written, lexicon.language)
        return value, step, False
    return parse_words(match.group(name + "_w"), lexicon), ONE, True


def scale_factor(text: str | None, lexicon: Lexicon) -> Decimal | None:
    if text is None:
        return None
    word = text.strip()
    if word in lexicon.scale_abbreviations:
        return lexicon.scale_abbreviations[word]
    return lexicon.scale_words.get(normalize_word(word))


def interval(value: Decimal, step: Decimal, approx: Approx,
             integral: bool) -> tuple[Decimal | None, Decimal | None]:
    """The bounds a wording allows around `value` (already scaled), `step` its precision."""
    half = step / 2
    low, high = value - half, value + half
    if integral and step >= 1:  # a count stated to the unit is exactly that count
        low, high = Decimal(math.ceil(low)), Decimal(math.floor(high))
    if approx is Approx.ABOUT:
        return min(low, value * (1 - ABOUT)), max(high, value * (1 + ABOUT))
    if approx in (Approx.MORE_THAN, Approx.AT_LEAST):
        return value, None
    if approx in (Approx.LESS_THAN, Approx.AT_MOST, Approx.UP_TO):
        return None, value
    return low, high


CONTEXT = 120  # characters either side searched for a percentage that makes "points" points


@functools.cache
def _percent_context(language: str) -> re.Pattern[str]:
    return re.compile(r"%|" + words(load_lexicon(language).word_list("percent")))


def _counted_noun(noun: str, lexicon: Lexicon) -> bool:
    """Whether a word after a figure names what is counted ("centres", "GPU"), not "pour"."""
    first = noun.split()[0]
    word = normalize_word(first).strip("'")
    if word in lexicon.word_list("not_nouns") or word in lexicon.month_numbers:
        return False
    core = first.rstrip("s")
    return first[0].islower() or (len(core) >= 2 and core.isupper())


def quantity_mention(match: re.Match[str], text: str, lexicon: Lexicon) -> tuple[Mention | None, int]:
    """The Mention for a `qty` match (or None), and where scanning should resume.

    A figure too long to read (more than MAX_FIGURE_DIGITS digits) gives a Mention with no
    value: reported, not dropped."""
    start = match.start("qty")
    in_digits = match.group("q1_d")
    name = "q1_d" if in_digits is not None else "q1_w"
    figure_start, figure_end = match.span(name)
    # a hedge or "du" came first ("le rapport du 12 mars"): if the figure is rejected,
    # scan again from the figure itself, where a date may start
    number_end = figure_start if figure_start > start else figure_end
    unit_end = _unit_end(match)
    if unit_end < 0 and match.group("q_cur1") is None and match.group("q_cur2") is None \
            and match.group("q1_scale") is None and match.group("q2_scale") is None:
        return None, number_end  # a bare number: no unit, no scale, not a quantity
    unreadable = too_long(in_digits) or too_long(match.group("q2_d"))
    try:
        with decimal.localcontext(EXACT):
            return _quantity_mention(match, text, lexicon, start, figure_end, number_end,
                                     unit_end, unreadable)
    except ParseError:
        return None, number_end  # "trois trois trois": number words that make no number


def _quantity_mention(match: re.Match[str], text: str, lexicon: Lexicon, start: int,
                      figure_end: int, number_end: int, unit_end: int,
                      unreadable: bool) -> tuple[Mention | None, int]:
    """quantity_mention's work once the match holds more than a bare number."""
    if unreadable:
        value, step, in_words = ONE, ONE, False  # placeholders: never used as a value
    else:
        value, step, in_words = figure(match, "q1", lexicon)
    factor = scale_factor(match.group("q1_scale"), lexicon)
    accepted_end = match.end("q1_scale") if factor is not None else figure_end

    upper = None
    if match.group("q_sep") is not None:
        value2, step2, words2 = (ONE, ONE, False) if unreadable else figure(match, "q2", lexicon)
        factor2 = scale_factor(match.group("q2_scale"), lexicon)
        upper = (value2, step2, factor2)
        accepted_end = match.end("q2_scale") if factor2 is not None else (
            match.end("q2_d") if match.group("q2_d") is not None else match.end("q2_w"))
        if factor is None:
            factor = factor2

    before = text[max(0, start - 30):start]
    if in_words and factor is None:
        word = normalize_word(match.group("q1_w"))
        previous = normalize_word(before).split()[-1:] if before.strip() else []
        duration = match.group("q_unit_dur")
        if word in lexicon.word_list("articles") and not (
                duration and lexicon.durations[normalize_word(duration)]
                in lexicon.word_list("article_durations")):
            return None, number_end  # "un accord", "a deal": an article, not a figure
        if previous and previous[0] in lexicon.word_list("determiners"):
            return None, number_end  # "les deux entreprises": a reference, not a figure

    kind, unit = None, None
    currency = match.group("q_cur1") or match.group("q_cur2")
    if currency:
        kind, unit = Kind.MONEY, _currency_code(currency, lexicon)
    if match.group("q_unit_cur_sym") or match.group("q_unit_cur_word") or match.group("q_unit_cur_code"):
        kind = Kind.MONEY
        unit = _currency_code(match.group("q_unit_cur_sym") or match.group("q_unit_cur_word")
                              or match.group("q_unit_cur_code"), lexicon)
        accepted_end = max(accepted_end, unit_end)
    elif match.group("q_unit_pct") is not None and kind is None:
        kind, unit, accepted_end = Kind.PERCENT, "%", match.end("q_unit_pct")
    elif match.group("q_unit_pts") is not None and kind is None:
        kind, unit, accepted_end = Kind.PERCENT, "pp", match.end("q_unit_pts")
    elif match.group("q_unit_dur") is not None and kind is None:
        kind = Kind.DURATION
        unit = lexicon.durations[normalize_word(match.group("q_unit_dur"))]
        accepted_end = match.end("q_unit_dur")
    elif match.group("q_unit_noun") is not None and kind is None:
        noun = match.group("q_unit_noun")
        product_name = (match.group("q1_d") is not None and factor is None
                        and _PRODUCT_NAME_BEFORE.search(before) is not None)
        if normalize_word(noun) in lexicon.word_list("bare_points") and \
                _percent_context(lexicon.language).search(text, max(0, start - CONTEXT), accepted_end + CONTEXT):
            kind, unit, accepted_end = Kind.PERCENT, "pp", match.end("q_unit_noun")
        elif _counted_noun(noun, lexicon) and not product_name and not (
                in_words and normalize_word(match.group("q1_w") + " " + noun)
                in lexicon.word_list("idioms")) and not (
                factor is not None and lexicon.scaled_noun_needs_joiner
                and not text[accepted_end:match.start("q_unit_noun")].strip()):
            kind, unit, accepted_end = Kind.COUNT, noun, match.end("q_unit_noun")
    if kind is None:
        if factor is None:
            return None, number_end  # a bare number: no unit, no scale, not a quantity
        kind = Kind.COUNT  # "80 milliards": a scaled figure whose unit the text leaves out

    approx = Approx.EXACT
    hedge = match.group("q_hedge")
    if hedge is not None:
        approx = Approx(lexicon.hedges.get(normalize_word(hedge), "about"))
        if kind is Kind.DURATION and normalize_word(hedge) == "over":
            approx = Approx.EXACT  # "over five years" is a period, not a bound
    opened = match.group("q_from") is not None or match.group("q_between") is not None
    spoken_period = hedge is not None and approx is Approx.EXACT  # "over five years"
    if (hedge is None or spoken_period) and not (upper is not None and opened):
        # "de 11,9 milliards": a lone "de" or "entre" is not part of the figure
        start = match.start("q_cur1") if match.group("q_cur1") else (
            match.start("q1_d") if match.group("q1_d") is not None else match.start("q1_w"))
    post = match.group("q_post")
    unit_rejected = unit_end > accepted_end
    if post is not None and hedge is None and upper is None and not unit_rejected:
        approx = Approx(lexicon.post_hedges[normalize_word(post)])
        accepted_end = match.end("q_post")
    if unreadable:
        return Mention(kind=kind, start=start, end=accepted_end, text=text[start:accepted_end],
                       value=None), accepted_end

    integral = kind in (Kind.COUNT, Kind.DURATION)
    scaled = factor if factor is not None else ONE
    if upper is not None:
        value2, step2, factor2 = upper
        low = tidy(value * scaled)
        high = tidy(value2 * (factor2 if factor2 is not None else scaled))
        if low > high:
            return None, number_end
        quantity = Quantity(value=None, low=low, high=high, unit=unit, approx=Approx.BETWEEN)
    else:
        amount = value * scaled
        low, high = interval(amount, step * scaled, approx, integral)
        quantity = Quantity(value=tidy(amount), low=None if low is None else tidy(low),
                            high=None if high is None else tidy(high), unit=unit, approx=approx,
                            step=tidy(step * scaled))
    return Mention(kind=kind, start=start, end=accepted_end, text=text[start:accepted_end],
                   value=quantity), accepted_end


_UNIT_GROUPS = ("q_unit_cur_sym", "q_unit_cur_word", "q_unit_cur_code", "q_unit_pct",
                "q_unit_pts", "q_unit_dur", "q_unit_noun")


def _unit_end(match: re.Match[str]) -> int:
    """Where the unit after the figure ends, or -1 when no unit followed it."""
    return max(map(match.end, _UNIT_GROUPS))  # end() is -1 for groups that did not match


def _currency_code(written: str, lexicon: Lexicon) -> str:
    written = written.strip()
    if written in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[written]
    if written.isupper() and len(written) == 3:
        return written
    return lexicon.currency_words[normalize_word(written)]


def vague_mention(match: re.Match[str], text: str, lexicon: Lexicon) -> tuple[Mention | None, int]:
    """"plusieurs milliards de dollars": at least two of the scale, no stated value."""
    factor = scale_factor(match.group("v_scale"), lexicon)
    if factor is None:
        return None, match.end("v_word")
    currency = (match.group("v_cur_sym") or match.group("v_cur_word") or match.group("v_cur_code"))
    kind, unit = (Kind.MONEY, _currency_code(currency, lexicon)) if currency else (Kind.COUNT, None)
    quantity = Quantity(value=None, low=tidy(2 * factor), high=None, unit=unit,
                        approx=Approx.AT_LEAST)
    start, end = match.start("vague"), match.end("vague")
    return Mention(kind=kind, start=start, end=end, text=text[start:end], value=quantity), end


def approximate_count_mention(match: re.Match[str], text: str,
                              lexicon: Lexicon) -> tuple[Mention | None, int]:
    """"une centaine d'employés", "a dozen deals": a round figure, approximately."""
    word = normalize_word(match.group("an_word"))
    value = lexicon.approximate_numbers.get(word, lexicon.approximate_numbers.get(word[:-1]))
    if value is None:
        return None, match.end("an_word")
    noun = match.group("an_noun")
    end = match.end("an_noun") if noun and _counted_noun(noun, lexicon) else match.end("an_word")
    amount = Decimal(value)
    low, high = interval(amount, ONE, Approx.ABOUT, integral=True)
    quantity = Quantity(value=amount, low=low, high=high,
                        unit=noun if end == match.end("an_noun") else None, approx=Approx.ABOUT)
    start = match.start("approxn")
    return Mention(kind=Kind.COUNT, start=start, end=end, text=text[start:end],
                   value=quantity), end
