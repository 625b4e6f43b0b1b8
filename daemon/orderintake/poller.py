"""One poll of a mailbox through the store: lease, fetch, process, store, then move.

:class:`Poller` is the daemon's side of :mod:`.pipeline`: list the folder (references
only), skip what the store has finished, lease the rest one by one, fetch, process (in
line or in worker processes), add what the store knows (:mod:`.enrich`: the customer's
learned profile before storing; SIRENE queueing and auto-accept after), store, commit,
and only then move or flag the mail on the server. A crash between commit and move is
repaired at the next poll without fetching the body again (the row says the post-action
is owed).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from . import enrich
from .errors import MailboxError
from .model import MailRef
from .pipeline import Stages, process_raw
from .store.records import Claim, MailResult, RefState, Saved
from .store.repo import LeaseLost

if TYPE_CHECKING:
    from .config import Settings
    from .mailbox import MailSource
    from .store.repo import Store

log = logging.getLogger(__name__)

__all__ = ["Outcome", "PollReport", "Poller", "owner_id"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one mail in a poll (one INFO log line each)."""

    ref: MailRef
    message_id: int | None
    status: str
    action: str | None = None
    detail: str = ""


@dataclass
class PollReport:
    listed: int = 0
    processed: int = 0
    skipped: int = 0
    post_actions: int = 0
    uidvalidity_changed: bool = False
    outcomes: list[Outcome] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out


_worker_stages: Stages | None = None


def _worker_init(stages: Stages) -> None:
    global _worker_stages
    # systemd's stop signal reaches the whole control group: a worker that died of it
    # would break the pool and cost its mail an attempt. The daemon stops its workers
    # itself (shutdown, or SIGKILL of a broken pool); the unit has KillMode=mixed.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    _worker_stages = stages


def _worker_process(raw: bytes, name: str) -> MailResult:
    assert _worker_stages is not None
    return process_raw(raw, name=name, stages=_worker_stages)


def owner_id() -> str:
    """Who holds a lease: host, process and thread, for the admin page and the logs."""
    return f"{os.uname().nodename}:{os.getpid()}:{threading.get_ident()}"


class Poller:
    """One pass over a mail source: lease, fetch, process, store, then post-action."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        stages: Stages,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        owner: str | None = None,
        work: Callable[[bytes, str], MailResult] = _worker_process,
    ) -> None:
        self.store = store
        self.settings = settings
        self.stages = stages
        self.now = now
        self.owner = owner or owner_id()
        self._pool: ProcessPoolExecutor | None = None
        #: What a worker process runs for one mail (a picklable module-level function).
        self.work = work

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _discard_pool(self) -> None:
        """Drop a broken pool; the next :meth:`_executor` call builds a fresh one.

        Its surviving workers ignore SIGTERM (see ``_worker_init``), so they are killed.
        """
        pool, self._pool = self._pool, None
        if pool is None:
            return
        log.warning("a worker process died: the worker pool is rebuilt")
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            if proc.is_alive():
                proc.kill()
        pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, raw: bytes, name: str) -> Future[MailResult] | None:
        """Hand a mail to the pool; None when the pool is broken (and now discarded)."""
        pool = self._executor()
        assert pool is not None
        try:
            return pool.submit(self.work, raw, name)
        except BrokenProcessPool:
            self._discard_pool()
            return None

    def _run_alone(self, raw: bytes, name: str) -> MailResult:
        """Process one mail alone in a fresh pool: if a worker dies now, this mail did it."""
        fut = self._submit(raw, name) or self._submit(raw, name)
        try:
            if fut is None:
                raise BrokenProcessPool("the worker pool cannot be started")
            return fut.result()
        except BrokenProcessPool as exc:
            self._discard_pool()
            return MailResult(name, error=f"the worker processing this mail died: {exc}")

    def _executor(self) -> ProcessPoolExecutor | None:
        if self.settings.workers <= 1:
            return None
        if self._pool is None:
            import multiprocessing

            self._pool = ProcessPoolExecutor(
                self.settings.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_init,
                initargs=(self.stages,),
            )
        return self._pool

    def target_action(self, status: str, bucket: str | None) -> str | None:
        """The post-action owed for a final status: 'move:FOLDER', 'flag:KW' or 'none'."""
        s = self.settings
        if status in ("new", "processing", "needs-attention"):
            return None
        if s.post_action == "none":
            return "none"
        if s.post_action == "flag":
            return f"flag:{s.post_flag}"
        if status == "failed" or bucket == "order-no-attachment":
            return f"move:{s.folder_needs_attention}"
        if status == "not-order":
            return f"move:{s.folder_not_order}"
        return f"move:{s.folder_processed}"

    def apply_post_action(self, source: MailSource, ref: MailRef, message_id: int) -> str:
        rec = self.store.get_message(message_id)
        action = rec.post_action or self.target_action(rec.status, rec.bucket) or "none"
        kind, _, arg = action.partition(":")
        try:
            if kind == "move":
                source.move(ref, arg)
            elif kind == "flag":
                source.flag(ref, arg)
        except MailboxError as exc:
            if exc.retryable:
                raise  # the connection dropped: the next poll applies it (the row says so)
            log.warning("mail #%s: post-action %s not applied: %s", message_id, action, exc)
            action = f"{action} (not applied: {exc})"[:200]
        self.store.mark_post_action_done(message_id, action)
        return action

    def poll(self, source: MailSource, stop: threading.Event | None = None) -> PollReport:
        """Process every new or due mail of ``source``; raises ``MailboxError`` on a drop."""
        report = PollReport()
        refs = source.list_refs()
        report.listed = len(refs)
        by_validity: dict[tuple[str, int], list[MailRef]] = {}
        for ref in refs:
            by_validity.setdefault((ref.mailbox, ref.uidvalidity), []).append(ref)
        in_flight: deque[tuple[MailRef, Claim, bytes, Future[MailResult]]] = deque()
        limit = self.settings.workers * 2
        for (mailbox, validity), group in by_validity.items():
            previous = self.store.note_uidvalidity(mailbox, validity)
            if previous is not None:
                report.uidvalidity_changed = True
                log.warning(
                    "%s: UIDVALIDITY changed %s → %s: mails are matched again by Message-ID "
                    "and attachment hashes, not reprocessed",
                    mailbox,
                    previous,
                    validity,
                )
            states = self.store.ref_states(mailbox, validity, [r.uid for r in group])
            try:
                for ref in group:
                    if stop is not None and stop.is_set():
                        break
                    state = states.get(ref.uid)
                    if state is not None and self._settled(source, ref, state, report):
                        continue
                    pool = self._executor()
                    if pool is None:
                        self.process_ref(source, ref, report)
                        continue
                    taken = self._take(source, ref, report)
                    if taken is None:
                        continue
                    claim, raw = taken
                    fut = self._submit(raw, _name(ref))
                    if fut is None:
                        # A worker died: every mail in flight is a suspect. Each is run
                        # again alone (in _finish_future), then this one in a fresh pool.
                        while in_flight:
                            self._finish_future(source, in_flight.popleft(), report)
                        fut = self._submit(raw, _name(ref))
                    if fut is None:
                        result = self._run_alone(raw, _name(ref))
                        self._finish(source, ref, claim, raw, result, report)
                        continue
                    in_flight.append((ref, claim, raw, fut))
                    while len(in_flight) >= limit:
                        self._finish_future(source, in_flight.popleft(), report)
            except BaseException:
                # The mailbox dropped (or we are stopping hard): keep the work already done
                # by the workers; the moves are owed and applied by the next poll.
                while in_flight:
                    self._finish_future(source, in_flight.popleft(), report, post_action=False)
                raise
        while in_flight:
            self._finish_future(source, in_flight.popleft(), report)
        return report

    def process_ref(
        self, source: MailSource, ref: MailRef, report: PollReport | None = None
    ) -> Outcome | None:
        """Lease, fetch, process, store, then move/flag one mail, in line.

        None when the mail is not ours to process now (done, leased by another worker,
        not due for a retry, or gone from the server).
        """
        report = report if report is not None else PollReport()
        taken = self._take(source, ref, report)
        if taken is None:
            return None
        claim, raw = taken
        result = process_raw(raw, name=_name(ref), stages=self.stages)
        return self._finish(source, ref, claim, raw, result, report)

    def _take(
        self, source: MailSource, ref: MailRef, report: PollReport
    ) -> tuple[Claim, bytes] | None:
        claim = self.store.claim(
            ref, self.owner, self.now(), self.settings.lease_seconds, self.settings.max_attempts
        )
        if claim is None:
            report.skipped += 1
            self._owed_after_refusal(source, ref)
            return None
        try:
            return claim, source.fetch(ref)
        except MailboxError as exc:
            if exc.retryable:  # the server went away: not this mail's fault
                self.store.release(claim)
                raise
            # The server refused this one mail (or it is gone): an attempt, with backoff;
            # the other mails go on.
            log.warning("%s: cannot be fetched: %s", _name(ref), exc)
            result = MailResult(_name(ref), error=f"the mail could not be downloaded: {exc}")
            self._finish(source, ref, claim, b"", result, report)
            return None
        except BaseException:  # we are stopping hard
            self.store.release(claim)
            raise

    def _settled(
        self, source: MailSource, ref: MailRef, state: RefState, report: PollReport
    ) -> bool:
        """True when the mail needs no processing (its post-action is applied if owed)."""
        from .store.repo import FINAL_STATUSES

        if state.status in FINAL_STATUSES:
            if not state.post_action_done:
                action = self.apply_post_action(source, ref, state.id)
                report.post_actions += 1
                log.info("mail #%s: owed post-action done (%s)", state.id, action)
            else:
                report.skipped += 1
            return True
        now = self.now()
        if (
            state.status == "needs-attention"
            and state.next_attempt_at
            and state.next_attempt_at > now
        ):
            report.skipped += 1
            return True
        if state.status == "processing" and state.lease_expires_at and state.lease_expires_at > now:
            report.skipped += 1
            return True
        return False

    def _owed_after_refusal(self, source: MailSource, ref: MailRef) -> None:
        # claim() may just have marked a crash-looping mail failed: move it out of the way.
        state = self.store.ref_states(ref.mailbox, ref.uidvalidity, [ref.uid]).get(ref.uid)
        if state is not None and state.status == "failed" and not state.post_action_done:
            action = self.apply_post_action(source, ref, state.id)
            log.info("mail #%s: failed (%s attempts); %s", state.id, state.attempts, action)

    def _finish_future(
        self,
        source: MailSource,
        item: tuple[MailRef, Claim, bytes, Future[MailResult]],
        report: PollReport,
        *,
        post_action: bool = True,
    ) -> None:
        ref, claim, raw, fut = item
        try:
            result = fut.result()
        except BrokenProcessPool:
            # A worker died (OOM, segfault in a library, a signal): perhaps on this mail,
            # perhaps on another one in flight. Only a run alone (in a fresh pool, built
            # by the first suspect and reused by the others) tells.
            result = self._run_alone(raw, _name(ref))
        except Exception as exc:  # the result could not be sent back (pickling)
            result = MailResult(
                _name(ref), error=f"the worker processing this mail failed: {exc!r}"
            )
        self._finish(source, ref, claim, raw, result, report, post_action=post_action)

    def _finish(
        self,
        source: MailSource,
        ref: MailRef,
        claim: Claim,
        raw: bytes,
        result: MailResult,
        report: PollReport,
        *,
        post_action: bool = True,
    ) -> Outcome:
        try:
            return self._store_result(source, ref, claim, raw, result, report, post_action)
        except LeaseLost as exc:
            # The lease ran out during a long run and the mail went back to the queue:
            # only this mail's result is dropped; it is processed again later.
            log.warning("%s: result not stored: %s", _name(ref), exc)
            outcome = Outcome(ref, claim.message_id, "lease-lost", None, str(exc))
            report.outcomes.append(outcome)
            return outcome

    def _store_result(
        self,
        source: MailSource,
        ref: MailRef,
        claim: Claim,
        raw: bytes,
        result: MailResult,
        report: PollReport,
        post_action: bool,
    ) -> Outcome:
        now = self.now()
        s = self.settings
        if result.error is not None:
            saved = self.store.record_failure(
                claim,
                result.error,
                now,
                max_attempts=s.max_attempts,
                retry_base_seconds=s.retry_delay,
                post_action=self.target_action("failed", None) or "none",
                retryable=result.retryable,
            )
        else:
            bucket = result.classification.bucket if result.classification else None
            status = "awaiting-validation" if bucket == "order" else "not-order"
            result = enrich.learn_safely(self.store, result)
            saved = self.store.save_result(
                claim, raw, result, now, self.target_action(status, bucket) or "none"
            )
        auto = result.error is None and enrich.after_store(self.store, s, saved, result)
        report.processed += 1
        action = None
        owed = saved.status in _POST_ACTION_STATUSES and not saved.post_action_done
        if owed and post_action:
            action = self.apply_post_action(source, ref, saved.message_id)
            report.post_actions += 1
        status = "validated" if auto else saved.status
        outcome = Outcome(ref, saved.message_id, status, action, result.error or "")
        report.outcomes.append(outcome)
        _log_outcome(outcome, result, saved, auto_accepted=auto)
        return outcome


_POST_ACTION_STATUSES = frozenset(
    {"awaiting-validation", "validated", "rejected", "not-order", "failed", "duplicate"}
)


def _name(ref: MailRef) -> str:
    return f"{ref.mailbox}#{ref.uidvalidity}:{ref.uid}"


def _log_outcome(
    outcome: Outcome, result: MailResult, saved: Saved, *, auto_accepted: bool = False
) -> None:
    extra = {"mail_id": outcome.message_id, "status": outcome.status}
    if result.error is not None:
        log.info(
            "mail #%s %s: %s (%s)",
            outcome.message_id,
            outcome.status,
            result.error,
            _name(outcome.ref),
            extra=extra,
        )
        return
    bits = [f"{len(result.attachments)} attachment(s)", f"{result.seconds:.2f}s"]
    if result.order_number is not None:
        bits.insert(0, f"order number {result.order_number.value!r}")
    if saved.duplicate_of is not None:
        bits.insert(0, f"duplicate of #{saved.duplicate_of}")
    if saved.rekeyed:
        bits.insert(0, "same mail under a new UIDVALIDITY")
    if auto_accepted:
        bits.insert(0, "auto-accepted")
    if outcome.action:
        bits.append(outcome.action)
    log.info("mail #%s %s: %s", outcome.message_id, outcome.status, ", ".join(bits), extra=extra)
