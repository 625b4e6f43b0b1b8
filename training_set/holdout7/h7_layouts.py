
"""Holdout7 layouts drawn on :class:`h7_canvas.Canvas` (PostScript and matplotlib families)."""

from __future__ import annotations

import random

from h7_canvas import Canvas, text_width
from h7_data import OWN, euro

BLACK = (0, 0, 0)


def wrap(s: str, font: str, size: float, width: float) -> list[str]:
    lines, cur = [], ""
    for word in s.split(" "):
        trial = (cur + " " + word).strip()
        if text_width(trial, font, size) > width and cur:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def para(cv: Canvas, x, y, s, font, size, width, lead=1.35, color=BLACK, ws=0.0):
    for ln in wrap(s, font, size, width - ws * 12):
        cv.text(x, y, ln, font, size, color, wordspace=ws)
        y += size * lead
    return y


def sentence_with_number(cv: Canvas, x, y, before, num, after, font, bold, size, width, ws=0.0,
                         color=BLACK):
    """A paragraph whose number is one unbreakable, marked run."""
    words = [*before.split(" "), "\x00", *after.strip().split(" ")]
    cx = x
    first_after = after[:1] in ",.;:"
    for i, wd in enumerate(words):
        if wd == "\0":
            w = text_width(num, bold, size)
            if cx + w > x + width:
                cx, y = x, y + size * 1.4
            cv.text(cx, y, num, bold, size, color, mark="num")
            cx += w + (0 if first_after else text_width(" ", font, size) + ws)
            continue
        if not wd:
            continue
        w = text_width(wd, font, size)
        if cx + w > x + width:
            cx, y = x, y + size * 1.4
        cv.text(cx, y, wd + (" " if i < len(words) - 1 else ""), font, size, color)
        cx += w + text_width(" ", font, size) + ws
    return y + size * 1.4


def kv_right(cv: Canvas, x, y, pairs, font, bold, size, labw, color=BLACK, sep=" :", lead=1.45):
    for lab, val, mark in pairs:
        cv.text(x, y, lab + sep, font, size, color)
        cv.text(x + labw, y, val, bold if mark else font, size, BLACK, mark=mark)
        y += size * lead
    return y


def under_table(cv: Canvas, x, y, w, pairs, font, bold, size, head_fill, lw=0.6):
    n = len(pairs)
    cw = w / n
    h = size * 1.9
    cv.rect(x, y, w, h, lw=lw, stroke=BLACK, fill=head_fill)
    cv.rect(x, y + h, w, h, lw=lw, stroke=BLACK)
    for i, (lab, val, mark) in enumerate(pairs):
        cx = x + i * cw
        if i:
            cv.line(cx, y, cx, y + 2 * h, lw)
        cv.text(cx + cw / 2, y + h * 0.65, lab, bold, size * 0.9, align="c")
        cv.text(cx + cw / 2, y + h * 1.65, val, bold if mark else font, size, align="c", mark=mark)
    return y + 2 * h + 8


def cells_table(cv: Canvas, x, y, w1, w2, pairs, font, bold, size, fill, lw=0.6):
    h = size * 1.8
    for lab, val, mark in pairs:
        cv.rect(x, y, w1, h, lw=lw, stroke=BLACK, fill=fill)
        cv.rect(x + w1, y, w2, h, lw=lw, stroke=BLACK)
        cv.text(x + 4, y + h * 0.68, lab, font, size)
        cv.text(x + w1 + 5, y + h * 0.68, val, bold if mark else font, size, mark=mark)
        y += h
    return y + 8


def num_box(cv: Canvas, x, y, w, label, num, font, bold, size, color, lw=1.4):
    h = size * 3.4
    cv.rect(x, y, w, h, lw=lw, stroke=color)
    cv.text(x + w / 2, y + size * 1.25, label, font, size * 0.9, color, align="c")
    cv.text(x + w / 2, y + size * 2.75, num, bold, size * 1.35, align="c", mark="num")
    return y + h + 8


def items_grid(cv: Canvas, x, y, w, rows, font, bold, size, head_fill, en=False, lw=0.5,
               pos_fmt="{:d}", head=None):
    head = head or (["Pos", "Item", "Description", "Qty", "Unit price", "Amount"] if en else
                    ["Pos.", "Réf.", "Désignation", "Qté", "P.U. HT", "Montant HT"])
    fr = [0.07, 0.16, 0.45, 0.07, 0.12, 0.13]
    xs = [x]
    for f in fr:
        xs.append(xs[-1] + f * w)
    h = size * 1.8
    cv.rect(x, y, w, h, lw=lw, stroke=BLACK, fill=head_fill)
    for i, t in enumerate(head):
        cv.text(xs[i] + 3, y + h * 0.68, t, bold, size * 0.95)
    y += h
    for (i, ref, lib, q, pu, amt) in rows:
        cv.rect(x, y, w, h, lw=lw, stroke=BLACK)
        vals = [pos_fmt.format(i), ref, lib, str(q), euro(pu), euro(amt)]
        for k, v in enumerate(vals):
            if k >= 3:
                cv.text(xs[k + 1] - 3, y + h * 0.68, v, font, size, align="r")
            else:
                cv.text(xs[k] + 3, y + h * 0.68, v, font, size)
        y += h
    for k in range(1, 6):
        cv.line(xs[k], y - h * (len(rows) + 1), xs[k], y, lw)
    return y + 6


def totals(cv: Canvas, xr, y, total, font, bold, size, en=False):
    tva = round(total * 0.2, 2)
    labs = ["Total excl. VAT", "VAT 20%", "TOTAL"] if en else ["Total HT", "TVA 20 %", "Total TTC"]
    for i, (lab, v) in enumerate(zip(labs, [total, tva, total + tva], strict=True)):
        f = bold if i == 2 else font
        cv.text(xr - 110, y, lab, f, size, align="r")
        cv.text(xr, y, euro(v) + (" EUR" if en else " €"), f, size, align="r")
        y += size * 1.5
    return y + 4


def supplier_lines(d: dict, en=False) -> list[str]:
    ls = [OWN["name"], OWN["street"], OWN["city"], f"Tél. {OWN['tel']}  Fax {OWN['fax']}",
          f"SIRET {OWN['siret']}", f"TVA {OWN['vat']}"]
    if d.get("supplier_code"):
        ls.append(("Vendor no. " if en else "Code fournisseur : ") + d["supplier_code"])
    return ls


def block(cv: Canvas, x, y, w, title, lines, font, bold, size, color, fill=None):
    h = size * 1.45 * (len(lines) + 1) + 8
    cv.rect(x, y, w, h, lw=0.7, stroke=color, fill=fill)
    cv.text(x + 6, y + size * 1.4, title, bold, size, color)
    yy = y + size * 1.4
    for ln in lines:
        yy += size * 1.45
        cv.text(x + 6, yy, ln, font, size)
    return y + h + 8


def id_bits(d: dict, compact=False) -> list[tuple[str, str, str]]:
    ids = d["ids"]
    out = []
    if ids["siret_print"]:
        out.append(("SIRET", ids["siret_print"], "siret"))
    if ids["vat_print"]:
        out.append(("N° TVA" if d.get("lang") != "en" else "VAT no.", ids["vat_print"], "vat"))
    return out


def legal_footer(cv: Canvas, d: dict, y, font, size, color=BLACK, with_ids=True):
    p = d["party"]
    ids = d["ids"]
    parts = [p.name]
    if p.capital:
        parts.append(p.capital)
    parts.append(("RCS " + p.city.split(" ", 1)[1].title() + " " + ids["siren_print"]) if not p.public
                 else "SIREN " + ids["siren_print"])
    cv.line(40, y - 12, cv.w - 40, y - 12, 0.4, color)
    text = " – ".join(parts)
    bits = id_bits(d) if (with_ids and d["ids_pos"] == "footer") else []
    total = text_width(text, font, size) + sum(text_width(f" – {a} {b}", font, size) for a, b, _ in bits)
    x = (cv.w - total) / 2
    x += cv.text(x, y, text, font, size, color)
    for a, b, m in bits:
        x += cv.text(x, y, f" – {a} ", font, size, color)
        x += cv.text(x, y, b, font, size, color, mark=m)


# --------------------------------------------------------------------------- generic order


def order_page(cv: Canvas, d: dict, st: dict) -> None:
    """Letter-like order used by ps_negoce_lettre and ps_btp_chantier (and mpl_coop_agri)."""
    F, B, T = st["font"], st["bold"], st.get("title_font", st["bold"])
    ink = st["ink"]
    fill = st["fill"]
    p = d["party"]
    W = cv.w
    L, R = 42, W - 42
    en = d.get("lang") == "en"
    y = 58
    cv.text(L, y, p.name, T, st.get("lh", 17), ink, spacing=st.get("lh_spacing", 0))
    y += 16
    for ln in [d.get("subname", ""), p.street, p.city, f"Tél. {p.tel}  –  Fax {p.fax}", p.mail]:
        if ln:
            cv.text(L, y, ln, F, 8.5)
            y += 11
    if d["ids_pos"] == "header":
        x = L
        for a, b, m in id_bits(d):
            x += cv.text(x, y, a + " ", F, 8.5)
            x += cv.text(x, y, b, F, 8.5, mark=m) + 14
        y += 11
    cv.text(R, 58, f"{p.city.split(' ', 1)[1].title()}, le {d['date']}", F, 9, align="r")
    # addressee (us)
    yy = 90
    for i, ln in enumerate(supplier_lines(d, en)[:6]):
        cv.text(R - 200, yy, ln, B if i == 0 else F, 8.5)
        yy += 11
    y = max(y, yy) + 18
    pl = d["placement"]
    title = d["title"]
    if pl == "title":
        w = cv.text(L, y, title + " ", T, 16, ink, spacing=st.get("title_spacing", 0))
        cv.text(L + w, y, d["printed"], T, 16, ink, mark="num")
    else:
        cv.text(L, y, title, T, 16, ink, spacing=st.get("title_spacing", 0))
    y += 26
    refs = [(a, b, None) for a, b in d["refs"]]
    main = (d["num_label"], d["printed"], "num")
    if pl == "right":
        refs.insert(d.get("num_row", 0), main)
        y = kv_right(cv, L, y, refs, F, B, 9.5, 150) + 6
    elif pl == "under":
        refs.insert(d.get("num_row", 1), main)
        y = under_table(cv, L, y, R - L, refs[:5], F, B, 8.5, fill)
    elif pl == "cells":
        refs.insert(d.get("num_row", 0), main)
        y = cells_table(cv, L, y, 150, 180, refs, F, B, 9, fill)
    elif pl == "box":
        y0 = y
        y = kv_right(cv, L, y, refs, F, B, 9.5, 140)
        y = max(y, num_box(cv, R - 190, y0 - 12, 190, d["num_label"], d["printed"], F, B, 10, ink)) + 4
    else:
        y = kv_right(cv, L, y, refs, F, B, 9.5, 150) + 6
    dl = d["delivery"]
    y = block(cv, L, y, 250, "Livrer à :" if not en else "Ship to:", dl, F, B, 8.5, ink)
    if d.get("chantier"):
        y = block(cv, L, y, R - L, "Chantier", d["chantier"], F, B, 8.5, ink, fill)
    if pl == "sentence":
        y = sentence_with_number(cv, L, y + 4, d["sentence"][0], d["printed"], d["sentence"][1], F, B,
                                 9.5, R - L, ws=st.get("ws", 0)) + 4
    elif d.get("intro"):
        y = para(cv, L, y + 4, d["intro"], F, 9.5, R - L, ws=st.get("ws", 0)) + 4
    y = items_grid(cv, L, y, R - L, d["items"], F, B, 8, fill, en, pos_fmt=d.get("pos_fmt", "{:d}"))
    y = totals(cv, R, y + 10, d["total"], F, B, 9, en)
    if d.get("conditions"):
        y = para(cv, L, y + 6, d["conditions"], F, 7.5, R - L, ws=st.get("ws", 0) * 0.6)
    if d.get("signature"):
        cv.text(R - 180, y + 18, d["signature"], F, 9)
    legal_footer(cv, d, cv.h - 30, F, 7)


# --------------------------------------------------------------------------- ERP mono print


def erp_mono(cv: Canvas, d: dict, st: dict) -> None:
    """Monospaced ERP print (Hack), letter-spaced title, dotted label leaders."""
    F, B = "hack", "hack-b"
    p = d["party"]
    L = 36
    sz = 8.6
    cw = text_width("M", F, sz)
    y = 44
    cv.text(L, y, p.name, B, 12)
    cv.text(cv.w - 36, y, f"Edité le {d['date']} {d['time']}", F, 7.5, align="r")
    y += 13
    for ln in [p.street + " - " + p.city, f"TEL {p.tel}   FAX {p.fax}"]:
        cv.text(L, y, ln, F, sz)
        y += 11
    if d["ids_pos"] == "header":
        x = L
        for a, b, m in id_bits(d, True):
            x += cv.text(x, y, a + " ", F, sz)
            x += cv.text(x, y, b, F, sz, mark=m) + cw * 3
        y += 11
    cv.line(L, y, cv.w - L, y, 0.8)
    y += 24
    pl = d["placement"]
    if pl == "title":
        w = cv.text(L, y, d["title"] + "  ", B, 13, spacing=3.2)
        cv.text(L + w, y, d["printed"], B, 13, mark="num")
    else:
        cv.text(L, y, d["title"], B, 13, spacing=3.2)
    y += 22
    refs = [(a, b, None) for a, b in d["refs"]]
    main = (d["num_label"], d["printed"], "num")
    if pl in ("right", "box"):
        refs.insert(d.get("num_row", 0), main)
        for lab, val, mark in refs:
            dots = lab.upper() + " " + "." * max(2, 24 - len(lab)) + " : "
            cv.text(L, y, dots, F, sz)
            cv.text(L + cw * len(dots), y, val, B if mark else F, sz, mark=mark)
            if mark and pl == "box":
                cv.rect(L + cw * len(dots) - 4, y - sz - 3, cw * len(val) + 8, sz + 8, lw=1.1)
            y += 12.5
    elif pl == "under":
        refs.insert(d.get("num_row", 1), main)
        cols = refs[:4]
        x = L
        for lab, val, mark in cols:
            width = max(len(lab), len(val)) + 3
            cv.text(x, y, lab.upper(), B, sz)
            cv.text(x, y + 10, "-" * (width - 2), F, sz)
            cv.text(x, y + 21, val, F, sz, mark=mark)
            x += cw * width
        y += 34
    else:
        for lab, val, _mark in refs:
            cv.text(L, y, f"{lab.upper():<26}: {val}", F, sz)
            y += 12.5
    y += 6
    cv.text(L, y, "FOURNISSEUR", B, sz)
    cv.text(300, y, "LIVRAISON", B, sz)
    yy = y
    for ln in supplier_lines(d):
        y += 11
        cv.text(L, y, ln.upper(), F, sz)
    for ln in d["delivery"]:
        yy += 11
        cv.text(300, yy, ln.upper(), F, sz)
    y = max(y, yy) + 18
    if pl == "sentence":
        y = sentence_with_number(cv, L, y, d["sentence"][0], d["printed"], d["sentence"][1], F, B, sz,
                                 cv.w - 2 * L) + 4
    cv.line(L, y, cv.w - L, y, 0.5, dash=[2, 2])
    y += 12
    hdr = f"{'LIG':<5}{'ARTICLE':<14}{'DESIGNATION':<44}{'QTE':>5}{'PU HT':>11}{'MONTANT':>12}"
    cv.text(L, y, hdr, B, 7.6)
    y += 6
    cv.line(L, y, cv.w - L, y, 0.5, dash=[2, 2])
    y += 11
    for i, ref, lib, q, pu, amt in d["items"]:
        ln = f"{i * 10:<5}{ref:<14}{lib[:42].upper():<44}{q:>5}{euro(pu):>11}{euro(amt):>12}"
        cv.text(L, y, ln, F, 7.6)
        y += 11
    cv.line(L, y - 4, cv.w - L, y - 4, 0.5, dash=[2, 2])
    y += 10
    tva = round(d["total"] * 0.2, 2)
    for lab, v in (("TOTAL HT", d["total"]), ("TVA 20,00 %", tva), ("TOTAL TTC", d["total"] + tva)):
        cv.text(cv.w - L, y, f"{lab:<14}{euro(v):>14} EUR", B if lab == "TOTAL TTC" else F, 8, align="r")
        y += 11
    y += 10
    y = para(cv, L, y, d["conditions"], F, 7, cv.w - 2 * L)
    cv.text(L, cv.h - 52, f"PROG {d['prog']}  UTIL {d['user']}", F, 6.5)
    cv.text(cv.w - L, cv.h - 52, "PAGE 1/1", F, 6.5, align="r")
    legal_footer(cv, d, cv.h - 30, F, 6.5)


# --------------------------------------------------------------------------- landscape English PO


def landscape_en(cv: Canvas, d: dict, st: dict) -> None:
    F, B, M = "quick", "quick-b", "mono"
    ink = st["ink"]
    p = d["party"]
    W, H = cv.w, cv.h
    cv.rect(0, 0, W, 70, lw=0, stroke=None, fill=ink)
    cv.text(36, 36, p.name, B, 19, (1, 1, 1))
    cv.text(36, 55, f"{p.street}, {p.city}, France  ·  Phone +33 {p.tel[1:]}", F, 8.5, (1, 1, 1))
    pl = d["placement"]
    if pl == "title":
        w = cv.text(W - 300, 42, "PURCHASE ORDER ", B, 15, (1, 1, 1))
        cv.text(W - 300 + w, 42, d["printed"], B, 15, (1, 1, 1), mark="num")
    else:
        cv.text(W - 36, 42, "PURCHASE ORDER", B, 17, (1, 1, 1), align="r", spacing=1.5)
    y = 96
    refs = [(a, b, None) for a, b in d["refs"]]
    main = (d["num_label"], d["printed"], "num")
    if pl == "right":
        refs.insert(d.get("num_row", 0), main)
        kv_right(cv, 36, y, refs, F, B, 9, 110, ink, sep=":")
    elif pl == "under":
        refs.insert(d.get("num_row", 0), main)
        under_table(cv, 36, y, 500, refs[:5], F, B, 8.5, st["fill"])
    elif pl == "box":
        kv_right(cv, 36, y, refs, F, B, 9, 110, ink, sep=":")
        num_box(cv, 330, y - 12, 200, d["num_label"], d["printed"], F, B, 10, ink)
    elif pl == "cells":
        refs.insert(d.get("num_row", 0), main)
        cells_table(cv, 36, y - 10, 110, 150, refs, F, B, 8.5, st["fill"])
    else:
        kv_right(cv, 36, y, refs, F, B, 9, 110, ink, sep=":")
    block(cv, 560, 84, 246, "Vendor", supplier_lines(d, True)[:6], F, B, 8, ink)
    y = 205
    block(cv, 560, y - 20 + 98, 246, "Ship to", d["delivery"], F, B, 8, ink)
    if d["ids_pos"] == "header":
        x = 36
        for a, b, m in id_bits(d):
            x += cv.text(x, 180, a + " ", F, 8.5)
            x += cv.text(x, 180, b, M, 8.5, mark=m) + 16
    y = 200
    if pl == "sentence":
        y = sentence_with_number(cv, 36, y, d["sentence"][0], d["printed"], d["sentence"][1], F, B, 9, 500)
    y = max(y, 212)
    y = items_grid(cv, 36, y, 500, d["items"], F, B, 7.6, st["fill"], en=True)
    y = totals(cv, 536, y + 10, d["total"], F, B, 8.5, en=True)
    para(cv, 560, 330, d["conditions"], F, 7, 246)
    if d.get("signature"):
        cv.text(560, H - 70, d["signature"], F, 8.5)
    parts = [p.name, p.capital, "RCS " + p.city.split(" ", 1)[1].title() + " " + d["ids"]["siren_print"]]
    x = 36
    x += cv.text(x, H - 24, " – ".join(x for x in parts if x), F, 7)
    if d["ids_pos"] == "footer":
        for a, b, m in id_bits(d):
            x += cv.text(x, H - 24, f" – {a} ", F, 7)
            x += cv.text(x, H - 24, b, F, 7, mark=m)


# --------------------------------------------------------------------------- hand-filled form


HANDS = ["humor", "ruf", "klee", "femke"]


def fold(s: str) -> str:
    """Hand-writing fonts without accents: the writer leaves them out."""
    import unicodedata

    s = s.replace("°", "o").replace("’", "'").replace("«", '"').replace("»", '"')
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def hand(cv: Canvas, r: random.Random, x, y, s, font, size, mark=None, ink=(0.1, 0.15, 0.5)):
    if font in ("humor", "ruf"):
        s = fold(s)
    ang = r.uniform(-2.5, 2.5)
    return cv.text(x + r.uniform(-2, 2), y + r.uniform(-1.5, 1.5), s, font, size, ink, mark=mark, angle=ang)


def hand_form(cv: Canvas, d: dict, st: dict) -> None:
    r = random.Random(d["seed_render"])
    pf, pb = "gomono", "go-b"
    ink = st["ink"]
    hf = d["hand"]
    hs = st.get("hand_size", 12.5)
    p = d["party"]
    L, R = 40, cv.w - 40
    cv.rect(L, 36, R - L, 70, lw=1.2, stroke=ink)
    cv.text(L + 10, 62, "BON DE COMMANDE", pb, 20, ink, spacing=2.0)
    cv.text(L + 10, 82, "Imprimé réf. 1142-B — liasse autocopiante 2 ex.", pf, 7, ink)
    pl = d["placement"]
    if pl == "box":
        cv.rect(R - 170, 46, 160, 50, lw=1, stroke=ink)
        cv.text(R - 162, 60, d["num_label"], pf, 8, ink)
        hand(cv, r, R - 150, 86, d["printed"], hf, hs + 2, mark="num")
    y = 132
    fields = [("Client / Raison sociale", p.name), ("Adresse", p.street), ("CP / Ville", p.city),
              ("Tél.", p.tel), ("Contact", p.contact)]
    if d["ids_pos"] == "header":
        if d["ids"]["siret_print"]:
            fields.append(("N° SIRET", ("siret", d["ids"]["siret_print"])))
        if d["ids"]["vat_print"]:
            fields.append(("N° TVA intracom.", ("vat", d["ids"]["vat_print"])))
    if pl == "right":
        fields.insert(d.get("num_row", 0), (d["num_label"], ("num", d["printed"])))
    fields += [("Date", d["date"])]
    for lab, val in fields:
        cv.text(L, y, lab + " :", pf, 9, ink)
        lx = L + text_width(lab + " : ", pf, 9) + 4
        cv.line(lx, y + 2, R, y + 2, 0.5, ink, dash=[1, 2])
        mark = None
        if isinstance(val, tuple):
            mark, val = val
        hand(cv, r, lx + 8, y - 1, val, hf, hs, mark=mark)
        y += 24
    y += 6
    cv.rect(L, y, R - L, 62, lw=0.8, stroke=ink)
    cv.text(L + 6, y + 12, "Fournisseur", pf, 8, ink)
    hand(cv, r, L + 20, y + 32, OWN["short"] + " – St-Quentin-Fallavier", hf, hs - 1)
    hand(cv, r, L + 20, y + 52, "devis " + d["our_quote"], hf, hs - 1.5)
    y += 80
    if pl == "sentence":
        cv.text(L, y, "Objet / observations :", pf, 9, ink)
        y += 20
        x = L + 10
        x += hand(cv, r, x, y, d["sentence"][0] + " ", hf, hs)
        x += hand(cv, r, x, y, d["printed"], hf, hs, mark="num")
        hand(cv, r, L + 10, y + 22, d["sentence"][1].strip(), hf, hs)
        y += 46
    # items grid
    cols = [("Référence", 0.2), ("Désignation", 0.5), ("Qté", 0.1), ("Prix unit.", 0.2)]
    xs = [L]
    for _, f in cols:
        xs.append(xs[-1] + f * (R - L))
    rh = 24
    nrows = 9
    cv.rect(L, y, R - L, rh, lw=0.8, stroke=ink, fill=st["fill"])
    for i, (c, _) in enumerate(cols):
        cv.text(xs[i] + 4, y + 16, c, pb, 8.5, ink)
    for k in range(nrows):
        cv.rect(L, y + rh * (k + 1), R - L, rh, lw=0.5, stroke=ink)
    for xx in xs[1:-1]:
        cv.line(xx, y, xx, y + rh * (nrows + 1), 0.5, ink)
    for k, (_, ref, lib, q, pu, _) in enumerate(d["items"][:nrows]):
        yy = y + rh * (k + 1) + 17
        hand(cv, r, xs[0] + 5, yy, ref, hf, hs - 2.5)
        hand(cv, r, xs[1] + 5, yy, lib[:34], hf, hs - 2.5)
        hand(cv, r, xs[2] + 8, yy, str(q), hf, hs - 2)
        hand(cv, r, xs[3] + 8, yy, euro(pu), hf, hs - 2)
    y += rh * (nrows + 1) + 24
    cv.text(L, y, "Livraison souhaitée le :", pf, 9, ink)
    hand(cv, r, L + 150, y, d["delivery_date"], hf, hs)
    cv.text(R - 200, y, "Signature / cachet :", pf, 9, ink)
    hand(cv, r, R - 150, y + 30, d["party"].contact.split()[1], hf, hs + 4)
    cv.text(L, cv.h - 54, "Conditions : règlement à 45 jours fin de mois. Toute commande vaut acceptation de nos conditions.",
            pf, 6.5, ink)
    if d["ids_pos"] == "footer":
        x = L
        for a, b, m in id_bits(d):
            x += cv.text(x, cv.h - 36, a + " : ", pf, 7.5, ink)
            x += hand(cv, r, x, cv.h - 36, b, hf, hs - 2, mark=m) + 20
    cv.text(R, cv.h - 20, "Imprimerie Vallon – 26 Crest", pf, 5.5, ink, align="r")


# --------------------------------------------------------------------------- coop (mpl)


def coop(cv: Canvas, d: dict, st: dict) -> None:
    st = dict(st, font="quick", bold="quick-b")
    order_page(cv, d, st)


# --------------------------------------------------------------------------- negatives


def own_head(cv: Canvas, F, B, ink):
    cv.text(42, 54, "CORVALIS", B, 22, ink, spacing=1.5)
    cv.text(42, 68, "F L U I D E S   –   robinetterie & pompes industrielles", F, 8, ink)
    y = 84
    for ln in (OWN["street"], OWN["city"], f"Tél. {OWN['tel']} – Fax {OWN['fax']} – {OWN['mail']}"):
        cv.text(42, y, ln, F, 8)
        y += 10


def own_foot(cv: Canvas, F):
    s = (f"{OWN['name']} – SAS {OWN['capital']} – {OWN['rcs']} – SIRET {OWN['siret']} – "
         f"TVA {OWN['vat']} – {OWN['ape']}")
    cv.line(40, cv.h - 42, cv.w - 40, cv.h - 42, 0.4)
    cv.text(cv.w / 2, cv.h - 30, s, F, 6.6, align="c")


def addressee(cv: Canvas, d: dict, x, y, F, B):
    p = d["party"]
    ids = d["ids"]
    cv.text(x, y, p.name, B, 9.5)
    y += 12
    for ln in (f"À l'attention de {p.contact}", p.street, p.city):
        cv.text(x, y, ln, F, 9)
        y += 11.5
    for lab, val, m in (("N° TVA client : ", ids["vat_print"], "vat"), ("SIRET client : ", ids["siret_print"], "siret")):
        if val:
            w = cv.text(x, y, lab, F, 8.5)
            cv.text(x + w, y, val, F, 8.5, mark=m)
            y += 11
    return y


def customer_letter(cv: Canvas, d: dict, st: dict) -> None:
    """A customer's letter (reminder / request for quotation): their letterhead, to us."""
    F, B, ink = st["font"], st["bold"], st["ink"]
    p = d["party"]
    cv.text(42, 56, p.name, B, 16, ink)
    y = 72
    for ln in (p.street, p.city, f"Tél. {p.tel}  –  {p.mail}"):
        cv.text(42, y, ln, F, 8.5)
        y += 11
    y = 120
    for ln in [OWN["name"], "Service ADV", OWN["street"], OWN["city"]]:
        cv.text(330, y, ln, F, 9.5)
        y += 12.5
    cv.text(330, y + 14, f"{p.city.split(' ', 1)[1].title()}, le {d['date']}", F, 9.5)
    y += 50
    cv.text(42, y, d["title"], B, 14, ink, mark="num" if d.get("kind") == "relance" else None)
    y += 24
    y = kv_right(cv, 42, y, [(a, b, None) for a, b in d["refs"]], F, B, 9.5, 150) + 10
    for para_s in d["body"]:
        y = para(cv, 42, y, para_s, F, 10, cv.w - 84) + 8
    if d.get("items"):
        y = items_grid(cv, 42, y, cv.w - 84, [(i, ref, lib, q, 0, 0) for i, ref, lib, q, pu, amt in d["items"]],
                       F, B, 8, st["fill"], head=["Pos.", "Réf.", "Désignation", "Qté", "", ""])
    cv.text(330, y + 30, p.contact, F, 10)
    cv.text(330, y + 43, d.get("role", "Service achats"), F, 9)
    legal_footer(cv, d, cv.h - 30, F, 7)


def our_document(cv: Canvas, d: dict, st: dict) -> None:
    """Our acknowledgement / delivery note."""
    F, B, ink = st["font"], st["bold"], st["ink"]
    own_head(cv, F, B, ink)
    addressee(cv, d, 320, 130, F, B)
    y = 220
    cv.text(42, y, d["title"], B, 15, ink, spacing=st.get("title_spacing", 0))
    y += 24
    y = kv_right(cv, 42, y, [(a, b, None) for a, b in d["refs"]], F, B, 9.5, 150) + 8
    if d.get("intro"):
        y = para(cv, 42, y, d["intro"], F, 9.5, cv.w - 84) + 6
    y = items_grid(cv, 42, y, cv.w - 84, d["items"], F, B, 8, st["fill"])
    if d.get("show_totals", True):
        y = totals(cv, cv.w - 42, y + 10, d["total"], F, B, 9)
    para(cv, 42, y + 10, d["conditions"], F, 7.5, cv.w - 84)
    own_foot(cv, F)
