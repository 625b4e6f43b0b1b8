"""The order-number engine on documents laid out by hand (no reader involved).

Each test builds the smallest page that shows one behaviour of issue 3 §2 and checks the
ranked candidates: where the label is, what is eliminated, what is split off or repaired.
"""

from __future__ import annotations

from dataclasses import replace

from engine_helpers import make_doc, make_page
from orderintake.analysis import analyse
from orderintake.ordernumber import find_order_numbers, repair_ocr, split_suffix


def best(doc, rules):
    cands = find_order_numbers(doc, rules)
    assert cands, "no candidate at all"
    return cands[0]


def values(doc, rules):
    return [c.value for c in find_order_numbers(doc, rules, limit=50)]


def test_value_right_of_label_on_the_same_line(rules):
    doc = make_doc(
        make_page(["Lyon, le 12 mars 2024", "N° de commande : BC-2024-12345", "Réf. 2023"])
    )
    c = best(doc, rules)
    assert (c.value, c.keyword, c.page) == ("BC-2024-12345", "N° de commande", 1)
    assert c.score > 0.95
    assert c.evidence == "N° de commande : BC-2024-12345"
    assert c.bbox is not None and c.bbox.x0 > 50 + 6 * len("N° de commande :")


def test_label_and_value_in_two_cells_of_one_row(rules):
    doc = make_doc(
        make_page([[(50, "Client : Garage du Centre"), (330, "Order No."), (450, "4500123456")]])
    )
    c = best(doc, rules)
    assert c.value == "4500123456" and c.keyword == "Order No."


def test_label_above_value_in_a_table_column(rules):
    doc = make_doc(
        make_page(
            [
                [(50, "Date"), (150, "Code client"), (300, "N° commande"), (450, "Devis")],
                [(50, "12/03/2024"), (150, "C123456"), (300, "2024-0456"), (450, "DV123456")],
            ]
        )
    )
    cands = find_order_numbers(doc, rules)
    assert cands[0].value == "2024-0456"
    assert cands[0].score > 0.9
    others = {c.value: c.score for c in cands[1:]}
    assert all(s < 0.2 for s in others.values()), others


def test_value_lines_below_only_counts_on_ocr_pages(rules):
    # 5 lines below in the same column; the short lines at x=400 are another column.
    rows = [
        "PURCHASE ORDER No.",
        [(400, "a")],
        "Northwind Components Ltd",
        [(400, "b")],
        [(400, "c")],
        "PO-38271",
    ]
    ocr = best(make_doc(make_page(rows, source="ocr")), rules)
    text = best(make_doc(make_page(rows)), rules)
    assert ocr.value == text.value == "PO-38271"
    assert ocr.keyword == "PURCHASE ORDER No." and ocr.score > 0.5
    assert text.keyword is None and text.score < 0.5


def test_suffixes_are_split_off(rules):
    doc = make_doc(make_page(["N° de commande : CF20230987/JD"]))
    c = best(doc, rules)
    assert (c.value, c.suffix) == ("CF20230987", "/JD")
    doc = make_doc(make_page(["Commande n° L 12345 UMR 7590"]))
    c = best(doc, rules)
    assert (c.value, c.suffix) == ("L 12345", "UMR 7590")
    assert split_suffix("BC-2024-12345-V2", "", rules) == ("BC-2024-12345", "-V2")
    assert split_suffix("PO-38271", " -JD", rules) == ("PO-38271", "-JD")


def test_intentional_prefix_space_is_kept(rules):
    assert best(make_doc(make_page(["Votre commande : CDE 004512"])), rules).value == "CDE 004512"
    assert best(make_doc(make_page(["Bon de commande n° L 54321/AB"])), rules).value == "L 54321"


def test_ocr_confusions_repaired_only_on_ocr_pages(rules):
    rows = ["N° de commande : CF2O23O987"]
    ocr = best(make_doc(make_page(rows, source="ocr")), rules)
    assert ocr.value == "CF20230987"
    assert ocr.corrections == ("O→0 at 4", "O→0 at 7")
    text = values(make_doc(make_page(rows)), rules)
    assert "CF20230987" not in text
    assert repair_ocr("45OO12345l") == ("4500123451", ("O→0 at 3", "O→0 at 4", "l→1 at 10"))
    assert repair_ocr("SB8015")[0] == "SB8015"  # letters before the digits are not digits


def test_known_numbers_are_never_candidates(rules):
    page = make_page(
        [
            "N° de commande : CF20241234",
            "SIRET : 732 829 320 00074   TVA : FR44732829320",
            "IBAN FR76 3000 6000 0112 3456 7890 189  BIC BNPAFRPPXXX",
            "Tél. : 01 23 45 67 89",
            "12 rue Ampère 69007 Lyon",
            "Date : 12/03/2024   Livraison le 15 mars 2024",
            "Total HT : 12 345,67 €",
            "Suite à votre devis n° DEV-2024-5678",
            "Facture FA202311 Code client : C123456",
        ]
    )
    found = values(make_doc(page), rules)
    assert found[0] == "CF20241234"
    for bad in (
        "73282932000074",
        "732829320",
        "FR44732829320",
        "3000",
        "0112",
        "6000",
        "69007",
        "12/03",
        "12345",
        "DEV-2024-5678",
        "FA202311",
        "C123456",
        "0123456789",
    ):
        assert not any(bad in v.replace(" ", "") for v in found), (bad, found)


def test_negative_context_outweighs_shape(rules):
    doc = make_doc(make_page(["Devis n° 2024-0099", "Bon de livraison BL-20240099"]))
    for c in find_order_numbers(doc, rules):
        assert c.score < 0.1, c


def test_repetition_across_pages_raises_the_score(rules):
    one = make_page(["Ref 2024-7781"])
    doc1 = make_doc(one)
    doc2 = make_doc(one, make_page(["Ref 2024-7781"], number=2))
    assert best(doc2, rules).score > best(doc1, rules).score


def test_orderx_wins_and_marks_changes(rules):
    from orderintake.model import Document, OrderX

    page = make_page(["N° de commande : CF20230987"])
    ox = OrderX(
        order_number="PO-XML-0001",
        type_code="230",
        flavor="order-x",
        buyer_siren="732829320",
        quote_reference="DEV-1",
    )
    a = analyse(Document("x.pdf", (page,), ox), rules)
    assert a.order_numbers[0].value == "PO-XML-0001"
    assert a.order_numbers[0].score == 1.0 and a.order_numbers[0].keyword == "order-x"
    assert a.is_change and a.quote_number == "DEV-1" and a.customer_siren == "732829320"
    assert a.order_numbers[1].value == "CF20230987"


def test_header_row_without_wide_gaps_uses_each_labels_own_column(rules):
    # One cell per row (single spaces): each value sits under its own header words.
    header = [
        (50, "Date"),
        (110, "N°"),
        (128, "de"),
        (146, "commande"),
        (220, "Code"),
        (250, "client"),
    ]
    values = [(50, "11.02.25"), (110, "BDC716047"), (220, "C02667")]
    doc = make_doc(make_page([header, values]))
    cands = find_order_numbers(doc, rules)
    assert cands[0].value == "BDC716047" and cands[0].score > 0.9


def test_acknowledgement_number_is_not_an_order_number(rules):
    doc = make_doc(make_page(["ACCUSÉ DE RÉCEPTION DE COMMANDE N° ARC-2023-6293"]))
    assert all(c.score < 0.1 for c in find_order_numbers(doc, rules))


def test_wrapped_prose_label_owns_the_next_lines_first_word(rules):
    long_line = "Par la présente, nous vous passons commande des fournitures suivantes, conformément à votre devis"
    doc = make_doc(make_page([long_line, "OF20233124. Merci.", "Notre référence : CF20252359"]))
    cands = {c.value: c.score for c in find_order_numbers(doc, rules)}
    assert cands["CF20252359"] > 0.9 > 0.1 > cands["OF20233124"]


def test_invoices_quoting_an_order_are_not_orders(rules):
    rows = ["FACTURE N° FA-2024-0012", "Votre commande n° CF20241234 du 12/03/2024"]
    invoice = find_order_numbers(make_doc(make_page(rows)), rules)
    order = find_order_numbers(make_doc(make_page(["BON DE COMMANDE", *rows[1:]])), rules)
    assert invoice[0].value == order[0].value == "CF20241234"
    assert invoice[0].score < 0.5 < 0.9 < order[0].score
    assert "document is a facture" in invoice[0].reasons


def test_ocr_blank_inside_a_number_is_joined(rules):
    doc = make_doc(
        make_page(["N° de commande", "45001 48508 Code client : CLI-50253"], source="ocr")
    )
    c = best(doc, rules)
    assert c.value == "4500148508" and c.corrections == ("space removed at 6",)


def test_ocr_prefix_split_off_its_number_is_offered_joined(rules):
    # Word boxes one character width apart: Tesseract may have split "ZINV3716380".
    doc = make_doc(make_page(["P.O. Number: ZINV 3716380"], source="ocr"))
    cands = {c.value: c for c in find_order_numbers(doc, rules)}
    joined = cands["ZINV3716380"]
    assert joined.corrections == ("space removed at 5",)
    assert joined.evidence == "P.O. Number: ZINV 3716380"  # the line as read
    assert joined.score < cands["ZINV 3716380"].score < 0.98  # a prefix's space may be meant


def test_ocr_blank_read_for_the_values_own_separator_is_put_back(rules):
    doc = make_doc(make_page(["Notre commande n°: BDC_24 27399"], source="ocr"))
    c = best(doc, rules)
    assert c.value == "BDC_24_27399" and c.corrections == ("space read as _ at 7",)
    assert c.score < 0.98


def test_text_layer_blanks_are_never_joined(rules):
    rows = ["N° de commande", "45001 48508", "P.O. Number: ZINV 3716380 BDC_24 27399"]
    found = values(make_doc(make_page(rows)), rules)
    assert not {"4500148508", "ZINV3716380", "BDC_24_27399", "BDC_2427399"} & set(found)


def test_ocr_numbers_far_apart_are_never_joined(rules):
    # Two cells of a table row: the gap is many character widths.
    rows = ["Commande", [(50.0, "45001"), (300.0, "48508")], [(50.0, "ZINV"), (300.0, "3716380")]]
    found = values(make_doc(make_page(rows, source="ocr")), rules)
    assert "4500148508" not in found and "ZINV3716380" not in found
    assert "45001" in found and "48508" in found


def test_a_bare_number_sign_belongs_to_the_label_before_it(rules):
    # "Marché n°" is the market's number; the candidate under it has its own label.
    rows = [
        "BON DE COMMANDE",
        [(50, "Engagement juridique n° 1000412137")],
        [(50, "Marché n° 2023-AO-0201 lot 4")],
        [(50, "Imputation : 6038-72")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows, source="ocr")), rules)
    assert cands[0].value == "1000412137"
    assert cands[0].keyword == "Engagement juridique n°"
    scores = {c.value: c.score for c in cands}
    assert scores["6038-72"] < 0.1, scores


def test_a_value_with_a_label_of_its_own_does_not_inherit_one_from_above(rules):
    # A construction order read from a scan: "N/Réf." came out as "NIREf."; the TVA label
    # three lines up must not own the value.
    rows = [
        "N° TVA intracom. : FR 37 142 973 320",
        "ORDRE",
        "D'ACHAT",
        [(50, "Chantier : 24-198"), (300, "Destinataire")],
        [(50, "Code : CDA946141"), (300, "ELECTRO-MESURE SAS")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows, source="ocr")), rules)
    c = next(c for c in cands if c.value == "CDA946141")
    assert not any("negative" in r for r in c.reasons), c.reasons
    assert c.score > 0.1


def test_n_ref_is_ours_and_v_ref_is_the_supplier_s(rules):
    rows = ["N/Réf. : OA24-08393", "V/Réf. : D24-6048-0042"]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert cands[0].value == "OA24-08393" and cands[0].score > 0.5
    assert all(c.score < 0.1 for c in cands[1:]), cands


def test_an_unknown_header_right_above_owns_its_column(rules):
    rows = [
        [(50, "SIRET : 29670256608487")],
        [(50, "Numéro de"), (200, "Date"), (300, "Demande d'achat")],
        [(50, "CA-24-55018"), (200, "30/06/2024"), (300, "DA86021")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows, source="ocr")), rules)
    assert cands[0].value == "CA-24-55018", cands
    assert not any("negative" in r for r in cands[0].reasons)


def test_a_series_letter_group_before_the_digits_is_part_of_the_number(rules):
    rows = [
        [(50, "Numéro de commande :"), (300, "Fournisseur")],
        [(50, "PH 263655"), (300, "NORMAPRO DISTRIBUTION SAS")],
        [(50, "Total HT 2195")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert cands[0].value == "PH 263655", cands
    assert "HT 2195" not in [c.value for c in cands]  # a word, not a series


def test_a_known_prefix_keeps_its_space_before_a_dashed_body(rules):
    rows = ["Engagement juridique n° EJ 26-045342", "Commande n° BC 26-3233"]
    found = values(make_doc(make_page(rows)), rules)
    assert "EJ 26-045342" in found and "BC 26-3233" in found
    assert "P.O. PO-2024-87948" not in values(make_doc(make_page(["P.O. PO-2024-87948"])), rules)


def test_a_revision_is_split_off_as_a_suffix(rules):
    c = best(make_doc(make_page(["PO Number : PO-FR-060522-R1"])), rules)
    assert (c.value, c.suffix) == ("PO-FR-060522", "-R1")


def test_the_ej_outranks_the_forms_own_order_number_on_a_public_order(rules):
    rows = ["BON DE COMMANDE N° BC-2025-02534", "Numéro d'engagement : 2113748993"]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert [c.value for c in cands[:2]] == ["2113748993", "BC-2025-02534"], cands


def test_your_order_reference_is_the_supplier_s_and_commande_fournisseur_is_an_order(rules):
    # An ERP's purchase order (Odoo): the title carries the number after a '#'; "Votre
    # référence de commande" is the supplier's quote.
    rows = [
        "Commande fournisseur #PO00181",
        [(50, "Représentant achats"), (200, "Votre référence de commande"), (400, "Date")],
        [(50, "Mathieu Girard"), (200, "DV2601-063"), (400, "08/01/2026")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert cands[0].value == "PO00181" and cands[0].score > 0.9, cands
    assert next(c for c in cands if c.value == "DV2601-063").score < 0.1


def test_a_number_sign_ending_its_line_heads_the_value_below(rules):
    rows = [
        [(50, "BON DE COMMANDE"), (350, "Document n°")],
        [(350, "2819979")],
        [(50, "DEMANDE D'ACHAT"), (350, "CONTRAT CADRE")],
        [(50, "REQ-268876"), (350, "CT-2025-0117")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert cands[0].value == "2819979" and cands[0].keyword == "n°", cands


def test_an_acknowledgement_is_not_an_order_even_with_an_order_mail_address(rules):
    rows = [
        [(50, "NORMAPRO"), (300, "ACCUSÉ DE RÉCEPTION DE COMMANDE")],
        "commandes@normapro-distribution.fr",
        "Nous vous remercions de votre commande n° 4500607343.",
    ]
    cands = find_order_numbers(make_doc(make_page(rows)), rules)
    assert cands[0].value == "4500607343" and cands[0].score < 0.5, cands


def test_a_dash_read_twice_across_a_blank_is_one_dash_on_scans(rules):
    page = make_page([[(50, "BON COMMANDE"), (200, "C26-"), (224, "-O736")]], source="ocr")
    c = best(make_doc(page), rules)
    assert c.value == "C26-0736", c
    assert any("doubled -" in fix for fix in c.corrections), c.corrections
    text_layer = make_page([[(50, "BON COMMANDE"), (200, "C26-"), (224, "-0736")]])
    assert "C26-0736" not in values(make_doc(text_layer), rules)  # never on a text layer


def test_a_letter_spaced_order_title_split_in_two_cells_is_still_a_title(rules):
    rows = [
        [(50, "ORDRE"), (200, "D'ACHAT")],
        [(50, "NUMERO D'ORDRE : ORD_2026_5655")],
        [(50, "DEVIS FOURN."), (200, "D26-2724")],
    ]
    c = best(make_doc(make_page(rows)), rules)
    assert c.value == "ORD_2026_5655" and c.score > 0.9, c
    assert not any("document is" in r for r in c.reasons)


def test_a_speck_ahead_of_the_order_title_does_not_hide_it(rules):
    # A fax read a speck as "x" (confidence 0.00) ahead of "COMMANDE FOURNISSEUR"; the
    # quote it refers to ("DEVIS REF ...") then made the order a quote (holdout8).
    def doc(speck_confidence: float):
        page = make_page(
            ["x COMMANDE FOURNISSEUR", "DEVIS REF DV26-59306", "NO COMMANDE CO/26/23332"],
            source="ocr",
        )
        first = page.lines[0]
        words = (replace(first.words[0], confidence=speck_confidence), *first.words[1:])
        lines = (replace(first, words=words), *page.lines[1:])
        return make_doc(replace(page, lines=lines))

    best = find_order_numbers(doc(0.0), rules)[0]
    assert best.value == "CO/26/23332"
    assert not any(r.startswith("document is a") for r in best.reasons)
    # A confident "x" is a word of the line: no order title there, the quote wins.
    assert "document is a devis" in find_order_numbers(doc(0.9), rules)[0].reasons


def test_an_internal_code_under_the_order_title_is_not_its_number(rules):
    # An ERP's supplier account ("Code tiers"), a hospital's unité fonctionnelle or a
    # Chorus Pro service code in the row under the title "BON DE COMMANDE", its label in
    # a cell of its own; the number in a box further up. Without
    # negative_context.internal_code the title owned the code (0.68, holdout10's scan).
    for label in ("Code tiers :", "UF", "Code service exécutant :", "Centre de coûts"):
        doc = make_doc(
            make_page(
                [
                    [(50, "MESSAGERIE RHONE-ALPES"), (400, "Commande")],
                    [(50, "69007 Lyon"), (400, "ZINV2611927")],
                    "",
                    [(100, "BON DE COMMANDE")],
                    [
                        (41, label),
                        (200, "T338529"),
                        (303, "Date de commande :"),
                        (415, "15/11/2026"),
                    ],
                ],
                source="ocr",
            )
        )
        scores = {c.value: c.score for c in find_order_numbers(doc, rules)}
        assert max(scores, key=scores.__getitem__) == "ZINV2611927", (label, scores)
        assert scores.get("T338529", 0.0) < 0.1, (label, scores)


def test_engagement_followed_by_ej_announces_the_number(rules):
    doc = make_doc(
        make_page(
            [
                "Code service Chorus Pro : SE6334",
                "Merci de rappeler l'engagement EJ 1300362904 sur votre facture.",
            ]
        )
    )
    c = best(doc, rules)
    assert (c.value, c.keyword) == ("EJ 1300362904", "engagement")
    assert c.score > 0.95


def test_n_dot_cde_read_off_a_fax_heads_its_column(rules):
    # A fax's "N° CDE" read as "N. CDE": the degree sign lost, the label still the number's.
    doc = make_doc(
        make_page(
            [
                [(50, "DATE"), (150, "N. CDE"), (300, "CODE FRS")],
                [(50, "04/12/2026"), (150, "CDE 31207/AB"), (300, "0000782211")],
            ],
            source="ocr",
        )
    )
    c = best(doc, rules)
    assert (c.value, c.suffix, c.keyword) == ("CDE 31207", "/AB", "N. CDE")


def test_a_two_block_number_keeps_its_short_tail(rules):
    # "1226-03" is one number (a carnet's page and line); "-01" is only an issue number
    # after 5 digits or several blocks.
    assert split_suffix("1226-03", "", rules) == ("1226-03", "")
    assert split_suffix("CF20230987-01", "", rules) == ("CF20230987", "-01")
    assert split_suffix("2023-0456-01", "", rules) == ("2023-0456", "-01")


def test_a_request_for_a_price_recalling_the_last_order_is_no_order(rules):
    # "DEMANDE DE PRIX" is the page's title; the last order's number is recalled in a
    # sentence whose wrapped line starts "commande n° …": that is no order title.
    rows = [
        "THERMOFORMAGE RHÔNE-ALPES",
        "DEMANDE DE PRIX N° RFQ-26-0871",
        "Merci de nous faire parvenir votre offre avant le 17/12/2026 (pour mémoire, notre dernière",
        "commande n° 4500884120).",
    ]
    for title in ("DEMANDE DE PRIX N° RFQ-26-0871", "REQUEST FOR QUOTATION RFQ-26-0871"):
        rows[1] = title
        cands = find_order_numbers(make_doc(make_page(rows)), rules)
        assert all(c.score < 0.5 for c in cands), (title, cands[:2])
    # the same sentence under an order's title: the number recalled is still found
    rows[1] = "BON DE COMMANDE"
    assert best(make_doc(make_page(rows)), rules).score > 0.9


def test_a_negative_label_does_not_lend_its_last_word_as_a_prefix(rules):
    # A fax's "DATE CDE 06/12/2026" with its year misread past the date eliminator: "CDE"
    # is the end of the label "DATE CDE", not the prefix of a number "CDE 06/12/2826".
    rows = [
        "BON DE COMMANDE FOURNISSEUR",
        [(40, "COMMANDE NO"), (160, "RECU LE")],
        [(40, "DATE CDE 06/12/2826"), (200, "08 DEC.")],
    ]
    cands = find_order_numbers(make_doc(make_page(rows, source="ocr")), rules)
    assert all(c.score < 0.1 for c in cands if "2826" in c.value), cands[:3]
