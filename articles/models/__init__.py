from .actors import Actor, ActorAlias, Mention
from .articles import Article, Segment
from .claims import Claim, ClaimLink
from .common import Origin
from .notes import Note
from .sources import Source

__all__ = [
    "Actor",
    "ActorAlias",
    "Article",
    "Claim",
    "ClaimLink",
    "Mention",
    "Note",
    "Origin",
    "Segment",
    "Source",
]
