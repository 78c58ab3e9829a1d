from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles and claims")

    def ready(self) -> None:
        from articles.crossref import tallies  # noqa: F401 (connects the receivers)
        from articles.search import signals  # noqa: F401 (connects the receivers)
