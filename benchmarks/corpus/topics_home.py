"""Domestic topics about politics and money: politics, companies, climate and energy,
housing, work and protest."""

from __future__ import annotations

from benchmarks.corpus import counts as c
from benchmarks.corpus.model import Event, Frame, Topic

POLITICS = Topic(
    key="politics",
    countries=(),
    events=(
        Event(
            "bij de gemeenteraadsverkiezingen in {place}",
            "bij de verkiezingen in {place}",
            "bij de verkiezingen",
            "de verkiezingsuitslag",
            (
                c.people(
                    "votes",
                    "stemmen",
                    400,
                    90_000,
                    Frame("gingen", "naar {party}"),
                    Frame("werden", "uitgebracht"),
                ),
                c.people(
                    "voters",
                    "kiezers|inwoners",
                    2_000,
                    200_000,
                    Frame("brachten", "hun stem uit", "hun stem uitbrachten"),
                    Frame("zijn", "thuisgebleven"),
                ),
            ),
        ),
        Event(
            "met een nieuw bezuinigingsplan voor {place}",
            "met het bezuinigingsplan voor {place}",
            "met de bezuinigingen",
            "het bezuinigingsplan",
            (
                c.money(
                    c.MONEY_INVOLVED,
                    Frame("moet", "worden bespaard", "moet worden bespaard"),
                    low=200_000,
                    high=300_000_000,
                ),
                c.jobs(10, 900),
            ),
        ),
        Event(
            "met een petitie tegen de sluiting van het zwembad in {place}",
            "met de petitie tegen de sluiting van het zwembad",
            "met de petitie",
            "de petitie",
            (
                c.people(
                    "signatures",
                    "handtekeningen",
                    500,
                    300_000,
                    Frame("zijn", "verzameld"),
                    Frame("werden", "opgehaald"),
                ),
            ),
        ),
    ),
    functions=(
        "Kamerlid",
        "wethouder",
        "fractievoorzitter",
        "gemeenteraadslid",
        "staatssecretaris",
        "burgemeester",
        "partijleider",
        "politicoloog",
    ),
    organisations=(
        ("de Tweede Kamer", "Tweede Kamer"),
        ("de Eerste Kamer", "Eerste Kamer"),
        ("de Raad van State", "Raad van State"),
        ("het Centraal Bureau voor de Statistiek", "Centraal Bureau voor de Statistiek"),
    ),
    org_kinds=("ministry:Binnenlandse Zaken", "foundation"),
    roles=(
        "de burgemeester van {place}",
        "de gemeenteraad van {place}",
        "het college van {place}",
        "een woordvoerder van {party}",
    ),
    named=(("party", "party"), ("local", "local_party")),
    people="domestic",
    statements=(
        "{src} {noemt} {evn} {o}een duidelijk signaal{q} aan het college van {place}.",
        "{src} {eist} dat het college van {place} de plannen terugdraait.",
        "{src} {kondigde} {day} aan dat {party} een motie indient.",
        "{src} {waarschuwde} dat {local} de gemeenteraad buitenspel zet.",
        "{src} {stelt} dat de coalitie in {place} haar beloften niet nakomt.",
        "{src} {erkent} dat het debat in {place} {day} flink uit de hand liep.",
    ),
    quotes=(
        "De inwoners van {place} hebben duidelijk gemaakt wat ze willen",
        "Dit is geen verstandige manier om met belastinggeld om te gaan",
        "We gaan in {place} gewoon door met ons programma",
        "Ik heb de gemeenteraad {day} volledig geïnformeerd",
        "Met {local} valt in {place} niet te besturen",
    ),
    hedges=(
        "De coalitie in {place} zou inmiddels op springen staan.",
        "Het is nog onduidelijk of {party} in {place} gaat meeregeren.",
        "Mogelijk valt {day} al een besluit over de toekomst van het college in {place}.",
    ),
    fillers=(
        "De gemeenteraad van {place} vergadert {day} opnieuw over de kwestie.",
        "In {year} leidde een vergelijkbaar plan in {town} tot veel onrust.",
        "Het debat in het stadhuis van {place} duurde tot diep in de nacht.",
        "{local} is in {place} al jaren een factor van betekenis.",
        "Het stadhuis van {place} staat aan de {street}.",
    ),
    subheadings=(
        "Debat in de gemeenteraad",
        "Coalitie in {place}",
        "Reactie van {party}",
        "Kritiek uit {town}",
    ),
)

_LAYOFFS = (c.jobs(), c.workers(), c.money(c.MONEY_INVOLVED, low=500_000, high=400_000_000))

ECONOMY = Topic(
    key="economy",
    countries=(),
    events=(
        Event(
            "bij een reorganisatie van {company}",
            "bij de reorganisatie van {company}",
            "bij de reorganisatie",
            "de reorganisatie",
            _LAYOFFS,
        ),
        Event(
            "bij de overname van {company}",
            "bij de overname van {company}",
            "bij de overname",
            "de overname",
            (
                c.money(Frame("is", "betaald"), Frame("gaat", "om", "omgaat")),
                c.people(
                    "customers",
                    "klanten",
                    2_000,
                    900_000,
                    Frame("krijgen", "een nieuwe leverancier", "een nieuwe leverancier krijgen"),
                ),
            ),
        ),
        Event(
            "na het faillissement van {company}",
            "na het faillissement van {company}",
            "na het faillissement",
            "het faillissement",
            (
                c.workers(),
                c.money(Frame("is", "achtergebleven", np="{n} aan schulden"), high=90_000_000),
            ),
        ),
    ),
    functions=(
        "econoom",
        "topman",
        "topvrouw",
        "directeur",
        "bestuursvoorzitter",
        "financieel directeur",
        "analist",
        "OR-voorzitter",
    ),
    organisations=(
        ("De Nederlandsche Bank", "De Nederlandsche Bank"),
        ("het Centraal Bureau voor de Statistiek", "Centraal Bureau voor de Statistiek"),
        ("de Europese Centrale Bank", "Europese Centrale Bank"),
        ("het Internationaal Monetair Fonds", "Internationaal Monetair Fonds"),
        ("ING", "ING"),
        ("ABN AMRO", "ABN AMRO"),
        ("Rabobank", "Rabobank"),
        ("Philips", "Philips"),
        ("ASML", "ASML"),
        ("Unilever", "Unilever"),
        ("Heineken", "Heineken"),
        ("KLM", "KLM"),
    ),
    org_kinds=("union",),
    roles=(
        "een woordvoerder van {company}",
        "de ondernemingsraad van {company}",
        "de curator",
        "de burgemeester van {place}",
    ),
    named=(("company", "company"),),
    people="domestic",
    statements=(
        "{src} {noemt} het besluit van {company} {o}een harde klap{q} voor {place}.",
        "{src} {eist} dat {company} een goed sociaal plan opstelt.",
        "{src} {waarschuwt} voor de gevolgen voor toeleveranciers in {region}.",
        "{src} {verwacht} dat de economie in {region} hier flink last van krijgt.",
        "{src} {erkent} dat de marges van {company} al jaren onder druk staan.",
    ),
    quotes=(
        "Het is een pijnlijke maar noodzakelijke stap voor de toekomst van {company}",
        "Voor de medewerkers in {place} is dit een zwarte dag",
        "We gaan alles doen om gedwongen ontslagen in {place} te voorkomen",
        "De markt is de afgelopen jaren fundamenteel veranderd",
    ),
    hedges=(
        "Mogelijk volgen later dit jaar nog meer ingrepen bij {company}.",
        "De vestiging in {town} zou voorlopig buiten schot blijven.",
        "Het is nog onduidelijk wat {evn} betekent voor de klanten van {company}.",
    ),
    fillers=(
        "{company} werd in {year} opgericht in {place}.",
        "Het hoofdkantoor van {company} staat aan de {street} in {place}.",
        "De aandelenkoers van {company} daalde {day} fors.",
        "Het bedrijf is een belangrijke werkgever in {region}.",
    ),
    subheadings=(
        "Zwarte dag voor {place}",
        "Reactie van de bonden",
        "Toekomst van {company}",
        "Gevolgen voor {region}",
    ),
)

CLIMATE = Topic(
    key="climate",
    countries=(),
    events=(
        Event(
            "door een grote stroomstoring in {place}",
            "door de stroomstoring in {place}",
            "door de storing",
            "de stroomstoring",
            (
                c.people(
                    "households",
                    "huishoudens|adressen|woningen",
                    500,
                    300_000,
                    Frame("zaten", "zonder stroom"),
                    Frame("hebben", "geen stroom", "geen stroom hebben"),
                ),
                c.money(c.DAMAGE, low=50_000, high=20_000_000),
            ),
        ),
        Event(
            "met een nieuw klimaatplan voor {place}",
            "met het klimaatplan voor {place}",
            "met het klimaatplan",
            "het klimaatplan",
            (
                c.money(c.MONEY_INVOLVED),
                c.houses(
                    Frame("worden", "van het gas gehaald"),
                    Frame("krijgen", "zonnepanelen", "zonnepanelen krijgen"),
                    nouns="woningen|huurwoningen",
                    low=100,
                ),
            ),
        ),
        Event(
            "met de bouw van een windpark bij {place}",
            "met de bouw van het windpark bij {place}",
            "met het windpark",
            "het windpark",
            (
                c.money(c.MONEY_INVOLVED, low=5_000_000),
                c.people(
                    "supplied",
                    "huishoudens",
                    2_000,
                    400_000,
                    Frame(
                        "kunnen", "van stroom worden voorzien", "van stroom kunnen worden voorzien"
                    ),
                ),
            ),
        ),
    ),
    functions=(
        "klimaatwetenschapper",
        "wethouder",
        "hoogleraar",
        "woordvoerder",
        "directeur",
        "meteoroloog",
    ),
    organisations=(
        ("het KNMI", "KNMI"),
        ("Greenpeace", "Greenpeace"),
        ("Shell", "Shell"),
        ("de Europese Commissie", "Europese Commissie"),
        ("het RIVM", "RIVM"),
        ("de Tweede Kamer", "Tweede Kamer"),
    ),
    org_kinds=("foundation", "ministry:Klimaat en Energie"),
    roles=("de burgemeester van {place}", "een woordvoerder van {operator}", "+omwonenden"),
    named=(("operator", "company"),),
    people="domestic",
    statements=(
        "{src} {waarschuwt} dat het stroomnet rond {place} overvol raakt.",
        "{src} {pleit} voor snellere verduurzaming van woningen in {place}.",
        "{src} {noemde} {evn} {day} {o}een wake-upcall{q} voor de regio.",
        "{src} {eist} dat {operator} de bewoners van {place} compenseert.",
        "{src} {verwacht} dat de energierekening in {region} verder stijgt.",
    ),
    quotes=(
        "We kunnen het ons niet permitteren om nog langer te wachten",
        "Bewoners van {place} moeten erop kunnen vertrouwen dat het licht blijft branden",
        "Dit laat zien dat {place} serieus werk moet maken van de energietransitie",
        "Het net in {region} zit gewoon vol",
    ),
    hedges=(
        "Het is nog onduidelijk wanneer de werkzaamheden in {place} klaar zijn.",
        "Mogelijk volgt {day} een besluit over de plannen voor {town}.",
        "De kosten voor {operator} zouden fors hoger uitvallen dan begroot.",
    ),
    fillers=(
        "In {year} werd bij {place} het eerste zonnepark van de regio geopend.",
        "De gemeente {place} wil voor 2050 klimaatneutraal zijn.",
        "Het weer in {region} was {day} guur en winderig.",
        "Langs de {street} in {place} staan sinds kort laadpalen.",
    ),
    subheadings=(
        "Stroomnet onder druk",
        "Plannen voor {place}",
        "Kritiek van bewoners uit {town}",
        "Energierekening in {region}",
    ),
)

HOUSING = Topic(
    key="housing",
    countries=(),
    events=(
        Event(
            "met een nieuw woningbouwplan voor {place}",
            "met het woningbouwplan voor {place}",
            "met het bouwplan",
            "het woningbouwplan",
            (
                c.houses(
                    Frame("worden", "gebouwd"),
                    Frame("komen", "erbij", "erbij komen"),
                    nouns="woningen|huurwoningen|starterswoningen",
                ),
                c.money(c.MONEY_INVOLVED, low=2_000_000),
            ),
        ),
        Event(
            "met een huurverhoging bij {housing}",
            "met de huurverhoging bij {housing}",
            "met de huurverhoging",
            "de huurverhoging",
            (
                c.people(
                    "tenants",
                    "huurders|huishoudens",
                    300,
                    60_000,
                    Frame("gaan", "meer huur betalen", "meer huur gaan betalen"),
                    Frame("krijgen", "een hogere huur", "een hogere huur krijgen"),
                ),
                c.money(c.MONEY_INVOLVED, high=40_000_000),
            ),
        ),
        Event(
            "op de krappe woningmarkt in {place}",
            "op de woningmarkt in {place}",
            "op de woningmarkt",
            "de krapte op de woningmarkt",
            (
                c.people(
                    "seekers",
                    "woningzoekenden|starters",
                    500,
                    90_000,
                    Frame("staan", "ingeschreven", "ingeschreven staan"),
                    Frame("wachten", "op een huurwoning", "op een huurwoning wachten"),
                ),
            ),
        ),
    ),
    functions=("wethouder", "directeur", "econoom", "makelaar", "woningmarktexpert"),
    organisations=(
        ("het Centraal Bureau voor de Statistiek", "Centraal Bureau voor de Statistiek"),
        ("De Nederlandsche Bank", "De Nederlandsche Bank"),
        ("de Tweede Kamer", "Tweede Kamer"),
        ("Rabobank", "Rabobank"),
    ),
    org_kinds=("foundation", "ministry:Volkshuisvesting"),
    roles=(
        "de gemeente {place}",
        "de huurdersvereniging in {place}",
        "het college van {place}",
        "een woordvoerder van {housing}",
    ),
    named=(("housing", "housing"),),
    people="domestic",
    statements=(
        "{src} {noemt} extra betaalbare woningen in {place} {o}hard nodig{q}.",
        "{src} {waarschuwt} dat jongeren in {place} nauwelijks nog een huis vinden.",
        "{src} {eist} dat {housing} meer doet voor de huurders in {place}.",
        "{src} {pleit} voor meer betaalbare woningen in {region}.",
    ),
    quotes=(
        "Jongeren in {place} kunnen nergens meer terecht",
        "We bouwen zo snel als we kunnen",
        "Elke nieuwe woning is een stap vooruit voor de woningzoekenden in {place}",
        "Huurders in {place} worden de dupe van dit beleid",
    ),
    hedges=(
        "Het is nog onduidelijk wanneer de eerste woningen in {place} worden opgeleverd.",
        "De bouwkosten in {region} zouden de afgelopen maanden flink zijn gestegen.",
    ),
    fillers=(
        "Aan de rand van {place} ligt al jaren een braakliggend terrein.",
        "De wijk rond de {street} werd in {year} gebouwd.",
        "Op informatieavonden in {place} was de belangstelling groot.",
        "{housing} beheert vooral woningen in {place} en {town}.",
    ),
    subheadings=("Woningnood in {place}", "Plannen voor de {street}", "Zorgen bij huurders"),
)

LABOUR = Topic(
    key="labour",
    countries=(),
    events=(
        Event(
            "bij een staking in het streekvervoer rond {place}",
            "bij de staking rond {place}",
            "bij de staking",
            "de staking",
            (
                c.people(
                    "strikers",
                    "werknemers|buschauffeurs|medewerkers",
                    50,
                    9_000,
                    Frame("legden", "het werk neer", "het werk neerlegden"),
                    Frame("deden", "mee", "meededen"),
                ),
                c.people(
                    "passengers",
                    "reizigers",
                    1_000,
                    200_000,
                    Frame("zaten", "zonder vervoer", "zonder vervoer zaten"),
                ),
            ),
        ),
        Event(
            "bij een staking bij {company}",
            "bij de staking bij {company}",
            "bij de staking",
            "de staking",
            (
                c.people(
                    "strikers",
                    "werknemers|medewerkers",
                    50,
                    9_000,
                    Frame("legden", "het werk neer", "het werk neerlegden"),
                ),
                c.money(Frame("is", "misgelopen", np="{n} aan omzet"), high=50_000_000),
            ),
        ),
        Event(
            "bij een protestmars van zorgmedewerkers in {place}",
            "bij de demonstratie in {place}",
            "bij het protest",
            "de demonstratie",
            (
                c.people(
                    "protesters",
                    "zorgmedewerkers|demonstranten|mensen",
                    200,
                    40_000,
                    Frame("gingen", "de straat op", "de straat opgingen"),
                    Frame("kwamen", "naar het protest", "naar het protest kwamen"),
                ),
                c.arrests("demonstranten|betogers|mensen", 2, 120),
            ),
        ),
    ),
    functions=("vakbondsbestuurder", "bestuurder", "voorzitter", "econoom", "woordvoerder"),
    organisations=(
        ("de Tweede Kamer", "Tweede Kamer"),
        ("het Centraal Bureau voor de Statistiek", "Centraal Bureau voor de Statistiek"),
    ),
    org_kinds=("ministry:Sociale Zaken",),
    roles=("een woordvoerder van {union}", "+de werkgevers", "de burgemeester van {place}"),
    named=(("union", "union"), ("company", "company")),
    people="domestic",
    statements=(
        "{src} {eist} een loonsverhoging die de inflatie volledig compenseert.",
        "{src} {noemt} de acties in {place} {o}onverantwoord{q}.",
        "{src} {waarschuwt} dat {union} de acties de komende weken uitbreidt.",
        "{src} {roept} het kabinet op om in te grijpen in het conflict.",
        "{src} {verwacht} dat het overleg met {company} {day} wordt hervat.",
    ),
    quotes=(
        "Onze mensen zijn het wachten meer dan zat",
        "We blijven in {place} actievoeren totdat er een fatsoenlijk bod ligt",
        "Dit gaat ten koste van de reizigers en de klanten in {region}",
        "De deur voor overleg met {union} staat altijd open",
    ),
    hedges=(
        "Het is nog onduidelijk hoe lang de acties in {region} gaan duren.",
        "Mogelijk volgt {day} een nieuw bod van {company}.",
    ),
    fillers=(
        "Op het plein voor het station van {place} stonden {day} spandoeken.",
        "Het vorige loonconflict bij {company} dateert uit {year}.",
        "Demonstranten liepen {day} in een lange stoet over de {street} in {place}.",
        "Veel forenzen uit {town} weken uit naar de auto.",
    ),
    subheadings=("Acties in {place}", "Overleg met {company}", "Gevolgen voor reizigers"),
)
