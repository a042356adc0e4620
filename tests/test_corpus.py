"""Reading corpus folders: metadata from sources.toml, defaults for files without it."""

from pathlib import Path

import pytest

from factcheck.corpus import load_corpus
from factcheck.errors import CorpusError
from factcheck.model import PartialDate

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_the_seed_corpus_has_five_french_sources_with_their_publication_dates(seeds):
    corpus = load_corpus(seeds)
    assert len(corpus) == 5
    assert {s.language for s in corpus.values()} == {"fr"}
    assert corpus["004_d6a3a627681574c9"].published == PartialDate(year=2024, month=12)
    assert corpus["001_ebd9e7abab382413"].published == PartialDate(year=2025, month=3, day=11)
    assert corpus["000_d50cb15397561bd1"].publisher == "Clubic"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="the shared seed folder is not beside this checkout")
def test_bundled_seeds_are_byte_for_byte_the_shared_ones(seeds):
    for original in SHARED_SEEDS.iterdir():
        assert (seeds / original.name).read_bytes() == original.read_bytes()


def test_a_file_without_metadata_gets_its_stem_as_id_and_a_detected_language(tmp_path):
    (tmp_path / "note.txt").write_text("Microsoft has invested $13 billion in the company.",
                                       encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus["note"].language == "en" and corpus["note"].published is None


def _corpus_with(tmp_path, toml, files=("a.txt",)):
    for name in files:
        (tmp_path / name).write_text("Un texte en français sur la société.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    return str(error.value)


def test_an_impossible_publication_date_is_reported_with_its_line(tmp_path):
    message = _corpus_with(tmp_path, '[[source]]\nid = "a"\nfile = "a.txt"\npublished = "2025-13"\n')
    assert "sources.toml:4" in message and "published" in message and "2025-13" in message


def test_a_missing_article_file_is_reported(tmp_path):
    message = _corpus_with(tmp_path, '[[source]]\nid = "b"\nfile = "b.txt"\n')
    assert "b.txt: no such file" in message


def test_an_unknown_language_is_reported(tmp_path):
    message = _corpus_with(tmp_path, '[[source]]\nid = "a"\nfile = "a.txt"\nlanguage = "de"\n')
    assert "language 'de'" in message


def test_a_duplicate_source_id_is_reported(tmp_path):
    message = _corpus_with(tmp_path, '[[source]]\nid = "a"\nfile = "a.txt"\n\n'
                           '[[source]]\nid = "a"\nfile = "b.txt"\n', files=("a.txt", "b.txt"))
    assert "duplicate source id 'a'" in message


def test_a_toml_syntax_error_is_reported_with_its_line(tmp_path):
    message = _corpus_with(tmp_path, '[[source]]\nid = "a"\nfile = a.txt\n')
    assert "sources.toml:3" in message and "invalid TOML" in message


def test_a_missing_folder_is_an_error_not_an_empty_corpus(tmp_path):
    with pytest.raises(CorpusError, match="no such corpus folder"):
        load_corpus(tmp_path / "nowhere")


def test_a_source_entry_that_is_not_a_table_is_reported(tmp_path):
    message = _corpus_with(tmp_path, 'source = ["a.txt"]\n')
    assert "source #1 is not a [[source]] table" in message


def test_an_article_that_is_not_utf8_is_reported_with_its_file(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Société générale".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"latin\.txt: not UTF-8 text"):
        load_corpus(tmp_path)
