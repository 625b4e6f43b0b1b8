# ruff: noqa: UP031  (TeX and PostScript sources read best with %-formatting)
"""Holdout7 XeLaTeX documents (fontspec, OpenType fonts), compiled with xelatex.

Positions of the printed order number and of the identifiers are recorded while TeX ships the
page out (``\\pdfsavepos``), so the scan pipeline knows where the generator put them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from h7_data import OWN, euro

FONTS = {
    "Carlito": ("Carlito", "Carlito"),
    "Caladea": ("Caladea", "Caladea"),
    "Gentium": ("Gentium", "Gentium"),
    "RobotoSlab": ("Roboto Slab", "Roboto Slab"),
    "Cabin": ("Cabin", "League Spartan"),
}

_ESC = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
        "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}


def esc(s: str) -> str:
    return "".join(_ESC.get(ch, ch) for ch in str(s))


def mk(name: str, text: str) -> str:
    """Unbreakable, position-recorded text."""
    return r"\MK{%s}{%s}" % (name, esc(text))


PREAMBLE = r"""\documentclass[%(size)s]{article}
\usepackage[a4paper,top=%(top)s,bottom=%(bottom)s,left=%(lr)s,right=%(lr)s,headheight=24pt,headsep=10pt,footskip=22pt]{geometry}
\usepackage{fontspec}
\setmainfont{%(main)s}
\newfontfamily\titlefont{%(title)s}
\usepackage[table]{xcolor}
\usepackage{array,multicol,fancyhdr,longtable,eso-pic}
\definecolor{ink}{HTML}{%(ink)s}
\definecolor{pale}{HTML}{%(pale)s}
\setlength{\parindent}{0pt}
\setlength{\parskip}{3pt}
\newwrite\hsmarks
\immediate\openout\hsmarks=\jobname.marks
\newcommand\MKw[2]{\edef\mkx{\noexpand\write\noexpand\hsmarks{#1 \noexpand\thepage\space #2 \noexpand\the\noexpand\pdflastxpos\space \noexpand\the\noexpand\pdflastypos\space \the\fontdimen6\font}}\pdfsavepos\mkx}
\newcommand\MK[2]{\mbox{\MKw{#1}{s}#2\MKw{#1}{e}}}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
"""


def compile_tex(src: str, out_pdf: Path) -> dict:
    """Compile with xelatex (twice when there are page references); return the marks."""
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "doc.tex").write_text(src, encoding="utf-8")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1796601600", FORCE_SOURCE_DATE="1")
        for _ in range(2 if "\\pageref" in src else 1):
            p = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
                               cwd=t, env=env, capture_output=True, text=True)
            if p.returncode != 0:
                (Path("/tmp") / "h7_failed.tex").write_text(src, encoding="utf-8")
                raise RuntimeError("xelatex failed: " + p.stdout[-2500:])
        shutil.copy(t / "doc.pdf", out_pdf)
        return parse_marks((t / "doc.marks").read_text())


def parse_marks(text: str) -> dict:
    """name → list of (page, x0, y_top, x1, size) in PDF points from the top-left of an A4 page."""
    starts, out = {}, {}
    sp2bp = 72 / 72.27 / 65536
    for line in text.splitlines():
        m = re.fullmatch(r"(\S+) (\d+) ([se]) (-?\d+) (-?\d+) ([\d.]+)pt", line.strip())
        if not m:
            continue
        name, page, kind, x, y = m.group(1), int(m.group(2)), m.group(3), int(m.group(4)), int(m.group(5))
        em = float(m.group(6))
        if kind == "s":
            starts[name] = (page, x * sp2bp, 841.89 - y * sp2bp - 0.75 * em)
        else:
            pg, x0, yt = starts.pop(name)
            out.setdefault(name, []).append((pg, x0, yt, x * sp2bp, em))
    return out


# --------------------------------------------------------------------------- building blocks


def letterhead(d: dict, st: dict) -> str:
    p = d["party"]
    ids = d["ids"]
    lines = [r"{\titlefont\fontsize{%s}{%s}\selectfont\color{ink}\bfseries %s}\\" % (st["lh"], st["lh"] + 3, esc(p.name))]
    if d.get("subname"):
        lines.append(r"{\small %s}\\" % esc(d["subname"]))
    lines.append(r"{\small %s -- %s}\\" % (esc(p.street), esc(p.city)))
    lines.append(r"{\small Tél. %s -- Fax %s -- %s}\\" % (esc(p.tel), esc(p.fax), esc(p.mail)))
    if d["ids_pos"] == "header":
        bits = []
        if ids["siret_print"]:
            bits.append(r"SIRET %s" % mk("siret", ids["siret_print"]))
        if ids["vat_print"]:
            bits.append(r"N° TVA intracom. %s" % mk("vat", ids["vat_print"]))
        if bits:
            lines.append(r"{\small %s}\\" % " -- ".join(bits))
    return r"\begin{minipage}[t]{0.58\textwidth}" + "\n".join(lines) + r"\end{minipage}"


def footer_ids(d: dict) -> str:
    p = d["party"]
    ids = d["ids"]
    bits = [esc(p.name)]
    if p.capital:
        bits.append(esc(p.capital))
    bits.append(esc(f"RCS {p.city.split(' ', 1)[1].title()} {ids['siren_print']}") if not p.public
                else esc(f"SIREN {ids['siren_print']}"))
    if d["ids_pos"] == "footer":
        if ids["siret_print"]:
            bits.append("SIRET " + mk("siret", ids["siret_print"]))
        if ids["vat_print"]:
            bits.append("TVA " + mk("vat", ids["vat_print"]))
    bits.append(esc(d.get("ape", "APE 2014Z")))
    return r"\vfill{\color{ink}\rule{\textwidth}{0.4pt}}\\{\scriptsize\centering " + " -- ".join(bits) + r"\par}"


def supplier_block(d: dict, label: str = "Fournisseur") -> str:
    rows = [r"\textbf{%s}\\" % esc(label), r"\textbf{%s}\\" % esc(OWN["name"]),
            esc(OWN["street"]) + r"\\", esc(OWN["city"]) + r"\\",
            r"Tél. %s -- Fax %s\\" % (esc(OWN["tel"]), esc(OWN["fax"])),
            r"SIRET %s -- TVA %s\\" % (esc(OWN["siret"]), esc(OWN["vat"]))]
    if d.get("supplier_code"):
        rows.append(r"Code fournisseur : %s\\" % esc(d["supplier_code"]))
    return r"\fbox{\begin{minipage}[t]{0.44\textwidth}\small " + "\n".join(rows) + r"\end{minipage}}"


def delivery_block(d: dict, label: str = "Adresse de livraison") -> str:
    dl = d["delivery"]
    rows = [r"\textbf{%s}\\" % esc(label)] + [esc(x) + r"\\" for x in dl]
    return r"\fbox{\begin{minipage}[t]{0.44\textwidth}\small " + "\n".join(rows) + r"\end{minipage}}"


def items_table(d: dict, st: dict, en: bool = False) -> str:
    head = (["Pos.", "Article", "Description", "Qty", "Unit price", "Amount"] if en else
            ["Poste", "Référence", "Désignation", "Qté", "P.U. HT", "Montant HT"])
    pos_fmt = d.get("pos_fmt", "{:d}")
    out = [r"{\small\renewcommand{\arraystretch}{1.25}",
           r"\begin{longtable}{|>{\raggedright}p{1.1cm}|p{2.4cm}|p{7.1cm}|r|r|r|}\hline",
           r"\rowcolor{pale}" + " & ".join(r"\textbf{%s}" % h for h in head) + r"\\\hline\endhead"]
    for i, ref, lib, q, pu, amt in d["items"]:
        out.append(" & ".join([esc(pos_fmt.format(i)), esc(ref), esc(lib), str(q), esc(euro(pu)),
                               esc(euro(amt))]) + r"\\\hline")
    out.append(r"\end{longtable}}")
    return "\n".join(out)


def totals(d: dict, en: bool = False) -> str:
    ht, tva = d["total"], round(d["total"] * 0.2, 2)
    lab = (["Total excl. VAT", "VAT 20 %", "Total incl. VAT"] if en else
           ["Total HT", "TVA 20 %", "Total TTC"])
    lab = [esc(x) for x in lab]
    rows = [f"{lab[0]} & {esc(euro(ht))} €", f"{lab[1]} & {esc(euro(tva))} €",
            r"\textbf{%s} & \textbf{%s €}" % (lab[2], esc(euro(ht + tva)))]
    return (r"\hfill\begin{tabular}{|l|r|}\hline " + r"\\\hline ".join(rows) + r"\\\hline\end{tabular}\par")


def refs_right(pairs: list[tuple[str, str]]) -> str:
    return (r"\begin{tabular}{@{}l@{\ :\ }l@{}}" + "\n".join(f"{a} & {b}\\\\" for a, b in pairs)
            + r"\end{tabular}")


def refs_under(pairs: list[tuple[str, str]]) -> str:
    cols = "|" + "|".join("c" for _ in pairs) + "|"
    return (r"{\small\begin{tabular}{%s}\hline\rowcolor{pale}" % cols
            + " & ".join(r"\textbf{%s}" % a for a, _ in pairs) + r"\\\hline "
            + " & ".join(b for _, b in pairs) + r"\\\hline\end{tabular}}")


def refs_cells(pairs: list[tuple[str, str]]) -> str:
    return (r"{\small\begin{tabular}{|>{\columncolor{pale}}p{4.2cm}|p{5.2cm}|}\hline "
            + "\n".join(f"{a} & {b}\\\\\\hline" for a, b in pairs) + r"\end{tabular}}")


def numbox(label: str, value: str, width: str = "6.2cm") -> str:
    return (r"\fcolorbox{ink}{white}{\begin{minipage}{%s}\centering\small %s\\[2pt]{\large\bfseries %s}\end{minipage}}"
            % (width, label, value))


# --------------------------------------------------------------------------- order documents


def order_tex(d: dict) -> str:
    fam = d["family"]
    st = d["style"]
    en = d.get("lang") == "en"
    num = mk("num", d["printed"])
    pl = d["placement"]
    lab = d["num_label"]
    pre = PREAMBLE % {"size": st.get("size", "10pt"), "top": st.get("top", "14mm"),
                      "bottom": st.get("bottom", "14mm"), "lr": st.get("lr", "15mm"),
                      "main": FONTS[st["font"]][0], "title": FONTS[st["font"]][1],
                      "ink": st["ink"], "pale": st["pale"]}
    body = []
    if pl == "header":
        pre += (r"\fancyhead[L]{\small\bfseries %s}\fancyhead[R]{\small %s %s \quad Page \thepage\ / \pageref{LastPage}}"
                % (esc(d["party"].name), esc(lab), num))
        pre += r"\fancyfoot[C]{\scriptsize %s}" % esc(d.get("foot_note", "Document émis électroniquement"))
    body.append(r"\pagestyle{fancy}" if pl == "header" else r"\pagestyle{empty}")

    # letterhead + right block
    right = []
    if d.get("logo_text"):
        right.append(r"{\titlefont\Huge\color{ink} %s}\\" % esc(d["logo_text"]))
    right.append(r"{\small %s, le %s}\\" % (esc(d["party"].city.split(" ", 1)[1].title()), esc(d["date"])))
    body.append(letterhead(d, st) + r"\hfill\begin{minipage}[t]{0.38\textwidth}\raggedleft "
                + "\n".join(right) + r"\end{minipage}\par\vspace{6mm}")

    title = d["title"]
    if pl == "title":
        body.append(r"{\titlefont\LARGE\bfseries\color{ink} %s %s}\par\vspace{3mm}" % (esc(title), num))
    else:
        body.append(r"{\titlefont\LARGE\bfseries\color{ink} %s}\par\vspace{3mm}" % esc(title))

    refs = [(esc(a), esc(b)) for a, b in d["refs"]]
    mainpair = (esc(lab), num)
    if pl == "right":
        refs.insert(d.get("num_row", 0), mainpair)
        body.append(refs_right(refs) + r"\par\vspace{3mm}")
    elif pl == "under":
        refs.insert(d.get("num_row", 1), mainpair)
        body.append(refs_under(refs[:5]) + r"\par\vspace{3mm}")
    elif pl == "cells":
        refs.insert(d.get("num_row", 0), mainpair)
        body.append(refs_cells(refs) + r"\par\vspace{3mm}")
    elif pl == "box":
        body.append(r"\begin{minipage}[c]{0.55\textwidth}" + refs_right(refs) + r"\end{minipage}\hfill"
                    + numbox(esc(lab), num) + r"\par\vspace{3mm}")
    else:  # title, sentence, header: plain refs
        body.append(refs_right(refs) + r"\par\vspace{3mm}")

    if fam == "xe_multicol_distrib":
        body.append(r"\begin{multicols}{2}" + supplier_block(d).replace("0.44", "0.9")
                    + r"\columnbreak " + delivery_block(d).replace("0.44", "0.9") + r"\end{multicols}")
    else:
        body.append(supplier_block(d, "Supplier" if en else "Fournisseur") + r"\hfill"
                    + delivery_block(d, "Ship to" if en else "Adresse de livraison") + r"\par\vspace{3mm}")

    if d.get("chorus"):
        c = d["chorus"]
        rows = [(esc(a), esc(b) if not isinstance(b, tuple) else b[0]) for a, b in c]
        body.append(r"{\small\fcolorbox{ink}{pale}{\begin{minipage}{0.95\textwidth}\textbf{Facturation via Chorus Pro}\\"
                    + refs_right(rows) + r"\end{minipage}}}\par\vspace{2mm}")

    if pl == "sentence":
        body.append(esc(d["sentence"][0]) + " " + num + esc(d["sentence"][1]) + r"\par\vspace{2mm}")
    elif d.get("intro"):
        body.append(esc(d["intro"]) + r"\par")

    body.append(items_table(d, st, en))
    body.append(totals(d, en))
    if d.get("conditions"):
        if fam == "xe_multicol_distrib":
            body.append(r"\vspace{2mm}{\scriptsize\begin{multicols}{3}\textbf{Conditions générales d'achat.} "
                        + esc(d["conditions"]) + r"\end{multicols}}")
        else:
            body.append(r"\vspace{2mm}{\footnotesize " + esc(d["conditions"]) + r"}\par")
    if d.get("signature"):
        body.append(r"\vspace{3mm}\hfill\begin{minipage}{6cm}\small %s\end{minipage}\par" % esc(d["signature"]))
    body.append(footer_ids(d) if pl != "header" else footer_ids(d).replace(r"\vfill", r"\vspace{4mm}"))
    if pl == "header":
        body.append(r"\label{LastPage}")
    return pre + r"\begin{document}" + "\n".join(body) + r"\end{document}"


# --------------------------------------------------------------------------- negatives (ours)


def own_letterhead(st: dict) -> str:
    return (r"\begin{minipage}[t]{0.55\textwidth}{\titlefont\fontsize{20}{22}\selectfont\color{ink}\bfseries CORVALIS}\\"
            r"{\titlefont\color{ink} F L U I D E S}\\[2pt]{\small %s\\%s\\Tél. %s -- %s}\end{minipage}"
            % (esc(OWN["street"]), esc(OWN["city"]), esc(OWN["tel"]), esc(OWN["mail"])))


def own_footer() -> str:
    return (r"\vfill{\color{ink}\rule{\textwidth}{0.4pt}}\\{\scriptsize\centering %s -- SAS %s -- %s -- SIRET %s -- TVA %s -- %s\par}"
            % (esc(OWN["name"]), esc(OWN["capital"]), esc(OWN["rcs"]), esc(OWN["siret"]),
               esc(OWN["vat"]), esc(OWN["ape"])))


def addressee(d: dict) -> str:
    p, ids = d["party"], d["ids"]
    rows = [r"\textbf{%s}" % esc(p.name), esc(f"À l'attention de {p.contact}"), esc(p.street), esc(p.city)]
    if ids["vat_print"]:
        rows.append("N° TVA client : " + mk("vat", ids["vat_print"]))
    if ids["siret_print"]:
        rows.append("SIRET client : " + mk("siret", ids["siret_print"]))
    return r"\fbox{\begin{minipage}[t]{0.42\textwidth}\small " + r"\\".join(rows) + r"\end{minipage}}"


def negative_tex(d: dict) -> str:
    st = d["style"]
    pre = PREAMBLE % {"size": "10pt", "top": "14mm", "bottom": "14mm", "lr": "16mm",
                      "main": FONTS[st["font"]][0], "title": FONTS[st["font"]][1],
                      "ink": st["ink"], "pale": st["pale"]}
    body = [r"\pagestyle{empty}", own_letterhead(st) + r"\hfill" + addressee(d) + r"\par\vspace{8mm}"]
    body.append(r"{\titlefont\LARGE\bfseries\color{ink} %s}\par\vspace{2mm}" % esc(d["title"]))
    body.append(refs_right([(esc(a), esc(b)) for a, b in d["refs"]]) + r"\par\vspace{3mm}")
    if d.get("intro"):
        body.append(esc(d["intro"]) + r"\par\vspace{2mm}")
    body.append(items_table(d, st))
    body.append(totals(d))
    if d["kind"] == "devis":
        body.append(r"\vspace{4mm}" + esc(d["conditions"]) + r"\par\vspace{4mm}")
        body.append(r"\fcolorbox{ink}{white}{\begin{minipage}[t][3.6cm]{0.9\textwidth}\textbf{BON POUR ACCORD} "
                    r"{\small (date, cachet et signature du client, précédés de la mention « bon pour accord »)}\\[4mm]"
                    r"N° de commande client : \rule{5cm}{0.3pt}\\[6mm]Date : \rule{3cm}{0.3pt}\hspace{1cm}Signature :"
                    r"\MK{signbox}{\strut}\end{minipage}}\par")
    else:
        body.append(r"\vspace{4mm}{\small " + esc(d["conditions"]) + r"}\par")
        if d.get("bank"):
            body.append(r"\vspace{2mm}{\small\fbox{\begin{minipage}{0.9\textwidth}%s\end{minipage}}}\par" % esc(d["bank"]))
    body.append(own_footer())
    return pre + r"\begin{document}" + "\n".join(body) + r"\end{document}"
