"""Settings: defaults, TOML file, environment precedence, validation messages, docs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from orderintake.cli.config_cmd import example_toml
from orderintake.config import SHIPPED_RULES_DIR, documented_keys, load_settings, read_secret
from orderintake.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


def test_defaults_are_embedded(tmp_path: Path) -> None:
    s = load_settings(env={})
    assert s.data_dir == Path("data")
    assert s.database_url == "sqlite:///data/orderintake.sqlite3"
    assert s.mailbox_url.startswith("maildir://") and s.mailbox_url.endswith("data/maildir")
    assert s.rules_dir == SHIPPED_RULES_DIR and (SHIPPED_RULES_DIR / "ordernumber.toml").is_file()
    assert s.ocr_lang == "fra+eng"


def test_file_then_environment_wins(tmp_path: Path) -> None:
    cfg = tmp_path / "oi.toml"
    cfg.write_text(
        'data_dir = "/srv/oi"\nocr_lang = "fra"\nocr_dpi = 200\nown_identifiers = ["FR40303265045"]\n'
    )
    s = load_settings(cfg, env={"ORDERINTAKE_OCR_LANG": "eng", "ORDERINTAKE_LOG_JSON": "yes"})
    assert s.data_dir == Path("/srv/oi")
    assert s.database_url == "sqlite:////srv/oi/orderintake.sqlite3"
    assert s.ocr_lang == "eng"  # environment wins over the file
    assert s.ocr_dpi == 200
    assert s.log_json is True
    assert s.own_identifiers == ("FR40303265045",)


def test_environment_list_is_comma_separated() -> None:
    s = load_settings(env={"ORDERINTAKE_OWN_IDENTIFIERS": "303265045, FR40303265045"})
    assert s.own_identifiers == ("303265045", "FR40303265045")


@pytest.mark.parametrize(
    ("content", "env", "message"),
    [
        ("ocr_dpi = 'high'\n", {}, "key 'ocr_dpi': expected int"),
        ("colour = 'blue'\n", {}, "unknown key 'colour'"),
        ("ocr_dpi = 5000\n", {}, "ocr_dpi: expected 72..600"),
        ("mailbox_url = 'pop3://x'\n", {}, "mailbox_url: expected maildir://"),
        ("data_dir = \n", {}, "not valid TOML"),
        ("", {"ORDERINTAKE_JOBS": "many"}, "environment ORDERINTAKE_JOBS: key 'jobs'"),
        ("", {"ORDERINTAKE_LOG_JSON": "perhaps"}, "expected bool"),
    ],
)
def test_invalid_settings_say_what_and_where(
    tmp_path: Path, content: str, env: dict[str, str], message: str
) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, env=env)
    assert message in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="configuration file not found"):
        load_settings(tmp_path / "nope.toml", env={})


def test_secret_from_env_or_file(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n")
    assert read_secret("X_PW", secret, env={}) == "s3cret"
    assert read_secret("X_PW", secret, env={"X_PW": "fromenv"}) == "fromenv"
    assert read_secret("X_PW", None, env={}) is None
    with pytest.raises(ConfigError, match="cannot read secret file"):
        read_secret("X_PW", tmp_path / "missing", env={})


def test_every_key_is_documented_in_the_example_file() -> None:
    docs = documented_keys()
    assert all(doc.strip() for doc in docs.values()), [k for k, d in docs.items() if not d.strip()]
    example = (REPO / "deploy" / "orderintake.example.toml").read_text()
    assert example == example_toml(), (
        "run: orderintake config example > deploy/orderintake.example.toml"
    )
    for key in docs:
        assert f"# {key} = " in example


def test_config_show_reports_a_bad_environment_with_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "orderintake.cli", "config", "show"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"ORDERINTAKE_OCR_DPI": "abc", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2
    assert "configuration error" in proc.stderr and "ocr_dpi" in proc.stderr
    assert "Traceback" not in proc.stderr
