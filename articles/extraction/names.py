"""Names the gazetteer does not know: after cue words, hyphenated place compounds, and
capitalised word sequences that are not just sentence-initial common words."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Container
from itertools import pairwise
from weakref import WeakKeyDictionary

import simplemma

from articles.extraction import wordcache
from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.lexicon import (
    LOCATION_COMPOUND_HEADS,
    LOCATIVE_PREPOSITIONS,
    MEDIA_CUES_ALLOWING_NUMBER,
    MONTHS,
    NAME_PARTICLES,
    STOPWORDS,
    cue_kind,
    words,
)
from articles.extraction.tokens import Token
from articles.extraction.types import ActorRef
from articles.extraction.wordcache import word_cache

_CHANNEL_NUMBER_RE = re.compile(r" (\d{1,3})(?![\w.,])")  # "RTL 4"
_ORGANISATION_WORDS = frozenset(
    words(
        """bv nv groep group holding bank airlines partij unie raad instituut universiteit
        stichting vereniging fonds bond ministerie agentschap"""
    )
)


@word_cache
def _is_common_word(lower: str) -> bool:
    return lower in STOPWORDS or simplemma.is_known(lower, lang="nl")


def name_flags(tokens: list[Token], gazetteer: Gazetteer) -> list[bool]:
    """For each token: can it be part of a name?"""
    known = _name_words(gazetteer)
    flags = []
    for token in tokens:
        is_name = token.capitalised and known.get(token.text)
        if is_name is None:
            is_name = _is_name_word(token.text, gazetteer)
            _remember(known, token.text, is_name)
        flags.append(is_name)
    return flags


def _is_name_word(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a capitalised word can be part of a name."""
    if text in gazetteer.adjectives or text in gazetteer.demonym_nouns:
        return False
    if "-" in text and any(part in gazetteer.adjectives for part in text.split("-")):
        return False  # Syrisch-Russische
    if (
        "-" in text
        and text.rsplit("-", 1)[1][:1].islower()
        and not text.startswith(("al-", "el-", "ad-", "as-"))
    ):
        return False  # AWACS-toestellen: a compound common noun
    return text.lower() not in MONTHS


# capitalised word -> _is_name_word, per gazetteer (bounded like word_cache)
_NAME_WORDS: WeakKeyDictionary[Gazetteer, dict[str, bool]] = WeakKeyDictionary()


def _name_words(gazetteer: Gazetteer) -> dict[str, bool]:
    known = _NAME_WORDS.get(gazetteer)
    if known is None:
        known = _NAME_WORDS[gazetteer] = {}
    return known


def _remember(known: dict[str, bool], word: str, is_name: bool) -> None:
    if len(word) <= wordcache.MAX_LENGTH:
        if len(known) >= wordcache.MAX_WORDS:
            known.clear()
        known[word] = is_name


def name_runs(tokens: list[Token], text: str, flags: list[bool]) -> list[list[Token]]:
    """Maximal runs of name tokens joined by single spaces, particles allowed inside;
    ``flags`` are the tokens' ``name_flags``."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    capitalised = 0  # in current
    for token, is_name in zip(tokens, flags, strict=True):
        joined = current and _single_space(text, current[-1].end, token.start)
        if joined and (
            is_name
            # "Karin Vermeulen van Financiën": after two capitalised words the name is complete
            or (token.text in NAME_PARTICLES and not token.initial and capitalised < 2)
        ):
            current.append(token)
            capitalised += token.capitalised
            continue
        if current:
            _close_run(current, runs)
        current = [token] if is_name else []
        capitalised = token.capitalised if is_name else 0
    _close_run(current, runs)
    return runs


def _single_space(text: str, end: int, start: int) -> bool:
    """Whether exactly one space separates two tokens (without slicing a long gap)."""
    return start == end + 1 and text[end] == " "


def _close_run(run: list[Token], runs: list[list[Token]]) -> None:
    """Keep ``run`` (the caller starts a new list after this) without trailing particles."""
    while run and run[-1].text in NAME_PARTICLES:
        run.pop()
    if run:
        runs.append(run)


def add_cue_names(
    text: str, tokens: list[Token], flags: list[bool], mentions: CandidateSet
) -> None:
    for index, token in enumerate(tokens[:-1]):
        cue = token.cue
        if cue is None or not _single_space(text, token.end, tokens[index + 1].start):
            continue
        kind, source_kind, cue_word = cue
        run = _before_known(_run_from(tokens, flags, index + 1, text), mentions)
        if not run or mentions.overlaps(run[0].start, run[-1].end):
            continue
        end = run[-1].end
        if cue_word in MEDIA_CUES_ALLOWING_NUMBER or token.text.lower().endswith("zender"):
            number = _CHANNEL_NUMBER_RE.match(text[end : end + 5])
            end += number.end() if number else 0
        name = " ".join(text[run[0].start : end].split())
        mentions.add(Candidate(run[0].start, end, ActorRef(name, kind), source_kind))


def _run_from(tokens: list[Token], flags: list[bool], index: int, text: str) -> list[Token]:
    run: list[Token] = []
    for at in range(index, min(len(tokens), index + 12)):
        token = tokens[at]
        if run and not _single_space(text, run[-1].end, token.start):
            break
        if flags[at] or (
            run and token.text in NAME_PARTICLES and sum(t.capitalised for t in run) < 2
        ):
            run.append(token)
        else:
            break
    while run and run[-1].text in NAME_PARTICLES:
        run.pop()
    return run


def add_place_compounds(tokens: list[Token], mentions: CandidateSet) -> None:
    """``M4-snelweg``, ``A2-tunnel``: a code or name plus an infrastructure noun."""
    for token in tokens:
        if "-" not in token.text:
            continue
        head, _, tail = token.text.rpartition("-")
        if not head or tail.lower() not in LOCATION_COMPOUND_HEADS:
            continue
        if any(c.isupper() or c.isdigit() for c in head) and head[:1].isalnum():
            actor = ActorRef(token.text, "location")
            mentions.add(Candidate(token.start, token.end, actor, "other"))


def add_unknown_names(
    text: str,
    tokens: list[Token],
    flags: list[bool],
    mentions: CandidateSet,
    lowercase: Container[str],
) -> None:
    previous = _Previous(tokens)
    for run in name_runs(tokens, text, flags):
        if not run[0].initial and mentions.overlaps(run[0].start, run[0].end):
            continue  # a known name (what _before_known would leave of the run: nothing)
        run = _before_known(_drop_common_initial(run, lowercase), mentions)
        if not run or mentions.overlaps(run[0].start, run[-1].end):
            continue
        before = previous.before(run[0])
        if _is_portfolio(run, before):
            continue
        kind, source_kind = _guess_kind(run, before)
        name = " ".join(text[run[0].start : run[-1].end].split())
        mentions.add(Candidate(run[0].start, run[-1].end, ActorRef(name, kind), source_kind))


class _Previous:
    """The token before a token (before its last copy: overlapping segments repeat tokens)."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._starts = [token.start for token in tokens]
        self._by_start: dict[int, Token] | None = None
        if self._starts != sorted(self._starts):
            self._by_start = {token.start: before for before, token in pairwise(tokens)}

    def before(self, token: Token) -> Token | None:
        if self._by_start is not None:
            return self._by_start.get(token.start)
        at = bisect_right(self._starts, token.start) - 1  # the last token starting there
        return self._tokens[at - 1] if at > 0 else None


def _before_known(run: list[Token], mentions: CandidateSet) -> list[Token]:
    """Cut a run where a known mention starts: "Joost van Dijk van de VVD"."""
    end = len(run)
    for index, token in enumerate(run):
        if mentions.overlaps(token.start, token.end):
            end = index
            break
    while end and run[end - 1].text in NAME_PARTICLES:
        end -= 1
    return run if end == len(run) else run[:end]


def _drop_common_initial(run: list[Token], lowercase: Container[str]) -> list[Token]:
    """A sentence-initial capitalised common word ("Troepen", "De") is not a name."""
    start = 0
    while start < len(run) and run[start].initial:
        lower = run[start].text.lower()
        if not (_is_common_word(lower) or lower in lowercase or cue_kind(lower)):
            break
        start += 1
        while start < len(run) and run[start].text in NAME_PARTICLES:
            start += 1
    return run[start:] if start else run


def _is_portfolio(run: list[Token], before: Token | None) -> bool:
    """ "minister van Financiën": a capitalised common word after "van" names a portfolio."""
    return (
        before is not None
        and before.text == "van"
        and all(t.text.lower() in ("en", "zaken") or _is_common_word(t.text.lower()) for t in run)
    )


def _guess_kind(run: list[Token], before: Token | None) -> tuple[str, str]:
    words = [t.text for t in run]
    if any(w.lower() in _ORGANISATION_WORDS for w in words):
        return "organisation", "other"
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 6:
        return "organisation", "other"
    if before is not None and before.text in LOCATIVE_PREPOSITIONS:
        return "location", "other"
    if before is not None and before.text.lower() in ("het", "de"):
        return "organisation", "other"
    return "person", "person"
