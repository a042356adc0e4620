"""Synthetic news archives with known ground truth, for scaling benchmarks and tests.

    python benchmarks/archive_generator.py OUT_DIR --articles 10000 [--seed 0]
        [--format jsonl|jsonl.gz|parquet] [--dispute-rate 0.015] [--agreement-rate 0.05]
        [--duplicate-rate 0.01] [--score]

writes into OUT_DIR:

- `articles.jsonl` (`.jsonl.gz`, or `articles.parquet` when pyarrow is importable): one
  article per line, `{"id", "text", "language", "published", "publisher", "url", "title"}`,
  written article by article so that memory stays flat whatever the size;
- `entities.toml`: the invented companies, investors, people and outlets, in the format of
  `factcheck/data/entities.toml` (pass it as `entities=` when reviewing);
- `truth.json`: `{"generator": {seed, articles, rates}, "counts": {articles, facts,
  background_facts, disagreements, agreements, near_duplicates, companies}, "facts": [...],
  "near_duplicates": [[original id, republished id], ...]}`. Each planted fact has `id`,
  `kind` ("disagreement" or "agreement"), `expected` (the verdict docs/review.md gives:
  "conflict", "tension" or "corroboration"), `subject`, `predicate` (the vocabulary's name:
  funds_raised, contract_value, acquisition, headcount, revenue, profit, loss, valuation,
  users, founded), `object` (or null), `about` (its month or year), `true_value`, `unit`,
  `articles` and `statements`: per article its `value` as written ("environ 12 millions
  d'euros", "$20m", "mars 2015"), `number`, `unit`, `hedge` and `language`. Subjects and
  objects are entity ids of entities.toml; contract predicates are symmetric.

Background facts (the great majority) are counted, not listed: each is stated by one article
only (or by an article and its republication), so none should be flagged.

Articles are French or English company news built from sentence templates: funding rounds,
contracts, acquisitions, headcount, revenue, profit and loss, valuations, users, founding
dates, with figures worded in many ways ("12,5 millions d'euros", "environ 12 M€",
"$12.5m", "more than €12 million", "1,2 milliard", "1.2bn"), plus sentences with no figure,
titles and paragraphs. Most facts are background: stated once, by one article. A few are
planted: stated by several articles with compatible values (agreements) or clearly
incompatible ones (disagreements), and a few articles are republished with a new first
sentence and light edits (near-duplicates).

In Python:

    archive = generate_archive(300, seed=1)
    for article in archive.articles(): ...      # a fresh deterministic stream each call
    archive.truth                               # the truth.json document (a dict)
    archive.entities_toml                       # the entities.toml text
    result = factcheck.review(archive.sources(), entities=registry_file)
    score(result, archive.truth)                # found / planted, false flags

Template rules, learnt by reviewing generated archives (`--score`): every dated figure
carries its date within the library's reach (a stated year, a month, "fin 2023"; an undated
round takes its article's year); "annonce"/"signed" never share a sentence with a date and
a second company (that reads as an `announced` date); invented names are no cue word and
start like none ("Cutaulvis" would read as "cut*", a job cut); a disputed figure's rounding
interval stays clear of the true one ("1 milliard" covers 500 millions); a hedge keeps the
figure compatible ("près de 13" fits 12,5 but not 12,1).

`generate(n, seed)` is the article stream alone. Everything is deterministic for a given
(n, seed, rates). `--score` reviews the archive it wrote (reasonable up to a few thousand
articles on one core) and prints `score(...)`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import Any

VERSION = 1
FORMATS = ("jsonl", "jsonl.gz", "parquet")
DISPUTE_RATE = 0.015  # share of distinct facts stated incompatibly by several articles
AGREEMENT_RATE = 0.05  # share of distinct facts stated compatibly by several articles
DUPLICATE_RATE = 0.01  # share of articles that republish an earlier one
ARTICLES_PER_COMPANY = 6  # the company pool grows with the archive
FIRST_YEAR, LAST_YEAR = 2016, 2025  # publication years
SYMMETRIC = frozenset({"contract_value", "contract_duration"})
DISAGREEMENT_KINDS = frozenset({"conflict", "tension"})

# -- names ----------------------------------------------------------------------------

ONSETS = ("B", "Br", "C", "Cl", "D", "Dr", "F", "Fl", "G", "Gr", "K", "Kr", "L", "M", "N",
          "P", "Pr", "Qu", "R", "S", "Sk", "St", "T", "Tr", "V", "Vr", "Z", "Th", "Ph", "Br")
VOWELS = ("a", "e", "i", "o", "u", "ae", "ei", "io", "y", "au")
MIDDLES = ("b", "d", "l", "ld", "lm", "lv", "m", "n", "nd", "nt", "r", "rd", "rn", "rv", "s",
           "sk", "st", "t", "v", "x", "z", "lt", "rk", "nk")
ENDINGS = ("a", "al", "an", "ar", "as", "en", "ia", "is", "ix", "o", "on", "or", "os", "um",
           "us", "yx", "ane", "ene", "ine", "ora", "ium", "ant", "elle", "ick", "ex", "io")

SECTORS = (
    # suffix, French activity, English activity, consumer-facing (users)
    ("Robotics", "conçoit des robots pour les entrepôts", "designs warehouse robots", False),
    ("Systems", "édite des logiciels de gestion pour l'industrie",
     "makes management software for manufacturers", False),
    ("Bio", "développe des traitements contre les maladies rares",
     "develops treatments for rare diseases", False),
    ("Energy", "installe des centrales solaires sur les toits d'usines",
     "installs solar plants on factory roofs", False),
    ("Pay", "propose une application de paiement aux commerçants",
     "runs a payments app for shopkeepers", True),
    ("Logistics", "optimise les livraisons du dernier kilomètre",
     "optimises last-mile deliveries", False),
    ("Health", "propose une application de téléconsultation", "runs a telehealth app", True),
    ("Foods", "fabrique des protéines végétales pour la restauration",
     "makes plant-based proteins for caterers", False),
    ("Mobility", "exploite un service de vélos partagés", "runs a bike-sharing service", True),
    ("Security", "protège les réseaux des hôpitaux contre les cyberattaques",
     "protects hospital networks from cyberattacks", False),
    ("Analytics", "aide les distributeurs à prévoir leurs ventes",
     "helps retailers forecast demand", False),
    ("Learning", "propose des cours de langue en ligne", "offers online language courses", True),
)
FUND_SUFFIXES = ("Capital", "Partners", "Ventures", "Gestion")

# home: (city, French adjective, currency, language of its home press)
HOMES = (
    ("Lyon", "lyonnaise", "EUR"), ("Nantes", "nantaise", "EUR"),
    ("Bordeaux", "bordelaise", "EUR"), ("Toulouse", "toulousaine", "EUR"),
    ("Grenoble", "grenobloise", "EUR"), ("Rennes", "rennaise", "EUR"),
    ("Lille", "lilloise", "EUR"), ("Montpellier", "montpelliéraine", "EUR"),
    ("Strasbourg", "strasbourgeoise", "EUR"), ("Marseille", "marseillaise", "EUR"),
    ("Berlin", "berlinoise", "EUR"), ("Amsterdam", "amstellodamoise", "EUR"),
    ("London", "londonienne", "GBP"), ("Manchester", "mancunienne", "GBP"),
    ("Boston", "bostonienne", "USD"), ("Austin", "texane", "USD"), ("Denver", "du Colorado", "USD"),
)
CITY_FR = {"London": "Londres"}

FIRST_NAMES = (("Claire", "f"), ("Julien", "m"), ("Sophie", "f"), ("Thomas", "m"),
               ("Camille", "f"), ("Nicolas", "m"), ("Léa", "f"), ("Antoine", "m"),
               ("Manon", "f"), ("Hugo", "m"), ("Chloé", "f"), ("Maxime", "m"),
               ("Inès", "f"), ("Louis", "m"), ("Sarah", "f"), ("Paul", "m"), ("Emma", "f"),
               ("Lucas", "m"), ("Alice", "f"), ("Arthur", "m"), ("Laura", "f"), ("David", "m"),
               ("Anna", "f"), ("Martin", "m"), ("Julia", "f"), ("Simon", "m"), ("Eva", "f"),
               ("Victor", "m"), ("Marie", "f"), ("Adrien", "m"), ("Helen", "f"),
               ("James", "m"), ("Rachel", "f"), ("Daniel", "m"), ("Grace", "f"),
               ("Oliver", "m"), ("Hannah", "f"), ("Samuel", "m"), ("Nora", "f"), ("Ethan", "m"))
SURNAME_HEADS = ("Del", "Mor", "Bel", "Fon", "Lam", "Gar", "Ber", "Cha", "Dur", "Mar", "Ros",
                 "Lan", "Ver", "Pel", "Bou", "Cas", "Roc", "Sal", "Tes", "Vau", "Ash", "Brad",
                 "Hol", "Kent", "Whit", "Fair", "Hart", "Stan", "Wood", "Mil")
SURNAME_TAILS = ("court", "van", "ville", "mont", "rand", "tier", "lin", "det", "bert", "nier",
                 "lot", "card", "ard", "ey", "ford", "ton", "well", "by", "more", "wick")

OUTLETS = {
    "fr": ("Le Courrier des Entreprises", "L'Écho des Jeunes Pousses", "La Gazette Éco",
           "Le Journal de l'Innovation", "Décideurs en Région", "Le Fil Industrie",
           "La Lettre du Capital", "Ouest Affaires Hebdo", "Le Quotidien des Marchés",
           "Tech et Territoires"),
    "en": ("The Business Ledger", "TechWire Daily", "Market Courier", "The Startup Review",
           "Venture Dispatch", "Continental Finance", "Northern Tech News", "The Deal Sheet",
           "Founders Weekly", "Capital Markets Brief"),
}

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")

# -- sentence templates ---------------------------------------------------------------
#
# Placeholders: {S} the subject company (its name, or a description ending with its name),
# {O} the other company, {I} an investor, {V} the value as worded, {D} a date phrase ("en
# mars 2024", "in March 2024"), {Dc} the same at the head of a sentence, {Y} a year, {city}.
# A template ending in "*" puts {V} where a hedge would not read ("a €12m round"): it only
# takes exact values. One ending in "~" is in the present tense: only for last year's figure.

TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "funds_raised": (
            "{S} a levé {V} {D} auprès de {I}.",
            "{Dc}, {S} a bouclé un tour de table de {V} mené par {I}.",
            "{S} a réalisé {D} une levée de fonds de {V} auprès de {I}.",
            "{S} lève {V} {D} pour accélérer son développement en Europe.",
            "{Dc}, {S} a finalisé une levée de {V} auprès de {I} et de ses actionnaires.",
        ),
        "contract_value": (
            "{S} a signé un contrat de {V} avec {O}.",
            "{S} et {O} ont conclu un accord d'une valeur de {V}.",
            "{S} a remporté auprès de {O} une commande de {V}.",
            "{Dc}, {S} a décroché un contrat de {V} avec {O}.",
        ),
        "acquisition": (
            "{S} a racheté {O} pour {V}.",
            "{S} a finalisé le rachat de {O} pour {V}.",
            "{S} a annoncé l'acquisition de {O} pour un montant de {V}.",
        ),
        "headcount": (
            "Fin {Y}, {S} employait {V} salariés.",
            "{S} comptait {V} collaborateurs à la fin de {Y}.",
            "L'effectif de {S} atteignait {V} salariés fin {Y}.",
            "{S} emploie {V} personnes, selon ses chiffres de fin {Y}.~",
            "{S} compte {V} salariés à la fin de {Y}.~",
        ),
        "revenue": (
            "{S} a réalisé un chiffre d'affaires de {V} en {Y}.",
            "En {Y}, le chiffre d'affaires de {S} a atteint {V}.",
            "Les ventes de {S} ont atteint {V} en {Y}.",
            "En {Y}, {S} a généré {V} de chiffre d'affaires.",
        ),
        "profit": (
            "{S} a dégagé un bénéfice net de {V} en {Y}.",
            "En {Y}, {S} a affiché un bénéfice de {V}.",
        ),
        "loss": (
            "{S} a enregistré une perte nette de {V} en {Y}.",
            "En {Y}, {S} a accusé une perte de {V}.",
        ),
        "valuation": (
            "{S} était valorisée à {V} fin {Y}.",
            "Fin {Y}, la valorisation de {S} atteignait {V}.",
        ),
        "users": (
            "{S} revendiquait {V} à la fin de {Y}.",
            "Fin {Y}, {S} comptait {V}.",
        ),
        "founded": (
            "{S} a été fondée en {Y} à {city}.",
            "Fondée en {Y}, {S} {activity}.",
            "{S}, créée en {Y}, {activity}.",
            "{S} a vu le jour en {Y} à {city}.",
        ),
    },
    "en": {
        "funds_raised": (
            "{S} raised {V} {D} in a round led by {I}.",
            "{Dc}, {S} closed a funding round of {V} led by {I}.",
            "{S} closed a {V} round {D}, with {I} as lead investor.*",
            "{S} said {D} it had raised {V} from {I} and existing shareholders.",
            "{Dc}, {S} completed a fundraising of {V} to expand across Europe.",
        ),
        "contract_value": (
            "{S} signed a {V} deal with {O}.*",
            "{S} has won a contract worth {V} from {O}.",
            "{S} and {O} struck an agreement worth {V}.",
            "{Dc}, {O} awarded {S} a contract worth {V}.",
        ),
        "acquisition": (
            "{S} acquired {O} for {V}.",
            "{S} agreed to buy {O} for {V}.",
            "{S} completed its {V} takeover of {O}.*",
        ),
        "headcount": (
            "{S} employed {V} people at the end of {Y}.",
            "At the end of {Y}, {S} had a headcount of {V} employees.",
            "{S} had {V} employees on its payroll at the end of {Y}.",
            "At the end of {Y}, {S} employed {V} staff.",
            "{S} employs {V} people, according to its figures for the end of {Y}.~",
        ),
        "revenue": (
            "{S} reported revenue of {V} for the full year {Y}.",
            "{S}'s revenue reached {V} in {Y}.",
            "In {Y}, {S} generated sales of {V}.",
            "{S} booked revenue of {V} in {Y}.",
        ),
        "profit": (
            "{S} posted a net profit of {V} in {Y}.",
            "In {Y}, {S} made a net profit of {V}.",
        ),
        "loss": (
            "{S} posted a net loss of {V} in {Y}.",
            "In {Y}, {S} reported a loss of {V}.",
        ),
        "valuation": (
            "{S} was valued at {V} at the end of {Y}.",
            "At the end of {Y}, investors valued {S} at {V}.",
        ),
        "users": (
            "{S} had {V} at the end of {Y}.",
            "At the end of {Y}, {S} counted {V}.",
        ),
        "founded": (
            "{S} was founded in {Y} in {city}.",
            "Founded in {Y}, {S} {activity}.",
            "{S}, which was set up in {Y}, {activity}.",
            "Established in {Y} in {city}, {S} {activity}.",
        ),
    },
}

# Sentences with no figure and no date. {S} the article's company, {P} its chief executive
# and {role} the title, {O} another company of the article, {city} its home city.
FILLERS: dict[str, tuple[str, ...]] = {
    "fr": (
        "{S} {activity}.",
        "Le calendrier des prochaines étapes n'a pas été précisé.",
        "Le secteur attire de plus en plus d'investisseurs européens.",
        "« Nous voulons changer d'échelle », a déclaré {P}, {role} de {S}.",
        "« Nos clients nous demandent d'aller plus vite », a expliqué {P}, {role} de {S}.",
        "La concurrence reste vive sur ce marché encore jeune.",
        "Les fonds serviront à recruter des ingénieurs et à développer de nouveaux produits.",
        "Contactée, la direction n'a pas souhaité faire de commentaire.",
        "Plusieurs clients industriels ont déjà adopté ses solutions.",
        "L'entreprise prépare par ailleurs l'ouverture d'un bureau à Madrid.",
        "Les analystes jugent la trajectoire encourageante.",
        "Le marché européen reste très fragmenté.",
        "La société, installée à {city}, cherche désormais à s'implanter en Allemagne.",
        "Cette annonce intervient dans un contexte de ralentissement du capital-risque.",
        "{S} travaille déjà avec de grands groupes industriels.",
        "Le projet a été salué par les élus de la région.",
        "L'équipe dirigeante mise sur une croissance rapide à l'international.",
        "Les premiers résultats sont jugés prometteurs par ses partenaires.",
    ),
    "en": (
        "{S} {activity}.",
        "No timetable was given for the next steps.",
        "The sector is drawing growing interest from European investors.",
        "\u201cWe want to move up a gear,\u201d said {P}, {role} of {S}.",
        "\u201cOur customers are asking us to move faster,\u201d {P}, {role} of {S}, told reporters.",
        "Competition remains fierce in this young market.",
        "The money will be used to hire engineers and build new products.",
        "A spokesperson for the company declined to comment further.",
        "Several industrial customers have already adopted its products.",
        "The company is also preparing to open an office in Madrid.",
        "Analysts see the trajectory as encouraging.",
        "The European market remains highly fragmented.",
        "The company, based in {city}, now plans to expand into Germany.",
        "The announcement comes as venture funding slows across the region.",
        "{S} already works with large industrial groups.",
        "Local officials welcomed the project.",
        "Management is betting on rapid international growth.",
        "Its partners describe the first results as promising.",
    ),
}

# Fillers that fit only some stories: by index in FILLERS, the lead predicates they suit.
FILLER_ONLY = {6: frozenset({"funds_raised"}), 13: frozenset({"funds_raised"})}
# What a later sentence of a paragraph may call the company it is about (the library reads
# these as the company named before; French ones are feminine, as the templates agree).
ANAPHORS = {"fr": ("l'entreprise", "la société", "la start-up", "la jeune pousse"),
            "en": ("the company", "the firm", "the startup", "the group")}

# Titles by the lead fact's predicate; {V} only where the whole value reads well.
TITLES: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "funds_raised": ("{S} lève {V}", "{S} boucle un tour de table de {V}",
                         "Financement : {S} lève {V}", "{S} boucle une levée de fonds"),
        "contract_value": ("{S} signe un contrat de {V} avec {O}",
                           "{S} décroche un contrat avec {O}"),
        "acquisition": ("{S} rachète {O}", "{S} s'offre {O} pour {V}"),
        "headcount": ("{S} poursuit ses recrutements", "Emploi : {S} muscle ses équipes"),
        "revenue": ("{S} publie ses résultats annuels", "{S} accélère sa croissance"),
        "profit": ("{S} publie ses comptes annuels",),
        "loss": ("{S} publie ses comptes annuels", "{S} creuse ses pertes"),
        "valuation": ("La valorisation de {S} grimpe", "{S} attire les investisseurs"),
        "users": ("{S} séduit de nouveaux utilisateurs",),
        "founded": ("{S}, la pépite {adj} qui monte", "Portrait : {S}"),
    },
    "en": {
        "funds_raised": ("{S} raises {V}", "{S} closes {V} funding round",
                         "{S} bags {V} from investors", "{S} secures new funding"),
        "contract_value": ("{S} lands {V} deal with {O}", "{S} wins contract from {O}"),
        "acquisition": ("{S} buys {O}", "{S} snaps up {O} for {V}"),
        "headcount": ("{S} keeps hiring", "{S} grows its team"),
        "revenue": ("{S} publishes annual results", "{S} growth picks up"),
        "profit": ("{S} publishes annual results",),
        "loss": ("{S} publishes annual results", "{S} losses widen"),
        "valuation": ("{S} valuation climbs", "Investors flock to {S}"),
        "users": ("{S} wins over new users",),
        "founded": ("{S}, a {city} company on the rise", "Profile: {S}"),
    },
}

# Openings a republication puts before the story, and light edits it makes.
REPUBLISH_OPENINGS = {
    "fr": ("Nouvelle étape pour {S}.", "C'est une annonce très attendue dans le secteur.",
           "L'information circulait depuis quelques semaines.",
           "La nouvelle a été confirmée par l'entreprise."),
    "en": ("It is a new milestone for {S}.", "The news had been expected in the sector.",
           "The move had been rumoured for weeks.", "The company confirmed the news."),
}
LIGHT_EDITS = {
    "fr": (("n'a pas été précisé", "n'a pas été dévoilé"),
           ("a déclaré", "a affirmé"), ("jugent", "estiment"),
           ("reste vive", "demeure vive"), ("très fragmenté", "encore fragmenté")),
    "en": (("No timetable was given", "No timetable has been given"),
           ("\u201d said", "\u201d added"),
           ("remains fierce", "is still fierce"), ("highly fragmented", "still fragmented"),
           ("declined to comment further", "would not comment further")),
}
TITLE_PREFIXES = {"fr": ("Exclusif : ", "Économie : ", "Entreprises : "),
                  "en": ("Update: ", "Business: ", "In brief: ")}

# Hedges: (words, how the written figure relates to the true one). "round" keeps the
# figure's digits or drops one; "floor" writes a lower figure ("plus de 12" for 12.5);
# "ceil" a higher one ("près de 13" for 12.5).
HEDGES = {
    "fr": (("environ", "round"), ("quelque", "round"), ("plus de", "floor"),
           ("un peu plus de", "floor"), ("près de", "ceil")),
    "en": (("about", "round"), ("around", "round"), ("roughly", "round"),
           ("some", "round"), ("approximately", "round"), ("more than", "floor"),
           ("over", "floor"), ("just over", "floor"), ("nearly", "ceil"), ("almost", "ceil")),
}

# -- predicates: what a fact is and how its value is drawn -----------------------------

# kind: money | count (a counted noun, step 1) | users (counted, may be scaled) | year
# time: "event" (dated by month, published soon after in the same year), "year" (about a
# year, published in the first half of the next), "origin" (a founding year)
PREDICATES: dict[str, dict[str, Any]] = {
    "funds_raised": {"kind": "money", "time": "event", "range": (4e5, 3e8), "object": None},
    "contract_value": {"kind": "money", "time": "event", "range": (1e6, 2e8),
                       "object": "partner"},
    "acquisition": {"kind": "money", "time": "event", "range": (5e6, 2e9),
                    "object": "target"},
    "headcount": {"kind": "count", "time": "year", "range": (20, 9000), "object": None},
    "revenue": {"kind": "money", "time": "year", "range": (2e6, 3e9), "object": None},
    "profit": {"kind": "money", "time": "year", "range": (5e5, 2e8), "object": None},
    "loss": {"kind": "money", "time": "year", "range": (5e5, 2e8), "object": None},
    "valuation": {"kind": "money", "time": "year", "range": (2e7, 5e9), "object": None},
    "users": {"kind": "users", "time": "year", "range": (5e4, 2e7), "object": None},
    "founded": {"kind": "year", "time": "origin", "range": None, "object": None},
}
LEAD_WEIGHTS = {"funds_raised": 30, "contract_value": 14, "acquisition": 6, "headcount": 10,
                "revenue": 12, "profit": 4, "loss": 5, "valuation": 5, "users": 4,
                "founded": 10}
EXTRA_WEIGHTS = {"funds_raised": 10, "contract_value": 6, "headcount": 14, "revenue": 14,
                 "profit": 4, "loss": 5, "valuation": 5, "users": 5, "founded": 20}
# Year slots per company: one fact per (predicate, year), bits of one integer.
SLOT_PREDICATES = ("funds_raised", "headcount", "revenue", "result", "valuation", "users")
SLOT_YEAR0, SLOT_YEARS = 2005, 24


def _slot_bit(predicate: str, year: int) -> int:
    name = "result" if predicate in ("profit", "loss") else predicate
    return 1 << (SLOT_PREDICATES.index(name) * SLOT_YEARS + year - SLOT_YEAR0)


# -- the world: companies, investors, people, outlets ----------------------------------


@dataclass(slots=True)
class Company:
    index: int
    name: str  # the entity id
    stem: str  # its short name, also an alias
    sector: int
    home: int
    founded: int
    size: float  # scales its figures
    ceo: str
    ceo_gender: str
    used: int = 0  # year slots taken (see _slot_bit)
    founded_used: bool = False
    partners: int = 0  # contracts signed so far: the next partner is index + partners + 1
    targets: int = 0  # acquisitions made so far

    @property
    def currency(self) -> str:
        return HOMES[self.home][2]

    @property
    def city(self) -> str:
        return HOMES[self.home][0]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def _template_words() -> set[str]:
    """Every word the templates write (folded): a company name must be none of them."""
    texts: list[str] = []
    for by_predicate in (*TEMPLATES.values(), *TITLES.values()):
        for options in by_predicate.values():
            texts.extend(options)
    for options in (*FILLERS.values(), *REPUBLISH_OPENINGS.values()):
        texts.extend(options)
    for sector in SECTORS:
        texts.extend(sector[:3])
    for home in HOMES:
        texts.extend(home[:2])
    texts.extend(MONTHS_FR + MONTHS_EN)
    words = set()
    for text in texts:
        for word in _fold(text).replace("'", " ").replace("\u2019", " ").split():
            words.add(word.strip(".,:;«»\u201c\u201d!?()"))
    return words


def _capitalised_words() -> list[str]:
    """Capitalised words the texts hold besides entity names: the library compares those
    with one-word aliases to catch misspellings, so no name may be close to them."""
    words = set()
    texts = [t for by_predicate in (*TEMPLATES.values(), *TITLES.values())
             for options in by_predicate.values() for t in options]
    texts += [t for options in (*FILLERS.values(), *REPUBLISH_OPENINGS.values()) for t in options]
    texts += [h[0] for h in HOMES] + list(CITY_FR.values()) + list(MONTHS_EN)
    texts += [p for options in TITLE_PREFIXES.values() for p in options]
    for text in texts:
        for word in text.replace("'", " ").replace("\u2019", " ").split():
            word = word.strip(".,:;«»\u201c\u201d!?(){}")
            if len(word) >= 4 and word[:1].isupper():
                words.add(_fold(word))
    return sorted(words)


@dataclass
class World:
    """Everything an archive names: its companies (by index), investors and outlets."""

    companies: list[Company]
    investors: list[str]
    outlets: dict[str, tuple[str, ...]]

    def entities_toml(self) -> str:
        lines = ["# Entities of a synthetic archive (benchmarks/archive_generator.py): every",
                 "# company, investor, person and outlet here is invented.", ""]

        def entity(entity_id: str, kind: str, aliases: Iterable[str], note: str = "") -> None:
            names = ", ".join(json.dumps(a, ensure_ascii=False) for a in aliases)
            lines.extend(["[[entity]]", f"id = {json.dumps(entity_id, ensure_ascii=False)}",
                          f"kind = \"{kind}\"{note}", f"aliases = [{names}]", ""])

        for company in self.companies:
            entity(company.name, "company", (company.name, company.stem))
        for investor in self.investors:
            entity(investor, "company", (investor,), "  # an investment fund")
        for company in self.companies:
            lines.extend(["[[entity]]", f"id = {json.dumps(company.ceo, ensure_ascii=False)}",
                          "kind = \"person\"",
                          f"aliases = [{json.dumps(company.ceo, ensure_ascii=False)}]",
                          f"roles = [{{ role = \"ceo\", of = "
                          f"{json.dumps(company.name, ensure_ascii=False)} }}]", ""])
        for language in ("fr", "en"):
            for outlet in self.outlets[language]:
                entity(outlet, "media", (outlet,))
        return "\n".join(lines)


def _cue_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The library's cue words (folded) and the stems of those ending in "*": a name that is
    one, or starts with such a stem ("Cutaulvis" and "cut*"), would read as a cue."""
    try:
        import tomllib
        from importlib import resources
        folder = resources.files("factcheck").joinpath("data", "cues")
        tables = [tomllib.loads(folder.joinpath(f"{lang}.toml").read_text(encoding="utf-8"))
                  for lang in ("fr", "en")]
        currencies = resources.files("factcheck").joinpath("data", "currencies.txt")
        codes = currencies.read_text(encoding="utf-8").split()
    except (ImportError, OSError):  # pragma: no cover - runs without the library too
        return frozenset(), ()
    words: set[str] = {_fold(c) for c in codes if not c.startswith("#")}
    stems: set[str] = set()

    def walk(node: Any, section: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, section or key)
        elif isinstance(node, list):
            for item in node:
                walk(item, section)
        elif isinstance(node, str) and section not in ("categorical", "patterns"):
            phrase = _fold(node)
            if phrase.endswith("*"):
                stems.add(phrase[:-1].split()[-1] if " " not in phrase else phrase[:-1])
            else:
                words.update(phrase.split())

    for table in tables:
        walk(table, "")
    return frozenset(words), tuple(sorted(s for s in stems if " " not in s))


def _clashes(name: str, cue_words: frozenset[str], cue_stems: tuple[str, ...]) -> bool:
    """Whether a word of `name` is a cue word or starts like a "*" cue."""
    for word in _fold(name).replace("-", " ").split():
        if word in cue_words or word.startswith(cue_stems):
            return True
    return False


def _taken_aliases() -> set[str]:
    """The bundled registry's aliases (folded), when factcheck is importable."""
    try:
        from factcheck import load_entities
    except ImportError:  # pragma: no cover - the generator also runs without the library
        return set()
    return set(load_entities().by_alias)


def build_world(n: int, seed: int, companies: int | None = None) -> World:
    """The companies, investors and people of an archive of `n` articles: one company per
    ARTICLES_PER_COMPANY articles, or a pool of `companies` whatever `n` (the same
    registry for archives of any size, as a newsroom's would be)."""
    if companies is None:
        rng = random.Random(f"world:{seed}:{n}")
        count = max(40, math.ceil(n / ARTICLES_PER_COMPANY))
    else:
        rng = random.Random(f"world:{seed}:companies:{companies}")
        count = max(40, companies)
    funds = max(8, count // 10)
    taken = _taken_aliases()
    cue_words, cue_stems = _cue_words()
    banned = _template_words() | {_fold(w) for w in SURNAME_HEADS + SURNAME_TAILS}
    capitalised = _capitalised_words()
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover
        process = None
    stems: list[str] = []
    seen: set[str] = set()
    while len(stems) < count + funds:
        want = count + funds - len(stems)
        batch = []
        for _ in range(want * 2):
            stem = rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(MIDDLES)
            if rng.random() < 0.35:
                stem += rng.choice(VOWELS) + rng.choice(MIDDLES)
            stem += rng.choice(ENDINGS)
            folded = _fold(stem)
            if not 5 <= len(stem) <= 11 or folded in seen or folded in banned or \
                    folded in taken or _clashes(stem, cue_words, cue_stems):
                continue
            seen.add(folded)
            batch.append(stem)
        if process is not None and batch and capitalised:
            kept = []
            for start in range(0, len(batch), 2048):  # in chunks: memory stays small
                chunk = batch[start:start + 2048]
                scores = process.cdist([_fold(s) for s in chunk], capitalised,
                                       scorer=fuzz.ratio, workers=1)
                kept.extend(s for s, row in zip(chunk, scores) if row.max() < 80)
            batch = kept
        stems.extend(batch[:want])
    people: list[tuple[str, str]] = []
    used_people: set[str] = set()
    while len(people) < count:
        first, gender = rng.choice(FIRST_NAMES)
        surname = rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS)
        if rng.random() < 0.3:
            surname = rng.choice(SURNAME_HEADS) + rng.choice(SURNAME_TAILS) + "-" + surname
        full = f"{first} {surname}"
        if full in used_people or _fold(full) in taken or \
                _clashes(surname, cue_words, cue_stems):
            continue
        used_people.add(full)
        people.append((full, gender))
    companies = []
    for index in range(count):
        stem = stems[index]
        sector = rng.randrange(len(SECTORS))
        name = f"{stem} {SECTORS[sector][0]}"
        if _fold(name) in taken:
            name = f"{stem} Group"
        founded = rng.randint(2005, 2021)
        size = math.exp(rng.uniform(math.log(0.1), math.log(10)))
        companies.append(Company(index=index, name=name, stem=stem, sector=sector,
                                 home=rng.randrange(len(HOMES)), founded=founded, size=size,
                                 ceo=people[index][0], ceo_gender=people[index][1]))
    investors = [f"{stem} {rng.choice(FUND_SUFFIXES)}" for stem in stems[count:count + funds]]
    outlets = {lang: tuple(o for o in names if _fold(o) not in taken)
               for lang, names in OUTLETS.items()}
    return World(companies, investors, outlets)


# -- values and their wording ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """A figure: `digits` written before the scale word (12.5 for 12.5 million), `scale`
    the power of ten of that word (0, 6, 9); or a year (`kind` "year")."""

    kind: str  # money | count | users | year
    digits: Decimal
    scale: int = 0
    unit: str | None = None  # currency for money

    @property
    def number(self) -> Decimal:
        return self.digits.scaleb(self.scale)


def _decimals(d: Decimal) -> int:
    exponent = d.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _significant(x: float, digits: int) -> Decimal:
    """`x` rounded to `digits` significant digits, as an exact Decimal."""
    if x <= 0:
        return Decimal(1)
    power = math.floor(math.log10(x)) - digits + 1
    return (Decimal(x).scaleb(-power).quantize(Decimal(1), ROUND_HALF_EVEN)).scaleb(power)


def _value(kind: str, number: Decimal, unit: str | None) -> Value:
    """The written form of `number`: scaled to millions or billions when it is that big."""
    if kind == "count" or number < 1_000_000:
        return Value(kind, number.normalize().quantize(Decimal(1)) if number >= 1
                     else number, 0, unit)
    scale = 9 if number >= 1_000_000_000 else 6
    return Value(kind, number.scaleb(-scale).normalize(), scale, unit)


def _draw(rng: random.Random, kind: str, low: float, high: float, size: float,
          unit: str | None) -> Value:
    """A figure of `kind` between low and high (scaled by the company's size)."""
    middle = math.sqrt(low * high) * size
    x = math.exp(rng.gauss(math.log(middle), 0.5))
    x = min(max(x, low), high)
    digits = 2 if rng.random() < 0.7 or kind == "count" else 3
    return _value(kind, _significant(x, digits), unit)


def _hedged(value: Value, how: str) -> Value | None:
    """The figure a hedge writes for `value` so that the two stay compatible (docs/review.md,
    Verdicts): "environ 12" or "plus de 12" or "près de 13" for 12.5; None if the hedge
    does not fit."""
    digits = value.digits
    places = _decimals(digits)
    if value.kind == "count":  # step 1 whatever is written: only "plus de" a lower figure
        if how == "round":
            return value
        if how != "floor" or digits < 20:
            return None
        below = int(digits) - 1
        step = 10 ** max(1, len(str(below)) - 2)
        return Value(value.kind, Decimal(below // step * step), 0, value.unit)
    if places == 0:  # whole figure: "environ 12" and "plus de 10" for 12
        if how == "round":
            return value
        if how != "floor":
            return None
        power = len(str(int(digits))) - 1
        if power == 0:
            return None
        step = Decimal(10) ** power
        lower = (digits / step).quantize(Decimal(1), ROUND_FLOOR) * step
        if lower >= digits:
            lower -= step
        return Value(value.kind, lower, value.scale, value.unit) if lower > 0 else None
    quantum = Decimal(1).scaleb(-(places - 1))
    rounding = {"round": ROUND_HALF_EVEN, "floor": ROUND_FLOOR, "ceil": ROUND_CEILING}[how]
    written = digits.quantize(quantum, rounding).normalize()
    if written <= 0 or (how == "floor" and written >= digits) or \
            (how == "ceil" and (written <= digits or written - digits > quantum / 2)):
        return None  # "près de 3" is ±10 %: it fits 2,5 but not 2,1
    return Value(value.kind, written, value.scale, value.unit)


def _rounding(value: Value) -> tuple[Decimal, Decimal]:
    """The interval the written digits imply, as the library reads them: "12,5 millions"
    12.45-12.55 million, "120 millions" 119.5-120.5 million, "1 milliard" 0.5-1.5 billion;
    a count, or a figure written in full ("850 000 euros"), is precise to the unit."""
    exponent = value.digits.normalize().as_tuple().exponent
    places = exponent if isinstance(exponent, int) and exponent < 0 else 0
    step = Decimal(1).scaleb(places + (value.scale if value.kind != "count" else 0))
    return value.number - step / 2, value.number + step / 2


def _fmt_number(d: Decimal, language: str, group: bool = True) -> str:
    text = format(d.normalize(), "f")
    whole, _, fraction = text.partition(".")
    if len(whole) > 3 and group:
        sep = " " if language == "fr" else ","
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = sep.join([whole, *groups])
    if fraction:
        return whole + ("," if language == "fr" else ".") + fraction
    return whole


CURRENCY_FR = {"EUR": ("d'euros", "euros", "€"), "USD": ("de dollars", "dollars", "$"),
               "GBP": ("de livres sterling", "livres sterling", None)}
CURRENCY_EN = {"EUR": ("euros", "€"), "USD": ("dollars", "$"), "GBP": ("pounds", "£")}


def word_value(value: Value, language: str, style: int, hedge: str | None = None) -> str:
    """`value` as an article writes it; `style` picks among the usual forms."""
    number = _fmt_number(value.digits, language, group=value.kind != "year")
    if value.kind == "year":
        return number
    if value.kind == "count":
        text = number
    elif value.kind == "users":
        if value.scale:
            many = value.digits >= 2
            text = (f"{number} {'millions' if many else 'million'} d'" if language == "fr"
                    else f"{number} million ")
        else:
            text = number + " "
    elif language == "fr":
        long, bare, symbol = CURRENCY_FR[value.unit or "EUR"]
        if value.scale and symbol is not None and style % 3 == 2:
            text = f"{number} {'M' if value.scale == 6 else 'Md'}{symbol}"
        elif value.scale:
            word = "million" if value.scale == 6 else "milliard"
            text = f"{number} {word}{'s' if value.digits >= 2 else ''} {long}"
        else:
            text = f"{number} {bare}"
    else:
        noun, symbol = CURRENCY_EN[value.unit or "EUR"]
        big = {6: ("m", "million"), 9: ("bn", "billion")}.get(value.scale)
        if big is None:
            text = f"{symbol}{number}" if style % 2 else f"{number} {noun}"
        elif style % 3 == 0:
            text = f"{symbol}{number}{big[0]}"
        elif style % 3 == 1:
            text = f"{symbol}{number} {big[1]}"
        else:
            text = f"{number} {big[1]} {noun}"
    return f"{hedge} {text}" if hedge else text


# -- facts and articles -----------------------------------------------------------------


@dataclass(slots=True)
class Fact:
    predicate: str
    subject: Company
    obj: Company | None
    year: int
    month: int  # the event's month (12 for facts about a year)
    value: Value


@dataclass(slots=True)
class Statement:
    """A fact as one article states it: its written value and the words that hedge it."""

    fact: Fact
    value: Value
    hedge: str | None = None
    style: int = 0
    month_words: bool = True  # founding: "en mars 2015" rather than "en 2015"


@dataclass
class Story:
    """What one article says: its lead statement, the others, and its date."""

    company: Company
    lead: Statement
    extras: list[Statement]
    published: date
    planted: str | None = None  # the planted fact's id, if the lead is one
    language: str = "fr"


@dataclass
class Config:
    n: int
    seed: int = 0
    dispute_rate: float = DISPUTE_RATE
    agreement_rate: float = AGREEMENT_RATE
    duplicate_rate: float = DUPLICATE_RATE
    tension_share: float = 0.25  # of disagreements, the share planted as tensions
    companies: int | None = None  # the company pool (None: it grows with n)


def _month_day(rng: random.Random, year: int, after: date | None = None,
               before: date | None = None) -> date:
    low = after or date(year, 1, 1)
    high = before or date(year, 12, 31)
    if high < low:
        high = low
    return low + timedelta(days=rng.randint(0, (high - low).days))


class _Generator:
    """One pass over an archive: yields articles and fills `truth` as it goes."""

    def __init__(self, config: Config, world: World | None = None):
        self.config = config
        self.world = world if world is not None else build_world(config.n, config.seed,
                                                                 config.companies)
        self.rng = random.Random(f"articles:{config.seed}:{config.n}")
        self.facts_total = 0
        self.background = 0
        self.planted: list[dict[str, Any]] = []
        self.duplicates: list[list[str]] = []
        self.disputed = 0
        self.agreed = 0
        self.emitted = 0

    # -- allocation of facts ------------------------------------------------------------

    def _company(self) -> Company:
        return self.world.companies[self.rng.randrange(len(self.world.companies))]

    def _fact(self, predicate: str, company: Company, before: date | None = None
              ) -> Fact | None:
        """A fact no other story has stated: a free (company, predicate, time) slot, before
        `before` when given (an extra of an article published then)."""
        rng = self.rng
        spec = PREDICATES[predicate]
        if predicate == "users" and not SECTORS[company.sector][3]:
            return None
        if predicate == "founded":
            if company.founded_used or (before and before.year <= company.founded):
                return None
            company.founded_used = True
            return Fact(predicate, company, None, company.founded, rng.randint(1, 12),
                        Value("year", Decimal(company.founded)))
        obj = None
        if spec["object"] is not None:
            pool = self.world.companies
            count = company.partners if spec["object"] == "partner" else company.targets
            if count >= 8 or len(pool) < 20:
                return None
            offset = count + 1 if spec["object"] == "partner" else len(pool) // 2 - count - 1
            obj = pool[(company.index + offset) % len(pool)]
        if spec["time"] == "event":
            first = max(company.founded, FIRST_YEAR)
            last = LAST_YEAR if before is None else before.year - 1
        else:
            first = max(company.founded + 1, FIRST_YEAR - 1)
            last = LAST_YEAR - 1 if before is None else before.year - 1
        if first > last:
            return None
        years = [y for y in range(first, last + 1)
                 if spec["object"] is not None or not company.used & _slot_bit(predicate, y)]
        if not years:
            return None
        year = rng.choice(years)
        if spec["object"] == "partner":
            company.partners += 1
        elif spec["object"] == "target":
            company.targets += 1
        else:
            company.used |= _slot_bit(predicate, year)
        month = rng.randint(1, 11) if spec["time"] == "event" else 12
        low, high = spec["range"]
        value = _draw(rng, spec["kind"], low, high, company.size,
                      company.currency if spec["kind"] == "money" else None)
        return Fact(predicate, company, obj, year, month, value)

    def _lead_fact(self) -> Fact:
        names = list(LEAD_WEIGHTS)
        weights = list(LEAD_WEIGHTS.values())
        for _ in range(200):
            predicate = self.rng.choices(names, weights)[0]
            fact = self._fact(predicate, self._company())
            if fact is not None:
                return fact
        raise RuntimeError("the company pool ran out of facts: raise ARTICLES_PER_COMPANY")

    def _publication(self, fact: Fact) -> date:
        spec = PREDICATES[fact.predicate]
        if spec["time"] == "event":
            start = date(fact.year, fact.month, 1) + timedelta(days=28)
            return _month_day(self.rng, fact.year, after=start,
                              before=min(start + timedelta(days=40), date(fact.year, 12, 31)))
        if spec["time"] == "year":
            return _month_day(self.rng, fact.year + 1, after=date(fact.year + 1, 1, 10),
                              before=date(fact.year + 1, 6, 30))
        year = self.rng.randint(max(FIRST_YEAR, fact.year + 1), LAST_YEAR)
        return _month_day(self.rng, year)

    def _extras(self, company: Company, published: date, other: Company | None
                ) -> list[Statement]:
        """Background facts an article adds about its company (and the other it names)."""
        rng = self.rng
        wanted = rng.choices((0, 1, 2, 3), (20, 40, 30, 10))[0]
        names = list(EXTRA_WEIGHTS)
        weights = list(EXTRA_WEIGHTS.values())
        out: list[Statement] = []
        for _ in range(wanted * 3):
            if len(out) >= wanted:
                break
            about = other if other is not None and rng.random() < 0.25 else company
            predicate = rng.choices(names, weights)[0]
            if any(s.fact.predicate == predicate and s.fact.subject is about for s in out):
                continue
            fact = self._fact(predicate, about, before=published)
            if fact is not None:
                out.append(Statement(fact, fact.value, style=rng.randrange(6),
                                     month_words=rng.random() < 0.3))
        self.background += len(out)
        self.facts_total += len(out)
        return out

    # -- planted facts ------------------------------------------------------------------

    def _variant(self, fact: Fact, language: str, how: str) -> Statement:
        """A statement of `fact` compatible with its value: the same figure, or one hedged
        the group's way `how` ("environ 12 millions" for 12,5 millions). One group hedges
        one way only: "environ 12" and "près de 13" both fit 12,5 but barely each other."""
        rng = self.rng
        style = rng.randrange(6)
        if fact.value.kind == "year" or rng.random() < 0.45:
            return Statement(fact, fact.value, style=style, month_words=rng.random() < 0.4)
        words = rng.choice([w for w, h in HEDGES[language] if h == how])
        written = _hedged(fact.value, how)
        if written is None:
            return Statement(fact, fact.value, style=style)
        return Statement(fact, written, hedge=words, style=style)

    def _disputed_value(self, fact: Fact, tension: bool) -> tuple[Value, str | None, str]:
        """A value that clearly disagrees with the fact's: (value, hedge kind, verdict)."""
        rng = self.rng
        value = fact.value
        if value.kind == "year":
            shift = rng.choice((-4, -3, -2, 2, 3))
            year = int(value.digits) + shift
            return Value("year", Decimal(year)), None, "conflict"
        if tension:
            whole = value.digits
            if _decimals(whole) == 0 and whole >= 25 and value.kind != "count":
                step = max(2, int(whole * Decimal("0.06")))
                return Value(value.kind, whole + step, value.scale, value.unit), "about", \
                    "tension"
        low, high = _rounding(value)
        for attempt in range(40):
            factor = rng.uniform(1.6, 2.6) if rng.random() < 0.5 else rng.uniform(0.35, 0.6)
            number = _significant(float(value.number) * factor, 2 if attempt < 20 else 3)
            other = _value(value.kind, number, value.unit)
            other_low, other_high = _rounding(other)
            # clearly apart: no rounding of either reaches the other ("1 billion" would
            # cover 500 million)
            if other_low > high * Decimal("1.05") or other_high < low * Decimal("0.95"):
                return other, None, "conflict"
        other = _value(value.kind, _significant(float(value.number) * 3, 3), value.unit)
        return other, None, "conflict"

    def _plant(self, kind: str, remaining: int) -> list[Story]:
        """Several articles stating one new fact: compatibly, or not."""
        rng = self.rng
        size = rng.choices((2, 3, 4), (55, 30, 15))[0] if kind == "agreement" else \
            rng.choices((2, 3), (75, 25))[0]
        size = min(size, remaining)
        fact = self._lead_fact()
        self.facts_total += 1
        fact_id = f"F{len(self.planted) + 1:05d}"
        languages = [rng.choice(("fr", "en")) for _ in range(size)]
        if kind == "agreement":
            self.agreed += 1
            expected = "corroboration"
            how = rng.choice(("round", "round", "floor", "ceil"))
            statements = [self._variant(fact, lang, how) for lang in languages]
        else:
            self.disputed += 1
            tension = rng.random() < self.config.tension_share
            other, hedged, expected = self._disputed_value(fact, tension)
            statements = [Statement(fact, fact.value, style=rng.randrange(6))
                          for _ in range(size)]
            odd = rng.randrange(size)
            statements[odd] = Statement(fact, other, style=rng.randrange(6),
                                        hedge=("environ" if languages[odd] == "fr"
                                               else "about") if hedged else None)
            if size == 3 and expected == "conflict" and fact.value.kind != "year":
                # a source may round the right figure and still agree with the others
                agree = next(i for i in range(size) if i != odd)
                if rng.random() < 0.5:
                    statements[agree] = self._variant(fact, languages[agree], "round")
        first = self._publication(fact)
        stories = []
        for i, statement in enumerate(statements):
            published = first if i == 0 else self._near(first, fact)
            stories.append(Story(fact.subject, statement, [], published, planted=fact_id,
                                 language=languages[i]))
        self.planted.append({"id": fact_id, "kind": kind, "expected": expected,
                             "fact": fact, "statements": statements, "articles": [],
                             "languages": languages})
        return stories

    def _near(self, first: date, fact: Fact) -> date:
        """Another article on the same news: days later, in the same year."""
        later = first + timedelta(days=self.rng.randint(0, 21))
        return later if later.year == first.year else first

    # -- writing ------------------------------------------------------------------------

    def stream(self) -> Iterator[dict[str, Any]]:
        config, rng = self.config, self.rng
        last_background: tuple[dict[str, Any], Story] | None = None
        while self.emitted < config.n:
            remaining = config.n - self.emitted
            facts = max(self.facts_total, 1)
            target_disputed = config.dispute_rate * facts
            target_agreed = config.agreement_rate * facts
            stories: list[Story] = []
            if remaining >= 2 and self.disputed + rng.random() < target_disputed:
                stories = self._plant("disagreement", remaining)
            elif remaining >= 2 and self.agreed + rng.random() < target_agreed:
                stories = self._plant("agreement", remaining)
            elif last_background is not None and \
                    len(self.duplicates) + rng.random() < config.duplicate_rate * self.emitted:
                article = self._republish(*last_background)
                last_background = None
                yield article
                continue
            else:
                fact = self._lead_fact()
                self.facts_total += 1
                self.background += 1
                lead = Statement(fact, fact.value, style=rng.randrange(6),
                                 month_words=rng.random() < 0.3)
                stories = [Story(fact.subject, lead, [], self._publication(fact))]
            for story in stories:
                if story.planted is None:
                    story.language = rng.choice(("fr", "en"))
                article = self._article(story, story.language)
                if story.planted is not None:
                    self.planted[-1]["articles"].append(article["id"])
                else:
                    last_background = (article, story)
                yield article

    def _next_id(self) -> str:
        self.emitted += 1
        return f"a{self.config.seed}-{self.emitted:07d}"

    def _article(self, story: Story, language: str) -> dict[str, Any]:
        rng = self.rng
        company = story.company
        lead = story.lead
        other = lead.fact.obj
        if other is None and rng.random() < 0.3:
            other = self._company()
            if other is company:
                other = None
        story.extras = self._extras(company, story.published, other)
        writer = _Writer(self.world, language, rng, story.published)
        paragraphs = writer.story(story, other)
        title = writer.title(story)
        outlet = rng.choice(self.world.outlets[language])
        article_id = self._next_id()
        return {"id": article_id, "text": "\n\n".join(paragraphs), "language": language,
                "published": story.published.isoformat(), "publisher": outlet,
                "url": _url(outlet, story.published, title, article_id), "title": title}

    def _republish(self, article: dict[str, Any], story: Story) -> dict[str, Any]:
        """The same story in another outlet: a new first sentence, a few words changed."""
        rng = self.rng
        language = article["language"]
        company = story.company
        opening = rng.choice(REPUBLISH_OPENINGS[language]).format(S=company.stem)
        text = article["text"]
        for old, new in LIGHT_EDITS[language]:
            if old in text and rng.random() < 0.7:
                text = text.replace(old, new, 1)
        text = f"{opening} {text}"
        others = [o for o in self.world.outlets[language] if o != article["publisher"]]
        outlet = rng.choice(others)
        published = date.fromisoformat(article["published"])
        later = published + timedelta(days=rng.randint(0, 2))
        published = later if later.year == published.year else published
        title = rng.choice(TITLE_PREFIXES[language]) + article["title"]
        article_id = self._next_id()
        self.duplicates.append([article["id"], article_id])
        return {"id": article_id, "text": text, "language": language,
                "published": published.isoformat(), "publisher": outlet,
                "url": _url(outlet, published, title, article_id), "title": title}

    # -- truth --------------------------------------------------------------------------

    def truth(self) -> dict[str, Any]:
        facts = []
        for record in self.planted:
            fact: Fact = record["fact"]
            statements = []
            for article_id, statement, language in zip(record["articles"],
                                                       record["statements"],
                                                       record["languages"]):
                statements.append({
                    "article": article_id, "language": language,
                    "value": _written(statement, language),
                    "number": _number(statement.value),
                    "unit": _unit(statement.value),
                    "hedge": statement.hedge,
                })
            facts.append({
                "id": record["id"], "kind": record["kind"], "expected": record["expected"],
                "subject": fact.subject.name, "predicate": fact.predicate,
                "object": fact.obj.name if fact.obj is not None else None,
                "about": _about(fact), "true_value": _number(fact.value),
                "unit": _unit(fact.value),
                "articles": [s["article"] for s in statements], "statements": statements,
            })
        return {
            "generator": {"name": "benchmarks/archive_generator.py", "version": VERSION,
                          "seed": self.config.seed, "articles": self.config.n,
                          "dispute_rate": self.config.dispute_rate,
                          "agreement_rate": self.config.agreement_rate,
                          "duplicate_rate": self.config.duplicate_rate},
            "counts": {"articles": self.emitted, "facts": self.facts_total,
                       "background_facts": self.background,
                       "disagreements": sum(f["kind"] == "disagreement" for f in facts),
                       "agreements": sum(f["kind"] == "agreement" for f in facts),
                       "near_duplicates": len(self.duplicates),
                       "companies": len(self.world.companies)},
            "facts": facts,
            "near_duplicates": [list(pair) for pair in self.duplicates],
        }


def _about(fact: Fact) -> str | None:
    time = PREDICATES[fact.predicate]["time"]
    if time == "origin":
        return None
    if time == "event":
        return f"{fact.year}-{fact.month:02d}"
    return str(fact.year)


def _number(value: Value) -> int | float:
    number = value.number
    return int(number) if number == number.to_integral_value() else float(number)


def _unit(value: Value) -> str | None:
    return {"money": value.unit, "count": "employees", "users": "users"}.get(value.kind)


def _written(statement: Statement, language: str) -> str:
    value = statement.value
    if value.kind == "year":
        year = _fmt_number(value.digits, language, group=False)
        if not statement.month_words:
            return year
        months = MONTHS_FR if language == "fr" else MONTHS_EN
        return f"{months[statement.fact.month - 1]} {year}"
    text = word_value(value, language, statement.style, statement.hedge)
    if value.kind == "users":
        text += "utilisateurs" if language == "fr" else "users"
    return text


def _slug(text: str) -> str:
    out = []
    for c in _fold(text):
        out.append(c if c.isascii() and c.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)[:60]


def _url(outlet: str, published: date, title: str, article_id: str) -> str:
    return (f"https://{_slug(outlet)}.example/{published.year}/{published.month:02d}/"
            f"{_slug(title)}-{article_id}")


class _Writer:
    """Turns a story into paragraphs and a title, in one language."""

    def __init__(self, world: World, language: str, rng: random.Random, published: date):
        self.world, self.language, self.rng, self.published = world, language, rng, published
        self.templates = TEMPLATES[language]
        self.activity_said: set[int] = set()  # companies whose activity a sentence gave
        self.lead_predicate = ""

    def name(self, company: Company, first: bool = False) -> str:
        rng = self.rng
        if first and rng.random() < 0.4:
            city, adjective, _ = HOMES[company.home]
            if self.language == "fr":
                label = rng.choice(("la start-up", "la jeune pousse", "la société"))
                return f"{label} {adjective} {company.name}"
            return rng.choice((f"{city}-based {company.name}",
                               f"{city} startup {company.name}"))
        return company.name if first or rng.random() < 0.4 else company.stem

    def date_phrase(self, fact: Fact, head: bool) -> str:
        rng = self.rng
        month = fact.month
        if self.language == "fr":
            if rng.random() < 0.25:
                day = rng.randint(1, 28)
                text = f"le {'1er' if day == 1 else day} {MONTHS_FR[month - 1]} {fact.year}"
            else:
                text = f"en {MONTHS_FR[month - 1]} {fact.year}"
        elif rng.random() < 0.25:
            day = rng.randint(1, 28)
            text = rng.choice((f"on {MONTHS_EN[month - 1]} {day}, {fact.year}",
                               f"on {day} {MONTHS_EN[month - 1]} {fact.year}"))
        else:
            text = f"in {MONTHS_EN[month - 1]} {fact.year}"
        return text[:1].upper() + text[1:] if head else text

    def sentence(self, statement: Statement, first: bool = False,
                 anaphor: bool = False) -> str:
        """One statement as a sentence; `anaphor` names the subject "l'entreprise", "the
        company" (for a sentence after one about the same company)."""
        rng = self.rng
        fact = statement.fact
        options = self.templates[fact.predicate]
        if statement.hedge is not None:
            options = tuple(t for t in options if not t.endswith("*")) or options
        if fact.subject.index in self.activity_said:
            options = tuple(t for t in options if "{activity}" not in t) or options
        if fact.year < self.published.year - 1:
            options = tuple(t for t in options if not t.endswith("~")) or options
        template = rng.choice(options).rstrip("*~")
        if "{activity}" in template:
            self.activity_said.add(fact.subject.index)
        value = _written(statement, self.language)
        company = fact.subject
        city = company.city
        if self.language == "fr":
            city = CITY_FR.get(city, city)
            activity = SECTORS[company.sector][1]
        else:
            activity = SECTORS[company.sector][2]
        subject = self.name(company, first)
        if anaphor:
            subject = rng.choice(ANAPHORS[self.language])
        text = template.format(
            S=subject, O=self.name(fact.obj) if fact.obj is not None else "",
            I=rng.choice(self.world.investors), V=value, Y=value if fact.predicate == "founded"
            else fact.year, D=self.date_phrase(fact, False), Dc=self.date_phrase(fact, True),
            city=city, activity=activity)
        if self.language == "fr":
            text = text.replace(" de environ ", " d'environ ").replace(
                " de un peu", " d'un peu")
        return text[:1].upper() + text[1:]

    def filler(self, company: Company, other: Company | None, used: set[int]) -> str | None:
        rng = self.rng
        options = FILLERS[self.language]
        free = [i for i in range(len(options)) if i not in used
                and self.lead_predicate in FILLER_ONLY.get(i, (self.lead_predicate,))
                and not (i == 0 and company.index in self.activity_said)]
        if not free:
            return None
        index = rng.choice(free)
        used.add(index)
        if index == 0:
            self.activity_said.add(company.index)
        city = company.city
        if self.language == "fr":
            city = CITY_FR.get(city, city)
            role = "directrice générale" if company.ceo_gender == "f" else "directeur général"
            role = rng.choice((role, role, "PDG"))
            activity = SECTORS[company.sector][1]
        else:
            role = rng.choice(("chief executive", "CEO", "chief executive officer"))
            activity = SECTORS[company.sector][2]
        text = options[index].format(S=self.name(company), P=company.ceo, role=role,
                                     city=city, activity=activity)
        return text[:1].upper() + text[1:]

    def story(self, story: Story, other: Company | None) -> list[str]:
        rng = self.rng
        company = story.company
        used: set[int] = set()
        self.lead_predicate = story.lead.fact.predicate
        lead = [self.sentence(story.lead, first=True)]
        if rng.random() < 0.6:
            lead.append(self.filler(company, other, used) or "")
        about_company = [s for s in story.extras if s.fact.subject is company]
        about_other = [s for s in story.extras if s.fact.subject is not company]
        body = [self.sentence(s, anaphor=i > 0 and rng.random() < 0.4)
                for i, s in enumerate(about_company)]
        if rng.random() < 0.7:
            body.insert(rng.randint(0, len(body)), self.filler(company, other, used) or "")
        paragraphs = [" ".join(s for s in lead if s)]
        if body:
            paragraphs.append(" ".join(s for s in body if s))
        if about_other and other is not None:
            if self.language == "fr":
                intro = f"De son côté, {other.name} {SECTORS[other.sector][1]}."
            else:
                intro = f"{other.name}, for its part, {SECTORS[other.sector][2]}."
            paragraphs.append(" ".join([intro, *(self.sentence(s) for s in about_other)]))
        closing = [self.filler(company, other, used) for _ in range(rng.randint(1, 2))]
        closing = [s for s in closing if s]
        if closing:
            paragraphs.append(" ".join(closing))
        return paragraphs

    def title(self, story: Story) -> str:
        rng = self.rng
        fact = story.lead.fact
        options = TITLES[self.language][fact.predicate]
        if story.lead.hedge is not None:
            options = tuple(t for t in options if "{V}" not in t) or options
        template = rng.choice(options)
        value = word_value(story.lead.value, self.language, story.lead.style,
                           story.lead.hedge) if story.lead.value.kind == "money" else ""
        company = story.company
        return template.format(S=company.stem, O=fact.obj.stem if fact.obj else "", V=value,
                               adj=HOMES[company.home][1], city=company.city)


# -- the public API ---------------------------------------------------------------------


class Archive:
    """A synthetic archive of `n` articles: `articles()` streams them (afresh each call),
    `truth` is the ground truth and `entities_toml` the registry of invented names."""

    def __init__(self, config: Config):
        self.config = config
        self.world = build_world(config.n, config.seed, config.companies)
        self._truth: dict[str, Any] | None = None

    def articles(self) -> Iterator[dict[str, Any]]:
        generator = _Generator(self.config, self._fresh_world())
        yield from generator.stream()
        if self._truth is None:
            self._truth = generator.truth()

    def _fresh_world(self) -> World:
        # slots are consumed as articles are made: each pass starts from an unused world
        return build_world(self.config.n, self.config.seed, self.config.companies)

    @property
    def truth(self) -> dict[str, Any]:
        if self._truth is None:
            for _ in self.articles():
                pass
        assert self._truth is not None
        return self._truth

    @property
    def entities_toml(self) -> str:
        return self.world.entities_toml()

    def sources(self) -> list[Any]:
        """The articles as factcheck Sources, for `factcheck.review`."""
        return [to_source(a) for a in self.articles()]

    def write(self, out_dir: str | Path, fmt: str = "jsonl") -> dict[str, Any]:
        return write_archive(out_dir, self.config.n, self.config.seed, fmt=fmt,
                             dispute_rate=self.config.dispute_rate,
                             agreement_rate=self.config.agreement_rate,
                             duplicate_rate=self.config.duplicate_rate)


def generate_archive(n: int, seed: int = 0, *, dispute_rate: float = DISPUTE_RATE,
                     agreement_rate: float = AGREEMENT_RATE,
                     duplicate_rate: float = DUPLICATE_RATE) -> Archive:
    """A synthetic archive of `n` articles (deterministic for a given seed and rates)."""
    return Archive(Config(n, seed, dispute_rate, agreement_rate, duplicate_rate))


def generate(n: int, seed: int = 0, **rates: float) -> Iterator[dict[str, Any]]:
    """The `n` articles of an archive, one dict at a time."""
    return generate_archive(n, seed, **rates).articles()


def to_source(article: Mapping[str, Any]) -> Any:
    """One article as a factcheck Source."""
    from factcheck import Source
    return Source(id=article["id"], text=article["text"], language=article["language"],
                  published=article["published"], publisher=article.get("publisher"),
                  url=article.get("url"), title=article.get("title"))


def read_articles(path: str | Path) -> Iterator[dict[str, Any]]:
    """The articles of an `articles.jsonl`, `.jsonl.gz` or `.parquet` file, streamed."""
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq
        for batch in pq.ParquetFile(path).iter_batches(batch_size=2048):
            yield from batch.to_pylist()
        return
    opener: Callable[..., Any] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


PARQUET_COLUMNS = ("id", "text", "language", "published", "publisher", "url", "title")


def write_archive(out_dir: str | Path, n: int, seed: int = 0, *, fmt: str = "jsonl",
                  dispute_rate: float = DISPUTE_RATE, agreement_rate: float = AGREEMENT_RATE,
                  duplicate_rate: float = DUPLICATE_RATE, companies: int | None = None
                  ) -> dict[str, Any]:
    """Write articles, entities.toml and truth.json into `out_dir` in one streaming pass;
    return a summary (paths, counts, seconds, articles per second). `companies` fixes the
    company pool (see `build_world`)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as error:
            raise ImportError("the parquet format needs pyarrow (pip install pyarrow); "
                              "jsonl and jsonl.gz work without it") from error
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    config = Config(n, seed, dispute_rate, agreement_rate, duplicate_rate,
                    companies=companies)
    world = build_world(n, seed, companies)
    entities_path = out / "entities.toml"
    entities_path.write_text(world.entities_toml(), encoding="utf-8")
    generator = _Generator(config, world)
    if fmt == "parquet":
        articles_path = out / "articles.parquet"
        _write_parquet(articles_path, generator.stream())
    else:
        articles_path = out / f"articles.{fmt}"
        opener: Callable[..., Any] = (lambda p: gzip.open(p, "wt", encoding="utf-8",
                                                          compresslevel=6)) \
            if fmt == "jsonl.gz" else (lambda p: open(p, "w", encoding="utf-8"))
        with opener(articles_path) as handle:
            dumps = json.JSONEncoder(ensure_ascii=False).encode
            for article in generator.stream():
                handle.write(dumps(article))
                handle.write("\n")
    truth = generator.truth()
    truth_path = out / "truth.json"
    with open(truth_path, "w", encoding="utf-8") as handle:  # streamed, not one string
        json.dump(truth, handle, ensure_ascii=False, indent=1)
    seconds = time.perf_counter() - started
    return {"articles": str(articles_path), "entities": str(entities_path),
            "truth": str(truth_path), "counts": truth["counts"], "seconds": round(seconds, 3),
            "articles_per_second": round(n / seconds) if seconds else None}


def _write_parquet(path: Path, articles: Iterator[dict[str, Any]], batch: int = 5000) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    schema = pa.schema([(name, pa.string()) for name in PARQUET_COLUMNS])
    with pq.ParquetWriter(path, schema) as writer:
        rows: list[dict[str, Any]] = []
        for article in articles:
            rows.append(article)
            if len(rows) >= batch:
                writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=schema))
                rows = []
        if rows:
            writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=schema))


# -- scoring a review against the truth --------------------------------------------------


def _finding_facts(result: Any) -> list[dict[str, Any]]:
    """The findings of a Review (or of its JSON record) as plain dicts."""
    findings = result["findings"] if isinstance(result, Mapping) else result.findings
    out = []
    for f in findings:
        if isinstance(f, Mapping):
            kind, subject, predicate, obj = f["kind"], f["subject"], f["predicate"], f["object"]
            sources = {c["source"] for c in f["claims"]}
            independent = f.get("independent_sources")
        else:
            kind = f.kind.value
            subject, predicate, obj = f.subject, f.predicate, f.object
            sources = {c.provenance.source for c in f.claims}
            independent = f.independent_sources
        out.append({"kind": kind, "key": _key(subject, predicate, obj), "sources": sources,
                    "independent": independent})
    return out


def _key(subject: str | None, predicate: str, obj: str | None) -> tuple[Any, ...]:
    if predicate in SYMMETRIC:
        return (predicate, frozenset(x for x in (subject, obj) if x is not None))
    return (predicate, subject, obj)


def score(result: Any, truth: Mapping[str, Any] | str | Path) -> dict[str, Any]:
    """How a review recovers the planted truth.

    A planted disagreement is *found* when a conflict or tension finding on its subject,
    predicate and object has claims from every article that states it (*partly found*:
    from at least two of them). A disagreement finding that matches no planted disagreement
    is a false flag: on a planted agreement when its claims come from two or more of the
    agreement's articles, else on the background. An agreement is *corroborated* when a
    corroboration finding covers all its articles. A near-duplicate pair is *counted once*
    when a corroboration finding whose claims come from exactly the pair counts one
    independent source.
    """
    if not isinstance(truth, Mapping):
        truth = json.loads(Path(truth).read_text(encoding="utf-8"))
    findings = _finding_facts(result)
    planted = truth["facts"]
    by_key: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for f in findings:
        by_key.setdefault(f["key"], []).append(f)
    disagreements = [f for f in findings if f["kind"] in DISAGREEMENT_KINDS]
    explained: set[int] = set()
    found, partly, exact_kind, missed = 0, 0, 0, []
    agreements_flagged, corroborated, flagged_ids = 0, 0, []
    for fact in planted:
        key = _key(fact["subject"], fact["predicate"], fact["object"])
        articles = set(fact["articles"])
        same = by_key.get(key, [])
        if fact["kind"] == "disagreement":
            hits = [f for f in same if f["kind"] in DISAGREEMENT_KINDS
                    and len(f["sources"] & articles) >= 2]
            explained.update(id(f) for f in hits)
            full = [f for f in hits if articles <= f["sources"]]
            if full:
                found += 1
                exact_kind += any(f["kind"] == fact["expected"] for f in full)
            elif hits:
                partly += 1
            if not full:
                missed.append(fact["id"])
        else:
            hits = [f for f in same if f["kind"] in DISAGREEMENT_KINDS
                    and len(f["sources"] & articles) >= 2]
            if hits:
                agreements_flagged += 1
                flagged_ids.append(fact["id"])
                explained.update(id(f) for f in hits)
            if any(f["kind"] == "corroboration" and articles <= f["sources"] for f in same):
                corroborated += 1
    background = [f for f in disagreements if id(f) not in explained]
    pairs = [tuple(p) for p in truth.get("near_duplicates", [])]
    checked, counted_once = 0, 0
    for a, b in pairs:
        for f in findings:
            if f["kind"] == "corroboration" and f["sources"] == {a, b}:
                checked += 1
                counted_once += f["independent"] == 1
    planted_disagreements = sum(f["kind"] == "disagreement" for f in planted)
    planted_agreements = sum(f["kind"] == "agreement" for f in planted)
    return {
        "disagreements_planted": planted_disagreements,
        "disagreements_found": found,
        "disagreements_partly_found": partly,
        "disagreements_exact_kind": exact_kind,
        "recall": round(found / planted_disagreements, 4) if planted_disagreements else None,
        "missed": missed,
        "agreements_planted": planted_agreements,
        "agreements_flagged": agreements_flagged,
        "agreements_flagged_ids": flagged_ids,
        "agreements_corroborated": corroborated,
        "background_facts": truth.get("counts", {}).get("background_facts"),
        "background_flagged": len(background),
        "background_flags": [{"kind": f["kind"], "fact": [x if not isinstance(x, frozenset)
                                                           else sorted(x) for x in f["key"]],
                              "sources": sorted(f["sources"])} for f in background[:50]],
        "disagreement_findings": len(disagreements),
        "near_duplicates_planted": len(pairs),
        "near_duplicates_checked": checked,
        "near_duplicates_counted_once": counted_once,
    }


# -- command line --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic news archive with known ground truth.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", "-n", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--dispute-rate", type=float, default=DISPUTE_RATE,
                        help="share of distinct facts planted as disagreements")
    parser.add_argument("--agreement-rate", type=float, default=AGREEMENT_RATE,
                        help="share of distinct facts planted as agreements")
    parser.add_argument("--duplicate-rate", type=float, default=DUPLICATE_RATE,
                        help="share of articles that republish an earlier one")
    parser.add_argument("--companies", type=int, default=None,
                        help="a fixed company pool (default: one company per "
                             f"{ARTICLES_PER_COMPANY} articles)")
    parser.add_argument("--score", action="store_true",
                        help="review the archive with factcheck and print the score")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    try:
        summary = write_archive(args.out_dir, args.articles, args.seed, fmt=args.format,
                                dispute_rate=args.dispute_rate,
                                agreement_rate=args.agreement_rate,
                                duplicate_rate=args.duplicate_rate,
                                companies=args.companies)
    except ImportError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    print(json.dumps(summary, indent=1))
    if args.score:
        from factcheck import review
        started = time.perf_counter()
        sources = [to_source(a) for a in read_articles(summary["articles"])]
        result = review(sources, entities=summary["entities"])
        report = score(result, summary["truth"])
        report["review_seconds"] = round(time.perf_counter() - started, 2)
        print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
