"""The pages phase: latency and query count of the pages editors and readers use most.

Runs inside Django (``python -m benchmarks.phases pages``) on an ingested database. Each page
is requested twice to warm up, once more under ``CaptureQueriesContext`` for its query count,
then ``REQUESTS`` times with the clock running; p50 and p95 are of those timed requests.

The objects are picked deterministically: the actor most claims are about (claims changelist
filter), the median article id, the most mentioned actor (actor page), and for search the
most mentioned actor whose name is one word.

``django.test.utils.setup_test_environment()`` is deliberately not called: it instruments
template rendering (a signal and a context copy per template) and would inflate every
latency. Only what it would do for the host is done: ``testserver`` is allowed.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlencode

WARM_UP = 2
REQUESTS = 20
USERNAME = "bench-superuser"


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    url: str
    search: bool = False


@dataclass(frozen=True, slots=True)
class PageResult:
    name: str
    url: str
    status: int
    p50_ms: float
    p95_ms: float
    queries: int
    search: bool


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value at or above ``fraction`` of them."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def pick_pages() -> list[Page]:
    """The pages to measure, on objects chosen the same way at every size."""
    from django.db.models import Count
    from django.urls import reverse

    from articles.models import Actor, Article, Claim, Mention

    about = (
        Claim.about.through.objects.values("actor_id")
        .annotate(n=Count("id"))
        .order_by("-n", "actor_id")
        .first()
    )
    by_mentions = list(
        Mention.objects.values("actor_id").annotate(n=Count("id")).order_by("-n", "actor_id")[:50]
    )
    if about is None or not by_mentions:
        raise SystemExit("the database has no claims about actors or no mentions: ingest first")
    count = Article.objects.count()
    median = Article.objects.order_by("pk").values_list("pk", flat=True)[count // 2]
    top = by_mentions[0]["actor_id"]
    names = dict(
        Actor.objects.filter(pk__in=[row["actor_id"] for row in by_mentions]).values_list(
            "pk", "name"
        )
    )
    ordered = [names[row["actor_id"]] for row in by_mentions]
    word = next((name for name in ordered if name.isalpha()), f'"{ordered[0]}"')
    changelist = reverse("admin:articles_claim_changelist")
    return [
        Page("overview", reverse("articles:overview")),
        Page("claims by actor (admin)", f"{changelist}?about={about['actor_id']}"),
        Page("article", reverse("articles:article", args=[median])),
        Page("actor", reverse("articles:actor", args=[top])),
        Page("conflicts", reverse("articles:conflicts")),
        Page("search", f"{reverse('articles:search')}?{urlencode({'q': word})}", search=True),
    ]


def superuser() -> Any:
    from django.contrib.auth import get_user_model

    users = get_user_model()
    user = users.objects.filter(username=USERNAME).first()
    return user or users.objects.create_superuser(USERNAME, "bench@example.invalid", None)


def measure_page(client: Any, page: Page) -> PageResult:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        client.get(page.url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)
    queries = len(captured.captured_queries)  # now: the next request clears the log
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(page.url)
        timings.append((time.perf_counter() - started) * 1000)
    return PageResult(
        name=page.name,
        url=page.url,
        status=response.status_code,
        p50_ms=statistics.median(timings),
        p95_ms=percentile(timings, 0.95),
        queries=queries,
        search=page.search,
    )


def measure_pages() -> dict[str, Any]:
    """Every page's result, as the phase prints it."""
    from django.conf import settings
    from django.test import Client

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client(raise_request_exception=False)
    client.force_login(superuser())
    results = [measure_page(client, page) for page in pick_pages()]
    return {
        "pages": [asdict(result) for result in results],
        "requests": REQUESTS,
        "warm_up": WARM_UP,
        "ok": all(result.status == 200 for result in results),
    }
