from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from articles.search import rebuild_index, uses_index


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Rebuild the full-text search index of articles and claims (SQLite, e.g. after a "
            "restore or a change to the lemmas). PostgreSQL keeps its own index: nothing to do."
        )

    def handle(self, *args, **options):
        if not uses_index():
            self.stdout.write(_("The database keeps its own search index: nothing to do."))
            return
        count = rebuild_index()
        self.stdout.write(_("Indexed %(count)d articles and claims.") % {"count": count})
