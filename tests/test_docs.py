"""The walk-through in docs/notebook.md runs as written and prints what it shows."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from conftest import ROOT

WALKTHROUGH = ROOT / "docs" / "notebook.md"
_BLOCK = re.compile(r"```(python|text)\n(.*?)```", re.S)


def examples(page: str) -> list[tuple[str, str | None]]:
    """Each python block of `page` with the text block that follows it, if any."""
    pairs: list[tuple[str, str | None]] = []
    for kind, body in _BLOCK.findall(page):
        if kind == "python":
            pairs.append((body, None))
        elif pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], body)
    return pairs


def test_walkthrough_blocks_run_in_order_and_print_what_the_page_shows(monkeypatch):
    pytest.importorskip("pandas")  # in the test extra, so it runs in CI
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    pairs = examples(WALKTHROUGH.read_text(encoding="utf-8"))
    assert len(pairs) >= 4
    for number, (code, expected) in enumerate(pairs, 1):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{WALKTHROUGH.name} block {number}", "exec"), namespace)
        if expected is not None:
            assert printed.getvalue() == expected, f"block {number} printed otherwise"
