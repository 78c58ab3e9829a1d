import json

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from articles.queries.conflicts import (
    CONFLICT_COLUMNS,
    ConflictFilters,
    conflict_documents,
    conflict_rows,
    conflict_views,
)
from articles.queries.output import FORMATS, non_negative_int, stopped_reader_is_fine, write_rows


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "List clusters of reports of the same count that give different figures, with "
            "what they allow together (low, best, high), the most conservative figure and its "
            "source, whether they can all be true, independent sources and the house figure."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_agreeing",
            help=_("Also list clusters whose reports all give the same figure."),
        )
        parser.add_argument(
            "--inconsistent",
            action="store_true",
            help=_("Only clusters whose reports cannot all be true."),
        )
        parser.add_argument(
            "--limit",
            type=non_negative_int,
            default=100,
            help=_("At most this many clusters, newest first (0: all). Default: 100."),
        )
        parser.add_argument("--format", choices=FORMATS, default="table")

    def handle(self, *args, include_agreeing, inconsistent, limit, format, **options):
        filters = ConflictFilters(include_agreeing, inconsistent, limit)
        views = conflict_views(filters)
        if format == "json":
            documents = conflict_documents(views)
            with stopped_reader_is_fine():
                self.stdout.write(json.dumps(documents, ensure_ascii=False, indent=2))
            return
        with stopped_reader_is_fine():
            write_rows(conflict_rows(views), CONFLICT_COLUMNS, format, self.stdout)
