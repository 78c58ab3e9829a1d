"""Throughput of ``extract`` on generated ~3 KB Dutch articles.

python -m articles.extraction.bench --articles 1000
"""

from __future__ import annotations

import argparse
import random
import time

from articles.extraction import extract
from articles.extraction.gazetteer import Gazetteer
from articles.ingest.parsed import ParsedSegment, SegmentKind

PEOPLE = ["Mark Rutte", "Pieter Jansen", "Anna de Wit", "Emmanuel Macron", "Olaf Scholz"]
PLACES = ["Utrecht", "Idlib", "Kilis", "Zwolle", "Antwerpen", "Aleppo"]
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


def generate_article(rng: random.Random, size: int = 3000) -> tuple[str, list[ParsedSegment]]:
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


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        actor=rng.choice(ACTORS),
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        n=rng.randint(2, 900),
    )


def run(count: int, seed: int = 1) -> float:
    rng = random.Random(seed)
    articles = [generate_article(rng) for _ in range(min(count, 200))]
    Gazetteer.default()
    extract(*articles[0])  # warm caches (simplemma dictionary, automaton)
    started = time.perf_counter()
    for index in range(count):
        extract(*articles[index % len(articles)])
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    rate = run(args.articles)
    print(f"{args.articles} articles of ~3 KB: {rate:.0f} articles/s")


if __name__ == "__main__":
    main()
