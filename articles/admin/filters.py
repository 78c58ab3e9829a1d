"""Filters for the claim list beyond plain fields; each one is a single indexed condition."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.models import Actor, Article, Claim, ClaimLink, Source


class HasQuantityFilter(admin.SimpleListFilter):
    title = _("has quantity")
    parameter_name = "has_quantity"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        # A quantity always has a qualifier (a constraint), and the qualifier is indexed.
        with_quantity = ~Q(quantity_qualifier="")
        if self.value() == "yes":
            return queryset.filter(with_quantity)
        if self.value() == "no":
            return queryset.exclude(with_quantity)
        return queryset


class HasConflictsFilter(admin.SimpleListFilter):
    title = _("has conflicts")
    parameter_name = "has_conflicts"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        conflicts = ClaimLink.objects.filter(relation=ClaimLink.Relation.CONFLICTS)
        linked = Exists(conflicts.filter(from_claim=OuterRef("pk"))) | Exists(
            conflicts.filter(to_claim=OuterRef("pk"))
        )
        if self.value() == "yes":
            return queryset.filter(linked)
        if self.value() == "no":
            return queryset.exclude(linked)
        return queryset


class ArticleMonthFilter(admin.SimpleListFilter):
    """The article's publication month: dates are partial (2020-02), so no date hierarchy."""

    title = _("article date")
    parameter_name = "published"

    def lookups(self, request, model_admin):
        months = (
            Article.objects.order_by("-published_year", "-published_month")
            .values_list("published_year", "published_month")
            .distinct()
        )
        return [(f"{y}-{m or 0}", f"{y}-{m:02d}" if m else str(y)) for y, m in months]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
        except ValueError:
            return queryset.none()
        month_filter = {"article__published_month": month} if month else {}
        return queryset.filter(article__published_year=year, **month_filter)


class _ActorFilter(admin.SimpleListFilter):
    """Claims of one actor, chosen by a link (the actor's page, ``?about=ID``): too many actors
    to list, so the filter shows only once chosen. The claims are found through an index on
    the actor and looked up by id; the admin's own ``about__id__exact`` would test every claim
    of the archive for a matching row."""

    def lookups(self, request, model_admin):
        if self.value() is None:
            return []
        actor = Actor.objects.filter(pk=_int_or_none(self.value())).only("name").first()
        # An unknown actor is still a filter (the admin skips filters without choices).
        return [(self.value(), actor.name if actor else _("no such actor"))]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        pk = _int_or_none(self.value())
        return queryset.filter(pk__in=self.claim_ids(pk)) if pk else queryset.none()


class AboutActorFilter(_ActorFilter):
    title = _("about actor")
    parameter_name = "about"

    def claim_ids(self, actor_id: int):
        return Claim.about.through.objects.filter(actor_id=actor_id).values("claim_id")


class SourceActorFilter(_ActorFilter):
    title = _("sourced to actor")
    parameter_name = "source_actor"

    def claim_ids(self, actor_id: int):
        # Each side of the OR walks an index of its own (source, via).
        sources = Source.objects.filter(actor_id=actor_id).values("pk")
        return Claim.objects.filter(Q(source__in=sources) | Q(via__in=sources)).values("pk")


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
