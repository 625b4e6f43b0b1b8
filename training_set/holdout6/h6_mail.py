"""The mails (stdlib `email.message.EmailMessage`, policy default). Message-IDs, dates and MIME
boundaries come from the seed. Imports nothing from the repository.
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

import h6_data as d
import h6_typst as ty
import numpy as np
from PIL import Image, ImageDraw

OURS = "commandes@maubrac-equipements.fr"
PARIS = timezone(timedelta(hours=1))


def _logo(rng: random.Random, text: str) -> bytes:
    im = Image.new("RGB", (220, 60), (255, 255, 255))
    dr = ImageDraw.Draw(im)
    col = tuple(rng.randint(0, 140) for _ in range(3))
    dr.rectangle((4, 8, 48, 52), fill=col)
    dr.text((58, 22), text[:22], fill=col)
    arr = np.asarray(im).copy()
    npr = np.random.default_rng(rng.randint(0, 2**31))
    arr[:, :, 2] = np.clip(arr[:, :, 2].astype(int) - npr.integers(0, 3, arr.shape[:2]), 0, 255)
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "PNG")
    return buf.getvalue()


def _cga_pdf() -> bytes:
    body = ("Article 1 - Objet. Les présentes conditions générales d'achat s'appliquent à toute "
            "commande passée par l'acheteur. Article 2 - Prix. Les prix sont fermes et non "
            "révisables. Article 3 - Livraison. Toute livraison est accompagnée d'un bon de "
            "livraison rappelant la référence de la commande. Article 4 - Facturation. ")
    return ty.compile_pdf(ty.preamble("Noto Serif", 9, "#000000")
                          + "= " + ty.esc("Conditions générales d'achat") + "\n\n"
                          + (ty.esc(body) + "\n\n") * 14)


class Box:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.t = datetime(2026, 11, 2, 8, 0, tzinfo=PARIS)

    def when(self) -> datetime:
        self.t += timedelta(minutes=self.rng.randint(25, 900))
        if self.t.hour > 19:
            self.t = self.t.replace(hour=8) + timedelta(days=1)
        return self.t

    def base(self, frm: str, to: str, subject: str, mailer: str | None = None,
             extra: dict | None = None, dom: str = "example.fr") -> EmailMessage:
        m = EmailMessage(policy=policy.default)
        m["From"] = frm
        m["To"] = to
        m["Subject"] = subject
        m["Date"] = format_datetime(self.when())
        m["Message-ID"] = f"<{self.rng.getrandbits(64):016x}.{self.rng.randint(1000, 9999)}@{dom}>"
        m["MIME-Version"] = "1.0"
        if mailer:
            m["X-Mailer"] = mailer
        for k, v in (extra or {}).items():
            m[k] = v
        return m

    def done(self, m: EmailMessage) -> bytes:
        for part in m.walk():
            if part.is_multipart():
                part.set_boundary(f"----=_NextPart_{self.rng.getrandbits(48):012X}")
        return m.as_bytes(policy=policy.SMTP)


def _attach(m: EmailMessage, data: bytes, name: str) -> None:
    ext = name.rsplit(".", 1)[-1].lower()
    maintype, subtype = {"pdf": ("application", "pdf"), "jpg": ("image", "jpeg"),
                         "png": ("image", "png"), "tif": ("image", "tiff")}[ext]
    m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)


def _who(c: d.Party) -> str:
    return f"{c.contact} <{c.email}>"


def build_all(rng: random.Random, docs: list[dict], files: dict) -> list[list[str]]:
    box = Box(rng)
    orders = [x for x in docs if not x["family"].startswith("neg_")]
    text_orders = [x for x in orders if x["kind"] == "pdf-text"]
    scan_orders = [x for x in orders if x["kind"] == "scan"]
    rng.shuffle(text_orders)
    rng.shuffle(scan_orders)
    neg = {x["path"]: x for x in docs if x["family"].startswith("neg_")}
    rows: list[list[str]] = []
    counters: dict[str, int] = {}

    def put(fam: str, m: EmailMessage, is_order: bool, label: str) -> None:
        counters[fam] = counters.get(fam, 0) + 1
        rel = f"mails/{fam}/mail-{counters[fam]:03d}.eml"
        files[rel] = box.done(m)
        rows.append([rel, "eml", "1" if is_order else "0", label, "", ""])

    def fname(x: dict, style: str) -> str:
        num = x["spec"]["label"].replace(" ", "_").replace("/", "-")
        ext = x["path"].rsplit(".", 1)[-1]
        return {"num": f"BC_{num}.{ext}", "cde": f"Commande {num}.{ext}",
                "generic": f"commande.{ext}", "po": f"PO_{num}.{ext}"}[style]

    sig = "\n-- \n{c}\nService achats - {n}\nTél. {p}\n"
    # ----- orders -----------------------------------------------------------------------------
    for i in range(3):  # Outlook 16, HTML + text, PDF attached
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, rng.choice([f"Commande {s['label']}", "Nouvelle commande",
                                                 f"TR: commande {s['label']}"]),
                     "Microsoft Outlook 16.0", {"Thread-Index": f"Ad{rng.getrandbits(60):X}",
                                                "X-MS-Has-Attach": "yes"}, c.domain)
        txt = (f"Bonjour,\n\nVeuillez trouver ci-joint notre commande {s['label']}.\n"
               f"Merci de nous retourner un accusé de réception.\n\nCordialement,"
               + sig.format(c=c.contact, n=c.name, p=c.phone))
        m.set_content(txt)
        m.add_alternative(f"<html><body><p class=MsoNormal>Bonjour,</p><p class=MsoNormal>"
                          f"Veuillez trouver ci-joint notre commande {s['label']}.</p>"
                          f"<p class=MsoNormal>Cordialement,<br>{c.contact}</p></body></html>",
                          subtype="html")
        _attach(m, x["data"], fname(x, ["num", "cde", "po"][i]))
        put("order-outlook", m, True, s["label"])
    for _ in range(2):  # Gmail
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, "commande", None, {}, "gmail.com")
        m.set_content(f"Bonjour,\nci-joint le bon de commande, merci de confirmer le délai.\n"
                      f"{c.contact}\n")
        m.add_alternative(f'<div dir="ltr">Bonjour,<div>ci-joint le bon de commande, merci de '
                          f'confirmer le délai.</div><div class="gmail_signature">{c.contact}'
                          f"</div></div>", subtype="html")
        _attach(m, x["data"], fname(x, "generic"))
        put("order-gmail", m, True, s["label"])
    for _ in range(2):  # Thunderbird, format=flowed
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, f"Bon de commande n° {s['label']}",
                     None, {"User-Agent": "Mozilla Thunderbird 128.5.0"}, c.domain)
        m.set_content(f"Bonjour,\n\nVoici notre bon de commande n° {s['label']}, à livrer "
                      f"à l'adresse indiquée.\n\nBien cordialement,"
                      + sig.format(c=c.contact, n=c.name, p=c.phone))
        m.replace_header("Content-Type", 'text/plain; charset="utf-8"; format=flowed')
        _attach(m, x["data"], fname(x, "num"))
        put("order-thunderbird", m, True, s["label"])
    for _ in range(2):  # Apple Mail, a photographed / scanned page
        x = scan_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, "Commande", "Apple Mail (2.3826.400.131.1.6)", {}, "icloud.com")
        m.set_content("Bonjour\nJe vous transmets ma commande en pièce jointe.\nMerci\n\n"
                      "Envoyé de mon iPhone\n")
        ext = x["path"].rsplit(".", 1)[-1]
        _attach(m, x["data"], f"IMG_{rng.randint(1000, 9999)}.{ext}" if ext != "pdf"
                else f"Scan {box.t:%Y-%m-%d %H.%M}.pdf")
        put("order-applemail", m, True, s["label"])
    for _ in range(2):  # Zimbra
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, f"Commande {s['label']} - {c.name}",
                     "Zimbra 10.1.2_GA_0290 (ZimbraWebClient - FF133 (Linux)/10.1.2_GA_0290)",
                     {"Thread-Topic": f"Commande {s['label']}"}, c.domain)
        m.set_content(f"Bonjour,\n\nVous trouverez en pièce jointe la commande {s['label']}.\n"
                      "Merci de rappeler ce numéro sur le bon de livraison et la facture.\n\n"
                      + c.contact + "\n")
        m.add_alternative(f"<html><body><div style='font-family: arial'>Bonjour,<br><br>Vous "
                          f"trouverez en pièce jointe la commande {s['label']}.</div></body></html>",
                          subtype="html")
        _attach(m, x["data"], fname(x, "cde"))
        put("order-zimbra", m, True, s["label"])
    for _ in range(2):  # HCL Notes
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, f"Envoi commande fournisseur {s['label']}",
                     "HCL Notes Release 12.0.2 November 03, 2022",
                     {"X-MIMETrack": f"Serialize by Router on NOTES01/{c.name.split()[0]}"
                                     f" at {box.t:%d/%m/%Y %H:%M:%S}",
                      "X-KeepSent": f"{rng.getrandbits(64):016X}:{rng.getrandbits(32):08X}-"
                                    "00C1258B:0033F2A1"}, c.domain)
        m.set_content(f"Bonjour,\n\nCi-joint notre commande {s['label']}.\n\nSalutations\n\n"
                      f"{c.contact}\n{c.name}\n")
        _attach(m, x["data"], fname(x, "num"))
        put("order-lotus", m, True, s["label"])
    for _ in range(2):  # sent by the customer's Odoo ERP
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(f'"{c.name}" <odoo@{c.domain}>', OURS,
                     f"{c.name} Bon de commande (Réf {s['label']})", None,
                     {"Reply-To": _who(c), "X-Odoo-Objects": "purchase.order-"
                      + str(rng.randint(100, 9999))}, c.domain)
        m.set_content(f"Bonjour,\n\nVoici en pièce jointe le bon de commande {s['label']} de la "
                      f"part de {c.name}.\n\nSi vous avez des questions, n'hésitez pas à nous "
                      f"contacter.\n\nCordialement,\n--\n{c.contact}\n")
        m.add_alternative(f"<div style='margin:0px;padding:0px'><p>Bonjour,<br><br>Voici en "
                          f"pièce jointe le <strong>bon de commande {s['label']}</strong> de la "
                          f"part de {c.name}.</p></div>", subtype="html")
        _attach(m, x["data"], f"BC - {s['label'].replace('/', '-')}.pdf")
        put("order-odoo", m, True, s["label"])
    for _ in range(2):  # purchasing platform notification
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base("AchatFlux Notifications <no-reply@notifications.achatflux.eu>", OURS,
                     f"[AchatFlux] Nouvelle commande de {c.name}", None,
                     {"Auto-Submitted": "auto-generated", "Precedence": "bulk"},
                     "notifications.achatflux.eu")
        m.set_content(f"Bonjour,\n\n{c.name} vous a adressé une nouvelle commande (n° "
                      f"{s['label']}).\nLe bon de commande est joint à ce message au format "
                      "PDF. Vous pouvez aussi le consulter sur votre espace fournisseur.\n\n"
                      "Ce message est envoyé automatiquement, merci de ne pas y répondre.\n")
        m.add_alternative(f"<table width='600'><tr><td style='background:#17415f;color:#fff'>"
                          f"AchatFlux</td></tr><tr><td>Nouvelle commande n° <b>{s['label']}</b> "
                          f"de {c.name}</td></tr></table>", subtype="html")
        _attach(m, x["data"], f"PO_{s['label'].replace(' ', '').replace('/', '-')}.pdf")
        put("order-platform", m, True, s["label"])
    cga = _cga_pdf()
    for i in range(2):  # two attachments: our CGA copy and the order
        x = text_orders.pop()
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, f"Commande {s['label']} + CGA", "Microsoft Outlook 16.0",
                     {}, c.domain)
        m.set_content(f"Bonjour,\n\nVous trouverez ci-joint notre commande {s['label']} ainsi que "
                      "nos conditions générales d'achat, qui s'appliquent.\n\nCordialement,"
                      + sig.format(c=c.contact, n=c.name, p=c.phone))
        if i == 0:
            _attach(m, cga, "CGA_2026.pdf")
            _attach(m, x["data"], fname(x, "cde"))
        else:
            _attach(m, x["data"], fname(x, "num"))
            _attach(m, cga, "Conditions générales d'achat.pdf")
        put("order-two-attachments", m, True, s["label"])
    for model in ("Xerox WorkCentre 7845", "RICOH IM C3000"):  # copier scan-to-mail
        x = next(y for y in scan_orders if y["path"].endswith(".pdf"))
        scan_orders.remove(x)
        s, c = x["spec"], x["spec"]["cust"]
        if model.startswith("Xerox"):
            m = box.base(f"scanner@{c.domain}", OURS, "Scan from a Xerox WorkCentre", None, {},
                         c.domain)
            m.set_content("Please open the attached document. It was scanned and sent to you "
                          f"using a Xerox multifunction printer.\n\nAttachment File Type: PDF\n"
                          f"Device Name: {model}\nDevice Location: Accueil\n")
            name = f"Scan_{box.t:%Y%m%d%H%M%S}.pdf"
        else:
            m = box.base(f"ricoh-mfp@{c.domain}", OURS, "Message from \"RNP0026738B2A1C\"",
                         None, {}, c.domain)
            m.set_content("This E-mail was sent from \"RNP0026738B2A1C\" (" + model + ").\n\n"
                          f"Scan Date: {box.t:%d.%m.%Y %H:%M:%S} (+0100)\n"
                          "Queries to: scanner@" + c.domain + "\n")
            name = f"{box.t:%Y%m%d%H%M%S}.pdf"
        _attach(m, x["data"], name)
        put("order-copier-scan", m, True, s["label"])
    signed = [x for x in neg.values() if x["family"] == "neg_devis" and x["kind"] == "scan"]
    x = signed[0]
    c = x["spec"]["cust"]
    m = box.base(_who(c), OURS, "Re: Votre devis - bon pour accord", "Microsoft Outlook 16.0",
                 {}, c.domain)
    m.set_content("Bonjour,\n\nBon pour accord, vous trouverez le devis signé en pièce jointe.\n"
                  "Merci de nous indiquer la date de livraison.\n\nCordialement,"
                  + sig.format(c=c.contact, n=c.name, p=c.phone))
    _attach(m, x["data"], "devis signé." + x["path"].rsplit(".", 1)[-1])
    put("bon-pour-accord", m, True, "")
    # ----- not orders -------------------------------------------------------------------------
    used = list(orders)
    rng.shuffle(used)
    for i in range(3):
        x = used[i]
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, rng.choice([f"Où en est notre commande {s['label']} ?",
                                                f"RE: Commande {s['label']}", "Suivi commande"]),
                     "Microsoft Outlook 16.0", {}, c.domain)
        m.set_content(f"Bonjour,\n\nOù en est notre commande {s['label']} ? Nous n'avons pas "
                      "encore reçu votre accusé de réception ni de date de livraison.\n\n"
                      "Cordialement," + sig.format(c=c.contact, n=c.name, p=c.phone))
        if i == 0:
            _attach(m, x["data"], fname(x, "num"))
        put("status-question", m, False, "")
    devis = [x for x in neg.values() if x["family"] == "neg_devis"]
    for i in range(2):
        x = devis[0] if i == 0 else devis[-1]
        c = x["spec"]["cust"]
        m = box.base(_who(c), OURS, "Actualisation de votre offre", None,
                     {"User-Agent": "Mozilla Thunderbird 128.5.0"}, c.domain)
        m.set_content("Bonjour,\n\nVeuillez actualiser votre offre en pièce jointe (prix et "
                      "délais), nous devons la présenter en commission avant de passer "
                      "commande.\n\nMerci," + sig.format(c=c.contact, n=c.name, p=c.phone))
        if i == 0:
            _attach(m, x["data"], "offre.pdf")
        put("quote-update", m, False, "")
    fact = [x for x in neg.values() if x["family"] == "neg_facture_avoir"]
    for i in range(2):
        x = fact[i]
        c = x["spec"]["cust"]
        m = box.base("Maubrac Équipements - Comptabilité <compta@maubrac-equipements.fr>",
                     c.email, f"Votre facture {x['spec']['title'].split()[-1]}", None, {},
                     "maubrac-equipements.fr")
        m.set_content(f"Madame, Monsieur,\n\nVeuillez trouver ci-joint notre document relatif "
                      f"à votre commande {x['spec']['quoted']}.\n\nService comptabilité\n")
        if i == 0:
            _attach(m, x["data"], f"{x['spec']['title'].split()[-1]}.pdf")
        put("invoice", m, False, "")
    x = fact[2]
    c = x["spec"]["cust"]
    m = box.base("Maubrac Équipements - Comptabilité <compta@maubrac-equipements.fr>", c.email,
                 "Relance n°2 - facture échue", None, {}, "maubrac-equipements.fr")
    m.set_content(f"Madame, Monsieur,\n\nSauf erreur de notre part, la facture relative à votre "
                  f"commande {x['spec']['quoted']} reste impayée à ce jour. Merci de procéder au "
                  f"règlement (IBAN {d.OWN_IBAN}).\n\nService comptabilité\n")
    put("payment-reminder", m, False, "")
    bl = [x for x in neg.values() if x["family"] == "neg_relance_bl"]
    m = box.base("Suivi colis <noreply@suivi.transalp-express.fr>", OURS,
                 "Votre colis a été livré", None, {"Auto-Submitted": "auto-generated"},
                 "suivi.transalp-express.fr")
    m.set_content(f"Votre colis n° 6A{rng.randint(10**10, 10**11)} a été livré le "
                  f"{box.t:%d/%m/%Y} à {box.t:%H:%M}.\nRéférence expéditeur : commande "
                  f"{used[3]['spec']['label']}.\n")
    m.add_alternative("<html><body><h2>Colis livré</h2><p>Votre colis a été livré.</p>"
                      "</body></html>", subtype="html")
    put("delivery-notice", m, False, "")
    x = next(y for y in bl if y["spec"]["ours"])
    c = x["spec"]["cust"]
    m = box.base(OURS, c.email, f"Expédition de votre commande {x['spec']['quoted']}", None, {},
                 "maubrac-equipements.fr")
    m.set_content(f"Bonjour,\n\nVotre commande {x['spec']['quoted']} a été expédiée ce jour. "
                  "Vous trouverez ci-joint le bon de livraison.\n\nL'ADV\n")
    _attach(m, x["data"], "BL.pdf")
    put("delivery-notice", m, False, "")
    for lang in ("fr", "en"):
        x = used[4 if lang == "fr" else 5]
        c = x["spec"]["cust"]
        m = box.base(_who(c), OURS, ("Réponse automatique : " if lang == "fr"
                                     else "Automatic reply: ") + f"Commande {x['spec']['label']}",
                     "Microsoft Outlook 16.0", {"Auto-Submitted": "auto-replied"}, c.domain)
        m.set_content("Bonjour,\nJe suis absent(e) jusqu'au 24 novembre. Pour toute commande, "
                      "merci de contacter achats@" + c.domain + ".\n" if lang == "fr" else
                      "I am out of the office until 24 November with limited access to e-mail. "
                      "For purchase orders please contact purchasing@" + c.domain + ".\n")
        put("out-of-office", m, False, "")
    m = box.base("Salon Industrie Centre <news@salon-industrie-centre.fr>", OURS,
                 "Commandez vos badges - bon de commande exposant 2027", None,
                 {"List-Unsubscribe": "<https://salon-industrie-centre.fr/unsub>",
                  "Precedence": "bulk"}, "salon-industrie-centre.fr")
    m.set_content("Commandez dès maintenant vos badges et votre stand : bon de commande en "
                  "ligne, -15 % jusqu'au 15 décembre. Se désinscrire : lien ci-dessous.\n")
    m.add_alternative("<html><body><img src='cid:banner'><h1>Salon 2027</h1><p>Commandez vos "
                      "badges</p></body></html>", subtype="html")
    m.get_payload()[1].add_related(_logo(rng, "SALON 2027"), maintype="image", subtype="png",
                                   cid="<banner>")
    put("newsletter", m, False, "")
    for i in range(2):  # "I send the order tomorrow", only a signature logo
        x = used[6 + i]
        c = x["spec"]["cust"]
        m = box.base(_who(c), OURS, "Commande à venir", "Microsoft Outlook 16.0", {}, c.domain)
        m.set_content("Bonjour,\n\nJe vous envoie la commande demain, le temps de la faire "
                      "valider.\n\nCordialement,\n" + c.contact + "\n")
        m.add_alternative(f"<html><body><p>Bonjour,</p><p>Je vous envoie la commande demain, "
                          f"le temps de la faire valider.</p><p>{c.contact}<br>"
                          f"<img src='cid:image001.png@01DB'></p></body></html>", subtype="html")
        m.get_payload()[1].add_related(_logo(rng, c.name), maintype="image", subtype="png",
                                       cid="<image001.png@01DB>", filename="image001.png",
                                       disposition="inline")
        put("send-tomorrow", m, False, "")
    for i in range(2):  # cancellation: not an order mail (decided, see README)
        x = used[8 + i]
        s, c = x["spec"], x["spec"]["cust"]
        m = box.base(_who(c), OURS, f"Annulation de la commande n° {s['label']}",
                     "Microsoft Outlook 16.0", {}, c.domain)
        m.set_content(f"Bonjour,\n\nMerci d'annuler la commande n° {s['label']} (ci-jointe pour "
                      "rappel) : le besoin a été couvert autrement. Aucune livraison ne doit être "
                      "faite.\n\nCordialement," + sig.format(c=c.contact, n=c.name, p=c.phone))
        if i == 0:
            _attach(m, x["data"], fname(x, "num"))
        put("cancellation", m, False, "")
    ar = next(x for x in neg.values() if x["family"] == "neg_ar_commande")
    c = ar["spec"]["cust"]
    m = box.base(_who(c), OURS, f"RE: Accusé de réception commande {ar['spec']['quoted']}",
                 "Microsoft Outlook 16.0", {}, c.domain)
    m.set_content("Bonjour,\n\nBien reçu votre accusé de réception (ci-joint), le délai nous "
                  "convient.\n\nCordialement," + sig.format(c=c.contact, n=c.name, p=c.phone))
    _attach(m, ar["data"], "AR.pdf")
    put("ack-reply", m, False, "")
    return rows
