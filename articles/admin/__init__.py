"""The editors' admin: one module per part of the schema."""

from . import actors, articles, claims, notes, sources

__all__ = ["actors", "articles", "claims", "notes", "sources"]
