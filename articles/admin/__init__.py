"""The editors' admin: one module per part of the schema."""

from . import actors, articles, claims, clusters, ingest_runs, notes, sources, suggestions

__all__ = [
    "actors",
    "articles",
    "claims",
    "clusters",
    "ingest_runs",
    "notes",
    "sources",
    "suggestions",
]
