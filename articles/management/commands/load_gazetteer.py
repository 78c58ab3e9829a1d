from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.extraction.gazetteer import DATA_FILE
from articles.gazetteer import load_gazetteer


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Load a gazetteer file (default: the shipped one) into the actors editors keep. "
            "Only adds actors, aliases and blank fields; never overwrites or deletes."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", type=Path, default=DATA_FILE, help=_("Default: %(default)s.")
        )

    def handle(self, *args, path, **options):
        if not path.is_file():
            raise CommandError(_("Gazetteer file not found: %(path)s") % {"path": path})
        try:
            report = load_gazetteer(path)
        except (ValueError, KeyError, TypeError) as error:
            raise CommandError(
                _("%(path)s: not a gazetteer file: %(error)s") % {"path": path, "error": error}
            ) from error
        for conflict in report.conflicts:
            self.stderr.write(
                self.style.WARNING(_("alias already names another actor, skipped: %s") % conflict)
            )
        self.stdout.write(
            _(
                "%(entries)d entries: %(created)d actors added, %(updated)d completed, "
                "%(aliases)d aliases added."
            )
            % {
                "entries": report.entries,
                "created": report.actors_created,
                "updated": report.actors_updated,
                "aliases": report.aliases_created,
            }
        )
