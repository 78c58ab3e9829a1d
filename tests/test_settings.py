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


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3Jx9-vQ2m_Lw8rT4yZ0pN6sB1hF5dG7cA_eU9iO3lK2jH8gM4nV0bX6zS1qW5rE",
    "ALLOWED_HOSTS": "news.example",
    "NEWSDB_HTTPS": "true",
}


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    """manage.py in a clean environment: only PATH and ``env`` (the test run's own variables,
    such as DJANGO_ALLOW_ASYNC_UNSAFE, must not leak into a production check)."""
    clean = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_deployment_checks_find_nothing_in_production():
    done = run_manage("check", "--deploy", "--fail-level", "DEBUG", **PRODUCTION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNINGS" not in done.stdout + done.stderr


def test_without_https_the_deployment_checks_do_warn():
    # The test above is not vacuous: the same checks complain when HTTPS is off.
    done = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION, "NEWSDB_HTTPS": "false"}
    )
    assert done.returncode != 0
    assert "security.W008" in done.stderr and "security.W012" in done.stderr


def test_manage_py_refuses_to_start_without_a_secret_key():
    done = run_manage("check", DEBUG="false", ALLOWED_HOSTS="news.example")
    assert done.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off." in done.stderr


def test_https_turns_on_secure_cookies_redirects_and_hsts():
    code = (
        "import newsdb.settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER,"
        "s.CSRF_TRUSTED_ORIGINS, s.STORAGES['staticfiles']['BACKEND'].rsplit('.', 1)[-1])"
    )
    env = {**os.environ, **PRODUCTION, "NEWSDB_BEHIND_PROXY": "true"}
    env["CSRF_TRUSTED_ORIGINS"] = "https://news.example, https://www.news.example"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 5)[:5] == [
        "True",
        "True",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
    ]
    assert "['https://news.example', 'https://www.news.example']" in done.stdout
    assert done.stdout.strip().endswith("CompressedManifestStaticFilesStorage")


def test_development_keeps_plain_http_and_unhashed_static_files():
    code = (
        "import newsdb.settings as s; print(s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        "s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.LOG_FORMAT, s.LOG_STREAM,"
        "s.STORAGES['staticfiles']['BACKEND'].rsplit('.', 1)[-1])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert done.stdout.split() == [
        "False",
        "False",
        "0",
        "None",
        "text",
        "stderr",
        "StaticFilesStorage",
    ], done.stderr


def test_a_replica_url_adds_the_replica_and_its_router():
    code = (
        "import newsdb.settings as s; print(sorted(s.DATABASES), s.DATABASES['replica']['NAME'],"
        "s.DATABASE_ROUTERS)"
    )
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://u@10.0.0.1:5432/newsdb",
        "DATABASE_REPLICA_URL": "postgres://u@10.0.0.2:5432/newsdb",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.stdout.strip() == (
        "['default', 'replica'] newsdb ['newsdb.routers.ReplicaRouter']"
    ), done.stderr


def test_bad_values_fail_with_the_variable_named():
    for name, value, message in [
        ("NEWSDB_HTTPS", "sometimes", "NEWSDB_HTTPS must be a boolean"),
        ("NEWSDB_LOGIN_FAILURE_LIMIT", "five", "NEWSDB_LOGIN_FAILURE_LIMIT must be a whole number"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL must be one of DEBUG, INFO"),
        ("LOG_FORMAT", "xml", "LOG_FORMAT must be one of json, text"),
    ]:
        done = load_settings(**{name: value})
        assert done.returncode != 0 and message in done.stderr, (name, done.stderr[-300:])
