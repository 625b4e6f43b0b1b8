"""A token bucket shared by the whole process, so a quota holds across threads and jobs.

INSEE allows 30 requests a minute per key, recherche-entreprises 7 a second per client.
A quota belongs to the key, not to one object: every client built in the process draws
from the same bucket (:func:`shared_bucket`). Time is injected (``clock`` and ``sleep``)
so the tests drive the bucket with a fake clock and never sleep.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class TokenBucket:
    """``capacity`` tokens at most, refilled at ``rate`` tokens per second.

    A full bucket lets a burst of ``capacity`` requests through, then one every
    ``1 / rate`` seconds: exactly "30 per minute" when capacity is 30 and rate 0.5.
    """

    def __init__(
        self,
        rate: float,
        capacity: float,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("a token bucket needs a positive rate and a capacity of 1 or more")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._tokens = float(capacity)
        self._stamp = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        elapsed = max(0.0, now - self._stamp)
        self._tokens = min(self.capacity, self._tokens + elapsed * self.rate)
        self._stamp = now

    def reserve(self) -> float:
        """Take one token now (going into debt if needed); return seconds to wait first.

        Reserving under the lock and sleeping outside it keeps waiters in arrival order
        without holding the lock while asleep.
        """
        with self._lock:
            self._refill()
            self._tokens -= 1.0
            if self._tokens >= 0:
                return 0.0
            return -self._tokens / self.rate

    def try_acquire(self) -> bool:
        """Take a token if one is there now; never waits."""
        with self._lock:
            self._refill()
            if self._tokens >= 1.0:
                self._tokens -= 1.0
                return True
            return False

    def acquire(self) -> float:
        """Wait until a token is ours; return how long we waited (seconds)."""
        wait = self.reserve()
        if wait > 0:
            self._sleep(wait)
        return wait

    def penalise(self, seconds: float) -> None:
        """The server said "slow down" (429): nobody in the process asks for ``seconds``."""
        with self._lock:
            self._refill()
            self._tokens = min(self._tokens, 0.0) - seconds * self.rate

    @property
    def tokens(self) -> float:
        with self._lock:
            self._refill()
            return self._tokens


_shared: dict[str, TokenBucket] = {}
_shared_lock = threading.Lock()


def shared_bucket(name: str, rate: float, capacity: float) -> TokenBucket:
    """The process-wide bucket for one quota (created on first use)."""
    with _shared_lock:
        bucket = _shared.get(name)
        if bucket is None or bucket.rate != rate or bucket.capacity != capacity:
            bucket = TokenBucket(rate, capacity)
            _shared[name] = bucket
        return bucket
