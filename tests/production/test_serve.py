"""bin/serve for real: migrate, collectstatic and gunicorn with two workers, as in production
(DEBUG off, HTTPS behind a proxy), on PostgreSQL under ``--db postgres``, else an SQLite file."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from tests.pgserver import _free_port

ROOT = Path(__file__).resolve().parents[2]
SECRET = "production-test-7Yq2vN9xK4mB8wR1tZ6pL3sD0fH5jG2cV7nM9qX4eT8uW1yA6"
STARTUP_SECONDS = 180  # migrate on an empty database, then gunicorn: generous, never asserted


@pytest.fixture(scope="module")
def tmp_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve")


@pytest.fixture(scope="module")
def database_url(tmp_dir: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """An empty database of the kind the suite runs on, and the extra variables it needs."""
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_dir / 'serve.sqlite3'}", {"NEWSDB_ALLOW_SQLITE": "true"}
        return
    name = f"newsdb_serve_{uuid.uuid4().hex[:8]}"
    server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": "postgres"}
    with psycopg.connect(**server, autocommit=True) as maintenance:
        maintenance.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}", {}
    finally:
        with psycopg.connect(**server, autocommit=True) as maintenance:
            maintenance.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def served(database_url, tmp_dir: Path) -> Iterator[tuple[int, Path]]:
    """bin/serve running on a free port, for this module's tests; its port and its log."""
    url, extra = database_url
    port = _free_port()
    env = {
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        "PYTHON": sys.executable,
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
        "NEWSDB_HTTPS": "true",
        "NEWSDB_BEHIND_PROXY": "true",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "STATIC_ROOT": str(tmp_dir / "static"),
        "NEWSDB_INBOX_DIR": str(tmp_dir / "inbox"),
        **extra,
    }
    log = tmp_dir / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(ROOT / "bin" / "serve")],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn and its workers
        )
    try:
        wait_until_healthy(process, port, log)
        yield port, log
    finally:
        stop(process)


def wait_until_healthy(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"bin/serve exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if get(port, "/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"bin/serve did not answer /healthz:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)  # gunicorn stops its workers gracefully
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Response:
    def __init__(self, raw: http.client.HTTPResponse) -> None:
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()


def get(port: int, path: str, **headers: str) -> Response:
    """A request as the proxy sends it; ``https=True`` adds its X-Forwarded-Proto."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        return Response(connection.getresponse())
    finally:
        connection.close()


HTTPS = {"X-Forwarded-Proto": "https"}


def test_serve_answers_health_login_and_static_files(served):
    port, _ = served
    health = get(port, "/healthz")  # plain HTTP from the load balancer: never redirected
    assert (health.status, health.body) == (200, b"ok")

    plain = get(port, "/admin/login/")
    assert plain.status == 301
    assert plain.headers["Location"] == "https://127.0.0.1/admin/login/"  # the proxy's host

    login = get(port, "/admin/login/", **HTTPS)
    assert login.status == 200 and b'name="password"' in login.body
    assert login.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    cookie = login.headers["Set-Cookie"]
    assert cookie.startswith("csrftoken=") and "Secure" in cookie
    assert "script-src 'self'" in login.headers["Content-Security-Policy"]

    # collectstatic stored hashed, compressed copies; WhiteNoise serves them for a year.
    stylesheet = re.search(rb'href="(/static/admin/css/base\.[0-9a-f]{12}\.css)"', login.body)
    assert stylesheet, login.body[:2000]
    css = get(port, stylesheet.group(1).decode(), **HTTPS, **{"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.headers["Content-Encoding"] == "gzip"
    assert "immutable" in css.headers["Cache-Control"]
    assert get(port, "/static/admin/css/no-such-file.css", **HTTPS).status == 404


def test_serve_logs_one_json_object_per_request(served):
    port, log = served
    get(port, "/healthz?probe=1")
    entries = []
    for _ in range(50):  # the access log line is written after the response: wait for it
        entries = [json.loads(line) for line in log.read_text().splitlines() if line[:1] == "{"]
        if any(e.get("query") == "probe=1" for e in entries):
            break
        time.sleep(0.1)
    access = [e for e in entries if e["logger"] == "gunicorn.access" and e.get("query")]
    assert access and access[-1]["path"] == "/healthz" and access[-1]["status"] == 200
    assert {"time", "level", "message", "method", "duration_ms"} <= set(access[-1])
    booted = [e for e in entries if e["logger"] == "gunicorn.error" and "Booting" in e["message"]]
    assert len(booted) >= 2  # one per worker


def test_serve_refuses_sqlite_unless_allowed(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "PYTHON": sys.executable,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    done = subprocess.run(
        [str(ROOT / "bin" / "serve")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "production runs on PostgreSQL (NEWSDB_ALLOW_SQLITE=true" in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # refused before migrating anything
