"""``load_dictionaries`` loads up front what extraction would otherwise load on first use, so
that forked workers share the parent's copy."""

import subprocess
import sys

AFTER_LOADING_NOTHING_IS_READ = """
import lzma

from articles.extraction import load_dictionaries

load_dictionaries()


def no_more_reading(*args, **kwargs):
    raise AssertionError("a dictionary was read after load_dictionaries()")


lzma.open = no_more_reading
import simplemma

print(simplemma.lemmatize("militairen", lang="nl"), simplemma.is_known("huis", lang="nl"))
"""


def test_after_loading_lemmatising_dutch_reads_no_more_data():
    done = subprocess.run(
        [sys.executable, "-c", AFTER_LOADING_NOTHING_IS_READ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["militair", "True"]


def test_without_loading_the_dictionary_is_read_on_first_use():
    """The check above can fail: without ``load_dictionaries`` the first lookup reads."""
    script = AFTER_LOADING_NOTHING_IS_READ.replace("load_dictionaries()\n", "", 1)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    assert "a dictionary was read" in done.stderr
