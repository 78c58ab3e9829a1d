"""Names typed in a terminal to rows: actors, sources and articles, with suggestions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from articles.models import Actor, ActorAlias, Article, Source
from articles.normalise import normalise_name

ACTOR, SOURCE, ARTICLE = "actor", "source", "article"
# How many candidate names one suggestion query reads at most, and how close they must be.
CANDIDATE_LIMIT = 5000
MAX_SUGGESTIONS = 3
SCORE_CUTOFF = 70


class UnknownName(Exception):
    """A name that matches nothing, with the nearest known names as suggestions."""

    def __init__(self, kind: str, name: str, suggestions: Sequence[str] = ()) -> None:
        self.kind, self.name, self.suggestions = kind, name, tuple(suggestions)
        super().__init__(kind, name, self.suggestions)

    def __str__(self) -> str:  # translated when shown, not when raised
        messages = {
            ACTOR: _('No actor named "%(name)s".'),
            SOURCE: _('No source or actor named "%(name)s".'),
            ARTICLE: _('No article "%(name)s".'),
        }
        message = messages.get(self.kind, _('Nothing named "%(name)s".')) % {"name": self.name}
        if self.suggestions:
            message += " " + _("Did you mean: %(names)s?") % {"names": ", ".join(self.suggestions)}
        return message


def resolve_actor(name: str) -> Actor:
    """The actor whose key or any alias (name, metonym, demonym) is ``name``, ignoring case and
    accents; its own key wins over another actor's alias. Raises ``UnknownName``."""
    actor = _find_actor(name)
    if actor is None:
        raise UnknownName(ACTOR, name, suggest_actors(name))
    return actor


def resolve_source_filter(name: str) -> Q:
    """A ``Claim`` filter: sourced to or relayed by the ``Source`` keyed ``name``, or by the
    actor so named (through its sources). Raises ``UnknownName`` when neither exists."""
    source_ids = list(Source.objects.filter(key=Source.key_for(name)).values_list("pk", flat=True))
    actor = _find_actor(name)
    if not source_ids and actor is None:
        raise UnknownName(SOURCE, name, _suggest(name, _source_candidates))
    condition = (Q(source__in=source_ids) | Q(via__in=source_ids)) if source_ids else Q()
    if actor is not None:
        condition |= Q(source__actor=actor) | Q(via__actor=actor)
    return condition


def resolve_article(reference: str) -> Article:
    """The article with this pk (when numeric) or ``external_id``. Raises ``UnknownName``."""
    reference = reference.strip()
    articles = Article.objects.defer("text")
    article = articles.filter(pk=int(reference)).first() if reference.isdigit() else None
    if article is None:
        article = articles.filter(external_id=reference).first()
    if article is None:
        raise UnknownName(ARTICLE, reference, _suggest(reference, _article_candidates))
    return article


def suggest_actors(name: str) -> list[str]:
    """Up to three actor names near ``name``, from keys and aliases sharing its first letter."""
    return _suggest(name, _actor_candidates)


def _find_actor(name: str) -> Actor | None:
    key = normalise_name(name)
    if not key:
        return None
    aliased = ActorAlias.objects.filter(normalised=key).values("actor_id")
    matches = list(Actor.objects.filter(Q(key=key) | Q(pk__in=aliased))[:2])
    return next((actor for actor in matches if actor.key == key), matches[0] if matches else None)


def _suggest(name: str, candidates: Callable[[str], Iterable[tuple[str, str]]]) -> list[str]:
    """``candidates(first_letter)``: ``(key, name shown)`` pairs, read in one bounded query."""
    key = normalise_name(name)
    if not key:
        return []
    shown = dict(candidates(key[0]))
    found = process.extract(
        key, list(shown), scorer=fuzz.WRatio, limit=None, score_cutoff=SCORE_CUTOFF
    )
    names: list[str] = []
    for candidate, _score, _index in found:
        if shown[candidate] not in names:
            names.append(shown[candidate])
        if len(names) == MAX_SUGGESTIONS:
            break
    return names


def _actor_names(letter: str) -> tuple[QuerySet, QuerySet]:
    """Unordered: SQLite allows no ORDER BY inside a UNION."""
    actors = Actor.objects.filter(key__startswith=letter).order_by()
    aliases = ActorAlias.objects.filter(normalised__startswith=letter).order_by()
    return actors.values_list("key", "name"), aliases.values_list("normalised", "actor__name")


def _actor_candidates(letter: str) -> Iterable[tuple[str, str]]:
    actors, aliases = _actor_names(letter)
    return actors.union(aliases, all=True)[:CANDIDATE_LIMIT]


def _source_candidates(letter: str) -> Iterable[tuple[str, str]]:
    sources = Source.objects.filter(key__startswith=letter, file_path="").order_by()
    return sources.values_list("key", "name").union(*_actor_names(letter), all=True)[
        :CANDIDATE_LIMIT
    ]


def _article_candidates(letter: str) -> Iterable[tuple[str, str]]:
    found = Article.objects.filter(external_id__istartswith=letter).values_list(
        "external_id", flat=True
    )
    return [(external_id.casefold(), external_id) for external_id in found[:CANDIDATE_LIMIT]]
