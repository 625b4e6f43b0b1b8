"""Mails that look like orders but place none: quote updates, invoices and credit notes,
delivery notices, reminders, auto-replies, newsletters, quote requests."""

from __future__ import annotations

import random
from email.message import EmailMessage
from typing import TYPE_CHECKING, Any

from . import parties
from .mailbuild import attach, new_message, set_body, to_html
from .numbers import date as a_date

if TYPE_CHECKING:
    from .documents import Drawn

MIME = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff"}


def lookalike(
    item: Any,
    rng: random.Random,
    cust: parties.Party,
    hello: str,
    sig: str,
    dr: Drawn | None,
    data: bytes,
    ext: str,
) -> EmailMessage:
    fam = item.family
    quote = dr.ctx.quote if dr and dr.ctx else f"DEV-2024-{rng.randint(1000, 9999)}"
    if fam == "quote-update":
        msg = new_message(
            rng, item.seed, cust, rng.choice([f"Actualisation devis {quote}", f"RE: Devis {quote}"])
        )
        set_body(
            msg,
            rng,
            f"{hello}\n\nVeuillez actualiser votre offre en PJ, les prix ne sont plus valables. "
            "Nous passerons commande ensuite." + sig,
        )
        attach(msg, data, f"Devis {quote}.{ext}", MIME[ext])
    elif fam in ("invoice", "relance"):
        if fam == "invoice":
            subject = rng.choice(["Facture à corriger", "Votre facture", "Avoir demandé"])
            body = rng.choice(
                [
                    f"{hello}\n\nVotre facture ci-jointe ne mentionne pas notre numéro de commande, merci de la corriger.",
                    f"{hello}\n\nMerci de nous établir un avoir pour la facture jointe (articles retournés).",
                ]
            )
        else:
            subject = rng.choice(["Relance : devis en attente", "Relance facture", "2e relance"])
            body = rng.choice(
                [
                    f"{hello}\n\nNous attendons toujours votre devis pour notre demande du {a_date(rng)}.",
                    f"{hello}\n\nSauf erreur de notre part, la facture jointe reste impayée. Merci de régulariser.",
                ]
            )
        msg = new_message(rng, item.seed, cust, subject)
        set_body(msg, rng, body + sig)
        if fam == "invoice" or rng.random() < 0.5:
            attach(msg, data, f"facture.{ext}", MIME[ext])
    elif fam == "delivery-notice":
        msg = new_message(
            rng,
            item.seed,
            cust,
            rng.choice(["Avis d'expédition", "Votre colis a été expédié", "Bon de livraison"]),
            sender_addr=f"noreply@{rng.choice(['geodis.com', 'chronopost.fr', 'dbschenker.com'])}",
        )
        set_body(
            msg,
            rng,
            f"{hello}\n\nVotre commande a été expédiée le {a_date(rng)}. Numéro de suivi : "
            f"{rng.randint(10**11, 10**12 - 1)}.\nLe bon de livraison est joint.",
        )
        attach(msg, data, f"BL.{ext}", MIME[ext])
    elif fam == "auto-reply":
        msg = new_message(
            rng,
            item.seed,
            cust,
            rng.choice(
                [
                    "Réponse automatique : Commande",
                    "Absence du bureau",
                    "Automatic reply: Purchase order",
                    "Absent : votre commande",
                ]
            ),
        )
        msg["Auto-Submitted"] = "auto-replied"
        if rng.random() < 0.7:
            msg["X-Autoreply"] = "yes"
        msg["Precedence"] = "auto_reply"
        set_body(
            msg,
            rng,
            f"{hello}\n\nJe suis absent(e) jusqu'au {a_date(rng)}. Pour toute commande urgente, "
            f"merci de contacter {parties.person(rng)} au {cust.phone}.",
        )
    elif fam == "newsletter":
        msg = new_message(
            rng,
            item.seed,
            cust,
            rng.choice(
                [
                    "-20 % sur votre prochaine commande !",
                    "Nouveautés du mois",
                    "Commandez avant le 20 décembre",
                ]
            ),
            sender_addr=f"newsletter@{cust.email.split('@')[1]}",
        )
        msg["List-Unsubscribe"] = (
            f"<mailto:unsubscribe@{cust.email.split('@')[1]}>, <https://example.org/u/{rng.randint(1000, 9999)}>"
        )
        msg["Precedence"] = "bulk"
        text = "Découvrez nos offres : commandez dès maintenant et profitez de la livraison gratuite dès 100 € de commande."
        set_body(msg, rng, text, html=to_html(text), html_only=rng.random() < 0.6)
    else:  # quote-request
        msg = new_message(
            rng, item.seed, cust, rng.choice(["Demande de devis", "Demande de prix", "Devis SVP"])
        )
        set_body(
            msg,
            rng,
            f"{hello}\n\nPourriez-vous nous faire une offre pour {rng.randint(2, 50)} "
            f"{rng.choice(parties.PRODUCTS)[0]} ? Nous passerons commande rapidement si le prix convient."
            + sig,
        )
    return msg
