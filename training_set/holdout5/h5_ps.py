"""Fixed-width print-outs: GNU enscript 1.6 or GNU a2ps 4.14 -> PostScript -> ghostscript ps2pdf.

Legacy ERP listings (AS/400-like green-bar print files), an EDI translator's print of an
EDIFACT ORDERS message, a two-page Unix ERP order with enscript page headers, and a
customer's account statement. The text is Latin-1 (what those spoolers expect). a2ps prints
a hyphen as a minus sign and an apostrophe as a right quote, as it does on real printers, so
the EDI family's numbers have no hyphen.
"""

from __future__ import annotations

import random
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import h5_data as D

LATIN1_FIX = {"€": "EUR", "—": "-", "–": "-", "œ": "oe", "Œ": "OE", "’": "'", "…": "..."}


def latin1(text: str) -> bytes:
    for a, b in LATIN1_FIX.items():
        text = text.replace(a, b)
    return text.encode("latin-1")


def plain_upper(text: str) -> str:
    """What an old spooler prints: capitals without accents."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in nfkd if not unicodedata.combining(ch)).upper()


def _ps2pdf(ps: Path, out: Path) -> bytes:
    subprocess.run(
        [
            "ps2pdf",
            "-dPDFSETTINGS=/printer",
            "-dAutoRotatePages=/PageByPage",
            "-sPAPERSIZE=a4",
            str(ps),
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return out.read_bytes()


def enscript_pdf(
    text: str,
    font: str = "Courier9",
    header: str | None = None,
    landscape: bool = False,
    lines: int | None = None,
) -> bytes:
    with tempfile.TemporaryDirectory(prefix="h5es") as tmp:
        src, ps, pdf = Path(tmp) / "in.txt", Path(tmp) / "out.ps", Path(tmp) / "out.pdf"
        src.write_bytes(latin1(text))
        cmd: list[str | bytes] = [
            "enscript",
            "-q",
            "-X",
            "latin1",
            "-M",
            "A4",
            "-f",
            font,
            "-o",
            str(ps),
        ]
        if header is None:
            cmd.append("-B")
        else:
            cmd += [b"--header", latin1(header), "-F", "Courier-Bold9"]
        if landscape:
            cmd.append("-r")
        if lines:
            cmd += ["-L", str(lines)]
        cmd += ["--margins=46:40:30:30", str(src)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return _ps2pdf(ps, pdf)


def a2ps_pdf(
    text: str, title: str, left: str, right: str, footer: str, landscape: bool, cpl: int
) -> bytes:
    with tempfile.TemporaryDirectory(prefix="h5a2") as tmp:
        src, ps, pdf = Path(tmp) / "in.txt", Path(tmp) / "out.ps", Path(tmp) / "out.pdf"
        src.write_bytes(latin1(text))
        cmd = [
            "a2ps",
            "-q",
            "-X",
            "latin1",
            "-M",
            "A4",
            "-1",
            "-r" if landscape else "-R",
            f"--chars-per-line={cpl}",
            "--borders=yes",
            "--header=",
            f"--center-title={title}",
            f"--left-title={left}",
            f"--right-title={right}",
            f"--left-footer={footer}",
            "--footer=",
            "--right-footer=",
            "-o",
            str(ps),
            str(src),
        ]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return _ps2pdf(ps, pdf)


def two_cols(left: str, right: str, width: int = 50) -> str:
    return f"{left:<{width}}{right}".rstrip()


def item_lines(items, width: int = 96, upper: bool = True, step: int = 10) -> tuple[list, float]:
    out = []
    total = 0.0
    for k, (ref, lab, q, pu) in enumerate(items):
        amt = q * pu
        total += amt
        lab2 = plain_upper(lab) if upper else lab
        out.append(
            f"{(k + 1) * step:04d} {ref:<15} {lab2[:34]:<34} {q:>4} U {D.money(pu):>9} "
            f"{D.money(amt):>10}"
        )
    return out, total


# --------------------------------------------------------------------------------------------


def erp_listing(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """AS/400-like ERP purchase-order print file (enscript, Courier, no header)."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    up = i % 2 == 0
    U = plain_upper if up else (lambda s: s)
    prog = f"{rng.choice(['ACH110R', 'CDEF02', 'PUR300'])}"
    user = f"{rng.choice(['JMOREL', 'SPERRIN', 'KBENALI', 'CGARNIER'])}"
    t = f"{rng.randrange(7, 19):02d}:{rng.randrange(60):02d}"
    items = D.pick_items(rng, rng.randrange(3, 7))
    lines_items, total = item_lines(items, upper=up)
    quote = doc.quote
    ccode = D.supplier_code(rng)
    buyer = " ".join(D.person(rng))
    num = doc.printed
    mode = i % 6
    L: list[str] = []
    L.append(two_cols(U(c.name), f"EDITION DU {doc.day.short()}  {t}", 60))
    L.append(two_cols(U(c.street), f"PROG. {prog}  USER {user}", 60))
    L.append(two_cols(U(c.city_line), f"TEL {c.phone}", 60))
    idl = []
    if ids.siret_printed:
        idl.append(f"SIRET {ids.siret_printed}")
    if ids.vat_printed:
        idl.append(f"TVA {ids.vat_printed}")
    L.append("   ".join(idl))
    L.append("")
    title = "B O N   D E   C O M M A N D E   F O U R N I S S E U R"
    if mode == 2:
        title = f"BON DE COMMANDE N° {num}"
    L.append(" " * ((92 - len(title)) // 2) + (U(title) if mode != 2 else title))
    L.append("")
    L.append(two_cols(f"FOURNISSEUR : {ccode}", "LIVRAISON :", 52))
    L.append(two_cols(f"   {U(o.name)}", f"   {U('Magasin central, quai ' + str(i + 1))}", 52))
    L.append(two_cols(f"   {U(o.street)[:46]}", f"   {U(c.street)[:40]}", 52))
    L.append(two_cols(f"   {o.city_line}", f"   {U(c.city_line)}", 52))
    L.append(f"   SIRET {o.siret}  TVA {o.vat}")
    L.append("")
    if mode == 0:
        L.append(two_cols(f"N/Cde       : {num}", f"V/Devis     : {quote}", 52))
        L.append(two_cols(f"Date cde    : {doc.day.short()}", f"Acheteur    : {U(buyer)}", 52))
    elif mode == 1:
        hdr = f"{'N° CDE':<18}{'DATE CDE':<11}{'CODE FOURN.':<13}{'V/DEVIS':<16}ACHETEUR"
        L.append(hdr)
        L.append("-" * len(hdr))
        L.append(f"{num:<18}{doc.day.short():<11}{ccode:<13}{quote:<16}{U(buyer)}")
    elif mode == 2:
        L.append(two_cols(f"Date        : {doc.day.short()}", f"V/Devis     : {quote}", 52))
        L.append(two_cols(f"Acheteur    : {U(buyer)}", f"Tel.        : {c.phone}", 52))
    elif mode == 3:
        L.append(two_cols(f"Votre devis    : {quote}", f"Notre commande : {num}", 52))
        L.append(two_cols(f"Code client    : {D.our_client_code(rng)}", f"Du : {doc.day.fr()}", 52))
    elif mode == 4:
        L.append(two_cols(f"N° d'ordre  : {num}", f"Date        : {doc.day.fr()}", 52))
        L.append(two_cols(f"V/Réf.      : {quote}", f"Demande achat : DA{D.d(rng, 6)}", 52))
    else:
        L.append(two_cols(f"Bon de cde  : {num}", f"Du          : {doc.day.short()}", 52))
        L.append(two_cols(f"V/Offre     : {quote}", f"Affaire     : AF{D.d(rng, 5)}", 52))
    L.append(f"Conditions  : {U('Virement 45 jours fin de mois')}   Franco de port")
    L.append("")
    L.append("=" * 92)
    L.append(
        f"{'POS':<5}{'ARTICLE':<16}{'DESIGNATION':<35}{'QTE':>4} U {'P.U. HT':>9} {'MONTANT':>10}"
    )
    L.append("=" * 92)
    L.extend(lines_items)
    L.append("-" * 92)
    L.append(f"{'TOTAL HT':>70} {D.money(total):>17}")
    L.append(f"{'TVA 20,00 %':>70} {D.money(total * 0.2):>17}")
    L.append(f"{'TOTAL TTC EUR':>70} {D.money(total * 1.2):>17}")
    L.append("")
    L.append(U("Delai : 15 jours. Merci de rappeler nos references sur BL et facture."))
    L.append(U(f"Receptions : du lundi au vendredi de 8h a 12h. Fax {c.fax}"))
    L.append("")
    L.append(f"{'VISA ACHETEUR':<30}{'VISA DIRECTION':<30}")
    L.append("")
    L.append(f"*** FIN D'EDITION *** {prog} {doc.day.edi()}{t.replace(':', '')}  PAGE 0001")
    font = ["Courier9", "Courier8.5", "Courier9"][i % 3]
    return enscript_pdf("\n".join(L), font=font)


def edi_orders(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """An EDI translator's print of an EDIFACT ORDERS message (a2ps, bordered, 1-up)."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    gln_by = "30" + D.d(rng, 11)
    gln_su = "37" + D.d(rng, 11)
    num = doc.printed
    ictrl = D.nz(rng, 6)
    t = f"{rng.randrange(7, 19):02d}{rng.randrange(60):02d}"
    items = D.pick_items(rng, rng.randrange(2, 5))
    lab = [
        "Numéro de commande",
        "N° commande acheteur",
        "Référence commande",
        "Numéro BC",
        "Order number",
    ][i % 5]
    seg: list[tuple[str, str]] = [
        (f"UNB+UNOC:3+{gln_by}:14+{gln_su}:14+{doc.day.edi()[2:]}:{t}+{ictrl}'", "En-tête"),
        ("UNH+1+ORDERS:D:96A:UN:EAN008'", "Message ORDERS"),
        (f"BGM+220+{num}+9'", f"{lab} : {num} (original)"),
        (f"DTM+137:{doc.day.edi()}:102'", f"Date du document : {doc.day.fr()}"),
        (f"DTM+2:{doc.day.plus(12).edi()}:102'", f"Livraison demandée : {doc.day.plus(12).fr()}"),
        (f"RFF+CT:AC{doc.day.y - 1}{D.d(rng, 3)}'", "Contrat cadre"),
        (f"RFF+AAG:{doc.quote.replace('-', '')}'", "Offre fournisseur"),
        (f"NAD+BY+{gln_by}::9'", f"Acheteur : {plain_upper(c.name)}"),
    ]
    if ids.vat_printed:
        seg.append((f"RFF+VA:{ids.vat_printed.replace(' ', '')}'", "TVA acheteur"))
    if ids.siret_printed:
        seg.append((f"RFF+XA:{ids.siret_printed.replace(' ', '')}'", "SIRET acheteur"))
    seg += [
        (f"NAD+SU+{gln_su}::9'", f"Fournisseur : {plain_upper(o.name)}"),
        (f"RFF+VA:{o.vat}'", "TVA fournisseur"),
        (f"RFF+IA:{D.supplier_code(rng).replace('-', '')}'", "Code fournisseur chez l'acheteur"),
        (f"NAD+DP+{gln_by[:-3]}{D.d(rng, 3)}::9'", f"Livrer à : {plain_upper(c.city_line)}"),
        ("CUX+2:EUR:9'", "Devise"),
    ]
    total = 0.0
    for k, (ref, lab2, q, pu) in enumerate(items):
        total += q * pu
        ean = "3" + D.d(rng, 12)
        seg.append((f"LIN+{k + 1}++{ean}:EN'", f"Ligne {k + 1} : {lab2[:36]}"))
        seg.append((f"PIA+1+{ref.replace('-', '')}:SA'", f"Réf. fournisseur {ref}"))
        seg.append((f"QTY+21:{q}'", f"Quantité {q}"))
        seg.append((f"PRI+AAA:{pu:.2f}'", f"Prix net {D.money(pu)} EUR"))
    seg += [
        ("UNS+S'", ""),
        (f"MOA+79:{total:.2f}'", f"Total HT {D.money(total)} EUR"),
        (f"CNT+2:{len(items)}'", "Nombre de lignes"),
        (f"UNT+{len(seg) + 2}+1'", ""),
        (f"UNZ+1+{ictrl}'", ""),
    ]
    width = 44
    L = [
        f"TRADUCTION DU MESSAGE EDIFACT ORDERS D96A (EANCOM) - INTERCHANGE {ictrl}",
        f"Reçu le {doc.day.fr()} à {t[:2]}h{t[2:]} de {gln_by} ({plain_upper(c.name)})",
        f"Destinataire : {gln_su} {o.name}  SIREN {D.fmt_siren(o.siren)}",
        "",
    ]
    if i % 3 == 1:
        L.append(f"{lab} : {num}")
        L.append("")
    L.append(f"{'SEGMENT':<{width}} SIGNIFICATION")
    L.append(f"{'-' * (width - 2):<{width}} {'-' * 40}")
    for raw, meaning in seg:
        L.append(f"{raw:<{width}} {meaning}")
    L.append("")
    if ids.siret_printed or ids.vat_printed:
        L.append(
            "Identifiants acheteur : "
            + (f"SIRET {ids.siret_printed}  " if ids.siret_printed else "")
            + (f"TVA {ids.vat_printed}" if ids.vat_printed else "")
        )
    L.append("Contrôle syntaxique : OK    Accusé CONTRL émis : oui    Statut : A INTEGRER")
    landscape = doc.landscape
    return a2ps_pdf(
        "\n".join(L),
        title=f"ORDERS {ictrl}",
        left=doc.day.fr(),
        right="Page $p./$p>",
        footer=f"EDI-GW {rng.choice(['TX2', 'Generix', 'Babelway'])} spool {D.d(rng, 5)}",
        landscape=landscape,
        cpl=112 if landscape else 96,
    )


def multipage(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """Two-page Unix ERP order: enscript page header with the number on every page."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    num = doc.printed
    hlab = ["Commande N°", "Cde n°", "BON DE COMMANDE", "N° Cde", "Bon n°", "Commande"][i % 6]
    header = f"{plain_upper(c.name)[:28]}|{hlab} {num}|Page $% / $="
    items = D.pick_items(rng, 12 + rng.randrange(4))
    lines_items, total = item_lines(items, upper=False)
    L = [
        f"{c.name}",
        f"{c.street}",
        f"{c.city_line}   Tél. {c.phone}   Fax {c.fax}",
    ]
    idl = []
    if ids.siret_printed:
        idl.append(f"SIRET : {ids.siret_printed}")
    if ids.vat_printed:
        idl.append(f"N° TVA : {ids.vat_printed}")
    idl.append(f"APE {rng.choice(['2822Z', '2511Z', '4669B', '1051A'])}")
    L.append("   ".join(idl))
    L.append("")
    if i % 2 == 0:
        L.append(f"        COMMANDE FOURNISSEUR {num}")
    else:
        L.append("        COMMANDE FOURNISSEUR")
    L.append("")
    L.append(two_cols("Fournisseur :", "Facturation :", 48))
    L.append(two_cols(f"  {o.name}", f"  {c.name}"[:44], 48))
    L.append(two_cols(f"  {o.street}"[:46], "  Service comptabilité fournisseurs", 48))
    L.append(two_cols(f"  {o.city_line}", f"  {c.city_line}", 48))
    L.append(
        two_cols(f"  Code fournisseur {D.supplier_code(rng)}", f"  Réf. devis {doc.quote}", 48)
    )
    L.append("")
    L.append(
        f"Date : {doc.day.fr()}   Demande d'achat : DA{D.d(rng, 5)}   "
        f"Affaire : {rng.choice(['AFF', 'CH', 'OT'])}{D.d(rng, 5)}"
    )
    L.append("")
    L.append(
        f"{'Pos.':<5}{'Article':<16}{'Désignation':<35}{'Qté':>4} U {'PU HT':>9} {'Montant':>10}"
    )
    L.append("-" * 92)
    for ln in lines_items:
        L.append(ln)
        L.append(
            f"     Délai : {doc.day.plus(rng.randrange(7, 30)).fr()}  "
            f"Lieu : quai {rng.randrange(1, 5)}"
        )
    L.append("-" * 92)
    L.append(f"{'Total HT':>70} {D.money(total):>17}")
    L.append(f"{'TVA 20 %':>70} {D.money(total * 0.2):>17}")
    L.append(f"{'Total TTC':>70} {D.money(total * 1.2):>17}")
    L.append("")
    L.append("CONDITIONS GÉNÉRALES D'ACHAT (extrait)")
    for k, clause in enumerate(
        [
            "Toute livraison doit être accompagnée d'un bon de livraison rappelant notre numéro",
            "de commande. Les factures sont à adresser en un exemplaire au service comptabilité.",
            "Le fournisseur s'engage sur les délais indiqués ; tout retard pourra donner lieu à",
            "pénalités de 0,5 % par jour calendaire, plafonnées à 10 % du montant HT.",
            "Le transfert de propriété intervient à la réception. Paiement à 45 jours fin de mois.",
            "Litiges : tribunal de commerce du siège de l'acheteur.",
        ]
    ):
        L.append(f"{k + 1}. {clause}" if k % 2 == 0 else f"   {clause}")
    L.append("")
    L.append(f"Émis par : {' '.join(D.person(rng))}      Visa : __________")
    L.append(f"IBAN fournisseur enregistré : {D.OWN.extra['iban']}   TVA fourn. {o.vat}")
    return enscript_pdf("\n".join(L), font="Courier9", header=header, lines=46)


def neg_releve(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """A customer's statement of our supplier account, quoting its old orders."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    L = [
        plain_upper(c.name),
        plain_upper(c.street),
        plain_upper(c.city_line),
    ]
    if ids.siret_printed:
        L.append(f"SIRET {ids.siret_printed}")
    if ids.vat_printed:
        L.append(f"TVA INTRACOM. {ids.vat_printed}")
    L += [
        "",
        "          RELEVE DE COMPTE FOURNISSEUR",
        f"          Compte {D.supplier_code(rng)}  {o.name}",
        f"          Arrêté au {doc.day.fr()}",
        "",
        f"{'DATE':<11}{'PIECE':<14}{'N/CDE':<16}{'LIBELLE':<24}{'DEBIT':>12}{'CREDIT':>12}",
        "-" * 89,
    ]
    bal = 0.0
    for _ in range(rng.randrange(5, 9)):
        day = doc.day.plus(-rng.randrange(5, 90))
        fa = f"FA26-{D.nz(rng, 5)}"
        amt = round(rng.uniform(80, 4000), 2)
        cde = D.shape(rng, rng.choice(["CF", "BDC", "4500", "DIG7"]))
        paid = rng.random() < 0.5
        L.append(f"{day.fr():<11}{fa:<14}{cde:<16}{'FACTURE':<24}{'':>12}{D.money(amt):>12}")
        bal += amt
        if paid:
            L.append(
                f"{day.plus(45).fr():<11}{'VIR' + D.d(rng, 6):<14}{'':<16}"
                f"{'REGLEMENT':<24}{D.money(amt):>12}{'':>12}"
            )
            bal -= amt
    L += [
        "-" * 89,
        f"{'SOLDE CREDITEUR':<65}{D.money(bal):>24}",
        "",
        "Ce relevé n'appelle aucune commande. Merci de nous signaler tout écart sous 15 jours.",
        f"Service comptabilité fournisseurs, tél. {c.phone}",
    ]
    return enscript_pdf("\n".join(L), font="Courier9")


BUILDERS = {
    "ps_erp_listing": erp_listing,
    "ps_edi_orders": edi_orders,
    "ps_multipage": multipage,
    "neg_releve": neg_releve,
}
