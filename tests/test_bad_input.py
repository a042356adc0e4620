"""Bad input and hostile files: every reproducer ends with a clear message that names the
file, line, claim or field and exit code 2 (or a correct result): never a traceback, a hang,
unbounded memory, a silent drop or a file read from outside the corpus."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck import FactcheckError, ModelError, Quantity, dumps, loads
from factcheck.cli import main
from factcheck.corpus import load_corpus
from factcheck.errors import CorpusError, LedgerError
from factcheck.ledger import load_ledger

from conftest import SEEDS

CLAIM = """
[[claim]]
id = "{id}"
source = "001_ebd9e7abab382413"
subject = "OpenAI"
predicate = "contract_value"
object = "CoreWeave"
quote = "un accord de 11,9 milliards de dollars sur cinq ans"
value = "11,9 milliards de dollars"
{extra}
"""


def claim(claim_id: str = "deal", extra: str = "") -> str:
    return CLAIM.format(id=claim_id, extra=extra)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def check(capsys, corpus: Path, claims: Path, *more: str) -> tuple[int, str, str]:
    return run(capsys, "check", "--sources", str(corpus), "--claims", str(claims), *more)


def ledger_with(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "claims"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- non-finite and ill-typed numbers ----------------------------------------------------

@pytest.mark.parametrize("fields", [dict(value="NaN", low=1, high=2),
                                    dict(value="NaN", low=None, high=None),
                                    dict(value=1, low="sNaN", high=2),
                                    dict(value=None, low=1, high="Infinity"),
                                    dict(value=1, low=1, high=1, step="-Infinity")])
def test_the_model_refuses_non_finite_numbers_naming_the_field(fields):
    with pytest.raises(ModelError, match=r"Quantity\.(value|low|high|step) must be a finite"):
        Quantity(**fields)


@pytest.mark.parametrize("unit", [["USD"], 5, ""])
def test_the_model_refuses_a_unit_that_is_not_text(unit):
    with pytest.raises(ModelError, match="Quantity.unit must be text"):
        Quantity(value=1, low=1, high=1, unit=unit)


def test_loading_json_with_a_nan_figure_is_a_model_error():
    text = dumps(Quantity(value=1, low=1, high=2)).replace('"1"', '"NaN"', 1)
    assert "NaN" in text
    with pytest.raises(FactcheckError, match=r"Quantity\.value must be a finite number"):
        loads(text)


@pytest.mark.parametrize("normalized", ['{ value = "NaN" }', '{ low = "NaN" }',
                                        '{ high = "sNaN" }', '{ value = "Infinity" }',
                                        '{ unit = ["USD"] }', '{ unit = 5 }'])
def test_a_ledger_normalized_value_that_is_not_a_finite_number_or_text_unit_is_reported(
        tmp_path, capsys, corpus_dir, normalized):
    claims = ledger_with(tmp_path, {"a.toml": claim(extra=f"normalized = {normalized}")})
    code, _, err = check(capsys, corpus_dir, claims)
    assert code == 2
    assert "a.toml:" in err and "claim 'deal'" in err and "field 'normalized'" in err


# -- paths and files that are not articles -----------------------------------------------

@pytest.mark.parametrize("option", ["--sources", "--claims"])
def test_a_path_too_long_for_the_file_system_is_a_message(capsys, option):
    code, _, err = run(capsys, "check", option, "a" * 300)
    assert code == 2 and "name too long" in err.lower()


def test_extract_on_a_path_too_long_is_a_message(capsys):
    code, _, err = run(capsys, "extract", "a" * 300)
    assert code == 2 and "name too long" in err.lower()


def test_a_folder_the_system_refuses_to_list_is_a_message(monkeypatch, capsys, corpus_dir):
    """`chmod 000` on the folder, as the system answers a user who may not list it (simulated:
    the tests may run as root, who may list any folder)."""
    real = os.scandir

    def refuse(path):
        if Path(path) == corpus_dir:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    code, _, err = run(capsys, "extract", str(corpus_dir))
    assert code == 2 and f"{corpus_dir}: cannot read: Permission denied" in err


def test_a_named_pipe_in_a_corpus_is_reported_not_read(capsys, corpus_dir):
    os.mkfifo(corpus_dir / "pipe.txt")
    code, _, err = run(capsys, "extract", str(corpus_dir))  # would block forever if read
    assert code == 2 and "pipe.txt: is a named pipe" in err


def test_a_symlink_to_a_device_is_reported_not_read(capsys, corpus_dir):
    (corpus_dir / "zero.txt").symlink_to("/dev/zero")
    code, _, err = run(capsys, "extract", str(corpus_dir))  # would fill memory if read
    assert code == 2 and "zero.txt: is outside the folder" in err


def test_an_article_over_the_size_limit_is_reported_with_the_option_to_raise_it(
        capsys, corpus_dir):
    (corpus_dir / "big.txt").write_text("Microsoft a investi 13 milliards. " * 400,
                                        encoding="utf-8")
    code, _, err = run(capsys, "extract", str(corpus_dir), "--max-bytes", "10000")
    assert code == 2 and "big.txt" in err and "over the limit of 10,000 bytes" in err
    assert "--max-bytes" in err
    code, _, _ = run(capsys, "extract", str(corpus_dir), "--max-bytes", "100000")
    assert code == 0


def test_extract_on_a_symlink_loop_says_so(tmp_path, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code, _, err = run(capsys, "extract", str(loop))
    assert code == 2 and "loop of symbolic links" in err


# -- the trust boundary: a corpus reads only its own files -----------------------------

@pytest.mark.parametrize("file_name", ["/etc/passwd", "../outside.txt"])
def test_sources_toml_cannot_point_outside_the_corpus(tmp_path, capsys, file_name):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "outside.txt").write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    (corpus / "sources.toml").write_text(
        f'[[source]]\nid = "leak"\nfile = "{file_name}"\nlanguage = "en"\n', encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(corpus)
    message = str(error.value)
    assert "is outside the folder" in message and "sources.toml:3" in message


# -- silent drops: say what was read and what was skipped -----------------------------

def test_a_folder_with_no_article_says_so(tmp_path, capsys):
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 2 and "holds no article" in err


def test_an_empty_sources_folder_says_it_holds_no_article_not_unknown_sources(
        tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "check", "--sources", str(empty))
    assert code == 2 and "holds no article" in err and "unknown source" not in err


@pytest.mark.parametrize("text", ["", "# only a comment\n# and another\n"])
def test_an_empty_or_commented_claims_file_is_reported(tmp_path, capsys, text):
    claims = ledger_with(tmp_path, {"a.toml": claim(), "empty.toml": text})
    code, _, err = check(capsys, SEEDS, claims)
    assert code == 2 and "empty.toml: holds no [[claim]] table" in err


def test_claim_files_in_subfolders_and_with_upper_case_extensions_are_read(tmp_path):
    claims = ledger_with(tmp_path, {"a.toml": claim("a"), "sub/b.toml": claim("b"),
                                    "C.TOML": claim("c")})
    ledger = load_ledger(claims, load_corpus(SEEDS))
    assert set(ledger) == {"a", "b", "c"} and len(ledger.files) == 3


def test_check_says_what_it_checked_and_lists_what_it_skipped(tmp_path, capsys, corpus_dir):
    claims = ledger_with(tmp_path, {"a.toml": claim(), "README.md": "# about"})
    (corpus_dir / "photo.jpg").write_bytes(b"\xff\xd8")
    code, out, err = check(capsys, corpus_dir, claims)
    assert code == 0
    assert "1 claims in 1 file(s)" in out and "1 of 5 sources" in out
    assert "README.md" in err and "photo.jpg" in err


# -- messages that point at the right place ----------------------------------------------

def test_a_duplicate_claim_id_points_at_the_duplicate_and_the_first(tmp_path):
    claims = ledger_with(tmp_path, {"a.toml": claim() + claim()})
    with pytest.raises(LedgerError) as error:
        load_ledger(claims, load_corpus(SEEDS))
    problem, = error.value.problems
    assert problem.line == 13 and "already used in" in problem.message
    assert problem.message.endswith("a.toml:3")


def test_an_error_in_a_duplicate_claim_is_reported_at_its_own_line(tmp_path):
    claims = ledger_with(tmp_path, {"a.toml": claim() + claim(extra='stance = "sure"')})
    with pytest.raises(LedgerError) as error:
        load_ledger(claims, load_corpus(SEEDS))
    stance = next(p for p in error.value.problems if p.field == "stance")
    assert stance.line == 20


def test_a_non_utf8_article_is_reported_once(capsys, corpus_dir):
    (corpus_dir / "001_ebd9e7abab382413.txt").write_bytes(b"\xff\xfe caf\xe9")
    code, _, err = run(capsys, "extract", str(corpus_dir))
    assert code == 2 and err.count("not UTF-8") == 1 and "1 problem(s) found." in err


@pytest.mark.parametrize(("entry", "line", "words"), [
    ('[[source]]\nid = "b"\nlanguage = "fr"\n', 1, "has no `file`"),
    ('[[source]]\nfile = "a.txt"\n', 1, "has no `id`"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\ncolour = "red"\n', 4, "unknown field"),
    ('[[source]]\nid = "a"\nfile = "a.txt"\nlanguage = ""\n', 4, "language ''"),
])
def test_sources_toml_problems_name_their_line(tmp_path, entry, line, words):
    (tmp_path / "a.txt").write_text("Un texte.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(entry, encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    problem = next(p for p in error.value.problems if words in p.message)
    assert problem.line == line


def test_a_duplicate_source_id_points_at_the_duplicate(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Un texte.", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nid = "a"\nfile = "a.txt"\n\n[[source]]\nid = "a"\nfile = "b.txt"\n',
        encoding="utf-8")
    with pytest.raises(CorpusError) as error:
        load_corpus(tmp_path)
    problem, = error.value.problems
    assert problem.line == 6 and "first at line 1" in problem.message


def test_a_bad_published_option_names_the_option(capsys):
    code, _, err = run(capsys, "extract", str(SEEDS), "--published", "garbage")
    assert code == 2 and "--published 'garbage'" in err


def test_a_run_with_problems_does_not_claim_it_stopped_checking(tmp_path, capsys):
    claims = ledger_with(tmp_path, {"a.toml": claim(extra='stance = "sure"')})
    code, _, err = check(capsys, SEEDS, claims)
    assert code == 2 and "nothing was checked further" not in err
    assert err.rstrip().endswith("1 problem(s) found.")


def test_version_names_the_package_version(capsys):
    from factcheck import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"factcheck {__version__}"


def test_an_internal_error_is_one_line_and_exit_code_3(monkeypatch, capsys):
    import factcheck.cli as cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(cli, "review", broken)
    code, _, err = run(capsys, "review")
    assert code == 3 and "internal error: ZeroDivisionError: boom" in err
    assert "--debug" in err


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch, capsys):
    import factcheck.cli as cli

    monkeypatch.setattr(cli, "review", lambda *a, **k: 1 / 0)
    assert main(["--debug", "review"]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_values_stay_exact_decimals_through_json():
    quantity = Quantity(value=Decimal("11.9e9"), low=Decimal("11.85e9"),
                        high=Decimal("11.95e9"), unit="USD")
    assert loads(dumps(quantity)) == quantity
    json.loads(dumps(quantity))
