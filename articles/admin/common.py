from functools import cached_property

from django.contrib import admin
from django.core.paginator import Paginator

from articles.models import Note


class CappedCountPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows, and says "more than" beyond: the exact number of a
    busy actor's 80,000 claims took longer to count than the rest of the page to build.
    Pages past the cap are not offered; a narrower filter reaches them."""

    cap = 10_000

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap


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
    fields = ["body", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


class ClaimNoteInline(ArticleNoteInline):
    fk_name = "claim"
