"""Keep SQLite's search index right when an article or claim is saved or deleted through the
ORM (the admin, scripts). On PostgreSQL generated columns do it, and these do nothing.

Bulk writes send no signals: ``QuerySet.update``, ``bulk_create``, ``bulk_update`` and raw
deletes must call ``articles.search.index_articles`` (the ingest does, once per article).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, Claim

from . import ARTICLE, CLAIM, uses_index

_TEXT_FIELDS = {Article: {"title", "text"}, Claim: {"text", "article"}}


def _text_may_have_changed(sender, update_fields) -> bool:
    return update_fields is None or bool(_TEXT_FIELDS[sender] & set(update_fields))


@receiver(post_save, sender=Article, dispatch_uid="search_index_article")
def index_saved_article(sender, instance, update_fields=None, **kwargs):
    if uses_index() and _text_may_have_changed(sender, update_fields):
        from . import sqlite

        sqlite.index_article_row(instance)


@receiver(post_save, sender=Claim, dispatch_uid="search_index_claim")
def index_saved_claim(sender, instance, update_fields=None, **kwargs):
    if uses_index() and _text_may_have_changed(sender, update_fields):
        from . import sqlite

        sqlite.index_claim(instance)


@receiver(post_delete, sender=Article, dispatch_uid="search_unindex_article")
def unindex_deleted_article(sender, instance, **kwargs):
    if uses_index():
        from . import sqlite

        sqlite.unindex(ARTICLE, instance.pk)


@receiver(post_delete, sender=Claim, dispatch_uid="search_unindex_claim")
def unindex_deleted_claim(sender, instance, **kwargs):
    if uses_index():
        from . import sqlite

        sqlite.unindex(CLAIM, instance.pk)
