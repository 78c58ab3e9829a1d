"""A factory for :class:`ClaimFacts` with sensible defaults, shared by the crossref tests."""

from __future__ import annotations

import hashlib
import itertools
from decimal import Decimal
from typing import Any

from articles.crossref.facts import ClaimFacts

_ids = itertools.count(1)


def facts(**kw: Any) -> ClaimFacts:
    """A claim of 28 February 2020 with no figure, no actors, an unrelated text, and fresh claim
    and article ids.

    Integer or string figures become Decimals; ``about`` may be any iterable of actor ids.
    """
    for name in ("value", "minimum", "maximum"):
        if isinstance(kw.get(name), int | str):
            kw[name] = Decimal(kw[name])
    if "about" in kw:
        kw["about"] = frozenset(kw["about"])
    claim_id = next(_ids)
    defaults: dict[str, Any] = {
        "claim_id": claim_id,
        "article_id": 10_000 + claim_id,
        "year": 2020,
        "month": 2,
        "day": 28,
        # Unrelated per claim: sentences differing in one number alone would be copies.
        "text": hashlib.sha1(str(claim_id).encode()).hexdigest(),
    }
    return ClaimFacts(**(defaults | kw))
