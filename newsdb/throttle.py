"""Login throttling with django-axes: the backend, the client's address and the lockout page."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a login from a locked-out username and address; lets the next backend check
    the password otherwise.

    Every login over HTTP (the admin's login form) passes its request and is throttled.
    A call without a request has no client to throttle: the test client's ``login()`` and
    code in the shell. axes would raise an error for those; this backend steps aside.
    """

    def authenticate(self, request: HttpRequest | None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the connection's, or behind a reverse proxy the one the proxy
    appended last to X-Forwarded-For (addresses before it are whatever the client sent)."""
    if settings.NEWSDB_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request: HttpRequest, *args) -> HttpResponse:
    """429 Too Many Requests: the admin's page, saying why and for how long."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    message = ngettext(
        "This account is locked for this address after %(limit)d failed logins. "
        "Try again in %(minutes)d minute, or ask an administrator to unlock it.",
        "This account is locked for this address after %(limit)d failed logins. "
        "Try again in %(minutes)d minutes, or ask an administrator to unlock it.",
        minutes,
    ) % {"limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "message": message,
    }
    response = TemplateResponse(request, "admin/newsdb_lockout.html", context, status=429)
    return response.render()
