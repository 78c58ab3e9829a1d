"""W3C Web Annotations of claims, and re-finding a highlight in changed text."""

import json

from articles.anchoring import TextQuote, find_quote
from articles.exports import annotation, article_annotations
from articles.models import Article, Claim
from tests.crossref.conftest import seed_claim, seeded  # noqa: F401 (fixture)
from tests.exports import MARKS
from tests.factories import ArticleFactory, ClaimFactory, UserFactory
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

pytestmark = MARKS

TEXT = " date 2020-02 Een zin. Nog een zin met 22 doden. En een slotzin."


def selectors(data: dict) -> dict[str, dict]:
    return {s["type"]: s for s in data["target"]["selector"]}


def test_an_unreviewed_claim_is_a_highlight():
    article = ArticleFactory(text=TEXT)
    start = TEXT.index("Nog")
    claim = ClaimFactory(article=article, start=start, end=TEXT.index(" En"))
    data = annotation(claim)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "Annotation"
    assert data["id"] == f"/claims/{claim.pk}/annotation.jsonld"
    assert data["motivation"] == "highlighting"
    assert "body" not in data
    assert data["created"] == claim.created_at.isoformat()
    assert data["target"]["source"] == f"/articles/{article.pk}/"
    found = selectors(data)
    assert found["TextQuoteSelector"] == {
        "type": "TextQuoteSelector",
        "exact": "Nog een zin met 22 doden.",
        "prefix": " date 2020-02 Een zin. ",  # up to 32 characters before
        "suffix": " En een slotzin.",
    }
    assert found["TextPositionSelector"] == {
        "type": "TextPositionSelector",
        "start": start,
        "end": start + len("Nog een zin met 22 doden."),
    }


def test_a_reviewed_claim_is_an_assessment_with_its_status():
    claim = ClaimFactory()
    claim.set_status(Claim.Status.DISPUTED, UserFactory())
    claim.save()
    data = annotation(claim)
    assert data["motivation"] == "assessing"
    assert data["body"]["type"] == "TextualBody"
    assert data["body"]["value"] == "disputed"


def test_positions_count_code_points_like_python():
    text = " date 2020-02 😀 „Citaat” zei hij. Nog een zin."
    claim = ClaimFactory(article=ArticleFactory(text=text), start=16, end=33)
    position = selectors(annotation(claim))["TextPositionSelector"]
    assert text[position["start"] : position["end"]] == "„Citaat” zei hij."
    assert position["start"] == 16  # the emoji counts once, not as two UTF-16 units


def test_an_orphan_keeps_its_quote_but_gives_no_stale_position():
    claim = ClaimFactory(text="Wat er ooit stond.", prefix="voor ", suffix=" na", is_orphaned=True)
    found = selectors(annotation(claim))
    assert set(found) == {"TextQuoteSelector"}
    assert found["TextQuoteSelector"]["exact"] == "Wat er ooit stond."
    assert found["TextQuoteSelector"]["prefix"] == "voor "


def test_the_highlight_is_found_again_in_a_changed_copy_of_the_text():
    article = ArticleFactory(text=TEXT + " Nog een zin met 22 doden. Einde.")
    start = TEXT.index("Nog")
    claim = ClaimFactory(article=article, start=start, end=start + len("Nog een zin met 22 doden."))
    quote = selectors(annotation(claim))["TextQuoteSelector"]
    inserted = "Ingevoegd: een nieuwe alinea. Nog een zin met 22 doden? "
    changed = article.text[:14] + inserted + article.text[14:]
    # The exact text now occurs three times; the prefix and suffix pick the highlighted one.
    selector = TextQuote(quote["exact"], quote["prefix"], quote["suffix"], position=0.0)
    new_start, new_end = find_quote(changed, selector)
    assert (new_start, new_end) == (start + len(inserted), claim.end + len(inserted))
    assert changed[new_start:new_end] == claim.text


def test_an_article_collection_holds_one_page_of_all_its_claims():
    article = ArticleFactory(text=TEXT, title="<script>x</script>")
    first = ClaimFactory(article=article, start=14, end=22)
    second = ClaimFactory(article=article, start=23, end=48)
    data = article_annotations(article, [first, second])
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["id"] == f"/articles/{article.pk}/annotations.jsonld"
    assert data["label"] == "<script>x</script>"
    assert data["total"] == 2
    page = data["first"]
    assert page["type"] == "AnnotationPage"
    assert page["partOf"] == data["id"]
    assert page["startIndex"] == 0
    assert [item["id"] for item in page["items"]] == [
        f"/claims/{first.pk}/annotation.jsonld",
        f"/claims/{second.pk}/annotation.jsonld",
    ]
    assert all("@context" not in item for item in page["items"])  # the collection's applies
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_the_seeds(seeded):  # noqa: F811
    claim = seed_claim("Zender Rossija 24 zei")
    data = annotation(claim)
    found = selectors(data)
    text = claim.article.text
    position = found["TextPositionSelector"]
    assert text[position["start"] : position["end"]] == found["TextQuoteSelector"]["exact"]
    assert "„rebellen en Turkse specialisten”" in found["TextQuoteSelector"]["exact"]
    article = Article.objects.get(external_id="003_34cf2e6a0fed1da4")
    collection = article_annotations(article, article.claims.all())
    assert collection["total"] == article.claims.count() == 8
    for item in collection["first"]["items"]:
        quote, position = (
            selectors(item)["TextQuoteSelector"],
            selectors(item)["TextPositionSelector"],
        )
        assert article.text[position["start"] : position["end"]] == quote["exact"]
