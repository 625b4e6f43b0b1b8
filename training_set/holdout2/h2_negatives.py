"""Negatives: documents with no order number to take, although several quote one back.

Ours (the supplier's): quote, invoice, delivery note, order acknowledgement, price list.
The customer's: a request for quotation. For vat/siret the customer is the addressee (ours) or
the sender (request for quotation).
"""

from __future__ import annotations

import random

from h2_data import (
    CATALOGUE,
    OWN,
    a_date,
    d_fr,
    d_long,
    earlier,
    esc,
    later,
    make_fr_party,
    money,
    our_customer_code,
    person,
    pick_lines,
    totals,
)
from h2_doc import Doc, dated, html_page, ids_html, table
from h2_fodt import Fodt
from h2_html_erp import COMPANIES_INDUS
from h2_word import SMALL_COS, _legal_footer, _lines_table

OUR_FOOT = (
    f"{OWN.name} – SAS au capital de {OWN.capital} – {OWN.rcs} – SIRET {OWN.siret} – TVA {OWN.vat} – APE {OWN.ape}"
    f"<br>IBAN {OWN.iban} – BIC {OWN.bic} – {OWN.web}"
)


def _their_order(rng: random.Random, t) -> str:
    yy = t[0] % 100
    return rng.choice(
        [
            f"CF{yy}{rng.randint(1, 12):02d}-{rng.randint(1, 999):04d}",
            f"P{rng.randint(100, 2999):05d}",
            f"{yy}-{rng.randint(10, 2000):04d}",
            f"ACH-{yy}-{rng.randint(100, 9999):05d}",
            f"{rng.randint(100000, 999999)}",
            f"45{rng.randint(0, 99999999):08d}",
        ]
    )


def _our_html(
    rng: random.Random,
    family: str,
    title: str,
    number_label: str,
    our_number: str,
    refs: list[tuple[str, str]],
    cust,
    lines,
    extra: str = "",
    rows: list[list[str]] | None = None,
) -> Doc:
    t_font = rng.choice(["'Liberation Sans'", "'DejaVu Sans'", "'Nimbus Sans'"])
    css = f"""
body {{ font-family: {t_font}; font-size: 9pt; }}
.hd {{ display: flex; justify-content: space-between; }}
.logo {{ font-size: 18pt; font-weight: bold; letter-spacing: 1px; }}
.logo span {{ color: #c0392b; }}
.t {{ font-size: 15pt; font-weight: bold; margin-top: 4px; }}
.addr {{ margin: 14px 0 0 52%; border: 1px solid #999; padding: 6px; }}
.refs {{ width: 100%; border-collapse: collapse; margin-top: 12px; }}
.refs td {{ border: 1px solid #999; padding: 3px 5px; }}
.refs tr:first-child td {{ background: #eee; font-size: 7.5pt; }}
table.l {{ width: 100%; border-collapse: collapse; margin-top: 10px; }}
table.l th {{ background: #c0392b; color: #fff; padding: 4px; text-align: left; }}
table.l td {{ border-bottom: 1px solid #ddd; padding: 4px; }}
.tot {{ margin-left: 60%; width: 40%; border-collapse: collapse; margin-top: 8px; }}
.tot td {{ padding: 3px; border: 1px solid #ccc; }} .tot td:last-child {{ text-align: right; }}
.foot {{ position: fixed; bottom: 0; width: 100%; text-align: center; font-size: 7pt; border-top: 1px solid #999; padding-top: 3px; }}
"""
    addr = "<br>".join(esc(x) for x in cust.addr_lines())
    ids = ids_html(cust, vat_label="N° TVA client :", siret_label="SIRET client :")
    if ids:
        addr += "<br><small>" + "<br>".join(ids) + "</small>"
    body = [
        f'<div class="hd"><div><div class="logo">NORMA<span>PRO</span></div>{esc(OWN.street2)}<br>{OWN.postcode} {esc(OWN.city)}<br>Tél. {OWN.phone} – Fax {OWN.fax}<br>{esc(OWN.email)}</div>'
        f'<div style="text-align:right"><div class="t">{esc(title)}</div>{esc(number_label)} {esc(our_number)}</div></div>',
        f'<div class="addr">{addr}</div>',
        '<table class="refs"><tr>'
        + "".join(f"<td>{esc(a)}</td>" for a, _ in refs)
        + "</tr><tr>"
        + "".join(f"<td>{esc(b)}</td>" for _, b in refs)
        + "</tr></table>",
    ]
    if rows is None:
        rows = [["Référence", "Désignation", "Qté", "PU HT", "Remise", "Montant HT"]]
        for ref, des, _unit, qty, price in lines:
            rows.append(
                [
                    esc(ref),
                    esc(des),
                    str(qty),
                    money(price),
                    rng.choice(["", "", "5 %", "10 %"]),
                    money(qty * price),
                ]
            )
    body.append(table(rows, "l"))
    if lines:
        ht, tva, ttc = totals(lines)
        body.append(
            f'<table class="tot"><tr><td>Total HT</td><td>{money(ht)}</td></tr><tr><td>TVA 20 %</td><td>{money(tva)}</td></tr><tr><td><b>Total TTC</b></td><td><b>{money(ttc)}</b></td></tr></table>'
        )
    body.append(extra)
    body.append(f'<div class="foot">{OUR_FOOT}</div>')
    return Doc(family, "html", html_page(css, "\n".join(body)), "", "", cust)


def neg_devis(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS), p_typo=0.1)
    number = f"DV{t[0] % 100}{t[1]:02d}-{rng.randint(1, 480):03d}"
    lines = pick_lines(rng, rng.randint(2, 6))
    if i % 2 == 0:
        refs = [
            ("Date", d_fr(t)),
            ("Code client", our_customer_code(rng)),
            (
                "Votre demande",
                rng.choice(
                    ["mail du " + d_fr(t), f"DP-{t[0] % 100}-{rng.randint(10, 999):04d}", "tél."]
                ),
            ),
            ("Validité", "30 jours"),
            ("Commercial", " ".join(person(rng))),
        ]
        extra = (
            "<p>Conditions : franco à partir de 250 € HT. Délai : 48/72 h sur articles en stock. Règlement 30 jours fin de mois.</p>"
            '<div style="border:1px solid #000;width:45%;margin-left:55%;padding:6px;height:28mm">Bon pour commande (date, cachet, signature)<br>N° de commande client : ....................</div>'
        )
        return dated(
            _our_html(rng, "neg_devis", "DEVIS", "N°", number, refs, cust, lines, extra), t
        )
    doc = Fodt(font=rng.choice(["Liberation Sans", "DejaVu Sans"]), size=10)
    doc.p([("NORMAPRO DISTRIBUTION", {"bold": True, "size": 16})], after=0)
    doc.p(
        f"{OWN.street2} – {OWN.postcode} {OWN.city}\nTél. {OWN.phone} – {OWN.email}",
        size=8.5,
        after=0.5,
    )
    doc.p(
        "\n".join(cust.addr_lines())
        + ("\nSIRET : " + cust.siret_txt if cust.siret_txt else "")
        + ("\nTVA : " + cust.vat_txt if cust.vat_txt else ""),
        indent=9.5,
        after=0.6,
    )
    doc.p([(f"PROPOSITION COMMERCIALE / DEVIS N° {number}", {"bold": True, "size": 13})], after=0.2)
    doc.p(
        f"Date : {d_fr(t)} – Validité : {d_fr(later(t, 30))} – Votre contact : {cust.contact}",
        size=9.5,
        after=0.4,
    )
    doc.p(
        "Pour faire suite à votre demande, nous avons le plaisir de vous adresser notre meilleure offre :",
        after=0.3,
    )
    _lines_table(doc, lines)
    doc.p(
        "Pour toute commande, merci de nous retourner ce devis signé avec la mention « Bon pour accord » ou votre bon de commande en rappelant le numéro du devis.",
        before=0.4,
        size=9.5,
        align="justify",
    )
    doc.foot(
        f"{OWN.name} – {OWN.rcs} – SIRET {OWN.siret} – TVA {OWN.vat}", size=7.5, align="center"
    )
    return dated(Doc("neg_devis", "fodt", doc.render(), "", "", cust), t)


def neg_facture(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS + SMALL_COS), p_typo=0.1)
    number = f"FA{t[0] % 100}-{rng.randint(1, 9999):05d}"
    theirs = _their_order(rng, t)
    refs = [
        ("Date facture", d_fr(t)),
        ("Code client", our_customer_code(rng)),
        ("Votre commande n°", theirs),
        ("Notre BL", f"BL{t[0] % 100}-{rng.randint(1, 20000):05d}"),
        ("Échéance", d_fr(later(t, 30))),
    ]
    if i % 2:
        refs[2] = ("Vos réf.", f"Cde {theirs} du {d_fr(earlier(t, rng.randint(2, 9)))}")
    lines = pick_lines(rng, rng.randint(2, 6))
    extra = f"<p>Règlement par virement à réception. Pénalités de retard : 3 fois le taux d'intérêt légal. Indemnité forfaitaire pour frais de recouvrement : 40 €.</p><p>RIB : {esc(OWN.iban)} – BIC {OWN.bic}</p>"
    return dated(
        _our_html(rng, "neg_facture", "FACTURE", "N°", number, refs, cust, lines, extra), t
    )


def neg_bl(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng, rng.choice(COMPANIES_INDUS + SMALL_COS), p_typo=0.1, p_vat=0.4, p_siret=0.4
    )
    number = f"BL{t[0] % 100}-{rng.randint(1, 20000):05d}"
    theirs = _their_order(rng, t)
    refs = [
        ("Date", d_fr(t)),
        ("Code client", our_customer_code(rng)),
        ("Votre commande", theirs),
        ("Transporteur", rng.choice(["Schenker", "Geodis", "Nos soins", "DPD"])),
        ("Colis", str(rng.randint(1, 6))),
    ]
    lines = pick_lines(rng, rng.randint(2, 7))
    rows = [["Référence", "Désignation", "Qté cdée", "Unité", "Qté livrée"]]
    rows += [[esc(r), esc(des), str(q), u, str(q)] for r, des, u, q, _ in lines]
    css_free = "<p>Marchandises voyageant aux risques et périls du destinataire. Réserves à porter sur le récépissé du transporteur.</p><div style='display:flex;justify-content:space-between;margin-top:20px'><div>Date et signature du réceptionnaire :</div><div>Nom :</div></div>"
    return dated(
        _our_html(rng, "neg_bl", "BON DE LIVRAISON", "N°", number, refs, cust, [], css_free, rows),
        t,
    )


def neg_ar_commande(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(rng, rng.choice(COMPANIES_INDUS + SMALL_COS), p_typo=0.1)
    number = f"AR{t[0] % 100}-{rng.randint(1, 9999):05d}"
    theirs = _their_order(rng, t)
    title = rng.choice(
        [
            "ACCUSÉ DE RÉCEPTION DE COMMANDE",
            "CONFIRMATION DE COMMANDE",
            "ACCUSÉ DE RÉCEPTION DE COMMANDE",
        ]
    )
    refs = [
        ("Date", d_fr(t)),
        ("Votre commande n°", theirs),
        ("du", d_fr(earlier(t, rng.randint(2, 9)))),
        ("Code client", our_customer_code(rng)),
        ("Livraison prévue", d_fr(later(t, 5))),
    ]
    lines = pick_lines(rng, rng.randint(2, 5))
    extra = (
        f"<p>Nous vous remercions de votre commande n° {esc(theirs)}, que nous avons bien enregistrée sous notre référence {esc(number)}. "
        "Merci de vérifier les quantités, prix et délais ; sans observation de votre part sous 48 heures, ils seront considérés comme acceptés.</p>"
    )
    return dated(
        _our_html(rng, "neg_ar_commande", title, "Notre réf.", number, refs, cust, lines, extra), t
    )


def neg_tarif(rng: random.Random, i: int) -> Doc:
    year = 2026
    t = (2025, 12, 15)
    css = """
body { font-family: 'DejaVu Sans Condensed'; font-size: 8.5pt; }
h1 { font-size: 18pt; margin: 0; }
table.l { width: 100%; border-collapse: collapse; margin-top: 10px; }
table.l th { background: #333; color: #fff; padding: 3px; text-align: left; }
table.l td { border-bottom: 1px solid #ccc; padding: 3px; }
table.l tr:nth-child(even) td { background: #f2f2f2; }
.foot { position: fixed; bottom: 0; width: 100%; text-align: center; font-size: 7pt; }
"""
    items = sorted(rng.sample(CATALOGUE, 26), key=lambda c: c[0])
    rows = [["Référence", "Désignation", "Unité", "EAN", "Prix public HT", "Remise", "Prix net HT"]]
    for ref, des, unit, price in items:
        ean = f"3{rng.randint(10**11, 10**12 - 1)}"
        rem = rng.choice([0, 5, 10, 15])
        rows.append(
            [
                esc(ref),
                esc(des),
                unit,
                ean,
                money(price * 1.3),
                f"{rem} %",
                money(price * 1.3 * (1 - rem / 100)),
            ]
        )
    body = [
        f"<h1>NORMAPRO – TARIF {year}</h1><p>{'Applicable au 1er janvier ' + str(year) if i == 0 else 'Tarif client – conditions particulières – édité le ' + d_fr(a_date(rng))}. Prix en euros hors taxes, franco à partir de 250 € HT.</p>",
        table(rows, "l"),
        "<p>Pour commander : commandes@normapro-distribution.fr – en rappelant votre numéro de commande et votre code client. Tarif susceptible de modification sans préavis.</p>",
        f'<div class="foot">{OUR_FOOT}</div>',
    ]
    return dated(
        Doc("neg_tarif", "html", html_page(css, "\n".join(body), margin="10mm"), "", "", None), t
    )


def neg_demande_prix(rng: random.Random, i: int) -> Doc:
    t = a_date(rng)
    cust = make_fr_party(
        rng, SMALL_COS[(i * 5 + 2) % len(SMALL_COS)], p_typo=0.0, p_vat=0.9, p_siret=0.9
    )
    number = (
        f"DP-{t[0] % 100}-{rng.randint(10, 999):04d}"
        if i == 0
        else f"CONSULT {t[0]}-{rng.randint(10, 99)}"
    )
    doc = Fodt(font=rng.choice(["Liberation Serif", "Nimbus Roman"]), size=11)
    doc.p([(cust.name, {"bold": True, "size": 14})], after=0)
    doc.p(f"{cust.street}\n{cust.postcode} {cust.city}\nTél. {cust.phone}", size=9, after=0.6)
    doc.p("\n".join([OWN.name, OWN.street2, f"{OWN.postcode} {OWN.city}"]), indent=9.5, after=0.6)
    doc.p(f"{cust.city}, le {d_long(t)}", indent=9.5, after=0.4)
    doc.p(
        [("DEMANDE DE PRIX N° " + number, {"bold": True, "size": 13})]
        if i == 0
        else [("Consultation n° " + number, {"bold": True})],
        after=0.4,
    )
    doc.p(
        "Madame, Monsieur,\nNous vous remercions de bien vouloir nous faire parvenir votre meilleure offre de prix et délai pour les articles suivants. Cette demande ne vaut pas commande.",
        align="justify",
        after=0.3,
    )
    lines = pick_lines(rng, rng.randint(3, 6))
    rows = [["Article", "Désignation", "Quantité"]] + [[r, d, str(q)] for r, d, u, q, p in lines]
    doc.table(rows, [3.0, 11.0, 3.0], header_bg="#dddddd", size=10)
    doc.p(f"Réponse souhaitée avant le {d_fr(later(t, 10))}.", before=0.4)
    doc.p(f"{' '.join(person(rng))}\nService achats", indent=9.5, before=0.6)
    _legal_footer(doc, cust)
    return dated(Doc("neg_demande_prix", "fodt", doc.render(), "", "", cust), t)
