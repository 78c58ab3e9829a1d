"""Backups: a round trip into a different, empty database loses nothing.

The database is realistic: the seeds and generated articles ingested, editors' notes, links
with notes, a reviewed claim, an added alias and the history rows all that leaves. It is
backed up (``pg_dump`` / SQLite's online backup API), restored into another database (a second
database on the same throwaway PostgreSQL server, or a second SQLite file), and every table
the database lists must hold as many rows, and a sample of claims with their notes, links,
actors and history must compare equal column by column.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from articles import backup
from articles.backup import BackupError, backup_database, restore_database, row_counts
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, ingest
from articles.models import Actor, ActorAlias, Article, Claim, ClaimLink, Note
from benchmarks.corpus import write_corpus

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump must see committed rows

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GENERATED_ARTICLES = 30
_databases = itertools.count()


@pytest.fixture
def sample(tmp_path: Path, django_user_model) -> list[int]:
    """Build a realistic database; the ids of the claims to compare field by field."""
    write_corpus(tmp_path / "generated", GENERATED_ARTICLES, seed=5)
    report = ingest(discover([str(SEEDS), str(tmp_path / "generated")]), IngestOptions())
    assert report.ok, report.errors
    editor = django_user_model.objects.create_user("marta.jansen", "m@example.org", "x-8Kq!pw")
    claims = list(Claim.objects.order_by("pk"))
    counted = [claim for claim in claims if claim.quantity_value is not None]
    reviewed = counted[0]
    reviewed.set_status(Claim.Status.VERIFIED, editor)
    reviewed.save()  # a history row with its editor
    Note.objects.create(claim=claims[1], author=editor, body="Gecontroleerd bij het ANP.")
    Note.objects.create(claim=claims[1], author=editor, body="„Zeker 22” – zie ook #2.")
    Note.objects.create(article=claims[2].article, author=editor, body="Later aangepast.")
    ClaimLink.objects.create(
        from_claim=counted[1],
        to_claim=counted[2],
        relation=ClaimLink.Relation.CONFLICTS,
        note="22 tegen 34 doden: andere bron, ander moment.",
        created_by=editor,
    )
    ClaimLink.objects.create(
        from_claim=claims[1], to_claim=claims[3], relation=ClaimLink.Relation.CORROBORATES
    )
    actor = Actor.objects.order_by("pk").first()
    ActorAlias.objects.create(actor=actor, name="Een Heel Andere Naam")
    actor.description = "Aangevuld door de redactie."
    actor.save()
    picked = {reviewed.pk, claims[1].pk, claims[3].pk, counted[1].pk, counted[2].pk}
    return sorted(picked | {claim.pk for claim in claims[::17]})


@pytest.fixture
def seeded() -> None:
    """Just the seeds and a note: enough for what does not compare a whole database."""
    assert ingest(discover([str(SEEDS)]), IngestOptions()).ok
    Note.objects.create(claim=Claim.objects.order_by("pk").first(), body="Gecontroleerd.")


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[dict]:
    """Settings for a different, empty database of the same kind as the test database."""
    source = connection.settings_dict
    if connection.vendor == "sqlite":
        yield {**source, "NAME": str(tmp_path / "restored.sqlite3")}
        return
    name = f"{source['NAME']}_restored_{next(_databases)}"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    try:
        yield {**source, "NAME": name}
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)"
            )


def rows(db: dict, sql: str, ids: list[int]) -> list[tuple]:
    marks = ", ".join(["%s"] * len(ids))
    with backup.database_connection(db) as conn, conn.cursor() as cursor:
        cursor.execute(sql.format(ids=marks), ids * sql.count("{ids}"))
        return [tuple(row) for row in cursor.fetchall()]


SAMPLE_QUERIES = {
    "claims": "SELECT * FROM articles_claim WHERE id IN ({ids}) ORDER BY id",
    "notes": "SELECT * FROM articles_note WHERE claim_id IN ({ids}) ORDER BY id",
    "links": (
        "SELECT * FROM articles_claimlink WHERE from_claim_id IN ({ids}) "
        "OR to_claim_id IN ({ids}) ORDER BY id"
    ),
    "about": "SELECT * FROM articles_claim_about WHERE claim_id IN ({ids}) ORDER BY id",
    "history": "SELECT * FROM articles_historicalclaim WHERE id IN ({ids}) ORDER BY history_id",
}


def test_a_round_trip_into_an_empty_database_loses_nothing(sample, empty_database, tmp_path):
    source = connection.settings_dict
    path = tmp_path / "newsdb.backup"
    assert backup_database(path, source) > 0
    restore_database(path, empty_database)

    before, after = row_counts(source), row_counts(empty_database)
    assert len(before) > 30 and sum(before.values()) > 5_000
    assert after == before  # every table the database lists, row for row
    assert before["articles_article"] == 2 + GENERATED_ARTICLES
    for table in ("articles_note", "articles_claimlink", "articles_historicalclaim"):
        assert before[table] > 0, table
    for name, sql in SAMPLE_QUERIES.items():
        original = rows(source, sql, sample)
        assert original, name
        assert rows(empty_database, sql, sample) == original, name
    assert_takes_new_rows(empty_database, sample[0])


def assert_takes_new_rows(db: dict, claim_id: int) -> None:
    """Sequences (PostgreSQL) and rowids (SQLite) came along: a new row gets a free id."""
    notes = row_counts(db)["articles_note"]
    now = timezone.now()
    with backup.database_connection(db) as conn, conn.cursor() as cursor:
        cursor.execute(
            "INSERT INTO articles_note (created_at, updated_at, claim_id, body) "
            "VALUES (%s, %s, %s, %s)",
            [now, now, claim_id, "Na het terugzetten."],
        )
    assert row_counts(db)["articles_note"] == notes + 1


def test_restore_refuses_a_database_with_data_unless_forced(seeded, empty_database, tmp_path):
    path = tmp_path / "newsdb.backup"
    backup_database(path, connection.settings_dict)
    restore_database(path, empty_database)
    with pytest.raises(BackupError, match=r"not empty \(.*articles_article.*--force"):
        restore_database(path, empty_database)
    restore_database(path, empty_database, force=True)
    assert row_counts(empty_database) == row_counts(connection.settings_dict)


def test_the_commands_round_trip_over_the_database(seeded, tmp_path):
    path = tmp_path / "newsdb.backup"
    out = StringIO()
    call_command("backup", str(path), stdout=out)
    assert f"to {path}: " in out.getvalue()
    notes, articles = Note.objects.count(), Article.objects.count()
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(path), stdout=StringIO())
    Note.objects.all().delete()
    call_command("restore", str(path), "--force", stdout=out)
    assert "restored" in out.getvalue()
    assert (Note.objects.count(), Article.objects.count()) == (notes, articles)


def wrong_kind(tmp_path: Path) -> Path:
    """A valid backup of the other kind of database."""
    path = tmp_path / "other.backup"
    if connection.vendor == "sqlite":
        path.write_bytes(b"PGDMP\x01\x0e\x00" + bytes(200))
    else:
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    return path


def test_restore_checks_the_kind_of_backup(empty_database, tmp_path):
    this = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    with pytest.raises(BackupError, match=f"backup; this database is {this}"):
        restore_database(wrong_kind(tmp_path), empty_database)
    text = tmp_path / "notes.txt"
    text.write_text("date 2020-02 Geen backup.")
    with pytest.raises(BackupError, match=r"notes\.txt is not a newsdb backup"):
        restore_database(text, empty_database)
    with pytest.raises(BackupError, match="cannot read"):
        restore_database(tmp_path / "missing.backup", empty_database)


def test_restore_rejects_a_damaged_or_foreign_backup(empty_database, tmp_path):
    path = tmp_path / "bad.backup"
    if connection.vendor == "sqlite":
        sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
        expected = "an SQLite database, but not a newsdb one"
    else:
        path.write_bytes(b"PGDMP" + b"\xff" * 300)
        expected = "pg_restore failed"
    with pytest.raises(BackupError, match=expected):
        restore_database(path, empty_database)
    assert sum(row_counts(empty_database).values()) == 0  # nothing was touched


def test_a_failed_backup_leaves_no_file(tmp_path):
    with pytest.raises(BackupError, match="cannot write a backup in"):
        backup_database(tmp_path / "no" / "such" / "folder.backup", connection.settings_dict)
    if connection.vendor == "postgresql":
        missing = {**connection.settings_dict, "NAME": "no_such_database"}
        with pytest.raises(BackupError, match="pg_dump failed"):
            backup_database(tmp_path / "x.backup", missing)
    assert list(tmp_path.iterdir()) == []


def test_the_password_never_reaches_a_command_line(tmp_path, monkeypatch):
    (tmp_path / "pg_dump").write_text("")
    monkeypatch.setenv("NEWSDB_PG_BIN", str(tmp_path))
    calls = []

    def run(command, **kwargs):
        calls.append((command, kwargs["env"]))
        return backup.subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(backup.subprocess, "run", run)
    db = {"ENGINE": "django.db.backends.postgresql", "NAME": "newsdb", "USER": "newsdb"}
    backup._run_pg("pg_dump", {**db, "PASSWORD": "s3cret pw"}, "--format=custom")
    ((command, env),) = calls
    assert not any("s3cret" in part for part in command)
    assert env["PGPASSWORD"] == "s3cret pw"
    assert "--no-password" in command  # never waits for a prompt
