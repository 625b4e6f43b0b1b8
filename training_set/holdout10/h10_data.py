"""Holdout10 data: our company, the customers, identifiers (SIREN/SIRET by Luhn, French VAT key),
one-digit typos, printed groupings, articles. Imports nothing from the repository."""

from __future__ import annotations

import hashlib
import random

SEED = "20261207j"


def rng(*parts: object) -> random.Random:
    key = ":".join([SEED, *map(str, parts)])
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


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


def make_siren(r: random.Random) -> str:
    while True:
        base = str(r.randint(30000000, 99999999))
        for last in "0123456789":
            if luhn_ok(base + last) and (base + last)[0] != "0":
                return base + last


def make_siret(r: random.Random, siren: str) -> str:
    while True:
        nic = f"{r.randint(10, 9999):04d}"
        for last in "0123456789":
            if luhn_ok(siren + nic + last):
                return siren + nic + last


def vat_of(siren: str) -> str:
    key = (12 + 3 * (int(siren) % 97)) % 97
    return f"FR{key:02d}{siren}"


def typo(r: random.Random, ident: str, valid) -> str:
    """One digit changed, checked invalid."""
    while True:
        pos = r.randrange(2 if ident.startswith("FR") else 0, len(ident))
        if not ident[pos].isdigit():
            continue
        new = ident[:pos] + str((int(ident[pos]) + r.randint(1, 9)) % 10) + ident[pos + 1 :]
        if not valid(new):
            return new


def fmt_vat(r: random.Random, vat: str) -> str:
    k, s = vat[2:4], vat[4:]
    return r.choice(
        [
            vat,
            f"FR {k} {s}",
            f"FR{k} {s[:3]} {s[3:6]} {s[6:]}",
            f"FR {k} {s[:3]} {s[3:6]} {s[6:]}",
            f"FR{k}{s[:3]} {s[3:6]} {s[6:]}",
        ]
    )


def fmt_siret(r: random.Random, siret: str) -> str:
    s = siret
    return r.choice(
        [
            s,
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}",
            f"{s[:9]} {s[9:]}",
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}",
            f"{s[:3]}{s[3:6]}{s[6:9]} {s[9:]}",
        ]
    )


def fmt_siren(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


# --- our company (the receiving supplier): packaging & labels -------------------------------
def _own():
    r = rng("own")
    siren = make_siren(r)
    siret = make_siret(r, siren)
    return {
        "name": "CARTONNAGES & ÉTIQUETTES DU FOREZ",
        "short": "CEF",
        "legal": "CARTONNAGES & ÉTIQUETTES DU FOREZ SAS",
        "street": "14 rue des Métiers, ZI du Bas-Rollet",
        "city": "42160 Andrézieux-Bouthéon",
        "phone": "04 77 36 52 18",
        "fax": "04 77 36 52 19",
        "mail": "commandes@cef-emballages.fr",
        "adv": "adv@cef-emballages.fr",
        "compta": "comptabilite@cef-emballages.fr",
        "web": "www.cef-emballages.fr",
        "domain": "cef-emballages.fr",
        "siren": siren,
        "siret": siret,
        "vat": vat_of(siren),
        "capital": "480 000 €",
        "rcs": f"RCS Saint-Étienne {fmt_siren(siren)}",
        "ape": "1721A",
        "iban": "FR76 1005 7192 3400 0214 7730 863",
        "bic": "CMCIFRPP",
    }


OWN = _own()

# articles: packaging, labels, films, adhesive tapes
ARTICLES = [
    ("CAR-DC-600x400x400", "Caisse carton double cannelure 600x400x400", "u", 1.84),
    ("CAR-SC-300x200x150", "Caisse carton simple cannelure 300x200x150", "u", 0.62),
    ("ETQ-TT-100x150-R", "Étiquettes transfert thermique 100x150 mm, rouleau 1000", "rl", 14.90),
    ("ETQ-TD-57x32", "Étiquettes thermiques directes 57x32 mm, rouleau 2000", "rl", 9.75),
    ("RUB-TT-110x450-W", "Ruban transfert thermique cire 110 mm x 450 m", "u", 7.20),
    ("FIL-ETR-23-500", "Film étirable manuel 23 µm, 500 mm x 300 m", "rl", 11.40),
    ("ADH-PP-48x66-M", "Adhésif polypropylène 48 mm x 66 m, marron", "rl", 1.35),
    ("ADH-PVC-50-IMP", "Adhésif PVC imprimé « FRAGILE » 50 mm", "rl", 3.10),
    ("CAL-KR-80", "Papier de calage kraft 80 g, rouleau 300 m", "rl", 38.00),
    ("ETUI-PH-A5", "Étui carton pharmaceutique A5 blanc", "u", 0.29),
    ("COR-ANG-35", "Cornière carton 35x35x3 mm, longueur 1200", "u", 0.48),
    ("SAC-KR-320", "Sac kraft fond plat 320x160x380", "u", 0.22),
    ("POC-DOC-C6", "Pochette porte-documents adhésive C6", "u", 0.07),
    ("BOX-ARCH-340", "Boîte archives carton dos 340 mm", "u", 1.96),
    ("FEU-BUL-1000", "Film à bulles 1000 mm x 100 m", "rl", 24.50),
    ("ETQ-PAL-A5-GS1", "Étiquettes palette GS1 A5, paravent 1000", "pq", 42.00),
    ("CAR-TEL-310", "Carton télescopique 310x220x100", "u", 0.94),
    ("CER-PP-12", "Cerclage polypropylène 12 mm, bobine 3000 m", "u", 27.30),
    ("CHA-PLA-1200", "Chapes plastique pour palette 1200x800", "u", 3.85),
    ("ETQ-CAB-25x10", "Étiquettes câbles polyester 25x10 mm", "rl", 19.60),
]

# customers by sector: name, street, city, phone, kind ("prive" / "public")
CUSTOMERS = {
    "mecanique": [
        (
            "MÉCANIQUE DE PRÉCISION BRESSANE",
            "ZA des Teppes, 120 rue Ampère",
            "01370 Saint-Étienne-du-Bois",
            "04 74 22 61 38",
        ),
        (
            "ATELIERS CHAUDRONNERIE DU VIGNOBLE",
            "8 route de Beaune",
            "21190 Meursault",
            "03 80 21 47 90",
        ),
        (
            "PLASTIFORM INJECTION",
            "Parc d'activités de la Vallée, 3 allée Becquerel",
            "39100 Dole",
            "03 84 72 18 55",
        ),
        ("DÉCOLLETAGE DE L'ARVE", "165 avenue des Lacs", "74300 Cluses", "04 50 98 34 12"),
        (
            "SOUDURES ET STRUCTURES DU MAINE",
            "Rue de la Fonderie",
            "72100 Le Mans",
            "02 43 84 20 67",
        ),
        (
            "TOLERIE FINE SAVOYARDE",
            "ZI de Bissy, 27 rue du Granier",
            "73000 Chambéry",
            "04 79 69 05 43",
        ),
    ],
    "distrib": [
        (
            "LOGIMARCHÉ DISTRIBUTION",
            "Plateforme logistique, RN 7",
            "26800 Portes-lès-Valence",
            "04 75 57 88 00",
        ),
        (
            "SUPER-ALIMENTAIRE DU CENTRE",
            "Boulevard de l'Europe",
            "63100 Clermont-Ferrand",
            "04 73 90 12 40",
        ),
        ("JARDIN & MAISON ENSEIGNES", "2 rue des Pépinières", "59810 Lesquin", "03 20 87 44 10"),
        (
            "PHARMALOG OUEST",
            "ZAC de la Chauvinière, 6 rue Fourier",
            "44800 Saint-Herblain",
            "02 40 63 75 21",
        ),
        ("BRICOMAT GRAND EST", "Rue du Commerce", "57070 Metz", "03 87 74 16 09"),
        ("COSMÉTIQUES DE PROVENCE GROUPE", "Route de Manosque", "04100 Manosque", "04 92 72 38 60"),
    ],
    "negoce": [
        (
            "QUINCAILLERIE GÉNÉRALE DU ROUERGUE",
            "Avenue de Toulouse",
            "12000 Rodez",
            "05 65 68 21 07",
        ),
        (
            "NÉGOCE FOURNITURES INDUSTRIELLES NFI",
            "Rue Lavoisier, ZI Nord",
            "18000 Bourges",
            "02 48 50 34 66",
        ),
        (
            "COMPTOIR DES EMBALLAGES DU SUD-OUEST",
            "Chemin de Bordelongue",
            "31100 Toulouse",
            "05 61 40 97 82",
        ),
        (
            "DISTRIBUTION BOIS ET QUINCAILLERIE",
            "La Croix Blanche",
            "35530 Noyal-sur-Vilaine",
            "02 99 04 16 33",
        ),
        (
            "OUTILLAGE ET FIXATIONS DU LIMOUSIN",
            "Rue Frédéric Bastiat",
            "87280 Limoges",
            "05 55 35 61 24",
        ),
        (
            "ÉQUIPEMENTS ATELIER ANJOU",
            "ZI Saint-Serge, 18 rue Dupetit-Thouars",
            "49100 Angers",
            "02 41 43 58 71",
        ),
    ],
    "artisan": [
        ("EURL BOULANGERIE MARTINON", "3 place de l'Église", "43200 Yssingeaux", "04 71 59 02 11"),
        ("SARL FROMAGERIE DES MONTS", "Le Bourg", "15300 Murat", "04 71 20 07 39"),
        ("SAS CONFITURES DE LA VALLÉE", "12 chemin des Vergers", "07200 Aubenas", "04 75 35 62 90"),
        ("EURL TRAITEUR ROCHE", "45 rue Victor Hugo", "42600 Montbrison", "04 77 58 14 22"),
        ("SARL CAVE DES COTEAUX", "Route des Vins", "69430 Beaujeu", "04 74 04 81 56"),
        ("SARL SAVONNERIE DU PILAT", "7 rue du Moulin", "42410 Pélussin", "04 74 87 60 15"),
    ],
    "hopital": [
        (
            "CENTRE HOSPITALIER DE LA HAUTE-LOIRE",
            "12 boulevard Chantemesse",
            "43000 Le Puy-en-Velay",
            "04 71 04 32 10",
        ),
        ("EHPAD LES TILLEULS", "18 rue des Écoles", "42400 Saint-Chamond", "04 77 31 45 80"),
        (
            "CENTRE HOSPITALIER INTERCOMMUNAL DU VAL",
            "Avenue du Général de Gaulle",
            "38500 Voiron",
            "04 76 67 15 15",
        ),
        (
            "GROUPEMENT HOSPITALIER DE TERRITOIRE LOIRE",
            "Avenue Albert Raimond",
            "42270 Saint-Priest-en-Jarez",
            "04 77 82 80 00",
        ),
        (
            "CLINIQUE MUTUALISTE DU PARC",
            "9 rue Marcel Paul",
            "69100 Villeurbanne",
            "04 72 44 71 00",
        ),
        (
            "PHARMACIE À USAGE INTÉRIEUR — CH DE ROANNE",
            "28 rue de Charlieu",
            "42300 Roanne",
            "04 77 44 30 00",
        ),
    ],
    "labo": [
        (
            "LABORATOIRE DE CHIMIE DES MATÉRIAUX — CNRS",
            "Campus de la Doua, 43 bd du 11 Novembre",
            "69100 Villeurbanne",
            "04 72 43 19 20",
        ),
        (
            "UNIVERSITÉ JEAN MONNET — SERVICE ACHATS",
            "10 rue Tréfilerie",
            "42023 Saint-Étienne Cedex 2",
            "04 77 42 17 00",
        ),
        (
            "INSTITUT DE BIOLOGIE INTÉGRATIVE — INRAE",
            "Route de Saint-Cyr",
            "78026 Versailles",
            "01 30 83 30 00",
        ),
        (
            "INSTITUT DES SCIENCES ANALYTIQUES — CNRS",
            "5 rue de la Doua",
            "69100 Villeurbanne",
            "04 37 42 35 50",
        ),
        (
            "UNIVERSITÉ CLERMONT AUVERGNE — PÔLE ACHATS",
            "49 boulevard François Mitterrand",
            "63001 Clermont-Ferrand",
            "04 73 40 63 63",
        ),
        (
            "LABORATOIRE GÉNOMIQUE ET SANTÉ — INSERM",
            "8 avenue Rockefeller",
            "69008 Lyon",
            "04 78 77 70 00",
        ),
    ],
    "en": [
        (
            "NORDVIK PACKAGING SOLUTIONS FRANCE",
            "Parc Technologique, 1 rue Einstein",
            "69800 Saint-Priest",
            "+33 4 72 79 50 00",
        ),
        (
            "ALDERTON MEDICAL DEVICES SAS",
            "ZA Les Bruyères",
            "38290 La Verpillière",
            "+33 4 74 94 22 10",
        ),
        (
            "KESSLER AUTOMOTIVE COMPONENTS FRANCE",
            "Route de Strasbourg",
            "67600 Sélestat",
            "+33 3 88 58 40 00",
        ),
        (
            "BRIGHTWATER COSMETICS EUROPE",
            "12 avenue de l'Opéra",
            "75001 Paris",
            "+33 1 42 60 18 00",
        ),
        ("HALLORAN FOOD INGREDIENTS SAS", "Zone portuaire", "76600 Le Havre", "+33 2 35 19 70 00"),
        (
            "VANTERRA ELECTRONICS FRANCE",
            "Technopole, 4 rue Galilée",
            "31670 Labège",
            "+33 5 61 00 90 00",
        ),
    ],
    "travaux": [
        (
            "SOCIÉTÉ DE MAINTENANCE INDUSTRIELLE DU GIER",
            "Rue Jean Jaurès",
            "42800 Rive-de-Gier",
            "04 77 75 08 40",
        ),
        (
            "ÉLECTRICITÉ ET AUTOMATISMES DU FOREZ",
            "ZA des Granges",
            "42170 Saint-Just-Saint-Rambert",
            "04 77 52 66 90",
        ),
        (
            "TRAVAUX PUBLICS ROUSSET & FILS",
            "Les Plaines",
            "43120 Monistrol-sur-Loire",
            "04 71 66 50 12",
        ),
        (
            "INSTALLATIONS THERMIQUES DU LYONNAIS",
            "8 rue de l'Industrie",
            "69200 Vénissieux",
            "04 78 70 33 48",
        ),
        (
            "MENUISERIES INDUSTRIELLES DU VELAY",
            "ZI de Taulhac",
            "43000 Le Puy-en-Velay",
            "04 71 09 77 25",
        ),
        (
            "SERVICES TECHNIQUES INDUSTRIELS STI",
            "Avenue de la Libération",
            "63500 Issoire",
            "04 73 89 14 60",
        ),
    ],
    "collectivite": [
        (
            "COMMUNE DE FEURS",
            "Hôtel de ville, 7 place Antoine Drivet",
            "42110 Feurs",
            "04 77 27 40 00",
        ),
        (
            "DÉPARTEMENT DE LA LOIRE — DIRECTION DES ACHATS",
            "2 rue Charles de Gaulle",
            "42022 Saint-Étienne Cedex 1",
            "04 77 48 42 42",
        ),
        (
            "SYNDICAT INTERCOMMUNAL DES EAUX DU FURAN",
            "Rue du Moulin",
            "42540 Saint-Just-la-Pendue",
            "04 77 63 20 11",
        ),
        (
            "COMMUNAUTÉ DE COMMUNES DES MONTS DU LYONNAIS",
            "790 allée de Pluvy",
            "69590 Pomeys",
            "04 78 19 05 05",
        ),
        (
            "VILLE DE MONTBRISON — SERVICE FINANCES",
            "Hôtel de ville, 1 place de l'Hôtel de Ville",
            "42600 Montbrison",
            "04 77 96 18 18",
        ),
        (
            "CENTRE COMMUNAL D'ACTION SOCIALE DE ROANNE",
            "Place de l'Hôtel de Ville",
            "42300 Roanne",
            "04 77 23 20 00",
        ),
    ],
    "btp": [
        ("SARL MAÇONNERIE DUMAS", "La Croix de Pierre", "42600 Champdieu", "04 77 58 31 20"),
        (
            "SAS PLÂTRERIE PEINTURE BERTHIER",
            "16 rue des Artisans",
            "43700 Brives-Charensac",
            "04 71 02 59 88",
        ),
        (
            "EURL COUVERTURE ZINGUERIE FAURE",
            "Lieu-dit Le Crêt",
            "42660 Saint-Genest-Malifaux",
            "04 77 51 24 07",
        ),
        (
            "SARL ÉLECTRICITÉ GÉNÉRALE VIALLE",
            "4 impasse des Lilas",
            "07100 Annonay",
            "04 75 33 81 62",
        ),
        ("SAS AGENCEMENT BOIS MOULIN", "ZA du Pré Château", "42190 Charlieu", "04 77 60 45 19"),
        ("SARL PLOMBERIE CHAUFFAGE GIRAUD", "22 route de Lyon", "38200 Vienne", "04 74 85 36 70"),
    ],
    "transport": [
        (
            "TRANSPORTS FRIGORIFIQUES CHAMBON",
            "ZI de la Croix Blanche",
            "42160 Bonson",
            "04 77 55 18 60",
        ),
        (
            "MESSAGERIE RHÔNE-ALPES EXPRESS",
            "Port Édouard Herriot, 12 rue de Chicago",
            "69007 Lyon",
            "04 72 76 40 30",
        ),
        (
            "ENTREPÔTS ET LOGISTIQUE DU BOURBONNAIS",
            "Parc logistique Montbeugny",
            "03340 Montbeugny",
            "04 70 43 12 88",
        ),
        ("AGRO-CONDITIONNEMENT DU VELAY", "ZA de Chaponas", "43700 Coubon", "04 71 03 44 90"),
        (
            "VINS ET SPIRITUEUX DU BEAUJOLAIS",
            "Route de Belleville",
            "69220 Saint-Jean-d'Ardières",
            "04 74 66 30 21",
        ),
        (
            "LAITERIE COOPÉRATIVE DES MONTS DU FOREZ",
            "Le Bourg",
            "42920 Chalmazel",
            "04 77 24 81 02",
        ),
    ],
}

FIRST = [
    "Sandrine",
    "Thierry",
    "Nadia",
    "Julien",
    "Karine",
    "Olivier",
    "Céline",
    "Mathieu",
    "Isabelle",
    "Yannick",
    "Laure",
    "Franck",
    "Élodie",
    "Damien",
    "Sophie",
    "Grégory",
    "Manon",
    "Cédric",
    "Aurélie",
    "Rémi",
]
LAST = [
    "Perrin",
    "Chabanne",
    "Benhamou",
    "Rochette",
    "Faure",
    "Vial",
    "Giraud",
    "Bonnefoy",
    "Mallet",
    "Besson",
    "Crozet",
    "Ollier",
    "Tardy",
    "Paquet",
    "Brunon",
    "Delorme",
    "Grange",
    "Chazal",
    "Maisonneuve",
    "Rivoire",
]


def person(r: random.Random) -> tuple[str, str]:
    return r.choice(FIRST), r.choice(LAST)


def slug(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in t if ch.isalnum())[:14] or "client"


def party_of(sector: str, ci: int) -> dict:
    """A customer: fixed per (sector, index), the same company in every document."""
    r = rng("party", sector, ci)
    name, street, city, phone = CUSTOMERS[sector][ci % len(CUSTOMERS[sector])]
    siren = make_siren(r)
    siret = make_siret(r, siren)
    vat = vat_of(siren)
    first, last = person(r)
    dom = slug(
        name.split("—")[0].replace("SARL", "").replace("EURL", "").replace("SAS ", "")
    ) + r.choice([".fr", ".com", ".fr"])
    return {
        "name": name,
        "street": street,
        "city": city,
        "phone": phone,
        "siren": siren,
        "siret": siret,
        "vat": vat,
        "buyer": f"{first} {last}",
        "first": first,
        "last": last,
        "mail": f"{first.lower()[0]}.{slug(last)}@{dom}",
        "domain": dom,
        "postcode": city.split()[0],
    }


def identifiers(r: random.Random, p: dict) -> dict:
    """How the VAT and the SIRET are printed: correct / one-digit typo / absent (70/13/17)."""
    from stdnum.fr import siret as s_siret
    from stdnum.fr import tva as s_tva

    out = {}
    for key, valid, fmt in (
        ("vat", s_tva.is_valid, fmt_vat),
        ("siret", s_siret.is_valid, fmt_siret),
    ):
        x = r.random()
        if x < 0.70:
            out[key] = (fmt(r, p[key]), p[key])
        elif x < 0.83:
            out[key] = (fmt(r, typo(r, p[key], valid)), "")
        else:
            out[key] = (None, "")
    return out


def pick_lines(r: random.Random, n: int) -> list[tuple]:
    arts = r.sample(ARTICLES, n)
    lines = []
    for ref, des, unit, price in arts:
        qty = r.choice([10, 20, 24, 50, 100, 200, 250, 500, 1000, 2000, 5, 12, 36])
        p = round(price * r.uniform(0.9, 1.12), 2)
        lines.append((ref, des, qty, unit, p, round(qty * p, 2)))
    return lines


def money(x: float) -> str:
    s = f"{x:,.2f}".replace(",", " ").replace(".", ",")
    return s
