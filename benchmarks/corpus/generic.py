"""Templates every topic shares: attributions of counts, statements, quotes, hedges,
background sentences, subheadings and the agency sentences outlets copy word for word."""

from __future__ import annotations

# singular -> plural of the verbs that agree with {src}
VERBS = {
    "meldt": "melden",
    "meldde": "meldden",
    "zegt": "zeggen",
    "zei": "zeiden",
    "laat": "laten",
    "liet": "lieten",
    "bevestigde": "bevestigden",
    "bevestigt": "bevestigen",
    "maakte": "maakten",
    "schat": "schatten",
    "heeft": "hebben",
    "is": "zijn",
    "veroordeelde": "veroordeelden",
    "riep": "riepen",
    "roept": "roepen",
    "waarschuwde": "waarschuwden",
    "waarschuwt": "waarschuwen",
    "eist": "eisen",
    "eiste": "eisten",
    "ontkent": "ontkennen",
    "benadrukte": "benadrukten",
    "kondigde": "kondigden",
    "erkent": "erkennen",
    "verwacht": "verwachten",
    "vreest": "vrezen",
    "noemde": "noemden",
    "noemt": "noemen",
    "stelt": "stellen",
    "stelde": "stelden",
    "reageerde": "reageerden",
    "sprak": "spraken",
    "deelde": "deelden",
    "verklaarde": "verklaarden",
    "wil": "willen",
    "schreef": "schreven",
    "vertelde": "vertelden",
    "pleit": "pleiten",
    "wijst": "wijzen",
    "beschuldigde": "beschuldigden",
    "betichtte": "betichtten",
}

# (template, clause form, weight): {c} is the count clause in form M (main), I (verb first,
# after an adverbial) or S (subordinate).
COUNT_WRAPPERS = (
    ("{c}.", "M", 9),
    ("{c}, {meldt} {src}.", "M", 5),
    ("{c}, {zegt} {src}.", "M", 4),
    ("{c}, aldus {src}.", "M", 4),
    ("{c}, {laat} {src} weten.", "M", 3),
    ("{c}, {zei} {src} {day}.", "M", 4),
    ("{c}, {meldt} {src} op basis van eigen bronnen.", "M", 1),
    ("{c}, schrijft {media}.", "M", 2),
    ("{c}, zo {meldt} {src}.", "M", 1),
    ("Volgens {src} {c}.", "I", 8),
    ("Volgens de laatste cijfers van {src} {c}.", "I", 2),
    ("Volgens ingewijden {c}.", "I", 1),
    ("{src} {meldt} dat {c}.", "S", 3),
    ("{src} {bevestigde} {day} dat {c}.", "S", 3),
    ("{src} {maakte} {day} bekend dat {c}.", "S", 2),
    ("{src} {laat} weten dat {c}.", "S", 2),
    ("{src} {schat} dat {c}.", "S", 2),
    ("Eerder {meldde} {src} nog dat {c}.", "S", 2),
    ("{src} {zegt} tegen {media} dat {c}.", "S", 2),
    ("{c}. Dat {heeft} {src} {day} bevestigd.", "M", 3),
    ("{c}. Dat {meldt} {src}.", "M", 2),
    ("{o}{c}{q}, {zei} {src}.", "M", 2),
    ("{o}{c}{q}, aldus {src}.", "M", 1),
    ("Mogelijk {c}.", "I", 1),
    ("Naar verluidt {c}.", "I", 1),
    ("Vermoedelijk {c}.", "I", 1),
)

# Direct quotes: {b} is the quote body (no final punctuation).
QUOTE_WRAPPERS = (
    ("{o}{b}{q}, {zei} {src}.", 6),
    ("{o}{b}{q}, aldus {src}.", 4),
    ("{o}{b}{q}, {zegt} {src} tegen {media}.", 2),
    ("{src} {zei}: {o}{b}.{q}", 2),
    ("{o}{b}{q}, {stelde} {src} {day}.", 2),
    ("{o}{b}{q}, {verklaarde} {src} na afloop van een overleg in {town}.", 1),
    ("{o}{b}{q}, {liet} {src} weten via sociale media.", 1),
)

STATEMENTS = (
    "{src} {kondigde} {day} een onafhankelijk onderzoek naar {evn} aan.",
    "{src} {eist} opheldering over {evn} in {place}.",
    "{src} {benadrukte} dat de inwoners van {place} goed worden geïnformeerd.",
    "{src} {waarschuwde} voor de gevolgen van {evn} voor de regio rond {place}.",
    "{src} {deelde} {day} mee dat het overleg over {evn} nog weken kan duren.",
    "{src} {verwacht} dat {evn} in {place} de komende tijd veel aandacht blijft vragen.",
    "In een verklaring {stelt} {src} dat {evn} grote gevolgen heeft voor {place}.",
    "Tegen {media} {zei} {src} dat er in {place} lessen moeten worden getrokken.",
    "{src} {erkent} dat de signalen uit {place} eerder serieus genomen hadden moeten worden.",
    "{src} {vertelde} {day} aan {media} dat er snel duidelijkheid moet komen over {evn}.",
    "{src} {noemde} de gang van zaken rond {evn} {day} {o}zorgelijk{q}.",
    "{src} {wijst} erop dat {town} eerder met vergelijkbare problemen kampte.",
)

QUOTES = (
    "We hebben {day} met alle betrokkenen om tafel gezeten",
    "Ik begrijp de zorgen in {place} heel goed",
    "We gaan dit tot op de bodem uitzoeken, daar kan {place} op rekenen",
    "Er is de komende tijd nog veel werk te doen in {place}",
    "We houden de inwoners van {place} zo goed mogelijk op de hoogte",
    "Hier moeten we in {place} samen uit zien te komen",
    "Niemand in {place} heeft hier baat bij",
)

HEDGES = (
    "Het is nog niet duidelijk wat de precieze gevolgen van {evn} voor {place} zijn.",
    "Naar verluidt was {actor} al eerder gewaarschuwd over de situatie in {place}.",
    "Het is niet bekend of {actor} {day} bij het overleg in {town} aanwezig was.",
    "Waarschijnlijk volgt later deze week meer duidelijkheid over {evn} in {place}.",
    "De gevolgen voor {town} zouden voorlopig beperkt blijven.",
)

FILLERS = (
    "In {year} stond {place} ook al volop in de belangstelling.",
    "Het onderwerp stond {day} ook op de agenda van een overleg in {town}.",
    "De gebeurtenissen in {place} houden de gemoederen al langer bezig.",
    "Op sociale media gaan sinds {day} foto's rond van de situatie in {place}.",
    "Voor veel inwoners van {place} kwam het nieuws als een verrassing.",
    "Het is niet de eerste keer dat {place} met zo'n situatie te maken krijgt.",
    "Het nieuws uit {place} was {day} het gesprek van de dag in {town}.",
    "De afgelopen jaren veranderde er veel in {place}.",
    "Ook in {town} werd het nieuws met belangstelling gevolgd.",
    "Het was {day} opvallend rustig in het centrum van {place}.",
    "De kwestie speelt al langer in {region}.",
    "{town} ligt op korte afstand van {place}.",
    "In de straten van {place} was {day} weinig van de onrust te merken.",
)

# Background that only fits a Dutch or Flemish town.
DOMESTIC_FILLERS = (
    "De {street} in {place} was {day} urenlang afgesloten voor het verkeer.",
    "Bewoners van de {street} kwamen {day} bijeen in een buurthuis in {place}.",
    "Het gemeentehuis van {place} staat aan de {street}.",
    "Op de markt in {place} was het {day} het belangrijkste gespreksonderwerp.",
    "De gemeenteraad van {town} kijkt met belangstelling naar de ontwikkelingen.",
)

SUBHEADINGS = (
    "Onrust in {place}",
    "Zorgen in {town}",
    "Reacties uit {place}",
    "Gevolgen voor {place}",
    "Nieuw overleg in {town}",
)

# Story-level sentences of a news agency, copied verbatim by the outlets that cover it.
AGENCY = (
    "{c}, meldt {agency}.",
    "{src} {heeft} een onderzoek ingesteld naar {evn}, meldt {agency}.",
    "{src} {heeft} {day} een crisisoverleg bijeengeroepen, meldt {agency} op basis van ingewijden.",
    "{src} {is} {day} naar {place} afgereisd, meldt {agency}.",
    "Volgens {agency} {c}.",
)

# The agency whose country a story happens in covers it; elsewhere a world agency.
AGENCY_BY_COUNTRY = {
    "Nederland": ("persbureau ANP",),
    "België": ("persbureau Belga",),
    "Duitsland": ("het Duitse persbureau DPA",),
    "Frankrijk": ("persbureau AFP",),
    "Turkije": ("het Turkse persbureau Anadolu", "persbureau Reuters"),
    "Rusland": ("het Russische persbureau TASS", "persbureau Interfax"),
}
WORLD_AGENCIES = ("persbureau Reuters", "persbureau AFP", "persbureau AP", "persbureau Reuters")

# Broadcasters and papers: (phrase, gazetteer name)
MEDIA = (
    ("de NOS", "NOS"),
    ("RTL Nieuws", "RTL Nieuws"),
    ("de BBC", "BBC"),
    ("CNN", "CNN"),
    ("Al Jazeera", "Al Jazeera"),
    ("de VRT", "VRT"),
    ("De Telegraaf", "De Telegraaf"),
    ("het Algemeen Dagblad", "Algemeen Dagblad"),
    ("NRC", "NRC"),
    ("de Volkskrant", "de Volkskrant"),
    ("Trouw", "Trouw"),
    ("The Guardian", "The Guardian"),
    ("The New York Times", "The New York Times"),
    ("Der Spiegel", "Der Spiegel"),
    ("Bloomberg", "Bloomberg"),
    ("Het Financieele Dagblad", "Het Financieele Dagblad"),
    ("De Standaard", "De Standaard"),
    ("persbureau Reuters", "Reuters"),
)
