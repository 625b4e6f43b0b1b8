"""LaTeX (pdflatex) families of the holdout4 corpus: one builder per family returns the source.

Public-sector and laboratory forms, an engineering firm's multi-page order, letters, a form
whose number sits only in the footer, an English PO, and two negatives (our quote, a
customer's reminder). Imports only ``h4_data``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from h4_data import OWN, Doc, fmt_siren, fmt_siret, fmt_vat, money, spaced_iban

# Latin Modern at a single design size: its optical sizes would embed one font file per size
LM_ONE = r"""\usepackage{lmodern}
\DeclareFontFamily{T1}{lmr}{}
\DeclareFontShape{T1}{lmr}{m}{n}{<-> ec-lmr10}{}
\DeclareFontShape{T1}{lmr}{m}{it}{<-> ec-lmri10}{}
\DeclareFontShape{T1}{lmr}{bx}{n}{<-> ec-lmbx10}{}
\DeclareFontShape{T1}{lmr}{b}{n}{<->ssub * lmr/bx/n}{}
\DeclareFontShape{T1}{lmr}{bx}{it}{<-> ec-lmbxi10}{}
\DeclareFontShape{T1}{lmr}{m}{sc}{<-> ec-lmcsc10}{}
\DeclareFontFamily{T1}{lmss}{}
\DeclareFontShape{T1}{lmss}{m}{n}{<-> ec-lmss10}{}
\DeclareFontShape{T1}{lmss}{m}{it}{<-> ec-lmsso10}{}
\DeclareFontShape{T1}{lmss}{bx}{n}{<-> ec-lmssbx10}{}
\DeclareFontShape{T1}{lmss}{b}{n}{<->ssub * lmss/bx/n}{}
\DeclareFontShape{T1}{lmss}{m}{sc}{<->ssub * lmr/m/sc}{}
"""

FONTS = {
    "lmodern": LM_ONE
    + r"\DeclareFontFamily{T1}{lmtt}{}\DeclareFontShape{T1}{lmtt}{m}{n}{<-> ec-lmtt10}{}",
    "lmsans": LM_ONE + r"\renewcommand{\familydefault}{\sfdefault}",
    "charter": LM_ONE + r"\usepackage{charter}",
    "utopia": LM_ONE + r"\usepackage{utopia}",
}

_ESC = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def esc(s: str) -> str:
    return "".join(_ESC.get(c, c) for c in s)


def nb(s: str) -> str:
    """A number that must never be broken over two lines."""
    return r"\mbox{" + esc(s) + "}"


def preamble(doc: Doc, font: str, margin: str = "18mm", extra: str = "") -> str:
    return rf"""\documentclass[10pt,a4paper]{{article}}
\usepackage[T1]{{fontenc}}
\usepackage[utf8]{{inputenc}}
\usepackage[french]{{babel}}
{FONTS[font]}
\usepackage[margin={margin},headheight=28pt,includehead,includefoot]{{geometry}}
\usepackage{{array,tabularx,longtable,fancyhdr,lastpage,multirow}}
\usepackage[table]{{xcolor}}
\usepackage{{mdframed}}
\pdfcompresslevel=9 \pdfobjcompresslevel=2
\setlength{{\parindent}}{{0pt}}
\setlength{{\parskip}}{{3pt}}
\definecolor{{ink}}{{HTML}}{{1F3A5F}}
\definecolor{{pale}}{{HTML}}{{E8EEF5}}
\definecolor{{soft}}{{HTML}}{{F2F2F2}}
\frenchsetup{{StandardLists=true}}
{extra}
"""


def compile_tex(source: str, work: Path | None = None, runs: int = 2) -> bytes:
    tmp = Path(tempfile.mkdtemp(prefix="h4tex_"))
    try:
        (tmp / "doc.tex").write_text(source, encoding="utf-8")
        for _ in range(runs):
            res = subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                cwd=tmp,
                capture_output=True,
                text=True,
                errors="replace",
            )
            if res.returncode != 0:
                raise RuntimeError("pdflatex failed:\n" + res.stdout[-3000:])
        if work is not None:
            shutil.copy(tmp / "doc.tex", work)
        return (tmp / "doc.pdf").read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------- shared blocks


def own_block(doc: Doc, ids: bool = True) -> str:
    r = doc.rng
    lines = [r"\textbf{" + esc(OWN.name) + "}", esc(OWN.street), esc(f"{OWN.postcode} {OWN.city}")]
    lines.append(esc(f"Tél. {OWN.phone}"))
    if ids:
        lines.append(
            esc(r.choice([f"SIRET {fmt_siret(OWN.siret, r)}", f"TVA {fmt_vat(OWN.vat, r)}"]))
        )
    return r"\\ ".join(lines)


def cust_ids(doc: Doc, sep: str = r" \quad ") -> str:
    r = doc.rng
    parts = []
    if doc.siret_print:
        parts.append(r.choice(["SIRET : ", "N° SIRET ", "Siret : "]) + esc(doc.siret_print))
    if doc.vat_print:
        parts.append(
            r.choice(["N° TVA intracommunautaire : ", "TVA intracom. : ", "N° TVA : "])
            + esc(doc.vat_print)
        )
    if not doc.siret_print and r.random() < 0.6:
        parts.append(f"RCS {esc(doc.cust.rcs_city)} {fmt_siren(doc.cust.siren, r)}")
    return sep.join(parts)


def items_longtable(
    doc: Doc, header_color: str = "pale", lang: str = "fr", pos: bool = False
) -> str:
    heads = (
        ["Réf.", "Désignation", "Qté", "P.U. HT", "Montant HT"]
        if lang == "fr"
        else ["Item", "Description", "Qty", "Unit price", "Amount"]
    )
    if pos:
        heads = ["Poste", *heads]
    spec = (r"l" if pos else "") + r"l p{7.2cm} r r r"
    head = (
        r"\rowcolor{"
        + header_color
        + "} "
        + " & ".join(r"\textbf{" + h + "}" for h in heads)
        + r" \\ \hline"
    )
    rows = []
    for k, (ref, label, qty, price) in enumerate(doc.items):
        cells = [esc(ref), esc(label), str(qty), money(price), money(qty * price)]
        if pos:
            cells.insert(0, f"{(k + 1) * 10:05d}")
        rows.append(" & ".join(cells) + r" \\")
    ht, tva, ttc = doc.totals()
    ncols = len(heads)
    tot = (
        rf"\hline \multicolumn{{{ncols - 1}}}{{r}}{{Total HT}} & {money(ht)} \\"
        rf"\multicolumn{{{ncols - 1}}}{{r}}{{TVA 20 \%}} & {money(tva)} \\"
        rf"\multicolumn{{{ncols - 1}}}{{r}}{{\textbf{{Total TTC}}}} & \textbf{{{money(ttc)}}} \\"
    )
    if lang == "en":
        tot = (
            tot.replace("Total HT", "Total excl. VAT")
            .replace("TVA 20", "VAT 20")
            .replace("Total TTC", "Total incl. VAT")
        )
    return (
        rf"\begin{{longtable}}{{{spec}}}"
        + "\n"
        + head
        + r"\endhead"
        + "\n"
        + "\n".join(rows)
        + "\n"
        + tot
        + r"\end{longtable}"
    )


def cell(text: str) -> str:
    """Several lines inside one table cell."""
    return r"\begin{tabular}[t]{@{}l@{}}" + text + r"\end{tabular}"


def lines(*parts: str) -> str:
    return r"\\ ".join(esc(p) for p in parts)


def page_no(lang: str = "fr") -> str:
    return (
        r"Page \thepage/\pageref{LastPage}"
        if lang == "fr"
        else r"Page \thepage\ of \pageref{LastPage}"
    )


# --------------------------------------------------------------------------- tex_cnrs_labo


def tex_cnrs_labo(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    cnrs = doc.label.startswith("L ")
    unit = esc(doc.unit)
    org = esc(doc.org)
    lab_code = esc(doc.refs["unit_code"])
    label = r.choice(
        ["N° de commande :", "Bon de commande n° :", "Commande n° :"]
        if cnrs
        else ["Numéro de BC :", "N° de bon de commande :", "Commande SIFAC n° :"]
    )
    header_num = v % 2 == 0
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0.4pt}"
        + (
            rf"\fancyhead[L]{{\small {'CNRS' if cnrs else org} -- {lab_code}}}\fancyhead[R]{{\small Commande {nb(doc.printed)}}}"
            if header_num
            else rf"\fancyhead[L]{{\small {org}}}\fancyhead[R]{{\small {unit}}}"
        )
        + rf"\fancyfoot[L]{{\scriptsize {org} -- {esc(c.street)}, {esc(c.postcode)} {esc(c.city)}}}\fancyfoot[R]{{\scriptsize {page_no()}}}"
    )
    font = r.choice(["lmsans", "lmodern", "utopia"])
    logo = (
        r"\colorbox{ink}{\color{white}\Large\bfseries\,CNRS\,}"
        if cnrs
        else r"\colorbox{ink}{\color{white}\large\bfseries\," + org + r"\,}"
    )
    refs = [
        ("Date de commande", doc.day.fr()),
        ("Centre financier" if cnrs else "Centre de coûts", esc(doc.refs["cf"])),
        ("eOTP" if cnrs else "Élément d'OTP", esc(doc.refs["eotp"])),
        ("Demande d'achat", esc(doc.refs["da"])),
        ("Code fournisseur", esc(doc.refs["vendor"])),
        ("Marché", esc(doc.refs["contract"])),
        ("Votre devis", esc(doc.refs["quote"])),
    ]
    r.shuffle(refs)
    ref_rows = "\n".join(rf"{k} & {val} \\" for k, val in refs[:5])
    contact = esc(doc.contact_name)
    return (
        preamble(doc, font, extra=extra)
        + rf"""\begin{{document}}
\begin{{minipage}}[t]{{0.55\textwidth}}
{logo}\\[4pt]
{{\small {org if cnrs else ""}}}\\
\textbf{{{unit}}} -- {lab_code}\\
{esc(c.street)}\\ {esc(c.postcode)} {esc(c.city.upper())}\\
Tél. {esc(c.phone)}
\end{{minipage}}\hfill
\begin{{minipage}}[t]{{0.42\textwidth}}
{{\Large\bfseries BON DE COMMANDE}}\\[6pt]
\fbox{{\begin{{tabular}}{{@{{}}l@{{}}}}{label} \textbf{{{nb(doc.printed)}}}\end{{tabular}}}}\\[6pt]
\begin{{tabular}}{{@{{}}ll}}
{ref_rows}
\end{{tabular}}
\end{{minipage}}

\vspace{{10pt}}
\begin{{minipage}}[t]{{0.48\textwidth}}
\textbf{{Fournisseur}}\\ {own_block(doc)}
\end{{minipage}}\hfill
\begin{{minipage}}[t]{{0.48\textwidth}}
\textbf{{Adresse de livraison}}\\ {unit}\\ Bâtiment {r.choice(["B", "C", "D12", "Ampère"])}, pièce {r.randint(10, 320)}\\
{esc(c.street)}\\ {esc(c.postcode)} {esc(c.city)}\\ Contact : {contact} ({esc(c.phone)})
\end{{minipage}}

\vspace{{8pt}}
{items_longtable(doc)}

\begin{{mdframed}}[linewidth=0.6pt,backgroundcolor=soft]
\small\textbf{{Facturation}} -- Les factures sont à déposer sur Chorus Pro (SIRET {esc(doc.siret_print or fmt_siren(c.siren, r))}, code service {lab_code}) en rappelant obligatoirement le numéro de commande.
{cust_ids(doc)}\\
Délai de paiement : 30 jours à réception de facture. Livraison du lundi au vendredi, 9h--12h / 14h--16h30.
\end{{mdframed}}

\vspace{{6pt}}
\begin{{tabular}}{{@{{}}p{{0.45\textwidth}}p{{0.45\textwidth}}}}
Le demandeur : {contact} & Le directeur d'unité \\
\end{{tabular}}
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- tex_public_marche


def tex_public_marche(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    label = [
        "N° d'engagement",
        "N° d'engagement juridique",
        "Numéro de BC",
        "Bon de commande n°",
        "N° EJ",
        "Engagement n°",
    ][v % 6]
    org, service = esc(doc.org), esc(doc.unit)
    font = r.choice(["charter", "lmodern", "utopia", "lmsans"])
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        + rf"\fancyfoot[C]{{\scriptsize {org} -- {esc(c.street)} -- {esc(c.postcode)} {esc(c.city)} -- Tél. {esc(c.phone)} -- {page_no()}}}"
    )
    box = rf"""\begin{{mdframed}}[linewidth=1.2pt,backgroundcolor=pale,innertopmargin=6pt,innerbottommargin=6pt]
\centering {{\large\bfseries {label} : {nb(doc.printed)}}}\\[2pt]
\small À rappeler impérativement sur votre facture déposée sur Chorus Pro
\end{{mdframed}}"""
    return (
        preamble(doc, font, margin="16mm", extra=extra)
        + rf"""\begin{{document}}
\begin{{minipage}}[t]{{0.5\textwidth}}
{{\large\bfseries {org}}}\\ {service}\\ {esc(c.street)}\\ {esc(c.postcode)} {esc(c.city.upper())}\\
Affaire suivie par : {esc(doc.contact_name)}\\ Tél. {esc(c.phone)} -- Fax {esc(c.fax)}
\end{{minipage}}\hfill
\begin{{minipage}}[t]{{0.44\textwidth}}
\raggedleft
{{\Large\bfseries BON DE COMMANDE}}\\ {{\small valant ordre de service}}\\[6pt]
\raggedright
\fbox{{\parbox{{0.95\linewidth}}{{\textbf{{Titulaire}}\\ {own_block(doc)}}}}}
\end{{minipage}}

\vspace{{8pt}}
{box}

\vspace{{4pt}}
\renewcommand{{\arraystretch}}{{1.25}}
\begin{{tabularx}}{{\textwidth}}{{|l|X|l|X|}}
\hline
Date & {doc.day.fr()} & Exercice & 2026 \\ \hline
Marché n° & {esc(doc.refs["contract"])} (lot {r.randint(1, 6)}) & Imputation & {esc(doc.refs["imput"])} \\ \hline
Code service & {esc(doc.refs["unit_code"])} & Devis du titulaire & {esc(doc.refs["quote"])} \\ \hline
SIRET acheteur & {esc(doc.siret_print) or "--"} & N° tiers & {esc(doc.refs["vendor"])} \\ \hline
\end{{tabularx}}

\vspace{{8pt}}
{items_longtable(doc, header_color="soft")}

\small Livraison : {service}, {esc(c.street)}, {esc(c.postcode)} {esc(c.city)}, avant le {doc.day.plus(21).fr()}.\\
{cust_ids(doc)}\\
Paiement par mandat administratif à 30 jours. Comptable assignataire : {r.choice(["Trésorerie municipale", "Paierie départementale", "Agent comptable"])} de {esc(c.city)}.

\vspace{{14pt}}
\hfill\begin{{tabular}}{{c}}Pour l'ordonnateur,\\ {esc(doc.refs["signer"])}\\[20pt]\end{{tabular}}
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- tex_multipage_header


def tex_multipage_header(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    head_label = [
        "Commande n°",
        "BON DE COMMANDE",
        "Bon de cde",
        "Commande",
        "N° Cde",
        "Commande N°",
    ][v % 6]
    title_too = v % 3 != 2
    font = r.choice(["lmsans", "charter", "lmodern"])
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0.6pt}\renewcommand{\footrulewidth}{0.3pt}"
        + rf"\fancyhead[L]{{\textbf{{{esc(c.name)}}}\\ \small Bureau d'études -- Achats}}"
        + rf"\fancyhead[R]{{{head_label} {nb(doc.printed)}\\ \small {page_no()}}}"
        + rf"\fancyfoot[L]{{\scriptsize {esc(c.name)} {esc(c.form)} au capital de {esc(c.capital)} -- {esc(c.street)}, {esc(c.postcode)} {esc(c.city)}}}"
        + rf"\fancyfoot[R]{{\scriptsize {cust_ids(doc, sep=' -- ')}}}"
    )
    # a long list of items so that the order runs over two or three pages
    n = len(doc.items)
    rows = []
    for k in range(doc.refs["nrows"]):
        ref, label, qty, price = doc.items[k % n]
        rows.append((f"{ref}-{k:02d}", label, qty, price))
    doc_items = doc.items
    doc.items = rows
    table = items_longtable(doc, pos=True)
    doc.items = doc_items
    ours = cell(own_block(doc))
    ship = cell(
        lines(
            c.name,
            r.choice(["Magasin central", "Atelier prototypes", "Plateforme essais"]),
            c.street,
            f"{c.postcode} {c.city}",
        )
    )
    title = (
        rf"{{\LARGE\bfseries Commande fournisseur {nb(doc.printed)}}}"
        if title_too
        else r"{\LARGE\bfseries Commande fournisseur}"
    )
    return (
        preamble(doc, font, margin="17mm", extra=extra)
        + rf"""\begin{{document}}
{title}\\[4pt]
du {doc.day.long()} -- Affaire {esc(doc.refs["affaire"])} -- Chargé d'affaires : {esc(doc.contact_name)}

\vspace{{6pt}}
\begin{{tabularx}}{{\textwidth}}{{@{{}}X X@{{}}}}
\textbf{{Fournisseur}} & \textbf{{Livrer à}} \\
{ours} & {ship} \\
\end{{tabularx}}

\vspace{{6pt}}
\begin{{tabular}}{{@{{}}ll@{{\qquad}}ll}}
Votre offre : & {esc(doc.refs["quote"])} & Code fournisseur : & {esc(doc.refs["vendor"])} \\
Demande d'achat : & {esc(doc.refs["da"])} & Délai : & {doc.day.plus(28).fr()} \\
Conditions : & 45 jours fin de mois & Incoterm : & DAP {esc(c.city)} \\
\end{{tabular}}

\vspace{{6pt}}
{table}

\section*{{Conditions particulières d'achat}}
\small
1. Tout matériel livré doit être accompagné de son bon de livraison et, le cas échéant, de son certificat d'étalonnage raccordé COFRAC.
2. Les délais indiqués sont impératifs ; tout retard pourra donner lieu à des pénalités de 0,5 \% par jour calendaire, plafonnées à 10 \% du montant de la commande.
3. La facture, établie en un exemplaire, rappellera la référence de la commande, l'affaire et le numéro de poste de chaque ligne.
4. Le fournisseur reste responsable du conditionnement jusqu'à la réception sur site. Les emballages consignés sont repris gratuitement.
5. Réserve de propriété : sans objet. Tout litige relève du tribunal de commerce de {esc(c.rcs_city)}.
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- tex_lettre_phrase


def tex_lettre_phrase(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    n = nb(doc.printed)
    q = esc(doc.refs["quote"])
    sentences = [
        rf"Suite à votre offre {q}, nous vous passons commande n° {n} pour la fourniture du matériel détaillé ci-dessous.",
        rf"Nous vous prions de bien vouloir enregistrer notre commande {n}, établie sur la base de votre devis {q} du {doc.day.plus(-12).fr()}.",
        rf"Par la présente, nous vous confirmons notre commande référencée {n}, passée par téléphone le {doc.day.plus(-2).fr()} avec votre service commercial.",
        rf"Veuillez trouver ci-dessous le détail de notre commande numéro {n} ; merci de rappeler cette référence sur vos bons de livraison et factures.",
        rf"Conformément à votre proposition {q}, nous avons le plaisir de vous adresser notre bon de commande n\textsuperscript{{o}} {n}.",
        rf"Nous vous confirmons la commande {n} (votre offre {q}) et vous remercions de nous en accuser réception.",
    ]
    objet = [
        "Commande de matériel de mesure",
        f"Votre offre {doc.refs['quote']}",
        "Confirmation de commande",
        "Commande -- sondes et enregistreurs",
        "Bon de commande",
        "Commande",
    ][v % 6]
    font = r.choice(["charter", "lmodern", "utopia"])
    nref = rf"N/Réf. : {n}" if v % 2 else rf"V/Réf. : votre offre {q}"
    ht, _, ttc = doc.totals()
    lines = r"\\ ".join(
        rf"-- {qty} × {esc(label)} (réf. {esc(ref)}) : {money(qty * price)} € HT"
        for ref, label, qty, price in doc.items
    )
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        + rf"\fancyfoot[C]{{\scriptsize {esc(c.name)} -- {esc(c.form)} au capital de {esc(c.capital)} -- {cust_ids(doc, sep=' -- ')}}}"
    )
    return (
        preamble(doc, font, margin="22mm", extra=extra)
        + rf"""\begin{{document}}
{{\Large\textsc{{{esc(c.name)}}}}}\\
{esc(c.street)} -- {esc(c.postcode)} {esc(c.city)}\\
Tél. {esc(c.phone)} -- {esc(doc.email)}

\vspace{{16pt}}
\hfill\begin{{minipage}}{{0.45\textwidth}}
{own_block(doc, ids=False)}
\end{{minipage}}

\vspace{{12pt}}
\hfill {esc(c.city)}, le {doc.day.long()}

{nref}

\textbf{{Objet : {esc(objet)}}}

\vspace{{8pt}}
Madame, Monsieur,

{sentences[v % 6]}

{lines}

Soit un montant total de {money(ht)} € HT ({money(ttc)} € TTC), franco de port. Livraison souhaitée au plus tard le {doc.day.plus(20).long()}, à l'attention de {esc(doc.contact_name)}.

Nous vous remercions de votre diligence et vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.

\vspace{{10pt}}
\hfill\begin{{minipage}}{{0.4\textwidth}}\centering {esc(doc.contact_name)}\\ {esc(r.choice(["Responsable achats", "Gérant", "Directeur technique", "Acheteur"]))}\end{{minipage}}
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- tex_footer_ref


def tex_footer_ref(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    foot_label = [
        "Réf. commande :",
        "Bon n°",
        "Cde n°",
        "N° de commande :",
        "Commande N°",
        "Bon de cde n°",
    ][v % 6]
    font = r.choice(["lmsans", "lmodern", "charter"])
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}\renewcommand{\footrulewidth}{0.4pt}"
        + rf"\fancyfoot[L]{{\small {foot_label} {nb(doc.printed)} -- du {doc.day.fr()}}}"
        + rf"\fancyfoot[R]{{\small {page_no()}}}"
        + r"\fancyfoot[C]{\scriptsize à rappeler sur BL et facture}"
    )
    ours = cell(own_block(doc))
    ship = cell(
        lines(
            c.name,
            r.choice(["Quai 3", "Réception marchandises", "Magasin"]),
            c.street,
            f"{c.postcode} {c.city}",
        )
    )
    return (
        preamble(doc, font, margin="15mm", extra=extra)
        + rf"""\begin{{document}}
\begin{{tabularx}}{{\textwidth}}{{@{{}}X r@{{}}}}
{{\Large\bfseries {esc(c.name)}}} & {{\huge\bfseries BON DE COMMANDE}} \\
{esc(c.street)}, {esc(c.postcode)} {esc(c.city)} & Date : {doc.day.fr()} \\
Tél. {esc(c.phone)} -- Fax {esc(c.fax)} & Code client chez vous : {esc(doc.refs["custcode"])} \\
{cust_ids(doc)} & \\
\end{{tabularx}}

\vspace{{10pt}}
\begin{{tabularx}}{{\textwidth}}{{|X|X|}}
\hline
\cellcolor{{soft}}\textbf{{Fournisseur}} & \cellcolor{{soft}}\textbf{{Adresse de livraison}} \\
{ours} & {ship} \\
\hline
\end{{tabularx}}

\vspace{{8pt}}
Demandeur : {esc(doc.contact_name)} \qquad Votre devis : {esc(doc.refs["quote"])} \qquad Mode d'envoi : {r.choice(["Transporteur", "Colissimo", "Enlèvement"])}

\vspace{{6pt}}
{items_longtable(doc, header_color="soft")}

\vspace{{6pt}}
\begin{{tabular}}{{|p{{5.5cm}}|p{{5.5cm}}|}}
\hline
Visa demandeur & Visa direction \\[22pt]
\hline
\end{{tabular}}

\vspace{{6pt}}
{{\footnotesize Règlement : virement à 45 jours fin de mois. Nos conditions générales d'achat s'appliquent. IBAN {spaced_iban(c.iban)} -- BIC {c.bic}.}}
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- tex_english_po


def tex_english_po(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    label = ["Purchase Order No.", "PO#", "Order ID", "P.O. Number", "PO No.", "Purchase Order #"][
        v % 6
    ]
    font = r.choice(["lmsans", "utopia", "lmodern"])
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        + rf"\fancyfoot[C]{{\scriptsize {esc(c.name)} -- {esc(c.street)}, {esc(c.postcode)} {esc(c.city)}, France -- {cust_ids(doc, sep=' -- ').replace('N° TVA intracommunautaire', 'VAT').replace('TVA intracom.', 'VAT No.').replace('N° TVA', 'VAT')}}}"
        + rf"\fancyfoot[R]{{\scriptsize {page_no('en')}}}"
    )
    grid = rf"""\renewcommand{{\arraystretch}}{{1.3}}
\begin{{tabular}}{{|l|l|}}
\hline
\rowcolor{{ink}}\multicolumn{{2}}{{|c|}}{{\color{{white}}\bfseries PURCHASE ORDER}} \\ \hline
{esc(label)} & \textbf{{{nb(doc.printed)}}} \\ \hline
Date & {doc.day.en()} \\ \hline
Buyer & {esc(doc.contact_name)} \\ \hline
Vendor ID & {esc(doc.refs["vendor"])} \\ \hline
Requisition & {esc(doc.refs["da"])} \\ \hline
\end{{tabular}}"""
    ours = cell(own_block(doc))
    ship = cell(
        lines(c.name, f"Attn: {doc.contact_name}", c.street, f"{c.postcode} {c.city}, France")
    )
    return (
        preamble(doc, font, margin="16mm", extra=extra)
        + rf"""\begin{{document}}
\begin{{minipage}}[t]{{0.52\textwidth}}
{{\LARGE\bfseries {esc(c.name)}}}\\[2pt]
{esc(c.street)}\\ {esc(c.postcode)} {esc(c.city)}, France\\ Phone {esc(c.phone)}\\ {esc(doc.email)}
\end{{minipage}}\hfill
\begin{{minipage}}[t]{{0.44\textwidth}}\raggedleft
{grid}
\end{{minipage}}

\vspace{{12pt}}
\begin{{tabularx}}{{\textwidth}}{{|X|X|}}
\hline
\cellcolor{{pale}}\textbf{{Vendor}} & \cellcolor{{pale}}\textbf{{Ship to}} \\
{ours} & {ship} \\
\hline
\end{{tabularx}}

\vspace{{6pt}}
\begin{{tabularx}}{{\textwidth}}{{|X|X|X|X|}}
\hline
\textbf{{Your quote}} & \textbf{{Payment terms}} & \textbf{{Incoterms}} & \textbf{{Required date}} \\ \hline
{esc(doc.refs["quote"])} & Net 60 days & DAP {esc(c.city)} & {doc.day.plus(30).en()} \\ \hline
\end{{tabularx}}

\vspace{{8pt}}
{items_longtable(doc, lang="en")}

\small Please quote our order number on all delivery notes and invoices. Invoices to be sent to \texttt{{ap@{esc(c.email_domain)}}}. Blanket agreement {esc(doc.refs["contract"])} applies.

\vspace{{10pt}}
Authorized signature: \rule{{5cm}}{{0.4pt}}
\end{{document}}
"""
    )


# --------------------------------------------------------------------------- negatives


def tex_neg_devis(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    quote = esc(doc.refs["quote"])
    title = ["DEVIS", "PROPOSITION COMMERCIALE", "OFFRE DE PRIX", "DEVIS"][v % 4]
    font = r.choice(["lmsans", "charter"])
    extra = (
        r"\pagestyle{fancy}\fancyhf{}\renewcommand{\headrulewidth}{0pt}"
        + rf"\fancyfoot[C]{{\scriptsize {esc(OWN.name)} au capital de {esc(OWN.capital)} -- RCS {esc(OWN.rcs_city)} {fmt_siren(OWN.siren, r)} -- SIRET {fmt_siret(OWN.siret, r)} -- TVA {fmt_vat(OWN.vat, r)} -- IBAN {spaced_iban(OWN.iban)}}}"
        + rf"\fancyfoot[R]{{\scriptsize {page_no()}}}"
    )
    return (
        preamble(doc, font, extra=extra)
        + rf"""\begin{{document}}
\begin{{minipage}}[t]{{0.5\textwidth}}
{{\color{{ink}}\LARGE\bfseries SOLVIANE}}\\ {{\small INSTRUMENTS -- mesure \& contrôle}}\\[4pt]
{own_block(doc, ids=False)}
\end{{minipage}}\hfill
\begin{{minipage}}[t]{{0.42\textwidth}}
{{\Large\bfseries {title} N° {quote}}}\\[4pt]
Date : {doc.day.fr()} \\ Validité : 60 jours\\ Votre code client : {esc(doc.refs["custcode"])}\\[6pt]
\fbox{{\parbox{{0.95\linewidth}}{{{esc(c.name)}\\ À l'att. de {esc(doc.contact_name)}\\ {esc(c.street)}\\ {esc(c.postcode)} {esc(c.city)}}}}}
\end{{minipage}}

\vspace{{8pt}}
Votre demande : {esc(doc.refs["rfq"])} du {doc.day.plus(-6).fr()} \qquad {cust_ids(doc)}

\vspace{{6pt}}
{items_longtable(doc)}

Délai de livraison : 3 à 4 semaines après réception de commande. Port : franco à partir de 500 € HT.

\vspace{{8pt}}
\begin{{mdframed}}[linewidth=0.8pt]
\textbf{{Bon pour accord}} -- Date, cachet et signature du client :\\[26pt]
N° de commande client : \dotfill \qquad
\end{{mdframed}}
\end{{document}}
"""
    )


def tex_neg_relance(doc: Doc) -> str:
    r, c, v = doc.rng, doc.cust, doc.variant
    n = nb(doc.printed)
    body = [
        rf"Sauf erreur de notre part, notre commande n° {n} du {doc.day.plus(-40).fr()}, passée suite à votre offre {esc(doc.refs['quote'])}, ne nous est toujours pas parvenue. La date de livraison confirmée était le {doc.day.plus(-10).fr()}.",
        rf"Nous souhaiterions savoir où en est notre commande {n} : le chantier démarre le {doc.day.plus(9).fr()} et nous n'avons reçu ni le matériel ni d'accusé de réception.",
        rf"Malgré notre relance téléphonique du {doc.day.plus(-5).fr()}, la commande référencée {n} reste en attente. Merci de nous indiquer sans délai une date de livraison ferme.",
    ][v % 3]
    font = r.choice(["charter", "lmodern", "utopia"])
    return (
        preamble(doc, font, margin="22mm")
        + rf"""\begin{{document}}
{{\Large\bfseries {esc(c.name)}}}\\ {esc(c.street)}, {esc(c.postcode)} {esc(c.city)}\\ Tél. {esc(c.phone)}\\ {cust_ids(doc)}

\vspace{{14pt}}
\hfill\begin{{minipage}}{{0.45\textwidth}}{own_block(doc, ids=False)}\end{{minipage}}

\vspace{{10pt}}
\hfill {esc(c.city)}, le {doc.day.long()}

\textbf{{Objet : {r.choice(["Relance", "2e relance", "Retard de livraison", "Où en est notre commande ?"])}}}

Madame, Monsieur,

{body}

Les articles concernés sont : {", ".join(esc(ref) for ref, _, _, _ in doc.items)}. Notre magasin est ouvert de 8h à 16h (quai {r.randint(1, 6)}).

Ce courrier ne constitue pas une nouvelle commande. Dans l'attente de votre retour, nous vous prions d'agréer nos salutations distinguées.

\vspace{{12pt}}
\hfill {esc(doc.contact_name)}, service achats
\end{{document}}
"""
    )


BUILDERS = {
    "tex_cnrs_labo": tex_cnrs_labo,
    "tex_public_marche": tex_public_marche,
    "tex_multipage_header": tex_multipage_header,
    "tex_lettre_phrase": tex_lettre_phrase,
    "tex_footer_ref": tex_footer_ref,
    "tex_english_po": tex_english_po,
    "neg_devis": tex_neg_devis,
    "neg_relance": tex_neg_relance,
}
