"""Hostile text is escaped on every page; every form needs its CSRF token; a Reader changes
nothing, whatever they POST. (Article text alone is covered in tests/views/test_pages.py and
tests/admin/test_highlight.py; a Reader's claim form in tests/test_roles.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    CountCluster,
    LinkSuggestion,
    Mention,
    Note,
    Source,
)
from tests.factories import ClaimFactory, MentionFactory
from tests.production.conftest import PASSWORD

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>')
HOSTILE = " ".join(PAYLOADS)
RAW = ("<script>alert(1)", "<img src=x onerror", "<svg onload")
ESCAPED = ("&lt;script&gt;alert(1)", "&lt;img src=x onerror", "&lt;svg onload")
HOSTILE_TEXT = (
    f" date 2020-02 Volgens het ministerie {PAYLOADS[0]} zijn zeker 40 Turkse militairen om "
    f"het leven gekomen.\n\nDe gouverneur {PAYLOADS[1]} zei dat het er 22 waren {PAYLOADS[2]}.\n"
)


def assert_escaped(html: str, url: str) -> None:
    for raw in RAW:
        assert raw not in html, f"{raw!r} unescaped on {url}"
    assert any(escaped in html for escaped in ESCAPED), f"no hostile text shown on {url}"


@pytest.fixture
def hostile(tmp_path, editor) -> dict:
    """The seeds plus an article full of markup, and markup in every name and note."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "001_hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    assert ingest(discover([SEEDS])).ok and ingest(discover([folder])).ok
    article = Article.objects.get(external_id="001_hostile")
    for model, field in ((Article, "title"), (Source, "name"), (Actor, "name")):
        for row in model.objects.all():
            setattr(row, field, f"{getattr(row, field)} {HOSTILE}")
            row.save(update_fields=[field])
    for alias in ActorAlias.objects.all():
        alias.name = f"{alias.name} {HOSTILE}"
        alias.save(update_fields=["name"])
    seed_claim = Claim.objects.filter(cluster__isnull=False).exclude(article=article).first()
    start = article.text.index("Volgens")
    end = article.text.index("\n", start)
    claim = Claim.objects.filter(article=article, start=start, end=end).first() or ClaimFactory(
        article=article, start=start, end=end
    )
    claim.prefix = claim.suffix = PAYLOADS[2]  # at most 64 characters
    claim.direct_quote = HOSTILE
    claim.source = Source.objects.first()
    claim.cluster = seed_claim.cluster
    claim.quantity_value, claim.quantity_qualifier = 40, "exact"
    claim.quantity_key = seed_claim.quantity_key
    claim.save()
    actor = Actor.objects.order_by("pk").first()
    claim.about.add(actor)
    MentionFactory(article=article, actor=actor, start=start, end=start + 7)
    Note.objects.create(claim=claim, body=HOSTILE, author=editor)
    Note.objects.create(article=article, body=HOSTILE, author=editor)
    link = ClaimLink.objects.create(
        from_claim=claim, to_claim=seed_claim, relation="conflicts", note=HOSTILE
    )
    suggestion = LinkSuggestion.objects.filter(from_claim=claim).first() or (
        LinkSuggestion.objects.create(
            from_claim=claim, to_claim=seed_claim, relation="conflicts", score=0.5
        )
    )
    CountCluster.objects.filter(pk=claim.cluster_id).update(
        label=f"doden {HOSTILE}",
        house_wording=HOSTILE,
        house_decided_by=editor,
        house_decided_at=timezone.now(),
        disagrees=True,
    )
    return {
        "article": article,
        "claim": claim,
        "actor": actor,
        "source": claim.source,
        "cluster": claim.cluster,
        "link": link,
        "suggestion": suggestion,
        "mention": Mention.objects.filter(article=article).first(),
        "note": Note.objects.filter(claim=claim).first(),
    }


def test_hostile_text_is_escaped_on_every_reading_page(client, reader, hostile):
    client.force_login(reader)
    urls = [
        reverse("articles:overview"),
        reverse("articles:article-list"),
        reverse("articles:article", args=[hostile["article"].pk]),
        reverse("articles:claim", args=[hostile["claim"].pk]),
        reverse("articles:actor", args=[hostile["actor"].pk]),
        reverse("articles:conflicts"),
        reverse("articles:conflicts") + f"?cluster={hostile['cluster'].pk}",
        reverse("articles:search") + "?q=militairen",
        reverse("articles:search") + "?q=alert",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


def test_hostile_text_is_escaped_on_every_admin_screen(admin_client, hostile):
    urls = [reverse(f"admin:articles_{name}_changelist") for name in registered("articles")]
    urls += [reverse("admin:articles_claim_changelist") + "?q=alert"]
    for name, obj in hostile.items():
        model = obj._meta.model_name
        urls.append(reverse(f"admin:articles_{model}_change", args=[obj.pk]))
        if name in ("claim", "actor", "cluster"):
            urls.append(reverse(f"admin:articles_{model}_history", args=[obj.pk]))
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for raw in RAW:
            assert raw not in html, f"{raw!r} unescaped on {url}"
    shown = [
        url for url in urls if any(e in admin_client.get(url).content.decode() for e in ESCAPED)
    ]
    # Every change page shows its hostile object; of the lists, all but those of runs.
    assert set(urls) - set(shown) <= {reverse("admin:articles_ingestrun_changelist")}, set(
        urls
    ) - set(shown)


def registered(app_label: str) -> list[str]:
    return sorted(
        m._meta.model_name for m in admin.site._registry if m._meta.app_label == app_label
    )


def reverse_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# --- CSRF -----------------------------------------------------------------------------------


def test_every_form_refuses_a_post_without_its_csrf_token(editor, hostile):
    anonymous = Client(enforce_csrf_checks=True)
    login = anonymous.post(reverse("admin:login"), {"username": "editor", "password": PASSWORD})
    assert login.status_code == 403

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    claim = hostile["claim"]
    before = snapshot()
    posts = {
        reverse("admin:articles_claim_change", args=[claim.pk]): {"status": "verified"},
        reverse("admin:articles_claim_changelist"): {
            "action": "mark_verified",
            "_selected_action": [claim.pk],
        },
        reverse("admin:articles_actor_import"): {"format": "0"},
        reverse("admin:articles_claim_add"): {"article": hostile["article"].pk},
        reverse("admin:logout"): {},
        reverse("articles:search"): {"q": "x"},
        reverse("articles:article-list"): {},
    }
    upload = reverse_or_none("admin:articles_ingestrun_upload")
    if upload:
        posts[upload] = {"corpus": "x"}
    for url, data in posts.items():
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert b"CSRF verification failed" in response.content, url
    assert snapshot() == before


def test_the_same_post_with_its_token_gets_through(editor):
    # Not vacuous: the login above fails only for want of its token.
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("admin:login"))
    token = client.cookies["csrftoken"].value
    data = {"username": "editor", "password": PASSWORD, "csrfmiddlewaretoken": token}
    assert client.post(reverse("admin:login"), data).status_code == 302


# --- A Reader crafting POSTs ----------------------------------------------------------------


def snapshot() -> dict[str, list[dict]]:
    """Every row of the app's models, the users, groups and the admin log."""
    models = [*apps.get_app_config("articles").get_models(), get_user_model(), Group, LogEntry]
    return {m._meta.label: list(m.objects.order_by("pk").values()) for m in models}


def reader_posts(hostile: dict) -> list[tuple[str, dict]]:
    """The add, change and delete pages of every model in the admin, every action on each
    list (the superuser's, i.e. all there are), the imports and the upload."""
    superuser = get_user_model().objects.create_superuser("root", password=PASSWORD)
    request = type("Request", (), {"user": superuser, "GET": {}, "method": "POST"})()
    posts = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        obj = model._default_manager.order_by("pk").first()
        fields = {f.name: "x" for f in opts.fields if f.editable and not f.is_relation}
        posts.append((reverse(f"{prefix}_add"), fields))
        if obj is not None:
            posts.append((reverse(f"{prefix}_change", args=[obj.pk]), fields))
            posts.append((reverse(f"{prefix}_delete", args=[obj.pk]), {"post": "yes"}))
            pks = list(model._default_manager.values_list("pk", flat=True))
            for action in model_admin.get_actions(request):
                data = {"action": action, "_selected_action": pks, "post": "yes"}
                posts.append((reverse(f"{prefix}_changelist"), data))
        for view in ("import", "process_import"):
            url = reverse_or_none(f"{prefix}_{view}")
            if url:
                posts.append(
                    (url, {"format": "0", "import_file_name": "x", "original_file_name": "x"})
                )
    upload = reverse_or_none("admin:articles_ingestrun_upload")
    if upload:
        posts.append((upload, {"corpus": "x"}))
    get_user_model().objects.filter(pk=superuser.pk).delete()
    return posts


def test_a_reader_changes_nothing_whatever_they_post(reader, hostile):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    client.get(reverse("admin:index"))
    token = client.cookies["csrftoken"].value
    posts = reader_posts(hostile)
    before = snapshot()
    for url, data in posts:
        response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        # 403, or back to the list with "no action selected"; a list where the Reader has no
        # action at all just shows itself again (200).
        allowed = (200, 302, 403) if "action" in data else (403,)
        assert response.status_code in allowed, (url, data.get("action"), response.status_code)
        if response.status_code == 302:
            assert response["Location"] == url, (url, "not back to the list")
        assert snapshot() == before, (url, data.get("action"))
    assert len(posts) > 60  # every model's add, change, delete and actions were tried
