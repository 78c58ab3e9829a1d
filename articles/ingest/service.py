"""The ingest: files in, articles with their actors, claims and sources out.

Each file is read, parsed and extracted outside any transaction, then written in a transaction
of its own, so a failure never leaves half an article behind and never stops the other files.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.utils.translation import gettext as _

from articles.bulk import tidy_after_bulk_load
from articles.crossref.pending import CrossReferenced, cross_reference_pending
from articles.crossref.suggest import Suggested
from articles.extraction import extract
from articles.extraction.types import Extraction
from articles.extraction.version import VERSION as EXTRACTOR_VERSION
from articles.garbage import fewer_collections
from articles.gazetteer import GazetteerSnapshot, gazetteer_for_ingest
from articles.models import Article
from articles.normalise import normalise_name
from articles.reading import forget_tallies

from .faults import DatabaseUnavailable, database_fault
from .files import Target, read_limited
from .parsed import ArticleFileError, ParsedArticle, ParsedSegment
from .parser import decode_article, external_id_of, parse_text
from .resolve import Resolver
from .store import FileOrigin, ToStore, actor_refs, store_articles

logger = logging.getLogger(__name__)
# Files read, extracted and written together: one transaction for a batch's new articles.
BATCH_FILES = 100


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
    cross_referenced: CrossReferenced | None = None  # None: not run

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
        return self.counts[Status.FAILED] == 0 and not self.crossref_errors

    @property
    def crossref_errors(self) -> list[str]:
        return self.cross_referenced.errors if self.cross_referenced else []

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

    def crossref_summary(self) -> str:
        """What cross-referencing did, or "" when it did not run or found nothing to do."""
        done = self.cross_referenced
        if done is None or not done.articles:
            return ""
        return _(
            "%(articles)d articles cross-referenced: %(suggestions)d new link suggestions, "
            "%(clustered)d claims placed in count clusters"
        ) % {
            "articles": done.articles,
            "suggestions": done.suggestions,
            "clustered": done.clustered,
        }


@dataclass(frozen=True, slots=True)
class IngestOptions:
    dry_run: bool = False
    corpus: str | None = None  # default: the name of the file's folder
    max_bytes: int | None = None  # default: settings.NEWSDB_MAX_ARTICLE_BYTES
    # Compare the stored articles' claims with the others at the end of the run; if not, they
    # stay pending for ``suggest_links --pending`` or the next ingest.
    cross_reference: bool = True


@fewer_collections()
def ingest(
    targets: Iterable[Target],
    options: IngestOptions = IngestOptions(),
    on_result: Callable[[FileResult], None] | None = None,
    extractor: Extractor | None = None,
    workers: int = 1,
    on_cross_referenced: Callable[[int, Suggested], None] | None = None,
) -> IngestReport:
    """Ingest every target; the default extractor uses the database's gazetteer (the shipped
    one is loaded into an empty database first, except in a dry run).

    Files go in batches of ``BATCH_FILES``, each batch's new articles written in one
    transaction; ``workers`` processes handle batches side by side (see ``parallel``). Once
    all are written, the claims of every article awaiting it are cross-referenced
    (``crossref.pending``, with ``workers`` processes comparing), a batch at a time,
    ``on_cross_referenced`` told of each.
    """
    report = IngestReport(dry_run=options.dry_run)
    if extractor is None:
        snapshot = gazetteer_for_ingest(load_if_empty=not options.dry_run)
        extractor = Extractor.with_gazetteer(snapshot)
    batches = batched(targets, BATCH_FILES)
    if workers > 1:
        from .parallel import ingest_in_processes

        results = ingest_in_processes(batches, options, extractor, workers)
    else:
        resolver = Resolver()
        results = (
            result
            for batch in batches
            for result in ingest_batch(batch, options, resolver, extractor)
        )
    for result in results:
        report.add(result)
        if on_result is not None:
            on_result(result)
    if options.cross_reference and not options.dry_run:
        report.cross_referenced = cross_reference_pending(
            on_batch=on_cross_referenced, workers=workers
        )
        report.errors.extend(report.cross_referenced.errors)
    written = report.counts[Status.NEW] + report.counts[Status.UPDATED]
    if written:
        forget_tallies()  # the overview counts again
    if not options.cross_reference and not options.dry_run:  # else the pass did, after it
        tidy_after_bulk_load(written)
    return report


def ingest_batch(
    targets: Sequence[Target], options: IngestOptions, resolver: Resolver, extractor: Extractor
) -> list[FileResult]:
    """The result of each target, in order. Unchanged files cost one query for the batch;
    the new and changed ones are extracted and written together."""
    results: dict[int, FileResult] = {}
    read: dict[int, _Read] = {}
    for index, target in enumerate(targets):
        try:
            read[index] = _read(target, options)
        except ArticleFileError as error:
            results[index] = _file_error(error)
    firsts, repeats = _first_of_each_id(read)
    stored = _stored_versions([r.external_id for r in firsts.values()])
    work: dict[int, _Work] = {}
    for index, item in firsts.items():
        version = stored.get(item.external_id)
        if version == (item.content_hash, extractor.version):
            results[index] = FileResult(str(item.path), Status.UNCHANGED, item.external_id)
            continue
        status = Status.UPDATED if version else Status.NEW
        try:
            work[index] = _extract(item, status, extractor)
        except ArticleFileError as error:
            results[index] = _file_error(error)
        except Exception as error:  # a bug in one file's extraction must not stop the run
            results[index] = _failure(item.path, error)
    if not options.dry_run:
        work = _store(work, options, resolver, extractor.version, results)
    results.update((index, done.result) for index, done in work.items())
    if repeats:  # the same id twice: the later file updates what the earlier one stored
        again = ingest_batch([targets[i] for i in repeats], options, resolver, extractor)
        results.update(zip(repeats, again, strict=True))
    return [results[index] for index in range(len(targets))]


@dataclass(frozen=True, slots=True)
class _Read:
    """A file read and decoded: enough to tell whether it changed, without parsing it."""

    path: Path
    raw: bytes
    text: str
    content_hash: str

    @property
    def external_id(self) -> str:
        return external_id_of(str(self.path))


@dataclass(frozen=True, slots=True)
class _Work:
    read: _Read
    parsed: ParsedArticle
    extraction: Extraction
    result: FileResult


def _read(target: Target, options: IngestOptions) -> _Read:
    if target.error is not None:
        raise target.error
    max_bytes = options.max_bytes or settings.NEWSDB_MAX_ARTICLE_BYTES
    raw = read_limited(target.path, max_bytes)
    text = decode_article(raw, str(target.path))
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _Read(target.path, raw, text, content_hash)


def _file_error(error: ArticleFileError) -> FileResult:
    return FileResult(error.file, Status.FAILED, error=str(error))


def _first_of_each_id(read: dict[int, _Read]) -> tuple[dict[int, _Read], list[int]]:
    firsts: dict[int, _Read] = {}
    seen: set[str] = set()
    repeats = []
    for index, item in read.items():
        if item.external_id in seen:
            repeats.append(index)
        else:
            seen.add(item.external_id)
            firsts[index] = item
    return firsts, repeats


def _stored_versions(external_ids: list[str]) -> dict[str, tuple[str, str]]:
    rows = Article.objects.filter(external_id__in=external_ids).values_list(
        "external_id", "content_hash", "extractor_version"
    )
    return {external_id: (content_hash, version) for external_id, content_hash, version in rows}


def _extract(item: _Read, status: Status, extractor: Extractor) -> _Work:
    parsed = parse_text(item.text, str(item.path))
    extraction = extractor.run(parsed.text, parsed.segments)
    return _Work(item, parsed, extraction, _result(item.path, parsed, extraction, status))


def _store(
    work: dict[int, _Work],
    options: IngestOptions,
    resolver: Resolver,
    version: str,
    failed: dict[int, FileResult],
) -> dict[int, _Work]:
    """Write the batch in one transaction; when that fails, each file in its own, so that one
    bad file costs only itself. Returns the work stored, with the failures put in ``failed``."""
    items = {index: _to_store(done, options) for index, done in work.items()}
    try:
        return _stored(work, items, resolver, version)
    except Exception as error:
        resolver.rollback()
        if (fault := database_fault(error)) is not None:  # not the files': stop the run
            first = work[next(iter(work))].read.path
            raise DatabaseUnavailable(fault, str(first), str(error)) from error
        if len(items) == 1:
            (index,) = items
            failed[index] = _failure(work[index].read.path, error)
            return {}
    kept: dict[int, _Work] = {}
    for index in items:
        kept.update(_store({index: work[index]}, options, resolver, version, failed))
    return kept


def _stored(
    work: dict[int, _Work], items: dict[int, ToStore], resolver: Resolver, version: str
) -> dict[int, _Work]:
    if not items:
        return {}
    stored = store_articles(
        list(items.values()), extractor_version=version, resolver=resolver, cross_reference=False
    )
    resolver.commit()
    return {
        index: replace(done, result=replace(done.result, orphaned=tuple(s.orphaned)))
        for (index, done), s in zip(work.items(), stored, strict=True)
    }


def _to_store(done: _Work, options: IngestOptions) -> ToStore:
    path = done.read.path
    origin = FileOrigin(
        corpus=options.corpus or path.parent.name,
        file_name=path.name,
        file_path=str(path),
        checksum=hashlib.sha256(done.read.raw).hexdigest(),
    )
    return ToStore(done.parsed, done.extraction, origin, done.read.content_hash)


def _failure(path: Path, error: BaseException) -> FileResult:
    if isinstance(error, DatabaseError):
        logger.exception("Database error while storing %s", path, exc_info=error)
        return FileResult(str(path), Status.FAILED, error=f"{path}: database error: {error}")
    logger.exception("Unexpected error while ingesting %s", path, exc_info=error)
    message = f"{path}: unexpected error: {type(error).__name__}: {error}"
    return FileResult(str(path), Status.FAILED, error=message)


def batched(targets: Iterable[Target], size: int) -> Iterator[list[Target]]:
    batch: list[Target] = []
    for target in targets:
        batch.append(target)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
