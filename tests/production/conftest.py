"""Fixtures for the production tests: users in each role, and the database's vendor."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from articles.roles import EDITORS, READERS, grant_role

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings) -> None:
    """These tests log in dozens of times: the production hasher's cost is not under test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reader(db):
    user = get_user_model().objects.create_user("reader", password=PASSWORD)
    grant_role(user, READERS)
    return user


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", password=PASSWORD)
    grant_role(user, EDITORS)
    return user


def on_postgres() -> bool:
    return connection.vendor == "postgresql"
