"""Seed, our company, customers, French identifiers (SIREN/SIRET by Luhn, VAT key), typos, groupings."""

from __future__ import annotations

import hashlib
import random
import unicodedata

SEED = "20261208n"


def rng(*parts: object) -> random.Random:
    key = ":".join([SEED, *map(str, parts)])
    return random.Random(int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big"))


def digest(*parts: object, n: int = 32) -> str:
    return hashlib.sha256(":".join([SEED, *map(str, parts)]).encode()).hexdigest()[:n]


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


def make_siren(r: random.Random) -> str:
    while True:
        body = str(r.randint(3, 9)) + "".join(str(r.randint(0, 9)) for _ in range(7))
        for last in "0123456789":
            if luhn_ok(body + last):
                return body + last


def make_siret(r: random.Random, siren: str) -> str:
    while True:
        nic = r.choice(["0001", "0002", "0003", "0004", "0005"]) if r.random() < 0.4 else ""
        nic = nic or "".join(str(r.randint(0, 9)) for _ in range(4))
        for last in "0123456789":
            if luhn_ok(siren + nic + last):
                return siren + nic + last


def vat_of(siren: str) -> str:
    return f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"


def typo(r: random.Random, value: str, valid) -> str:
    """One digit changed so that the identifier is no longer valid."""
    while True:
        idx = [i for i, c in enumerate(value) if c.isdigit()]
        i = r.choice(idx)
        d = r.choice([c for c in "0123456789" if c != value[i]])
        out = value[:i] + d + value[i + 1 :]
        if not valid(out):
            return out


def print_vat(r: random.Random, vat: str) -> str:
    k, s = vat[2:4], vat[4:]
    return r.choice(
        [
            vat,
            f"FR {k} {s}",
            f"FR{k} {s[:3]} {s[3:6]} {s[6:]}",
            f"FR {k} {s[:3]} {s[3:6]} {s[6:]}",
            f"FR {k}{s}",
            f"FR-{k}-{s}",
        ]
    )


def print_siret(r: random.Random, siret: str) -> str:
    s = siret
    return r.choice(
        [
            s,
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:]}",
            f"{s[:9]} {s[9:]}",
            f"{s[:3]} {s[3:6]} {s[6:9]} {s[9:12]} {s[12:]}",
            f"{s[:3]}.{s[3:6]}.{s[6:9]}.{s[9:]}",
        ]
    )


def print_siren(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


class Party:
    def __init__(self, key: str, name: str, street: str, town: str, phone: str, mail: str):
        r = rng("party", key)
        self.key = key
        self.name = name
        self.street = street
        self.town = town
        self.phone = phone
        self.mail = mail
        self.siren = make_siren(r)
        self.siret = make_siret(r, self.siren)
        self.vat = vat_of(self.siren)
        self.capital = f"{r.choice([7500, 15000, 40000, 100000, 250000, 1200000, 3500000]):,}".replace(
            ",", " "
        )
        self.ape = r.choice(["2013B", "2221Z", "4669B", "3320C", "8610Z", "7219Z", "4711F", "0150Z", "4322B", "2932Z"])
        self.town_only = town.split(" ", 1)[1] if " " in town else town


OUR = Party(
    "own",
    "JOINTS & TRANSMISSIONS DE L'ANJOU SAS",
    "14 rue de la Guiberne, ZI du Cormier",
    "49300 Cholet",
    "02 41 58 37 90",
    "adv@jta-anjou.fr",
)
OUR.short = "JTA Anjou"
OUR.fax = "02 41 58 37 99"
OUR.iban = "FR76 1790 6000 3201 4478 2210 943"
OUR.bic = "AGRIFRPP879"
OUR.rcs = f"RCS Angers {print_siren(OUR.siren)}"

CUSTOMERS: dict[str, list[tuple[str, str, str, str]]] = {
    "chimie": [
        ("POLYMÈRES DU RHÔNE SAS", "Zone portuaire, 8 allée des Chimistes", "69190 Saint-Fons", "04 78 67 21 40"),
        ("ARKOLIS SPECIALTY CHEMICALS", "Plateforme chimique, bât. 412", "38150 Roussillon", "04 74 29 55 10"),
        ("PLASTURGIE DE L'AIN SA", "350 route de Genève", "01100 Oyonnax", "04 74 77 03 62"),
        ("LABORATOIRES VÉTÉRINAIRES DE L'OUEST", "2 rue des Landes", "35760 Saint-Grégoire", "02 99 23 64 81"),
        ("SOCIÉTÉ NORMANDE DES ÉLASTOMÈRES", "Parc d'activités du Madrillet", "76800 Saint-Étienne-du-Rouvray", "02 35 64 90 12"),
        ("CÉRAMIQUES TECHNIQUES DU LIMOUSIN", "12 avenue du Président Kennedy", "87000 Limoges", "05 55 30 41 77"),
    ],
    "pme": [
        ("MENUISERIE GUÉRIN ET FILS", "La Croix Verte", "85500 Les Herbiers", "02 51 91 07 33"),
        ("ATELIERS MÉCANIQUES DU SAUMUROIS", "5 rue des Ardoisières", "49400 Saumur", "02 41 50 62 18"),
        ("SARL HYDRO-SERVICES 44", "ZA de la Bérangerais", "44240 La Chapelle-sur-Erdre", "02 40 29 84 55"),
        ("TECHNI-AGRI MAINE", "Route de Laval", "72000 Le Mans", "02 43 28 66 90"),
        ("CHAUDRONNERIE BRETONNE SARL", "ZI de Kerpont", "56850 Caudan", "02 97 76 40 03"),
        ("CONVOYAGE ET MANUTENTION DU CENTRE", "18 rue Ampère", "37170 Chambray-lès-Tours", "02 47 28 73 11"),
    ],
    "public": [
        ("CENTRE HOSPITALIER DE CHOLET", "1 rue Marengo", "49325 Cholet Cedex", "02 41 49 60 00"),
        ("COMMUNE DE BEAUPRÉAU-EN-MAUGES", "Rue Robert Schuman", "49600 Beaupréau-en-Mauges", "02 41 71 76 80"),
        ("LYCÉE PROFESSIONNEL LES ARDILLIERS", "1 quai du Jagueneau", "49400 Saumur", "02 41 40 22 50"),
        ("SYNDICAT D'EAU DE L'ANJOU", "Rue de la Gâtine", "49070 Beaucouzé", "02 41 72 10 40"),
        ("CHU DE NANTES - DIRECTION DES ACHATS", "5 allée de l'Île Gloriette", "44093 Nantes Cedex 1", "02 40 08 33 33"),
        ("DÉPARTEMENT DE MAINE-ET-LOIRE", "Place Michel Debré", "49941 Angers Cedex 9", "02 41 81 49 49"),
    ],
    "labo": [
        ("CNRS - DÉLÉGATION BRETAGNE PAYS DE LA LOIRE", "74E rue de Paris", "35065 Rennes Cedex", "02 99 28 68 68"),
        ("UNIVERSITÉ D'ANGERS - LABORATOIRE LARIS", "62 avenue Notre-Dame du Lac", "49000 Angers", "02 44 68 75 00"),
        ("INRAE CENTRE PAYS DE LA LOIRE", "Rue de la Géraudière", "44316 Nantes Cedex 3", "02 40 67 50 00"),
        ("NANTES UNIVERSITÉ - GEPEA", "37 boulevard de l'Université", "44602 Saint-Nazaire", "02 40 17 26 00"),
        ("ÉCOLE CENTRALE DE NANTES - GeM", "1 rue de la Noë", "44321 Nantes Cedex 3", "02 40 37 16 00"),
        ("INSTITUT DE CHIMIE MOLÉCULAIRE - CNRS", "2 rue Henri Dunant", "94320 Thiais", "01 49 78 11 00"),
    ],
    "retail": [
        ("BRICO-OUEST DISTRIBUTION", "Centrale d'achats, 4 rue Lavoisier", "44800 Saint-Herblain", "02 28 03 45 00"),
        ("AGRI-MARCHÉ CENTRALE SAS", "Parc logistique des Ajoncs", "53000 Laval", "02 43 59 61 20"),
        ("JARDIN & MAISON DU VAL DE LOIRE", "Entrepôt Nord, rue de l'Industrie", "41000 Blois", "02 54 52 30 10"),
        ("CASH PRO ATLANTIQUE", "ZAC du Moulin Neuf", "17180 Périgny", "05 46 45 72 00"),
        ("MONDIAL AUTO PIÈCES SA", "Plateforme Ouest, 9 rue Newton", "72100 Le Mans", "02 43 84 91 00"),
        ("QUINCAILLERIE CENTRALE DE L'OUEST", "3 rue du Commerce", "79000 Niort", "05 49 24 33 70"),
    ],
    "btp": [
        ("SOGECLIM INSTALLATIONS", "7 rue des Métiers", "49100 Angers", "02 41 36 82 10"),
        ("BÂTIMENT & GÉNIE CIVIL DE LA SARTHE", "Route de Tours", "72230 Arnage", "02 43 21 07 80"),
        ("ÉTANCHÉITÉ ET TOITURES DE L'OUEST", "ZA de la Lande", "85000 La Roche-sur-Yon", "02 51 37 44 21"),
        ("TRAVAUX PUBLICS DU MAUGES", "Le Pin-en-Mauges", "49110 Beaupréau-en-Mauges", "02 41 70 15 62"),
        ("AQUATHERM MAINTENANCE", "4 impasse des Tisserands", "44470 Carquefou", "02 40 52 90 41"),
        ("SOCIÉTÉ DE POMPAGE DU LAYON", "Rue du Layon", "49290 Chalonnes-sur-Loire", "02 41 78 22 08"),
    ],
    "intl": [
        ("KRONWERK FRANCE SAS", "Parc Technologique, 3 rue Gutenberg", "67400 Illkirch", "03 88 55 21 00"),
        ("NORDIC FLUID SYSTEMS FRANCE", "ZAC Paris Nord 2, 22 avenue des Nations", "95932 Roissy CDG", "01 48 63 20 00"),
        ("HALVERSON PACKAGING SAS", "Avenue de l'Europe", "59810 Lesquin", "03 20 87 40 00"),
        ("BRANDT-MÜLLER ANTRIEBSTECHNIK SARL", "14 rue de Bâle", "68300 Saint-Louis", "03 89 69 40 70"),
        ("ATLAS MARINE EQUIPMENT FRANCE", "Quai des Antilles", "44600 Saint-Nazaire", "02 40 00 51 00"),
        ("VELTHOFF AGRO MACHINERY SAS", "Route de Paris", "45140 Ormes", "02 38 72 88 00"),
    ],
    "petit": [
        ("EARL DU BOIS JOLI", "Le Bois Joli", "49310 Vihiers", "06 72 18 44 90"),
        ("GARAGE MOREAU", "12 route de Nantes", "49450 Sèvremoine", "02 41 64 11 38"),
        ("SCEA LES VIGNES DU COTEAU", "Chemin des Coteaux", "49380 Bellevigne-en-Layon", "06 81 22 57 03"),
        ("BOULANGERIE PÂTISSERIE LEBRETON", "4 place de l'Église", "79300 Bressuire", "05 49 65 08 12"),
        ("CUMA DE LA VALLÉE DE L'ÈVRE", "La Cour Neuve", "49270 Saint-Laurent-des-Autels", "06 07 39 51 66"),
        ("SARL PISCINES ET SPAS DES MAUGES", "ZA du Landreau", "49120 Chemillé-en-Anjou", "02 41 30 62 74"),
        ("SCIERIE BODIN", "Route de Cholet", "85290 Mortagne-sur-Sèvre", "02 51 65 03 48"),
        ("ENTREPRISE ROUSSEAU ÉLECTRICITÉ", "8 rue des Acacias", "49360 Maulévrier", "06 88 14 72 09"),
        ("FROMAGERIE DU MARAIS", "Le Grand Marais", "85230 Bouin", "02 51 68 70 15"),
    ],
    "agro": [
        ("COOPÉRATIVE AGRICOLE TERRES DE L'OUEST", "Silo de la Gare", "49500 Segré-en-Anjou Bleu", "02 41 92 12 00"),
        ("LAITERIE DES MAUGES SA", "Route de Montjean", "49410 Mauges-sur-Loire", "02 41 77 40 60"),
        ("CONSERVERIE DU BOCAGE", "ZI du Bocage", "85700 Pouzauges", "02 51 57 10 31"),
        ("VOLAILLES D'ANJOU SAS", "La Grande Prée", "49250 Beaufort-en-Anjou", "02 41 79 68 00"),
        ("MALTERIE DE LA LOIRE", "Quai de la Fosse", "44100 Nantes", "02 40 73 52 20"),
        ("SUCRERIE DE LA BEAUCE", "Route d'Artenay", "45410 Artenay", "02 38 80 40 00"),
    ],
}

_party_cache: dict[str, Party] = {}


def customer(sector: str, n: int) -> Party:
    key = f"{sector}:{n}"
    if key not in _party_cache:
        name, street, town, phone = CUSTOMERS[sector][n % len(CUSTOMERS[sector])]
        ascii_name = unicodedata.normalize("NFKD", name.lower().split(" - ")[0]).encode("ascii", "ignore").decode()
        dom = "".join(c for c in ascii_name if c.isalnum())[:14] or "client"
        _party_cache[key] = Party(key, name, street, town, phone, f"achats@{dom}.fr")
    return _party_cache[key]


ARTICLES = [
    ("JT-NBR-70-045", "Joint torique NBR 70 Sh 45 x 3", "sachet 50", 18.40),
    ("RLT-6205-2RS", "Roulement à billes 6205-2RS C3", "pièce", 7.95),
    ("CRS-A-080-ST", "Courroie trapézoïdale SPA 1800", "pièce", 14.20),
    ("BAG-PTFE-25", "Bague d'étanchéité PTFE 25x35x7", "pièce", 11.60),
    ("PAL-UCF-208", "Palier applique UCF 208 fonte", "pièce", 32.75),
    ("CHN-08B-1", "Chaîne à rouleaux 08B-1 simple, 5 m", "rouleau", 46.90),
    ("GRS-EP2-400", "Graisse lithium EP2 cartouche 400 g", "carton 12", 63.00),
    ("ACC-RDT-12", "Accouplement élastique Rotex 24", "pièce", 38.10),
    ("JSP-VIT-040", "Joint spi Viton 40x62x8", "pièce", 9.35),
    ("PLT-EPDM-3", "Plaque EPDM 3 mm 1000x1000", "plaque", 54.80),
    ("MOT-RED-037", "Motoréducteur 0,37 kW i=20", "pièce", 412.00),
    ("TRS-PU-10", "Tuyau PU 10x6,5 bleu, 25 m", "couronne", 27.40),
    ("CF-JT-080", "Kit joints vérin Ø 80", "kit", 21.95),
    ("PGN-Z18-05", "Pignon Z18 pas 1/2\" moyeu", "pièce", 16.30),
    ("BRD-LIN-20", "Guidage linéaire rail 20, 1 m", "pièce", 88.60),
]
