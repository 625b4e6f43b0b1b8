"""Word-like families written as flat ODT and converted by LibreOffice: a letter that places
an order, a Word table form, a town hall / local-authority order."""

from __future__ import annotations

import random

from h2_data import (
    OWN,
    a_date,
    d_fr,
    d_long,
    force_typo,
    later,
    make_fr_party,
    money,
    our_quote,
    own_siret_txt,
    own_vat_txt,
    person,
    pick_lines,
    totals,
)
from h2_doc import Doc, dated
from h2_fodt import Fodt

SMALL_COS = [
    "SARL ROUSSEL FROID CLIMATISATION",
    "ÉTABLISSEMENTS VASSEUR",
    "CHARCUTERIE INDUSTRIELLE DU PAYS D'AUGE",
    "ENTREPRISE LEBRETON NETTOYAGE",
    "SAS HUET AGRICULTURE",
    "IMPRIMERIE MODERNE DE FÉCAMP",
    "AMBULANCES DU LITTORAL",
    "ATELIER DE TÔLERIE GAUTIER",
    "SCEA DES GRANDS CHAMPS",
    "LA FROMAGERIE DU BRAY",
]


def _legal_footer(doc: Fodt, cust, size: float = 7.5) -> None:
    parts = [cust.name, cust.rcs]
    if cust.siret_txt:
        parts.append(f"SIRET {cust.siret_txt}")
    if cust.vat_txt:
        parts.append(f"TVA intracommunautaire {cust.vat_txt}")
    if cust.ape:
        parts.append(f"APE {cust.ape}")
    doc.foot(" – ".join(parts), size=size, align="center", color="#444444")


def _lines_table(
    doc: Fodt, lines, size: float = 9.5, bg: str | None = "#d9d9d9"
) -> tuple[float, float, float]:
    rows = [["Référence", "Désignation", "Qté", "Prix unit. HT", "Montant HT"]]
    for ref, des, _unit, qty, price in lines:
        rows.append([ref, des, str(qty), money(price), money(qty * price)])
    ht, tva, ttc = totals(lines)
    rows.append(
        [
            "",
            {"text": "Total HT", "p": {"bold": True}},
            "",
            "",
            {"text": money(ht), "p": {"bold": True, "align": "end"}},
        ]
    )
    doc.table(
        rows,
        [2.6, 7.6, 1.4, 2.6, 2.8],
        header_bg=bg,
        size=size,
        aligns=["start", "start", "center", "end", "end"],
    )
    return ht, tva, ttc


# --------------------------------------------------------------------------- courrier_commande


def courrier_commande(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng,
        SMALL_COS[(i * 3) % len(SMALL_COS)],
        p_typo=0.1,
        ape=rng.choice(["4322B", "1013A", "8122Z", "0111Z", "1811Z", "8690A"]),
    )
    if i == 4:
        force_typo(rng, cust, "siret")
    first, last = person(rng)
    n = rng.randint(10, 9999)
    yy = t[0] % 100
    number, printed, objet, refline, sentence = "", "", "", "", ""
    k = i % 6
    if k == 0:
        number = f"{yy}-{n:04d}"
        printed = number + "/" + first[0] + last[0]
        objet = "Objet : Commande de fournitures"
        refline = f"N/Réf. : {printed}"
        sentence = "Veuillez trouver ci-dessous notre commande, à livrer à l'adresse ci-dessus :"
    elif k == 1:
        number = f"{rng.randint(100000, 999999)}"
        printed = number
        objet = f"Objet : Commande {number}"
        sentence = "Nous vous prions de bien vouloir nous livrer dans les meilleurs délais les articles suivants :"
    elif k == 2:
        number = f"{t[0]}.{rng.randint(10, 999):03d}"
        printed = number
        objet = "Objet : notre commande"
        sentence = f"Veuillez trouver notre commande n° {number} relative à votre offre {our_quote(rng, t)} :"
    elif k == 3:
        number = f"{yy}/{n:04d}"
        printed = number
        objet = "Objet : Bon de commande"
        refline = f"Document n° {number}"
        sentence = "Suite à notre entretien téléphonique, nous vous passons commande des produits suivants :"
    elif k == 4:
        number = f"C.{yy}.{n:04d}"
        printed = number + "-02"
        objet = f"Objet : Commande {printed} (annule et remplace la commande {number}-01)"
        sentence = "Suite à la modification des quantités, cette commande annule et remplace la précédente :"
    else:
        number = f"{rng.randint(1000, 9999)}"
        printed = number
        objet = "Objet : Confirmation de commande téléphonique"
        sentence = f"Nous vous confirmons notre commande n° {number} passée ce jour par téléphone auprès de votre service commercial :"
    font = rng.choice(
        ["Liberation Serif", "Nimbus Roman", "C059", "Liberation Sans", "DejaVu Sans"]
    )
    doc = Fodt(font=font, size=rng.choice([10.5, 11, 11]))
    doc.p([(cust.name, {"size": 15, "bold": True})], after=0)
    doc.p(
        rng.choice(
            [
                "Froid – Climatisation – Pompes à chaleur",
                "Depuis 1962",
                "Qualité – Service – Proximité",
                "Agrément n° FR 14.258.012 CE",
                "",
            ]
        ),
        italic=True,
        size=9,
        after=0.1,
    )
    doc.p(
        f"{cust.street}\n{cust.postcode} {cust.city}\nTél. {cust.phone}"
        + (f" – Fax {cust.fax}" if cust.fax else "")
        + f"\n{cust.email}",
        size=9,
        after=0.6,
        bottom="0.75pt solid #000000",
    )
    doc.p(
        "\n".join([OWN.name, "Service commercial", OWN.street2, f"{OWN.postcode} {OWN.city}"]),
        indent=9.5,
        before=0.5,
        after=0.8,
    )
    doc.p(f"{cust.city}, le {d_long(t)}", indent=9.5, after=0.5)
    if refline:
        doc.p(refline, bold=True, after=0.1)
    doc.p(objet, bold=True, underline=k == 1, after=0.5)
    doc.p("Madame, Monsieur,", after=0.3)
    doc.p(sentence, after=0.3, align="justify")
    lines = pick_lines(rng, rng.randint(2, 5))
    _ht, _, _ = _lines_table(doc, lines, size=9.5, bg=rng.choice(["#d9d9d9", None]))
    doc.p(
        f"Délai de livraison souhaité : {rng.choice(['sous huitaine', 'avant le ' + d_fr(later(t, 12)), 'au plus tôt'])}.",
        before=0.4,
    )
    doc.p(
        rng.choice(
            [
                "Nous vous remercions de rappeler nos références sur votre bon de livraison et votre facture.",
                "Merci de nous adresser un accusé de réception de cette commande.",
                "La facture sera à adresser à notre service comptabilité, en un seul exemplaire.",
            ]
        ),
        align="justify",
    )
    doc.p(
        "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        before=0.3,
        align="justify",
    )
    doc.p(
        f"{first} {last}\n{rng.choice(['Gérant', 'Responsable des achats', 'Directrice', 'Chef d’atelier'])}",
        indent=9.5,
        before=0.8,
    )
    _legal_footer(doc, cust)
    return dated(Doc("courrier_commande", "fodt", doc.render(), number, printed, cust), t)


# --------------------------------------------------------------------------- word_form_table


def word_form_table(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, SMALL_COS[(i * 7 + 1) % len(SMALL_COS)], p_typo=0.12)
    n = rng.randint(10, 9999)
    yy = t[0] % 100
    number = [
        f"BC {yy}-{n:04d}",
        f"CM{yy}{n:04d}",
        f"{n:04d}-{yy}",
        f"W{yy}-{n:04d}",
        f"BC {yy}-{n:04d}",
        f"R{yy}{n:04d}",
    ][i % 6]
    header = rng.choice(
        ["Réf. commande", "N° commande", "Réf. commande", "Commande n°", "Notre réf. commande"]
    )
    font = rng.choice(["Liberation Sans", "DejaVu Sans", "Nimbus Sans", "Liberation Sans Narrow"])
    doc = Fodt(font=font, size=10, margins=(1.3, 1.5, 1.3, 1.5))
    left = [
        doc.para([(cust.name, {"bold": True, "size": 13})], after=0),
        doc.para(
            f"{cust.street}\n{cust.postcode} {cust.city}\nTél. : {cust.phone}\nMail : {cust.email}",
            size=9,
            after=0,
        ),
    ]
    right = [
        doc.para([("BON DE COMMANDE", {"bold": True, "size": 17})], align="end", after=0.1),
        doc.para("Exemplaire fournisseur", align="end", italic=True, size=8, after=0),
    ]
    doc.table([[left, right]], [9.0, 9.0], border=None, raw_cells=True)
    doc.p("", after=0.2)
    quote = our_quote(rng, t)
    heads = [header, "Date", "Votre devis", "Code fournisseur", "Délai"]
    vals = [
        number,
        d_fr(t),
        quote if rng.random() < 0.7 else "—",
        f"{rng.randint(40100, 40199)}",
        rng.choice(["8 jours", "15 jours", d_fr(later(t, 20))]),
    ]
    doc.table(
        [heads, vals],
        [3.6, 2.8, 3.6, 3.6, 4.4],
        header_bg="#e7e6e6",
        size=9.5,
        aligns=["center"] * 5,
    )
    doc.p("", after=0.2)
    sup = [
        "Fournisseur :",
        OWN.name,
        OWN.street2,
        f"{OWN.postcode} {OWN.city}",
        f"Tél. {OWN.phone}",
    ]
    if rng.random() < 0.5:
        sup.append(f"N° TVA {own_vat_txt(rng)}")
    liv = [
        "Adresse de livraison :",
        cust.name,
        rng.choice(["Atelier", "Dépôt", "Entrepôt", "Magasin"]),
        cust.street,
        f"{cust.postcode} {cust.city}",
    ]
    doc.table([["\n".join(sup), "\n".join(liv)]], [9.0, 9.0], size=9, header_bg=None)
    doc.p("", after=0.2)
    lines = pick_lines(rng, rng.randint(3, 7))
    rows = [["Article", "Désignation", "Qté", "Unité", "P.U. HT", "Total HT"]]
    for ref, des, unit, qty, price in lines:
        rows.append([ref, des, str(qty), unit, money(price), money(qty * price)])
    ht, tva, ttc = totals(lines)
    doc.table(
        rows,
        [2.6, 8.0, 1.2, 1.3, 2.3, 2.6],
        header_bg="#e7e6e6",
        size=9,
        aligns=["start", "start", "center", "center", "end", "end"],
    )
    doc.table(
        [
            ["Total HT", money(ht)],
            ["TVA 20 %", money(tva)],
            [
                {"text": "Total TTC", "p": {"bold": True}},
                {"text": money(ttc), "p": {"bold": True, "align": "end"}},
            ],
        ],
        [3.0, 3.0],
        size=9.5,
        aligns=["start", "end"],
    )
    doc.p(
        "Conditions : franco de port. Paiement à 30 jours fin de mois. Merci de rappeler la référence de commande sur tous vos documents.",
        size=8.5,
        before=0.4,
    )
    doc.p("Bon pour commande,\nDate, signature et cachet :", before=0.5, indent=10)
    ids = []
    if cust.siret_txt:
        ids.append(f"SIRET : {cust.siret_txt}")
    else:
        ids.append(f"SIREN : {cust.siren_txt}")
    if cust.vat_txt:
        ids.append(f"N° TVA : {cust.vat_txt}")
    doc.foot(
        f"{cust.name} – {cust.capital and 'Capital ' + cust.capital} – " + " – ".join(ids),
        size=7.5,
        align="center",
    )
    return dated(Doc("word_form_table", "fodt", doc.render(), number, number, cust), t)


# --------------------------------------------------------------------------- collectivite_order

COLLECTIVITES = [
    ("MAIRIE DE BOLBEC", "Services techniques municipaux", "76210", "Bolbec"),
    ("COMMUNAUTÉ DE COMMUNES CÔTE D'ALBÂTRE", "Pôle environnement", "76450", "Cany-Barville"),
    (
        "DÉPARTEMENT DE L'ORNE",
        "Direction des routes – Agence de Mortagne",
        "61400",
        "Mortagne-au-Perche",
    ),
    (
        "COMMUNE DE SAINT-PIERRE-LÈS-ELBEUF",
        "Secrétariat de mairie",
        "76320",
        "Saint-Pierre-lès-Elbeuf",
    ),
    ("RÉGION NORMANDIE", "Direction des lycées – Maintenance", "14000", "Caen"),
    ("SIVOM DU PAYS DE BRAY", "Service eau et assainissement", "76270", "Neufchâtel-en-Bray"),
]


def collectivite_order(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    org, service, pc, city = COLLECTIVITES[i % 6]
    cust = make_fr_party(
        rng, org, p_vat=0.2, p_siret=0.95, p_typo=0.05, siren_first="2", city=(pc, city, "02")
    )
    yy = t[0] % 100
    k = i % 6
    number, label = [
        (f"{t[0]}-{rng.randint(1, 2000):06d}", "BON DE COMMANDE N°"),
        (f"{yy}E{rng.randint(100, 9999):05d}", "Bon de commande / Engagement n°"),
        (f"{rng.choice(['21', '22'])}{rng.randint(0, 99999999):08d}", "N° d'engagement :"),
        (f"{rng.randint(100, 999)}/{t[0]}", "Commande n°"),
        (f"EJ {yy}-{rng.randint(1, 99999):06d}", "Engagement juridique n°"),
        (f"{t[0]}/{rng.randint(1, 999):04d}", "BC n°"),
    ][k]
    font = rng.choice(["Liberation Serif", "Liberation Sans", "DejaVu Serif", "Nimbus Sans"])
    doc = Fodt(font=font, size=10)
    left = [
        doc.para([(org, {"bold": True, "size": 13})], after=0),
        doc.para(f"{service}\n{cust.street}\n{pc} {city}\nTél. {cust.phone}", size=9, after=0),
    ]
    right = [doc.para(f"Exercice {t[0]}\nDate : {d_fr(t)}", align="end", size=9, after=0)]
    doc.table([[left, right]], [11.0, 6.0], border=None, raw_cells=True)
    doc.p(
        [(f"{label} {number}", {"bold": True, "size": 14})],
        align="center",
        before=0.6,
        after=0.4,
        border="1pt solid #000000",
    )
    info = [
        ["Service demandeur", service],
        [
            "Imputation budgétaire",
            f"{rng.choice(['011', '021', '65'])} – {rng.choice(['60632', '60628', '61521', '2188'])} – {rng.choice(['020', '822', '812', '321'])}",
        ],
        [
            "Code service (Chorus Pro)",
            rng.choice(["ST", "SERVTECH", "MAIRIE", "DR-AGMORT", "LYCEES-MAINT", "EAU"]),
        ],
    ]
    if cust.siret_txt:
        info.append(["SIRET", cust.siret_txt])
    if cust.vat_txt:
        info.append(["N° TVA intracommunautaire", cust.vat_txt])
    if rng.random() < 0.6:
        info.append(["Marché / convention", f"MAPA {t[0] - 1}-{rng.randint(1, 40):02d}"])
    info.append(["Suivi", " ".join(person(rng))])
    doc.table(info, [6.0, 11.0], border="0.5pt solid #808080", size=9.5, header_bg=None)
    doc.p("", after=0.2)
    sup = f"Fournisseur : {OWN.name} – {OWN.street2} – {OWN.postcode} {OWN.city}"
    if rng.random() < 0.7:
        sup += f" – SIRET {own_siret_txt(rng)}"
    doc.p(sup, size=9.5, after=0.3)
    lines = pick_lines(rng, rng.randint(2, 5))
    _lines_table(doc, lines, size=9.5)
    doc.p(
        "La facture, établie au nom de la collectivité, sera déposée sur Chorus Pro et rappellera obligatoirement la référence ci-dessus. "
        "Livraison aux services techniques, du lundi au vendredi, 8h–12h.",
        size=9,
        before=0.4,
        align="justify",
    )
    doc.p(
        f"Fait à {city}, le {d_long(t)}\n{rng.choice(['Le Maire', 'Le Président', 'Pour le Président et par délégation', 'Le Directeur'])},\n\n{' '.join(person(rng))}",
        indent=9.0,
        before=0.6,
    )
    return dated(Doc("collectivite_order", "fodt", doc.render(), number, number, cust), t)
