"""Full-text search over articles and claims: one entry point, two databases.

``search(query)`` returns ranked hits (articles and claims together), each with a snippet of
safe HTML: the stored text escaped, the matches in ``<mark>``. The query syntax is that of
PostgreSQL's ``websearch_to_tsquery``: words (all must match), ``"a phrase"``, ``or``, and
``-word`` to exclude.

- PostgreSQL: migration 0008 adds stored generated ``tsvector`` columns (Dutch config) with
  GIN indexes to ``articles_article`` and ``articles_claim``; the database keeps them right.
  The Django models know nothing of them.
- SQLite: an FTS5 table of lemmas (simplemma; SQLite has no Dutch stemmer), which Python
  keeps: the ingest calls ``index_articles`` for each batch, saving or deleting an article or
  claim through the ORM reindexes it (``signals``), and ``manage.py rebuild_search_index``
  rebuilds it all.
  Bulk writes that skip signals (``QuerySet.update``, ``bulk_create``) must reindex
  themselves with ``index_articles``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import connection
from django.utils.safestring import SafeString

ARTICLE = "article"
CLAIM = "claim"
# Matches ranked, of each kind: the most recently stored. A common word matches tens of
# thousands of claims in a large archive, and ranking them all took seconds.
RANKED_MATCHES = 1000
# Matches counted: beyond this the count says "more than". Counting every match of a common
# word reads each of its rows, which took longer than the rest of the search.
COUNTED_MATCHES = 10_000


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # ARTICLE or CLAIM
    object_id: int
    article_id: int
    article_external_id: str
    article_title: str
    claim_text: str  # empty for an article
    rank: float  # higher is better; comparable only within one result
    snippet: SafeString

    @property
    def is_claim(self) -> bool:
        return self.kind == CLAIM

    @property
    def label(self) -> str:
        """The claim's text, or the article's title."""
        return self.claim_text if self.is_claim else self.article_title


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # the matches, counted up to ``counted`` + 1; ``hits`` holds the best

    ranked_per_kind: int = RANKED_MATCHES
    counted: int = COUNTED_MATCHES

    @property
    def more_than_counted(self) -> bool:
        """Whether there are more matches than were counted (see ``COUNTED_MATCHES``)."""
        return self.total > self.counted

    @property
    def newest_ranked_only(self) -> bool:
        """Whether some matches were too old to be ranked (see ``RANKED_MATCHES``)."""
        return self.total > self.ranked_per_kind

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __bool__(self) -> bool:
        return bool(self.hits)


def search(query: str, *, limit: int = 20) -> SearchResults:
    """Articles and claims matching the query, best first, in one database query."""
    query = (query or "").strip()
    if not query or limit <= 0:
        return SearchResults(query)
    if connection.vendor == "postgresql":
        from . import postgres as backend
    else:
        from . import sqlite as backend
    counted = COUNTED_MATCHES
    hits, total = backend.search(query, limit, RANKED_MATCHES, counted + 1)
    return SearchResults(query, hits, min(total, counted + 1), RANKED_MATCHES, counted)


def uses_index() -> bool:
    """Whether Python keeps the search index (SQLite); PostgreSQL keeps its own."""
    return connection.vendor == "sqlite"


def index_articles(article_ids: Iterable[int]) -> None:
    """(Re)index the articles and all their claims; claims gone are dropped. SQLite only."""
    if uses_index():
        from . import sqlite

        sqlite.index_articles(list(article_ids))


def rebuild_index() -> int:
    """Index every article and claim again (SQLite); the number of rows indexed."""
    if not uses_index():
        return 0
    from . import sqlite

    return sqlite.rebuild()
