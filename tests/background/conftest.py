"""Shared fixtures for the background ingest: an inbox of its own, an editor and a reader."""

from importlib.util import find_spec
from pathlib import Path

import pytest

from articles.roles import EDITORS, READERS, grant_role

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_A = "000_78357a777ef7f92d.txt"
SEED_B = "003_34cf2e6a0fed1da4.txt"
NO_HEADER = b"Een artikel zonder datum.\n"
# Runs a task as soon as it is enqueued: Django's own from Django 6, the backport's before.
TASKS_PACKAGE = "django.tasks" if find_spec("django.tasks") else "django_tasks"
IMMEDIATE = {"default": {"BACKEND": f"{TASKS_PACKAGE}.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def inbox(settings, tmp_path: Path) -> Path:
    settings.NEWSDB_INBOX_DIR = tmp_path / "inbox"
    return settings.NEWSDB_INBOX_DIR


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur")
    grant_role(user, EDITORS)
    return user


@pytest.fixture
def reader(django_user_model):
    user = django_user_model.objects.create_user("lezer")
    grant_role(user, READERS)
    return user


@pytest.fixture
def folder_with_a_bad_file(tmp_path: Path) -> Path:
    """The two seeds and a file without a date header, in a folder named like a corpus."""
    folder = tmp_path / "drop"
    folder.mkdir()
    for name in (SEED_A, SEED_B):
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    (folder / "kapot.txt").write_bytes(NO_HEADER)
    return folder
