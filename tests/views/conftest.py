"""Fixtures for the reading pages: readers, the seeds, and articles of any size."""

import pytest
from django.contrib.auth import get_user_model

from articles.roles import READERS, grant_role
from tests.ingest.conftest import SEEDS, run_ingest  # noqa: F401 (fixture)


@pytest.fixture
def reader(db):
    user = get_user_model().objects.create_user("reader", password="x")
    grant_role(user, READERS)
    return user


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def seeded(run_ingest) -> None:  # noqa: F811
    """Both seed articles stored, with the links the ingest suggested."""
    run = run_ingest(SEEDS)
    assert run.failed is None, run.failed
