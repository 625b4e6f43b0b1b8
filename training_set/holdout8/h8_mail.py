"""Holdout8 mails (stdlib email). Imports nothing from the repository."""

from __future__ import annotations

import io
import random
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

from PIL import Image, ImageDraw

from h8_data import OWN

TO = OWN["mail"]


def _logo(rng) -> bytes:
    im = Image.new("RGB", (180, 48), "white")
    d = ImageDraw.Draw(im)
    d.rectangle([2, 2, 44, 44], fill=tuple(rng.randint(20, 200) for _ in range(3)))
    d.text((54, 18), "ACHATS", fill=(60, 60, 60))
    b = io.BytesIO()
    im.save(b, "PNG")
    return b.getvalue()


MIME = {"pdf": ("application", "pdf"), "jpg": ("image", "jpeg"), "png": ("image", "png"), "tif": ("image", "tiff")}


def build_mails(out, docs, seed):
    rng = random.Random(f"{seed}:mails")
    t0 = datetime(2026, 11, 23, 8, 5, tzinfo=timezone(timedelta(hours=1)))
    rows = []
    n = [0]

    def path_of(stem):
        return out / docs[stem]["path"]

    def att(msg, stem, name=None, ctype=None):
        p = path_of(stem)
        data = p.read_bytes()
        ext = p.suffix[1:]
        mt, st = ctype or MIME[ext]
        msg.add_attachment(data, maintype=mt, subtype=st, filename=name or p.name)

    def sender(stem=None):
        if stem:
            cust = docs[stem]["cust"]
            who = cust["contact"]
            dom = docs[stem]["cust_mail"].split("@")[1]
        else:
            who = f"{rng.choice(['Anne', 'Luc', 'Paul', 'Marie'])} {rng.choice(['Roche', 'Blanc', 'Faure'])}"
            dom = rng.choice(["sudprocess.fr", "clinique-parc.fr", "mairie-sete.fr"])
        login = who.lower().replace(" ", ".").replace("é", "e").replace("è", "e").replace("É", "e")
        return f"{who} <{login}@{dom}>", who

    def base(frm, subject, agent=None):
        m = EmailMessage(policy=policy.SMTP)
        m["From"] = frm
        m["To"] = TO
        m["Subject"] = subject
        m["Date"] = format_datetime(t0 + timedelta(minutes=97 * (n[0] + 1)))
        m["Message-ID"] = f"<{rng.getrandbits(64):016x}.{n[0]:03d}@{frm.split('@')[1].rstrip('>')}>"
        if agent:
            m["X-Mailer"] = agent
        return m

    def write(family, m, is_order, number=""):
        n[0] += 1
        d = out / "mails" / family
        d.mkdir(parents=True, exist_ok=True)
        rel = f"mails/{family}/mail-{n[0]:03d}.eml"
        for part in m.walk():
            if part.is_multipart():
                part.set_boundary(f"=_h8_{rng.getrandbits(48):012x}")
        (out / rel).write_bytes(m.as_bytes())
        rows.append([rel, "eml", str(is_order), number, "", ""])

    def num(stem):
        return docs[stem].get("number_label", "")

    # --- orders ---------------------------------------------------------------------
    for stem in ["kit_sap_aero-01", "haru_erp_3270-01", "lib_btp_travaux-01"]:
        frm, who = sender(stem)
        m = base(frm, f"Commande {docs[stem]['number']}", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {docs[stem]['number']}.\n"
                      f"Merci de nous envoyer l'accusé de réception.\n\nCordialement,\n{who}\n")
        att(m, stem)
        write("order-plain-pdf", m, 1, num(stem))
    for stem in ["kit_collectivite-01", "haru_sante-01", "lib_gms_retail-01"]:
        frm, who = sender(stem)
        m = base(frm, "Bon de commande", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nCi-joint notre bon de commande.\n\n{who}\nService achats\n")
        m.add_alternative(f"<html><body><p>Bonjour,</p><p>Ci-joint notre bon de commande.</p><p>{who}<br>Service achats</p>"
                          f"<img src=\"cid:logo001\" alt=\"logo\"></body></html>", subtype="html")
        m.get_payload()[1].add_related(_logo(rng), maintype="image", subtype="png", cid="<logo001>", filename="image001.png", disposition="inline")
        att(m, stem)
        write("order-html-related", m, 1, num(stem))
    for stem in ["kit_labo_univ-01", "kit_multipage_meca-01"]:
        frm, who = sender(stem)
        m = base(frm, f"BC {docs[stem]['number']} - Tramontane", "Mozilla Thunderbird 128.4")
        m.set_content(f"Bonjour,\n\nJe vous prie de trouver en pièce jointe le bon de commande n° {docs[stem]['number']}.\n"
                      f"Bien cordialement,\n{who}\n", cte="base64")
        att(m, stem)
        write("order-base64-body", m, 1, num(stem))
    for stem in ["haru_lettre_artisan-01", "lib_gms_retail-02"]:
        frm, who = sender(stem)
        m = base(frm, "commande", "Zimbra 10.1")
        m.set_content(f"Bonjour,\nla commande est dans le zip (le serveur bloque les pdf).\n{who}\n")
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
            zi = zipfile.ZipInfo(path_of(stem).name, date_time=(2026, 11, 23, 9, 0, 0))
            z.writestr(zi, path_of(stem).read_bytes())
        m.add_attachment(b.getvalue(), maintype="application", subtype="zip", filename="commande.zip")
        write("order-zip", m, 1, num(stem))
    for stem in ["lib_group_en-01", "lib_group_en-02"]:
        frm, who = sender(stem)
        m = base(frm, f"Purchase Order {docs[stem]['number']}", "Microsoft Outlook 16.0")
        m.set_content(f"Hello,\n\nPlease find attached our purchase order {docs[stem]['number']}.\n"
                      f"Kindly acknowledge receipt and confirm the delivery date.\n\nBest regards,\n{who}\nGlobal Procurement\n")
        att(m, stem)
        write("order-english", m, 1, num(stem))
    for stem in ["kit_sap_aero-02", "haru_erp_3270-02"]:
        frm, who = sender(stem)
        m = base(frm, f"TR: Commande {docs[stem]['number']}", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nJe vous transfère la commande validée ce matin.\n\n{who}\n\n"
                      f"De : Workflow Achats <noreply@{frm.split('@')[1]}\nEnvoyé : lundi 23 novembre 2026 07:58\n"
                      f"À : {who}\nObjet : Commande {docs[stem]['number']} validée\n\n"
                      f"La commande {docs[stem]['number']} a été approuvée et peut être transmise au fournisseur.\n")
        att(m, stem)
        write("order-fwd-inline", m, 1, num(stem))
    for stem in ["kit_sap_aero-03", "kit_multipage_meca-02"]:
        frm, who = sender(stem)
        m = base(frm, "Numérisation du copieur", None)
        m.set_content(f"Bonjour,\nci-joint le bon de commande signé (scan).\n{who}\n\n"
                      "-- Numérisé depuis Canon iR-ADV C5840 --\n")
        att(m, stem, name=f"SCAN_2026112{n[0] % 10}_{rng.randint(100000, 999999)}.{path_of(stem).suffix[1:]}")
        write("order-mfp-scan", m, 1, num(stem))
    for stem in ["haru_carnet_main-01", "haru_lettre_artisan-02"]:
        frm, who = sender(stem)
        m = base(frm, "Cde", "iPhone Mail (22B91)")
        m.set_content("Bonjour voici la commande en photo\nMerci\n\nEnvoyé de mon iPhone\n")
        att(m, stem, name="IMG_" + str(rng.randint(1000, 9999)) + ".jpg")
        write("order-phone-photo", m, 1, num(stem))
    for stem in ["neg_devis-02", "neg_devis-03"]:
        frm, who = sender(stem)
        quote = docs[stem]["title"].split("N° ")[1]
        m = base(frm, f"RE: Votre devis {quote}", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nBon pour accord, vous trouverez le devis signé en pièce jointe.\n"
                      f"Merci de lancer la commande.\n\n{who}\n")
        att(m, stem, name="devis signé." + path_of(stem).suffix[1:])
        write("bon-pour-accord", m, 1, "")
    for stem in ["kit_labo_univ-03", "haru_sante-03"]:
        frm, who = sender(stem)
        m = base(frm, f"Commande suite à votre devis - {docs[stem]['number']}", "Mozilla Thunderbird 128.4")
        m.set_content(f"Bonjour,\n\nSuite à votre devis (joint pour rappel), voici notre commande {docs[stem]['number']}.\n\n{who}\n")
        order_first = rng.random() < 0.5
        if order_first:
            att(m, stem)
            att(m, "neg_devis-01")
        else:
            att(m, "neg_devis-01")
            att(m, stem)
        write("order-with-quote", m, 1, num(stem))
    # --- non-orders -----------------------------------------------------------------
    for k, stem in enumerate(["kit_collectivite-03", "haru_erp_3270-04", "lib_btp_travaux-05"]):
        frm, who = sender(stem)
        m = base(frm, f"Où en est notre commande {docs[stem]['number']} ?", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nOù en est notre commande {docs[stem]['number']} ? Nous n'avons toujours pas reçu "
                      f"d'accusé de réception ni de date de livraison.\n\n{who}\n")
        if k == 0:
            att(m, stem)
        write("status-question", m, 0)
    for k in range(2):
        frm, who = sender("neg_devis-01")
        m = base(frm, "Actualisation de votre offre", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nVeuillez actualiser votre offre en pièce jointe : les quantités passent à 12 pièces.\n"
                      f"Nous reviendrons vers vous pour la commande.\n\n{who}\n")
        if k == 0:
            att(m, "neg_devis-01")
        write("quote-update", m, 0)
    for stem in ["neg_facture-01", "neg_facture-02"]:
        m = base(f"Comptabilité Tramontane <compta@tramontane-equipements.fr>", f"{docs[stem]['title']}", "Sage 100 Mail")
        m.set_content(f"Madame, Monsieur,\n\nVeuillez trouver ci-joint notre document {docs[stem]['title']} relatif à votre "
                      f"commande {docs[stem]['quoted']}.\n\nService comptabilité\n")
        att(m, stem)
        write("invoice", m, 0)
    for k, stem in enumerate(["lib_btp_travaux-03", "kit_multipage_meca-05"]):
        frm, who = sender(stem)
        m = base(frm, f"Annulation commande {docs[stem]['number']}", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nMerci d'annuler notre commande {docs[stem]['number']}, le chantier est reporté.\n\n{who}\n")
        if k == 0:
            att(m, stem)
        write("cancellation", m, 0)
    for k in range(2):
        frm, who = sender()
        m = base(frm, "Commande à venir", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nJe vous envoie la commande demain, le temps de la faire signer.\n\n{who}\n")
        m.add_alternative(f"<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain, le temps de la faire signer.</p>"
                          f"<p>{who}</p><img src=\"cid:image001.png@01DB\"></body></html>", subtype="html")
        m.get_payload()[1].add_related(_logo(rng), maintype="image", subtype="png", cid="<image001.png@01DB>", filename="image001.png", disposition="inline")
        write("signature-logo-only", m, 0)
    for fr in (True, False):
        frm, who = sender()
        m = base(frm, ("Réponse automatique : " if fr else "Automatic reply: ") + "Commande", "Microsoft Exchange")
        m["Auto-Submitted"] = "auto-replied"
        m.set_content("Je suis absent(e) jusqu'au 30/11 inclus. Pour toute commande urgente, contactez achats@.\n" if fr
                      else "I am out of the office until 30 November. For urgent purchase orders please contact the team.\n")
        write("out-of-office", m, 0)
    m = base("Salon Pollutec <news@pollutec-salon.fr>", "Commandez dès maintenant vos badges visiteurs", "Sendinblue")
    m["List-Unsubscribe"] = "<mailto:unsubscribe@pollutec-salon.fr>"
    m["Precedence"] = "bulk"
    m.set_content("Le salon ouvre ses portes du 1er au 4 décembre.\nCommandez dès maintenant vos badges gratuits.\n")
    m.add_alternative("<html><body><h1>Pollutec 2026</h1><p>Commandez dès maintenant vos badges gratuits.</p></body></html>", subtype="html")
    write("newsletter", m, 0)
    for stem in ["neg_consultation-01", "neg_consultation-02"]:
        frm, who = sender(stem)
        m = base(frm, f"Consultation – {docs[stem]['title']}", "Microsoft Outlook 16.0")
        m.set_content(f"Bonjour,\n\nMerci de nous faire une offre selon la demande de prix jointe. "
                      f"Ceci n'est pas une commande.\n\n{who}\n")
        att(m, stem)
        write("rfq", m, 0)
    frm, who = sender("neg_accuse-01")
    m = base(frm, f"RE: {docs['neg_accuse-01']['title']}", "Microsoft Outlook 16.0")
    m.set_content(f"Bonjour,\n\nMerci pour l'AR. Le délai nous convient.\n\n{who}\n")
    att(m, "neg_accuse-01")
    write("ack-reply", m, 0)
    frm, who = sender()
    m = base(frm, "Préparation commande", "Microsoft Outlook 16.0")
    m.set_content(f"Bonjour,\n\nPouvez-vous préparer 3 cartons de joints EPDM DN50 ? Le bon de commande suit.\n\n{who}\n")
    write("no-attachment", m, 0)
    return rows
