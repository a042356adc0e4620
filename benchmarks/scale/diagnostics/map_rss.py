"""Does a process that maps part after part hold more as it goes? Maps the first PARTS
parts of an archive (cut as benchmarks/scale.py cuts it), dropping each result, and prints
resident memory and Python's allocated blocks after each 5 parts.

    python benchmarks/scale/diagnostics/map_rss.py ARCHIVE_DIR PARTS
"""
import gc
import sys
from pathlib import Path

from archive_parts import cut_archive
from scale import _rss

from factcheck.dask_review import _frame, _map_part


def rss():
    return _rss() / 1e6


folder, count = Path(sys.argv[1]), int(sys.argv[2])
registry, parts, buckets = cut_archive(folder)
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
