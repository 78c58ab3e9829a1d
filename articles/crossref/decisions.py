"""Editors' decisions: accepting or rejecting a suggested link, and the house figure."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from articles.models import Claim, ClaimLink, CountCluster, LinkSuggestion

from .reasons import describe

Status = LinkSuggestion.Status


def accept_suggestions(suggestions: Iterable[LinkSuggestion], editor) -> int:
    """Turn pending suggestions into ordinary links, made by this editor; returns how many."""
    pending = [s for s in suggestions if s.status == Status.PENDING]
    if not pending:
        return 0
    with transaction.atomic():
        existing = _existing_links(pending)
        links = [
            ClaimLink(
                from_claim_id=s.from_claim_id,
                to_claim_id=s.to_claim_id,
                relation=s.relation,
                note=describe(s.reasons),
                created_by=editor,
            )
            for s in pending
            if (s.from_claim_id, s.to_claim_id, s.relation) not in existing
        ]
        bulk_create_with_history(links, ClaimLink, default_user=editor)
        made = {(link.from_claim_id, link.to_claim_id, link.relation): link for link in links}
        made |= _existing_links(pending)
        now = timezone.now()
        for suggestion in pending:
            suggestion.status, suggestion.decided_by, suggestion.decided_at = (
                Status.ACCEPTED,
                editor,
                now,
            )
            key = (suggestion.from_claim_id, suggestion.to_claim_id, suggestion.relation)
            suggestion.link = made.get(key)
        LinkSuggestion.objects.bulk_update(pending, ["status", "decided_by", "decided_at", "link"])
    return len(pending)


def _existing_links(suggestions: list[LinkSuggestion]) -> dict[tuple[int, int, str], ClaimLink]:
    claims = {s.from_claim_id for s in suggestions}
    links = ClaimLink.objects.filter(from_claim__in=claims)
    return {(link.from_claim_id, link.to_claim_id, link.relation): link for link in links}


def reject_suggestions(suggestions: Iterable[LinkSuggestion], editor) -> int:
    """Reject pending suggestions: kept, so that the same pair is never proposed again."""
    ids = [s.pk for s in suggestions if s.status == Status.PENDING]
    return LinkSuggestion.objects.filter(pk__in=ids, status=Status.PENDING).update(
        status=Status.REJECTED, decided_by=editor, decided_at=timezone.now()
    )


def set_house_figure(
    cluster: CountCluster,
    editor,
    *,
    value: Decimal | None,
    qualifier: str = "",
    wording: str = "",
    follows: Claim | None = None,
) -> CountCluster:
    """Record what newsdb's users should publish for this count, and who decided when."""
    if follows is not None and follows.cluster_id != cluster.pk:
        raise ValueError(f"claim #{follows.pk} is not a report of cluster #{cluster.pk}")
    if value is not None and not qualifier:
        qualifier = Claim.Qualifier.EXACT
    cluster.house_value, cluster.house_qualifier, cluster.house_wording = value, qualifier, wording
    cluster.house_claim = follows
    cluster.house_decided_by, cluster.house_decided_at = editor, timezone.now()
    cluster._history_user = editor
    cluster.save()
    return cluster
