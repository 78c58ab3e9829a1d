"""Names typed in a terminal: actors by key or any alias, sources, articles; suggestions."""

import pytest

from articles.models import ActorAlias, Claim
from articles.queries.names import (
    ACTOR,
    ARTICLE,
    SOURCE,
    UnknownName,
    resolve_actor,
    resolve_article,
    resolve_source_filter,
    suggest_actors,
)
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def erdogan():
    actor = ActorFactory(name="Recep Tayyip Erdoğan")
    AliasFactory(actor=actor, name="Erdoğan")
    return actor


@pytest.mark.parametrize("name", ["Recep Tayyip Erdoğan", "recep tayyip erdogan", "ERDOĞAN"])
def test_an_actor_is_found_by_its_name_or_alias_ignoring_case_and_accents(erdogan, name):
    assert resolve_actor(name) == erdogan
    assert resolve_actor(f"  {name} ") == erdogan


@pytest.mark.parametrize("kind", [ActorAlias.Kind.METONYM, ActorAlias.Kind.DEMONYM])
def test_every_kind_of_alias_names_its_actor(kind):
    turkey = ActorFactory(name="Turkije", kind="country")
    AliasFactory(actor=turkey, name="Ankara", kind=kind)
    assert resolve_actor("ankara") == turkey


def test_an_actors_own_key_wins_over_another_actors_alias():
    georgia_state = ActorFactory(name="Georgia")
    country = ActorFactory(name="Georgië", kind="country")
    AliasFactory(actor=country, name="georgia ")  # same key as the other actor's name
    assert resolve_actor("Georgia") == georgia_state


def test_an_unknown_actor_names_itself_and_suggests_near_names(erdogan):
    with pytest.raises(UnknownName) as raised:
        resolve_actor("Erdgan")
    error = raised.value
    assert (error.kind, error.name, error.suggestions) == (
        ACTOR,
        "Erdgan",
        ("Recep Tayyip Erdoğan",),
    )
    assert str(error) == 'No actor named "Erdgan". Did you mean: Recep Tayyip Erdoğan?'


def test_suggestions_come_from_one_query_and_share_the_first_letter(
    erdogan, django_assert_num_queries
):
    ActorFactory(name="Ardogan")  # close, but another first letter
    with django_assert_num_queries(1):
        assert suggest_actors("erdgan") == ["Recep Tayyip Erdoğan"]


def test_nothing_near_means_no_suggestion():
    ActorFactory(name="NAVO")
    with pytest.raises(UnknownName) as raised:
        resolve_actor("Zzyzx")
    assert raised.value.suggestions == ()
    assert str(raised.value) == 'No actor named "Zzyzx".'


def test_an_empty_name_is_unknown():
    with pytest.raises(UnknownName):
        resolve_actor("   ")


def claims_matching(name: str) -> set[int]:
    return set(Claim.objects.filter(resolve_source_filter(name)).values_list("pk", flat=True))


def test_a_source_name_finds_claims_sourced_to_or_relayed_by_it():
    reuters = SourceFactory(name="Reuters")
    official = SourceFactory(name="een functionaris")
    said = ClaimFactory(source=reuters)
    relayed = ClaimFactory(source=official, via=reuters)
    ClaimFactory(source=official)
    assert claims_matching("reuters") == {said.pk, relayed.pk}


def test_an_actor_name_finds_claims_of_its_sources():
    stoltenberg = ActorFactory(name="Jens Stoltenberg")
    AliasFactory(actor=stoltenberg, name="Stoltenberg")
    spoken = ClaimFactory(source=SourceFactory(name="de NAVO-topman", actor=stoltenberg))
    relayed = ClaimFactory(via=SourceFactory(name="NAVO-woordvoerder", actor=stoltenberg))
    ClaimFactory(source=SourceFactory(name="Reuters"))
    assert claims_matching("Stoltenberg") == {spoken.pk, relayed.pk}


def test_an_unknown_source_suggests_sources_and_actors():
    SourceFactory(name="Reuters")
    ActorFactory(name="Rossija 24")
    with pytest.raises(UnknownName) as raised:
        resolve_source_filter("Reutres")
    assert raised.value.kind == SOURCE
    assert "Reuters" in raised.value.suggestions
    assert str(raised.value).startswith('No source or actor named "Reutres". Did you mean:')


def test_an_article_is_found_by_id_or_external_id():
    article = ArticleFactory(external_id="000_78357a777ef7f92d")
    assert resolve_article(str(article.pk)) == article
    assert resolve_article("000_78357a777ef7f92d") == article


def test_an_unknown_article_suggests_near_external_ids():
    ArticleFactory(external_id="000_78357a777ef7f92d")
    with pytest.raises(UnknownName) as raised:
        resolve_article("000_78357a777ef7f92x")
    assert raised.value.kind == ARTICLE
    assert raised.value.suggestions == ("000_78357a777ef7f92d",)
    with pytest.raises(UnknownName, match='No article "999999"'):
        resolve_article("999999")


def test_on_the_seeds_erdogan_without_accent_is_erdogan(seeded):
    assert resolve_actor("Erdogan").name == "Recep Tayyip Erdoğan"
    assert resolve_actor("erdoğan").name == "Recep Tayyip Erdoğan"
    assert claims_matching("Reuters")
