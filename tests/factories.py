"""factory_boy factories for the newsdb models."""

import factory
from django.contrib.auth import get_user_model

from articles.models import Actor, ActorAlias, Article, Claim, ClaimLink, Mention, Note, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"editor{n}")


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Actor.Kind.PERSON


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.NEWS_AGENCY


class PublicationFactory(SourceFactory):
    kind = Source.Kind.PUBLICATION
    corpus = "test"
    file_path = factory.LazyAttribute(lambda o: f"test/{o.name}")
    checksum = "0" * 64


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    external_id = factory.Sequence(lambda n: f"{n:03d}_article")
    source = factory.SubFactory(PublicationFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    text = " date 2020-02 Een zin. Nog een zin met 22 doden."
    published_year = 2020
    published_month = 2
    content_hash = factory.Sequence(lambda n: f"{n:064d}")


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim over a span of its article's text; pass ``start`` and ``end``."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    start = 14
    end = factory.LazyAttribute(lambda o: len(o.article.text))
    text = factory.LazyAttribute(lambda o: o.article.text[o.start : o.end])


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    actor = factory.SubFactory(ActorFactory)
    start = 14
    end = 17
    text = factory.LazyAttribute(lambda o: o.article.text[o.start : o.end])


class ClaimLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimLink

    from_claim = factory.SubFactory(ClaimFactory)
    to_claim = factory.SubFactory(ClaimFactory)
    relation = ClaimLink.Relation.CONFLICTS


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    body = "Check with the ministry."
    author = factory.SubFactory(UserFactory)
