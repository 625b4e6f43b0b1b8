"""Cache with TTL, the pipeline's never-waiting call, and the background job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from orderintake.errors import SireneError
from orderintake.sirene import (
    complete_pending,
    get_cached,
    known_or_pending,
    lookup_cached,
    pending_count,
)
from orderintake.sirene.client import SireneClient
from orderintake.sirene.info import SireneInfo
from orderintake.store.sirene_tables import sirene_lookup
from sirene_samples import SIREN_ACME, SIRET_ACME
from sqlalchemy import select

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Scripted:
    """A provider answering from a list (one answer per call) and counting calls."""

    name = "insee"

    def __init__(self, *answers: SireneInfo | Exception) -> None:
        self.answers = list(answers)
        self.calls: list[str] = []

    def lookup(self, number):
        self.calls.append(number.siret or number.siren or number.compact)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def close(self) -> None:
        pass


FOUND = SireneInfo("found", name="ACME INDUSTRIE", provider="insee", checked_at=T0)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request):
    return request.getfixturevalue("sqlite_engine" if request.param == "sqlite" else "pg_engine")


def test_pipeline_never_waits_and_job_completes(engine):
    provider = Scripted(FOUND)
    client = SireneClient([provider])
    first = known_or_pending(engine, [SIREN_ACME, "FR44732829320", "123"], now=T0)
    assert first[SIREN_ACME].status == "unknown"
    assert first["FR44732829320"].status == "unknown"
    assert first["123"].status == "skipped"  # malformed: never queued
    assert provider.calls == []  # the pipeline asked nobody

    assert complete_pending(engine, client, limit=10, now=T0) == 2
    assert sorted(provider.calls) == [SIREN_ACME, SIREN_ACME]  # the VAT by its SIREN
    later = known_or_pending(engine, [SIREN_ACME], now=T0 + timedelta(minutes=1))
    assert later[SIREN_ACME].status == "found" and later[SIREN_ACME].name == "ACME INDUSTRIE"
    assert complete_pending(engine, client, now=T0 + timedelta(minutes=1)) == 0


def test_register_down_is_retried_with_growing_delay(engine):
    provider = Scripted(SireneError("INSEE could not be reached"), SireneError("again"), FOUND)
    client = SireneClient([provider])
    known_or_pending(engine, [SIRET_ACME], now=T0)
    assert complete_pending(engine, client, now=T0) == 0
    row = get_cached(engine, SIRET_ACME)
    assert row is not None and row.status == "unknown" and "reached" in row.detail
    # Not due again before one minute, then two more after the second failure.
    assert complete_pending(engine, client, now=T0 + timedelta(seconds=30)) == 0
    assert complete_pending(engine, client, now=T0 + timedelta(minutes=1)) == 0
    assert len(provider.calls) == 2
    assert complete_pending(engine, client, now=T0 + timedelta(minutes=2)) == 0
    assert complete_pending(engine, client, now=T0 + timedelta(minutes=3)) == 1
    assert get_cached(engine, SIRET_ACME).status == "found"


def test_ttl_expiry_keeps_the_old_answer_on_show_and_refreshes_it(engine):
    client = SireneClient([Scripted(FOUND, SireneInfo("closed", etat_administratif="C"))])
    known_or_pending(engine, [SIREN_ACME], now=T0)
    complete_pending(engine, client, ttl_days=30, now=T0)
    # Within the TTL: nothing to do.
    assert complete_pending(engine, client, now=T0 + timedelta(days=29)) == 0
    stale_at = T0 + timedelta(days=31)
    shown = known_or_pending(engine, [SIREN_ACME], now=stale_at)
    assert shown[SIREN_ACME].status == "found"  # still shown while it is refreshed
    assert complete_pending(engine, client, now=stale_at) == 1
    assert get_cached(engine, SIREN_ACME).status == "closed"


def test_lookup_cached_asks_once_within_ttl(sqlite_engine):
    provider = Scripted(FOUND)
    client = SireneClient([provider])
    a = lookup_cached(sqlite_engine, client, SIREN_ACME, now=T0)
    b = lookup_cached(sqlite_engine, client, SIREN_ACME, now=T0 + timedelta(days=1))
    assert a.status == b.status == "found" and len(provider.calls) == 1
    lookup_cached(sqlite_engine, client, SIREN_ACME, now=T0 + timedelta(days=31))
    assert len(provider.calls) == 2  # expired: asked again
    lookup_cached(sqlite_engine, client, SIREN_ACME, refresh=True, now=T0 + timedelta(days=32))
    assert len(provider.calls) == 3


def test_unknown_is_not_cached_by_lookup(sqlite_engine):
    client = SireneClient([Scripted(SireneError("down"))])
    assert lookup_cached(sqlite_engine, client, SIREN_ACME, now=T0).status == "unknown"
    with sqlite_engine.connect() as conn:
        assert conn.execute(select(sirene_lookup)).first() is None


def test_pending_count(sqlite_engine):
    known_or_pending(sqlite_engine, [SIREN_ACME, SIRET_ACME], now=T0)
    assert pending_count(sqlite_engine, now=T0) == 2
    complete_pending(sqlite_engine, SireneClient([Scripted(FOUND)]), now=T0)
    assert pending_count(sqlite_engine, now=T0) == 0
