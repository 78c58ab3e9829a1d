"""Fuzzing the ingest's parser and extractor with generated article files.

    python -m benchmarks.fuzz --seconds N [--seed S] [--round EXAMPLES] [--crashes DIR]

Every generated file goes through what ``manage.py ingest`` does before writing: the bytes
are decoded (``decode_article``), parsed (``parse_text``) and extracted with the gazetteer the
way the ingest's ``Extractor`` calls ``extract``. The property (``check_file``): nothing
crashes; a file is either parsed cleanly, with well-formed segments and every extracted span
inside the text and equal to its slice, or rejected with an ``ArticleFileError`` that names the
file and a line (only whole-file reasons, an empty file or a foreign byte order mark, have
none).

Three kinds of files: arbitrary bytes, arbitrary Unicode, and near-valid files (a header, then
paragraphs mixing Dutch words, quotes of every style, digits, numbers as words, names,
punctuation, control characters and very long lines). ``tests/reliability/test_fuzz.py`` runs
the same strategies with a fixed budget; this script runs rounds of them with fresh seeds
until the time is up, prints the examples tried and the crashes found, and saves each crash's
shrunk file in ``--crashes``.
"""

from __future__ import annotations

import argparse
import os
import random
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

FILE_NAME = "fuzz.txt"
WHOLE_FILE_REASONS = ("file is empty", "not UTF-8: file starts with a")

_DUTCH_WORDS = (
    "volgens zei zegt aldus meldt meldde bevestigde ontkende verklaarde schrijft naar "
    "verluidt zou zouden zijn is was werden gedood doden gewonden militairen burgers "
    "demonstranten de het een van in op tegen met dat die niet ook nog al wel bij om over "
    "na voor door uit aan dorpen huizen euro procent miljoen miljard Turkse Syrische "
    "Nederlandse leger regering ministerie woordvoerder persbureau ten minste zeker ruim "
    "bijna ongeveer circa hooguit meer dan minder dan tot NAVO-topman"
)
DUTCH = tuple(_DUTCH_WORDS.split())
NAMES = (
    "Mark Rutte",
    "Rutte",
    "Recep Tayyip Erdoğan",
    "Erdogan",
    "Jens Stoltenberg",
    "NAVO",
    "Reuters",
    "ANP",
    "Ankara",
    "Idlib",
    "Rusland",
    "Moskou",
    "de Verenigde Naties",
    "het Syrisch Observatorium voor Mensenrechten",
    "de gouverneur",
    "een anonieme bron",
    "minister De Jonge",
    "Van der Berg",
    "Dr. A. de Vries",
)
NUMBERS = (
    "0",
    "22",
    "34",
    "2.000",
    "3,7",
    "1.234.567,89",
    "10000000000000000000000000000",
    "1e9",
    "-5",
    "22-34",
    "tussen 22 en 34",
    "twee",
    "tweeëntwintig",
    "drieduizend",
    "honderden",
    "tientallen",
    "achttienhonderd",
    "een half miljoen",
    "3,7 miljoen",
    "½",
    "²",
    "٣",
    "١٢",
    "2020-02-28",
    "om 14.30 uur",
    "20%",
)
QUOTES = tuple("'\"„“”‘’‚«»‹›`´")
PUNCTUATION = (*".,:;!?…-–—()/[]*&", "...", "?!", " - ", "•")
SPACES = (" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000")
# Rare in a file: any one of them makes it binary content, rejected with its line.
CONTROLS = ("\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85")
ODDITIES = (
    "\u200b",
    "\u200e",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "😀",
    "🇳🇱",
    "👍🏽",
    "e\u0301",
    "İ",
    "ß",
    "ﬁ",
    "Москва",
    "東京",
    "مرحبا",
)
VALID_HEADERS = (
    " date 2020-02 ",
    " date 2020-02-28 ",
    "date 2019 ",
    "  DATE\t2021-12-31   ",
    " date 2020-02-29 ",
)
BAD_HEADERS = (
    " date 2021-02-29 ",
    " date 2020-13 ",
    " date 0000-01 ",
    " date ",
    " dat 2020-02 ",
    "",
)
LINE_ENDS = ("\n", "\r\n", "\r")


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    token = st.one_of(
        st.sampled_from(DUTCH),
        st.sampled_from(NAMES),
        st.sampled_from(NUMBERS),
        st.sampled_from(QUOTES),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(ODDITIES),
    )
    words = draw(st.lists(token, min_size=1, max_size=25))
    glue = draw(st.lists(st.sampled_from(SPACES), min_size=len(words), max_size=len(words)))
    text = "".join(word + space for word, space in zip(words, glue, strict=True)).strip()
    if draw(st.booleans()):
        opening, closing = draw(st.sampled_from(QUOTES)), draw(st.sampled_from(QUOTES))
        text = f"{opening}{text}{closing}"
    return text + draw(st.sampled_from(("", ".", "!", "?", "…", ":", ".'", '."', ".”")))


@st.composite
def _paragraph(draw: st.DrawFn, earlier: list[str]) -> str:
    kind = draw(st.sampled_from(("sentences", "sentences", "heading", "pull quote", "long")))
    if kind == "heading":
        return draw(st.sampled_from((*NAMES, "Kop", "Tussenkop zonder punt", "22 doden")))
    if kind == "pull quote" and earlier:
        quoted = draw(st.sampled_from(earlier))
        credit = draw(st.sampled_from(("", " Jens Stoltenberg NAVO-topman", "\nMark Rutte")))
        return quoted + credit
    if kind == "long":  # a very long line: one token repeated thousands of times
        unit = draw(st.sampled_from((*DUTCH, *NUMBERS, *QUOTES, "Rutte zei: 'ja'. ", "x")))
        return (unit + draw(st.sampled_from(SPACES))) * draw(st.integers(500, 4000))
    sentences = draw(st.lists(_sentence(), min_size=1, max_size=5))
    earlier.extend(sentences)
    return " ".join(sentences)


@st.composite
def near_valid_files(draw: st.DrawFn) -> bytes:
    """A header (usually valid) and paragraphs, in one of the line-end conventions."""
    eol = draw(st.sampled_from(LINE_ENDS))
    blank = draw(st.sampled_from((eol + eol, eol + "  " + eol, eol * 3)))
    earlier: list[str] = []
    lead = draw(_sentence())
    paragraphs = draw(st.lists(_paragraph(earlier), max_size=10))
    header = draw(st.sampled_from(BAD_HEADERS if _one_in_ten(draw) else VALID_HEADERS))
    text = header + lead + blank + blank.join(paragraphs) + draw(st.sampled_from(("", eol)))
    if _one_in_ten(draw):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(CONTROLS)) + text[at:]
    bom = draw(st.sampled_from((b"", b"", b"\xef\xbb\xbf")))
    return bom + text.encode("utf-8")


def _one_in_ten(draw: st.DrawFn) -> bool:
    # Not 0 or 9: hypothesis draws the ends of a range far more often than the middle.
    return draw(st.integers(0, 9)) == 4


def any_bytes() -> st.SearchStrategy[bytes]:
    return st.binary(max_size=3000)


def any_unicode_files() -> st.SearchStrategy[bytes]:
    """Arbitrary Unicode, with or without a valid header in front."""
    prefix = st.sampled_from(("", " date 2020-02 ", " date 2020-02 Lead.\n\n"))
    return st.builds(lambda head, body: (head + body).encode("utf-8"), prefix, st.text())


STRATEGIES: dict[str, st.SearchStrategy[bytes]] = {
    "bytes": any_bytes(),
    "unicode": any_unicode_files(),
    "near-valid": near_valid_files(),
}


# --- the property -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    parsed: bool
    mentions: int = 0
    claims: int = 0


def default_extractor():
    """The ingest's extractor over the shipped gazetteer (needs Django set up, no database)."""
    from articles.extraction.gazetteer import Gazetteer
    from articles.gazetteer import GazetteerSnapshot
    from articles.ingest.service import Extractor

    extractor = Extractor.with_gazetteer(GazetteerSnapshot.of(list(Gazetteer.default().entries)))
    extractor.run("Rutte zei het.", ())  # builds the matchers once, outside any timing
    return extractor


def check_file(raw: bytes, extractor) -> Outcome:
    """Decode, parse and extract ``raw`` as the ingest does; AssertionError if a property
    breaks, any other exception is a crash."""
    from articles.ingest.parsed import ArticleFileError
    from articles.ingest.parser import decode_article, parse_text

    try:
        text = decode_article(raw, FILE_NAME)
        article = parse_text(text, FILE_NAME)
    except ArticleFileError as error:
        _check_rejection(error, raw)
        return Outcome(parsed=False)
    assert article.text == raw.decode("utf-8").removeprefix("\ufeff")
    _check_segments(article)
    extraction = extractor.run(article.text, article.segments)
    _check_spans(article.text, extraction)
    return Outcome(True, len(extraction.mentions), len(extraction.claims))


def _check_rejection(error, raw: bytes) -> None:
    assert error.file == FILE_NAME and error.reason, error
    if error.line is None:
        assert error.reason.startswith(WHOLE_FILE_REASONS), f"no line number: {error}"
    else:
        lines = raw.count(b"\n") + raw.count(b"\r") + 1  # an upper bound
        assert 1 <= error.line <= lines, f"line {error.line} of at most {lines}: {error}"


def _check_segments(article) -> None:
    from articles.ingest.parsed import SegmentKind

    assert article.segments and article.segments[0].kind is SegmentKind.LEAD
    previous_end = 0
    for segment in article.segments:
        assert previous_end <= segment.start < segment.end <= len(article.text), segment
        content = article.segment_text(segment)
        assert content == content.strip(), segment
        if segment.credit_start is not None:
            assert segment.start < segment.credit_start < segment.end, segment
        previous_end = segment.end


def _check_spans(text: str, extraction) -> None:
    for item in (*extraction.mentions, *extraction.claims):
        assert 0 <= item.start < item.end <= len(text), item
        assert text[item.start : item.end] == item.text, item
    for mention in extraction.mentions:
        assert mention.actor.name, mention
    for claim in extraction.claims:
        quantity = claim.quantity
        if quantity is not None:
            assert 0 <= quantity.start < quantity.end <= len(text), quantity
        for found in (claim.source, claim.via):
            assert found is None or found.name, claim


# --- the time-budgeted run ----------------------------------------------------------------

ROUND_EXAMPLES = 200


@dataclass
class Crash:
    kind: str
    error: str
    raw: bytes
    where: str


@dataclass
class FuzzRun:
    tried: Counter[str] = field(default_factory=Counter)
    parsed: int = 0
    claims: int = 0
    crashes: list[Crash] = field(default_factory=list)
    slowest: tuple[float, int] = (0.0, 0)  # seconds, file size
    rounds: int = 0


def fuzz(seconds: float, rng_seed: int = 1, per_round: int = ROUND_EXAMPLES) -> FuzzRun:
    """Rounds of every strategy with fresh seeds until ``seconds`` have passed (a round
    started is finished, with its shrinking)."""
    extractor = default_extractor()
    run = FuzzRun()
    rng = random.Random(rng_seed)
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        run.rounds += 1
        for kind, strategy in STRATEGIES.items():
            _round(run, kind, strategy, extractor, rng.randrange(2**32), per_round)
    return run


def _round(run: FuzzRun, kind: str, strategy, extractor, round_seed: int, examples: int) -> None:
    failing: list[bytes] = []

    @seed(round_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def probe(raw: bytes) -> None:
        began = time.perf_counter()
        try:
            outcome = check_file(raw, extractor)
        except BaseException:
            failing.append(raw)  # the last one is the shrunk example hypothesis replays
            raise
        elapsed = time.perf_counter() - began
        run.tried[kind] += 1
        run.parsed += outcome.parsed
        run.claims += outcome.claims
        run.slowest = max(run.slowest, (elapsed, len(raw)))

    try:
        probe()
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        crash = Crash(kind, f"{type(error).__name__}: {error}".splitlines()[0], failing[-1], where)
        run.crashes.append(crash)


def _save(crashes: list[Crash], folder: Path) -> list[Path]:
    if crashes:
        folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, crash in enumerate(crashes, 1):
        path = folder / f"crash-{number:03d}-{crash.kind}.txt"
        path.write_bytes(crash.raw)
        saved.append(path)
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__)
    parser.add_argument("--seconds", type=float, required=True, help="time budget")
    parser.add_argument("--seed", type=int, default=1, help="seed of the rounds' seeds")
    parser.add_argument(
        "--round", type=int, default=ROUND_EXAMPLES, help="examples per kind and seed"
    )
    parser.add_argument("--crashes", type=Path, default=Path("benchmarks/results/fuzz-crashes"))
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdb.settings")
    import django

    django.setup()
    began = time.monotonic()
    run = fuzz(args.seconds, args.seed, args.round)
    took = time.monotonic() - began
    by_kind = ", ".join(f"{kind} {count:,}" for kind, count in run.tried.items())
    print(
        f"{sum(run.tried.values()):,} examples tried in {took:.0f} s ({by_kind}; "
        f"{run.rounds} rounds of up to {args.round} per kind, seed {args.seed}): "
        f"{run.parsed:,} parsed, {run.claims:,} claims extracted; slowest "
        f"{run.slowest[0] * 1000:.0f} ms ({run.slowest[1]:,} bytes); "
        f"{len(run.crashes)} crashes"
    )
    for crash, path in zip(run.crashes, _save(run.crashes, args.crashes), strict=True):
        print(f"  {crash.kind}: {crash.error} at {crash.where} -> {path}")
    return 1 if run.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
