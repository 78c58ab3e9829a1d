"""Roles: Editors change the knowledge base, Readers look at it; both through the admin."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from simple_history.models import HistoricalChanges

from articles.models import Claim
from articles.roles import EDITORS, PERMISSIONS, READERS, ROLES, grant_role, revoke_role
from tests.factories import ClaimFactory
from tests.test_history import change_claim_status

EDITED = {"claim", "claimlink", "note", "actor", "actoralias", "source", "mention"}
DECIDED = {"countcluster", "linksuggestion"}  # made by the ingest, decided on by editors
READ_ONLY = {"article", "segment"}
INTERNAL = {"blockingkey"}  # an index no role sees
RUNS = {"ingestrun"}  # background ingests: editors start and follow them, readers do not see them


def intended_permissions() -> dict[str, set[str]]:
    """The roles' codenames, from the models the articles app has now."""
    models = list(apps.get_app_config("articles").get_models())
    historical = {m._meta.model_name for m in models if issubclass(m, HistoricalChanges)}
    current = {m._meta.model_name for m in models} - historical
    assert current == EDITED | DECIDED | READ_ONLY | INTERNAL | RUNS, (
        "a new model: decide what each role may do with it"
    )

    def view(names: set[str]) -> set[str]:
        return {f"view_{name}" for name in names}

    every_action = {f"{a}_{m}" for a in ("view", "add", "change", "delete") for m in EDITED}
    decide = {f"{a}_{m}" for a in ("view", "change") for m in DECIDED}
    start_runs = {f"{a}_{m}" for a in ("view", "add") for m in RUNS}
    return {
        EDITORS: every_action
        | decide
        | view(READ_ONLY | historical)
        | {"change_article"}
        | start_runs,
        READERS: view((current - INTERNAL - RUNS) | historical),
    }


def group_permissions() -> dict[str, set[str]]:
    found = {}
    for group in Group.objects.filter(name__in=ROLES):
        apps_and_codenames = group.permissions.values_list("content_type__app_label", "codename")
        assert {app for app, _ in apps_and_codenames} <= {"articles"}
        found[group.name] = {codename for _, codename in apps_and_codenames}
    return found


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("joost")


def logged_in_with_role(client, user, role: str):
    grant_role(user, role)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_after_migrate_both_groups_have_exactly_the_intended_permissions():
    assert group_permissions() == intended_permissions()
    assert {name: set(codenames) for name, codenames in PERMISSIONS.items()} == (
        intended_permissions()
    )


@pytest.mark.django_db
def test_a_reader_opens_claims_but_cannot_change_them(client, user):
    claim = ClaimFactory()
    reader = logged_in_with_role(client, user, READERS)
    assert reader.get(reverse("admin:articles_claim_changelist")).status_code == 200
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    page = reader.get(url)
    assert page.status_code == 200 and b'name="status"' not in page.content
    assert reader.post(url, {"status": "verified"}).status_code == 403
    assert reader.get(reverse("admin:articles_claim_add")).status_code == 403
    claim.refresh_from_db()
    assert claim.status == Claim.Status.UNREVIEWED


@pytest.mark.django_db
def test_an_editor_changes_a_claims_status(client, user):
    claim = ClaimFactory()
    editor = logged_in_with_role(client, user, EDITORS)
    assert change_claim_status(editor, claim, "verified").status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by) == (Claim.Status.VERIFIED, user)


@pytest.mark.django_db
def test_a_role_makes_staff_and_taking_the_last_one_away_unmakes_it(user):
    grant_role(user, EDITORS)
    grant_role(user, READERS)
    revoke_role(user, EDITORS)
    assert user.is_staff
    revoke_role(user, READERS)
    user.refresh_from_db()
    assert (user.is_staff, user.groups.count()) == (False, 0)


@pytest.mark.django_db
def test_staff_with_permissions_of_their_own_stays_staff(user):
    user.user_permissions.add(Permission.objects.get(codename="view_claim"))
    grant_role(user, READERS)
    revoke_role(user, READERS)
    user.refresh_from_db()
    assert user.is_staff


@pytest.mark.django_db
def test_a_deleted_role_group_comes_back_with_its_permissions(user):
    Group.objects.filter(name__in=ROLES).delete()
    grant_role(user, READERS)
    revoke_role(user, EDITORS)
    assert group_permissions() == intended_permissions()


def role(*args: str) -> str:
    out = StringIO()
    call_command("role", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_command_adds_lists_and_removes(user, django_user_model):
    django_user_model.objects.create_user("anna")
    assert role("add", "joost", EDITORS) == "joost now has the role Editors.\n"
    assert role("add", "joost", EDITORS) == "joost already had the role Editors.\n"
    role("add", "anna", EDITORS)
    assert role("list") == "Editors: anna, joost\nReaders: nobody\n"
    assert role("remove", "joost", EDITORS) == (
        "joost no longer has the role Editors.\njoost can no longer use the admin.\n"
    )
    assert role("remove", "joost", READERS) == "joost did not have the role Readers.\n"
    assert role("list") == "Editors: anna\nReaders: nobody\n"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("add", "nobody", EDITORS), "No user named nobody."),
        (("remove", "nobody", READERS), "No user named nobody."),
        (("add", "joost", "Chiefs"), "Unknown role Chiefs; the roles are: Editors, Readers."),
        (("remove", "joost", "editors"), "Unknown role editors"),
    ],
)
def test_the_command_refuses_an_unknown_user_or_role(user, args, error):
    with pytest.raises(CommandError, match=error):
        role(*args)
    assert not user.groups.exists()


@pytest.mark.django_db(transaction=True)
def test_the_roles_migration_reverses_and_applies_again():
    call_command("migrate", "articles", "0004_history", verbosity=0)
    try:
        assert not Group.objects.filter(name__in=ROLES).exists()
    finally:
        call_command("migrate", "articles", verbosity=0)
    assert group_permissions() == intended_permissions()


def test_a_reader_may_export_but_not_import(client, user):
    reader = logged_in_with_role(client, user, READERS)
    assert reader.get(reverse("admin:articles_claim_export")).status_code == 200
    assert reader.get(reverse("admin:articles_claim_import")).status_code == 403
    editor = logged_in_with_role(client, get_user_model().objects.create(username="e"), EDITORS)
    assert editor.get(reverse("admin:articles_claim_import")).status_code == 200
