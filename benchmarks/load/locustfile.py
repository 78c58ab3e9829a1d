"""A logged-in reader browsing newsdb's reading pages, for locust.

    locust -f benchmarks/load/locustfile.py --headless -u 50 -r 50 -t 60s --host URL

Each user logs in once through the admin login form (``<prefix>NNN``, users numbered in the
order they start and wrapping around the accounts there are), looks at every kind of page once,
then browses with weighted tasks. Requests are named by page type, so the statistics group per
page. A response that is not 2xx/3xx, or that lands on the login page, is a failure.

With ``NEWSDB_LOAD_USERS`` and ``NEWSDB_LOAD_SECONDS`` set, the logins are a phase of their
own: nobody browses until all the users have logged in (one password hash each, which would
otherwise crowd the first seconds), and the run ends ``NEWSDB_LOAD_SECONDS`` later; ``-t``
stays the hard bound. The moment browsing starts is written to ``NEWSDB_LOAD_READY``.

Read from the environment (``benchmarks.load.run`` sets them all):

- ``NEWSDB_LOAD_PASSWORD``, ``NEWSDB_LOAD_ACCOUNTS`` (how many accounts), and
  ``NEWSDB_LOAD_PREFIX`` (default ``reader-``);
- ``NEWSDB_LOAD_TARGETS``: a JSON file from ``benchmarks.load.steps readers`` with ids to
  browse, page counts and search words; without it the readers start from the lists and
  follow the links they find;
- ``NEWSDB_LOAD_WAIT_MIN`` / ``_MAX``: the think time between pages (default 0.5–1.5 s);
- ``NEWSDB_LOAD_RECORDS``: where every request is written, a JSON object a line (name,
  start time, response time in ms, ok, error), for ``benchmarks.load.stats``.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlencode

import gevent
from gevent.event import Event
from locust import HttpUser, between, events, task
from locust.env import Environment

LOGIN_PATH = "/admin/login/"
LOGIN_FORM = 'id="login-form"'
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LINK_RE = re.compile(r'href="/(articles|claims|actors)/(\d+)/"')
REQUEST_TIMEOUT = 60  # seconds; a page slower than this is a failure, not a hang
POOL_CAP = 5_000
DEFAULT_WORDS = ("doden", "gewonden", "burgemeester", "ziekenhuis")


class Pool:
    """Ids of one kind: the runner's sample, grown by the links readers see (bounded)."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = list(dict.fromkeys(ids))
        self.known = set(self.ids)

    def add(self, value: int) -> None:
        if value in self.known:
            return
        if len(self.ids) >= POOL_CAP:
            slot = random.randrange(len(self.ids))
            self.known.discard(self.ids[slot])
            self.ids[slot] = value
        else:
            self.ids.append(value)
        self.known.add(value)

    def pick(self) -> int | None:
        return random.choice(self.ids) if self.ids else None


def _targets() -> dict[str, Any]:
    path = os.environ.get("NEWSDB_LOAD_TARGETS")
    return json.loads(Path(path).read_text(encoding="utf-8")) if path else {}


TARGETS = _targets()
POOLS = {kind: Pool(TARGETS.get(kind, [])) for kind in ("articles", "claims", "actors")}
ARTICLE_PAGES = int(TARGETS.get("article_pages", 1))
CONFLICT_PAGES = int(TARGETS.get("conflict_pages", 1))
SEARCH_WORDS = list(TARGETS.get("search_words") or DEFAULT_WORDS)
PASSWORD = os.environ.get("NEWSDB_LOAD_PASSWORD", "")
ACCOUNTS = max(1, int(os.environ.get("NEWSDB_LOAD_ACCOUNTS", "1")))
PREFIX = os.environ.get("NEWSDB_LOAD_PREFIX", "reader-")
NUMBERS = itertools.count()
RECORDS: TextIO | None = None
EXPECTED_USERS = int(os.environ.get("NEWSDB_LOAD_USERS", "0"))
BROWSE_SECONDS = float(os.environ.get("NEWSDB_LOAD_SECONDS", "0"))
LOGGED_IN = itertools.count(1)
BROWSING = Event()
if EXPECTED_USERS < 1:
    BROWSING.set()  # no login phase


def logged_in(environment: Environment) -> None:
    """Count a finished login; the last one starts the browsing and its clock."""
    if next(LOGGED_IN) != EXPECTED_USERS:
        return
    ready = os.environ.get("NEWSDB_LOAD_READY")
    if ready:
        Path(ready).write_text(f"{time.time()}\n", encoding="utf-8")
    if BROWSE_SECONDS > 0 and environment.runner is not None:
        gevent.spawn_later(BROWSE_SECONDS, environment.runner.quit)
    BROWSING.set()


def harvest(text: str) -> None:
    """Remember the articles, claims and actors a page links to."""
    for kind, value in LINK_RE.findall(text):
        POOLS[kind].add(int(value))


def failure_reason(response: Any) -> str | None:
    """Why a response counts as an error, or None when it is a good page."""
    if response.status_code is None or response.status_code == 0:
        return f"no response: {response.error!r}"
    if not 200 <= response.status_code < 400:
        return f"HTTP {response.status_code}"
    if LOGIN_PATH in (response.url or "") or LOGIN_FORM in (response.text or ""):
        return "landed on the login page"
    return None


class Reader(HttpUser):
    """A logged-in member of the Readers group reading articles, claims and conflicts."""

    wait_time = between(
        float(os.environ.get("NEWSDB_LOAD_WAIT_MIN", "0.5")),
        float(os.environ.get("NEWSDB_LOAD_WAIT_MAX", "1.5")),
    )

    def on_start(self) -> None:
        self.username = f"{PREFIX}{next(NUMBERS) % ACCOUNTS + 1:03d}"
        try:
            self.login()
        finally:
            logged_in(self.environment)
        BROWSING.wait()
        self.tour()

    def tour(self) -> None:
        """Every kind of page once, so that even a short run requests them all."""
        pages = [self.overview, self.article_list, self.article, self.claim, self.actor]
        for page in [*pages, self.conflicts, self.search]:
            page()
            self.wait()

    def login(self) -> None:
        form = self.client.get(LOGIN_PATH, name="login form", timeout=REQUEST_TIMEOUT)
        token = CSRF_RE.search(form.text or "")
        data = {
            "csrfmiddlewaretoken": token.group(1) if token else "",
            "username": self.username,
            "password": PASSWORD,
            "next": "/",
        }
        with self.client.post(
            LOGIN_PATH,
            data=data,
            name="login",
            headers={"Referer": f"{self.host}{LOGIN_PATH}"},
            timeout=REQUEST_TIMEOUT,
            catch_response=True,
        ) as response:
            self.judge(response)

    def judge(self, response: Any) -> None:
        reason = failure_reason(response)
        if reason:
            response.failure(reason)
        else:
            harvest(response.text or "")

    def read(self, path: str, name: str) -> None:
        with self.client.get(
            path, name=name, timeout=REQUEST_TIMEOUT, catch_response=True
        ) as response:
            self.judge(response)

    def read_object(self, kind: str, name: str) -> None:
        """An object page; before any id is known, the article list (which links to some)."""
        picked = POOLS[kind].pick()
        if picked is None:
            self.article_list()
        else:
            self.read(f"/{kind}/{picked}/", name)

    @task(1)
    def overview(self) -> None:
        self.read("/", "overview")

    @task(2)
    def article_list(self) -> None:
        page = random.randint(1, ARTICLE_PAGES)
        self.read(f"/articles/?page={page}" if page > 1 else "/articles/", "article list")

    @task(4)
    def article(self) -> None:
        self.read_object("articles", "article")

    @task(3)
    def claim(self) -> None:
        self.read_object("claims", "claim")

    @task(2)
    def actor(self) -> None:
        self.read_object("actors", "actor")

    @task(1)
    def conflicts(self) -> None:
        page = random.randint(1, CONFLICT_PAGES)
        self.read(f"/conflicts/?page={page}" if page > 1 else "/conflicts/", "conflicts")

    @task(2)
    def search(self) -> None:
        query = urlencode({"q": random.choice(SEARCH_WORDS)})
        self.read(f"/search/?{query}", "search")


@events.request.add_listener
def record(name: str, response_time: float, exception: Exception | None, **kwargs: Any) -> None:
    """Every request, for exact percentiles and a split by the ingest's time."""
    global RECORDS
    path = os.environ.get("NEWSDB_LOAD_RECORDS")
    if not path:
        return
    if RECORDS is None:
        RECORDS = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed on quitting
    line = {
        "name": name,
        "start": kwargs.get("start_time"),
        "ms": response_time,
        "ok": exception is None,
        "error": None if exception is None else str(exception)[:300],
    }
    RECORDS.write(json.dumps(line) + "\n")


@events.quitting.add_listener
def close_records(**_kwargs: Any) -> None:
    if RECORDS is not None:
        RECORDS.close()
