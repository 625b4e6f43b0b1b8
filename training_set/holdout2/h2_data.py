"""Invented parties, places, people and our catalogue for holdout2.

Our company (the supplier, addressee of every order) is NORMAPRO DISTRIBUTION SAS, an
industrial-supplies distributor near Rouen: gloves and PPE, lab consumables, fittings, tools,
lubricants, cleaning products. That is why garages, pharmacies, labs, town halls and factories
all order from it.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field

from h2_ids import (
    compact,
    fmt_siren,
    fmt_siret,
    fmt_vat,
    foreign_vat,
    fr_vat,
    new_siren,
    new_siret,
    siret_typo,
    vat_typo,
)

OWN_SIREN = "834517260"
OWN_SIRET = "83451726000032"
OWN_VAT = "FR28834517260"


@dataclass
class Party:
    name: str
    street: str
    postcode: str
    city: str
    country: str = "France"
    street2: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    web: str = ""
    siren: str = ""
    siret: str = ""
    vat: str = ""
    # what the document prints (None: not printed); typos are printed but not labelled
    vat_txt: str | None = None
    siret_txt: str | None = None
    siren_txt: str | None = None
    vat_label: str = ""
    siret_label: str = ""
    ape: str = ""
    capital: str = ""
    rcs: str = ""
    iban: str = ""
    bic: str = ""
    contact: str = ""
    contact_mail: str = ""
    extra: dict = field(default_factory=dict)

    def addr_lines(self) -> list[str]:
        lines = [self.name, self.street]
        if self.street2:
            lines.append(self.street2)
        lines.append(f"{self.postcode} {self.city}")
        if self.country and self.country != "France":
            lines.append(self.country.upper())
        return lines


OWN = Party(
    name="NORMAPRO DISTRIBUTION SAS",
    street="Parc d'activités du Madrillet",
    street2="27 avenue Franklin",
    postcode="76800",
    city="Saint-Étienne-du-Rouvray",
    phone="02 35 66 40 12",
    fax="02 35 66 40 19",
    email="commandes@normapro-distribution.fr",
    web="www.normapro-distribution.fr",
    siren=OWN_SIREN,
    siret=OWN_SIRET,
    vat=OWN_VAT,
    ape="4669B",
    capital="480 000 €",
    rcs="RCS Rouen 834 517 260",
    iban="FR76 1820 6000 4165 0987 3412 296",
    bic="AGRIFRPP882",
)


def own_siret_txt(rng: random.Random) -> str:
    return fmt_siret(rng, OWN_SIRET)


def own_vat_txt(rng: random.Random) -> str:
    return fmt_vat(rng, OWN_VAT)


# (postcode, city, phone area)
CITIES = [
    ("75011", "Paris", "01"),
    ("92300", "Levallois-Perret", "01"),
    ("93200", "Saint-Denis", "01"),
    ("77100", "Meaux", "01"),
    ("78190", "Trappes", "01"),
    ("95100", "Argenteuil", "01"),
    ("76600", "Le Havre", "02"),
    ("14000", "Caen", "02"),
    ("27000", "Évreux", "02"),
    ("35000", "Rennes", "02"),
    ("44300", "Nantes", "02"),
    ("49100", "Angers", "02"),
    ("72000", "Le Mans", "02"),
    ("37100", "Tours", "02"),
    ("45000", "Orléans", "02"),
    ("50100", "Cherbourg-en-Cotentin", "02"),
    ("80000", "Amiens", "03"),
    ("59000", "Lille", "03"),
    ("62300", "Lens", "03"),
    ("51100", "Reims", "03"),
    ("57000", "Metz", "03"),
    ("67200", "Strasbourg", "03"),
    ("21000", "Dijon", "03"),
    ("60200", "Compiègne", "03"),
    ("69007", "Lyon", "04"),
    ("42000", "Saint-Étienne", "04"),
    ("13010", "Marseille", "04"),
    ("06200", "Nice", "04"),
    ("34000", "Montpellier", "04"),
    ("26000", "Valence", "04"),
    ("73000", "Chambéry", "04"),
    ("33300", "Bordeaux", "05"),
    ("31200", "Toulouse", "05"),
    ("64100", "Bayonne", "05"),
    ("87000", "Limoges", "05"),
    ("86000", "Poitiers", "05"),
    ("17000", "La Rochelle", "05"),
]

STREETS = [
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Pasteur",
    "boulevard de l'Industrie",
    "rue des Artisans",
    "chemin des Forges",
    "rue Gustave Eiffel",
    "allée des Érables",
    "avenue de la Libération",
    "rue du Général Leclerc",
    "impasse des Tisserands",
    "rue Denis Papin",
    "route de Paris",
    "rue des Frères Lumière",
    "quai de la Seine",
    "rue Ampère",
    "avenue du Maréchal Foch",
    "rue de l'Ancienne Gare",
]
ZONES = ["ZI Nord", "ZA des Champs", "ZAC du Moulin", "Parc Technologique", "ZI de la Plaine", ""]

FIRST = [
    "Sophie",
    "Nathalie",
    "Isabelle",
    "Céline",
    "Julie",
    "Camille",
    "Aurélie",
    "Sandrine",
    "Valérie",
    "Émilie",
    "Laurent",
    "Thierry",
    "Stéphane",
    "Olivier",
    "Nicolas",
    "Julien",
    "Franck",
    "Sébastien",
    "Mathieu",
    "Christophe",
    "Karim",
    "Yannick",
    "Hélène",
    "Manon",
    "Bruno",
    "Patrice",
    "Agnès",
    "Maëlle",
    "Rémi",
    "Gaëlle",
]
LAST = [
    "Martin",
    "Bernard",
    "Lefèvre",
    "Moreau",
    "Girard",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Leroy",
    "Garnier",
    "Chevalier",
    "Faure",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Lemoine",
    "Perrin",
    "Marchand",
    "Duval",
    "Renaud",
    "Benali",
    "Caron",
    "Hamon",
    "Le Gall",
    "Picard",
    "Barbier",
    "Aubert",
]

# our catalogue: (our ref, designation, unit, unit price HT)
CATALOGUE = [
    ("NP-104587", "Gants nitrile bleu non poudrés T8 (boîte 100)", "BTE", 6.90),
    ("NP-104588", "Gants nitrile bleu non poudrés T9 (boîte 100)", "BTE", 6.90),
    ("NP-110230", "Gants anti-coupure niveau D, taille 9", "PR", 8.45),
    ("NP-120015", "Lunettes de protection incolores EN166", "U", 4.20),
    ("NP-120311", "Bouchons d'oreille mousse (boîte 200 paires)", "BTE", 38.50),
    ("NP-131207", "Blouse coton/polyester blanche T3", "U", 21.30),
    ("NP-140066", "Essuie-mains ouate 2 plis (colis 6 rouleaux)", "COL", 42.80),
    ("NP-140071", "Chiffons d'essuyage coton blanc (sac 10 kg)", "SAC", 31.00),
    ("NP-150402", "Dégraissant biodégradable 5 L", "BID", 24.90),
    ("NP-150455", "Lubrifiant multifonction aérosol 400 ml", "U", 5.75),
    ("NP-160118", 'Raccord rapide laiton DN 8 mâle 1/4"', "U", 3.95),
    ("NP-160127", 'Coupleur pneumatique DN 7,4 femelle 3/8"', "U", 7.60),
    ("NP-160209", "Tuyau polyuréthane 8x6 bleu (couronne 25 m)", "CR", 29.40),
    ("NP-170044", "Collier de serrage inox 12-22 mm (sachet 50)", "SAC", 14.20),
    ("NP-170388", "Vis CHC M8x25 classe 8.8 zinguée (boîte 200)", "BTE", 12.60),
    ("NP-180020", "Flacon laveur PE 500 ml col large", "U", 3.10),
    ("NP-180145", "Pipettes Pasteur plastique 3 ml (sachet 500)", "SAC", 18.40),
    ("NP-180233", "Tubes à centrifuger 50 ml fond conique (x 500)", "CAR", 96.00),
    ("NP-180410", "Portoir 40 tubes Ø 16 mm polypropylène", "U", 11.25),
    ("NP-190002", "Solution hydroalcoolique 1 L pompe", "U", 7.40),
    ("NP-190017", "Lingettes désinfectantes sans alcool (boîte 100)", "BTE", 9.80),
    ("NP-200310", "Foret HSS cobalt Ø 6,5 mm (étui 10)", "ETU", 19.90),
    ("NP-200455", "Disque à tronçonner inox 125x1 mm (boîte 25)", "BTE", 27.50),
    ("NP-210012", "Ruban adhésif toilé gris 50 mm x 50 m", "RLX", 6.35),
    ("NP-210093", "Film étirable manuel 17 µ 450 mm", "RLX", 11.90),
    ("NP-220118", "Absorbant universel en feuilles (x 100)", "PAQ", 64.00),
    ("NP-230001", "Sacs poubelle 110 L renforcés (x 200)", "CAR", 34.60),
    ("NP-240506", "Filtre à huile HF-240 (équiv. W712/75)", "U", 6.80),
    ("NP-240611", "Liquide de refroidissement -35 °C 5 L", "BID", 17.95),
    ("NP-240788", "Nettoyant freins aérosol 600 ml", "U", 4.60),
    ("NP-250030", "Masque FFP2 sans soupape (boîte 20)", "BTE", 12.00),
    ("NP-250044", "Combinaison jetable type 5/6 T.XL", "U", 6.20),
    ("NP-260102", "Balai trapèze 60 cm + manche", "U", 15.40),
    ("NP-260215", "Savon microbilles atelier 4 L", "BID", 19.70),
]


def money(x: float, symbol: str = " €") -> str:
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s + symbol


def money_en(x: float, symbol: str = "€ ") -> str:
    return f"{symbol}{x:,.2f}"


def person(rng: random.Random) -> tuple[str, str]:
    f, last = rng.choice(FIRST), rng.choice(LAST)
    return f, last


def phone(rng: random.Random, area: str) -> str:
    digits = [area] + [f"{rng.randint(10, 99)}" for _ in range(4)]
    style = rng.random()
    if style < 0.6:
        return " ".join(digits)
    if style < 0.8:
        return ".".join(digits)
    return "+33 " + area[1] + " " + " ".join(digits[1:])


def slug(name: str) -> str:
    out = []
    for ch in name.lower():
        ch = {"é": "e", "è": "e", "ê": "e", "à": "a", "ç": "c", "ô": "o", "î": "i", "ë": "e"}.get(
            ch, ch
        )
        if ch in string.ascii_lowercase + string.digits:
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")[:22]


def fr_iban(rng: random.Random) -> str:
    bank = f"{rng.choice([30004, 30003, 10907, 11306, 18206, 16606, 30002, 14445]):05d}"
    branch = f"{rng.randint(100, 9999):05d}"
    account = "".join(rng.choice(string.digits) for _ in range(11))
    key = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)
    bban = f"{bank}{branch}{account}{key:02d}"
    num = int(bban + "152700")  # F=15 R=27 00
    check = 98 - num % 97
    iban = f"FR{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def make_fr_party(
    rng: random.Random,
    name: str,
    *,
    p_vat: float = 0.75,
    p_siret: float = 0.65,
    p_typo: float = 0.08,
    siren_first: str | None = None,
    ape: str = "",
    city: tuple[str, str, str] | None = None,
) -> Party:
    postcode, town, area = city or rng.choice(CITIES)
    siren = new_siren(rng, siren_first)
    siret = new_siret(rng, siren)
    vat = fr_vat(siren)
    zone = rng.choice(ZONES)
    p = Party(
        name=name,
        street=f"{rng.randint(1, 148)} {rng.choice(STREETS)}",
        street2=zone,
        postcode=postcode,
        city=town,
        phone=phone(rng, area),
        fax=phone(rng, area) if rng.random() < 0.45 else "",
        siren=siren,
        siret=siret,
        vat=vat,
        ape=ape,
        capital=f"{rng.choice([7500, 10000, 37000, 50000, 150000, 240000, 1200000]):,} €".replace(
            ",", " "
        ),
        rcs=f"RCS {town.split('-')[0].split(' ')[0]} {fmt_siren(siren)}",
        iban=fr_iban(rng),
    )
    dom = slug(name.split(" SAS")[0].split(" SARL")[0]) + rng.choice([".fr", ".com", ".fr"])
    p.web = "www." + dom
    first, last = person(rng)
    p.contact = f"{first} {last}"
    p.contact_mail = f"{slug(first)}.{slug(last)}@{dom}"
    p.email = rng.choice(["achats", "compta", "contact", "commandes", "appro"]) + "@" + dom
    if rng.random() < p_vat:
        if rng.random() < p_typo:
            p.vat_txt = fmt_vat(rng, vat_typo(rng, vat))
        else:
            p.vat_txt = fmt_vat(rng, vat)
            p.vat_label = vat
    if rng.random() < p_siret:
        if rng.random() < p_typo:
            p.siret_txt = fmt_siret(rng, siret_typo(rng, siret))
        else:
            p.siret_txt = fmt_siret(rng, siret)
            p.siret_label = siret
    p.siren_txt = fmt_siren(siren)
    return p


def force_typo(rng: random.Random, p: Party, which: str) -> None:
    """Print the identifier with a one-digit typo: then it is not labelled."""
    if which == "vat":
        p.vat_txt = fmt_vat(rng, vat_typo(rng, p.vat))
        p.vat_label = ""
    else:
        p.siret_txt = fmt_siret(rng, siret_typo(rng, p.siret))
        p.siret_label = ""


def make_foreign_party(rng: random.Random, name: str, country: str) -> Party:
    vat = foreign_vat(rng, country)
    places = {
        "DE": [
            ("70565", "Stuttgart"),
            ("90441", "Nürnberg"),
            ("50829", "Köln"),
            ("04229", "Leipzig"),
        ],
        "ES": [("08940", "Cornellà de Llobregat"), ("28823", "Coslada"), ("46980", "Paterna")],
        "IT": [("20090", "Segrate (MI)"), ("10156", "Torino"), ("40132", "Bologna")],
        "BE": [("1070", "Anderlecht"), ("4000", "Liège"), ("9000", "Gent")],
        "NL": [("3542 AD", "Utrecht"), ("5651 GH", "Eindhoven")],
    }[country]
    streets = {
        "DE": ["Industriestraße", "Hauptstraße", "Robert-Bosch-Str.", "Gewerbepark"],
        "ES": ["Carrer de la Indústria", "Calle de la Ciencia", "Polígono Industrial Norte, Nave"],
        "IT": ["Via dell'Industria", "Via Roma", "Strada del Drosso"],
        "BE": ["Rue de l'Industrie", "Industrieweg", "Boulevard Industriel"],
        "NL": ["Industrieweg", "Kanaalweg"],
    }[country]
    country_name = {
        "DE": "Deutschland",
        "ES": "España",
        "IT": "Italia",
        "BE": "Belgique",
        "NL": "Nederland",
    }[country]
    pc, town = rng.choice(places)
    p = Party(
        name=name,
        street=f"{rng.choice(streets)} {rng.randint(2, 120)}",
        postcode=pc,
        city=town,
        country=country_name,
        vat=vat,
    )
    p.vat_txt = fmt_vat(rng, vat)
    p.vat_label = vat
    p.phone = {
        "DE": f"+49 {rng.randint(30, 911)} {rng.randint(100000, 9999999)}",
        "ES": f"+34 93 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "IT": f"+39 02 {rng.randint(1000000, 9999999)}",
        "BE": f"+32 2 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "NL": f"+31 30 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
    }[country]
    dom = slug(name.split(" GmbH")[0].split(" S.")[0]) + "." + country.lower()
    p.web = "www." + dom
    p.email = "purchasing@" + dom
    return p


def pick_lines(
    rng: random.Random, n: int, pool: list | None = None
) -> list[tuple[str, str, str, int, float]]:
    """n order lines: (our ref, designation, unit, qty, unit price)."""
    items = rng.sample(pool or CATALOGUE, n)
    out = []
    for ref, des, unit, price in items:
        qty = rng.choice([1, 2, 2, 3, 4, 5, 6, 10, 10, 12, 20, 24, 25, 50])
        out.append((ref, des, unit, qty, price))
    return out


def totals(lines, vat_rate: float = 0.20) -> tuple[float, float, float]:
    ht = round(sum(q * p for _, _, _, q, p in lines), 2)
    tva = round(ht * vat_rate, 2)
    return ht, tva, round(ht + tva, 2)


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


def a_date(rng: random.Random) -> tuple[int, int, int]:
    y = rng.choice([2025, 2025, 2026, 2026, 2026])
    m = rng.randint(1, 10) if y == 2026 else rng.randint(1, 12)
    d = rng.randint(1, 28)
    return y, m, d


def d_fr(t: tuple[int, int, int]) -> str:
    return f"{t[2]:02d}/{t[1]:02d}/{t[0]}"


def d_long(t: tuple[int, int, int]) -> str:
    day = "1er" if t[2] == 1 else str(t[2])
    return f"{day} {MONTHS[t[1] - 1]} {t[0]}"


def d_de(t: tuple[int, int, int]) -> str:
    return f"{t[2]:02d}.{t[1]:02d}.{t[0]}"


def d_iso(t: tuple[int, int, int]) -> str:
    return f"{t[0]}-{t[1]:02d}-{t[2]:02d}"


def later(t: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    y, m, d = t
    d += days
    while d > 28:
        d -= 28
        m += 1
        if m > 12:
            m, y = 1, y + 1
    return y, m, d


def earlier(t: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    y, m, d = t
    if d > days:
        return y, m, d - days
    m -= 1
    if m == 0:
        m, y = 12, y - 1
    return y, m, 28 + d - days if 28 + d - days >= 1 else 1


def our_quote(rng: random.Random, t: tuple[int, int, int]) -> str:
    """One of OUR quote numbers (a distractor on customers' orders)."""
    return rng.choice(
        [
            f"DV{t[0] % 100}{t[1]:02d}-{rng.randint(1, 999):03d}",
            f"D{t[0] % 100}-{rng.randint(100, 4999):04d}",
            f"DEV-{t[0]}-{rng.randint(100, 2999)}",
        ]
    )


def our_customer_code(rng: random.Random) -> str:
    return rng.choice(
        [
            f"411{rng.choice('ABCDGLMRS')}{rng.randint(100, 9999):04d}",
            f"C{rng.randint(10000, 99999)}",
        ]
    )


def vendor_code(rng: random.Random) -> str:
    """Our code in the customer's books."""
    return rng.choice(
        [
            f"F{rng.randint(1000, 99999):05d}",
            f"401NORM{rng.randint(1, 99):02d}",
            f"{rng.randint(100000, 799999)}",
            "NORMAPRO",
        ]
    )


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def compact_id(s: str) -> str:
    return compact(s)
