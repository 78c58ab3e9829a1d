"""Where uploaded article files wait for the worker: a new folder per run in the inbox.

The uploaded name is never used as a path: only the stem of its last component survives,
cleaned to letters, digits, ``-``, ``_`` and ``.``. The stem is kept because it is the
article's identity (its external id), so uploading a changed file updates its article.
"""

from __future__ import annotations

import re
import secrets
import shutil
from collections.abc import Sequence
from pathlib import Path, PureWindowsPath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from articles.ingest.files import ARTICLE_SUFFIX

# Most file systems allow 255 bytes in a name; keep well below, whatever the script.
MAX_STEM_BYTES = 200
_UNSAFE = re.compile(r"[^\w.-]+")


def safe_file_name(uploaded_name: str) -> str:
    """The name to store an upload under: ``<cleaned stem>.txt``, never a path, never hidden."""
    base = PureWindowsPath(uploaded_name).name  # the last component, after "/" or "\"
    if base.lower().endswith(ARTICLE_SUFFIX):
        base = base[: -len(ARTICLE_SUFFIX)]
    stem = _UNSAFE.sub("_", base).strip("._-")
    while len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        stem = stem[:-1]
    return f"{stem or 'article'}{ARTICLE_SUFFIX}"


def inbox_dir() -> Path:
    return Path(settings.NEWSDB_INBOX_DIR)


def new_run_folder(run_id: int) -> Path:
    """A folder of its own for the run's files; the random part keeps a reused id apart."""
    folder = inbox_dir() / f"run-{run_id}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    return folder


def save_uploads(files: Sequence[UploadedFile], folder: Path) -> list[Path]:
    """Write the uploads into ``folder`` under safe names; on any failure, remove the folder."""
    try:
        return [_save(upload, folder) for upload in files]
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _save(upload: UploadedFile, folder: Path) -> Path:
    path = folder / safe_file_name(upload.name or "")
    with path.open("xb") as out:  # "x": two uploads never overwrite each other
        for chunk in upload.chunks():
            out.write(chunk)
    return path
