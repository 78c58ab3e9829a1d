from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.backup import BackupError, default_database, restore_database, row_counts
from articles.ingest.faults import database_label


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Restore a backup made by `backup` into the database, replacing its content. "
            "Refuses a database that holds data unless --force is given."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help=_("The backup file to restore."))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("Overwrite a database that holds data."),
        )

    def handle(self, *args, path, force, **options):
        db = default_database()
        try:
            restore_database(path, db, force=force)
            counts = row_counts(db)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("restored %(path)s into %(database)s: %(tables)d tables, %(rows)s rows")
            % {
                "path": path,
                "database": database_label(db),
                "tables": len(counts),
                "rows": f"{sum(counts.values()):,}",
            }
        )
        self.stdout.write(_("Run `manage.py migrate` if the backup is older than this newsdb."))
