"""The review of generated archives in one process and on Dask: throughput, peak memory per
worker as the archive grows, and recovery of the planted disagreements.

    python benchmarks/scale.py                      # 50 k articles: speed-up, then 10/50/200 k memory
    python benchmarks/scale.py --articles 5000 --sizes 2000,5000    # a quicker run
    python benchmarks/scale.py --smoke              # seconds: a check that it still runs
    python benchmarks/scale.py --skip-speed --workers 1 --sizes 10000,200000   # memory alone

Archives come from `benchmarks/archive_generator.py` (French and English company news with
planted agreements, disagreements and near-duplicates, and their ground truth). Dask runs
on a `distributed.LocalCluster` of worker processes with one thread each, on this machine;
on a real cluster give `--scheduler tcp://HOST:8786` (the same command, see docs/scale.md).
Peak memory per worker is the largest resident set size of each worker process, sampled
every 0.2 s during the review; the memory series also says what the worker with the highest
peak was running and holding (Dask's results in its memory, by task name) at that moment.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from archive_generator import ARTICLES_PER_COMPANY, score, write_archive  # noqa: E402

from factcheck import review  # noqa: E402


def _rss() -> int:
    """This process's resident set size in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


# the benchmark cuts an archive into parts of this many articles (and at least 4 parts)
ARTICLES_PER_PARTITION = 2500


def partitions_for(articles: int) -> int:
    """How many parts the benchmark cuts an archive of `articles` articles into."""
    return max(4, articles // ARTICLES_PER_PARTITION)


def worker_state(dask_worker: Any) -> tuple[int, dict[str, list[int]], list[str]]:
    """A worker's resident memory, the results in its memory by task name ([count, bytes]),
    and the tasks it is running."""
    from dask.utils import key_split

    held: dict[str, list[int]] = {}
    for key in list(dask_worker.data.keys()):
        task = dask_worker.state.tasks.get(key)
        entry = held.setdefault(key_split(key), [0, 0])
        entry[0] += 1
        entry[1] += (task.nbytes or 0) if task is not None else 0
    return _rss(), held, sorted({key_split(t.key) for t in dask_worker.state.executing})


def _rss_and_held(dask_worker: Any) -> tuple[int, str]:
    """A worker's resident memory, and what it runs and holds then (results of 1 MB or more,
    largest first)."""
    rss, held, running = worker_state(dask_worker)
    listed = ", ".join(f"{name} x{count} {size / 1e6:.0f} MB" for name, (count, size)
                       in sorted(held.items(), key=lambda item: -item[1][1]) if size >= 1e6)
    return rss, f"running {', '.join(running) or 'nothing'}; holding {listed or 'under 1 MB'}"


class PeakMemory:
    """The largest resident memory of each worker of a Dask client while it works, and what
    each worker ran and held at that moment."""

    def __init__(self, client: Any, every: float = 0.2):
        self.client, self.every = client, every
        self.peaks: dict[str, int] = {}
        self.at_peak: dict[str, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                for worker, (rss, held) in self.client.run(_rss_and_held).items():
                    if rss > self.peaks.get(worker, 0):
                        self.peaks[worker], self.at_peak[worker] = rss, held
            except Exception:  # a worker restarting between samples
                pass
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def archive(folder: Path, n: int, seed: int, companies: int | None = None
            ) -> tuple[Path, Path, Path]:
    """Generate an archive of `n` articles (or reuse it from `folder`): its articles file,
    entities file and truth. `companies` fixes the company pool, hence the registry."""
    out = folder / (f"archive-{n}-{seed}" + ("" if companies is None else f"-{companies}"))
    if not (out / "articles.jsonl").exists():
        write_archive(out, n, seed, fmt="jsonl", companies=companies)
    return out / "articles.jsonl", out / "entities.toml", out / "truth.json"


def timed(run: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def on_cluster(workers: int, articles: Path, entities: Path, partitions: int,
               shuffle_buffer: str | None = None, profiler: bool = False
               ) -> tuple[Any, float, list[int], list[int], list[str]]:
    """The review on a LocalCluster of `workers` processes: result, seconds, the resident
    memory of each worker before the review (factcheck and the registry loaded) and at its
    peak during the review (bytes), and what each worker ran and held at its peak.
    `shuffle_buffer` bounds what the peer-to-peer shuffle buffers in memory on each worker
    before it waits or spills (Dask's default: 1 GiB).
    Dask's statistical `profiler` on workers keeps one profile per second of work (up to
    `distributed.admin.low-level-log-length`, 1000), so with it on a worker's memory grows
    with the length of the run: off unless asked for."""
    import dask
    from distributed import Client, LocalCluster

    limits: dict[str, Any] = {"distributed.worker.profile.enabled": profiler}
    if shuffle_buffer is not None:
        limits["distributed.p2p.comm.buffer"] = shuffle_buffer
    with dask.config.set(limits), LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, memory_limit=0) as cluster, \
            Client(cluster) as client:
        client.run(lambda: __import__("factcheck.dask_review"))  # import before timing
        idle = sorted(client.run(_rss).values())
        with PeakMemory(client) as memory:
            result, seconds = timed(lambda: review([articles], entities=entities, engine="dask",
                                                   client=client, partitions=partitions))
        order = sorted(memory.peaks, key=memory.peaks.__getitem__)
        return (result, seconds, idle, [memory.peaks[w] for w in order],
                [memory.at_peak[w] for w in order])


def on_scheduler(address: str, articles: Path, entities: Path, truth: Path, n: int,
                 partitions: int) -> int:
    """The review of one archive on a running cluster: rate, peak per worker, recovery."""
    from distributed import Client

    with Client(address) as client:
        workers = len(client.scheduler_info()["workers"])
        client.run(lambda: __import__("factcheck.dask_review"))
        with PeakMemory(client) as memory:
            result, seconds = timed(lambda: review([articles], entities=entities, engine="dask",
                                                   client=client, partitions=partitions))
    peaks = sorted(memory.peaks.values())
    print(f"dask at {address}, {workers} worker(s), {partitions} partitions: {seconds:.1f} s, "
          f"{n / seconds:.0f} articles/s; peak per worker "
          f"{', '.join(f'{p / 1e6:.0f} MB' for p in peaks)}; {recovery(result, truth)}")
    return 0


def registry_megabytes(entities: Path) -> float:
    """The memory an entity registry holds once loaded (tracemalloc), in MB: every worker
    holds one, whatever the archive."""
    import gc
    import tracemalloc

    from factcheck import load_entities

    gc.collect()
    tracemalloc.start()
    try:
        registry = load_entities(entities)
        held = tracemalloc.get_traced_memory()[0]
        del registry
    finally:
        tracemalloc.stop()
    return held / 1e6


def recovery(result: Any, truth: Path) -> str:
    found = score(result, truth)
    return (f"disagreements found {found['disagreements_found']}/"
            f"{found['disagreements_planted']}, agreements flagged "
            f"{found['agreements_flagged']}/{found['agreements_planted']}, background "
            f"flagged {found['background_flagged']}; {found['near_duplicates_planted']} "
            f"near-duplicate pairs, whose corroborations count them as one source in "
            f"{found['near_duplicates_counted_once']}/{found['near_duplicates_checked']}"
            + "".join(f"\n      flagged: {flag}" for flag in found["background_flags"][:5]))


def speed(folder: Path, args: argparse.Namespace) -> None:
    """The review of one archive in one process (unless skipped), then on 1 and 2 workers:
    the rates, and the ratio of 2 workers to 1."""
    articles, entities, truth = archive(folder, args.articles, args.seed)
    print(f"archive: {args.articles} articles, {articles.stat().st_size / 1e6:.1f} MB")
    partitions = partitions_for(args.articles)
    rates = {}
    if not args.skip_local:
        local, seconds = timed(lambda: review([articles], entities=entities))
        rates["in-process"] = args.articles / seconds
        print(f"in-process: {seconds:.1f} s, {rates['in-process']:.0f} articles/s; "
              f"{recovery(local, truth)}")
    for workers in (1, 2):
        result, seconds, _, peaks, _ = on_cluster(workers, articles, entities, partitions,
                                                  args.shuffle_buffer, args.profiler)
        rates[f"dask-{workers}"] = args.articles / seconds
        print(f"dask, {workers} worker(s), {partitions} partitions: {seconds:.1f} s, "
              f"{rates[f'dask-{workers}']:.0f} articles/s; peak per worker "
              f"{', '.join(f'{p / 1e6:.0f} MB' for p in peaks)}; {recovery(result, truth)}")
    print(f"2 workers / 1 worker: {rates['dask-2'] / rates['dask-1']:.2f}x")
    if "in-process" in rates:
        print(f"2 workers / in-process: {rates['dask-2'] / rates['in-process']:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=50_000,
                        help="archive size for the throughput comparison")
    parser.add_argument("--sizes", default="10000,50000,200000",
                        help="archive sizes for the memory series (on --workers workers)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workers", type=int, default=2,
                        help="worker processes for the memory series")
    parser.add_argument("--skip-speed", action="store_true",
                        help="skip the throughput comparison: the memory series alone")
    parser.add_argument("--smoke", action="store_true", help="a few hundred articles")
    parser.add_argument("--skip-local", action="store_true",
                        help="skip the in-process review (long on large archives)")
    parser.add_argument("--shuffle-buffer", default=None,
                        help="the peer-to-peer shuffle's in-memory buffer per worker, for "
                             "example '64 MiB' (Dask's default: 1 GiB)")
    parser.add_argument("--profiler", action="store_true",
                        help="keep Dask's statistical profiler on in the workers (its history "
                             "grows with the length of the run)")
    parser.add_argument("--scheduler", default=None,
                        help="a running Dask scheduler (tcp://HOST:8786): review the archive "
                             "there once, with its workers, instead of on local clusters; "
                             "--keep must then be a folder every worker can read")
    parser.add_argument("--keep", type=Path, default=None,
                        help="generate archives into (and reuse them from) this folder")
    args = parser.parse_args(argv)
    if args.smoke:
        args.articles, args.sizes = 400, "200,400"
    print(f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        if args.scheduler:
            articles, entities, truth = archive(folder, args.articles, args.seed)
            return on_scheduler(args.scheduler, articles, entities, truth, args.articles,
                                partitions_for(args.articles))
        if not args.skip_speed:
            speed(folder, args)
        sizes = [int(size) for size in args.sizes.split(",") if size]
        # one company pool for the whole series, as large as the largest archive needs: the
        # registry every worker holds stays the same, and only the archive grows
        companies = max(sizes, default=0) // ARTICLES_PER_COMPANY
        if sizes:
            print(f"memory per worker as the archive grows ({args.workers} workers, one "
                  f"registry of {companies} companies for every size, shuffle buffer "
                  f"{args.shuffle_buffer or 'by default'}, profiler "
                  f"{'on' if args.profiler else 'off'}):")
        for n in sizes:
            articles, entities, truth = archive(folder, n, args.seed, companies)
            if n == sizes[0]:
                print(f"  the registry ({entities.stat().st_size / 1e6:.1f} MB of TOML) holds "
                      f"{registry_megabytes(entities):.0f} MB once loaded")
            parts = partitions_for(n)
            result, seconds, idle, peaks, held = on_cluster(
                args.workers, articles, entities, parts, args.shuffle_buffer, args.profiler)
            print(f"  {n:>7} articles ({articles.stat().st_size / 1e6:.0f} MB, {parts} "
                  f"partitions): {seconds:.1f} s, idle worker {statistics.mean(idle) / 1e6:.0f} "
                  f"MB, peak per worker {statistics.mean(peaks) / 1e6:.0f} MB (max "
                  f"{max(peaks) / 1e6:.0f} MB); {recovery(result, truth)}")
            print(f"      the worker at {max(peaks) / 1e6:.0f} MB was {held[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
