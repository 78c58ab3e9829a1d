from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.highlight import claim_and_mention_marks, highlight
from articles.ingest.reextract import reextract_articles
from articles.models import Article, Claim, Segment

from .claims import quantity_label
from .common import ArticleNoteInline, AuthoredNotes


class SegmentInline(admin.TabularInline):
    model = Segment
    extra = 0
    fields = ["position", "kind", "start", "end", "credit_start"]
    readonly_fields = fields
    can_delete = False
    classes = ["collapse"]


class ArticleClaimInline(admin.TabularInline):
    model = Claim
    fk_name = "article"
    fields = ["start", "end", "text", "source", "via", "quantity", "hedged", "status"]
    readonly_fields = ["start", "end", "text", "source", "via", "quantity", "hedged"]
    show_change_link = True
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # a hand-made claim is added from the claim page, with its span checked

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "via")

    @admin.display(description=_("quantity"))
    def quantity(self, obj: Claim) -> str:
        return quantity_label(obj) or "—"


@admin.register(Article)
class ArticleAdmin(AuthoredNotes, admin.ModelAdmin):
    list_display = ["title", "external_id", "published", "language", "source", "updated_at"]
    list_filter = ["published_year", "language", "source__corpus", "crossref_pending"]
    list_select_related = ["source"]
    search_fields = ["title", "external_id"]
    # The text is read-only: every stored offset points into it. It changes only by re-ingest.
    readonly_fields = [
        "external_id",
        "source",
        "highlighted_text",
        "content_hash",
        "extractor_version",
        "crossref_pending",
        "title_is_derived",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "external_id", "source", "language", "highlighted_text"]}),
        (
            _("Date and provenance"),
            {
                "fields": [
                    ("published_year", "published_month", "published_day"),
                    "title_is_derived",
                    "content_hash",
                    ("extractor_version", "crossref_pending"),
                    ("created_at", "updated_at"),
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [ArticleClaimInline, ArticleNoteInline, SegmentInline]
    actions = ["rerun_extraction"]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if "title" in form.changed_data:
            obj.title_is_derived = False  # re-ingest must not overwrite the editor's title
        super().save_model(request, obj, form, change)

    @admin.display(description=_("published"), ordering="published_year")
    def published(self, obj: Article) -> str:
        return str(obj.published)

    @admin.display(description=_("text"))
    def highlighted_text(self, obj: Article):
        claims = obj.claims.select_related("source").filter(is_orphaned=False)
        mentions = obj.mentions.select_related("actor").filter(is_orphaned=False)
        marks = claim_and_mention_marks(
            claims,
            mentions,
            claim_url=lambda pk: reverse("admin:articles_claim_change", args=[pk]),
            actor_url=lambda pk: reverse("admin:articles_actor_change", args=[pk]),
            claim_title=lambda c: f"{c.source or '—'} · {c.get_status_display()}",
        )
        return format_html('<div class="article-text">{}</div>', highlight(obj.text, marks))

    @admin.action(
        description=_("Re-run extraction on the selected articles"), permissions=["change"]
    )
    def rerun_extraction(self, request, queryset) -> None:
        count = reextract_articles(queryset.select_related("source"))
        self.message_user(
            request,
            ngettext(
                "Extraction re-run on %(count)d article; editors' work was kept.",
                "Extraction re-run on %(count)d articles; editors' work was kept.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
