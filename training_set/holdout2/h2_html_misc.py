"""HTML families: public order with an engagement number, car dealer/garage, pharmacy/lab,
printed e-mail, title-only order, German/English customer, pre-printed carbon order book."""

from __future__ import annotations

import random

from h2_data import (
    CATALOGUE,
    OWN,
    a_date,
    d_de,
    d_fr,
    d_long,
    earlier,
    esc,
    force_typo,
    later,
    make_foreign_party,
    make_fr_party,
    money,
    money_en,
    our_quote,
    own_siret_txt,
    own_vat_txt,
    person,
    pick_lines,
    slug,
    totals,
)
from h2_doc import Doc, dated, html_page, ids_html, lines_html, table

# --------------------------------------------------------------------------- public_engagement

PUBLIC = [
    ("PRÉFECTURE DE LA SEINE-MARITIME", "Service des moyens et de la logistique", "76000", "Rouen"),
    ("SDIS DE L'EURE", "Groupement logistique – Magasin central", "27000", "Évreux"),
    (
        "DIRECTION INTERDÉPARTEMENTALE DES ROUTES NORD-OUEST",
        "Centre d'entretien et d'intervention",
        "14000",
        "Caen",
    ),
    ("RECTORAT DE L'ACADÉMIE DE NORMANDIE", "Division des achats", "14000", "Caen"),
    ("DIRECTION RÉGIONALE DES DOUANES", "Pôle logistique", "76600", "Le Havre"),
    (
        "ÉTABLISSEMENT FRANÇAIS DU SANG – SITE DE BOIS-GUILLAUME",
        "Service approvisionnements",
        "76230",
        "Bois-Guillaume",
    ),
    ("MUSÉUM NATIONAL – STATION MARINE", "Gestion financière", "50100", "Cherbourg-en-Cotentin"),
    ("LYCÉE PROFESSIONNEL JULES VERNE", "Intendance", "72000", "Le Mans"),
]


def public_engagement(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    org, service, pc, city = PUBLIC[i % len(PUBLIC)]
    cust = make_fr_party(
        rng,
        org,
        p_vat=0.25,
        p_siret=1.0,
        p_typo=0.0,
        siren_first=rng.choice("12"),
        city=(pc, city, "02"),
    )
    if i == 3:
        force_typo(rng, cust, "siret")
    ej = f"{rng.choice(['13', '21', '10', '15'])}{rng.randint(0, 99999999):08d}"
    with_bc = i % 3 != 2
    bc = rng.choice(
        [
            f"BC-{t[0]}-{rng.randint(1, 3000):05d}",
            f"{t[0] % 100}BC{rng.randint(100, 9999):04d}",
            f"BC {t[0]}/{rng.randint(10, 999):03d}",
        ]
    )
    code_service = rng.choice(["ACH-LOG", "SML76", "MAG-CENTRAL", "DAF0042", "INTEND"])
    marche = f"{t[0] - 1}{rng.choice(['U', 'M', 'AO'])}{rng.randint(10, 999):03d}"
    cf = f"0{rng.randint(100, 999)}-{rng.choice(['CDBU', 'DR76', 'SGAR'])}-{rng.choice(['D076', 'C014', 'R028'])}"
    font = rng.choice(["'Liberation Sans'", "'Nimbus Sans'", "'DejaVu Sans'"])
    css = f"""
body {{ font-family: {font}; font-size: 9pt; }}
.rf {{ font-size: 8pt; font-weight: bold; line-height: 1.15; border-left: 4px solid #000; padding-left: 6px; }}
.hd {{ display: flex; justify-content: space-between; }}
h1 {{ font-size: 15pt; text-align: center; margin: 14px 0 6px 0; }}
.ej {{ border: 2px solid #000; padding: 6px; margin: 8px 0; }}
.ej .v {{ font-size: 13pt; font-weight: bold; }}
table.k {{ width: 100%; border-collapse: collapse; }}
table.k td {{ border: 1px solid #777; padding: 3px 5px; vertical-align: top; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 10px; }}
table.l th, table.l td {{ border: 1px solid #777; padding: 3px; }}
table.l th {{ background: #eee; }}
.sig {{ display: flex; justify-content: space-between; margin-top: 18px; }}
"""
    ej_label = rng.choice(
        [
            "N° d'engagement juridique (EJ)",
            "Numéro d'engagement",
            "N° EJ Chorus Pro",
            "Engagement juridique n°",
        ]
    )
    head = (
        f'<div class="hd"><div class="rf">RÉPUBLIQUE<br>FRANÇAISE<br><span style="font-weight:normal;font-style:italic">Liberté<br>Égalité<br>Fraternité</span></div>'
        f'<div style="text-align:right"><b>{esc(org)}</b><br>{esc(service)}<br>{esc(cust.street)}<br>{pc} {esc(city)}<br>Tél. {esc(cust.phone)}</div></div>'
    )
    title = f"BON DE COMMANDE N° {esc(bc)}" if with_bc else "BON DE COMMANDE"
    ej_box = (
        f'<div class="ej">{esc(ej_label)} : <span class="v">{ej}</span><br>'
        "<small>Ce numéro doit obligatoirement figurer sur la facture déposée sur Chorus Pro, avec le SIRET et le code service ci-dessous.</small></div>"
    )
    ids = [
        ("SIRET de la structure", cust.siret_txt or ""),
        ("Code service", code_service),
        ("Centre financier", cf),
        ("Marché n°", f"{marche} – lot {rng.randint(1, 6)}"),
        ("Date", d_fr(t)),
        ("Gestionnaire", " ".join(person(rng))),
    ]
    if cust.vat_txt:
        ids.append(("N° TVA intracommunautaire", cust.vat_txt))
    kv = "".join(f"<tr><td style='width:38%'>{esc(a)}</td><td>{esc(b)}</td></tr>" for a, b in ids)
    sup = "<br>".join(esc(x) for x in OWN.addr_lines())
    sup += f"<br>SIRET : {esc(own_siret_txt(rng))}"
    body = [
        head,
        f"<h1>{title}</h1>",
        ej_box,
        f'<table class="k"><tr><td style="width:50%"><b>Titulaire</b><br>{sup}</td><td><b>Adresse de livraison</b><br>{esc(org)}<br>{esc(service)}<br>{esc(cust.street)}<br>{pc} {esc(city)}</td></tr></table>',
        f'<table class="k" style="margin-top:6px">{kv}</table>',
    ]
    lines = pick_lines(rng, rng.randint(2, 6))
    ht, tva, ttc = totals(lines)
    rows = [["Réf. BPU", "Désignation", "Qté", "PU HT", "Montant HT"]]
    for ref, des, _unit, qty, price in lines:
        rows.append([esc(ref), esc(des), str(qty), money(price), money(qty * price)])
    rows.append(["", "<b>Total HT</b>", "", "", money(ht)])
    rows.append(["", "TVA 20 %", "", "", money(tva)])
    rows.append(["", "<b>Total TTC</b>", "", "", f"<b>{money(ttc)}</b>"])
    body.append(table(rows, "l"))
    body.append(
        "<p>Facturation exclusivement par le portail Chorus Pro (chorus-pro.gouv.fr). Délai global de paiement : 30 jours. "
        "Toute facture incomplète sera rejetée.</p>"
    )
    body.append(
        f'<div class="sig"><div>Le service prescripteur</div><div>Fait à {esc(city)}, le {d_long(t)}<br>L\'ordonnateur,<br><br><i>{esc(" ".join(person(rng)))}</i></div></div>'
    )
    return dated(Doc("public_engagement", "html", html_page(css, "\n".join(body)), ej, ej, cust), t)


# --------------------------------------------------------------------------- garage_auto

GARAGES = [
    ("GARAGE DU CENTRE", "Agent Renault"),
    ("AUTOMOBILES DELAUNAY", "Concessionnaire Peugeot"),
    ("SAS AUTO SERVICES 27", "Réparateur agréé Citroën"),
    ("CARROSSERIE BOSSARD", "Carrosserie – Peinture – Mécanique"),
    ("POIDS LOURDS SERVICE OUEST", "Maintenance véhicules industriels"),
    ("GARAGE SAINT-CHRISTOPHE", "Toutes marques"),
]


def garage_auto(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    name, sub = GARAGES[i % len(GARAGES)]
    cust = make_fr_party(rng, name, p_typo=0.1, ape=rng.choice(["4520A", "4520B"]))
    number = [
        f"BO-{rng.choice('0158')}{rng.choice('0158')}{rng.randint(10, 99)}",
        f"SO1{rng.randint(0, 9)}{rng.choice('0158')}{rng.randint(10, 99)}",
        f"BS 0{rng.randint(100, 999)}",
        f"OB{rng.randint(1, 9)}-{rng.choice(['10', '80', '50'])}{rng.randint(10, 99)}",
        f"CO5{rng.randint(1000, 9999)}",
        f"IS-{rng.randint(1, 9)}0{rng.choice('158')}{rng.randint(1, 9)}",
    ][i % 6]
    label = rng.choice(["Commande n°", "N° Cde :", "Bon de commande N°", "Cde magasin n°"])
    vin = (
        "VF"
        + rng.choice("137")
        + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6))
        + f"{rng.randint(10000000, 99999999)}"
    )
    plate = f"{rng.choice('ABCDEFGH')}{rng.choice('ABCDEFGHJKLMN')}-{rng.randint(100, 999)}-{rng.choice('ABCDEFGHJKLMN')}{rng.choice('PQRSTVWXYZ')}"
    ordre = f"{rng.randint(10000, 99999)}"
    pool_keys = ("NP-24", "NP-15", "NP-16", "NP-10", "NP-26", "NP-21", "NP-25")
    pool = [c for c in CATALOGUE if c[0].startswith(pool_keys)]
    lines = pick_lines(rng, rng.randint(2, 6), pool)
    ht, _tva, _ttc = totals(lines)
    css = f"""
body {{ font-family: {rng.choice(["'Liberation Sans'", "'DejaVu Sans'", "'URW Gothic'"])}; font-size: 9pt; }}
.hd {{ display: flex; justify-content: space-between; border-bottom: 3px double #000; padding-bottom: 6px; }}
.gn {{ font-size: 16pt; font-weight: bold; font-style: italic; }}
.t {{ text-align: right; }}
.t .b {{ font-size: 14pt; font-weight: bold; border: 1px solid #000; padding: 3px 8px; display: inline-block; }}
.veh {{ border: 1px dashed #000; padding: 5px; margin: 8px 0; display: flex; gap: 28px; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 8px; }}
table.l th {{ border-top: 2px solid #000; border-bottom: 2px solid #000; text-align: left; padding: 3px; }}
table.l td {{ padding: 3px; border-bottom: 1px dotted #777; }}
.foot {{ position: fixed; bottom: 0; font-size: 7pt; width: 100%; text-align: center; }}
"""
    body = [
        f'<div class="hd"><div><div class="gn">{esc(name)}</div>{esc(sub)}<br>{esc(cust.street)}<br>{cust.postcode} {esc(cust.city)}<br>'
        f"Tél. atelier {esc(cust.phone)}{'<br>Fax ' + esc(cust.fax) if cust.fax else ''}</div>"
        f'<div class="t"><span class="b">COMMANDE PIÈCES</span><br><br>{esc(label)} <b>{esc(number)}</b><br>Date : {d_fr(t)}<br>Magasinier : {esc(person(rng)[0])}</div></div>',
        f"<p>À l'attention de : <b>{esc(OWN.name)}</b> – service commercial – {esc(OWN.email)} – Fax {OWN.fax}</p>",
    ]
    if i % 2 == 0:
        body.append(
            f'<div class="veh"><span>OR n° {ordre}</span><span>Immat. : {plate}</span><span>VIN : {vin}</span><span>Km : {rng.randint(8000, 240000)}</span></div>'
        )
    else:
        body.append(
            f'<div class="veh"><span>Pour stock atelier</span><span>Code client NORMAPRO : {rng.randint(10000, 99999)}</span><span>Compte : 401{rng.randint(100, 999)}</span></div>'
        )
    rows = [["Réf.", "Désignation", "Qté", "P.U. HT", "Total HT"]]
    for ref, des, _unit, qty, price in lines:
        rows.append([esc(ref), esc(des), str(qty), money(price), money(qty * price)])
    body.append(table(rows, "l"))
    body.append(f"<p style='text-align:right'>Total HT : <b>{money(ht)}</b></p>")
    body.append(
        f"<p>Livraison {rng.choice(['demain matin avant 10h', 'par votre tournée du mardi', 'urgente – véhicule immobilisé', 'avec la prochaine tournée'])}. "
        "Merci de rappeler le n° de commande sur le BL.</p>"
    )
    legal = [esc(name), esc(cust.rcs)]
    legal += ids_html(cust, vat_label="TVA intra :")
    legal.append(f"APE {cust.ape}")
    body.append(
        f'<div class="foot">{" – ".join(legal)}<br>{esc(cust.email)} – {esc(cust.web)}</div>'
    )
    return dated(
        Doc("garage_auto", "html", html_page(css, "\n".join(body)), number, number, cust), t
    )


# --------------------------------------------------------------------------- pharma_lab

LABS = [
    ("LABORATOIRE BIO-SEINE", "Laboratoire de biologie médicale multisite"),
    ("PHARMACIE DES QUATRE VENTS", "SELARL de pharmaciens"),
    ("CLINIQUE VÉTÉRINAIRE DES ALLÉES", "Dr vétérinaires associés"),
    ("CENTRE D'ANALYSES AGRO-NORMANDIE", "Laboratoire accrédité Cofrac Essais n° 1-2345"),
    ("CLINIQUE DU PARC SAINT-JEAN", "Pharmacie à usage intérieur"),
    ("LABORATOIRE DENTAIRE CORBIN", "Prothèses dentaires"),
]


def pharma_lab(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    name, sub = LABS[i % len(LABS)]
    cust = make_fr_party(
        rng, name, p_typo=0.1, ape=rng.choice(["8690B", "4773Z", "7500Z", "7120B"])
    )
    n = rng.randint(1, 9999)
    number = [
        f"CDE-{t[0]}-{n:06d}",
        f"PH {t[0] % 100}{rng.randint(1000, 9999)}",
        f"LAB/{t[0] % 100}/{n:04d}",
        f"CMD-{rng.randint(100, 999999):06d}",
        f"PUI{t[0] % 100}-{n:04d}",
        f"CDE-{t[0]}-{n:06d}",
    ][i % 6]
    label = rng.choice(
        ["Numéro de commande :", "N° de commande :", "Commande n° :", "Réf. commande :"]
    )
    finess = (
        f"{rng.choice(['76', '27', '14', '50'])}0{rng.randint(0, 9)}{rng.randint(10000, 99999)}"
    )
    pool = [
        c
        for c in CATALOGUE
        if c[0].startswith(("NP-18", "NP-19", "NP-10", "NP-25", "NP-13", "NP-14"))
    ]
    lines = pick_lines(rng, rng.randint(2, 6), pool)
    ht, tva, ttc = totals(lines)
    accent = rng.choice(["#006b6b", "#2a5caa", "#4b7f3a"])
    css = f"""
body {{ font-family: {rng.choice(["'DejaVu Sans'", "'Liberation Sans'", "'Nimbus Sans'"])}; font-size: 9pt; }}
.band {{ background: {accent}; color: #fff; padding: 8px 10px; display: flex; justify-content: space-between; }}
.band .n {{ font-size: 15pt; font-weight: bold; }}
.cols {{ display: flex; gap: 14px; margin-top: 10px; }}
.cols > div {{ flex: 1; border: 1px solid #bbb; padding: 6px; border-radius: 4px; }}
.k {{ color: #555; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 10px; }}
table.l th {{ border-bottom: 2px solid {accent}; text-align: left; padding: 3px; color: {accent}; }}
table.l td {{ border-bottom: 1px solid #ddd; padding: 4px 3px; }}
table.l td:first-child, table.l td:nth-child(n+5) {{ white-space: nowrap; }}
.foot {{ position: fixed; bottom: 0; width: 100%; font-size: 7pt; color: #444; border-top: 1px solid #bbb; padding-top: 3px; }}
"""
    info = [
        f'<span class="k">{esc(label)}</span> <b style="white-space:nowrap">{esc(number)}</b>',
        f'<span class="k">Date :</span> {d_fr(t)}',
        f'<span class="k">Demandeur :</span> {esc(" ".join(person(rng)))}',
        f'<span class="k">N° FINESS :</span> {finess}',
    ]
    if rng.random() < 0.5:
        info.append(f'<span class="k">N° RPPS :</span> 10{rng.randint(100000000, 999999999)}')
    if rng.random() < 0.6:
        info.append(f'<span class="k">Votre devis :</span> {esc(our_quote(rng, t))}')
    sup = "<br>".join(esc(x) for x in OWN.addr_lines())
    body = [
        f'<div class="band"><div><div class="n">{esc(name)}</div>{esc(sub)}</div><div style="text-align:right">BON DE COMMANDE<br>{esc(cust.phone)}</div></div>',
        f'<div class="cols"><div>{"<br>".join(info)}</div><div><span class="k">Fournisseur</span><br>{sup}</div>'
        f'<div><span class="k">Livrer à</span><br>{lines_html(cust)}<br>Réception : {rng.choice(["8h-12h", "9h-17h", "avant 11h"])}</div></div>',
    ]
    rows = [["Code", "Désignation", "Lot / péremption", "Cond.", "Qté", "PU HT", "Total HT"]]
    for ref, des, unit, qty, price in lines:
        lot = rng.choice(
            ["—", f"exiger péremption > {later(t, 300)[1]:02d}/{later(t, 300)[0]}", "—"]
        )
        rows.append(
            [esc(ref), esc(des), esc(lot), unit, str(qty), money(price), money(qty * price)]
        )
    body.append(table(rows, "l"))
    body.append(
        f"<p style='text-align:right'>Total HT {money(ht)} – TVA {money(tva)} – <b>Total TTC {money(ttc)}</b></p>"
    )
    body.append(
        "<p>Merci de joindre le certificat d'analyse et la fiche de données de sécurité à la livraison. Produits à conserver entre +2 °C et +25 °C.</p>"
    )
    legal = [esc(name), esc(cust.street), f"{cust.postcode} {esc(cust.city)}"]
    legal += ids_html(cust, vat_label="TVA :")
    body.append(f'<div class="foot">{" · ".join(legal)}</div>')
    return dated(
        Doc("pharma_lab", "html", html_page(css, "\n".join(body)), number, number, cust), t
    )


# --------------------------------------------------------------------------- email_printout

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]


def email_printout(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng,
        rng.choice(
            [
                "SARL MAINTENANCE INDUSTRIELLE PICARDE",
                "ATELIER BOIS & DESIGN",
                "TRANSPORTS LEMAIRE",
                "BRASSERIE DU VIEUX PORT",
                "SCOP ENTRETIEN PLUS",
                "PAYSAGES & JARDINS D'OPALE",
            ]
        ),
        p_vat=0.5,
        p_siret=0.5,
        p_typo=0.1,
    )
    number = [
        f"{rng.randint(400000, 499999)}",
        f"{rng.randint(10000, 99999)}",
        f"CDE {rng.randint(1000, 9999)}",
        f"{rng.randint(1000, 9999)}",
        f"C{rng.randint(1000, 9999)}-{t[0] % 100}",
        f"{rng.randint(100000, 999999)}",
    ][i % 6]
    sender = " ".join(person(rng))
    cust.contact_mail = f"{slug(sender.split()[0])}.{slug(sender.split()[-1])}@{cust.web[4:]}"
    quote = our_quote(rng, t)
    subj = [
        f"Commande {number}",
        f"Commande n° {number}",
        f"RE: Devis {quote} - Commande {number}",
        f"TR: Commande {number} - urgent",
        f"Cde {number}",
        f"Commande {number} / livraison semaine {rng.randint(2, 50)}",
    ][i % 6]
    in_body = i % 3 != 0
    lines = pick_lines(rng, rng.randint(1, 5))
    items = "".join(f"<li>{q} x {esc(r)} – {esc(d)}</li>" for r, d, u, q, p in lines)
    when = (
        f"{DAYS[rng.randint(0, 4)]} {d_long(t)} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}"
    )
    outlook = i % 2 == 0
    css = """
body { font-family: 'Liberation Sans'; font-size: 10pt; }
.who { font-size: 12pt; font-weight: bold; border-bottom: 3px solid #000; padding-bottom: 3px; margin-bottom: 8px; }
.h td { padding: 1px 8px 1px 0; vertical-align: top; }
.h td:first-child { font-weight: bold; width: 80px; }
.sig { color: #333; font-size: 9pt; margin-top: 14px; }
.gm { display: flex; justify-content: space-between; font-size: 9pt; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
.gmt { font-size: 13pt; margin: 10px 0 2px 0; }
"""
    to = OWN.email
    if outlook:
        head = (
            f'<div class="who">{esc(sender)}</div><table class="h">'
            f"<tr><td>De :</td><td>{esc(sender)} &lt;{esc(cust.contact_mail)}&gt;</td></tr>"
            f"<tr><td>Envoyé :</td><td>{esc(when)}</td></tr>"
            f"<tr><td>À :</td><td>{esc(to)}</td></tr>"
            + (f"<tr><td>Cc :</td><td>{esc(cust.email)}</td></tr>" if rng.random() < 0.5 else "")
            + f"<tr><td>Objet :</td><td>{esc(subj)}</td></tr>"
            + (
                f"<tr><td>Pièces jointes :</td><td>{esc(rng.choice(['plan_implantation.pdf', 'image001.png', 'liste_articles.xlsx']))}</td></tr>"
                if rng.random() < 0.4
                else ""
            )
            + "</table><hr>"
        )
    else:
        head = (
            f'<div class="gm"><span><b>Gmail</b></span><span>{esc(cust.contact_mail)}</span></div>'
            f'<div class="gmt">{esc(subj)}</div><div style="font-size:8.5pt">1 message</div><hr>'
            f'<table class="h" style="width:100%"><tr><td style="width:75%">{esc(sender)} &lt;{esc(cust.contact_mail)}&gt;</td>'
            f'<td style="text-align:right;font-weight:normal">{d_fr(t)} à {rng.randint(7, 18)}:{rng.randint(10, 59)}</td></tr>'
            f"<tr><td style='font-weight:normal'>À : {esc(to)}</td><td></td></tr></table>"
        )
    opening = rng.choice(
        [
            "Bonjour,",
            "Bonjour Madame, Monsieur,",
            "Bonjour à tous,",
            f"Bonjour {rng.choice(['Stéphanie', 'Marc', 'Mme Roussel'])},",
        ]
    )
    if in_body:
        ask = rng.choice(
            [
                f"Merci de bien vouloir enregistrer notre commande n° {esc(number)} :",
                f"Suite à votre devis {esc(quote)}, voici notre commande {esc(number)} :",
                f"Pouvez-vous nous livrer la commande {esc(number)} ci-dessous :",
            ]
        )
    else:
        ask = rng.choice(
            [
                "Merci de nous livrer :",
                f"Suite à votre devis {esc(quote)}, merci de nous envoyer :",
                "Pouvez-vous nous faire parvenir au plus vite :",
            ]
        )
    sig = [
        f"<b>{esc(sender)}</b>",
        rng.choice(["Responsable atelier", "Assistante de direction", "Service achats", "Gérant"]),
        esc(cust.name),
        esc(cust.street),
        f"{cust.postcode} {esc(cust.city)}",
        f"Tél : {esc(cust.phone)}",
    ]
    sig += ids_html(cust, vat_label="TVA :")
    body = [
        head,
        f"<p>{opening}</p><p>{ask}</p><ul>{items}</ul>",
        f"<p>Livraison à l'adresse habituelle{rng.choice(['.', ', merci de prévenir la veille.', ' (portail fermé de 12h à 13h30).'])}</p>",
        f"<p>{rng.choice(['Cordialement,', 'Bien cordialement,', 'Merci d avance, bonne journée.'.replace(' d ', ' d’'), 'Cdt,'])}</p>",
        f'<div class="sig">{"<br>".join(sig)}</div>',
    ]
    if rng.random() < 0.4:
        body.append(
            '<p style="font-size:7.5pt;color:#666;margin-top:20px">Ce message et ses pièces jointes sont confidentiels. Pensez à l’environnement avant d’imprimer ce mail.</p>'
        )
    return dated(
        Doc(
            "email_printout",
            "html",
            html_page(css, "\n".join(body), margin="14mm"),
            number,
            number,
            cust,
        ),
        t,
    )


# --------------------------------------------------------------------------- title_only


def title_only(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng,
        rng.choice(
            [
                "SARL LES SERRES DE L'ARGUENON",
                "ASSOCIATION ESAT LES ATELIERS DU LAC",
                "CAMPING MUNICIPAL – RÉGIE",
                "HÔTEL RESTAURANT LE MOULIN",
                "BLANCHISSERIE INDUSTRIELLE DU VAL",
                "ÉCURIES DU HARAS DE LA TOUQUES",
            ]
        ),
        p_typo=0.1,
    )
    n = rng.randint(1, 1999)
    number = [
        f"{t[0] % 100}-{n:04d}",
        f"C{t[0] % 100}-{n:04d}",
        f"CO-{t[0] % 100}-{n:04d}",
        f"{t[0] % 100}-{n:04d}",
        f"{n:04d}-{t[0] % 100}",
        f"A{t[0] % 100}{n:04d}",
    ][i % 6]
    title = [
        f"COMMANDE {number}",
        f"BON DE COMMANDE {number}",
        f"Commande {number}",
        f"COMMANDE FOURNISSEUR {number}",
        f"COMMANDE {number}",
        f"BON DE COMMANDE {number}",
    ][i % 6]
    quote = our_quote(rng, t)
    lines = pick_lines(rng, rng.randint(2, 5))
    ht, _tva, _ttc = totals(lines)
    font = rng.choice(["'P052'", "'C059'", "'URW Bookman'", "'Liberation Serif'", "'DejaVu Serif'"])
    css = f"""
body {{ font-family: {font}; font-size: 10pt; }}
.hd {{ display: flex; justify-content: space-between; }}
h1 {{ text-align: center; font-size: 20pt; margin: 26px 0 18px 0; letter-spacing: 1px; }}
table.l {{ width: 100%; border-collapse: collapse; }}
table.l th, table.l td {{ border: 1px solid #444; padding: 4px; }}
table.l th {{ background: #f0f0f0; }}
.sig {{ margin-top: 30px; margin-left: 55%; }}
"""
    body = [
        f'<div class="hd"><div><b style="font-size:12pt">{esc(cust.name)}</b><br>{esc(cust.street)}<br>{cust.postcode} {esc(cust.city)}<br>{esc(cust.phone)}<br>{esc(cust.email)}</div>'
        f'<div style="margin-top:40px"><b>{esc(OWN.name)}</b><br>{esc(OWN.street2)}<br>{OWN.postcode} {esc(OWN.city)}</div></div>',
        f"<h1>{esc(title)}</h1>",
        f"<p>{esc(cust.city)}, le {d_long(t)}</p>",
        f"<p>Suivant votre devis {esc(quote)} du {d_fr(earlier(t, rng.randint(3, 20)))}, nous vous prions de bien vouloir nous livrer :</p>",
    ]
    rows = [["Référence", "Désignation", "Quantité", "Prix unitaire HT", "Total HT"]]
    for ref, des, _unit, qty, price in lines:
        rows.append([esc(ref), esc(des), str(qty), money(price), money(qty * price)])
    rows.append(["", "", "", "<b>Total HT</b>", f"<b>{money(ht)}</b>"])
    body.append(table(rows, "l"))
    body.append(
        f"<p>Délai souhaité : {rng.choice(['sous 8 jours', 'dès que possible', 'avant le ' + d_fr(later(t, 15))])}<br>Règlement : {rng.choice(['à 30 jours', 'par virement à réception de facture', 'selon vos conditions'])}</p>"
    )
    sig = f'<div class="sig">{esc(" ".join(person(rng)))}<br>{rng.choice(["Directeur", "Gérante", "Responsable technique", "Intendant"])}</div>'
    body.append(sig)
    ids = ids_html(cust)
    if ids:
        body.append(
            f'<p style="position:fixed;bottom:0;font-size:8pt;width:100%;text-align:center">{esc(cust.name)} – {" – ".join(ids)}</p>'
        )
    return dated(
        Doc(
            "title_only",
            "html",
            html_page(css, "\n".join(body), margin="16mm"),
            number,
            number,
            cust,
        ),
        t,
    )


# --------------------------------------------------------------------------- customer_de_en

DE_COMPANIES = [
    "Schäfer Antriebstechnik GmbH",
    "Hofmann Laborbedarf GmbH",
    "Krüger Verpackung GmbH & Co. KG",
    "Weber Metallbau AG",
]
EN_COMPANIES = [("Tecnoplast Iberica S.L.", "ES"), ("Officine Meccaniche Brambilla S.p.A.", "IT")]


def customer_de_en(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    german = i % 6 < 4
    if german:
        cust = make_foreign_party(rng, DE_COMPANIES[i % 4], "DE")
        number = [
            f"45{rng.randint(0, 99999999):08d}",
            f"B-{t[0] % 100}-{rng.randint(1, 9999):04d}",
            f"EK-{rng.randint(10000, 999999):07d}",
            f"BE{t[0] % 100}{rng.randint(1000, 9999)}",
        ][i % 4]
        label = ["Bestellnummer", "Bestell-Nr.", "Unsere Bestellnummer", "Bestellung Nr."][i % 4]
    else:
        name, country = EN_COMPANIES[i % 2]
        cust = make_foreign_party(rng, name, country)
        number = [
            f"ORD-{country}-{t[0] % 100}-{rng.randint(1, 9999):04d}",
            f"{rng.randint(2400000, 2599999)}",
        ][i % 2]
        label = ["Order number", "PO Number"][i % 2]
    if i == 2:
        # a typo in the VAT number: printed, not labelled
        force_typo(rng, cust, "vat")
    lines = pick_lines(rng, rng.randint(2, 5))
    ht, _tva, _ttc = totals(lines, 0.0)
    first, last = person(rng)
    contact = (
        rng.choice(["Jürgen Bauer", "Anja Köhler", "Markus Vogel", "Stefanie Braun"])
        if german
        else rng.choice(["Marta Puig", "Luca Bianchi", "Sergio Ortega", "Giulia Conti"])
    )
    css = """
body { font-family: 'Liberation Sans'; font-size: 9.5pt; }
.absz { font-size: 6.5pt; text-decoration: underline; margin-top: 28mm; }
.win { display: flex; justify-content: space-between; }
.info td { padding: 1px 6px; font-size: 8.5pt; }
.info td:first-child { color: #555; }
h2 { font-size: 14pt; margin: 20px 0 8px 0; }
table.l { width: 100%; border-collapse: collapse; margin-top: 8px; }
table.l th { border-bottom: 1px solid #000; text-align: left; padding: 3px; }
table.l td { padding: 3px; border-bottom: 1px solid #ddd; }
.foot { position: fixed; bottom: 0; width: 100%; font-size: 7pt; display: flex; justify-content: space-between; border-top: 1px solid #999; padding-top: 3px; }
.logo { position: absolute; top: 0; right: 0; font-size: 15pt; font-weight: bold; }
"""
    if german:
        info = [
            (label, number),
            ("Datum", d_de(t)),
            ("Lieferantennummer", f"{rng.randint(70000, 79999)}"),
            ("Ihr Angebot", our_quote(rng, t)),
            ("Ansprechpartner", contact),
            ("Kostenstelle", f"{rng.randint(1000, 9999)}"),
            ("Liefertermin", d_de(later(t, 21))),
        ]
        head = ["Pos.", "Ihre Art.-Nr.", "Bezeichnung", "Menge", "ME", "Preis/ME", "Betrag"]
        title = "Bestellung"
        intro = "Sehr geehrte Damen und Herren,<br>wir bestellen zu den vereinbarten Bedingungen:"
        terms = f"Lieferbedingung: DAP {cust.city} (Incoterms 2020)<br>Zahlungsbedingung: 30 Tage netto<br>Bitte geben Sie unsere {label} auf allen Lieferpapieren und Rechnungen an."
        foot = [
            f"{esc(cust.name)}<br>{esc(cust.street)}<br>{cust.postcode} {esc(cust.city)}",
            f"Geschäftsführer: {esc(first)} {esc(last)}<br>Amtsgericht {esc(cust.city.split()[0])} HRB {rng.randint(1000, 99999)}<br>Steuer-Nr. {rng.randint(10, 99)}/{rng.randint(100, 999)}/{rng.randint(10000, 99999)}",
            f"USt-IdNr.: {esc(cust.vat_txt or '')}<br>IBAN DE{rng.randint(10, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}<br>BIC {rng.choice(['COBADEFFXXX', 'DEUTDESSXXX', 'SOLADEST600'])}",
        ]
        total_lbl = (
            "Nettobetrag",
            "zzgl. USt. 0 % (innergemeinschaftliche Lieferung)",
            "Gesamtbetrag",
        )
    else:
        info = [
            (label, number),
            ("Date", d_fr(t)),
            ("Supplier code", f"{rng.randint(100000, 999999)}"),
            ("Your quotation", our_quote(rng, t)),
            ("Buyer", contact),
            ("Delivery date", d_fr(later(t, 21))),
        ]
        head = ["Item", "Your ref.", "Description", "Qty", "Unit", "Unit price", "Amount"]
        title = "PURCHASE ORDER"
        intro = "Dear Sirs,<br>please supply the following goods according to your quotation:"
        terms = f"Incoterms: DAP {cust.city}<br>Payment: 60 days end of month<br>Please quote our {label} on delivery note and invoice."
        foot = [
            f"{esc(cust.name)}<br>{esc(cust.street)}<br>{cust.postcode} {esc(cust.city)}",
            f"Tel. {esc(cust.phone)}<br>{esc(cust.email)}",
            f"VAT: {esc(cust.vat_txt or '')}<br>Share capital EUR {rng.randint(100, 5000)}.000",
        ]
        total_lbl = ("Net amount", "VAT 0% (intra-EU supply, reverse charge)", "Total")
    body = [
        f'<div class="logo">{esc(cust.name.split()[0].upper())}</div>',
        f'<div class="absz">{esc(cust.name)} · {esc(cust.street)} · {cust.postcode} {esc(cust.city)}</div>',
        f'<div class="win"><div style="margin-top:4px">{"<br>".join(esc(x) for x in OWN.addr_lines())}<br>FRANKREICH</div>'
        f'<table class="info">{"".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td></tr>" for a, b in info)}</table></div>',
        f"<h2>{title}</h2><p>{intro}</p>",
    ]
    if not german:
        body[2] = body[2].replace("FRANKREICH", "FRANCE")
    if rng.random() < 0.5:
        body.append(
            f"<p style='font-size:8.5pt'>{'Ihre USt-IdNr.' if german else 'Your VAT'}: {esc(own_vat_txt(rng))}</p>"
        )
    rows = [head]
    for k, (ref, des, unit, qty, price) in enumerate(lines, 1):
        rows.append(
            [
                str(k * 10),
                esc(ref),
                esc(des),
                str(qty),
                unit,
                money_en(price, "") if not german else money(price, ""),
                money_en(qty * price, "") if not german else money(qty * price, ""),
            ]
        )
    body.append(table(rows, "l"))
    tot = money(ht) if german else money_en(ht)
    body.append(
        f"<p style='text-align:right'>{total_lbl[0]}: {tot}<br>{total_lbl[1]}<br><b>{total_lbl[2]}: {tot}</b></p>"
    )
    body.append(
        f"<p>{terms}</p><p>{'Mit freundlichen Grüßen' if german else 'Best regards'}<br>{esc(contact)}<br>{'Einkauf' if german else 'Purchasing department'}</p>"
    )
    body.append('<div class="foot">' + "".join(f"<div>{f}</div>" for f in foot) + "</div>")
    return dated(
        Doc(
            "customer_de_en",
            "html",
            html_page(css, "\n".join(body), margin="10mm 14mm 12mm 20mm"),
            number,
            number,
            cust,
        ),
        t,
    )


# --------------------------------------------------------------------------- carnet_manuscrit


def carnet_manuscrit(rng: random.Random, i: int) -> Doc:
    """A pre-printed, numbered carbon order book filled in by hand (always scanned)."""
    t = a_date(rng)
    cust = make_fr_party(
        rng,
        rng.choice(
            [
                "ENTREPRISE GUILLOU PLOMBERIE",
                "SARL ÉLEC'SERVICES 14",
                "MAÇONNERIE DUBOSC ET FILS",
                "MENUISERIE LE BIHAN",
                "FERRONNERIE D'ART PRIGENT",
                "TOITURES DU PAYS DE CAUX",
            ]
        ),
        p_vat=0.4,
        p_siret=0.8,
        p_typo=0.1,
    )
    n = rng.randint(101, 9999)
    number = [f"{n:06d}", f"B {n:05d}", f"{n:05d}", f"N{n:05d}", f"{n:06d}", f"A {n:04d}"][i % 6]
    hand = "font-family: 'Z003'; font-size: 15pt; color: #1a2a6c;"
    lines = pick_lines(rng, rng.randint(2, 5))
    ink_rows = "".join(
        f"<tr><td class='h'>{q}</td><td class='h'>{esc(d.split('(')[0].strip().lower())}</td><td class='h'>{esc(r.replace('NP-', ''))}</td><td></td></tr>"
        for r, d, u, q, p in lines
    )
    size = rng.choice(["A5", "A4"])
    empty_rows = "".join(
        "<tr><td>&nbsp;</td><td></td><td></td><td></td></tr>"
        for _ in range((9 if size == "A5" else 19) - len(lines))
    )
    day = f"{t[2]}/{t[1]}/{t[0] % 100}"
    css = f"""
body {{ font-family: 'Liberation Sans'; font-size: 9pt; }}
.frame {{ border: 1.5px solid #000; padding: 8px; }}
.hd {{ display: flex; justify-content: space-between; align-items: flex-start; }}
.co {{ font-size: 13pt; font-weight: bold; }}
.num {{ font-family: 'DejaVu Sans Mono'; font-size: 15pt; color: #b00; border: 1px solid #b00; padding: 2px 8px; }}
.h {{ {hand} }}
.f {{ border-bottom: 1px dotted #000; display: inline-block; min-width: 60mm; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 8px; }}
table.l th, table.l td {{ border: 1px solid #000; height: 8mm; padding: 1px 4px; }}
table.l th {{ height: auto; font-size: 8pt; }}
.carbon {{ font-size: 7pt; text-align: right; margin-top: 4px; }}
"""
    num_label = rng.choice(["BON DE COMMANDE N°", "COMMANDE N°", "Bon de commande Nº"])
    siret_line = f"SIRET {esc(cust.siret_txt)}" if cust.siret_txt else f"RCS {esc(cust.siren_txt)}"
    vat_line = f" – TVA {esc(cust.vat_txt)}" if cust.vat_txt else ""
    body = f"""
<div class="frame">
<div class="hd"><div><div class="co">{esc(cust.name)}</div>{esc(cust.street)} – {cust.postcode} {esc(cust.city)}<br>Tél. {esc(cust.phone)}<br>{siret_line}{vat_line}</div>
<div style="text-align:right">{num_label}<br><br><span class="num">{esc(number)}</span></div></div>
<p>Date : <span class="f h">{day}</span></p>
<p>Fournisseur : <span class="f h" style="min-width:110mm">Normapro – St Etienne du Rouvray</span></p>
<p>Chantier / affaire : <span class="f h" style="min-width:100mm">{rng.choice(["chantier Lefort", "stock", "Mairie de Bolbec", "dépôt", "Rés. Les Tilleuls"])}</span></p>
<table class="l"><tr><th style="width:14%">Quantité</th><th>Désignation</th><th style="width:18%">Référence</th><th style="width:16%">Prix</th></tr>
{ink_rows}{empty_rows}</table>
<p>Livraison : <span class="f h">{rng.choice(["à prendre au comptoir", "sur chantier", "au dépôt", "mardi"])}</span> &nbsp; Signature : <span class="h" style="font-size:20pt">{esc(person(rng)[1])}</span></p>
</div>
<div class="carbon">Imprimerie Lecomte – carnet de 50 bons dupli – ex. {rng.choice(["blanc", "jaune (fournisseur)", "rose"])}</div>
"""
    return dated(
        Doc(
            "carnet_manuscrit",
            "html",
            html_page(css, body, size=size, margin="8mm"),
            number,
            number,
            cust,
        ),
        t,
    )
