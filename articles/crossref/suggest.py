"""Suggesting links for the claims of one article against everything stored before.

The cost of one article does not grow with the database: candidates come from an index of
blocking keys, read at most ``CANDIDATES_PER_KEY`` rows per key (the most recently stored),
and every step runs a fixed number of queries (on SQLite, one more per ``KEYS_PER_QUERY`` keys).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from django.db import connection, transaction

from articles.bulk import among, insert_rows
from articles.models import Article, BlockingKey, Claim, ClaimLink, LinkSuggestion

from .clusters import assign_clusters
from .facts import ClaimFacts
from .keys import blocking_keys, lookup_keys
from .load import load_facts_by_id, load_facts_of_articles
from .score import Candidate, Scorer

CANDIDATES_PER_KEY = 200
# The claims sharing the most keys with a claim are scored against it, no more than this.
COMPARISONS_PER_CLAIM = 60
# Of those, the claims that share a single key with it (measured on a synthetic archive: one
# in six such pairs scores, against four in five of those sharing two keys or more).
LOOSE_COMPARISONS = 10
# Links proposed for one claim, the best scored: more would bury an editor (a boilerplate
# sentence repeated by hundreds of articles), and the rest of a count joins its cluster.
SUGGESTIONS_PER_CLAIM = 5
# SQLite joins at most 500 SELECTs in one compound query.
KEYS_PER_QUERY = 400
# The advisory lock writers take turns with: any constant that is newsdb's alone.
SUGGEST_LOCK = 0x6E657773  # "news"


@dataclass(frozen=True, slots=True)
class Suggested:
    candidates: int  # claims compared
    suggestions: int  # new suggestions stored
    clustered: int  # claims that joined or founded a count cluster


def suggest_for_article(article: Article | int) -> Suggested:
    """Propose links between this article's claims and the stored claims they share keys with."""
    return suggest_for_articles_together([article if isinstance(article, int) else article.pk])


def suggest_for_articles_together(article_ids: Collection[int]) -> Suggested:
    """Propose links for the claims of these articles, just stored, in one pass: against each
    other and against every claim stored before. Runs in the caller's transaction.

    On PostgreSQL, concurrent writers take turns here (a transaction-level advisory lock,
    held until commit), so that each sees the claims the others committed: two ingests running
    at once still compare their articles, and never lock the same claims in opposite orders.
    """
    wait_for_other_writers()
    own = store_keys_of(article_ids)
    return apply_plan(plan_suggestions(article_ids, own))


@dataclass(frozen=True, slots=True)
class Plan:
    """What comparing some articles' claims found, before anything of it is written."""

    article_ids: tuple[int, ...]
    own: list[ClaimFacts]
    compared: int  # other claims compared
    others: dict[int, ClaimFacts]  # the other claims of the candidates
    candidates: list[Candidate]


def store_keys_of(article_ids: Collection[int]) -> list[ClaimFacts]:
    """Store the blocking keys of these articles' claims; their facts."""
    own = load_facts_of_articles(article_ids)
    _store_keys(own)
    return own


def plan_suggestions(
    article_ids: Collection[int], own: list[ClaimFacts], *, up_to_claim: int | None = None
) -> Plan:
    """Compare the claims (``own``, their keys stored) with the claims they share keys with,
    only reading: the candidates come from claims up to ``up_to_claim`` when given, so that a
    batch compared ahead of its turn sees what it would have seen in turn."""
    if not own:
        return Plan(tuple(article_ids), [], 0, {}, [])
    wanted = {facts.claim_id: lookup_keys(facts) for facts in own}
    by_key = _claims_by_key(set().union(*wanted.values()), up_to_claim)
    shortlist = {claim_id: _shortlist(keys, by_key) for claim_id, keys in wanted.items()}
    others = {f.claim_id: f for f in load_facts_by_id(set().union(*shortlist.values()))}
    candidates = _score(own, shortlist, others)
    linked = {pk for c in candidates for pk in (c.first, c.second) if pk in others}
    kept = {pk: others[pk] for pk in linked}  # all a plan sent to another process needs
    return Plan(tuple(article_ids), own, len(others), kept, candidates)


def apply_plan(plan: Plan, *, refresh: bool = False) -> Suggested:
    """Write what the plan found: new suggestions, and claims placed in count clusters (with
    ``refresh``, by their clusters as they are now, not as they were when planned)."""
    if not plan.own:
        return Suggested(0, 0, 0)
    own, others = (plan.own, plan.others) if not refresh else _current_clusters(plan)
    created = _store_new(plan.candidates, [facts.claim_id for facts in plan.own])
    clustered = assign_clusters(own, others, plan.candidates)
    return Suggested(plan.compared, created, clustered)


def _current_clusters(plan: Plan) -> tuple[list[ClaimFacts], dict[int, ClaimFacts]]:
    ids = [f.claim_id for f in plan.own] + list(plan.others)
    now = dict(Claim.objects.filter(pk__in=among(ids)).values_list("pk", "cluster_id"))

    def current(facts: ClaimFacts) -> ClaimFacts:
        cluster_id = now.get(facts.claim_id, facts.cluster_id)
        return facts if cluster_id == facts.cluster_id else replace(facts, cluster_id=cluster_id)

    return [current(f) for f in plan.own], {pk: current(f) for pk, f in plan.others.items()}


def wait_for_other_writers() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SUGGEST_LOCK])


def _store_keys(claims: Iterable[ClaimFacts]) -> None:
    rows = [(f.claim_id, key) for f in claims for key in sorted(blocking_keys(f))]
    insert_rows(BlockingKey, ("claim_id", "key"), rows, ignore_conflicts=True)


def _claims_by_key(keys: set[str], up_to_claim: int | None = None) -> dict[str, list[int]]:
    """The newest claims under each key (up to ``up_to_claim``), at most
    ``CANDIDATES_PER_KEY`` per key.

    One ``LIMIT``ed index walk per key: the database reads at most ``CANDIDATES_PER_KEY`` rows
    per key however many claims share it. (A window function ranking every row under the keys
    reads them all, and grows with the database.)
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    with connection.cursor() as cursor:
        for sql, params in _newest_per_key_queries(sorted(keys), up_to_claim):
            cursor.execute(sql, params)
            for key, claim_id in cursor.fetchall():
                by_key[key].append(claim_id)
    return by_key


def _newest_per_key_queries(
    keys: list[str], up_to_claim: int | None
) -> Iterator[tuple[str, list[Any]]]:
    """On PostgreSQL one ``LATERAL`` join over the keys as an array. SQLite has no
    ``LATERAL``: the walks are joined by ``UNION ALL``, ``KEYS_PER_QUERY`` at a time (raw SQL,
    as Django cannot slice the parts of a compound query there). PostgreSQL took 50 ms to plan
    such a union of 400 walks, and 5 ms to plan and run the join."""
    quote = connection.ops.quote_name
    table, key, claim = (
        quote(BlockingKey._meta.db_table),
        quote("key"),
        quote(BlockingKey._meta.get_field("claim").column),
    )
    limit = int(CANDIDATES_PER_KEY)
    bounded = up_to_claim is not None
    bound = f" AND {claim} <= %s" if bounded else ""
    if connection.vendor == "postgresql":
        yield (
            f"SELECT wanted.{key}, newest.{claim} FROM unnest(%s::text[]) AS wanted({key}) "
            f"CROSS JOIN LATERAL (SELECT {claim} FROM {table} WHERE {key} = wanted.{key}{bound} "
            f"ORDER BY {claim} DESC LIMIT {limit}) AS newest",
            [keys, up_to_claim] if bounded else [keys],
        )
        return
    part = (
        f"SELECT * FROM (SELECT {key}, {claim} FROM {table} WHERE {key} = %s{bound} "
        f"ORDER BY {claim} DESC LIMIT {limit}) AS newest_{{n}}"
    )
    for first in range(0, len(keys), KEYS_PER_QUERY):
        chunk = keys[first : first + KEYS_PER_QUERY]
        params = [value for k in chunk for value in (k, up_to_claim)] if bounded else chunk
        yield " UNION ALL ".join(part.format(n=n) for n in range(len(chunk))), params


def _shortlist(keys: set[str], by_key: dict[str, list[int]]) -> set[int]:
    """The claims sharing the most keys with one claim, newest first among equals.

    Claims sharing a single key (one actor, one counted word) rarely link, so only the newest
    ``LOOSE_COMPARISONS`` of them are compared: most pairs worth proposing share two keys or
    more.
    """
    shared = Counter(chain.from_iterable(by_key.get(key, ()) for key in keys))
    # Most keys shared first, then the newest claim. Most claims share one key: they are
    # ranked apart, by id alone, rather than all of them through one heap of (count, id).
    strong = [(count, claim_id) for claim_id, count in shared.items() if count > 1]
    if len(strong) > COMPARISONS_PER_CLAIM:
        strong = heapq.nlargest(COMPARISONS_PER_CLAIM, strong)
    chosen = {claim_id for _count, claim_id in strong}
    room = min(LOOSE_COMPARISONS, COMPARISONS_PER_CLAIM - len(strong))
    if room > 0:
        loose = [claim_id for claim_id, count in shared.items() if count == 1]
        chosen.update(heapq.nlargest(room, loose) if len(loose) > room else loose)
    return chosen


def _score(
    own: list[ClaimFacts], shortlist: dict[int, set[int]], others: dict[int, ClaimFacts]
) -> list[Candidate]:
    """The best ``SUGGESTIONS_PER_CLAIM`` links of each claim, each pair once."""
    found: dict[frozenset[int], Candidate] = {}
    score_pair = Scorer()
    # Newest article first: a pair of articles stored together is seen from the later one, as
    # it is when they are stored one after the other. Of pairs scored alike, the newest other
    # claim is kept (``nlargest`` keeps the first of equals).
    for facts in sorted(own, key=lambda f: (-f.article_id, f.claim_id)):
        scored = []
        for other_id in sorted(shortlist[facts.claim_id], reverse=True):
            pair = frozenset((facts.claim_id, other_id))
            if len(pair) == 1 or pair in found or other_id not in others:
                continue
            candidate = score_pair(facts, others[other_id])
            if candidate is not None:
                scored.append((pair, candidate))
        best = heapq.nlargest(SUGGESTIONS_PER_CLAIM, scored, key=lambda item: item[1].score)
        found.update(best)
    return list(found.values())


def _store_new(candidates: list[Candidate], own_ids: list[int]) -> int:
    """Store the candidates no suggestion or link already covers, whatever its decision.

    Every candidate has one of these claims; what covers it is found through them, a side
    at a time so that each query reads an index (an ``OR`` of the two sides, or a join to the
    articles, reads every suggestion of the archive).
    """
    if not candidates:
        return 0
    known = {
        frozenset(pair)
        for model in (LinkSuggestion, ClaimLink)
        for side in ("from_claim__in", "to_claim__in")
        for pair in model.objects.filter(**{side: among(own_ids)}).values_list(
            "from_claim_id", "to_claim_id"
        )
    }
    fresh = [c for c in candidates if frozenset((c.first, c.second)) not in known]
    insert_rows(
        LinkSuggestion,
        ("from_claim_id", "to_claim_id", "relation", "score", "reasons"),
        [(c.first, c.second, c.relation, c.score, c.reasons) for c in fresh],
        ignore_conflicts=True,
    )
    return len(fresh)


def suggest_for_articles(
    articles: Iterable[int], on_article: Callable[[Suggested], None] | None = None
) -> Suggested:
    """Suggest links for many articles, each in a transaction of its own; returns the totals."""
    candidates = suggestions = clustered = 0
    for article_id in articles:
        with transaction.atomic():
            done = suggest_for_article(article_id)
        candidates += done.candidates
        suggestions += done.suggestions
        clustered += done.clustered
        if on_article is not None:
            on_article(done)
    return Suggested(candidates, suggestions, clustered)
