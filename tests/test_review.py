"""The review of the seeds, curated and automatic; its JSON shape; the CLI's exit codes."""

import json
import shutil

import pytest

from factcheck import FindingKind, dumps, loads, review, review_record
from factcheck.cli import main
from factcheck.corpus import load_corpus
from factcheck.ledger import load_ledger

from conftest import CLAIMS, SEEDS


@pytest.fixture(scope="module")
def curated():
    corpus = load_corpus(SEEDS)
    return review(corpus, load_ledger(CLAIMS, corpus))


@pytest.fixture(scope="module")
def automatic():
    return review(SEEDS)


def find(result, subject, predicate, obj=None):
    return [f for f in result.findings
            if (f.subject, f.predicate, f.object) == (subject, predicate, obj)]


def wordings(finding):
    return {c.provenance.wording for c in finding.claims}


def test_curated_review_reports_the_investment_disagreement(curated):
    finding, = [f for f in find(curated, "Microsoft", "investment", "OpenAI")
                if f.kind is FindingKind.TENSION]
    assert {"environ 14 milliards de dollars", "13 milliards de dollars"} <= wordings(finding)


def test_curated_review_reports_the_month_stargate_was_announced(curated):
    finding, = find(curated, "OpenAI", "announced", "Stargate")
    assert finding.kind is FindingKind.CONFLICT
    assert {"février dernier", "janvier"} == wordings(finding)


def test_curated_review_reports_the_exclusivity_contradiction(curated):
    finding, = find(curated, "Microsoft", "exclusive_provider", "OpenAI")
    assert finding.kind is FindingKind.CONFLICT
    assert {c.provenance.source for c in finding.claims} >= {
        "000_d50cb15397561bd1", "003_c66bb317271a0d01"}


@pytest.mark.parametrize("predicate", ["contract_value", "stake"])
def test_curated_review_corroborates_the_coreweave_deal_by_two_sources(curated, predicate):
    finding, = find(curated, "CoreWeave", predicate, "OpenAI") or find(
        curated, "OpenAI", predicate, "CoreWeave")
    assert finding.kind is FindingKind.CORROBORATION
    assert finding.independent_sources == 2


def test_no_conflict_between_a_title_and_its_own_text(curated, automatic):
    for result in (curated, automatic):
        for finding in result.findings:
            if finding.kind in (FindingKind.CONFLICT, FindingKind.TENSION):
                assert not any(c.provenance.location == "title" for c in finding.claims)


def test_automatic_review_finds_the_investment_and_stargate_disagreements(automatic):
    investment = [f for f in find(automatic, "Microsoft", "investment", "OpenAI")
                  if f.is_disagreement]
    assert investment and {"environ 14 milliards de dollars", "13 milliards de dollars"} <= \
        wordings(investment[0])
    stargate, = find(automatic, "OpenAI", "announced", "Stargate")
    assert stargate.is_disagreement and wordings(stargate) == {"février dernier", "janvier"}


def test_automatic_review_finds_the_exclusivity_disagreement(automatic):
    finding, = find(automatic, "Microsoft", "exclusive_provider", "OpenAI")
    assert finding.kind is FindingKind.CONFLICT


def test_automatic_review_flags_none_of_the_corroborated_figures(automatic):
    corroborated = {"11,9 milliards de dollars", "350 millions de dollars", "cinq ans"}
    for finding in automatic.disagreements:
        assert not wordings(finding) & corroborated, finding.explanation


def test_every_claim_in_a_finding_quotes_its_source(automatic):
    sources = {s.id: s for s in automatic.sources}
    for finding in automatic.findings:
        assert finding.explanation
        for claim in finding.claims:
            p = claim.provenance
            text = sources[p.source].title if p.location == "title" else sources[p.source].text
            assert text[p.start:p.end] == p.quote


def test_accepted_disagreements_are_reported_but_do_not_count(curated):
    accepted = [f for f in curated.findings if f.accepted]
    assert accepted and all(not f.is_disagreement for f in accepted)


def test_the_json_document_has_the_documented_shape(automatic):
    document = json.loads(json.dumps(review_record(automatic)))
    assert set(document) == {"version", "summary", "findings", "unclassified", "rejected"}
    for finding in document["findings"]:
        assert {"kind", "subject", "predicate", "object", "explanation", "claims"} <= set(finding)
        for claim in finding["claims"]:
            assert {"source", "quote", "start", "end", "stance", "value"} <= set(claim)
            assert ({"low", "high"} <= set(claim)) or ("date_start" in claim) or \
                isinstance(claim["value"], (bool, str))
            if "date_start" in claim:
                assert claim["date_start"] <= claim["date_end"]
    assert document["unclassified"], "figures no predicate fits are listed, not dropped"


def test_a_review_survives_a_json_round_trip(automatic):
    assert loads(dumps(automatic)) == automatic


# -- the command line --------------------------------------------------------------------

def test_review_with_no_arguments_reviews_the_seeds_with_their_ledger(capsys, monkeypatch):
    monkeypatch.chdir(SEEDS.parent)
    code = main(["review", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code in (0, 1)
    assert code == (1 if document["summary"]["disagreements"] else 0)
    assert any(c["origin"] == "ledger" for f in document["findings"] for c in f["claims"])


def test_review_of_a_corpus_without_ledger_exits_1_on_disagreements(capsys):
    assert main(["review", str(SEEDS), "--format", "md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("# Review") and "Conflicts" in out


def test_review_writes_the_report_to_a_file(tmp_path, capsys):
    target = tmp_path / "review.json"
    main(["review", str(SEEDS), "--format", "json", "-o", str(target)])
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


@pytest.mark.parametrize("arguments, message", [
    (["review", "no-such-folder"], "no such corpus folder"),
    (["review", "SEEDS", "--entities", "no-such.toml"], "no such entities file"),
    (["review", "SEEDS", "--no-auto"], "--no-auto needs a ledger"),
])
def test_review_turns_bad_input_into_exit_code_2(arguments, message, capsys):
    code = main([str(SEEDS) if a == "SEEDS" else a for a in arguments])
    assert code == 2 and message in capsys.readouterr().err


def test_check_exits_1_on_a_ledger_disagreement_no_editor_has_accepted(tmp_path, capsys):
    shutil.copytree(CLAIMS, tmp_path / "claims")
    assert main(["check", "--claims", str(tmp_path / "claims"), "--sources", str(SEEDS)]) == 0
    stargate = tmp_path / "claims" / "stargate.toml"
    text = stargate.read_text(encoding="utf-8")
    stargate.write_text("\n".join(line for line in text.splitlines()
                                  if not line.startswith("accepted")) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--claims", str(tmp_path / "claims"), "--sources", str(SEEDS)]) == 1
    assert "février dernier" in capsys.readouterr().err


def test_review_with_no_arguments_finds_the_bundled_seeds_from_any_folder(tmp_path, capsys,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["review", "--format", "json"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["summary"]["sources"] == 5


def test_curated_claims_win_over_automatic_ones_for_the_same_words(curated):
    ledger = [c for c in curated.claims if c.origin.value == "ledger"]
    for claim in curated.claims:
        if claim.origin.value != "automatic" or claim.provenance.value_start is None:
            continue
        p = claim.provenance
        for kept in ledger:
            q = kept.provenance
            if q.source == p.source and q.value_start is not None:
                assert not (q.value_start < p.value_end and p.value_start < q.value_end), claim.id
    assert not [c for c in curated.unclassified if c.origin.value == "ledger"]


def test_a_bad_review_annotation_is_reported_not_raised(tmp_path):
    from factcheck.errors import ProblemsError
    from factcheck.scoring import load_review_annotation

    path = tmp_path / "a.toml"
    path.write_text('[[finding]]\nid = "x"\nkind = "conflict"\nclaims = [{ source = "nope", '
                    'value = "1" }, "oops"]\n[[finding]]\nid = "y"\nkind = "wrong"\n',
                    encoding="utf-8")
    with pytest.raises(ProblemsError) as error:
        load_review_annotation(path, load_corpus(SEEDS))
    text = str(error.value)
    assert "unknown source 'nope'" in text and "oops" in text and "unknown kind" in text
