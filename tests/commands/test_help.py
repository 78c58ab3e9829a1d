from pathlib import Path

import pytest
from django.core.management import load_command_class

COMMANDS = sorted(
    p.stem
    for p in (Path(__file__).resolve().parents[2] / "articles/management/commands").glob("*.py")
    if not p.stem.startswith("_")
)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_explains_itself(name):
    command = load_command_class("articles", name)
    text = command.create_parser("manage.py", name).format_help()
    assert command.help and command.help.split()[0] in text
