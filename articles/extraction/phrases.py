"""Organisation phrases built from a demonym ("het Turkse leger") and role phrases
("een Turkse gouverneur van de zuidelijke regio Hatay", "anonieme functionarissen")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer, GazetteerEntry
from articles.extraction.lexicon import words
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
_CAPITALISED_RUN = r"[A-ZÀ-Ý][\w-]*(?:(?:\s+en\s+|,\s+|\s+)[A-ZÀ-Ý][\w-]*)*"
_OBJECT_GAP_RE = re.compile(r"(?:[a-zà-ÿ][\w-]*\s+){0,4}")


@dataclass(frozen=True, slots=True)
class PhraseRules:
    organisation: re.Pattern[str]
    role: re.Pattern[str]


_RULES: WeakKeyDictionary[Gazetteer, PhraseRules] = WeakKeyDictionary()


def rules_for(gazetteer: Gazetteer) -> PhraseRules:
    rules = _RULES.get(gazetteer)
    if rules is None:
        adjectives = (
            "|".join(re.escape(a) for a in sorted(gazetteer.adjectives, key=len, reverse=True))
            or "(?!)"
        )
        heads = "|".join(sorted(ORGANISATION_HEADS, key=len, reverse=True))
        roles = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
        organisation = re.compile(
            rf"(?<![\w-])(?P<adj>{adjectives})\s+(?P<head>(?i:{heads}))"
            rf"(?P<tail>\s+van\s+{_CAPITALISED_RUN})?(?![\w-])"
        )
        role = re.compile(
            rf"(?<![\w-])(?:(?P<anon>anonieme)\s+)?(?:(?P<adj>{adjectives})\s+)?"
            rf"(?P<role>{roles})(?![\w-])"
        )
        rules = PhraseRules(organisation, role)
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
    pattern = rules_for(gazetteer).role
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            if _followed_by_name(text, match.end()) or mentions.overlaps(
                match.start(), match.end()
            ):
                continue
            candidate = _role_candidate(text, match, mentions, end)
            if candidate is not None:
                mentions.add(candidate, allow_nesting=True)


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
    prep = re.compile(r"\s+(van|binnen|bij)\s+").match(text, end, limit)
    if prep is None:
        return None
    gap = _OBJECT_GAP_RE.match(text, prep.end(), limit)
    at = gap.end() if gap else prep.end()
    obj = mentions.at(at)
    if obj is None or obj.start != at or obj.actor.kind == "role":
        return None
    return prep.group(1), obj
