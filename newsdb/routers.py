"""Read replicas: the reading pages read the articles app from ``DATABASES["replica"]``.

Only what a reading page reads while it answers a GET or HEAD goes to the replica, and only
the models of the articles app. Everything else stays on the primary ("default"): every
write, the admin (an editor must see what they just saved, whatever the replication lag),
sessions, users and permissions, the login throttle, the task queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponseBase
from django.template.response import SimpleTemplateResponse

PRIMARY = "default"
REPLICA = "replica"
REPLICATED_APPS = frozenset({"articles"})
SAFE_METHODS = frozenset({"GET", "HEAD"})

_reading_from_replica: ContextVar[bool] = ContextVar("newsdb_read_from_replica", default=False)


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """Reads of the articles models inside this block go to the replica, if there is one."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


class ReplicaRouter:
    """``DATABASE_ROUTERS`` entry, set by the settings when ``DATABASE_REPLICA_URL`` is."""

    def db_for_read(self, model: type[Model], **hints) -> str | None:
        if (
            _reading_from_replica.get()
            and model._meta.app_label in REPLICATED_APPS
            and REPLICA in connections.settings
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: type[Model], **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints) -> bool | None:
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True  # the replica is a copy of the primary: the same rows
        return None

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == PRIMARY  # the replica gets its schema by replication


class ReadFromReplicaMixin:
    """For reading views: a GET or HEAD reads the articles from the replica, if any.

    Put it first in the bases. The response is rendered inside the block, because a
    template response evaluates its querysets only when it is rendered.
    """

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if request.method not in SAFE_METHODS:
            return super().dispatch(request, *args, **kwargs)
        with reading_from_replica():
            response = super().dispatch(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.render()
        return response
