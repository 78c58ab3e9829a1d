"""A deterministic, seedable generator of a synthetic Dutch news archive in newsdb's seed
article format, for ingest benchmarks.

The archive is a sequence of stories (news events), each covered by 1 to 6 invented
outlets. A story has a month, a topic, a place, known actors (from the gazetteer) and
invented ones, and 1 to 3 counted things with a true figure; every outlet reports those
figures its own way (an earlier count, a rounded one, a qualifier) and attributes them to
its own sources, and copies the story's agency sentences word for word.

    from benchmarks.corpus import generate, write_corpus
    for article in generate(1_000, seed=1): ...
    write_corpus(Path("/tmp/corpus"), 100_000)

or ``python -m benchmarks.corpus DIR --articles N [--seed S]``. Only ``random.Random(seed)``
decides anything, so the same arguments give byte-identical files.
"""

from __future__ import annotations

from benchmarks.corpus.files import CorpusInfo, write_corpus
from benchmarks.corpus.generation import GENERATOR_VERSION, GeneratedArticle, generate

__all__ = ["GENERATOR_VERSION", "CorpusInfo", "GeneratedArticle", "generate", "write_corpus"]
