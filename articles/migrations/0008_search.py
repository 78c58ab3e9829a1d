"""Full-text search indexes, different on each database (see articles/search).

PostgreSQL: a stored generated ``tsvector`` column with the ``dutch`` config named explicitly
(so the expression is immutable) and a GIN index, on articles (title weighted A, text B) and
on claims (text). The Django models do not know these columns.

SQLite: a plain table of lemmas per article and per claim (filled by Python: SQLite has no
Dutch stemmer) and an FTS5 index over it kept in step by triggers. Existing rows are indexed
here with a frozen copy of articles/search/lemmas.py's rules: a migration must not import
application code, which changes after it (``manage.py rebuild_search_index`` uses the
current rules).

Other databases: nothing.
"""

import re

from django.db import migrations

POSTGRES_FORWARD = [
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('dutch'::regconfig, coalesce(text, '')), 'B')
    ) STORED
    """,
    "CREATE INDEX article_search_idx ON articles_article USING GIN (search_vector)",
    """
    ALTER TABLE articles_claim ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('dutch'::regconfig, coalesce(text, ''))
    ) STORED
    """,
    "CREATE INDEX claim_search_idx ON articles_claim USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS claim_search_idx",
    "ALTER TABLE articles_claim DROP COLUMN IF EXISTS search_vector",
    "DROP INDEX IF EXISTS article_search_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    """
    CREATE TABLE articles_search_doc (
        id integer NOT NULL PRIMARY KEY,
        kind varchar(10) NOT NULL,
        object_id integer NOT NULL,
        article_id integer NOT NULL,
        lemmas text NOT NULL
    )
    """,
    "CREATE INDEX articles_search_doc_article ON articles_search_doc (article_id)",
    """
    CREATE VIRTUAL TABLE articles_search_fts USING fts5(
        kind UNINDEXED, object_id UNINDEXED, lemmas,
        content='articles_search_doc', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_search_doc_ai AFTER INSERT ON articles_search_doc BEGIN
        INSERT INTO articles_search_fts (rowid, kind, object_id, lemmas)
        VALUES (new.id, new.kind, new.object_id, new.lemmas);
    END
    """,
    """
    CREATE TRIGGER articles_search_doc_ad AFTER DELETE ON articles_search_doc BEGIN
        INSERT INTO articles_search_fts (articles_search_fts, rowid, kind, object_id, lemmas)
        VALUES ('delete', old.id, old.kind, old.object_id, old.lemmas);
    END
    """,
    """
    CREATE TRIGGER articles_search_doc_au AFTER UPDATE ON articles_search_doc BEGIN
        INSERT INTO articles_search_fts (articles_search_fts, rowid, kind, object_id, lemmas)
        VALUES ('delete', old.id, old.kind, old.object_id, old.lemmas);
        INSERT INTO articles_search_fts (rowid, kind, object_id, lemmas)
        VALUES (new.id, new.kind, new.object_id, new.lemmas);
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS articles_search_doc_au",
    "DROP TRIGGER IF EXISTS articles_search_doc_ad",
    "DROP TRIGGER IF EXISTS articles_search_doc_ai",
    "DROP TABLE IF EXISTS articles_search_fts",
    "DROP TABLE IF EXISTS articles_search_doc",
]

# Frozen copy of articles/search/lemmas.py (words as FTS5's unicode61 splits them; lemmas).
WORD = re.compile(r"[^\W_]+")


def lemma_text(*texts):
    import simplemma

    cache = {}

    def lemma(word):
        lower = word.lower()
        if lower not in cache:
            cache[lower] = simplemma.lemmatize(lower, lang="nl").lower() or lower
        return cache[lower]

    return " ".join(lemma(m.group()) for text in texts for m in WORD.finditer(text))


def _execute(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def index_existing(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Claim = apps.get_model("articles", "Claim")
    db = schema_editor.connection.alias
    insert = (
        "INSERT INTO articles_search_doc (id, kind, object_id, article_id, lemmas) "
        "VALUES (%s, %s, %s, %s, %s)"
    )
    with schema_editor.connection.cursor() as cursor:
        rows = [
            (pk * 2, "article", pk, pk, lemma_text(title, text))
            for pk, title, text in Article.objects.using(db)
            .values_list("pk", "title", "text")
            .iterator()
        ]
        rows += [
            (pk * 2 + 1, "claim", pk, article_id, lemma_text(text))
            for pk, article_id, text in Claim.objects.using(db)
            .values_list("pk", "article_id", "text")
            .iterator()
        ]
        if rows:
            cursor.executemany(insert, rows)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _execute(schema_editor, POSTGRES_FORWARD)
    elif vendor == "sqlite":
        _execute(schema_editor, SQLITE_FORWARD)
        index_existing(apps, schema_editor)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _execute(schema_editor, POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        _execute(schema_editor, SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_crossref_roles"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
