"""Accuracy and speed of factcheck's extraction, side by side with its Python peers.

    python benchmarks/extraction.py                 # full run: a few MB of news-like text
    python benchmarks/extraction.py --smoke         # seconds: a check that it still runs
    python benchmarks/extraction.py --hostile       # speed on hostile text only
    python benchmarks/extraction.py --breakdown     # where the time goes, stage by stage
    python benchmarks/extraction.py --fingerprint   # one hash of every mention: a change that
                                                    # must not change what is read keeps it
    python benchmarks/extraction.py --stream-megabytes 10 100   # `factcheck extract` on big files

Accuracy: precision, recall and F1 per kind on the hand-annotated seed articles
(development set) and on thirty English sentences annotated before the extractor saw them
(held-out set). "strict" needs the same value, interval, unit and approximation (or date
bounds); "value" only needs the value within 0.5 % (or a day inside the annotated period),
which is the fair score for peers that give no intervals.

Hostile text: speed through `extract` on text dense with number-like tokens that make no
mention ("1 1 1", "$$$", "cent-cent-cent", long digit groups...) and on a whole article on
one line: every input must run at 1 MB/s or more.

Streaming: `factcheck extract` run in a process of its own on a French file of the given
size (the seed articles over and over), which it reads as a stream: wall time, MB/s and the
process's peak memory (its maximum resident set size), which stays flat as the file grows.

Peers, when the `bench` extra is installed (pip install ".[bench]"): dateparser's
search_dates (dates), quantulum3 (quantities; English only, so French text goes through its
English model) and text2num's alpha2digit (number words only: speed alone). Peers are timed
on a sample of the text, since they are slow; characters per second compare fairly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import PartialDate, extract  # noqa: E402
from factcheck.extract.evaluate import (Annotations, by_group, load_annotations,  # noqa: E402
                                        pooled, score, strict_match, value_match)
from factcheck.extract.records import mention_record  # noqa: E402

ANNOTATIONS = ROOT / "benchmarks" / "annotations"
KINDS = ("money", "percent", "count", "duration", "date")
QUANTITY_KINDS = ("money", "percent", "count", "duration")

Extractor = Callable[[str, str, str | None], list[dict[str, Any]]]


def ours(text: str, language: str, published: str | None) -> list[dict[str, Any]]:
    return [mention_record(m) for m in extract(text, language, published)]


def _locate(text: str, pieces: Iterable[str]) -> Iterable[tuple[int, int]]:
    position = 0
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:
            start = text.find(piece)
        if start < 0:
            continue
        position = start + len(piece)
        yield start, start + len(piece)


def dateparser_dates(text: str, language: str, published: str | None) -> list[dict[str, Any]]:
    from dateparser.search import search_dates
    day = PartialDate.parse(published).start if published else dt.date(2025, 1, 1)
    base = dt.datetime(day.year, day.month, day.day)
    found = search_dates(text, languages=[language], settings={"RELATIVE_BASE": base}) or []
    records = []
    for (start, end), (_, moment) in zip(_locate(text, (s for s, _ in found)), found):
        day = moment.date().isoformat()
        records.append({"start": start, "end": end, "kind": "date", "date_start": day,
                        "date_end": day})
    return records


_QUANTULUM_KINDS = {"currency": "money", "time": "duration"}


def quantulum_quantities(text: str, language: str, published: str | None) -> list[dict[str, Any]]:
    from quantulum3 import parser
    records = []
    for quantity in parser.parse(text, lang="en_US"):
        entity, unit = quantity.unit.entity.name, quantity.unit.name
        kind = "percent" if unit == "percentage" else _QUANTULUM_KINDS.get(entity)
        if kind is None and entity == "dimensionless" and unit != "dimensionless":
            kind = "count"
        if kind is None:
            continue  # a bare number: not a mention of anything
        start, end = quantity.span
        records.append({"start": start, "end": end, "kind": kind, "value": quantity.value})
    return records


def accuracy(name: str, extractor: Extractor, sets: dict[str, Annotations],
             kinds: Iterable[str], matches: dict[str, Callable]) -> list[str]:
    rows = []
    for set_name, annotated in sets.items():
        predictions = {d.id: extractor(d.text, d.language, d.published)
                       for d in annotated.documents.values()}
        for match_name, match in matches.items():
            counts = score(annotated, predictions, match)
            cells = []
            for kind in KINDS:
                c = counts.get(kind)
                if kind not in kinds or c is None:
                    cells.append("n/a")
                else:  # precision is undefined when nothing was found: show a dash
                    precision = f"{c.precision:.2f}" if c.tp + c.fp else "–"
                    cells.append(f"{precision}/{c.recall:.2f}/{c.f1:.2f}")
            quantities = ("n/a" if not set(QUANTITY_KINDS) & set(kinds)
                          else f"{pooled(counts, QUANTITY_KINDS).f1:.2f}")
            rows.append(f"| {name} | {set_name} | {match_name} | " + " | ".join(cells)
                        + f" | {quantities} |")
    return rows


ENGLISH_ARTICLE = ROOT / "benchmarks" / "texts" / "english-article.txt"


def timed_texts(megabytes: float, sets: dict[str, Annotations]) -> list[tuple[str, str, str]]:
    """(label, text, language): the French seeds, an English article written in their
    register, and the dense English sentences, each repeated to its share of `megabytes`."""
    pieces = [("French seeds", "fr", 0.6,
               "\n\n".join(d.text for d in sets["seeds (fr, dev)"].documents.values())),
              ("English article", "en", 0.3, ENGLISH_ARTICLE.read_text(encoding="utf-8")),
              ("English sentences", "en", 0.1,
               "\n\n".join(d.text for d in sets["English (held-out)"].documents.values()))]
    out = []
    for label, language, share, text in pieces:
        repeat = max(1, int(megabytes * 1_000_000 * share) // len(text.encode()))
        out.append((label, "\n\n".join([text] * repeat), language))
    return out


# (label, language, piece): each piece is repeated to the size of the hostile text
HOSTILE = [
    ("digit and space (\"1 1 1\")", "fr", "1 "),
    ("dollar signs (\"$$$\")", "en", "$"),
    ("hyphenated number word (\"cent-cent\")", "fr", "cent-"),
    ("digits and commas (\"1,1,1\")", "en", "1,"),
    ("digits and dots (\"1.1.1\")", "en", "1."),
    ("long digit groups (\"12 345 678 …\")", "fr", "12 345 678 "),
    ("percent signs (\"%%%\")", "fr", "%"),
    ("hyphens (\"- - -\")", "fr", "- "),
    ("scale word (\"milliards milliards\")", "fr", "milliards "),
    ("number word (\"trois trois\")", "fr", "trois "),
    ("ordinal (\"1er 1er\")", "fr", "1er "),
    ("years without cue (\"2019 2020\")", "fr", "2019 2020 2021 2022 "),
    ("digits without spaces", "fr", "1"),
    # a text may open with what a long run then refers back to
    ("counts after one amount, no full stop", "en", "3 GPUs and ", "It cost $5 and then "),
    ("days alone, no publication date", "fr", "Rendez-vous le 27, "),
    ("figures, then anaphoric years", "fr", "12 %, l'année suivante, "),
]
ONE_LINE_MEGABYTES = 20.0  # the single-line article, beside HOSTILE's noise


def hostile_texts(megabytes: float, seeds: Iterable[str]) -> list[tuple[str, str, str]]:
    """(label, text, language): HOSTILE's pieces repeated to `megabytes` (after their
    head, if any), and the seed
    articles with their line breaks turned into spaces, repeated on one line to
    ONE_LINE_MEGABYTES times as much (its photo credits "©" included)."""
    out = []
    for label, language, piece, *head in HOSTILE:
        out.append((label, "".join(head) + piece * max(
            1, int(megabytes * 1_000_000) // len(piece.encode())), language))
    line = " ".join(" ".join(seeds).split())
    size = megabytes * ONE_LINE_MEGABYTES * 1_000_000
    out.append(("French seeds on one line", " ".join([line] * max(1, int(size) // len(
        line.encode()))), "fr"))
    return out


def hostile_speed(texts: list[tuple[str, str, str]], repeats: int) -> list[str]:
    """One table row per hostile text: size, mentions found and MB/s through `extract`."""
    rows = []
    for label, text, language in texts:
        mentions = len(extract(text, language, "2025-03"))
        megabytes = len(text.encode()) / 1e6
        speed = throughput(lambda: extract(text, language, "2025-03"), len(text), repeats)
        rows.append(f"| {label} | {language} | {megabytes:.2f} | {mentions:,} "
                    f"| {speed / len(text) * megabytes:.2f} |")
    return rows


def throughput(run: Callable[[], object], characters: int, repeats: int) -> float:
    """Median characters per second over `repeats` runs."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return characters / statistics.median(seconds)


def stream_speed(megabytes: float, seeds: Iterable[str]) -> str:
    """One table row: `factcheck extract` on a French file of `megabytes` MB (the seed
    articles over and over), run in a process of its own: mentions, wall time, MB/s and the
    process's peak resident memory."""
    article = "\n\n".join(seeds) + "\n\n"
    size = int(megabytes * 1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        with open(path, "w", encoding="utf-8") as out:
            written = 0
            while written < size:
                written += out.write(article)
        size = path.stat().st_size
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "factcheck", "extract", str(path),
                                  "--lang", "fr", "--published", "2025-03"],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None
        mentions = sum(1 for _ in child.stdout)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(f"factcheck extract failed with exit code {child.returncode}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    peak = usage.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    return (f"| {size / 1e6:.1f} | {mentions:,} | {seconds:.1f} | {size / 1e6 / seconds:.2f} "
            f"| {peak:.0f} |")


def print_stream(sizes: Iterable[float], sets: dict[str, Annotations]) -> None:
    seeds = [d.text for d in sets["seeds (fr, dev)"].documents.values()]
    print("## Streaming: `factcheck extract` on a large file\n")
    print("One process per file (`python -m factcheck extract FILE --lang fr`, output "
          "counted through a pipe); wall time, so it includes the start of Python.\n")
    print("| file MB | mentions | seconds | MB/s | peak RSS (MB) |\n|---|---|---|---|---|")
    for megabytes in sizes:
        print(stream_speed(megabytes, seeds))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=3.0, help="size of the timed text")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--peer-kilobytes", type=float, default=40.0,
                        help="size of the sample the peers are timed on")
    parser.add_argument("--hostile-megabytes", type=float, default=1.0,
                        help="size of each hostile text (the one-line article: 20 times this)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat, no peers")
    parser.add_argument("--hostile", action="store_true",
                        help="only the speed on hostile text (part of the full run)")
    parser.add_argument("--round2", action="store_true",
                        help="only the per-class scores on the round-two held-out set")
    parser.add_argument("--fingerprint", action="store_true",
                        help="only the number of mention records of the timed texts and the "
                        "round-two documents, each read with three publication dates, and "
                        "their hash")
    parser.add_argument("--breakdown", action="store_true",
                        help="only where the time goes: triggers alone, triggers and the "
                        "master pattern, then the whole extraction, per timed text")
    parser.add_argument("--stream-megabytes", type=float, nargs="+", metavar="MB",
                        help="only `factcheck extract` on French files of these sizes, "
                        "streamed: time and peak memory (e.g. 10 100)")
    args = parser.parse_args(argv)
    if args.round2:
        print_round2()
        return 0
    if args.smoke:
        args.megabytes, args.repeats, args.peer_kilobytes = 0.05, 1, 0
        args.hostile_megabytes = 0.01

    sets = {"seeds (fr, dev)": load_annotations(ANNOTATIONS / "seeds.toml", ROOT / "seeds"),
            "English (held-out)": load_annotations(ANNOTATIONS / "english-heldout.toml")}
    if args.hostile:
        print_hostile(args, sets)
        return 0
    if args.stream_megabytes:
        print_stream(args.stream_megabytes, sets)
        return 0
    if args.breakdown:
        print_breakdown(args, sets)
        return 0
    if args.fingerprint:
        print_fingerprint(sets)
        return 0
    peers = {name: importlib.util.find_spec(module) is not None
             for name, module in (("dateparser", "dateparser"), ("quantulum3", "quantulum3"),
                                  ("text2num", "text_to_num"))}
    if args.smoke:
        peers = dict.fromkeys(peers, False)

    print("## Accuracy (precision/recall/F1)\n")
    print("| extractor | set | scoring | " + " | ".join(KINDS) + " | quantities pooled |")
    print("|---|---|---|" + "---|" * (len(KINDS) + 1))
    both = {"strict": strict_match, "value": value_match}
    for row in accuracy("factcheck", ours, sets, KINDS, both):
        print(row)
    if peers["dateparser"]:
        for row in accuracy("dateparser", dateparser_dates, sets, ("date",),
                            {"value": value_match}):
            print(row)
    if peers["quantulum3"]:
        for row in accuracy("quantulum3", quantulum_quantities, sets, QUANTITY_KINDS,
                            {"value": value_match}):
            print(row)

    texts = timed_texts(args.megabytes, sets)
    french, english = texts[0][1], texts[1][1]
    print("\n## Speed\n")
    print(f"One process, one core, median of {args.repeats} runs; each text is repeated to "
          "its share of the total.\n")
    print("| text | characters | MB (UTF-8) | mentions per 1,000 characters "
          "| M characters/s | MB/s |\n|---|---|---|---|---|---|")
    for label, text, language in texts:
        mentions = len(extract(text, language, "2025-03"))
        speed = throughput(lambda: extract(text, language, "2025-03"), len(text), args.repeats)
        megabytes = len(text.encode()) / 1e6
        print(f"| {label} | {len(text):,} | {megabytes:.2f} | {1000 * mentions / len(text):.1f} "
              f"| {speed / 1e6:.2f} | {speed / 1e6 * megabytes * 1e6 / len(text):.2f} |")
    tracemalloc.start()
    extract(french, "fr", "2025-03")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"\nPeak memory allocated while extracting the French text: {peak / 1e6:.1f} MB "
          f"(tracemalloc); process peak RSS: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB.\n")

    sample_chars = int(args.peer_kilobytes * 1000)
    if sample_chars and any(peers.values()):
        sample_fr, sample_en = french[:int(sample_chars * 0.8)], english[:int(sample_chars * 0.2)]
        sample = len(sample_fr) + len(sample_en)
        print(f"Peers timed on a {sample / 1000:.0f} k-character sample (median of 3 runs); "
              f"factcheck on the same sample for the ratio.\n")
        print("| extractor | characters/s | factcheck is ... times faster |\n|---|---|---|")
        mine = throughput(lambda: (extract(sample_fr, "fr", "2025-03"),
                                   extract(sample_en, "en", "2025-03")), sample, 3)
        print(f"| factcheck | {mine:,.0f} | 1 |")
        runs: dict[str, Callable[[], object]] = {}
        if peers["dateparser"]:
            runs["dateparser search_dates"] = lambda: (
                dateparser_dates(sample_fr, "fr", "2025-03"), dateparser_dates(sample_en, "en", "2025-03"))
        if peers["quantulum3"]:
            quantulum_quantities("warm up: 5 dollars", "en", None)  # loads its model once
            runs["quantulum3 parse"] = lambda: (
                quantulum_quantities(sample_fr, "fr", None), quantulum_quantities(sample_en, "en", None))
        if peers["text2num"]:
            from text_to_num import alpha2digit
            runs["text2num alpha2digit (number words only)"] = lambda: (
                alpha2digit(sample_fr, "fr"), alpha2digit(sample_en, "en"))
        for name, run in runs.items():
            speed = throughput(run, sample, 3)
            print(f"| {name} | {speed:,.0f} | {mine / speed:.1f} |")
    print()
    print_round2()
    print()
    print_hostile(args, sets)
    if args.smoke:  # the streaming path, on a small file (a full run: --stream-megabytes)
        print()
        print_stream([0.2], sets)
    return 0


ROUND2_KINDS = ("money", "percent", "count", "duration", "date", "ratio")


def _cell(counts: Any) -> str:
    return f"{counts.precision:.2f}/{counts.recall:.2f}/{counts.f1:.2f}"


def print_round2() -> None:
    """Precision/recall/F1 on the round-two held-out set, per kind and per class of wording,
    strict (interval, unit, approximation and change) and value-only."""
    annotations = load_annotations(ANNOTATIONS / "round2-heldout.toml")
    predictions = {doc.id: ours(doc.text, doc.language, doc.published)
                   for doc in annotations.documents.values()}
    print("## Round two, held-out, per class (precision/recall/F1)\n")
    print("| scoring | class | " + " | ".join(ROUND2_KINDS) + " | pooled | tp | fp | fn |")
    print("|---|---|" + "---|" * (len(ROUND2_KINDS) + 4))
    groups = {"all": annotations, **by_group(annotations)}
    for name, match in (("strict", strict_match), ("value", value_match)):
        for group, part in groups.items():
            counts = score(part, {d: predictions[d] for d in part.documents}, match)
            total = pooled(counts, ROUND2_KINDS)
            cells = " | ".join(_cell(counts[k]) if k in counts else "-" for k in ROUND2_KINDS)
            print(f"| {name} | {group} | {cells} | {_cell(total)} | {total.tp} | {total.fp} "
                  f"| {total.fn} |")


FINGERPRINT_DATES = (None, "2025-03-11", "2024-12")
FINGERPRINT_MEGABYTES = 0.5


def print_fingerprint(sets: dict[str, Annotations]) -> None:
    """The mention records of the timed texts (FINGERPRINT_MEGABYTES in all) and of the
    round-two held-out documents, each read with every date of FINGERPRINT_DATES: how many,
    and a hash of them all. Work on speed that must not change what is read keeps both."""
    import hashlib
    import json

    round2 = load_annotations(ANNOTATIONS / "round2-heldout.toml")
    texts = [(text, language) for _, text, language in timed_texts(FINGERPRINT_MEGABYTES, sets)]
    texts += [(d.text, d.language) for d in round2.documents.values()]
    digest, count = hashlib.sha256(), 0
    for text, language in texts:
        for published in FINGERPRINT_DATES:
            for mention in extract(text, language, published):
                record = json.dumps(mention_record(mention), sort_keys=True, default=str)
                digest.update(record.encode())
                count += 1
    print(f"{count} mention records, sha256 {digest.hexdigest()[:16]}")


def print_breakdown(args: argparse.Namespace, sets: dict[str, Annotations]) -> None:
    """Time per timed text with the scan cut short at each of its stages: the trigger scan
    alone, then the master pattern around each trigger with no mention built, then the
    whole extraction. The differences are what each stage costs."""
    from factcheck.extract import scan as scan_module  # stages swapped in place, here only
    stages = {"triggers only": {"_first_match": lambda *_: None},
              "triggers and master pattern": {"_mention": lambda match, *_: (None, match.end())},
              "whole extraction": {}}
    print(f"Median of {args.repeats} runs, seconds per text.\n")
    print("| text | " + " | ".join(stages) + " |\n|---|" + "---|" * len(stages))
    for label, text, language in timed_texts(args.megabytes, sets):
        cells = []
        for swaps in stages.values():
            saved = {name: getattr(scan_module, name) for name in swaps}
            try:
                for name, stand_in in swaps.items():
                    setattr(scan_module, name, stand_in)
                speed = throughput(lambda: extract(text, language, "2025-03"), len(text),
                                   args.repeats)
            finally:
                for name, original in saved.items():
                    setattr(scan_module, name, original)
            cells.append(f"{len(text) / speed:.3f}")
        print(f"| {label} | " + " | ".join(cells) + " |")


def print_hostile(args: argparse.Namespace, sets: dict[str, Annotations]) -> None:
    seeds = [d.text for d in sets["seeds (fr, dev)"].documents.values()]
    print("## Hostile text\n")
    print(f"One process, one core, median of {args.repeats} runs; MB/s through `extract`.\n")
    print("| text | language | MB (UTF-8) | mentions | MB/s |\n|---|---|---|---|---|")
    for row in hostile_speed(hostile_texts(args.hostile_megabytes, seeds), args.repeats):
        print(row)


if __name__ == "__main__":
    sys.exit(main())
