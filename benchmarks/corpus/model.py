"""The shapes of the generator's data: topics, their events and counted things.

Templates are ``str.format`` strings. The slots a template may use:

* story constants: ``{place}`` ``{country}`` ``{adj}`` (its inflected adjective, "Syrische")
  ``{region}`` ``{ev}`` (definite event adjunct, "bij de brand in Zwolle"), ``{an_ev}``
  (indefinite), ``{evn}`` (the event as a noun phrase, "de brand"), ``{agency}``;
* actors, written in full at their first mention in an article and short after it:
  ``{src}`` ``{src2}`` (speakers of the story), ``{actor}`` (the story's main named actor),
  ``{media}`` (a broadcaster or paper) and the topic's named actors (``Topic.named``);
* per sentence: ``{day}`` ("donderdagavond"), ``{year}``, ``{street}``, ``{town}`` (another
  town of the country), ``{o}``/``{q}`` (the outlet's opening and closing quote marks);
* verbs agreeing with ``{src}``: written in the singular, e.g. ``{meldt}`` ``{zei}``
  (see ``generic.VERBS``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    """A clause around a count: the noun phrase ``np`` (``{n}`` is the figure and the noun,
    ``{f}`` the figure alone), the finite verb ``fin`` and the ``rest`` of the predicate.
    ``sub`` is the verb cluster of a subordinate clause when it is not simply ``rest`` then
    ``fin`` (separable verbs: "omkwamen")."""

    fin: str
    rest: str = ""
    sub: str | None = None
    np: str = "{n}"

    def noun_phrase(self, figure: str, noun: str) -> str:
        return self.np.replace("{n}", f"{figure} {noun}").replace("{f}", figure)

    def clause(self, form: str, adjunct: str, np: str) -> str:
        """The clause in ``form``: "M1" (adjunct first), "M2" (subject first), "I" (verb
        first, after "Volgens X") or "S" (subordinate, after "dat")."""
        if form == "M1":
            parts = (adjunct, self.fin, np, self.rest)
        elif form == "M2":
            parts = (np, self.fin, adjunct, self.rest)
        elif form == "I":
            parts = (self.fin, adjunct, np, self.rest)
        else:
            parts = (adjunct, np, self.sub or f"{self.rest} {self.fin}")
        return " ".join(" ".join(parts).split())


@dataclass(frozen=True, slots=True)
class CountKind:
    """Something a story counts (deaths, jobs, euros) and the clauses that report it."""

    key: str
    low: int
    high: int
    nouns: tuple[str, ...]  # may use {adj}: "{adj} militairen"
    frames: tuple[Frame, ...]
    money: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """What happened, as adjuncts (indefinite at the first mention) and as a noun phrase."""

    indefinite: str  # "bij een brand in een flatgebouw in {place}"
    definite: str  # "bij de brand in {place}"
    short: str  # "bij de brand"
    noun: str  # "de brand"
    counts: tuple[CountKind, ...]  # what such an event counts; a story reports 1 to 3


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    countries: tuple[str, ...]  # where stories happen; empty: the Netherlands or Flanders
    events: tuple[Event, ...]
    functions: tuple[str, ...]  # of invented persons: "econoom", "burgemeester"
    organisations: tuple[tuple[str, str], ...]  # known: (phrase, gazetteer name)
    org_kinds: tuple[str, ...]  # invented organisations: actors.ORGANISATION_KINDS
    roles: tuple[str, ...]  # speaker phrases: "de burgemeester van {place}"
    named: tuple[tuple[str, str], ...]  # (slot, maker in stories) of story actors
    people: str  # known persons: "domestic", "foreign" or "any"
    statements: tuple[str, ...]
    quotes: tuple[str, ...]  # quote bodies without final punctuation
    hedges: tuple[str, ...]
    fillers: tuple[str, ...]  # background without a claim: no figure, no source
    subheadings: tuple[str, ...]
