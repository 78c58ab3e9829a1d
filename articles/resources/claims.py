"""Claims, found by article and span, and the links between them."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.fields import Field
from import_export.widgets import CharWidget

from articles.models import Claim, ClaimLink, Origin

from .base import DerivedField, NaturalKeyResource
from .widgets import (
    CHUNK,
    ActorsWidget,
    ArticleWidget,
    ClaimWidget,
    PlainIntegerWidget,
    SourceWidget,
    UserWidget,
    blank,
    fetch_in,
    parse_claim_ref,
    sorted_actors,
    text,
)

# One widget serves both columns of a pair, so the pair's rows are read in one query.
_SOURCES = SourceWidget()
_USERS = UserWidget()
_CLAIMS = ClaimWidget()
_CONTEXT_LENGTH = Claim._meta.get_field("prefix").max_length


def _about(claim: Claim) -> tuple:
    return sorted_actors(claim.about.all()) if claim.pk else ()


def constraint_errors(claim: Claim) -> dict[str, list[str]]:
    """What the claim's check constraints would refuse, said per field before the bulk insert."""
    errors: dict[str, list[str]] = {}
    if claim.start is not None and claim.end is not None and claim.start >= claim.end:
        errors["end"] = [_("The span must end after it starts.")]
    low, high = claim.quantity_min, claim.quantity_max
    if low is not None and high is not None and low > high:
        errors["quantity_max"] = [_("The maximum is below the minimum.")]
    numbers = (claim.quantity_value, low, high)
    if any(n is not None for n in numbers) and not claim.quantity_qualifier:
        errors["quantity_qualifier"] = [_("A quantity needs a qualifier.")]
    if claim.status != Claim.Status.UNREVIEWED and claim.reviewed_at is None:
        errors["reviewed_at"] = [_("A reviewed claim needs the time it was reviewed.")]
    return errors


CLAIM_FIELDS = (
    "article",
    "start",
    "end",
    "text",
    "prefix",
    "suffix",
    "is_orphaned",
    "source",
    "via",
    "about",
    "hedged",
    "direct_quote",
    "quantity_value",
    "quantity_min",
    "quantity_max",
    "quantity_qualifier",
    "quantity_what",
    "quantity_key",
    "status",
    "reviewed_by",
    "reviewed_at",
    "origin",
    "created_by",
)


class ClaimResource(NaturalKeyResource):
    """A claim by ``article`` (external id), ``start`` and ``end``.

    Its text, prefix and suffix come from the article's text, as ``Claim.clean()`` takes them;
    a ``text`` that differs from the span is an error. An orphaned claim's span is stale, so
    its text, prefix and suffix are kept as given: they are what re-finds it.
    """

    article = Field(attribute="article", column_name="article", widget=ArticleWidget())
    start = Field(attribute="start", column_name="start", widget=PlainIntegerWidget())
    end = Field(attribute="end", column_name="end", widget=PlainIntegerWidget())
    text = Field(attribute="text", column_name="text", widget=CharWidget(), readonly=True)
    prefix = Field(attribute="prefix", column_name="prefix", widget=CharWidget(), readonly=True)
    suffix = Field(attribute="suffix", column_name="suffix", widget=CharWidget(), readonly=True)
    source = Field(attribute="source", column_name="source", widget=_SOURCES)
    via = Field(attribute="via", column_name="via", widget=_SOURCES)
    about = DerivedField(_about, column_name="about", widget=ActorsWidget())
    reviewed_by = Field(attribute="reviewed_by", column_name="reviewed_by", widget=_USERS)
    created_by = Field(attribute="created_by", column_name="created_by", widget=_USERS)
    origin = Field(
        attribute="origin", column_name="origin", widget=CharWidget(), default=Origin.EDITOR
    )

    # Saved in bulk: everything but the natural key and the many-to-many "about".
    update_fields = tuple(f for f in CLAIM_FIELDS if f not in {"article", "start", "end", "about"})

    class Meta:
        model = Claim
        fields = CLAIM_FIELDS
        import_id_fields = ("article", "start", "end")

    def init_instance(self, row=None) -> Claim:
        return Claim(origin=Origin.EDITOR)

    def row_key(self, row: dict) -> tuple[str, int, int] | None:
        article = text(row.get("article"))
        if not article:
            return None
        return article, int(text(row.get("start"))), int(text(row.get("end")))

    def instance_key(self, instance: Claim) -> tuple[str, int, int]:
        return instance.article.external_id, instance.start, instance.end

    def primed(self) -> dict:
        return {
            "article": self.fields["article"].widget,
            "source": self.fields["source"].widget,
            "via": self.fields["via"].widget,
            "reviewed_by": self.fields["reviewed_by"].widget,
            "created_by": self.fields["created_by"].widget,
        }

    def prepare(self, rows: list[dict]) -> None:
        self.fields["about"].widget.prime(row.get("about") for row in rows)

    def existing(self, keys: set[tuple[str, int, int]]) -> Iterable[Claim]:
        articles = self.fields["article"].widget.by_pk()
        claims = Claim.objects.select_related("source", "via", "reviewed_by", "created_by")
        for claim in fetch_in(claims.prefetch_related("about"), "article_id", articles):
            claim.article = articles[claim.article_id]  # read once, with its text
            yield claim

    def complete(self, claim: Claim, row: dict, errors: dict) -> None:
        if claim.article_id is None or claim.start is None or claim.end is None:
            return  # clean_fields() says which is missing
        if claim.is_orphaned:
            self._keep_quote(claim, row, errors)
        else:
            try:
                claim.clean()  # checks the span; takes text, prefix and suffix from it
            except ValidationError as error:
                error.update_error_dict(errors)
                return
            given = row.get("text")
            if not blank(given) and str(given) != claim.text:
                errors["text"] = [
                    _("The article's text at %(start)d–%(end)d is “%(found)s”.")
                    % {"start": claim.start, "end": claim.end, "found": claim.text}
                ]
        for name, messages in constraint_errors(claim).items():
            errors.setdefault(name, []).extend(messages)
        if "about" in row:
            try:
                about = self.fields["about"].clean(row)
            except ValueError as error:
                errors["about"] = [str(error)]
            else:
                claim.wanted_about = about
                self.fields["about"].remember(claim, about)

    def _keep_quote(self, claim: Claim, row: dict, errors: dict) -> None:
        claim.text = "" if row.get("text") is None else str(row["text"])
        claim.prefix = "" if row.get("prefix") is None else str(row["prefix"])
        claim.suffix = "" if row.get("suffix") is None else str(row["suffix"])
        if not claim.text:
            errors["text"] = [_("An orphaned claim needs its text: its span is stale.")]
        for name in ("prefix", "suffix"):
            if len(getattr(claim, name)) > _CONTEXT_LENGTH:
                errors[name] = [_("At most %(count)d characters.") % {"count": _CONTEXT_LENGTH}]

    def flush(self, saved: list[Claim]) -> None:
        claims = [claim for claim in saved if hasattr(claim, "wanted_about")]
        about = Claim.about.through
        ids = [claim.pk for claim in claims]
        for start in range(0, len(ids), CHUNK):
            about.objects.filter(claim_id__in=ids[start : start + CHUNK]).delete()
        about.objects.bulk_create(
            [
                about(claim_id=claim.pk, actor_id=actor.pk)
                for claim in claims
                for actor in claim.wanted_about
            ],
            batch_size=CHUNK,
        )

    def export_queryset(self, queryset):
        return (
            queryset.select_related("article", "source", "via", "reviewed_by", "created_by")
            .defer("article__text")
            .prefetch_related("about")
            .order_by("article__external_id", "start", "end", "pk")
        )


class ClaimLinkResource(NaturalKeyResource):
    """A link by its two claims (``external_id[start:end]`` each) and its relation."""

    from_claim = Field(attribute="from_claim", column_name="from_claim", widget=_CLAIMS)
    to_claim = Field(attribute="to_claim", column_name="to_claim", widget=_CLAIMS)
    created_by = Field(attribute="created_by", column_name="created_by", widget=UserWidget())

    update_fields = ("note", "created_by")

    class Meta:
        model = ClaimLink
        fields = ("from_claim", "relation", "to_claim", "note", "created_by")
        import_id_fields = ("from_claim", "to_claim", "relation")

    def row_key(self, row: dict) -> tuple | None:
        ends = parse_claim_ref(row.get("from_claim")), parse_claim_ref(row.get("to_claim"))
        return (*ends, text(row.get("relation")))

    def instance_key(self, instance: ClaimLink) -> tuple:
        claims = self.fields["from_claim"].widget
        ends = claims.instance_key(instance.from_claim), claims.instance_key(instance.to_claim)
        return (*ends, instance.relation)

    def primed(self) -> dict:
        return {
            "from_claim": self.fields["from_claim"].widget,
            "to_claim": self.fields["to_claim"].widget,
            "created_by": self.fields["created_by"].widget,
        }

    def existing(self, keys: set[tuple]) -> Iterable[ClaimLink]:
        claims = self.fields["from_claim"].widget.by_pk()
        links = ClaimLink.objects.select_related("created_by")
        for link in fetch_in(links, "from_claim_id", claims):
            if link.to_claim_id in claims:  # else it is not a link the file names
                link.from_claim = claims[link.from_claim_id]
                link.to_claim = claims[link.to_claim_id]
                yield link

    def complete(self, link: ClaimLink, row: dict, errors: dict) -> None:
        if link.from_claim_id is not None and link.from_claim_id == link.to_claim_id:
            errors[NON_FIELD_ERRORS] = [_("A claim cannot be linked to itself.")]

    def export_queryset(self, queryset):
        return (
            queryset.select_related("from_claim__article", "to_claim__article", "created_by")
            .defer("from_claim__article__text", "to_claim__article__text")
            .order_by(
                "from_claim__article__external_id",
                "from_claim__start",
                "from_claim__end",
                "relation",
                "to_claim__article__external_id",
                "to_claim__start",
                "to_claim__end",
            )
        )
