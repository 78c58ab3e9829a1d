"""The gazetteer in the database: loaded from the shipped file, extended by editors in the
admin, and turned back into the extractor's ``Gazetteer`` for every ingest."""

from .build import (
    GazetteerSnapshot,
    gazetteer_for_ingest,
    gazetteer_for_reading,
    snapshot_from_database,
)
from .load import GazetteerLoadReport, load_gazetteer

__all__ = [
    "GazetteerLoadReport",
    "GazetteerSnapshot",
    "gazetteer_for_ingest",
    "gazetteer_for_reading",
    "load_gazetteer",
    "snapshot_from_database",
]
