"""The order a 1-worker LocalCluster runs the review's tasks in (task stream, by start time),
runs of one task prefix compressed ("map_part x3").

    python benchmarks/scale/diagnostics/order.py ARCHIVE_DIR [PARTITIONS]
"""
import os
import sys
from pathlib import Path

import dask
from dask.utils import key_split
from distributed import Client, LocalCluster, get_task_stream

from factcheck import review
OLD = "old" in sys.argv

if __name__ == "__main__":
    folder = Path(sys.argv[1])
    partitions = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    if OLD:
        sys.path.insert(0, os.environ["FACTCHECK_OLD_PIPELINE"])  # holds old_dask_review.py
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                         dashboard_address=None, memory_limit=0) as cluster, \
            Client(cluster) as client:
        with get_task_stream(client) as stream:
            (__import__("old_dask_review").review_on_dask if OLD else review)([folder / "articles.jsonl"], entities=folder / "entities.toml",
                   **({} if OLD else {"engine": "dask"}), client=client, partitions=partitions)
    def name(key):
        prefix = key_split(key)
        if prefix == "p2pshuffle":  # which shuffle: the token of its key
            return prefix + "-" + (key[0] if isinstance(key, tuple) else key).split("-")[-1][:4]
        return prefix

    tasks = sorted((t["startstops"][0]["start"], name(t["key"])) for t in stream.data)
    runs = []
    for _, name in tasks:
        if runs and runs[-1][0] == name:
            runs[-1][1] += 1
        else:
            runs.append([name, 1])
    print(" ".join(f"{n}x{c}" if c > 1 else n for n, c in runs))
    # the most unpacked outputs of one shuffle waiting for the judge at once
    judged = {n for i, (_, n) in enumerate(tasks[:-1]) if tasks[i + 1][1] == "judge_frame"}
    waiting = most = 0
    for _, n in tasks:
        if n in judged and n.startswith("p2pshuffle"):
            waiting += 1
        elif n == "judge_frame":
            waiting -= 1
        most = max(most, waiting)
    print(f"most shuffle outputs waiting for their judge: {most}")
