from django.contrib.auth.management import create_permissions
from django.db import migrations

# A frozen copy of what articles/roles.py added for the cross-referencing models: a migration
# must not import application code, which changes after it. Editors decide on suggested links
# and house figures (view, change) but never add or delete them; readers look at them.
EDITORS = "Editors"
READERS = "Readers"
DECIDED_MODELS = ("countcluster", "linksuggestion")
HISTORICAL_MODELS = ("historicalcountcluster",)


def codenames(actions, models):
    return {f"{action}_{model}" for action in actions for model in models}


ADDED = {
    EDITORS: codenames(("view", "change"), DECIDED_MODELS)
    | codenames(("view",), HISTORICAL_MODELS),
    READERS: codenames(("view",), DECIDED_MODELS + HISTORICAL_MODELS),
}


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
    permissions = list(
        Permission.objects.using(using).filter(
            content_type__app_label="articles", codename__in=wanted
        )
    )
    missing = wanted - {p.codename for p in permissions}
    if missing:
        raise RuntimeError(f"no such permissions: {sorted(missing)}")
    return permissions


def add_permissions(apps, schema_editor):
    """Give the existing groups the new permissions; a group deleted since is made again with
    all of its permissions by articles.roles.role_group when a role is next granted."""
    using = schema_editor.connection.alias
    create_articles_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name__in=ADDED):
        group.permissions.add(*_permissions(apps, using, ADDED[group.name]))


def remove_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.using(using).filter(name__in=ADDED):
        group.permissions.remove(
            *Permission.objects.using(using).filter(
                content_type__app_label="articles", codename__in=ADDED[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_crossref"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_permissions, remove_permissions),
    ]
