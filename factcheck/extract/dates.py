"""From a matched date to a Mention: what the text states, and no field it does not.

Relative dates ("février dernier", "l'an dernier", "il y a deux ans") are resolved against
the publication date at the precision that date is known: when the publication date
leaves the answer open, the result is the range of possible answers, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from factcheck.extract.lexicon import Lexicon, normalize_word
from factcheck.extract.numbers import parse_digits, parse_words
from factcheck.model import DateRange, Kind, Mention, PartialDate

DateValue = PartialDate | DateRange
Rule = Callable[[dt.date], PartialDate]

# An anchored date ("quatre ans plus tard") counts from a date stated at most this far back,
# in the same paragraph.
ANCHOR_REACH = 400


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    """(year, month) moved by `offset` months."""
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def resolve(rule: Rule, published: PartialDate | None) -> DateValue | None:
    """Apply `rule` to the publication date; a range where its precision leaves it open."""
    if published is None:
        return None
    first, last = rule(published.start), rule(published.end)
    return first if first == last else DateRange(start=first, end=last, alternatives=True)


def offset_rule(unit: str, offset: int) -> Rule:
    """Rule for "l'an dernier" (year, -1), "la semaine prochaine" (week, 1), "fin de l'année"."""
    def rule(ref: dt.date) -> PartialDate:
        if unit == "year":
            return PartialDate(year=ref.year + offset)
        if unit == "month":
            year, month = shift_month(ref.year, ref.month, offset)
            return PartialDate(year=year, month=month)
        if unit == "week":
            iso = (ref + dt.timedelta(weeks=offset)).isocalendar()
            return PartialDate(year=iso.year, week=iso.week)
        if unit == "day":
            return PartialDate.from_date(ref + dt.timedelta(days=offset))
        if unit in ("early", "mid", "late"):
            return PartialDate(year=ref.year + offset, part=unit)
        if unit == "decade":
            return PartialDate(year=ref.year + 10 * offset)
        raise ValueError(f"no rule for unit {unit!r}")
    return rule


def month_rule(month: int, direction: int) -> Rule:
    """"janvier dernier" (-1): the last January before the reference; "prochain" (+1): the
    next one after it."""
    def rule(ref: dt.date) -> PartialDate:
        year = ref.year
        if direction < 0 and month >= ref.month:
            year -= 1
        elif direction > 0 and month <= ref.month:
            year += 1
        return PartialDate(year=year, month=month)
    return rule


def bare_month(month: int, published: PartialDate | None) -> DateValue | None:
    """"en janvier" with no year: that month of the publication year when it has begun by
    publication; a later month may be last year's or this year's ("came back in August"
    in March), so it is the range of both rather than a guess."""
    def this_year(ref: dt.date) -> PartialDate:
        return PartialDate(year=ref.year, month=month)

    resolved = resolve(this_year, published)
    if resolved is None or published is None or month <= published.start.month:
        return resolved
    last_year = PartialDate(year=published.start.year - 1, month=month)
    return DateRange(start=last_year, end=resolved.end if isinstance(resolved, DateRange)
                     else resolved, alternatives=True)


def bare_day(month: int, day: int, published: PartialDate | None) -> DateValue | None:
    """"le 31 décembre" with no year: that day of the publication year when it has come by
    publication; a later day may be last year's or this year's, so both are given."""
    resolved = resolve(same_year_rule(month=month, day=day), published)
    if resolved is None or published is None or (month, day) <= (
            published.start.month, published.start.day):
        return resolved
    try:
        last_year = PartialDate(year=published.start.year - 1, month=month, day=day)
    except ValueError:  # 29 February of a common year
        return resolved
    end = resolved.end if isinstance(resolved, DateRange) else resolved
    return DateRange(start=last_year, end=end, alternatives=True)


def same_year_rule(**fields: int | str) -> Rule:
    """A date stated without its year ("le 21 janvier", "au premier trimestre")."""
    return lambda ref: PartialDate(year=ref.year, **fields)  # type: ignore[arg-type]


def _month(lexicon: Lexicon, written: str) -> int:
    return lexicon.month_numbers[normalize_word(written)]


def _count(match: re.Match[str], name: str, lexicon: Lexicon) -> int:
    written = match.group(name + "_d")
    value = (parse_digits(written, lexicon.language)[0] if written is not None
             else parse_words(match.group(name + "_w"), lexicon))
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {value}")
    return int(value)


def _year(text: str) -> int:
    return int(text)


def anchor_of(previous: list[Mention], start: int, text: str) -> PartialDate | None:
    """The last date stated before `start` in the same paragraph, within reach."""
    for mention in reversed(previous):
        if mention.kind is not Kind.DATE or mention.value is None:
            continue
        if start - mention.end > ANCHOR_REACH or "\n\n" in text[mention.end:start]:
            return None
        value = mention.value
        return value.end if isinstance(value, DateRange) else value  # type: ignore[return-value]
    return None


def date_mention(match: re.Match[str], text: str, lexicon: Lexicon,
                 published: PartialDate | None, previous: list[Mention]) -> Mention | None:
    """The Mention for a date match, or None when the match is not a valid date."""
    name = match.lastgroup
    start, end = match.start(name), match.end(name)
    value: DateValue | None = None
    relative = anchored = False
    g = match.group

    if name == "drange":
        value = DateRange(start=PartialDate(year=_year(g("dr_y1"))),
                          end=PartialDate(year=_year(g("dr_y2"))))
    elif name == "dnum":
        first, second = int(g("dn_a")), int(g("dn_b"))
        day, month = (first, second) if lexicon.language == "fr" or first > 12 else (second, first)
        value = PartialDate(year=_year(g("dn_y")), month=month, day=day)
    elif name == "diso":
        value = PartialDate(year=_year(g("di_y")), month=int(g("di_m")), day=int(g("di_d")))
    elif name in ("ddmy", "dmdy"):
        prefix = "dd" if name == "ddmy" else "md"
        month = _month(lexicon, g(prefix + "_m"))
        day = 1 if name == "ddmy" and g("dd_first") else int(g(prefix + "_d"))
        if g(prefix + "_y"):
            value = PartialDate(year=_year(g(prefix + "_y")), month=month, day=day)
        else:
            value, relative = bare_day(month, day, published), True
    elif name == "dqlet":
        letter, number = g("dql_l"), int(g("dql_n"))
        is_half = letter in lexicon.date_words("half_letters")
        value = PartialDate(year=_year(g("dql_y")),
                            **({"half": number} if is_half else {"quarter": number}))
    elif name == "dqord":
        number = lexicon.ordinals[normalize_word(g("dqo_o"))]
        field = "half" if normalize_word(g("dqo_k")) in lexicon.date_words("half") else "quarter"
        if g("dqo_y"):
            value = PartialDate(year=_year(g("dqo_y")), **{field: number})  # type: ignore[arg-type]
        else:
            value, relative = resolve(same_year_rule(**{field: number}), published), True
    elif name == "dpart":
        value = PartialDate(year=_year(g("dp_y")), part=lexicon.parts[normalize_word(g("dp_p"))])
    elif name == "dseason":
        value = PartialDate(year=_year(g("ds_y")),
                            season=lexicon.seasons[normalize_word(g("ds_s"))])
    elif name == "dmrel":
        if g("dmr_m"):
            month = _month(lexicon, g("dmr_m"))
            direction = -1 if normalize_word(g("dmr_dir")) in lexicon.date_words("month_last") else 1
        else:
            month = _month(lexicon, g("dmr_m2"))
            direction = (-1 if normalize_word(g("dmr_dir2"))
                         in lexicon.date_words("month_last_before") else 1)
        value, relative = resolve(month_rule(month, direction), published), True
    elif name == "dmy":
        value = PartialDate(year=_year(g("dmy_y")), month=_month(lexicon, g("dmy_m")))
    elif name == "drel":
        unit, offset = lexicon.relative[normalize_word(g("drel"))]
        value, relative = resolve(offset_rule(unit, offset), published), True
    elif name == "danc":
        unit, offset = lexicon.anchored[normalize_word(g("danc"))]
        value, anchored = _from_anchor(previous, start, text, unit, offset), True
    elif name == "dago":
        unit = lexicon.durations[normalize_word(g("dag_u"))]
        if unit not in ("year", "month", "week", "day", "decade"):
            return None
        value = resolve(offset_rule(unit, -_count(match, "dag", lexicon)), published)
        relative = True
    elif name == "dlater":
        unit = lexicon.durations[normalize_word(g("dla_u"))]
        offset = _count(match, "dla", lexicon) * (1 if g("dla_later") else -1)
        value, anchored = _from_anchor(previous, start, text, unit, offset), True
    elif name == "dmcue":
        start, end = match.start("dmc_m"), match.end("dmc_m")
        value, relative = bare_month(_month(lexicon, g("dmc_m")), published), True
    elif name == "dyear":
        start, end = match.start("dy_y"), match.end("dy_y")
        value = PartialDate(year=_year(g("dy_y")))
    else:
        raise ValueError(f"no date handler for {name!r}")
    return Mention(kind=Kind.DATE, start=start, end=end, text=text[start:end], value=value,
                   relative=relative, anchored=anchored)


def _from_anchor(previous: list[Mention], start: int, text: str, unit: str,
                 offset: int) -> PartialDate | None:
    anchor = anchor_of(previous, start, text)
    if anchor is None:
        return None
    if unit == "month" and anchor.month is not None:
        year, month = shift_month(anchor.year, anchor.month, offset)
        return PartialDate(year=year, month=month)
    if unit == "decade":
        return PartialDate(year=anchor.year + 10 * offset)
    return PartialDate(year=anchor.year + offset) if unit in ("year", "month") else None

