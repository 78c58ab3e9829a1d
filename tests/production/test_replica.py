"""Read replicas: the reading pages read the articles from the replica; the admin, the login
and the session stay on the primary. Two databases on the suite's throwaway PostgreSQL server:
the test database as primary, a copy of it (as streaming replication would make) as replica,
then made to differ, so every page shows which one it read."""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.db import connections, router
from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from articles.models import Actor, Article
from articles.roles import READERS, grant_role
from newsdb.routers import REPLICA, ReadFromReplicaMixin, ReplicaRouter
from tests.factories import ActorFactory, ClaimFactory, MentionFactory
from tests.production.conftest import PASSWORD

ROUTERS = ["newsdb.routers.ReplicaRouter"]


def maintenance() -> psycopg.Connection:
    """A connection to the server's ``postgres`` database, to create and drop databases."""
    db = connections["default"].settings_dict
    return psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], dbname="postgres", autocommit=True
    )


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The alias "replica", pointing at a database beside the test database (made by
    ``replicate``). Module-scoped so that it exists before pytest-django checks the
    test's ``databases``."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("replicas are PostgreSQL's (run with --db postgres)")
    primary = connections["default"].settings_dict
    config = copy.deepcopy(primary)
    config["NAME"] = f"{primary['NAME']}_replica"
    connections.settings[REPLICA] = config
    try:
        yield config["NAME"]
    finally:
        connections[REPLICA].close()
        del connections[REPLICA]
        del connections.settings[REPLICA]
        with maintenance() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}" WITH (FORCE)')


def replicate(replica_name: str) -> None:
    """The replica becomes a copy of the primary as it is now (committed: transaction=True)."""
    primary = connections["default"].settings_dict["NAME"]
    connections.close_all()  # a template database must have no other sessions
    with maintenance() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{replica_name}" WITH (FORCE)')
        for attempt in range(20):  # autovacuum may be visiting the primary for a moment
            try:
                server.execute(f'CREATE DATABASE "{replica_name}" TEMPLATE "{primary}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 19:
                    raise
                time.sleep(0.2)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_reading_pages_read_the_replica_and_the_rest_the_primary(replica, client, settings):
    claim = ClaimFactory(article__title="Oorspronkelijke kop")
    article = claim.article
    actor = ActorFactory(name="Oorspronkelijke actor")
    MentionFactory(article=article, actor=actor)
    reader = get_user_model().objects.create_user("reader", password=PASSWORD)
    grant_role(reader, READERS)
    replicate(replica)
    # The replica differs: it lags behind the primary's edits, and in it the reader has no
    # usable password nor a role, so a login or a permission check read there would fail.
    Article.objects.using(REPLICA).filter(pk=article.pk).update(title="Vertraagde kop")
    Actor.objects.using(REPLICA).filter(pk=actor.pk).update(name="Vertraagde actor")
    get_user_model().objects.using(REPLICA).filter(pk=reader.pk).update(password="!")
    get_user_model().groups.through.objects.using(REPLICA).all().delete()
    settings.DATABASE_ROUTERS = ROUTERS

    login = client.post(reverse("admin:login"), {"username": "reader", "password": PASSWORD})
    assert login.status_code == 302, "the login read the replica"

    for url in (
        reverse("articles:overview"),
        reverse("articles:article-list"),
        reverse("articles:article", args=[article.pk]),
        reverse("articles:claim", args=[claim.pk]),
        reverse("articles:actor", args=[actor.pk]),
        reverse("articles:search") + "?q=vertraagde",
    ):
        page = client.get(url)
        assert page.status_code == 200, url  # the session and the role: from the primary
        html = page.content.decode()
        assert "Vertraagde" in html and "Oorspronkelijke" not in html, url

    for url in (
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:articles_actor_change", args=[actor.pk]),
        reverse("admin:articles_article_changelist"),
    ):
        html = client.get(url).content.decode()
        assert "Oorspronkelijke" in html and "Vertraagde" not in html, url

    # Outside a reading page's request, the ORM reads the primary again.
    assert Article.objects.get(pk=article.pk).title == "Oorspronkelijke kop"


class Probe(ReadFromReplicaMixin, View):
    """Answers with the database the articles would be read from; a GET asks while its
    template is rendered, as a page's lazy querysets do."""

    def get(self, request):
        template = engines["django"].from_string("{{ where_read }}")
        return TemplateResponse(request, template, {"where_read": where_read})

    def post(self, request):
        return HttpResponse(where_read())


def where_read() -> str:
    return router.db_for_read(Article)


def test_only_get_and_head_read_the_replica(replica, rf, settings):
    settings.DATABASE_ROUTERS = ROUTERS
    assert Probe.as_view()(rf.get("/")).content == b"replica"
    assert Probe.as_view()(rf.head("/")).content == b"replica"
    assert Probe.as_view()(rf.post("/")).content == b"default"
    assert where_read() == "default"  # and no longer once the response is rendered


def test_the_router_keeps_migrations_and_writes_on_the_primary():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "articles") is True
    assert router.allow_migrate("replica", "articles") is False
    assert router.db_for_write(Article) == "default"
    assert router.db_for_read(Article) == "default"  # not inside a reading page
