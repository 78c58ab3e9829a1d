from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .common import TimestampedModel


class Note(TimestampedModel):
    """An editor's note on a claim or on an article (exactly one of the two)."""

    claim = models.ForeignKey(
        "articles.Claim",
        verbose_name=_("claim"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notes",
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsdb_notes",
    )
    body = models.TextField(_("note"))

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(claim__isnull=False, article__isnull=True)
                | Q(claim__isnull=True, article__isnull=False),
                name="note_on_claim_xor_article",
            ),
        ]

    def __str__(self) -> str:
        return self.body if len(self.body) <= 60 else self.body[:59] + "…"
