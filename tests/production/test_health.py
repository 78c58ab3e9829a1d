"""/healthz: 200 ok while the database answers, 503 without details when it does not."""

import socket
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.backends.utils import CursorWrapper

from tests.production.conftest import on_postgres


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.mark.django_db
def test_a_working_database_is_ok_for_anyone(client):
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_a_failing_query_is_503_and_tells_nothing(client, caplog):
    error = "server at 10.1.2.3 (PostgreSQL 15.4) went away"
    with mock.patch.object(CursorWrapper, "execute", side_effect=OperationalError(error)):
        response = client.get("/healthz")
    assert (response.status_code, response.content) == (503, b"unavailable")
    assert "Health check failed" in caplog.text and error in caplog.text  # for the operators


@pytest.mark.django_db(transaction=True)
def test_a_database_that_is_down_is_503(client):
    if not on_postgres():
        pytest.skip("a server to stop: PostgreSQL only (SQLite's test database is in memory)")
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = closed_port()
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert (response.status_code, response.content) == (503, b"unavailable")
    assert client.get("/healthz").status_code == 200  # and back once it is reachable again


@pytest.mark.django_db
def test_the_host_is_still_checked(client):
    assert client.get("/healthz", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db
def test_only_get_and_head(client):
    assert client.post("/healthz").status_code == 405
