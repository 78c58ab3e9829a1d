from django.contrib.auth.management import create_permissions
from django.db import migrations

# A frozen copy of what articles/roles.py added for background ingest runs: a migration must
# not import application code, which changes after it. Editors start runs (by uploading files)
# and follow them; nobody changes or deletes a run by hand, and readers do not see them.
EDITORS = "Editors"
ADDED = {EDITORS: {"view_ingestrun", "add_ingestrun"}}


def create_articles_permissions(apps, using):
    """Permissions are made after migrate (post_migrate); on a fresh database, make them now."""
    app_config = apps.get_app_config("articles")
    # create_permissions skips an app without a models module; a migration state's app
    # config has none, so lend it one for the call.
    app_config.models_module = True
    try:
        create_permissions(app_config, apps=apps, using=using, verbosity=0)
    finally:
        del app_config.models_module


def _permissions(apps, using, wanted):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(
        content_type__app_label="articles", codename__in=wanted
    )


def add_permissions(apps, schema_editor):
    """Give the existing groups the new permissions; a group deleted since is made again with
    all of its permissions by articles.roles.role_group when a role is next granted."""
    using = schema_editor.connection.alias
    create_articles_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name__in=ADDED):
        wanted = ADDED[group.name]
        permissions = list(_permissions(apps, using, wanted))
        missing = wanted - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"no such permissions: {sorted(missing)}")
        group.permissions.add(*permissions)


def remove_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name__in=ADDED):
        group.permissions.remove(*_permissions(apps, using, ADDED[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_ingest_run"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_permissions, remove_permissions),
    ]
