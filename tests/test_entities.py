"""The entity registry: aliases matched without regard to accents and case, spelling
variants caught by rapidfuzz, a user's registry merged over the bundled one."""

from pathlib import Path

import pytest

from factcheck.entities import (Entity, build_registry, bundled_entities, load_entities,
                                read_entities)
from factcheck.errors import EntitiesError


def names(registry, text):
    return [(m.entity.id, text[m.start:m.end]) for m in registry.find(text)]


@pytest.mark.parametrize("text, entity", [
    ("la firme de Redmond a investi", "Microsoft"),
    ("LE GÉANT DE REDMOND a investi", "Microsoft"),
    ("le geant de redmond a investi", "Microsoft"),
    ("Le créateur de ChatGPT s'impose", "OpenAI"),
    ("the ChatGPT maker said", "OpenAI"),
    ("la start-up de Sam Altman envisage", "OpenAI"),
    ("Le patron de Tesla accuse", "Elon Musk"),
    ("CoreWeave se prépare", "CoreWeave"),
])
def test_aliases_match_whatever_the_accents_and_case(text, entity):
    assert names(bundled_entities(), text)[0][0] == entity


def test_the_longest_alias_wins_over_a_name_inside_it():
    found = names(bundled_entities(), "la start-up de Sam Altman a signé")
    assert found == [("OpenAI", "la start-up de Sam Altman")]


def test_a_cased_alias_needs_its_capitals():
    registry = bundled_entities()
    assert names(registry, "Oracle a signé un accord") == [("Oracle", "Oracle")]
    assert names(registry, "consulter l'oracle de Delphes") == []


def test_a_misspelt_name_is_caught_by_fuzzy_matching():
    assert names(bundled_entities(), "Micrsoft a investi") == [("Microsoft", "Micrsoft")]
    assert names(bundled_entities(), "Toutefois, la situation") == []


def test_offsets_point_into_the_original_text_despite_accents():
    text = "Après l'été, le géant de Redmond a répondu."
    (entity, written), = names(bundled_entities(), text)
    assert (entity, written) == ("Microsoft", "le géant de Redmond")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entities.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_registry_is_merged_over_the_bundled_one(tmp_path):
    path = write(tmp_path, """
[[entity]]
id = "Kryolis"
kind = "company"
aliases = ["Kryolis", "le groupe grenoblois"]

[[entity]]
id = "Microsoft"
kind = "company"
aliases = ["Microsoft", "la maison de Redmond"]
""")
    registry = load_entities(path)
    assert names(registry, "le groupe grenoblois a levé") == [("Kryolis", "le groupe grenoblois")]
    assert names(registry, "la maison de Redmond") == [("Microsoft", "la maison de Redmond")]
    assert "OpenAI" in registry  # the bundled entities are still there


def test_a_users_alias_is_taken_from_the_bundled_entity_that_had_it(tmp_path):
    path = write(tmp_path, """
[[entity]]
id = "Redmond City"
kind = "government"
aliases = ["Redmond City", "la firme de Redmond"]
""")
    assert names(load_entities(path), "la firme de Redmond") == [
        ("Redmond City", "la firme de Redmond")]


@pytest.mark.parametrize("body, message", [
    ('[[entity]]\nid = "A"\nkind = "planet"\naliases = ["A"]\n', "`kind` must be one of"),
    ('[[entity]]\nid = "A"\nkind = "company"\naliases = ["A"]\n'
     '[[entity]]\nid = "A"\nkind = "company"\naliases = ["Ab"]\n', "duplicate entity id 'A'"),
    ('[[entity]]\nid = "A"\nkind = "company"\naliases = ["Same"]\n'
     '[[entity]]\nid = "B"\nkind = "company"\naliases = ["same"]\n',
     "alias 'same' of 'B' is already an alias of 'A'"),
    ('[[entity]]\nid = "P"\nkind = "project"\nparties = ["Nobody"]\n',
     "refers to unknown entity 'Nobody'"),
    ('[[entity]]\nid = "A"\nkind = "company"\naliases = ["A"]\ncased = ["B"]\n',
     "cased alias 'B' is not one of the aliases"),
    ('[[entity]]\nid = "A"\nkind = "company"\nalias = ["A"]\n', "unknown field `alias`"),
    ('[[entity]\nid = "A"\n', "invalid TOML"),
])
def test_a_bad_registry_is_reported_with_its_file_and_line(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(EntitiesError) as error:
        read_entities(path)
    text = str(error.value)
    assert message in text and str(path) in text


def test_a_missing_registry_file_is_an_error_not_a_crash(tmp_path):
    with pytest.raises(EntitiesError, match="no such entities file"):
        load_entities(tmp_path / "nope.toml")


def test_a_registry_can_be_built_from_entities_in_code():
    registry = build_registry([Entity(id="Globex", kind="company", aliases=["Globex"])])
    assert names(registry, "Globex détient 4 %") == [("Globex", "Globex")]
