"""Verdicts, rule by rule, on small made-up articles in French and English: rounding, hedges,
bounds, dates and their resolution, states and their validity, timelines, derived checks,
near-duplicates, and the traps that must not be reported (news-figure-traps)."""

from decimal import Decimal

import pytest

from factcheck import FindingKind, Source, review
from factcheck.compare import fact_key, group_claims
from factcheck.entities import Entity, build_registry, bundled_entities
from factcheck.model import Claim, Provenance, Quantity

REGISTRY = bundled_entities().merged(build_registry([
    Entity(id="Globex", kind="company", aliases=["Globex", "le groupe lyonnais"]),
    Entity(id="Initech", kind="company", aliases=["Initech"]),
    Entity(id="Hooli", kind="company", aliases=["Hooli"]),
    Entity(id="Umbrella", kind="company", aliases=["Umbrella"]),
    Entity(id="Projet Atlas", kind="project", aliases=["Atlas", "projet Atlas"],
           parties=["Globex", "Hooli", "Umbrella"]),
]))


def article(source_id, text, published="2025-03-11", language="fr", publisher=None):
    return Source(id=source_id, text=text, language=language, published=published,
                  publisher=publisher or source_id.upper())


def verdicts(*sources):
    """(kind, subject, predicate, object) of every finding about two or more sources."""
    result = review(list(sources), entities=REGISTRY)
    return [(f.kind.value, f.subject, f.predicate, f.object) for f in result.findings], result


def kinds_about(predicate, *sources):
    found, _ = verdicts(*sources)
    return [kind for kind, _, pred, _ in found if pred == predicate]


# -- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("Globex a signé un contrat de 11,9 milliards de dollars avec Initech.",
     "Globex signed a $12 billion contract with Initech."),
    ("Globex a signé un contrat de 7,8 milliards d'euros avec Initech.",
     "Globex a signé un contrat de 8 milliards d'euros avec Initech."),
    ("Globex a signé un contrat de 12 milliards de dollars avec Initech.",
     "Globex signed a $12B contract with Initech."),
])
def test_figures_within_their_rounding_corroborate(first, second):
    language = "en" if "signed" in second else "fr"
    assert kinds_about("contract_value", article("a", first),
                       article("b", second, language=language)) == ["corroboration"]


def test_figures_apart_beyond_rounding_but_within_a_hedge_are_in_tension():
    found = kinds_about("investment",
                        article("a", "Globex a investi environ 14 milliards de dollars dans Initech."),
                        article("b", "Globex a investi 13 milliards de dollars dans Initech."))
    assert found == ["tension"]


def test_figures_no_value_can_satisfy_conflict():
    found = kinds_about("funds_raised",
                        article("a", "Globex a levé plus de 4 milliards de dollars."),
                        article("b", "Globex raised $2.5 billion.", language="en"))
    assert found == ["conflict"]


def test_a_lower_bound_agrees_with_a_figure_above_it():
    assert kinds_about("stake", article("a", "Globex détient 6 % d'Initech."),
                       article("b", "Globex détient plus de 5 % d'Initech.")) == ["corroboration"]


def test_a_contract_ceiling_agrees_with_the_figure_and_conflicts_above_it():
    assert kinds_about("contract_value",
                       article("a", "Globex a signé un contrat pouvant aller jusqu'à 4,5 milliards "
                                    "d'euros avec Initech."),
                       article("b", "Globex a signé un contrat de 4,5 milliards d'euros avec "
                                    "Initech.")) == ["corroboration"]
    assert kinds_about("contract_value",
                       article("a", "Globex signed a contract worth up to €5 billion with "
                                    "Initech.", language="en"),
                       article("b", "Globex a signé un contrat de 7 milliards d'euros avec "
                                    "Initech.")) == ["conflict"]


def test_durations_compare_in_one_unit():
    assert kinds_about("contract_duration",
                       article("a", "Globex a signé un contrat sur cinq ans avec Initech."),
                       article("b", "Globex a signé un contrat sur 60 mois avec Initech.")
                       ) == ["corroboration"]


def test_amounts_in_different_currencies_are_not_compared():
    assert kinds_about("funds_raised", article("a", "Globex a levé 100 millions d'euros."),
                       article("b", "Globex a levé 100 millions de dollars.")) == []


def test_an_amount_without_currency_joins_the_one_currency_of_its_fact():
    assert kinds_about("investment",
                       article("a", "Globex investit 12 milliards dans Initech."),
                       article("b", "Globex a investi 11,9 milliards de dollars dans Initech.")
                       ) == ["corroboration"]


def test_one_sources_title_and_text_are_not_compared_with_each_other():
    found, _ = verdicts(Source(id="a", text="Globex a investi 11,9 milliards de dollars dans "
                               "Initech.", language="fr", published="2025-03-11",
                               title="Globex investit 12 milliards dans Initech"))
    assert found == []


# -- traps that are different facts ----------------------------------------------------------

@pytest.mark.parametrize("first, second", [
    # tranche vs total
    ("En 2021, Globex a investi 2 milliards d'euros dans Initech.",
     "Globex a investi 9 milliards d'euros au total dans Initech."),
    # planned vs done
    ("Globex vise une levée de 6 milliards de dollars.", "Globex a levé 2,2 milliards de dollars."),
    # one company's stake vs another's
    ("Globex détient 4 % d'Initech.", "Initech détient 7 % de Globex."),
    # change vs level
    ("Le chiffre d'affaires de Globex est en hausse de 35 %.",
     "Initech représente 12 % du chiffre d'affaires de Globex."),
    # stake vs investment amount
    ("Globex détient 30 % d'Initech.", "Globex a investi 8 milliards d'euros dans Initech."),
    # run rate vs a year's revenue
    ("Globex affiche un chiffre d'affaires de 900 millions de dollars en rythme annualisé.",
     "Globex a réalisé un chiffre d'affaires de 700 millions de dollars."),
    # monthly vs yearly
    ("Globex a réalisé un chiffre d'affaires de 120 millions d'euros par mois.",
     "Globex a réalisé un chiffre d'affaires de 1,3 milliard d'euros."),
])
def test_different_facts_that_look_alike_are_not_disagreements(first, second):
    found, _ = verdicts(article("a", first), article("b", second))
    assert not [f for f in found if f[0] in ("conflict", "tension")], found


def test_values_as_of_different_dates_form_a_timeline_not_a_contradiction():
    found = kinds_about("valuation",
                        article("a", "En 2023, Globex était valorisée 20 milliards de dollars."),
                        article("b", "En 2024, Globex était valorisée 55 milliards de dollars.",
                                published="2024-11-02"))
    assert found == ["update"]


def test_values_as_of_the_same_date_still_conflict():
    found = kinds_about("valuation",
                        article("a", "En 2024, Globex était valorisée 20 milliards de dollars."),
                        article("b", "En 2024, Globex était valorisée 55 milliards de dollars."))
    assert found == ["conflict"]


# -- dates --------------------------------------------------------------------------------

def announced(source_id, when, published="2025-06-20", language="fr"):
    verb = "a annoncé" if language == "fr" else "announced"
    text = (f"Globex {verb} le projet Atlas {when}." if language == "fr"
            else f"Globex {verb} the Atlas project {when}.")
    return article(source_id, text, published=published, language=language)


@pytest.mark.parametrize("first, second", [
    ("en janvier 2025", "en 2025"),
    ("en janvier 2025", "le 21 janvier 2025"),
    ("in January 2025", "on January 21, 2025"),
])
def test_dates_agree_when_their_periods_overlap(first, second):
    language = "en" if first.startswith("in") else "fr"
    assert kinds_about("announced", announced("a", first, language=language),
                       announced("b", second, language=language)) == ["corroboration"]


def test_dates_whose_periods_do_not_meet_conflict():
    assert kinds_about("announced", announced("a", "en février 2025"),
                       announced("b", "en janvier 2025")) == ["conflict"]


def test_relative_dates_compare_after_resolution_against_each_publication_date():
    assert kinds_about("announced", announced("a", "en février dernier", published="2025-03-11"),
                       announced("b", "en février 2025", published="2025-09-01")
                       ) == ["corroboration"]
    assert kinds_about("announced", announced("a", "en février dernier", published="2025-03-11"),
                       announced("b", "en janvier", published="2025-03-11")) == ["conflict"]


def test_a_date_left_open_by_a_coarse_publication_date_conflicts_only_if_no_resolution_fits():
    # "janvier dernier" in an article dated only "2025": January 2024 or January 2025
    assert kinds_about("announced", announced("a", "en janvier dernier", published="2025"),
                       announced("b", "en janvier 2024")) == ["corroboration"]
    assert kinds_about("announced", announced("a", "en janvier dernier", published="2025"),
                       announced("b", "en mars 2024")) == ["conflict"]


def test_an_event_between_two_companies_may_repeat_so_dates_are_only_in_tension():
    found = kinds_about("announced",
                        article("a", "En mars 2025, Globex a signé un accord avec Initech."),
                        article("b", "En juin 2025, Globex a signé un accord avec Initech.",
                                published="2025-07-01"))
    assert found == ["tension"]


def test_a_project_is_named_by_its_parties():
    found = kinds_about("announced",
                        article("a", "Globex a annoncé en février dernier un plan avec Hooli "
                                     "et Umbrella."),
                        article("b", "En janvier, Globex a signé un accord pour le projet Atlas."))
    assert found == ["conflict"]


# -- categorical states -----------------------------------------------------------------------

def test_a_state_stated_after_it_ended_conflicts():
    found = kinds_about(
        "exclusive_provider",
        article("a", "Actuellement, Hooli est le fournisseur exclusif de Globex.",
                published="2025-06-17"),
        article("b", "Hooli n'est plus le fournisseur exclusif de Globex depuis janvier 2025.",
                published="2025-03-11"))
    assert found == ["conflict"]


def test_a_state_before_it_ended_is_a_timeline():
    found = kinds_about(
        "exclusive_provider",
        article("a", "Actuellement, Hooli est le fournisseur exclusif de Globex.",
                published="2024-06-17"),
        article("b", "Hooli n'est plus le fournisseur exclusif de Globex depuis janvier 2025.",
                published="2025-03-11"))
    assert found == ["update"]


def test_a_state_that_flips_with_no_reported_change_is_a_tension():
    found = kinds_about(
        "exclusive_partner",
        article("a", "Hooli reste le partenaire privilégié mais non exclusif de Globex.",
                published="2025-03-11"),
        article("b", "Globex cherche à s'émanciper de Hooli, son partenaire exclusif.",
                published="2025-06-17"))
    assert found == ["tension"]


# -- derived checks -------------------------------------------------------------------------

def test_parts_that_add_up_to_their_total_are_consistent():
    found, result = verdicts(article("a", "Globex a levé 22,4 milliards de dollars, dont "
                                          "11,9 milliards, 4 milliards et 6,5 milliards."))
    assert [f[0] for f in found] == ["consistent"]


def test_parts_above_their_total_conflict():
    found, _ = verdicts(article("a", "Globex a levé 20 milliards de dollars, dont 11,9 "
                                     "milliards, 4 milliards et 6,5 milliards."))
    assert [f[0] for f in found] == ["conflict"]


def test_tranches_short_of_the_total_are_a_gap_not_a_conflict():
    found, _ = verdicts(
        article("a", "En 2019, Globex a investi un milliard de dollars dans Initech. En 2023, "
                     "Globex a investi 10 milliards de dollars dans Initech."),
        article("b", "Globex a investi 13 milliards de dollars au total dans Initech."))
    assert ("gap", "Globex", "investment", "Initech") in found
    assert not [f for f in found if f[0] in ("conflict", "tension")]


def test_a_share_and_the_amount_it_equals_imply_the_whole():
    found, result = verdicts(
        article("a", "Initech dépend de Globex, qui représentait 62 % de son chiffre "
                     "d'affaires en 2024, soit 1,9 milliard de dollars."),
        article("b", "En 2024, Initech a réalisé un chiffre d'affaires de 1,9 milliard de "
                     "dollars."))
    conflict = next(f for f in result.findings if f.kind is FindingKind.CONFLICT)
    assert (conflict.subject, conflict.predicate) == ("Initech", "revenue")
    assert "÷" in conflict.explanation


# -- stance and independence --------------------------------------------------------------------

def test_a_hedged_claim_against_an_asserted_one_says_so():
    _, result = verdicts(article("a", "Globex aurait levé 500 millions d'euros."),
                         article("b", "Globex a levé 200 millions d'euros."))
    finding = next(f for f in result.findings if f.kind is FindingKind.CONFLICT)
    assert finding.hedged and "conditional" in finding.explanation


WIRE = ("Globex a signé jeudi un contrat de 4,5 milliards d'euros avec Initech pour la "
        "fourniture de puces sur dix ans, a annoncé le groupe dans un communiqué. Le contrat "
        "prévoit des livraisons à partir de l'an prochain dans les usines européennes "
        "d'Initech, qui cherche à sécuriser ses approvisionnements après deux années de "
        "pénurie. Les analystes saluent un accord qui conforte la position de Globex sur un "
        "marché très disputé, où la concurrence asiatique reste vive.")


def test_a_republished_wire_story_counts_once():
    rewrite = ("Nouvelle étape pour le groupe lyonnais. " + WIRE.replace("jeudi", "ce jeudi")
               .replace("très disputé", "particulièrement disputé"))
    independent = ("Initech sécurise ses puces : l'industriel a conclu avec Globex un contrat "
                   "de 4,5 milliards d'euros, selon nos informations, le plus important de son "
                   "histoire récente.")
    _, result = verdicts(article("a", WIRE), article("b", rewrite), article("c", independent))
    finding = next(f for f in result.findings if f.predicate == "contract_value")
    assert finding.kind is FindingKind.CORROBORATION
    assert finding.independent_sources == 2
    assert "near-duplicates" in finding.explanation


# -- grouping -----------------------------------------------------------------------------

def claim(claim_id, subject, value, source="a"):
    return Claim(id=claim_id, subject=subject, predicate="debt",
                 value=Quantity(value=Decimal(value), low=Decimal(value), high=Decimal(value),
                                unit="USD"),
                 provenance=Provenance(source=source, start=0, end=0, quote=""))


def test_grouping_is_by_fact_key_in_one_pass():
    groups = group_claims([claim("1", "Globex", 5), claim("2", "Initech", 5),
                           claim("3", "Globex", 6, "b")])
    assert sorted(len(g) for g in groups.values()) == [1, 2]
    assert fact_key(claim("1", "Globex", 5)) == fact_key(claim("3", "Globex", 6))


def test_an_undated_round_is_the_round_its_article_reports():
    found = kinds_about("funds_raised",
                        article("a", "Globex a levé 350 millions d'euros.", published="2024-10-08"),
                        article("b", "Globex raised €350 million.", language="en",
                                published="2024-10-09"),
                        article("c", "Globex a levé 200 millions d'euros.", published="2025-06-01"))
    assert found == ["corroboration"]


def test_tranches_above_a_stated_total_are_in_tension_not_conflict():
    found, _ = verdicts(
        article("a", "En 2019, Globex a investi 5 milliards de dollars dans Initech. En 2023, "
                     "Globex a investi 10 milliards de dollars dans Initech."),
        article("b", "Globex a investi 9 milliards de dollars au total dans Initech."))
    assert ("tension", "Globex", "investment", "Initech") in found
    assert not [f for f in found if f[0] == "conflict"]
