"""Login throttling (django-axes): failed logins lock a username out from that address."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from newsdb.throttle import client_ip
from tests.production.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def log_in(client, password: str, address: str = "10.0.0.1"):
    data = {"username": "editor", "password": password, "next": reverse("admin:index")}
    return client.post(LOGIN, data, REMOTE_ADDR=address)


def fail_until_locked(client, settings) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "wrong")
        assert response.status_code == 200 and b"Please enter the correct" in response.content
    assert log_in(client, "wrong").status_code == 429


def test_failed_logins_lock_the_user_out_even_with_the_right_password(client, editor, settings):
    fail_until_locked(client, settings)
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert f"after {settings.AXES_FAILURE_LIMIT} failed logins" in page
    assert "Try again in 15 minutes" in page
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302  # still to the login page


def test_axes_reset_lets_them_in(client, editor, settings):
    fail_until_locked(client, settings)
    call_command("axes_reset", stdout=StringIO())
    response = log_in(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_lock_is_per_address(client, editor, settings):
    fail_until_locked(client, settings)
    assert log_in(client, PASSWORD, address="10.0.0.2").status_code == 302


def test_a_success_clears_the_count(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_the_limit_comes_from_the_settings(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert log_in(client, "wrong").status_code == 200
    assert log_in(client, "wrong").status_code == 429


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.NEWSDB_BEHIND_PROXY = False
    assert client_ip(request) == "127.0.0.1"  # a client could have forged the header
    settings.NEWSDB_BEHIND_PROXY = True
    assert client_ip(request) == "203.0.113.9"


def test_the_test_clients_login_still_works(client, editor):
    # Django's Client.login() authenticates without a request: there is nothing to throttle.
    assert client.login(username="editor", password=PASSWORD)
    assert not client.login(username="editor", password="wrong")
