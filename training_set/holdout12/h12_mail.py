"""Holdout12 mails (stdlib ``email``): order mails carry a corpus document byte for byte."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from h12_data import OWN, OWN_DOMAIN, rng
from PIL import Image, ImageDraw, ImageFont

LOGO_FONT = "/usr/share/fonts/opentype/dosis/Dosis-Bold.otf"

CTYPES = {
    ".pdf": ("application", "pdf"),
    ".jpg": ("image", "jpeg"),
    ".png": ("image", "png"),
    ".tif": ("image", "tiff"),
}


def logo(text: str) -> bytes:
    im = Image.new("RGB", (260, 60), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, 56, 60), fill=(30, 90, 140))
    d.text((70, 12), text[:18], font=ImageFont.truetype(LOGO_FONT, 24), fill=(30, 90, 140))
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def _fix_boundaries(msg: EmailMessage, key: str) -> None:
    for k, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_h12_{rng('boundary', key, k).getrandbits(64):016x}")


class Mails:
    def __init__(self, docs: list[dict], out: Path) -> None:
        self.docs = {(d["fam"], d["idx"]): d for d in docs}
        self.out = out
        self.rows: list[dict] = []
        self.n = 0

    def new(
        self, fam: str, frm: str, subject: str, body: str, to: str | None = None
    ) -> EmailMessage:
        self.n += 1
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = frm
        m["To"] = to or f"ADV {OWN['short']} <commandes@{OWN_DOMAIN}>"
        m["Subject"] = subject
        when = dt.datetime(
            2026,
            12,
            1 + self.n % 7,
            8 + self.n % 10,
            (self.n * 7) % 60,
            tzinfo=dt.timezone(dt.timedelta(hours=1)),
        )
        m["Date"] = format_datetime(when)
        m["Message-ID"] = (
            f"<h12.{rng('msgid', self.n).getrandbits(48):012x}@{frm.split('@')[-1].rstrip('>')}>"
        )
        m["MIME-Version"] = "1.0"
        m.set_content(body)
        self._fam = fam
        return m

    def attach_doc(
        self, m: EmailMessage, key: tuple[str, int], filename: str | None = None
    ) -> dict:
        d = self.docs[key]
        path = self.out / d["path"]
        ext = path.suffix
        mt, st = CTYPES[ext]
        m.add_attachment(path.read_bytes(), maintype=mt, subtype=st, filename=filename or path.name)
        return d

    def inline_logo(self, m: EmailMessage, html: str, name: str) -> None:
        m.add_alternative(html.replace("LOGO", "cid:logo1@h12"), subtype="html")
        html_part = m.get_payload()[1]
        html_part.add_related(
            logo(name),
            maintype="image",
            subtype="png",
            cid="<logo1@h12>",
            filename="logo.png",
            disposition="inline",
        )

    def write(self, m: EmailMessage, is_order: int, number: str) -> None:
        rel = f"mails/{self._fam}/mail-{self.n:03d}.eml"
        _fix_boundaries(m, rel)
        p = self.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(m.as_bytes(policy=policy.SMTP))
        self.rows.append({"path": rel, "is_order": str(is_order), "number": number})


def sender(d: dict) -> str:
    return f"{d['buyer'].split(' ', 1)[1]} <{d['buyer'].split(' ', 1)[1].lower()}@{d['cust']['domain']}>"


def build_mails(docs: list[dict], out: Path) -> list[dict]:
    M = Mails(docs, out)
    D = M.docs
    sig = "\n\n--\n{b}\nService achats – {c}\nTél. {t}"

    def s(d):
        return sig.format(b=d["buyer"], c=d["cust"]["short"], t=d["cust"]["tel"])

    # order-plain-pdf
    for key, body in (
        (
            ("ik_agro_sap", 1),
            "Bonjour,\n\nVeuillez trouver ci-joint notre commande {n}.\nMerci de nous retourner l'accusé de réception.",
        ),
        (
            ("bb_mairie", 2 - 1),
            "Bonjour,\n\nVous trouverez en pièce jointe le bon de commande signé pour la piscine municipale.",
        ),
        (
            ("bb_univ_labo", 2),
            "Bonjour,\n\nCi-joint le bon de commande du laboratoire, merci de livrer au magasin du bâtiment C7.",
        ),
        (("ik_lettre_agri", 5), "Bonjour,\n\nCi-joint notre commande.\nBonne journée"),
    ):
        d = D[key]
        m = M.new(
            "order-plain-pdf",
            sender(d),
            ("Commande " + d["label"]) if "{n}" in body else "Commande",
            body.format(n=d["label"]) + s(d),
        )
        M.attach_doc(m, key)
        M.write(m, 1, d["label"])
    # order-html-logo
    for key, subj in ((("ik_pharma_oracle", 1), "Bon de commande"), (("bb_hopital_ej", 4), "BDC")):
        d = D[key]
        m = M.new(
            "order-html-logo",
            sender(d),
            subj,
            "Bonjour,\n\nMerci de trouver notre bon de commande en pièce jointe." + s(d),
        )
        M.inline_logo(
            m,
            f'<p>Bonjour,</p><p>Merci de trouver notre bon de commande en pièce jointe.</p><p>{d["buyer"]}<br><img src="LOGO" alt="logo"></p>',
            d["cust"]["short"],
        )
        M.attach_doc(m, key)
        M.write(m, 1, d["label"])
    # order-erp-auto
    for key in (("ik_agro_sap", 5), ("bb_hopital_ej", 2)):
        d = D[key]
        m = M.new(
            "order-erp-auto",
            f"noreply-achats@{d['cust']['domain']}",
            f"Commande d'achat {d['label']} – {d['cust']['short']}",
            f"Ce message est généré automatiquement, merci de ne pas y répondre.\nCommande d'achat n° {d['label']} du {d['date']}.\nContact : {d['buyer']}.",
        )
        m["Reply-To"] = sender(d)
        M.attach_doc(m, key, f"BC_{d['label'].replace(' ', '_').replace('/', '-')}.pdf")
        M.write(m, 1, d["label"])
    # order-zip
    d = D[("ik_edi_enseigne", 2)]
    m = M.new(
        "order-zip",
        f"edi-commandes@{d['cust']['domain']}",
        "ORDERS – commande EDI en pièce jointe (zip)",
        "Bonjour,\n\nNotre messagerie bloque les PDF envoyés seuls : la commande est dans l'archive jointe."
        + s(d),
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        zi = zipfile.ZipInfo(Path(d["path"]).name, date_time=(2026, 12, 8, 9, 0, 0))
        z.writestr(zi, (out / d["path"]).read_bytes())
    m.add_attachment(buf.getvalue(), maintype="application", subtype="zip", filename="commande.zip")
    M.write(m, 1, d["label"])
    # order-english
    for key in (("ik_po_intl", 1), ("ik_po_intl", 5)):
        d = D[key]
        m = M.new(
            "order-english",
            sender(d),
            f"Purchase order {d['label']}",
            f"Dear Sir or Madam,\n\nPlease find attached our purchase order {d['label']}. Kindly confirm the delivery date.\n\nBest regards,\n{d['buyer']}",
        )
        M.attach_doc(m, key)
        M.write(m, 1, d["label"])
    # order-fwd-attached
    for key in (("ik_agro_sap", 4), ("bb_multipage", 4)):
        d = D[key]
        inner = EmailMessage(policy=policy.SMTP)
        inner["From"] = f"Direction <direction@{d['cust']['domain']}>"
        inner["To"] = sender(d)
        inner["Subject"] = "Commande validée"
        inner["Date"] = "Thu, 03 Dec 2026 17:42:00 +0100"
        inner.set_content("Commande validée, tu peux l'envoyer au fournisseur.")
        mt, st = CTYPES[Path(d["path"]).suffix]
        inner.add_attachment(
            (out / d["path"]).read_bytes(), maintype=mt, subtype=st, filename=Path(d["path"]).name
        )
        m = M.new(
            "order-fwd-attached",
            sender(d),
            "TR: Commande validée",
            "Bonjour,\n\nJe vous transfère la commande validée par notre direction." + s(d),
        )
        m.add_attachment(inner, filename="Commande_validee.eml")
        M.write(m, 1, d["label"])
    # order-mfp-scan
    for key, dev in (
        (("ik_agro_sap", 2), "RICOH IM C3000"),
        (("ik_lettre_agri", 3), "Canon iR-ADV C5535"),
    ):
        d = D[key]
        m = M.new(
            "order-mfp-scan",
            f"scanner@{d['cust']['domain']}",
            f"Numérisé depuis {dev}",
            f"Numérisé depuis {dev}\nDate : {d['date']}\nPages : 1\n",
        )
        M.attach_doc(m, key, f"SCAN_202612{d['date'][:2]}_0{M.n}4512.pdf")
        M.write(m, 1, d["label"])
    # order-phone-photo
    for key in (("ik_carnet_main", 1), ("ik_lettre_agri", 1)):
        d = D[key]
        m = M.new(
            "order-phone-photo", sender(d), "Cde", "Voilà la commande\n\nEnvoyé de mon iPhone"
        )
        M.attach_doc(m, key, f"IMG_{4410 + M.n}.jpg")
        M.write(m, 1, d["label"])
    # bon-pour-accord (signed quote, no number)
    for key in (("neg_devis", 2), ("neg_devis", 3)):
        d = D[key]
        m = M.new(
            "bon-pour-accord",
            sender(d),
            f"RE: Votre devis {d['own_no']}",
            f"Bonjour,\n\nNous validons votre offre {d['own_no']}. Bon pour accord, devis signé en pièce jointe."
            + s(d),
        )
        M.attach_doc(m, key, "devis signé" + Path(d["path"]).suffix)
        M.write(m, 1, "")
    # order-on-quote (our quote returned with their order number)
    d = D[("ik_devis_cde", 1)]
    m = M.new(
        "order-on-quote",
        sender(d),
        f"RE: Devis {d['own_no']} – commande",
        "Bonjour,\n\nCi-joint votre devis signé, avec notre numéro de commande à reporter sur la facture."
        + s(d),
    )
    M.attach_doc(m, ("ik_devis_cde", 1), "devis_signe.jpg")
    M.write(m, 1, d["label"])
    # order-with-quote
    d = D[("bb_mairie", 4)]
    m = M.new(
        "order-with-quote",
        sender(d),
        "Commande suite à votre devis",
        "Bonjour,\n\nVeuillez trouver ci-joint votre devis et notre bon de commande correspondant."
        + s(d),
    )
    M.attach_doc(m, ("neg_devis", 1))
    M.attach_doc(m, ("bb_mairie", 4))
    M.write(m, 1, d["label"])
    # order-fax-gateway
    d = D[("bb_hopital_ej", 6)]
    m = M.new(
        "order-fax-gateway",
        "Fax2Mail <fax@ecofax-gateway.fr>",
        f"Fax reçu de {d['cust']['tel']} (1 page)",
        f"Vous avez reçu un fax de {d['cust']['tel']}.\nNombre de pages : 1\n",
    )
    M.attach_doc(m, ("bb_hopital_ej", 6), f"fax_{d['cust']['tel'].replace(' ', '')}.tif")
    M.write(m, 1, d["label"])

    # ---------------------------------------------------------------- negatives
    for key, att in (
        (("bb_mairie", 1), False),
        (("ik_pharma_oracle", 2), True),
        (("ik_edi_enseigne", 1), False),
    ):
        d = D[key]
        m = M.new(
            "status-question",
            sender(d),
            f"Où en est notre commande {d['label']} ?",
            f"Bonjour,\n\nOù en est notre commande {d['label']} ? Nous n'avons reçu ni accusé de réception ni date de livraison."
            + s(d),
        )
        if att:
            M.attach_doc(m, key)
        M.write(m, 0, "")
    for att in (True, False):
        d = D[("neg_devis", 1)]
        m = M.new(
            "quote-update",
            sender(d),
            f"Devis {d['own_no']} à actualiser",
            f"Bonjour,\n\nVeuillez actualiser votre offre {d['own_no']} en pièce jointe avec les tarifs 2027, nous la présenterons en commission."
            + s(d),
        )
        if att:
            M.attach_doc(m, ("neg_devis", 1))
        M.write(m, 0, "")
    for key in (("neg_facture", 1), ("neg_facture", 3)):
        d = D[key]
        m = M.new(
            "invoice",
            f"Comptabilité <compta@{OWN_DOMAIN}>",
            f"Facture {d['own_no']}",
            f"Bonjour,\n\nVeuillez trouver ci-joint notre facture {d['own_no']} relative à votre commande {d['old']}.\n\nService comptabilité\n{OWN['name']}",
            to=sender(d),
        )
        M.attach_doc(m, key)
        M.write(m, 0, "")
    for key, att in ((("neg_relance", 1), True), (("neg_relance", 2), False)):
        d = D[key]
        m = M.new(
            "reminder",
            sender(d),
            f"Relance commande {d['old']}",
            f"Bonjour,\n\nNous vous relançons au sujet de notre commande {d['old']}, toujours pas livrée."
            + s(d),
        )
        if att:
            M.attach_doc(m, key, "relance.pdf")
        M.write(m, 0, "")
    for key in (("bb_univ_labo", 1), ("ik_agro_sap", 3)):
        d = D[key]
        m = M.new(
            "signature-logo-only",
            sender(d),
            "Commande à venir",
            "Bonjour,\n\nJe vous envoie la commande demain matin, le temps de la faire signer."
            + s(d),
        )
        M.inline_logo(
            m,
            f'<p>Bonjour,</p><p>Je vous envoie la commande demain matin, le temps de la faire signer.</p><p>{d["buyer"]}<br><img src="LOGO"></p>',
            d["cust"]["short"],
        )
        M.write(m, 0, "")
    for key, en in ((("ik_pharma_oracle", 4), False), (("ik_po_intl", 3), True)):
        d = D[key]
        body = (
            "I am out of the office until 4 January with limited access to e-mail. For urgent purchase orders please contact purchasing."
            if en
            else "Je suis absent(e) jusqu'au 4 janvier. Pour toute commande urgente, merci de contacter le service achats."
        )
        m = M.new(
            "out-of-office",
            sender(d),
            ("Automatic reply: " if en else "Réponse automatique : ") + "Commande",
            body,
        )
        m["Auto-Submitted"] = "auto-replied"
        M.write(m, 0, "")
    for key in (("neg_demande_prix", 1), ("neg_demande_prix", 3)):
        d = D[key]
        m = M.new(
            "rfq",
            sender(d),
            f"Demande de prix {d['own_no']}",
            "Bonjour,\n\nMerci de nous chiffrer les articles de la demande jointe. Ceci n'est pas une commande."
            + s(d),
        )
        M.attach_doc(m, key)
        M.write(m, 0, "")
    d = D[("neg_accuse", 1)]
    m = M.new(
        "ack-reply",
        sender(d),
        f"RE: Accusé de réception {d['own_no']}",
        "Bonjour,\n\nMerci pour votre accusé de réception (ci-joint en retour) ; les quantités sont correctes."
        + s(d),
    )
    M.attach_doc(m, ("neg_accuse", 1))
    M.write(m, 0, "")
    d = D[("ik_lettre_agri", 3)]
    m = M.new(
        "cancellation",
        sender(d),
        f"Annulation commande {d['label']}",
        f"Bonjour,\n\nMerci d'annuler notre commande {d['label']} (ci-jointe), le chantier est reporté."
        + s(d),
    )
    M.attach_doc(m, ("ik_lettre_agri", 3))
    M.write(m, 0, "")
    d = D[("ik_carnet_main", 2)]
    m = M.new(
        "no-attachment",
        sender(d),
        "Commande cartouches",
        "Bonjour,\n\nPréparez-moi 3 cartons de cartouches 10 pouces, le bon de commande suit."
        + s(d),
    )
    M.write(m, 0, "")
    d = D[("ik_edi_enseigne", 4)]
    m = M.new(
        "delivery-question",
        sender(d),
        "Livraison de demain – quai",
        "Bonjour,\n\nPour la livraison de demain, merci de vous présenter au quai 12 avant 8 h, le rendez-vous est confirmé."
        + s(d),
    )
    M.write(m, 0, "")
    return M.rows
