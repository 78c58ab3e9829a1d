"""The Content-Security-Policy: strict on every page; the admin may style inline and run the
one inline handler of django-import-export's export page."""

import pytest
from django.test import override_settings

from articles.middleware import EXPORT_TOGGLE_HANDLER

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in policy.split(";")) if part}


@override_settings(NEWSDB_PUBLIC_READ=True)
def test_reading_pages_allow_nothing_inline(client):
    policy = directives(client.get("/"))
    assert policy["script-src"] == "script-src 'self'"
    assert policy["style-src"] == "style-src 'self'"
    assert policy["object-src"] == "object-src 'none'"


def test_the_admin_may_style_inline_and_run_only_the_export_toggle(admin_client):
    policy = directives(admin_client.get("/admin/articles/claim/export/"))
    assert "'unsafe-inline'" in policy["style-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert EXPORT_TOGGLE_HANDLER in policy["script-src"]
