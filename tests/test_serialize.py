"""JSON round trips of every model object are lossless."""

import json
from decimal import Decimal

from hypothesis import given

from factcheck import dumps, loads
from factcheck.model import Quantity

from strategies import model_objects


@given(model_objects)
def test_every_model_object_survives_a_json_round_trip(obj):
    assert loads(dumps(obj)) == obj


def test_figures_are_written_as_exact_decimal_text_not_floats():
    quantity = Quantity(value=Decimal("11.9e9"), low=Decimal("11850000000"),
                        high=Decimal("11950000000"), unit="USD")
    data = json.loads(dumps(quantity))
    assert data["value"] in ("1.19E+10", "11900000000")
    assert Decimal(data["value"]) == Decimal("11900000000")
    assert loads(dumps(quantity)).value == Decimal("11900000000")


def test_an_editor_rating_survives_a_json_round_trip_with_its_day_and_scale():
    from factcheck.model import Claim, Provenance, Rating

    rating = Rating(verdict="Faux", date="2025-03-12", value=1, best=5, worst=1,
                    claim_reviewed="Stargate annoncé en février", url="https://x.example/fc")
    claim = Claim(id="c", subject="OpenAI", predicate="announced", value=Quantity(
        value=1, low=1, high=1), provenance=Provenance(source="s", start=0, end=1, quote="x"),
        rating=rating)
    data = json.loads(dumps(claim))
    assert data["rating"]["date"]["day"] == 12 and data["rating"]["best"] == "5"
    assert loads(dumps(claim)) == claim
