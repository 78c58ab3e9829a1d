"""Background ingests: one row per run, which the worker updates as the files go through."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

COUNT_FIELDS = ("files", "new", "updated", "unchanged", "failed", "claims", "mentions", "actors")


def _count(verbose_name: str, help_text: str) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(verbose_name, default=0, help_text=help_text)


class IngestRun(models.Model):
    """An ingest of one folder, queued by an upload or a command and run by a task worker."""

    class Kind(models.TextChoices):
        UPLOAD = "upload", _("upload")
        FOLDER = "folder", _("folder")
        COMMAND = "command", _("command")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsdb_ingest_runs",
        help_text=_("The editor who uploaded the files; empty for a command or a drop folder."),
    )
    kind = models.CharField(
        _("how"),
        max_length=10,
        choices=Kind.choices,
        help_text=_("Uploaded in the admin, a folder queued by code, or the queue_ingest command."),
    )
    folder = models.CharField(
        _("folder"), max_length=1000, help_text=_("The folder whose .txt files the run reads.")
    )
    corpus = models.CharField(
        _("corpus"),
        max_length=100,
        blank=True,
        help_text=_("Corpus of the files' sources; empty: each file's folder name."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    task_result_id = models.CharField(
        _("task id"),
        max_length=64,
        blank=True,
        help_text=_("The id of the background task's result in the task queue."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    files = _count(_("files"), _("Files found in the folder."))
    new = _count(_("new"), _("Files stored as new articles."))
    updated = _count(_("updated"), _("Files that changed a stored article."))
    unchanged = _count(_("unchanged"), _("Files already stored as they are."))
    failed = _count(_("failed"), _("Files that could not be ingested; see the errors."))
    claims = _count(_("claims"), _("Claims found in the new and updated files."))
    mentions = _count(_("mentions"), _("Actor mentions found in the new and updated files."))
    actors = _count(_("actors"), _("Distinct actors the new and updated files refer to."))
    errors = models.JSONField(
        _("errors"),
        default=list,
        blank=True,
        help_text=_("One line per failed file: the file, the line where known, and why."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("The ingest's summary line, or what stopped the run."),
    )

    class Meta:
        verbose_name = _("ingest run")
        verbose_name_plural = _("ingest runs")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="ingestrun_status_idx"),
            models.Index(fields=["kind", "-created_at"], name="ingestrun_kind_idx"),
            models.Index(fields=["-created_at"], name="ingestrun_created_idx"),
        ]
        constraints = [
            # The counts are PositiveIntegerFields: the database already keeps them >= 0.
            models.CheckConstraint(
                condition=Q(files__gte=F("new") + F("updated") + F("unchanged") + F("failed")),
                name="ingestrun_outcomes_within_files",
            ),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True)
                | Q(started_at__isnull=True)
                | Q(finished_at__gte=F("started_at")),
                name="ingestrun_finished_after_started",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running"], finished_at__isnull=True)
                | Q(status__in=["done", "failed"], finished_at__isnull=False),
                name="ingestrun_finished_when_done_or_failed",
            ),
        ]

    def __str__(self) -> str:
        return _("Ingest run %(id)s (%(status)s)") % {
            "id": self.pk,
            "status": self.get_status_display(),
        }

    @property
    def processed(self) -> int:
        """Files the run has been through so far."""
        return self.new + self.updated + self.unchanged + self.failed

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def duration(self) -> timedelta | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return self.finished_at - self.started_at
