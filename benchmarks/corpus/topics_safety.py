"""Domestic topics about safety: disasters and accidents, health, crime and the courts."""

from __future__ import annotations

from benchmarks.corpus import counts as c
from benchmarks.corpus.model import Event, Frame, Topic

_FIRE_COUNTS = (
    c.deaths("mensen|bewoners", 3, 40),
    c.injured("mensen|bewoners|brandweerlieden", 3, 120),
    c.displaced("bewoners|omwonenden|mensen", 20, 3_000),
    c.money(c.DAMAGE, low=100_000, high=80_000_000),
)
_DAMAGED_HOUSES = c.houses(
    Frame("zijn", "beschadigd"),
    Frame("raakten", "beschadigd"),
    Frame("zijn", "onbewoonbaar verklaard"),
)
_FLOOD_HOUSES = c.houses(
    Frame("zijn", "beschadigd"),
    Frame("staan", "onder water", "onder water staan"),
    Frame("zijn", "onbewoonbaar verklaard"),
)

DISASTER = Topic(
    key="disaster",
    countries=(),
    events=(
        Event(
            "bij een grote brand in een flatgebouw in {place}",
            "bij de brand in {place}",
            "bij de brand",
            "de brand",
            _FIRE_COUNTS,
        ),
        Event(
            "bij een busongeluk op de snelweg bij {place}",
            "bij het busongeluk bij {place}",
            "bij het ongeluk",
            "het busongeluk",
            (c.deaths("inzittenden|passagiers|mensen", 3, 30), c.injured("passagiers|mensen")),
        ),
        Event(
            "door zware overstromingen in {place}",
            "door de overstromingen in {place}",
            "door het hoogwater",
            "het hoogwater",
            (_FLOOD_HOUSES, _FIRE_COUNTS[2], _FIRE_COUNTS[3]),
        ),
        Event(
            "bij een explosie in een bedrijfspand in {place}",
            "bij de explosie in {place}",
            "bij de explosie",
            "de explosie",
            (_FIRE_COUNTS[1], _FIRE_COUNTS[0], _DAMAGED_HOUSES),
        ),
    ),
    functions=(
        "brandweercommandant",
        "burgemeester",
        "woordvoerder",
        "ooggetuige",
        "traumachirurg",
        "buurtbewoner",
    ),
    organisations=(
        ("het KNMI", "KNMI"),
        ("het Rode Kruis", "Rode Kruis"),
        ("het Openbaar Ministerie", "Openbaar Ministerie"),
    ),
    org_kinds=("safety_region", "hospital"),
    roles=(
        "de burgemeester van {place}",
        "de brandweer",
        "de politie",
        "een woordvoerder van de brandweer",
        "+de hulpdiensten",
        "+omwonenden",
    ),
    named=(("safety", "safety_region"),),
    people="domestic",
    statements=(
        "{src} {riep} inwoners op om de omgeving van {place} te mijden.",
        "{src} {sprak} van {o}een enorme ramp voor {place}{q}.",
        "{src} {kondigde} aan dat er {day} een opvanglocatie opengaat in {town}.",
        "{src} {verklaarde} dat de hulpdiensten in {place} snel ter plaatse waren.",
        "{src} {waarschuwt} voor instortingsgevaar aan de {street}.",
        "{src} {meldt} dat {safety} {day} een crisisteam heeft ingericht.",
        "{src} {reageerde} geschokt op het nieuws uit {place}.",
        "{src} {liet} via sociale media weten dat de gedachten uitgaan naar {place}.",
        "{src} {riep} {day} op tot kalmte in {place}.",
    ),
    quotes=(
        "Het was een vreselijk gezicht, dat vergeet ik nooit meer",
        "We zijn de hulpverleners in {place} ontzettend dankbaar",
        "Ik hoorde een enorme klap en ben meteen naar de {street} gerend",
        "Onze gedachten zijn bij de slachtoffers en hun families in {place}",
        "De hulpdiensten van {safety} hebben fantastisch werk gedaan",
        "We zijn diep geschokt door wat er in {place} is gebeurd",
        "Dit had in {place} nooit mogen gebeuren",
    ),
    hedges=(
        "De oorzaak van {evn} in {place} is nog onbekend.",
        "Mogelijk speelde achterstallig onderhoud een rol bij {evn} in {place}.",
        "Het is nog niet duidelijk wanneer de bewoners van de {street} terug kunnen.",
    ),
    fillers=(
        "Hulpdiensten waren {day} met groot materieel aanwezig in {place}.",
        "Een traumahelikopter landde op een grasveld aan de {street}.",
        "Omwonenden werden met bussen naar een sporthal in {town} gebracht.",
        "De {street} in {place} blijft voorlopig afgesloten.",
        "Het gebouw aan de {street} stamt uit {year}.",
    ),
    subheadings=(
        "Opvang in {town}",
        "Hulpdiensten aan de {street}",
        "Onderzoek naar de oorzaak in {place}",
        "Geschokte reacties uit {town}",
    ),
)

HEALTH = Topic(
    key="health",
    countries=(),
    events=(
        Event(
            "bij een uitbraak van legionella in {place}",
            "bij de uitbraak in {place}",
            "bij de uitbraak",
            "de uitbraak",
            (
                c.people(
                    "infected",
                    "mensen|inwoners|patiënten",
                    5,
                    900,
                    Frame("zijn", "besmet geraakt"),
                    Frame("zijn", "ziek geworden"),
                ),
                c.people(
                    "hospitalised",
                    "patiënten|mensen",
                    3,
                    200,
                    Frame("liggen", "in het ziekenhuis", "in het ziekenhuis liggen"),
                    Frame("zijn", "in het ziekenhuis opgenomen"),
                ),
                c.deaths("patiënten|mensen", 2, 20),
            ),
        ),
        Event(
            "door personeelstekorten in de zorg rond {place}",
            "door de tekorten in de zorg rond {place}",
            "door de tekorten",
            "het personeelstekort",
            (
                c.people(
                    "waiting",
                    "patiënten|mensen",
                    200,
                    40_000,
                    Frame("staan", "op een wachtlijst", "op een wachtlijst staan"),
                    Frame("wachten", "op een behandeling", "op een behandeling wachten"),
                ),
                c.people("vacancies", "vacatures", 20, 3_000, Frame("staan", "open", "openstaan")),
            ),
        ),
        Event(
            "bij een vaccinatiecampagne in {place}",
            "bij de campagne in {place}",
            "bij de campagne",
            "de vaccinatiecampagne",
            (
                c.people(
                    "vaccinated",
                    "inwoners|kinderen|ouderen",
                    500,
                    90_000,
                    Frame("zijn", "gevaccineerd"),
                    Frame("hebben", "een prik gehaald"),
                ),
                c.money(c.MONEY_INVOLVED, low=100_000, high=20_000_000),
            ),
        ),
    ),
    functions=(
        "viroloog",
        "hoogleraar",
        "arts",
        "onderzoeker",
        "ziekenhuisdirecteur",
        "huisarts",
        "epidemioloog",
    ),
    organisations=(
        ("het RIVM", "RIVM"),
        ("de Wereldgezondheidsorganisatie", "Wereldgezondheidsorganisatie"),
        ("het Rode Kruis", "Rode Kruis"),
    ),
    org_kinds=("hospital", "ministry:Volksgezondheid"),
    roles=("de burgemeester van {place}", "een woordvoerder van {ggd}", "+huisartsen"),
    named=(("ggd", "health_service"),),
    people="domestic",
    statements=(
        "{src} {roept} inwoners van {place} op om bij vragen de huisarts te bellen.",
        "{src} {waarschuwt} dat de zorg in {region} onder grote druk staat.",
        "{src} {pleit} voor extra geld voor de ziekenhuizen in {region}.",
        "{src} {benadrukte} dat het risico voor omwonenden in {place} klein is.",
        "{src} {meldt} dat {ggd} {day} een informatieavond houdt in {town}.",
    ),
    quotes=(
        "We hebben de situatie in {place} goed onder controle",
        "Mensen met klachten moeten echt thuisblijven",
        "De druk op het personeel in {region} is enorm",
        "We zien dit soort uitbraken vaker in de zomer",
        "Zonder extra handen aan het bed houden we het in {place} niet vol",
    ),
    hedges=(
        "Het is nog onduidelijk welke gevolgen {evn} heeft voor de wachtlijsten in {region}.",
        "Mogelijk neemt {ggd} {day} nieuwe maatregelen in {place}.",
        "Het is nog onduidelijk hoe lang {ggd} de maatregelen in {place} handhaaft.",
    ),
    fillers=(
        "Het ziekenhuis in {place} heeft een aparte afdeling ingericht.",
        "Er is {day} een inloopspreekuur in het gezondheidscentrum van {town}.",
        "Patiëntenorganisaties volgen de ontwikkelingen in {place} op de voet.",
        "Aan de {street} in {place} staat sinds {year} een nieuw gezondheidscentrum.",
    ),
    subheadings=(
        "Onderzoek in {place}",
        "Druk op de zorg in {region}",
        "Advies aan inwoners van {town}",
    ),
)

CRIME = Topic(
    key="crime",
    countries=(),
    events=(
        Event(
            "bij een grote drugsinval in {place}",
            "bij de inval in {place}",
            "bij de inval",
            "de inval",
            (
                c.arrests("verdachten|mensen"),
                c.money(
                    Frame("is", "in beslag genomen", np="{n} aan contant geld"),
                    low=20_000,
                    high=9_000_000,
                ),
            ),
        ),
        Event(
            "in een grote fraudezaak in {place}",
            "in de fraudezaak in {place}",
            "in de fraudezaak",
            "de fraudezaak",
            (
                c.money(
                    Frame("is", "verduisterd"),
                    Frame("zou", "zijn weggesluisd", "zou zijn weggesluisd"),
                    low=200_000,
                    high=90_000_000,
                ),
                c.people(
                    "victims",
                    "slachtoffers|gedupeerden",
                    10,
                    3_000,
                    Frame("hebben", "aangifte gedaan"),
                    Frame("hebben", "zich gemeld"),
                ),
            ),
        ),
        Event(
            "bij rellen in het centrum van {place}",
            "bij de rellen in {place}",
            "bij de rellen",
            "het geweld",
            (c.arrests("relschoppers|jongeren|mensen"), c.injured("agenten|mensen", 2, 60)),
        ),
    ),
    functions=(
        "advocaat",
        "officier van justitie",
        "rechter",
        "hoogleraar strafrecht",
        "politiewoordvoerder",
        "burgemeester",
        "criminoloog",
    ),
    organisations=(
        ("het Openbaar Ministerie", "Openbaar Ministerie"),
        ("Europol", "Europol"),
        ("Interpol", "Interpol"),
    ),
    org_kinds=("foundation",),
    roles=(
        "de politie",
        "de burgemeester van {place}",
        "een woordvoerder van de politie",
        "de advocaat van de hoofdverdachte",
        "+buurtbewoners",
    ),
    named=(("court", "court"),),
    people="domestic",
    statements=(
        "{src} {eiste} {day} celstraffen tegen de hoofdverdachten.",
        "{src} {benadrukte} dat het onderzoek naar {evn} nog in volle gang is.",
        "{src} {ontkent} alle betrokkenheid bij {evn}.",
        "{src} {noemde} {evn} in {place} {o}volstrekt onacceptabel{q}.",
        "{src} {kondigde} aan dat er extra cameratoezicht komt in {place}.",
        "{src} {verwacht} dat {court} pas volgend jaar uitspraak doet.",
        "{src} {sprak} van {o}een zwarte dag voor {place}{q}.",
    ),
    quotes=(
        "Dit soort criminaliteit ondermijnt de hele samenleving in {place}",
        "Mijn cliënt heeft hier niets mee te maken",
        "We laten ons in {place} niet intimideren",
        "De rechtsstaat moet hier duidelijk zijn grenzen trekken",
        "Wat ons betreft is de maat nu echt vol in {place}",
        "De buurt rond de {street} heeft recht op rust",
    ),
    hedges=(
        "De hoofdverdachte zou banden hebben met criminelen in {town}.",
        "Mogelijk worden de komende dagen nog meer verdachten opgepakt in {place}.",
        "Het is niet bekend of de verdachten uit {town} elkaar kenden.",
    ),
    fillers=(
        "De zaak dient later dit jaar bij de rechtbank in {place}.",
        "Agenten in kogelwerende vesten sloten de {street} in {place} af.",
        "Het pand aan de {street} is inmiddels verzegeld.",
        "In {year} speelde in {place} ook al een grote strafzaak.",
    ),
    subheadings=(
        "Inval aan de {street}",
        "Zitting in {town}",
        "Reactie van de verdediging",
        "Onrust in {place}",
    ),
)
