"""Count clusters: the reports of one count reconciled, and the editor's house figure."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from articles.crossref.clusters import ClusterView, Rank, cluster_views
from articles.crossref.decisions import set_house_figure
from articles.crossref.load import facts_of
from articles.crossref.reconcile import Report, figure_label, format_partial_date
from articles.crossref.score import report_of
from articles.figures import claim_figure, plain_number
from articles.figures import figure_label as figure_of
from articles.models import Claim, CountCluster

HOUSE_FIELDS = ("house_value", "house_qualifier", "house_wording", "house_claim")
SHORT_WORDING = 60


def house_figure_label(cluster: CountCluster) -> str:
    if cluster.house_value is not None:
        return figure_of(cluster.house_value, qualifier=cluster.house_qualifier)
    return Truncator(cluster.house_wording).chars(SHORT_WORDING)


def _number(number: Decimal | None, missing: str = "—") -> str:
    return missing if number is None else plain_number(number)


def _view(cluster: CountCluster) -> ClusterView:
    """The cluster's reports reconciled and ranked, worked out once per cluster and page: the
    changelist does it for its whole page at once (see get_changelist_instance)."""
    view = getattr(cluster, "_cluster_view", None)
    if view is None:
        view = cluster_views(CountCluster.objects.filter(pk=cluster.pk))[0]
        cluster._cluster_view = view
    return view


def _report_label(claim: Claim) -> str:
    """``≥ 22 — gouverneur van Hatay — 000_78357a777ef7f92d (2020-02-27)``: a report in the
    house figure's select."""
    figure = claim_figure(claim)
    who = claim.source.name if claim.source else claim.article.source.name
    article = f"{claim.article.external_id} ({claim.article.published})"
    return " — ".join(part for part in (figure, who, article) if part)


class HasHouseFigureFilter(admin.SimpleListFilter):
    title = _("house figure")
    parameter_name = "has_house_figure"

    def lookups(self, request, model_admin):
        return [("yes", _("recorded")), ("no", _("not yet"))]

    def queryset(self, request, queryset):
        decided = Q(house_value__isnull=False) | ~Q(house_wording="")
        if self.value() == "yes":
            return queryset.filter(decided)
        if self.value() == "no":
            return queryset.exclude(decided)
        return queryset


class HouseFigureForm(forms.ModelForm):
    """The house figure; the report it follows is one of the cluster's own."""

    class Meta:
        model = CountCluster
        fields = ["label", *HOUSE_FIELDS]
        widgets = {"house_wording": AdminTextareaWidget(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        follows = self.fields.get("house_claim")
        if follows is not None:
            reports = self.instance.claims.all() if self.instance.pk else Claim.objects.none()
            follows.queryset = (
                reports.select_related("article__source", "source")
                .only(
                    "id",
                    "cluster",
                    "quantity_value",
                    "quantity_min",
                    "quantity_max",
                    "quantity_qualifier",
                    "article__external_id",
                    "article__published_year",
                    "article__published_month",
                    "article__published_day",
                    "article__source__name",
                    "source__name",
                )
                .order_by("article__published_year", "article__published_month", "pk")
            )
            follows.label_from_instance = _report_label
            # One of the cluster's reports is chosen, never a new or another claim.
            widget = follows.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = False
        if self.instance.house_value is not None:
            self.initial["house_value"] = plain_number(self.instance.house_value)  # not 33.000

    def clean(self):
        data = super().clean()
        if data.get("house_value") is None:
            data["house_qualifier"] = ""  # a qualifier without a number says nothing
        elif not data.get("house_qualifier"):
            data["house_qualifier"] = Claim.Qualifier.EXACT
        return data


@admin.register(CountCluster)
class CountClusterAdmin(SimpleHistoryAdmin):
    form = HouseFigureForm
    history_list_display = ["house_value", "house_qualifier"]
    list_display = [
        "label",
        "key",
        "report_count",
        "low",
        "best",
        "high",
        "can_all_be_true",
        "house_figure",
        "house_decided_by",
        "house_decided_at",
    ]
    # "Can all be true" is worked out in Python from every report of a cluster (superseded
    # reports take no part), so it is shown per page but is not a filter.
    list_filter = [HasHouseFigureFilter]
    list_select_related = ["house_decided_by"]
    search_fields = ["label", "key"]
    ordering = ["-created_at", "-pk"]  # explicit: Meta.ordering is dropped by the annotation
    readonly_fields = [
        "key",
        "reconciliation",
        "reports",
        "house_decided_by",
        "house_decided_at",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["label", "key", "created_at"]}),
        (_("Reports"), {"fields": ["reconciliation", "reports"]}),
        (
            _("House figure"),
            {
                "fields": [
                    ("house_value", "house_qualifier"),
                    "house_wording",
                    "house_claim",
                    ("house_decided_by", "house_decided_at"),
                ],
                "description": _(
                    "What newsdb's users should publish for this count. Saving a change "
                    "records you as the editor who decided, and when."
                ),
            },
        ),
    ]

    class Media:
        css = {"all": ["articles/admin.css"]}

    def has_add_permission(self, request) -> bool:
        return False  # clusters are founded by the ingest, from matching reports

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("house_decided_by")

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        page = list(changelist.result_list)  # the page's own rows, which the template shows
        views = cluster_views(CountCluster.objects.filter(pk__in=[c.pk for c in page]))
        by_pk = {view.cluster.pk: view for view in views}
        for cluster in page:
            cluster._cluster_view = by_pk.get(cluster.pk)
        return changelist

    def save_model(self, request, obj: CountCluster, form, change: bool) -> None:
        if set(HOUSE_FIELDS).isdisjoint(form.changed_data):
            super().save_model(request, obj, form, change)  # the label only
            return
        set_house_figure(
            obj,
            request.user,
            value=obj.house_value,
            qualifier=obj.house_qualifier,
            wording=obj.house_wording,
            follows=obj.house_claim,
        )

    # --- the list -----------------------------------------------------------------------

    @admin.display(description=_("low"))
    def low(self, obj: CountCluster) -> str:
        return _number(_view(obj).reconciliation.low)

    @admin.display(description=_("best"))
    def best(self, obj: CountCluster) -> str:
        return _number(_view(obj).reconciliation.best)

    @admin.display(description=_("high"))
    def high(self, obj: CountCluster) -> str:
        reconciliation = _view(obj).reconciliation
        if reconciliation.low is not None and reconciliation.high is None:
            return "∞"
        return _number(reconciliation.high)

    @admin.display(description=_("can all be true"), boolean=True)
    def can_all_be_true(self, obj: CountCluster) -> bool:
        return _view(obj).reconciliation.consistent

    @admin.display(description=_("house figure"), ordering="house_value")
    def house_figure(self, obj: CountCluster) -> str:
        return house_figure_label(obj) or "—"

    # --- the change page ----------------------------------------------------------------

    @admin.display(description=_("reconciled"))
    def reconciliation(self, obj: CountCluster):
        view = _view(obj)
        result = view.reconciliation
        if result.best is None:
            return _("No report of this count gives a figure.")
        articles = _article_ids(obj)

        def report(r: Report):
            claim_url = reverse("admin:articles_claim_change", args=[r.claim_id])
            return format_html(
                '<a href="{}">{}</a> <span class="report-where">{} · {} · {}</span>',
                claim_url,
                figure_label(r),
                r.source or r.outlet or "—",
                articles.get(r.claim_id, ""),
                format_partial_date(r.published) or "",
            )

        if result.consistent:
            agreement = format_html(
                '<span class="consistent">{}</span>',
                _("Yes: all reports can be true at once, the count lies between low and high."),
            )
        else:
            first, second = result.conflicting
            agreement = format_html(
                '<span class="conflicting">{}</span><br>{}<br>{}',
                _("No: these two cannot both be true (low and high span all reports)."),
                report(first),
                report(second),
            )
        rows = [
            (_("low"), _number(result.low)),
            (_("best estimate"), _number(result.best)),
            (_("high"), _number(result.high, _("no upper bound"))),
            (
                _("conservative figure"),
                format_html(
                    "{} <small>{}</small>", report(result.conservative_report), _("(the lowest)")
                ),
            ),
            (_("can all be true"), agreement),
            (_("independent sources"), result.independent_sources),
            (
                _("sources by figure"),
                format_html_join(
                    "",
                    '<div><strong class="figure">{}</strong> {}</div>',
                    ((label, ", ".join(names) or "—") for label, names in result.sources_by_figure),
                ),
            ),
        ]
        if result.superseded:
            rows.append(
                (
                    _("superseded"),
                    format_html_join(
                        "", "<div>{}</div>", ((report(r),) for r in result.superseded)
                    ),
                )
            )
        return format_html(
            '<table class="reconciliation">{}</table>',
            format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
        )

    @admin.display(description=_("ranked"))
    def reports(self, obj: CountCluster):
        view = _view(obj)
        if not view.claims:
            return "—"
        articles = _article_ids(obj)
        superseded = {r.claim_id for r in view.reconciliation.superseded}
        rows = []
        for claim in view.claims:
            facts = facts_of(claim)
            rank = view.ranks[claim.pk]
            notes = []
            if claim.pk in superseded:
                notes.append(str(_("superseded")))
            if claim.status == Claim.Status.FALSE:
                notes.append(claim.get_status_display())
            if claim.pk == obj.house_claim_id:
                notes.append(str(_("house figure")))
            rows.append(
                (
                    rank.value,
                    Rank(rank).label,
                    ", ".join(notes),
                    figure_label(report_of(facts)) or "—",
                    reverse("admin:articles_claim_change", args=[claim.pk]),
                    claim.text,
                    facts.source_name or facts.outlet or "—",
                    articles.get(claim.pk, ""),
                    format_partial_date(facts.published) or "",
                )
            )
        head = format_html_join(
            "",
            "<th>{}</th>",
            ((label,) for label in (_("rank"), _("figure"), _("claim"), _("source"), _("article"))),
        )
        body = format_html_join(
            "",
            '<tr class="rank-{}"><td>{}<div class="rank-note">{}</div></td>'
            '<td class="figure">{}</td><td class="report-text"><a href="{}">{}</a></td>'
            '<td>{}</td><td class="report-where">{}<br>{}</td></tr>',
            rows,
        )
        return format_html(
            '<table class="cluster-reports"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>',
            head,
            body,
        )


def _article_ids(cluster: CountCluster) -> dict[int, str]:
    """The external id of each report's article; one query, remembered on the cluster."""
    ids = getattr(cluster, "_article_ids", None)
    if ids is None:
        ids = dict(cluster.claims.values_list("pk", "article__external_id"))
        cluster._article_ids = ids
    return ids
