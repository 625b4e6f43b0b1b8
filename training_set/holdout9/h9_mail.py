"""holdout9: mails (stdlib email). Attachments are byte-for-byte copies of corpus documents.
Imports nothing from the repository."""

from __future__ import annotations

import io
import random
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw

OURBOX = "commandes@hydronova-pompes.fr"
MIME = {".pdf": ("application", "pdf"), ".jpg": ("image", "jpeg"), ".png": ("image", "png"),
        ".tif": ("image", "tiff"), ".zip": ("application", "zip")}


def logo(rng: random.Random) -> bytes:
    im = Image.new("RGB", (180, 48), (255, 255, 255))
    d = ImageDraw.Draw(im)
    col = tuple(rng.randint(0, 160) for _ in range(3))
    d.rectangle([2, 2, 44, 44], fill=col)
    d.text((52, 16), "Service Achats", fill=col)
    b = io.BytesIO()
    im.save(b, "PNG")
    return b.getvalue()


def slug(name: str) -> str:
    import unicodedata
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(ch for ch in name.lower().replace(" ", "-") if ch.isalnum() or ch == "-")[:24].strip("-")


class Mails:
    def __init__(self, out: Path, docs: list[dict], our: dict, rng: random.Random) -> None:
        self.out, self.rng, self.our = out, rng, our
        self.by = {f"{d['family']}-{d['idx']:02d}": d for d in docs}
        self.rows: list[list[str]] = []
        self.n = 0
        self.t = dt.datetime(2026, 11, 2, 8, 12, tzinfo=dt.timezone(dt.timedelta(hours=1)))

    def doc(self, key: str) -> tuple[dict, bytes]:
        d = self.by[key]
        return d, (self.out / d["path"]).read_bytes()

    def sender(self, d: dict) -> tuple[str, str]:
        first, last = d["party"]["buyer"].split(" ", 1)
        dom = slug(d["party"]["name"].replace("SARL", "").replace("SAS", "")) + ".fr"
        addr = f"{slug(first)}.{slug(last)}@{dom}"
        return f"{first} {last} <{addr}>", f"{first} {last}"

    def new(self, frm: str, subject: str, to: str = OURBOX) -> EmailMessage:
        m = EmailMessage(policy=policy.SMTP)
        self.t += dt.timedelta(minutes=self.rng.randint(7, 300))
        m["From"] = frm
        m["To"] = to
        m["Subject"] = subject
        m["Date"] = format_datetime(self.t)
        m["Message-ID"] = f"<{self.rng.getrandbits(64):016x}.{self.rng.randint(1000, 9999)}@{frm.split('@')[-1].rstrip('>')}>"
        m["MIME-Version"] = "1.0"
        return m

    def attach(self, m: EmailMessage, data: bytes, name: str) -> None:
        ext = Path(name).suffix.lower()
        mt, st = MIME[ext]
        m.add_attachment(data, maintype=mt, subtype=st, filename=name)

    def save(self, m: EmailMessage, family: str, is_order: int, number: str) -> None:
        self.n += 1
        random.seed(f"20261207i:boundary:{self.n}")  # email.generator draws boundaries from `random`
        path = self.out / "mails" / family / f"mail-{self.n:03d}.eml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(m.as_bytes(policy=policy.SMTP))
        self.rows.append([path.relative_to(self.out).as_posix(), "eml", str(is_order), number, "", ""])

    def sig(self, d: dict, name: str) -> str:
        p = d["party"]
        return f"\n\nCordialement,\n\n{name}\nService Achats – {p['name']}\n{p['street']} – {p['city']}\nTél. {p['tel']}\n"


def build(out: Path, docs: list[dict], our: dict, rng: random.Random) -> list[list[str]]:
    X = Mails(out, docs, our, rng)

    def fname(d):
        return Path(d["path"]).name

    # --- orders ------------------------------------------------------------------------------
    for key, subj in (("js_industrie_erp-01", "Commande {n}"), ("pb_collectivite-01", "Bon de commande {n}"),
                      ("qt_sap_chimie-01", "Commande HYDRONOVA {n}")):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, subj.format(n=d["printed"]))
        m.set_content(f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {d['printed']}.\n"
                      f"Merci de nous retourner un accusé de réception avec le délai." + X.sig(d, name))
        X.attach(m, data, rng.choice([fname(d), f"Commande_{d['label'].replace(' ', '_').replace('/', '-')}.pdf"]))
        X.save(m, "order-plain-pdf", 1, d["label"])
    for key in ("js_hopital_chu-02", "pb_agro_coop-01", "qt_labo_recherche-02"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, rng.choice(["Bon de commande", "Commande", "BDC"]))
        txt = "Bonjour,\n\nCi-joint notre bon de commande.\nBonne réception." + X.sig(d, name)
        m.set_content(txt)
        html = ("<html><body><p>Bonjour,</p><p>Ci-joint notre bon de commande.<br>Bonne réception.</p>"
                f"<p>Cordialement,<br><b>{name}</b><br>Service Achats – {d['party']['name']}</p>"
                '<p><img src="cid:logo001" alt="logo"></p></body></html>')
        m.add_alternative(html, subtype="html")
        m.get_payload()[1].add_related(logo(rng), maintype="image", subtype="png", cid="<logo001>",
                                       filename="image001.png", disposition="inline")
        X.attach(m, data, fname(d))
        X.save(m, "order-html-logo", 1, d["label"])
    for key in ("qt_sap_chimie-03", "qt_as400_negoce-02"):
        d, data = X.doc(key)
        dom = X.sender(d)[0].split("@")[1].rstrip(">")
        m = X.new(f"Achats – ne pas répondre <noreply-achats@{dom}>", f"Purchase order / Commande {d['printed']}")
        m["Reply-To"] = X.sender(d)[0]
        m.set_content(f"Ce message est généré automatiquement par notre système d'achats.\n\n"
                      f"Commande n° {d['printed']} – {d['party']['name']}\nAcheteur : {d['party']['buyer']}\n\n"
                      "Merci de ne pas répondre à cette adresse ; pour toute question, contactez l'acheteur.\n")
        X.attach(m, data, f"BC_{d['label'].replace(' ', '').replace('/', '_')}.pdf")
        X.save(m, "order-erp-auto", 1, d["label"])
    for key in ("js_industrie_erp-03", "qt_multipage_maint-01"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        z = io.BytesIO()
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
            zi = zipfile.ZipInfo(fname(d), date_time=(2026, 11, 20, 10, 0, 0))
            zf.writestr(zi, data, zipfile.ZIP_DEFLATED)
        m = X.new(frm, f"Commande {d['printed']} (zip)")
        m.set_content("Bonjour,\n\nNotre messagerie bloque les PDF en sortie : vous trouverez notre commande dans "
                      "l'archive jointe." + X.sig(d, name))
        X.attach(m, z.getvalue(), "commande.zip")
        X.save(m, "order-zip", 1, d["label"])
    for key in ("js_purchase_en-01", "js_purchase_en-02"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, f"PO {d['printed']} – HYDRONOVA")
        m.set_content(f"Hello,\n\nPlease find attached our purchase order {d['printed']}.\nKindly confirm receipt and "
                      f"delivery date.\n\nBest regards,\n{name}\nProcurement – {d['party']['name']}\n")
        X.attach(m, data, fname(d))
        X.save(m, "order-english", 1, d["label"])
    for key in ("pb_lettre_btp-02", "qt_multipage_maint-03"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        inner = X.new(frm, f"Commande {d['printed']}", to=f"{name} <{frm.split('<')[1]}")
        inner.set_content("Commande validée, à transmettre au fournisseur.\n")
        X.attach(inner, data, fname(d))
        m = X.new(frm, f"TR: Commande {d['printed']}")
        m.set_content("Bonjour,\n\nJe vous transfère la commande validée par notre direction (message joint)." + X.sig(d, name))
        m.add_attachment(inner, filename="Commande.eml")
        X.save(m, "order-fwd-attached", 1, d["label"])
    for key, dev in (("js_industrie_erp-02", "Canon iR-ADV C5535"), ("pb_collectivite-05", "RICOH IM C3000")):
        d, data = X.doc(key)
        dom = X.sender(d)[0].split("@")[1].rstrip(">")
        m = X.new(f"scanner@{dom}", "Numérisation depuis " + dev)
        m.set_content(f"Numérisé depuis {dev}\nDate : {d['date'][0]}\nPages : 1\nFormat : PDF\n")
        X.attach(m, data, f"SCAN_{rng.randint(20261100000000, 20261130235959)}.pdf")
        X.save(m, "order-mfp-scan", 1, d["label"])
    for key in ("js_carnet_artisan-01", "pb_lettre_btp-01"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, rng.choice(["Cde", "commande", "Cde chantier"]))
        m.set_content(f"Bonjour voici la commande, livraison dès que possible svp\n{name.split()[0]}\n\nEnvoyé de mon iPhone\n")
        X.attach(m, data, f"IMG_{rng.randint(1000, 9999)}.jpg")
        X.save(m, "order-phone-photo", 1, d["label"])
    for key in ("neg_devis-02", "neg_devis-03"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, "RE: Votre devis")
        m.set_content("Bonjour,\n\nBon pour accord, vous trouverez le devis signé en pièce jointe.\n"
                      "Merci de nous confirmer le délai." + X.sig(d, name))
        X.attach(m, data, "devis signé" + Path(d["path"]).suffix)
        X.save(m, "bon-pour-accord", 1, "")
    qd, qdata = X.doc("neg_devis-01")
    for key, first in (("js_industrie_erp-04", True), ("pb_agro_coop-04", False)):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, f"Commande {d['printed']} suite à votre devis")
        m.set_content(f"Bonjour,\n\nCi-joint notre commande {d['printed']}, ainsi que votre devis pour rappel." + X.sig(d, name))
        pairs = [(data, fname(d)), (qdata, fname(qd))]
        for b, n in (pairs if first else pairs[::-1]):
            X.attach(m, b, n)
        X.save(m, "order-with-quote", 1, d["label"])
    # --- not orders --------------------------------------------------------------------------
    for key, att in (("qt_labo_recherche-04", True), ("js_hopital_chu-05", False), ("pb_agro_coop-02", False)):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, f"Où en est notre commande {d['printed']} ?")
        m.set_content(f"Bonjour,\n\nOù en est notre commande {d['printed']} passée le {d['date'][0]} ? "
                      "Nous n'avons reçu ni accusé de réception ni date de livraison." + X.sig(d, name))
        if att:
            X.attach(m, data, fname(d))
        X.save(m, "status-question", 0, "")
    for att in (True, False):
        d, data = qd, qdata
        frm, name = X.sender(d)
        m = X.new(frm, "Actualisation de votre offre")
        m.set_content("Bonjour,\n\nVeuillez actualiser votre offre en pièce jointe (prix 2027 et délai), nous "
                      "devons la présenter en commission." + X.sig(d, name))
        if att:
            X.attach(m, data, fname(d))
        X.save(m, "quote-update", 0, "")
    for key in ("neg_facture-01", "neg_facture-02"):
        d, data = X.doc(key)
        m = X.new(f"Comptabilité HYDRONOVA <compta@hydronova-pompes.fr>", "Votre facture" if not d.get("credit") else "Votre avoir",
                  to=X.sender(d)[0])
        m.set_content(f"Madame, Monsieur,\n\nVeuillez trouver ci-joint notre {'avoir' if d.get('credit') else 'facture'} "
                      f"relatif à votre commande {d['old']}.\n\nService comptabilité\nHYDRONOVA\n")
        X.attach(m, data, fname(d))
        X.save(m, "invoice", 0, "")
    for key, att in (("pb_collectivite-03", True), ("qt_as400_negoce-06", False)):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, f"Annulation commande {d['printed']}")
        m.set_content(f"Bonjour,\n\nMerci d'annuler notre commande {d['printed']} (doublon). Ne pas livrer." + X.sig(d, name))
        if att:
            X.attach(m, data, fname(d))
        X.save(m, "cancellation", 0, "")
    for key in ("qt_sap_chimie-05", "pb_lettre_btp-05"):
        d, _ = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, "Commande à venir")
        m.set_content("Bonjour,\n\nJe vous envoie la commande demain, le bon est à la signature." + X.sig(d, name))
        m.add_alternative("<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain, le bon est à la "
                          f"signature.</p><p>{name}</p><img src=\"cid:sig01\"></body></html>", subtype="html")
        m.get_payload()[1].add_related(logo(rng), maintype="image", subtype="png", cid="<sig01>",
                                       filename="signature.png", disposition="inline")
        X.save(m, "signature-logo-only", 0, "")
    for fr in (True, False):
        d, _ = X.doc("qt_labo_recherche-05" if fr else "js_purchase_en-04")
        frm, name = X.sender(d)
        m = X.new(frm, ("Réponse automatique : " if fr else "Automatic reply: ") + "Commande")
        m["Auto-Submitted"] = "auto-replied"
        m.set_content("Je suis absent(e) jusqu'au 4 janvier. Pour toute commande urgente, contactez achats@... \n"
                      if fr else "I am out of the office until January 4th with limited access to e-mail.\n")
        X.save(m, "out-of-office", 0, "")
    m = X.new("Salon Pollutec <newsletter@pollutec-salon.fr>", "Commandez dès maintenant vos badges Pollutec 2027")
    m["List-Unsubscribe"] = "<mailto:unsubscribe@pollutec-salon.fr>"
    m["Precedence"] = "bulk"
    m.set_content("Le salon des solutions environnementales ouvre ses portes. Commandez vos badges gratuits dès maintenant.\n")
    m.add_alternative("<html><body><h1>Pollutec 2027</h1><p>Commandez vos badges.</p></body></html>", subtype="html")
    X.save(m, "newsletter", 0, "")
    for key in ("neg_demande_prix-01", "neg_demande_prix-03"):
        d, data = X.doc(key)
        frm, name = X.sender(d)
        m = X.new(frm, "Demande de prix")
        m.set_content("Bonjour,\n\nMerci de nous faire une offre pour la demande jointe. Ceci n'est pas une commande." + X.sig(d, name))
        X.attach(m, data, fname(d))
        X.save(m, "rfq", 0, "")
    d, data = X.doc("neg_accuse-01")
    frm, name = X.sender(d)
    m = X.new(frm, "RE: Accusé de réception de votre commande")
    m.set_content(f"Bonjour,\n\nMerci pour l'AR ci-joint. Le délai nous convient." + X.sig(d, name))
    X.attach(m, data, fname(d))
    X.save(m, "ack-reply", 0, "")
    d, _ = X.doc("pb_lettre_btp-06")
    frm, name = X.sender(d)
    m = X.new(frm, "Préparation commande")
    m.set_content("Bonjour,\n\nPouvez-vous préparer 3 cartons de cartouches 20\" ? Le bon de commande suit." + X.sig(d, name))
    X.save(m, "no-attachment", 0, "")
    return X.rows
