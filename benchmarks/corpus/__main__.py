"""python -m benchmarks.corpus DIR --articles N [--seed S] [--start 2016-01] [--months 96]"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus.files import write_corpus


def _month(text: str) -> tuple[int, int]:
    year, _, month = text.partition("-")
    try:
        value = int(year), int(month)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from None
    if not 1 <= value[1] <= 12:
        raise argparse.ArgumentTypeError(f"no such month: {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description="Write a synthetic Dutch news corpus in the seed article format.",
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=_month, default=(2016, 1), help="first month, YYYY-MM")
    parser.add_argument("--months", type=int, default=96, help="months the stories span")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    info = write_corpus(
        args.directory, args.articles, args.seed, start=args.start, months=args.months
    )
    seconds = time.perf_counter() - began
    action = "kept the existing" if info.reused else "wrote"
    print(
        f"{action} {info.count:,} articles, {info.total_bytes:,} bytes "
        f"({info.total_bytes / max(info.count, 1):,.0f} per article) "
        f"in {info.directory} in {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
