"""Background ingest runs: their status as the worker writes it, and the upload page.

Runs are made by uploads, the ``queue_ingest`` command and "run again"; nothing on a run is
edited by hand. Uploading needs the ``add_ingestrun`` permission (the Editors have it).
"""

from datetime import datetime, timedelta

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.background.forms import MAX_UPLOAD_FILES, UploadArticlesForm
from articles.background.runs import run_again, start_upload_run
from articles.models import IngestRun
from articles.models.ingest_runs import COUNT_FIELDS

UPLOAD_PERMISSION = "articles.add_ingestrun"


def duration_label(duration: timedelta) -> str:
    """``4.2 s``, ``3 min 05 s``, ``1 h 02 min``."""
    seconds = duration.total_seconds()
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def short_datetime(moment: datetime) -> str:
    return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = [
        "run_label",
        "status",
        "kind",
        "requested_by",
        "files_label",
        "outcome",
        "created",
        "finished",
        "duration",
    ]
    list_filter = ["status", "kind", ("requested_by", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["requested_by"]
    search_fields = ["folder", "summary", "task_result_id", "requested_by__username"]
    date_hierarchy = "created_at"
    actions = ["run_selected_again"]
    fieldsets = [
        (None, {"fields": ["status", "summary", "counts", "error_lines"]}),
        (
            _("Details"),
            {
                "fields": [
                    "kind",
                    "requested_by",
                    "folder",
                    "corpus",
                    "created_at",
                    ("started_at", "finished_at", "duration"),
                    "task_result_id",
                ]
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return list(flatten_fieldsets(self.fieldsets))

    def has_add_permission(self, request) -> bool:
        return False  # runs come from uploads and commands, not from a blank form

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # the worker writes a run; nobody edits one

    def has_upload_permission(self, request) -> bool:
        return request.user.has_perm(UPLOAD_PERMISSION)

    @admin.display(description=_("run"), ordering="pk")
    def run_label(self, obj: IngestRun) -> str:
        return f"#{obj.pk}"

    @admin.display(description=_("files"), ordering="files")
    def files_label(self, obj: IngestRun) -> str:
        if obj.status == IngestRun.Status.RUNNING:
            return f"{obj.processed} / {obj.files}"
        return str(obj.files)

    @admin.display(description=_("outcome"))
    def outcome(self, obj: IngestRun):
        """``1 new, 1 failed · 14 claims``: only what happened, failures stand out."""
        parts = [
            format_html('<span class="ingest-{}">{} {}</span>', name, count, label)
            for name, count, label in (
                ("new", obj.new, _t("new")),
                ("updated", obj.updated, _t("updated")),
                ("unchanged", obj.unchanged, _t("unchanged")),
                ("failed", obj.failed, _t("failed")),
            )
            if count
        ]
        if not parts:
            return self.get_empty_value_display()
        claims = ngettext("%(count)d claim", "%(count)d claims", obj.claims) % {"count": obj.claims}
        return format_html("{} · {}", format_html_join(", ", "{}", ((p,) for p in parts)), claims)

    @admin.display(description=_("created"), ordering="created_at")
    def created(self, obj: IngestRun) -> str:
        return short_datetime(obj.created_at)

    @admin.display(description=_("finished"), ordering="finished_at")
    def finished(self, obj: IngestRun) -> str:
        """The time only when the run finished on the day it was created."""
        if obj.finished_at is None:
            return self.get_empty_value_display()
        finished = localtime(obj.finished_at)
        if finished.date() == localtime(obj.created_at).date():
            return date_format(finished, "TIME_FORMAT")
        return short_datetime(obj.finished_at)

    @admin.display(description=_("duration"))
    def duration(self, obj: IngestRun) -> str:
        if obj.duration is None:
            return self.get_empty_value_display()
        return duration_label(obj.duration)

    @admin.display(description=_("counts"))
    def counts(self, obj: IngestRun):
        """The counts as one small table, each heading explained by its help text."""
        fields = [IngestRun._meta.get_field(name) for name in COUNT_FIELDS]
        head = format_html_join(
            "",
            '<th scope="col" title="{}">{}</th>',
            ((field.help_text, capfirst(field.verbose_name)) for field in fields),
        )
        values = [(field.name, getattr(obj, field.name)) for field in fields]
        cells = format_html_join(
            "",
            '<td class="count-{}{}">{}</td>',
            ((name, " nonzero" if value else "", value) for name, value in values),
        )
        return format_html(
            '<table class="ingest-counts"><thead><tr>{}</tr></thead><tbody><tr>{}</tr></tbody>'
            "</table>",
            head,
            cells,
        )

    @admin.display(description=_("error lines"))
    def error_lines(self, obj: IngestRun):
        """One line per failed file, the run's folder left out: ``kapot.txt:1: why``."""
        if not obj.errors:
            return _t("None.")
        folder = obj.folder.rstrip("/") + "/"
        lines = ((line.removeprefix(folder),) for line in obj.errors)
        items = format_html_join("", "<li><code>{}</code></li>", lines)
        return format_html('<ul class="ingest-errors">{}</ul>', items)

    @admin.action(description=_("Run again"), permissions=["upload"])
    def run_selected_again(self, request, queryset) -> None:
        finished = [run for run in queryset if run.is_finished]
        again = [run_again(run, request.user) for run in finished]
        if again:
            ids = ", ".join(str(run.pk) for run in again)
            message = ngettext(
                "Queued %(count)d run again: run %(ids)s.",
                "Queued %(count)d runs again: runs %(ids)s.",
                len(again),
            ) % {"count": len(again), "ids": ids}
            self.message_user(request, message, messages.SUCCESS)
        if skipped := len(queryset) - len(finished):
            message = ngettext(
                "%(count)d run has not finished yet and was not queued again.",
                "%(count)d runs have not finished yet and were not queued again.",
                skipped,
            ) % {"count": skipped}
            self.message_user(request, message, messages.WARNING)

    # --- uploading ------------------------------------------------------------------------

    def get_urls(self):
        upload = path(
            "upload/",
            self.admin_site.admin_view(self.upload_view),
            name="articles_ingestrun_upload",
        )
        return [upload, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        context = {"may_upload": self.has_upload_permission(request), **(extra_context or {})}
        return super().changelist_view(request, context)

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_upload_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = UploadArticlesForm(request.POST, request.FILES) if posted else UploadArticlesForm()
        if posted and form.is_valid():
            run = start_upload_run(form.cleaned_data["files"], request.user)
            message = ngettext(
                "%(count)d file uploaded: run %(id)s is queued and ingests it in the background.",
                "%(count)d files uploaded: run %(id)s is queued and ingests them in the "
                "background.",
                run.files,
            ) % {"count": run.files, "id": run.pk}
            self.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_ingestrun_change", args=[run.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _t("Upload articles"),
            "form": form,
            "max_files": MAX_UPLOAD_FILES,
        }
        return TemplateResponse(request, "admin/articles/ingestrun/upload.html", context)
