"""Bad files get a clear error naming file and line; good files of the same run are kept."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError

from articles.ingest import store
from articles.models import Article, Claim, Mention, Segment, Source

from .conftest import SEED_A, SEED_B, SEEDS

pytestmark = pytest.mark.django_db
GOOD_ID = Path(SEED_A).stem

BAD_FILES = {
    "empty.txt": (b"", "empty.txt: file is empty"),
    "blank.txt": (b" \n\n \n", "blank.txt: file is empty"),
    "noheader.txt": (b"Een artikel zonder datum.\n", "noheader.txt:1: missing date header"),
    "month.txt": (b" date 2020-13 Een zin.\n", "month.txt:1: invalid month 13"),
    "nul.txt": (b" date 2020-02 Een zin.\n\nTwee\x00drie.\n", "nul.txt:3: binary content"),
    "latin1.txt": (
        b" date 2020-02 Een zin.\n\nCaf\xe9 in Idlib.\n",
        "latin1.txt:3: not valid UTF-8",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_reported_and_the_good_one_kept(run_ingest, tmp_path, name):
    content, message = BAD_FILES[name]
    (tmp_path / name).write_bytes(content)
    run = run_ingest(SEEDS / SEED_A, tmp_path / name)
    assert run.failed == "1 of 2 files failed."
    assert message in run.err
    assert str(tmp_path) in run.err
    assert list(Article.objects.values_list("external_id", flat=True)) == [GOOD_ID]
    assert run.summary.startswith("2 files: 1 new, 0 updated, 0 unchanged, 1 failed;")


def test_file_over_the_size_limit(run_ingest, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b" date 2020-02 " + b"Lang. " * 200)
    run = run_ingest("--max-bytes", 1000, big)
    assert "big.txt: file is 1,214 bytes, over the limit of 1,000 bytes" in run.err
    assert run.failed and not Article.objects.exists()


def test_missing_and_unreadable_paths(run_ingest, tmp_path, monkeypatch):
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    locked = tmp_path / "locked.txt"
    locked.write_bytes((SEEDS / SEED_A).read_bytes())
    real_open = Path.open

    def deny(path, *args, **kwargs):
        if path == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    run = run_ingest(tmp_path / "missing.txt", tmp_path / "dangling.txt", locked, tmp_path / "*.md")
    assert run.failed == "4 of 4 files failed."
    assert "missing.txt: no such file or directory" in run.err
    assert "dangling.txt: no such file or directory" in run.err
    assert "locked.txt: cannot read file: Permission denied" in run.err
    assert "*.md: no files match this pattern" in run.err


def test_a_failure_while_storing_leaves_no_half_article(run_ingest, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(store, "_create_claims", broken)
    run = run_ingest(SEEDS)
    assert run.failed == "2 of 2 files failed."
    assert "database error: disk I/O error" in run.err
    for model in (Article, Segment, Mention, Claim):
        assert not model.objects.exists(), model
    assert not Source.objects.filter(kind=Source.Kind.PUBLICATION).exists()


def test_one_failed_article_does_not_poison_the_next(run_ingest, monkeypatch):
    """The batch is written together; when that fails, each file alone, so only the bad one
    is lost."""
    real = store._create_claims
    bad = SEED_A.removesuffix(".txt")

    def fail_one(found, *args, **kwargs):
        if any(article.external_id == bad for article, _claims, _kept in found):
            raise DatabaseError("deadlock detected")
        return real(found, *args, **kwargs)

    monkeypatch.setattr(store, "_create_claims", fail_one)
    run = run_ingest(SEEDS)
    assert run.failed == "1 of 2 files failed."
    assert f"{SEED_A}: database error: deadlock detected" in run.err
    assert list(Article.objects.values_list("external_id", flat=True)) == [
        SEED_B.removesuffix(".txt")
    ]
    assert Claim.objects.exists()
    assert not Segment.objects.exclude(article__external_id=SEED_B.removesuffix(".txt")).exists()


def test_exit_status_is_non_zero_from_the_shell(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}
    manage = Path(__file__).resolve().parents[2] / "manage.py"
    done = subprocess.run(
        [sys.executable, str(manage), "ingest", "--dry-run", str(tmp_path / "empty.txt")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "empty.txt: file is empty" in done.stderr
    assert "1 of 1 file failed." in done.stderr
