import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.extraction.evaluate import (
    MissingArticleError,
    evaluate_files,
    evaluate_predictions,
)
from articles.gazetteer import gazetteer_for_reading


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Score extraction against a gold file (the format of seeds.gold.json): precision, "
            "recall and F1 for actor mentions, claims, claim sources and quantities."
        )

    def add_arguments(self, parser):
        parser.add_argument("--gold", type=Path, required=True, help=_("The gold file."))
        parser.add_argument(
            "--articles",
            type=Path,
            action="append",
            help=_(
                "Folder holding the gold's article files (repeatable). Default: the gold's "
                "folder, a seeds/ folder beside it, and the project's seeds/."
            ),
        )
        parser.add_argument(
            "--predicted",
            type=Path,
            help=_("Score this output of `extract --format json` instead of running extraction."),
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, gold, articles, predicted, format, **options):
        for path in (gold, predicted):
            if path is not None and not path.is_file():
                raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            if predicted is not None:
                scores = evaluate_predictions(gold, predicted)
            else:
                folders = articles or [
                    gold.parent,
                    gold.parent.parent / "seeds",
                    Path(settings.BASE_DIR) / "seeds",
                ]
                scores = evaluate_files(gold, folders, gazetteer_for_reading().gazetteer)
        except (MissingArticleError, ValueError) as error:
            raise CommandError(str(error)) from error
        if format == "json":
            self.stdout.write(json.dumps(scores.to_dict(), indent=2))
        else:
            self.stdout.write(scores.table())
