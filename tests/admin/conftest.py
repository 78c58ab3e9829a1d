from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


def management_forms(*prefixes: str) -> dict:
    """Empty inline formsets, as the admin page posts them."""
    return {
        f"{prefix}-{field}": 0 for prefix in prefixes for field in ("TOTAL_FORMS", "INITIAL_FORMS")
    }


@pytest.fixture
def editor_client(client, settings):
    settings.DEBUG = True
    call_command("create_demo_editor", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="editor"))
    return client
