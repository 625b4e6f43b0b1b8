"""The finished parts wired together: mail → pipeline → store → SIRENE job → review page;
auto-accept → hand-off job → order-entry system; clerks' validations → learning → the
next order's ranking. Each test drives the real daemon (Maildir source, in line) and
reads the result where a clerk or the order-entry system would."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from integration_helpers import (
    VAT_ACME,
    Receiver,
    Wired,
    acme_order_mail,
    detail_page,
)
from mails import order_mail
from orderintake import handoff
from orderintake.cli import _register, app
from orderintake.store import decisions, review_stats
from orderintake.store import schema as t
from sirene_conftest import Reply
from sirene_samples import SIREN_ACME, SIRET_ACME, etablissement, unite_legale
from sqlalchemy import select
from typer.testing import CliRunner

_register()
NAME = "ACME ROULEMENTS SAS"


def _process_json(w: Wired, eml: Path) -> dict[str, dict[str, object]]:
    """``orderintake process --json`` on the same data dir: identifier → its sirene object."""
    res = CliRunner().invoke(
        app,
        ["process", str(eml), "--json"],
        env={"ORDERINTAKE_DATA_DIR": str(w.settings.data_dir)},
    )
    assert res.exit_code == 0, res.output
    (obj,) = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    idents = obj["documents"][0]["analysis"]["identifiers"]
    return {i["value"]: i["sirene"] for i in idents}


def test_identifiers_are_unknown_until_the_sirene_job_answers_then_named_on_the_page(
    wired: Callable[..., Wired], register: object, tmp_path: Path
) -> None:
    register.add("GET", f"/siret/{SIRET_ACME}", Reply(200, etablissement(SIRET_ACME, name=NAME)))  # type: ignore[attr-defined]
    register.add("GET", f"/siren/{SIREN_ACME}", Reply(200, unite_legale(SIREN_ACME, name=NAME)))  # type: ignore[attr-defined]
    w = wired()
    raw = acme_order_mail("MA-100001", "AF-900001")
    w.deliver_mail(raw)
    (outcome,) = w.poll().outcomes
    assert outcome.status == "awaiting-validation"
    assert register.seen == []  # type: ignore[attr-defined]  # the pipeline never waits on it
    eml = tmp_path / "order.eml"
    eml.write_bytes(raw)

    before = _process_json(w, eml)
    assert before[SIRET_ACME]["status"] == before[VAT_ACME]["status"] == "unknown"
    page = detail_page(w.settings, w.store, outcome.message_id)
    assert NAME not in page and 'data-sirene="unknown"' in page

    assert w.daemon.complete_sirene() == 2  # the SIRET, and the VAT by its SIREN
    assert w.daemon.complete_sirene() == 0  # nothing left to ask

    after = _process_json(w, eml)
    siret = after[SIRET_ACME]
    assert (siret["status"], siret["name"], siret["provider"]) == ("found", NAME, "insee")
    assert siret["checked_at"] and siret["etat_administratif"] == "A"
    assert after[VAT_ACME]["status"] == "found" and after[VAT_ACME]["name"] == NAME
    page = detail_page(w.settings, w.store, outcome.message_id)
    assert f'<b class="company">{NAME}</b>' in page
    assert 'data-sirene="found"' in page and "flag-closed" not in page
    assert "flag-mismatch" not in page  # the VAT's SIREN is the SIRET's


def test_auto_accepted_order_is_queued_and_delivered_by_the_handoff_job(
    wired: Callable[..., Wired], receiver: Receiver
) -> None:
    w = wired(auto_accept_threshold=0.5, webhook_url=receiver.url)
    w.deliver_mail(order_mail("BDC-2026-0042"))
    (outcome,) = w.poll().outcomes
    assert outcome.status == "validated"
    mid = outcome.message_id
    rec = w.store.get_message(mid)
    assert (rec.status, rec.order_number) == ("validated", "BDC-2026-0042")
    with w.store.db.session() as s:
        (v,) = decisions.validations_of(s, mid)
        assert (v.user_name, v.action, v.auto) == ("auto-accept", "accept", True)
        (d,) = s.execute(select(t.Delivery).where(t.Delivery.message_id == mid)).scalars()
        assert d.status == "pending" and receiver.posts == []
        (ex,) = s.execute(select(t.ValidatedExample)).scalars()
        assert (ex.customer, ex.order_number, ex.engine_top1_right) == (
            "dupont-labo.fr",
            "BDC-2026-0042",
            True,
        )
        assert ex.page == 1 and ex.x is not None and 0 < ex.y < 0.5

    report = w.daemon.deliver()
    assert report is not None and (report.delivered, report.failed) == (1, 0)
    ((key, payload),) = receiver.posts
    assert key == payload["idempotency_key"] and key.startswith(f"orderintake-{mid}-")
    assert payload["order_number"] == "BDC-2026-0042" and payload["auto_accepted"] is True
    again = w.daemon.deliver()
    assert again is not None and again.delivered == 0 and len(receiver.posts) == 1


def test_three_validated_orders_teach_the_ranking_of_the_fourth(
    wired: Callable[..., Wired],
) -> None:
    w = wired()
    with w.store.db.session() as s:
        clerk = decisions.user_by_name(s, "claire")
    ids = []
    for i in range(1, 4):
        w.deliver_mail(acme_order_mail(f"MA-10000{i}", f"AF-90000{i}"))
        (outcome,) = w.poll().outcomes
        ids.append(outcome.message_id)
        if i == 1:  # no history yet: the engine's choice, and no learned reason
            first = w.store.candidates(outcome.message_id)
            assert first[0].value == "AF-900001"
            assert not any(r.startswith("learned:") for c in first for r in c.reasons)
        handoff.validate(w.store, w.settings, outcome.message_id, clerk, f"MA-10000{i}")
    # Two examples are enough for a profile: the third order already came MA-… first,
    # but the dashboard's straight-through rate measures the engine (AF-… every time).
    assert w.store.candidates(ids[2])[0].value == "MA-100003"
    with w.store.db.session() as s:
        board = review_stats.dashboard(s, datetime.now(UTC))
        assert (board.validated, board.top1_correct) == (3, 0)
        examples = list(s.execute(select(t.ValidatedExample)).scalars())
    assert [e.customer for e in examples] == [SIREN_ACME] * 3
    assert [e.order_number for e in examples] == ["MA-100001", "MA-100002", "MA-100003"]
    assert not any(e.engine_top1_right for e in examples[:2])  # the engine said AF-…
    assert all(e.x is not None and e.keyword is None for e in examples)  # placed, no label

    # The fourth order, with auto-accept on: learning ranks MA-… first, but auto-accept
    # compares the threshold with the engine's own score (low), so a clerk still decides.
    w.daemon.poller.settings = dataclasses.replace(w.settings, auto_accept_threshold=0.5)
    w.deliver_mail(acme_order_mail("MA-100004", "AF-900004"))
    (outcome,) = w.poll().outcomes
    assert outcome.status == "awaiting-validation"
    mid = outcome.message_id
    best, *rest = w.store.candidates(mid)
    assert best.value == "MA-100004" and best.score > 0.5
    reason = "learned: matches this customer's usual MA-###### (3 of 3 orders)"
    assert reason in best.reasons
    assert any("unlike this customer's usual MA-######" in r for c in rest for r in c.reasons)
    with w.store.db.session() as s:
        m = s.get(t.Message, mid)
        assert m is not None
        assert (m.order_number, m.engine_order_number, m.customer_key) == (
            "MA-100004",
            "AF-900004",
            SIREN_ACME,
        )
        row = s.execute(
            select(t.Candidate).where(t.Candidate.message_id == mid, t.Candidate.rank == 1)
        ).scalar_one()
        assert row.engine_score is not None and row.engine_score < 0.5 < row.score
        engine_pct = f"{100 * row.engine_score:.0f} %"
    page = detail_page(w.settings, w.store, mid)
    assert "matches this customer&#39;s usual MA-###### (3 of 3 orders)" in page
    assert f"engine's score {engine_pct}" in page  # beside the learned score


def test_the_daemon_schedules_the_sirene_and_handoff_jobs(wired: Callable[..., Wired]) -> None:
    w = wired()
    w.daemon.start()
    try:
        sched = w.daemon._scheduler
        jobs = {j.id: j for j in sched.get_jobs()}
        assert {"poll", "maintenance", "sirene", "handoff"} <= set(jobs)
        assert jobs["sirene"].trigger.interval.total_seconds() == 60
        assert jobs["handoff"].trigger.interval.total_seconds() == 10
        assert jobs["sirene"].max_instances == jobs["handoff"].max_instances == 1
    finally:
        w.daemon.stop()


def test_process_json_without_a_database_marks_numbers_unknown_and_creates_nothing(
    tmp_path: Path,
) -> None:
    eml = tmp_path / "order.eml"
    eml.write_bytes(acme_order_mail("MA-100001", "AF-900001"))
    data = tmp_path / "data"
    res = CliRunner().invoke(
        app, ["process", str(eml), "--json"], env={"ORDERINTAKE_DATA_DIR": str(data)}
    )
    assert res.exit_code == 0, res.output
    (obj,) = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    idents = obj["documents"][0]["analysis"]["identifiers"]
    assert {i["value"]: i["sirene"]["status"] for i in idents} == {
        SIRET_ACME: "unknown",
        VAT_ACME: "unknown",
    }
    assert all("daemon's job" in i["sirene"]["detail"] for i in idents)
    assert not list(data.rglob("*.sqlite3"))  # reading the cache never creates a database
