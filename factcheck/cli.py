"""The `factcheck` command line: check the ledger, extract figures and dates."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck._toml import read_text
from factcheck.corpus import Corpus, load_corpus
from factcheck.errors import FactcheckError, ProblemsError
from factcheck.extract import coerce_published, detect_language, extract
from factcheck.extract.records import mention_record
from factcheck.ledger import load_ledger
from factcheck.model import Review
from factcheck.review import review

EXIT_OK, EXIT_DISAGREEMENT, EXIT_INVALID = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Track sourced claims in news coverage and find where sources disagree.")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check", help="validate the claims ledger against its sources and compare its claims")
    check.add_argument("--claims", type=Path,
                       help="folder of claim files (default: claims/, else the bundled ledger)")
    check.add_argument("--sources", type=Path,
                       help="corpus folder with sources.toml (default: seeds/, else the "
                       "bundled seeds)")

    rev = commands.add_parser(
        "review", help="find where sources disagree and where they corroborate each other")
    rev.add_argument("corpus", nargs="*", type=Path, metavar="CORPUS",
                     help="corpus folders (default: the seeds with the bundled ledger)")
    rev.add_argument("--claims", type=Path, help="a claims ledger folder to merge in "
                     "(curated claims win over automatic ones for the same words)")
    rev.add_argument("--entities", type=Path, help="an entities TOML file merged over the "
                     "bundled registry")
    rev.add_argument("--format", choices=("json", "md"), default="md")
    rev.add_argument("-o", "--output", type=Path, help="write the report to this file")
    rev.add_argument("--no-auto", action="store_true",
                     help="compare the ledger's claims only, build none from the text")

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


def _check(args: argparse.Namespace) -> int:
    sources_dir = args.sources or bundled("seeds")
    corpus = load_corpus(sources_dir)
    ledger = load_ledger(args.claims or bundled("claims"), corpus)
    sources = {claim.provenance.source for claim in ledger.claims.values()}
    print(f"ok: {len(ledger)} claims in {len(ledger.files)} file(s) verified against "
          f"{len(sources)} of {len(corpus)} sources in {sources_dir}")
    result = review(corpus, ledger, automatic=False)
    accepted = [f for f in result.findings if f.accepted and not f.is_disagreement]
    if accepted:
        print(f"{len(accepted)} known disagreement(s) accepted by an editor")
    if result.disagreements:
        for finding in result.disagreements:
            print(f"{finding.kind.value}: {finding.explanation}", file=sys.stderr)
        print(f"{len(result.disagreements)} disagreement(s) no editor has accepted "
              "(set `accepted = \"reason\"` on a claim once it is judged)", file=sys.stderr)
        return EXIT_DISAGREEMENT
    return EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from factcheck.report import render  # the renderers are needed by this command only

    if args.corpus:
        corpus = _merged_corpus(args.corpus)
        claims_dir = args.claims
    else:
        corpus = load_corpus(bundled("seeds"))
        claims_dir = args.claims or bundled("claims")
    ledger = load_ledger(claims_dir, corpus) if claims_dir is not None else None
    if args.no_auto and ledger is None:
        raise FactcheckError("--no-auto needs a ledger (--claims DIR)")
    result: Review = review(corpus, ledger, args.entities, automatic=not args.no_auto)
    text = render(result, args.format)
    if args.output is not None:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise FactcheckError(f"{args.output}: cannot write: {exc.strerror}") from exc
    else:
        sys.stdout.write(text)
    print(f"{len(result.findings)} finding(s), {len(result.disagreements)} disagreement(s) "
          "no editor has accepted", file=sys.stderr)
    return EXIT_DISAGREEMENT if result.disagreements else EXIT_OK


def _merged_corpus(folders: Sequence[Path]) -> Corpus:
    """One corpus from several folders; a source id used twice is an error."""
    if len(folders) == 1:
        return load_corpus(folders[0])
    sources = {}
    for folder in folders:
        for source_id, source in load_corpus(folder).items():
            if source_id in sources:
                raise FactcheckError(f"{folder}: source id {source_id!r} is also in another "
                                     "corpus folder")
            sources[source_id] = source
    return Corpus(folders[0], sources)


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
        return {"check": _check, "extract": _extract, "review": _review}[args.command](args)
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
