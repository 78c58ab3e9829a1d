from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.views.health import healthz

admin.site.site_header = "newsdb"
# The changelists are wide (claim text, source, quantity, status): give them the room.
admin.site.enable_nav_sidebar = False
admin.site.site_title = "newsdb"
admin.site.index_title = _("Articles, actors, claims and sources")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("articles.urls")),
]
