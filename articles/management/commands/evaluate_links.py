import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.crossref.evaluate import evaluate_links


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Score the links newsdb suggested (and editors made) among the gold file's articles "
            "against the gold's links: precision and recall of linked pairs, with and without "
            "their relation. Ingest the gold's articles first."
        )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, required=True, help=_("The gold file."))
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, gold, format, **options):
        if not gold.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": gold})
        try:
            scores = evaluate_links(gold)
        except (ValueError, KeyError) as error:
            raise CommandError(
                _("%(path)s is not a gold file: %(error)s") % {"path": gold, "error": error}
            ) from error
        if format == "json":
            self.stdout.write(json.dumps(scores.to_dict(), indent=2))
        else:
            self.stdout.write(scores.table())
        if scores.pairs.expected and scores.unmatched_gold_claims:
            self.stderr.write(
                _("Some gold claims are not in the database; did you ingest the gold's articles?")
            )
