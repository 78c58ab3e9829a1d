"""Writing one parsed and extracted article, in one transaction, with bulk operations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from articles.anchoring import TextQuote, find_quote, quote_at
from articles.bulk import insert_objects, insert_rows
from articles.crossref.suggest import suggest_for_articles_together
from articles.crossref.tallies import refresh_tallies
from articles.extraction.types import (
    ActorRef,
    Extraction,
    FoundClaim,
    FoundQuantity,
    FoundSource,
)
from articles.models import (
    Article,
    BlockingKey,
    Claim,
    CountCluster,
    LinkSuggestion,
    Mention,
    Origin,
    Segment,
    Source,
)
from articles.normalise import normalise_name
from articles.search import index_articles

from .parsed import ParsedArticle, SegmentKind
from .resolve import Resolver
from .titles import derive_title

# DecimalField(max_digits=20, decimal_places=3) holds values below 10**17.
_MAX_QUANTITY = Decimal(10) ** 17


@dataclass(frozen=True, slots=True)
class FileOrigin:
    """The publication an article was read from: a file in a corpus."""

    corpus: str
    file_name: str
    file_path: str
    checksum: str


@dataclass(slots=True)
class Stored:
    article: Article
    orphaned: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Kept:
    """What re-deriving a stored article carries over to its new claims."""

    spans: set[tuple[int, int]] = field(default_factory=set)  # held by editors' claims
    clusters: dict[tuple[str, str], int] = field(default_factory=dict)  # (text, count) → cluster

    @property
    def emptied(self) -> set[int]:
        """The clusters its derived claims left, to delete if no new claim rejoins them."""
        return set(self.clusters.values())


@dataclass(frozen=True, slots=True)
class ToStore:
    """One parsed and extracted article, ready to be written."""

    parsed: ParsedArticle
    extraction: Extraction
    origin: FileOrigin
    content_hash: str


def actor_refs(extraction: Extraction) -> list[ActorRef]:
    """Every actor the extraction refers to: mentioned, talked about, or behind a source."""
    refs = [mention.actor for mention in extraction.mentions]
    for claim in extraction.claims:
        refs.extend(claim.about)
        refs.extend(s.actor for s in (claim.source, claim.via) if s is not None and s.actor)
    return refs


def store_article(
    parsed: ParsedArticle,
    extraction: Extraction,
    *,
    origin: FileOrigin,
    content_hash: str,
    extractor_version: str,
    resolver: Resolver,
) -> Stored:
    item = ToStore(parsed, extraction, origin, content_hash)
    return store_articles([item], extractor_version=extractor_version, resolver=resolver)[0]


def store_articles(
    items: Sequence[ToStore],
    *,
    extractor_version: str,
    resolver: Resolver,
    cross_reference: bool = True,
) -> list[Stored]:
    """Write the articles (distinct external ids) in one transaction.

    New articles take a fixed number of queries however many there are; an article stored
    before has its derived rows replaced and its editors' work re-anchored. Their claims are
    cross-referenced in the same transaction, or with ``cross_reference=False`` marked
    ``crossref_pending`` for ``crossref.pending`` to do after the write.
    """
    with transaction.atomic():
        publications = _publication_sources([item.origin for item in items])
        actor_ids = resolver.actor_ids(r for item in items for r in actor_refs(item.extraction))
        sources = [s for item in items for s in _claim_sources(item.extraction)]
        source_ids = resolver.source_ids(sources, actor_ids)
        fields = [
            {
                **_article_fields(item, publications[_publication_key(item.origin)]),
                "extractor_version": extractor_version,
                "crossref_pending": not cross_reference,
            }
            for item in items
        ]
        stored, kept = _write_articles(items, fields)
        written = list(zip(items, (s.article for s in stored), strict=True))
        insert_rows(
            Segment,
            _SEGMENT_COLUMNS,
            [row for item, article in written for row in _segment_rows(article, item.parsed)],
        )
        _create_mentions(
            [(article, item.extraction) for item, article in written],
            actor_ids,
            editors_may_hold=bool(kept),
        )
        _create_claims(
            [
                (article, item.extraction.claims, kept.get(article.pk, Kept()))
                for item, article in written
            ],
            actor_ids,
            source_ids,
        )
        article_ids = [article.pk for _item, article in written]
        if cross_reference:
            suggest_for_articles_together(article_ids)
        left = {pk for k in kept.values() for pk in k.emptied}
        _drop_empty_clusters(left)
        refresh_tallies(left)  # the clusters its old claims left or its new ones rejoined
        index_articles(article_ids)
    return stored


def _write_articles(
    items: Sequence[ToStore], fields: list[dict]
) -> tuple[list[Stored], dict[int, set[tuple[int, int]]]]:
    """Create the new articles in bulk and update the others; the spans of kept claims."""
    ids = [item.parsed.external_id for item in items]
    existing = Article.objects.select_for_update().in_bulk(ids, field_name="external_id")
    new = [Article(**f) for f in fields if f["external_id"] not in existing]
    created = iter(_insert_articles(new))
    stored: list[Stored] = []
    kept: dict[int, Kept] = {}
    for item, article_fields in zip(items, fields, strict=True):
        article = existing.get(item.parsed.external_id)
        if article is None:
            stored.append(Stored(next(created)))
        else:
            done, kept[article.pk] = _replace_derived(article, item.parsed, article_fields)
            stored.append(done)
    return stored, kept


def _insert_articles(new: list[Article]) -> list[Article]:
    """``new`` written and given their ids. Faster than ``bulk_create``, whose SQL is compiled
    value by value; the ids are read back by the unique external id."""
    if not new:
        return new
    insert_objects(Article, new)
    ids = dict(
        Article.objects.filter(external_id__in=[a.external_id for a in new]).values_list(
            "external_id", "pk"
        )
    )
    for article in new:
        article.pk = ids[article.external_id]
        article._state.adding = False
    return new


def _claim_sources(extraction: Extraction) -> list[FoundSource]:
    return [s for c in extraction.claims for s in (c.source, c.via) if s is not None]


def _publication_key(origin: FileOrigin) -> str:
    return Source.key_for(origin.file_name, corpus=origin.corpus, is_file=True)


def _publication_sources(origins: Sequence[FileOrigin]) -> dict[str, Source]:
    """The publication source of each origin by key, created or brought up to date in bulk."""
    wanted = {_publication_key(origin): origin for origin in origins}
    found = Source.objects.in_bulk(list(wanted), field_name="key")
    insert_objects(
        Source,
        [_new_publication(key, wanted[key]) for key in sorted(wanted) if key not in found],
        ignore_conflicts=True,
    )
    if len(found) < len(wanted):
        found = Source.objects.in_bulk(list(wanted), field_name="key")
    moved = []
    for key, source in found.items():
        origin = wanted[key]
        if (source.checksum, source.file_path) != (origin.checksum, origin.file_path):
            source.checksum, source.file_path = origin.checksum, origin.file_path
            source.updated_at = timezone.now()
            moved.append(source)
    Source.objects.bulk_update(moved, ["checksum", "file_path", "updated_at"])
    return found


def _new_publication(key: str, origin: FileOrigin) -> Source:
    return Source(
        name=origin.file_name,
        key=key,
        kind=Source.Kind.PUBLICATION,
        corpus=origin.corpus,
        file_path=origin.file_path,
        checksum=origin.checksum,
    )


def _article_fields(item: ToStore, publication: Source) -> dict:
    parsed = item.parsed
    lead = next((s for s in parsed.segments if s.kind == SegmentKind.LEAD), None)
    title_from = parsed.segment_text(lead) if lead else parsed.text
    return {
        "external_id": parsed.external_id,
        "source": publication,
        "title": derive_title(title_from) or parsed.external_id,
        "text": parsed.text,
        "language": parsed.language,
        "published_year": parsed.date.year,
        "published_month": parsed.date.month,
        "published_day": parsed.date.day,
        "content_hash": item.content_hash,
    }


def _replace_derived(article: Article, parsed: ParsedArticle, fields: dict) -> tuple[Stored, Kept]:
    """Drop what extraction made, keep editor work and re-anchor it in the new text."""
    old_text = article.text
    kept_claims = list(article.claims.editor_work())
    kept_mentions = list(article.mentions.filter(origin=Origin.EDITOR))
    derived = article.claims.exclude(pk__in=[c.pk for c in kept_claims])
    kept = Kept(clusters=_clusters_by_quote(derived))
    _delete_derived_claims(derived)
    article.mentions.exclude(origin=Origin.EDITOR).delete()
    article.segments.all().delete()
    if not article.title_is_derived:
        fields = {**fields, "title": article.title}
    for name, value in fields.items():
        setattr(article, name, value)
    article.save()
    stored = Stored(article)
    _reanchor_claims(kept_claims, article, old_text, stored)
    _reanchor_mentions(kept_mentions, old_text, parsed.text, stored)
    kept.spans = {(c.start, c.end) for c in kept_claims if not c.is_orphaned}
    return stored, kept


def _clusters_by_quote(claims: QuerySet[Claim]) -> dict[tuple[str, str], int]:
    """The count cluster of each clustered claim, by its text and count: a claim derived again
    with the same words rejoins its cluster, whose house figure and history stay."""
    rows = claims.exclude(cluster=None).values_list("text", "quantity_key", "cluster_id")
    return {(text, key): cluster_id for text, key, cluster_id in rows}


def _delete_derived_claims(claims: QuerySet[Claim]) -> None:
    """Delete what the extractor made, in two statements and without history.

    ``QuerySet.delete()`` would load every claim and send a signal per row, so that the history
    records one deletion per extractor claim: noise for editors and queries per claim. Derived
    claims carry no editor work (no notes, links or review), only their "about" rows; any other
    row that still pointed at them would make the database refuse the delete. Their blocking
    keys and pending suggestions go with them; the count clusters they leave empty go once the
    new claims are in (``_drop_empty_clusters``).
    """
    Claim.about.through.objects.filter(claim__in=claims).delete()
    BlockingKey.objects.filter(claim__in=claims).delete()
    pending = Q(from_claim__in=claims) | Q(to_claim__in=claims)
    LinkSuggestion.objects.filter(pending, status=LinkSuggestion.Status.PENDING).delete()
    claims._raw_delete(claims.db)


def _drop_empty_clusters(cluster_ids: set[int]) -> None:
    """Delete these clusters where no claim is left in them, unless an editor recorded a house
    figure."""
    if cluster_ids:
        CountCluster.objects.filter(pk__in=cluster_ids, claims=None, house_claim=None).filter(
            house_value=None, house_wording=""
        ).delete()


def _reanchor_claims(claims: list[Claim], article: Article, old_text: str, stored: Stored) -> None:
    for claim in claims:
        quote = TextQuote(
            claim.text, claim.prefix, claim.suffix, claim.start / max(1, len(old_text))
        )
        found = find_quote(article.text, quote)
        claim.is_orphaned = found is None
        if found is None:
            stored.orphaned.append(f"claim #{claim.pk}: {claim}")
            continue
        claim.article = article  # the updated article in memory: no query
        claim.start, claim.end = found
        claim.anchor()
    Claim.objects.bulk_update(claims, ["start", "end", "prefix", "suffix", "is_orphaned"])


def _reanchor_mentions(
    mentions: list[Mention], old_text: str, new_text: str, stored: Stored
) -> None:
    for mention in mentions:
        found = (
            None
            if mention.is_orphaned
            else find_quote(new_text, quote_at(old_text, mention.start, mention.end))
        )
        mention.is_orphaned = found is None
        if found is None:
            stored.orphaned.append(f"mention #{mention.pk}: {mention.text}")
            continue
        mention.start, mention.end = found
    Mention.objects.bulk_update(mentions, ["start", "end", "is_orphaned"])


_SEGMENT_COLUMNS = ("article_id", "position", "kind", "start", "end", "credit_start")


def _segment_rows(article: Article, parsed: ParsedArticle) -> list[tuple]:
    return [
        (article.pk, position, segment.kind.value, segment.start, segment.end, segment.credit_start)
        for position, segment in enumerate(parsed.segments)
    ]


_MENTION_COLUMNS = ("article_id", "actor_id", "start", "end", "text", "origin")


def _create_mentions(
    extracted: list[tuple[Article, Extraction]],
    actor_ids: dict[str, int],
    *,
    editors_may_hold: bool,
) -> None:
    rows = {}
    for article, extraction in extracted:
        for m in extraction.mentions:
            actor_id = actor_ids[normalise_name(m.actor.name)]
            rows[article.pk, actor_id, m.start, m.end] = m.text[:500]
    # An editor's mention of the same actor at the same place (only an article stored before
    # can have one) wins over the extractor's.
    insert_rows(
        Mention,
        _MENTION_COLUMNS,
        [(*place, text, Origin.EXTRACTOR) for place, text in rows.items()],
        ignore_conflicts=editors_may_hold,
    )


def _create_claims(
    found: list[tuple[Article, list[FoundClaim], Kept]],
    actor_ids: dict[str, int],
    source_ids: dict[str, int],
) -> None:
    """Create the claims, except where an editor's claim already holds the span."""
    fresh = [
        (article, claim, kept)
        for article, claims, kept in found
        for claim in claims
        if (claim.start, claim.end) not in kept.spans
    ]
    claims = [_claim(a, c, source_ids) for a, c, _kept in fresh]
    for claim, (_article, _found, kept) in zip(claims, fresh, strict=True):
        claim.cluster_id = kept.clusters.get((claim.text, claim.quantity_key))
    insert_objects(Claim, claims)
    _read_back_ids(claims)
    about = {
        (claim.pk, actor_ids[normalise_name(ref.name)])
        for claim, (_article, found_claim, _kept) in zip(claims, fresh, strict=True)
        for ref in found_claim.about
    }
    insert_rows(Claim.about.through, ("claim_id", "actor_id"), sorted(about))


def _read_back_ids(claims: list[Claim]) -> None:
    """Set the ids of claims just written: extractor claims are unique per article and span.

    Selected by article alone, the rest sorted out here: given ``origin`` too, SQLite without
    statistics walks the index on ``origin``, every extractor claim of the archive, for each
    batch (at 100,000 articles, half of the ingest's time).
    """
    article_ids = {claim.article_id for claim in claims}
    rows = Claim.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "start", "end", "pk", "origin", "is_orphaned"
    )
    ids = {
        (article_id, start, end): pk
        for article_id, start, end, pk, origin, orphaned in rows
        if origin == Origin.EXTRACTOR and not orphaned
    }
    for claim in claims:
        claim.pk = ids[claim.article_id, claim.start, claim.end]


def _claim(article: Article, found: FoundClaim, source_ids: dict[str, int]) -> Claim:
    claim = Claim(
        article=article,
        start=found.start,
        end=found.end,
        source_id=source_ids.get(Source.key_for(found.source.name)) if found.source else None,
        via_id=source_ids.get(Source.key_for(found.via.name)) if found.via else None,
        hedged=found.hedged,
        direct_quote=found.direct_quote or "",
        origin=Origin.EXTRACTOR,
    )
    claim.anchor()
    if found.quantity is not None and _storable(found.quantity):
        q = found.quantity
        claim.quantity_value, claim.quantity_min, claim.quantity_max = q.value, q.minimum, q.maximum
        claim.quantity_qualifier = q.qualifier or Claim.Qualifier.EXACT
        claim.quantity_what = q.what[:300]
        claim.quantity_key = q.what_key[:300]
    return claim


def _storable(quantity: FoundQuantity) -> bool:
    numbers = [n for n in (quantity.value, quantity.minimum, quantity.maximum) if n is not None]
    ordered = (
        quantity.minimum is None
        or quantity.maximum is None
        or (quantity.minimum <= quantity.maximum)
    )
    return bool(numbers) and ordered and all(abs(n) < _MAX_QUANTITY for n in numbers)
