"""The mail half of the corpus: order mails and the look-alikes a mailbox really gets.

An order mail always carries the order as an attachment (the practitioner's rule); a
"bon pour accord" or "nous validons votre offre" always carries a scan. Look-alikes
mention orders without placing one: status questions (with or without the PDF), quote
updates, invoices, delivery notices, reminders, auto-replies, newsletters, order wording
with only a signature logo, reply chains quoting an old order, quote requests.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from email.message import EmailMessage

from . import parties
from .documents import SEED, DocItem, Drawn
from .lookalikes import lookalike
from .mailbuild import (
    add_inline_logo,
    attach,
    finish,
    logo_cid,
    new_message,
    rfc2047_filename,
    set_body,
    signature,
    to_html,
)
from .numbers import date as a_date
from .tnef import winmail

# family -> (count, is_order, attachment category or None)
FAMILIES: dict[str, tuple[int, int, str | None]] = {
    "order-pdf": (30, 1, "po-text"),
    "order-scan": (16, 1, "po-scan"),
    "bon-pour-accord": (8, 1, "bpa"),
    "offer-validation": (6, 1, "bpa"),
    "order-orderx": (6, 1, "orderx"),
    "order-octet": (6, 1, "po-text"),
    "order-filename": (8, 1, "po-text"),
    "order-forwarded": (6, 1, "po-text"),
    "order-html": (8, 1, "po-scan"),
    "order-winmail": (3, 1, "po-text"),
    "status-question": (10, 0, "po-text"),
    "quote-update": (6, 0, "quote"),
    "invoice": (8, 0, "invoice"),
    "delivery-notice": (5, 0, "delivery"),
    "relance": (5, 0, "invoice"),
    "auto-reply": (6, 0, None),
    "newsletter": (5, 0, None),
    "inline-logo": (6, 0, "po-text"),
    "reply-chain": (8, 0, "po-text"),
    "quote-request": (6, 0, None),
}
MIME = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "tif": "image/tiff"}


@dataclass(frozen=True)
class MailItem:
    path: str
    family: str
    seed: str
    is_order: int
    doc: str  # path of the related document ("" when none)


def plan(docs: list[DocItem]) -> list[MailItem]:
    by_cat: dict[str, list[DocItem]] = {}
    for d in docs:
        by_cat.setdefault(d.category, []).append(d)
    by_cat["invoice"] = by_cat["invoice"] + by_cat["credit"]
    items = []
    for f_index, (family, (count, is_order, cat)) in enumerate(FAMILIES.items()):
        pool = by_cat.get(cat, []) if cat else []
        for i in range(count):
            doc = pool[(i * 3 + f_index * 5) % len(pool)].path if pool else ""
            items.append(
                MailItem(
                    f"mails/{family}/mail-{i + 1:03d}.eml",
                    family,
                    f"{SEED}/{family}/{i}",
                    is_order,
                    doc,
                )
            )
    return items


def _fname(rng: random.Random, d: Drawn, ext: str, scanned: bool) -> str:
    n = d.order_number.replace("/", "-").replace(" ", "_") or "document"
    if scanned:
        return rng.choice(
            [
                f"scan_{rng.randint(20240101, 20241231)}.{ext}",
                f"IMG_{rng.randint(1000, 9999)}.{ext}",
                f"Numérisation {rng.randint(1, 40)}.{ext}",
                f"doc{rng.randint(100, 999)}.{ext}",
            ]
        )
    return rng.choice(
        [
            f"Commande {n}.{ext}",
            f"BC_{n}.{ext}",
            f"commande.{ext}",
            f"{n}.{ext}",
            f"Bon de commande.{ext}",
            f"PO.{ext}",
        ]
    )


def build(item: MailItem, doc: tuple[DocItem, Drawn, bytes] | None) -> bytes:
    """The .eml bytes of ``item``; ``doc`` is its related document (drawn, and its file bytes)."""
    rng = random.Random(item.seed)
    di, dr, data = doc if doc else (None, None, b"")
    cust = (
        dr.ctx.customer
        if dr and dr.ctx
        else parties.customer(rng, rng.choice(["company", "public", "small"]))
    )
    number = dr.order_number if dr else ""
    ext = di.path.rsplit(".", 1)[-1] if di else "pdf"
    scanned = bool(di and di.kind == "scan")
    fam = item.family
    sig = signature(cust, rng)
    hello = rng.choice(
        ["Bonjour,", "Bonjour Madame, Monsieur,", "Madame, Monsieur,", "Bonjour à tous,"]
    )
    placeholder = ""
    real_name = ""
    msg: EmailMessage

    if fam in (
        "order-pdf",
        "order-scan",
        "order-octet",
        "order-filename",
        "order-html",
        "order-orderx",
    ):
        subject = rng.choice(
            [
                f"Commande {number}",
                f"Bon de commande n° {number}",
                "Nouvelle commande",
                f"Commande {cust.name}",
                f"TR: commande {number}",
                "Commande",
                f"PO {number}",
            ]
        )
        body = (
            rng.choice(
                [
                    f"{hello}\n\nVeuillez trouver ci-joint notre commande {number}.\nMerci de nous confirmer le délai de livraison.",
                    f"{hello}\n\nCi-joint notre bon de commande n° {number}, suivant votre devis.\nMerci de bien vouloir en accuser réception.",
                    f"{hello}\n\nJe vous prie de trouver en pièce jointe notre commande.",
                    f"{hello}\n\nPlease find attached our purchase order {number}.\nKind regards",
                    f"{hello}\n\nMerci de prendre en compte la commande jointe.",
                ]
            )
            + sig
        )
        msg = new_message(rng, item.seed, cust, subject)
        set_body(
            msg,
            rng,
            body,
            html=to_html(body) if rng.random() < 0.4 or fam == "order-html" else None,
            html_only=fam == "order-html",
        )
        name = _fname(rng, dr, ext, scanned) if dr else "commande.pdf"
        if fam == "order-octet":
            attach(
                msg,
                data,
                rng.choice(
                    [
                        "document",
                        "ATT00001.bin",
                        "scan.dat",
                        "piece_jointe",
                        name.rsplit(".", 1)[0] + ".txt",
                    ]
                ),
                "application/octet-stream",
            )
        elif fam == "order-filename":
            real_name = rng.choice(
                [
                    f"Commande n°{number} – été.{ext}",
                    f"Bon de commande n° {number} (signé).{ext}",
                    f"Commande_réf_{number.replace(' ', '_')}_déc.{ext}",
                ]
            ).replace("/", "-")
            if rng.random() < 0.5:
                placeholder = "RFC2047PLACEHOLDER." + ext
                attach(msg, data, placeholder, MIME[ext])
            else:
                attach(msg, data, real_name, MIME[ext])  # the email package writes RFC 2231
        else:
            attach(msg, data, name, MIME[ext])
    elif fam in ("bon-pour-accord", "offer-validation"):
        assert dr is not None and dr.ctx is not None
        quote = dr.ctx.quote
        if fam == "bon-pour-accord":
            subject = rng.choice(
                [
                    f"Bon pour accord devis {quote}",
                    "Devis signé",
                    f"RE: Votre devis {quote}",
                    "Bon pour accord",
                ]
            )
            body = f"{hello}\n\nVous trouverez ci-joint votre devis {quote} signé avec la mention « bon pour accord ».\nMerci de lancer la fabrication."
        else:
            subject = rng.choice(
                [f"Validation offre {quote}", f"RE: Offre {quote}", "Accord sur votre offre"]
            )
            body = f"{hello}\n\nNous validons votre offre {quote}. Le devis signé est en pièce jointe.\nMerci de nous indiquer la date de livraison."
        msg = new_message(rng, item.seed, cust, subject)
        set_body(msg, rng, body + sig)
        attach(msg, data, _fname(rng, dr, ext, True), MIME[ext])
    elif fam == "order-winmail":
        assert dr is not None
        body = f"{hello}\n\nVeuillez trouver ci-joint notre commande {number}." + sig
        msg = new_message(rng, item.seed, cust, f"Commande {number}")
        msg["X-MS-TNEF-Correlator"] = (
            f"<{hashlib.sha1(item.seed.encode()).hexdigest()[:24]}@outlook>"
        )
        set_body(msg, rng, body)
        ascii_name = "Commande_" + "".join(ch if ch.isalnum() else "_" for ch in number) + "." + ext
        attach(msg, winmail(body, ascii_name, data), "winmail.dat", "application/ms-tnef")
    elif fam == "order-forwarded":
        assert dr is not None
        inner = new_message(
            rng,
            item.seed + "/inner",
            cust,
            f"Commande {number}",
            to=f"achats@{cust.email.split('@')[1]}",
        )
        set_body(
            inner, rng, f"{hello}\n\nCommande {number} validée, à transmettre au fournisseur." + sig
        )
        attach(inner, data, _fname(rng, dr, ext, False), MIME[ext])
        colleague = parties.person(rng)
        msg = new_message(
            rng,
            item.seed,
            cust,
            f"TR: Commande {number}",
            sender_addr=f"{colleague.split()[0].lower()}@{cust.email.split('@')[1]}",
        )
        set_body(
            msg,
            rng,
            f"{hello}\n\nJe vous transfère la commande ci-dessous (message joint).\n\n{colleague}",
        )
        msg.add_attachment(inner)
    elif fam in ("status-question", "reply-chain", "inline-logo"):
        assert dr is not None
        if fam == "status-question":
            subject = rng.choice(
                [
                    f"Où en est notre commande {number} ?",
                    f"Suivi commande {number}",
                    f"Commande {number} - délai ?",
                ]
            )
            body = rng.choice(
                [
                    f"{hello}\n\nOù en est notre commande {number} ? Nous n'avons toujours rien reçu.",
                    f"{hello}\n\nPouvez-vous nous indiquer la date de livraison de la commande {number} (copie jointe) ?",
                    f"{hello}\n\nNous vous avons adressé la commande {number} le {dr.ctx.date if dr.ctx else ''}. Pouvez-vous nous confirmer sa bonne réception ?",
                ]
            )
            msg = new_message(rng, item.seed, cust, subject)
            set_body(msg, rng, body + sig)
            if int(item.path[-7:-4]) % 2 == 0:  # half of them re-send the order
                attach(msg, data, _fname(rng, dr, ext, False), MIME[ext])
        elif fam == "reply-chain":
            old = f"Le {a_date(rng)} à {rng.randint(8, 18)}:{rng.randint(10, 59)}, {cust.contact} <{cust.email}> a écrit :"
            quoted = "\n".join(
                "> " + line
                for line in f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {number}.\n\nCordialement".split(
                    "\n"
                )
            )
            body = (
                rng.choice(
                    [
                        "Bonjour,\n\nAvez-vous une date d'expédition pour cette commande ?",
                        "Bonjour,\n\nLa livraison est incomplète, il manque deux articles. Merci de vérifier.",
                        "Bonjour,\n\nPouvez-vous nous envoyer la facture correspondante ?",
                    ]
                )
                + sig
                + f"\n\n{old}\n{quoted}\n"
            )
            msg = new_message(rng, item.seed, cust, f"RE: Commande {number}")
            msg["In-Reply-To"] = (
                f"<{hashlib.sha1(number.encode()).hexdigest()[:16]}@{cust.email.split('@')[1]}>"
            )
            set_body(msg, rng, body)
        else:
            body = (
                f"{hello}\n\nVeuillez trouver notre commande {number} pour les articles habituels, livraison à l'adresse habituelle."
                + sig
            )
            msg = new_message(rng, item.seed, cust, f"Commande {number}")
            domain = cust.email.split("@")[1]
            img = f'<img src="cid:{logo_cid(item.seed, domain)}" alt="logo"></body>'
            set_body(msg, rng, body, html=to_html(body).replace("</body>", img))
            add_inline_logo(msg, item.seed, domain)
    else:
        msg = lookalike(item, rng, cust, hello, sig, dr, data, ext)
    raw = finish(msg, item.seed)
    if placeholder:
        raw = rfc2047_filename(raw, placeholder, real_name)
    return raw
