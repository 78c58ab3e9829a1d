"""Who says a sentence: ``volgens X``, a speech verb with its subject (``X zei``, ``zei X``,
``meldt persbureau X``), the channel (``zegt tegen Reuters``), backward attribution
(``Dat heeft X bevestigd``) and hedging. Quoted text is masked before any of this."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from operator import attrgetter

from articles.extraction.candidates import Candidate
from articles.extraction.lexicon import words
from articles.extraction.patterns import alternation, automaton, find_words
from articles.extraction.sentences import Sentence

_FINITE = words(
    """zei zeiden zegt zeggen meldt meldde melden meldden stelt stelde stellen stelden
    bevestigt bevestigde bevestigen bevestigden verklaart verklaarde verklaren verklaarden
    betichtte betichtten beticht beschuldigt beschuldigde beschuldigden veroordeelt
    veroordeelde veroordeelden waarschuwt waarschuwde waarschuwden benadrukt benadrukte
    benadrukten schrijft schreef schrijven schreven ontkent ontkende ontkenden erkent
    erkende erkenden eist eiste eisten belooft beloofde beloofden meent meende vertelde
    vertelt vertelden reageerde antwoordde concludeert concludeerde twitterde tweette aldus
    verwacht verwachten verwachtte verwachtten vreest vrezen vreesde noemde noemt noemen
    schat schatten schatte"""
)
_WITH_PARTICLE = {
    **dict.fromkeys(["riep", "roept", "riepen", "roepen"], "op"),
    **dict.fromkeys(["liet", "laat", "lieten", "laten"], "weten"),
    **dict.fromkeys(["maakte", "maakt", "maakten", "maken"], "bekend"),
    **dict.fromkeys(["kondigde", "kondigt", "kondigden"], "aan"),
    **dict.fromkeys(["deelde", "deelt", "deelden"], "mee"),
    **dict.fromkeys(["sprak", "spreekt", "spraken"], "van|uit"),
}
_PARTICIPLES = words(
    """gezegd gemeld bevestigd verklaard bekendgemaakt opgeroepen aangekondigd gewaarschuwd
    geschreven ontkend erkend geëist verteld meegedeeld"""
)
_SPEECH_WORDS = frozenset(_FINITE) | frozenset(_WITH_PARTICLE) | frozenset(_PARTICIPLES)
# (?<![\w-]) before a word list is written after each first letter (patterns.alternation's
# not_after), so that re skips straight to where a word of the list can start.
_NOT_AFTER = r"[\w-]"
_PARTICLE_RES = {
    verb: re.compile(rf"{alternation(particle.split('|'), _NOT_AFTER)}(?![\w-])")
    for verb, particle in _WITH_PARTICLE.items()
}
_AUXILIARY_RE = re.compile(r"(?<![\w-])(?:heeft|hebben|had|hadden)(?![\w-])", re.IGNORECASE)
_VOLGENS_RE = re.compile(rf"{alternation(['Volgens', 'volgens', 'Aldus', 'aldus'], _NOT_AFTER)}\s+")
_BACKWARD_RE = re.compile(
    r"(?:Dat|Dit)\s+(?:heeft|hebben|had|hadden|zegt|zeggen|zei|zeiden|meldt|meldde|melden|"
    r"bevestigt|bevestigde|schrijft|schreef|verklaarde|verklaart|stelt|stelde|laat|liet|"
    r"maakte|maakt|blijkt|bleek)\b"
)
_VIA_RE = re.compile(
    alternation(["tegen", "tegenover", "aan", "in een interview met", "in gesprek met"], _NOT_AFTER)
    + r"\s+(?:de\s+|het\s+)?"
)
_FILLER = frozenset(
    words(
        """de het een ook vervolgens wel opnieuw nog zelf nu gisteren eerder vandaag later toen
        daarop maandag dinsdag woensdag donderdag vrijdag zaterdag zondag persbureau zender
        topman topvrouw minister woordvoerder woordvoerster premier president kanselier
        burgemeester directeur voorzitter leider heeft hebben had hadden"""
    )
)
_OF_RE = re.compile(r"\s+(?:van|bij)\s+(?:de\s+|het\s+)?")
_MEDIA_KINDS = frozenset({"media", "news_agency", "publication"})
_HEDGES = [
    *words(
        """zou zouden volgens onduidelijk vermoedelijk waarschijnlijk lijkt lijken onbevestigd
        mogelijk"""
    ),
    *["naar verluidt", "niet duidelijk", "naar eigen zeggen", "nog onbekend", "niet bekend"],
]
_HEDGE_RE = re.compile(rf"(?<![\w-])(?:{alternation(_HEDGES)})(?![\w-])", re.IGNORECASE)
_HEDGE_FIRST_WORDS = frozenset(hedge.split()[0] for hedge in _HEDGES)
_REPORTATIVE_RE = re.compile(r"(?<![\w-])(?:zou|zouden)(?![\w-])", re.IGNORECASE)
_REPORTATIVE_WORDS = frozenset({"zou", "zouden"})

_KEY_WORDS = automaton(
    _SPEECH_WORDS | _HEDGE_FIRST_WORDS | _REPORTATIVE_WORDS | {"volgens", "aldus"}
)
# re.IGNORECASE also matches i to İ and ı and s to ſ, which str.lower() keeps apart
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_WORD_SPAN_RE = re.compile(r"\S+")  # the words of str.split()
_SHORT_GAP = 200  # characters: a gap this short is split at once
_START = attrgetter("start")
_END = attrgetter("end")


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Candidate | None = None
    via: Candidate | None = None
    speech_act: bool = False
    backward: bool = False  # "Dat heeft X bevestigd": attributes the previous sentence


class Clause:
    """A masked sentence and which of the key words of attribution and hedging are words of
    it (``\\w+`` runs of its lower case), so that rules can skip sentences without their
    key words before running a regular expression."""

    __slots__ = ("folded", "lowered", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = text.lower()
        self.words = _key_words(lowered)
        if "İ" in text or "ı" in text or "ſ" in text:
            lowered = text.translate(_FOLD).lower()
            self.folded = _key_words(lowered)
        else:
            self.folded = self.words
        # Where a case-insensitive match of a lower-case word is in ``text``, the word itself
        # is at the same offsets here (İ, the one letter whose lower case is longer, is gone).
        self.lowered = lowered


def _key_words(lowered: str) -> frozenset[str]:
    """The key words that occur in ``lowered`` between non-word characters: those among
    ``re.findall(r"\\w+", lowered)``, found in one Aho-Corasick pass."""
    found = set()
    for last, word in _KEY_WORDS.iter(lowered):
        start = last + 1 - len(word)
        if (start == 0 or not _is_word_char(lowered[start - 1])) and (
            last + 1 == len(lowered) or not _is_word_char(lowered[last + 1])
        ):
            found.add(word)
    return frozenset(found)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w matches


_UNATTRIBUTED = Attribution()


def masked(text: str, sentence: Sentence) -> str:
    """The sentence with quoted text blanked out (same length, same offsets)."""
    if not sentence.quotes:
        return text[sentence.start : sentence.end]
    pieces: list[str] = []
    position = sentence.start
    for quote in sentence.quotes:
        pieces.append(text[position : quote.inner_start])
        pieces.append(" " * (quote.inner_end - quote.inner_start))
        position = quote.inner_end
    pieces.append(text[position : sentence.end])
    return "".join(pieces)


def attribute(clause: Clause, offset: int, mentions: list[Candidate]) -> Attribution:
    """``clause`` is the masked sentence starting at ``offset``; ``mentions`` are the
    outermost mentions in it, in order."""
    has_volgens = "volgens" in clause.words or "aldus" in clause.words
    if not has_volgens and _SPEECH_WORDS.isdisjoint(clause.words):
        return _UNATTRIBUTED  # most sentences: no "volgens", no speech verb
    outside = clause.text
    visible = [m for m in mentions if outside[m.start - offset : m.end - offset].strip()]
    backward = _BACKWARD_RE.match(outside) is not None
    volgens = _after_volgens(outside, offset, visible) if has_volgens else None
    verb = _speech_verb(clause)
    if verb is None:
        return Attribution(source=volgens, backward=backward and volgens is not None)
    anchor_start, anchor_end = verb
    source = volgens or _speaker(outside, offset, visible, anchor_start, anchor_end)
    via = _via(outside, offset, visible, anchor_end, source)
    return Attribution(source, via, speech_act=True, backward=backward)


def _speech_verb(clause: Clause) -> tuple[int, int] | None:
    if _SPEECH_WORDS.isdisjoint(clause.words):
        return None
    outside = clause.text
    # speech words as whole words, in any case (re.IGNORECASE would find the same)
    for start, end in find_words(clause.lowered, _SPEECH_WORDS.intersection(clause.folded)):
        verb = outside[start:end].lower()
        particle = _WITH_PARTICLE.get(verb)
        if particle and not _PARTICLE_RES[verb].search(outside, end, end + 200):
            continue
        if verb in _PARTICIPLES:
            floor = max(0, start - 200)
            auxiliaries = list(_AUXILIARY_RE.finditer(outside, floor, start))
            auxiliary = auxiliaries[-1] if auxiliaries else None
            if auxiliary is not None:
                return auxiliary.start(), auxiliary.end()
        return start, end
    return None


def _after_volgens(outside: str, offset: int, mentions: list[Candidate]) -> Candidate | None:
    for match in _VOLGENS_RE.finditer(outside):
        found = _mention_after(outside, offset, mentions, match.end())
        if found is not None:
            return found
    return None


def _mention_after(
    outside: str, offset: int, mentions: list[Candidate], position: int
) -> Candidate | None:
    first = bisect_left(mentions, position + offset, key=_START)
    if first == len(mentions):
        return None
    mention = mentions[first]
    return mention if _filler_gap(outside, position, mention.start - offset, 4) else None


def _filler_gap(outside: str, start: int, end: int, most: int) -> bool:
    """At most ``most`` words between ``start`` and ``end``, all of them filler. A long gap
    is read only up to the word after the limit, so repeated calls stay linear."""
    if end - start <= _SHORT_GAP:
        gap = outside[start:end].split()
    else:
        words = islice(_WORD_SPAN_RE.finditer(outside, start, end), most + 1)
        gap = [word.group() for word in words]
    return len(gap) <= most and all(word.lower() in _FILLER for word in gap)


def _speaker(
    outside: str, offset: int, mentions: list[Candidate], start: int, end: int
) -> Candidate | None:
    before = _mention_before(outside, offset, mentions, start)
    after = _mention_after(outside, offset, mentions, end)
    reporting_clause = outside[:start].rstrip().endswith((",", ":")) or not outside[:start].strip()
    if reporting_clause:
        return after or before
    return before or after


def _mention_before(
    outside: str, offset: int, mentions: list[Candidate], position: int
) -> Candidate | None:
    last = bisect_right(mentions, position + offset, key=_END)
    if last == 0:
        return None
    at = last - 1
    if _filler_gap(outside, mentions[at].end - offset, position, 2):
        return _head_of_apposition(outside, offset, mentions, at)
    return None


def _head_of_apposition(outside: str, offset: int, mentions: list[Candidate], at: int) -> Candidate:
    """ "Joost van Dijk van de VVD zei": the speaker is the first of "A van (de) B"."""
    while at > 0:
        gap = outside[mentions[at - 1].end - offset : mentions[at].start - offset]
        if not _OF_RE.fullmatch(gap):
            break
        at -= 1
    return mentions[at]


def _via(
    outside: str, offset: int, mentions: list[Candidate], position: int, source: Candidate | None
) -> Candidate | None:
    for match in _VIA_RE.finditer(outside, position):
        found = _mention_after(outside, offset, mentions, match.end())
        if found is not None and found is not source and found.source_kind in _MEDIA_KINDS:
            return found
    return None


_PRONOUN_SUBJECT_RE = re.compile(r"(?:Hij|Zij|Ze)\b|(?:Dat|Dit)\s+\w+\s+(?:hij|zij|ze)\b")


def has_pronoun_speaker(outside: str) -> bool:
    """``Hij zei ...``, ``Dat zei zij``: the speaker is a pronoun."""
    return _PRONOUN_SUBJECT_RE.match(outside) is not None


def is_hedged(clause: Clause) -> bool:
    if _HEDGE_FIRST_WORDS.isdisjoint(clause.folded):
        return False
    outside = clause.text
    for match in _HEDGE_RE.finditer(outside):
        if match.group().lower() != "mogelijk":
            return True
        before = outside[max(0, match.start() - 12) : match.start()].lower().split()
        after = outside[match.end() : match.end() + 8].lower().split()
        if before[-2:-1] == ["zo"] or before[-1:] == ["het"] or after[:1] == ["maken"]:
            continue  # "zo snel mogelijk", "het mogelijk maken"
        return True
    return False


def is_reportative(clause: Clause) -> bool:
    """``zou``/``zouden``: the sentence reports someone else's claim."""
    if _REPORTATIVE_WORDS.isdisjoint(clause.folded):
        return False
    return _REPORTATIVE_RE.search(clause.text) is not None
