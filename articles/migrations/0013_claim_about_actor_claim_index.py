"""An index on the claim–actor table by actor, then claim: the claims about an actor, newest
first, read from the index alone (the admin's claim list filtered by actor, at 80,000 claims
for the busiest actor of a 100,000-article archive).

The table is the one Django creates for ``Claim.about``, which declares no indexes of its
own, so the index is created in SQL (the same statement on SQLite and PostgreSQL).
"""

from django.db import migrations

INDEX = "claim_about_actor_claim_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_crossref_pending"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {INDEX} ON articles_claim_about (actor_id, claim_id)",
            reverse_sql=f"DROP INDEX {INDEX}",
        ),
    ]
