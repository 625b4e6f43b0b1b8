"""MIME edge cases seen in customers' order mails: each test builds the mail it needs."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

import pytest
from mail_samples import SCAN_PDF, TEXT_PDF, jpeg, mail, png, tnef
from orderintake.errors import MessageError
from orderintake.message import ParseLimits, parse_message
from orderintake.quoting import split_quoted


def test_rfc2047_subject_and_rfc2231_filename() -> None:
    raw = (
        b"From: =?iso-8859-1?q?J=E9r=F4me?= <j@client.example>\r\n"
        b"To: commandes@fournisseur.example\r\n"
        b"Subject: =?utf-8?b?Qm9uIGRlIGNvbW1hbmRlIOKAkyDDqXTDqQ==?= =?utf-8?q?_n=C2=B0_12?=\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBonjour\r\n"
        b"--b1\r\nContent-Type: application/pdf\r\n"
        b"Content-Disposition: attachment; filename*=utf-8''Bon%20de%20commande%20%C3%A9t%C3%A9.pdf\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n"
    )
    msg = parse_message(raw)
    assert msg.subject == "Bon de commande – été n° 12"
    assert msg.sender.startswith("Jérôme")
    assert [a.filename for a in msg.attachments] == ["Bon de commande été.pdf"]
    assert msg.attachments[0].sniffed_type == "application/pdf"


def test_encoded_word_filename_and_raw_8bit_header() -> None:
    raw = (
        "From: a@b.example\r\nSubject: Commande urgente pour l'équipe\r\n"
        'Content-Type: multipart/mixed; boundary="x"\r\n\r\n'
        "--x\r\nContent-Type: text/plain\r\n\r\nCi-joint\r\n"
        '--x\r\nContent-Type: application/octet-stream; name="=?utf-8?q?r=C3=A9f_12.pdf?="\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--x--\r\n"
    ).encode("cp1252")
    msg = parse_message(raw)
    assert msg.subject == "Commande urgente pour l'équipe"
    assert msg.attachments[0].filename == "réf 12.pdf"


def test_undeclared_windows_1252_body() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\nVeuillez trouver notre commande pour l'\xe9t\xe9 \x80 r\xe9gler\r\n"
    )
    msg = parse_message(raw)
    assert "notre commande pour l'été € régler" in msg.body
    assert any("charset" in d for d in msg.defects)


def test_wrong_declared_charset_falls_back() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\nCommande pass\xe9e\r\n"
    )
    assert "Commande passée" in parse_message(raw).body


def test_html_only_body_becomes_text_and_blockquote_is_quoted() -> None:
    m = EmailMessage()
    m["From"], m["Subject"] = "a@b.example", "Commande"
    m.set_content(
        "<html><body><p>Bonjour,</p><p>Veuillez trouver <b>notre commande</b>.</p>"
        "<blockquote><p>Voici notre devis D-77</p></blockquote></body></html>",
        subtype="html",
    )
    msg = parse_message(m.as_bytes())
    assert "Veuillez trouver notre commande" in msg.body
    assert "<b>" not in msg.body
    assert "devis D-77" not in msg.body
    assert "devis D-77" in msg.quoted


def test_octet_stream_pdf_and_misnamed_image_are_sniffed() -> None:
    raw = mail(
        attachments=[
            ("scan.bin", TEXT_PDF, "application/octet-stream"),
            ("commande.pdf", jpeg(1200, 1600), "application/pdf"),
        ]
    ).as_bytes()
    a, b = parse_message(raw).attachments
    assert (a.sniffed_type, a.is_real) == ("application/pdf", True)
    assert (b.sniffed_type, b.is_real) == ("image/jpeg", True)


def test_signature_logo_is_not_real_but_pasted_scan_is() -> None:
    m = mail(html='<p>Commande</p><img src="cid:logo@x"><img src="cid:scan@x">')
    html_part = m.get_payload()[1]
    html_part.add_related(png(180, 60), "image", "png", cid="<logo@x>", filename="logo.png")
    html_part.add_related(jpeg(1240, 1754), "image", "jpeg", cid="<scan@x>", filename="bc.jpg")
    m.add_attachment(b"BEGIN:VCARD\r\nEND:VCARD\r\n", maintype="text", subtype="vcard",
                     filename="jean.vcf")  # fmt: skip
    msg = parse_message(m.as_bytes())
    real = {a.filename: a.is_real for a in msg.attachments}
    assert real == {"logo.png": False, "bc.jpg": True, "jean.vcf": False}
    assert "Veuillez trouver" in msg.body  # plain alternative preferred over HTML


def test_forwarded_message_attachments_and_words() -> None:
    inner = mail(
        subject="Commande 12",
        body="Veuillez trouver notre commande 12.",
        attachments=[("cde12.pdf", TEXT_PDF, "application/pdf")],
    )
    outer = mail(subject="TR: Commande 12", body="Pour traitement, merci.")
    outer.add_attachment(inner)
    msg = parse_message(outer.as_bytes())
    assert [(a.filename, a.origin) for a in msg.attachments] == [("cde12.pdf", "forwarded message")]
    assert "Pour traitement" in msg.body
    assert "Veuillez trouver notre commande 12." in msg.body


def test_winmail_dat_is_unpacked() -> None:
    data = tnef([("commande.pdf", TEXT_PDF), ("image001.png", png(40, 40))])
    msg = parse_message(mail(attachments=[("winmail.dat", data, "application/ms-tnef")]).as_bytes())
    assert [(a.filename, a.origin, a.is_real) for a in msg.attachments] == [
        ("commande.pdf", "winmail.dat", True),
        ("image001.png", "winmail.dat", False),
    ]
    assert msg.attachments[0].data == TEXT_PDF


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_members_become_attachments() -> None:
    data = _zip({"cdes/cde-1.pdf": TEXT_PDF, "cde-2.pdf": SCAN_PDF})
    msg = parse_message(mail(attachments=[("cdes.zip", data, "application/zip")]).as_bytes())
    assert [(a.filename, a.origin) for a in msg.attachments] == [
        ("cde-1.pdf", "cdes.zip"),
        ("cde-2.pdf", "cdes.zip"),
    ]


def test_zip_bomb_and_too_many_members_are_refused() -> None:
    bomb = _zip({"big.pdf": b"%PDF-1.4" + b"\0" * 5_000_000})
    many = _zip({f"f{i}.pdf": TEXT_PDF for i in range(12)})
    msg = parse_message(
        mail(attachments=[("bomb.zip", bomb, "application/zip"), ("many.zip", many, "application/zip")]).as_bytes(),
        ParseLimits(max_zip_members=10),
    )  # fmt: skip
    assert [(a.filename, a.is_real) for a in msg.attachments] == [
        ("bomb.zip", False),
        ("many.zip", False),
    ]
    assert any("bomb.zip: archive refused" in d and "zip bomb" in d for d in msg.defects)
    assert any("many.zip: archive refused: 12 files" in d for d in msg.defects)


def test_malformed_mime_is_salvaged_with_defects() -> None:
    raw = (
        b"From: a@b.example\r\nSubject: Commande\r\n"
        b'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n'
        b"--zz\r\nContent-Type: text/plain\r\n\r\nVoici notre commande\r\n"
        b'--zz\r\nContent-Type: application/pdf; name="c.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK!!\r\n"
    )  # no closing boundary, junk in base64
    msg = parse_message(raw)
    assert "Voici notre commande" in msg.body
    assert [a.filename for a in msg.attachments] == ["c.pdf"]
    assert any("CloseBoundaryNotFound" in d for d in msg.defects)


@pytest.mark.parametrize("raw", [b"", b"   \r\n", TEXT_PDF])
def test_not_a_mail_is_a_clear_error(raw: bytes) -> None:
    with pytest.raises(MessageError) as err:
        parse_message(raw)
    assert "mail" in str(err.value)


@pytest.mark.parametrize(
    ("text", "own", "quoted_start"),
    [
        (
            "Bon pour accord.\n\nLe lun. 3 juin 2024 à 10:00, Devis <d@x.fr> a\nécrit :\n> Notre offre",
            "Bon pour accord.",
            "Le lun. 3 juin",
        ),
        ("OK merci\n\nOn Mon, Jun 3, 2024 at 10:00 AM Sales wrote:\n> quote", "OK merci", "On Mon"),
        (
            "Voir ci-dessous\n\n-----Original Message-----\nFrom: x\nVeuillez actualiser",
            "Voir ci-dessous",
            "-----Original",
        ),
        (
            "Merci\n________________________________\nDe : Ventes\nEnvoyé : lundi\nÀ : moi\nObjet : Devis\n\nDevis",
            "Merci",
            "______",
        ),
        ("Merci\n> où en est la commande ?\nA bientôt", "Merci\nA bientôt", "> où en est"),
    ],
)
def test_quoted_history_is_separated(text: str, own: str, quoted_start: str) -> None:
    got_own, got_quoted = split_quoted(text)
    assert got_own == own
    assert got_quoted.startswith(quoted_start)


def test_forward_keeps_forwarded_header_block_in_own_words() -> None:
    text = "Pour info\n\nDe : Client\nEnvoyé : lundi\nObjet : Commande 12\n\nVoici notre commande"
    own, quoted = split_quoted(text, forward=True)
    assert "Voici notre commande" in own
    assert quoted == ""
