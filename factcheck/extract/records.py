"""The stable JSON shape of an extracted mention, as `factcheck extract` writes it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.model import DateRange, Mention, PartialDate, Quantity

FIELDS = ("source", "start", "end", "text", "kind", "value", "low", "high", "unit", "approx",
          "change", "date_start", "date_end", "granularity", "relative", "anchored",
          "inherited")


def json_number(number: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integers exactly, fractions at their shortest."""
    if number is None:
        return None
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def value_fields(value: Any) -> dict[str, Any]:
    """The value part of a record: `value`, `low`, `high`, `unit`, `approx` for a figure;
    `value` (ISO), `date_start`, `date_end`, `granularity` for a date; nothing else."""
    if isinstance(value, Quantity):
        return {"value": json_number(value.value), "low": json_number(value.low),
                "high": json_number(value.high), "unit": value.unit,
                "approx": value.approx.value, "change": value.change}
    if isinstance(value, PartialDate):
        return {"date_start": value.start.isoformat(), "date_end": value.end.isoformat(),
                "granularity": value.granularity.value, "value": value.isoformat()}
    if isinstance(value, DateRange):
        return {"date_start": value.start.start.isoformat(),
                "date_end": value.end.end.isoformat(),
                "granularity": value.granularity.value, "value": value.isoformat()}
    return {}


def mention_record(mention: Mention, source: str | None = None) -> dict[str, Any]:
    """One flat record: offsets, kind, value and interval, unit, approximation, date bounds."""
    record: dict[str, Any] = dict.fromkeys(FIELDS)
    record.update(source=source, start=mention.start, end=mention.end, text=mention.text,
                  kind=mention.kind.value, relative=mention.relative, anchored=mention.anchored,
                  inherited=mention.inherited)
    record.update(value_fields(mention.value))
    return record
