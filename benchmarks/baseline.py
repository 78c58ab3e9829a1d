"""The baseline: the fastest plain way to write the ingest's article rows.

Runs inside Django (``python -m benchmarks.phases baseline``) on a database the no-extraction
ingest has filled, so the tables and one publication source exist. The corpus is read and
parsed again, ``CHUNK`` files at a time, into exactly the ``articles_article`` rows the ingest
writes (``articles.ingest.store._article_fields`` and the model's defaults, as
``bulk_create`` would prepare them), and each chunk is written in one transaction into a
fresh copy of the article table with the same columns, constraints and indexes:

- PostgreSQL: ``CREATE TABLE bench_article (LIKE articles_article INCLUDING ALL)`` (the
  generated ``tsvector`` column and its GIN index included), filled with ``COPY``;
- SQLite: the table and its indexes re-created from ``sqlite_master`` under another name,
  filled with ``executemany``.

The writes are timed (the sum over the chunks), and so is the whole pass, reading, parsing
and building the rows included, to compare with the ingest end to end. The copy is dropped
afterwards.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHUNK = 1_000
TABLE = "bench_article"
SOURCE_TABLE = "articles_article"


def article_rows(corpus: Path, columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows the ingest would write for the corpus's files, ``CHUNK`` at a time."""
    from django.conf import settings
    from django.db import connection

    from articles.extraction.types import Extraction
    from articles.ingest.files import discover, read_limited
    from articles.ingest.parsed import ArticleFileError
    from articles.ingest.parser import parse_article
    from articles.ingest.store import FileOrigin, ToStore, _article_fields
    from articles.models import Article, Source

    publication = Source.objects.filter(kind=Source.Kind.PUBLICATION).order_by("pk").first()
    if publication is None:
        raise SystemExit("no publication source: run the no-extraction ingest first")
    fields = [Article._meta.get_field(name) for name in columns]
    chunk: list[tuple[Any, ...]] = []
    for target in discover([corpus]):
        if target.path is None:
            continue
        try:
            raw = read_limited(target.path, settings.NEWSDB_MAX_ARTICLE_BYTES)
            parsed = parse_article(raw, str(target.path))
        except ArticleFileError:
            continue
        origin = FileOrigin(
            corpus=target.path.parent.name,
            file_name=target.path.name,
            file_path=str(target.path),
            checksum=hashlib.sha256(raw).hexdigest(),
        )
        content_hash = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()
        item = ToStore(parsed, Extraction(), origin, content_hash)
        article = Article(**_article_fields(item, publication), extractor_version="none")
        chunk.append(
            tuple(f.get_db_prep_save(f.pre_save(article, True), connection) for f in fields)
        )
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _columns() -> list[str]:
    """The article table's columns the ingest fills (all but the id), as model field names."""
    from articles.models import Article

    return [f.name for f in Article._meta.concrete_fields if not f.primary_key]


def _create_copy() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"CREATE TABLE {TABLE} (LIKE {SOURCE_TABLE} INCLUDING ALL)")
            return
        cursor.execute(
            "SELECT type, sql FROM sqlite_master WHERE tbl_name = %s AND sql IS NOT NULL "
            "AND type IN ('table', 'index') ORDER BY type = 'index'",
            [SOURCE_TABLE],
        )
        for _kind, sql in cursor.fetchall():
            sql = re.sub(r'^(CREATE (?:UNIQUE )?INDEX )"?(\w+)"?', rf'\1"{TABLE}_\2"', sql)
            cursor.execute(sql.replace(f'"{SOURCE_TABLE}"', f'"{TABLE}"'))


def _drop_copy() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def _write(rows: list[tuple[Any, ...]], db_columns: list[str]) -> float:
    """Write one chunk in one transaction; the seconds it took, commit included."""
    from django.db import connection, transaction

    names = ", ".join(connection.ops.quote_name(c) for c in db_columns)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {TABLE} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(db_columns))
            cursor.executemany(f"INSERT INTO {TABLE} ({names}) VALUES ({marks})", rows)
    return time.perf_counter() - started


def run_baseline(corpus: Path) -> dict[str, Any]:
    """Write the corpus's article rows into a copy of the article table; the phase's result."""
    from articles.models import Article

    columns = _columns()
    db_columns = [Article._meta.get_field(name).column for name in columns]
    _drop_copy()
    _create_copy()
    seconds, articles = 0.0, 0
    started = time.perf_counter()
    try:
        for rows in article_rows(corpus, columns):
            seconds += _write(rows, db_columns)
            articles += len(rows)
        end_to_end = time.perf_counter() - started
    finally:
        _drop_copy()
    return {
        "seconds": seconds,
        "seconds_end_to_end": end_to_end,
        "articles": articles,
        "articles_per_second": articles / seconds if seconds else None,
        "chunk": CHUNK,
        "ok": articles > 0,
    }
