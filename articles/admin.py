from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from .models import (
    Actor,
    ActorAlias,
    Article,
    Claim,
    ClaimLink,
    Mention,
    Note,
    Origin,
    Segment,
    Source,
)
from .resources import ActorResource, ClaimLinkResource, ClaimResource, SourceResource


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["name", "kind"]
    extra = 0


class SegmentInline(admin.TabularInline):
    model = Segment
    extra = 0
    fields = ["position", "kind", "start", "end", "credit_start"]
    readonly_fields = fields
    can_delete = False


class AuthoredNotes:
    """Notes added through the admin are signed by the editor who wrote them."""

    def save_formset(self, request, form, formset, change: bool) -> None:
        for note in formset.save(commit=False):
            if isinstance(note, Note) and note.author_id is None:
                note.author = request.user
            note.save()
        for note in formset.deleted_objects:
            note.delete()
        formset.save_m2m()


class ArticleNoteInline(admin.StackedInline):
    model = Note
    fk_name = "article"
    fields = ["body", "author"]
    readonly_fields = ["author"]
    extra = 0


class ClaimNoteInline(ArticleNoteInline):
    fk_name = "claim"


@admin.register(Source)
class SourceAdmin(ImportExportMixin, admin.ModelAdmin):
    resource_classes = [SourceResource]
    list_display = ["name", "kind", "actor", "corpus", "claim_count"]
    list_filter = ["kind", "corpus"]
    list_select_related = ["actor"]
    search_fields = ["name", "key", "actor__name"]
    autocomplete_fields = ["actor"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description=_("claims"), ordering="claim_count")
    def claim_count(self, obj: Source) -> int:
        return obj.claim_count


@admin.register(Actor)
class ActorAdmin(ImportExportMixin, admin.ModelAdmin):
    resource_classes = [ActorResource]
    list_display = ["name", "kind", "in_gazetteer", "country", "wikidata_id", "mention_count"]
    list_filter = ["kind", "in_gazetteer", "origin"]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline]
    actions = ["add_to_gazetteer", "remove_from_gazetteer"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "wikidata_id", "description", "origin"]}),
        (
            _("Gazetteer"),
            {
                "fields": [
                    "in_gazetteer",
                    "country",
                    "source_kind",
                    "adjective",
                    "adjective_neutral",
                ],
                "description": _(
                    "Actors in the gazetteer are recognised by their name and aliases in every "
                    "article ingested from now on; the next ingest re-derives every article."
                ),
            },
        ),
    ]
    readonly_fields = ["origin"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_count=Count("mentions"))

    def get_changeform_initial_data(self, request) -> dict:
        # An actor an editor adds by hand is meant to be recognised from now on.
        return {"in_gazetteer": True, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj: Actor, form, change: bool) -> None:
        if not change:
            obj.origin = Origin.EDITOR
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Add the selected actors to the gazetteer"))
    def add_to_gazetteer(self, request, queryset) -> None:
        updated = queryset.update(in_gazetteer=True)
        self.message_user(
            request, _("%(count)d actors added to the gazetteer.") % {"count": updated}
        )

    @admin.action(description=_("Remove the selected actors from the gazetteer"))
    def remove_from_gazetteer(self, request, queryset) -> None:
        updated = queryset.update(in_gazetteer=False)
        self.message_user(
            request, _("%(count)d actors removed from the gazetteer.") % {"count": updated}
        )

    @admin.display(description=_("mentions"), ordering="mention_count")
    def mention_count(self, obj: Actor) -> int:
        return obj.mention_count


@admin.register(Article)
class ArticleAdmin(AuthoredNotes, admin.ModelAdmin):
    list_display = ["title", "external_id", "published", "language", "source", "updated_at"]
    list_filter = ["published_year", "language", "source__corpus"]
    list_select_related = ["source"]
    search_fields = ["title", "external_id", "text"]
    # The text is read-only: every stored offset points into it. It changes only by re-ingest.
    readonly_fields = [
        "external_id",
        "source",
        "text",
        "content_hash",
        "extractor_version",
        "title_is_derived",
        "created_at",
        "updated_at",
    ]
    inlines = [SegmentInline, ArticleNoteInline]

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if "title" in form.changed_data:
            obj.title_is_derived = False  # re-ingest must not overwrite the editor's title
        super().save_model(request, obj, form, change)

    @admin.display(description=_("published"), ordering="published_year")
    def published(self, obj: Article) -> str:
        return str(obj.published)


@admin.register(Claim)
class ClaimAdmin(ImportExportMixin, AuthoredNotes, admin.ModelAdmin):
    resource_classes = [ClaimResource]
    list_display = [
        "__str__",
        "article_external_id",
        "source",
        "via",
        "quantity_value",
        "hedged",
        "status",
    ]
    list_filter = ["status", "hedged", "origin", "quantity_qualifier", "source__kind"]
    list_select_related = ["article", "source", "via"]
    search_fields = ["text", "direct_quote", "source__name", "about__name"]
    autocomplete_fields = ["article", "source", "via", "about"]
    # Text and context come from the span; the span is checked against the article text.
    readonly_fields = [
        "text",
        "prefix",
        "suffix",
        "origin",
        "is_orphaned",
        "reviewed_by",
        "reviewed_at",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [ClaimNoteInline]

    @admin.display(description=_("article"), ordering="article__external_id")
    def article_external_id(self, obj: Claim) -> str:
        return obj.article.external_id

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        if not change:
            obj.origin, obj.created_by = Origin.EDITOR, request.user
        if "status" in form.changed_data:
            obj.set_status(obj.status, request.user)
        super().save_model(request, obj, form, change)


@admin.register(ClaimLink)
class ClaimLinkAdmin(ImportExportMixin, admin.ModelAdmin):
    resource_classes = [ClaimLinkResource]
    list_display = ["from_claim", "relation", "to_claim", "created_by", "created_at"]
    list_filter = ["relation"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    search_fields = ["from_claim__text", "to_claim__text", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "article", "start", "end", "origin"]
    list_filter = ["actor__kind"]
    list_select_related = ["actor", "article"]
    search_fields = ["text", "actor__name"]
    autocomplete_fields = ["actor", "article"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "article", "author", "created_at"]
    list_select_related = ["claim", "article", "author"]
    search_fields = ["body"]
    autocomplete_fields = ["claim", "article"]
    readonly_fields = ["author"]

    def save_model(self, request, obj: Note, form, change: bool) -> None:
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
