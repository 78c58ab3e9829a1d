"""PostgreSQL: generated tsvector columns (Dutch stemming), ts_rank_cd and ts_headline.

Migration 0008 adds ``search_vector`` to ``articles_article`` (title weighted A, text B) and
``articles_claim`` (text), each ``GENERATED ALWAYS AS (...) STORED`` with the ``dutch``
config named explicitly (``to_tsvector(regconfig, text)`` is immutable), and a GIN index.
"""

from __future__ import annotations

from django.db import connections, router

from articles.models import Article

from . import CLAIM, Hit
from .snippets import START, STOP, marked_to_html

_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# A claim is short: all of it, every match marked.
_CLAIM_OPTIONS = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"

# Only the most recently stored matches of each kind are ranked (``ranked``): ranking
# reads every match's tsvector, tens of thousands for a common word. Matches of each kind
# are counted up to ``counted``.
_SEARCH = """
WITH q AS (SELECT websearch_to_tsquery('dutch'::regconfig, %(query)s) AS query),
newest_articles AS (
    SELECT a.id FROM articles_article AS a, q WHERE a.search_vector @@ q.query
    ORDER BY a.id DESC LIMIT %(ranked)s
),
newest_claims AS (
    SELECT c.id FROM articles_claim AS c, q WHERE c.search_vector @@ q.query
    ORDER BY c.id DESC LIMIT %(ranked)s
),
hits AS (
    SELECT 'article' AS kind, a.id AS object_id, a.id AS article_id, a.external_id, a.title,
           ts_rank_cd(a.search_vector, q.query) AS rank, a.text AS body
    FROM newest_articles AS n JOIN articles_article AS a ON a.id = n.id, q
    UNION ALL
    SELECT 'claim', c.id, a.id, a.external_id, a.title,
           ts_rank_cd(c.search_vector, q.query), c.text
    FROM newest_claims AS n JOIN articles_claim AS c ON c.id = n.id
    JOIN articles_article AS a ON a.id = c.article_id, q
),
best AS (
    SELECT hits.* FROM hits ORDER BY rank DESC, kind, object_id LIMIT %(limit)s
),
total AS (
    SELECT (SELECT COUNT(*) FROM (
                SELECT 1 FROM articles_article AS a, q WHERE a.search_vector @@ q.query
                LIMIT %(counted)s) AS counted_articles)
         + (SELECT COUNT(*) FROM (
                SELECT 1 FROM articles_claim AS c, q WHERE c.search_vector @@ q.query
                LIMIT %(counted)s) AS counted_claims) AS n
)
SELECT best.kind, best.object_id, best.article_id, best.external_id, best.title, best.rank,
       total.n,
       CASE WHEN best.kind = 'claim' THEN best.body ELSE '' END,
       ts_headline(
           'dutch'::regconfig,
           translate(best.body, %(markers)s, ''),
           q.query,
           CASE WHEN best.kind = 'claim' THEN %(claim_options)s ELSE %(options)s END
       )
FROM best, q, total
ORDER BY best.rank DESC, best.kind, best.object_id
"""


def search(query: str, limit: int, ranked: int, counted: int) -> tuple[list[Hit], int]:
    params = {
        "query": query,
        "limit": limit,
        "ranked": ranked,
        "counted": counted,
        "markers": START + STOP,
        "options": _OPTIONS,
        "claim_options": _CLAIM_OPTIONS,
    }
    # Where the articles are read from: a replica for the reading pages (newsdb.routers).
    with connections[router.db_for_read(Article)].cursor() as cursor:
        cursor.execute(_SEARCH, params)
        rows = cursor.fetchall()
    hits = [
        Hit(
            kind=kind,
            object_id=object_id,
            article_id=article_id,
            article_external_id=external_id,
            article_title=title,
            claim_text=claim_text if kind == CLAIM else "",
            rank=float(rank),
            snippet=marked_to_html(headline),
        )
        for kind, object_id, article_id, external_id, title, rank, _, claim_text, headline in rows
    ]
    return hits, rows[0][6] if rows else 0
