"""SIRENE figures: stock import rate and peak memory; look-up latency, local vs cached.

Generates a stock file of unités légales in INSEE's column layout (streamed to a temp
folder, 2 million rows by default, ~400 MB), imports it into a fresh SQLite database in
a child process (so its peak RSS is the import's own), then times look-ups:
the offline stock (``OfflineProvider``) and the cache (``get_cached``).

    .venv/bin/python tests/bench/bench_sirene.py [--rows N] [--zip] [--chunk-rows N]

Prints figures; asserts nothing (speed is measured, not tested).
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import random
import resource
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stdnum import luhn

HEADER = [
    "siren",
    "statutDiffusionUniteLegale",
    "unitePurgeeUniteLegale",
    "dateCreationUniteLegale",
    "sigleUniteLegale",
    "sexeUniteLegale",
    "prenom1UniteLegale",
    "prenom2UniteLegale",
    "prenom3UniteLegale",
    "prenom4UniteLegale",
    "prenomUsuelUniteLegale",
    "pseudonymeUniteLegale",
    "identifiantAssociationUniteLegale",
    "trancheEffectifsUniteLegale",
    "anneeEffectifsUniteLegale",
    "dateDernierTraitementUniteLegale",
    "nombrePeriodesUniteLegale",
    "categorieEntreprise",
    "anneeCategorieEntreprise",
    "dateDebut",
    "etatAdministratifUniteLegale",
    "nomUniteLegale",
    "nomUsageUniteLegale",
    "denominationUniteLegale",
    "denominationUsuelle1UniteLegale",
    "denominationUsuelle2UniteLegale",
    "denominationUsuelle3UniteLegale",
    "categorieJuridiqueUniteLegale",
    "activitePrincipaleUniteLegale",
    "nomenclatureActivitePrincipaleUniteLegale",
    "nicSiegeUniteLegale",
    "economieSocialeSolidaireUniteLegale",
    "societeMissionUniteLegale",
    "caractereEmployeurUniteLegale",
]
WORDS = [
    "ACME",
    "BOIS",
    "METAL",
    "SERVICES",
    "INDUSTRIE",
    "CONSEIL",
    "TRANSPORTS",
    "BATIMENT",
    "NORD",
    "SUD",
    "GROUPE",
]


def siren_of(i: int) -> str:
    body = f"{100_000_00 + i:08d}"
    return body + luhn.calc_check_digit(body)


def generate(path: Path, rows: int) -> None:
    """A realistic stock: 1/3 individuals, 1/10 closed, 1/50 non-diffusible."""
    rnd = random.Random(42)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(HEADER)
        for i in range(rows):
            person = i % 3 == 0
            hidden = i % 50 == 0
            name = " ".join(rnd.choices(WORDS, k=3))
            row = dict.fromkeys(HEADER, "")
            row.update(
                siren=siren_of(i),
                statutDiffusionUniteLegale="P" if hidden else "O",
                dateCreationUniteLegale="2001-05-14",
                trancheEffectifsUniteLegale="NN",
                dateDernierTraitementUniteLegale="2024-03-22T14:22:07",
                nombrePeriodesUniteLegale="2",
                categorieEntreprise="PME",
                anneeCategorieEntreprise="2021",
                dateDebut="2019-01-01",
                etatAdministratifUniteLegale="C" if i % 10 == 0 else "A",
                categorieJuridiqueUniteLegale="1000" if person else "5710",
                activitePrincipaleUniteLegale="62.02A",
                nomenclatureActivitePrincipaleUniteLegale="NAFRev2",
                nicSiegeUniteLegale="00015",
                economieSocialeSolidaireUniteLegale="N",
                caractereEmployeurUniteLegale="N",
            )
            if person:
                row.update(
                    prenom1UniteLegale="[ND]" if hidden else "JEANNE",
                    prenomUsuelUniteLegale="[ND]" if hidden else "JEANNE",
                    nomUniteLegale="[ND]" if hidden else "DUPONT",
                    sexeUniteLegale="[ND]" if hidden else "F",
                )
            else:
                row["denominationUniteLegale"] = name
            out.writerow(row.values())


def _import(url: str, path: str, chunk_rows: int, queue: mp.Queue) -> None:
    from orderintake.sirene.stock import import_source, sources
    from orderintake.store import db

    engine = db.make_engine(url)
    start = time.perf_counter()
    cpu = time.process_time()
    results = [import_source(engine, s, chunk_rows=chunk_rows) for s in sources(Path(path))]
    wall = time.perf_counter() - start
    queue.put((sum(r.rows for r in results), wall, time.process_time() - cpu))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--chunk-rows", type=int, default=10_000)
    parser.add_argument("--zip", action="store_true", help="import from a .zip")
    args = parser.parse_args()

    from orderintake.sirene import get_cached, known_or_pending
    from orderintake.sirene.cache import store_answer
    from orderintake.sirene.client import SireneClient
    from orderintake.sirene.info import SireneInfo, parse_number
    from orderintake.sirene.offline import OfflineProvider
    from orderintake.store import db

    with tempfile.TemporaryDirectory(prefix="bench-sirene-") as tmp:
        folder = Path(tmp)
        csv_path = folder / "StockUniteLegale_utf8.csv"
        t = time.perf_counter()
        generate(csv_path, args.rows)
        size = csv_path.stat().st_size
        print(
            f"generated {args.rows:,} rows, {size / 2**20:,.0f} MiB in {time.perf_counter() - t:.1f} s"
        )
        source = csv_path
        if args.zip:
            source = folder / "StockUniteLegale_utf8.zip"
            with zipfile.ZipFile(source, "w", compression=zipfile.ZIP_DEFLATED) as z:
                z.write(csv_path, csv_path.name)
            csv_path.unlink()
            print(f"zipped: {source.stat().st_size / 2**20:,.0f} MiB")

        url = f"sqlite:///{folder / 'bench.sqlite3'}"
        engine = db.make_engine(url)
        db.upgrade(engine)
        engine.dispose()

        queue: mp.Queue = mp.get_context("spawn").Queue()
        proc = mp.get_context("spawn").Process(
            target=_import, args=(url, str(source), args.chunk_rows, queue)
        )
        proc.start()
        rows, wall, cpu = queue.get()
        proc.join()
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(
            f"import: {rows:,} rows in {wall:.1f} s wall ({cpu:.1f} s CPU): "
            f"{rows / wall:,.0f} rows/s; peak RSS of the importing process {peak_kib / 1024:.0f} MiB"
        )
        db_size = (folder / "bench.sqlite3").stat().st_size
        print(f"database file: {db_size / 2**20:,.0f} MiB")

        engine = db.make_engine(url)
        rnd = random.Random(7)
        sample = [siren_of(rnd.randrange(args.rows)) for _ in range(2000)]
        provider = OfflineProvider(engine)
        client = SireneClient([provider])

        def timed(fn, items) -> list[float]:
            out = []
            for item in items:
                t0 = time.perf_counter()
                fn(item)
                out.append((time.perf_counter() - t0) * 1000)
            return out

        local = timed(lambda s: client.check(parse_number(s)), sample)
        with engine.begin() as conn:
            for s in sample:
                store_answer(
                    conn,
                    parse_number(s),
                    SireneInfo("found", s, name="X", provider="offline"),
                    ttl=timedelta(days=30),
                    now=datetime.now(UTC),
                )
        cached = timed(lambda s: get_cached(engine, s), sample)
        batch = timed(lambda s: known_or_pending(engine, [s]), sample)

        def fmt(xs: list[float]) -> str:
            xs = sorted(xs)
            return f"median {statistics.median(xs):.3f} ms, p95 {xs[int(len(xs) * 0.95)]:.3f} ms"

        print(f"look-up, offline stock ({len(sample)} random SIRENs): {fmt(local)}")
        print(f"look-up, cache get_cached: {fmt(cached)}")
        print(f"look-up, cache known_or_pending (pipeline call): {fmt(batch)}")
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
