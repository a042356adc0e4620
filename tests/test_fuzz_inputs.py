"""Random ledgers and corpora through `factcheck check` and `factcheck review`.

Strategy: each example writes a corpus folder and a claims folder to disk and runs both
commands on them.
- Articles are random bytes (often not UTF-8) or text assembled from news-like fragments.
- sources.toml holds random [[source]] tables (ids, file names, languages, dates and unknown
  fields drawn from valid and invalid values), or random bytes.
- Claim files hold random [[claim]] tables. Quotes are often real passages of an article
  and values real words of the quote, so some claims verify; every field may also be
  missing, of the wrong type, or nonsense (NaN figures, unknown stances, bad dates,
  duplicate ids, unknown sources).

Properties:
- Both commands end with exit code 0, 1 or 2: never a traceback, never an internal error.
- Every claim is accounted for. If check exits 0 or 1, it verified as many claims as the
  files hold. If it exits 2 on a readable corpus, every claim the errors do not name
  verifies on its own: none was dropped without a word.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings, strategies as st

from factcheck.cli import main
from factcheck.corpus import load_corpus
from factcheck.errors import CorpusError, FactcheckError
from factcheck.ledger import load_ledger

FRAGMENTS = ["OpenAI a levé 10 milliards de dollars", "en janvier dernier",
             "Microsoft a investi environ 14 milliards de dollars dans OpenAI",
             "selon Reuters", "plus de 4 %", "CoreWeave", "$12B in 2024", "le 21 janvier",
             "Photo © AFP.", "entre 20 et 49 %", "11,9 milliards", "Stargate", "\n", ". ",
             "NaN", "<script>x</script>", "=SUM(A1)"]
IDS = ["a", "b", "c", "", "a b"]
SOURCE_IDS = ["s1", "s2", "s3"]

texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map(" ".join)
articles = st.one_of(texts.map(lambda t: t.encode("utf-8")),
                     texts.map(lambda t: t.encode("utf-8")), st.binary(max_size=200))
scalars = st.one_of(st.text(max_size=12), st.integers(-5, 10**30), st.booleans(),
                    st.floats(allow_nan=True), st.sampled_from(["NaN", "Infinity", "-1e999"]))


@st.composite
def corpora(draw) -> dict[str, bytes]:
    """The files of a corpus folder, by name."""
    files = {f"{sid}.txt": draw(articles) for sid in draw(st.lists(
        st.sampled_from(SOURCE_IDS), min_size=1, max_size=3, unique=True))}
    if draw(st.integers(0, 2)) == 0:
        entries = []
        for name in files:
            entry = {"id": name[:-4], "file": name,
                     "language": draw(st.sampled_from(["fr", "en", "", "de", 5])),
                     "published": draw(st.sampled_from(["2025-03-11", "2025-03", "2025-13",
                                                         "garbage", 2025]))}
            for key in draw(st.lists(st.sampled_from(
                    ["id", "file", "language", "published", "publisher", "colour"]),
                    max_size=2)):
                entry[key] = draw(scalars)
            entries.append(entry)
        files["sources.toml"] = draw(st.one_of(
            st.just(toml_tables("source", entries)), st.binary(max_size=60)))
    return files


# passages the articles may hold, with the words of each that a ledger `value` may quote
FIGURES = {"OpenAI a levé 10 milliards de dollars": "10 milliards de dollars",
           "Microsoft a investi environ 14 milliards de dollars dans OpenAI":
               "environ 14 milliards de dollars",
           "plus de 4 %": "plus de 4 %", "le 21 janvier": "21 janvier",
           "entre 20 et 49 %": "entre 20 et 49 %", "11,9 milliards": "11,9 milliards"}


@st.composite
def ledgers(draw, corpus: dict[str, bytes]) -> dict[str, bytes]:
    """Claim files, by name: clean tables quoting a figure of an article, and tables that
    quote at random, with random damage."""
    articles = {n[:-4]: t.decode("utf-8", "replace") for n, t in corpus.items()
                if n.endswith(".txt")}
    files = {}
    serial = 0
    for number in range(draw(st.integers(1, 2))):
        tables = []
        for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):
            serial += 1
            source = draw(st.sampled_from(sorted(articles)))
            text = articles[source]
            quoted = [passage for passage in FIGURES if passage in text]
            if quoted and draw(st.integers(0, 3)) > 0:
                passage = draw(st.sampled_from(quoted))
                tables.append({"id": f"clean-{serial}", "source": source, "subject": "OpenAI",
                               "predicate": "funds_raised", "quote": passage,
                               "value": FIGURES[passage]})
                continue
            start = draw(st.integers(0, max(0, len(text) - 1)))
            quote = text[start:start + draw(st.integers(1, 60))]
            words = quote.split() or [quote]
            table = {"id": draw(st.sampled_from(IDS)),
                     "source": draw(st.sampled_from(SOURCE_IDS + ["unknown"])),
                     "subject": "OpenAI", "predicate": draw(st.sampled_from(
                         ["funds_raised", "investment", "announced", "no_such"])),
                     "quote": quote, "value": draw(st.one_of(st.sampled_from(words),
                                                            st.booleans()))}
            for key in draw(st.lists(st.sampled_from(
                    ["stance", "about", "normalized", "scope", "since", "accepted", "rating",
                     "category", "quote", "colour"]), max_size=2)):
                table[key] = draw(st.one_of(scalars, st.just({"value": "NaN"}),
                                            st.just({"unit": ["USD"]})))
            tables.append(table)
        files[f"f{number}.toml"] = toml_tables("claim", tables).encode("utf-8")
    return files


def toml_tables(name: str, tables: list[dict]) -> bytes | str:
    """Arrays of tables as TOML text (JSON string escapes are TOML escapes)."""
    def value(item: object) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, dict):
            return "{ " + ", ".join(f"{k} = {value(v)}" for k, v in item.items()) + " }"
        if isinstance(item, list):
            return "[" + ", ".join(value(v) for v in item) + "]"
        if isinstance(item, float):
            return repr(item).replace("inf", "inf").replace("nan", "nan")
        if isinstance(item, int):
            return str(item)
        return json.dumps(item)

    return "\n".join(f"[[{name}]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in t.items())
                     for t in tables)


def write(folder: Path, files: dict[str, bytes | str]) -> Path:
    folder.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_check_and_review_of_random_input_end_with_a_verdict_or_a_message(data, capsys):
    corpus_files = data.draw(corpora(), label="corpus")
    ledger_files = data.draw(ledgers(corpus_files), label="ledger")
    with tempfile.TemporaryDirectory() as scratch:
        sources = write(Path(scratch) / "sources", corpus_files)
        claims = write(Path(scratch) / "claims", ledger_files)
        capsys.readouterr()
        code = main(["check", "--sources", str(sources), "--claims", str(claims)])
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), err
        assert "Traceback" not in err and "internal error" not in err, err
        event(f"check exit {code}")  # see the spread with --hypothesis-show-statistics
        accounted_for(code, out, err, sources, claims, ledger_files)

        review_code = main(["review", str(sources), "--claims", str(claims), "--format",
                            "json", "--no-progress"])
        out, err = capsys.readouterr()
        assert review_code in (0, 1, 2), err
        assert "Traceback" not in err and "internal error" not in err, err
        if review_code != 2:
            json.loads(out)


def accounted_for(code: int, out: str, err: str, sources: Path, claims: Path,
                  ledger_files: dict[str, bytes]) -> None:
    """Every claim table was verified, or named in an error, or the corpus itself failed."""
    written = sum(text.count(b"[[claim]]") for text in ledger_files.values())
    if code in (0, 1):
        assert out.startswith(f"ok: {written} claims"), out
        return
    try:
        corpus = load_corpus(sources)
    except CorpusError:
        return  # the corpus's own problems were reported; no claim could be checked
    for name, text in ledger_files.items():
        for block in text.decode("utf-8").split("[[claim]]")[1:]:
            single = claims.parent / "single"
            shutil.rmtree(single, ignore_errors=True)
            single.mkdir()
            (single / name).write_text("[[claim]]" + block, encoding="utf-8")
            claim_id = next((json.loads(line.split("=", 1)[1]) for line in block.splitlines()
                             if line.startswith("id = ")), None)
            if claim_id and f"claim {claim_id!r}" in err:
                continue  # named in an error
            try:
                load_ledger(single, corpus)
            except FactcheckError as exc:
                # not named by id: the error must still point at its file
                assert name in err, f"a claim of {name} failed ({exc}) but {err!r}"
