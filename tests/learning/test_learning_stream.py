"""Learning on real documents: a customer's orders drawn, read by pdfminer and analysed
by the real engine (text PDFs only, no OCR: about a second)."""

from __future__ import annotations

from pathlib import Path

import learning_stream
from orderintake import learning
from orderintake.analysis import analyse
from orderintake.engine_rules import load_engine_rules
from orderintake.extract import ExtractOptions, extract_bytes

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_a_customers_history_fixes_the_engine_on_its_next_orders():
    # "Affaire", "Référence", "Projet": three numbers of one pattern and no order label;
    # the engine can only guess (it takes the first), the clerks always took the
    # Référence. From the third order on, the profile must rank it first, with evidence.
    rules = load_engine_rules(RULES)
    cust = next(c for c in learning_stream.customers() if c.key == "hard-ref-second")
    history: list[learning.ValidatedExample] = []
    engine_right = learned_right = 0
    for i in range(4):
        pdf, truth = cust.draw(i)
        doc = extract_bytes(pdf, f"order-{i}.pdf", ExtractOptions())
        found = analyse(doc, rules).order_numbers
        sizes = learning.page_sizes_of(doc)
        profile = learning.learn_profile(history)
        ranked = learning.rerank(found, profile, sizes)
        assert {c.value for c in ranked} == {c.value for c in found}
        engine_right += found[0].value == truth
        if i >= 2:
            assert ranked[0].value == truth
            assert any("usual CM-######" in r for r in ranked[0].reasons)
            learned_right += 1
        else:
            assert profile is None and ranked == list(found)
        accepted = next(c for c in found if c.value == truth)
        history.append(
            learning.example_from(
                cust.key, truth, accepted, sizes, engine_top1_right=found[0].value == truth
            )
        )
    assert engine_right == 0  # the situation is real: the engine alone gets these wrong
    assert learned_right == 2
