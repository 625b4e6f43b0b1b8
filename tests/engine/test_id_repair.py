"""Identifiers misread on scans, repaired by their checksums and by each other.

The footer of a scanned order is small print: Tesseract turns digits into letters, marks
or other digits. Each test is one hand-laid page showing when a repair is made (an anchor
SIREN printed elsewhere, or one unreadable mark that two checksums pin down), and when it
is not (a text layer, a typo printed on the paper, an unlabelled number).
"""

from __future__ import annotations

from engine_helpers import make_doc, make_page
from orderintake.analysis import analyse
from stdnum import luhn
from stdnum.fr import siret as fr_siret
from stdnum.fr import tva as fr_tva

SIREN = "84356386" + luhn.calc_check_digit("84356386")  # a valid SIREN
SIRET = SIREN + "0011" + luhn.calc_check_digit(SIREN + "0011")
VAT = f"FR{(12 + 3 * (int(SIREN) % 97)) % 97:02d}{SIREN}"


def spaced(siren: str) -> str:
    return f"{siren[:3]} {siren[3:6]} {siren[6:]}"


def test_the_numbers_of_this_module_are_valid():
    assert fr_siret.is_valid(SIRET) and fr_tva.is_valid(VAT)


def footer(siret_as_read: str, source: str = "ocr"):
    rows = [
        "BON DE COMMANDE N° CF20241234",
        f"Boulangerie Duval SAS - capital 7 500 € RCS Bordeaux {spaced(SIREN)}",
        f"SIRET {siret_as_read} APE 1088C",
    ]
    return make_doc(make_page(rows, source=source))


def test_a_siret_misread_is_repaired_from_the_siren_printed_beside_it(rules):
    # "843" read "813" (1 for 4), the NIC's zeros read as letters
    misread = f"{SIREN[:1]}1{SIREN[2:3]} {SIREN[3:6]} {SIREN[6:]} OOI1{SIRET[-1]}"
    a = analyse(footer(misread), rules)
    assert a.customer_siret is not None and a.customer_siret.value == SIRET
    assert a.customer_siret.corrections == (
        f"read as {misread!r}",
        f"SIREN {SIREN} printed elsewhere on the document",
    )
    assert a.customer_siret.raw == misread
    # the same characters in a text layer are what was typed: never repaired
    text = analyse(footer(misread.replace("OOI1", "0011"), source="pdf-text"), rules)
    assert text.customer_siret is None


def test_a_printed_typo_is_not_taken_for_a_misread(rules):
    # 843 -> 823: 2 for 4 is no OCR confusion; the SIRET stays as printed, invalid
    typo = f"{SIREN[:1]}2{SIREN[2:3]} {SIREN[3:6]} {SIREN[6:]} 0011{SIRET[-1]}"
    a = analyse(footer(typo), rules)
    assert a.customer_siret is None
    assert any(i.kind == "siret" and not i.valid for i in a.identifiers)


def test_one_unreadable_mark_in_a_vat_number_is_filled_when_both_checks_agree(rules):
    misread = VAT[:-1] + "%"
    rows = ["Commande n° CF20241234", f"TVA intracom. {misread} APE 1088C"]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == VAT
    assert "checked by its key and its SIREN's Luhn digit" in a.customer_vat.corrections
    # two unreadable marks: too many for the checks to decide
    rows = ["Commande n° CF20241234", f"TVA intracom. {VAT[:-2]}?%"]
    assert analyse(make_doc(make_page(rows, source="ocr")), rules).customer_vat is None


def test_an_unlabelled_run_of_digits_is_left_alone(rules):
    rows = [
        f"RCS Bordeaux {spaced(SIREN)}",
        f"Article {SIREN[:1]}1{SIREN[2:]} 0011{SIRET[-1]} vis inox",
    ]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_siret is None


def test_odd_grouping_lost_digits_and_marks_before_the_digits(rules):
    # a SIRET grouped oddly by the reading ("9941545 3200042"): both Luhn digits accept it
    odd = f"{SIRET[:7]} {SIRET[7:]}"
    a = analyse(
        make_doc(make_page([f"SAS au capital de 80 000 € - Siret : {odd}"], source="ocr")), rules
    )
    assert a.customer_siret is not None and a.customer_siret.value == SIRET
    # the VAT number's last digit lost, its SIREN read right on the SIRET beside it
    rows = [f"N° SIRET {SIREN} {SIRET[9:]} TVA intracom. {VAT[:-1]}"]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == VAT
    # "FROO $…": the key's zeros read as letters, a dollar sign for the first digit
    vat = f"FR{(12 + 3 * (int('562033225') % 97)) % 97:02d}562033225"
    misread = vat[:2] + vat[2:4].replace("0", "O") + " $" + vat[5:]
    rows = ["SIRET 562033225 00052", f"TVA intracom {misread}"]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == vat, misread


def test_a_key_digit_read_as_a_letter_is_put_back_on_scans_only(rules):
    # python-stdnum accepts letter keys (new style, a check modulo 11): the misread
    # "FR8Q 559 417 100" of FR89 559 417 100 passed as valid. Its 9 digits are a SIREN and
    # its key differs from the digits' key in one character: a misread.
    siren = "559417100"
    assert fr_tva.is_valid("FR8Q" + siren) and fr_tva.is_valid("FR89" + siren)
    rows = ["Commande n° CF20241234", f"N° TVA intracom. FR8Q {spaced(siren)}"]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == "FR89" + siren
    assert "key '8Q' read for '89'" in a.customer_vat.corrections
    # a text layer holds what was typed: a letter key stays
    text = analyse(make_doc(make_page(rows, source="pdf-text")), rules)
    assert text.customer_vat is not None and text.customer_vat.value == "FR8Q" + siren


def test_a_key_misread_is_repaired_from_the_siren_printed_in_the_siret(rules):
    # The SIREN of "FR 39 877 639 849" is right (the SIRET beside it says so), its key
    # fails: 3 for 5, a confusion of degraded print, so the key is the SIREN's.
    siren = "877639849"
    siret = siren + "8335" + luhn.calc_check_digit(siren + "8335")
    right = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    assert right[2:4] == "59" and fr_siret.is_valid(siret)
    rows = [
        "Commande n° CF20241234",
        f"SIRET : {siren} {siret[9:]}",
        "N° TVA : FR 39 877 639 849 -",
    ]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == right
    # 2 for 5 is no confusion: the key stays as read, invalid, for the clerk to see
    rows[2] = "N° TVA : FR 29 877 639 849 -"
    assert analyse(make_doc(make_page(rows, source="ocr")), rules).customer_vat is None


def test_a_vat_whose_fr_was_misread_is_read_though_its_siren_was_read_right(rules):
    # "ER93 473 935 625": the SIREN inside is read right (a valid SIREN on its own), which
    # used to leave the VAT unread; E for F is a misread of degraded print.
    rows = ["Commande n° CF20241234", f"TVA E{VAT[1:4]} {spaced(SIREN)}"]
    a = analyse(make_doc(make_page(rows, source="ocr")), rules)
    assert a.customer_vat is not None and a.customer_vat.value == VAT
