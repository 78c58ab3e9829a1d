"""One outlet's article on a story: a lead, paragraphs of claims and background, sometimes
subheadings and a pull quote, about 3 KB of UTF-8."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from benchmarks.corpus import generic, names
from benchmarks.corpus.actors import Actor
from benchmarks.corpus.numbers import reported
from benchmarks.corpus.picking import Weighted, weighted_options
from benchmarks.corpus.stories import Story, StoryCount, capitalise, random_day

MIN_BYTES, MAX_BYTES = 2_450, 3_750  # kept inside the promised 2,400 to 3,800
_QUOTE_MARKS = (("'", "'"), ("„", "”"), ('"', '"'))
_KINDS = Weighted(("count", "statement", "quote", "hedge", "filler"), (6, 14, 8, 7, 62))
_LEAD_WRAPPERS = weighted_options(
    (
        ("{c}.", "M1", 6),
        ("{c}, {meldt} {src}.", "M1", 3),
        ("Volgens {src} {c}.", "I", 3),
        ("{c}. Dat {heeft} {src} {day} bevestigd.", "M1", 3),
        ("{c}, {zegt} {src}.", "M2", 1),
    )
)
_COUNT_WRAPPERS = weighted_options(generic.COUNT_WRAPPERS)
_QUOTE_WRAPPERS = weighted_options(generic.QUOTE_WRAPPERS)
_TOPIC_SHARE = 0.6  # of statements, quotes, hedges and fillers taken from the topic's own
_FIELD_RE = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=4096)
def _fields(template: str) -> tuple[str, ...]:
    """The slot names of a template."""
    return tuple(_FIELD_RE.findall(template))


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


@dataclass(slots=True)
class Unit:
    """One sentence (two for "…. Dat heeft X bevestigd.") and its size in bytes."""

    text: str
    size: int
    fixed: bool = False  # never dropped: an agency sentence, the source of a pull quote


class _Slots(dict):
    """The slots of one sentence: story constants, the rest made on first use. ``avoid``
    are the actors the template names itself, who should not be its speaker too."""

    __slots__ = ("avoid", "writer")

    def __missing__(self, key: str) -> str:
        value = self.writer.slot(self, key)
        self[key] = value
        return value


class ArticleWriter:
    """Writes one article; holds per-article state only (who was introduced, what was said)."""

    def __init__(self, story: Story, outlet: int, media: Sequence[str], rng: random.Random) -> None:
        self.story, self.media, self.rng = story, media, rng
        opening, closing = _QUOTE_MARKS[outlet % len(_QUOTE_MARKS)]
        place = story.place
        self.base = {
            "place": place.name,
            "town": place.town,
            "region": place.region,
            "country": place.country,
            "adj": place.adjective,
            "evn": story.event.noun,
            "agency": story.agency,
            "o": opening,
            "q": closing,
        }
        count = min(len(story.speakers), rng.randint(3, 5))
        self.speakers = rng.sample(story.speakers, count)
        self.introduced: set[int] = set()  # id() of the actors written in full
        self.used: set[str] = set()  # sentences and templates of this article
        self.pending = self._planned_reports()
        self.quotes: list[tuple[str, Actor, Unit]] = []  # (body, speaker, unit): pull quotes
        self._last_quote: tuple[str, Actor] | None = None
        event = story.event
        self.adjuncts = (event.definite, event.short, event.short, f"in {place.name}")
        self.shared_fillers = generic.FILLERS
        if not story.topic.countries:
            self.shared_fillers += generic.DOMESTIC_FILLERS

    # --- slots ------------------------------------------------------------------------

    def slot(self, slots: _Slots, key: str) -> str:
        if key in ("src", "src2"):
            actor = self._speaker(slots.get("_src"), slots.avoid)
            if key == "src":
                slots["_src"] = actor
            return self._render(actor)
        if key in generic.VERBS:
            actor = slots.get("_src") or self._subject(slots)
            return generic.VERBS[key] if actor.plural else key
        if key in self.story.named:
            return self._render(self.story.named[key])
        return _MAKERS[key](self)

    def _subject(self, slots: _Slots) -> Actor:
        slots["src"]  # makes the speaker, which sets "_src"
        return slots["_src"]

    def _speaker(self, other: Actor | None, avoid: tuple[Actor, ...]) -> Actor:
        actor = self.rng.choice(self.speakers)
        for _ in range(3):
            if actor is not other and actor not in avoid:
                break
            actor = self.rng.choice(self.speakers)
        return actor

    def _render(self, actor: Actor) -> str:
        """In full at the first mention, mostly short after it."""
        if id(actor) not in self.introduced:
            self.introduced.add(id(actor))
            return actor.full
        return actor.short if self.rng.random() < 0.85 else actor.full

    def _slots(self, template: str = "") -> _Slots:
        slots = _Slots(self.base)
        slots.writer = self
        slots.avoid = ()
        if "{" in template:
            named = self.story.named
            slots.avoid = tuple(named[n] for n in _fields(template) if n in named)
        return slots

    # --- units ------------------------------------------------------------------------

    def _planned_reports(self) -> list[StoryCount]:
        """Counts this article reports after the lead: each one to three times."""
        planned = [count for count in self.story.counts for _ in range(self.rng.randint(1, 2))]
        self.rng.shuffle(planned)
        return planned

    def _unique(self, make: Callable[[], str]) -> Unit:
        text = make()
        for _ in range(4):
            if text not in self.used:
                break
            text = make()
        self.used.add(text)
        return Unit(text, _size(text))

    def count_sentence(self, count: StoryCount, *, lead: bool = False) -> str:
        rng, event = self.rng, self.story.event
        figure = reported(count.true, rng, money=count.kind.money)
        frame = rng.choice(count.kind.frames)
        if lead:
            template, form, _ = _LEAD_WRAPPERS.pick(rng)
            adjunct = event.indefinite
        else:
            template, form, _ = _COUNT_WRAPPERS.pick(rng)
            if form == "M":
                form = "M1" if rng.random() < 0.6 else "M2"
            adjunct = rng.choice(self.adjuncts)
        clause = frame.clause(form, adjunct, frame.noun_phrase(figure, count.noun))
        slots = self._slots(frame.rest)  # the frame's text may name a story actor
        slots["c"] = clause.format_map(slots)
        return capitalise(template.format_map(slots))

    def _pick(self, own: Sequence[str], shared: Sequence[str]) -> str:
        """A template of the topic or a shared one, not used yet in this article if any
        is left."""
        fresh_own = [t for t in own if t not in self.used]
        fresh_shared = [t for t in shared if t not in self.used]
        if fresh_own and (not fresh_shared or self.rng.random() < _TOPIC_SHARE):
            template = self.rng.choice(fresh_own)
        else:
            template = self.rng.choice(fresh_shared or shared)
        self.used.add(template)
        return template

    def _plain(self, own: Sequence[str], shared: Sequence[str]) -> str:
        template = self._pick(own, shared)
        return capitalise(template.format_map(self._slots(template)))

    def statement(self) -> str:
        return self._plain(self.story.topic.statements, generic.STATEMENTS)

    def hedge(self) -> str:
        return self._plain(self.story.topic.hedges, generic.HEDGES)

    def filler(self) -> str:
        return self._plain(self.story.topic.fillers, self.shared_fillers)

    def quote(self) -> str:
        template = self._pick(self.story.topic.quotes, generic.QUOTES)
        slots = self._slots(template)
        body = capitalise(template.format_map(slots))
        slots["b"] = body
        text = capitalise(_QUOTE_WRAPPERS.pick(self.rng)[0].format_map(slots))
        self._last_quote = (body, slots["_src"])
        return text

    def unit(self) -> Unit:
        if self.pending and self.rng.random() < 0.25:
            count = self.pending.pop()
            return self._unique(lambda: self.count_sentence(count))
        kind = _KINDS.pick(self.rng)
        if kind == "count":
            count = self.rng.choice(self.story.counts)
            return self._unique(lambda: self.count_sentence(count))
        if kind == "quote":
            unit = self._unique(self.quote)
            body, speaker = self._last_quote or ("", None)
            if speaker is not None and speaker.credit:
                self.quotes.append((body, speaker, unit))
            return unit
        return self._unique(getattr(self, kind))

    # --- the article ------------------------------------------------------------------

    def lead(self) -> list[Unit]:
        story = self.story
        units = [self._unique(lambda: self.count_sentence(story.counts[0], lead=True))]
        second = self.rng.choice((self.hedge, self.statement, self.filler))
        units.append(self._unique(second))
        if self.rng.random() < 0.4:
            units.append(self._unique(self.hedge if self.rng.random() < 0.5 else self.filler))
        return units

    def subheading(self) -> str:
        slots = self._slots()
        for _ in range(4):
            template = self._pick(self.story.topic.subheadings, generic.SUBHEADINGS)
            text = capitalise(template.format_map(slots))
            if len(text) <= 60 and len(text.split()) <= 8:
                return text
        return f"Reacties uit {self.base['place']}"


def _year(writer: ArticleWriter) -> str:
    return str(writer.story.year - writer.rng.randint(1, 15))


def _street(writer: ArticleWriter) -> str:
    return writer.rng.choice(names.STREET_STEMS) + writer.rng.choice(names.STREET_SUFFIXES)


_MAKERS: dict[str, Callable[[ArticleWriter], str]] = {
    "day": lambda writer: random_day(writer.rng),
    "year": _year,
    "street": _street,
    "media": lambda writer: writer.rng.choice(writer.media),
}
