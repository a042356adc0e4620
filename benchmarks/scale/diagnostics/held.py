"""What a worker holds at its memory peak: reviews an archive on a LocalCluster of WORKERS
worker processes (one thread each, Dask's profiler off, as benchmarks/scale.py), sampling
every 0.2 s each worker's resident memory and the results it holds (Dask's managed data,
by task name prefix: count and bytes); prints the sample at each worker's peak and the
largest managed data seen.

    python benchmarks/scale/diagnostics/held.py ARCHIVE_DIR [WORKERS]
"""
import os
import sys
import threading
import time
from pathlib import Path

import dask
from distributed import Client, LocalCluster
from archive_parts import articles_in
from scale import partitions_for, worker_state

from factcheck import review
if "old" in sys.argv:
    sys.path.insert(0, os.environ["FACTCHECK_OLD_PIPELINE"])  # holds old_dask_review.py
    from old_dask_review import review_on_dask
    review = lambda *a, engine=None, **k: review_on_dask(*a, **k)  # noqa: E731


def sample(dask_worker):
    rss, held, running = worker_state(dask_worker)
    return rss, held, ",".join(running) or "-"


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    n = articles_in(folder)
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, memory_limit=0) as cluster, \
            Client(cluster) as client:
        client.run(lambda: __import__("factcheck.dask_review"))
        samples = []
        stop = threading.Event()
        start = time.perf_counter()

        def run():
            while not stop.is_set():
                try:
                    for worker, value in client.run(sample).items():
                        samples.append((time.perf_counter() - start, worker, *value))
                        if "trace" in sys.argv:
                            print(f"{samples[-1][0]:.1f}s {value[0] / 1e6:.0f} MB {value[2]}", flush=True)
                except Exception:
                    pass
                stop.wait(0.2)

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        result = review([folder / "articles.jsonl"], entities=folder / "entities.toml",
                        engine="dask", client=client, partitions=partitions_for(n))
        seconds = time.perf_counter() - start
        stop.set()
        thread.join()
    print(f"{folder.name}, {workers} worker(s): {seconds:.0f} s, {len(result.findings)} findings")
    for worker in sorted({s[1] for s in samples}):
        mine = [s for s in samples if s[1] == worker]
        at, _, rss, held, running = max(mine, key=lambda s: s[2])
        managed = max(mine, key=lambda s: sum(v[1] for v in s[3].values()))
        print(f"  peak {rss / 1e6:.0f} MB at {at:.0f} s running {running}; held then: "
              + ", ".join(f"{k} x{c} {b / 1e6:.1f} MB" for k, (c, b) in sorted(held.items())))
        print(f"  most managed data {sum(v[1] for v in managed[3].values()) / 1e6:.1f} MB at "
              f"{managed[0]:.0f} s (rss {managed[2] / 1e6:.0f} MB): "
              + ", ".join(f"{k} x{c} {b / 1e6:.1f} MB" for k, (c, b) in sorted(managed[3].items())))
        # the resident memory through the run, every tenth of it
        step = max(1, len(mine) // 10)
        print("  rss over time: " + ", ".join(f"{s[0]:.0f}s {s[2] / 1e6:.0f}" for s in mine[::step]))
