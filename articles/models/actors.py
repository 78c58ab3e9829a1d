from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.normalise import normalise_name

from .common import MADE_BY, Origin, TimestampedModel, span_constraint


class ActorQuerySet(models.QuerySet):
    def mentioned_in(self, article) -> "ActorQuerySet":
        return self.filter(mentions__article=article).distinct()

    def named(self, name: str) -> "ActorQuerySet":
        """Actors whose canonical name or an alias matches, ignoring case and accents."""
        key = normalise_name(name)
        return self.filter(models.Q(key=key) | models.Q(aliases__normalised=key)).distinct()


class Actor(TimestampedModel):
    """A person, organisation, country, group, role or place that articles mention."""

    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        ORGANISATION = "organisation", _("organisation")
        COUNTRY = "country", _("country")
        GROUP = "group", _("group")
        ROLE = "role", _("role")
        LOCATION = "location", _("location")

    name = models.CharField(_("canonical name"), max_length=300)
    key = models.CharField(
        _("key"),
        max_length=300,
        editable=False,
        help_text=_("The canonical name without case or accents; unique."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    wikidata_id = models.CharField(
        _("Wikidata id"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata item id looks like Q42."))],
        help_text=_("Wikidata item, e.g. Q42."),
    )
    description = models.TextField(_("description"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.EXTRACTOR
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="actor_key_unique"),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~models.Q(wikidata_id=""),
                name="actor_wikidata_id_unique",
            ),
            models.CheckConstraint(condition=~models.Q(key=""), name="actor_key_not_empty"),
        ]
        indexes = [
            models.Index(fields=["kind", "name"], name="actor_kind_name_idx"),
            models.Index(fields=["origin"], name="actor_origin_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = normalise_name(self.name)
        super().save(*args, **kwargs)


class ActorAlias(models.Model):
    """Another name of an actor (``Erdogan`` for ``Recep Tayyip Erdoğan``), unique normalised."""

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(_("alias"), max_length=300)
    normalised = models.CharField(
        _("normalised"),
        max_length=300,
        editable=False,
        help_text=_("The alias without case or accents; an alias names one actor only."),
    )

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["normalised"], name="actoralias_normalised_unique"),
            models.CheckConstraint(
                condition=~models.Q(normalised=""), name="actoralias_normalised_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)


class Mention(models.Model):
    """One place in an article's text that names an actor."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="mentions",
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="mentions"
    )
    start = models.PositiveIntegerField(_("start"), help_text=_("Offset into the article text."))
    end = models.PositiveIntegerField(_("end"), help_text=_("Offset after the last character."))
    text = models.CharField(_("text"), max_length=500, help_text=_("The text as written."))
    origin = models.CharField(_("origin"), max_length=20, choices=MADE_BY, default=Origin.EXTRACTOR)
    is_orphaned = models.BooleanField(
        _("orphaned"),
        default=False,
        help_text=_("Its text was not found again when the article changed; span is stale."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["article", "start"]
        constraints = [
            span_constraint("mention"),
            models.UniqueConstraint(
                fields=["article", "actor", "start", "end"], name="mention_unique_span"
            ),
        ]
        indexes = [
            models.Index(fields=["actor", "article"], name="mention_actor_article_idx"),
            models.Index(fields=["article", "start"], name="mention_article_start_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.text} [{self.start}:{self.end}]"
