"""The five questions the schema is designed for, each answered by one ORM query."""

from decimal import Decimal

import pytest

from articles.crossref.tallies import refresh_tallies
from articles.models import Actor, Article, Claim, ClaimLink, CountCluster, Segment
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    MentionFactory,
    NoteFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TEXT_A = (
    " date 2020-02 Zeker 22 Turkse militairen zijn gedood. Volgens de SOHR zijn 34 Turkse "
    "doden gevallen. Een ambtenaar zegt tegen Reuters dat Turkije de grens opent.\n\n"
    "Ongeveer een miljoen burgers zijn op de vlucht."
)
TEXT_B = (
    " date 2020-02 Zeker 33 Turkse militairen kwamen om.\n\nLuchtafweer\n\n"
    "'Het geweld moet stoppen', zei Jens Stoltenberg. Stoltenberg sprak in Brussel."
)


def claim_on(article: Article, sentence: str, **fields) -> Claim:
    start = article.text.index(sentence)
    return ClaimFactory(article=article, start=start, end=start + len(sentence), **fields)


def mention_on(article: Article, actor: Actor, words: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(words, start + 1)
    return MentionFactory(article=article, actor=actor, start=start, end=start + len(words))


@pytest.fixture
def idlib():
    stoltenberg = ActorFactory(name="Jens Stoltenberg")
    army = ActorFactory(name="Turks leger", kind=Actor.Kind.ORGANISATION)
    turkey = ActorFactory(name="Turkije", kind=Actor.Kind.COUNTRY)
    official = ActorFactory(name="Turkse regeringsambtenaar", kind=Actor.Kind.ROLE)
    a = ArticleFactory(external_id="000_a", text=TEXT_A)
    b = ArticleFactory(external_id="003_b", text=TEXT_B)
    reuters = SourceFactory(name="Reuters", actor=ActorFactory(name="Reuters"))
    claims = {
        "22": claim_on(
            a,
            "Zeker 22 Turkse militairen zijn gedood.",
            quantity_value=22,
            quantity_qualifier="at_least",
            quantity_key="turks militair|dood",
        ),
        "34": claim_on(
            a,
            "Volgens de SOHR zijn 34 Turkse doden gevallen.",
            quantity_value=34,
            quantity_qualifier="exact",
            quantity_key="turks militair|dood",
            hedged=True,
            source=SourceFactory(name="SOHR", kind="ngo"),
        ),
        "official": claim_on(
            a,
            "Een ambtenaar zegt tegen Reuters dat Turkije de grens opent.",
            source=SourceFactory(
                name="Turkse regeringsambtenaar", kind="anonymous", actor=official
            ),
            via=reuters,
        ),
        "refugees": claim_on(
            a,
            "Ongeveer een miljoen burgers zijn op de vlucht.",
            quantity_value=1_000_000,
            quantity_qualifier="approximately",
            quantity_key="burger|vlucht",
        ),
        "33": claim_on(
            b,
            "Zeker 33 Turkse militairen kwamen om.",
            quantity_value=33,
            quantity_qualifier="at_least",
            quantity_key="turks militair|dood",
        ),
        "quote": claim_on(
            b,
            "'Het geweld moet stoppen', zei Jens Stoltenberg.",
            direct_quote="Het geweld moet stoppen",
            source=SourceFactory(name="Jens Stoltenberg", kind="person", actor=stoltenberg),
        ),
    }
    for key in ("22", "34", "33"):
        claims[key].about.add(army)
    claims["official"].about.add(turkey)
    mention_on(b, stoltenberg, "Jens Stoltenberg")
    mention_on(b, stoltenberg, "Stoltenberg", occurrence=1)
    mention_on(a, turkey, "Turkije")
    mention_on(a, army, "Turkse militairen")
    return {
        "a": a,
        "b": b,
        "stoltenberg": stoltenberg,
        "army": army,
        "turkey": turkey,
        "reuters": reuters,
        **claims,
    }


def test_claims_sourced_to_an_actor_with_article_and_quote(idlib):
    rows = list(
        Claim.objects.sourced_to(idlib["stoltenberg"]).values_list(
            "article__external_id", "text", "direct_quote"
        )
    )
    assert rows == [
        ("003_b", "'Het geweld moet stoppen', zei Jens Stoltenberg.", "Het geweld moet stoppen")
    ]


def test_claims_relayed_by_an_agency_are_not_sourced_to_it(idlib):
    agency = idlib["reuters"].actor
    assert list(Claim.objects.relayed_by(agency)) == [idlib["official"]]
    assert not Claim.objects.sourced_to(agency).exists()


def test_claims_about_an_actor_and_articles_mentioning_it_with_counts(idlib):
    about = set(idlib["army"].claims_about.values_list("quantity_value", flat=True))
    assert about == {Decimal(22), Decimal(34), Decimal(33)}

    counts = {
        a.external_id: a.mention_count for a in Article.objects.mentioning(idlib["stoltenberg"])
    }
    assert counts == {"003_b": 2}


def test_an_article_in_order_with_its_actors_and_claims(idlib):
    b = idlib["b"]
    Segment.objects.bulk_create(
        Segment(
            article=b, position=i, kind=kind, start=b.text.index(t), end=b.text.index(t) + len(t)
        )
        for i, (kind, t) in enumerate(
            [
                ("lead", "Zeker 33 Turkse militairen kwamen om."),
                ("subheading", "Luchtafweer"),
                (
                    "paragraph",
                    b.text[b.text.index("'Het") :],
                ),
            ]
        )
    )
    segments = list(b.segments.select_related("article").order_by("position"))
    assert [(s.kind, s.text) for s in segments][:2] == [
        ("lead", "Zeker 33 Turkse militairen kwamen om."),
        ("subheading", "Luchtafweer"),
    ]
    assert list(Actor.objects.mentioned_in(b)) == [idlib["stoltenberg"]]
    assert [c.text[:8] for c in b.claims.order_by("start")] == ["Zeker 33", "'Het gew"]


def test_a_claim_with_span_sources_quantity_links_status_and_notes(idlib):
    editor = UserFactory()
    ClaimLinkFactory(from_claim=idlib["22"], to_claim=idlib["official"], relation="related")
    NoteFactory(claim=idlib["official"], body="Ask Reuters for the name.", author=editor)
    claim = (
        Claim.objects.select_related("article", "source__actor", "via", "reviewed_by")
        .prefetch_related("about", "notes", "links_in__from_claim", "links_out__to_claim")
        .get(pk=idlib["official"].pk)
    )
    assert claim.article.text[claim.start : claim.end] == claim.text
    assert (claim.source.name, claim.source.kind, claim.source.actor.name) == (
        "Turkse regeringsambtenaar",
        "anonymous",
        "Turkse regeringsambtenaar",
    )
    assert claim.via.name == "Reuters"
    assert [link.from_claim.text[:8] for link in claim.links_in.all()] == ["Zeker 22"]
    assert [n.body for n in claim.notes.all()] == ["Ask Reuters for the name."]
    assert claim.status == Claim.Status.UNREVIEWED
    assert {link.pk for link in claim.links()} == set(
        ClaimLink.objects.values_list("pk", flat=True)
    )
    q = idlib["34"]
    assert (q.quantity_value, q.quantity_qualifier, q.quantity_key) == (
        34,
        "exact",
        "turks militair|dood",
    )


def clustered_by_count_key() -> None:
    """Group claims by count key, as cross-referencing does for matching counts."""
    for key in Claim.objects.with_quantity().values_list("quantity_key", flat=True).distinct():
        cluster = CountCluster.objects.create(key=key, label=key)
        Claim.objects.filter(quantity_key=key).update(cluster=cluster)
    refresh_tallies()  # a bulk update sends no signals: its writer counts the reports again


def test_claims_that_give_different_numbers_for_the_same_thing(idlib):
    clustered_by_count_key()
    disputed = Claim.objects.with_conflicting_quantities().order_by("quantity_value")
    assert [int(c.quantity_value) for c in disputed] == [22, 33, 34]


def test_same_number_twice_is_no_conflict(idlib):
    claim_on(
        idlib["b"],
        "Stoltenberg sprak in Brussel.",
        quantity_value=1_000_000,
        quantity_qualifier="exact",
        quantity_key="burger|vlucht",
    )
    clustered_by_count_key()
    keys = set(Claim.objects.with_conflicting_quantities().values_list("quantity_key", flat=True))
    assert keys == {"turks militair|dood"}


def test_actor_found_by_alias_ignoring_case_and_accents(idlib):
    erdogan = ActorFactory(name="Recep Tayyip Erdoğan")
    erdogan.aliases.create(name="Erdoğan")
    assert list(Actor.objects.named("erdogan")) == [erdogan]
    assert list(Actor.objects.named("RECEP TAYYIP ERDOGAN")) == [erdogan]
