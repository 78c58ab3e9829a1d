from django.contrib import admin

from articles.models import Note


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
