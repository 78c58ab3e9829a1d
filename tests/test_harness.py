"""Checks that the test harness itself works: the chosen database and the browser."""

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

VENDORS = {"sqlite": "sqlite", "postgres": "postgresql"}


@pytest.mark.django_db
def test_database_vendor_matches_db_option(request: pytest.FixtureRequest) -> None:
    assert connection.vendor == VENDORS[request.config.getoption("--db")]


@pytest.mark.django_db
def test_postgres_server_is_version_15(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--db") != "postgres":
        pytest.skip("only with --db postgres")
    connection.ensure_connection()
    assert connection.pg_version // 10000 == 15


@pytest.mark.browser
def test_admin_login_smoke(live_server, admin_user, page: Page, screenshot_dir) -> None:
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_have_text("newsdb")
    shot = screenshot_dir / "admin-index.png"
    page.screenshot(path=shot)
    assert shot.stat().st_size > 0
