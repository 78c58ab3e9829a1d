from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.crossref.pending import (
    CrossReferenced,
    cross_reference_pending,
    pending_articles,
    still_pending_message,
)
from articles.crossref.suggest import Suggested, suggest_for_articles
from articles.management.progress import progress_bar
from articles.models import Article
from articles.queries.output import positive_int


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Suggest links between claims again, for every article or the ones given (the "
            "ingest does it for each article it stores). Pairs already suggested, accepted or "
            "rejected are never proposed again."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "articles", nargs="*", metavar="ARTICLE", help=_("Article ids or external ids.")
        )
        parser.add_argument(
            "--pending",
            action="store_true",
            help=_(
                "Only the articles an ingest stored without cross-referencing them "
                "(ingest --no-crossref, or a run that stopped), oldest first."
            ),
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            default=1,
            help=_("With --pending: processes comparing batches ahead of the one being written."),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=_("Never show a progress bar.")
        )

    def handle(self, *args, articles, pending, workers, no_progress, **options):
        if pending:
            if articles:
                raise CommandError(_("Give article ids or --pending, not both."))
            return self._pending(workers, no_progress)
        chosen = Article.objects.order_by("published_year", "published_month", "pk")
        if articles:
            numbers = [int(a) for a in articles if a.isdigit()]
            chosen = chosen.filter(pk__in=numbers) | chosen.filter(external_id__in=articles)
        ids = list(chosen.values_list("pk", flat=True))
        progress = progress_bar(self.stderr, len(ids), "article", hidden=no_progress)

        def advance(_done: Suggested) -> None:
            progress.update()

        with progress:
            totals = suggest_for_articles(ids, on_article=advance)
        self._report(len(ids), totals)

    def _pending(self, workers: int, no_progress: bool) -> None:
        progress = progress_bar(self.stderr, pending_articles(), "article", hidden=no_progress)

        def advance(articles: int, _done: Suggested) -> None:
            progress.update(articles)

        with progress:
            outcome = cross_reference_pending(on_batch=advance, workers=workers)
        for error in outcome.errors:
            self.stderr.write(self.style.ERROR(error))
        self._report(outcome.articles, outcome)
        if outcome.errors:
            raise CommandError(still_pending_message(len(outcome.errors)))

    def _report(self, articles: int, totals: Suggested | CrossReferenced) -> None:
        self.stdout.write(
            _(
                "%(articles)d articles: %(suggestions)d new suggestions, %(clustered)d claims "
                "placed in count clusters, %(candidates)d candidate claims compared"
            )
            % {
                "articles": articles,
                "suggestions": totals.suggestions,
                "clustered": totals.clustered,
                "candidates": totals.candidates,
            }
        )
