"""Holdout11 data: our company, customers, identifiers (SIREN/SIRET by Luhn, VAT key), typos."""

from __future__ import annotations

import random

from stdnum import luhn
from stdnum.fr import siren as fr_siren
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

SEED = "20261208k"


def make_siren(rng: random.Random) -> str:
    while True:
        base = str(rng.randint(3, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        s = base + luhn.calc_check_digit(base)
        if fr_siren.is_valid(s):
            return s


def make_siret(rng: random.Random, siren: str) -> str:
    while True:
        base = siren + "".join(str(rng.randint(0, 9)) for _ in range(4))
        s = base + luhn.calc_check_digit(base)
        if fr_siret.is_valid(s) and not s.startswith("356000000"):
            return s


def vat_of(siren: str) -> str:
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def typo(rng: random.Random, value: str, valid) -> str:
    """The same identifier with one digit changed, checked invalid."""
    digits = [i for i, c in enumerate(value) if c.isdigit()]
    while True:
        i = rng.choice(digits[2:] if value.startswith("FR") else digits)
        d = str((int(value[i]) + rng.randint(1, 9)) % 10)
        out = value[:i] + d + value[i + 1 :]
        if not valid(out):
            return out


def fmt_vat(rng: random.Random, v: str) -> str:
    s = v[4:]
    return rng.choice(
        [
            v,
            f"FR {v[2:4]} {s}",
            f"FR{v[2:4]} {s[:3]} {s[3:6]} {s[6:]}",
            f"FR {v[2:4]} {s[:3]} {s[3:6]} {s[6:]}",
        ]
    )


def fmt_siret(rng: random.Random, v: str) -> str:
    return rng.choice([v, f"{v[:3]} {v[3:6]} {v[6:9]} {v[9:]}", f"{v[:9]} {v[9:]}", v])


class Own:
    """The receiving supplier (ours): never the customer."""

    rng = random.Random(SEED + ":own")
    siren = make_siren(rng)
    siret = make_siret(rng, siren)
    vat = vat_of(siren)
    name = "VISSERIE & FIXATIONS DU VELAY SAS"
    short = "VFV Fixations"
    street = "ZA de Chirel – 7 rue Pierre Fourneyron"
    town = "43700 BRIVES-CHARENSAC"
    tel = "04 71 09 52 18"
    fax = "04 71 09 52 19"
    mail = "commandes@vfv-fixations.fr"
    iban = "FR76 1680 7000 1432 1187 5520 964"
    bic = "CCBPFRPPGRE"
    rcs = "RCS Le Puy-en-Velay"
    capital = "au capital de 240 000 €"


assert fr_siret.is_valid(Own.siret) and fr_tva.is_valid(Own.vat)

# name, street, postcode + town, legal line (before the ids), tel, mail domain
CUSTOMERS = {
    "industrie": [
        (
            "MÉCA-PRÉCISION DU FOREZ SA",
            "14 avenue de la Libération",
            "42400 SAINT-CHAMOND",
            "SA au capital de 1 850 000 €",
            "04 77 31 22 90",
            "mecaprecision-forez.fr",
        ),
        (
            "THERMOFORMAGE RHÔNE-ALPES",
            "Parc industriel des Ayats, 3 rue Ampère",
            "38200 VIENNE",
            "SAS au capital de 3 200 000 €",
            "04 74 53 18 00",
            "thermoformage-ra.com",
        ),
        (
            "GROUPE AUBRAC ÉQUIPEMENTS",
            "220 route de Rodez",
            "12850 ONET-LE-CHÂTEAU",
            "SAS au capital de 12 000 000 €",
            "05 65 77 41 00",
            "aubrac-equipements.fr",
        ),
        (
            "SOCIÉTÉ DAUPHINOISE DE CHAUDRONNERIE",
            "ZI des Iles, 9 rue Vaucanson",
            "38320 EYBENS",
            "SARL au capital de 420 000 €",
            "04 76 24 61 30",
            "sdc-chaudronnerie.fr",
        ),
        (
            "ALPES HYDRAULIQUE SERVICES",
            "55 chemin du Vieux Chêne",
            "38240 MEYLAN",
            "SAS au capital de 650 000 €",
            "04 76 90 14 52",
            "alpes-hydraulique.fr",
        ),
        (
            "FONDERIE DE LA LOIRE",
            "1 quai de la Fonderie",
            "42000 SAINT-ÉTIENNE",
            "SA au capital de 5 600 000 €",
            "04 77 92 40 00",
            "fonderie-loire.fr",
        ),
    ],
    "pme": [
        (
            "MENUISERIE BOYER & FILS",
            "Lieu-dit Les Granges",
            "43200 YSSINGEAUX",
            "SARL au capital de 60 000 €",
            "04 71 59 08 41",
            "menuiserie-boyer.fr",
        ),
        (
            "AGENCEMENT ROUX",
            "8 rue du Commerce",
            "63000 CLERMONT-FERRAND",
            "SAS au capital de 150 000 €",
            "04 73 91 20 55",
            "agencement-roux.fr",
        ),
        (
            "SERRURERIE MÉTALLERIE DUMAS",
            "ZA du Pont, 4 allée des Forges",
            "07100 ANNONAY",
            "SARL au capital de 80 000 €",
            "04 75 33 72 16",
            "smdumas.fr",
        ),
        (
            "ÉLECTRO-MAINTENANCE VELAY",
            "31 boulevard Carnot",
            "43000 LE PUY-EN-VELAY",
            "SAS au capital de 200 000 €",
            "04 71 02 44 87",
            "em-velay.fr",
        ),
        (
            "TÔLERIE FINE AUVERGNE",
            "6 rue Denis Papin",
            "63100 CLERMONT-FERRAND",
            "SAS au capital de 320 000 €",
            "04 73 23 10 66",
            "tolerie-auvergne.fr",
        ),
        (
            "ATELIERS VIALLE",
            "Route de Langeac",
            "43100 BRIOUDE",
            "EURL au capital de 25 000 €",
            "04 71 50 11 92",
            "ateliers-vialle.fr",
        ),
    ],
    "public": [
        (
            "CENTRE HOSPITALIER ÉMILE ROUX",
            "12 boulevard du Docteur Chantemesse",
            "43000 LE PUY-EN-VELAY",
            "Établissement public de santé",
            "04 71 04 32 10",
            "ch-lepuy.fr",
        ),
        (
            "COMMUNE DE MONISTROL-SUR-LOIRE",
            "Hôtel de Ville, place de l'Église",
            "43120 MONISTROL-SUR-LOIRE",
            "Collectivité territoriale",
            "04 71 75 61 30",
            "monistrol.fr",
        ),
        (
            "DÉPARTEMENT DE LA HAUTE-LOIRE",
            "1 place Monseigneur de Galard",
            "43000 LE PUY-EN-VELAY",
            "Collectivité territoriale",
            "04 71 07 43 43",
            "hauteloire.fr",
        ),
        (
            "LYCÉE PROFESSIONNEL JEAN MONNET",
            "45 rue Jules Vallès",
            "43000 LE PUY-EN-VELAY",
            "EPLE",
            "04 71 02 18 40",
            "lp-monnet43.fr",
        ),
        (
            "SYNDICAT DES EAUX DU HAUT-LIGNON",
            "Maison des services, route du Lac",
            "43400 LE CHAMBON-SUR-LIGNON",
            "Syndicat intercommunal",
            "04 71 59 70 22",
            "eaux-hautlignon.fr",
        ),
        (
            "COMMUNAUTÉ D'AGGLOMÉRATION DU PUY-EN-VELAY",
            "16 place de la Libération",
            "43000 LE PUY-EN-VELAY",
            "EPCI",
            "04 71 04 37 30",
            "agglo-lepuyenvelay.fr",
        ),
    ],
    "negoce": [
        (
            "NÉGOCE OUTILLAGE CENTRE",
            "ZI de Bois Joli, 12 rue des Artisans",
            "03100 MONTLUÇON",
            "SA au capital de 2 400 000 €",
            "04 70 05 61 00",
            "noc-outillage.fr",
        ),
        (
            "DISTRIBUTION QUINCAILLERIE BOURBONNAIS",
            "47 avenue de Gramont",
            "03200 VICHY",
            "SAS au capital de 900 000 €",
            "04 70 96 22 14",
            "dqb-vichy.fr",
        ),
        (
            "COMPTOIR LYONNAIS DE LA FIXATION",
            "88 rue de Gerland",
            "69007 LYON",
            "SAS au capital de 1 100 000 €",
            "04 78 72 50 00",
            "clf-fixation.fr",
        ),
        (
            "FOURNITURES INDUSTRIELLES DU CANTAL",
            "ZA de Tronquières",
            "15000 AURILLAC",
            "SARL au capital de 300 000 €",
            "04 71 63 81 27",
            "fic-aurillac.fr",
        ),
        (
            "ROUSSEL DISTRIBUTION",
            "2 rue de l'Industrie",
            "42300 ROANNE",
            "SAS au capital de 750 000 €",
            "04 77 71 09 38",
            "roussel-distribution.fr",
        ),
        (
            "PRO-QUINCAILLERIE MASSIF CENTRAL",
            "Parc Logistique, bât. C",
            "63360 GERZAT",
            "SA au capital de 4 000 000 €",
            "04 73 25 60 90",
            "pqmc.fr",
        ),
    ],
    "btp": [
        (
            "BÂTIMENTS ET TRAVAUX DU VELAY",
            "Chemin de Taulhac",
            "43000 LE PUY-EN-VELAY",
            "SAS au capital de 1 500 000 €",
            "04 71 05 88 20",
            "btvelay.fr",
        ),
        (
            "CHARPENTES FAURE",
            "ZA des Barrières",
            "43110 AUREC-SUR-LOIRE",
            "SARL au capital de 180 000 €",
            "04 77 35 42 61",
            "charpentes-faure.fr",
        ),
        (
            "GÉNIE CIVIL RHODANIEN",
            "15 route de Valence",
            "26000 VALENCE",
            "SA au capital de 6 000 000 €",
            "04 75 81 30 30",
            "gcr-valence.fr",
        ),
        (
            "SOCIÉTÉ D'ÉQUIPEMENT ÉLECTRIQUE DU LIGNON",
            "3 impasse des Sorbiers",
            "43200 YSSINGEAUX",
            "SAS au capital de 400 000 €",
            "04 71 65 20 47",
            "seel43.fr",
        ),
        (
            "MAÇONNERIE GÉNÉRALE PEYRARD",
            "Le Bourg",
            "43260 SAINT-JULIEN-CHAPTEUIL",
            "SARL au capital de 50 000 €",
            "04 71 08 71 19",
            "peyrard-maconnerie.fr",
        ),
        (
            "COUVERTURE ZINGUERIE MAZET",
            "9 rue des Ardoisiers",
            "43700 COUBON",
            "EURL au capital de 20 000 €",
            "04 71 03 55 02",
            "mazet-couverture.fr",
        ),
    ],
    "labo": [
        (
            "CNRS – DÉLÉGATION RHÔNE AUVERGNE",
            "2 avenue Albert Einstein",
            "69626 VILLEURBANNE CEDEX",
            "Établissement public",
            "04 72 44 56 00",
            "cnrs.fr",
        ),
        (
            "UNIVERSITÉ CLERMONT AUVERGNE",
            "49 boulevard François Mitterrand",
            "63000 CLERMONT-FERRAND",
            "Établissement public",
            "04 73 40 63 63",
            "uca.fr",
        ),
        (
            "INRAE – CENTRE CLERMONT-AUVERGNE-RHÔNE-ALPES",
            "5 chemin de Beaulieu",
            "63000 CLERMONT-FERRAND",
            "Établissement public",
            "04 73 62 40 00",
            "inrae.fr",
        ),
        (
            "UNIVERSITÉ JEAN MONNET",
            "10 rue Tréfilerie",
            "42023 SAINT-ÉTIENNE CEDEX 2",
            "Établissement public",
            "04 77 42 17 00",
            "univ-st-etienne.fr",
        ),
        (
            "ÉCOLE NATIONALE SUPÉRIEURE DES MINES",
            "158 cours Fauriel",
            "42023 SAINT-ÉTIENNE",
            "Établissement public",
            "04 77 42 01 23",
            "emse.fr",
        ),
        (
            "INSTITUT PASCAL – UMR 6602",
            "4 avenue Blaise Pascal",
            "63178 AUBIÈRE",
            "Établissement public",
            "04 73 40 72 00",
            "uca.fr",
        ),
    ],
    "retail": [
        (
            "BRICO-CENTRE AUVERGNE",
            "Centre commercial Les Portes du Velay",
            "43000 LE PUY-EN-VELAY",
            "SAS au capital de 2 000 000 €",
            "04 71 09 30 30",
            "brico-centre.fr",
        ),
        (
            "MR. BRICOLAGE MONTBRISON",
            "Route de Lyon",
            "42600 MONTBRISON",
            "SAS au capital de 500 000 €",
            "04 77 58 40 11",
            "mrbricolage-montbrison.fr",
        ),
        (
            "JARDIMAT DISTRIBUTION",
            "Plateforme logistique, ZAC des Plaines",
            "69800 SAINT-PRIEST",
            "SA au capital de 15 000 000 €",
            "04 72 23 80 00",
            "jardimat.fr",
        ),
        (
            "CENTRALE D'ACHATS BRICO SUD-EST",
            "120 avenue de la Gare",
            "13127 VITROLLES",
            "SAS au capital de 8 000 000 €",
            "04 42 10 77 00",
            "cabse.fr",
        ),
        (
            "LES COMPTOIRS DU JARDIN",
            "ZI Nord, rue Marcel Sembat",
            "42160 ANDRÉZIEUX-BOUTHÉON",
            "SARL au capital de 240 000 €",
            "04 77 36 11 48",
            "comptoirs-jardin.fr",
        ),
        (
            "HYPER BRICOLAGE ROANNE",
            "Zone du Coteau",
            "42120 LE COTEAU",
            "SAS au capital de 1 200 000 €",
            "04 77 68 52 00",
            "hyperbrico-roanne.fr",
        ),
    ],
    "en": [
        (
            "NORDTECH INDUSTRIES FRANCE SAS",
            "3 rue de la Croix Blanche",
            "69330 MEYZIEU",
            "SAS au capital de 10 000 000 €",
            "+33 4 72 45 10 00",
            "nordtech-industries.com",
        ),
        (
            "ACME PACKAGING EUROPE SARL",
            "Parc des Lumières, 21 allée Newton",
            "69200 VÉNISSIEUX",
            "SARL au capital de 2 000 000 €",
            "+33 4 78 70 33 00",
            "acme-pkg.eu",
        ),
        (
            "HELIX AEROSPACE FRANCE",
            "ZA Aéropôle, 8 rue Latécoère",
            "63510 AULNAT",
            "SAS au capital de 25 000 000 €",
            "+33 4 73 62 19 00",
            "helix-aero.com",
        ),
        (
            "BRAUNFELD MACHINERY FRANCE",
            "40 avenue Jean Jaurès",
            "42100 SAINT-ÉTIENNE",
            "SAS au capital de 4 500 000 €",
            "+33 4 77 81 64 00",
            "braunfeld.fr",
        ),
        (
            "OAKRIDGE FOOD SYSTEMS FRANCE",
            "Site de production, route de Bas",
            "43120 MONISTROL-SUR-LOIRE",
            "SAS au capital de 7 000 000 €",
            "+33 4 71 61 90 00",
            "oakridgefood.com",
        ),
        (
            "SCANDI WIND SERVICES FRANCE",
            "11 rue du Mistral",
            "26200 MONTÉLIMAR",
            "SAS au capital de 1 000 000 €",
            "+33 4 75 00 82 00",
            "scandiwind.fr",
        ),
    ],
    "artisan": [
        (
            "SARL PLOMBERIE CHAUFFAGE BRUN",
            "5 place du Marché",
            "43500 CRAPONNE-SUR-ARZON",
            "SARL au capital de 15 000 €",
            "04 71 03 27 90",
            "plomberie-brun.fr",
        ),
        (
            "ENTREPRISE GIRAUD ÉLECTRICITÉ",
            "12 rue des Écoles",
            "43190 TENCE",
            "EI",
            "04 71 59 88 04",
            "giraud-elec.fr",
        ),
        (
            "ATELIER DE FERRONNERIE CHALAYE",
            "Chemin de la Tour",
            "43300 LANGEAC",
            "EURL au capital de 8 000 €",
            "04 71 77 01 55",
            "ferronnerie-chalaye.fr",
        ),
        (
            "MENUISERIE ALU SOULIER",
            "ZA Les Prairies",
            "43330 PONT-SALOMON",
            "SARL au capital de 30 000 €",
            "04 77 35 60 72",
            "soulier-alu.fr",
        ),
        (
            "SAS CLAUSTRES ET BARDAGES DU MÉZENC",
            "Le Villard",
            "43150 LES ESTABLES",
            "SAS au capital de 40 000 €",
            "04 71 08 34 68",
            "bardages-mezenc.fr",
        ),
        (
            "JOUVE PAYSAGES",
            "18 route du Monastier",
            "43000 ESPALY-SAINT-MARCEL",
            "SARL au capital de 20 000 €",
            "04 71 09 17 23",
            "jouve-paysages.fr",
        ),
    ],
    "carnet": [
        (
            "FROMAGERIE DU MEYGAL",
            "Le Bourg",
            "43260 QUEYRIÈRES",
            "SARL au capital de 12 000 €",
            "04 71 57 61 02",
            "fromagerie-meygal.fr",
        ),
        (
            "SCIERIE DES SUCS",
            "La Chaud",
            "43200 ARAULES",
            "SARL au capital de 60 000 €",
            "04 71 59 14 80",
            "scierie-sucs.fr",
        ),
        (
            "GARAGE DU PLATEAU",
            "Route nationale 88",
            "43150 LE MONASTIER-SUR-GAZEILLE",
            "EURL au capital de 10 000 €",
            "04 71 03 80 24",
            "garage-plateau.fr",
        ),
        (
            "BOULANGERIE PÂTISSERIE VEYRE",
            "3 rue Saint-Jacques",
            "43170 SAUGUES",
            "EI",
            "04 71 77 63 15",
            "boulangerie-veyre.fr",
        ),
        (
            "ÉLEVAGE ET MATÉRIEL AGRICOLE ROCHE",
            "Ferme de la Rochette",
            "43350 SAINT-PAULIEN",
            "EARL au capital de 7 500 €",
            "04 71 00 42 66",
            "roche-agri.fr",
        ),
        (
            "CAMPING LES GENÊTS",
            "Route du Lac",
            "43340 LE BOUCHET-SAINT-NICOLAS",
            "SARL au capital de 5 000 €",
            "04 71 57 31 99",
            "camping-genets.fr",
        ),
    ],
}

ARTICLES = [
    ("VIS-TH-M8x40-A2", "Vis tête hexagonale M8x40 inox A2 (boîte 100)", 18.40),
    ("VIS-CHC-M6x20-Z", "Vis CHC M6x20 acier zingué (boîte 200)", 12.90),
    ("ECR-HM10-A4", "Écrou hexagonal M10 inox A4 (boîte 100)", 21.75),
    ("RDL-M12-LRG-Z", "Rondelle large M12 zinguée (sachet 50)", 6.30),
    ("TIG-FIL-M10-1M", "Tige filetée M10 longueur 1 m classe 4.8", 2.85),
    ("CHEV-NYL-8x50", "Cheville nylon 8x50 (boîte 100)", 9.60),
    ("CHEV-MET-M8x65", "Cheville métallique à expansion M8x65 (boîte 50)", 24.10),
    ("GOUJ-M12x120-GALVA", "Goujon d'ancrage M12x120 galvanisé", 1.92),
    ("VIS-BOIS-5x60-TX", "Vis à bois tête fraisée 5x60 Torx (boîte 500)", 27.50),
    ("RIV-AV-4x10-ALU", "Rivet aveugle 4x10 aluminium (boîte 1000)", 31.20),
    ("COL-INOX-20-32", "Collier de serrage inox 20-32 mm (sachet 10)", 8.45),
    ("VIS-AUTOP-4.8x19", "Vis autoperceuse 4,8x19 tête hexagonale (boîte 250)", 14.80),
    ("ECR-FR-M8-NYLSTOP", "Écrou frein M8 Nylstop (boîte 200)", 11.35),
    ("KIT-SCELL-300ML", "Résine de scellement chimique 300 ml", 13.90),
    ("BOUL-TRCC-M10x80", "Boulon TRCC M10x80 acier zingué", 0.68),
    ("EQU-ASS-90-ZN", "Équerre d'assemblage renforcée 90 mm", 1.45),
]
