"""Lossless JSON for every model object.

Objects become dicts tagged with their `type`; Decimals become strings so that no
binary float ever stands in for a figure; enums become their values.
"""

from __future__ import annotations

import enum
import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from factcheck import model
from factcheck.errors import ParseError, Problem

_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (model.Quantity, model.PartialDate, model.DateRange, model.Categorical,
                model.Source, model.Provenance, model.Claim, model.Mention, model.Finding,
                model.Review, model.Rating, model.Totals, Problem)
}
_HINTS = {name: typing.get_type_hints(cls, vars(model)) for name, cls in _CLASSES.items()}


def to_dict(obj: Any) -> Any:
    """A JSON-ready structure for a model object (or a list of them)."""
    if attrs.has(type(obj)):
        out: dict[str, Any] = {"type": type(obj).__name__}
        for field in attrs.fields(type(obj)):
            out[field.name] = to_dict(getattr(obj, field.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(item) for item in obj]
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, enum.Enum):
        return obj.value
    return obj


def from_dict(data: Any) -> Any:
    """Rebuild a model object from `to_dict`'s output."""
    if isinstance(data, list):
        return [from_dict(item) for item in data]
    if not isinstance(data, dict) or data.get("type") not in _CLASSES:
        raise ParseError(f"not a factcheck object: {str(data)[:80]!r}")
    name = data["type"]
    hints = _HINTS[name]
    kwargs = {key: _decode(value, hints[key]) for key, value in data.items() if key != "type"}
    try:
        return _CLASSES[name](**kwargs)
    except (TypeError, ValueError) as exc:
        raise ParseError(f"invalid {name}: {exc}") from exc


def _decode(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dict):
        return from_dict(value)
    if isinstance(value, list):  # tuple[Claim, ...], tuple[str, ...]
        item_hint = next((a for a in typing.get_args(hint) if a is not Ellipsis), Any)
        return tuple(_decode(item, item_hint) for item in value)
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if option is Decimal and isinstance(value, str):
            return Decimal(value)
        if isinstance(option, type) and issubclass(option, enum.Enum):
            return option(value)
    return value


def dumps(obj: Any, **kwargs: Any) -> str:
    """JSON text for a model object."""
    return json.dumps(to_dict(obj), ensure_ascii=False, **kwargs)


def loads(text: str) -> Any:
    """The model object `dumps` wrote."""
    return from_dict(json.loads(text))
