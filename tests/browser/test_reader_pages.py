"""The reading pages in Debian's Chromium: a reader follows a claim, finds the conflict and
searches in Dutch; each page on a wide and a phone-sized window."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.roles import EDITORS, READERS, grant_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PASSWORD = "een-lang-test-wachtwoord"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(live_server) -> str:
    assert ingest(discover([SEEDS])).ok
    users = get_user_model().objects
    grant_role(users.create_user("lezer", password=PASSWORD), READERS)
    grant_role(users.create_user("redacteur", password=PASSWORD), EDITORS)
    return live_server.url


@pytest.fixture
def csp_violations(page: Page) -> list[str]:
    """Console messages about blocked content: a page must need nothing the policy forbids."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def log_in(page: Page, site: str, username: str = "lezer", next_url: str = "/") -> None:
    page.goto(f"{site}/admin/login/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(re.escape(site + next_url) + r"$"))


def snap(page: Page, screenshot_dir: Path, name: str) -> None:
    """The page at 1280 px and at a phone's 390 px."""
    page.screenshot(path=screenshot_dir / f"reader_{name}.png", full_page=True)
    wide = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=screenshot_dir / f"reader_{name}_phone.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1, (
        f"{name}: the page is wider than a phone"
    )
    page.set_viewport_size(wide)


def test_a_reader_follows_a_claim_from_the_article_to_its_page(
    page: Page, site: str, screenshot_dir: Path, csp_violations: list[str]
):
    log_in(page, site)
    expect(page.locator("main")).to_contain_text("Bij een luchtaanval")
    snap(page, screenshot_dir, "overview")
    page.goto(f"{site}/articles/")
    snap(page, screenshot_dir, "articles")
    page.get_by_role("link", name=re.compile("Bij een luchtaanval")).first.click()
    expect(page.locator("main")).to_contain_text("Syrische Observatorium")
    snap(page, screenshot_dir, "article")
    page.locator("main a", has_text="zeker 22 Turkse militairen").first.click()
    expect(page).to_have_url(re.compile(r"/claims/\d+/$"))
    expect(page.locator("main")).to_contain_text("gouverneur van Hatay")
    snap(page, screenshot_dir, "claim")
    page.get_by_role("link", name="Idlib", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/actors/\d+/$"))
    snap(page, screenshot_dir, "actor")
    assert csp_violations == []


def test_a_reader_finds_the_conflict_of_22_33_and_34(
    page: Page, site: str, screenshot_dir: Path, csp_violations: list[str]
):
    log_in(page, site, next_url="/conflicts/")
    main = page.locator("main")
    expect(main).to_contain_text("Turkse militairen om het leven gekomen")
    for figure in ("≥ 22", "34", "≥ 33", "gouverneur van Hatay"):
        expect(main).to_contain_text(figure)
    snap(page, screenshot_dir, "conflicts")
    assert csp_violations == []


def test_a_reader_searches_in_dutch(
    page: Page, site: str, screenshot_dir: Path, csp_violations: list[str]
):
    log_in(page, site)
    page.fill("header input[name=q]", "militair")
    page.press("header input[name=q]", "Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=militair"))
    expect(page.locator("mark").first).to_contain_text(re.compile("militair", re.I))
    expect(page.locator("main")).to_contain_text("Turkse militairen")
    snap(page, screenshot_dir, "search")
    assert csp_violations == []


def test_a_common_word_says_more_than_it_counted(
    page: Page, site: str, screenshot_dir: Path, monkeypatch
):
    monkeypatch.setattr("articles.search.COUNTED_MATCHES", 2)
    log_in(page, site)
    page.goto(f"{site}/search/?q=militair")
    expect(page.locator("#search-count")).to_contain_text("More than 2 results for “militair”")
    snap(page, screenshot_dir, "search_more_than_counted")


def test_the_admin_import_and_export_pages_work_under_the_policy(
    page: Page, site: str, csp_violations: list[str]
):
    log_in(page, site, username="redacteur", next_url="/admin/articles/claim/import/")
    expect(page.locator("input[type=file]")).to_be_visible()
    page.goto(f"{site}/admin/articles/claim/export/")
    expect(page.locator("form select").first).to_be_visible()
    assert csp_violations == []


def test_markup_in_an_article_is_shown_as_text_and_never_runs(
    page: Page, site: str, tmp_path: Path
):
    hostile = tmp_path / "hostile" / "hostile.txt"
    hostile.parent.mkdir()
    hostile.write_text(
        " date 2020-03 Een test <script>alert('script')</script> en "
        "<img src=x onerror=\"alert('img')\"> volgens Reuters.",
        encoding="utf-8",
    )
    assert ingest(discover([hostile.parent])).ok
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, site, next_url="/articles/")
    page.get_by_role("link", name=re.compile("Een test")).first.click()
    expect(page.locator("main")).to_contain_text("<script>alert('script')</script>")
    expect(page.locator("main")).to_contain_text("onerror=")
    assert page.locator("main img").count() == 0
    assert dialogs == []
