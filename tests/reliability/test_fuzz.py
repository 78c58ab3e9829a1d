"""Fuzzing the ingest's parser and extractor with whole generated files (a fixed budget).

The strategies and the property live in ``benchmarks/fuzz.py``: decode, parse and extract as
the ingest does; nothing crashes; a file is parsed cleanly (well-formed segments, every
extracted span inside the text and equal to its slice) or rejected with an
``ArticleFileError`` naming the file and a line. ``python -m benchmarks.fuzz --seconds N``
runs the same strategies for longer, with fresh seeds.

The existing property tests go further on one part each (``tests/ingest/test_parser.py``:
the body after a fixed header; ``tests/extraction/test_robustness.py``: the extractor on bare
text and careless segments); these run the whole path on whole files.

Database-independent, so they run once: in the SQLite run of the suite.
"""

from collections import Counter

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings

from benchmarks import fuzz
from benchmarks.fuzz import any_bytes, any_unicode_files, check_file, near_valid_files

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="no database: runs once, in the SQLite run"
)

# The fixed budget (about 30 s of CPU for the file): reproducible in CI.
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EXTRACTOR = fuzz.default_extractor()


@settings(FUZZ, max_examples=2000)
@given(any_bytes())
def test_arbitrary_bytes(raw: bytes) -> None:
    check_file(raw, EXTRACTOR)


@settings(FUZZ, max_examples=2000)
@given(any_unicode_files())
def test_arbitrary_unicode(raw: bytes) -> None:
    check_file(raw, EXTRACTOR)


@settings(FUZZ, max_examples=500)
@given(near_valid_files())
def test_near_valid_files(raw: bytes) -> None:
    check_file(raw, EXTRACTOR)


def test_near_valid_files_mostly_parse_and_yield_claims() -> None:
    """The generator is not vacuous: most files get past the parser into the extractor."""
    seen: Counter[str] = Counter()

    @settings(FUZZ, max_examples=100)
    @given(near_valid_files())
    def probe(raw: bytes) -> None:
        outcome = check_file(raw, EXTRACTOR)
        seen["parsed" if outcome.parsed else "rejected"] += 1
        seen["claims"] += outcome.claims
        seen["mentions"] += outcome.mentions

    probe()
    assert seen["parsed"] > 2 * seen["rejected"] > 0
    assert seen["claims"] > 50 and seen["mentions"] > 50


def test_rejections_carry_a_line_number() -> None:
    with pytest.raises(AssertionError, match="no line number"):
        fuzz._check_rejection(_error(None, "binary content: NUL byte"), b"x")
    fuzz._check_rejection(_error(None, "file is empty"), b"")
    with pytest.raises(AssertionError, match="line 3 of at most 2"):
        fuzz._check_rejection(_error(3, "missing date header"), b"a\nb")


def test_the_long_run_reports_examples_and_crashes(tmp_path, capsys) -> None:
    assert fuzz.main(["--seconds", "0.1", "--round", "5", "--crashes", str(tmp_path)]) == 0
    line = capsys.readouterr().out.strip()
    assert "examples tried" in line and line.endswith("0 crashes")


def _error(line: int | None, reason: str):
    from articles.ingest.parsed import ArticleFileError

    return ArticleFileError(fuzz.FILE_NAME, reason, line)
