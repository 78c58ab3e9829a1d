"""JSON-LD exports of claims: schema.org ClaimReview and W3C Web Annotations.

Each view makes a constant number of queries, however many claims an article has.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views import View

from articles.exports import (
    ANNOTATION_CONTENT_TYPE,
    CLAIMREVIEW_CONTENT_TYPE,
    annotation,
    article_annotations,
    claim_review,
)
from articles.models import Article, Claim
from articles.views.access import ReaderRequiredMixin

JSON_PARAMS = {"ensure_ascii": False}


def _json(data: dict, content_type: str) -> JsonResponse:
    return JsonResponse(data, content_type=content_type, json_dumps_params=JSON_PARAMS)


class ClaimJsonLdView(ReaderRequiredMixin, View):
    def get(self, request, pk: int):
        claim = get_object_or_404(Claim.objects.select_related("article__source", "source"), pk=pk)
        return _json(claim_review(claim, request), CLAIMREVIEW_CONTENT_TYPE)


class ClaimAnnotationView(ReaderRequiredMixin, View):
    def get(self, request, pk: int):
        claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
        return _json(annotation(claim, request), ANNOTATION_CONTENT_TYPE)


class ArticleAnnotationsView(ReaderRequiredMixin, View):
    def get(self, request, pk: int):
        article = get_object_or_404(Article, pk=pk)
        claims = article.claims.order_by("start", "end", "pk")
        return _json(article_annotations(article, claims, request), ANNOTATION_CONTENT_TYPE)
