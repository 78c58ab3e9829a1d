"""Who changed what and when: history of claims, claim links and actors (django-simple-history)."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.forms import BaseForm
from django.urls import reverse

from articles.models import Actor, Claim, ClaimLink
from tests.factories import ActorFactory, ClaimFactory

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_78357a777ef7f92d.txt"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("marta.jansen", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="articles"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def posted_back(page, **changes) -> dict:
    """What an admin change or add page posts when saved with these changes."""
    data = _form_data(page.context["adminform"].form)
    for inline in page.context["inline_admin_formsets"]:
        data |= _form_data(inline.formset.management_form)
        for form in inline.formset.forms:
            data |= _form_data(form)
    return {**data, **changes}


def _form_data(form: BaseForm) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None and value is not False:  # an unticked checkbox posts nothing
            data[form.add_prefix(name)] = "on" if value is True else value
    return data


def change_claim_status(client, claim: Claim, status: str):
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    return client.post(url, posted_back(client.get(url), status=status))


def test_a_status_change_in_the_admin_is_recorded_with_its_editor(editor_client, editor):
    claim = ClaimFactory()
    assert change_claim_status(editor_client, claim, "disputed").status_code == 302
    changed, before = claim.history.all()[:2]
    assert (changed.history_type, changed.history_user) == ("~", editor)
    assert (before.status, changed.status) == ("unreviewed", "disputed")
    delta = changed.diff_against(before)
    assert "status" in delta.changed_fields and "updated_at" not in delta.changed_fields


def test_a_link_made_and_removed_is_in_the_link_history(editor_client, editor):
    one, other = ClaimFactory(), ClaimFactory()
    add_url = reverse("admin:articles_claimlink_add")
    made = editor_client.post(
        add_url,
        posted_back(
            editor_client.get(add_url), from_claim=one.pk, to_claim=other.pk, relation="conflicts"
        ),
    )
    assert made.status_code == 302
    link = ClaimLink.objects.get()
    removed = editor_client.post(
        reverse("admin:articles_claimlink_delete", args=[link.pk]), {"post": "yes"}
    )
    assert removed.status_code == 302 and not ClaimLink.objects.exists()
    records = ClaimLink.history.filter(id=link.pk).order_by("history_date", "history_id")
    assert [(r.history_type, r.history_user, r.relation) for r in records] == [
        ("+", editor, "conflicts"),
        ("-", editor, "conflicts"),
    ]
    assert (records[0].from_claim_id, records[0].to_claim_id) == (one.pk, other.pk)


def test_an_actor_renamed_in_the_admin_is_in_the_actor_history(editor_client, editor):
    actor = ActorFactory(name="Recep Erdogan")
    url = reverse("admin:articles_actor_change", args=[actor.pk])
    response = editor_client.post(url, posted_back(editor_client.get(url), name="Recep Erdoğan"))
    assert response.status_code == 302
    renamed, before = actor.history.all()[:2]
    assert (before.name, renamed.name, renamed.history_user) == (
        "Recep Erdogan",
        "Recep Erdoğan",
        editor,
    )


def test_about_is_part_of_a_claims_history(editor):
    claim, actor = ClaimFactory(), ActorFactory()
    claim._history_user = editor
    claim.about.add(actor)
    latest = claim.history.latest()
    assert [row.actor_id for row in latest.about.all()] == [actor.pk]
    assert latest.diff_against(latest.prev_record).changed_fields == ["about"]


def test_ingest_output_leaves_no_history(tmp_path):
    (tmp_path / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    call_command("ingest", str(tmp_path), stdout=StringIO(), no_progress=True)
    assert Claim.objects.exists() and Actor.objects.exists()
    assert (Claim.history.count(), Actor.history.count()) == (0, 0)


def test_reingesting_a_changed_article_leaves_no_history(tmp_path):
    path = tmp_path / SEED.name
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    call_command("ingest", str(tmp_path), stdout=StringIO(), no_progress=True)
    path.write_text(text.replace("donderdagavond", "vrijdagavond"), encoding="utf-8")
    call_command("ingest", str(tmp_path), stdout=StringIO(), no_progress=True)
    assert Claim.history.count() == 0


def test_the_claim_history_page_shows_the_editor(editor_client, editor, admin_client):
    claim = ClaimFactory()
    change_claim_status(editor_client, claim, "verified")
    record = claim.history.latest()
    page = admin_client.get(reverse("admin:articles_claim_history", args=[claim.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    assert editor.username in content
    # Django's own history page lists admin log entries; only simple-history's links records.
    assert reverse("admin:articles_claim_simple_history", args=[claim.pk, record.pk]) in content
