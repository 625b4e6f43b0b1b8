"""learning.py on hand-made candidates: shapes, profiles, re-ranking, customer keys.

Pure functions, so the tests build the engine's output directly (Candidate objects with
boxes on an A4 page) instead of drawing documents: each test states the habit it checks.
"""

from __future__ import annotations

import pytest
from orderintake import learning
from orderintake.errors import IntakeError
from orderintake.learning import (
    ValidatedExample,
    customer_key,
    example_from,
    learn_profile,
    repair_to_shape,
    rerank,
    shape_of,
)
from orderintake.model import BBox, Candidate

A4 = {1: (595.0, 842.0), 2: (595.0, 842.0)}


def cand(value: str, score: float, y: float = 200.0, *, keyword: str | None = None) -> Candidate:
    return Candidate(
        value=value, score=score, page=1, bbox=BBox(300, y, 380, y + 10), keyword=keyword
    )


def history(values: list[str], y: float = 200.0, keyword: str | None = "N° de commande"):
    return [
        example_from("acme.fr", v, cand(v, 0.9, y, keyword=keyword), A4, engine_top1_right=True)
        for v in values
    ]


# --- shapes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("PO-123456", "PO-######"),
        ("CF20241234", "CF########"),
        ("L 12345", "L #####"),
        ("L  12345 ", "L #####"),  # spaces collapsed, ends trimmed
        ("4500123456", "##########"),
        ("BC24/0012", "BC##/####"),
        ("P.O. 22654", "P.O. #####"),
    ],
)
def test_shape_of_keeps_letters_and_punctuation_digits_become_hashes(value, shape):
    assert shape_of(value) == shape


# --- profiles ------------------------------------------------------------------------


def test_no_profile_below_the_minimum_number_of_examples():
    assert learn_profile([]) is None
    assert learn_profile(history(["PO-123456"])) is None
    assert learn_profile(history(["PO-123456"]), min_examples=1) is not None


def test_profile_learns_shape_prefix_length_keyword_and_zone():
    p = learn_profile(history(["PO-123456", "PO-654321", "PO-111111", "PO-12345"]))
    assert p is not None
    assert p.examples == 4
    assert p.shapes[0] == ("PO-######", 3)
    assert ("PO-#####", 1) in p.shapes
    assert p.prefix == "PO-" and p.prefix_count == 4
    assert (p.min_length, p.max_length) == (8, 9)
    assert p.keyword == "de commande"  # normalised: no case, accents or "n°"
    assert p.zone is not None
    page, x, y, tol_x, tol_y = p.zone
    assert page == 1
    assert x == pytest.approx(340 / 595)
    assert y == pytest.approx(205 / 842)
    assert 0 < tol_y < 0.02  # under one line: the next row is another field
    assert tol_x >= 0.05


def test_numeric_prefix_is_what_every_number_starts_with():
    p = learn_profile(history(["4500123456", "4500987654", "4500555555"]))
    assert p is not None and p.prefix == "4500"


def test_profile_follows_recent_orders_only():
    old = history(["CF20240001"] * 5)
    new = history(["PO-000001"] * 3)
    p = learn_profile(old + new, window=3)
    assert p is not None and p.shapes == (("PO-######", 3),)


def test_examples_of_two_customers_are_refused():
    mixed = [*history(["PO-123456"]), ValidatedExample("other.fr", "PO-654321")]
    with pytest.raises(ValueError, match="several customers"):
        learn_profile(mixed)


def test_a_typed_correction_teaches_the_shape_but_no_place():
    ex = example_from("acme.fr", "PO-123456", None, A4, engine_top1_right=False)
    assert ex.keyword is None and ex.page is None and ex.x is None
    p = learn_profile([ex, ex])
    assert p is not None and p.usual_shape == "PO-######" and p.zone is None


# --- rerank --------------------------------------------------------------------------


def test_rerank_puts_the_usual_shape_above_a_look_alike_the_engine_preferred():
    profile = learn_profile(history(["RX-240457", "RX-251234", "RX-249999"], y=220))
    engine = [cand("AF-240001", 0.18, y=206), cand("RX-240123", 0.18, y=220)]
    ranked = rerank(engine, profile, A4)
    assert [c.value for c in ranked] == ["RX-240123", "AF-240001"]
    assert ranked[0].score > 0.18 > ranked[1].score  # boosted, and the other demoted
    assert "learned: matches this customer's usual RX-###### (3 of 3 orders)" in ranked[0].reasons
    assert "learned: at this customer's usual place on the page" in ranked[0].reasons
    assert any("unlike this customer's usual RX-######" in r for r in ranked[1].reasons)


def test_same_shape_is_told_apart_by_prefix_label_and_place():
    # SAP prints the purchase requisition (1000…) above the order (4500…): same shape.
    profile = learn_profile(
        history(["4500123456", "4500987654", "4500555555"], y=240, keyword="Commande n°")
    )
    engine = [
        cand("1000222222", 0.7, y=226, keyword="n°"),
        cand("4500333333", 0.6, y=240, keyword="Commande n°"),
    ]
    ranked = rerank(engine, profile, A4)
    assert ranked[0].value == "4500333333"
    assert "learned: this customer's usual label «Commande n°»" in ranked[0].reasons


def test_a_confident_engine_is_not_overruled_by_shape_alone():
    profile = learn_profile(history(["DS-240001", "DS-240002"], y=600))
    engine = [cand("CM-259194", 0.98, y=220), cand("DS-243227", 0.05, y=400)]
    assert rerank(engine, profile, A4)[0].value == "CM-259194"


def test_without_profile_the_list_is_unchanged():
    engine = [cand("AF-240001", 0.5), cand("RX-240123", 0.4)]
    assert rerank(engine, None, A4) == engine


def test_learning_abstains_when_nothing_looks_like_the_customer_numbers():
    # The customer changed software: new prefix, new place. The old place now holds
    # another field; without a candidate of the usual shape learning must not pick it.
    profile = learn_profile(history(["MA-240001", "MA-240002", "MA-240003"], y=220))
    engine = [cand("MAD-245741", 0.18, y=206), cand("AF-244767", 0.18, y=220)]
    assert rerank(engine, profile, A4) == engine


def test_scores_stay_in_0_1_and_no_candidate_is_invented_or_lost():
    profile = learn_profile(history([f"PO-{n:06d}" for n in range(30)]), window=30)
    engine = [
        cand("PO-999999", 0.999999),
        cand("PO-000000", 1e-9),
        cand("ZZ-12", 0.0),
        cand("12345678", 1.0),
        Candidate(value="PO-424242", score=0.3, page=2, bbox=None),  # no box, other page
    ]
    ranked = rerank(engine, profile, A4)
    assert sorted(c.value for c in ranked) == sorted(c.value for c in engine)
    assert all(0.0 <= c.score <= 1.0 for c in ranked)
    assert all(c.score < 1.0 for c in ranked)  # only Order-X is certain
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_order_x_number_is_left_alone_and_stays_first():
    profile = learn_profile(history(["PO-123456", "PO-654321"]))
    engine = [
        Candidate(value="A-1", score=1.0, page=1, keyword=learning.ORDER_X_KEYWORD),
        cand("PO-111111", 0.9),
    ]
    ranked = rerank(engine, profile, A4)
    assert ranked[0] == engine[0]
    assert ranked[1].score > 0.9


def test_a_rare_shape_is_not_called_usual():
    profile = learn_profile(history(["PO-123456", "PO-123457", "PO-123458", "PO-12345"]))
    ranked = rerank([cand("PO-55555", 0.5)], profile, A4)
    assert "learned: matches PO-#####, seen in 1 of this customer's 4 orders" in ranked[0].reasons


# --- OCR look-alikes read as the usual shape -----------------------------------------


@pytest.mark.parametrize(
    ("value", "shape", "expected"),
    [
        ("1B7732", "IB####", ("IB7732", ("1→I at 1",))),
        ("PO-12B45", "PO-#####", ("PO-12845", ("B→8 at 6",))),
        ("P0-12345", "PO-#####", ("PO-12345", ("0→O at 2",))),
        ("IB7732", "IB####", None),  # already right: nothing to repair
        ("XB7732", "IB####", None),  # X is no look-alike of I
        ("1B773", "IB####", None),  # wrong length
    ],
)
def test_repair_to_shape(value, shape, expected):
    assert repair_to_shape(value, shape) == expected


def test_rerank_repairs_an_ocr_misread_on_ocr_pages_only():
    profile = learn_profile(history(["IB7701", "IB1850", "IB5108"]))
    engine = [cand("1B7732", 0.98), cand("P92369", 0.1, y=500)]
    on_text = rerank(engine, profile, A4)
    assert on_text[0].value == "1B7732"  # a text layer prints what it means
    on_scan = rerank(engine, profile, A4, ocr_pages={1})
    assert on_scan[0].value == "IB7732"
    assert on_scan[0].corrections == ("1→I at 1",)
    assert on_scan[0].reasons[0].startswith("learned: read as IB7732")
    assert len(on_scan) == len(engine)


def test_repair_never_duplicates_a_value_already_offered():
    profile = learn_profile(history(["IB7701", "IB1850"]))
    engine = [cand("1B7732", 0.6), cand("IB7732", 0.5, y=300)]
    values = [c.value for c in rerank(engine, profile, A4, ocr_pages={1})]
    assert sorted(values) == ["1B7732", "IB7732"]


# --- customer keys -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "siren", "key"),
    [
        ("Achats <achats@Acme.FR>", "123 456 789", "123456789"),
        ("Achats <achats@Acme.FR>", None, "acme.fr"),
        ("achats@acme.fr", "", "acme.fr"),
        ("achats@acme.fr", "12345", "acme.fr"),  # not a SIREN: the domain it is
        ("Jean <Jean.Dupont@Gmail.com>", None, "jean.dupont@gmail.com"),
        ("boulangerie.martin@orange.fr", None, "boulangerie.martin@orange.fr"),
        ("x@wanadoo.fr", None, "x@wanadoo.fr"),
        ("x@free.fr", None, "x@free.fr"),
        ("x@hotmail.fr", None, "x@hotmail.fr"),
        ("x@outlook.com", None, "x@outlook.com"),
        ("x@yahoo.co.uk", None, "x@yahoo.co.uk"),
        ("x@outlook-partners.fr", None, "outlook-partners.fr"),
    ],
)
def test_customer_key(sender, siren, key):
    assert customer_key(sender, siren) == key


@pytest.mark.parametrize("sender", ["", "Service achats", "<>", "@acme.fr"])
def test_customer_key_without_address_or_siren_is_a_clear_error(sender):
    with pytest.raises(IntakeError, match="customer cannot be told apart"):
        customer_key(sender, None)
