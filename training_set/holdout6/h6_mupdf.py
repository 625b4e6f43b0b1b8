"""PyMuPDF (MuPDF 1.28) builders: a pre-printed form filled by hand, a hand-written order on a
letterhead, a dot-matrix listing on continuous green-bar paper, and the customer's "bon pour
accord" (stamp, hand-written words, signature) drawn over our signed quote.

Imports nothing from the repository.
"""

from __future__ import annotations

import random

import h6_data as d
import pymupdf

F = "/usr/share/fonts"
FONTS = {
    "sans": f"{F}/truetype/noto/NotoSans-Regular.ttf",
    "sansb": f"{F}/truetype/noto/NotoSans-Bold.ttf",
    "serif": f"{F}/truetype/noto/NotoSerif-Regular.ttf",
    "serifb": f"{F}/truetype/noto/NotoSerif-Bold.ttf",
    "breip": f"{F}/truetype/breip/Breip.ttf",
    "kristi": f"{F}/truetype/kristi/Kristi.ttf",
    "comic": f"{F}/opentype/comic-neue/ComicNeue-Regular.otf",
    "comicb": f"{F}/opentype/comic-neue/ComicNeue-Bold.otf",
    "mono": f"{F}/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
    "monob": f"{F}/truetype/jetbrains-mono/JetBrainsMono-Bold.ttf",
    "cant": f"{F}/opentype/cantarell/Cantarell-Regular.otf",
    "cantb": f"{F}/opentype/cantarell/Cantarell-Bold.otf",
}
HANDS = ["breip", "comic", "kristi"]


class Page:
    def __init__(self, doc: pymupdf.Document, width: float = 595, height: float = 842):
        self.page = doc.new_page(width=width, height=height)
        self.loaded: set[str] = set()

    def font(self, key: str) -> str:
        if key not in self.loaded:
            self.page.insert_font(fontname=key, fontfile=FONTS[key])
            self.loaded.add(key)
        return key

    def text(self, x: float, y: float, s: str, key: str = "sans", size: float = 9,
             color=(0, 0, 0), rotate: int = 0, morph=None) -> None:
        self.page.insert_text((x, y), s, fontname=self.font(key), fontsize=size, color=color,
                              rotate=rotate, morph=morph)

    def line(self, x0, y0, x1, y1, color=(0, 0, 0), width=0.6, dashes=None) -> None:
        self.page.draw_line((x0, y0), (x1, y1), color=color, width=width, dashes=dashes)

    def rect(self, x0, y0, x1, y1, color=(0, 0, 0), fill=None, width=0.6) -> None:
        self.page.draw_rect(pymupdf.Rect(x0, y0, x1, y1), color=color, fill=fill, width=width)


def _save(doc: pymupdf.Document) -> bytes:
    doc.subset_fonts()
    doc.set_metadata({"producer": "PyMuPDF", "creator": "h6", "creationDate": "",
                      "modDate": ""})
    return doc.tobytes(garbage=3, deflate=True, no_new_id=True)


def _hand(p: Page, rng: random.Random, x: float, y: float, s: str, key: str, size: float,
          ink=(0.05, 0.1, 0.45)) -> None:
    angle = rng.uniform(-2.5, 2.5)
    m = (pymupdf.Point(x, y), pymupdf.Matrix(1, 1).prerotate(angle))
    p.text(x + rng.uniform(-2, 2), y + rng.uniform(-1.5, 1.5), s, key, size, ink, morph=m)


def form(rng: random.Random, spec: dict) -> bytes:
    """Pre-printed order form (one ink) filled by hand."""
    c: d.Party = spec["cust"]
    doc = pymupdf.open()
    p = Page(doc)
    ink = spec.get("print_ink", (0.1, 0.3, 0.55))
    hand = spec["hand"]
    hs = 13 if hand == "kristi" else 11
    p.text(40, 60, c.name, "cantb", 17, ink)
    p.text(40, 76, f"{c.street} - {c.postcode} {c.city}", "cant", 8.5, ink)
    p.text(40, 88, f"Tél. {c.phone}  -  {c.email}", "cant", 8.5, ink)
    y_ids = 100
    ids = []
    if spec.get("siret_print"):
        ids.append(f"SIRET {spec['siret_print']}")
    if spec.get("vat_print"):
        ids.append(f"TVA intracommunautaire {spec['vat_print']}")
    p.text(40, y_ids, "   ".join(ids), "cant", 8.5, ink)
    p.text(360, 60, "BON DE COMMANDE", "cantb", 16, ink)
    mode = spec["mode"]
    num = spec["printed"]
    # number field: a box top right, or the dotted line under the title
    if mode == "box":
        p.rect(400, 68, 555, 104, ink, width=1)
        p.text(406, 79, spec["kw"], "cant", 8, ink)
        _hand(p, rng, 412, 98, num, hand, hs + 2)
    else:
        p.text(360, 84, spec["kw"], "cant", 9, ink)
        p.line(440, 86, 555, 86, ink, 0.5, "[1 2] 0")
        _hand(p, rng, 446, 83, num, hand, hs + 1)
    yd = 118 if mode == "box" else 100
    p.text(360, yd, "Date :", "cant", 9, ink)
    p.line(392, yd + 2, 555, yd + 2, ink, 0.5, "[1 2] 0")
    _hand(p, rng, 400, yd - 1, spec["date"][0], hand, hs)
    # supplier / delivery boxes
    p.rect(40, 125, 290, 215, ink)
    p.text(46, 137, "FOURNISSEUR", "cantb", 8.5, ink)
    for i, line in enumerate([d.OWN_NAME, *d.OWN_ADDR, f"SIRET {d.OWN_SIRET}"]):
        _hand(p, rng, 50, 154 + i * 13, line, hand, hs - 2)
    p.rect(305, 125, 555, 215, ink)
    p.text(311, 137, "LIVRER À / ADRESSE DE LIVRAISON", "cantb", 8.5, ink)
    for i, line in enumerate(spec["deliver"].split("\n")):
        _hand(p, rng, 315, 154 + i * 13, line, hand, hs - 2)
    p.text(40, 236, "Votre devis n°", "cant", 9, ink)
    p.line(110, 238, 260, 238, ink, 0.5, "[1 2] 0")
    _hand(p, rng, 116, 235, spec["quote"], hand, hs - 1)
    p.text(300, 236, "Code client chez vous", "cant", 9, ink)
    p.line(400, 238, 555, 238, ink, 0.5, "[1 2] 0")
    _hand(p, rng, 406, 235, spec["custcode"], hand, hs - 1)
    # grid
    cols = [40, 110, 360, 410, 480, 555]
    heads = ["Référence", "Désignation", "Qté", "P.U. HT", "Montant"]
    top = 255
    p.rect(40, top, 555, top + 18, ink, fill=(0.88, 0.92, 0.97))
    for i, h in enumerate(heads):
        p.text(cols[i] + 4, top + 12, h, "cantb", 8.5, ink)
    rows = d.items(rng, rng.randint(3, 5))
    total = 0.0
    for r in range(12):
        y = top + 18 + (r + 1) * 22
        p.line(40, y, 555, y, ink, 0.4)
        if r < len(rows):
            ref, des, qty, price = rows[r]
            total += qty * price
            for i, val in enumerate([ref, des[:34], str(qty), d.amount(price),
                                     d.amount(qty * price)]):
                _hand(p, rng, cols[i] + 5, y - 6, val, hand, hs - 2)
    for x in cols:
        p.line(x, top, x, top + 18 + 12 * 22, ink, 0.5)
    yb = top + 18 + 12 * 22 + 22
    p.text(380, yb, "TOTAL HT", "cantb", 9, ink)
    _hand(p, rng, 460, yb, d.amount(total) + " €", hand, hs)
    p.text(40, yb, "Signature et cachet :", "cant", 9, ink)
    _hand(p, rng, 60, yb + 30, c.contact, "kristi", 18)
    p.text(40, 800, f"Imprimerie Dumontel - {c.city} - modèle BC-A4/{rng.randint(10, 99)} - "
           "feuillet 1 : fournisseur", "cant", 6.5, ink)
    return _save(doc)


def letter(rng: random.Random, spec: dict) -> bytes:
    """A hand-written order on the customer's printed letterhead."""
    c: d.Party = spec["cust"]
    doc = pymupdf.open()
    p = Page(doc)
    ink = (0.55, 0.1, 0.1)
    hand = spec["hand"]
    hs = 15 if hand == "kristi" else 12.5
    p.text(40, 58, c.name, "serifb", 18, ink)
    p.text(40, 74, spec.get("trade", "Matériel agricole - Réparation - Pièces détachées"),
           "serif", 9, ink)
    p.line(40, 82, 555, 82, ink, 1.2)
    p.text(40, 95, f"{c.street}, {c.postcode} {c.city}  -  Tél. {c.phone}", "serif", 8.5, ink)
    ids = []
    if spec.get("siret_print"):
        ids.append(f"SIRET {spec['siret_print']}")
    if spec.get("vat_print"):
        ids.append(f"N° TVA {spec['vat_print']}")
    p.text(40, 107, "  -  ".join(ids) + "  -  APE 4661Z", "serif", 8.5, ink)
    y = 150
    blue = (0.05, 0.12, 0.5)
    _hand(p, rng, 340, y, f"{c.city}, le {spec['date'][1]}", hand, hs)
    for i, line in enumerate([d.OWN_NAME, "Service commandes", d.OWN_ADDR[2]]):
        _hand(p, rng, 340, y + 30 + i * 18, line, hand, hs)
    y += 110
    lines = spec["body"]
    for line in lines:
        _hand(p, rng, 50, y, line, hand, hs, blue)
        y += 24 if hand == "kristi" else 21
    _hand(p, rng, 330, y + 20, c.contact, hand, hs, blue)
    _hand(p, rng, 340, y + 50, "~" + c.contact.split()[1] + "~", "kristi", 24, blue)
    p.text(40, 810, f"SARL au capital de 45 000 € - RCS {c.city} {c.siren}", "serif", 7, ink)
    return _save(doc)


def dotmatrix(rng: random.Random, spec: dict) -> bytes:
    """Continuous-form listing: green bars, tractor holes, a 10-cpi mono font."""
    doc = pymupdf.open()
    p = Page(doc, 612, 792)
    green = (0.82, 0.93, 0.84)
    for k in range(0, 792, 36):
        if (k // 36) % 2 == 0:
            p.rect(36, k, 576, k + 18, None, fill=green, width=0)
    for k in range(12, 792, 18):
        p.page.draw_circle((18, k), 4.5, color=(0.7, 0.7, 0.7), width=0.6)
        p.page.draw_circle((594, k), 4.5, color=(0.7, 0.7, 0.7), width=0.6)
    fs = 8.6
    lines = spec["lines"]
    for i, line in enumerate(lines):
        p.text(46, 40 + i * 12, line, "monob" if line.startswith("*") else "mono", fs,
               (0.12, 0.12, 0.14))
    return _save(doc)


def sign_quote(pdf: bytes, rng: random.Random, spec: dict) -> bytes:
    """The customer's rubber stamp, 'Bon pour accord', date and signature on our quote."""
    c: d.Party = spec["cust"]
    doc = pymupdf.open("pdf", pdf)
    page = doc[0]
    p = Page.__new__(Page)
    p.page = page
    p.loaded = set()
    rects = page.search_for("Bon pour accord")
    base = rects[0] if rects else pymupdf.Rect(60, 600, 200, 610)
    x, y = base.x0 + 10, base.y1 + 20
    blue = (0.05, 0.1, 0.55)
    _hand(p, rng, x, y, "Bon pour accord", "kristi", 20, blue)
    _hand(p, rng, x, y + 22, f"le {spec['date'][0]}", "kristi", 16, blue)
    stamp = (0.55, 0.1, 0.45)
    sx, sy = x + 170, y - 24
    p.rect(sx, sy, sx + 170, sy + 50, stamp, width=1.4)
    p.text(sx + 6, sy + 14, c.name[:28], "sansb", 8.5, stamp)
    p.text(sx + 6, sy + 27, f"{c.postcode} {c.city}"[:32], "sans", 7.5, stamp)
    p.text(sx + 6, sy + 40, f"Tél. {c.phone}", "sans", 7.5, stamp)
    shape = page.new_shape()
    pts = [pymupdf.Point(x + 40 + i * 9, y + 40 + 8 * ((i * 37) % 5 - 2)) for i in range(10)]
    shape.draw_polyline(pts)
    shape.finish(color=blue, width=1.2, closePath=False)
    shape.commit()
    return _save(doc)
