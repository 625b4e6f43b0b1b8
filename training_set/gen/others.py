"""Documents that are not the customer's order: our quotes (devis), invoices (factures),
credit notes (avoirs), delivery notes (bons de livraison) and order acknowledgements.

They are issued by us (ACME Fournitures) to the customer, carry no customer order number,
and are full of numbers that look like one (devis, facture, BL, code client). A quote may
come back signed "Bon pour accord": see :func:`bon_pour_accord`.
"""

from __future__ import annotations

from . import numbers
from .blocks import Ctx, fmt_siret, fmt_vat, items_table, legal_footer, letterhead
from .parties import SUPPLIER


def _addressee(ctx: Ctx, y: float) -> float:
    pen, c = ctx.pen, ctx.customer
    x = 320
    pen.text(x, y, "Client :", bold=True)
    y += pen.size * 1.4
    for line in (c.name, c.street, f"{c.postcode} {c.city}", f"Code client : {ctx.customer_code}"):
        pen.text(x, y, line)
        y += pen.size * 1.3
    if ctx.show_siret:
        pen.text(x, y, f"SIRET client : {fmt_siret(c.siret, ctx.rng)}")
        y += pen.size * 1.3
    if ctx.show_vat:
        pen.text(x, y, f"N° TVA client : {fmt_vat(c.vat, ctx.rng)}")
        y += pen.size * 1.3
    return y


def draw_issued(ctx: Ctx, kind: str) -> float:
    """One of our documents; ``kind`` is quote | invoice | credit | delivery | ack.

    Returns the y of the "Bon pour accord" box on quotes (where a customer signs).
    """
    pen, rng = ctx.pen, ctx.rng
    y = letterhead(ctx, SUPPLIER, 40, 55, big=15)
    y = _addressee(ctx, 130)
    y += 20
    own = {
        "quote": ctx.quote,
        "invoice": numbers.invoice_number(rng),
        "credit": "AV" + numbers.invoice_number(rng)[1:],
        "delivery": numbers.delivery_number(rng),
        "ack": f"ARC-{rng.randint(2023, 2025)}-{rng.randint(1000, 9999)}",
    }[kind]
    title = {
        "quote": "DEVIS N°",
        "invoice": "FACTURE N°",
        "credit": "AVOIR N°",
        "delivery": "BON DE LIVRAISON N°",
        "ack": "ACCUSÉ DE RÉCEPTION DE COMMANDE N°",
    }[kind]
    pen.text(40, y, f"{title} {own}", bold=True, size=pen.size + 5)
    y += 24
    rows = [f"Date : {ctx.date}"]
    if kind == "quote":
        rows += ["Validité de l'offre : 30 jours", f"Affaire suivie par : {SUPPLIER.contact}"]
    elif kind in ("invoice", "credit"):
        rows += [
            f"Échéance : {numbers.date(rng)}",
            f"Bon de livraison : {numbers.delivery_number(rng)}",
            f"Selon devis {ctx.quote}",
        ]
    elif kind == "delivery":
        rows += [
            f"Transporteur : {rng.choice(['Geodis', 'DB Schenker', 'Chronopost', 'nos soins'])}",
            f"Colis : {rng.randint(1, 6)}   Poids : {rng.randint(2, 80)} kg",
        ]
    else:
        rows += [
            f"Nous accusons réception de votre commande du {numbers.date(rng)} et vous en remercions.",
            f"Livraison prévue le {numbers.date(rng)}.",
        ]
    for line in rows:
        pen.text(40, y, line)
        y += pen.size * 1.4
    y = items_table(ctx, 40, y + 12)
    box = y + 5
    if kind == "quote":
        pen.rect(330, y + 5, pen.width - 370, 80)
        pen.text(340, y + 20, "Bon pour accord", bold=True)
        pen.text(340, y + 20 + pen.size * 1.4, "Date, cachet et signature :", size=pen.size - 1)
    elif kind in ("invoice", "credit"):
        pen.wrap(
            40,
            y + 5,
            "Paiement par virement. Pénalités de retard : trois fois le taux d'intérêt légal. "
            "Indemnité forfaitaire pour frais de recouvrement : 40 €. Pas d'escompte pour paiement anticipé.",
            pen.width - 80,
            size=pen.size - 1,
        )
    elif kind == "delivery":
        pen.text(40, y + 10, "Reçu en bon état – date et signature du destinataire :")
    legal_footer(ctx, SUPPLIER, with_bank=kind in ("invoice", "credit", "quote"))
    return box


def bon_pour_accord(ctx: Ctx, y_box: float) -> None:
    """The customer's handwritten "Bon pour accord", a stamp and a signature on a quote.

    The quote's number is ours, not a customer order number: the label stays empty.
    """
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    y = min(y_box + 48, pen.height - 170)
    blue = (0.1, 0.15, 0.55)
    pen.text(
        345, y, "Bon pour accord", font="Times-Italic", size=rng.choice([15, 17, 19]), color=blue
    )
    pen.text(345, y + 18, f"le {numbers.date(rng)}", font="Times-Italic", size=13, color=blue)
    pen.c.setStrokeColorRGB(0.55, 0.1, 0.1)
    pen.rect(350, y + 28, 180, 34, lw=1.5)
    pen.c.setStrokeColorRGB(0, 0, 0)
    pen.text(356, y + 42, c.name[:34], bold=True, size=8, color=(0.55, 0.1, 0.1))
    pen.text(356, y + 54, f"{c.postcode} {c.city}", size=7.5, color=(0.55, 0.1, 0.1))
    pen.scribble(380, y + 85, rng)


def draw_signature_page(ctx: Ctx) -> None:
    """The last page of an order, printed, signed by hand and scanned back."""
    pen, rng, c = ctx.pen, ctx.rng, ctx.customer
    pen.text(40, 60, c.name, bold=True, size=12)
    assert ctx.order is not None
    pen.text(pen.width - 40, 60, f"Commande {ctx.order.printed} – page 2/2", align="right")
    y = pen.wrap(
        40,
        110,
        "Conditions générales d'achat : la présente commande vaut acceptation de nos conditions "
        "générales d'achat. Toute modification de prix ou de délai doit être acceptée par écrit. "
        "Les factures rappelleront le numéro de commande.",
        pen.width - 80,
    )
    pen.text(40, y + 30, f"Fait à {c.city}, le {ctx.date}")
    pen.text(330, y + 30, "Le responsable des achats")
    pen.text(330, y + 45, c.contact)
    pen.scribble(340, y + 95, rng)
