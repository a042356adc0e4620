"""Dates: full, partial, relative to the publication date, anchored in the text, ranges.

A date states only what the text stated: its granularity is part of the value.
"""

import pytest

from factcheck import extract
from factcheck.extract.records import mention_record

EXAMPLES = [
    # language, published, sentence, [(text, value, relative)]
    ("fr", "2025-01-30", "18 appareils au 31 décembre",
     [("31 décembre", "2024-12-31/2025-12-31", True)]),
    ("fr", "2025-03-11", "le 21 janvier", [("21 janvier", "2025-01-21", True)]),
    ("fr", None, "a bouclé l'exercice 2024", [("2024", "2024", False)]),
    ("en", None, "revenue for fiscal 2024", [("2024", "2024", False)]),
    ("fr", None, "le 21 janvier 2025, Stargate", [("21 janvier 2025", "2025-01-21", False)]),
    ("fr", None, "le 1er mars 2024", [("1er mars 2024", "2024-03-01", False)]),
    ("en", None, "on January 21, 2025, Stargate", [("January 21, 2025", "2025-01-21", False)]),
    ("fr", None, "signé le 21/01/2025", [("21/01/2025", "2025-01-21", False)]),
    ("en", None, "signed on 01/21/2025", [("01/21/2025", "2025-01-21", False)]),
    ("fr", None, "en janvier 2025", [("janvier 2025", "2025-01", False)]),
    ("fr", None, "L'histoire a débuté en 2019", [("2019", "2019", False)]),
    ("fr", None, "au T1 2025 et au Q1 2025", [("T1 2025", "2025-Q1", False), ("Q1 2025", "2025-Q1", False)]),
    ("fr", None, "au premier trimestre 2025", [("premier trimestre 2025", "2025-Q1", False)]),
    ("en", None, "in the first quarter of 2025", [("first quarter of 2025", "2025-Q1", False)]),
    ("fr", None, "depuis début 2024, mi-2024 et fin 2023",
     [("début 2024", "2024-early", False), ("mi-2024", "2024-mid", False), ("fin 2023", "2023-late", False)]),
    ("fr", None, "pendant l'été 2024", [("l'été 2024", "2024-summer", False)]),
    ("en", None, "by mid-2024 and late 2023", [("mid-2024", "2024-mid", False), ("late 2023", "2023-late", False)]),
    ("fr", None, "de 2019 à 2023", [("de 2019 à 2023", "2019/2023", False)]),
    ("en", None, "between 2019 and 2023", [("between 2019 and 2023", "2019/2023", False)]),
    ("fr", "2025-03-11", "En janvier dernier, Microsoft", [("janvier dernier", "2025-01", True)]),
    ("fr", "2025-03-11", "avant d'annoncer en février dernier", [("février dernier", "2025-02", True)]),
    ("fr", "2024-12", "En novembre dernier, il modifie sa plainte", [("novembre dernier", "2024-11", True)]),
    ("fr", "2025-01-15", "en janvier dernier", [("janvier dernier", "2024-01", True)]),
    ("fr", "2025-03-11", "En janvier, Microsoft a cessé", [("janvier", "2025-01", True)]),
    ("fr", "2025-06", "l'an dernier et cette année", [("l'an dernier", "2024", True), ("cette année", "2025", True)]),
    ("fr", "2024-12", "il y a deux ans", [("il y a deux ans", "2022", True)]),
    ("fr", "2025-03-11", "d'ici la fin de l'année", [("la fin de l'année", "2025-late", True)]),
    ("en", "2025-03-12", "last week", [("last week", "2025-W10", True)]),
    ("en", "2025-03-12", "two years ago", [("two years ago", "2023", True)]),
    ("fr", "2025-03-11", "hier", [("hier", "2025-03-10", True)]),
]


@pytest.mark.parametrize("language, published, sentence, expected", EXAMPLES,
                         ids=[e[2][:40] for e in EXAMPLES])
def test_dates_are_read_at_the_precision_the_text_states(language, published, sentence, expected):
    found = [m for m in extract(sentence, language, published) if m.kind == "date"]
    assert [(m.text, str(m.value), m.relative) for m in found] == expected


def test_a_relative_date_is_a_range_when_the_publication_date_leaves_it_open():
    # published some time in 2025: "janvier dernier" is January 2024 or January 2025
    [mention] = extract("en janvier dernier", "fr", "2025")
    assert str(mention.value) == "2024-01/2025-01"
    record = mention_record(mention)
    assert (record["date_start"], record["date_end"]) == ("2024-01-01", "2025-01-31")


def test_a_bare_month_after_the_publication_month_may_be_last_year_or_this_year():
    [mention] = extract("Le retour de Musk en août, avec un nouveau costume", "fr", "2025-03-11")
    assert str(mention.value) == "2024-08/2025-08"
    [earlier] = extract("Le retour de Musk en août, avec un nouveau costume", "fr", "2024-12")
    assert str(earlier.value) == "2024-08"


@pytest.mark.parametrize("language, sentence, published, expected", [
    # a past verb: the last such month up to publication
    ("en", "Musk came back in August with a new suit", "2025-03-11", "2024-08"),
    ("fr", "Musk a annoncé en août un nouveau projet", "2025-03-11", "2024-08"),
    # a future verb: the first such month from publication on
    ("en", "It expects a slowdown in early January", "2025-12-03", "2026-01"),
    ("en", "The company is expected to close the sale in mid-September", "2025-02-19",
     "2025-09"),
    ("fr", "Les négociations reprendront mi-novembre", "2025-10-08", "2025-11"),
    ("fr", "La grève, prévue mi-avril, pourrait coûter cher", "2025-03-26", "2025-04"),
    ("en", "The board will meet on 15 June", "2025-04-23", "2025-06-15"),
    # reported speech: "would" is the future of the day it was said
    ("en", "The insurer said it would begin notifying customers on Monday", "2025-08-08",
     "2025-08-11"),
])
def test_the_tense_of_its_clause_picks_the_year_of_a_bare_month(language, sentence,
                                                                  published, expected):
    [mention] = [m for m in extract(sentence, language, published) if m.kind == "date"]
    assert str(mention.value) == expected


def test_a_relative_date_without_a_publication_date_is_reported_unresolved():
    [mention] = extract("En novembre dernier, il modifie sa plainte", "fr")
    assert mention.relative and mention.value is None
    assert mention_record(mention)["date_start"] is None


def test_an_anchored_date_counts_from_the_last_date_the_paragraph_stated():
    text = ("L'histoire a débuté en 2019 lorsque Microsoft a investi un milliard de dollars. "
            "Quatre ans plus tard, avec un investissement supplémentaire de 10 milliards")
    dates = [m for m in extract(text, "fr") if m.kind == "date"]
    assert [(m.text, str(m.value), m.anchored) for m in dates] == [
        ("2019", "2019", False), ("Quatre ans plus tard", "2023", True)]


def test_an_anchored_date_does_not_reach_into_another_paragraph():
    text = "Fondée en 2015.\n\nQuatre ans plus tard, tout change."
    later = [m for m in extract(text, "fr") if m.anchored]
    assert len(later) == 1 and later[0].value is None


def test_the_day_and_month_a_text_does_not_state_are_not_invented():
    # dateutil's fuzzy parser turned "12 mars 2024" into 2024-12-23 in a test of ours
    [mention] = extract("Le rapport du 12 mars 2024", "fr")
    assert str(mention.value) == "2024-03-12"
    [year_only] = extract("en 2024", "fr")
    assert year_only.value.granularity.value == "year"


def test_mars_the_planet_is_not_march():
    assert extract("construire ma ville sur Mars", "fr") == []


def test_may_the_verb_is_not_a_month():
    assert extract("OpenAI may raise funds", "en") == []
