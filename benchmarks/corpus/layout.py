"""The blocks of an article and its size: lead, paragraphs, subheadings, a pull quote."""

from __future__ import annotations

import random
from collections.abc import Sequence

from benchmarks.corpus.picking import Weighted
from benchmarks.corpus.stories import Story
from benchmarks.corpus.writer import MAX_BYTES, MIN_BYTES, ArticleWriter, Unit

_PARAGRAPHS = Weighted((3, 4, 5, 6, 7), (5, 20, 30, 27, 18))
_SUBHEADINGS = Weighted((0, 1, 2), (45, 40, 15))
_MAX_BLOCKS = 9
_AGENCY_SHARE = 0.9  # of outlets that copy an agency sentence
_PULL_QUOTE_SHARE = 0.12


def _joined(units: list[Unit]) -> int:
    """Bytes of the units joined by single spaces."""
    return sum(unit.size for unit in units) + len(units) - 1


class _Paragraph:
    """Units and their joined size, kept up to date."""

    __slots__ = ("size", "units")

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self.size = -1  # no units: no space either

    def add(self, unit: Unit) -> None:
        self.units.append(unit)
        self.size += unit.size + 1

    def drop(self, unit: Unit) -> None:
        self.units = [u for u in self.units if u is not unit]
        self.size -= unit.size + 1

    def droppable(self) -> Unit | None:
        """The last unit that may go, if the paragraph keeps at least one."""
        if len(self.units) < 2:
            return None
        return next((u for u in reversed(self.units) if not u.fixed), None)


def write_article(story: Story, outlet: int, media: Sequence[str], rng: random.Random) -> str:
    """The whole file of one outlet's article on ``story`` (``outlet`` picks its style)."""
    writer = ArticleWriter(story, outlet, media, rng)
    header = f" date {story.year:04d}-{story.month:02d} "
    lead = writer.lead()
    paragraphs = [_Paragraph() for _ in range(_PARAGRAPHS.pick(rng))]
    for line in story.agency_lines:
        if rng.random() < _AGENCY_SHARE:
            paragraphs[rng.choice((0, 0, 1))].add(Unit(line, len(line.encode()), fixed=True))
    target = min(3_600, max(2_600, round(rng.gauss(3_060, 230))))
    fixed = len(header.encode()) + _joined(lead) + 1 + 2 * len(paragraphs)
    budget = (target - fixed) / len(paragraphs) - 60
    for paragraph in paragraphs:
        while paragraph.size < budget:
            paragraph.add(writer.unit())
    extras = _extras(writer, paragraphs, rng)
    _fit(writer, paragraphs, fixed + sum(len(text.encode()) + 2 for text in extras.values()))
    return _text(header, lead, paragraphs, extras)


def _extras(
    writer: ArticleWriter, paragraphs: list[_Paragraph], rng: random.Random
) -> dict[int, str]:
    """Blocks inserted after paragraph ``index`` (-index - 1: before it): subheadings and
    at most one pull quote."""
    count = len(paragraphs)
    wanted = _SUBHEADINGS.pick(rng)
    wanted = min(wanted, count - 1, _MAX_BLOCKS - 1 - count)
    extras: dict[int, str] = {}
    for index in sorted(rng.sample(range(1, count), wanted)):
        extras[-index - 1] = writer.subheading()
    if writer.quotes and 1 + count + len(extras) < _MAX_BLOCKS and rng.random() < _PULL_QUOTE_SHARE:
        body, speaker, unit = writer.quotes[0]
        index = next(i for i, p in enumerate(paragraphs) if any(u is unit for u in p.units))
        if index < count - 1:
            unit.fixed = True
            extras[index] = f"{body}. {speaker.credit}"
    return extras


def _fit(writer: ArticleWriter, paragraphs: list[_Paragraph], fixed: int) -> None:
    """Drop or add sentences until the article is between MIN_BYTES and MAX_BYTES."""
    total = fixed + sum(p.size for p in paragraphs)
    while total > MAX_BYTES:
        candidates = [(p.size, i) for i, p in enumerate(paragraphs) if p.droppable()]
        if not candidates:
            break
        paragraph = paragraphs[max(candidates)[1]]
        victim = paragraph.droppable()
        paragraph.drop(victim)
        total -= victim.size + 1
    while total < MIN_BYTES:
        unit = writer.unit()
        min(paragraphs, key=lambda p: p.size).add(unit)
        total += unit.size + 1


def _text(
    header: str, lead: list[Unit], paragraphs: list[_Paragraph], extras: dict[int, str]
) -> str:
    blocks = [header + " ".join(u.text for u in lead)]
    for index, paragraph in enumerate(paragraphs):
        if -index - 1 in extras:
            blocks.append(extras[-index - 1])
        blocks.append(" ".join(u.text for u in paragraph.units))
        if index in extras:
            blocks.append(extras[index])
    return "\n\n".join(blocks) + "\n"
