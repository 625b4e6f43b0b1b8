"""Parties, identifiers and number shapes of the holdout5 corpus (stdlib only).

SIREN and SIRET carry a Luhn check digit; the French VAT key is
(12 + 3 * (SIREN mod 97)) mod 97. Nothing here imports from the rest of the repository.
"""

from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field

SEED = "20261207b"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(stem: str) -> str:
    for last in "0123456789":
        if luhn_ok(stem + last):
            return stem + last
    raise AssertionError(stem)


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def vat_ok(vat: str) -> bool:
    return (
        len(vat) == 13
        and vat[:2] == "FR"
        and vat[2:].isdigit()
        and luhn_ok(vat[4:])
        and vat_of(vat[4:]) == vat
    )


def make_siren(rng: random.Random, first: str | None = None) -> str:
    head = first if first is not None else str(rng.choice("3456789"))
    stem = head + "".join(str(rng.randrange(10)) for _ in range(8 - len(head)))
    return luhn_complete(stem)


def make_siret(rng: random.Random, siren: str) -> str:
    nic = f"{rng.choice([1, 1, 2, 3, 4, 5, 12, 17, 21, 28, 35, 43]):04d}"
    return luhn_complete(siren + nic)


def typo_digits(rng: random.Random, ident: str, lo: int, hi: int) -> str:
    """One digit of ident[lo:hi] changed: a single-digit change always breaks Luhn."""
    pos = rng.randrange(lo, hi)
    old = ident[pos]
    new = rng.choice([d for d in "0123456789" if d != old])
    return ident[:pos] + new + ident[pos + 1 :]


def fmt_vat(rng: random.Random, vat: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return vat
    if style == 1:
        return f"{vat[:2]} {vat[2:4]} {vat[4:]}"
    if style == 2:
        return f"{vat[:2]} {vat[2:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}"
    return f"{vat[:4]} {vat[4:]}"


def fmt_siret(rng: random.Random, siret: str) -> str:
    style = rng.randrange(4)
    if style == 0:
        return siret
    if style == 1:
        return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    if style == 2:
        return f"{siret[:9]} {siret[9:]}"
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:13]} {siret[13]}"


def fmt_siren(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


def make_iban(rng: random.Random) -> tuple[str, str]:
    """A French IBAN with a valid RIB key and valid check digits, grouped by 4, and a BIC."""
    bank = f"{rng.randrange(10000, 30000):05d}"
    branch = f"{rng.randrange(100, 99999):05d}"
    account = f"{rng.randrange(10**10):011d}"
    key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)
    bban = f"{bank}{branch}{account}{key:02d}"
    num = int(bban + "152700")  # F=15 R=27, then 00
    check = 98 - num % 97
    iban = f"FR{check:02d}{bban}"
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    bic = rng.choice(
        ["CCBPFRPPNAN", "AGRIFRPP847", "CMCIFR2A", "BNPAFRPPXXX", "SOGEFRPP", "CEPAFRPP444"]
    )
    return grouped, bic


def phone(rng: random.Random, zone: str | None = None, style: int | None = None) -> str:
    zone = zone or rng.choice(["01", "02", "03", "04", "05"])
    groups = [zone] + [f"{rng.randrange(100):02d}" for _ in range(4)]
    style = rng.randrange(4) if style is None else style
    if style == 0:
        return " ".join(groups)
    if style == 1:
        return ".".join(groups)
    if style == 2:
        return "+33 " + groups[0][1] + " " + " ".join(groups[1:])
    return "".join(groups)


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
    kind: str = "ent"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def city_line(self) -> str:
        return f"{self.postcode} {self.city}"


# The receiving supplier (us): invented, fixed.
OWN_SIREN = luhn_complete("52863147")
OWN_SIRET = luhn_complete(OWN_SIREN + "0002")
OWN_VAT = vat_of(OWN_SIREN)
OWN = Party(
    name="BRÉVANNE TECHNIQUES SAS",
    street="14 rue de la Garenne, ZA du Moulin-Neuf",
    postcode="44800",
    city="Saint-Herblain",
    siren=OWN_SIREN,
    siret=OWN_SIRET,
    vat=OWN_VAT,
    phone="02 40 63 18 52",
    fax="02 40 63 18 59",
    email_domain="brevanne-techniques.fr",
    extra={
        "rcs": f"RCS Nantes {fmt_siren(OWN_SIREN)}",
        "capital": "Capital 480 000 EUR",
        "ape": "4669B",
        "iban": "FR76 1470 7000 1230 3219 8765 442",
        "bic": "CCBPFRPPNAN",
    },
)

CITIES = [
    ("69007", "Lyon"),
    ("38100", "Grenoble"),
    ("31200", "Toulouse"),
    ("33700", "Mérignac"),
    ("59000", "Lille"),
    ("67000", "Strasbourg"),
    ("13013", "Marseille"),
    ("35000", "Rennes"),
    ("76600", "Le Havre"),
    ("21000", "Dijon"),
    ("63000", "Clermont-Ferrand"),
    ("86000", "Poitiers"),
    ("54500", "Vandoeuvre-lès-Nancy"),
    ("29200", "Brest"),
    ("25000", "Besançon"),
    ("45000", "Orléans"),
    ("80000", "Amiens"),
    ("87000", "Limoges"),
    ("49100", "Angers"),
    ("74000", "Annecy"),
    ("64100", "Bayonne"),
    ("51100", "Reims"),
    ("34090", "Montpellier"),
    ("06200", "Nice"),
    ("72000", "Le Mans"),
    ("42000", "Saint-Étienne"),
    ("17000", "La Rochelle"),
    ("91190", "Gif-sur-Yvette"),
    ("92160", "Antony"),
    ("57000", "Metz"),
]

STREETS = [
    "12 rue des Tanneurs",
    "ZI des Pâtis, 3 allée Ampère",
    "45 avenue Jean-Jaurès",
    "Parc d'activités du Bois-Joli, bât. C",
    "8 chemin de la Sablière",
    "210 route de Vienne",
    "2 place de l'Hôtel de Ville",
    "Rue du Professeur Lemaire",
    "17 boulevard Pasteur",
    "ZAC des Portes du Sud, 6 rue Nobel",
    "1 quai des Chartrons",
    "Campus universitaire, 4 avenue des Sciences",
    "33 impasse des Lilas",
    "Zone portuaire, hangar 12",
    "96 rue Victor-Hugo",
]

ENT_NAMES = [
    "MÉCANIQUE DU VERDON SAS",
    "Ateliers Rocheval SARL",
    "TRANSFLUID OUEST SA",
    "LAITERIE DES MONTS DU FOREZ",
    "Chaudronnerie Bécart & Fils",
    "NOVATHERM INDUSTRIE SAS",
    "Brasserie des Trois Vallées SAS",
    "SOTRAPEX SA",
    "Papeteries de la Sèvre",
    "AGROFRAIS LOGISTIQUE SAS",
    "Fonderie Marchal SAS",
    "HYDRELEC SERVICES SARL",
    "Plasturgie du Jura SAS",
    "CIMENTS ET GRANULATS DU NORD",
    "Électricité Générale Pajot",
    "Groupe ALTAMEDIC SAS",
    "VERRERIE ARTIGUES SA",
    "Maintenance Industrielle Rhône-Alpes (MIRA)",
    "Distillerie Castaing SAS",
    "AÉROMÉCA SUD-OUEST SAS",
    "Imprimerie Le Goff SARL",
    "SEMAPHORE ROBOTIQUE SAS",
    "Garage Poulain Poids Lourds",
    "Menuiserie Tessier SARL",
    "Boulangeries Hervé SAS",
    "EUROFILTRES SA",
]

PUBLIC_NAMES = [
    ("Mairie de Saint-Aubin-sur-Loire", "Services techniques"),
    ("Communauté de communes du Val d'Ouche", "Pôle eau et assainissement"),
    ("Département de la Haute-Vienne", "Direction des routes"),
    ("SDIS 63", "Groupement logistique"),
    ("Lycée professionnel Jules-Verne", "Atelier maintenance"),
    ("Syndicat des eaux du Bas-Rhin", "Station de traitement"),
    ("Ville de La Rochelle", "Direction des bâtiments"),
    ("Région Bourgogne-Franche-Comté", "Lycée Victor-Bérard"),
]

HOSPITAL_NAMES = [
    ("Centre Hospitalier Universitaire de Poitiers", "GHT de la Vienne"),
    ("Centre Hospitalier de Bayonne", "GHT Navarre-Côte Basque"),
    ("CHU de Reims", "GHT Champagne"),
    ("Centre Hospitalier Annecy Genevois", "GHT Léman-Mont-Blanc"),
    ("Centre Hospitalier de Brest", "GHT Bretagne Occidentale"),
    ("CHU de Clermont-Ferrand", "GHT Territoires d'Auvergne"),
    ("Centre Hospitalier du Mans", "GHT de la Sarthe"),
]

LABS = [
    ("Institut de Chimie des Milieux et Matériaux", "UMR", "7285"),
    ("Laboratoire de Physique des Solides", "UMR", "8502"),
    ("Laboratoire d'Ingénierie des Systèmes Biologiques", "UMR", "5504"),
    ("Centre de Recherche sur les Ions et les Matériaux", "UMR", "6252"),
    ("Institut des Sciences Moléculaires", "UMR", "5255"),
    ("Laboratoire Chimie et Biologie des Membranes", "UPR", "9080"),
    ("Laboratoire de Mécanique et d'Acoustique", "UMR", "7031"),
]

UNIVS = [
    ("Université de Bourgogne, UFR Sciences et Techniques", "Laboratoire ICMUB"),
    ("Université Grenoble Alpes", "Laboratoire LEGI"),
    ("Université de Rennes", "Institut de Physique"),
    ("Université de Lille", "Unité UMET"),
]

FIRST = [
    "Julien",
    "Sandrine",
    "Karim",
    "Nathalie",
    "Thomas",
    "Isabelle",
    "Mehdi",
    "Claire",
    "Olivier",
    "Sophie",
    "Yannick",
    "Élodie",
    "Laurent",
    "Fatima",
    "Pierre",
    "Aurélie",
]
LAST = [
    "Morel",
    "Lefebvre",
    "Benali",
    "Garnier",
    "Rousseau",
    "Perrin",
    "Chevalier",
    "Lambert",
    "Fontaine",
    "Moulin",
    "Guérin",
    "Barbier",
    "Dupuis",
    "Le Bihan",
    "Carpentier",
    "Roux",
]


def person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(FIRST), rng.choice(LAST)


def initials(first: str, last: str) -> str:
    return (first[0] + last.replace("Le ", "L")[0]).upper().replace("É", "E")


CNRS_SIREN = "180089013"  # the CNRS's public SIREN; its SIRETs vary by delegation


def make_customer(rng: random.Random, kind: str) -> Party:
    postcode, city = rng.choice(CITIES)
    extra: dict[str, str] = {}
    if kind == "public":
        name, service = rng.choice(PUBLIC_NAMES)
        siren = make_siren(rng, "2")
        extra["service"] = service
    elif kind == "hopital":
        name, ght = rng.choice(HOSPITAL_NAMES)
        siren = make_siren(rng, "26")
        extra["ght"] = ght
        extra["finess"] = f"{postcode[:2]}0{rng.randrange(100000, 999999)}"
    elif kind == "cnrs":
        lab, unit, num = rng.choice(LABS)
        name = lab
        siren = CNRS_SIREN
        extra["unit"] = f"{unit} {num}"
        extra["delegation"] = rng.choice(
            [
                "Délégation Alpes",
                "Délégation Occitanie Ouest",
                "Délégation Île-de-France Sud",
                "Délégation Centre-Est",
                "Délégation Provence et Corse",
            ]
        )
    elif kind == "univ":
        name, unit = rng.choice(UNIVS)
        siren = make_siren(rng, "19")
        extra["unit"] = unit
        extra["delegation"] = "Direction des affaires financières"
    else:
        name = rng.choice(ENT_NAMES)
        siren = make_siren(rng)
    siret = make_siret(rng, siren)
    word = name.lower().replace("é", "e").replace("è", "e").split()[0]
    dom = "".join(ch for ch in word if ch.isalpha())[:12] or "client"
    if len(dom) < 4:
        dom = "".join(ch for ch in name.lower() if ch.isalpha())[:10]
    return Party(
        name=name,
        street=rng.choice(STREETS),
        postcode=postcode,
        city=city,
        siren=siren,
        siret=siret,
        vat=vat_of(siren),
        phone=phone(rng),
        fax=phone(rng),
        email_domain=f"{dom}.fr",
        kind=kind,
        extra=extra,
    )


@dataclass
class Ids:
    """What a document prints for the customer, and what is labelled."""

    vat_printed: str  # empty: not printed
    siret_printed: str
    vat_label: str
    siret_label: str


def customer_ids(
    rng: random.Random, cust: Party, p_vat: float = 0.8, p_siret: float = 0.8, p_typo: float = 0.12
) -> Ids:
    vat_p = siret_p = vat_l = siret_l = ""
    if rng.random() < p_vat:
        if rng.random() < p_typo:
            vat_p = fmt_vat(rng, typo_digits(rng, cust.vat, 4, 13))
        else:
            vat_p, vat_l = fmt_vat(rng, cust.vat), cust.vat
    if rng.random() < p_siret:
        if rng.random() < p_typo:
            siret_p = fmt_siret(rng, typo_digits(rng, cust.siret, 0, 14))
        else:
            siret_p, siret_l = fmt_siret(rng, cust.siret), cust.siret
    return Ids(vat_p, siret_p, vat_l, siret_l)


# --- order-number shapes -------------------------------------------------------------------


def d(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def nz(rng: random.Random, n: int) -> str:
    return str(rng.randrange(1, 10)) + d(rng, n - 1)


LETTERS = "ABCDEFGHJKMNPRSTUVWXYZ"  # no I, L, O, Q (the notes: avoid L/I, O/0)


def shape(rng: random.Random, code: str) -> str:
    """One order number of the named shape (the label, without any suffix)."""
    y = rng.choice(["26", "26", "25"])
    yyyy = "20" + y
    table = {
        "CF": lambda: f"CF{yyyy}{d(rng, 4)}",
        "CF-": lambda: f"CF-{nz(rng, 6)}",
        "BC_": lambda: f"BC {y}{d(rng, 4)}",
        "BC-": lambda: f"BC-{yyyy}-{d(rng, 4)}",
        "BDC": lambda: f"BDC{nz(rng, 6)}",
        "BDC_": lambda: f"BDC {y}/{d(rng, 4)}",
        "4500": lambda: f"4500{d(rng, 6)}",
        "4000": lambda: f"4000{d(rng, 6)}",
        "PO": lambda: f"PO{y}{d(rng, 5)}",
        "PO_": lambda: f"PO {y}{d(rng, 5)}",
        "PO-": lambda: f"PO-{y}-{d(rng, 4)}",
        "ZINV": lambda: f"ZINV{nz(rng, 6)}",
        "CDA_": lambda: f"CDA {y}{d(rng, 5)}",
        "CO": lambda: f"CO{y}-{d(rng, 4)}",
        "CDE-": lambda: f"CDE-{yyyy}-{d(rng, 5)}",
        "CDE_": lambda: f"CDE {y}.{d(rng, 4)}",
        "CA-": lambda: f"CA-{yyyy}-{d(rng, 4)}",
        "EJ_": lambda: f"EJ {y}10{d(rng, 6)}",
        "EJ-": lambda: f"EJ{y}-{d(rng, 6)}",
        "PDOT": lambda: f"P.O. {y}-{d(rng, 4)}",
        "L_": lambda: f"L {nz(rng, 5)}",
        "YEAR-": lambda: f"{yyyy}-{d(rng, 2)}{nz(rng, 3)}",
        "YY/": lambda: f"{y}/{d(rng, 4)}",
        "YEAR.": lambda: f"{yyyy}.{d(rng, 4)}",
        "AB": lambda: f"{rng.choice(LETTERS)}{rng.choice(LETTERS)}{nz(rng, 5)}",
        "LZ": lambda: f"00{nz(rng, rng.choice([4, 5]))}",
        "DIG6": lambda: nz(rng, 6),
        "DIG7": lambda: nz(rng, 7),
        "EJ10": lambda: rng.choice(["1300", "2103", "1400"]) + d(rng, 6),
        "OA_": lambda: f"OA_{y}_{d(rng, 4)}",
        "GHT": lambda: f"GHT{y}-{d(rng, 5)}",
        "A_": lambda: f"{rng.choice('ABCDEFGH')} {nz(rng, 5)}",
        "CMD/": lambda: f"CMD/{y}/{d(rng, 4)}",
        "ORD": lambda: f"ORD-{y}-{d(rng, 5)}",
        "CDE": lambda: f"CDE{yyyy}{d(rng, 5)}",
        "MKP": lambda: f"MKP-{nz(rng, 8)}",
        "BX_": lambda: f"{rng.choice('ABCDE')} {d(rng, 1)}{nz(rng, 4)}",
        "N6": lambda: f"0{nz(rng, 5)}",
        "N4": lambda: nz(rng, 4),
        "YY-": lambda: f"{y}-{d(rng, 4)}",
    }
    return table[code]()


# --- distractors -----------------------------------------------------------------------------

ITEMS = [
    ("VNB-DN50-PN16", "Vanne à boisseau sphérique DN50 PN16 inox 316", 186.40),
    ("CLP-3V-25", "Clapet anti-retour à battant DN25 laiton", 42.15),
    ("JNT-EPDM-80", "Joint plat EPDM DN80 (lot de 10)", 18.90),
    ("PMP-CEN-1.5", "Pompe centrifuge monobloc 1,5 kW 230/400 V", 1240.00),
    ("MAN-063-10B", "Manomètre à bain de glycérine D63 0-10 bar", 27.60),
    ("FLX-INOX-1M", "Flexible inox tressé 1/2 pouce longueur 1 m", 34.80),
    ("RAC-UNI-20", "Raccord union laiton 20/27 (lot de 5)", 23.45),
    ("GNT-NIT-L", "Gants nitrile taille L, boîte de 100", 9.80),
    ("LNT-SEC-EN166", "Lunettes de sécurité EN166 incolores", 6.35),
    ("BCH-BORO-500", "Bécher borosilicaté forme basse 500 ml (lot de 6)", 31.20),
    ("PIP-PAS-230", "Pipettes Pasteur verre 230 mm, boîte de 250", 24.50),
    ("FLT-CART-10", "Cartouche filtrante 10 pouces 5 microns PP", 12.75),
    ("DTR-SOL-5L", "Détergent industriel dégraissant bidon 5 L", 21.90),
    ("COL-SER-40", "Collier de serrage inox W4 32-50 mm (lot de 10)", 15.40),
    ("SND-PT100-6", "Sonde PT100 classe A, gaine D6 x 100 mm", 68.00),
    ("RLT-BIL-6205", "Roulement à billes 6205-2RS", 11.30),
    ("CRR-TRP-A42", "Courroie trapézoïdale A42 (13 x 1067 mm)", 9.95),
    ("TUB-PVC-32", "Tube PVC pression D32 PN16, barre de 4 m", 14.20),
    ("ELV-VAN-24V", "Électrovanne 2/2 NF 24 V DC 1/2 pouce", 96.50),
    ("ABS-UNI-100", "Absorbant universel en feuilles (colis de 100)", 58.00),
]


def pick_items(rng: random.Random, n: int) -> list[tuple[str, str, int, float]]:
    chosen = rng.sample(ITEMS, n)
    return [
        (ref, lab, rng.choice([1, 1, 2, 3, 4, 5, 6, 10, 12, 20]), pu) for ref, lab, pu in chosen
    ]


def money(x: float) -> str:
    s = f"{x:,.2f}"
    return s.replace(",", " ").replace(".", ",")


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


@dataclass
class Day:
    y: int
    m: int
    d: int

    def fr(self) -> str:
        return f"{self.d:02d}/{self.m:02d}/{self.y}"

    def short(self) -> str:
        return f"{self.d:02d}/{self.m:02d}/{self.y % 100:02d}"

    def long(self) -> str:
        return f"{self.d} {MONTHS[self.m - 1]} {self.y}"

    def iso(self) -> str:
        return f"{self.y}-{self.m:02d}-{self.d:02d}"

    def edi(self) -> str:
        return f"{self.y}{self.m:02d}{self.d:02d}"

    def plus(self, days: int) -> Day:
        t = _dt.date(self.y, self.m, self.d) + _dt.timedelta(days=days)
        return Day(t.year, t.month, t.day)


def some_day(rng: random.Random) -> Day:
    m = rng.choice([9, 10, 10, 11, 11])
    return Day(2026, m, rng.randrange(1, 29))


def quote_no(rng: random.Random) -> str:
    """Our quote number (BRÉVANNE's): a distractor everywhere."""
    return rng.choice(
        [
            f"DV26-{nz(rng, 4)}",
            f"OF-26{d(rng, 2)}-{d(rng, 3)}",
            f"BT-DEV-{nz(rng, 5)}",
            f"D{rng.randrange(2025, 2027)}{d(rng, 4)}",
        ]
    )


def our_client_code(rng: random.Random) -> str:
    return rng.choice(
        [f"C{nz(rng, 5)}", f"411{rng.choice(LETTERS)}{d(rng, 4)}", f"CLI-{d(rng, 5)}"]
    )


def supplier_code(rng: random.Random) -> str:
    """Our code in the customer's books."""
    return rng.choice([f"00001{d(rng, 5)}", f"F{nz(rng, 5)}", f"FRN{d(rng, 5)}", f"T{d(rng, 6)}"])


@dataclass
class Doc:
    """One document of the plan: what is printed on it and what is labelled."""

    family: str
    idx: int
    label: str  # the clerk's number ('' for negatives)
    printed: str  # as printed (with any suffix)
    cust: Party
    ids: Ids
    day: Day
    quote: str  # our quote number, a distractor
    quoted: str = ""  # negatives: the customer's order number they quote
    landscape: bool = False
    extra: dict[str, str] = field(default_factory=dict)
