"""The mails: stdlib ``email`` (EmailMessage, policy.SMTP), fixed dates, boundaries and Message-IDs
from the seed."""

from __future__ import annotations

import io
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

from PIL import Image, ImageDraw

from h13_data import OUR, digest

TO = formataddr(("ADV JTA Anjou", OUR.mail))
CGA = (
    "CONDITIONS GÉNÉRALES D'ACHAT\n\n"
    + "\n".join(
        f"Article {i}. Toute livraison doit être accompagnée d'un bon de livraison rappelant la référence de la "
        "commande, la désignation, la quantité et le lot. Les délais s'entendent marchandise rendue sur site."
        for i in range(1, 12)
    )
).encode("utf-8")


def _logo(text: str) -> bytes:
    im = Image.new("RGB", (160, 40), (20, 70, 130))
    ImageDraw.Draw(im).text((8, 12), text[:22], fill=(255, 255, 255))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


MIME = {".pdf": ("application", "pdf"), ".jpg": ("image", "jpeg"), ".png": ("image", "png"), ".tif": ("image", "tiff")}


class MailWriter:
    def __init__(self, out: Path, docs: list[dict]):
        self.out = out
        self.by_key = {(e["fam"], e["idx"]): e for e in docs}
        self.rows: list[list[str]] = []
        self.n = 0

    def doc(self, fam, idx):
        return self.by_key[(fam, idx)]

    def new(self, sender, subject, body, day=8, hh=9, mm=12, extra=None):
        self.n += 1
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = sender
        m["To"] = TO
        m["Subject"] = subject
        m["Date"] = f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(day + 1) % 7]}, {day:02d} Dec 2026 {hh:02d}:{mm:02d}:00 +0100"
        m["Message-ID"] = f"<{digest('msgid', self.n, n=20)}@{sender.split('@')[-1].rstrip('>')}>"
        m["MIME-Version"] = "1.0"
        for k, v in (extra or {}).items():
            m[k] = v
        m.set_content(body)
        return m

    def attach(self, m, e, filename=None):
        path = self.out / e["path"]
        data = path.read_bytes()
        main, sub = MIME[path.suffix]
        m.add_attachment(data, maintype=main, subtype=sub, filename=filename or path.name)

    def save(self, m, category, is_order, number=""):
        k = 0
        for part in m.walk():
            if part.is_multipart():
                k += 1
                part.set_boundary(f"=_h13_{digest('boundary', self.n, k, n=24)}")
        rel = f"mails/{category}/mail-{self.n:03d}.eml"
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(m.as_bytes(policy=policy.SMTP))
        self.rows.append([rel, "eml", str(is_order), number, "", ""])


def sender_of(e, person="achats"):
    c = e["doc"].party
    return formataddr((f"{person.title()} {c.name.title()[:30]}", c.mail.replace("achats@", f"{person}@")))


def write_mails(out: Path, docs: list[dict]) -> list[list[str]]:
    w = MailWriter(out, docs)
    num = {(e["fam"], e["idx"]): e["label"] for e in docs}

    def order(fam, idx, category, subject, body, fname=None, **kw):
        e = w.doc(fam, idx)
        m = w.new(sender_of(e), subject, body, **kw)
        w.attach(m, e, fname)
        w.save(m, category, 1, num[(fam, idx)])

    sig = "\n\n--\nService Achats\n"
    order("tc_sap_chimie", 1, "order-plain-pdf", "Commande 4500712386",
          "Bonjour,\n\nVeuillez trouver ci-joint notre commande 4500712386.\nMerci de nous retourner l'AR sous 48h." + sig)
    order("tc_public_ej", 1, "order-plain-pdf", "Bon de commande",
          "Bonjour,\n\nVous trouverez en pièce jointe le bon de commande signé par l'ordonnateur.\n\nCordialement" + sig, hh=10)
    order("tc_cnrs_labo", 3, "order-plain-pdf", "commande labo",
          "Bonjour Monsieur,\nCi-joint le bon de commande du laboratoire (SIFAC).\nBien cordialement,\nLa gestionnaire", hh=11)
    order("tc_agro_coop", 1, "order-plain-pdf", "Cde", "Ci-joint notre commande.\n\nEnvoyé depuis Outlook", hh=14)
    for fam, idx, subj in (("tc_dolibarr_pme", 1, "Bon de commande"), ("tc_po_intl", 4, "BDC")):
        e = w.doc(fam, idx)
        m = w.new(sender_of(e), subj, "Bonjour,\n\nMerci de trouver notre bon de commande en pièce jointe.\n\nCordialement,\n" + e["doc"].party.name)
        m.add_alternative(
            f"<html><body><p>Bonjour,</p><p>Merci de trouver notre bon de commande en pièce jointe.</p>"
            f"<p>Cordialement,<br>{e['doc'].party.name}</p><img src=\"cid:logo{idx}\" alt=\"logo\"></body></html>",
            subtype="html",
        )
        html = m.get_payload()[1]
        html.add_related(_logo(e["doc"].party.name), "image", "png", cid=f"<logo{idx}>", disposition="inline", filename="logo.png")
        w.attach(m, e)
        w.save(m, "order-html-logo", 1, num[(fam, idx)])
    e = w.doc("tc_dolibarr_pme", 4)
    m = w.new(formataddr(("Dolibarr", "noreply-achats@" + e["doc"].party.mail.split("@")[1])),
              "[Dolibarr] Commande fournisseur CF 26120044",
              "Bonjour,\n\nVeuillez trouver, ci-joint, la commande CF 26120044.\n\nCe message est envoyé automatiquement, merci de répondre à l'acheteur.\n",
              extra={"Reply-To": e["doc"].party.mail})
    w.attach(m, e, "CF_26120044.pdf")
    w.save(m, "order-erp-auto", 1, num[("tc_dolibarr_pme", 4)])
    e = w.doc("tc_sap_chimie", 6)
    m = w.new(formataddr(("SAP Einkauf", "noreply-achats@" + e["doc"].party.mail.split("@")[1])),
              "Commande d'achat / Purchase order 4500731152",
              "Ceci est un message automatique. This is an automatic message.\nPièce jointe : commande d'achat.\nNe pas répondre - do not reply.\n",
              extra={"Reply-To": e["doc"].party.mail}, hh=6, mm=2)
    w.attach(m, e, "BC_4500731152.pdf")
    w.save(m, "order-erp-auto", 1, num[("tc_sap_chimie", 6)])
    e = w.doc("tc_retail_edi", 5)
    m = w.new(sender_of(e, "appro"), "Commande magasin", "Bonjour,\nnotre messagerie bloque les fichiers envoyés seuls, la commande est dans le zip.\nCdt")
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo(Path(e["path"]).name, date_time=(2026, 12, 8, 8, 0, 0))
        z.writestr(info, (out / e["path"]).read_bytes())
    m.add_attachment(zbuf.getvalue(), maintype="application", subtype="zip", filename="commande.zip")
    w.save(m, "order-zip", 1, num[("tc_retail_edi", 5)])
    order("tc_po_intl", 1, "order-english", "Purchase Order PO-26-118203",
          "Dear Sir or Madam,\n\nPlease find attached our purchase order PO-26-118203.\nKindly confirm delivery date.\n\nBest regards,\nProcurement")
    order("tc_po_intl", 6, "order-english", "New PO",
          "Hello,\nplease find attached our new order. Merci de confirmer.\nRegards")
    # forward with the validation mail attached as message/rfc822
    e = w.doc("tc_public_ej", 4)
    inner = EmailMessage(policy=policy.SMTP)
    inner["From"] = formataddr(("Direction des achats", e["doc"].party.mail))
    inner["To"] = formataddr(("Magasin", "magasin@" + e["doc"].party.mail.split("@")[1]))
    inner["Subject"] = "Commande validée"
    inner["Date"] = "Mon, 07 Dec 2026 16:40:00 +0100"
    inner.set_content("La commande est validée, vous pouvez la transmettre au fournisseur.")
    inner.add_attachment((out / e["path"]).read_bytes(), maintype="application", subtype="pdf", filename=Path(e["path"]).name)
    m = w.new(sender_of(e, "magasin"), "TR: Commande validée", "Bonjour,\nPour suite à donner, voir le message ci-joint.\nMerci")
    m.add_attachment(inner)
    w.save(m, "order-fwd-attached", 1, num[("tc_public_ej", 4)])
    order("tc_btp_multipage", 1, "order-fwd-inline", "TR: BDC chantier Les Tilleuls",
          "Bonjour,\nje vous transfère la commande du chantier.\n\n-------- Message transféré --------\n"
          "De : Conducteur de travaux\nÀ : Achats\nObjet : BDC chantier\n\n> Voici le BDC pour la 1re tranche, à passer chez JTA.\n")
    order("tc_sap_chimie", 4, "order-mfp-scan", "Numérisation",
          "Numérisé depuis RICOH IM C3000\nNombre de pages : 1\n", fname="SCAN_20261208_081422.pdf", hh=8, mm=14)
    order("tc_btp_multipage", 3, "order-mfp-scan", "Message from Canon iR-ADV C5535",
          "Scanned from Canon iR-ADV C5535\nPages: 2\n", fname="SCAN_20261208_152003.pdf", hh=15, mm=20)
    order("tc_carnet_main", 1, "order-phone-photo", "Cde", "\n\nEnvoyé de mon iPhone", fname="IMG_4127.jpg", hh=7, mm=3)
    order("tc_lettre_artisan", 2, "order-phone-photo", "commande", "Bonjour voici ma commande\n\nEnvoyé de mon Galaxy", fname="IMG_20261208_184502.jpg", hh=18)
    e = w.doc("tc_public_ej", 2)
    m = w.new(formataddr(("Fax2Mail", "fax@fax2mail-gw.fr")), f"Fax reçu de {e['doc'].party.phone} (1 page)",
              f"Vous avez reçu un fax de {e['doc'].party.phone}.\nPages : 1\nDurée : 00:41\n")
    w.attach(m, e, f"fax_{e['doc'].party.phone.replace(' ', '')}.tif")
    w.save(m, "order-fax-gateway", 1, num[("tc_public_ej", 2)])
    for idx, fname in ((2, "devis signé.jpg"), (3, "devis_signe.png")):
        e = w.doc("neg_devis", idx)
        m = w.new(sender_of(e, "direction"), f"RE: Votre devis {e['doc'].own}",
                  f"Bonjour,\n\nNous validons votre offre {e['doc'].own}. Bon pour accord, voir le devis signé en PJ.\n\nCordialement")
        w.attach(m, e, fname)
        w.save(m, "bon-pour-accord", 1, "")
    order("tc_devis_cde", 1, "order-on-quote", "RE: devis", "Bonjour,\nvotre devis signé avec notre n° de commande.\nCdlt", fname="devis_signe_cde.jpg")
    e_q, e_o = w.doc("neg_devis", 1), w.doc("tc_dolibarr_pme", 6)
    m = w.new(sender_of(e_o), "Commande CF2612-0095 suite devis",
              "Bonjour,\nSuite à votre devis (joint pour rappel), voici notre commande CF2612-0095.\nCordialement")
    w.attach(m, e_q)
    w.attach(m, e_o)
    w.save(m, "order-with-quote", 1, num[("tc_dolibarr_pme", 6)])
    e = w.doc("tc_retail_edi", 1)
    m = w.new(sender_of(e, "appro"), "Commande + CGA", "Bonjour,\nCi-joint notre commande et nos conditions générales d'achat.\nCordialement")
    w.attach(m, e)
    m.add_attachment(CGA, maintype="text", subtype="plain", filename="CGA_2026.txt")
    w.save(m, "order-multi-attach", 1, num[("tc_retail_edi", 1)])

    # --------------------------------------------------------------- non-orders
    def other(e, category, subject, body, att=None, person="achats", **kw):
        m = w.new(sender_of(e, person), subject, body, **kw)
        if att is not None:
            w.attach(m, att)
        w.save(m, category, 0)

    e = w.doc("tc_dolibarr_pme", 1)
    other(e, "status-question", "Où en est notre commande CF2612-0041 ?",
          "Bonjour,\nOù en est notre commande CF2612-0041 ? Je vous la remets en pièce jointe.\nMerci", att=e, day=14)
    e = w.doc("tc_po_intl", 1)
    other(e, "status-question", "PO-26-118203 status", "Hello,\nCould you let us know the shipping date of our PO-26-118203?\nThanks", day=15)
    e = w.doc("tc_sap_chimie", 1)
    other(e, "status-question", "Commande 4500712386 - délai ?", "Bonjour, avez-vous une date de livraison pour notre commande 4500712386 ?", day=15, hh=16)
    e = w.doc("neg_devis", 1)
    other(e, "quote-update", f"Actualisation devis {e['doc'].own}",
          f"Bonjour,\nVeuillez actualiser votre offre {e['doc'].own} en pièce jointe, les quantités ont changé.\nMerci", att=e)
    other(e, "quote-update", "Mise à jour tarif", "Bonjour, pouvez-vous nous refaire le devis avec les prix 2027 ?\nCordialement")
    for idx in (1, 2):
        e = w.doc("neg_facture", idx)
        m = w.new(formataddr(("Comptabilité JTA Anjou", "compta@jta-anjou.fr")), f"Facture {e['doc'].own}",
                  f"Bonjour,\nVeuillez trouver ci-joint notre document {e['doc'].own} relatif à votre commande {e['doc'].old}.\nService comptabilité")
        m.replace_header("To", e["doc"].party.mail)
        w.attach(m, e)
        w.save(m, "invoice", 0)
    e = w.doc("neg_relance", 1)
    other(e, "reminder", f"Relance commande {e['doc'].old}", "Bonjour,\nci-joint notre courrier de relance.\nCordialement", att=e, day=16)
    e = w.doc("neg_relance", 2)
    other(e, "reminder", f"2e relance - commande {e['doc'].old}", f"Bonjour,\nToujours rien reçu pour la commande {e['doc'].old}. Merci de revenir vers nous rapidement.", day=18)
    e = w.doc("tc_agro_coop", 2)
    m = w.new(sender_of(e), "commande demain", "Bonjour,\nJe vous envoie la commande demain matin.\nCordialement")
    m.add_alternative('<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain matin.</p><img src="cid:sig"></body></html>', subtype="html")
    m.get_payload()[1].add_related(_logo(e["doc"].party.name), "image", "png", cid="<sig>", disposition="inline", filename="signature.png")
    w.save(m, "signature-logo-only", 0)
    e = w.doc("tc_cnrs_labo", 1)
    other(e, "out-of-office", "Réponse automatique : Commande", "Je suis absente du 7 au 18 décembre. Pour toute commande urgente, contactez le secrétariat.",
          extra={"Auto-Submitted": "auto-replied"})
    e = w.doc("tc_po_intl", 3)
    other(e, "out-of-office", "Automatic reply: PO confirmation", "I am out of the office until 4 January with limited access to e-mail.",
          extra={"Auto-Submitted": "auto-replied"})
    for idx in (1, 2):
        e = w.doc("neg_demande_prix", idx)
        other(e, "rfq", f"Demande de prix {e['doc'].own}", "Bonjour,\nMerci de nous chiffrer la demande jointe. Ceci n'est pas une commande.\nCordialement", att=e)
    e = w.doc("neg_accuse", 1)
    other(e, "ack-reply", "RE: Accusé de réception", "Bonjour,\nBien reçu votre AR, la date nous convient.\nMerci", att=e)
    e = w.doc("tc_agro_coop", 6)
    other(e, "cancellation", "Annulation commande 26.1187", "Bonjour,\nMerci d'annuler notre commande 26.1187 ci-jointe, le besoin n'existe plus.\nCordialement", att=e)
    e = w.doc("tc_lettre_artisan", 5)
    other(e, "no-attachment", "cartons", "Salut,\npréparez-moi 4 cartons de joints toriques 45x3, le bon de commande suit.\nMerci")
    e = w.doc("tc_retail_edi", 3)
    other(e, "delivery-question", "Livraison de demain", "Bonjour,\nPour la livraison de demain, merci de vous présenter au quai 4 avant 10h.\nCdt")
    e = w.doc("neg_bl", 2)
    other(e, "bl-dispute", f"Réserves livraison {e['doc'].own}", "Bonjour,\nUn colis manquant à la livraison, voir le BL signé avec réserves.\nCordialement", att=e)
    return w.rows
