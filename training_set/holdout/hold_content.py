"""What goes on the paper: customers, article lines, money, dates, and the labelling decisions.

The label rules live here so that every layout follows the same ones (README repeats them):
``order_number`` is the customer's own order number as a clerk types it, suffix left out;
``vat``/``siret`` are the customer's identifiers, compact, only when printed AND valid.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

import hold_ids as ids
from hold_ids import SUPPLIER, Party

FR_CUSTOMERS = [
    ("Centre Hospitalier Universitaire de Grenoble Alpes", "chu-grenoble.fr", "hospital"),
    ("Hospices Civils de Lyon - Direction des Achats", "chu-lyon.fr", "hospital"),
    ("Centre Hospitalier de Cran-Gevrier", "ch-annecy.fr", "hospital"),
    ("Université Grenoble Alpes - Laboratoire LIPhy", "univ-grenoble-alpes.fr", "university"),
    ("CNRS - Institut Néel", "neel.cnrs.fr", "university"),
    ("Université de Lille - Laboratoire PhLAM", "univ-lille.fr", "university"),
    ("BATI-RHÔNE CONSTRUCTION SAS", "batirhone.fr", "construction"),
    ("SOGECO Travaux Publics", "sogeco-tp.fr", "construction"),
    ("Entreprise Martin & Fils", "martin-fils-btp.fr", "construction"),
    ("MÉCANIQUE DE PRÉCISION DU JURA", "mpj-jura.fr", "industry"),
    ("Plastiques Techniques Rhodaniens SA", "ptr-plastiques.fr", "industry"),
    ("AéroComposites Occitanie", "aerocomposites.fr", "industry"),
    ("Laboratoires Pharmaceutiques Dumas", "labo-dumas.fr", "industry"),
    ("Boulangerie Industrielle du Nord", "bin-nord.fr", "industry"),
    ("Garage Lefèvre SARL", "garage-lefevre.fr", "small"),
    ("Atelier Bois & Design", "atelier-bois-design.fr", "small"),
    ("Pharmacie du Marché", "pharmaciedumarche.fr", "small"),
    ("BRICO-PLUS Magasin de Rouen", "bricoplus.fr", "retail"),
    ("Maison & Jardin Distribution", "mj-distribution.fr", "retail"),
    ("Cave Coopérative des Côtes", "cave-cotes.fr", "small"),
    ("Régie des Eaux de Dijon Métropole", "eaux-dijon.fr", "hospital"),
    ("Lycée Technique Vaucanson", "lycee-vaucanson.fr", "university"),
]
FOREIGN_CUSTOMERS = [
    (
        "Northbridge Scientific Ltd",
        "northbridge-sci.co.uk",
        "GB",
        "14 Mill Lane",
        "Cambridge CB2 1RX",
    ),
    ("Keller Messtechnik GmbH", "keller-mess.de", "DE", "Industriestraße 7", "70565 Stuttgart"),
    (
        "Brightwater Labs Inc.",
        "brightwater-labs.com",
        "US",
        "2200 Harbor Blvd",
        "Costa Mesa, CA 92626",
    ),
    (
        "Vandeputte Instruments NV",
        "vandeputte.be",
        "BE",
        "Kortrijksesteenweg 112",
        "9830 Sint-Martens-Latem",
    ),
]

ARTICLES = [
    "Thermocouple type K gaine inox 3 mm",
    "Multimètre numérique TRMS 6000 points",
    "Sonde Pt100 classe A, câble 2 m",
    "Enregistreur de température 8 voies",
    "Câble blindé 4x0,5 mm² (couronne 100 m)",
    "Boîtier de raccordement IP67",
    "Pince ampèremétrique AC/DC 1000 A",
    "Calibrateur de process portable",
    "Transmetteur de pression 0-10 bar",
    "Kit d'étalonnage hygrométrie",
    "Adaptateur secteur 24 V DC 2,5 A",
    "Afficheur numérique encastrable 96x48",
    "Relais statique 25 A",
    "Contrat de vérification annuelle",
    "Frais de port et emballage",
]
ARTICLES_EN = [
    "Digital multimeter TRMS 6000 counts",
    "Type K thermocouple probe, 3 mm sheath",
    "8-channel temperature data logger",
    "Pressure transmitter 0-10 bar",
    "Portable process calibrator",
    "Shielded cable 4x0.5 mm2, 100 m reel",
    "Annual calibration service",
    "Freight and packing",
]


@dataclass(frozen=True)
class Item:
    ref: str
    text: str
    qty: int
    unit: float

    @property
    def total(self) -> float:
        return round(self.qty * self.unit, 2)


def make_items(rng: random.Random, n: int, english: bool = False) -> list[Item]:
    names = rng.sample(ARTICLES_EN if english else ARTICLES, n)
    out = []
    for name in names:
        style = rng.randrange(4)
        if style == 0:
            ref = f"{rng.randint(10000000, 39999999)}"
        elif style == 1:
            ref = f"EMD-{rng.randint(1000, 9999)}-{rng.choice('ABCK')}"
        elif style == 2:
            ref = f"{rng.randint(100, 999)}.{rng.randint(1000, 9999)}"
        else:
            ref = f"TK{rng.randint(10000, 99999)}"
        out.append(
            Item(
                ref,
                name,
                rng.choice([1, 1, 2, 3, 5, 10, 12, 25, 100]),
                rng.randint(8, 2400) + rng.choice([0, 0.5, 0.9, 0.25]),
            )
        )
    return out


def money_fr(x: float, euro: str = " €") -> str:
    whole, cents = f"{x:.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{' '.join(groups)},{cents}{euro}"


def money_en(x: float) -> str:
    return f"{x:,.2f}"


def date_fr(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


def date_long_fr(d: dt.date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class Ctx:
    """Everything one document needs; the identifiers' show/label decision is made once here."""

    rng: random.Random
    customer: Party
    kind: str
    date: dt.date
    items: list[Item]
    supplier: Party = SUPPLIER
    vat_shown: str = ""
    siret_shown: str = ""
    vat_label: str = ""
    siret_label: str = ""
    contact: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def total_ht(self) -> float:
        return round(sum(i.total for i in self.items), 2)


CONTACTS = [
    "Mme Sophie Garnier",
    "M. Julien Roux",
    "Mme Nadia Benali",
    "M. Pierre-Yves Le Gall",
    "Mme Claire Dubois",
    "M. Thomas Moreau",
]
CONTACTS_EN = ["Jane Whitfield", "Mark O'Connor", "Priya Raman", "Stefan Keller"]


def make_ctx(rng: random.Random, sector: str | None = None, country: str = "FR") -> Ctx:
    """A customer, a date, some lines, and which of its identifiers the paper shows.

    ``country`` "FR" picks a French customer of ``sector``; "BE" a Belgian one; "XX" any
    English-speaking or German one."""
    foreign = country != "FR"
    if foreign:
        pool_f = [c for c in FOREIGN_CUSTOMERS if (c[2] == "BE") == (country == "BE")]
        name, domain, country, street, city = rng.choice(pool_f)
        party = ids.make_party(rng, name, domain, country)
        party = Party(**{**party.__dict__, "street": street, "city": city})
    else:
        pool = [c for c in FR_CUSTOMERS if sector is None or c[2] == sector]
        name, domain, _kind = rng.choice(pool)
        party = ids.make_party(rng, name, domain)
    date = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randint(0, 300))
    ctx = Ctx(
        rng=rng,
        customer=party,
        kind=sector or "foreign",
        date=date,
        items=make_items(rng, rng.randint(2, 5), english=foreign and party.country in ("GB", "US")),
        contact=rng.choice(CONTACTS_EN if foreign else CONTACTS),
    )
    roll = rng.random()
    if party.vat and roll < 0.85:
        if roll < 0.06:  # a typo on the letterhead: printed, not a label
            ctx.vat_shown = ids.show_vat(ids.corrupt(party.vat), rng)
        else:
            ctx.vat_shown, ctx.vat_label = ids.show_vat(party.vat, rng), party.vat
    roll = rng.random()
    if party.siret and roll < 0.8:
        if roll < 0.06:
            ctx.siret_shown = ids.show_siret(ids.corrupt(party.siret), rng)
        else:
            ctx.siret_shown, ctx.siret_label = ids.show_siret(party.siret, rng), party.siret
    return ctx


def customer_block(ctx: Ctx, with_ids: bool = True, english: bool = False) -> list[str]:
    c = ctx.customer
    rows = [c.name, c.street, c.city]
    if english:
        rows.append(f"Tel: {c.phone}")
    else:
        rows.append(f"Tél. : {c.phone}  -  Fax : {c.fax}")
    if with_ids:
        if ctx.siret_shown:
            rows.append(f"SIRET : {ctx.siret_shown}")
        if ctx.vat_shown:
            rows.append(("VAT Reg. No: " if english else "N° TVA intracom. : ") + ctx.vat_shown)
    return rows


def supplier_block(ctx: Ctx, title: str = "Fournisseur") -> list[str]:
    s = ctx.supplier
    rows = [title, s.name, s.street, s.city]
    if ctx.rng.random() < 0.6:
        rows.append(f"Code fournisseur : F{ctx.rng.randint(10000, 99999)}")
    if ctx.rng.random() < 0.5:
        rows.append(f"SIRET {ids.show_siret(s.siret, ctx.rng)}")
    return rows
