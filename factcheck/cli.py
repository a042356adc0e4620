"""The `factcheck` command line: review a corpus, check the ledger, extract figures and dates.

Data goes to stdout (or `-o FILE`), messages and progress to stderr. Exit codes: 0 no
disagreement an editor has not accepted, 1 disagreements, 2 bad input, 3 internal error.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import attrs

from factcheck._toml import MAX_BYTES, is_folder
from factcheck.corpus import load_corpus
from factcheck.errors import FactcheckError, ProblemsError
from factcheck.extract import coerce_published, extract, extract_stream
from factcheck.extract.records import mention_record
from factcheck.extract.stream import file_pieces
from factcheck.ledger import load_ledger
from factcheck.model import Review
from factcheck.review import read_sources, review

EXIT_OK, EXIT_DISAGREEMENT, EXIT_INVALID, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_CODES = """exit codes:
  0  no disagreement that an editor has not accepted
  1  sources disagree (conflicts or tensions not accepted in the ledger); see --exit-zero
  2  bad input: unreadable or invalid corpus, ledger, entities or options
  3  internal error (a bug: please report it; --debug shows the traceback)"""
# corpora larger than this show a progress line on stderr, when stderr is a terminal
PROGRESS_FROM = 30


def _parser() -> argparse.ArgumentParser:
    from factcheck import __version__
    from factcheck.report import FORMATS

    parser = argparse.ArgumentParser(
        prog="factcheck", epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Track sourced claims in news coverage and find where sources disagree.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an internal error")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check", help="validate the claims ledger against its sources and compare its claims",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--claims", type=Path,
                       help="folder of claim files (default: claims/, else the bundled ledger)")
    check.add_argument("--sources", type=Path,
                       help="corpus folder with sources.toml (default: seeds/, else the "
                       "bundled seeds)")
    check.add_argument("--exit-zero", action="store_true",
                       help="exit 0 even when claims disagree (report only)")
    _max_bytes(check)

    rev = commands.add_parser(
        "review", help="find where sources disagree and where they corroborate each other",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    rev.add_argument("corpus", nargs="*", type=Path, metavar="CORPUS",
                     help="corpus folders or archive files (.jsonl, .jsonl.gz, .parquet); "
                     "default: the seeds with the bundled ledger")
    rev.add_argument("--claims", type=Path, help="a claims ledger folder to merge in "
                     "(curated claims win over automatic ones for the same words)")
    rev.add_argument("--entities", type=Path, help="an entities TOML file merged over the "
                     "bundled registry")
    rev.add_argument("--format", choices=FORMATS,
                     help="report format (default: the extension of -o, else md)")
    rev.add_argument("-o", "--output", type=Path, help="write the report to this file "
                     "(.html, .md, .json, .csv or .jsonld name the format)")
    rev.add_argument("--exit-zero", action="store_true",
                     help="exit 0 even when sources disagree (report only)")
    rev.add_argument("--no-auto", action="store_true",
                     help="compare the ledger's claims only, build none from the text")
    rev.add_argument("--title", default="factcheck review", help="the HTML report's title")
    rev.add_argument("--reviewer", help="ClaimReview: the organisation that rated the claims")
    rev.add_argument("--reviewer-url", help="ClaimReview: that organisation's web address")
    rev.add_argument("--no-progress", action="store_true", help="no progress line on stderr")
    rev.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="review in this process (default) or on Dask (the dask extra)")
    rev.add_argument("--scheduler", help="with --engine dask: synchronous, threads, processes "
                     "(default) or a scheduler address tcp://HOST:PORT")
    rev.add_argument("--partitions", type=int, metavar="N",
                     help="with --engine dask: read the corpus in about N parts")
    rev.add_argument("--claims-out", type=Path, metavar="DIR",
                     help="with --engine dask: write the claims read as Parquet files in DIR")
    _max_bytes(rev)

    ext = commands.add_parser("extract", help="list the figures and dates a text states")
    ext.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                     help="a .txt file or a corpus folder")
    ext.add_argument("--lang", choices=("fr", "en"), help="language (default: sources.toml, "
                     "else detected)")
    ext.add_argument("--published", help="publication date YYYY[-MM[-DD]] for relative dates")
    ext.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ext.add_argument("--keep-furniture", action="store_true",
                     help="also read page furniture (link teasers, credits)")
    ext.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                     help=f"refuse (and report) an article of a corpus folder larger than N "
                     f"bytes (default {MAX_BYTES:,}); a .txt file given by itself is read "
                     "as a stream, in blocks, whatever its size")
    return parser


def _max_bytes(command: argparse.ArgumentParser) -> None:
    command.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                         help=f"refuse (and report) an article larger than N bytes "
                         f"(default {MAX_BYTES:,})")


def bundled(name: str) -> Path:
    """`name` ("seeds" or "claims") in the working folder, else the copy shipped with
    factcheck (inside the package when installed, beside it in a checkout)."""
    here = Path(name)
    if here.is_dir():
        return here
    package = Path(__file__).resolve().parent
    for candidate in (package / "_bundled" / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    return here


def _outcome(disagreements: int, args: argparse.Namespace) -> int:
    return EXIT_DISAGREEMENT if disagreements and not args.exit_zero else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    sources_dir = args.sources or bundled("seeds")
    claims_dir = args.claims or bundled("claims")
    corpus = load_corpus(sources_dir, max_bytes=args.max_bytes)
    ledger = load_ledger(claims_dir, corpus)
    sources = {claim.provenance.source for claim in ledger.claims.values()}
    print(f"ok: {len(ledger)} claims in {len(ledger.files)} file(s) verified against "
          f"{len(sources)} of {len(corpus)} sources in {sources_dir} (ledger: {claims_dir})")
    for folder, skipped in ((sources_dir, corpus.skipped), (claims_dir, ledger.skipped)):
        if skipped:
            print(f"skipped in {folder} (not {'claim' if folder == claims_dir else 'article'} "
                  f"files): {', '.join(skipped)}", file=sys.stderr)
    result = review(corpus, ledger, automatic=False)
    accepted = [f for f in result.findings if f.accepted and not f.is_disagreement]
    if accepted:
        print(f"{len(accepted)} known disagreement(s) accepted by an editor")
    if result.disagreements:
        for finding in result.disagreements:
            print(f"{finding.kind.value}: {finding.explanation}", file=sys.stderr)
        print(f"{len(result.disagreements)} disagreement(s) no editor has accepted "
              "(set `accepted = \"reason\"` on a claim once it is judged)", file=sys.stderr)
    return _outcome(len(result.disagreements), args)


def _review(args: argparse.Namespace) -> int:
    from factcheck.report import format_for, render  # needed by this command only

    fmt = args.format
    if fmt is None:
        fmt = format_for(args.output) if args.output is not None else "md"
        if fmt is None:
            raise FactcheckError(f"-o {args.output}: cannot tell the report format from the "
                                 "extension; give --format html|md|json|csv|claimreview")
    if args.corpus:
        corpus: list[Path] = list(args.corpus)
        claims_dir = args.claims
    else:
        corpus = [bundled("seeds")]
        claims_dir = args.claims or bundled("claims")
    if args.no_auto and claims_dir is None:
        raise FactcheckError("--no-auto needs a ledger (--claims DIR)")
    dask_only = [name for name, given in (("--scheduler", args.scheduler),
                                          ("--partitions", args.partitions),
                                          ("--claims-out", args.claims_out)) if given]
    if dask_only and args.engine != "dask":
        raise FactcheckError(f"{', '.join(dask_only)} go(es) with --engine dask")
    if args.engine == "dask":
        result: Review = review(corpus, claims_dir, args.entities, automatic=not args.no_auto,
                                engine="dask", scheduler=args.scheduler,
                                partitions=args.partitions, max_bytes=args.max_bytes,
                                claims_out=args.claims_out)
    else:
        sources, rejected = read_sources(corpus, args.max_bytes)
        progress = None if args.no_progress else _progress_line(len(sources))
        result = review(sources, claims_dir, args.entities, automatic=not args.no_auto,
                        progress=progress)
        result = attrs.evolve(result, rejected=rejected)
    text = render(result, fmt, title=args.title, reviewer=args.reviewer,
                  reviewer_url=args.reviewer_url)
    if args.output is not None:
        try:
            args.output.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise FactcheckError(f"{args.output}: cannot write: {exc.strerror}") from exc
    else:
        sys.stdout.write(text)
    where = f" -> {args.output}" if args.output is not None else ""
    rejected = f", {len(result.rejected)} archive row(s) rejected" if result.rejected else ""
    print(f"{result.counts['sources']} source(s){rejected}, {len(result.findings)} finding(s), "
          f"{len(result.disagreements)} disagreement(s) no editor has accepted{where}",
          file=sys.stderr)
    return _outcome(len(result.disagreements), args)


def _progress_line(total: int):
    """A `progress(done, total)` callback that redraws one stderr line, or None when stderr
    is not a terminal (logs stay clean) or the corpus is small."""
    if total <= PROGRESS_FROM or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rreading sources: {done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def _documents(args: argparse.Namespace):
    """(source id, mentions) for every file or corpus folder given: the articles of a corpus
    are read whole, a file given by itself as a stream (memory stays flat however large)."""
    skip_furniture = not args.keep_furniture
    for path in args.paths:
        folder, problems = is_folder(path)
        if problems:
            raise ProblemsError(problems)
        if folder:
            corpus = load_corpus(path, max_bytes=args.max_bytes)
            for source in corpus.values():
                yield source.id, extract(source.text, args.lang or source.language,
                                         args.published or source.published,
                                         skip_furniture=skip_furniture)
            continue
        pieces, problems = file_pieces(path)
        if pieces is None:
            raise ProblemsError(problems)
        # the language is detected from the first characters, as `extract` does
        yield path.stem, extract_stream(pieces, args.lang, args.published,
                                        skip_furniture=skip_furniture)


def _extract(args: argparse.Namespace) -> int:
    if args.published is not None:
        try:
            coerce_published(args.published)  # fail early on a malformed date
        except FactcheckError as exc:
            raise FactcheckError(f"--published {args.published!r}: {exc}") from exc
    out = sys.stdout
    for source_id, mentions in _documents(args):
        for mention in mentions:
            record = mention_record(mention, source_id)
            if args.format == "jsonl":
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                bounds = (f"{record['date_start']}..{record['date_end']}"
                          if record["kind"] == "date" else
                          f"[{record['low']}, {record['high']}] {record['unit'] or ''}")
                out.write(f"{source_id}\t{record['start']}\t{record['kind']}\t"
                          f"{record['text']}\t{record['value']}\t{bounds}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 disagreements, 2 invalid input,
    3 internal error)."""
    args = _parser().parse_args(argv)
    try:
        return {"check": _check, "extract": _extract, "review": _review}[args.command](args)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return EXIT_INVALID
    except FactcheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, the traceback only on request
        if args.debug:
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the "
              "traceback, and please report it)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
