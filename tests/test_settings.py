"""Settings come from the environment; production refuses to start without a secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}
    }
    code = (
        "import newsdb.settings as s; d = s.DATABASES['default'];"
        "print(s.DEBUG, d['ENGINE'], d['NAME'], s.ALLOWED_HOSTS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_local_defaults_are_debug_and_an_sqlite_file():
    done = load_settings()
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"True django.db.backends.sqlite3 {ROOT / 'db.sqlite3'}")


def test_database_url_selects_postgresql_through_psycopg():
    done = load_settings(DATABASE_URL="postgres://u:p@127.0.0.1:5433/newsdb")
    assert "django.db.backends.postgresql newsdb" in done.stdout


def test_production_without_a_secret_key_fails_clearly():
    done = load_settings(DEBUG="false")
    assert done.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in done.stderr


def test_production_hosts_come_from_the_environment():
    done = load_settings(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="news.example, a.b")
    assert done.stdout.strip().endswith("['news.example', 'a.b']")


def test_an_sqlite_file_uses_the_write_ahead_log_and_queues_writers(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    code = (
        "import django; django.setup(); from django.db import connection, transaction;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
        "c.execute('PRAGMA synchronous'); print(c.fetchone()[0]);"
        "print(connection.transaction_mode)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "newsdb.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["wal", "1", "IMMEDIATE"]  # synchronous 1 is NORMAL
