"""Precision and recall of the review's findings, automatic and curated, on six corpora.

    python benchmarks/review.py              # the table of docs/review.md
    python benchmarks/review.py --details    # also what was missed and what was unexpected

Corpora: the five seed articles (the DEVELOPMENT set: the review was built looking at them,
annotation benchmarks/annotations/review-seeds.toml, ledger claims/) and ten made-up
articles on another story (the HELD-OUT set, benchmarks/review/heldout/, annotation
review-heldout.toml, written with the articles before the review code ran on them; its
ledger claims/ was written by hand from the articles without seeing the review's output),
then held-out 2 to 5 (benchmarks/review/heldout2/ to heldout5/: other stories and sectors,
each written with its annotation before the review ran on it; automatic only).

A produced finding matches an expected one when it is of the same class (a disagreement is a
conflict or a tension) and holds a claim overlapping each expected claim's words
(factcheck.scoring). "exact kind" counts the expected findings matched with exactly their
kind (a conflict reported as a tension is found, but not exact). "false alarms" are the
annotated traps (tranche vs total, planned vs done...) reported as a disagreement.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.corpus import load_corpus  # noqa: E402
from factcheck.ledger import load_ledger  # noqa: E402
from factcheck.review import review  # noqa: E402
from factcheck.scoring import load_review_annotation, pooled, score_review  # noqa: E402

ANNOTATIONS = ROOT / "benchmarks" / "annotations"


def _heldout(folder: str, annotation: str) -> tuple[Path, Path, Path, Path]:
    """A held-out corpus under benchmarks/review/: its folder, ledger, entities, annotation."""
    root = ROOT / "benchmarks" / "review" / folder
    return root, root / "claims", root / "entities.toml", ANNOTATIONS / annotation


CORPORA = {
    "seeds (fr, dev)": (ROOT / "seeds", ROOT / "claims", None,
                        ANNOTATIONS / "review-seeds.toml"),
    "held-out 1 (fr+en)": _heldout("heldout", "review-heldout.toml"),
    **{f"held-out {n} (fr+en)": _heldout(f"heldout{n}", f"review-heldout{n}.toml")
       for n in range(2, 6)},
}
CLASSES = ("disagreement", "corroboration", "update", "parts")


def measure(details: bool) -> list[str]:
    rows = ["| corpus | mode | disagreements P/R | exact kind | corroborations P/R | "
            "independent sources right | updates P/R | parts P/R | all P/R | false alarms |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    notes: list[str] = []
    for name, (folder, claims, entities, annotation_path) in CORPORA.items():
        corpus = load_corpus(folder)
        annotation = load_review_annotation(annotation_path, corpus)
        modes = [("automatic", None, True)]
        if claims.is_dir():
            modes.append(("curated", load_ledger(claims, corpus), True))
        for mode, ledger, automatic in modes:
            result = review(corpus, ledger, entities, automatic=automatic)
            score = score_review(result, annotation, curated=ledger is not None)
            c = score.classes
            every = pooled(c.values())
            disagreement = c["disagreement"]

            def pr(s) -> str:
                return f"{s.precision:.2f}/{s.recall:.2f} ({s.found}/{s.expected})"

            rows.append(
                f"| {name} | {mode} | {pr(disagreement)} | {disagreement.exact_kind}/"
                f"{disagreement.expected} | {pr(c['corroboration'])} | "
                f"{score.independence_right}/{score.independence_checked} | {pr(c['update'])} | "
                f"{pr(c['parts'])} | {pr(every)} | {len(score.false_alarms)} |")
            if details:
                notes.append(f"{name}, {mode}: missed {list(score.missed)}; false alarms "
                             f"{list(score.false_alarms)}; unexpected {list(score.unexpected)}")
    return rows + [""] + notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    print("\n".join(measure(args.details)))


if __name__ == "__main__":
    main()
