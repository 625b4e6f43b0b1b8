"""Holdout7 mails (stdlib ``email``): orders and non-orders for the corpus documents.

An order mail's attachment is byte for byte a corpus document; its order_number is that
document's label. Mails have empty vat/siret labels.
"""

from __future__ import annotations

import email.utils
import hashlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from pathlib import Path

from h7_data import OWN, SEED, rng

TZ = timezone(timedelta(hours=1))
ADV = f"ADV Corvalis Fluides <{OWN['mail']}>"


class MailMaker:
    def __init__(self):
        self.r = rng("mails")
        self.n = 0
        self.t = datetime(2026, 10, 5, 8, 12, tzinfo=TZ)

    def new(self, frm: str, subject: str, to: str = ADV, xmailer: str | None = None) -> EmailMessage:
        self.n += 1
        self.t += timedelta(minutes=self.r.randint(20, 900))
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = frm
        m["To"] = to
        m["Subject"] = subject
        m["Date"] = email.utils.format_datetime(self.t)
        dom = frm.split("@")[-1].rstrip(">") if "@" in frm else "example.fr"
        h = hashlib.sha1(f"{SEED}:{self.n}".encode()).hexdigest()
        m["Message-ID"] = f"<{h[:16]}.{h[16:24]}@{dom}>"
        if xmailer:
            m["X-Mailer"] = xmailer
        return m

    def finish(self, m: EmailMessage) -> bytes:
        k = 0
        for part in m.walk():
            if part.is_multipart():
                k += 1
                part.set_boundary(f"=_h7_{hashlib.sha1(f'{SEED}:{self.n}:{k}'.encode()).hexdigest()[:24]}")
        return m.as_bytes(policy=policy.SMTP)


def who(d: dict) -> str:
    p = d["party"]
    return f"{p.contact} <{p.mail}>"


def attach(m: EmailMessage, d: dict, filename: str | None = None, octet: bool = False) -> None:
    data = Path(d["file"]).read_bytes()
    name = filename or Path(d["file"]).name
    ext = Path(d["file"]).suffix
    if octet:
        m.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
        return
    mt = {".pdf": ("application", "pdf"), ".jpg": ("image", "jpeg"), ".png": ("image", "png"),
          ".tif": ("image", "tiff")}[ext]
    m.add_attachment(data, maintype=mt[0], subtype=mt[1], filename=name)


LOGO = None


def logo_png() -> bytes:
    """A small signature logo (a real PNG, > 1000 bytes), made with Pillow."""
    global LOGO
    if LOGO is None:
        import io

        from PIL import Image, ImageDraw

        im = Image.new("RGB", (220, 60), (255, 255, 255))
        dr = ImageDraw.Draw(im)
        for i in range(0, 220, 7):
            dr.line((i, 0, i + 30, 60), fill=(200 - i // 3, 220, 235))
        dr.rectangle((4, 4, 215, 55), outline=(20, 60, 120), width=3)
        dr.text((18, 22), "ATELIERS & SERVICES", fill=(20, 60, 120))
        buf = io.BytesIO()
        im.save(buf, "PNG")
        LOGO = buf.getvalue()
    return LOGO


def write_mails(out: Path, docs: list[dict]) -> list[list[str]]:
    mk = MailMaker()
    r = mk.r
    orders = [d for d in docs if d.get("number")]
    text_orders = [d for d in orders if d["doc_kind"] == "pdf-text"]
    scan_orders = [d for d in orders if d["doc_kind"] == "scan" and Path(d["file"]).stat().st_size < 170_000]
    r.shuffle(text_orders)
    r.shuffle(scan_orders)
    neg = {d["path"]: d for d in docs if not d.get("number")}

    def negd(fam, idx):
        return next(d for d in neg.values() if d["family"] == fam and d["idx"] == idx)

    rows: list[list[str]] = []

    def save(family: str, m: EmailMessage, is_order: int, number: str = "") -> None:
        folder = out / "mails" / family
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"mail-{mk.n:03d}.eml"
        path.write_bytes(mk.finish(m))
        rows.append([f"mails/{family}/mail-{mk.n:03d}.eml", "eml", str(is_order), number, "", ""])

    it = iter(text_orders)
    its = iter(scan_orders)

    # ---- orders
    for _ in range(2):  # forwarded as message/rfc822
        d = next(it)
        p = d["party"]
        inner = mk.new(f"{p.contact} <{p.mail}>", f"Commande {d['printed']}", to=f"achats@{p.mail.split('@')[1]}")
        inner.set_content(f"Bonjour,\n\nVeuillez trouver ci-joint la commande {d['printed']} à transmettre au fournisseur.\n\n{p.contact}\n")
        attach(inner, d)
        boss = f"Service achats <achats@{p.mail.split('@')[1]}>"
        m = mk.new(boss, f"Fwd: Commande {d['printed']}", xmailer="Mozilla Thunderbird")
        m.set_content("Bonjour,\n\nJe vous transfère la commande de notre atelier (message joint).\n"
                      "Merci de nous confirmer le délai.\n\nCordialement,\nLe service achats\n")
        m.add_attachment(inner, filename="Commande.eml")
        save("order-fwd-rfc822", m, 1, d["number"])
    for cs in ("windows-1252", "windows-1252", "iso-8859-1", "iso-8859-1"):
        d = next(it)
        p = d["party"]
        fam = "order-cp1252-qp" if cs == "windows-1252" else "order-latin1-qp"
        m = mk.new(who(d), f"Bon de commande n° {d['printed']}", xmailer="Microsoft Outlook 14.0" if cs == "windows-1252" else "Sylpheed 3.7.0")
        body = (f"Bonjour,\n\nVeuillez trouver ci-joint notre bon de commande n° {d['printed']} "
                f"{'– merci de nous adresser l’accusé de réception' if cs == 'windows-1252' else '- merci de nous adresser votre accusé de réception'}.\n"
                f"Livraison souhaitée avant le {d.get('delivery_date', 'fin du mois')}.\n\n"
                f"Bien à vous,\n{p.contact}\n{p.name}\nTél. {p.tel}\n")
        if cs == "iso-8859-1":
            body = body.replace("–", "-").replace("’", "'").replace("œ", "oe")
        m.set_content(body, charset=cs, cte="quoted-printable")
        attach(m, d)
        save(fam, m, 1, d["number"])
    for _ in range(2):  # HTML only
        d = next(it)
        p = d["party"]
        m = mk.new(who(d), "Nouvelle commande", xmailer="Roundcube Webmail/1.6.9")
        m.set_content(f"<html><body><p>Bonjour,</p><p>Ci-joint notre commande <b>{d['printed']}</b>.</p>"
                      f"<p>Merci de confirmer la bonne réception.</p><p>Cordialement,<br>{p.contact}<br>"
                      f"<span style='color:#777'>{p.name} – {p.tel}</span></p></body></html>", subtype="html")
        attach(m, d)
        save("order-html-only", m, 1, d["number"])
    for _ in range(2):  # TR: chain inside the customer's company
        d = next(it)
        p = d["party"]
        dom = p.mail.split("@")[1]
        m = mk.new(f"Comptabilité fournisseurs <compta@{dom}>", f"TR: TR: commande {d['printed']}")
        m.set_content(
            "Bonjour,\n\nC'est bien à vous qu'il faut envoyer cette commande, voir ci-dessous.\n\nCordialement,\nLa comptabilité\n\n"
            f"-----Message d'origine-----\nDe : {p.contact} <{p.mail}>\nEnvoyé : lundi 12 octobre 2026 09:14\n"
            f"À : compta@{dom}\nObjet : TR: commande {d['printed']}\n\nPeux-tu la transmettre au fournisseur ?\n\n"
            f"-----Message d'origine-----\nDe : Atelier <atelier@{dom}>\nObjet : commande {d['printed']}\n\n"
            f"Voici la commande {d['printed']} pour les pièces de rechange.\n")
        attach(m, d)
        save("order-tr-chain", m, 1, d["number"])
    for _ in range(2):  # RFC 2231 file name with accents
        d = next(it)
        p = d["party"]
        m = mk.new(who(d), f"Commande – {p.name.title()}", xmailer="Apple Mail (2.3826)")
        m.set_content(f"Bonjour,\n\nVoici notre commande en pièce jointe (n° {d['printed']}).\n\nBonne journée,\n{p.contact}\n")
        attach(m, d, filename=f"Bon de commande n°{d['number'].replace('/', '-')} – {p.name.title()} (éd. définitive).pdf")
        save("order-rfc2231-name", m, 1, d["number"])
    for _ in range(2):  # application/octet-stream
        d = next(it)
        p = d["party"]
        m = mk.new(f"ERP {p.name.split()[0].title()} <noreply@{p.mail.split('@')[1]}>", f"PO {d['printed']}")
        m["Reply-To"] = who(d)
        m.set_content(f"Ce message est généré automatiquement.\nCommande : {d['printed']}\nFournisseur : {OWN['name']}\n")
        attach(m, d, filename=f"CMD_{d['number'].replace(' ', '_').replace('/', '_')}.pdf", octet=True)
        save("order-octet-stream", m, 1, d["number"])
    used = {row[3] for row in rows}
    en = [d for d in orders if d["family"] == "mpl_landscape_en" and d["number"] not in used]
    for d in en[:2]:  # English body
        p = d["party"]
        m = mk.new(who(d), f"Purchase order {d['printed']}", xmailer="Microsoft Outlook 16.0")
        m.set_content(f"Dear Sir or Madam,\n\nPlease find attached our purchase order {d['printed']}.\n"
                      "Kindly acknowledge receipt and confirm the delivery date.\n\nBest regards,\n"
                      f"{p.contact}\nProcurement – {p.name}\n")
        attach(m, d)
        save("order-english", m, 1, d["number"])
    for _ in range(2):  # phone / copier scans
        d = next(its)
        p = d["party"]
        m = mk.new(who(d), "commande", xmailer="iPhone Mail (22B91)")
        m.set_content("Bonjour voici la commande\nEnvoyé de mon iPhone\n")
        attach(m, d)
        save("order-phone-scan", m, 1, d["number"])
    quote = negd("neg_devis", 1)
    for _ in range(2):  # order + our quote as reference
        d = next(it)
        p = d["party"]
        m = mk.new(who(d), f"Commande suite à votre devis – {d['printed']}")
        m.set_content(f"Bonjour,\n\nSuite à votre devis (joint pour rappel), veuillez trouver notre commande "
                      f"{d['printed']}.\n\nCordialement,\n{p.contact}\n")
        if r.random() < 0.5:
            attach(m, quote)
            attach(m, d)
        else:
            attach(m, d)
            attach(m, quote)
        save("order-with-quote", m, 1, d["number"])
    for idx in (2, 3):  # bon pour accord: a signed scan of our quote
        q = negd("neg_devis", idx)
        p = q["party"]
        m = mk.new(who(q), "Bon pour accord")
        m.set_content("Bonjour,\n\nVeuillez trouver ci-joint votre devis signé, bon pour accord.\n"
                      "Merci de lancer la fabrication.\n\nCordialement,\n" + p.contact + "\n")
        attach(m, q, filename=f"devis signé{Path(q['file']).suffix}")
        save("bon-pour-accord", m, 1, "")

    # ---- non-orders
    rest = list(it)
    m = mk.new("Nadia Perrin <n.perrin@solvance.fr>", "Réponse automatique : Bon de commande")
    m["Auto-Submitted"] = "auto-replied"
    m.set_content("Bonjour,\n\nJe suis absente jusqu'au 3 novembre inclus. Pour toute commande urgente, "
                  "merci de contacter achats@solvance.fr.\n\nCordialement,\nNadia Perrin\n")
    save("out-of-office", m, 0)
    m = mk.new("Karim Vidal <k.vidal@kestrel-pumps.fr>", "Automatic reply: Purchase order")
    m["Auto-Submitted"] = "auto-replied"
    m.set_content("Thank you for your message. I am out of the office with limited access to e-mail "
                  "and will be back on Monday.\n")
    save("out-of-office", m, 0)
    m = mk.new("Salon Pollutec <newsletter@pollutec-info.fr>", "Commandez dès maintenant vos badges – J-30")
    m["List-Unsubscribe"] = "<mailto:unsubscribe@pollutec-info.fr?subject=unsubscribe>, <https://pollutec-info.fr/u/8f3a>"
    m["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    m["Precedence"] = "bulk"
    m.set_content("<html><body><h1>Pollutec 2026</h1><p>Commandez vos badges exposant, bon de commande "
                  "en ligne. Offre spéciale -20 % jusqu'au 30 novembre.</p></body></html>", subtype="html")
    save("newsletter", m, 0)
    for k in range(3):  # status questions
        d = rest[k] if k < len(rest) else text_orders[k]
        p = d["party"]
        m = mk.new(who(d), f"Où en est notre commande {d['printed']} ?")
        m.set_content(f"Bonjour,\n\nOù en est notre commande {d['printed']} ? Nous n'avons toujours pas reçu "
                      "d'accusé de réception ni de date de livraison.\n\nMerci de votre retour,\n" + p.contact + "\n")
        if k == 2:
            attach(m, d)
        save("status-question", m, 0)
    fac = negd("neg_facture_avoir", 1)
    for k in range(2):
        m = mk.new("Comptabilité Corvalis <compta@corvalis-fluides.fr>", f"Facture {fac['title'].split()[-1]}" if k == 0 else "Avoir sur votre commande",
                   to=who(fac))
        m.set_content(f"Madame, Monsieur,\n\nVeuillez trouver {'ci-joint notre facture' if k == 0 else 'notre avoir'} relatif à votre commande "
                      f"{fac['quoted']}.\n\nService comptabilité\n{OWN['name']}\n")
        if k == 0:
            attach(m, fac)
        save("invoice", m, 0)
    for k in range(2):
        q = quote
        p = q["party"]
        m = mk.new(who(q), "Actualisation de votre offre")
        m.set_content("Bonjour,\n\nVeuillez actualiser votre offre en pièce jointe : les quantités ont changé "
                      "(20 vannes au lieu de 12). Merci de nous renvoyer un devis à jour.\n\n" + p.contact + "\n")
        if k == 0:
            attach(m, q)
        save("quote-update", m, 0)
    for k in range(2):
        d = rest[3 + k] if 3 + k < len(rest) else orders[-1 - k]
        p = d["party"]
        m = mk.new(who(d), f"Annulation commande {d['printed']}")
        m.set_content(f"Bonjour,\n\nMerci d'annuler notre commande n° {d['printed']} : le chantier est reporté.\n"
                      "Ne rien expédier.\n\nCordialement,\n" + p.contact + "\n")
        if k == 1:
            attach(m, d)
        save("cancellation", m, 0)
    for k in range(2):  # only an inline logo
        d = orders[5 + k]
        p = d["party"]
        m = mk.new(who(d), "Commande à venir")
        m.set_content(f"Bonjour,\n\nJe vous envoie la commande demain, le temps de la faire signer.\n\n{p.contact}\n")
        m.add_alternative(f"<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain, le temps de la faire "
                          f"signer.</p><p>{p.contact}<br><img src=\"cid:logo{k}@sig\"></p></body></html>", subtype="html")
        m.get_payload()[1].add_related(logo_png(), maintype="image", subtype="png", cid=f"<logo{k}@sig>",
                                       filename="image001.png", disposition="inline")
        save("signature-logo-only", m, 0)
    ar = negd("neg_ar_commande", 1)
    m = mk.new(who(ar), f"RE: Accusé de réception commande {ar['quoted']}")
    m.set_content("Bonjour,\n\nMerci pour votre accusé de réception ci-joint, le délai nous convient.\n\n" + ar["party"].contact + "\n")
    attach(m, ar)
    save("ack-reply", m, 0)
    bl = negd("neg_relance_bl", 3)
    m = mk.new("Expéditions Corvalis <expedition@corvalis-fluides.fr>", f"Expédition de votre commande {bl['quoted']}", to=who(bl))
    m.set_content(f"Bonjour,\n\nVotre commande {bl['quoted']} a été expédiée ce jour. Bon de livraison ci-joint.\n")
    attach(m, bl)
    save("delivery-notice", m, 0)
    for idx in (1, 3):
        rq = negd("neg_demande_prix", idx)
        m = mk.new(who(rq), "Demande de prix" if idx == 1 else "Request for quotation")
        m.set_content("Bonjour,\n\nMerci de nous faire parvenir votre meilleure offre pour les articles de la demande "
                      "ci-jointe. Ceci n'est pas une commande.\n\n" + rq["party"].contact + "\n")
        attach(m, rq)
        save("rfq", m, 0)
    return rows
