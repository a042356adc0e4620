"""The claims ledger: the curated claims verify, and every kind of bad input is reported
with its file, line, claim id and field, never dropped and never as a traceback."""

import subprocess
import sys
import textwrap

from factcheck.cli import main
from factcheck.corpus import load_corpus
from factcheck.ledger import load_ledger
from factcheck.model import Categorical, Quantity, Stance

from conftest import CLAIMS, ROOT, SEEDS

GOOD = """
[[claim]]
id = "deal-value"
source = "001_ebd9e7abab382413"
subject = "OpenAI"
predicate = "deal_value"
object = "CoreWeave"
quote = "un accord de 11,9 milliards de dollars sur cinq ans"
value = "11,9 milliards de dollars"
"""


def test_the_curated_ledger_verifies_against_the_seeds():
    ledger = load_ledger(CLAIMS, load_corpus(SEEDS))
    assert 40 <= len(ledger) <= 55
    assert {c.provenance.source for c in ledger.values()} == set(load_corpus(SEEDS))
    for claim in ledger.values():
        source = load_corpus(SEEDS)[claim.provenance.source]
        assert source.text[claim.provenance.start:claim.provenance.end] == claim.provenance.quote


def test_a_ledger_value_is_parsed_by_the_extraction_engine(workspace):
    (workspace / "claims" / "a.toml").write_text(GOOD, encoding="utf-8")
    claim = load_ledger(workspace / "claims", load_corpus(workspace / "seeds"))["deal-value"]
    assert claim.value == Quantity(value=11_900_000_000, low=11_850_000_000,
                                   high=11_950_000_000, unit="USD", step=100_000_000)
    assert claim.provenance.stance is Stance.ASSERTED


def test_the_curated_ledger_records_the_exclusivity_contradiction():
    ledger = load_ledger(CLAIMS, load_corpus(SEEDS))
    exclusive = {c.provenance.source: c.value for c in ledger.values()
                 if c.predicate == "exclusive_provider"}
    assert Categorical(True) in exclusive.values() and Categorical(False) in exclusive.values()


def _check(workspace, claims_toml, capsys):
    (workspace / "claims" / "bad.toml").write_text(textwrap.dedent(claims_toml), encoding="utf-8")
    code = main(["check", "--claims", str(workspace / "claims"),
                 "--sources", str(workspace / "seeds")])
    return code, capsys.readouterr().err


def test_a_claim_naming_an_unknown_source_fails_with_exit_2(workspace, capsys):
    code, err = _check(workspace, GOOD.replace("001_ebd9e7abab382413", "999_missing"), capsys)
    assert code == 2
    assert "bad.toml:4" in err and "'deal-value'" in err and "field 'source'" in err
    assert "unknown source '999_missing'" in err


def test_an_unparseable_value_is_reported_not_dropped(workspace, capsys):
    bad = GOOD.replace('value = "11,9 milliards de dollars"', 'value = "accord"')
    code, err = _check(workspace, bad, capsys)
    assert code == 2 and "field 'value'" in err and "no figure or date found in 'accord'" in err


def test_an_impossible_date_is_reported_with_its_field(workspace, capsys):
    code, err = _check(workspace, GOOD + 'about = "2025-13"\n', capsys)
    assert code == 2 and "bad.toml:10" in err and "field 'about'" in err and "2025-13" in err


def test_a_duplicate_id_is_reported_with_where_it_was_first_used(workspace, capsys):
    code, err = _check(workspace, GOOD + GOOD, capsys)
    assert code == 2 and "duplicate id: already used in" in err and "bad.toml:3" in err


def test_a_toml_syntax_error_is_reported_with_its_line(workspace, capsys):
    code, err = _check(workspace, GOOD + "value = \n", capsys)
    assert code == 2 and "bad.toml:10" in err and "invalid TOML" in err


def test_a_quote_not_in_the_source_shows_the_closest_passage(workspace, capsys):
    bad = GOOD.replace("un accord de 11,9 milliards", "un contrat de 11,9 milliards")
    code, err = _check(workspace, bad, capsys)
    assert code == 2 and "quote not found" in err
    assert "closest passage" in err and "un accord de 11,9 milliards de dollars" in err


def test_a_value_missing_from_its_quote_is_reported(workspace, capsys):
    bad = GOOD.replace('value = "11,9 milliards de dollars"', 'value = "12 milliards de dollars"')
    code, err = _check(workspace, bad, capsys)
    assert code == 2 and "does not occur in the quote" in err


def test_unknown_and_missing_fields_are_reported_together(workspace, capsys):
    bad = GOOD.replace('subject = "OpenAI"\n', "").replace("quote =", "qoute =")
    code, err = _check(workspace, bad, capsys)
    assert code == 2
    assert "`subject` is required" in err and "`quote` is required" in err
    assert "unknown field `qoute`" in err


def test_every_problem_in_every_file_is_listed(workspace, capsys):
    (workspace / "claims" / "other.toml").write_text(
        GOOD.replace("deal-value", "other").replace("001_ebd9e7abab382413", "nope"),
        encoding="utf-8")
    code, err = _check(workspace, GOOD.replace('about', 'x') + 'stance = "sure"\n', capsys)
    assert code == 2 and "other.toml" in err and "stance 'sure'" in err
    assert "2 problem(s)" in err


def test_a_relative_date_needs_a_publication_date_or_a_normalized_value(workspace, capsys):
    (workspace / "seeds" / "sources.toml").write_text(
        (workspace / "seeds" / "sources.toml").read_text(encoding="utf-8")
        .replace('published = "2024-12"\n', ""), encoding="utf-8")
    code, err = _check(workspace, """
        [[claim]]
        id = "amended"
        source = "004_d6a3a627681574c9"
        subject = "Elon Musk"
        predicate = "amended_complaint"
        quote = "En novembre dernier, il modifie sa plainte"
        value = "novembre dernier"
        """, capsys)
    assert code == 2 and "give its resolved value as `normalized`" in err


def test_the_command_line_reports_bad_input_without_a_traceback(workspace):
    (workspace / "claims" / "bad.toml").write_text(GOOD + GOOD, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "--claims",
                           str(workspace / "claims"), "--sources", str(workspace / "seeds")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "duplicate id" in done.stderr


def test_check_passes_on_the_bundled_ledger_with_exit_0(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    assert "claims in 4 file(s) verified" in capsys.readouterr().out


def test_a_claim_that_is_not_a_table_is_reported(workspace, capsys):
    code, err = _check(workspace, 'claim = ["deal-value"]\n', capsys)
    assert code == 2 and "claim #1 is not a [[claim]] table" in err


def test_the_curated_ledger_rates_only_the_stargate_month_an_editor_judged_wrong():
    ledger = load_ledger(CLAIMS, load_corpus(SEEDS))
    rated = {c.id: c.rating for c in ledger.values() if c.rating is not None}
    assert list(rated) == ["stargate-announced-channelnews"]
    assert rated["stargate-announced-channelnews"].verdict == "Faux"
    assert ledger["stargate-announced-channelnews"].accepted  # the judgement behind the rating
