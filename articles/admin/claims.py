from itertools import combinations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import bulk_create_with_history

from articles.figures import claim_figure
from articles.models import Claim, ClaimLink, Origin
from articles.resources import ClaimLinkResource, ClaimResource

from .common import AuthoredNotes, CappedCountPaginator, ClaimNoteInline
from .filters import (
    AboutActorFilter,
    ArticleMonthFilter,
    HasConflictsFilter,
    HasQuantityFilter,
    SourceActorFilter,
)
from .highlight import in_context
from .suggestions import SuggestionsInInline, SuggestionsOutInline


def quantity_label(claim: Claim) -> str:
    """``≥ 22``, ``≈ 3,700,000`` or ``≈ 200,000–999,999``: the number as the claim states it."""
    return claim_figure(claim, grouped=True)


class LinkInline(admin.TabularInline):
    model = ClaimLink
    extra = 0
    autocomplete_fields = ["from_claim", "to_claim"]
    readonly_fields = ["created_by", "created_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_claim", "to_claim", "created_by")


class LinksOutInline(LinkInline):
    fk_name = "from_claim"
    fields = ["relation", "to_claim", "note", "created_by", "created_at"]
    verbose_name_plural = _("links to other claims")


class LinksInInline(LinkInline):
    fk_name = "to_claim"
    fields = ["from_claim", "relation", "note", "created_by", "created_at"]
    verbose_name_plural = _("links from other claims")


@admin.register(Claim)
class ClaimAdmin(ImportExportMixin, AuthoredNotes, SimpleHistoryAdmin):
    resource_classes = [ClaimResource]
    history_list_display = ["status"]
    list_display = [
        "claim_text",
        "source",
        "via",
        "quantity",
        "hedged",
        "status",
        "article_external_id",
    ]
    list_filter = [
        "status",
        "hedged",
        HasQuantityFilter,
        HasConflictsFilter,
        "source__kind",
        ArticleMonthFilter,
        "origin",
        "quantity_qualifier",
        AboutActorFilter,
        SourceActorFilter,
    ]
    list_select_related = ["article", "source", "via"]
    # Counting every claim for "N results (M total)" is a full scan of a large table.
    show_full_result_count = False
    paginator = CappedCountPaginator
    # Newest first: what an editor reviews next, and a walk of the primary key that stops
    # after one page (by (article, start) it sorted all of a busy actor's claims).
    ordering = ["-pk"]
    search_fields = ["text", "direct_quote", "source__name", "about__name", "about__aliases__name"]
    autocomplete_fields = ["article", "source", "via", "about", "cluster"]
    # Text and context come from the span; the span is checked against the article text.
    readonly_fields = [
        "context",
        "origin",
        "is_orphaned",
        "reviewed_by",
        "reviewed_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["article", ("start", "end"), "context", "direct_quote"]}),
        (_("Attribution"), {"fields": [("source", "via"), "hedged", "about"]}),
        (
            _("Quantity"),
            {
                "fields": [
                    ("quantity_value", "quantity_min", "quantity_max", "quantity_qualifier"),
                    ("quantity_what", "quantity_key"),
                    "cluster",
                ]
            },
        ),
        (
            _("Review"),
            {"fields": ["status", ("reviewed_by", "reviewed_at"), "origin", "is_orphaned"]},
        ),
        (_("Record"), {"fields": [("created_by", "created_at", "updated_at")]}),
    ]
    inlines = [
        LinksOutInline,
        LinksInInline,
        SuggestionsOutInline,
        SuggestionsInInline,
        ClaimNoteInline,
    ]
    actions = [
        "mark_verified",
        "mark_disputed",
        "mark_false",
        "mark_unverifiable",
        "mark_unreviewed",
        "link_as_conflicting",
        "link_as_corroborating",
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}

    @admin.display(description=_("claim"), ordering="text")
    def claim_text(self, obj: Claim) -> str:
        return obj.text

    @admin.display(description=_("quantity"), ordering="quantity_value")
    def quantity(self, obj: Claim) -> str:
        return quantity_label(obj) or "—"

    @admin.display(description=_("article"), ordering="article__external_id")
    def article_external_id(self, obj: Claim) -> str:
        return obj.article.external_id

    @admin.display(description=_("in context"))
    def context(self, obj: Claim):
        if obj.pk is None:
            return _("Set the article and the span; the text is taken from the article.")
        return in_context(obj.prefix, obj.text, obj.suffix)

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        if not change:
            obj.origin, obj.created_by = Origin.EDITOR, request.user
        if "status" in form.changed_data:
            obj.set_status(obj.status, request.user)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is ClaimLink:
            for link in formset.save(commit=False):
                if link.created_by_id is None:
                    link.created_by = request.user
                link.save()
            for link in formset.deleted_objects:
                link.delete()
            return
        super().save_formset(request, form, formset, change)

    def _set_status(self, request, queryset: QuerySet, status: str) -> None:
        claims = list(queryset)
        for claim in claims:
            claim.set_status(status, request.user)
            claim.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])
        label = Claim.Status(status).label
        self.message_user(
            request,
            ngettext(
                "%(count)d claim marked %(status)s.",
                "%(count)d claims marked %(status)s.",
                len(claims),
            )
            % {"count": len(claims), "status": label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark the selected claims verified"), permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.VERIFIED)

    @admin.action(description=_("Mark the selected claims disputed"), permissions=["change"])
    def mark_disputed(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.DISPUTED)

    @admin.action(description=_("Mark the selected claims false"), permissions=["change"])
    def mark_false(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.FALSE)

    @admin.action(description=_("Mark the selected claims unverifiable"), permissions=["change"])
    def mark_unverifiable(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.UNVERIFIABLE)

    @admin.action(description=_("Mark the selected claims unreviewed"), permissions=["change"])
    def mark_unreviewed(self, request, queryset):
        self._set_status(request, queryset, Claim.Status.UNREVIEWED)

    def _link(self, request, queryset: QuerySet, relation: str) -> None:
        ids = sorted(queryset.values_list("pk", flat=True))
        if len(ids) < 2:
            self.message_user(request, _("Select at least two claims to link."), messages.WARNING)
            return
        links = [
            ClaimLink(from_claim_id=a, to_claim_id=b, relation=relation, created_by=request.user)
            for a, b in combinations(ids, 2)
        ]
        bulk_create_with_history(links, ClaimLink, ignore_conflicts=True, default_user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d link made.", "%(count)d links made.", len(links))
            % {"count": len(links)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Link the selected claims as conflicting"), permissions=["change"])
    def link_as_conflicting(self, request, queryset):
        self._link(request, queryset, ClaimLink.Relation.CONFLICTS)

    @admin.action(
        description=_("Link the selected claims as corroborating"), permissions=["change"]
    )
    def link_as_corroborating(self, request, queryset):
        self._link(request, queryset, ClaimLink.Relation.CORROBORATES)


@admin.register(ClaimLink)
class ClaimLinkAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [ClaimLinkResource]
    list_display = ["from_claim", "relation", "to_claim", "created_by", "created_at"]
    list_filter = ["relation"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__text", "to_claim__text", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj: ClaimLink, form, change: bool) -> None:
        if obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
