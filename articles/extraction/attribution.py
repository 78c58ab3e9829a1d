"""Who says a sentence: ``volgens X``, a speech verb with its subject (``X zei``, ``zei X``,
``meldt persbureau X``), the channel (``zegt tegen Reuters``), backward attribution
(``Dat heeft X bevestigd``) and hedging. Quoted text is masked before any of this."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from articles.extraction.candidates import Candidate
from articles.extraction.lexicon import words
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
_VERB_RE = re.compile(
    r"(?<![\w-])(?P<verb>"
    + "|".join(_FINITE + list(_WITH_PARTICLE) + _PARTICIPLES)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_AUXILIARY_RE = re.compile(r"(?<![\w-])(?:heeft|hebben|had|hadden)(?![\w-])", re.IGNORECASE)
_VOLGENS_RE = re.compile(r"(?<![\w-])(?:[Vv]olgens|[Aa]ldus)\s+")
_BACKWARD_RE = re.compile(
    r"(?:Dat|Dit)\s+(?:heeft|hebben|had|hadden|zegt|zeggen|zei|zeiden|meldt|meldde|melden|"
    r"bevestigt|bevestigde|schrijft|schreef|verklaarde|verklaart|stelt|stelde|laat|liet|"
    r"maakte|maakt|blijkt|bleek)\b"
)
_VIA_RE = re.compile(
    r"(?<![\w-])(?:tegen|tegenover|aan|in een interview met|in gesprek met)\s+(?:de\s+|het\s+)?"
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
_HEDGE_RE = re.compile(
    r"(?<![\w-])(?:zou|zouden|volgens|naar verluidt|niet duidelijk|onduidelijk|vermoedelijk|"
    r"waarschijnlijk|naar eigen zeggen|lijkt|lijken|onbevestigd|nog onbekend|niet bekend|"
    r"mogelijk)(?![\w-])",
    re.IGNORECASE,
)
_REPORTATIVE_RE = re.compile(r"(?<![\w-])(?:zou|zouden)(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Candidate | None = None
    via: Candidate | None = None
    speech_act: bool = False
    backward: bool = False  # "Dat heeft X bevestigd": attributes the previous sentence


def masked(text: str, sentence: Sentence) -> str:
    """The sentence with quoted text blanked out (same length, same offsets)."""
    pieces: list[str] = []
    position = sentence.start
    for quote in sentence.quotes:
        pieces.append(text[position : quote.inner_start])
        pieces.append(" " * (quote.inner_end - quote.inner_start))
        position = quote.inner_end
    pieces.append(text[position : sentence.end])
    return "".join(pieces)


def attribute(outside: str, offset: int, mentions: list[Candidate]) -> Attribution:
    """``outside`` is the masked sentence starting at ``offset``; ``mentions`` are the
    outermost mentions in it, in order."""
    visible = [m for m in mentions if outside[m.start - offset : m.end - offset].strip()]
    backward = _BACKWARD_RE.match(outside) is not None
    volgens = _after_volgens(outside, offset, visible)
    verb = _speech_verb(outside)
    if verb is None:
        return Attribution(source=volgens, backward=backward and volgens is not None)
    anchor_start, anchor_end = verb
    source = volgens or _speaker(outside, offset, visible, anchor_start, anchor_end)
    via = _via(outside, offset, visible, anchor_end, source)
    return Attribution(source, via, speech_act=True, backward=backward)


_SPEECH_WORDS = frozenset(_FINITE) | frozenset(_WITH_PARTICLE) | frozenset(_PARTICIPLES)
_WORDS_RE = re.compile(r"\w+")


def _speech_verb(outside: str) -> tuple[int, int] | None:
    if _SPEECH_WORDS.isdisjoint(_WORDS_RE.findall(outside.lower())):
        return None
    for match in _VERB_RE.finditer(outside):
        verb = match.group("verb").lower()
        particle = _WITH_PARTICLE.get(verb)
        window = outside[match.end() : match.end() + 200]
        if particle and not re.search(rf"(?<![\w-])(?:{particle})(?![\w-])", window):
            continue
        if verb in _PARTICIPLES:
            floor = max(0, match.start() - 200)
            auxiliaries = list(_AUXILIARY_RE.finditer(outside, floor, match.start()))
            auxiliary = auxiliaries[-1] if auxiliaries else None
            if auxiliary is not None:
                return auxiliary.start(), auxiliary.end()
        return match.start(), match.end()
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
    first = bisect_left(mentions, position + offset, key=lambda m: m.start)
    for mention in mentions[first : first + 1]:
        start = mention.start - offset
        gap = outside[position:start].split()
        if len(gap) <= 4 and all(word.lower() in _FILLER for word in gap):
            return mention
        return None
    return None


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
    last = bisect_right(mentions, position + offset, key=lambda m: m.end)
    for at in range(last - 1, max(-1, last - 2), -1):
        end = mentions[at].end - offset
        gap = outside[end:position].split()
        if len(gap) <= 2 and all(word.lower() in _FILLER for word in gap):
            return _head_of_apposition(outside, offset, mentions, at)
        return None
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


def is_hedged(outside: str) -> bool:
    for match in _HEDGE_RE.finditer(outside):
        if match.group().lower() != "mogelijk":
            return True
        before = outside[max(0, match.start() - 12) : match.start()].lower().split()
        after = outside[match.end() : match.end() + 8].lower().split()
        if before[-2:-1] == ["zo"] or before[-1:] == ["het"] or after[:1] == ["maken"]:
            continue  # "zo snel mogelijk", "het mogelijk maken"
        return True
    return False


def is_reportative(outside: str) -> bool:
    """``zou``/``zouden``: the sentence reports someone else's claim."""
    return _REPORTATIVE_RE.search(outside) is not None
