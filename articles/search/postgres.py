"""PostgreSQL: generated tsvector columns (Dutch stemming), ts_rank_cd and ts_headline.

Migration 0008 adds ``search_vector`` to ``articles_article`` (title weighted A, text B) and
``articles_claim`` (text), each ``GENERATED ALWAYS AS (...) STORED`` with the ``dutch``
config named explicitly (``to_tsvector(regconfig, text)`` is immutable), and a GIN index.
"""

from __future__ import annotations

from django.db import connection

from . import CLAIM, Hit
from .snippets import START, STOP, marked_to_html

_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# A claim is short: all of it, every match marked.
_CLAIM_OPTIONS = f"StartSel={START}, StopSel={STOP}, HighlightAll=true"

_SEARCH = """
WITH q AS (SELECT websearch_to_tsquery('dutch'::regconfig, %(query)s) AS query),
hits AS (
    SELECT 'article' AS kind, a.id AS object_id, a.id AS article_id, a.external_id, a.title,
           ts_rank_cd(a.search_vector, q.query) AS rank, a.text AS body
    FROM articles_article AS a, q
    WHERE a.search_vector @@ q.query
    UNION ALL
    SELECT 'claim', c.id, a.id, a.external_id, a.title,
           ts_rank_cd(c.search_vector, q.query), c.text
    FROM articles_claim AS c JOIN articles_article AS a ON a.id = c.article_id, q
    WHERE c.search_vector @@ q.query
),
best AS (
    SELECT hits.*, COUNT(*) OVER () AS total FROM hits
    ORDER BY rank DESC, kind, object_id
    LIMIT %(limit)s
)
SELECT best.kind, best.object_id, best.article_id, best.external_id, best.title, best.rank,
       best.total,
       CASE WHEN best.kind = 'claim' THEN best.body ELSE '' END,
       ts_headline(
           'dutch'::regconfig,
           translate(best.body, %(markers)s, ''),
           q.query,
           CASE WHEN best.kind = 'claim' THEN %(claim_options)s ELSE %(options)s END
       )
FROM best, q
ORDER BY best.rank DESC, best.kind, best.object_id
"""


def search(query: str, limit: int) -> tuple[list[Hit], int]:
    params = {
        "query": query,
        "limit": limit,
        "markers": START + STOP,
        "options": _OPTIONS,
        "claim_options": _CLAIM_OPTIONS,
    }
    with connection.cursor() as cursor:
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
