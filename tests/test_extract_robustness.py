"""`extract` never raises on text: any input gives a list of mentions with valid spans."""

import json
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import extract
from factcheck.cli import main
from factcheck.extract.records import FIELDS

ROOT = Path(__file__).resolve().parent.parent

# text biased towards the characters the grammar cares about, plus anything at all
news_alphabet = st.sampled_from(list("0123456789 ,.%$€-–/'’\u00a0\u202f\n") + [
    " milliards", " millions", " de dollars", " environ ", " plus de ", " entre ", " et ",
    " à ", " janvier", " dernier", " en ", " il y a ", " ans", " fin ", " mi-", " T1 ",
    " billion", " about ", " between ", " and ", " years ago", " last ", " GPU", "Q",
    " l'an dernier", " quatre", "-vingt", " cent", " mille", " Mars", " h"])
texts = st.one_of(st.text(), st.lists(news_alphabet, max_size=60).map("".join))


def _spans_are_valid(text, mentions):
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end  # in order, never overlapping
        previous_end = mention.end
        _passes_the_model_checks(mention)


def _passes_the_model_checks(mention):
    """The extractor builds its figures without the model's converters and validators
    (`model.unchecked`): built again through them, each is the same value."""
    assert attrs.evolve(mention) == mention
    if mention.value is not None:
        assert attrs.evolve(mention.value) == mention.value


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["fr", "en"]),
       st.sampled_from([None, "2025", "2025-03", "2025-03-11"]))
def test_extract_never_raises_and_every_span_is_valid(text, language, published):
    _spans_are_valid(text, extract(text, language, published))


def test_empty_garbage_and_huge_lines_give_valid_lists():
    assert extract("", "fr") == []
    garbage = bytes(range(256)).decode("latin-1") * 50
    _spans_are_valid(garbage, extract(garbage, "fr"))
    huge = ("12 milliards " + "x" * 10_000 + " 3 %") * 20
    found = extract(huge, "fr")
    _spans_are_valid(huge, found)
    assert len(found) == 40
    mixed = "Выручка 12 млрд, 收入 12 亿美元, 12 مليار دولار, 5 % du marché"
    _spans_are_valid(mixed, extract(mixed, "fr"))


def test_every_mention_of_the_benchmark_texts_passes_the_model_checks(seeds):
    english = ROOT / "benchmarks" / "texts" / "english-article.txt"
    for path, language in [*((p, "fr") for p in sorted(seeds.glob("*.txt"))), (english, "en")]:
        text = path.read_text(encoding="utf-8")
        for published in (None, "2025-03-11"):
            _spans_are_valid(text, extract(text, language, published))


def test_bytes_are_decoded_rather_than_refused():
    assert [m.text for m in extract("3 milliards d'euros".encode(), "fr")] == ["3 milliards d'euros"]


def test_extract_command_writes_one_json_object_per_mention(seeds, capsys):
    assert main(["extract", str(seeds / "003_c66bb317271a0d01.txt"), "--lang", "fr",
                 "--published", "2025-03-11"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(tuple(r) == FIELDS for r in records)
    text = (seeds / "003_c66bb317271a0d01.txt").read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in records)
    january = next(r for r in records if r["text"] == "janvier")
    assert (january["date_start"], january["date_end"], january["relative"]) == (
        "2025-01-01", "2025-01-31", True)


def test_extract_command_reads_language_and_dates_from_a_corpus_folder(seeds, capsys):
    assert main(["extract", str(seeds), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("novembre dernier" in line and "2024-11-01..2024-11-30" in line for line in lines)


def test_extract_command_rejects_a_malformed_date_with_exit_2(seeds, capsys):
    assert main(["extract", str(seeds), "--published", "2025-13"]) == 2
    assert "2025-13" in capsys.readouterr().err


def _grouped(number: int, separator: str) -> str:
    written = str(number)
    head = len(written) % 3 or 3
    return separator.join([written[:head]] + [written[i:i + 3]
                                              for i in range(head, len(written), 3)])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**150),
       st.sampled_from([("fr", " "), ("fr", "\u202f"), ("fr", ""), ("en", ","), ("en", "")]),
       st.sampled_from(["environ ", "", "le ", "1 ; "]))
def test_a_number_in_digits_is_read_whole_and_exactly_whatever_its_length(number, style,
                                                                         before):
    from factcheck.extract.quantities import MAX_FIGURE_DIGITS
    language, separator = style
    figure = _grouped(number, separator)
    text = f"{before}{figure} dollars"
    [mention] = extract(text, language)
    assert mention.text.endswith(figure + " dollars")  # never the tail of the number
    if len(str(number)) > MAX_FIGURE_DIGITS:
        assert mention.value is None  # out of range: reported with no value
    else:
        quantity = mention.value
        assert quantity.value == number
        assert quantity.low <= quantity.value <= quantity.high
        assert 0 < quantity.low


def test_parse_value_reads_bytes_and_detects_the_language_when_none_is_given():
    from factcheck.extract import parse_value

    assert str(parse_value(b"2019", "fr").value) == "2019"
    assert parse_value("11,9 milliards de dollars", None).value.unit == "USD"
