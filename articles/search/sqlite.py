"""SQLite: an FTS5 index of lemmas, kept by Python, ranked with bm25().

Migration 0008 makes (on SQLite only) a plain table ``articles_search_doc`` of one row per
article or claim, holding its lemmas and the article it belongs to, and the FTS5 table
``articles_search_fts`` (kind, object_id, lemmas) over it as external content; triggers on
the plain table keep the FTS5 index in step. Python computes the lemmas (SQLite cannot), so
Python writes the plain table: here. A row's id is ``object_id * 2`` for an article and
``object_id * 2 + 1`` for a claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from articles.models import Article, Claim

from . import ARTICLE, CLAIM, Hit
from .lemmas import lemma_text, parse_query
from .snippets import snippet

DOC = "articles_search_doc"
FTS = "articles_search_fts"
CHUNK = 500
ARTICLE_SNIPPET_WORDS = 35
CLAIM_SNIPPET_WORDS = 60

# The most recently stored matches of each kind are ranked, no more (``ranked``):
# FTS5 walks a match's rows newest first and computes bm25() only for the rows it returns.
_NEWEST = (
    f"SELECT kind, object_id, bm25({FTS}) AS score FROM {FTS} "
    f"WHERE {FTS} MATCH %s AND rowid %% 2 = {{parity}} ORDER BY rowid DESC LIMIT %s"
)
_SEARCH = f"""
WITH matched AS MATERIALIZED (
    SELECT * FROM ({_NEWEST.format(parity=0)})
    UNION ALL
    SELECT * FROM ({_NEWEST.format(parity=1)})
)
SELECT m.kind, m.object_id, -m.score AS rank,
       (SELECT COUNT(*) FROM (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s LIMIT %s)) AS total,
       a.id, a.external_id, a.title,
       CASE WHEN m.kind = 'article' THEN a.text ELSE c.text END AS body
FROM matched AS m
LEFT JOIN articles_claim AS c ON m.kind = 'claim' AND c.id = m.object_id
JOIN articles_article AS a
  ON a.id = CASE WHEN m.kind = 'article' THEN m.object_id ELSE c.article_id END
ORDER BY m.score, m.kind, m.object_id
LIMIT %s
"""


def search(query: str, limit: int, ranked: int, counted: int) -> tuple[list[Hit], int]:
    """The best ``limit`` of the newest ``ranked`` matches of each kind, and the number of
    matches counted up to ``counted``."""
    parsed = parse_query(query)
    if not parsed:
        return [], 0
    with connection.cursor() as cursor:
        fts = parsed.fts()
        cursor.execute(_SEARCH, [fts, ranked, fts, ranked, fts, counted, limit])
        rows = cursor.fetchall()
    matcher = parsed.matcher()
    hits = [
        Hit(
            kind=kind,
            object_id=object_id,
            article_id=article_id,
            article_external_id=external_id,
            article_title=title,
            claim_text=body if kind == CLAIM else "",
            rank=float(rank),
            snippet=snippet(
                body,
                matcher,
                max_words=CLAIM_SNIPPET_WORDS if kind == CLAIM else ARTICLE_SNIPPET_WORDS,
            ),
        )
        for kind, object_id, rank, _, article_id, external_id, title, body in rows
    ]
    return hits, rows[0][3] if rows else 0


def _row_id(kind: str, object_id: int) -> int:
    return object_id * 2 + (1 if kind == CLAIM else 0)


def _article_row(pk: int, title: str, text: str) -> tuple:
    return (_row_id(ARTICLE, pk), ARTICLE, pk, pk, lemma_text(title, text))


def _claim_row(pk: int, article_id: int, text: str) -> tuple:
    return (_row_id(CLAIM, pk), CLAIM, pk, article_id, lemma_text(text))


def _insert(cursor, rows: Sequence[tuple]) -> None:
    if rows:
        cursor.executemany(
            f"INSERT INTO {DOC} (id, kind, object_id, article_id, lemmas) "
            "VALUES (%s, %s, %s, %s, %s)",
            rows,
        )


def _delete(cursor, column: str, values: Sequence[int], kind: str | None = None) -> None:
    if values:
        marks = ", ".join(["%s"] * len(values))
        of_kind, params = ("", []) if kind is None else (" AND kind = %s", [kind])
        cursor.execute(
            f"DELETE FROM {DOC} WHERE {column} IN ({marks}){of_kind}", [*values, *params]
        )


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = sorted(set(ids))
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def index_articles(article_ids: Iterable[int]) -> int:
    """Index the articles and their claims again; rows of claims gone are dropped."""
    count = 0
    for chunk in _chunks(article_ids):
        rows = [
            _article_row(*a)
            for a in Article.objects.filter(pk__in=chunk).values_list("pk", "title", "text")
        ]
        rows += _claim_rows(chunk)
        with connection.cursor() as cursor:
            _delete(cursor, "article_id", chunk)
            _insert(cursor, rows)
        count += len(rows)
    return count


def index_claims(article_ids: Iterable[int]) -> int:
    """Index the articles' claims again (not the articles' own rows); claims gone are dropped."""
    count = 0
    for chunk in _chunks(article_ids):
        rows = _claim_rows(chunk)
        with connection.cursor() as cursor:
            _delete(cursor, "article_id", chunk, kind=CLAIM)
            _insert(cursor, rows)
        count += len(rows)
    return count


def _claim_rows(article_ids: list[int]) -> list[tuple]:
    claims = Claim.objects.filter(article_id__in=article_ids)
    return [_claim_row(*c) for c in claims.values_list("pk", "article_id", "text")]


def index_article_row(article: Article) -> None:
    """Index the article's own row (title and text), not its claims."""
    with connection.cursor() as cursor:
        _delete(cursor, "id", [_row_id(ARTICLE, article.pk)])
        _insert(cursor, [_article_row(article.pk, article.title, article.text)])


def index_claim(claim: Claim) -> None:
    with connection.cursor() as cursor:
        _delete(cursor, "id", [_row_id(CLAIM, claim.pk)])
        _insert(cursor, [_claim_row(claim.pk, claim.article_id, claim.text)])


def unindex(kind: str, object_id: int) -> None:
    with connection.cursor() as cursor:
        if kind == ARTICLE:  # the article and whatever of its claims is left
            _delete(cursor, "article_id", [object_id])
        else:
            _delete(cursor, "id", [_row_id(kind, object_id)])


def rebuild() -> int:
    """Empty the index and index every article and claim again."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {DOC}")
    count = index_articles(Article.objects.values_list("pk", flat=True).iterator())
    with connection.cursor() as cursor:
        # Rebuild the FTS5 index from the plain table: repairs it whatever happened before.
        cursor.execute(f"INSERT INTO {FTS} ({FTS}) VALUES ('rebuild')")
    return count
