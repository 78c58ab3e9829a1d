"""Loading the gazetteer file into actors: complete, idempotent, never overwriting editors."""

import json

import pytest

from articles.extraction.gazetteer import DATA_FILE
from articles.gazetteer import load_gazetteer
from articles.models import Actor, ActorAlias, Origin
from tests.factories import ActorFactory, AliasFactory

pytestmark = pytest.mark.django_db
SHIPPED = json.loads(DATA_FILE.read_text(encoding="utf-8"))["entries"]


def write_gazetteer(path, *entries):
    path.write_text(json.dumps({"entries": list(entries)}), encoding="utf-8")
    return path


def test_every_shipped_entry_becomes_a_gazetteer_actor():
    report = load_gazetteer()
    assert report.actors_created == len(SHIPPED) == Actor.objects.in_gazetteer().count()
    assert set(Actor.objects.values_list("origin", flat=True)) == {Origin.GAZETTEER}
    with_wikidata = [entry for entry in SHIPPED if entry.get("wikidata_id")]
    assert Actor.objects.exclude(wikidata_id="").count() == len(with_wikidata)


def test_an_entry_keeps_its_aliases_metonyms_demonyms_and_country(tmp_path):
    path = write_gazetteer(
        tmp_path / "g.json",
        {
            "name": "Turkije",
            "kind": "country",
            "metonyms": ["Ankara"],
            "demonym_nouns": ["Turk"],
            "adjective": "Turkse",
            "adjective_neutral": "Turks",
            "wikidata_id": "Q43",
        },
        {
            "name": "Recep Tayyip Erdoğan",
            "kind": "person",
            "country": "Turkije",
            "aliases": ["Erdoğan", "Erdogan"],
            "source_kind": "government",
        },
    )
    load_gazetteer(path)
    turkey = Actor.objects.get(name="Turkije")
    erdogan = Actor.objects.get(name="Recep Tayyip Erdoğan")
    assert (turkey.adjective, turkey.adjective_neutral, turkey.wikidata_id) == (
        "Turkse",
        "Turks",
        "Q43",
    )
    assert dict(turkey.aliases.values_list("name", "kind")) == {
        "Turkije": "name",
        "Ankara": "metonym",
        "Turk": "demonym",
    }
    assert (erdogan.country, erdogan.source_kind) == (turkey, "government")
    # Erdogan and Erdoğan are one alias: the key ignores accents.
    assert sorted(erdogan.aliases.values_list("name", flat=True)) == [
        "Erdoğan",
        "Recep Tayyip Erdoğan",
    ]
    assert list(Actor.objects.named("erdogan")) == [erdogan]
    assert not Actor.objects.named("Ankara").exists(), "a metonym is not a name"


def test_loading_twice_changes_nothing():
    load_gazetteer()
    before = list(Actor.objects.order_by("pk").values()), list(ActorAlias.objects.values())
    again = load_gazetteer()
    assert (again.actors_created, again.actors_updated, again.aliases_created) == (0, 0, 0)
    assert (list(Actor.objects.order_by("pk").values()), list(ActorAlias.objects.values())) == (
        before
    )


def test_editors_values_survive_and_blanks_are_filled(tmp_path):
    path = write_gazetteer(
        tmp_path / "g.json",
        {
            "name": "NAVO",
            "kind": "organisation",
            "description": "bondgenootschap",
            "wikidata_id": "Q7184",
            "aliases": ["Noord-Atlantische Verdragsorganisatie"],
        },
    )
    navo = ActorFactory(name="NAVO", kind=Actor.Kind.GROUP, description="edited", origin="editor")
    report = load_gazetteer(path)
    navo.refresh_from_db()
    assert report.actors_created == 0 and report.actors_updated == 1
    assert (navo.kind, navo.description, navo.origin) == ("group", "edited", "editor")
    assert navo.wikidata_id == "Q7184" and navo.in_gazetteer
    assert navo.aliases.filter(name="Noord-Atlantische Verdragsorganisatie").exists()


def test_an_alias_of_another_actor_is_reported_not_stolen(tmp_path):
    other = AliasFactory(name="VN").actor
    path = write_gazetteer(
        tmp_path / "g.json",
        {"name": "Verenigde Naties", "kind": "organisation", "aliases": ["VN"]},
    )
    report = load_gazetteer(path)
    assert report.conflicts == ["'VN' (Verenigde Naties)"]
    assert ActorAlias.objects.get(normalised="vn").actor == other
