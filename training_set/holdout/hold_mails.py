"""Mails as customers really write them, built with the stdlib ``email`` package.

Label rule for mails: ``is_order`` is 1 when the mail places an order (an order document
attached, or a quote signed 'bon pour accord' / 'nous validons votre offre' with its scan).
For an order mail, ``order_number``/``vat``/``siret`` are those of the attached document
(empty for a signed quote, which carries no customer order number). A non-order mail has
all three empty, even when it mentions or attaches an order (status questions).
Dates, Message-IDs and MIME boundaries are fixed so the bytes never change.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from hold_scans import ScanPlan, scan
from PIL import Image, ImageDraw

US = "commandes@emd-instruments.fr"
SIGNATURES = [
    "Cordialement,\n{name}\nService Achats\n{company}\nTél. {phone}",
    "Bien à vous,\n{name}\n{company}",
    "--\n{name} | Acheteuse\n{company}\n{phone}",
    "Best regards,\n{name}\nProcurement\n{company}",
]


@dataclass(frozen=True)
class Mail:
    path: str
    data: bytes
    is_order: bool
    order_number: str = ""
    vat: str = ""
    siret: str = ""


def _logo(seed: int) -> bytes:
    img = Image.new("RGB", (120, 40), (20, 60, 120))
    draw = ImageDraw.Draw(img)
    draw.rectangle((6, 6, 34, 34), fill=(240, 180, 0))
    draw.text((44, 14), f"LOGO{seed % 100:02d}", fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=False)
    return buf.getvalue()


class _Builder:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.n = 0
        self.when = dt.datetime(2024, 9, 2, 7, 45, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    def base(self, sender: str, subject: str, rng: random.Random) -> EmailMessage:
        self.n += 1
        msg = EmailMessage(policy=policy.SMTP)
        name, addr = sender.split("|")
        msg["From"] = f'"{name}" <{addr}>'
        msg["To"] = US
        msg["Subject"] = subject
        self.when += dt.timedelta(minutes=rng.randint(3, 400))
        msg["Date"] = format_datetime(self.when)
        msg["Message-ID"] = f"<holdout.{self.seed}.{self.n:04d}@{addr.split('@')[1]}>"
        return msg

    def finish(self, msg: EmailMessage) -> bytes:
        for i, part in enumerate(msg.walk()):
            if part.is_multipart():
                part.set_boundary(f"----=_Part_{self.seed}_{self.n:04d}_{i}")
        return msg.as_bytes()


def _attach(msg: EmailMessage, data: bytes, filename: str, octet: bool = False) -> None:
    ext = filename.rsplit(".", 1)[-1].lower()
    maintype, subtype = {
        "pdf": ("application", "pdf"),
        "jpg": ("image", "jpeg"),
        "png": ("image", "png"),
        "tif": ("image", "tiff"),
    }[ext]
    if octet:
        maintype, subtype = "application", "octet-stream"
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def _sig(
    rng: random.Random, company: str, english: bool = False, domain: str = ""
) -> tuple[str, str]:
    first = rng.choice(
        ["Sophie Garnier", "Julien Roux", "Nadia Benali", "Claire Dubois", "Thomas Moreau"]
    )
    tpl = SIGNATURES[3] if english else rng.choice(SIGNATURES[:3])
    sig = tpl.format(
        name=first,
        company=company,
        phone=f"04 7{rng.randint(0, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    )
    domain = domain or f"{company.split()[0].lower().strip('-,&')}.fr"
    addr = f"{first.split()[0][0].lower()}.{first.split()[1].lower()}@{domain}"
    return sig, f"{first}|{addr}"


ORDER_STYLES = [
    "terse",
    "verbose",
    "english",
    "forward",
    "reply_top",
    "outlook_html",
    "gmail_alt",
    "octet_rfc2231",
    "rfc822_forward",
]


def _order_mail(b: _Builder, rng: random.Random, doc: Any, style: str) -> EmailMessage:
    company = doc.customer
    sig, sender = _sig(rng, company, style == "english", doc.email.split("@")[1])
    num = doc.order_number
    ext = doc.path.rsplit(".", 1)[-1]
    fname = (
        rng.choice(
            [
                f"Commande_{num.replace('/', '-').replace(' ', '_')}.{ext}",
                f"BC {num.replace('/', '-')}.{ext}",
                f"scan{rng.randint(1, 999):04d}.{ext}",
                f"document.{ext}",
            ]
        )
        if num
        else f"scan.{ext}"
    )
    if style == "terse":
        msg = b.base(
            sender, rng.choice([f"Commande {num}", "Commande", "Bon de commande", "BDC"]), rng
        )
        msg.set_content(f"Bonjour,\n\nCi-joint notre commande.\n\n{sig}\n")
    elif style == "verbose":
        msg = b.base(sender, f"Nouvelle commande - {company}", rng)
        msg.set_content(
            "Bonjour Monsieur,\n\nComme convenu par téléphone ce matin, vous trouverez en pièce jointe notre bon "
            "de commande pour le matériel de mesure. Merci de bien vouloir nous envoyer un accusé de réception "
            "de commande avec la date de livraison prévue, et de rappeler notre numéro de commande sur "
            "le bon de livraison et la facture.\n\nLa livraison se fera au quai 3, du lundi au vendredi de 8 h à 16 h.\n\n"
            f"Par avance merci,\n\n{sig}\n"
        )
    elif style == "english":
        msg = b.base(sender, rng.choice([f"PO {num}", "Purchase order", f"New order {num}"]), rng)
        msg.set_content(
            f"Hello,\n\nPlease find attached our purchase order. Kindly confirm receipt and delivery date.\n\n{sig}\n"
        )
    elif style == "forward":
        msg = b.base(sender, f"TR: Commande {num}", rng)
        msg.set_content(
            f"Bonjour,\nje vous transfère la commande de notre service technique.\n\n{sig}\n\n"
            "-------- Message transféré --------\nDe : Service technique\nObjet : Commande matériel\n\n"
            "Peux-tu transmettre la commande ci-jointe au fournisseur ?\nMerci\n"
        )
    elif style == "reply_top":
        quote = f"D2024-{rng.randint(100, 9999):04d}"
        msg = b.base(sender, f"RE: Votre devis {quote}", rng)
        msg["In-Reply-To"] = f"<quote.{quote}@emd-instruments.fr>"
        msg["References"] = f"<quote.{quote}@emd-instruments.fr>"
        msg.set_content(
            f"Bonjour,\n\nSuite à votre devis, veuillez trouver ci-joint notre commande.\n\n{sig}\n\n"
            f"Le {rng.randint(1, 28)}/0{rng.randint(1, 8)}/2024, Marc Vial a écrit :\n"
            f"> Bonjour,\n> Veuillez trouver ci-joint notre devis {quote}.\n> Restant à votre disposition,\n> Marc Vial\n"
        )
    elif style == "outlook_html":
        msg = b.base(sender, rng.choice([f"Commande {num}", "Bon de commande"]), rng)
        msg["X-Mailer"] = "Microsoft Outlook 16.0"
        msg["Thread-Index"] = f"AdqH{b.n:04d}xYz"
        html = (
            '<html><body><p class="MsoNormal">Bonjour,</p><p class="MsoNormal">Veuillez trouver ci-joint notre '
            'bon de commande.</p><p class="MsoNormal">Cordialement</p>'
            f'<p><img src="cid:image001.png@01DA{b.n:04d}" width="120" height="40"><br>{company}</p></body></html>'
        )
        msg.set_content(html, subtype="html")
        msg.add_related(
            _logo(b.n),
            maintype="image",
            subtype="png",
            cid=f"<image001.png@01DA{b.n:04d}>",
            filename="image001.png",
        )
    elif style == "gmail_alt":
        msg = b.base(sender, f"commande {num}", rng)
        msg.set_content(f"Bonjour,\n\nvoici notre commande.\n\nBonne journée\n{sig}\n")
        msg.add_alternative(
            f'<div dir="ltr">Bonjour,<br><br>voici notre commande.<br><br>Bonne journée<br>{sig.replace(chr(10), "<br>")}</div>',
            subtype="html",
        )
    elif style == "octet_rfc2231":
        msg = b.base(sender, "Commande réf. été", rng)
        msg.set_content(f"Bonjour, notre commande en pièce jointe.\n{sig}\n")
        _attach(
            msg, doc.data, f"Bon de commande n°{num.replace('/', '-')} réf été.{ext}", octet=True
        )
        return msg
    else:  # rfc822_forward: the original order mail attached as message/rfc822
        inner = b.base(sender, f"Commande {num}", rng)
        inner.set_content("Bonjour,\n\nci-joint notre commande.\n")
        _attach(inner, doc.data, fname)
        for i, part in enumerate(inner.walk()):
            if part.is_multipart():
                part.set_boundary(f"----=_Inner_{b.seed}_{b.n:04d}_{i}")
        msg = b.base(sender, f"Fwd: Commande {num}", rng)
        msg.set_content(f"Bonjour,\nmessage d'origine en pièce jointe.\n\n{sig}\n")
        msg.add_attachment(inner)
        return msg
    _attach(msg, doc.data, fname)
    return msg


NON_ORDERS = [
    (
        "status",
        "Où en est notre commande {num} ?",
        "Bonjour,\n\nPouvez-vous nous indiquer où en est notre commande {num} passée le mois dernier ? Nous n'avons toujours rien reçu.\n\n{sig}\n",
        "order",
    ),
    (
        "status_attached",
        "Relance commande {num}",
        "Bonjour,\n\nnous n'avons pas reçu d'accusé de réception pour la commande ci-jointe. Merci de nous confirmer la date de livraison.\n\n{sig}\n",
        "order",
    ),
    (
        "dispute",
        "Litige facture",
        "Bonjour,\n\nla facture jointe comporte une erreur de prix unitaire sur la ligne 2 (tarif du devis non respecté). Merci de nous faire parvenir un avoir.\n\n{sig}\n",
        "neg_invoice",
    ),
    (
        "delivery",
        "Livraison",
        "Bonjour,\n\nle colis livré ce matin était endommagé ; pouvez-vous organiser un enlèvement ? Merci de nous indiquer un créneau.\n\n{sig}\n",
        None,
    ),
    (
        "quote_request",
        "Demande de prix",
        "Bonjour,\n\nmerci de nous faire une offre pour 10 sondes Pt100 classe A et 2 enregistreurs 8 voies, livraison Grenoble.\n\n{sig}\n",
        None,
    ),
    (
        "quote_request_en",
        "Request for quotation",
        "Hello,\n\nCould you please send us a quote for 5 handheld calibrators, delivered to our Cambridge site?\n\n{sig}\n",
        None,
    ),
    (
        "quote_revision",
        "Actualisation de votre offre",
        "Bonjour,\n\nVeuillez actualiser votre offre en PJ avec les nouveaux tarifs 2024 et un délai de 3 semaines.\n\n{sig}\n",
        "neg_quote",
    ),
    (
        "invoice_in",
        "Facture",
        "Bonjour,\n\nVeuillez trouver ci-joint notre facture. Bonne réception.\n\n{sig}\n",
        "neg_invoice",
    ),
    (
        "delivery_note",
        "Votre bon de livraison",
        "Bonjour,\n\nci-joint le bon de livraison signé avec réserves.\n\n{sig}\n",
        "neg_delivery_note",
    ),
    (
        "statement",
        "Relevé de compte",
        "Bonjour,\n\nnous ne retrouvons pas les factures de votre relevé joint ; pourriez-vous nous en envoyer les duplicatas ?\n\n{sig}\n",
        "neg_statement",
    ),
    (
        "technical",
        "Question technique",
        "Bonjour,\n\nle transmetteur de pression référence 30045872 peut-il fonctionner en 4-20 mA avec une alimentation 12 V ?\n\n{sig}\n",
        None,
    ),
]


def build_mails(docs: list[Any], seed: int) -> list[Mail]:
    rng = random.Random(f"{seed}:mails")
    b = _Builder(seed)
    small = [d for d in docs if len(d.data) < 1_500_000]
    orders = [d for d in small if d.order_number]
    mails: list[Mail] = []
    for i in range(36):
        style = ORDER_STYLES[i % len(ORDER_STYLES)]
        doc = orders[(i * 7) % len(orders)]
        msg = _order_mail(b, rng, doc, style)
        mails.append(
            Mail(
                f"mails/order/{i + 1:03d}_{style}.eml",
                b.finish(msg),
                True,
                doc.order_number,
                doc.vat,
                doc.siret,
            )
        )
    signed = [d for d in docs if d.family == "neg_signed_quote" and d.kind == "pdf-text"]
    for i, doc in enumerate(signed):  # 'bon pour accord': the signed quote comes back as a scan
        plan = ScanPlan(
            ["office", "phone", "photocopy"][i % 3],
            150,
            0.8 * (i - 1),
            (0, 0),
            "jpg" if i == 1 else "pdf",
        )
        data = scan(doc.data, plan, seed=seed + 900 + i)
        sig, sender = _sig(rng, doc.customer, False, doc.email.split("@")[1])
        quote_no = f"D2024-{rng.randint(100, 9999):04d}"
        msg = b.base(
            sender,
            rng.choice(["Bon pour accord", f"Validation devis {quote_no}", "TR: devis signé"]),
            rng,
        )
        msg.set_content(
            f"Bonjour,\n\nNous validons votre offre {quote_no}, ci-joint le devis signé bon pour accord.\n\n{sig}\n"
        )
        _attach(msg, data, f"devis_signe.{plan.fmt}")
        mails.append(
            Mail(f"mails/order/bpa_{i + 1:02d}.eml", b.finish(msg), True, "", doc.vat, doc.siret)
        )
    by_family: dict[str, list[Any]] = {}
    for d in small:
        by_family.setdefault(d.family, []).append(d)
    for i in range(22):
        key, subject, body, attach = NON_ORDERS[i % len(NON_ORDERS)]
        any_order = orders[(i * 5 + 3) % len(orders)]
        num = any_order.order_number
        sig, sender = _sig(
            rng, any_order.customer, key.endswith("_en"), any_order.email.split("@")[1]
        )
        msg = b.base(sender, subject.format(num=num), rng)
        msg.set_content(body.format(num=num, sig=sig))
        if attach == "order":
            if key == "status_attached":
                _attach(msg, any_order.data, any_order.path.rsplit("/", 1)[-1])
        elif attach:
            pool = by_family[attach]
            d = pool[i % len(pool)]
            _attach(msg, d.data, d.path.rsplit("/", 1)[-1])
        mails.append(Mail(f"mails/other/{i + 1:03d}_{key}.eml", b.finish(msg), False))
    mails.extend(_automatic(b, rng))
    return mails


def _automatic(b: _Builder, rng: random.Random) -> list[Mail]:
    """Mails no human wrote: auto-replies, newsletters, carrier notices."""
    out: list[Mail] = []
    for i in range(3):
        msg = b.base(
            f"Service Achats|achats{i}@client-auto.fr",
            rng.choice(
                [
                    "Réponse automatique : Commande",
                    "Absence du bureau",
                    "Automatic reply: Purchase order",
                ]
            ),
            rng,
        )
        msg["Auto-Submitted"] = "auto-replied"
        msg["X-Auto-Response-Suppress"] = "All"
        msg.set_content(
            "Bonjour,\nJe suis absente jusqu'au 16 septembre. Pour toute commande urgente, contactez le 04 76 00 00 00.\n"
        )
        out.append(Mail(f"mails/other/auto_{i + 1:02d}_ooo.eml", b.finish(msg), False))
    for i in range(3):
        msg = b.base(
            "Mesures Mag|news@mesures-mag.fr",
            [
                "La lettre des achats industriels - septembre",
                "Offre spéciale : -20 % sur les commandes de rentrée",
                "Webinaire : dématérialiser vos bons de commande",
            ][i],
            rng,
        )
        msg["List-Unsubscribe"] = f"<https://mesures-mag.fr/unsubscribe?u={b.n}>"
        msg["List-Id"] = "<lettre.mesures-mag.fr>"
        msg["Precedence"] = "bulk"
        msg.set_content(
            "Découvrez nos offres : passez commande avant le 30/09 et bénéficiez de la livraison gratuite.\n"
        )
        msg.add_alternative(
            "<html><body><h1>Offres de rentrée</h1><p>Passez commande avant le 30/09.</p></body></html>",
            subtype="html",
        )
        out.append(Mail(f"mails/other/news_{i + 1:02d}.eml", b.finish(msg), False))
    msg = b.base(
        "Geodis|noreply@geodis-suivi.fr",
        f"Votre colis {rng.randint(10**11, 10**12 - 1)} a été livré",
        rng,
    )
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content("Votre colis a été livré le 03/09/2024 à 10:42. Signataire : ACCUEIL.\n")
    out.append(Mail("mails/other/carrier_01.eml", b.finish(msg), False))
    return out
