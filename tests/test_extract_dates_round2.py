"""Dates, second round: weekdays and day words, anaphoric dates, periods read whole, years
after any preposition, numeric and abbreviated forms.

Sentences are our own; 2025-03-13 is a Thursday.
"""

import pytest

from factcheck import extract

THURSDAY = "2025-03-13"

EXAMPLES = [
    # language, published, sentence, [(text, value, relative, anchored)]
    # 1. weekdays and day words, against the publication day
    ("fr", THURSDAY, "Le groupe a annoncé mardi un plan social.",
     [("mardi", "2025-03-11", True, False)]),
    ("fr", THURSDAY, "Le conseil a tranché jeudi.", [("jeudi", "2025-03-13", True, False)]),
    ("fr", THURSDAY, "Lundi dernier, le conseil a voté.",
     [("Lundi dernier", "2025-03-10", True, False)]),
    ("fr", THURSDAY, "Comme jeudi dernier, rien.", [("jeudi dernier", "2025-03-06", True, False)]),
    ("fr", THURSDAY, "Le conseil se réunira vendredi.", [("vendredi", "2025-03-14", True, False)]),
    ("fr", THURSDAY, "Les syndicats manifesteront ce mardi.",
     [("ce mardi", "2025-03-18", True, False)]),
    ("fr", THURSDAY, "La décision tombera lundi prochain.",
     [("lundi prochain", "2025-03-17", True, False)]),
    ("fr", THURSDAY, "Le groupe a annoncé aujourd'hui un plan.",
     [("aujourd'hui", "2025-03-13", True, False)]),
    ("fr", THURSDAY, "Le conseil se réunira aujourd'hui.",
     [("aujourd'hui", "2025-03-13", True, False)]),
    # nowadays, not a day
    ("fr", THURSDAY, "Le projet semble aujourd'hui sur le fil du rasoir.", []),
    ("en", THURSDAY, "Today's AI models are large.", []),
    ("en", THURSDAY, "The company said on Monday that sales fell.",
     [("Monday", "2025-03-10", True, False)]),
    ("en", THURSDAY, "Shares fell last Sunday.", [("last Sunday", "2025-03-09", True, False)]),
    ("en", THURSDAY, "The board will meet this Friday.",
     [("this Friday", "2025-03-14", True, False)]),
    ("en", THURSDAY, "The board will vote on Tuesday.", [("Tuesday", "2025-03-18", True, False)]),
    ("en", THURSDAY, "The deal is due to close on Wednesday.",
     [("Wednesday", "2025-03-19", True, False)]),
    ("en", THURSDAY, "The company said on Monday it will meet.",
     [("Monday", "2025-03-10", True, False)]),
    ("en", THURSDAY, "On Friday, the board will vote.", [("Friday", "2025-03-14", True, False)]),
    ("fr", THURSDAY, "Vendredi, le conseil se réunira.",
     [("Vendredi", "2025-03-14", True, False)]),
    ("en", THURSDAY, "Black Friday sales rose.", []),
    ("en", THURSDAY, "Today the stock rose.", [("Today", "2025-03-13", True, False)]),
    # a weekday with a publication date coarser than a day: relative, no value
    ("fr", "2025-03", "Le groupe a annoncé mardi un plan.", [("mardi", "None", True, False)]),
    # ...against the last day the text stated
    ("fr", None, "Le 3 mars 2024, le conseil a voté. Le lendemain, le titre a chuté.",
     [("3 mars 2024", "2024-03-03", False, False), ("Le lendemain", "2024-03-04", False, True)]),
    ("fr", None, "Le 3 mars 2024, le conseil a voté ; la veille, il avait hésité.",
     [("3 mars 2024", "2024-03-03", False, False), ("la veille", "2024-03-02", False, True)]),
    ("en", None, "On March 3, 2024, the board voted. The next day, shares fell.",
     [("March 3, 2024", "2024-03-03", False, False), ("The next day", "2024-03-04", False, True)]),
    ("en", None, "On March 3, 2024, the board voted; the day before, it hesitated.",
     [("March 3, 2024", "2024-03-03", False, False), ("the day before", "2024-03-02", False, True)]),
    # 2. anaphoric dates
    ("fr", "2025-03-13", "Fondée en 2019, la start-up a levé des fonds cette année-là.",
     [("2019", "2019", False, False), ("cette année-là", "2019", False, True)]),
    ("fr", None, "En 2019, elle a ouvert une usine. La même année, elle a recruté.",
     [("2019", "2019", False, False), ("La même année", "2019", False, True)]),
    ("fr", None, "En 2019, elle a ouvert une usine, puis l'année précédente...",
     [("2019", "2019", False, False), ("l'année précédente", "2018", False, True)]),
    ("en", "2025-03-13", "The firm was founded in 2019. That year, it hired.",
     [("2019", "2019", False, False), ("That year", "2019", False, True)]),
    ("en", None, "In 2019 it opened a plant; the same year it hired.",
     [("2019", "2019", False, False), ("the same year", "2019", False, True)]),
    ("en", None, "In 2019 it opened a plant; the year before it had hired.",
     [("2019", "2019", False, False), ("the year before", "2018", False, True)]),
    # 3. periods read whole (a part of a month is the month)
    ("fr", None, "d'ici la fin de l'année 2022", [("la fin de l'année 2022", "2022-late", False, False)]),
    ("fr", None, "fin mars 2024", [("fin mars 2024", "2024-03", False, False)]),
    ("fr", "2025-06-10", "Les travaux ont repris fin mars.", [("fin mars", "2025-03", True, False)]),
    ("fr", "2025-10-01", "Elle a signé mi-septembre.", [("mi-septembre", "2025-09", True, False)]),
    ("fr", "2025-10-01", "Elle a signé début avril.", [("début avril", "2025-04", True, False)]),
    ("fr", "2025-10-01", "Il a démissionné le mois de septembre.",
     [("le mois de septembre", "2025-09", True, False)]),
    ("fr", "2025-04-20", "Il a démissionné ce mois d'avril.",
     [("ce mois d'avril", "2025-04", True, False)]),
    ("fr", THURSDAY, "Il a démissionné en novembre de l'an dernier.",
     [("novembre de l'an dernier", "2024-11", True, False)]),
    ("fr", THURSDAY, "au premier trimestre de l'an dernier",
     [("premier trimestre de l'an dernier", "2024-Q1", True, False)]),
    ("en", THURSDAY, "He resigned in November last year.",
     [("November last year", "2024-11", True, False)]),
    ("en", THURSDAY, "Sales in Q1 of last year rose.", [("Q1 of last year", "2024-Q1", True, False)]),
    ("en", "2025-11-20", "It launched in late October.", [("late October", "2025-10", True, False)]),
    # 4. years after any preposition
    ("fr", None, "Les prévisions pour 2024 sont bonnes.", [("2024", "2024", False, False)]),
    ("fr", None, "Le contrat court jusqu'en 2030.", [("2030", "2030", False, False)]),
    ("fr", None, "Le contrat court à partir de 2019.", [("2019", "2019", False, False)]),
    ("en", None, "The outlook for 2023 is weak.", [("2023", "2023", False, False)]),
    ("en", None, "The plan runs through 2030.", [("2030", "2030", False, False)]),
    ("en", None, "As of 2025, the plant is closed.", [("2025", "2025", False, False)]),
    # 6. numeric and abbreviated forms
    ("fr", None, "signé le 21/04/16", [("21/04/16", "2016-04-21", False, False)]),
    ("fr", None, "signé le 21-04-2016", [("21-04-2016", "2016-04-21", False, False)]),
    ("fr", None, "signé le 13.5.2015", [("13.5.2015", "2015-05-13", False, False)]),
    ("fr", None, "signé le 2015/08/12", [("2015/08/12", "2015-08-12", False, False)]),
    ("en", None, "signed on 4/21/16", [("4/21/16", "2016-04-21", False, False)]),
    ("en", None, "signed Sept 25, 2024", [("Sept 25, 2024", "2024-09-25", False, False)]),
    ("en", None, "signed on april 22, 2024", [("april 22, 2024", "2024-04-22", False, False)]),
    ("en", THURSDAY, "signed on Jan. 21", [("Jan. 21", "2025-01-21", True, False)]),
]


@pytest.mark.parametrize("language, published, sentence, expected", EXAMPLES,
                         ids=[e[2][:50] for e in EXAMPLES])
def test_second_round_dates(language, published, sentence, expected):
    found = [m for m in extract(sentence, language, published) if m.kind == "date"]
    assert [(m.text, str(m.value), m.relative, m.anchored) for m in found] == expected


STAY_OUT = [
    ("en", "See https://x.com/2024/03/report for details."),
    ("en", "Install version 2.1.3 today."),
    ("fr", "Appelez le 01 23 45 67 89."),
    ("en", "the students may march on"),
]


@pytest.mark.parametrize("language, sentence", STAY_OUT, ids=[s[1][:40] for s in STAY_OUT])
def test_what_is_not_a_date_stays_out(language, sentence):
    assert [m.text for m in extract(sentence, language, THURSDAY) if m.kind == "date"
            and m.text != "today"] == []


def test_a_money_amount_after_pour_is_not_a_year():
    found = extract("Il l'a vendu pour 2000 euros.", "fr")
    assert [m.kind for m in found] == ["money"]


SPANS = [
    # language, published, sentence, [(kind, text, value)]
    ("fr", None, "Le 3 mars 2024, le conseil a voté. Deux semaines plus tard, il a cédé.",
     [("date", "3 mars 2024", "2024-03-03"), ("date", "Deux semaines plus tard", "2024-03-17")]),
    ("en", None, "On March 3, 2024, it announced a deal. Three days after the announcement, "
     "shares fell.", [("date", "March 3, 2024", "2024-03-03"),
                      ("date", "Three days after the announcement", "2024-03-06")]),
    ("en", THURSDAY, "The vote is two weeks from now.",
     [("date", "two weeks from now", "2025-03-27")]),
    ("fr", THURSDAY, "Le vote aura lieu dans deux semaines.",
     [("date", "dans deux semaines", "2025-03-27")]),
    # nothing dates the starting point: a duration
    ("fr", None, "En 2024, le conseil a voté. Deux semaines plus tard, il a cédé.",
     [("date", "2024", "2024"), ("duration", "Deux semaines", None)]),
    ("fr", "2025", "Le vote aura lieu dans deux semaines.", [("duration", "deux semaines", None)]),
]


@pytest.mark.parametrize("language, published, sentence, expected", SPANS,
                         ids=[s[2][:50] for s in SPANS])
def test_a_span_from_a_stated_day_is_a_date_and_otherwise_a_duration(language, published,
                                                                     sentence, expected):
    found = extract(sentence, language, published)
    assert [(m.kind, m.text, str(m.value) if m.kind == "date" else None) for m in found] == expected



@pytest.mark.parametrize("language, sentence, expected", [
    # months counted from a year: a year when they make whole years, else no value
    ("en", "At the end of 2024 it had 210 staff. Twelve months earlier it had 150.",
     ("Twelve months earlier", "2023")),
    ("fr", "Fin 2024, elle comptait 210 salariés. Douze mois plus tôt, 150.",
     ("Douze mois plus tôt", "2023")),
    ("en", "In 2023 it had 210 staff. Six months later it had 150.",
     ("Six months later", "None")),
])
def test_months_counted_from_a_year_never_count_as_years(language, sentence, expected):
    dates = [(m.text, str(m.value)) for m in extract(sentence, language, "2025-03-12")
             if m.kind == "date"]
    assert dates[-1] == expected

DAYS_ALONE = [
    ("fr", THURSDAY, "Le conseil s'est réuni le 27, sans décision.",
     [("27", "2025-03-27", True, False)]),
    ("fr", None, "En avril 2024, le conseil s'est réuni le 12 à Paris.",
     [("avril 2024", "2024-04", False, False), ("12", "2024-04-12", False, True)]),
    ("en", THURSDAY, "The board met on the 15th.", [("15th", "2025-03-15", True, False)]),
    ("en", "2025", "The board met on the 15th.", [("15th", "None", True, False)]),
]


@pytest.mark.parametrize("language, published, sentence, expected", DAYS_ALONE,
                         ids=[s[2][:50] for s in DAYS_ALONE])
def test_a_day_alone_is_in_the_month_last_stated(language, published, sentence, expected):
    found = [m for m in extract(sentence, language, published) if m.kind == "date"]
    assert [(m.text, str(m.value), m.relative, m.anchored) for m in found] == expected


def test_an_ordinal_before_a_noun_is_not_a_day():
    assert [m for m in extract("the 2nd and 3rd quarters", "en", THURSDAY)
            if m.text.startswith("the 2")] == []


def test_short_numeric_forms():
    found = [(m.text, str(m.value)) for m in extract(
        "Signé le 22/04 et livré le 28-nov.", "fr", "2025-06-02") if m.kind == "date"]
    assert found == [("22/04", "2025-04-22"), ("28-nov", "2024-11-28/2025-11-28")]
    found = [(m.text, str(m.value)) for m in extract("Due 28-Nov-2024.", "en") if m.kind == "date"]
    assert found == [("28-Nov-2024", "2024-11-28")]
