"""Mails of the holdout4 corpus, built with the stdlib ``email`` package.

Orders carry one of the corpus's own documents as attachment (its bytes reused, so the mail's
order number is that document's label); look-alikes ask where an order is, ask to update a
quote, send back our invoice, notify a delivery, reply automatically, advertise, or use
order wording with only an inline signature logo. Imports only ``h4_data``.
"""

from __future__ import annotations

import io
import random
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import PurePosixPath

import h4_data as D
from PIL import Image, ImageDraw, ImageFont

OURS = [
    "commandes@solviane-instruments.fr",
    "adv@solviane-instruments.fr",
    "contact@solviane-instruments.fr",
]
SALES = ("Romain Vidal", "r.vidal@solviane-instruments.fr")


def logo_png(text: str, rng: random.Random) -> bytes:
    im = Image.new(
        "RGB", (150, 46), rng.choice([(31, 58, 95), (122, 59, 46), (31, 111, 92), (228, 87, 46)])
    )
    f = ImageFont.truetype("/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf", 22)
    ImageDraw.Draw(im).text((10, 10), text[:12], font=f, fill=(255, 255, 255))
    buf = io.BytesIO()
    im.quantize(8).save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def when(day: D.Day, rng: random.Random):
    import datetime

    tz = datetime.timezone(
        datetime.timedelta(hours=2 if day.m < 11 and not (day.m == 10 and day.d > 25) else 1)
    )
    return datetime.datetime(
        day.y, day.m, day.d, rng.randint(7, 18), rng.randint(0, 59), rng.randint(0, 59), tzinfo=tz
    )


def base(
    sender: tuple[str, str], to: str, subject: str, day: D.Day, rng: random.Random, domain: str
) -> EmailMessage:
    m = EmailMessage(policy=policy.default)
    m["From"] = f"{sender[0]} <{sender[1]}>"
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = format_datetime(when(day, rng))
    m["Message-ID"] = make_msgid(domain=domain)
    m["MIME-Version"] = "1.0"
    return m


def sig_text(doc: D.Doc) -> str:
    c = doc.cust
    return f"{doc.contact_name}\n{doc.rng.choice(['Service achats', 'Acheteur', 'Responsable approvisionnements', 'Assistante de direction'])}\n{c.name}\n{c.street} - {c.postcode} {c.city}\nTél. {c.phone}"


def sig_html(doc: D.Doc, cid: str | None) -> str:
    t = sig_text(doc).replace("\n", "<br>")
    logo = f'<br><img width="150" height="46" src="cid:{cid}" alt="logo">' if cid else ""
    return f'<p class="MsoNormal" style="font-size:9pt;color:#1F3A5F">{t}{logo}</p>'


def outlook_html(body: str, doc: D.Doc, cid: str | None) -> str:
    paras = "".join(f'<p class="MsoNormal">{p or "&nbsp;"}</p>' for p in body.split("\n"))
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        '<style>p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}</style></head>'
        f'<body lang="FR" link="#0563C1"><div class="WordSection1">{paras}<p class="MsoNormal">&nbsp;</p>{sig_html(doc, cid)}</div></body></html>'
    )


def gmail_html(body: str, doc: D.Doc) -> str:
    paras = "<br>".join(body.split("\n"))
    return f'<div dir="ltr">{paras}<br><br>-- <br><div dir="ltr" class="gmail_signature">{sig_text(doc).replace(chr(10), "<br>")}</div></div>'


def attach(m: EmailMessage, data: bytes, filename: str, octet: bool = False) -> None:
    ext = PurePosixPath(filename).suffix.lower()
    if octet:
        maintype, subtype = "application", "octet-stream"
    elif ext == ".pdf":
        maintype, subtype = "application", "pdf"
    elif ext in (".jpg", ".jpeg"):
        maintype, subtype = "image", "jpeg"
    elif ext == ".png":
        maintype, subtype = "image", "png"
    else:
        maintype, subtype = "image", "tiff"
    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def file_name(doc: D.Doc, path: str, rng: random.Random, ascii_only: bool = False) -> str:
    ext = PurePosixPath(path).suffix
    n = doc.label.replace("/", "-").replace(" ", "_") if doc.label else ""
    d = doc.day
    choices = [
        f"BC_{n}{ext}" if n else f"Doc{rng.randint(1, 9)}{ext}",
        f"Commande {n}{ext}" if n else f"document{ext}",
        f"{d.y}{d.m:02d}{d.d:02d}{rng.randint(100000, 235959)}{ext}",
        f"scan{rng.randint(1, 999):04d}{ext}",
    ]
    if not ascii_only:
        choices += [
            f"Numérisation_{d.iso()}{ext}",
            f"Commande n°{n}{ext}" if n else f"Pièce jointe{ext}",
        ]
    return rng.choice(choices)


# --------------------------------------------------------------------------- the mails


def make_mails(docs: list[tuple[D.Doc, str]], files: dict[str, bytes], seed: str):
    """Yield (path, bytes, is_order, order_number)."""
    rng = random.Random(f"{seed}:mails")
    orders_text = [(d, p) for d, p in docs if d.label and d.kind == "pdf-text"]
    orders_scan = [(d, p) for d, p in docs if d.label and d.kind == "scan"]
    by_family = {}
    for d, p in docs:
        by_family.setdefault(d.family, []).append((d, p))
    rng.shuffle(orders_text)
    rng.shuffle(orders_scan)
    used: set[str] = set()

    def take(pool: list[tuple[D.Doc, str]], pred=lambda d, p: True) -> tuple[D.Doc, str]:
        for d, p in pool:
            if p not in used and pred(d, p) and len(files[p]) < 120_000:
                used.add(p)
                return d, p
        raise AssertionError("pool exhausted")

    out = []
    n = {"k": 0}

    def put(family: str, m: EmailMessage, is_order: bool, number: str) -> None:
        n[family] = n.get(family, 0) + 1
        out.append((f"mails/{family}/mail-{n[family]:03d}.eml", m.as_bytes(), is_order, number))

    def sender(d: D.Doc) -> tuple[str, str]:
        return d.contact_name, d.email

    order_words = [
        "Bonjour,\n\nVeuillez trouver ci-joint notre commande {n}.\nMerci de nous envoyer l'accusé de réception et le délai.\n\nCordialement,",
        "Bonjour {who},\n\nCi-joint notre bon de commande n° {n} suite à votre devis.\nLivraison à l'adresse habituelle svp.\n\nBonne journée,",
        "Madame, Monsieur,\n\nVous trouverez en pièce jointe la commande {n}.\nMerci de rappeler ce numéro sur votre facture.\n\nSalutations,",
        "Bonjour,\n\nPour faire suite à notre échange téléphonique, je vous transmets notre commande.\nMerci de confirmer la bonne réception.\n\nCdlt",
        "Bonjour,\n\nMerci de bien vouloir traiter la commande jointe au plus vite, nous sommes en rupture.\n\nBien à vous,",
    ]

    def words(d: D.Doc) -> str:
        return rng.choice(order_words).format(n=d.printed, who=SALES[0].split()[0])

    # ---- orders: Outlook HTML with an inline logo and the PDF
    for _ in range(5):
        d, p = take(orders_text)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(
                [
                    f"Commande {d.printed}",
                    f"Bon de commande n° {d.printed}",
                    "Commande",
                    f"Notre commande {d.label}",
                ]
            ),
            d.day,
            rng,
            d.cust.email_domain,
        )
        m["X-Mailer"] = "Microsoft Outlook 16.0"
        m["Thread-Index"] = "AdtH" + "".join(
            rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789") for _ in range(20)
        )
        body = words(d)
        cid = make_msgid(idstring="image001.png")[1:-1]
        m.set_content(body + "\n\n" + sig_text(d))
        m.add_alternative(outlook_html(body, d, cid), subtype="html")
        m.get_payload()[1].add_related(
            logo_png(d.cust.name, rng),
            maintype="image",
            subtype="png",
            cid=f"<{cid}>",
            filename="image001.png",
            disposition="inline",
        )
        attach(m, files[p], file_name(d, p, rng))
        put("order-outlook", m, True, d.label)

    # ---- orders: Gmail multipart/alternative
    for _ in range(4):
        d, p = take(orders_text)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(
                [f"Commande {d.printed}", "commande", f"Cde {d.label}", "Nouvelle commande"]
            ),
            d.day,
            rng,
            "gmail.com",
        )
        body = words(d)
        m.set_content(body + "\n\n-- \n" + sig_text(d))
        m.add_alternative(gmail_html(body, d), subtype="html")
        attach(m, files[p], file_name(d, p, rng))
        put("order-gmail", m, True, d.label)

    # ---- orders: Apple Mail from an iPhone, a scan or photo
    for _ in range(3):
        d, p = take(orders_scan, lambda d, p: p.endswith((".jpg", ".png", ".pdf")))
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(["Commande", f"Cde {d.label}", "Bon de commande signé"]),
            d.day,
            rng,
            d.cust.email_domain,
        )
        m["X-Mailer"] = "iPhone Mail (22B91)"
        m.set_content(
            rng.choice(
                [
                    "Bonjour,\nVoici notre commande.\nCdt",
                    "Ci-joint bon de commande.\nMerci",
                    "Bonjour\nCommande en PJ, merci de confirmer le délai",
                ]
            )
            + "\n\nEnvoyé de mon iPhone"
        )
        ext = PurePosixPath(p).suffix
        attach(
            m,
            files[p],
            rng.choice(
                [
                    f"IMG_{rng.randint(1000, 9999)}{ext.upper() if ext == '.jpg' else ext}",
                    f"Scan {d.day.iso()}{ext}",
                ]
            ),
        )
        put("order-iphone", m, True, d.label)

    # ---- orders: Thunderbird, plain text
    for _ in range(3):
        d, p = take(orders_text + orders_scan)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice([f"Commande {d.printed}", "Commande matériel", f"BC {d.label}"]),
            d.day,
            rng,
            d.cust.email_domain,
        )
        m["User-Agent"] = "Mozilla Thunderbird 128.4.2"
        m.set_content(words(d) + "\n\n-- \n" + sig_text(d))
        m.replace_header("Content-Type", 'text/plain; charset="utf-8"; format=flowed')
        attach(m, files[p], file_name(d, p, rng))
        put("order-thunderbird", m, True, d.label)

    # ---- orders: forwards (TR:, Fwd:, one as message/rfc822)
    for k in range(3):
        d, p = take(orders_text + orders_scan)
        subj = f"Commande {d.printed}"
        inner = base(sender(d), SALES[1], subj, d.day, rng, d.cust.email_domain)
        inner.set_content(words(d) + "\n\n" + sig_text(d))
        attach(inner, files[p], file_name(d, p, rng))
        fwd_from = (SALES[0], SALES[1])
        if k == 0:
            m = base(
                fwd_from, OURS[1], "Fwd: " + subj, d.day.plus(1), rng, "solviane-instruments.fr"
            )
            m.set_content(
                "Commande de mon client ci-jointe (mail d'origine en pièce jointe), à saisir svp.\n\nRomain"
            )
            m.add_attachment(inner)
        else:
            m = base(
                fwd_from,
                OURS[1],
                ("TR: " if k == 1 else "Fwd: ") + subj,
                d.day.plus(1),
                rng,
                "solviane-instruments.fr",
            )
            quoted = (
                f"\n\n-----Message d'origine-----\nDe : {d.contact_name} <{d.email}>\nEnvoyé : {d.day.long()}\nÀ : {SALES[0]}\nObjet : {subj}\n\n"
                if k == 1
                else f"\n\n---------- Forwarded message ---------\nFrom: {d.contact_name} <{d.email}>\nDate: {d.day.en()}\nSubject: {subj}\nTo: <{SALES[1]}>\n\n"
            )
            m.set_content("Pour saisie, merci.\n" + quoted + words(d))
            attach(m, files[p], file_name(d, p, rng))
        put("order-forward", m, True, d.label)

    # ---- orders: application/octet-stream, RFC 2231 file names
    for _ in range(3):
        d, p = take(orders_text + orders_scan)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice([f"Commande {d.printed}", "Envoi de commande", f"N° Cde {d.label}"]),
            d.day,
            rng,
            d.cust.email_domain,
        )
        m.set_content(words(d) + "\n\n" + sig_text(d))
        name = rng.choice(
            [
                f"Commande n°{d.label.replace('/', '-')}.pdf",
                f"Bon_de_commande_{d.day.iso()}_réf.pdf",
                f"Numérisation – {d.day.fr().replace('/', '-')}.pdf",
            ]
        )
        name = name if p.endswith(".pdf") else name[:-4] + PurePosixPath(p).suffix
        attach(m, files[p], name, octet=True)
        put("order-octet", m, True, d.label)

    # ---- orders in English
    for _ in range(2):
        d, p = take(orders_text + orders_scan, lambda d, p: d.family == "tex_english_po")
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(
                [f"Purchase Order {d.printed}", f"PO {d.label} - Solviane", "New purchase order"]
            ),
            d.day,
            rng,
            d.cust.email_domain,
        )
        body = f"Dear all,\n\nPlease find attached our purchase order {d.printed}.\nKindly acknowledge receipt and confirm the delivery date.\n\nBest regards,"
        m.set_content(body + "\n\n" + sig_text(d))
        m.add_alternative(gmail_html(body, d), subtype="html")
        attach(m, files[p], file_name(d, p, rng, ascii_only=True))
        put("order-english", m, True, d.label)

    # ---- orders without an order number: our quote validated, signed "bon pour accord"
    signed = [(d, p) for d, p in by_family["neg_devis"] if d.kind == "scan"]
    for k in range(2):
        d, p = signed[k]
        m = base(
            sender(d),
            SALES[1],
            rng.choice(
                [f"Validation offre {d.refs['quote']}", f"RE: Votre offre {d.refs['quote']}"]
            ),
            d.day.plus(5),
            rng,
            d.cust.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nNous validons votre offre n° {d.refs['quote']} ; vous trouverez ci-joint le devis signé.\nMerci de lancer la fabrication.\n\n{sig_text(d)}"
        )
        attach(m, files[p], f"Devis signé {d.refs['quote']}{PurePosixPath(p).suffix}")
        put("offer-validation", m, True, "")
    for k in range(2):
        d, p = signed[1 - k]
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(["Bon pour accord", f"BPA devis {d.refs['quote']}"]),
            d.day.plus(7),
            rng,
            d.cust.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nBon pour accord, devis signé en pièce jointe.\n\n{sig_text(d)}"
            + ("\n\nEnvoyé de mon iPhone" if k else "")
        )
        attach(m, files[p], file_name(d, p, rng))
        put("bon-pour-accord", m, True, "")

    # ---- look-alikes
    pool_any = orders_text + orders_scan
    for k in range(4):
        d, p = rng.choice(pool_any)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice(
                [
                    f"Où en est notre commande {d.printed} ?",
                    f"Suivi commande {d.label}",
                    f"Relance cde {d.label}",
                    "Délai de livraison ?",
                ]
            ),
            d.day.plus(12),
            rng,
            d.cust.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nOù en est notre commande n° {d.printed} du {d.day.fr()} ? Nous n'avons pas reçu d'accusé de réception.\n"
            + ("Je vous remets le bon de commande en pièce jointe.\n" if k < 2 else "")
            + f"\nMerci,\n{sig_text(d)}"
        )
        if k < 2:
            attach(m, files[p], file_name(d, p, rng))
        put("status-question", m, False, "")

    quotes = [(d, p) for d, p in by_family["neg_devis"] if d.kind == "pdf-text"]
    for k in range(3):
        d, p = quotes[k % len(quotes)]
        m = base(
            sender(d),
            SALES[1],
            rng.choice(
                [
                    f"Actualisation offre {d.refs['quote']}",
                    f"RE: devis {d.refs['quote']}",
                    "Mise à jour de votre offre",
                ]
            ),
            d.day.plus(40 + k),
            rng,
            d.cust.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nVeuillez actualiser votre offre {d.refs['quote']} ci-jointe (validité dépassée) ; nous devrions passer commande le mois prochain.\n\n{sig_text(d)}"
        )
        attach(m, files[p], f"{d.refs['quote']}.pdf")
        put("quote-update", m, False, "")

    for d, p in by_family["neg_facture"]:
        m = base(
            sender(d),
            "compta@solviane-instruments.fr",
            rng.choice(
                [
                    f"Facture {d.refs['invoice']} en retour",
                    f"RE: Facture {d.refs['invoice']}",
                    "Retour facture - référence manquante",
                ]
            ),
            d.day.plus(9),
            rng,
            d.cust.email_domain,
        )
        m.set_content(
            f"Bonjour,\n\nNous vous retournons votre facture {d.refs['invoice']} : {rng.choice(['le numéro de notre commande ' + d.printed + ' doit figurer sur la facture', 'le taux de TVA est erroné', 'adresse de facturation incorrecte'])}.\nMerci de nous adresser un avoir et une facture rectifiée.\n\n{sig_text(d)}"
        )
        attach(m, files[p], file_name(d, p, rng))
        put("invoice-back", m, False, "")

    d, p = by_family["neg_bl"][0]
    m = base(
        ("Solviane Logistique", "noreply@solviane-instruments.fr"),
        d.email,
        f"Avis d'expédition - votre commande {d.printed}",
        d.day,
        rng,
        "solviane-instruments.fr",
    )
    m.set_content(
        f"Bonjour,\n\nVotre commande {d.printed} a été expédiée ce jour (BL {d.refs['bl']}, {rng.randint(1, 3)} colis).\nSuivi transporteur : {d.refs['tracking']}\n\nCeci est un message automatique."
    )
    m.add_alternative(
        f"<html><body><h2>Votre commande est en route</h2><p>Commande {d.printed} – BL {d.refs['bl']}</p><p>Suivi : {d.refs['tracking']}</p></body></html>",
        subtype="html",
    )
    put("delivery-notice", m, False, "")
    d, p = next((d, p) for d, p in by_family["neg_bl"] if d.kind == "scan")
    m = base(
        sender(d),
        rng.choice(OURS),
        f"Réception livraison {d.refs['bl']}",
        d.day.plus(3),
        rng,
        d.cust.email_domain,
    )
    m.set_content(
        f"Bonjour,\n\nLivraison reçue ce matin, BL signé en pièce jointe. Il manque une ligne (reliquat), merci de nous dire quand elle sera livrée.\n\n{sig_text(d)}"
    )
    attach(m, files[p], file_name(d, p, rng))
    put("delivery-notice", m, False, "")

    for k in range(3):
        d, _ = rng.choice(pool_any)
        m = base(
            sender(d),
            rng.choice(OURS),
            ("Réponse automatique : " if k < 2 else "Automatic reply: ")
            + f"RE: AR commande {d.label}",
            d.day.plus(2),
            rng,
            d.cust.email_domain,
        )
        m["Auto-Submitted"] = "auto-replied"
        m["X-Auto-Response-Suppress"] = "All"
        back = d.day.plus(10)
        m.set_content(
            f"Bonjour,\n\nJe suis absent(e) jusqu'au {back.fr()} inclus. Pour toute commande urgente, merci de contacter achats@{d.cust.email_domain}.\n\nCordialement,\n{d.contact_name}"
            if k < 2
            else f"Hello,\n\nI am out of the office until {back.en()} with limited access to e-mail. For purchase orders please contact purchasing@{d.cust.email_domain}.\n\n{d.contact_name}"
        )
        put("auto-reply", m, False, "")

    for k in range(2):
        day = D.Day(2026, 10 + k, rng.randint(3, 27))
        sender_nl = rng.choice(
            [
                ("Mesures & Labo Magazine", "news@mesures-labo.fr"),
                ("Salon Enova Lyon", "info@salon-enova.fr"),
            ]
        )
        m = base(
            sender_nl,
            OURS[2],
            rng.choice(
                [
                    "Nouveautés capteurs : -15 % sur votre prochaine commande",
                    "Votre invitation — commandez vos badges",
                ]
            ),
            day,
            rng,
            "mailing.example.fr",
        )
        m["List-Unsubscribe"] = (
            f"<https://{sender_nl[1].split('@')[1]}/unsub?u={rng.randint(10**6, 10**7)}>"
        )
        m["Precedence"] = "bulk"
        text = "Découvrez nos nouveautés et passez commande en ligne avant le 30 novembre : code promo LABO15 sur toute commande."
        m.set_content(text)
        m.add_alternative(
            f'<html><body><table width="600"><tr><td><img src="cid:banner"></td></tr><tr><td><p>{text}</p><a href="https://example.fr/commande">Commander</a></td></tr></table></body></html>',
            subtype="html",
        )
        m.get_payload()[1].add_related(
            logo_png("NEWS", rng), maintype="image", subtype="png", cid="<banner>"
        )
        put("newsletter", m, False, "")

    for _ in range(3):
        d, _ = rng.choice(orders_text)
        m = base(
            sender(d),
            rng.choice(OURS),
            rng.choice([f"Commande {d.printed}", "Commande", f"Notre commande {d.label}"]),
            d.day,
            rng,
            d.cust.email_domain,
        )
        m["X-Mailer"] = "Microsoft Outlook 16.0"
        body = f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {d.printed}.\n\nCordialement,"
        cid = make_msgid(idstring="image001.png")[1:-1]
        m.set_content(body + "\n\n" + sig_text(d))
        m.add_alternative(outlook_html(body, d, cid), subtype="html")
        m.get_payload()[1].add_related(
            logo_png(d.cust.name, rng),
            maintype="image",
            subtype="png",
            cid=f"<{cid}>",
            filename="image001.png",
            disposition="inline",
        )
        put("inline-logo", m, False, "")

    for k in range(3):
        d, _ = rng.choice(pool_any)
        subj = f"RE: Commande {d.printed}"
        m = base(sender(d), SALES[1], subj, d.day.plus(6 + k), rng, d.cust.email_domain)
        m["In-Reply-To"] = make_msgid(domain="solviane-instruments.fr")
        m.set_content(
            rng.choice(
                [
                    "Bonjour,\n\nMerci pour l'accusé de réception. Le délai nous convient.\n",
                    "Bonjour,\n\nPouvez-vous avancer la livraison d'une semaine ?\n",
                    "Bonjour,\n\nBien reçu, merci. Pensez à joindre le certificat d'étalonnage.\n",
                ]
            )
            + f"\n{d.contact_name}\n\n"
            + f"-----Message d'origine-----\nDe : {SALES[0]} <{SALES[1]}>\nObjet : RE: Commande {d.printed}\n\nBonjour, nous accusons réception de votre commande n° {d.printed} ; livraison prévue le {d.day.plus(20).fr()}.\n\n"
            + f"> -----Message d'origine-----\n> De : {d.contact_name}\n> Veuillez trouver ci-joint notre commande {d.printed}.\n"
        )
        put("reply-chain", m, False, "")
    return out
