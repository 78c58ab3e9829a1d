"""Writing many plain rows at once, faster than ``bulk_create``.

``bulk_create`` builds model instances and compiles every field of every row into SQL in
Python; for the rows the ingest writes by the hundred per article (mentions, segments, "about"
rows, blocking keys, suggested links) that was a fifth of its time. ``insert_rows`` prepares
one statement per model and hands the values to SQLite's ``executemany``. On PostgreSQL the
server would plan and execute a statement per row, so rows that cannot conflict go by
``COPY``, and the others as arrays, a column per parameter, ``unnest``ed into one
``INSERT … ON CONFLICT DO NOTHING``. The rows must need no ids back and send no signals, as
with ``bulk_create``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models.constants import OnConflict
from django.db.models.expressions import RawSQL
from django.utils import timezone

# An ingest or a cross-referencing pass that wrote this many articles tidies up after itself
# on PostgreSQL (``tidy_after_bulk_load``).
ANALYZE_AFTER_ARTICLES = 1_000
# Rows of one ``INSERT … SELECT FROM unnest(…)`` on PostgreSQL.
ROWS_PER_STATEMENT = 10_000
# Field types whose Python values the driver cannot take as they are.
_ADAPTED = frozenset({"DateField", "DateTimeField", "DecimalField", "JSONField", "UUIDField"})


def insert_rows(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    ignore_conflicts: bool = False,
) -> int:
    """Insert ``rows`` (values in the order of ``columns``, attribute names such as
    ``article_id``) into ``model``'s table; the other fields take their defaults. Returns the
    number of rows given; with ``ignore_conflicts``, rows that break a unique constraint are
    skipped."""
    rows = list(rows)
    if not rows:
        return 0
    given = [model._meta.get_field(_field_name(model, column)) for column in columns]
    filled = [f for f in model._meta.concrete_fields if f not in given and _has_default(f)]
    # The connection itself: ``django.db.connection`` looks it up again at every use.
    db = connections[DEFAULT_DB_ALIAS]
    prepare = [_preparer(field, db) for field in given]
    extra = [_prepared_default(field, db) for field in filled]
    values = [[p(v) for p, v in zip(prepare, row, strict=True)] + extra for row in rows]
    if connection.vendor == "postgresql":
        if ignore_conflicts:
            _insert_arrays(model, [*given, *filled], values)
        else:
            _copy(model, [*given, *filled], values)
        return len(rows)
    sql = _insert_sql(model, [*given, *filled], ignore_conflicts)
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)
    return len(rows)


def _copy(model: type[models.Model], fields: list[models.Field], values: list[list[Any]]) -> None:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    # Django's cursor has no COPY; its error wrapper still turns psycopg's errors into
    # Django's (an IntegrityError, a DatabaseError the ingest recognises as a fault).
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(statement) as copy,
    ):
        for row in values:
            copy.write_row(row)


def _insert_arrays(
    model: type[models.Model], fields: list[models.Field], values: list[list[Any]]
) -> None:
    """Rows that may conflict, on PostgreSQL: a column of values per array parameter,
    ``unnest``ed into one ``INSERT … ON CONFLICT DO NOTHING`` per ``ROWS_PER_STATEMENT``. The
    server plans and runs one statement instead of one per row (pipelined or not, a statement
    per row cost the server more CPU than the rows themselves). The arrays go in binary
    (``%b``): in text, every quote of every JSON value is escaped by a regular expression."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    arrays = ", ".join(_array_of(field) for field in fields)
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
        f"SELECT * FROM unnest({arrays}) ON CONFLICT DO NOTHING"
    )
    with server_bound_cursor() as cursor:
        for first in range(0, len(values), ROWS_PER_STATEMENT):
            cursor.execute(sql, _columns(values[first : first + ROWS_PER_STATEMENT]))


def _columns(rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)]


def _array_of(field: models.Field) -> str:
    """The placeholder of an array of the field's values, sent in binary and cast."""
    return f"%b::{field.db_type(connection)}[]"


def _field_name(model: type[models.Model], column: str) -> str:
    for field in model._meta.concrete_fields:
        if column in (field.attname, field.name):
            return field.name
    raise ValueError(f"{model.__name__} has no field {column!r}")


def _is_timestamp(field: models.Field) -> bool:
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _has_default(field: models.Field) -> bool:
    return not field.primary_key and (field.has_default() or _is_timestamp(field))


def _prepared_default(field: models.Field, db: BaseDatabaseWrapper) -> Any:
    value = timezone.now() if _is_timestamp(field) else field.get_default()
    return field.get_db_prep_save(value, db)


def _preparer(field: models.Field, db: BaseDatabaseWrapper) -> Callable[[Any], Any]:
    if field.get_internal_type() not in _ADAPTED:
        return _unchanged
    return lambda value: field.get_db_prep_save(value, db)


def _unchanged(value: Any) -> Any:
    return value


def _insert_sql(
    model: type[models.Model], fields: list[models.Field], ignore_conflicts: bool
) -> str:
    ops = connection.ops
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    suffix = ops.on_conflict_suffix_sql(fields, on_conflict, None, None)
    return (
        f"{ops.insert_statement(on_conflict=on_conflict)} {ops.quote_name(model._meta.db_table)} "
        f"({columns}) VALUES ({placeholders}) {suffix}"
    ).rstrip()


def insert_objects(
    model: type[models.Model], objs: Sequence[models.Model], *, ignore_conflicts: bool = False
) -> int:
    """``insert_rows`` for unsaved instances: every field but the primary key and timestamps
    is written as the instance holds it. Their ``pk`` stays unset; select them back by a
    unique key when needed."""
    columns = [
        field.attname
        for field in model._meta.concrete_fields
        if not field.primary_key and not _is_timestamp(field)
    ]
    rows = ([getattr(obj, column) for column in columns] for obj in objs)
    return insert_rows(model, columns, rows, ignore_conflicts=ignore_conflicts)


def update_column(model: type[models.Model], column: str, values: dict[Any, Any]) -> int:
    """Set one column of many rows, each to its own value (``{pk: value}``): on SQLite one
    prepared ``UPDATE`` run by ``executemany``, on PostgreSQL one ``UPDATE`` from two arrays,
    where ``bulk_update`` builds a ``CASE`` per batch."""
    if not values:
        return 0
    field = model._meta.get_field(_field_name(model, column))
    prepare = _preparer(field, connections[DEFAULT_DB_ALIAS])
    quote = connection.ops.quote_name
    table, set_column, pk_column = (
        quote(model._meta.db_table),
        quote(field.column),
        quote(model._meta.pk.column),
    )
    rows = [(pk, prepare(value)) for pk, value in sorted(values.items())]
    if connection.vendor == "postgresql":  # one statement, as in ``_insert_arrays``
        with server_bound_cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {set_column} = new.value "
                f"FROM unnest({_array_of(model._meta.pk)}, {_array_of(field)}) AS new(pk, value) "
                f"WHERE {table}.{pk_column} = new.pk",
                _columns(rows),
            )
    else:
        with connection.cursor() as cursor:
            sql = f"UPDATE {table} SET {set_column} = %s WHERE {pk_column} = %s"
            cursor.executemany(sql, [(value, pk) for pk, value in rows])
    return len(values)


@contextmanager
def server_bound_cursor() -> Iterator[CursorWrapper]:
    """A cursor on PostgreSQL whose parameters the server binds, logged and error-wrapped as
    Django's own. Django's psycopg 3 cursors bind parameters in the client, quoting every
    element of an array into the SQL text in Python: for the arrays of ``_insert_arrays`` that
    took more time than the server took to insert the rows."""
    connection.ensure_connection()
    raw = psycopg.Cursor(connection.connection)
    cursor = (
        connection.make_debug_cursor(raw)
        if connection.queries_logged
        else connection.make_cursor(raw)
    )
    with cursor:
        yield cursor


def among(ids: Collection[int]) -> RawSQL:
    """The ids as a subquery for ``pk__in``, bound as one parameter however many there are.

    Django binds every value of an ``__in`` list as a parameter of its own and prepares each
    in Python: for thousands of ids, a measurable share of the cross-referencing. SQLite reads
    them from a JSON array, PostgreSQL from an array.
    """
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


def tidy_after_bulk_load(articles_written: int) -> bool:
    """After a bulk load of ``articles_written`` articles (at least ``ANALYZE_AFTER_ARTICLES``),
    tidy up on PostgreSQL what its manual advises tidying after one. Whether it ran.

    - ``ANALYZE`` the app's tables: until autovacuum gets to them, the planner estimates from
      their old sizes, and on a table grown a hundredfold it walked the wrong index for the
      reading pages.
    - Move the GIN indexes' pending entries into the indexes (``gin_clean_pending_list``):
      rows written in bulk wait in a pending list of up to ``gin_pending_list_limit`` (4 MB),
      and every search reads all of it until autovacuum merges it.

    SQLite keeps no statistics unless asked, and the queries are written for that."""
    if connection.vendor != "postgresql" or articles_written < ANALYZE_AFTER_ARTICLES:
        return False
    tables = sorted(
        model._meta.db_table
        for model in apps.get_app_config("articles").get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE " + ", ".join(map(connection.ops.quote_name, tables)))
        cursor.execute(_GIN_INDEXES, [tables])
        for (index,) in cursor.fetchall():
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
    return True


_GIN_INDEXES = """
SELECT idx.oid::regclass::text
FROM pg_index AS i
JOIN pg_class AS idx ON idx.oid = i.indexrelid
JOIN pg_class AS tab ON tab.oid = i.indrelid
JOIN pg_am AS am ON am.oid = idx.relam
WHERE am.amname = 'gin' AND tab.relname = ANY(%s) AND tab.relnamespace = idx.relnamespace
ORDER BY 1
"""
