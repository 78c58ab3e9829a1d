"""The archive as a stream of articles, story by story, in a stable order."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from benchmarks.corpus.layout import write_article
from benchmarks.corpus.names import OUTLETS
from benchmarks.corpus.stories import World, make_story

# Bump when the same (count, seed, start, months) would give other files.
GENERATOR_VERSION = 2
_OUTLET_INDEX = {outlet: index for index, outlet in enumerate(OUTLETS)}
# An article's external id is "<outlet>-<story number>-<position>": a story has at most six
# outlets, so its number is the 7 characters before the last two.
STORY_DIGITS = 7


def external_id(outlet: str, story: int, position: int) -> str:
    if not 1 <= position <= 9:
        raise ValueError("a position of one digit keeps the story number where it is read")
    return f"{outlet}-{story:0{STORY_DIGITS}d}-{position}"


@dataclass(frozen=True)
class GeneratedArticle:
    external_id: str  # the file name without ".txt"
    text: str  # the whole file content


def month_of(index: int, count: int, start: tuple[int, int], months: int) -> tuple[int, int]:
    """(year, month) of article ``index`` of ``count``: spread evenly over ``months``."""
    offset = index * months // count
    year, month = divmod(start[0] * 12 + start[1] - 1 + offset, 12)
    return year, month + 1


def generate(
    count: int, seed: int = 1, *, start: tuple[int, int] = (2016, 1), months: int = 96
) -> Iterator[GeneratedArticle]:
    """``count`` articles in story order; the same arguments give the same articles.

    A story's month is that of its first article, so the archive has about
    ``count / months`` articles a month. Memory stays flat: one story at a time.
    """
    if count < 0 or months < 1 or not 1 <= start[1] <= 12:
        raise ValueError("count must be >= 0, months >= 1 and start a (year, month)")
    rng = random.Random(seed)
    world = World.build(rng)
    produced = number = 0
    while produced < count:
        number += 1
        year, month = month_of(produced, count, start, months)
        story = make_story(world, rng, number, year, month)
        for position, outlet in enumerate(story.outlets[: count - produced], start=1):
            text = write_article(story, _OUTLET_INDEX[outlet], world.media, rng)
            yield GeneratedArticle(external_id(outlet, number, position), text)
            produced += 1
