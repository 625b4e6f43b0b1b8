"""Review findings on the daemon: one mail's trouble (a lost lease, a dead worker, a
refused IMAP command) stays with that mail; a dropped connection keeps finished work;
workers survive systemd's SIGTERM to the control group.

Real Dovecot, real SQLite store, real worker processes (``workers=2``).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from crashy import crash_on_mark, marked
from daemon_helpers import Dovecot
from mails import order_mail, status_question_mail
from orderintake.config import Settings
from orderintake.errors import MailboxError
from orderintake.mailbox.factory import open_source
from orderintake.model import MailRef
from orderintake.pipeline import Stages
from orderintake.poller import Poller
from test_daemon_imap import make_daemon, statuses


class HookedSource:
    """A real source with a hook run after each fetch (by number) and refused UIDs."""

    def __init__(self, inner: Any, after_fetch: Callable[[int], None] | None = None) -> None:
        self._inner, self._after, self.fetches = inner, after_fetch, 0
        self.refuse: set[int] = set()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def fetch(self, ref: MailRef) -> bytes:
        if ref.uid in self.refuse:
            raise MailboxError("the server refused fetching it (NO [LIMIT])", retryable=False)
        raw = bytes(self._inner.fetch(ref))
        self.fetches += 1
        if self._after is not None:
            self._after(self.fetches)
        return raw


def test_a_lost_lease_drops_only_that_mails_result(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    dovecot.append("INBOX", order_mail("CF20240001"), order_mail("CF20240002"))
    settings = make_settings()
    store = open_store(settings)

    def lease_runs_out(n: int) -> None:
        if n == 1:  # maintenance runs while the first mail is still being processed
            store.expire_leases(datetime.now(UTC) + timedelta(days=1), max_attempts=2)

    source = HookedSource(open_source(settings), lease_runs_out)
    poller = Poller(store, settings, stages)
    try:
        report = poller.poll(source)  # type: ignore[arg-type]
    finally:
        source.close()
    assert [o.status for o in report.outcomes] == ["lease-lost", "awaiting-validation"]
    assert statuses(store) == ["awaiting-validation", "new"]
    assert dovecot.count("Orders/Processed") == 1 and dovecot.count("INBOX") == 1


def test_a_refused_move_or_fetch_stays_with_that_mail(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    dovecot.append(
        "INBOX", status_question_mail(), order_mail("CF20240011"), order_mail("CF20240012")
    )
    # Dovecot refuses a folder name beginning with '~': every MOVE there gets a NO.
    settings = make_settings(folder_not_order="~NotOrder", max_attempts=3, retry_delay=600.0)
    store = open_store(settings)
    source = HookedSource(open_source(settings))
    source.refuse = {3}  # and the server will not hand out the third mail
    poller = Poller(store, settings, stages)
    try:
        report = poller.poll(source)  # type: ignore[arg-type]
    finally:
        source.close()
    assert report.processed == 3
    assert statuses(store) == ["awaiting-validation", "needs-attention", "not-order"]
    (question,) = store.list_messages("not-order")
    assert question.post_action_done and "not applied" in (question.post_action or "")
    (refused,) = store.list_messages("needs-attention")
    assert refused.uid == 3 and refused.attempts == 1 and refused.next_attempt_at is not None
    assert "could not be downloaded" in (refused.last_error or "")
    assert dovecot.count("Orders/Processed") == 1 and dovecot.count("INBOX") == 2


def test_a_dead_worker_costs_only_its_own_mail_and_the_pool_is_rebuilt(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    dovecot.append(
        "INBOX",
        order_mail("CF20240021"),
        marked(order_mail("CF20240022")),
        order_mail("CF20240023"),
        order_mail("CF20240024"),
    )
    settings = make_settings(workers=2, max_attempts=2)
    store = open_store(settings)
    source = open_source(settings)
    poller = Poller(store, settings, stages, work=crash_on_mark)
    try:
        first = poller.poll(source)
        rows = {r.order_number or str(r.uid): r for r in store.list_messages()}
        assert first.processed == 4
        assert sorted(r.status for r in rows.values()) == [
            "awaiting-validation",
            "awaiting-validation",
            "awaiting-validation",
            "needs-attention",
        ]
        crashed = store.list_messages("needs-attention")[0]
        assert crashed.uid == 2 and "worker processing this mail died" in (crashed.last_error or "")
        assert all(r.attempts == 1 for r in rows.values())  # the innocent ones: one attempt
        second = poller.poll(source)  # retry_delay=0: due again, dies again, gives up
        assert second.processed == 1
        assert store.get_message(crashed.id).status == "failed"
        pool = poller._executor()  # the broken pool was dropped: a working one is built
        assert pool is not None and pool.submit(os.getpid).result(timeout=60) > 0
    finally:
        poller.close()
        source.close()
    assert dovecot.count("Orders/Processed") == 3 and dovecot.count("Orders/NeedsAttention") == 1


def test_connection_drop_with_workers_keeps_finished_results_and_moves_later(
    dovecot: Dovecot, make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    numbers = ["CF20240031", "CF20240032", "CF20240033"]
    dovecot.append("INBOX", *(order_mail(n) for n in numbers))
    settings = make_settings(workers=2)
    store = open_store(settings)
    fetched: list[MailRef] = []
    clock = [0.0]

    def stop_before_third_fetch(n: int) -> None:
        if n == 3:
            dovecot.run("stop")  # and it stays down: no move can be applied now

    daemon = make_daemon(settings, store, stages, fetched, stop_before_third_fetch, clock)
    try:
        assert daemon.poll_once() is None  # the connection died mid-poll
        dovecot.run("start")
        # Both mails handed to the workers are stored; their moves are owed.
        assert statuses(store) == ["awaiting-validation", "awaiting-validation", "new"]
        owed = store.list_messages("awaiting-validation")
        assert all(not r.post_action_done for r in owed)
        clock[0] += 1000.0
        assert daemon.poll_once() is not None
    finally:
        daemon.stop()
    assert statuses(store) == ["awaiting-validation"] * 3
    assert dovecot.count("Orders/Processed") == 3 and dovecot.count("INBOX") == 0


def test_workers_ignore_sigterm_from_the_control_group(
    make_settings: Callable[..., Settings], open_store: Any, stages: Stages
) -> None:
    settings = make_settings(workers=2)
    poller = Poller(open_store(settings), settings, stages)
    try:
        pool = poller._executor()
        assert pool is not None
        assert pool.submit(os.getpid).result(timeout=60) > 0
        pids = list(pool._processes)  # type: ignore[attr-defined]
        for pid in pids:
            os.kill(pid, signal.SIGTERM)  # what systemd's KillMode=control-group would do
        assert pool.submit(os.getpid).result(timeout=60) in pids  # the same, living workers
    finally:
        poller.close()
