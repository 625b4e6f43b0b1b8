"""Holdout12 data: seed, our company, customers, identifiers, typos, printed groupings."""

from __future__ import annotations

import hashlib
import random
import unicodedata

from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

SEED = "20261208m"


def rng(*keys: object) -> random.Random:
    h = hashlib.sha256(":".join([SEED, *map(str, keys)]).encode()).hexdigest()
    return random.Random(int(h, 16))


def luhn_complete(body: str) -> str:
    for d in "0123456789":
        s = body + d
        total = 0
        for i, ch in enumerate(reversed(s)):
            n = int(ch) * (2 if i % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return s
    raise AssertionError


def make_ids(r: random.Random) -> tuple[str, str, str]:
    siren = luhn_complete(str(r.randint(3, 9)) + "".join(str(r.randint(0, 9)) for _ in range(7)))
    siret = luhn_complete(siren + "000" + str(r.randint(1, 9)))
    siret = luhn_complete(siren + f"{r.randint(10, 9999):04d}")
    vat = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    assert fr_siren.is_valid(siren) and fr_siret.is_valid(siret) and fr_tva.is_valid(vat)
    return siren, siret, vat


OWN_R = rng("own")
OWN_SIREN, OWN_SIRET, OWN_VAT = make_ids(OWN_R)
OWN = {
    "name": "FILTRATION & CONSOMMABLES D'ARTOIS SAS",
    "short": "FILTRATION & CONSOMMABLES D'ARTOIS",
    "addr": "ZA Les Bonnettes – 7 rue des Tisserands",
    "city": "62217 Beaurains",
    "tel": "03 21 48 70 15",
    "fax": "03 21 48 70 19",
    "mail": "adv@filtration-artois.fr",
    "iban": "FR76 1627 5006 0008 1420 7715 382",
    "bic": "CEPAFRPP627",
    "ape": "2829B",
    "capital": "420 000 €",
}
OWN_DOMAIN = "filtration-artois.fr"

SECTORS = {
    "agro": [
        ("LAITERIE DES MONTS DE FLANDRE", "SAS", "59114 Steenvoorde", "Route d'Eecke"),
        ("BISCUITERIE DU VAL DE SAMBRE", "SA", "59600 Maubeuge", "12 av. de la Gare"),
        ("SALAISONS DE L'AVESNOIS", "SAS", "59440 Avesnes-sur-Helpe", "ZI du Moulin"),
        ("CONSERVERIE PICARDE DE LÉGUMES", "SAS", "80700 Roye", "3 rue Industrielle"),
        ("BRASSERIE DE LA DEULE", "SARL", "59160 Lomme", "41 rue du Halage"),
        ("SUCRERIE COOPÉRATIVE DU SANTERRE", "SCA", "80200 Péronne", "Chemin de Doingt"),
    ],
    "pharma": [
        ("LABORATOIRES HELIODERM", "SAS", "45100 Orléans", "Parc Technologique, 8 rue Copernic"),
        ("PHARMASYNTHÈSE NORD", "SA", "59120 Loos", "Parc Eurasanté, 70 rue du Dr Yersin"),
        ("COSMÉTIQUES DE LA LOIRE", "SAS", "37100 Tours", "22 rue Gustave Eiffel"),
        ("BIOTECH INGRÉDIENTS", "SAS", "69007 Lyon", "Gerland, 15 allée des Sciences"),
        ("ÉTABLISSEMENTS GALÉNIQUES DE L'OISE", "SAS", "60200 Compiègne", "ZAC de Mercières"),
        ("VETOPHARM FRANCE", "SAS", "35170 Bruz", "Zone du Bois de Sœuvres"),
    ],
    "hopital": [
        ("CENTRE HOSPITALIER D'ARRAS", "", "62022 Arras Cedex", "3 bd Georges Besnier"),
        ("CENTRE HOSPITALIER DE LENS", "", "62307 Lens", "99 route de La Bassée"),
        ("GHT DE L'ARTOIS – CH DE BÉTHUNE", "", "62408 Béthune", "27 rue Delbecque"),
        ("CENTRE HOSPITALIER DE DOUAI", "", "59507 Douai", "Route de Cambrai"),
        ("EHPAD PUBLIC LES TILLEULS", "", "62400 Béthune", "8 rue des Tilleuls"),
        ("CENTRE HOSPITALIER DE CALAIS", "", "62107 Calais", "1601 bd des Justes"),
    ],
    "mairie": [
        ("COMMUNE DE SAINT-LAURENT-BLANGY", "", "62223 Saint-Laurent-Blangy", "Place de la Mairie"),
        ("COMMUNAUTÉ URBAINE D'ARRAS", "", "62000 Arras", "146 rue Émile Zola"),
        ("VILLE DE BAPAUME", "", "62450 Bapaume", "Hôtel de Ville, place Faidherbe"),
        ("SIVOM DE LA VALLÉE DE LA SCARPE", "", "62161 Duisans", "2 rue de l'Église"),
        ("COMMUNE D'AVION", "", "62210 Avion", "Place des Droits de l'Homme"),
        ("DÉPARTEMENT DU PAS-DE-CALAIS", "", "62018 Arras", "Rue Ferdinand Buisson"),
    ],
    "retail": [
        ("HYPERDIS NORD LOGISTIQUE", "SAS", "59810 Lesquin", "Entrepôt 4, rue de la Haie"),
        ("BRICO-JARDIN DISTRIBUTION", "SA", "62950 Noyelles-Godault", "Zone Commerciale"),
        ("MAXIMARCHÉ APPROVISIONNEMENT", "SAS", "59290 Wasquehal", "2 av. de Flandre"),
        ("AQUA-PISCINES CENTRALE D'ACHATS", "SAS", "76150 Maromme", "Parc de la Vatine"),
        ("CASH HORECA DU NORD", "SAS", "59160 Capinghem", "ZAC des Maisons Rouges"),
        ("TOUT POUR LA MAISON ENTREPÔTS", "SAS", "62300 Lens", "Plateforme Logistique Sud"),
    ],
    "univ": [
        ("UNIVERSITÉ DE LILLE – LAB. CHIMIE", "", "59655 Villeneuve-d'Ascq", "Cité Scientifique"),
        ("UNIVERSITÉ D'ARTOIS – UFR SCIENCES", "", "62300 Lens", "Rue Jean Souvraz"),
        ("INSERM U1190 – LILLE", "", "59045 Lille", "1 place de Verdun"),
        ("ÉCOLE CENTRALE DE LILLE", "", "59651 Villeneuve-d'Ascq", "Cité Scientifique"),
        ("UNIVERSITÉ DE PICARDIE – LRCS", "", "80039 Amiens", "33 rue Saint-Leu"),
        ("IMT NORD EUROPE", "", "59508 Douai", "941 rue Charles Bourseul"),
    ],
    "petit": [
        ("EARL DU MOULIN DE GAVRELLE", "EARL", "62580 Gavrelle", "Ferme du Moulin"),
        ("GARAGE DUHAMEL & FILS", "SARL", "62118 Fampoux", "14 route Nationale"),
        ("BOULANGERIE LEFEBVRE", "SARL", "62000 Arras", "5 rue Ronville"),
        ("SCEA DES TROIS CLOCHERS", "SCEA", "62123 Beaumetz-lès-Loges", "Ferme des Clochers"),
        ("PISCINES & SPAS DU TERNOIS", "SARL", "62130 Saint-Pol-sur-Ternoise", "ZA du Ternois"),
        ("CUMA DE L'ESCAUT", "CUMA", "59141 Thun-l'Évêque", "Rue du Marais"),
    ],
    "btp": [
        ("RAMERY TRAITEMENT DES EAUX", "SAS", "59147 Gondecourt", "Rue de la Gare"),
        ("SOCIÉTÉ D'ASSAINISSEMENT DU LITTORAL", "SAS", "62100 Calais", "12 quai Lamy"),
        ("THERMIQUE & VENTILATION ARTÉSIENNE", "SAS", "62217 Achicourt", "ZA Les Fontaines"),
        ("AIR PROCESS INDUSTRIE", "SAS", "59300 Valenciennes", "4 av. Pierre Mauroy"),
        ("HYDRO-MAINTENANCE SERVICES", "SARL", "62800 Liévin", "9 rue de l'Abbaye"),
        ("CLIMATIQUE DU HAINAUT", "SAS", "59410 Anzin", "Parc des Pierres Blanches"),
    ],
    "intl": [
        ("NORDIC PACKAGING FRANCE", "SAS", "59000 Lille", "Euralille, 165 av. de Bretagne"),
        ("KRÜGER HYDRAULIK FRANCE", "SARL", "67000 Strasbourg", "4 rue du Rhin"),
        ("ATLANTIC MEDICAL DEVICES FRANCE", "SAS", "62100 Calais", "Zone Marcel Doret"),
        ("BAUER PUMPEN FRANCE", "SAS", "57000 Metz", "Technopôle, 2 rue Graham Bell"),
        ("GLOBAL COATINGS EUROPE", "SAS", "59640 Dunkerque", "Port Ouest, quai Freycinet"),
        ("WEISS LABORTECHNIK FRANCE", "SARL", "68100 Mulhouse", "Parc des Collines"),
    ],
}


def customer(sector: str, n: int) -> dict:
    name, form, city, addr = SECTORS[sector][n % 6]
    siren, siret, vat = make_ids(rng("party", sector, n % 6))
    r = rng("partytel", sector, n % 6)
    tel = "03 " + " ".join(f"{r.randint(10, 99)}" for _ in range(4))
    plain = (
        unicodedata.normalize("NFKD", name.lower().split("–")[0]).encode("ascii", "ignore").decode()
    )
    dom = "".join(c for c in plain if c.isalnum())[:14] + ".fr"
    return {
        "name": name + (f" {form}" if form else ""),
        "short": name,
        "city": city,
        "addr": addr,
        "siren": siren,
        "siret": siret,
        "vat": vat,
        "tel": tel,
        "domain": dom,
        "public": form == "",
    }


def typo(s: str, r: random.Random, valid) -> str:
    digits = [i for i, c in enumerate(s) if c.isdigit()]
    while True:
        i = r.choice(digits[2:] if s.startswith("FR") else digits)
        d = str((int(s[i]) + r.randint(1, 9)) % 10)
        t = s[:i] + d + s[i + 1 :]
        if not valid(t):
            return t


def fmt_vat(v: str, r: random.Random) -> str:
    k = r.randrange(5)
    if k == 0:
        return v
    if k == 1:
        return f"{v[:2]} {v[2:4]} {v[4:]}"
    if k == 2:
        return f"{v[:4]} {v[4:7]} {v[7:10]} {v[10:]}"
    if k == 3:
        return f"{v[:2]} {v[2:4]} {v[4:7]} {v[7:10]} {v[10:]}"
    return f"{v[:2]}{v[2:4]} {v[4:]}"


def fmt_siret(s: str, r: random.Random) -> str:
    k = r.randrange(4)
    if k == 0:
        return s
    if k == 1:
        return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}"
    if k == 2:
        return f"{s[:9]} {s[9:]}"
    return f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}"


def draw_ids(cust: dict, key: str) -> dict:
    """How a document prints its customer's VAT and SIRET: correct / typo / absent 74/13/13."""
    r = rng("ids", key)
    out = {}
    for kind, valid in (("vat", fr_tva.is_valid), ("siret", fr_siret.is_valid)):
        state = r.choices(["ok", "typo", "none"], [74, 13, 13])[0]
        val = cust[kind]
        if state == "none":
            out[kind] = (None, "")
            continue
        if state == "typo":
            val = typo(val, r, valid)
        printed = fmt_vat(val, r) if kind == "vat" else fmt_siret(val, r)
        out[kind] = (printed, cust[kind] if state == "ok" else "")
    return out


ARTICLES = [
    ("CF-PP10-05", 'Cartouche filtrante PP 10" 5 µm', 4.85),
    ("CF-PP20-20", 'Cartouche filtrante PP 20" 20 µm', 9.40),
    ("FP-G4-592", "Filtre plissé G4 592x592x48", 11.20),
    ("FP-F7-POCHE", "Filtre à poches F7 592x592x600", 38.50),
    ("MB-PES-045", "Membrane PES 0,45 µm Ø47 (x100)", 62.00),
    ("SC-INOX-316", 'Carter inox 316L 10" 3/4"', 184.00),
    ("MF-HEPA-H14", "Filtre absolu HEPA H14 610x610x292", 296.00),
    ("SAC-NY-200", "Poche filtrante nylon 200 µm taille 2", 7.90),
    ("CA-GAC-20", 'Cartouche charbon actif 20" bloc', 24.60),
    ("JT-EPDM-226", "Joint EPDM 226 pour carter", 1.35),
    ("FH-HYD-10", "Élément filtrant hydraulique 10 µm", 42.80),
    ("PA-CELL-90", "Papier filtre cellulose Ø90 (x100)", 14.70),
]
