"""Parties, identifiers (SIREN/SIRET by Luhn, French VAT key, IBAN), typos and number shapes.

Imports nothing from the rest of the repository.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva


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


def _complete_luhn(prefix: str) -> str:
    for last in "0123456789":
        if luhn_ok(prefix + last):
            return prefix + last
    raise AssertionError(prefix)


def make_siren(rng: random.Random) -> str:
    return _complete_luhn(str(rng.randint(30000000, 99999999)))


def make_siret(rng: random.Random, siren: str) -> str:
    while True:
        cand = _complete_luhn(siren + f"{rng.randint(1, 120):04d}")
        if fr_siret.is_valid(cand):
            return cand


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def typo(rng: random.Random, ident: str, validator) -> str:
    """One digit changed so that the identifier is no longer valid."""
    positions = [i for i, ch in enumerate(ident) if ch.isdigit()]
    while True:
        i = rng.choice(positions[2:] if ident.startswith("FR") else positions)
        d = str((int(ident[i]) + rng.randint(1, 9)) % 10)
        cand = ident[:i] + d + ident[i + 1 :]
        if not validator(cand):
            return cand


def vat_typo(rng: random.Random, vat: str) -> str:
    return typo(rng, vat, fr_tva.is_valid)


def siret_typo(rng: random.Random, siret: str) -> str:
    return typo(rng, siret, fr_siret.is_valid)


def fmt_siret(siret: str, style: int) -> str:
    if style == 0:
        return siret
    if style == 1:
        return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:12]} {siret[12:]}"


def fmt_vat(vat: str, style: int) -> str:
    if style == 0:
        return vat
    if style == 1:
        return f"{vat[:2]} {vat[2:4]} {vat[4:]}"
    return f"{vat[:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}"


def iban(rng: random.Random) -> str:
    bank = f"{rng.randint(10000, 30099):05d}"
    guichet = f"{rng.randint(1, 99999):05d}"
    compte = f"{rng.randint(0, 10**11 - 1):011d}"
    key = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(compte)) % 97
    bban = f"{bank}{guichet}{compte}{key:02d}"
    num = int(bban + "152700")  # F=15 R=27 00
    check = 98 - num % 97
    raw = f"FR{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


# ----- our company (the receiving supplier) --------------------------------------------------

OWN_NAME = "MAUBRAC ÉQUIPEMENTS SAS"
OWN_SIREN = "791408321"
OWN_SIRET = "79140832100036"
OWN_VAT = vat_of(OWN_SIREN)
OWN_ADDR = ["ZA des Trois Fontaines", "7 rue Lavoisier", "63370 Lempdes"]
OWN_TEL = "04 73 61 28 90"
OWN_MAIL = "adv@maubrac-equipements.fr"
OWN_IBAN = "FR76 1680 6000 4212 3456 7890 125"  # written on our own documents only
OWN_BIC = "AGRIFRPP868"

assert luhn_ok(OWN_SIREN) and fr_siret.is_valid(OWN_SIRET) and fr_tva.is_valid(OWN_VAT)


# ----- customers ------------------------------------------------------------------------------

CITIES = [
    ("69007", "Lyon"), ("42000", "Saint-Étienne"), ("38130", "Échirolles"),
    ("21000", "Dijon"), ("03100", "Montluçon"), ("15000", "Aurillac"),
    ("87000", "Limoges"), ("71100", "Chalon-sur-Saône"), ("26000", "Valence"),
    ("58000", "Nevers"), ("43000", "Le Puy-en-Velay"), ("19100", "Brive-la-Gaillarde"),
    ("25000", "Besançon"), ("37000", "Tours"), ("86000", "Poitiers"),
    ("45000", "Orléans"), ("31400", "Toulouse"), ("67100", "Strasbourg"),
    ("59650", "Villeneuve-d'Ascq"), ("13290", "Aix-en-Provence"), ("33700", "Mérignac"),
    ("76800", "Saint-Étienne-du-Rouvray"), ("54500", "Vandœuvre-lès-Nancy"), ("18000", "Bourges"),
]
STREETS = [
    "rue de l'Industrie", "avenue Jean Jaurès", "chemin des Prés", "boulevard Gambetta",
    "rue des Frères Lumière", "allée des Tilleuls", "rue du Stade", "route de Clermont",
    "impasse des Artisans", "quai de la Loire", "rue Pasteur", "avenue de l'Europe",
]
FIRST = ["Sophie", "Laurent", "Nadia", "Thierry", "Camille", "Julien", "Hélène", "Mathieu",
         "Claire", "Olivier", "Isabelle", "Romain", "Aurélie", "Bruno", "Élodie", "Karim",
         "Sandrine", "Pascal", "Marion", "Yannick"]
LAST = ["Chabrier", "Vidal", "Moreau", "Roussel", "Perrin", "Faure", "Girard", "Bonnet",
        "Lambert", "Mercier", "Blanc", "Garnier", "Chevalier", "Fabre", "Rey", "Gauthier",
        "Dumas", "Brun", "Barbier", "Arnaud"]


@dataclass
class Party:
    name: str
    street: str
    postcode: str
    city: str
    siren: str
    siret: str
    vat: str
    contact: str
    email: str
    phone: str
    domain: str
    extra: dict = field(default_factory=dict)

    @property
    def address(self) -> list[str]:
        return [self.street, f"{self.postcode} {self.city}"]


def phone(rng: random.Random) -> str:
    first = rng.choice(["01", "02", "03", "04", "05"])
    return first + "".join(f" {rng.randint(0, 99):02d}" for _ in range(4))


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def slug(text: str) -> str:
    table = str.maketrans("éèêëàâäîïôöûüçœÉÈÀÂÎÔÛÇŒ'", "eeeeaaaiioouucoEEAAIOUCO-")
    out = "".join(ch if ch.isalnum() else "-" for ch in text.lower().translate(table))
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def party(rng: random.Random, name: str, domain: str | None = None) -> Party:
    siren = make_siren(rng)
    while siren == OWN_SIREN:
        siren = make_siren(rng)
    siret = make_siret(rng, siren)
    pc, city = rng.choice(CITIES)
    contact = person(rng)
    dom = domain or slug(name.split()[0] + "-" + name.split()[-1])[:24] + ".fr"
    first, last = contact.lower().split(" ", 1)
    mail = f"{slug(first)}.{slug(last)}@{dom}"
    street = f"{rng.randint(1, 148)} {rng.choice(STREETS)}"
    return Party(name, street, pc, city, siren, siret, vat_of(siren), contact, mail,
                 phone(rng), dom)


def date_fr(rng: random.Random, month: int | None = None) -> tuple[str, str]:
    """A date in 2026 as 'jj/mm/aaaa' and as '12 novembre 2026'."""
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    m = month or rng.randint(9, 11)
    d = rng.randint(1, 28)
    return f"{d:02d}/{m:02d}/2026", f"{d} {months[m - 1]} 2026"


def digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def amount(value: float) -> str:
    whole, cents = f"{value:.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return "\u202f".join(groups) + "," + cents


ARTICLES = [
    ("Roulement à billes 6205-2RS", 8.40), ("Vérin pneumatique ISO 15552 D50 C200", 96.00),
    ("Courroie trapézoïdale SPA 1250", 14.90), ("Motoréducteur 0,37 kW 1/20", 412.00),
    ("Capteur inductif M12 PNP", 27.50), ("Électrovanne 5/2 G1/4 24 V", 68.30),
    ("Joint torique NBR 40x3 (sachet 50)", 11.20), ("Accouplement élastique GE 24", 43.70),
    ("Palier UCP 208", 31.60), ("Chaîne 10B-1 (5 m)", 58.00),
    ("Graisse lithium EP2 cartouche 400 g", 6.90), ("Filtre régulateur G1/2", 84.10),
    ("Raccord instantané D8 G1/4 (x10)", 19.80), ("Moteur asynchrone 1,5 kW B3", 298.00),
    ("Variateur de fréquence 2,2 kW", 536.00), ("Tapis convoyeur PVC 2 plis (ml)", 73.40),
    ("Poulie à gorge SPZ 2 gorges D112", 37.90), ("Arbre rectifié D20 h6 L1000", 45.60),
    ("Kit de maintenance pompe doseuse", 129.00), ("Fin de course à levier 1NO+1NC", 22.40),
]


def items(rng: random.Random, n: int) -> list[tuple[str, str, int, float]]:
    """(our article ref, designation, quantity, unit price)."""
    out = []
    for art, price in rng.sample(ARTICLES, n):
        ref = f"{rng.choice(['MQ', 'ME', 'MB'])}-{rng.randint(10000, 99999)}"
        out.append((ref, art, rng.choice([1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25]), price))
    return out


def quote_no(rng: random.Random) -> str:
    return rng.choice([f"DE26-{rng.randint(1000, 9999)}", f"MQ-OFF-{rng.randint(10000, 99999)}",
                       f"D{rng.randint(2600000, 2699999)}"])


def customer_code(rng: random.Random) -> str:
    return rng.choice([f"C{rng.randint(10000, 99999)}", f"411{rng.choice('ABCMV')}{digits(rng, 4)}",
                       f"CL-{rng.randint(1000, 9999)}"])


def supplier_code(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(100000, 999999):010d}", f"F{rng.randint(10000, 99999)}",
                       f"FRS-{rng.randint(1000, 9999)}", f"V{rng.randint(100000, 999999)}"])
