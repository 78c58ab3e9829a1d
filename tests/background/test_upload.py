"""Uploading articles in the admin: files saved to the inbox, a run queued, its task enqueued."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.background.forms import MAX_UPLOAD_FILES
from articles.background.inbox import safe_file_name
from articles.models import IngestRun

from .conftest import SEED_A, SEED_B, SEEDS

pytestmark = pytest.mark.django_db
UPLOAD_URL = reverse("admin:articles_ingestrun_upload")
TASK_PATH = "articles.background.tasks.ingest_run"


def seed_upload(name: str, as_name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(as_name or name, (SEEDS / name).read_bytes(), "text/plain")


def text_file(name: str, size: int = 40) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b" date 2020-02 " + b"x" * (size - 14), "text/plain")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def upload(client, files: list[SimpleUploadedFile], capture):
    with capture(execute=True):
        return client.post(UPLOAD_URL, {"files": files})


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_an_editor_uploads_two_files_and_a_run_is_queued(
    editor_client, editor, inbox, django_capture_on_commit_callbacks
):
    files = [seed_upload(SEED_A), seed_upload(SEED_B)]
    response = upload(editor_client, files, django_capture_on_commit_callbacks)

    run = IngestRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_ingestrun_change", args=[run.pk])
    assert (run.kind, run.status, run.requested_by, run.files) == ("upload", "queued", editor, 2)
    folder = Path(run.folder)
    assert folder.parent == inbox
    assert files_in(folder) == [SEED_A, SEED_B]
    assert (folder / SEED_A).read_bytes() == (SEEDS / SEED_A).read_bytes()
    task = DBTaskResult.objects.get()
    assert (task.task_path, task.status, task.args_kwargs["args"]) == (TASK_PATH, "READY", [run.pk])
    assert run.task_result_id == str(task.id)
    page = editor_client.get(response["Location"])
    assert f"2 files uploaded: run {run.pk} is queued" in page.content.decode()


def test_an_uploaded_name_is_never_a_path(editor_client, inbox, django_capture_on_commit_callbacks):
    files = [seed_upload(SEED_A, as_name="../../etc/cron.d/Artikel één.TXT")]
    assert upload(editor_client, files, django_capture_on_commit_callbacks).status_code == 302
    run = IngestRun.objects.get()
    assert files_in(inbox) == [f"{Path(run.folder).name}/Artikel_één.txt"]


@pytest.mark.parametrize(
    ("uploaded", "expected"),
    [
        ("000_78357a777ef7f92d.txt", "000_78357a777ef7f92d.txt"),
        ("../../../etc/passwd.txt", "passwd.txt"),
        (r"C:\Users\redactie\stuk.txt", "stuk.txt"),
        ("..txt", "article.txt"),
        (".hidden.txt", "hidden.txt"),
        ("a b;rm -rf.txt", "a_b_rm_-rf.txt"),
        ("nul\x00byte.txt", "nul_byte.txt"),
        ("é" * 300 + ".txt", "é" * 100 + ".txt"),
    ],
)
def test_safe_file_names(uploaded, expected):
    assert safe_file_name(uploaded) == expected


def oversized(settings) -> list[SimpleUploadedFile]:
    settings.NEWSDB_MAX_ARTICLE_BYTES = 100
    return [text_file("lang.txt", size=101)]


BAD_UPLOADS = {
    "not_txt": (lambda s: [text_file("artikel.docx")], "artikel.docx is not a .txt file."),
    "too_large": (oversized, "lang.txt is 101\xa0bytes, over the limit of 100\xa0bytes."),
    "too_many": (
        lambda s: [text_file(f"a{n}.txt") for n in range(MAX_UPLOAD_FILES + 1)],
        f"Upload at most {MAX_UPLOAD_FILES} files at a time (you chose {MAX_UPLOAD_FILES + 1}).",
    ),
    "none": (lambda s: [], "This field is required."),
    "empty": (lambda s: [SimpleUploadedFile("leeg.txt", b"")], "The submitted file is empty."),
    "same_name": (
        lambda s: [text_file("a/stuk.txt"), text_file("b/stuk.txt")],
        "stuk.txt and stuk.txt would both be stored as stuk.txt.",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_UPLOADS))
def test_a_bad_upload_is_a_form_error_and_stores_nothing(
    editor_client, inbox, settings, django_capture_on_commit_callbacks, case
):
    make_files, message = BAD_UPLOADS[case]
    response = upload(editor_client, make_files(settings), django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert message in response.context["form"].errors["files"]
    assert b"errornote" in response.content
    assert not inbox.exists() or files_in(inbox) == []
    assert not IngestRun.objects.exists() and not DBTaskResult.objects.exists()


def test_a_reader_can_neither_upload_nor_see_runs(client, reader, inbox):
    client.force_login(reader)
    assert client.get(UPLOAD_URL).status_code == 403
    assert client.post(UPLOAD_URL, {"files": [seed_upload(SEED_A)]}).status_code == 403
    assert client.get(reverse("admin:articles_ingestrun_changelist")).status_code == 403
    assert not inbox.exists() and not IngestRun.objects.exists()


def test_the_run_list_offers_the_upload_but_no_add_form(editor_client):
    page = editor_client.get(reverse("admin:articles_ingestrun_changelist"))
    assert page.status_code == 200
    assert UPLOAD_URL.encode() in page.content
    assert editor_client.get(reverse("admin:articles_ingestrun_add")).status_code == 403
    form = editor_client.get(UPLOAD_URL)
    assert b'type="file" name="files"' in form.content and b"multiple" in form.content


def finished_run(**fields) -> IngestRun:
    return IngestRun.objects.create(
        kind="folder", folder="/srv/drop", status="done", finished_at="2026-01-01T12:00Z", **fields
    )


def test_a_run_page_is_read_only_and_shows_its_error_lines(editor_client):
    run = finished_run(files=2, failed=1, errors=["/srv/drop/kapot.txt:1: missing date header"])
    page = editor_client.get(reverse("admin:articles_ingestrun_change", args=[run.pk]))
    content = page.content.decode()
    assert "<code>kapot.txt:1: missing date header</code>" in content  # the folder is above
    assert '<td class="count-failed nonzero">1</td>' in content
    assert 'name="_save"' not in content, content[content.find('name="_save"') - 300 :][:600]
    assert 'name="errors"' not in content and 'name="status"' not in content


def test_run_again_queues_a_new_run_over_the_same_folder(
    editor_client, editor, django_capture_on_commit_callbacks
):
    done = finished_run(corpus="drop")
    running = IngestRun.objects.create(kind="folder", folder="/srv/other", status="running")
    changelist = reverse("admin:articles_ingestrun_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            changelist,
            {"action": "run_selected_again", "_selected_action": [done.pk, running.pk]},
            follow=True,
        )
    again = IngestRun.objects.exclude(pk__in=[done.pk, running.pk]).get()
    assert (again.folder, again.corpus, again.status, again.requested_by) == (
        "/srv/drop",
        "drop",
        "queued",
        editor,
    )
    assert DBTaskResult.objects.get().args_kwargs["args"] == [again.pk]
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        f"Queued 1 run again: run {again.pk}.",
        "1 run has not finished yet and was not queued again.",
    ]
