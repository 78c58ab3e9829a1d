"""The upload form: several article files at once, each checked before anything is saved."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.ingest.files import ARTICLE_SUFFIX

from .inbox import safe_file_name

# Below Django's DATA_UPLOAD_MAX_NUMBER_FILES (100), so that the form, not a 400, says so.
MAX_UPLOAD_FILES = 50


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files (Django's documented recipe)."""

    def __init__(self, *args, **kwargs) -> None:
        accept = f"{ARTICLE_SUFFIX},text/plain"
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[UploadedFile]:
        clean_one = super().clean
        if not data:
            return [clean_one(None, initial)]  # raises "This field is required."
        items = data if isinstance(data, (list, tuple)) else [data]
        return [clean_one(item, initial) for item in items]


class UploadArticlesForm(forms.Form):
    files = MultipleFileField(label=_("Article files"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = gettext(
            "One or more .txt files in the seed format, at most %(count)d at a time, each at "
            "most %(size)s. A file named like a stored article updates that article."
        ) % {"count": MAX_UPLOAD_FILES, "size": filesizeformat(settings.NEWSDB_MAX_ARTICLE_BYTES)}

    def clean_files(self) -> list[UploadedFile]:
        files = self.cleaned_data["files"]
        if len(files) > MAX_UPLOAD_FILES:
            raise ValidationError(
                ngettext(
                    "Upload at most %(limit)d file at a time (you chose %(count)d).",
                    "Upload at most %(limit)d files at a time (you chose %(count)d).",
                    MAX_UPLOAD_FILES,
                )
                % {"limit": MAX_UPLOAD_FILES, "count": len(files)},
                code="too_many",
            )
        errors = [*_file_errors(files), *_duplicate_errors(files)]
        if errors:
            raise ValidationError(errors)
        return files


def _file_errors(files: list[UploadedFile]) -> list[ValidationError]:
    limit = settings.NEWSDB_MAX_ARTICLE_BYTES
    errors = []
    for upload in files:
        if not (upload.name or "").lower().endswith(ARTICLE_SUFFIX):
            message = _("%(name)s is not a .txt file.")
            errors.append(ValidationError(message, code="suffix", params={"name": upload.name}))
        elif upload.size > limit:
            message = _("%(name)s is %(size)s, over the limit of %(limit)s.")
            params = {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            }
            errors.append(ValidationError(message, code="size", params=params))
    return errors


def _duplicate_errors(files: list[UploadedFile]) -> list[ValidationError]:
    """Two files stored under one name would be one article: say so instead of guessing."""
    seen: dict[str, str] = {}
    errors = []
    for upload in files:
        stored = safe_file_name(upload.name or "")
        if stored in seen:
            message = _("%(name)s and %(other)s would both be stored as %(stored)s.")
            params = {"name": upload.name, "other": seen[stored], "stored": stored}
            errors.append(ValidationError(message, code="duplicate", params=params))
        else:
            seen[stored] = upload.name or ""
    return errors
