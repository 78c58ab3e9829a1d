from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from articles.normalise import normalise_name

from .common import MADE_BY, Origin, TimestampedModel, span_constraint
from .sources import Source


class ActorQuerySet(models.QuerySet):
    def mentioned_in(self, article) -> "ActorQuerySet":
        return self.filter(mentions__article=article).distinct()

    def named(self, name: str) -> "ActorQuerySet":
        """Actors whose canonical name or an alias matches, ignoring case and accents."""
        key = normalise_name(name)
        by_alias = models.Q(aliases__normalised=key, aliases__kind=ActorAlias.Kind.NAME)
        return self.filter(models.Q(key=key) | by_alias).distinct()

    def in_gazetteer(self) -> "ActorQuerySet":
        return self.filter(in_gazetteer=True)


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
    in_gazetteer = models.BooleanField(
        _("in gazetteer"),
        default=False,
        help_text=_(
            "Recognised by its name and aliases in every article ingested from now on. "
            "Changing the gazetteer re-derives extraction on the next ingest."
        ),
    )
    country = models.ForeignKey(
        "self",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nationals",
        limit_choices_to={"kind": "country"},
        help_text=_("The country a person or organisation belongs to."),
    )
    source_kind = models.CharField(
        _("kind as a source"),
        max_length=20,
        choices=Source.Kind.choices,
        blank=True,
        help_text=_("The kind of source this actor is when a claim is attributed to it."),
    )
    adjective = models.CharField(
        _("adjective"),
        max_length=100,
        blank=True,
        help_text=_("Countries: the inflected demonym adjective, e.g. Turkse."),
    )
    adjective_neutral = models.CharField(
        _("neutral adjective"),
        max_length=100,
        blank=True,
        help_text=_("Countries: the uninflected demonym adjective, e.g. Turks."),
    )

    objects = ActorQuerySet.as_manager()
    # History records editors' changes. The ingest and load_gazetteer create and complete
    # actors with bulk_create/bulk_update, which send no signals: no history rows for them,
    # by design. ``updated_at`` is what history_date says.
    history = HistoricalRecords(excluded_fields=["updated_at"])

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
            models.Index(fields=["in_gazetteer", "key"], name="actor_gazetteer_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.key = normalise_name(self.name)
        super().save(*args, **kwargs)


class ActorAlias(models.Model):
    """Another name of an actor (``Erdogan`` for ``Recep Tayyip Erdoğan``), unique normalised.

    Besides names, the gazetteer keeps metonyms (``Ankara`` standing for Turkey) and demonym
    nouns (``Turk``) here: the extractor recognises them, name lookups ignore them.
    """

    class Kind(models.TextChoices):
        NAME = "name", _("name")
        METONYM = "metonym", _("metonym")
        DEMONYM = "demonym", _("demonym")

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
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NAME,
        help_text=_("A name, a metonym (a capital for its country) or a demonym (Turk)."),
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

    # Each leads an index below (the article the unique span too), so neither has an index
    # of its own: at millions of mentions, each was one more B-tree to write per row.
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        related_name="mentions",
        db_index=False,
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
