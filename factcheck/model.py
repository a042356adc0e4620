"""The claim model: sources, provenance, quantities with intervals, partial dates, claims.

Every class is a frozen attrs class that validates itself when built, so a malformed
value fails at construction with a message naming the field. Numbers are Decimals.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import re
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from factcheck.errors import ModelError, ParseError, Problem


class Approx(enum.StrEnum):
    """How the wording bounds a figure: "environ", "plus de", "entre ... et ...", ..."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    UP_TO = "up_to"
    BETWEEN = "between"


class Stance(enum.StrEnum):
    """How a source holds a claim."""

    ASSERTED = "asserted"  # stated as fact in the source's own voice
    ATTRIBUTED = "attributed"  # "selon le Wall Street Journal", "according to ..."
    RUMOURED = "rumoured"  # "selon la rumeur", "des rumeurs circulent"
    CONDITIONAL = "conditional"  # French conditional: "envisagerait", "aurait refusé"


class Scope(enum.StrEnum):
    """Which part of a running figure a claim states: the whole to date or one instalment."""

    TOTAL = "total"  # "au total", "en tout", "cumulé", "in total", "to date"
    TRANCHE = "tranche"  # "supplémentaire", "a further", "une nouvelle tranche", "en 2019"
    PART = "part"  # a named part of a stated whole: "dont 4 milliards", "of which"


class Modality(enum.StrEnum):
    """Whether a figure is done or only planned, expected or hoped for."""

    ACTUAL = "actual"
    PLANNED = "planned"  # "prévoit", "vise", "pourrait lever", "plans to", "expected"


class Origin(enum.StrEnum):
    """Where a claim comes from."""

    LEDGER = "ledger"  # curated by an editor in claims/
    AUTOMATIC = "automatic"  # built from an extracted mention and its sentence
    DERIVED = "derived"  # computed from other claims ("62 %, soit 1,9 milliard" -> the whole)


class Kind(enum.StrEnum):
    """What an extracted mention measures."""

    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DURATION = "duration"
    DATE = "date"
    RATIO = "ratio"  # a factor of change: "a doublé" (2), "tripled" (3), unit "x"


class Granularity(enum.StrEnum):
    """The precision a date is stated at."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    SEASON = "season"
    PART = "part"  # early / mid / late in a year: "début 2024", "mi-2024", "fin 2023"
    YEAR = "year"


def _member_of(enum_type: type[enum.Enum]):
    """Converter to `enum_type` that passes members through untouched (the common case)."""
    def convert(value: object) -> enum.Enum:
        if isinstance(value, enum_type):
            return value
        try:
            return enum_type(value)
        except ValueError as exc:
            allowed = ", ".join(str(m.value) for m in enum_type)
            raise ModelError(f"{value!r} is not one of {allowed}") from exc
    return convert


def _optional_decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or isinstance(value, float):
        # floats would carry binary noise (11899999999.999998); refuse them outright.
        raise ModelError(f"expected an exact number (Decimal, int or str), got {value!r}")
    try:
        return Decimal(str(value))
    except ArithmeticError as exc:  # decimal.InvalidOperation
        raise ModelError(f"not a number: {value!r}") from exc


def _finite(instance: object, attribute: attrs.Attribute, value: Decimal | None) -> None:
    """Refuse NaN and infinities: no interval holds them, and comparing them raises."""
    if value is not None and not value.is_finite():
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be a finite "
                         f"number, got {value}")


def _optional_text(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise ModelError(f"{type(instance).__name__}.{attribute.name} must be text, "
                         f"got {value!r}")


CHANGES = ("up", "down")
# precision for arithmetic on figures: extraction reads up to 100 digits (longer ones are
# reported out of range), so sums and halves stay exact
EXACT_DIGITS = 240
DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year",
                            "decade"})


def unit_kind(unit: str | None) -> str | None:
    """What a Quantity's unit is: "money" (an ISO 4217 code), "percent", "points",
    "duration", "ratio" ("x", a factor), "price" (money per unit, "USD/share"), "noun" (a
    counted noun), or None when the text gives no unit.

    >>> [unit_kind(u) for u in ("USD", "%", "pp", "year", "GPU", "x", "USD/share", None)]
    ['money', 'percent', 'points', 'duration', 'noun', 'ratio', 'price', None]
    """
    if unit is None:
        return None
    if unit == "%":
        return "percent"
    if unit == "x":
        return "ratio"
    if "/" in unit and unit.partition("/")[0] in currency_codes():
        return "price"  # money per unit: "USD/share"
    if unit == "pp":
        return "points"
    if unit in DURATION_UNITS:
        return "duration"
    if unit in currency_codes():
        return "money"
    return "noun"


@functools.cache
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes (data/currencies.txt), read once."""
    text = resources.files("factcheck").joinpath("data", "currencies.txt").read_text("utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#")
                     for word in line.split())


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure, its unit, and the interval its wording allows.

    `change` is "up" or "down" when the figure is the size of a change ("en baisse de
    3 %": 3 %, down), None for a level (-5 % stated as a level is a negative value).

    `value` is the figure as stated (None for pure ranges and vague amounts);
    `low`/`high` bound what the wording allows (None: unbounded on that side).
    `unit` is an ISO 4217 code for money, "%" or "pp" for percentages and points,
    a duration unit ("year", "month", ...), a counted noun ("GPU"), or None.
    `step` is the place value of the last digit written, scaled ("11,9 milliards" ->
    100 000 000): the digits' own rounding, which a hedge such as "environ" widens.
    """

    value: Decimal | None = attrs.field(converter=_optional_decimal, validator=_finite)
    low: Decimal | None = attrs.field(converter=_optional_decimal, validator=_finite)
    high: Decimal | None = attrs.field(converter=_optional_decimal, validator=_finite)
    unit: str | None = attrs.field(default=None, validator=_optional_text)
    approx: Approx = attrs.field(default=Approx.EXACT, converter=_member_of(Approx))
    step: Decimal | None = attrs.field(default=None, converter=_optional_decimal,
                                       validator=_finite)
    change: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(CHANGES)))

    def __attrs_post_init__(self) -> None:
        if self.step is not None and self.step <= 0:
            raise ModelError(f"quantity step {self.step} must be positive")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ModelError(f"quantity low {self.low} is above high {self.high}")
        if self.value is not None:
            if self.low is not None and self.value < self.low:
                raise ModelError(f"quantity value {self.value} is below low {self.low}")
            if self.high is not None and self.value > self.high:
                raise ModelError(f"quantity value {self.value} is above high {self.high}")

    @property
    def rounding(self) -> tuple[Decimal | None, Decimal | None]:
        """The interval the digits alone allow: "environ 14 milliards" -> 13.5-14.5 billion,
        where the wording allows 12.6-15.4; for any other wording, the wording's interval."""
        if self.approx is Approx.ABOUT and self.value is not None and self.step is not None:
            with decimal.localcontext(prec=EXACT_DIGITS):  # a long figure keeps every digit
                half = self.step / 2
                return self.value - half, self.value + half
        return self.low, self.high

    @property
    def low_open(self) -> bool:
        """True when `low` itself is excluded ("plus de 4 milliards")."""
        return self.approx is Approx.MORE_THAN

    @property
    def high_open(self) -> bool:
        """True when `high` itself is excluded ("moins de 5 %")."""
        return self.approx is Approx.LESS_THAN

    def overlaps(self, other: Quantity) -> bool:
        """True when the two intervals share a value; units must be the same."""
        if self.unit != other.unit:
            raise ModelError(f"cannot compare {self.unit!r} with {other.unit!r}")
        below = self.high is not None and other.low is not None and self.high < other.low
        above = self.low is not None and other.high is not None and self.low > other.high
        return not (below or above)


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}
_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_PARTIAL_DATE = re.compile(
    r"""^(?P<year>\d{4})
    (?: -(?P<month>\d{1,2}) (?:-(?P<day>\d{1,2}))?   # 2025-01, 2025-01-21
      | -Q(?P<quarter>\d)                             # 2025-Q1
      | -H(?P<half>\d)                                # 2025-H2
      | -W(?P<week>\d{1,2})                           # 2025-W10 (ISO week)
      | -(?P<season>spring|summer|autumn|winter)      # 2024-summer
      | -(?P<part>early|mid|late)                     # 2023-late
    )?$""",
    re.VERBOSE,
)


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_span(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """First day of month `first` to last day of month `last` (months past 12 roll over)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return (dt.date(year, first, 1), dt.date(end_year, end_month, _days_in(end_year, end_month)))


@attrs.frozen(kw_only=True)
class PartialDate:
    """A date stated at some precision: a year, a month, a day, a quarter, "fin 2023"...

    Only what the text stated is set; the covered interval is `start`..`end`.
    """

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    season: str | None = None
    part: str | None = None

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ModelError(f"year {self.year} out of range")
        finer = [n for n in ("month", "quarter", "half", "week", "season", "part")
                 if getattr(self, n) is not None]
        if len(finer) > 1:
            raise ModelError(f"a date has one precision, got {' and '.join(finer)}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ModelError(f"month {self.month} out of range 1-12")
        if self.day is not None:
            if self.month is None:
                raise ModelError("a day needs a month")
            last = _days_in(self.year, self.month)
            if not 1 <= self.day <= last:
                raise ModelError(f"day {self.day} out of range for {self.year}-{self.month:02d}")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ModelError(f"quarter {self.quarter} out of range 1-4")
        if self.half is not None and self.half not in (1, 2):
            raise ModelError(f"half {self.half} must be 1 or 2")
        if self.week is not None:
            weeks = dt.date(self.year, 12, 28).isocalendar().week
            if not 1 <= self.week <= weeks:
                raise ModelError(f"ISO week {self.week} out of range for {self.year}")
        if self.season is not None and self.season not in _SEASON_MONTHS:
            raise ModelError(f"season {self.season!r} is not one of {sorted(_SEASON_MONTHS)}")
        if self.part is not None and self.part not in _PART_MONTHS:
            raise ModelError(f"part {self.part!r} is not one of {sorted(_PART_MONTHS)}")

    @property
    def granularity(self) -> Granularity:
        for name, gran in (("day", Granularity.DAY), ("month", Granularity.MONTH),
                           ("quarter", Granularity.QUARTER), ("half", Granularity.HALF),
                           ("week", Granularity.WEEK), ("season", Granularity.SEASON),
                           ("part", Granularity.PART)):
            if getattr(self, name) is not None:
                return gran
        return Granularity.YEAR

    @property
    def start(self) -> dt.date:
        """First day the date covers."""
        return self._span()[0]

    @property
    def end(self) -> dt.date:
        """Last day the date covers."""
        return self._span()[1]

    def _span(self) -> tuple[dt.date, dt.date]:
        y = self.year
        if self.day is not None and self.month is not None:
            day = dt.date(y, self.month, self.day)
            return day, day
        if self.month is not None:
            return _month_span(y, self.month, self.month)
        if self.quarter is not None:
            return _month_span(y, 3 * self.quarter - 2, 3 * self.quarter)
        if self.half is not None:
            return _month_span(y, 6 * self.half - 5, 6 * self.half)
        if self.week is not None:
            monday = dt.date.fromisocalendar(y, self.week, 1)
            return monday, monday + dt.timedelta(days=6)
        if self.season is not None:
            return _month_span(y, *_SEASON_MONTHS[self.season])
        if self.part is not None:
            return _month_span(y, *_PART_MONTHS[self.part])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)

    def isoformat(self) -> str:
        """ISO-like text that `PartialDate.parse` reads back: 2025, 2025-01, 2025-Q1, 2023-late."""
        y = f"{self.year:04d}"
        if self.day is not None:
            return f"{y}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{y}-{self.month:02d}"
        for name, prefix in (("quarter", "Q"), ("half", "H"), ("week", "W")):
            if getattr(self, name) is not None:
                return f"{y}-{prefix}{getattr(self, name)}"
        if self.season is not None:
            return f"{y}-{self.season}"
        if self.part is not None:
            return f"{y}-{self.part}"
        return y

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Qn`, `YYYY-Hn`, `YYYY-Wnn`, `YYYY-late`...

        >>> PartialDate.parse("2025-03").granularity
        <Granularity.MONTH: 'month'>
        """
        found = _PARTIAL_DATE.match(text.strip()) if isinstance(text, str) else None
        if not found:
            raise ParseError(f"not a date: {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)",
                             text=str(text))
        fields = {k: (v if k in ("season", "part") else int(v))
                  for k, v in found.groupdict().items() if v is not None}
        try:
            return cls(**fields)
        except ModelError as exc:
            raise ParseError(f"not a valid date: {text!r}: {exc}", text=text) from exc

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(year=day.year, month=day.month, day=day.day)


@attrs.frozen(kw_only=True)
class DateRange:
    """A period between two partial dates: "de 2019 à 2023", or a relative date whose
    resolution the publication date leaves open ("janvier dernier" in an article dated 2025).

    `alternatives` is true when the range lists the possible resolutions of one relative
    date ("janvier dernier" published in 2025: January 2024 or January 2025), not a
    continuous period.
    """

    start: PartialDate
    end: PartialDate
    alternatives: bool = False

    def __attrs_post_init__(self) -> None:
        if self.start.start > self.end.end:
            raise ModelError(f"date range starts ({self.start}) after it ends ({self.end})")

    @property
    def granularity(self) -> Granularity:
        return self.start.granularity

    def isoformat(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def __str__(self) -> str:
        return self.isoformat()


@attrs.frozen
class Categorical:
    """A non-numeric value: true/false, or a label such as "exclusive"."""

    value: bool | str = attrs.field(validator=attrs.validators.instance_of((bool, str)))


Value = Quantity | PartialDate | DateRange | Categorical
DateValue = PartialDate | DateRange


def _optional_date(value: object) -> PartialDate | None:
    """A publication date from a PartialDate or its ISO text ("2025-03-11", "2025-03")."""
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ModelError(f"published must be a PartialDate or ISO text, got {value!r}")


@attrs.frozen(kw_only=True)
class Source:
    """One article: its text and what is known about it."""

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    text: str
    language: str = attrs.field(validator=attrs.validators.in_(("fr", "en")))
    published: PartialDate | None = attrs.field(default=None, converter=_optional_date)
    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    file: str | None = None
    published_note: str | None = None


LOCATIONS = ("text", "title")


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a claim comes from: the source, the character span, the exact quote, the stance.

    Offsets index the source's text, or its title when `location` is "title".
    `value_start`/`value_end` locate the words that state the value inside the quote.
    """

    source: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int
    quote: str
    stance: Stance = attrs.field(default=Stance.ASSERTED, converter=_member_of(Stance))
    attributed_to: str | None = None
    location: str = attrs.field(default="text", validator=attrs.validators.in_(LOCATIONS))
    value_start: int | None = None
    value_end: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.quote):
            raise ModelError(f"span {self.start}:{self.end} does not fit a quote of "
                             f"{len(self.quote)} characters")
        if (self.value_start is None) != (self.value_end is None):
            raise ModelError("value_start and value_end go together")
        if self.value_start is not None and self.value_end is not None and not (
                self.start <= self.value_start <= self.value_end <= self.end):
            raise ModelError(f"value span {self.value_start}:{self.value_end} is not inside "
                             f"the quote {self.start}:{self.end}")

    @property
    def wording(self) -> str | None:
        """The words that state the value, as written ("environ 14 milliards de dollars")."""
        if self.value_start is None or self.value_end is None:
            return None
        return self.quote[self.value_start - self.start:self.value_end - self.start]


def _optional_member_of(enum_type: type[enum.Enum]):
    convert = _member_of(enum_type)
    return lambda value: None if value is None else convert(value)


def _review_day(value: object) -> PartialDate:
    """The day a fact-check was published, from a PartialDate, a datetime.date or ISO text."""
    if isinstance(value, dt.datetime):  # a subclass of date: refuse rather than drop the time
        raise ModelError(f"a rating's date is a day such as 2025-03-12, got {value!r}")
    if isinstance(value, dt.date):
        value = PartialDate.from_date(value)
    elif isinstance(value, str):
        try:
            value = PartialDate.parse(value)
        except ParseError as exc:
            raise ModelError(str(exc)) from exc
    if not isinstance(value, PartialDate):
        raise ModelError(f"a rating's date is a day such as 2025-03-12, got {value!r}")
    if value.granularity is not Granularity.DAY:
        raise ModelError(f"a rating's date is a day such as 2025-03-12, got {str(value)!r}")
    return value


def _non_empty(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ModelError(f"{attribute.name} must be non-empty text, got {value!r}")


def _optional_non_empty(instance: object, attribute: attrs.Attribute, value: object) -> None:
    if value is not None:
        _non_empty(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Rating:
    """An editor's verdict on a claim, published as a fact-check (schema.org ClaimReview).

    `verdict` is the textual rating ("Faux", "False"); `date` the day the fact-check was
    published; `value`, `best` and `worst` an optional numeric scale; `claim_reviewed` a short
    wording of the claim (the quote when None); `url` the page hosting the fact-check.
    A rating is only ever an editor's: no verdict of the review becomes one.
    """

    verdict: str = attrs.field(validator=_non_empty)
    date: PartialDate = attrs.field(converter=_review_day)
    value: Decimal | None = attrs.field(default=None, converter=_optional_decimal,
                                        validator=_finite)
    best: Decimal | None = attrs.field(default=None, converter=_optional_decimal,
                                       validator=_finite)
    worst: Decimal | None = attrs.field(default=None, converter=_optional_decimal,
                                        validator=_finite)
    claim_reviewed: str | None = attrs.field(default=None, validator=_optional_non_empty)
    url: str | None = attrs.field(default=None, validator=_optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.worst is not None and self.best is not None and self.worst >= self.best:
            raise ModelError(f"rating worst {self.worst} must be below best {self.best}")
        if self.value is not None:
            if self.worst is not None and self.value < self.worst:
                raise ModelError(f"rating value {self.value} is below worst {self.worst}")
            if self.best is not None and self.value > self.best:
                raise ModelError(f"rating value {self.value} is above best {self.best}")
        if self.url is not None and not self.url.startswith(("https://", "http://")):
            raise ModelError(f"rating url must start with https:// or http://, got {self.url!r}")


def _editor_only(instance: Claim, attribute: attrs.Attribute, value: Rating | None) -> None:
    """A rating belongs to a ledger claim: machine-made claims never carry a verdict."""
    if value is None:
        return
    if not isinstance(value, Rating):
        raise ModelError(f"claim {instance.id!r}: rating must be a Rating, got {value!r}")
    if instance.origin is not Origin.LEDGER:
        raise ModelError(f"claim {instance.id!r}: only an editor's (ledger) claim can be rated, "
                         f"not an {instance.origin.value} one")


@attrs.frozen(kw_only=True)
class Claim:
    """A sourced claim: subject, predicate, object, value, the time it is about, provenance.

    `scope`, `modality` and `measure` tell apart facts that look alike (a tranche and the
    total, a plan and a deed, a run rate and a year's revenue). `since` says the value holds
    from `about` onwards ("n'est plus exclusif depuis janvier 2025"). `derivation` explains
    a derived claim's arithmetic.
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    subject: str
    predicate: str
    value: Value
    provenance: Provenance
    object: str | None = None
    about: DateValue | None = None
    accepted: str | None = None
    note: str | None = None
    scope: Scope | None = attrs.field(default=None, converter=_optional_member_of(Scope))
    modality: Modality = attrs.field(default=Modality.ACTUAL, converter=_member_of(Modality))
    measure: str | None = None
    since: bool = False
    origin: Origin = attrs.field(default=Origin.LEDGER, converter=_member_of(Origin))
    derivation: str | None = None
    rating: Rating | None = attrs.field(default=None, validator=_editor_only)

    def __attrs_post_init__(self) -> None:
        if self.since and self.about is None:
            raise ModelError(f"claim {self.id!r}: `since` needs the date in `about`")

    # -- display (factcheck.display renders; imported on use) ----------------------------

    def __repr__(self) -> str:
        from factcheck.display import claim_repr
        return claim_repr(self)

    def _repr_html_(self) -> str:
        from factcheck.display import claim_html
        return claim_html(self)

    def _repr_markdown_(self) -> str:
        from factcheck.display import claim_markdown
        return claim_markdown(self)

    def to_records(self) -> list[dict[str, Any]]:
        """The claim as one flat dict of plain values (the review JSON's claim record)."""
        from factcheck.display import claim_records
        return claim_records(self)

    def to_pandas(self) -> Any:
        """A one-row pandas DataFrame (needs the `pandas` extra)."""
        from factcheck.display import claim_records, to_pandas
        records = claim_records(self)
        return to_pandas(records, "Claim", tuple(records[0]))


@attrs.frozen(kw_only=True)
class Mention:
    """A figure or date found in a text: `text == source_text[start:end]`.

    `value` is None only for a relative date that no publication date resolves, and for a
    figure too long to read (more than 100 digits), which is reported rather than dropped.
    `relative` is true when the value was resolved against the publication date,
    `anchored` when it was resolved against an earlier date in the text, `inherited` when
    its unit or scale was read from another figure ("dont 4 milliards" after "22,4
    milliards de dollars").
    """

    kind: Kind = attrs.field(converter=_member_of(Kind))
    start: int
    end: int
    text: str
    value: Quantity | PartialDate | DateRange | None
    relative: bool = False
    anchored: bool = False
    inherited: bool = False  # the unit or scale comes from another figure of the text

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            raise ModelError(f"span {self.start}:{self.end} does not fit {self.text!r}")


def unchecked(cls: type) -> Any:
    """A constructor of frozen attrs class `cls` that takes every field, positionally and in
    order, and skips the converters and validators: for code that builds values already in
    the fields' types and within their invariants (the extractor, per figure), where checking
    them costs more than the rest of the work. Anything else calls `cls` itself.

    Like attrs's own `__init__`, its code is generated: one slot write per field, unrolled
    (a loop over the fields would cost as much as the checks it skips)."""
    names = [field.name for field in attrs.fields(cls)]
    namespace = {"new": object.__new__, "cls": cls,
                 **{f"set_{name}": cls.__dict__[name].__set__ for name in names}}
    body = "".join(f"    set_{name}(instance, {name})\n" for name in names)
    exec(f"def build({', '.join(names)}):\n    instance = new(cls)\n{body}    return instance\n",
         namespace)
    return namespace["build"]


class FindingKind(enum.StrEnum):
    """What a review says of a fact."""

    CONFLICT = "conflict"  # no value satisfies every source
    TENSION = "tension"  # the figures differ beyond rounding, but the wording could allow both
    CORROBORATION = "corroboration"  # independent sources agree
    UPDATE = "update"  # a value that changed over time: a timeline, not a contradiction
    GAP = "gap"  # parts add up to less than their stated total
    CONSISTENT = "consistent"  # a derived check that holds (parts sum to their total)


DISAGREEMENTS = frozenset({FindingKind.CONFLICT, FindingKind.TENSION})


class Check(enum.StrEnum):
    """What a finding compared."""

    NUMBER = "number"
    DATE = "date"
    CATEGORY = "category"
    PARTS = "parts"  # parts against their stated total


@attrs.frozen(kw_only=True)
class Finding:
    """A verdict on one fact, with the claims it rests on and a plain-language explanation.

    `disputed` holds the ids of the claims the verdict turns on (the two furthest apart for
    a conflict); `accepted` is an editor's reason when one of them carries `accepted`.
    """

    kind: FindingKind = attrs.field(converter=_member_of(FindingKind))
    check: Check = attrs.field(converter=_member_of(Check))
    subject: str
    predicate: str
    object: str | None
    claims: tuple[Claim, ...] = attrs.field(converter=tuple)
    explanation: str
    qualifiers: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    disputed: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    independent_sources: int = 0
    hedged: bool = False
    accepted: str | None = None

    @property
    def is_disagreement(self) -> bool:
        """A conflict or a tension that no editor has accepted."""
        return self.kind in DISAGREEMENTS and self.accepted is None

    def __repr__(self) -> str:
        from factcheck.display import finding_repr
        return finding_repr(self)

    def _repr_html_(self) -> str:
        from factcheck.display import finding_html
        return finding_html(self)

    def _repr_markdown_(self) -> str:
        from factcheck.display import finding_markdown
        return finding_markdown(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per claim: the finding's fields, then the claim's."""
        from factcheck.display import finding_records
        return finding_records(self)

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (needs the `pandas` extra)."""
        from factcheck.display import finding_records, to_pandas
        from factcheck.review import ROW_COLUMNS
        return to_pandas(finding_records(self), "Finding", ROW_COLUMNS)


@attrs.frozen(kw_only=True)
class Totals:
    """What a review read, counted, when it does not keep every claim and source: a review
    of an archive on a cluster keeps only those its findings rest on."""

    sources: int
    claims: int
    unclassified: int


@attrs.frozen(kw_only=True)
class Review:
    """What a review found: findings by fact, every claim it compared, and the mentions that
    fit no predicate (`unclassified`), so that nothing extracted is lost; `rejected` lists
    the archive rows that could not be read, with their file, line and reason."""

    findings: tuple[Finding, ...] = attrs.field(converter=tuple)
    claims: tuple[Claim, ...] = attrs.field(converter=tuple)
    unclassified: tuple[Claim, ...] = attrs.field(default=(), converter=tuple)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=tuple)
    rejected: tuple[Problem, ...] = attrs.field(default=(), converter=tuple)
    totals: Totals | None = None

    @property
    def counts(self) -> dict[str, int]:
        """How many sources, claims, unclassified figures and rejected archive rows the
        review read: its `totals` when it keeps only the claims of its findings (a review
        on a cluster), else what it holds."""
        if self.totals is not None:
            return {**attrs.asdict(self.totals), "rejected": len(self.rejected)}
        return {"sources": len(self.sources), "claims": len(self.claims),
                "unclassified": len(self.unclassified), "rejected": len(self.rejected)}

    @property
    def disagreements(self) -> tuple[Finding, ...]:
        """Conflicts and tensions no editor has accepted."""
        return tuple(f for f in self.findings if f.is_disagreement)

    def __repr__(self) -> str:
        from factcheck.display import review_repr
        return review_repr(self)

    def _repr_html_(self) -> str:
        from factcheck.display import review_html
        return review_html(self)

    def _repr_markdown_(self) -> str:
        from factcheck.display import review_markdown
        return review_markdown(self)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per claim of each finding, then one per unclassified figure: the
        rows of the CSV report, with plain values."""
        from factcheck.display import review_records
        return review_records(self)

    def to_pandas(self) -> Any:
        """The records as a pandas DataFrame (needs the `pandas` extra)."""
        from factcheck.display import review_records, to_pandas
        from factcheck.review import ROW_COLUMNS
        return to_pandas(review_records(self), "Review", ROW_COLUMNS)
