"""The `factcheck` command line: check the ledger, extract figures and dates."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck._toml import read_text
from factcheck.corpus import load_corpus
from factcheck.errors import FactcheckError, ProblemsError
from factcheck.extract import coerce_published, detect_language, extract
from factcheck.extract.records import mention_record
from factcheck.ledger import load_ledger

EXIT_OK, EXIT_DISAGREEMENT, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Track sourced claims in news coverage and find where sources disagree.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate the claims ledger against its sources")
    check.add_argument("--claims", default="claims", type=Path,
                       help="folder of claim files (default: claims/)")
    check.add_argument("--sources", default="seeds", type=Path,
                       help="corpus folder with sources.toml (default: seeds/)")

    ext = commands.add_parser("extract", help="list the figures and dates a text states")
    ext.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                     help="a .txt file or a corpus folder")
    ext.add_argument("--lang", choices=("fr", "en"), help="language (default: sources.toml, "
                     "else detected)")
    ext.add_argument("--published", help="publication date YYYY[-MM[-DD]] for relative dates")
    ext.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ext.add_argument("--keep-furniture", action="store_true",
                     help="also read page furniture (link teasers, credits)")
    return parser


def _check(args: argparse.Namespace) -> int:
    corpus = load_corpus(args.sources)
    ledger = load_ledger(args.claims, corpus)
    sources = {claim.provenance.source for claim in ledger.claims.values()}
    print(f"ok: {len(ledger)} claims in {len(ledger.files)} file(s) verified against "
          f"{len(sources)} of {len(corpus)} sources in {args.sources}")
    return EXIT_OK


def _documents(args: argparse.Namespace):
    """(source id, text, language, published) for every file or corpus folder given."""
    for path in args.paths:
        if path.is_dir():
            corpus = load_corpus(path)
            for source in corpus.values():
                yield (source.id, source.text, args.lang or source.language,
                       args.published or source.published)
        elif path.is_file():
            text, problems = read_text(path)
            if text is None:
                raise ProblemsError(problems)
            yield path.stem, text, args.lang or detect_language(text), args.published
        else:
            raise FactcheckError(f"{path}: no such file or folder")


def _extract(args: argparse.Namespace) -> int:
    if args.published is not None:
        coerce_published(args.published)  # fail early on a malformed date
    out = sys.stdout
    for source_id, text, language, published in _documents(args):
        for mention in extract(text, language, published,
                               skip_furniture=not args.keep_furniture):
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
    """Run the command line; return the exit code (0 ok, 1 disagreements, 2 invalid input)."""
    args = _parser().parse_args(argv)
    try:
        return {"check": _check, "extract": _extract}[args.command](args)
    except ProblemsError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was checked further.",
              file=sys.stderr)
        return EXIT_INVALID
    except FactcheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
