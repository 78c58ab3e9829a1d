"""Suggested links: the ingest proposes them, an editor accepts or rejects each one.

An editor decides in three places, all through ``articles.crossref.decisions``: the actions of
the list, the Accept and Reject buttons of a suggestion's page, and the decision column of the
pending suggestions on a claim's page.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.crossref.decisions import accept_suggestions, reject_suggestions
from articles.models import Claim, LinkSuggestion

Status = LinkSuggestion.Status
ACCEPT, REJECT = "accept", "reject"
SHORT_CLAIM = 140  # characters of a claim shown in a list


def claim_label(claim: Claim, *, short: bool = True):
    """The claim's sentence linked to its page, and below it who said it, where and when."""
    text = Truncator(claim.text).chars(SHORT_CLAIM) if short else claim.text
    where = [(claim.article.external_id,), (str(claim.article.published),)]
    if claim.source is not None:
        where.insert(0, (claim.source.name,))
    return format_html(
        '<a href="{}">{}</a><div class="claim-where">{}</div>',
        reverse("admin:articles_claim_change", args=[claim.pk]),
        text,
        format_html_join(" · ", "<span>{}</span>", where),
    )


def _status_field() -> str:
    """The status field's name as the admin history words a change to it."""
    return str(LinkSuggestion._meta.get_field("status").verbose_name)


def _claims_of(queryset, *sides: str):
    """The suggestions with the claims on these sides, their articles (without their text) and
    sources, in the same query."""
    related = [f"{side}__{rel}" for side in sides for rel in ("article", "source")]
    return queryset.select_related(*related).defer(*(f"{side}__article__text" for side in sides))


class SuggestionStatusFilter(admin.SimpleListFilter):
    """The status, pending unless the editor asks for others: pending is what needs deciding."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Status.choices, (self.ALL, _("All"))]

    def choices(self, changelist):
        current = self.value() or Status.PENDING
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or Status.PENDING
        if value == self.ALL:
            return queryset
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset.none()


@admin.register(LinkSuggestion)
class LinkSuggestionAdmin(admin.ModelAdmin):
    list_display = ["claim", "relation_label", "other_claim", "score_label", "reason", "status"]
    list_display_links = ["relation_label"]  # the claims link to their own pages
    list_filter = [SuggestionStatusFilter, "relation"]
    list_select_related = [
        "from_claim__article",
        "from_claim__source",
        "to_claim__article",
        "to_claim__source",
    ]
    search_fields = ["from_claim__text", "to_claim__text"]
    actions = ["accept_selected", "reject_selected"]
    fields_shown = [
        "claim_in_full",
        "relation",
        "other_claim_in_full",
        "score_label",
        "reason",
        "created_at",
    ]
    decided = ["status", "link", "decided_by", "decided_at"]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return _claims_of(queryset, "from_claim", "to_claim").select_related("link", "decided_by")

    def has_add_permission(self, request) -> bool:
        return False  # suggestions come from the ingest

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a rejected suggestion is kept: it stops the pair being proposed again

    def get_readonly_fields(self, request, obj=None):
        return [*self.fields_shown, *self.decided, "decision"]

    def get_fieldsets(self, request, obj=None):
        deciding = (
            obj is not None
            and obj.status == Status.PENDING
            and self.has_change_permission(request, obj)
        )
        decision = ["decision"] if deciding else self.decided
        return [(None, {"fields": self.fields_shown}), (_("Decision"), {"fields": decision})]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Nothing on a suggestion is edited: it is accepted or rejected with its own buttons.
        hide = ("show_save", "show_save_and_continue", "show_save_and_add_another")
        return super().change_view(
            request, object_id, form_url, {**dict.fromkeys(hide, False), **(extra_context or {})}
        )

    @admin.display(description=_("claim"), ordering="from_claim__text")
    def claim(self, obj: LinkSuggestion):
        return claim_label(obj.from_claim)

    @admin.display(description=_("other claim"), ordering="to_claim__text")
    def other_claim(self, obj: LinkSuggestion):
        return claim_label(obj.to_claim)

    @admin.display(description=_("claim"))
    def claim_in_full(self, obj: LinkSuggestion):
        return claim_label(obj.from_claim, short=False)

    @admin.display(description=_("other claim"))
    def other_claim_in_full(self, obj: LinkSuggestion):
        return claim_label(obj.to_claim, short=False)

    @admin.display(description=_("relation"), ordering="relation")
    def relation_label(self, obj: LinkSuggestion) -> str:
        return obj.get_relation_display()

    @admin.display(description=_("score"), ordering="score")
    def score_label(self, obj: LinkSuggestion) -> str:
        return f"{obj.score:.2f}"

    @admin.display(description=_("why"))
    def reason(self, obj: LinkSuggestion) -> str:
        return obj.reason

    @admin.display(description=_("decision"))
    def decision(self, obj: LinkSuggestion):
        return format_html(
            '<div class="suggestion-decision">'
            '<button type="submit" name="_{}" class="button default">{}</button> '
            '<button type="submit" name="_{}" class="button">{}</button>'
            '<p class="decision-help">{}</p></div>',
            ACCEPT,
            _("Accept: link the claims"),
            REJECT,
            _("Reject"),
            _("A rejected pair is never proposed again."),
        )

    # --- deciding on the suggestion's page ----------------------------------------------

    @staticmethod
    def _posted_decision(request) -> str | None:
        return next((d for d in (ACCEPT, REJECT) if f"_{d}" in request.POST), None)

    def save_model(self, request, obj: LinkSuggestion, form, change: bool) -> None:
        # Only the buttons change a suggestion; the services skip one decided meanwhile.
        decision = self._posted_decision(request)
        decide = {ACCEPT: accept_suggestions, REJECT: reject_suggestions}.get(decision)
        obj._decided = decide([obj], request.user) if decide else 0

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form.instance, "_decided", 0):
            return [{"changed": {"fields": [_status_field()]}}]
        return []

    def response_change(self, request, obj: LinkSuggestion):
        decision = self._posted_decision(request)
        if decision is None:
            return super().response_change(request, obj)
        obj.refresh_from_db(fields=["status"])
        if not obj._decided:
            message = _("This suggestion was already decided: it is %(status)s.")
            self.message_user(
                request, message % {"status": obj.get_status_display()}, messages.WARNING
            )
        elif decision == ACCEPT:
            self.message_user(
                request, _("Suggestion accepted: the two claims are now linked."), messages.SUCCESS
            )
        else:
            self.message_user(
                request,
                _("Suggestion rejected: this pair will not be proposed again."),
                messages.SUCCESS,
            )
        return self.response_post_save_change(request, obj)

    # --- deciding on the list -----------------------------------------------------------

    def _skipped(self, request, selected: int, decided: int) -> None:
        if selected > decided:
            skipped = selected - decided
            message = ngettext(
                "%(count)d selected suggestion was already decided and was left as it is.",
                "%(count)d selected suggestions were already decided and were left as they are.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)

    @admin.action(description=_("Accept selected suggestions"), permissions=["change"])
    def accept_selected(self, request, queryset) -> None:
        suggestions = list(queryset)
        accepted = accept_suggestions(suggestions, request.user)
        message = ngettext(
            "%(count)d suggestion accepted: its claims are now linked.",
            "%(count)d suggestions accepted: their claims are now linked.",
            accepted,
        )
        self.message_user(request, message % {"count": accepted}, messages.SUCCESS)
        self._skipped(request, len(suggestions), accepted)

    @admin.action(description=_("Reject selected suggestions"), permissions=["change"])
    def reject_selected(self, request, queryset) -> None:
        suggestions = list(queryset)
        rejected = reject_suggestions(suggestions, request.user)
        message = ngettext(
            "%(count)d suggestion rejected: it will not be proposed again.",
            "%(count)d suggestions rejected: they will not be proposed again.",
            rejected,
        )
        self.message_user(request, message % {"count": rejected}, messages.SUCCESS)
        self._skipped(request, len(suggestions), rejected)


# --- the pending suggestions on a claim's page ----------------------------------------------


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=_("decision"),
        required=False,
        choices=[("", _("not yet")), (ACCEPT, _("accept")), (REJECT, _("reject"))],
    )

    class Meta:
        model = LinkSuggestion
        fields = []


class DecisionFormSet(BaseInlineFormSet):
    """Saving decides: the chosen suggestions go to the services, signed by ``editor``.

    Nothing of a suggestion itself is saved, so ``save`` returns no objects whatever
    ``commit`` says (the claim admin's ``save_formset`` calls it with ``commit=False``).
    """

    editor = None  # set per request by the inline's get_formset

    def save(self, commit: bool = True) -> list:
        chosen: dict[str, list[LinkSuggestion]] = {ACCEPT: [], REJECT: []}
        for form in self.initial_forms:
            decision = form.cleaned_data.get("decision")
            if decision in chosen:
                chosen[decision].append(form.instance)
        accept_suggestions(chosen[ACCEPT], self.editor)
        reject_suggestions(chosen[REJECT], self.editor)
        self.new_objects, self.deleted_objects = [], []
        self.changed_objects = [(s, [_status_field()]) for s in chosen[ACCEPT] + chosen[REJECT]]
        self.save_m2m = lambda: None
        return []


class PendingSuggestionInline(admin.TabularInline):
    """The claim's pending suggestions one way; shown only when there are some."""

    model = LinkSuggestion
    form = DecisionForm
    formset = DecisionFormSet
    other: str  # the side of the other claim
    extra = 0
    can_delete = False
    show_change_link = True
    readonly_fields = ["other_claim", "relation", "score_label", "reason"]
    classes = ["pending-suggestions"]

    def get_queryset(self, request):
        # Not super(): it asks for permission without the claim, which this inline refuses
        # (it shows only on a claim with pending suggestions); get_inline_instances has asked.
        pending = LinkSuggestion.objects.filter(status=Status.PENDING)
        return _claims_of(pending, self.other)

    def get_fields(self, request, obj=None):
        fields = [field for field in self.fields if field != "decision"]
        if self.has_change_permission(request, obj):
            fields.append("decision")
        return fields

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.editor = request.user  # a class made for this request
        return formset

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return self.fk_name in _pending_sides(obj) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.fk_name in _pending_sides(obj) and super().has_change_permission(request, obj)

    @admin.display(description=_("other claim"))
    def other_claim(self, obj: LinkSuggestion):
        return claim_label(getattr(obj, self.other))

    @admin.display(description=_("score"))
    def score_label(self, obj: LinkSuggestion) -> str:
        return f"{obj.score:.2f}"

    @admin.display(description=_("why"))
    def reason(self, obj: LinkSuggestion) -> str:
        return obj.reason


def _pending_sides(claim: Claim | None) -> set[str]:
    """``from_claim`` and/or ``to_claim``: the sides on which the claim has pending
    suggestions; one query per claim page, remembered on the claim."""
    if claim is None or claim.pk is None:
        return set()
    sides = getattr(claim, "_pending_suggestion_sides", None)
    if sides is None:
        pending = LinkSuggestion.objects.filter(status=Status.PENDING)
        found = (
            Claim.objects.filter(pk=claim.pk)
            .annotate(
                out=Exists(pending.filter(from_claim=OuterRef("pk"))),
                into=Exists(pending.filter(to_claim=OuterRef("pk"))),
            )
            .values_list("out", "into")
            .first()
        ) or (False, False)
        sides = {side for side, has in zip(("from_claim", "to_claim"), found, strict=True) if has}
        claim._pending_suggestion_sides = sides
    return sides


class SuggestionsOutInline(PendingSuggestionInline):
    fk_name = "from_claim"
    other = "to_claim"
    fields = ["relation", "other_claim", "score_label", "reason", "decision"]
    verbose_name = _("suggested link to another claim")
    verbose_name_plural = _("suggested links to other claims")


class SuggestionsInInline(PendingSuggestionInline):
    fk_name = "to_claim"
    other = "from_claim"
    fields = ["other_claim", "relation", "score_label", "reason", "decision"]
    verbose_name = _("suggested link from another claim")
    verbose_name_plural = _("suggested links from other claims")
