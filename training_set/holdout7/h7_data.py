"""Holdout7 data: our company, customer parties, identifiers, number shapes, articles.

Imports nothing from the repository. Every random choice comes from a ``random.Random``
seeded by the caller.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

SEED = "20261207d"


def rng(*parts: object) -> random.Random:
    return random.Random(":".join([SEED, *map(str, parts)]))


# --------------------------------------------------------------------------- checksums


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def make_siren(r: random.Random, first: str = "") -> str:
    body = first + "".join(r.choice("0123456789") for _ in range(8 - len(first)))
    if body[0] == "0":
        body = str(r.randint(1, 9)) + body[1:]
    return body + luhn_digit(body)


def make_siret(r: random.Random, siren: str) -> str:
    nic = r.choice(["0001", "0002", "0003", "0004", "0005", "0010", "0012", "0013", "0021",
                    "0024", "0031", "0040", "0056", "0068"])
    body = siren + nic
    return body + luhn_digit(body)


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def typo(r: random.Random, ident: str, valid) -> str:
    """One digit changed so that the identifier is invalid (checked with python-stdnum)."""
    start = 2 if ident.startswith("FR") else 0
    for _ in range(100):
        pos = r.randrange(start, len(ident))
        if not ident[pos].isdigit():
            continue
        new = ident[:pos] + r.choice([d for d in "0123456789" if d != ident[pos]]) + ident[pos + 1:]
        if not valid(new):
            return new
    raise RuntimeError("no typo found")


def group_vat(v: str, style: int) -> str:
    if style == 0:
        return v
    if style == 1:
        return f"{v[:2]} {v[2:4]} {v[4:]}"
    if style == 2:
        return f"{v[:2]} {v[2:4]} {v[4:7]} {v[7:10]} {v[10:]}"
    return f"{v[:4]} {v[4:7]} {v[7:10]} {v[10:]}"


def group_siret(s: str, style: int) -> str:
    if style == 0:
        return s
    if style == 1:
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    return f"{s[:9]} {s[9:]}"


def iban_fr(r: random.Random) -> tuple[str, str]:
    bank = "".join(r.choice("0123456789") for _ in range(5))
    branch = "".join(r.choice("0123456789") for _ in range(5))
    acct = "".join(r.choice("0123456789") for _ in range(11))
    rib = 97 - ((89 * int(bank) + 15 * int(branch) + 3 * int(acct)) % 97)
    bban = f"{bank}{branch}{acct}{rib:02d}"
    num = int(bban + "152700")  # F=15 R=27 + 00
    chk = 98 - num % 97
    iban = f"FR{chk:02d}{bban}"
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)), bban


# --------------------------------------------------------------------------- our company

_o = rng("own")
OWN_SIREN = make_siren(_o, "83")
OWN_SIRET = OWN_SIREN + "00027"
OWN_SIRET = OWN_SIRET[:13] + luhn_digit(OWN_SIRET[:13])
OWN_VAT = vat_of(OWN_SIREN)
OWN_IBAN, _ = iban_fr(_o)
assert fr_siret.is_valid(OWN_SIRET) and fr_tva.is_valid(OWN_VAT)

OWN = {
    "name": "CORVALIS FLUIDES SAS",
    "short": "Corvalis Fluides",
    "street": "ZA des Platières – 12 rue des Frères Lumière",
    "city": "38070 Saint-Quentin-Fallavier",
    "tel": "04 74 95 31 60",
    "fax": "04 74 95 31 69",
    "mail": "adv@corvalis-fluides.fr",
    "web": "www.corvalis-fluides.fr",
    "siren": OWN_SIREN,
    "siret": OWN_SIRET,
    "vat": OWN_VAT,
    "rcs": f"RCS Vienne {OWN_SIREN[:3]} {OWN_SIREN[3:6]} {OWN_SIREN[6:]}",
    "capital": "Capital 420 000 €",
    "ape": "APE 4669B",
    "iban": OWN_IBAN,
    "bic": "CMCIFR2AXXX",
}


# --------------------------------------------------------------------------- parties

STREETS = ["rue de la Gare", "avenue Jean Jaurès", "rue des Tanneurs", "boulevard Gambetta",
           "rue du Commandant Rivière", "chemin des Vignes", "rue Ampère", "allée des Chênes",
           "route de Lyon", "rue Denis Papin", "impasse des Forges", "quai de la Marne",
           "rue de l'Industrie", "avenue de la République", "rue Pasteur", "rue Gustave Eiffel"]
CITIES = [("69007", "Lyon"), ("42000", "Saint-Étienne"), ("63000", "Clermont-Ferrand"),
          ("21000", "Dijon"), ("25000", "Besançon"), ("73000", "Chambéry"),
          ("26000", "Valence"), ("01000", "Bourg-en-Bresse"), ("71100", "Chalon-sur-Saône"),
          ("13290", "Aix-en-Provence"), ("31100", "Toulouse"), ("67200", "Strasbourg"),
          ("44300", "Nantes"), ("59000", "Lille"), ("76600", "Le Havre"),
          ("35000", "Rennes"), ("87000", "Limoges"), ("51100", "Reims"),
          ("57000", "Metz"), ("30900", "Nîmes"), ("64100", "Bayonne"), ("86000", "Poitiers")]
FIRST = ["Claire", "Julien", "Sandrine", "Mathieu", "Nadia", "Olivier", "Hélène", "Karim",
         "Sophie", "Thierry", "Émilie", "Laurent", "Inès", "Bruno", "Agnès", "Damien",
         "Véronique", "Yann", "Patricia", "Cédric", "Martine", "Rachid", "Aurélie", "Gilles"]
LAST = ["Dumoulin", "Berthet", "Garnier", "Lefèvre", "Rochette", "Mercier", "Chabert",
        "Vidal", "Perrin", "Bonnet", "Fauvel", "Morel", "Guillot", "Roux", "Barbier",
        "Charpentier", "Marchand", "Lambert", "Besson", "Colin", "Royer", "Picard"]

SECTOR_NAMES = {
    "chimie": ["ARKEDIS CHIMIE SAS", "SOLVANCE POLYMÈRES SA", "PHARMALP PRODUCTION",
               "NOVACHEM INDUSTRIES", "RHÔNE SYNTHÈSE SAS", "CELTIS PHARMA SA",
               "VALORGAZ PROCÉDÉS"],
    "public": ["COMMUNE DE SAINT-MARCELLIN", "CENTRE HOSPITALIER DE VIENNE",
               "DÉPARTEMENT DE LA DRÔME", "COMMUNAUTÉ D'AGGLOMÉRATION PORTE DE L'ISÈRE",
               "LYCÉE PROFESSIONNEL JEAN MOULIN", "SYNDICAT DES EAUX DU VAL DE SAÔNE",
               "RÉGIE DES EAUX DE GRENOBLE"],
    "cnrs": ["CNRS – DÉLÉGATION RHÔNE AUVERGNE", "CNRS – DÉLÉGATION ALPES",
             "CNRS – DÉLÉGATION OCCITANIE OUEST", "UNIVERSITÉ CLAUDE BERNARD LYON 1",
             "CNRS – DÉLÉGATION PROVENCE ET CORSE", "INSA DE LYON"],
    "distrib": ["DISTRILAB ÉQUIPEMENT", "HYDRO-NÉGOCE RHÔNE-ALPES", "BRUNEL FOURNITURES SARL",
                "TECHNIFLUX DISTRIBUTION", "SOCODA SERVICES INDUSTRIE", "PROMAT OUEST SAS"],
    "multi": ["AGROLAC INDUSTRIES SAS", "MÉCANIQUE DU FOREZ SA", "PAPETERIES DE VIDALON",
              "TANNERIES DU PUY SARL", "SAVOIE ALU PROFILÉS", "VERRERIE DE CHALON SAS"],
    "erp": ["FONDERIE GIRAUD & FILS", "ATELIERS DU MONT-BLANC SA", "METALIS DÉCOUPE SAS",
            "CHAUDRONNERIE DE L'AIN", "SERTA EMBALLAGES SAS", "ISOTHERM SYSTÈMES"],
    "negoce": ["ÉTS ROUSSET PÈRE & FILS", "GARAGE CENTRAL AUTO SARL", "BOULANGERIE INDUSTRIELLE DU LAC",
               "SCIERIE MOUNIER", "CAVE COOPÉRATIVE DE TAIN", "MENUISERIE BLANCHARD SARL"],
    "btp": ["BATIMAX CONSTRUCTION SAS", "SPIE TERRASSEMENT SUD-EST", "GIRAUD TRAVAUX PUBLICS",
            "EIFFEL BÂTIMENT RHÔNE", "COLAS-VIAL ENTREPRISE", "DAUPHINÉ CANALISATIONS SA"],
    "en": ["NORDVALE PROCESS EUROPE SAS", "KESTREL PUMPS FRANCE SAS", "BRIGHTWATER FOODS FRANCE",
           "HALCYON MATERIALS SAS", "ORTEGA AUTOMOTIVE FRANCE", "LINDQVIST PACKAGING SAS"],
    "form": ["PLOMBERIE CHAUFFAGE MARTIN", "SARL AQUA-SERVICES 38", "ENTREPRISE DUMAS ÉLEC",
             "CAMPING LES TROIS LACS", "FERME AQUACOLE DE LA VERNA", "ATELIER BERNARD SOUDURE"],
    "coop": ["COOPÉRATIVE AGRICOLE DAUPHINOISE", "UNION DES CAVES DU RHÔNE", "FROMAGERIE DES ARAVIS",
             "SICA FRUITS ET LÉGUMES DU VELAY", "LAITERIE COOPÉRATIVE DU JURA", "CUMA DE LA BIÈVRE"],
}

LEGAL = {"chimie": "SAS", "public": "", "cnrs": "", "distrib": "SAS", "multi": "SA",
         "erp": "SAS", "negoce": "SARL", "btp": "SAS", "en": "SAS", "form": "SARL", "coop": "SCA"}


@dataclass
class Party:
    name: str
    street: str
    city: str
    siren: str
    siret: str
    vat: str
    tel: str
    fax: str
    contact: str
    mail: str
    capital: str
    public: bool = False
    extra: dict = field(default_factory=dict)


def phone(r: random.Random, zone: str = "") -> str:
    z = zone or r.choice(["04", "03", "05", "02", "01"])
    return z + " " + " ".join(f"{r.randint(10, 99)}" for _ in range(4))


def make_party(r: random.Random, sector: str, idx: int) -> Party:
    names = SECTOR_NAMES[sector]
    name = names[idx % len(names)]
    public = sector in ("public", "cnrs")
    first = {"public": "2", "cnrs": "1"}.get(sector, str(r.choice([3, 4, 5, 7, 8, 9])))
    if sector == "cnrs" and "UNIVERSIT" not in name and "INSA" not in name:
        siren = make_siren(r, "18")
    elif sector == "cnrs":
        siren = make_siren(r, "19")
    else:
        siren = make_siren(r, first)
    cp, ville = r.choice(CITIES)
    fn, ln = r.choice(FIRST), r.choice(LAST)
    dom = "".join(ch for ch in name.lower().split()[0] if ch.isalpha())[:10] or "client"
    dom = dom.encode("ascii", "ignore").decode() or "client"
    cap = "" if public else f"{r.choice(['au capital de', 'capital'])} {r.choice([50000, 150000, 381200, 1200000, 2500000, 762245]):,} €".replace(",", " ")
    return Party(
        name=name,
        street=f"{r.randint(1, 180)} {r.choice(STREETS)}",
        city=f"{cp} {ville.upper() if r.random() < 0.4 else ville}",
        siren=siren,
        siret=make_siret(r, siren),
        vat=vat_of(siren),
        tel=phone(r),
        fax=phone(r),
        contact=f"{fn} {ln}",
        mail=f"{fn.lower()[0]}.{ln.lower()}@{dom}.fr".encode("ascii", "ignore").decode()
        .replace("è", "e"),
        capital=cap,
        public=public,
    )


def ident_states(r: random.Random, p: Party) -> dict:
    """Draw what is printed: correct / typo / absent, and how it is grouped."""
    vs = r.choices(["ok", "typo", "none"], weights=[70, 13, 17])[0]
    ss = r.choices(["ok", "typo", "none"], weights=[70, 13, 17])[0]
    vat_printed = p.vat if vs == "ok" else (typo(r, p.vat, fr_tva.is_valid) if vs == "typo" else "")
    siret_printed = (p.siret if ss == "ok"
                     else (typo(r, p.siret, fr_siret.is_valid) if ss == "typo" else ""))
    vg, sg = r.randrange(4), r.randrange(3)
    return {
        "vat_state": vs, "siret_state": ss,
        "vat_print": group_vat(vat_printed, vg) if vat_printed else "",
        "siret_print": group_siret(siret_printed, sg) if siret_printed else "",
        "vat_label": p.vat if vs == "ok" else "",
        "siret_label": p.siret if ss == "ok" else "",
        "siren_print": f"{p.siren[:3]} {p.siren[3:6]} {p.siren[6:]}",
    }


# --------------------------------------------------------------------------- numbers


def fill(r: random.Random, tpl: str) -> str:
    """Fill a number template: a run of two or more of 'D' (any digit) / 'N' (non-zero digit)
    is a placeholder; a single D or N is one too unless it touches a capital letter (so the
    letters of CDE, BDC, CDA, ZINV, CONS, FRN stay literal)."""
    out = []
    i = 0
    while i < len(tpl):
        j = i
        while j < len(tpl) and tpl[j] in "DN":
            j += 1
        if j == i:
            out.append(tpl[i])
            i += 1
            continue
        run = tpl[i:j]
        near = (i > 0 and tpl[i - 1].isupper()) or (j < len(tpl) and tpl[j].isupper())
        if len(run) == 1 and near:
            out.append(run)
        else:
            out.extend(r.choice("0123456789" if ch == "D" else "123456789") for ch in run)
        i = j
    return "".join(out)


# --------------------------------------------------------------------------- articles

ARTICLES = [
    ("CVF-VB-2040", "Vanne à boisseau sphérique inox DN40 PN40"),
    ("CVF-VB-2025", "Vanne à boisseau sphérique laiton DN25"),
    ("CVF-CL-1150", "Clapet anti-retour à battant DN50 fonte"),
    ("CVF-PC-0310", "Pompe centrifuge monobloc 3 kW 400 V"),
    ("CVF-PD-0722", "Pompe doseuse à membrane 12 l/h"),
    ("CVF-MN-0063", "Manomètre à bain de glycérine Ø63 0-10 bar"),
    ("CVF-RF-1208", "Raccord union femelle 3/4\" inox 316L"),
    ("CVF-JT-0450", "Jeu de joints EPDM pour bride DN80 (x10)"),
    ("CVF-FL-0912", "Filtre à tamis Y DN32 maille 0,5 mm"),
    ("CVF-DB-0101", "Débitmètre électromagnétique DN25 4-20 mA"),
    ("CVF-ES-3300", "Électrovanne 2/2 NF 1/2\" 24 V DC"),
    ("CVF-TU-1633", "Tube inox 316L 33,7 x 2 mm, barre de 6 m"),
    ("CVF-BR-0880", "Bride plate à souder DN80 PN16"),
    ("CVF-RD-0440", "Réducteur de pression 1\" 1-6 bar"),
    ("CVF-PR-0090", "Pressostat réglable 1-10 bar IP65"),
    ("CVF-FX-0520", "Flexible inox tressé DN20 longueur 1 m"),
    ("CVF-SP-0015", "Soupape de sûreté 1/2\" tarée 6 bar"),
    ("CVF-CP-0077", "Capteur de pression 0-16 bar sortie 0-10 V"),
    ("CVF-VP-0640", "Vanne papillon DN100 à levier"),
    ("CVF-KT-0004", "Kit de maintenance garniture mécanique"),
]
EN_ARTICLES = [
    ("CVF-VB-2040", "Stainless ball valve DN40 PN40"),
    ("CVF-PC-0310", "Close-coupled centrifugal pump 3 kW"),
    ("CVF-PD-0722", "Diaphragm dosing pump 12 l/h"),
    ("CVF-DB-0101", "Magnetic flow meter DN25 4-20 mA"),
    ("CVF-ES-3300", "Solenoid valve 2/2 NC 1/2in 24 VDC"),
    ("CVF-FL-0912", "Y-strainer DN32 0.5 mm mesh"),
    ("CVF-SP-0015", "Safety relief valve 1/2in set 6 bar"),
    ("CVF-KT-0004", "Mechanical seal maintenance kit"),
]


def euro(x: float) -> str:
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s


def items(r: random.Random, n: int, english: bool = False) -> tuple[list[tuple], float]:
    pool = EN_ARTICLES if english else ARTICLES
    chosen = r.sample(pool, min(n, len(pool))) if n <= len(pool) else [r.choice(pool) for _ in range(n)]
    rows, total = [], 0.0
    for i, (ref, lib) in enumerate(chosen, 1):
        qty = r.choice([1, 2, 2, 3, 4, 5, 6, 10, 12, 20, 25])
        pu = round(r.uniform(8, 1900), 2)
        amount = round(qty * pu, 2)
        total += amount
        rows.append((i, ref, lib, qty, pu, amount))
    return rows, round(total, 2)


def date_fr(r: random.Random, month: int | None = None) -> str:
    m = month or r.randint(1, 11)
    return f"{r.randint(1, 28):02d}/{m:02d}/2026"


MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
