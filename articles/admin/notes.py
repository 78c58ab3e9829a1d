from django.contrib import admin

from articles.models import Note


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "article", "author", "created_at"]
    list_select_related = ["claim", "article", "author"]
    search_fields = ["body"]
    autocomplete_fields = ["claim", "article"]
    readonly_fields = ["author"]
    date_hierarchy = "created_at"

    def save_model(self, request, obj: Note, form, change: bool) -> None:
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
