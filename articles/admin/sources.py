from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from articles.models import Source
from articles.resources import SourceResource


@admin.register(Source)
class SourceAdmin(ImportExportMixin, admin.ModelAdmin):
    resource_classes = [SourceResource]
    list_display = ["name", "kind", "actor", "corpus", "claim_count"]
    list_filter = ["kind", "corpus"]
    list_select_related = ["actor"]
    search_fields = ["name", "key", "actor__name"]
    autocomplete_fields = ["actor"]
    # Django 6 assumes https for scheme-less URLs; say so now, so nothing changes then.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=Count("claims"))

    @admin.display(description=_("claims"), ordering="claim_count")
    def claim_count(self, obj: Source) -> int:
        return obj.claim_count
