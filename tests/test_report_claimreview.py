"""schema.org ClaimReview JSON-LD: only claims an editor rated in the ledger, never a machine
verdict; the ledger's `rating` table and its errors; JSON-LD that is safe inside HTML."""

import json
import re
import textwrap

import pytest

from factcheck import review
from factcheck.cli import main
from factcheck.corpus import load_corpus
from factcheck.errors import FactcheckError, LedgerError, ModelError
from factcheck.ledger import load_ledger
from factcheck.model import Claim, Origin, Provenance, Quantity, Rating, Review, Source
from factcheck.report.claimreview import claim_reviews, jsonld_script, render_claimreview

from conftest import SEEDS, review_project

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

SOURCES = """
[[source]]
id = "late"
file = "late.txt"
language = "en"
publisher = "Daily Wire Service"
url = "https://wire.example/acme"
title = "Acme raised 12 million euros"
published = "2025-02"

[[source]]
id = "early"
file = "early.txt"
language = "fr"
publisher = "Le Quotidien"
url = "https://quotidien.example/acme"
title = "Acme lève 12 millions"
published = "2025-01-10"

[[source]]
id = "quarterly"
file = "quarterly.txt"
language = "fr"
publisher = "La Lettre"
published = "2025-Q1"
"""
TEXTS = {
    "late": "Acme raised 12 million euros last year. Acme employs 40 people.\n",
    "early": "Acme a levé 12 millions d'euros, selon le patron d'OpenAI. "
             "Acme a levé 20 millions de dollars.\n",
    "quarterly": "Acme a levé 30 millions d'euros.\n",
}
RATING = """
[claim.rating]
verdict = "Trompeur"
date = 2025-03-20
value = 2
best = 5
worst = 1
claim_reviewed = "Acme a levé 12 millions d'euros"
url = "https://factcheck.example/acme-12m"
"""
LEDGER = f"""
[[claim]]
id = "acme-12m-late"
source = "late"
subject = "Acme"
predicate = "funds_raised"
quote = "Acme raised 12 million euros last year."
value = "12 million euros"
{RATING}
[[claim]]
id = "acme-12m-early"
source = "early"
subject = "Acme"
predicate = "funds_raised"
quote = "Acme a levé 12 millions d'euros, selon le patron d'OpenAI."
value = "12 millions d'euros"
stance = "attributed"
attributed_to = "le patron d'OpenAI"
{RATING}
[[claim]]
id = "acme-20m-early"
source = "early"
subject = "Acme"
predicate = "funds_raised"
quote = "Acme a levé 20 millions de dollars."
value = "20 millions de dollars"

[[claim]]
id = "acme-30m-quarterly"
source = "quarterly"
subject = "Acme"
predicate = "funds_raised"
quote = "Acme a levé 30 millions d'euros."
value = "30 millions d'euros"
rating = {{ verdict = "Faux", date = "2025-03-21" }}
"""


@pytest.fixture
def rated(tmp_path):
    """A review of three articles whose ledger rates three claims: two alike, one alone."""
    return review_project(tmp_path, SOURCES, {f"{name}.txt": text for name, text in TEXTS.items()},
                          LEDGER)


# -- what is published --------------------------------------------------------------------

def test_the_seeds_publish_only_the_claim_the_editor_rated(seeds_review):
    rated = [c for c in seeds_review.claims if c.rating is not None]
    assert [c.id for c in rated] == ["stargate-announced-channelnews"]
    review_, = claim_reviews(seeds_review)
    assert review_["claimReviewed"] == "OpenAI a annoncé le projet Stargate en février 2025"
    assert review_["reviewRating"] == {"@type": "Rating", "alternateName": "Faux"}
    appearance, = review_["itemReviewed"]["appearance"]
    assert appearance["url"].startswith("https://www.channelnews.fr/")
    assert review_["itemReviewed"]["author"] == {"@type": "Organization", "name": "ChannelNews"}


def test_machine_findings_never_produce_a_claim_review():
    automatic = review(SEEDS)
    assert automatic.disagreements, "the automatic review does find disagreements"
    assert claim_reviews(automatic) == []
    assert render_claimreview(automatic) == "[]\n"


def test_an_unrated_ledger_gives_an_empty_array(seeds_review):
    import attrs

    unrated = attrs.evolve(seeds_review, claims=[attrs.evolve(c, rating=None)
                                                 for c in seeds_review.claims],
                           findings=[attrs.evolve(f, claims=[attrs.evolve(c, rating=None)
                                                             for c in f.claims])
                                     for f in seeds_review.findings])
    assert json.loads(render_claimreview(unrated)) == []


def test_only_an_editor_claim_can_carry_a_rating():
    rating = Rating(verdict="Faux", date="2025-03-12")
    provenance = Provenance(source="s", start=0, end=1, quote="x")
    with pytest.raises(ModelError, match="only an editor's"):
        Claim(id="auto", subject="A", predicate="p", value=Quantity(value=1, low=1, high=1),
              provenance=provenance, origin=Origin.AUTOMATIC, rating=rating)
    with pytest.raises(ModelError, match="only an editor's"):
        Claim(id="derived", subject="A", predicate="p", value=Quantity(value=1, low=1, high=1),
              provenance=provenance, origin=Origin.DERIVED, rating=rating)


def test_every_claim_review_has_the_required_fields_and_iso_dates(rated, seeds_review):
    for result in (rated, seeds_review):
        for document in claim_reviews(result, "Rédaction", "https://newsroom.example"):
            assert document["@context"] == "https://schema.org"
            assert document["@type"] == "ClaimReview"
            assert document["claimReviewed"]
            assert document["reviewRating"]["@type"] == "Rating"
            assert document["reviewRating"]["alternateName"]
            assert document["author"] == {"@type": "Organization", "name": "Rédaction",
                                          "url": "https://newsroom.example"}
            item = document["itemReviewed"]
            assert item["@type"] == "Claim" and item["appearance"]
            assert item["firstAppearance"] == item["appearance"][0]
            dates = [document["datePublished"], item.get("datePublished")] + [
                a.get("datePublished") for a in item["appearance"]]
            for date in filter(None, dates):
                assert ISO_DATE.match(date), date


def test_a_rated_claim_maps_onto_claim_review_fields(rated):
    documents = claim_reviews(rated, "Rédaction", "https://newsroom.example")
    shared = next(d for d in documents if d["reviewRating"]["alternateName"] == "Trompeur")
    assert shared["url"] == "https://factcheck.example/acme-12m"
    assert shared["claimReviewed"] == "Acme a levé 12 millions d'euros"
    assert shared["datePublished"] == "2025-03-20"
    assert shared["reviewRating"] == {"@type": "Rating", "alternateName": "Trompeur",
                                      "ratingValue": 2, "bestRating": 5, "worstRating": 1}
    item = shared["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Sam Altman"}  # attributed_to
    assert item["datePublished"] == "2025-01-10"
    assert item["firstAppearance"] == {
        "@type": "CreativeWork", "url": "https://quotidien.example/acme",
        "headline": "Acme lève 12 millions",
        "publisher": {"@type": "Organization", "name": "Le Quotidien"},
        "datePublished": "2025-01-10", "inLanguage": "fr"}
    assert shared["inLanguage"] == "fr"


def test_claims_sharing_one_rating_are_one_review_listing_every_article_earliest_first(rated):
    documents = claim_reviews(rated)
    assert len(documents) == 2
    shared = next(d for d in documents if d["reviewRating"]["alternateName"] == "Trompeur")
    assert [a["url"] for a in shared["itemReviewed"]["appearance"]] == [
        "https://quotidien.example/acme", "https://wire.example/acme"]


def test_claims_rated_alike_without_claim_reviewed_stay_separate_reviews():
    rating = Rating(verdict="Faux", date="2025-03-12")
    claims = [Claim(id=f"c{n}", subject="A", predicate="p",
                    value=Quantity(value=n, low=n, high=n), rating=rating,
                    provenance=Provenance(source="s", start=0, end=len(q), quote=q))
              for n, q in ((1, "one"), (2, "two"))]
    documents = claim_reviews(Review(findings=[], claims=claims,
                                     sources=[Source(id="s", text="one two", language="en")]))
    assert [d["claimReviewed"] for d in documents] == ["one", "two"]


def test_a_claim_without_claim_reviewed_is_reviewed_as_its_quote_and_said_by_its_publisher(
        rated):
    alone = next(d for d in claim_reviews(rated) if d["reviewRating"]["alternateName"] == "Faux")
    assert alone["claimReviewed"] == "Acme a levé 30 millions d'euros."
    assert alone["datePublished"] == "2025-03-21"
    assert alone["itemReviewed"]["author"] == {"@type": "Organization", "name": "La Lettre"}
    assert "author" not in alone and "url" not in alone


def test_a_publication_date_iso_8601_cannot_write_is_left_out(rated):
    alone = next(d for d in claim_reviews(rated) if d["reviewRating"]["alternateName"] == "Faux")
    assert "datePublished" not in alone["itemReviewed"]  # published "2025-Q1"
    assert "datePublished" not in alone["itemReviewed"]["appearance"][0]


def test_the_rendered_document_is_a_json_array_keeping_accents(rated):
    text = render_claimreview(rated, author_name="Rédaction")
    assert "Rédaction" in text and "\\u00e9" not in text
    documents = json.loads(text)
    assert isinstance(documents, list) and len(documents) == 2


def test_an_author_url_without_a_name_is_refused(rated):
    with pytest.raises(FactcheckError, match="needs a name"):
        claim_reviews(rated, author_url="https://newsroom.example")


# -- the ledger's rating field ------------------------------------------------------------

GOOD = """\
[[claim]]
id = "deal-value"
source = "001_ebd9e7abab382413"
subject = "OpenAI"
predicate = "deal_value"
object = "CoreWeave"
quote = "un accord de 11,9 milliards de dollars sur cinq ans"
value = "11,9 milliards de dollars"
"""


def _load(workspace, toml):
    (workspace / "claims" / "rated.toml").write_text(toml, encoding="utf-8")
    return load_ledger(workspace / "claims", load_corpus(workspace / "seeds"))


def test_a_rating_section_is_read_into_the_claim(workspace):
    claim = _load(workspace, GOOD + RATING)["deal-value"]
    assert claim.rating == Rating(verdict="Trompeur", date="2025-03-20", value=2, best=5,
                                  worst=1, claim_reviewed="Acme a levé 12 millions d'euros",
                                  url="https://factcheck.example/acme-12m")


def test_an_inline_rating_table_reads_like_a_section(workspace):
    claim = _load(workspace, GOOD + 'rating = { verdict = "Faux", date = "2025-03-12", '
                  'value = "1.5", best = "2" }\n')["deal-value"]
    assert claim.rating.verdict == "Faux" and str(claim.rating.date) == "2025-03-12"
    assert str(claim.rating.value) == "1.5"


BAD_RATINGS = [
    ('verdict = 3\ndate = "2025-03-12"', "verdict", "must be non-empty text"),
    ('verdict = "  "\ndate = "2025-03-12"', "verdict", "must be non-empty text"),
    ('date = "2025-03-12"', "verdict", "`rating.verdict` is required"),
    ('verdict = "Faux"', "date", "`rating.date` is required"),
    ('verdict = "Faux"\ndate = "2025-03"', "date", "day the fact-check was published"),
    ('verdict = "Faux"\ndate = "2025-02-30"', "date", "day 30 out of range"),
    ('verdict = "Faux"\ndate = "12/03/2025"', "date", "not a date"),
    ('verdict = "Faux"\ndate = 2025-03-12T10:00:00', "date", "day the fact-check"),
    ('verdict = "Faux"\ndate = 20250312', "date", "day the fact-check"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nvalue = 1.5', "value", "never a float"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nvalue = true', "value", "integer or a decimal"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nbest = "cinq"', "best", "not a number"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nworst = "nan"', "worst", "not a finite number"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nurl = "factcheck.example"', "url", "https://"),
    ('verdict = "Faux"\ndate = "2025-03-12"\ncolour = "red"', "colour", "unknown rating field"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nclaim_reviewed = ""', "claim_reviewed",
     "must be non-empty text"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nvalue = 7\nbest = 5', None, "above best 5"),
    ('verdict = "Faux"\ndate = "2025-03-12"\nbest = 1\nworst = 5', None, "must be below best"),
]


@pytest.mark.parametrize("body, key, message", BAD_RATINGS)
def test_a_bad_rating_names_its_file_line_claim_and_field(workspace, body, key, message):
    toml = GOOD + "\n[claim.rating]\n" + body + "\n"
    with pytest.raises(LedgerError) as error:
        _load(workspace, toml)
    problem, = error.value.problems
    lines = toml.splitlines()
    header = lines.index("[claim.rating]") + 1
    written = [n for n, line in enumerate(lines, start=1)
               if n > header and key and line.startswith(f"{key} =")]
    assert problem.file.endswith("rated.toml")
    assert problem.line == (written[0] if written else header)
    assert problem.claim == "deal-value"
    assert problem.field == (f"rating.{key}" if key else "rating")
    assert message in problem.message
    assert f"rated.toml:{problem.line}, claim 'deal-value', field '{problem.field}'" in \
        str(error.value)


def test_a_rating_that_is_not_a_table_is_reported_on_its_line(workspace):
    toml = GOOD + 'rating = "Faux"\n'
    with pytest.raises(LedgerError) as error:
        _load(workspace, toml)
    problem, = error.value.problems
    assert (problem.field, problem.line) == ("rating", len(toml.splitlines()))
    assert "[claim.rating]" in problem.message


def test_a_bad_inline_rating_points_at_the_rating_line(workspace):
    toml = GOOD + 'rating = { verdict = "Faux", date = "2025-13-01" }\n'
    with pytest.raises(LedgerError) as error:
        _load(workspace, toml)
    problem, = error.value.problems
    assert (problem.field, problem.line) == ("rating.date", len(toml.splitlines()))


def test_check_reports_a_bad_rating_with_exit_2(workspace, capsys):
    (workspace / "claims" / "bad.toml").write_text(
        GOOD + '\n[claim.rating]\nverdict = "Faux"\ndate = "hier"\n', encoding="utf-8")
    code = main(["check", "--claims", str(workspace / "claims"),
                 "--sources", str(workspace / "seeds")])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad.toml:12, claim 'deal-value', field 'rating.date'" in err


# -- JSON-LD inside HTML ------------------------------------------------------------------

def test_jsonld_script_cannot_be_closed_by_a_quote_and_parses_back():
    document = {"claimReviewed": "</script><script>alert(1)</script> & <!-- \u2028\u2029"}
    element = jsonld_script(document)
    assert element.startswith('<script type="application/ld+json">')
    assert element.endswith("</script>")
    inner = element[len('<script type="application/ld+json">'):-len("</script>")]
    assert not set(inner) & {"<", ">", "&", "\u2028", "\u2029"}
    assert "\\u003c/script\\u003e" in inner and "\\u0026" in inner and "\\u2028" in inner
    assert json.loads(inner) == document


def test_jsonld_script_of_the_rated_claims_round_trips(rated):
    documents = claim_reviews(rated)
    element = jsonld_script(documents)
    inner = element.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(inner) == documents
    assert textwrap.dedent(inner).strip().startswith("[")


def test_the_documented_example_is_the_output_of_a_real_run(seeds_review):
    from conftest import ROOT

    docs = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    section = docs.split("## ClaimReview", 1)[1]
    example = section.split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(example) == claim_reviews(seeds_review, "Rédaction Factcheck",
                                                "https://example.org/factcheck")
