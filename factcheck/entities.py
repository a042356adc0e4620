"""Named entities and their aliases: which company, person or project a passage names.

The registry is data (`factcheck/data/entities.toml`, and any file a user passes, merged
over it). Aliases match accent- and case-insensitively, longest first, with one regular
expression; capitalised words that match no alias are compared with rapidfuzz to catch
spelling variants ("Micrsoft", "Coreweave Inc").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from rapidfuzz import fuzz, process

from factcheck._toml import line_of, read_toml
from factcheck.errors import EntitiesError, Problem
from factcheck.extract.grammar import trie
from factcheck.text import fold

KINDS = ("company", "person", "project", "product", "media", "regulator", "government",
         "organisation")
FIELDS = {"id", "kind", "aliases", "cased", "parties", "owner", "roles"}
# Spelling variants: only words this long are compared, and only this alike match.
FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 88.0


@attrs.frozen(kw_only=True)
class Entity:
    """One company, person, project, product, outlet or authority, and its names."""

    id: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    aliases: tuple[str, ...] = attrs.field(converter=tuple)
    cased: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    parties: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    owner: str | None = None
    roles: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class EntityMention:
    """An entity named in a text: `text[start:end]` is the alias as written."""

    entity: Entity
    start: int
    end: int


@attrs.frozen(eq=False)
class EntityRegistry(Mapping[str, Entity]):
    """Entities by id, with the alias matcher (compiled on first use: a registry of tens of
    thousands of entities takes a second or more to compile, and one read only to be merged
    into another is never searched)."""

    entities: dict[str, Entity]
    by_alias: dict[str, str]  # folded alias -> entity id
    fuzzy_aliases: tuple[str, ...]  # folded single-word aliases eligible for fuzzy matching
    fuzzy_cache: dict[str, str | None] = attrs.field(factory=dict, repr=False)
    _compiled: list[re.Pattern[str]] = attrs.field(factory=list, repr=False)
    # projects and joint ventures with their parties, named by their members: listed once,
    # since claims ask for them often and a registry may hold tens of thousands of entities
    projects: tuple[Entity, ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "projects", tuple(
            e for e in self.entities.values() if e.kind == "project" and e.parties))

    @property
    def pattern(self) -> re.Pattern[str]:
        """The alias matcher: every folded alias, longest first, as whole words."""
        if not self._compiled:
            body = trie(self.by_alias) if self.by_alias else r"(?!x)x"
            self._compiled.append(re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])"))
        return self._compiled[0]

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def __iter__(self):
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def find(self, text: str, start: int = 0, end: int | None = None, *,
             folded: str | None = None) -> list[EntityMention]:
        """Every entity named in text[start:end], in order, longest alias first
        (`folded` is `fold(text)`, when the caller has it already)."""
        end = len(text) if end is None else end
        folded = fold(text) if folded is None else folded
        found: list[EntityMention] = []
        for match in self.pattern.finditer(folded, start, end):
            alias = " ".join(match.group().split())
            entity = self.entities[self.by_alias[alias]]
            if alias in entity_cased(entity) and not _written_as_cased(
                    text[match.start():match.end()], entity):
                continue
            found.append(EntityMention(entity, match.start(), match.end()))
        if self.fuzzy_aliases:
            found.extend(self._fuzzy(text, folded, start, end, found))
            found.sort(key=lambda m: m.start)
        return found

    def _fuzzy(self, text: str, folded: str, start: int, end: int,
               exact: list[EntityMention]) -> list[EntityMention]:
        taken = [(m.start, m.end) for m in exact]  # in order: walk them with the words
        position = 0
        out = []
        for word in _CAPITALISED.finditer(text, start, end):
            while position < len(taken) and taken[position][1] <= word.start():
                position += 1
            if len(word.group()) < FUZZY_MIN_LENGTH or (
                    position < len(taken) and taken[position][0] <= word.start()):
                continue
            entity_id = self._closest(folded[word.start():word.end()])
            if entity_id is not None:
                out.append(EntityMention(self.entities[entity_id], word.start(), word.end()))
        return out

    def _closest(self, word: str) -> str | None:
        """The entity whose alias `word` (folded) misspells, or None; remembered per word."""
        if word not in self.fuzzy_cache:
            best = None
            if word not in self.by_alias:  # an exact alias a case rule turned down: no typo
                best = process.extractOne(word, self.fuzzy_aliases, scorer=fuzz.ratio,
                                          score_cutoff=FUZZY_CUTOFF)
            self.fuzzy_cache[word] = None if best is None else self.by_alias[best[0]]
        return self.fuzzy_cache[word]

    def merged(self, other: EntityRegistry) -> EntityRegistry:
        """This registry with `other`'s entities over it: same id replaces, and an alias
        `other` uses is taken from whichever entity here had it."""
        theirs = {alias for entity in other.entities.values() for alias in _folded(entity)}
        kept = [attrs.evolve(entity, aliases=[a for a in entity.aliases
                                              if _fold_alias(a) not in theirs])
                for entity_id, entity in self.entities.items() if entity_id not in other]
        return build_registry([*kept, *other.entities.values()])


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’-]*[\w]")


# Leading articles of periphrases ("le géant de Redmond", "the ChatGPT maker"), folded: the
# alias also matches without them, after "du", "au", "of the"...
ARTICLES = ("le ", "la ", "l'", "les ", "the ")


def _without_article(alias: str) -> str | None:
    for article in ARTICLES:
        if alias.startswith(article):
            bare = alias[len(article):]
            return bare if " " in bare else None  # one word left is too common a word
    return None


def _fold_alias(alias: str) -> str:
    return " ".join(fold(alias).split())


def _folded(entity: Entity) -> list[str]:
    return [_fold_alias(a) for a in entity.aliases]


@functools.lru_cache(maxsize=None)
def _cased_folded(entity: Entity) -> frozenset[str]:
    return frozenset(_fold_alias(a) for a in entity.cased)


def entity_cased(entity: Entity) -> frozenset[str]:
    """Folded aliases of `entity` that match only with their capitals."""
    return _cased_folded(entity) if entity.cased else frozenset()


def _written_as_cased(written: str, entity: Entity) -> bool:
    """Whether `written` has the capitals of one of the entity's cased aliases."""
    written = " ".join(written.split())
    return any(fold(written) == fold(alias)
               and [c.isupper() for c in written] == [c.isupper() for c in alias]
               for alias in entity.cased)


def build_registry(entities: Iterable[Entity]) -> EntityRegistry:
    """A registry of `entities` (later ones win an alias they share with earlier ones)."""
    by_id = {entity.id: entity for entity in entities}
    by_alias: dict[str, str] = {}
    for entity in by_id.values():
        for alias in _folded(entity):
            by_alias[alias] = entity.id
    for entity in by_id.values():
        # "le groupe d'Eindhoven" is also "du groupe d'Eindhoven", "au groupe d'Eindhoven"
        for alias in _folded(entity):
            bare = _without_article(alias)
            if bare is not None and bare not in by_alias:
                by_alias[bare] = entity.id
    fuzzy = tuple(sorted(
        alias for alias, entity_id in by_alias.items()
        if " " not in alias and len(alias) >= FUZZY_MIN_LENGTH
        and alias not in entity_cased(by_id[entity_id])))
    return EntityRegistry(by_id, by_alias, fuzzy)


def _entity_from_table(table: Any, index: int, path: Path, text: str,
                       problems: list[Problem]) -> Entity | None:
    def problem(field: str | None, message: str) -> None:
        line = line_of(text, "id", str(table.get("id"))) if isinstance(table, dict) else None
        problems.append(Problem(file=str(path), line=line, field=field,
                                message=f"entity {label}: {message}"))

    label = repr(table.get("id")) if isinstance(table, dict) else f"#{index}"
    if not isinstance(table, dict):
        problem(None, "is not an [[entity]] table")
        return None
    for name in sorted(set(table) - FIELDS):
        problem(name, f"unknown field `{name}` (known: {', '.join(sorted(FIELDS))})")
    if not isinstance(table.get("id"), str) or not table["id"].strip():
        problem("id", "`id` is required and must be non-empty text")
        return None
    if table.get("kind") not in KINDS:
        problem("kind", f"`kind` must be one of {', '.join(KINDS)}, got {table.get('kind')!r}")
        return None
    lists: dict[str, tuple[str, ...]] = {}
    for name in ("aliases", "cased", "parties"):
        items = table.get(name, [])
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip()
                                                   for i in items):
            problem(name, f"`{name}` must be a list of non-empty texts")
            return None
        lists[name] = tuple(items)
    aliases = lists["aliases"] or (table["id"],)
    if table["id"] not in aliases:
        aliases = (table["id"], *aliases)
    for alias in lists["cased"]:
        if alias not in aliases:
            problem("cased", f"cased alias {alias!r} is not one of the aliases")
    roles = []
    for role in table.get("roles", []):
        if not (isinstance(role, dict) and isinstance(role.get("role"), str)
                and isinstance(role.get("of"), str)):
            problem("roles", "each role is a table { role = \"ceo\", of = \"<entity id>\" }")
            return None
        roles.append((role["role"], role["of"]))
    owner = table.get("owner")
    if owner is not None and not isinstance(owner, str):
        problem("owner", "`owner` must be an entity id")
        return None
    return Entity(id=table["id"], kind=table["kind"], aliases=aliases, cased=lists["cased"],
                  parties=lists["parties"], owner=owner, roles=roles)


def read_entities(path: Path) -> EntityRegistry:
    """The registry in one entities TOML file; EntitiesError lists every problem in it."""
    raw, text, problems = read_toml(path)
    if raw is None:
        raise EntitiesError(problems)
    tables = raw.get("entity", [])
    if not isinstance(tables, list):
        raise EntitiesError([Problem(file=str(path), message="`entity` must be [[entity]] tables")])
    extra = sorted(set(raw) - {"entity"})
    if extra:
        problems.append(Problem(file=str(path), message=f"unknown top-level key(s) "
                                f"{', '.join(extra)}; entities go in [[entity]] tables"))
    entities: list[Entity] = []
    seen_ids: dict[str, int] = {}
    seen_aliases: dict[str, str] = {}
    for index, table in enumerate(tables, start=1):
        entity = _entity_from_table(table, index, path, text, problems)
        if entity is None:
            continue
        if entity.id in seen_ids:
            problems.append(Problem(file=str(path), line=line_of(text, "id", entity.id),
                                    field="id", message=f"duplicate entity id {entity.id!r}"))
            continue
        seen_ids[entity.id] = index
        for alias in _folded(entity):
            other = seen_aliases.setdefault(alias, entity.id)
            if other != entity.id:
                problems.append(Problem(file=str(path), line=line_of(text, "id", entity.id),
                                        field="aliases", message=f"alias {alias!r} of "
                                        f"{entity.id!r} is already an alias of {other!r}"))
        entities.append(entity)
    known = set(seen_ids)
    for entity in entities:
        owners = [entity.owner] if entity.owner else []
        for field, refs in (("parties", entity.parties), ("owner", owners),
                            ("roles", [of for _, of in entity.roles])):
            for ref in refs:
                if ref not in known:
                    problems.append(Problem(file=str(path), line=line_of(text, "id", entity.id),
                                            field=field, message=f"entity {entity.id!r} "
                                            f"refers to unknown entity {ref!r}"))
    if problems:
        raise EntitiesError(problems)
    return build_registry(entities)


@functools.cache
def bundled_entities() -> EntityRegistry:
    """The registry shipped with factcheck, read once."""
    path = resources.files("factcheck").joinpath("data", "entities.toml")
    with resources.as_file(path) as real:
        return read_entities(Path(real))


def load_entities(extra: str | Path | EntityRegistry | None = None) -> EntityRegistry:
    """The bundled registry, with a user's registry (file or object) merged over it."""
    if extra is None:
        return bundled_entities()
    if not isinstance(extra, EntityRegistry):
        path = Path(extra)
        if not path.is_file():
            raise EntitiesError([Problem(file=str(path), message="no such entities file")])
        extra = read_entities(path)
    return bundled_entities().merged(extra)
