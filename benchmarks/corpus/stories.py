"""Stories: the news events of the archive. Each has a month, a topic, a place, a cast and
1 to 3 counted things with a true figure, and is covered by 1 to 6 outlets."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.corpus import generic, names
from benchmarks.corpus.actors import Actor, OrganisationPools, PeoplePools, Place
from benchmarks.corpus.known import DOMESTIC_COUNTRIES, Gazetteer, load_gazetteer
from benchmarks.corpus.model import CountKind, Event, Topic
from benchmarks.corpus.numbers import format_number, nice_value
from benchmarks.corpus.picking import Weighted, Zipf
from benchmarks.corpus.topics import TOPICS

# outlets per story: 1 to 6, mean about 2.5
_COVERAGE = Weighted((1, 2, 3, 4, 5, 6), (28, 30, 20, 11, 7, 4))
_COUNTS_PER_STORY = Weighted((1, 2, 3), (30, 45, 25))
_OPENING_QUOTES = ("'", "„", '"')
_DIRECTIONS = ("het noorden", "het zuiden", "het oosten", "het westen", "het noordwesten")
# known armed groups by country; elsewhere an invented militia
_GROUPS = {
    "Syrië": ("Hayat Tahrir al-Sham", "Islamitische Staat"),
    "Irak": ("Islamitische Staat",),
    "Palestina": ("Hamas",),
    "Libanon": ("Hezbollah",),
    "Afghanistan": ("Taliban",),
}
# gazetteer locations that are no town: "in Krim" and "in Lesbos" are wrong
_NOT_TOWNS = frozenset(
    {
        "Krim",
        "Westelijke Jordaanoever",
        "Schiphol",
        "Donbas",
        "Golanhoogvlakte",
        "Lesbos",
        "Lampedusa",
    }
)
_MILITIAS = ("Al-Nasr", "Al-Fajr", "Al-Karama", "Al-Tahrir", "Al-Wahda", "Al-Amal")
_PARTIES = (
    ("de VVD", "VVD"),
    ("de PVV", "PVV"),
    ("het CDA", "CDA"),
    ("D66", "D66"),
    ("GroenLinks-PvdA", "GroenLinks-PvdA"),
    ("de SP", "SP"),
    ("NSC", "NSC"),
    ("BBB", "BBB"),
    ("de ChristenUnie", "ChristenUnie"),
)


@dataclass(frozen=True, slots=True)
class StoryCount:
    kind: CountKind
    noun: str  # "Turkse militairen"
    true: int


@dataclass(frozen=True, slots=True)
class Story:
    number: int  # 1-based, in archive order
    year: int
    month: int
    topic: Topic
    place: Place
    event: Event  # with the place and actors filled in
    counts: tuple[StoryCount, ...]
    speakers: tuple[Actor, ...]
    named: dict[str, Actor]  # slot -> actor; "actor" is the main one
    agency: str  # "persbureau ANP"
    agency_lines: tuple[str, ...]  # copied word for word by every outlet
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class World:
    """Everything a story is drawn from; built once per corpus from the seed."""

    gazetteer: Gazetteer
    people: PeoplePools
    organisations: OrganisationPools
    topics: Zipf[Topic]
    places: dict[str, Zipf[str]]  # country -> places, most newsworthy first
    known_orgs: dict[str, Zipf[tuple[str, str]]]  # topic key -> (phrase, gazetteer name)
    media: tuple[str, ...]

    @classmethod
    def build(cls, rng: random.Random) -> World:
        gazetteer = load_gazetteer()
        return cls(
            gazetteer=gazetteer,
            people=PeoplePools.build(gazetteer, rng),
            organisations=OrganisationPools.build(rng),
            topics=Zipf(TOPICS, 0.4),
            places=_place_pools(gazetteer, rng),
            known_orgs=_known_organisations(gazetteer, rng),
            media=tuple(phrase for phrase, name in generic.MEDIA if name in gazetteer.names),
        )

    def adjective(self, country: str) -> str:
        return next(c.adjective for c in self.gazetteer.countries if c.name == country)


def _place_pools(gazetteer: Gazetteer, rng: random.Random) -> dict[str, Zipf[str]]:
    towns = {**names.TOWNS, **names.FOREIGN_TOWNS}
    pools = {}
    for country, invented in towns.items():
        known = [p for p in gazetteer.locations.get(country, ()) if p not in _NOT_TOWNS]
        rng.shuffle(known)
        pools[country] = Zipf([*known, *invented], 0.7)
    return pools


def _known_organisations(
    gazetteer: Gazetteer, rng: random.Random
) -> dict[str, Zipf[tuple[str, str]]]:
    pools = {}
    for topic in TOPICS:
        known = [entry for entry in topic.organisations if entry[1] in gazetteer.names]
        rng.shuffle(known)
        if known:
            pools[topic.key] = Zipf(known, 1.0)
    return pools


def make_story(world: World, rng: random.Random, number: int, year: int, month: int) -> Story:
    topic = world.topics.pick(rng)
    place = _place(world, topic, rng)
    named = _named(world, topic, place, rng)
    template = rng.choice(topic.events)
    event = _event(template, place, named)
    speakers = _speakers(world, topic, place, named, rng)
    counts = _counts(template, place, rng)
    agency = _agency(place, rng)
    lines = _agency_lines(world, rng, place, event, counts[0], speakers, named, agency)
    coverage = _COVERAGE.pick(rng)
    outlets = tuple(rng.sample(names.OUTLETS, coverage))
    return Story(
        number, year, month, topic, place, event, counts, speakers, named, agency, lines, outlets
    )


def _place(world: World, topic: Topic, rng: random.Random) -> Place:
    if topic.countries:
        country = topic.countries[min(int(rng.expovariate(0.5)), len(topic.countries) - 1)]
        region = f"{rng.choice(_DIRECTIONS)} van {country}"
    else:
        country = DOMESTIC_COUNTRIES[0] if rng.random() < 0.85 else DOMESTIC_COUNTRIES[1]
        region = rng.choice(names.REGIONS[country])
    pool = world.places[country]
    name = pool.pick(rng)
    town = name
    for _ in range(8):
        if town != name:
            break
        town = pool.pick(rng)
    return Place(name, town, region, country, world.adjective(country))


def _named(world: World, topic: Topic, place: Place, rng: random.Random) -> dict[str, Actor]:
    named = {slot: _NAMED_MAKERS[maker](world, place, rng) for slot, maker in topic.named}
    named["actor"] = named[topic.named[0][0]]
    return named


def _event(template: Event, place: Place, named: dict[str, Actor]) -> Event:
    """The event with its place and actors (in full at the first mention, short after)."""
    full = {slot: actor.full for slot, actor in named.items()}
    short = {slot: actor.short for slot, actor in named.items()}
    return Event(
        template.indefinite.format(place=place.name, **full),
        template.definite.format(place=place.name, **short),
        template.short.format(**short),
        template.noun.format(**short),
        template.counts,
    )


def _speakers(
    world: World, topic: Topic, place: Place, named: dict[str, Actor], rng: random.Random
) -> tuple[Actor, ...]:
    people = world.people
    cast = [people.invented_person(rng.choice(topic.functions), rng)]
    if rng.random() < 0.6:
        cast.append(people.invented_person(rng.choice(topic.functions), rng))
    if rng.random() < 0.5:
        cast.append(people.known_person(topic.people, place.country, rng))
    known_orgs = world.known_orgs.get(topic.key)
    for _ in range(rng.choice((0, 1, 1, 2)) if known_orgs else 0):
        phrase, name = known_orgs.pick(rng)
        if world.gazetteer.homes.get(name, place.country) == place.country:
            cast.append(Actor(phrase, phrase))
    if rng.random() < 0.5:
        kind = rng.choice(topic.org_kinds)
        cast.append(world.organisations.organisation(kind, rng, place))
    for role in rng.sample(topic.roles, min(len(topic.roles), rng.choice((1, 2)))):
        cast.append(_role(role, place, named))
    cast.extend(actor for slot, actor in named.items() if slot != "actor")
    return tuple(dict.fromkeys(cast))  # without duplicates, in order


def _role(template: str, place: Place, named: dict[str, Actor]) -> Actor:
    """A role phrase; a leading "+" marks a plural ("+omwonenden")."""
    plural = template.startswith("+")
    full_names = {slot: actor.full for slot, actor in named.items()}
    phrase = template.lstrip("+").format(place=place.name, adj=place.adjective, **full_names)
    short = "de " + phrase.removeprefix("een ") if phrase.startswith("een ") else phrase
    return Actor(phrase, short, plural=plural)


def _counts(template: Event, place: Place, rng: random.Random) -> tuple[StoryCount, ...]:
    wanted = _COUNTS_PER_STORY.pick(rng)
    kinds = rng.sample(template.counts, min(wanted, len(template.counts)))
    return tuple(
        StoryCount(
            kind,
            rng.choice(kind.nouns).replace("{adj}", place.adjective),
            nice_value(kind.low, kind.high, rng, money=kind.money),
        )
        for kind in kinds
    )


def _agency(place: Place, rng: random.Random) -> str:
    return rng.choice(generic.AGENCY_BY_COUNTRY.get(place.country, generic.WORLD_AGENCIES))


def _agency_lines(
    world: World,
    rng: random.Random,
    place: Place,
    event: Event,
    count: StoryCount,
    speakers: tuple[Actor, ...],
    named: dict[str, Actor],
    agency: str,
) -> tuple[str, ...]:
    """One or two agency sentences, written once for the story."""
    lines = []
    outsiders = [s for s in speakers if place.name not in s.full] or list(speakers)
    for template in rng.sample(generic.AGENCY, 1 if rng.random() < 0.7 else 2):
        speaker = rng.choice(outsiders)
        slots = {
            "src": speaker.full,
            "agency": agency,
            "evn": event.noun,
            "place": place.name,
            "day": random_day(rng),
            **{slot: actor.short for slot, actor in named.items()},
            **{verb: (plural if speaker.plural else verb) for verb, plural in _VERB_FORMS},
        }
        figure = rng.choice(("zeker ", "", "minstens ")) + format_number(count.true, rng)
        frame = rng.choice(count.kind.frames)
        form = "I" if template.startswith("Volgens") else "M1"
        clause = frame.clause(form, event.definite, frame.noun_phrase(figure, count.noun))
        slots["c"] = clause.format_map(slots)
        lines.append(capitalise(template.format_map(slots)))
    return tuple(lines)


def random_day(rng: random.Random) -> str:
    """A weekday, sometimes with a part of the day: "donderdagavond"."""
    return rng.choice(names.WEEKDAYS) + rng.choice(names.DAY_PARTS)


def capitalise(sentence: str) -> str:
    """Upper-case the first character, or the one after an opening quote mark."""
    index = 1 if sentence[:1] in _OPENING_QUOTES else 0
    return sentence[:index] + sentence[index : index + 1].upper() + sentence[index + 1 :]


def _army(world: World, place: Place, rng: random.Random) -> Actor:
    return Actor(f"het {place.adjective} leger", f"het {place.adjective} leger")


def _group(world: World, place: Place, rng: random.Random) -> Actor:
    known = [g for g in _GROUPS.get(place.country, ()) if g in world.gazetteer.names]
    if known and rng.random() < 0.8:
        name = rng.choice(known)
        phrase = "de Taliban" if name == "Taliban" else name
        return Actor(phrase, phrase)
    return Actor(f"de militie {rng.choice(_MILITIAS)}", "de militie")


def _foreign_leader(world: World, place: Place, rng: random.Random) -> Actor:
    return world.people.known_person("foreign", place.country, rng)


def _coastguard(world: World, place: Place, rng: random.Random) -> Actor:
    return Actor(f"de {place.adjective} kustwacht", "de kustwacht")


def _party(world: World, place: Place, rng: random.Random) -> Actor:
    known = [p for p in _PARTIES if p[1] in world.gazetteer.names]
    if place.country == "Nederland" and known:
        phrase = rng.choice(known)[0]
        return Actor(phrase, phrase)
    return world.organisations.organisation("party", rng, place)


def _court(world: World, place: Place, rng: random.Random) -> Actor:
    return Actor(f"de rechtbank in {place.name}", "de rechtbank")


def _organisation(kind: str):
    def make(world: World, place: Place, rng: random.Random) -> Actor:
        return world.organisations.organisation(kind, rng, place)

    return make


_NAMED_MAKERS = {
    "army": _army,
    "group": _group,
    "foreign_leader": _foreign_leader,
    "coastguard": _coastguard,
    "party": _party,
    "court": _court,
    **{
        kind: _organisation(kind)
        for kind in ("company", "union", "housing", "health_service", "safety_region")
    },
    "local_party": _organisation("party"),
}
_VERB_FORMS = tuple(generic.VERBS.items())
