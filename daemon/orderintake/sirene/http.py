"""One careful way to ask a register over HTTP: quota, timeouts, bounded retries.

Every provider goes through :class:`RegisterHttp`. It takes a token from the quota's
bucket before each request, retries what is worth retrying (429, honouring
``Retry-After``; 5xx) with exponential backoff a bounded number of times, and turns every
httpx error into a :class:`SireneError` (``raise … from exc``) so the callers see one
exception type. The API key is sent in a header and never logged.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import httpx

from ..errors import SireneError
from .ratelimit import Sleep, TokenBucket

log = logging.getLogger(__name__)

#: The most we wait for one Retry-After or backoff step: a scheduled job must not hang.
MAX_WAIT = 60.0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RegisterHttp:
    """An httpx client bound to one register's base URL, quota and retry policy."""

    def __init__(
        self,
        name: str,
        base_url: str,
        bucket: TokenBucket,
        *,
        timeout: float = 10.0,
        headers: Mapping[str, str] | None = None,
        max_attempts: int = 4,
        backoff: float = 1.0,
        sleep: Sleep = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.name = name
        self.bucket = bucket
        self.max_attempts = max(1, max_attempts)
        self.backoff = backoff
        self._sleep = sleep
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"Accept": "application/json", **(headers or {})},
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def request(
        self, method: str, path: str, *, params: Any = None, json: Any = None
    ) -> httpx.Response:
        """The final response (2xx, or a 4xx other than 429 for the caller to read).

        Raises :class:`SireneError` (retryable) when the register cannot answer:
        network error, timeout, or 429/5xx still there after the last attempt.
        """
        last = ""
        for attempt in range(1, self.max_attempts + 1):
            self.bucket.acquire()
            try:
                response = self._client.request(method, path, params=params, json=json)
            except httpx.TimeoutException as exc:
                raise SireneError(f"{self.name} did not answer in time") from exc
            except httpx.HTTPError as exc:
                raise SireneError(f"{self.name} could not be reached ({exc})") from exc
            status = response.status_code
            if status == 429:
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                if wait is None:
                    wait = self.backoff * 2 ** (attempt - 1)
                wait = min(wait, MAX_WAIT)
                self.bucket.penalise(wait)
                last = "too many requests (quota)"
            elif status >= 500:
                wait = min(self.backoff * 2 ** (attempt - 1), MAX_WAIT)
                last = f"server error {status}"
            else:
                return response
            log.info(
                "%s %s %s: %s (attempt %d/%d)",
                self.name,
                method,
                path,
                last,
                attempt,
                self.max_attempts,
            )
            # For a 429 the bucket's penalty already makes the next acquire() wait.
            if attempt < self.max_attempts and status != 429:
                self._sleep(wait)
        raise SireneError(f"{self.name}: {last}, gave up after {self.max_attempts} attempts")

    def get_json(self, path: str, *, params: Any = None) -> tuple[int, Any]:
        """GET and decode: (status, JSON body or None)."""
        response = self.request("GET", path, params=params)
        return response.status_code, _decode(self.name, response)

    def post_json(self, path: str, body: Any) -> tuple[int, Any]:
        response = self.request("POST", path, json=body)
        return response.status_code, _decode(self.name, response)


def _decode(name: str, response: httpx.Response) -> Any:
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError as exc:
        if response.status_code >= 400:
            return None
        raise SireneError(f"{name} answered something that is not JSON") from exc
