"""holdout9: identifiers, parties and small data. Imports nothing from the repository."""

from __future__ import annotations

import random

from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva


def luhn_digit(body: str) -> str:
    for d in "0123456789":
        s = 0
        for i, ch in enumerate(reversed(body + d)):
            n = int(ch) * (2 if i % 2 else 1)
            s += n - 9 if n > 9 else n
        if s % 10 == 0:
            return d
    raise AssertionError


def make_siren(rng: random.Random) -> str:
    while True:
        body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        s = body + luhn_digit(body)
        if fr_siren.is_valid(s):
            return s


def make_siret(rng: random.Random, siren: str) -> str:
    nic = "".join(str(rng.randint(0, 9)) for _ in range(2)) + f"{rng.randint(1, 99):02d}"[:2]
    body = siren + nic
    s = body + luhn_digit(body)
    assert fr_siret.is_valid(s)
    return s


def vat_of(siren: str) -> str:
    v = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    assert fr_tva.is_valid(v)
    return v


def typo(rng: random.Random, ident: str, kind: str) -> str:
    """One digit changed; checked invalid with python-stdnum."""
    check = fr_tva.is_valid if kind == "vat" else fr_siret.is_valid
    digits = [i for i, ch in enumerate(ident) if ch.isdigit()]
    while True:
        i = rng.choice(digits)
        d = rng.choice([c for c in "0123456789" if c != ident[i]])
        bad = ident[:i] + d + ident[i + 1:]
        if not check(bad) and not (kind == "siret" and fr_siren.is_valid(bad[:9]) and False):
            return bad


def fmt_vat(rng: random.Random, v: str) -> str:
    k, s = v[2:4], v[4:]
    return rng.choice([v, f"FR {k} {s}", f"FR{k} {s[:3]} {s[3:6]} {s[6:]}", f"FR {k} {s[:3]} {s[3:6]} {s[6:]}"])


def fmt_siret(rng: random.Random, s: str) -> str:
    return rng.choice([s, f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}", f"{s[:9]} {s[9:]}",
                       f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}"])


def fmt_siren(s: str) -> str:
    return f"{s[:3]} {s[3:6]} {s[6:]}"


def iban(rng: random.Random) -> str:
    bank = f"{rng.randint(10000, 30099):05d}{rng.randint(0, 99999):05d}"
    acct = "".join(rng.choice("0123456789") for _ in range(11))
    key = 97 - (int(bank + acct + "00") * 100 % 97)
    key = 97 - (89 * int(bank[:5]) + 15 * int(bank[5:]) + 3 * int(acct)) % 97
    bban = f"{bank}{acct}{key:02d}"
    num = int(bban + "152700")
    chk = 98 - num % 97
    raw = f"FR{chk:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


# --- our company (the receiving supplier) -----------------------------------------------------

def our_company(rng: random.Random) -> dict:
    siren = make_siren(rng)
    siret = make_siret(rng, siren)
    return {
        "name": "HYDRONOVA POMPES & TRAITEMENT DES EAUX SAS",
        "short": "HYDRONOVA",
        "street": "ZA des Grandes Terres – 14 rue Denis Papin",
        "city": "38070 Saint-Quentin-Fallavier",
        "tel": "04 74 95 61 20", "fax": "04 74 95 61 29",
        "mail": "commandes@hydronova-pompes.fr", "web": "www.hydronova-pompes.fr",
        "siren": siren, "siret": siret, "vat": vat_of(siren),
        "rcs": f"RCS Vienne {fmt_siren(siren)}", "capital": "SAS au capital de 480 000 €",
        "ape": "APE 2813Z", "iban": iban(rng), "bic": "CCBPFRPPGRE",
    }


STREETS = ["rue de l'Industrie", "avenue Jean Jaurès", "rue des Artisans", "boulevard de l'Europe",
           "chemin des Vignes", "rue Gustave Eiffel", "allée des Érables", "rue du Commerce",
           "route de Lyon", "impasse des Tisserands", "rue Ampère", "avenue de la Gare",
           "rue Pasteur", "quai des Chartrons", "rue du Moulin", "ZI du Bois Joly – rue Lavoisier"]
CITIES = ["69200 Vénissieux", "42000 Saint-Étienne", "26000 Valence", "73000 Chambéry",
          "01000 Bourg-en-Bresse", "63100 Clermont-Ferrand", "21000 Dijon", "13290 Aix-en-Provence",
          "31200 Toulouse", "33300 Bordeaux", "44300 Nantes", "67100 Strasbourg", "59000 Lille",
          "76600 Le Havre", "37000 Tours", "86000 Poitiers", "25000 Besançon", "74000 Annecy",
          "84000 Avignon", "30900 Nîmes", "57000 Metz", "51100 Reims", "49000 Angers",
          "64000 Pau", "87000 Limoges", "35000 Rennes", "38100 Grenoble", "71100 Chalon-sur-Saône"]
FIRST = ["Claire", "Julien", "Sophie", "Marc", "Nathalie", "Thomas", "Isabelle", "Nicolas",
         "Élodie", "Philippe", "Sandrine", "Laurent", "Aurélie", "Stéphane", "Céline", "Olivier",
         "Karine", "Jérôme", "Émilie", "Franck", "Hélène", "David", "Virginie", "Sébastien"]
LAST = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier",
        "Mercier", "Blanc", "Guérin", "Faure", "Chevalier", "Perrin", "Morel", "Gauthier",
        "Lemaire", "Rolland", "Barbier", "Meunier", "Brun", "Picard", "Renaud", "Arnaud"]

CUSTOMERS = {
    "industrie": ["MÉCANIQUE DE PRÉCISION DU FOREZ", "SOLEVAL INDUSTRIES", "ATELIERS DAUPHINOIS DE CHAUDRONNERIE",
                  "THERMOFORM RHÔNE-ALPES", "USINAGE BRESSAN", "FONDERIE DE LA LOIRE",
                  "SAVOIE PLASTURGIE", "GROUPE MÉTALLIS"],
    "hopital": ["CENTRE HOSPITALIER UNIVERSITAIRE DE POITIERS", "CENTRE HOSPITALIER DE CHAMBÉRY",
                "GHT CŒUR GRAND EST – CH DE VERDUN", "HÔPITAL PRIVÉ DES PEUPLIERS",
                "CENTRE HOSPITALIER ANNECY GENEVOIS", "CENTRE HOSPITALIER DE VALENCE",
                "CLINIQUE MUTUALISTE DE LA SAGESSE", "CHU DE LIMOGES – DIRECTION DES ACHATS"],
    "en": ["NORDWIND PROCESS SOLUTIONS FRANCE SAS", "AQUAPURE EUROPE SAS", "HALDEN FLOW CONTROL FRANCE",
           "BRIGHTWATER TECHNOLOGIES SAS", "KESTREL FOOD EQUIPMENT FRANCE", "ALDERSHOT PHARMA FRANCE"],
    "petit": ["SARL PLOMBERIE CHAUFFAGE MOULIN", "EURL JARDINS ET PISCINES DU LUBERON",
              "SARL ROCHE ASSAINISSEMENT", "ETS GARNIER & FILS", "SARL AQUA SERVICES 26",
              "EURL BRUNET THERMIQUE", "SAS PISCINES BLEU AZUR", "SARL FAURE ARROSAGE"],
    "chimie": ["ARKEMIS CHEMICALS FRANCE SAS", "SOLVANOR SPECIALTIES SAS", "RHODANIE POLYMÈRES SA",
               "CHIMIQUE DU PONT-DE-CLAIX", "ISÈRE CHLORE ALCALI SAS", "BASELINE COATINGS FRANCE"],
    "labo": ["CNRS – DÉLÉGATION RHÔNE AUVERGNE", "UNIVERSITÉ GRENOBLE ALPES", "INRAE CENTRE LYON-GRENOBLE",
             "INSERM – ADR AUVERGNE-RHÔNE-ALPES", "ÉCOLE CENTRALE DE LYON", "UNIVERSITÉ CLAUDE BERNARD LYON 1"],
    "as400": ["DISTRIBUTION SANITAIRE DU SUD-EST", "CENTRALE D'ACHAT BATIMAT", "COMPTOIR HYDRAULIQUE BOURGUIGNON",
              "NEGOCE MATERIAUX DU VELAY", "SOCODA THERMIQUE", "ETS PERRIN DISTRIBUTION"],
    "outillage": ["OUTILLAGE ET MAINTENANCE DU RHÔNE", "MAINTENANCE INDUSTRIELLE DE L'AIN",
                  "SERVI-PROCESS SAS", "ÉNERGIE SERVICES CHALONNAIS", "TECHNIFLUIDES SAS", "AXIOME MAINTENANCE"],
    "collectivite": ["COMMUNE DE SAINT-PRIEST", "SYNDICAT DES EAUX DU BAS-DAUPHINÉ",
                     "COMMUNAUTÉ D'AGGLOMÉRATION PORTE DE L'ISÈRE", "DÉPARTEMENT DE LA DRÔME",
                     "VILLE DE CHALON-SUR-SAÔNE", "SIVOM DE LA VALLÉE DU GIER"],
    "btp": ["SAS BATIR CONSTRUCTIONS", "SARL TP MOREL", "ENTREPRISE GIRAUD RÉSEAUX", "SOGETRA BTP",
            "SARL CANALISATIONS DU SUD", "SAS ROUX TRAVAUX PUBLICS"],
    "agro": ["COOPÉRATIVE LAITIÈRE DES MONTS DU LYONNAIS", "VIGNERONS DE LA VALLÉE DU RHÔNE",
             "FROMAGERIES DU VERCORS", "SALAISONS DE L'ARDÈCHE SAS", "MALTERIE DE CHAMPAGNE", "BRASSERIE DU MONT BLANC"],
}

FORMS = {"industrie": "SAS", "en": "SAS", "chimie": "SAS", "outillage": "SAS", "btp": "SAS", "agro": "SCA",
         "as400": "SA", "petit": "SARL"}


def make_party(rng: random.Random, sector: str) -> dict:
    name = rng.choice(CUSTOMERS[sector])
    siren = make_siren(rng)
    public = sector in ("hopital", "labo", "collectivite")
    return {
        "name": name, "street": f"{rng.randint(1, 180)} {rng.choice(STREETS)}",
        "city": rng.choice(CITIES), "tel": f"0{rng.randint(1, 5)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                                             f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
        "siren": siren, "siret": make_siret(rng, siren), "vat": vat_of(siren), "public": public,
        "buyer": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "capital": f"{rng.choice(['SAS', 'SA', 'SARL'])} au capital de {rng.choice([50, 120, 250, 800, 1500, 3200])} 000 €",
        "rcs_city": rng.choice(["Lyon", "Grenoble", "Vienne", "Saint-Étienne", "Valence", "Chambéry", "Dijon", "Bordeaux"]),
        "ape": rng.choice(["2511Z", "2562B", "2829B", "4674B", "2014Z", "1051A", "4322A", "4221Z", "2222Z"]),
    }


ARTICLES = [
    ("HNP-CR32-160", "Pompe centrifuge inox CR 32-160, 4 kW", 1890.0),
    ("HNP-DOS-0612", "Pompe doseuse à membrane 6 l/h 12 bar", 642.0),
    ("HNT-FIL-2040", "Cartouche filtrante 20\" 40 µm (lot de 10)", 86.5),
    ("HNT-UV-1100", "Réacteur UV 110 W inox 316L", 1275.0),
    ("HNP-GAR-0050", "Garniture mécanique Ø 50 carbone/SiC", 214.0),
    ("HNV-VAN-DN80", "Vanne papillon DN80 PN16 à levier", 168.0),
    ("HNA-CAP-0420", "Capteur de pression 4-20 mA 0-10 bar", 189.0),
    ("HNP-RLV-0750", "Poste de relevage 750 W avec flotteur", 529.0),
    ("HNT-ADO-0030", "Adoucisseur 30 l bi-bloc volumétrique", 1432.0),
    ("HNA-DEB-0025", "Débitmètre électromagnétique DN25", 987.0),
    ("HNP-ACC-0024", "Réservoir à vessie 24 l 10 bar", 79.9),
    ("HNS-KIT-0310", "Kit d'entretien pompe CR (joints, roulements)", 148.0),
    ("HNT-CHL-0005", "Chlore stabilisé pastilles 5 kg", 42.6),
    ("HNV-CLA-0040", "Clapet anti-retour à boule DN40", 61.3),
    ("HNA-COF-0230", "Coffret de commande triphasé 230/400 V", 412.0),
    ("HNP-SUR-1520", "Surpresseur 2 pompes 15 m³/h", 4380.0),
    ("HNS-INT-0001", "Intervention technicien (forfait demi-journée)", 390.0),
    ("HNT-SEL-0025", "Sel régénérant pastilles 25 kg", 11.9),
]

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


def date_fr(rng: random.Random, month_min: int = 9, month_max: int = 11) -> tuple[str, str]:
    d, m = rng.randint(1, 28), rng.randint(month_min, month_max)
    return f"{d:02d}/{m:02d}/2026", f"{d} {MONTHS[m - 1]} 2026"


def money(v: float) -> str:
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s + " €"
