"""Writing one parsed and extracted article, in one transaction, with bulk operations."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet

from articles.anchoring import TextQuote, find_quote, quote_at
from articles.crossref.suggest import suggest_for_article
from articles.extraction.types import ActorRef, Extraction, FoundClaim, FoundQuantity
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
from articles.search import index_article

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
    with transaction.atomic():
        publication = _publication_source(origin)
        actor_ids = resolver.actor_ids(actor_refs(extraction))
        sources = [s for c in extraction.claims for s in (c.source, c.via) if s is not None]
        source_ids = resolver.source_ids(sources, actor_ids)
        article = Article.objects.select_for_update().filter(external_id=parsed.external_id).first()
        fields = _article_fields(parsed, publication, content_hash, extractor_version)
        if article is None:
            article = Article.objects.create(**fields)
            stored = Stored(article)
            kept_claim_spans: set[tuple[int, int]] = set()
        else:
            stored, kept_claim_spans = _replace_derived(article, parsed, fields)
        Segment.objects.bulk_create(_segments(article, parsed))
        _create_mentions(article, extraction, actor_ids)
        _create_claims(article, extraction.claims, actor_ids, source_ids, kept_claim_spans)
        suggest_for_article(article)
        index_article(article)
    return stored


def _publication_source(origin: FileOrigin) -> Source:
    key = Source.key_for(origin.file_name, corpus=origin.corpus, is_file=True)
    source = Source.objects.filter(key=key).first()
    if source is None:
        return Source.objects.create(
            name=origin.file_name,
            kind=Source.Kind.PUBLICATION,
            corpus=origin.corpus,
            file_path=origin.file_path,
            checksum=origin.checksum,
        )
    if (source.checksum, source.file_path) != (origin.checksum, origin.file_path):
        source.checksum, source.file_path = origin.checksum, origin.file_path
        source.save(update_fields=["checksum", "file_path", "updated_at"])
    return source


def _article_fields(
    parsed: ParsedArticle, publication: Source, content_hash: str, extractor_version: str
) -> dict:
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
        "content_hash": content_hash,
        "extractor_version": extractor_version,
    }


def _replace_derived(
    article: Article, parsed: ParsedArticle, fields: dict
) -> tuple[Stored, set[tuple[int, int]]]:
    """Drop what extraction made, keep editor work and re-anchor it in the new text."""
    old_text = article.text
    kept_claims = list(article.claims.editor_work())
    kept_mentions = list(article.mentions.filter(origin=Origin.EDITOR))
    _delete_derived_claims(article.claims.exclude(pk__in=[c.pk for c in kept_claims]))
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
    spans = {(c.start, c.end) for c in kept_claims if not c.is_orphaned}
    return stored, spans


def _delete_derived_claims(claims: QuerySet[Claim]) -> None:
    """Delete what the extractor made, in two statements and without history.

    ``QuerySet.delete()`` would load every claim and send a signal per row, so that the history
    records one deletion per extractor claim: noise for editors and queries per claim. Derived
    claims carry no editor work (no notes, links or review), only their "about" rows; any other
    row that still pointed at them would make the database refuse the delete. Their blocking
    keys and pending suggestions go with them; a count cluster left empty goes too, unless an
    editor recorded its house figure.
    """
    clusters = set(claims.exclude(cluster=None).values_list("cluster_id", flat=True))
    Claim.about.through.objects.filter(claim__in=claims).delete()
    BlockingKey.objects.filter(claim__in=claims).delete()
    pending = Q(from_claim__in=claims) | Q(to_claim__in=claims)
    LinkSuggestion.objects.filter(pending, status=LinkSuggestion.Status.PENDING).delete()
    claims._raw_delete(claims.db)
    if clusters:
        CountCluster.objects.filter(pk__in=clusters, claims=None, house_claim=None).filter(
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


def _segments(article: Article, parsed: ParsedArticle) -> list[Segment]:
    return [
        Segment(
            article=article,
            position=position,
            kind=segment.kind.value,
            start=segment.start,
            end=segment.end,
            credit_start=segment.credit_start,
        )
        for position, segment in enumerate(parsed.segments)
    ]


def _create_mentions(article: Article, extraction: Extraction, actor_ids: dict[str, int]) -> None:
    mentions = {
        (actor_ids[normalise_name(m.actor.name)], m.start, m.end): Mention(
            article=article,
            actor_id=actor_ids[normalise_name(m.actor.name)],
            start=m.start,
            end=m.end,
            text=m.text[:500],
            origin=Origin.EXTRACTOR,
        )
        for m in extraction.mentions
    }
    # An editor's mention of the same actor at the same place wins over the extractor's.
    Mention.objects.bulk_create(mentions.values(), ignore_conflicts=True)


def _create_claims(
    article: Article,
    found: list[FoundClaim],
    actor_ids: dict[str, int],
    source_ids: dict[str, int],
    taken: set[tuple[int, int]],
) -> None:
    fresh = [c for c in found if (c.start, c.end) not in taken]
    claims = Claim.objects.bulk_create([_claim(article, c, source_ids) for c in fresh])
    about = Claim.about.through
    about.objects.bulk_create(
        {
            (claim.pk, actor_ids[normalise_name(ref.name)]): about(
                claim_id=claim.pk, actor_id=actor_ids[normalise_name(ref.name)]
            )
            for claim, found_claim in zip(claims, fresh, strict=True)
            for ref in found_claim.about
        }.values()
    )


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
