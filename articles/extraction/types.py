"""What extraction returns: plain data with character offsets, no database access.

Offsets are Python ``str`` indices into the article text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ACTOR_KINDS = ("person", "organisation", "country", "group", "role", "location")
SOURCE_KINDS = (
    "publication",
    "news_agency",
    "government",
    "military",
    "ngo",
    "media",
    "person",
    "anonymous",
    "other",
)
QUALIFIERS = ("exact", "at_least", "approximately", "more_than", "less_than")


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as the extractor knows it; ``name`` is the canonical name (the identity)."""

    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()
    wikidata_id: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class FoundMention:
    start: int
    end: int
    text: str
    actor: ActorRef


@dataclass(frozen=True, slots=True)
class FoundSource:
    """Who a claim is attributed to (or the channel it came through)."""

    name: str  # canonical name; equals actor.name when there is an actor
    kind: str  # one of SOURCE_KINDS
    actor: ActorRef | None = None


@dataclass(frozen=True, slots=True)
class FoundQuantity:
    value: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    qualifier: str  # one of QUALIFIERS
    what: str  # what is counted, as written ("Turkse militairen om het leven gekomen")
    what_key: str  # normalised so comparable counts share a key
    start: int  # span of the number phrase
    end: int


@dataclass(frozen=True, slots=True)
class FoundClaim:
    start: int
    end: int
    text: str
    source: FoundSource | None = None
    via: FoundSource | None = None
    hedged: bool = False
    direct_quote: str | None = None
    about: tuple[ActorRef, ...] = ()
    quantity: FoundQuantity | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    mentions: list[FoundMention] = field(default_factory=list)
    claims: list[FoundClaim] = field(default_factory=list)
