"""Word lists for invented actors, places and outlets (none of them is in the gazetteer)."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """Whitespace-separated words; ``_`` stands for a space inside one entry."""
    return tuple(word.replace("_", " ") for word in text.split())


# About 150 first names: Dutch, Flemish, Arabic/Moroccan, Turkish, Surinamese and others.
FIRST_NAMES = _words(
    """Pieter Jan Kees Henk Willem Joost Bas Sander Thijs Ruud Maarten Jeroen Wouter Bram
    Daan Lars Sem Finn Ruben Niels Gerrit Hans Erik Marco Dennis Anna Sanne Lotte Femke
    Anouk Eva Iris Marloes Ingrid Karin Marieke Esther Judith Ellen Linda Petra Mirjam
    Saskia Yvonne Noor Fleur Lieke Romy Nathalie Wendy Annemiek Hanneke Els Marijke
    Pieter-Jan Koen Wim Stijn Jelle Dries Bart Geert Lieven Tom Sofie An Katrien Griet
    Hilde Leen Inge Veerle Lien Jolien Mohammed Ahmed Youssef Mustafa Hamza Rachid Karim
    Said Bilal Omar Samir Khalid Fatima Khadija Nadia Samira Yasmina Leila Amina Salma
    Hanan Soufiane Mehmet Ahmet Murat Emre Kemal Hakan Burak Serkan Ayşe Fatma Elif Zeynep
    Emine Hatice Büşra Deniz Özlem Orhan Rajesh Anil Sunita Priya Rohan Marcia Glenn Ricardo
    Shanti Dewi Kwame Abena Tomasz Katarzyna Piotr Agnieszka Ivan Olena Dmytro Natalia
    Sergio Lucia Giulia Mateo Carmen Pablo Sophie Thomas Laura Julia Michael David Sarah
    Emma Olivia Liam Noah Zoë Chloé Benjamin Rebecca Hugo Louise"""
)

# About 200 surnames from the same backgrounds.
SURNAMES = _words(
    """de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer
    de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit
    Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen
    van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn de_Bruin van_der_Heijden Schouten
    van_Beek Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam
    van_der_Wal Prins Blom Huisman Peeters Claes Goossens Wouters Maes Mertens Willaert
    Desmet Vandenberghe Vermeersch Lambrecht Dumont Declercq Verstraete Coppens Michiels
    Van_Damme Vanhoutte De_Smet De_Backer Van_Acker Verbruggen Cools Hermans Lemmens
    El_Amrani El_Idrissi Bennani Benali Ouali Haddou Amrani Azzouzi El_Khatib Bouzid
    Tahiri Boukhari Mansouri Chaouch Achahbar Ait_Taleb Ziani Bakkali Lahlou Essafi
    Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
    Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Ramdin Sewnath Jagessar Ramsaran
    Kartosen Sno Pinas Brunings Esajas Tjon_A_Fong Nowak Kowalski Wiśniewski Wójcik
    Kamiński Lewandowski Shevchenko Bondarenko Kovalenko Tkachenko Rossi Russo Ferrari
    García Fernández López Martínez Rodríguez Dubois Lefèvre Moreau Laurent Müller
    Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Smith Jones Taylor Brown
    Wilson Evans Murphy Kelly Walsh Nielsen Hansen Andersen Johansson Lindqvist
    Koning Timmer Post Kuipers Veenstra Zwart Groen Boersma Wijnberg Hazenberg Stam
    Oosterhuis Kramer Scholten Wolters Gerritsen Evers Postma Terpstra Hofman Bouwman
    Hoogland Spijker Rietveld Langeveld Ploeg van_Wijk Bosman Sijbrandij Lubbers"""
)

# Dutch and Flemish towns that are not gazetteer entries (invented actors live here).
TOWNS: dict[str, tuple[str, ...]] = {
    "Nederland": _words(
        """Deventer Apeldoorn Amersfoort Zutphen Hoorn Alkmaar Den_Bosch Breda Venlo
        Roermond Heerlen Sittard Emmen Assen Leeuwarden Drachten Sneek Almere Lelystad
        Zaandam Hilversum Gouda Delft Dordrecht Schiedam Vlaardingen Spijkenisse Middelburg
        Vlissingen Goes Terneuzen Oss Helmond Veenendaal Ede Harderwijk Doetinchem
        Winterswijk Enschede Hengelo Almelo Kampen Meppel Hoogeveen Den_Helder Purmerend
        Amstelveen Zoetermeer Alphen_aan_den_Rijn Woerden Nieuwegein Tiel Culemborg
        Ter_Apel Harlingen"""
    ),
    "België": _words(
        """Mechelen Leuven Brugge Kortrijk Hasselt Genk Aalst Oostende Sint-Niklaas
        Turnhout Roeselare Lier Geel Ieper Tongeren"""
    ),
}

# Regions used in the names of invented organisations and in background sentences.
REGIONS: dict[str, tuple[str, ...]] = {
    "Nederland": _words(
        """Twente Drenthe Friesland Zeeland Limburg Brabant Gelderland Flevoland Utrecht
        Noord-Holland Zuid-Holland Rijnmond Kennemerland Haaglanden IJsselland Groningen
        Overijssel"""
    ),
    "België": _words("West-Vlaanderen Oost-Vlaanderen Antwerpen Limburg Vlaams-Brabant"),
}

# Real foreign places missing from the gazetteer, by the gazetteer country they lie in.
FOREIGN_TOWNS: dict[str, tuple[str, ...]] = {
    "Syrië": _words("Saraqib Maarat_al-Numan Jisr_al-Shughur Tal_Abyad Ras_al-Ain Nairab"),
    "Oekraïne": _words("Bachmoet Avdiivka Zaporizja Cherson Kramatorsk Slovjansk Soemy"),
    "Irak": _words("Kirkoek Fallujah Ramadi Tikrit Samarra"),
    "Palestina": _words("Khan_Younis Rafah Jabalia Nablus Jenin"),
    "Jemen": _words("Hodeida Aden Sanaa Taiz Marib"),
    "Soedan": _words("Khartoum El_Fasher Nyala Omdurman"),
    "Afghanistan": _words("Kabul Kandahar Herat Mazar-i-Sharif Kunduz"),
    "Somalië": _words("Mogadishu Kismayo Baidoa Beledweyne"),
    "Libanon": _words("Tyrus Sidon Nabatieh Baalbek"),
    "Libië": _words("Tripoli Benghazi Misrata Sirte"),
    "Griekenland": _words("Mytilini Vathy Chios Piraeus Alexandroupolis"),
    "Italië": _words("Pozzallo Crotone Augusta Catania Porto_Empedocle"),
    "Spanje": _words("Ceuta Melilla Almería Cádiz Motril"),
}

STREET_STEMS = _words(
    """Kerk Molen Dorps School Stations Wilhelmina Juliana Beatrix Oranje Haven Markt
    Linden Eiken Beuken Kastanje Rozen Tulpen Vijver Spoor Zuider Noorder Ooster Wester
    Prinses Koning Dijk Polder Berken Meidoorn Esdoorn"""
)
STREET_SUFFIXES = _words("straat weg laan kade singel dreef gracht")

WEEKDAYS = _words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag")
DAY_PARTS = ("", "", "", "ochtend", "middag", "avond", "nacht")

# Invented newspapers and sites: the first part of every file name.
OUTLETS = _words(
    """dagblad-noord nieuwsbode de-kustkoerier stadsblad-oost het-avondnieuws regiopost
    de-dagkrant westfries-weekblad rijnmond-courant de-polderpost ochtendbode de-heraut
    limburgse-kroniek twentse-tijding brabants-nieuwsblad de-vrije-stem zeeuwse-getijden
    noorderlicht amstelbode kempen-koerier vlaamse-spiegel de-grensbode veluwe-vandaag
    delta-dagblad hanzekrant"""
)

# Parts of invented organisation names.
FOUNDATION_WORDS = _words("Veilig Groen Samen Schoon Gezond Open Sterk Eerlijk Vrij Nieuw")
FOUNDATION_NOUNS = _words(
    "Wonen Thuis Water Verkeer Leven Werk Land Perspectief Toekomst Buurt Zorg Natuur"
)
COMPANY_STEMS = _words(
    """Techno Agri Noord Delta Vita Euro Trans Nova Aqua Solar Medi Bouw Data Flex Habi
    Terra Lumi Petro Logi Fresh"""
)
COMPANY_ENDINGS = _words("va lux com tec mar nix gon plan tron dam")
SECTORS = _words(
    """Logistiek Bouw Energie Techniek Installatie Vastgoed Voeding Transport Zorggroep
    Metaal Chemie Media Retail Verpakkingen"""
)
UNION_LETTERS = "ABCDFGHKLMNPRSTVW"
HOUSING_NAMES = _words(
    "Woonhaven Thuisgaard Woonkring Huisvest Stadsthuis Woonbalans Thuiskracht Woonanker"
)
