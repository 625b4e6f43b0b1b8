"""Order-mail classification: one test per rule family and per hard rule."""

from __future__ import annotations

import pytest
from mail_samples import SCAN_PDF, SIGNED_PDF, TEXT_PDF, jpeg, mail, order_mail
from orderintake.classify import DocumentHint, classify
from orderintake.classify_rules import ClassifyRules
from orderintake.message import parse_message

PDF = [("document.pdf", TEXT_PDF, "application/pdf")]


def _classify(rules: ClassifyRules, raw: bytes, hints: tuple[DocumentHint, ...] = ()):  # type: ignore[no-untyped-def]
    return classify(parse_message(raw), rules, hints)


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Bon de commande 4500012345", "Bonjour, ci-joint."),
        ("Commande", "Veuillez trouver ci-joint notre commande n° CF20230987."),
        ("PO 4500012345", "Please find attached our order."),
        ("Envoi", "Vous trouverez en pièce jointe notre nouvelle commande."),
        ("BDC", "Merci de bien vouloir traiter la commande jointe."),
    ],
)
def test_order_wording_with_attachment_is_an_order(
    rules: ClassifyRules, subject: str, body: str
) -> None:
    result = _classify(rules, order_mail(subject=subject, body=body))
    assert (result.is_order, result.bucket) == (True, "order")
    assert any("document.pdf" in r or "commande.pdf" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("subject", "body", "rule"),
    [
        ("Où en est notre commande CF20230987 ?", "Bonjour, pouvez-vous nous dire ?", "question"),
        ("RE: commande 12", "Suivi de commande : quand serons-nous livrés ?", "question"),
        ("Relance commande 4500012345", "Nous attendons toujours.", "relance"),
        ("Votre offre", "Veuillez actualiser votre offre en PJ.", "demande de devis"),
        (
            "Demande de devis",
            "Pourriez-vous nous faire un devis pour 10 pièces ?",
            "demande de devis",
        ),
        ("Facture F2024-118", "Veuillez trouver ci-joint notre facture.", "facture"),
        ("Avoir n° 77", "Ci-joint notre avoir.", "facture"),
        ("Avis d'expédition commande 12", "Votre commande a été expédiée.", "livraison"),
        ("Réponse automatique : Bon de commande", "Je suis absent jusqu'au 12.", "absence"),
    ],
)
def test_not_order_phrasings(rules: ClassifyRules, subject: str, body: str, rule: str) -> None:
    result = _classify(rules, mail(subject=subject, body=body, attachments=PDF).as_bytes())
    assert (result.is_order, result.bucket) == (False, "not-order")
    assert any(rule in r and r.startswith("-") for r in result.reasons), result.reasons


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Auto-Submitted", "auto-replied"),
        ("X-Autoreply", "yes"),
        ("List-Unsubscribe", "<mailto:unsub@news.example>"),
    ],
)
def test_header_rules(rules: ClassifyRules, header: str, value: str) -> None:
    raw = order_mail(headers={header: value})
    result = _classify(rules, raw)
    assert not result.is_order
    assert any(f"header {header}" in r for r in result.reasons)


def test_a_purchasing_platform_s_automatic_order_mail_is_an_order(rules: ClassifyRules) -> None:
    # holdout6: "[AchatFlux] Nouvelle commande de …", sent by a machine (RFC 3834
    # "auto-generated", Precedence: bulk) with the order attached. A mailing list is not.
    platform = {"Auto-Submitted": "auto-generated", "Precedence": "bulk"}
    raw = order_mail(headers=platform)
    assert _classify(rules, raw).is_order
    newsletter = {**platform, "List-Unsubscribe": "<mailto:unsub@news.example>"}
    assert not _classify(rules, order_mail(headers=newsletter)).is_order


def test_auto_submitted_no_is_a_human(rules: ClassifyRules) -> None:
    assert _classify(rules, order_mail(headers={"Auto-Submitted": "no"})).is_order


def test_no_real_attachment_goes_to_its_own_bucket(rules: ClassifyRules) -> None:
    logo_only = mail(html='<p>Commande</p><img src="cid:l@x">')
    logo_only.get_payload()[1].add_related(jpeg(120, 40), "image", "jpeg", cid="<l@x>")
    result = _classify(rules, logo_only.as_bytes())
    assert (result.is_order, result.bucket) == (False, "order-no-attachment")
    assert "no real attachment" in result.reasons[-1]


def test_no_attachment_and_no_order_words_is_not_order(rules: ClassifyRules) -> None:
    result = _classify(rules, mail(subject="Bonjour", body="Merci pour hier.").as_bytes())
    assert result.bucket == "not-order"


def test_quoted_text_does_not_trigger_order_keywords(rules: ClassifyRules) -> None:
    body = (
        "Merci, bien reçu.\n\nLe 3 juin 2024 à 10:00, Client <c@x.fr> a écrit :\n"
        "> Veuillez trouver ci-joint notre commande.\n> Bon de commande 12"
    )
    result = _classify(rules, mail(subject="Merci", body=body, attachments=PDF).as_bytes())
    assert not result.is_order
    assert not any("notre commande jointe" in r for r in result.reasons)


@pytest.mark.parametrize(
    ("attachment", "expected"),
    [
        (("devis-signe.jpg", jpeg(1240, 1754), "image/jpeg"), True),
        (("devis.pdf", SCAN_PDF, "application/pdf"), True),
        (("devis.pdf", SIGNED_PDF, "application/pdf"), True),
        (("devis.pdf", TEXT_PDF, "application/pdf"), False),
    ],
)
def test_bon_pour_accord_needs_a_scan_or_signed_pdf(
    rules: ClassifyRules, attachment: tuple[str, bytes, str], expected: bool
) -> None:
    raw = mail(subject="Devis D-2024-77", body="Bon pour accord.", attachments=[attachment])
    result = _classify(rules, raw.as_bytes())
    assert result.is_order is expected
    assert any("bon pour accord" in r for r in result.reasons)
    if not expected:
        assert any("needs a scan or a signed PDF" in r for r in result.reasons)


def test_nous_validons_votre_offre_with_scan(rules: ClassifyRules) -> None:
    raw = mail(subject="Offre G1234", body="Nous validons votre offre G1234.",
               attachments=[("offre.pdf", SCAN_PDF, "application/pdf")])  # fmt: skip
    assert _classify(rules, raw.as_bytes()).is_order


def test_text_layer_hint_overrides_the_byte_heuristic(rules: ClassifyRules) -> None:
    raw = mail(subject="Devis", body="Bon pour accord",
               attachments=[("devis.pdf", SCAN_PDF, "application/pdf")]).as_bytes()  # fmt: skip
    hint = DocumentHint("devis.pdf", has_text_layer=True)
    assert not _classify(rules, raw, (hint,)).is_order


def test_document_hints_strengthen_and_weaken(rules: ClassifyRules) -> None:
    neutral = mail(subject="Envoi", body="Bonjour, ci-joint.", attachments=PDF).as_bytes()
    assert not _classify(rules, neutral).is_order
    strong = DocumentHint("document.pdf", order_number_score=0.9, order_wording=True)
    result = _classify(rules, neutral, (strong,))
    assert result.is_order
    assert any("order-number candidate" in r for r in result.reasons)
    weak = order_mail(subject="Commande", body="Ci-joint notre commande.", attachments=PDF)
    assert _classify(rules, weak).is_order
    invoice = DocumentHint("document.pdf", invoice_wording=True)
    result = _classify(rules, weak, (invoice,))
    assert not result.is_order
    assert any("reads like an invoice" in r for r in result.reasons)


def test_accents_and_case_do_not_matter(rules: ClassifyRules) -> None:
    raw = mail(subject="OÙ EN EST NOTRE COMMANDE ?", body="merci", attachments=PDF).as_bytes()
    assert any("question" in r for r in _classify(rules, raw).reasons)
