"""`extract` on hostile text: noise dense with number-like tokens, page furniture that shares
a line with the article, and numbers too long for 28-digit arithmetic.

Each table row is a text that once gave a wrong answer: seconds per megabyte on noise
(speed is measured by benchmarks/extraction.py --hostile, never timed here: these inputs are
small), no mention for an article on the same line as a photo credit, or the tail of a huge
number read as a figure of its own.
"""

from decimal import Decimal

import pytest

from factcheck import extract
from factcheck.errors import ParseError
from factcheck.extract.lexicon import load_lexicon
from factcheck.extract.numbers import parse_words
from factcheck.extract.quantities import MAX_FIGURE_DIGITS
from factcheck.model import Kind, Quantity

NOISE_BYTES = 20_000

# pieces that, repeated, are number-like noise holding no mention
NOISE = ["1 ", "$", "cent-", "1,", "1.", "12 345 678 ", "%", "- ", "milliards ", "trois ",
         "1er ", "2019 2020 2021 2022 ", "1", "1 - 1 - ", "USD ", "quatre-vingt-", "1 000 000 "]


def _noise(piece: str) -> str:
    return piece * (NOISE_BYTES // len(piece.encode()))


def _spans_are_valid(text, mentions):
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end
        previous_end = mention.end


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("piece", NOISE)
def test_number_like_noise_holds_no_mention(piece, language):
    assert extract(_noise(piece), language, "2025-03") == []


# (language, noise piece, what ends the text, the one mention expected in it)
NOISE_THEN_MENTION = [
    ("fr", "1 ", "1 %", "1 %"),
    ("en", "$", "$5 ", "$5"),
    ("fr", "cent-", " 5 milliards d'euros", "5 milliards d'euros"),
    ("fr", "12 345 678 ", "12 345 678 dollars", "12 345 678 dollars"),
    ("en", "1,", " 3 percent", "3 percent"),
    ("fr", "1er ", "1er mars 2025", "1er mars 2025"),
    ("fr", "2019 2020 ", "en 2024", "2024"),
    ("fr", "%", "62 %", "62 %"),
    ("en", "USD ", "USD 4.5bn", "USD 4.5bn"),
]


@pytest.mark.parametrize("language, piece, ending, expected", NOISE_THEN_MENTION)
def test_a_mention_after_noise_is_found_whole(language, piece, ending, expected):
    text = _noise(piece) + ending
    found = extract(text, language, "2025-03")
    _spans_are_valid(text, found)
    assert [m.text for m in found] == [expected]


# --- page furniture on the same line as the article ------------------------------------

LONG_LINE = "Le groupe a levé 10 milliards de dollars en 2024 ; " * 50

# (language, text, mentions with furniture skipped)
FURNITURE = [
    ("fr", "OpenAI a levé 10 milliards de dollars en 2024. Photo © AFP.",
     ["10 milliards de dollars", "2024"]),
    ("fr", "Photo © AFP. OpenAI a levé 10 milliards de dollars en 2024.",
     ["10 milliards de dollars", "2024"]),
    ("en", "OpenAI raised $10 billion in 2024. Photo: AFP.", ["$10 billion", "2024"]),
    ("fr", "Le groupe a levé 10 milliards de dollars en 2024 auprès de ses investisseurs "
           "historiques et de nouveaux fonds © AFP", ["10 milliards de dollars", "2024"]),
    ("fr", LONG_LINE + "Photo © AFP " + LONG_LINE,
     ["10 milliards de dollars", "2024"] * 100),
    # a credit is still furniture, on its own line or after a sentence
    ("fr", "Un accord de 5 milliards.\nCrédit : 3 photographes\n", ["5 milliards"]),
    ("fr", "Un accord de 5 milliards. ©Koshiro K / 2 photos", ["5 milliards"]),
    ("fr", "Sam Altman, patron d'OpenAI // Source : 2 photos\nUn accord de 5 milliards.",
     ["5 milliards"]),
]


@pytest.mark.parametrize("language, text, expected", FURNITURE)
def test_a_credit_is_furniture_but_the_article_beside_it_is_not(language, text, expected):
    found = extract(text, language, "2025-03")
    _spans_are_valid(text, found)
    assert [m.text for m in found] == expected


def test_a_credit_line_is_read_when_furniture_is_kept():
    text = "Un accord de 5 milliards.\nCrédit : 3 photographes\n"
    assert [m.text for m in extract(text, "fr", skip_furniture=False)] == [
        "5 milliards", "3 photographes"]


# --- numbers beyond 28 digits ---------------------------------------------------------

B = 10**9

# (language, text, mention text, value, low, high, unit)
HUGE = [
    ("fr", "12 345 678 901 234 567 890 milliards de dollars",
     "12 345 678 901 234 567 890 milliards de dollars",
     12345678901234567890 * B, 12345678901234567890 * B - B // 2,
     12345678901234567890 * B + B // 2, "USD"),
    ("fr", "1 000 000 000 000 000 000 000 000 milliards",
     "1 000 000 000 000 000 000 000 000 milliards",
     10**33, 10**33 - B // 2, 10**33 + B // 2, None),
    ("fr", "environ 12 345 678 901 234 567 890 123 milliards de dollars",
     "environ 12 345 678 901 234 567 890 123 milliards de dollars",
     12345678901234567890123 * B, Decimal("11111111011111111101110700000000"),
     Decimal("13580246791358024679135300000000"), "USD"),  # 10 % either way
    ("en", "$12,345,678,901,234,567,890,123 billion", "$12,345,678,901,234,567,890,123 billion",
     12345678901234567890123 * B, 12345678901234567890123 * B - B // 2,
     12345678901234567890123 * B + B // 2, "USD"),
    ("fr", "1" + " 000" * 33 + " dollars", "1" + " 000" * 33 + " dollars",  # 100 digits
     10**99, Decimal("9" * 99 + ".5"), Decimal("1" + "0" * 99 + ".5"), "USD"),
    ("en", "9" * MAX_FIGURE_DIGITS + " dollars", "9" * MAX_FIGURE_DIGITS + " dollars",
     10**MAX_FIGURE_DIGITS - 1, Decimal("9" * (MAX_FIGURE_DIGITS - 1) + "8.5"),
     Decimal("9" * MAX_FIGURE_DIGITS + ".5"), "USD"),
    ("fr", "entre 12 345 678 901 234 567 890 et 12 345 678 901 234 567 891 milliards de "
           "dollars", "entre 12 345 678 901 234 567 890 et 12 345 678 901 234 567 891 "
                      "milliards de dollars",
     None, 12345678901234567890 * B, 12345678901234567891 * B, "USD"),
]


@pytest.mark.parametrize("language, text, written, value, low, high, unit", HUGE)
def test_a_huge_number_is_read_whole_and_exactly(language, text, written, value, low, high,
                                                 unit):
    [mention] = extract(text, language)
    quantity = mention.value
    assert isinstance(quantity, Quantity)
    assert mention.text == written
    assert (quantity.value, quantity.low, quantity.high, quantity.unit) == (
        None if value is None else Decimal(value), Decimal(low), Decimal(high), unit)


# (language, text, kind): figures too long to be figures, reported whole with no value
TOO_LONG = [
    ("en", "9" * (MAX_FIGURE_DIGITS + 1) + " dollars", Kind.MONEY),
    ("fr", "9" * 400 + " milliards de dollars", Kind.MONEY),
    ("fr", "1" + " 000" * 34 + " dollars", Kind.MONEY),  # 103 digits
    ("fr", "1" + " 000" * 60 + " dollars", Kind.MONEY),
    ("en", "1" + ",000" * 60 + " employees", Kind.COUNT),
    ("fr", "1" * 5000 + " %", Kind.PERCENT),
]


@pytest.mark.parametrize("language, text, kind", TOO_LONG)
def test_a_figure_too_long_to_read_is_reported_with_no_value_never_as_its_tail(
        language, text, kind):
    found = extract(text, language)
    assert [(m.start, m.end, m.kind, m.value) for m in found] == [(0, len(text), kind, None)]


def test_a_too_long_figure_does_not_hide_the_mentions_after_it():
    text = "9" * 400 + " milliards de dollars, puis 5 milliards d'euros en 2024."
    assert [m.text for m in extract(text, "fr")] == [
        "9" * 400 + " milliards de dollars", "5 milliards d'euros", "2024"]


# --- number words that make no number -------------------------------------------------

# (language, words, value)
NUMBER_WORDS = [
    ("fr", "deux cent cinquante mille", 250_000),
    ("fr", "quatre-vingt-dix-neuf", 99),
    ("fr", "soixante et onze", 71),
    ("fr", "dix-huit cents", 1800),
    ("fr", "deux cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf", 299_999),
    ("en", "nine hundred ninety-nine thousand nine hundred ninety-nine", 999_999),
    ("en", "a hundred", 100),
    ("en", "nineteen hundred", 1900),
]


@pytest.mark.parametrize("language, words, value", NUMBER_WORDS)
def test_number_words_that_make_a_number_are_read(language, words, value):
    assert parse_words(words, load_lexicon(language)) == value


def test_the_longest_number_in_words_is_read_as_a_figure():
    [mention] = extract("deux cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf "
                        "euros", "fr")
    assert (mention.value.value, mention.value.unit) == (299_999, "EUR")


RUNS_OF_NUMBER_WORDS = [("fr", "trois trois"), ("fr", "deux un"), ("fr", "cent cent"),
                        ("fr", "mille mille"), ("fr", "vingt trente"), ("en", "one two"),
                        ("en", "ten ten")]


@pytest.mark.parametrize("language, words", RUNS_OF_NUMBER_WORDS)
def test_a_run_of_number_words_that_makes_no_number_is_refused(language, words):
    with pytest.raises(ParseError):
        parse_words(words, load_lexicon(language))


@pytest.mark.parametrize("language, words", RUNS_OF_NUMBER_WORDS)
def test_a_run_of_number_words_before_a_unit_is_no_figure(language, words):
    assert extract(f"{words} euros", language) == []
