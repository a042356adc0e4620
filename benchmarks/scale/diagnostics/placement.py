"""Where a 2-worker LocalCluster judges each shuffled partition: on the worker that unpacked
it or on the other, and the most unpacked outputs one worker held waiting for their judge
(from the task stream). With `old`, the pipeline in FACTCHECK_OLD_PIPELINE (a folder
holding an earlier commit's `dask_review.py` as `old_dask_review.py`, see README).

    python benchmarks/scale/diagnostics/placement.py ARCHIVE_DIR [PARTITIONS] [old]
"""
import os
import sys
from pathlib import Path

import dask
from dask.utils import key_split
from distributed import Client, LocalCluster, get_task_stream
from distributed.diagnostics.plugin import SchedulerPlugin

from factcheck import review

OLD = "old" in sys.argv[2:]


class Readers(SchedulerPlugin):
    """The keys each task reads, noted as the scheduler sends it to a worker."""

    def __init__(self, scheduler):
        self.scheduler, self.reads = scheduler, {}

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "processing":
            self.reads[key] = {d.key for d in self.scheduler.tasks[key].dependencies}


def main() -> None:
    folder = Path(sys.argv[1])
    numbers = [a for a in sys.argv[2:] if a.isdigit()]
    partitions = int(numbers[0]) if numbers else 40
    if OLD:
        sys.path.insert(0, os.environ["FACTCHECK_OLD_PIPELINE"])  # holds old_dask_review.py
        run = __import__("old_dask_review").review_on_dask
    else:
        def run(*args, **kwargs):
            return review(*args, engine="dask", **kwargs)
    with dask.config.set({"distributed.worker.profile.enabled": False}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                         dashboard_address=None, memory_limit=0) as cluster, \
            Client(cluster) as client, get_task_stream(client) as stream:
        readers = Readers(cluster.scheduler)
        cluster.scheduler.add_plugin(readers)
        run([folder / "articles.jsonl"], entities=folder / "entities.toml", client=client,
            partitions=partitions)
    # (start, stop, worker) of each task; the unpack task each judge task reads
    spans = {task["key"]: (task["startstops"][0]["start"], task["startstops"][-1]["stop"],
                           task["worker"]) for task in stream.data}
    judged = {key: span for key, span in spans.items() if key_split(key) == "judge_frame"}
    unpack_of = {key: [d for d in readers.reads.get(key, ()) if key_split(d) == "p2pshuffle"]
                 for key in judged}
    if not any(unpack_of.values()):
        print(f"{len(judged)} judge tasks, none reading an unpack task: each judges its "
              "partition in the task that unpacks it")
        return
    outputs = {key: spans[unpacks[0]] for key, unpacks in unpack_of.items()}
    moved = sum(outputs[key][2] != judged[key][2] for key in judged)
    print(f"{len(judged)} partitions judged, {moved} on another worker than the one that "
          "unpacked them")
    for worker in sorted({span[2] for span in outputs.values()}):
        events = sorted(e for key, span in outputs.items() if span[2] == worker
                        for e in ((span[1], 1), (judged[key][0], -1)))
        held = most = 0
        for _, change in events:
            held += change
            most = max(most, held)
        print(f"{worker}: at most {most} unpacked outputs waiting for their judge")


if __name__ == "__main__":
    main()
