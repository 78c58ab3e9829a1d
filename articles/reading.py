"""What the reading pages show, as plain functions of typed arguments: the views stay thin.

Every function here costs a fixed number of queries, whatever the number of claims,
mentions or links it reads. Article text is data: it only reaches a page through
``articles.highlight``, which escapes every piece of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from articles.crossref.clusters import ClusterView, cluster_views
from articles.crossref.load import facts_of
from articles.crossref.reconcile import figure_label, format_partial_date
from articles.crossref.score import report_of
from articles.figures import claim_figure
from articles.highlight import Mark, claim_and_mention_marks, highlight
from articles.models import (
    Actor,
    Article,
    Claim,
    ClaimLink,
    CountCluster,
    LinkSuggestion,
    Mention,
    Note,
    Segment,
    Source,
)
from articles.queries.conflicts import (
    ConflictFilters,
    conflict_views,
    conservative_label,
    house_label,
    range_label,
)

OVERVIEW_ARTICLES = 8
OVERVIEW_CONFLICTS = 3
OVERVIEW_SOURCES = 10
ACTOR_LIST_LIMIT = 100
CO_ACTORS = 10
TALLIES_CACHE_KEY = "newsdb:overview-tallies"

# --- overview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tallies:
    """What the overview counts over the whole archive, and when it was counted."""

    counts: dict[str, int]
    sources: list[Source]  # the most cited, each with ``cited``
    counted_at: datetime


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    latest: list[Article]
    conflicts: list[ConflictCluster]
    sources: list[Source]
    counted_at: datetime


def overview() -> Overview:
    tallies = overview_tallies()
    latest = list(article_list(ArticleFilters())[:OVERVIEW_ARTICLES])
    conflicts = conflict_clusters(limit=OVERVIEW_CONFLICTS)
    return Overview(tallies.counts, latest, conflicts, tallies.sources, tallies.counted_at)


def overview_tallies() -> Tallies:
    """The archive's counts and most cited sources, from the cache when counted recently.

    Counting every claim and citation takes seconds in an archive of 100,000 articles, and the
    figures move slowly: they are counted at most once per ``NEWSDB_TALLIES_SECONDS`` in
    Django's default cache. That is each process's memory unless a shared cache is configured
    (``CACHES``); an ingest forgets the counts in its own process's cache, so with a shared one
    the next page counts again everywhere, and otherwise within the timeout.
    """
    return cache.get_or_set(TALLIES_CACHE_KEY, _count_tallies, settings.NEWSDB_TALLIES_SECONDS)


def forget_tallies() -> None:
    cache.delete(TALLIES_CACHE_KEY)


def _count_tallies() -> Tallies:
    counts = {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "actors": Actor.objects.count(),
        "sources": Source.objects.count(),
        "conflicts": CountCluster.objects.disagreeing().count(),
        "suggestions": LinkSuggestion.objects.filter(status=LinkSuggestion.Status.PENDING).count(),
    }
    sources = list(
        Source.objects.annotate(cited=Count("claims", distinct=True))
        .filter(cited__gt=0)
        .order_by("-cited", "name")[:OVERVIEW_SOURCES]
    )
    return Tallies(counts, sources, timezone.now())


# --- article list --------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFilters:
    year: int | None = None
    month: int | None = None
    actor_id: int | None = None
    source_id: int | None = None  # the publication, or the source of one of its claims


def article_list(filters: ArticleFilters) -> QuerySet[Article]:
    """Articles newest first, each with its ``claim_count``; never their whole text."""
    articles = Article.objects.select_related("source").defer("text")
    if filters.year is not None:
        articles = articles.filter(published_year=filters.year)
    if filters.month is not None:
        articles = articles.filter(published_month=filters.month)
    if filters.actor_id is not None:
        mentioned = Mention.objects.filter(actor_id=filters.actor_id).values("article_id")
        articles = articles.filter(pk__in=mentioned)
    if filters.source_id is not None:
        cited = Claim.objects.filter(
            Q(source_id=filters.source_id) | Q(via_id=filters.source_id)
        ).values("article_id")
        articles = articles.filter(Q(source_id=filters.source_id) | Q(pk__in=cited))
    # A correlated count is worked out for the rows of the page only; a join with GROUP BY
    # would count the claims of every article before the page is cut.
    claims = Claim.objects.filter(article=OuterRef("pk")).order_by().values("article")
    claim_count = Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0)
    return articles.annotate(claim_count=claim_count).order_by(*Article._meta.ordering)


def filter_names(filters: ArticleFilters) -> dict[str, str]:
    """The names of the actor and source filtered on, for the page to say what it shows."""
    names = {}
    if filters.actor_id is not None:
        actor = Actor.objects.filter(pk=filters.actor_id).only("name").first()
        names["actor"] = actor.name if actor else f"#{filters.actor_id}"
    if filters.source_id is not None:
        source = Source.objects.filter(pk=filters.source_id).only("name").first()
        names["source"] = source.name if source else f"#{filters.source_id}"
    return names


# --- article page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One segment of an article, its text escaped and marked up."""

    kind: str
    html: SafeString
    credit: SafeString | None = None


@dataclass(frozen=True)
class ArticlePage:
    article: Article
    blocks: list[Block]
    claims: list[Claim]
    notes: list[Note]


def claim_title(claim: Claim) -> str:
    source = claim.source.name if claim.source else _("the article itself")
    if claim.via:
        source = _("%(source)s via %(via)s") % {"source": source, "via": claim.via.name}
    return f"{source} · {claim.get_status_display()}"


def article_page(pk: int) -> ArticlePage:
    article = Article.objects.select_related("source").get(pk=pk)
    claims = list(
        article.claims.filter(is_orphaned=False)
        .select_related("source", "via")
        .order_by("start", "pk")
    )
    mentions = article.mentions.filter(is_orphaned=False).select_related("actor")
    marks = claim_and_mention_marks(
        claims,
        mentions,
        claim_url=lambda pk: reverse("articles:claim", args=[pk]),
        actor_url=lambda pk: reverse("articles:actor", args=[pk]),
        claim_title=claim_title,
    )
    segments = list(article.segments.order_by("position"))
    blocks = [_block(article.text, segment, marks) for segment in segments]
    if not blocks:  # an article without structure: its text as one paragraph
        blocks = [Block(Segment.Kind.PARAGRAPH, _marked(article.text, 0, len(article.text), marks))]
    notes = list(article.notes.select_related("author"))
    return ArticlePage(article, blocks, claims, notes)


def _block(text: str, segment: Segment, marks: list[Mark]) -> Block:
    if segment.kind == Segment.Kind.PULL_QUOTE and segment.credit_start is not None:
        return Block(
            segment.kind,
            _marked(text, segment.start, segment.credit_start, marks),
            _marked(text, segment.credit_start, segment.end, marks),
        )
    return Block(segment.kind, _marked(text, segment.start, segment.end, marks))


def _marked(text: str, start: int, end: int, marks: list[Mark]) -> SafeString:
    """``text[start:end]`` without its surrounding blanks, with the marks that fall in it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inside = [
        Mark(max(m.start, start) - start, min(m.end, end) - start, m.url, m.title, m.css)
        for m in marks
        if m.start < end and m.end > start
    ]
    return highlight(text[start:end], inside)


# --- claim page ----------------------------------------------------------------------------

_SYMMETRIC = {"conflicts", "corroborates", "related", "duplicates"}


@dataclass(frozen=True)
class Related:
    """Another claim linked (or suggested) to the one on the page."""

    relation: str
    label: str
    claim: Claim
    note: str = ""
    score: float | None = None


@dataclass(frozen=True)
class RelationGroup:
    label: str
    items: list[Related] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimPage:
    claim: Claim
    context: SafeString
    figure: str
    about: list[Actor]
    notes: list[Note]
    groups: list[RelationGroup]
    suggestions: list[Related]
    cluster: ConflictCluster | None


def _relation_label(relation: str, outgoing: bool) -> str:
    if outgoing or relation in _SYMMETRIC:
        return str(ClaimLink.Relation(relation).label)
    return _("updated by")


def _other_claims(prefix: str) -> tuple[str, ...]:
    return (f"{prefix}__article__source", f"{prefix}__source", f"{prefix}__via")


def claim_page(pk: int) -> ClaimPage:
    claim = (
        Claim.objects.select_related("article__source", "source", "via", "cluster")
        .prefetch_related(
            Prefetch("about", queryset=Actor.objects.only("id", "name", "kind")),
            Prefetch("notes", queryset=Note.objects.select_related("author")),
        )
        .get(pk=pk)
    )
    article = claim.article
    segment = (
        article.segments.filter(start__lte=claim.start, end__gte=claim.end)
        .order_by("position")
        .first()
    )
    start, end = (segment.start, segment.end) if segment else (claim.start, claim.end)
    if segment is None or claim.is_orphaned:
        context = format_html("…{}<mark>{}</mark>{}…", claim.prefix, claim.text, claim.suffix)
    else:
        mark = Mark(claim.start, claim.end, "#claim", "", "claim")
        context = _marked(article.text, start, end, [mark])

    defer = ("from_claim__article__text", "to_claim__article__text")
    links = (
        ClaimLink.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
        .select_related(*_other_claims("from_claim"), *_other_claims("to_claim"))
        .defer(*defer)
        .order_by("relation", "pk")
    )
    groups: dict[str, RelationGroup] = {}
    for link in links:
        outgoing = link.from_claim_id == claim.pk
        other = link.to_claim if outgoing else link.from_claim
        label = _relation_label(link.relation, outgoing)
        groups.setdefault(label, RelationGroup(label)).items.append(
            Related(link.relation, label, other, link.note)
        )
    pending = (
        LinkSuggestion.objects.filter(
            Q(from_claim=claim) | Q(to_claim=claim), status=LinkSuggestion.Status.PENDING
        )
        .select_related(*_other_claims("from_claim"), *_other_claims("to_claim"))
        .defer(*defer)
    )
    suggestions = []
    for suggestion in pending:
        outgoing = suggestion.from_claim_id == claim.pk
        other = suggestion.to_claim if outgoing else suggestion.from_claim
        label = _relation_label(suggestion.relation, outgoing)
        suggestions.append(
            Related(suggestion.relation, label, other, suggestion.reason, suggestion.score)
        )
    cluster = None
    if claim.cluster_id is not None:
        found = conflict_clusters(CountCluster.objects.filter(pk=claim.cluster_id))
        cluster = found[0] if found else None
    return ClaimPage(
        claim,
        context,
        claim_figure(claim),
        list(claim.about.all()),
        list(claim.notes.all()),
        list(groups.values()),
        suggestions,
        cluster,
    )


# --- actor page ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorPage:
    actor: Actor
    aliases: list[str]
    claims_by: list[Claim]
    claims_about: list[Claim]
    articles: list[Article]
    co_actors: list[Actor]


def _claims(claims: QuerySet[Claim]) -> list[Claim]:
    return list(
        claims.select_related("article", "source", "via")
        .defer("article__text")
        .order_by("-article__published_year", "-article__published_month", "article_id", "start")[
            :ACTOR_LIST_LIMIT
        ]
    )


def _claims_about(actor: Actor) -> QuerySet[Claim]:
    """The claims about the actor in the newest articles that have any: sorting every claim
    about an actor in a third of the archive took longer than the rest of the page."""
    about = Claim.about.through.objects.filter(actor=actor, claim__article=OuterRef("pk"))
    newest = Article.objects.filter(Exists(about)).order_by(*Article._meta.ordering)
    return Claim.objects.filter(about=actor, article__in=newest.values("pk")[:ACTOR_LIST_LIMIT])


def actor_page(pk: int) -> ActorPage:
    actor = Actor.objects.select_related("country").get(pk=pk)
    aliases = list(actor.aliases.values_list("name", flat=True))
    # Each side of the OR walks an index of its own; through the joins it scanned every claim.
    sources = Source.objects.filter(actor=actor).values("pk")
    claims_by = _claims(Claim.objects.filter(Q(source__in=sources) | Q(via__in=sources)))
    claims_about = _claims(_claims_about(actor))
    articles = list(
        Article.objects.mentioning(actor)
        .select_related("source")
        .defer("text")
        .order_by(*Article._meta.ordering)[:ACTOR_LIST_LIMIT]
    )
    # Co-actors of the articles listed (the newest): the same answer as over every article for
    # most actors, and a page that stays fast for one mentioned in tens of thousands.
    shared = [article.pk for article in articles]
    co_actors = list(
        Actor.objects.filter(mentions__article__in=shared)
        .exclude(pk=actor.pk)
        .annotate(shared=Count("mentions__article", distinct=True))
        .order_by("-shared", "name")[:CO_ACTORS]
    )
    return ActorPage(actor, aliases, claims_by, claims_about, articles, co_actors)


# --- conflicts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportRow:
    claim: Claim
    figure: str
    source: str
    outlet: str
    date: str
    rank: str
    superseded: bool


@dataclass(frozen=True)
class ConflictCluster:
    cluster: CountCluster
    rows: list[ReportRow]
    range: str  # low–best–high
    conservative: str
    consistent: bool
    independent_sources: int
    house: str
    disagrees: bool


def _conflict_cluster(view: ClusterView) -> ConflictCluster:
    r = view.reconciliation
    superseded = {report.claim_id for report in r.superseded}
    rows = []
    for claim in view.claims:
        report = report_of(facts_of(claim))
        rows.append(
            ReportRow(
                claim,
                figure_label(report),
                report.source or report.outlet,
                report.outlet,
                format_partial_date(report.published) or "",
                str(view.ranks[claim.pk].label),
                claim.pk in superseded,
            )
        )
    return ConflictCluster(
        view.cluster,
        rows,
        range_label(view),
        conservative_label(view),
        r.consistent,
        r.independent_sources,
        house_label(view),
        view.disagrees,
    )


def conflict_clusters(
    clusters: QuerySet[CountCluster] | None = None, *, limit: int = 0
) -> list[ConflictCluster]:
    """Every cluster whose reports disagree (newest first), or the clusters given."""
    views = (
        cluster_views(clusters)
        if clusters is not None
        else conflict_views(ConflictFilters(limit=limit))
    )
    return [_conflict_cluster(view) for view in views]


def disagreeing_clusters(cluster: int | None = None) -> QuerySet[CountCluster]:
    """Clusters with reports that disagree, newest first (or just the one asked for): what the
    conflicts page pages through."""
    clusters = CountCluster.objects.disagreeing().order_by("-pk")
    return clusters.filter(pk=cluster) if cluster is not None else clusters
