from django.db import models
from django.utils.translation import gettext_lazy as _


class Origin(models.TextChoices):
    """Who made a row: re-ingest re-derives extractor rows and never touches editor rows."""

    EXTRACTOR = "extractor", _("extractor")
    EDITOR = "editor", _("editor")
    GAZETTEER = "gazetteer", _("gazetteer")


# Claims and mentions are made by the extractor or by an editor, never by the gazetteer.
MADE_BY = [(o.value, o.label) for o in (Origin.EXTRACTOR, Origin.EDITOR)]


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def span_constraint(prefix: str) -> models.CheckConstraint:
    """``0 <= start < end`` for a character span, named per model."""
    return models.CheckConstraint(
        condition=models.Q(start__gte=0, start__lt=models.F("end")),
        name=f"{prefix}_span_start_before_end",
    )
