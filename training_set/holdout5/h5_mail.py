"""Mails of holdout5, written with the standard library's `email` package.

An order mail carries a document of this corpus byte for byte (its order_number is that
document's label); offer validations and "bon pour accord" mails carry our signed quote scan
(orders without a number). Look-alikes: status questions, quote updates, invoices, delivery
notices, acknowledgement replies, auto-replies, a newsletter, order wording with only an
inline signature logo, reply chains quoting an old order, payment reminders. Message-IDs and
boundaries come from the mail Random, so the mails are the same bytes at every run.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
import zipfile
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

import h5_data as D
from PIL import Image, ImageDraw

US = D.OWN.email_domain
TZ = dt.timezone(dt.timedelta(hours=1))


@dataclass
class Mail:
    path: str
    data: bytes
    is_order: bool
    order_number: str = ""


class Ctx:
    """What a mail needs to know of the corpus documents."""

    def __init__(self, rng: random.Random, items) -> None:
        self.rng = rng
        self.items = items
        self.used: set[str] = set()
        self.n = 0

    def pick(self, pred, size_max: int = 400_000):
        cands = [
            it
            for it in self.items
            if pred(it) and it.path not in self.used and len(it.data) <= size_max
        ]
        if not cands:
            cands = [it for it in self.items if pred(it) and len(it.data) <= size_max]
        it = self.rng.choice(cands)
        self.used.add(it.path)
        return it


def _person(rng: random.Random, domain: str) -> tuple[str, str]:
    first, last = D.person(rng)
    local = f"{first[0]}.{last}".lower().replace(" ", "").replace("é", "e").replace("è", "e")
    return f"{first} {last}", f"{local}@{domain}"


def _date(rng: random.Random, day: D.Day) -> str:
    t = dt.datetime(
        day.y, day.m, day.d, rng.randrange(7, 19), rng.randrange(60), rng.randrange(60), tzinfo=TZ
    )
    return format_datetime(t)


def _msgid(rng: random.Random, domain: str) -> str:
    return f"<{rng.getrandbits(64):016x}.{rng.getrandbits(32):08x}@{domain}>"


def _logo_png(rng: random.Random, text: str) -> bytes:
    im = Image.new("RGB", (120, 40), rng.choice([(18, 60, 105), (120, 30, 60), (20, 110, 80)]))
    ImageDraw.Draw(im).text((10, 12), text[:14], fill=(255, 255, 255))
    b = io.BytesIO()
    im.save(b, "PNG")
    return b.getvalue()


def _mime_of(path: str) -> tuple[str, str]:
    ext = path.rsplit(".", 1)[-1].lower()
    return {
        "pdf": ("application", "pdf"),
        "jpg": ("image", "jpeg"),
        "png": ("image", "png"),
        "tif": ("image", "tiff"),
    }[ext]


def _base(rng, frm: str, to: str, subject: str, day: D.Day, domain: str) -> EmailMessage:
    m = EmailMessage(policy=policy.default)
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = _date(rng, day)
    m["Message-ID"] = _msgid(rng, domain)
    return m


def _attach(m: EmailMessage, it, filename: str | None = None, octet: bool = False) -> None:
    name = filename or it.path.rsplit("/", 1)[-1]
    if octet:
        m.add_attachment(it.data, maintype="application", subtype="octet-stream", filename=name)
    else:
        mt, st = _mime_of(it.path)
        m.add_attachment(it.data, maintype=mt, subtype=st, filename=name)


def _html(paras: list[str], sig: str, logo_cid: str | None = None, cls: str = "") -> str:
    body = "".join(f"<p class={cls or 'MsoNormal'}>{html.escape(p)}</p>" for p in paras)
    logo = (
        f'<p><img src="cid:{logo_cid}" width="120" height="40" alt="logo"></p>' if logo_cid else ""
    )
    sig_html = "<br>".join(html.escape(s) for s in sig.splitlines())
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        "<style>p.MsoNormal{margin:0cm;font-size:11pt;font-family:Calibri,sans-serif}</style>"
        f'</head><body lang="FR"><div class="WordSection1">{body}<p>{sig_html}</p>{logo}</div>'
        "</body></html>"
    )


def _sig(name: str, cust: D.Party, role: str) -> str:
    return f"{name}\n{role}\n{cust.name}\n{cust.street}, {cust.city_line}\nTél. {cust.phone}"


def _fname(rng: random.Random, it) -> str:
    ext = it.path.rsplit(".", 1)[-1]
    lab = it.doc.label.replace("/", "-").replace(" ", "_")
    return rng.choice(
        [
            f"BC_{lab}.{ext}",
            f"Commande {lab}.{ext}",
            f"{lab}.{ext}",
            f"commande.{ext}",
            f"PO_{lab}.{ext}",
            f"Bon de commande.{ext}",
        ]
    )


ORDER_LINES = [
    "Veuillez trouver ci-joint notre commande n° {n}.",
    "Bonjour, ci-joint notre bon de commande {n} suivant votre devis {q}.",
    "Merci de bien vouloir enregistrer la commande jointe ({n}) et nous confirmer le délai.",
    "Vous trouverez en pièce jointe notre commande, référence {n}.",
    "Suite à votre offre {q}, nous vous passons commande : voir le bon de commande joint.",
    "Ci-joint le BC {n}. Merci de nous envoyer l'accusé de réception.",
]


# --------------------------------------------------------------------------------------------
# order mails
# --------------------------------------------------------------------------------------------


def order_outlook(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f'"{name}" <{addr}>',
        f"commandes@{US}",
        f"Commande {it.doc.label}",
        it.doc.day,
        c.email_domain,
    )
    m["X-Mailer"] = "Microsoft Outlook 16.0"
    m["Thread-Index"] = "AdtZ" + "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh0123456789") for _ in range(24)
    )
    m["Content-Language"] = "fr-FR"
    m["X-MS-Has-Attach"] = "yes"
    line = rng.choice(ORDER_LINES).format(n=it.doc.label, q=it.doc.quote)
    paras = ["Bonjour,", line, "Cordialement,"]
    sig = _sig(
        name, c, rng.choice(["Service achats", "Acheteuse", "Responsable approvisionnements"])
    )
    m.set_content("\n\n".join(paras) + "\n\n" + sig + "\n")
    cid = f"image001.png@01DB{rng.getrandbits(32):08X}.{rng.getrandbits(32):08X}"
    m.add_alternative(_html(paras, sig, cid), subtype="html")
    m.get_payload()[1].add_related(
        _logo_png(rng, c.name),
        maintype="image",
        subtype="png",
        cid=f"<{cid}>",
        filename="image001.png",
        disposition="inline",
    )
    _attach(m, it, _fname(rng, it))
    return m


def order_gmail(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, "gmail.com")
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"contact@{US}",
        rng.choice([f"commande {it.doc.label}", "Bon de commande", f"Cde {c.name.split()[0]}"]),
        it.doc.day,
        "mail.gmail.com",
    )
    line = rng.choice(ORDER_LINES).format(n=it.doc.label, q=it.doc.quote)
    text = f"Bonjour,\n\n{line}\n\nBonne journée\n\n-- \n{name}\n{c.name}\n{c.phone}\n"
    m.set_content(text)
    m.add_alternative(
        f'<div dir="ltr">Bonjour,<div><br></div><div>{html.escape(line)}</div><div><br></div>'
        f'<div>Bonne journée</div><br><div class="gmail_signature">{html.escape(name)}<br>'
        f"{html.escape(c.name)}<br>{c.phone}</div></div>",
        subtype="html",
    )
    _attach(m, it, _fname(rng, it))
    return m


def order_apple(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, rng.choice(["icloud.com", "orange.fr", c.email_domain]))
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"commandes@{US}",
        rng.choice(["Commande", "Bon de commande signé", f"Commande {c.city}", "Cde"]),
        it.doc.day,
        "icloud.com",
    )
    m["X-Mailer"] = "iPhone Mail (22B91)"
    m.set_content(
        rng.choice(
            [
                "Bonjour\nVoici notre commande.\nCdlt",
                "Bonjour, ci-joint la commande signée.",
                "Bonjour,\nBon de commande en pièce jointe, merci.\nCordialement",
            ]
        )
        + f"\n{name}\n\nEnvoyé de mon iPhone\n"
    )
    ext = it.path.rsplit(".", 1)[-1]
    fname = rng.choice(
        [
            f"IMG_{rng.randrange(1000, 9999)}.{ext.upper() if ext == 'jpg' else ext}",
            f"Scan {it.doc.day.iso()} {rng.randrange(10, 18)}.{rng.randrange(10, 59)}.{ext}",
        ]
    )
    _attach(m, it, fname)
    return m


def order_thunderbird(ctx: Ctx, it, latin1: bool = False) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"adv@{US}",
        f"Commande n° {it.doc.label}",
        it.doc.day,
        c.email_domain,
    )
    m["User-Agent"] = "Mozilla Thunderbird"
    text = (
        "Bonjour,\n\n"
        + rng.choice(ORDER_LINES).format(n=it.doc.label, q=it.doc.quote)
        + "\nLivraison souhaitée avant la fin du mois, à l'adresse indiquée sur le bon.\n\n"
        + f"Très cordialement,\n\n-- \n{name}\n{c.name} - Service achats\nTél. {c.phone}\n"
    )
    if latin1:
        m.set_content(text, charset="iso-8859-1", cte="quoted-printable")
    else:
        m.set_content(text, params={"format": "flowed"})
    _attach(m, it, _fname(rng, it))
    return m


def order_webmail(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, rng.choice(["orange.fr", "laposte.net", "free.fr", "wanadoo.fr"]))
    m = _base(
        rng, f"{name} <{addr}>", f"commandes@{US}", "commande", it.doc.day, addr.split("@")[1]
    )
    m["User-Agent"] = rng.choice(["Roundcube Webmail/1.6.9", "Open-Xchange Mailer v7.10.6"])
    line = rng.choice(ORDER_LINES).format(n=it.doc.label, q=it.doc.quote)
    m.set_content(f"Bonjour\n\n{line}\n\nSalutations\n{name}\n{c.name}\n")
    m.add_alternative(
        f"<html><body><p>Bonjour</p><p>{html.escape(line)}</p><p>Salutations<br>{html.escape(name)}"
        f"<br>{html.escape(c.name)}</p><p style='font-size:8pt;color:#888'>Message envoyé depuis "
        "le webmail</p></body></html>",
        subtype="html",
    )
    _attach(m, it, _fname(rng, it))
    return m


def order_forward(ctx: Ctx, it, how: str) -> EmailMessage:
    """Our salesman forwards the customer's order to the order desk."""
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    rep, rep_addr = _person(rng, US)
    orig_subject = f"Commande {it.doc.label}"
    line = rng.choice(ORDER_LINES).format(n=it.doc.label, q=it.doc.quote)
    if how == "rfc822":
        inner = _base(
            rng, f"{name} <{addr}>", f"{rep} <{rep_addr}>", orig_subject, it.doc.day, c.email_domain
        )
        inner.set_content(f"Bonjour {rep.split()[0]},\n\n{line}\n\nCordialement\n{name}\n")
        _attach(inner, it, _fname(rng, it))
        m = _base(
            rng, f"{rep} <{rep_addr}>", f"adv@{US}", f"Fwd: {orig_subject}", it.doc.day.plus(1), US
        )
        m.set_content("Pour saisie, merci.\n\n" + rep + "\n")
        m.add_attachment(inner)
        return m
    m = _base(
        rng,
        f"{rep} <{rep_addr}>",
        f"adv@{US}",
        ("TR: " if how == "outlook" else "Fwd: ") + orig_subject,
        it.doc.day,
        US,
    )
    if how == "outlook":
        m["X-Mailer"] = "Microsoft Outlook 16.0"
        quoted = (
            f"-----Message d'origine-----\nDe : {name} <{addr}>\nEnvoyé : {it.doc.day.fr()}\n"
            f"À : {rep} <{rep_addr}>\nObjet : {orig_subject}\n\nBonjour,\n{line}\n"
        )
    else:
        quoted = (
            f"---------- Forwarded message ---------\nDe : {name} <{addr}>\n"
            f"Date: {it.doc.day.long()}\nSubject: {orig_subject}\nTo: <{rep_addr}>\n\n"
            f"Bonjour,\n{line}\n"
        )
    m.set_content(f"Bonjour,\nCommande de {c.name} ci-dessous, à saisir.\n{rep}\n\n{quoted}")
    _attach(m, it, _fname(rng, it))
    return m


def order_octet(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"commandes@{US}",
        "Envoi bon de commande",
        it.doc.day,
        c.email_domain,
    )
    m.set_content(
        "Bonjour,\n\nVeuillez trouver ci-joint notre commande.\n\nCordialement,\n" + name + "\n"
    )
    ext = it.path.rsplit(".", 1)[-1]
    fname = rng.choice(
        [
            f"Commande n°{it.doc.label.replace('/', '-')} réf.{ext}",
            f"Bon_de_commande_{c.city}_é.{ext}",
            f"Commande fournisseur – {it.doc.day.fr().replace('/', '.')}.{ext}",
        ]
    )
    _attach(m, it, fname, octet=True)
    return m


def order_zip(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"commandes@{US}",
        f"Commande {it.doc.label} (zip)",
        it.doc.day,
        c.email_domain,
    )
    m.set_content(
        "Bonjour,\n\nNotre bon de commande est dans l'archive jointe (notre messagerie "
        "bloque certains PDF).\n\nCordialement,\n" + name + "\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(
            _fname(rng, it), date_time=(it.doc.day.y, it.doc.day.m, it.doc.day.d, 9, 0, 0)
        )
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, it.data)
    m.add_attachment(buf.getvalue(), maintype="application", subtype="zip", filename="commande.zip")
    return m


def order_english(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"orders@{US}",
        f"Purchase Order {it.doc.label}",
        it.doc.day,
        c.email_domain,
    )
    m.set_content(
        f"Dear Sir or Madam,\n\nPlease find attached our purchase order {it.doc.label} "
        f"(your quotation {it.doc.quote}).\nKindly acknowledge receipt and confirm the delivery "
        f"date.\n\nBest regards,\n{name}\nProcurement, {c.name}\n"
    )
    _attach(m, it, _fname(rng, it))
    return m


def offer_validation(ctx: Ctx, it, bpa: bool) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    q = it.doc.quote
    if bpa:
        subj, text = (
            f"RE: Devis {q}",
            "Bonjour,\n\nBon pour accord, devis signé en pièce jointe."
            "\nMerci de lancer la fabrication.\n\n" + name + "\n",
        )
    else:
        subj, text = (
            f"Validation offre {q}",
            f"Bonjour,\n\nNous validons votre offre n° {q}. "
            "Vous trouverez ci-joint le devis signé avec notre cachet.\n"
            "Merci de nous confirmer le délai de livraison.\n\nCordialement,\n" + name + "\n",
        )
    m = _base(rng, f"{name} <{addr}>", f"commercial@{US}", subj, it.doc.day.plus(3), c.email_domain)
    m.set_content(text)
    ext = it.path.rsplit(".", 1)[-1]
    _attach(
        m, it, rng.choice([f"devis signé.{ext}", f"{q}_signe.{ext}", f"Scan_{D.d(rng, 4)}.{ext}"])
    )
    return m


# --------------------------------------------------------------------------------------------
# look-alikes
# --------------------------------------------------------------------------------------------


def status_question(ctx: Ctx, it, attach: bool) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    n = it.doc.label
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"adv@{US}",
        rng.choice(
            [
                f"Où en est notre commande {n} ?",
                f"Suivi commande {n}",
                f"RE: Commande {n} - délai ?",
            ]
        ),
        it.doc.day.plus(rng.randrange(10, 25)),
        c.email_domain,
    )
    m.set_content(
        f"Bonjour,\n\nOù en est notre commande n° {n} ? Nous n'avons reçu ni accusé de réception "
        "ni date d'expédition."
        + (" Je vous la renvoie en pièce jointe." if attach else "")
        + "\nCeci n'est pas une nouvelle commande.\n\nMerci de votre retour,\n"
        + name
        + "\n"
    )
    if attach:
        _attach(m, it, _fname(rng, it))
    return m


def quote_update(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"commercial@{US}",
        f"Actualisation devis {it.doc.quote}",
        it.doc.day.plus(20),
        c.email_domain,
    )
    m.set_content(
        f"Bonjour,\n\nVeuillez actualiser votre offre {it.doc.quote} ci-jointe : les quantités "
        "changent et la validité est dépassée. Nous passerons commande à réception de la "
        "nouvelle offre.\n\nCordialement,\n" + name + "\n"
    )
    _attach(m, it, f"{it.doc.quote}.pdf")
    return m


def invoice_mail(ctx: Ctx, it, kind: str) -> EmailMessage:
    rng = ctx.rng
    if kind == "ours":
        c = it.doc.cust
        fa = f"FA26-{D.nz(rng, 5)}"
        m = _base(
            rng,
            f"Brévanne Techniques - Comptabilité <compta@{US}>",
            f"factures@{c.email_domain}",
            f"Votre facture {fa}",
            it.doc.day.plus(9),
            US,
        )
        m["Cc"] = f"adv@{US}"
        m.set_content(
            f"Bonjour,\n\nVotre facture {fa} relative à votre commande {it.doc.label} "
            "est disponible sur votre espace client.\nÉchéance : 45 jours fin de mois."
            "\n\nService comptabilité\n"
        )
        return m
    c = it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"compta@{US}",
        "Relevé de compte fournisseur",
        it.doc.day.plus(2),
        c.email_domain,
    )
    m.set_content(
        "Bonjour,\n\nVeuillez trouver notre relevé de votre compte fournisseur. Merci de "
        "nous adresser les duplicatas des factures non soldées.\n\n" + name + "\n"
    )
    _attach(m, it, "releve_compte.pdf")
    return m


def delivery_notice(ctx: Ctx, it, carrier: bool) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    if carrier:
        track = f"6A{D.d(rng, 11)}"
        m = _base(
            rng,
            "Suivi Colis <no-reply@suivi-colis.example>",
            f"expeditions@{US}",
            f"Votre colis {track} a été livré",
            it.doc.day.plus(6),
            "suivi-colis.example",
        )
        m.set_content(f"Votre colis {track} a été livré le {it.doc.day.plus(6).fr()} à {c.city}.")
        m.add_alternative(
            f"<html><body><h2>Colis livré</h2><p>Votre colis <b>{track}</b> (réf. expéditeur "
            f"{it.doc.label}) a été livré à {html.escape(c.city)}.</p></body></html>",
            subtype="html",
        )
        return m
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"adv@{US}",
        f"Livraison commande {it.doc.label}",
        it.doc.day.plus(8),
        c.email_domain,
    )
    m.set_content(
        f"Bonjour,\n\nLivraison reçue ce matin pour notre commande {it.doc.label}, "
        "complète. Le BL signé suit par courrier.\n\n" + name + "\n"
    )
    return m


def ack_reply(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"adv@{US}",
        f"RE: Accusé de réception de votre commande {it.doc.quoted}",
        it.doc.day.plus(1),
        c.email_domain,
    )
    m.set_content(
        "Bonjour,\n\nMerci pour l'accusé de réception ci-joint ; le délai nous convient."
        "\n\nCordialement,\n" + name + "\n"
    )
    _attach(m, it, "AR_commande.pdf")
    return m


def auto_reply(ctx: Ctx, day: D.Day, english: bool) -> EmailMessage:
    rng = ctx.rng
    cust = D.make_customer(rng, "ent")
    name, addr = _person(rng, cust.email_domain)
    subj = "Automatic reply: Order confirmation" if english else "Réponse automatique : Commande"
    m = _base(rng, f"{name} <{addr}>", f"adv@{US}", subj, day, cust.email_domain)
    m["Auto-Submitted"] = "auto-replied"
    m["X-Auto-Response-Suppress"] = "All"
    if english:
        m.set_content(
            f"I am out of the office until {day.plus(10).fr()} with limited access to "
            "e-mail. For purchase orders please contact purchasing@" + cust.email_domain + ".\n"
        )
    else:
        m.set_content(
            f"Bonjour,\nJe suis absente jusqu'au {day.plus(7).fr()}. Pour toute commande "
            "urgente, merci de contacter le service achats.\n" + name + "\n"
        )
    return m


def newsletter(ctx: Ctx, day: D.Day) -> EmailMessage:
    rng = ctx.rng
    m = _base(
        rng,
        "Salon Industrie Ouest <news@salon-industrie.example>",
        f"contact@{US}",
        "Nouveautés : commandez vos badges pour le salon",
        day,
        "salon-industrie.example",
    )
    m["List-Unsubscribe"] = "<https://salon-industrie.example/unsubscribe?u=" + D.d(rng, 8) + ">"
    m["Precedence"] = "bulk"
    text = (
        "Commandez dès maintenant vos badges gratuits. Bon de commande exposant en ligne. "
        "Code promo SALON2026."
    )
    m.set_content(text)
    m.add_alternative(
        '<html><body><img src="cid:banner@salon"><h1>Salon Industrie Ouest</h1>'
        f"<p>{html.escape(text)}</p></body></html>",
        subtype="html",
    )
    m.get_payload()[1].add_related(
        _logo_png(rng, "SALON 2026"),
        maintype="image",
        subtype="png",
        cid="<banner@salon>",
        filename="banner.png",
        disposition="inline",
    )
    return m


def inline_logo(ctx: Ctx, it) -> EmailMessage:
    """Order wording, but the only part besides the text is the signature logo."""
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    m = _base(
        rng,
        f'"{name}" <{addr}>',
        f"commandes@{US}",
        f"Commande {it.doc.label}",
        it.doc.day,
        c.email_domain,
    )
    m["X-Mailer"] = "Microsoft Outlook 16.0"
    paras = [
        "Bonjour,",
        f"Veuillez trouver ci-joint notre commande {it.doc.label}.",
        "Cordialement,",
    ]
    sig = _sig(name, c, "Service achats")
    m.set_content("\n\n".join(paras) + "\n\n" + sig + "\n")
    cid = f"image001.png@01DB{rng.getrandbits(32):08X}.{rng.getrandbits(32):08X}"
    m.add_alternative(_html(paras, sig, cid), subtype="html")
    m.get_payload()[1].add_related(
        _logo_png(rng, c.name),
        maintype="image",
        subtype="png",
        cid=f"<{cid}>",
        filename="image001.png",
        disposition="inline",
    )
    return m


def reply_chain(ctx: Ctx, it) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    name, addr = _person(rng, c.email_domain)
    rep, rep_addr = _person(rng, US)
    n = it.doc.label
    m = _base(
        rng,
        f"{name} <{addr}>",
        f"{rep} <{rep_addr}>",
        f"RE: RE: Commande {n}",
        it.doc.day.plus(15),
        c.email_domain,
    )
    m["In-Reply-To"] = _msgid(rng, US)
    m.set_content(
        "Bonjour,\nParfait, merci. Pour la suite nous vous enverrons une nouvelle commande le "
        "mois prochain.\n" + name + "\n\n"
        f"Le {it.doc.day.plus(3).fr()}, {rep} a écrit :\n> Bonjour, votre commande {n} est partie ce "
        "jour.\n>\n> Le "
        + it.doc.day.fr()
        + f", {name} a écrit :\n>> Veuillez trouver ci-joint notre "
        f"commande {n}.\n"
    )
    return m


def payment_reminder(ctx: Ctx, it, attach: bool) -> EmailMessage:
    rng, c = ctx.rng, it.doc.cust
    if attach:
        name, addr = _person(rng, c.email_domain)
        m = _base(
            rng,
            f"{name} <{addr}>",
            f"adv@{US}",
            "Relance : notre commande en attente",
            it.doc.day,
            c.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nVous trouverez ci-joint notre courrier de relance concernant la "
            f"commande {it.doc.quoted}. Ce n'est pas une nouvelle commande.\n\n" + name + "\n"
        )
        _attach(m, it, "relance.pdf")
        return m
    fa = f"FA26-{D.nz(rng, 5)}"
    m = _base(
        rng,
        f"Relances Brévanne <relances@{US}>",
        f"compta@{c.email_domain}",
        f"Relance n°2 - facture {fa} échue",
        it.doc.day.plus(50),
        US,
    )
    m["Cc"] = f"adv@{US}"
    m.set_content(
        f"Madame, Monsieur,\n\nSauf erreur de notre part, la facture {fa} (votre commande "
        f"{it.doc.label}) reste impayée à ce jour. Merci de procéder au règlement.\n\n"
        "Service recouvrement\n"
    )
    return m


# --------------------------------------------------------------------------------------------


def build_mails(rng: random.Random, items) -> list[Mail]:
    ctx = Ctx(rng, items)
    mails: list[Mail] = []
    counters: dict[str, int] = {}

    def add(family: str, msg: EmailMessage, is_order: bool, number: str = "") -> None:
        counters[family] = counters.get(family, 0) + 1
        ctx.n += 1
        path = f"mails/{family}/mail-{ctx.n:03d}.eml"
        for part in msg.walk():  # boundaries from the mail Random: the same bytes every run
            if part.is_multipart():
                part.set_boundary(f"----=_Part_{rng.getrandbits(48):012x}")
        mails.append(Mail(path, msg.as_bytes(), is_order, number))

    def order_doc(kind: str | None = None, fams: tuple[str, ...] | None = None, size_max=200_000):
        return ctx.pick(
            lambda it: (
                bool(it.doc.label)
                and (kind is None or it.kind == kind)
                and (fams is None or it.doc.family in fams)
            ),
            size_max,
        )

    for _ in range(3):
        it = order_doc("pdf-text")
        add("order-outlook", order_outlook(ctx, it), True, it.doc.label)
    for _ in range(2):
        it = order_doc("pdf-text")
        add("order-gmail", order_gmail(ctx, it), True, it.doc.label)
    for _ in range(3):
        it = order_doc("scan", size_max=160_000)
        add("order-apple", order_apple(ctx, it), True, it.doc.label)
    it = order_doc("pdf-text")
    add("order-thunderbird", order_thunderbird(ctx, it), True, it.doc.label)
    it = order_doc("pdf-text")
    add("order-thunderbird", order_thunderbird(ctx, it, latin1=True), True, it.doc.label)
    for _ in range(2):
        it = order_doc(None, size_max=130_000)
        add("order-webmail", order_webmail(ctx, it), True, it.doc.label)
    for how in ("rfc822", "outlook", "gmail"):
        it = order_doc(None, size_max=130_000)
        add("order-forward", order_forward(ctx, it, how), True, it.doc.label)
    for _ in range(2):
        it = order_doc(None, size_max=130_000)
        add("order-octet", order_octet(ctx, it), True, it.doc.label)
    it = order_doc("pdf-text")
    add("order-zip", order_zip(ctx, it), True, it.doc.label)
    for _ in range(2):
        it = order_doc("pdf-text", ("wk_extranet_en",))
        add("order-english", order_english(ctx, it), True, it.doc.label)
    signed = [it for it in items if it.style == "signed"]
    add("offer-validation", offer_validation(ctx, signed[0], bpa=False), True, "")
    add("offer-validation", offer_validation(ctx, signed[1], bpa=False), True, "")
    add("bon-pour-accord", offer_validation(ctx, signed[0], bpa=True), True, "")

    # look-alikes
    for k in range(3):
        it = order_doc("pdf-text" if k == 0 else None)
        add("status-question", status_question(ctx, it, attach=k == 0), False)
    devis = [it for it in items if it.doc.family == "neg_devis" and it.kind == "pdf-text"]
    for _ in range(2):
        add("quote-update", quote_update(ctx, devis[0]), False)
    releve = [it for it in items if it.doc.family == "neg_releve" and it.kind == "pdf-text"]
    add("invoice", invoice_mail(ctx, order_doc(), "ours"), False)
    add("invoice", invoice_mail(ctx, releve[0], "statement"), False)
    add("delivery-notice", delivery_notice(ctx, order_doc(), carrier=True), False)
    add("delivery-notice", delivery_notice(ctx, order_doc(), carrier=False), False)
    ar = [it for it in items if it.doc.family == "neg_ar_commande" and it.kind == "pdf-text"]
    add("ack-reply", ack_reply(ctx, ar[0]), False)
    add("auto-reply", auto_reply(ctx, D.Day(2026, 10, 14), english=False), False)
    add("auto-reply", auto_reply(ctx, D.Day(2026, 11, 3), english=True), False)
    add("newsletter", newsletter(ctx, D.Day(2026, 10, 20)), False)
    for _ in range(2):
        add("inline-logo", inline_logo(ctx, order_doc()), False)
    for _ in range(2):
        add("reply-chain", reply_chain(ctx, order_doc()), False)
    relance = [it for it in items if it.doc.family == "neg_relance" and it.kind == "pdf-text"]
    add("payment-reminder", payment_reminder(ctx, relance[0], attach=True), False)
    add("payment-reminder", payment_reminder(ctx, order_doc(), attach=False), False)
    return mails
