"""Time to suggest links for one new article against a database of N stored articles.

python -m articles.crossref.bench --articles 10000 100000 [--new 20] [--seed 1] [--database URL]

A fresh throwaway database (a temporary SQLite file, or the empty database at ``--database``,
e.g. a throwaway PostgreSQL server as tests/pgserver.py starts one) is migrated and filled in
bulk with synthetic articles spread over ten years of months, then grown to each size in turn.
At each size the same ``--new`` new articles, published in the busiest month and sharing
count keys and popular actors with the filler, are stored one at a time and
``suggest_for_article`` is timed on each, in a transaction rolled back afterwards: every timing
sees the same database. The target is that 10 times the articles costs less than 3 times the
time.

The filler is what the ingest would have stored: articles, their claims with counts and
sources, the actors the claims are about, and the blocking keys ``blocking_keys`` derives.
Models are imported inside functions: run as ``python -m``, the module must choose the
database before Django starts.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from tqdm import tqdm

from articles.anchoring import quote_at
from articles.normalise import normalise_name

from .facts import ClaimFacts
from .keys import blocking_keys, lookup_keys

if TYPE_CHECKING:
    from articles.models import Article, Claim

T = TypeVar("T")
Named = tuple[int, str]  # an actor or source: id and name
Cell = tuple[int, str]  # a month index and a count key

FIRST_YEAR, YEARS = 2015, 10
CORPUS = "bench"
BATCH = 500  # articles written per transaction
FILL_CACHE_KB = 1_000_000  # SQLite's page cache while filling
COPY_SHARE = 0.06  # claims that repeat another outlet's sentence (agency copy)
COPY_POOL = 64  # recent sentences per month that can be repeated

COUNTRIES_AND_GROUPS = [
    "Turkije",
    "Rusland",
    "Syrië",
    "Syrisch regime",
    "Turks leger",
    "Verenigde Naties",
    "NAVO",
    "Europese Unie",
    "Recep Tayyip Erdoğan",
    "Vladimir Poetin",
    "Bashar al-Assad",
    "Iran",
    "Verenigde Staten",
    "Griekenland",
    "Nederland",
    "Mark Rutte",
    "Russische luchtmacht",
    "Hayat Tahrir al-Sham",
    "Koerdische YPG",
    "Rode Kruis",
    "Artsen zonder Grenzen",
    "Duitsland",
    "Frankrijk",
    "Emmanuel Macron",
    "Angela Merkel",
    "Jens Stoltenberg",
    "Ursula von der Leyen",
    "António Guterres",
    "Irak",
    "Libanon",
    "Israël",
    "Hezbollah",
    "Oekraïne",
    "Tweede Kamer",
    "Stef Blok",
    "Sigrid Kaag",
    "Wopke Hoekstra",
    "UNHCR",
    "Witte Helmen",
    "Jordanië",
]
FIRST_NAMES = [
    "Pieter", "Anna", "Joost", "Fatima", "Karin", "Mohammed", "Sanne", "Willem", "Ahmet",
    "Elif", "Yusuf", "Olga", "Dmitri", "Sophie", "Thomas", "Leila", "Omar", "Marieke",
]  # fmt: skip
SURNAMES = [
    "Jansen", "de Wit", "Bakker", "van Dijk", "El Amrani", "Visser", "de Boer", "Smit",
    "Yilmaz", "Kaya", "Demir", "Ivanov", "Petrov", "Haddad", "Khalil", "Mulder",
]  # fmt: skip
PLACES = [
    "Idlib", "Aleppo", "Hatay", "Kilis", "Damascus", "Homs", "Hama", "Afrin", "Raqqa",
    "Deir ez-Zor", "Ankara", "Istanboel", "Moskou", "Brussel", "Den Haag", "Beiroet", "Bagdad",
    "Mosul", "Kobani", "Gaziantep", "Lesbos", "Athene", "Genève", "Sotsji", "Latakia", "Daraa",
    "Manbij", "Saraqib", "Maarat al-Numan", "Ras al-Ain", "Tal Abyad", "Qamishli", "Edirne",
    "Izmir", "Erbil", "Kirkuk", "Amman", "Teheran", "Washington", "Berlijn",
]  # fmt: skip
PERSONS = 220  # generated people besides the named actors above
AGENCIES = [
    "Reuters", "ANP", "AFP", "AP", "Anadolu", "TASS", "SANA", "BBC", "CNN Türk", "Al Jazeera",
    "Syrisch Observatorium voor de Mensenrechten", "gouverneur van Hatay",
    "Turks ministerie van Defensie", "Russisch ministerie van Defensie", "Witte Helmen",
    "VN-vluchtelingenorganisatie UNHCR", "Rode Halve Maan", "Artsen zonder Grenzen",
    "Turkse regeringsambtenaar (anoniem)", "Rossija 24", "een woordvoerder van de NAVO",
    "het Nederlandse ministerie van Buitenlandse Zaken", "Human Rights Watch", "Amnesty",
]  # fmt: skip
INCIDENTS = [
    "een luchtaanval", "een aanval op een konvooi", "een bomaanslag", "beschietingen",
    "zware gevechten", "een raketaanval", "een drone-aanval", "een aardbeving",
]  # fmt: skip
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
QUALIFIERS = {  # the word before the figure
    "exact": "",
    "at_least": "zeker",
    "approximately": "ongeveer",
    "more_than": "meer dan",
    "less_than": "minder dan",
}


@dataclass(frozen=True, slots=True)
class CountKind:
    key: str  # the count key the extractor derives
    what: str  # as written
    event: str  # the verb phrase
    low: int
    high: int


COUNTS = [
    CountKind("turks militair|dood", "Turkse militairen", "om het leven gekomen", 1, 60),
    CountKind("|dood", "doden", "gevallen", 1, 400),
    CountKind("burger|dood", "burgers", "omgekomen", 1, 300),
    CountKind("burger|vlucht", "burgers", "op de vlucht geslagen", 1000, 1_000_000),
    CountKind("turks|dood", "Turkse doden", "gevallen", 1, 60),
    CountKind("|gewond", "gewonden", "gevallen", 1, 500),
    CountKind("syrisch militair|dood", "Syrische militairen", "gedood", 1, 150),
    CountKind("kind|dood", "kinderen", "om het leven gekomen", 1, 80),
    CountKind("mens|vlucht", "mensen", "gevlucht", 1000, 900_000),
    CountKind("militair|gewond", "militairen", "gewond geraakt", 1, 100),
    CountKind("vluchteling|", "vluchtelingen", "opgevangen", 1000, 4_000_000),
    CountKind("huis|schade", "huizen", "verwoest", 5, 2000),
]
# {figure} is the qualifier and number, e.g. "zeker 22"; hedged templates end in "*".
COUNT_TEMPLATES = [
    "Bij {incident} in {place} zijn {weekday} {figure} {what} {event}, meldt {source}.",
    "Volgens {source} zijn {figure} {what} {event} in {place}.*",
    "{source} meldt dat er bij {incident} in {place} {figure} {what} zijn {event}.",
    "Het aantal {what} in {place} is inmiddels opgelopen tot {figure}, zegt {source}.",
    "Bij {incident} van {actor} in {place} zijn {figure} {what} {event}.",
    "{source} zegt dat {figure} {what} zijn {event} bij {incident} in {place}.",
    "In {place} zouden {figure} {what} zijn {event}, aldus {source}.*",
]
TEXT_TEMPLATES = [
    "{actor} zei {weekday} dat de situatie in {place} ernstig is.",
    "{actor} betichtte {other} van „illegale steun” aan de rebellen in {place}.",
    "Het is nog niet duidelijk of {actor} achter {incident} in {place} zit.",
    "{actor} heeft een spoedvergadering ingelast over {place}, meldt persbureau {source}.",
    "{actor} riep {other} {weekday} op tot een staakt-het-vuren in {place}.",
    "{actor} zou onder meer drones en artillerie gebruiken bij {place}.*",
    "{actor} sloot een akkoord met {other} over de grens bij {place}.",
    "{actor} bezocht {weekday} de regio {place}, waar tientallen huizen zijn verwoest.",
    "Een woordvoerder van {actor} bevestigde dat er wordt gesproken met {other}.",
    "Volgens {source} heeft {actor} troepen samengetrokken rond {place}.*",
    "{actor} eist dat {other} zich terugtrekt uit {place}.",
    "{actor} dreigt de grens met {other} te openen voor migranten.",
]


@dataclass(frozen=True, slots=True)
class Count:
    kind: CountKind
    qualifier: str
    value: Decimal | None
    minimum: Decimal | None = None
    maximum: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    text: str
    about: tuple[int, ...]
    source_id: int | None
    hedged: bool
    count: Count | None


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    external_id: str
    month_index: int  # months since year 0, as ClaimFacts.month_index
    day: int
    claims: tuple[ClaimSpec, ...]

    @property
    def year(self) -> int:
        return self.month_index // 12

    @property
    def month(self) -> int:
        return self.month_index % 12 + 1


@dataclass
class Zipf(Generic[T]):
    """Items drawn with probability proportional to 1 / rank ** exponent: a few hubs."""

    items: list[T]
    exponent: float = 1.1
    cumulative: list[float] = field(init=False)

    def __post_init__(self) -> None:
        total, self.cumulative = 0.0, []
        for rank in range(1, len(self.items) + 1):
            total += rank**-self.exponent
            self.cumulative.append(total)

    def draw(self, rng: random.Random) -> T:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


@dataclass
class World:
    """The rows every article refers to, and how articles are spread over months."""

    actors: Zipf[Named]  # people, organisations and countries
    places: Zipf[Named]  # locations
    agencies: Zipf[Named]  # sources claims are attributed to
    counts: Zipf[CountKind]
    months: list[int]  # month indexes
    month_weights: list[float]
    clusters: dict[Cell, int] = field(default_factory=dict)
    figures: dict[Cell, int] = field(default_factory=dict)
    copies: dict[int, list[ClaimSpec]] = field(default_factory=dict)

    @property
    def busiest_month(self) -> int:
        return max(zip(self.month_weights, self.months, strict=True))[1]

    def draw_month(self, rng: random.Random) -> int:
        return rng.choices(self.months, weights=self.month_weights)[0]


# -- the world: actors, sources and months --------------------------------------------------


def actor_names(rng: random.Random) -> list[str]:
    people = [f"{first} {last}" for first in FIRST_NAMES for last in SURNAMES]
    rng.shuffle(people)
    return COUNTRIES_AND_GROUPS + people[:PERSONS]


def create_actors(names: Sequence[str], kind: str) -> list[Named]:
    from articles.models import Actor

    rows = Actor.objects.bulk_create(
        [Actor(name=name, key=normalise_name(name), kind=kind) for name in names],
        batch_size=BATCH,
    )
    return [(actor.pk, actor.name) for actor in rows]


def create_agencies(names: Sequence[str]) -> list[Named]:
    from articles.models import Source

    kind = Source.Kind.NEWS_AGENCY
    rows = Source.objects.bulk_create(
        [Source(name=name, key=Source.key_for(name), kind=kind) for name in names]
    )
    return [(source.pk, source.name) for source in rows]


def month_weights(rng: random.Random, months: int) -> list[float]:
    """Most months alike; one in ten a news event, two to eight times as busy."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(months)]
    for month in rng.sample(range(months), k=max(1, months // 10)):
        weights[month] *= rng.uniform(2, 8)
    return weights


def make_world(rng: random.Random, months: int = YEARS * 12) -> World:
    """Create the actors and agencies; articles will spread over ``months`` months."""
    first = FIRST_YEAR * 12
    return World(
        actors=Zipf(create_actors(actor_names(rng), "organisation")),
        places=Zipf(create_actors(PLACES, "location")),
        agencies=Zipf(create_agencies(AGENCIES), exponent=0.8),
        counts=Zipf(COUNTS, exponent=0.9),
        months=list(range(first, first + months)),
        month_weights=month_weights(rng, months),
    )


# -- synthetic articles, in memory ----------------------------------------------------------


def figure_text(count: Count) -> str:
    if count.value is None:
        return f"tussen de {count.minimum:.0f} en {count.maximum:.0f}"
    return f"{QUALIFIERS[count.qualifier]} {count.value:.0f}".strip()


def draw_count(rng: random.Random, world: World, month: int) -> Count:
    """A figure near the month's figure for that count: outlets agree, round and disagree."""
    kind = world.counts.draw(rng)
    base = world.figures.setdefault((month, kind.key), rng.randint(kind.low, kind.high))
    value = max(1, round(base * rng.choice([1, 1, 1, 0.8, 1.2, 1.5, 0.5])))
    if rng.random() < 0.08:
        return Count(kind, "approximately", None, Decimal(value), Decimal(value * 3 // 2 + 1))
    qualifier = rng.choice(["exact", "exact", "at_least", "approximately", "more_than"])
    return Count(kind, qualifier, Decimal(value))


def fill_template(template: str, rng: random.Random, slots: dict[str, str]) -> tuple[str, bool]:
    """The sentence (capitalised) and whether it is hedged (its template ends in ``*``)."""
    text = template.rstrip("*").format(
        weekday=rng.choice(WEEKDAYS), incident=rng.choice(INCIDENTS), **slots
    )
    return text[0].upper() + text[1:], template.endswith("*")


def draw_claim(rng: random.Random, world: World, month: int, count_share: float) -> ClaimSpec:
    actor, other = world.actors.draw(rng), world.actors.draw(rng)
    place, agency = world.places.draw(rng), world.agencies.draw(rng)
    count = draw_count(rng, world, month) if rng.random() < count_share else None
    template = rng.choice(COUNT_TEMPLATES if count else TEXT_TEMPLATES)
    slots = {"actor": actor[1], "other": other[1], "place": place[1], "source": agency[1]}
    if count:
        slots |= {"figure": figure_text(count), "what": count.kind.what, "event": count.kind.event}
    text, hedged = fill_template(template, rng, slots)
    named = [(actor, "{actor}"), (other, "{other}"), (place, "{place}")]
    about = tuple(sorted({row[0] for row, slot in named if slot in template}))
    attributed = "{source}" in template or rng.random() < 0.3
    return ClaimSpec(text, about, agency[0] if attributed else None, hedged, count)


def draw_article(
    rng: random.Random, world: World, external_id: str, month: int, count_share: float = 0.35
) -> ArticleSpec:
    """5 to 11 claims, some of them an earlier article's sentence word for word."""
    claims: list[ClaimSpec] = []
    copies = world.copies.setdefault(month, [])
    for _ in range(rng.randint(5, 11)):
        if copies and rng.random() < COPY_SHARE:
            claims.append(rng.choice(copies))
        else:
            claims.append(draw_claim(rng, world, month, count_share))
    for claim in claims:
        if len(copies) < COPY_POOL:
            copies.append(claim)
        else:
            copies[rng.randrange(COPY_POOL)] = claim
    return ArticleSpec(external_id, month, rng.randint(1, 28), tuple(claims))


def draw_articles(rng: random.Random, world: World, first: int, count: int) -> list[ArticleSpec]:
    return [
        draw_article(rng, world, f"bench-{number:07d}", world.draw_month(rng))
        for number in range(first, first + count)
    ]


def new_articles(rng: random.Random, world: World, count: int) -> list[ArticleSpec]:
    """Articles of the busiest month that count more than most: the hard case for blocking."""
    month = world.busiest_month
    return [
        draw_article(rng, world, f"bench-new-{number:04d}", month, count_share=0.5)
        for number in range(count)
    ]


# -- writing, as the ingest does: in bulk ---------------------------------------------------


def article_text(spec: ArticleSpec) -> tuple[str, list[tuple[int, int]]]:
    """The claims' sentences one after the other, and the span of each."""
    spans, position = [], 0
    for claim in spec.claims:
        spans.append((position, position + len(claim.text)))
        position += len(claim.text) + 1
    return " ".join(claim.text for claim in spec.claims), spans


def ensure_clusters(world: World, specs: Sequence[ArticleSpec]) -> None:
    """A count cluster per month and count key, as earlier suggestions would have made."""
    from articles.models import CountCluster

    wanted = {
        (spec.month_index, claim.count.kind): None
        for spec in specs
        for claim in spec.claims
        if claim.count and (spec.month_index, claim.count.kind.key) not in world.clusters
    }
    rows = CountCluster.objects.bulk_create(
        [CountCluster(key=kind.key, label=kind.what) for _month, kind in wanted]
    )
    for (month, kind), row in zip(wanted, rows, strict=True):
        world.clusters[(month, kind.key)] = row.pk


def create_articles(specs: Sequence[ArticleSpec]) -> list[Article]:
    """Each article with its own publication: the ingest makes one source per file."""
    from articles.models import Article, Source

    names = [f"{spec.external_id}.txt" for spec in specs]
    publications = Source.objects.bulk_create(
        [
            Source(
                name=name,
                key=Source.key_for(name, corpus=CORPUS, is_file=True),
                kind=Source.Kind.PUBLICATION,
                corpus=CORPUS,
                file_path=f"{CORPUS}/{name}",
                checksum=hashlib.sha256(name.encode()).hexdigest(),
            )
            for name in names
        ],
        batch_size=BATCH,
    )
    articles = []
    for spec, publication in zip(specs, publications, strict=True):
        text = article_text(spec)[0]
        articles.append(
            Article(
                external_id=spec.external_id,
                source=publication,
                title=spec.claims[0].text[:300],
                text=text,
                published_year=spec.year,
                published_month=spec.month,
                published_day=spec.day,
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                extractor_version="bench",
            )
        )
    return Article.objects.bulk_create(articles, batch_size=BATCH)


def claim_row(
    article: Article, text: str, span: tuple[int, int], spec: ClaimSpec, cluster: int | None
) -> Claim:
    from articles.models import Claim

    quote = quote_at(text, *span)
    claim = Claim(
        article=article,
        start=span[0],
        end=span[1],
        text=quote.exact,
        prefix=quote.prefix,
        suffix=quote.suffix,
        source_id=spec.source_id,
        hedged=spec.hedged,
        cluster_id=cluster,
    )
    if spec.count is not None:
        count = spec.count
        claim.quantity_value, claim.quantity_min = count.value, count.minimum
        claim.quantity_max, claim.quantity_qualifier = count.maximum, count.qualifier
        claim.quantity_what, claim.quantity_key = count.kind.what, count.kind.key
    return claim


def create_claims(
    articles: Sequence[Article], specs: Sequence[ArticleSpec], clusters: Mapping[Cell, int]
) -> list[Claim]:
    """The claims of the articles, counts in the cluster of their month and key if any."""
    from articles.models import Claim

    rows = []
    for article, spec in zip(articles, specs, strict=True):
        text, spans = article_text(spec)
        for claim, span in zip(spec.claims, spans, strict=True):
            key = (spec.month_index, claim.count.kind.key if claim.count else "")
            rows.append(claim_row(article, text, span, claim, clusters.get(key)))
    return Claim.objects.bulk_create(rows, batch_size=BATCH)


def store_articles(world: World, specs: Sequence[ArticleSpec], *, filler: bool) -> list[Article]:
    """Articles, claims and what the claims are about; for filler, clusters and blocking keys
    too (a new article gets its keys from ``suggest_for_article``, as in the ingest)."""
    from articles.models import BlockingKey, Claim

    if filler:
        ensure_clusters(world, specs)
    articles = create_articles(specs)
    claims = create_claims(articles, specs, world.clusters if filler else {})
    claim_specs = [(spec, c) for spec in specs for c in spec.claims]
    about = Claim.about.through
    about.objects.bulk_create(
        [
            about(claim_id=claim.pk, actor_id=actor_id)
            for claim, (_spec, c) in zip(claims, claim_specs, strict=True)
            for actor_id in c.about
        ],
        batch_size=BATCH * 4,
    )
    if filler:
        keys = [
            BlockingKey(claim_id=claim.pk, key=key)
            for claim, (spec, c) in zip(claims, claim_specs, strict=True)
            for key in blocking_keys(facts(claim.pk, claim.article_id, spec, c))
        ]
        BlockingKey.objects.bulk_create(keys, batch_size=BATCH * 4)
    return articles


def facts(claim_id: int, article_id: int, article: ArticleSpec, claim: ClaimSpec) -> ClaimFacts:
    """What ``blocking_keys`` reads of a claim, without reading it back."""
    return ClaimFacts(
        claim_id=claim_id,
        article_id=article_id,
        year=article.year,
        month=article.month,
        day=article.day,
        text=claim.text,
        about=frozenset(claim.about),
        count_key=claim.count.kind.key if claim.count else "",
    )


def fill(rng: random.Random, world: World, first: int, count: int, progress: bool) -> None:
    """Store ``count`` more filler articles, numbered from ``first``, a batch per transaction."""
    bar = tqdm(total=count, unit="article", disable=not progress, leave=False)
    with bar, bulk_loading():
        for start in range(first, first + count, BATCH):
            specs = draw_articles(rng, world, start, min(BATCH, first + count - start))
            with transaction.atomic():
                store_articles(world, specs, filler=True)
            bar.update(len(specs))


@contextmanager
def bulk_loading() -> Iterator[None]:
    """SQLite: a large page cache while loading, the default again for timing. PostgreSQL:
    fresh planner statistics afterwards, as autovacuum would gather after a bulk load."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            default = cursor.execute("PRAGMA cache_size").fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = -{FILL_CACHE_KB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if vendor == "sqlite":
                cursor.execute(f"PRAGMA cache_size = {default}")
            elif vendor == "postgresql":
                cursor.execute("ANALYZE")


# -- timing -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    queries: int
    candidates: int  # claims compared
    suggestions: int
    index_rows: int  # blocking-key rows under the keys the article looks up


def index_rows(article: Article) -> int:
    from articles.models import BlockingKey, Claim

    from .load import load_facts

    own = load_facts(Claim.objects.filter(article=article))
    keys = set().union(*(lookup_keys(f) for f in own))
    return BlockingKey.objects.filter(key__in=keys).count()


def time_one(world: World, spec: ArticleSpec) -> Timing:
    """Store a new article and time ``suggest_for_article`` on it, then roll both back."""
    from .suggest import suggest_for_article

    with transaction.atomic():
        article = store_articles(world, [spec], filler=False)[0]
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            done = suggest_for_article(article)
            seconds = time.perf_counter() - started
        rows = index_rows(article)
        transaction.set_rollback(True)
    queries = len(captured.captured_queries)
    return Timing(seconds, queries, done.candidates, done.suggestions, rows)


@dataclass(frozen=True, slots=True)
class SizeResult:
    articles: int
    claims: int
    keys: int
    month: str  # the busiest month, where the new articles are published
    month_articles: int
    fill_seconds: float  # to grow the database to this size
    timings: tuple[Timing, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(t.seconds for t in self.timings) * 1000

    @property
    def p90_ms(self) -> float:
        seconds = sorted(t.seconds for t in self.timings)
        return seconds[max(0, round(0.9 * len(seconds)) - 1)] * 1000

    def mean(self, name: str) -> float:
        return statistics.fmean(getattr(t, name) for t in self.timings)

    def __str__(self) -> str:
        return (
            f"{self.articles} articles ({self.claims} claims, {self.keys} blocking keys; "
            f"{self.month_articles} articles in {self.month}; filled in {self.fill_seconds:.0f} s)"
            f"\n  suggest_for_article, {len(self.timings)} new articles: "
            f"median {self.median_ms:.1f} ms, p90 {self.p90_ms:.1f} ms, "
            f"{self.mean('queries'):.0f} queries, {self.mean('candidates'):.0f} claims compared, "
            f"{self.mean('suggestions'):.0f} suggestions, "
            f"{self.mean('index_rows'):.0f} index rows under its keys"
        )


def measure(world: World, specs: Sequence[ArticleSpec], fill_seconds: float) -> SizeResult:
    """Time every spec but the first, which warms caches up."""
    from articles.models import Article, BlockingKey, Claim

    timings = tuple(time_one(world, spec) for spec in specs)[1:]
    month = specs[0]
    in_month = Article.objects.filter(published_year=month.year, published_month=month.month)
    return SizeResult(
        articles=Article.objects.count(),
        claims=Claim.objects.count(),
        keys=BlockingKey.objects.count(),
        month=f"{month.year}-{month.month:02d}",
        month_articles=in_month.count(),
        fill_seconds=fill_seconds,
        timings=timings,
    )


def run(
    sizes: Sequence[int],
    new: int = 20,
    seed: int = 1,
    months: int = YEARS * 12,
    progress: bool = False,
    report: Callable[[SizeResult], None] = print,
) -> list[SizeResult]:
    """Fill the current database to each size in turn and time ``new`` new articles at each."""
    rng = random.Random(seed)
    world = make_world(rng, months)
    specs: list[ArticleSpec] = []
    stored, results = 0, []
    for size in sorted(sizes):
        started = time.perf_counter()
        fill(rng, world, stored, size - stored, progress)
        fill_seconds, stored = time.perf_counter() - started, size
        # Drawn once, after the first fill: the same new articles at every size.
        specs = specs or new_articles(random.Random(seed + 1), world, new + 1)
        results.append(measure(world, specs, fill_seconds))
        report(results[-1])
    return results


def ratio(results: Sequence[SizeResult]) -> str:
    small, large = results[0], results[-1]
    times = large.median_ms / small.median_ms
    verdict = "met" if times < 3 else "NOT met"
    return (
        f"{large.articles / small.articles:.0f}x the articles "
        f"({small.articles} -> {large.articles}): {times:.2f}x the median time; "
        f"target under 3x: {verdict}"
    )


# -- the command ----------------------------------------------------------------------------


@contextmanager
def throwaway_database(url: str | None) -> Iterator[str]:
    """The given database, or a temporary SQLite file removed afterwards."""
    if url:
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="newsdb-bench-") as folder:
        yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}"


def start_django(url: str) -> None:
    """Set Django up on the database at ``url``, migrated and empty, and without DEBUG's query
    log (it would format every bulk insert)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdb.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.DEBUG = False
    call_command("migrate", verbosity=0)
    from articles.models import Article

    if Article.objects.exists():
        raise SystemExit(f"{connection.settings_dict['NAME']} is not empty: give an empty one")


def database_name() -> str:
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.pg_version, 10_000)
        return f"PostgreSQL {major}.{minor}"
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    return connection.vendor


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--new", type=int, default=20, help="new articles timed at each size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--months", type=int, default=YEARS * 12, help="months articles span")
    parser.add_argument("--database", help="URL of an empty database (default: temporary SQLite)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    with throwaway_database(args.database) as url:
        start_django(url)
        print(f"database: {database_name()}")
        results = run(args.articles, args.new, args.seed, args.months, progress=sys.stderr.isatty())
        if len(results) > 1:
            print(ratio(results))
        connection.close()


if __name__ == "__main__":
    main()
