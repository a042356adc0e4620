"""Plain-language phrases for explanations: figures, intervals, dates and sources."""

from __future__ import annotations

from decimal import Decimal

from factcheck.model import Approx, DateRange, PartialDate, Quantity, Source, Value

_SCALES = ((Decimal("1e12"), "trillion"), (Decimal("1e9"), "billion"),
           (Decimal("1e6"), "million"))
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_PARTS = {"early": "early", "mid": "mid", "late": "late"}


def _plain(number: Decimal) -> str:
    text = f"{number.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}" if whole else "0"
    return sign + grouped + (dot + fraction if fraction else "")


def number_phrase(number: Decimal, scale: tuple[Decimal, str] | None = None) -> str:
    """12600000000 -> "12.6 billion"; 32 -> "32".

    >>> number_phrase(Decimal("12600000000"))
    '12.6 billion'
    """
    if scale is None:
        scale = next(((size, name) for size, name in _SCALES if abs(number) >= size), None)
    if scale is None:
        return _plain(number)
    size, name = scale
    return f"{_plain(number / size)} {name}"


def quantity_phrase(quantity: Quantity) -> str:
    """The interval a figure allows, in words: "12.6 to 15.4 billion USD", "more than 4
    billion USD", "20 to 49 %".

    >>> quantity_phrase(Quantity(value=14, low=Decimal("12.6"), high=Decimal("15.4"), unit="USD",
    ...                          approx="about"))
    'about 14 USD: 12.6 to 15.4'
    """
    unit = f" {quantity.unit}" if quantity.unit else ""
    reference = quantity.value if quantity.value is not None else (quantity.low or quantity.high)
    scale = next(((size, name) for size, name in _SCALES
                  if reference is not None and abs(reference) >= size), None)

    def n(number: Decimal) -> str:
        return number_phrase(number, scale) if scale else _plain(number)

    low, high = quantity.low, quantity.high
    if low is None and high is None:
        return "an unstated amount" + unit
    if high is None:
        assert low is not None
        word = "more than" if quantity.low_open else "at least"
        return f"{word} {n(low)}{unit}"
    if low is None:
        word = "less than" if quantity.high_open else "up to"
        return f"{word} {n(high)}{unit}"
    if low == high:
        return f"{n(low)}{unit}"
    if quantity.value is not None and quantity.approx is Approx.ABOUT:
        return f"about {n(quantity.value)}{unit}: {n(low)} to {n(high)}"
    if quantity.value is not None:
        return f"{n(quantity.value)}{unit}, rounded from {n(low)} to {n(high)}"
    return f"{n(low)} to {n(high)}{unit}"


def date_phrase(value: PartialDate | DateRange) -> str:
    """"January 2025", "2025", "late 2023", "January 2024 or January 2025".

    >>> date_phrase(PartialDate(year=2025, month=1))
    'January 2025'
    """
    if isinstance(value, DateRange):
        joiner = " or " if value.alternatives else " to "
        return date_phrase(value.start) + joiner + date_phrase(value.end)
    if value.day is not None and value.month is not None:
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if value.month is not None:
        return f"{_MONTHS[value.month - 1]} {value.year}"
    if value.quarter is not None:
        return f"Q{value.quarter} {value.year}"
    if value.half is not None:
        return f"H{value.half} {value.year}"
    if value.week is not None:
        return f"week {value.week} of {value.year}"
    if value.season is not None:
        return f"{value.season} {value.year}"
    if value.part is not None:
        return f"{_PARTS[value.part]} {value.year}"
    return str(value.year)


def value_phrase(value: Value) -> str:
    """What a claim's value means, in words: an interval, a period, "yes"/"no" or a label.

    >>> from factcheck.model import Categorical
    >>> value_phrase(Categorical(False))
    'no'
    """
    if isinstance(value, Quantity):
        return quantity_phrase(value)
    if isinstance(value, (PartialDate, DateRange)):
        return date_phrase(value)
    if isinstance(value.value, bool):
        return "yes" if value.value else "no"
    return value.value


def describe_source(source: Source | None, source_id: str) -> str:
    """"ChannelNews (2025-03-11)": who published it and when, as far as is known."""
    if source is None:
        return source_id
    name = source.publisher or source.title or source.id
    return f"{name} ({source.published})" if source.published else name
