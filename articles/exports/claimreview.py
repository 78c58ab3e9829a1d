"""schema.org ClaimReview (https://schema.org/ClaimReview) for a reviewed claim, and a plain
schema.org Claim for one not reviewed yet. Pure: reads the claim, its article and their
sources (select_related ``article__source`` and ``source``), writes nothing."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from articles.models import Claim, Source

CLAIMREVIEW_CONTENT_TYPE = "application/ld+json"
SCHEMA = "https://schema.org"
ORGANISATION = {"@type": "Organization", "name": "newsdb"}

# The review status as a rating on schema.org's 1..5 scale (worst 1, best 5). The status
# itself travels as the rating's ``alternateName``, the field fact-checkers read.
#   verified      5  checked and true
#   unverifiable  3  checked, but it cannot be confirmed or refuted
#   disputed      2  checked, contradicted by other sources
#   false         1  checked and false
RATINGS: dict[str, int] = {
    Claim.Status.VERIFIED: 5,
    Claim.Status.UNVERIFIABLE: 3,
    Claim.Status.DISPUTED: 2,
    Claim.Status.FALSE: 1,
}
BEST_RATING, WORST_RATING = 5, 1


def url_for(name: str, pk: int, request=None) -> str:
    """Absolute when a request is given, else the site-relative path."""
    path = reverse(name, kwargs={"pk": pk})
    return request.build_absolute_uri(path) if request is not None else path


def claim_review(claim: Claim, request=None) -> dict:
    """A ClaimReview of a reviewed claim; a schema.org Claim when it is still unreviewed."""
    if claim.status == Claim.Status.UNREVIEWED:
        return {"@context": SCHEMA, **_claim(claim, request)}
    return {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "url": url_for("articles:claim", claim.pk, request),
        "claimReviewed": claim.text,
        "datePublished": timezone.localtime(claim.reviewed_at).date().isoformat(),
        "author": dict(ORGANISATION),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[claim.status],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": claim.status,
        },
        "itemReviewed": _claim(claim, request),
    }


def _claim(claim: Claim, request) -> dict:
    article = claim.article
    published = str(article.published)  # at its real precision: 2020, 2020-02 or 2020-02-27
    return {
        "@type": "Claim",
        "text": claim.text,
        "author": _party(claim.source or article.source, request),
        "datePublished": published,
        "appearance": {
            "@type": "NewsArticle",
            "url": url_for("articles:article", article.pk, request),
            "headline": article.title,
            "datePublished": published,
            "publisher": _party(article.source, request),
        },
    }


def _party(source: Source, request) -> dict:
    """Who said it: a Person for a person, else an Organization (agency, ministry, outlet)."""
    party = {
        "@type": "Person" if source.kind == Source.Kind.PERSON else "Organization",
        "name": source.name,
    }
    if source.actor_id is not None:
        party["url"] = url_for("articles:actor", source.actor_id, request)
    return party
