"""Where a not-order phrase occurs matters: the mail's purpose versus a passing mention.

A delivery note or an invoice named in an instruction ("reportez notre référence sur vos
BL") does not make an order mail a delivery notice; the same words as the mail's opening
sentence do. The examples here are written for these tests, in the trade's usual wording.
"""

from __future__ import annotations

import pytest
from mail_samples import TEXT_PDF, mail
from orderintake.classify import DocumentHint, classify, split_body
from orderintake.classify_rules import ClassifyRules
from orderintake.message import parse_message

PDF = [("achat-2291.pdf", TEXT_PDF, "application/pdf")]
STRONG = DocumentHint("achat-2291.pdf", order_number_score=0.92, order_wording=True)


def _classify(rules: ClassifyRules, subject: str, body: str, hints: tuple[DocumentHint, ...] = (),
              attachments: list[tuple[str, bytes, str]] | None = PDF):  # type: ignore[no-untyped-def]  # fmt: skip
    raw = mail(subject=subject, body=body, attachments=attachments).as_bytes()
    return classify(parse_message(raw), rules, hints)


INSTRUCTION_ORDER = (
    "Bonjour,\n\nNous vous adressons en pièce jointe notre bon de commande 2291 pour les "
    "gaines et raccords.\nLivraison à l'atelier de Vénissieux.\nReportez notre numéro "
    "d'achat sur chaque bon de livraison et sur la facture, s'il vous plaît.\n\nCordialement,"
)


def test_delivery_note_named_in_an_instruction_is_a_passing_mention(rules: ClassifyRules) -> None:
    result = _classify(rules, "Achat 2291", INSTRUCTION_ORDER)
    assert result.is_order, result.reasons
    passing = [r for r in result.reasons if "livraison / expédition" in r]
    assert passing and "in passing" in passing[0], result.reasons
    assert passing[0].startswith("-0.6 ")  # -6 × passing_mention_factor 0.1


def test_the_same_words_as_the_mails_purpose_count_fully(rules: ClassifyRules) -> None:
    body = (
        "Bonjour,\n\nVotre marchandise a été expédiée ce matin, le bon de livraison est "
        "joint.\nMerci de rappeler notre bon de commande 2291 sur la facture.\n"
    )
    result = _classify(rules, "Achat 2291", body)
    assert not result.is_order
    assert any(r.startswith("-6.0 'livraison / expédition' in body:") for r in result.reasons)


def test_a_question_after_an_order_statement_is_said_in_passing(rules: ClassifyRules) -> None:
    body = "Bonjour,\nCi-joint notre commande 2291.\nPouvez-vous nous indiquer le délai ?\nMerci"
    result = _classify(rules, "Commande 2291", body)
    assert result.is_order, result.reasons
    assert any("question" in r and "in passing" in r for r in result.reasons)


def test_a_status_question_stays_a_question_even_with_the_order_attached(
    rules: ClassifyRules,
) -> None:
    body = (
        "Bonjour,\nNous vous avons envoyé la commande 2291 le 4 mars (copie en PJ).\n"
        "Pouvez-vous nous indiquer la date de livraison ?\nMerci"
    )
    result = _classify(rules, "Commande 2291", body, (STRONG,))
    assert not result.is_order, result.reasons
    assert any(r.startswith("-7.0 'question sur une commande' in body:") for r in result.reasons)


def test_a_negative_far_down_the_body_counts_little(rules: ClassifyRules) -> None:
    body = (
        "Bonjour,\nMerci de bien vouloir traiter la commande jointe.\nLes prix sont ceux "
        "convenus.\nLe conditionnement reste le même.\nPour mémoire votre colis de mars "
        "était arrivé abîmé.\nCordialement"
    )
    result = _classify(rules, "Commande", body)
    assert result.is_order
    assert any("in passing (after the opening sentences)" in r for r in result.reasons)


def test_a_strong_attachment_outweighs_a_passing_negative(rules: ClassifyRules) -> None:
    body = (
        "Bonjour,\nVoici le document pour le chantier Berthelot.\nAdresse de livraison : "
        "entrée des artistes, le bon de livraison est à remettre au gardien.\nBonne journée"
    )
    without = _classify(rules, "Chantier Berthelot", body)
    assert not without.is_order
    result = _classify(rules, "Chantier Berthelot", body, (STRONG,))
    assert result.is_order, result.reasons
    assert any(
        r.startswith("+0.0 'livraison / expédition' in body, in passing (instruction 'adresse")
        and "outweighed by 'achat-2291.pdf'" in r
        for r in result.reasons
    ), result.reasons


def test_negative_in_the_subject_always_counts_fully(rules: ClassifyRules) -> None:
    result = _classify(rules, "Avis d'expédition 2291", INSTRUCTION_ORDER)
    assert any(r.startswith("-6.0 'livraison / expédition' in subject") for r in result.reasons)


def test_everywhere_phrases_count_in_a_footer(rules: ClassifyRules) -> None:
    body = (
        "Nos nouveautés de printemps.\nTrois nouvelles gammes de raccords.\nDes prix doux.\n"
        "Pour ne plus recevoir nos messages, cliquez ici pour vous désinscrire."
    )
    result = _classify(rules, "Bon de commande printemps", body)
    assert any(r.startswith('-6.0 "lettre d\'information" in body') for r in result.reasons)


def test_hard_rules_still_hold(rules: ClassifyRules) -> None:
    no_attachment = _classify(rules, "Achat 2291", INSTRUCTION_ORDER, attachments=[])
    assert (no_attachment.is_order, no_attachment.bucket) == (False, "order-no-attachment")
    accord = _classify(rules, "Devis D-88", "Bon pour accord, adresse de livraison inchangée.")
    assert not accord.is_order
    assert any("needs a scan or a signed PDF" in r for r in accord.reasons)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Bonjour,\nUn.\nDeux.\nTrois.", [True, True, True, False]),
        ("Madame, Monsieur,\n\nNous passons commande.\nDeux.", [True, True, False]),
        ("Objet du jour : le\nlot numéro 4.\nSuite.", [True, True]),
        ("", [True]),
    ],
)
def test_purpose_sentences(rules: ClassifyRules, body: str, expected: list[bool]) -> None:
    assert [s.purpose for s in split_body(body, rules).sentences] == expected
