"""The generic rule-file loader: errors name file, line and key; patterns are checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from orderintake.errors import RuleFileError
from orderintake.rules import FieldSpec, load_rule_file, raise_on_failed_self_tests, schema_keys

SCHEMA = {
    "version": FieldSpec("int", "Format version.", required=True),
    "keywords": FieldSpec(
        "table-list",
        "Keywords.",
        fields={
            "name": FieldSpec("str", "Name.", required=True),
            "pattern": FieldSpec("pattern", "Regex.", required=True),
            "weight": FieldSpec("float", "Weight."),
        },
    ),
    "weights": FieldSpec("float-map", "Weights by name."),
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_compiles_patterns_and_runs_examples(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "version = 1\n[[keywords]]\nname = 'order'\npattern = 'n°\\s*de\\s*commande'\nweight = 2\n"
        "must_match = ['N° de commande : 12']\nmust_not_match = ['N° de devis']\n",
    )
    loaded = load_rule_file(path, SCHEMA)
    kw = loaded.data["keywords"][0]
    assert kw["pattern"].search("n° DE commande")  # case-insensitive by default
    assert kw["weight"] == 2.0
    assert [t.ok for t in loaded.self_tests] == [True, True]
    raise_on_failed_self_tests(loaded)


@pytest.mark.parametrize(
    ("text", "line", "key", "expected"),
    [
        (
            "version = 1\n[[keywords]]\nname = 'x'\npattern = '(unclosed'\n",
            4,
            "keywords[0].pattern",
            "does not compile",
        ),
        (
            "version = 1\n[[keywords]]\nname = 'x'\npattern = 'a*'\n",
            4,
            "keywords[0].pattern",
            "matches the empty string",
        ),
        ("version = 1\ncolour = 'red'\n", 2, "colour", "unknown key"),
        ("version = 'one'\n", 1, "version", "expected an integer"),
        ("[[keywords]]\nname = 'x'\npattern = 'x'\n", None, "version", "missing required key"),
        ("version = 1\n[weights]\nnear = 'high'\n", 2, "weights", "a table of numbers"),
    ],
)
def test_errors_name_file_line_key_and_expectation(
    tmp_path: Path, text: str, line: int | None, key: str, expected: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, SCHEMA)
    err = info.value
    assert err.file == str(path)
    assert err.key == key
    assert err.line == line
    assert expected in str(err)
    assert str(path) in str(err)


def test_toml_syntax_error_has_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "version = 1\n\nkeywords = [\n")
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, SCHEMA)
    assert "not valid TOML" in str(info.value)
    assert info.value.line is not None


def test_failed_example_is_reported_then_raised(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "version = 1\n[[keywords]]\nname = 'x'\npattern = 'commande'\nmust_match = ['order']\n",
    )
    loaded = load_rule_file(path, SCHEMA)
    assert [t.ok for t in loaded.self_tests] == [False]
    with pytest.raises(RuleFileError, match="self-test failed: example 'order' should match"):
        raise_on_failed_self_tests(loaded)


def test_schema_keys_flattens_for_documentation() -> None:
    keys = schema_keys(SCHEMA)
    assert keys["keywords.pattern"] == "Regex."
    assert "weights" in keys and "version" in keys
