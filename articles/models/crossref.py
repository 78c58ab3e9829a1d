"""Cross-referencing: clusters of reports of one count, suggested links, and blocking keys."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .claims import Claim, ClaimLink
from .common import TimestampedModel


class CountClusterQuerySet(models.QuerySet):
    def disagreeing(self) -> "CountClusterQuerySet":
        """Clusters whose reports give more than one figure (a value, or a range's minimum)."""
        return self.filter(disagrees=True)


class CountCluster(TimestampedModel):
    """Claims that report the same count (Turkish soldiers killed in Idlib, 27 February 2020).

    Every report stays; an editor may record the house figure: what newsdb's users should
    publish, with who decided and when. The report it follows ranks first (preferred, as
    Wikidata ranks statements), false and superseded reports rank last (deprecated).
    """

    key = models.CharField(
        _("count key"),
        max_length=300,
        help_text=_("The normalised counted thing the reports share, e.g. turks militair|dood."),
    )
    label = models.CharField(
        _("label"), max_length=300, help_text=_("What is counted, as an article wrote it.")
    )
    house_claim = models.ForeignKey(
        Claim,
        verbose_name=_("house figure follows"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="house_clusters",
        help_text=_("The report the house figure follows."),
    )
    house_value = models.DecimalField(
        _("house figure"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    house_qualifier = models.CharField(
        _("house qualifier"), max_length=20, choices=Claim.Qualifier.choices, blank=True
    )
    house_wording = models.TextField(
        _("house wording"),
        blank=True,
        help_text=_("The wording to publish, e.g. “zeker 33 doden, volgens …”."),
    )
    house_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    house_decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Tallies of the reports, kept by ``articles.crossref.tallies`` whenever a claim joins,
    # leaves or changes its figure: pages list and count disagreeing clusters through an index
    # instead of grouping every claim of the archive.
    report_count = models.PositiveIntegerField(
        _("reports"), default=0, editable=False, help_text=_("How many claims report this count.")
    )
    disagrees = models.BooleanField(
        _("reports disagree"),
        default=False,
        editable=False,
        help_text=_("Whether its reports give more than one figure."),
    )

    objects = CountClusterQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at", "report_count", "disagrees"])

    class Meta:
        verbose_name = _("count cluster")
        verbose_name_plural = _("count clusters")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(house_value__isnull=True) | ~Q(house_qualifier=""),
                name="countcluster_house_value_has_qualifier",
            ),
            models.CheckConstraint(
                condition=(Q(house_value__isnull=True) & Q(house_wording=""))
                | Q(house_decided_at__isnull=False),
                name="countcluster_house_figure_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["key"], name="countcluster_key_idx"),
            models.Index(fields=["disagrees", "id"], name="countcluster_disagrees_idx"),
        ]

    def __str__(self) -> str:
        return self.label or self.key

    @property
    def has_house_figure(self) -> bool:
        return self.house_value is not None or bool(self.house_wording)


class LinkSuggestion(models.Model):
    """A link between two claims that newsdb proposes and an editor accepts or rejects.

    Each pair of claims is proposed at most once, in the direction of its relation (a later
    report updates an earlier one); a rejected suggestion stays, which is what keeps it from
    being proposed again, across re-ingests (its claims count as editors' work and are kept).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    from_claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="suggestions_out"
    )
    # Leads the (other claim, status) index below: no index of its own, one fewer to write
    # for each of the millions of suggestions.
    to_claim = models.ForeignKey(
        Claim,
        verbose_name=_("other claim"),
        on_delete=models.CASCADE,
        related_name="suggestions_in",
        db_index=False,
    )
    relation = models.CharField(_("relation"), max_length=20, choices=ClaimLink.Relation.choices)
    score = models.FloatField(_("score"), help_text=_("How sure newsdb is, from 0 to 1."))
    reasons = models.JSONField(
        _("reasons"), default=list, help_text=_("What the two claims share, as data.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    link = models.ForeignKey(
        ClaimLink,
        verbose_name=_("link"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        help_text=_("The link made when the suggestion was accepted."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("suggested link")
        verbose_name_plural = _("suggested links")
        ordering = ["-score", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="linksuggestion_no_self_link"
            ),
            # One suggestion per pair, whichever way round: the direction is the relation's.
            models.UniqueConstraint(
                Least("from_claim", "to_claim"),
                Greatest("from_claim", "to_claim"),
                name="linksuggestion_pair_unique",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=1), name="linksuggestion_score_range"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(decided_at__isnull=False),
                name="linksuggestion_decided_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score"], name="linksuggestion_status_idx"),
            models.Index(fields=["to_claim", "status"], name="linksuggestion_to_idx"),
            models.Index(fields=["relation"], name="linksuggestion_relation_idx"),
        ]

    def __str__(self) -> str:
        return f"#{self.from_claim_id} {self.get_relation_display()} #{self.to_claim_id}"

    @property
    def reason(self) -> str:
        """The reasons in words, in the reader's language."""
        from articles.crossref.reasons import describe

        return describe(self.reasons)


class BlockingKey(models.Model):
    """One thing a claim shares with the claims it could link to: a count, an actor, a text.

    Candidate claims are found by looking keys up in this index instead of comparing every
    claim with every other, so linking a new article costs the same at any database size.
    """

    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="blocking_keys"
    )
    key = models.CharField(_("key"), max_length=200)

    class Meta:
        verbose_name = _("blocking key")
        verbose_name_plural = _("blocking keys")
        ordering = ["key", "claim"]
        constraints = [
            models.UniqueConstraint(fields=["key", "claim"], name="blockingkey_unique"),
        ]

    def __str__(self) -> str:
        return self.key
