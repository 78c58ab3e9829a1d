"""Organisation phrases built from a demonym ("het Turkse leger") and role phrases
("een Turkse gouverneur van de zuidelijke regio Hatay", "anonieme functionarissen")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer, GazetteerEntry
from articles.extraction.lexicon import words
from articles.extraction.patterns import alternation, automaton
from articles.extraction.types import ActorRef

# head noun -> (actor kind, source kind)
ORGANISATION_HEADS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        words(
            """leger landmacht luchtmacht marine krijgsmacht strijdkrachten kustwacht
            grenswacht"""
        ),
        ("organisation", "military"),
    ),
    **dict.fromkeys(
        words(
            """regering regime kabinet parlement ministerie politie justitie ambassade
            inlichtingendienst veiligheidsdienst presidentschap hooggerechtshof"""
        ),
        ("organisation", "government"),
    ),
    **dict.fromkeys(
        ["staatstelevisie", "staatsomroep", "staatsmedia", "staatszender", "televisie"],
        ("organisation", "media"),
    ),
    **dict.fromkeys(["persbureau", "staatspersbureau"], ("organisation", "news_agency")),
    **dict.fromkeys(
        ["oppositie", "rebellen", "opstandelingen", "strijders", "milities"], ("group", "other")
    ),
}
# singular "het" nouns: their canonical name takes the uninflected adjective (Turks leger)
HET_HEADS = frozenset(
    words(
        """leger regime kabinet parlement ministerie presidentschap hooggerechtshof persbureau
        staatspersbureau"""
    )
)
DESCRIPTOR_SOURCE_KINDS = {
    "staatstelevisie": "media",
    "staatsomroep": "media",
    "staatszender": "media",
    "televisie": "media",
    "persbureau": "news_agency",
    "staatspersbureau": "news_agency",
}

ROLE_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        words(
            """gouverneur burgemeester ambtenaar ambtenaren regeringsambtenaar
            regeringsambtenaren functionaris functionarissen regeringsfunctionaris diplomaat
            diplomaten ambassadeur minister premier president regeringswoordvoerder"""
        ),
        "government",
    ),
    **dict.fromkeys(["commandant", "generaal", "officier", "officieren"], "military"),
    **dict.fromkeys(
        words(
            """woordvoerder woordvoerster topman directeur voorzitter medewerker medewerkers
            official officials bron bronnen ingewijde ingewijden deskundige deskundigen
            getuige getuigen ooggetuige ooggetuigen"""
        ),
        "other",
    ),
}
_PLURAL_ANONYMOUS = frozenset(
    words(
        """ambtenaren regeringsambtenaren functionarissen diplomaten officials bronnen
        ingewijden medewerkers officieren"""
    )
)
_ROLE_NOUNS = automaton(ROLE_NOUNS)
_CAPITALISED_RUN = r"[A-ZÀ-Ý][\w-]*(?:(?:\s+en\s+|,\s+|\s+)[A-ZÀ-Ý][\w-]*)*"
_OBJECT_GAP_RE = re.compile(r"(?:[a-zà-ÿ][\w-]*\s+){0,4}")
_OBJECT_PREPOSITION_RE = re.compile(r"\s+(van|binnen|bij)\s+")


@dataclass(frozen=True, slots=True)
class PhraseRules:
    organisation: re.Pattern[str]
    role: re.Pattern[str]
    longest_adjective: int


_RULES: WeakKeyDictionary[Gazetteer, PhraseRules] = WeakKeyDictionary()


def rules_for(gazetteer: Gazetteer) -> PhraseRules:
    rules = _RULES.get(gazetteer)
    if rules is None:
        adjectives = alternation(gazetteer.adjectives)
        heads = alternation(ORGANISATION_HEADS)
        roles = alternation(ROLE_NOUNS)
        bounded_adjectives = alternation(gazetteer.adjectives, not_after=r"[\w-]")
        organisation = re.compile(
            rf"(?P<adj>{bounded_adjectives})\s+"
            rf"(?P<head>(?i:{heads}))(?P<tail>\s+van\s+{_CAPITALISED_RUN})?(?![\w-])"
        )
        role = re.compile(
            rf"(?<![\w-])(?:(?P<anon>anonieme)\s+)?(?:(?P<adj>{adjectives})\s+)?"
            rf"(?P<role>{roles})(?![\w-])"
        )
        longest = max(map(len, gazetteer.adjectives), default=0)
        rules = PhraseRules(organisation, role, longest)
        _RULES[gazetteer] = rules
    return rules


def _article_before(text: str, start: int) -> str:
    window = text[max(0, start - 5) : start].lower()
    for article in ("het ", "de ", "een "):
        if window.endswith(article) and (
            len(window) == len(article) or not window[-len(article) - 1].isalpha()
        ):
            return article.strip()
    return ""


def _followed_by_name(text: str, end: int) -> bool:
    at = end
    while at < len(text) and text[at] == " ":
        at += 1
    return at > end and at < len(text) and text[at].isupper()


def add_organisation_phrases(
    text: str, mentions: CandidateSet, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> None:
    pattern = rules_for(gazetteer).organisation
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            head = match.group("head").lower()
            if not match.group("tail") and _followed_by_name(text, match.end()):
                continue  # "de Turkse zender TRT": a cue, handled by the names
            country = gazetteer.adjectives[match.group("adj")]
            name = _canonical(text, match, country, head)
            kind, source_kind = ORGANISATION_HEADS[head]
            actor = ActorRef(name=name, kind=kind)
            descriptor = head if head in DESCRIPTOR_SOURCE_KINDS else ""
            mentions.add(
                Candidate(match.start(), match.end(), actor, source_kind, country.name, descriptor)
            )


def _canonical(text: str, match: re.Match[str], country: GazetteerEntry, head: str) -> str:
    adjective = match.group("adj")
    neutral = adjective == country.adjective_neutral
    if not neutral and (_article_before(text, match.start()) == "het" or head in HET_HEADS):
        neutral = True
    form = country.adjective_neutral if neutral else country.adjective
    rest = text[match.start("head") : match.end()]
    return f"{form or adjective} {' '.join(rest.split())}"


def add_roles(
    text: str, mentions: CandidateSet, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> None:
    rules = rules_for(gazetteer)
    nouns = _role_noun_starts(text)
    for start, end in spans:
        for match in _role_matches(rules, text, start, end, nouns):
            if _followed_by_name(text, match.end()) or mentions.overlaps(
                match.start(), match.end()
            ):
                continue
            candidate = _role_candidate(text, match, mentions, end)
            if candidate is not None:
                mentions.add(candidate, allow_nesting=True)


def _role_matches(
    rules: PhraseRules, text: str, start: int, end: int, nouns: list[int]
) -> Iterator[re.Match[str]]:
    """``rules.role.finditer(text, start, end)``, faster: the role pattern (which starts
    with a look-behind, so ``re`` tries it at every position) is only searched from just
    before each role noun, far enough back for "anonieme", an adjective and the spaces.
    ``nouns``: where role nouns start in ``text``, sorted."""
    position = start
    for at in range(bisect_left(nouns, start), bisect_left(nouns, end)):
        noun = nouns[at]
        if noun < position:
            continue
        window = max(position, _earliest_role_start(text, noun, rules.longest_adjective))
        match = rules.role.search(text, window, end)
        if match is None:
            return
        yield match
        position = match.end()


def _role_noun_starts(text: str) -> list[int]:
    """Where a role noun starts in ``text`` (also inside words; a start may repeat)."""
    return sorted([last + 1 - len(noun) for last, noun in _ROLE_NOUNS.iter(text)])


def _earliest_role_start(text: str, noun: int, longest_adjective: int) -> int:
    """No role match that ends in the role noun at ``noun`` starts before this."""
    at = _skip_spaces_back(text, noun)
    at = _skip_spaces_back(text, max(0, at - longest_adjective))
    return max(0, at - len("anonieme"))


def _skip_spaces_back(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _role_candidate(
    text: str, match: re.Match[str], mentions: CandidateSet, limit: int
) -> Candidate | None:
    role = match.group("role")
    adjective = match.group("adj")
    anonymous_word = match.group("anon")
    target = _role_object(text, match.end(), mentions, limit)
    if target is not None:
        preposition, obj = target
        name = f"{role} {preposition} {obj.actor.name}"
        source_kind = ROLE_NOUNS[role] if not anonymous_word else "anonymous"
        return Candidate(match.start(), obj.end, ActorRef(name, "role"), source_kind)
    if not adjective and not anonymous_word:
        return None
    article = _article_before(text, match.start())
    anonymous = (
        bool(anonymous_word) or article == "een" or (not article and role in _PLURAL_ANONYMOUS)
    )
    name = " ".join(part for part in (anonymous_word, adjective, role) if part)
    if anonymous and not anonymous_word:
        name += " (anoniem)"
    source_kind = "anonymous" if anonymous else ROLE_NOUNS[role]
    return Candidate(match.start(), match.end(), ActorRef(name, "role"), source_kind)


def _role_object(
    text: str, end: int, mentions: CandidateSet, limit: int
) -> tuple[str, Candidate] | None:
    """``van/binnen/bij`` followed, after a few lower-case words, by a known mention."""
    prep = _OBJECT_PREPOSITION_RE.match(text, end, limit)
    if prep is None:
        return None
    gap = _OBJECT_GAP_RE.match(text, prep.end(), limit)
    at = gap.end() if gap else prep.end()
    obj = mentions.at(at)
    if obj is None or obj.start != at or obj.actor.kind == "role":
        return None
    return prep.group(1), obj
