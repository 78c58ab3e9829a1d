from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.models import Claim
from articles.queries.claims import CLAIM_COLUMNS, ClaimFilters, claim_list, claim_rows
from articles.queries.names import UnknownName
from articles.queries.output import FORMATS, non_negative_int, stopped_reader_is_fine, write_rows


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "List claims: who said them, through whom, about whom, their quantity and review "
            "status. Filters combine; names ignore case and accents and match aliases."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--actor",
            metavar="NAME",
            help=_("Claims sourced to, relayed by or about this actor."),
        )
        parser.add_argument("--about", metavar="NAME", help=_("Claims about this actor."))
        parser.add_argument(
            "--source",
            metavar="NAME",
            help=_("Claims sourced to or relayed by this source, or by this actor."),
        )
        parser.add_argument("--status", choices=Claim.Status.values, help=_("Review status."))
        parser.add_argument(
            "--article", metavar="ID", help=_("Claims of one article: its id or external id.")
        )
        parser.add_argument("--hedged", action="store_true", help=_("Only hedged claims."))
        parser.add_argument(
            "--text", metavar="WORDS", help=_("Claims whose text holds every one of these words.")
        )
        parser.add_argument(
            "--limit",
            type=non_negative_int,
            default=200,
            metavar="N",
            help=_("Show at most N claims; 0 shows all. Default: %(default)s."),
        )
        parser.add_argument(
            "--format", choices=FORMATS, default="table", help=_("Default: %(default)s.")
        )

    def handle(self, *args, limit, format, **options):
        filters = ClaimFilters(
            actor=options["actor"],
            about=options["about"],
            source=options["source"],
            status=options["status"],
            article=options["article"],
            hedged=options["hedged"],
            text=options["text"],
        )
        try:
            claims = claim_list(filters)
            # One more than shown tells whether the limit cut the list short.
            shown = list(claims[: limit + 1]) if limit else list(claims)
        except UnknownName as error:
            raise CommandError(str(error)) from error
        with stopped_reader_is_fine():
            write_rows(claim_rows(shown[: limit or None]), CLAIM_COLUMNS, format, self.stdout)
        if limit and len(shown) > limit:
            self.stderr.write(
                _("Only the first %(limit)d claims are shown; --limit 0 shows all.")
                % {"limit": limit},
                style_func=self.style.WARNING,
            )
