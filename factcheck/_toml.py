"""Reading files safely (articles, TOML), with errors that name the file and line.

Every file factcheck reads goes through `read_text`: regular files only (a named pipe would
block, a device never ends), inside the folder they belong to when one is given (no `..`,
absolute path or symlink out of a corpus), at most `max_bytes` (reported, never cut), UTF-8;
any operating-system error becomes a Problem naming the path.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from factcheck.errors import Problem

_AT_LINE = re.compile(r"at line (\d+)")
# the largest file read by default: far above any article (a long one is ~100 kB)
MAX_BYTES = 50_000_000


def os_problem(path: Path | str, exc: OSError | RuntimeError) -> Problem:
    """A Problem for an operating-system error on `path`, in words."""
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return Problem(file=str(path), message="cannot read: a loop of symbolic links")
    reason = exc.strerror or str(exc)
    return Problem(file=str(path), message=f"cannot read: {reason}")


def regular_file(path: Path, *, inside: Path | None = None
                 ) -> tuple[Path | None, int, list[Problem]]:
    """`path` resolved and its size in bytes when it is a regular file (inside the folder
    `inside`, when given), or None and the problem: a named pipe would block a reader and a
    device never ends, so neither is read."""
    def problem(message: str) -> tuple[None, int, list[Problem]]:
        return None, 0, [Problem(file=str(path), message=message)]

    try:
        resolved = Path(path).resolve(strict=True)
        if inside is not None and not resolved.is_relative_to(inside.resolve(strict=True)):
            return problem(f"is outside the folder {str(inside)!r} (a corpus reads only its "
                           "own files)")
        info = resolved.stat()
    except FileNotFoundError:
        return problem("no such file")
    except (OSError, RuntimeError, ValueError) as exc:
        # RuntimeError: a symlink loop (Python 3.11-3.12); ValueError: a NUL in the name
        return None, 0, [os_problem(path, exc)]
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a named pipe, device or socket"
        return problem(f"is {kind}, not a regular file")
    return resolved, info.st_size, []


def read_text(path: Path, *, inside: Path | None = None, max_bytes: int = MAX_BYTES
              ) -> tuple[str | None, list[Problem]]:
    """The UTF-8 text of `path`, or None and the problem that prevented reading it."""
    def problem(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(file=str(path), message=message)]

    resolved, size, problems = regular_file(path, inside=inside)
    if resolved is None:
        return None, problems
    if size > max_bytes:
        return problem(f"{size:,} bytes, over the limit of {max_bytes:,} bytes per "
                       "file (raise it with --max-bytes)")
    try:
        with open(resolved, "rb") as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, RuntimeError) as exc:
        return None, [os_problem(path, exc)]
    if len(data) > max_bytes:  # it grew while being read
        return problem(f"over the limit of {max_bytes:,} bytes per file")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return problem(f"not UTF-8 text: {exc.reason} at byte {exc.start}")


def is_folder(path: Path) -> tuple[bool, list[Problem]]:
    """Whether `path` is a folder, and the problem that prevented telling (a name too
    long for the file system, a folder that cannot be searched)."""
    try:
        return path.is_dir(), []
    except OSError as exc:
        return False, [os_problem(path, exc)]


def folder_entries(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The entries of `folder`, sorted by name, or the problem that prevented listing it."""
    try:
        with os.scandir(folder) as entries:
            return sorted(Path(entry.path) for entry in entries), []
    except OSError as exc:
        return [], [os_problem(folder, exc)]


def read_toml(path: Path, *, inside: Path | None = None
              ) -> tuple[dict[str, Any] | None, str, list[Problem]]:
    """The parsed table, the raw text and the problems met reading `path`."""
    text, problems = read_text(path, inside=inside)
    if text is None:
        return None, "", problems
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as exc:
        found = _AT_LINE.search(str(exc))
        return None, text, [Problem(file=str(path), line=int(found.group(1)) if found else None,
                                    message=f"invalid TOML: {exc}")]


def table_lines(text: str, name: str) -> list[int]:
    """The line of each `[[name]]` header of a TOML text, in order: the n-th is the line of
    the n-th table of the array `name`."""
    header = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
    return [number for number, line in enumerate(text.splitlines(), 1) if header.match(line)]


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
