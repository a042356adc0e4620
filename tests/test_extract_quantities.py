"""Amounts, percentages, counts and durations in French and English, with their intervals.

Each row: language, sentence, then the expected mentions as
(text, kind, value, low, high, unit, approx). The sentences were written during
development; the held-out evaluation lives in benchmarks/ (see docs/extraction.md).
"""

from decimal import Decimal

import pytest

from factcheck import extract

B = 10**9
M = 10**6

EXAMPLES = [
    ("fr", "un accord de 11,9 milliards de dollars sur cinq ans",
     [("11,9 milliards de dollars", "money", 11.9 * B, 11.85 * B, 11.95 * B, "USD", "exact"),
      ("cinq ans", "duration", 5, 5, 5, "year", "exact")]),
    ("fr", "un investissement de 12 milliards dans CoreWeave",
     [("12 milliards", "count", 12 * B, 11.5 * B, 12.5 * B, None, "exact")]),
    ("fr", "l'entreprise a investi environ 14 milliards de dollars",
     [("environ 14 milliards de dollars", "money", 14 * B, 12.6 * B, 15.4 * B, "USD", "about")]),
    ("fr", "une opération qui pourrait lever plus de 4 milliards de dollars",
     [("plus de 4 milliards de dollars", "money", 4 * B, 4 * B, None, "USD", "more_than")]),
    ("fr", "Microsoft demanderait entre 20 et 49 % des parts",
     [("entre 20 et 49 %", "percent", None, 20, 49, "%", "between")]),
    ("fr", "il veut 50 à 60 % de participation",
     [("50 à 60 %", "percent", None, 50, 60, "%", "between")]),
    ("fr", "qui représentait 62\u00a0% de son chiffre d'affaires",
     [("62\u00a0%", "percent", 62, 61.5, 62.5, "%", "exact")]),
    ("fr", "soit 1,9 milliard de dollars, contre 228,9 millions de dollars",
     [("1,9 milliard de dollars", "money", 1.9 * B, 1.85 * B, 1.95 * B, "USD", "exact"),
      ("228,9 millions de dollars", "money", 228.9 * M, 228.85 * M, 228.95 * M, "USD", "exact")]),
    ("fr", "un réseau de 32 centres de données et plus de 250\u202f000 GPU Nvidia",
     [("32 centres de données", "count", 32, 32, 32, "centres de données", "exact"),
      ("plus de 250\u202f000 GPU", "count", 250000, 250000, None, "GPU", "more_than")]),
    ("fr", "une levée de 350 M$ puis de 3 Md€",
     [("350 M$", "money", 350 * M, 349.5 * M, 350.5 * M, "USD", "exact"),
      ("3 Md€", "money", 3 * B, 2.5 * B, 3.5 * B, "EUR", "exact")]),
    ("fr", "un budget de €2,3 millions", [("€2,3 millions", "money", 2.3 * M, 2.25 * M, 2.35 * M, "EUR", "exact")]),
    ("fr", "Microsoft a investi un milliard de dollars",
     [("un milliard de dollars", "money", B, 0.5 * B, 1.5 * B, "USD", "exact")]),
    ("fr", "dix milliards d'euros", [("dix milliards d'euros", "money", 10 * B, 9.5 * B, 10.5 * B, "EUR", "exact")]),
    ("fr", "quatre-vingts salariés et deux cent cinquante mille utilisateurs",
     [("quatre-vingts salariés", "count", 80, 80, 80, "salariés", "exact"),
      ("deux cent cinquante mille utilisateurs", "count", 250000, 250000, 250000, "utilisateurs", "exact")]),
    ("fr", "une hausse de cinq pour cent", [("cinq pour cent", "percent", 5, 4.5, 5.5, "%", "exact")]),
    ("fr", "un recul de 2 points de pourcentage", [("2 points de pourcentage", "percent", 2, 1.5, 2.5, "pp", "exact")]),
    ("fr", "1 000 000 d'utilisateurs", [("1 000 000 d'utilisateurs", "count", M, M, M, "utilisateurs", "exact")]),
    ("fr", "près de 80 % des cas", [("près de 80 %", "percent", 80, 72, 88, "%", "about")]),
    ("fr", "au moins 3 milliards de dollars", [("au moins 3 milliards de dollars", "money", 3 * B, 3 * B, None, "USD", "at_least")]),
    ("fr", "jusqu'à 500 millions d'euros", [("jusqu'à 500 millions d'euros", "money", 500 * M, None, 500 * M, "EUR", "up_to")]),
    ("fr", "moins de 10 % du marché", [("moins de 10 %", "percent", 10, None, 10, "%", "less_than")]),
    ("fr", "la relation dure depuis six ans, 24 heures après",
     [("six ans", "duration", 6, 6, 6, "year", "exact"),
      ("24 heures", "duration", 24, 24, 24, "hour", "exact")]),
    ("fr", "plusieurs milliards de dollars sont en jeu",
     [("plusieurs milliards de dollars", "money", None, 2 * B, None, "USD", "at_least")]),
    ("fr", "une douzaine de partenaires", [("une douzaine de partenaires", "count", 12, 10.8, 13.2, "partenaires", "about")]),
    ("fr", "Microsoft pèse 62 %, en hausse de 2 points sur un an",
     [("62 %", "percent", 62, 61.5, 62.5, "%", "exact"),
      ("2 points", "percent", 2, 1.5, 2.5, "pp", "exact"),
      ("un an", "duration", 1, 1, 1, "year", "exact")]),
    ("fr", "5 Mrd € de dette et une prime de 12 k€",
     [("5 Mrd €", "money", 5 * B, 4.5 * B, 5.5 * B, "EUR", "exact"),
      ("12 k€", "money", 12000, 11500, 12500, "EUR", "exact")]),
    ("fr", "un jour, peut-être", []),
    ("en", "a $5k bonus", [("$5k", "money", 5000, 4500, 5500, "USD", "exact")]),
    ("en", "Microsoft has invested $13B in OpenAI",
     [("$13B", "money", 13 * B, 12.5 * B, 13.5 * B, "USD", "exact")]),
    ("en", "an $11.9 billion contract over five years",
     [("$11.9 billion", "money", 11.9 * B, 11.85 * B, 11.95 * B, "USD", "exact"),
      ("five years", "duration", 5, 5, 5, "year", "exact")]),
    ("en", "a loan of USD 4.5bn", [("USD 4.5bn", "money", 4.5 * B, 4.45 * B, 4.55 * B, "USD", "exact")]),
    ("en", "1,000,000 users and 1.5 million subscribers",
     [("1,000,000 users", "count", M, M, M, "users", "exact"),
      ("1.5 million subscribers", "count", 1.5 * M, 1.45 * M, 1.55 * M, "subscribers", "exact")]),
    ("en", "about 49 percent of the shares", [("about 49 percent", "percent", 49, 44.1, 53.9, "%", "about")]),
    ("en", "an IPO that could raise $4 billion or more",
     [("$4 billion or more", "money", 4 * B, 4 * B, None, "USD", "at_least")]),
    ("en", "between 20 and 49 percent", [("between 20 and 49 percent", "percent", None, 20, 49, "%", "between")]),
    ("en", "nearly 250,000 GPUs", [("nearly 250,000 GPUs", "count", 250000, 225000, 275000, "GPUs", "about")]),
    ("en", "a dozen deals", [("a dozen deals", "count", 12, 10.8, 13.2, "deals", "about")]),
    ("en", "more than 6% of revenue", [("more than 6%", "percent", 6, 6, None, "%", "more_than")]),
    ("en", "up to $500 million", [("up to $500 million", "money", 500 * M, None, 500 * M, "USD", "up_to")]),
    ("en", "twenty-one data centres",
     [("twenty-one data centres", "count", 21, 21, 21, "data centres", "exact")]),
]


def _number(x):
    return None if x is None else Decimal(str(x)).normalize()


@pytest.mark.parametrize("language, sentence, expected", EXAMPLES,
                         ids=[e[1][:40] for e in EXAMPLES])
def test_quantities_are_read_with_the_interval_their_wording_allows(language, sentence, expected):
    found = [m for m in extract(sentence, language) if m.kind != "date"]
    got = [(m.text, m.kind.value, _number(m.value.value), _number(m.value.low),
            _number(m.value.high), m.value.unit, m.value.approx.value) for m in found]
    want = [(t, k, _number(v), _number(lo), _number(hi), u, a) for t, k, v, lo, hi, u, a in expected]
    assert got == want


@pytest.mark.parametrize("language, sentence", [
    ("fr", "ses modèles o1 et o3-mini, GPT-5 et Phi-4"),
    ("fr", "L'info en 3 points"),
    ("fr", "04 février 2025 à 14h11"),
    ("fr", "appelez le 01 23 45 67 89"),
    ("fr", "la version 2.1.3 corrige le bogue [1]"),
    ("fr", "les deux entreprises et les deux géants"),
    ("fr", "OpenAI joue sur deux tableaux"),
    ("fr", "un accord et une startup"),
    ("en", "the o1 and o3-mini models, GPT-5 and Phi-4"),
    ("en", "call (555) 123-4567 at 2:30 pm"),
    ("en", "Windows 11 users and Llama 3 models"),
    ("en", "the two companies"),
])
def test_names_markers_times_and_phone_numbers_are_not_quantities(language, sentence):
    assert [m.text for m in extract(sentence, language) if m.kind != "date"] == []


def test_a_unit_word_after_a_number_that_cannot_be_counted_is_left_out():
    found = extract("je veux juste 80 milliards pour construire ma ville", "fr")
    assert [(m.text, m.kind.value, m.value.unit) for m in found] == [("80 milliards", "count", None)]


def test_points_are_percentage_points_only_near_a_percentage():
    [score] = extract("L'équipe a marqué 3 points", "fr")
    assert (score.kind.value, score.value.unit) == ("count", "points")
    [_, change] = extract("Sa part atteint 48 %, en hausse de 2 points", "fr")
    assert (change.kind.value, change.value.unit) == ("percent", "pp")


@pytest.mark.parametrize("text, unit", [
    ("260 millions apportés par trois banques", None),
    ("250 millions d'utilisateurs", "utilisateurs"),
])
def test_after_a_french_scale_word_a_counted_noun_needs_de(text, unit):
    assert extract(text, "fr")[0].value.unit == unit
