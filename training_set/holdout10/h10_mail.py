"""Holdout10 mails (stdlib email, policy.SMTP): 40 mails, 22 orders. An order mail's attachment
is the byte-for-byte file of a corpus document. Seeded boundaries and Message-IDs, fixed dates.
Imports nothing from the repository."""

from __future__ import annotations

import datetime
import io
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from h10_data import OWN, rng
from PIL import Image, ImageDraw, ImageFont

TZ = datetime.timezone(datetime.timedelta(hours=1))
LOGO_FONT = "/usr/share/fonts/truetype/play/Play-Bold.ttf"

D = "documents/"


def logo(text: str, colour=(30, 80, 140)) -> bytes:
    im = Image.new("RGB", (180, 60), "white")
    dr = ImageDraw.Draw(im)
    dr.rectangle((0, 0, 56, 59), fill=colour)
    dr.text((8, 12), text[:2], fill="white", font=ImageFont.truetype(LOGO_FONT, 30))
    dr.text((64, 18), text[:10], fill=colour, font=ImageFont.truetype(LOGO_FONT, 18))
    b = io.BytesIO()
    im.save(b, "PNG", optimize=True)
    return b.getvalue()


def mime_of(name: str) -> tuple[str, str]:
    ext = name.rsplit(".", 1)[-1].lower()
    return {
        "pdf": ("application", "pdf"),
        "jpg": ("image", "jpeg"),
        "png": ("image", "png"),
        "tif": ("image", "tiff"),
        "zip": ("application", "zip"),
    }[ext]


class Mailer:
    def __init__(self, out: Path, docs: dict):
        self.out, self.docs = out, docs
        self.r = rng("mails")
        self.n = 0
        self.rows = []

    def data(self, rel: str) -> bytes:
        return (self.out / rel).read_bytes()

    def party(self, rel: str) -> dict:
        return self.docs[rel]["party"]

    def label(self, rel: str) -> str:
        return self.docs[rel]["label"]

    def base(self, sender: tuple[str, str], subject: str, day: int, to=None) -> EmailMessage:
        self.n += 1
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = formataddr(sender)
        m["To"] = to or formataddr(("CEF Commandes", OWN["mail"]))
        m["Subject"] = subject
        dt = datetime.datetime(
            2026,
            12,
            day,
            self.r.randint(7, 18),
            self.r.randint(0, 59),
            self.r.randint(0, 59),
            tzinfo=TZ,
        )
        m["Date"] = format_datetime(dt)
        dom = sender[1].split("@")[1]
        m["Message-ID"] = f"<{self.r.getrandbits(64):016x}.{self.n:03d}@{dom}>"
        m["MIME-Version"] = "1.0"
        return m

    def attach(self, m: EmailMessage, rel: str, name: str | None = None) -> None:
        name = name or rel.rsplit("/", 1)[-1]
        mt, st = mime_of(name)
        m.add_attachment(self.data(rel), maintype=mt, subtype=st, filename=name)

    def save(self, family: str, m: EmailMessage, is_order: int, number: str = "") -> None:
        k = 0
        for part in m.walk():
            if part.is_multipart() and part.get_content_maintype() == "multipart":
                k += 1
                part.set_boundary(f"=_h10_{rng('boundary', self.n, k).getrandbits(48):012x}")
        rel = f"mails/{family}/mail-{self.n:03d}.eml"
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(m.as_bytes(policy=policy.SMTP))
        self.rows.append(
            {
                "path": rel,
                "kind": "eml",
                "is_order": str(is_order),
                "order_number": number,
                "vat": "",
                "siret": "",
            }
        )


def sign(p: dict, role="Service achats") -> str:
    return f"\n\nCordialement,\n\n{p['buyer']}\n{role}\n{p['name']}\nTél. {p['phone']}\n"


def build_mails(out: Path, docs: dict) -> list[dict]:
    M = Mailer(out, docs)
    who = lambda p: (p["buyer"], p["mail"])  # noqa: E731

    # ---- order-plain-pdf
    for rel, subj, body in (
        (
            D + "sk_erp_mecanique/sk_erp_mecanique-01.pdf",
            "Commande CF2615094",
            "Bonjour,\n\nVeuillez trouver ci-joint notre commande CF2615094.\nMerci de nous retourner votre accusé de réception avec la date de livraison.",
        ),
        (
            D + "fo_collectivite/fo_collectivite-02.pdf",
            "Bon de commande – fournitures archives",
            "Bonjour,\n\nVous trouverez en pièce jointe le bon de commande signé pour les boîtes archives, conformément à votre devis.\nLa facture sera à déposer sur Chorus Pro.",
        ),
        (
            D + "sv_hopital_ehpad/sv_hopital_ehpad-02.pdf",
            "commande étiquettes pharmacie",
            "Bonjour Madame,\n\nCi-joint notre bon de commande pour les étiquettes thermiques du service pharmacie.\nLivraison au magasin central, porte 3.",
        ),
    ):
        p = M.party(rel)
        m = M.base(who(p), subj, M.r.randint(1, 6))
        m.set_content(body + sign(p))
        M.attach(m, rel)
        M.save("order-plain-pdf", m, 1, M.label(rel))

    # ---- order-html-logo
    for rel, subj in (
        (D + "sk_grande_distrib/sk_grande_distrib-04.pdf", "Bon de commande"),
        (D + "fo_transport_logistique/fo_transport_logistique-01.pdf", "Commande"),
        (D + "sv_universite_labo/sv_universite_labo-03.pdf", "BDC"),
    ):
        p = M.party(rel)
        m = M.base(who(p), subj, M.r.randint(1, 6))
        txt = "Bonjour,\n\nCi-joint notre bon de commande. Merci de confirmer le délai." + sign(p)
        m.set_content(txt)
        html = (
            "<html><body><p>Bonjour,</p><p>Ci-joint notre bon de commande. Merci de confirmer le d&eacute;lai.</p>"
            f"<p>Cordialement,<br>{p['buyer']}<br>{p['name']}<br>T&eacute;l. {p['phone']}</p>"
            '<p><img src="cid:logo01@sig" alt="logo"></p></body></html>'
        )
        m.add_alternative(html, subtype="html")
        m.get_payload()[1].add_related(
            logo(p["name"].replace("É", "E")),
            maintype="image",
            subtype="png",
            cid="<logo01@sig>",
            disposition="inline",
            filename="logo.png",
        )
        M.attach(m, rel)
        M.save("order-html-logo", m, 1, M.label(rel))

    # ---- order-erp-auto
    for rel in (
        D + "sk_grande_distrib/sk_grande_distrib-01.pdf",
        D + "sk_as400_quincaillerie/sk_as400_quincaillerie-01.pdf",
    ):
        p = M.party(rel)
        lab = M.label(rel)
        m = M.base(
            ("Achats – ne pas répondre", f"noreply-achats@{p['domain']}"),
            f"Nouvelle commande {lab} – {p['name']}",
            M.r.randint(1, 6),
        )
        m["Reply-To"] = formataddr(who(p))
        m.set_content(
            f"Ce message a été généré automatiquement par notre système achats.\n\nCommande : {lab}\n"
            f"Fournisseur : {OWN['name']}\nAcheteur : {p['buyer']} ({p['mail']})\n\n"
            "Le document PDF joint fait foi. Merci de ne pas répondre à cette adresse.\n"
        )
        M.attach(m, rel, f"BC_{lab.replace(' ', '_').replace('/', '-')}.pdf")
        M.save("order-erp-auto", m, 1, lab)

    # ---- order-zip
    for rel, zname in (
        (D + "fo_lettre_artisan/fo_lettre_artisan-02.pdf", "commande.zip"),
        (D + "sv_multipage_travaux/sv_multipage_travaux-03.pdf", "BDC_decembre.zip"),
    ):
        p = M.party(rel)
        m = M.base(who(p), "Commande en pièce jointe (zip)", M.r.randint(1, 6))
        m.set_content(
            "Bonjour,\n\nNotre messagerie bloque les PDF envoyés seuls, je vous transmets donc la commande dans un fichier zip."
            + sign(p)
        )
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            zi = zipfile.ZipInfo(rel.rsplit("/", 1)[-1], date_time=(2026, 12, 3, 9, 12, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, M.data(rel))
        m.add_attachment(buf.getvalue(), maintype="application", subtype="zip", filename=zname)
        M.save("order-zip", m, 1, M.label(rel))

    # ---- order-english
    for rel in (
        D + "sv_purchase_en/sv_purchase_en-01.pdf",
        D + "sv_purchase_en/sv_purchase_en-04.pdf",
    ):
        p = M.party(rel)
        m = M.base(who(p), f"Purchase Order {M.label(rel)}", M.r.randint(1, 6))
        m.set_content(
            f"Dear Sir or Madam,\n\nPlease find attached our purchase order {M.label(rel)}.\n"
            "Kindly send us your order acknowledgement with the confirmed delivery date.\n\n"
            f"Best regards,\n{p['buyer']}\nProcurement\n{p['name']}\n"
        )
        M.attach(m, rel)
        M.save("order-english", m, 1, M.label(rel))

    # ---- order-fwd-attached
    for rel in (
        D + "sk_erp_mecanique/sk_erp_mecanique-04.pdf",
        D + "fo_collectivite/fo_collectivite-04.pdf",
    ):
        p = M.party(rel)
        inner = EmailMessage(policy=policy.SMTP)
        inner["From"] = formataddr(who(p))
        inner["To"] = f"direction@{p['domain']}"
        inner["Subject"] = "Commande validée"
        inner["Date"] = format_datetime(datetime.datetime(2026, 12, 2, 16, 5, tzinfo=TZ))
        inner["Message-ID"] = f"<{M.r.getrandbits(64):016x}.inner@{p['domain']}>"
        inner.set_content(
            "Bonjour,\n\nla commande est validée, je la transmets au fournisseur demain.\n"
            + sign(p)
        )
        M.attach(inner, rel)
        assistant = (f"Assistante {p['last']}", f"accueil@{p['domain']}")
        m = M.base(assistant, "TR: Commande validée", M.r.randint(3, 7))
        m.set_content(
            f"Bonjour,\n\nJe vous transfère le message de {p['buyer']} avec notre commande.\nBonne réception.\n"
        )
        m.add_attachment(inner, filename="Commande validée.eml")
        M.save("order-fwd-attached", m, 1, M.label(rel))

    # ---- order-mfp-scan
    for rel, dev, ts in (
        (
            D + "sk_erp_mecanique/sk_erp_mecanique-02-copieur-couleur.pdf",
            "RICOH IM C3000",
            "20261203_101522",
        ),
        (
            D + "sv_hopital_ehpad/sv_hopital_ehpad-06-copieur-nb.pdf",
            "Canon iR-ADV C5840",
            "20261204_143907",
        ),
    ):
        p = M.party(rel)
        m = M.base(
            ("Scanner", f"scan@{p['domain']}"),
            f"Numérisation du {ts[6:8]}/{ts[4:6]}/{ts[:4]}",
            M.r.randint(3, 6),
        )
        m.set_content(
            f"Numérisé depuis {dev}\nNom du périphérique : COPIEUR-RDC\nNombre de pages : 1\nFormat : PDF\n"
        )
        M.attach(m, rel, f"SCAN_{ts}.pdf")
        M.save("order-mfp-scan", m, 1, M.label(rel))

    # ---- order-phone-photo
    for rel, img in (
        (D + "sk_carnet_main/sk_carnet_main-01-smartphone.jpg", "IMG_4417.jpg"),
        (D + "fo_lettre_artisan/fo_lettre_artisan-01-smartphone.jpg", "IMG_20261204_081533.jpg"),
    ):
        p = M.party(rel)
        m = M.base((p["first"] + " " + p["last"], p["mail"]), "Cde", M.r.randint(3, 7))
        m.set_content("Bonjour voici ma commande\n\nEnvoyé de mon iPhone\n")
        M.attach(m, rel, img)
        M.save("order-phone-photo", m, 1, M.label(rel))

    # ---- bon-pour-accord (our signed quote; order number empty)
    for rel, name, q in (
        (D + "neg_devis/neg_devis-02-copieur-couleur.jpg", "devis signé.jpg", "D26-4163"),
        (D + "neg_devis/neg_devis-03-copieur-nb.tif", "devis signé.tif", "D26-4188"),
    ):
        p = M.party(rel)
        m = M.base(who(p), f"RE: Votre devis {q}", M.r.randint(2, 7))
        m.set_content(
            f"Bonjour,\n\nNous validons votre offre {q}. Bon pour accord, le devis signé est en pièce jointe.\n"
            "Merci de lancer la fabrication au plus vite." + sign(p)
        )
        M.attach(m, rel, name)
        M.save("bon-pour-accord", m, 1, "")

    # ---- order-with-quote
    quote = D + "neg_devis/neg_devis-01.pdf"
    for rel, first in (
        (D + "sk_erp_mecanique/sk_erp_mecanique-06.pdf", "order"),
        (D + "fo_transport_logistique/fo_transport_logistique-05.pdf", "quote"),
    ):
        p = M.party(rel)
        m = M.base(
            who(p), f"Commande {M.label(rel)} suivant votre devis D26-4127", M.r.randint(2, 7)
        )
        m.set_content(
            f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {M.label(rel)} ainsi que votre devis D26-4127 pour rappel des prix."
            + sign(p)
        )
        for a in (rel, quote) if first == "order" else (quote, rel):
            M.attach(m, a)
        M.save("order-with-quote", m, 1, M.label(rel))

    # ---- status-question
    for rel, num, att in (
        (D + "sk_erp_mecanique/sk_erp_mecanique-04.pdf", "CF 2611847", True),
        (D + "sk_grande_distrib/sk_grande_distrib-02.pdf", "4500830962", False),
        (D + "sv_multipage_travaux/sv_multipage_travaux-01.pdf", "CDE 2605518", False),
    ):
        p = M.party(rel)
        m = M.base(who(p), f"Où en est notre commande {num} ?", M.r.randint(8, 14))
        m.set_content(
            f"Bonjour,\n\nOù en est notre commande {num} ? Nous n'avons toujours pas reçu la marchandise ni de date de livraison."
            + sign(p)
        )
        if att:
            M.attach(m, rel)
        M.save("status-question", m, 0)

    # ---- quote-update
    for att, q, p in (
        (True, "D26-4127", M.party(quote)),
        (False, "D26-3981", M.party(D + "sv_universite_labo/sv_universite_labo-01.pdf")),
    ):
        m = M.base(who(p), f"Actualisation devis {q}", M.r.randint(5, 12))
        m.set_content(
            f"Bonjour,\n\nVeuillez actualiser votre offre {q} en pièce jointe : les quantités passent à 2000 pièces."
            " Ce n'est pas encore une commande, le budget doit être validé." + sign(p)
        )
        if att:
            M.attach(m, quote)
        M.save("quote-update", m, 0)

    # ---- invoice (our accounting)
    for rel in (D + "neg_facture/neg_facture-01.pdf", D + "neg_facture/neg_facture-03.pdf"):
        p = M.party(rel)
        old = docs[rel]["old"]
        own = docs[rel]["own_num"]
        m = M.base(
            ("CEF Comptabilité", OWN["compta"]),
            f"Facture {own} – votre commande {old}",
            M.r.randint(8, 15),
            to=formataddr(who(p)),
        )
        m.set_content(
            f"Madame, Monsieur,\n\nVeuillez trouver ci-joint notre facture {own} relative à votre commande {old}.\n"
            f"Règlement par virement : IBAN {OWN['iban']}.\n\nLe service comptabilité\n{OWN['legal']}\n"
        )
        M.attach(m, rel)
        M.save("invoice", m, 0)

    # ---- cancellation
    for rel, num, att in (
        (D + "sk_erp_mecanique/sk_erp_mecanique-03.pdf", "BC 26/2208", True),
        (D + "fo_transport_logistique/fo_transport_logistique-03.pdf", "CO-26-7724", False),
    ):
        p = M.party(rel)
        m = M.base(who(p), f"Annulation commande {num}", M.r.randint(6, 12))
        m.set_content(
            f"Bonjour,\n\nMerci d'annuler notre commande {num} : le projet est reporté. Ne rien expédier."
            + sign(p)
        )
        if att:
            M.attach(m, rel)
        M.save("cancellation", m, 0)

    # ---- signature-logo-only
    for rel in (
        D + "fo_lettre_artisan/fo_lettre_artisan-04.pdf",
        D + "sk_as400_quincaillerie/sk_as400_quincaillerie-03.pdf",
    ):
        p = M.party(rel)
        m = M.base(who(p), "Commande cartons", M.r.randint(2, 9))
        m.set_content(
            "Bonjour,\n\nJe vous envoie la commande demain, pouvez-vous réserver 300 caisses 600x400x400 ?"
            + sign(p)
        )
        html = (
            "<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain, pouvez-vous r&eacute;server 300 caisses "
            f'600x400x400&nbsp;?</p><p>{p["buyer"]}<br>{p["name"]}</p><img src="cid:sig02@logo"></body></html>'
        )
        m.add_alternative(html, subtype="html")
        m.get_payload()[1].add_related(
            logo(p["name"][:10], (120, 40, 20)),
            maintype="image",
            subtype="png",
            cid="<sig02@logo>",
            disposition="inline",
            filename="image001.png",
        )
        M.save("signature-logo-only", m, 0)

    # ---- out-of-office
    p = M.party(D + "sv_hopital_ehpad/sv_hopital_ehpad-03.pdf")
    m = M.base(who(p), "Réponse automatique : Confirmation de votre commande", 21)
    m["Auto-Submitted"] = "auto-replied"
    m.set_content(
        "Bonjour,\n\nJe suis absente jusqu'au 4 janvier 2027. Pour toute commande urgente, merci de contacter le magasin central.\n"
    )
    M.save("out-of-office", m, 0)
    p = M.party(D + "sv_purchase_en/sv_purchase_en-02.pdf")
    m = M.base(who(p), "Automatic reply: Order acknowledgement", 22)
    m["Auto-Submitted"] = "auto-replied"
    m.set_content(
        "I am out of the office until 5 January 2027 with limited access to e-mail.\n"
        "For purchase orders, please contact procurement@" + p["domain"] + ".\n"
    )
    M.save("out-of-office", m, 0)

    # ---- newsletter
    m = M.base(
        ("Salon Emballage & Logistique", "news@salon-emballage-lyon.fr"),
        "Commandez dès maintenant vos badges pour le salon 2027",
        9,
    )
    m["List-Unsubscribe"] = "<mailto:unsubscribe@salon-emballage-lyon.fr>"
    m["Precedence"] = "bulk"
    m.set_content(
        "Le salon revient du 16 au 18 mars 2027 à Eurexpo.\nCommandez dès maintenant vos badges exposants (réf. BADGE-2027)"
        " et profitez du tarif préférentiel jusqu'au 31 janvier.\n"
    )
    m.add_alternative(
        "<html><body><h1>Salon Emballage &amp; Logistique 2027</h1><p>Commandez d&egrave;s maintenant vos badges.</p></body></html>",
        subtype="html",
    )
    M.save("newsletter", m, 0)

    # ---- rfq
    for rel in (
        D + "neg_demande_prix/neg_demande_prix-01.pdf",
        D + "neg_demande_prix/neg_demande_prix-02.pdf",
    ):
        p = M.party(rel)
        m = M.base(who(p), f"Demande de prix {docs[rel]['own_num']}", M.r.randint(3, 12))
        m.set_content(
            "Bonjour,\n\nMerci de nous faire parvenir votre meilleure offre pour les articles de la demande jointe.\n"
            "Ceci n'est pas une commande." + sign(p)
        )
        M.attach(m, rel)
        M.save("rfq", m, 0)

    # ---- ack-reply
    rel = D + "neg_accuse/neg_accuse-01.pdf"
    p = M.party(rel)
    m = M.base(who(p), f"RE: Accusé de réception {docs[rel]['own_num']}", 10)
    m.set_content(
        f"Bonjour,\n\nMerci pour votre accusé de réception de notre commande {docs[rel]['old']}. "
        "La date de livraison nous convient." + sign(p)
    )
    M.attach(m, rel)
    M.save("ack-reply", m, 0)

    # ---- no-attachment
    p = M.party(D + "sk_carnet_main/sk_carnet_main-03-copieur-couleur.pdf")
    m = M.base(who(p), "commande", 11)
    m.set_content(
        "Bonjour,\n\nPréparez 3 cartons de rouleaux d'étiquettes 57x32 comme d'habitude, le bon de commande suit.\n"
        f"Merci\n{p['first']}\n"
    )
    M.save("no-attachment", m, 0)
    return M.rows
