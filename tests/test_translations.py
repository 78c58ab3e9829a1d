"""The Dutch catalogue: complete, compiled, and used by the models, the admin and the commands."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command, load_command_class
from django.urls import reverse
from django.utils import translation

from articles.models import Actor, Claim, ClaimLink, Segment, Source
from articles.roles import EDITORS, grant_role
from tests.factories import ClaimFactory

ROOT = Path(__file__).resolve().parents[1]
MESSAGES = ROOT / "articles" / "locale" / "nl" / "LC_MESSAGES"
PO_FILE = MESSAGES / "django.po"
MO_FILE = MESSAGES / "django.mo"
SEEDS = ROOT / "seeds"
MSGFMT = shutil.which("msgfmt")
needs_msgfmt = pytest.mark.skipif(MSGFMT is None, reason="GNU gettext's msgfmt is not installed")

# %(name)s, %(count)d, %s, {} and {name}: what must survive translation unchanged.
PLACEHOLDER = re.compile(r"%\(\w+\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]|%[sdif]|\{\w*\}")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def key(self) -> str:
        return self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"


def _unquote(literal: str) -> str:
    body = literal.strip()
    assert body.startswith('"') and body.endswith('"'), body
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m[1], m[0]), body[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """The live entries of a .po file (obsolete ``#~`` ones left out), header first."""
    entries: list[Entry] = []
    entry, target = Entry(), None
    started = False

    def finish() -> None:
        nonlocal entry, started
        if started:
            entries.append(entry)
        entry, started = Entry(), False

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            finish()
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert target is not None, f"{path}:{number}: a string continues nothing"
            kind, index = target
            if kind == "msgstr":
                entry.msgstr[index] += _unquote(line)
            else:
                setattr(entry, kind, (getattr(entry, kind) or "") + _unquote(line))
        else:
            keyword, _, literal = line.partition(" ")
            match = re.fullmatch(r"(msgctxt|msgid|msgid_plural|msgstr)(?:\[(\d+)\])?", keyword)
            assert match, f"{path}:{number}: unexpected line {line!r}"
            if match[1] in ("msgctxt", "msgid") and (entry.msgstr or entry.msgid_plural):
                finish()
            if not started:
                entry.line, started = number, True
            if match[1] == "msgstr":
                index = int(match[2] or 0)
                entry.msgstr[index] = _unquote(literal)
                target = ("msgstr", index)
            else:
                setattr(entry, match[1], _unquote(literal))
                target = (match[1], 0)
    finish()
    return entries


def messages() -> list[Entry]:
    return [entry for entry in parse_po(PO_FILE) if entry.msgid]


def header() -> dict[str, str]:
    (first,) = [entry for entry in parse_po(PO_FILE) if entry.msgid == ""]
    lines = first.msgstr[0].splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def mo_catalog(path: Path) -> dict:
    """The messages of a compiled catalogue; the header is left out (msgfmt edits it)."""
    with path.open("rb") as handle:
        catalog = dict(gettext.GNUTranslations(handle)._catalog)
    catalog.pop("", None)
    return catalog


def po_catalog() -> dict:
    """What msgfmt would compile from the .po, in the shape GNUTranslations reads it."""
    catalog: dict = {}
    for entry in messages():
        if "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural is None:
            if entry.msgstr[0]:
                catalog[entry.key] = entry.msgstr[0]
        elif all(entry.msgstr.values()):
            catalog.update({(entry.key, n): text for n, text in entry.msgstr.items()})
    return catalog


def where(entry: Entry) -> str:
    return f"{PO_FILE.name}:{entry.line} {entry.msgid!r}"


# The catalogue.


def test_the_dutch_catalogue_is_configured():
    assert ("nl", "Nederlands") in settings.LANGUAGES
    assert MESSAGES.parent.parent in [Path(p) for p in settings.LOCALE_PATHS]
    assert PO_FILE.is_file() and MO_FILE.is_file()


def test_the_header_says_dutch_utf8_and_two_plural_forms():
    fields = header()
    assert fields["Language"] == "nl"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"].replace(" ", "") == "nplurals=2;plural=(n!=1);"
    assert "fuzzy" not in parse_po(PO_FILE)[0].flags


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = messages()
    assert len(entries) > 100  # the parser read the file, not a fragment of it
    untranslated = [where(e) for e in entries if not all(e.msgstr.values())]
    fuzzy = [where(e) for e in entries if "fuzzy" in e.flags]
    wrong_plurals = [
        where(e) for e in entries if e.msgid_plural is not None and sorted(e.msgstr) != [0, 1]
    ]
    assert untranslated == []
    assert fuzzy == []
    assert wrong_plurals == []


def test_every_translation_keeps_its_placeholders():
    broken = []
    for entry in messages():
        for index, text in entry.msgstr.items():
            source = entry.msgid_plural if index and entry.msgid_plural else entry.msgid
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                broken.append(f"{where(entry)} -> {text!r}")
    assert broken == []


def test_the_product_name_is_not_translated():
    for entry in messages():
        if "newsdb" in entry.msgid:
            assert all("newsdb" in text for text in entry.msgstr.values()), where(entry)


def test_the_committed_mo_file_is_the_compiled_po_file():
    """A machine without gettext shows Dutch from the committed .mo: it must match the .po."""
    assert mo_catalog(MO_FILE) == po_catalog()


@needs_msgfmt
def test_msgfmt_finds_nothing_untranslated_or_fuzzy():
    result = subprocess.run(
        [MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(PO_FILE)],
        capture_output=True,
        text=True,
        check=False,
        env={"LC_ALL": "C", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ translated messages?\.\n", result.stderr), result.stderr


@needs_msgfmt
def test_the_committed_mo_file_is_not_older_than_the_po_file(tmp_path):
    """Compiled again now, the .po gives what the committed .mo holds.

    Compared by catalogue rather than by bytes: another gettext version may lay the same
    catalogue out differently (hash table size), which is not staleness.
    """
    fresh = tmp_path / "django.mo"
    subprocess.run([MSGFMT, "--check-format", "-o", str(fresh), str(PO_FILE)], check=True)
    if fresh.read_bytes() == MO_FILE.read_bytes():
        return
    assert mo_catalog(MO_FILE) == mo_catalog(fresh), (
        "articles/locale/nl/LC_MESSAGES/django.mo is stale: run "
        "`python manage.py compilemessages -l nl --ignore=.venv`"
    )


# The models.


def test_model_names_and_choices_are_dutch():
    with translation.override("nl"):
        assert str(Claim._meta.verbose_name) == "bewering"
        assert str(Claim._meta.verbose_name_plural) == "beweringen"
        assert str(ClaimLink._meta.verbose_name) == "koppeling"
        assert str(Actor._meta.verbose_name_plural) == "actoren"
        assert str(Source._meta.verbose_name_plural) == "bronnen"
        assert Claim.Status.VERIFIED.label == "geverifieerd"
        assert Claim.Status.DISPUTED.label == "betwist"
        assert Claim.Status.FALSE.label == "onjuist"
        assert Claim.Status.UNVERIFIABLE.label == "niet te verifiëren"
        assert Claim.Status.UNREVIEWED.label == "niet beoordeeld"
        assert Claim.Qualifier.AT_LEAST.label == "minstens"
        assert ClaimLink.Relation.CONFLICTS.label == "is in strijd met"
        assert ClaimLink.Relation.CORROBORATES.label == "bevestigt"
        assert ClaimLink.Relation.DUPLICATES.label == "is een dubbel van"
        assert Source.Kind.NEWS_AGENCY.label == "persbureau"
        assert Segment.Kind.PULL_QUOTE.label == "streamer"
        assert str(Claim._meta.get_field("hedged").verbose_name) == "met voorbehoud"
        assert str(Claim._meta.get_field("quantity_qualifier").verbose_name) == "kwalificatie"
        assert str(apps.get_app_config("articles").verbose_name) == "Artikelen en beweringen"
        assert str(admin.site.index_title) == "Artikelen, actoren, beweringen en bronnen"


def test_model_names_stay_english_in_english():
    with translation.override("en"):
        assert str(Claim._meta.verbose_name_plural) == "claims"
        assert Claim.Status.VERIFIED.label == "verified"
        assert ClaimLink.Relation.CONFLICTS.label == "conflicts with"


# The admin.


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="redacteur", password="x" * 20)
    grant_role(user, EDITORS)
    client.force_login(user)
    ClaimFactory()  # a row, so the changelist shows its actions and a status
    return client


@pytest.mark.django_db
def test_the_claim_changelist_is_dutch_for_a_dutch_browser(staff_client):
    response = staff_client.get(
        reverse("admin:articles_claim_changelist"), HTTP_ACCEPT_LANGUAGE="nl"
    )
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    page = response.content.decode()
    # Django's own Dutch admin strings.
    assert "Selecteer bewering om te wijzigen" in page
    assert "Voorpagina" in page
    assert "Actie:" in page
    # The project's: filter titles, actions, choices, the column and the app names.
    assert "Op heeft hoeveelheid" in page
    assert "Op heeft tegenstrijdigheden" in page
    assert "Op artikeldatum" in page
    assert "Geselecteerde beweringen als geverifieerd markeren" in page
    assert "Geselecteerde beweringen als tegenstrijdig koppelen" in page
    assert "niet beoordeeld" in page
    assert "Met voorbehoud" in page  # the column header, capitalised by the admin
    assert "Artikelen en beweringen" in page
    assert "Select claim to change" not in page
    assert "Mark the selected claims" not in page


@pytest.mark.django_db
def test_the_claim_changelist_is_english_for_an_english_browser(staff_client):
    response = staff_client.get(
        reverse("admin:articles_claim_changelist"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select claim to change" in page
    assert "By has quantity" in page
    assert "Mark the selected claims verified" in page
    assert "Selecteer" not in page
    assert "beweringen" not in page


@pytest.mark.django_db
def test_an_admin_action_reports_in_dutch(staff_client):
    claim = Claim.objects.get()
    response = staff_client.post(
        reverse("admin:articles_claim_changelist"),
        {"action": "mark_verified", "_selected_action": [claim.pk]},
        HTTP_ACCEPT_LANGUAGE="nl",
        follow=True,
    )
    assert "1 bewering gemarkeerd als geverifieerd." in response.content.decode()


# The commands.


@pytest.mark.django_db
def test_the_ingest_summary_is_dutch():
    out = StringIO()
    with translation.override("nl"):
        call_command("ingest", "--dry-run", "--no-progress", str(SEEDS), stdout=out)
    summary = out.getvalue()
    assert "proefrun, niets weggeschreven:" in summary
    assert re.search(r"\d+ bestanden: \d+ nieuw, \d+ bijgewerkt, \d+ ongewijzigd", summary)
    assert "beweringen" in summary and "vermeldingen" in summary
    assert "files:" not in summary


@pytest.mark.django_db
def test_the_ingest_summary_stays_english_in_english():
    out = StringIO()
    with translation.override("en"):
        call_command("ingest", "--dry-run", "--no-progress", str(SEEDS), stdout=out)
    assert re.search(r"dry run, nothing written: \d+ files: \d+ new", out.getvalue())


@pytest.mark.parametrize("name", ["ingest", "extract", "load_gazetteer"])
def test_command_help_is_dutch_and_argparse_still_formats_it(name):
    with translation.override("nl"):
        command = load_command_class("articles", name)
        text = command.create_parser("manage.py", name).format_help()
    assert "Standaard:" in text
    assert "%(default)" not in text  # argparse filled the default in


def test_the_role_command_reports_in_dutch(django_user_model, db):
    django_user_model.objects.create_user(username="lezer")
    out = StringIO()
    with translation.override("nl"):
        call_command("role", "add", "lezer", EDITORS, stdout=out)
    assert out.getvalue().strip() == f"lezer heeft nu de rol {EDITORS}."
