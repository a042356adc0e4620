"""The pytest plugin: a claims ledger becomes one test per fact; a disagreement fails with
each source's value and quote, an accepted one is a strict xfail, a broken ledger is a
readable collection error, and a project without the option sees no change. Then the
assertion helpers of factcheck.testing, on ledger claims and on plain Claim objects.

Each plugin test builds a small newsroom in pytester's folder (three French articles and a
ledger in two files) and runs pytest in-process on it.
"""

import textwrap
import xml.etree.ElementTree as ElementTree

import pytest

from factcheck import FindingKind, Source, review
from factcheck.compare import judge
from factcheck.corpus import load_corpus
from factcheck.extract import parse_value
from factcheck.ledger import load_ledger
from factcheck.model import Claim, PartialDate, Provenance, Review
from factcheck.testing import assert_consistent, assert_corroborated, ledger_facts

pytest_plugins = ["pytester"]

SOURCES = """
[[source]]
id = "courrier"
file = "courrier.txt"
language = "fr"
published = "2025-03-04"
publisher = "Le Courrier"

[[source]]
id = "echo"
file = "echo.txt"
language = "fr"
published = "2025-03-06"
publisher = "L'Écho"

[[source]]
id = "gazette"
file = "gazette.txt"
language = "fr"
published = "2025-03-10"
publisher = "La Gazette"
"""

ARTICLES = {
    "courrier.txt": "Acme signe avec Borealis\n\nLe groupe Acme a signé un contrat de 12 "
                    "milliards d'euros avec Borealis. Fondée en 1998, la société emploie "
                    "1 200 salariés.\n",
    "echo.txt": "Borealis choisit Acme\n\nAcme a conclu avec Borealis un accord de 15 milliards "
                "d'euros sur dix ans. L'entreprise compte 1 200 salariés.\n",
    "gazette.txt": "Acme, un fournisseur discret\n\nCréée en 1999, Acme reste peu connue du "
                   "grand public.\n",
}

# four facts: the contract value (a conflict), the headcount (corroborated), the contract
# length (one source); origins.toml: the founding year (a conflict an editor accepted)
DEALS = """
[[claim]]
id = "contract-courrier"
source = "courrier"
subject = "Acme"
predicate = "contract_value"
object = "Borealis"
quote = "Le groupe Acme a signé un contrat de 12 milliards d'euros avec Borealis."
value = "12 milliards d'euros"

[[claim]]
id = "contract-echo"
source = "echo"
subject = "Acme"
predicate = "contract_value"
object = "Borealis"
quote = "Acme a conclu avec Borealis un accord de 15 milliards d'euros sur dix ans."
value = "15 milliards d'euros"

[[claim]]
id = "headcount-courrier"
source = "courrier"
subject = "Acme"
predicate = "headcount"
quote = "Fondée en 1998, la société emploie 1 200 salariés."
value = "1 200 salariés"

[[claim]]
id = "headcount-echo"
source = "echo"
subject = "Acme"
predicate = "headcount"
quote = "L'entreprise compte 1 200 salariés."
value = "1 200 salariés"

[[claim]]
id = "duration-echo"
source = "echo"
subject = "Acme"
predicate = "contract_duration"
object = "Borealis"
quote = "Acme a conclu avec Borealis un accord de 15 milliards d'euros sur dix ans."
value = "dix ans"
"""

ORIGINS = """
[[claim]]
id = "founded-courrier"
source = "courrier"
subject = "Acme"
predicate = "founded"
quote = "Fondée en 1998, la société emploie 1 200 salariés."
value = "1998"

[[claim]]
id = "founded-gazette"
source = "gazette"
subject = "Acme"
predicate = "founded"
quote = "Créée en 1999, Acme reste peu connue du grand public."
value = "1999"
accepted = "La Gazette confuses the founding with the first contract."
"""

CONFIG = """
[tool.pytest.ini_options]
testpaths = ["claims"]
factcheck_ledger = ["claims"]
factcheck_sources = "articles"
"""

CONTRACT = "claims/deals.toml::acme-contract-value-borealis"
FOUNDED = "claims/origins.toml::acme-founded"


@pytest.fixture
def newsroom(pytester):
    """A project with three articles, a two-file ledger and the plugin's options."""
    pytester.makefile(".toml", pyproject=CONFIG)
    articles = pytester.mkdir("articles")
    (articles / "sources.toml").write_text(SOURCES, encoding="utf-8")
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    claims = pytester.mkdir("claims")
    (claims / "deals.toml").write_text(DEALS, encoding="utf-8")
    (claims / "origins.toml").write_text(ORIGINS, encoding="utf-8")
    return pytester


def run(pytester, *args):
    """pytest in-process on the project; without hypothesis's plugin, which would import
    (and assert-rewrite) hypothesis afresh in every run."""
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def article(source_id, text, publisher, published="2025-03-04"):
    return Source(id=source_id, text=text, language="fr", published=published,
                  publisher=publisher)


def claim(source, wording, predicate="headcount", claim_id=None, obj=None, about=None,
          subject="Acme"):
    """A plain Claim on the sentence of `source` that holds `wording`."""
    start = source.text.index(wording)
    return Claim(id=claim_id or f"{source.id}-{predicate}", subject=subject, predicate=predicate,
                 object=obj, about=about, value=parse_value(wording, "fr", source.published).value,
                 provenance=Provenance(source=source.id, start=0, end=len(source.text),
                                       quote=source.text, value_start=start,
                                       value_end=start + len(wording)))


# -- the plugin ---------------------------------------------------------------------------

def test_each_fact_of_the_ledger_is_one_test_in_file_order(newsroom):
    result = run(newsroom, "--collect-only", "-q")
    assert [line for line in result.outlines if "::" in line] == [
        CONTRACT,
        "claims/deals.toml::acme-headcount-count-employees",
        "claims/deals.toml::acme-contract-length-borealis-duration",
        FOUNDED,
    ]


def test_claim_files_in_a_subfolder_of_the_ledger_are_tests_too(newsroom):
    claims = newsroom.path / "claims"
    (claims / "archive").mkdir()
    (claims / "origins.toml").rename(claims / "archive" / "origins.toml")
    result = run(newsroom, "--collect-only", "-q")
    assert "claims/archive/origins.toml::acme-founded" in result.outlines
    run(newsroom).assert_outcomes(passed=2, failed=1, xfailed=1)


def test_disagreeing_facts_fail_agreeing_ones_pass_accepted_ones_xfail(newsroom):
    result = run(newsroom)
    result.assert_outcomes(passed=2, failed=1, xfailed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_failure_lists_each_sources_value_and_quote_without_a_traceback(newsroom):
    result = run(newsroom, CONTRACT)
    result.stdout.fnmatch_lines([
        "*_ Acme · contract value · Borealis _*",
        "Acme · contract value · Borealis: the sources disagree",
        "conflict: No figure fits both: *",
        "  Le Courrier (2025-03-04): «12 milliards d'euros» in \"Le groupe Acme a signé un "
        "contrat de 12 milliards d'euros avec Borealis.\" (contract-courrier, "
        "claims/deals.toml:3)",
        "  L'Écho (2025-03-06): «15 milliards d'euros» in \"Acme a conclu avec Borealis un "
        "accord de 15 milliards d'euros sur dix ans.\" (contract-echo, claims/deals.toml:12)",
        "  once an editor has judged it, set accepted = \"reason\" on *contract-*",
    ])
    assert "Traceback" not in result.stdout.str()
    assert "runtest" not in result.stdout.str()


def test_an_accepted_disagreement_is_an_expected_failure_with_the_editors_reason(newsroom):
    result = run(newsroom, FOUNDED, "-rx")
    result.assert_outcomes(xfailed=1)
    result.stdout.fnmatch_lines([f"XFAIL {FOUNDED} - accepted by an editor: La Gazette "
                                 "confuses the founding with the first contract."])


def test_an_accepted_note_turns_red_once_the_sources_agree(newsroom):
    edit(newsroom.path / "articles" / "gazette.txt", "Créée en 1999", "Créée en 1998")
    edit(newsroom.path / "claims" / "origins.toml", "Créée en 1999", "Créée en 1998")
    edit(newsroom.path / "claims" / "origins.toml", 'value = "1999"', 'value = "1998"')
    result = run(newsroom, FOUNDED)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*_ Acme · founded _*",
        "[[]XPASS(strict)] claim 'founded-gazette' says accepted = 'La Gazette confuses the "
        "founding with the first contract.', but its sources no longer disagree: remove the "
        "stale `accepted` note"])


def test_an_accepted_note_covers_only_the_disagreements_its_claim_is_part_of(newsroom):
    deals = newsroom.path / "claims" / "deals.toml"
    edit(deals, 'value = "15 milliards d\'euros"',
         'value = "15 milliards d\'euros"\naccepted = "L\'Écho counts the options."')
    run(newsroom, CONTRACT).assert_outcomes(xfailed=1)
    # a third source: the verdict now turns on Le Courrier and La Gazette, not on L'Écho
    edit(newsroom.path / "articles" / "gazette.txt", "grand public.",
         "grand public. Le contrat signé avec Borealis vaut 20 milliards d'euros.")
    deals.write_text(deals.read_text(encoding="utf-8") + textwrap.dedent("""
        [[claim]]
        id = "contract-gazette"
        source = "gazette"
        subject = "Acme"
        predicate = "contract_value"
        object = "Borealis"
        quote = "Le contrat signé avec Borealis vaut 20 milliards d'euros."
        value = "20 milliards d'euros"
        """), encoding="utf-8")
    result = run(newsroom, CONTRACT)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["  once an editor has judged it, set accepted = \"reason\" on "
                                 "contract-gazette or contract-courrier"])


def test_a_broken_ledger_is_one_collection_error_naming_file_line_and_field(newsroom):
    edit(newsroom.path / "claims" / "deals.toml", "un accord de 15", "un contrat de 15")
    result = run(newsroom)
    result.assert_outcomes(errors=1)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines([
        "*_ ERROR collecting claims _*",
        "the claims ledger claims/ does not verify (2 problems):",
        "  claims/deals.toml:17, claim 'contract-echo', field 'quote': quote not found in "
        "source 'echo'; closest passage *",
        "  claims/deals.toml:42, claim 'duration-echo', field 'quote': *",
    ])
    assert "Traceback" not in result.stdout.str()


def test_a_missing_sources_option_is_a_collection_error_naming_it(newsroom):
    edit(newsroom.path / "pyproject.toml", 'factcheck_sources = "articles"', "")
    result = run(newsroom)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["factcheck_ledger is set but factcheck_sources is not: *"])


def test_a_sources_option_naming_no_corpus_is_a_collection_error(newsroom):
    result = run(newsroom, "-o", "factcheck_sources=archives")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([
        "factcheck_sources = 'archives' (pyproject.toml) is not a readable corpus (1 problem):",
        "  archives: no such corpus folder"])


def test_a_ledger_option_naming_no_folder_is_a_usage_error(newsroom):
    result = run(newsroom, "-o", "factcheck_ledger=claimz")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: factcheck_ledger in pyproject.toml names no folder at "
                                 "*claimz"])


def test_one_ledger_file_can_be_run_alone(newsroom):
    result = run(newsroom, "claims/origins.toml", "--collect-only", "-q")
    assert [line for line in result.outlines if "::" in line] == [FOUNDED]


def test_the_header_and_summary_name_the_ledger_and_count_the_facts(newsroom):
    result = run(newsroom)
    result.stdout.fnmatch_lines([
        "factcheck: ledger claims checked against articles",
        "*- factcheck -*",
        "4 fact(s) checked: 1 disagreement(s), 1 accepted by an editor (xfail), "
        "0 stale accepted note(s), 2 with no disagreement",
    ])


def test_other_files_in_a_ledger_folder_are_collected_as_pytest_would(newsroom):
    newsroom.makepyfile(**{"claims/test_notes": "def test_notes():\n    assert True\n"})
    result = run(newsroom, "--collect-only", "-q")
    assert "claims/test_notes.py::test_notes" in result.outlines
    result = run(newsroom, "--collect-only", "-q", "--ignore=claims/test_notes.py")
    assert "claims/test_notes.py::test_notes" not in result.outlines


def test_a_facts_location_is_its_first_claim_in_the_ledger(newsroom):
    reports = newsroom.inline_run("-p", "no:hypothesispytest").getreports(
        "pytest_runtest_logreport")
    locations = {r.location for r in reports if r.when == "call"}
    assert ("claims/deals.toml", 2, "Acme · contract value · Borealis") in locations
    assert ("claims/origins.toml", 2, "Acme · founded") in locations


def test_junit_xml_carries_each_facts_title_claims_and_verdict(newsroom):
    run(newsroom, "--junitxml=report.xml")
    tree = ElementTree.parse(newsroom.path / "report.xml")
    case, = [c for c in tree.iter("testcase") if c.get("name") == "acme-contract-value-borealis"]
    properties = {p.get("name"): p.get("value") for p in case.iter("property")}
    assert properties == {"factcheck.fact": "Acme · contract value · Borealis",
                          "factcheck.claims": "contract-courrier contract-echo",
                          "factcheck.findings": "conflict",
                          "factcheck.verdict": "disagreement"}


def test_a_project_without_the_option_collects_no_toml_and_runs_its_own_tests(newsroom):
    newsroom.makefile(".toml", pyproject='[tool.pytest.ini_options]\n'
                                         'testpaths = ["claims", "tests"]\n')
    newsroom.mkdir("tests")
    newsroom.makepyfile(**{"tests/test_own": "def test_own():\n    assert True\n"})
    result = run(newsroom, "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["tests/test_own.py::test_own PASSED*"])
    assert "factcheck:" not in result.stdout.str()
    assert "claims/" not in result.stdout.str()


def test_with_autoload_disabled_the_plugin_is_enabled_by_name(newsroom, monkeypatch):
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    run(newsroom, "-p", "factcheck").assert_outcomes(passed=2, failed=1, xfailed=1)


def test_a_helper_failure_points_at_the_test_not_into_the_helper(newsroom):
    newsroom.makepyfile(test_helpers=textwrap.dedent("""
        from factcheck import review
        from factcheck.testing import assert_consistent

        def test_deals():
            result = review("articles", "claims", automatic=False)
            assert_consistent([c for c in result.claims if c.predicate == "contract_value"],
                              result)
    """))
    result = run(newsroom, "test_helpers.py")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        ">*assert_consistent(*",
        "E * AssertionError: 1 disagreement(s) among these claims:",
        "E * Acme · contract value · Borealis: conflict: No figure fits both: *",
        "E *   Le Courrier (2025-03-04): «12 milliards d'euros» in *",
        "test_helpers.py:6: AssertionError",
    ])
    assert "__tracebackhide__" not in result.stdout.str()


# -- the facts of a ledger ----------------------------------------------------------------

def test_the_repository_ledger_has_one_fact_per_group_and_five_accepted():
    from conftest import CLAIMS, SEEDS

    corpus = load_corpus(SEEDS)
    facts = ledger_facts(review(corpus, load_ledger(CLAIMS, corpus), automatic=False))
    claims = [c.id for fact in facts for c in fact.claims]
    assert len(claims) == len(set(claims)) == 48
    assert [f.verdict for f in facts].count("accepted") == 5
    assert {f.verdict for f in facts} == {"accepted", "ok"}
    titles = [f.title for f in facts]
    assert len(titles) == len(set(titles))


def test_a_fact_only_derived_claims_state_is_listed_under_the_claims_it_comes_from():
    # «62 %, soit 1,9 milliard» and «50 %, soit 1,9 milliard» imply two different wholes
    def said(source_id, share):
        return article(source_id, f"Microsoft représentait {share} % de son chiffre d'affaires "
                       "en 2024, soit 1,9 milliard de dollars.", source_id.upper())

    a, b = said("a", 62), said("b", 50)
    claims = [claim(source, wording, predicate, f"{source.id}-{predicate}", obj="Microsoft",
                    about=PartialDate(year=2024))
              for source, share in ((a, "62 %"), (b, "50 %"))
              for wording, predicate in ((share, "revenue_share"),
                                         ("1,9 milliard de dollars", "revenue"))]
    sources = {"a": a, "b": b}
    facts = ledger_facts(Review(findings=judge(claims, sources), claims=claims, sources=[a, b]))
    whole, = [f for f in facts if (f.predicate, f.object) == ("revenue", None)]
    assert [c.id for c in whole.claims] == ["a-revenue_share", "b-revenue_share"]
    assert [f.kind for f in whole.findings] == [FindingKind.CONFLICT]
    assert whole.verdict == "disagreement"


# -- the assertion helpers ----------------------------------------------------------------

COURRIER = article("courrier", "La société Acme emploie 1 200 salariés.", "Le Courrier")
ECHO = article("echo", "Chez Acme, on compte désormais 1 200 salariés en France.", "L'Écho")
GAZETTE = article("gazette", "Acme, forte de 1 500 salariés, recrute.", "La Gazette")
SOURCES_BY_ID = {s.id: s for s in (COURRIER, ECHO, GAZETTE)}


def test_assert_consistent_passes_on_agreeing_claims_and_returns_the_findings():
    found = assert_consistent([claim(COURRIER, "1 200 salariés"), claim(ECHO, "1 200 salariés")],
                              SOURCES_BY_ID)
    assert [f.kind for f in found] == [FindingKind.CORROBORATION]


def test_assert_consistent_fails_with_each_sources_value_and_quote():
    with pytest.raises(AssertionError) as failure:
        assert_consistent([claim(COURRIER, "1 200 salariés"), claim(GAZETTE, "1 500 salariés")],
                          SOURCES_BY_ID)
    message = str(failure.value)
    assert message.startswith("1 disagreement(s) among these claims:\nAcme · headcount "
                              "(count:salariés): conflict: ")
    assert ("  Le Courrier (2025-03-04): «1 200 salariés» in \"La société Acme emploie 1 200 "
            "salariés.\" (courrier-headcount)") in message
    assert "  La Gazette (2025-03-04): «1 500 salariés» in " in message


def test_assert_consistent_takes_a_review_or_a_ledger_and_lets_accepted_ones_pass():
    from conftest import CLAIMS, SEEDS

    result = review(SEEDS, CLAIMS, automatic=False)
    assert_consistent(result)
    with pytest.raises(AssertionError, match=r"^5 disagreement\(s\)"):
        assert_consistent(result, allow_accepted=False)
    corpus = load_corpus(SEEDS)
    assert_consistent(load_ledger(CLAIMS, corpus), corpus)


def test_assert_corroborated_returns_the_corroboration_of_independent_sources():
    finding = assert_corroborated([claim(COURRIER, "1 200 salariés"),
                                   claim(ECHO, "1 200 salariés")], SOURCES_BY_ID)
    assert finding.kind is FindingKind.CORROBORATION and finding.independent_sources == 2


def test_assert_corroborated_names_the_one_source_that_differs():
    claims = [claim(COURRIER, "1 200 salariés"), claim(ECHO, "1 200 salariés"),
              claim(GAZETTE, "1 500 salariés")]
    with pytest.raises(AssertionError) as failure:
        assert_corroborated(claims, SOURCES_BY_ID)
    head, explanation = str(failure.value).splitlines()[:2]
    assert head == ("not corroborated: La Gazette (2025-03-04) differs from the others with "
                    "«1 500 salariés»")
    assert explanation.startswith("conflict: No figure fits both")


def test_assert_corroborated_needs_independent_sources():
    copy = article("copie", COURRIER.text, "Le Courrier bis")
    with pytest.raises(AssertionError, match=r"^not corroborated: 1 independent source\(s\), 2 "
                       r"wanted\n.*near-duplicates"):
        assert_corroborated([claim(COURRIER, "1 200 salariés"), claim(copy, "1 200 salariés")],
                            [COURRIER, copy])


def test_assert_corroborated_fails_on_claims_of_different_facts_or_one_source():
    with pytest.raises(AssertionError, match=r"state 2 facts, not one\n  Acme · headcount"):
        assert_corroborated([claim(COURRIER, "1 200 salariés"),
                             claim(ECHO, "1 200 salariés", predicate="users")], SOURCES_BY_ID)
    with pytest.raises(AssertionError, match="only one source states it"):
        assert_corroborated([claim(COURRIER, "1 200 salariés")], SOURCES_BY_ID)
    with pytest.raises(AssertionError, match=r"no other source states it for the same time\n"
                       r"  Le Courrier \(2025-03-04\): «1 200 salariés» in "):
        assert_corroborated([claim(COURRIER, "1 200 salariés", about=PartialDate(year=2023)),
                             claim(ECHO, "1 200 salariés", about=PartialDate(year=2024))],
                            SOURCES_BY_ID)
