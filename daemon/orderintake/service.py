"""The daemon: scheduled polls, IMAP IDLE, reconnection with backoff, clean stop.

APScheduler 3 runs the poll job (``poll_interval``, never two at once: ``max_instances=1``
and ``coalesce=True``), a maintenance job (expired leases, retention of stored files),
the SIRENE job (every minute: asks the register about the numbers the pipeline queued;
the pipeline itself never waits on it) and the hand-off job (every 10 s: sends validated
orders to the webhook, with retries). A job's failure is logged and the next run tries
again; no job can stop the daemon.
When the source can push (IMAP IDLE), a watcher thread holds a second connection in IDLE
and wakes the poll job within about a second of a new mail; the regular poll stays as a
safety net. A mailbox that drops or hangs raises ``MailboxError``: the poller closes the
connection and does not try again before an exponential, jittered delay (1 s doubling up
to ``reconnect_max``), so a server restart is not hammered.

SIGTERM/SIGINT set a stop event: the poll in progress finishes the mail it holds (its
result is committed and its post-action applied) and takes no other; a mail whose lease
was taken but not yet processed is released. Time sources and the random jitter are
injected, so the tests never sleep for long.
"""

from __future__ import annotations

import logging
import random
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from .errors import IntakeError, MailboxError
from .logs import JsonFormatter, setup_logging
from .pipeline import Stages
from .poller import Poller, PollReport

if TYPE_CHECKING:
    from .config import Settings
    from .handoff import DeliveryReport
    from .mailbox import MailSource
    from .sirene import SireneClient
    from .store.repo import Store

log = logging.getLogger(__name__)

__all__ = ["Backoff", "Daemon", "JsonFormatter", "setup_logging"]


class Backoff:
    """Exponential delays with jitter: 1, 2, 4 … seconds up to ``cap``, each × 0.5–1.0."""

    def __init__(self, cap: float, rng: Callable[[], float] = random.random) -> None:
        self.cap = cap
        self.rng = rng
        self.failures = 0

    def next_delay(self) -> float:
        base = min(self.cap, 2.0**self.failures)
        self.failures += 1
        return base * (0.5 + 0.5 * self.rng())

    def reset(self) -> None:
        self.failures = 0


def _open_source(settings: Settings) -> MailSource:
    from .mailbox.factory import open_source

    return open_source(settings)


class Daemon:
    """Polls one mailbox into the store until stopped."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        stages: Stages,
        *,
        source_factory: Callable[[Settings], MailSource] = _open_source,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        monotonic: Callable[[], float] = time.monotonic,
        rng: Callable[[], float] = random.random,
        maintenance_interval: float = 600.0,
        sirene_client: SireneClient | None = None,
        sirene_interval: float = 60.0,
        sirene_batch: int = 20,
        deliver_interval: float = 10.0,
    ) -> None:
        self.settings = settings
        self.store = store
        self.now = now
        self.monotonic = monotonic
        self.source_factory = source_factory
        self.poller = Poller(store, settings, stages, now=now)
        self.backoff = Backoff(settings.reconnect_max, rng)
        self.idle_backoff = Backoff(settings.reconnect_max, rng)
        self.maintenance_interval = maintenance_interval
        #: Built from the settings at start() when not given (None: no SIRENE job).
        self.sirene_client = sirene_client
        self.sirene_interval = sirene_interval
        self.sirene_batch = sirene_batch
        self.deliver_interval = deliver_interval
        self.stop_event = threading.Event()
        self._source: MailSource | None = None
        self._not_before = 0.0
        self._wake_pending = threading.Event()
        self._poll_lock = threading.Lock()
        self._scheduler: Any = None
        self._idle_thread: threading.Thread | None = None
        self._idle_source: MailSource | None = None
        #: Set after every finished poll attempt (tests wait on it instead of sleeping).
        self.polled = threading.Condition()
        self.poll_count = 0
        self.last_report: PollReport | None = None

    # --- one poll ---------------------------------------------------------------------

    def poll_once(self) -> PollReport | None:
        """Connect if needed and poll; a mailbox failure is logged and backed off."""
        with self._poll_lock:
            try:
                return self._poll_passes()
            finally:
                with self.polled:
                    self.poll_count += 1
                    self.polled.notify_all()

    def _poll_passes(self) -> PollReport | None:
        if self.monotonic() < self._not_before:
            return None
        report: PollReport | None = None
        while not self.stop_event.is_set():
            self._wake_pending.clear()
            report = self._one_pass()
            if report is None or not self._wake_pending.is_set():
                break
        return report

    def _one_pass(self) -> PollReport | None:
        mailbox = self.settings.mailbox_url.split("?")[0]
        try:
            if self._source is None:
                source = self.source_factory(self.settings)
                source.connect()
                self._source = source
            mailbox = self._source.name
            report = self.poller.poll(self._source, self.stop_event)
        except MailboxError as exc:
            self._drop_source()
            delay = self.backoff.next_delay()
            self._not_before = self.monotonic() + delay
            log.warning("mailbox %s: %s; next attempt in %.1f s", mailbox, exc, delay)
            self._record(mailbox, error=str(exc))
            self._schedule_poll(delay)
            return None
        except IntakeError as exc:  # the database refused: keep the connection, try later
            log.error("poll of %s stopped: %s", mailbox, exc)
            self._record(mailbox, error=str(exc))
            return None
        except Exception as exc:  # a bug must not kill the daemon; the next poll retries
            log.exception("poll of %s failed unexpectedly", mailbox)
            self._record(mailbox, error=f"internal error: {exc!r}")
            return None
        self.backoff.reset()
        self.last_report = report
        self._record(mailbox, counts=report.counts())
        if report.listed or report.processed:
            log.debug(
                "poll: %d listed, %d processed, %d skipped",
                report.listed,
                report.processed,
                report.skipped,
            )
        return report

    def _record(self, mailbox: str, *, error: str | None = None, counts: Any = None) -> None:
        try:
            self.store.record_poll(mailbox, self.now(), error=error, counts=counts or {})
        except IntakeError as exc:
            log.error("cannot record the poll of %s: %s", mailbox, exc)

    def _drop_source(self) -> None:
        if self._source is not None:
            try:
                self._source.close()
            except Exception:  # closing a dead connection may fail any way it likes
                log.debug("closing the mail source failed", exc_info=True)
            self._source = None

    # --- scheduling ---------------------------------------------------------------------

    def wake(self) -> None:
        """Ask for a poll now (from the IDLE watcher); a poll in progress does one more pass."""
        self._wake_pending.set()
        self._schedule_poll(0.0)

    def _schedule_poll(self, delay: float) -> None:
        if self._scheduler is None or self.stop_event.is_set():
            return
        when = datetime.now(UTC) + timedelta(seconds=delay)
        try:
            self._scheduler.modify_job("poll", next_run_time=when)
        except Exception:  # the scheduler is shutting down
            log.debug("cannot reschedule the poll", exc_info=True)

    def maintenance(self) -> None:
        """Leases that ran out go back to the queue; old stored files are deleted."""
        try:
            now = self.now()
            expired = self.store.expire_leases(
                now,
                max_attempts=self.settings.max_attempts,
                post_action=self.poller.target_action("failed", None),
            )
            purged = self.store.purge_old_blobs(now, self.settings.retention_days)
            if expired or purged:
                log.info("maintenance: %d expired lease(s), %d file(s) purged", expired, purged)
        except IntakeError as exc:
            log.error("maintenance failed: %s", exc)

    def complete_sirene(self) -> int:
        """The SIRENE job: answer up to ``sirene_batch`` queued numbers; returns how many."""
        if self.sirene_client is None:
            return 0
        from .sirene import complete_pending

        try:
            answered = complete_pending(
                self.store.db.engine,
                self.sirene_client,
                self.sirene_batch,
                ttl_days=self.settings.sirene_cache_ttl_days,
            )
        except IntakeError as exc:
            log.warning("SIRENE job: %s", exc)
            return 0
        except Exception:  # a bug in a provider must not stop the scheduler
            log.exception("SIRENE job failed unexpectedly")
            return 0
        if answered:
            log.info("SIRENE job: %d number(s) answered", answered)
        return answered

    def deliver(self) -> DeliveryReport | None:
        """The hand-off job: send every due delivery of validated orders."""
        from .handoff import deliver_due

        try:
            return deliver_due(self.store, self.settings)
        except IntakeError as exc:
            log.warning("hand-off job: %s", exc)
        except Exception:
            log.exception("hand-off job failed unexpectedly")
        return None

    def _build_sirene_client(self) -> None:
        if self.sirene_client is not None:
            return
        from .sirene import build_client

        try:
            self.sirene_client = build_client(self.settings, self.store.db.engine)
        except IntakeError as exc:
            log.error("SIRENE: %s; identifiers stay unchecked", exc)

    def start(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler

        self._build_sirene_client()

        sched = BackgroundScheduler(timezone=UTC)
        sched.add_job(
            self.poll_once,
            "interval",
            seconds=self.settings.poll_interval,
            id="poll",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            next_run_time=datetime.now(UTC),
        )
        now = datetime.now(UTC)
        # (job, id, interval, first run after): no overlap, missed runs coalesced.
        for job, job_id, every, first in (
            (self.maintenance, "maintenance", self.maintenance_interval, 5.0),
            (self.complete_sirene, "sirene", self.sirene_interval, min(30.0, self.sirene_interval)),
            (self.deliver, "handoff", self.deliver_interval, min(5.0, self.deliver_interval)),
        ):
            sched.add_job(
                job,
                "interval",
                seconds=every,
                id=job_id,
                max_instances=1,
                coalesce=True,
                next_run_time=now + timedelta(seconds=first),
            )
        self._scheduler = sched
        sched.start()
        if self.settings.idle:
            self._idle_thread = threading.Thread(target=self._idle_loop, name="idle", daemon=True)
            self._idle_thread.start()
        log.info(
            "orderintake daemon started: %s, poll every %.0f s, %d worker(s)",
            _safe_url(self.settings.mailbox_url),
            self.settings.poll_interval,
            self.settings.workers,
        )

    def _idle_loop(self) -> None:
        """Hold a second connection in IDLE; every change wakes the poller."""
        source: MailSource | None = None
        while not self.stop_event.is_set():
            try:
                if source is None:
                    source = self.source_factory(self.settings)
                    source.connect()  # an IMAP source knows about IDLE once connected
                    self._idle_source = source
                    if not source.supports_idle:
                        log.info("the mailbox does not push new mail (no IDLE): polling only")
                        source.close()
                        return
                    self.idle_backoff.reset()
                if source.wait(self.settings.poll_interval) and not self.stop_event.is_set():
                    self.wake()
            except MailboxError as exc:
                if source is not None:
                    try:
                        source.close()
                    except Exception:
                        log.debug("closing the IDLE connection failed", exc_info=True)
                source = None
                delay = self.idle_backoff.next_delay()
                log.warning("IDLE connection: %s; reconnecting in %.1f s", exc, delay)
                self.stop_event.wait(delay)
        if source is not None:
            try:
                source.close()
            except Exception:
                log.debug("closing the IDLE connection failed", exc_info=True)

    def stop(self) -> None:
        """Finish the mail in flight, stop the jobs, close connections."""
        self.stop_event.set()
        wake = getattr(self._idle_source, "wake", None)
        if callable(wake):
            wake()  # ends the IDLE wait within about a second
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None
        with self._poll_lock:
            self._drop_source()
            self.poller.close()
        if self.sirene_client is not None:
            self.sirene_client.close()  # its HTTP connections; a new start() rebuilds none
            self.sirene_client = None
        if self._idle_thread is not None:
            self._idle_thread.join(timeout=5.0)
            self._idle_thread = None
        log.info("orderintake daemon stopped")

    def run_forever(self) -> None:
        """Run until SIGTERM or SIGINT (the ``orderintake run`` command)."""

        def _on_signal(signum: int, _frame: Any) -> None:
            log.info("signal %s received: stopping after the mail in progress", signum)
            self.stop_event.set()

        signal.signal(signal.SIGTERM, _on_signal)
        signal.signal(signal.SIGINT, _on_signal)
        self.start()
        try:
            while not self.stop_event.wait(1.0):
                pass
        finally:
            self.stop()


def _safe_url(url: str) -> str:
    """The mailbox URL without a password, for the logs."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        cred, _, host = rest.rpartition("@")
        rest = f"{cred.split(':')[0]}@{host}"
    return f"{scheme}{sep}{rest}"
