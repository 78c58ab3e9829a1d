from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.crossref.pending import pending_articles, still_pending_message
from articles.crossref.suggest import Suggested
from articles.ingest import faults
from articles.ingest.files import discover
from articles.ingest.service import FileResult, IngestOptions, Status, ingest
from articles.management.progress import progress_bar
from articles.queries.output import positive_int


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Ingest article files (the seed format) into newsdb: articles, actors, claims, "
            "sources. Unchanged files are skipped; editors' work survives changed ones."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help=_("Files, folders (every .txt below them) or glob patterns. Default: seeds/."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Parse and extract, print the same counts, write nothing."),
        )
        parser.add_argument(
            "--corpus", help=_("Corpus name for the files' sources. Default: their folder name.")
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NEWSDB_MAX_ARTICLE_BYTES,
            help=_("Reject files larger than this. Default: %(default)s."),
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=1,
            help=_(
                "Processes reading, extracting and writing batches side by side, then "
                "comparing claims ahead of the batch being written. Default: 1."
            ),
        )
        parser.add_argument(
            "--no-crossref",
            action="store_true",
            help=_(
                "Store the articles without comparing their claims with the others; "
                "'suggest_links --pending' or the next ingest does it."
            ),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Never show a progress bar.")
        )

    def handle(
        self,
        *args,
        paths,
        dry_run,
        corpus,
        max_bytes,
        workers,
        no_crossref,
        no_progress,
        verbosity,
        **options,
    ):
        targets = list(discover(paths or [Path(settings.BASE_DIR) / "seeds"]))
        progress = progress_bar(self.stderr, len(targets), "file", hidden=no_progress)

        done = _Done()  # what the run did before a database fault stops it

        def report(result: FileResult) -> None:
            done.add(result)
            progress.update()
            if result.error:
                progress.write(self.style.ERROR(result.error), file=self.stderr._out)
            elif verbosity >= 2:
                progress.write(self._describe(result), file=self.stdout._out)
            for orphan in result.orphaned:
                progress.write(
                    self.style.WARNING(f"{result.file}: orphaned {orphan}"), file=self.stderr._out
                )

        ingest_options = IngestOptions(
            dry_run=dry_run, corpus=corpus, max_bytes=max_bytes, cross_reference=not no_crossref
        )
        comparing = _CrossrefProgress(self.stderr, hidden=no_progress)
        try:
            with progress, comparing:
                outcome = ingest(
                    targets,
                    ingest_options,
                    on_result=report,
                    workers=workers,
                    on_cross_referenced=comparing.advance,
                )
        except (DatabaseError, faults.DatabaseUnavailable) as error:
            stopped = self._stopped(error, done)
            if stopped is None:
                raise  # not a known fault: the traceback is what helps
            raise stopped from error
        for error in outcome.crossref_errors:
            self.stderr.write(self.style.ERROR(error))
        if crossref := outcome.crossref_summary():
            self.stdout.write(crossref)
        self.stdout.write(outcome.summary())
        if outcome.counts[Status.FAILED]:
            raise CommandError(
                ngettext(
                    "%(failed)d of %(total)d file failed.",
                    "%(failed)d of %(total)d files failed.",
                    len(targets),
                )
                % {"failed": outcome.counts[Status.FAILED], "total": len(targets)}
            )
        if outcome.crossref_errors:
            raise CommandError(still_pending_message(len(outcome.crossref_errors)))

    @staticmethod
    def _stopped(error: Exception, done: _Done) -> CommandError | None:
        """One clear line instead of a traceback when the database stops taking writes."""
        if isinstance(error, faults.DatabaseUnavailable):
            fault, detail = error.fault, error.detail
            where = _("at %(file)s") % {"file": error.file}
        elif (fault := faults.database_fault(error)) is not None:
            detail = str(error)
            last = {"file": done.last_file} if done.last_file else None
            where = _("after %(file)s") % last if last else _("at the start of the run")
        else:
            return None
        message = faults.fault_message(
            fault,
            where=where,
            detail=(detail.strip().splitlines() or [""])[0],
            database=faults.database_label(connection.settings_dict),
            stored=done.stored,
        )
        return CommandError(message)

    @staticmethod
    def _describe(result: FileResult) -> str:
        if result.status == Status.UNCHANGED:
            return f"{result.status:>9}  {result.file}"
        return (
            f"{result.status:>9}  {result.file}  ({result.external_id}: "
            f"{len(result.actors)} actors, {result.claims} claims, {result.mentions} mentions)"
        )


@dataclass(slots=True)
class _Done:
    """What a run has done so far: a tally, not its results, which a run of a million files
    would otherwise keep in memory to the end."""

    last_file: str = ""
    stored: int = 0

    def add(self, result: FileResult) -> None:
        self.last_file = result.file
        self.stored += result.status in (Status.NEW, Status.UPDATED)


class _CrossrefProgress:
    """A second bar, for cross-referencing, opened when it starts: only then is it known how
    many articles wait."""

    def __init__(self, stderr, *, hidden: bool) -> None:
        self.stderr, self.hidden, self.bar = stderr, hidden, None

    def advance(self, articles: int, _done: Suggested) -> None:
        if self.bar is None:
            total = articles + pending_articles()
            self.bar = progress_bar(self.stderr, total, "article", hidden=self.hidden)
            self.bar.set_description(_("cross-referencing"))
        self.bar.update(articles)

    def __enter__(self) -> _CrossrefProgress:
        return self

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.close()
