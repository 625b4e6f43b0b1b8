"""The token bucket, driven by a fake clock: the quota holds, nobody sleeps."""

from __future__ import annotations

import threading

from orderintake.sirene.http import retry_after_seconds
from orderintake.sirene.ratelimit import TokenBucket, shared_bucket


def test_burst_then_one_every_two_seconds(clock):
    bucket = TokenBucket(0.5, 30, clock=clock.now, sleep=clock.sleep)
    waits = [bucket.acquire() for _ in range(33)]
    assert waits[:30] == [0.0] * 30
    assert waits[30:] == [2.0, 2.0, 2.0]  # then one token every 2 s
    # Over any minute no more than 30 + 30 requests (burst + refill) get through.
    assert clock.t - 1000.0 == 6.0


def test_refill_is_capped_at_capacity(clock):
    bucket = TokenBucket(0.5, 30, clock=clock.now, sleep=clock.sleep)
    for _ in range(30):
        bucket.acquire()
    clock.t += 3600
    assert bucket.tokens == 30
    assert not clock.slept


def test_try_acquire_never_waits(clock):
    bucket = TokenBucket(1, 2, clock=clock.now, sleep=clock.sleep)
    assert bucket.try_acquire() and bucket.try_acquire()
    assert not bucket.try_acquire()
    clock.t += 1.0
    assert bucket.try_acquire()
    assert clock.slept == []


def test_penalty_after_429_makes_everyone_wait(clock):
    bucket = TokenBucket(0.5, 30, clock=clock.now, sleep=clock.sleep)
    bucket.penalise(10)
    assert bucket.acquire() == 12.0  # 10 s of penalty, then the next token (2 s)


def test_threads_share_the_quota(clock):
    bucket = TokenBucket(0.5, 5, clock=clock.now, sleep=lambda s: None)
    waits: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(5):
            w = bucket.reserve()
            with lock:
                waits.append(w)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # 20 reservations against 5 tokens: 15 wait, each for a distinct slot 2 s apart.
    assert sorted(waits) == [0.0] * 5 + [2.0 * i for i in range(1, 16)]


def test_shared_bucket_is_one_per_quota():
    assert shared_bucket("test-q", 1.0, 3) is shared_bucket("test-q", 1.0, 3)
    assert shared_bucket("test-q", 1.0, 3) is not shared_bucket("test-other", 1.0, 3)


def test_retry_after_forms():
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    from datetime import UTC, datetime

    now = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Sun, 22 Nov 2026 10:00:30 GMT", now) == 30.0
