"""Claims in standard formats: schema.org ClaimReview and W3C Web Annotation (JSON-LD)."""

from .annotation import ANNOTATION_CONTENT_TYPE, annotation, article_annotations
from .claimreview import CLAIMREVIEW_CONTENT_TYPE, RATINGS, claim_review

__all__ = [
    "ANNOTATION_CONTENT_TYPE",
    "CLAIMREVIEW_CONTENT_TYPE",
    "RATINGS",
    "annotation",
    "article_annotations",
    "claim_review",
]
