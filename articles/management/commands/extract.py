import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.extraction.documents import ExtractedArticle, extract_targets
from articles.extraction.gazetteer import Gazetteer
from articles.gazetteer import gazetteer_for_reading
from articles.ingest.files import discover


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "Print what extraction finds in article files (mentions, claims, sources, quantities) "
            "without touching the database."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", help=_("Files, folders (every .txt below them) or glob patterns.")
        )
        parser.add_argument(
            "--format",
            choices=["json", "text"],
            default="json",
            help=_("json: the documented machine format (default); text: one line per claim."),
        )
        parser.add_argument(
            "--gazetteer",
            type=Path,
            help=_("A gazetteer file to use. Default: the database's, else the shipped file."),
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NEWSDB_MAX_ARTICLE_BYTES,
            help=_("Skip files larger than this. Default: %(default)s."),
        )

    def handle(self, *args, paths, format, gazetteer, max_bytes, **options):
        if gazetteer is not None and not gazetteer.is_file():
            raise CommandError(_("Gazetteer file not found: %(path)s") % {"path": gazetteer})
        known = Gazetteer.from_file(gazetteer) if gazetteer else gazetteer_for_reading().gazetteer
        write = self._write_json if format == "json" else self._write_text
        results = extract_targets(discover(paths), known, max_bytes)
        failed, total = write(results)
        if failed:
            raise CommandError(
                ngettext(
                    "%(failed)d of %(total)d file failed.",
                    "%(failed)d of %(total)d files failed.",
                    total,
                )
                % {"failed": failed, "total": total}
            )

    def _write_json(self, results) -> tuple[int, int]:
        """Streams: one article at a time, so a large corpus never sits in memory."""
        failed = total = 0
        self.stdout.write('{"articles": [', ending="")
        for result in results:
            total += 1
            if isinstance(result, ExtractedArticle):
                separator = "" if total - failed == 1 else ",\n"
                self.stdout.write(separator + json.dumps(result.to_dict(), ensure_ascii=False))
            else:
                failed += 1
                self.stderr.write(self.style.ERROR(str(result)))
        self.stdout.write("]}")
        return failed, total

    def _write_text(self, results) -> tuple[int, int]:
        failed = total = 0
        for result in results:
            total += 1
            if not isinstance(result, ExtractedArticle):
                failed += 1
                self.stderr.write(self.style.ERROR(str(result)))
                continue
            found = result.extraction
            self.stdout.write(
                f"{result.file} ({result.date}): "
                + _("%(mentions)d mentions, %(claims)d claims")
                % {"mentions": len(found.mentions), "claims": len(found.claims)}
            )
            for claim in found.claims:
                source = claim.source.name if claim.source else "-"
                self.stdout.write(f"  [{claim.start}:{claim.end}] {source}: {claim.text}")
        return failed, total
