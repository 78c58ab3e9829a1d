"""Widgets that read and write relations by natural key, each key read once per import."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.widgets import CachedForeignKeyWidget, Widget

from articles.models import Actor, Article, Claim, Source
from articles.normalise import normalise_name

# Keys per ``IN (...)`` lookup: well under SQLite's and PostgreSQL's parameter limits.
CHUNK = 500
# Separates the actors of a claim's ``about`` and the aliases of an actor in one cell.
SEPARATOR = "|"


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    """A cell as text: spreadsheets give numbers and None as well as strings."""
    return "" if value is None else str(value).strip()


def fetch_in(queryset: models.QuerySet, field: str, values: Iterable) -> Iterator[models.Model]:
    """The rows whose ``field`` is one of ``values``, one query per ``CHUNK`` of them."""
    wanted = list(dict.fromkeys(values))
    for start in range(0, len(wanted), CHUNK):
        yield from queryset.filter(**{f"{field}__in": wanted[start : start + CHUNK]})


def source_key(name: str) -> str:
    """A source as a claim names it: its name, or a file source's own key (``file:…``)."""
    return name if name.startswith("file:") else Source.key_for(name)


def source_label(source: Source) -> str:
    """The name when it is the source's identity, else the key (for a file: corpus and file)."""
    return source.name if source.key == Source.key_for(source.name) else source.key


class NaturalKeyWidget(CachedForeignKeyWidget):
    """A foreign key written as the related row's natural key.

    ``prime()`` with the values of a dataset's column reads exactly those rows, in one query
    per ``CHUNK``; without it every row of the model is read, once. Either way no row of the
    import costs a query.
    """

    def __init__(self, model: type[models.Model], field: str, **kwargs) -> None:
        super().__init__(model, field, **kwargs)
        self._wanted: set[Hashable] | None = None
        self._cache: dict[Hashable, list[models.Model]] | None = None

    def key(self, value: object) -> Hashable:
        """The natural key a cell stands for; ValueError when it cannot stand for one."""
        return text(value)

    def instance_key(self, instance: models.Model) -> Hashable:
        return getattr(instance, self.field)

    def label(self, instance: models.Model) -> str:
        """How a related row is written in a cell."""
        return str(getattr(instance, self.field))

    def not_found(self, value: object) -> str:
        return _("No %(model)s “%(value)s”.") % {
            "model": self.model._meta.verbose_name,
            "value": text(value),
        }

    def get_queryset(self, value=None, row=None, *args, **kwargs) -> models.QuerySet:
        return self.model._default_manager.all()

    def load(self, keys: Iterable[Hashable]) -> Iterator[models.Model]:
        return fetch_in(self.get_queryset(), self.field, keys)

    def prime(self, values: Iterable[object]) -> None:
        """Read only what these cells name, at the first lookup."""
        self._wanted = {self.key(v) for v in values if not blank(v) and self._parses(v)}
        self._cache = None

    def cached(self) -> dict[Hashable, list[models.Model]]:
        if self._cache is None:
            rows = self.get_queryset() if self._wanted is None else self.load(self._wanted)
            self._cache = defaultdict(list)
            for instance in rows:
                self._cache[self.instance_key(instance)].append(instance)
        return self._cache

    def lookup(self, value: object) -> models.Model:
        found = self.cached().get(self.key(value), [])
        if len(found) != 1:
            message = self.not_found(value) if not found else self.ambiguous(value, len(found))
            raise ValueError(message)
        return found[0]

    def ambiguous(self, value: object, count: int) -> str:
        return _("%(count)d %(models)s match “%(value)s”: it cannot say which.") % {
            "count": count,
            "models": self.model._meta.verbose_name_plural,
            "value": text(value),
        }

    def get_instance_by_lookup_fields(self, value, row, **kwargs) -> models.Model:
        return self.lookup(value)

    def clean(self, value, row=None, **kwargs) -> models.Model | None:
        return None if blank(value) else self.lookup(value)

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else self.label(value)

    def _parses(self, value: object) -> bool:
        try:
            self.key(value)
        except ValueError:
            return False
        return True


class ActorWidget(NaturalKeyWidget):
    """An actor by its canonical name, matched without case or accents."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Actor, "key", **kwargs)

    def key(self, value: object) -> str:
        return normalise_name(text(value))

    def label(self, instance: Actor) -> str:
        return instance.name

    def not_found(self, value: object) -> str:
        return _("No actor is named “%(name)s”.") % {"name": text(value)}


class SourceWidget(NaturalKeyWidget):
    """A source by name, or a file source by its key ``file:corpus/file``."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Source, "key", **kwargs)

    def key(self, value: object) -> str:
        return source_key(text(value))

    def label(self, instance: Source) -> str:
        return source_label(instance)

    def not_found(self, value: object) -> str:
        return _("No source is named “%(name)s”.") % {"name": text(value)}


class ArticleWidget(NaturalKeyWidget):
    """An article by its external id, read with its text (claims are spans of it)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Article, "external_id", **kwargs)

    def get_queryset(self, value=None, row=None, *args, **kwargs) -> models.QuerySet:
        return Article.objects.only("pk", "external_id", "text")

    def not_found(self, value: object) -> str:
        return _("No article has the external id “%(id)s”.") % {"id": text(value)}

    def by_pk(self) -> dict[int, Article]:
        return {found[0].pk: found[0] for found in self.cached().values()}


class UserWidget(NaturalKeyWidget):
    def __init__(self, **kwargs) -> None:
        user = get_user_model()
        super().__init__(user, user.USERNAME_FIELD, **kwargs)

    def not_found(self, value: object) -> str:
        return _("No user is called “%(name)s”.") % {"name": text(value)}


_CLAIM_REF = re.compile(r"^(?P<article>.+)\[(?P<start>\d+):(?P<end>\d+)\]$", re.DOTALL)


def claim_ref(claim: Claim) -> str:
    """A claim as ``external_id[start:end]``: the article and the span."""
    return f"{claim.article.external_id}[{claim.start}:{claim.end}]"


def parse_claim_ref(value: object) -> tuple[str, int, int]:
    match = _CLAIM_REF.match(text(value))
    if match is None:
        raise ValueError(
            _("“%(value)s” is not a claim: write it as external_id[start:end].")
            % {"value": text(value)}
        )
    return match["article"], int(match["start"]), int(match["end"])


class ClaimWidget(NaturalKeyWidget):
    """A claim by ``external_id[start:end]``; read per article the dataset names."""

    def __init__(self, **kwargs) -> None:
        super().__init__(Claim, "article__external_id", **kwargs)

    def key(self, value: object) -> tuple[str, int, int]:
        return parse_claim_ref(value)

    def instance_key(self, instance: Claim) -> tuple[str, int, int]:
        return instance.article.external_id, instance.start, instance.end

    def label(self, instance: Claim) -> str:
        return claim_ref(instance)

    def get_queryset(self, value=None, row=None, *args, **kwargs) -> models.QuerySet:
        return Claim.objects.select_related("article").defer("article__text")

    def load(self, keys: Iterable[tuple[str, int, int]]) -> Iterator[Claim]:
        articles = {article for article, _start, _end in keys}
        return fetch_in(self.get_queryset(), self.field, articles)

    def not_found(self, value: object) -> str:
        return _("No claim is at %(ref)s.") % {"ref": text(value)}

    def by_pk(self) -> dict[int, Claim]:
        return {claim.pk: claim for found in self.cached().values() for claim in found}


def sorted_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(sorted(actors, key=lambda actor: (actor.name, actor.pk or 0)))


class ActorsWidget(Widget):
    """Actors by canonical name, ``|``-separated, read once per import like ``ActorWidget``.

    Not a ``ManyToManyWidget``: the resource writes the relation itself, in bulk, and compares
    it without a query (import-export would read it again per row).
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.actors = ActorWidget()

    def names(self, value: object) -> list[str]:
        return [name for name in (n.strip() for n in text(value).split(SEPARATOR)) if name]

    def prime(self, values: Iterable[object]) -> None:
        self.actors.prime(name for value in values for name in self.names(value))

    def clean(self, value, row=None, **kwargs) -> tuple[Actor, ...]:
        return sorted_actors(set(map(self.actors.lookup, self.names(value))))

    def render(self, value, obj=None, **kwargs) -> str:
        return SEPARATOR.join(actor.name for actor in value or ())


class PlainDecimalWidget(Widget):
    """Decimals as ``1234.5`` whatever the locale, and as text in spreadsheets: no float."""

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if blank(value):
            return None
        try:
            return Decimal(text(value))
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": text(value)}) from None

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else format(value.normalize(), "f")


class PlainIntegerWidget(Widget):
    """Integers without the locale's thousands separator."""

    def clean(self, value, row=None, **kwargs) -> int | None:
        if blank(value):
            return None
        try:
            return int(text(value))
        except ValueError:
            message = _("“%(value)s” is not a whole number.") % {"value": text(value)}
            raise ValueError(message) from None

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else str(value)


class IsoDateTimeWidget(Widget):
    """Moments as ISO 8601 with their offset, to the microsecond."""

    def clean(self, value, row=None, **kwargs) -> datetime | None:
        if blank(value):
            return None
        if isinstance(value, datetime):  # a spreadsheet's own date cell
            moment = value
        else:
            try:
                moment = datetime.fromisoformat(text(value))
            except ValueError:
                raise ValueError(
                    _("“%(value)s” is not a date and time like 2020-02-27T21:05:00+01:00.")
                    % {"value": text(value)}
                ) from None
        if settings.USE_TZ and timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else timezone.localtime(value).isoformat()
