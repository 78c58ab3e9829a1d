from .actors import Actor, ActorAlias, Mention
from .articles import Article, Segment
from .claims import Claim, ClaimLink
from .common import Origin
from .crossref import BlockingKey, CountCluster, LinkSuggestion
from .ingest_runs import IngestRun
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
    "IngestRun",
    "LinkSuggestion",
    "Mention",
    "Note",
    "Origin",
    "Segment",
    "Source",
]
