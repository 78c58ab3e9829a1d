"""All topics, most frequent first (story topics are drawn with a mild Zipf skew)."""

from __future__ import annotations

from benchmarks.corpus.model import Topic
from benchmarks.corpus.topics_home import CLIMATE, ECONOMY, HOUSING, LABOUR, POLITICS
from benchmarks.corpus.topics_safety import CRIME, DISASTER, HEALTH
from benchmarks.corpus.topics_world import CONFLICT, MIGRATION

TOPICS: tuple[Topic, ...] = (
    POLITICS,
    CONFLICT,
    ECONOMY,
    CRIME,
    DISASTER,
    HEALTH,
    CLIMATE,
    HOUSING,
    LABOUR,
    MIGRATION,
)
