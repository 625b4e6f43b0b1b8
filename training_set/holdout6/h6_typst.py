"""Typst sources (compiled by the `typst` PyPI package) for the Typst families.

One builder, many layouts: each family has its font, its vocabulary, its distractors, and each
document a placement of the order number (right of its label, under a column header, in a box,
in the title, in a sentence, only in the page header). Imports nothing from the repository.
"""

from __future__ import annotations

import random

import h6_data as d
import typst

FONT_DIRS = ["/usr/share/fonts"]
BR = " \\\n"


def esc(text: str) -> str:
    """Typst markup with every punctuation character escaped (kept literally)."""
    out = []
    for ch in str(text):
        if ch.isalnum() or ch in " \u202f\u00a0°éèêëàâäîïôöûüçœÉÈÀÂÎÔÛÇŒ«»’€":
            out.append(ch)
        elif ch == "\n":
            out.append(" \\\n")
        else:
            out.append("\\" + ch)
    return "".join(out)


def nb(text: str) -> str:
    """Unbreakable run (a number must stay on one line of the text layer)."""
    return f"#box[{esc(text)}]"


def compile_pdf(src: str) -> bytes:
    return typst.compile(src.encode("utf-8"), font_paths=FONT_DIRS)


def preamble(font: str, size: float, accent: str, header: str = "", footer: str = "",
             margin: str = "1.6cm", flipped: bool = False) -> str:
    fl = "true" if flipped else "false"
    return (
        "#set document(date: datetime(year: 2026, month: 12, day: 7))\n"
        f'#set page(paper: "a4", flipped: {fl}, margin: {margin}, header: [{header}], '
        f"footer: [{footer}])\n"
        f'#set text(font: "{font}", size: {size}pt, lang: "fr")\n'
        "#set par(justify: false)\n"
        f"#let acc = rgb(\"{accent}\")\n"
    )


def kv(pairs: list[tuple[str, str]], width: str = "auto") -> str:
    cells = ", ".join(f"[{esc(k)}], [{v}]" for k, v in pairs)
    return (f"#table(columns: ({width}, 1fr), stroke: none, inset: 2pt, {cells})\n")


def grid_row(headers: list[str], values: list[str], fill: str = "acc.lighten(80%)") -> str:
    cols = ", ".join(["auto"] * len(headers))
    hcells = ", ".join(f"table.cell(fill: {fill})[*{esc(h)}*]" for h in headers)
    vcells = ", ".join(f"[{v}]" for v in values)
    return f"#table(columns: ({cols}), inset: 4pt, stroke: 0.5pt + gray, {hcells}, {vcells})\n"


def items_table(rng: random.Random, rows: list, headers: list[str], pos_style: str) -> tuple[
        str, float]:
    cells = [f"table.cell(fill: acc.lighten(70%))[*{esc(h)}*]" for h in headers]
    total = 0.0
    for i, (ref, des, qty, price) in enumerate(rows, 1):
        pos = {"sap": f"{i * 10:05d}", "plain": str(i), "ligne": f"L{i:02d}"}[pos_style]
        line = qty * price
        total += line
        vals = [pos, ref, des, str(qty), d.amount(price), d.amount(line)]
        cells += [f"[{esc(v)}]" for v in vals[: len(headers)]]
    cols = "(auto, auto, 1fr, auto, auto, auto)"
    if len(headers) < 6:
        cols = "(" + ", ".join(["auto"] * (len(headers) - 1) + ["1fr"]) + ")"
    return (f"#table(columns: {cols}, inset: 4pt, stroke: 0.4pt + gray, "
            f"align: (x, y) => if x >= 3 {{ right }} else {{ left }}, {', '.join(cells)})\n",
            total)


def totals(total: float, rng: random.Random) -> str:
    tva = total * 0.2
    return ("#align(right)[" + kv([("Total HT", esc(d.amount(total) + " €")),
                                   ("TVA 20 %", esc(d.amount(tva) + " €")),
                                   ("Total TTC", "*" + esc(d.amount(total + tva) + " €") + "*")],
                                  "auto").replace("#table(columns: (auto, 1fr)",
                                                  "#table(columns: (auto, 3cm)") + "]\n")


def our_block(title: str = "Fournisseur") -> str:
    lines = [d.OWN_NAME, *d.OWN_ADDR, f"Tél. {d.OWN_TEL}", f"SIRET {d.OWN_SIRET}",
             f"TVA {d.OWN_VAT}"]
    body = " \\\n".join(esc(x) for x in lines)
    return f"#rect(width: 100%, stroke: 0.5pt + gray, inset: 6pt)[*{esc(title)}* \\\n{body}]"


def cust_ids(spec: dict, sep: str = " - ") -> str:
    parts = []
    if spec.get("siret_print"):
        parts.append("SIRET " + spec["siret_print"])
    if spec.get("vat_print"):
        parts.append(spec.get("vat_word", "N° TVA intracom.") + " " + spec["vat_print"])
    joiner = sep if "\\" in sep else esc(sep)
    return joiner.join(esc(p) for p in parts)


# ----- families -------------------------------------------------------------------------------

FAMILIES = {
    "ty_sap_industrie": dict(font="Noto Sans", size=8.6, accent="#1f4e79",
                             title="Bon de commande", kw="Numéro de commande",
                             headers=["Poste", "Article", "Désignation", "Qté", "PU HT", "Montant"],
                             pos="sap"),
    "ty_sage_pme": dict(font="Cantarell", size=9.4, accent="#7a3b00",
                        title="BON DE COMMANDE", kw="Bon de commande n°",
                        headers=["Réf.", "Votre réf.", "Désignation", "Qté", "P.U. HT",
                                 "Total HT"], pos="plain"),
    "ty_public_chorus": dict(font="Noto Serif", size=9.0, accent="#000091",
                             title="BON DE COMMANDE", kw="N° d'engagement juridique",
                             headers=["N°", "Réf. fourn.", "Objet", "Qté", "PU HT", "Total HT"],
                             pos="plain"),
    "ty_cnrs_univ": dict(font="Inter", size=8.8, accent="#005a9c",
                         title="BON DE COMMANDE", kw="Bon de commande n°",
                         headers=["Ligne", "Référence", "Désignation", "Qté", "PU HT", "Montant"],
                         pos="ligne"),
    "ty_btp_travaux": dict(font="B612", size=8.4, accent="#b35900",
                           title="BON DE COMMANDE TRAVAUX", kw="Commande n°",
                           headers=["Lot", "Réf.", "Nature des travaux / fournitures", "Qté",
                                    "PU HT", "Montant HT"], pos="plain"),
    "ty_centrale_achat": dict(font="Fira Code", size=7.8, accent="#2e7d32",
                              title="COMMANDE FOURNISSEUR", kw="N° Commande",
                              headers=["Ligne", "Code art.", "Libellé", "Qté", "PA net",
                                       "Montant"], pos="ligne"),
    "ty_group_en": dict(font="Inter Display", size=8.8, accent="#5b2c6f",
                        title="PURCHASE ORDER", kw="PO Number",
                        headers=["Item", "Part no.", "Description", "Qty", "Unit price",
                                 "Amount"], pos="sap"),
    "ty_multipage": dict(font="EB Garamond", size=10.5, accent="#444444",
                         title="COMMANDE", kw="Commande n°",
                         headers=["Pos.", "Réf.", "Désignation", "Qté", "PU HT", "Montant"],
                         pos="plain"),
}


def order_doc(rng: random.Random, spec: dict) -> str:
    fam = FAMILIES[spec["family"]]
    c: d.Party = spec["cust"]
    num = spec["printed"]
    kw = spec.get("kw") or fam["kw"]
    mode = spec["mode"]
    date = spec["date"][0]
    english = spec["family"] == "ty_group_en"
    header = footer = ""
    n_items = spec.get("n_items", rng.randint(3, 6))
    if spec["family"] == "ty_multipage":
        n_items = rng.randint(34, 46)
        header = (f"#set text(size: 9pt)\n{esc(c.name)} #h(1fr) {esc(kw)} {nb(num)} #h(1fr) "
                  "Page #context counter(page).display() / "
                  "#context counter(page).final().first() \\\n#line(length: 100%)")
        footer = (f"#set text(size: 7pt)\n{esc(c.name)} - {esc(c.street)} {esc(c.postcode)} "
                  f"{esc(c.city)} - {cust_ids(spec)} - Capital 250 000 €")
    else:
        foot_bits = [c.name, c.street, f"{c.postcode} {c.city}"]
        footer = (f"#set text(size: 6.8pt, fill: gray.darken(40%))\n#align(center)["
                  f"{esc(' - '.join(foot_bits))} \\\n{cust_ids(spec)} - RCS {esc(c.city)} "
                  f"{esc(c.siren[:3] + ' ' + c.siren[3:6] + ' ' + c.siren[6:])}"
                  f" #h(1fr) Page 1/1]")
        if spec.get("ids_in_header"):
            footer = (f"#set text(size: 6.8pt, fill: gray.darken(40%))\n#align(center)["
                      f"{esc(' - '.join(foot_bits))} #h(1fr) Page 1/1]")
    src = [preamble(fam["font"], fam["size"], fam["accent"], header, footer)]
    # letterhead
    logo = (f"#text(size: 17pt, weight: \"bold\", fill: acc)[{esc(c.name)}] \\\n"
            f"{esc(c.street)} \\\n{esc(c.postcode + ' ' + c.city)} \\\n"
            f"{esc(('Tel. ' if english else 'Tél. ') + c.phone)}")
    if spec.get("ids_in_header"):
        logo += " \\\n" + cust_ids(spec, BR)
    title = fam["title"]
    if mode == "title":
        title_txt = f"{esc(title)} {esc('N°') if not english else 'No.'} {nb(num)}"
    else:
        title_txt = esc(title)
    src.append(f"#grid(columns: (1.2fr, 1fr), gutter: 12pt, [{logo}], [#align(right)["
               f"#text(size: 15pt, weight: \"bold\")[{title_txt}]]])\n#v(6pt)\n")
    # reference block
    qn = spec["quote"]
    refs = [
        ("Date" if not english else "Order date", esc(date)),
        ("Votre devis" if not english else "Your quotation", esc(qn)),
        ("Code fournisseur" if not english else "Vendor no.", esc(spec["supcode"])),
    ]
    refs += spec.get("extra_refs", [])
    if mode == "right":
        refs.insert(0, (kw, f"*{nb(num)}*"))
        src.append(kv([(k, v) for k, v in refs], "4.2cm"))
    elif mode == "under":
        hs = [kw] + [k for k, _ in refs[:4]]
        vs = [f"*{nb(num)}*"] + [v for _, v in refs[:4]]
        src.append(grid_row(hs, vs))
        if refs[4:]:
            src.append(kv(refs[4:], "4.2cm"))
    elif mode == "box":
        box = (f"#align(right)[#rect(stroke: 1.2pt + acc, inset: 8pt, radius: 3pt)["
               f"#text(size: 8pt)[{esc(kw)}] \\\n#text(size: 13pt, weight: \"bold\")[{nb(num)}]]]")
        src.append(box + "\n" + kv(refs, "4.2cm"))
    else:  # title, sentence, header: the reference block has no number
        src.append(kv(refs, "4.2cm"))
    src.append(f"#grid(columns: (1fr, 1fr), gutter: 10pt, [{our_block('Vendor' if english else 'Fournisseur')}], "
               f"[#rect(width: 100%, stroke: 0.5pt + gray, inset: 6pt)[*{esc(spec['deliver_word'])}* "
               f"\\\n{esc(spec['deliver'])}]])\n#v(4pt)\n")
    if mode == "sentence":
        s = spec["sentence"].split("{}")
        src.append(f"{esc(s[0])}{nb(num)}{esc(s[1])}\n\n")
    elif spec.get("intro"):
        src.append(esc(spec["intro"]) + "\n\n")
    rows = d.items(rng, min(n_items, len(d.ARTICLES))) if n_items <= 20 else [
        it for _ in range(3) for it in d.items(rng, 15)][:n_items]
    table, total = items_table(rng, rows, fam["headers"], fam["pos"])
    src.append(table)
    src.append(totals(total, rng))
    for line in spec.get("notes", []):
        src.append(esc(line) + "\n\n")
    src.append(f"#v(8pt)\n{esc(spec.get('sign', 'Le responsable des achats'))} : "
               f"{esc(c.contact)} - {esc(c.email)}\n")
    return "".join(src)


def our_doc(rng: random.Random, spec: dict) -> str:
    """Our own documents (quote, acknowledgement, invoice, credit note) and the customer's
    letters (request for quotation, reminder, delivery note): no order number to label."""
    c: d.Party = spec["cust"]
    ours = spec["ours"]
    font = spec["font"]
    footer = ("#set text(size: 6.8pt, fill: gray.darken(40%))\n#align(center)[" + (
        esc(f"{d.OWN_NAME} - SAS au capital de 400 000 € - SIRET {d.OWN_SIRET} - TVA "
            f"{d.OWN_VAT} - IBAN {d.OWN_IBAN} - BIC {d.OWN_BIC}") if ours else
        esc(f"{c.name} - {c.street} {c.postcode} {c.city}") + " \\\n" + cust_ids(spec)) + "]")
    src = [preamble(font, 9.2, spec["accent"], "", footer)]
    head = d.OWN_NAME if ours else c.name
    addr = d.OWN_ADDR if ours else c.address
    left = (f"#text(size: 16pt, weight: \"bold\", fill: acc)[{esc(head)}] \\\n"
            + " \\\n".join(esc(x) for x in addr))
    right = f"#text(size: 14pt, weight: \"bold\")[{esc(spec['title'])}]"
    src.append(f"#grid(columns: (1.2fr, 1fr), [{left}], [#align(right)[{right}]])\n#v(6pt)\n")
    if ours:
        cust = [c.name, c.street, f"{c.postcode} {c.city}", f"À l'attention de {c.contact}"]
        ids = cust_ids(spec, " \\\n")
        src.append("#align(right)[#rect(stroke: 0.5pt + gray, inset: 6pt)["
                   + BR.join(esc(x) for x in cust) + BR + ids + "]]\n")
    else:
        src.append(f"#rect(stroke: 0.5pt + gray, inset: 6pt)[*{esc('Destinataire')}* \\\n"
                   f"{esc(d.OWN_NAME)} \\\n" + " \\\n".join(esc(x) for x in d.OWN_ADDR) + "]\n")
    src.append(kv([(k, esc(v)) for k, v in spec["refs"]], "4.5cm"))
    for para in spec.get("paras_before", []):
        src.append(esc(para) + "\n\n")
    if spec.get("n_items", 3):
        rows = d.items(rng, spec.get("n_items", 3))
        table, total = items_table(rng, rows, ["N°", "Réf.", "Désignation", "Qté", "PU HT",
                                               "Montant"], "plain")
        src.append(table)
        if spec.get("with_totals", True):
            src.append(totals(total, rng))
    for para in spec.get("paras", []):
        src.append(esc(para) + "\n\n")
    if spec.get("accord_box"):
        src.append("#rect(width: 60%, height: 2.6cm, stroke: 0.6pt, inset: 6pt)["
                   + esc("Bon pour accord - date, cachet et signature du client :") + " \\\n"
                   + esc("N° de commande client : ........................") + "]\n")
    return "".join(src)
