"""Shared fixtures: the bundled seed corpus and a builder for small corpora and ledgers."""

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
