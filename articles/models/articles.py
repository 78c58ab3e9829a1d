from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.ingest.parsed import PartialDate

from .actors import Mention
from .common import TimestampedModel, span_constraint


class ArticleQuerySet(models.QuerySet):
    def mentioning(self, actor) -> "ArticleQuerySet":
        """Articles that mention the actor, each with ``mention_count`` of its mentions.

        A test per article and a count of the rows returned only: ordered by publication and
        cut, the database walks the articles newest first until enough mention the actor,
        instead of grouping every mention of an actor found in half the archive.
        """
        mentions = Mention.objects.filter(article=models.OuterRef("pk"), actor=actor)
        count = mentions.order_by().values("article").annotate(n=models.Count("pk")).values("n")
        return self.filter(models.Exists(mentions)).annotate(mention_count=models.Subquery(count))


class Article(TimestampedModel):
    """A news article: its text exactly as read, so that every offset into it stays valid."""

    external_id = models.CharField(
        _("external id"),
        max_length=200,
        help_text=_("Stable id from outside, e.g. the file stem 000_78357a777ef7f92d."),
    )
    source = models.ForeignKey(
        "articles.Source",
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("The publication (for an ingested file: the file) the article was read from."),
    )
    title = models.CharField(_("title"), max_length=300)
    title_is_derived = models.BooleanField(
        _("title derived"),
        default=True,
        help_text=_("Derived from the lead; re-ingest replaces only a derived title."),
    )
    text = models.TextField(_("text"), help_text=_("The text as read; offsets point into it."))
    language = models.CharField(_("language"), max_length=8, default="nl")
    published_year = models.PositiveSmallIntegerField(_("year published"))
    published_month = models.PositiveSmallIntegerField(
        _("month published"),
        null=True,
        blank=True,
        help_text=_("Empty when only the year is known."),
    )
    published_day = models.PositiveSmallIntegerField(
        _("day published"), null=True, blank=True, help_text=_("Empty when not known.")
    )
    content_hash = models.CharField(
        _("content hash"), max_length=64, help_text=_("SHA-256 of the text.")
    )
    extractor_version = models.CharField(
        _("extractor version"),
        max_length=40,
        blank=True,
        help_text=_("Version of the extraction that derived mentions and claims."),
    )
    crossref_pending = models.BooleanField(
        _("awaiting cross-referencing"),
        default=False,
        help_text=_(
            "Stored, but its claims not yet compared with the others: the ingest "
            "cross-references its articles once they are all written."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_year", "-published_month", "-published_day", "external_id"]
        constraints = [
            models.UniqueConstraint(fields=["external_id"], name="article_external_id_unique"),
            models.CheckConstraint(
                condition=models.Q(published_month__isnull=True)
                | models.Q(published_month__gte=1, published_month__lte=12),
                name="article_published_month_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(published_day__isnull=True)
                | models.Q(
                    published_month__isnull=False, published_day__gte=1, published_day__lte=31
                ),
                name="article_published_day_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["published_year", "published_month", "published_day"],
                name="article_published_idx",
            ),
            models.Index(fields=["language"], name="article_language_idx"),
            models.Index(
                fields=["id"],
                condition=models.Q(crossref_pending=True),
                name="article_crossref_pending_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.external_id

    @property
    def published(self) -> PartialDate:
        """The publication date with its real precision, e.g. ``2020-02``."""
        return PartialDate(self.published_year, self.published_month, self.published_day)


class Segment(models.Model):
    """A structural block of an article (lead, paragraph, subheading, pull quote) as a span."""

    class Kind(models.TextChoices):
        LEAD = "lead", _("lead")
        PARAGRAPH = "paragraph", _("paragraph")
        SUBHEADING = "subheading", _("subheading")
        PULL_QUOTE = "pull_quote", _("pull quote")

    # Leads the unique position below, which serves its look-ups: no index of its own.
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="segments",
        db_index=False,
    )
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the article."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    credit_start = models.PositiveIntegerField(
        _("credit start"),
        null=True,
        blank=True,
        help_text=_("For a pull quote: where its credit line (who said it) begins."),
    )

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["article", "position"]
        constraints = [
            span_constraint("segment"),
            models.UniqueConstraint(fields=["article", "position"], name="segment_unique_position"),
            models.CheckConstraint(
                condition=models.Q(credit_start__isnull=True)
                | models.Q(credit_start__gt=models.F("start"), credit_start__lt=models.F("end")),
                name="segment_credit_inside_span",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.position} [{self.start}:{self.end}]"

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]

    @property
    def quote(self) -> str:
        """The pull quote without its credit line (the whole text for other kinds)."""
        end = self.credit_start if self.credit_start is not None else self.end
        return self.article.text[self.start : end].strip()

    @property
    def credit(self) -> str:
        if self.credit_start is None:
            return ""
        return self.article.text[self.credit_start : self.end].strip()
