"""Holdout11 mails: stdlib ``email`` (``EmailMessage``, ``policy.SMTP``), fixed dates, MIME
boundaries and Message-IDs from the seed. An order mail's attachment is a corpus document byte
for byte (or a ZIP member, or inside an attached message/rfc822)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import mimetypes
import zipfile
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import numpy as np
from h11_data import SEED, Own
from PIL import Image, ImageDraw


def _h(s: str, n: int = 16) -> str:
    return hashlib.sha256(f"{SEED}:{s}".encode()).hexdigest()[:n]


def _logo(text: str) -> bytes:
    im = Image.new("RGB", (220, 60), (20, 60, 110))
    dr = ImageDraw.Draw(im)
    g = np.random.default_rng(int(_h("logo:" + text, 8), 16))
    for _ in range(6):
        x, y = g.integers(0, 220), g.integers(0, 60)
        dr.ellipse((x, y, x + 30, y + 30), outline=(200, 170, 60), width=3)
    dr.text((12, 20), text, fill=(255, 255, 255))
    b = io.BytesIO()
    im.save(b, "PNG")
    return b.getvalue()


def _slug(name: str) -> str:
    return (
        name.split()[0]
        .lower()
        .strip(".,'")
        .replace("é", "e")
        .replace("è", "e")
        .replace("ô", "o")
        .replace("â", "a")
        or "contact"
    )


def _base(n: int, frm: str, subject: str, to: str = Own.mail) -> EmailMessage:
    m = EmailMessage(policy=policy.SMTP)
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    when = dt.datetime(
        2026, 12, 1 + n % 7, 8 + n % 9, (n * 7) % 60, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    m["Date"] = format_datetime(when)
    m["Message-ID"] = f"<{_h(f'msgid:{n}')}@{frm.split('@')[-1].rstrip('>')}>"
    m["MIME-Version"] = "1.0"
    return m


def _attach(m: EmailMessage, data: bytes, filename: str) -> None:
    ctype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    maintype, subtype = ctype.split("/")
    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)


def _fix_boundaries(m: EmailMessage, key: str) -> None:
    for k, part in enumerate(m.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_h11_{_h(f'boundary:{key}:{k}', 24)}")


def write_mails(out: Path, docs: dict[str, dict]) -> list[dict[str, str]]:
    by = {(v["fam"], v["i"]): (k, v) for k, v in docs.items()}
    rows: list[dict[str, str]] = []
    counter = [0]

    def doc(fam: str, i: int):
        rel, v = by[(fam, i)]
        return v["path"].read_bytes(), v["doc"], docs[rel]

    def sender(d) -> str:
        return f"{d.cust['name'].title()} <{_slug(d.cust['name'])}.achats@{d.cust['domain']}>"

    def emit(family: str, m: EmailMessage, is_order: bool, number: str = "") -> None:
        counter[0] += 1
        folder = out / "mails" / family
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"mail-{counter[0]:03d}.eml"
        _fix_boundaries(m, path.name)
        path.write_bytes(m.as_bytes(policy=policy.SMTP))
        rows.append(
            dict(
                path=path.relative_to(out).as_posix(),
                kind="eml",
                is_order="1" if is_order else "0",
                order_number=number,
                vat="",
                siret="",
            )
        )

    def label(d) -> str:
        return d.labels[0]

    # --- orders ---
    for fam, i, body in (
        (
            "pk_sap_industrie",
            1,
            "Bonjour,\n\nVeuillez trouver ci-joint notre commande {n}.\nMerci de nous retourner l'accusé de réception.\n\nCordialement,\nService Achats",
        ),
        (
            "pk_sage_pme",
            1,
            "Bonjour,\n\nVous trouverez en pièce jointe le bon de commande signé.\nLivraison à l'atelier svp.\n\nC. Boyer",
        ),
        (
            "mu_cnrs_labo",
            1,
            "Bonjour,\n\nCi-joint le bon de commande {n} pour le laboratoire.\nMerci de faire figurer ce numéro sur la facture.\n\nBien cordialement,\nGestionnaire de l'unité",
        ),
    ):
        data, d, _ = doc(fam, i)
        m = _base(
            counter[0] + 1,
            sender(d),
            f"Commande {label(d)}" if i != 1 or fam != "pk_sage_pme" else "Bon de commande",
        )
        m.set_content(body.format(n=d.printed))
        _attach(m, data, f"Commande_{label(d).replace(' ', '_').replace('/', '-')}.pdf")
        emit("order-plain-pdf", m, True, label(d))

    for fam, i, subj in (
        ("pk_public_chorus", 2, "Bon de commande"),
        ("mu_retail_enseigne", 1, "BDC"),
    ):
        data, d, _ = doc(fam, i)
        m = _base(counter[0] + 1, sender(d), subj)
        m.set_content("Bonjour,\n\nVeuillez trouver ci-joint notre commande.\n\nCordialement")
        m.add_alternative(
            "<html><body><p>Bonjour,</p><p>Veuillez trouver ci-joint notre commande.</p>"
            f'<p>Cordialement</p><img src="cid:logo{i}@sig" alt="{d.cust["name"]}"></body></html>',
            subtype="html",
        )
        html = m.get_payload()[1]
        html.add_related(
            _logo(d.cust["name"][:24]),
            maintype="image",
            subtype="png",
            cid=f"<logo{i}@sig>",
            filename="logo.png",
            disposition="inline",
        )
        _attach(m, data, f"{fam.split('_')[1]}_{i}.pdf")
        emit("order-html-logo", m, True, label(d))

    for fam, i in (("pk_sap_industrie", 4), ("mu_retail_enseigne", 4)):
        data, d, _ = doc(fam, i)
        m = _base(
            counter[0] + 1, f"noreply-achats@{d.cust['domain']}", f"Commande d'achat {d.printed}"
        )
        m["Reply-To"] = f"acheteur@{d.cust['domain']}"
        m.set_content(
            f"Ce message est généré automatiquement par notre système achats.\nCommande : {d.printed}\nMerci de ne pas répondre à cette adresse."
        )
        _attach(m, data, f"BC_{label(d).replace(' ', '_')}.pdf")
        emit("order-erp-auto", m, True, label(d))

    data, d, _ = doc("pk_as400_negoce", 1)
    m = _base(counter[0] + 1, sender(d), "Commande fournisseur")
    m.set_content(
        "Bonjour,\n\nNotre commande en pièce jointe (fichier zippé : notre messagerie bloque les PDF envoyés seuls).\n\nSalutations"
    )
    zb = io.BytesIO()
    with zipfile.ZipFile(zb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("CDE_FOURNISSEUR.pdf", date_time=(2026, 12, 7, 9, 0, 0)), data)
    m.add_attachment(zb.getvalue(), maintype="application", subtype="zip", filename="commande.zip")
    emit("order-zip", m, True, label(d))

    for i in (1, 2):
        data, d, _ = doc("mu_purchase_en", i)
        m = _base(counter[0] + 1, sender(d), f"Purchase order {d.printed}" if i == 1 else "New PO")
        m.set_content(
            "Hello,\n\nPlease find attached our purchase order. Kindly confirm the delivery date.\n\nBest regards,\nProcurement"
        )
        _attach(m, data, f"PO_{i}.pdf")
        emit("order-english", m, True, label(d))

    for fam, i in (("pk_multipage_btp", 1), ("pk_public_chorus", 4)):
        data, d, _ = doc(fam, i)
        inner = _base(
            counter[0] + 100,
            f"validation@{d.cust['domain']}",
            f"Commande validée {label(d)}",
            f"achats@{d.cust['domain']}",
        )
        inner.set_content("La commande ci-jointe a été validée par le responsable.")
        _attach(inner, data, "commande.pdf")
        _fix_boundaries(inner, f"inner{i}{fam}")
        m = _base(counter[0] + 1, sender(d), f"TR: Commande validée {label(d)}")
        m.set_content(
            "Bonjour,\n\nJe vous transfère la commande validée, merci de la traiter.\n\nCordialement"
        )
        m.add_attachment(inner, filename="Commande validée.eml")
        emit("order-fwd-attached", m, True, label(d))

    for fam, i, dev in (
        ("pk_sap_industrie", 3, "RICOH IM C3000"),
        ("mu_purchase_en", 3, "Canon iR-ADV C5535"),
    ):
        data, d, _ = doc(fam, i)
        m = _base(counter[0] + 1, f"scanner@{d.cust['domain']}", "Document numérisé")
        m.set_content(f"Numérisé depuis {dev}\nPages : 1\nRésolution : 200 dpi")
        _attach(m, data, f"SCAN_2026120{i}_08{i}512.pdf")
        emit("order-mfp-scan", m, True, label(d))

    for fam, i in (("mu_carnet_main", 1), ("mu_lettre_artisan", 2)):
        data, d, _ = doc(fam, i)
        m = _base(counter[0] + 1, f"{_slug(d.cust['name'])}43@orange.fr", "Cde")
        m.set_content("Bonjour voici la commande\n\nEnvoyé de mon iPhone")
        _attach(m, data, f"IMG_{4400 + i * 37}.jpg")
        emit("order-phone-photo", m, True, label(d))

    for i, ext in ((2, "jpg"), (3, "tif")):
        data, d, _ = doc("neg_devis", i)
        no = "DV26-01203" if i == 2 else "DV26-01219"
        m = _base(counter[0] + 1, sender(d), f"RE: Votre devis {no}")
        m.set_content(
            f"Bonjour,\n\nNous validons votre offre {no}. Bon pour accord, devis signé ci-joint.\n\nCordialement"
        )
        _attach(m, data, f"devis signé.{ext}")
        emit("bon-pour-accord", m, True, "")

    for k, (fam, i) in enumerate((("pk_public_chorus", 6), ("mu_cnrs_labo", 6))):
        data, d, _ = doc(fam, i)
        qdata, _, _ = doc("neg_devis", 1)
        m = _base(counter[0] + 1, sender(d), f"Commande {label(d)} suite à votre devis")
        m.set_content(
            f"Bonjour,\n\nSuite à votre devis (joint pour mémoire), veuillez trouver notre commande {d.printed}.\n\nCordialement"
        )
        parts = [(data, f"commande_{i}.pdf"), (qdata, "DV26-01187.pdf")]
        for blob, name in parts if k == 0 else parts[::-1]:
            _attach(m, blob, name)
        emit("order-with-quote", m, True, label(d))

    data, d, _ = doc("mu_lettre_artisan", 1)
    m = _base(counter[0] + 1, sender(d), "commande chantier")
    m.set_content(
        "Bonjour,\n\nVeuillez trouver ci-joint notre commande pour le chantier, à livrer à l'atelier.\n\nP. Brun"
    )
    _attach(m, data, "courrier commande.pdf")
    emit("order-plain-pdf", m, True, label(d))

    # --- not orders ---
    data, d, _ = doc("neg_accuse", 1)
    m = _base(counter[0] + 1, sender(d), "RE: Accusé de réception ARC-26-2207")
    m.set_content(
        "Hello,\n\nThank you for your acknowledgement (attached) - the quantities are correct.\n\nBest regards"
    )
    _attach(m, data, "ARC-26-2207.pdf")
    emit("ack-reply", m, False)

    for fam, i, att in (
        ("pk_sage_pme", 4, True),
        ("mu_cnrs_labo", 4, False),
        ("pk_public_chorus", 1, False),
    ):
        data, d, _ = doc(fam, i)
        m = _base(counter[0] + 1, sender(d), f"Où en est notre commande {label(d)} ?")
        m.set_content(
            f"Bonjour,\n\nOù en est notre commande {label(d)} ? Nous n'avons reçu ni accusé de réception ni date de livraison.\n\nMerci"
        )
        if att:
            _attach(m, data, "commande.pdf")
        emit("status-question", m, False)

    for k, att in ((1, True), (2, False)):
        data, d, _ = doc("neg_devis", 1) if att else doc("pk_sap_industrie", 2)
        m = _base(counter[0] + 1, sender(d), "Actualisation de votre offre")
        m.set_content(
            "Bonjour,\n\nVeuillez actualiser votre offre en pièce jointe avec les tarifs 2027, nous reviendrons vers vous.\n\nCordialement"
            if att
            else "Bonjour,\n\nPourriez-vous actualiser votre offre DV26-00954 ? Les quantités changent.\n\nMerci"
        )
        if att:
            _attach(m, data, "DV26-01187.pdf")
        emit("quote-update", m, False)
        del k

    for i in (1, 2):
        data, d, _ = doc("neg_facture", i)
        m = _base(
            counter[0] + 1,
            "Comptabilité VFV <compta@vfv-fixations.fr>",
            "Votre facture" if i == 1 else "Avoir",
            f"compta@{d.cust['domain']}",
        )
        m.set_content(
            f"Bonjour,\n\nVeuillez trouver ci-joint notre {'facture' if i == 1 else 'avoir'} relative à votre commande {d.old}.\n\nService comptabilité"
        )
        _attach(m, data, f"{'FC' if i == 1 else 'AV'}26_{i}.pdf")
        emit("invoice", m, False)

    data, d, _ = doc("neg_relance", 1)
    m = _base(counter[0] + 1, sender(d), f"Relance commande {d.old}")
    m.set_content(
        f"Bonjour,\n\nCi-joint notre courrier de relance : notre commande {d.old} n'est toujours pas livrée.\n\nCordialement"
    )
    _attach(m, data, "relance.pdf")
    emit("reminder", m, False)
    _, d, _ = doc("neg_relance", 3)
    m = _base(counter[0] + 1, sender(d), f"2e relance – commande {d.old}")
    m.set_content(
        f"Bonjour,\n\nSans nouvelles de votre part : où en est notre commande {d.old} ? Merci de nous rappeler.\n"
    )
    emit("reminder", m, False)

    for i, fam in ((1, "pk_sage_pme"), (2, "mu_cnrs_labo")):
        _, d, _ = doc(fam, i + 1)
        m = _base(counter[0] + 1, sender(d), "Commande")
        m.set_content("Bonjour,\n\nJe vous envoie la commande demain matin.\n\nCordialement")
        m.add_alternative(
            "<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain matin.</p>"
            f'<p>Cordialement</p><img src="cid:sig{i}@logo"></body></html>',
            subtype="html",
        )
        m.get_payload()[1].add_related(
            _logo(d.cust["name"][:24]),
            maintype="image",
            subtype="png",
            cid=f"<sig{i}@logo>",
            filename="image001.png",
            disposition="inline",
        )
        emit("signature-logo-only", m, False)

    for i, (subj, body) in enumerate(
        (
            (
                "Réponse automatique : Commande",
                "Bonjour,\nJe suis absent jusqu'au 4 janvier. Pour toute commande urgente, contactez achats@…\n",
            ),
            (
                "Automatic reply: Purchase order",
                "I am out of the office until January 5th with limited access to e-mail.\n",
            ),
        ),
        1,
    ):
        _, d, _ = doc("mu_purchase_en" if i == 2 else "pk_sap_industrie", 5)
        m = _base(counter[0] + 1, sender(d), subj)
        m["Auto-Submitted"] = "auto-replied"
        m.set_content(body)
        emit("out-of-office", m, False)

    data, d, _ = doc("mu_retail_enseigne", 3)
    m = _base(counter[0] + 1, sender(d), f"Annulation commande {label(d)}")
    m.set_content(
        f"Bonjour,\n\nMerci d'annuler notre commande {label(d)} (ci-jointe) : doublon.\n\nCordialement"
    )
    _attach(m, data, "commande_annulee.tif")
    emit("cancellation", m, False)

    m = _base(
        counter[0] + 1,
        "Salon Expoprotection <news@salon-fixation.fr>",
        "Commandez dès maintenant vos badges !",
    )
    m["List-Unsubscribe"] = "<mailto:unsubscribe@salon-fixation.fr>"
    m["Precedence"] = "bulk"
    m.set_content(
        "Le salon de la fixation ouvre ses portes le 12 mars. Commandez dès maintenant vos badges gratuits."
    )
    emit("newsletter", m, False)

    for i in (1, 2):
        data, d, _ = doc("neg_demande_prix", i)
        m = _base(counter[0] + 1, sender(d), "Demande de prix")
        m.set_content(
            "Bonjour,\n\nMerci de nous chiffrer la demande ci-jointe. Ceci n'est pas une commande.\n\nCordialement"
        )
        _attach(m, data, f"RFQ_{i}.pdf")
        emit("rfq", m, False)

    _, d, _ = doc("mu_carnet_main", 4)
    m = _base(counter[0] + 1, f"{_slug(d.cust['name'])}@wanadoo.fr", "Cartons visserie")
    m.set_content(
        "Bonjour,\nPréparez 3 cartons de vis inox comme la dernière fois, le bon de commande suit.\n"
    )
    emit("no-attachment", m, False)

    return rows
