"""How well a map task's pickled claims compress, and at what cost (zlib levels 1 and 6,
lzma skipped), on one part of 2500 articles.

    python benchmarks/scale/diagnostics/compress.py ARCHIVE_DIR
"""
import base64
import pickle
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

import factcheck.dask_review as dr
from archive_parts import cut_archive

folder = Path(sys.argv[1])
registry, parts, buckets = cut_archive(folder)
keyed, side, _ = dr._map_part((1, parts[1]), registry, {}, True, None, buckets, None)
by_bucket = defaultdict(list)
for item in keyed:
    by_bucket[item.bucket].append(item)
raw = [pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL) for m in by_bucket.values()]
size = sum(map(len, raw))
print(f"{len(keyed)} claims, {len(raw)} buckets, pickled {size / 1e6:.2f} MB, "
      f"base64 {sum(len(base64.b64encode(r)) for r in raw) / 1e6:.2f} MB")
for level in (1, 6):
    start = time.perf_counter()
    packed = [zlib.compress(r, level) for r in raw]
    middle = time.perf_counter()
    for p in packed:
        zlib.decompress(p)
    end = time.perf_counter()
    total = sum(map(len, packed))
    print(f"zlib {level}: {total / 1e6:.2f} MB ({size / total:.1f}x smaller), base64 of it "
          f"{sum(len(base64.b64encode(p)) for p in packed) / 1e6:.2f} MB; compress "
          f"{(middle - start) * 1e3:.0f} ms, decompress {(end - middle) * 1e3:.0f} ms")
start = time.perf_counter()
for r in raw:
    pickle.loads(r)
print(f"unpickling them: {(time.perf_counter() - start) * 1e3:.0f} ms")
