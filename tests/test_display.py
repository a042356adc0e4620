"""How claims, findings and reviews show themselves in a notebook: short reprs, escaped HTML,
Markdown, plain records and pandas DataFrames."""

from __future__ import annotations

import json
import sys
from html.parser import HTMLParser

import pytest

from factcheck import FactcheckError, review
from factcheck.review import ROW_COLUMNS

from hostile import hostile_sources


@pytest.fixture(scope="module")
def hostile_review():
    return review(hostile_sources())


class Tags(HTMLParser):
    def __init__(self, fragment: str):
        super().__init__()
        self.tags: list[str] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_review_repr_counts_sources_claims_and_findings(seeds_review):
    text = repr(seeds_review)
    assert text.startswith("<Review: 5 sources, ")
    assert f"{len(seeds_review.findings)} findings" in text
    assert "0 open disagreements" in text


def test_finding_repr_names_the_verdict_and_the_fact(seeds_review):
    finding = next(f for f in seeds_review.findings if f.predicate == "announced")
    assert repr(finding) == ("<Finding conflict: OpenAI · announced · Stargate, 2 claims, "
                             "accepted>")


def test_claim_repr_shows_the_value_as_written_and_its_source(seeds_review):
    claim = next(c for c in seeds_review.claims if c.id == "stargate-announced-channelnews")
    assert repr(claim) == ("<Claim 'stargate-announced-channelnews': OpenAI announced Stargate"
                           " = 'février dernier' in 001_ebd9e7abab382413>")


@pytest.mark.parametrize("pick", ["review", "finding", "claim"])
def test_html_display_is_a_fragment_with_the_markup_of_sources_escaped(hostile_review, pick):
    shown = {"review": hostile_review, "finding": hostile_review.findings[0],
             "claim": hostile_review.claims[0]}[pick]
    fragment = shown._repr_html_()
    tags = Tags(fragment).tags
    assert not {"html", "body", "script", "img", "style"} & set(tags)
    assert "&lt;script&gt;" in fragment or "&lt;img" in fragment


def test_review_html_display_leads_with_the_summary_and_the_disagreements(hostile_review):
    fragment = hostile_review._repr_html_()
    assert fragment.startswith('<ul class="fc-summary">')
    assert fragment.index('data-kind="conflict"') < len(fragment)


@pytest.mark.parametrize("pick", ["review", "finding", "claim"])
def test_markdown_display_is_a_table_with_each_quote(seeds_review, pick):
    finding = next(f for f in seeds_review.findings if f.predicate == "announced")
    shown = {"review": seeds_review, "finding": finding, "claim": finding.claims[0]}[pick]
    text = shown._repr_markdown_()
    assert "| source | wording | stance | quote |" in text
    assert "avant d’annoncer en février dernier" in text


def test_records_are_plain_values_with_one_row_per_claim_of_each_finding(seeds_review):
    records = seeds_review.to_records()
    in_findings = sum(len(f.claims) for f in seeds_review.findings)
    assert len(records) == in_findings + len(seeds_review.unclassified)
    assert all(list(r) == list(ROW_COLUMNS) for r in records)
    json.dumps(records)  # nothing but str, int, float, bool and None
    tension = [r for r in records if r["kind"] == "tension" and r["unit"] == "USD"]
    assert {r["wording"] for r in tension} >= {"environ 14 milliards de dollars"}


def test_to_pandas_gives_a_dataframe_of_the_records(seeds_review):
    pandas = pytest.importorskip("pandas")  # in the test extra, so it runs in CI
    frame = seeds_review.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(ROW_COLUMNS)
    assert len(frame) == len(seeds_review.to_records())
    conflicts = frame[frame["kind"] == "conflict"]
    assert set(conflicts["predicate"]) >= {"announced", "exclusive_provider"}
    assert seeds_review.findings[0].to_pandas().shape[0] == len(seeds_review.findings[0].claims)
    assert seeds_review.claims[0].to_pandas().shape[0] == 1


def test_to_pandas_of_an_empty_review_still_has_the_columns():
    pytest.importorskip("pandas")
    frame = review([], automatic=False).to_pandas()
    assert list(frame.columns) == list(ROW_COLUMNS) and len(frame) == 0


def test_to_pandas_without_pandas_says_how_to_install_it(seeds_review, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'factcheck-ledger\[pandas\]'") as error:
        seeds_review.to_pandas()
    assert isinstance(error.value, FactcheckError)
