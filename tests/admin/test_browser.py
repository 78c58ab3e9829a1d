"""The admin in Debian's Chromium: what an editor and a reader do in a day."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from playwright.sync_api import Page, expect

from articles.admin.claims import ClaimAdmin
from articles.admin.common import CappedCountPaginator
from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.models import Article, Claim, ClaimLink
from articles.roles import EDITORS, READERS, grant_role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PASSWORD = "een-lang-test-wachtwoord"
COUNTS = {
    "22": "zeker 22 Turkse militairen",
    "33": "zeker 33 Turkse militairen",
    "34": "zelfs 34 Turkse doden",
}


@pytest.fixture
def site(live_server) -> str:
    assert ingest(discover([SEEDS])).ok
    users = get_user_model().objects
    grant_role(users.create_user("redacteur", password=PASSWORD), EDITORS)
    grant_role(users.create_user("lezer", password=PASSWORD), READERS)
    return live_server.url


def log_in(page: Page, site: str, username: str) -> None:
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def snap(page: Page, screenshot_dir: Path, name: str) -> None:
    page.screenshot(path=screenshot_dir / f"admin_{name}.png", full_page=True)


def row(page: Page, text: str):
    return page.locator("#result_list tbody tr", has_text=text)


def test_an_anonymous_visitor_is_sent_to_the_login_page(page: Page, site: str):
    page.goto(f"{site}/admin/articles/claim/")
    assert "/admin/login/?next=/admin/articles/claim/" in page.url
    expect(page.locator("#id_username")).to_be_visible()


def test_an_editor_finds_the_three_counts_and_links_them(page, site, screenshot_dir):
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/claim/")
    page.fill("#searchbar", "Turkse")
    page.press("#searchbar", "Enter")
    for text in COUNTS.values():
        expect(row(page, text)).to_have_count(1)
    snap(page, screenshot_dir, "claim_search")
    row(page, COUNTS["22"]).locator("input.action-select").check()
    row(page, COUNTS["33"]).locator("input.action-select").check()
    page.select_option("select[name=action]", "link_as_conflicting")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 link made.")

    page.goto(f"{site}/admin/articles/claimlink/")
    page.locator("#result_list tbody tr th a").first.click()
    page.fill("#id_note", "Twee tellingen: de gouverneur zegt 22, Turkse media 33.")
    snap(page, screenshot_dir, "claimlink_change")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    link = ClaimLink.objects.select_related("from_claim", "to_claim", "created_by").get()
    assert {COUNTS["22"] in link.from_claim.text, COUNTS["33"] in link.to_claim.text} == {True}
    assert link.note.startswith("Twee tellingen") and link.created_by.username == "redacteur"


def test_an_editor_changes_a_status_on_the_claim_page(page, site, screenshot_dir):
    claim = Claim.objects.get(text__contains=COUNTS["34"])
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/claim/{claim.pk}/change/")
    expect(page.locator(".claim-context mark, .readonly mark").first).to_contain_text("34")
    page.select_option("#id_status", "disputed")
    snap(page, screenshot_dir, "claim_change")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by.username) == ("disputed", "redacteur")


def test_the_article_page_highlights_claims(page, site, screenshot_dir):
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/article/")
    snap(page, screenshot_dir, "article_list")
    page.locator("#result_list tbody tr th a").first.click()
    expect(page.locator(".article-text mark.claim").first).to_be_visible()
    snap(page, screenshot_dir, "article_change")
    page.locator(".article-text mark.claim a").first.click()
    page.wait_for_url("**/admin/articles/**/change/")
    expect(page.locator("#content h2").first).to_contain_text("")


def test_claims_export_as_csv_and_reimport_as_a_dry_run(page, site, screenshot_dir, tmp_path):
    claims_before = Claim.objects.count()
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/claim/export/")
    page.select_option("#id_format", label="csv")
    snap(page, screenshot_dir, "claim_export")
    with page.expect_download() as download:
        page.click("input[type=submit][value=Submit]")
    exported = tmp_path / "claims.csv"
    download.value.save_as(exported)
    assert exported.read_text(encoding="utf-8").count("\n") >= claims_before

    page.goto(f"{site}/admin/articles/claim/import/")
    page.set_input_files("#id_import_file", str(exported))
    page.select_option("#id_format", label="csv")
    page.click("input[type=submit][value=Submit]")
    expect(
        page.locator("input[value='Confirm import'], button:has-text('Confirm import')")
    ).to_be_visible()
    expect(page.locator(".errorlist, .import-error")).to_have_count(0)
    snap(page, screenshot_dir, "claim_import_preview")
    assert Claim.objects.count() == claims_before, "the preview wrote nothing"


def test_a_reader_sees_but_cannot_change(page, site, screenshot_dir):
    claim = Claim.objects.get(text__contains=COUNTS["22"])
    log_in(page, site, "lezer")
    page.goto(f"{site}/admin/articles/claim/{claim.pk}/change/")
    expect(page.locator("#content")).to_contain_text("zeker 22")
    expect(page.locator("input[name=_save]")).to_have_count(0)
    expect(page.locator("#id_status")).to_have_count(0)
    snap(page, screenshot_dir, "claim_reader")


def test_an_editor_finds_an_actor_by_alias_and_sees_its_claims(page, site, screenshot_dir):
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/actor/?q=Erdogan")
    expect(row(page, "Recep Tayyip Erdoğan")).to_have_count(1)
    snap(page, screenshot_dir, "actor_list")
    row(page, "Recep Tayyip Erdoğan").locator("th a").click()
    expect(page.locator("#content")).to_contain_text("Claims")
    snap(page, screenshot_dir, "actor_change")
    page.goto(f"{site}/admin/articles/source/")
    expect(row(page, "Reuters")).to_have_count(1)
    snap(page, screenshot_dir, "source_list")


def test_an_editor_accepts_a_suggested_link_and_records_a_house_figure(page, site, screenshot_dir):
    claim_22 = Claim.objects.get(text__contains=COUNTS["22"])
    claim_33 = Claim.objects.get(text__contains=COUNTS["33"])
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/linksuggestion/")
    conflict = row(page, COUNTS["22"]).filter(has_text=COUNTS["34"])
    expect(conflict).to_have_count(1)
    expect(conflict).to_contain_text("same count")
    snap(page, screenshot_dir, "suggestions")
    conflict.locator("input.action-select").check()
    page.select_option("select[name=action]", "accept_selected")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1 suggestion accepted")
    expect(row(page, COUNTS["22"]).filter(has_text=COUNTS["34"])).to_have_count(0)
    row(page, "Het is nog niet duidelijk").locator(".field-relation_label a").click()
    expect(page.locator("#content")).to_contain_text("one calls it unclear")
    snap(page, screenshot_dir, "suggestion_change")
    page.click("button[name=_reject]")
    expect(page.locator(".messagelist")).to_contain_text("Suggestion rejected")
    expect(row(page, "Het is nog niet duidelijk")).to_have_count(0)

    page.goto(f"{site}/admin/articles/claim/{claim_22.pk}/change/")
    expect(page.locator("#links_out-group")).to_contain_text("Turkse")
    expect(page.locator("#id_links_out-0-note")).to_have_value(re.compile("same count"))
    expect(page.locator("#suggestions_in-group")).to_contain_text(COUNTS["33"])
    snap(page, screenshot_dir, "claim_suggestions")
    link = ClaimLink.objects.select_related("to_claim", "created_by").get(from_claim=claim_22)
    assert COUNTS["34"] in link.to_claim.text and link.created_by.username == "redacteur"

    page.goto(f"{site}/admin/articles/countcluster/")
    snap(page, screenshot_dir, "cluster_list")
    row(page, "Turkse").locator("th a").click()
    expect(page.locator("table.reconciliation")).to_contain_text("gouverneur van Hatay")
    page.fill("#id_house_value", "33")
    page.select_option("#id_house_qualifier", "at_least")
    page.fill("#id_house_wording", "zeker 33 Turkse militairen gedood, volgens Turkse media")
    page.select_option("#id_house_claim", str(claim_33.pk))
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("table.cluster-reports tbody tr").first).to_contain_text(COUNTS["33"])
    expect(page.locator("table.cluster-reports tr.rank-preferred")).to_have_count(1)
    expect(page.locator(".fieldBox.field-house_decided_by")).to_contain_text("redacteur")
    snap(page, screenshot_dir, "cluster")
    cluster = claim_33.cluster
    cluster.refresh_from_db()
    assert (cluster.house_claim, cluster.house_decided_by.username) == (claim_33, "redacteur")


def test_an_editor_lists_the_articles_awaiting_cross_referencing(page, site, screenshot_dir):
    waiting = SEEDS / "003_34cf2e6a0fed1da4.txt"
    Article.objects.filter(external_id=waiting.stem).update(crossref_pending=True)
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/article/")
    by_waiting = '#changelist-filter [data-filter-title="awaiting cross-referencing"]'
    page.locator(by_waiting).get_by_role("link", name="Yes").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(page.locator("#result_list")).to_contain_text(waiting.stem)
    snap(page, screenshot_dir, "articles_awaiting_crossref")


def test_an_editor_selects_all_claims_of_a_busy_actor(page, site, screenshot_dir, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 2)
    monkeypatch.setattr(ClaimAdmin, "list_per_page", 2)
    busiest = (
        Claim.about.through.objects.values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n", "actor_id")
        .first()
    )
    assert busiest["n"] > 2
    log_in(page, site, "redacteur")
    page.goto(f"{site}/admin/articles/claim/?about={busiest['actor_id']}")
    expect(page.locator(".paginator")).to_contain_text("More than 2 claims")
    expect(page.locator("#changelist-search")).to_contain_text("More than 2 results")
    page.locator("#action-toggle").check()
    page.get_by_role("button", name="Select all matching claims").click()
    expect(page.locator(".actions .all")).to_have_text("All matching claims selected")
    snap(page, screenshot_dir, "claims_of_a_busy_actor")
