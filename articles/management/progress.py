"""The commands' progress bar: on a terminal only, on stderr, gone when done."""

from django.core.management.base import OutputWrapper
from tqdm import tqdm


def progress_bar(stderr: OutputWrapper, total: int, unit: str, *, hidden: bool = False) -> tqdm:
    return tqdm(
        total=total,
        unit=unit,
        disable=True if hidden else None,  # None: only on a terminal
        file=stderr._out,
        leave=False,
    )
