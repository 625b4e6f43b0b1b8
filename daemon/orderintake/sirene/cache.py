"""The register's answers, kept in the database with a time to live; the background job.

The mail pipeline calls :func:`known_or_pending`: it returns what is known at once and
records the other numbers as ``unknown`` — it never waits on a register. The scheduled
job calls :func:`complete_pending`, which asks the register for those numbers (slowly:
INSEE's quota is 30 a minute) and fills the rows in; the review page reads the rows.
A number that could not be asked is tried again later with a growing delay; an answer
past its TTL is kept on show and asked again the next time a mail carries the number.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import SireneError, StoreError
from ..store.sirene_tables import sirene_lookup
from .client import SireneClient
from .info import Number, SireneInfo, parse_number, utcnow
from .sql import upsert

log = logging.getLogger(__name__)

DEFAULT_TTL_DAYS = 30
#: Retry delays for numbers the register could not be asked about: 1 min, 2, 4 … 6 h.
RETRY_FIRST = timedelta(minutes=1)
RETRY_MAX = timedelta(hours=6)


def _retry_delay(attempts: int) -> timedelta:
    return min(RETRY_FIRST * (2 ** max(0, attempts - 1)), RETRY_MAX)


def _info(row: Any) -> SireneInfo:
    return SireneInfo(
        status=row.status,
        number=row.number,
        name=row.name,
        address=row.address,
        naf=row.naf,
        etat_administratif=row.etat_administratif,
        checked_at=row.checked_at,
        provider=row.provider,
        hidden=bool(row.hidden),
        detail=row.detail or "",
    )


def _answer_values(info: SireneInfo, now: datetime, ttl: timedelta) -> dict[str, Any]:
    return {
        "status": info.status,
        "name": info.name[:300] if info.name else None,
        "address": info.address[:500] if info.address else None,
        "naf": info.naf,
        "etat_administratif": info.etat_administratif,
        "hidden": info.hidden,
        "provider": info.provider,
        "detail": info.detail[:500],
        "checked_at": info.checked_at or now,
        # A 'skipped' answer depends on the configuration: ask again next time it is seen.
        "expires_at": now if info.status == "skipped" else now + ttl,
        "attempts": 0,
        "next_attempt_at": None,
    }


def _wrap(exc: SQLAlchemyError) -> StoreError:
    return StoreError(f"SIRENE cache: database error: {exc.__class__.__name__}: {exc}")


def get_cached(engine: Engine, number: str) -> SireneInfo | None:
    """What the cache holds for a compact number (fresh or not), or None."""
    try:
        with engine.connect() as conn:
            row = conn.execute(
                select(sirene_lookup).where(sirene_lookup.c.number == number)
            ).first()
    except SQLAlchemyError as exc:
        raise _wrap(exc) from exc
    return _info(row) if row is not None else None


def store_answer(
    conn: Connection, number: Number, info: SireneInfo, *, ttl: timedelta, now: datetime
) -> None:
    """Write a register's answer (upsert)."""
    values = {
        "number": number.compact,
        "kind": number.kind,
        "requested_at": now,
        **_answer_values(info, now, ttl),
    }
    conn.execute(upsert(conn.engine, sirene_lookup, ["number"]), [values])


def known_or_pending(
    engine: Engine, numbers: Iterable[str], *, now: datetime | None = None
) -> dict[str, SireneInfo]:
    """For the pipeline: what is known now; the rest is queued as ``unknown``. Never waits.

    Keys are the numbers as given. A malformed number is answered ``skipped`` (the
    checksum already said so) and not queued.
    """
    now = now or utcnow()
    out: dict[str, SireneInfo] = {}
    parsed: dict[str, Number] = {}
    for text in numbers:
        try:
            parsed[text] = parse_number(text)
        except SireneError as exc:
            out[text] = SireneInfo("skipped", text, detail=str(exc))
    if not parsed:
        return out
    compacts = {n.compact for n in parsed.values()}
    try:
        with engine.begin() as conn:
            rows = {
                r.number: r
                for r in conn.execute(
                    select(sirene_lookup).where(sirene_lookup.c.number.in_(compacts))
                )
            }
            missing = [
                {
                    "number": n.compact,
                    "kind": n.kind,
                    "status": "unknown",
                    "requested_at": now,
                    "attempts": 0,
                    "next_attempt_at": now,
                    "detail": "",
                    "hidden": False,
                }
                for n in {n.compact: n for n in parsed.values()}.values()
                if n.compact not in rows
            ]
            if missing:
                conn.execute(upsert(engine, sirene_lookup, ["number"], update=False), missing)
            stale = [
                r.number
                for r in rows.values()
                if r.status != "unknown"
                and r.expires_at is not None
                and r.expires_at <= now
                and r.next_attempt_at is None
            ]
            if stale:
                conn.execute(
                    update(sirene_lookup)
                    .where(sirene_lookup.c.number.in_(stale))
                    .values(next_attempt_at=now, requested_at=now)
                )
    except SQLAlchemyError as exc:
        raise _wrap(exc) from exc
    for text, number in parsed.items():
        row = rows.get(number.compact)
        out[text] = _info(row) if row is not None else SireneInfo("unknown", number.compact)
    return out


def lookup_cached(
    engine: Engine,
    client: SireneClient,
    text: str,
    *,
    ttl_days: int = DEFAULT_TTL_DAYS,
    refresh: bool = False,
    now: datetime | None = None,
) -> SireneInfo:
    """For a person waiting (the command line): a fresh cached answer, else ask now.

    Raises SireneError (not retryable) for a malformed number.
    """
    number = parse_number(text)
    now = now or utcnow()
    if not refresh:
        cached = get_cached(engine, number.compact)
        if (
            cached is not None
            and cached.status not in ("unknown", "skipped")
            and _fresh(engine, number.compact, now)
        ):
            return cached
    info = client.check(number)
    if info.status != "unknown":
        try:
            with engine.begin() as conn:
                store_answer(conn, number, info, ttl=timedelta(days=ttl_days), now=now)
        except SQLAlchemyError as exc:
            raise _wrap(exc) from exc
    return info


def _fresh(engine: Engine, number: str, now: datetime) -> bool:
    with engine.connect() as conn:
        expires = conn.execute(
            select(sirene_lookup.c.expires_at).where(sirene_lookup.c.number == number)
        ).scalar()
    return expires is not None and expires > now


def complete_pending(
    engine: Engine,
    client: SireneClient,
    limit: int = 20,
    *,
    ttl_days: int = DEFAULT_TTL_DAYS,
    now: datetime | None = None,
) -> int:
    """The scheduled job: ask the register about up to ``limit`` queued numbers.

    Returns how many got an answer (anything but ``unknown``). Numbers whose register
    could not be asked are retried later (1 min, 2, 4 … 6 h); a stale answer is kept
    on show until a new one arrives. Safe to run from two processes: a row answered
    twice is simply written twice.
    """
    now = now or utcnow()
    ttl = timedelta(days=ttl_days)
    try:
        with engine.connect() as conn:
            due = list(
                conn.execute(
                    select(sirene_lookup)
                    .where(
                        sirene_lookup.c.next_attempt_at.is_not(None),
                        sirene_lookup.c.next_attempt_at <= now,
                    )
                    .order_by(sirene_lookup.c.next_attempt_at)
                    .limit(limit)
                )
            )
    except SQLAlchemyError as exc:
        raise _wrap(exc) from exc
    answered = 0
    for row in due:
        try:
            number = parse_number(row.number)
        except SireneError as exc:
            info = SireneInfo("skipped", row.number, checked_at=now, detail=str(exc))
            number = Number(row.kind, row.number)
        else:
            info = client.check(number)
        try:
            with engine.begin() as conn:
                if info.status == "unknown":
                    attempts = (row.attempts or 0) + 1
                    conn.execute(
                        update(sirene_lookup)
                        .where(sirene_lookup.c.number == row.number)
                        .values(
                            attempts=attempts,
                            next_attempt_at=now + _retry_delay(attempts),
                            detail=info.detail[:500],
                        )
                    )
                    continue
                store_answer(conn, number, info, ttl=ttl, now=now)
        except SQLAlchemyError as exc:
            raise _wrap(exc) from exc
        answered += 1
        log.info("SIRENE %s: %s (%s)", row.number, info.status, info.provider or "-")
    return answered


def pending_count(engine: Engine, *, now: datetime | None = None) -> int:
    """Numbers waiting for the register (for the status page)."""
    now = now or utcnow()
    try:
        with engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(sirene_lookup)
                    .where(
                        or_(
                            sirene_lookup.c.status == "unknown",
                            sirene_lookup.c.next_attempt_at <= now,
                        )
                    )
                ).scalar_one()
            )
    except SQLAlchemyError as exc:
        raise _wrap(exc) from exc
