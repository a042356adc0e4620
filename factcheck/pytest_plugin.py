"""pytest plugin: one consistency test per fact a claims ledger states.

Inert unless a project names its ledger folders with the `factcheck_ledger` ini option:
only then are its collection and reporting hooks registered, and factcheck's engine is
imported only when a ledger folder is collected. The checking itself lives in
`factcheck.testing`; this module holds the hooks and the collection nodes. See
docs/pytest-plugin.md.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

# before anything imports factcheck.testing, so that its asserts are rewritten
pytest.register_assert_rewrite("factcheck.testing")

if TYPE_CHECKING:
    from factcheck.model import Source
    from factcheck.testing import Fact

LEDGER_OPTION = "factcheck_ledger"
SOURCES_OPTION = "factcheck_sources"
PLUGIN_NAME = "factcheck-ledger-checks"
# user_properties (and JUnit XML properties) of a fact's test are named with this prefix
PROPERTY = "factcheck."
VERDICT = PROPERTY + "verdict"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(LEDGER_OPTION, "claims ledger folders (*.toml) to check, one test per fact "
                  "(relative to the config file)", type="paths", default=[])
    parser.addini(SOURCES_OPTION, "the corpus folder (sources.toml and .txt articles) the "
                  "ledger quotes, relative to the config file; required with "
                  f"{LEDGER_OPTION}", type="string", default="")


def pytest_configure(config: pytest.Config) -> None:
    roots = config.getini(LEDGER_OPTION)
    if roots:
        config.pluginmanager.register(LedgerChecks(config, roots), PLUGIN_NAME)


class LedgerChecks:
    """The hooks of a project that names ledger folders: collect them, head and sum up."""

    def __init__(self, config: pytest.Config, roots: list[Path]):
        self.config = config
        self.roots = tuple(Path(os.path.normpath(root)) for root in roots)
        self.verdicts: Counter[str] = Counter()
        self._corpus: Any = None

    def sources_folder(self) -> Path:
        """The corpus folder `factcheck_sources` names, relative to the config file."""
        from factcheck.errors import FactcheckError

        named = str(self.config.getini(SOURCES_OPTION)).strip()
        if not named:
            raise FactcheckError(
                f"{LEDGER_OPTION} is set but {SOURCES_OPTION} is not: name the corpus folder "
                f"the ledger quotes (its sources.toml and .txt articles), e.g. "
                f"{SOURCES_OPTION} = \"sources\" beside {LEDGER_OPTION} in "
                f"{self.config_name()}")
        return Path(os.path.normpath(self._base() / named))

    def corpus(self) -> Any:
        """The corpus, read once per session for every ledger folder."""
        if self._corpus is None:
            from factcheck.corpus import load_corpus

            self._corpus = load_corpus(self.sources_folder())
        return self._corpus

    def _base(self) -> Path:
        inipath = self.config.inipath
        return inipath.parent if inipath is not None else self.config.invocation_params.dir

    def config_name(self) -> str:
        inipath = self.config.inipath
        return inipath.name if inipath is not None else "the pytest configuration"

    def relative(self, path: Path | str) -> str:
        """A path as the terminal shows it: relative to the rootdir when inside it."""
        return _relative(Path(path), self.config.rootpath)

    # -- hooks ------------------------------------------------------------------------------

    def pytest_report_header(self, config: pytest.Config) -> str:
        named = str(config.getini(SOURCES_OPTION)).strip()
        sources = self.relative(self._base() / named) if named else f"{SOURCES_OPTION} unset!"
        ledgers = ", ".join(self.relative(root) for root in self.roots)
        return f"factcheck: ledger {ledgers} checked against {sources}"

    def pytest_collection(self, session: pytest.Session) -> None:
        missing = [root for root in self.roots if not root.is_dir()]
        if missing:
            raise pytest.UsageError(
                f"{LEDGER_OPTION} in {self.config_name()} names no folder at "
                + ", ".join(str(root) for root in missing))

    @pytest.hookimpl(tryfirst=True)
    def pytest_collect_directory(self, path: Path, parent: pytest.Collector
                                 ) -> pytest.Collector | None:
        if path in self.roots:
            return LedgerFolder.from_parent(parent, path=path, checks=self)
        return None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            verdict = dict(report.user_properties).get(VERDICT)
            if verdict is not None:
                self.verdicts[str(verdict)] += 1

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.verdicts:
            return
        counts = self.verdicts
        facts = sum(counts.values())
        terminalreporter.write_sep("-", "factcheck")
        terminalreporter.write_line(
            f"{facts} fact(s) checked: {counts['disagreement']} disagreement(s), "
            f"{counts['accepted']} accepted by an editor (xfail), "
            f"{counts['stale']} stale accepted note(s), {counts['ok']} with no disagreement")


class LedgerContents:
    """What a reviewed ledger folder holds: the facts of each claims file, and what the
    items need to describe their claims."""

    def __init__(self, by_file: dict[Path, list[tuple[Fact, int | None]]],
                 ledger_files: set[Path], sources: Mapping[str, Source],
                 where: Mapping[str, str]):
        self.by_file, self.ledger_files = by_file, ledger_files
        self.sources, self.where = sources, where


def _entries(folder: LedgerFolder | LedgerSubfolder, contents: LedgerContents
             ) -> Iterator[pytest.Item | pytest.Collector]:
    """The collectors of a ledger folder's entries: claims files (in subfolders too, as
    `load_ledger` reads them) and whatever else pytest would collect there."""
    for entry in sorted(folder.path.iterdir()):
        if folder.ignored(entry):
            continue
        if entry.is_dir():
            if any(path.is_relative_to(entry) for path in contents.ledger_files):
                yield LedgerSubfolder.from_parent(folder, path=entry, contents=contents)
            else:
                collector = folder.ihook.pytest_collect_directory(path=entry, parent=folder)
                if collector is not None:
                    yield collector
        elif entry in contents.ledger_files:
            yield LedgerFile.from_parent(folder, path=entry,
                                         facts=contents.by_file.get(entry, []),
                                         sources=contents.sources, where=contents.where)
        elif entry.is_file():
            yield from folder.ihook.pytest_collect_file(file_path=entry, parent=folder)


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root)) or "."
    except ValueError:
        return str(path)


class LedgerFolder(pytest.Directory):
    """A ledger folder: verified and reviewed once; each claims file yields its facts.

    Other files and folders inside it are collected as pytest would.
    """

    def __init__(self, *, checks: LedgerChecks, **kwargs: Any):
        super().__init__(**kwargs)
        self.checks = checks

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        from factcheck.errors import FactcheckError

        try:
            facts, sources, places = self._review()
        except FactcheckError as exc:
            raise self.CollectError(self._explain(exc)) from exc
        by_file: dict[Path, list[tuple[Fact, int | None]]] = {}
        for fact in facts:
            path, line = places[fact.claims[0].id]
            by_file.setdefault(path, []).append((fact, line))
        where = {claim_id: f"{self.checks.relative(path)}:{line}"
                 for claim_id, (path, line) in places.items()}
        ledger_files = {path for path, _ in places.values()}
        yield from _entries(self, LedgerContents(by_file, ledger_files, sources, where))

    def ignored(self, entry: Path) -> bool:
        return _ignored(self, entry)

    def _review(self) -> tuple[list[Fact], Mapping[str, Source], dict[str, Place]]:
        from factcheck.ledger import load_ledger
        from factcheck.review import review
        from factcheck.testing import ledger_facts

        corpus = self.checks.corpus()
        ledger = load_ledger(self.path, corpus)
        result = review(corpus, ledger, automatic=False)
        return ledger_facts(result), {s.id: s for s in result.sources}, ledger.places

    def _explain(self, exc: Exception) -> str:
        """A load failure as plain text: what failed, then every problem with file and line."""
        import attrs

        from factcheck.errors import CorpusError, LedgerError, ProblemsError

        if isinstance(exc, CorpusError):
            head = (f"{SOURCES_OPTION} = {self.config.getini(SOURCES_OPTION)!r} "
                    f"({self.checks.config_name()}) is not a readable corpus")
        elif isinstance(exc, LedgerError):
            head = f"the claims ledger {self.checks.relative(self.path)}/ does not verify"
        else:
            return str(exc)
        assert isinstance(exc, ProblemsError)
        problems = [attrs.evolve(p, file=self.checks.relative(p.file)) if p.file else p
                    for p in exc.problems]
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        return "\n".join([f"{head} ({count}):", *(f"  {p}" for p in problems)])


Place = tuple[Path, int | None]


def _ignored(folder: pytest.Directory, entry: Path) -> bool:
    if folder.session.isinitpath(entry, with_parents=entry.is_dir()):
        return False
    return bool(folder.ihook.pytest_ignore_collect(collection_path=entry, config=folder.config))


class LedgerSubfolder(pytest.Directory):
    """A folder inside a ledger folder that holds claims files."""

    def __init__(self, *, contents: LedgerContents, **kwargs: Any):
        super().__init__(**kwargs)
        self.contents = contents

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        yield from _entries(self, self.contents)

    def ignored(self, entry: Path) -> bool:
        return _ignored(self, entry)


class LedgerFile(pytest.File):
    """One claims file: a test for each fact whose first claim it holds, in file order."""

    def __init__(self, *, facts: list[tuple[Fact, int | None]], sources: Mapping[str, Source],
                 where: Mapping[str, str], **kwargs: Any):
        super().__init__(**kwargs)
        self.facts = facts
        self.sources = sources
        self.where = where

    def collect(self) -> Iterator[FactItem]:
        from factcheck.testing import DisagreementError

        names: Counter[str] = Counter()
        for fact, line in self.facts:
            name = _slug(fact.title)
            names[name] += 1
            if names[name] > 1:
                name = f"{name}-{names[name]}"
            item = FactItem.from_parent(self, name=name, fact=fact, line=line)
            reason = fact.expected_failure
            if reason is not None:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=True,
                                                  raises=DisagreementError))
            yield item


class FactItem(pytest.Item):
    """One fact of the ledger: fails when its sources disagree, listing what each says."""

    parent: LedgerFile

    def __init__(self, *, fact: Fact, line: int | None, **kwargs: Any):
        super().__init__(**kwargs)
        self.fact = fact
        self.line = line
        claims = fact.claims
        self.user_properties += [
            (PROPERTY + "fact", fact.title),
            (PROPERTY + "claims", " ".join(c.id for c in claims)),
            (PROPERTY + "findings", " ".join(f.kind.value for f in fact.findings) or "none"),
            (VERDICT, fact.verdict),
        ]

    def runtest(self) -> None:
        from factcheck.testing import disagreement_error

        error = disagreement_error(self.fact, self.parent.sources, self.parent.where)
        if error is not None:
            raise error

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str | Any:
        from factcheck.testing import DisagreementError

        if isinstance(excinfo.value, DisagreementError):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, self.line - 1 if self.line else None, self.fact.title


def _slug(title: str) -> str:
    """A fact's title as a node name: "microsoft-investment-openai-total"."""
    from factcheck.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(title).lower()).strip("-") or "fact"
