from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.models import Actor
from articles.queries.actors import ACTOR_COLUMNS, actor_list, actor_rows, named_like
from articles.queries.names import ACTOR, UnknownName, suggest_actors
from articles.queries.output import FORMATS, non_negative_int, stopped_reader_is_fine, write_rows


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _(
            "List actors with their mentions, the claims sourced to them, the claims about them "
            "and their aliases, most mentioned first."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", choices=Actor.Kind.values, help=_("Only actors of this kind.")
        )
        parser.add_argument(
            "--name",
            metavar="NAME",
            help=_("Actors whose name or an alias contains this, ignoring case and accents."),
        )
        parser.add_argument(
            "--limit",
            type=non_negative_int,
            default=200,
            metavar="N",
            help=_("Show at most N actors; 0 shows all. Default: %(default)s."),
        )
        parser.add_argument(
            "--format", choices=FORMATS, default="table", help=_("Default: %(default)s.")
        )

    def handle(self, *args, kind, name, limit, format, **options):
        actors = actor_list(kind=kind, name=name)
        shown = list(actors[: limit + 1]) if limit else list(actors)
        if not shown and name and not Actor.objects.filter(named_like(name)).exists():
            raise CommandError(str(UnknownName(ACTOR, name, suggest_actors(name))))
        with stopped_reader_is_fine():
            write_rows(actor_rows(shown[: limit or None]), ACTOR_COLUMNS, format, self.stdout)
        if limit and len(shown) > limit:
            self.stderr.write(
                _("Only the first %(limit)d actors are shown; --limit 0 shows all.")
                % {"limit": limit},
                style_func=self.style.WARNING,
            )
