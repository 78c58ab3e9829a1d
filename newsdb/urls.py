from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "newsdb"
admin.site.site_title = "newsdb"
admin.site.index_title = "Articles, actors, claims and sources"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
]
