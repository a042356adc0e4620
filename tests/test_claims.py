"""Claims built from sentences: predicate from cue words, subject and object from the
entities around the figure, the time it is about, scope, modality, stance. Sentences
written during development, in French and English."""

import pytest

from factcheck import Categorical, Scope, Source, Stance
from factcheck.claims import claims_from_source
from factcheck.corpus import load_corpus
from factcheck.entities import Entity, build_registry, bundled_entities
from factcheck.extract import extract
from factcheck.model import Modality

REGISTRY = bundled_entities().merged(build_registry([
    Entity(id="Globex", kind="company", aliases=["Globex", "le groupe lyonnais"]),
    Entity(id="Initech", kind="company", aliases=["Initech"]),
    Entity(id="Hooli", kind="company", aliases=["Hooli"]),
    Entity(id="Jane Roe", kind="person", aliases=["Jane Roe"]),
    Entity(id="Le Courrier", kind="media", aliases=["Le Courrier"]),
]))


def read(text, language="fr", published="2025-03-11", title=None):
    source = Source(id="a", text=text, language=language, published=published, title=title)
    return claims_from_source(source, REGISTRY)


def claim_of(predicate, text, language="fr"):
    """The first claim of `predicate` read from `text`."""
    return next(c for c in read(text, language).claims if c.predicate == predicate)


def facts(text, language="fr", **kwargs):
    return [(c.subject, c.predicate, c.object, c.provenance.wording)
            for c in read(text, language, **kwargs).claims]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Globex a investi 13 milliards de dollars dans Initech.",
     ("Globex", "investment", "Initech", "13 milliards de dollars")),
    ("en", "Globex has invested $13 billion in Initech.",
     ("Globex", "investment", "Initech", "$13 billion")),
    ("fr", "Initech a signé un accord de 11,9 milliards de dollars avec Hooli.",
     ("Initech", "contract_value", "Hooli", "11,9 milliards de dollars")),
    ("en", "Initech signed an $11.9 billion deal with Hooli.",
     ("Initech", "contract_value", "Hooli", "$11.9 billion")),
    ("fr", "Hooli affiche 7,9 milliards de dollars de dettes.",
     ("Hooli", "debt", None, "7,9 milliards de dollars")),
    ("en", "Hooli reported revenue of $1.9 billion.",
     ("Hooli", "revenue", None, "$1.9 billion")),
    ("fr", "Globex, qui détient 6 % d'Initech, a salué l'accord.",
     ("Globex", "stake", "Initech", "6 %")),
    ("en", "Globex, which owns 6% of Initech, welcomed the deal.",
     ("Globex", "stake", "Initech", "6%")),
    ("fr", "Initech dépend de Globex, qui représentait 62 % de son chiffre d'affaires.",
     ("Initech", "revenue_share", "Globex", "62 %")),
    ("fr", "Globex a levé 350 millions d'euros.",
     ("Globex", "funds_raised", None, "350 millions d'euros")),
])
def test_a_cue_word_names_the_predicate_and_the_entities_its_parties(language, text, expected):
    assert facts(text, language)[0] == expected


def test_the_time_a_figure_is_about_travels_with_it():
    claim, = read("En 2019, Globex a investi un milliard de dollars dans Initech.").claims
    assert str(claim.about) == "2019" and claim.scope is Scope.TRANCHE


def test_an_undated_running_total_is_the_total_to_date():
    claim, = read("Globex a investi 13 milliards de dollars dans Initech.").claims
    assert claim.about is None and claim.scope is Scope.TOTAL


@pytest.mark.parametrize("text", [
    "Globex a injecté un investissement supplémentaire de 10 milliards de dollars dans Initech.",
    "Globex has made an additional $10 billion investment in Initech.",
])
def test_an_additional_amount_is_a_tranche_not_the_total(text):
    language = "en" if "Globex has" in text else "fr"
    assert read(text, language).claims[0].scope is Scope.TRANCHE


@pytest.mark.parametrize("language, text, stance, attributed_to", [
    ("fr", "Selon Le Courrier, Globex a investi 2 milliards d'euros dans Initech.",
     Stance.ATTRIBUTED, "Le Courrier"),
    ("fr", "Globex aurait investi 2 milliards d'euros dans Initech.", Stance.CONDITIONAL, None),
    ("fr", "Selon la rumeur, Globex a investi 2 milliards d'euros dans Initech.",
     Stance.RUMOURED, None),
    ("en", "Globex reportedly invested $2 billion in Initech.", Stance.RUMOURED, None),
    ("en", "Globex would invest $2 billion in Initech.", Stance.CONDITIONAL, None),
    ("fr", "Globex a investi 2 milliards d'euros dans Initech.", Stance.ASSERTED, None),
])
def test_how_the_source_holds_the_claim_is_its_stance(language, text, stance, attributed_to):
    claim = read(text, language).claims[0]
    assert claim.provenance.stance is stance
    assert claim.provenance.attributed_to == attributed_to


def test_a_portrait_is_not_a_conditional_verb():
    claim = read("Dans ce portrait, Globex a investi 2 milliards d'euros dans Initech.").claims[0]
    assert claim.provenance.stance is Stance.ASSERTED


def test_a_planned_figure_is_not_a_done_one():
    planned = read("Globex vise une levée de 500 millions d'euros.").claims[0]
    done = read("Globex a levé 350 millions d'euros.").claims[0]
    assert planned.modality is Modality.PLANNED and done.modality is Modality.ACTUAL


def test_a_change_is_not_a_level():
    change = read("Le chiffre d'affaires de Globex est en hausse de 35 %.").claims[0]
    assert change.measure == "change"


def test_l_entreprise_points_back_to_the_company_the_text_is_about():
    claims = read("Globex a été fondée à Lyon. L'entreprise a levé 350 millions d'euros.").claims
    assert (claims[-1].subject, claims[-1].predicate) == ("Globex", "funds_raised")


def test_a_sentence_without_entities_continues_the_topic_before_it():
    claims = read("En 2019, Globex a investi un milliard de dollars dans Initech. "
                  "Quatre ans plus tard, avec un investissement supplémentaire de 10 milliards "
                  "de dollars, les deux groupes se sont rapprochés.").claims
    second = claims[-1]
    assert (second.subject, second.object, str(second.about)) == ("Globex", "Initech", "2023")


def test_cet_accord_points_back_to_the_deal_named_before():
    claims = read("Initech vient de conclure un accord majeur avec Hooli. Cet investissement "
                  "de 11,9 milliards de dollars marque une étape entre Initech et Globex.").claims
    assert (claims[0].subject, claims[0].object) == ("Initech", "Hooli")


def test_a_figure_after_soit_restates_the_one_before_it():
    claims = read("Initech dépend de Globex, qui représentait 62 % de son chiffre d'affaires "
                  "en 2024, soit 1,9 milliard de dollars, contre 228,9 millions de dollars "
                  "en 2023.").claims
    assert [(c.predicate, c.subject, c.object, str(c.about)) for c in claims] == [
        ("revenue_share", "Initech", "Globex", "2024"),
        ("revenue", "Initech", "Globex", "2024"),
        ("revenue", "Initech", "Globex", "2023")]


def test_parts_after_dont_are_parts_of_the_figure_before():
    claims = read("Globex a levé 22,4 milliards de dollars, dont 11,9 milliards, 4 milliards "
                  "et 6,5 milliards.").claims
    assert [c.scope for c in claims] == [Scope.TRANCHE, Scope.PART, Scope.PART, Scope.PART]


def test_a_date_at_the_head_of_a_sentence_dates_every_event_in_it():
    claims = read("En janvier, Globex a cessé d'être le seul fournisseur d'Initech, cette "
                  "dernière ayant signé un accord avec Hooli.").claims
    found = {(c.subject, c.predicate, c.object, str(c.value)) for c in claims}
    assert ("Initech", "announced", "Hooli", "2025-01") in found
    assert ("Globex", "exclusive_provider", "Initech", "Categorical(value=False)") in found


def test_an_exclusivity_that_ended_holds_from_its_date_on():
    claims = read("En janvier, Globex a cessé d'être le seul fournisseur d'Initech.").claims
    exclusive = next(c for c in claims if c.predicate == "exclusive_provider")
    assert exclusive.value == Categorical(False) and exclusive.since
    assert str(exclusive.about) == "2025-01"
    ended = next(c for c in claims if c.predicate == "exclusivity_ended")
    assert str(ended.value) == "2025-01"


@pytest.mark.parametrize("language, text, value", [
    ("fr", "Actuellement, Globex est le fournisseur exclusif d'Initech.", True),
    ("fr", "Globex reste le partenaire privilégié mais non exclusif d'Initech.", False),
    ("fr", "Globex n'est plus le fournisseur exclusif d'Initech.", False),
    ("en", "Globex is currently Initech's exclusive cloud provider.", True),
    ("en", "Globex is no longer Initech's exclusive provider.", False),
])
def test_exclusivity_reads_its_negation(language, text, value):
    claim = next(c for c in read(text, language).claims if c.predicate.startswith("exclusive"))
    assert claim.value == Categorical(value)
    assert (claim.subject, claim.object) == ("Globex", "Initech")


@pytest.mark.parametrize("language, text", [
    ("fr", "Jane Roe, la PDG de Globex, a parlé."),
    ("fr", "Le PDG de Globex, Jane Roe, a parlé."),
    ("en", "Globex CEO Jane Roe said the deal was done."),
])
def test_a_role_names_who_runs_the_company(language, text):
    claim = claim_of("ceo", text, language)
    assert (claim.subject, claim.value) == ("Globex", Categorical("Jane Roe"))



@pytest.mark.parametrize("language, text", [
    ("en", "Globex opened a plant in Ohio. \"It was time,\" chief executive Jane Roe said."),
    ("fr", "Globex a ouvert une usine à Lyon. « Il était temps », a déclaré la PDG Jane Roe."),
])
def test_a_role_with_no_company_named_is_held_at_the_company_the_text_is_about(language,
                                                                              text):
    claim = claim_of("ceo", text, language)
    assert (claim.subject, claim.value) == ("Globex", Categorical("Jane Roe"))


def test_a_role_beside_another_company_named_is_not_guessed():
    text = "Globex a ouvert une usine. Initech et Hooli ont réagi, a déclaré la PDG Jane Roe."
    assert not [c for c in read(text).claims if c.predicate == "ceo"]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Globex est un fonds lyonnais. Le gestionnaire a injecté 60 millions d'euros "
           "supplémentaires dans Initech.", ("Globex", "investment", "Initech")),
    ("en", "Globex is a Lyon fund. The asset manager has poured a further €60m into Initech.",
     ("Globex", "investment", "Initech")),
])
def test_a_company_after_dans_or_into_is_the_object_and_the_topic_acts(language, text,
                                                                       expected):
    claim = claim_of("investment", text, language)
    assert (claim.subject, claim.predicate, claim.object) == expected


@pytest.mark.parametrize("language, text", [
    ("fr", "Fondée en 2017 par l'ingénieure Jane Roe, aujourd'hui présidente du conseil, "
           "Globex prépare son introduction en Bourse."),
    ("en", "Founded in 2017 by the engineer Jane Roe, now chair of the board, Globex is "
           "preparing to list."),
])
def test_a_sentence_opening_with_its_founding_date_is_about_the_company_after(language, text):
    claim = claim_of("founded", text, language)
    assert (claim.subject, str(claim.value)) == ("Globex", "2017")

def test_a_former_ceo_is_not_the_ceo():
    assert not [c for c in read("L'ancien PDG de Globex, Jane Roe, a parlé.").claims
                if c.predicate == "ceo"]


def test_the_title_is_read_too_with_its_own_location():
    result = read("Rien ici.", title="Globex investit 12 milliards dans Initech")
    claim, = result.claims
    assert claim.provenance.location == "title" and claim.provenance.wording == "12 milliards"


def test_a_figure_with_no_cue_is_kept_as_unclassified():
    result = read("Il y a 32 chaises dans la salle.")
    assert not result.claims
    left, = result.unclassified
    assert left.provenance.wording == "32 chaises" and left.note


def test_nothing_extracted_from_the_seeds_is_lost(seeds):
    """Every mention of every seed comes back as a claim or an unclassified claim."""
    for source in load_corpus(seeds).values():
        result = claims_from_source(source)
        spans = {(c.provenance.value_start, c.provenance.value_end)
                 for c in (*result.claims, *result.unclassified)
                 if c.provenance.location == "text"}
        for mention in extract(source.text, source.language, source.published):
            assert (mention.start, mention.end) in spans, (source.id, mention.text)


def test_every_claim_names_its_quote_and_span(seeds):
    for source in load_corpus(seeds).values():
        result = claims_from_source(source)
        for claim in (*result.claims, *result.unclassified):
            p = claim.provenance
            text = source.title if p.location == "title" else source.text
            assert text[p.start:p.end] == p.quote
            assert p.start <= p.value_start <= p.value_end <= p.end


def test_l_entreprise_opening_a_paragraph_is_the_company_the_text_is_about():
    claims = read("Globex a levé 350 millions d'euros. Menée par Hooli, l'opération a séduit. "
                  "Hooli apporte 120 millions.\n\nL'entreprise comptait 420 salariés fin 2023.",
                  title="Globex lève 350 millions d'euros").claims
    headcount = next(c for c in claims if c.predicate == "headcount")
    assert headcount.subject == "Globex"


def test_les_deux_groupes_are_the_last_two_companies_named():
    claims = read("Hooli est entré au capital de Globex. Début février, les deux groupes ont "
                  "signé un contrat de 720 millions d'euros.").claims
    contract = next(c for c in claims if c.predicate == "contract_value")
    assert {contract.subject, contract.object} == {"Globex", "Hooli"}


def test_a_clause_after_tandis_que_has_its_own_parties():
    claims = read("Globex a levé 350 millions d'euros. Hooli apporte 120 millions, tandis que "
                  "Initech remet 90 millions au pot.").claims
    hooli = next(c for c in claims if c.provenance.wording == "120 millions")
    assert (hooli.subject, hooli.object) == ("Hooli", "Globex")


@pytest.mark.parametrize("text, provider, client", [
    ("Son premier client, Initech, en a fait son fournisseur exclusif.", "Globex", "Initech"),
    ("Initech cherche à s'émanciper de Hooli, son partenaire exclusif.", "Hooli", "Initech"),
    ("Actuellement, Hooli est le seul distributeur d'Initech, et son fournisseur exclusif.",
     "Hooli", "Initech"),
])
def test_son_fournisseur_exclusif_reads_who_possesses_whom(text, provider, client):
    claims = read("Globex conçoit des puces. Globex vend à Initech. " + text).claims
    claim = next(c for c in claims if c.predicate.startswith("exclusive"))
    assert (claim.subject, claim.object) == (provider, client)


def test_a_role_held_since_a_date_is_a_change():
    claim = next(c for c in read("Jane Roe est directrice générale de Globex depuis le 1er "
                                 "septembre.", published="2025-09-16").claims
                 if c.predicate == "ceo")
    assert claim.since and str(claim.about) == "2025-09-01"


def test_a_periphrasis_matches_after_du_and_au():
    registry = bundled_entities()
    (found,) = [m.entity.id for m in registry.find("les équipes du géant de Redmond")]
    assert found == "Microsoft"


from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

NEWSY = st.text(st.sampled_from(list("Globex Initech a investi 13,9 milliards de dollars "
                                     "dans en janvier 2025, selon l'entreprise. «»’\n%$€")),
                max_size=300)


@settings(max_examples=60, deadline=None)
@given(text=st.one_of(NEWSY, st.text(max_size=200)), language=st.sampled_from(["fr", "en"]))
@example(text="$\n0", language="fr")  # a figure across a line break: the quote still holds it
def test_any_text_gives_claims_whose_spans_hold(text, language):
    result = claims_from_source(Source(id="s", text=text, language=language,
                                       published="2025-03-11"), REGISTRY)
    for claim in (*result.claims, *result.unclassified):
        p = claim.provenance
        assert text[p.start:p.end] == p.quote


@pytest.mark.parametrize("language, title, text", [
    ("en", "Globex publishes its results",
     "Globex had 150 employees at the end of 2023. Its partners describe the first results "
     "as promising. On 24 July 2024, Initech awarded the "
     "startup a contract worth €11m. The group was founded in November 2016 in Lyon."),
    ("fr", "Globex publie ses résultats",
     "Globex comptait 150 salariés fin 2023. Ses partenaires jugent les premiers résultats "
     "prometteurs. Le 24 juillet 2024, Initech a confié à la "
     "start-up un contrat de 11 millions d'euros. Le groupe a été fondé en novembre 2016 "
     "à Lyon."),
])
def test_a_description_in_the_object_of_a_clause_is_not_its_subject(language, title, text):
    claims = read(text, language, title=title).claims
    contract = next(c for c in claims if c.predicate == "contract_value")
    founded = next(c for c in claims if c.predicate == "founded")
    assert ({contract.subject, contract.object}, founded.subject) == ({"Globex", "Initech"},
                                                                      "Globex")


@pytest.mark.parametrize("language, text", [
    ("en", "Initech said the company had raised $350 million."),
    ("fr", "Initech a annoncé que l'entreprise avait levé 350 millions de dollars."),
])
def test_a_description_after_said_or_que_is_the_subject_before_it(language, text):
    claims = read(text, language).claims
    assert [(c.subject, c.predicate) for c in claims] == [("Initech", "funds_raised")]


@pytest.mark.parametrize("language, text", [
    ("en", "Globex will build a 240MW wind farm."),
    ("en", "Globex will build a wind farm of 240 megawatts."),
    ("fr", "Globex construira un parc de 240 mégawatts."),
    ("fr", "Globex construira un parc de 240 MW."),
])
def test_a_unit_of_measure_is_named_the_same_abbreviated_or_written_out(language, text):
    (claim,) = [c for c in read(text, language).claims if c.predicate == "count"]
    assert claim.value.unit == "megawatts"


@pytest.mark.parametrize("language, text", [
    ("en", "Globex closed its financing. The package combines €850m of senior debt from "
           "seven lenders led by Initech with equity."),
    ("fr", "Globex a bouclé son financement. Le tour de table comprend 850 millions d'euros de "
           "dette, apportés par un pool de banques mené par Initech."),
])
def test_debt_from_lenders_is_the_borrowers_not_the_lenders(language, text):
    claim = claim_of("debt", text, language)
    assert claim.subject == "Globex"


@pytest.mark.parametrize("text", [
    "Globex a bouclé son financement. Le tour de table comprend 850 millions d'euros de dette "
    "bancaire, aux côtés de Hooli.",
    "Globex a bouclé son financement. Le tour de table comprend 850 millions d'euros de dette "
    "bancaire ; Hooli apporte le reste.",
])
def test_with_no_company_before_it_a_figure_belongs_to_the_topic_not_to_one_after(text):
    claim = claim_of("debt", text)
    assert claim.subject == "Globex"


@pytest.mark.parametrize("language, text", [
    ("en", "Globex picked Initech for the turbines. The contract is worth €410m."),
    ("fr", "Globex a choisi Initech pour les turbines. Le contrat vaut 410 millions d'euros."),
])
def test_a_contract_that_is_worth_a_sum_is_its_value_not_a_valuation(language, text):
    predicates = {c.predicate for c in read(text, language).claims}
    assert "contract_value" in predicates and "valuation" not in predicates


@pytest.mark.parametrize("language, text", [
    ("en", "Globex is growing. At the end of 2019, investors valued Initech at €86.8m."),
    ("fr", "Globex grandit. Fin 2019, les investisseurs valorisaient Initech à 86,8 M€."),
])
def test_the_company_a_verb_takes_before_the_figure_is_its_subject(language, text):
    claim = claim_of("valuation", text, language)
    assert claim.subject == "Initech"


@pytest.mark.parametrize("language, text", [
    ("fr", "Globex a ouvert sept nouvelles lignes en 2024."),
    ("fr", "Globex embauchera 10 000 salariés supplémentaires."),
    ("fr", "Globex comptera 2 000 salariés de plus."),
    ("en", "Globex opened seven new routes in 2024."),
    ("en", "Globex will hire 2,000 additional workers."),
])
def test_a_count_of_what_was_added_is_a_change_not_a_level(language, text):
    (claim,) = read(text, language).claims
    assert claim.measure == "change"


@pytest.mark.parametrize("language, text, year", [
    ("fr", "Globex a publié jeudi ses résultats 2024. Son chiffre d'affaires a atteint 1,12 "
           "milliard d'euros.", "2024"),
    ("en", "Globex reported its figures for 2024 on Thursday. Revenue reached €1.12bn.", "2024"),
])
def test_an_undated_figure_of_a_period_is_for_the_year_the_paragraph_just_named(language,
                                                                                text, year):
    claim = claim_of("revenue", text, language)
    assert str(claim.about) == year


def test_a_founding_year_or_another_paragraph_dates_no_period():
    text = ("Globex a été fondée en 2016.\n\nSon chiffre d'affaires a atteint 50 millions "
            "d'euros.")
    claim = claim_of("revenue", text)
    assert claim.about is None


@pytest.mark.parametrize("language, text", [
    ("fr", "Le carnet de commandes de Globex atteignait 3,4 milliards de francs fin 2024."),
    ("en", "Globex reported a record order backlog of CHF3.4bn at the end of 2024."),
])
def test_an_order_backlog_is_a_level_not_a_contract(language, text):
    (claim,) = read(text, language).claims
    assert (claim.subject, claim.predicate, str(claim.about)) == ("Globex", "backlog",
                                                                 "2024-late")
