"""The mail's own words confirm an attachment's order number (orderintake.corroborate)."""

from __future__ import annotations

from orderintake.corroborate import corroborate, fold, mail_numbers
from orderintake.model import Candidate


def test_numbers_stated_by_an_order_keyword_in_subject_or_body(rules):
    numbers = mail_numbers(
        "Commande 4500123456",
        "Bonjour,\nsuite à votre devis D2542230, veuillez trouver ci-joint notre "
        "commande CF20230987.\nCordialement",
        rules,
    )
    assert "4500123456" in numbers and "CF20230987" in numbers
    assert "D2542230" not in numbers  # a quote number is no order number


def test_a_status_question_without_keyword_owned_number_gives_nothing(rules):
    assert mail_numbers("Bonjour", "Merci de me rappeler au 04 76 12 34 56.", rules) == []


def test_fold_tolerates_ocr_look_alikes_and_separators():
    assert fold("CF2O23-0987") == fold("CF2023/0987")
    assert fold("4500171234") == fold("4500777234")  # 7 and 1 confused in a digit run
    assert fold("CF20230987") != fold("CF20230988")


def _c(value: str, score: float, page: int = 1) -> Candidate:
    return Candidate(value=value, score=score, page=page)


def test_the_mail_confirms_and_reorders_candidates():
    cands = [_c("6014-36", 0.4), _c("1000596475", 0.3), _c("2024", 0.01)]
    out = corroborate(cands, ["1000596475"])
    assert out[0].value == "1000596475" and out[0].score > 0.8
    assert "also in the mail's text" in out[0].reasons
    assert out[1].value == "6014-36" and out[1].score == 0.4


def test_an_ocr_misread_takes_the_typed_form_only_on_ocr_pages():
    ocr = corroborate([_c("4500717234", 0.3, page=2)], ["4500117234"], ocr_pages={2})
    assert ocr[0].value == "4500117234"
    assert any("typed in the mail" in c for c in ocr[0].corrections)
    text = corroborate([_c("4500717234", 0.3, page=1)], ["4500117234"], ocr_pages={2})
    assert text[0].value == "4500717234"  # a text layer is exact: the mail has a typo


def test_a_number_only_in_the_mail_is_never_proposed():
    out = corroborate([_c("CF20230987", 0.9)], ["CF20229999"])
    assert [c.value for c in out] == ["CF20230987"] and out[0].score == 0.9
