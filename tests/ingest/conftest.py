import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_A = "000_78357a777ef7f92d.txt"
SEED_B = "003_34cf2e6a0fed1da4.txt"


class Run:
    """The outcome of one ``manage.py ingest`` call."""

    def __init__(self, out: str, err: str, failed: str | None) -> None:
        self.out, self.err, self.failed = out, err, failed

    @property
    def summary(self) -> str:
        return self.out.strip().splitlines()[-1]


@pytest.fixture
def run_ingest():
    def run(*args: object) -> Run:
        out, err = StringIO(), StringIO()
        try:
            call_command("ingest", *map(str, args), stdout=out, stderr=err, no_progress=True)
        except CommandError as error:
            return Run(out.getvalue(), err.getvalue(), str(error))
        return Run(out.getvalue(), err.getvalue(), None)

    return run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds, in a folder named like a corpus."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (SEED_A, SEED_B):
        shutil.copyfile(SEEDS / name, folder / name)
    return folder
