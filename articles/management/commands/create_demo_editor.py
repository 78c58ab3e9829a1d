import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EDITABLE = ["article", "claim", "claimlink", "note", "actor", "actoralias", "source", "mention"]


class Command(BaseCommand):
    help = gettext_lazy("Create (or reset) the demo editor login and print it. Development only.")

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(_("The demo editor is for development only (DEBUG is off)."))
        password = secrets.token_urlsafe(9)
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.user_permissions.set(
            Permission.objects.filter(content_type__app_label="articles").filter(
                codename__regex=rf"^(view_|(add|change|delete)_({'|'.join(EDITABLE)})$)"
            )
        )
        self.stdout.write(
            self.style.SUCCESS(_("Demo editor: username %(user)s, password %(password)s"))
            % {"user": username, "password": password}
        )
