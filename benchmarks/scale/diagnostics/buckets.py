"""Where a judge task's memory goes as the archive grows (task B of issue #9).

    python benchmarks/scale/diagnostics/buckets.py ARCHIVE_DIR

Maps every part of the archive in this one process with the pipeline's own map function
(`_map_part`, parts cut as benchmarks/scale.py cuts them: `archive_parts`), keeps each bucket's
pickled payloads as the shuffle carries them, assigns buckets to judge partitions as the
shuffle does (dask's `partitioning_index` on the bucket column), then reports the largest
bucket and the largest judge partition: claims, distinct sources, the largest fact group,
bytes (pickled, with and without the near-duplicate words), and the peak Python memory
(tracemalloc) of judging it as `_judge_frame` does: unpickle, then `_judge_bucket`.
"""
import gc
import json
import pickle
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

import attrs
import pandas
from dask.dataframe.shuffle import partitioning_index

from archive_parts import articles_in, cut_archive

from factcheck.compare import group_claims
from factcheck.dask_review import _judge_bucket, _map_part
from factcheck.review import entity_kinds

folder = Path(sys.argv[1])
n = articles_in(folder)
registry, parts, buckets = cut_archive(folder)
payloads: dict[int, list[bytes]] = defaultdict(list)
start = time.perf_counter()
claims_total = 0
for index, part in enumerate(parts):
    keyed, _, _ = _map_part((index, part), registry, {}, True, None, buckets, None)
    claims_total += len(keyed)
    by_bucket = defaultdict(list)
    for item in keyed:
        by_bucket[item.bucket].append(item)
    for bucket, members in by_bucket.items():
        payloads[bucket].append(pickle.dumps(members, protocol=pickle.HIGHEST_PROTOCOL))
    del keyed, by_bucket
print(f"{folder.name}: {n} articles, {len(parts)} parts, {buckets} buckets, "
      f"{claims_total} keyed claims, mapped in {time.perf_counter() - start:.0f} s", flush=True)

frame = pandas.DataFrame({"bucket": pandas.Series(sorted(payloads), dtype="int64")})
where = partitioning_index(frame[["bucket"]], len(parts))
partition_of = dict(zip(frame["bucket"], where))
by_partition: dict[int, list[int]] = defaultdict(list)
for bucket, partition in partition_of.items():
    by_partition[int(partition)].append(int(bucket))


def size(bucket_ids):
    return sum(len(p) for b in bucket_ids for p in payloads[b])


kinds = entity_kinds(registry)


def judged(bucket_ids, words=True):
    """Peak traced bytes of unpickling the buckets and judging each, as _judge_frame does;
    and what the buckets hold."""
    gc.collect()
    tracemalloc.start()
    held = {}
    for b in bucket_ids:
        items = [item for p in payloads[b] for item in pickle.loads(p)]
        if not words:
            items = [attrs.evolve(item, words="") for item in items]
        held[b] = items
    loaded = tracemalloc.get_traced_memory()[0]
    findings = [_judge_bucket((b, items), kinds) for b, items in held.items()]
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    items = [i for b in held for i in held[b]]
    groups = group_claims([i.claim for i in items],
                          lambda c, s={i.claim.id: i.source.published for i in items}: s.get(c.id))
    raw = sum(len(pickle.dumps(held[b], protocol=pickle.HIGHEST_PROTOCOL)) for b in held)
    stripped = sum(len(pickle.dumps([attrs.evolve(i, words="") for i in held[b]],
                                    protocol=pickle.HIGHEST_PROTOCOL)) for b in held)
    return {"claims": len(items), "sources": len({i.source.id for i in items}),
            "largest_fact_group": max((len(g) for g in groups.values()), default=0),
            "fact_groups": len(groups),
            "pickled_MB_with_words": round(raw / 1e6, 2),
            "pickled_MB_without_words": round(stripped / 1e6, 2),
            "loaded_MB": round(loaded / 1e6, 1), "peak_judging_MB": round(peak / 1e6, 1),
            "findings": sum(len(f) for f in findings)}


sizes = {b: size([b]) for b in payloads}
largest_bucket = max(sizes, key=sizes.get)
partition_sizes = {p: size(bs) for p, bs in by_partition.items()}
largest_partition = max(partition_sizes, key=partition_sizes.get)
print(f"bucket payload MB: mean {statistics.mean(sizes.values()) / 1e6:.2f}, "
      f"max {max(sizes.values()) / 1e6:.2f}; judge partition MB: mean "
      f"{statistics.mean(partition_sizes.values()) / 1e6:.2f}, max "
      f"{max(partition_sizes.values()) / 1e6:.2f} ({len(by_partition[largest_partition])} buckets)")
print("largest bucket:", json.dumps(judged([largest_bucket])))
print("largest judge partition:", json.dumps(judged(by_partition[largest_partition])))
print("largest judge partition, no words:",
      json.dumps(judged(by_partition[largest_partition], words=False)))
