"""The exception family: every error factcheck raises derives from FactcheckError.

Each error carries where it happened (file, line, claim id, field) so that a message
can point an editor at the exact place to fix; the CLI prints them, never a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input, and where it is."""

    message: str
    file: str | None = None
    line: int | None = None
    claim: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "")
        parts = [p for p in (where, f"claim {self.claim!r}" if self.claim else "",
                             f"field {self.field!r}" if self.field else "") if p]
        return (": ".join([", ".join(parts), self.message]) if parts else self.message)


class FactcheckError(Exception):
    """Base class of every error factcheck raises on purpose."""


class ParseError(FactcheckError, ValueError):
    """A value (figure, date, unit) could not be read from its text."""

    def __init__(self, message: str, *, text: str | None = None, field: str | None = None):
        super().__init__(message)
        self.text = text
        self.field = field


class ModelError(FactcheckError, ValueError):
    """A model object was built with an inconsistent or out-of-range value."""


class ProblemsError(FactcheckError):
    """Input with one or more problems; all of them are listed, none dropped."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


class CorpusError(ProblemsError):
    """A corpus folder or its sources.toml is unreadable or inconsistent."""


class LedgerError(ProblemsError):
    """The claims ledger has invalid claims: bad fields, unknown sources, quotes not found."""


class EntitiesError(ProblemsError):
    """An entities registry file has invalid entries: bad fields, duplicate or shared
    aliases, references to unknown entities."""


class MissingExtraError(FactcheckError, ImportError):
    """An optional dependency is not installed; the message names the extra to install."""
