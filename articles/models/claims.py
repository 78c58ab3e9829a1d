from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from articles.anchoring import quote_at

from .common import MADE_BY, Origin, TimestampedModel, span_constraint


class ClaimQuerySet(models.QuerySet):
    def sourced_to(self, actor) -> "ClaimQuerySet":
        """Claims attributed to this actor."""
        return self.filter(source__actor=actor)

    def relayed_by(self, actor) -> "ClaimQuerySet":
        """Claims that came through this actor (an official speaking to Reuters: Reuters)."""
        return self.filter(via__actor=actor)

    def about(self, actor) -> "ClaimQuerySet":
        return self.filter(about=actor)

    def with_quantity(self) -> "ClaimQuerySet":
        return self.exclude(quantity_key="")

    def with_conflicting_quantities(self) -> "ClaimQuerySet":
        """Reports of a count cluster whose reports give different numbers."""
        return self.filter(cluster__disagrees=True)

    def editor_work(self) -> "ClaimQuerySet":
        """Claims that hold an editor's work and must survive a re-ingest."""
        return self.filter(
            Q(origin=Origin.EDITOR)
            | ~Q(status=Claim.Status.UNREVIEWED)
            | Q(notes__isnull=False)
            | Q(links_out__isnull=False)
            | Q(links_in__isnull=False)
            | Q(suggestions_out__status="rejected")
            | Q(suggestions_in__status="rejected")
            | Q(house_clusters__isnull=False)
        ).distinct()


class Claim(TimestampedModel):
    """A sentence or quote of an article that says something checkable, and who said it."""

    class Status(models.TextChoices):
        UNREVIEWED = "unreviewed", _("unreviewed")
        VERIFIED = "verified", _("verified")
        DISPUTED = "disputed", _("disputed")
        FALSE = "false", _("false")
        UNVERIFIABLE = "unverifiable", _("unverifiable")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        AT_LEAST = "at_least", _("at least")
        APPROXIMATELY = "approximately", _("approximately")
        MORE_THAN = "more_than", _("more than")
        LESS_THAN = "less_than", _("less than")

    # Leads the (article, start) index below, which serves its look-ups: no index of its own.
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="claims",
        db_index=False,
    )
    start = models.PositiveIntegerField(_("start"), help_text=_("Offset into the article text."))
    end = models.PositiveIntegerField(_("end"), help_text=_("Offset after the last character."))
    text = models.TextField(_("text"), help_text=_("The claim exactly as in the article."))
    prefix = models.CharField(
        _("text before"), max_length=64, blank=True, help_text=_("Re-anchors the claim on change.")
    )
    suffix = models.CharField(
        _("text after"), max_length=64, blank=True, help_text=_("Re-anchors the claim on change.")
    )
    source = models.ForeignKey(
        "articles.Source",
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims",
        help_text=_("Who the claim is attributed to; empty when the article says it itself."),
    )
    via = models.ForeignKey(
        "articles.Source",
        verbose_name=_("via"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relayed_claims",
        help_text=_("The channel it came through, e.g. an official speaking to Reuters."),
    )
    about = models.ManyToManyField(
        "articles.Actor", verbose_name=_("about"), blank=True, related_name="claims_about"
    )
    hedged = models.BooleanField(
        _("hedged"), default=False, help_text=_("Worded with reserve: zou, volgens, naar verluidt.")
    )
    direct_quote = models.TextField(_("direct quote"), blank=True)
    quantity_value = models.DecimalField(
        _("value"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    quantity_min = models.DecimalField(
        _("minimum"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    quantity_max = models.DecimalField(
        _("maximum"), max_digits=20, decimal_places=3, null=True, blank=True
    )
    quantity_qualifier = models.CharField(
        _("qualifier"), max_length=20, choices=Qualifier.choices, blank=True
    )
    quantity_what = models.CharField(
        _("what is counted"), max_length=300, blank=True, help_text=_("As written in the text.")
    )
    quantity_key = models.CharField(
        _("count key"),
        max_length=300,
        blank=True,
        help_text=_("What is counted, normalised so that comparable counts share it."),
    )
    status = models.CharField(
        _("review status"), max_length=20, choices=Status.choices, default=Status.UNREVIEWED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    origin = models.CharField(_("origin"), max_length=20, choices=MADE_BY, default=Origin.EXTRACTOR)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cluster = models.ForeignKey(
        "articles.CountCluster",
        verbose_name=_("count cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims",
        help_text=_("The reports of the same count this one belongs to."),
    )
    is_orphaned = models.BooleanField(
        _("orphaned"),
        default=False,
        help_text=_("Its text was not found again when the article changed; span is stale."),
    )

    objects = ClaimQuerySet.as_manager()
    # History records editors' changes (saves, deletes and ``about`` edits through the ORM or
    # the admin). The ingest writes extractor output with bulk_create/bulk_update, which send
    # no signals: no history rows for it, by design. (Its QuerySet.delete() of replaced
    # claims does send them.) ``updated_at`` is what history_date says.
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=["about"])

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["article", "start"]
        constraints = [
            span_constraint("claim"),
            models.CheckConstraint(
                condition=Q(quantity_min__isnull=True)
                | Q(quantity_max__isnull=True)
                | Q(quantity_min__lte=F("quantity_max")),
                name="claim_quantity_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(
                    quantity_value__isnull=True,
                    quantity_min__isnull=True,
                    quantity_max__isnull=True,
                )
                | ~Q(quantity_qualifier=""),
                name="claim_quantity_has_qualifier",
            ),
            models.CheckConstraint(
                condition=Q(status="unreviewed") | Q(reviewed_at__isnull=False),
                name="claim_reviewed_has_time",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                # An orphan keeps its stale span for review; it must not block a new claim there.
                condition=Q(origin="extractor", is_orphaned=False),
                name="claim_extractor_span_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "start"], name="claim_article_start_idx"),
            models.Index(fields=["status"], name="claim_status_idx"),
            models.Index(fields=["quantity_key"], name="claim_quantity_key_idx"),
            models.Index(fields=["hedged"], name="claim_hedged_idx"),
            models.Index(fields=["origin"], name="claim_origin_idx"),
            models.Index(fields=["quantity_qualifier"], name="claim_qualifier_idx"),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return text

    def clean(self) -> None:
        """Validate the span against the article text and take the claim's text from it.

        An orphaned claim keeps its saved quote: its span is stale, the text it points at is
        not its own. Clearing ``is_orphaned`` re-attaches it at the span given.
        """
        super().clean()
        if self.is_orphaned or self.article_id is None or self.start is None or self.end is None:
            return
        length = len(self.article.text)
        if not 0 <= self.start < self.end <= length:
            raise ValidationError(
                {
                    "end": _("The span must satisfy 0 ≤ start < end ≤ %(length)d.")
                    % {"length": length}
                }
            )
        self.anchor()

    def anchor(self) -> None:
        """Set text, prefix and suffix from the span of the article text."""
        quote = quote_at(self.article.text, self.start, self.end)
        self.text, self.prefix, self.suffix = quote.exact, quote.prefix, quote.suffix

    def set_status(self, status: str, reviewer) -> None:
        """Record a review: who and when, or clear both when back to unreviewed."""
        self.status = status
        reviewed = status != self.Status.UNREVIEWED
        self.reviewed_by = reviewer if reviewed else None
        self.reviewed_at = timezone.now() if reviewed else None

    @property
    def has_quantity(self) -> bool:
        return bool(self.quantity_key) or self.quantity_value is not None

    def links(self) -> models.QuerySet["ClaimLink"]:
        """Links in both directions."""
        return ClaimLink.objects.filter(Q(from_claim=self) | Q(to_claim=self)).select_related(
            "from_claim", "to_claim"
        )


class ClaimLink(models.Model):
    """How two claims relate: conflicts, corroborates, related, duplicates, updates."""

    class Relation(models.TextChoices):
        CONFLICTS = "conflicts", _("conflicts with")
        CORROBORATES = "corroborates", _("corroborates")
        RELATED = "related", _("related to")
        DUPLICATES = "duplicates", _("duplicates")
        UPDATES = "updates", _("updates")

    # Each leads an index below (the unique link, the other claim's relations): no index of
    # its own.
    from_claim = models.ForeignKey(
        Claim,
        verbose_name=_("claim"),
        on_delete=models.CASCADE,
        related_name="links_out",
        db_index=False,
    )
    to_claim = models.ForeignKey(
        Claim,
        verbose_name=_("other claim"),
        on_delete=models.CASCADE,
        related_name="links_in",
        db_index=False,
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # Links are editors' work: each one made, changed or removed is recorded with its editor.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim link")
        verbose_name_plural = _("claim links")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claimlink_no_self_link"
            ),
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "relation"], name="claimlink_unique"
            ),
        ]
        indexes = [models.Index(fields=["to_claim", "relation"], name="claimlink_to_relation_idx")]

    def __str__(self) -> str:
        return f"#{self.from_claim_id} {self.get_relation_display()} #{self.to_claim_id}"
