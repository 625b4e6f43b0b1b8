"""Offline stock: import INSEE's files (csv and zip), resume after an interruption,
then answer look-ups locally, on SQLite and on PostgreSQL."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from orderintake.errors import SireneError
from orderintake.sirene.client import SireneClient
from orderintake.sirene.offline import OfflineProvider
from orderintake.sirene.stock import import_source, sources
from orderintake.store.sirene_tables import (
    sirene_etablissement,
    sirene_import,
    sirene_unite_legale,
)
from sirene_conftest import FIXTURES
from sqlalchemy import func, select

UL = FIXTURES / "StockUniteLegale_utf8.csv"
ETAB = FIXTURES / "StockEtablissement_utf8.csv"
UL_VALID_ROWS = 46


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request):
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")


class Interrupted(Exception):
    pass


def _count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _import_all(engine, path: Path, **kw):
    return [import_source(engine, s, **kw) for s in sources(path)]


def _zip(tmp_path: Path, src: Path) -> Path:
    target = tmp_path / (src.stem + ".zip")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(src, src.name)
    return target


def test_import_then_offline_lookups(engine):
    (ul,) = _import_all(engine, UL)
    (et,) = _import_all(engine, ETAB)
    assert (ul.kind, ul.rows, ul.skipped) == ("unite_legale", UL_VALID_ROWS, 1)
    assert (et.kind, et.rows) == ("etablissement", 4)
    client = SireneClient([OfflineProvider(engine)])

    acme = client.lookup("732 829 320")
    assert (acme.status, acme.name, acme.naf, acme.provider) == (
        "found",
        "ACME INDUSTRIE",
        "28.29B",
        "offline",
    )
    assert acme.address == "12 B RUE DES FORGES, ZI DU MOULIN, 69007 LYON"

    branch = client.lookup("73282932000082")
    assert branch.status == "closed" and branch.etat_administratif == "F"
    assert branch.name == "ACME INDUSTRIE (ACME GRENOBLE)"

    assert client.lookup("404833048").status == "closed"
    person = client.lookup("812345676")
    assert person.name == "JEANNE MARTIN" and person.address.endswith("BP 42, 44000 NANTES")
    hidden = client.lookup("552100554")
    assert hidden.status == "found" and hidden.hidden and hidden.name is None
    assert client.lookup("500123450").name == 'SOCIETE "LES AMIS", DU BOIS'
    assert client.lookup("FR44732829320").name == "ACME INDUSTRIE"
    # Both stocks fully imported: absent now means not in the register.
    assert client.lookup("130005481").status == "not-found"
    assert client.lookup("13000548100010").status == "not-found"


def test_partial_stock_gives_no_verdict(sqlite_engine):
    # Only unités légales imported: a SIRET absent from the (empty) établissement stock
    # is not "not found", the offline provider just has nothing to say.
    _import_all(sqlite_engine, UL)
    client = SireneClient([OfflineProvider(sqlite_engine)])
    assert client.lookup("13000548100010").status == "skipped"


@pytest.mark.parametrize("as_zip", [False, True], ids=["csv", "zip"])
def test_interrupted_import_resumes_where_it_stopped(engine, tmp_path, as_zip):
    path = _zip(tmp_path, UL) if as_zip else UL
    (source,) = sources(path)
    commits: list[int] = []

    def stop_after_two(offset: int, total: int) -> None:
        commits.append(offset)
        if len(commits) == 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        import_source(engine, source, chunk_rows=10, on_progress=stop_after_two)
    with engine.connect() as conn:
        progress = conn.execute(select(sirene_import)).one()
    assert (progress.rows, progress.done) == (20, False)
    assert progress.byte_offset == commits[1]
    assert _count(engine, sirene_unite_legale) == 20

    result = import_source(engine, source, chunk_rows=10)
    assert result.resumed_from == 20 and result.rows == UL_VALID_ROWS
    assert _count(engine, sirene_unite_legale) == UL_VALID_ROWS
    # The second run read only the rest of the file: the malformed row (line 8) lies
    # before the resume point, so it was not read again.
    assert result.skipped == 0

    again = import_source(engine, source)
    assert again.already_done and again.rows == UL_VALID_ROWS
    redo = import_source(engine, source, restart=True)
    assert redo.resumed_from == 0 and _count(engine, sirene_unite_legale) == UL_VALID_ROWS


def test_not_a_stock_file_is_a_clear_error(sqlite_engine, tmp_path):
    bogus = tmp_path / "orders.csv"
    bogus.write_text("order,amount\nPO123,10\n", encoding="utf-8")
    (source,) = sources(bogus)
    with pytest.raises(SireneError, match="not an INSEE stock file"):
        import_source(sqlite_engine, source)
    empty_zip = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    with pytest.raises(SireneError, match=r"no \.csv"):
        sources(empty_zip)


def test_reimport_updates_rows(sqlite_engine, tmp_path):
    _import_all(sqlite_engine, ETAB)
    changed = tmp_path / "StockEtablissement_utf8.csv"
    changed.write_text(
        ETAB.read_text(encoding="utf-8").replace("DES FORGES", "DES FORGES NEUVES"),
        encoding="utf-8",
    )
    _import_all(sqlite_engine, changed)  # a new file (other size): imported again
    assert _count(sqlite_engine, sirene_etablissement) == 4
    with sqlite_engine.connect() as conn:
        address = conn.execute(
            select(sirene_etablissement.c.address).where(
                sirene_etablissement.c.siret == "73282932000074"
            )
        ).scalar_one()
    assert "DES FORGES NEUVES" in address


def test_migration_0002_creates_and_drops_the_sirene_tables(sqlite_engine):
    from orderintake.store import db
    from sqlalchemy import inspect

    names = {"sirene_lookup", "sirene_unite_legale", "sirene_etablissement", "sirene_import"}
    assert names <= set(inspect(sqlite_engine).get_table_names())
    db.downgrade(sqlite_engine, "0001")
    assert not names & set(inspect(sqlite_engine).get_table_names())
    db.upgrade(sqlite_engine)
    assert names <= set(inspect(sqlite_engine).get_table_names())
