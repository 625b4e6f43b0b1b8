"""Holdout8 layouts drawn on h8_canvas.Canvas. Imports nothing from the repository.

`d` (one document's content, made by generate_holdout8.py) holds: family, style, fonts,
customer party, printed ids (vat_txt / siret_txt or None), ids_pos, number (printed, with
suffix), label, placement, refs (distractor label/value pairs), items, dates, sentences…
"""

from __future__ import annotations

from h8_canvas import Canvas, text_width
from h8_data import OWN

BLACK = (0, 0, 0)
GREY = (0.35, 0.35, 0.35)
LIGHT = (0.88, 0.88, 0.88)


def money(v: float) -> str:
    s = f"{v:,.2f}".replace(",", " ").replace(".", ",")
    return s + " €"


def ids_line(d) -> str:
    p = d["cust"]
    parts = [f"{p['legal']} {p['name']}" if p["legal"] else p["name"]]
    if d.get("capital"):
        parts.append(d["capital"])
    parts.append(f"RCS {p['city']} {p['siren'][:3]} {p['siren'][3:6]} {p['siren'][6:]}" if d.get("rcs") else "")
    if d["siret_txt"]:
        parts.append(f"SIRET {d['siret_txt']}")
    if d["vat_txt"]:
        parts.append(f"{d.get('vat_word', 'N° TVA intracom.')} {d['vat_txt']}")
    return " – ".join(x for x in parts if x)


def own_block(c, x, y, f, fb, size, d, title="Fournisseur"):
    c.text(x, y, title, fb, size, GREY)
    y += size * 1.35
    lines = [OWN["name"], OWN["street"], f"{OWN['zip']} {OWN['city']}", f"Tél. {OWN['phone']}"]
    if d.get("own_ids"):
        lines.append(f"SIRET {OWN['siret']}  TVA {OWN['vat']}")
    for s in lines:
        c.text(x, y, s, f, size)
        y += size * 1.3
    return y


def items_table(c, x, y, w, d, f, fb, size, head_fill, rows=None, cols=None):
    rows = d["items"] if rows is None else rows
    cols = cols or [("Réf.", 0.0), ("Désignation", 0.16), ("Qté", 0.66), ("P.U. HT", 0.76), ("Montant HT", 0.88)]
    rh = size * 1.7
    c.rect(x, y, w, rh, stroke=BLACK, fill=head_fill, width=0.5)
    for name, fx in cols:
        c.text(x + fx * w + 3, y + rh * 0.68, name, fb, size)
    y += rh
    for ref, lib, qty, pu in rows:
        c.text(x + 3, y + rh * 0.68, ref, f, size * 0.92)
        c.text(x + 0.16 * w + 3, y + rh * 0.68, lib[:52], f, size * 0.92)
        c.text(x + 0.74 * w, y + rh * 0.68, str(qty), f, size * 0.92, align="r")
        c.text(x + 0.86 * w, y + rh * 0.68, money(pu), f, size * 0.92, align="r")
        c.text(x + w - 3, y + rh * 0.68, money(pu * qty), f, size * 0.92, align="r")
        c.line(x, y + rh, x + w, y + rh, 0.3, LIGHT if head_fill else GREY)
        y += rh
    c.rect(x, y - rh * (len(rows) + 1), w, rh * (len(rows) + 1), stroke=BLACK, width=0.5)
    return y


def totals(c, x, y, d, f, fb, size, labels=None):
    ht = sum(q * p for _, _, q, p in d["items"])
    labels = labels or ("Total HT", "TVA 20 %", "Total TTC")
    for lab, v, ff in zip(labels, (ht, ht * 0.2, ht * 1.2), (f, f, fb)):
        c.text(x, y, lab, ff, size)
        c.text(x + 150, y, money(v), ff, size, align="r")
        y += size * 1.45
    return y


def place_number(c, d, x, y, f, fb, size, w=250):
    """Draws the label and the number as the placement asks; returns y below."""
    lab, num, pl = d["label"], d["number"], d["placement"]
    if pl == "right":
        end = c.text(x, y, f"{lab} :", fb, size)
        c.text(end + 6, y, num, fb, size * 1.05, tag="number")
        return y + size * 1.6
    if pl == "cells":
        lw = max(text_width(lab, fb, size) + 12, 110)
        vw = text_width(num, fb, size) + 24
        h = size * 1.9
        c.rect(x, y, lw, h, stroke=BLACK, fill=LIGHT, width=0.6)
        c.rect(x + lw, y, vw, h, stroke=BLACK, width=0.6)
        c.text(x + 6, y + h * 0.66, lab, fb, size)
        c.text(x + lw + 12, y + h * 0.66, num, fb, size, tag="number")
        return y + h + size
    if pl == "under":
        cols = [(lab, num)] + d["refs"][:3]
        cw = w * 2 / len(cols) if w < 300 else w / len(cols)
        cw = max(cw, 120)
        h = size * 1.8
        for i, (a, b) in enumerate(cols):
            c.rect(x + i * cw, y, cw, h, stroke=BLACK, fill=LIGHT, width=0.5)
            c.rect(x + i * cw, y + h, cw, h, stroke=BLACK, width=0.5)
            c.text(x + i * cw + 4, y + h * 0.65, a, fb, size * 0.85)
            c.text(x + i * cw + 4, y + h * 1.65, b, f, size, tag="number" if i == 0 else None)
        return y + 2 * h + size
    if pl == "box":
        bw = max(text_width(num, fb, size * 1.4), text_width(lab, f, size)) + 30
        c.rect(x, y, bw, size * 4, stroke=BLACK, width=1.4)
        c.text(x + bw / 2, y + size * 1.5, lab, f, size, align="c")
        c.text(x + bw / 2, y + size * 3.2, num, fb, size * 1.4, align="c", tag="number")
        return y + size * 5
    raise ValueError(pl)


# ------------------------------------------------------------------------------------------
def generic(d) -> Canvas:
    """Letterhead + title + parties + references + table + totals + conditions + footer."""
    st = d["style"]
    f, fb = d["fonts"]
    acc = st.get("accent", (0.1, 0.2, 0.45))
    letter = st.get("letter", False)
    c = Canvas(612, 792) if letter else Canvas()
    W = c.w
    p = d["cust"]
    M = 42
    y = 48
    head = st.get("head", "left")
    if head == "band":
        c.rect(0, 0, W, 70, stroke=None, fill=acc)
        c.text(M, 32, p["name"], fb, 17, (1, 1, 1))
        c.text(M, 50, f"{p['street']} · {p['zip']} {p['city']} · {p['phone']}", f, 8.5, (1, 1, 1))
        y = 92
    elif head == "centered":
        c.text(W / 2, y, p["name"], fb, 18, acc, align="c")
        c.text(W / 2, y + 15, d.get("tagline", ""), f, 9, GREY, align="c")
        c.text(W / 2, y + 28, f"{p['street']} – {p['zip']} {p['city']} – Tél. {p['phone']}", f, 8.5, align="c")
        c.line(M, y + 36, W - M, y + 36, 1.2, acc)
        y += 54
    else:
        c.rect(M, y - 14, 34, 34, stroke=None, fill=acc)
        c.text(M + 17, y + 9, p["name"][:1], fb, 22, (1, 1, 1), align="c")
        c.text(M + 44, y, p["name"], fb, 15, acc)
        c.text(M + 44, y + 13, d.get("tagline", ""), f, 8.5, GREY)
        c.text(M + 44, y + 25, f"{p['street']}, {p['zip']} {p['city']}", f, 8.5)
        c.text(M + 44, y + 36, f"Tél. {p['phone']} – {d.get('cust_mail', '')}", f, 8.5)
        y += 52
    if d["ids_pos"] == "head" and (d["vat_txt"] or d["siret_txt"]):
        parts = []
        if d["siret_txt"]:
            parts.append(f"SIRET : {d['siret_txt']}")
        if d["vat_txt"]:
            parts.append(f"{d.get('vat_word', 'TVA intracommunautaire')} : {d['vat_txt']}")
        c.text(M if head != "centered" else W / 2, y, "   ".join(parts), f, 8.5,
               align="c" if head == "centered" else "l")
        y += 16

    # title
    title = d["title"]
    ty = y + 18
    if d["placement"] == "title":
        c.text(M, ty, title + " ", fb, 16, acc)
        c.text(M + text_width(title + " ", fb, 16), ty, d["number"], fb, 16, acc, tag="number")
    else:
        c.text(M, ty, title, fb, 16, acc)
    c.text(W - M, ty, f"{d['city_date']}", f, 9.5, align="r")
    y = ty + 26

    # parties
    y0 = y
    ya = own_block(c, M, y, f, fb, 9, d, d.get("t_sup", "Fournisseur"))
    c.text(W / 2 + 10, y0, d.get("t_del", "Adresse de livraison"), fb, 9, GREY)
    yy = y0 + 12
    for s in d["delivery"]:
        c.text(W / 2 + 10, yy, s, f, 9)
        yy += 11.7
    y = max(ya, yy) + 10

    # references block
    c.line(M, y, W - M, y, 0.4, GREY)
    y += 16
    pl = d["placement"]
    if pl in ("right", "cells", "under", "box"):
        if pl == "box":
            yb = place_number(c, d, W - M - 170, y - 6, f, fb, 10)
            ry = y
            for a, b in d["refs"]:
                c.text(M, ry, f"{a} :", f, 9)
                c.text(M + 150, ry, b, f, 9)
                ry += 13
            y = max(yb, ry) + 4
        elif pl == "under":
            y = place_number(c, d, M, y - 6, f, fb, 9.5, w=W - 2 * M)
            for a, b in d["refs"][3:]:
                c.text(M, y, f"{a} : {b}", f, 9)
                y += 13
        else:
            y = place_number(c, d, M, y, f, fb, 10.5)
            for a, b in d["refs"]:
                c.text(M, y, f"{a} :", f, 9)
                c.text(M + 150, y, b, f, 9)
                y += 13
    else:
        for a, b in d["refs"]:
            c.text(M, y, f"{a} :", f, 9)
            c.text(M + 150, y, b, f, 9)
            y += 13
    y += 8
    for s in d.get("intro", []):
        y = c.wrap(M, y, W - 2 * M, s, f, 9.5)
    if pl == "sentence":
        pre, post = d["sentence"]
        x = c.text(M, y, pre, f, 9.5)
        x = c.text(x, y, d["number"], fb, 9.5, tag="number")
        c.text(x, y, post, f, 9.5)
        y += 14
    y += 6
    y = items_table(c, M, y, W - 2 * M, d, f, fb, 8.5, st.get("table_fill", LIGHT), cols=d.get("cols"))
    y += 14
    totals(c, W - M - 180, y, d, f, fb, 9, d.get("t_tot"))
    cy = y
    for s in d.get("conditions", []):
        cy = c.wrap(M, cy, W / 2 - 20, s, f, 8, 10)
    y = max(cy, y + 50) + 10
    if d.get("signature"):
        c.text(W - M - 180, y, d["signature"], f, 9)
        c.text(W - M - 180, y + 12, d["cust"]["contact"], fb, 9)
        y += 30
    if d.get("bpa_box"):
        c.rect(M, y, 270, 78, stroke=BLACK, width=0.8, tag="bpa")
        c.text(M + 6, y + 13, "BON POUR ACCORD", fb, 9.5)
        c.text(M + 6, y + 26, "Date, cachet et signature du client :", f, 8.5)
        c.text(M + 6, y + 70, "N° de commande client : ...............................", f, 8.5)
        y += 88
    # footer
    fy = c.h - 40
    c.line(M, fy - 12, W - M, fy - 12, 0.4, GREY)
    if d["ids_pos"] == "foot":
        c.text(W / 2, fy, ids_line(d), f, 7.2, GREY, align="c")
    foot2 = d.get("footer2", "")
    if foot2:
        c.text(W / 2, fy + 10, foot2, f, 7.2, GREY, align="c")
    c.text(W - M, fy + 20, d.get("pageword", "Page 1/1"), f, 7, GREY, align="r")
    return c


def multipage(d) -> Canvas:
    """Two pages, long item list; the number only in the page header of every page."""
    f, fb = d["fonts"]
    acc = d["style"].get("accent", (0.3, 0.1, 0.1))
    c = Canvas()
    W, M = c.w, 40
    p = d["cust"]
    rows = d["items"]
    per = [rows[:20], rows[20:]]
    for pi, chunk in enumerate(per):
        if pi:
            c.new_page()
        end = c.text(M, 30, f"{d['label']} ", fb, 10, acc)
        c.text(end, 30, d["number"], fb, 10, acc, tag="number" if pi == 0 else None)
        c.text(W - M, 30, f"{d['city_date']}    Page {pi + 1} / 2", f, 9, align="r")
        c.line(M, 37, W - M, 37, 0.8, acc)
        y = 60
        if pi == 0:
            c.text(M, y, p["name"], fb, 15, acc)
            c.text(M, y + 14, f"{p['street']} – {p['zip']} {p['city']} – Tél. {p['phone']}", f, 8.5)
            if d["ids_pos"] == "head":
                c.text(M, y + 26, ids_line(d), f, 8, GREY)
            c.text(W - M, y, d["title"], fb, 13, align="r")
            y += 46
            ya = own_block(c, M, y, f, fb, 9, d)
            yy = y
            c.text(W / 2 + 10, yy, "Livraison", fb, 9, GREY)
            for s in d["delivery"]:
                yy += 11.5
                c.text(W / 2 + 10, yy, s, f, 9)
            y = max(ya, yy) + 12
            for a, b in d["refs"]:
                c.text(M, y, f"{a} : {b}", f, 9)
                y += 12.5
            y += 6
        y = items_table(c, M, y, W - 2 * M, d, f, fb, 8.3, LIGHT, rows=chunk)
        if pi == 1:
            y += 14
            totals(c, W - M - 180, y, d, f, fb, 9)
            cy = y
            for s in d.get("conditions", []):
                cy = c.wrap(M, cy, W / 2 - 20, s, f, 8, 10)
        fy = c.h - 34
        c.line(M, fy - 10, W - M, fy - 10, 0.4, GREY)
        if d["ids_pos"] == "foot":
            c.text(W / 2, fy, ids_line(d), f, 7.2, GREY, align="c")
    return c


def erp_mono(d) -> Canvas:
    """Monospaced ERP print (IBM 3270 font), column-aligned with spaces."""
    f = d["fonts"][0]
    c = Canvas()
    M, sz, lh = 36, 8.6, 11.2
    cw = text_width("0", f, sz)
    cols = int((c.w - 2 * M) / cw)
    p = d["cust"]
    lines: list[tuple[str, str | None]] = []

    def L(s="", tag=None):
        lines.append((s, tag))

    L(f"{p['name'].upper():<48}{d['erp_prog']:>{cols - 48}}")
    L(f"{p['street'].upper()}")
    L(f"{p['zip']} {p['city'].upper():<40}TEL {p['phone']}")
    if d["ids_pos"] == "head":
        L(("SIRET " + d["siret_txt"] if d["siret_txt"] else "") + ("   TVA " + d["vat_txt"] if d["vat_txt"] else ""))
    L("=" * cols)
    pl = d["placement"]
    if pl == "title":
        L(f"   *** {d['title']} {d['number']} ***", "number")
    else:
        L(f"   *** {d['title']} ***")
    L("=" * cols)
    L(f"{'FOURNISSEUR':<44}LIVRER A")
    own = [OWN["name"][:40], OWN["street"][:40], f"{OWN['zip']} {OWN['city']}"[:40], f"TEL {OWN['phone']}"]
    for a, b in zip(own, d["delivery"] + [""] * 4):
        L(f"{a.upper():<44}{b.upper()}")
    L("-" * cols)
    if pl == "right":
        L(f"{d['label'].upper() + ' ':.<28} {d['number']}", "number")
    for a, b in d["refs"]:
        L(f"{a.upper() + ' ':.<28} {b}")
    if pl == "under":
        L()
        L(f"{d['label'].upper():<26}{'DATE':<14}{'ACHETEUR':<22}DEVISE")
        L(f"{d['number']:<26}{d['date']:<14}{d['buyer_code']:<22}EUR", "number")
    if pl == "box":
        L()
        w = max(len(d["number"]), len(d["label"])) + 6
        L("+" + "-" * w + "+")
        L("|" + d["label"].upper().center(w) + "|")
        L("|" + d["number"].center(w) + "|", "number")
        L("+" + "-" * w + "+")
    L("-" * cols)
    if pl == "sentence":
        pre, post = d["sentence"]
        L((pre + d["number"] + post).upper(), "number")
        L()
    L(f"{'LIG':<5}{'ARTICLE':<14}{'DESIGNATION':<36}{'QTE':>6}{'PU HT':>11}{'MT HT':>12}")
    for i, (ref, lib, q, pu) in enumerate(d["items"]):
        L(f"{(i + 1) * 10:<5}{ref:<14}{lib[:34].upper():<36}{q:>6}{pu:>11.2f}{q * pu:>12.2f}")
    ht = sum(q * pu for _, _, q, pu in d["items"])
    L("-" * cols)
    L(f"{'TOTAL HT':>{cols - 14}}{ht:>14.2f}")
    L(f"{'TVA 20%':>{cols - 14}}{ht * 0.2:>14.2f}")
    L(f"{'TOTAL TTC EUR':>{cols - 14}}{ht * 1.2:>14.2f}")
    L()
    for s in d.get("conditions", []):
        words, cur = s.upper().split(), ""
        for w_ in words:
            if len(cur) + len(w_) + 1 > cols:
                L(cur)
                cur = w_
            else:
                cur = (cur + " " + w_).strip()
        L(cur)
    y = 40
    for s, tag in lines:
        if tag == "number":
            i = s.index(d["number"])
            c.text(M, y, s[:i], f, sz)
            x = M + text_width(s[:i], f, sz)
            x = c.text(x, y, d["number"], f, sz, tag="number")
            c.text(x, y, s[i + len(d["number"]):], f, sz)
        else:
            c.text(M, y, s, f, sz)
        y += lh
    fy = c.h - 36
    if d["ids_pos"] == "foot":
        c.text(M, fy, ids_line(d).upper(), f, 7.4)
    c.text(M, fy + 11, f"EDITE LE {d['date']} PAR {d['erp_user']}   PAGE 001", f, 7.4)
    return c


def letter(d) -> Canvas:
    """A small trader's / customer's letter (order or reminder)."""
    f, fb = d["fonts"]
    c = Canvas()
    W, M = c.w, 62
    p = d["cust"]
    c.text(M, 60, p["name"], fb, 14)
    y = 74
    for s in (p["street"], f"{p['zip']} {p['city']}", f"Tél. {p['phone']}", d.get("cust_mail", "")):
        c.text(M, y, s, f, 9.5)
        y += 12
    if d["ids_pos"] == "head":
        if d["siret_txt"]:
            c.text(M, y, f"SIRET {d['siret_txt']}", f, 9.5)
            y += 12
        if d["vat_txt"]:
            c.text(M, y, f"TVA {d['vat_txt']}", f, 9.5)
            y += 12
    x2 = W / 2 + 30
    yy = 150
    for s in [OWN["name"], "Service commandes", OWN["street"], f"{OWN['zip']} {OWN['city']}"]:
        c.text(x2, yy, s, f, 10)
        yy += 12.5
    c.text(x2, yy + 18, d["city_date"], f, 10)
    y = max(y, yy + 18) + 36
    pl = d["placement"]
    if pl == "title":
        end = c.text(M, y, f"{d['title']} ", fb, 12)
        c.text(end, y, d["number"], fb, 12, tag="number")
    else:
        c.text(M, y, d["title"], fb, 11)
    y += 18
    if pl == "right":
        end = c.text(M, y, f"{d['label']} : ", fb, 10.5)
        c.text(end, y, d["number"], fb, 10.5, tag="number")
        y += 16
    if pl in ("box", "cells"):
        y = place_number(c, d, M, y, f, fb, 10.5) + 2
    for a, b in d["refs"]:
        c.text(M, y, f"{a} : {b}", f, 10)
        y += 13
    y += 14
    c.text(M, y, d.get("salutation", "Madame, Monsieur,"), f, 10.5)
    y += 20
    for para in d["body"]:
        if "{N}" in para:
            pre, post = para.split("{N}")
            x = c.text(M, y, pre, f, 10.5)
            x = c.text(x, y, d["number"], fb, 10.5, tag="number")
            c.text(x, y, post, f, 10.5)
            y += 20
            continue
        y = c.wrap(M, y, W - 2 * M, para, f, 10.5, 14) + 6
    if d.get("items"):
        for ref, lib, q, pu in d["items"]:
            c.text(M + 14, y, f"– {q} × {lib} (réf. {ref})", f, 10)
            c.text(W - M, y, money(q * pu), f, 10, align="r")
            y += 14
        y += 8
    for para in d.get("body2", []):
        y = c.wrap(M, y, W - 2 * M, para, f, 10.5, 14) + 6
    y += 14
    c.text(x2, y, d["cust"]["contact"], f, 10.5)
    c.text(x2, y + 13, d.get("role", "Gérant"), f, 9.5)
    if d.get("hand_sig"):
        c.text(x2 + 10, y + 38, d["cust"]["contact"].split()[1], "staypuft", 17, (0.1, 0.15, 0.5))
    if d["ids_pos"] == "foot":
        c.text(W / 2, c.h - 40, ids_line(d), f, 7.5, GREY, align="c")
    return c


def carnet(d) -> Canvas:
    """Pre-printed numbered order book (carbonless), filled by hand."""
    f, fb = "comfortaa", "comfortaa-b"
    hand = d["hand"]
    ink = (0.1, 0.2, 0.55) if d["ink"] == "blue" else (0.12, 0.12, 0.12)
    pre = (0.15, 0.35, 0.25)
    c = Canvas(420.94, 595.28)  # A5
    W, M = c.w, 24
    p = d["cust"]
    c.rect(M - 6, 20, W - 2 * M + 12, c.h - 40, stroke=pre, width=1)
    c.text(M, 46, "BON DE COMMANDE", fb, 15, pre)
    c.text(W - M - 70, 46, "N°", fb, 11, (0.75, 0.1, 0.1))
    c.text(W - M, 46, d["number"], fb, 13, (0.75, 0.1, 0.1), align="r", tag="number")
    # customer stamp area (pre-printed by a local printer for the customer)
    c.text(M, 68, p["name"], fb, 10, pre)
    c.text(M, 80, f"{p['street']} – {p['zip']} {p['city']}", f, 7.5, pre)
    c.text(M, 90, f"Tél. {p['phone']}", f, 7.5, pre)
    yids = 100
    if d["siret_txt"]:
        c.text(M, yids, f"SIRET {d['siret_txt']}", f, 7.5, pre)
        yids += 10
    if d["vat_txt"]:
        c.text(M, yids, f"N° TVA {d['vat_txt']}", f, 7.5, pre)
    y = 130
    fields = [("Date", d["date"]), ("Fournisseur", "Tramontane Equip."), ("Livrer à", d["delivery"][0][:30]),
              ("Délai souhaité", d["delay"]), ("Demandé par", d["cust"]["contact"].split()[0])]
    for lab, val in fields:
        c.text(M, y, lab + " :", f, 8.5, pre)
        lx = M + text_width(lab + " :", f, 8.5) + 4
        c.line(lx, y + 2, W - M, y + 2, 0.4, pre)
        c.text(lx + 8 + d["jit"][len(val) % 5], y - 1 + d["jit"][(len(val) + 2) % 5] / 3, val, hand, 10.5, ink)
        y += 22
    y += 6
    cols = [("Réf.", M), ("Désignation", M + 70), ("Qté", W - M - 95), ("P.U.", W - M - 55)]
    c.rect(M, y, W - 2 * M, 16, stroke=pre, width=0.6)
    for name, x in cols:
        c.text(x + 3, y + 11, name, fb, 7.5, pre)
    y += 16
    for i in range(10):
        c.rect(M, y, W - 2 * M, 18, stroke=pre, width=0.4)
        if i < len(d["items"]):
            ref, lib, q, pu = d["items"][i]
            j = d["jit"][i % 5]
            c.text(M + 3, y + 13 + j / 4, ref[4:], hand, 9.5, ink)
            c.text(M + 73, y + 13 - j / 4, lib[:30], hand, 9.5, ink)
            c.text(W - M - 90, y + 13, str(q), hand, 9.5, ink)
            c.text(W - M - 52, y + 13 + j / 5, f"{pu:.2f}".replace(".", ","), hand, 9.5, ink)
        y += 18
    for x in (M + 70, W - M - 95, W - M - 55):
        c.line(x, y - 180 - 16, x, y, 0.4, pre)
    y += 16
    c.text(M, y, "Observations :", f, 8.5, pre)
    c.text(M + 70, y, d["obs"], hand, 10, ink)
    y += 28
    c.text(W - M - 130, y, "Signature :", f, 8.5, pre)
    c.text(W - M - 80, y + 16, d["cust"]["contact"].split()[1], "staypuft", 14, ink)
    c.text(W / 2, c.h - 28, "Exemplaire fournisseur – ne pas détacher le double", f, 6.5, pre, align="c")
    return c


def own_doc(d) -> Canvas:
    """One of OUR documents (quote, acknowledgement, invoice, credit note) to the customer."""
    f, fb = d["fonts"]
    acc = (0.55, 0.12, 0.1)
    c = Canvas()
    W, M = c.w, 44
    c.rect(M, 34, 6, 44, stroke=None, fill=acc)
    c.text(M + 14, 50, OWN["name"], fb, 13.5, acc)
    c.text(M + 14, 63, f"{OWN['street']} – {OWN['zip']} {OWN['city']}", f, 8.5)
    c.text(M + 14, 74, f"Tél. {OWN['phone']} – Fax {OWN['fax']} – {OWN['mail']}", f, 8.5)
    y = 110
    c.text(M, y, d["title"], fb, 15, acc)
    c.text(W - M, y, d["city_date"], f, 9.5, align="r")
    y += 26
    x2 = W / 2 + 20
    c.rect(x2 - 10, y - 14, W - M - x2 + 10, 92, stroke=GREY, width=0.5)
    p = d["cust"]
    yy = y
    for s in [p["name"], f"À l'attention de {p['contact']}", p["street"], f"{p['zip']} {p['city']}"]:
        c.text(x2, yy, s, f, 9.5)
        yy += 12.5
    if d["vat_txt"]:
        c.text(x2, yy, f"N° TVA client : {d['vat_txt']}", f, 8.5)
        yy += 11.5
    if d["siret_txt"]:
        c.text(x2, yy, f"SIRET client : {d['siret_txt']}", f, 8.5)
        yy += 11.5
    ry = y
    for a, b in d["refs"]:
        c.text(M, ry, f"{a} :", f, 9)
        c.text(M + 118, ry, b, f, 9)
        ry += 13
    y = max(ry, yy, y + 82) + 14
    for s in d.get("intro", []):
        y = c.wrap(M, y, W - 2 * M, s, f, 9.5) + 3
    y += 6
    y = items_table(c, M, y, W - 2 * M, d, f, fb, 8.5, (0.95, 0.9, 0.88))
    y += 14
    totals(c, W - M - 180, y, d, f, fb, 9)
    cy = y
    for s in d.get("conditions", []):
        cy = c.wrap(M, cy, W / 2 - 20, s, f, 8, 10)
    y = max(cy, y + 48) + 10
    if d.get("iban"):
        c.text(M, y, f"Règlement par virement : IBAN {OWN['iban']} – BIC {OWN['bic']}", f, 8.5)
        y += 16
    if d.get("bpa_box"):
        c.rect(M, y, 280, 80, stroke=BLACK, width=0.8, tag="bpa")
        c.text(M + 6, y + 13, "BON POUR ACCORD", fb, 9.5)
        c.text(M + 6, y + 26, "Date, cachet et signature du client :", f, 8.5)
        c.text(M + 6, y + 72, "N° de commande client : ..................................", f, 8.5)
    fy = c.h - 38
    c.line(M, fy - 12, W - M, fy - 12, 0.4, GREY)
    c.text(W / 2, fy, f"{OWN['name']} – {OWN['capital']} – {OWN['rcs']} – {OWN['ape']}", f, 7.2, GREY, align="c")
    c.text(W / 2, fy + 10, f"SIRET {OWN['siret']} – TVA intracommunautaire {OWN['vat']} – {OWN['web']}", f, 7.2, GREY, align="c")
    return c


LAYOUTS = {"own_doc": own_doc, **{"generic": generic, "multipage": multipage, "erp_mono": erp_mono, "letter": letter, "carnet": carnet}}


def draw(d) -> Canvas:
    return LAYOUTS[d["layout"]](d)
