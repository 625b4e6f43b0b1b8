"""What must never happen: a register, the learning step or a job taking a mail or the
daemon down. Each failure is logged with the mail's id and everything else goes on."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import orderintake.sirene
import pytest
from integration_helpers import Wired, acme_order_mail
from orderintake import enrich, handoff
from orderintake.errors import StoreError
from orderintake.sirene import known_or_pending
from sirene_samples import SIRET_ACME


class BrokenClient:
    """A SIRENE client with a bug: every look-up raises."""

    def check(self, number: Any) -> Any:
        raise RuntimeError("provider bug")

    def close(self) -> None:
        pass


def test_a_failing_sirene_job_is_logged_and_the_next_run_goes_on(
    wired: Callable[..., Wired], caplog: pytest.LogCaptureFixture
) -> None:
    w = wired()
    known_or_pending(w.store.db.engine, [SIRET_ACME])
    w.daemon.sirene_client = BrokenClient()  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR, logger="orderintake.service"):
        assert w.daemon.complete_sirene() == 0
    assert "SIRENE job failed unexpectedly" in caplog.text
    assert w.daemon.deliver() is not None  # the other job is unaffected


def test_register_queue_learning_and_auto_accept_failures_never_fail_the_mail(
    wired: Callable[..., Wired], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse(*args: Any, **kw: Any) -> Any:
        raise StoreError("database is locked")

    monkeypatch.setattr(orderintake.sirene, "known_or_pending", refuse)
    monkeypatch.setattr(enrich, "apply_learning", refuse)
    monkeypatch.setattr(handoff, "auto_accept", refuse)
    w = wired(auto_accept_threshold=0.1)
    w.deliver_mail(acme_order_mail("MA-100001", "AF-900001"))
    with caplog.at_level(logging.WARNING, logger="orderintake.enrich"):
        (outcome,) = w.poll().outcomes
    assert outcome.status == "awaiting-validation"
    rec = w.store.get_message(outcome.message_id)
    assert rec.status == "awaiting-validation" and rec.order_number == "AF-900001"
    for what in ("learning skipped", "SIRENE look-up not queued", "auto-accept skipped"):
        assert what in caplog.text
    assert f"mail #{outcome.message_id}: SIRENE" in caplog.text
