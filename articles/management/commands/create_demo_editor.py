import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.roles import EDITORS, grant_role


class Command(BaseCommand):
    @property
    def help(self) -> str:  # not gettext_lazy: argparse cannot format a lazy string
        return _("Create (or reset) the demo editor login and print it. Development only.")

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(_("The demo editor is for development only (DEBUG is off)."))
        password = secrets.token_urlsafe(9)
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.save()
        user.user_permissions.clear()  # an older demo editor had its own; the role is enough
        grant_role(user, EDITORS)
        self.stdout.write(
            self.style.SUCCESS(_("Demo editor: username %(user)s, password %(password)s"))
            % {"user": username, "password": password}
        )
