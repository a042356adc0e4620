"""factcheck: track sourced claims in news coverage and find where sources disagree."""

from factcheck.errors import (CorpusError, FactcheckError, LedgerError, ModelError,
                              ParseError, Problem)
from factcheck.extract import extract, parse_value
from factcheck.model import (Approx, Categorical, Claim, DateRange, Granularity, Kind,
                             Mention, PartialDate, Provenance, Quantity, Source, Stance)
from factcheck.serialize import dumps, from_dict, loads, to_dict

__version__ = "0.1.0"

__all__ = [
    "Approx", "Categorical", "Claim", "CorpusError", "DateRange", "FactcheckError",
    "Granularity", "Kind", "LedgerError", "Mention", "ModelError", "ParseError",
    "PartialDate", "Problem", "Provenance", "Quantity", "Source", "Stance",
    "dumps", "extract", "from_dict", "loads", "parse_value", "to_dict",
]
