"""Hand-made forms drawn with pycairo (cairo 1.16 PDF surface, toy font API + fontconfig).

A5 carbon order books with a red numbering-machine number and hand-written fields, A4
pre-printed forms filled on a typewriter (GNU Typewriter / Courier Prime, each field a little
off the line), A4 forms with the number in a rotated side band, and a typed reminder letter.

Every text object goes through `Canvas.text`, which refuses to draw over another one: no two
text objects of a page overprint each other.
"""

from __future__ import annotations

import io
import math
import random

import cairo
import h5_data as D

MM = 72 / 25.4
BLUE_PEN = (0.08, 0.16, 0.55)
RED_NUM = (0.80, 0.08, 0.10)


class Overprint(AssertionError):
    pass


class Canvas:
    def __init__(self, w_mm: float, h_mm: float) -> None:
        self.buf = io.BytesIO()
        self.w, self.h = w_mm, h_mm
        self.surface = cairo.PDFSurface(self.buf, w_mm * MM, h_mm * MM)
        self.ctx = cairo.Context(self.surface)
        self.boxes: list[tuple[float, float, float, float, str]] = []

    # -- text ------------------------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        s: str,
        size: float = 9,
        font: str = "DejaVu Sans",
        bold: bool = False,
        italic: bool = False,
        color: tuple[float, float, float] = (0, 0, 0),
        rot: float = 0.0,
        anchor: str = "l",
        sx: float = 1.0,
    ) -> float:
        """Draw s with its baseline at (x, y) mm; rot in degrees counter-clockwise.

        Returns the advance width in mm. Raises Overprint if it would overlap another text.
        """
        c = self.ctx
        c.save()
        c.select_font_face(
            font,
            cairo.FONT_SLANT_ITALIC if italic else cairo.FONT_SLANT_NORMAL,
            cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL,
        )
        c.set_font_size(size)
        ext = c.text_extents(s)
        fe = c.font_extents()
        width = ext.x_advance * sx
        dx = {"l": 0.0, "c": -width / 2, "r": -width}[anchor]
        asc, desc = fe[0] * 0.72, fe[1] * 0.45
        corners = [(dx, -asc), (dx + width, -asc), (dx, desc), (dx + width, desc)]
        a = math.radians(-rot)
        pts = [
            (
                x * MM + px * math.cos(a) - py * math.sin(a),
                y * MM + px * math.sin(a) + py * math.cos(a),
            )
            for px, py in corners
        ]
        box = (
            min(p[0] for p in pts),
            min(p[1] for p in pts),
            max(p[0] for p in pts),
            max(p[1] for p in pts),
        )
        for b in self.boxes:
            if (
                box[0] < b[2] - 0.3
                and b[0] < box[2] - 0.3
                and box[1] < b[3] - 0.3
                and b[1] < box[3] - 0.3
            ):
                raise Overprint(f"{s!r} over {b[4]!r}")
        self.boxes.append((*box, s))
        c.translate(x * MM, y * MM)
        c.rotate(a)
        c.scale(sx, 1.0)
        c.move_to(dx / sx, 0)
        c.set_source_rgb(*color)
        c.show_text(s)
        c.restore()
        return width / MM

    def width(self, s: str, size: float, font: str = "DejaVu Sans", bold: bool = False) -> float:
        c = self.ctx
        c.save()
        c.select_font_face(
            font,
            cairo.FONT_SLANT_NORMAL,
            cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL,
        )
        c.set_font_size(size)
        w = c.text_extents(s).x_advance / MM
        c.restore()
        return w

    # -- graphics --------------------------------------------------------------------------
    def line(self, x1, y1, x2, y2, w=0.5, color=(0, 0, 0), dash: list[float] | None = None) -> None:
        c = self.ctx
        c.save()
        c.set_source_rgb(*color)
        c.set_line_width(w)
        if dash:
            c.set_dash(dash)
        c.move_to(x1 * MM, y1 * MM)
        c.line_to(x2 * MM, y2 * MM)
        c.stroke()
        c.restore()

    def rect(self, x, y, w, h, lw=0.6, color=(0, 0, 0), fill=None, radius: float = 0) -> None:
        c = self.ctx
        c.save()
        if radius:
            r = radius * MM
            x0, y0, x1, y1 = x * MM, y * MM, (x + w) * MM, (y + h) * MM
            c.new_sub_path()
            c.arc(x1 - r, y0 + r, r, -math.pi / 2, 0)
            c.arc(x1 - r, y1 - r, r, 0, math.pi / 2)
            c.arc(x0 + r, y1 - r, r, math.pi / 2, math.pi)
            c.arc(x0 + r, y0 + r, r, math.pi, 3 * math.pi / 2)
            c.close_path()
        else:
            c.rectangle(x * MM, y * MM, w * MM, h * MM)
        if fill is not None:
            c.set_source_rgb(*fill)
            c.fill_preserve()
        if lw:
            c.set_source_rgb(*color)
            c.set_line_width(lw)
            c.stroke()
        else:
            c.new_path()
        c.restore()

    def scribble(self, rng: random.Random, x, y, w, h, color=BLUE_PEN) -> None:
        """A signature: a few connected Bézier strokes."""
        c = self.ctx
        c.save()
        c.set_source_rgb(*color)
        c.set_line_width(0.9)
        c.set_line_cap(cairo.LINE_CAP_ROUND)
        px, py = x * MM, (y + h * 0.6) * MM
        c.move_to(px, py)
        for k in range(rng.randrange(4, 7)):
            nx = (x + w * (k + 1) / 6) * MM
            ny = (y + h * rng.uniform(0.1, 0.9)) * MM
            c.curve_to(
                px + rng.uniform(-8, 18),
                py - rng.uniform(5, 22),
                nx - rng.uniform(-6, 16),
                ny + rng.uniform(5, 22),
                nx,
                ny,
            )
            px, py = nx, ny
        c.stroke()
        c.move_to((x - 2) * MM, (y + h * 0.85) * MM)
        c.curve_to(
            (x + w * 0.3) * MM,
            (y + h) * MM,
            (x + w * 0.7) * MM,
            (y + h * 0.7) * MM,
            (x + w + 3) * MM,
            (y + h * 0.8) * MM,
        )
        c.stroke()
        c.restore()

    def finish(self) -> bytes:
        self.surface.finish()
        return self.buf.getvalue()

    def new_page(self) -> None:
        self.ctx.show_page()
        self.boxes = []


# --------------------------------------------------------------------------------------------


def _id_text(ids: D.Ids) -> list[str]:
    out = []
    if ids.siret_printed:
        out.append(f"SIRET {ids.siret_printed}")
    if ids.vat_printed:
        out.append(f"TVA {ids.vat_printed}")
    return out


def carnet(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """A5 carbon order book page: pre-printed form, red numbering-machine number, hand fill."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    cv = Canvas(148, 210)
    ink = [(0.05, 0.25, 0.45), (0.1, 0.35, 0.2), (0.35, 0.18, 0.08), (0.2, 0.2, 0.2)][i % 4]
    pen = BLUE_PEN if i % 3 else (0.1, 0.1, 0.12)
    hand = ["Dancing Script", "DkgHandwriting", "Z003", "DkgHandwriting", "Dancing Script", "Z003"][
        i % 6
    ]
    hs = {"Dancing Script": 11.5, "DkgHandwriting": 11.5, "Z003": 12}[hand]
    # pre-printed header: the buyer's own order book
    cv.text(10, 16, c.name, 11.5, "URW Gothic", bold=True, color=ink)
    cv.text(10, 21.5, c.street, 7.5, "URW Gothic", color=ink)
    cv.text(10, 25.5, f"{c.city_line}  -  Tél. {c.phone}", 7.5, "URW Gothic", color=ink)
    y = 29.5
    for t in _id_text(ids):
        cv.text(10, y, t, 7, "URW Gothic", color=ink)
        y += 3.8
    cv.line(10, 38, 138, 38, 0.8, ink)
    title_num = i % 2 == 0
    cv.text(10, 47, "BON DE COMMANDE", 15, "URW Gothic", bold=True, color=ink)
    if title_num:
        x = 10 + cv.width("BON DE COMMANDE", 15, "URW Gothic", True) + 4
        x += cv.text(x, 47, "N°", 13, "URW Gothic", bold=True, color=ink) + 2.5
        cv.text(x, 47.4, doc.printed, 15, "DejaVu Sans Mono", bold=True, color=RED_NUM, sx=0.9)
    else:
        cv.rect(100, 41, 38, 11, 0.7, ink)
        cv.text(102, 45, "Bon n°" if i % 4 == 1 else "N° de bon", 6.5, "URW Gothic", color=ink)
        cv.text(
            136,
            50.3,
            doc.printed,
            13,
            "DejaVu Sans Mono",
            bold=True,
            color=RED_NUM,
            anchor="r",
            sx=0.88,
        )
    # fields
    fields = [
        ("Date :", doc.day.fr() if i % 2 else doc.day.short()),
        (
            "Fournisseur :",
            rng.choice(["Brévanne Techniques", "BREVANNE TECHNIQUES", "Ets Brévanne"]),
        ),
        ("Adresse :", f"{o.city}  ({o.phone})"),
        ("Suivant devis :", doc.quote),
        ("Livrer à :", rng.choice(["atelier", "magasin", "chantier"]) + f" {c.city}"),
    ]
    y = 60
    for lab, val in fields:
        w = cv.text(10, y, lab, 8, "URW Gothic", color=ink)
        cv.line(10 + w + 1, y + 0.8, 138, y + 0.8, 0.3, ink, dash=[1, 1.5])
        cv.text(
            10 + w + 4 + rng.uniform(0, 6),
            y - 0.6 + rng.uniform(-0.4, 0.3),
            val,
            hs,
            hand,
            color=pen,
            rot=rng.uniform(-1.2, 1.2),
        )
        y += 9
    # item table
    top = y + 2
    cols = [10, 32, 102, 116, 138]
    cv.rect(10, top, 128, 7, 0.6, ink, fill=(0.93, 0.95, 0.97))
    for lab, x in zip(["Réf.", "Désignation", "Qté", "P.U."], cols, strict=False):
        cv.text(x + 1.5, top + 4.8, lab, 7.5, "URW Gothic", bold=True, color=ink)
    rows = 7
    for k in range(rows + 1):
        cv.line(10, top + 7 + k * 8, 138, top + 7 + k * 8, 0.3, ink)
    for x in cols:
        cv.line(x, top, x, top + 7 + rows * 8, 0.5, ink)
    items = D.pick_items(rng, rng.randrange(2, 5))
    for k, (ref, lab, q, pu) in enumerate(items):
        yy = top + 7 + k * 8 + 6
        cv.text(11.5, yy, ref[:9], hs * 0.75, hand, color=pen)
        cv.text(33.5, yy, lab[:30], hs * 0.8, hand, color=pen)
        cv.text(104, yy, str(q), hs * 0.85, hand, color=pen)
        cv.text(117.5, yy, D.money(pu), hs * 0.75, hand, color=pen)
    yb = top + 7 + rows * 8 + 8
    cv.text(10, yb, "Signature et cachet :", 7.5, "URW Gothic", color=ink)
    cv.scribble(rng, 45, yb - 6, 30, 12, pen)
    cv.text(
        10,
        yb + 12,
        f"Pour {c.name.split()[0].title()}, {' '.join(D.person(rng))}",
        hs * 0.8,
        hand,
        color=pen,
    )
    cv.text(
        74,
        200,
        [
            "ORIGINAL - exemplaire fournisseur",
            "Feuillet 1 - à remettre au fournisseur",
            "Exemplaire fournisseur",
        ][i % 3],
        6.5,
        "URW Gothic",
        italic=True,
        color=ink,
        anchor="c",
    )
    cv.text(
        74,
        204.5,
        f"Imprimerie {rng.choice(['Barbier', 'Morel', 'Lambert'])}, "
        f"{rng.choice(D.CITIES)[1]} - carnet {D.d(rng, 3)} ex. duplis",
        5,
        "URW Gothic",
        color=ink,
        anchor="c",
    )
    return cv.finish()


def typewriter(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """A4 pre-printed order form filled on a typewriter."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    cv = Canvas(210, 297)
    ink = [(0.25, 0.4, 0.3), (0.2, 0.25, 0.45), (0.35, 0.35, 0.35), (0.45, 0.2, 0.2)][i % 4]
    tw = ["GNUTypewriter", "Courier Prime", "GNUTypewriter"][i % 3]
    ribbon = (0.1, 0.1, 0.1) if i % 2 == 0 else (0.12, 0.14, 0.35)
    pre = ["P052", "C059", "Nimbus Sans Narrow", "URW Gothic"][i % 4]

    def typed(x, y, s, size=10.5):
        return cv.text(
            x + rng.uniform(-0.5, 1.2),
            y + rng.uniform(-0.9, 0.5),
            s,
            size,
            tw,
            color=ribbon,
            rot=rng.uniform(-0.5, 0.5),
        )

    # letterhead
    cv.text(18, 22, c.name, 15, pre, bold=True, color=ink)
    cv.text(18, 28, f"{c.street}, {c.city_line}", 8.5, pre, color=ink)
    cv.text(18, 32.5, f"Téléphone {c.phone}  -  Télécopie {c.fax}", 8.5, pre, color=ink)
    y = 37
    idl = _id_text(ids)
    if idl:
        cv.text(18, y, "   ".join(idl), 8, pre, color=ink)
    cv.line(18, 40, 192, 40, 1.0, ink)
    mode = i % 6
    title = "BON DE COMMANDE"
    cv.text(18, 52, title, 17, pre, bold=True, color=ink)
    tx = 18 + cv.width(title, 17, pre, True)
    if mode == 4:
        tx += cv.text(tx + 3, 52, "N°", 15, pre, bold=True, color=ink) + 6
        typed(tx, 52, doc.printed, 13)
    # reference boxes
    labels = {
        0: "N° de commande :",
        1: "Bon de cde n°",
        2: "Réf. commande :",
        3: "N° d'ordre :",
        5: "N/Réf. :",
    }
    if mode == 1:
        cv.rect(140, 44, 52, 16, 0.8, ink)
        cv.text(142, 48.5, labels[1], 8, pre, color=ink)
        typed(144, 56.5, doc.printed, 11.5)
    # field grid
    grid = [
        ("Date :", doc.day.fr()),
        ("Fournisseur :", o.name),
        ("Code fournisseur :", D.supplier_code(rng)),
        ("Votre devis n° :", doc.quote),
        ("Délai de livraison :", doc.day.plus(rng.randrange(8, 30)).fr()),
        ("Lieu de livraison :", f"{c.street}"[:34]),
        ("Imputation :", f"{rng.choice(['6063', '6152', '2154'])}-{D.d(rng, 3)}"),
    ]
    if mode in labels and mode != 1:
        grid.insert(rng.randrange(0, 3), (labels[mode], doc.printed))
    y = 68
    for lab, val in grid:
        cv.text(18, y, lab, 9, pre, color=ink)
        cv.line(62, y + 1, 192, y + 1, 0.35, ink)
        typed(64, y, val, 10.5)
        y += 9.5
    # items
    top = y + 4
    cols = [18, 48, 128, 144, 166, 192]
    heads = ["Référence", "Désignation", "Qté", "Prix unit.", "Montant"]
    cv.rect(18, top, 174, 8, 0.7, ink, fill=(0.94, 0.94, 0.92))
    for lab, x in zip(heads, cols, strict=False):
        cv.text(x + 1.5, top + 5.5, lab, 8.5, pre, bold=True, color=ink)
    rows = 9
    for k in range(rows + 1):
        cv.line(18, top + 8 + k * 8.5, 192, top + 8 + k * 8.5, 0.3, ink)
    for x in cols:
        cv.line(x, top, x, top + 8 + rows * 8.5, 0.6, ink)
    items = D.pick_items(rng, rng.randrange(3, 7))
    total = 0.0
    for k, (ref, lab, q, pu) in enumerate(items):
        yy = top + 8 + k * 8.5 + 6
        total += q * pu
        typed(19, yy, ref[:12], 9)
        typed(49, yy, lab[:34], 9)
        typed(130, yy, str(q), 9)
        typed(145, yy, D.money(pu), 9)
        typed(167, yy, D.money(q * pu), 9)
    yt = top + 8 + rows * 8.5 + 8
    cv.text(128, yt, "Total H.T. :", 9, pre, bold=True, color=ink)
    typed(160, yt, D.money(total), 10)
    yn = yt + 14
    notes = [
        "Rappeler impérativement notre numéro de commande sur le bon de livraison et la facture.",
        f"Réception marchandises du lundi au jeudi, 8 h - 11 h 30. Fax {c.fax}.",
    ]
    for n in notes:
        cv.text(18, yn, n, 8, pre, italic=True, color=ink)
        yn += 4.5
    cv.text(18, yn + 8, "Le responsable des achats", 9, pre, color=ink)
    typed(18, yn + 15, " ".join(D.person(rng)), 10)
    cv.scribble(rng, 70, yn + 6, 34, 12, (0.1, 0.1, 0.3))
    cv.text(105, 287, f"{c.name}  -  {c.city_line}", 7, pre, color=ink, anchor="c")
    return cv.finish()


def sideband(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """A4 form with a coloured band at the left edge carrying the number, rotated 90°."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    cv = Canvas(210, 297)
    color = [
        (0.1, 0.3, 0.55),
        (0.55, 0.1, 0.25),
        (0.15, 0.45, 0.35),
        (0.35, 0.25, 0.55),
        (0.6, 0.35, 0.05),
        (0.2, 0.2, 0.25),
    ][i % 6]
    font = [
        "Nimbus Sans Narrow",
        "URW Gothic",
        "DejaVu Sans",
        "Nimbus Sans Narrow",
        "C059",
        "DejaVu Sans",
    ][i % 6]
    cv.rect(0, 0, 20, 297, 0, fill=color)
    lab = [
        "BON DE COMMANDE N°",
        "COMMANDE N°",
        "N° DE COMMANDE",
        "PURCHASE ORDER No.",
        "Bon de commande n°",
        "COMMANDE",
    ][i % 6]
    band = f"{lab} {doc.printed}"
    cv.text(13, 200 if i % 2 else 270, band, 13, font, bold=True, color=(1, 1, 1), rot=90)
    cv.text(13, 40, doc.day.fr(), 9, font, color=(0.9, 0.9, 0.95), rot=90)
    x0 = 30
    cv.text(x0, 22, c.name, 16, font, bold=True, color=color)
    cv.text(x0, 28, f"{c.street} - {c.city_line}", 8.5, font)
    cv.text(x0, 32.5, f"Tél. {c.phone}  -  achats@{c.email_domain}", 8.5, font)
    idl = _id_text(ids)
    if idl:
        cv.text(x0, 37, "  /  ".join(idl), 8, font)
    if i % 2 == 1:
        cv.rect(140, 14, 56, 20, 0.8, color, radius=2)
        cv.text(
            143, 20, ["Commande N° :", "Réf. commande :", "N° Cde :"][i % 3], 8, font, color=color
        )
        cv.text(143, 28, doc.printed, 12, font, bold=True)
    cv.rect(x0, 46, 78, 34, 0.5, color, radius=1.5)
    cv.text(x0 + 3, 51, "FOURNISSEUR", 7.5, font, bold=True, color=color)
    for k, t in enumerate([o.name, o.street, o.city_line, f"SIRET {o.siret}", f"TVA {o.vat}"]):
        cv.text(x0 + 3, 56.5 + k * 4.6, t, 8.5, font)
    cv.rect(x0 + 88, 46, 78, 34, 0.5, color, radius=1.5)
    cv.text(x0 + 91, 51, "LIVRAISON", 7.5, font, bold=True, color=color)
    for k, t in enumerate(
        [
            c.name[:40],
            rng.choice(["Magasin général", "Atelier 2", "Quai B"]),
            c.street[:40],
            c.city_line,
        ]
    ):
        cv.text(x0 + 91, 56.5 + k * 4.6, t, 8.5, font)
    refs = [
        ("Date", doc.day.fr()),
        ("Votre offre", doc.quote),
        ("Code fournisseur", D.supplier_code(rng)),
        ("Demandeur", " ".join(D.person(rng))),
        ("Contrat", f"CT-{doc.day.y - 1}-{D.d(rng, 3)}"),
    ]
    y = 90
    cw = 166 / len(refs)
    for k, (a, b) in enumerate(refs):
        cv.rect(x0 + k * cw, y, cw, 13, 0.4, color)
        cv.text(x0 + k * cw + 2, y + 4.3, a, 7, font, color=color)
        cv.text(x0 + k * cw + 2, y + 10, b, 8.5, font)
    top = 112
    cols = [x0, x0 + 30, x0 + 108, x0 + 122, x0 + 144, x0 + 166]
    cv.rect(x0, top, 166, 7, 0, fill=color)
    for h, x in zip(["Article", "Désignation", "Qté", "PU HT", "Total HT"], cols, strict=False):
        cv.text(x + 1.5, top + 5, h, 8, font, bold=True, color=(1, 1, 1))
    items = D.pick_items(rng, rng.randrange(3, 8))
    total = 0.0
    for k, (ref, lab2, q, pu) in enumerate(items):
        yy = top + 7 + k * 7 + 5
        if k % 2:
            cv.rect(x0, yy - 5, 166, 7, 0, fill=(0.95, 0.95, 0.96))
        total += q * pu
        cv.text(x0 + 1.5, yy, ref, 7.5, font)
        cv.text(x0 + 31.5, yy, lab2[:44], 7.5, font)
        cv.text(x0 + 120, yy, str(q), 7.5, font, anchor="r")
        cv.text(x0 + 142, yy, D.money(pu), 7.5, font, anchor="r")
        cv.text(x0 + 164, yy, D.money(q * pu), 7.5, font, anchor="r")
    yy = top + 7 + len(items) * 7 + 8
    for k, (a, b) in enumerate(
        [("Total HT", total), ("TVA 20 %", total * 0.2), ("Total TTC", total * 1.2)]
    ):
        cv.text(x0 + 120, yy + k * 5.5, a, 8.5, font, bold=k == 2)
        cv.text(x0 + 164, yy + k * 5.5, D.money(b) + " EUR", 8.5, font, bold=k == 2, anchor="r")
    yn = yy + 26
    for t in [
        "Conditions : paiement à 45 jours fin de mois par virement. Pénalités de retard : 3 fois",
        "le taux d'intérêt légal. Toute facture ne rappelant pas la référence de commande sera",
        "retournée sans traitement.",
    ]:
        cv.text(x0, yn, t, 7.5, font, color=(0.25, 0.25, 0.25))
        yn += 4
    cv.text(x0 + 110, yn + 10, "Le service achats", 8.5, font)
    cv.scribble(rng, x0 + 112, yn + 13, 34, 11)
    if i % 3 == 2:
        cv.text(
            x0 + 83,
            289,
            f"Commande {doc.printed} - page 1/1",
            7,
            font,
            anchor="c",
            color=(0.3, 0.3, 0.3),
        )
    else:
        cv.text(x0 + 83, 289, f"{c.name} - page 1/1", 7, font, anchor="c", color=(0.3, 0.3, 0.3))
    return cv.finish()


def neg_relance(rng: random.Random, i: int, doc: D.Doc) -> bytes:
    """A customer's reminder letter about an order it placed earlier (not a new order)."""
    c, ids, o = doc.cust, doc.ids, D.OWN
    cv = Canvas(210, 297)
    font = ["Courier Prime", "P052", "DejaVu Sans"][i % 3]
    cv.text(20, 24, c.name, 13, font, bold=True)
    cv.text(20, 30, c.street, 9, font)
    cv.text(20, 34.5, c.city_line, 9, font)
    y = 39
    for t in _id_text(ids):
        cv.text(20, y, t, 8, font)
        y += 4.2
    for k, t in enumerate([o.name, "Service ADV", o.street, o.city_line]):
        cv.text(120, 58 + k * 5, t, 9.5, font)
    cv.text(120, 86, f"{c.city}, le {doc.day.long()}", 9.5, font)
    old = doc.day.plus(-rng.randrange(20, 50))
    cv.text(
        20,
        100,
        f"Objet : relance, notre commande n° {doc.quoted} du {old.fr()}",
        10,
        font,
        bold=True,
    )
    cv.text(20, 106, f"V/Réf. : offre {doc.quote}", 9.5, font)
    body = [
        "Madame, Monsieur,",
        "",
        f"Sauf erreur de notre part, notre commande n° {doc.quoted}, passée le {old.fr()},",
        "ne nous est toujours pas parvenue, alors que votre accusé de réception annonçait une",
        f"livraison pour le {old.plus(14).fr()}. Où en est notre commande ?",
        "",
        "Nous vous remercions de nous indiquer par retour une date de livraison ferme.",
        "Ce courrier ne constitue pas une nouvelle commande : merci de ne pas la dupliquer.",
        "",
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
    ]
    y = 122
    for t in body:
        if t:
            cv.text(20, y, t, 9.5, font)
        y += 6
    who = " ".join(D.person(rng))
    cv.text(120, y + 10, who, 9.5, font)
    cv.text(120, y + 15, "Service achats", 9, font)
    cv.scribble(rng, 122, y + 18, 34, 12)
    cv.text(105, 285, f"{c.name} - Tél. {c.phone} - Fax {c.fax}", 7, font, anchor="c")
    return cv.finish()


BUILDERS = {
    "cr_carnet": carnet,
    "cr_typewriter": typewriter,
    "cr_sideband": sideband,
    "neg_relance": neg_relance,
}
