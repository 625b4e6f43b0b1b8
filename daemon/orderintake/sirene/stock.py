"""Import INSEE's bulk stock files into the database, so look-ups need no network.

``StockUniteLegale_utf8.csv`` (one row per company, ~29 M rows) and
``StockEtablissement_utf8.csv`` (one row per establishment, ~40 M rows), or the .zip
INSEE publishes them in. The kind of file is told by its header, not its name.

The import is streamed and resumable: bytes are read line by line (straight out of the
zip member, never extracted), parsed by the csv module, and upserted in chunks; each
chunk commits together with the byte offset and row count reached, so an interrupted
import (Ctrl-C, a reboot, a full disk) continues where the last commit left off. Memory
stays at one chunk whatever the file's size.
"""

from __future__ import annotations

import csv
import logging
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import SireneError, StoreError
from ..store.sirene_tables import sirene_etablissement, sirene_import, sirene_unite_legale
from .info import utcnow
from .sql import upsert

log = logging.getLogger(__name__)

CHUNK_ROWS = 10_000
UL_REQUIRED = ("siren", "etatAdministratifUniteLegale", "denominationUniteLegale")
ETAB_REQUIRED = ("siren", "siret", "etatAdministratifEtablissement", "codePostalEtablissement")


@dataclass(frozen=True, slots=True)
class ImportResult:
    source: str
    kind: str
    rows: int  # rows committed in total (this run and earlier runs)
    skipped: int  # malformed rows left out in this run
    resumed_from: int  # rows already committed when this run started
    seconds: float
    already_done: bool = False


@dataclass(frozen=True, slots=True)
class StockSource:
    """One CSV to import: a plain file or a member of a zip."""

    path: Path
    member: str | None
    size: int  # uncompressed bytes

    @property
    def key(self) -> str:
        inner = f"!{self.member}" if self.member else ""
        return f"{self.path.name}{inner}:{self.size}"

    def open(self, stack: ExitStack) -> IO[bytes]:
        if self.member is None:
            return stack.enter_context(self.path.open("rb"))
        archive = stack.enter_context(zipfile.ZipFile(self.path))
        return stack.enter_context(archive.open(self.member))


def sources(path: Path) -> list[StockSource]:
    """The CSVs in ``path``: itself, or each .csv member of a zip."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [
                    StockSource(path, i.filename, i.file_size)
                    for i in archive.infolist()
                    if i.filename.lower().endswith(".csv") and not i.is_dir()
                ]
            if not members:
                raise SireneError(f"{path.name}: the zip holds no .csv file", retryable=False)
            return members
        return [StockSource(path, None, path.stat().st_size)]
    except (OSError, zipfile.BadZipFile) as exc:
        raise SireneError(f"{path}: cannot read this file ({exc})", retryable=False) from exc


def _kind(header: list[str], where: str) -> str:
    if all(c in header for c in ETAB_REQUIRED):
        return "etablissement"
    if all(c in header for c in UL_REQUIRED):
        return "unite_legale"
    raise SireneError(
        f"{where}: not an INSEE stock file (StockUniteLegale or StockEtablissement): "
        f"its first line has no columns {', '.join(UL_REQUIRED)} or {', '.join(ETAB_REQUIRED)}",
        retryable=False,
    )


def _clean(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "[ND]") else value


def _ul_row_maker(header: list[str]) -> Callable[[list[str]], dict[str, Any] | None]:
    idx = {name: i for i, name in enumerate(header)}
    width = len(header)

    def col(name: str) -> int | None:
        return idx.get(name)

    i_siren, i_etat = idx["siren"], idx["etatAdministratifUniteLegale"]
    i_denom = idx["denominationUniteLegale"]
    name_cols = [
        col(c)
        for c in (
            "prenomUsuelUniteLegale",
            "prenom1UniteLegale",
            "nomUsageUniteLegale",
            "nomUniteLegale",
            "denominationUsuelle1UniteLegale",
            "sigleUniteLegale",
        )
    ]
    i_first, i_first1, i_usage, i_last, i_usual, i_sigle = name_cols
    i_naf, i_diff = col("activitePrincipaleUniteLegale"), col("statutDiffusionUniteLegale")
    i_nic, i_date = col("nicSiegeUniteLegale"), col("dateCreationUniteLegale")

    def get(row: list[str], i: int | None) -> str | None:
        return None if i is None else _clean(row[i])

    def make(row: list[str]) -> dict[str, Any] | None:
        if len(row) != width:
            return None
        siren = row[i_siren]
        if len(siren) != 9 or not siren.isdigit():
            return None
        name = _clean(row[i_denom])
        if not name:
            first = get(row, i_first) or get(row, i_first1)
            last = get(row, i_usage) or get(row, i_last)
            name = " ".join(p for p in (first, last) if p) or get(row, i_usual) or get(row, i_sigle)
        return {
            "siren": siren,
            "name": name[:300] if name else None,
            "etat_administratif": _clean(row[i_etat]),
            "naf": get(row, i_naf),
            "statut_diffusion": get(row, i_diff),
            "nic_siege": get(row, i_nic),
            "date_creation": get(row, i_date),
        }

    return make


_ADDRESS = (
    ("numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement",
     "libelleVoieEtablissement"),
    ("complementAdresseEtablissement",),
    ("distributionSpecialeEtablissement",),
    ("codePostalEtablissement", "libelleCommuneEtablissement", "libelleCommuneEtrangerEtablissement"),
    ("libellePaysEtrangerEtablissement",),
)  # fmt: skip


def _etab_row_maker(header: list[str]) -> Callable[[list[str]], dict[str, Any] | None]:
    idx = {name: i for i, name in enumerate(header)}
    width = len(header)
    i_siren, i_siret = idx["siren"], idx["siret"]
    i_etat = idx["etatAdministratifEtablissement"]
    address_groups = [[idx[c] for c in group if c in idx] for group in _ADDRESS]
    sign_cols = [
        idx[c] for c in ("enseigne1Etablissement", "denominationUsuelleEtablissement") if c in idx
    ]
    i_naf = idx.get("activitePrincipaleEtablissement")
    i_siege = idx.get("etablissementSiege")
    i_diff = idx.get("statutDiffusionEtablissement")

    def make(row: list[str]) -> dict[str, Any] | None:
        if len(row) != width:
            return None
        siret = row[i_siret]
        if len(siret) != 14 or not siret.isdigit():
            return None
        parts = []
        for group in address_groups:
            part = " ".join(v for v in (_clean(row[i]) for i in group) if v)
            if part:
                parts.append(part)
        sign = next((v for v in (_clean(row[i]) for i in sign_cols) if v), None)
        return {
            "siret": siret,
            "siren": row[i_siren],
            "sign": sign[:300] if sign else None,
            "address": ", ".join(parts)[:500] or None,
            "etat_administratif": _clean(row[i_etat]),
            "naf": None if i_naf is None else _clean(row[i_naf]),
            "siege": i_siege is not None and row[i_siege].strip().lower() == "true",
            "statut_diffusion": None if i_diff is None else _clean(row[i_diff]),
        }

    return make


class _CountingLines:
    """Decoded lines, counting the bytes consumed: the offset of the next record.

    csv.reader pulls lines only when it needs them (no read-ahead), so after each row
    ``offset`` is exactly where the next row starts; that is what a restart seeks to.
    """

    def __init__(self, raw: IO[bytes], offset: int) -> None:
        self.raw = raw
        self.offset = offset

    def __iter__(self) -> Iterator[str]:
        for line in self.raw:
            self.offset += len(line)
            yield line.decode("utf-8", errors="replace")


def _progress_row(conn: Connection, key: str) -> Any:
    return conn.execute(select(sirene_import).where(sirene_import.c.source == key)).first()


def import_source(
    engine: Engine,
    source: StockSource,
    *,
    chunk_rows: int = CHUNK_ROWS,
    on_progress: Callable[[int, int], None] | None = None,
    restart: bool = False,
) -> ImportResult:
    """Import one CSV, resuming from the last committed chunk.

    ``on_progress(bytes_done, bytes_total)`` is called after each commit (the progress
    bar). ``restart`` forgets an earlier run of this file and starts from the top.
    """
    started = time.monotonic()
    where = source.key
    try:
        with ExitStack() as stack:
            raw = source.open(stack)
            header_line = raw.readline()
            header = next(csv.reader([header_line.decode("utf-8-sig", errors="replace")]), [])
            kind = _kind([h.strip() for h in header], where)
            header = [h.strip() for h in header]
            table = sirene_unite_legale if kind == "unite_legale" else sirene_etablissement
            key_col = "siren" if kind == "unite_legale" else "siret"
            maker = _ul_row_maker(header) if kind == "unite_legale" else _etab_row_maker(header)

            now = utcnow()
            with engine.begin() as conn:
                prior = _progress_row(conn, where)
                if prior is not None and restart:
                    conn.execute(sirene_import.delete().where(sirene_import.c.source == where))
                    prior = None
                if prior is None:
                    conn.execute(
                        sirene_import.insert().values(
                            source=where,
                            kind=kind,
                            path=str(source.path),
                            byte_offset=len(header_line),
                            rows=0,
                            done=False,
                            started_at=now,
                            updated_at=now,
                        )
                    )
                    offset, rows_before = len(header_line), 0
                elif prior.done:
                    return ImportResult(where, kind, prior.rows, 0, prior.rows, 0.0, True)
                else:
                    offset, rows_before = prior.byte_offset, prior.rows
            if offset > len(header_line):
                log.info("%s: resuming after %d rows (byte %d)", where, rows_before, offset)
                raw.seek(offset)

            lines = _CountingLines(raw, offset)
            reader = csv.reader(lines)
            rows, skipped = rows_before, 0
            chunk: list[dict[str, Any]] = []
            statement = upsert(engine, table, [key_col])

            def commit(done: bool) -> None:
                with engine.begin() as conn:
                    if chunk:
                        conn.execute(statement, chunk)
                    conn.execute(
                        update(sirene_import)
                        .where(sirene_import.c.source == where)
                        .values(byte_offset=lines.offset, rows=rows, done=done, updated_at=utcnow())
                    )
                chunk.clear()
                if on_progress is not None:
                    on_progress(lines.offset, source.size)

            for row in reader:
                record = maker(row)
                if record is None:
                    if row:
                        skipped += 1
                    continue
                chunk.append(record)
                rows += 1
                if len(chunk) >= chunk_rows:
                    commit(False)
            commit(True)
    except csv.Error as exc:
        raise SireneError(f"{where}: malformed CSV ({exc})", retryable=False) from exc
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        raise SireneError(f"{where}: cannot read the file ({exc})", retryable=False) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"{where}: the database refused the import: {exc}") from exc
    if skipped:
        log.info("%s: %d malformed rows left out", where, skipped)
    return ImportResult(where, kind, rows, skipped, rows_before, time.monotonic() - started)


def stock_complete(conn: Connection, kind: str) -> bool:
    """Has a whole stock file of this kind been imported? (Then absent means not found.)"""
    row = conn.execute(
        select(sirene_import.c.source)
        .where(sirene_import.c.kind == kind, sirene_import.c.done.is_(True))
        .limit(1)
    ).first()
    return row is not None
