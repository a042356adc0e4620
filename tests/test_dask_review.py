"""The review on Dask gives the same findings as the review in one process (same kinds,
same claims, same explanations, same rejected rows) under the synchronous and processes
schedulers and on a real two-worker `distributed.LocalCluster`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck import FactcheckError, review
from factcheck.cli import main
from factcheck.review import finding_record

from conftest import CLAIMS, SEEDS
from test_archive import BAD_ROWS, seed_rows, write_jsonl

pytest.importorskip("dask.bag")  # in the test extra, so these run in CI
distributed = pytest.importorskip("distributed")


def records(result) -> list[dict]:
    sources = {s.id: s for s in result.sources}
    return [finding_record(f, sources) for f in result.findings]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local, \
            distributed.Client(local) as client:
        yield client


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    """The seeds as an archive, with a republished copy, a second copy under the same id
    and rows that must be rejected."""
    rows = seed_rows()
    copy = dict(rows[1], id="copy-of-channelnews", publisher="Le Copieur",
                published="2025-03-12", url=None,
                text="Publié avec l'accord de l'auteur. " + rows[1]["text"])
    folder = tmp_path_factory.mktemp("feed")
    return write_jsonl(folder / "feed.jsonl", [*rows, copy, *(row for row, _ in BAD_ROWS)])


def test_seeds_with_the_ledger_synchronous_equals_in_process():
    local = review(SEEDS, CLAIMS)
    spread = review(SEEDS, CLAIMS, engine="dask", scheduler="synchronous", partitions=3)
    assert records(spread) == records(local)
    assert spread.counts == local.counts


def test_an_archive_on_the_processes_scheduler_equals_in_process(feed):
    local = review([feed])
    spread = review([feed], engine="dask", scheduler="processes", partitions=2)
    assert records(spread) == records(local)
    assert spread.rejected == local.rejected and spread.counts == local.counts


def test_near_duplicates_count_once_on_dask_as_in_process(feed):
    spread = review([feed], engine="dask", scheduler="synchronous")
    republished = [f for f in spread.findings if "near-duplicates" in f.explanation]
    assert republished and all("Le Copieur" in f.explanation for f in republished)


def test_a_two_worker_local_cluster_equals_in_process(feed, cluster):
    local = review([feed], CLAIMS)
    spread = review([feed], CLAIMS, engine="dask", client=cluster, partitions=4)
    assert records(spread) == records(local)
    assert spread.counts == local.counts



def doubled(part):
    return part.assign(n=part["n"] * 2)


def test_on_a_cluster_a_partition_is_read_in_the_task_that_unpacks_its_shuffle_output(cluster):
    """No unpacked output waits on a worker for the task that reads it: the two are one."""
    import dask.dataframe as dd
    import pandas
    from distributed.shuffle._shuffle import shuffle_unpack

    from factcheck.dask_review import _fused_with_unpack

    frame = dd.from_pandas(pandas.DataFrame({"bucket": range(40), "n": range(40)}),
                           npartitions=4)
    read = frame.shuffle("bucket", npartitions=5, shuffle_method="p2p").map_partitions(doubled)
    parts = _fused_with_unpack(read)
    graph = parts[0].dask
    assert len(parts) == 5
    assert not [key for key, task in graph.items() if getattr(task, "func", None) is shuffle_unpack]
    assert all(any("barrier" in str(dependency) for dependency in graph[part.key].dependencies)
               for part in parts)
    done = pandas.concat(cluster.gather(cluster.compute(parts)))
    assert sorted(done["n"]) == [2 * n for n in range(40)]

@pytest.fixture(scope="module")
def repeating_feed(tmp_path_factory) -> Path:
    """The seeds, filler enough for a second part, then twice an article that states facts
    under the id of the first seed: a repeat found only once every part is read, and a
    repeat within the second part."""
    rows = seed_rows()
    filler = [{"id": f"filler-{n}", "language": "fr", "published": "2025-03-01",
               "text": "Rien de neuf aujourd'hui au marché couvert. " * 50} for n in range(40)]
    again = dict(rows[2], id=rows[0]["id"])
    folder = tmp_path_factory.mktemp("repeating")
    return write_jsonl(folder / "feed.jsonl", [*rows, *filler, again, again])


def test_rows_repeating_an_id_across_parts_are_rejected_with_their_claims(repeating_feed,
                                                                         tmp_path):
    from factcheck.dask_review import plan_parts

    assert len(plan_parts([repeating_feed], partitions=8)) > 1
    local = review([repeating_feed])
    out = tmp_path / "claims"
    spread = review([repeating_feed], engine="dask", scheduler="synchronous", partitions=8,
                    claims_out=out)
    assert records(spread) == records(local)
    assert spread.rejected == local.rejected and spread.counts == local.counts
    assert [p.line for p in spread.rejected] == [46, 47]
    automatic = pytest.importorskip("pandas").read_parquet(out).query("origin == 'automatic'")
    assert len(automatic) == local.counts["claims"]


def test_claims_out_writes_the_claims_read_as_parquet(feed, tmp_path):
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "claims"
    result = review([feed], engine="dask", scheduler="synchronous", claims_out=out)
    frame = pandas.read_parquet(out)
    automatic = frame[frame["origin"] == "automatic"]
    assert len(automatic) == result.counts["claims"]
    assert len(frame) - len(automatic) == result.counts["unclassified"]
    assert set(frame["source"]) <= {row["id"] for row in seed_rows()} | {"copy-of-channelnews"}


def test_cli_reviews_an_archive_on_dask(feed, capsys):
    code = main(["review", str(feed), "--engine", "dask", "--scheduler", "synchronous",
                 "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    assert code == 1 and document["summary"]["rejected"] == len(BAD_ROWS)


def test_cli_refuses_dask_options_without_the_dask_engine(feed, capsys):
    assert main(["review", str(feed), "--partitions", "4"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_an_unknown_scheduler_is_a_clear_error(feed):
    with pytest.raises(FactcheckError, match="unknown scheduler 'fast'"):
        review([feed], engine="dask", scheduler="fast")


# -- a generated archive with planted agreements, disagreements and near-duplicates -----

@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """Three hundred generated articles written as an archive, their entities and truth."""
    import sys

    sys.path.insert(0, str(SEEDS.parent / "benchmarks"))
    from archive_generator import write_archive

    folder = tmp_path_factory.mktemp("generated")
    write_archive(folder, 300, seed=3, fmt="jsonl")
    return folder / "articles.jsonl", folder / "entities.toml", folder / "truth.json"


@pytest.fixture(scope="module")
def generated_in_process(generated):
    articles, entities, _ = generated
    return review([articles], entities=entities)


def test_a_generated_archive_reviews_the_same_on_every_scheduler(generated,
                                                                   generated_in_process, cluster):
    articles, entities, _ = generated
    expected = records(generated_in_process)
    for options in ({"scheduler": "synchronous", "partitions": 3},
                    {"scheduler": "processes", "partitions": 2},
                    {"client": cluster, "partitions": 5}):
        spread = review([articles], entities=entities, engine="dask", **options)
        assert records(spread) == expected, options
        assert spread.counts == generated_in_process.counts


def test_every_planted_disagreement_is_found_and_no_planted_agreement_is_flagged(
        generated, generated_in_process):
    from archive_generator import score

    _, _, truth = generated
    found = score(generated_in_process, truth)
    assert found["disagreements_planted"] > 5 and found["agreements_planted"] > 10
    assert found["disagreements_found"] == found["disagreements_planted"]
    assert found["agreements_flagged"] == 0 and found["background_flagged"] == 0
