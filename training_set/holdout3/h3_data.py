"""Holdout3 — fictitious parties, identifiers and order-number shapes.

Imports nothing from the rest of training_set/ or from orderintake.
Every function takes an explicit ``random.Random`` so the corpus depends only on the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- identifiers


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


def luhn_complete(body: str) -> str:
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError(body)


def new_siren(rng: random.Random) -> str:
    first = rng.choice("3456789")
    return luhn_complete(first + "".join(rng.choice("0123456789") for _ in range(7)))


def _siret(siren: str, rng: random.Random) -> str:
    """SIRET = SIREN + 4-digit NIC whose last digit makes the 14 digits Luhn-valid."""
    nic3 = f"00{rng.choice([0, 0, 0, 1, 2, 3, 4])}{rng.randint(1, 9)}"
    return luhn_complete(siren + nic3)


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def fmt_siren(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


def fmt_siret(siret: str, style: int = 0) -> str:
    if style == 0:
        return siret
    if style == 1:
        return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    return f"{siret[:9]} {siret[9:]}"


def fmt_vat(vat: str, style: int = 0) -> str:
    if style == 0:
        return vat
    if style == 1:
        return f"{vat[:2]} {vat[2:4]} {vat[4:7]} {vat[7:10]} {vat[10:]}"
    return f"{vat[:4]} {vat[4:]}"


def iban_fr(rng: random.Random) -> tuple[str, str]:
    bank = rng.choice(["30004", "30003", "10278", "17515", "18206", "30002", "11315", "14505"])
    guichet = f"{rng.randint(0, 99999):05d}"
    account = f"{rng.randint(0, 10**11 - 1):011d}"
    key = 97 - ((89 * int(bank) + 15 * int(guichet) + 3 * int(account)) % 97)
    bban = f"{bank}{guichet}{account}{key:02d}"
    num = int(bban + "152700")  # F=15 R=27, 00
    check = 98 - num % 97
    iban = f"FR{check:02d}{bban}"
    bic = {
        "30004": "BNPAFRPPXXX", "30003": "SOGEFRPP", "10278": "CMCIFR2A", "17515": "CEPAFRPP751",
        "18206": "AGRIFRPP882", "30002": "CRLYFRPP", "11315": "CEPAFRPP131", "14505": "CEPAFRPP450",
    }[bank]
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return grouped, bic


# --------------------------------------------------------------------------- parties

CITIES = [
    ("69007", "Lyon"), ("13002", "Marseille"), ("31400", "Toulouse"), ("44300", "Nantes"),
    ("67100", "Strasbourg"), ("59000", "Lille"), ("35000", "Rennes"), ("33300", "Bordeaux"),
    ("21000", "Dijon"), ("37100", "Tours"), ("63000", "Clermont-Ferrand"), ("38100", "Grenoble"),
    ("76600", "Le Havre"), ("87000", "Limoges"), ("25000", "Besançon"), ("80000", "Amiens"),
    ("51100", "Reims"), ("29200", "Brest"), ("64000", "Pau"), ("72000", "Le Mans"),
    ("49100", "Angers"), ("86000", "Poitiers"), ("57070", "Metz"), ("68100", "Mulhouse"),
    ("26000", "Valence"), ("74000", "Annecy"), ("17000", "La Rochelle"), ("56100", "Lorient"),
    ("03100", "Montluçon"), ("01000", "Bourg-en-Bresse"), ("84000", "Avignon"), ("30900", "Nîmes"),
    ("91400", "Orsay"), ("92160", "Antony"), ("94200", "Ivry-sur-Seine"), ("77420", "Champs-sur-Marne"),
]
STREETS = [
    "rue des Tanneurs", "avenue Jean Jaurès", "boulevard de la Liberté", "rue du Commerce",
    "ZI des Bruyères", "rue Pasteur", "chemin des Vignes", "allée des Frênes", "rue de l'Industrie",
    "ZA du Moulin", "avenue de la Gare", "rue Victor Hugo", "impasse des Artisans", "quai des Chartrons",
    "rue Ampère", "parc d'activités Les Glaïeuls", "route de Paris", "rue Gustave Eiffel",
]
FIRST = ["Sophie", "Thomas", "Nathalie", "Julien", "Isabelle", "Laurent", "Claire", "Olivier",
         "Camille", "Nicolas", "Émilie", "Franck", "Hélène", "Patrick", "Aurélie", "Mathieu",
         "Sandrine", "Jérôme", "Delphine", "Bruno", "Agnès", "Karim", "Mélanie", "Yann"]
LAST = ["Martin", "Bernard", "Moreau", "Lefèvre", "Garnier", "Rousseau", "Faure", "Mercier",
        "Blanc", "Guérin", "Boyer", "Chevalier", "Lambert", "Bonnet", "Fontaine", "Roussel",
        "Masson", "Marchand", "Picard", "Perrin", "Benali", "Da Silva", "Le Goff", "Nguyen"]

COMPANY_A = ["Menuiserie", "Transports", "Boulangerie industrielle", "Imprimerie", "Ateliers",
             "Métallerie", "Clinique", "Laboratoire", "Garage", "Société", "Établissements",
             "Chaudronnerie", "Électricité", "Plomberie", "Scierie", "Fromagerie", "Cartonnerie",
             "Entreprise", "Maintenance", "Hôtel-Restaurant"]
COMPANY_B = ["Duval", "du Vercors", "Morin & Fils", "Bréhat", "de l'Estuaire", "Lacombe", "Vidal",
             "des Trois Vallées", "Aubert", "Rivière", "Ferrand", "du Lac", "Kerjean", "Gauthier",
             "Castel", "Les Grès", "Meunier", "Saint-Roch", "Alpes Process", "Océane", "Bocage",
             "Marchetti", "Pélissier", "Ardent", "Val de Loire", "Hautbois"]
FORMS = ["SAS", "SARL", "SA", "EURL", "SAS", "SARL", "SASU"]


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
    email: str
    contact: str
    initials: str
    capital: str
    naf: str
    rcs: str
    iban: str
    bic: str
    extra: dict = field(default_factory=dict)

    @property
    def cityline(self) -> str:
        return f"{self.postcode} {self.city.upper()}"


def phone(rng: random.Random, postcode: str, style: int | None = None) -> str:
    zone = {"0": "01", "1": "01", "2": "03", "3": "04", "4": "02", "5": "03", "6": "04", "7": "01",
            "8": "05", "9": "01"}[postcode[0]]
    if postcode[:2] in {"13", "30", "84", "26", "38", "74", "69", "63", "01", "03"}:
        zone = "04"
    if postcode[:2] in {"31", "33", "64", "17", "86", "87"}:
        zone = "05"
    if postcode[:2] in {"44", "35", "29", "56", "49", "72", "37", "76"}:
        zone = "02"
    if postcode[:2] in {"67", "68", "57", "51", "21", "25", "59", "80"}:
        zone = "03"
    digits = [rng.randint(10, 99) for _ in range(4)]
    style = rng.randint(0, 3) if style is None else style
    if style == 0:
        return f"{zone} " + " ".join(f"{d:02d}" for d in digits)
    if style == 1:
        return f"{zone}." + ".".join(f"{d:02d}" for d in digits)
    if style == 2:
        return f"+33 (0){zone[1]} " + " ".join(f"{d:02d}" for d in digits)
    return f"+33 {zone[1]} " + " ".join(f"{d:02d}" for d in digits)


def person(rng: random.Random) -> tuple[str, str]:
    f, l = rng.choice(FIRST), rng.choice(LAST)
    initials = (f[0] + l[0]).upper().replace("É", "E")
    return f"{f} {l}", initials


def name_pool(seed) -> list[str]:
    """Every company-name stem once, shuffled: no two customers of the corpus share a name."""
    pool = [f"{a} {b}" for a in COMPANY_A for b in COMPANY_B]
    random.Random(f"{seed}:names").shuffle(pool)
    return pool


def make_party(rng: random.Random, name: str | None = None, city: tuple[str, str] | None = None) -> Party:
    if name is None:
        name = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)} {rng.choice(FORMS)}"
    postcode, cityname = city or rng.choice(CITIES)
    siren = new_siren(rng)
    siret = _siret(siren, rng)
    contact, initials = person(rng)
    iban, bic = iban_fr(rng)
    import unicodedata
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = "".join(ch for ch in ascii_name.split()[-2] if ch.isalpha())[:10] or "contact"
    return Party(
        name=name,
        street=f"{rng.randint(1, 140)} {rng.choice(STREETS)}",
        postcode=postcode,
        city=cityname,
        siren=siren,
        siret=siret,
        vat=vat_of(siren),
        phone=phone(rng, postcode),
        fax=phone(rng, postcode),
        email=f"{unicodedata.normalize('NFKD', contact.split()[0]).encode('ascii', 'ignore').decode().lower()}.{slug}@{slug}.fr",
        contact=contact,
        initials=initials,
        capital=f"{rng.choice([7500, 10000, 15000, 40000, 50000, 100000, 152450, 300000]):,}".replace(",", " "),
        naf=f"{rng.randint(10, 96)}{rng.randint(10, 99)}{rng.choice('ABCZ')}",
        rcs=rng.choice(["Lyon", "Nantes", "Lille Métropole", "Bordeaux", "Toulouse", "Rennes", "Grenoble", "Dijon"]),
        iban=iban,
        bic=bic,
    )


def own_company() -> Party:
    """The receiving supplier of this corpus (us): never the customer."""
    rng = random.Random("holdout3-own-company")
    p = make_party(rng, name="VALMORIN ÉQUIPEMENTS SAS", city=("42000", "Saint-Étienne"))
    p.street = "14 rue Benoît Fourneyron"
    p.contact = "Service Administration des Ventes"
    p.email = "adv@valmorin-equipements.fr"
    p.phone = "04 77 38 51 20"
    p.fax = "04 77 38 51 29"
    p.capital = "420 000"
    p.naf = "4669B"
    p.rcs = "Saint-Étienne"
    return p


# --------------------------------------------------------------------------- articles

ARTICLES = [
    ("Roulement à billes 6204-2RS", "pce", 4.85), ("Joint torique NBR 42x3", "pce", 0.62),
    ("Vis CHC M8x30 inox A2 (boîte de 100)", "bte", 18.40), ("Gants nitrile T9 (carton de 10 boîtes)", "ctn", 54.00),
    ("Courroie trapézoïdale SPZ 1250", "pce", 12.30), ("Disque à tronçonner 125x1 mm", "pce", 1.95),
    ("Flexible hydraulique 1/2\" L=1500", "pce", 38.70), ("Cartouche graisse EP2 400 g", "pce", 6.10),
    ("Filtre à air F7 592x592x48", "pce", 41.50), ("Lampe LED tube T8 1500 mm", "pce", 9.80),
    ("Papier essuyage 2 plis (colis 6 bobines)", "col", 27.60), ("Ruban adhésif aluminium 50 mm", "rlx", 7.45),
    ("Coupleur pneumatique DN 7,2", "pce", 5.30), ("Électrovanne 24 V DC G1/4", "pce", 64.00),
    ("Câble H07RN-F 3G2,5 (touret 50 m)", "tour", 112.00), ("Pompe doseuse 6 l/h", "pce", 389.00),
    ("Capteur inductif M12 PNP", "pce", 28.90), ("Chaîne à rouleaux 08B-1 (5 m)", "pce", 46.20),
    ("Huile de coupe soluble 20 L", "bid", 96.50), ("Détecteur de fumée autonome", "pce", 14.90),
    ("Colliers serrage 4,8x300 (sachet 100)", "sac", 8.20), ("Cadenas laiton 40 mm", "pce", 11.60),
    ("Thermomètre sonde -50/+300 °C", "pce", 32.00), ("Manchon PVC pression Ø63", "pce", 3.40),
    ("Embout de vissage PZ2 (lot 10)", "lot", 6.90), ("Tapis anti-fatigue 90x150", "pce", 74.00),
]


def article_ref(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"{rng.randint(10, 99)}.{rng.randint(1000, 9999)}",
        lambda: f"VAL-{rng.randint(1000, 9999)}-{rng.choice('ABCDE')}",
        lambda: f"{rng.choice(['RL', 'JT', 'VS', 'FL', 'EV', 'CP'])}{rng.randint(100000, 999999)}",
        lambda: f"{rng.randint(100, 999)} {rng.randint(100, 999)}",
    ])()


def lines(rng: random.Random, n: int) -> list[dict]:
    out = []
    for art in rng.sample(ARTICLES, n):
        qty = rng.choice([1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50])
        price = round(art[2] * rng.uniform(0.9, 1.15), 2)
        out.append({"ref": article_ref(rng), "label": art[0], "unit": art[1], "qty": qty,
                    "price": price, "total": round(qty * price, 2)})
    return out


def money(x: float) -> str:
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s


def date_fr(rng: random.Random, month_lo: int = 9, month_hi: int = 11, year: int = 2026) -> str:
    day, month = rng.randint(1, 28), rng.randint(month_lo, month_hi)
    if month_hi <= 11 and month == 11:  # documents issued before the corpus was frozen (22/11/2026)
        day = min(day, 20)
    return f"{day:02d}/{month:02d}/{year}"


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def date_long(rng: random.Random) -> str:
    month = rng.randint(8, 10)
    day = rng.randint(1, 20 if month == 10 else 28)
    return f"{day} {MONTHS[month]} 2026"


def quote_no(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"DV{rng.randint(26, 26)}-{rng.randint(1000, 4999):04d}",
        lambda: f"D2026-{rng.randint(100, 2999):04d}",
        lambda: f"OFF-{rng.randint(10000, 99999)}",
        lambda: f"DEV/26/{rng.randint(100, 999)}",
    ])()


def customer_code(rng: random.Random) -> str:
    return rng.choice([f"C{rng.randint(1000, 9999)}", f"411{rng.choice(['DUR', 'MOR', 'LAC', 'VID', 'KER'])}{rng.randint(10, 99)}",
                       f"CL-{rng.randint(10000, 99999)}"])


def supplier_code(rng: random.Random) -> str:
    return rng.choice([f"F{rng.randint(10000, 99999)}", f"401VAL{rng.randint(1, 9):02d}", f"FRN-{rng.randint(1000, 9999)}"])


def requisition(rng: random.Random) -> str:
    return rng.choice([f"DA-26-{rng.randint(100, 9999):04d}", f"DA{rng.randint(2600000, 2699999)}",
                       f"REQ-{rng.randint(100000, 999999)}"])


def contract(rng: random.Random) -> str:
    return rng.choice([f"Marché n° 2025-{rng.randint(10, 99):03d}", f"Contrat cadre CC-{rng.randint(2023, 2025)}-{rng.randint(10, 99)}",
                       f"Accord-cadre {rng.randint(2024, 2025)}/{rng.randint(1, 40):02d}"])


# --------------------------------------------------------------------------- order numbers
# Each shape returns (printed, label): the printed form may carry a suffix that a clerk leaves
# out; the label is what the clerk types.

def _d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def on_cf(rng):
    s = rng.choice([f"CF2026{_d(rng, 4)}", f"CF26{rng.randint(1, 11):02d}-{_d(rng, 4)}", f"CF-{_d(rng, 6)}"])
    return s, s


def on_bc(rng):
    s = rng.choice([f"BC-26-{_d(rng, 5)}", f"BC 26{_d(rng, 4)}", f"BC{_d(rng, 7)}", f"BC/2026/{_d(rng, 4)}"])
    return s, s


def on_bdc(rng):
    s = rng.choice([f"BDC2026-{_d(rng, 4)}", f"BDC-{_d(rng, 7)}", f"BDC 26/{_d(rng, 4)}", f"BDC{_d(rng, 6)}"])
    return s, s


def on_po(rng):
    s = rng.choice([f"PO{_d(rng, 8)}", f"PO-26-{_d(rng, 4)}", f"PO 26{_d(rng, 5)}", f"PO2604{_d(rng, 3)}"])
    return s, s


def on_cda(rng):
    s = rng.choice([f"CDA26-{_d(rng, 5)}", f"CDA 26{_d(rng, 5)}", f"CDA{_d(rng, 6)}"])
    return s, s


def on_cde(rng):
    s = rng.choice([f"CDE-2026-{_d(rng, 5)}", f"CDE_26_{_d(rng, 5)}", f"CDE{_d(rng, 6)}", f"CDE 26.{_d(rng, 4)}"])
    return s, s


def on_sap(rng):
    s = rng.choice([f"4500{_d(rng, 6)}", f"4500{_d(rng, 6)}", f"4000{_d(rng, 6)}"])
    return s, s


def on_ej(rng):
    s = rng.choice([f"1300{_d(rng, 6)}", f"21{_d(rng, 8)}", f"EJ26-{_d(rng, 6)}", f"EJ {_d(rng, 10)}"])
    return s, s


def on_cnrs(rng):
    lab = f"L {_d(rng, 5)}"
    umr = rng.choice(["UMR 7590", "UMR 5248", "UMR 8247", "UMR 6502", "UMR 7334", "UPR 2301"])
    printed = rng.choice([f"{lab} {umr}", f"{lab} {umr}", lab])
    return printed, lab


def on_year(rng):
    s = rng.choice([f"2026-{_d(rng, 5)}", f"2026/{_d(rng, 4)}", f"26-{_d(rng, 4)}", f"2026.{_d(rng, 4)}"])
    return s, s


def on_cmd_slash(rng):
    s = f"CMD/26/{_d(rng, 4)}"
    return s, s


def on_letters(rng):
    s = rng.choice([f"A26K{_d(rng, 4)}", f"MX26{_d(rng, 4)}", f"OA_26_{_d(rng, 4)}", f"CA-2026-{_d(rng, 4)}",
                    f"CO26-{_d(rng, 4)}", f"C.26.{_d(rng, 4)}", f"AT{_d(rng, 2)}.{_d(rng, 4)}", f"P.O. 26-{_d(rng, 4)}"])
    return s, s


def on_digits(rng):
    s = rng.choice([_d(rng, 6), _d(rng, 5), f"{rng.randint(1, 9)}{_d(rng, 6)}"])
    if s[0] == "0":
        s = "1" + s[1:]
    return s, s


def with_initials(shape, initials: str):
    def f(rng):
        printed, label = shape(rng)
        return f"{printed}/{initials}", label
    return f


def with_revision(shape):
    def f(rng):
        printed, label = shape(rng)
        return f"{printed}-{rng.choice(['01', '02', '03'])}", label
    return f
