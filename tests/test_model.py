"""The model validates itself and states the intervals its values cover."""

import datetime as dt
from decimal import Decimal

import pytest

from factcheck import ModelError, ParseError
from factcheck.model import (Approx, Categorical, DateRange, Granularity, Kind, Mention,
                             PartialDate, Provenance, Quantity, unchecked)


def test_quantity_refuses_binary_floats():
    with pytest.raises(ModelError, match="exact number"):
        Quantity(value=11.9e9, low=None, high=None)


def test_quantity_refuses_a_value_outside_its_interval():
    with pytest.raises(ModelError, match="above high"):
        Quantity(value=13, low=12, high=Decimal("12.5"))


def test_quantity_refuses_low_above_high():
    with pytest.raises(ModelError, match="low 5 is above high 4"):
        Quantity(value=None, low=5, high=4)


def test_the_unchecked_constructor_builds_what_the_class_builds_without_checking():
    quantity = unchecked(Quantity)(Decimal(12), Decimal("11.5"), Decimal("12.5"), "USD",
                                   Approx.EXACT, Decimal(1), None)
    assert quantity == Quantity(value=12, low="11.5", high="12.5", unit="USD", step=1)
    assert hash(quantity) == hash(Quantity(value=12, low="11.5", high="12.5", unit="USD", step=1))
    mention = unchecked(Mention)(Kind.MONEY, 0, 3, "$12", quantity, False, False, False)
    assert mention == Mention(kind="money", start=0, end=3, text="$12", value=quantity)
    # nothing is converted or checked: for code whose values are already right
    assert unchecked(Quantity)(12, 13, 11, None, "exact", None, None).value == 12
    with pytest.raises(TypeError):
        unchecked(Quantity)(Decimal(12), None, None)  # every field, always


def test_open_intervals_overlap_closed_ones():
    more_than_4bn = Quantity(value=4_000_000_000, low=4_000_000_000, high=None, unit="USD",
                             approx=Approx.MORE_THAN)
    five_bn = Quantity(value=5_000_000_000, low=4_500_000_000, high=5_500_000_000, unit="USD")
    three_bn = Quantity(value=3_000_000_000, low=2_500_000_000, high=3_500_000_000, unit="USD")
    assert more_than_4bn.overlaps(five_bn)
    assert not more_than_4bn.overlaps(three_bn)


def test_comparing_dollars_with_percent_is_an_error_not_a_disagreement():
    dollars = Quantity(value=62, low=61, high=63, unit="USD")
    percent = Quantity(value=62, low=61, high=63, unit="%")
    with pytest.raises(ModelError, match="cannot compare"):
        dollars.overlaps(percent)


@pytest.mark.parametrize("text, start, end, granularity", [
    ("2023", "2023-01-01", "2023-12-31", Granularity.YEAR),
    ("2024-02", "2024-02-01", "2024-02-29", Granularity.MONTH),
    ("2025-01-21", "2025-01-21", "2025-01-21", Granularity.DAY),
    ("2025-Q1", "2025-01-01", "2025-03-31", Granularity.QUARTER),
    ("2024-H2", "2024-07-01", "2024-12-31", Granularity.HALF),
    ("2025-W10", "2025-03-03", "2025-03-09", Granularity.WEEK),
    ("2024-summer", "2024-06-01", "2024-08-31", Granularity.SEASON),
    ("2024-winter", "2024-12-01", "2025-02-28", Granularity.SEASON),
    ("2023-late", "2023-09-01", "2023-12-31", Granularity.PART),
    ("2024-early", "2024-01-01", "2024-04-30", Granularity.PART),
    ("2024-mid", "2024-05-01", "2024-08-31", Granularity.PART),
])
def test_partial_dates_cover_the_interval_their_precision_allows(text, start, end, granularity):
    date = PartialDate.parse(text)
    assert (date.start, date.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert date.granularity is granularity
    assert date.isoformat() == text


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "2025-Q5", "25-01", "janvier",
                                  "2025-00", "2025-W54"])
def test_invalid_dates_are_refused_with_the_text_in_the_message(text):
    with pytest.raises(ParseError, match=text):
        PartialDate.parse(text)


def test_a_date_has_a_single_precision():
    with pytest.raises(ModelError, match="one precision"):
        PartialDate(year=2025, month=1, quarter=1)


def test_a_date_range_cannot_end_before_it_starts():
    with pytest.raises(ModelError, match="starts"):
        DateRange(start=PartialDate(year=2023), end=PartialDate(year=2019))


def test_provenance_span_must_fit_the_quote():
    with pytest.raises(ModelError, match="does not fit"):
        Provenance(source="s", start=10, end=12, quote="trois")


def test_categorical_values_are_booleans_or_labels():
    assert Categorical(False).value is False
    with pytest.raises(TypeError):
        Categorical(3)
