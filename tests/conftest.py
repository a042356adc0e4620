"""Shared fixtures: the bundled seed corpus, its review, and a builder for small corpora and
ledgers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CLAIMS = ROOT / "claims"


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the seeds under tmp_path/seeds and an empty tmp_path/claims to fill."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "claims").mkdir()
    return tmp_path


@pytest.fixture(scope="session")
def seeds_review():
    """The review of the seeds with the bundled ledger (read-only: shared by many tests)."""
    from factcheck import load_corpus, load_ledger, review

    corpus = load_corpus(SEEDS)
    return review(corpus, load_ledger(CLAIMS, corpus))


def review_project(folder: Path, sources_toml: str, articles: dict[str, str],
                   ledger: str):
    """Write a corpus (sources.toml and articles by file name) and a one-file ledger under
    `folder`, and review them."""
    from factcheck import load_corpus, load_ledger, review

    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "sources.toml").write_text(sources_toml, encoding="utf-8")
    for name, text in articles.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (folder / "claims").mkdir()
    (folder / "claims" / "ledger.toml").write_text(ledger, encoding="utf-8")
    sources = load_corpus(corpus)
    return review(sources, load_ledger(folder / "claims", sources))
