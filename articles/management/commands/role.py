from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from articles.roles import ROLES, RoleError, grant_role, members, revoke_role


class Command(BaseCommand):
    @property
    def help(self) -> str:
        # Not gettext_lazy: argparse (Python 3.11) cannot format a lazy string for --help.
        return _(
            "Give a user a role (Editors or Readers), take it away, or list who has which "
            "role. A role also gives access to the admin."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        for action, text in (
            ("add", _("Give USERNAME the role.")),
            ("remove", _("Take the role away from USERNAME.")),
        ):
            sub = actions.add_parser(action, help=text)
            sub.add_argument("username")
            sub.add_argument("role", help=" | ".join(ROLES))
        actions.add_parser("list", help=_("List the users of each role."))

    def handle(self, *args, action: str, **options) -> None:
        if action == "list":
            self._list()
            return
        user = self._user(options["username"])
        role = options["role"]
        if role not in ROLES:
            raise CommandError(
                _("Unknown role %(role)s; the roles are: %(roles)s.")
                % {"role": role, "roles": ", ".join(ROLES)}
            )
        was_staff = user.is_staff
        try:
            changed = grant_role(user, role) if action == "add" else revoke_role(user, role)
        except RoleError:
            raise CommandError(
                _("The permissions of the role %(role)s are missing; run migrate.") % {"role": role}
            ) from None
        self.stdout.write(self._outcome(action, changed, user, role))
        if was_staff and not user.is_staff:
            self.stdout.write(
                _("%(user)s can no longer use the admin.") % {"user": user.get_username()}
            )

    def _user(self, username: str) -> AbstractUser:
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(_("No user named %(user)s.") % {"user": username}) from None

    def _outcome(self, action: str, changed: bool, user: AbstractUser, role: str) -> str:
        names = {"user": user.get_username(), "role": role}
        messages = {
            ("add", True): _("%(user)s now has the role %(role)s."),
            ("add", False): _("%(user)s already had the role %(role)s."),
            ("remove", True): _("%(user)s no longer has the role %(role)s."),
            ("remove", False): _("%(user)s did not have the role %(role)s."),
        }
        return messages[action, changed] % names

    def _list(self) -> None:
        nobody = _("nobody")
        for role, usernames in members().items():
            self.stdout.write(f"{role}: {', '.join(usernames) or nobody}")
