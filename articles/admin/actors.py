from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import bulk_update_with_history

from articles.merge import actor_to_keep, merge_actors
from articles.models import Actor, ActorAlias, Claim, Mention, Origin
from articles.resources import ActorResource

CLAIMS_SHOWN = 20


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["name", "kind"]
    extra = 0


@admin.register(Actor)
class ActorAdmin(ImportExportMixin, SimpleHistoryAdmin):
    resource_classes = [ActorResource]
    list_display = ["name", "kind", "in_gazetteer", "country", "wikidata_id", "mention_count"]
    list_filter = ["kind", "in_gazetteer", "origin"]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    autocomplete_fields = ["country"]
    inlines = [ActorAliasInline]
    actions = ["merge_selected", "add_to_gazetteer", "remove_from_gazetteer"]
    readonly_fields = ["origin", "claims_by_actor", "claims_about_actor"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "wikidata_id", "description", "origin"]}),
        (
            _("Gazetteer"),
            {
                "fields": [
                    "in_gazetteer",
                    "country",
                    "source_kind",
                    "adjective",
                    "adjective_neutral",
                ],
                "description": _(
                    "Actors in the gazetteer are recognised by their name and aliases in every "
                    "article ingested from now on; the next ingest re-derives every article."
                ),
            },
        ),
        (_("Claims"), {"fields": ["claims_by_actor", "claims_about_actor"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_count=Count("mentions"))

    def get_changeform_initial_data(self, request) -> dict:
        # An actor an editor adds by hand is meant to be recognised from now on.
        return {"in_gazetteer": True, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj: Actor, form, change: bool) -> None:
        if not change:
            obj.origin = Origin.EDITOR
        super().save_model(request, obj, form, change)

    @admin.display(description=_("mentions"), ordering="mention_count")
    def mention_count(self, obj: Actor) -> int:
        return obj.mention_count

    @admin.display(description=_("claims by this actor"))
    def claims_by_actor(self, obj: Actor):
        return _claim_list(Claim.objects.filter(source__actor=obj))

    @admin.display(description=_("claims about this actor"))
    def claims_about_actor(self, obj: Actor):
        return _claim_list(obj.claims_about.all())

    @admin.action(
        description=_("Merge the selected actors into one"), permissions=["change", "delete"]
    )
    def merge_selected(self, request, queryset) -> None:
        actors = list(queryset)
        if len(actors) < 2:
            self.message_user(request, _("Select at least two actors to merge."), messages.WARNING)
            return
        kept = actor_to_keep(actors)
        report = merge_actors(kept, [a for a in actors if a.pk != kept.pk])
        LogEntry.objects.log_actions(
            user_id=request.user.pk,
            queryset=[kept],
            action_flag=CHANGE,
            change_message=report.message(),
            single_object=True,
        )
        self.message_user(request, report.message(), messages.SUCCESS)

    @admin.action(description=_("Add the selected actors to the gazetteer"), permissions=["change"])
    def add_to_gazetteer(self, request, queryset) -> None:
        updated = _set_in_gazetteer(request, queryset, True)
        message = ngettext(
            "%(count)d actor added to the gazetteer.",
            "%(count)d actors added to the gazetteer.",
            updated,
        )
        self.message_user(request, message % {"count": updated})

    @admin.action(
        description=_("Remove the selected actors from the gazetteer"), permissions=["change"]
    )
    def remove_from_gazetteer(self, request, queryset) -> None:
        updated = _set_in_gazetteer(request, queryset, False)
        message = ngettext(
            "%(count)d actor removed from the gazetteer.",
            "%(count)d actors removed from the gazetteer.",
            updated,
        )
        self.message_user(request, message % {"count": updated})


def _set_in_gazetteer(request, queryset, value: bool) -> int:
    actors = list(queryset.exclude(in_gazetteer=value))
    for actor in actors:
        actor.in_gazetteer = value
    bulk_update_with_history(actors, Actor, ["in_gazetteer"], default_user=request.user)
    return len(actors)


def _claim_list(claims):
    shown = list(
        claims.select_related("article").order_by("-article__published_year")[:CLAIMS_SHOWN]
    )
    if not shown:
        return "—"
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> <small>({})</small></li>',
            (
                (reverse("admin:articles_claim_change", args=[c.pk]), str(c), c.article.external_id)
                for c in shown
            ),
        ),
    )


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "actor", "article", "start", "end", "origin"]
    list_filter = ["actor__kind"]
    list_select_related = ["actor", "article"]
    search_fields = ["text", "actor__name"]
    autocomplete_fields = ["actor", "article"]
