"""The actor admin: merging duplicates, claims by and about, and its audit record."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.merge import merge_actors
from articles.models import Actor, ActorAlias, Mention
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    MentionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_merge_moves_every_reference_and_keeps_the_gazetteer_actor(editor_client):
    kept = ActorFactory(name="Jens Stoltenberg", in_gazetteer=True)
    duplicate = ActorFactory(name="Stoltenberg")
    AliasFactory(actor=duplicate, name="J. Stoltenberg")
    article = ArticleFactory()
    MentionFactory(actor=kept, article=article, start=14, end=17)
    MentionFactory(actor=duplicate, article=article, start=14, end=17)  # the same span twice
    MentionFactory(actor=duplicate, article=article, start=18, end=22)
    source = SourceFactory(actor=duplicate)
    claim = ClaimFactory(article=article)
    claim.about.add(duplicate, kept)
    response = editor_client.post(
        reverse("admin:articles_actor_changelist"),
        {"action": "merge_selected", "_selected_action": [kept.pk, duplicate.pk]},
        follow=True,
    )
    assert "Merged Stoltenberg into Jens Stoltenberg" in response.content.decode()
    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    assert sorted(Mention.objects.values_list("actor_id", "start")) == [
        (kept.pk, 14),
        (kept.pk, 18),
    ]
    source.refresh_from_db()
    assert source.actor == kept and list(claim.about.all()) == [kept]
    assert {"J. Stoltenberg", "Stoltenberg"} <= set(kept.aliases.values_list("name", flat=True))
    entry = LogEntry.objects.get(object_id=str(kept.pk))
    assert entry.user.username == "editor" and "Merged Stoltenberg" in entry.change_message


def test_merge_needs_two_actors(editor_client):
    actor = ActorFactory()
    response = editor_client.post(
        reverse("admin:articles_actor_changelist"),
        {"action": "merge_selected", "_selected_action": [actor.pk]},
        follow=True,
    )
    assert "Select at least two actors" in response.content.decode()
    assert Actor.objects.filter(pk=actor.pk).exists()


def test_merge_service_moves_nationals_and_leaves_others_alone():
    turkey, turkije, other = (
        ActorFactory(kind="country"),
        ActorFactory(kind="country"),
        ActorFactory(),
    )
    person = ActorFactory(country=turkije)
    report = merge_actors(turkey, [turkije])
    person.refresh_from_db()
    assert person.country == turkey and report.merged == (turkije.name,)
    assert Actor.objects.filter(pk=other.pk).exists()
    assert ActorAlias.objects.filter(actor=turkey, name=turkije.name).exists()


def test_the_actor_page_lists_claims_by_and_about(editor_client):
    actor = ActorFactory(name="Reuters")
    by = ClaimFactory(source=SourceFactory(name="Reuters", actor=actor))
    about = ClaimFactory()
    about.about.add(actor)
    html = editor_client.get(reverse("admin:articles_actor_change", args=[actor.pk])).content
    html = html.decode()
    assert reverse("admin:articles_claim_change", args=[by.pk]) in html
    assert reverse("admin:articles_claim_change", args=[about.pk]) in html
