from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = "newsdb"
# The changelists are wide (claim text, source, quantity, status): give them the room.
admin.site.enable_nav_sidebar = False
admin.site.site_title = "newsdb"
admin.site.index_title = _("Articles, actors, claims and sources")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/", admin.site.urls),
]
