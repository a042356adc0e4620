"""Reading hand-edited files (text, TOML) with errors that name the file and line."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from factcheck.errors import Problem

_AT_LINE = re.compile(r"at line (\d+)")


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The UTF-8 text of `path`, or None and the problem that prevented reading it."""
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem(file=str(path), message=f"not UTF-8 text: {exc.reason} "
                              f"at byte {exc.start}")]
    except OSError as exc:
        return None, [Problem(file=str(path), message=f"cannot read: {exc.strerror}")]


def read_toml(path: Path) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """The parsed table, the raw text and the problems met reading `path`."""
    text, problems = read_text(path)
    if text is None:
        return None, "", problems
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        return None, text, [Problem(file=str(path), line=int(found.group(1)) if found else None,
                                    message=f"invalid TOML: {exc}")]


def line_of(text: str, key: str, value: str, after: int = 0) -> int | None:
    """The first line past line `after` where `key = "value"` is written, or None."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=\s*['\"]{re.escape(value)}['\"]")
    for number, line in enumerate(text.splitlines()[after:], start=after + 1):
        if pattern.match(line):
            return number
    return None


def field_line(text: str, table_line: int | None, field: str) -> int | None:
    """The line of `field = ...` inside the table that starts around `table_line`."""
    if table_line is None:
        return None
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
    start = table_line - 1
    while start > 0 and not lines[start].strip().startswith("[["):
        start -= 1
    for number in range(start + 1, len(lines)):
        if number > start + 1 and lines[number].strip().startswith("[["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return table_line
