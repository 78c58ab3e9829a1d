from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.normalise import normalise_name

from .common import TimestampedModel


class Source(TimestampedModel):
    """Where information comes from.

    Both the publication an article was read from (for a file: the file, its corpus and its
    checksum) and whoever a claim is attributed to (an agency, a ministry, an NGO, an official).
    """

    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("publication")
        NEWS_AGENCY = "news_agency", _("news agency")
        GOVERNMENT = "government", _("government")
        MILITARY = "military", _("military")
        NGO = "ngo", _("NGO")
        MEDIA = "media", _("media")
        PERSON = "person", _("person")
        ANONYMOUS = "anonymous", _("anonymous")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=300)
    key = models.CharField(
        _("key"),
        max_length=410,  # file:{corpus, 100}/{name, 300}
        editable=False,
        help_text=_(
            "Normalised identity: the name without case or accents, or corpus/file for a file."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    actor = models.ForeignKey(
        "articles.Actor",
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sources",
        help_text=_("The actor behind this source, if known (Reuters the agency, a ministry)."),
    )
    corpus = models.CharField(
        _("corpus"), max_length=100, blank=True, help_text=_("Collection a file was ingested from.")
    )
    file_path = models.CharField(
        _("file"), max_length=500, blank=True, help_text=_("Path of the file, for a file source.")
    )
    checksum = models.CharField(
        _("checksum"), max_length=64, blank=True, help_text=_("SHA-256 of the file's bytes.")
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="source_key_unique"),
            models.CheckConstraint(condition=~models.Q(key=""), name="source_key_not_empty"),
        ]
        indexes = [
            models.Index(fields=["kind", "name"], name="source_kind_name_idx"),
            models.Index(fields=["corpus"], name="source_corpus_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def key_for(name: str, *, corpus: str = "", is_file: bool = False) -> str:
        """The identity of a source: one Reuters however it is spelled; a file per corpus."""
        return f"file:{corpus}/{name}" if is_file else normalise_name(name)

    def save(self, *args, **kwargs) -> None:
        self.key = self.key_for(self.name, corpus=self.corpus, is_file=bool(self.file_path))
        super().save(*args, **kwargs)
