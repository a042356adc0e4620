"""Does a process that maps part after part hold more as it goes? Maps the first PARTS
parts of an archive (cut as benchmarks/scale.py cuts it), dropping each result, and prints
resident memory and Python's allocated blocks after each 5 parts.

    python benchmarks/scale/diagnostics/map_rss.py ARCHIVE_DIR PARTS
"""
import gc
import os
import sys
from pathlib import Path

from factcheck import load_entities
from factcheck.dask_review import BUCKETS_PER_PART, MIN_BUCKETS, _frame, _map_part, plan_parts


def rss():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


folder, count = Path(sys.argv[1]), int(sys.argv[2])
articles = folder / "articles.jsonl"
n = sum(1 for _ in articles.open("rb"))
registry = load_entities(folder / "entities.toml")
parts = plan_parts([articles], max(4, n // 2500))
buckets = max(MIN_BUCKETS, BUCKETS_PER_PART * len(parts))
print(f"{folder.name}: registry loaded, rss {rss():.0f} MB, blocks {sys.getallocatedblocks()}")
for index, part in enumerate(parts[:count]):
    keyed, side, ids = _map_part((index, part), registry, {}, True, None, buckets, None)
    frame = _frame(keyed, side)
    if index == 0 or (index + 1) % 5 == 0:
        peak_with_result = rss()
    del keyed, side, ids, frame
    gc.collect()
    if index == 0 or (index + 1) % 5 == 0:
        print(f"after part {index + 1}: rss {rss():.0f} MB (with its result {peak_with_result:.0f}), "
              f"blocks {sys.getallocatedblocks()}", flush=True)
