"""Inline SVG charts of the intervals sources allow, on one shared axis, with no script.

For a disputed figure each source gets a bar: the range its wording allows drawn light
("environ 14 milliards" allows 12.6 to 15.4 billion), the range its digits alone allow
drawn solid, and a dot at the figure as written. For dates the bars are the periods each
source's date covers (a relative date that may resolve to two years gets two solid bars).
An editor sees at a glance whether one value could satisfy every source.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape

import attrs

from factcheck.compare import DURATION_DAYS, comparable_bounds, date_candidates
from factcheck.model import Claim, DateRange, PartialDate, Quantity, Source, unit_kind
from factcheck.wording import describe_source, number_phrase

WIDTH = 640
_MARGIN = 12
_ROW = 36
_AXIS = 40
# colours as presentation attributes, so a chart reads the same without the report's CSS
# (in a notebook, in a Markdown viewer): light what the wording allows, solid the digits
_COLOURS = {False: ("#b9cde6", "#2f5f98"), True: ("#f2c0b8", "#b3261e")}
_INK = "#222"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@attrs.frozen
class Bar:
    """One source's interval on the chart, in axis units (numbers, or day ordinals)."""

    label: str
    allowed: tuple[float | None, float | None]  # what the wording allows; None: unbounded
    solid: tuple[tuple[float, float], ...]  # the digits' rounding, or the periods of a date
    point: float | None  # the figure as written
    disputed: bool


@attrs.frozen
class Axis:
    """A linear axis from `low` to `high` with labelled ticks."""

    low: float
    high: float
    ticks: tuple[tuple[float, str], ...]

    def x(self, value: float) -> float:
        """The horizontal position of `value` in the drawing."""
        span = self.high - self.low
        return _MARGIN + (value - self.low) / span * (WIDTH - 2 * _MARGIN)


def interval_chart(claims: Sequence[Claim], sources: Mapping[str, Source],
                   disputed: Sequence[str] = ()) -> str | None:
    """An SVG drawing each claim's interval on one axis, or None when the claims hold
    neither figures nor dates."""
    if all(isinstance(c.value, Quantity) for c in claims):
        bars, axis = _number_bars(claims, sources, disputed)
    elif all(isinstance(c.value, (PartialDate, DateRange)) for c in claims):
        bars, axis = _date_bars(claims, sources, disputed)
    else:
        return None
    if not bars or axis is None:
        return None
    return _svg(bars, axis)


# -- numbers ------------------------------------------------------------------------------

def _number_bars(claims: Sequence[Claim], sources: Mapping[str, Source],
                 disputed: Sequence[str]) -> tuple[list[Bar], Axis | None]:
    quantities = [(c, c.value) for c in claims if isinstance(c.value, Quantity)]
    units = Counter(q.unit for _, q in quantities)
    in_days = len(units) > 1 and all(unit_kind(u) == "duration" for u in units)
    if not in_days:  # one unit per chart: the most common one
        main = units.most_common(1)[0][0]
        quantities = [(c, q) for c, q in quantities if q.unit == main]
    unit = "days" if in_days else (quantities[0][1].unit or "")
    bars = []
    for claim, quantity in quantities:
        low, high, round_low, round_high = (comparable_bounds(quantity) if in_days else
                                            (quantity.low, quantity.high, *quantity.rounding))
        value = quantity.value
        if in_days and value is not None:
            value = value * DURATION_DAYS[quantity.unit]  # type: ignore[index]
        solid = ((float(round_low), float(round_high)),) if (
            round_low is not None and round_high is not None) else ()
        bars.append(Bar(label=_label(claim, sources), allowed=(_float(low), _float(high)),
                        solid=solid, point=_float(value),
                        disputed=claim.id in disputed))
    edges = [e for bar in bars for e in (*bar.allowed, bar.point) if e is not None]
    if not edges:
        return bars, None
    low, high = _padded(min(edges), max(edges))
    ticks = tuple((t, _number_label(t, unit)) for t in _nice_ticks(low, high))
    return bars, Axis(low, high, ticks)


def _float(number: Decimal | None) -> float | None:
    return None if number is None else float(number)


def _padded(low: float, high: float) -> tuple[float, float]:
    """The drawn range: the values with a margin, never empty."""
    if high == low:
        pad = abs(low) * 0.1 or 1.0
    else:
        pad = (high - low) * 0.08
    return low - pad, high + pad


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 times a power of ten) inside low..high."""
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    ticks = []
    tick = first
    while tick <= high + step * 1e-9:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def _number_label(value: float, unit: str) -> str:
    text = number_phrase(Decimal(repr(value)).normalize())
    return f"{text} {unit}".strip() if unit not in ("%", "pp") else f"{text} {unit}"


# -- dates --------------------------------------------------------------------------------

def _date_bars(claims: Sequence[Claim], sources: Mapping[str, Source],
               disputed: Sequence[str]) -> tuple[list[Bar], Axis | None]:
    bars = []
    for claim in claims:
        assert isinstance(claim.value, (PartialDate, DateRange))
        periods = tuple((float(start.toordinal()), float(end.toordinal() + 1))
                        for start, end in date_candidates(claim.value))
        first, last = periods[0][0], periods[-1][1]
        bars.append(Bar(label=_label(claim, sources), allowed=(first, last), solid=periods,
                        point=None, disputed=claim.id in disputed))
    low, high = _padded(min(b.allowed[0] for b in bars),  # type: ignore[type-var]
                        max(b.allowed[1] for b in bars))  # type: ignore[type-var]
    return bars, Axis(low, high, tuple(_date_ticks(low, high)))


def _date_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Ticks on Mondays, or on the first day of months, quarters or years, as the span
    asks."""
    first = dt.date.fromordinal(max(1, math.ceil(low)))
    last = dt.date.fromordinal(max(1, math.floor(high)))
    days = (last - first).days
    if days <= 45:
        mondays = (first + dt.timedelta(days=n) for n in range(days + 1))
        return [(float(d.toordinal()), f"{d.day} {_MONTHS[d.month - 1]}")
                for d in mondays if d.weekday() == 0]
    step = 1 if days <= 200 else 3 if days <= 2 * 366 else 12 * max(1, round(days / 366 / 5))
    month = first.year * 12 + first.month - 1 + (first.day != 1)  # months since year 0
    ticks = []
    while month <= last.year * 12 + last.month - 1:
        if month % step == 0:
            year, index = divmod(month, 12)
            label = str(year) if step >= 12 else f"{_MONTHS[index]} {year}"
            ticks.append((float(dt.date(year, index + 1, 1).toordinal()), label))
        month += 1
    return ticks


# -- drawing ------------------------------------------------------------------------------

def _label(claim: Claim, sources: Mapping[str, Source]) -> str:
    who = describe_source(sources.get(claim.provenance.source), claim.provenance.source)
    wording = claim.provenance.wording
    return f"{who}: «{wording}»" if wording else who


def _svg(bars: Sequence[Bar], axis: Axis) -> str:
    height = len(bars) * _ROW + _AXIS
    left, right = _MARGIN, WIDTH - _MARGIN
    parts = [(f'<svg class="fc-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
              f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">'),
             "<title>What each source allows, on one axis</title>"]
    for n, bar in enumerate(bars):
        top = n * _ROW
        css = "fc-bar disputed" if bar.disputed else "fc-bar"
        light, dark = _COLOURS[bar.disputed]
        parts.append(f'<g class="{css}">')
        parts.append(f'<text x="{left}" y="{top + 13}" class="fc-label" font-size="13" '
                     f'font-family="sans-serif" fill="{_INK}">{escape(_clip(bar.label))}</text>')
        low = axis.x(bar.allowed[0]) if bar.allowed[0] is not None else left
        high = axis.x(bar.allowed[1]) if bar.allowed[1] is not None else right
        parts.append(f'<rect class="fc-allowed" fill="{light}" x="{low:.1f}" '
                     f'y="{top + 18}" width="{max(high - low, 1.5):.1f}" height="12" rx="3"/>')
        for start, end in bar.solid:
            x0, x1 = axis.x(start), axis.x(end)
            parts.append(f'<rect class="fc-solid" fill="{dark}" x="{x0:.1f}" '
                         f'y="{top + 18}" width="{max(x1 - x0, 2.5):.1f}" height="12" rx="2"/>')
        if bar.point is not None:
            parts.append(f'<circle class="fc-point" fill="#fff" stroke="{_INK}" '
                         f'stroke-width="1.5" cx="{axis.x(bar.point):.1f}" '
                         f'cy="{top + 24}" r="4"/>')
        parts.append("</g>")
    base = len(bars) * _ROW + 6
    parts.append(f'<line class="fc-axis" stroke="#666" x1="{left}" y1="{base}" x2="{right}" y2="{base}"/>')
    for value, text in axis.ticks:
        x = axis.x(value)
        if not left <= x <= right:
            continue
        anchor = "start" if x < left + 40 else "end" if x > right - 40 else "middle"
        parts.append(f'<line class="fc-tick" stroke="#666" x1="{x:.1f}" y1="{base}" x2="{x:.1f}" '
                     f'y2="{base + 5}"/>')
        parts.append(f'<text class="fc-tick-label" font-size="12" '
                     f'font-family="sans-serif" fill="#444" x="{x:.1f}" y="{base + 20}" '
                     f'text-anchor="{anchor}">{escape(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
