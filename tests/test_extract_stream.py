"""`extract_stream`: the mentions of a text read in pieces are those of the whole text.

The stream reads a text in blocks, cut after a line break (or, in a line longer than a
block, after a space outside a number), each read with a margin of the text on either side;
what a mention takes from further back is carried from block to block: where the scan
stopped, the last date stated, the last amount of money, a block of page furniture still
open. The tests below use blocks of a few dozen to a few hundred characters and the
smallest margin allowed, so that every text is cut many times; with the defaults (blocks
of a million characters) an article is a single block.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import attrs
import pytest

from factcheck.cli import main
from factcheck.errors import ParseError
from factcheck.extract import extract, extract_stream
from factcheck.extract.records import mention_record
from factcheck.extract.stream import MIN_MARGIN, file_pieces

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FILLER_FR = "Le groupe, qui emploie des milliers de personnes, poursuit son développement. "
FILLER_EN = "The group, which employs thousands of people, keeps growing its business. "


@attrs.frozen
class Example:
    name: str
    text: str
    language: str = "fr"
    published: str | None = "2025-03-11"
    block: int = 120


EXAMPLES = [
    Example("a day of the month counted from a month stated far back in its paragraph",
            "En mars 2024, la société a levé des fonds.\n" + FILLER_FR * 30
            + "\nLe 27, elle a signé un accord."),
    Example("a date counted from a date stated a block before",
            "La société a été fondée en 2019. " + FILLER_FR * 3
            + "Quatre ans plus tard, elle valait 80 milliards d'euros."),
    Example("a day of the month after a paragraph break: the publication month",
            "En mars 2024, la société a levé des fonds.\n\n" + FILLER_FR * 30
            + "\nLe 27, elle a signé un accord."),
    Example("a unit inherited from an amount a cut before, in one long line",
            "Le groupe a levé 22,4 milliards de dollars auprès de ses actionnaires et "
            "de plusieurs fonds souverains du Golfe et d'Asie, dont 11,9 milliards "
            "auprès de Microsoft seul.", block=40),
    Example("a figure whose scale and unit come from the figure after it, across a cut",
            "Les analystes évoquaient " + "un montant de " * 8
            + "40 ou 20 milliards de dollars.", block=40),
    Example("a number longer than a block is never cut",
            "Le fonds gère " + "1 000 " * 60 + "000 euros en 2024.", block=50),
    Example("a run of digits with no space, longer than a block",
            "1" * 700 + " milliards de dollars, puis " + "2" * 400, block=100),
    Example("an amount across a line break where a block may end",
            ("Le chiffre d'affaires a atteint 5\nmilliards de dollars. " * 12), block=60),
    Example("a block of link teasers longer than the margin, then prose",
            "Lire aussi\n" + "Un lien vers 3 articles de 2019\n" * 80
            + "Le groupe a levé 22,4 milliards de dollars en 2024, selon un communiqué "
            "publié mardi par la société américaine.\n"),
    Example("a photo credit at the end of a long line",
            FILLER_FR * 3 + "Il vise 5 % de croissance. Photo © AFP 2024.\n" + FILLER_FR),
    Example("the following year, in English",
            "The company was founded in 2019. " + FILLER_EN * 3
            + "The following year it raised $1.5 billion.", "en"),
    Example("the 15th after a month stated far back, in English",
            "In March 2024 the company raised money.\n" + FILLER_EN * 30
            + "\nOn the 15th it signed a deal.", "en"),
    Example("an amount of which a part is stated after a cut, in English",
            "The group raised $22.4 billion from its shareholders and from several "
            "sovereign funds in the Gulf and in Asia, of which 11.9 billion came from "
            "Microsoft.", "en", block=40),
    Example("relative dates with no publication date",
            "L'an dernier, " + FILLER_FR * 4 + "le mois prochain, en janvier dernier.",
            published=None),
]


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_a_text_read_in_blocks_gives_the_mentions_of_the_whole_text(example):
    whole = extract(example.text, example.language, example.published)
    read = list(extract_stream(_lines(example.text), example.language, example.published,
                               block=example.block, margin=MIN_MARGIN))
    assert read == whole


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_the_pieces_a_text_comes_in_do_not_change_its_mentions(example):
    """However the text is cut into pieces (here, one character each), the blocks it is
    read in are the same: they depend on the text alone."""
    by_line = list(extract_stream(_lines(example.text), example.language, example.published,
                                  block=example.block, margin=MIN_MARGIN))
    by_character = list(extract_stream(iter(example.text), example.language,
                                       example.published, block=example.block,
                                       margin=MIN_MARGIN))
    assert by_character == by_line


def test_a_day_of_the_month_far_from_its_month_is_still_that_months():
    text = EXAMPLES[0].text
    [day] = [m for m in extract_stream(_lines(text), "fr", "2025-03-11", block=120,
                                       margin=MIN_MARGIN) if m.text == "27"]
    assert str(day.value) == "2024-03-27" and day.anchored


def test_an_inherited_unit_crosses_a_cut():
    text = EXAMPLES[3].text
    [part] = [m for m in extract_stream([text], "fr", block=40, margin=MIN_MARGIN)
              if m.text == "11,9 milliards"]
    assert part.value.unit == "USD" and part.inherited


def test_offsets_are_those_of_the_whole_text():
    for example in EXAMPLES:
        for mention in extract_stream(_lines(example.text), example.language,
                                      example.published, block=example.block,
                                      margin=MIN_MARGIN):
            assert example.text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("block", [150, 700, 4000])
def test_the_seed_articles_cut_at_random_line_breaks_read_as_a_whole(block):
    """Randomized, with a fixed seed: each seed article, and all of them one after the
    other, in pieces of one to five lines, read in blocks of `block` characters."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rng = random.Random(block)
    for text in [*articles, "\n\n".join(articles)]:
        lines, pieces = _lines(text), []
        while lines:
            count = rng.randint(1, 5)
            pieces.append("".join(lines[:count]))
            lines = lines[count:]
        read = list(extract_stream(pieces, "fr", "2025-03-11", block=block,
                                   margin=MIN_MARGIN))
        assert read == extract(text, "fr", "2025-03-11")


def test_a_long_text_is_read_by_extract_in_the_blocks_of_the_stream():
    """`extract` reads a text longer than a block through the same blocks, so that a file
    read by `factcheck extract` gives what `extract` gives for its text."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = "\n\n".join([text] * 40)  # about 1.3 million characters: two blocks
    assert list(extract_stream(_lines(text), "fr", "2025-03-11")) == extract(
        text, "fr", "2025-03-11")


def test_the_language_is_detected_from_the_first_characters_as_extract_does():
    text = EXAMPLES[-3].text
    assert list(extract_stream(_lines(text))) == extract(text)


@pytest.mark.parametrize("arguments, error", [
    ({"language": "de"}, ParseError),
    ({"published": "2025-13"}, Exception),
    ({"margin": MIN_MARGIN - 1}, ValueError),
    ({"block": 1}, ValueError),
])
def test_bad_arguments_are_refused_before_any_piece_is_read(arguments, error):
    def pieces():
        raise AssertionError("a piece was read")
        yield ""

    with pytest.raises(error):
        extract_stream(pieces(), **{"language": "fr", **arguments})


def test_a_piece_that_is_not_text_is_refused():
    with pytest.raises(ParseError, match="pieces of text"):
        list(extract_stream(["5 %", b"3 %"], "fr"))


# -- `factcheck extract FILE` streams the file ----------------------------------------------

def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_the_extract_command_streams_a_file_larger_than_max_bytes(tmp_path, capsys):
    text = EXAMPLES[0].text
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["extract", str(path), "--lang", "fr", "--published", "2025-03-11",
                 "--max-bytes", "100"]) == 0
    expected = [mention_record(m, "article") for m in extract(text, "fr", "2025-03-11")]
    assert _records(capsys.readouterr().out) == json.loads(json.dumps(expected))


def test_the_extract_command_reports_text_that_is_not_utf8_before_writing_anything(
        tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_bytes("La société a levé 5 milliards de dollars.\n".encode() * 2000
                     + b"\xff\xfe")
    assert main(["extract", str(path), "--lang", "fr"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "not UTF-8 text: invalid start byte at byte 90000" in err


def test_file_pieces_refuses_a_folder_and_a_named_pipe(tmp_path):
    pieces, problems = file_pieces(tmp_path)
    assert pieces is None and "is a folder, not a regular file" in str(problems[0])
    os.mkfifo(tmp_path / "pipe.txt")
    pieces, problems = file_pieces(tmp_path / "pipe.txt")  # would block if opened
    assert pieces is None and "named pipe" in str(problems[0])


def test_file_pieces_reads_the_whole_file(tmp_path):
    text = "Le groupe a levé 5 milliards de dollars en 2024.\n" * 50_000  # several reads
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    pieces, problems = file_pieces(tmp_path / "big.txt")
    assert problems == [] and "".join(pieces) == text


@pytest.mark.parametrize("pieces", [None, 5, "OpenAI a levé 10 milliards".encode()])
def test_pieces_that_are_not_an_iterable_of_text_are_a_parse_error(pieces):
    with pytest.raises(ParseError, match="iterable of text pieces"):
        extract_stream(pieces, "fr")


def test_file_pieces_takes_a_path_as_text(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("OpenAI a levé 10 milliards de dollars.", encoding="utf-8")
    pieces, problems = file_pieces(str(article))
    assert problems == [] and "".join(pieces).startswith("OpenAI")
