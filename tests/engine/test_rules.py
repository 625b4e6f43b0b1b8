"""The engine's rule files: validation with file/line/key, self-tests, docs, `rules check`.

Each test copies the shipped rules to a temporary folder and breaks one thing the way an
admin could, then checks the error names the file, the line and the key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from engine_helpers import REPO, RULES_DIR
from orderintake.cli import _register, app
from orderintake.engine_rules import (
    FIELDS_SCHEMA,
    ORDERNUMBER_SCHEMA,
    load_engine_rules,
)
from orderintake.errors import RuleFileError
from orderintake.rules import schema_keys
from typer.testing import CliRunner


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    dest = tmp_path / "rules"
    dest.mkdir()
    for name in ("ordernumber.toml", "fields.toml", "classification.toml"):
        shutil.copy(RULES_DIR / name, dest / name)
    return dest


def break_file(folder: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ordernumber.toml; return the 1-based line changed."""
    path = folder / "ordernumber.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def error_of(folder: Path) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_engine_rules(folder)
    return info.value


def test_shipped_rules_load_and_pass_their_examples():
    rules = load_engine_rules(RULES_DIR)
    assert len(rules.keywords) >= 5 and "4500" in rules.prefixes
    assert all(t.ok for f in rules.files for t in f.self_tests)
    assert sum(len(f.self_tests) for f in rules.files) > 100


def test_bad_regex_names_file_line_and_key(rules_copy):
    line = break_file(
        rules_copy, "[eliminators.bic]\npattern = '", "[eliminators.bic]\npattern = '(unclosed"
    )
    err = error_of(rules_copy)
    assert err.file and err.file.endswith("ordernumber.toml")
    assert err.key == "eliminators.bic.pattern" and err.line == line + 1
    assert "does not compile" in str(err)


def test_regex_matching_empty_is_refused(rules_copy):
    break_file(rules_copy, "[eliminators.bic]\npattern = '", "[eliminators.bic]\npattern = 'x*|")
    err = error_of(rules_copy)
    assert err.key == "eliminators.bic.pattern" and "empty string" in str(err)


def test_unknown_key_is_refused(rules_copy):
    line = break_file(rules_copy, "penalty = 0.7\n", "penalty = 0.7\npenalti = 1\n")
    err = error_of(rules_copy)
    assert err.key == "negative_context.delivery.penalti" and err.line == line + 1
    assert "unknown key" in str(err) and "penalty" in str(err)


def test_wrong_type_is_refused(rules_copy):
    line = break_file(rules_copy, "below_max_lines = 3", 'below_max_lines = "three"')
    err = error_of(rules_copy)
    assert err.key == "scoring.below_max_lines" and err.line == line
    assert "expected an integer" in str(err)


def test_failing_example_is_reported(rules_copy):
    break_file(rules_copy, 'must_match = ["BIC : BNPAFRPPXXX"', 'must_match = ["no bic here"')
    err = error_of(rules_copy)
    assert "self-test failed" in str(err) and "no bic here" in str(err)


def test_every_rule_field_is_documented():
    doc = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    keys = {**schema_keys(ORDERNUMBER_SCHEMA), **schema_keys(FIELDS_SCHEMA)}
    missing = [k for k in keys if f"`{k}`" not in doc]
    assert not missing, f"undocumented rule-file keys in docs/rules.md: {missing}"


def test_rules_check_exit_codes(rules_copy):
    _register()
    runner = CliRunner()
    ok = runner.invoke(app, ["rules", "check", str(rules_copy)])
    assert ok.exit_code == 0, ok.output
    assert "examples pass" in ok.output
    break_file(rules_copy, 'must_match = ["BIC : BNPAFRPPXXX"', 'must_match = ["no bic here"')
    bad = runner.invoke(app, ["rules", "check", str(rules_copy)])
    assert bad.exit_code == 1
    assert "no bic here" in bad.output and "should match" in bad.output
    (rules_copy / "fields.toml").unlink()
    gone = runner.invoke(app, ["rules", "check", str(rules_copy)])
    assert gone.exit_code == 1 and "fields.toml" in gone.output


def test_rules_check_covers_the_classification_file(rules_copy):
    _register()
    runner = CliRunner()
    text = (rules_copy / "classification.toml").read_text(encoding="utf-8")
    assert "must_match" in text
    # An example that can no longer match its own pattern must fail the check.
    broken = text.replace("must_match = [", "must_match = ['zzzz nothing like it', ", 1)
    (rules_copy / "classification.toml").write_text(broken, encoding="utf-8")
    bad = runner.invoke(app, ["rules", "check", str(rules_copy)])
    assert bad.exit_code == 1
    assert "classification.toml" in bad.output and "zzzz nothing like it" in bad.output
