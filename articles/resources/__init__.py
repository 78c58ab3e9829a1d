"""django-import-export resources for newsdb: every row names others by natural key, never by id.

Import in dependency order: actors, sources, claims, claim links (``articles.exchange``).
"""

from .actors import ActorResource, SourceResource
from .claims import ClaimLinkResource, ClaimResource

__all__ = ["ActorResource", "ClaimLinkResource", "ClaimResource", "SourceResource"]
