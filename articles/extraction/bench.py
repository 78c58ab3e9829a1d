"""Throughput of ``extract`` on generated ~3 KB Dutch articles, all distinct.

python -m articles.extraction.bench --articles 1000 [--seed 1]

The articles are generated before the clock starts, so only extraction is timed. Every
article is a different text: a per-text cache cannot flatter the figure.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass

from articles.extraction import extract
from articles.extraction.gazetteer import Gazetteer
from articles.ingest.parsed import ParsedSegment, SegmentKind

FIRST_NAMES = ["Pieter", "Anna", "Joost", "Fatima", "Karin", "Mohammed", "Sanne", "Willem"]
SURNAMES = ["Jansen", "de Wit", "Bakker", "van Dijk", "El Amrani", "Visser", "de Boer", "Smit"]
KNOWN_PEOPLE = ["Mark Rutte", "Emmanuel Macron", "Olaf Scholz"]
PLACES = [
    "Utrecht",
    "Idlib",
    "Kilis",
    "Zwolle",
    "Antwerpen",
    "Aleppo",
    "Deventer",
    "Hatay",
    "Gent",
    "Apeldoorn",
]
ACTORS = [
    "het Turkse leger",
    "de NAVO",
    "de Europese Unie",
    "het Russische ministerie van Defensie",
]
SENTENCES = [
    "Bij een aanval op een konvooi in de buurt van {place} zijn donderdagavond zeker {n} "
    "militairen om het leven gekomen, meldt persbureau Reuters op basis van bronnen ter plaatse.",
    "De oppositie in de Tweede Kamer wil dat het kabinet opheldering geeft over de gang van "
    "zaken, nadat eerder deze week bleek dat de kosten fors zijn opgelopen.",
    "Het Russische ministerie van Defensie betichtte {actor} vervolgens van 'illegale steun "
    "aan terroristische groeperingen' in het noorden van het land.",
    "Volgens {actor} zijn zeker {n} mensen om het leven gekomen in {place}.",
    "{person} zei dat de situatie in {place} ernstig is.",
    "'We doen wat we kunnen. De hulp komt op gang', zei {person} tegen Reuters.",
    "Ongeveer {n} burgers zijn op de vlucht geslagen, meldt persbureau ANP.",
    "De regering trekt {n},5 miljoen euro uit voor de wederopbouw van {place}.",
    "Het is nog niet duidelijk wie verantwoordelijk is voor de aanval.",
    "{person} bezocht dinsdag de regio {place}, waar tientallen huizen zijn verwoest.",
    "Dat heeft een woordvoerder van {actor} bevestigd.",
    "De burgemeester van {place} riep inwoners op binnen te blijven.",
    "In 2019 sloot {actor} een akkoord met Turkije over de grens.",
    "Het kabinet zou volgende week met nieuwe maatregelen komen.",
    "Bewoners van de wijk vertellen dat ze al dagen geen stroom hebben.",
]

Article = tuple[str, list[ParsedSegment]]


@dataclass(frozen=True, slots=True)
class BenchResult:
    articles: int
    characters: int
    kilobytes: float  # UTF-8 size of all texts, in units of 1000 bytes
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def kilobytes_per_second(self) -> float:
        return self.kilobytes / self.seconds if self.seconds else float("inf")

    def __str__(self) -> str:
        size = self.kilobytes / max(1, self.articles)
        return (
            f"{self.articles} distinct articles of ~{size:.1f} KB: "
            f"{self.articles_per_second:.0f} articles/s, {self.kilobytes_per_second:.0f} KB/s, "
            f"{self.seconds:.2f} s"
        )


def generate_article(rng: random.Random, size: int = 3000) -> Article:
    """Text in the seed layout (blocks separated by blank lines) and its segments."""
    blocks: list[tuple[SegmentKind, str]] = []
    length = 0
    while length < size:
        kind = SegmentKind.LEAD if not blocks else SegmentKind.PARAGRAPH
        if blocks and rng.random() < 0.15:
            blocks.append((SegmentKind.SUBHEADING, "Hulp op gang"))
        block = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        blocks.append((kind, block))
        length += len(block) + 2
    text, segments, position = "", [], 0
    for kind, block in blocks:
        segments.append(ParsedSegment(kind, position, position + len(block)))
        text += block + "\n\n"
        position = len(text)
    return text, segments


def generate_articles(count: int, seed: int = 1) -> list[Article]:
    """``count`` pairwise different articles, the same ones for the same seed."""
    rng = random.Random(seed)
    articles: list[Article] = []
    seen: set[str] = set()
    while len(articles) < count:
        article = generate_article(rng)
        if article[0] not in seen:
            seen.add(article[0])
            articles.append(article)
    return articles


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        person = rng.choice(KNOWN_PEOPLE)
    else:
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    return rng.choice(SENTENCES).format(
        actor=rng.choice(ACTORS),
        person=person,
        place=rng.choice(PLACES),
        n=rng.randint(2, 900),
    )


# Starts with a capitalised common word and counts a noun: the name rules look the word up
# and the quantity rules lemmatise the noun, which loads simplemma's Dutch dictionary.
WARM_UP = "Troepen van het Turkse leger hebben zeker 22 militairen gedood, zei een woordvoerder."


def warm_up() -> None:
    """Load what a process loads once (gazetteer, automata, simplemma's dictionary), so that
    the first timed article does not pay for it."""
    Gazetteer.default()
    extract(WARM_UP, [ParsedSegment(SegmentKind.PARAGRAPH, 0, len(WARM_UP))])


def measure(count: int, seed: int = 1) -> BenchResult:
    """Time ``extract`` over ``count`` distinct generated articles (generation untimed)."""
    articles = generate_articles(count, seed)
    warm_up()
    started = time.perf_counter()
    for text, segments in articles:
        extract(text, segments)
    seconds = time.perf_counter() - started
    characters = sum(len(text) for text, _ in articles)
    kilobytes = sum(len(text.encode("utf-8")) for text, _ in articles) / 1000
    return BenchResult(len(articles), characters, kilobytes, seconds)


def run(count: int, seed: int = 1) -> float:
    """Articles per second over ``count`` distinct generated articles."""
    return measure(count, seed).articles_per_second


# Inputs that once made a rule quadratic or exponential in the size of the text.
PATHOLOGICAL = {
    "pronoun after every name": "Rutte. Hij zei iets. ",
    "particles after a name": "Jan van van van van van van van van van van van ",
    "numbers inside names": "zender RTL 4 ",
    "speech verbs without particle": "riep riep riep ",
    "role nouns": "een Turkse gouverneur van de regio Hatay ",
    "filler before a far name": "volgens aan tegen ",
    "open quotes": "'a „b \"c ‘d ",
}


def scaling(unit: str, small: int = 25_000, large: int = 100_000) -> float:
    """How much longer 4 times the text takes: about 4 when linear, 16 when quadratic."""

    def seconds(size: int) -> float:
        text = (unit * (size // len(unit) + 1))[:size] + " Rutte zei het."
        started = time.perf_counter()
        extract(text, [])
        return time.perf_counter() - started

    seconds(10_000)  # warm the caches
    return min(seconds(large) for _ in range(2)) / min(seconds(small) for _ in range(2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scaling", action="store_true", help="also time pathological inputs at 25 and 100 KB"
    )
    args = parser.parse_args()
    print(measure(args.articles, args.seed))
    if args.scaling:
        for name, unit in PATHOLOGICAL.items():
            print(f"{name:<32} 4x the text: {scaling(unit):.1f}x the time")


if __name__ == "__main__":
    main()
