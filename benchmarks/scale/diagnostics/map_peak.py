"""Peak Python memory (tracemalloc) of one map task (`_map_frames`, a part of 2500
articles, the registry loaded and warmed by a first part), and the size of its claims
frame: as is, and with the near-duplicate words left empty.

    python benchmarks/scale/diagnostics/map_peak.py ARCHIVE_DIR
"""
import sys
import tracemalloc
from pathlib import Path


import factcheck.dask_review as dr
from factcheck import load_entities

folder = Path(sys.argv[1])
articles = folder / "articles.jsonl"
n = sum(1 for _ in articles.open("rb"))
registry = load_entities(folder / "entities.toml")
parts = dr.plan_parts([articles], max(4, n // 2500))
buckets = max(dr.MIN_BUCKETS, dr.BUCKETS_PER_PART * len(parts))
dr._map_frames((0, parts[0]), registry, {}, True, None, buckets, None)  # warm the registry
for words in (True, False):
    if not words:
        dr.story_words = lambda text: []
    tracemalloc.start()
    claims, ids = dr._map_frames((1, parts[1]), registry, {}, True, None, buckets, None)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    payload = sum(len(p) for p in claims["payload"])
    print(f"words {'on' if words else 'off'}: peak {peak / 1e6:.1f} MB, output held "
          f"{current / 1e6:.1f} MB, claims frame {len(claims)} rows, payload text "
          f"{payload / 1e6:.1f} MB (base64), id rows {len(ids)}")
    del claims, ids
