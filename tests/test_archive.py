"""Archives of articles (JSON Lines, gzip, Parquet): rows validated one by one, bad rows
reported with their file and line (or row) and the reason, the rest reviewed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from factcheck import load_corpus, review
from factcheck.archive import load_archive, plan_chunks, read_chunk
from factcheck.cli import main
from factcheck.errors import CorpusError

from conftest import SEEDS


def seed_rows() -> list[dict]:
    return [{"id": s.id, "text": s.text, "language": s.language, "published": str(s.published),
             "publisher": s.publisher, "url": s.url, "title": s.title}
            for s in load_corpus(SEEDS).values()]


BAD_ROWS = [
    ({"id": "no-text", "language": "fr"}, "no `text`"),
    ({"id": "bad-date", "text": "Un texte.", "published": "2025-13-01"}, "month 13"),
    ({"id": "bad-language", "text": "Ein Text.", "language": "de"}, "language 'de'"),
    ({"text": "Un texte sans identifiant."}, "no `id`"),
    ({"id": "000_d50cb15397561bd1", "text": "Une autre version."}, "duplicate id"),
]


def write_jsonl(path: Path, rows: list, gz: bool = False) -> Path:
    lines = "".join((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n"
                    for row in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as out:
            out.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


def test_a_jsonl_archive_gives_the_same_sources_as_the_corpus_folder(tmp_path):
    archive = write_jsonl(tmp_path / "seeds.jsonl", seed_rows())
    sources, rejected = load_archive([archive])
    assert rejected == []
    assert [s.id for s in sources] == list(load_corpus(SEEDS))
    assert sources[1].publisher == "ChannelNews" and str(sources[1].published) == "2025-03-11"


@pytest.mark.parametrize(("row", "words"), BAD_ROWS)
def test_a_bad_row_is_rejected_with_its_line_and_reason_and_the_rest_goes_on(
        tmp_path, row, words):
    archive = write_jsonl(tmp_path / "feed.jsonl", [*seed_rows(), row])
    sources, rejected = load_archive([archive])
    assert len(sources) == 5
    problem, = rejected
    assert problem.file == str(archive) and problem.line == 6 and words in problem.message


def test_a_line_that_is_not_json_is_rejected_with_its_line(tmp_path):
    archive = write_jsonl(tmp_path / "feed.jsonl", [seed_rows()[0], "{not json", "[1, 2]"])
    sources, rejected = load_archive([archive])
    assert len(sources) == 1
    assert [(p.line, "not a JSON object" in p.message) for p in rejected] == [(2, True),
                                                                            (3, True)]


def test_chunks_cut_a_file_at_line_ends_and_know_their_first_line(tmp_path):
    rows = [{"id": f"a{n}", "text": f"Article numéro {n}.", "language": "fr"} for n in range(500)]
    archive = write_jsonl(tmp_path / "feed.jsonl", rows)
    chunks = plan_chunks([archive], chunk_bytes=4000)
    assert len(chunks) > 3
    read = [s for chunk in chunks for s in read_chunk(chunk).sources]
    assert [s.id for s in read] == [f"a{n}" for n in range(500)]
    assert all(s.file == f"{archive}:{n + 1}" for n, s in enumerate(read))


def test_a_gzip_archive_is_read_like_plain_json_lines(tmp_path):
    plain = write_jsonl(tmp_path / "a.jsonl", seed_rows())
    packed = write_jsonl(tmp_path / "a.jsonl.gz", seed_rows(), gz=True)
    assert [s.text for s in load_archive([plain])[0]] == [s.text for s in load_archive([packed])[0]]


def test_a_parquet_archive_reports_bad_rows_by_row_number(tmp_path):
    pyarrow = pytest.importorskip("pyarrow")  # in the test extra, so it runs in CI
    import pyarrow.parquet as parquet

    rows = [*seed_rows(), {"id": "bad", "text": None, "language": "fr", "published": None,
                           "publisher": None, "url": None, "title": None}]
    path = tmp_path / "feed.parquet"
    parquet.write_table(pyarrow.Table.from_pylist(rows), path, row_group_size=2)
    assert len(plan_chunks([path])) == 3
    sources, rejected = load_archive([path])
    assert [s.id for s in sources] == list(load_corpus(SEEDS))
    problem, = rejected
    assert problem.line == 6 and "no `text`" in problem.message


def test_review_of_an_archive_lists_its_rejected_rows(tmp_path):
    archive = write_jsonl(tmp_path / "feed.jsonl", [*seed_rows(), *(row for row, _ in BAD_ROWS)])
    result = review([archive])
    assert result.counts["sources"] == 5 and result.counts["rejected"] == len(BAD_ROWS)
    assert [p.line for p in result.rejected] == [6, 7, 8, 9, 10]


def test_cli_reviews_an_archive_and_says_how_many_rows_it_rejected(tmp_path, capsys):
    archive = write_jsonl(tmp_path / "feed.jsonl", [*seed_rows(), BAD_ROWS[0][0]])
    assert main(["review", str(archive), "--format", "json", "--no-progress"]) == 1
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["summary"]["rejected"] == 1
    assert document["rejected"][0]["line"] == 6
    assert "1 archive row(s) rejected" in captured.err


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="not an archive"):
        plan_chunks([tmp_path / "feed.csv"])


def test_source_map_names_a_bad_archive_row_instead_of_dropping_it(tmp_path):
    from factcheck.errors import ProblemsError
    from factcheck.review import source_map

    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "OpenAI.", "language": "fr", "published": "2025-01-01"}\n'
                    '{"id": "b", "language": "fr", "published": "2025-01-01"}\n', encoding="utf-8")
    with pytest.raises(ProblemsError, match="feed.jsonl:2"):
        source_map(feed)
