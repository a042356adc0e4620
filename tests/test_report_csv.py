"""The CSV report: one row per claim of a finding plus the unclassified figures, a fixed
header, RFC 4180 text, and no cell a spreadsheet would run as a formula."""

import csv
import io
import re
import textwrap
from decimal import Decimal

import pytest

from factcheck.model import (Categorical, Check, Claim, Finding, FindingKind, Provenance,
                             Quantity, Review, Source)
from factcheck.report.csv import COLUMNS, FORMULA_STARTS, NUMERIC_COLUMNS, render_csv
from factcheck.review import CLAIM_COLUMNS, claim_record

from conftest import SEEDS, review_project

SOURCES = """
[[source]]
id = "a"
file = "a.txt"
language = "fr"
publisher = '=HYPERLINK("http://evil.example","clic")'
url = "https://a.example/article"
published = "2025-03-11"

[[source]]
id = "b"
file = "b.txt"
language = "fr"
publisher = "@SUM(1+1)"
url = "https://b.example/article"
published = "2025-03-12"
"""
ARTICLE_A = """\
=HYPERLINK("http://evil.example") Acme a levé 12 millions d'euros.
-2+3 : la marge d'Acme recule de 3,5 %.
<script>alert(1)</script> La tour mesure 300 mètres de haut.
"""
ARTICLE_B = """\
@SUM(A1:A9) Acme a levé 15 millions d'euros.
+cmd : la marge d'Acme recule de 3,5 %.
"""
LEDGER = r"""
[[claim]]
id = "acme-raised-a"
source = "a"
subject = "Acme"
predicate = "funds_raised"
quote = "=HYPERLINK(\"http://evil.example\") Acme a levé 12 millions d'euros."
value = "12 millions d'euros"
note = "=1+1"

[[claim]]
id = "acme-raised-b"
source = "b"
subject = "Acme"
predicate = "funds_raised"
quote = "@SUM(A1:A9) Acme a levé 15 millions d'euros."
value = "15 millions d'euros"
accepted = "+accepted by @editor"

[[claim]]
id = "acme-margin-a"
source = "a"
subject = "Acme"
predicate = "margin_change"
quote = "-2+3 : la marge d'Acme recule de 3,5 %."
value = "3,5 %"
normalized = { value = "-3.5", low = "-3.55", high = "-3.45" }

[[claim]]
id = "acme-margin-b"
source = "b"
subject = "Acme"
predicate = "margin_change"
quote = "+cmd : la marge d'Acme recule de 3,5 %."
value = "3,5 %"
normalized = { value = "-3.5", low = "-3.55", high = "-3.45" }
"""


@pytest.fixture
def hostile(tmp_path):
    """A review of two articles and a ledger full of text that looks like formulas."""
    return review_project(tmp_path, SOURCES, {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B}, LEDGER)


def parse(text):
    """The header and the rows, as dicts by column, read back with csv.reader."""
    header, *rows = csv.reader(io.StringIO(text, newline=""))
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def test_the_header_lists_finding_columns_then_claim_columns_in_the_documented_order(
        seeds_review):
    header, _ = parse(render_csv(seeds_review))
    assert header == list(COLUMNS)
    assert header[:9] == ["finding", "kind", "check", "subject", "predicate", "object",
                          "qualifiers", "explanation", "accepted"]
    assert header[header.index("claim_id"):][:5] == ["claim_id", "source", "publisher",
                                                      "published", "url"]


def test_an_empty_review_still_writes_the_header_and_nothing_else():
    text = render_csv(Review(findings=[], claims=[]))
    assert text == ",".join(COLUMNS) + "\r\n"


def test_rows_end_with_crlf_and_multiline_cells_are_quoted():
    claim = Claim(id="x", subject="Acme", predicate="note", value=Categorical("yes"),
                  provenance=Provenance(source="s", start=0, end=9, quote="two\nlines"))
    finding = Finding(kind=FindingKind.CORROBORATION, check=Check.CATEGORY, subject="Acme",
                      predicate="note", object=None, claims=[claim, claim],
                      explanation='says "yes", twice')
    text = render_csv(Review(findings=[finding], claims=[claim]))
    assert text.count("\r\n") == 3 and '"two\nlines"' in text
    _, rows = parse(text)
    assert [r["quote"] for r in rows] == ["two\nlines", "two\nlines"]
    assert rows[0]["explanation"] == 'says "yes", twice'


def test_there_is_one_row_per_claim_of_each_finding_then_one_per_unclassified_figure(
        seeds_review):
    _, rows = parse(render_csv(seeds_review))
    expected = [(str(n), f.kind.value, c.id)
                for n, f in enumerate(seeds_review.findings, start=1) for c in f.claims]
    expected += [("", "unclassified", c.id) for c in seeds_review.unclassified]
    assert [(r["finding"], r["kind"], r["claim_id"]) for r in rows] == expected
    assert seeds_review.unclassified, "the seeds have unclassified figures to carry"


def test_unclassified_figures_are_kept_with_the_reason_no_predicate_fits(seeds_review):
    _, rows = parse(render_csv(seeds_review))
    unclassified = [r for r in rows if r["kind"] == "unclassified"]
    assert len(unclassified) == len(seeds_review.unclassified)
    assert all(r["note"] and r["wording"] and r["quote"] for r in unclassified)


def test_every_field_of_the_review_claim_record_has_a_column(seeds_review):
    sources = {s.id: s for s in seeds_review.sources}
    renamed = {"id": "claim_id", "subject": "claim_subject", "predicate": "claim_predicate",
               "object": "claim_object", "accepted": "claim_accepted"}
    keys = {renamed.get(k, k) for c in seeds_review.claims for k in claim_record(c, sources)}
    assert keys <= set(CLAIM_COLUMNS)


def test_a_finding_row_marks_the_claims_the_verdict_turns_on(seeds_review):
    _, rows = parse(render_csv(seeds_review))
    stargate = [r for r in rows if r["predicate"] == "announced" and r["object"] == "Stargate"]
    assert {r["wording"]: r["disputed"] for r in stargate} == {"février dernier": "true",
                                                               "janvier": "true"}
    assert all(r["accepted"].startswith("Stargate was announced on 21 January 2025")
               for r in stargate)


def test_cells_that_would_start_a_formula_get_a_leading_apostrophe(hostile):
    _, rows = parse(render_csv(hostile))
    by_id = {r["claim_id"]: r for r in rows}
    raised_a, raised_b = by_id["acme-raised-a"], by_id["acme-raised-b"]
    assert raised_a["publisher"] == "'=HYPERLINK(\"http://evil.example\",\"clic\")"
    assert raised_a["quote"].startswith("'=HYPERLINK(")
    assert raised_a["note"] == "'=1+1"
    assert raised_b["publisher"] == "'@SUM(1+1)"
    assert raised_b["quote"].startswith("'@SUM(A1:A9)")
    assert raised_b["claim_accepted"] == "'+accepted by @editor"
    assert raised_a["accepted"] == "'+accepted by @editor"  # the finding's accepted reason
    assert by_id["acme-margin-a"]["quote"].startswith("'-2+3 :")
    assert by_id["acme-margin-b"]["quote"].startswith("'+cmd :")


def test_no_text_cell_of_a_hostile_corpus_starts_a_formula(hostile):
    _, rows = parse(render_csv(hostile))
    for row in rows:
        for column, cell in row.items():
            if column in NUMERIC_COLUMNS:
                continue
            assert not cell.startswith(FORMULA_STARTS), (column, cell)


def test_the_guard_only_touches_the_first_character(hostile):
    _, rows = parse(render_csv(hostile))
    conflict = next(r for r in rows if r["claim_id"] == "acme-raised-a")
    # The explanation names the hostile publisher mid-sentence: no formula there, left alone.
    assert '=HYPERLINK("http://evil.example","clic") (2025-03-11)' in conflict["explanation"]
    assert not conflict["explanation"].startswith("'")


def test_html_in_a_quote_is_left_as_written_in_csv(hostile):
    _, rows = parse(render_csv(hostile))
    script = [r for r in rows if r["quote"].startswith("<script>")]
    assert script and script[0]["quote"] == \
        "<script>alert(1)</script> La tour mesure 300 mètres de haut."
    assert script[0]["kind"] == "unclassified"


def test_negative_figures_stay_numbers_without_an_apostrophe(hostile):
    _, rows = parse(render_csv(hostile))
    margin = next(r for r in rows if r["claim_id"] == "acme-margin-a")
    assert (margin["value"], margin["low"], margin["high"]) == ("-3.5", "-3.55", "-3.45")
    assert Decimal(margin["value"]) == Decimal("-3.5")
    assert margin["unit"] == "%"


def test_numeric_columns_of_figures_parse_as_numbers(seeds_review):
    _, rows = parse(render_csv(seeds_review))
    figures = [r for r in rows if r["unit"]]
    assert figures
    for row in figures:
        for column in ("value", "low", "high", "start", "end"):
            if row[column]:
                float(row[column])
    assert all(int(r["finding"]) >= 1 for r in rows if r["kind"] != "unclassified")


def test_a_value_column_is_a_number_or_text_by_the_model_type_not_by_its_look():
    source = Source(id="s", text="x", language="en")

    def claim(claim_id, value):
        return Claim(id=claim_id, subject="Acme", predicate="p", value=value,
                     provenance=Provenance(source="s", start=0, end=1, quote="x"))

    figure = claim("figure", Quantity(value=Decimal("-3.5"), low=Decimal("-3.5"),
                                      high=Decimal("-3.5")))
    label = claim("label", Categorical("-3.5"))
    finding = Finding(kind=FindingKind.CONFLICT, check=Check.NUMBER, subject="Acme",
                      predicate="p", object=None, claims=[figure, label], explanation="e")
    _, rows = parse(render_csv(Review(findings=[finding], claims=[figure, label],
                                      sources=[source])))
    assert [r["value"] for r in rows] == ["-3.5", "'-3.5"]


def test_booleans_are_written_true_or_false(seeds_review):
    _, rows = parse(render_csv(seeds_review))
    assert {r["since"] for r in rows} == {"true", "false"}
    assert {r["hedged"] for r in rows if r["kind"] != "unclassified"} <= {"true", "false"}
    exclusive = [r for r in rows if r["predicate"] == "exclusive_provider"]
    assert {r["value"] for r in exclusive} == {"true", "false"}


def test_the_documented_columns_match_the_module(seeds_review):
    docs = (SEEDS.parent / "docs" / "reports.md").read_text(encoding="utf-8")
    section = docs.split("## CSV", 1)[1].split("\n## ", 1)[0]
    listed = [name for line in section.splitlines() if line.startswith("| `")
              for name in re.findall(r"`([a-z_]+)`", line.split("|")[1])]
    assert listed == list(COLUMNS), textwrap.shorten(", ".join(listed), 200)
