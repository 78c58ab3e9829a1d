"""Names the gazetteer does not know: after cue words, hyphenated place compounds, and
capitalised word sequences that are not just sentence-initial common words."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import simplemma

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

_ORGANISATION_WORDS = frozenset(
    words(
        """bv nv groep group holding bank airlines partij unie raad instituut universiteit
        stichting vereniging fonds bond ministerie agentschap"""
    )
)


@lru_cache(maxsize=65536)
def _is_common_word(lower: str) -> bool:
    return lower in STOPWORDS or simplemma.is_known(lower, lang="nl")


def _is_name_token(token: Token, gazetteer: Gazetteer) -> bool:
    text = token.text
    if not token.capitalised or text in gazetteer.adjectives or text in gazetteer.demonym_nouns:
        return False
    if "-" in text and any(part in gazetteer.adjectives for part in text.split("-")):
        return False  # Syrisch-Russische
    if (
        "-" in text
        and text.rsplit("-", 1)[1][:1].islower()
        and not token.text.startswith(("al-", "el-", "ad-", "as-"))
    ):
        return False  # AWACS-toestellen: a compound common noun
    return text.lower() not in MONTHS


def name_runs(tokens: list[Token], text: str, gazetteer: Gazetteer) -> list[list[Token]]:
    """Maximal runs of name tokens joined by single spaces, particles allowed inside."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        joined = current and text[current[-1].end : token.start] == " "
        is_name = _is_name_token(token, gazetteer)
        is_particle = token.text in NAME_PARTICLES and not token.initial
        if is_particle and sum(t.capitalised for t in current) >= 2:
            is_particle = False  # "Karin Vermeulen van Financiën": the name is complete
        if joined and (is_name or is_particle):
            current.append(token)
            continue
        _close_run(current, runs)
        current = [token] if is_name else []
    _close_run(current, runs)
    return runs


def _close_run(run: list[Token], runs: list[list[Token]]) -> None:
    while run and run[-1].text in NAME_PARTICLES:
        run.pop()
    if run:
        runs.append(list(run))


def add_cue_names(
    text: str, tokens: list[Token], mentions: CandidateSet, gazetteer: Gazetteer
) -> None:
    for index, token in enumerate(tokens[:-1]):
        cue = cue_kind(token.text)
        if cue is None or text[token.end : tokens[index + 1].start] != " ":
            continue
        kind, source_kind, cue_word = cue
        run = _before_known(_run_from(tokens, index + 1, text, gazetteer), mentions)
        if not run or mentions.overlaps(run[0].start, run[-1].end):
            continue
        end = run[-1].end
        if cue_word in MEDIA_CUES_ALLOWING_NUMBER or token.text.lower().endswith("zender"):
            number = re.match(r" (\d{1,3})(?![\w.,])", text[end : end + 5])
            end += number.end() if number else 0
        name = " ".join(text[run[0].start : end].split())
        mentions.add(Candidate(run[0].start, end, ActorRef(name, kind), source_kind))


def _run_from(tokens: list[Token], index: int, text: str, gazetteer: Gazetteer) -> list[Token]:
    run: list[Token] = []
    for at in range(index, min(len(tokens), index + 12)):
        token = tokens[at]
        if run and text[run[-1].end : token.start] != " ":
            break
        if _is_name_token(token, gazetteer) or (
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
        head, _, tail = token.text.rpartition("-")
        if not head or tail.lower() not in LOCATION_COMPOUND_HEADS:
            continue
        if any(c.isupper() or c.isdigit() for c in head) and head[:1].isalnum():
            actor = ActorRef(token.text, "location")
            mentions.add(Candidate(token.start, token.end, actor, "other"))


def add_unknown_names(
    text: str,
    tokens: list[Token],
    mentions: CandidateSet,
    gazetteer: Gazetteer,
    lowercase: set[str],
) -> None:
    previous: dict[int, Token] = {}
    for before, token in itertools.pairwise(tokens):
        previous[token.start] = before
    for run in name_runs(tokens, text, gazetteer):
        run = _before_known(_drop_common_initial(run, lowercase), mentions)
        if not run or mentions.overlaps(run[0].start, run[-1].end):
            continue
        before = previous.get(run[0].start)
        if _is_portfolio(run, before):
            continue
        kind, source_kind = _guess_kind(run, before)
        name = " ".join(text[run[0].start : run[-1].end].split())
        mentions.add(Candidate(run[0].start, run[-1].end, ActorRef(name, kind), source_kind))


def _before_known(run: list[Token], mentions: CandidateSet) -> list[Token]:
    """Cut a run where a known mention starts: "Joost van Dijk van de VVD"."""
    for index, token in enumerate(run):
        if mentions.overlaps(token.start, token.end):
            run = run[:index]
            break
    while run and run[-1].text in NAME_PARTICLES:
        run = run[:-1]
    return run


def _drop_common_initial(run: list[Token], lowercase: set[str]) -> list[Token]:
    """A sentence-initial capitalised common word ("Troepen", "De") is not a name."""
    while run and run[0].initial:
        lower = run[0].text.lower()
        if not (_is_common_word(lower) or lower in lowercase or cue_kind(lower)):
            break
        run = run[1:]
        while run and run[0].text in NAME_PARTICLES:
            run = run[1:]
    return run


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
