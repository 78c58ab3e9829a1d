"""All actor mentions of one article, in text order (nested mentions allowed for roles)."""

from __future__ import annotations

from articles.extraction import coref, names, phrases
from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer, GazetteerMatch
from articles.extraction.lexicon import LOCATIVE_PREPOSITIONS
from articles.extraction.tokens import Token
from articles.extraction.types import ActorRef


def find_mentions(
    text: str,
    spans: list[tuple[int, int]],
    tokens: list[Token],
    lowercase: set[str],
    gazetteer: Gazetteer,
) -> list[Candidate]:
    """``spans`` are the segments to search; tokens cover the same spans; ``lowercase``
    holds the words of the text written in lower case."""
    mentions = CandidateSet()
    for start, end in spans:
        for match in gazetteer.find(text[start:end]):
            mentions.add(_from_gazetteer(text, match, start, gazetteer))
    phrases.add_organisation_phrases(text, mentions, gazetteer, spans)
    names.add_cue_names(text, tokens, mentions, gazetteer)
    names.add_place_compounds(tokens, mentions)
    phrases.add_roles(text, mentions, gazetteer, spans)
    coref.add_demonym_nouns(text, mentions, gazetteer, spans)
    names.add_unknown_names(text, tokens, mentions, gazetteer, lowercase)
    coref.resolve_short_names(mentions)
    coref.resolve_descriptors(mentions, gazetteer)
    return mentions.sorted()


def _from_gazetteer(
    text: str, match: GazetteerMatch, offset: int, gazetteer: Gazetteer
) -> Candidate:
    start, end = match.start + offset, match.end + offset
    entry = match.entry
    country = gazetteer.country_of(entry)
    country_name = country.name if country else ""
    if match.metonym and _after_locative(text, start):
        # "in Ankara" is the city; "Ankara reageert" is the government
        return Candidate(start, end, ActorRef(text[start:end], "location"), "other", country_name)
    return Candidate(start, end, gazetteer.actor(entry), entry.effective_source_kind, country_name)


def _after_locative(text: str, start: int) -> bool:
    window = text[max(0, start - 12) : start].split()
    return bool(window) and window[-1].lower() in LOCATIVE_PREPOSITIONS
