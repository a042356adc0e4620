"""The extraction grammar: one regular expression per language, built once from its lexicon.

The master pattern is an alternation of named constructs tried in priority order at each
position (things that are not quantities first, then dates, then amounts), so a single
left-to-right pass finds every mention. Handlers in quantities.py and dates.py read the
named groups; this module only writes patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from factcheck.extract.lexicon import Lexicon, currency_signs, load_lexicon
from factcheck.extract.prefixes import can_start_with

# A figure never starts glued to a word, a decimal, a slash or a hyphen: "o1", "GPT-5",
# "Phi-4", "1/2" and the tail of "2.1.3" are not figures.
START = r"(?<![\w.,/\-–])"
# ...and never ends glued to a letter or another digit group ("14h11", "3D", "4.5.1").
END_NUMBER = r"(?![0-9]|[.,][0-9])"


def _char(ch: str) -> str:
    """Regex for one character of a lexicon phrase: any white space, either apostrophe."""
    if ch == " ":
        return r"\s+"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)


def trie(items: Iterable[str], endings: Mapping[str, str] | None = None) -> str:
    """One alternation for many phrases, factored by common prefix so the engine never
    tries the same first letters twice; longer phrases win over their prefixes.

    `endings` gives, for some phrases, a condition (a zero-width pattern) that must hold
    where the phrase ends for it to match.

    >>> trie(["an", "ans", "année", "l'an"])
    "(?:an(?:née|s)?|l['’]an)"
    >>> trie(["en", "entre"], {"en": "(?= 2)"})
    'en(?:tre|(?= 2))'
    """
    endings = endings or {}
    root: dict[str, dict] = {}
    for item in items:
        node = root
        for ch in " ".join(item.replace("’", "'").split()):
            node = node.setdefault(ch, {})
        ending = endings.get(item, "")
        if node.get("", ending) != ending:  # two spellings, two conditions: either will do
            ending = "" if "" in (ending, node[""]) else f"(?:{node['']}|{ending})"
        node[""] = ending  # type: ignore[assignment]

    def emit(node: dict[str, dict]) -> str:
        branches = [_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" not in node:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        ending: str = node[""]  # type: ignore[assignment]
        if not branches:
            return ending
        if not ending:
            return "(?:" + "|".join(branches) + ")?"
        return "(?:" + "|".join([*branches, ending]) + ")"

    return emit(root)


def words(items: Iterable[str], *, case_sensitive: bool = False) -> str:
    """Alternation of phrases closed on both sides by word edges."""
    items = [i for i in items if i.strip()]
    if not items:
        return r"(?!x)x"  # matches nothing: this language has no such words
    body = trie(items)
    if not case_sensitive:
        body = _first_characters(items) + body
    # a phrase ending in an apostrophe or hyphen ("d'", "mi-") runs into the next word
    return ("(?:" if case_sensitive else "(?i:") + body + r")(?:(?<=['’-])|(?!\w))"


def _first_characters(items: Iterable[str]) -> str:
    """A look-ahead for the characters the phrases start with, as `trie` writes them.

    Under (?i) the engine enters each branch of an alternation to compare its first
    letter, where it compares a case-sensitive letter before entering: one test of the
    first character spares trying each of a list's many first letters in turn."""
    firsts = {_char(item.replace("’", "'").split()[0][0]) for item in items}
    singles = sorted(f for f in firsts if len(f) == 1 or f.startswith("\\"))
    others = sorted(firsts - set(singles))
    if others:  # "['’]": an apostrophe first
        singles.extend(o.strip("[]") for o in others)
    return "(?=[" + "".join(singles) + "])"


def words_backwards(items: Iterable[str]) -> str:
    """The phrases of `words` written backwards, with no word edges: matched against a
    reversed text, it finds every place `words` finds, and maybe more."""
    items = [i for i in items if i.strip()]
    if not items:
        return r"(?!x)x"
    return "(?i:" + trie(" ".join(i.replace("’", "'").split())[::-1] for i in items) + ")"


# White space that groups thousands: "250 000" in French (any space), only the no-break and
# narrow no-break spaces in English, where "12 300" is two numbers.
GROUP_SPACES = {"fr": "[ \u00a0\u202f]", "en": "[\u00a0\u202f]"}


def group_continuation(lexicon: Lexicon) -> str:
    """A three-digit group that continues the number before it ("000" in "1 000 000").

    Reading starts at a number's first group, so a figure never starts at a later one: the
    tail of a number too long for a reading window, or one refused, is not a figure itself.
    A number's first group (one to three digits) is where a figure could start."""
    space = GROUP_SPACES[lexicon.language]
    # three digits first, then what came before them: cheap to reject
    return (r"[0-9]{3}(?![0-9])(?:"
            + "|".join(f"(?<={START}[0-9]{{{n}}}{space}[0-9]{{3}})" for n in (1, 2, 3)) + ")")


# A number with this many groups of three digits or more is too long to be a figure anyway
# (over 100 digits: MAX_FIGURE_DIGITS in quantities.py).
LONG_GROUPS = 34


def _grouped(separator: str) -> str:
    """A number in groups of three digits ("1 000 000", "1,000,000"), with `separator`.

    Below LONG_GROUPS groups it is read with full backtracking; a longer number is read in
    one possessive sweep. Each repetition of a group in the master pattern keeps the state
    of its hundred named groups for backtracking, so an unbounded one costs gigabytes on a
    number of a million groups; the sweep keeps none."""
    group = "(?:" + separator + "[0-9]{3})"
    return f"[0-9]{{1,3}}(?:(?!{group}{{{LONG_GROUPS}}}){group}+|{group}++)"


def digits(lexicon: Lexicon) -> str:
    """A number written in digits, with this language's separators."""
    space = GROUP_SPACES[lexicon.language]
    not_a_tail = "(?!" + group_continuation(lexicon) + ")"
    if lexicon.language == "fr":
        return (not_a_tail +
                "(?:" + _grouped(space) + r"(?:,[0-9]+)?"      # 250 000 / 1 000 000
                r"|" + _grouped(r"\.") + r"(?:,[0-9]+)?"       # 1.000.000
                r"|[0-9]+(?:[.,][0-9]+)?)" + END_NUMBER)       # 11,9 / 1.5
    return (not_a_tail +
            "(?:" + _grouped(",") + r"(?:\.[0-9]+)?"           # 1,000,000.5
            r"|" + _grouped(space) + r"(?:\.[0-9]+)?"          # 250 000 (thin)
            r"|[0-9]+(?:\.[0-9]+)?)" + END_NUMBER)             # 4.5


# The most words a number below a million takes: "deux cent quatre-vingt-dix-neuf mille neuf
# cent quatre-vingt-dix-neuf" has 13. A longer run of number words is not one number, and
# bounding it bounds the work a run of "cent-cent-cent..." costs.
MAX_NUMBER_WORDS = 15


def number_words(lexicon: Lexicon, *, articles: bool = True) -> str:
    """A number in words: "deux cent cinquante mille", "quatre-vingt-dix", "twenty-one"."""
    every = list(lexicon.numbers)
    first = every if articles else [w for w in every if w not in lexicon.word_list("articles")]
    link = r"(?:[\s-]+(?:(?i:et|and)[\s-]+)?)"
    return words(first) + "(?:" + link + words(every) + f"){{0,{MAX_NUMBER_WORDS - 1}}}"


def number(lexicon: Lexicon, name: str, *, articles: bool = True) -> str:
    """Digits or words, captured as `{name}_d` or `{name}_w`."""
    return (f"(?:(?P<{name}_d>{digits(lexicon)})"
            f"|(?P<{name}_w>{number_words(lexicon, articles=articles)}))")


def scale(lexicon: Lexicon, name: str) -> str:
    """A scale after a figure: " milliards", "bn" glued, " M" before a currency symbol."""
    abbreviations = "|".join(re.escape(a) for a in sorted(lexicon.scale_abbreviations,
                                                          key=lambda a: -len(a)))
    return (f"(?P<{name}>\\s+{words(lexicon.scale_words)}"
            f"|(?:{abbreviations})(?![^\\W\\d_])"
            f"|\\s(?:{abbreviations})(?=\\s?[{SIGN_CHARS}]))")


# Currency symbols and the codes read in text are data (data/currency_signs.toml).
CURRENCY_SYMBOLS, CURRENCY_CODES = currency_signs()
# the signs a figure can start with, as a character class body: "$", "€", "£", "₹"...
SIGN_CHARS = "".join(sorted({s[0] for s in CURRENCY_SYMBOLS if not s[0].isalnum()}))


def currency_symbols() -> str:
    """Every currency symbol, longest first; one that ends in a letter ("$CAD") ends a word."""
    return "|".join(re.escape(s) + (r"(?![^\W\d_])" if s[-1].isalpha() else "")
                    for s in sorted(CURRENCY_SYMBOLS, key=lambda s: -len(s)))


def currency_before(name: str) -> str:
    symbols = currency_symbols()
    codes = "|".join(CURRENCY_CODES)
    return f"(?P<{name}>(?:{symbols})|(?:{codes})(?=\\s?[0-9]))\\s?"


def currency_after(lexicon: Lexicon, name: str) -> str:
    symbols = currency_symbols()
    joiner = words(lexicon.word_list("currency_joiners"))
    return (f"(?:\\s?(?P<{name}_sym>{symbols})"
            f"|\\s+(?:{joiner}\\s*)?(?P<{name}_word>{words(lexicon.currency_words)})"
            f"|\\s+(?P<{name}_code>{'|'.join(CURRENCY_CODES)})(?!\\w))")


def unit(lexicon: Lexicon, name: str) -> str:
    """What follows a figure: a currency, %, points, a duration or a counted noun."""
    percent = words(lexicon.word_list("percent"))
    points = words(lexicon.word_list("percentage_points"))
    joiner = words(lexicon.word_list("currency_joiners"))
    complement = ""
    if lexicon.word_list("noun_complement"):
        complement = (f"(?:\\s+{words(lexicon.word_list('noun_complement'))}"
                      r"\s+[a-zà-ÿœæ][\w'’-]*)?")
    return (f"(?:{currency_after(lexicon, name + '_cur')}"
            f"|(?P<{name}_pct>\\s?%|\\s+{percent})"
            f"|(?P<{name}_pts>\\s+{points})"
            f"|\\s+(?P<{name}_dur>{words(lexicon.durations)})"
            f"|(?:\\s+(?!{words(lexicon.post_hedges)})(?:{joiner}\\s*)?"
            f"|(?={words(lexicon.word_list('glued_units'))}))"  # "240MW", "12km"
            f"(?P<{name}_noun>[^\\W\\d_][\\w'’-]*{complement}))")


def quantity(lexicon: Lexicon) -> str:
    """[hedge] [currency] figure [scale] [range] [unit] [post-hedge]."""
    hedges = {h: a for h, a in lexicon.hedges.items() if a not in ("between", "range")}
    between = words(lexicon.range["open_between"])
    opener = words(lexicon.range["open_from"])
    between_sep = words([s for s in lexicon.range["separators"] if s in ("et", "and")])
    other_sep = words([s for s in lexicon.range["separators"] if s not in ("et", "and")])
    hedge_words = words(h for h in hedges if h != "~")
    return (
        r"(?P<qty>" + START +
        r"(?:(?P<q_between>" + between + r")\s+"
        r"|(?P<q_from>" + opener + r")\s+"
        r"|(?P<q_hedge>" + hedge_words + r"|~)\s*)?"
        r"(?P<q_sign>[-−](?=[0-9" + SIGN_CHARS + r"]))?"  # -5 %, -$3bn: a negative level
        r"(?:" + currency_before("q_cur1") + r")?"
        + number(lexicon, "q1") + r"(?:" + scale(lexicon, "q1_scale") + r")?"
        r"(?:\s*(?P<q_sep>(?(q_between)" + between_sep + r"|(?:[-–]|" + other_sep + r")))\s*"
        r"(?:" + currency_before("q_cur2") + r")?"
        + number(lexicon, "q2", articles=False) + r"(?:" + scale(lexicon, "q2_scale") + r")?"
        r")?"
        r"(?P<q_unit>" + unit(lexicon, "q_unit") + r")?"
        r"(?:\s+(?P<q_post>" + words(lexicon.post_hedges) + r"))?"
        r")"
    )


def vague_amount(lexicon: Lexicon) -> str:
    """"plusieurs milliards de dollars", "des milliards", "several billion dollars"."""
    plural_scales = [w for w in lexicon.scale_words if w.endswith("s")]
    return (r"(?P<vague>(?<!\w)(?P<v_word>" + words(lexicon.word_list("vague")) + r")\s+"
            r"(?P<v_scale>" + words(plural_scales or lexicon.scale_words) + r")"
            r"(?:" + currency_after(lexicon, "v_cur") + r")?)")


def approximate_count(lexicon: Lexicon) -> str:
    """"une douzaine de", "une centaine d'employés", "a dozen"."""
    return (r"(?P<approxn>(?<!\w)(?:" + words(lexicon.word_list("articles")) + r")\s+"
            r"(?P<an_word>" + words([w + "s" for w in lexicon.approximate_numbers]
                                    + list(lexicon.approximate_numbers)) + r")"
            r"(?:\s+(?:" + words(lexicon.word_list("currency_joiners")) + r")\s*"
            r"|\s*d['’]|\s+)?(?P<an_noun>[^\W\d_][\w'’-]*)?)")


def ratio_of_change(lexicon: Lexicon) -> str:
    """"a doublé", "tripled", "halved", "multiplié par trois", "divided by 2" (quantities,
    second round): a factor of change stated in words."""
    return (r"(?P<ratio>(?<!\w)(?P<r_word>" + words(lexicon.ratios) + r")"
            r"(?:\s+" + number(lexicon, "rn", articles=False) + r")?)")


def months(lexicon: Lexicon) -> str:
    return words(lexicon.months, case_sensitive=lexicon.months_case_sensitive)


YEAR = r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9]|[.,][0-9])"
ANY_YEAR = r"(?<![0-9])[0-9]{4}(?![0-9]|[.,][0-9])"
DAY_NUMBER = r"(?:[12][0-9]|3[01]|0?[1-9])"  # a day of the month, 1 to 31
DAY = r"(?<![\w.,/\-])" + DAY_NUMBER
DAY_SUFFIX = r"(?:er|st|nd|rd|th)"  # 1er, 21st


def dates(lexicon: Lexicon) -> list[str]:
    """Every date construct, most specific first."""
    d = lexicon.date_words
    month = months(lexicon)
    of_year = r"(?:\s+" + words(d("of_year")) + r")?\s+"
    durations_ym = [w for w, u in lexicon.durations.items() if u in ("year", "month", "decade")]
    range_sep_between = words([s for s in d("range_separators") if s in ("et", "and")])
    range_sep = words([s for s in d("range_separators") if s not in ("et", "and")])
    day_suffix = DAY_SUFFIX + "?"
    out = [
        # de 2019 à 2023, between 2019 and 2023, 2019-2023
        r"(?P<drange>(?<!\w)(?:(?P<dr_between>" + words(d("range_between")) + r")\s+"
        r"|(?P<dr_from>" + words(d("range_from")) + r")\s+)?"
        r"(?P<dr_y1>" + YEAR + r")(?:\s*[-–]\s*|\s+(?(dr_between)" + range_sep_between
        + "|" + range_sep + r")\s+)(?P<dr_y2>" + YEAR + r"))",
        # 21/01/2025, 2025-01-21
        r"(?P<dnum>(?<![\w./-])(?P<dn_a>[0-9]{1,2})(?P<dn_sep>[/.-])(?P<dn_b>[0-9]{1,2})"
        r"(?P=dn_sep)(?P<dn_y>[0-9]{4}|(?<=/)[0-9]{2})(?![0-9]|[./-][0-9]))",
        r"(?P<diso>(?<![\w./-])(?P<di_y>[0-9]{4})(?P<di_sep>[-/])(?P<di_m>[0-9]{2})(?P=di_sep)"
        r"(?P<di_d>[0-9]{2})(?![0-9]))",
        # le 21 janvier 2025, 1er mars, 21 January 2025
        r"(?P<ddmy>(?:(?P<dd_d>" + DAY + r")" + day_suffix + r"|(?P<dd_first>"
        + words(d("first_day")) + r"))\s+(?:of\s+)?(?P<dd_m>" + month + r")"
        r"(?:,?\s+(?P<dd_y>" + ANY_YEAR + r"))?)",
        # January 21, 2025
        r"(?P<dmdy>(?P<md_m>" + month + r")\s+(?P<md_d>" + DAY_NUMBER + ")"
        + day_suffix + r"(?![0-9])(?:,?\s+(?P<md_y>" + ANY_YEAR + r"))?)",
        # T1 2025, Q1 2025, H2 2024
        r"(?P<dqlet>(?<!\w)(?P<dql_l>" + "|".join(d("quarter_letters") + d("half_letters"))
        + r")(?P<dql_n>[1-4])(?:\s+(?P<dql_y>" + YEAR + r")|(?:\s+" + words(d("of_relative_year"))
        + r")?\s+(?P<dql_r>" + relative_years(lexicon) + r")))",
        # premier trimestre 2025, first quarter of 2025, second semestre
        r"(?P<dqord>(?<!\w)(?P<dqo_o>" + words(lexicon.ordinals) + r")\s+(?P<dqo_k>"
        + words(d("quarter") + d("half")) + r")(?:" + of_year + r"(?P<dqo_y>" + YEAR + r")"
        r"|(?:\s+" + words(d("of_relative_year")) + r")?\s+(?P<dqo_r>" + relative_years(lexicon)
        + r"))?)",
        # début 2024, mi-2024, fin 2023, the end of 2023
        r"(?P<dpart>(?<!\w)(?P<dp_p>" + words(lexicon.parts) + r")(?:\s*-\s*|\s+)"
        r"(?:" + words(d("of_year")) + r"\s+)?(?P<dp_y>" + YEAR + r"))",
        # l'été 2024, summer of 2024
        r"(?P<dseason>(?<!\w)(?P<ds_s>" + words(lexicon.seasons) + r")" + of_year
        + r"(?P<ds_y>" + YEAR + r"))",
        # janvier dernier, février prochain, last January
        r"(?P<dmrel>(?<!\w)(?:(?P<dmr_m>" + month + r")\s+(?P<dmr_dir>"
        + words(d("month_last") + d("month_next")) + r")"
        r"|(?P<dmr_dir2>" + words(d("month_last_before") + d("month_next_before")) + r")\s+"
        r"(?P<dmr_m2>" + month + r")))",
        *dates_round2(lexicon),
        # janvier 2025, January 2025, janvier de l'année 2025
        r"(?P<dmy>(?<!\w)(?P<dmy_m>" + month + r")" + of_year + r"(?P<dmy_y>" + ANY_YEAR + r"))",
        # anchored phrases: l'année suivante, the following year, cette année-là
        r"(?P<danc>(?<!\w)" + words(lexicon.anchored) + r")",
        # relative phrases: l'an dernier, la semaine dernière, last year
        r"(?P<drel>(?<!\w)" + words(lexicon.relative) + r")",
        # il y a deux ans, two years ago
        r"(?P<dago>(?<!\w)(?:" + words(d("ago_before")) + r")\s+" + number(lexicon, "dag")
        + r"\s+(?P<dag_u>" + words(lexicon.durations) + r"))" if d("ago_before") else
        r"(?P<dago>(?<!\w)" + number(lexicon, "dag") + r"\s+(?P<dag_u>"
        + words(lexicon.durations) + r")\s+" + words(d("ago_after")) + ")",
        # quatre ans plus tard, two years later
        r"(?P<dlater>(?<!\w)" + number(lexicon, "dla") + r"\s+(?P<dla_u>"
        + words(durations_ym) + r")\s+(?:(?P<dla_later>" + words(d("later")) + r")|(?P<dla_earlier>"
        + words(d("earlier")) + r")))",
        *date_spans(lexicon),
        day_alone(lexicon),
        # en janvier, in January (the year of publication)
        r"(?P<dmcue>(?<!\w)" + words(d("month_cues")) + r"\s+(?P<dmc_m>" + month + r")"
        r"(?!\s+(?:[0-9]|" + words(d("month_last") + d("month_next")) + r")"
        r"|(?:\s+" + words(d("of_relative_year")) + r")?\s*" + relative_years(lexicon) + r"))",
        # en 2019, depuis 2019, in 2019
        r"(?P<dyear>(?<!\w)" + words(d("year_cues")) + r"\s+(?P<dy_y>" + YEAR + r")"
        r"(?!\s*[-–]\s*[0-9]|\s+" + words(d("range_separators")) + r"\s+[0-9]))",
    ]
    return out


# --- Dates, second round (docs/extraction.md, "Dates, second round") -------------------

# 13.5.2015, 21.01.2025: a day, a month and a year, which a version number skip must leave
NUMERIC_DATE = DAY_NUMBER + r"\.(?:1[0-2]|0?[1-9])\.(?:1[89]|20)[0-9]{2}(?![.0-9])"


def relative_years(lexicon: Lexicon) -> str:
    """The relative phrases that name a year: "l'an dernier", "last year", "cette année"."""
    return words(p for p, (unit, _) in lexicon.relative.items() if unit == "year")


def _char_run(phrase: str) -> str:
    """A fixed-width pattern for `phrase`, as a look-behind needs: "Black Friday"."""
    return "".join("[ \u00a0]" if ch == " " else _char(ch) for ch in phrase)


def dates_round2(lexicon: Lexicon) -> list[str]:
    """Weekdays, parts of a month, months of a relative year, years after any preposition,
    lowercase English months next to a day."""
    d = lexicon.date_words
    month = months(lexicon)
    followers = words(d("year_followers"))
    return [
        # mardi, lundi dernier, ce vendredi, on Monday, last Sunday, this Friday
        r"(?P<dweek>(?<!\w)(?:(?P<dw_pre>" + words(d("weekday_last_before")
        + d("weekday_next_before") + d("weekday_this_before")) + r")\s+)?"
        r"(?P<dw_d>" + words(d("weekdays")) + r")"
        r"(?<!" + r")(?<!".join(_char_run(w) for w in d("weekday_not_names") or ["(?!x)x"]) + r")"
        r"(?!\s+" + words(d("weekday_not_after"), case_sensitive=True) + r")"
        r"(?:\s+(?P<dw_post>" + words(d("weekday_last") + d("weekday_next")) + r"))?)",
        # fin mars, mi-septembre, late October, le mois de septembre, ce mois d'avril
        r"(?P<dpmonth>(?<!\w)(?:(?P<dpm_p>" + words(d("month_parts")) + r")(?:\s*-\s*|\s+)"
        r"|(?P<dpm_pre>" + words(d("month_prefixes")) + r")\s*)"
        r"(?P<dpm_m>" + month + r")"
        r"(?:,?\s+(?:" + words(d("of_year")) + r"\s+)?(?P<dpm_y>" + YEAR + r")"
        r"|(?:\s+" + words(d("of_relative_year")) + r")?\s*(?P<dpm_r>" + relative_years(lexicon)
        + r"))?)",
        # novembre de l'an dernier, November last year
        r"(?P<dmrely>(?<!\w)(?P<dmry_m>" + month + r")(?:\s+" + words(d("of_relative_year"))
        + r")?\s*(?P<dmry_r>" + relative_years(lexicon) + r"))",
        # april 22, sept. 25, 2024: a lowercase month only next to a day number
        r"(?P<dlcm>(?<!\w)(?P<lcm_m>" + words(d("lowercase_months"), case_sensitive=True)
        + r")\.?\s+(?P<lcm_d>" + DAY_NUMBER + ")" + DAY_SUFFIX + r"?(?![0-9])"
        r"(?:,?\s+(?P<lcm_y>" + ANY_YEAR + r")|(?!\s*(?:%|[^\W\d_]))))",
        # 22/04 (French day and month, two digits each), 28-Nov, 28-Nov-2024
        r"(?P<dshort>(?<![\w./,-])(?P<dsh_d>[0-3][0-9])/(?P<dsh_m>[01][0-9])(?![0-9/.,-]|\s*%))"
        if d("day_month_digits") else r"(?P<dshort>(?!x)x)",
        r"(?P<ddash>(?<![\w./-])(?P<ddh_d>" + DAY_NUMBER + r")-(?P<ddh_m>(?i:"
        + words(d("lowercase_months") + d("dash_months"), case_sensitive=True)
        + r"))(?:-(?P<ddh_y>[0-9]{4}|[0-9]{2}))?"
        r"(?![\w-]))",
        # pour 2024, for 2023, through 2030, as of 2025: unless a unit or a noun follows
        r"(?P<dyear2>(?<!\w)" + words(d("weak_year_cues")) + r"\s+(?P<dy2_y>" + YEAR + r")"
        r"(?=\s*(?:[,.;:!?)»\"]|$)|\s+(?:[A-ZÀ-Ý]|" + followers + r")))",
    ]


def day_alone_live(lexicon: Lexicon) -> str:
    """A day number after "le", "the": live digits for `day_alone`."""
    before = "|".join("(?<=" + _char_run(w) + " )"
                      for w in sorted(_cased(lexicon.date_words("day_alone_before"))))
    return ("(?:" + (before or r"(?!x)x") + r")" + DAY_NUMBER + DAY_SUFFIX
            + r"?(?![0-9])")


def day_alone(lexicon: Lexicon) -> str:
    """"le 27", "the 15th": a day of the month the text or the publication date sets. In
    English the suffix is needed; either way only before punctuation or a listed word."""
    d = lexicon.date_words
    suffix = DAY_SUFFIX if d("day_alone_needs_suffix") else DAY_SUFFIX + "?"
    return (r"(?P<dday>(?<!\w)" + words(d("day_alone_before")) + r"\s+(?P<dda_d>"
            + DAY_NUMBER + ")" + suffix + r"(?![0-9]|[.,][0-9])"
            r"(?!\s+\S+\s+[0-9]+(?:st|nd|rd|th)(?!\w))"  # the 2nd and 3rd quarters
            r"(?=\s*(?:[,.;:!?)»\"]|$)|\s+" + words(d("day_alone_followers"))
            + r"|\s+" + words(d("day_alone_place_words")) + r"\s+(?:[A-ZÀ-Ý]|[0-9]{1,2}\s?h)))")


def date_spans(lexicon: Lexicon) -> list[str]:
    """Spans counted from a date: "deux semaines plus tard", "three days after the
    announcement", "two weeks from now", "dans deux semaines"."""
    d = lexicon.date_words
    units = words(w for w, u in lexicon.durations.items() if u in ("year", "month", "week", "day"))
    obj = (r"(?:\s+(?:" + words(d("span_objects")) + r")\s*[^\W\d_][\w'’-]*)?")
    return [
        r"(?P<dspan>(?<!\w)(?:(?P<dsp_in>" + words(d("span_in_before")) + r")\s+)?"
        + number(lexicon, "dsp") + r"\s+(?P<dsp_u>" + units + r")"
        r"(?(dsp_in)|\s+(?:(?P<dsp_later>" + words(d("later") + d("span_after")) + r")" + obj
        + r"|(?P<dsp_earlier>" + words(d("earlier") + d("span_before")) + r")" + obj
        + r"|(?P<dsp_now>" + words(d("span_from_now")) + r"))))",
    ]


def not_quantities() -> str:
    """Things made of digits that are not figures: times of day, phone and version numbers."""
    return (r"(?P<skip>(?<![\w.,/-])(?:"
            r"[0-9]{1,2}\s?[hH]\s?[0-5][0-9](?![0-9])"                        # 14h11
            r"|[0-9]{1,2}:[0-5][0-9](?::[0-5][0-9])?(?:\s?(?i:[ap]\.?m\.?))?"  # 14:11, 2:30 pm
            r"|[0-9]{1,2}\s?(?i:a\.m\.|p\.m\.|am|pm)(?!\w)"                    # 2 pm
            r"|0[1-9](?:[\s.][0-9]{2}){4}(?![0-9])"                           # 01 23 45 67 89
            r"|\+[0-9]{1,3}(?:[\s.-]?\(?[0-9]{1,4}\)?){3,6}(?![0-9])"         # +33 1 23 45 67 89
            r"|\(?[0-9]{3}\)?[\s.-][0-9]{3}-[0-9]{4}(?![0-9])"                # (555) 123-4567
            r"|(?!" + NUMERIC_DATE + r")[0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)*"     # 2.1.3
            r")|(?<!\w)(?i:v|version\s+)[0-9]+(?:\.[0-9]+)+)")


def year_ahead(lexicon: Lexicon) -> str:
    """What follows a word that starts a construct ending in a year: "en 2019", "fin 2023",
    "mi-2024", "l'été 2024", "the end of 2023", "summer of 2024"."""
    return (r"(?=(?:\s*-\s*|\s+)(?:" + words(lexicon.date_words("of_year")) + r"\s+)?"
            + YEAR + ")")


def _not_compounded(word: str) -> str:
    """The condition that `word` is not the second part of a compound ("vingt" in
    "quatre-vingt", each "cent" of "cent-cent-cent"): a number or duration word glued after
    another word and a hyphen adds to it and starts no construct."""
    return r"(?<![^\W\d_]-" + "".join(_char(ch) for ch in word) + ")"


def _cased(found: Iterable[str]) -> set[str]:
    return {variant for w in found for variant in (w, w.capitalize(), w.upper())}


def trigger_words(lexicon: Lexicon) -> dict[str, str]:
    """Words at least one of which every construct without digits contains, each with the
    condition that must hold where it ends for it to be a trigger.

    Every word must end there (no letter or digit follows), and month names need nothing
    more. Number, scale, duration and relative-date words trigger unless glued after another
    word by a hyphen ("quatre-vingt"). The words that start a construct ending in a year and
    hold no other trigger ("en", "depuis", "fin", "été") trigger only before a year ("en
    2019"), so that a year followed by nothing a mention needs ("2019.") is not a trigger by
    itself. A currency code triggers before a digit, glued or not ("USD1", "USD 4.5").
    """
    d = lexicon.date_words
    compounding = _cased(
        set(lexicon.numbers) - set(lexicon.word_list("articles"))
        | set(lexicon.approximate_numbers) | {w + "s" for w in lexicon.approximate_numbers}
        | set(lexicon.scale_words) | set(lexicon.durations)
        | set(d("quarter")) | set(d("half"))
        | {phrase.split()[-1] for phrase in [*lexicon.relative, *lexicon.anchored]}
        | {w.split()[-1] for w in lexicon.word_list("percent")})
    months = (set(lexicon.months) if lexicon.months_case_sensitive
              else _cased(lexicon.month_numbers))
    before_year = _cased([*lexicon.parts, *lexicon.seasons, *d("year_cues"),
                          *d("weak_year_cues")])  # dates, second round
    conditions: dict[str, list[str]] = {w: [year_ahead(lexicon)] for w in before_year}
    for word in compounding:
        conditions.setdefault(word, []).append("" if " " in word else _not_compounded(word))
    for word in months:
        conditions[word] = [""]
    for word in _cased(d("weekdays")):  # dates, second round
        conditions[word] = [""]
    for word in d("lowercase_months"):
        conditions.setdefault(word, []).append(r"(?=\.?\s+[0-9])")
    endings = {word: ("" if "" in found else "(?:" + "|".join(found) + ")") + r"(?!\w)"
               for word, found in conditions.items()}
    endings.update(dict.fromkeys(CURRENCY_CODES, r"(?=\s?[0-9])"))
    for phrase in lexicon.ratios:  # "doublé", "multiplié par trois" (quantities, round two)
        endings.setdefault(phrase.split()[0], r"(?!\w)")
    return endings


def live_digits(lexicon: Lexicon) -> str:
    """A number in digits that a mention can be made of, by what comes before or after it.

    A bare number is never a mention, so "1 1 1", "12 345 678 12 345 678", "1,1,1" or "1er
    1er" hold no trigger at all, and the scan crosses them in one pass of the regex engine
    rather than one master match per number. A number is live after a currency sign or code
    ("$5", "USD 4.5"), or before a unit, scale or word, or as a date in digits. A year
    closes constructs that start with a word ("en 2019"): those trigger at that word (see
    `trigger_words`). The first number of a range ("20-30 %") is read from the second one,
    whose unit makes it live: the master pattern is tried from up to LOOKBACK characters
    before a trigger.
    """
    abbreviations = "|".join(re.escape(a) for a in sorted(lexicon.scale_abbreviations,
                                                          key=lambda a: -len(a)))
    symbols = currency_symbols()
    return (r"(?:(?<=[" + SIGN_CHARS + r"])|(?<=[" + SIGN_CHARS + r"]\s)"  # $5, € 5, US$5
            r"|(?<=(?:" + "|".join(CURRENCY_CODES) + r")\s)"      # USD 4.5
            r"|(?=(?<![./-])[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{2}){1,2}(?![0-9])"  # 21/01/2025
            r"|(?<![./-])[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}(?![0-9])"        # 21-01-2025
            r"|(?<![./-])[0-9]{4}/[0-9]{2}/[0-9]{2}(?![0-9])"            # 2025/01/21
            r"|(?<![./-])[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(?![0-9])"      # 21.01.2025
            r"|(?<![./-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])"            # 2025-01-21
            r"|" + day_alone_live(lexicon) +                              # le 27, the 15th
            r"|(?<![\w./,-])[0-3][0-9]/[01][0-9](?![0-9/.,-])"           # 22/04
            r"|(?<![\w./-])[0-9]{1,2}-[^\W\d_]{3}"                     # 28-Nov
            r"|" + YEAR + r"\s*[-–]\s*" + YEAR +                          # 2019-2023
            # not the decimals or groups of "1,5", "1.000"; then what follows the number
            r"|(?<![0-9][.,])" + digits(lexicon) + r"(?:"
            r"\s*(?:%|" + symbols + ")"                   # 62 %, 13 $, 7US$
            r"|\s+[^\W\d_]"                               # a word: scale, unit, month, "à"
            r"|-[^\W\d_]"                                 # 10-year (quantities, round two)
            r"|(?:" + abbreviations + r")(?![^\W\d_])"    # 13B, 4.5bn, 350M$
            r"|" + words(lexicon.word_list("glued_units")) +  # 240MW, 12km
            r"|" + DAY_SUFFIX + r"\s+[^\W\d_]"            # 1er mars, 21st of January
            r")))[0-9]")


@functools.cache
def trigger_pattern(language: str) -> re.Pattern[str]:
    """A cheap pattern for the places a mention can be near: a number in digits that a
    mention can be made of, a number, scale, month or duration word, or a cue before a
    year ("en 2019", "T1 2025"). The master pattern runs only around them.

    Every mention holds a trigger, and the scan for triggers runs in the regex engine: text
    dense with number-like tokens that make no mention ("1 1 1", "$$$", "cent-cent-cent")
    costs one pass of this pattern, not one master match per token."""
    return re.compile(r"(?<!\w)(?=\w)" + _trigger(language))


@functools.cache
def trigger_after_gap(language: str) -> re.Pattern[str]:
    """The trigger pattern opened by the character before the trigger (not a letter or
    digit) instead of a look-behind: the regex engine skips to such a character in its own
    loop, rather than trying the look-behind at every letter. A match starts one character
    before its trigger."""
    return re.compile(r"\W(?=\w)" + _trigger(language))


@functools.cache
def _trigger(language: str) -> str:
    """The alternation the trigger patterns share: what may follow the start of a trigger."""
    lexicon = load_lexicon(language)
    d = lexicon.date_words
    endings = trigger_words(lexicon)
    letters = "|".join(d("quarter_letters") + d("half_letters"))
    return (r"(?:"
            r"(?=[0-9])" + live_digits(lexicon) +
            r"|" + trie(endings, endings) +                      # words, with their conditions
            r"|(?:" + letters + r")[1-4](?=\s+" + YEAR + r")"    # T1 2025, Q1 2025
            r")")


_FIRST_WORD = re.compile(r"\w+")


def initial_words(lexicon: Lexicon) -> frozenset[str]:
    """Lower-case first words of every construct that does not start with a digit or sign."""
    d = lexicon.date_words
    phrases = [
        *lexicon.hedges, *lexicon.range["open_between"], *lexicon.range["open_from"],
        *lexicon.numbers, *lexicon.word_list("articles"), *lexicon.word_list("vague"),
        *lexicon.months, *lexicon.relative, *lexicon.anchored, *lexicon.parts,
        *lexicon.seasons, *lexicon.ordinals, *d("month_cues"), *d("year_cues"),
        *d("range_between"), *d("range_from"), *d("ago_before"), *d("first_day"),
        *d("month_last_before"), *d("month_next_before"), *CURRENCY_CODES, "v", "version",
        *lexicon.ratios,  # quantities, second round
        # dates, second round
        *d("weekdays"), *d("weekday_last_before"), *d("weekday_next_before"),
        *d("weekday_this_before"), *d("month_parts"), *d("month_prefixes"),
        *d("lowercase_months"), *d("weak_year_cues"), *d("span_in_before"),
        *d("day_alone_before"),
    ]
    return frozenset(found.group().lower() for p in phrases
                     if (found := _FIRST_WORD.search(p.replace("’", "'"))))


def article_followers(lexicon: Lexicon) -> frozenset[str]:
    """Words after which an article starts a mention: "un milliard", "a dozen", "un an"."""
    return frozenset({*lexicon.scale_words, *lexicon.approximate_numbers,
                      *(w + "s" for w in lexicon.approximate_numbers), *lexicon.durations,
                      *lexicon.numbers})


# How far before a trigger a mention may start ("à peu près 14", "la fin de l'année") and
# how far after it may end; no construct of the grammar is longer.
LOOKBACK = 40
LOOKAHEAD = 160


@functools.cache
def constructs(language: str) -> tuple[str, ...]:
    """The constructs of the master pattern of `language`, in priority order."""
    lexicon = load_lexicon(language)
    return (not_quantities(), *dates(lexicon), vague_amount(lexicon),
            approximate_count(lexicon), ratio_of_change(lexicon), quantity(lexicon))


def _alternation(parts: Iterable[str]) -> str:
    # Only try at the first character of a word or a currency sign: cheap to reject.
    return r"(?<!\w)(?=[\w" + SIGN_CHARS + r"~+(−-])(?:" + "|".join(parts) + ")"


@functools.cache
def master_pattern(language: str) -> re.Pattern[str]:
    """The one pattern that finds every mention of `language`, compiled once."""
    return re.compile(_alternation(constructs(language)))


# the distinct words (and first digits of numbers) master_for remembers per language
MASTER_KEYS = 4096


@functools.lru_cache(maxsize=MASTER_KEYS)
def master_for(language: str, head: str, whole_word: bool) -> tuple[re.Pattern[str], ...]:
    """The patterns to try in turn where a word (or a number) starting with `head` starts
    (`whole_word`: where the word `head` stands, whole): the master pattern cut down to the
    constructs that can start with it, in the same order. Empty when no construct can.

    At any position that starts with `head` the first of them to match finds exactly the
    match the master pattern finds there: a construct left out cannot match
    (`prefixes.can_start_with`), and the others keep their priority. Trying "the" or "de"
    against the few constructs that can start with it, not all thirty, is most of the
    saving. The amounts construct, last in priority and by far the longest, is a pattern of
    its own, so that the cut-down patterns compiled on first use stay small and quick to
    compile."""
    parts = constructs(language)
    amounts = len(parts) - 1
    chosen = [index for index, part in enumerate(parts)
              if can_start_with(part, head, whole_word=whole_word)]
    patterns = []
    if any(index != amounts for index in chosen):
        patterns.append(_master_subset(language, tuple(i for i in chosen if i != amounts)))
    if amounts in chosen:
        patterns.append(_master_subset(language, (amounts,)))
    return tuple(patterns)


@functools.cache
def _master_subset(language: str, chosen: tuple[int, ...]) -> re.Pattern[str]:
    parts = constructs(language)
    return re.compile(_alternation(parts[index] for index in chosen))
