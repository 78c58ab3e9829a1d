"""W3C Web Annotation (https://www.w3.org/TR/annotation-model/) of a claim: a highlight of
its span in the article, or an assessment once it has been reviewed."""

from __future__ import annotations

from articles.anchoring import quote_at
from articles.models import Article, Claim

from .claimreview import url_for

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATION_CONTENT_TYPE = f'application/ld+json; profile="{ANNO_CONTEXT}"'


def annotation(claim: Claim, request=None) -> dict:
    """The claim as an Annotation on its article (select_related ``article``)."""
    return {"@context": ANNO_CONTEXT, **_annotation(claim, request)}


def article_annotations(article: Article, claims, request=None) -> dict:
    """All the claims of an article as one AnnotationCollection of a single embedded page."""
    url = url_for("articles:article-annotations", article.pk, request)
    items = [_annotation(claim, request, article=article) for claim in claims]
    return {
        "@context": ANNO_CONTEXT,
        "id": url,
        "type": "AnnotationCollection",
        "label": article.title,
        "total": len(items),
        "first": {
            "id": f"{url}#page1",
            "type": "AnnotationPage",
            "partOf": url,
            "startIndex": 0,
            "items": items,
        },
    }


def _annotation(claim: Claim, request, *, article: Article | None = None) -> dict:
    article = article or claim.article
    reviewed = claim.status != Claim.Status.UNREVIEWED
    if claim.is_orphaned:
        # The span is stale (the text changed and the quote was not found again): only the
        # saved quote still says what was meant.
        exact, prefix, suffix = claim.text, claim.prefix, claim.suffix
    else:
        quote = quote_at(article.text, claim.start, claim.end)
        exact, prefix, suffix = quote.exact, quote.prefix, quote.suffix
    selectors: list[dict] = [
        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    ]
    if not claim.is_orphaned:
        # The model counts positions in Unicode code points, as Python's str indices do (an
        # emoji or „ is one), so claim.start/end are the right offsets here as they are.
        selectors.append({"type": "TextPositionSelector", "start": claim.start, "end": claim.end})
    result = {
        "id": url_for("articles:claim-annotation", claim.pk, request),
        "type": "Annotation",
        "motivation": "assessing" if reviewed else "highlighting",
        "created": claim.created_at.isoformat(),
        "modified": claim.updated_at.isoformat(),
        "target": {
            "source": url_for("articles:article", article.pk, request),
            "selector": selectors,
        },
    }
    if reviewed:
        result["body"] = {
            "type": "TextualBody",
            "purpose": "assessing",
            "value": claim.status,
            "format": "text/plain",
            "language": "en",
        }
    return result
