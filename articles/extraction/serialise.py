"""Extraction results as JSON-ready dicts (the ``extract --format json`` format) and back.

Keys and their meaning are a public interface: new keys may be added, these may not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from articles.extraction.types import (
    ActorRef,
    Extraction,
    FoundClaim,
    FoundMention,
    FoundQuantity,
    FoundSource,
)


def extraction_to_dict(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    return {
        "mentions": [_mention(mention) for mention in extraction.mentions],
        "claims": [_claim(claim) for claim in extraction.claims],
    }


def extraction_from_dict(data: Mapping[str, Any]) -> Extraction:
    """The inverse of ``extraction_to_dict`` for what scoring needs (spans, names, numbers)."""
    return Extraction(
        mentions=[
            FoundMention(m["start"], m["end"], m["text"], ActorRef(m["actor"], m["kind"]))
            for m in data.get("mentions", [])
        ],
        claims=[_claim_from_dict(claim) for claim in data.get("claims", [])],
    )


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _mention(mention: FoundMention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "actor": mention.actor.name,
        "kind": mention.actor.kind,
    }


def _claim(claim: FoundClaim) -> dict[str, Any]:
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": claim.source.name if claim.source else None,
        "via": claim.via.name if claim.via else None,
        "hedged": claim.hedged,
        "direct_quote": claim.direct_quote,
        "about": [actor.name for actor in claim.about],
        "quantity": _quantity(claim.quantity) if claim.quantity else None,
    }


def _quantity(quantity: FoundQuantity) -> dict[str, Any]:
    return {
        "value": json_number(quantity.value),
        "min": json_number(quantity.minimum),
        "max": json_number(quantity.maximum),
        "qualifier": quantity.qualifier,
        "what": quantity.what,
        "what_key": quantity.what_key,
        "start": quantity.start,
        "end": quantity.end,
    }


def _claim_from_dict(data: Mapping[str, Any]) -> FoundClaim:
    return FoundClaim(
        start=data["start"],
        end=data["end"],
        text=data.get("text", ""),
        source=_source(data.get("source")),
        via=_source(data.get("via")),
        hedged=bool(data.get("hedged")),
        direct_quote=data.get("direct_quote"),
        about=tuple(ActorRef(name, "") for name in data.get("about", [])),
        quantity=_quantity_from_dict(data.get("quantity")),
    )


def _source(name: str | None) -> FoundSource | None:
    return FoundSource(name, "other") if name else None


def _quantity_from_dict(data: Mapping[str, Any] | None) -> FoundQuantity | None:
    if not data:
        return None
    return FoundQuantity(
        value=_decimal(data.get("value")),
        minimum=_decimal(data.get("min")),
        maximum=_decimal(data.get("max")),
        qualifier=data.get("qualifier", "exact"),
        what=data.get("what", ""),
        what_key=data.get("what_key", ""),
        start=data.get("start", 0),
        end=data.get("end", 0),
    )


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
