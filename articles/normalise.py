"""Normalised forms of names, used as unique lookup keys for actors, aliases and sources."""

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})


@lru_cache(maxsize=65536)  # the ingest asks for the same few thousand names again and again
def normalise_name(name: str) -> str:
    """Case-, accent- and spacing-insensitive key: ``Erdoğan`` and ``erdogan`` share one."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", stripped).strip().casefold()
