"""From a matched amount to a Mention: value, unit and the interval the wording allows."""

from __future__ import annotations

import decimal
import functools
import math
import re
from decimal import Decimal
from typing import NamedTuple

from factcheck.errors import ParseError
import attrs

from factcheck.extract.grammar import (CURRENCY_SYMBOLS, SIGN_CHARS, currency_symbols, digits,
                                       words, words_backwards)
from factcheck.extract.lexicon import Lexicon, load_lexicon, normalize_word
from factcheck.extract.numbers import parse_digits, parse_words
from factcheck.model import Approx, Kind, Mention, Quantity, currency_codes, unchecked

# the figures of the main handler, built without the model's checks: every field is set
# here in its type, low <= value <= high and a positive step (see `model.unchecked`)
_new_quantity = unchecked(Quantity)
new_mention = unchecked(Mention)

ABOUT = Decimal("0.1")  # "environ 14" allows 10 % either way (or the digits' precision if wider)
ONE = Decimal(1)

_PRODUCT_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w-]*[A-Za-z])\s$")

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
    return _figure(match.group(name + "_d"), match.group(name + "_w"), lexicon)


def _figure(in_digits: str | None, in_words: str | None,
            lexicon: Lexicon) -> tuple[Decimal, Decimal, bool]:
    if in_digits is not None:
        value, step = parse_digits(in_digits, lexicon.language)
        return value, step, False
    return parse_words(in_words, lexicon), ONE, True


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
    if approx in _LOWER_BOUNDS:
        return value, None
    if approx in _UPPER_BOUNDS:
        return None, value
    if integral and step == 1 and value == value.to_integral_value():
        low = high = value  # a count stated to the unit is exactly that count
    else:
        half = step / 2
        low, high = value - half, value + half
        if integral and step >= 1:
            low, high = Decimal(math.ceil(low)), Decimal(math.floor(high))
    if approx is Approx.ABOUT:
        return min(low, value * (1 - ABOUT)), max(high, value * (1 + ABOUT))
    return low, high


_LOWER_BOUNDS = frozenset({Approx.MORE_THAN, Approx.AT_LEAST})  # "plus de 4 milliards"
_UPPER_BOUNDS = frozenset({Approx.LESS_THAN, Approx.AT_MOST, Approx.UP_TO})


CONTEXT = 120  # characters either side searched for a percentage that makes "points" points


@functools.cache
def _percent_context(language: str) -> re.Pattern[str]:
    return re.compile(r"%|" + words(load_lexicon(language).word_list("percent")))


def _product_name_before(before: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised name stands right before a figure ("Nvidia H100", "Airbus
    A350"), not a capitalised function word ("The 240 MW array", "In 2024")."""
    found = _PRODUCT_NAME_BEFORE.search(before)
    return found is not None and normalize_word(found.group(1)) not in lexicon.word_list(
        "not_nouns")


def _round_number(written: str, lexicon: Lexicon) -> int | None:
    """The value of a round-number word, singular or plural ("dozen", "douzaines")."""
    word = normalize_word(written)
    numbers = lexicon.approximate_numbers
    return numbers.get(word, numbers.get(word[:-1]))


def _round_number_noun(noun: str, lexicon: Lexicon) -> tuple[Decimal, str | None] | None:
    """A count's noun that opens with a round number ("dozen trains", "douzaines de
    rames", "centaines"): its value and the noun after it (None when the text leaves it
    out); None for any other noun."""
    first, _, rest = noun.partition(" ")
    value = _round_number(first, lexicon)
    if value is None:
        return None
    if not rest:
        return Decimal(value), None
    joiner, _, after = rest.partition(" ")
    if after and normalize_word(joiner).rstrip("'") in ("of", "de", "d"):
        rest = after
    elif rest.startswith(("d'", "d’")):
        rest = rest[2:]
    return Decimal(value), rest


def _counted_noun(noun: str, lexicon: Lexicon) -> bool:
    """Whether a word after a figure names what is counted ("centres", "GPU"), not "pour"."""
    first = noun.split()[0]
    word = normalize_word(first).strip("'")
    if word in lexicon.word_list("not_nouns") or word in lexicon.month_numbers or (
            word in lexicon.numbers and word not in lexicon.minor_units):
        return False  # "up from 150 twelve months earlier"; but "40 cents par action"
    core = first.rstrip("s")
    return first[0].islower() or (len(core) >= 2 and core.isupper()) \
        or word in lexicon.word_list("glued_units")  # "900 GWh"


class _AmountGroups(NamedTuple):
    """The groups of an amount's match (the `qty` construct) that its handler reads, read
    at once: one call into the match, not one per group."""

    q1_d: str | None
    q1_scale: str | None
    q1_w: str | None
    q2_d: str | None
    q2_scale: str | None
    q2_w: str | None
    q_between: str | None
    q_cur1: str | None
    q_cur2: str | None
    q_from: str | None
    q_hedge: str | None
    q_post: str | None
    q_sep: str | None
    q_sign: str | None
    q_unit_cur_code: str | None
    q_unit_cur_sym: str | None
    q_unit_cur_word: str | None
    q_unit_dur: str | None
    q_unit_noun: str | None
    q_unit_pct: str | None
    q_unit_pts: str | None


def quantity_mention(match: re.Match[str], text: str, lexicon: Lexicon) -> tuple[Mention | None, int]:
    """The Mention for a `qty` match (or None), and where scanning should resume.

    A figure too long to read (more than MAX_FIGURE_DIGITS digits) gives a Mention with no
    value: reported, not dropped."""
    g = _AmountGroups._make(match.group(*_AmountGroups._fields))
    start = match.start("qty")
    in_digits = g.q1_d
    name = "q1_d" if in_digits is not None else "q1_w"
    figure_start, figure_end = match.span(name)
    # a hedge or "du" came first ("le rapport du 12 mars"): if the figure is rejected,
    # scan again from the figure itself, where a date may start
    number_end = figure_start if figure_start > start else figure_end
    unit_end = _unit_end(match)
    if unit_end < 0 and g.q_cur1 is None and g.q_cur2 is None \
            and g.q1_scale is None and g.q2_scale is None:
        if g.q_sep is None and g.q_sign is None:
            compound = _round2(lexicon.language).hyphen_duration.match(text, figure_end)
            if compound is not None:  # "a five-year deal", "a 10-year contract"
                return _hyphen_duration(match, text, lexicon, figure_start, compound)
        return None, number_end  # a bare number: no unit, no scale, not a quantity
    if g.q_unit_pct is not None and _round2(lexicon.language).url_escape.match(
            text, match.start("q_unit_pct")):
        return None, match.end("q_unit_pct")  # "q=30%25", "%2D": URL-encoded text
    unreadable = too_long(in_digits) or too_long(g.q2_d)
    try:
        with decimal.localcontext(EXACT):
            return _quantity_mention(match, g, text, lexicon, start, figure_end, number_end,
                                     unit_end, unreadable)
    except ParseError:
        return None, number_end  # "trois trois trois": number words that make no number


def _quantity_mention(match: re.Match[str], g: _AmountGroups, text: str, lexicon: Lexicon,
                      start: int, figure_end: int, number_end: int, unit_end: int,
                      unreadable: bool) -> tuple[Mention | None, int]:
    """quantity_mention's work once the match holds more than a bare number."""
    if unreadable:
        value, step, in_words = ONE, ONE, False  # placeholders: never used as a value
    else:
        value, step, in_words = _figure(g.q1_d, g.q1_w, lexicon)
    factor = None if g.q1_scale is None else scale_factor(g.q1_scale, lexicon)
    accepted_end = match.end("q1_scale") if factor is not None else figure_end

    upper = None
    if g.q_sep is not None:
        value2, step2, _ = (ONE, ONE, False) if unreadable else _figure(g.q2_d, g.q2_w,
                                                                        lexicon)
        factor2 = scale_factor(g.q2_scale, lexicon)
        upper = (value2, step2, factor2)
        accepted_end = match.end("q2_scale") if factor2 is not None else (
            match.end("q2_d") if g.q2_d is not None else match.end("q2_w"))
        if factor is None:
            factor = factor2

    before = text[max(0, start - 30):start]
    if in_words and factor is None:
        word = normalize_word(g.q1_w)
        previous = normalize_word(before).split()[-1:] if before.strip() else []
        duration = g.q_unit_dur
        if word in lexicon.word_list("articles") and not (
                duration and lexicon.durations[normalize_word(duration)]
                in lexicon.word_list("article_durations")):
            return None, number_end  # "un accord", "a deal": an article, not a figure
        if previous and previous[0] in lexicon.word_list("determiners"):
            return None, number_end  # "les deux entreprises": a reference, not a figure

    kind, unit = None, None
    currency = g.q_cur1 or g.q_cur2
    if currency:
        kind, unit = Kind.MONEY, _currency_code(currency, lexicon)
    if g.q_unit_cur_sym or g.q_unit_cur_word or g.q_unit_cur_code:
        kind = Kind.MONEY
        unit = _currency_code(g.q_unit_cur_sym or g.q_unit_cur_word
                              or g.q_unit_cur_code, lexicon)
        accepted_end = max(accepted_end, unit_end)
        word = g.q_unit_cur_word
        if word is not None and normalize_word(word) in lexicon.word_list("money_context_needed") \
                and not _round2(lexicon.language).money_context.search(
                    text, max(0, start - CONTEXT), accepted_end + CONTEXT):
            # "3 millions de livres vendus": books, unless pounds are in the air
            kind, unit, accepted_end = Kind.COUNT, word, match.end("q_unit_cur_word")
    elif g.q_unit_pct is not None and kind is None:
        kind, unit, accepted_end = Kind.PERCENT, "%", match.end("q_unit_pct")
    elif g.q_unit_pts is not None and kind is None:
        kind, unit, accepted_end = Kind.PERCENT, "pp", match.end("q_unit_pts")
    elif g.q_unit_dur is not None and kind is None:
        kind = Kind.DURATION
        unit = lexicon.durations[normalize_word(g.q_unit_dur)]
        accepted_end = match.end("q_unit_dur")
    elif g.q_unit_noun is not None and kind is None:
        noun = g.q_unit_noun
        product_name = (g.q1_d is not None and factor is None
                        and _product_name_before(before, lexicon))
        if noun.isupper() and noun in currency_codes() and any(
                normalize_word(w) in lexicon.word_list("currency_joiners")
                for w in text[accepted_end:match.start("q_unit_noun")].split()):
            # "287 millions de CHF": a currency's code after "de"/"of" is money
            kind, unit, accepted_end = Kind.MONEY, noun, match.end("q_unit_noun")
        elif normalize_word(noun) in lexicon.word_list("bare_points") and \
                _percent_context(lexicon.language).search(text, max(0, start - CONTEXT), accepted_end + CONTEXT):
            kind, unit, accepted_end = Kind.PERCENT, "pp", match.end("q_unit_noun")
        elif not product_name and (brand := _brand_noun(noun, text, match.end("q_unit_noun"),
                                                        lexicon)) is not None:
            kind, (unit, accepted_end) = Kind.COUNT, brand  # "250,000 Nvidia GPUs"
        elif _counted_noun(noun, lexicon) and not product_name and not (
                in_words and normalize_word(g.q1_w + " " + noun)
                in lexicon.word_list("idioms")) and not (
                factor is not None and lexicon.scaled_noun_needs_joiner
                and not text[accepted_end:match.start("q_unit_noun")].strip()):
            kind, unit, accepted_end = Kind.COUNT, noun, match.end("q_unit_noun")
    minor = None
    if kind is Kind.COUNT and unit is not None and factor is None and upper is None:
        minor = lexicon.minor_units.get(normalize_word(unit))  # "34 cents", "20 pence"
        if minor is not None:
            kind, unit = Kind.MONEY, minor[0]
    if kind is Kind.COUNT and unit is not None:
        unit, accepted_end = _longer_noun(unit, text, accepted_end, lexicon)
        if lexicon.word_list("noun_phrase_stops"):
            unit, accepted_end = _noun_phrase(unit, text, accepted_end, lexicon)
        if factor is None:  # "two dozen trains", "deux douzaines de rames": 24 trains
            dozens = _round_number_noun(unit, lexicon)
            if dozens is not None:
                factor, unit = dozens
    if kind is None:
        trailing = _round2(lexicon.language).trailing_currency.match(text, accepted_end)
        if trailing is not None:  # "75 millions de $", "16,4 millions de $CAD"
            kind, unit = Kind.MONEY, _currency_code(trailing.group(1), lexicon)
            accepted_end = trailing.end()
    if kind is None:
        if factor is None:
            return None, number_end  # a bare number: no unit, no scale, not a quantity
        kind = Kind.COUNT  # "80 milliards": a scaled figure whose unit the text leaves out

    approx = Approx.EXACT
    hedge = g.q_hedge
    if hedge is not None:
        approx = Approx(lexicon.hedges.get(normalize_word(hedge), "about"))
        if kind is Kind.DURATION and normalize_word(hedge) == "over":
            approx = Approx.EXACT  # "over five years" is a period, not a bound
    opened = g.q_from is not None or g.q_between is not None
    spoken_period = hedge is not None and approx is Approx.EXACT  # "over five years"
    if (hedge is None or spoken_period) and not (upper is not None and opened):
        # "de 11,9 milliards": a lone "de" or "entre" is not part of the figure
        start = match.start("q_cur1") if g.q_cur1 else (
            match.start("q1_d") if g.q1_d is not None else match.start("q1_w"))
    post = g.q_post
    unit_rejected = unit_end > accepted_end
    if post is not None and hedge is None and upper is None and not unit_rejected:
        approx = Approx(lexicon.post_hedges[normalize_word(post)])
        accepted_end = match.end("q_post")
    if unreadable:
        return new_mention(kind, start, accepted_end, text[start:accepted_end], None, False,
                           False, False), accepted_end

    context = _round2(lexicon.language)
    if minor is not None:
        value, step = value * minor[1], step * minor[1]
    elif kind is Kind.MONEY and upper is None and factor is None:
        cents = context.cents.match(text, accepted_end)  # "15 dollars et 15 cents", "4 dollars 85"
        if cents is not None and (cents.group(2) or len(cents.group(1)) == 2):
            value, step = value + Decimal(cents.group(1)) / 100, Decimal("0.01")
            accepted_end = cents.end()
    if kind is Kind.MONEY and upper is None:
        per = context.per_unit.match(text, accepted_end)  # "$40 per share", "par action"
        if per is not None and (factor is None or normalize_word(per.group(1))
                                not in lexicon.word_list("articles")):
            noun = per.group(2)
            if _counted_noun(noun, lexicon) and normalize_word(noun) not in lexicon.durations:
                unit = unit + "/" + _singular(noun)
                accepted_end = per.end()
    # a negative level: "-5 %", "moins 5 %", "minus five percent"
    negative = False
    if kind in (Kind.MONEY, Kind.PERCENT) and upper is None:
        if g.q_sign is not None:
            negative, start = True, match.start("q_sign")
        elif hedge is None and (word := _search_back(context.negative, context.negative_backwards,
                                                      text, max(0, start - 30), start)):
            negative, start = True, word.start()
    # the size of a change: "en baisse de 3 %", "fell 3%", "a reculé de 2 milliards"
    change = None
    if not negative:
        # from the figure (or its hedge or sign): "up from 35%" is a level, and "en baisse
        # de 3 %" reads its "de" as the change's joiner, not as a range's opener
        for group in _OPENING_GROUPS:
            opening = match.start(group)  # -1 for a group that did not match
            if opening >= 0:
                break
        found = _search_back(context.change, context.change_backwards, text,
                             max(0, opening - 40), opening)
        if found is not None:
            change = lexicon.changes[normalize_word(found.group(1))]

    integral = kind in (Kind.COUNT, Kind.DURATION)
    scaled = factor if factor is not None else ONE
    if upper is not None:
        value2, step2, factor2 = upper
        low = tidy(value * scaled)
        high = tidy(value2 * (factor2 if factor2 is not None else scaled))
        if low > high:
            return None, number_end
        quantity = _new_quantity(None, low, high, unit, Approx.BETWEEN, None, change)
    else:
        amount = value * scaled
        low, high = interval(amount, step * scaled, approx, integral)
        if negative:
            amount, low, high = -amount, None if high is None else -high, None if low is None else -low
        quantity = _new_quantity(tidy(amount), None if low is None else tidy(low),
                                 None if high is None else tidy(high), unit, approx,
                                 tidy(step * scaled), change)
    return new_mention(kind, start, accepted_end, text[start:accepted_end], quantity, False,
                       False, False), accepted_end


# what a figure opens with, in the order it is written: its hedge, sign, currency or digits
_OPENING_GROUPS = ("q_hedge", "q_sign", "q_cur1", "q1_d", "q1_w")


def _unit_end(match: re.Match[str]) -> int:
    """Where the unit after the figure ends, or -1 when no unit followed it."""
    return match.end("q_unit")  # end() is -1 for a group that did not match


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
    value = _round_number(match.group("an_word"), lexicon)
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


# --- quantities, second round: wordings read around a figure, from lexicon data ------------

@attrs.frozen
class _Round2:
    """The patterns, compiled once per language, that read around a matched figure."""

    trailing_currency: re.Pattern[str]  # "75 millions de $"
    cents: re.Pattern[str]  # "15 dollars et 15 cents", "4 dollars 85"
    per_unit: re.Pattern[str]  # "$40 per share", "40 dollars par action"
    negative: re.Pattern[str]  # "moins 5 %"
    change: re.Pattern[str]  # "en baisse de 3 %"
    # the two above read backwards from the figure, without their word edges: a quick test
    # that rules them out before the search
    negative_backwards: re.Pattern[str]
    change_backwards: re.Pattern[str]
    next_word: re.Pattern[str]
    model_code: re.Pattern[str]  # "puces H100"
    scale: re.Pattern[str]
    alternative: re.Pattern[str]  # "40 ou 20 milliards de dollars"
    alternative_backwards: re.Pattern[str]
    hyphen_duration: re.Pattern[str]  # "five-year"
    url_escape: re.Pattern[str]  # what follows "%" in "q=30%25"
    money_context: re.Pattern[str]  # "sterling", "£": bare "livres" are pounds
    sentence_break: re.Pattern[str]


@functools.cache
def _round2(language: str) -> _Round2:
    lexicon = load_lexicon(language)
    joiners = words(lexicon.word_list("currency_joiners"))
    minor = words(lexicon.minor_units)
    return _Round2(
        trailing_currency=re.compile(r"(?:\s+" + joiners + r"\s*|\s?)(" + currency_symbols()
                                     + r")(?![0-9])"),
        cents=re.compile(r"\s+(?:(?i:et|and)\s+)?([0-9]{1,2})(?:\s+(" + minor + r")"
                         r"|(?![0-9]|[.,][0-9]|\s*[%\w" + re.escape(SIGN_CHARS) + r"]))"),
        per_unit=re.compile(r"\s*-?\s*(" + words(lexicon.word_list("per_unit")) + r")\s*"
                            r"([^\W\d_][\w'’-]*)"),
        negative=re.compile(words(lexicon.word_list("negative")) + r"\s+$"),
        negative_backwards=re.compile(r"\s+" + words_backwards(lexicon.word_list("negative"))),
        change_backwards=re.compile(r"\s*(?:" + words_backwards(lexicon.word_list("change_joiners"))
                                    + r"\s+)?" + words_backwards(lexicon.changes)),
        change=re.compile(r"(?<!\w)(" + words(lexicon.changes) + r")(?:\s+"
                          + words(lexicon.word_list("change_joiners")) + r")?\s*$"),
        next_word=re.compile(r"\s+([^\W\d_][\w'’-]*)"),
        model_code=re.compile(r"\s+([A-Z]+[0-9][A-Za-z0-9]*)(?![\w-])"),
        scale=re.compile(r"(?<!\w)(?:" + words(lexicon.scale_words) + r"|[0-9](?:"
                         + "|".join(re.escape(a) for a in sorted(lexicon.scale_abbreviations,
                                                                 key=lambda a: -len(a)))
                         + r")(?![^\W\d_]))"),
        alternative=re.compile(r"(?<![\w.,/-])(" + digits(lexicon) + r")\s+"
                               + words(lexicon.word_list("alternatives")) + r"\s+$"),
        alternative_backwards=re.compile(r"\s+" + words_backwards(
            lexicon.word_list("alternatives")) + r"\s+[0-9]"),
        sentence_break=re.compile(r"[.!?;:]\s|\n"),
        hyphen_duration=re.compile(r"-(" + words(lexicon.durations) + r")(?!-[0-9])"),
        url_escape=re.compile(r"%(?:[0-9A-Fa-f]{2}|[&=])"),
        money_context=re.compile(r"£|" + words(lexicon.word_list("money_context"))),
    )


def _search_back(pattern: re.Pattern[str], backwards: re.Pattern[str], text: str, low: int,
                 end: int) -> re.Match[str] | None:
    """`pattern.search(text, low, end)` for a pattern that ends where the figure starts, at
    `end` ("en baisse de |3 %"). `backwards`, matched against the window read backwards,
    finds at least every match of `pattern`: when it finds none, the search is not run."""
    if backwards.match(text[low:end][::-1]) is None:
        return None
    return pattern.search(text, low, end)


def _hyphen_duration(match: re.Match[str], text: str, lexicon: Lexicon, start: int,
                     compound: re.Match[str]) -> tuple[Mention | None, int]:
    written = match.group("q1_w")
    try:
        with decimal.localcontext(EXACT):
            if written is None:
                value, _, _ = figure(match, "q1", lexicon)
            else:
                head, _, rest = written.partition(" ")
                if normalize_word(head) in lexicon.word_list("articles"):
                    if not rest.strip():
                        return None, compound.end()  # "a-year": an article
                    start = match.start("q1_w") + len(written) - len(rest.lstrip())
                    written = rest.strip()  # "a five-year deal": the article is not the figure
                value = parse_words(written, lexicon)
    except (ParseError, ArithmeticError):
        return None, compound.end()
    unit = lexicon.durations[normalize_word(compound.group(1))]
    value = tidy(value)
    end = compound.end()
    return Mention(kind=Kind.DURATION, start=start, end=end, text=text[start:end],
                   value=Quantity(value=value, low=value, high=value, unit=unit,
                                  approx=Approx.EXACT, step=ONE)), end


def _singular(noun: str) -> str:
    """ "shares" -> "share", "actions" -> "action": the unit of a per-unit amount."""
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


def _longer_noun(noun: str, text: str, end: int, lexicon: Lexicon) -> tuple[str, int]:
    """The counted noun past its modifiers: "five new sites" -> "sites", "32 data centers"
    -> "data centers", "puces H100" -> "puces H100"."""
    context = _round2(lexicon.language)
    lowered = normalize_word(noun)
    if lowered in lexicon.word_list("noun_adjectives") or lowered in lexicon.word_list("noun_heads"):
        following = context.next_word.match(text, end)
        if following is not None and _counted_noun(following.group(1), lexicon):
            if lowered in lexicon.word_list("noun_adjectives"):
                return following.group(1), following.end()
            return noun + " " + following.group(1), following.end()
    code = context.model_code.match(text, end)
    if code is not None and " " not in noun:
        return noun + " " + code.group(1), code.end()
    return noun, end


def _brand_noun(noun: str, text: str, end: int, lexicon: Lexicon) -> tuple[str, int] | None:
    """ "250,000 Nvidia GPUs": a capitalised name before the counted noun."""
    if not noun[:1].isupper() or noun.isupper() or " " in noun:
        return None
    following = _round2(lexicon.language).next_word.match(text, end)
    if following is None:
        return None
    head = following.group(1)
    if len(head.rstrip("s")) >= 2 and head.rstrip("s").isupper() or (
            head[0].islower() and _counted_noun(head, lexicon)
            and normalize_word(head) not in lexicon.durations):
        return noun + " " + head, following.end()
    return None


_PHRASE_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*|[0-9][\w-]*)")
NOUN_PHRASE_WORDS = 3  # how many words past a modifier the counted noun may stand


def _plural(word: str, lexicon: Lexicon) -> bool:
    lowered = normalize_word(word)
    return lowered in lexicon.word_list("irregular_plurals") or (
        len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")))


def _noun_phrase(noun: str, text: str, end: int, lexicon: Lexicon) -> tuple[str, int]:
    """The counted noun of a language that puts it last ("60,000 AMD accelerators", "12
    Embraer regional jets", "2,000 back-office jobs"): when `noun` is a modifier (not a
    plural), the phrase runs on to the first plural noun within NOUN_PHRASE_WORDS words,
    unless a stop word (a preposition, an article, a verb) comes first."""
    last = noun.rsplit(" ", 1)[-1]
    if _plural(last, lexicon) or last.isupper() and last.endswith("s"):
        return noun, end
    stops = lexicon.word_list("noun_phrase_stops")
    phrase, position = [noun], end
    for _ in range(NOUN_PHRASE_WORDS):
        found = _PHRASE_WORD.match(text, position)
        if found is None or normalize_word(found.group(1)) in stops:
            break
        word, position = found.group(1), found.end()
        phrase.append(word)
        if word[0].islower() and _plural(word, lexicon) and _counted_noun(word, lexicon):
            return " ".join(phrase), position
    return noun, end


# how far after an amount of money (in characters) a figure without a unit takes its unit
INHERIT_REACH = 200


@attrs.frozen
class UnitContext:
    """What `carry_units` carries from one part of a text to the next: the last amount of
    money of the sentence and the last mention written, if any."""

    money: Mention | None = None
    last: Mention | None = None


def carry_units(mentions: list[Mention], text: str, lexicon: Lexicon,
                context: UnitContext) -> tuple[list[Mention], UnitContext]:
    """Figures whose unit or scale another figure states: "22,4 milliards de dollars, dont
    11,9 milliards" (USD), "40 ou 20 milliards de dollars" (40 billion USD), marked
    inherited; read on the next part of a text after the parts that left `context`, with
    the context it leaves."""
    patterns = _round2(lexicon.language)
    out: list[Mention] = []
    money, last = context.money, context.last  # money: the last amount of the sentence
    for mention in mentions:
        quantity = mention.value
        if not isinstance(quantity, Quantity):
            out.append(last := mention)
            continue
        # money is inherited within INHERIT_REACH only: past it, no search (which would grow
        # with the distance) is needed to let it go
        if money is not None and (mention.start - money.end >= INHERIT_REACH
                                  or patterns.sentence_break.search(text, money.end,
                                                                    mention.start)):
            money = None
        if mention.kind is Kind.COUNT and quantity.unit is None and money is not None:
            mention = attrs.evolve(mention, kind=Kind.MONEY, inherited=True,
                                   value=attrs.evolve(quantity, unit=money.value.unit))
        if mention.kind is Kind.MONEY and isinstance(mention.value, Quantity):
            first = _alternative(mention, text, patterns, lexicon)
            if first is not None and (last is None or last.end <= first.start):
                out.append(first)
            money = mention
        out.append(last := mention)
    return out, UnitContext(money=money, last=last)


def _alternative(mention: Mention, text: str, context: _Round2,
                 lexicon: Lexicon) -> Mention | None:
    """ "40" in "40 ou 20 milliards de dollars": the scale and unit of the figure after it."""
    quantity = mention.value
    assert isinstance(quantity, Quantity)
    before = _search_back(context.alternative, context.alternative_backwards, text,
                          max(0, mention.start - 40), mention.start)
    if before is None or quantity.value is None:
        return None
    found = context.scale.search(mention.text)
    if found is None:
        return None
    factor = scale_factor(found.group().lstrip("0123456789"), lexicon)
    if factor is None:
        return None
    try:
        with decimal.localcontext(EXACT):
            value, step = parse_digits(before.group(1), lexicon.language)
            amount, step = value * factor, step * factor
            low, high = interval(amount, step, Approx.EXACT, integral=False)
    except (ParseError, ArithmeticError):
        return None
    start, end = before.span(1)
    return Mention(kind=mention.kind, start=start, end=end, text=text[start:end],
                   value=Quantity(value=tidy(amount), low=tidy(low), high=tidy(high),
                                  unit=quantity.unit, approx=Approx.EXACT, step=tidy(step)),
                   inherited=True)


def ratio_mention(match: re.Match[str], text: str, lexicon: Lexicon) -> tuple[Mention | None, int]:
    """ "a doublé" (2, up), "halved" (2, down), "multiplié par trois" (3, up): a ratio."""
    direction, factor = lexicon.ratios[normalize_word(match.group("r_word"))]
    start, end = match.start("r_word"), match.end("r_word")
    if factor == 0:  # "multiplié par" needs its figure
        if match.group("rn_d") is None and match.group("rn_w") is None:
            return None, end
        try:
            with decimal.localcontext(EXACT):
                value, _, _ = figure(match, "rn", lexicon)
        except (ParseError, ArithmeticError):
            return None, end
        end = match.end("rn_d") if match.group("rn_d") is not None else match.end("rn_w")
        if value <= 1:
            return None, end
    else:
        value = Decimal(factor)
    quantity = Quantity(value=tidy(value), low=tidy(value), high=tidy(value), unit="x",
                        approx=Approx.EXACT, change=direction)
    return Mention(kind=Kind.RATIO, start=start, end=end, text=text[start:end],
                   value=quantity), end
