import argparse
import math

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.background.runs import StillRunning, start_folder_run, wait_for_run
from articles.models import IngestRun


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Queue a background ingest of a folder (a drop folder, from cron say) for the task "
            "worker (manage.py db_worker) and print the run's id."
        )

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("The folder: every .txt file below it is ingested."))
        parser.add_argument(
            "--wait",
            action="store_true",
            help=_("Wait until the run has finished; fail when it failed or a file failed."),
        )
        parser.add_argument(
            "--timeout",
            type=seconds,
            help=_(
                "With --wait: give up after this many seconds. Default: wait as long as it takes."
            ),
        )
        parser.add_argument(
            "--poll",
            type=seconds,
            default=2.0,
            help=_("With --wait: seconds between looks at the run. Default: %(default)s."),
        )

    def handle(self, *args, path, wait, timeout, poll, **options):
        try:
            run = start_folder_run(path, kind=IngestRun.Kind.COMMAND)
        except NotADirectoryError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(run.pk))
        if not wait:
            return
        try:
            run = wait_for_run(run.pk, poll=poll, timeout=timeout)
        except StillRunning as error:
            raise CommandError(str(error)) from error
        self.stdout.write(run.summary)
        for line in run.errors:
            self.stderr.write(line)
        if run.status == IngestRun.Status.FAILED:
            raise CommandError(_("Run %(id)s failed.") % {"id": run.pk})
        if run.failed:
            raise CommandError(
                _("Run %(id)s: %(failed)d of %(files)d files failed.")
                % {"id": run.pk, "failed": run.failed, "files": run.files}
            )


def seconds(value: str) -> float:
    """argparse ``type`` for ``--poll`` and ``--timeout``: a number of seconds above 0."""
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not (math.isfinite(number) and number > 0):
        message = _("%(value)r is not a number of seconds above 0.")
        raise argparse.ArgumentTypeError(message % {"value": value})
    return number
