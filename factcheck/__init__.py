"""factcheck: track sourced claims in news coverage and find where sources disagree."""

from factcheck.claims import SourceClaims, claims_from_source
from factcheck.corpus import load_corpus
from factcheck.entities import Entity, EntityRegistry, load_entities
from factcheck.errors import (CorpusError, EntitiesError, FactcheckError, LedgerError,
                              MissingExtraError, ModelError, ParseError, Problem)
from factcheck.extract import extract, parse_value
from factcheck.ledger import load_ledger
from factcheck.model import (Approx, Categorical, Check, Claim, DateRange, Finding, FindingKind,
                             Granularity, Kind, Mention, Modality, Origin, PartialDate,
                             Provenance, Quantity, Rating, Review, Scope, Source, Stance)
from factcheck.review import review, review_record
from factcheck.serialize import dumps, from_dict, loads, to_dict

__version__ = "0.2.0"

__all__ = [
    "Approx", "Categorical", "Check", "Claim", "CorpusError", "DateRange", "EntitiesError",
    "Entity", "EntityRegistry", "FactcheckError", "Finding", "FindingKind", "Granularity",
    "Kind", "LedgerError", "Mention", "MissingExtraError", "Modality", "ModelError", "Origin",
    "ParseError", "PartialDate", "Problem", "Provenance", "Quantity", "Rating", "Review",
    "Scope", "Source", "SourceClaims", "Stance", "claims_from_source", "dumps", "extract",
    "from_dict", "load_corpus", "load_entities", "load_ledger", "loads", "parse_value",
    "review", "review_record", "to_dict",
]
