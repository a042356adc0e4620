"""The HTML report: self-contained, escaped, its summary true to the JSON, and checked in a
real headless Chromium (the page renders, injected markup never runs, a phone-width screen
does not scroll sideways)."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck import review, review_record
from factcheck.cli import main
from factcheck.report import format_for, render
from factcheck.report.html import summary_counts, text_fragment_url

from browser import CHROMIUM, dump_dom
from hostile import SCRIPT, hostile_sources, write_hostile_corpus

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed; .ci/run installs it")


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and its text."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_review():
    return review(hostile_sources())


@pytest.fixture(scope="module")
def seeds_page(seeds_review, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(render(seeds_review, "html"), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def hostile_page(hostile_review, tmp_path_factory) -> Path:
    page = tmp_path_factory.mktemp("hostile") / "report.html"
    page.write_text(render(hostile_review, "html"), encoding="utf-8")
    return page


def counts_shown(page: str) -> dict[str, int]:
    return {key: int(n) for key, n in
            re.findall(r'data-count="(\w+)"><strong>(\d+)</strong>', page)}


# -- the page as written ---------------------------------------------------------------

def test_report_is_one_file_with_no_script_and_no_external_resource(seeds_page):
    elements = Elements(seeds_page.read_text(encoding="utf-8"))
    tags = {tag for tag, _ in elements.tags}
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    assert "style" in tags  # the CSS is inline
    sources = [attrs.get("src") for _, attrs in elements.tags if "src" in attrs]
    assert sources == []


def test_summary_counts_match_the_review_json(seeds_review, seeds_page):
    shown = counts_shown(seeds_page.read_text(encoding="utf-8"))
    summary = review_record(seeds_review)["summary"]
    assert shown["sources"] == summary["sources"]
    assert shown["claims"] == summary["claims"]
    assert shown["unclassified"] == summary["unclassified"]
    for kind in ("conflict", "tension", "corroboration"):
        assert shown[kind] == summary["findings"].get(kind, 0)


def test_every_disputed_fact_has_a_section_with_each_source_quote(seeds_review, seeds_page):
    page = seeds_page.read_text(encoding="utf-8")
    disputed = [f for f in seeds_review.findings if f.kind.value in ("conflict", "tension")]
    assert page.count('class="fc-fact conflict"') + page.count('class="fc-fact tension"') \
        == len(disputed)
    for finding in disputed:
        for claim in finding.claims:
            assert f'data-claim="{claim.id}"' in page


def test_the_figure_is_highlighted_inside_its_quote(seeds_page):
    page = seeds_page.read_text(encoding="utf-8")
    assert "<mark>environ 14 milliards de dollars</mark>" in page
    assert "<mark>février dernier</mark>" in page


def test_numbers_and_dates_get_an_interval_chart_on_a_shared_axis(seeds_review, seeds_page):
    page = seeds_page.read_text(encoding="utf-8")
    tension, = [f for f in seeds_review.findings
                if f.kind.value == "tension" and f.check.value == "number"]
    section = page[page.index(f'data-claim="{tension.claims[0].id}"') - 6000:]
    assert section.count("<svg") >= 1
    charts = re.findall(r"<svg.*?</svg>", page, re.S)
    # one chart per number or date finding, one bar per claim
    expected = [f for f in seeds_review.findings if f.check.value in ("number", "date")]
    assert len(charts) == len(expected)
    for chart, finding in zip(charts, expected, strict=True):
        assert chart.count('class="fc-bar') == len(finding.claims)


def test_hostile_text_stays_text_in_the_html(hostile_review):
    page = render(hostile_review, "html")
    elements = Elements(page)
    assert [tag for tag, _ in elements.tags if tag in ("script", "img", "b", "i")] == []
    handlers = [name for _, attrs in elements.tags for name in attrs if name.startswith("on")]
    assert handlers == []
    assert "javascript:" not in " ".join(str(a.get("href")) for _, a in elements.tags)
    text = "".join(elements.text)
    assert '<script>document.title="pwned"</script>' in text  # shown, as text
    assert "<b>Evil</b> News" in text


def test_a_source_link_points_at_its_quote_with_a_text_fragment():
    url = text_fragment_url("https://example.org/a#top", "un accord de 11,9 milliards - hier")
    assert url == ("https://example.org/a#:~:text=un%20accord%20de%2011%2C9%20milliards"
                   "%20%2D%20hier")


def test_a_long_quote_links_by_its_first_and_last_words():
    quote = "un deux trois quatre cinq six sept huit neuf dix onze douze"
    assert text_fragment_url("https://x.org", quote).endswith(
        "text=un%20deux%20trois%20quatre%20cinq,huit%20neuf%20dix%20onze%20douze")


def test_summary_counts_count_every_finding_kind(seeds_review):
    counts = summary_counts(seeds_review)
    assert sum(counts[k.value] for k in type(seeds_review.findings[0].kind)) == len(
        seeds_review.findings)


# -- the command line ------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [("r.html", "html"), ("R.HTM", "html"),
                                           ("r.md", "md"), ("r.json", "json"),
                                           ("r.csv", "csv"), ("r.jsonld", "claimreview"),
                                           ("r.txt", None)])
def test_the_output_extension_names_the_format(name, fmt):
    assert format_for(name) == fmt


def test_cli_writes_the_html_report_the_output_file_names(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["review", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""  # the report went to the file; messages to stderr
    assert "finding(s)" in captured.err
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_format_option_wins_over_the_extension(tmp_path):
    out = tmp_path / "report.html"
    assert main(["review", "--format", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 1


def test_cli_refuses_an_output_whose_format_it_cannot_tell(tmp_path, capsys):
    assert main(["review", "-o", str(tmp_path / "report.txt")]) == 2
    assert "--format" in capsys.readouterr().err
    assert not (tmp_path / "report.txt").exists()


def test_cli_exit_zero_reports_disagreements_without_failing(tmp_path, capsys):
    corpus = str(write_hostile_corpus(tmp_path / "hostile"))
    assert main(["review", corpus, "--format", "md"]) == 1
    assert main(["review", corpus, "--format", "md", "--exit-zero"]) == 0
    assert "1 disagreement(s)" in capsys.readouterr().err


# -- in a real browser -----------------------------------------------------------------

@needs_chromium
def test_browser_renders_the_report_with_the_summary_of_the_json(seeds_review, seeds_page):
    dom = dump_dom(seeds_page)
    assert "<h1>factcheck review</h1>" in dom
    summary = review_record(seeds_review)["summary"]
    shown = counts_shown(dom)
    assert shown["sources"] == summary["sources"]
    for kind in ("conflict", "tension", "corroboration"):
        assert shown[kind] == summary["findings"].get(kind, 0)


@needs_chromium
def test_browser_never_runs_markup_injected_by_a_source(hostile_page):
    dom = dump_dom(hostile_page)
    assert "<title>factcheck review</title>" in dom  # no script renamed the page
    assert "pwned</title>" not in dom
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;" in dom  # the markup is shown as text


@needs_chromium
@pytest.mark.parametrize("page_name", ["seeds_page", "hostile_page"])
@pytest.mark.parametrize("width", [320, 375])
def test_browser_at_phone_width_does_not_scroll_sideways(page_name, width, request, tmp_path):
    page: Path = request.getfixturevalue(page_name)
    # headless Chromium's window is at least 500 px wide: the report is laid out in a
    # phone-wide frame instead, which a probe in the (same-origin) parent page measures
    probe = tmp_path / "probe.html"
    probe.write_text(phone_probe(page.read_text(encoding="utf-8"), width), encoding="utf-8")
    dom = dump_dom(probe)
    measured = re.search(r'data-width="(\d+)" data-overflow="(-?\d+)"', dom)
    assert measured is not None, "the probe did not run"
    assert int(measured.group(1)) == width
    assert int(measured.group(2)) <= 0


@needs_chromium
def test_phone_probe_sees_a_page_wider_than_the_phone(tmp_path):
    probe = tmp_path / "probe.html"
    probe.write_text(phone_probe('<!DOCTYPE html><body><div style="width:900px">wide</div></body>',
                                 375),
                     encoding="utf-8")
    measured = re.search(r'data-overflow="(-?\d+)"', dump_dom(probe))
    assert measured is not None and int(measured.group(1)) > 0


def phone_probe(report: str, width: int) -> str:
    """A page that shows `report` in a frame `width` pixels wide and writes into its own
    body the frame's width and how far the report overflows it sideways."""
    return (f'<!DOCTYPE html><html><body style="margin:0"><iframe id="phone" '
            f'style="width:{width}px;height:900px;border:0" srcdoc="{escape(report)}">'
            "</iframe><script>"
            "function measure() { const d = phone.contentDocument.scrollingElement;"
            " document.body.dataset.width = d.clientWidth;"
            " document.body.dataset.overflow = d.scrollWidth - d.clientWidth; }"
            # srcdoc loads after this script: the document there now is the initial blank one
            "phone.onload = measure;"
            "</script></body></html>")


# -- a hostile corpus in every format ----------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "md", "json", "csv", "claimreview"])
def test_markup_and_formulas_of_a_hostile_corpus_are_inert_in_every_format(hostile_review, fmt):
    text = render(hostile_review, fmt)
    if fmt in ("html", "md"):  # markup shown as text, never as markup
        assert "<script" not in text and "<img" not in text and "<b>" not in text
        assert "&lt;script&gt;" in text
    if fmt == "json":
        quotes = [c["quote"] for f in json.loads(text)["findings"] for c in f["claims"]]
        assert any(SCRIPT in q for q in quotes)  # data keeps the exact text
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
                   if not re.fullmatch(r"-?\d+(\.\d+)?", cell))
    if fmt == "claimreview":
        assert json.loads(text) == []  # no editor rated a claim: no verdict is published
