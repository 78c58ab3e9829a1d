"""Dutch word lists shared by the extraction rules (general newsroom vocabulary)."""

from __future__ import annotations

from articles.extraction.wordcache import word_cache


def words(text: str) -> list[str]:
    """A word list written as one whitespace-separated string."""
    return text.split()


ABBREVIATIONS = frozenset(
    words(
        """o.a a.s bijv bv ca dr drs e.a e.d enz etc i.p.v ir ing jl jr kol lt mr mevr dhr
        m.b.t m.u.v nl nr n.a.v prof resp sr st t.a.v t.o.v v.d z.g.a zgn blz art min max
        mln mld mrd gen luit sgt"""
    )
)

STOPWORDS = frozenset(
    words(
        """de het een en of maar want dus dat die dit deze wie wat waar wanneer hoe waarom ook
        nog al wel niet geen in op aan uit bij met van voor naar over onder tussen door
        tegen om tot sinds na zonder binnen buiten langs vanaf volgens ik jij je u hij zij
        ze wij we jullie men er hier daar toen nu dan zo als zoals omdat terwijl hoewel
        nadat voordat zodra eerder later vandaag gisteren morgen ondertussen intussen
        inmiddels bovendien daarnaast toch zelfs alleen ongeveer zeker bijna ruim meer
        minder veel weinig alle elke ieder andere is zijn was waren wordt worden werd werden
        heeft hebben had hadden kan kunnen zal zullen zou zouden moet moeten mag mogen wil
        willen daarmee daardoor daarom daarna dan sindsdien het hun haar zijn mijn ons onze
        uw maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart
        april mei juni juli augustus september oktober november december"""
    )
)

MONTHS = frozenset(
    words(
        """januari februari maart april mei juni juli augustus september oktober november
        december jan feb mrt apr jun jul aug sep sept okt nov dec"""
    )
)

NAME_PARTICLES = frozenset(
    words("""van de der den ter ten te von vom zu da di du del della dos le la el al bin ben ibn""")
)

# A capitalised name after one of these is of the cue's kind (cues may end a compound:
# "grensplaats", "oud-premier", "nieuwszender").
PERSON_CUES = (
    "president",
    "topman",
    "topvrouw",
    "minister",
    "woordvoerder",
    "woordvoerster",
    "premier",
    "kanselier",
    "staatssecretaris",
    "burgemeester",
    "directeur",
    "voorzitter",
    "leider",
    "generaal",
    "commandant",
    "ambassadeur",
    "koning",
    "koningin",
    "prins",
    "paus",
    "kamerlid",
    "fractievoorzitter",
    "partijleider",
    "ceo",
    "bestuursvoorzitter",
    "hoogleraar",
    "onderzoeker",
    "econoom",
    "advocaat",
    "officier",
    "rechter",
    "senator",
    "gouverneur",
    "wethouder",
    "secretaris-generaal",
)
ORGANISATION_CUES = {
    "persbureau": "news_agency",
    "nieuwsagentschap": "news_agency",
    "zender": "media",
    "omroep": "media",
    "televisiezender": "media",
    "krant": "publication",
    "dagblad": "publication",
    "weekblad": "publication",
    "bedrijf": "other",
    "concern": "other",
    "bank": "other",
    "partij": "other",
    "organisatie": "ngo",
    "hulporganisatie": "ngo",
    "stichting": "ngo",
    "maker": "other",
    "fabrikant": "other",
    "leverancier": "other",
    "producent": "other",
    "verzekeraar": "other",
    "keten": "other",
}
LOCATION_CUES = (
    "regio",
    "provincie",
    "stad",
    "plaats",
    "plaatsje",
    "dorp",
    "dorpje",
    "gemeente",
    "wijk",
    "eiland",
    "deelstaat",
    "district",
)
MEDIA_CUES_ALLOWING_NUMBER = frozenset({"zender", "omroep", "televisiezender", "nieuwszender"})

LOCATIVE_PREPOSITIONS = frozenset(
    words("""in naar bij nabij rond richting vanuit buiten binnen boven onder""")
)

# Head nouns of infrastructure that make "X-head" a location name (M4-snelweg, A2-tunnel).
LOCATION_COMPOUND_HEADS = frozenset(
    words(
        """snelweg weg autoweg brug tunnel luchthaven vliegveld haven rivier kanaal station
        grensovergang ringweg"""
    )
)


@word_cache
def cue_kind(word: str) -> tuple[str, str, str] | None:
    """(actor kind, source kind, cue) for a cue word or a compound ending in one."""
    return cue_kind_lower(word.lower())


@word_cache
def cue_kind_lower(lower: str) -> tuple[str, str, str] | None:
    for cue, source_kind in ORGANISATION_CUES.items():
        if lower.endswith(cue):
            return "organisation", source_kind, cue
    for cue in PERSON_CUES:
        if lower.endswith(cue):
            return "person", "person", cue
    for cue in LOCATION_CUES:
        if lower.endswith(cue):
            return "location", "other", cue
    return None
