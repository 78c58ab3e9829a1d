"""Who may read: staff and the Readers and Editors groups, or anyone when the read views
are opened to the public (``NEWSDB_PUBLIC_READ``)."""

from django.conf import settings
from django.contrib.auth.mixins import AccessMixin

from articles.roles import ROLES


def may_read(user) -> bool:
    if getattr(settings, "NEWSDB_PUBLIC_READ", False):
        return True
    if not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name__in=ROLES).exists()


class ReaderRequiredMixin(AccessMixin):
    """Anonymous visitors go to the login page; a logged-in user without a role gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read(request.user):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)
