"""All actor mentions of one article, in text order (nested mentions allowed for roles)."""

from __future__ import annotations

from collections.abc import Container
from weakref import WeakKeyDictionary

from articles.extraction import coref, names, phrases
from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer, GazetteerEntry
from articles.extraction.lexicon import LOCATIVE_PREPOSITIONS
from articles.extraction.tokens import Token
from articles.extraction.types import ActorRef


def find_mentions(
    text: str,
    spans: list[tuple[int, int]],
    tokens: list[Token],
    lowercase: Container[str],
    gazetteer: Gazetteer,
) -> list[Candidate]:
    """``spans`` are the segments to search; tokens cover the same spans; ``lowercase``
    holds the words of the text written in lower case."""
    mentions = CandidateSet(len(text))
    known = _known_actors(gazetteer)
    for start, end in spans:
        for match in gazetteer.find(text[start:end]):
            first, last = match.start + start, match.end + start
            entry = match.entry
            actor, source_kind, country = known.get(id(entry)) or _learn(known, entry, gazetteer)
            if match.metonym and _after_locative(text, first):
                # "in Ankara" is the city; "Ankara reageert" is the government
                location = ActorRef(text[first:last], "location")
                mentions.add(Candidate(first, last, location, "other", country))
            else:
                mentions.add(Candidate(first, last, actor, source_kind, country))
    phrases.add_organisation_phrases(text, mentions, gazetteer, spans)
    flags = names.name_flags(tokens, gazetteer)
    names.add_cue_names(text, tokens, flags, mentions)
    names.add_place_compounds(tokens, mentions)
    phrases.add_roles(text, mentions, gazetteer, spans)
    coref.add_demonym_nouns(text, mentions, gazetteer, spans)
    names.add_unknown_names(text, tokens, flags, mentions, lowercase)
    coref.resolve_short_names(mentions)
    coref.resolve_descriptors(mentions, gazetteer)
    return mentions.sorted()


# id of a gazetteer entry -> (actor, source kind, country name): what every mention of the
# entry gets, per gazetteer (whose entries keep the ids valid)
_KNOWN: WeakKeyDictionary[Gazetteer, dict[int, tuple[ActorRef, str, str]]] = WeakKeyDictionary()


def _known_actors(gazetteer: Gazetteer) -> dict[int, tuple[ActorRef, str, str]]:
    known = _KNOWN.get(gazetteer)
    if known is None:
        known = _KNOWN[gazetteer] = {}
    return known


def _learn(
    known: dict[int, tuple[ActorRef, str, str]], entry: GazetteerEntry, gazetteer: Gazetteer
) -> tuple[ActorRef, str, str]:
    country = gazetteer.country_of(entry)
    found = (gazetteer.actor(entry), entry.effective_source_kind, country.name if country else "")
    known[id(entry)] = found
    return found


def _after_locative(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start].split()
    return bool(window) and window[-1].lower() in LOCATIVE_PREPOSITIONS
