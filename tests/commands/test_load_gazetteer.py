import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Actor

pytestmark = pytest.mark.django_db


def test_loads_the_shipped_file_then_reports_nothing_new():
    out = StringIO()
    call_command("load_gazetteer", stdout=out)
    count = Actor.objects.in_gazetteer().count()
    assert out.getvalue().startswith(f"{count} entries: {count} actors added")
    call_command("load_gazetteer", stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        f"{count} entries: 0 actors added, 0 completed, 0 aliases added."
    )


def test_a_broken_file_is_a_clear_error(tmp_path):
    broken = tmp_path / "g.json"
    broken.write_text(json.dumps({"entries": [{"kind": "person"}]}), "utf-8")
    with pytest.raises(CommandError, match=r"g\.json: not a gazetteer file"):
        call_command("load_gazetteer", str(broken))
    with pytest.raises(CommandError, match="not found"):
        call_command("load_gazetteer", str(tmp_path / "missing.json"))
    assert not Actor.objects.exists()
