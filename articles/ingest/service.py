"""The ingest: files in, articles with their actors, claims and sources out.

Each file is read, parsed and extracted outside any transaction, then written in a transaction
of its own, so a failure never leaves half an article behind and never stops the other files.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext as _

from articles.extraction import extract
from articles.extraction.types import Extraction
from articles.extraction.version import VERSION as EXTRACTOR_VERSION
from articles.gazetteer import GazetteerSnapshot, gazetteer_for_ingest
from articles.models import Article
from articles.normalise import normalise_name

from .files import Target, read_limited
from .parsed import ArticleFileError, ParsedArticle, ParsedSegment
from .parser import parse_article
from .resolve import Resolver
from .store import FileOrigin, actor_refs, store_article

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extractor:
    """The extraction an ingest runs, and the version stored with what it derived.

    The version names the extraction code and the gazetteer, so a change to either
    re-derives unchanged files on the next ingest.
    """

    run: Callable[[str, Sequence[ParsedSegment]], Extraction]
    version: str

    @classmethod
    def with_gazetteer(cls, snapshot: GazetteerSnapshot) -> Extractor:
        return cls(
            partial(extract, gazetteer=snapshot.gazetteer),
            f"{EXTRACTOR_VERSION}+g{snapshot.fingerprint}",
        )


class Status(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FileResult:
    file: str
    status: Status
    external_id: str = ""
    mentions: int = 0
    claims: int = 0
    actors: frozenset[str] = frozenset()
    orphaned: tuple[str, ...] = ()
    error: str | None = None


@dataclass(slots=True)
class IngestReport:
    dry_run: bool = False
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    mentions: int = 0
    claims: int = 0
    actors: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.counts[result.status] += 1
        self.mentions += result.mentions
        self.claims += result.claims
        self.actors |= result.actors
        if result.error:
            self.errors.append(result.error)
        self.orphaned.extend(f"{result.file}: {item}" for item in result.orphaned)

    @property
    def ok(self) -> bool:
        return self.counts[Status.FAILED] == 0

    def summary(self) -> str:
        c = self.counts
        line = _(
            "%(files)d files: %(new)d new, %(updated)d updated, %(unchanged)d unchanged, "
            "%(failed)d failed; %(actors)d actors, %(claims)d claims, %(mentions)d mentions"
        ) % {
            "files": sum(c.values()),
            "new": c[Status.NEW],
            "updated": c[Status.UPDATED],
            "unchanged": c[Status.UNCHANGED],
            "failed": c[Status.FAILED],
            "actors": len(self.actors),
            "claims": self.claims,
            "mentions": self.mentions,
        }
        return _("dry run, nothing written: %(line)s") % {"line": line} if self.dry_run else line


@dataclass(frozen=True, slots=True)
class IngestOptions:
    dry_run: bool = False
    corpus: str | None = None  # default: the name of the file's folder
    max_bytes: int | None = None  # default: settings.NEWSDB_MAX_ARTICLE_BYTES


def ingest(
    targets: Iterable[Target],
    options: IngestOptions = IngestOptions(),
    on_result: Callable[[FileResult], None] | None = None,
    extractor: Extractor | None = None,
) -> IngestReport:
    """Ingest every target; the default extractor uses the database's gazetteer (the shipped
    one is loaded into an empty database first, except in a dry run)."""
    report = IngestReport(dry_run=options.dry_run)
    if extractor is None:
        snapshot = gazetteer_for_ingest(load_if_empty=not options.dry_run)
        extractor = Extractor.with_gazetteer(snapshot)
    resolver = Resolver()
    for target in targets:
        result = _ingest_target(target, options, resolver, extractor)
        report.add(result)
        if on_result is not None:
            on_result(result)
    return report


def _ingest_target(
    target: Target, options: IngestOptions, resolver: Resolver, extractor: Extractor
) -> FileResult:
    if target.error is not None:
        return FileResult(target.error.file, Status.FAILED, error=str(target.error))
    path = target.path
    try:
        return ingest_file(path, options, resolver, extractor)
    except ArticleFileError as error:
        return FileResult(str(path), Status.FAILED, error=str(error))
    except DatabaseError as error:
        resolver.rollback()
        logger.exception("Database error while storing %s", path)
        return FileResult(str(path), Status.FAILED, error=f"{path}: database error: {error}")
    except Exception as error:  # a bug in one file's extraction must not stop the run
        resolver.rollback()
        logger.exception("Unexpected error while ingesting %s", path)
        message = f"{path}: unexpected error: {type(error).__name__}: {error}"
        return FileResult(str(path), Status.FAILED, error=message)


def ingest_file(
    path: Path,
    options: IngestOptions = IngestOptions(),
    resolver: Resolver | None = None,
    extractor: Extractor | None = None,
) -> FileResult:
    extractor = extractor or Extractor.with_gazetteer(gazetteer_for_ingest())
    max_bytes = options.max_bytes or settings.NEWSDB_MAX_ARTICLE_BYTES
    raw = read_limited(path, max_bytes)
    parsed = parse_article(raw, str(path))
    content_hash = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()
    existing = (
        Article.objects.filter(external_id=parsed.external_id)
        .values_list("content_hash", "extractor_version")
        .first()
    )
    if existing == (content_hash, extractor.version):
        return FileResult(str(path), Status.UNCHANGED, parsed.external_id)
    extraction = extractor.run(parsed.text, parsed.segments)
    result = _result(path, parsed, extraction, Status.UPDATED if existing else Status.NEW)
    if options.dry_run:
        return result
    resolver = resolver or Resolver()
    stored = store_article(
        parsed,
        extraction,
        origin=FileOrigin(
            corpus=options.corpus or path.parent.name,
            file_name=path.name,
            file_path=str(path),
            checksum=hashlib.sha256(raw).hexdigest(),
        ),
        content_hash=content_hash,
        extractor_version=extractor.version,
        resolver=resolver,
    )
    resolver.commit()
    return replace(result, orphaned=tuple(stored.orphaned))


def _result(
    path: Path, parsed: ParsedArticle, extraction: Extraction, status: Status
) -> FileResult:
    return FileResult(
        file=str(path),
        status=status,
        external_id=parsed.external_id,
        mentions=len(extraction.mentions),
        claims=len(extraction.claims),
        actors=frozenset(normalise_name(ref.name) for ref in actor_refs(extraction)),
    )
