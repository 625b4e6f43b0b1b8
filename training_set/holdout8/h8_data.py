"""Holdout8 data: our company, customers, identifiers, number drawing, articles.

Imports nothing from the repository. SIREN/SIRET by Luhn, VAT key (12 + 3 x (SIREN mod 97)) mod 97.
"""

from __future__ import annotations

import random

SEED = "20261207h"


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def make_siren(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(30000000, 99999999))
        for last in range(10):
            s = body + str(last)
            if luhn_ok(s) and s[0] != "0":
                return s


def make_siret(rng: random.Random, siren: str) -> str:
    while True:
        nic = f"{rng.randint(1, 999):04d}"
        for last in range(10):
            s = siren + nic + str(last)
            if luhn_ok(s):
                return s


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def typo(rng: random.Random, ident: str, valid) -> str:
    """One digit changed (a digit position of the numeric part), checked invalid."""
    start = 2 if ident.startswith("FR") else 0
    while True:
        i = rng.randrange(start, len(ident))
        d = str((int(ident[i]) + rng.randint(1, 9)) % 10)
        bad = ident[:i] + d + ident[i + 1 :]
        if not valid(bad):
            return bad


def fmt_vat(rng: random.Random, vat: str) -> str:
    s = vat[4:]
    return rng.choice(
        [
            vat,
            f"{vat[:2]} {vat[2:4]} {s}",
            f"{vat[:2]} {vat[2:4]} {s[:3]} {s[3:6]} {s[6:]}",
            f"{vat[:4]} {s[:3]} {s[3:6]} {s[6:]}",
            f"{vat[:2]}{vat[2:4]} {s}",
        ]
    )


def fmt_siret(rng: random.Random, siret: str) -> str:
    return rng.choice(
        [
            siret,
            f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}",
            f"{siret[:9]} {siret[9:]}",
            f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:12]} {siret[12:]}",
        ]
    )


def iban_fr(rng: random.Random) -> tuple[str, str]:
    bank = f"{rng.randint(10000, 30099):05d}"
    guichet = f"{rng.randint(1, 99999):05d}"
    compte = f"{rng.randint(0, 10**11 - 1):011d}"
    key = 97 - ((89 * int(bank) + 15 * int(guichet) + 3 * int(compte)) % 97)
    bban = f"{bank}{guichet}{compte}{key:02d}"
    num = int(bban + "152700")
    check = 98 - num % 97
    iban = f"FR{check:02d}{bban}"
    return iban, " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


# --- our company (the receiving supplier): never the customer ----------------------
OWN_RNG = random.Random(SEED + ":own")
OWN_SIREN = make_siren(OWN_RNG)
OWN_SIRET = make_siret(OWN_RNG, OWN_SIREN)
OWN_VAT = vat_of(OWN_SIREN)
OWN_IBAN, OWN_IBAN_FMT = iban_fr(OWN_RNG)
OWN = {
    "name": "TRAMONTANE ÉQUIPEMENTS INDUSTRIELS SAS",
    "short": "Tramontane Équipements",
    "street": "14 rue des Frères Lumière, ZA du Mas de Grille",
    "zip": "34430",
    "city": "Saint-Jean-de-Védas",
    "phone": "04 67 27 81 40",
    "fax": "04 67 27 81 49",
    "mail": "commandes@tramontane-equipements.fr",
    "web": "www.tramontane-equipements.fr",
    "siren": OWN_SIREN,
    "siret": OWN_SIRET,
    "vat": OWN_VAT,
    "rcs": f"RCS Montpellier {OWN_SIREN[:3]} {OWN_SIREN[3:6]} {OWN_SIREN[6:]}",
    "capital": "capital de 480 000 €",
    "ape": "APE 4669B",
    "iban": OWN_IBAN_FMT,
    "bic": "CCBPFRPPMTP",
}

CITIES = [
    ("69007", "Lyon"), ("31100", "Toulouse"), ("13015", "Marseille"), ("33700", "Mérignac"),
    ("44300", "Nantes"), ("67100", "Strasbourg"), ("59000", "Lille"), ("38100", "Grenoble"),
    ("76600", "Le Havre"), ("21000", "Dijon"), ("63000", "Clermont-Ferrand"), ("35000", "Rennes"),
    ("25000", "Besançon"), ("87000", "Limoges"), ("30900", "Nîmes"), ("64100", "Bayonne"),
    ("51100", "Reims"), ("37000", "Tours"), ("80000", "Amiens"), ("66000", "Perpignan"),
    ("42000", "Saint-Étienne"), ("86000", "Poitiers"), ("57000", "Metz"), ("26000", "Valence"),
    ("72000", "Le Mans"), ("45000", "Orléans"), ("11100", "Narbonne"), ("84000", "Avignon"),
]
STREETS = [
    "rue de l'Industrie", "avenue Jean Jaurès", "boulevard de la Liberté", "rue Ampère",
    "chemin des Vignes", "ZI des Pradeaux, rue Denis Papin", "allée des Érables",
    "rue du Général Leclerc", "avenue de la Gare", "Parc d'activités du Moulin, bât. C",
    "rue Gustave Eiffel", "impasse des Tilleuls", "route de Paris", "quai des Chartrons",
]
FIRST = ["Sophie", "Marc", "Nathalie", "Julien", "Isabelle", "Thierry", "Claire", "Olivier",
         "Sandrine", "Pascal", "Émilie", "Laurent", "Céline", "Hervé", "Aurélie", "Franck",
         "Valérie", "Stéphane", "Karine", "Damien"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent"]

ARTICLES = [
    ("TEI-VB-3210", "Vanne à boisseau sphérique DN25 PN40 inox 316", 48.60),
    ("TEI-VB-3240", "Vanne à boisseau sphérique DN50 PN16 laiton", 71.20),
    ("TEI-CL-1105", "Clapet anti-retour à battant DN40 fonte", 63.90),
    ("TEI-MA-0420", "Manomètre glycériné Ø63 0-16 bar raccord 1/4\"", 14.75),
    ("TEI-RA-7781", "Raccord union 3 pièces F/F 1\" inox", 9.80),
    ("TEI-FL-2250", "Filtre à tamis Y DN32 bronze", 37.40),
    ("TEI-PO-5010", "Pompe de relevage 0,55 kW 230 V", 312.00),
    ("TEI-JT-0099", "Joint plat EPDM DN50 (sachet de 10)", 6.20),
    ("TEI-TU-4401", "Tube inox 304L 33,7 x 2 mm (barre 6 m)", 58.30),
    ("TEI-EL-0715", "Électrovanne 2/2 NF 1/2\" 24 V DC", 86.50),
    ("TEI-DE-1300", "Débitmètre à flotteur 2-20 l/min", 129.00),
    ("TEI-CO-2020", "Collier de serrage à vis 40-60 mm (boîte de 50)", 22.10),
    ("TEI-RG-6603", "Régulateur de pression aval 1\" 0,5-6 bar", 154.80),
    ("TEI-PR-1812", "Pressostat réglable 1-10 bar IP65", 44.90),
    ("TEI-SO-3306", "Soupape de sûreté 1/2\" tarée 6 bar", 39.50),
    ("TEI-TH-0450", "Thermomètre bimétallique Ø100 0-120 °C", 27.60),
    ("TEI-BR-8800", "Bride plate à souder DN80 PN16 acier", 18.40),
    ("TEI-AC-0301", "Actionneur pneumatique double effet taille 3", 268.00),
]


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def expand(rng: random.Random, template: str) -> str:
    """'{6}' -> 6 random digits; '{6n}' -> 6 digits, first non-zero."""
    out, i = "", 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            spec = template[i + 1 : j]
            nz = spec.endswith("n")
            n = int(spec.rstrip("n"))
            d = digits(rng, n)
            if nz and d[0] == "0":
                d = str(rng.randint(1, 9)) + d[1:]
            out += d
            i = j + 1
        else:
            out += template[i]
            i += 1
    return out


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def phone(rng: random.Random, zip_: str) -> str:
    region = {"6": "04", "3": "05", "1": "04", "4": "02", "5": "03", "2": "03", "7": "02", "8": "05"}
    pre = region.get(zip_[0], "01")
    return f"{pre} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def party(rng: random.Random, name: str, legal: str = "SAS") -> dict:
    siren = make_siren(rng)
    while siren == OWN_SIREN:
        siren = make_siren(rng)
    siret = make_siret(rng, siren)
    zip_, city = rng.choice(CITIES)
    return {
        "name": name,
        "legal": legal,
        "siren": siren,
        "siret": siret,
        "vat": vat_of(siren),
        "street": f"{rng.randint(1, 180)} {rng.choice(STREETS)}",
        "zip": zip_,
        "city": city,
        "phone": phone(rng, zip_),
        "contact": person(rng),
    }
