"""The load test's steps that run inside Django, one child process each.

    python -m benchmarks.load.steps readers --users N --password P --prefix reader-
    python -m benchmarks.load.steps check --files DIR [DIR ...]

The database is the one ``DATABASE_URL`` names. Each step prints one JSON object as the last
line of its standard output.

``readers`` makes the reader accounts (bulk: the password is hashed once and shared) as
members of the Readers group, and picks what the readers will browse: samples of article,
claim and actor ids, the number of article list and conflict pages, and search words.

``check`` counts what the ingest stored: articles, duplicate actor and source keys, and for
every file under the given folders how many articles carry its external id (its stem).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SAMPLE = 400  # ids of each kind handed to the readers
# Dutch words that occur often in the generated corpus (benchmarks.corpus), and a phrase.
SEARCH_WORDS = (
    "doden",
    "gewonden",
    "luchtaanval",
    "bombardement",
    "burgemeester",
    "ziekenhuis",
    "staking",
    "gemeenteraad",
    "woordvoerder",
    "ministerie",
    '"persbureau ANP"',
)
ARTICLE_PAGE_SIZE = 25  # ArticleListView.paginate_by
CONFLICT_PAGE_SIZE = 20  # ConflictListView.paginate_by


def make_readers(prefix: str, count: int, password: str) -> int:
    """``count`` staff users ``<prefix>001``… in the Readers group; returns how many were new."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from articles.roles import READERS, role_group

    users = get_user_model()
    names = [f"{prefix}{n:03d}" for n in range(1, count + 1)]
    hashed = make_password(password)
    with transaction.atomic():
        existing = set(users.objects.filter(username__in=names).values_list("username", flat=True))
        new = [
            users(username=name, password=hashed, is_staff=True, is_active=True)
            for name in names
            if name not in existing
        ]
        users.objects.bulk_create(new)
        users.objects.filter(username__in=names).update(password=hashed, is_staff=True)
        group = role_group(READERS)
        members = users.groups.through
        ids = users.objects.filter(username__in=names).values_list("pk", flat=True)
        members.objects.bulk_create(
            [members(user_id=pk, group_id=group.pk) for pk in ids], ignore_conflicts=True
        )
    return len(new)


def _sample(ids: list[int], size: int, rng: random.Random) -> list[int]:
    return sorted(rng.sample(ids, size)) if len(ids) > size else sorted(ids)


def browse_targets(seed: int = 1) -> dict[str, Any]:
    """What the readers browse: id samples, page counts and search words."""
    from django.db.models import Count

    from articles import reading
    from articles.models import Actor, Article, Claim

    rng = random.Random(seed)
    article_ids = list(Article.objects.values_list("pk", flat=True))
    claim_ids = list(Claim.objects.values_list("pk", flat=True))
    mentioned = Actor.objects.annotate(n=Count("mentions")).filter(n__gt=0)
    actor_ids = list(mentioned.values_list("pk", flat=True))
    top_names = mentioned.order_by("-n", "pk").values_list("name", flat=True)[:40]
    names = [name for name in top_names if name.isalpha()][:5]
    conflicts = reading.disagreeing_clusters(None).count()
    return {
        "articles": _sample(article_ids, SAMPLE, rng),
        "claims": _sample(claim_ids, SAMPLE, rng),
        "actors": _sample(actor_ids, SAMPLE, rng),
        "article_pages": max(1, math.ceil(len(article_ids) / ARTICLE_PAGE_SIZE)),
        "conflict_pages": max(1, math.ceil(conflicts / CONFLICT_PAGE_SIZE)),
        "search_words": [*SEARCH_WORDS, *names],
    }


def readers(args: argparse.Namespace) -> dict[str, Any]:
    made = make_readers(args.prefix, args.users, args.password)
    return {"readers_made": made, **browse_targets()}


def external_ids(folders: Sequence[Path]) -> list[str]:
    """The external ids of the article files under ``folders`` (a file's stem)."""
    return sorted(path.stem for folder in folders for path in Path(folder).rglob("*.txt"))


def check(args: argparse.Namespace) -> dict[str, Any]:
    """Counts for the integrity checks (see ``benchmarks.phases.counts`` for the rest)."""
    from django.db.models import Count

    from articles.models import Article, Source
    from benchmarks.phases import counts

    expected = external_ids(args.files)
    stored = dict(
        Article.objects.filter(external_id__in=expected)
        .values("external_id")
        .annotate(n=Count("pk"))
        .values_list("external_id", "n")
    )
    return {
        **counts(args),
        "files": len(expected),
        "files_missing": sum(1 for eid in expected if eid not in stored),
        "files_stored_twice": sum(1 for n in stored.values() if n > 1),
        "file_sources": Source.objects.exclude(file_path="").count(),
    }


STEPS = {"readers": readers, "check": check}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("--users", type=int, default=0, help="reader accounts to make")
    parser.add_argument("--password", default="", help="their password")
    parser.add_argument("--prefix", default="reader-", help="their usernames' prefix")
    parser.add_argument("--files", type=Path, nargs="*", default=[], help="ingested folders")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    import django

    django.setup()
    result = STEPS[args.step](args)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
