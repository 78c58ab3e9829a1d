from .actors import Actor, ActorAlias, Mention
from .articles import Article, Segment
from .claims import Claim, ClaimLink
from .common import Origin
from .crossref import BlockingKey, CountCluster, LinkSuggestion
from .notes import Note
from .sources import Source

__all__ = [
    "Actor",
    "ActorAlias",
    "Article",
    "BlockingKey",
    "Claim",
    "ClaimLink",
    "CountCluster",
    "LinkSuggestion",
    "Mention",
    "Note",
    "Origin",
    "Segment",
    "Source",
]
