"""From a matched date to a Mention: what the text states, and no field it does not.

Relative dates ("février dernier", "l'an dernier", "il y a deux ans") are resolved against
the publication date at the precision that date is known: when the publication date
leaves the answer open, the result is the range of possible answers, never a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from factcheck.extract import grammar
from factcheck.extract.lexicon import Lexicon, load_lexicon, normalize_word
from factcheck.extract.numbers import parse_digits, parse_words
from factcheck.extract.quantities import new_mention, quantity_mention
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


# Rules and the dates they resolve to are pure functions of a few small values, and a text
# says "l'an dernier" or "en janvier" again and again: each is worked out once (building a
# date checks its fields) and remembered, this many of each at most.
RESOLVED = 1024
# A date built from its fields ("en 2024", "fin 2023"), once for each set of fields.
_date = functools.lru_cache(maxsize=4 * RESOLVED)(PartialDate)


@functools.lru_cache(maxsize=RESOLVED)
def resolve(rule: Rule, published: PartialDate | None) -> DateValue | None:
    """Apply `rule` to the publication date; a range where its precision leaves it open."""
    if published is None:
        return None
    first, last = rule(published.start), rule(published.end)
    return first if first == last else DateRange(start=first, end=last, alternatives=True)


@functools.lru_cache(maxsize=RESOLVED)
def offset_rule(unit: str, offset: int) -> Rule:
    """Rule for "l'an dernier" (year, -1), "la semaine prochaine" (week, 1), "fin de l'année"."""
    def rule(ref: dt.date) -> PartialDate:
        if unit in ("year", "month", "day"):
            return _shift(ref, unit, offset)
        if unit == "week":  # the week itself, not the same weekday: "la semaine prochaine"
            iso = (ref + dt.timedelta(weeks=offset)).isocalendar()
            return PartialDate(year=iso.year, week=iso.week)
        if unit in ("early", "mid", "late"):
            return PartialDate(year=ref.year + offset, part=unit)
        if unit == "decade":
            return PartialDate(year=ref.year + 10 * offset)
        raise ValueError(f"no rule for unit {unit!r}")
    return rule


@functools.lru_cache(maxsize=RESOLVED)
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


@functools.lru_cache(maxsize=RESOLVED)
def bare_month(month: int, published: PartialDate | None, tense: int = 0) -> DateValue | None:
    """"en janvier" with no year, read with the `tense` of its clause (see `tense`): in the
    future, the first such month from publication on ("reprendront mi-novembre" in October:
    this year; "expects a slowdown in early January" in December: next year); in the past,
    the last one up to publication; with no tense, this year's when it has begun by
    publication, else the range of both (a later month may be either)."""
    return _bare(published, tense, month)


@functools.lru_cache(maxsize=RESOLVED)
def bare_day(month: int, day: int, published: PartialDate | None,
             tense: int = 0) -> DateValue | None:
    """"le 31 décembre" with no year: read as `bare_month` reads a month."""
    return _bare(published, tense, month, day)


def _bare(published: PartialDate | None, tense: int, month: int,
          day: int | None = None) -> DateValue | None:
    fields = {"month": month} if day is None else {"month": month, "day": day}
    resolved = resolve(same_year_rule(**fields), published)
    if resolved is None or published is None:
        return resolved
    ref = published.start
    stated = (month,) if day is None else (month, day)
    now = (ref.month,) if day is None else (ref.month, ref.day)
    try:
        if tense > 0:
            return resolved if stated >= now else PartialDate(year=ref.year + 1, **fields)
        if stated <= now:
            return resolved
        last_year = PartialDate(year=ref.year - 1, **fields)
    except ValueError:  # 29 February of a common year
        return resolved
    if tense < 0:
        return last_year
    end = resolved.end if isinstance(resolved, DateRange) else resolved
    return DateRange(start=last_year, end=end, alternatives=True)


@functools.lru_cache(maxsize=RESOLVED)
def same_year_rule(**fields: int | str) -> Rule:
    """A date stated without its year ("le 21 janvier", "au premier trimestre")."""
    return lambda ref: PartialDate(year=ref.year, **fields)  # type: ignore[arg-type]


def _month(lexicon: Lexicon, written: str) -> int:
    """A month's number from its name or abbreviation, with or without its dot ("Nov")."""
    word = normalize_word(written)
    return lexicon.month_numbers.get(word) or lexicon.month_numbers[word + "."]


def _full_year(year: int) -> int:
    """A year written in two digits ("21/04/16") is this century's."""
    return year + 2000 if year < 100 else year


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
        value = DateRange(start=_date(year=_year(g("dr_y1"))),
                          end=_date(year=_year(g("dr_y2"))))
    elif name == "dnum":
        first, second = int(g("dn_a")), int(g("dn_b"))
        day, month = (first, second) if lexicon.language == "fr" or first > 12 else (second, first)
        value = _date(year=_full_year(_year(g("dn_y"))), month=month, day=day)
    elif name == "diso":
        value = _date(year=_year(g("di_y")), month=int(g("di_m")), day=int(g("di_d")))
    elif name in ("ddmy", "dmdy"):
        prefix = "dd" if name == "ddmy" else "md"
        month = _month(lexicon, g(prefix + "_m"))
        day = 1 if name == "ddmy" and g("dd_first") else int(g(prefix + "_d"))
        if g(prefix + "_y"):
            value = _date(year=_year(g(prefix + "_y")), month=month, day=day)
        else:
            value = bare_day(month, day, published, tense(text, start, end, lexicon.language))
            relative = True
    elif name == "dqlet":
        letter, number = g("dql_l"), int(g("dql_n"))
        is_half = letter in lexicon.date_words("half_letters")
        field = {"half": number} if is_half else {"quarter": number}
        if g("dql_r"):
            value, relative = _in_relative_year(lexicon, g("dql_r"), published, **field), True
        else:
            value = _date(year=_year(g("dql_y")), **field)  # type: ignore[arg-type]
    elif name == "dqord":
        number = lexicon.ordinals[normalize_word(g("dqo_o"))]
        field = "half" if normalize_word(g("dqo_k")) in lexicon.date_words("half") else "quarter"
        if g("dqo_y"):
            value = _date(year=_year(g("dqo_y")), **{field: number})  # type: ignore[arg-type]
        elif g("dqo_r"):
            value = _in_relative_year(lexicon, g("dqo_r"), published, **{field: number})
            relative = True
        else:
            value, relative = resolve(same_year_rule(**{field: number}), published), True
    elif name == "dpart":
        value = _date(year=_year(g("dp_y")), part=lexicon.parts[normalize_word(g("dp_p"))])
    elif name == "dseason":
        value = _date(year=_year(g("ds_y")), season=lexicon.seasons[normalize_word(g("ds_s"))])
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
        value = _date(year=_year(g("dmy_y")), month=_month(lexicon, g("dmy_m")))
    elif name == "drel":
        if normalize_word(g("drel")) in lexicon.date_words("today_words") and not (
                is_dated_event(text, start, end, lexicon.language)):
            return None  # "semble aujourd'hui sur le fil du rasoir": nowadays, not a day
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
        value = bare_month(_month(lexicon, g("dmc_m")), published,
                           tense(text, start, end, lexicon.language))
        relative = True
    elif name in ROUND2_HANDLERS:
        found = ROUND2_HANDLERS[name](match, text, lexicon, published, previous)
        if found is None or isinstance(found, Mention):
            return found  # a span with nothing to count from is a duration
        start, end, value, relative, anchored = found
    elif name == "dyear":
        start, end = match.start("dy_y"), match.end("dy_y")
        value = _date(year=_year(g("dy_y")))
    else:
        raise ValueError(f"no date handler for {name!r}")
    return new_mention(Kind.DATE, start, end, text[start:end], value, relative, anchored, False)


def _from_anchor(previous: list[Mention], start: int, text: str, unit: str,
                 offset: int) -> PartialDate | None:
    anchor = anchor_of(previous, start, text)
    if anchor is None:
        return None
    if unit == "month" and anchor.month is not None:
        year, month = shift_month(anchor.year, anchor.month, offset)
        return _date(year=year, month=month)
    if unit == "decade":
        return _date(year=anchor.year + 10 * offset)
    if unit == "day":  # le lendemain, la veille: from a stated day only
        return (PartialDate.from_date(anchor.start + dt.timedelta(days=offset))
                if anchor.day is not None else None)
    if unit == "month":  # "twelve months earlier" than a year: a year, if whole years
        return _date(year=anchor.year + offset // 12) if offset % 12 == 0 else None
    return _date(year=anchor.year + offset) if unit == "year" else None



# --- Dates, second round (docs/extraction.md, "Dates, second round") -------------------

Found = tuple[int, int, DateValue | None, bool, bool]  # start, end, value, relative, anchored


@functools.cache
def future_pattern(language: str) -> re.Pattern[str]:
    """A future verb or marker: a word with a future ending ("se réunira", "voteront") or one
    of the language's markers ("will", "is due to", "doit")."""
    lexicon = load_lexicon(language)
    markers = lexicon.date_words("future_markers")
    endings = lexicon.date_words("future_endings")
    parts = []
    if markers:
        parts.append(grammar.words(markers))
    if endings:
        parts.append(r"[^\W\d_]{2,}(?:" + "|".join(map(re.escape, endings)) + r")(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts or [r"(?!x)x"]) + ")")


_CLAUSE_MARKS = ".!?;\n"  # what ends a clause
_CLAUSE_END = re.compile("[" + re.escape(_CLAUSE_MARKS) + "]")
# how far around a weekday the tense of its clause is looked for
TENSE_REACH = 80
# a weekday after fewer words than this opens its clause ("On Friday, ...")
CLAUSE_OPENING_WORDS = 3
_WORD = re.compile(r"\w+")


def is_future(text: str, start: int, end: int, language: str) -> bool:
    """Whether the clause around text[start:end] is in the future tense (see the docs)."""
    return _future_clause(*_clause_parts(text, start, end), language)


def _future_clause(before: str, after: str, language: str) -> bool:
    """Whether a clause, read before and after a date, is in the future tense."""
    # the verb of a clause that the weekday does not open comes before it ("a annoncé
    # mardi", "will meet on Friday"); a weekday that opens its clause ("Vendredi, le
    # conseil se réunira") takes the tense of what follows
    if len(_WORD.findall(before)) >= CLAUSE_OPENING_WORDS:
        return future_pattern(language).search(before) is not None
    return future_pattern(language).search(before + " " + after) is not None


@functools.cache
def past_pattern(language: str) -> re.Pattern[str]:
    """A verb of a dated event: a compound past ("a annoncé", "ont signé"), a listed past
    form ("said"), or an English regular past ("announced")."""
    d = load_lexicon(language).date_words
    parts = [grammar.words(d("past_markers"))]
    if d("past_auxiliaries"):
        parts.append(grammar.words(d("past_auxiliaries")) + r"\s+(?:\w+\s+)?[^\W\d_]+(?:"
                     + "|".join(map(re.escape, d("participle_endings"))) + r")(?!\w)")
    if d("past_endings"):
        parts.append(r"[^\W\d_]{2,}(?:" + "|".join(map(re.escape, d("past_endings")))
                     + r")(?!\w)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


def _clause_parts(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around text[start:end] (TENSE_REACH characters each side at most), before
    and after it."""
    before = text[max(0, start - TENSE_REACH):start]
    cut = max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1  # 0 when none
    after = text[end:end + TENSE_REACH]
    stop = _CLAUSE_END.search(after)
    return before[cut:], after[:stop.start()] if stop else after


def _clause(text: str, start: int, end: int) -> str:
    return " ".join(_clause_parts(text, start, end))


def is_dated_event(text: str, start: int, end: int, language: str) -> bool:
    """Whether "aujourd'hui", "today" dates an event: a past or future verb in its clause
    ("a annoncé aujourd'hui", "will vote today"), not a present one ("semble aujourd'hui")."""
    if text[end:end + 2] in ("'s", "’s"):
        return False  # today's
    clause = _clause(text, start, end)
    return (past_pattern(language).search(clause) is not None
            or future_pattern(language).search(clause) is not None)


def tense(text: str, start: int, end: int, language: str) -> int:
    """The tense of the clause around a date stated without its year: 1 future (a future
    verb or marker, read as for weekdays), -1 past (a past verb: "a annoncé", "said",
    "announced"), 0 when the clause says neither."""
    before, after = _clause_parts(text, start, end)
    if _future_clause(before, after, language):
        return 1
    return -1 if past_pattern(language).search(before + " " + after) else 0


@functools.lru_cache(maxsize=RESOLVED)
def weekday_rule(weekday: int, mode: str) -> Rule:
    """The `weekday` (Monday 0) nearest the reference: "before" (strictly), "after"
    (strictly), "on_before" or "on_after" (the reference day itself counts)."""
    def rule(ref: dt.date) -> PartialDate:
        back = (ref.weekday() - weekday) % 7
        ahead = (weekday - ref.weekday()) % 7
        if mode == "before":
            return PartialDate.from_date(ref - dt.timedelta(days=back or 7))
        if mode == "after":
            return PartialDate.from_date(ref + dt.timedelta(days=ahead or 7))
        if mode == "on_before":
            return PartialDate.from_date(ref - dt.timedelta(days=back))
        return PartialDate.from_date(ref + dt.timedelta(days=ahead))
    return rule


def _weekday(match: re.Match[str], text: str, lexicon: Lexicon, published: PartialDate | None,
             previous: list[Mention]) -> Found | None:
    g, d = match.group, lexicon.date_words
    names = [normalize_word(w) for w in d("weekdays")]
    weekday = names.index(normalize_word(g("dw_d")))
    pre = normalize_word(g("dw_pre") or "")
    post = normalize_word(g("dw_post") or "")
    if pre in map(normalize_word, d("weekday_last_before")) or post in d("weekday_last"):
        mode = "before"
    elif pre in map(normalize_word, d("weekday_next_before")) or post in d("weekday_next"):
        mode = "after"
    elif is_future(text, match.start("dweek"), match.end("dweek"), lexicon.language):
        mode = "on_after"
    else:
        mode = "on_before"
    value = None
    if published is not None and published.day is not None:
        value = resolve(weekday_rule(weekday, mode), published)
    return match.start("dweek"), match.end("dweek"), value, True, False


def _in_relative_year(lexicon: Lexicon, phrase: str, published: PartialDate | None,
                      **fields: int) -> DateValue | None:
    """A month or quarter of "l'an dernier", "last year"."""
    _, offset = lexicon.relative[normalize_word(phrase)]
    return resolve(relative_year_rule(offset, **fields), published)


@functools.lru_cache(maxsize=RESOLVED)
def relative_year_rule(offset: int, **fields: int) -> Rule:
    """A month or quarter of the year `offset` years from the reference."""
    return lambda ref: PartialDate(year=ref.year + offset, **fields)  # type: ignore[arg-type]


def _part_month(match: re.Match[str], text: str, lexicon: Lexicon,
                published: PartialDate | None, previous: list[Mention]) -> Found | None:
    g = match.group
    month = _month(lexicon, g("dpm_m"))
    if g("dpm_y"):
        value: DateValue | None = _date(year=_year(g("dpm_y")), month=month)
        relative = False
    elif g("dpm_r"):
        value, relative = _in_relative_year(lexicon, g("dpm_r"), published, month=month), True
    else:
        value = bare_month(month, published, tense(text, match.start("dpmonth"),
                                                   match.end("dpmonth"), lexicon.language))
        relative = True
    return match.start("dpmonth"), match.end("dpmonth"), value, relative, False


def _month_of_relative_year(match: re.Match[str], text: str, lexicon: Lexicon,
                            published: PartialDate | None, previous: list[Mention]) -> Found:
    value = _in_relative_year(lexicon, match.group("dmry_r"), published,
                              month=_month(lexicon, match.group("dmry_m")))
    return match.start("dmrely"), match.end("dmrely"), value, True, False


def _lowercase_month(match: re.Match[str], text: str, lexicon: Lexicon,
                     published: PartialDate | None, previous: list[Mention]) -> Found:
    g = match.group
    month = _month(lexicon, g("lcm_m"))
    day = int(g("lcm_d"))
    start, end = match.start("dlcm"), match.end("dlcm")
    if g("lcm_y"):
        return start, end, _date(year=_year(g("lcm_y")), month=month, day=day), False, False
    return start, end, bare_day(month, day, published, tense(text, start, end, lexicon.language)
                                ), True, False


def _weak_year(match: re.Match[str], text: str, lexicon: Lexicon,
               published: PartialDate | None, previous: list[Mention]) -> Found:
    start, end = match.start("dy2_y"), match.end("dy2_y")
    return start, end, _date(year=_year(match.group("dy2_y"))), False, False


@functools.cache
def _quantity_only(language: str) -> re.Pattern[str]:
    """The quantity construct alone: a span that no date anchors is read as a duration."""
    return re.compile(grammar.quantity(load_lexicon(language)))


@functools.lru_cache(maxsize=RESOLVED)
def shift_rule(unit: str, count: int) -> Rule:
    """ "dans deux semaines": `count` units after the reference."""
    return lambda ref: _shift(ref, unit, count)


def _shift(anchor: dt.date, unit: str, count: int) -> PartialDate:
    """`count` days, weeks (to the day), months or years after `anchor`."""
    if unit == "day":
        return PartialDate.from_date(anchor + dt.timedelta(days=count))
    if unit == "week":
        return PartialDate.from_date(anchor + dt.timedelta(weeks=count))
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, count)
        return _date(year=year, month=month)
    return _date(year=anchor.year + count)


def _span(match: re.Match[str], text: str, lexicon: Lexicon,
          published: PartialDate | None, previous: list[Mention]) -> Found | Mention | None:
    """"deux semaines plus tard", "three days after the announcement": from the last day the
    text stated; "two weeks from now", "dans deux semaines": from the publication day. With
    nothing to count from at the unit's precision, the span is a duration."""
    g = match.group
    unit = lexicon.durations[normalize_word(g("dsp_u"))]
    count = _count(match, "dsp", lexicon)
    start, end = match.start("dspan"), match.end("dspan")
    fine = unit in ("day", "week")
    if g("dsp_in") or g("dsp_now"):
        if published is not None and (published.day is not None or not fine):
            return start, end, resolve(shift_rule(unit, count), published), True, False
    else:
        anchor = anchor_of(previous, start, text)
        if anchor is not None and (anchor.day is not None or not fine) and (
                unit != "month" or anchor.month is not None):
            offset = count if g("dsp_later") else -count
            return start, end, _shift(anchor.start, unit, offset), False, True
    figure = start if not g("dsp_in") else match.start("dsp_d" if g("dsp_d") else "dsp_w")
    found = _quantity_only(lexicon.language).match(text, figure)
    if found is None:
        return None
    return quantity_mention(found, text, lexicon)[0]


def _day_alone(match: re.Match[str], text: str, lexicon: Lexicon,
               published: PartialDate | None, previous: list[Mention]) -> Found | None:
    """"le 27": in the month the text last stated (anchored), else the publication month
    (relative)."""
    day = int(match.group("dda_d"))
    start, end = match.start("dda_d"), match.end("dday")  # the day, as "21 janvier" is
    for mention in reversed(previous):
        value = mention.value
        if mention.kind is not Kind.DATE or value is None or "\n\n" in text[mention.end:start]:
            continue
        last = value.end if isinstance(value, DateRange) else value
        if isinstance(last, PartialDate) and last.month is not None:
            return start, end, _date(year=last.year, month=last.month, day=day), False, True
        break
    if published is None or published.month is None:
        return start, end, None, True, False
    return start, end, _date(year=published.year, month=published.month, day=day), True, False


def _short(match: re.Match[str], text: str, lexicon: Lexicon,
           published: PartialDate | None, previous: list[Mention]) -> Found | None:
    """"22/04": a day and a month of the publication year (French copy)."""
    day, month = int(match.group("dsh_d")), int(match.group("dsh_m"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    start, end = match.start("dshort"), match.end("dshort")
    return start, end, bare_day(month, day, published,
                                tense(text, start, end, lexicon.language)), True, False


def _dashed(match: re.Match[str], text: str, lexicon: Lexicon,
            published: PartialDate | None, previous: list[Mention]) -> Found:
    """"28-Nov", "28-Nov-2024"."""
    month = _month(lexicon, match.group("ddh_m"))
    day, start, end = int(match.group("ddh_d")), match.start("ddash"), match.end("ddash")
    if match.group("ddh_y"):
        year = _full_year(int(match.group("ddh_y")))
        return start, end, _date(year=year, month=month, day=day), False, False
    return start, end, bare_day(month, day, published, tense(text, start, end, lexicon.language)
                                ), True, False


ROUND2_HANDLERS: dict[str, Callable[..., Found | Mention | None]] = {
    "dweek": _weekday, "dpmonth": _part_month, "dmrely": _month_of_relative_year,
    "dlcm": _lowercase_month, "dyear2": _weak_year, "dspan": _span,
    "dday": _day_alone, "dshort": _short, "ddash": _dashed,
}
