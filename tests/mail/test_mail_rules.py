"""The classification rule file: shipped file valid, and every kind of mistake explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from orderintake.classify_rules import RULE_FILE, SCHEMA, load_classify_rules, normalise
from orderintake.config import SHIPPED_RULES_DIR
from orderintake.errors import RuleFileError
from orderintake.rules import schema_keys

REPO = Path(__file__).resolve().parents[2]

HEAD = "version = 1\n[decision]\norder_threshold = 3.0\n"


def _load(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / RULE_FILE).write_text(text, encoding="utf-8")
    return load_classify_rules(tmp_path)


def test_shipped_rules_load_and_self_test() -> None:
    rules = load_classify_rules(SHIPPED_RULES_DIR)
    kinds = {p.kind for p in rules.phrases}
    assert kinds == {"order", "acceptance", "not-order"}
    assert {h.header for h in rules.headers} >= {"Auto-Submitted", "List-Unsubscribe"}


def test_accented_pattern_and_example_are_normalised(tmp_path: Path) -> None:
    rules = _load(
        tmp_path,
        HEAD
        + """
[[phrase]]
name = "où"
kind = "not-order"
pattern = 'où en est'
weight = -5
must_match = ["OU EN EST", "Où en est"]
""",
    )
    assert rules.phrases[0].pattern.search(normalise("OÙ EN EST la commande"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            HEAD + "[[phrase]]\nname='x'\nkind='maybe'\npattern='a'\nweight=1\n",
            "kind must be one of",
        ),
        (
            HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='a'\nweight=1\nwhere=['footer']\n",
            "where must list",
        ),
        (HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='(a'\nweight=1\n", "does not compile"),
        (
            HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='a'\nweight=1\nmust_match=['b']\n",
            "self-test failed",
        ),
        (
            HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='a'\n",
            "missing required key 'weight'",
        ),
        (
            HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='a'\nweight=1\ncolour=1\n",
            "unknown key",
        ),
        (
            HEAD + "[[phrase]]\nname='x'\nkind='order'\npattern='a'\nweight=1\neverywhere=true\n",
            "everywhere is only for not-order phrases",
        ),
        (HEAD + "passing_mention_factor = 1.5\n", "passing_mention_factor must be between 0 and 1"),
        (HEAD + "purpose_sentences = 0\n", "purpose_sentences must be at least 1"),
        (
            HEAD + "[[mention]]\nname='m'\npattern='adresse de livraison'\n"
            "must_not_match=['Adresse de livraison : quai 2']\n",
            "self-test failed",
        ),
        ("version = 2\n[decision]\norder_threshold = 1.0\n", "expected version = 1"),
        ("version = 1\n[decision\n", "not valid TOML"),
    ],
)
def test_rule_file_errors_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(RuleFileError) as err:
        _load(tmp_path, text)
    assert message in str(err.value)
    assert RULE_FILE in str(err.value)


def test_every_rule_field_is_documented() -> None:
    doc = (REPO / "docs" / "classification.md").read_text(encoding="utf-8")
    for key, text in schema_keys(SCHEMA).items():
        assert text, f"{key} has no documentation in the schema"
        assert f"`{key.rsplit('.', 1)[-1]}`" in doc, f"{key} is not in docs/classification.md"
