"""Reading order from boxes alone: rows, columns and table rows (pure functions)."""

from __future__ import annotations

from orderintake.extract.lines import group_lines, split_words
from orderintake.model import BBox, Word


def w(text: str, x: float, y: float, width: float = 30, h: float = 10) -> Word:
    return Word(text, BBox(x, y, x + width, y + h))


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def test_words_in_any_order_come_out_left_to_right_top_to_bottom() -> None:
    words = [w("world", 60, 10.5), w("second", 10, 30), w("hello", 10, 10), w("line", 70, 29.5)]
    assert texts(group_lines(words)) == ["hello world", "second line"]


def test_table_row_stays_one_line_with_cells_in_order() -> None:
    row = [w("4500012345", 300, 101), w("REF-1", 10, 100), w("12,50", 480, 100.5)]
    header = [w("Commande", 300, 80), w("Réf.", 10, 80), w("Montant", 480, 80)]
    assert texts(group_lines(row + header)) == ["Réf. Commande Montant", "REF-1 4500012345 12,50"]


def test_two_columns_with_different_pitch_never_interleave_word_by_word() -> None:
    # Left column every 13 pt, right column every 17 pt starting lower.
    left = [[w(f"L{i}a", 10, 60 + 13 * i), w(f"L{i}b", 45, 60 + 13 * i)] for i in range(5)]
    right = [[w(f"R{i}a", 330, 66 + 17 * i), w(f"R{i}b", 365, 66 + 17 * i)] for i in range(4)]
    words = [x for pair in left + right for x in pair]
    lines = texts(group_lines(words))
    for line in lines:
        tokens = line.split()
        # Within a line, every left-column word comes before every right-column word
        # and a column's words stay together in their order.
        kinds = "".join(t[0] for t in tokens)
        assert kinds in ("LL", "RR", "LLRR"), line
    flat = " ".join(lines).split()
    assert [t for t in flat if t.startswith("L")] == [f"L{i}{c}" for i in range(5) for c in "ab"]
    assert [t for t in flat if t.startswith("R")] == [f"R{i}{c}" for i in range(4) for c in "ab"]


def test_a_tall_word_does_not_chain_two_rows_together() -> None:
    words = [w("top", 10, 10), w("bottom", 10, 24), w("BIG", 100, 8, h=28)]
    lines = group_lines(words)
    assert len(lines) >= 2
    assert "top" in lines[0].text and "bottom" not in lines[0].text


def test_overprinted_word_starts_another_row() -> None:
    words = [w("stamp", 12, 11), w("text", 10, 10)]
    assert len(group_lines(words)) == 2


def test_split_words_on_spaces_gaps_and_baselines() -> None:
    chars = [
        ("N", 0, 0, 6, 10),
        ("°", 6, 0, 10, 10),
        (" ", 10, 0, 13, 10),
        ("P", 13, 0, 19, 10),
        ("O", 19.2, 0, 25, 10),
        ("1", 40, 0, 46, 10),  # wide gap: a new word without a space
        ("x", 46, 30, 52, 40),  # another baseline
        ("x", 46.2, 30, 52.2, 40),  # fake bold: the same glyph struck twice
    ]
    assert [t[0] for t in split_words(chars)] == ["N°", "PO", "1", "x"]
    assert split_words(chars)[1][1:] == (13, 0, 25, 10)


def test_specks_and_table_rules_are_not_words() -> None:
    from orderintake.extract.ocr import is_speck

    assert is_speck(":", 0.3) and is_speck("|", 0.95) and is_speck("'.", 0.1)
    assert not is_speck(":", 0.9)  # a clearly printed colon stays
    assert not is_speck("€", 0.9) and not is_speck("l", 0.1) and not is_speck("N°", 0.2)


def _typeset(words: list[str], gap: float, letter_gap: float = 0.0, space: bool = False):
    """Characters of ``words`` 10 pt tall, 5 pt wide, ``letter_gap`` between letters and
    ``gap`` between words (a space character written there when ``space``)."""
    chars, x = [], 0.0
    for i, word in enumerate(words):
        if i:
            if space:
                chars.append((" ", x, 0, x + gap, 10))
            x += gap
        for j, ch in enumerate(word):
            if j:
                x += letter_gap
            chars.append((ch, x, 0, x + 5, 10))
            x += 5
    return chars


def test_a_pdf_that_writes_no_spaces_is_split_at_its_narrow_interword_gaps() -> None:
    # holdout7's XeLaTeX orders: no space character at all, a justified line's interword
    # glue 0.219 × the character height, letters touching: "Engagement juridique n°"
    words = ["Engagement", "juridique", "n°"]
    assert [t[0] for t in split_words(_typeset(words, gap=2.19))] == words
    # the letters of a word stay together even when kerned a little apart
    assert [t[0] for t in split_words(_typeset(["EJ1300205194"], gap=0, letter_gap=0.3))] == [
        "EJ1300205194"
    ]


def test_a_pdf_that_writes_spaces_keeps_its_letter_spaced_titles_whole() -> None:
    # PostScript ``ashow``: "CONFIRMATION DE COMMANDE" with 0.13 × height between letters
    # and a space character between words; read as three words, not 24 letters
    chars = _typeset(["CONFIRMATION", "DE", "COMMANDE"], gap=4.0, letter_gap=1.3, space=True)
    assert [t[0] for t in split_words(chars)] == ["CONFIRMATION", "DE", "COMMANDE"]


def _below(chars, dy: float):
    return [(t, x0, y0 + dy, x1, y1 + dy) for t, x0, y0, x1, y1 in chars]


def test_a_line_placed_word_by_word_on_a_page_that_writes_spaces_is_split() -> None:
    # holdout12's Inkscape PDFs: the body writes its spaces, the header places each word
    # with no space character, 0.20 × the box height apart: one word
    # "BONDECOMMANDE/PURCHASEORDERN°26PO01877" at the spaces' ratio (0.22)
    body = _typeset(["Adresse", "de", "livraison", "ZAC", "de", "Mercières"] * 3, 3, space=True)
    header = _below(_typeset(["PURCHASE", "ORDER", "N°", "26PO01877"], gap=2.0), 20)
    words = [t[0] for t in split_words(body + header)]
    assert words[-4:] == ["PURCHASE", "ORDER", "N°", "26PO01877"]
    # such a line letter-spaced keeps its words whole (every gap 0.13, the same)
    title = _below(_typeset(["FACTURE"], gap=0, letter_gap=1.3), 40)
    assert [t[0] for t in split_words(body + title)][-1] == "FACTURE"
