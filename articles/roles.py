"""The two roles of newsdb: editors change the knowledge base, readers only look at it.

A role is a group of permissions on the articles models. Both roles work in the admin, so a
role also makes its user staff. Migration ``0005_roles`` creates the groups from a frozen copy
of the lists below, ``0007_crossref_roles`` adds the cross-referencing models and
``0011_ingest_run_roles`` the background ingest runs: change a list here, and write a
migration that changes the groups too.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import transaction

EDITORS = "Editors"
READERS = "Readers"
ROLES = (EDITORS, READERS)

EDITED_MODELS = ("claim", "claimlink", "note", "actor", "actoralias", "source", "mention")
# Made by the ingest; editors decide on them (accept a suggested link, record a house figure)
# but never add or delete one. The blocking keys are an internal index: no role sees them.
DECIDED_MODELS = ("countcluster", "linksuggestion")
READ_ONLY_MODELS = ("article", "segment")
# Background ingests: editors upload files (which starts a run) and follow the runs; a run is
# never changed or deleted by hand. Readers do not see them.
RUN_MODELS = ("ingestrun",)
HISTORICAL_MODELS = (
    "historicalclaim",
    "historicalclaim_about",
    "historicalclaimlink",
    "historicalactor",
    "historicalcountcluster",
)
ALL_MODELS = EDITED_MODELS + DECIDED_MODELS + READ_ONLY_MODELS + HISTORICAL_MODELS


def codenames(actions: tuple[str, ...], models: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f"{action}_{model}" for action in actions for model in models)


# Codenames of permissions on the articles app. An editor may retitle an article (its text
# is read-only in the admin), but never adds or deletes one: that is the ingest's job.
PERMISSIONS: dict[str, frozenset[str]] = {
    EDITORS: codenames(("view", "add", "change", "delete"), EDITED_MODELS)
    | codenames(("view", "change"), DECIDED_MODELS)
    | codenames(("view",), READ_ONLY_MODELS + HISTORICAL_MODELS)
    | {"change_article"}
    | codenames(("view", "add"), RUN_MODELS),
    READERS: codenames(("view",), ALL_MODELS),
}


class RoleError(ValueError):
    """An unknown role, or one whose permissions are not in the database (not migrated)."""


def role_group(role_name: str) -> Group:
    """The role's group, made again with its permissions if it is gone.

    Migration 0005 makes the groups; this brings back one deleted in the admin, or flushed
    by a TransactionTestCase (which keeps permissions but not data migrations' rows).
    """
    if role_name not in PERMISSIONS:
        raise RoleError(role_name)
    group, created = Group.objects.get_or_create(name=role_name)
    if created:
        group.permissions.set(_permissions(PERMISSIONS[role_name]))
    return group


def _permissions(codenames: frozenset[str]) -> list[Permission]:
    found = list(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )
    if len(found) != len(codenames):
        raise RoleError(sorted(codenames - {p.codename for p in found}))
    return found


@transaction.atomic
def grant_role(user: AbstractUser, role_name: str) -> bool:
    """Give the user the role and admin access; False if the user already had the role."""
    group = role_group(role_name)
    had_it = user.groups.filter(pk=group.pk).exists()
    user.groups.add(group)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return not had_it


@transaction.atomic
def revoke_role(user: AbstractUser, role_name: str) -> bool:
    """Take the role away; False if the user did not have it.

    The user stays staff while anything else still gives admin access: being superuser,
    another group, or a permission of their own (like the demo editor's).
    """
    group = role_group(role_name)
    had_it = user.groups.filter(pk=group.pk).exists()
    user.groups.remove(group)
    if user.is_staff and not _has_other_admin_access(user):
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    return had_it


def _has_other_admin_access(user: AbstractUser) -> bool:
    return user.is_superuser or user.groups.exists() or user.user_permissions.exists()


def members() -> dict[str, list[str]]:
    """Usernames per role, sorted."""
    user_model = get_user_model()
    username = user_model.USERNAME_FIELD
    return {
        role: list(
            user_model.objects.filter(groups__name=role)
            .order_by(username)
            .values_list(username, flat=True)
        )
        for role in ROLES
    }
