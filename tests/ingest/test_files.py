import pickle
from pathlib import Path

import pytest

from articles.ingest.files import discover, read_limited
from articles.ingest.parsed import ArticleFileError


def make(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(" date 2020-02 x", encoding="utf-8")


def test_folders_globs_and_files_in_stable_order_once_each(tmp_path):
    make(tmp_path, "b.txt", "a.txt", "sub/c.txt", "notes.md")
    found = list(discover([tmp_path, tmp_path / "*.txt", tmp_path / "sub" / "c.txt"]))
    assert [t.path.relative_to(tmp_path).as_posix() for t in found] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]
    assert all(t.error is None for t in found)


def test_empty_folder_is_an_error(tmp_path):
    (found,) = discover([tmp_path])
    assert found.path is None and "folder has no .txt files" in str(found.error)


def test_read_limited_refuses_big_files_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 11)
    assert read_limited(path, 11) == b"x" * 11
    with pytest.raises(ArticleFileError, match="file is 11 bytes, over the limit of 10 bytes"):
        read_limited(path, 10)


@pytest.mark.parametrize("line", [None, 7])
def test_a_file_error_survives_pickling_as_it_crosses_to_a_worker(line):
    error = ArticleFileError("a/b.txt", "folder has no .txt files", line)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.file, copy.reason, copy.line) == (
        ArticleFileError,
        str(error),
        "a/b.txt",
        "folder has no .txt files",
        line,
    )
