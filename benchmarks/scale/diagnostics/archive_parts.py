"""An archive written by `benchmarks/scale.py --keep DIR`, cut into parts as the benchmark
cuts it, with its registry and the number of buckets the review shuffles claims into: what
the diagnostics here map and judge."""

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/

from scale import partitions_for  # noqa: E402

from factcheck import load_entities  # noqa: E402
from factcheck.dask_review import BUCKETS_PER_PART, MIN_BUCKETS, plan_parts  # noqa: E402


def articles_in(folder: Path) -> int:
    """How many articles (lines) the archive of `folder` holds."""
    with (folder / "articles.jsonl").open("rb") as lines:
        return sum(1 for _ in lines)


def cut_archive(folder: Path) -> tuple[Any, list[Any], int]:
    """The archive's registry, its parts, and the number of buckets."""
    registry = load_entities(folder / "entities.toml")
    parts = plan_parts([folder / "articles.jsonl"], partitions_for(articles_in(folder)))
    return registry, parts, max(MIN_BUCKETS, BUCKETS_PER_PART * len(parts))
