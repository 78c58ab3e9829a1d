"""Import and export through the resources: natural keys, every format, whole files or nothing,
dry runs that write nothing, and a number of queries that does not grow with the rows."""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import tablib
from django.apps import apps
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from import_export.formats.base_formats import XLSX

from articles.exchange import FORMATS, IMPORT_ORDER, ExchangeError, export_dataset, import_dataset
from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.models import Actor, ActorAlias, Article, Claim, ClaimLink, Origin, Source
from articles.resources import ClaimResource
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_A = "000_78357a777ef7f92d"
XLSX_MISSING = "XLSX needs openpyxl: add django-import-export[xlsx] to the dependencies"
ALL_FORMATS = [
    "csv",
    "json",
    pytest.param("xlsx", marks=pytest.mark.skipif(not XLSX.is_available(), reason=XLSX_MISSING)),
]


# Natural-key projections of every row, read straight from the models (not via the resources).


def actors() -> set[tuple]:
    return {
        (
            a.name,
            a.kind,
            a.wikidata_id,
            a.description,
            a.origin,
            a.in_gazetteer,
            a.country.name if a.country else None,
            a.source_kind,
            a.adjective,
            a.adjective_neutral,
            frozenset((alias.name, alias.kind) for alias in a.aliases.all()),
        )
        for a in Actor.objects.select_related("country").prefetch_related("aliases")
    }


def sources() -> set[tuple]:
    return {
        (
            s.key,
            s.name,
            s.kind,
            s.actor.name if s.actor else None,
            s.corpus,
            s.file_path,
            s.checksum,
            s.url,
            s.description,
        )
        for s in Source.objects.select_related("actor")
    }


def claim_key(claim: Claim) -> tuple[str, int, int]:
    return claim.article.external_id, claim.start, claim.end


def claims() -> set[tuple]:
    rows = Claim.objects.select_related(
        "article", "source", "via", "reviewed_by", "created_by"
    ).prefetch_related("about")
    return {
        (
            *claim_key(c),
            c.text,
            c.prefix,
            c.suffix,
            c.is_orphaned,
            c.source.key if c.source else None,
            c.via.key if c.via else None,
            frozenset(actor.name for actor in c.about.all()),
            c.hedged,
            c.direct_quote,
            c.quantity_value,
            c.quantity_min,
            c.quantity_max,
            c.quantity_qualifier,
            c.quantity_what,
            c.quantity_key,
            c.status,
            c.reviewed_by.username if c.reviewed_by else None,
            c.reviewed_at,
            c.origin,
            c.created_by.username if c.created_by else None,
        )
        for c in rows
    }


def links() -> set[tuple]:
    rows = ClaimLink.objects.select_related(
        "from_claim__article", "to_claim__article", "created_by"
    )
    return {
        (
            claim_key(link.from_claim),
            claim_key(link.to_claim),
            link.relation,
            link.note,
            link.created_by.username if link.created_by else None,
        )
        for link in rows
    }


def projection() -> dict[str, set[tuple]]:
    return {"actor": actors(), "source": sources(), "claim": claims(), "claimlink": links()}


def table_dump() -> dict[str, list[dict]]:
    """Every row of every newsdb table, ids and timestamps included: proof nothing changed."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("articles").get_models()
    } | {"about": list(Claim.about.through.objects.order_by("pk").values())}


def rows_of(data: bytes, file_format: str = "csv") -> list[dict]:
    return [dict(row) for row in FORMATS[file_format](encoding="utf-8").create_dataset(data).dict]


def file_of(rows: list[dict], file_format: str = "csv") -> bytes:
    dataset = tablib.Dataset(headers=list(dict.fromkeys(key for row in rows for key in row)))
    for row in rows:
        dataset.append([row.get(header, "") for header in dataset.headers])
    data = FORMATS[file_format]().export_data(dataset)
    return data.encode("utf-8") if isinstance(data, str) else data


@pytest.fixture
def newsroom() -> None:
    """The two seeds ingested (with the shipped gazetteer), plus an editor's work on them."""
    assert ingest(discover([SEEDS])).ok
    editor = UserFactory(username="redacteur")
    reviewer = UserFactory(username="eindredacteur")
    turkey, erdogan = (
        Actor.objects.get(name="Turkije"),
        Actor.objects.get(key="recep tayyip erdogan"),
    )
    AliasFactory(actor=erdogan, name="Beştepe", kind=ActorAlias.Kind.METONYM)
    aydin = ActorFactory(
        name="Selin Aydın",
        kind=Actor.Kind.PERSON,
        country=turkey,
        wikidata_id="Q9999991",
        description="Turks minister van Defensie",
        origin=Origin.EDITOR,
        source_kind=Source.Kind.GOVERNMENT,
    )
    AliasFactory(actor=aydin, name="Aydın")
    anadolu = SourceFactory(
        name="Anadolu",
        kind=Source.Kind.NEWS_AGENCY,
        actor=Actor.objects.filter(key="anadolu").first() or ActorFactory(name="Anadolu"),
        url="https://www.aa.com.tr/",
        description="Turks staatspersbureau",
    )
    article = Article.objects.get(external_id=SEED_A)
    extracted = list(Claim.objects.filter(article=article).order_by("start"))
    extracted[0].set_status(Claim.Status.VERIFIED, reviewer)
    extracted[0].save()
    quoted = ClaimFactory(
        article=article,
        start=extracted[1].start,
        end=extracted[1].start + 40,
        origin=Origin.EDITOR,
        created_by=editor,
        source=anadolu,
        via=Source.objects.get(name="Reuters"),
        hedged=True,
        direct_quote="een serieuze escalatie",
        quantity_min=Decimal("22"),
        quantity_max=Decimal("34.5"),
        quantity_qualifier=Claim.Qualifier.APPROXIMATELY,
        quantity_what="Turkse doden",
        quantity_key="turks dood",
    )
    quoted.anchor()
    quoted.set_status(Claim.Status.DISPUTED, editor)
    quoted.reviewed_at -= timedelta(days=2, microseconds=17)
    quoted.save()
    quoted.about.set([erdogan, aydin, turkey])
    orphan = ClaimFactory(
        article=article,
        start=5,
        end=20,
        text="Een zin die uit de tekst verdween.",
        prefix="Ervoor: ",
        suffix=" erna",
        is_orphaned=True,
        origin=Origin.EDITOR,
        source=article.source,  # a file source: named by its key, file:seeds/…
    )
    ClaimLinkFactory(
        from_claim=quoted,
        to_claim=extracted[0],
        relation=ClaimLink.Relation.CONFLICTS,
        note="34 of 22?",
        created_by=editor,
    )
    ClaimLinkFactory(from_claim=orphan, to_claim=quoted, relation=ClaimLink.Relation.RELATED)
    other = Claim.objects.exclude(article=article).order_by("start").first()
    ClaimLinkFactory(from_claim=other, to_claim=extracted[2], relation=ClaimLink.Relation.UPDATES)


def empty_the_tables() -> None:
    """Everything the files hold goes; articles stay (claims name them by external id), and so
    do their publications (an article protects its source): those are blanked instead."""
    ClaimLink.objects.all().delete()
    Claim.objects.all().delete()
    Source.objects.filter(articles__isnull=True).delete()
    Source.objects.update(checksum="", file_path="", description="stale")
    Actor.objects.all().delete()
    assert ActorAlias.objects.count() == Claim.about.through.objects.count() == 0


@pytest.mark.parametrize("file_format", ALL_FORMATS)
def test_round_trip_restores_every_row(newsroom, file_format):
    before = projection()
    assert all(before.values()) and len(before["claimlink"]) == 3
    files = {name: export_dataset(name, file_format) for name in IMPORT_ORDER}
    empty_the_tables()
    assert not projection()["actor"] and not projection()["claim"]

    outcomes = [import_dataset(name, files[name], file_format) for name in IMPORT_ORDER]

    assert [o.errors for o in outcomes] == [(), (), (), ()]
    assert projection() == before
    actors_outcome, sources_outcome = outcomes[0], outcomes[1]
    assert actors_outcome.totals["new"] == len(before["actor"])
    assert sources_outcome.totals["update"] == Article.objects.count()  # the publications
    again = [import_dataset(name, files[name], file_format) for name in IMPORT_ORDER]
    assert [o.totals["skip"] for o in again] == [len(before[name]) for name in IMPORT_ORDER]
    assert [o.changes for o in again] == [(), (), (), ()]


def test_export_names_relations_by_natural_key(newsroom):
    claim_rows = rows_of(export_dataset("claim", "csv"))
    quoted = next(row for row in claim_rows if row["direct_quote"])
    assert (quoted["article"], quoted["source"], quoted["via"]) == (SEED_A, "Anadolu", "Reuters")
    assert quoted["about"] == "Recep Tayyip Erdoğan|Selin Aydın|Turkije"
    assert (quoted["quantity_min"], quoted["quantity_max"]) == ("22", "34.5")
    assert quoted["created_by"] == "redacteur" and "." in quoted["reviewed_at"]
    actor_rows = {row["name"]: row for row in rows_of(export_dataset("actor", "csv"))}
    erdogan = actor_rows["Recep Tayyip Erdoğan"]
    assert erdogan["country"] == "Turkije"
    assert erdogan["aliases"].split("|")[-1] == "metonym:Beştepe"
    assert "metonym:Ankara" in actor_rows["Turkije"]["aliases"].split("|")
    link_rows = rows_of(export_dataset("claimlink", "csv"))
    assert {row["from_claim"].split("[")[0] for row in link_rows} == {
        SEED_A,
        "003_34cf2e6a0fed1da4",
    }
    orphan = next(row for row in claim_rows if row["is_orphaned"] == "1")
    assert orphan["source"] == f"file:seeds/{SEED_A}.txt"  # a file source, by its key
    assert rows_of(export_dataset("claim", "json"), "json") == claim_rows


def test_actors_match_by_name_without_case_or_accents():
    erdogan = ActorFactory(name="Recep Tayyip Erdoğan", description="")
    data = file_of([{"name": "recep tayyip erdogan", "kind": "person", "description": "president"}])
    outcome = import_dataset("actor", data, "csv")
    assert outcome.ok and outcome.totals["update"] == 1 and Actor.objects.count() == 1
    erdogan.refresh_from_db()
    assert (erdogan.description, erdogan.key) == ("president", "recep tayyip erdogan")


def test_a_country_may_come_later_in_the_file_and_aliases_may_move_between_its_actors():
    mover = ActorFactory(name="Ankara", kind=Actor.Kind.LOCATION)
    AliasFactory(actor=mover, name="Ankara", kind=ActorAlias.Kind.NAME)
    AliasFactory(actor=mover, name="de Turkse hoofdstad")
    rows = [
        {"name": "Ankara", "kind": "location", "country": "Turkije", "aliases": "Ankara"},
        {"name": "Erdoğan", "kind": "person", "country": "Turkije", "aliases": "Erdogan"},
        {
            "name": "Turkije",
            "kind": "country",
            "country": "",
            "aliases": "Turkije|metonym:de Turkse hoofdstad|demonym:Turk",
        },
    ]
    outcome = import_dataset("actor", file_of(rows), "csv")
    assert outcome.errors == ()
    assert (outcome.totals["new"], outcome.totals["update"]) == (2, 1)
    turkey = Actor.objects.get(name="Turkije")
    assert set(Actor.objects.filter(country=turkey).values_list("name", flat=True)) == {
        "Ankara",
        "Erdoğan",
    }
    assert set(turkey.aliases.values_list("name", "kind")) == {
        ("Turkije", "name"),
        ("de Turkse hoofdstad", "metonym"),
        ("Turk", "demonym"),
    }
    assert list(mover.aliases.values_list("name", flat=True)) == ["Ankara"]


def bad_actor_rows() -> dict[str, tuple[list[dict], str]]:
    good = {"name": "Nieuwe Actor", "kind": "person", "aliases": "N. Actor"}
    update = {"name": "Bestaande Actor", "kind": "person", "description": "gewijzigd"}
    return {
        "unknown kind": (
            [good, update, {"name": "Iemand", "kind": "alien"}],
            "row 3: kind: Value 'alien' is not a valid choice.",
        ),
        "alias of another actor": (
            [good, update, {"name": "Iemand", "kind": "person", "aliases": "Iemand|Lid"}],
            "row 3: aliases: “Lid” already names Ander Actor.",
        ),
        "unknown alias kind": (
            [good, update, {"name": "Iemand", "kind": "person", "aliases": "bijnaam:Lid"}],
            "row 3: aliases: “bijnaam” is not a kind of alias: use one of name, metonym, demonym.",
        ),
        "country that is not a country": (
            [good, update, {"name": "Iemand", "kind": "person", "country": "Nieuwe Actor"}],
            "row 3: country: “Nieuwe Actor” is not a country.",
        ),
        "an alias given twice": (
            [good, update, {"name": "Iemand", "kind": "person", "aliases": "n. actor"}],
            "row 3: aliases: “n. actor” already names Nieuwe Actor (row 1).",
        ),
        "the same actor twice": (
            [good, update, {"name": "nieuwe actor", "kind": "person"}],
            "row 3: The same actor as row 1.",
        ),
    }


@pytest.mark.parametrize("case", list(bad_actor_rows()))
def test_a_bad_actor_row_is_named_and_nothing_is_written(case):
    existing = ActorFactory(name="Bestaande Actor", description="")
    AliasFactory(actor=ActorFactory(name="Ander Actor"), name="Lid")
    rows, error = bad_actor_rows()[case]
    before = table_dump()
    outcome = import_dataset("actor", file_of(rows), "csv")
    assert outcome.errors == (error,)
    assert outcome.summary().startswith("nothing written: ")
    assert table_dump() == before
    existing.refresh_from_db()
    assert existing.description == ""


@pytest.fixture
def article() -> Article:
    return ArticleFactory(external_id="a1", text="Eerste zin. Tweede zin met 22 doden. Derde.")


def claim_row(start: int, end: int, **fields) -> dict:
    return {"article": "a1", "start": start, "end": end, "status": "unreviewed", **fields}


BAD_CLAIMS = {
    "unknown article": (
        claim_row(0, 11, article="b2"),
        "row 3: article: No article has the external id “b2”.",
    ),
    "span outside the text": (
        claim_row(37, 99),
        "row 3: end: The span must satisfy 0 ≤ start < end ≤ 43.",
    ),
    "text not at the span": (
        claim_row(0, 11, text="Andere zin."),
        "row 3: text: The article's text at 0–11 is “Eerste zin.”.",
    ),
    "unknown actor": (
        claim_row(0, 11, about="Niemand"),
        "row 3: about: No actor is named “Niemand”.",
    ),
    "unknown source": (
        claim_row(0, 11, source="Niemand"),
        "row 3: source: No source is named “Niemand”.",
    ),
    "reviewed without a time": (
        claim_row(0, 11, status="verified"),
        "row 3: reviewed_at: A reviewed claim needs the time it was reviewed.",
    ),
    "quantity without a qualifier": (
        claim_row(0, 11, quantity_value="22"),
        "row 3: quantity_qualifier: A quantity needs a qualifier.",
    ),
}


@pytest.mark.parametrize("file_format", ALL_FORMATS)
@pytest.mark.parametrize("case", list(BAD_CLAIMS))
def test_a_bad_claim_row_is_named_and_nothing_is_written(article, case, file_format):
    ClaimFactory(article=article, start=12, end=36)
    bad, error = BAD_CLAIMS[case]
    rows = [claim_row(12, 36, hedged="1"), claim_row(37, 43), bad]
    before = table_dump()
    outcome = import_dataset("claim", file_of(rows, file_format), file_format)
    assert outcome.errors == (error,)
    assert table_dump() == before


def test_a_claim_of_a_file_is_found_by_article_and_span(article):
    claim = ClaimFactory(article=article, start=12, end=36)
    rows = [claim_row(12, 36, hedged="1", text="Tweede zin met 22 doden.")]
    outcome = import_dataset("claim", file_of(rows), "csv")
    assert outcome.ok and outcome.totals["update"] == 1 and Claim.objects.count() == 1
    claim.refresh_from_db()
    assert claim.hedged and (claim.prefix, claim.suffix) == ("Eerste zin. ", " Derde.")


def test_a_link_to_itself_or_to_an_unknown_claim_is_a_row_error(article):
    ClaimFactory(article=article, start=0, end=11)
    ClaimFactory(article=article, start=12, end=36)
    rows = [
        {"from_claim": "a1[0:11]", "relation": "conflicts", "to_claim": "a1[12:36]"},
        {"from_claim": "a1[0:11]", "relation": "related", "to_claim": "a1[0:11]"},
        {"from_claim": "a1[0:11]", "relation": "related", "to_claim": "a1[1:11]"},
        {"from_claim": "a1:0-11", "relation": "related", "to_claim": "a1[12:36]"},
    ]
    outcome = import_dataset("claimlink", file_of(rows), "csv")
    assert outcome.errors == (
        "row 2: A claim cannot be linked to itself.",
        "row 3: to_claim: No claim is at a1[1:11].",
        "row 4: from_claim: “a1:0-11” is not a claim: write it as external_id[start:end].",
    )
    assert ClaimLink.objects.count() == 0


def test_two_claims_on_one_span_cannot_be_told_apart(article):
    """Only extractor claims are unique per span: an editor's claim may share one."""
    ClaimFactory(article=article, start=0, end=11, origin=Origin.EXTRACTOR)
    ClaimFactory(article=article, start=0, end=11, origin=Origin.EDITOR)
    ClaimFactory(article=article, start=12, end=36)
    claims = import_dataset("claim", file_of([claim_row(0, 11, hedged="1")]), "csv")
    link = {"from_claim": "a1[0:11]", "relation": "related", "to_claim": "a1[12:36]"}
    links = import_dataset("claimlink", file_of([link]), "csv")
    assert claims.errors == (
        "row 1: 2 rows in the database have this key; it cannot tell them apart.",
    )
    assert links.errors == ("row 1: from_claim: 2 claims match “a1[0:11]”: it cannot say which.",)


def test_a_database_error_after_the_rows_are_written_rolls_all_of_them_back(article, monkeypatch):
    ActorFactory(name="Iemand")
    flush = ClaimResource.flush

    def flush_then_fail(resource, saved):
        flush(resource, saved)
        assert Claim.objects.count() == 2 and Claim.about.through.objects.count() == 1
        raise IntegrityError("refused")  # written by now, when the database refuses something

    monkeypatch.setattr(ClaimResource, "flush", flush_then_fail)
    before = table_dump()
    rows = [claim_row(0, 11, about="Iemand"), claim_row(12, 36)]
    outcome = import_dataset("claim", file_of(rows), "csv")
    assert outcome.errors == ("refused",)
    assert table_dump() == before


def test_dry_run_reports_what_would_change_and_writes_nothing(newsroom):
    rows = rows_of(export_dataset("claim", "csv"))
    changed = next(n for n, row in enumerate(rows, 1) if row["status"] == "unreviewed")
    rows[changed - 1] |= {"status": "false", "reviewed_at": timezone.now().isoformat()}
    rows.append({"article": SEED_A, "start": "0", "end": "4", "about": "Turkije", "status": ""})
    data = file_of(rows)
    before = table_dump()

    dry = import_dataset("claim", data, "csv", dry_run=True)

    assert table_dump() == before
    assert dry.ok and dry.summary().startswith("dry run, nothing written: claim: 1 new, 1 updated")
    assert [change.split(":")[0] for change in dry.changes] == [
        f"row {changed}",
        f"row {len(rows)}",
    ]
    real = import_dataset("claim", data, "csv")
    assert (real.totals, real.changes) == (dry.totals, dry.changes)
    assert Claim.objects.filter(status="false").count() == 1
    assert Claim.objects.get(start=0, end=4).about.get().name == "Turkije"


def test_unknown_model_format_or_unreadable_file():
    with pytest.raises(ExchangeError):
        export_dataset("mention", "csv")
    with pytest.raises(ExchangeError):
        export_dataset("actor", "pdf")
    outcome = import_dataset("actor", b"\x00not json", "json")
    assert not outcome.ok and outcome.errors[0].startswith("The file cannot be read as JSON")
    assert import_dataset("claimlink", b"[]", "json").totals == {}


# Query counts: lookups by natural key are read once per import, rows are written in bulk.


def queries_to_import(model_name: str, data: bytes) -> int:
    with CaptureQueriesContext(connection) as captured:
        outcome = import_dataset(model_name, data, "csv")
    assert outcome.ok, outcome.errors
    return len(captured.captured_queries)


def claims_file(article: Article, count: int, users: list[str], sources: list[str]) -> bytes:
    rows = [
        {
            "article": article.external_id,
            "start": n,
            "end": n + 5,
            "source": sources[n % len(sources)],
            "via": sources[(n + 1) % len(sources)],
            "about": f"Onderwerp {n % 7}|Onderwerp {(n + 3) % 7}",
            "status": "verified",
            "reviewed_by": users[n % len(users)],
            "reviewed_at": "2020-02-28T10:00:00+01:00",
            "quantity_value": str(n),
            "quantity_qualifier": "exact",
            "created_by": users[(n + 1) % len(users)],
        }
        for n in range(count)
    ]
    return file_of(rows)


def test_claim_import_queries_do_not_grow_with_the_rows():
    users = [UserFactory().username for _ in range(3)]
    sources = [SourceFactory().name for _ in range(4)]
    for n in range(7):
        ActorFactory(name=f"Onderwerp {n}")
    text = "x" * 400
    articles = [ArticleFactory(text=text) for _ in range(4)]
    n = 40
    one = queries_to_import("claim", claims_file(articles[0], n, users, sources))
    two = queries_to_import("claim", claims_file(articles[1], 2 * n, users, sources))
    four = queries_to_import("claim", claims_file(articles[2], 4 * n, users, sources))
    again = queries_to_import("claim", claims_file(articles[2], 4 * n, users, sources[::-1]))
    assert Claim.objects.count() == 7 * n and Claim.about.through.objects.count() == 14 * n
    # Only bulk statements split into batches (SQLite takes 999 parameters per statement).
    assert two - one <= 3 and four - two <= 4, (one, two, four)
    assert one < 20 and again < 25, (one, again)


def test_actor_import_queries_do_not_grow_with_the_rows():
    ActorFactory(name="Land", kind=Actor.Kind.COUNTRY)

    def actors_file(prefix: str, count: int) -> bytes:
        rows = [
            {
                "name": f"{prefix} {n}",
                "kind": "person",
                "country": "Land",
                "aliases": f"{prefix}{n}|metonym:{prefix}-{n}",
            }
            for n in range(count)
        ]
        return file_of(rows)

    one, two = (
        queries_to_import("actor", actors_file("A", 50)),
        queries_to_import("actor", actors_file("B", 100)),
    )
    assert ActorAlias.objects.count() == 300
    assert two - one <= 3 and one < 20, (one, two)
