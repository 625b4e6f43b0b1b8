"""Customers, people, places and the one supplier (us) that appear on the documents.

All names are invented. The supplier is fixed: "ACME Fournitures SAS" issues the quotes,
invoices and delivery notes, and its identifiers appear on many orders (in the "Fournisseur"
block), which is exactly why the labels only ever hold the customer's identifiers.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from . import ids

CITIES = [
    ("69007", "Lyon"),
    ("75013", "Paris"),
    ("31400", "Toulouse"),
    ("38000", "Grenoble"),
    ("13005", "Marseille"),
    ("33800", "Bordeaux"),
    ("59000", "Lille"),
    ("44300", "Nantes"),
    ("67000", "Strasbourg"),
    ("34090", "Montpellier"),
    ("35000", "Rennes"),
    ("21000", "Dijon"),
    ("63000", "Clermont-Ferrand"),
    ("54500", "Vandœuvre-lès-Nancy"),
    ("91190", "Gif-sur-Yvette"),
    ("06560", "Valbonne"),
    ("76130", "Mont-Saint-Aignan"),
    ("86000", "Poitiers"),
    ("14000", "Caen"),
    ("25000", "Besançon"),
    ("42100", "Saint-Étienne"),
    ("80000", "Amiens"),
]
STREETS = [
    "rue de la République",
    "avenue Jean Jaurès",
    "boulevard Pasteur",
    "rue des Tanneurs",
    "allée des Peupliers",
    "rue du Général Leclerc",
    "chemin de la Croix Rousse",
    "avenue de la Libération",
    "rue Ampère",
    "quai Claude Bernard",
    "rue Pierre et Marie Curie",
    "ZI des Glaisins, rue du Pré Paillard",
    "impasse des Lilas",
    "route de Narbonne",
]
FIRST = [
    "Jean",
    "Marie",
    "Sophie",
    "Luc",
    "Nathalie",
    "Pierre",
    "Isabelle",
    "Karim",
    "Julie",
    "Thomas",
    "Élodie",
    "François",
    "Camille",
    "Mehdi",
    "Anne",
    "Olivier",
    "Hélène",
    "Yann",
]
LAST = [
    "Martin",
    "Bernard",
    "Dubois",
    "Durand",
    "Lefèvre",
    "Moreau",
    "Garnier",
    "Roux",
    "Fontaine",
    "Chevalier",
    "Benali",
    "Perrin",
    "Morel",
    "Girard",
    "Lambert",
    "Bonnet",
]
COMPANIES = [
    "Société Bretonne de Mécanique",
    "Transports Girard & Fils",
    "Plasturgie du Jura SARL",
    "Atelier Lumière SAS",
    "Brasserie des Monts",
    "Électricité Générale Morel",
    "Menuiserie Perrin",
    "Clinique Vétérinaire des Alpes",
    "Laboratoires Hélios SA",
    "Groupe Alpha Industrie",
    "Garage du Centre",
    "Imprimerie Nouvelle Lambert",
    "Pharmacie de la Gare",
    "Bureau d'études Vectra",
    "Hôtel Le Grand Cerf",
]
PUBLIC = [
    "Mairie de Villeneuve-sur-Lot",
    "Université Claude Bernard Lyon 1",
    "Centre Hospitalier de Valence",
    "Conseil départemental de l'Isère",
    "Lycée Marie Curie",
    "Université de Poitiers",
    "Métropole de Grenoble",
    "Commune de Saint-Priest",
    "Institut national de recherche INRAE Centre",
]
CNRS_LABS = [
    ("Institut de Chimie Moléculaire", "UMR 7590"),
    ("Laboratoire de Physique des Solides", "UMR 8502"),
    ("Laboratoire d'Informatique de Paris 6", "UMR 7606"),
    ("Institut Néel", "UPR 2940"),
    ("Centre de Recherche en Neurosciences", "UMR 5292"),
    ("Laboratoire Chrono-environnement", "UMR 6249"),
]
ENGLISH = [
    "Northwind Components Ltd",
    "Bluewater Instruments Inc.",
    "Harbor Analytics GmbH",
    "Kestrel Engineering Ltd",
    "Oakridge Medical Supplies",
    "Vantage Robotics B.V.",
]


@dataclass(frozen=True)
class Party:
    """A customer (or the supplier). ``vat``/``siret`` are as printed; ``*_ok`` say if valid."""

    name: str
    street: str
    postcode: str
    city: str
    siren: str
    siret: str
    vat: str
    siret_ok: bool
    vat_ok: bool
    phone: str
    email: str
    contact: str
    sector: str  # company | public | cnrs | small | english


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _domain(name: str) -> str:
    keep = "".join(c for c in name.lower() if c.isalnum() or c == " ").split()
    ascii_words = [_ascii(w) for w in keep if len(w) > 2]
    return ("-".join(ascii_words[:2]) or "client") + rng_tld(name)


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def rng_tld(name: str) -> str:
    return ".com" if name in ENGLISH else ".fr"


def customer(rng: random.Random, sector: str) -> Party:
    """A customer of the given sector; about one in twelve has a mistyped SIRET or VAT."""
    if sector == "public":
        name = rng.choice(PUBLIC)
    elif sector == "cnrs":
        lab, umr = rng.choice(CNRS_LABS)
        name = f"CNRS – {lab} ({umr})"
    elif sector == "english":
        name = rng.choice(ENGLISH)
    elif sector == "small":
        name = f"{rng.choice(['Boulangerie', 'Cabinet', 'Atelier', 'Garage', 'Ferme'])} {rng.choice(LAST)}"
    else:
        name = rng.choice(COMPANIES)
    sn = "180089013" if sector == "cnrs" else ids.siren(rng)  # the CNRS's real SIREN
    st = ids.siret(sn, rng)
    tv = ids.vat(sn)
    siret_ok = vat_ok = True
    spoil = rng.random()
    if spoil < 0.05:
        st, siret_ok = ids.spoil(st, rng), False
    elif spoil < 0.09:
        tv, vat_ok = ids.spoil(tv, rng), False
    postcode, city = rng.choice(CITIES)
    contact = person(rng)
    first, last = contact.lower().split(" ", 1)
    login = _ascii(f"{first[0]}.{last}").replace(" ", "")
    return Party(
        name=name,
        street=f"{rng.randint(1, 180)} {rng.choice(STREETS)}",
        postcode=postcode,
        city=city,
        siren=sn,
        siret=st,
        vat=tv,
        siret_ok=siret_ok,
        vat_ok=vat_ok,
        phone=ids.phone(rng),
        email=f"{login}@{_domain(name)}",
        contact=contact,
        sector=sector,
    )


SUPPLIER = Party(
    name="ACME Fournitures SAS",
    street="12 rue des Artisans",
    postcode="38100",
    city="Grenoble",
    siren="512345679",
    siret="51234567900025",
    vat=ids.vat("512345679"),
    siret_ok=True,
    vat_ok=True,
    phone="04 76 12 34 56",
    email="commandes@acme-fournitures.fr",
    contact="Service commandes",
    sector="company",
)
SUPPLIER_IBAN = "FR76 3000 4015 9600 0101 2345 612"
SUPPLIER_BIC = "BNPAFRPPXXX"

PRODUCTS = [
    ("Ramette papier A4 80 g (carton de 5)", 21.90),
    ("Cartouche toner noir HP 305A", 68.50),
    ("Gants nitrile taille M (boîte de 100)", 7.20),
    ("Pipettes graduées 10 ml (x50)", 18.40),
    ("Câble RJ45 cat. 6 – 5 m", 4.95),
    ("Vis inox A2 M6x20 (sachet de 200)", 12.30),
    ("Chaise de bureau ergonomique", 189.00),
    ("Classeur à levier dos 80 mm", 3.15),
    ('Écran 27" IPS', 249.00),
    ("Flacon éthanol 96 % 1 L", 9.80),
    ("Disque SSD 1 To", 79.90),
    ("Blouse de laboratoire coton", 24.50),
    ("Lampe LED de bureau", 35.00),
    ("Tournevis cruciforme PH2", 5.60),
    ("Étiquettes adhésives 70x37 (x2400)", 15.75),
    ("Agrafeuse de bureau", 11.20),
    ("Casque de protection EN 397", 16.90),
    ("Bobine fil PLA 1,75 mm", 22.00),
    ("Ruban adhésif toilé 50 mm", 6.40),
]


def product_code(rng: random.Random) -> str:
    return f"{rng.choice(['ART', 'REF', 'P', 'AC'])}{rng.randint(1000, 99999)}"
