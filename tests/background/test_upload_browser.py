"""Uploading articles in Debian's Chromium: the editor's way from the run list to a done run."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from articles.background.runs import run_ingest
from articles.models import IngestRun
from articles.roles import EDITORS, grant_role

from .conftest import NO_HEADER, SEED_A, SEEDS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "een-lang-test-wachtwoord"


@pytest.fixture
def site(live_server, inbox) -> str:
    grant_role(get_user_model().objects.create_user("redacteur", password=PASSWORD), EDITORS)
    return live_server.url


def log_in(page: Page, site: str, next_url: str) -> None:
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.fill("#id_username", "redacteur")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("redacteur")


def snap(page: Page, screenshot_dir: Path, name: str) -> None:
    page.screenshot(path=screenshot_dir / f"admin_ingest_{name}.png", full_page=True)


def test_an_editor_uploads_articles_and_follows_the_run(page, site, screenshot_dir, tmp_path):
    csp_errors: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and csp_errors.append(m.text))
    bad = tmp_path / "kapot.txt"
    bad.write_bytes(NO_HEADER)
    log_in(page, site, "/admin/articles/ingestrun/")
    page.click("text=Upload articles")
    expect(page.locator("h1")).to_have_text("Upload articles")
    notes = tmp_path / "notities.docx"
    notes.write_bytes(b"PK\x03\x04")
    page.set_input_files("#id_files", [str(notes)])
    page.click("input[name=_upload]")
    expect(page.locator(".errorlist")).to_contain_text("notities.docx is not a .txt file.")
    snap(page, screenshot_dir, "upload_error")
    page.set_input_files("#id_files", [str(SEEDS / SEED_A), str(bad)])
    snap(page, screenshot_dir, "upload")

    page.click("input[name=_upload]")
    expect(page.locator(".messagelist")).to_contain_text("2 files uploaded")
    expect(page.locator(".field-status .readonly")).to_have_text("queued")
    snap(page, screenshot_dir, "run_queued")

    run = IngestRun.objects.get()
    run_ingest(run.pk)  # what the worker does
    page.reload()
    expect(page.locator(".field-status .readonly")).to_have_text("done")
    expect(page.locator("table.ingest-counts td.count-new")).to_have_text("1")
    expect(page.locator("ul.ingest-errors li")).to_contain_text("kapot.txt:1: missing date header")
    snap(page, screenshot_dir, "run_done")

    page.goto(f"{site}/admin/articles/ingestrun/")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    snap(page, screenshot_dir, "run_list")
    assert csp_errors == []
