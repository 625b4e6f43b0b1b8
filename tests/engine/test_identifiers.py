"""Identifiers, amounts and labelled fields (issue 3 §3) on hand-built pages."""

from __future__ import annotations

from decimal import Decimal

from engine_helpers import make_doc, make_page
from orderintake.analysis import analyse
from orderintake.identifiers import find_identifiers, parse_amount

# Valid: SIREN 732829320 (Luhn), its VAT key 44, a SIRET of it; La Poste's special SIRET.
VAT, SIREN, SIRET = "FR44732829320", "732829320", "73282932000074"


def kinds(doc, own=()):
    return {(i.kind, i.value, i.valid, i.is_ours) for i in find_identifiers(doc, own)}


def test_french_identifiers_with_spaces_and_checksums():
    doc = make_doc(
        make_page(
            [
                "TVA intracommunautaire : FR 44 732 829 320",
                "SIRET 732 829 320 00074 - SIREN : 732 829 320",
                "SIRET 356 000 000 12346",  # La Poste: digits sum to a multiple of 5, no Luhn
                "SIRET 732 829 320 00075",  # one digit off
            ]
        )
    )
    assert kinds(doc) == {
        ("vat", VAT, True, False),
        ("siret", SIRET, True, False),
        ("siren", SIREN, True, False),
        ("siret", "35600000012346", True, False),
        ("siret", "73282932000075", False, False),
    }


def test_a_labelled_siret_in_an_odd_grouping_is_read_when_its_luhn_digit_holds():
    # "263 988 222 0012 5": a portal's own grouping (holdout5); unlabelled, no grouping rule.
    doc = make_doc(
        make_page(
            [
                "SIRET : 263 988 222 0012 5 SIRET 528631476 00025",
                "SIRET n° 395 333 958 0001 8",  # Luhn digit wrong: not read
                "Tél. 02 40 63 18 52 44800 Saint-Herblain",
            ]
        )
    )
    sirets = {(i.value, i.valid) for i in find_identifiers(doc) if i.kind == "siret"}
    assert sirets == {("26398822200125", True), ("52863147600025", True)}


def test_a_vat_number_followed_by_other_digits_on_its_line_is_read_when_its_key_holds():
    # A hand-filled form: the order number typed after the VAT on the same line (holdout6).
    doc = make_doc(
        make_page(
            [
                "SIRET 357 697 146 00745 TVA intracommunautaire FR35 357 697 143 26/0291",
                "TVA FR36 357 697 143 2026",  # wrong key: a longer number, not a VAT
            ]
        )
    )
    vats = {(i.value, i.valid) for i in find_identifiers(doc) if i.kind == "vat"}
    assert vats == {("FR35357697143", True)}


def test_other_eu_vat_and_plain_numbers():
    doc = make_doc(make_page(["USt-IdNr. DE136695976", "Quantité 123456789 pièces"]))
    assert kinds(doc) == {("eu-vat", "DE136695976", True, False)}


def test_ocr_look_alikes_read_as_digits_only_on_ocr_pages():
    rows = ["SIRET 732 829 32O 00074"]
    assert ("siret", SIRET, True, False) in kinds(make_doc(make_page(rows, source="ocr")))
    assert not any(k[0] == "siret" for k in kinds(make_doc(make_page(rows))))


def test_customer_is_not_us_and_prefers_the_buyer_block(rules):
    page = make_page(
        [
            [(50, "Fournisseur :"), (330, "Client :")],
            [(50, "ACME Fournitures SAS"), (330, "Laboratoires Hélios")],
            [(50, "SIRET 552 100 554 00025"), (330, "SIRET 732 829 320 00074")],
            [(50, "TVA FR 44 732 829 320")],
            "N° de commande : CF20241234",
        ]
    )
    a = analyse(make_doc(page), rules, own_identifiers=["552100554"])
    ours = {i.value for i in a.identifiers if i.is_ours}
    assert ours == {"55210055400025"}
    assert a.customer_siret is not None and a.customer_siret.value == SIRET
    assert a.customer_vat is not None and a.customer_vat.value == VAT
    assert a.customer_siren == SIREN and a.consistency == ()


def test_consistency_flag_when_vat_and_siret_disagree(rules):
    page = make_page(["SIRET 732 829 320 00074", "TVA FR 40 303 265 045"])
    a = analyse(make_doc(page), rules)
    assert any("SIREN differ" in f for f in a.consistency)


def test_amounts_in_french_and_english_formats():
    assert parse_amount("Total HT : 1 234,56 €") == Decimal("1234.56")
    assert parse_amount("1.234,56") == Decimal("1234.56")
    assert parse_amount("USD 1,234.56") == Decimal("1234.56")
    assert parse_amount("12,00") == Decimal("12.00")
    assert parse_amount("CF20230987") is None


def test_totals_quote_code_service_and_ej(rules):
    page = make_page(
        [
            "N° EJ : 1300123456     Code service : SERV-ACHATS",
            "Suite à votre devis n° DEV-2024-5678",
            [(50, "Désignation"), (250, "Qté"), (330, "P.U. HT"), (450, "Montant HT")],
            [(50, "Vis inox"), (250, "10"), (330, "12,50"), (450, "125,00")],
            [(50, "Écrous"), (250, "100"), (330, "1,10"), (450, "110,00")],
            [(330, "Total HT"), (450, "235,00 €")],
            [(330, "Total TTC"), (450, "282,00 €")],
        ]
    )
    a = analyse(make_doc(page), rules)
    assert (a.total_ht, a.total_ttc, a.totals_coherent) == (
        Decimal("235.00"),
        Decimal("282.00"),
        True,
    )
    assert (a.quote_number, a.code_service, a.ej) == ("DEV-2024-5678", "SERV-ACHATS", "1300123456")
    j = a.to_json()
    assert j["total_ht"] == "235.00" and j["quote_number"] == "DEV-2024-5678"


def test_incoherent_totals_are_flagged(rules):
    page = make_page(
        [
            [(50, "Vis inox"), (250, "10"), (330, "12,50"), (450, "125,00")],
            [(330, "Total HT"), (450, "999,00 €")],
        ]
    )
    assert analyse(make_doc(page), rules).totals_coherent is False


def test_json_shape(rules):
    a = analyse(make_doc(make_page(["Commande n° CF20241234", "SIRET 732 829 320 00074"])), rules)
    j = a.to_json()
    assert j["order_numbers"][0]["value"] == "CF20241234"
    assert set(j["order_numbers"][0]) == {
        "value",
        "suffix",
        "score",
        "page",
        "bbox",
        "keyword",
        "evidence",
        "corrections",
    }
    assert j["identifiers"][0]["kind"] == "siret" and j["identifiers"][0]["valid"] is True
    assert {"total_ht", "quote_number", "code_service", "ej", "is_change"} <= set(j)


def test_foreign_customer_vat_is_its_vat(rules):
    a = analyse(make_doc(make_page(["Our VAT number: GB177228641", "BTW BE0892453547"])), rules)
    assert {(i.kind, i.value, i.valid) for i in a.identifiers} == {
        ("eu-vat", "GB177228641", True),
        ("eu-vat", "BE0892453547", True),
    }
    assert a.customer_vat is not None and a.customer_vat.value == "GB177228641"
    assert a.customer_siren is None


def test_a_vat_number_wrapped_onto_the_next_line_is_read_whole():
    # A narrow web column broke the VAT number after "385 860" (holdout4's SaaS print-outs)
    rows = ["SIRET 732829320 00074 · N° TVA : FR 44 732 829", "320", "Total HT 1 234,00 €"]
    found = kinds(make_doc(make_page(rows)))
    assert ("vat", VAT, True, False) in found
    assert sum(1 for k in found if k[0] == "vat") == 1  # listed once
    # only when the joined number holds its checksums: a quantity below is not glued on
    rows = ["N° TVA : FR 44 732 829", "321 pièces"]
    assert not any(k[0] == "vat" and k[2] for k in kinds(make_doc(make_page(rows))))


def test_a_footer_wrapped_under_a_page_number_is_read_whole():
    # The footer's VAT broke after its key, a "Page 1/1" printed at the right of the same
    # line: the cell's end, not the line's, is where the number goes on (holdout11).
    rows = [
        [(40, "SOCIÉTÉ DAUPHINOISE – SIRET : 732829320 00074 – TVA : FR44"), (527, "Page 1/1")],
        "732 829 320",
    ]
    found = kinds(make_doc(make_page(rows)))
    assert ("vat", VAT, True, False) in found
    assert sum(1 for k in found if k[0] == "vat") == 1


def test_an_eu_vat_number_printed_in_groups_but_not_a_bank_account():
    rows = ["USt-IdNr.: DE 136 695 976", "IBAN DE89 3704 0044 0532 0130 00"]
    found = {(k[0], k[1]) for k in kinds(make_doc(make_page(rows)))}
    assert found == {("eu-vat", "DE136695976")}


def test_a_vat_number_glued_to_its_label_is_read():
    # OCR of a small-print footer drops the space: "TVAFR76311572234", "N° TVAFR 1S 471991331"
    # (holdout7); a VAT glued to other letters is still no VAT.
    doc = make_doc(
        make_page(
            ["RCS Lyon - TVAFR44732829320 - APE 2014Z", "N° TVAFR 4S 732829320", "XFR44732829320"],
            source="ocr",
        )
    )
    vats = [i for i in find_identifiers(doc) if i.kind == "vat"]
    assert [(i.value, i.valid) for i in vats] == [(VAT, True), ("FR45732829320", False)]
