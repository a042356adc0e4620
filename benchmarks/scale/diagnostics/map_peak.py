"""Peak Python memory (tracemalloc) of one map task (`_map_frames`, a part of 2500
articles, the registry loaded and warmed by a first part), and the size of its claims
frame: as is, and with the near-duplicate words left empty.

    python benchmarks/scale/diagnostics/map_peak.py ARCHIVE_DIR
"""
import sys
import tracemalloc
from pathlib import Path

import factcheck.dask_review as dr
from archive_parts import cut_archive

folder = Path(sys.argv[1])
registry, parts, buckets = cut_archive(folder)
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
          f"{current / 1e6:.1f} MB, claims frame {len(claims)} rows, payloads "
          f"{payload / 1e6:.1f} MB, id rows {len(ids)}")
    del claims, ids
