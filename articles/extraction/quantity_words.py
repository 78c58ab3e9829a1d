"""What a quantity counts ("Turkse militairen om het leven gekomen") and a normalised key
("turks militair|dood") so that counts of the same kind of thing can be compared."""

from __future__ import annotations

import re
from collections.abc import Mapping

import simplemma

from articles.extraction.lexicon import words
from articles.extraction.wordcache import word_cache

_STOP = frozenset(
    words(
        """zijn is was waren wordt worden werd werden hebben heeft had hadden kwamen kwam komen
        die dat en of in op bij sinds met door voor naar aan om tot na over onder tegen te
        als dan maar zou zouden moet moeten kan kunnen per het de een zich er nog al ook
        niet dit deze"""
    )
)
# event nouns count the event itself: "34 doden" is a death count of unspecified people
_EVENT_NOUNS = {
    "doden": "dood",
    "dode": "dood",
    "slachtoffers": "dood",
    "gewonden": "gewond",
    "gewonde": "gewond",
    "arrestaties": "arrest",
    "euro": "geld",
    "euro's": "geld",
    "dollar": "geld",
    "dollars": "geld",
    "pond": "geld",
    "€": "geld",
    "$": "geld",
}
# (pattern, event class, canonical text, words of which every match contains one: the
# pattern is searched only where one of them occurs, a much cheaper test)
_EVENTS = (
    (
        re.compile(r"\bom het leven\b|\bkwamen? om\b"),
        "dood",
        "om het leven gekomen",
        ("om het leven", "kwam"),
    ),
    (
        re.compile(r"\b(?:gedood|omgekomen|gesneuveld|overleden|doodgeschoten|vermoord)\b"),
        "dood",
        "",
        ("gedood", "omgekomen", "gesneuveld", "overleden", "doodgeschoten", "vermoord"),
    ),
    (re.compile(r"\braakten? gewond\b|\bgewond\b"), "gewond", "", ("gewond",)),
    (
        re.compile(r"\bop de vlucht (?:geslagen|gejaagd|gegaan|gedreven)\b"),
        "vlucht",
        "",
        ("op de vlucht",),
    ),
    (
        re.compile(r"\b(?:gearresteerd|opgepakt|aangehouden)\b"),
        "arrest",
        "",
        ("gearresteerd", "opgepakt", "aangehouden"),
    ),
    (re.compile(r"\b(?:ontslagen|geschrapt)\b"), "ontslag", "", ("ontslagen", "geschrapt")),
)
_WORD_RE = re.compile(r"[€$]|\w+(?:[-'’]\w+)*")


@word_cache
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word.lower(), lang="nl")


def counted_phrase(
    text: str, start: int, end: int, adjectives: Mapping[str, str]
) -> tuple[str, str]:
    """The noun phrase after a number (plus an event phrase later in the clause)."""
    words: list[str] = []
    position = start
    for match in _WORD_RE.finditer(text, start, min(end, start + 120)):
        gap = text[position : match.start()]
        if gap.strip() or match.group().lower() in _STOP or len(words) == 4:
            if match.group() == "uit" and len(words) < 4:
                name = _WORD_RE.match(text, match.end() + 1)
                if name and name.group()[:1].isupper():
                    words += ["uit", name.group()]
            break
        words.append(match.group())
        position = match.end()
    rest = text[start:end]
    event_class, event_text = _event(rest)
    what = " ".join(words)
    if event_text and event_text not in what:
        what = f"{what} {event_text}".strip()
    return what, _key(words, event_class, adjectives)


def _event(rest: str) -> tuple[str, str]:
    for pattern, event_class, canonical, anchors in _EVENTS:
        for anchor in anchors:
            if anchor in rest:
                match = pattern.search(rest)
                if match:
                    return event_class, canonical or match.group()
                break
    return "", ""


def _key(words: list[str], event_class: str, adjectives: Mapping[str, str]) -> str:
    parts: list[str] = []
    for word in words:
        if word == "uit":
            break
        if word in adjectives:
            parts.append(adjectives[word].lower())
        elif word.lower() in _EVENT_NOUNS:
            event_class = event_class or _EVENT_NOUNS[word.lower()]
        else:
            parts.append(_lemma(word))
    return f"{' '.join(parts)}|{event_class}"
