"""Parties, identifiers and number shapes of the holdout4 corpus.

Imports nothing from the rest of the repository: SIREN/SIRET by the Luhn checksum, the French
VAT key ``(12 + 3 * (SIREN mod 97)) mod 97``, IBAN check digits (ISO 7064 mod 97-10).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- identifiers


def luhn_ok(digits: str) -> bool:
    total = 0
    for pos, ch in enumerate(reversed(digits)):
        d = int(ch)
        if pos % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    """Append the digit that makes ``body`` + digit Luhn-valid."""
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError(body)


def make_siren(rng: random.Random, first: str | None = None) -> str:
    head = first or str(rng.randint(3, 9))
    body = head + "".join(str(rng.randint(0, 9)) for _ in range(8 - len(head)))
    return luhn_complete(body)


def make_siret(rng: random.Random, siren: str) -> str:
    nic = f"{rng.choice([0, 0, 0, 1, 2]):03d}{rng.randint(1, 9)}"
    return luhn_complete(siren + nic)


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def typo(rng: random.Random, ident: str, start: int) -> str:
    """Change one digit at or after ``start`` (the printed number becomes invalid)."""
    while True:
        pos = rng.randrange(start, len(ident))
        if ident[pos].isdigit():
            break
    new = rng.choice([d for d in "0123456789" if d != ident[pos]])
    return ident[:pos] + new + ident[pos + 1 :]


def iban_fr(rng: random.Random) -> tuple[str, str]:
    """A French IBAN (valid RIB key and check digits) and a BIC."""
    bank = f"{rng.randint(10000, 30099):05d}"
    branch = f"{rng.randint(100, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    rib = (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    rib_key = f"{97 - rib:02d}"
    bban = bank + branch + account + rib_key
    numeric = int(bban + "1527" + "00")  # F=15 R=27
    check = 98 - numeric % 97
    iban = f"FR{check:02d}{bban}"
    bic = rng.choice(["CEPAFRPP", "BNPAFRPP", "AGRIFRPP", "CCBPFRPP", "SOGEFRPP", "CMCIFRPP"])
    bic += rng.choice(["", "XXX", "382", "631", "751", "693"])
    return iban, bic


def spaced_iban(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def fmt_siren(s: str, rng: random.Random) -> str:
    return rng.choice([f"{s[:3]} {s[3:6]} {s[6:]}", s])


def fmt_siret(s: str, rng: random.Random) -> str:
    return rng.choice([f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", s, f"{s[:9]} {s[9:]}"])


def fmt_vat(v: str, rng: random.Random) -> str:
    return rng.choice([v, f"{v[:2]} {v[2:4]} {v[4:7]} {v[7:10]} {v[10:]}", f"{v[:4]} {v[4:]}"])


# --------------------------------------------------------------------------- places, people

CITIES = [
    ("69003", "Lyon"),
    ("69100", "Villeurbanne"),
    ("38000", "Grenoble"),
    ("38400", "Saint-Martin-d'Hères"),
    ("63000", "Clermont-Ferrand"),
    ("31400", "Toulouse"),
    ("31670", "Labège"),
    ("33600", "Pessac"),
    ("44300", "Nantes"),
    ("35042", "Rennes"),
    ("67000", "Strasbourg"),
    ("54500", "Vandœuvre-lès-Nancy"),
    ("59650", "Villeneuve-d'Ascq"),
    ("13013", "Marseille"),
    ("06560", "Valbonne"),
    ("34090", "Montpellier"),
    ("21000", "Dijon"),
    ("25000", "Besançon"),
    ("86000", "Poitiers"),
    ("87000", "Limoges"),
    ("91190", "Gif-sur-Yvette"),
    ("92190", "Meudon"),
    ("94400", "Vitry-sur-Seine"),
    ("76130", "Mont-Saint-Aignan"),
    ("14000", "Caen"),
    ("51100", "Reims"),
    ("37200", "Tours"),
    ("64000", "Pau"),
    ("68200", "Mulhouse"),
    ("42000", "Saint-Étienne"),
    ("26000", "Valence"),
    ("73000", "Chambéry"),
    ("29200", "Brest"),
    ("17000", "La Rochelle"),
    ("80000", "Amiens"),
]

STREETS = [
    "rue de la Chimie",
    "avenue des Martyrs",
    "rue Ampère",
    "boulevard du 11 Novembre 1918",
    "allée Pierre-Gilles de Gennes",
    "rue des Frères Lumière",
    "chemin du Pré Carré",
    "avenue Jean Jaurès",
    "rue de l'Industrie",
    "impasse des Tisserands",
    "route de Narbonne",
    "rue Michel-Ange",
    "quai Claude Bernard",
    "rue du Général Leclerc",
    "avenue de l'Europe",
    "ZI des Plaines, rue Newton",
    "parc d'activités du Moulin, bât. C",
    "rue Gustave Eiffel",
    "place Eugène Bataillon",
    "cours de la Libération",
]

FIRST = [
    "Camille",
    "Julien",
    "Sophie",
    "Nicolas",
    "Émilie",
    "Thomas",
    "Laure",
    "Mathieu",
    "Claire",
    "Sébastien",
    "Nadia",
    "Olivier",
    "Hélène",
    "Karim",
    "Isabelle",
    "Fabrice",
    "Agnès",
    "Yannick",
    "Marion",
    "Pierre-Yves",
    "Sandrine",
    "Jérôme",
    "Aurélie",
    "Vincent",
]
LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Lefèvre",
    "Moreau",
    "Garnier",
    "Rousseau",
    "Chevalier",
    "Fontaine",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Lambert",
    "Faure",
    "Perrin",
    "Morel",
    "Girard",
    "Bonnet",
    "Roussel",
    "Meunier",
    "Renaud",
    "Arnaud",
    "Leclerc",
    "Benali",
    "Nguyen",
]


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def initials(first: str, last: str) -> str:
    return (first[0] + last[0]).upper().replace("É", "E")


def phone(rng: random.Random, postcode: str) -> str:
    dep = int(postcode[:2])
    zone = (
        "01"
        if dep in (75, 77, 78, 91, 92, 93, 94, 95)
        else "02"
        if dep in (14, 29, 35, 37, 44, 76, 86, 17)
        else "03"
        if dep in (21, 25, 51, 54, 59, 67, 68, 80)
        else "05"
        if dep in (31, 33, 64, 87)
        else "04"
    )
    rest = [f"{rng.randint(10, 99)}" for _ in range(4)]
    style = rng.randrange(3)
    if style == 0:
        return zone + " " + " ".join(rest)
    if style == 1:
        return zone + "." + ".".join(rest)
    return "+33 (0)" + zone[1] + " " + " ".join(rest)


# --------------------------------------------------------------------------- parties


@dataclass
class Party:
    name: str
    street: str
    postcode: str
    city: str
    siren: str
    siret: str
    vat: str
    phone: str
    fax: str
    email_domain: str
    iban: str = ""
    bic: str = ""
    form: str = ""
    capital: str = ""
    rcs_city: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def address_lines(self) -> list[str]:
        return [self.street, f"{self.postcode} {self.city.upper()}"]


def _domain(name: str) -> str:
    import unicodedata

    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in "".join(c if c.isalnum() else " " for c in base).split() if len(w) > 2]
    words = [w for w in words if w not in {"sas", "sarl", "les", "des", "sca", "and", "the"}]
    return ("-".join(words[:2]) or "client") + ".fr"


def make_party(rng: random.Random, name: str, form: str = "SAS", public: bool = False) -> Party:
    postcode, city = rng.choice(CITIES)
    siren = make_siren(rng, first=rng.choice(["1", "2"]) if public else None)
    siret = make_siret(rng, siren)
    street = f"{rng.randint(1, 148)} {rng.choice(STREETS)}"
    iban, bic = iban_fr(rng)
    capital = f"{rng.choice([10, 37, 50, 80, 150, 200, 750, 1200])} 000 €"
    return Party(
        name=name,
        street=street,
        postcode=postcode,
        city=city,
        siren=siren,
        siret=siret,
        vat=vat_of(siren),
        phone=phone(rng, postcode),
        fax=phone(rng, postcode),
        email_domain=_domain(name),
        iban=iban,
        bic=bic,
        form=form,
        capital=capital,
        rcs_city=city.split("-")[0].split(" ")[0],
    )


def _own() -> Party:
    rng = random.Random("20261207:own")
    siren = make_siren(rng, first="8")
    siret = luhn_complete(siren + "0003")
    iban, _bic = iban_fr(rng)
    return Party(
        name="SOLVIANE INSTRUMENTS SAS",
        street="14 allée des Tanneurs, ZAC Saint-Hubert",
        postcode="38090",
        city="Villefontaine",
        siren=siren,
        siret=siret,
        vat=vat_of(siren),
        phone="04 74 96 52 10",
        fax="04 74 96 52 19",
        email_domain="solviane-instruments.fr",
        iban=iban,
        bic="CMCIFRPP",
        form="SAS",
        capital="420 000 €",
        rcs_city="Vienne",
    )


OWN = _own()

# --------------------------------------------------------------------------- customers

COMPANY_A = [
    "Thermexis",
    "Hydrovalve",
    "Métalis",
    "Arcane Process",
    "Cryostar Solutions",
    "Ducros Ingénierie",
    "Ondelys",
    "Vectorial Systems",
    "Aérotec Midi",
    "Brinon Mécanique",
    "Calorys",
    "Fluidem",
    "Septentrion Énergie",
    "Alpha Contrôle",
    "Lumitherm",
    "Sogefluide",
    "Ateliers Reynaud",
    "Pyrolab",
    "Véga Automatismes",
    "Capteurs & Mesures du Rhône",
    "Optinov",
    "Kerval Industrie",
    "Mécaprécis",
    "Biosynth Atlantique",
    "Électro-Dauphiné",
    "Labocéan",
    "Granulat Process",
    "Nivôse Froid",
]
SUFFIX_B = ["", " Industrie", " Technologies", " France", " Services", ""]
FORMS = ["SAS", "SAS", "SARL", "SA", "SASU", "SAS à associé unique"]


def make_company(rng: random.Random) -> Party:
    name = rng.choice(COMPANY_A) + rng.choice(SUFFIX_B)
    form = rng.choice(FORMS)
    return make_party(rng, name.upper() if rng.random() < 0.5 else name, form=form)


CNRS_UNITS = [
    ("Laboratoire de Physique des Matériaux", "UMR", "Délégation Rhône Auvergne"),
    ("Institut de Chimie Moléculaire", "UMR", "Délégation Alpes"),
    ("Laboratoire d'Hydrodynamique et Transferts", "UMR", "Délégation Occitanie Ouest"),
    ("Centre de Recherche sur les Macromolécules", "UPR", "Délégation Alsace"),
    ("Laboratoire de Génie des Procédés", "UMR", "Délégation Centre-Est"),
    ("Institut des Sciences de la Terre", "UMR", "Délégation Alpes"),
    ("Laboratoire d'Optique Appliquée", "UMR", "Délégation Île-de-France Gif-sur-Yvette"),
    ("Laboratoire de Mécanique des Fluides et d'Acoustique", "UMR", "Délégation Rhône Auvergne"),
    ("Laboratoire de Biologie Structurale", "UPR", "Délégation Provence et Corse"),
    ("Institut Pluridisciplinaire des Interfaces", "UMR", "Délégation Aquitaine"),
]

UNIVERSITIES = [
    "Université Claude Bernard Lyon 1",
    "Université Grenoble Alpes",
    "Université de Poitiers",
    "Université de Franche-Comté",
    "Université de Lorraine",
    "Université Clermont Auvergne",
    "Université de Rennes",
    "Université de Caen Normandie",
    "INSA Lyon",
    "École Centrale de Nantes",
]

PUBLIC = [
    ("Commune de Saint-Priest", "Direction de la Commande Publique"),
    ("Centre Hospitalier de Valence", "Service Biomédical"),
    ("Département de l'Isère", "Direction des Routes"),
    ("Syndicat Intercommunal des Eaux du Grésivaudan", "Service Exploitation"),
    ("Métropole de Dijon", "Direction Eau et Assainissement"),
    ("Lycée polytechnique Jean Monnet", "Intendance"),
    ("SDIS de la Drôme", "Groupement Logistique"),
    ("Communauté d'agglomération du Pays de Pau", "Pôle Patrimoine"),
    ("CHU de Limoges", "Direction des Achats"),
    ("Région Grand Est — Lycée Louis Couffignal", "Service Gestion"),
]

# --------------------------------------------------------------------------- articles

ITEMS = [
    ("SV-TCK-150", "Thermocouple type K gaine inox Ø3 L150 mm", 18.40),
    ("SV-TCK-300", "Thermocouple type K gaine inconel Ø6 L300 mm", 42.90),
    ("SV-PT100-4F", "Sonde Pt100 classe A 4 fils, raccord 1/4 G", 67.50),
    ("ENR-8CH-USB", "Enregistreur 8 voies USB/Ethernet", 1290.00),
    ("CBL-EXT-K25", "Câble d'extension K, 2 × 0,22 mm², couronne 25 m", 58.00),
    ("TRM-4-20-DIN", "Transmetteur 4-20 mA rail DIN, isolé", 148.00),
    ("MAN-0-10B", "Manomètre Ø63 0-10 bar, raccord radial", 23.80),
    ("CAP-P-250", "Capteur de pression piézorésistif 0-250 bar", 312.00),
    ("DEB-EM-DN50", "Débitmètre électromagnétique DN50", 1865.00),
    ("HYG-TH-IP65", "Sonde thermo-hygrométrique IP65", 224.00),
    ("CAL-BLOC-650", "Four d'étalonnage à bloc sec 650 °C", 4380.00),
    ("RAC-CMP-3", "Raccord compression inox pour Ø3 mm (lot de 10)", 31.20),
    ("PAS-THERM", "Pâte thermique silicone, tube 100 g", 14.60),
    ("AFF-DIG-96", "Afficheur digital 96 × 48, 2 seuils", 189.00),
    ("CNX-MINI-K", "Connecteur miniature K mâle (lot de 5)", 19.75),
    ("SV-CERT-COF", "Certificat d'étalonnage COFRAC 3 points", 95.00),
    ("PRT-SER-2", "Prestation de mise en service (½ journée)", 480.00),
    ("ISO-FV-10", "Gaine fibre de verre Ø10 mm, 10 m", 27.30),
]


def pick_items(rng: random.Random, n: int) -> list[tuple[str, str, int, float]]:
    chosen = rng.sample(ITEMS, n)
    out = []
    for ref, label, price in chosen:
        qty = rng.choice([1, 1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25])
        out.append((ref, label, qty, price))
    return out


def money(x: float) -> str:
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s


# --------------------------------------------------------------------------- dates

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class Day:
    y: int
    m: int
    d: int

    def fr(self) -> str:
        return f"{self.d:02d}/{self.m:02d}/{self.y}"

    def long(self) -> str:
        return f"{'1er' if self.d == 1 else self.d} {MONTHS[self.m - 1]} {self.y}"

    def en(self) -> str:
        return f"{MONTHS_EN[self.m - 1]} {self.d}, {self.y}"

    def iso(self) -> str:
        return f"{self.y}-{self.m:02d}-{self.d:02d}"

    def plus(self, days: int) -> Day:
        import datetime

        t = datetime.date(self.y, self.m, self.d) + datetime.timedelta(days=days)
        return Day(t.year, t.month, t.day)


def doc_day(rng: random.Random) -> Day:
    m = rng.choice([9, 10, 10, 11, 11])
    return Day(2026, m, rng.randint(1, 28))


# --------------------------------------------------------------------------- distractors


def our_quote(rng: random.Random) -> str:
    return rng.choice(
        [
            f"DV26-{rng.randint(1000, 4999)}",
            f"OF2610-{rng.randint(100, 999)}",
            f"D2026-{rng.randint(1000, 2999)}",
            f"SVI-OF-26{rng.randint(100, 999)}",
        ]
    )


def our_customer_code(rng: random.Random) -> str:
    return rng.choice(
        [
            f"C{rng.randint(10000, 49999)}",
            f"411{rng.randint(1000, 9999)}",
            f"CL-{rng.randint(100, 999)}",
        ]
    )


def vendor_code(rng: random.Random) -> str:
    """Our supplier number in the customer's system."""
    return rng.choice(
        [
            f"{rng.randint(100000, 399999):010d}",
            f"F{rng.randint(1000, 9999)}",
            f"FRN{rng.randint(10000, 99999)}",
        ]
    )


def requisition(rng: random.Random) -> str:
    return rng.choice(
        [
            f"DA-26-{rng.randint(1000, 9999)}",
            f"DA{rng.randint(100000, 999999)}",
            f"0010{rng.randint(100000, 999999)}",
        ]
    )


def contract(rng: random.Random) -> str:
    return rng.choice(
        [
            f"2025-{rng.randint(10, 99)}-{rng.randint(100, 999)}",
            f"M25.{rng.randint(100, 999)}",
            f"AC-2024-{rng.randint(1000, 9999)}",
            f"MAPA 26/{rng.randint(10, 99)}",
        ]
    )


def bl_number(rng: random.Random) -> str:
    return f"BL26{rng.randint(10000, 99999)}"


def invoice_number(rng: random.Random) -> str:
    return rng.choice([f"FA26-{rng.randint(10000, 19999)}", f"F2026{rng.randint(1000, 9999)}"])


# --------------------------------------------------------------------------- order numbers

_LET = "ABCDEFGHJKMNPRSTUVWXYZ"  # no I, L, O, Q: a buyer's letters that survive a photocopy


def _d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _nz(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + _d(rng, n - 1)


SHAPES = {
    "cf": lambda r: "CF2026" + _d(r, 4),
    "cf_dash": lambda r: "CF-" + _nz(r, 6),
    "bc_space": lambda r: "BC 26" + _d(r, 4),
    "bc_year": lambda r: "BC-2026-0" + _d(r, 3),
    "bdc": lambda r: "BDC" + _nz(r, 6),
    "bdc_space": lambda r: "BDC 26/0" + _d(r, 3),
    "sap45": lambda r: "4500" + _nz(r, 6),
    "sap40": lambda r: "4000" + _nz(r, 6),
    "po": lambda r: "PO26" + _d(r, 5),
    "po_dash": lambda r: "PO-26-" + _nz(r, 4),
    "po_space": lambda r: "PO 26" + _d(r, 5),
    "zinv": lambda r: "ZINV" + _nz(r, 6),
    "cda_space": lambda r: "CDA 26" + _d(r, 5),
    "cda": lambda r: "CDA-26-" + _nz(r, 4),
    "co": lambda r: "CO26-" + _nz(r, 4),
    "cde": lambda r: "CDE-2026-" + _nz(r, 5),
    "cde_dot": lambda r: "CDE 26." + _nz(r, 4),
    "ca": lambda r: "CA-2026-" + _nz(r, 4),
    "ej_space": lambda r: "EJ " + r.choice(["21", "25", "26"]) + _d(r, 8),
    "ej": lambda r: "EJ26-" + _nz(r, 6),
    "ej10": lambda r: r.choice(["21", "13", "19"]) + _d(r, 8),
    "po_dots": lambda r: "P.O. 26-" + _nz(r, 4),
    "cnrs": lambda r: "L " + _nz(r, 5),
    "year_seq": lambda r: "2026-00" + _nz(r, 3),
    "yy_slash": lambda r: "26/0" + _nz(r, 3),
    "letters": lambda r: r.choice(_LET) + r.choice(_LET) + _nz(r, 5),
    "digits": lambda r: _nz(r, r.choice([6, 6, 7])),
    "underscore": lambda r: "OA_26_" + _nz(r, 4),
    "dots": lambda r: "2026.0" + _nz(r, 3),
    "ws": lambda r: "WS-26-00" + _nz(r, 4),
    "hash": lambda r: "100" + _d(r, 6),
    "mkt": lambda r: "40" + str(r.randint(2, 8)) + "-" + _nz(r, 7) + "-" + _nz(r, 7),
    "bon": lambda r: "B" + _nz(r, 5),
    "cmd_slash": lambda r: "CMD/2026/" + _nz(r, 4),
}

SUFFIXES = {
    "initials": lambda r, who: "/" + who,
    "rev": lambda r, who: r.choice(["-01", "-02", "-V2", "-A"]),
    "umr": lambda r, who: " " + r.choice(["UMR", "UMR", "UPR"]) + " " + str(r.randint(5001, 9999)),
}


def order_number(rng: random.Random, shape: str, suffix: str | None, who: str) -> tuple[str, str]:
    """(label a clerk types, text printed on the paper)."""
    label = SHAPES[shape](rng)
    printed = label + (SUFFIXES[suffix](rng, who) if suffix else "")
    return label, printed


# --------------------------------------------------------------------------- one document


@dataclass
class Doc:
    family: str
    index: int
    rng: random.Random
    cust: Party
    contact: tuple[str, str]
    day: Day
    label: str  # the label (empty for negatives)
    printed: str  # the printed order number (or the number quoted by a negative)
    items: list[tuple[str, str, int, float]]
    vat_print: str  # what is printed as the customer's VAT ("" = not printed)
    siret_print: str
    vat_label: str
    siret_label: str
    variant: int
    kind: str  # pdf-text | scan
    unit: str = ""  # CNRS unit / service name
    org: str = ""  # parent organisation (university, CNRS delegation...)
    refs: dict[str, str] = field(default_factory=dict)

    @property
    def who(self) -> str:
        return initials(*self.contact)

    @property
    def contact_name(self) -> str:
        return f"{self.contact[0]} {self.contact[1]}"

    @property
    def email(self) -> str:
        import unicodedata

        f, last = (
            unicodedata.normalize("NFKD", x)
            .encode("ascii", "ignore")
            .decode()
            .lower()
            .replace(" ", "")
            for x in self.contact
        )
        return f"{f}.{last}@{self.cust.email_domain}"

    def totals(self) -> tuple[float, float, float]:
        ht = round(sum(q * p for _, _, q, p in self.items), 2)
        tva = round(ht * 0.2, 2)
        return ht, tva, round(ht + tva, 2)
