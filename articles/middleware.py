"""The admin's own JavaScript (Django's, select2's, django-import-export's) sets inline styles,
and django-import-export's export page has one inline event handler (its "select all fields"
box). The admin may use both, that one handler by its hash; no other page may."""

from csp.constants import UNSAFE_HASHES, UNSAFE_INLINE
from django.urls import reverse

# sha256 of the handler ``onSelectToggleChange(event)`` in import_export/export.html
EXPORT_TOGGLE_HANDLER = "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"


class AdminInlineStylesMiddleware:
    """Lets the admin's pages apply inline styles; put it after CSPMiddleware."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")):
            response._csp_update = {
                "style-src": [UNSAFE_INLINE],
                "script-src": [UNSAFE_HASHES, EXPORT_TOGGLE_HANDLER],
            }
        return response
