from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.backup import BackupError, backup_database, database_kind, default_database
from articles.ingest.faults import database_label


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Back up the whole database to PATH: pg_dump's custom format on PostgreSQL, the "
            "online backup API on SQLite (safe while newsdb runs). Restore it with `restore`."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help=_("The backup file to write."))

    def handle(self, *args, path, **options):
        db = default_database()
        try:
            size = backup_database(path, db)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("backed up %(database)s (%(kind)s) to %(path)s: %(size)s bytes")
            % {
                "database": database_label(db),
                "kind": database_kind(db),
                "path": path,
                "size": f"{size:,}",
            }
        )
