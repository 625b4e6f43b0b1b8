"""``orderintake sirene import / lookup / complete`` end to end, on a migrated SQLite."""

from __future__ import annotations

import json
import zipfile

import pytest
from orderintake.cli import _register, app
from sirene_conftest import FIXTURES, Reply
from sirene_samples import SIREN_ACME, recherche
from typer.testing import CliRunner

_register()


@pytest.fixture
def cli_env(sqlite_engine, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no ./orderintake.toml of the developer's
    monkeypatch.setenv("ORDERINTAKE_DATABASE_URL", str(sqlite_engine.url))
    monkeypatch.setenv("ORDERINTAKE_SIRENE_PROVIDERS", "offline")
    monkeypatch.delenv("ORDERINTAKE_INSEE_API_KEY", raising=False)
    return sqlite_engine


def test_import_zip_and_csv_then_lookup_json(cli_env, tmp_path):
    archive = tmp_path / "StockUniteLegale_utf8.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.write(FIXTURES / "StockUniteLegale_utf8.csv", "StockUniteLegale_utf8.csv")
    runner = CliRunner()
    result = runner.invoke(
        app, ["sirene", "import", str(archive), str(FIXTURES / "StockEtablissement_utf8.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "46 unite_legale rows, 1 malformed rows left out" in result.output
    assert "4 etablissement rows" in result.output

    again = runner.invoke(app, ["sirene", "import", str(archive)])
    assert again.exit_code == 0 and "already imported" in again.output

    looked = runner.invoke(app, ["sirene", "lookup", "FR 44 732 829 320", "--json"])
    assert looked.exit_code == 0, looked.output
    data = json.loads(looked.stdout)
    assert data["status"] == "found" and data["name"] == "ACME INDUSTRIE"
    assert data["provider"] == "offline" and data["address"].endswith("69007 LYON")

    text = runner.invoke(app, ["sirene", "lookup", "40483304800014"])
    assert text.exit_code == 0 and "closed" in text.output and "MARSEILLE" in text.output


def test_lookup_of_a_malformed_number_says_why(cli_env):
    result = CliRunner().invoke(app, ["sirene", "lookup", "732829321"])
    assert result.exit_code == 1
    assert "not a valid SIREN, SIRET or VAT number" in result.output
    assert "Traceback" not in result.output


def test_import_of_a_missing_file_and_a_wrong_file(cli_env, tmp_path):
    wrong = tmp_path / "orders.csv"
    wrong.write_text("a,b\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sirene", "import", str(tmp_path / "nope.zip"), str(wrong)])
    assert result.exit_code == 1
    assert "no such file" in result.output and "not an INSEE stock file" in result.output


def test_complete_runs_the_job_once(cli_env, register, monkeypatch):
    from orderintake.sirene import get_cached, known_or_pending

    monkeypatch.setenv("ORDERINTAKE_SIRENE_PROVIDERS", "recherche-entreprises")
    monkeypatch.setenv("ORDERINTAKE_RECHERCHE_ENTREPRISES_URL", register.url)
    register.add("GET", "/search", Reply(200, recherche(SIREN_ACME)))
    known_or_pending(cli_env, [SIREN_ACME])
    result = CliRunner().invoke(app, ["sirene", "complete"])
    assert result.exit_code == 0 and "1 number(s) answered" in result.output
    assert get_cached(cli_env, SIREN_ACME).provider == "recherche-entreprises"


def test_database_not_migrated_exits_2(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ORDERINTAKE_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    result = CliRunner().invoke(app, ["sirene", "lookup", SIREN_ACME])
    assert result.exit_code == 2 and "upgrade" in result.output
