"""Drop the indexes Django gives foreign keys where another index already leads with the column.

Mentions by actor and by article, segments and claims by article, links and suggestions by
their claims: each is served by a composite index or unique constraint that begins with the
column (``tests/models/test_indexes.py``). The single-column copies only cost a B-tree write
per row. On PostgreSQL this drops the indexes; SQLite rebuilds the tables to do it, which
took 25 s for an archive of 20,000 articles.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0012_crossref_pending'),
    ]

    operations = [
        migrations.AlterField(
            model_name='claim',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='claims', to='articles.article', verbose_name='article'),
        ),
        migrations.AlterField(
            model_name='claimlink',
            name='from_claim',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='links_out', to='articles.claim', verbose_name='claim'),
        ),
        migrations.AlterField(
            model_name='claimlink',
            name='to_claim',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='links_in', to='articles.claim', verbose_name='other claim'),
        ),
        migrations.AlterField(
            model_name='linksuggestion',
            name='to_claim',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='suggestions_in', to='articles.claim', verbose_name='other claim'),
        ),
        migrations.AlterField(
            model_name='mention',
            name='actor',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='articles.actor', verbose_name='actor'),
        ),
        migrations.AlterField(
            model_name='mention',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='mentions', to='articles.article', verbose_name='article'),
        ),
        migrations.AlterField(
            model_name='segment',
            name='article',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='segments', to='articles.article', verbose_name='article'),
        ),
    ]
