from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from articles.crossref.suggest import Suggested, suggest_for_articles
from articles.management.progress import progress_bar
from articles.models import Article


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
            "--no-progress", action="store_true", help=_("Never show a progress bar.")
        )

    def handle(self, *args, articles, no_progress, **options):
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
        self.stdout.write(
            _(
                "%(articles)d articles: %(suggestions)d new suggestions, %(clustered)d claims "
                "placed in count clusters, %(candidates)d candidate claims compared"
            )
            % {
                "articles": len(ids),
                "suggestions": totals.suggestions,
                "clustered": totals.clustered,
                "candidates": totals.candidates,
            }
        )
